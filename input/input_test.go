package input

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func gz(t *testing.T, s string) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(s))
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// walk reads paths and returns the articles (as "id|text|date|source") and
// the reported errors.
func walk(t *testing.T, r *Reader, paths ...string) (arts []Article, errs []*Error) {
	t.Helper()
	r.Report = func(e *Error) { errs = append(errs, e) }
	if err := r.Walk(paths, func(a Article) error { arts = append(arts, a); return nil }); err != nil {
		t.Fatal(err)
	}
	return arts, errs
}

func TestWalk(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "b.txt"), []byte("\uFEFFنص\r\nثان"))
	write(t, filepath.Join(dir, "sub", "a.txt"), []byte("في مجلد"))
	write(t, filepath.Join(dir, "skip.md"), []byte("not an article"))
	write(t, filepath.Join(dir, "bin.txt"), []byte("ab\x00cd"))
	write(t, filepath.Join(dir, "latin1.txt"), []byte("caf\xe9"))
	write(t, filepath.Join(dir, "news.jsonl"), []byte(
		`{"id":"x1","text":"الأول","date":"2018-01-02","title":"t","url":"http://u","source":"bbc"}`+"\n"+
			"\n"+
			`{"id": 7, "text": "رقم"}`+"\n"+
			`{"text": broken}`+"\n"+
			`{"id":"no-text"}`+"\n"+
			`{"docno":"AL-1","src":"alarabia","cat":"culture","text":"ant"}`))
	write(t, filepath.Join(dir, "z.jsonl.gz"), gz(t, `{"id":"g1","text":"مضغوط"}`+"\n"))
	write(t, filepath.Join(dir, "bad.jsonl.gz"), []byte("not gzip"))

	arts, errs := walk(t, &Reader{}, dir, filepath.Join(dir, "missing.txt"))
	var got []string
	for _, a := range arts {
		got = append(got, a.ID+"|"+a.Text+"|"+a.Date+"|"+a.Source+"|"+a.Category)
	}
	want := []string{
		"b|نص\nثان|||",
		"x1|الأول|2018-01-02|bbc|",
		"7|رقم|||",
		"AL-1|ant||alarabia|culture",
		"a|في مجلد|||",
		"g1|مضغوط|||",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), dir+"/"))
	}
	wantErrs := []string{
		"bad.jsonl.gz: not a gzip file",
		"bin.txt: binary content",
		"latin1.txt: not valid UTF-8",
		"news.jsonl:4: malformed JSON",
		`news.jsonl:5: no "text" field`,
		"missing.txt: stat",
	}
	if len(msgs) != len(wantErrs) {
		t.Fatalf("errors:\n%s\nwant %d", strings.Join(msgs, "\n"), len(wantErrs))
	}
	for i := range msgs {
		if !strings.Contains(msgs[i], wantErrs[i]) {
			t.Errorf("error %d = %q, want it to contain %q", i, msgs[i], wantErrs[i])
		}
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"text", "مرحبا\r\nبكم", []string{"مرحبا\nبكم"}},
		{"jsonl", "  \n{\"text\":\"a\"}\n{\"text\":\"b\"}\n", []string{"a", "b"}},
		{"empty", "", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := walk(t, &Reader{Stdin: strings.NewReader(tt.in)}, "-")
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			var got []string
			for _, a := range arts {
				got = append(got, a.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestLongLineIsSkipped(t *testing.T) {
	long := `{"text":"` + strings.Repeat("ب", 5000) + `"}`
	in := `{"text":"a"}` + "\n" + long + "\n" + `{"text":"c"}` + "\n"
	arts, errs := walk(t, &Reader{Stdin: strings.NewReader(in), MaxLine: 1000}, "-")
	if len(arts) != 2 || arts[0].Text != "a" || arts[1].Text != "c" || arts[1].Line != 3 {
		t.Errorf("articles %+v", arts)
	}
	if len(errs) != 1 || errs[0].Line != 2 || !errors.Is(errs[0], ErrLineTooBig) {
		t.Errorf("errors %v", errs)
	}
}

// FuzzJSONL feeds arbitrary bytes as a JSON Lines stream: reading never
// panics, and every article or error names a line that exists.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"1","text":"نص"}` + "\n" + `{"text":`))
	f.Add([]byte("{\"text\":\"\xff\"}\n\n{}"))
	f.Add([]byte(`{"id":[1],"text":"x","date":5}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		data = append([]byte("{"), data...)
		lines := bytes.Count(data, []byte("\n")) + 1
		r := &Reader{Stdin: bytes.NewReader(data), MaxLine: 4096}
		r.Report = func(e *Error) {
			if e.Line < 1 || e.Line > lines {
				t.Errorf("error on line %d of %d: %v", e.Line, lines, e)
			}
		}
		r.Walk([]string{"-"}, func(a Article) error {
			if a.Line < 1 || a.Line > lines {
				t.Errorf("article on line %d of %d", a.Line, lines)
			}
			return nil
		})
	})
}

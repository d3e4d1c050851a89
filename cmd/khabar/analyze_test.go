package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runKhabar(t *testing.T, in string, args ...string) (stdout, stderr string, status int) {
	t.Helper()
	var o, e bytes.Buffer
	stdin = strings.NewReader(in)
	defer func() { stdin = os.Stdin }()
	status = dispatch(args, &o, &e)
	return o.String(), e.String(), status
}

func decodeLines(t *testing.T, out string) []map[string]any {
	t.Helper()
	var docs []map[string]any
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<26)
	for sc.Scan() {
		var d map[string]any
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatalf("output line is not JSON: %v: %.200s", err, sc.Text())
		}
		docs = append(docs, d)
	}
	return docs
}

func TestAnalyzeSeedJSON(t *testing.T) {
	out, errOut, st := runKhabar(t, "", "analyze", "--format", "json", "../../testdata/seed-article.txt")
	if st != 0 {
		t.Fatalf("status %d: %s", st, errOut)
	}
	docs := decodeLines(t, out)
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	d := docs[0]
	if d["dct"] != "2015-12-11" || d["dct_source"] != "dateline" || d["id"] != "seed-article" || d["lang"] != "ar" {
		t.Errorf("dct %v (%v), id %v, lang %v", d["dct"], d["dct_source"], d["id"], d["lang"])
	}
	if toks, _ := d["tokens"].([]any); len(toks) < 400 {
		t.Errorf("%d tokens", len(toks))
	}
}

func TestAnalyzeBadInputGoesOn(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("قال الوزير."), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("\x00\x01binary"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.jsonl"), []byte("{\"id\":\"c1\",\"text\":\"نص\",\"date\":\"2018-03-03\"}\n{bad\n{\"id\":\"c3\",\"text\":\"\",\"date\":\"yesterday\"}\n"), 0o644)
	out, errOut, st := runKhabar(t, "", "analyze", dir)
	if st != 1 {
		t.Errorf("status %d, want 1", st)
	}
	for _, want := range []string{"b.txt: binary", "c.jsonl:2: malformed JSON", `c.jsonl:3: field "date"`} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	docs := decodeLines(t, out)
	var ids []string
	for _, d := range docs {
		ids = append(ids, d["id"].(string))
	}
	if strings.Join(ids, ",") != "a,c1,c3" {
		t.Errorf("ids %v", ids)
	}
	if len(docs) == 3 {
		if docs[1]["dct"] != "2018-03-03" || docs[1]["dct_source"] != "caller" {
			t.Errorf("c1 dct %v %v", docs[1]["dct"], docs[1]["dct_source"])
		}
		if toks := docs[2]["tokens"].([]any); len(toks) != 0 {
			t.Errorf("empty document has tokens")
		}
	}
}

func TestAnalyzeOrderWithManyWorkers(t *testing.T) {
	var in strings.Builder
	for i := range 200 {
		in.WriteString(`{"id":"d` + string(rune('a'+i%26)) + `","text":"` + strings.Repeat("كلمة ", i) + `"}` + "\n")
	}
	out, errOut, st := runKhabar(t, in.String(), "analyze", "--workers", "8", "-")
	if st != 0 {
		t.Fatalf("status %d: %s", st, errOut)
	}
	docs := decodeLines(t, out)
	if len(docs) != 200 {
		t.Fatalf("%d documents", len(docs))
	}
	for i, d := range docs {
		if n := len(d["tokens"].([]any)); n != i {
			t.Fatalf("document %d has %d tokens: out of order", i, n)
		}
	}
}

func TestAnalyzeFormats(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"--format", "conllu", "-"}, []string{"# newdoc id = ", "# sent_id = ", "# text = وقال كيري", "\tوقال\t"}},
		{[]string{"--format", "text", "--date", "2015-12-11", "-"}, []string{"date 2015-12-11 (caller)", "1  وقال كيري"}},
	}
	for _, tt := range tests {
		out, errOut, st := runKhabar(t, "وقال كيري إن المحادثات مفيدة.", append([]string{"analyze"}, tt.args...)...)
		if st != 0 {
			t.Fatalf("%v: status %d: %s", tt.args, st, errOut)
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestAnalyzeFlagErrors(t *testing.T) {
	for _, args := range [][]string{
		{"analyze", "--format", "xml", "-"},
		{"analyze", "--date", "11/12/2015", "-"},
		{"analyze"},
		{"nosuchverb"},
	} {
		if _, _, st := runKhabar(t, "", args...); st != 2 {
			t.Errorf("%v: status %d, want 2", args, st)
		}
	}
}

// TestStdinIsTheProcessStdin guards the default: "-" must read the
// process's standard input when no test has replaced it.
func TestStdinIsTheProcessStdin(t *testing.T) {
	if stdin != os.Stdin {
		t.Errorf("stdin = %v, want os.Stdin", stdin)
	}
}

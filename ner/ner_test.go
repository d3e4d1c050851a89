package ner

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestChunks(t *testing.T) {
	tests := []struct {
		tags []string
		want []Chunk
	}{
		{[]string{"B-PERS", "I-PERS", "O", "B-LOC"}, []Chunk{{0, 2, "PERS"}, {3, 4, "LOC"}}},
		{[]string{"I-ORG", "I-ORG", "O"}, []Chunk{{0, 2, "ORG"}}},           // I- starts a chunk
		{[]string{"B-LOC", "B-LOC"}, []Chunk{{0, 1, "LOC"}, {1, 2, "LOC"}}}, // adjacent
		{[]string{"B-LOC", "I-ORG"}, []Chunk{{0, 1, "LOC"}, {1, 2, "ORG"}}}, // type change
		{[]string{"O", "O"}, nil},
	}
	for _, tc := range tests {
		if got := Chunks(tc.tags); !slices.Equal(got, tc.want) {
			t.Errorf("Chunks(%v) = %v, want %v", tc.tags, got, tc.want)
		}
	}
}

func TestScore(t *testing.T) {
	s := NewScore()
	s.Add([]string{"B-PERS", "I-PERS", "O", "B-LOC"}, []string{"B-PERS", "O", "O", "B-LOC"})
	s.Add([]string{"B-ORG", "I-ORG"}, []string{"B-ORG", "I-ORG"})
	p, r, f := s.PRF("")
	// 3 gold, 3 predicted, 2 right.
	if want := 200.0 / 3; p < want-1e-9 || p > want+1e-9 {
		t.Errorf("precision %.2f, want %.2f", p, want)
	}
	if want := 200.0 / 3; r < want-1e-9 || r > want+1e-9 {
		t.Errorf("recall %.2f, want %.2f", r, want)
	}
	if f <= 0 || f >= 100 {
		t.Errorf("F1 %.2f", f)
	}
	if _, _, fp := s.PRF("PERS"); fp != 0 {
		t.Errorf("PERS F1 %.2f, want 0", fp)
	}
	var b strings.Builder
	s.Report(&b)
	if !strings.Contains(b.String(), "micro") {
		t.Errorf("report lacks the micro line:\n%s", b.String())
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "فرانكفورت B-LOC\n(د O\n\nجون B-PERS\nكيري I-PERS\nbadline\n"
	got, err := ReadCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !slices.Equal(got[1].Words, []string{"جون", "كيري"}) || got[0].Tags[0] != "B-LOC" {
		t.Errorf("ReadCoNLL = %+v", got)
	}
	if _, err := ReadCoNLL(strings.NewReader("x\ny\n")); err == nil {
		t.Error("want an error when no line has a tag")
	}
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("a B-LOC\nb O\n\nc I-PERS\n")
	f.Add("\n\n x\t\n")
	f.Fuzz(func(t *testing.T, s string) {
		sents, err := ReadCoNLL(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, se := range sents {
			if len(se.Words) != len(se.Tags) || len(se.Words) == 0 {
				t.Fatalf("bad sentence %+v", se)
			}
			Chunks(se.Tags)
		}
	})
}

func TestProclitics(t *testing.T) {
	r := recognizer(t)
	tests := []struct {
		tok     string
		skip    int
		restore bool
	}{
		{"وواشنطن", 1, false},
		{"واشنطن", 0, false},
		{"لروسيا", 1, false},
		{"وروسيا", 1, false},
		{"لبنان", 0, false},
		{"للأمم", 1, true},
		{"والولايات", 1, false},
		{"وبوتين", 1, false},
		{"بغداد", 0, false},
		{"فرنسا", 0, false},
		{"كيري", 0, false},
	}
	for _, tc := range tests {
		skip, restore := r.procliticLen(tc.tok)
		if skip != tc.skip || restore != tc.restore {
			t.Errorf("procliticLen(%s) = %d, %v; want %d, %v", tc.tok, skip, restore, tc.skip, tc.restore)
		}
	}
}

func TestAnnotateSpansAndGroups(t *testing.T) {
	r := recognizer(t)
	doc := testDoc("التقى وزير الخارجية الاميركي جون كيري نظيره الروسي سيرغي لافروف في موسكو.\nوقال كيري ان روسيا وواشنطن متفقتان.")
	r.Annotate(doc)
	byText := map[string]string{}
	canon := map[string]string{}
	for _, e := range doc.Entities {
		if got := string([]rune(doc.Text)[e.Start:e.End]); got != e.Text {
			t.Errorf("entity %s: span text %q, Text %q", e.ID, got, e.Text)
		}
		byText[e.Text] = e.Type
		canon[e.Text] = e.Canonical
	}
	for text, typ := range map[string]string{"جون كيري": "PER", "موسكو": "LOC", "واشنطن": "LOC", "كيري": "PER"} {
		if byText[text] != typ {
			t.Errorf("%s: type %q, want %s (entities %v)", text, byText[text], typ, byText)
		}
	}
	if canon["كيري"] != "جون كيري" {
		t.Errorf("canonical of كيري = %q, want جون كيري", canon["كيري"])
	}
}

func TestAnnotateEmptyAndOdd(t *testing.T) {
	r := recognizer(t)
	for _, text := range []string{"", "   ", "...", "abc", "٣٤٥"} {
		doc := testDoc(text)
		r.Annotate(doc)
		if doc.Entities == nil {
			t.Errorf("%q: Entities is nil, want empty", text)
		}
	}
}

func TestRomanize(t *testing.T) {
	for _, w := range []string{"تونر", "سيبحثان", "ا", "abc"} {
		if got := romanize(w); got == "" || strings.ContainsFunc(got, func(r rune) bool { return r > 0x7f }) {
			t.Errorf("romanize(%s) = %q", w, got)
		}
	}
}

// dataDir finds ../shared/data from the module root, or skips.
func dataDir(t testing.TB) string {
	t.Helper()
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("no go.mod above the test")
		}
		dir = parent
	}
	d := filepath.Join(dir, "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(d, "anercorp")); err != nil {
		t.Skip("../shared/data/anercorp is absent; skipping the corpus test")
	}
	return d
}

// BenchmarkTag tags the first 300 sentences of ANERcorp's test file;
// reports tokens per second.
func BenchmarkTag(b *testing.B) {
	sents := benchSentences(b, 300)
	r := recognizer(b)
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sents {
			r.Tag(s.Words)
		}
	}
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkAnnotateSeed(b *testing.B) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed-article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	r := recognizer(b)
	doc := testDoc(string(text))
	b.ResetTimer()
	for b.Loop() {
		r.Annotate(doc)
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := Load(); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzAnnotate checks that any text, however odd, annotates without a
// panic and with spans inside the text.
func FuzzAnnotate(f *testing.F) {
	f.Add("قال جون كيري في موسكو ان وواشنطن ولروسيا للأمم المتحدة.")
	f.Add("ﻻ ً ٌ ـــ و ل ب")
	f.Add("abc 123 ...")
	r := recognizer(f)
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := testDoc(text)
		r.Annotate(doc)
		n := utf8.RuneCountInString(text)
		for _, e := range doc.Entities {
			if e.Start < 0 || e.End > n || e.Start >= e.End {
				t.Fatalf("bad span %+v in %q", e, text)
			}
		}
	})
}

func TestLatin(t *testing.T) {
	r := recognizer(t)
	tests := []struct {
		folded string
		person bool
		want   string
	}{
		{"جون كيري", true, "John Kerry"},
		{"موسكو", false, "Moscow"},
		{"بي اف ام تي في", false, "BFMTV"},
		{"بي بي سي", false, "BBC"},
		{"الامم المتحدة", false, "United Nations"},
	}
	for _, tc := range tests {
		if got := r.names.latin(foldPhrase(tc.folded), tc.person); got != tc.want {
			t.Errorf("latin(%s) = %q, want %q", tc.folded, got, tc.want)
		}
	}
	// Name-token spellings are for people only: a place is romanised.
	if got := r.names.latin(foldPhrase("الشيشان"), false); strings.Contains(got, "Xi") {
		t.Errorf("latin(الشيشان) = %q", got)
	}
}

// benchSentences reads the first n sentences of ANERcorp's test file, the
// text the tagging benchmarks run on (speed only: nothing is scored).
func benchSentences(b *testing.B, n int) []Sentence {
	b.Helper()
	f, err := os.Open(filepath.Join(dataDir(b), "anercorp", "ANERCorp_CamelLab_test.txt"))
	if err != nil {
		b.Fatal(err)
	}
	sents, err := ReadCoNLL(f)
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	return sents[:min(n, len(sents))]
}

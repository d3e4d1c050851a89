package morph

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"khabar"
	"khabar/arabic/normalize"
	"khabar/arabic/sentence"
	"khabar/arabic/tokenize"
	"khabar/internal/testcorpus"
	"khabar/morph/conllu"
)

var update = flag.Bool("update", false, "rewrite golden files")

func loadOrSkip(tb testing.TB) *Analyzer {
	tb.Helper()
	a, err := Load()
	if err != nil {
		tb.Skipf("no morphology model: %v", err)
	}
	return a
}

// moduleRoot walks up to the directory holding go.mod.
func moduleRoot(tb testing.TB) string { return testcorpus.ModuleRoot(tb) }

// newDocument tokenises and sentence-splits text the way the pipeline does.
func newDocument(text string) *khabar.Document {
	doc := &khabar.Document{Version: khabar.ContractVersion, Text: text, Lang: "ar"}
	toks := tokenize.Tokenize(text, nil)
	norm := normalize.Match()
	for _, t := range toks {
		tt := t.Text(text)
		doc.Tokens = append(doc.Tokens, khabar.Token{Start: t.Start, End: t.End, Text: tt, Norm: norm.String(tt), Kind: t.Kind.String()})
	}
	for _, s := range sentence.Split(text, toks, nil) {
		doc.Sentences = append(doc.Sentences, khabar.Span{Start: s.Start, End: s.End, Text: string([]rune(text)[s.Start:s.End])})
	}
	return doc
}

func forms(segs []khabar.Segment) string {
	var f []string
	for _, s := range segs {
		f = append(f, s.Form)
	}
	return strings.Join(f, "+")
}

// TestSegmentCases checks the clitic splits of the issue, each word in a
// short news context.
func TestSegmentCases(t *testing.T) {
	a := loadOrSkip(t)
	cases := []struct {
		sent []string
		i    int
		want string
	}{
		{[]string{"وقال", "الوزير", "للصحافيين", "إن", "المفاوضات", "مستمرة"}, 2, "ل+الصحافيين"},
		{[]string{"وقال", "الوزير", "للصحافيين", "إن", "المفاوضات", "مستمرة"}, 0, "و+قال"},
		{[]string{"وقال", "الوزير", "للصحافيين", "إن", "المفاوضات", "مستمرة"}, 1, "الوزير"},
		{[]string{"التقى", "وزير", "الخارجية", "نظيره", "الروسي"}, 1, "وزير"},
		{[]string{"التقى", "وزير", "الخارجية", "نظيره", "الروسي"}, 3, "نظير+ه"},
		{[]string{"وصل", "الرئيس", "بوتين", "الى", "واشنطن"}, 2, "بوتين"},
		{[]string{"وصل", "الرئيس", "بوتين", "الى", "واشنطن"}, 4, "واشنطن"},
		{[]string{"في", "كانون", "الثاني", "الماضي"}, 1, "كانون"},
		{[]string{"زار", "فلسطين", "و", "لبنان"}, 1, "فلسطين"},
		{[]string{"زار", "فلسطين", "و", "لبنان"}, 3, "لبنان"},
		{[]string{"وهو", "اكثر", "بكثير", "مما", "كان", "متوقعا"}, 3, "مما"}, // PADT: CCONJ 83 times, من+ما 16
		{[]string{"وتساءل", "عما", "اذا", "كان"}, 1, "عن+ما"},
		{[]string{"وتحدث", "اليه", "الرئيس"}, 1, "إلي+ه"},
		{[]string{"ورد", "عليه", "الوزير"}, 1, "علي+ه"},
		{[]string{"وأكد", "بانه", "لن", "يستقيل"}, 1, "ب+أن+ه"},
		{[]string{"وأكد", "بانه", "لن", "يستقيل"}, 0, "و+أكد"},
		{[]string{"وقال", "للرئيس", "الفرنسي"}, 1, "ل+الرئيس"},
		{[]string{"وسيلتقي", "كيري", "نظيره"}, 0, "و+س+يلتقي"},
		{[]string{"قيمتها", "مليون", "دولار"}, 0, "قيمة+ها"},
		// Unseen tokens: و before a token seen split (بأنه), ى and ة
		// restored before a pronoun, ان's hamza from its context.
		{[]string{"وأكد", "وبأنه", "لن", "يستقيل"}, 1, "و+ب+أن+ه"},
		{[]string{"وقال", "ومداها", "واسع"}, 1, "و+مدى+ها"},
		{[]string{"ان", "المتهم", "بريء"}, 1, "المتهم"},
		{[]string{"اسعار", "الفواكه", "والخضراوات"}, 2, "و+الخضراوات"},
		{[]string{"وصل", "الى", "باليرمو"}, 2, "باليرمو"},
		{[]string{"بسبب", "التزامنا", "بالاتفاق"}, 1, "التزام+نا"},
		{[]string{"وقال", "انه", "لن", "يستقيل"}, 1, "إن+ه"},
		{[]string{"وأعلن", "الوزير", "انه", "لن", "يستقيل"}, 2, "أن+ه"},
	}
	for _, c := range cases {
		got := forms(a.AnalyzeWords(c.sent)[c.i])
		if got != c.want {
			t.Errorf("%s in %q: got %s, want %s", c.sent[c.i], strings.Join(c.sent, " "), got, c.want)
		}
	}
}

// TestAnnotateSeed annotates the seed article and compares the CoNLL-U
// with testdata/seed.conllu (-update rewrites it).
func TestAnnotateSeed(t *testing.T) {
	a := loadOrSkip(t)
	text, err := os.ReadFile(filepath.Join(moduleRoot(t), "testdata", "seed-article.txt"))
	if err != nil {
		t.Skipf("seed article: %v", err)
	}
	doc := newDocument(string(text))
	a.Annotate(doc)
	for _, tok := range doc.Tokens {
		if len(tok.Segments) == 0 {
			t.Fatalf("token %q has no segments", tok.Text)
		}
		for _, s := range tok.Segments {
			if s.Form == "" || s.POS == "" {
				t.Fatalf("token %q: empty segment %+v", tok.Text, s)
			}
		}
		if tok.Kind == khabar.KindPunct && tok.Segments[0].POS != "PUNCT" && tok.Segments[0].POS != "SYM" {
			t.Errorf("punctuation %q tagged %s", tok.Text, tok.Segments[0].POS)
		}
	}
	var buf bytes.Buffer
	if err := conllu.Write(&buf, conllu.FromDocument(doc)); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.conllu")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("golden file: %v (run with -update)", err)
	}
	if !bytes.Equal(want, buf.Bytes()) {
		gl, wl := strings.Split(buf.String(), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("seed CoNLL-U differs from %s at line %d:\n got %s\nwant %s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("seed CoNLL-U differs from %s in length", golden)
	}
}

// TestAnnotateKinds checks that links and hashtags stay one segment and
// that a number token like 15-7 is split PADT-style.
func TestAnnotateKinds(t *testing.T) {
	a := loadOrSkip(t)
	doc := newDocument("زار http://example.com/a-b.html و#عاصي_الحلاني في 15-7 .")
	a.Annotate(doc)
	seen := map[string]bool{}
	for _, tok := range doc.Tokens {
		seen[tok.Kind] = true
		switch tok.Kind {
		case khabar.KindURL, khabar.KindHashtag:
			if len(tok.Segments) != 1 || tok.Segments[0].Form != tok.Text {
				t.Errorf("%s token %q: segments %+v", tok.Kind, tok.Text, tok.Segments)
			}
		case khabar.KindNumber:
			if tok.Text == "15-7" && forms(tok.Segments) != "15+-+7" {
				t.Errorf("15-7: segments %s", forms(tok.Segments))
			}
		}
	}
	for _, k := range []string{khabar.KindURL, khabar.KindHashtag, khabar.KindNumber} {
		if !seen[k] {
			t.Errorf("no %s token in the test text", k)
		}
	}
}

// TestConcurrent runs one analyser from several goroutines.
func TestConcurrent(t *testing.T) {
	a := loadOrSkip(t)
	sents := [][]string{
		{"وقال", "الوزير", "للصحافيين", "إن", "المفاوضات", "مستمرة", "."},
		{"التقى", "بوتين", "نظيره", "في", "واشنطن", "في", "كانون", "الثاني", "."},
	}
	want := make([]string, len(sents))
	for i, s := range sents {
		for _, segs := range a.AnalyzeWords(s) {
			want[i] += forms(segs) + " "
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 50; k++ {
				i := (g + k) % len(sents)
				got := ""
				for _, segs := range a.AnalyzeWords(sents[i]) {
					got += forms(segs) + " "
				}
				if got != want[i] {
					errs <- got
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent analysis differs: %s", e)
	}
}

func TestSplitPADT(t *testing.T) {
	cases := []struct{ in, want string }{
		{"15-7", "15|-|7"},
		{"5.2", "5.2"},
		{"7،1", "7،1"},
		{"(اف", "(|اف"},
		{"ب)", "ب|)"},
		{"\"داعش\"،", "\"|داعش|\"|،"},
		{"ـ", "ـ"},
		{"بـ", "بـ"},
		{"2015).", "2015|)|."},
		{"الاميركية-الروسية", "الاميركية|-|الروسية"},
		{"وزير", "وزير"},
	}
	for _, c := range cases {
		if got := strings.Join(SplitPADT(c.in), "|"); got != c.want {
			t.Errorf("SplitPADT(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzSplitPADT(f *testing.F) {
	for _, s := range []string{"15-7", "\"داعش\"،", "5.2%", "ـــ", "\xff", "a.b.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.Join(strings.Fields(s), "")
		ps := SplitPADT(s)
		if got := strings.Join(ps, ""); got != s {
			t.Fatalf("pieces %q do not rebuild %q", ps, s)
		}
		for _, p := range ps {
			if p == "" {
				t.Fatalf("empty piece in %q", ps)
			}
		}
	})
}

func FuzzAnalyzeWords(f *testing.F) {
	a, err := Load()
	if err != nil {
		f.Skip("no model")
	}
	f.Add("وقال الوزير للصحافيين")
	f.Add("\xff\xfe ـ لل ال و")
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		segs := a.AnalyzeWords(words)
		if len(segs) != len(words) {
			t.Fatalf("%d tokens, %d analyses", len(words), len(segs))
		}
		for i, sg := range segs {
			if len(sg) == 0 {
				t.Fatalf("no segment for %q", words[i])
			}
		}
	})
}

func TestDeriveRule(t *testing.T) {
	cases := []struct {
		surf  string
		words []goldWord
		want  string
	}{
		{"للاسلحة", []goldWord{{"ل", "ADP"}, {"الأسلحة", "NOUN"}}, "ل+الاسلحة"},
		{"قيمتها", []goldWord{{"قيمة", "NOUN"}, {"ها", "PRON"}}, "قيمة+ها"},
		{"مما", []goldWord{{"من", "ADP"}, {"ما", "DET"}}, "من+ما"},
		{"بانه", []goldWord{{"ب", "ADP"}, {"أن", "SCONJ"}, {"ه", "PRON"}}, "ب+أن+ه"},
		{"عليه", []goldWord{{"علي", "ADP"}, {"ه", "PRON"}}, "علي+ه"},
		{"وسيلتقي", []goldWord{{"و", "CCONJ"}, {"س", "AUX"}, {"يلتقي", "VERB"}}, "و+س+يلتقي"},
	}
	for _, c := range cases {
		r, h := deriveRule(c.surf, c.words)
		stem, ok := r.apply(Skel(c.surf), c.surf)
		if !ok {
			t.Errorf("%s: rule %s does not apply to its own token", c.surf, r.Key)
			continue
		}
		var f []string
		if r.Lit != nil {
			f = r.Lit
		} else {
			f = append(append(append(f, r.Pre...), stem), r.Suf...)
		}
		if got := strings.Join(f, "+"); got != c.want || h != len(r.Pre) && r.Lit == nil {
			t.Errorf("%s: got %s (stem %d), want %s", c.surf, got, h, c.want)
		}
	}
}

// antArticles reads the first n article texts of the ANT news corpus.
func antArticles(tb testing.TB, n int) []string { return testcorpus.ANTArticles(tb, n) }

// BenchmarkAnnotate measures segment+tag+lemma on the first 500 ANT
// articles (tokenised and split beforehand), in words (segments) per
// second by the wall clock and by the CPU time of the process. Each round
// starts with an empty memo (a fresh analyser, built outside the timing),
// as a process that analyses these articles once would.
func BenchmarkAnnotate(b *testing.B) {
	a := loadOrSkip(b)
	var docs []*khabar.Document
	for _, t := range antArticles(b, 500) {
		docs = append(docs, newDocument(t))
	}
	words := 0
	for _, d := range docs {
		a.Annotate(d)
		for _, t := range d.Tokens {
			words += len(t.Segments)
		}
	}
	b.ResetTimer()
	cpu := 0.0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		fresh, err := New(a.Model)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		cpu0 := cpuSeconds()
		for _, d := range docs {
			fresh.Annotate(d)
		}
		cpu += cpuSeconds() - cpu0
	}
	b.StopTimer()
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(words*b.N)/cpu, "words/cpu-s")
}

func BenchmarkLoad(b *testing.B) {
	data, err := modelFS.ReadFile("model/morph.gob.gz")
	if err != nil {
		b.Skip("no model")
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		if _, err := FromBytes(data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuSeconds()-cpu0)/float64(b.N), "cpu-s/op")
}

var _ = utf8.RuneLen

// TestUnknownLemma checks that an unknown word's lemma does not take
// letters it does not have (وترامب tagged as a verb gave the lemma ورامب).
func TestUnknownLemma(t *testing.T) {
	a := loadOrSkip(t)
	cases := []struct {
		sent []string
		i    int
		want string
	}{
		{[]string{"وترامب"}, 0, "ترامب"},
		{[]string{"ترامب"}, 0, "ترامب"},
		{[]string{"وتيلرسون", "قال"}, 0, "تيلرسون"},
	}
	for _, c := range cases {
		segs := a.AnalyzeWords(c.sent)[c.i]
		got := segs[len(segs)-1].Lemma
		if got != c.want {
			t.Errorf("%s in %q: lemma %s, want %s", c.sent[c.i], strings.Join(c.sent, " "), got, c.want)
		}
	}
}

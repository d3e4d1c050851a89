package analysis

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"khabar"
	"khabar/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

func readSeed(t testing.TB) string { return testcorpus.SeedArticle(t) }

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	testcorpus.Golden(t, filepath.Join("testdata", name), got, *update)
}

// checkSpans asserts that every span's text is the code-point slice of the
// document text it claims to be.
func checkSpans(t *testing.T, doc *khabar.Document) {
	t.Helper()
	runes := []rune(doc.Text)
	slice := func(s, e int) string {
		if s < 0 || e > len(runes) || s > e {
			return fmt.Sprintf("<bad span %d:%d>", s, e)
		}
		return string(runes[s:e])
	}
	for _, s := range doc.Sentences {
		if got := slice(s.Start, s.End); got != s.Text {
			t.Errorf("sentence %d:%d text %q, text[start:end] %q", s.Start, s.End, s.Text, got)
		}
	}
	for _, tk := range doc.Tokens {
		if got := slice(tk.Start, tk.End); got != tk.Text {
			t.Errorf("token %d:%d text %q, text[start:end] %q", tk.Start, tk.End, tk.Text, got)
		}
		if len(tk.Segments) == 0 {
			t.Errorf("token %q has no segments", tk.Text)
		}
	}
	for _, e := range doc.Entities {
		if got := slice(e.Start, e.End); got != e.Text {
			t.Errorf("entity %s text %q, text[start:end] %q", e.ID, e.Text, got)
		}
	}
	for _, x := range doc.Timexes {
		if got := slice(x.Start, x.End); got != x.Text {
			t.Errorf("timex %s text %q, text[start:end] %q", x.ID, x.Text, got)
		}
	}
}

func TestSeedArticleGolden(t *testing.T) {
	doc := New().Analyze(Input{Text: readSeed(t)})
	checkSpans(t, doc)
	if doc.DCT != "2015-12-11" || doc.DCTSource != khabar.DCTFromDateline {
		t.Errorf("dct = %q (%s), want 2015-12-11 from the dateline", doc.DCT, doc.DCTSource)
	}
	if doc.Lang != "ar" {
		t.Errorf("lang = %q", doc.Lang)
	}
	var b strings.Builder
	for _, tk := range doc.Tokens {
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\t%s\n", tk.Start, tk.End, tk.Kind, tk.Text, tk.Norm)
	}
	golden(t, "seed.tokens", b.String())
	b.Reset()
	for _, s := range doc.Sentences {
		fmt.Fprintf(&b, "%d\t%d\t%s\n", s.Start, s.End, s.Text)
	}
	golden(t, "seed.sentences", b.String())
}

func TestAnalyze(t *testing.T) {
	tests := []struct {
		name          string
		in            Input
		lang, dct     string
		dctSource     string
		tokens, sents int
	}{
		{"empty", Input{}, "und", "", "", 0, 0},
		{"spaces only", Input{Text: " \n\t "}, "und", "", "", 0, 0},
		{"caller date wins", Input{Text: "اليوم الجمعة (11 ديسمبر / كانون الأول 2015) قال", Date: "2016-01-02"}, "ar", "2016-01-02", "caller", 11, 1},
		{"dateline without year", Input{Text: "بيروت - 15-7 (اف ب)- قال الوزير.", FallbackYear: 2018}, "ar", "2018-07-15", "dateline", 0, 1},
		{"dateline without year and no fallback", Input{Text: "بيروت - 15-7 (اف ب)- قال الوزير."}, "ar", "", "", 0, 1},
		{"english", Input{Text: "The minister said that the talks of the week were over."}, "en", "", "", 0, 1},
		{"french", Input{Text: "Le ministre a dit que les discussions de la semaine sont finies."}, "fr", "", "", 0, 1},
	}
	an := New()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := an.Analyze(tt.in)
			checkSpans(t, doc)
			if doc.Lang != tt.lang || doc.DCT != tt.dct || doc.DCTSource != tt.dctSource {
				t.Errorf("lang %q dct %q (%q), want %q %q (%q)", doc.Lang, doc.DCT, doc.DCTSource, tt.lang, tt.dct, tt.dctSource)
			}
			if tt.tokens > 0 && len(doc.Tokens) != tt.tokens {
				t.Errorf("%d tokens, want %d", len(doc.Tokens), tt.tokens)
			}
			if len(doc.Sentences) != tt.sents {
				t.Errorf("%d sentences, want %d", len(doc.Sentences), tt.sents)
			}
			if doc.ID == "" || doc.Version != khabar.ContractVersion {
				t.Errorf("id %q version %q", doc.ID, doc.Version)
			}
			for _, arr := range []bool{doc.Sentences == nil, doc.Tokens == nil, doc.Entities == nil, doc.Timexes == nil, doc.Quotes == nil, doc.Events == nil} {
				if arr {
					t.Fatalf("a contract array is nil")
				}
			}
		})
	}
}

func TestContentIDIsStable(t *testing.T) {
	a, b := ContentID("نص"), ContentID("نص")
	if a != b || len(a) != 16 || a == ContentID("نص ") {
		t.Errorf("ids %q %q", a, b)
	}
}

func TestTokensCoverText(t *testing.T) {
	doc := New().Analyze(Input{Text: readSeed(t)})
	covered := 0
	for _, tk := range doc.Tokens {
		covered += tk.End - tk.Start
	}
	nonSpace := 0
	for _, r := range doc.Text {
		if !strings.ContainsRune(" \n\t\r", r) {
			nonSpace++
		}
	}
	if covered != nonSpace {
		t.Errorf("tokens cover %d code points, the text has %d non-space ones (%d in all)", covered, nonSpace, utf8.RuneCountInString(doc.Text))
	}
}

// TestDetectLangArabicFastPath checks the premise of DetectLang's fast
// path: every rune of U+0620..U+064A is a letter.
func TestDetectLangArabicFastPath(t *testing.T) {
	for r := rune(0x0620); r <= 0x064A; r++ {
		if !unicode.IsLetter(r) {
			t.Errorf("U+%04X is not a letter", r)
		}
	}
}

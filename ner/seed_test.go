package ner

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"khabar"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	loadOnce sync.Once
	loaded   *Recognizer
	loadErr  error
)

func recognizer(t testing.TB) *Recognizer {
	t.Helper()
	loadOnce.Do(func() { loaded, loadErr = Load() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return loaded
}

// testDoc tokenises text simply (letters and digits in runs, every other
// non-space rune alone) and splits sentences at line ends, so that the
// tests do not depend on the tokenizer package.
func testDoc(text string) *khabar.Document {
	doc := &khabar.Document{Text: text}
	runes := []rune(text)
	sentStart := 0
	start := -1
	flushSent := func(end int) {
		if end > sentStart {
			doc.Sentences = append(doc.Sentences, khabar.Span{Start: sentStart, End: end, Text: string(runes[sentStart:end])})
		}
	}
	for i := 0; i <= len(runes); i++ {
		var r rune = ' '
		if i < len(runes) {
			r = runes[i]
		}
		word := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r)
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			doc.Tokens = append(doc.Tokens, khabar.Token{Start: start, End: i, Text: string(runes[start:i]), Kind: khabar.KindWord})
			start = -1
		}
		if i < len(runes) && !unicode.IsSpace(r) {
			doc.Tokens = append(doc.Tokens, khabar.Token{Start: i, End: i + 1, Text: string(r), Kind: khabar.KindPunct})
		}
		if r == '\n' || i == len(runes) {
			flushSent(i)
			sentStart = i + 1
		}
	}
	return doc
}

func TestSeedArticleGolden(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := testDoc(string(text))
	recognizer(t).Annotate(doc)
	got, err := json.MarshalIndent(doc.Entities, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed-entities.golden.json")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != string(got)+"\n" {
		t.Errorf("entities differ from %s; run go test -update and review the diff", golden)
	}
}

// TestSeedArticleRequired checks the acceptance list of the seed article:
// every person, place and organisation found, grouped and spelled.
func TestSeedArticleRequired(t *testing.T) {
	text, err := os.ReadFile(filepath.Join("..", "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc := testDoc(string(text))
	recognizer(t).Annotate(doc)
	type want struct{ text, typ, canonical, latin string }
	wants := []want{
		{"جون كيري", "PER", "جون كيري", "John Kerry"},
		{"كيري", "PER", "جون كيري", "John Kerry"},
		{"فلاديمير بوتين", "PER", "فلاديمير بوتين", "Vladimir Putin"},
		{"بوتين", "PER", "فلاديمير بوتين", "Vladimir Putin"},
		{"مارك تونر", "PER", "مارك تونر", "Mark Toner"},
		{"تونر", "PER", "مارك تونر", "Mark Toner"},
		{"سيرغي لافروف", "PER", "سيرغي لافروف", "Sergey Lavrov"},
		{"بشار الاسد", "PER", "بشار الاسد", "Bashar al-Assad"},
		{"الاسد", "PER", "بشار الاسد", "Bashar al-Assad"},
		{"جون كيربي", "PER", "جون كيربي", "John Kirby"},
		{"كيربي", "PER", "جون كيربي", "John Kirby"},
		{"موسكو", "LOC", "موسكو", "Moscow"},
		{"سوريا", "LOC", "سوريا", "Syria"},
		{"باريس", "LOC", "باريس", "Paris"},
		{"اوكرانيا", "LOC", "اوكرانيا", "Ukraine"},
		{"واشنطن", "LOC", "واشنطن", "Washington"},
		{"نيويورك", "LOC", "نيويورك", "New York"},
		{"الرياض", "LOC", "الرياض", "Riyadh"},
		{"الولايات المتحدة", "LOC", "الولايات المتحدة", "United States"},
		{"روسيا", "LOC", "روسيا", "Russia"},
		{"داعش", "ORG", "تنظيم الدولة الاسلامية", "Islamic State"},
		{"تنظيم الدولة الاسلامية", "ORG", "تنظيم الدولة الاسلامية", "Islamic State"},
		{"المجموعة الدولية لدعم سوريا", "ORG", "المجموعة الدولية لدعم سوريا", "International Syria Support Group"},
		{"الامم المتحدة", "ORG", "الامم المتحدة", "United Nations"},
		{"الخارجية الاميركية", "ORG", "الخارجية الاميركية", "US State Department"},
	}
	got := map[want]int{}
	runes := []rune(doc.Text)
	for _, e := range doc.Entities {
		got[want{e.Text, e.Type, e.Canonical, e.Latin}]++
		if string(runes[e.Start:e.End]) != e.Text {
			t.Errorf("%s: span [%d,%d) is %q, Text %q", e.ID, e.Start, e.End, string(runes[e.Start:e.End]), e.Text)
		}
	}
	for _, w := range wants {
		if got[w] == 0 {
			t.Errorf("missing %+v", w)
		}
	}
	// وواشنطن: the span leaves the conjunction out.
	i := strings.Index(doc.Text, "وواشنطن")
	start := utf8.RuneCountInString(doc.Text[:i]) + 1
	found := false
	for _, e := range doc.Entities {
		found = found || e.Start == start && e.Text == "واشنطن"
	}
	if !found {
		t.Error("no واشنطن entity starting after the و of وواشنطن")
	}
}

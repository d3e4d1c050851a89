package ner

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"unicode"

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

package index

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"
)

// plainAnalyzer hides every interface of an analyzer but Analyzer.
type plainAnalyzer struct{ an Analyzer }

func (p plainAnalyzer) Keys(text string) []Key { return p.an.Keys(text) }

// wordKeyer is a word-local analyzer that says so.
type wordKeyer struct{ plainAnalyzer }

func (w wordKeyer) WordKeys(word string) []Key { return w.an.Keys(word) }

// TestHighlighterWordKeyer: deciding each distinct word once gives the
// snippets and highlights of analysing each text whole.
func TestHighlighterWordKeyer(t *testing.T) {
	docs := testDocs
	if ant, err := readANT(300); err == nil {
		docs = ant
	}
	var words []string
	for _, d := range docs {
		for _, w := range Words(d.Text, nil) {
			words = append(words, d.Text[w.ByteStart:w.ByteEnd])
		}
	}
	rng := rand.New(rand.NewSource(2))
	compared, highlighted := 0, 0
	for i := 0; i < 100; i++ {
		var parts []string
		for j := rng.Intn(3); j >= 0; j-- {
			parts = append(parts, words[rng.Intn(len(words))])
		}
		q, err := Parse(strings.Join(parts, " "), SurfaceAnalyzer{})
		if err != nil {
			continue
		}
		whole := NewHighlighter(q, plainAnalyzer{SurfaceAnalyzer{}})
		byWord := NewHighlighter(q, wordKeyer{plainAnalyzer{SurfaceAnalyzer{}}})
		for j := 0; j < 10; j++ {
			text := docs[rng.Intn(len(docs))].Text
			want, got := whole.Snippet(text, 200), byWord.Snippet(text, 200)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("query %q: snippets differ:\nwhole   %+v\nby word %+v", parts, want, got)
			}
			compared++
			if len(got.Highlights) > 0 {
				highlighted++
			}
		}
	}
	if highlighted < compared/10 {
		t.Errorf("only %d of %d snippets had highlights: the test compares little", highlighted, compared)
	}
}

func TestIsWordRuneTable(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		if got, want := isWordRune(r), r >= 0x80 && isWordRuneSlow(r) || r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

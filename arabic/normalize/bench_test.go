package normalize

import (
	"strings"
	"testing"

	"khabar/internal/testcorpus"
)

// BenchmarkMatchWords puts every white-space separated word of real articles
// in the match form: go test -bench . -benchtime 3x -cpu 1 ./arabic/normalize.
func BenchmarkMatchWords(b *testing.B) {
	texts := testcorpus.ANTArticles(b, 2000)
	words := make([][]string, len(texts))
	for i, text := range texts {
		words[i] = strings.Fields(text)
	}
	m := Match()
	next := 0 // RunThroughput hands the texts over in order
	testcorpus.RunThroughput(b, texts, func(string) {
		for _, w := range words[next] {
			_ = m.String(w)
		}
		next = (next + 1) % len(texts)
	})
}

// BenchmarkMatchMap maps whole articles with offsets.
func BenchmarkMatchMap(b *testing.B) {
	m := Match()
	testcorpus.RunThroughput(b, testcorpus.ANTArticles(b, 2000), func(text string) {
		_ = m.Map(text)
	})
}

// TestANTArticles checks the Map invariants on real articles.
func TestANTArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the ANT corpus")
	}
	for _, text := range testcorpus.ANTArticles(t, 200) {
		checkMapped(t, Display(), text)
		checkMapped(t, Match(), text)
	}
}

package tokenize

import (
	"testing"

	"khabar/internal/testcorpus"
)

// BenchmarkTokenize measures the tokenizer on real articles:
// go test -bench Tokenize -benchtime 3x -cpu 1 ./arabic/tokenize.
func BenchmarkTokenize(b *testing.B) {
	var toks []Token
	testcorpus.RunThroughput(b, testcorpus.ANTArticles(b, 2000), func(text string) {
		toks = Tokenize(text, toks)
	})
}

// TestANTArticles checks the cover property on real articles.
func TestANTArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the ANT corpus")
	}
	for _, text := range testcorpus.ANTArticles(t, 300) {
		checkCover(t, text, Tokenize(text, nil))
	}
}

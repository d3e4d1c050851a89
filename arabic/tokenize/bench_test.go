package tokenize

import (
	"testing"

	"khabar/arabic/internal/testcorpus"
)

// BenchmarkTokenize measures the tokenizer on real articles:
// go test -bench Tokenize -benchtime 3x -cpu 1 ./arabic/tokenize.
func BenchmarkTokenize(b *testing.B) {
	texts := testcorpus.ANTArticles(b, 2000)
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	var toks []Token
	b.SetBytes(n)
	b.ReportAllocs()
	var cpu testcorpus.CPUThroughput
	b.ResetTimer()
	cpu.Start()
	for range b.N {
		for _, text := range texts {
			toks = Tokenize(text, toks)
		}
	}
	cpu.Report(b, n)
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

package temporal

import (
	"testing"

	"khabar"
	"khabar/arabic/tokenize"
	"khabar/internal/testcorpus"
)

// antArticles reads the first n articles of the ANT corpus, or skips.
func antArticles(b *testing.B, n int) []khabar.Document {
	b.Helper()
	var docs []khabar.Document
	for _, a := range testcorpus.ANT(b, n, 1) {
		docs = append(docs, khabar.Document{Text: a.Text, DCT: a.Date})
	}
	return docs
}

// BenchmarkAnnotate times the recogniser on 200 ANT articles per iteration;
// compare with BenchmarkTokenize (the cheapest stage of analyze) to judge
// the recogniser's share of analyze time.
func BenchmarkAnnotate(b *testing.B) {
	docs := antArticles(b, 200)
	r := New()
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range docs {
			r.Annotate(&docs[k])
		}
	}
}

// BenchmarkTokenize is the baseline: the tokenizer on the same articles.
func BenchmarkTokenize(b *testing.B) {
	docs := antArticles(b, 200)
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	var toks []tokenize.Token
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range docs {
			toks = tokenize.Tokenize(docs[k].Text, toks[:0])
		}
	}
}

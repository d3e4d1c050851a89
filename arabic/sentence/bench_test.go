package sentence

import (
	"testing"

	"khabar/arabic/normalize"
	"khabar/arabic/tokenize"
	"khabar/internal/testcorpus"
)

// benchArticles is how many ANT articles the benchmarks read.
const benchArticles = 2000

// BenchmarkPipeline measures the text core as the engine runs it: tokenize,
// put every token in the match form, split sentences. Bytes are article
// bytes: go test -bench Pipeline -benchtime 3x -cpu 1 ./arabic/sentence.
func BenchmarkPipeline(b *testing.B) {
	match := normalize.Match()
	var toks []tokenize.Token
	var sents []Sentence
	testcorpus.RunThroughput(b, testcorpus.ANTArticles(b, benchArticles), func(text string) {
		toks = tokenize.Tokenize(text, toks)
		for _, t := range toks {
			_ = match.String(text[t.ByteStart:t.ByteEnd])
		}
		sents = Split(text, toks, sents)
	})
}

// BenchmarkSplit measures the sentence splitter alone on tokenized articles.
func BenchmarkSplit(b *testing.B) {
	texts := testcorpus.ANTArticles(b, benchArticles)
	toks := make([][]tokenize.Token, len(texts))
	for i, text := range texts {
		toks[i] = tokenize.Tokenize(text, nil)
	}
	var sents []Sentence
	next := 0 // RunThroughput hands the texts over in order
	testcorpus.RunThroughput(b, texts, func(text string) {
		sents = Split(text, toks[next], sents)
		next = (next + 1) % len(texts)
	})
}

// TestANTArticles runs the splitter over real articles and checks the
// invariants and that sentences are neither absurdly long nor short on
// average (news sentences run 20-40 tokens).
func TestANTArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("reads the ANT corpus")
	}
	texts := testcorpus.ANTArticles(t, 300)
	nToks, nSents := 0, 0
	for _, text := range texts {
		toks := tokenize.Tokenize(text, nil)
		sents := Split(text, toks, nil)
		checkSentences(t, text, toks, sents)
		nToks += len(toks)
		nSents += len(sents)
	}
	avg := float64(nToks) / float64(nSents)
	t.Logf("%d articles, %d tokens, %d sentences, %.1f tokens a sentence", len(texts), nToks, nSents, avg)
	if avg < 10 || avg > 60 {
		t.Errorf("%.1f tokens a sentence: the splitter over- or under-splits", avg)
	}
}

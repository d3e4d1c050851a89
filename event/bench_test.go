package event

import (
	"strings"
	"testing"

	"khabar"
	"khabar/analysis"
	"khabar/internal/testcorpus"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/temporal"
)

// antArticles reads n articles of the ANT corpus, every 97th for a spread
// over sources and sections, skipping the test when the data is absent.
func antArticles(tb testing.TB, n int) []analysis.Input {
	tb.Helper()
	var out []analysis.Input
	for _, a := range testcorpus.ANT(tb, n, 97) {
		out = append(out, analysis.Input{Text: a.Text, Date: a.Date})
	}
	return out
}

func words(ins []analysis.Input) int {
	n := 0
	for _, in := range ins {
		n += len(strings.Fields(in.Text))
	}
	return n
}

// BenchmarkLayers measures the quotation and event layers alone, on
// documents the other layers have already annotated.
func BenchmarkLayers(b *testing.B) {
	ins := antArticles(b, 200)
	pipe := pipeline(b)
	docs := make([]*khabar.Document, len(ins))
	for i, in := range ins {
		docs[i] = pipe.Analyze(in)
	}
	q, e := quote.New(), New()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			q.Annotate(d)
			e.Annotate(d)
		}
	}
	b.ReportMetric(float64(words(ins)*b.N)/b.Elapsed().Seconds(), "words/s")
}

// BenchmarkAnalyzeAll measures `analyze` with every layer on, one core.
func BenchmarkAnalyzeAll(b *testing.B) {
	ins := antArticles(b, 200)
	var stages []khabar.Annotator
	m, err := morph.Load()
	if err != nil {
		b.Skipf("morphology model: %v", err)
	}
	n, err := ner.Load()
	if err != nil {
		b.Fatal(err)
	}
	stages = append(stages, m, n, temporal.New(), quote.New(), New())
	pipe := analysis.New(stages...)
	b.ResetTimer()
	for b.Loop() {
		for _, in := range ins {
			pipe.Analyze(in)
		}
	}
	b.ReportMetric(float64(words(ins)*b.N)/b.Elapsed().Seconds(), "words/s")
}

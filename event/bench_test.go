package event

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar"
	"khabar/analysis"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/temporal"
)

// antArticles reads the first n articles of the ANT corpus, skipping the
// test when the shared data is absent.
func antArticles(tb testing.TB, n int) []analysis.Input {
	tb.Helper()
	path := filepath.Join(moduleRoot(tb), "..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		tb.Skipf("ANT corpus not available (%v): the benchmark needs ../shared/data", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []analysis.Input
	// every 97th article, for a spread over sources and sections
	for i := 0; sc.Scan() && len(out) < n; i++ {
		if i%97 != 0 {
			continue
		}
		var a struct{ Text, Date string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
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

package normalize

import (
	"strings"
	"testing"

	"khabar/arabic/internal/testcorpus"
)

// BenchmarkMatchWords puts every white-space separated word of real articles
// in the match form: go test -bench . -benchtime 3x -cpu 1 ./arabic/normalize.
func BenchmarkMatchWords(b *testing.B) {
	texts := testcorpus.ANTArticles(b, 2000)
	var words []string
	var n int64
	for _, t := range texts {
		n += int64(len(t))
		words = append(words, strings.Fields(t)...)
	}
	m := Match()
	b.SetBytes(n)
	b.ReportAllocs()
	var cpu testcorpus.CPUThroughput
	b.ResetTimer()
	cpu.Start()
	for range b.N {
		for _, w := range words {
			_ = m.String(w)
		}
	}
	cpu.Report(b, n)
}

// BenchmarkMatchMap maps whole articles with offsets.
func BenchmarkMatchMap(b *testing.B) {
	texts := testcorpus.ANTArticles(b, 2000)
	var n int64
	for _, t := range texts {
		n += int64(len(t))
	}
	m := Match()
	b.SetBytes(n)
	b.ReportAllocs()
	var cpu testcorpus.CPUThroughput
	b.ResetTimer()
	cpu.Start()
	for range b.N {
		for _, t := range texts {
			_ = m.Map(t)
		}
	}
	cpu.Report(b, n)
}

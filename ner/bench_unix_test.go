//go:build unix

package ner

import (
	"syscall"
	"testing"

	"khabar"
	"khabar/morph"
)

// BenchmarkTagDocument tags 300 sentences of ANERcorp's test file as one
// document, morphology already analysed (the pipeline's case), with the
// document rules; it reports tokens per second of wall clock and of CPU
// time, the steadier figure on a shared machine.
func BenchmarkTagDocument(b *testing.B) {
	sents := benchSentences(b, 300)
	a, err := morph.Load()
	if err != nil {
		b.Fatal(err)
	}
	words := make([][]string, len(sents))
	segs := make([][][]khabar.Segment, len(sents))
	tokens := 0
	for i, s := range sents {
		words[i] = s.Words
		segs[i] = a.AnalyzeWords(s.Words)
		tokens += len(s.Words)
	}
	r := recognizer(b)
	var ru0, ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	b.ResetTimer()
	for b.Loop() {
		r.TagDocument(words, segs, StreamWindow)
	}
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	cpu := float64(ru1.Utime.Nano()-ru0.Utime.Nano()+ru1.Stime.Nano()-ru0.Stime.Nano()) / 1e9
	b.ReportMetric(float64(tokens*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens*b.N)/cpu, "tokens/cpu-s")
}

package morph

import (
	"os"
	"syscall"
	"testing"

	"khabar/morph/conllu"
)

func BenchmarkAnalyzeDev(b *testing.B) {
	data, err := os.ReadFile(os.Getenv("MORPH_MODEL"))
	if err != nil {
		b.Skip("MORPH_MODEL not set")
	}
	a, err := FromBytes(data)
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Open("../../shared/data/padt-upos-mwt/ar_padt-upos-dev.conllu")
	if err != nil {
		b.Skip(err)
	}
	sents, _ := conllu.Read(f)
	var toks [][]string
	n := 0
	for _, s := range sents[:300] {
		t, _ := TokenizePADT(s.RawText())
		toks = append(toks, t)
		n += len(t)
	}
	b.ResetTimer()
	cpu0 := cpuSeconds()
	for i := 0; i < b.N; i++ {
		for _, t := range toks {
			a.AnalyzeWords(t)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(n*b.N)/(cpuSeconds()-cpu0), "tokens/cpu-s")
}

func BenchmarkLoadModel(b *testing.B) {
	data, err := os.ReadFile(os.Getenv("MORPH_MODEL"))
	if err != nil {
		b.Skip("MORPH_MODEL not set")
	}
	for i := 0; i < b.N; i++ {
		if _, err := FromBytes(data); err != nil {
			b.Fatal(err)
		}
	}
}

// cpuSeconds is the CPU time this process has used; on a shared machine it
// measures the work better than the wall clock.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

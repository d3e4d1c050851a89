package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
	"syscall"
	"time"

	"khabar"
	"khabar/analysis"
	"khabar/input"
	"khabar/render"
)

func init() {
	register(verb{
		name:    "bench analyze",
		summary: "time the full analysis with JSON output over inputs (documents/s, MB/s, peak memory)",
		run:     runBenchAnalyze,
	})
}

// runBenchAnalyze runs what `analyze --format json` runs, writing to a
// counter instead of a terminal, and reports the wall time, the throughput
// and the peak resident memory of the process (model loading included).
func runBenchAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench analyze", stderr)
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	layers := fs.String("layers", "all", layersHelp)
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the run (model loading included) to this file")
	memprofile := fs.String("memprofile", "", "write a heap profile at the end of the run to this file (-sample_index=alloc_space shows what was allocated)")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "khabar bench analyze: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "khabar bench analyze: cpu profile: %v\n", err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: khabar bench analyze [--workers N] [--layers L] [--cpuprofile FILE] [--memprofile FILE] INPUT...")
		return 2
	}
	start := time.Now()
	an, err := newLayeredAnalyzer(*layers)
	if err != nil {
		fmt.Fprintf(stderr, "khabar bench analyze: %v\n", err)
		return 1
	}
	loaded := time.Since(start)
	var docs, tokens, inBytes, outBytes int
	rd := &input.Reader{Report: func(e *input.Error) { fmt.Fprintf(stderr, "khabar bench analyze: %v\n", e) }}
	convert := func(a input.Article) analysis.Input {
		inBytes += len(a.Text)
		in := analysis.Input{ID: a.ID, Text: a.Text, Title: a.Title, Category: a.Category}
		if d, ok := documentDate(a.Date); ok {
			in.Date = d
		}
		return in
	}
	err = analyzeStream(an, rd, fs.Args(), convert, *workers, func(doc *khabar.Document, buf []byte) []byte {
		buf = append(render.AppendJSON(buf[:0], doc), '\n')
		docs++
		tokens += len(doc.Tokens)
		outBytes += len(buf)
		return buf
	})
	if err != nil {
		fmt.Fprintf(stderr, "khabar bench analyze: %v\n", err)
		return 1
	}
	elapsed := time.Since(start)
	if *memprofile != "" {
		if err := writeHeapProfile(*memprofile); err != nil {
			fmt.Fprintf(stderr, "khabar bench analyze: %v\n", err)
			return 1
		}
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	fmt.Fprintf(stdout, "documents   %d\ntokens      %d\ntext        %.1f MB\njson out    %.1f MB\nmodel load  %v\nwall        %v\nthroughput  %.0f docs/s, %.1f MB/s of text, %.0f tokens/s\npeak RSS    %d MB\nworkers     %d, GOMAXPROCS %d\n",
		docs, tokens, float64(inBytes)/1e6, float64(outBytes)/1e6, loaded.Round(time.Millisecond), elapsed.Round(time.Millisecond),
		float64(docs)/elapsed.Seconds(), float64(inBytes)/1e6/elapsed.Seconds(), float64(tokens)/elapsed.Seconds(),
		ru.Maxrss/1024, *workers, runtime.GOMAXPROCS(0))
	return 0
}

// writeHeapProfile writes the heap profile (allocations since the start
// included) to path.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("heap profile: %w", err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("heap profile: %w", err)
	}
	return f.Close()
}

package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"khabar"
	"khabar/morph"
	"khabar/ner"
	"khabar/seqlabel"
)

func init() {
	register(verb{
		name:    "eval ner",
		summary: "score the named-entity tagger on a CoNLL file (conlleval-style P/R/F1)",
		run:     runEvalNER,
	})
}

func runEvalNER(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval ner", stderr)
	gold := fs.String("gold", "", "CoNLL file of \"TOKEN TAG\" lines, blank lines between sentences (required)")
	model := fs.String("model", "", "model folder (ner.model.gz, ner2.model.gz) to score instead of the embedded one")
	raw := fs.Bool("raw", false, "skip the document rules (curated names, consistency) to measure the tagger alone")
	noMorph := fs.Bool("no-morph", false, "withhold the morphology layer from a model that reads it (to measure its share)")
	window := fs.Int("window", ner.StreamWindow, "sentences either side that share document context (the file has no article breaks; 0: the whole file)")
	errs := fs.String("errors", "", "write the sentences with a wrong entity to this file")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *gold == "" {
		fmt.Fprintln(stderr, "eval ner: -gold is required")
		return 2
	}
	f, err := os.Open(*gold)
	if err != nil {
		fmt.Fprintln(stderr, "eval ner:", err)
		return 1
	}
	sents, err := ner.ReadCoNLL(f)
	f.Close()
	if err != nil {
		fmt.Fprintln(stderr, "eval ner:", err)
		return 1
	}
	start := time.Now()
	var rec *ner.Recognizer
	if *model != "" {
		rec, err = loadNERModel(*model)
	} else {
		rec, err = ner.Load()
	}
	if err != nil {
		fmt.Fprintln(stderr, "eval ner:", err)
		return 1
	}
	loaded := time.Since(start)
	if *raw {
		rec = rec.WithoutPostRules()
	}
	var ew io.Writer = io.Discard
	if *errs != "" {
		ef, err := os.Create(*errs)
		if err != nil {
			fmt.Fprintln(stderr, "eval ner:", err)
			return 1
		}
		defer ef.Close()
		ew = ef
	}
	score := ner.NewScore()
	tokens := 0
	start = time.Now()
	cpu0 := cpuTime()
	words := make([][]string, len(sents))
	for i, s := range sents {
		words[i] = s.Words
		tokens += len(s.Words)
	}
	// The file is one stream without article breaks: document context is
	// pooled over a window of sentences.
	var segs [][][]khabar.Segment
	if rec.UsesMorph() && !*noMorph {
		// The model reads the morphology layer: analyse as the pipeline would.
		a, err := morph.Load()
		if err != nil {
			fmt.Fprintln(stderr, "eval ner:", err)
			return 1
		}
		segs = make([][][]khabar.Segment, len(words))
		for i, w := range words {
			segs[i] = a.AnalyzeWords(w)
		}
		start, cpu0 = time.Now(), cpuTime()
	}
	preds := rec.TagDocument(words, segs, *window)
	tagTime := time.Since(start)
	tagCPU := cpuTime() - cpu0
	for i, s := range sents {
		score.Add(s.Tags, preds[i])
		if fmt.Sprint(ner.Chunks(s.Tags)) != fmt.Sprint(ner.Chunks(preds[i])) {
			for k, w := range s.Words {
				mark := ""
				if s.Tags[k] != preds[i][k] {
					mark = "  <<<"
				}
				fmt.Fprintf(ew, "%s\t%s\t%s%s\n", w, s.Tags[k], preds[i][k], mark)
			}
			fmt.Fprintln(ew, strings.Repeat("-", 20))
		}
	}
	fmt.Fprintf(stdout, "%s: %d sentences, %d tokens\n", *gold, len(sents), tokens)
	score.Report(stdout)
	fmt.Fprintf(stdout, "model loaded in %v; tagged %.0f tokens/s wall-clock, %.0f tokens per CPU second\n",
		loaded.Round(time.Millisecond), float64(tokens)/tagTime.Seconds(), float64(tokens)/tagCPU.Seconds())
	return 0
}

// loadNERModel reads the models written by `khabar train ner -out DIR`.
func loadNERModel(dir string) (*ner.Recognizer, error) {
	var ms ner.Models
	for _, f := range []struct {
		name string
		dst  **seqlabel.Model
	}{{"ner.model.gz", &ms.First}, {"ner2.model.gz", &ms.Second}} {
		b, err := os.ReadFile(filepath.Join(dir, f.name))
		if err != nil {
			return nil, err
		}
		if len(b) == 0 {
			continue
		}
		m, err := seqlabel.Read(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.name, err)
		}
		*f.dst = m
	}
	if b, err := os.ReadFile(filepath.Join(dir, "options.txt")); err == nil {
		ms.SetOptions(string(b))
	}
	lf, err := os.Open(filepath.Join(dir, "lexicon.tsv.gz"))
	if err == nil {
		err = ms.ReadLexicon(lf)
		lf.Close()
		if err != nil {
			return nil, err
		}
	}
	return ner.NewRecognizer(&ms)
}

// cpuTime is the CPU time this process has used, user and system: on a
// shared machine it measures throughput better than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

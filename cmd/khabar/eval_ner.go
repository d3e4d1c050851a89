package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

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
	model := fs.String("model", "", "model file to score instead of the embedded one")
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
	preds := make([][]string, len(sents))
	for i, s := range sents {
		preds[i] = rec.Tag(s.Words)
		tokens += len(s.Words)
	}
	tagTime := time.Since(start)
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
	fmt.Fprintf(stdout, "model loaded in %v; tagged %.0f tokens/s\n", loaded.Round(time.Millisecond), float64(tokens)/tagTime.Seconds())
	return 0
}

// loadNERModel reads a model file written by `khabar train ner -out`.
func loadNERModel(path string) (*ner.Recognizer, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m, err := seqlabel.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return ner.NewRecognizer(m)
}

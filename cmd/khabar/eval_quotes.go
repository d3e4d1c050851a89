package main

import (
	"fmt"
	"io"
	"os"

	"khabar"
	"khabar/analysis"
	"khabar/event"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/quote/qeeval"
	"khabar/temporal"
)

func init() {
	register(verb{
		name:    "eval quotes",
		summary: "score the quotation layer on a gold JSONL set (detection P/R/F1 by span overlap, speaker accuracy)",
		run: func(args []string, stdout, stderr io.Writer) int {
			return runEvalQE("eval quotes", args, stdout, stderr, func(arts []qeeval.Article, an qeeval.Analyze, w io.Writer, errs bool) {
				qeeval.ScoreQuotes(arts, an).Write(w, errs)
			})
		},
	})
}

// newQuoteEventAnalyzer builds the pipeline the quotation and event layers
// run in: morphology, entities, dates, quotes, events. The two layers do
// not read the morphological segments, so a morphology model that does not
// load is reported and left out rather than stopping the evaluation.
func newQuoteEventAnalyzer(stderr io.Writer) (*analysis.Analyzer, error) {
	var stages []khabar.Annotator
	if m, err := morph.Load(); err != nil {
		fmt.Fprintf(stderr, "warning: morphology left out (%v); quotes and events do not read it\n", err)
	} else {
		stages = append(stages, m)
	}
	n, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the entity model: %w", err)
	}
	stages = append(stages, n, temporal.New(), quote.New(), event.New())
	return analysis.New(stages...), nil
}

// runEvalQE is the body shared by eval quotes and eval events: flags, gold,
// pipeline, then score writes the report.
func runEvalQE(name string, args []string, stdout, stderr io.Writer, score func([]qeeval.Article, qeeval.Analyze, io.Writer, bool)) int {
	fs := newFlagSet(name, stderr)
	gold := fs.String("gold", "testdata/quotes-events-gold.jsonl", "gold set, JSON Lines as testdata/quotes-events-gold.jsonl")
	errs := fs.String("errors", "", "write every missed, spurious or wrong item to this file")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	f, err := os.Open(*gold)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	arts, err := qeeval.ReadGold(f)
	f.Close()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	an, err := newQuoteEventAnalyzer(stderr)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return 1
	}
	analyze := func(text, date, category string) *khabar.Document {
		return an.Analyze(analysis.Input{Text: text, Date: date, Category: category})
	}
	fmt.Fprintf(stdout, "articles %d\n", len(arts))
	score(arts, analyze, stdout, false)
	if *errs != "" {
		ef, err := os.Create(*errs)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return 1
		}
		score(arts, analyze, ef, true)
		if err := ef.Close(); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", name, err)
			return 1
		}
	}
	return 0
}

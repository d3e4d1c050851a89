package main

import (
	"fmt"
	"io"
	"os"

	"khabar"
	"khabar/temporal"
	"khabar/temporal/timexeval"
)

func init() {
	register(verb{
		name:    "eval timex",
		summary: "score the temporal-expression recogniser on a gold JSONL corpus (detection P/R/F1, value accuracy)",
		run:     runEvalTimex,
	})
}

func runEvalTimex(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("eval timex", stderr)
	gold := fs.String("gold", "", "gold corpus, JSON Lines as testdata/timex-gold.jsonl (required)")
	errs := fs.String("errors", "", "write every missed, spurious or wrongly valued expression to this file")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *gold == "" {
		fmt.Fprintln(stderr, "eval timex: -gold is required")
		return 2
	}
	f, err := os.Open(*gold)
	if err != nil {
		fmt.Fprintln(stderr, "eval timex:", err)
		return 1
	}
	sents, err := timexeval.ReadGold(f)
	f.Close()
	if err != nil {
		fmt.Fprintln(stderr, "eval timex:", err)
		return 1
	}
	rec := temporal.New()
	report := timexeval.Evaluate(sents, func(text, dct string) []khabar.Timex {
		doc := &khabar.Document{Text: text, DCT: dct}
		rec.Annotate(doc)
		return doc.Timexes
	})
	fmt.Fprintf(stdout, "sentences %d\n", len(sents))
	report.Write(stdout, false)
	if *errs != "" {
		ef, err := os.Create(*errs)
		if err != nil {
			fmt.Fprintln(stderr, "eval timex:", err)
			return 1
		}
		report.Write(ef, true)
		if err := ef.Close(); err != nil {
			fmt.Fprintln(stderr, "eval timex:", err)
			return 1
		}
	}
	return 0
}

package main

import (
	"io"

	"khabar/quote/qeeval"
)

func init() {
	register(verb{
		name:    "eval events",
		summary: "score the event layer on a gold JSONL set (P/R/F1 by type and trigger, and by type and participants)",
		run: func(args []string, stdout, stderr io.Writer) int {
			return runEvalQE("eval events", args, stdout, stderr, func(arts []qeeval.Article, an qeeval.Analyze, w io.Writer, errs bool) {
				qeeval.ScoreEvents(arts, an).Write(w, errs)
			})
		},
	})
}

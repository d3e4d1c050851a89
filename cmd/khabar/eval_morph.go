package main

import "khabar/morph/cli"

func init() {
	register(verb{
		name:    "eval morph",
		summary: "score segmentation, UPOS and lemmas from raw text against gold CoNLL-U (CoNLL 2018 alignment)",
		run:     cli.Eval,
	})
}

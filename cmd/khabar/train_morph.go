package main

import "khabar/morph/cli"

func init() {
	register(verb{
		name:    "train morph",
		summary: "train the morphology model (segmentation, UPOS, lemmas) on PADT train",
		run:     cli.Train,
	})
}

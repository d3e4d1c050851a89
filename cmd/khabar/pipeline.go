package main

import (
	"fmt"

	"khabar"
	"khabar/analysis"
	"khabar/morph"
	"khabar/ner"
	"khabar/temporal"
)

// newAnalyzer builds the full analysis pipeline with every layer's model
// loaded from the binary: morphology first (the later layers read its
// segments), then entities, then dates and times.
func newAnalyzer() (*analysis.Analyzer, error) {
	m, err := morph.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the morphology model: %w", err)
	}
	n, err := ner.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the entity model: %w", err)
	}
	return analysis.New([]khabar.Annotator{m, n, temporal.New()}...), nil
}

package main

import (
	"fmt"
	"strings"

	"khabar"
	"khabar/analysis"
	"khabar/event"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/temporal"
)

// layerNames are the optional analysis layers, in the order they run:
// morphology first (the later layers read its segments), then entities,
// dates and times, quotations (they read entities), and events (they read
// all of those).
var layerNames = []string{"morph", "entities", "dates", "quotes", "events"}

const layersHelp = "analysis layers on top of tokens, sentences and the dateline: all, none, or a comma list of morph,entities,dates,quotes,events"

// newAnalyzer builds the full analysis pipeline, every layer's model loaded
// from the binary.
func newAnalyzer() (*analysis.Analyzer, error) { return newLayeredAnalyzer("all") }

// newLayeredAnalyzer builds the analysis pipeline with the layers named in
// spec ("all", "none" or a comma list).
func newLayeredAnalyzer(spec string) (*analysis.Analyzer, error) {
	want := map[string]bool{}
	switch spec {
	case "", "all":
		for _, l := range layerNames {
			want[l] = true
		}
	case "none":
	default:
		for _, l := range strings.Split(spec, ",") {
			l = strings.TrimSpace(l)
			known := false
			for _, k := range layerNames {
				known = known || k == l
			}
			if !known {
				return nil, fmt.Errorf("unknown layer %q in --layers (%s)", l, strings.Join(layerNames, ", "))
			}
			want[l] = true
		}
	}
	var stages []khabar.Annotator
	if want["morph"] {
		m, err := morph.Load()
		if err != nil {
			return nil, fmt.Errorf("loading the morphology model: %w", err)
		}
		stages = append(stages, m)
	}
	if want["entities"] {
		n, err := ner.Load()
		if err != nil {
			return nil, fmt.Errorf("loading the entity model: %w", err)
		}
		stages = append(stages, n)
	}
	if want["dates"] {
		stages = append(stages, temporal.New())
	}
	if want["quotes"] {
		stages = append(stages, quote.New())
	}
	if want["events"] {
		stages = append(stages, event.New())
	}
	return analysis.New(stages...), nil
}

package qeeval

import (
	"os"
	"path/filepath"
	"testing"

	"khabar"
	"khabar/analysis"
	"khabar/event"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/temporal"
)

// TestGoldFloor runs the whole pipeline on the held-out gold set and fails
// when a figure drops below the level the layers had when this test was
// written (quotes F1 0.89, speakers 0.80, events 0.56 by type and
// trigger): a guard against regressions, not the project's targets.
func TestGoldFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline over 60 articles")
	}
	f, err := os.Open(filepath.Join("..", "..", "testdata", "quotes-events-gold.jsonl"))
	if err != nil {
		t.Skipf("gold set not available: %v", err)
	}
	arts, err := ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	var stages []khabar.Annotator
	if m, err := morph.Load(); err == nil {
		stages = append(stages, m) // the layers do not read it: optional
	}
	n, err := ner.Load()
	if err != nil {
		t.Fatal(err)
	}
	stages = append(stages, n, temporal.New(), quote.New(), event.New())
	an := analysis.New(stages...)
	analyze := func(text, date string) *khabar.Document {
		return an.Analyze(analysis.Input{Text: text, Date: date})
	}
	q := ScoreQuotes(arts, analyze)
	if q.Detection.F1() < 0.85 {
		t.Errorf("quote detection F1 %.3f < 0.85", q.Detection.F1())
	}
	if q.Speaker.Value() < 0.75 {
		t.Errorf("speaker accuracy %.3f < 0.75", q.Speaker.Value())
	}
	e := ScoreEvents(arts, analyze)
	if e.Detection.F1() < 0.50 {
		t.Errorf("event F1 (type + trigger) %.3f < 0.50", e.Detection.F1())
	}
	t.Logf("quotes F1 %.3f, speakers %.3f, events F1 %.3f (type+trigger) %.3f (type+participants)",
		q.Detection.F1(), q.Speaker.Value(), e.Detection.F1(), e.Full.F1())
}

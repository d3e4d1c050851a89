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
// when a figure drops below a floor under the level the layers had when
// this test was last updated (quotes F1 0.943, speakers 0.814, events 0.494
// by type and trigger at 7ce8d32, November 2026; the events figure was
// 0.557 before the event work of that month, see QUOTES-EVENTS-GOLD.md): a
// guard against regressions, not the project's targets.
//
// It runs only with KHABAR_HELDOUT=1, which CI sets (.ci/run): a developer's
// `go test ./...` must not show held-out figures, which would steer rules
// towards the held-out set. Develop against TestDevFloor and the dev pools.
func TestGoldFloor(t *testing.T) {
	if os.Getenv("KHABAR_HELDOUT") != "1" {
		t.Skip("scores the held-out gold: set KHABAR_HELDOUT=1 (CI does)")
	}
	if testing.Short() {
		t.Skip("runs the whole pipeline over 60 articles")
	}
	arts := readGoldFile(t, filepath.Join("..", "..", "testdata", "quotes-events-gold.jsonl"))
	analyze := goldPipeline(t)
	q := ScoreQuotes(arts, analyze)
	if q.Detection.F1() < 0.91 {
		t.Errorf("quote detection F1 %.3f < 0.91", q.Detection.F1())
	}
	if q.Speaker.Value() < 0.80 {
		t.Errorf("speaker accuracy %.3f < 0.80", q.Speaker.Value())
	}
	e := ScoreEvents(arts, analyze)
	if e.Detection.F1() < 0.45 {
		t.Errorf("event F1 (type + trigger) %.3f < 0.45", e.Detection.F1())
	}
	t.Logf("quotes F1 %.3f, speakers %.3f, events F1 %.3f (type+trigger) %.3f (type+participants)",
		q.Detection.F1(), q.Speaker.Value(), e.Detection.F1(), e.Full.F1())
}

// TestDevFloor scores the quotation and event layers on the development
// gold set (quote/testdata/qe-dev-gold.jsonl, 90 articles the rules were
// developed on) and fails below a floor under its current figures (quotes
// F1 0.969, speakers 0.948; events 0.72 by type and trigger, 0.37 by type
// and participants).
func TestDevFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline over 90 articles")
	}
	arts := readGoldFile(t, filepath.Join("..", "testdata", "qe-dev-gold.jsonl"))
	analyze := goldPipeline(t)
	q := ScoreQuotes(arts, analyze)
	if q.Detection.F1() < 0.95 {
		t.Errorf("dev quote detection F1 %.3f < 0.95", q.Detection.F1())
	}
	if q.Speaker.Value() < 0.92 {
		t.Errorf("dev speaker accuracy %.3f < 0.92", q.Speaker.Value())
	}
	e := ScoreEvents(arts, analyze)
	if e.Detection.F1() < 0.66 {
		t.Errorf("dev event F1 (type + trigger) %.3f < 0.66", e.Detection.F1())
	}
	if e.Full.F1() < 0.32 {
		t.Errorf("dev event F1 (type + participants) %.3f < 0.32", e.Full.F1())
	}
	t.Logf("dev quotes F1 %.3f, speakers %.3f, events F1 %.3f (type+trigger) %.3f (type+participants)",
		q.Detection.F1(), q.Speaker.Value(), e.Detection.F1(), e.Full.F1())
}

// readGoldFile reads a gold JSONL file, skipping the test when it is absent.
func readGoldFile(t *testing.T, path string) []Article {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("gold set not available: %v", err)
	}
	arts, err := ReadGold(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	return arts
}

// goldPipeline is the analysis chain the quotation and event layers run in.
func goldPipeline(t *testing.T) Analyze {
	t.Helper()
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
	return func(text, date, category string) *khabar.Document {
		return an.Analyze(analysis.Input{Text: text, Date: date, Category: category})
	}
}

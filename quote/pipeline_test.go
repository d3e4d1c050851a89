package quote

import (
	"sync"
	"testing"

	"khabar"
	"khabar/analysis"
	"khabar/internal/testcorpus"
	"khabar/morph"
	"khabar/ner"
	"khabar/temporal"
)

var (
	pipeOnce sync.Once
	pipe     *analysis.Analyzer
	pipeErr  error
)

// pipeline is the analysis chain the quotes read: morphology (when its
// model loads: the rules do not depend on it), entities and dates, then
// this package.
func pipeline(t testing.TB) *analysis.Analyzer {
	t.Helper()
	pipeOnce.Do(func() {
		var stages []khabar.Annotator
		if m, err := morph.Load(); err == nil {
			stages = append(stages, m)
		}
		n, err := ner.Load()
		if err != nil {
			pipeErr = err
			return
		}
		stages = append(stages, n, temporal.New(), New())
		pipe = analysis.New(stages...)
	})
	if pipeErr != nil {
		t.Fatal(pipeErr)
	}
	return pipe
}

// moduleRoot is the directory holding go.mod, above the package directory.
func moduleRoot(t testing.TB) string { return testcorpus.ModuleRoot(t) }

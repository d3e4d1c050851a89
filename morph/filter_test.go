package morph

import (
	"math/rand/v2"
	"testing"

	"khabar/morph/perceptron"
)

// TestKeyFilter checks that the filter lets every key of a table through
// (a miss would change a score) and stops most keys the table lacks.
func TestKeyFilter(t *testing.T) {
	tables := map[string]*perceptron.Table{}
	if a := loadOrSkip(t); a != nil {
		tables["seg"], tables["lem"], tables["alt"], tables["tag"] = a.seg.t, a.lem.t, a.alt.t, a.tag.t
	}
	rng := rand.New(rand.NewPCG(1, 2))
	keys := make([]uint64, 1000)
	for i := range keys {
		keys[i] = rng.Uint64() | 1
	}
	tables["small"] = perceptron.NewTable(keys, make([]float32, len(keys)), 1)
	for name, tab := range tables {
		f := newKeyFilter(tab)
		for _, k := range tab.Keys {
			if k != 0 && !f.mayHave(k) {
				t.Fatalf("%s: the filter stops key %x, which the table holds", name, k)
			}
		}
		passed := 0
		for range 10000 {
			k := rng.Uint64()
			if tab.Row(k) == nil && f.mayHave(k) {
				passed++
			}
		}
		if passed > 1500 {
			t.Errorf("%s: %d of 10,000 absent keys pass the filter", name, passed)
		}
	}
	if !(keyFilter{}).mayHave(42) {
		t.Error("the empty filter stops a key")
	}
}

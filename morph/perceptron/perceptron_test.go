package perceptron

import (
	"math/rand"
	"testing"
)

// TestLearnsSeparable trains both shapes on a toy problem: the class is the
// feature's parity.
func TestLearnsSeparable(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	dense := NewDenseTrainer(2)
	sparse := NewSparseTrainer()
	classes := []uint64{Hash(9, "even"), Hash(9, "odd")}
	scores := make([]float64, 2)
	for it := 0; it < 2000; it++ {
		n := rng.Intn(100)
		feats := []uint64{Hash(1, string(rune('a'+n%26))) + uint64(n), Hash(2, "bias")}
		gold := n % 2
		dense.Scores(feats, scores)
		pred := 0
		if scores[1] > scores[0] {
			pred = 1
		}
		dense.Update(feats, gold, pred)
		dense.Tick()
		sp := 0
		if sparse.Score(feats, classes[1]) > sparse.Score(feats, classes[0]) {
			sp = 1
		}
		sparse.Update(feats, classes[gold], classes[sp])
		sparse.Tick()
	}
	dt, st := dense.Freeze(0), sparse.Freeze(0)
	out := make([]float32, 2)
	for n := 0; n < 100; n++ {
		feats := []uint64{Hash(1, string(rune('a'+n%26))) + uint64(n), Hash(2, "bias")}
		dt.Scores(feats, out)
		if (out[1] > out[0]) != (n%2 == 1) {
			t.Errorf("dense: %d misclassified", n)
		}
		if (st.Score(feats, classes[1]) > st.Score(feats, classes[0])) != (n%2 == 1) {
			t.Errorf("sparse: %d misclassified", n)
		}
	}
}

func TestTable(t *testing.T) {
	keys := []uint64{5, 21, 37, 1 << 40}
	vals := []float32{1, 2, 3, 4, 5, 6, 7, 8}
	tb := NewTable(keys, vals, 2)
	for i, k := range keys {
		row := tb.Row(k)
		if row == nil || row[0] != vals[2*i] || row[1] != vals[2*i+1] {
			t.Errorf("Row(%d) = %v", k, row)
		}
	}
	if tb.Row(6) != nil || tb.Len() != len(keys) {
		t.Errorf("absent key found or bad length %d", tb.Len())
	}
	back := Restore(tb.Keys, tb.Vals, 2)
	if back.Row(37)[1] != 6 {
		t.Error("Restore lost a row")
	}
}

func TestHash2(t *testing.T) {
	if Hash2(3, "ab", "cd") != Hash(3, "ab|cd") || Hash3(3, "a", "b", "c") != Hash(3, "a|b|c") {
		t.Error("Hash2/Hash3 differ from Hash of the joined string")
	}
}

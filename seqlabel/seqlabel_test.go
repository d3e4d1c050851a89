package seqlabel

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"testing"
)

// toyData makes sequences whose label is decided by the current feature
// for most tokens, and by the previous label after a "marker" token, so a
// model must learn both emissions and transitions.
func toyData(n int, seed uint64) []Sequence {
	rng := rand.New(rand.NewPCG(seed, 7))
	var out []Sequence
	for range n {
		T := 3 + rng.IntN(8)
		s := Sequence{}
		prev := 0
		for t := 0; t < T; t++ {
			w := uint64(rng.IntN(6))
			var y int
			switch {
			case w == 5 && t > 0: // ambiguous token: continues the previous entity
				if prev == 1 || prev == 2 {
					y = 2
				}
			case w < 2:
				y = 1
			}
			s.Feats = append(s.Feats, []uint64{100 + w, 999})
			s.Gold = append(s.Gold, y)
			prev = y
		}
		out = append(out, s)
	}
	return out
}

func accuracy(m *Model, data []Sequence) float64 {
	var d Decoder
	right, total := 0, 0
	var pred []int
	for _, s := range data {
		pred = m.Decode(&d, s.Feats, pred)
		for t := range pred {
			if pred[t] == s.Gold[t] {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(total)
}

func TestTrainers(t *testing.T) {
	labels := []string{"O", "B", "I"}
	train, test := toyData(400, 1), toyData(100, 2)
	tests := []struct {
		name  string
		train func() (*Model, error)
	}{
		{"perceptron", func() (*Model, error) { return Train(labels, train, Options{Epochs: 5, Seed: 1}) }},
		{"crf", func() (*Model, error) {
			return TrainCRF(labels, train, CRFOptions{Epochs: 5, C2: 0.1, Eta0: 0.1, Seed: 1})
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m, err := tc.train()
			if err != nil {
				t.Fatal(err)
			}
			if acc := accuracy(m, test); acc < 0.99 {
				t.Errorf("accuracy %.3f, want ≥ 0.99", acc)
			}
			var buf bytes.Buffer
			if _, err := m.WriteTo(&buf); err != nil {
				t.Fatal(err)
			}
			m2, err := Read(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if a, b := accuracy(m, test), accuracy(m2, test); a != b {
				t.Errorf("accuracy after round trip %.4f, before %.4f", b, a)
			}
		})
	}
}

func TestTrainRejectsBadInput(t *testing.T) {
	bad := []Sequence{{Feats: [][]uint64{{1}}, Gold: []int{5}}}
	if _, err := Train([]string{"O"}, bad, Options{Epochs: 1}); err == nil {
		t.Error("perceptron: want error for a label out of range")
	}
	if _, err := TrainCRF([]string{"O"}, bad, CRFOptions{Epochs: 1, Eta0: 0.1}); err == nil {
		t.Error("crf: want error for a label out of range")
	}
	if _, err := Train(nil, nil, Options{Epochs: 1}); err == nil {
		t.Error("want error for no labels")
	}
}

func TestReadRejectsGarbage(t *testing.T) {
	for _, in := range [][]byte{nil, []byte("hello"), {0x1f, 0x8b, 0, 0}} {
		if _, err := Read(bytes.NewReader(in)); err == nil {
			t.Errorf("Read(%q): want error", in)
		}
	}
}

func FuzzRead(f *testing.F) {
	m, err := Train([]string{"O", "B", "I"}, toyData(20, 3)[:5], Options{Epochs: 1, Seed: 1})
	if err != nil {
		f.Fatal(err)
	}
	var buf bytes.Buffer
	m.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte("SEQLABEL1"))
	f.Fuzz(func(t *testing.T, b []byte) {
		m, err := Read(bytes.NewReader(b))
		if err != nil {
			return
		}
		var d Decoder
		m.Decode(&d, [][]uint64{{1, 2}, {3}}, nil)
	})
}

func TestDecodeEmpty(t *testing.T) {
	m, err := Train([]string{"O", "B"}, []Sequence{{Feats: [][]uint64{{1}}, Gold: []int{1}}}, Options{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	var d Decoder
	if got := m.Decode(&d, nil, nil); len(got) != 0 {
		t.Errorf("Decode(nil) = %v", got)
	}
}

func TestAverage(t *testing.T) {
	labels := []string{"A", "B"}
	a := &Model{Labels: labels, index: map[uint64]int32{1: 0, 2: 1}, weights: []float32{2, 0, 0, 4}, trans: make([]float32, 6)}
	b := &Model{Labels: labels, index: map[uint64]int32{2: 0, 3: 1}, weights: []float32{0, 2, 6, 0}, trans: []float32{2, 0, 0, 0, 0, 0}}
	m, err := Average([]*Model{a, b})
	if err != nil {
		t.Fatal(err)
	}
	want := map[uint64][]float32{1: {1, 0}, 2: {0, 3}, 3: {3, 0}}
	for f, w := range want {
		r, ok := m.index[f]
		if !ok {
			t.Fatalf("feature %d missing", f)
		}
		if got := m.weights[int(r)*2 : int(r)*2+2]; got[0] != w[0] || got[1] != w[1] {
			t.Errorf("feature %d: weights %v, want %v", f, got, w)
		}
	}
	if m.trans[0] != 1 {
		t.Errorf("trans[0] = %v, want 1", m.trans[0])
	}
	if _, err := Average(nil); err == nil {
		t.Error("no models: no error")
	}
	c := &Model{Labels: []string{"A"}, index: map[uint64]int32{}}
	if _, err := Average([]*Model{a, c}); err == nil {
		t.Error("different labels: no error")
	}
}

// TestRowsSameAsAdd checks that the rows a caller keeps (AppendRows) add up, bit for bit, to what Add and Decode
// sum, and that DecodeScores of those sums decodes as Decode does.
func TestRowsSameAsAdd(t *testing.T) {
	labels := []string{"O", "B", "I"}
	m, err := Train(labels, toyData(300, 3), Options{Epochs: 5, Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(5, 5))
	var d Decoder
	for n := range 200 {
		T := 1 + rng.IntN(6)
		feats := make([][]uint64, T)
		for i := range feats {
			for range rng.IntN(8) {
				feats[i] = append(feats[i], 100+uint64(rng.IntN(8)), uint64(rng.IntN(2000))) // known and unknown
			}
		}
		want := m.Decode(&d, feats, nil)
		scores := m.Scores(&d, T)
		for i, fs := range feats {
			add, rows := make([]float32, 3), make([]float32, 3)
			m.Add(add, fs)
			AddRows(rows, m.AppendRows(nil, fs))
			for y := range add {
				if add[y] != rows[y] {
					t.Fatalf("case %d position %d: Add %v, AddRows %v", n, i, add, rows)
				}
				scores[i*3+y] = float64(add[y])
			}
		}
		if got := m.DecodeScores(&d, scores, nil); !slices.Equal(got, want) {
			t.Fatalf("case %d: DecodeScores %v, Decode %v", n, got, want)
		}
	}
	if got := m.DecodeScores(&d, nil, []int{1}); len(got) != 0 {
		t.Errorf("DecodeScores of nothing = %v", got)
	}
}

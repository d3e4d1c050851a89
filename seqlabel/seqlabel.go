// Package seqlabel is a generic linear-chain sequence labeller: a
// first-order model over hashed binary features, trained as an averaged
// structured perceptron (Collins 2002) and decoded with Viterbi.
//
// The caller turns each position of a sequence into a list of feature
// hashes (any 64-bit hash of a feature string); the model keeps weights
// only for features seen in training, so unseen ones cost a map miss and
// nothing else. The package does no I/O beyond the io.Reader and io.Writer
// it is given, and a trained Model is safe for concurrent decoding.
package seqlabel

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// Sequence is one training example.
type Sequence struct {
	// Feats holds the feature hashes of each position.
	Feats [][]uint64
	// Gold holds the index of each position's label.
	Gold []int
}

// Options control perceptron training.
type Options struct {
	Epochs int
	Seed   uint64
	// Log, when set, receives one line per epoch.
	Log func(format string, args ...any)
	// Dev, when set, is called after each epoch with the averaged model
	// so far (for learning curves); it must not keep the model.
	Dev func(epoch int, m *Model)
}

// Model is a trained labeller.
type Model struct {
	Labels []string
	index  map[uint64]int32
	// table holds index for decoding; built by finish.
	table   *featureTable
	weights []float32 // len(index) rows of len(Labels)
	// trans[(prev+1)*L+cur]: prev = -1 is the start of the sequence.
	trans []float32
}

// NumFeatures is the number of features with weights.
func (m *Model) NumFeatures() int { return len(m.index) }

// Train learns a model with the averaged perceptron.
func Train(labels []string, data []Sequence, o Options) (*Model, error) {
	L := len(labels)
	if L == 0 {
		return nil, errors.New("seqlabel: no labels")
	}
	if o.Epochs <= 0 {
		return nil, fmt.Errorf("seqlabel: %d epochs", o.Epochs)
	}
	m := &Model{Labels: append([]string(nil), labels...), index: map[uint64]int32{}}
	for i, s := range data {
		if len(s.Feats) != len(s.Gold) {
			return nil, fmt.Errorf("seqlabel: sequence %d has %d positions and %d labels", i, len(s.Feats), len(s.Gold))
		}
		for t, fs := range s.Feats {
			if s.Gold[t] < 0 || s.Gold[t] >= L {
				return nil, fmt.Errorf("seqlabel: sequence %d position %d: label %d out of range", i, t, s.Gold[t])
			}
			for _, f := range fs {
				if _, ok := m.index[f]; !ok {
					m.index[f] = int32(len(m.index))
				}
			}
		}
	}
	n := len(m.index)
	m.weights = make([]float32, n*L)
	m.trans = make([]float32, (L+1)*L)
	// Averaging by the lazy trick: acc holds the sum of c·update, and the
	// average is w - acc/c.
	accW := make([]float64, n*L)
	accT := make([]float64, (L+1)*L)
	w := make([]float64, n*L)
	tr := make([]float64, (L+1)*L)
	c := 1.0
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed+1))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var dec decoder
	rows := [][]int32{}
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for _, si := range order {
			s := data[si]
			T := len(s.Gold)
			if T == 0 {
				continue
			}
			rows = rows[:0]
			for _, fs := range s.Feats {
				r := make([]int32, len(fs))
				for k, f := range fs {
					r[k] = m.index[f]
				}
				rows = append(rows, r)
			}
			pred := dec.viterbi(T, L, func(t int, out []float64) {
				clear(out)
				for _, r := range rows[t] {
					ws := w[int(r)*L : int(r)*L+L]
					for y := range out {
						out[y] += ws[y]
					}
				}
			}, func(prev, cur int) float64 { return tr[(prev+1)*L+cur] })
			total += T
			wrong := false
			for t := 0; t < T; t++ {
				if pred[t] != s.Gold[t] {
					wrong = true
					errs++
				}
			}
			if wrong {
				for t := 0; t < T; t++ {
					g, p := s.Gold[t], pred[t]
					if g != p {
						for _, r := range rows[t] {
							w[int(r)*L+g]++
							accW[int(r)*L+g] += c
							w[int(r)*L+p]--
							accW[int(r)*L+p] -= c
						}
					}
					gp, pp := -1, -1
					if t > 0 {
						gp, pp = s.Gold[t-1], pred[t-1]
					}
					if g != p || gp != pp {
						tr[(gp+1)*L+g]++
						accT[(gp+1)*L+g] += c
						tr[(pp+1)*L+p]--
						accT[(pp+1)*L+p] -= c
					}
				}
			}
			c++
		}
		for i := range w {
			m.weights[i] = float32(w[i] - accW[i]/c)
		}
		for i := range tr {
			m.trans[i] = float32(tr[i] - accT[i]/c)
		}
		if o.Log != nil {
			o.Log("seqlabel: epoch %d: %d/%d positions wrong (%.2f%%)", epoch, errs, total, 100*float64(errs)/float64(max(total, 1)))
		}
		if o.Dev != nil {
			m.finish()
			o.Dev(epoch, m)
		}
	}
	m.prune()
	return m, nil
}

// prune drops features whose averaged weights are all zero.
func (m *Model) prune() {
	L := len(m.Labels)
	kept := map[uint64]int32{}
	var nw []float32
	for f, r := range m.index {
		ws := m.weights[int(r)*L : int(r)*L+L]
		zero := true
		for _, v := range ws {
			if math.Abs(float64(v)) > 1e-6 {
				zero = false
				break
			}
		}
		if zero {
			continue
		}
		kept[f] = int32(len(kept))
		nw = append(nw, ws...)
	}
	m.index, m.weights = kept, nw
	m.finish()
}

// finish builds the decoding table from index.
func (m *Model) finish() {
	L := len(m.Labels)
	m.table = newFeatureTable(len(m.index), L)
	for f, r := range m.index {
		m.table.put(f, m.weights[int(r)*L:int(r)*L+L])
	}
}

// Decoder holds the scratch space of Viterbi decoding; one per goroutine.
type Decoder struct {
	dec    decoder
	scores []float64
	acc    []float32
}

// Decode returns the best label sequence for the positions' features,
// appended to dst[:0].
func (m *Model) Decode(d *Decoder, feats [][]uint64, dst []int) []int {
	L := len(m.Labels)
	T := len(feats)
	if T == 0 {
		return dst[:0]
	}
	if cap(d.scores) < T*L {
		d.scores = make([]float64, T*L)
	}
	if cap(d.acc) < L {
		d.acc = make([]float32, L)
	}
	sc := d.scores[:T*L]
	acc := d.acc[:L]
	for t, fs := range feats {
		clear(acc)
		m.Add(acc, fs)
		out := sc[t*L : t*L+L]
		for y, v := range acc {
			out[y] = float64(v)
		}
	}
	return append(dst[:0], d.dec.viterbiDense(T, L, sc, m.trans)...)
}

// Add adds the weight rows of the features the model knows to acc (one
// value per label), in the order of feats: the float32 sums Decode makes
// of a position's features, step for step.
func (m *Model) Add(acc []float32, feats []uint64) {
	for _, f := range feats {
		ws, ok := m.table.weights(f)
		if !ok {
			continue
		}
		// Reslicing to len(acc) moves the bounds check out of the
		// per-label loop; the sums, and their order, are unchanged.
		ws = ws[:len(acc)]
		for y := range acc {
			acc[y] += ws[y]
		}
	}
}

// AppendRows appends the weight rows (len(Labels) values each) of the
// features the model knows, in the order of feats, to dst: AddRows of them
// later adds what Add of feats adds, in the same order, without hashing
// or looking anything up.
func (m *Model) AppendRows(dst []float32, feats []uint64) []float32 {
	for _, f := range feats {
		if ws, ok := m.table.weights(f); ok {
			dst = append(dst, ws[:len(m.Labels)]...)
		}
	}
	return dst
}

// AddRows adds rows (consecutive runs of len(acc) weights, as AppendRows
// makes them) to acc, in their order.
func AddRows(acc, rows []float32) {
	L := len(acc)
	if L == 0 {
		return
	}
	for len(rows) >= L {
		ws := rows[:L]
		for y := range acc {
			acc[y] += ws[y]
		}
		rows = rows[L:]
	}
}

// Scores returns the decoder's T×L emission scratch for DecodeScores.
func (m *Model) Scores(d *Decoder, T int) []float64 {
	L := len(m.Labels)
	if cap(d.scores) < T*L {
		d.scores = make([]float64, T*L)
	}
	return d.scores[:T*L]
}

// DecodeScores returns the best label sequence given each position's
// emission scores (T×L, position-major, as Scores returns them), appended
// to dst[:0]: Decode with the feature sums made by the caller.
func (m *Model) DecodeScores(d *Decoder, scores []float64, dst []int) []int {
	L := len(m.Labels)
	T := len(scores) / max(L, 1)
	if T == 0 {
		return dst[:0]
	}
	return append(dst[:0], d.dec.viterbiDense(T, L, scores[:T*L], m.trans)...)
}

// viterbiDense is viterbi over precomputed emission scores (T×L) and
// transition weights ((L+1)×L, row 0 the start), without the calls through
// function values that the training loop can afford.
func (d *decoder) viterbiDense(T, L int, emit []float64, trans []float32) []int {
	if cap(d.delta) < T*L {
		d.delta = make([]float64, T*L)
		d.back = make([]int, T*L)
	}
	if cap(d.path) < T {
		d.path = make([]int, T)
	}
	delta, back, path := d.delta[:T*L], d.back[:T*L], d.path[:T]
	for y := 0; y < L; y++ {
		delta[y] = emit[y] + float64(trans[y])
	}
	for t := 1; t < T; t++ {
		prev := delta[(t-1)*L : t*L]
		cur := delta[t*L : t*L+L]
		bk := back[t*L : t*L+L]
		e := emit[t*L : t*L+L]
		for y := range cur {
			best, arg := math.Inf(-1), 0
			for p, dp := range prev {
				if s := dp + float64(trans[(p+1)*L+y]); s > best {
					best, arg = s, p
				}
			}
			cur[y] = best + e[y]
			bk[y] = arg
		}
	}
	best, arg := math.Inf(-1), 0
	for y, v := range delta[(T-1)*L:] {
		if v > best {
			best, arg = v, y
		}
	}
	path[T-1] = arg
	for t := T - 1; t > 0; t-- {
		path[t-1] = back[t*L+path[t]]
	}
	return path
}

// decoder is Viterbi scratch space.
type decoder struct {
	delta []float64
	back  []int
	emit  []float64
	path  []int
}

// viterbi finds the best path given emission and transition scores.
func (d *decoder) viterbi(T, L int, emit func(t int, out []float64), trans func(prev, cur int) float64) []int {
	if cap(d.delta) < T*L {
		d.delta = make([]float64, T*L)
		d.back = make([]int, T*L)
	}
	if cap(d.emit) < L {
		d.emit = make([]float64, L)
	}
	if cap(d.path) < T {
		d.path = make([]int, T)
	}
	delta, back, e, path := d.delta[:T*L], d.back[:T*L], d.emit[:L], d.path[:T]
	emit(0, e)
	for y := 0; y < L; y++ {
		delta[y] = e[y] + trans(-1, y)
	}
	for t := 1; t < T; t++ {
		emit(t, e)
		prev := delta[(t-1)*L : t*L]
		for y := 0; y < L; y++ {
			best, arg := math.Inf(-1), 0
			for p := 0; p < L; p++ {
				if s := prev[p] + trans(p, y); s > best {
					best, arg = s, p
				}
			}
			delta[t*L+y] = best + e[y]
			back[t*L+y] = arg
		}
	}
	best, arg := math.Inf(-1), 0
	for y := 0; y < L; y++ {
		if delta[(T-1)*L+y] > best {
			best, arg = delta[(T-1)*L+y], y
		}
	}
	path[T-1] = arg
	for t := T - 1; t > 0; t-- {
		path[t-1] = back[t*L+path[t]]
	}
	return path
}

// Prune drops the features whose weights are all below minAbs in absolute
// value, and returns how many it dropped: a smaller table decodes faster
// and compresses better, and the smallest weights rarely decide a label.
func (m *Model) Prune(minAbs float32) int {
	L := len(m.Labels)
	kept := map[uint64]int32{}
	var nw []float32
	for f, r := range m.index {
		ws := m.weights[int(r)*L : int(r)*L+L]
		keep := false
		for _, v := range ws {
			if v >= minAbs || -v >= minAbs {
				keep = true
				break
			}
		}
		if !keep {
			continue
		}
		kept[f] = int32(len(kept))
		nw = append(nw, ws...)
	}
	dropped := len(m.index) - len(kept)
	m.index, m.weights = kept, nw
	m.finish()
	return dropped
}

// Average returns the model whose weights are the mean of the given
// models' (a feature one model lacks weighs 0 there): an ensemble of
// perceptrons trained on different shuffles of the data, folded into one
// linear model that decodes as fast as each.
func Average(ms []*Model) (*Model, error) {
	if len(ms) == 0 {
		return nil, errors.New("seqlabel: no models to average")
	}
	L := len(ms[0].Labels)
	for _, m := range ms[1:] {
		if len(m.Labels) != L {
			return nil, fmt.Errorf("seqlabel: averaging models of %d and %d labels", L, len(m.Labels))
		}
		for i, l := range m.Labels {
			if l != ms[0].Labels[i] {
				return nil, fmt.Errorf("seqlabel: averaging models with labels %q and %q", ms[0].Labels, m.Labels)
			}
		}
	}
	out := &Model{Labels: append([]string(nil), ms[0].Labels...), index: map[uint64]int32{}, trans: make([]float32, len(ms[0].trans))}
	scale := 1 / float32(len(ms))
	// Features in the order the models list them, so that the result does
	// not depend on map iteration.
	for _, m := range ms {
		rows := make([]uint64, len(m.index))
		for f, r := range m.index {
			rows[r] = f
		}
		for r, f := range rows {
			row, ok := out.index[f]
			if !ok {
				row = int32(len(out.index))
				out.index[f] = row
				out.weights = append(out.weights, make([]float32, L)...)
			}
			dst := out.weights[int(row)*L : int(row)*L+L]
			for y, v := range m.weights[r*L : r*L+L] {
				dst[y] += v * scale
			}
		}
		for i, v := range m.trans {
			out.trans[i] += v * scale
		}
	}
	out.finish()
	return out, nil
}

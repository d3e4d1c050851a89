// Package perceptron is a small averaged-perceptron learner over hashed
// features, made for the morphology layer's classifiers.
//
// Features are 64-bit hashes (see Hash and Mix), so extracting them allocates
// nothing. Two model shapes are offered:
//
//   - Dense: a fixed, small set of classes (UPOS tags); each feature owns one
//     row of weights, so scoring all classes costs one lookup per feature.
//   - Sparse: an open set of classes scored only for a few candidates per
//     instance (segmentation rules, lemma rules); a weight is keyed by the
//     mix of feature and class.
//
// Training uses maps with lazy averaging; Freeze turns a trained model into an
// immutable open-addressing table that is fast to query, cheap to serialise and
// needs no rebuilding on load. Frozen tables are safe for concurrent use.
package perceptron

import (
	"math"
	"sort"
)

// FNV-1a constants.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash returns the hash of feature template t applied to string s.
func Hash(t uint64, s string) uint64 {
	h := uint64(offset64) ^ (t * 0x9E3779B97F4A7C15)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime64
	}
	return h
}

// Mix combines two hashes (a feature with a class, or two features).
func Mix(a, b uint64) uint64 {
	x := a ^ (b + 0x9E3779B97F4A7C15 + (a << 6) + (a >> 2))
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	x *= 0xc4ceb9fe1a85ec53
	x ^= x >> 33
	if x == 0 {
		x = 1
	}
	return x
}

// --- Sparse ---------------------------------------------------------------

type sparseParam struct {
	w, total float64
	stamp    int
}

// SparseTrainer learns weights keyed by Mix(feature, class).
type SparseTrainer struct {
	params map[uint64]*sparseParam
	step   int
}

// NewSparseTrainer returns an empty trainer.
func NewSparseTrainer() *SparseTrainer {
	return &SparseTrainer{params: make(map[uint64]*sparseParam)}
}

// Score sums the current weights of feats for class.
func (t *SparseTrainer) Score(feats []uint64, class uint64) float64 {
	s := 0.0
	for _, f := range feats {
		if p, ok := t.params[Mix(f, class)]; ok {
			s += p.w
		}
	}
	return s
}

// Tick advances the averaging clock; call once per training instance.
func (t *SparseTrainer) Tick() { t.step++ }

func (t *SparseTrainer) add(key uint64, d float64) {
	p, ok := t.params[key]
	if !ok {
		p = &sparseParam{stamp: t.step}
		t.params[key] = p
	}
	p.total += float64(t.step-p.stamp) * p.w
	p.stamp = t.step
	p.w += d
}

// Update rewards the gold class and penalises the predicted one.
func (t *SparseTrainer) Update(feats []uint64, gold, pred uint64) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		t.add(Mix(f, gold), 1)
		t.add(Mix(f, pred), -1)
	}
}

// Freeze averages the weights, drops those below minAbs and returns the
// query table.
func (t *SparseTrainer) Freeze(minAbs float64) *Table {
	keys := make([]uint64, 0, len(t.params))
	vals := make([]float32, 0, len(t.params))
	for k, p := range t.params {
		total := p.total + float64(t.step-p.stamp)*p.w
		avg := total / float64(max(t.step, 1))
		if math.Abs(avg) < minAbs {
			continue
		}
		keys = append(keys, k)
		vals = append(vals, float32(avg))
	}
	sortRows(keys, vals, 1)
	return NewTable(keys, vals, 1)
}

// --- Dense ----------------------------------------------------------------

type denseParam struct {
	w, total []float64
	stamp    []int
}

// DenseTrainer learns one row of NClass weights per feature.
type DenseTrainer struct {
	NClass int
	params map[uint64]*denseParam
	step   int
}

// NewDenseTrainer returns an empty trainer for n classes.
func NewDenseTrainer(n int) *DenseTrainer {
	return &DenseTrainer{NClass: n, params: make(map[uint64]*denseParam)}
}

// Scores adds the current weights of feats into scores (len NClass).
func (t *DenseTrainer) Scores(feats []uint64, scores []float64) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		if p, ok := t.params[f]; ok {
			for c, w := range p.w {
				scores[c] += w
			}
		}
	}
}

// Tick advances the averaging clock; call once per training instance.
func (t *DenseTrainer) Tick() { t.step++ }

func (t *DenseTrainer) add(f uint64, c int, d float64) {
	p, ok := t.params[f]
	if !ok {
		p = &denseParam{w: make([]float64, t.NClass), total: make([]float64, t.NClass), stamp: make([]int, t.NClass)}
		for i := range p.stamp {
			p.stamp[i] = t.step
		}
		t.params[f] = p
	}
	p.total[c] += float64(t.step-p.stamp[c]) * p.w[c]
	p.stamp[c] = t.step
	p.w[c] += d
}

// Update rewards the gold class and penalises the predicted one.
func (t *DenseTrainer) Update(feats []uint64, gold, pred int) {
	if gold == pred {
		return
	}
	for _, f := range feats {
		t.add(f, gold, 1)
		t.add(f, pred, -1)
	}
}

// Freeze averages the weights and returns the query table; rows whose
// largest absolute weight is below minAbs are dropped.
func (t *DenseTrainer) Freeze(minAbs float64) *Table {
	keys := make([]uint64, 0, len(t.params))
	vals := make([]float32, 0, len(t.params)*t.NClass)
	for k, p := range t.params {
		row := make([]float32, t.NClass)
		big := 0.0
		for c := range row {
			total := p.total[c] + float64(t.step-p.stamp[c])*p.w[c]
			avg := total / float64(max(t.step, 1))
			row[c] = float32(avg)
			big = max(big, math.Abs(avg))
		}
		if big < minAbs {
			continue
		}
		keys = append(keys, k)
		vals = append(vals, row...)
	}
	sortRows(keys, vals, t.NClass)
	return NewTable(keys, vals, t.NClass)
}

// sortRows orders keys (and their rows) so that the frozen table does not
// depend on map iteration order: training is reproducible byte for byte.
func sortRows(keys []uint64, vals []float32, width int) {
	idx := make([]int, len(keys))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return keys[idx[a]] < keys[idx[b]] })
	k2 := make([]uint64, len(keys))
	v2 := make([]float32, len(vals))
	for i, j := range idx {
		k2[i] = keys[j]
		copy(v2[i*width:(i+1)*width], vals[j*width:(j+1)*width])
	}
	copy(keys, k2)
	copy(vals, v2)
}

// --- Frozen table -----------------------------------------------------------

// Table is an immutable open-addressing hash table from a feature key to a
// row of Width weights. Key 0 marks an empty slot.
type Table struct {
	Width int
	Keys  []uint64
	Vals  []float32 // len(Keys)*Width
	mask  uint64
}

// NewTable builds a table from parallel keys and rows (vals holds
// len(keys)*width weights). Keys must be distinct and non-zero.
func NewTable(keys []uint64, vals []float32, width int) *Table {
	size := 1
	for size < len(keys)*2 {
		size <<= 1
	}
	size = max(size, 2)
	t := &Table{Width: width, Keys: make([]uint64, size), Vals: make([]float32, size*width), mask: uint64(size - 1)}
	for i, k := range keys {
		j := k & t.mask
		for t.Keys[j] != 0 {
			j = (j + 1) & t.mask
		}
		t.Keys[j] = k
		copy(t.Vals[int(j)*width:int(j+1)*width], vals[i*width:(i+1)*width])
	}
	return t
}

// Restore makes a table from arrays produced by an earlier NewTable (as
// serialised); len(keys) must be a power of two.
func Restore(keys []uint64, vals []float32, width int) *Table {
	return &Table{Width: width, Keys: keys, Vals: vals, mask: uint64(len(keys) - 1)}
}

// Row returns the weights of key, or nil.
func (t *Table) Row(key uint64) []float32 {
	j := key & t.mask
	for {
		k := t.Keys[j]
		if k == key {
			return t.Vals[int(j)*t.Width : int(j+1)*t.Width]
		}
		if k == 0 {
			return nil
		}
		j = (j + 1) & t.mask
	}
}

// Weight returns the single weight of key (Width 1), or 0.
func (t *Table) Weight(key uint64) float32 {
	j := key & t.mask
	for {
		k := t.Keys[j]
		if k == key {
			return t.Vals[j]
		}
		if k == 0 {
			return 0
		}
		j = (j + 1) & t.mask
	}
}

// Score sums the weights of Mix(f, class) over feats (Width 1).
func (t *Table) Score(feats []uint64, class uint64) float32 {
	var s float32
	for _, f := range feats {
		s += t.Weight(Mix(f, class))
	}
	return s
}

// Scores sums the rows of feats into scores (Width classes).
func (t *Table) Scores(feats []uint64, scores []float32) {
	for i := range scores {
		scores[i] = 0
	}
	for _, f := range feats {
		if row := t.Row(f); row != nil {
			for c, w := range row {
				scores[c] += w
			}
		}
	}
}

// Len is the number of stored keys.
func (t *Table) Len() int {
	n := 0
	for _, k := range t.Keys {
		if k != 0 {
			n++
		}
	}
	return n
}

// Add changes the weight of one key by d (for updates that mix classes
// the way Update does not).
func (t *SparseTrainer) Add(key uint64, d float64) { t.add(key, d) }

// Weight returns the current (not averaged) weight of key.
func (t *SparseTrainer) Weight(key uint64) float64 {
	if p, ok := t.params[key]; ok {
		return p.w
	}
	return 0
}

// Hash2 is Hash(t, a+"|"+b) without building the string.
func Hash2(t uint64, a, b string) uint64 {
	h := uint64(offset64) ^ (t * 0x9E3779B97F4A7C15)
	for i := 0; i < len(a); i++ {
		h ^= uint64(a[i])
		h *= prime64
	}
	h ^= '|'
	h *= prime64
	for i := 0; i < len(b); i++ {
		h ^= uint64(b[i])
		h *= prime64
	}
	return h
}

// Hash3 is Hash(t, a+"|"+b+"|"+c) without building the string.
func Hash3(t uint64, a, b, c string) uint64 {
	h := Hash2(t, a, b)
	h ^= '|'
	h *= prime64
	for i := 0; i < len(c); i++ {
		h ^= uint64(c[i])
		h *= prime64
	}
	return h
}

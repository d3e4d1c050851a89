package seqlabel

import "math"

// featureTable maps feature hashes to their weight rows by open addressing
// with linear probing. Each cell holds a tag and the row itself, so that a
// hit reads one place in memory rather than a slot and then a row
// elsewhere; a small bit filter in front answers most misses (features
// never seen in training, the larger share of a text's) without touching
// the cells at all.
type featureTable struct {
	// cells holds stride = L+1 values per cell: the tag's bits (0: empty),
	// then the L weights.
	cells  []float32
	stride int
	mask   uint64
	n      int
	// filter has one bit per value of the tag's low bits, set for the
	// features in the table; it stays in cache where the cells do not.
	filter []uint64
	fmask  uint64
}

func newFeatureTable(n, labels int) *featureTable {
	size := uint64(16)
	for size < uint64(2*n+1) {
		size <<= 1
	}
	// About 16 filter bits per feature: one miss in 16 or so goes on to
	// the cells.
	bits := uint64(1 << 12)
	for bits < uint64(16*n) && bits < 1<<32 {
		bits <<= 1
	}
	stride := labels + 1
	return &featureTable{cells: make([]float32, size*uint64(stride)), stride: stride, mask: size - 1,
		filter: make([]uint64, bits/64), fmask: bits - 1}
}

// mix spreads the bits of a hash so that probing works for any input.
func mix(f uint64) uint64 {
	f ^= f >> 33
	f *= 0xff51afd7ed558ccd
	f ^= f >> 33
	return f
}

// tagOf returns a feature's cell and tag: the high 32 bits of its mixed
// hash (its low bits chose the cell, so together they identify it with
// odds of a false hit far below one in a billion per lookup), never 0,
// which marks an empty cell.
func tagOf(f uint64) (uint64, uint32) {
	h := mix(f)
	tag := uint32(h >> 32)
	if tag == 0 {
		tag = 1
	}
	return h, tag
}

// weights returns the weight row of a feature.
func (t *featureTable) weights(f uint64) ([]float32, bool) {
	i, ok := t.find(f)
	if !ok {
		return nil, false
	}
	s := t.stride
	return t.cells[i*s+1 : i*s+s], true
}

// find returns the cell of a feature.
func (t *featureTable) find(f uint64) (int, bool) {
	h, tag := tagOf(f)
	if b := uint64(tag) & t.fmask; t.filter[b>>6]&(1<<(b&63)) == 0 {
		return 0, false
	}
	s := t.stride
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		switch math.Float32bits(t.cells[int(i)*s]) {
		case 0:
			return 0, false
		case tag:
			return int(i), true
		}
	}
}

// put sets the weight row of a feature.
func (t *featureTable) put(f uint64, ws []float32) {
	h, tag := tagOf(f)
	b := uint64(tag) & t.fmask
	t.filter[b>>6] |= 1 << (b & 63)
	s := t.stride
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		c := t.cells[int(i)*s : int(i)*s+s]
		switch math.Float32bits(c[0]) {
		case 0:
			t.n++
			fallthrough
		case tag:
			c[0] = math.Float32frombits(tag)
			copy(c[1:], ws)
			return
		}
	}
}

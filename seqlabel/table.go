package seqlabel

// featureTable maps feature hashes to weight rows by open addressing with
// linear probing: at half load a lookup, hit or miss, usually touches one
// cache line, several times faster than a Go map for the many misses of
// unseen features.
type featureTable struct {
	// slots interleave keys and rows so that a hit costs one cache line.
	slots []slot
	mask  uint64
	n     int
}

// slot holds the high 32 bits of a feature's mixed hash (its low bits
// chose the slot, so together they identify it with odds of a false hit far
// below one in a billion per lookup) and its row plus one (0: empty).
type slot struct {
	tag uint32
	row int32
}

func newFeatureTable(n int) *featureTable {
	size := uint64(16)
	for size < uint64(2*n+1) {
		size <<= 1
	}
	return &featureTable{slots: make([]slot, size), mask: size - 1}
}

// mix spreads the bits of a hash so that probing works for any input.
func mix(f uint64) uint64 {
	f ^= f >> 33
	f *= 0xff51afd7ed558ccd
	f ^= f >> 33
	return f
}

func (t *featureTable) get(f uint64) (int32, bool) {
	h := mix(f)
	tag := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := t.slots[i]
		if sl.row == 0 {
			return 0, false
		}
		if sl.tag == tag {
			return sl.row - 1, true
		}
	}
}

// put adds a feature that is not in the table yet.
func (t *featureTable) put(f uint64, row int32) {
	h := mix(f)
	tag := uint32(h >> 32)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.row == 0 {
			sl.tag, sl.row = tag, row+1
			t.n++
			return
		}
		if sl.tag == tag {
			sl.row = row + 1
			return
		}
	}
}

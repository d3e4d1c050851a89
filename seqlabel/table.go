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

type slot struct {
	key uint64 // 0 marks an empty slot; feature 0 is stored as 1
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
	if f == 0 {
		f = 1
	}
	for i := mix(f) & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.key == f {
			return sl.row, true
		}
		if sl.key == 0 {
			return 0, false
		}
	}
}

// put adds a feature that is not in the table yet.
func (t *featureTable) put(f uint64, row int32) {
	if f == 0 {
		f = 1
	}
	for i := mix(f) & t.mask; ; i = (i + 1) & t.mask {
		sl := &t.slots[i]
		if sl.key == 0 {
			sl.key, sl.row = f, row
			t.n++
			return
		}
		if sl.key == f {
			sl.row = row
			return
		}
	}
}

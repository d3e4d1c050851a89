package morph

import (
	"math/bits"

	"khabar/morph/perceptron"
)

// keyFilter is a one-hash bit filter over a weight table's keys: a clear
// bit says the table lacks the key, without a look at the table's key
// array, which is megabytes and far from the cache; a set bit says to
// look. With 16 bits a key, about one absent key in 16 goes on to the
// table. The empty filter lets every key through.
type keyFilter struct {
	bits  []uint64
	shift uint
}

func newKeyFilter(t *perceptron.Table) keyFilter {
	n := 0
	for _, k := range t.Keys {
		if k != 0 {
			n++
		}
	}
	size := uint64(1 << 12)
	for size < uint64(16*n) && size < 1<<34 {
		size <<= 1
	}
	f := keyFilter{bits: make([]uint64, size/64), shift: uint(64 - bits.TrailingZeros64(size))}
	for _, k := range t.Keys {
		if k != 0 {
			b := f.bit(k)
			f.bits[b>>6] |= 1 << (b & 63)
		}
	}
	return f
}

// bit is key's bit: the high bits of a multiplicative remix, since the
// table's slot comes from the key's low bits.
func (f keyFilter) bit(key uint64) uint64 {
	return (key * 0x9e3779b97f4a7c15) >> f.shift
}

// mayHave reports whether the table may hold key.
func (f keyFilter) mayHave(key uint64) bool {
	if len(f.bits) == 0 {
		return true
	}
	b := f.bit(key)
	return f.bits[b>>6]&(1<<(b&63)) != 0
}

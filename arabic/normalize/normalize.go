// Package normalize rewrites Arabic text into comparable forms: a display
// form that keeps the letters as written and a match form for search and
// lexicon look-up.
//
// A Normalizer is a chain of Steps, in the manner of golang.org/x/text's
// transform.Chain, but rune-oriented: every Step maps one rune to zero, one
// or more runes, independently of its neighbours. Because Steps are
// context-free, New compiles the whole chain into a lookup table for the
// Basic Multilingual Plane once, and normalising a string is then one table
// look-up per rune; runes beyond the BMP (emoji, rare scripts) run through
// the chain itself.
//
// Two presets cover the engine's needs:
//
//   - Display removes only what is invisible or redundant (tatweel,
//     zero-width characters, bidi controls) and replaces Arabic presentation
//     forms by their NFKC letters (ﻻ -> لا, ﷲ -> الله). Letters, hamza and
//     diacritics stay as written.
//   - Match is Display plus the folds that make spelling variants equal:
//     no diacritics, bare alef for أ إ آ ٱ, ي for ى and ئ, ه for ة, و for
//     ؤ, Arabic letters for their Persian/Urdu look-alikes, ASCII digits for
//     Arabic-Indic ones, and lower case for cased letters of every script
//     (Latin above all), because search must not care whether a reader
//     typed "BBC" or "bbc".
//
// Invalid UTF-8 is not an error: each invalid byte becomes U+FFFD, one rune
// for one byte, so that code-point offsets (which count an invalid byte as
// one code point, as utf8.RuneCountInString does) stay aligned.
//
// The package does no I/O and has no mutable global state; a Normalizer is
// immutable after New and safe for concurrent use.
package normalize

//go:generate sh -c "cd internal/gentables && go run . -out ../../tables_presentation.go"

import (
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// A Step is one rune-level rewrite rule of a normalisation chain.
//
// A Step must be a pure function of the rune: the same input always gives
// the same output, whatever surrounds it. New relies on this to compile a
// chain into a table.
type Step interface {
	// Append appends what r becomes to dst and returns the extended slice:
	// r itself when the step leaves it alone, nothing to delete it, one or
	// more runes to replace it.
	Append(dst []rune, r rune) []rune
}

// StepFunc adapts a function to the Step interface.
type StepFunc func(dst []rune, r rune) []rune

// Append calls f(dst, r).
func (f StepFunc) Append(dst []rune, r rune) []rune { return f(dst, r) }

// RuneMap is a Step that replaces each rune that is a key by the value (an
// empty value deletes the rune) and leaves every other rune alone.
type RuneMap map[rune]string

// Append implements Step.
func (m RuneMap) Append(dst []rune, r rune) []rune {
	s, ok := m[r]
	if !ok {
		return append(dst, r)
	}
	for _, x := range s {
		dst = append(dst, x)
	}
	return dst
}

// Mapped is the result of Normalizer.Map: the normalised text with, for
// every rune of it, the code-point offset of the input rune it came from.
type Mapped struct {
	Text string
	// Offsets[i] is the code-point offset in the input of output rune i;
	// one final extra entry is the code-point length of the input. Output
	// runes [i, j) come from input code points
	// [Offsets[i], Offsets[j-1]+1) (see Span). A rune that expands
	// (ﻻ -> لا) gives every output rune the same origin.
	Offsets []int
}

// entry is what the compiled table says about one rune: entryKeep, entryDrop
// or entryFirstRepl+k for repl[k].
type entry uint16

const (
	entryKeep entry = iota
	entryDrop
	entryFirstRepl
)

// replacement is one output of the chain for a rune that changes.
type replacement struct {
	s     string // UTF-8 output, never empty
	runes int    // utf8.RuneCountInString(s)
}

// blockBits splits a BMP rune into a block index (high bits) and a position
// in the block (low bits).
const (
	blockBits = 8
	blockSize = 1 << blockBits
	bmpBlocks = 0x10000 >> blockBits
)

// Normalizer applies a chain of Steps to text. The zero value is not usable;
// build one with New, Display or Match.
type Normalizer struct {
	steps []Step
	// low is the table for runes < 0x800, the one- and two-byte UTF-8
	// sequences (ASCII, Latin, the Arabic block): the hot path, kept flat to
	// avoid the two-level look-up. low[:0x80] is the ASCII table.
	low [0x800]entry
	// index[r>>blockBits] is the index in blocks of the block of BMP rune
	// r; blocks[0] is the all-keep block shared by every untouched block.
	index  [bmpBlocks]uint16
	blocks [][blockSize]entry
	repl   []replacement
	// supplementary is true when a step is not a built-in Rule and may
	// change a rune beyond the BMP: the chain then runs on each such rune.
	// Otherwise lowerSupplementary says whether LowerCase, the only Rule
	// with an effect there, is in the chain.
	supplementary, lowerSupplementary bool
}

// New compiles a Normalizer that applies steps in order: the output of each
// step is the input of the next.
func New(steps ...Step) *Normalizer {
	n := &Normalizer{steps: append([]Step(nil), steps...)}
	n.blocks = append(n.blocks, [blockSize]entry{})
	replIndex := map[string]entry{}
	var buf []rune
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates never come out of UTF-8 decoding
		}
		buf = n.apply(buf[:0], r)
		if len(buf) == 1 && buf[0] == r {
			continue
		}
		e := entryDrop
		if len(buf) > 0 {
			s := string(buf)
			var ok bool
			if e, ok = replIndex[s]; !ok {
				e = entryFirstRepl + entry(len(n.repl))
				n.repl = append(n.repl, replacement{s: s, runes: len(buf)})
				replIndex[s] = e
			}
		}
		if r < 0x800 {
			n.low[r] = e
		}
		bi := r >> blockBits
		if n.index[bi] == 0 {
			n.blocks = append(n.blocks, [blockSize]entry{})
			n.index[bi] = uint16(len(n.blocks) - 1)
		}
		n.blocks[n.index[bi]][r&(blockSize-1)] = e
	}
	if len(n.repl) > 0xFFFF-int(entryFirstRepl) {
		panic("normalize: more than 65533 distinct replacements in one chain")
	}
	// Beyond the BMP the built-in rules change nothing but case, so the
	// chain runs there only for a caller's own steps.
	for _, s := range steps {
		switch s {
		case LowerCase:
			n.lowerSupplementary = true
		default:
			if _, builtin := s.(Rule); !builtin {
				n.supplementary = true
			}
		}
	}
	return n
}

// apply runs the whole chain on r, appending the result to dst.
func (n *Normalizer) apply(dst []rune, r rune) []rune {
	start := len(dst)
	dst = append(dst, r)
	var tmp []rune
	for _, s := range n.steps {
		tmp = tmp[:0]
		for _, x := range dst[start:] {
			tmp = s.Append(tmp, x)
		}
		dst = append(dst[:start], tmp...)
	}
	return dst
}

// lookup returns the table entry of a BMP rune.
func (n *Normalizer) lookup(r rune) entry {
	if r < 0x800 {
		return n.low[r]
	}
	return n.blocks[n.index[r>>blockBits]][r&(blockSize-1)]
}

// decode returns the rune at s[i] (not ASCII) and its size, with a fast path
// for the two-byte sequences of Arabic script; a bad byte decodes as
// (utf8.RuneError, 1).
func decode(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xC2 && c <= 0xDF && i+1 < len(s) {
		if c1 := s[i+1]; c1 >= 0x80 && c1 <= 0xBF {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// changesSupplementary reports whether the chain changes r, a rune beyond
// the BMP.
func (n *Normalizer) changesSupplementary(r rune) bool {
	if n.supplementary {
		var buf [4]rune
		out := n.apply(buf[:0], r)
		return len(out) != 1 || out[0] != r
	}
	return n.lowerSupplementary && unicode.ToLower(r) != r
}

// Steps returns a copy of the chain the Normalizer applies.
func (n *Normalizer) Steps() []Step { return append([]Step(nil), n.steps...) }

// String returns the normalised form of s. When nothing changes it returns
// s itself without allocating.
func (n *Normalizer) String(s string) string {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if n.low[c] != entryKeep {
				return n.stringFrom(s, i)
			}
			i++
			continue
		}
		if c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80 {
			// Two-byte sequence (Arabic script), decoded inline.
			if n.low[rune(c&0x1F)<<6|rune(s[i+1]&0x3F)] != entryKeep {
				return n.stringFrom(s, i)
			}
			i += 2
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || (r < 0x10000 && n.lookup(r) != entryKeep) || (r >= 0x10000 && n.changesSupplementary(r)) {
			return n.stringFrom(s, i)
		}
		i += size
	}
	return s
}

// stringFrom returns the normalised form of s, of which s[:i] is unchanged.
func (n *Normalizer) stringFrom(s string, i int) string {
	b := n.appendFrom(make([]byte, 0, len(s)), s, i)
	// b is not used after this: handing its bytes to the string saves the
	// copy of string(b), as strings.Builder does.
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// AppendString appends the normalised form of s to dst and returns the
// extended slice.
func (n *Normalizer) AppendString(dst []byte, s string) []byte {
	return n.appendFrom(dst, s, 0)
}

// appendFrom appends s[:i] unchanged (the caller has checked that nothing
// there changes) and the normalised form of s[i:].
func (n *Normalizer) appendFrom(dst []byte, s string, i int) []byte {
	dst = append(dst, s[:i]...)
	for i < len(s) {
		out, _, size := n.next(s, i)
		dst = append(dst, out...)
		i += size
	}
	return dst
}

// next returns what the rune at s[i] becomes (a slice of s when it stays,
// "" when it goes), how many runes that is, and the rune's size in s.
func (n *Normalizer) next(s string, i int) (out string, runes, size int) {
	c := s[i]
	var e entry
	if c < utf8.RuneSelf {
		e = n.low[c]
		size = 1
	} else {
		var r rune
		r, size = decode(s, i)
		switch {
		case size == 1:
			return string(utf8.RuneError), 1, 1
		case r < 0x10000:
			e = n.lookup(r)
		case n.supplementary:
			var buf [4]rune
			rs := n.apply(buf[:0], r)
			return string(rs), len(rs), size
		case n.lowerSupplementary:
			if l := unicode.ToLower(r); l != r {
				return string(l), 1, size
			}
		}
	}
	switch e {
	case entryKeep:
		return s[i : i+size], 1, size
	case entryDrop:
		return "", 0, size
	}
	rp := n.repl[e-entryFirstRepl]
	return rp.s, rp.runes, size
}

// Map returns the normalised form of s with the origin of every output rune,
// so that any span of the output maps back to a span of s.
func (n *Normalizer) Map(s string) Mapped {
	out := make([]byte, 0, len(s))
	offs := make([]int, 0, utf8.RuneCountInString(s)+1)
	cp := 0
	for i := 0; i < len(s); cp++ {
		o, runes, size := n.next(s, i)
		out = append(out, o...)
		for range runes {
			offs = append(offs, cp)
		}
		i += size
	}
	offs = append(offs, cp)
	return Mapped{Text: string(out), Offsets: offs}
}

// Span maps the output rune span [start, end) of m back to the code-point
// span of the input it came from: from the origin of its first rune to just
// after the origin of its last. Out-of-range values are clamped.
func (m Mapped) Span(start, end int) (int, int) {
	last := len(m.Offsets) - 1
	if last < 0 {
		return 0, 0
	}
	start = min(max(start, 0), last)
	end = min(max(end, start), last)
	if end == start {
		return m.Offsets[start], m.Offsets[start]
	}
	return m.Offsets[start], m.Offsets[end-1] + 1
}

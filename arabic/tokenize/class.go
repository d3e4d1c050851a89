package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// class is the tokenizer's view of one rune.
type class uint8

const (
	cSymbol   class = iota // symbols, controls, private use, unassigned
	cSpace                 // unicode.IsSpace
	cIgnore                // invisible format characters outside words
	cJoiner                // ZWNJ, ZWJ: glue inside a word, else ignored
	cArLetter              // letters of the Arabic blocks, tatweel included
	cLetter                // every other letter (Latin, Greek, CJK, ...)
	cMark                  // combining marks: part of the token before them
	cDigit                 // decimal digits of every script (Nd)
	cPunct                 // punctuation (P*)
	cInvalid               // a byte that is not valid UTF-8
)

// lowClass holds the class of every rune below 0x800, the runes that UTF-8
// encodes in one or two bytes: ASCII, Latin, Greek, Cyrillic, Hebrew and the
// Arabic block. It is filled once at init and never changed.
var lowClass [0x800]class

func init() {
	for r := rune(0); r < 0x800; r++ {
		lowClass[r] = classifySlow(r)
	}
}

// classOf returns the class of the rune r that was decoded with size bytes.
func classOf(r rune, size int) class {
	if r < 0x800 {
		return lowClass[r]
	}
	if size == 1 {
		return cInvalid // utf8.RuneError from a bad byte
	}
	return classifySlow(r)
}

// isArabicBlock reports whether r lies in one of the Arabic Unicode blocks.
func isArabicBlock(r rune) bool {
	return (r >= 0x0600 && r <= 0x06FF) || (r >= 0x0750 && r <= 0x077F) ||
		(r >= 0x0870 && r <= 0x08FF) || (r >= 0xFB50 && r <= 0xFDFF) ||
		(r >= 0xFE70 && r <= 0xFEFF)
}

// classifySlow computes the class of r from the unicode tables.
func classifySlow(r rune) class {
	switch {
	case r == 0x200C || r == 0x200D:
		return cJoiner
	case IsSeparator(r):
		if unicode.IsSpace(r) {
			return cSpace
		}
		return cIgnore
	case unicode.IsLetter(r):
		if isArabicBlock(r) {
			return cArLetter
		}
		return cLetter
	case unicode.IsMark(r):
		return cMark
	case unicode.IsDigit(r):
		return cDigit
	case unicode.IsPunct(r):
		return cPunct
	}
	return cSymbol
}

// IsSeparator reports whether r separates tokens and belongs to none:
// white space (unicode.IsSpace) and the invisible format characters, that
// is zero-width space, joiners, word joiner, byte-order mark and bidi
// controls (U+200B-U+200F, U+202A-U+202E, U+2060, U+2066-U+2069, U+FEFF,
// U+061C). An invisible character between two letters of one word is part
// of that word instead (a ZWNJ inside a Persian word, an RLM typed inside an
// Arabic one).
func IsSeparator(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r == ' ' || (r >= '\t' && r <= '\r')
	case r >= 0x200B && r <= 0x200F, r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x2060, r == 0xFEFF, r == 0x061C:
		return true
	}
	return unicode.IsSpace(r)
}

// decode returns the rune at s[i] and its size, with fast paths for ASCII
// and the two-byte sequences of Arabic script. A bad byte decodes as
// (utf8.RuneError, 1).
func decode(s string, i int) (rune, int) {
	c := s[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	if c >= 0xC2 && c <= 0xDF && i+1 < len(s) {
		if c1 := s[i+1]; c1 >= 0x80 && c1 <= 0xBF {
			return rune(c&0x1F)<<6 | rune(c1&0x3F), 2
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

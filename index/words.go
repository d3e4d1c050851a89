package index

import (
	"unicode"
	"unicode/utf8"

	"khabar/arabic/normalize"
)

// Key is one search key of a text: the term a word (or one of its clitic
// segments) is indexed under, with the word's span in code points.
type Key struct {
	Start, End int
	Term       string
}

// Analyzer turns text into search keys. The index calls it for documents
// and for queries alike, so both sides agree on terms. Implementations must
// be safe for concurrent use.
type Analyzer interface {
	Keys(text string) []Key
}

// AnalyzerFunc adapts a function to Analyzer.
type AnalyzerFunc func(text string) []Key

// Keys calls f(text).
func (f AnalyzerFunc) Keys(text string) []Key { return f(text) }

// Word is one word of a text with its span in code points and byte offsets.
type Word struct {
	Start, End         int // code points
	ByteStart, ByteEnd int
}

// isWordRune says whether r belongs to a word: letters, combining marks
// (diacritics), digits and tatweel. Everything else separates words.
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'
	}
	if r >= 0x600 && r < 0x700 {
		return arabicWordRune[r-0x600]
	}
	return isWordRuneSlow(r)
}

func isWordRuneSlow(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 0x640 || r == 0x200C || r == 0x200D
}

// arabicWordRune is isWordRune over the Arabic block, looked up rather
// than searched for in the Unicode tables: most runes of the archive's
// texts are there.
var arabicWordRune = func() (t [0x100]bool) {
	for i := range t {
		t[i] = isWordRuneSlow(rune(0x600 + i))
	}
	return t
}()

// asciiWordByte is isWordRune over ASCII.
var asciiWordByte = func() (t [utf8.RuneSelf]bool) {
	for i := range t {
		t[i] = isWordRune(rune(i))
	}
	return t
}()

// Words splits text into words. It never fails: invalid UTF-8 counts one
// code point a byte, as the contract's offsets do.
func Words(text string, dst []Word) []Word {
	if dst == nil {
		dst = make([]Word, 0, len(text)/8+1) // a word and a space take about 11 bytes of Arabic
	}
	cp := 0
	in := false
	var w Word
	for i := 0; i < len(text); {
		// Arabic letters take two bytes: decoded here, without a call.
		var size int
		var wr bool
		if c := text[i]; c < utf8.RuneSelf {
			size, wr = 1, asciiWordByte[c]
		} else if c >= 0xC2 && c < 0xE0 && i+1 < len(text) && text[i+1]&0xC0 == 0x80 {
			r := rune(c&0x1F)<<6 | rune(text[i+1]&0x3F)
			if size = 2; r >= 0x600 && r < 0x700 {
				wr = arabicWordRune[r-0x600]
			} else {
				wr = isWordRuneSlow(r)
			}
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(text[i:])
			wr = r != utf8.RuneError && isWordRune(r)
		}
		if wr && !in {
			in = true
			w = Word{Start: cp, ByteStart: i}
		} else if !wr && in {
			in = false
			w.End, w.ByteEnd = cp, i
			dst = append(dst, w)
		}
		i += size
		cp++
	}
	if in {
		w.End, w.ByteEnd = cp, len(text)
		dst = append(dst, w)
	}
	return dst
}

// SurfaceAnalyzer is the fallback key analyzer used until a morphological
// match analyzer is plugged in: each word in the match normalisation, with
// the article (ال) and a conjunction or preposition fused before it (وال,
// بال, فال, كال, لل) removed when at least three letters remain. It strips
// nothing else, so it never conflates unrelated words (كانون stays كانون,
// وزير stays وزير), at the price of missing other inflections.
type SurfaceAnalyzer struct{}

// Keys implements Analyzer.
func (SurfaceAnalyzer) Keys(text string) []Key {
	words := Words(text, nil)
	keys := make([]Key, 0, len(words))
	for _, w := range words {
		t := SurfaceTerm(text[w.ByteStart:w.ByteEnd])
		if t == "" {
			continue
		}
		keys = append(keys, Key{Start: w.Start, End: w.End, Term: StripArticle(t)})
	}
	return keys
}

var matchNorm = normalize.Match()

// SurfaceTerm is the term of a word for exact (phrase) search: the word in
// the match normalisation.
func SurfaceTerm(word string) string { return matchNorm.String(word) }

// StripArticle removes a leading definite article, alone or after a fused
// و ف ب ك, or the ل+ال contraction لل, when three letters or more remain.
// s must be match-normalised.
func StripArticle(s string) string {
	for _, p := range [...]string{"وال", "فال", "بال", "كال", "ال", "لل"} {
		if len(s) > len(p) && s[:len(p)] == p && utf8.RuneCountInString(s[len(p):]) >= 3 {
			return s[len(p):]
		}
	}
	return s
}

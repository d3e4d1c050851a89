package morph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// runeClass groups runes for PADT-style token splitting.
func runeClass(r rune) byte {
	switch {
	case r >= '0' && r <= '9', r >= '٠' && r <= '٩', r >= '۰' && r <= '۹':
		return 'd'
	case isMark(r) || unicode.IsLetter(r) || unicode.IsMark(r):
		return 'l'
	case unicode.IsSpace(r):
		return 's'
	}
	return 'p'
}

// isNumberJoiner reports the separators PADT keeps inside numbers (5.2,
// 7،1, 1,000, ٣٫٥).
func isNumberJoiner(r rune) bool {
	return r == '.' || r == ',' || r == '،' || r == '٫' || r == '٬'
}

// SplitPADT splits one whitespace-free token the way PADT tokenises:
// punctuation marks stand alone, numbers are cut from letters and from
// hyphens ("15-7" is 15 - 7) but keep their decimal separators, and letters
// with their diacritics stay together. A token of tatweels alone is a
// punctuation token. The pieces are substrings of text, in order.
func SplitPADT(text string) []string {
	var out []string
	return appendPADT(out, text)
}

func appendPADT(out []string, text string) []string {
	if text == "" {
		return out
	}
	if strings.Trim(text, "ـ") == "" {
		return append(out, text)
	}
	start := 0
	var cls byte
	for i := 0; i < len(text); {
		r, sz := utf8.DecodeRuneInString(text[i:])
		c := runeClass(r)
		if c == 's' {
			if i > start {
				out = append(out, text[start:i])
			}
			i += sz
			start, cls = i, 0
			continue
		}
		if c == 'p' && cls == 'd' && isNumberJoiner(r) {
			// keep a joiner between two digits
			if n, _ := utf8.DecodeRuneInString(text[i+sz:]); i+sz < len(text) && runeClass(n) == 'd' {
				i += sz
				continue
			}
		}
		if i > start && (c != cls || c == 'p') {
			out = append(out, text[start:i])
			start = i
		}
		cls = c
		i += sz
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}

// TokenizePADT splits raw sentence text into PADT-style tokens with their
// rune offsets: whitespace separates, then SplitPADT.
func TokenizePADT(text string) (toks []string, starts []int) {
	byteToRune := func(b int) int { return utf8.RuneCountInString(text[:b]) }
	i := 0
	for i < len(text) {
		r, sz := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += sz
			continue
		}
		j := i
		for j < len(text) {
			r2, sz2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += sz2
		}
		word := text[i:j]
		off := i
		for _, p := range SplitPADT(word) {
			k := strings.Index(text[off:j], p)
			toks = append(toks, p)
			starts = append(starts, byteToRune(off+k))
			off += k + len(p)
		}
		i = j
	}
	return toks, starts
}

// IsPunct reports whether s is made of punctuation or symbols only.
func IsPunct(s string) bool { return s != "" && shape(s) == "P" }

package morph

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// isMark reports Arabic diacritics (harakat, tanwin, shadda, sukun, dagger
// alef and the other combining marks of the Arabic block) and tatweel.
func isMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640 ||
		(r >= 0x06D6 && r <= 0x06ED && r != 0x06E5 && r != 0x06E6)
}

// StripMarks removes diacritics and tatweel; lemma comparison and every
// model feature work on this form.
func StripMarks(s string) string {
	clean := true
	for _, r := range s {
		if isMark(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !isMark(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// skelRune folds the letters whose spelling varies at clitic boundaries and
// across writers: the hamza seats of alef and alef wasla become bare alef.
func skelRune(r rune) rune {
	switch r {
	case 'أ', 'إ', 'آ', 'ٱ':
		return 'ا'
	}
	return r
}

// Skel is the skeleton used for matching segmentation rules and
// dictionaries: marks removed, alef variants folded. It keeps one rune per
// rune of StripMarks(s), so positions carry over.
func Skel(s string) string {
	s = StripMarks(s)
	need := false
	for _, r := range s {
		if skelRune(r) != r {
			need = true
			break
		}
	}
	if !need {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		b.WriteRune(skelRune(r))
	}
	return b.String()
}

// LemmaKey is the form under which lemmas are compared: marks stripped.
func LemmaKey(s string) string { return StripMarks(s) }

// hasArabic reports whether s contains an Arabic letter.
func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0621 && r <= 0x064A || r >= 0x0671 && r <= 0x06D3 {
			return true
		}
	}
	return false
}

// shape is a coarse class of a token for features and for the kinds that
// are never split (numbers, punctuation, Latin).
func shape(s string) string {
	if s == "" {
		return "E"
	}
	var digit, letterAr, letterLat, punct, other bool
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9', r >= '٠' && r <= '٩', r >= '۰' && r <= '۹':
			digit = true
		case r >= 0x0621 && r <= 0x064A || r >= 0x0671 && r <= 0x06D3 || isMark(r):
			letterAr = true
		case unicode.IsLetter(r):
			letterLat = true
		case unicode.IsPunct(r) || unicode.IsSymbol(r):
			punct = true
		default:
			other = true
		}
	}
	switch {
	case letterAr && !digit && !letterLat:
		return "A"
	case digit && !letterAr && !letterLat:
		if punct {
			return "D."
		}
		return "D"
	case letterLat && !letterAr:
		return "L"
	case punct && !digit && !letterAr && !letterLat && !other:
		return "P"
	}
	return "O"
}

// runePrefix returns the first n runes of s (all of s if shorter).
func runePrefix(s string, n int) string {
	i := 0
	for k := 0; k < n; k++ {
		if i >= len(s) {
			return s
		}
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

// runeSuffix returns the last n runes of s (all of s if shorter).
func runeSuffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n; k++ {
		if i <= 0 {
			return s
		}
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

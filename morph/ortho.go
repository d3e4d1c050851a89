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
	if !hasMarkBytes(s) {
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

// hasMarkBytes reports whether s holds a rune that isMark accepts. It reads
// bytes, not runes: every mark is a two-byte sequence led by 0xD9 or 0xDB,
// and such a lead byte always starts a rune when s is decoded (it is never
// a continuation byte), so this is exact for invalid UTF-8 too, and spares
// decoding every Arabic letter of the common, unmarked word.
func hasMarkBytes(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xD9: // U+0640..U+067F
			c := s[i+1]
			if c&0xC0 == 0x80 && isMark(0x0640|rune(c&0x3F)) {
				return true
			}
		case 0xDB: // U+06C0..U+06FF
			c := s[i+1]
			if c&0xC0 == 0x80 && isMark(0x06C0|rune(c&0x3F)) {
				return true
			}
		}
	}
	return false
}

// hasHamzaAlefBytes reports whether s holds a rune that skelRune changes
// (أ إ آ are 0xD8 0xA3/0xA5/0xA2, ٱ is 0xD9 0xB1), reading bytes as
// hasMarkBytes does.
func hasHamzaAlefBytes(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch s[i] {
		case 0xD8:
			if c := s[i+1]; c == 0xA2 || c == 0xA3 || c == 0xA5 {
				return true
			}
		case 0xD9:
			if s[i+1] == 0xB1 {
				return true
			}
		}
	}
	return false
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
func Skel(s string) string { return foldHamza(StripMarks(s)) }

// foldHamza is Skel of a string that StripMarks has already cleaned
// (StripMarks is idempotent, so it need not run twice).
func foldHamza(s string) string {
	if !hasHamzaAlefBytes(s) {
		return s
	}
	// Every rune skelRune folds is two bytes long, as is the bare alef it
	// folds to: rewrite those bytes, copy the rest, and write U+FFFD for an
	// invalid byte as a rune loop would.
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			i++
		case c >= 0xC2 && c <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			if c2 := s[i+1]; c == 0xD8 && (c2 == 0xA2 || c2 == 0xA3 || c2 == 0xA5) || c == 0xD9 && c2 == 0xB1 {
				b.WriteString("ا")
			} else {
				b.WriteString(s[i : i+2])
			}
			i += 2
		default:
			r, sz := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && sz == 1 {
				b.WriteRune(utf8.RuneError)
			} else {
				b.WriteString(s[i : i+sz])
			}
			i += sz
		}
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
		// ASCII and two-byte runes (Arabic) without a call; anything
		// else, invalid bytes included, as utf8 decodes it.
		switch b := s[i]; {
		case b < utf8.RuneSelf:
			i++
		case b >= 0xC2 && b <= 0xDF && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2
		default:
			_, sz := utf8.DecodeRuneInString(s[i:])
			i += sz
		}
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
		// As runePrefix: ASCII and valid two-byte runes read directly.
		switch b := s[i-1]; {
		case b < utf8.RuneSelf:
			i--
		case b&0xC0 == 0x80 && i >= 2 && s[i-2] >= 0xC2 && s[i-2] <= 0xDF:
			i -= 2
		default:
			_, sz := utf8.DecodeLastRuneInString(s[:i])
			i -= sz
		}
	}
	return s[i:]
}

package dateline

import "unicode"

// tokenKind classifies the tokens of the opening the matchers work on.
type tokenKind uint8

const (
	numberToken tokenKind = iota // a run of digits of any Arabic or ASCII digit set
	wordToken                    // a run of letters, diacritics and tatweel
	punctToken                   // any other single non-space code point
)

// token is one token of the opening; start and end are code-point offsets
// into the text, end exclusive.
type token struct {
	kind       tokenKind
	start, end int
	text       string
	value      int  // numberToken: the value, -1 when it has more than 9 digits
	digits     int  // numberToken: how many digits
	spaceAfter bool // white space separates it from the next token
}

// digitValue returns the value of an ASCII, Arabic-Indic (U+0660..0669) or
// Extended Arabic-Indic (U+06F0..06F9, Persian and Urdu) digit.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '٠' && r <= '٩':
		return int(r - '٠'), true
	case r >= '۰' && r <= '۹':
		return int(r - '۰'), true
	}
	return 0, false
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || r == 'ـ'
}

// isInvisible reports format characters (RLM, LRM, ZWJ, ...) that news
// feeds sprinkle around datelines; they neither join nor split tokens.
func isInvisible(r rune) bool {
	return unicode.Is(unicode.Cf, r)
}

// tokenize splits runes into tokens; offsets are relative to runes[0].
func tokenize(runes []rune) []token {
	var toks []token
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case unicode.IsSpace(r) || isInvisible(r):
			if n := len(toks); n > 0 {
				toks[n-1].spaceAfter = toks[n-1].spaceAfter || unicode.IsSpace(r)
			}
			i++
		case isDigit(r):
			j, value := i, 0
			for j < len(runes) && isDigit(runes[j]) {
				d, _ := digitValue(runes[j])
				if value >= 0 && j-i < 9 {
					value = value*10 + d
				} else {
					value = -1
				}
				j++
			}
			toks = append(toks, token{kind: numberToken, start: i, end: j, text: string(runes[i:j]), value: value, digits: j - i})
			i = j
		case isWordRune(r):
			j := i
			for j < len(runes) && isWordRune(runes[j]) {
				j++
			}
			toks = append(toks, token{kind: wordToken, start: i, end: j, text: string(runes[i:j])})
			i = j
		default:
			toks = append(toks, token{kind: punctToken, start: i, end: i + 1, text: string(r)})
			i++
		}
	}
	return toks
}

func isDigit(r rune) bool {
	_, ok := digitValue(r)
	return ok
}

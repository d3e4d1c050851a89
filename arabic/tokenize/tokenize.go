// Package tokenize splits Arabic news text into tokens: words, numbers,
// punctuation, URLs, e-mail addresses, hashtags, mentions and symbols.
//
// Every character of the input that is not a separator (see IsSeparator:
// white space and invisible format characters) lies in exactly one token;
// separators lie in none. Offsets are Unicode code points into the input
// (Start, End) and, for slicing, bytes (ByteStart, ByteEnd); an invalid
// UTF-8 byte counts as one code point, as utf8.RuneCountInString counts it,
// and becomes a Symbol token of its own. Tokenize never panics.
//
// The decisions, in the order the scanner tries them at a token start:
//
//   - URLs start with http://, https://, ftp:// or www. (any case) and run to
//     white space or a character that cannot end a link in running text
//     (quotes, guillemets, < >, the Arabic comma and semicolon). Trailing
//     . , : ; ! ? ؟ ' and an unbalanced ) or ] go back to the text. Arabic
//     letters are allowed: news sites use them in paths.
//   - E-mail addresses are local@domain.tld in ASCII.
//   - Words are runs of letters with their combining marks (harakat), the
//     tatweel, and invisible joiners or bidi marks standing between two of
//     their letters. A word is Arabic-script or not: a change of script
//     splits it, so the prefix of "لـCNN" is a word apart from "CNN". A
//     non-Arabic word that starts with a letter may hold ASCII digits (G20,
//     H1N1, MP3); a token that starts with a digit is a number, so "4G" is
//     4 then G and "2018م" is 2018 then م.
//   - Numbers are runs of decimal digits of any script (0-9, ٠-٩, ۰-۹,
//     ...) that may hold one of , . ٫ ٬ / : - between two digits: 1,250.5,
//     3.5, ١٥٠, 15-7 (a dateline's day-month), 2018/03/03, 14:30. A score
//     like 2-1 is therefore one number token too; readers of the token
//     decide what it means. Signs and % or ٪ are punctuation tokens.
//   - #hashtags are # followed by letters, digits, marks and _ with at
//     least one letter (#عاصي_الحلاني); @mentions are @ followed by the
//     same characters. A # or @ without them is punctuation.
//   - Punctuation (Unicode P*) is one token a character, except that a run
//     of the same character among . ! ? ؟ - _ * = ~ … is one token ("...",
//     "!!!", "--"). Quotes are punctuation, so و"داعش" is و, ", داعش, ".
//     Hyphens split words: الاميركية-الروسية is three tokens.
//   - Everything else (symbols such as $ + © and emoji, controls, private
//     use) is one Symbol token a character; an emoji ZWJ sequence is one.
//   - Combining marks and variation selectors that follow a token belong to
//     it; a mark with nothing before it is a Symbol.
package tokenize

import (
	"unicode/utf8"
)

// Kind is the class of a token.
type Kind uint8

// The token kinds; their String values are the token kinds of the JSON
// contract (khabar.KindWord, ...).
const (
	Word Kind = iota + 1
	Number
	Punct
	URL
	Email
	Hashtag
	Mention
	Symbol
)

var kindNames = [...]string{
	Word:    "word",
	Number:  "number",
	Punct:   "punct",
	URL:     "url",
	Email:   "email",
	Hashtag: "hashtag",
	Mention: "mention",
	Symbol:  "symbol",
}

// String returns the kind's name in the JSON contract: "word", "number",
// "punct", "url", "email", "hashtag", "mention" or "symbol" ("" for an
// invalid kind).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return ""
}

// Token is one token of a text.
type Token struct {
	// Start and End are code-point offsets into the text, End exclusive.
	Start, End int
	// ByteStart and ByteEnd are the same span in bytes.
	ByteStart, ByteEnd int
	Kind               Kind
}

// Text returns the token's text in text, the string it was tokenized from.
func (t Token) Text(text string) string { return text[t.ByteStart:t.ByteEnd] }

// pos is a position in the text: a byte offset and the code-point offset of
// the same place.
type pos struct{ b, cp int }

// Tokenize appends the tokens of text to dst[:0] and returns the result, so
// that a caller can reuse one slice across texts.
func Tokenize(text string, dst []Token) []Token {
	dst = dst[:0]
	p := pos{}
	for p.b < len(text) {
		c := text[p.b]
		var r rune
		var size int
		var cl class
		if c < utf8.RuneSelf {
			r, size, cl = rune(c), 1, lowClass[c]
		} else {
			r, size = decode(text, p.b)
			cl = classOf(r, size)
		}
		if cl == cSpace || cl == cIgnore || cl == cJoiner {
			p.b += size
			p.cp++
			continue
		}
		start := p
		var kind Kind
		switch cl {
		case cArLetter, cLetter:
			kind = Word
			if c < utf8.RuneSelf {
				if end, ok := scanURL(text, p); ok {
					p, kind = end, URL
					break
				}
				if end, ok := scanEmail(text, p); ok {
					p, kind = end, Email
					break
				}
			}
			p = scanWord(text, p, cl)
		case cDigit:
			kind = Number
			if c < utf8.RuneSelf {
				if end, ok := scanEmail(text, p); ok {
					p, kind = end, Email
					break
				}
			}
			p = scanNumber(text, p)
		case cPunct:
			kind = Punct
			if r == '#' || r == '@' {
				if end, ok := scanTag(text, pos{p.b + 1, p.cp + 1}); ok {
					p = end
					kind = Hashtag
					if r == '@' {
						kind = Mention
					}
					break
				}
			}
			p = scanPunct(text, p, r, size)
		case cInvalid:
			dst = append(dst, Token{Start: p.cp, End: p.cp + 1, ByteStart: p.b, ByteEnd: p.b + 1, Kind: Symbol})
			p.b++
			p.cp++
			continue
		default: // cSymbol, cMark
			kind = Symbol
			p = scanSymbol(text, p, size)
		}
		if kind != URL && p.b < len(text) && text[p.b] >= utf8.RuneSelf {
			p = scanMarks(text, p) // marks are never ASCII
		}
		dst = append(dst, Token{Start: start.cp, End: p.cp, ByteStart: start.b, ByteEnd: p.b, Kind: kind})
	}
	return dst
}

// peek returns the rune at p, its size and its class; at the end of the text
// it returns size 0 and class cSpace.
func peek(text string, p pos) (rune, int, class) {
	if p.b < len(text) && text[p.b] < utf8.RuneSelf {
		return rune(text[p.b]), 1, lowClass[text[p.b]]
	}
	return peekMultiByte(text, p.b)
}

// peekMultiByte is peek for a rune of two or more bytes at text[i], or for
// the end of the text.
func peekMultiByte(text string, i int) (rune, int, class) {
	if i >= len(text) {
		return 0, 0, cSpace
	}
	r, size := decode(text, i)
	return r, size, classOf(r, size)
}

// scanMarks skips the combining marks at p.
func scanMarks(text string, p pos) pos {
	for {
		_, size, cl := peek(text, p)
		if cl != cMark {
			return p
		}
		p.b += size
		p.cp++
	}
}

// scanWord returns the end of the word whose first letter, of class group
// (cArLetter or cLetter), is at p.
func scanWord(text string, p pos, group class) pos {
	// digitsOK: the word is not Arabic and its last rune was an ASCII
	// letter or digit, so ASCII digits may follow (G20, H1N1).
	digitsOK := false
	for p.b < len(text) {
		// Decode inline: this loop sees most runes of a text.
		var r rune
		var size int
		var cl class
		if c := text[p.b]; c < utf8.RuneSelf {
			r, size, cl = rune(c), 1, lowClass[c]
		} else if c >= 0xC2 && c <= 0xDF && p.b+1 < len(text) && text[p.b+1]&0xC0 == 0x80 {
			r, size = rune(c&0x1F)<<6|rune(text[p.b+1]&0x3F), 2
			cl = lowClass[r]
		} else {
			r, size, cl = peekMultiByte(text, p.b)
		}
		switch {
		case cl == group:
			digitsOK = group == cLetter && r < utf8.RuneSelf
		case cl == cMark:
		case digitsOK && r >= '0' && r <= '9':
		case cl == cIgnore || cl == cJoiner:
			// Invisible characters belong to the word only between two
			// of its letters.
			q := pos{p.b + size, p.cp + 1}
			for {
				_, qs, qc := peek(text, q)
				if qc != cIgnore && qc != cJoiner {
					if qc != group && qc != cMark {
						return p
					}
					break
				}
				q.b += qs
				q.cp++
			}
			p = q
			continue
		default:
			return p
		}
		p.b += size
		p.cp++
	}
	return p
}

// isNumberSeparator reports whether r may stand between two digits of one
// number token.
func isNumberSeparator(r rune) bool {
	switch r {
	case ',', '.', '/', ':', '-', '٫', '٬':
		return true
	}
	return false
}

// scanNumber returns the end of the number whose first digit is at p.
func scanNumber(text string, p pos) pos {
	for {
		r, size, cl := peek(text, p)
		if cl == cDigit {
			p.b += size
			p.cp++
			continue
		}
		if !isNumberSeparator(r) {
			return p
		}
		q := pos{p.b + size, p.cp + 1}
		if _, qs, qc := peek(text, q); qc != cDigit {
			return p
		} else {
			p = pos{q.b + qs, q.cp + 1}
		}
	}
}

// isPunctRun reports whether a run of r is one token.
func isPunctRun(r rune) bool {
	switch r {
	case '.', '!', '?', '؟', '-', '_', '*', '=', '~', '…':
		return true
	}
	return false
}

// scanPunct returns the end of the punctuation token that starts with r at
// p.
func scanPunct(text string, p pos, r rune, size int) pos {
	p.b += size
	p.cp++
	if !isPunctRun(r) {
		return p
	}
	for {
		r2, size2, _ := peek(text, p)
		if size2 == 0 || r2 != r {
			return p
		}
		p.b += size2
		p.cp++
	}
}

// scanSymbol returns the end of the symbol token at p: one symbol with its
// marks, or an emoji ZWJ sequence (symbol ZWJ symbol ...).
func scanSymbol(text string, p pos, size int) pos {
	p.b += size
	p.cp++
	for {
		p = scanMarks(text, p)
		r, size, _ := peek(text, p)
		if r != 0x200D {
			return p
		}
		q := pos{p.b + size, p.cp + 1}
		_, qs, qc := peek(text, q)
		if qc != cSymbol {
			return p
		}
		p = pos{q.b + qs, q.cp + 1}
	}
}

// scanTag returns the end of the body of a hashtag or mention starting at p
// (just after the # or @) and whether there is a valid body: letters,
// marks, digits, _ and in-word joiners, with at least one letter.
func scanTag(text string, p pos) (pos, bool) {
	start := p
	letters := 0
	for {
		r, size, cl := peek(text, p)
		switch {
		case cl == cArLetter || cl == cLetter:
			letters++
		case cl == cMark || cl == cDigit || r == '_':
		case cl == cJoiner && p != start:
			_, _, qc := peek(text, pos{p.b + size, p.cp + 1})
			if qc != cArLetter && qc != cLetter && qc != cMark {
				return p, letters > 0
			}
		default:
			return p, letters > 0 && p != start
		}
		p.b += size
		p.cp++
	}
}

// hasPrefixFold reports whether s[i:] starts with the lower-case ASCII
// prefix, ignoring ASCII case.
func hasPrefixFold(s string, i int, prefix string) bool {
	if len(s)-i < len(prefix) {
		return false
	}
	for k := 0; k < len(prefix); k++ {
		c := s[i+k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[k] {
			return false
		}
	}
	return true
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// stopsURL reports whether r ends a URL in running text.
func stopsURL(r rune, cl class) bool {
	switch cl {
	case cSpace, cIgnore, cJoiner, cInvalid:
		return true
	}
	switch r {
	case '"', '<', '>', '«', '»', '“', '”', '‘', '’', '،', '؛', '{', '}', '|', '\\', '^', '`':
		return true
	}
	return false
}

// trimsURL reports whether r at the end of a URL is punctuation of the text.
func trimsURL(r rune) bool {
	switch r {
	case '.', ',', ':', ';', '!', '?', '؟', '\'', '-':
		return true
	}
	return false
}

// scanURL returns the end of the URL at p, if one starts there.
func scanURL(text string, p pos) (pos, bool) {
	var body int // bytes of scheme or www. before which nothing counts
	switch {
	case hasPrefixFold(text, p.b, "http://"):
		body = 7
	case hasPrefixFold(text, p.b, "https://"):
		body = 8
	case hasPrefixFold(text, p.b, "ftp://"):
		body = 6
	case hasPrefixFold(text, p.b, "www."):
		body = 4
	default:
		return p, false
	}
	if p.b+body >= len(text) || !(isASCIIAlnum(text[p.b+body]) || text[p.b+body] >= utf8.RuneSelf) {
		return p, false
	}
	q := pos{p.b + body, p.cp + body}
	open := 0 // ( and [ minus ) and ]
	for {
		r, size, cl := peek(text, q)
		if size == 0 || stopsURL(r, cl) {
			break
		}
		switch r {
		case '(', '[':
			open++
		case ')', ']':
			open--
		}
		q.b += size
		q.cp++
	}
	// Give trailing punctuation back to the text.
	for q.b > p.b+body {
		r, size := utf8.DecodeLastRuneInString(text[:q.b])
		if trimsURL(r) || ((r == ')' || r == ']') && open < 0) {
			if r == ')' || r == ']' {
				open++
			}
			q.b -= size
			q.cp--
			continue
		}
		break
	}
	if q.b == p.b+body {
		return p, false
	}
	return q, true
}

// isEmailLocal reports whether c may appear in the local part of an address.
func isEmailLocal(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

// scanEmail returns the end of the e-mail address at p, if one starts there:
// an ASCII local part, @, and a domain of at least two labels whose last
// label has two or more letters.
func scanEmail(text string, p pos) (pos, bool) {
	// The limits of RFC 5321 (64-byte local part, 255-byte domain) also keep
	// the look-ahead, tried at every ASCII token start, linear overall.
	i := p.b
	for i < len(text) && i-p.b <= 64 && isEmailLocal(text[i]) {
		i++
	}
	if i == p.b || i >= len(text) || text[i] != '@' || text[i-1] == '.' {
		return p, false
	}
	i++
	labels, labelLen, letters := 0, 0, 0
	end := -1
	domainStart := i
	for ; i < len(text) && i-domainStart <= 255; i++ {
		c := text[i]
		if isASCIIAlnum(c) || (c == '-' && labelLen > 0) {
			labelLen++
			if c >= 'A' {
				letters++
			}
			continue
		}
		if c == '.' && labelLen > 0 && i+1 < len(text) && isASCIIAlnum(text[i+1]) {
			labels++
			labelLen, letters = 0, 0
			continue
		}
		break
	}
	if labels >= 1 && labelLen >= 2 && letters == labelLen && i-domainStart <= 255 {
		end = i
	}
	if end < 0 {
		return p, false
	}
	return pos{end, p.cp + end - p.b}, true
}

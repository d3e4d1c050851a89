// Package sentence splits tokenized Arabic news text into sentences.
//
// Sentences are runs of tokens: every token is in exactly one sentence, and a
// sentence spans from the start of its first token to the end of its last,
// in code points. Split works on the tokens of package tokenize and looks at
// the text only for the white space between tokens.
//
// The rules:
//
//   - A line break always ends a sentence: news text has one paragraph a
//     line, and a paragraph never continues a sentence of the one before,
//     whatever quotes or brackets are left open.
//   - A sentence ends after a terminator token: . ! ? ؟ … or a run of dots
//     ("..."). Terminators and closing marks (" ” » ’ ) ]) right after it
//     join the sentence, so "...نفسها". and «...انتهى.» end after the
//     closing mark.
//   - Not inside an open quotation or bracket: a terminator inside "...",
//     «...», “...”, (...) or [...] does not end the sentence, unless only
//     terminators and closing marks follow it up to the point where every
//     quotation and bracket is closed: then the sentence ends there. So a
//     quoted statement of several sentences stays one sentence with the
//     words that introduce it (قال إن "... الأسد. الجميع. أما ...".), and
//     a dotted agency name in a dateline (أ.ف.ب) never ends anything. The
//     marks of a paragraph count only when they balance there: a paragraph
//     with an odd number of " or unmatched brackets is split as if that kind
//     of mark were absent, so one stray quote cannot swallow a paragraph.
//     Guillemets and curly quotes are also accepted the other way round
//     (»...« and ”...“), as some Arabic typesetting has them.
//   - Not after an abbreviation. A "." directly after a one-letter word is
//     part of an abbreviation: U.S., د. (doctor), م. (engineer), أ. (professor),
//     ص.ب. (post box), ج.م.ع, أ.ف.ب. The exception is a letter right after a
//     number, an era or unit that often ends a sentence (عام 2018 م.). A "."
//     after one of a few Latin titles and short forms (Mr, Dr, Inc, Jan,
//     see abbreviations) is not an end either, nor a dot in or after an
//     acronym spelt out in short Arabic words (إف.بي.آي, سي.إن.إن).
//   - Not inside a number, which the tokenizer keeps whole (3.5, 1,250.5),
//     nor in a dot between two ASCII letters or digits with no space around
//     it (bbc.com, v2.0) or before an Arabic .نت or .كوم (العربية.نت), nor
//     after a list number that opens a sentence (1. ...). A dot between two
//     Arabic words with no space (انتهى.وقال) is a full stop with a typo.
//   - News datelines such as لونغ بيتش (الولايات المتحدة) 15-7 (اف ب)- hold
//     no terminator outside brackets, so they stay the head of the first
//     sentence.
package sentence

import (
	"unicode"
	"unicode/utf8"

	"khabar/arabic/tokenize"
)

// Sentence is one sentence of a text.
type Sentence struct {
	// Start and End are code-point offsets into the text, End exclusive.
	Start, End int
	// FirstToken and EndToken are the indexes of the sentence's tokens in
	// the token slice given to Split, EndToken exclusive.
	FirstToken, EndToken int
}

// Split appends the sentences of text, whose tokens are toks (from
// tokenize.Tokenize of the same text), to dst[:0] and returns the result.
// Tokens whose byte offsets do not fit text (ordered, non-empty, inside it)
// are not from text: Split then returns a single sentence over all of them
// rather than read outside text.
func Split(text string, toks []tokenize.Token, dst []Sentence) []Sentence {
	dst = dst[:0]
	if !fits(text, toks) {
		return append(dst, Sentence{
			Start: toks[0].Start, End: toks[len(toks)-1].End,
			FirstToken: 0, EndToken: len(toks),
		})
	}
	for a := 0; a < len(toks); {
		b := a + 1
		for ; b < len(toks); b++ {
			// Fast path: tokens side by side or one space apart.
			from, to := toks[b-1].ByteEnd, toks[b].ByteStart
			if to-from == 0 || (to-from == 1 && text[from] == ' ') {
				continue
			}
			if lineBreakBetween(text, toks[b-1], toks[b]) {
				break
			}
		}
		dst = splitParagraph(text, toks, a, b, dst)
		a = b
	}
	return dst
}

// fits reports whether toks are ordered, non-empty byte spans of text.
func fits(text string, toks []tokenize.Token) bool {
	end := 0
	for _, t := range toks {
		if t.ByteStart < end || t.ByteEnd <= t.ByteStart || t.ByteEnd > len(text) {
			return false
		}
		end = t.ByteEnd
	}
	return true
}

// lineBreakBetween reports whether the text between two adjacent tokens holds
// a line or paragraph break.
func lineBreakBetween(text string, prev, next tokenize.Token) bool {
	from, to := prev.ByteEnd, next.ByteStart
	for i := from; i < to; i++ {
		switch text[i] {
		case '\n', '\r', '\v', '\f':
			return true
		case 0xC2: // U+0085 NEXT LINE
			if i+1 < to && text[i+1] == 0x85 {
				return true
			}
		case 0xE2: // U+2028 LINE SEPARATOR, U+2029 PARAGRAPH SEPARATOR
			if i+2 < to && text[i+1] == 0x80 && (text[i+2] == 0xA8 || text[i+2] == 0xA9) {
				return true
			}
		}
	}
	return false
}

// mark is what a token means to the splitter.
type mark uint8

const (
	markNone   mark = iota
	markTerm        // . ! ? ؟ … and runs of them
	markDQuote      // the ASCII double quote, both opener and closer
	markOpen        // opener of pair p
	markClose       // closer of pair p
)

// The bracket and quotation pairs, by index.
const (
	pairGuillemet = iota // « »
	pairCurly            // “ ”
	pairParen            // ( )
	pairSquare           // [ ]
	numPairs
)

// markOf classifies token t of text, returning the pair index for openers
// and closers. The single quotes ‘ ’ and ' are left out: ’ and ' are too
// often apostrophes.
func markOf(text string, t tokenize.Token) (mark, int) {
	if t.Kind != tokenize.Punct {
		return markNone, 0
	}
	r := rune(text[t.ByteStart])
	if r >= utf8.RuneSelf {
		r, _ = utf8.DecodeRuneInString(text[t.ByteStart:t.ByteEnd])
	}
	switch r {
	case '.', '!', '?', '؟', '…':
		return markTerm, 0
	case '"':
		return markDQuote, 0
	case '«':
		return markOpen, pairGuillemet
	case '»':
		return markClose, pairGuillemet
	case '“':
		return markOpen, pairCurly
	case '”':
		return markClose, pairCurly
	case '(':
		return markOpen, pairParen
	case ')':
		return markClose, pairParen
	case '[':
		return markOpen, pairSquare
	case ']':
		return markClose, pairSquare
	}
	return markNone, 0
}

// pairUse says how the marks of one pair count in a paragraph.
type pairUse uint8

const (
	pairIgnored pairUse = iota // unbalanced: the marks do not count
	pairNormal                 // « opens, » closes
	pairSwapped                // » opens, « closes
)

// paragraphMarks is what the first pass learns about one paragraph.
type paragraphMarks struct {
	use       [numPairs]pairUse
	dquoteUse bool // an even number of ASCII double quotes
}

// scanMarks decides which quotation and bracket marks of toks[a:b] balance.
func scanMarks(text string, toks []tokenize.Token, a, b int) paragraphMarks {
	var depth, lowest, highest [numPairs]int
	dquotes := 0
	for k := a; k < b; k++ {
		if toks[k].Kind != tokenize.Punct {
			continue
		}
		m, p := markOf(text, toks[k])
		switch m {
		case markDQuote:
			dquotes++
		case markOpen:
			depth[p]++
			highest[p] = max(highest[p], depth[p])
		case markClose:
			depth[p]--
			lowest[p] = min(lowest[p], depth[p])
		}
	}
	pm := paragraphMarks{dquoteUse: dquotes%2 == 0}
	for p := range numPairs {
		switch {
		case depth[p] != 0:
		case lowest[p] == 0:
			pm.use[p] = pairNormal
		case highest[p] == 0:
			pm.use[p] = pairSwapped
		}
	}
	return pm
}

// splitParagraph appends the sentences of the paragraph toks[a:b].
func splitParagraph(text string, toks []tokenize.Token, a, b int, dst []Sentence) []Sentence {
	pm := scanMarks(text, toks, a, b)
	// depth counts the open brackets and quotations of the kinds that
	// balance; inQuote says whether an ASCII double quote is open.
	depth, inQuote := 0, false
	// step applies the opening or closing effect of mark m of pair p.
	step := func(m mark, p int) {
		switch m {
		case markDQuote:
			if pm.dquoteUse {
				inQuote = !inQuote
			}
		case markOpen, markClose:
			switch pm.use[p] {
			case pairNormal:
				depth += sign(m == markOpen)
			case pairSwapped:
				depth += sign(m == markClose)
			}
		}
	}
	start := a
	for k := a; k < b; k++ {
		if toks[k].Kind != tokenize.Punct {
			continue
		}
		m, p := markOf(text, toks[k])
		if m != markTerm {
			step(m, p)
			continue
		}
		if isNonFinalDot(text, toks, a, b, start, k) {
			continue
		}
		// Take in the terminators and closing marks that follow, and see
		// whether every quotation and bracket is closed after them.
		d, q := depth, inQuote
		j := k + 1
	absorb:
		for ; j < b; j++ {
			m2, p2 := markOf(text, toks[j])
			switch m2 {
			case markTerm:
			case markDQuote:
				if pm.dquoteUse && !q {
					break absorb // an opening quote: the next sentence
				}
				q = false
			case markClose:
				if pm.use[p2] == pairNormal && d > 0 {
					d--
				} else if pm.use[p2] != pairIgnored {
					break absorb // an opener in swapped use, or unmatched
				}
			case markOpen:
				if pm.use[p2] == pairSwapped && d > 0 {
					d--
				} else {
					break absorb
				}
			default:
				break absorb
			}
		}
		if d > 0 || q {
			continue // inside a quotation or bracket
		}
		dst = append(dst, Sentence{
			Start: toks[start].Start, End: toks[j-1].End,
			FirstToken: start, EndToken: j,
		})
		start = j
		depth, inQuote = d, q
		k = j - 1
	}
	if start < b {
		dst = append(dst, Sentence{
			Start: toks[start].Start, End: toks[b-1].End,
			FirstToken: start, EndToken: b,
		})
	}
	return dst
}

// sign is +1 for true and -1 for false.
func sign(open bool) int {
	if open {
		return 1
	}
	return -1
}

// abbreviations are the Latin words after which a "." is not a full stop.
// One-letter words (Arabic or Latin) are handled by rule, not listed.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Prof": true, "St": true,
	"Jr": true, "Sr": true, "Inc": true, "Ltd": true, "Co": true, "Corp": true,
	"vs": true, "Gen": true, "Col": true, "Lt": true, "Capt": true, "Sgt": true,
	"Gov": true, "Sen": true, "Rep": true, "Mt": true, "No": true, "Vol": true,
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
}

// isNonFinalDot reports whether the terminator toks[k] of the paragraph
// toks[a:b], in the sentence that starts at toks[start], is a "." that does
// not end a sentence: after an abbreviation, between two ASCII words with
// no space, or after a list number.
func isNonFinalDot(text string, toks []tokenize.Token, a, b, start, k int) bool {
	dot := toks[k]
	if dot.ByteEnd-dot.ByteStart != 1 || text[dot.ByteStart] != '.' || k == a {
		return false
	}
	prev := toks[k-1]
	if prev.ByteEnd != dot.ByteStart {
		return false // "word ." with a space: a plain full stop
	}
	if k+1 < b {
		next := toks[k+1]
		if next.ByteStart == dot.ByteEnd {
			if isASCIIAlnum(text[prev.ByteEnd-1]) && isASCIIAlnum(text[next.ByteStart]) {
				return true // bbc.com, v2.0
			}
			if w := text[next.ByteStart:next.ByteEnd]; w == "نت" || w == "كوم" {
				return true // العربية.نت, the Arabic spelling of a site name
			}
		}
	}
	switch prev.Kind {
	case tokenize.Word:
		w := text[prev.ByteStart:prev.ByteEnd]
		if isAcronymPart(text, toks, a, b, k) {
			return true
		}
		if letterCount(w) == 1 {
			// U.S., د., ص.ب., but not an era or unit after a number.
			return k-2 < a || toks[k-2].Kind != tokenize.Number
		}
		return abbreviations[w]
	case tokenize.Number:
		return k-1 == start && k+1 < b // "1. ..." opening a list item
	}
	return false
}

// isAcronymPart reports whether the "." toks[k], right after a word, is in
// or ends a dotted acronym of short words spelt out in Arabic letters:
// إف.بي.آي, سي.إن.إن, إن.تي.في. The words around an inner dot have at most
// two letters and touch it; a final dot follows such a word that itself
// follows an inner dot.
func isAcronymPart(text string, toks []tokenize.Token, a, b, k int) bool {
	short := func(i int) bool {
		return i >= a && i < b && toks[i].Kind == tokenize.Word &&
			letterCount(text[toks[i].ByteStart:toks[i].ByteEnd]) <= 2
	}
	touch := func(i int) bool { return toks[i].ByteEnd == toks[i+1].ByteStart }
	if !short(k - 1) {
		return false
	}
	if short(k+1) && touch(k) {
		return true // inner dot (the caller checked that k-1 touches k)
	}
	// Final dot: word . word . with every piece touching.
	return k-3 >= a && short(k-3) && touch(k-3) && touch(k-2) &&
		toks[k-2].ByteEnd-toks[k-2].ByteStart == 1 && text[toks[k-2].ByteStart] == '.'
}

// letterCount counts the letters of w, not counting the tatweel: هـ is one.
func letterCount(w string) int {
	n := 0
	for _, r := range w {
		if r != 0x0640 && unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// isASCIIAlnum reports whether c is an ASCII letter or digit.
func isASCIIAlnum(c byte) bool {
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

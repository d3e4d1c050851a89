package temporal

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar"
	"khabar/arabic/normalize"
)

// unit kinds.
const (
	uWord  = 'w'
	uNum   = 'n'
	uPunct = 'p'
)

// unit is the recogniser's view of a stretch of text: a run of letters, a
// run of digits or one punctuation rune, in the match normalisation. Units
// are finer than tokens: 1438هـ is a number unit and a word unit, 14:30 is
// three units.
type unit struct {
	start, end int // code points into the document text
	kind       byte
	norm       string // match-normalised form
	sent       int
	// an are the readings of a word unit with proclitics and article taken off.
	an []reading
	// key is set when some reading can begin or continue an expression, so
	// that the patterns skip the other words at once.
	key bool
	// nl is set when a line break comes before the unit.
	nl bool
	// first is the word's first rune as written: آلان and ألان (names) and
	// الآن (now) share the match form الان.
	first rune
}

// reading is one way to split a word into proclitics, article and stem.
type reading struct {
	stem  string // without proclitics and article
	full  string // without proclitics, article kept
	def   bool   // had the article
	clit  string // proclitics taken off (و ف ب ل ك), "" for none
	start int    // text offset of the reading's first rune (after proclitics)
}

var matchNorm = normalize.Match()

// scan splits text into units and assigns sentences from spans (or from
// punctuation when spans is empty).
func scan(text string, spans []khabar.Span) []unit {
	mp := matchNorm.Map(text)
	t := mp.Text
	offs := mp.Offsets
	us := make([]unit, 0, len(t)/9+8)
	an := make([]reading, 0, len(t)/4+8)
	isLetter := func(r rune) bool {
		if r >= 0x621 && r <= 0x64A || r >= 'a' && r <= 'z' {
			return true
		}
		if r < 0x80 {
			return r >= 'A' && r <= 'Z'
		}
		return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
	}
	ri := 0 // rune index in t
	nl := false
	// a cursor over the original text, to look at the rune a unit starts with
	ob, oi := 0, 0
	firstRune := func(cp int) rune {
		for oi < cp && ob < len(text) {
			_, n := utf8.DecodeRuneInString(text[ob:])
			ob += n
			oi++
		}
		r, _ := utf8.DecodeRuneInString(text[ob:])
		return r
	}
	for bi := 0; bi < len(t); {
		r, size := utf8.DecodeRuneInString(t[bi:])
		if r == '\n' || r == '\u2029' {
			nl = true
		}
		switch {
		case r == ' ' || r == '\n' || r == '\t' || r == '\r' || r == '\v' || r == '\f' || r > 0x80 && r < 0x621 && unicode.IsSpace(r) || r > 0x64A && unicode.IsSpace(r):
			bi += size
			ri++
		case isLetter(r):
			bj, rj := bi, ri
			for bj < len(t) {
				r2, s2 := utf8.DecodeRuneInString(t[bj:])
				if !isLetter(r2) {
					break
				}
				bj += s2
				rj++
			}
			if p, ok := gluedWeekday(t[bi:bj]); ok {
				bj, rj = bi+len(p), ri+utf8.RuneCountInString(p) // الروسيةالأحد: two words
			}
			u := unit{start: offs[ri], end: offs[rj], kind: uWord, norm: t[bi:bj], nl: nl}
			u.first = firstRune(u.start)
			nl = false
			n := len(an)
			an = readings(an, u.norm, offs[ri:rj])
			u.an = an[n:len(an):len(an)]
			u.key = isKey(u.an)
			us = append(us, u)
			bi, ri = bj, rj
		case r >= '0' && r <= '9' || r >= 0x660 && unicode.IsDigit(r):
			bj, rj := bi, ri
			ascii := true
			for bj < len(t) {
				r2, s2 := utf8.DecodeRuneInString(t[bj:])
				if !unicode.IsDigit(r2) {
					break
				}
				ascii = ascii && r2 < utf8.RuneSelf
				bj += s2
				rj++
			}
			norm := t[bi:bj]
			if !ascii {
				var b strings.Builder
				for _, d := range norm {
					b.WriteByte(byte('0' + digitValue(d)))
				}
				norm = b.String()
			}
			us = append(us, unit{start: offs[ri], end: offs[rj], kind: uNum, norm: norm, key: true, nl: nl})
			nl = false
			bi, ri = bj, rj
		default:
			us = append(us, unit{start: offs[ri], end: offs[ri+1], kind: uPunct, norm: t[bi : bi+size], nl: nl})
			nl = false
			bi += size
			ri++
		}
	}
	assignSentences(us, spans)
	return us
}

// gluedWeekdays are the weekday names (match form, with the article) that
// copy sometimes glues to the word before: الخارجية الروسيةالأحد.
var gluedWeekdays = []string{"الاحد", "الاثنين", "الثلاثاء", "الثلثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"}

// gluedWeekday returns the word before a weekday glued to it, when w is a
// word of four letters or more ending in ة (ه in the match form) followed
// by a weekday with its article.
func gluedWeekday(w string) (string, bool) {
	if len(w) < 18 { // four letters and the shortest name, السبت, in UTF-8
		return "", false
	}
	for _, d := range gluedWeekdays {
		if p, ok := strings.CutSuffix(w, d); ok && strings.HasSuffix(p, "ه") && utf8.RuneCountInString(p) >= 4 {
			return p, true
		}
	}
	return "", false
}

// digitValue is the value of a decimal digit of any script: Unicode keeps
// every Nd set contiguous from its zero.
func digitValue(r rune) int {
	if r >= '0' && r <= '9' {
		return int(r - '0')
	}
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return 0
}

func assignSentences(us []unit, spans []khabar.Span) {
	if len(spans) > 0 {
		s := 0
		for i := range us {
			for s+1 < len(spans) && us[i].start >= spans[s+1].Start {
				s++
			}
			us[i].sent = s
		}
		return
	}
	// Without sentence spans: a line break, or . ! ? ؟ not glued to what
	// follows (28.43 is one number), ends a sentence.
	s := 0
	for i := range us {
		if us[i].nl && i > 0 {
			s++
		}
		us[i].sent = s
		if us[i].kind == uPunct && strings.ContainsAny(us[i].norm, ".!?؟") && (i+1 == len(us) || us[i+1].start != us[i].end) {
			s++
		}
	}
}

// proclitics that may precede a temporal word, longest first.
var proclitics = []string{"وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", ""}

// readings appends the clitic analyses of word w (offs: the text offset
// of each of its runes) to dst, the bare word first.
func readings(dst []reading, w string, offs []int) []reading {
	add := func(clit, rest string, article bool) {
		r := reading{clit: clit, start: offs[utf8.RuneCountInString(clit)], full: rest}
		if article {
			r.def = true
			if strings.HasPrefix(rest, "ال") {
				r.stem = rest[len("ال"):]
			} else { // لل: ل + (ا)ل
				r.stem = rest[len("ل"):]
				r.full = "ا" + rest
			}
		} else {
			r.stem = rest
		}
		if utf8.RuneCountInString(r.stem) >= 2 {
			dst = append(dst, r)
		}
	}
	for i := len(proclitics) - 1; i >= 0; i-- { // "" first
		p := proclitics[i]
		rest, ok := strings.CutPrefix(w, p)
		if !ok {
			continue
		}
		n := utf8.RuneCountInString(rest)
		if n < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(rest, "ال") && n > 3:
			add(p, rest, true)
		case strings.HasSuffix(p, "ل") && strings.HasPrefix(rest, "ل") && n > 2:
			add(p, rest, true)
		}
		add(p, rest, false)
	}
	return dst
}

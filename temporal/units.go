package temporal

import (
	"strings"
	"unicode"

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
	// offs[k] is the text offset of rune k of norm (word units only).
	offs []int
	sent int
	// an are the readings of a word unit with proclitics and article taken off.
	an []reading
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
	rs := []rune(mp.Text)
	var us []unit
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.Is(unicode.Mn, rs[j])) {
				j++
			}
			var b strings.Builder
			offs := make([]int, 0, j-i)
			for k := i; k < j; k++ {
				if unicode.Is(unicode.Mn, rs[k]) {
					continue
				}
				b.WriteRune(rs[k])
				offs = append(offs, mp.Offsets[k])
			}
			u := unit{start: mp.Offsets[i], end: mp.Offsets[j], kind: uWord, norm: b.String(), offs: offs}
			u.an = readings(u)
			us = append(us, u)
			i = j
		case unicode.IsDigit(r):
			j := i
			var b strings.Builder
			for j < len(rs) && unicode.IsDigit(rs[j]) {
				b.WriteByte(byte('0' + digitValue(rs[j])))
				j++
			}
			us = append(us, unit{start: mp.Offsets[i], end: mp.Offsets[j], kind: uNum, norm: b.String()})
			i = j
		default:
			us = append(us, unit{start: mp.Offsets[i], end: mp.Offsets[i+1], kind: uPunct, norm: string(r)})
			i++
		}
	}
	assignSentences(us, spans)
	return us
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
	s := 0
	for i := range us {
		us[i].sent = s
		if us[i].kind == uPunct && strings.ContainsAny(us[i].norm, ".!?؟\n") {
			s++
		}
	}
}

// proclitics that may precede a temporal word, longest first.
var proclitics = []string{"وب", "ول", "وك", "فب", "فل", "و", "ف", "ب", "ل", "ك", ""}

// readings lists the clitic analyses of a word, the bare word first.
func readings(u unit) []reading {
	w := u.norm
	rs := []rune(w)
	var out []reading
	add := func(clit string, rest []rune, article bool) {
		off := len([]rune(clit))
		r := reading{clit: clit, start: u.offs[off], full: string(rest)}
		if article {
			r.def = true
			if strings.HasPrefix(r.full, "ال") {
				r.stem = r.full[len("ال"):]
			} else { // لل: ل + (ا)ل
				r.stem = r.full[len("ل"):]
				r.full = "ا" + r.full
			}
		} else {
			r.stem = r.full
		}
		if len([]rune(r.stem)) >= 2 {
			out = append(out, r)
		}
	}
	for i := len(proclitics) - 1; i >= 0; i-- { // "" first
		p := proclitics[i]
		if !strings.HasPrefix(w, p) {
			continue
		}
		rest := rs[len([]rune(p)):]
		if len(rest) < 2 {
			continue
		}
		s := string(rest)
		switch {
		case strings.HasPrefix(s, "ال") && len(rest) > 3:
			add(p, rest, true)
		case strings.HasSuffix(p, "ل") && strings.HasPrefix(s, "ل") && len(rest) > 2:
			add(p, rest, true)
		}
		add(p, rest, false)
	}
	return out
}

package morph

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// SegRule is one way of splitting a surface token into PADT syntactic words.
// It is learned from the treebank: proclitics consumed at the start, enclitics
// at the end, and a small edit of the stem at either edge to undo the
// spelling changes at clitic boundaries (لل = ل + ال, قيمتها = قيمة + ها,
// مما = من + ما). Matching works on the skeleton (Skel), whose byte offsets
// equal those of the mark-stripped surface, so the stem is cut from the real
// letters of the token.
type SegRule struct {
	Key     string
	PreSurf string   // skeleton the proclitics take at the token start
	Pre     []string // PADT forms of the proclitics
	SufSurf string   // skeleton the enclitics take at the token end
	Suf     []string // PADT forms of the enclitics
	StripL  string   // skeleton removed at the stem start ...
	AddL    string   // ... and what is written instead
	StripR  string   // skeleton removed at the stem end ...
	AddR    string   // ... and what is written instead
	Cond    string   // required start of the stem when AddL inserts letters
	StemLit string   // fixed stem form (function words such as أن، من، على)
	Lit     []string // whole analysis of one particular surface
	LitSurf string
	Shape   string // coarse class shared by similar rules (features)
	Count   int
}

// identityKey is the rule of tokens that are one word.
const identityKey = "="

// apply splits a token whose mark-stripped surface is surf and skeleton sk.
// It returns the stem as cut from the surface (before restoration) and ok.
func (r *SegRule) apply(sk, surf string) (stem string, ok bool) {
	if r.Key == identityKey {
		return surf, true
	}
	if r.Lit != nil {
		return "", sk == r.LitSurf
	}
	if len(sk) != len(surf) { // invalid UTF-8 or a fold that changed length
		return "", false
	}
	if len(r.PreSurf)+len(r.SufSurf) >= len(sk) || !strings.HasPrefix(sk, r.PreSurf) || !strings.HasSuffix(sk, r.SufSurf) {
		return "", false
	}
	lo, hi := len(r.PreSurf), len(sk)-len(r.SufSurf)
	mid := sk[lo:hi]
	if len(r.StripL)+len(r.StripR) > len(mid) || !strings.HasPrefix(mid, r.StripL) || !strings.HasSuffix(mid, r.StripR) {
		return "", false
	}
	if r.Cond != "" && !strings.HasPrefix(mid, r.Cond) {
		return "", false
	}
	core := surf[lo+len(r.StripL) : hi-len(r.StripR)]
	n := utf8.RuneCountInString(core)
	if r.StemLit != "" {
		stem = r.AddL + core + r.AddR
		if Skel(stem) != Skel(r.StemLit) {
			return "", false
		}
		// A hamza written in the token must agree with the rule's spelling
		// (إنه is إن + ه, never أن + ه); a bare alef may stand for any.
		if stem != r.StemLit && strings.ContainsAny(stem, "أإآ") {
			return "", false
		}
		return r.StemLit, true
	}
	if n < 2 || !hasArabic(core) {
		return "", false
	}
	return r.AddL + core + r.AddR, true
}

// proclitics are the words PADT splits off the start of a token.
var proclitics = map[string]bool{"و": true, "ف": true, "ب": true, "ل": true, "ك": true, "س": true}

// openClass is the UPOS of stems whose form is cut from the surface; the
// stems of other classes are few and are kept literally in the rule.
var openClass = map[string]bool{"NOUN": true, "VERB": true, "ADJ": true, "X": true, "PROPN": true, "NUM": true, "ADV": true, "INTJ": true}

// goldWord is a word of a gold analysis.
type goldWord struct{ Form, UPOS string }

// deriveRule finds the rule that turns surface (mark-stripped) into words,
// and the index of the stem word. It always succeeds: when no general rule
// fits, the rule is a literal one for this surface.
func deriveRule(surf string, words []goldWord) (SegRule, int) {
	if len(words) == 1 {
		return SegRule{Key: identityKey, Shape: "="}, 0
	}
	sk := Skel(surf)
	forms := make([]string, len(words))
	for i, w := range words {
		forms[i] = StripMarks(w.Form)
	}
	literal := func() (SegRule, int) {
		lit := make([]string, len(words))
		for i, w := range words {
			lit[i] = w.Form
		}
		stem := 0
		for i, w := range words {
			if openClass[w.UPOS] {
				stem = i
				break
			}
		}
		return SegRule{Key: "L:" + sk + ":" + strings.Join(lit, "+"), Lit: lit, LitSurf: sk, Shape: "L" + strconv.Itoa(len(lit))}, stem
	}
	p, i := 0, 0
	for i < len(words)-1 && proclitics[forms[i]] && strings.HasPrefix(sk[p:], Skel(forms[i])) {
		p += len(Skel(forms[i]))
		i++
	}
	h := i
	q, j := 0, len(words)-1
	for j > h {
		s := Skel(forms[j])
		if len(sk)-q-len(s) <= p || !strings.HasSuffix(sk[:len(sk)-q], s) {
			break
		}
		q += len(s)
		j--
	}
	if j != h {
		return literal()
	}
	mid := sk[p : len(sk)-q]
	gold := Skel(forms[h])
	if mid == "" {
		return literal()
	}
	r := SegRule{PreSurf: sk[:p], SufSurf: sk[len(sk)-q:]}
	for _, w := range words[:h] {
		r.Pre = append(r.Pre, w.Form)
	}
	for _, w := range words[h+1:] {
		r.Suf = append(r.Suf, w.Form)
	}
	if mid != gold {
		cp := commonPrefix(mid, gold)
		cs := commonSuffix(mid[cp:], gold[cp:])
		switch {
		case cp == 0:
			r.StripL, r.AddL = mid[:len(mid)-cs], gold[:len(gold)-cs]
			if r.StripL == "" {
				r.Cond = runePrefix(mid, 1)
			}
		case cs == 0:
			r.StripR, r.AddR = mid[cp:], gold[cp:]
		default:
			return literal()
		}
	}
	if !openClass[words[h].UPOS] {
		r.StemLit = words[h].Form
	}
	r.Key = "R:" + r.PreSurf + ":" + strings.Join(r.Pre, "+") + ":" + r.SufSurf + ":" + strings.Join(r.Suf, "+") +
		":" + r.StripL + ">" + r.AddL + ":" + r.StripR + ">" + r.AddR + ":" + r.Cond + ":" + r.StemLit
	r.Shape = strings.Join(r.Pre, "+") + "_" + strconv.Itoa(len(r.Suf))
	if r.AddL != "" || r.AddR != "" || r.StripL != "" || r.StripR != "" {
		r.Shape += "e"
	}
	if r.StemLit != "" {
		r.Shape += "f"
	}
	// A rule that only fits because the stem is a function word stays
	// general: the literal stem check in apply limits where it fires.
	return r, h
}

// commonPrefix is the byte length of the longest common prefix made of
// whole runes.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[n:])
		rb, _ := utf8.DecodeRuneInString(b[n:])
		if ra != rb {
			break
		}
		n += sa
	}
	return n
}

// commonSuffix is the byte length of the longest common suffix made of
// whole runes.
func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) {
		ra, sa := utf8.DecodeLastRuneInString(a[:len(a)-n])
		rb, _ := utf8.DecodeLastRuneInString(b[:len(b)-n])
		if ra != rb {
			break
		}
		n += sa
	}
	return n
}

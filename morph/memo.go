package morph

import (
	"math"
	"strings"
	"unicode/utf8"

	"khabar"
	"khabar/morph/perceptron"
)

// The analysis remembers, per token spelling, everything about it that does
// not depend on its sentence: its skeleton and shape, its segmentation
// candidates with the part of their scores their own features give, the
// rule and stem each candidate leads to, the words that makes, each word's
// lexicon features, the summed weights of its context-free tagging features
// and its lemma per UPOS. Words repeat a lot in news (on 2,000 ANT
// articles most tokens are met before), so a sentence mostly costs the
// context features alone. The answers are the ones the plain path
// (segment, buildWords, tag, lemma) gives, byte for byte: TestMemoSame.

// memoGen is the number of token spellings one generation of the memo
// holds; a full generation becomes the old one and the one before is
// dropped, so at most 2*memoGen spellings are kept per scratch.
const memoGen = 1 << 14

// takeMemo returns an idle memo, or a new one when all are in use.
func (a *Analyzer) takeMemo() *memo {
	select {
	case m := <-a.memos:
		return m
	default:
		return &memo{gen: a.memoGen}
	}
}

// giveMemo keeps m for the next sentence, unless enough are kept.
func (a *Analyzer) giveMemo(m *memo) {
	select {
	case a.memos <- m:
	default:
	}
}

// memo maps a token spelling to its tokMemo, in two generations: an entry
// found in the old one moves to the current one.
type memo struct {
	cur, old map[string]*tokMemo
	gen      int // memoGen, or less in tests
	misses   int // entries built (tests)
}

func (m *memo) get(key string) *tokMemo {
	if e := m.cur[key]; e != nil {
		return e
	}
	if e := m.old[key]; e != nil {
		m.put(e)
		return e
	}
	return nil
}

func (m *memo) put(e *tokMemo) {
	if m.gen == 0 {
		m.gen = memoGen
	}
	if m.cur == nil || len(m.cur) >= m.gen {
		m.old, m.cur = m.cur, make(map[string]*tokMemo, m.gen/4)
	}
	m.cur[e.key] = e
}

// tokMemo is what the analysis knows of one token spelling.
type tokMemo struct {
	key   string // the token as written (a copy: no document text is kept)
	tok   segTok
	known bool
	cands []segCand
	// cfScore is each candidate's score from its own features (the whole
	// score is that plus the token features'); cf keeps the features when
	// the scores are not exact sums (see Analyzer.exactSeg).
	cfScore []float64
	cf      []uint64
	outs    []*tokOut // per candidate, filled when first chosen
}

// tokOut is the analysis of a token by one candidate.
type tokOut struct {
	rule  int32
	words []wordMemo
}

// wordMemo is one word of a token's analysis.
type wordMemo struct {
	form, sk  string
	role      byte
	ruleShape string
	wf        wordFeat
	// prefix holds the summed weights of the word's tagFeatsFree features
	// per tag, in the order tableDense adds them (nil until first needed).
	prefix []float32
	lemmas []posLemma
	// slots are the table slots of the word's context features that read
	// it alone (tagrows.go): own filled when hasOwn, nb when hasNb.
	slots         wordSlots
	hasOwn, hasNb bool
}

// posLemma is a word's lemma for one UPOS; ctx marks a lemma that the
// context chooses among alts.
type posLemma struct {
	tag   int
	ctx   bool
	lemma string
	alts  string
}

// memoTok returns the memo entry of token w, building it when new.
func (a *Analyzer) memoTok(s *scratch, w string) *tokMemo {
	if e := s.memo.get(w); e != nil {
		return e
	}
	c := a.c
	key := strings.Clone(w)
	v := key
	if !utf8.ValidString(v) {
		v = strings.ToValidUTF8(v, "\uFFFD")
	}
	surf := StripMarks(v)
	sk := foldHamza(surf) // Skel(surf), surf being clean
	e := &tokMemo{key: key, tok: segTok{surf: surf, sk: sk, shape: shape(sk)}}
	// candidates reads token i of s.toks: run it on a one-token slice of
	// its own, so that the sentence being built in s.toks is left alone.
	toks := s.toks
	s.toks = append(s.memoToks[:0], e.tok)
	e.known = c.candidates(s, 0, exclusion{})
	s.memoToks, s.toks = s.toks, toks
	e.cands = append([]segCand(nil), s.cands...)
	e.outs = make([]*tokOut, len(e.cands))
	if len(e.cands) > 1 {
		e.cfScore = make([]float64, len(e.cands))
		for k := range e.cands {
			cand := &e.cands[k]
			rh, sh := c.ruleHash[cand.rule], c.shapeHash[cand.rule]
			v := 0.0
			for _, f := range s.cf[cand.fo:cand.fe] {
				v += a.seg.score(perceptron.Mix(f, rh)) + a.seg.score(perceptron.Mix(f, sh))
			}
			e.cfScore[k] = v
		}
		if !a.exactSeg {
			e.cf = append([]uint64(nil), s.cf...)
		}
	}
	s.memo.misses++
	s.memo.put(e)
	return e
}

// bestMemo is best for a memo entry whose token features are in s.tf.
func (a *Analyzer) bestMemo(s *scratch, e *tokMemo) int {
	c := a.c
	bi, bv := 0, 0.0
	for k := range e.cands {
		var v float64
		if a.exactSeg {
			rh := c.ruleHash[e.cands[k].rule]
			for _, f := range s.tf {
				v += a.seg.score(perceptron.Mix(f, rh))
			}
			v += e.cfScore[k]
		} else {
			v = c.scoreCand(a.seg, s.tf, e.cf, &e.cands[k])
		}
		if k == 0 || v > bv {
			bi, bv = k, v
		}
	}
	return bi
}

// out returns the analysis of e by candidate k.
func (a *Analyzer) out(e *tokMemo, k int) *tokOut {
	if o := e.outs[k]; o != nil {
		return o
	}
	c := a.c
	r, stem := c.decide(&e.tok, e.known, e.cands, k)
	o := &tokOut{rule: r}
	rule := &c.m.Rules[r]
	add := func(form, sk string, role byte) {
		wf := c.wordFeat(sk)
		o.words = append(o.words, wordMemo{form: form, sk: sk, role: role, ruleShape: rule.Shape, wf: wf})
	}
	// As buildWords.
	switch {
	case rule.Key == identityKey:
		add(e.key, e.tok.sk, 'W')
	case rule.Lit != nil:
		for i, f := range rule.Lit {
			role := byte('E')
			if i == 0 {
				role = 'P'
			}
			add(f, Skel(f), role)
		}
	default:
		for _, f := range rule.Pre {
			add(f, Skel(f), 'P')
		}
		add(stem, Skel(stem), 'S')
		for _, f := range rule.Suf {
			add(f, Skel(f), 'E')
		}
	}
	e.outs[k] = o
	return o
}

// wordFeat is wordFeats's answer for one word of skeleton sk (analysis:
// the model's ambiguity classes, no exclusion).
func (c *core) wordFeat(sk string) wordFeat {
	inf := c.info[sk]
	amb := inf.amb
	wf := wordFeat{vocab: int(inf.vocab), corp: int(inf.corp), lex: c.lexFlags(sk), amb: amb, sure: -1}
	if wf.amb == "" {
		wf.amb = "?"
	} else if n := len(amb); amb[n-1] == '!' {
		if i, ok := c.tagIdx[amb[:n-1]]; ok {
			wf.sure = i
		}
	}
	return wf
}

// analyzeMemo is analyze through the memo.
func (a *Analyzer) analyzeMemo(s *scratch, words []string, emit func(tok int, seg khabar.Segment)) {
	c := a.c
	s.toks, s.memos = s.toks[:0], s.memos[:0]
	for _, w := range words {
		e := a.memoTok(s, w)
		s.memos = append(s.memos, e)
		s.toks = append(s.toks, e.tok)
	}
	// Segmentation: only tokens with several candidates are scored, and
	// only their token (context) features are looked up.
	s.words, s.wms, s.wf = s.words[:0], s.wms[:0], s.wf[:0]
	prev := "<s>"
	for i, e := range s.memos {
		k := 0
		if len(e.cands) > 1 {
			s.tf = tokenFeats(s.tf[:0], s.toks, i, prev, e.known)
			k = a.bestMemo(s, e)
		}
		o := a.out(e, k)
		prev = c.m.Rules[o.rule].Key
		for x := range o.words {
			wm := &o.words[x]
			s.words = append(s.words, tagWord{form: wm.form, sk: wm.sk, tok: i, role: wm.role, ruleShape: wm.ruleShape})
			s.wms = append(s.wms, wm)
			s.wf = append(s.wf, wm.wf)
		}
	}
	a.tagMemo(s)
	if a.tag2 != nil {
		s.right = append(s.right[:0], s.tags...)
		c.tagPass(a.tag2, s, s.right)
	}
	for j := range s.words {
		w := &s.words[j]
		pos := c.m.Tags[s.tags[j]]
		if w.role == 'S' && w.sk == "ان" && !strings.ContainsAny(s.toks[w.tok].surf, "أإ") {
			// As analyze: the lemma classifier spells a bare ان.
			form := w.form
			l := StripMarks(c.lemma(a.lem, a.alt, s, j, "ان", pos))
			if Skel(l) == "ان" && l != "ان" {
				form = l
			}
			emit(w.tok, khabar.Segment{Form: form, POS: pos, Lemma: c.lemma(a.lem, a.alt, s, j, form, pos)})
			continue
		}
		emit(w.tok, khabar.Segment{Form: w.form, POS: pos, Lemma: a.lemmaMemo(s, j, s.tags[j])})
	}
}

// tagMemo is tagPass with the first table, each word's context-free
// features summed once per word.
func (a *Analyzer) tagMemo(s *scratch) {
	c := a.c
	s.tags = s.tags[:0]
	n := len(c.m.Tags)
	if n > 64 {
		c.tagPass(a.tag, s, nil)
		return
	}
	var acc [64]float32
	// p1 and p2 index the previous tags, n standing for "<s>".
	p1, p2 := n, n
	for j := range s.words {
		if bi := s.wf[j].sure; bi >= 0 {
			s.tags = append(s.tags, bi)
			p2, p1 = p1, bi
			continue
		}
		wm := s.wms[j]
		if wm.prefix == nil {
			s.tf = tagFeatsFree(s.tf[:0], wm.sk, wm.role, s.toks[s.words[j].tok].sk)
			wm.prefix = make([]float32, n)
			a.tag.add(wm.prefix, s.tf)
		}
		sc := acc[:n]
		copy(sc, wm.prefix)
		s.slots = a.ctxSlots(s.slots[:0], s, j, p1, p2)
		addSlots(a.tag.t, sc, s.slots)
		bi := 0
		for k := 1; k < n; k++ {
			if float64(sc[k]) > float64(sc[bi]) {
				bi = k
			}
		}
		s.tags = append(s.tags, bi)
		p2, p1 = p1, bi
	}
}

// lemmaMemo is the lemma of word j tagged tag.
func (a *Analyzer) lemmaMemo(s *scratch, j, tag int) string {
	wm := s.wms[j]
	for i := range wm.lemmas {
		if l := &wm.lemmas[i]; l.tag == tag {
			if l.ctx {
				return a.c.altLemma(a.alt, s, j, l.alts)
			}
			return l.lemma
		}
	}
	l, alts, ctx := a.c.lemmaOf(a.lem, s, wm.form, a.c.m.Tags[tag])
	wm.lemmas = append(wm.lemmas, posLemma{tag: tag, ctx: ctx, lemma: l, alts: alts})
	if ctx {
		return a.c.altLemma(a.alt, s, j, alts)
	}
	return l
}

// exactSums reports whether any sum of up to 4096 weights of t, added in
// float64 in any order, is exact: then a score may be split into parts
// summed apart and still equal the sum in one go, bit for bit.
func exactSums(t *perceptron.Table) bool {
	lo, hi := math.MaxInt, math.MinInt
	for _, w := range t.Vals {
		if w == 0 || math.IsInf(float64(w), 0) || math.IsNaN(float64(w)) {
			if w != 0 {
				return false
			}
			continue
		}
		fr, e := math.Frexp(float64(w))
		m := uint64(math.Abs(fr) * (1 << 53))
		low := e - 53
		for m&1 == 0 {
			m >>= 1
			low++
		}
		lo, hi = min(lo, low), max(hi, e)
	}
	// Every weight is a multiple of 2^lo below 2^hi; 4096 of them sum
	// below 2^(hi+12), which float64's 53 bits hold exactly.
	return lo == math.MaxInt || hi+12-lo <= 53
}

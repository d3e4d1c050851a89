package morph

import (
	"fmt"
	"io"
	"math/rand"
	"sort"
	"strings"
	"time"

	"khabar/morph/conllu"
	"khabar/morph/perceptron"
)

// TrainOptions controls Train.
type TrainOptions struct {
	Seed         int64
	SegEpochs    int
	TagEpochs    int
	LemEpochs    int
	TagPasses    int // 2: a second tagging pass sees the first pass's tags on the right
	MaxSentences int // 0: all (subsample to iterate quickly)
	// Lexicon maps word or stem skeletons to lexicon flags (see BuildLexicon).
	Lexicon map[string]uint16
	// LemmaSpell adds lemma spellings from the lexicons (skeleton -> lemma).
	LemmaSpell map[string]string
	// StemLemma maps lexicon stem skeletons to lemmas (see lexicon).
	StemLemma map[string]string
	// WordSpell gives the hamza spelling of lexicon words (lexicon.WordSpell).
	WordSpell map[string]string
	// Corpus holds word frequencies in raw news text (lexicon.CorpusCounts).
	Corpus map[string]int32
	Log    io.Writer
}

// gold analysis of one training token.
type goldTok struct {
	rule    int32
	stemIdx int
	stem    string // gold stem form
}

// counter counts strings and gives the most frequent (ties: smallest).
type counter map[string]map[string]int

func (c counter) add(k, v string) {
	m := c[k]
	if m == nil {
		m = map[string]int{}
		c[k] = m
	}
	m[v]++
}

func (c counter) best(k string) (string, int) {
	bv, bn := "", 0
	for v, n := range c[k] {
		if n > bn || n == bn && v < bv {
			bv, bn = v, n
		}
	}
	return bv, bn
}

func (c counter) keys() []string {
	ks := make([]string, 0, len(c))
	for k := range c {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Train learns a model from gold CoNLL-U sentences. dev (may be nil) is
// only used to report accuracy with gold tokens after each stage.
func Train(train, dev []conllu.Sentence, opt TrainOptions) (*Model, error) {
	logf := func(format string, a ...any) {
		if opt.Log != nil {
			fmt.Fprintf(opt.Log, format+"\n", a...)
		}
	}
	if opt.MaxSentences > 0 && len(train) > opt.MaxSentences {
		train = train[:opt.MaxSentences]
	}
	if len(train) == 0 {
		return nil, fmt.Errorf("morph: no training sentences")
	}
	start := time.Now()
	m := &Model{Version: modelVersion, Known: map[string][]RuleCount{}, TokenStem: map[string]string{},
		Restore: map[string]string{}, Vocab: map[string]int32{}, Lexicon: opt.Lexicon,
		LemmaDict: map[string]string{}, LemmaForm: map[string]string{}, LemmaSpell: map[string]string{}, LemByPOS: map[string][]int32{}}
	if m.Lexicon == nil {
		m.Lexicon = map[string]uint16{}
	}
	m.WordSpell = make(map[string]string, len(opt.WordSpell))
	for k, v := range opt.WordSpell {
		m.WordSpell[k] = v
	}
	// The treebank's own spelling of a word wins over the lexicons': a stem
	// cut after a clitic (وايطالية) is written as the treebank writes the
	// word alone (إيطالية) when most of its occurrences carry the hamza.
	wordSpell := counter{}
	for _, s := range train {
		for _, t := range s.Tokens {
			for _, w := range t.Words {
				f := StripMarks(w.Form)
				wordSpell.add(Skel(f), f)
			}
		}
	}
	for _, k := range wordSpell.keys() {
		if f, n := wordSpell.best(k); f != k && 2*n > wordSpellTotal(wordSpell[k]) {
			m.WordSpell[k] = f
		}
	}
	m.Corpus = opt.Corpus
	if m.Corpus == nil {
		m.Corpus = map[string]int32{}
	}
	m.StemLemma = opt.StemLemma
	if m.StemLemma == nil {
		m.StemLemma = map[string]string{}
	}

	// 1. Rules and gold analyses.
	ruleID := map[string]int32{}
	intern := func(r SegRule) int32 {
		if id, ok := ruleID[r.Key]; ok {
			m.Rules[id].Count++
			return id
		}
		id := int32(len(m.Rules))
		r.Count = 1
		m.Rules = append(m.Rules, r)
		ruleID[r.Key] = id
		return id
	}
	intern(SegRule{Key: identityKey, Shape: "="})
	m.Rules[0].Count = 0
	gold := make([][]goldTok, len(train))
	tokRules := map[string]map[int32]int{}
	tokStem := counter{}
	restore := counter{}
	tagSet := map[string]bool{}
	for si, s := range train {
		for _, t := range s.Tokens {
			surf := StripMarks(t.Form)
			gw := make([]goldWord, len(t.Words))
			for k, w := range t.Words {
				gw[k] = goldWord{Form: w.Form, UPOS: w.UPOS}
				tagSet[w.UPOS] = true
			}
			r, h := deriveRule(surf, gw)
			id := intern(r)
			stem := t.Words[h].Form
			if r.Key == identityKey {
				stem = surf
			}
			gold[si] = append(gold[si], goldTok{rule: id, stemIdx: h, stem: stem})
			sk := Skel(surf)
			if tokRules[sk] == nil {
				tokRules[sk] = map[int32]int{}
			}
			tokRules[sk][id]++
			m.Vocab[Skel(stem)]++
			rr := &m.Rules[id]
			if rr.Key != identityKey && rr.Lit == nil && rr.StemLit == "" {
				tokStem.add(sk+"\x01"+rr.Key, stem)
				if cut, ok := rr.apply(sk, surf); ok {
					restore.add(Skel(cut), stem)
				}
			}
		}
	}
	for sk, rm := range tokRules {
		rc := make([]RuleCount, 0, len(rm))
		for r, n := range rm {
			rc = append(rc, RuleCount{Rule: r, Count: int32(n)})
		}
		sortRuleCounts(rc)
		m.Known[sk] = rc
	}
	for _, k := range restore.keys() {
		if f, _ := restore.best(k); f != k {
			m.Restore[k] = f
		}
	}
	for i, r := range m.Rules {
		if r.Key != identityKey && r.Lit == nil && r.Count >= 2 {
			m.Generic = append(m.Generic, int32(i))
		}
	}
	sort.Slice(m.Generic, func(a, b int) bool {
		ra, rb := &m.Rules[m.Generic[a]], &m.Rules[m.Generic[b]]
		if ra.Count != rb.Count {
			return ra.Count > rb.Count
		}
		return ra.Key < rb.Key
	})
	for t := range tagSet {
		m.Tags = append(m.Tags, t)
	}
	sort.Strings(m.Tags)
	logf("rules: %d (%d generic), known token types: %d, restore entries: %d", len(m.Rules), len(m.Generic), len(m.Known), len(m.Restore))

	// 2. Lemma tables (needed by the core before training the lemmatiser).
	lemmaVotes, formVotes, spellVotes := counter{}, counter{}, counter{}
	type lemInst struct{ form, sk, pos, lemma string }
	var lemInsts []lemInst
	for _, s := range train {
		for _, t := range s.Tokens {
			for _, w := range t.Words {
				if w.Lemma == "" || w.Lemma == "_" {
					continue
				}
				form := StripMarks(w.Form)
				sk := Skel(form)
				lemmaVotes.add(sk+"|"+w.UPOS, w.Lemma)
				lemmaVotes.add("e:"+form+"|"+w.UPOS, w.Lemma)
				formVotes.add(sk, w.Lemma)
				ls := LemmaKey(w.Lemma)
				spellVotes.add(Skel(ls), ls)
				lemInsts = append(lemInsts, lemInst{form, sk, w.UPOS, ls})
			}
		}
	}
	for _, k := range lemmaVotes.keys() {
		m.LemmaDict[k], _ = lemmaVotes.best(k)
	}
	for _, k := range formVotes.keys() {
		m.LemmaForm[k], _ = formVotes.best(k)
	}
	for k, v := range opt.LemmaSpell {
		m.LemmaSpell[k] = v
	}
	for _, k := range spellVotes.keys() { // the treebank's spelling wins
		m.LemmaSpell[k], _ = spellVotes.best(k)
	}
	lemRuleID := map[string]int32{}
	addLemRule := func(r LemmaRule, pos string) {
		id, ok := lemRuleID[r.Key+"|"+pos]
		if !ok {
			id = int32(len(m.LemRules))
			m.LemRules = append(m.LemRules, r)
			lemRuleID[r.Key+"|"+pos] = id
		}
		m.LemRules[id].Count++
	}
	for _, li := range lemInsts {
		addLemRule(deriveLemmaRule(li.sk, Skel(li.lemma)), li.pos)
		for _, r := range deriveLexRules(li.sk, Skel(li.lemma), m.StemLemma) {
			addLemRule(r, li.pos)
		}
	}
	posOfRule := map[int32]string{}
	for k, id := range lemRuleID {
		posOfRule[id] = k[strings.LastIndexByte(k, '|')+1:]
	}
	for id := range m.LemRules {
		if m.LemRules[id].Count >= minLemmaRule {
			p := posOfRule[int32(id)]
			m.LemByPOS[p] = append(m.LemByPOS[p], int32(id))
		}
	}
	for p := range m.LemByPOS {
		ids := m.LemByPOS[p]
		sort.Slice(ids, func(a, b int) bool {
			ra, rb := &m.LemRules[ids[a]], &m.LemRules[ids[b]]
			if ra.Count != rb.Count {
				return ra.Count > rb.Count
			}
			return ids[a] < ids[b]
		})
	}
	logf("lemma: %d instances, %d dict entries, %d rules", len(lemInsts), len(m.LemmaDict), len(m.LemRules))

	c := newCore(m)
	rng := rand.New(rand.NewSource(opt.Seed))
	order := rng.Perm(len(train))

	// 3. Segmenter.
	seg := perceptron.NewSparseTrainer()
	segSc := trainerSparse{seg}
	s := &scratch{}
	for ep := 0; ep < opt.SegEpochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, n := 0, 0
		for _, si := range order {
			sent := train[si]
			s.toks = fillToks(s.toks[:0], sent.Tokens)
			prev := "<s>"
			for i := range s.toks {
				g := gold[si][i]
				ex := exclusion{on: true, rule: g.rule, stemSk: Skel(g.stem)}
				known := c.candidates(s, i, ex)
				if len(s.cands) == 0 {
					continue
				}
				gi := -1
				for k := range s.cands {
					if s.cands[k].rule == g.rule {
						gi = k
						break
					}
				}
				pi := 0
				if len(s.cands) > 1 {
					s.tf = tokenFeats(s.tf[:0], s.toks, i, prev, known)
					pi = c.best(segSc, s)
					if gi >= 0 && pi != gi {
						c.updateSeg(seg, s, gi, pi)
					}
					seg.Tick()
				}
				n++
				if s.cands[pi].rule != g.rule {
					errs++
				}
				prev = m.Rules[s.cands[pi].rule].Key
			}
		}
		logf("seg epoch %d: train token error %.3f%% (%s)", ep+1, 100*float64(errs)/float64(max(n, 1)), time.Since(start).Round(time.Second))
	}
	segT := seg.Freeze(1e-3)
	m.SegKeys, m.SegVals = segT.Keys, segT.Vals

	// 4. Tagger on gold segmentation.
	// The ambiguity classes seen in training come from the other nine
	// tenths of the data (jackknifing), as a new text's words would.
	m.TagDict = buildTagDict(train, -1)
	var foldDicts [tagFolds]map[string]string
	for f := range foldDicts {
		foldDicts[f] = buildTagDict(train, f)
	}
	all := make([]int, len(train))
	for i := range all {
		all[i] = i
	}
	tagT := c.trainTagger(train, gold, all, opt.TagEpochs, rng, foldDicts, nil, logf, "tag")
	m.TagKeys, m.TagVals = tagT.Keys, tagT.Vals
	if opt.TagPasses > 1 {
		// Second pass: the same tagger with the first pass's tags of the
		// following words as features. Its training input comes from
		// first-pass taggers that did not see the sentence (4 folds).
		const folds = 4
		right := make([][]int, len(train))
		for f := 0; f < folds; f++ {
			var in, out []int
			for i := range train {
				if i%folds == f {
					out = append(out, i)
				} else {
					in = append(in, i)
				}
			}
			t := c.trainTagger(train, gold, in, opt.TagEpochs, rng, foldDicts, nil, logf, fmt.Sprintf("fold %d", f))
			ds := tableDense{t: t}
			for _, si := range out {
				c.goldWords(s, train[si], gold[si])
				c.wordFeats(s, foldDicts[si%tagFolds], true)
				c.tagPass(ds, s, nil)
				right[si] = append([]int(nil), s.tags...)
			}
		}
		t2 := c.trainTagger(train, gold, all, opt.TagEpochs, rng, foldDicts, right, logf, "tag pass 2")
		m.Tag2Keys, m.Tag2Vals = t2.Keys, t2.Vals
	}

	// 5. Lemma rule classifier.
	lem := perceptron.NewSparseTrainer()
	lemSc := trainerSparse{lem}
	lorder := rng.Perm(len(lemInsts))
	for ep := 0; ep < opt.LemEpochs; ep++ {
		errs, n := 0, 0
		rng.Shuffle(len(lorder), func(a, b int) { lorder[a], lorder[b] = lorder[b], lorder[a] })
		for _, li := range lorder {
			in := lemInsts[li]
			if shape(in.sk) != "A" {
				continue
			}
			s.lf = lemmaFeats(s.lf[:0], in.sk, in.pos)
			type lc struct {
				rule int32
				res  string
				v    float64
				fo   int
			}
			var cands []lc
			s.lcf = s.lcf[:0]
			c.lemmaCandidates(in.form, in.sk, in.pos, func(rule int32, res, kind string) {
				fo := len(s.lcf)
				s.lcf = lemmaCandFeats(s.lcf, res, in.pos, kind)
				cands = append(cands, lc{rule: rule, res: res, fo: fo})
			})
			if len(cands) == 0 {
				continue
			}
			nf := 3 // features per candidate in lemmaCandFeats
			gi, pi := -1, 0
			for k := range cands {
				h := c.lemHash[cands[k].rule]
				v := 0.0
				for _, f := range s.lf {
					v += lemSc.score(perceptron.Mix(f, h))
				}
				for _, f := range s.lcf[cands[k].fo : cands[k].fo+nf] {
					v += lemSc.score(perceptron.Mix(f, h))
				}
				cands[k].v = v
				if v > cands[pi].v {
					pi = k
				}
				if gi < 0 && Skel(cands[k].res) == Skel(in.lemma) && cands[k].res == in.lemma {
					gi = k
				}
			}
			n++
			if cands[pi].res != in.lemma {
				errs++
			}
			if gi >= 0 && cands[gi].res != cands[pi].res {
				gh, ph := c.lemHash[cands[gi].rule], c.lemHash[cands[pi].rule]
				for _, f := range s.lf {
					lem.Add(perceptron.Mix(f, gh), 1)
					lem.Add(perceptron.Mix(f, ph), -1)
				}
				for _, f := range s.lcf[cands[gi].fo : cands[gi].fo+nf] {
					lem.Add(perceptron.Mix(f, gh), 1)
				}
				for _, f := range s.lcf[cands[pi].fo : cands[pi].fo+nf] {
					lem.Add(perceptron.Mix(f, ph), -1)
				}
			}
			lem.Tick()
		}
		logf("lemma epoch %d: train error %.3f%% of %d (%s)", ep+1, 100*float64(errs)/float64(max(n, 1)), n, time.Since(start).Round(time.Second))
	}
	lemT := lem.Freeze(1e-3)
	m.LemKeys, m.LemVals = lemT.Keys, lemT.Vals

	// 6. Context choice among the lemmas of ambiguous dictionary entries.
	m.LemmaAlts = buildLemmaAlts(train)
	altT := c.trainLemmaAlts(train, gold, opt.LemEpochs, rng, logf)
	m.AltKeys, m.AltVals = altT.Keys, altT.Vals

	// 7. Keep only what analysis uses: tokens seen twice or more.
	for sk, rc := range m.Known {
		total := 0
		for _, r := range rc {
			total += int(r.Count)
		}
		if total < 2 {
			delete(m.Known, sk)
		}
	}
	for k := range m.TokenStem {
		_ = k
	}
	for _, k := range tokStem.keys() {
		sk := k[:strings.IndexByte(k, 1)]
		if _, ok := m.Known[sk]; !ok {
			continue
		}
		f, _ := tokStem.best(k)
		m.TokenStem[k] = f
	}
	// Info holds no time or path, so that a rerun writes the same bytes.
	m.Info = fmt.Sprintf("trained on %d sentences, seed %d, epochs seg %d tag %d lemma %d",
		len(train), opt.Seed, opt.SegEpochs, opt.TagEpochs, opt.LemEpochs)
	logf("%s in %s; weights: seg %d, tag %d, lemma %d", m.Info, time.Since(start).Round(time.Second), segT.Len(), tagT.Len(), lemT.Len())
	return m, nil
}

// trainTagger trains one tagging pass on the sentences idx (gold
// segmentation); right, when not nil, gives a first pass's tags per
// sentence for the right-context features.
func (c *core) trainTagger(train []conllu.Sentence, gold [][]goldTok, idx []int, epochs int, rng *rand.Rand,
	foldDicts [tagFolds]map[string]string, right [][]int, logf func(string, ...any), name string) *perceptron.Table {
	m := c.m
	s := &scratch{}
	tagger := perceptron.NewDenseTrainer(len(m.Tags))
	order := append([]int(nil), idx...)
	sc := make([]float64, len(m.Tags))
	for ep := 0; ep < epochs; ep++ {
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		errs, n := 0, 0
		for _, si := range order {
			goldTags := c.goldWords(s, train[si], gold[si])
			c.wordFeats(s, foldDicts[si%tagFolds], true)
			var r []int
			if right != nil {
				r = right[si]
			}
			p1, p2 := "<s>", "<s>"
			for j := range s.words {
				if bi := s.wf[j].sure; bi >= 0 {
					p2, p1 = p1, m.Tags[bi]
					continue
				}
				s.tf = tagFeats(s.tf[:0], s.words, s.toks, j, p1, p2, s.wf)
				if r != nil {
					s.tf = c.rightFeats(s.tf, s.words, r, j, p1)
				}
				tagger.Scores(s.tf, sc)
				bi := 0
				for k := 1; k < len(sc); k++ {
					if sc[k] > sc[bi] {
						bi = k
					}
				}
				if bi != goldTags[j] {
					tagger.Update(s.tf, goldTags[j], bi)
					errs++
				}
				tagger.Tick()
				n++
				p2, p1 = p1, m.Tags[bi]
			}
		}
		logf("%s epoch %d: train word error %.3f%%", name, ep+1, 100*float64(errs)/float64(max(n, 1)))
	}
	return tagger.Freeze(tagPrune)
}

// selfCount is the contribution of a training word to the vocabulary
// count of its own skeleton: 1 for whole tokens and stems.
func selfCount(w tagWord) int {
	if w.role == 'W' || w.role == 'S' {
		return 1
	}
	return 0
}

// fillToks turns CoNLL-U tokens into segmenter input.
func fillToks(dst []segTok, toks []conllu.Token) []segTok {
	for _, t := range toks {
		surf := StripMarks(t.Form)
		sk := Skel(surf)
		dst = append(dst, segTok{surf: surf, sk: sk, shape: shape(sk)})
	}
	return dst
}

// goldWords lays out the gold words of a sentence in s.words and returns
// their gold tag indices.
func (c *core) goldWords(s *scratch, sent conllu.Sentence, g []goldTok) []int {
	s.toks = fillToks(s.toks[:0], sent.Tokens)
	s.words = s.words[:0]
	var tags []int
	for i, t := range sent.Tokens {
		r := &c.m.Rules[g[i].rule]
		for k, w := range t.Words {
			role := byte('W')
			if len(t.Words) > 1 {
				switch {
				case k < g[i].stemIdx:
					role = 'P'
				case k == g[i].stemIdx:
					role = 'S'
				default:
					role = 'E'
				}
			}
			form := w.Form
			if len(t.Words) == 1 {
				form = t.Form
			}
			s.words = append(s.words, tagWord{form: form, sk: Skel(form), tok: i, role: role, ruleShape: r.Shape})
			tags = append(tags, c.tagIdx[w.UPOS])
		}
	}
	return tags
}

// updateSeg rewards candidate gi and penalises pi.
func (c *core) updateSeg(t *perceptron.SparseTrainer, s *scratch, gi, pi int) {
	g, p := &s.cands[gi], &s.cands[pi]
	gh, gs := c.ruleHash[g.rule], c.shapeHash[g.rule]
	ph, ps := c.ruleHash[p.rule], c.shapeHash[p.rule]
	for _, f := range s.tf {
		t.Add(perceptron.Mix(f, gh), 1)
		t.Add(perceptron.Mix(f, ph), -1)
	}
	for _, f := range s.cf[g.fo:g.fe] {
		t.Add(perceptron.Mix(f, gh), 1)
		t.Add(perceptron.Mix(f, gs), 1)
	}
	for _, f := range s.cf[p.fo:p.fe] {
		t.Add(perceptron.Mix(f, ph), -1)
		t.Add(perceptron.Mix(f, ps), -1)
	}
}

type trainerSparse struct{ t *perceptron.SparseTrainer }

func (s trainerSparse) score(key uint64) float64 { return s.t.Weight(key) }

// deriveLemmaRule finds the edge edits that turn a word skeleton into its
// lemma skeleton around their longest common substring.
func deriveLemmaRule(sk, lsk string) LemmaRule {
	a, b := []rune(sk), []rune(lsk)
	bi, bj, bn := 0, 0, 0
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			if a[i-1] == b[j-1] {
				cur[j] = prev[j-1] + 1
				if cur[j] > bn {
					bn, bi, bj = cur[j], i-cur[j], j-cur[j]
				}
			} else {
				cur[j] = 0
			}
		}
		prev, cur = cur, prev
	}
	r := LemmaRule{
		StripL: string(a[:bi]), AddL: string(b[:bj]),
		StripR: string(a[bi+bn:]), AddR: string(b[bj+bn:]),
	}
	if bn == 0 {
		r = LemmaRule{StripL: sk, AddL: lsk}
	}
	r.Key = r.StripL + ">" + r.AddL + ":" + r.StripR + ">" + r.AddR
	return r
}

// deriveLexRules finds the affix strips (up to three letters each side)
// whose remaining core is a lexicon stem with the gold lemma.
func deriveLexRules(sk, lsk string, stemLemma map[string]string) []LemmaRule {
	if len(stemLemma) == 0 {
		return nil
	}
	rs := []rune(sk)
	var out []LemmaRule
	for i := 0; i <= 3 && i < len(rs); i++ {
		for j := 0; j <= 3 && i+j < len(rs)-1; j++ {
			core := string(rs[i : len(rs)-j])
			if l, ok := stemLemma[core]; ok && Skel(l) == lsk {
				r := LemmaRule{StripL: string(rs[:i]), StripR: string(rs[len(rs)-j:]), Lex: true}
				r.Key = "x:" + r.StripL + ":" + r.StripR
				out = append(out, r)
			}
		}
	}
	return out
}

const tagFolds = 10

// A word seen sureMin times or more with one tag in sureShare of them is
// tagged from the dictionary without scoring.
const (
	sureMin   = 20
	sureShare = 0.995
)

// buildTagDict gives each word seen three times or more its ambiguity
// class: the tags it takes at least 10% of the time, sorted.
func buildTagDict(train []conllu.Sentence, fold int) map[string]string {
	counts := map[string]map[string]int{}
	for si, s := range train {
		if si%tagFolds == fold {
			continue
		}
		for _, t := range s.Tokens {
			for _, w := range t.Words {
				form := w.Form
				if len(t.Words) == 1 {
					form = t.Form
				}
				sk := Skel(form)
				if counts[sk] == nil {
					counts[sk] = map[string]int{}
				}
				counts[sk][w.UPOS]++
			}
		}
	}
	out := map[string]string{}
	for sk, tc := range counts {
		total := 0
		for _, n := range tc {
			total += n
		}
		if total < 2 {
			continue
		}
		var tags []string
		for t, n := range tc {
			if 10*n >= total {
				tags = append(tags, t)
			}
		}
		sort.Strings(tags)
		out[sk] = strings.Join(tags, "/")
		if len(tags) == 1 && total >= sureMin && float64(tc[tags[0]]) >= sureShare*float64(total) {
			out[sk] += "!"
		}
	}
	return out
}

// minLemmaRule is how often a lemma rule must occur in training to be
// tried on unknown words: rarer rules cost time and rarely win.
const minLemmaRule = 3

// tagPrune drops tagger feature rows whose largest averaged weight is
// below it: a smaller table is faster to query and barely less accurate.
const tagPrune = 0.1

// buildLemmaAlts finds the skeleton+UPOS entries whose (mark-stripped)
// lemma varies in the treebank: each lemma with 10% of the uses and three
// occurrences is an alternative, given in its most frequent spelling.
func buildLemmaAlts(train []conllu.Sentence) map[string]string {
	votes := counter{}
	spell := counter{}
	for _, s := range train {
		for _, t := range s.Tokens {
			for _, w := range t.Words {
				if w.Lemma == "" || w.Lemma == "_" {
					continue
				}
				k := Skel(StripMarks(w.Form)) + "|" + w.UPOS
				votes.add(k, LemmaKey(w.Lemma))
				spell.add(LemmaKey(w.Lemma), w.Lemma)
			}
		}
	}
	out := map[string]string{}
	for _, k := range votes.keys() {
		total := 0
		for _, n := range votes[k] {
			total += n
		}
		var alts []string
		for _, l := range sortedKeys(votes[k]) {
			if n := votes[k][l]; n >= 3 && 10*n >= total {
				v, _ := spell.best(l)
				alts = append(alts, v)
			}
		}
		if len(alts) >= 2 {
			out[k] = strings.Join(alts, "\x02")
		}
	}
	return out
}

// trainLemmaAlts trains the context classifier of LemmaAlts on the
// treebank words with bare spellings, as analysis meets them.
func (c *core) trainLemmaAlts(train []conllu.Sentence, gold [][]goldTok, epochs int, rng *rand.Rand, logf func(string, ...any)) *perceptron.Table {
	t := perceptron.NewSparseTrainer()
	s := &scratch{}
	order := rng.Perm(len(train))
	var feats []uint64
	for ep := 0; ep < epochs; ep++ {
		errs, n := 0, 0
		for _, si := range order {
			c.goldWords(s, train[si], gold[si])
			j := 0
			for _, tok := range train[si].Tokens {
				for _, w := range tok.Words {
					form := StripMarks(w.Form)
					alts, ok := c.m.LemmaAlts[Skel(form)+"|"+w.UPOS]
					if ok && form == Skel(form) && w.Lemma != "" && w.Lemma != "_" {
						feats = altFeats(feats[:0], s.words, j)
						goldKey := LemmaKey(w.Lemma)
						var bh, gh uint64
						bv, bk := 0.0, ""
						found := false
						for a := range strings.SplitSeq(alts, "\x02") {
							ak := LemmaKey(a)
							h := perceptron.Hash(103, ak)
							if ak == goldKey {
								gh, found = h, true
							}
							v := t.Score(feats, h)
							if bk == "" || v > bv {
								bv, bk, bh = v, ak, h
							}
						}
						n++
						if bk != goldKey {
							errs++
							if found {
								t.Update(feats, gh, bh)
							}
						}
						t.Tick()
					}
					j++
				}
			}
		}
		logf("lemma context epoch %d: train error %.2f%% of %d", ep+1, 100*float64(errs)/float64(max(n, 1)), n)
	}
	return t.Freeze(1e-3)
}

// wordSpellTotal is the number of occurrences behind a spelling vote.
func wordSpellTotal(votes map[string]int) int {
	n := 0
	for _, c := range votes {
		n += c
	}
	return n
}

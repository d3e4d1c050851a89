package morph

import (
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/morph/lexicon"
	"khabar/morph/perceptron"
)

// core holds what segmentation, tagging and lemmatisation share between
// training and analysis. It is read-only once built.
type core struct {
	m         *Model
	ruleHash  []uint64
	shapeHash []uint64
	identity  int32
	lemHash   []uint64
	tagIdx    map[string]int
	// lemIdx groups the lemma rules of a UPOS by the letters they strip at
	// the end (pos + "|" + StripR), so a word only tries rules that fit.
	lemIdx  map[string][]int32
	lemMaxR int // longest StripR in runes
	// genIdx groups the general segmentation rules by the letters their
	// clitics take (PreSurf + "\x00" + SufSurf), so an unknown token only
	// tries the rules whose clitics it starts and ends with.
	genIdx               map[string][]int32
	genMaxPre, genMaxSuf int
	// ruleID finds a rule by its key.
	ruleID map[string]int32
	// tokStem is Model.TokenStem keyed by token skeleton and rule index.
	tokStem map[tokStemKey]string
	// info merges the per-word tables (vocabulary, lexicon, corpus counts,
	// ambiguity classes) so that a word costs one look-up.
	info map[string]wordInfo
	// lemBySk, built for analysis only (see prepareAnalysis), regroups
	// LemmaDict and LemmaAlts by word skeleton, so that a word's dictionary
	// lemmas cost one look-up without building keys. Training leaves it
	// nil: it fills those maps while the core lives.
	lemBySk map[string]*lemEntry
}

// lemEntry holds the LemmaDict and LemmaAlts entries of one skeleton.
type lemEntry struct {
	dict  []posValue   // LemmaDict[sk+"|"+pos]
	alts  []posValue   // LemmaAlts[sk+"|"+pos]
	exact []exactValue // LemmaDict["e:"+form+"|"+pos], form of this skeleton
}

type posValue struct{ pos, val string }

type exactValue struct{ form, pos, val string }

func findPOS(vs []posValue, pos string) (string, bool) {
	for i := range vs {
		if vs[i].pos == pos {
			return vs[i].val, true
		}
	}
	return "", false
}

// prepareAnalysis builds the analysis-only indexes; the model must not
// change afterwards.
func (c *core) prepareAnalysis() {
	idx := make(map[string]*lemEntry, len(c.m.LemmaDict))
	entry := func(k string) *lemEntry {
		e := idx[k]
		if e == nil {
			e = &lemEntry{}
			idx[k] = e
		}
		return e
	}
	// A key is head + "|" + UPOS and no UPOS holds "|": split at the last.
	for _, k := range sortedKeys(c.m.LemmaDict) {
		i := strings.LastIndexByte(k, '|')
		if i < 0 {
			continue // no look-up can reach it
		}
		head, pos, v := k[:i], k[i+1:], c.m.LemmaDict[k]
		e := entry(head)
		e.dict = append(e.dict, posValue{pos, v})
		if form, ok := strings.CutPrefix(head, "e:"); ok {
			e := entry(Skel(form))
			e.exact = append(e.exact, exactValue{form, pos, v})
		}
	}
	for _, k := range sortedKeys(c.m.LemmaAlts) {
		if i := strings.LastIndexByte(k, '|'); i >= 0 {
			e := entry(k[:i])
			e.alts = append(e.alts, posValue{k[i+1:], c.m.LemmaAlts[k]})
		}
	}
	c.lemBySk = idx
}

// dictLemmas gives the LemmaAlts entry of sk and pos and the LemmaDict
// entries of the exact spelling form and of sk.
func (c *core) dictLemmas(form, sk, pos string) (alts string, altsOK bool, exact string, exactOK bool, dict string, dictOK bool) {
	if c.lemBySk == nil {
		alts, altsOK = c.m.LemmaAlts[sk+"|"+pos]
		exact, exactOK = c.m.LemmaDict["e:"+form+"|"+pos]
		dict, dictOK = c.m.LemmaDict[sk+"|"+pos]
		return
	}
	e := c.lemBySk[sk]
	if e == nil {
		return
	}
	alts, altsOK = findPOS(e.alts, pos)
	for i := range e.exact {
		if x := &e.exact[i]; x.pos == pos && x.form == form {
			exact, exactOK = x.val, true
			break
		}
	}
	dict, dictOK = findPOS(e.dict, pos)
	return
}

// dictLemma is LemmaDict[sk+"|"+pos].
func (c *core) dictLemma(sk, pos string) (string, bool) {
	if c.lemBySk == nil {
		l, ok := c.m.LemmaDict[sk+"|"+pos]
		return l, ok
	}
	if e := c.lemBySk[sk]; e != nil {
		return findPOS(e.dict, pos)
	}
	return "", false
}

type tokStemKey struct {
	tok  string
	rule int32
}

// wordInfo is what the model knows of one word skeleton.
type wordInfo struct {
	vocab, corp int32
	lex         uint16
	amb         string
}

// wordFeats fills s.wf for the words of s.words; dict, when not nil,
// replaces the model's ambiguity classes (training folds) and self
// removes each word's own vocabulary count (training).
func (c *core) wordFeats(s *scratch, dict map[string]string, self bool) {
	s.wf = s.wf[:0]
	for j := range s.words {
		sk := s.words[j].sk
		inf := c.info[sk]
		amb := inf.amb
		if dict != nil {
			amb = dict[sk]
		}
		wf := wordFeat{vocab: int(inf.vocab), corp: int(inf.corp), lex: c.lexFlags(sk), amb: amb, sure: -1}
		if self {
			wf.vocab -= selfCount(s.words[j])
		}
		if wf.amb == "" {
			wf.amb = "?"
		} else if n := len(amb); amb[n-1] == '!' {
			if i, ok := c.tagIdx[amb[:n-1]]; ok {
				wf.sure = i
			}
		}
		s.wf = append(s.wf, wf)
	}
}

func newCore(m *Model) *core {
	c := &core{m: m, identity: -1, tagIdx: map[string]int{}}
	for i := range m.Rules {
		c.ruleHash = append(c.ruleHash, perceptron.Hash(100, m.Rules[i].Key))
		c.shapeHash = append(c.shapeHash, perceptron.Hash(101, m.Rules[i].Shape))
		if m.Rules[i].Key == identityKey {
			c.identity = int32(i)
		}
	}
	for i := range m.LemRules {
		c.lemHash = append(c.lemHash, perceptron.Hash(102, m.LemRules[i].Key))
	}
	for i, t := range m.Tags {
		c.tagIdx[t] = i
	}
	c.info = m.wordTable()
	ruleID := make(map[string]int32, len(m.Rules))
	for i := range m.Rules {
		ruleID[m.Rules[i].Key] = int32(i)
	}
	c.ruleID = ruleID
	c.tokStem = make(map[tokStemKey]string, len(m.TokenStem))
	for k, f := range m.TokenStem {
		tok, key, ok := strings.Cut(k, "\x01")
		if id, known := ruleID[key]; ok && known {
			c.tokStem[tokStemKey{tok, id}] = f
		}
	}
	c.genIdx = map[string][]int32{}
	for _, id := range m.Generic {
		r := &m.Rules[id]
		k := r.PreSurf + "\x00" + r.SufSurf
		c.genIdx[k] = append(c.genIdx[k], id)
		c.genMaxPre = max(c.genMaxPre, utf8.RuneCountInString(r.PreSurf))
		c.genMaxSuf = max(c.genMaxSuf, utf8.RuneCountInString(r.SufSurf))
	}
	c.lemIdx = map[string][]int32{}
	for pos, ids := range m.LemByPOS {
		for _, id := range ids {
			r := &m.LemRules[id]
			k := pos + "|" + r.StripR
			c.lemIdx[k] = append(c.lemIdx[k], id)
			c.lemMaxR = max(c.lemMaxR, utf8.RuneCountInString(r.StripR))
		}
	}
	return c
}

// sparseScorer scores one class over features: a frozen table or a trainer.
type sparseScorer interface {
	score(key uint64) float64
}

type tableScorer struct{ t *perceptron.Table }

func (s tableScorer) score(key uint64) float64 { return float64(s.t.Weight(key)) }

// segCand is one candidate analysis of a token; its own features are
// cf[fo:fe] of the scratch.
type segCand struct {
	rule   int32
	stem   string // stem as cut from the surface (before restoration)
	fo, fe int
}

// exclusion removes one training instance's own contribution from the
// counts its features are built on, so that training sees the counts
// analysis will see for a token it has not met.
type exclusion struct {
	on     bool
	rule   int32
	stemSk string
}

// scratch is per-call working memory.
type scratch struct {
	toks  []segTok
	tf    []uint64
	cf    []uint64
	cands []segCand
	rules []int32
	stems []string
	words []tagWord
	tags  []int
	sc    []float64
	lf    []uint64
	lcf   []uint64
	wf    []wordFeat
	right []int
	// The analysis memo (memo.go) and a sentence's entries in it.
	memo     *memo
	memoToks []segTok
	memos    []*tokMemo
	wms      []*wordMemo
	slots    []int32
}

// knownRules returns the rules a token took in training and their total,
// less the excluded instance.
func (c *core) knownRules(sk string, ex exclusion) ([]RuleCount, int) {
	rc := c.m.Known[sk]
	total := 0
	for _, r := range rc {
		total += int(r.Count)
	}
	if ex.on {
		total--
	}
	return rc, total
}

// candidates fills s.cands (and s.cf) for token i.
func (c *core) candidates(s *scratch, i int, ex exclusion) (known bool) {
	t := &s.toks[i]
	s.cands = s.cands[:0]
	s.cf = s.cf[:0]
	if t.shape != "A" {
		s.cands = append(s.cands, segCand{rule: c.identity, stem: t.surf})
		return true
	}
	rc, total := c.knownRules(t.sk, ex)
	known = total >= 2
	// The token's corpus count is looked up only once a candidate needs
	// it: a known token with one analysis never does.
	corpTok, corpDone := 0, false
	add := func(r int32, cnt int) {
		stem, ok := c.m.Rules[r].apply(t.sk, t.surf)
		if !ok {
			return
		}
		if !corpDone {
			corpTok, corpDone = int(c.info[t.sk].corp), true
		}
		stemSk := Skel(stem)
		inf := c.info[stemSk]
		v := int(inf.vocab)
		if ex.on && stemSk == ex.stemSk {
			v--
		}
		prior := "-"
		if known {
			prior = priorBucket(cnt, total)
		}
		fo := len(s.cf)
		s.cf = candFeats(s.cf, stemSk, v, inf.lex, prior, int(inf.corp), corpTok)
		s.cands = append(s.cands, segCand{rule: r, stem: stem, fo: fo, fe: len(s.cf)})
	}
	if known {
		live := 0
		for _, r := range rc {
			if int(r.Count) > 1 || !ex.on || r.Rule != ex.rule {
				live++
			}
		}
		if live == 1 && !ex.on {
			// One analysis seen: nothing to score, so no features.
			if stem, ok := c.m.Rules[rc[0].Rule].apply(t.sk, t.surf); ok {
				s.cands = append(s.cands, segCand{rule: rc[0].Rule, stem: stem})
				return true
			}
		}
		for _, r := range rc {
			n := int(r.Count)
			if ex.on && r.Rule == ex.rule {
				n--
			}
			if n > 0 {
				add(r.Rule, n)
			}
		}
		if len(s.cands) > 0 {
			return true
		}
		known = false
	}
	add(c.identity, 0)
	var key [128]byte
	for i := 0; i <= c.genMaxPre; i++ {
		pre := runePrefix(t.sk, i)
		if i > 0 && len(pre) == len(runePrefix(t.sk, i-1)) {
			break
		}
		for j := 0; j <= c.genMaxSuf; j++ {
			suf := runeSuffix(t.sk, j)
			if len(pre)+len(suf) >= len(t.sk) || j > 0 && len(suf) == len(runeSuffix(t.sk, j-1)) {
				break
			}
			if len(pre)+len(suf)+1 > len(key) {
				break
			}
			k := append(append(append(key[:0], pre...), 0), suf...)
			for _, r := range c.genIdx[string(k)] {
				add(r, 0)
			}
		}
	}
	return false
}

// scoreCand scores candidate k of token features tf.
func (c *core) scoreCand(sc sparseScorer, tf, cf []uint64, cand *segCand) float64 {
	rh, sh := c.ruleHash[cand.rule], c.shapeHash[cand.rule]
	v := 0.0
	for _, f := range tf {
		v += sc.score(perceptron.Mix(f, rh))
	}
	for _, f := range cf[cand.fo:cand.fe] {
		v += sc.score(perceptron.Mix(f, rh)) + sc.score(perceptron.Mix(f, sh))
	}
	return v
}

// best picks the highest-scoring candidate; ties go to the earlier one.
func (c *core) best(sc sparseScorer, s *scratch) int {
	bi, bv := 0, 0.0
	for k := range s.cands {
		v := c.scoreCand(sc, s.tf, s.cf, &s.cands[k])
		if k == 0 || v > bv {
			bi, bv = k, v
		}
	}
	return bi
}

// articleNoun reports whether rule r would split a pronoun off an unseen
// token that is better read as ال before a noun (المتهم is ال + متهم, not
// ألمت + هم): a noun with the article takes no pronoun. The words in ال
// that do take one (إليه, ألقاها, التزامه) are mostly no noun without it;
// where they are (التزامنا: تزامن), the stem the split leaves is the more
// frequent word in raw news text. Dev: Words F1 +0.02, no token broken.
func (c *core) articleNoun(t *segTok, r int32, stem string) bool {
	rule := &c.m.Rules[r]
	if len(rule.Suf) == 0 || len(rule.Pre) > 0 || !strings.HasPrefix(t.sk, "ال") {
		return false
	}
	inf := c.info[t.sk[len("ال"):]]
	return (inf.vocab >= 1 || inf.lex&(lexicon.FlagBAMANoun|lexicon.FlagBAMAAdj) != 0) && c.info[Skel(stem)].corp <= inf.corp
}

// procliticArticle splits و, ف, ب or ك off an unseen token whose rest is
// ال and three letters or more (والخضراوات = و + الخضراوات) and more
// frequent than the token in raw news text (a name such as باليرمو or
// كاليفورنيا is not). It returns the rule and the stem's spelling.
func (c *core) procliticArticle(t *segTok) (int32, string, bool) {
	for _, p := range [...]string{"و", "ف", "ب", "ك"} {
		rest, ok := strings.CutPrefix(t.sk, p)
		if !ok || !strings.HasPrefix(rest, "ال") || utf8.RuneCountInString(rest) < 5 || c.info[rest].corp <= c.info[t.sk].corp {
			continue
		}
		id, ok := c.ruleID["R:"+p+":"+p+":::>:>::"]
		if !ok {
			return 0, "", false
		}
		stem, ok := c.m.Rules[id].apply(t.sk, t.surf)
		if !ok {
			return 0, "", false
		}
		return id, c.restore(t.sk, id, stem, false), true
	}
	return 0, "", false
}

// compose analyses a token unseen in training that is و or ف before a
// token seen at least three times with one split in 80% of them (وبأنه =
// و + بأنه, فإننا = ف + إننا, وعلينا = و + علينا): the proclitic joins
// that split, when the treebank has the joined rule. It returns the rule
// and the stem's spelling.
func (c *core) compose(t *segTok) (int32, string, bool) {
	var p string
	switch {
	case strings.HasPrefix(t.sk, "و"):
		p = "و"
	case strings.HasPrefix(t.sk, "ف"):
		p = "ف"
	default:
		return 0, "", false
	}
	rest := t.sk[len(p):]
	rc := c.m.Known[rest]
	if len(rc) == 0 {
		return 0, "", false
	}
	total := 0
	for _, r := range rc {
		total += int(r.Count)
	}
	top := rc[0]
	r := &c.m.Rules[top.Rule]
	if total < 3 || 10*int(top.Count) < 8*total || top.Rule == c.identity || r.Lit != nil {
		return 0, "", false
	}
	// Key: "R:" PreSurf ":" Pre ":" the rest (see deriveRule).
	parts := strings.SplitN(r.Key, ":", 4)
	if len(parts) != 4 || parts[0] != "R" {
		return 0, "", false
	}
	pre := p
	if parts[2] != "" {
		pre += "+" + parts[2]
	}
	id, ok := c.ruleID["R:"+p+parts[1]+":"+pre+":"+parts[3]]
	if !ok {
		return 0, "", false
	}
	stem, ok := c.m.Rules[id].apply(t.sk, t.surf)
	if !ok {
		return 0, "", false
	}
	if f, ok := c.tokStem[tokStemKey{rest, top.Rule}]; ok {
		stem = f
	} else {
		stem = c.restore(rest, top.Rule, stem, false)
	}
	return id, stem, true
}

// restore gives the PADT spelling of a cut stem.
func (c *core) restore(tokSk string, rule int32, stem string, known bool) string {
	r := &c.m.Rules[rule]
	if r.StemLit != "" || r.Lit != nil || rule == c.identity {
		return stem
	}
	if known {
		if f, ok := c.tokStem[tokStemKey{tokSk, rule}]; ok {
			return f
		}
	}
	sk := Skel(stem)
	if f, ok := c.m.Restore[sk]; ok {
		return f
	}
	if f, ok := c.m.WordSpell[sk]; ok {
		return f
	}
	if len(r.Suf) > 0 && strings.HasSuffix(sk, "ا") && c.info[sk].vocab == 0 {
		// A final ى is written ا before a pronoun (أرداه = أردى + ه,
		// مداها = مدى + ها): an unknown stem in ا is the known word in ى.
		alt := sk[:len(sk)-len("ا")] + "ى"
		if inf := c.info[alt]; inf.vocab > 0 || inf.lex != 0 {
			if f, ok := c.m.Restore[alt]; ok {
				return f
			}
			if f, ok := c.m.WordSpell[alt]; ok {
				return f
			}
			return stem[:len(stem)-len("ا")] + "ى"
		}
	}
	if len(r.Suf) > 0 && strings.HasSuffix(sk, "ت") && c.info[sk].vocab == 0 && c.info[sk].lex == 0 {
		// The same for ة, written ت before a pronoun (قدرتنا = قدرة + نا).
		alt := sk[:len(sk)-len("ت")] + "ة"
		if inf := c.info[alt]; inf.vocab > 0 {
			if f, ok := c.m.Restore[alt]; ok {
				return f
			}
			return stem[:len(stem)-len("ت")] + "ة"
		}
	}
	if strings.HasPrefix(sk, "ال") {
		if f, ok := c.m.WordSpell[sk[len("ال"):]]; ok {
			return stem[:len("ال")] + f
		}
	}
	return stem
}

// segment chooses the rule of every token of s.toks into s.rules and the
// stem spelling into s.stems.
func (c *core) segment(sc sparseScorer, s *scratch) {
	s.rules = s.rules[:0]
	s.stems = s.stems[:0]
	prev := "<s>"
	for i := range s.toks {
		known := c.candidates(s, i, exclusion{})
		k := 0
		if len(s.cands) > 1 {
			s.tf = tokenFeats(s.tf[:0], s.toks, i, prev, known)
			k = c.best(sc, s)
		}
		r, stem := c.decide(&s.toks[i], known, s.cands, k)
		s.rules = append(s.rules, r)
		s.stems = append(s.stems, stem)
		prev = c.m.Rules[r].Key
	}
}

// decide turns the best-scoring candidate k of token t into its rule and
// stem spelling. It reads nothing of the context, so that the analysis can
// remember its answer per token and candidate (see memo.go).
func (c *core) decide(t *segTok, known bool, cands []segCand, k int) (int32, string) {
	cand := cands[k]
	if !known && k != 0 && c.articleNoun(t, cand.rule, cand.stem) {
		// cands[0] is the identity rule of an unknown token.
		cand = cands[0]
	}
	if !known && len(c.m.Rules[cand.rule].Pre) == 0 {
		if r, stem, ok := c.procliticArticle(t); ok {
			return r, stem
		}
	}
	if !known {
		if r, stem, ok := c.compose(t); ok {
			return r, stem
		}
	}
	return cand.rule, c.restore(t.sk, cand.rule, cand.stem, known)
}

// buildWords lays out the words of the segmented tokens for the tagger.
func (c *core) buildWords(s *scratch, tokText []string) {
	s.words = s.words[:0]
	for i, r := range s.rules {
		rule := &c.m.Rules[r]
		if rule.Key == identityKey {
			s.words = append(s.words, tagWord{form: tokText[i], sk: s.toks[i].sk, tok: i, role: 'W', ruleShape: rule.Shape})
			continue
		}
		if rule.Lit != nil {
			for k, f := range rule.Lit {
				role := byte('E')
				if k == 0 {
					role = 'P'
				}
				s.words = append(s.words, tagWord{form: f, sk: Skel(f), tok: i, role: role, ruleShape: rule.Shape})
			}
			continue
		}
		for _, f := range rule.Pre {
			s.words = append(s.words, tagWord{form: f, sk: Skel(f), tok: i, role: 'P', ruleShape: rule.Shape})
		}
		s.words = append(s.words, tagWord{form: s.stems[i], sk: Skel(s.stems[i]), tok: i, role: 'S', ruleShape: rule.Shape})
		for _, f := range rule.Suf {
			s.words = append(s.words, tagWord{form: f, sk: Skel(f), tok: i, role: 'E', ruleShape: rule.Shape})
		}
	}
}

// denseScorer scores all tags at once.
type denseScorer interface {
	scores(feats []uint64, out []float64)
}

type tableDense struct {
	t *perceptron.Table
}

func (d tableDense) scores(feats []uint64, out []float64) {
	var acc [64]float32
	n := len(out)
	if n > len(acc) {
		for i := range out {
			out[i] = 0
		}
		for _, f := range feats {
			if row := d.t.Row(f); row != nil {
				for k, w := range row {
					out[k] += float64(w)
				}
			}
		}
		return
	}
	a := acc[:n]
	for _, f := range feats {
		if row := d.t.Row(f); row != nil {
			row = row[:n]
			for k, w := range row {
				a[k] += w
			}
		}
	}
	for i, v := range a {
		out[i] = float64(v)
	}
}

// add adds the rows of feats to acc (len(acc) tags, at most 64) in the
// order scores does, so that a sum begun here and finished by another add
// is the sum scores gives.
func (d tableDense) add(acc []float32, feats []uint64) {
	n := len(acc)
	for _, f := range feats {
		if row := d.t.Row(f); row != nil {
			row = row[:n]
			for k, w := range row {
				acc[k] += w
			}
		}
	}
}

// tag assigns a UPOS to every word of s.words into s.tags: one pass, or
// two when the model has a second-pass table.
func (c *core) tag(ds denseScorer, ds2 denseScorer, s *scratch) {
	c.wordFeats(s, nil, false)
	c.tagPass(ds, s, nil)
	if ds2 != nil {
		s.right = append(s.right[:0], s.tags...)
		c.tagPass(ds2, s, s.right)
	}
}

// tagPass tags s.words left to right (s.wf filled); right holds an earlier
// pass's tags for the right-context features, or nil.
func (c *core) tagPass(ds denseScorer, s *scratch, right []int) {
	s.tags = s.tags[:0]
	n := len(c.m.Tags)
	if cap(s.sc) < n {
		s.sc = make([]float64, n)
	}
	sc := s.sc[:n]
	p1, p2 := "<s>", "<s>"
	for j := range s.words {
		if bi := s.wf[j].sure; bi >= 0 {
			s.tags = append(s.tags, bi)
			p2, p1 = p1, c.m.Tags[bi]
			continue
		}
		s.tf = tagFeats(s.tf[:0], s.words, s.toks, j, p1, p2, s.wf)
		if right != nil {
			s.tf = c.rightFeats(s.tf, s.words, right, j, p1)
		}
		ds.scores(s.tf, sc)
		bi := 0
		for k := 1; k < n; k++ {
			if sc[k] > sc[bi] {
				bi = k
			}
		}
		s.tags = append(s.tags, bi)
		p2, p1 = p1, c.m.Tags[bi]
	}
}

// rightFeats are the second pass's features: the tags the first pass gave
// the next words.
func (c *core) rightFeats(dst []uint64, words []tagWord, right []int, j int, prevTag string) []uint64 {
	t := func(k int) string {
		if k >= len(right) {
			return "</s>"
		}
		return c.m.Tags[right[k]]
	}
	n1, n2 := t(j+1), t(j+2)
	return append(dst,
		perceptron.Hash(tRightTag, n1),
		perceptron.Hash2(tRightTags, n1, n2),
		perceptron.Hash2(tRightTagSk, n1, words[j].sk),
		perceptron.Hash2(tRightPrev, prevTag, n1),
		perceptron.Hash2(tRightSelf, t(j), n1),
	)
}

// applyLemmaRule turns the mark-stripped form into a lemma with rule r.
func (c *core) applyLemmaRule(r *LemmaRule, form, sk string) (string, bool) {
	if len(r.StripL)+len(r.StripR) > len(sk) || !strings.HasPrefix(sk, r.StripL) || !strings.HasSuffix(sk, r.StripR) {
		return "", false
	}
	if r.Lex {
		l, ok := c.m.StemLemma[sk[len(r.StripL):len(sk)-len(r.StripR)]]
		return l, ok
	}
	core := form[len(r.StripL) : len(form)-len(r.StripR)]
	if core == "" && r.AddL == "" && r.AddR == "" {
		return "", false
	}
	return r.AddL + core + r.AddR, true
}

// lemmaCandidates reports every lemma the rules of pos give for a word:
// the edited form as it is (kind "r+" when the lexicons spell it so, "r-"
// when they do not know it, "rs" when they spell it otherwise), that other
// spelling ("s"), and lexicon stem lemmas ("x").
func (c *core) lemmaCandidates(form, sk, pos string, fn func(rule int32, res, kind string)) {
	// A word the lexicons know as an inflected stem of another lemma (a
	// broken plural such as مجالس) marks every candidate, so that the
	// classifier learns to trust the lexicon's lemma there.
	core := strings.TrimPrefix(sk, "ال")
	if l, ok := c.m.StemLemma[core]; ok && Skel(l) != core {
		inner := fn
		fn = func(rule int32, res, kind string) { inner(rule, res, kind+"L") }
	}
	var key [64]byte
	for n := 0; n <= c.lemMaxR; n++ {
		suf := runeSuffix(sk, n)
		if n > 0 && len(suf) == len(runeSuffix(sk, n-1)) {
			break
		}
		k := append(append(append(key[:0], pos...), '|'), suf...)
		c.lemmaBucket(c.lemIdx[string(k)], form, sk, fn)
	}
}

func (c *core) lemmaBucket(ids []int32, form, sk string, fn func(rule int32, res, kind string)) {
	for _, r := range ids {
		lr := &c.m.LemRules[r]
		res, ok := c.applyLemmaRule(lr, form, sk)
		if !ok {
			continue
		}
		if lr.Lex {
			fn(r, res, "x")
			continue
		}
		sp, in := c.m.LemmaSpell[Skel(res)]
		switch {
		case !in:
			fn(r, res, "r-")
		case sp == res:
			fn(r, res, "r+")
		default:
			fn(r, res, "rs")
			fn(r, sp, "s")
		}
	}
}

// lemma returns the lemma of a tagged word.
func (c *core) lemma(sc sparseScorer, alt sparseScorer, s *scratch, j int, form, pos string) string {
	l, alts, ctx := c.lemmaOf(sc, s, form, pos)
	if ctx {
		return c.altLemma(alt, s, j, alts)
	}
	return l
}

// altLemma chooses among the lemmas alts (joined by "\x02") of word j by
// its context.
func (c *core) altLemma(alt sparseScorer, s *scratch, j int, alts string) string {
	s.lf = altFeats(s.lf[:0], s.words, j)
	best, bv := "", 0.0
	for a := range strings.SplitSeq(alts, "\x02") {
		h := perceptron.Hash(103, LemmaKey(a))
		v := 0.0
		for _, f := range s.lf {
			v += alt.score(perceptron.Mix(f, h))
		}
		if best == "" || v > bv {
			best, bv = a, v
		}
	}
	return best
}

// lemmaOf returns the lemma of a word of form and pos, which depends on
// nothing else, or ctx and the lemmas among which the context chooses
// (altLemma).
func (c *core) lemmaOf(sc sparseScorer, s *scratch, form, pos string) (lemma, alts string, ctx bool) {
	switch pos {
	case "PUNCT", "SYM":
		return form, "", false
	}
	form = StripMarks(form)
	sk := foldHamza(form) // Skel(form)
	alts, altsOK, exact, exactOK, dict, dictOK := c.dictLemmas(form, sk, pos)
	if altsOK && form == sk {
		// A bare spelling whose lemma the treebank varies: ask the context.
		return "", alts, true
	}
	if exactOK { // exact spelling first
		return exact, "", false
	}
	if dictOK {
		return dict, "", false
	}
	if pos == "NOUN" || pos == "ADJ" {
		// The article does not change a noun's lemma: look the word up
		// with it added or removed.
		alt := "ال" + sk
		if strings.HasPrefix(sk, "ال") {
			alt = sk[len("ال"):]
		}
		if l, ok := c.dictLemma(alt, pos); ok {
			return l, "", false
		}
	}
	if shape(sk) != "A" {
		return form, "", false
	}
	s.lf = lemmaFeats(s.lf[:0], sk, pos)
	best, bv := form, 0.0
	first := true
	c.lemmaCandidates(form, sk, pos, func(rule int32, res, kind string) {
		// A lemma no lexicon knows is only taken when it is the word less
		// the article or a suffix: an edit that adds letters or cuts the
		// start of an unknown word (وترامب tagged as a verb gave ورامب, ترامب as a
		// noun ترامبة) was right less often than the word itself (dev
		// lemma accuracy 96.76 -> 96.83). Training still sees these
		// candidates; dropping them there too scored 96.79.
		if lr := &c.m.LemRules[rule]; kind == "r-" && (lr.AddL != "" || lr.AddR != "" || lr.StripL != "" && lr.StripL != "ال") {
			return
		}
		s.lcf = lemmaCandFeats(s.lcf[:0], res, pos, kind)
		h := c.lemHash[rule]
		v := 0.0
		for _, f := range s.lf {
			v += sc.score(perceptron.Mix(f, h))
		}
		for _, f := range s.lcf {
			v += sc.score(perceptron.Mix(f, h))
		}
		if first || v > bv {
			best, bv, first = res, v, false
		}
	})
	if first {
		if l, ok := c.m.LemmaForm[sk]; ok {
			return l, "", false
		}
	}
	return best, "", false
}

// sortRuleCounts orders a token's rules by falling count, then id.
func sortRuleCounts(rc []RuleCount) {
	sort.Slice(rc, func(a, b int) bool {
		if rc[a].Count != rc[b].Count {
			return rc[a].Count > rc[b].Count
		}
		return rc[a].Rule < rc[b].Rule
	})
}

package morph

import "khabar/morph/perceptron"

// The memo path's tagger looks most of a word's context features up once:
// of the 25 features tagFeatsCtx makes for a word, 8 read the word alone
// and 7 read one neighbour alone, so each word keeps the table slots of
// those (its own, and the ones it gives as a neighbour), and the tags'
// features are looked up once per analyser. Only the features that pair
// the word with a neighbour or a tag are hashed and looked up per use. The
// rows are added in tagFeatsCtx's order, so the sums are the plain path's
// bit for bit (TestCtxSlots, TestMemoSame).

// noSlot marks a feature the table does not know.
const noSlot = -1

// slotOf returns the slot of key in t, or noSlot: the probe of
// perceptron.Table.Row, answering where the row is rather than the row.
func slotOf(t *perceptron.Table, key uint64) int32 {
	mask := uint64(len(t.Keys) - 1)
	j := key & mask
	for {
		switch t.Keys[j] {
		case key:
			return int32(j)
		case 0:
			return noSlot
		}
		j = (j + 1) & mask
	}
}

// addSlots adds the rows at slots (noSlot skipped) to acc, in order.
func addSlots(t *perceptron.Table, acc []float32, slots []int32) {
	n, w := len(acc), t.Width
	for _, j := range slots {
		if j < 0 {
			continue
		}
		row := t.Vals[int(j)*w : int(j)*w+n]
		for k, v := range row {
			acc[k] += v
		}
	}
}

// wordSlots are the slots of a word's context features that read it alone.
type wordSlots struct {
	// own: tShape, tRoleShape, tLex, tLex2, tLex3, tVocab, tCurAmb,
	// tCorpus, as the word being tagged.
	own [8]int32
	// nb: tPrevSk as the previous word, tNextSk as the next, tPrev2Sk,
	// tNext2Sk, then tNextSuf2, tNextPre2 and tNextAmb as the next word.
	nb [7]int32
}

// nbSlots fills the neighbour slots of a word of skeleton sk and ambiguity
// class amb (the sentence boundaries are "<s>" and "</s>").
func (ws *wordSlots) nbSlots(t *perceptron.Table, sk, amb string) {
	ws.nb = [7]int32{
		slotOf(t, perceptron.Hash(tPrevSk, sk)),
		slotOf(t, perceptron.Hash(tNextSk, sk)),
		slotOf(t, perceptron.Hash(tPrev2Sk, sk)),
		slotOf(t, perceptron.Hash(tNext2Sk, sk)),
		slotOf(t, perceptron.Hash(tNextSuf2, runeSuffix(sk, 2))),
		slotOf(t, perceptron.Hash(tNextPre2, runePrefix(sk, 2))),
		slotOf(t, perceptron.Hash(tNextAmb, amb)),
	}
}

// ownSlots fills the slots of the word's own features.
func (ws *wordSlots) ownSlots(t *perceptron.Table, sk string, roleB byte, ruleShape string, wf wordFeat) {
	role := string(roleB)
	ws.own = [8]int32{
		slotOf(t, perceptron.Hash2(tShape, shape(sk), lenStr(sk, 8))),
		slotOf(t, perceptron.Hash2(tRoleShape, role, ruleShape)),
		slotOf(t, perceptron.Mix(perceptron.Hash(tLex, ""), uint64(wf.lex[0])+1)),
		slotOf(t, perceptron.Mix(perceptron.Hash(tLex2, ""), uint64(wf.lex[1])+1)),
		slotOf(t, perceptron.Mix(perceptron.Hash(tLex3, ""), uint64(wf.lex[2])+1)),
		slotOf(t, perceptron.Hash2(tVocab, vocabBucket(wf.vocab), role)),
		slotOf(t, perceptron.Hash(tCurAmb, wf.amb)),
		slotOf(t, perceptron.Hash3(tCorpus, corpusBucket(wf.corp), vocabBucket(wf.vocab), role)),
	}
}

// tagSlots holds the slots of the features of the previous tags: prev[p]
// of tPrevTag and prev2[p2*(n+1)+p] of tPrev2Tag, tag n being "<s>".
type tagSlots struct {
	prev, prev2 []int32
	// bos and eos are the neighbour slots of the sentence boundaries.
	bos, eos wordSlots
}

func newTagSlots(t *perceptron.Table, tags []string) *tagSlots {
	n := len(tags)
	name := func(i int) string {
		if i == n {
			return "<s>"
		}
		return tags[i]
	}
	ts := &tagSlots{prev: make([]int32, n+1), prev2: make([]int32, (n+1)*(n+1))}
	for p := 0; p <= n; p++ {
		ts.prev[p] = slotOf(t, perceptron.Hash(tPrevTag, name(p)))
		for p2 := 0; p2 <= n; p2++ {
			ts.prev2[p2*(n+1)+p] = slotOf(t, perceptron.Hash2(tPrev2Tag, name(p2), name(p)))
		}
	}
	ts.bos.nbSlots(t, "<s>", "<s>")
	ts.eos.nbSlots(t, "</s>", "</s>")
	return ts
}

// slotsOf returns word k's slots in the memo path's sentence s.
func (a *Analyzer) slotsOf(s *scratch, k int) *wordSlots {
	switch {
	case k < 0:
		return &a.tagSlots.bos
	case k >= len(s.words):
		return &a.tagSlots.eos
	}
	wm := s.wms[k]
	if !wm.hasNb {
		wm.slots.nbSlots(a.tag.t, wm.sk, wm.wf.amb)
		wm.hasNb = true
	}
	return &wm.slots
}

// ctxSlots appends the slots of tagFeatsCtx's features of word j of the
// memo path's sentence s, in tagFeatsCtx's order, given the indexes of the
// previous tags (len(Tags) for "<s>").
func (a *Analyzer) ctxSlots(dst []int32, s *scratch, j, p1, p2 int) []int32 {
	t := a.tag.t
	ts := a.tagSlots
	n := len(a.c.m.Tags)
	w := &s.words[j]
	wm := s.wms[j]
	if !wm.hasOwn {
		wm.slots.ownSlots(t, wm.sk, wm.role, wm.ruleShape, wm.wf)
		wm.hasOwn = true
	}
	own := &wm.slots.own
	prevW, nextW := a.slotsOf(s, j-1), a.slotsOf(s, j+1)
	prev2W, next2W := a.slotsOf(s, j-2), a.slotsOf(s, j+2)
	get := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(s.words) {
			return "</s>"
		}
		return s.words[k].sk
	}
	amb := func(k int) string {
		if k >= len(s.words) {
			return "</s>"
		}
		return s.wf[k].amb
	}
	sk := w.sk
	prev, next := get(j-1), get(j+1)
	prevTag := "<s>"
	if p1 < n {
		prevTag = a.c.m.Tags[p1]
	}
	cur, n1, n2 := amb(j), amb(j+1), amb(j+2)
	return append(dst,
		ts.prev[p1],
		ts.prev2[p2*(n+1)+p1],
		slotOf(t, perceptron.Hash2(tPrevTagSk, prevTag, sk)),
		prevW.nb[0],
		nextW.nb[1],
		prev2W.nb[2],
		next2W.nb[3],
		own[0],
		own[1],
		nextW.nb[4],
		slotOf(t, perceptron.Hash2(tSkNext, sk, next)),
		slotOf(t, perceptron.Hash2(tPrevSkSk, prev, sk)),
		own[2],
		own[3],
		own[4],
		slotOf(t, perceptron.Hash3(tPrevPre2, prevTag, runePrefix(prev, 2), runePrefix(sk, 2))),
		slotOf(t, perceptron.Hash3(tSuf1Next, runeSuffix(sk, 1), runeSuffix(next, 1), prevTag)),
		nextW.nb[5],
		own[5],
		own[6],
		nextW.nb[6],
		slotOf(t, perceptron.Hash2(tNextAmb2, n1, n2)),
		slotOf(t, perceptron.Hash3(tAmbCtx, prevTag, cur, n1)),
		slotOf(t, perceptron.Hash2(tNextAmbSk, n1, sk)),
		own[7],
	)
}

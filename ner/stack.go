package ner

import (
	"strings"

	"khabar"
	"unicode"
	"unicode/utf8"

	"khabar/seqlabel"
)

// Stacking: a first tagger labels every sentence of a document; a second
// one sees, besides the first one's features, the first tagger's labels
// and how the same word was labelled elsewhere in the document (Krishnan
// & Manning 2006). A name tagged PER in one sentence is then likely PER
// in the next, and a surname alone joins the full name seen before.

// Entity types as small integers; typeO is no entity.
const (
	typeO = iota
	typePERS
	typeLOC
	typeORG
	typeMISC
	numTypes
)

var labelType = func() []int {
	out := make([]int, len(Labels))
	for i, l := range Labels {
		switch {
		case strings.HasSuffix(l, "PERS"):
			out[i] = typePERS
		case strings.HasSuffix(l, "LOC"):
			out[i] = typeLOC
		case strings.HasSuffix(l, "ORG"):
			out[i] = typeORG
		case strings.HasSuffix(l, "MISC"):
			out[i] = typeMISC
		}
	}
	return out
}()

// contextKey is the form under which a token's labels are pooled across
// the document: its base without proclitics or article, or "" for short or
// letterless tokens, which carry no name.
func contextKey(ti *tokenInfo) string {
	k := ti.restAl
	if utf8.RuneCountInString(k) < 3 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(k)
	if !unicode.IsLetter(r) {
		return ""
	}
	return k
}

// docCounts pools first-pass labels by context key over a window of
// sentences.
type docCounts struct {
	counts map[string]*[numTypes]int32
	// persPart counts the times a key was inside a multi-word person name.
	persPart map[string]int32
}

func newDocCounts() *docCounts {
	return &docCounts{counts: map[string]*[numTypes]int32{}, persPart: map[string]int32{}}
}

// sentenceLabels is one sentence's first-pass view.
type sentenceLabels struct {
	keys  []string
	types []int
	// inPers marks tokens inside a multi-word person chunk.
	inPers []bool
}

func newSentenceLabels(infos []tokenInfo, labels []int) sentenceLabels {
	sl := sentenceLabels{keys: make([]string, len(infos)), types: make([]int, len(infos)), inPers: make([]bool, len(infos))}
	for i := range infos {
		sl.keys[i] = contextKey(&infos[i])
		sl.types[i] = labelType[labels[i]]
	}
	tags := make([]string, len(labels))
	for i, y := range labels {
		tags[i] = Labels[y]
	}
	for _, c := range Chunks(tags) {
		if c.Type == "PERS" && c.End-c.Start >= 2 {
			for k := c.Start; k < c.End; k++ {
				sl.inPers[k] = true
			}
		}
	}
	return sl
}

func (d *docCounts) add(sl sentenceLabels, sign int32) {
	for i, k := range sl.keys {
		if k == "" {
			continue
		}
		c := d.counts[k]
		if c == nil {
			c = new([numTypes]int32)
			d.counts[k] = c
		}
		c[sl.types[i]] += sign
		if sl.inPers[i] {
			d.persPart[k] += sign
		}
	}
}

// contextFeatures appends the second-pass features of one sentence.
func contextFeatures(sl sentenceLabels, labels []int, d *docCounts, feats [][]uint64) {
	T := len(labels)
	for i := range feats {
		fs := feats[i]
		fs = append(fs, featU(tStage1, 0, uint64(labels[i])))
		prev, next := uint64(len(Labels)), uint64(len(Labels))
		if i > 0 {
			prev = uint64(labels[i-1])
		}
		if i+1 < T {
			next = uint64(labels[i+1])
		}
		fs = append(fs, featU(tStage1, -1, prev), featU(tStage1, 1, next), featU(tStage1, 2, prev, uint64(labels[i]), next))
		if k := sl.keys[i]; k != "" {
			if c := d.counts[k]; c != nil {
				cnt := *c
				cnt[sl.types[i]]-- // not the token itself
				var total, ent int32
				best := 0
				for t := typeO; t < numTypes; t++ {
					total += cnt[t]
					if t != typeO {
						ent += cnt[t]
						if best == 0 || cnt[t] > cnt[best] {
							best = t
						}
					}
				}
				switch {
				case ent > 0:
					share := uint64(3 * ent / total) // 0, 1, 2 (3 when all)
					fs = append(fs, featU(tCtxType, 0, uint64(best), min(share, 2)), featU(tCtxType, 1, uint64(best)))
				case total > 0:
					fs = append(fs, featU(tCtxOnlyO, 0, uint64(min(total, 3))))
				}
			}
			p := d.persPart[k]
			if sl.inPers[i] {
				p--
			}
			if p > 0 {
				fs = append(fs, featU(tCtxPersPart, 0))
			}
		}
		feats[i] = fs
	}
}

// stackedDoc runs both passes over the sentences of one document, pooling
// first-pass labels over a window of ±window sentences (0: the whole
// document). sc, when not nil, is scratch space reused across documents.
func stackedDoc(res *resources, m1, m2 *seqlabel.Model, sents [][]string, segs [][][]khabar.Segment, window int, sc *scratch) ([][]tokenInfo, [][]int) {
	segsOf := func(s int) [][]khabar.Segment {
		if s < len(segs) {
			return segs[s]
		}
		return nil
	}
	if sc == nil {
		sc = &scratch{}
	}
	dec := &sc.dec
	infos := make([][]tokenInfo, len(sents))
	first := make([][]int, len(sents))
	if m2 == nil {
		// One pass: the features of a sentence are dropped once decoded,
		// and the labels of all sentences share one block.
		n := 0
		for _, words := range sents {
			n += len(words)
		}
		labels := make([]int, 0, n)
		// The token facts live in the scratch's block, reused from one
		// document to the next: the caller is done with them before it
		// returns the scratch.
		if cap(sc.tis) < n {
			sc.tis = make([]tokenInfo, 0, n)
		}
		tis := sc.tis[:0]
		mem := sc.memo
		if mem != nil && mem.model != m1 {
			mem = nil
		}
		for s, words := range sents {
			dst := labels[len(labels) : len(labels) : len(labels)+len(words)]
			if mem != nil {
				tis, sc.ents = mem.info(res, words, segsOf(s), tis[len(tis):], sc.ents)
				infos[s] = tis
				first[s] = mem.decode(res, sc, tis, sc.ents, dst)
			} else {
				tis = res.info(words, segsOf(s), tis[len(tis):])
				infos[s] = tis
				sc.feats = res.features(infos[s], sc.feats)
				first[s] = m1.Decode(dec, sc.feats, dst)
			}
			labels = labels[:len(labels)+len(words)]
		}
		return infos, first
	}
	feats := make([][][]uint64, len(sents))
	sls := make([]sentenceLabels, len(sents))
	for s, words := range sents {
		infos[s] = res.info(words, segsOf(s), nil)
		feats[s] = res.features(infos[s], nil)
		first[s] = m1.Decode(dec, feats[s], nil)
		sls[s] = newSentenceLabels(infos[s], first[s])
	}
	out := make([][]int, len(sents))
	d := newDocCounts()
	forEachWindow(len(sents), window, func(s int) { d.add(sls[s], 1) }, func(s int) { d.add(sls[s], -1) }, func(s int) {
		contextFeatures(sls[s], first[s], d, feats[s])
		out[s] = m2.Decode(dec, feats[s], nil)
	})
	return infos, out
}

// forEachWindow visits sentences 0..n-1 in order, with add and remove
// called so that exactly the sentences within ±window of the visited one
// have been added (all of them when window is 0).
func forEachWindow(n, window int, add, remove, visit func(int)) {
	if window <= 0 || window >= n {
		for s := 0; s < n; s++ {
			add(s)
		}
		for s := 0; s < n; s++ {
			visit(s)
		}
		return
	}
	hi := 0 // sentences [lo, hi) are added
	lo := 0
	for s := 0; s < n; s++ {
		for hi < n && hi <= s+window {
			add(hi)
			hi++
		}
		for lo < s-window {
			remove(lo)
			lo++
		}
		visit(s)
	}
}

package ner

import (
	"math/bits"
	"strings"

	"khabar"
	"khabar/seqlabel"
)

// The tagger remembers, per token spelling, what the tables know of it
// (tokenOf) and the weights its features give, so that a token met before
// costs a map lookup and a few sums. A token's emission scores are the
// float32 sums, feature by feature in list order, of the weight rows of
// its features (seqlabel.Model.Decode); float32 addition is not
// associative, so the memo keeps the order: it keeps the sum of the
// leading run of features that read the token's own word alone (a sum
// from zero is a prefix of the whole), and for the later word-only groups
// (its classes, and what it gives a neighbour at each offset) the weight
// rows themselves, copied out of the model's table in list order, which
// AddRows adds one by one where Decode would have looked them up (copies
// rather than row numbers: a token's rows then lie together, where the
// model's 2 MB of weights missed the cache row after row, about twice the
// time of the sums in CPU profiles). Features
// that read the sentence (gazetteer phrases, quotes, the morphology, word
// pairs) are hashed and looked up as before. The labels are those of the
// plain path, bit for bit: TestMemoSame.

// memoGen is the number of token spellings one generation of the memo
// holds; a full generation becomes the old one and the one before is
// dropped, so at most 2*memoGen spellings are kept per memo.
const memoGen = 1 << 14

// memo maps a token spelling to its wordMemo, in two generations: an entry
// found in the old one moves to the current one. A memo serves one
// goroutine at a time and one model.
type memo struct {
	cur, old map[string]*wordMemo
	gen      int // memoGen, or less in tests
	model    *seqlabel.Model
	// boundary holds the weight rows of the feature of a neighbour beyond
	// the sentence, per ctxOffsets.
	boundary [len(ctxOffsets)][]float32
	misses   int // entries built (tests)
}

func newMemo(m *seqlabel.Model, gen int) *memo {
	mm := &memo{gen: gen, model: m}
	for k := range ctxOffsets {
		mm.boundary[k] = m.AppendRows(nil, boundaryFeat[k:k+1])
	}
	return mm
}

// wordMemo is what the tagger knows of one token spelling.
type wordMemo struct {
	ti tokenInfo // tokenOf the spelling (over a copy of it: no document text is kept)
	// The weights, filled on first use (sums != nil): sums[:L] is the sum
	// of featsWord's rows from zero, sums[L:] that sum then featsLex's rows
	// (a token's leading sum when it has no phrase or quote feature).
	// rows holds the weight rows of featsClasses, then of featsCtxWord and
	// featsCtxLex of the word at each of ctxOffsets; ends[g] is where
	// group g ends in rows (g = 0 the classes, 1+2k and 2+2k the two
	// groups at ctxOffsets[k]).
	sums []float32
	rows []float32
	ends [1 + 2*len(ctxOffsets)]uint16
	// morph holds the rows of the morphology features of the word's last
	// analysis met.
	morph morphRows
}

// morphRows are the weight rows of the morphology features a word of
// analysis (mpos, mpat, mlemma) gives itself, feature b = 0, 1, 2 for
// tMPOS, tMPat and tMLemma, and its neighbours, b = 3+k for tMPOS at
// ctxOffsets[k]: rows holds those the model knows, marked in mask, in
// that order.
type morphRows struct {
	set          bool
	mpos, mlemma string
	mpat         uint64
	mask         uint8
	rows         []float32
}

// row returns the row of feature b, nil when the model lacks it.
func (mr *morphRows) row(b, L int) []float32 {
	if mr.mask&(1<<b) == 0 {
		return nil
	}
	n := bits.OnesCount8(mr.mask & (1<<b - 1))
	return mr.rows[n*L : n*L+L]
}

// morphOf returns the morphology rows of token ti, whose entry is e,
// making them when e holds another analysis's.
func (m *memo) morphOf(e *wordMemo, ti *tokenInfo) *morphRows {
	mr := &e.morph
	if mr.set && mr.mpos == ti.mpos && mr.mpat == ti.mpatFeat && mr.mlemma == ti.mlemma {
		return mr
	}
	mr.set, mr.mpos, mr.mpat, mr.mlemma = true, ti.mpos, ti.mpatFeat, ti.mlemma
	mr.mask, mr.rows = 0, mr.rows[:0]
	fs := [3 + len(ctxOffsets)]uint64{feat(tMPOS, 0, ti.mpos), ti.mpatFeat, feat(tMLemma, 0, ti.mlemma)}
	for k, off := range ctxOffsets {
		fs[3+k] = feat(tMPOS, off, ti.mpos)
	}
	for b := range fs {
		n := len(mr.rows)
		if mr.rows = m.model.AppendRows(mr.rows, fs[b:b+1]); len(mr.rows) > n {
			mr.mask |= 1 << b
		}
	}
	return mr
}

// group returns the rows of group g.
func (e *wordMemo) group(g int) []float32 {
	lo := 0
	if g > 0 {
		lo = int(e.ends[g-1])
	}
	return e.rows[lo:e.ends[g]]
}

func (m *memo) get(key string) *wordMemo {
	if e := m.cur[key]; e != nil {
		return e
	}
	if e := m.old[key]; e != nil {
		m.put(key, e)
		return e
	}
	return nil
}

func (m *memo) put(key string, e *wordMemo) {
	if m.gen <= 0 {
		m.gen = memoGen
	}
	if m.cur == nil || len(m.cur) >= m.gen {
		m.old, m.cur = m.cur, make(map[string]*wordMemo, m.gen/4)
	}
	m.cur[key] = e
}

// word returns the memo entry of the token spelled w, making it when new.
func (m *memo) word(res *resources, w string) *wordMemo {
	if e := m.get(w); e != nil {
		return e
	}
	key := strings.Clone(w)
	e := &wordMemo{ti: res.tokenOf(key)}
	m.misses++
	m.put(key, e)
	return e
}

// fill computes e's weights under m.model; tmp is scratch for feature
// lists, returned for reuse.
func (m *memo) fill(res *resources, e *wordMemo, tmp []uint64) []uint64 {
	L := len(m.model.Labels)
	ti := &e.ti
	sums := make([]float32, 2*L)
	tmp = res.featsWord(tmp[:0], ti)
	m.model.Add(sums[:L], tmp)
	copy(sums[L:], sums[:L])
	tmp = featsLex(tmp[:0], ti)
	m.model.Add(sums[L:], tmp)
	var buf [64 * 16]float32
	rows := buf[:0]
	tmp = res.featsClasses(tmp[:0], ti)
	rows = m.model.AppendRows(rows, tmp)
	e.ends[0] = uint16(len(rows))
	for k, off := range ctxOffsets {
		tmp = res.featsCtxWord(tmp[:0], ti, off)
		rows = m.model.AppendRows(rows, tmp)
		e.ends[1+2*k] = uint16(len(rows))
		tmp = featsCtxLex(tmp[:0], ti, off)
		rows = m.model.AppendRows(rows, tmp)
		e.ends[2+2*k] = uint16(len(rows))
	}
	e.sums, e.rows = sums, append([]float32(nil), rows...)
	return tmp
}

// infoMemo is res.info through the memo; ents receives each token's entry.
func (m *memo) info(res *resources, words []string, segs [][]khabar.Segment, infos []tokenInfo, ents []*wordMemo) ([]tokenInfo, []*wordMemo) {
	if cap(infos) < len(words) {
		infos = make([]tokenInfo, 0, len(words))
	}
	infos, ents = infos[:0], ents[:0]
	if len(segs) != len(words) {
		segs = nil
	}
	for wi, w := range words {
		e := m.word(res, w)
		ents = append(ents, e)
		infos = append(infos, e.ti)
		if segs != nil {
			infos[wi].setMorph(segs[wi])
		}
	}
	res.sentenceInfo(infos)
	return infos, ents
}

// decode labels one sentence whose infos and entries come from info, as
// m.model.Decode of res.features of infos would.
func (m *memo) decode(res *resources, sc *scratch, infos []tokenInfo, ents []*wordMemo, dst []int) []int {
	mod := m.model
	L := len(mod.Labels)
	T := len(infos)
	if T == 0 {
		return dst[:0]
	}
	for _, e := range ents {
		if e.sums == nil {
			sc.tmp = m.fill(res, e, sc.tmp)
		}
	}
	scores := mod.Scores(&sc.dec, T)
	if cap(sc.acc) < L {
		sc.acc = make([]float32, L)
	}
	acc := sc.acc[:L]
	tmp := sc.tmp
	var one [1]uint64
	for i := range infos {
		ti, e := &infos[i], ents[i]
		// In the order of res.features.
		if ti.phrase == 0 && ti.quoteCue == "" {
			copy(acc, e.sums[L:])
		} else {
			copy(acc, e.sums[:L])
			tmp = res.featsSelfCtx(tmp[:0], ti)
			mod.Add(acc, tmp)
		}
		if ti.mpos != "" {
			// As featsMorph.
			mr := m.morphOf(e, ti)
			for b := range 3 {
				seqlabel.AddRows(acc, mr.row(b, L))
			}
			for k, off := range ctxOffsets {
				j := i + off
				if j < 0 || j >= T {
					continue
				}
				seqlabel.AddRows(acc, m.morphOf(ents[j], &infos[j]).row(3+k, L))
				if off == -1 {
					one[0] = hashStr(feat(tMPat, off, infos[j].mpos), ti.mpos)
					mod.Add(acc, one[:])
				}
			}
		}
		seqlabel.AddRows(acc, e.group(0))
		for k, off := range ctxOffsets {
			j := i + off
			if j < 0 || j >= T {
				seqlabel.AddRows(acc, m.boundary[k])
				continue
			}
			o := ents[j]
			seqlabel.AddRows(acc, o.group(1+2*k))
			if p := infos[j].phrase; p != 0 {
				one[0] = featU(tPhrase, off, uint64(p))
				mod.Add(acc, one[:])
			}
			seqlabel.AddRows(acc, o.group(2+2*k))
		}
		tmp = res.featsPairs(tmp[:0], infos, i)
		mod.Add(acc, tmp)
		out := scores[i*L : i*L+L]
		for y, v := range acc {
			out[y] = float64(v)
		}
	}
	sc.tmp = tmp
	return mod.DecodeScores(&sc.dec, scores, dst)
}

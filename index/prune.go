package index

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"sync"
)

// The ranked path of a search (a flat query: words and phrases joined by
// OR, with neither facets nor a filter) finds the top k by MaxScore: the
// clauses (a word's keys, its title keys, its surface form, a phrase) are
// ordered by the most any document can get from them, and once the k-th
// best score so far is out of reach of the weakest clauses together, a
// document found only by those is never scored, and their postings are
// only probed for the documents the others find. Result.Total stays exact:
// it is the union of the clauses' document bitmaps.
//
// Scores are bit for bit those of the exhaustive path (dense): each
// clause's contribution is rounded to float32 and added in dense's order.
//
// Both rest on a per-Index cache of decoded postings (documents,
// frequencies, a bitmap for frequent terms, the largest BM25 factor), made
// the first time a term is searched and bounded by termCacheBytes.

// boundSlack covers the float32 rounding of a sum of clause scores, so
// that a bound never falls below a score it bounds.
const boundSlack = 1 + 1e-5

// termCacheBytes bounds the decoded postings an Index keeps.
const termCacheBytes = 64 << 20

// termPostings are the decoded postings of a term in one segment.
type termPostings struct {
	docs, freqs []uint32  // ascending local numbers below NumDocs
	bits        []uint64  // docs as a bitmap; nil for rare terms
	maxTFNorm   float64   // largest tfNorm of a posting
	blockMax    []float64 // largest tfNorm of each blockSize postings
}

// blockSize is the number of postings a block maximum covers.
const blockSize = 64

type termKey struct {
	seg  *Segment
	term int
}

// termCache holds decoded postings and the live-document bitmaps.
type termCache struct {
	mu    sync.RWMutex
	terms map[termKey]*termPostings
	live  map[*Segment][]uint64
	size  int
}

// postings returns the decoded postings of term index t of the current
// segment.
func (st *searchState) postings(t int) *termPostings {
	tc := &st.ix.cache
	key := termKey{st.seg, t}
	tc.mu.RLock()
	tp, ok := tc.terms[key]
	tc.mu.RUnlock()
	if ok {
		return tp
	}
	s := st.seg
	df, _, _ := s.termInfo(t)
	tp = &termPostings{docs: make([]uint32, 0, df), freqs: make([]uint32, 0, df)}
	it := s.Postings(t)
	for it.Next() {
		if it.Doc < s.NumDocs && (len(tp.docs) == 0 || it.Doc > tp.docs[len(tp.docs)-1]) {
			tp.docs = append(tp.docs, it.Doc)
			tp.freqs = append(tp.freqs, it.Freq)
			v := st.tfNorm(float64(it.Freq), it.Doc)
			tp.maxTFNorm = max(tp.maxTFNorm, v)
			if b := (len(tp.docs) - 1) / blockSize; b == len(tp.blockMax) {
				tp.blockMax = append(tp.blockMax, v)
			} else {
				tp.blockMax[b] = max(tp.blockMax[b], v)
			}
		}
	}
	size := 8*len(tp.docs) + 8*len(tp.blockMax)
	if len(tp.docs) >= int(s.NumDocs)/128 {
		tp.bits = make([]uint64, (s.NumDocs+63)/64)
		for _, d := range tp.docs {
			tp.bits[d/64] |= 1 << (d % 64)
		}
		size += 8 * len(tp.bits)
	}
	tc.mu.Lock()
	if tc.terms == nil {
		tc.terms = map[termKey]*termPostings{}
	}
	if tc.size+size <= termCacheBytes {
		tc.terms[key] = tp
		tc.size += size
	}
	tc.mu.Unlock()
	return tp
}

// liveBits returns the current segment's live documents as a bitmap.
func (st *searchState) liveBits() []uint64 {
	tc := &st.ix.cache
	s := st.seg
	tc.mu.RLock()
	b, ok := tc.live[s]
	tc.mu.RUnlock()
	if ok {
		return b
	}
	b = make([]uint64, (s.NumDocs+63)/64)
	for d := uint32(0); d < s.NumDocs; d++ {
		if !st.ix.isDeleted(s.Base + d) {
			b[d/64] |= 1 << (d % 64)
		}
	}
	tc.mu.Lock()
	if tc.live == nil {
		tc.live = map[*Segment][]uint64{}
	}
	tc.live[s] = b
	tc.mu.Unlock()
	return b
}

// cursor walks decoded postings.
type cursor struct {
	docs, freqs []uint32
	i           int
}

func (c *cursor) doc() uint32 {
	if c.i < len(c.docs) {
		return c.docs[c.i]
	}
	return noDoc
}

// seek moves to the first document at or after d, galloping.
func (c *cursor) seek(d uint32) {
	if c.i >= len(c.docs) || c.docs[c.i] >= d {
		return
	}
	lo, step := c.i, 1
	hi := lo + step
	for hi < len(c.docs) && c.docs[hi] < d {
		lo = hi
		step *= 2
		hi = lo + step
	}
	hi = min(hi, len(c.docs))
	// docs[lo] < d; the answer is in (lo, hi].
	j, _ := slices.BinarySearch(c.docs[lo+1:hi], d)
	c.i = lo + 1 + j
}

const noDoc = math.MaxUint32

// clause is one scored part of a flat query: the synonym terms of a word
// in one field (their frequencies add up), or a phrase's matches.
type clause struct {
	ord    int // place in the query's order
	curs   []cursor
	terms  []*termPostings
	weight float64 // idf times the field's boost
	phrase []scored
	pi     int
	bound  float64 // no document's contribution exceeds it
}

func (c *clause) doc() uint32 {
	if c.curs == nil {
		if c.pi < len(c.phrase) {
			return c.phrase[c.pi].doc
		}
		return noDoc
	}
	d := uint32(noDoc)
	for i := range c.curs {
		d = min(d, c.curs[i].doc())
	}
	return d
}

// at moves c to d (at or after where it is) and returns its contribution
// there, false when it has no posting of d.
func (st *searchState) at(c *clause, d uint32) (float32, bool) {
	if c.curs == nil {
		for c.pi < len(c.phrase) && c.phrase[c.pi].doc < d {
			c.pi++
		}
		if c.pi < len(c.phrase) && c.phrase[c.pi].doc == d {
			return c.phrase[c.pi].score, true
		}
		return 0, false
	}
	tf := uint32(0)
	for i := range c.curs {
		cu := &c.curs[i]
		cu.seek(d)
		if cu.i < len(cu.docs) && cu.docs[cu.i] == d {
			tf += cu.freqs[cu.i]
		}
	}
	if tf == 0 {
		return 0, false
	}
	return float32(c.weight * st.tfNorm(float64(tf), d)), true
}

// clauses lists the scored parts of flat query q for the current segment,
// in the order dense adds them up.
func (st *searchState) clauses(q *Query) []*clause {
	subs := q.Subs
	if q.Op != OpOr {
		subs = []*Query{q}
	}
	var out []*clause
	addTerms := func(terms []string, boost float64) {
		maxDF := 0
		c := &clause{}
		sumBound := 0.0
		for _, k := range terms {
			if df := st.ix.DocFreq(k); df > maxDF {
				maxDF = df
			}
			if t := st.seg.Lookup(k); t >= 0 {
				tp := st.postings(t)
				if len(tp.docs) == 0 {
					continue
				}
				c.terms = append(c.terms, tp)
				c.curs = append(c.curs, cursor{docs: tp.docs, freqs: tp.freqs})
				sumBound += tp.maxTFNorm
			}
		}
		if len(c.curs) == 0 {
			return
		}
		c.ord = len(out)
		c.weight = st.ix.idf(maxDF) * boost
		// tfNorm of a sum of frequencies is at most the sum of the terms'
		// (it is concave and 0 at 0), and always under k1+1.
		c.bound = c.weight * min(sumBound, bm25K1+1)
		if c.weight < 0 {
			// With superseded documents counted in df but not in the live
			// count, the idf of a word in nearly every document goes below 0.
			c.bound = 0
		}
		out = append(out, c)
	}
	for _, w := range subs {
		if w.Op == OpPhrase {
			l := st.phrase(w)
			if len(l) == 0 {
				continue
			}
			c := &clause{ord: len(out), phrase: l}
			for _, h := range l {
				c.bound = max(c.bound, float64(h.score))
			}
			out = append(out, c)
			continue
		}
		keys, ok := st.expanded[w]
		if !ok {
			keys = st.ix.expandClitics(w.Keys)
			st.expanded[w] = keys
		}
		addTerms(keys, 1)
		title := make([]string, len(keys))
		for i, k := range keys {
			title[i] = string(FieldTitleKey) + k[1:]
		}
		addTerms(title, titleBoost)
		if len(w.Surface) > 1 {
			addTerms([]string{w.Surface}, surfaceBoost)
		}
	}
	return out
}

// countMatches is the number of live documents of the segment that some
// clause finds.
func (st *searchState) countMatches(cs []*clause) int {
	n := int(st.seg.NumDocs)
	if len(cs) == 1 && len(cs[0].terms) == 1 && st.ix.deleted == nil {
		return len(cs[0].terms[0].docs)
	}
	buf := denseBufs.Get().(*denseBuf)
	defer denseBufs.Put(buf)
	words := (n + 63) / 64
	if cap(buf.bits) < words {
		buf.bits = make([]uint64, words)
	}
	u := buf.bits[:words]
	clear(u)
	for _, c := range cs {
		for _, h := range c.phrase {
			u[h.doc/64] |= 1 << (h.doc % 64)
		}
		for _, tp := range c.terms {
			if tp.bits != nil {
				for i, w := range tp.bits {
					u[i] |= w
				}
				continue
			}
			for _, d := range tp.docs {
				u[d/64] |= 1 << (d % 64)
			}
		}
	}
	total := 0
	if st.ix.deleted == nil {
		for _, w := range u {
			total += bits.OnesCount64(w)
		}
		return total
	}
	for i, w := range st.liveBits() {
		total += bits.OnesCount64(u[i] & w)
	}
	return total
}

// pruned adds the current segment's matches of flat query q to top (a
// min-heap of at most k) and returns how many live documents match.
func (st *searchState) pruned(q *Query, top *hitHeap, k int) int {
	s := st.seg
	cs := st.clauses(q)
	if len(cs) == 0 {
		return 0
	}
	total := st.countMatches(cs)
	// The weak clauses, which together cannot lift a document into the
	// top k, are only probed for the documents the others (the lead) find.
	// The longest lists are made weak first, so that the lead is short.
	byLen := slices.Clone(cs)
	slices.SortStableFunc(byLen, func(a, b *clause) int { return b.length() - a.length() })
	// byBound: the strongest first, the order weak clauses are probed in.
	byBound := slices.Clone(cs)
	slices.SortStableFunc(byBound, func(a, b *clause) int { return cmp.Compare(b.bound, a.bound) })
	weak := make([]bool, len(cs))
	reach := 0.0 // what the weak clauses can give a document together
	lead := slices.Clone(cs)
	lastTh := float32(-1)
	threshold := func() (float32, bool) {
		if top.Len() < k {
			return 0, false
		}
		return (*top)[0].h.score, true
	}
	scores := make([]float32, len(cs))
	found := make([]bool, len(cs))
	var live []uint64
	if st.ix.deleted != nil {
		live = st.liveBits()
	}
	from := uint32(0) // documents before it are done
	for {
		th, full := threshold()
		if full && th != lastTh {
			lastTh = th
			clear(weak)
			reach = 0
			for _, c := range byLen {
				if float32((reach+c.bound)*boundSlack) < th {
					weak[c.ord] = true
					reach += c.bound
				}
			}
			lead = lead[:0]
			for _, c := range cs {
				if !weak[c.ord] {
					lead = append(lead, c)
				}
			}
		}
		if len(lead) == 0 {
			return total
		}
		if full && len(lead) == 1 && len(lead[0].curs) == 1 {
			// One term leads: skip its blocks that cannot reach the top.
			c := lead[0]
			cu := &c.curs[0]
			cu.seek(from)
			bm := c.terms[0].blockMax
			for cu.i < len(cu.docs) {
				b := cu.i / blockSize
				if float32((reach+max(c.weight*bm[b], 0))*boundSlack) >= th {
					break
				}
				cu.i = (b + 1) * blockSize
			}
		}
		d := uint32(noDoc)
		for _, c := range lead {
			c.seek(from)
			d = min(d, c.doc())
		}
		if d == noDoc {
			return total
		}
		from = d + 1
		if d >= s.NumDocs || (live != nil && live[d/64]&(1<<(d%64)) == 0) {
			continue
		}
		// The lead's contributions, then the weak clauses' one by one while
		// the document can still reach the top.
		if full {
			// The lead's block maxima first: most documents stop here.
			bound := reach
			for _, c := range lead {
				if c.doc() == d {
					bound += c.blockBound()
				}
			}
			if float32(bound*boundSlack) < th {
				continue
			}
		}
		clear(found)
		bound := reach
		for _, c := range lead {
			scores[c.ord], found[c.ord] = st.at(c, d)
			bound += float64(scores[c.ord])
		}
		if full && float32(bound*boundSlack) < th {
			continue
		}
		out := false
		for _, c := range byBound {
			if !weak[c.ord] {
				continue
			}
			scores[c.ord], found[c.ord] = st.at(c, d)
			bound += float64(scores[c.ord]) - c.bound
			if full && float32(bound*boundSlack) < th {
				out = true
				break
			}
		}
		if out {
			continue
		}
		var score float32
		for i := range cs {
			if found[i] {
				score += scores[i]
			}
		}
		h := topHit{s, scored{d, score}}
		if !full {
			top.push(h)
		} else if score > th {
			(*top)[0] = h
			top.fix0()
		}
	}
}

// blockBound bounds c's contribution at its current document.
func (c *clause) blockBound() float64 {
	if len(c.curs) != 1 {
		return c.bound
	}
	return max(c.weight*c.terms[0].blockMax[c.curs[0].i/blockSize], 0)
}

// length is the number of postings of c.
func (c *clause) length() int {
	n := len(c.phrase)
	for _, cu := range c.curs {
		n += len(cu.docs)
	}
	return n
}

// seek moves c to its first document at or after d.
func (c *clause) seek(d uint32) {
	if c.curs == nil {
		for c.pi < len(c.phrase) && c.phrase[c.pi].doc < d {
			c.pi++
		}
		return
	}
	for i := range c.curs {
		c.curs[i].seek(d)
	}
}

// push adds x to the heap.
func (h *hitHeap) push(x topHit) {
	*h = append(*h, x)
	for i := len(*h) - 1; i > 0; {
		p := (i - 1) / 2
		if !h.Less(i, p) {
			break
		}
		h.Swap(i, p)
		i = p
	}
}

// fix0 restores the heap after its least element changed.
func (h hitHeap) fix0() {
	for i := 0; ; {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h.Less(r, l) {
			m = r
		}
		if !h.Less(m, i) {
			return
		}
		h.Swap(i, m)
		i = m
	}
}

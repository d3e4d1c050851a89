package index

import (
	"container/heap"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// BM25 parameters (Robertson's usual values) and the weight of an exact
// surface match on top of the match key's score.
const (
	bm25K1       = 1.2
	bm25B        = 0.75
	surfaceBoost = 0.3
	titleBoost   = 0.5
)

// Index searches a list of segments that cover consecutive document
// numbers. It is immutable and safe for concurrent use.
type Index struct {
	segs    []*Segment
	deleted func(doc uint32) bool
	live    int
	avgLen  float64
	cache   termCache // decoded postings of the pruned path

	expandMu   sync.RWMutex
	expandMemo map[string][]string // expandClitics by key list
}

// NewIndex makes an Index of segs; deleted says which document numbers are
// superseded (nil: none).
func NewIndex(segs []*Segment, deleted func(doc uint32) bool) *Index {
	ix := &Index{segs: segs, deleted: deleted}
	total := 0.0
	for _, s := range segs {
		for i := 0; i < int(s.NumDocs); i++ {
			if ix.isDeleted(s.Base + uint32(i)) {
				continue
			}
			ix.live++
			total += float64(s.DocLen(i))
		}
	}
	if ix.live > 0 {
		ix.avgLen = total / float64(ix.live)
	}
	return ix
}

func (ix *Index) isDeleted(doc uint32) bool { return ix.deleted != nil && ix.deleted(doc) }

// NumDocs is the number of live documents.
func (ix *Index) NumDocs() int { return ix.live }

// Segments returns the segments searched.
func (ix *Index) Segments() []*Segment { return ix.segs }

// DocFreq sums the document frequency of term over the segments.
func (ix *Index) DocFreq(term string) int {
	n := 0
	for _, s := range ix.segs {
		n += int(s.DocFreq(term))
	}
	return n
}

func (ix *Index) idf(df int) float64 {
	n := float64(ix.live)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// Filter restricts a search.
type Filter struct {
	From, To   int32    // days since 1970, inclusive; 0 means open
	Sources    []string // any of these outlets
	Categories []string // any of these sections
	Entities   []string // all of these entities: each word of each among the words of the document's entity names
	Types      []string // an entity of each of these types occurs
}

func (f *Filter) empty() bool {
	return f.From == 0 && f.To == 0 && len(f.Sources) == 0 && len(f.Categories) == 0 && len(f.Entities) == 0 && len(f.Types) == 0
}

// Options of a search.
type Options struct {
	Limit  int // hits returned; 10 when 0
	Offset int
	Filter Filter
	Facets bool
	// FacetSize bounds each facet list; 10 when 0.
	FacetSize int

	// Exhaustive scores every match instead of pruning the ranked path:
	// the same results, slower; for checks and benchmarks.
	Exhaustive bool
}

// Hit is one found document.
type Hit struct {
	Doc    uint32 // document number
	ID     string
	Score  float64
	Title  string
	Date   string
	Source string
}

// Result of a search.
type Result struct {
	Total  int // matching documents
	Hits   []Hit
	Facets *Facets
}

// Facets count the values of the matching documents.
type Facets struct {
	People, Places, Organisations, Sources []Count
	// Months is a histogram of the documents' dates by month (YYYY-MM),
	// in date order.
	Months []Count
}

// Count is one facet value.
type Count struct {
	Value string `json:"value"`
	Count int    `json:"count"`
}

// scored is one matching document of a segment.
type scored struct {
	doc   uint32 // local number
	score float32
}

// Search runs q.
func (ix *Index) Search(q *Query, opt Options) *Result {
	if opt.Limit <= 0 {
		opt.Limit = 10
	}
	k := opt.Limit + opt.Offset
	st := &searchState{ix: ix, idfs: map[string]float64{}, expanded: map[*Query][]string{}}
	res := &Result{}
	top := &hitHeap{}
	var fc *facetCounter
	if opt.Facets {
		fc = newFacetCounter()
	}
	prune := !opt.Exhaustive && fc == nil && opt.Filter.empty() && isFlat(q)
	for _, s := range ix.segs {
		st.seg = s
		if prune {
			res.Total += st.pruned(q, top, k)
			continue
		}
		var hits []scored
		if isFlat(q) {
			hits = st.dense(q)
		} else {
			hits = st.eval(q)
		}
		hits = st.filter(hits, &opt.Filter)
		res.Total += len(hits)
		for _, h := range hits {
			if top.Len() < k {
				heap.Push(top, topHit{s, h})
			} else if h.score > (*top)[0].h.score {
				(*top)[0] = topHit{s, h}
				heap.Fix(top, 0)
			}
		}
		if fc != nil {
			fc.add(s, hits)
		}
	}
	all := make([]topHit, top.Len())
	for i := len(all) - 1; i >= 0; i-- {
		all[i] = heap.Pop(top).(topHit)
	}
	if opt.Offset < len(all) {
		all = all[opt.Offset:]
	} else {
		all = nil
	}
	for _, t := range all {
		i := int(t.h.doc)
		res.Hits = append(res.Hits, Hit{
			Doc: t.s.Base + t.h.doc, ID: t.s.DocID(i), Score: float64(t.h.score),
			Title: t.s.DocTitle(i), Date: FormatDate(t.s.DocDate(i)), Source: t.s.DocSource(i),
		})
	}
	if fc != nil {
		res.Facets = fc.result(opt.FacetSize)
	}
	return res
}

type topHit struct {
	s *Segment
	h scored
}

// hitHeap is a min-heap on score; ties put the later document first so
// that the earlier one wins a place.
type hitHeap []topHit

func (h hitHeap) Len() int { return len(h) }
func (h hitHeap) Less(i, j int) bool {
	if h[i].h.score != h[j].h.score {
		return h[i].h.score < h[j].h.score
	}
	return h[i].s.Base+h[i].h.doc > h[j].s.Base+h[j].h.doc
}
func (h hitHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *hitHeap) Push(x any)   { *h = append(*h, x.(topHit)) }
func (h *hitHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

type searchState struct {
	ix       *Index
	seg      *Segment
	idfs     map[string]float64
	expanded map[*Query][]string
	pos      [2][]uint32
	tf       []uint32 // dense term frequencies, zero between uses
}

func (st *searchState) idfOf(term string) float64 {
	if v, ok := st.idfs[term]; ok {
		return v
	}
	v := st.ix.idf(st.ix.DocFreq(term))
	st.idfs[term] = v
	return v
}

// tfNorm is the BM25 term-frequency factor.
func (st *searchState) tfNorm(tf float64, doc uint32) float64 {
	dl := float64(st.seg.DocLen(int(doc)))
	return tf * (bm25K1 + 1) / (tf + bm25K1*(1-bm25B+bm25B*dl/st.ix.avgLen))
}

// eval returns the live documents of the segment that match q, by
// ascending local number, with their scores.
func (st *searchState) eval(q *Query) []scored {
	var out []scored
	switch q.Op {
	case OpWord:
		out = st.word(q)
	case OpPhrase:
		out = st.phrase(q)
	case OpAnd:
		var optional []*Query
		first := true
		for _, s := range q.Subs {
			if s.Op == OpOr && slices.Contains(s.Subs, optionalMarker) {
				optional = append(optional, s)
				continue
			}
			if s == optionalMarker {
				continue
			}
			r := st.eval(s)
			if first {
				out, first = r, false
			} else {
				out = intersect(out, r)
			}
			if len(out) == 0 {
				return nil
			}
		}
		for _, o := range optional {
			out = addScores(out, st.eval(o))
		}
	case OpOr:
		for _, s := range q.Subs {
			if s == optionalMarker {
				continue
			}
			out = union(out, st.eval(s))
		}
	}
	for _, n := range q.Not {
		out = subtract(out, st.eval(n))
	}
	return out
}

// word scores the match keys of a word as synonyms, the way Lucene's
// SynonymQuery does (their frequencies add up and the most frequent key's
// idf counts), plus a smaller score for the exact surface form.
func (st *searchState) word(q *Query) []scored {
	keys, ok := st.expanded[q]
	if !ok {
		keys = st.ix.expandClitics(q.Keys)
		st.expanded[q] = keys
	}
	out := st.synonyms(keys, 1)
	var title []string
	for _, k := range keys {
		title = append(title, string(FieldTitleKey)+k[1:])
	}
	out = union(out, st.synonyms(title, titleBoost))
	if q.Surface != "" && len(q.Surface) > 1 {
		out = union(out, st.synonyms([]string{q.Surface}, surfaceBoost))
	}
	return out
}

// synonyms scores terms that stand for one another, weighted by boost.
func (st *searchState) synonyms(terms []string, boost float64) []scored {
	s := st.seg
	maxDF := 0
	var its []PostingIter
	for _, k := range terms {
		if df := st.ix.DocFreq(k); df > maxDF {
			maxDF = df
		}
		if t := s.Lookup(k); t >= 0 {
			its = append(its, s.Postings(t))
		}
	}
	var out []scored
	if len(its) == 1 {
		idf := st.ix.idf(maxDF) * boost
		it := its[0]
		for it.Next() {
			if it.Doc >= s.NumDocs || st.ix.isDeleted(s.Base+it.Doc) {
				continue
			}
			out = append(out, scored{it.Doc, float32(idf * st.tfNorm(float64(it.Freq), it.Doc))})
		}
	} else if len(its) > 1 {
		idf := st.ix.idf(maxDF) * boost
		// Merge the sorted lists, adding frequencies of one document.
		var tfs []docTF
		for i := range its {
			var l []docTF
			for its[i].Next() {
				l = append(l, docTF{its[i].Doc, its[i].Freq})
			}
			tfs = mergeTF(tfs, l)
		}
		out = make([]scored, 0, len(tfs))
		for _, x := range tfs {
			if x.doc >= s.NumDocs || st.ix.isDeleted(s.Base+x.doc) {
				continue
			}
			out = append(out, scored{x.doc, float32(idf * st.tfNorm(float64(x.tf), x.doc))})
		}
	}
	return out
}

type docTF struct{ doc, tf uint32 }

func mergeTF(a, b []docTF) []docTF {
	if len(a) == 0 {
		return b
	}
	out := make([]docTF, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			out = append(out, a[i])
			i++
		case a[i].doc > b[j].doc:
			out = append(out, b[j])
			j++
		default:
			out = append(out, docTF{a[i].doc, a[i].tf + b[j].tf})
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

// phrase finds the documents where the surface forms follow one another.
func (st *searchState) phrase(q *Query) []scored {
	s := st.seg
	its := make([]PostingIter, len(q.Surfaces))
	idf := 0.0
	for i, t := range q.Surfaces {
		ti := s.Lookup(t)
		if ti < 0 {
			return nil
		}
		its[i] = s.Postings(ti)
		idf += st.idfOf(t)
	}
	var out []scored
	// Advance all iterators to common documents.
	for i := range its {
		if !its[i].Next() {
			return nil
		}
	}
	for {
		maxDoc := its[0].Doc
		for i := range its {
			maxDoc = max(maxDoc, its[i].Doc)
		}
		aligned := true
		for i := range its {
			for its[i].Doc < maxDoc {
				if !its[i].Next() {
					return out
				}
			}
			if its[i].Doc != maxDoc {
				aligned = false
			}
		}
		if !aligned {
			continue
		}
		d := maxDoc
		if d < s.NumDocs && !st.ix.isDeleted(s.Base+d) {
			if n := st.phraseFreq(its); n > 0 {
				out = append(out, scored{d, float32(idf * st.tfNorm(float64(n), d))})
			}
		}
		if !its[0].Next() {
			return out
		}
	}
}

// phraseFreq counts the places where the words of a phrase stand in order.
func (st *searchState) phraseFreq(its []PostingIter) int {
	cur := its[0].Positions(st.pos[0][:0])
	for i := 1; i < len(its) && len(cur) > 0; i++ {
		next := its[i].Positions(st.pos[1][:0])
		keep := cur[:0]
		j := 0
		for _, p := range cur {
			for j < len(next) && next[j] < p+1 {
				j++
			}
			if j < len(next) && next[j] == p+1 {
				keep = append(keep, p+1)
			}
		}
		cur = keep
		st.pos[1] = next
	}
	st.pos[0] = cur
	return len(cur)
}

func union(a, b []scored) []scored {
	if len(a) == 0 {
		return b
	}
	if len(b) == 0 {
		return a
	}
	out := make([]scored, 0, len(a)+len(b))
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			out = append(out, a[i])
			i++
		case a[i].doc > b[j].doc:
			out = append(out, b[j])
			j++
		default:
			out = append(out, scored{a[i].doc, a[i].score + b[j].score})
			i++
			j++
		}
	}
	out = append(out, a[i:]...)
	return append(out, b[j:]...)
}

func intersect(a, b []scored) []scored {
	out := a[:0]
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].doc < b[j].doc:
			i++
		case a[i].doc > b[j].doc:
			j++
		default:
			out = append(out, scored{a[i].doc, a[i].score + b[j].score})
			i++
			j++
		}
	}
	return out
}

// addScores adds b's scores to the documents of a that b has.
func addScores(a, b []scored) []scored {
	j := 0
	for i := range a {
		for j < len(b) && b[j].doc < a[i].doc {
			j++
		}
		if j < len(b) && b[j].doc == a[i].doc {
			a[i].score += b[j].score
		}
	}
	return a
}

func subtract(a, b []scored) []scored {
	if len(b) == 0 {
		return a
	}
	out := a[:0]
	j := 0
	for _, x := range a {
		for j < len(b) && b[j].doc < x.doc {
			j++
		}
		if j < len(b) && b[j].doc == x.doc {
			continue
		}
		out = append(out, x)
	}
	return out
}

// termDocs returns the live documents of the segment that hold any of
// terms.
func (st *searchState) termDocs(terms []string) []scored {
	var out []scored
	for _, t := range terms {
		ti := st.seg.Lookup(t)
		if ti < 0 {
			continue
		}
		df, _, _ := st.seg.termInfo(ti)
		r := make([]scored, 0, df)
		it := st.seg.Postings(ti)
		for it.Next() {
			r = append(r, scored{doc: it.Doc})
		}
		out = union(out, r)
	}
	return out
}

func prefixed(field byte, vals []string, norm func(string) string) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = string(field) + norm(v)
	}
	return out
}

func (st *searchState) filter(hits []scored, f *Filter) []scored {
	if len(hits) == 0 {
		return hits
	}
	if f.From != 0 || f.To != 0 {
		out := hits[:0]
		for _, h := range hits {
			d := st.seg.DocDate(int(h.doc))
			if d == NoDate || (f.From != 0 && d < f.From) || (f.To != 0 && d > f.To) {
				continue
			}
			out = append(out, h)
		}
		hits = out
	}
	keep := func(terms []string) {
		if len(terms) > 0 && len(hits) > 0 {
			hits = intersectKeep(hits, st.termDocs(terms))
		}
	}
	keep(prefixed(FieldSource, f.Sources, strings.ToLower))
	keep(prefixed(FieldCategory, f.Categories, strings.ToLower))
	for _, e := range f.Entities {
		// An entity is named by its words: ترامب finds دونالد ترامب.
		e = matchNorm.String(strings.TrimSpace(e))
		for _, w := range Words(e, nil) {
			keep([]string{string(FieldEntWord) + StripArticle(e[w.ByteStart:w.ByteEnd])})
		}
	}
	for _, t := range f.Types {
		keep([]string{string(FieldEntType) + strings.ToUpper(t)})
	}
	return hits
}

// intersectKeep keeps the documents of a that b has, with a's scores.
func intersectKeep(a, b []scored) []scored {
	out := a[:0]
	j := 0
	for _, x := range a {
		for j < len(b) && b[j].doc < x.doc {
			j++
		}
		if j < len(b) && b[j].doc == x.doc {
			out = append(out, x)
		}
	}
	return out
}

func topCounts(m map[string]int, size int) []Count {
	out := make([]Count, 0, len(m))
	for v, n := range m {
		out = append(out, Count{v, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Value < out[j].Value
	})
	if len(out) > size {
		out = out[:size]
	}
	return out
}

// DocInfo is what the index stores of a document.
type DocInfo struct {
	ID, Title, Source string
	Date              int32 // NoDate when unknown
	Deleted           bool
}

// Doc returns the stored fields of document number num.
func (ix *Index) Doc(num uint32) (DocInfo, bool) {
	i := sort.Search(len(ix.segs), func(i int) bool { return ix.segs[i].Base+ix.segs[i].NumDocs > num })
	if i == len(ix.segs) || num < ix.segs[i].Base {
		return DocInfo{}, false
	}
	s := ix.segs[i]
	l := int(num - s.Base)
	return DocInfo{ID: s.DocID(l), Title: s.DocTitle(l), Source: s.DocSource(l), Date: s.DocDate(l), Deleted: ix.isDeleted(num)}, true
}

// segmentOf returns the segment of document number num and its local
// number there; nil when no segment holds it.
func (ix *Index) segmentOf(num uint32) (*Segment, int) {
	i := sort.Search(len(ix.segs), func(i int) bool { return ix.segs[i].Base+ix.segs[i].NumDocs > num })
	if i == len(ix.segs) || num < ix.segs[i].Base {
		return nil, 0
	}
	return ix.segs[i], int(num - ix.segs[i].Base)
}

// IDF is the BM25 inverse document frequency of a term.
func (ix *Index) IDF(term string) float64 { return ix.idf(ix.DocFreq(term)) }

// MatchPositions returns, for each of docs, the sorted word positions
// where the positive words and phrases of q occur, read from the postings
// (so a snippet needs no analysis of the text). Positions count as Prepare
// numbered them: the title's words, a gap, then the body's.
func (ix *Index) MatchPositions(q *Query, docs []uint32) map[uint32][]uint32 {
	var terms []string
	var collect func(*Query)
	collect = func(q *Query) {
		switch q.Op {
		case OpWord:
			terms = append(terms, ix.expandClitics(q.Keys)...)
			if len(q.Surface) > 1 {
				terms = append(terms, q.Surface)
			}
		case OpPhrase:
			terms = append(terms, q.Surfaces...)
		}
		for _, s := range q.Subs {
			collect(s)
		}
	}
	collect(q)
	out := map[uint32][]uint32{}
	want := map[uint32]bool{}
	for _, d := range docs {
		want[d] = true
	}
	for _, s := range ix.segs {
		any := false
		for d := range want {
			if d >= s.Base && d < s.Base+s.NumDocs {
				any = true
				break
			}
		}
		if !any {
			continue
		}
		for _, t := range terms {
			ti := s.Lookup(t)
			if ti < 0 {
				continue
			}
			it := s.Postings(ti)
			for it.Next() {
				if d := s.Base + it.Doc; want[d] {
					out[d] = it.Positions(out[d])
				}
			}
		}
	}
	for d, ps := range out {
		slices.Sort(ps)
		out[d] = slices.Compact(ps)
	}
	return out
}

// isFlat says whether q is words and phrases joined by OR (the way most
// queries are typed), which dense scores faster than eval's list merges.
func isFlat(q *Query) bool {
	switch q.Op {
	case OpWord, OpPhrase:
		return true
	case OpOr:
		if len(q.Not) > 0 {
			return false
		}
		for _, s := range q.Subs {
			if s.Op != OpWord && s.Op != OpPhrase {
				return false
			}
		}
		return true
	}
	return false
}

// denseBuf holds a segment's accumulators between searches, to spare the
// collector a few hundred kilobytes a query.
type denseBuf struct {
	acc  []float32
	hit  []bool
	tf   []uint32
	bits []uint64 // the pruned path's union of matches
}

var denseBufs = sync.Pool{New: func() any { return &denseBuf{} }}

// dense scores a flat query into per-document accumulators, then lists the
// live matches by document; the same scores as eval.
func (st *searchState) dense(q *Query) []scored {
	n := int(st.seg.NumDocs)
	buf := denseBufs.Get().(*denseBuf)
	defer denseBufs.Put(buf)
	if cap(buf.acc) < n {
		buf.acc, buf.hit, buf.tf = make([]float32, n), make([]bool, n), make([]uint32, n)
	}
	acc, hit := buf.acc[:n], buf.hit[:n]
	st.tf = buf.tf[:n] // all zero: denseSynonyms clears what it uses
	defer func() { st.tf = nil }()
	clear(acc)
	clear(hit)
	subs := q.Subs
	if q.Op != OpOr {
		subs = []*Query{q}
	}
	for _, w := range subs {
		if w.Op == OpPhrase {
			for _, h := range st.phrase(w) {
				acc[h.doc] += h.score
				hit[h.doc] = true
			}
			continue
		}
		keys, ok := st.expanded[w]
		if !ok {
			keys = st.ix.expandClitics(w.Keys)
			st.expanded[w] = keys
		}
		st.denseSynonyms(keys, 1, acc, hit)
		title := make([]string, len(keys))
		for i, k := range keys {
			title[i] = string(FieldTitleKey) + k[1:]
		}
		st.denseSynonyms(title, titleBoost, acc, hit)
		if len(w.Surface) > 1 {
			st.denseSynonyms([]string{w.Surface}, surfaceBoost, acc, hit)
		}
	}
	m := 0
	for _, h := range hit {
		if h {
			m++
		}
	}
	out := make([]scored, 0, m)
	for d := range hit {
		if hit[d] && !st.ix.isDeleted(st.seg.Base+uint32(d)) {
			out = append(out, scored{uint32(d), acc[d]})
		}
	}
	return out
}

func (st *searchState) denseSynonyms(terms []string, boost float64, acc []float32, hit []bool) {
	s := st.seg
	maxDF := 0
	var tps []*termPostings
	for _, k := range terms {
		if df := st.ix.DocFreq(k); df > maxDF {
			maxDF = df
		}
		if t := s.Lookup(k); t >= 0 {
			// The decoded postings the ranked path caches: the same
			// documents and frequencies, without decoding them again.
			tps = append(tps, st.postings(t))
		}
	}
	if len(tps) == 0 {
		return
	}
	idf := st.ix.idf(maxDF) * boost
	if len(tps) == 1 {
		tp := tps[0]
		for i, d := range tp.docs {
			acc[d] += float32(idf * st.tfNorm(float64(tp.freqs[i]), d))
			hit[d] = true
		}
		return
	}
	if len(st.tf) < int(s.NumDocs) {
		st.tf = make([]uint32, s.NumDocs)
	}
	n := 0
	for _, tp := range tps {
		n += len(tp.docs)
	}
	touched := make([]uint32, 0, n)
	for _, tp := range tps {
		for i, d := range tp.docs {
			if st.tf[d] == 0 {
				touched = append(touched, d)
			}
			st.tf[d] += tp.freqs[i]
		}
	}
	for _, d := range touched {
		acc[d] += float32(idf * st.tfNorm(float64(st.tf[d]), d))
		hit[d] = true
		st.tf[d] = 0
	}
}

package index

import (
	"sync"
	"unicode/utf8"
)

// Span is a stretch of text in code points, end exclusive.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Snippet is an excerpt of a document around the words a query found.
type Snippet struct {
	Text string
	// Start is the offset of Text in the document, in code points.
	Start int
	// Highlights are the found words, in code points into Text. They count
	// code points of the logical (stored) order, so they stay right whatever
	// the direction the text is displayed in.
	Highlights []Span
}

// Highlighter finds the words of a query in a text. Build it once per
// query; it is safe for concurrent use.
type Highlighter struct {
	an       Analyzer
	keys     map[string]bool // match terms, field prefix removed
	surfaces map[string]bool // exact forms, field prefix removed

	mu       sync.Mutex
	formHits map[string]bool  // surface form -> has a query key
	wordHits map[string]bool  // word as written -> found (WordKeyer)
	formRefs map[formRef]bool // stored surface form -> found (FormKeyer)
	formSets map[*Segment]*formSet
}

// formRef is a surface term of a segment.
type formRef struct {
	s *Segment
	t uint32
}

// WordKeyer is an Analyzer whose keys of a text are the keys of each of
// its words analysed alone (the archive's query analyzer, which maps
// surface forms to the keys they got at ingest, is one). WordKeys returns
// a word's keys, offsets within the word. A Highlighter over a WordKeyer
// decides each distinct word of its texts once, rather than analysing
// every text whole.
type WordKeyer interface {
	WordKeys(word string) []Key
}

// FormKeyer is a WordKeyer that also gives the keys of a word from the
// surface term it was indexed under (term t of segment s, a FieldSurface
// term): the keys WordKeys gives any word written in that form. false when
// t is no such term. With it, a Highlighter decides the words of a stored
// document by their form's number, from the document's stored forms,
// without normalising or hashing the words of the text.
//
// FormIndex gives the inverse of FormKeys for segment s (the surface terms
// of each key); nil when it has none, and each form is then decided by
// FormKeys.
type FormKeyer interface {
	FormKeys(s *Segment, t int) ([]Key, bool)
	FormIndex(s *Segment) *FormIndex
}

// formSet is the surface terms of a segment a query marks, from the
// query's keys and exact forms, as bits from lo; keyless terms are
// decided by FormKeys.
type formSet struct {
	lo, n   int
	hit     []uint64
	keyless []uint64
}

// NewHighlighter collects the positive words of q.
func NewHighlighter(q *Query, an Analyzer) *Highlighter {
	h := &Highlighter{an: an, keys: map[string]bool{}, surfaces: map[string]bool{}}
	h.collect(q)
	return h
}

func (h *Highlighter) collect(q *Query) {
	if q == nil {
		return
	}
	switch q.Op {
	case OpWord:
		for _, k := range q.Keys {
			h.keys[k[1:]] = true
		}
		if len(q.Surface) > 1 {
			h.surfaces[q.Surface[1:]] = true
		}
	case OpPhrase:
		for _, s := range q.Surfaces {
			h.surfaces[s[1:]] = true
		}
	}
	for _, s := range q.Subs {
		h.collect(s)
	}
}

// Matches returns the spans (code points into text) of the words that the
// query finds, in order.
func (h *Highlighter) Matches(text string) []Span {
	return h.matches(text, Words(text, nil))
}

func (h *Highlighter) matches(text string, words []Word) []Span {
	hits := make([]bool, len(words))
	if wk, ok := h.an.(WordKeyer); ok {
		h.wordMatches(wk, text, words, hits)
		return spansOf(words, hits)
	}
	for i, w := range words {
		if h.surfaces[SurfaceTerm(text[w.ByteStart:w.ByteEnd])] {
			hits[i] = true
		}
	}
	if sk, ok := h.an.(interface{ SurfaceKeys(string) []string }); ok && len(h.keys) > 0 {
		// Look each distinct form up in the index's own record of its keys:
		// no model, and no analysis of the whole text.
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.formHits == nil {
			h.formHits = map[string]bool{}
		}
		for i, w := range words {
			sf := SurfaceTerm(text[w.ByteStart:w.ByteEnd])
			hit, seen := h.formHits[sf]
			if !seen {
				for _, k := range sk.SurfaceKeys(sf) {
					if h.keys[k] {
						hit = true
						break
					}
				}
				h.formHits[sf] = hit
			}
			if hit {
				hits[i] = true
			}
		}
	} else if len(h.keys) > 0 {
		j := 0
		for _, k := range h.an.Keys(text) {
			if !h.keys[k.Term] {
				continue
			}
			for j < len(words) && words[j].End <= k.Start {
				j++
			}
			if j < len(words) && words[j].Start <= k.Start {
				hits[j] = true
			}
		}
	}
	return spansOf(words, hits)
}

func spansOf(words []Word, hits []bool) []Span {
	var out []Span
	for i, w := range words {
		if hits[i] {
			out = append(out, Span{w.Start, w.End})
		}
	}
	return out
}

// wordMatches marks the words that the query finds, each distinct word
// decided once: by its surface form, or by a key of it alone.
func (h *Highlighter) wordMatches(wk WordKeyer, text string, words []Word, hits []bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.wordHits == nil {
		// Ten news articles hold about this many distinct words.
		h.wordHits = make(map[string]bool, 2048)
	}
	for i, w := range words {
		word := text[w.ByteStart:w.ByteEnd]
		hit, seen := h.wordHits[word]
		if !seen {
			hit = h.surfaces[SurfaceTerm(word)]
			if !hit && len(h.keys) > 0 {
				n := w.End - w.Start
				for _, k := range wk.WordKeys(word) {
					// A key outside the word would mark another: none here.
					if h.keys[k.Term] && k.Start >= 0 && k.Start < n {
						hit = true
						break
					}
				}
			}
			h.wordHits[word] = hit
		}
		hits[i] = hit
	}
}

// Snippet picks the excerpt of about width code points with the most
// matches, cut at word boundaries, and the highlights inside it. A text
// without matches gives its opening.
func (h *Highlighter) Snippet(text string, width int) Snippet {
	words := Words(text, nil)
	return snippetOf(text, words, h.matches(text, words), width)
}

// SnippetOf is Snippet for the text of document doc of ix. When the
// document's segment stores the surface form of each word and the
// analyzer is a FormKeyer, the words are decided by their stored forms,
// each distinct form once per Highlighter; the snippet is the one Snippet
// makes. A text that does not match its stored forms (not the indexed
// one) goes through Snippet.
func (h *Highlighter) SnippetOf(ix *Index, doc uint32, text string, width int) Snippet {
	// The words and marks of a text are dropped once its snippet is cut:
	// recycled, as a request cuts ten of a few thousand words each.
	buf := snippetBufs.Get().(*snippetBuf)
	defer snippetBufs.Put(buf)
	words := Words(text, buf.words[:0])
	buf.words = words
	if fk, ok := h.an.(FormKeyer); ok {
		if s, local := ix.segmentOf(doc); s != nil && s.forms.n > 0 {
			hits := buf.hits[:0]
			if cap(hits) < len(words) {
				hits = make([]bool, len(words))
			}
			hits = hits[:len(words)]
			clear(hits)
			buf.hits = hits
			if h.formMatches(fk, s, s.forms.bytes(local), hits) {
				return snippetOf(text, words, spansOf(words, hits), width)
			}
		}
	}
	return snippetOf(text, words, h.matches(text, words), width)
}

type snippetBuf struct {
	words []Word
	hits  []bool
}

var snippetBufs = sync.Pool{New: func() any { return &snippetBuf{words: make([]Word, 0, 1024)} }}

// formMatches marks hits[j] for each word j whose stored form the query
// finds; false when the stored forms are not one per word.
func (h *Highlighter) formMatches(fk FormKeyer, s *Segment, forms []byte, hits []bool) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	lo, nf := 0, 0 // no form set: every form decided alone
	var hit, keyless []uint64
	if set := h.formSet(fk, s); set != nil {
		lo, nf, hit, keyless = set.lo, set.n, set.hit, set.keyless
	}
	j := 0
	for len(forms) > 0 {
		v, n := uvarint(forms)
		if n <= 0 || j >= len(hits) {
			return false
		}
		forms = forms[n:]
		if i := int(v) - 1 - lo; v > 0 && uint(i) < uint(nf) && keyless[i/64]&(1<<(i%64)) == 0 {
			hits[j] = hit[i/64]&(1<<(i%64)) != 0
		} else if v > 0 {
			if h.formRefs == nil {
				h.formRefs = map[formRef]bool{}
			}
			ref := formRef{s, uint32(v - 1)}
			hit, seen := h.formRefs[ref]
			if !seen {
				if hit, seen = h.decideForm(fk, s, int(v-1)); !seen {
					return false
				}
				h.formRefs[ref] = hit
			}
			hits[j] = hit
		}
		j++
	}
	return j == len(hits)
}

// formSet returns the forms of s that the query marks; nil when fk cannot
// list them.
func (h *Highlighter) formSet(fk FormKeyer, s *Segment) *formSet {
	if set, ok := h.formSets[s]; ok {
		return set
	}
	var set *formSet
	if fi := fk.FormIndex(s); fi != nil {
		n := fi.hi - fi.lo
		set = &formSet{lo: fi.lo, n: n, hit: make([]uint64, (n+63)/64), keyless: fi.keyless}
		mark := func(t int) {
			if i := t - fi.lo; i >= 0 && i < n {
				set.hit[i/64] |= 1 << (i % 64)
			}
		}
		for k := range h.keys {
			for _, t := range fi.byKey[k] {
				mark(int(t))
			}
		}
		for sf := range h.surfaces {
			if t := s.Lookup(string(FieldSurface) + sf); t >= 0 {
				mark(t)
			}
		}
	}
	if h.formSets == nil {
		h.formSets = map[*Segment]*formSet{}
	}
	h.formSets[s] = set
	return set
}

// decideForm says whether the query finds a word of surface term t, the
// way wordMatches decides a word; false, false when t is no surface term.
func (h *Highlighter) decideForm(fk FormKeyer, s *Segment, t int) (hit, ok bool) {
	if t >= s.terms.n {
		return false, false
	}
	term := s.terms.bytes(t)
	if len(term) < 2 || term[0] != FieldSurface {
		return false, false
	}
	sf := term[1:]
	if h.surfaces[string(sf)] {
		return true, true
	}
	if len(h.keys) == 0 {
		return false, true
	}
	ks, ok := fk.FormKeys(s, t)
	if !ok {
		return false, false
	}
	n := utf8.RuneCount(sf)
	for _, k := range ks {
		if h.keys[k.Term] && k.Start >= 0 && k.Start < n {
			return true, true
		}
	}
	return false, true
}

// SnippetAt picks the excerpt of a document around the word positions
// where the query matched, as Index.MatchPositions gives them (positions
// count the title's words first; see Prepare).
func SnippetAt(title, text string, positions []uint32, width int) Snippet {
	body := BodyStart(title)
	words := Words(text, nil)
	var matches []Span
	for _, p := range positions {
		if p < body || int(p-body) >= len(words) {
			continue
		}
		w := words[p-body]
		if len(matches) == 0 || matches[len(matches)-1].Start != w.Start {
			matches = append(matches, Span{w.Start, w.End})
		}
	}
	return snippetOf(text, words, matches, width)
}

func snippetOf(text string, words []Word, matches []Span, width int) Snippet {
	if width <= 0 {
		width = 200
	}
	if len(words) == 0 {
		return Snippet{}
	}
	// Slide a window of words no wider than width code points; keep the
	// one holding the most matches, preferring the earliest.
	best, bestN, bestEnd := 0, -1, 0
	mi0 := 0
	end := 0
	for start := range words {
		if end < start {
			end = start
		}
		for end < len(words) && words[end].End-words[start].Start <= width {
			end++
		}
		for mi0 < len(matches) && matches[mi0].Start < words[start].Start {
			mi0++
		}
		n := 0
		lastEnd := words[max(end-1, start)].End
		for k := mi0; k < len(matches) && matches[k].End <= lastEnd; k++ {
			n++
		}
		if n > bestN {
			best, bestN, bestEnd = start, n, max(end, start+1)
		}
		if len(matches) == 0 {
			break
		}
	}
	a, b := words[best], words[bestEnd-1]
	sn := Snippet{Text: text[a.ByteStart:b.ByteEnd], Start: a.Start}
	for _, m := range matches {
		if m.Start >= a.Start && m.End <= b.End {
			sn.Highlights = append(sn.Highlights, Span{m.Start - a.Start, m.End - a.Start})
		}
	}
	return sn
}

// Mark renders a snippet with open and close around each highlight.
func (s Snippet) Mark(open, close string) string {
	out := make([]byte, 0, len(s.Text)+len(s.Highlights)*(len(open)+len(close)))
	cp, hi := 0, 0
	for i := 0; i < len(s.Text); {
		if hi < len(s.Highlights) && s.Highlights[hi].Start == cp {
			out = append(out, open...)
		}
		_, size := utf8.DecodeRuneInString(s.Text[i:])
		out = append(out, s.Text[i:i+size]...)
		i += size
		cp++
		if hi < len(s.Highlights) && s.Highlights[hi].End == cp {
			out = append(out, close...)
			hi++
		}
	}
	return string(out)
}

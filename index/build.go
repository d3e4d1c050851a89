package index

import (
	"encoding/binary"
	"slices"
	"sort"
	"strings"
	"time"
)

// Term kinds: the first byte of every term in the dictionary says which
// field it belongs to, so one dictionary serves all fields.
const (
	FieldKey      = 'k' // match key (lemma or stem) of a title or body word
	FieldTitleKey = 'T' // match key of a title word, again: titles weigh more
	FieldSurface  = 's' // normalised surface form, for phrases
	FieldEntity   = 'e' // canonical entity name, match-normalised
	FieldEntWord  = 'w' // a word of a canonical entity name
	FieldEntType  = 't' // an entity type that occurs in the document
	FieldSource   = 'o' // outlet, lower case
	FieldCategory = 'c' // section, lower case
	// FieldSurfaceKey terms are surface NUL key: which keys the analysis
	// gave a surface form in context. Queries are analysed through them,
	// the same way the documents were, without loading a model.
	FieldSurfaceKey = 'm'
)

// Entity is a named entity of a document, for the entity field and facets.
type Entity struct {
	Type      string // PER, LOC, ORG, MISC
	Canonical string
}

// DocInput is what the index needs of one document.
type DocInput struct {
	ID, Title, Text string
	// TextKeys, when not nil, are the keys of Text, computed already (from
	// the document's morphological analysis); else the Analyzer makes them.
	TextKeys []Key
	Date     string // YYYY-MM-DD or empty
	Source   string
	Category string
	Entities []Entity
}

// Prepared is a document turned into terms, ready for a Builder. Preparing
// is the costly part of indexing (it runs the analyzer) and is safe to do
// on many goroutines at once.
type Prepared struct {
	ID, Title string
	Length    uint32 // words in title and body
	Date      int32  // days since 1970-01-01, NoDate when unknown
	Source    string
	Entities  []string // "TYPE\x00canonical", sorted, unique
	// Terms are sorted by term, then position.
	Terms []TermPos
}

// TermPos is one occurrence of a term.
type TermPos struct {
	Term string
	Pos  uint32
}

// NoDate marks a document without a date.
const NoDate = int32(-1 << 31)

// titleGap separates title positions from body positions so that a phrase
// never spans the two.
const titleGap = 8

// Prepare analyses a document into terms.
func Prepare(an Analyzer, d *DocInput) *Prepared {
	p := &Prepared{ID: d.ID, Title: d.Title, Date: ParseDate(d.Date), Source: strings.ToLower(d.Source)}
	pos := uint32(0)
	var words []Word
	for i, text := range [2]string{d.Title, d.Text} {
		if i == 1 && pos > 0 {
			pos += titleGap
		}
		words = Words(text, words[:0])
		for j, w := range words {
			t := SurfaceTerm(text[w.ByteStart:w.ByteEnd])
			if t != "" {
				p.Terms = append(p.Terms, TermPos{string(FieldSurface) + t, pos + uint32(j)})
			}
		}
		keys := d.TextKeys
		if i == 0 || keys == nil {
			keys = an.Keys(text)
		}
		// main[j] is the key of word j with the widest span: the stem, not
		// a clitic split off it. The surface map records it alone.
		main := make([]int, len(words))
		for j := range main {
			main[j] = -1
		}
		for ki, k := range keys {
			if k.Term == "" {
				continue
			}
			// The key's position is the word it starts in.
			j := sort.Search(len(words), func(j int) bool { return words[j].End > k.Start })
			if j == len(words) {
				j = len(words) - 1
			}
			if j < 0 {
				continue
			}
			p.Terms = append(p.Terms, TermPos{string(FieldKey) + k.Term, pos + uint32(j)})
			if i == 0 {
				p.Terms = append(p.Terms, TermPos{string(FieldTitleKey) + k.Term, pos + uint32(j)})
			}
			if m := main[j]; m < 0 || k.End-k.Start > keys[m].End-keys[m].Start {
				main[j] = ki
			}
		}
		for j, ki := range main {
			if ki >= 0 {
				w := words[j]
				sf := SurfaceTerm(text[w.ByteStart:w.ByteEnd])
				p.Terms = append(p.Terms, TermPos{string(FieldSurfaceKey) + sf + "\x00" + keys[ki].Term, 0})
			}
		}
		pos += uint32(len(words))
	}
	p.Length = pos
	seenType := map[string]bool{}
	for _, e := range d.Entities {
		c := matchNorm.String(strings.TrimSpace(e.Canonical))
		if c == "" {
			continue
		}
		p.Entities = append(p.Entities, e.Type+"\x00"+c)
		p.Terms = append(p.Terms, TermPos{string(FieldEntity) + c, 0})
		for _, w := range Words(c, nil) {
			p.Terms = append(p.Terms, TermPos{string(FieldEntWord) + StripArticle(c[w.ByteStart:w.ByteEnd]), 0})
		}
		if !seenType[e.Type] && e.Type != "" {
			seenType[e.Type] = true
			p.Terms = append(p.Terms, TermPos{string(FieldEntType) + strings.ToUpper(e.Type), 0})
		}
	}
	slices.Sort(p.Entities)
	p.Entities = slices.Compact(p.Entities)
	if p.Source != "" {
		p.Terms = append(p.Terms, TermPos{string(FieldSource) + p.Source, 0})
	}
	if c := strings.ToLower(d.Category); c != "" {
		p.Terms = append(p.Terms, TermPos{string(FieldCategory) + c, 0})
	}
	slices.SortFunc(p.Terms, compareTermPos)
	return p
}

func compareTermPos(x, y TermPos) int {
	if c := strings.Compare(x.Term, y.Term); c != 0 {
		return c
	}
	return int(x.Pos) - int(y.Pos)
}

// ParseDate turns YYYY-MM-DD into days since 1970-01-01, NoDate if s is
// not such a date.
func ParseDate(s string) int32 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return NoDate
	}
	return int32(t.Unix() / 86400)
}

// FormatDate is the inverse of ParseDate; "" for NoDate.
func FormatDate(d int32) string {
	if d == NoDate {
		return ""
	}
	return time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly)
}

// Builder collects prepared documents with consecutive document numbers
// into one segment.
type Builder struct {
	base  uint32
	docs  []*Prepared
	terms map[string]*postingBuf
}

type postingBuf struct {
	docs  []uint32 // local numbers
	freqs []uint32
	pos   []uint32 // positions of all postings in order
}

// NewBuilder starts a segment whose first document has number base.
func NewBuilder(base uint32) *Builder {
	return &Builder{base: base, terms: map[string]*postingBuf{}}
}

// Len is the number of documents added.
func (b *Builder) Len() int { return len(b.docs) }

// Base is the number of the first document.
func (b *Builder) Base() uint32 { return b.base }

// Add appends a document; it gets number Base()+Len() before the call.
func (b *Builder) Add(p *Prepared) {
	local := uint32(len(b.docs))
	b.docs = append(b.docs, p)
	terms := p.Terms
	if !slices.IsSortedFunc(terms, compareTermPos) {
		terms = slices.Clone(terms)
		slices.SortFunc(terms, compareTermPos)
	}
	for i := 0; i < len(terms); {
		j := i
		for j < len(terms) && terms[j].Term == terms[i].Term {
			j++
		}
		pb := b.terms[terms[i].Term]
		if pb == nil {
			pb = &postingBuf{}
			b.terms[terms[i].Term] = pb
		}
		pb.docs = append(pb.docs, local)
		pb.freqs = append(pb.freqs, uint32(j-i))
		last := ^uint32(0)
		for _, t := range terms[i:j] {
			if t.Pos != last { // a term twice at one position counts once
				pb.pos = append(pb.pos, t.Pos)
			} else {
				pb.freqs[len(pb.freqs)-1]--
			}
			last = t.Pos
		}
		i = j
	}
}

// Bytes encodes the segment.
func (b *Builder) Bytes() []byte {
	w := newSegWriter(b.base, uint32(len(b.docs)))
	for _, d := range b.docs {
		w.addDoc(d.ID, d.Title, d.Length, d.Date, d.Source, d.Entities)
	}
	names := make([]string, 0, len(b.terms))
	for t := range b.terms {
		names = append(names, t)
	}
	slices.Sort(names)
	for _, t := range names {
		pb := b.terms[t]
		w.addTerm(t, pb.docs, pb.freqs, pb.pos)
	}
	return w.finish()
}

// segWriter encodes a segment section by section.
type segWriter struct {
	base, ndocs uint32
	docLen      []byte
	docDate     []byte
	docSource   []byte
	ids, titles strTable
	docEnts     strTable // varint entity ordinals per document
	entOrd      map[string]uint32
	ents        []string
	srcOrd      map[string]uint32
	srcs        []string
	termStrs    strTable
	termInfo    []byte
	postings    []byte
	positions   []byte
	nterms      uint32
	// forms[d][j] is 1 + the index of the surface term of body word j of
	// document d, 0 for a word without one; bodyStart[d] is the position
	// of its first body word.
	forms     [][]uint32
	bodyStart []uint32
}

func newSegWriter(base, ndocs uint32) *segWriter {
	return &segWriter{base: base, ndocs: ndocs, entOrd: map[string]uint32{}, srcOrd: map[string]uint32{}}
}

func (w *segWriter) addDoc(id, title string, length uint32, date int32, source string, ents []string) {
	w.docLen = binary.LittleEndian.AppendUint32(w.docLen, length)
	w.docDate = binary.LittleEndian.AppendUint32(w.docDate, uint32(date))
	so, ok := w.srcOrd[source]
	if !ok {
		so = uint32(len(w.srcs))
		w.srcOrd[source] = so
		w.srcs = append(w.srcs, source)
	}
	w.docSource = binary.LittleEndian.AppendUint32(w.docSource, so)
	w.ids.add(id)
	w.titles.add(title)
	var eb []byte
	for _, e := range ents {
		o, ok := w.entOrd[e]
		if !ok {
			o = uint32(len(w.ents))
			w.entOrd[e] = o
			w.ents = append(w.ents, e)
		}
		eb = binary.AppendUvarint(eb, uint64(o))
	}
	w.docEnts.add(string(eb))
	bs := BodyStart(title)
	w.bodyStart = append(w.bodyStart, bs)
	var f []uint32
	if length > bs {
		f = make([]uint32, length-bs)
	}
	w.forms = append(w.forms, f)
}

// addTerm adds a term's postings; docs are local numbers, ascending; pos
// holds freqs[i] positions for each posting, ascending within a posting.
func (w *segWriter) addTerm(term string, docs, freqs, pos []uint32) {
	if term != "" && term[0] == FieldSurface {
		k := 0
		for i, d := range docs {
			ps := pos[k : k+int(freqs[i])]
			k += int(freqs[i])
			if int(d) >= len(w.forms) {
				continue
			}
			f, bs := w.forms[d], w.bodyStart[d]
			for _, p := range ps {
				if p >= bs && int(p-bs) < len(f) {
					f[p-bs] = w.nterms + 1
				}
			}
		}
	}
	w.termStrs.add(term)
	w.termInfo = binary.LittleEndian.AppendUint32(w.termInfo, uint32(len(docs)))
	w.termInfo = binary.LittleEndian.AppendUint32(w.termInfo, uint32(len(w.postings)))
	w.termInfo = binary.LittleEndian.AppendUint32(w.termInfo, uint32(len(w.positions)))
	prev := uint32(0)
	k := 0
	for i, d := range docs {
		w.postings = binary.AppendUvarint(w.postings, uint64(d-prev))
		w.postings = binary.AppendUvarint(w.postings, uint64(freqs[i]))
		prev = d
		lp := uint32(0)
		start := len(w.positions)
		for _, p := range pos[k : k+int(freqs[i])] {
			w.positions = binary.AppendUvarint(w.positions, uint64(p-lp))
			lp = p
		}
		w.postings = binary.AppendUvarint(w.postings, uint64(len(w.positions)-start))
		k += int(freqs[i])
	}
	w.nterms++
}

func (w *segWriter) finish() []byte {
	var ents, srcs, forms strTable
	var fb []byte
	for _, f := range w.forms {
		fb = fb[:0]
		for _, t := range f {
			fb = binary.AppendUvarint(fb, uint64(t))
		}
		forms.add(string(fb))
	}
	w.forms = nil
	for _, e := range w.ents {
		ents.add(e)
	}
	for _, s := range w.srcs {
		srcs.add(s)
	}
	// Sentinel row so that a term's extent is row i to row i+1.
	w.termInfo = binary.LittleEndian.AppendUint32(w.termInfo, 0)
	w.termInfo = binary.LittleEndian.AppendUint32(w.termInfo, uint32(len(w.postings)))
	w.termInfo = binary.LittleEndian.AppendUint32(w.termInfo, uint32(len(w.positions)))
	sections := [numSections][]byte{
		secDocLen: w.docLen, secDocDate: w.docDate, secDocSource: w.docSource,
		secIDs: w.ids.bytes(), secTitles: w.titles.bytes(), secDocEnts: w.docEnts.bytes(),
		secEnts: ents.bytes(), secSources: srcs.bytes(),
		secTermStrs: w.termStrs.bytes(), secTermInfo: w.termInfo,
		secPostings: w.postings, secPositions: w.positions,
		secDocForms: forms.bytes(),
	}
	size := headerSize
	for _, s := range sections {
		size += len(s)
	}
	out := make([]byte, 0, size)
	out = append(out, segMagic...)
	out = binary.LittleEndian.AppendUint32(out, w.base)
	out = binary.LittleEndian.AppendUint32(out, w.ndocs)
	out = binary.LittleEndian.AppendUint32(out, w.nterms)
	off := uint32(headerSize)
	for _, s := range sections {
		out = binary.LittleEndian.AppendUint32(out, off)
		off += uint32(len(s))
	}
	out = binary.LittleEndian.AppendUint32(out, off)
	for _, s := range sections {
		out = append(out, s...)
	}
	return out
}

// strTable is a table of strings: n+1 uint32 offsets, then the bytes.
type strTable struct {
	offs []uint32
	data []byte
}

func (t *strTable) add(s string) {
	t.offs = append(t.offs, uint32(len(t.data)))
	t.data = append(t.data, s...)
}

func (t *strTable) bytes() []byte {
	out := make([]byte, 0, 4+4*(len(t.offs)+1)+len(t.data))
	out = binary.LittleEndian.AppendUint32(out, uint32(len(t.offs)))
	for _, o := range t.offs {
		out = binary.LittleEndian.AppendUint32(out, o)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(t.data)))
	return append(out, t.data...)
}

// BodyStart is the position of the first body word of a document with
// this title: positions count the title's words, then a gap.
func BodyStart(title string) uint32 {
	if n := len(Words(title, nil)); n > 0 {
		return uint32(n) + titleGap
	}
	return 0
}

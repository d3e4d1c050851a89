package index

import (
	"encoding/binary"
	"errors"
	"fmt"
	"sync"
)

// Segment layout: magic, base, ndocs, nterms, then numSections+1 section
// offsets (the last is the end), then the sections. All integers are little
// endian; every section is read in place, so a segment mapped from disk is
// usable without decoding.
const segMagic = "KHSEG\x00\x04\x00"

// SegmentFormat is the format version new segments are written in.
const SegmentFormat = 4

// segFormat3 is the format before the documents' word forms (secDocForms);
// its segments are read still, and their snippets analyse the text.
const segFormat3 = 3

const (
	secDocLen = iota
	secDocDate
	secDocSource
	secIDs
	secTitles
	secDocEnts
	secEnts
	secSources
	secTermStrs
	secTermInfo
	secPostings
	secPositions
	secDocForms // format 4: the surface term of each body word of each document
	numSections
)

// headerSizeOf is the header size of a segment with n sections.
func headerSizeOf(n int) int { return len(segMagic) + 12 + 4*(n+1) }

const headerSize = len(segMagic) + 12 + 4*(numSections+1)

// ErrCorrupt is wrapped by every error about a malformed segment.
var ErrCorrupt = errors.New("corrupt index segment")

// ErrFormat is returned for a segment of another format version.
var ErrFormat = errors.New("index segment of another format")

// Segment is a read-only view of an encoded segment. It refers to the
// bytes it was opened on; they must not change while it is in use.
type Segment struct {
	Base, NumDocs, NumTerms uint32
	sec                     [numSections][]byte
	ids, titles, docEnts    strView
	ents, sources, terms    strView
	forms                   strView // per document; n == 0 in a format 3 segment
	format                  int

	entOnce sync.Once // facets' view of ents, made on first use
	entMeta *entMeta
}

// OpenSegment checks the layout of data and returns a view of it.
func OpenSegment(data []byte) (*Segment, error) {
	nsec := numSections
	if len(data) >= len(segMagic) && string(data[:6]) == segMagic[:6] && data[6] != segMagic[6] {
		if data[6] != segFormat3 {
			return nil, fmt.Errorf("%w: segment format %d, this khabar reads %d and %d", ErrFormat, data[6], segFormat3, segMagic[6])
		}
		nsec = secDocForms
	}
	if len(data) < headerSizeOf(nsec) || string(data[:6]) != segMagic[:6] || string(data[7:len(segMagic)]) != segMagic[7:] {
		return nil, fmt.Errorf("%w: bad header", ErrCorrupt)
	}
	le := binary.LittleEndian
	h := data[len(segMagic):]
	s := &Segment{Base: le.Uint32(h), NumDocs: le.Uint32(h[4:]), NumTerms: le.Uint32(h[8:]), format: int(data[6])}
	offs := h[12:]
	prev := uint32(headerSizeOf(nsec))
	for i := 0; i < nsec; i++ {
		a, b := le.Uint32(offs[4*i:]), le.Uint32(offs[4*i+4:])
		if a != prev || b < a || int(b) > len(data) {
			return nil, fmt.Errorf("%w: section %d out of bounds", ErrCorrupt, i)
		}
		s.sec[i] = data[a:b:b]
		prev = b
	}
	n := int(s.NumDocs)
	if len(s.sec[secDocLen]) != 4*n || len(s.sec[secDocDate]) != 4*n || len(s.sec[secDocSource]) != 4*n ||
		len(s.sec[secTermInfo]) != 12*(int(s.NumTerms)+1) {
		return nil, fmt.Errorf("%w: table sizes disagree", ErrCorrupt)
	}
	var err error
	for _, t := range []struct {
		v   *strView
		sec int
		n   int
	}{{&s.ids, secIDs, n}, {&s.titles, secTitles, n}, {&s.docEnts, secDocEnts, n}, {&s.ents, secEnts, -1}, {&s.sources, secSources, -1}, {&s.terms, secTermStrs, int(s.NumTerms)}, {&s.forms, secDocForms, n}} {
		if t.sec == secDocForms && nsec == secDocForms {
			continue // format 3: no forms
		}
		if *t.v, err = openStrView(s.sec[t.sec]); err != nil {
			return nil, err
		}
		if t.n >= 0 && t.v.n != t.n {
			return nil, fmt.Errorf("%w: string table %d has %d entries, want %d", ErrCorrupt, t.sec, t.v.n, t.n)
		}
	}
	ti := s.sec[secTermInfo]
	last := 12 * int(s.NumTerms)
	if int(le.Uint32(ti[last+4:])) != len(s.sec[secPostings]) || int(le.Uint32(ti[last+8:])) != len(s.sec[secPositions]) {
		return nil, fmt.Errorf("%w: postings size", ErrCorrupt)
	}
	return s, nil
}

// Format is the segment's format version: SegmentFormat, or 3 for a
// segment without the documents' word forms (read still; Optimize
// rewrites it).
func (s *Segment) Format() int { return s.format }

// strView reads a strTable in place.
type strView struct {
	n    int
	offs []byte
	data []byte
}

func openStrView(b []byte) (strView, error) {
	if len(b) < 8 {
		return strView{}, fmt.Errorf("%w: short string table", ErrCorrupt)
	}
	n := int(binary.LittleEndian.Uint32(b))
	if n < 0 || 4+4*(n+1) > len(b) {
		return strView{}, fmt.Errorf("%w: string table count", ErrCorrupt)
	}
	v := strView{n: n, offs: b[4 : 4+4*(n+1)], data: b[4+4*(n+1):]}
	prev := uint32(0)
	for i := 0; i <= n; i++ {
		o := binary.LittleEndian.Uint32(v.offs[4*i:])
		if o < prev || int(o) > len(v.data) {
			return strView{}, fmt.Errorf("%w: string table offsets", ErrCorrupt)
		}
		prev = o
	}
	if int(prev) != len(v.data) {
		return strView{}, fmt.Errorf("%w: string table size", ErrCorrupt)
	}
	return v, nil
}

func (v strView) bytes(i int) []byte {
	a, b := binary.LittleEndian.Uint32(v.offs[4*i:]), binary.LittleEndian.Uint32(v.offs[4*i+4:])
	return v.data[a:b]
}

func (v strView) get(i int) string { return string(v.bytes(i)) }

// find returns the index of s in a sorted table, or -1.
func (v strView) find(s string) int {
	lo, hi := 0, v.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if string(v.bytes(m)) < s { // no allocation in a comparison
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < v.n && string(v.bytes(lo)) == s {
		return lo
	}
	return -1
}

// prefixRange returns the indexes [lo, hi) of the entries that start with
// prefix in a sorted table.
func (v strView) prefixRange(prefix string) (int, int) {
	lo, hi := 0, v.n
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if string(v.bytes(m)) < prefix {
			lo = m + 1
		} else {
			hi = m
		}
	}
	end := lo
	for end < v.n {
		if b := v.bytes(end); len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
			break
		}
		end++
	}
	return lo, end
}

// DocLen is the length in words of local document i.
func (s *Segment) DocLen(i int) uint32 { return binary.LittleEndian.Uint32(s.sec[secDocLen][4*i:]) }

// DocDate is the date of local document i in days since 1970, or NoDate.
func (s *Segment) DocDate(i int) int32 {
	return int32(binary.LittleEndian.Uint32(s.sec[secDocDate][4*i:]))
}

// DocSource is the outlet of local document i.
func (s *Segment) DocSource(i int) string {
	o := int(binary.LittleEndian.Uint32(s.sec[secDocSource][4*i:]))
	if o >= s.sources.n {
		return ""
	}
	return s.sources.get(o)
}

// DocID is the id of local document i.
func (s *Segment) DocID(i int) string { return s.ids.get(i) }

// DocTitle is the title of local document i.
func (s *Segment) DocTitle(i int) string { return s.titles.get(i) }

// docEntities calls f with the ordinal of each entity of local document i.
func (s *Segment) docEntities(i int, f func(ord int)) {
	b := s.docEnts.bytes(i)
	for len(b) > 0 {
		o, n := binary.Uvarint(b)
		if n <= 0 || int(o) >= s.ents.n {
			return
		}
		f(int(o))
		b = b[n:]
	}
}

// DocEntities returns the entities of local document i as "TYPE\x00name".
func (s *Segment) DocEntities(i int) []string {
	var out []string
	s.docEntities(i, func(o int) { out = append(out, s.ents.get(o)) })
	return out
}

// termInfo returns df and the extents of the term's postings and positions.
func (s *Segment) termInfo(t int) (df uint32, post, pos []byte) {
	ti := s.sec[secTermInfo][12*t:]
	df = binary.LittleEndian.Uint32(ti)
	p0, q0 := binary.LittleEndian.Uint32(ti[4:]), binary.LittleEndian.Uint32(ti[8:])
	p1, q1 := binary.LittleEndian.Uint32(ti[16:]), binary.LittleEndian.Uint32(ti[20:])
	pp, qq := s.sec[secPostings], s.sec[secPositions]
	if p0 > p1 || int(p1) > len(pp) || q0 > q1 || int(q1) > len(qq) {
		return 0, nil, nil
	}
	return df, pp[p0:p1], qq[q0:q1]
}

// Term returns the term with index t.
func (s *Segment) Term(t int) string { return s.terms.get(t) }

// Lookup returns the index of term, or -1.
func (s *Segment) Lookup(term string) int { return s.terms.find(term) }

// DocFreq is the number of documents that hold term.
func (s *Segment) DocFreq(term string) uint32 {
	t := s.Lookup(term)
	if t < 0 {
		return 0
	}
	df, _, _ := s.termInfo(t)
	return df
}

// PostingIter walks the postings of one term in a segment. Each posting
// is the document delta, the frequency and the byte length of its
// positions, so that a search that needs no positions skips them in one
// step.
type PostingIter struct {
	post, pos []byte
	p, q      int    // read offsets in post and pos
	q0, q1    int    // this posting's positions
	Doc       uint32 // local number
	Freq      uint32
	started   bool
}

// Postings returns an iterator over the postings of term index t.
func (s *Segment) Postings(t int) PostingIter {
	_, post, pos := s.termInfo(t)
	return PostingIter{post: post, pos: pos}
}

// Next advances to the next posting; false at the end or on a malformed
// posting (a corrupt list ends early rather than panic).
func (it *PostingIter) Next() bool {
	if it.p >= len(it.post) {
		return false
	}
	d, n := binary.Uvarint(it.post[it.p:])
	if n <= 0 {
		it.p = len(it.post)
		return false
	}
	it.p += n
	f, m := binary.Uvarint(it.post[it.p:])
	if m <= 0 {
		it.p = len(it.post)
		return false
	}
	it.p += m
	l, k := binary.Uvarint(it.post[it.p:])
	if k <= 0 || l > uint64(len(it.pos)-it.q) {
		it.p = len(it.post)
		return false
	}
	it.p += k
	if it.started {
		it.Doc += uint32(d)
	} else {
		it.Doc = uint32(d)
		it.started = true
	}
	it.Freq = uint32(f)
	it.q0, it.q1 = it.q, it.q+int(l)
	it.q = it.q1
	return true
}

// Positions appends the positions of the current posting to dst.
func (it *PostingIter) Positions(dst []uint32) []uint32 {
	b := it.pos[it.q0:it.q1]
	p := uint32(0)
	for len(b) > 0 {
		d, n := binary.Uvarint(b)
		if n <= 0 {
			break
		}
		p += uint32(d)
		dst = append(dst, p)
		b = b[n:]
	}
	return dst
}

func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }

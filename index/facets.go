package index

import (
	"encoding/binary"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Facets are counted per segment into arrays indexed by the segment's
// entity and source ordinals, and by month number, touching only the
// entries the hits use: a broad query (say 14,000 matching articles)
// counts 300,000 entity mentions, and a map keyed by name cost several
// milliseconds where an array costs a few hundred microseconds. The top
// values of each entity type are picked from the ordinals, with each
// ordinal's type and rank by name made once per segment; names are only
// read for the winners.
// Across several segments the counts are added up by name, since each
// segment numbers its entities apart.

// facetCounter gathers the facet counts of the matches of a search.
type facetCounter struct {
	segs   []segFacets
	months map[int32]int // month number (year*12 + month-1) -> documents
}

// segFacets are the counts of one segment.
type segFacets struct {
	s       *Segment
	ents    []uint32 // by entity ordinal; zero outside touched
	touched []int32  // ordinals with a count, in first-seen order
	sources []uint32 // by source ordinal
	buf     *countBuf
}

// countBuf is an entity count array (a segment of the ANT archive has
// about 100,000 entities) and its list of touched ordinals, recycled.
type countBuf struct {
	ents    []uint32
	touched []int32
}

var entCounts = sync.Pool{New: func() any { return new(countBuf) }}

func newFacetCounter() *facetCounter {
	return &facetCounter{months: map[int32]int{}}
}

func (fc *facetCounter) add(s *Segment, hits []scored) {
	m := s.entityMeta()
	buf := entCounts.Get().(*countBuf)
	if cap(buf.ents) < s.ents.n {
		buf.ents = make([]uint32, s.ents.n)
	}
	sf := segFacets{s: s, ents: buf.ents[:s.ents.n], touched: buf.touched[:0], sources: make([]uint32, s.sources.n), buf: buf}
	ents := sf.ents
	src := s.sec[secDocSource]
	lastMonth, lastN := int32(NoDate), 0
	for _, h := range hits {
		i := int(h.doc)
		for _, o := range m.flat[m.off[i]:m.off[i+1]] {
			if ents[o] == 0 {
				sf.touched = append(sf.touched, int32(o))
			}
			ents[o]++
		}
		if o := int(le32(src[4*i:])); o < len(sf.sources) {
			sf.sources[o]++
		}
		// Hits come by document number, mostly in date order: count a
		// run of one month at once.
		if mo := m.month[i]; mo != NoDate {
			if mo != lastMonth {
				if lastN > 0 {
					fc.months[lastMonth] += lastN
				}
				lastMonth, lastN = mo, 0
			}
			lastN++
		}
	}
	if lastN > 0 {
		fc.months[lastMonth] += lastN
	}
	fc.segs = append(fc.segs, sf)
}

// release returns the count arrays, cleared, to the pool.
func (fc *facetCounter) release() {
	for i := range fc.segs {
		sf := &fc.segs[i]
		for _, o := range sf.touched {
			sf.ents[o] = 0
		}
		sf.buf.touched = sf.touched[:0]
		entCounts.Put(sf.buf)
		sf.ents, sf.touched, sf.buf = nil, nil, nil
	}
}

func (fc *facetCounter) result(size int) *Facets {
	defer fc.release()
	if size <= 0 {
		size = 10
	}
	f := &Facets{}
	types := []struct {
		typ string
		dst *[]Count
	}{{"PER", &f.People}, {"LOC", &f.Places}, {"ORG", &f.Organisations}}
	if len(fc.segs) == 1 {
		tops := fc.segs[0].topOfTypes(size)
		for _, t := range types {
			*t.dst = tops[entTypeCode(t.typ)]
		}
	} else {
		byType := map[string]map[string]int{}
		for i := range fc.segs {
			sf := &fc.segs[i]
			for _, o := range sf.touched {
				typ, name, _ := strings.Cut(sf.s.ents.get(int(o)), "\x00")
				if byType[typ] == nil {
					byType[typ] = map[string]int{}
				}
				byType[typ][name] += int(sf.ents[o])
			}
		}
		for _, t := range types {
			*t.dst = topCounts(byType[t.typ], size)
		}
	}
	sources := map[string]int{}
	for i := range fc.segs {
		sf := &fc.segs[i]
		for o, n := range sf.sources {
			if n > 0 {
				if v := sf.s.sources.get(o); v != "" {
					sources[v] += int(n)
				}
			}
		}
	}
	f.Sources = topCounts(sources, size)
	months := make([]int32, 0, len(fc.months))
	for m := range fc.months {
		months = append(months, m)
	}
	slices.Sort(months)
	for _, m := range months {
		f.Months = append(f.Months, Count{formatMonth(m), fc.months[m]})
	}
	return f
}

// topOfTypes picks, for each entity type code (PER, LOC, ORG), the size
// entities with the most documents, ties by name, from one segment's
// counts, in one pass over the touched entities.
func (sf *segFacets) topOfTypes(size int) [4][]Count {
	m := sf.s.entityMeta()
	type oc struct {
		o int32
		n uint32
	}
	// better says whether a ranks before b: more documents, then the
	// smaller name.
	better := func(a, b oc) bool { return a.n > b.n || a.n == b.n && m.rank[a.o] < m.rank[b.o] }
	var tops [4][]oc
	for i := 1; i < 4; i++ {
		tops[i] = make([]oc, 0, size+1)
	}
	for _, o := range sf.touched {
		code := m.typ[o]
		if code == 0 {
			continue
		}
		c := oc{o, sf.ents[o]}
		top := tops[code]
		if len(top) == size && !better(c, top[size-1]) {
			continue
		}
		j := len(top)
		top = append(top, c)
		for j > 0 && better(c, top[j-1]) {
			top[j] = top[j-1]
			j--
		}
		top[j] = c
		if len(top) > size {
			top = top[:size]
		}
		tops[code] = top
	}
	var out [4][]Count
	for code := 1; code < 4; code++ {
		out[code] = make([]Count, len(tops[code]))
		for i, c := range tops[code] {
			_, name, _ := strings.Cut(sf.s.ents.get(int(c.o)), "\x00")
			out[code][i] = Count{name, int(c.n)}
		}
	}
	return out
}

// entMeta is what facets need of a segment, made once: the type of each
// entity of its table (which numbers entities in the order documents
// first named them) and its rank by name, and each document's entities
// and month.
type entMeta struct {
	typ  []uint8  // entTypeCode
	rank []uint32 // place in the table sorted by "TYPE\x00name"
	// The entity ordinals of document i are flat[off[i]:off[i+1]], decoded
	// from the segment's varints once; month[i] is its monthOf, or NoDate.
	flat  []uint32
	off   []uint32
	month []int32
}

func entTypeCode(typ string) uint8 {
	switch typ {
	case "PER":
		return 1
	case "LOC":
		return 2
	case "ORG":
		return 3
	}
	return 0
}

// entityMeta returns the segment's entMeta, made on first use.
func (s *Segment) entityMeta() *entMeta {
	s.entOnce.Do(func() {
		n := s.ents.n
		m := &entMeta{typ: make([]uint8, n), rank: make([]uint32, n)}
		order := make([]int32, n)
		for o := range order {
			order[o] = int32(o)
			typ, _, _ := strings.Cut(string(s.ents.bytes(o)), "\x00")
			m.typ[o] = entTypeCode(typ)
		}
		slices.SortFunc(order, func(a, b int32) int {
			return strings.Compare(string(s.ents.bytes(int(a))), string(s.ents.bytes(int(b))))
		})
		for r, o := range order {
			m.rank[o] = uint32(r)
		}
		m.off = make([]uint32, s.NumDocs+1)
		m.month = make([]int32, s.NumDocs)
		for i := 0; i < int(s.NumDocs); i++ {
			b := s.docEnts.bytes(i)
			for len(b) > 0 {
				o, k := uvarint(b)
				if k <= 0 || int(o) >= n {
					break
				}
				m.flat = append(m.flat, uint32(o))
				b = b[k:]
			}
			m.off[i+1] = uint32(len(m.flat))
			m.month[i] = NoDate
			if d := s.DocDate(i); d != NoDate {
				m.month[i] = monthOf(d)
			}
		}
		s.entMeta = m
	})
	return s.entMeta
}

// monthOf is the month number (year*12 + month-1) of a day counted from
// 1970-01-01, by the proleptic Gregorian calendar (the civil-from-days
// algorithm), with no time.Time per hit.
func monthOf(day int32) int32 {
	z := int64(day) + 719468
	era := z / 146097
	if z < 0 {
		era = (z - 146096) / 146097
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	m := mp + 3
	if mp >= 10 {
		m = mp - 9
	}
	if m <= 2 {
		y++
	}
	return int32(y*12 + m - 1)
}

// formatMonth writes a month number as YYYY-MM, as FormatDate's first
// seven characters.
func formatMonth(m int32) string {
	y, mo := m/12, m%12
	if mo < 0 {
		y, mo = y-1, mo+12
	}
	return fmt.Sprintf("%04d-%02d", y, mo+1)
}

// uvarint is binary.Uvarint for the one- and two-byte numbers that
// entity ordinals mostly are, without the call.
func uvarint(b []byte) (uint64, int) {
	if b[0] < 0x80 {
		return uint64(b[0]), 1
	}
	if len(b) > 1 && b[1] < 0x80 {
		return uint64(b[0]&0x7f) | uint64(b[1])<<7, 2
	}
	return uvarintSlow(b)
}

func uvarintSlow(b []byte) (uint64, int) { return binary.Uvarint(b) }

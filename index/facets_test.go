package index

import (
	"math/rand"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// facetsByMaps is the first facet counter (names in maps, sorted whole),
// kept as the reference the array counter must agree with.
func facetsByMaps(ix *Index, q *Query, opt Options) *Facets {
	ents, sources, months := map[string]int{}, map[string]int{}, map[string]int{}
	st := &searchState{ix: ix, idfs: map[string]float64{}, expanded: map[*Query][]string{}}
	for _, s := range ix.segs {
		st.seg = s
		var hits []scored
		if isFlat(q) {
			hits = st.dense(q)
		} else {
			hits = st.eval(q)
		}
		hits = st.filter(hits, &opt.Filter)
		for _, h := range hits {
			i := int(h.doc)
			for _, e := range s.DocEntities(i) {
				ents[e]++
			}
			if v := s.DocSource(i); v != "" {
				sources[v]++
			}
			if d := s.DocDate(i); d != NoDate {
				months[FormatDate(d)[:7]]++
			}
		}
	}
	size := opt.FacetSize
	if size <= 0 {
		size = 10
	}
	f := &Facets{}
	byType := map[string]map[string]int{}
	for k, n := range ents {
		typ, name, _ := strings.Cut(k, "\x00")
		if byType[typ] == nil {
			byType[typ] = map[string]int{}
		}
		byType[typ][name] += n
	}
	f.People = topCounts(byType["PER"], size)
	f.Places = topCounts(byType["LOC"], size)
	f.Organisations = topCounts(byType["ORG"], size)
	f.Sources = topCounts(sources, size)
	for m, n := range months {
		f.Months = append(f.Months, Count{m, n})
	}
	sort.Slice(f.Months, func(i, j int) bool { return f.Months[i].Value < f.Months[j].Value })
	return f
}

// facetCorpus gives each document of the pruning corpus entities named by
// its title words (types by a hash, so that counts tie often), in one
// segment and in three.
func facetCorpus(t *testing.T) (one, three *Index, words []string) {
	_, words = pruneCorpus(t)
	docs := testDocs
	if ant, err := readANT(1500); err == nil && !testing.Short() {
		docs = ant
	}
	types := []string{"PER", "LOC", "ORG", "MISC"}
	for i := range docs {
		d := &docs[i]
		d.Entities = nil
		for _, w := range Words(d.Title, nil) {
			word := d.Title[w.ByteStart:w.ByteEnd]
			d.Entities = append(d.Entities, Entity{Type: types[len(word)%4], Canonical: word})
		}
	}
	build := func(parts int) *Index {
		per := (len(docs) + parts - 1) / parts
		var segs []*Segment
		for i := 0; i < len(docs); i += per {
			b := NewBuilder(uint32(i))
			for j := i; j < min(i+per, len(docs)); j++ {
				b.Add(Prepare(SurfaceAnalyzer{}, &docs[j]))
			}
			s, err := OpenSegment(b.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			segs = append(segs, s)
		}
		return NewIndex(segs, func(d uint32) bool { return d%13 == 5 })
	}
	return build(1), build(3), words
}

// TestFacetsSameAsMaps checks the array counter against the map counter
// on random queries, filters and facet sizes, in one segment and three.
func TestFacetsSameAsMaps(t *testing.T) {
	one, three, words := facetCorpus(t)
	rng := rand.New(rand.NewSource(7))
	n := 300
	if testing.Short() {
		n = 60
	}
	for i := 0; i < n; i++ {
		var qw []string
		for range 1 + rng.Intn(3) {
			qw = append(qw, words[rng.Intn(len(words))])
		}
		if i%5 == 0 {
			qw[0] = "-" + qw[0]
			qw = append(qw, words[rng.Intn(len(words))])
		}
		text := strings.Join(qw, " ")
		opt := Options{Facets: true, FacetSize: []int{0, 3, 25}[i%3]}
		if i%4 == 1 {
			opt.Filter.From, opt.Filter.To = ParseDate("2018-01-01"), ParseDate("2018-06-30")
		}
		for _, ix := range []*Index{one, three} {
			q, err := Parse(text, SurfaceAnalyzer{})
			if err != nil {
				continue
			}
			got := ix.Search(q, opt).Facets
			want := facetsByMaps(ix, q, opt)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%q (%d segments): facets\n got %+v\nwant %+v", text, len(ix.segs), got, want)
			}
		}
	}
}

func TestMonthOf(t *testing.T) {
	for d := ParseDate("1899-12-25"); d < ParseDate("2101-01-10"); d += 3 {
		if got, want := formatMonth(monthOf(d)), FormatDate(d)[:7]; got != want {
			t.Fatalf("day %d: month %s, want %s", d, got, want)
		}
	}
}

package index

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

var testDocs = []DocInput{
	{ID: "a", Title: "وزير الخارجية يزور القاهرة", Text: "قال وزير الخارجية الأمريكي إن المحادثات في القاهرة كانت مثمرة.", Date: "2018-03-01", Source: "BBC", Category: "middleEast",
		Entities: []Entity{{"LOC", "القاهرة"}, {"ORG", "وزارة الخارجية"}}},
	{ID: "b", Title: "أمطار في كانون الثاني", Text: "هطلت أمطار غزيرة في شهر كانون الثاني على لبنان.", Date: "2018-01-15", Source: "skynews", Category: "culture",
		Entities: []Entity{{"LOC", "لبنان"}}},
	{ID: "c", Title: "بوتين يلتقي الرئيس", Text: "التقى الرئيس الروسي فلاديمير بوتين بالوزير في موسكو وكان اللقاء طويلا.", Date: "2018-04-20", Source: "CNN", Category: "internationalNews",
		Entities: []Entity{{"PER", "فلاديمير بوتين"}, {"LOC", "موسكو"}}},
	{ID: "d", Title: "الزير سالم", Text: "مسلسل الزير سالم يعود إلى الشاشة. الخارجية لم تعلق.", Date: "2018-03-02", Source: "BBC", Category: "culture"},
	{ID: "e", Title: "بوت جديد", Text: "شركة تطلق بوت محادثة ذكي يعمل بالعربية.", Date: "2018-05-05", Source: "skynews", Category: "technology"},
}

func buildIndex(t testing.TB, perSeg int) *Index {
	t.Helper()
	var segs []*Segment
	an := SurfaceAnalyzer{}
	for i := 0; i < len(testDocs); i += perSeg {
		b := NewBuilder(uint32(i))
		for j := i; j < min(i+perSeg, len(testDocs)); j++ {
			b.Add(Prepare(an, &testDocs[j]))
		}
		s, err := OpenSegment(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		segs = append(segs, s)
	}
	return NewIndex(segs, nil)
}

func ids(r *Result) string {
	var out []string
	for _, h := range r.Hits {
		out = append(out, h.ID)
	}
	slices.Sort(out)
	return strings.Join(out, ",")
}

func TestSearch(t *testing.T) {
	tests := []struct {
		query string
		opt   Options
		want  string // sorted ids
	}{
		{"وزير", Options{}, "a,c"},               // بالوزير too, not الزير
		{"الوزير", Options{}, "a,c"},             // article stripped on the query side too
		{"كانون", Options{}, "b"},                // كانون must not match كان
		{"كان", Options{}, ""},                   // and كان not كانون (كانت is another form)
		{"بوتين", Options{}, "c"},                // not بوت
		{"بوت", Options{}, "e"},                  // not بوتين
		{"زير", Options{}, "d"},                  // الزير, not وزير
		{`"وزير الخارجية"`, Options{}, "a"},      // phrase
		{`"الخارجية وزير"`, Options{}, ""},       // order matters
		{"الخارجية", Options{}, "a,d"},           // OR of nothing else
		{"الخارجية -الزير", Options{}, "a"},      // exclusion
		{"الخارجية AND القاهرة", Options{}, "a"}, // AND
		{"القاهرة OR موسكو", Options{}, "a,c"},   // OR
		{"القاهره", Options{}, "a"},              // ta marbuta variant
		{"أمطار", Options{}, "b"},                // hamza
		{"امطار", Options{}, "b"},                // hamza dropped by the user
		{"الخارجية", Options{Filter: Filter{Sources: []string{"bbc"}}}, "a,d"},
		{"الخارجية", Options{Filter: Filter{Categories: []string{"culture"}}}, "d"},
		{"الخارجية", Options{Filter: Filter{From: ParseDate("2018-03-02")}}, "d"},
		{"الخارجية", Options{Filter: Filter{To: ParseDate("2018-03-01")}}, "a"},
		{"الرئيس", Options{Filter: Filter{Entities: []string{"فلاديمير بوتين"}}}, "c"},
		{"الرئيس", Options{Filter: Filter{Entities: []string{"بوتين"}}}, "c"},
		{"الرئيس", Options{Filter: Filter{Entities: []string{"بوتين ميدفيديف"}}}, ""},
		{"الخارجية OR بوتين", Options{Filter: Filter{Types: []string{"PER"}}}, "c"},
		{"+القاهرة الخارجية", Options{}, "a"},
	}
	for _, perSeg := range []int{1, 2, 5} {
		ix := buildIndex(t, perSeg)
		for _, tc := range tests {
			q, err := Parse(tc.query, SurfaceAnalyzer{})
			if err != nil {
				t.Fatalf("%s: %v", tc.query, err)
			}
			r := ix.Search(q, tc.opt)
			if got := ids(r); got != tc.want {
				t.Errorf("segments of %d: %s (%v) = %q, want %q", perSeg, tc.query, q, got, tc.want)
			}
			if r.Total != len(r.Hits) {
				t.Errorf("%s: total %d, hits %d", tc.query, r.Total, len(r.Hits))
			}
		}
	}
}

func TestRankingAndMerge(t *testing.T) {
	// One segment, many segments, and the merge of many must rank alike.
	q, _ := Parse("الخارجية القاهرة", SurfaceAnalyzer{})
	one := buildIndex(t, 5).Search(q, Options{})
	many := buildIndex(t, 1)
	got := many.Search(q, Options{})
	if fmt.Sprint(one.Hits) != fmt.Sprint(got.Hits) {
		t.Errorf("one segment %v, five %v", one.Hits, got.Hits)
	}
	if one.Hits[0].ID != "a" {
		t.Errorf("top hit %s, want a (both words)", one.Hits[0].ID)
	}
	data, err := Merge(many.Segments(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s, err := OpenSegment(data)
	if err != nil {
		t.Fatal(err)
	}
	merged := NewIndex([]*Segment{s}, nil).Search(q, Options{})
	if fmt.Sprint(one.Hits) != fmt.Sprint(merged.Hits) {
		t.Errorf("merged %v, want %v", merged.Hits, one.Hits)
	}
	// Deleting a document through the merge drops it.
	data, _ = Merge(many.Segments(), func(d uint32) bool { return d != 0 })
	s, _ = OpenSegment(data)
	if r := NewIndex([]*Segment{s}, func(d uint32) bool { return d == 0 }).Search(q, Options{}); ids(r) != "d" {
		t.Errorf("after deleting a: %s", ids(r))
	}
}

func TestFacets(t *testing.T) {
	ix := buildIndex(t, 2)
	q, _ := Parse("الخارجية OR القاهرة OR لبنان OR موسكو", SurfaceAnalyzer{})
	r := ix.Search(q, Options{Facets: true})
	f := r.Facets
	if fmt.Sprint(f.Places) != "[{القاهره 1} {لبنان 1} {موسكو 1}]" {
		t.Errorf("places %v", f.Places)
	}
	if fmt.Sprint(f.Sources) != "[{bbc 2} {cnn 1} {skynews 1}]" {
		t.Errorf("sources %v", f.Sources)
	}
	if fmt.Sprint(f.Months) != "[{2018-01 1} {2018-03 2} {2018-04 1}]" {
		t.Errorf("months %v", f.Months)
	}
}

func TestParseErrors(t *testing.T) {
	for _, q := range []string{``, `"unclosed`, `-only`, `(a`, `AND`, `a AND`} {
		if _, err := Parse(q, SurfaceAnalyzer{}); err == nil {
			t.Errorf("Parse(%q) gave no error", q)
		}
	}
}

func TestSnippetOffsets(t *testing.T) {
	// Diacritics, tatweel and a Latin word in right-to-left text: the
	// highlight must cover exactly the found word, in code points.
	text := "في بداية الخبر. قالَ وزيـرُ الخارجية الأمريكي (Pompeo) إن المحادثات مثمرة، وأضاف الوزير أنه متفائل."
	q, _ := Parse("وزير pompeo", SurfaceAnalyzer{})
	h := NewHighlighter(q, SurfaceAnalyzer{})
	sn := h.Snippet(text, 120)
	r := []rune(sn.Text)
	var got []string
	for _, hl := range sn.Highlights {
		got = append(got, string(r[hl.Start:hl.End]))
	}
	if strings.Join(got, "|") != "وزيـرُ|Pompeo|الوزير" {
		t.Errorf("highlights %q in %q", got, sn.Text)
	}
	full := []rune(text)
	if string(full[sn.Start:sn.Start+len(r)]) != sn.Text {
		t.Errorf("snippet start %d does not point at the snippet", sn.Start)
	}
	if m := sn.Mark("[", "]"); !strings.Contains(m, "[وزيـرُ]") || !strings.Contains(m, "[Pompeo]") {
		t.Errorf("marked %q", m)
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{`"وزير الخارجية" AND -(بوتين OR ترامب)`, `+a b -c`, `((`, `"`, `- -`, `a OR OR b`} {
		f.Add(s)
	}
	ix := buildIndex(f, 2)
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s, SurfaceAnalyzer{})
		if err != nil {
			return
		}
		ix.Search(q, Options{Facets: true})
		NewHighlighter(q, SurfaceAnalyzer{}).Snippet(testDocs[0].Text, 30)
	})
}

func FuzzOpenSegment(f *testing.F) {
	b := NewBuilder(0)
	b.Add(Prepare(SurfaceAnalyzer{}, &testDocs[0]))
	f.Add(b.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := OpenSegment(data)
		if err != nil {
			return
		}
		ix := NewIndex([]*Segment{s}, nil)
		q, _ := Parse("وزير OR \"وزير الخارجية\"", SurfaceAnalyzer{})
		ix.Search(q, Options{Facets: true})
		Merge([]*Segment{s}, nil)
	})
}

func TestMappedAnalyzer(t *testing.T) {
	ix := buildIndex(t, 2)
	fellBack := false
	m := &MappedAnalyzer{Index: ix, Fallback: func() (Analyzer, error) { fellBack = true; return SurfaceAnalyzer{}, nil }}
	// بالوزير was indexed under وزير: the map says so without analysis.
	if got := m.SurfaceKeys(SurfaceTerm("بالوزير")); fmt.Sprint(got) != "[وزير]" {
		t.Errorf("SurfaceKeys(بالوزير) = %v", got)
	}
	q, err := Parse("بالوزير", m)
	if err != nil || fellBack {
		t.Fatalf("%v, fell back %v", err, fellBack)
	}
	if r := ix.Search(q, Options{}); ids(r) != "a,c" {
		t.Errorf("بالوزير finds %s", ids(r))
	}
	sn := NewHighlighter(q, m).Snippet(testDocs[2].Text, 200)
	r := []rune(sn.Text)
	if len(sn.Highlights) != 1 || string(r[sn.Highlights[0].Start:sn.Highlights[0].End]) != "بالوزير" || fellBack {
		t.Errorf("highlights %v in %q (fell back %v)", sn.Highlights, sn.Text, fellBack)
	}
	// The same snippet from the postings alone.
	r2 := ix.Search(q, Options{})
	pos := ix.MatchPositions(q, []uint32{r2.Hits[0].Doc, r2.Hits[1].Doc})
	for _, h := range r2.Hits {
		d := testDocs[h.Doc]
		sn := SnippetAt(d.Title, d.Text, pos[h.Doc], 200)
		var got []string
		for _, hl := range sn.Highlights {
			got = append(got, string([]rune(sn.Text)[hl.Start:hl.End]))
		}
		want := map[string]string{"a": "وزير", "c": "بالوزير"}[h.ID]
		if strings.Join(got, ",") != want {
			t.Errorf("%s: highlights %v, want %s", h.ID, got, want)
		}
	}
	// A form the archive never saw takes the keys of a known form inside
	// it, and goes to the fallback analyzer only when there is none.
	if got := fmt.Sprint(m.Keys("وللوزيرين")); got != "[{0 9 وزير}]" || fellBack {
		t.Errorf("unseen وللوزيرين: %s (fell back %v)", got, fellBack)
	}
	if q, _ := Parse("سفينة", m); !fellBack || q == nil {
		t.Errorf("unseen form: fell back %v, query %v", fellBack, q)
	}
}

func TestConcurrentSearch(t *testing.T) {
	ix := buildIndex(t, 2)
	m := &MappedAnalyzer{Index: ix}
	want := map[string]string{}
	queries := []string{"وزير", "الخارجية -الزير", `"وزير الخارجية"`, "القاهرة OR موسكو"}
	for _, q := range queries {
		pq, _ := Parse(q, m)
		want[q] = ids(ix.Search(pq, Options{Facets: true}))
	}
	done := make(chan string)
	for g := 0; g < 8; g++ {
		go func(g int) {
			for i := 0; i < 50; i++ {
				q := queries[(g+i)%len(queries)]
				pq, _ := Parse(q, m)
				if got := ids(ix.Search(pq, Options{Facets: true})); got != want[q] {
					done <- q + ": " + got
					return
				}
				NewHighlighter(pq, m).Snippet(testDocs[0].Text, 100)
			}
			done <- ""
		}(g)
	}
	for g := 0; g < 8; g++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

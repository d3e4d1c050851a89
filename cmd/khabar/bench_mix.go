package main

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/url"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/archive"
	"khabar/index"
)

// The archive mix of `bench http`: search requests made from the archive
// itself with a fixed seed, so that a load test meets what readers of this
// archive would ask rather than a short list that an answer cache learns in
// a second.
//
// Queries are cut from the titles and entities of documents drawn at
// random (so frequent subjects come up more often, as they do in a log):
// two or three title words, one title word, an entity's name, a name with a
// title word, a quoted two-word phrase, a word with a -excluded or a
// +required word; three in ten are typed the way people type Arabic on a
// keyboard (ا for أ إ آ, ه for a final ة, ي for ى). Each distinct query gets
// the options the search page uses: facets (as the page always asks), a
// source, entity or month filter clicked from the facets, or the second
// page. Requests then draw the distinct ones by a Zipf law over their rank
// (exponent s, a little under 1 as in web search logs), so a few repeat
// often and the long tail is seen about once in a run.

// mixOptions say how to make the archive mix.
type mixOptions struct {
	distinct int     // distinct requests
	seed     uint64  // of the generator and of the draws
	hits     int     // hits per request
	zipf     float64 // exponent of the rank law
}

// mixKinds name the kinds of queries, in the order mixQuery draws them.
var mixKinds = []struct {
	name  string
	share float64
}{
	{"title words", 0.30},
	{"one title word", 0.15},
	{"entity", 0.25},
	{"entity and title word", 0.10},
	{"quoted phrase", 0.10},
	{"word -word", 0.05},
	{"+word word", 0.05},
}

// mixFilters name the options of a request, with their shares.
var mixFilters = []struct {
	name  string
	share float64
}{
	{"plain", 0.60},
	{"facets", 0.15},
	{"facets, source", 0.10},
	{"facets, entity", 0.06},
	{"facets, month", 0.05},
	{"second page", 0.04},
}

// stopWords are function words nobody searches for alone or ends a query
// with (match-normalised: no hamza on alif, ه for ة, ي for ى).
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields("الي علي التي الذي الذين بعد قبل عن من في مع هذا هذه ذلك تلك بين حول خلال عند لدي ان كان كانت قد لا لم لن ما ماذا هل او ثم منذ حتي كل بعض غير عبر ضد دون تحت فوق امام وراء عليه فيه منه انه لها له الي اي وفي ومن وعلي يوم اليوم امس") {
		m[w] = true
	}
	return m
}()

// mixDoc is what the generator reads of one document.
type mixDoc struct {
	title  []string // words of the title
	ents   []string // entity names (match-normalised)
	source string
	date   int32
}

// archiveMix makes opt.distinct distinct search requests (the part of the
// URL after "?") from the archive in dir, in rank order, and a summary of
// what they hold.
func archiveMix(dir string, opt mixOptions) ([]string, string, error) {
	ar, err := archive.Open(dir, archive.OpenOptions{})
	if err != nil {
		return nil, "", err
	}
	defer ar.Close()
	ix, err := ar.Index()
	if err != nil {
		return nil, "", err
	}
	qa := ar.QueryAnalyzer(ix)
	var docs []mixDoc
	for _, sg := range ix.Segments() {
		for i := 0; i < int(sg.NumDocs); i++ {
			if info, ok := ix.Doc(sg.Base + uint32(i)); !ok || info.Deleted {
				continue
			}
			title := sg.DocTitle(i)
			d := mixDoc{source: sg.DocSource(i), date: sg.DocDate(i)}
			for _, w := range index.Words(title, nil) {
				word := title[w.ByteStart:w.ByteEnd]
				if utf8.RuneCountInString(word) >= 2 && strings.Trim(word, "0123456789٠١٢٣٤٥٦٧٨٩") != "" {
					d.title = append(d.title, word)
				}
			}
			for _, e := range sg.DocEntities(i) {
				if typ, name, ok := strings.Cut(e, "\x00"); ok && typ != "MISC" && name != "" {
					d.ents = append(d.ents, name)
				}
			}
			if len(d.title) > 0 {
				docs = append(docs, d)
			}
		}
	}
	if len(docs) == 0 {
		return nil, "", fmt.Errorf("%s: no titled documents to make queries from", dir)
	}
	r := rand.New(rand.NewPCG(opt.seed, 0x6b686162))
	seen := map[string]bool{}
	var out []string
	kinds := make([]int, len(mixKinds))
	filters := make([]int, len(mixFilters))
	for tries := 0; len(out) < opt.distinct && tries < 50*opt.distinct; tries++ {
		d := &docs[r.IntN(len(docs))]
		k := pick(r, len(mixKinds), func(i int) float64 { return mixKinds[i].share })
		q := mixQuery(r, k, d)
		if q == "" {
			continue
		}
		if r.Float64() < 0.3 {
			q = keyboardSpelling(q)
		}
		if _, err := index.Parse(q, qa); err != nil {
			continue
		}
		f := pick(r, len(mixFilters), func(i int) float64 { return mixFilters[i].share })
		v := url.Values{"q": {q}, "n": {fmt.Sprint(opt.hits)}}
		switch mixFilters[f].name {
		case "facets":
			v.Set("facets", "true")
		case "facets, source":
			if d.source == "" {
				continue
			}
			v.Set("facets", "true")
			v.Set("source", d.source)
		case "facets, entity":
			if len(d.ents) == 0 {
				continue
			}
			v.Set("facets", "true")
			v.Set("entity", d.ents[r.IntN(len(d.ents))])
		case "facets, month":
			if d.date == index.NoDate {
				continue
			}
			month := index.FormatDate(d.date)[:7]
			last := index.FormatDate(index.ParseDate(month+"-01") + 40)[:7]
			v.Set("facets", "true")
			v.Set("from", month+"-01")
			v.Set("to", index.FormatDate(index.ParseDate(last+"-01")-1))
		case "second page":
			v.Set("offset", fmt.Sprint(opt.hits))
		}
		req := v.Encode()
		if seen[req] {
			continue
		}
		seen[req] = true
		out = append(out, req)
		kinds[k]++
		filters[f]++
	}
	var sum strings.Builder
	fmt.Fprintf(&sum, "archive mix: %d distinct requests from %d titled documents (seed %d), Zipf s=%.2f over their rank\n", len(out), len(docs), opt.seed, opt.zipf)
	for i, n := range kinds {
		fmt.Fprintf(&sum, "  %-24s %5d\n", mixKinds[i].name, n)
	}
	for i, n := range filters {
		fmt.Fprintf(&sum, "  %-24s %5d\n", mixFilters[i].name, n)
	}
	return out, sum.String(), nil
}

// pick draws an index by weight.
func pick(r *rand.Rand, n int, weight func(int) float64) int {
	x := r.Float64()
	for i := 0; i < n; i++ {
		if x -= weight(i); x < 0 {
			return i
		}
	}
	return n - 1
}

// content reports whether a title word can stand alone or end a query.
func content(w string) bool {
	return utf8.RuneCountInString(w) >= 3 && !stopWords[index.SurfaceTerm(w)]
}

// mixQuery makes a query of kind k from document d; "" when d has
// nothing of the kind.
func mixQuery(r *rand.Rand, k int, d *mixDoc) string {
	contentWord := func() string {
		var cs []string
		for _, w := range d.title {
			if content(w) {
				cs = append(cs, w)
			}
		}
		if len(cs) == 0 {
			return ""
		}
		return cs[r.IntN(len(cs))]
	}
	entity := func() string {
		if len(d.ents) == 0 {
			return ""
		}
		return d.ents[r.IntN(len(d.ents))]
	}
	run := func(n int) string {
		// n consecutive title words starting and ending with content words.
		var starts []int
		for i := 0; i+n <= len(d.title); i++ {
			if content(d.title[i]) && content(d.title[i+n-1]) {
				starts = append(starts, i)
			}
		}
		if len(starts) == 0 {
			return ""
		}
		i := starts[r.IntN(len(starts))]
		return strings.Join(d.title[i:i+n], " ")
	}
	switch mixKinds[k].name {
	case "title words":
		return run(2 + r.IntN(2))
	case "one title word":
		return contentWord()
	case "entity":
		return entity()
	case "entity and title word":
		e, w := entity(), contentWord()
		if e == "" || w == "" || strings.Contains(e, w) {
			return ""
		}
		return e + " " + w
	case "quoted phrase":
		if p := run(2); p != "" {
			return `"` + p + `"`
		}
	case "word -word":
		a, b := entity(), contentWord()
		if a == "" || b == "" || strings.Contains(a, b) {
			return ""
		}
		return a + " -" + b
	case "+word word":
		a, b := contentWord(), contentWord()
		if a == "" || a == b {
			return ""
		}
		return "+" + a + " " + b
	}
	return ""
}

// keyboardSpelling writes q the way many type Arabic: bare alif for the
// hamza forms, ه for a word-final ة, ي for ى.
func keyboardSpelling(q string) string {
	var b strings.Builder
	rs := []rune(q)
	for i, c := range rs {
		end := i+1 == len(rs) || !(unicode.IsLetter(rs[i+1]) || unicode.IsMark(rs[i+1]))
		switch {
		case c == 'أ' || c == 'إ' || c == 'آ':
			c = 'ا'
		case c == 'ة' && end:
			c = 'ه'
		case c == 'ى':
			c = 'ي'
		}
		b.WriteRune(c)
	}
	return b.String()
}

// zipfTable draws ranks 0..n-1 with probability proportional to
// 1/(rank+1)^s (any s ≥ 0, unlike math/rand's Zipf).
type zipfTable []float64

func newZipf(n int, s float64) zipfTable {
	cdf := make(zipfTable, n)
	sum := 0.0
	for i := range cdf {
		sum += math.Pow(float64(i+1), -s)
		cdf[i] = sum
	}
	for i := range cdf {
		cdf[i] /= sum
	}
	return cdf
}

func (z zipfTable) draw(r *rand.Rand) int {
	return min(sort.SearchFloat64s(z, r.Float64()), len(z)-1)
}

// share of the draws that rank i and below take (for the summary).
func (z zipfTable) share(i int) float64 { return z[min(i, len(z)-1)] }

// writeMix writes the requests in rank order with their draw probability.
func writeMix(w io.Writer, reqs []string, z zipfTable) error {
	for i, q := range reqs {
		p := z[i]
		if i > 0 {
			p -= z[i-1]
		}
		v, _ := url.ParseQuery(q)
		keys := make([]string, 0, len(v))
		for k := range v {
			if k != "q" && k != "n" {
				keys = append(keys, k+"="+v.Get(k))
			}
		}
		slices.Sort(keys)
		if _, err := fmt.Fprintf(w, "%d\t%.6f\t%s\t%s\n", i+1, p, v.Get("q"), strings.Join(keys, "&")); err != nil {
			return err
		}
	}
	return nil
}

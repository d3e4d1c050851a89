package index

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// pruneCorpus is 1,500 ANT articles in three segments with every 13th
// document deleted, or the small test documents when the corpus is absent.
func pruneCorpus(t testing.TB) (*Index, []string) {
	docs := testDocs
	if testing.Short() {
		t.Log("short: small test documents only")
	} else if ant, err := readANT(1500); err == nil {
		docs = ant
	} else {
		t.Logf("ANT corpus not available (%v): small test documents only", err)
	}
	per := (len(docs) + 2) / 3
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
	ix := NewIndex(segs, func(d uint32) bool { return d%13 == 5 })
	// Query words: words of the documents, common and rare alike.
	var words []string
	for i := range docs {
		text := docs[i].Title + " " + docs[i].Text
		for _, w := range Words(text, nil) {
			if i%3 == 0 || len(words) < 50 {
				words = append(words, text[w.ByteStart:w.ByteEnd])
			}
		}
	}
	return ix, words
}

// TestPrunedSearchSameAsExhaustive compares the ranked path's hits (ids
// and scores) and totals with those of scoring every match, on random
// queries: one to four words, some phrases, some pages further on.
func TestPrunedSearchSameAsExhaustive(t *testing.T) {
	ix, words := pruneCorpus(t)
	an := &MappedAnalyzer{Index: ix}
	rng := rand.New(rand.NewSource(1))
	n := 600
	if testing.Short() {
		n = 100
	}
	pruned := 0
	for i := 0; i < n; i++ {
		var parts []string
		for j := rng.Intn(4); j >= 0; j-- {
			w := words[rng.Intn(len(words))]
			if rng.Intn(6) == 0 {
				// A phrase of two neighbouring words of some document.
				k := rng.Intn(len(words) - 1)
				w = `"` + words[k] + " " + words[k+1] + `"`
			}
			parts = append(parts, w)
		}
		qs := strings.Join(parts, " ")
		q, err := Parse(qs, an)
		if err != nil {
			continue
		}
		opt := Options{Limit: 10}
		if i%5 == 0 {
			opt.Limit, opt.Offset = 7, 5
		}
		got := ix.Search(q, opt)
		opt.Exhaustive = true
		want := ix.Search(q, opt)
		if isFlat(q) {
			pruned++
		}
		if g, w := hitList(got), hitList(want); g != w || got.Total != want.Total {
			t.Fatalf("query %q (%s):\npruned     total %d %s\nexhaustive total %d %s", qs, q, got.Total, g, want.Total, w)
		}
	}
	if pruned < n/2 {
		t.Errorf("only %d of %d queries took the pruned path", pruned, n)
	}
}

func hitList(r *Result) string {
	var b strings.Builder
	for _, h := range r.Hits {
		fmt.Fprintf(&b, "%s:%d:%x ", h.ID, h.Doc, float32(h.Score))
	}
	return b.String()
}

// TestPrunedSearchConcurrent searches one index from several goroutines
// while its caches fill (run it with -race).
func TestPrunedSearchConcurrent(t *testing.T) {
	ix := buildIndex(t, 2)
	an := &MappedAnalyzer{Index: ix}
	want := map[string]string{}
	queries := []string{"وزير", "الخارجية القاهرة", "بوتين الرئيس", `"الزير سالم" بوت`, "أمطار لبنان"}
	for _, qs := range queries {
		q, err := Parse(qs, an)
		if err != nil {
			t.Fatal(err)
		}
		want[qs] = hitList(ix.Search(q, Options{Exhaustive: true}))
	}
	errs := make(chan string, 4)
	for g := 0; g < 4; g++ {
		go func() {
			var bad string
			for i := 0; i < 50; i++ {
				qs := queries[(g+i)%len(queries)]
				q, _ := Parse(qs, an)
				if got := hitList(ix.Search(q, Options{})); got != want[qs] {
					bad = qs + ": " + got + " want " + want[qs]
				}
			}
			errs <- bad
		}()
	}
	for g := 0; g < 4; g++ {
		if e := <-errs; e != "" {
			t.Error(e)
		}
	}
}

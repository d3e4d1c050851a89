package archive

import (
	"os"
	"testing"

	"khabar/index"
	"khabar/internal/benchquery"
)

// benchArchive opens the archive named by $KHABAR_BENCH_DB (default
// /tmp/antdb, the whole ANT corpus as server/BENCHMARKS.md ingests it),
// or skips.
func benchArchive(b *testing.B) (*Archive, *index.Index, []*index.Query) {
	dir := os.Getenv("KHABAR_BENCH_DB")
	if dir == "" {
		dir = "/tmp/antdb"
	}
	if _, err := os.Stat(dir); err != nil {
		b.Skipf("no archive at %s (set KHABAR_BENCH_DB to one made by khabar ingest)", dir)
	}
	a, err := Open(dir, OpenOptions{})
	if err != nil {
		b.Skipf("archive %s: %v", dir, err)
	}
	ix, err := a.Index()
	if err != nil {
		a.Close()
		b.Skipf("archive %s: %v", dir, err)
	}
	an := a.QueryAnalyzer(ix)
	var qs []*index.Query
	for _, s := range benchquery.Typed {
		q, err := index.Parse(s, an)
		if err != nil {
			b.Fatal(err)
		}
		qs = append(qs, q)
	}
	return a, ix, qs
}

// BenchmarkArchiveSearch is one search API request's index work: the ten
// best hits and the total, no facets.
func BenchmarkArchiveSearch(b *testing.B) {
	a, ix, qs := benchArchive(b)
	defer a.Close()
	for _, exhaustive := range []bool{false, true} {
		name := "pruned"
		if exhaustive {
			name = "exhaustive"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ix.Search(qs[i%len(qs)], index.Options{Limit: 10, Exhaustive: exhaustive})
			}
		})
	}
}

// BenchmarkArchiveSearchFacets is the search page's index work.
func BenchmarkArchiveSearchFacets(b *testing.B) {
	a, ix, qs := benchArchive(b)
	defer a.Close()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Search(qs[i%len(qs)], index.Options{Limit: 10, Facets: true})
	}
}

// BenchmarkArchiveSearchSnippets is a search API request without the
// server: the ten best hits, each text read and its snippet made.
func BenchmarkArchiveSearchSnippets(b *testing.B) {
	a, ix, qs := benchArchive(b)
	defer a.Close()
	an := a.QueryAnalyzer(ix)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		hl := index.NewHighlighter(q, an)
		for _, h := range ix.Search(q, index.Options{Limit: 10}).Hits {
			_, text, err := a.Text(h.Doc)
			if err != nil {
				b.Fatal(err)
			}
			hl.Snippet(text, 200)
		}
	}
}

package index

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// antArticles reads the first n articles of the ANT corpus, or skips.
func antArticles(tb testing.TB, n int) []DocInput {
	tb.Helper()
	docs, err := readANT(n)
	if err != nil {
		tb.Skipf("ANT corpus not available (%v): the benchmark needs ../shared/data", err)
	}
	return docs
}

// readANT reads the first n articles of ../shared/data's ANT corpus.
func readANT(n int) ([]DocInput, error) {
	dir, _ := os.Getwd()
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil, errors.New("module root not found")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []DocInput
	for sc.Scan() && len(out) < n {
		var a struct{ DocNo, Title, Text, Date, Src, Cat string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, err
		}
		out = append(out, DocInput{ID: a.DocNo, Title: a.Title, Text: a.Text, Date: a.Date, Source: a.Src, Category: a.Cat})
	}
	return out, sc.Err()
}

func BenchmarkPrepare(b *testing.B) {
	docs := antArticles(b, 200)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Prepare(SurfaceAnalyzer{}, &docs[i%len(docs)])
	}
}

func BenchmarkSearch(b *testing.B) {
	ix, m := benchIndex(b, 3000)
	queries := []string{"وزير الخارجية", `"الولايات المتحدة" ايران`, "ترامب AND -كوريا", "المنتخب السعودي كاس العالم", "اسعار النفط"}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q, err := Parse(queries[i%len(queries)], m)
		if err != nil {
			b.Fatal(err)
		}
		ix.Search(q, Options{Facets: i%2 == 0})
	}
}

// BenchmarkSearchRanked compares the pruned ranked path with scoring
// every match, on the queries of `khabar bench http` over 3,000 ANT
// articles in one segment (no facets, the search API's case).
func BenchmarkSearchRanked(b *testing.B) {
	ix, m := benchIndex(b, 3000)
	var qs []*Query
	for _, t := range []string{"سوريا", "ترامب", "النفط", "الأمم المتحدة", `"مجلس الأمن"`, "كأس العالم", "إيران الاتفاق النووي",
		"السعودية", "مصر -السيسي", "الرئيس الأمريكي", "اليمن الحوثيين", "أسعار الذهب", "كرة القدم", "محمد صلاح", "الاقتصاد النمو"} {
		q, err := Parse(t, m)
		if err != nil {
			b.Fatal(err)
		}
		qs = append(qs, q)
	}
	for _, exhaustive := range []bool{false, true} {
		name := "pruned"
		if exhaustive {
			name = "exhaustive"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				ix.Search(qs[i%len(qs)], Options{Limit: 10, Exhaustive: exhaustive})
			}
		})
	}
}

// benchIndex indexes the first n ANT articles in one segment, as the
// search benchmarks need them, with the analyzer their queries parse with.
func benchIndex(b *testing.B, n int) (*Index, *MappedAnalyzer) {
	b.Helper()
	docs := antArticles(b, n)
	bl := NewBuilder(0)
	for i := range docs {
		bl.Add(Prepare(SurfaceAnalyzer{}, &docs[i]))
	}
	s, err := OpenSegment(bl.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	ix := NewIndex([]*Segment{s}, nil)
	return ix, &MappedAnalyzer{Index: ix}
}

package server

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"khabar/internal/benchquery"
	"math/rand/v2"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// antArticles reads the first n articles of the ANT corpus, skipping the
// benchmark when the shared data is absent.
func antArticles(b *testing.B, n int) []article {
	path := filepath.Join("..", "..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("ANT corpus not found (%v); benchmarks need ../shared/data", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 4<<20)
	var out []article
	for i := 0; len(out) < n && sc.Scan(); i++ {
		var a struct{ DocNo, Src, Title, Text, Date string }
		// Every 7th line, so that all five outlets are in.
		if i%7 == 0 && json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
			out = append(out, article{ID: a.DocNo, Title: a.Title, Text: a.Text, Date: a.Date, Source: a.Src})
		}
	}
	return out
}

// benchServer serves 300 ANT articles.
func benchServer(b *testing.B, cfg Config) *testServer {
	cfg.Token = testToken
	ts := newTestServer(b, cfg)
	arts := antArticles(b, 300)
	for i := 0; i < len(arts); i += 100 {
		ts.ingest(b, arts[i:min(i+100, len(arts))]...)
	}
	return ts
}

var benchQueries = []string{"سوريا", "ترامب", "النفط", "الأمم المتحدة", `"مجلس الأمن"`, "كأس العالم", "الرئيس الأمريكي", "مصر -السيسي", "أسعار الذهب", "روسيا"}

// BenchmarkSearch is one /api/search request with ten hits and their
// snippets, without the answer cache.
func BenchmarkSearch(b *testing.B) {
	ts := benchServer(b, Config{SearchCache: -1})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest("GET", "/api/search?q="+url.QueryEscape(benchQueries[i%len(benchQueries)]), nil)
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}

// BenchmarkSearchPage is the search page: hits, facets and histogram.
func BenchmarkSearchPage(b *testing.B) {
	ts := benchServer(b, Config{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest("GET", "/search?q="+url.QueryEscape(benchQueries[i%len(benchQueries)]), nil)
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkArticlePage renders an article with its marks and lists.
func BenchmarkArticlePage(b *testing.B) {
	ts := benchServer(b, Config{})
	var ids []string
	ts.view(func(sn *snapshot) {
		for id := range sn.docs {
			ids = append(ids, id)
		}
	})
	ts.waitStories(context.Background(), time.Minute)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest("GET", "/docs/"+url.PathEscape(ids[i%len(ids)]), nil)
		w := httptest.NewRecorder()
		ts.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code)
		}
	}
}

// BenchmarkSearchArchive is BenchmarkSearch over a whole archive, the one
// named by $KHABAR_BENCH_DB (default /tmp/antdb; see BENCHMARKS.md), with
// the queries of `khabar bench http`, without the answer cache.
func BenchmarkSearchArchive(b *testing.B) {
	dir := os.Getenv("KHABAR_BENCH_DB")
	if dir == "" {
		dir = "/tmp/antdb"
	}
	if _, err := os.Stat(filepath.Join(dir, "khabar.db")); err != nil {
		b.Skipf("no archive at %s (set KHABAR_BENCH_DB to one made by khabar ingest)", dir)
	}
	s, err := New(Config{Dir: dir, SearchCache: -1, StoryDelay: -1, Analyzer: testAnalyzer(b)})
	if err != nil {
		b.Skipf("archive %s: %v", dir, err)
	}
	defer s.Close()
	s.Warm(context.Background()) // the background clustering is not measured
	qs := benchquery.Typed
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := httptest.NewRequest("GET", "/api/search?n=10&q="+url.QueryEscape(qs[i%len(qs)]), nil)
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != 200 {
			b.Fatal(w.Code, w.Body.String())
		}
	}
}

// BenchmarkSearchMix replays the archive mix of `khabar bench http`
// in process, without the answer cache: the requests written by
// `khabar bench http --write-mix FILE` ($KHABAR_BENCH_MIX), drawn by their
// probability with a fixed seed, over the archive $KHABAR_BENCH_DB. Run
// with -cpu 1 it gives the server's CPU time per request, HTTP aside.
func BenchmarkSearchMix(b *testing.B) {
	dir, mix := os.Getenv("KHABAR_BENCH_DB"), os.Getenv("KHABAR_BENCH_MIX")
	if dir == "" || mix == "" {
		b.Skip("set KHABAR_BENCH_DB to an archive and KHABAR_BENCH_MIX to a file of bench http --write-mix")
	}
	data, err := os.ReadFile(mix)
	if err != nil {
		b.Fatal(err)
	}
	var targets []string
	var cdf []float64
	sum := 0.0
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			b.Fatalf("bad mix line %q", line)
		}
		p, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			b.Fatal(err)
		}
		v, err := url.ParseQuery(f[3])
		if err != nil {
			b.Fatal(err)
		}
		v.Set("q", f[2])
		v.Set("n", "10")
		targets = append(targets, "/api/search?"+v.Encode())
		sum += p
		cdf = append(cdf, sum)
	}
	s, err := New(Config{Dir: dir, SearchCache: -1, StoryDelay: -1, Analyzer: testAnalyzer(b)})
	if err != nil {
		b.Skipf("archive %s: %v", dir, err)
	}
	defer s.Close()
	s.Warm(context.Background())
	rng := rand.New(rand.NewPCG(1, 1))
	// The first pass over the mix warms the index's caches as a server's
	// first minutes do.
	for _, t := range targets[:min(len(targets), 2000)] {
		s.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", t, nil))
	}
	cpu := func() time.Duration {
		var ru syscall.Rusage
		syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	b.ResetTimer()
	cpu0 := cpu()
	defer func() { b.ReportMetric(float64(cpu()-cpu0)/float64(b.N), "cpu-ns/op") }()
	for i := 0; i < b.N; i++ {
		t := targets[min(sort.SearchFloat64s(cdf, rng.Float64()*sum), len(targets)-1)]
		w := httptest.NewRecorder()
		s.ServeHTTP(w, httptest.NewRequest("GET", t, nil))
		if w.Code != 200 {
			b.Fatal(t, w.Code, w.Body.String())
		}
	}
}

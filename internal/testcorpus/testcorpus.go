// Package testcorpus gives the tests and benchmarks of every package their
// inputs: the module root, the seed article, golden-file comparison, and real
// news articles from the ANT corpus in ../shared/data (skipping the test with
// a clear message when the data is absent). It does I/O and is meant for
// tests only; the text-analysis packages themselves never import it.
package testcorpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ModuleRoot walks up from the working directory to the folder that holds
// go.mod.
func ModuleRoot(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("testcorpus: no go.mod above the working directory")
		}
		dir = parent
	}
}

// SeedArticle returns the text of testdata/seed-article.txt at the module
// root.
func SeedArticle(tb testing.TB) string {
	tb.Helper()
	raw, err := os.ReadFile(filepath.Join(ModuleRoot(tb), "testdata", "seed-article.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	return string(raw)
}

// antPath is the ANT multi-source corpus, relative to the module root.
const antPath = "../shared/data/ant-news/ant-multisource-v2.1.jsonl.gz"

// Article is one article of the ANT corpus, with the fields tests use.
type Article struct {
	DocNo string `json:"docno"`
	Src   string `json:"src"`
	Cat   string `json:"cat"`
	URL   string `json:"url"`
	Title string `json:"title"`
	Date  string `json:"date"`
	Text  string `json:"text"`
}

// ANTPath returns the path of the ANT corpus, skipping the test or benchmark
// when it is absent.
func ANTPath(tb testing.TB) string {
	tb.Helper()
	path := filepath.Join(ModuleRoot(tb), antPath)
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("testcorpus: ANT corpus not found at %s (it lives in ../shared/data beside the module): %v", antPath, err)
	}
	return path
}

// EachANT calls fn on the articles of the ANT corpus (../shared/data/ant-news,
// see its SOURCE.md) in file order until fn returns false. It skips the test
// or benchmark when the corpus is absent.
func EachANT(tb testing.TB, fn func(a Article) bool) {
	tb.Helper()
	if err := eachANT(ANTPath(tb), fn); err != nil {
		tb.Fatal(err)
	}
}

// ANT returns n articles with text, taking every every-th article of the
// corpus (1 for the first n) for a spread over sources and sections.
func ANT(tb testing.TB, n, every int) []Article {
	tb.Helper()
	every = max(every, 1)
	var out []Article
	i := 0
	EachANT(tb, func(a Article) bool {
		if i%every == 0 && a.Text != "" {
			out = append(out, a)
		}
		i++
		return len(out) < n
	})
	return out
}

// ANTArticles returns the text of the first n articles of the ANT corpus
// with text. It skips the test or benchmark when the corpus is absent.
func ANTArticles(tb testing.TB, n int) []string {
	tb.Helper()
	var texts []string
	for _, a := range ANT(tb, n, 1) {
		texts = append(texts, a.Text)
	}
	return texts
}

func eachANT(path string, fn func(a Article) bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("testcorpus: %s: %w", path, err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		var art Article
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			return fmt.Errorf("testcorpus: %s:%d: %w", path, line, err)
		}
		if !fn(art) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("testcorpus: %s: %w", path, err)
	}
	return nil
}

// Golden compares got with the golden file at path, reporting the first line
// that differs; with update it first rewrites the file with got.
func Golden(tb testing.TB, path, got string, update bool) {
	tb.Helper()
	if update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		tb.Fatalf("%v (run go test -update to create it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) && i < len(wl); i++ {
		if gl[i] != wl[i] {
			tb.Fatalf("output differs from %s at line %d:\n got: %s\nwant: %s", path, i+1, gl[i], wl[i])
		}
	}
	tb.Fatalf("output differs from %s: %d lines, want %d", path, len(gl), len(wl))
}

// RunThroughput runs fn on every text b.N times and reports throughput in
// bytes of text: MB/s by the wall clock and cpu-MB/s by the CPU time of the
// process, which a machine shared with other jobs does not inflate.
func RunThroughput(b *testing.B, texts []string, fn func(text string)) {
	b.Helper()
	var total int64
	for _, t := range texts {
		total += int64(len(t))
	}
	b.SetBytes(total)
	b.ReportAllocs()
	b.ResetTimer()
	start, ok := processCPUTime()
	for range b.N {
		for _, t := range texts {
			fn(t)
		}
	}
	b.StopTimer()
	if end, ok2 := processCPUTime(); ok && ok2 && end > start {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/(end-start).Seconds(), "cpu-MB/s")
	}
}

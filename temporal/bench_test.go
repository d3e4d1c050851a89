package temporal

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"khabar"
	"khabar/arabic/tokenize"
)

// antArticles reads the first n articles of the ANT corpus, or skips.
func antArticles(b *testing.B, n int) []khabar.Document {
	b.Helper()
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			b.Skip("module root not found")
		}
		dir = parent
	}
	path := filepath.Join(dir, "..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		b.Skipf("ANT corpus absent (%v): benchmark needs ../shared/data", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs []khabar.Document
	for len(docs) < n && sc.Scan() {
		var a struct{ Text, Date string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		docs = append(docs, khabar.Document{Text: a.Text, DCT: a.Date})
	}
	return docs
}

// BenchmarkAnnotate times the recogniser on 200 ANT articles per iteration;
// compare with BenchmarkTokenize (the cheapest stage of analyze) to judge
// the recogniser's share of analyze time.
func BenchmarkAnnotate(b *testing.B) {
	docs := antArticles(b, 200)
	r := New()
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range docs {
			r.Annotate(&docs[k])
		}
	}
}

// BenchmarkTokenize is the baseline: the tokenizer on the same articles.
func BenchmarkTokenize(b *testing.B) {
	docs := antArticles(b, 200)
	bytes := 0
	for _, d := range docs {
		bytes += len(d.Text)
	}
	b.SetBytes(int64(bytes))
	var toks []tokenize.Token
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for k := range docs {
			toks = tokenize.Tokenize(docs[k].Text, toks[:0])
		}
	}
}

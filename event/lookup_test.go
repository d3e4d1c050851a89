package event

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar/analysis"
)

// TestLookupTable checks that the table of surface forms answers as the
// analysis it was built from, on every token of the seed article and the
// development set.
func TestLookupTable(t *testing.T) {
	root := moduleRoot(t)
	var texts []string
	b, err := os.ReadFile(filepath.Join(root, "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, string(b))
	dev, err := os.ReadFile(filepath.Join(root, "quote", "testdata", "qe-dev-gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(dev)), "\n") {
		var a struct{ Text string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, a.Text)
	}
	l := tables()
	a := analysis.New()
	n := 0
	for _, text := range texts {
		for _, tok := range a.Analyze(analysis.Input{Text: text}).Tokens {
			for _, w := range []string{tok.Norm, tok.Text} {
				t1, p1, ok1 := l.lookup(w)
				t2, p2, ok2 := l.slowLookup(w)
				if ok1 != ok2 || p1 != p2 || t1.typ != t2.typ || t1.kind != t2.kind {
					t.Errorf("%q: table %v %d %v, analysis %v %d %v", w, t1.typ, p1, ok1, t2.typ, p2, ok2)
				}
				if ok2 {
					n++
				}
			}
		}
	}
	if n == 0 {
		t.Fatal("no trigger found")
	}
}

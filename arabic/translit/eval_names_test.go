package translit

import (
	"bufio"
	"khabar/internal/testcorpus"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRomanizeWikipediaNames compares Romanize with the Latin spelling of
// the 15,898 Wikipedia name pairs of google/transliteration
// (../shared/data/names-translit/google-transliteration/ar2en.txt): mostly
// foreign names in their own spelling, which no rule set reproduces, so the
// figure is a character error rate (edit distance over reference length,
// case-insensitive), reported next to a baseline that writes the Buckwalter
// letters in lower case.
func TestRomanizeWikipediaNames(t *testing.T) {
	path := filepath.Join(moduleRootDir(t), "..", "shared", "data", "names-translit", "google-transliteration", "ar2en.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("name pairs not found (../shared/data/names-translit from the module root): %v", err)
	}
	defer f.Close()
	var pairs, exact int
	var dist, baseDist, refLen int
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		ar, en, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		en = strings.ToLower(strings.TrimSpace(en))
		got := strings.ToLower(Romanize(ar))
		pairs++
		refLen += len([]rune(en))
		d := levenshtein(got, en)
		dist += d
		baseDist += levenshtein(strings.ToLower(ToBuckwalter(ar)), en)
		if d == 0 {
			exact++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	cer := float64(dist) / float64(refLen)
	base := float64(baseDist) / float64(refLen)
	t.Logf("ar2en: %d pairs, exact %d (%.1f%%), CER %.3f (Buckwalter baseline %.3f)",
		pairs, exact, 100*float64(exact)/float64(pairs), cer, base)
	if cer >= base {
		t.Errorf("Romanize CER %.3f is no better than the Buckwalter baseline %.3f", cer, base)
	}
	// Measured when written: CER 0.351, exact 7.2%, baseline 0.447.
	if cer > 0.36 {
		t.Errorf("Romanize CER %.3f, want <= 0.36 (0.351 when written)", cer)
	}
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func moduleRootDir(t *testing.T) string { return testcorpus.ModuleRoot(t) }

package lexicon

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"

	"khabar/arabic/tokenize"
)

// CorpusCounts counts the word tokens (as skeletons) of a news corpus in
// the JSON-lines form of ../shared/data/ant-news (fields title and text)
// and keeps those seen at least minCount times. Raw text only: no
// annotation is used. The counts tell a stem that occurs on its own
// (زير: rare) from letters that only occur inside a longer word
// (ويكيبيديا never loses its و).
func CorpusCounts(path string, minCount int) (map[string]int32, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", path, err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	counts := map[string]int32{}
	var toks []tokenize.Token
	for sc.Scan() {
		var art struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &art); err != nil {
			continue // a bad line is skipped
		}
		for _, text := range []string{art.Title, art.Text} {
			toks = tokenize.Tokenize(text, toks)
			for _, t := range toks {
				if t.Kind == tokenize.Word {
					counts[Skel(t.Text(text))]++
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %s: %w", path, err)
	}
	for k, n := range counts {
		if int(n) < minCount {
			delete(counts, k)
		}
	}
	return counts, nil
}

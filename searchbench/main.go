// Command searchbench measures Khabar's search against Bleve's Arabic
// analyzer and PostgreSQL's arabic text search configuration on the ANT
// corpus, with queries typed the way users type: spelling variants of
// hamza and ta marbuta, with and without the article and the clitics و ب ل,
// and other inflections of the words of the article.
//
// It is run by run.sh, which builds the Khabar archive with `khabar ingest`
// and starts PostgreSQL; see BENCHMARKS.md at the module root.
//
//	searchbench prepare -corpus ANT.jsonl.gz -out DIR   # dedup corpus, queries
//	searchbench eval -work DIR [-psql CMD]             # the three engines
package main

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"khabar/index"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: searchbench prepare|eval [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "prepare":
		err = prepare(os.Args[2:])
	case "eval":
		err = eval(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "searchbench:", err)
		os.Exit(1)
	}
}

// article is one corpus article as the benchmark keeps it.
type article struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	Date     string `json:"date"`
	URL      string `json:"url"`
	Source   string `json:"source"`
	Category string `json:"category"`
}

// query is one benchmark query with its relevant article.
type query struct {
	Text     string
	Relevant string
	Title    string // the title it was made from, for inspection
}

func readCorpus(path string) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, err
		}
		r = zr
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []article
	seenURL, seenText := map[string]bool{}, map[[32]byte]bool{}
	for sc.Scan() {
		var raw struct {
			DocNo, Src, Cat, URL, Title, Date, Text string
		}
		if err := json.Unmarshal(sc.Bytes(), &raw); err != nil {
			return nil, err
		}
		// The corpus files some articles twice (two sections) and repeats
		// bodies; keep one copy, so that a query has one right answer.
		h := sha256.Sum256([]byte(raw.Text))
		if strings.TrimSpace(raw.Text) == "" || seenURL[raw.URL] || seenText[h] {
			continue
		}
		seenURL[raw.URL], seenText[h] = true, true
		out = append(out, article{ID: raw.DocNo, Title: raw.Title, Text: raw.Text, Date: raw.Date, URL: raw.URL, Source: strings.ToLower(raw.Src), Category: raw.Cat})
	}
	return out, sc.Err()
}

func prepare(args []string) error {
	fs := flag.NewFlagSet("prepare", flag.ExitOnError)
	corpus := fs.String("corpus", "../../shared/data/ant-news/ant-multisource-v2.1.jsonl.gz", "ANT JSON Lines")
	out := fs.String("out", "", "work directory")
	n := fs.Int("queries", 500, "queries")
	seed := fs.Uint64("seed", 1, "random seed")
	fs.Parse(args)
	if *out == "" {
		return fmt.Errorf("prepare: -out is required")
	}
	arts, err := readCorpus(*corpus)
	if err != nil {
		return err
	}
	os.MkdirAll(*out, 0o755)
	f, err := os.Create(filepath.Join(*out, "corpus.jsonl"))
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, a := range arts {
		b, _ := json.Marshal(a)
		w.Write(append(b, '\n'))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	f.Close()
	qs := makeQueries(arts, *n, *seed)
	qf, err := os.Create(filepath.Join(*out, "queries.tsv"))
	if err != nil {
		return err
	}
	for _, q := range qs {
		fmt.Fprintf(qf, "%s\t%s\t%s\n", q.Relevant, q.Text, q.Title)
	}
	fmt.Fprintf(os.Stderr, "searchbench: %d articles after removing duplicates, %d queries\n", len(arts), len(qs))
	return qf.Close()
}

// makeQueries picks articles at random and types a query for each from
// the rarer words of its title, each word changed the way readers write:
// the orthographic variants the match normalisation folds, the article and
// the clitics و ب ل added or dropped, and another inflection that occurs
// in the corpus. Forms are only ever replaced by forms attested in the
// corpus (or by spelling variants of them), never invented.
func makeQueries(arts []article, n int, seed uint64) []query {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	df := map[string]int{}     // by surface term (match-normalised)
	forms := map[string]bool{} // raw forms of the corpus
	for _, a := range arts {
		seen := map[string]bool{}
		for _, text := range []string{a.Title, a.Text} {
			for _, w := range index.Words(text, nil) {
				raw := text[w.ByteStart:w.ByteEnd]
				forms[raw] = true
				t := index.SurfaceTerm(raw)
				if !seen[t] {
					seen[t] = true
					df[t]++
				}
			}
		}
	}
	maxDF := len(arts) / 50
	var out []query
	perm := rng.Perm(len(arts))
	for _, i := range perm {
		if len(out) == n {
			break
		}
		a := arts[i]
		var cands []string
		for _, w := range index.Words(a.Title, nil) {
			raw := a.Title[w.ByteStart:w.ByteEnd]
			d := df[index.SurfaceTerm(raw)]
			if utf8.RuneCountInString(raw) >= 3 && d <= maxDF && isArabic(raw) && !slices.Contains(cands, raw) {
				cands = append(cands, raw)
			}
		}
		if len(cands) < 2 {
			continue
		}
		// Up to three words, in title order.
		if len(cands) > 3 {
			idx := rng.Perm(len(cands))[:3]
			sort.Ints(idx)
			picked := make([]string, 3)
			for k, j := range idx {
				picked[k] = cands[j]
			}
			cands = picked
		}
		changed := false
		for k, wd := range cands {
			v := typeWord(wd, forms, rng)
			if v != wd {
				changed = true
			}
			cands[k] = v
		}
		if !changed {
			cands[0] = typeWord(cands[0], forms, rng)
		}
		out = append(out, query{Text: strings.Join(cands, " "), Relevant: a.ID, Title: a.Title})
	}
	return out
}

func isArabic(s string) bool {
	for _, r := range s {
		if r < 0x600 || r > 0x6FF {
			return false
		}
	}
	return true
}

// inflSuffixes are the suffixes of gender and number that an inflection
// may add or drop: feminine ة, sound plurals ات ون ين, dual ان. A nisba
// adjective (ending in ي) inflects on from its ي (سعودي, سعودية, سعوديون);
// adding ي to another word derives a new word (مدرس, مدرسي) and is not
// done.
var inflSuffixes = []string{"", "ة", "ات", "ين", "ون", "ان"}

// typeWord changes one word of a title the way a reader might type it.
func typeWord(w string, forms map[string]bool, rng *rand.Rand) string {
	// Another inflection: same stem, another suffix, attested.
	if rng.Float64() < 0.4 {
		pre, stem := splitArticle(w)
		for _, suf := range []string{"يين", "يون", "ية", "ات", "ين", "ون", "ان", "ة"} {
			if strings.HasSuffix(stem, suf) && utf8.RuneCountInString(stem)-utf8.RuneCountInString(suf) >= 3 {
				stem = strings.TrimSuffix(stem, suf)
				if strings.HasPrefix(suf, "ي") {
					stem += "ي" // nisba: the ي belongs to the stem
				}
				break
			}
		}
		var alts []string
		for _, suf := range inflSuffixes {
			for _, p := range []string{pre, ""} {
				c := p + stem + suf
				if c != w && forms[c] && !slices.Contains(alts, c) {
					alts = append(alts, c)
				}
			}
		}
		if len(alts) > 0 {
			w = alts[rng.IntN(len(alts))]
		}
	}
	// The article and the clitics.
	if rng.Float64() < 0.5 {
		pre, stem := splitArticle(w)
		var alts []string
		for _, c := range []string{stem, "ال" + stem, "و" + stem, "وال" + stem, "ب" + stem, "بال" + stem, "ل" + stem, "لل" + stem} {
			if c != w && (forms[c] || c == stem && pre != "") {
				alts = append(alts, c)
			}
		}
		if len(alts) > 0 {
			w = alts[rng.IntN(len(alts))]
		}
	}
	// Spelling: hamza on alef dropped or added, ta marbuta as ha.
	if rng.Float64() < 0.5 {
		r := []rune(w)
		var opts []func()
		for i, c := range r {
			switch c {
			case 'أ', 'إ', 'آ':
				opts = append(opts, func() { r[i] = 'ا' })
			case 'ا':
				if i == 0 && len(r) > 1 && r[1] != 'ل' {
					opts = append(opts, func() { r[i] = 'أ' })
				}
			}
		}
		if r[len(r)-1] == 'ة' {
			opts = append(opts, func() { r[len(r)-1] = 'ه' })
		}
		if r[len(r)-1] == 'ى' {
			opts = append(opts, func() { r[len(r)-1] = 'ي' })
		}
		if len(opts) > 0 {
			opts[rng.IntN(len(opts))]()
		}
		w = string(r)
	}
	return w
}

// splitArticle splits a leading article with its fused clitic.
func splitArticle(w string) (string, string) {
	for _, p := range []string{"وال", "بال", "فال", "كال", "ال", "لل"} {
		if strings.HasPrefix(w, p) && utf8.RuneCountInString(w)-utf8.RuneCountInString(p) >= 3 {
			return p, w[len(p):]
		}
	}
	return "", w
}

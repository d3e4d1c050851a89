// Command qegold samples ANT news articles for the quotation and event gold
// set and builds testdata/quotes-events-gold.jsonl from hand annotations.
//
//	go run ./quote/internal/qegold sample -seed 7 -politics 4 -other 2 > quote/testdata/qegold/dev-pool.jsonl
//	go run ./quote/internal/qegold sample -seed 20151211 -politics 8 -other 4 -exclude quote/testdata/qegold/dev-pool.jsonl > quote/testdata/qegold/gold-pool.jsonl
//	cat quote/testdata/qegold/gold-pool.jsonl quote/testdata/qegold/dev-pool.jsonl > /tmp/excl.jsonl
//	go run ./quote/internal/qegold sample -seed 99 -politics 4 -other 0 -exclude /tmp/excl.jsonl > quote/testdata/qegold/dev2-pool.jsonl
//	go run ./quote/internal/qegold build -pool quote/testdata/qegold/gold-pool.jsonl -ann quote/testdata/qegold/gold-ann.txt > testdata/quotes-events-gold.jsonl
//
// Sampling is stratified by source: each of the five ANT outlets gives
// -politics articles from its news sections (middleEast, internationalNews)
// and -other articles from the other sections, drawn with a fixed seed from
// the deduplicated articles of 40 to 260 words (short articles keep the
// annotation by hand affordable). See testdata/QUOTES-EVENTS-GOLD.md.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

type article struct {
	Docno string `json:"docno"`
	Src   string `json:"src"`
	Cat   string `json:"cat"`
	Date  string `json:"date"`
	Text  string `json:"text"`
}

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: qegold sample|build [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "sample":
		err = sample(os.Args[2:])
	case "build":
		err = build(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "qegold:", err)
		os.Exit(1)
	}
}

// moduleRoot walks up from the working directory to the directory holding go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

func readCorpus(path string) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []article
	seen := map[string]bool{}
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		a.Text = strings.TrimSpace(strings.ReplaceAll(a.Text, "\r\n", "\n"))
		if a.Text == "" || seen[a.Text] {
			continue
		}
		seen[a.Text] = true
		out = append(out, a)
	}
	return out, sc.Err()
}

func readPool(path string) ([]article, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []article
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, a)
	}
	return out, sc.Err()
}

func sample(args []string) error {
	fs := flag.NewFlagSet("sample", flag.ContinueOnError)
	seed := fs.Uint64("seed", 20151211, "random seed")
	politics := fs.Int("politics", 8, "articles per source from the news sections")
	other := fs.Int("other", 4, "articles per source from the other sections")
	exclude := fs.String("exclude", "", "pool file whose articles are left out")
	corpus := fs.String("corpus", "", "ANT JSONL (default ../shared/data/ant-news/ant-multisource-v2.1.jsonl.gz from the module root)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *corpus == "" {
		root, err := moduleRoot()
		if err != nil {
			return err
		}
		*corpus = filepath.Join(root, "..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz")
	}
	arts, err := readCorpus(*corpus)
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	if *exclude != "" {
		ex, err := readPool(*exclude)
		if err != nil {
			return err
		}
		for _, a := range ex {
			skip[a.Docno] = true
		}
	}
	type cell struct{ src, group string }
	cells := map[cell][]article{}
	for _, a := range arts {
		n := len(strings.Fields(a.Text))
		if n < 40 || n > 260 || skip[a.Docno] {
			continue
		}
		g := "other"
		if a.Cat == "middleEast" || a.Cat == "internationalNews" {
			g = "politics"
		}
		cells[cell{a.Src, g}] = append(cells[cell{a.Src, g}], a)
	}
	keys := make([]cell, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].src != keys[j].src {
			return keys[i].src < keys[j].src
		}
		return keys[i].group > keys[j].group
	})
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, k := range keys {
		list := cells[k]
		sort.Slice(list, func(i, j int) bool { return list[i].Docno < list[j].Docno })
		want := *other
		if k.group == "politics" {
			want = *politics
		}
		rng.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
		for _, a := range list[:min(want, len(list))] {
			if err := enc.Encode(a); err != nil {
				return err
			}
		}
	}
	return nil
}

// goldSpan is a stretch of an article in the gold file.
type goldSpan struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type goldQuote struct {
	goldSpan
	Direct  bool      `json:"direct"`
	Speaker *goldSpan `json:"speaker,omitempty"`
	Cue     *goldSpan `json:"cue,omitempty"`
}

type goldParticipant struct {
	Role string `json:"role"`
	Text string `json:"text"`
}

type goldEvent struct {
	Type         string            `json:"type"`
	Trigger      goldSpan          `json:"trigger"`
	Participants []goldParticipant `json:"participants"`
	Place        string            `json:"place,omitempty"`
	Time         string            `json:"time,omitempty"`
	Modality     string            `json:"modality"`
}

type goldDoc struct {
	article
	Quotes []goldQuote `json:"quotes"`
	Events []goldEvent `json:"events"`
}

// find returns the code-point span of the occurrence of s in text nearest
// to near (preferring one at or after from when from >= 0).
//
// s may end in @N to pick the N-th occurrence in the whole text (1-based)
// where the text repeats.
func find(text []rune, s string, from, near int) (goldSpan, bool) {
	if head, tail, ok := strings.Cut(s, " ... "); ok {
		// a long span given by its first and last words
		a, ok := find(text, head, from, near)
		if !ok {
			return goldSpan{}, false
		}
		rest := string(text[a.Start:])
		k := strings.Index(rest, tail)
		if k < 0 {
			return goldSpan{}, false
		}
		end := a.Start + len([]rune(rest[:k])) + len([]rune(tail))
		return goldSpan{a.Start, end, string(text[a.Start:end])}, true
	}
	if at := strings.LastIndex(s, "@"); at > 0 {
		var nth int
		if _, err := fmt.Sscanf(s[at+1:], "%d", &nth); err == nil && nth > 0 {
			needle := []rune(s[:at])
			for i := 0; i+len(needle) <= len(text); i++ {
				if string(text[i:i+len(needle)]) == s[:at] {
					nth--
					if nth == 0 {
						return goldSpan{i, i + len(needle), s[:at]}, true
					}
				}
			}
			return goldSpan{}, false
		}
	}
	needle := []rune(s)
	best, bestDist := -1, 0
	for i := 0; i+len(needle) <= len(text); i++ {
		if string(text[i:i+len(needle)]) != s {
			continue
		}
		d := i - near
		if d < 0 {
			d = -d
		}
		if from >= 0 && i >= from {
			d -= len(text) // any occurrence after the cursor beats one before
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return goldSpan{}, false
	}
	return goldSpan{best, best + len(needle), s}, true
}

func build(args []string) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	poolPath := fs.String("pool", "", "pool JSONL from sample")
	annPaths := fs.String("ann", "", "annotation files, comma-separated (a document's section in a later file adds to it: the dev set's events are annotated apart from its quotes)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	pool, err := readPool(*poolPath)
	if err != nil {
		return err
	}
	byDoc := map[string]*goldDoc{}
	var order []*goldDoc
	for _, a := range pool {
		byDoc[a.Docno] = &goldDoc{article: a, Quotes: []goldQuote{}, Events: []goldEvent{}}
	}
	bad := 0
	seen := map[*goldDoc]bool{}
	for _, annPath := range strings.Split(*annPaths, ",") {
		n, err := readAnn(annPath, byDoc, seen, &order)
		if err != nil {
			return err
		}
		bad += n
	}
	if bad > 0 {
		return fmt.Errorf("%d bad annotation lines", bad)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, d := range order {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	return nil
}

// readAnn adds the annotations of one file to the documents of byDoc,
// appending each document to order the first time a file names it. It
// returns the number of bad lines.
func readAnn(annPath string, byDoc map[string]*goldDoc, seen map[*goldDoc]bool, order *[]*goldDoc) (int, error) {
	f, err := os.Open(annPath)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cur *goldDoc
	var runes []rune
	cursorQ, cursorE := 0, 0
	line := 0
	bad := 0
	fail := func(format string, a ...any) {
		fmt.Fprintf(os.Stderr, "%s:%d: %s\n", annPath, line, fmt.Sprintf(format, a...))
		bad++
	}
	for sc.Scan() {
		line++
		l := strings.TrimRight(sc.Text(), " ")
		if l == "" || strings.HasPrefix(l, "# ") {
			continue
		}
		if strings.HasPrefix(l, "## ") {
			docno := strings.TrimSpace(l[3:])
			cur = byDoc[docno]
			if cur == nil {
				fail("unknown docno %q", docno)
				continue
			}
			if !seen[cur] {
				seen[cur] = true
				*order = append(*order, cur)
			}
			runes = []rune(cur.Text)
			cursorQ, cursorE = 0, 0
			continue
		}
		if cur == nil {
			fail("annotation before any ## docno")
			continue
		}
		cols := strings.Split(l, "\t")
		switch cols[0] {
		case "Q":
			if len(cols) != 5 {
				fail("Q wants 5 tab-separated columns, got %d", len(cols))
				continue
			}
			sp, ok := find(runes, cols[2], cursorQ, cursorQ)
			if !ok {
				fail("quote not in text: %q", cols[2])
				continue
			}
			cursorQ = sp.Start
			q := goldQuote{goldSpan: sp, Direct: cols[1] == "D"}
			if cols[4] != "-" {
				c, ok := find(runes, cols[4], -1, sp.Start)
				if !ok {
					fail("cue not in text: %q", cols[4])
					continue
				}
				q.Cue = &c
			}
			if cols[3] != "-" {
				near := sp.Start
				if q.Cue != nil {
					near = q.Cue.Start
				}
				s, ok := find(runes, cols[3], -1, near)
				if !ok {
					fail("speaker not in text: %q", cols[3])
					continue
				}
				q.Speaker = &s
			}
			cur.Quotes = append(cur.Quotes, q)
		case "E":
			if len(cols) != 7 {
				fail("E wants 7 tab-separated columns, got %d", len(cols))
				continue
			}
			tr, ok := find(runes, cols[2], cursorE, cursorE)
			if !ok {
				fail("trigger not in text: %q", cols[2])
				continue
			}
			cursorE = tr.Start
			ev := goldEvent{Type: cols[1], Trigger: tr, Participants: []goldParticipant{}, Modality: cols[6]}
			if cols[3] != "-" {
				for _, p := range strings.Split(cols[3], "|") {
					role, txt, ok := strings.Cut(p, ":")
					if !ok || !strings.Contains(cur.Text, txt) {
						fail("bad participant %q", p)
						continue
					}
					ev.Participants = append(ev.Participants, goldParticipant{role, txt})
				}
			}
			for i, dst := range []*string{&ev.Place, &ev.Time} {
				if v := cols[4+i]; v != "-" {
					if !strings.Contains(cur.Text, v) {
						fail("place/time not in text: %q", v)
					}
					*dst = v
				}
			}
			cur.Events = append(cur.Events, ev)
		default:
			fail("unknown line kind %q", cols[0])
		}
	}
	return bad, sc.Err()
}

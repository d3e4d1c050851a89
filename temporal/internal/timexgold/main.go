// Command timexgold samples ANT news sentences for the temporal-expression
// gold corpus and builds testdata/timex-gold.jsonl from hand annotations.
//
//	go run ./temporal/internal/timexgold sample -seed 7 -per-cell 4 > dev-pool.tsv
//	go run ./temporal/internal/timexgold sample -seed 20151211 -per-cell 10 -cued 3 -exclude dev-pool.tsv > gold-pool.tsv
//	go run ./temporal/internal/timexgold build -pool pool.tsv -ann ann.txt > testdata/timex-gold.jsonl
//	go run ./temporal/internal/timexgold eval -gold testdata/timex-gold.jsonl [-errors]
//	go run ./temporal/internal/timexgold dump -pool temporal/testdata/timexgold/dev-pool.tsv
//
// Sampling is stratified: every (source, category) cell of ANT v2.1 gives the
// same number of articles, drawn with a fixed seed; from each article up to
// -cued sentences (default 2) with a broad temporal cue (any digit, or a substring from a
// wide list of time words that is much larger than the recogniser's
// lexicon) and one sentence drawn without any filter. The pool is printed
// round-robin over the cells so that annotating any prefix of it stays
// balanced. See testdata/TIMEX-GOLD.md.
package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"khabar"
	"khabar/analysis"
	"khabar/morph"
	"khabar/temporal"
	"khabar/temporal/timexeval"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
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
		fmt.Fprintln(os.Stderr, "usage: timexgold sample|build [flags]")
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "sample":
		err = sample(os.Args[2:])
	case "build":
		err = build(os.Args[2:])
	case "eval":
		err = eval(os.Args[2:])
	case "dump":
		err = dump(os.Args[2:])
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "timexgold:", err)
		os.Exit(1)
	}
}

// cues is deliberately wide: time nouns, adverbs and prepositions, month and
// weekday stems, matched as substrings of the folded sentence.
var cues = strings.Fields(`يوم ايام امس غد اسبوع اسابيع شهر اشهر شهور عام اعوام سنه سنو سنين سنتين ساعه ساعات دقيق ثاني ليل ليال صباح مساء ظهر فجر عصر ضحي
الان حاليا قريبا مؤخرا سابقا لاحقا منذ خلال فتره موسم قرن عقد مطلع اواخر اوائل منتصف نهايه بدايه الماضي المقبل القادم الجاري الحالي المنصرم
يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر كانون شباط اذار نيسان ايار حزيران تموز اب ايلول تشرين جانفي فيفري افريل ماي جوان جويليه اوت
محرم صفر ربيع جمادي رجب شعبان رمضان شوال القعده الحجه هجري
الاحد الاثنين الثلاثاء الثلثاء الاربعاء الخميس الجمعه السبت
يوميا اسبوعيا شهريا سنويا كل مره وقت تاريخ زمن حين اثناء عندما`)

func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || r == 'ـ':
			continue
		case r == 'أ' || r == 'إ' || r == 'آ':
			r = 'ا'
		case r == 'ة':
			r = 'ه'
		case r == 'ى':
			r = 'ي'
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hasCue(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	f := fold(s)
	for _, c := range cues {
		if strings.Contains(f, c) {
			return true
		}
	}
	return false
}

// sentences splits a text at newlines and at . ! ? ؟ followed by a space.
func sentences(text string) []string {
	var out []string
	for _, para := range strings.Split(text, "\n") {
		rs := []rune(para)
		start := 0
		for i, r := range rs {
			if (r == '.' || r == '!' || r == '?' || r == '؟') && (i+1 == len(rs) || rs[i+1] == ' ') {
				out = append(out, strings.TrimSpace(string(rs[start:i+1])))
				start = i + 1
			}
		}
		out = append(out, strings.TrimSpace(string(rs[start:])))
	}
	var keep []string
	for _, s := range out {
		if n := len(strings.Fields(s)); n >= 5 && n <= 60 {
			keep = append(keep, s)
		}
	}
	return keep
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
	var arts []article
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		arts = append(arts, a)
	}
	return arts, sc.Err()
}

func sample(args []string) error {
	fs := flag.NewFlagSet("sample", flag.ExitOnError)
	corpus := fs.String("corpus", filepath.Join("..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz"), "ANT JSONL")
	seed := fs.Uint64("seed", 20151211, "random seed")
	per := fs.Int("per-cell", 8, "articles per (source, category) cell")
	exclude := fs.String("exclude", "", "pool file whose articles are left out (keeps dev and gold apart)")
	perArticle := fs.Int("cued", 2, "sentences with a temporal cue drawn per article")
	fs.Parse(args)
	arts, err := readCorpus(*corpus)
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	if *exclude != "" {
		data, err := os.ReadFile(*exclude)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(data), "\n") {
			if f := strings.Split(line, "\t"); len(f) > 1 {
				skip[f[1]] = true
			}
		}
	}
	// Deduplicate by text so one story filed twice is not drawn twice.
	seen := map[string]bool{}
	cells := map[string][]article{}
	for _, a := range arts {
		if skip[a.Docno] || seen[a.Text] || strings.TrimSpace(a.Text) == "" {
			continue
		}
		seen[a.Text] = true
		k := strings.ToLower(a.Src) + "/" + a.Cat
		cells[k] = append(cells[k], a)
	}
	keys := make([]string, 0, len(cells))
	for k := range cells {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rng := rand.New(rand.NewPCG(*seed, *seed^0x9e3779b97f4a7c15))
	picked := map[string][][]string{} // cell -> per article sentence picks
	for _, k := range keys {
		as := cells[k]
		perm := rng.Perm(len(as))
		for _, i := range perm {
			if len(picked[k]) == *per {
				break
			}
			a := as[i]
			ss := sentences(a.Text)
			var cued, plain []string
			for _, s := range ss {
				if hasCue(s) {
					cued = append(cued, s)
				} else {
					plain = append(plain, s)
				}
			}
			var take []string
			for _, j := range rng.Perm(len(cued)) {
				if len(take) == *perArticle {
					break
				}
				take = append(take, cued[j])
			}
			// One sentence drawn from the whole article, filter or not.
			if len(ss) > 0 {
				s := ss[rng.IntN(len(ss))]
				dup := false
				for _, t := range take {
					dup = dup || t == s
				}
				if !dup {
					take = append(take, s)
				}
			}
			_ = plain
			if len(take) == 0 {
				continue
			}
			var rows []string
			for _, s := range take {
				rows = append(rows, strings.Join([]string{a.Docno, strings.ToLower(a.Src), a.Cat, a.Date, s}, "\t"))
			}
			picked[k] = append(picked[k], rows)
		}
	}
	n := 0
	for round := 0; round < *per; round++ {
		for _, k := range keys {
			if round < len(picked[k]) {
				for _, row := range picked[k][round] {
					n++
					fmt.Printf("s%03d\t%s\n", n, row)
				}
			}
		}
	}
	return nil
}

// goldTimex is one annotated expression; offsets count code points in Text.
type goldTimex struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Value string `json:"value"`
}

type goldSentence struct {
	ID      string      `json:"id"`
	Docno   string      `json:"docno"`
	Src     string      `json:"src"`
	Cat     string      `json:"cat"`
	Date    string      `json:"date"`
	Text    string      `json:"text"`
	Timexes []goldTimex `json:"timexes"`
}

// build reads the pool and the annotation file and prints the gold JSONL.
// The annotation file has one line per annotated sentence id ("s012") and
// one line per expression: "s012 | text | TYPE | VALUE", where text may end
// in "#2" to pick its second occurrence in the sentence.
func build(args []string) error {
	fs := flag.NewFlagSet("build", flag.ExitOnError)
	poolPath := fs.String("pool", "", "pool file from sample")
	annPath := fs.String("ann", "", "annotation file")
	fs.Parse(args)
	pool := map[string]goldSentence{}
	data, err := os.ReadFile(*poolPath)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return fmt.Errorf("pool line %q: want 6 fields", line)
		}
		pool[f[0]] = goldSentence{ID: f[0], Docno: f[1], Src: f[2], Cat: f[3], Date: f[4], Text: f[5], Timexes: []goldTimex{}}
	}
	ann, err := os.ReadFile(*annPath)
	if err != nil {
		return err
	}
	var order []string
	got := map[string]*goldSentence{}
	for i, line := range strings.Split(string(ann), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "//") {
			continue
		}
		f := strings.Split(line, "|")
		for j := range f {
			f[j] = strings.TrimSpace(f[j])
		}
		id := f[0]
		s, ok := pool[id]
		if !ok {
			return fmt.Errorf("ann line %d: unknown sentence %q", i+1, id)
		}
		if got[id] == nil {
			cp := s
			got[id] = &cp
			order = append(order, id)
		}
		if len(f) == 1 {
			continue
		}
		if len(f) != 4 {
			return fmt.Errorf("ann line %d: want id | text | type | value", i+1)
		}
		text, occ := f[1], 1
		if k := strings.LastIndex(text, "#"); k > 0 {
			fmt.Sscan(text[k+1:], &occ)
			text = text[:k]
		}
		rs, ts := []rune(s.Text), []rune(text)
		start := -1
		for p, n := 0, 0; p+len(ts) <= len(rs); p++ {
			if sameRunes(rs[p:p+len(ts)], ts) {
				n++
				if n == occ {
					start = p
					break
				}
			}
		}
		if start < 0 {
			return fmt.Errorf("ann line %d: %q (occurrence %d) not in sentence %s", i+1, text, occ, id)
		}
		switch f[2] {
		case "DATE", "TIME", "DURATION", "SET":
		default:
			return fmt.Errorf("ann line %d: bad type %q", i+1, f[2])
		}
		g := got[id]
		g.Timexes = append(g.Timexes, goldTimex{Start: start, End: start + len(ts), Text: string(rs[start : start+len(ts)]), Type: f[2], Value: f[3]})
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	for _, id := range order {
		g := got[id]
		sort.Slice(g.Timexes, func(a, b int) bool { return g.Timexes[a].Start < g.Timexes[b].Start })
		if err := enc.Encode(g); err != nil {
			return err
		}
	}
	return nil
}

// sameRunes compares two rune slices, taking any white space for any other
// (the corpus has no-break spaces that an annotator types as spaces).
func sameRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] && !(unicode.IsSpace(a[i]) && unicode.IsSpace(b[i])) {
			return false
		}
	}
	return true
}

// eval scores the recogniser on a gold file as khabar eval timex does,
// without the rest of the command (handy while other packages are in flux).
func eval(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ExitOnError)
	gold := fs.String("gold", "", "gold JSONL")
	errs := fs.Bool("errors", false, "list the errors")
	withMorph := fs.Bool("morph", false, "run the full base analysis and the morphology stage first, as analyze does")
	fs.Parse(args)
	f, err := os.Open(*gold)
	if err != nil {
		return err
	}
	defer f.Close()
	sents, err := timexeval.ReadGold(f)
	if err != nil {
		return err
	}
	rec := temporal.New()
	ann := func(text, dct string) []khabar.Timex {
		doc := &khabar.Document{Text: text, DCT: dct}
		rec.Annotate(doc)
		return doc.Timexes
	}
	if *withMorph {
		mo, err := morph.Load()
		if err != nil {
			return err
		}
		an := analysis.New(mo, rec)
		ann = func(text, dct string) []khabar.Timex {
			return an.Analyze(analysis.Input{Text: text, Date: dct}).Timexes
		}
	}
	r := timexeval.Evaluate(sents, ann)
	r.Write(os.Stdout, *errs)
	return nil
}

// dump prints the recogniser's expressions for every sentence of a pool
// (id docno src cat date text): how the development samples were read.
func dump(args []string) error {
	fs := flag.NewFlagSet("dump", flag.ExitOnError)
	poolPath := fs.String("pool", "", "pool file from sample")
	fs.Parse(args)
	data, err := os.ReadFile(*poolPath)
	if err != nil {
		return err
	}
	for _, line := range strings.Split(strings.TrimRight(string(data), "\n"), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 6 {
			return fmt.Errorf("pool line %q: want 6 fields", line)
		}
		var parts []string
		for _, x := range temporal.Find(f[5], f[4], nil, nil) {
			parts = append(parts, fmt.Sprintf("[%s|%s|%s]", x.Text, x.Type, x.Value))
		}
		fmt.Printf("%s %s %s\n\t%s\n", f[0], f[4], f[5], strings.Join(parts, " "))
	}
	return nil
}

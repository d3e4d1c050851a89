package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"khabar/archive"
	"khabar/dedup"
	"khabar/index"
)

func init() {
	register(verb{
		name:    "stories",
		summary: "list the stories of an archive: articles about one event from several outlets, and wire-copy duplicates",
		run:     runStories,
	})
}

func runStories(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("stories", stderr)
	db := fs.String("db", "", "archive `DIR`")
	format := fs.String("format", "text", "output: text or json (one story a line)")
	days := fs.Int("days", 3, "an event takes new articles for this many days after its last one")
	threshold := fs.Float64("threshold", 0.3, "least cosine similarity of key terms to the centroid of a story's latest two articles to join it")
	dupThreshold := fs.Float64("dup", 0.8, "least estimated similarity of word shingles to call two articles copies")
	minSources := fs.Int("min-sources", 2, "list stories told by at least this many outlets")
	minArticles := fs.Int("min-articles", 2, "list stories of at least this many articles")
	limit := fs.Int("n", 50, "stories to list (0: all)")
	from := fs.String("from", "", "only stories that start on or after `YYYY-MM-DD`")
	to := fs.String("to", "", "only stories that start on or before `YYYY-MM-DD`")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: khabar stories --db DIR [flags]\n\nGroups the archive's articles into stories (one event, several outlets, a few\ndays) and marks copies of one wire text (duplicate_of). Largest stories first.\n\nFlags:")
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *db == "" || fs.NArg() > 0 {
		fs.Usage()
		return 2
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "khabar stories: unknown --format %q (text or json)\n", *format)
		return 2
	}
	var fromD, toD int32 = math.MinInt32, math.MaxInt32
	for _, d := range []struct {
		s   string
		dst *int32
	}{{*from, &fromD}, {*to, &toD}} {
		if d.s == "" {
			continue
		}
		if *d.dst = index.ParseDate(d.s); *d.dst == index.NoDate {
			fmt.Fprintf(stderr, "khabar stories: %q is not a date of the form YYYY-MM-DD\n", d.s)
			return 2
		}
	}
	ar, err := archive.Open(*db, archive.OpenOptions{})
	if err != nil {
		fmt.Fprintf(stderr, "khabar stories: %v\n", err)
		return 1
	}
	defer ar.Close()
	ix, err := ar.Index()
	if err != nil {
		fmt.Fprintf(stderr, "khabar stories: %v\n", err)
		return 1
	}
	docs, bad, err := ar.DedupDocs(ix)
	if err != nil {
		fmt.Fprintf(stderr, "khabar stories: %v\n", err)
		return 1
	}
	if bad > 0 {
		fmt.Fprintf(stderr, "khabar stories: %d signatures unreadable, their articles left out\n", bad)
	}
	dups := dedup.Duplicates(docs, *dupThreshold)
	idf := func(t string) float64 { return ix.IDF(string(index.FieldKey) + t) }
	stories := dedup.Stories(docs, idf, dedup.StoryOptions{Days: *days, Threshold: *threshold})
	type article struct {
		ID          string `json:"id"`
		Date        string `json:"date"`
		Source      string `json:"source"`
		Title       string `json:"title"`
		DuplicateOf string `json:"duplicate_of,omitempty"`
	}
	type story struct {
		ID       int       `json:"id"`
		Start    string    `json:"start"`
		End      string    `json:"end"`
		Sources  []string  `json:"sources"`
		Articles []article `json:"articles"`
		start    int32
	}
	var out []story
	for _, s := range stories {
		if len(s.Docs) < *minArticles {
			continue
		}
		st := story{}
		srcs := map[string]bool{}
		st.start = math.MaxInt32
		end := int32(math.MinInt32)
		for _, num := range s.Docs {
			info, _ := ix.Doc(num)
			a := article{ID: info.ID, Date: index.FormatDate(info.Date), Source: info.Source, Title: info.Title}
			if orig, ok := dups[num]; ok && orig != num {
				oi, _ := ix.Doc(orig)
				a.DuplicateOf = oi.ID
			}
			st.Articles = append(st.Articles, a)
			if info.Source != "" {
				srcs[info.Source] = true
			}
			st.start = min(st.start, info.Date)
			end = max(end, info.Date)
		}
		if len(srcs) < *minSources || st.start < fromD || st.start > toD {
			continue
		}
		for s := range srcs {
			st.Sources = append(st.Sources, s)
		}
		sort.Strings(st.Sources)
		st.Start, st.End = index.FormatDate(st.start), index.FormatDate(end)
		out = append(out, st)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if len(out[i].Sources) != len(out[j].Sources) {
			return len(out[i].Sources) > len(out[j].Sources)
		}
		if len(out[i].Articles) != len(out[j].Articles) {
			return len(out[i].Articles) > len(out[j].Articles)
		}
		return out[i].start < out[j].start
	})
	if *limit > 0 && len(out) > *limit {
		out = out[:*limit]
	}
	w := bufio.NewWriter(stdout)
	defer w.Flush()
	if *format == "text" {
		fmt.Fprintf(w, "%d articles, %d in wire-copy groups; %d stories listed\n", len(docs), len(dups), len(out))
	}
	for i := range out {
		out[i].ID = i + 1
		if *format == "json" {
			b, _ := json.Marshal(out[i])
			w.Write(append(b, '\n'))
			continue
		}
		s := out[i]
		fmt.Fprintf(w, "\nstory %d: %s..%s, %d articles from %s\n", s.ID, s.Start, s.End, len(s.Articles), strings.Join(s.Sources, ", "))
		for _, a := range s.Articles {
			dup := ""
			if a.DuplicateOf != "" {
				dup = "  (copy of " + a.DuplicateOf + ")"
			}
			fmt.Fprintf(w, "  %s  %-9s %s  %s%s\n", a.Date, a.Source, a.ID, a.Title, dup)
		}
	}
	return 0
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"khabar/archive"
	"khabar/index"
)

func init() {
	register(verb{
		name:    "search",
		summary: "search an archive made by ingest (BM25, phrases, AND/OR/-, filters, facets)",
		run:     runSearch,
	})
}

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("search", stderr)
	db := fs.String("db", "", "archive `DIR`")
	format := fs.String("format", "text", "output: text or json (one hit a line)")
	limit := fs.Int("n", 10, "hits to show")
	offset := fs.Int("offset", 0, "hits to skip (for paging)")
	from := fs.String("from", "", "only documents dated on or after `YYYY-MM-DD`")
	to := fs.String("to", "", "only documents dated on or before `YYYY-MM-DD`")
	var sources, entities, types listFlag
	fs.Var(&sources, "source", "only documents of this outlet (repeatable)")
	fs.Var(&entities, "entity", "only documents that name this entity (repeatable: all must occur)")
	fs.Var(&types, "type", "only documents of this category (sport, economy, ...), or that name an entity of this type (PER, LOC, ORG, MISC); repeatable")
	facets := fs.Bool("facets", false, "also count people, places, organisations, sources and months of all matches")
	width := fs.Int("width", 200, "snippet width in characters")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: khabar search --db DIR [flags] QUERY\n\nQUERY: words (any inflection or spelling finds the others), \"exact phrases\",\nAND, OR, -word to exclude, +word to require, (groups).\n\nFlags:")
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *db == "" || fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	opt := index.Options{Limit: *limit, Offset: *offset, Facets: *facets}
	for _, d := range []struct {
		s   string
		dst *int32
	}{{*from, &opt.Filter.From}, {*to, &opt.Filter.To}} {
		if d.s == "" {
			continue
		}
		if *d.dst = index.ParseDate(d.s); *d.dst == index.NoDate {
			fmt.Fprintf(stderr, "khabar search: %q is not a date of the form YYYY-MM-DD\n", d.s)
			return 2
		}
	}
	opt.Filter.Sources = sources
	opt.Filter.Entities = entities
	for _, t := range types {
		switch u := strings.ToUpper(t); u {
		case "PER", "LOC", "ORG", "MISC":
			opt.Filter.Types = append(opt.Filter.Types, u)
		default:
			opt.Filter.Categories = append(opt.Filter.Categories, t)
		}
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "khabar search: unknown --format %q (text or json)\n", *format)
		return 2
	}
	ar, err := archive.Open(*db, archive.OpenOptions{})
	if err != nil {
		fmt.Fprintf(stderr, "khabar search: %v\n", err)
		return 1
	}
	defer ar.Close()
	ix, err := ar.Index()
	if err != nil {
		fmt.Fprintf(stderr, "khabar search: %v\n", err)
		return 1
	}
	an := ar.QueryAnalyzer(ix)
	q, err := index.Parse(strings.Join(fs.Args(), " "), an)
	if err != nil {
		fmt.Fprintf(stderr, "khabar search: %v\n", err)
		return 2
	}
	res := ix.Search(q, opt)
	docs := make([]uint32, len(res.Hits))
	for i, h := range res.Hits {
		docs[i] = h.Doc
	}
	positions := ix.MatchPositions(q, docs)
	// Found words in bold on a terminal, in brackets otherwise.
	open, close := "[", "]"
	if f, ok := stdout.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			open, close = "\x1b[1m", "\x1b[0m"
		}
	}
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	if *format == "text" {
		fmt.Fprintf(out, "%d documents match %s\n", res.Total, q)
	}
	for i, h := range res.Hits {
		title, text, err := ar.Text(h.Doc)
		if err != nil {
			fmt.Fprintf(stderr, "khabar search: %v\n", err)
			return 1
		}
		sn := index.SnippetAt(title, text, positions[h.Doc], *width)
		hit := ar.NewHit(ix, h, sn)
		if *format == "json" {
			b, _ := json.Marshal(hit)
			out.Write(append(b, '\n'))
			continue
		}
		dup := hit.DuplicateOf
		if dup != "" {
			dup = "  (copy of " + dup + ")"
		}
		fmt.Fprintf(out, "\n%d. %s  [%s %s %s] %.2f%s\n   %s\n", *offset+i+1, h.Title, h.Date, h.Source, h.ID, h.Score, dup, sn.Mark(open, close))
	}
	if res.Facets != nil {
		if *format == "json" {
			b, _ := json.Marshal(map[string]any{"facets": res.Facets, "total": res.Total})
			out.Write(append(b, '\n'))
		} else {
			f := res.Facets
			for _, g := range []struct {
				name string
				c    []index.Count
			}{{"people", f.People}, {"places", f.Places}, {"organisations", f.Organisations}, {"sources", f.Sources}, {"months", f.Months}} {
				fmt.Fprintf(out, "\n%s:", g.name)
				for _, c := range g.c {
					fmt.Fprintf(out, "  %s (%d)", c.Value, c.Count)
				}
			}
			fmt.Fprintln(out)
		}
	}
	return 0
}

// listFlag is a repeatable string flag.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error { *l = append(*l, s); return nil }

package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync"
	"time"

	"khabar"
	"khabar/analysis"
	"khabar/input"
	"khabar/render"
)

func init() {
	register(verb{
		name:    "analyze",
		summary: "analyse articles and print annotated documents (JSON Lines, CoNLL-U or text)",
		run:     runAnalyze,
	})
}

// stdin is what "-" reads; tests replace it.
var stdin io.Reader = os.Stdin

func runAnalyze(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("analyze", stderr)
	format := fs.String("format", "json", "output format: json (JSON Lines, one document a line), conllu or text")
	date := fs.String("date", "", "document date `YYYY-MM-DD` for inputs that carry none (wins over datelines)")
	year := fs.Int("year", 0, "year for datelines that give only day and month")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	layers := fs.String("layers", "all", layersHelp)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: khabar analyze [flags] FILE|DIR|- ...\n\nInputs: text files (one article each), directories (recursively), .jsonl and\n.jsonl.gz files with one {\"id\",\"text\",\"date\",\"title\",\"url\"} object a line, - for standard input.\n\nFlags:")
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	var write func(*bufio.Writer, *khabar.Document, []byte) []byte
	switch *format {
	case "json":
		write = func(w *bufio.Writer, doc *khabar.Document, buf []byte) []byte {
			buf = append(render.AppendJSON(buf[:0], doc), '\n')
			w.Write(buf)
			return buf
		}
	case "conllu":
		write = func(w *bufio.Writer, doc *khabar.Document, buf []byte) []byte { render.WriteCoNLLU(w, doc); return buf }
	case "text":
		write = func(w *bufio.Writer, doc *khabar.Document, buf []byte) []byte { render.WriteText(w, doc); return buf }
	default:
		fmt.Fprintf(stderr, "khabar analyze: unknown --format %q (json, conllu or text)\n", *format)
		return 2
	}
	if *date != "" {
		if _, err := time.Parse(time.DateOnly, *date); err != nil {
			fmt.Fprintf(stderr, "khabar analyze: --date %q is not a date of the form YYYY-MM-DD\n", *date)
			return 2
		}
	}
	an, err := newLayeredAnalyzer(*layers)
	if err != nil {
		fmt.Fprintf(stderr, "khabar analyze: %v\n", err)
		return 1
	}
	failed := false
	report := func(e *input.Error) {
		failed = true // only the reading goroutine reports
		fmt.Fprintf(stderr, "khabar analyze: %v\n", e)
	}
	rd := &input.Reader{Stdin: stdin, Report: report}
	out := bufio.NewWriterSize(stdout, 256<<10)
	convert := func(a input.Article) analysis.Input {
		in := analysis.Input{ID: a.ID, Text: a.Text, Title: a.Title, Category: a.Category, FallbackYear: *year, Date: *date}
		if a.Path != "" || a.URL != "" || a.Source != "" {
			in.Source = &khabar.Source{URL: a.URL, Name: a.Source}
			if a.Path != "-" {
				in.Source.Path = a.Path
			}
		}
		if a.Date != "" {
			if d, ok := documentDate(a.Date); ok {
				in.Date = d
			} else {
				report(&input.Error{Path: a.Path, Line: a.Line, Err: fmt.Errorf(`field "date": %q is not a date; the dateline is used instead`, a.Date)})
			}
		}
		return in
	}
	err = analyzeStream(an, rd, fs.Args(), convert, *workers, func(doc *khabar.Document, buf []byte) []byte {
		return write(out, doc, buf)
	})
	if ferr := out.Flush(); err == nil && ferr != nil {
		err = ferr
	}
	if err != nil {
		fmt.Fprintf(stderr, "khabar analyze: %v\n", err)
		return 1
	}
	if failed {
		return 1
	}
	return 0
}

// documentDate accepts an input's date as YYYY-MM-DD, RFC 3339 or RFC 1123
// and returns its calendar day.
func documentDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range [...]string{time.DateOnly, time.RFC3339, time.RFC1123Z, time.RFC1123, "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// analyzeStream reads articles, analyses them on workers goroutines and
// hands the documents to write in input order. At most 4*workers documents
// are in flight, so memory stays bounded whatever the input size. write
// gets a reusable buffer and returns it.
func analyzeStream(an *analysis.Analyzer, rd *input.Reader, paths []string, convert func(input.Article) analysis.Input, workers int, write func(*khabar.Document, []byte) []byte) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		in   analysis.Input
		done chan *khabar.Document
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		readErr = rd.Walk(paths, func(a input.Article) error {
			j := &job{in: convert(a), done: make(chan *khabar.Document, 1)}
			order <- j
			jobs <- j
			return nil
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				j.done <- an.Analyze(j.in)
			}
		}()
	}
	var buf []byte
	for j := range order {
		buf = write(<-j.done, buf)
	}
	wg.Wait()
	return readErr
}

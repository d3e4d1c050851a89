package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	iofs "io/fs"
	"net/http"
	neturl "net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"

	"khabar"
	"khabar/analysis"
	"khabar/archive"
	"khabar/ingest/feed"
	"khabar/ingest/htmltext"
	"khabar/input"
)

func init() {
	register(verb{
		name:    "ingest",
		summary: "analyse articles and store them in a searchable archive (--db DIR)",
		run:     runIngest,
	})
}

func runIngest(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("ingest", stderr)
	db := fs.String("db", "", "archive `DIR` (created when absent)")
	date := fs.String("date", "", "document date `YYYY-MM-DD` for inputs that carry none")
	year := fs.Int("year", 0, "year for datelines that give only day and month")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "documents analysed in parallel")
	batch := fs.Int("batch", 512, "documents stored per transaction")
	progress := fs.String("progress", "auto", "progress display: auto (a bar on a terminal), bar, log or none")
	layers := fs.String("layers", "all", layersHelp)
	keys := fs.String("keys", "", "search keys of a new archive: morph (lemmas in context, the default) or surface (no model); an existing archive keeps its own")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile to `FILE`")
	optimize := fs.Bool("optimize", true, "merge the index into one segment at the end, for the fastest search")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: khabar ingest --db DIR [flags] FILE|DIR|- ...\n\nInputs as for analyze: text files, directories, .jsonl and .jsonl.gz files\n(fields id, title, text, date, url, source, category), - for standard input;\nand RSS/Atom feeds (.rss, .atom, .xml) and web pages (.html, .htm) as files\nor http(s) URLs, the main text of a page extracted from it.\nAn id stored already is updated, never duplicated; an unchanged article is\nskipped, so an interrupted ingest is resumed by running it again.\n\nFlags:")
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *db == "" || fs.NArg() == 0 {
		fs.Usage()
		return 2
	}
	if *date != "" {
		if _, ok := documentDate(*date); !ok {
			fmt.Fprintf(stderr, "khabar ingest: --date %q is not a date of the form YYYY-MM-DD\n", *date)
			return 2
		}
	}
	if *batch < 1 {
		*batch = 1
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "khabar ingest: %v\n", err)
			return 1
		}
		pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	an, err := newLayeredAnalyzer(*layers)
	if err != nil {
		fmt.Fprintf(stderr, "khabar ingest: %v\n", err)
		return 1
	}
	keyName, ok := map[string]string{"": "", "morph": archive.KeysMorph, "surface": archive.KeysSurface}[*keys]
	if !ok {
		fmt.Fprintf(stderr, "khabar ingest: unknown --keys %q (morph or surface)\n", *keys)
		return 2
	}
	ar, err := archive.Open(*db, archive.OpenOptions{Write: true, Keys: keyName})
	if err != nil {
		fmt.Fprintf(stderr, "khabar ingest: %v\n", err)
		return 1
	}
	defer ar.Close()
	known, err := ar.Known()
	if err != nil {
		fmt.Fprintf(stderr, "khabar ingest: %v\n", err)
		return 1
	}
	if _, err := archive.KeyAnalyzerNamed(ar.Keys()); err != nil {
		fmt.Fprintf(stderr, "khabar ingest: %v\n", err)
		return 1
	}
	prog := newProgress(stderr, *progress)
	if prog.mode == "bar" {
		go func() { prog.total.Store(int64(countInputs(fs.Args()))) }()
	}
	var mu sync.Mutex // guards stderr between the reader's reports and progress
	failed := 0
	report := func(e *input.Error) {
		mu.Lock()
		defer mu.Unlock()
		failed++
		prog.clear()
		fmt.Fprintf(stderr, "khabar ingest: %v\n", e)
	}
	rd := &input.Reader{Stdin: stdin, Report: report}
	ing := &ingester{an: an, ar: ar, year: *year, date: *date, known: known, report: report}
	start := time.Now()
	var analysed, stored, skipped int
	var pending []archive.Record
	commit := func() error {
		if len(pending) == 0 {
			return nil
		}
		if err := ar.Commit(pending); err != nil {
			return err
		}
		stored += len(pending)
		pending = pending[:0]
		mu.Lock()
		prog.update(analysed, stored, skipped, failed, time.Since(start), true)
		mu.Unlock()
		return nil
	}
	// Ctrl-C stops reading; what was analysed is stored before exiting, so
	// that running the command again resumes where it stopped.
	ctx, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	err = ing.run(rd, fs.Args(), *workers, func(r *archive.Record) error {
		if ctx.Err() != nil {
			return errInterrupted
		}
		if r == nil {
			skipped++
		} else {
			analysed++
			pending = append(pending, *r)
		}
		mu.Lock()
		prog.update(analysed, stored, skipped, failed, time.Since(start), false)
		mu.Unlock()
		if r == nil {
			return nil
		}
		if len(pending) >= *batch {
			return commit()
		}
		return nil
	})
	interrupted := errors.Is(err, errInterrupted)
	if err == nil || interrupted {
		if cerr := commit(); cerr != nil {
			err = cerr
		}
	}
	if err == nil && *optimize {
		err = ar.Optimize()
	}
	mu.Lock()
	prog.done(stored, skipped, failed, time.Since(start))
	mu.Unlock()
	if interrupted && errors.Is(err, errInterrupted) {
		fmt.Fprintf(stderr, "khabar ingest: interrupted; %d articles stored; run the same command again to resume\n", stored)
		return 130
	}
	if err != nil {
		fmt.Fprintf(stderr, "khabar ingest: %v\n", err)
		return 1
	}
	if failed > 0 {
		return 1
	}
	return 0
}

// ingester turns input articles into archive records on many goroutines,
// keeping input order so that the last version of an id wins.
type ingester struct {
	an     *analysis.Analyzer
	ar     *archive.Archive
	year   int
	date   string
	known  map[string]uint64
	report func(*input.Error)
}

func (g *ingester) convert(a input.Article) analysis.Input {
	in := analysis.Input{ID: a.ID, Text: a.Text, Title: a.Title, Category: a.Category, FallbackYear: g.year, Date: g.date}
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
			g.report(&input.Error{Path: a.Path, Line: a.Line, Err: fmt.Errorf(`field "date": %q is not a date; the dateline is used instead`, a.Date)})
		}
	}
	if in.ID == "" {
		in.ID = analysis.ContentID(in.Text)
	}
	return in
}

// record analyses one article into a record.
func (g *ingester) record(in analysis.Input, hash uint64) *archive.Record {
	r, err := g.ar.NewRecord(g.an.Analyze(in), hash)
	if err != nil {
		panic(err) // the key analyzer was loaded before the run
	}
	return &r
}

var (
	errStop        = errors.New("stop")
	errInterrupted = errors.New("interrupted")
)

// run reads paths and calls store with each record in input order, or with
// nil for an article stored already unchanged.
func (g *ingester) run(rd *input.Reader, paths []string, workers int, store func(*archive.Record) error) error {
	if workers < 1 {
		workers = 1
	}
	type job struct {
		in   analysis.Input
		hash uint64
		done chan *archive.Record
	}
	jobs := make(chan *job, workers)
	order := make(chan *job, 4*workers)
	stop := make(chan struct{})
	var readErr error
	go func() {
		defer close(order)
		defer close(jobs)
		web := &webInputs{rd: rd, report: g.report, client: &http.Client{Timeout: 30 * time.Second}}
		readErr = web.walk(paths, func(a input.Article) error {
			in := g.convert(a)
			src := ""
			if in.Source != nil {
				src = in.Source.Name + "\x00" + in.Source.URL
			}
			h := archive.ContentHash(in.ID, in.Title, in.Text, in.Date, in.Category, src)
			j := &job{in: in, hash: h, done: make(chan *archive.Record, 1)}
			if old, ok := g.known[in.ID]; ok && old == h {
				j.done <- nil
				select {
				case order <- j:
				case <-stop:
					return errStop
				}
				return nil
			}
			g.known[in.ID] = h // a later copy of the same article is skipped
			select {
			case order <- j:
			case <-stop:
				return errStop
			}
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
				j.done <- g.record(j.in, j.hash)
			}
		}()
	}
	var err error
	for j := range order {
		r := <-j.done
		if err != nil {
			continue // drain
		}
		if err = store(r); err != nil {
			close(stop)
		}
	}
	wg.Wait()
	if err != nil {
		return err
	}
	if readErr != nil && !errors.Is(readErr, errStop) {
		return readErr
	}
	return nil
}

// progress shows how an ingest goes: a bar redrawn in place on a terminal,
// a log line a commit otherwise.
type progress struct {
	w     io.Writer
	mode  string
	last  time.Time
	drew  bool
	tick  int
	total atomic.Int64 // articles expected, 0 while unknown
}

func newProgress(w io.Writer, mode string) *progress {
	if mode == "auto" {
		mode = "log"
		if f, ok := w.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				mode = "bar"
			}
		}
	}
	return &progress{w: w, mode: mode}
}

func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(n) / d.Seconds()
}

// update shows the counts: analysed articles (in input order), stored
// (committed) ones, and the others. A bar is redrawn at most ten times a
// second; a log line is written at each commit.
func (p *progress) update(analysed, stored, skipped, failed int, el time.Duration, commit bool) {
	switch p.mode {
	case "bar":
		if time.Since(p.last) < 100*time.Millisecond {
			return
		}
		p.last = time.Now()
		const width = 30
		var bar strings.Builder
		total := int(p.total.Load())
		done := analysed + skipped
		if total > 0 {
			fill := min(width, width*done/total)
			bar.WriteString(strings.Repeat("█", fill) + strings.Repeat("░", width-fill))
			fmt.Fprintf(p.w, "\r\x1b[K%s %3d%% %d/%d  %d stored  %.0f articles/s", bar.String(), 100*done/max(total, 1), done, total, stored, rate(analysed, el))
		} else {
			p.tick++
			for i := 0; i < width; i++ {
				if (i-p.tick%width+width)%width < 4 {
					bar.WriteString("█")
				} else {
					bar.WriteString("░")
				}
			}
			fmt.Fprintf(p.w, "\r\x1b[K%s %d  %d stored  %.0f articles/s", bar.String(), done, stored, rate(analysed, el))
		}
		if skipped > 0 || failed > 0 {
			fmt.Fprintf(p.w, "  (%d unchanged, %d errors)", skipped, failed)
		}
		fmt.Fprintf(p.w, "  %s", el.Round(time.Second))
		p.drew = true
	case "log":
		if commit {
			fmt.Fprintf(p.w, "khabar ingest: stored %d (%d unchanged, %d errors) in %s, %.0f articles/s\n", stored, skipped, failed, el.Round(time.Millisecond), rate(stored, el))
		}
	}
}

// countInputs estimates the number of articles in paths for the bar: a
// line a JSON Lines record, an item a feed, one a file; 0 when it cannot
// tell (standard input, URLs).
func countInputs(paths []string) int {
	n := 0
	for _, p := range paths {
		if p == "-" || isURL(p) {
			return 0
		}
		err := filepath.WalkDir(p, func(q string, d iofs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			switch {
			case strings.HasSuffix(q, ".jsonl") || strings.HasSuffix(q, ".ndjson") || strings.HasSuffix(q, ".jsonl.gz") || strings.HasSuffix(q, ".ndjson.gz"):
				n += countLines(q)
			case isFeedFile(q):
				data, _ := os.ReadFile(q)
				n += bytes.Count(data, []byte("<item")) + bytes.Count(data, []byte("<entry"))
			case q == p || strings.HasSuffix(q, ".txt") || isHTMLFile(q):
				n++
			}
			return nil
		})
		if err != nil {
			return 0
		}
	}
	return n
}

func countLines(path string) int {
	f, err := os.Open(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return 0
		}
		r = zr
	}
	n := 0
	buf := make([]byte, 256<<10)
	for {
		k, err := r.Read(buf)
		n += bytes.Count(buf[:k], []byte{'\n'})
		if err != nil {
			return n
		}
	}
}

func (p *progress) clear() {
	if p.drew {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.drew = false
	}
}

func (p *progress) done(stored, skipped, failed int, el time.Duration) {
	p.clear()
	if p.mode == "none" {
		return
	}
	fmt.Fprintf(p.w, "khabar ingest: done: %d stored, %d unchanged, %d errors in %s (%.0f articles/s)\n", stored, skipped, failed, el.Round(time.Millisecond), rate(stored, el))
}

// isURL says whether an input names a web address.
func isURL(p string) bool { return strings.HasPrefix(p, "http://") || strings.HasPrefix(p, "https://") }

func isFeedFile(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".rss") || strings.HasSuffix(p, ".atom") || strings.HasSuffix(p, ".xml")
}

func isHTMLFile(p string) bool {
	p = strings.ToLower(p)
	return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm")
}

// webInputs reads what input.Reader does not: RSS/Atom feeds and HTML
// pages, as files, in directories, or at http(s) URLs. Feed items fetched
// from the web whose text is only a summary get their page's text.
type webInputs struct {
	rd     *input.Reader
	report func(*input.Error)
	client *http.Client
}

func (w *webInputs) walk(paths []string, emit func(input.Article) error) error {
	for _, p := range paths {
		var err error
		switch {
		case isURL(p):
			err = w.url(p, emit)
		case isFeedFile(p) || isHTMLFile(p):
			err = w.file(p, emit)
		default:
			if err = w.rd.Walk([]string{p}, emit); err != nil {
				return err
			}
			if st, serr := os.Stat(p); serr == nil && st.IsDir() {
				var extra []string
				filepath.WalkDir(p, func(q string, d iofs.DirEntry, err error) error {
					if err == nil && !d.IsDir() && (isFeedFile(q) || isHTMLFile(q)) {
						extra = append(extra, q)
					}
					return nil
				})
				sort.Strings(extra)
				for _, q := range extra {
					if err = w.file(q, emit); err != nil {
						return err
					}
				}
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func (w *webInputs) file(p string, emit func(input.Article) error) error {
	data, err := os.ReadFile(p)
	if err != nil {
		w.report(&input.Error{Path: p, Err: err})
		return nil
	}
	return w.document(p, p, data, false, emit)
}

func (w *webInputs) fetch(u string) ([]byte, error) {
	resp, err := w.client.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %s", resp.Status)
	}
	return io.ReadAll(io.LimitReader(resp.Body, htmltext.MaxBytes))
}

func (w *webInputs) url(u string, emit func(input.Article) error) error {
	data, err := w.fetch(u)
	if err != nil {
		w.report(&input.Error{Path: u, Err: err})
		return nil
	}
	return w.document(u, u, data, true, emit)
}

// document turns a feed or a page into articles.
func (w *webInputs) document(name, addr string, data []byte, online bool, emit func(input.Article) error) error {
	if !utf8.Valid(data) {
		w.report(&input.Error{Path: name, Err: input.ErrNotUTF8})
		return nil
	}
	if feed.IsFeed(data) {
		f, err := feed.Parse(bytes.NewReader(data), func(line int, err error) {
			w.report(&input.Error{Path: name, Line: line, Err: err})
		})
		if err != nil {
			w.report(&input.Error{Path: name, Err: err})
			if f == nil {
				return nil
			}
		}
		for _, it := range f.Items {
			a := input.Article{ID: it.ID, Title: it.Title, Text: it.Text, Date: it.Date, URL: it.URL, Source: outlet(it.URL, f.Title), Path: name, Line: it.Line}
			if online && it.URL != "" && isURL(it.URL) && utf8.RuneCountInString(it.Text) < 600 {
				if page, err := w.fetch(it.URL); err == nil {
					if pg, err := htmltext.Extract(bytes.NewReader(page)); err == nil && len(pg.Text) > len(a.Text) {
						a.Text = pg.Text
					}
				} else {
					w.report(&input.Error{Path: it.URL, Err: fmt.Errorf("%w; the feed's summary is stored", err)})
				}
			}
			if err := emit(a); err != nil {
				return err
			}
		}
		return nil
	}
	pg, err := htmltext.Extract(bytes.NewReader(data))
	if err != nil {
		w.report(&input.Error{Path: name, Err: err})
		return nil
	}
	id := pg.URL
	if id == "" {
		id = addr
	}
	if !isURL(addr) && pg.URL == "" {
		id = strings.TrimSuffix(filepath.Base(addr), filepath.Ext(addr))
	}
	url := pg.URL
	if url == "" && isURL(addr) {
		url = addr
	}
	return emit(input.Article{ID: id, Title: pg.Title, Text: pg.Text, Date: pg.Date, URL: url, Source: outlet(url, ""), Path: name})
}

// outlet names the source of an article: the web site's host without
// www., else the feed's title.
func outlet(u, feedTitle string) string {
	if pu, err := neturl.Parse(u); err == nil && pu.Host != "" {
		return strings.TrimPrefix(pu.Hostname(), "www.")
	}
	return feedTitle
}

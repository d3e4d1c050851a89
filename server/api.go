package server

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"khabar"
	"khabar/analysis"
	"khabar/archive"
	"khabar/index"
	"khabar/input"
	"khabar/render"
)

func (s *Server) apiHealth(w http.ResponseWriter, r *http.Request) {
	var n int
	if !s.view(func(sn *snapshot) { n = sn.numDocs() }) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	hits, misses := s.SearchCacheStats()
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "documents": n,
		"searches": map[string]int64{"cached": hits, "computed": misses}})
}

// article is one article of an analyze or ingest request.
type article struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	Date     string `json:"date"`
	URL      string `json:"url"`
	Source   string `json:"source"`
	Category string `json:"category"`
}

// check validates an article and turns it into an analysis input.
func (a *article) input() (analysis.Input, error) {
	text, err := input.CleanText([]byte(a.Text))
	if err != nil {
		return analysis.Input{}, err
	}
	if strings.TrimSpace(text) == "" {
		return analysis.Input{}, errors.New(`"text" is empty`)
	}
	if a.Date != "" && index.ParseDate(a.Date) == index.NoDate {
		return analysis.Input{}, fmt.Errorf(`"date" %q is not a date of the form YYYY-MM-DD`, a.Date)
	}
	in := analysis.Input{ID: a.ID, Text: text, Title: strings.TrimSpace(a.Title), Date: a.Date, Category: a.Category}
	if a.URL != "" || a.Source != "" {
		in.Source = &khabar.Source{URL: a.URL, Name: a.Source}
	}
	if in.ID == "" {
		in.ID = analysis.ContentID(text)
	}
	return in, nil
}

// readArticles reads the body of an analyze or ingest request: JSON (one
// object, an array of objects, or JSON Lines) or, for any other content
// type, the text of one article with the other fields in the query.
func readArticles(r *http.Request, max int) ([]article, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if ct != "application/json" && ct != "application/x-ndjson" && ct != "application/jsonl" {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			return nil, err
		}
		q := r.URL.Query()
		return []article{{ID: q.Get("id"), Title: q.Get("title"), Text: string(body), Date: q.Get("date"),
			URL: q.Get("url"), Source: q.Get("source"), Category: q.Get("category")}}, nil
	}
	br := bufio.NewReader(r.Body)
	first, err := peekNonSpace(br)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errBadRequest("the body is empty")
		}
		return nil, err
	}
	dec := json.NewDecoder(br)
	var out []article
	if first == '[' {
		if err := dec.Decode(&out); err != nil {
			return nil, jsonErr(err)
		}
	} else {
		for {
			var a article
			err := dec.Decode(&a)
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return nil, jsonErr(err)
			}
			out = append(out, a)
			if len(out) > max {
				break
			}
		}
	}
	if len(out) > max {
		return nil, errBadRequest(fmt.Sprintf("more than %d articles in one request", max))
	}
	if len(out) == 0 {
		return nil, errBadRequest("no article in the body")
	}
	return out, nil
}

func peekNonSpace(br *bufio.Reader) (byte, error) {
	for {
		b, err := br.ReadByte()
		if err != nil {
			return 0, err
		}
		if b != ' ' && b != '\n' && b != '\r' && b != '\t' {
			br.UnreadByte()
			return b, nil
		}
	}
}

// errBadRequest is a request the client must change.
type errBadRequest string

func (e errBadRequest) Error() string { return string(e) }

// jsonErr keeps the error of reading the body (413) apart from bad JSON
// (400).
func jsonErr(err error) error {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return err
	}
	return errBadRequest("bad JSON: " + err.Error())
}

// requestError answers an error of readArticles or of an article.
func requestError(w http.ResponseWriter, err error) {
	var br errBadRequest
	if errors.As(err, &br) {
		jsonError(w, http.StatusBadRequest, "%s", br)
		return
	}
	bodyError(w, err)
}

func (s *Server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	arts, err := readArticles(r, 1)
	if err != nil {
		requestError(w, err)
		return
	}
	in, err := arts[0].input()
	if err != nil {
		jsonError(w, http.StatusBadRequest, "%v", err)
		return
	}
	if !s.acquire(r.Context()) {
		jsonError(w, http.StatusServiceUnavailable, "too many analyses at once; try again")
		return
	}
	doc := s.cfg.Analyzer.Analyze(in)
	s.release()
	writeRawJSON(w, http.StatusOK, render.AppendJSON(nil, doc))
}

// ingestResult is the answer to an ingest.
type ingestResult struct {
	Stored    int         `json:"stored"`
	Unchanged int         `json:"unchanged"`
	Documents []ingestDoc `json:"documents"`
}

type ingestDoc struct {
	ID       string `json:"id"`
	Title    string `json:"title,omitempty"`
	Stored   bool   `json:"stored"`
	Entities int    `json:"entities"`
	Timexes  int    `json:"timexes"`
	Quotes   int    `json:"quotes"`
	Events   int    `json:"events"`
	URL      string `json:"url"`
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	arts, err := readArticles(r, s.cfg.MaxIngest)
	if err != nil {
		requestError(w, err)
		return
	}
	ins := make([]analysis.Input, len(arts))
	for i := range arts {
		if ins[i], err = arts[i].input(); err != nil {
			jsonError(w, http.StatusBadRequest, "article %d: %v", i+1, err)
			return
		}
	}
	// The records are made outside the snapshot's lock: NewRecord needs
	// only the archive's key analyzer, and holding the lock for a large
	// batch would hold up a commit and, behind it, every reader.
	var ar *archive.Archive
	if !s.view(func(sn *snapshot) { ar = sn.ar }) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	recs, err := s.records(r.Context(), ar, ins)
	if err != nil {
		if errors.Is(err, errBusy) {
			jsonError(w, http.StatusServiceUnavailable, "%v", errBusy)
			return
		}
		s.cfg.Log.Printf("ingest: %v", err)
		jsonError(w, http.StatusInternalServerError, "indexing failed: %v", err)
		return
	}
	stored, err := s.commit(recs)
	if err != nil {
		s.cfg.Log.Printf("ingest: %v", err)
		status := http.StatusInternalServerError
		if errors.Is(err, archive.ErrLocked) || errors.Is(err, archive.ErrBusy) {
			status = http.StatusServiceUnavailable
		}
		jsonError(w, status, "storing failed: %v", err)
		return
	}
	res := ingestResult{Documents: make([]ingestDoc, len(recs))}
	for i, rec := range recs {
		d := rec.Doc
		res.Documents[i] = ingestDoc{ID: d.ID, Title: d.Title, Stored: stored[i], Entities: len(d.Entities),
			Timexes: len(d.Timexes), Quotes: len(d.Quotes), Events: len(d.Events), URL: "/api/docs/" + url.PathEscape(d.ID)}
		if stored[i] {
			res.Stored++
		} else {
			res.Unchanged++
		}
	}
	writeJSON(w, http.StatusOK, res)
}

var errBusy = errors.New("too many analyses at once; try again")

// records analyses the inputs on up to MaxAnalyses goroutines, each
// analysis taking a slot of the bound that /api/analyze shares, and makes
// their archive records.
func (s *Server) records(ctx context.Context, ar *archive.Archive, ins []analysis.Input) ([]archive.Record, error) {
	recs := make([]archive.Record, len(ins))
	errs := make([]error, len(ins))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(len(ins), s.cfg.MaxAnalyses) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if !s.acquire(ctx) {
					errs[i] = errBusy
					continue
				}
				in := ins[i]
				doc := s.cfg.Analyzer.Analyze(in)
				s.release()
				src := ""
				if in.Source != nil {
					src = in.Source.Name + "\x00" + in.Source.URL
				}
				hash := archive.ContentHash(in.ID, in.Title, in.Text, in.Date, in.Category, src)
				recs[i], errs[i] = ar.NewRecord(doc, hash)
			}
		}()
	}
	for i := range ins {
		next <- i
	}
	close(next)
	wg.Wait()
	return recs, errors.Join(errs...)
}

// commit stores recs, skipping those stored already unchanged, and opens
// a new snapshot. The read snapshot is closed while the archive is written,
// since a bbolt file is either read by many or written by one; requests
// wait for that short time.
func (s *Server) commit(recs []archive.Record) (stored []bool, err error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.snap == nil {
		return nil, errors.New("the archive is closed")
	}
	if err := s.snap.close(); err != nil {
		return nil, err
	}
	s.snap = nil
	defer func() {
		snap, e := openSnapshot(s.cfg.Dir, s.cfg.SearchCache)
		if e != nil {
			err = errors.Join(err, fmt.Errorf("reopening the archive: %w", e))
			return
		}
		s.snap = snap
		go s.clusterStories(snap)
		go s.gatherDisplayNames(snap)
	}()
	w, err := archive.Open(s.cfg.Dir, archive.OpenOptions{Write: true})
	if err != nil {
		return nil, err
	}
	defer w.Close()
	if s.known == nil {
		if s.known, err = w.Known(); err != nil {
			s.known = nil
			return nil, err
		}
	}
	stored = make([]bool, len(recs))
	var batch []archive.Record
	seen := map[string]int{}
	for i, rec := range recs {
		if h, ok := s.known[rec.Doc.ID]; ok && h == rec.Hash {
			continue
		}
		if j, ok := seen[rec.Doc.ID]; ok { // the later copy in one request wins
			batch[j] = rec
			stored[i] = true
			continue
		}
		seen[rec.Doc.ID] = len(batch)
		batch = append(batch, rec)
		stored[i] = true
	}
	if err := w.Commit(batch); err != nil {
		return nil, err
	}
	for _, rec := range batch {
		s.known[rec.Doc.ID] = rec.Hash
	}
	return stored, nil
}

// searchRequest is a search: the query of the search verb and its filters.
type searchRequest struct {
	Query  string
	Opt    index.Options
	Width  int
	Params url.Values // the filters as given, for links
}

func intParam(v url.Values, name string, def, lo, hi int) (int, error) {
	s := v.Get(name)
	if s == "" {
		return def, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		return 0, errBadRequest(fmt.Sprintf("%s=%q: give a number from %d to %d", name, s, lo, hi))
	}
	return n, nil
}

// maxQuery bounds a query in code points: every word costs a dictionary
// lookup and a posting walk.
const maxQuery = 500

func parseSearch(v url.Values) (*searchRequest, error) {
	sr := &searchRequest{Query: strings.TrimSpace(v.Get("q")), Params: url.Values{}}
	if n := utf8.RuneCountInString(sr.Query); n > maxQuery {
		return nil, errBadRequest(fmt.Sprintf("the query has %d characters; at most %d", n, maxQuery))
	}
	var err error
	if sr.Opt.Limit, err = intParam(v, "n", 10, 1, 100); err != nil {
		return nil, err
	}
	if sr.Opt.Offset, err = intParam(v, "offset", 0, 0, 10000); err != nil {
		return nil, err
	}
	if sr.Width, err = intParam(v, "width", 200, 20, 2000); err != nil {
		return nil, err
	}
	for _, d := range []struct {
		name string
		dst  *int32
	}{{"from", &sr.Opt.Filter.From}, {"to", &sr.Opt.Filter.To}} {
		s := v.Get(d.name)
		if s == "" {
			continue
		}
		if *d.dst = index.ParseDate(s); *d.dst == index.NoDate {
			return nil, errBadRequest(fmt.Sprintf("%s=%q is not a date of the form YYYY-MM-DD", d.name, s))
		}
		sr.Params.Set(d.name, s)
	}
	sr.Opt.Filter.Sources = v["source"]
	sr.Opt.Filter.Entities = v["entity"]
	for _, t := range v["type"] {
		switch u := strings.ToUpper(t); u {
		case "PER", "LOC", "ORG", "MISC":
			sr.Opt.Filter.Types = append(sr.Opt.Filter.Types, u)
		default:
			sr.Opt.Filter.Categories = append(sr.Opt.Filter.Categories, t)
		}
	}
	for _, k := range []string{"source", "entity", "type"} {
		if len(v[k]) > 0 {
			sr.Params[k] = v[k]
		}
	}
	switch f := v.Get("facets"); f {
	case "", "0", "false":
	case "1", "true":
		sr.Opt.Facets = true
	default:
		return nil, errBadRequest(fmt.Sprintf("facets=%q: give true or false", f))
	}
	return sr, nil
}

// searchHit is one hit of a search answer, as `khabar search --format
// json` gives it too.
type searchHit = archive.Hit

type searchResult struct {
	Query  string        `json:"query"`
	Parsed string        `json:"parsed"`
	Total  int           `json:"total"`
	Hits   []searchHit   `json:"hits"`
	Facets *index.Facets `json:"facets,omitempty"`
}

// search runs sr on the snapshot.
func (s *Server) search(sn *snapshot, sr *searchRequest) (*searchResult, error) {
	q, err := index.Parse(sr.Query, sn.qa)
	if err != nil {
		return nil, errBadRequest(err.Error())
	}
	res := sn.ix.Search(q, sr.Opt)
	out := &searchResult{Query: sr.Query, Parsed: q.String(), Total: res.Total, Hits: make([]searchHit, 0, len(res.Hits)), Facets: res.Facets}
	hl := index.NewHighlighter(q, sn.hla)
	for _, h := range res.Hits {
		_, text, err := sn.ar.Text(h.Doc)
		if err != nil {
			return nil, err
		}
		out.Hits = append(out.Hits, sn.ar.NewHit(sn.ix, h, hl.SnippetOf(sn.ix, h.Doc, text, sr.Width)))
	}
	return out, nil
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	// Every search, cached or not, waits for its turn in one line, in the
	// order the requests came: under a flood of requests, answers that the
	// cache holds would otherwise overtake the ones that must be computed,
	// again and again, and those would wait for hundreds of milliseconds
	// (the p99 of a closed loop of 200 connections fell from 309 to 148 ms
	// on bench http's archive mix, see BENCHMARKS.md). A turn held for a
	// cache hit lasts one map lookup.
	if !s.searchTurn(r.Context()) {
		return // the client went away while waiting
	}
	// A repeated request is answered from the cache before any parsing;
	// the raw query is the key, so that a hit costs one map lookup.
	key := r.URL.RawQuery
	var body []byte
	s.mu.RLock()
	if s.snap != nil {
		body, _ = s.snap.answers.get(key)
	}
	s.mu.RUnlock()
	if body != nil {
		s.searchDone()
		s.cacheHits.Add(1)
		writeRawJSON(w, http.StatusOK, body)
		return
	}
	defer s.searchDone()
	v := r.URL.Query()
	sr, err := parseSearch(v)
	if err != nil {
		requestError(w, err)
		return
	}
	if sr.Query == "" {
		jsonError(w, http.StatusBadRequest, "q is required")
		return
	}
	if !s.view(func(sn *snapshot) {
		if b, ok := sn.answers.get(key); ok {
			body = b
			s.cacheHits.Add(1)
			return
		}
		s.cacheMisses.Add(1)
		var res *searchResult
		if res, err = s.search(sn, sr); err == nil {
			if body, err = json.Marshal(res); err == nil {
				sn.answers.put(key, body)
			}
		}
	}) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	if err != nil {
		var br errBadRequest
		if errors.As(err, &br) {
			jsonError(w, http.StatusBadRequest, "%s", br)
			return
		}
		s.cfg.Log.Printf("search %q: %v", sr.Query, err)
		jsonError(w, http.StatusInternalServerError, "search failed: %v", err)
		return
	}
	writeRawJSON(w, http.StatusOK, body)
}

// searchTurn waits for a turn to compute a search (Server.searches);
// false when ctx ends first. searchDone gives the turn back.
func (s *Server) searchTurn(ctx context.Context) bool {
	select {
	case s.searches <- struct{}{}:
		return true
	case <-ctx.Done():
		return false
	}
}

func (s *Server) searchDone() { <-s.searches }

// document reads a stored document; nil when there is none with id.
func (sn *snapshot) document(id string) (*khabar.Document, error) {
	if _, ok := sn.docs[id]; !ok {
		return nil, nil
	}
	return sn.ar.Document(id)
}

func (s *Server) apiDoc(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	var doc *khabar.Document
	var err error
	if !s.view(func(sn *snapshot) { doc, err = sn.document(id) }) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	switch {
	case err != nil:
		jsonError(w, http.StatusInternalServerError, "%v", err)
	case doc == nil:
		jsonError(w, http.StatusNotFound, "no document %q", id)
	default:
		writeRawJSON(w, http.StatusOK, render.AppendJSON(nil, doc))
	}
}

// entityOut describes an entity of the archive.
type entityOut struct {
	ID        string `json:"id"`
	Type      string `json:"type"`
	Name      string `json:"name"`
	Display   string `json:"display"` // as documents write it, when known; else Name
	Documents int    `json:"documents"`
	FirstSeen string `json:"first_seen,omitempty"`
	LastSeen  string `json:"last_seen,omitempty"`
}

func (e *entityInfo) out(sn *snapshot) entityOut {
	return entityOut{ID: e.ID(), Type: e.typ, Name: e.name, Display: sn.displayName(e.key, e.name), Documents: len(e.docs),
		FirstSeen: index.FormatDate(e.first), LastSeen: index.FormatDate(e.last)}
}

// Path is the web path of the entity page.
func (e entityOut) Path() string { return entityPath(e.ID) }

type entityList struct {
	Total    int         `json:"total"`
	Entities []entityOut `json:"entities"`
}

func parseEntityList(v url.Values) (typ, q string, n, off int, err error) {
	typ = strings.ToUpper(v.Get("type"))
	switch typ {
	case "", "PER", "LOC", "ORG", "MISC":
	default:
		return "", "", 0, 0, errBadRequest(fmt.Sprintf("type=%q: give PER, LOC, ORG or MISC", v.Get("type")))
	}
	if n, err = intParam(v, "n", 50, 1, 1000); err != nil {
		return
	}
	off, err = intParam(v, "offset", 0, 0, 1<<30)
	return typ, v.Get("q"), n, off, err
}

func listEntities(sn *snapshot, typ, q string, n, off int) entityList {
	all := sn.entities(typ, q)
	out := entityList{Total: len(all), Entities: []entityOut{}}
	for i := off; i < len(all) && i < off+n; i++ {
		out.Entities = append(out.Entities, all[i].out(sn))
	}
	return out
}

func (s *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	typ, q, n, off, err := parseEntityList(r.URL.Query())
	if err != nil {
		requestError(w, err)
		return
	}
	var out entityList
	if !s.view(func(sn *snapshot) { out = listEntities(sn, typ, q, n, off) }) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	writeJSON(w, http.StatusOK, out)
}

// entityQuote is a quotation said by an entity.
type entityQuote struct {
	Doc    docRef `json:"document"`
	Text   string `json:"text"`
	Direct bool   `json:"direct"`
	Cue    string `json:"cue,omitempty"`
}

// entityDetail is the entity page's data.
type entityDetail struct {
	Entity      entityOut     `json:"entity"`
	Display     string        `json:"display,omitempty"` // the canonical name as written in a document
	Latin       string        `json:"latin,omitempty"`
	Mentions    []period      `json:"mentions"`
	Cooccurring []entityCount `json:"cooccurring"`
	Quotes      []entityQuote `json:"quotes"`
	Documents   []docRef      `json:"documents"` // latest first
}

// quoteDocs bounds the documents decoded for an entity's quotations.
const quoteDocs = 40

func entityDetailOf(sn *snapshot, e *entityInfo) entityDetail {
	d := entityDetail{Entity: e.out(sn), Mentions: mentions(e), Cooccurring: sn.cooccurring(e, 20),
		Quotes: []entityQuote{}, Documents: []docRef{}}
	for i := len(e.docs) - 1; i >= 0 && len(d.Documents) < 20; i-- {
		d.Documents = append(d.Documents, e.docs[i].ref())
	}
	for i := len(e.docs) - 1; i >= 0 && i >= len(e.docs)-quoteDocs; i-- {
		doc, err := sn.ar.Document(e.docs[i].id)
		if err != nil {
			continue
		}
		ids := map[string]bool{}
		for _, m := range doc.Entities {
			if m.Type == e.typ && matchNorm(m.Canonical) == e.name {
				ids[m.ID] = true
				if d.Display == "" {
					d.Display, d.Latin = m.Canonical, m.Latin
				}
			}
		}
		for _, q := range doc.Quotes {
			if q.Speaker == nil || !ids[q.Speaker.Entity] {
				continue
			}
			eq := entityQuote{Doc: e.docs[i].ref(), Text: q.Text, Direct: q.Direct}
			if q.Cue != nil {
				eq.Cue = q.Cue.Text
			}
			d.Quotes = append(d.Quotes, eq)
		}
	}
	return d
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	key, ok := entityKey(r.PathValue("id"))
	var d entityDetail
	found := false
	if !s.view(func(sn *snapshot) {
		if e := sn.ents[key]; ok && e != nil {
			d, found = entityDetailOf(sn, e), true
		}
	}) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	if !found {
		jsonError(w, http.StatusNotFound, "no entity %q (ids are TYPE:name, see /api/entities)", r.PathValue("id"))
		return
	}
	writeJSON(w, http.StatusOK, d)
}

type storiesOut struct {
	Day      string  `json:"day,omitempty"`
	Days     int     `json:"days"`     // dated days in the archive
	Articles int     `json:"articles"` // articles of the day
	Total    int     `json:"total"`    // stories with an article of the day
	Pending  bool    `json:"pending,omitempty"`
	Stories  []story `json:"stories"`
}

// storiesWait bounds how long a stories request waits for the clustering
// of a new snapshot.
const storiesWait = 30 * time.Second

func storiesOf(sn *snapshot, day int32, n int) storiesOut {
	out := storiesOut{Day: index.FormatDate(day), Days: len(sn.dayList), Stories: []story{}}
	if day == index.NoDate {
		return out
	}
	out.Articles = len(sn.days[day])
	si := sn.stories.Load()
	if si == nil {
		out.Pending = true
		return out
	}
	all := si.storiesOn(out.Day)
	out.Total = len(all)
	if len(all) > 0 {
		out.Stories = all[:min(n, len(all))]
	}
	return out
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	n, err := intParam(v, "n", 50, 1, 1000)
	if err != nil {
		requestError(w, err)
		return
	}
	s.waitStories(r.Context(), storiesWait)
	var out storiesOut
	if !s.view(func(sn *snapshot) {
		var day int32
		if day, err = sn.day(v.Get("day")); err == nil {
			out = storiesOf(sn, day, n)
		}
	}) {
		jsonError(w, http.StatusServiceUnavailable, "the archive is closed")
		return
	}
	if err != nil {
		jsonError(w, http.StatusBadRequest, "day: %v", err)
		return
	}
	writeJSON(w, http.StatusOK, out)
}

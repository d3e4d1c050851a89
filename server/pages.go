package server

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"khabar"
	"khabar/index"
)

// page is what every template gets: the title, the query of the search
// box, and the page's own data in D.
type page struct {
	Title string
	Query string
	D     any
}

var pageNames = []string{"search", "doc", "entities", "entity", "stories", "analyze", "error"}

var funcs = template.FuncMap{
	"typeName":  func(t string) string { return typeNames[t] },
	"timexName": func(t string) string { return timexTypeNames[t] },
	"entityURL": entityPath,
	"docURL":    func(id string) string { return "/docs/" + url.PathEscape(id) },
	"add":       func(a, b int) int { return a + b },
}

func parsePages() (map[string]*template.Template, error) {
	base, err := template.New("layout.html").Funcs(funcs).ParseFS(webFS, "web/templates/layout.html", "web/templates/parts.html")
	if err != nil {
		return nil, fmt.Errorf("server: templates: %w", err)
	}
	out := map[string]*template.Template{}
	for _, n := range pageNames {
		t, err := template.Must(base.Clone()).ParseFS(webFS, "web/templates/"+n+".html")
		if err != nil {
			return nil, fmt.Errorf("server: templates: %w", err)
		}
		out[n] = t
	}
	return out, nil
}

// render executes a page into a buffer first, so that a template error
// gives a clean 500 rather than half a page.
func (s *Server) render(w http.ResponseWriter, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		s.cfg.Log.Printf("page %s: %v", name, err)
		http.Error(w, "cannot render the page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'self'; style-src 'self'; img-src 'self' data:; script-src 'self'; form-action 'self'; frame-ancestors 'none'")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

func (s *Server) pageError(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, status, "error", page{Title: "خطأ", D: map[string]any{"Status": status, "Message": msg}})
}

// closed answers a request that came while the server was closing.
func (s *Server) closed(w http.ResponseWriter, r *http.Request) {
	s.pageError(w, r, http.StatusServiceUnavailable, "الأرشيف مغلق")
}

// facetLink is one clickable facet value.
type facetLink struct {
	Label  string
	Count  int
	URL    string
	Active bool
}

type facetGroup struct {
	Name  string
	Links []facetLink
}

type searchPage struct {
	Result   *searchResult
	Error    string
	Hits     []hitView
	Facets   []facetGroup
	Active   []facetLink // filters in force, each a link that removes it
	Chart    template.HTML
	Prev     string
	Next     string
	From     int
	Docs     int
	Top      []facetGroup // on the home page: the most named entities
	LatestOn string
}

type hitView struct {
	searchHit
	Snippet template.HTML
	URL     string
	// CopyURL is the page of the article this one copies, if any.
	CopyURL string
}

// withParam returns the search URL of v with key set to value (added
// when add), the page offset reset.
func searchURL(v url.Values, set map[string]string, add [2]string, drop [2]string) string {
	u := url.Values{}
	for k, vs := range v {
		for _, x := range vs {
			if k == drop[0] && x == drop[1] {
				continue
			}
			u.Add(k, x)
		}
	}
	for k, x := range set {
		if x == "" {
			u.Del(k)
		} else {
			u.Set(k, x)
		}
	}
	if add[0] != "" {
		u.Add(add[0], add[1])
	}
	return "/search?" + u.Encode()
}

var facetNames = []struct {
	name, param, label, typ string
}{
	{"people", "entity", "أشخاص", "PER"},
	{"places", "entity", "أماكن", "LOC"},
	{"organisations", "entity", "منظمات", "ORG"},
	{"sources", "source", "المصادر", ""},
}

func (s *Server) pageSearch(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	sp := &searchPage{}
	p := page{Title: "بحث", D: sp}
	sr, err := parseSearch(v)
	if err != nil {
		sp.Error = err.Error()
		s.render(w, http.StatusBadRequest, "search", p)
		return
	}
	p.Query = sr.Query
	sr.Opt.Facets = true
	if sr.Query != "" {
		if !s.searchTurn(r.Context()) {
			return // the client went away while waiting
		}
		defer s.searchDone()
	}
	var res *searchResult
	var snap *snapshot // for display names only (memory, valid after close)
	ok := s.view(func(sn *snapshot) {
		sp.Docs = sn.numDocs()
		if sr.Query == "" {
			for _, t := range []string{"PER", "LOC", "ORG"} {
				g := facetGroup{Name: typeNames[t]}
				top := sn.entities(t, "")
				for _, e := range top[:min(12, len(top))] {
					g.Links = append(g.Links, facetLink{Label: sn.displayName(e.key, e.name), Count: len(e.docs), URL: entityPath(e.ID())})
				}
				sp.Top = append(sp.Top, g)
			}
			if len(sn.dayList) > 0 {
				sp.LatestOn = index.FormatDate(sn.dayList[len(sn.dayList)-1])
			}
			return
		}
		res, err = s.search(sn, sr)
		snap = sn
	})
	if !ok {
		s.closed(w, r)
		return
	}
	if sr.Query == "" {
		s.render(w, http.StatusOK, "search", p)
		return
	}
	p.Title = sr.Query + " — بحث"
	if err != nil {
		sp.Error = err.Error()
		s.render(w, http.StatusBadRequest, "search", p)
		return
	}
	sp.Result = res
	sp.From = sr.Opt.Offset + 1
	base := url.Values{"q": {sr.Query}}
	for k, vs := range sr.Params {
		base[k] = vs
	}
	for _, h := range res.Hits {
		hv := hitView{searchHit: h, Snippet: snippetHTML(h), URL: "/docs/" + url.PathEscape(h.ID)}
		if h.DuplicateOf != "" {
			hv.CopyURL = "/docs/" + url.PathEscape(h.DuplicateOf)
		}
		sp.Hits = append(sp.Hits, hv)
	}
	if sr.Opt.Offset > 0 {
		sp.Prev = searchURL(base, map[string]string{"offset": strconv.Itoa(max(0, sr.Opt.Offset-sr.Opt.Limit))}, [2]string{}, [2]string{})
	}
	if sr.Opt.Offset+sr.Opt.Limit < res.Total {
		sp.Next = searchURL(base, map[string]string{"offset": strconv.Itoa(sr.Opt.Offset + sr.Opt.Limit)}, [2]string{}, [2]string{})
	}
	for _, k := range []string{"entity", "source", "type"} {
		for _, x := range sr.Params[k] {
			sp.Active = append(sp.Active, facetLink{Label: x, URL: searchURL(base, nil, [2]string{}, [2]string{k, x})})
		}
	}
	if f := sr.Params.Get("from"); f != "" {
		sp.Active = append(sp.Active, facetLink{Label: f + " ← " + sr.Params.Get("to"),
			URL: searchURL(base, map[string]string{"from": "", "to": ""}, [2]string{}, [2]string{})})
	}
	if f := res.Facets; f != nil {
		lists := map[string][]index.Count{"people": f.People, "places": f.Places, "organisations": f.Organisations, "sources": f.Sources}
		for _, fn := range facetNames {
			g := facetGroup{Name: fn.label}
			for _, c := range lists[fn.name] {
				active := false
				for _, x := range sr.Params[fn.param] {
					active = active || x == c.Value
				}
				label := c.Value
				if fn.typ != "" {
					label = snap.displayName(fn.typ+"\x00"+c.Value, c.Value)
				}
				g.Links = append(g.Links, facetLink{Label: label, Count: c.Count, Active: active,
					URL: searchURL(base, nil, [2]string{fn.param, c.Value}, [2]string{})})
			}
			if len(g.Links) > 0 {
				sp.Facets = append(sp.Facets, g)
			}
		}
		bars := make([]bar, len(f.Months))
		for i, m := range f.Months {
			bars[i] = bar{Label: m.Value, Count: m.Count}
			if from, to, ok := monthRange(m.Value); ok {
				bars[i].URL = searchURL(base, map[string]string{"from": from, "to": to}, [2]string{}, [2]string{})
			}
		}
		sp.Chart = barChart(bars, "عدد المقالات في الشهر")
	}
	s.render(w, http.StatusOK, "search", p)
}

// monthRange gives the first and last day of a YYYY-MM month.
func monthRange(m string) (from, to string, ok bool) {
	d := index.ParseDate(m + "-01")
	if d == index.NoDate {
		return "", "", false
	}
	end := d + 27
	for index.FormatDate(end + 1)[:7] == m {
		end++
	}
	return m + "-01", index.FormatDate(end), true
}

// docPage is the article page's data.
type docPage struct {
	Doc      *khabar.Document
	Text     template.HTML
	Entities []docEntity
	Timexes  []khabar.Timex
	Quotes   []quoteView
	Events   []eventView
	Story    *story
	Dups     []docRef
	Date     string
	Stored   bool // false on the analyse page
	// StoriesPending: the archive's stories are still being clustered.
	StoriesPending bool
}

// docEntity is one entity of a document with its mentions counted.
type docEntity struct {
	Type, Canonical, Latin, URL string
	Mentions                    int
}

type quoteView struct {
	khabar.Quote
	SpeakerText string
	SpeakerURL  string
	CueText     string
}

type eventView struct {
	khabar.Event
	Who   []string
	Place string
	Time  string
}

// newDocPage lays out an analysed document.
func newDocPage(doc *khabar.Document) *docPage {
	dp := &docPage{Doc: doc, Text: markText(doc.Text, docMarks(doc)), Timexes: doc.Timexes, Date: doc.DCT}
	byID := map[string]khabar.Entity{}
	seen := map[string]int{}
	for _, e := range doc.Entities {
		byID[e.ID] = e
		k := e.Type + ":" + matchNorm(e.Canonical)
		if i, ok := seen[k]; ok {
			dp.Entities[i].Mentions++
			continue
		}
		seen[k] = len(dp.Entities)
		dp.Entities = append(dp.Entities, docEntity{Type: e.Type, Canonical: e.Canonical, Latin: e.Latin, URL: entityPath(k), Mentions: 1})
	}
	sort.SliceStable(dp.Entities, func(i, j int) bool { return dp.Entities[i].Mentions > dp.Entities[j].Mentions })
	for _, q := range doc.Quotes {
		qv := quoteView{Quote: q}
		if q.Speaker != nil {
			qv.SpeakerText = q.Speaker.Text
			if e, ok := byID[q.Speaker.Entity]; ok {
				qv.SpeakerText = e.Canonical
				qv.SpeakerURL = entityPath(e.Type + ":" + matchNorm(e.Canonical))
			}
		}
		if q.Cue != nil {
			qv.CueText = q.Cue.Text
		}
		dp.Quotes = append(dp.Quotes, qv)
	}
	timex := map[string]khabar.Timex{}
	for _, t := range doc.Timexes {
		timex[t.ID] = t
	}
	for _, ev := range doc.Events {
		v := eventView{Event: ev}
		for _, p := range ev.Participants {
			if e, ok := byID[p.Entity]; ok {
				v.Who = append(v.Who, e.Canonical+" ("+p.Role+")")
			} else if p.Text != "" {
				v.Who = append(v.Who, p.Text+" ("+p.Role+")") // a group that is no entity
			}
		}
		if e, ok := byID[ev.Place]; ok {
			v.Place = e.Canonical
		}
		if t, ok := timex[ev.Time]; ok {
			v.Time = t.Text + " = " + t.Value
		}
		dp.Events = append(dp.Events, v)
	}
	return dp
}

func (s *Server) pageDoc(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	s.waitStories(r.Context(), time.Second)
	var dp *docPage
	var err error
	ok := s.view(func(sn *snapshot) {
		var doc *khabar.Document
		if doc, err = sn.document(id); err != nil || doc == nil {
			return
		}
		dp = newDocPage(doc)
		dp.Stored = true
		if d := sn.docs[id]; d != nil {
			dp.Date = index.FormatDate(d.date)
		}
		if si := sn.stories.Load(); si != nil {
			if i, ok := si.storyOf[id]; ok {
				st := si.stories[i]
				dp.Story = &st
			}
			dp.Dups = si.copies[id]
		} else {
			dp.StoriesPending = true
		}
	})
	switch {
	case !ok:
		s.closed(w, r)
	case err != nil:
		s.cfg.Log.Printf("document %q: %v", id, err)
		s.pageError(w, r, http.StatusInternalServerError, "تعذرت قراءة المقال")
	case dp == nil:
		s.pageError(w, r, http.StatusNotFound, "لا يوجد مقال بهذا المعرف")
	default:
		title := dp.Doc.Title
		if title == "" {
			title = dp.Doc.ID
		}
		s.render(w, http.StatusOK, "doc", page{Title: title, D: dp})
	}
}

type entitiesPage struct {
	List  entityList
	Type  string
	Q     string
	Types []facetLink
	Next  string
}

func (s *Server) pageEntities(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	typ, q, n, off, err := parseEntityList(v)
	if err != nil {
		s.pageError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	ep := &entitiesPage{Type: typ, Q: q}
	if !s.view(func(sn *snapshot) { ep.List = listEntities(sn, typ, q, n, off) }) {
		s.closed(w, r)
		return
	}
	for _, t := range []string{"", "PER", "LOC", "ORG", "MISC"} {
		label := typeNames[t]
		if t == "" {
			label = "الكل"
		}
		u := url.Values{}
		if t != "" {
			u.Set("type", t)
		}
		if q != "" {
			u.Set("q", q)
		}
		ep.Types = append(ep.Types, facetLink{Label: label, URL: "/entities?" + u.Encode(), Active: t == typ})
	}
	if off+n < ep.List.Total {
		u := url.Values{"offset": {strconv.Itoa(off + n)}}
		if typ != "" {
			u.Set("type", typ)
		}
		if q != "" {
			u.Set("q", q)
		}
		ep.Next = "/entities?" + u.Encode()
	}
	s.render(w, http.StatusOK, "entities", page{Title: "الكيانات", D: ep})
}

type entityPage struct {
	entityDetail
	TypeName string
	Chart    template.HTML
}

func (s *Server) pageEntity(w http.ResponseWriter, r *http.Request) {
	key, valid := entityKey(r.PathValue("id"))
	var ep *entityPage
	if !s.view(func(sn *snapshot) {
		if e := sn.ents[key]; valid && e != nil {
			ep = &entityPage{entityDetail: entityDetailOf(sn, e), TypeName: typeNames[e.typ]}
		}
	}) {
		s.closed(w, r)
		return
	}
	if ep == nil {
		s.pageError(w, r, http.StatusNotFound, "لا يوجد كيان بهذا المعرف")
		return
	}
	bars := make([]bar, len(ep.Mentions))
	for i, m := range ep.Mentions {
		bars[i] = bar{Label: m.Period, Count: m.Count}
	}
	ep.Chart = barChart(bars, "عدد المقالات التي تذكره")
	name := ep.Display
	if name == "" {
		name = ep.Entity.Name
	}
	s.render(w, http.StatusOK, "entity", page{Title: name, D: ep})
}

type storiesPage struct {
	storiesOut
	Prev, Next string
}

func (s *Server) pageStories(w http.ResponseWriter, r *http.Request) {
	s.waitStories(r.Context(), storiesWait)
	sp := &storiesPage{}
	var err error
	if !s.view(func(sn *snapshot) {
		var day int32
		if day, err = sn.day(r.URL.Query().Get("day")); err != nil {
			return
		}
		sp.storiesOut = storiesOf(sn, day, 100)
		i := sort.Search(len(sn.dayList), func(i int) bool { return sn.dayList[i] >= day })
		if i > 0 {
			sp.Prev = "/stories?day=" + index.FormatDate(sn.dayList[i-1])
		}
		if i < len(sn.dayList) && sn.dayList[i] == day {
			i++
		}
		if i < len(sn.dayList) {
			sp.Next = "/stories?day=" + index.FormatDate(sn.dayList[i])
		}
	}) {
		s.closed(w, r)
		return
	}
	if err != nil {
		s.pageError(w, r, http.StatusBadRequest, err.Error())
		return
	}
	s.render(w, http.StatusOK, "stories", page{Title: "قصص اليوم", D: sp})
}

type analyzePage struct {
	Text  string
	Date  string
	Error string
	Doc   *docPage
}

func (s *Server) pageAnalyze(w http.ResponseWriter, r *http.Request) {
	ap := &analyzePage{}
	p := page{Title: "تحليل نص", D: ap}
	if r.Method != http.MethodPost {
		s.render(w, http.StatusOK, "analyze", p)
		return
	}
	if err := r.ParseForm(); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.pageError(w, r, http.StatusRequestEntityTooLarge, "النص أطول من الحد المسموح به")
			return
		}
		s.pageError(w, r, http.StatusBadRequest, "طلب غير صالح")
		return
	}
	ap.Text, ap.Date = r.PostForm.Get("text"), strings.TrimSpace(r.PostForm.Get("date"))
	a := article{Text: ap.Text, Date: ap.Date, Title: r.PostForm.Get("title")}
	in, err := a.input()
	if err != nil {
		ap.Error = err.Error()
		s.render(w, http.StatusBadRequest, "analyze", p)
		return
	}
	if !s.acquire(r.Context()) {
		s.pageError(w, r, http.StatusServiceUnavailable, "الخادم مشغول، حاول مرة أخرى")
		return
	}
	doc := s.cfg.Analyzer.Analyze(in)
	s.release()
	ap.Doc = newDocPage(doc)
	s.render(w, http.StatusOK, "analyze", p)
}

// bar is one bar of a chart.
type bar struct {
	Label string
	Count int
	URL   string
}

// barChart draws bars as an inline SVG, with a tooltip on each bar and the
// first and last labels under the axis. Time runs left to right.
func barChart(bars []bar, caption string) template.HTML {
	if len(bars) == 0 {
		return ""
	}
	const w, h, pad = 600.0, 140.0, 18.0
	top := 1
	for _, b := range bars {
		top = max(top, b.Count)
	}
	bw := min(w/float64(len(bars)), 48)
	var sb strings.Builder
	fmt.Fprintf(&sb, `<svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s" direction="ltr" preserveAspectRatio="none">`, w, h+pad, esc(caption))
	for i, b := range bars {
		bh := (h - 4) * float64(b.Count) / float64(top)
		if b.Count > 0 && bh < 1.5 {
			bh = 1.5
		}
		rect := fmt.Sprintf(`<rect x="%.2f" y="%.2f" width="%.2f" height="%.2f"><title>%s: %d</title></rect>`,
			float64(i)*bw+bw*0.1, h-bh, bw*0.8, bh, esc(b.Label), b.Count)
		if b.URL != "" {
			fmt.Fprintf(&sb, `<a href="%s">%s</a>`, esc(b.URL), rect)
		} else {
			sb.WriteString(rect)
		}
	}
	fmt.Fprintf(&sb, `<line x1="0" y1="%.0f" x2="%.0f" y2="%.0f"/>`, h, w, h)
	fmt.Fprintf(&sb, `<text x="2" y="%.0f" text-anchor="start">%s</text>`, h+pad-3, esc(bars[0].Label))
	if len(bars) > 1 {
		fmt.Fprintf(&sb, `<text x="%.0f" y="%.0f" text-anchor="end">%s</text>`, w-2, h+pad-3, esc(bars[len(bars)-1].Label))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"khabar"
	"khabar/analysis"
	"khabar/event"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/temporal"
)

var (
	analyzerOnce sync.Once
	testAn       *analysis.Analyzer
)

// testAnalyzer is the full pipeline, less any layer whose model does not
// load in this checkout (logged), so that the server's own tests do not
// depend on another layer's work in progress.
func testAnalyzer(t testing.TB) *analysis.Analyzer {
	analyzerOnce.Do(func() {
		var stages []khabar.Annotator
		if m, err := morph.Load(); err == nil {
			stages = append(stages, m)
		} else {
			fmt.Fprintf(os.Stderr, "server tests: without morphology: %v\n", err)
		}
		if n, err := ner.Load(); err == nil {
			stages = append(stages, n)
		} else {
			fmt.Fprintf(os.Stderr, "server tests: without entities: %v\n", err)
		}
		stages = append(stages, temporal.New(), quote.New(), event.New())
		testAn = analysis.New(stages...)
	})
	return testAn
}

// seedText is the project's seed article.
func seedText(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatalf("seed article: %v", err)
	}
	return string(b)
}

const testToken = "s3cret"

type testServer struct {
	*Server
	url string
	hs  *httptest.Server
}

func newTestServer(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.Dir == "" {
		cfg.Dir = filepath.Join(t.TempDir(), "db")
	}
	if cfg.Analyzer == nil {
		cfg.Analyzer = testAnalyzer(t)
	}
	if cfg.StoryDelay == 0 {
		cfg.StoryDelay = -1
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s)
	t.Cleanup(func() {
		hs.Close()
		s.Close()
	})
	return &testServer{Server: s, url: hs.URL, hs: hs}
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

func (a answer) json(t testing.TB, v any) {
	t.Helper()
	if err := json.Unmarshal(a.body, v); err != nil {
		t.Fatalf("answer is not JSON (%v): %.300s", err, a.body)
	}
}

// errMessage checks that an error answer is JSON with a message.
func (a answer) errMessage(t testing.TB) string {
	t.Helper()
	var e apiError
	a.json(t, &e)
	if e.Error == "" || e.Status != a.status {
		t.Fatalf("error answer without message or with status %d != %d: %s", e.Status, a.status, a.body)
	}
	if ct := a.header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("error answer has Content-Type %q", ct)
	}
	return e.Error
}

func (ts *testServer) do(t testing.TB, method, path, ctype string, body io.Reader, hdr ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, ts.url+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return answer{resp.StatusCode, resp.Header, b}
}

func (ts *testServer) get(t testing.TB, path string) answer {
	t.Helper()
	return ts.do(t, "GET", path, "", nil)
}

func (ts *testServer) ingest(t testing.TB, arts ...article) ingestResult {
	t.Helper()
	b, _ := json.Marshal(arts)
	a := ts.do(t, "POST", "/api/ingest", "application/json", bytes.NewReader(b), "Authorization", "Bearer "+testToken)
	if a.status != 200 {
		t.Fatalf("ingest: %d %s", a.status, a.body)
	}
	var res ingestResult
	a.json(t, &res)
	return res
}

// fixture articles: the seed, a second article that spells America
// another way, and one whose title and text hold markup.
func fixture(t testing.TB) []article {
	return []article{
		{ID: "seed", Title: "كيري في موسكو", Text: seedText(t), Date: "2015-12-11", Source: "afp"},
		{ID: "second", Title: "الخارجية الأمريكية تعلق على محادثات موسكو",
			Text: "أعلنت وزارة الخارجية الأمريكية أن وزير الخارجية الاميركي جون كيري سيلتقي الرئيس الروسي فلاديمير بوتين في موسكو الثلاثاء لبحث الأزمة السورية.",
			Date: "2015-12-12", Source: "bbc"},
		{ID: "second-copy", Title: "الخارجية الأمريكية تعلق على محادثات موسكو",
			Text: "أعلنت وزارة الخارجية الأمريكية أن وزير الخارجية الاميركي جون كيري سيلتقي الرئيس الروسي فلاديمير بوتين في موسكو الثلاثاء لبحث الأزمة السورية.",
			Date: "2015-12-12", Source: "cnn"},
		{ID: "xss", Title: "<script>alert('t')</script> عنوان", Text: "نص فيه <script>alert('x')</script> وكلمة <b>عريضة</b> في بيروت.", Date: "2015-12-12", Source: "test"},
	}
}

func filled(t testing.TB, cfg Config) *testServer {
	t.Helper()
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	ts := newTestServer(t, cfg)
	if res := ts.ingest(t, fixture(t)...); res.Stored != 4 {
		t.Fatalf("stored %d of 4: %+v", res.Stored, res)
	}
	return ts
}

func TestHealthz(t *testing.T) {
	ts := filled(t, Config{})
	a := ts.get(t, "/healthz")
	var h struct {
		Status    string
		Documents int
	}
	a.json(t, &h)
	if a.status != 200 || h.Status != "ok" || h.Documents != 4 {
		t.Fatalf("healthz: %d %s", a.status, a.body)
	}
	if a := ts.do(t, "POST", "/healthz", "", nil); a.status != 405 {
		t.Errorf("POST /healthz: %d", a.status)
	} else {
		a.errMessage(t)
	}
}

func TestAnalyze(t *testing.T) {
	ts := newTestServer(t, Config{MaxBody: 64 << 10})
	seed := seedText(t)
	for _, tc := range []struct {
		name, ctype, query, body string
		status                   int
	}{
		{"text", "text/plain; charset=utf-8", "?date=2015-12-11", seed, 200},
		{"json", "application/json", "", mustJSON(article{Text: seed, Date: "2015-12-11", ID: "x1"}), 200},
		{"no content type", "", "", seed, 200},
		{"bad json", "application/json", "", `{"text": "abc"`, 400},
		{"json not an object", "application/json", "", `"text"`, 400},
		{"empty json", "application/json", "", ``, 400},
		{"no text", "application/json", "", `{"title": "t"}`, 400},
		{"blank text", "text/plain", "", "  \n ", 400},
		{"bad date", "text/plain", "?date=2015-13-45", seed, 400},
		{"not utf-8", "text/plain", "", "\xff\xfe abc", 400},
		{"oversized", "text/plain", "", strings.Repeat("ا", 40<<10), 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := ts.do(t, "POST", "/api/analyze"+tc.query, tc.ctype, strings.NewReader(tc.body))
			if a.status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", a.status, tc.status, a.body)
			}
			if a.status != 200 {
				a.errMessage(t)
				return
			}
			var doc khabar.Document
			a.json(t, &doc)
			if doc.Version != khabar.ContractVersion || doc.Text != seed || len(doc.Tokens) == 0 || len(doc.Timexes) == 0 {
				t.Fatalf("document: version %q, %d tokens, %d timexes", doc.Version, len(doc.Tokens), len(doc.Timexes))
			}
			if doc.DCT != "2015-12-11" {
				t.Errorf("dct %q", doc.DCT)
			}
		})
	}
	// A body without Content-Length (chunked) is cut at the limit too.
	pr, pw := io.Pipe()
	go func() {
		pw.Write([]byte(strings.Repeat("ب", 50<<10)))
		pw.Close()
	}()
	if a := ts.do(t, "POST", "/api/analyze", "text/plain", pr); a.status != 413 {
		t.Errorf("chunked oversized body: %d %.200s", a.status, a.body)
	} else {
		a.errMessage(t)
	}
	if a := ts.get(t, "/api/analyze"); a.status != 405 {
		t.Errorf("GET /api/analyze: %d", a.status)
	}
}

func mustJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return string(b)
}

func TestAnalyzeBusy(t *testing.T) {
	ts := newTestServer(t, Config{MaxAnalyses: 1, AnalyzeWait: 50 * time.Millisecond})
	ts.sem <- struct{}{} // the one slot is taken
	a := ts.do(t, "POST", "/api/analyze", "text/plain", strings.NewReader("نص قصير."))
	if a.status != 503 {
		t.Fatalf("analysis beyond the bound: %d %s", a.status, a.body)
	}
	a.errMessage(t)
	ts.release()
	if a := ts.do(t, "POST", "/api/analyze", "text/plain", strings.NewReader("نص قصير.")); a.status != 200 {
		t.Fatalf("after release: %d %s", a.status, a.body)
	}
}

func TestIngest(t *testing.T) {
	ts := newTestServer(t, Config{Token: testToken, MaxBody: 64 << 10, MaxIngest: 3})
	body := mustJSON(article{ID: "a1", Text: "زار الرئيس الفرنسي باريس أمس.", Date: "2016-01-02"})
	for _, tc := range []struct {
		name   string
		ctype  string
		body   string
		hdr    []string
		status int
	}{
		{"no token", "application/json", body, nil, 401},
		{"wrong token", "application/json", body, []string{"Authorization", "Bearer nope"}, 401},
		{"empty bearer", "application/json", body, []string{"Authorization", "Bearer "}, 401},
		{"bad json", "application/json", `[{"text": 1}]`, []string{"Authorization", "Bearer " + testToken}, 400},
		{"truncated json", "application/json", `{"text": "abc`, []string{"Authorization", "Bearer " + testToken}, 400},
		{"too many", "application/x-ndjson", strings.Repeat(body+"\n", 4), []string{"Authorization", "Bearer " + testToken}, 400},
		{"bad date", "application/json", `{"text":"نص","date":"yesterday"}`, []string{"Authorization", "Bearer " + testToken}, 400},
		{"oversized", "text/plain", strings.Repeat("ا", 40<<10), []string{"Authorization", "Bearer " + testToken}, 413},
		{"ok", "application/json", body, []string{"Authorization", "Bearer " + testToken}, 200},
		{"header token", "application/x-ndjson", body + "\n" + mustJSON(article{ID: "a2", Text: "نص ثان في دمشق."}), []string{"X-Khabar-Token", testToken}, 200},
		{"text body", "text/plain", "نص ثالث عن عمان.", []string{"Authorization", "bearer " + testToken}, 200},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := ts.do(t, "POST", "/api/ingest", tc.ctype, strings.NewReader(tc.body), tc.hdr...)
			if a.status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", a.status, tc.status, a.body)
			}
			if a.status != 200 {
				a.errMessage(t)
				if a.status == 401 && a.header.Get("WWW-Authenticate") == "" {
					t.Error("401 without WWW-Authenticate")
				}
			}
		})
	}
	var h struct{ Documents int }
	ts.get(t, "/healthz").json(t, &h)
	if h.Documents != 3 {
		t.Fatalf("%d documents after the ingests, want 3 (a1, a2, text body)", h.Documents)
	}
	// The same article again is unchanged; a changed one replaces it.
	res := ts.ingest(t, article{ID: "a1", Text: "زار الرئيس الفرنسي باريس أمس.", Date: "2016-01-02"})
	if res.Stored != 0 || res.Unchanged != 1 {
		t.Errorf("repeat: %+v", res)
	}
	res = ts.ingest(t, article{ID: "a1", Text: "زار الرئيس الفرنسي برلين أمس.", Date: "2016-01-02"})
	if res.Stored != 1 {
		t.Errorf("update: %+v", res)
	}
	ts.get(t, "/healthz").json(t, &h)
	if h.Documents != 3 {
		t.Errorf("%d documents after an update, want 3", h.Documents)
	}
	var doc khabar.Document
	ts.get(t, "/api/docs/a1").json(t, &doc)
	if !strings.Contains(doc.Text, "برلين") {
		t.Errorf("update not served: %q", doc.Text)
	}
}

func TestIngestBusy(t *testing.T) {
	ts := newTestServer(t, Config{Token: testToken, MaxAnalyses: 1, AnalyzeWait: 50 * time.Millisecond})
	ts.sem <- struct{}{}
	a := ts.do(t, "POST", "/api/ingest", "text/plain", strings.NewReader("نص"), "Authorization", "Bearer "+testToken)
	ts.release()
	if a.status != 503 {
		t.Fatalf("ingest beyond the analysis bound: %d %s", a.status, a.body)
	}
	a.errMessage(t)
	// Many articles share the bound and all get stored.
	var arts []article
	for i := range 7 {
		arts = append(arts, article{ID: fmt.Sprintf("id/%d with space", i), Text: fmt.Sprintf("خبر رقم %d من عمان.", i)})
	}
	if res := ts.ingest(t, arts...); res.Stored != 7 {
		t.Fatalf("stored %+v", res)
	}
	var doc khabar.Document
	if a := ts.get(t, "/api/docs/"+url.PathEscape("id/3 with space")); a.status != 200 {
		t.Fatalf("an id with a slash and a space: %d %s", a.status, a.body)
	} else if a.json(t, &doc); doc.ID != "id/3 with space" {
		t.Errorf("id %q", doc.ID)
	}
	if a := ts.get(t, "/docs/"+url.PathEscape("id/3 with space")); a.status != 200 {
		t.Errorf("page of an id with a slash: %d", a.status)
	}
}

func TestIngestWithoutTokenConfigured(t *testing.T) {
	ts := newTestServer(t, Config{})
	a := ts.do(t, "POST", "/api/ingest", "text/plain", strings.NewReader("نص"), "Authorization", "Bearer ")
	if a.status != 401 {
		t.Fatalf("ingest on a read-only server: %d", a.status)
	}
	if msg := a.errMessage(t); !strings.Contains(msg, "token") {
		t.Errorf("message %q does not say why", msg)
	}
}

type searchAnswer struct {
	Total  int
	Hits   []searchHit
	Facets *struct {
		People, Places, Sources, Months []struct {
			Value string
			Count int
		}
	}
}

func TestSearch(t *testing.T) {
	ts := filled(t, Config{})
	for _, tc := range []struct {
		query  string
		status int
		ids    []string // expected among the hits
		total  int      // -1: not checked
	}{
		{"q=" + url.QueryEscape("موسكو"), 200, []string{"seed", "second", "second-copy"}, 3},
		// The seed writes الاميركية; the query's hamza and ي variants find it.
		{"q=" + url.QueryEscape("الأميركية"), 200, []string{"seed"}, -1},
		{"q=" + url.QueryEscape("موسكو") + "&source=bbc", 200, []string{"second"}, 1},
		{"q=" + url.QueryEscape("موسكو") + "&from=2015-12-12", 200, []string{"second", "second-copy"}, 2},
		{"q=" + url.QueryEscape("موسكو") + "&to=2015-12-11", 200, []string{"seed"}, 1},
		{"q=" + url.QueryEscape("\"الرئيس الروسي\""), 200, []string{"seed", "second"}, 3},
		{"q=" + url.QueryEscape("موسكو -بوتين"), 200, nil, 0},
		{"q=" + url.QueryEscape("بيروت") + "&facets=true", 200, []string{"xss"}, 1},
		{"q=zzzzunknown", 200, nil, 0},
		{"", 400, nil, 0},
		{"q=x&from=2015-02-30", 400, nil, 0},
		{"q=x&n=0", 400, nil, 0},
		{"q=x&n=abc", 400, nil, 0},
		{"q=x&facets=maybe", 400, nil, 0},
		{"q=" + strings.Repeat("ب", 501), 400, nil, 0},
		{"q=" + url.QueryEscape("(موسكو"), 400, nil, 0},
	} {
		t.Run(tc.query, func(t *testing.T) {
			a := ts.get(t, "/api/search?"+tc.query)
			if a.status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", a.status, tc.status, a.body)
			}
			if a.status != 200 {
				a.errMessage(t)
				return
			}
			var res searchAnswer
			a.json(t, &res)
			if tc.total >= 0 && res.Total != tc.total {
				t.Errorf("total %d, want %d", res.Total, tc.total)
			}
			got := map[string]searchHit{}
			for _, h := range res.Hits {
				got[h.ID] = h
			}
			for _, id := range tc.ids {
				h, ok := got[id]
				if !ok {
					t.Errorf("%s not found: %s", id, a.body)
					continue
				}
				if len(h.Highlights) == 0 {
					t.Errorf("%s: no highlights in %q", id, h.Snippet)
				}
				runes := []rune(h.Snippet)
				for _, s := range h.Highlights {
					if s.Start < 0 || s.End > len(runes) || s.Start >= s.End {
						t.Errorf("%s: highlight %v out of the snippet", id, s)
					}
				}
			}
			if strings.Contains(tc.query, "facets=true") && (res.Facets == nil || len(res.Facets.Sources) == 0 || len(res.Facets.Months) == 0) {
				t.Errorf("no facets: %s", a.body)
			}
		})
	}
}

func TestDocs(t *testing.T) {
	ts := filled(t, Config{})
	a := ts.get(t, "/api/docs/seed")
	var doc khabar.Document
	a.json(t, &doc)
	if a.status != 200 || doc.ID != "seed" || doc.Text != seedText(t) || len(doc.Entities) == 0 {
		t.Fatalf("document: %d, id %q, %d entities", a.status, doc.ID, len(doc.Entities))
	}
	for _, p := range []string{"/api/docs/nope", "/api/docs/" + url.PathEscape("a/b")} {
		if a := ts.get(t, p); a.status != 404 {
			t.Errorf("%s: %d", p, a.status)
		} else {
			a.errMessage(t)
		}
	}
	if a := ts.get(t, "/api/nothing"); a.status != 404 {
		t.Errorf("unknown endpoint: %d", a.status)
	} else {
		a.errMessage(t)
	}
}

func TestEntities(t *testing.T) {
	ts := filled(t, Config{})
	var list entityList
	a := ts.get(t, "/api/entities?type=PER")
	a.json(t, &list)
	if a.status != 200 || list.Total == 0 {
		t.Fatalf("entities: %d %s", a.status, a.body)
	}
	var kerry *entityOut
	for i, e := range list.Entities {
		if e.Type != "PER" {
			t.Errorf("type filter let %+v through", e)
		}
		if e.Name == "جون كيري" {
			kerry = &list.Entities[i]
		}
	}
	if kerry == nil {
		t.Fatalf("جون كيري not among the people: %s", a.body)
	}
	if kerry.Documents != 3 || kerry.FirstSeen != "2015-12-11" || kerry.LastSeen != "2015-12-12" {
		t.Errorf("kerry: %+v", kerry)
	}
	// Names are listed as the documents write them (ة, أ), once gathered.
	ts.Warm(context.Background())
	ts.get(t, "/api/entities?type=LOC&q="+url.QueryEscape("الولايات المتحدة")).json(t, &list)
	if len(list.Entities) == 0 || list.Entities[0].Name != "الولايات المتحده" || list.Entities[0].Display != "الولايات المتحدة" {
		t.Errorf("display name: %+v", list.Entities)
	}
	ts.get(t, "/api/entities?q="+url.QueryEscape("كيري")).json(t, &list)
	if list.Total == 0 || !strings.Contains(list.Entities[0].Name, "كيري") {
		t.Errorf("q filter: %+v", list)
	}
	if a := ts.get(t, "/api/entities?type=PERSON"); a.status != 400 {
		t.Errorf("bad type: %d", a.status)
	} else {
		a.errMessage(t)
	}

	var d entityDetail
	a = ts.get(t, "/api/entities/"+url.PathEscape(kerry.ID))
	a.json(t, &d)
	if a.status != 200 || d.Entity.ID != kerry.ID || len(d.Documents) != 3 {
		t.Fatalf("entity: %d %s", a.status, a.body)
	}
	total := 0
	for _, m := range d.Mentions {
		total += m.Count
	}
	if len(d.Mentions) != 2 || total != 3 || d.Mentions[0].Period != "2015-12-11" || d.Mentions[1].Count != 2 {
		t.Errorf("mentions %+v", d.Mentions)
	}
	putin := false
	for _, c := range d.Cooccurring {
		putin = putin || strings.Contains(c.Name, "بوتين")
	}
	if !putin {
		t.Errorf("بوتين not co-occurring with كيري: %+v", d.Cooccurring)
	}
	for _, p := range []string{"PER:nobody", "nobody", "XYZ:كيري"} {
		if a := ts.get(t, "/api/entities/"+url.PathEscape(p)); a.status != 404 {
			t.Errorf("%s: %d", p, a.status)
		}
	}
}

func TestStories(t *testing.T) {
	ts := filled(t, Config{})
	var st storiesOut
	a := ts.get(t, "/api/stories")
	a.json(t, &st)
	if a.status != 200 || st.Day != "2015-12-12" || st.Days != 2 || st.Articles != 3 || st.Total == 0 {
		t.Fatalf("stories: %d %s", a.status, a.body)
	}
	// The two copies of one text from bbc and cnn tell one story.
	var found *story
	for i, s := range st.Stories {
		ids := map[string]bool{}
		for _, d := range s.Docs {
			ids[d.ID] = true
		}
		if ids["second"] && ids["second-copy"] {
			found = &st.Stories[i]
		}
	}
	if found == nil || !strings.Contains(strings.Join(found.Sources, ","), "bbc,cnn") {
		t.Fatalf("no story with both copies and their sources: %s", a.body)
	}
	if a := ts.get(t, "/api/stories?day=2000-01-01"); a.status != 200 {
		t.Errorf("a day without articles: %d", a.status)
	} else if a.json(t, &st); st.Total != 0 || len(st.Stories) != 0 {
		t.Errorf("stories of a day without articles: %s", a.body)
	}
	if a := ts.get(t, "/api/stories?day=yesterday"); a.status != 400 {
		t.Errorf("bad day: %d", a.status)
	} else {
		a.errMessage(t)
	}
	// The article page names its copy and its story.
	page := ts.get(t, "/docs/second")
	dup := page.body[bytes.Index(page.body, []byte(`id="duplicates"`)):]
	if !bytes.Contains(dup, []byte(`href="/docs/second-copy"`)) {
		t.Errorf("the copy is not listed among the duplicates")
	}
	if story := page.body[bytes.Index(page.body, []byte(`id="story"`)):]; !bytes.Contains(story, []byte("cnn")) {
		t.Errorf("the story is not shown with its sources")
	}
}

func TestOpenAPI(t *testing.T) {
	ts := newTestServer(t, Config{})
	a := ts.get(t, "/api/openapi.yaml")
	if a.status != 200 || !strings.HasPrefix(string(a.body), "openapi: 3") {
		t.Fatalf("openapi: %d %.100s", a.status, a.body)
	}
	for _, p := range []string{"/healthz:", "/api/analyze:", "/api/ingest:", "/api/search:", "/api/docs/{id}:", "/api/entities:", "/api/entities/{id}:", "/api/stories:"} {
		if !bytes.Contains(a.body, []byte("\n  "+p)) {
			t.Errorf("openapi.yaml does not document %s", p)
		}
	}
}

func TestPages(t *testing.T) {
	ts := filled(t, Config{})
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`dir="rtl"`, `lang="ar"`, "4 مقالاً"}},
		{"/search?q=" + url.QueryEscape("الأمريكية"), 200, []string{"<mark>", `href="/docs/second"`, `class="chart"`, `class="facet`}},
		{"/search?q=" + url.QueryEscape("موسكو") + "&source=bbc", 200, []string{`href="/docs/second"`, "✕"}},
		// The wire copy points at the article it copies.
		{"/search?q=" + url.QueryEscape("موسكو") + "&from=2015-12-12", 200, []string{`href="/docs/second-copy"`, `<a class="copy" href="/docs/second">`}},
		{"/search?q=x&from=bad", 400, []string{"class=\"error\""}},
		{"/docs/seed", 200, []string{`class="ent ent-PER"`, `class="ent ent-LOC"`, `<time class="timex"`, `data-value="2015-12-15"`, `id="entities"`, `id="quotes"`, `id="events"`, `id="story"`,
			`<span class="quote direct"`, `title="المتحدث: `, `<blockquote class="direct">`, `class="speaker"`, `<b dir="ltr">MEET</b>`}},
		{"/docs/nope", 404, nil},
		{"/entities", 200, []string{"جون كيري"}},
		{"/entities?type=LOC", 200, []string{"موسكو"}},
		{"/entities/" + url.PathEscape("PER:جون كيري"), 200, []string{"<svg", `id="cooccurring"`, `id="quotes"`, "بوتين"}},
		{"/entities/" + url.PathEscape("PER:مارك تونر"), 200, []string{`<blockquote class="direct">`}},
		{"/entities/" + url.PathEscape("PER:nobody"), 404, nil},
		{"/stories", 200, []string{"2015-12-12", "bbc"}},
		{"/stories?day=x", 400, nil},
		{"/analyze", 200, []string{"<textarea"}},
		{"/nowhere", 404, nil},
		{"/static/style.css", 200, []string{"@font-face"}},
		{"/fonts/Amiri-Regular.ttf", 200, nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			a := ts.get(t, tc.path)
			if a.status != tc.status {
				t.Fatalf("status %d, want %d: %.300s", a.status, tc.status, a.body)
			}
			for _, w := range tc.want {
				if !bytes.Contains(a.body, []byte(w)) {
					t.Errorf("page lacks %q", w)
				}
			}
			if strings.HasSuffix(tc.path, ".ttf") && len(a.body) < 100<<10 {
				t.Errorf("font of %d bytes", len(a.body))
			}
		})
	}
}

// TestEscaping: markup in an article is shown as text on every page that
// shows it.
func TestEscaping(t *testing.T) {
	ts := filled(t, Config{})
	for _, p := range []string{"/docs/xss", "/search?q=" + url.QueryEscape("بيروت"), "/entities/" + url.PathEscape("LOC:بيروت")} {
		a := ts.get(t, p)
		if a.status != 200 {
			t.Errorf("%s: %d", p, a.status)
			continue
		}
		if bytes.Contains(a.body, []byte("<script")) || bytes.Contains(a.body, []byte("<b>")) {
			t.Errorf("%s: markup from the archive rendered as markup", p)
		}
		if !bytes.Contains(a.body, []byte("&lt;script&gt;")) {
			t.Errorf("%s: the escaped script is not shown", p)
		}
	}
	form := url.Values{"text": {"<script>alert(1)</script> في القاهرة"}}
	a := ts.do(t, "POST", "/analyze", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if a.status != 200 || bytes.Contains(a.body, []byte("<script>alert")) || !bytes.Contains(a.body, []byte("&lt;script&gt;alert(1)")) {
		t.Errorf("analyze page: %d, escaped: %v", a.status, bytes.Contains(a.body, []byte("&lt;script&gt;")))
	}
}

func TestAnalyzePage(t *testing.T) {
	ts := newTestServer(t, Config{MaxBody: 32 << 10})
	form := url.Values{"text": {seedText(t)}, "date": {"2015-12-11"}}
	a := ts.do(t, "POST", "/analyze", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	if a.status != 200 {
		t.Fatalf("%d %.300s", a.status, a.body)
	}
	for _, w := range []string{`class="ent ent-PER"`, `<time class="timex"`, `data-value="2015-12-15"`} {
		if !bytes.Contains(a.body, []byte(w)) {
			t.Errorf("analysed page lacks %q", w)
		}
	}
	form = url.Values{"text": {strings.Repeat("ا", 40<<10)}}
	if a := ts.do(t, "POST", "/analyze", "application/x-www-form-urlencoded", strings.NewReader(form.Encode())); a.status != 413 {
		t.Errorf("oversized form: %d", a.status)
	}
	if a := ts.do(t, "POST", "/analyze", "application/x-www-form-urlencoded", strings.NewReader("text=")); a.status != 400 {
		t.Errorf("empty form: %d", a.status)
	}
}

// TestIngestWhileSearching: searches running during ingests all succeed
// and see either the old or the new archive.
func TestIngestWhileSearching(t *testing.T) {
	ts := filled(t, Config{})
	stop := make(chan struct{})
	var wg sync.WaitGroup
	var mu sync.Mutex
	var failures []string
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				resp, err := http.Get(ts.url + "/api/search?q=" + url.QueryEscape("موسكو"))
				if err != nil {
					mu.Lock()
					failures = append(failures, err.Error())
					mu.Unlock()
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != 200 {
					mu.Lock()
					failures = append(failures, resp.Status)
					mu.Unlock()
				}
			}
		}()
	}
	for i := range 5 {
		ts.ingest(t, article{ID: fmt.Sprintf("extra%d", i), Text: fmt.Sprintf("خبر رقم %d من موسكو.", i), Date: "2015-12-13"})
	}
	close(stop)
	wg.Wait()
	if len(failures) > 0 {
		t.Fatalf("%d searches failed during ingests: %v", len(failures), failures[:min(5, len(failures))])
	}
	var res searchAnswer
	ts.get(t, "/api/search?q="+url.QueryEscape("موسكو")).json(t, &res)
	if res.Total != 8 {
		t.Errorf("total %d after the ingests, want 8", res.Total)
	}
}

// TestGracefulShutdown: cancelling Serve lets a request in flight finish,
// then refuses new connections.
func TestGracefulShutdown(t *testing.T) {
	ts := newTestServer(t, Config{})
	started := make(chan struct{})
	hs := ts.HTTPServer("127.0.0.1:0")
	inner := hs.Handler
	hs.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(started)
			time.Sleep(300 * time.Millisecond)
			r.URL.Path = "/healthz"
		}
		inner.ServeHTTP(w, r)
	})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, hs, ln, 5*time.Second) }()
	type result struct {
		status int
		err    error
	}
	got := make(chan result, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			got <- result{0, err}
			return
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		got <- result{resp.StatusCode, nil}
	}()
	<-started
	cancel()
	r := <-got
	if r.err != nil || r.status != 200 {
		t.Fatalf("request in flight: %d %v", r.status, r.err)
	}
	if err := <-done; err != nil {
		t.Fatalf("Serve: %v", err)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/healthz"); err == nil {
		t.Error("a new request was served after shutdown")
	}
}

func TestHTTPServerTimeouts(t *testing.T) {
	ts := newTestServer(t, Config{})
	hs := ts.HTTPServer(":0")
	if hs.ReadHeaderTimeout == 0 || hs.ReadTimeout == 0 || hs.WriteTimeout == 0 || hs.IdleTimeout == 0 || hs.MaxHeaderBytes == 0 {
		t.Fatalf("missing limits: %+v", hs)
	}
	// A client that sends half a body and stalls is cut off by the read
	// timeout.
	hs.ReadTimeout = 200 * time.Millisecond
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go Serve(ctx, hs, ln, time.Second)
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nabc")
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	b, err := io.ReadAll(c)
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		t.Fatal("the stalled request was not cut off")
	}
	if bytes.Contains(b, []byte("200 OK")) {
		t.Fatalf("stalled request answered 200: %s", b)
	}
}

func TestNewErrors(t *testing.T) {
	if _, err := New(Config{Dir: t.TempDir()}); err == nil {
		t.Error("New without analyzer")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "other.txt"), []byte("x"), 0o644)
	if _, err := New(Config{Dir: dir, Analyzer: testAnalyzer(t)}); err == nil {
		t.Error("New on a directory that is not an archive")
	}
}

// TestSearchMarksCopies: a hit that copies another article's wire text
// says which one, as khabar search --format json does; the others say
// nothing.
func TestSearchMarksCopies(t *testing.T) {
	ts := filled(t, Config{})
	var res searchAnswer
	ts.get(t, "/api/search?q="+url.QueryEscape("موسكو")).json(t, &res)
	dup := map[string]string{}
	for _, h := range res.Hits {
		dup[h.ID] = h.DuplicateOf
	}
	if len(dup) != 3 || dup["second-copy"] != "second" || dup["second"] != "" || dup["seed"] != "" {
		t.Errorf("duplicate_of of the hits: %q", dup)
	}
}

// TestCloseAfterIngest: the background work that follows an ingest (the
// highlight tables, display names, stories) reads the archive's mapped
// pages; closing the server or ingesting again at once must not leave it
// reading unmapped memory (that crashed the process with SIGSEGV).
func TestCloseAfterIngest(t *testing.T) {
	var closedRead atomic.Bool
	hooks := &testHooks{
		beforeWarm: func() { time.Sleep(100 * time.Millisecond) },
		warming:    func(current bool) { closedRead.Store(closedRead.Load() || !current) },
	}
	// An archive of one segment, the case where the tables are built.
	ts := newTestServer(t, Config{Token: testToken, hooks: hooks})
	ts.Warm(context.Background())
	ts.ingest(t, article{ID: "late", Text: "خبر من موسكو عن محادثات الرئيس الروسي.", Date: "2015-12-13"})
	var sn *snapshot
	ts.view(func(x *snapshot) { sn = x })
	if err := ts.Server.Close(); err != nil {
		t.Fatal(err)
	}
	// The gathering goroutine of the ingest's snapshot wakes up after the
	// close and must leave the archive alone.
	<-sn.displayDone
	if closedRead.Load() {
		t.Error("the highlight tables were read from a closed archive")
	}
}

package e2e

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"image/png"
	"khabar/internal/testcorpus"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"khabar"
	"khabar/analysis"
	"khabar/event"
	"khabar/morph"
	"khabar/ner"
	"khabar/quote"
	"khabar/server"
	"khabar/temporal"
)

var update = flag.Bool("update", false, "write the screenshots to docs/screenshots")

// chromium finds a Chromium binary.
func chromium() string {
	if p := os.Getenv("KHABAR_CHROMIUM"); p != "" {
		return p
	}
	for _, n := range []string{"chromium", "chromium-browser", "google-chrome", "headless-shell"} {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

func moduleRoot(t *testing.T) string { return testcorpus.ModuleRoot(t) }

func newAnalyzer(t *testing.T) *analysis.Analyzer {
	var stages []khabar.Annotator
	if m, err := morph.Load(); err == nil {
		stages = append(stages, m)
	} else {
		t.Logf("without morphology: %v", err)
	}
	if n, err := ner.Load(); err == nil {
		stages = append(stages, n)
	} else {
		t.Logf("without entities: %v", err)
	}
	return analysis.New(append(stages, temporal.New(), quote.New(), event.New())...)
}

type article struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// articles are the seed, an article that spells the seed's words
// differently, one holding markup, and the first ANT articles when the
// shared data is there.
func articles(t *testing.T, root string) []article {
	seed, err := os.ReadFile(filepath.Join(root, "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	arts := []article{
		{ID: "seed", Title: "كيري يبحث في موسكو الملف السوري مع بوتين", Text: string(seed), Date: "2015-12-11", Source: "afp"},
		{ID: "kerry-putin", Title: "الخارجية الأمريكية: كيري يلتقي بوتين الثلاثاء",
			Text: "أعلنت وزارة الخارجية الأمريكية أن وزير الخارجية الاميركي جون كيري سيلتقي الرئيس الروسي فلاديمير بوتين في موسكو الثلاثاء لبحث الأزمة السورية ومكافحة تنظيم داعش.",
			Date: "2015-12-11", Source: "bbc"},
		{ID: "markup", Title: "<script>alert('title')</script> خبر من بيروت", Text: "نص فيه <script>alert('text')</script> و<b>وسم</b> من بيروت.", Date: "2015-12-11", Source: "test"},
	}
	f, err := os.Open(filepath.Join(root, "..", "shared", "data", "ant-news", "ant-multisource-v2.1.jsonl.gz"))
	if err != nil {
		t.Logf("without ANT articles: %v", err)
		return arts
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(nil, 4<<20)
	for n := 0; n < 40 && sc.Scan(); n++ {
		var a struct{ DocNo, Src, Title, Text, Date string }
		if json.Unmarshal(sc.Bytes(), &a) == nil && a.Text != "" {
			arts = append(arts, article{ID: a.DocNo, Title: a.Title, Text: a.Text, Date: a.Date, Source: a.Src})
		}
	}
	return arts
}

func TestBrowser(t *testing.T) {
	exe := chromium()
	if exe == "" && os.Getenv("KHABAR_REQUIRE_BROWSER") != "" {
		t.Fatal("KHABAR_REQUIRE_BROWSER is set (as CI sets it) but no Chromium was found: apt-get install -y chromium")
	}
	if exe == "" {
		t.Skip("no Chromium found: install Debian's chromium (apt-get install -y chromium) or set KHABAR_CHROMIUM to run the browser tests")
	}
	root := moduleRoot(t)
	shots := t.TempDir()
	if *update {
		shots = filepath.Join(root, "docs", "screenshots")
		os.MkdirAll(shots, 0o755)
	}
	const token = "e2e-token"
	srv, err := server.New(server.Config{Dir: filepath.Join(t.TempDir(), "db"), Analyzer: newAnalyzer(t), Token: token})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	defer srv.Close()
	defer hs.Close()

	body, _ := json.Marshal(articles(t, root))
	req, _ := http.NewRequest("POST", hs.URL+"/api/ingest", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("ingest: %s", resp.Status)
	}
	wctx, wcancel := context.WithTimeout(context.Background(), time.Minute)
	srv.Warm(wctx) // stories and display names, as a running server has them
	wcancel()
	var seedDoc khabar.Document
	if resp, err := http.Get(hs.URL + "/api/docs/seed"); err == nil {
		json.NewDecoder(resp.Body).Decode(&seedDoc)
		resp.Body.Close()
	}

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.Flag("lang", "ar"),
		chromedp.WindowSize(1100, 900),
	)
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	// A script of an article that ran would open a dialog; count them.
	var dialogs atomic.Int32
	dialog := make(chan struct{}, 8)
	ctx, cancel := chromedp.NewContext(actx, chromedp.WithListener(func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
			select {
			case dialog <- struct{}{}:
			default:
			}
		}
	}))
	defer cancel()
	ctx, cancel = context.WithTimeout(ctx, 120*time.Second)
	defer cancel()
	go func() {
		for {
			select {
			case <-dialog:
				chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
			case <-ctx.Done():
				return
			}
		}
	}()
	shot := func(name string) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			buf, err := chromedp.CaptureScreenshot()(ctx, tg)
			if err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(shots, name), recompress(t, buf), 0o644)
		})
	}
	do := func(step string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, steps...); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	count := func(sel string) int {
		t.Helper()
		return get(t, ctx, sel, chromedp.Evaluate[int](fmt.Sprintf("document.querySelectorAll(%q).length", sel)))
	}
	css := func(s string) chromedp.CSS { return chromedp.CSS(s) }

	// Search with a variant spelling: the seed writes الخارجية الاميركية,
	// the query has the hamza (الأميركية), as a phrase so that nothing but
	// the spelling variant can find it.
	do("search",
		chromedp.Navigate(hs.URL+"/"),
		chromedp.SendKeys(css(`header input[name="q"]`), `"الخارجية الأميركية"`),
		chromedp.Submit(css(`header input[name="q"]`)),
		chromedp.WaitVisible(css(`ol.hits`)),
		shot("search.png"),
	)
	if dir := get(t, ctx, "dir", chromedp.AttributeValue(css("html"), "dir")); dir.Value != "rtl" {
		t.Errorf("page direction %q", dir.Value)
	}
	if count("ol.hits mark") == 0 {
		t.Error("no highlighted words in the snippets")
	}
	if count(`ol.hits a[href="/docs/seed"]`) == 0 {
		t.Fatalf("the seed is not found by a variant spelling; hits: %s", get(t, ctx, "hits", chromedp.Text(css("ol.hits"))))
	}

	// A facet narrows the search: click the first source.
	total := get(t, ctx, "total", chromedp.Text(css("p.total")))
	searchURL := get(t, ctx, "location", chromedp.Location())
	do("facet",
		chromedp.Click(css(`aside.facets section:last-child a.facet`), chromedp.NodeVisible),
		chromedp.WaitVisible(css(`p.total a.chip.active`)),
	)
	if count("ol.hits > li") == 0 || count("aside.facets a.facet.active") != 1 {
		t.Errorf("after clicking a source: %d hits, %d active facets (before: %s)", count("ol.hits > li"), count("aside.facets a.facet.active"), total)
	}
	do("back to the search", chromedp.Navigate(searchURL), chromedp.WaitVisible(css(`ol.hits`)))

	// Open the article and check its marks.
	do("article",
		chromedp.Click(css(`ol.hits a[href="/docs/seed"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(css(`#text`)),
		shot("article.png"),
	)
	per, loc, tx := count("#text a.ent[data-type=PER]"), count("#text a.ent[data-type=LOC]"), count("#text time.timex")
	kerryType := get(t, ctx, "kerry", chromedp.Evaluate[string](`(Array.from(document.querySelectorAll("#text a.ent")).find(a => a.textContent === "جون كيري") || {dataset: {}}).dataset.type || ""`))
	timexTitle := get(t, ctx, "timex", chromedp.Evaluate[string](`(document.querySelector('#text time.timex[data-value="2015-12-15"]') || {title: ""}).title`))
	if per == 0 || loc == 0 || kerryType != "PER" {
		t.Errorf("marked entities: %d PER, %d LOC, جون كيري as %q", per, loc, kerryType)
	}
	if tx != len(seedDoc.Timexes) || !strings.Contains(timexTitle, "2015-12-15") {
		t.Errorf("dates: %d marked of %d; الثلثاء shows %q on hover", tx, len(seedDoc.Timexes), timexTitle)
	}
	if q, items := count("#text .quote"), count("#quotes li"); q != len(seedDoc.Quotes) || items != len(seedDoc.Quotes) {
		t.Errorf("quotes: %d marked, %d listed, the document has %d", q, items, len(seedDoc.Quotes))
	}
	if len(seedDoc.Quotes) == 0 {
		t.Error("the seed has no quotes")
	}
	speaker := get(t, ctx, "quote speaker", chromedp.Evaluate[string](`(document.querySelector("#text .quote") || {title: ""}).title`))
	if !strings.HasPrefix(speaker, "المتحدث: ") || len(seedDoc.Quotes) > 0 && seedDoc.Quotes[0].Speaker != nil && !strings.Contains(speaker, seedDoc.Quotes[0].Speaker.Text) {
		t.Errorf("the first quote shows %q on hover", speaker)
	}

	// The entity page, from the mark in the text.
	do("entity",
		chromedp.Click(css(`#text a.ent[data-type=PER]`), chromedp.NodeVisible),
		chromedp.WaitVisible(css(`#mentions svg`)),
		shot("entity.png"),
	)
	if bars, cooc := count("#mentions svg rect"), get(t, ctx, "cooccurring", chromedp.Text(css("#cooccurring"))); bars == 0 || !strings.Contains(cooc, "موسكو") {
		t.Errorf("entity page: %d bars; co-occurring: %s", bars, cooc)
	}

	do("stories",
		chromedp.Navigate(hs.URL+"/stories?day=2015-12-11"),
		chromedp.WaitVisible(css(`ol.stories`)),
		shot("stories.png"),
	)
	if count("ol.stories > li") == 0 {
		t.Error("no stories")
	}

	do("analyze",
		chromedp.Navigate(hs.URL+"/analyze"),
		chromedp.SendKeys(css(`textarea[name="text"]`), "التقى الرئيس الفرنسي إيمانويل ماكرون نظيره المصري عبد الفتاح السيسي في القاهرة يوم الأحد."),
		chromedp.Submit(css(`textarea[name="text"]`)),
		chromedp.WaitVisible(css(`#text`)),
		shot("analyze.png"),
	)
	if count("#text a.ent") == 0 {
		t.Error("no entities marked on the analyse page")
	}

	// Markup in an article is shown as text and never runs.
	do("markup", chromedp.Navigate(hs.URL+"/docs/markup"), chromedp.WaitVisible(css(`#text`)))
	if shown := get(t, ctx, "markup", chromedp.Text(css("#text"))); !strings.Contains(shown, "<script>alert('text')</script>") || dialogs.Load() != 0 {
		t.Errorf("markup: text %q, %d dialogs", shown, dialogs.Load())
	}

	// A phone-sized screen.
	do("phone",
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile),
		chromedp.Navigate(hs.URL+"/docs/seed"),
		chromedp.WaitVisible(css(`#text`)),
		shot("article-phone.png"),
	)
	if get(t, ctx, "phone width", chromedp.Evaluate[bool](`document.documentElement.scrollWidth > document.documentElement.clientWidth`)) {
		t.Error("the article page scrolls sideways on a phone")
	}
	if *update {
		t.Logf("screenshots written to %s", shots)
	}
}

// get runs one action that gives a value.
func get[T any](t *testing.T, ctx context.Context, step string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return v
}

// recompress re-encodes a PNG at the best compression, to keep the
// committed screenshots small.
func recompress(t *testing.T, b []byte) []byte {
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Logf("screenshot: %v", err)
		return b
	}
	var out bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&out, img); err != nil {
		return b
	}
	return out.Bytes()
}

package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"khabar/archive"
	"khabar/index"
)

// writeArticles writes n small JSON Lines articles, with a malformed line
// after the third.
func writeArticles(t *testing.T, path string, n int, variant string) {
	t.Helper()
	places := []string{"القاهرة", "دمشق", "بيروت", "بغداد", "عمان", "الرباط", "تونس"}
	var b strings.Builder
	for i := 0; i < n; i++ {
		text := fmt.Sprintf("قال وزير الخارجية في %s إن المحادثات رقم %d كانت مثمرة %s. وأضاف الوزير أن الاجتماع المقبل سيعقد في كانون الثاني.", places[i%len(places)], i, variant)
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint("art-", i), "title": "خبر " + places[i%len(places)], "text": text, "date": fmt.Sprintf("2018-03-%02d", 1+i%28), "source": []string{"bbc", "cnn", "skynews"}[i%3]})
		b.Write(line)
		b.WriteByte('\n')
		if i == 3 {
			b.WriteString("{\"id\": \"broken\", \"text\": \n")
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// checkArchive opens dir read-only and checks that documents and index
// agree; it returns the stored ids.
func checkArchive(t *testing.T, dir string) map[string]bool {
	t.Helper()
	a, err := archive.Open(dir, archive.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ix, err := a.Index()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, s := range ix.Segments() {
		for i := 0; i < int(s.NumDocs); i++ {
			id := s.DocID(i)
			doc, err := a.Document(id)
			if err != nil {
				t.Fatalf("indexed %q has no document: %v", id, err)
			}
			if doc.ID != id {
				t.Fatalf("document %q stored as %q", id, doc.ID)
			}
			ids[id] = true
		}
	}
	st := a.Stats()
	if st.Documents != len(ids) || ix.NumDocs() != len(ids) {
		t.Fatalf("%d documents stored, %d live in the index, %d distinct ids indexed", st.Documents, ix.NumDocs(), len(ids))
	}
	return ids
}

func TestIngestSearch(t *testing.T) {
	t.Run("surface", func(t *testing.T) { testIngestSearch(t, "surface") })
	t.Run("morph", func(t *testing.T) {
		if _, err := archive.KeyAnalyzerNamed(archive.KeysMorph); err != nil {
			t.Skipf("morphology model unusable (package morph's tests say why): %v", err)
		}
		testIngestSearch(t, "morph")
	})
}

func testIngestSearch(t *testing.T, keys string) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	db := filepath.Join(dir, "db")
	writeArticles(t, in, 40, "")
	_, stderr, st := runKhabar(t, "", "ingest", "--layers", "none", "--keys", keys, "--db", db, "--batch", "7", in)
	if st != 1 || !strings.Contains(stderr, "in.jsonl:5: malformed JSON") || !strings.Contains(stderr, "done: 40 stored") {
		t.Fatalf("ingest status %d, stderr:\n%s", st, stderr)
	}
	// The same input again: nothing new. A changed article: updated.
	_, stderr, _ = runKhabar(t, "", "ingest", "--layers", "none", "--db", db, in)
	if !strings.Contains(stderr, "done: 0 stored, 40 unchanged") {
		t.Errorf("second ingest:\n%s", stderr)
	}
	writeArticles(t, in, 40, "جدا")
	_, stderr, _ = runKhabar(t, "", "ingest", "--layers", "none", "--db", db, in)
	if !strings.Contains(stderr, "done: 40 stored, 0 unchanged") {
		t.Errorf("third ingest:\n%s", stderr)
	}
	if ids := checkArchive(t, db); len(ids) != 40 {
		t.Errorf("%d ids after updates, want 40", len(ids))
	}
	out, stderr, st := runKhabar(t, "", "search", "--db", db, "--format", "json", "--source", "cnn", "--from", "2018-03-02", "--to", "2018-03-03", `"وزير الخارجية" AND دمشق`)
	if st != 0 {
		t.Fatalf("search: %d %s", st, stderr)
	}
	hits := decodeLines(t, out)
	// art-i has source cnn for i%3==1, date 1+i%28 in 2..3 -> i%28 in 1..2, Damascus i%7==1.
	var want []string
	for i := 0; i < 40; i++ {
		if i%3 == 1 && (i%28 == 1 || i%28 == 2) && i%7 == 1 {
			want = append(want, fmt.Sprint("art-", i))
		}
	}
	if len(hits) != len(want) || len(want) == 0 || hits[0]["id"] != want[0] {
		t.Fatalf("hits %v, want %v", hits, want)
	}
	sn := []rune(hits[0]["snippet"].(string))
	for _, h := range hits[0]["highlights"].([]any) {
		m := h.(map[string]any)
		w := string(sn[int(m["start"].(float64)):int(m["end"].(float64))])
		if w != "وزير" && w != "الخارجية" && w != "دمشق" && w != "الوزير" {
			t.Errorf("highlight %q", w)
		}
	}
	if _, stderr, st := runKhabar(t, "", "search", "--db", filepath.Join(dir, "nope"), "x"); st != 1 || !strings.Contains(stderr, "no archive here") {
		t.Errorf("missing archive: %d %s", st, stderr)
	}
	// Facets count all matches: 40 articles, a third from each outlet.
	out, _, _ = runKhabar(t, "", "search", "--db", db, "--format", "json", "--facets", "-n", "1", "كانون")
	lines := decodeLines(t, out)
	if len(lines) != 2 {
		t.Fatalf("facets output: %s", out)
	}
	f := lines[1]
	if f["total"].(float64) != 40 || fmt.Sprint(f["facets"].(map[string]any)["Sources"]) != "[map[count:14 value:bbc] map[count:13 value:cnn] map[count:13 value:skynews]]" {
		t.Errorf("facets %v", f)
	}
	// Text output marks the found words.
	out, _, _ = runKhabar(t, "", "search", "--db", db, "-n", "1", `"كانون الثاني"`)
	if !strings.Contains(out, "40 documents match") || !strings.Contains(out, "[كانون] [الثاني]") {
		t.Errorf("text output:\n%s", out)
	}
}

// TestIngestKilled kills an ingest with SIGKILL in the middle and checks
// that everything it reported stored is there, that documents and index
// agree, and that a second run completes the archive without duplicates.
func TestIngestKilled(t *testing.T) {
	if os.Getenv("KHABAR_INGEST_CHILD") != "" {
		args := strings.Split(os.Getenv("KHABAR_INGEST_CHILD"), "\x1f")
		os.Exit(dispatch(args, os.Stdout, os.Stderr))
	}
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	db := filepath.Join(dir, "db")
	const n = 3000
	writeArticles(t, in, n, "")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$")
	cmd.Env = append(os.Environ(), "KHABAR_INGEST_CHILD="+strings.Join([]string{"ingest", "--layers", "none", "--keys", "surface", "--db", db, "--batch", "40", "--progress", "log", in}, "\x1f"))
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	storedRE := regexp.MustCompile(`stored (\d+) `)
	reported := 0
	sc := bufio.NewScanner(stderr)
	deadline := time.After(60 * time.Second)
	for sc.Scan() {
		if m := storedRE.FindStringSubmatch(sc.Text()); m != nil {
			reported, _ = strconv.Atoi(m[1])
			if reported >= 400 {
				break
			}
			// Readers work while the ingest writes, and see what it stored.
			if a, err := archive.Open(db, archive.OpenOptions{}); err != nil {
				t.Errorf("search during ingest: %v", err)
			} else {
				if ix, err := a.Index(); err != nil {
					t.Errorf("index during ingest: %v", err)
				} else if ix.NumDocs() < reported {
					t.Errorf("during ingest: %d documents after %d reported", ix.NumDocs(), reported)
				}
				a.Close()
			}
		}
		select {
		case <-deadline:
			t.Fatal("child too slow")
		default:
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	if reported < 400 {
		t.Fatalf("child reported only %d stored before exiting", reported)
	}
	ids := checkArchive(t, db)
	if len(ids) < reported {
		t.Fatalf("child reported %d stored, archive has %d", reported, len(ids))
	}
	for i := 0; i < reported; i++ {
		if !ids[fmt.Sprint("art-", i)] {
			t.Fatalf("art-%d reported stored but missing", i)
		}
	}
	t.Logf("killed after %d reported, %d stored", reported, len(ids))
	_, errOut, _ := runKhabar(t, "", "ingest", "--layers", "none", "--keys", "surface", "--db", db, "--progress", "log", in)
	if !strings.Contains(errOut, fmt.Sprintf("%d stored, %d unchanged", n-len(ids), len(ids))) {
		t.Errorf("resume: %s", errOut)
	}
	if ids := checkArchive(t, db); len(ids) != n {
		t.Errorf("after resume %d documents, want %d", len(ids), n)
	}
	a, _ := archive.Open(db, archive.OpenOptions{})
	defer a.Close()
	ix, _ := a.Index()
	q, _ := index.Parse("كانون", a.QueryAnalyzer(ix))
	if r := ix.Search(q, index.Options{}); r.Total != n {
		t.Errorf("كانون finds %d, want %d", r.Total, n)
	}
}

func TestIngestFeedsAndPages(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>موقع</title>
<item><title>زيارة القاهرة</title><link>%[1]s/news/1</link><guid>n1</guid><pubDate>Thu, 01 Mar 2018 10:00:00 GMT</pubDate><description>ملخص قصير</description></item>
<item><title>خبر مفقود</title><link>%[1]s/missing</link><guid>n2</guid><description>ملخص الخبر المفقود عن دمشق</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>زيارة</title></head><body><nav><a href="/">الرئيسية</a></nav><article><h1>زيارة القاهرة</h1>
<p>قال وزير الخارجية إن المحادثات التي أجراها في القاهرة اليوم كانت مثمرة وبناءة للغاية.</p>
<p>وأضاف أن الاجتماع المقبل سيعقد في كانون الثاني في واشنطن بحضور الجميع.</p></article></body></html>`)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	dir := t.TempDir()
	page := filepath.Join(dir, "page.html")
	os.WriteFile(page, []byte(`<html><body><article><p>نص صفحة محفوظة على القرص عن انتخابات بيروت البلدية والنتائج الأولية لها.</p><p>وقالت اللجنة إن النتائج النهائية ستعلن غدا بعد فرز كل الأصوات.</p></article></body></html>`), 0o644)
	empty := filepath.Join(dir, "empty.html")
	os.WriteFile(empty, []byte(`<html><body><nav>روابط</nav></body></html>`), 0o644)
	db := filepath.Join(dir, "db")
	_, stderr, st := runKhabar(t, "", "ingest", "--layers", "none", "--keys", "surface", "--db", db, srv.URL+"/feed.xml", page, empty)
	if st != 1 || !strings.Contains(stderr, "empty.html: no article text found") || !strings.Contains(stderr, "/missing: HTTP 404") || !strings.Contains(stderr, "done: 3 stored") {
		t.Fatalf("status %d:\n%s", st, stderr)
	}
	for q, want := range map[string]string{"كانون": "n1", "دمشق": "n2", "بيروت": "page"} {
		out, _, _ := runKhabar(t, "", "search", "--db", db, "--format", "json", q)
		if hits := decodeLines(t, out); len(hits) != 1 || hits[0]["id"] != want {
			t.Errorf("%s: %v, want %s", q, hits, want)
		}
	}
	out, _, _ := runKhabar(t, "", "search", "--db", db, "--format", "json", "--from", "2018-03-01", "--to", "2018-03-01", "القاهرة")
	if hits := decodeLines(t, out); len(hits) != 1 || hits[0]["source"] != "127.0.0.1" {
		t.Errorf("dated page: %v", hits)
	}
}

// TestIngestInterrupted stops an ingest with SIGINT: it stores what it
// analysed, says so, and exits 130.
func TestIngestInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	db := filepath.Join(dir, "db")
	writeArticles(t, in, 3000, "")
	cmd := exec.Command(os.Args[0], "-test.run=^TestIngestKilled$")
	cmd.Env = append(os.Environ(), "KHABAR_INGEST_CHILD="+strings.Join([]string{"ingest", "--layers", "none", "--keys", "surface", "--db", db, "--batch", "40", "--progress", "log", in}, "\x1f"))
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stderr)
	var tail []string
	signalled := false
	for sc.Scan() {
		tail = append(tail, sc.Text())
		if !signalled && strings.Contains(sc.Text(), "stored 200 ") {
			cmd.Process.Signal(os.Interrupt)
			signalled = true
		}
	}
	err := cmd.Wait()
	ee, ok := err.(*exec.ExitError)
	if !ok || ee.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130; stderr:\n%s", err, strings.Join(tail, "\n"))
	}
	last := tail[len(tail)-1]
	m := regexp.MustCompile(`interrupted; (\d+) articles stored`).FindStringSubmatch(last)
	if m == nil {
		t.Fatalf("last line %q", last)
	}
	n, _ := strconv.Atoi(m[1])
	if ids := checkArchive(t, db); len(ids) != n || n < 200 || n >= 3000 {
		t.Errorf("said %d stored, archive has %d", n, len(ids))
	}
}

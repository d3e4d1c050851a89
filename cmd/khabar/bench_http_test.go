package main

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestKeyboardSpelling(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"الأمم المتحدة", "الامم المتحده"},
		{"إلى مصر", "الي مصر"},
		{"القاهرة، اليوم", "القاهره، اليوم"},
		{"ةالة", "ةاله"}, // only a final ta marbuta
	} {
		if got := keyboardSpelling(c.in); got != c.want {
			t.Errorf("keyboardSpelling(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestZipfDraws(t *testing.T) {
	z := newZipf(1000, 0.9)
	r := rand.New(rand.NewPCG(1, 2))
	counts := make([]int, 1000)
	for range 200000 {
		counts[z.draw(r)]++
	}
	// Rank 1 against rank 10: (10/1)^0.9 ≈ 7.9 times as often.
	if ratio := float64(counts[0]) / float64(counts[9]); ratio < 6.5 || ratio > 9.5 {
		t.Errorf("rank 1 / rank 10 = %.2f, want about 7.9", ratio)
	}
	if z.share(999) != 1 {
		t.Errorf("share of all ranks = %v", z.share(999))
	}
}

// TestLoadGen reads fixed-length, chunked and empty answers and counts
// any status but 200 as an error.
func TestLoadGen(t *testing.T) {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Query().Get("q") {
		case "big": // over the server's buffer: chunked
			w.Write([]byte(strings.Repeat("x", 100000)))
		case "small":
			w.Header().Set("Content-Length", "5")
			w.Write([]byte("hello"))
		case "empty":
		default:
			http.NotFound(w, r)
		}
	}))
	defer ts.Close()
	host := strings.TrimPrefix(ts.URL, "http://")
	req := func(q string) []byte {
		return []byte(fmt.Sprintf("GET /api/search?q=%s HTTP/1.1\r\nHost: %s\r\n\r\n", q, host))
	}
	g := &loadGen{addr: host, targets: [][]byte{req("big"), req("small"), req("empty")}, conns: 3}
	res := g.run(200 * time.Millisecond)
	if res.errors != 0 || len(res.lat) < 3 {
		t.Fatalf("%d answers, %d errors %v", len(res.lat), res.errors, res.kinds)
	}
	g.targets = append(g.targets, req("missing"))
	res = g.run(200 * time.Millisecond)
	if res.errors == 0 || res.kinds["status 404"] != res.errors {
		t.Fatalf("errors %d %v, want only 404s", res.errors, res.kinds)
	}
}

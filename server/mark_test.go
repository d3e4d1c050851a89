package server

import (
	"bytes"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
)

func m(start, end int, tag string) mark {
	return mark{start: start, end: end, open: "<" + tag + ">", close: "</" + tag + ">"}
}

func TestMarkText(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		marks []mark
		want  string
	}{
		{"none", "a<b", nil, "a&lt;b"},
		{"one", "abcdef", []mark{m(1, 3, "x")}, "a<x>bc</x>def"},
		{"code points", "جون كيري قال", []mark{m(4, 8, "x")}, "جون <x>كيري</x> قال"},
		{"nested", "abcdef", []mark{m(1, 4, "i"), m(0, 5, "o")}, "<o>a<i>bcd</i>e</o>f"},
		{"same span, rank decides", "abc", []mark{{start: 0, end: 3, rank: 2, open: "<i>", close: "</i>"}, {start: 0, end: 3, rank: 0, open: "<o>", close: "</o>"}}, "<o><i>abc</i></o>"},
		{"crossing is cut", "abcdef", []mark{m(0, 3, "a"), m(2, 5, "b")}, "<a>ab<b>c</b></a>def"},
		{"siblings", "abcdef", []mark{m(0, 2, "a"), m(2, 4, "b")}, "<a>ab</a><b>cd</b>ef"},
		{"out of range", "abc", []mark{m(-2, 1, "a"), m(2, 99, "b"), m(5, 7, "c"), m(2, 1, "d")}, "<a>a</a>b<b>c</b>"},
		{"escaped inside", "<s>&", []mark{m(0, 3, "x")}, "<x>&lt;s&gt;</x>&amp;"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(markText(tc.text, tc.marks)); got != tc.want {
				t.Errorf("got  %s\nwant %s", got, tc.want)
			}
		})
	}
}

var tagRE = regexp.MustCompile(`</?[a-z]+>`)

func FuzzMarkText(f *testing.F) {
	f.Add("جون كيري <script>", 0, 3, 4, 8, 2, 12)
	f.Add("abc", -1, 9, 1, 2, 2, 1)
	f.Fuzz(func(t *testing.T, text string, a, b, c, d, e, g int) {
		text = strings.ToValidUTF8(text, "?")
		ms := []mark{m(a, b, "a"), m(c, d, "b"), m(e, g, "c")}
		out := string(markText(text, ms))
		// Removing the marks leaves the escaped text, and they balance.
		// (HTML escaping turns NUL into U+FFFD.)
		if plain := tagRE.ReplaceAllString(out, ""); html.UnescapeString(plain) != strings.ReplaceAll(text, "\x00", "\uFFFD") {
			t.Fatalf("text changed: %q -> %q", text, out)
		}
		depth := 0
		for _, tag := range tagRE.FindAllString(out, -1) {
			if strings.HasPrefix(tag, "</") {
				depth--
			} else {
				depth++
			}
			if depth < 0 {
				t.Fatalf("unbalanced: %s", out)
			}
		}
		if depth != 0 {
			t.Fatalf("unbalanced: %s", out)
		}
	})
}

func FuzzReadArticles(f *testing.F) {
	f.Add("application/json", `{"text":"نص"}`)
	f.Add("application/json", `[{"text":"a"},{"text":"b","date":"2015-01-01"}]`)
	f.Add("application/x-ndjson", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n")
	f.Add("text/plain", "نص عادي")
	f.Add("application/json", `[{"text":1}]`)
	f.Fuzz(func(t *testing.T, ctype, body string) {
		r := httptest.NewRequest("POST", "/api/ingest?date=2015-01-01", strings.NewReader(body))
		r.Header.Set("Content-Type", ctype)
		w := httptest.NewRecorder()
		r.Body = http.MaxBytesReader(w, r.Body, 1<<16)
		arts, err := readArticles(r, 5)
		if err != nil {
			return
		}
		if len(arts) == 0 || len(arts) > 5 {
			t.Fatalf("%d articles without error", len(arts))
		}
		for _, a := range arts {
			a.input() // must not panic
		}
	})
}

func TestBarChart(t *testing.T) {
	if barChart(nil, "x") != "" {
		t.Error("chart of nothing")
	}
	out := string(barChart([]bar{{Label: "2015-12", Count: 3}, {Label: "<x>", Count: 0, URL: "/search?q=a&b=c"}}, "c\"ap"))
	if strings.Count(out, "<rect") != 2 || !strings.Contains(out, "&lt;x&gt;") || !strings.Contains(out, `c&#34;ap`) || !strings.Contains(out, "q=a&amp;b=c") {
		t.Errorf("chart: %s", out)
	}
	if !bytes.HasPrefix([]byte(out), []byte("<svg")) {
		t.Errorf("not an svg: %s", out)
	}
}

func TestMonthRange(t *testing.T) {
	for _, tc := range []struct{ m, from, to string }{
		{"2016-02", "2016-02-01", "2016-02-29"},
		{"2015-12", "2015-12-01", "2015-12-31"},
		{"2015-04", "2015-04-01", "2015-04-30"},
	} {
		from, to, ok := monthRange(tc.m)
		if !ok || from != tc.from || to != tc.to {
			t.Errorf("%s: %s %s %v", tc.m, from, to, ok)
		}
	}
	if _, _, ok := monthRange("x"); ok {
		t.Error("bad month accepted")
	}
}

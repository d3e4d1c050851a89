package server

import (
	"net/url"
	"reflect"
	"strings"
	"testing"

	"khabar/index"
)

// TestWordCacheAgrees: the cached analyzer finds the same keys as the
// archive's query analyzer on whole texts, and the highlights of a search
// are the same with either.
func TestWordCacheAgrees(t *testing.T) {
	ts := filled(t, Config{})
	ts.view(func(sn *snapshot) {
		wc := newWordCache(sn.qa, 3) // a tiny bound: most words are not kept
		for _, a := range fixture(t) {
			for _, text := range []string{a.Title, a.Text, strings.ToUpper(a.Text) + " والخارجية، (موسكو)"} {
				want, got := sn.qa.Keys(text), wc.Keys(text)
				if len(want) == 0 && len(got) == 0 {
					continue
				}
				if !reflect.DeepEqual(want, got) {
					t.Errorf("%s: keys differ:\nqa    %v\ncache %v", a.ID, want, got)
				}
				// Again, now from the cache.
				if again := wc.Keys(text); !reflect.DeepEqual(want, again) {
					t.Errorf("%s: cached keys differ", a.ID)
				}
			}
		}
		if wc.n.Load() > 3 {
			t.Errorf("cache holds %d words, bound 3", wc.n.Load())
		}
	})
	var res searchAnswer
	ts.get(t, "/api/search?q="+url.QueryEscape("الخارجية الأمريكية")).json(t, &res)
	if len(res.Hits) == 0 || len(res.Hits[0].Highlights) == 0 {
		t.Fatalf("no highlights: %+v", res)
	}
}

func TestAnswerCache(t *testing.T) {
	if c := newAnswerCache(-1); c != nil {
		t.Fatal("a negative size keeps answers")
	}
	var none *answerCache
	none.put("a", []byte("x"))
	if _, ok := none.get("a"); ok {
		t.Fatal("the nil cache answered")
	}
	c := newAnswerCache(4)
	for i := range 10 {
		c.put(string(rune('a'+i)), []byte{byte(i)})
		if len(c.m) > 4 {
			t.Fatalf("%d answers kept, bound 4", len(c.m))
		}
	}
	if b, ok := c.get("j"); !ok || b[0] != 9 {
		t.Errorf("the latest answer is gone")
	}
	// An answer asked for again outlives those that were not.
	c = newAnswerCache(4)
	for _, k := range []string{"a", "b", "c", "d"} {
		c.put(k, []byte(k))
	}
	c.get("a")
	c.put("e", []byte("e"))
	c.put("f", []byte("f"))
	if _, ok := c.get("a"); !ok {
		t.Error("the answer asked for again was evicted")
	}
	if _, ok := c.get("b"); ok {
		t.Error("the oldest answer not asked for stayed")
	}
	if len(c.m) != 4 || len(c.ring) != 4 {
		t.Errorf("%d answers, ring of %d, bound 4", len(c.m), len(c.ring))
	}
}

// TestSearchAnswerCache: a repeated search gets the same answer, and an
// ingest makes it stale.
func TestSearchAnswerCache(t *testing.T) {
	ts := filled(t, Config{})
	q := "/api/search?q=" + url.QueryEscape("موسكو")
	a1, a2 := ts.get(t, q), ts.get(t, q)
	if a1.status != 200 || string(a1.body) != string(a2.body) {
		t.Fatalf("repeated search differs:\n%s\n%s", a1.body, a2.body)
	}
	ts.ingest(t, article{ID: "late", Text: "خبر جديد من موسكو.", Date: "2015-12-14"})
	var res searchAnswer
	ts.get(t, q).json(t, &res)
	if res.Total != 4 {
		t.Errorf("after an ingest the cached answer is served: total %d, want 4", res.Total)
	}
}

// keysOnly hides the WordKeyer of an analyzer, so that a Highlighter
// analyses each text whole (as it did before WordKeys).
type keysOnly struct{ an index.Analyzer }

func (k keysOnly) Keys(text string) []index.Key { return k.an.Keys(text) }

// TestWordKeysSnippets: a highlighter deciding each distinct word once
// through the word cache picks the snippets and highlights of one that
// analyses every text whole.
func TestWordKeysSnippets(t *testing.T) {
	ts := filled(t, Config{})
	ts.view(func(sn *snapshot) {
		if _, ok := sn.hla.(index.WordKeyer); !ok {
			t.Fatal("the highlight analyzer is no WordKeyer")
		}
		marked := 0
		for _, qs := range []string{"الخارجية الأمريكية", "موسكو", "كيري بوتين", `"وزير الخارجية"`, "الاميركي", "عريضة بيروت", "سوريا"} {
			q, err := index.Parse(qs, sn.qa)
			if err != nil {
				t.Fatal(err)
			}
			byWord := index.NewHighlighter(q, sn.hla)
			whole := index.NewHighlighter(q, keysOnly{newWordCache(sn.qa, 0)})
			for _, a := range fixture(t) {
				for _, w := range []int{40, 200} {
					want, got := whole.Snippet(a.Text, w), byWord.Snippet(a.Text, w)
					if !reflect.DeepEqual(want, got) {
						t.Errorf("%q in %s: by word %+v, whole %+v", qs, a.ID, got, want)
					}
					marked += len(got.Highlights)
				}
			}
		}
		if marked == 0 {
			t.Error("no highlights at all: the test compares nothing")
		}
	})
}

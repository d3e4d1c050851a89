package ner

import (
	"slices"
	"testing"

	"khabar"
	"khabar/internal/testcorpus"
)

// TestMemoSame checks that the memo path (memo.go) gives the labels of the
// plain path (info, features, Decode) on ANT articles, also when the memo
// is small enough to drop generations all the time, with the quoted-span
// features on as well as off, and through Tag as well as TagDocument.
func TestMemoSame(t *testing.T) {
	r := recognizer(t)
	a, err := r.morphAnalyzer()
	if err != nil {
		t.Skipf("no morphology model: %v", err)
	}
	texts := testcorpus.ANTArticles(t, 200)
	if testing.Short() {
		texts = texts[:min(len(texts), 30)]
	}
	texts = append(texts,
		"قال الأمين العام للأمم المتحدة أنطونيو غوتيريش في نيويورك إن برنامج « الناس وأنا » عاد\n"+
			"وزار وزير الخارجية الروسي سيرغي لافروف الولايات المتحدة الأمريكية \xff و« » «\n"+
			"ولل والامم المتحدة\n")
	quoted := *r.res
	quoted.quotes = true
	variant := func(res *resources, gen int, off bool) *Recognizer {
		c := &Recognizer{res: res, model: r.model, second: r.second, names: r.names, curated: r.curated,
			curatedLongest: r.curatedLongest, usesMorph: r.usesMorph, memos: make(chan *memo, 2), memoGen: gen, noMemo: off}
		c.pool.New = func() any { return &scratch{} }
		return c
	}
	for _, res := range []*resources{r.res, &quoted} {
		ref := variant(res, memoGen, true)
		memos := []*Recognizer{variant(res, memoGen, false), variant(res, 50, false)}
		for n, text := range texts {
			doc := testDoc(text)
			var sents [][]string
			var segs [][][]khabar.Segment
			for _, span := range sentenceTokenRanges(doc) {
				var words []string
				for _, tok := range doc.Tokens[span[0]:span[1]] {
					words = append(words, tok.Text)
				}
				sents = append(sents, words)
				segs = append(segs, a.AnalyzeWords(words))
			}
			want := ref.TagDocument(sents, segs, 0)
			for _, m := range memos {
				if got := m.TagDocument(sents, segs, 0); !slices.EqualFunc(got, want, slices.Equal) {
					t.Fatalf("quotes %v, memo generation %d, article %d: memo\n%q\nplain\n%q", res.quotes, m.memoGen, n, got, want)
				}
			}
			for _, words := range sents[:min(len(sents), 3)] {
				want := ref.Tag(words)
				for _, m := range memos {
					if got := m.Tag(words); !slices.Equal(got, want) {
						t.Fatalf("quotes %v, memo generation %d, article %d, Tag: memo %q, plain %q", res.quotes, m.memoGen, n, got, want)
					}
				}
			}
		}
		if got := memos[1].takeMemo(); got.misses == 0 || len(got.cur) > 50 {
			t.Errorf("small memo: %d misses, %d entries in the current generation", got.misses, len(got.cur))
		}
	}
}

package morph

import (
	"slices"

	"khabar"
	"testing"
)

// TestCtxSlots checks that the memo path's slots of a word's context
// features are the slots of tagFeatsCtx's features, one for one, for every
// previous tag pair, on ANT sentences and odd input.
func TestCtxSlots(t *testing.T) {
	a := loadOrSkip(t)
	if a.tagSlots == nil {
		t.Skip("the model's tagger is not on the memo path")
	}
	n := len(a.c.m.Tags)
	name := func(i int) string {
		if i == n {
			return "<s>"
		}
		return a.c.m.Tags[i]
	}
	texts := antArticles(t, 20)
	texts = append(texts, "و \xff بأنه 15-7 #وسم", "كتب")
	for _, text := range texts {
		doc := newDocument(text)
		var words []string
		for _, tok := range doc.Tokens {
			words = append(words, tok.Text)
		}
		for len(words) > 0 {
			sent := words[:min(len(words), 30)]
			words = words[len(sent):]
			s := &scratch{memo: &memo{}}
			a.analyzeMemo(s, sent, func(int, khabar.Segment) {})
			for j := range s.words {
				for _, p := range [][2]int{{n, n}, {0, n}, {j % n, (j + 3) % n}, {n - 1, 0}} {
					var want []int32
					for _, f := range tagFeatsCtx(nil, s.words, j, name(p[0]), name(p[1]), s.wf) {
						want = append(want, slotOf(a.tag.t, f))
					}
					if got := a.ctxSlots(nil, s, j, p[0], p[1]); !slices.Equal(got, want) {
						t.Fatalf("%q word %d, tags %v: slots %v, want %v", sent, j, p, got, want)
					}
				}
			}
		}
	}
}

package morph

import (
	"slices"
	"testing"

	"khabar/morph/perceptron"
)

// TestMemoSame checks that the memo path gives the segments, tags and
// lemmas of the plain path on ANT articles, also when the memo is small
// enough to drop generations all the time.
func TestMemoSame(t *testing.T) {
	a := loadOrSkip(t)
	ref, err := New(a.Model)
	if err != nil {
		t.Fatal(err)
	}
	ref.noMemo = true
	small, err := New(a.Model)
	if err != nil {
		t.Fatal(err)
	}
	small.memoGen = 50
	texts := antArticles(t, 300)
	if testing.Short() {
		texts = texts[:min(len(texts), 40)]
	}
	texts = append(texts, "وقال وزير الخارجية إن\u064e الوفد وصل ،\xff والتقى بأنه وعلينا والخضراوات المتهم التزامنا 15-7 #وسم")
	for n, text := range texts {
		want := newDocument(text)
		ref.Annotate(want)
		for _, an := range []*Analyzer{a, small} {
			got := newDocument(text)
			an.Annotate(got)
			for i := range want.Tokens {
				if !slices.Equal(got.Tokens[i].Segments, want.Tokens[i].Segments) {
					t.Fatalf("article %d token %d %q: memo %v, plain %v", n, i, want.Tokens[i].Text, got.Tokens[i].Segments, want.Tokens[i].Segments)
				}
			}
		}
	}
}

// TestExactSums checks the condition under which the segmentation scores
// are summed in two parts.
func TestExactSums(t *testing.T) {
	for _, c := range []struct {
		vals []float32
		want bool
	}{
		{[]float32{0, 1, -2.5, 0.125}, true},
		{[]float32{1 << 20, 1.0 / (1 << 30)}, false},
		{nil, true},
	} {
		if got := exactSums(perceptron.Restore(make([]uint64, len(c.vals)), c.vals, 1)); got != c.want {
			t.Errorf("exactSums(%v) = %v, want %v", c.vals, got, c.want)
		}
	}
	if a := loadOrSkip(t); !a.exactSeg {
		t.Errorf("the embedded model's segmentation weights do not sum exactly: the memo's split scores are off")
	}
}

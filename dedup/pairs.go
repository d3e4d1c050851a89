package dedup

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// GoldPair is a hand-labelled pair of articles: Same says whether they
// report one event (see testdata/STORY-PAIRS.md).
type GoldPair struct {
	A, B  string // article ids (ANT docnos)
	Split string // "dev" or "test"
	Same  bool
}

// ParseGoldPairs reads the tab-separated pair gold: docno_a, docno_b,
// split, label (same or diff), then any further columns. Lines starting
// with # and blank lines are skipped; a malformed line is an error.
func ParseGoldPairs(r io.Reader) ([]GoldPair, error) {
	var out []GoldPair
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 4 || f[0] == "" || f[1] == "" || (f[3] != "same" && f[3] != "diff") {
			return nil, fmt.Errorf("dedup: gold pairs line %d: want docno_a, docno_b, split, same|diff", n)
		}
		out = append(out, GoldPair{A: f[0], B: f[1], Split: f[2], Same: f[3] == "same"})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("dedup: reading gold pairs: %w", err)
	}
	return out, nil
}

// PairScore is the pairwise agreement of a clustering with a pair gold:
// a pair is predicted "same" when both articles are in one story.
type PairScore struct {
	TP, FP, FN, TN int
	Missing        int // pairs with an article the clustering lacks (not scored)
}

// Precision of "same story" predictions.
func (s PairScore) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall of the gold's "same" pairs.
func (s PairScore) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of Precision and Recall.
func (s PairScore) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (s PairScore) String() string {
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d tn %d, %d unscored)",
		s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN, s.TN, s.Missing)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ScorePairs scores the gold pairs of one split ("" for all) against
// storyOf, the story number of each article id.
func ScorePairs(pairs []GoldPair, split string, storyOf map[string]int) PairScore {
	var s PairScore
	for _, p := range pairs {
		if split != "" && p.Split != split {
			continue
		}
		a, okA := storyOf[p.A]
		b, okB := storyOf[p.B]
		switch {
		case !okA || !okB:
			s.Missing++
		case a == b && p.Same:
			s.TP++
		case a == b:
			s.FP++
		case p.Same:
			s.FN++
		default:
			s.TN++
		}
	}
	return s
}

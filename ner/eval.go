package ner

import (
	"fmt"
	"io"
	"sort"
	"strings"
)

// Chunk is an entity as a range of whitespace tokens, end exclusive.
type Chunk struct {
	Start, End int
	Type       string
}

// Chunks reads entities off IOB tags the way conlleval does: a chunk starts
// at B-X, or at I-X not preceded by B-X or I-X, and runs over the I-X
// tags that follow.
func Chunks(tags []string) []Chunk {
	var out []Chunk
	for i := 0; i < len(tags); {
		p, typ, ok := strings.Cut(tags[i], "-")
		if !ok || (p != "B" && p != "I") {
			i++
			continue
		}
		j := i + 1
		for j < len(tags) && tags[j] == "I-"+typ {
			j++
		}
		out = append(out, Chunk{i, j, typ})
		i = j
	}
	return out
}

// Score counts entity matches by type.
type Score struct {
	// Gold, Pred and Correct are counts by type.
	Gold, Pred, Correct map[string]int
}

// NewScore returns an empty score.
func NewScore() *Score {
	return &Score{Gold: map[string]int{}, Pred: map[string]int{}, Correct: map[string]int{}}
}

// Add scores one sentence: an entity is right only when type and token
// boundaries both match the gold.
func (s *Score) Add(gold, pred []string) {
	g := map[Chunk]bool{}
	for _, c := range Chunks(gold) {
		g[c] = true
		s.Gold[c.Type]++
	}
	for _, c := range Chunks(pred) {
		s.Pred[c.Type]++
		if g[c] {
			s.Correct[c.Type]++
		}
	}
}

// PRF returns precision, recall and F1 in percent for a type, or for all
// types when typ is "".
func (s *Score) PRF(typ string) (p, r, f float64) {
	var g, pr, c int
	if typ == "" {
		for _, v := range s.Gold {
			g += v
		}
		for _, v := range s.Pred {
			pr += v
		}
		for _, v := range s.Correct {
			c += v
		}
	} else {
		g, pr, c = s.Gold[typ], s.Pred[typ], s.Correct[typ]
	}
	if pr > 0 {
		p = 100 * float64(c) / float64(pr)
	}
	if g > 0 {
		r = 100 * float64(c) / float64(g)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

// Report writes the per-type and micro-averaged table.
func (s *Score) Report(w io.Writer) {
	types := map[string]bool{}
	for t := range s.Gold {
		types[t] = true
	}
	for t := range s.Pred {
		types[t] = true
	}
	var ts []string
	for t := range types {
		ts = append(ts, t)
	}
	sort.Strings(ts)
	fmt.Fprintf(w, "%-6s %9s %9s %9s %7s %7s\n", "type", "precision", "recall", "F1", "gold", "pred")
	for _, t := range ts {
		p, r, f := s.PRF(t)
		fmt.Fprintf(w, "%-6s %9.2f %9.2f %9.2f %7d %7d\n", t, p, r, f, s.Gold[t], s.Pred[t])
	}
	p, r, f := s.PRF("")
	var g, pr int
	for _, v := range s.Gold {
		g += v
	}
	for _, v := range s.Pred {
		pr += v
	}
	fmt.Fprintf(w, "%-6s %9.2f %9.2f %9.2f %7d %7d\n", "micro", p, r, f, g, pr)
}

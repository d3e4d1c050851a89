// Package timexeval scores a temporal-expression recogniser against the
// gold corpus of testdata/timex-gold.jsonl (see testdata/TIMEX-GOLD.md):
// detection precision, recall and F1 with exact spans and with overlapping
// spans, and type and value accuracy on the matched expressions.
//
// It reads the corpus from an io.Reader handed to it and writes reports to
// an io.Writer; it opens no files itself.
package timexeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"

	"khabar"
)

// Sentence is one line of the gold corpus: a sentence of an ANT article
// with the article's date and its annotated expressions (offsets in code
// points of Text).
type Sentence struct {
	ID      string         `json:"id"`
	Docno   string         `json:"docno"`
	Src     string         `json:"src"`
	Cat     string         `json:"cat"`
	Date    string         `json:"date"`
	Text    string         `json:"text"`
	Timexes []khabar.Timex `json:"timexes"`
}

// ReadGold parses the JSON Lines gold corpus.
func ReadGold(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if len(sc.Bytes()) == 0 {
			continue
		}
		var s Sentence
		if err := json.Unmarshal(sc.Bytes(), &s); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", line, err)
		}
		out = append(out, s)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}
	return out, nil
}

// Annotator is what is scored: a function from a sentence and its date to
// the expressions found.
type Annotator func(text, dct string) []khabar.Timex

// Pair is a gold expression and the system expression matched to it (either
// may be missing).
type Pair struct {
	Sentence *Sentence
	Gold     *khabar.Timex
	System   *khabar.Timex
}

// Report holds the counts of one evaluation.
type Report struct {
	Gold, System int
	// Exact counts system spans equal to a gold span; Overlap counts
	// one-to-one pairs of overlapping spans (exact ones included).
	Exact, Overlap int
	// TypeOK and ValueOK count overlapping pairs with the gold type / value.
	TypeOK, ValueOK int
	// Errors lists the pairs that are not exact with the right value.
	Errors []Pair
}

// Evaluate runs ann on every gold sentence and scores it.
func Evaluate(gold []Sentence, ann Annotator) Report {
	var r Report
	for i := range gold {
		s := &gold[i]
		sys := ann(s.Text, s.Date)
		r.Gold += len(s.Timexes)
		r.System += len(sys)
		usedG := make([]bool, len(s.Timexes))
		usedS := make([]bool, len(sys))
		match := func(exact bool) {
			for gi := range s.Timexes {
				if usedG[gi] {
					continue
				}
				g := &s.Timexes[gi]
				for si := range sys {
					if usedS[si] {
						continue
					}
					x := &sys[si]
					if exact && (x.Start != g.Start || x.End != g.End) || !exact && (x.End <= g.Start || g.End <= x.Start) {
						continue
					}
					usedG[gi], usedS[si] = true, true
					r.Overlap++
					if exact {
						r.Exact++
					}
					if x.Type == g.Type {
						r.TypeOK++
					}
					if x.Value == g.Value {
						r.ValueOK++
					}
					if !exact || x.Value != g.Value || x.Type != g.Type {
						r.Errors = append(r.Errors, Pair{s, g, x})
					}
					break
				}
			}
		}
		match(true)
		match(false)
		for gi := range s.Timexes {
			if !usedG[gi] {
				r.Errors = append(r.Errors, Pair{s, &s.Timexes[gi], nil})
			}
		}
		for si := range sys {
			if !usedS[si] {
				r.Errors = append(r.Errors, Pair{s, nil, &sys[si]})
			}
		}
	}
	sort.SliceStable(r.Errors, func(a, b int) bool { return r.Errors[a].Sentence.ID < r.Errors[b].Sentence.ID })
	return r
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Exact precision, recall and F1 of detection with identical spans.
func (r Report) ExactPRF() (p, rec, f float64) {
	p, rec = ratio(r.Exact, r.System), ratio(r.Exact, r.Gold)
	return p, rec, f1(p, rec)
}

// OverlapPRF is detection with overlapping spans.
func (r Report) OverlapPRF() (p, rec, f float64) {
	p, rec = ratio(r.Overlap, r.System), ratio(r.Overlap, r.Gold)
	return p, rec, f1(p, rec)
}

// ValueAccuracy is the share of overlapping pairs whose value is the gold value.
func (r Report) ValueAccuracy() float64 { return ratio(r.ValueOK, r.Overlap) }

// TypeAccuracy is the share of overlapping pairs whose type is the gold type.
func (r Report) TypeAccuracy() float64 { return ratio(r.TypeOK, r.Overlap) }

// Write prints the figures; with errors it lists every error too.
func (r Report) Write(w io.Writer, errors bool) {
	ep, er, ef := r.ExactPRF()
	op, or, of := r.OverlapPRF()
	fmt.Fprintf(w, "gold expressions   %d\nsystem expressions %d\n", r.Gold, r.System)
	fmt.Fprintf(w, "detection, exact span:   P %.3f  R %.3f  F1 %.3f  (%d matched)\n", ep, er, ef, r.Exact)
	fmt.Fprintf(w, "detection, overlap:      P %.3f  R %.3f  F1 %.3f  (%d matched)\n", op, or, of, r.Overlap)
	fmt.Fprintf(w, "type accuracy (overlap):  %.3f  (%d/%d)\n", r.TypeAccuracy(), r.TypeOK, r.Overlap)
	fmt.Fprintf(w, "value accuracy (overlap): %.3f  (%d/%d)\n", r.ValueAccuracy(), r.ValueOK, r.Overlap)
	fmt.Fprintf(w, "value accuracy (end to end, exact span and value / gold): %.3f\n", ratio(r.exactValueOK(), r.Gold))
	if !errors {
		return
	}
	for _, e := range r.Errors {
		g, s := "-", "-"
		if e.Gold != nil {
			g = fmt.Sprintf("%s|%s|%s", e.Gold.Text, e.Gold.Type, e.Gold.Value)
		}
		if e.System != nil {
			s = fmt.Sprintf("%s|%s|%s", e.System.Text, e.System.Type, e.System.Value)
		}
		fmt.Fprintf(w, "%s %s\tgold [%s]\tsys [%s]\n", e.Sentence.ID, e.Sentence.Date, g, s)
	}
}

func (r Report) exactValueOK() int {
	bad := 0
	for _, e := range r.Errors {
		if e.Gold != nil && e.System != nil && e.Gold.Start == e.System.Start && e.Gold.End == e.System.End {
			bad++
		}
	}
	return r.Exact - bad
}

package timexeval

import (
	"strings"
	"testing"

	"khabar"
)

func TestEvaluate(t *testing.T) {
	gold := []Sentence{{ID: "s1", Date: "2015-12-11", Text: "x", Timexes: []khabar.Timex{
		{Start: 0, End: 5, Type: "DATE", Value: "2015"},
		{Start: 10, End: 14, Type: "DATE", Value: "2015-12-10"},
		{Start: 20, End: 22, Type: "DURATION", Value: "P2Y"},
	}}}
	sys := func(text, dct string) []khabar.Timex {
		return []khabar.Timex{
			{Start: 0, End: 5, Type: "DATE", Value: "2015"},        // exact, right
			{Start: 9, End: 14, Type: "DATE", Value: "2015-12-10"}, // overlap, right value
			{Start: 30, End: 32, Type: "SET", Value: "P1D"},        // spurious
		}
	}
	r := Evaluate(gold, sys)
	if r.Gold != 3 || r.System != 3 || r.Exact != 1 || r.Overlap != 2 || r.ValueOK != 2 {
		t.Fatalf("report = %+v", r)
	}
	if p, rec, _ := r.OverlapPRF(); p != 2.0/3 || rec != 2.0/3 {
		t.Errorf("overlap P/R = %v %v", p, rec)
	}
	if len(r.Errors) != 3 { // the overlap-only pair, the miss, the spurious one
		t.Errorf("errors = %d, want 3", len(r.Errors))
	}
	var b strings.Builder
	r.Write(&b, true)
	if !strings.Contains(b.String(), "F1 0.667") {
		t.Errorf("report text:\n%s", b.String())
	}
}

func TestReadGoldBadLine(t *testing.T) {
	if _, err := ReadGold(strings.NewReader("{\"id\":\"s1\"}\n{bad\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("err = %v, want a line 2 error", err)
	}
}

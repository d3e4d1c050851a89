package udeval

import (
	"strings"
	"testing"

	"khabar/morph/conllu"
)

func read(t *testing.T, s string) []conllu.Sentence {
	t.Helper()
	ss, err := conllu.Read(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

const gold = `1-2	للاسلحة	_	_	_	_	_	_	_	_
1	ل	لِ	ADP	_	_	_	_	_	_
2	الأسلحة	سِلَاح	NOUN	_	_	_	_	_	_
3	وزير	وَزِير	NOUN	_	_	_	_	_	_
4	15	١٥	NUM	_	_	_	_	_	_
`

func TestEvaluate(t *testing.T) {
	cases := []struct {
		name                    string
		sys                     string
		words, upos, lemma, tok float64
	}{
		{"perfect", gold, 100, 100, 100, 100},
		{"stem spelt without hamza", `1-2	للاسلحة	_	_	_	_	_	_	_	_
1	ل	ل	ADP	_	_	_	_	_	_
2	الاسلحة	سلاح	NOUN	_	_	_	_	_	_
3	وزير	وزير	NOUN	_	_	_	_	_	_
4	15	15	NUM	_	_	_	_	_	_
`, 75, 75, 75, 100},
		{"over-split", `1-2	للاسلحة	_	_	_	_	_	_	_	_
1	ل	ل	ADP	_	_	_	_	_	_
2	الأسلحة	سلاح	NOUN	_	_	_	_	_	_
3-4	وزير	_	_	_	_	_	_	_	_
3	و	و	CCONJ	_	_	_	_	_	_
4	زير	زير	NOUN	_	_	_	_	_	_
5	15	15	X	_	_	_	_	_	_
`, 2 * 3.0 / 9 * 100, 2 * 2.0 / 9 * 100, 75, 100},
	}
	s, _ := Evaluate(read(t, gold), read(t, cases[2].sys))
	if s.UPOSErrors[[2]string{"NUM", "X"}] != 1 || s.UPOSErrorsX != 1 {
		t.Errorf("over-split: UPOS errors %v, %d with X; want NUM->X once", s.UPOSErrors, s.UPOSErrorsX)
	}
	for _, c := range cases {
		s, err := Evaluate(read(t, gold), read(t, c.sys))
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		near := func(a, b float64) bool { return a-b < 0.01 && b-a < 0.01 }
		if !near(s.WordsF1(), c.words) || !near(s.UPOSF1(), c.upos) || !near(s.LemmaAcc(), c.lemma) || !near(s.TokensF1(), c.tok) {
			t.Errorf("%s: got %s, want words %.2f upos %.2f lemma %.2f", c.name, s, c.words, c.upos, c.lemma)
		}
		wrong := 0
		for _, n := range s.UPOSErrors {
			wrong += n
		}
		if wrong != s.AlignedWords-s.UPOSCorrect {
			t.Errorf("%s: %d UPOS errors counted by tag pair, %d aligned words tagged wrong", c.name, wrong, s.AlignedWords-s.UPOSCorrect)
		}
	}
}

func TestMismatch(t *testing.T) {
	other := "1	برلين	_	X	_	_	_	_	_	_\n"
	if _, err := Evaluate(read(t, gold), read(t, other)); err != ErrTextMismatch {
		t.Errorf("got %v, want ErrTextMismatch", err)
	}
}

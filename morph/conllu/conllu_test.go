package conllu

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `# sent_id = s1
# text = وقال للصحافيين: نعم.
1-2	وقال	_	_	_	_	_	_	_	_
1	و	وَ	CCONJ	_	_	_	_	_	_
2	قال	قَال	VERB	_	_	_	_	_	_
3-4	للصحافيين	_	_	_	_	_	_	_	SpaceAfter=No
3	ل	لِ	ADP	_	_	_	_	_	_
4	الصحافيين	صَحَافِيّ	NOUN	_	_	_	_	_	_
5	:	:	PUNCT	_	_	_	_	_	_
6	نعم	نَعَم	INTJ	_	_	_	_	_	SpaceAfter=No
7	.	.	PUNCT	_	_	_	_	_	_

# sent_id = s2
1	برلين	_	X	_	_	_	_	_	_
2	15	_	NUM	_	_	_	_	_	SpaceAfter=No
3	-	_	PUNCT	_	_	_	_	_	SpaceAfter=No
4	7	_	NUM	_	_	_	_	_	_
`

func TestRead(t *testing.T) {
	ss, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	if len(ss) != 2 {
		t.Fatalf("%d sentences, want 2", len(ss))
	}
	s := ss[0]
	if s.ID != "s1" || !s.HasText || len(s.Tokens) != 5 || s.NumWords() != 7 {
		t.Fatalf("bad first sentence: %+v", s)
	}
	if !s.Tokens[1].Multi() || s.Tokens[1].Words[1].Form != "الصحافيين" || s.Tokens[1].SpaceAfter {
		t.Errorf("bad MWT: %+v", s.Tokens[1])
	}
	if got := ss[1].RawText(); got != "برلين 15-7" {
		t.Errorf("rebuilt text %q", got)
	}
}

func TestWriteRoundTrip(t *testing.T) {
	ss, err := Read(strings.NewReader(sample))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, ss); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ss {
		if ss[i].RawText() != back[i].RawText() || ss[i].NumWords() != back[i].NumWords() {
			t.Errorf("sentence %d changed: %q vs %q", i, ss[i].RawText(), back[i].RawText())
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, bad := range []string{"1\tx\n", "3-2\tab\t_\t_\t_\t_\t_\t_\t_\t_\n"} {
		if _, err := Read(strings.NewReader(bad)); err == nil {
			t.Errorf("Read(%q): no error", bad)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("1-3\tx\t_\t_\t_\t_\t_\t_\t_\t_\n1\ta\t_\t_\t_\t_\t_\t_\t_\t_\n")
	f.Fuzz(func(t *testing.T, s string) {
		ss, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		if err := Write(&buf, ss); err != nil {
			t.Fatal(err)
		}
	})
}

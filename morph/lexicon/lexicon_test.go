package lexicon

import (
	"os"
	"path/filepath"
	"testing"
)

func TestFromBuckwalter(t *testing.T) {
	cases := []struct{ in, want string }{
		{"kitAb", "كِتاب"},
		{">abojadiy~", "أَبْجَدِيّ"},
		{"{isotiEodAd", "اِسْتِعْداد"},
		{"mu$okilap", "مُشْكِلَة"},
	}
	for _, c := range cases {
		got, ok := FromBuckwalter(c.in)
		if !ok || got != c.want {
			t.Errorf("FromBuckwalter(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	if _, ok := FromBuckwalter("abc9"); ok {
		t.Error("digit accepted as Buckwalter")
	}
}

func TestBuild(t *testing.T) {
	dir := filepath.Join("..", "..", "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(dir, "bama-1.0")); err != nil {
		t.Skip("../shared/data not available")
	}
	l, err := Build(dir)
	if err != nil {
		t.Fatal(err)
	}
	if l.Flags[Skel("وزير")]&FlagBAMAStem == 0 {
		t.Error("وزير is not a BAMA stem")
	}
	if got := l.StemLemma[Skel("قضاة")]; got != "قاضي" {
		t.Errorf("broken plural قضاة -> %q, want قاضي", got)
	}
	if got := l.WordSpell["اجداد"]; got != "أجداد" {
		t.Errorf("spelling of اجداد = %q, want أجداد", got)
	}
	if got, ok := l.WordSpell["استعداد"]; ok {
		t.Errorf("استعداد respelt %q (hamzat al-wasl takes a bare alef)", got)
	}
}

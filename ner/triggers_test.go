package ner

import (
	"bytes"
	"testing"
)

func TestTriggers(t *testing.T) {
	res, _, err := loadResources()
	if err != nil {
		t.Fatal(err)
	}
	var sents []Sentence
	for range 3 {
		for _, s := range []string{
			"قال حزب الليكود ان",
			"وصل السيد كيري الى مدينة حلب",
			"قال وزير الخارجية لافروف",
			"في برنامج « حكايات » امس",
		} {
			var ws []string
			for _, w := range bytes.Fields([]byte(s)) {
				ws = append(ws, string(w))
			}
			sents = append(sents, Sentence{Words: ws})
		}
	}
	trig := buildTriggers(res, sents)
	tests := []struct {
		key string
		typ int
	}{{"ليكود", typeORG}, {"كيري", typePERS}, {"حلب", typeLOC}, {"لافروف", typePERS}, {"حكايات", typeMISC}}
	for _, tc := range tests {
		e, ok := trig[tc.key]
		if !ok {
			t.Errorf("%s: not in the trigger lexicon", tc.key)
			continue
		}
		if e[tc.typ] != 3 || e[typeO] != 3 {
			t.Errorf("%s: counts %v, want 3 of type %d in 3", tc.key, e, tc.typ)
		}
	}
	if _, ok := trig["قال"]; ok {
		t.Error("قال follows no trigger but is listed")
	}
	// The lexicon file carries both tables.
	ms := &Models{lexicon: map[string]lexEntry{"كيري": {1, 5, 0, 0, 0}}, triggers: trig}
	var buf bytes.Buffer
	if err := ms.WriteLexicon(&buf); err != nil {
		t.Fatal(err)
	}
	var back Models
	if err := back.ReadLexicon(&buf); err != nil {
		t.Fatal(err)
	}
	if len(back.lexicon) != 1 || back.lexicon["كيري"] != ms.lexicon["كيري"] || len(back.triggers) != len(trig) {
		t.Errorf("round trip: %d lexicon and %d trigger entries, want 1 and %d", len(back.lexicon), len(back.triggers), len(trig))
	}
}

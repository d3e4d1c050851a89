package archive

import (
	"path/filepath"
	"slices"
	"testing"

	"khabar"
	"khabar/index"
)

// TestMorphKeys checks, through the whole path (morph-match keys at
// ingest, the surface-to-key record at query time), that inflections meet
// and unrelated words that a light stemmer would join stay apart.
func TestMorphKeys(t *testing.T) {
	if _, err := KeyAnalyzerNamed(KeysMorph); err != nil {
		t.Skipf("morphology model unusable (package morph's tests say why): %v", err)
	}
	dir := filepath.Join(t.TempDir(), "db")
	a, err := Open(dir, OpenOptions{Write: true, Keys: KeysMorph})
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{
		"kanun":  "هطلت أمطار غزيرة في شهر كانون الثاني على لبنان.",
		"kan":    "كان الطقس جميلا أمس في المدينة.",
		"wazir":  "التقى الوزير بالسفراء في العاصمة.",
		"zir":    "عرض مسلسل الزير سالم على الشاشة.",
		"putin":  "قال الرئيس بوتين إن العلاقات جيدة.",
		"bot":    "أطلقت الشركة بوت محادثة ذكيا.",
		"ruasa":  "اجتمع رؤساء الدول العربية في القمة.",
		"raees":  "وصل الرئيس إلى القمة العربية.",
		"mufawd": "استؤنفت المفاوضات بين الجانبين.",
	}
	var recs []Record
	for _, id := range []string{"kanun", "kan", "wazir", "zir", "putin", "bot", "ruasa", "raees", "mufawd"} {
		doc := &khabar.Document{Version: "1", ID: id, Text: texts[id], Lang: "ar"}
		r, err := a.NewRecord(doc, 1)
		if err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if err := a.Commit(recs); err != nil {
		t.Fatal(err)
	}
	a.Close()
	r, err := Open(dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ix, _ := r.Index()
	qa := r.QueryAnalyzer(ix)
	find := func(q string) []string {
		pq, err := index.Parse(q, qa)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range ix.Search(pq, index.Options{}).Hits {
			ids = append(ids, h.ID)
		}
		slices.Sort(ids)
		return ids
	}
	for _, tc := range []struct {
		q       string
		want    []string
		notWant []string
	}{
		{"كانون", []string{"kanun"}, []string{"kan"}},
		{"كان", []string{"kan"}, []string{"kanun"}},
		{"وزير", []string{"wazir"}, []string{"zir"}},
		{"زير", []string{"zir"}, []string{"wazir"}},
		{"بوتين", []string{"putin"}, []string{"bot"}},
		{"بوت", []string{"bot"}, []string{"putin"}},
		{"للوزير", []string{"wazir"}, nil},
		{"مفاوضة", []string{"mufawd"}, nil},
	} {
		got := find(tc.q)
		for _, w := range tc.want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: %v lacks %s", tc.q, got, w)
			}
		}
		for _, w := range tc.notWant {
			if slices.Contains(got, w) {
				t.Errorf("%s: %v has %s (over-stemming)", tc.q, got, w)
			}
		}
	}
}

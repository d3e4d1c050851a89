package wordcluster

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"الأمم", "الامم"},
		{"إسرائيل", "اسراييل"},
		{"مُحَمَّد", "محمد"},
		{"مكتبة", "مكتبه"},
		{"مصطفى", "مصطفي"},
		{"٢٠١٥", "2015"},
		{"Reuters", "reuters"},
		{"plain", "plain"},
		{"ســـوريا", "سوريا"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSplitWords(t *testing.T) {
	var got []string
	SplitWords(`قال "كيري"، في موسكو.`, func(w string) { got = append(got, w) })
	want := []string{"قال", `"`, "كيري", `"`, "،", "في", "موسكو", "."}
	if !slices.Equal(got, want) {
		t.Errorf("SplitWords = %q, want %q", got, want)
	}
}

// TestTrainSeparatesClasses trains on a synthetic corpus with two word
// classes used in two distinct contexts and checks they come apart.
func TestTrainSeparatesClasses(t *testing.T) {
	c := NewCorpus()
	cities := []string{"باريس", "موسكو", "لندن", "روما", "برلين", "مدريد"}
	people := []string{"كيري", "بوتين", "ماكرون", "ميركل", "جونسون", "ترامب"}
	for i := 0; i < 400; i++ {
		c.Add(fmt.Sprintf("وصل الى %s امس", cities[i%len(cities)]))
		c.Add(fmt.Sprintf("قال الرئيس %s ان", people[(i*7)%len(people)]))
	}
	o := Options{Vocab: 100, MinCount: 1, Contexts: 20, Dim: 4, Ks: []int{2, 4}, Iterations: 10, Seed: 1}
	tab, err := Train(c, o)
	if err != nil {
		t.Fatal(err)
	}
	class := func(w string) uint16 {
		e, ok := tab.Lookup(w)
		if !ok || e.NoClass {
			t.Fatalf("%s has no class", w)
		}
		return e.Class[1]
	}
	for _, p := range people {
		for _, q := range cities {
			if class(p) == class(q) {
				t.Errorf("%s and %s share class %d", p, q, class(p))
			}
		}
	}
	var buf bytes.Buffer
	if _, err := tab.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if back.Len() != tab.Len() || !slices.Equal(back.Ks, tab.Ks) {
		t.Fatalf("round trip: %d words %v, want %d %v", back.Len(), back.Ks, tab.Len(), tab.Ks)
	}
	for _, w := range append(cities, people...) {
		a, _ := tab.Lookup(w)
		b, _ := back.Lookup(w)
		if a != b {
			t.Errorf("%s: %+v after round trip, want %+v", w, b, a)
		}
	}
}

func TestTrainRejectsEmpty(t *testing.T) {
	if _, err := Train(NewCorpus(), DefaultOptions()); err == nil {
		t.Error("want error on an empty corpus")
	}
}

func TestEmbeddedTable(t *testing.T) {
	tab, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	a, ok1 := tab.Lookup("موسكو")
	b, ok2 := tab.Lookup("باريس")
	c, ok3 := tab.Lookup("قال")
	if !ok1 || !ok2 || !ok3 {
		t.Fatal("common words missing from the embedded table")
	}
	if b.Class[0] == c.Class[0] {
		t.Errorf("Paris and قال share coarse class %d", b.Class[0])
	}
	if a.Class[0] == c.Class[0] {
		t.Errorf("Moscow and قال share coarse class %d", a.Class[0])
	}
}

func FuzzRead(f *testing.F) {
	var buf bytes.Buffer
	tab := &Table{Ks: []int{2}, entries: map[string]Entry{"a": {Count: 3}}, order: []string{"a"}}
	tab.WriteTo(&buf)
	f.Add(buf.Bytes())
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		Read(bytes.NewReader(b))
	})
}

// TestSkipGramSeparatesClasses learns skip-gram vectors on the synthetic
// corpus of two word kinds in two contexts and checks that their coarsest
// classes come apart, and that a second run with the same seed is equal.
func TestSkipGramSeparatesClasses(t *testing.T) {
	c := NewCorpus()
	cities := []string{"باريس", "موسكو", "لندن", "روما", "برلين", "مدريد"}
	people := []string{"كيري", "بوتين", "ماكرون", "ميركل", "جونسون", "ترامب"}
	for i := 0; i < 400; i++ {
		c.Add(fmt.Sprintf("وصل الى %s امس", cities[i%len(cities)]))
		c.Add(fmt.Sprintf("قال الرئيس %s ان", people[(i*7)%len(people)]))
	}
	o := EmbedOptions{Vocab: 100, MinCount: 1, Dim: 8, Window: 2, Negative: 3, Epochs: 20, Rate: 0.05,
		Ks: []int{2, 4}, ClusterVocab: 100, Iterations: 10, Seed: 1}
	run := func() *Table {
		e, err := TrainEmbeddings(c, o)
		if err != nil {
			t.Fatal(err)
		}
		tab, err := e.Cluster(o)
		if err != nil {
			t.Fatal(err)
		}
		return tab
	}
	tab := run()
	class := func(w string) uint16 {
		e, ok := tab.Lookup(w)
		if !ok || e.NoClass {
			t.Fatalf("%s has no class", w)
		}
		return e.Class[0]
	}
	for _, w := range append(cities[1:], people...) {
		same := class(w) == class(cities[0])
		if want := slices.Contains(cities, w); same != want {
			t.Errorf("%s: same class as %s = %v, want %v", w, cities[0], same, want)
		}
	}
	var a, b bytes.Buffer
	tab.WriteTo(&a)
	run().WriteTo(&b)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs with one seed differ")
	}
}

func TestSkipGramBadOptions(t *testing.T) {
	c := NewCorpus()
	if _, err := TrainEmbeddings(c, DefaultEmbedOptions()); err == nil {
		t.Error("empty corpus: no error")
	}
	c.Add("ا ب ج د")
	if _, err := TrainEmbeddings(c, EmbedOptions{}); err == nil {
		t.Error("zero options: no error")
	}
}

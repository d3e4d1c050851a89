package dedup

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

const wire = `قال وزير الخارجية الأمريكي مايك بومبيو إن الولايات المتحدة ستفرض عقوبات جديدة على إيران
إذا لم توقف برنامجها الصاروخي وأضاف في مؤتمر صحفي في واشنطن أن الإدارة تدرس كل الخيارات المتاحة
مع الحلفاء في أوروبا والشرق الأوسط وأن المحادثات مع الجانب الأوروبي ستستمر الأسبوع المقبل في بروكسل`

func words(s string) []string { return strings.Fields(s) }

func TestSimilarity(t *testing.T) {
	a := Sign(words(wire), nil)
	// The same copy with an outlet's line added and a word changed.
	b := Sign(words("واشنطن (رويترز) - "+strings.Replace(wire, "جديدة", "إضافية", 1)), nil)
	c := Sign(words("فاز ريال مدريد على برشلونة بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء السبت على ملعب سانتياغو برنابيو أمام جمهور غفير وسط أجواء احتفالية كبيرة"), nil)
	if s := Similarity(&a, &a); s != 1 {
		t.Errorf("self similarity %v", s)
	}
	if s := Similarity(&a, &b); s < 0.8 {
		t.Errorf("wire copies %v, want >= 0.8", s)
	}
	if s := Similarity(&a, &c); s > 0.2 {
		t.Errorf("unrelated %v", s)
	}
	dups := Duplicates([]Doc{{Num: 5, Sig: &b}, {Num: 2, Sig: &a}, {Num: 9, Sig: &c}}, 0.8)
	if !reflect.DeepEqual(dups, map[uint32]uint32{5: 2, 2: 2}) {
		t.Errorf("duplicates %v", dups)
	}
}

func TestMarshal(t *testing.T) {
	s := Sign(words(wire), words("وزير خارجيه وزير بومبيو عقوبات ايران ايران ايران في"))
	got, err := Unmarshal(s.Marshal())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(*got, s) {
		t.Errorf("round trip %+v, want %+v", got, s)
	}
	if s.Terms[0] != (TermCount{"ايران", 3}) || len(s.Terms) != 5 {
		t.Errorf("terms %v (function word في must be left out)", s.Terms)
	}
	for _, bad := range [][]byte{nil, {2}, s.Marshal()[:100], append(s.Marshal()[:len(s.Marshal())-2], 0xff)} {
		if _, err := Unmarshal(bad); err == nil {
			t.Errorf("Unmarshal(%d bytes) gave no error", len(bad))
		}
	}
}

func TestStories(t *testing.T) {
	doc := func(num uint32, day int32, src, keys string) Doc {
		s := Sign(nil, words(keys))
		return Doc{Num: num, Date: day, Source: src, Sig: &s}
	}
	docs := []Doc{
		doc(1, 100, "bbc", "زلزال تركيا ضحايا انقاذ زلزال"),
		doc(2, 101, "cnn", "زلزال تركيا انقاذ فرق ضحايا"),
		doc(3, 101, "skynews", "انتخابات العراق نتائج مفوضيه"),
		doc(4, 102, "alarabia", "نتائج انتخابات العراق مفوضيه طعون"),
		doc(5, 110, "bbc", "زلزال تركيا ضحايا انقاذ"), // a week later: a new story
		doc(6, 100, "cnn", "مباراه ريال برشلونه"),
		{Num: 7, Date: math.MinInt32, Sig: docs0()}, // no date: left out
	}
	idf := func(string) float64 { return 1 }
	got := Stories(docs, idf, StoryOptions{Days: 3, Threshold: 0.3})
	var groups [][]uint32
	for _, s := range got {
		groups = append(groups, s.Docs)
	}
	want := [][]uint32{{1, 2}, {6}, {3, 4}, {5}}
	if !reflect.DeepEqual(groups, want) {
		t.Errorf("stories %v, want %v", groups, want)
	}
}

func docs0() *Signature { s := Sign(nil, words("شيء")); return &s }

func FuzzUnmarshal(f *testing.F) {
	s := Sign(words(wire), words("وزير خارجيه"))
	f.Add(s.Marshal())
	f.Fuzz(func(t *testing.T, b []byte) {
		if s, err := Unmarshal(b); err == nil {
			Similarity(s, s)
		}
	})
}

func TestStoriesMaxSpan(t *testing.T) {
	var docs []Doc
	for day := int32(100); day <= 110; day++ {
		s := Sign(nil, words("ازمه كوريا الشماليه نووي"))
		docs = append(docs, Doc{Num: uint32(day), Date: day, Sig: &s})
	}
	got := Stories(docs, func(string) float64 { return 1 }, StoryOptions{Days: 3})
	if len(got) != 2 || len(got[0].Docs) != 8 || got[1].Docs[0] != 108 {
		t.Errorf("a running topic over 11 days: %v, want days 100-107 and 108-110", got)
	}
}

func TestFinder(t *testing.T) {
	a := Sign(words(wire), nil)
	b := Sign(words("واشنطن (رويترز) - "+strings.Replace(wire, "جديدة", "إضافية", 1)), nil)
	c := Sign(words("فاز ريال مدريد على برشلونة بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء السبت على ملعب سانتياغو برنابيو أمام جمهور غفير"), nil)
	f := NewFinder(0.8)
	if _, ok := f.Add(1, &a); ok {
		t.Error("first document marked a copy")
	}
	if _, ok := f.Add(2, &c); ok {
		t.Error("unrelated document marked a copy")
	}
	if o, ok := f.Add(3, &b); !ok || o != 1 {
		t.Errorf("wire copy: %d %v, want copy of 1", o, ok)
	}
	if o, ok := f.Add(4, &a); !ok || o != 1 {
		t.Errorf("third copy: %d %v, want copy of 1 (the group's first)", o, ok)
	}
	// 1 superseded: a new copy is one of 3.
	f.Remove(1)
	if o, ok := f.Add(5, &b); !ok || o != 3 {
		t.Errorf("after removing 1: %d %v, want copy of 3", o, ok)
	}
}

// TestStoriesDrift: a story that moved on from its first articles (a chain
// of developments) must not take an article that only resembles its
// beginning; a whole-story centroid keeps every side topic and does.
func TestStoriesDrift(t *testing.T) {
	chain := []string{"aaa bbb ccc ddd", "aaa bbb ccc eee", "bbb ccc eee fff", "ccc eee fff ggg", "eee fff ggg hhh", "aaa bbb ddd iii"}
	var docs []Doc
	for i, keys := range chain {
		s := Sign(nil, words(keys))
		docs = append(docs, Doc{Num: uint32(i + 1), Date: 100, Sig: &s})
	}
	idf := func(string) float64 { return 1 }
	for _, tc := range []struct {
		name string
		opt  StoryOptions
		want int // stories; the chain 1-5 is always the first
	}{
		{"latest two", StoryOptions{}, 2},
		{"whole story", StoryOptions{Recent: 1 << 30, Threshold: 0.3}, 1},
	} {
		got := Stories(docs, idf, tc.opt)
		if len(got) != tc.want || len(got[0].Docs) < 5 {
			t.Errorf("%s: %v, want %d stories", tc.name, got, tc.want)
		}
	}
}

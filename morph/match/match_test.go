package match

import (
	"strings"
	"testing"
	"unicode/utf8"

	"khabar/morph"
)

func newAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := morph.Load()
	if err != nil {
		t.Skipf("no morphology model: %v", err)
	}
	return New(a)
}

// term analyses a single word.
func term(t *testing.T, m *Analyzer, w string) string {
	t.Helper()
	ks := m.Keys(w)
	if len(ks) != 1 {
		t.Fatalf("Keys(%q) = %v, want one key", w, ks)
	}
	return ks[0].Term
}

// apart lists words that light stemmers conflate with another word (or with
// a non-word they cut it down to); the match terms must differ. The second
// column is what Lucene light10 / Snowball / a root stemmer leaves or maps
// the first word to.
var apart = [][2]string{
	// Letters that look like proclitics but belong to the word.
	{"وزير", "زير"}, {"وزارة", "زارة"}, {"واشنطن", "اشنطن"}, {"وكالة", "كالة"}, {"وفد", "فد"},
	{"وقف", "قف"}, {"وعد", "عد"}, {"ولاية", "لاية"}, {"وصل", "صل"}, {"وطن", "طن"},
	{"ولد", "لد"}, {"وجه", "جه"}, {"وضع", "ضع"}, {"وقت", "قت"}, {"واقع", "اقع"},
	{"بوتين", "وتين"}, {"بلد", "لد"}, {"بحث", "حث"}, {"بنك", "نك"}, {"بيت", "يت"},
	{"بدل", "دل"}, {"بنت", "نت"}, {"بحر", "حر"}, {"برلين", "رلين"}, {"بريطانيا", "ريطانيا"},
	{"بغداد", "غداد"}, {"بيروت", "يروت"}, {"بيان", "يان"}, {"بطل", "طل"}, {"بعد", "عد"},
	{"لبنان", "بنان"}, {"لجنة", "جنة"}, {"لندن", "ندن"}, {"لقاء", "قاء"}, {"ليبيا", "يبيا"},
	{"لحم", "حم"}, {"لعب", "عب"}, {"لون", "ون"}, {"ليل", "يل"}, {"لغة", "غة"},
	{"فلسطين", "لسطين"}, {"فرنسا", "رنسا"}, {"فكرة", "كرة"}, {"فصل", "صل"}, {"فندق", "ندق"},
	{"فريق", "ريق"}, {"فترة", "ترة"}, {"فيلم", "يلم"}, {"فوز", "وز"}, {"فرح", "رح"},
	{"كتاب", "تاب"}, {"كلام", "لام"}, {"كبير", "بير"}, {"كرة", "رة"}, {"كندا", "ندا"},
	{"كوريا", "وريا"}, {"كأس", "أس"}, {"كمية", "مية"}, {"كلمة", "لمة"}, {"كيان", "يان"},
	{"سلام", "لام"}, {"سوريا", "وريا"}, {"سفير", "فير"}, {"سياسة", "ياسة"}, {"سنة", "نة"},
	// Endings that look like suffixes but belong to the word.
	{"كانون", "كان"}, {"لبنان", "لبن"}, {"بوتين", "بوت"}, {"زيتون", "زيت"}, {"قانون", "قان"},
	{"عمان", "عم"}, {"طهران", "طهر"}, {"حسين", "حس"}, {"ياسين", "ياس"}, {"انسان", "انس"},
	{"جامعة", "جامع"}, {"مدينة", "مدين"}, {"كلية", "كلي"}, {"سنة", "سن"}, {"غزة", "غز"},
	{"حياة", "حي"}, {"ساعة", "ساع"}, {"قاعدة", "قاعد"}, {"نهاية", "نهاي"}, {"بداية", "بداي"},
	{"شهادة", "شهاد"}, {"مادة", "ماد"}, {"عادة", "عاد"}, {"فلسطين", "فلسط"}, {"الصين", "الص"},
	// Words of one root that a root stemmer merges.
	{"مكتب", "كتاب"}, {"كاتب", "كتاب"}, {"مكتبة", "مكتب"}, {"عالم", "علم"}, {"معلم", "علم"},
	{"إسلام", "سلام"}, {"مسلم", "سلام"}, {"وزارة", "وزير"}, {"حكومة", "حكم"}, {"محكمة", "حكومة"},
	{"عامل", "عمل"}, {"دولي", "دولة"}, {"رئاسة", "رئيس"}, {"مجلس", "جلسة"}, {"اقتصادي", "اقتصاد"},
	{"سياسي", "سياسة"}, {"مدرسة", "درس"}, {"مستشفى", "شفاء"}, {"مطار", "طائرة"}, {"جمهورية", "جمهور"},
	{"منظمة", "نظام"}, {"قرار", "مقر"}, {"مشروع", "شرع"}, {"مؤتمر", "أمر"}, {"رسالة", "رسول"},
}

// meet lists groups of inflected and cliticised forms that must share one
// term: definite article, proclitics, enclitics, feminine, sound and
// broken plurals.
var meet = [][]string{
	{"الرئيس", "رئيس", "والرئيس", "للرئيس", "رؤساء", "الرؤساء", "برئيس"},
	{"المفاوضات", "مفاوضات", "مفاوضة", "والمفاوضات", "بالمفاوضات"},
	{"الوزير", "وزير", "والوزير", "للوزير", "وزراء", "الوزراء"},
	{"الحكومة", "حكومة", "والحكومة", "للحكومة", "حكومات", "الحكومات", "بالحكومة"},
	{"الدولة", "دولة", "والدولة", "للدولة", "الدول", "دول"},
	{"المدينة", "مدينة", "بالمدينة", "المدن", "مدن"},
	{"الشركة", "شركة", "والشركة", "شركات", "الشركات"},
	{"الانتخابات", "انتخابات", "الانتخاب", "انتخاب"},
	{"القوات", "قوات", "القوة", "قوة"},
	{"الجيش", "جيش", "والجيش", "للجيش"},
	{"المنطقة", "منطقة", "مناطق", "المناطق"},
	{"السفير", "سفير", "سفراء", "السفراء"},
	{"الطفل", "طفل", "أطفال", "الأطفال", "والأطفال"},
	{"المسؤول", "مسؤول", "المسؤولين", "مسؤولين"},
	{"الأمريكية", "الامريكية", "أمريكي", "الأمريكي"},
	{"الاتفاق", "اتفاق", "والاتفاق", "بالاتفاق"},
	{"المجلس", "مجلس", "والمجلس", "مجالس"},
	{"القرار", "قرار", "القرارات", "قرارات"},
	{"الشعب", "شعب", "شعوب", "الشعوب"},
	{"المعارضة", "معارضة", "والمعارضة"},
	{"الاقتصادية", "اقتصادية", "الاقتصادي", "اقتصادي"},
	{"الفلسطينيين", "فلسطينيين", "الفلسطيني", "فلسطيني"},
}

// realWords are the second members of apart pairs that are words in their
// own right (زير, كان, لبن ...): their terms must differ from their
// partner's. The other second members are the non-words a light stemmer
// cuts the first down to (اشنطن): the first's term must just not be that.
var realWords = map[string]bool{
	"زير": true, "قف": true, "عد": true, "صل": true, "طن": true, "لد": true, "حث": true, "دل": true,
	"حر": true, "طل": true, "جنة": true, "لام": true, "كرة": true, "تاب": true, "ندا": true, "قد": true,
	"كان": true, "لبن": true, "بوت": true, "زيت": true, "عم": true, "طهر": true, "حس": true, "جامع": true,
	"مدين": true, "كلي": true, "سن": true, "حي": true, "قاعد": true, "عاد": true, "بنان": true, "وز": true,
	"مكتب": true, "كتاب": true, "علم": true, "سلام": true, "وزير": true, "حكم": true, "حكومة": true,
	"عمل": true, "دولة": true, "رئيس": true, "جلسة": true, "اقتصاد": true, "سياسة": true, "درس": true,
	"شفاء": true, "طائرة": true, "جمهور": true, "نظام": true, "مقر": true, "شرع": true, "أمر": true, "رسول": true,
	"وتين": true, "ياس": true, "انس": true, "ماد": true,
}

func TestApart(t *testing.T) {
	m := newAnalyzer(t)
	norm := func(s string) string { return m.norm.String(s) }
	n := 0
	for _, p := range apart {
		a := term(t, m, p[0])
		if a == norm(p[1]) {
			t.Errorf("%s gives %q, the light stemmer's cut; it must stay whole", p[0], a)
		}
		if realWords[p[1]] {
			if b := term(t, m, p[1]); a == b {
				t.Errorf("%s and %s both give %q; they must stay apart", p[0], p[1], a)
			}
		}
		n++
	}
	if n < 100 {
		t.Errorf("only %d apart pairs; the issue asks for 100", n)
	}
}

func TestMeet(t *testing.T) {
	m := newAnalyzer(t)
	forms := 0
	for _, g := range meet {
		want := term(t, m, g[0])
		for _, w := range g[1:] {
			if got := term(t, m, w); got != want {
				t.Errorf("%s gives %q, %s gives %q; they must meet", g[0], want, w, got)
			}
		}
		forms += len(g)
	}
	if forms < 100 {
		t.Errorf("only %d inflected forms; the issue asks for 100", forms)
	}
}

func TestKeysSpans(t *testing.T) {
	m := newAnalyzer(t)
	text := "وقال الرئيس للصحافيين، في 15-7: إن المفاوضات مستمرة."
	ks := m.Keys(text)
	runes := []rune(text)
	if len(ks) == 0 {
		t.Fatal("no keys")
	}
	last := -1
	for _, k := range ks {
		if k.Start < last || k.End <= k.Start || k.End > len(runes) {
			t.Fatalf("bad span %+v in %d runes", k, len(runes))
		}
		last = k.End
		if strings.ContainsAny(k.Term, "،:.") {
			t.Errorf("punctuation in term %+v", k)
		}
		if !utf8.ValidString(k.Term) || k.Term == "" {
			t.Errorf("bad term %+v", k)
		}
	}
	got := map[string]bool{}
	for _, k := range ks {
		got[string(runes[k.Start:k.End])+"="+k.Term] = true
	}
	for _, want := range []string{"الرئيس=رييس", "15=15", "7=7"} {
		if !got[want] {
			t.Errorf("missing key %s in %v", want, ks)
		}
	}
}

func FuzzKeys(f *testing.F) {
	a, err := morph.Load()
	if err != nil {
		f.Skip("no morphology model")
	}
	m := New(a)
	f.Add("وقال الرئيس للصحافيين، في 15-7: إن المفاوضات مستمرة.")
	f.Add("لـCNN و\"داعش\" 3.5% ...")
	f.Add("\xff\xfeبـ")
	f.Fuzz(func(t *testing.T, s string) {
		n := utf8.RuneCountInString(s)
		for _, k := range m.Keys(s) {
			if k.Start < 0 || k.End > n || k.Start >= k.End {
				t.Fatalf("bad span %+v for %q", k, s)
			}
		}
	})
}

func BenchmarkKeys(b *testing.B) {
	m := newAnalyzer(b)
	text := strings.Repeat("وقال الرئيس للصحافيين في بيروت إن المفاوضات مع الحكومة اللبنانية مستمرة. ", 20)
	words := len(strings.Fields(text))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		m.Keys(text)
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

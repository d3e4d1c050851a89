package temporal

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRecognize checks that any text gives well-formed timexes: offsets
// inside the text and matching Text, increasing and disjoint spans, known
// types, ids t1..tn, and no dct anchor without a dct.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		"يبحث كيري في موسكو الثلثاء",
		"الجمعة (11 ديسمبر / كانون الأول 2015).",
		"في 18 كانون الاول/ديسمبر",
		"15 رمضان 1437 هـ الموافق 20 يونيو 2016",
		"الساعة الثالثة بعد الظهر 14:30 بتوقيت غرينتش",
		"من 3 الى 5 مارس بين عامي 2011 و2013",
		"منذ ثلاثة أشهر قبل عامين كل اسبوع يوميا",
		"الـ14 من أكتوبر/ تشرين الأول العام 1981",
		"١١ ديسمبر ٢٠١٥ ۲۰۱۴ 9999 0:00 99:99",
		"للعام لل ال الـ و ب 1438هـ هـ",
		"\xff\xfe الخميس \u200f\u0640",
	} {
		f.Add(s, "2015-12-11")
		f.Add(s, "")
	}
	f.Add("أمس", "garbage")
	f.Fuzz(func(t *testing.T, text, dct string) {
		xs := Find(text, dct, nil, nil)
		n := utf8.RuneCountInString(text)
		rs := []rune(text)
		last := 0
		_, dctOK := parseDCT(dct).t, parseDCT(dct).ok
		for i, x := range xs {
			if x.Start < last || x.End <= x.Start || x.End > n {
				t.Fatalf("bad span %d..%d (previous end %d, text %d runes): %+v", x.Start, x.End, last, n, xs)
			}
			last = x.End
			if x.Text != string(rs[x.Start:x.End]) {
				t.Fatalf("text %q does not match offsets", x.Text)
			}
			if x.ID != "t"+itoa(i+1) {
				t.Fatalf("id %q at %d", x.ID, i)
			}
			switch x.Type {
			case "DATE", "TIME", "DURATION", "SET":
			default:
				t.Fatalf("type %q", x.Type)
			}
			if x.Value == "" {
				t.Fatalf("empty value: %+v", x)
			}
			if !dctOK && x.Anchor == "dct" {
				t.Fatalf("anchored to an absent dct: %+v", x)
			}
			if strings.HasPrefix(x.Anchor, "t") {
				found := false
				for _, y := range xs {
					found = found || y.ID == x.Anchor && y.ID != x.ID
				}
				if !found {
					t.Fatalf("anchor %q names no other timex", x.Anchor)
				}
			}
		}
	})
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}

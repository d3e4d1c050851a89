package dateline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func TestFind(t *testing.T) {
	long := strings.Repeat("كلام ", 90) // 450 code points of body text
	tests := []struct {
		name     string
		text     string
		fallback int
		want     string // "" = not found
		span     string // the expression text[Start:End], checked when set
		guessed  bool
		conflict bool
	}{
		{"seed form", "اعلنت واشنطن اليوم الجمعة (11 ديسمبر / كانون الأول 2015).", 0, "2015-12-11", "11 ديسمبر / كانون الأول 2015", false, false},
		{"agency day-month", "بيروت - 15-7 (اف ب) - قال مسؤول", 2016, "2016-07-15", "15-7", true, false},
		{"agency with place note", "لونغ بيتش (الولايات المتحدة) 15-7 (اف ب)- اعلنت الشرطة", 2015, "2015-07-15", "15-7", true, false},
		{"agency dotted", "القدس 3/11 (أ.ف.ب) - ", 2017, "2017-11-03", "3/11", true, false},
		{"agency without fallback year", "بيروت - 15-7 (اف ب) - قال مسؤول", 0, "", "", false, false},
		{"named month comma", "الرياض، 3 مارس 2018 - اعلنت الوزارة", 0, "2018-03-03", "3 مارس 2018", false, false},
		{"ymd slash", "نشر في 2018/03/03 على الموقع", 0, "2018-03-03", "2018/03/03", false, false},
		{"ymd dash", "2018-03-03 الرياض", 0, "2018-03-03", "2018-03-03", false, false},
		{"dmy slash day first", "03/04/2018 عمان", 0, "2018-04-03", "03/04/2018", false, false},
		{"dmy dots", "تونس 25.12.2019 - ", 0, "2019-12-25", "25.12.2019", false, false},
		{"mdy only when day first impossible", "03/25/2018", 0, "2018-03-25", "", false, false},
		{"reuters levantine pair", "القاهرة في 5 يناير/كانون الثاني 2019 (رويترز) - ", 0, "2019-01-05", "5 يناير/كانون الثاني 2019", false, false},
		{"arabic-indic digits", "دمشق ١١ ديسمبر ٢٠١٥", 0, "2015-12-11", "١١ ديسمبر ٢٠١٥", false, false},
		{"persian month name is not arabic", "۱۱ دسامبر", 2015, "", "", false, false},
		{"extended arabic-indic digits", "۱۱ ديسمبر ۲۰۱۵", 0, "2015-12-11", "", false, false},
		{"levantine only", "بيروت 2 تشرين الثاني 2020", 0, "2020-11-02", "2 تشرين الثاني 2020", false, false},
		{"levantine no hamza", "14 تشرين الاول 2016", 0, "2016-10-14", "", false, false},
		{"maghrebi", "الجزائر 4 جويلية 2021", 0, "2021-07-04", "", false, false},
		{"maghrebi aout", "تونس في 13 أوت 2020", 0, "2020-08-13", "", false, false},
		{"egyptian yunyah", "القاهرة 30 يونيه 2013", 0, "2013-06-30", "", false, false},
		{"ibril no hamza", "1 ابريل 2014", 0, "2014-04-01", "", false, false},
		{"persian yeh in february", "9 فبرایر 2016", 0, "2016-02-09", "", false, false},
		{"men shahr", "الرباط 5 من شهر ماي 2017", 0, "2017-05-05", "5 من شهر ماي 2017", false, false},
		{"aam before year", "في 7 أيار عام 2012", 0, "2012-05-07", "", false, false},
		{"parenthesised alt month", "11 ديسمبر (كانون الأول) 2015", 0, "2015-12-11", "11 ديسمبر (كانون الأول) 2015", false, false},
		{"named month without year", "الرياض، 3 مارس - اعلنت", 2018, "2018-03-03", "3 مارس", true, false},
		{"named month without year, no fallback", "الرياض، 3 مارس - اعلنت", 0, "", "", false, false},
		{"weekday agrees", "الجمعة 11 ديسمبر 2015", 0, "2015-12-11", "", false, false},
		{"weekday contradicts: numbers win", "الخميس (11 ديسمبر 2015)", 0, "2015-12-11", "", false, true},
		{"tuesday classical spelling contradicts", "الثلثاء 11 ديسمبر 2015", 0, "2015-12-11", "", false, true},
		{"31 february", "31 فبراير 2018", 0, "", "", false, false},
		{"29 february leap", "29 فبراير 2016", 0, "2016-02-29", "", false, false},
		{"29 february fallback non-leap", "29 فبراير", 2018, "", "", false, false},
		{"invalid numeric", "2018/02/30", 0, "", "", false, false},
		{"number not a date", "قتل 15 شخصا واصيب 30 آخرون في انفجار", 2015, "", "", false, false},
		{"score is not a date", "فاز الفريق 3-1 على منافسه", 2015, "", "", false, false},
		{"score with note in parentheses", "فاز الفريق 3-1 (الشوط الاول 1-0)", 2015, "", "", false, false},
		{"percent", "ارتفع المؤشر 3.5 بالمئة", 2015, "", "", false, false},
		{"hijri year", "29 صفر 1437", 0, "", "", false, false},
		{"hijri then gregorian", "الجمعة 29 صفر 1437 الموافق 11 ديسمبر 2015", 0, "2015-12-11", "11 ديسمبر 2015", false, false},
		{"qabl blocks", "قال انه قبل 3 مارس 2018 لم يكن", 0, "", "", false, false},
		{"munthu blocks", "منذ 2014/06/10 والمدينة", 0, "", "", false, false},
		{"range end blocked", "من 3 الى 5 مارس 2018", 0, "", "", false, false},
		{"phone number", "للاتصال 01-02-2018-55", 0, "", "", false, false},
		{"year out of range", "03/03/2218", 0, "", "", false, false},
		{"deep in body", "عنوان\nسطر اول بلا تاريخ\nقبل وبعد 3 مارس 2018", 0, "", "", false, false},
		{"beyond the window", long + "3 مارس 2018", 0, "", "", false, false},
		{"second line", "عنوان الخبر\n\nبيروت 3 مارس 2018 (اف ب)", 0, "2018-03-03", "3 مارس 2018", false, false},
		{"empty", "", 2015, "", "", false, false},
		{"today with comma", "قالت الوزارة: اليوم، 7 أكتوبر، تلقت الأمانة", 2018, "2018-10-07", "7 أكتوبر", true, false},
		{"today deep in a long first line", strings.Repeat("كلام ", 40) + "اليوم الأحد 22 ابريل/نيسان بيوم الأرض", 2018, "2018-04-22", "22 ابريل/نيسان", true, false},
		{"month named twice without slash", "اليوم الاثنين (5 مارس آذار) إن", 2018, "2018-03-05", "5 مارس آذار", true, false},
		{"weekday then parenthesised date", "اعلن الوزير الجمعة (11 ديسمبر 2015) ان", 0, "2015-12-11", "", false, false},
		{"published cue", "نشر في: 2018/03/03", 0, "2018-03-03", "", false, false},
		{"wa-fi mention at line start", "وفي 23 نيسان/إبريل 2005، نشر الشاب", 0, "", "", false, false},
		{"birth date runs on into the sentence", "ولد أليكس جونس في 11 فبراير/شباط عام 1974 في دالاس", 0, "", "", false, false},
		{"relative word after", "تنطلق البطولة في 9 أبريل المقبل", 2018, "", "", false, false},
		{"relative word before", "يوم الاثنين الماضي الموافق لـ 7 أكتوبر", 2018, "", "", false, false},
		{"yawm weekday parenthesised is a mention", "في خطاب ألقاه عبر التلفزيون يوم الأربعاء (29 أغسطس آب).", 2018, "", "", false, false},
		{"parenthesised mention without weekday", "في ولاية رابعة (14 آذار/مارس 2018)، أعلن", 0, "", "", false, false},
		{"clitic on the number", "بدأت في الـ15 من مارس/ آذار العام 2011", 0, "", "", false, false},
		{"second line after a long first line", strings.Repeat("كلام ", 30) + "\nالرياض، 3 مارس 2018 - ", 0, "", "", false, false},
		{"saudi hijri and gregorian", "الرياض 29 صفر 1437 هـ الموافق 11 ديسمبر 2015 م", 0, "2015-12-11", "11 ديسمبر 2015", false, false},
		{"month word alone", "آب 2015", 0, "", "", false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ok := Find(tt.text, tt.fallback)
			if tt.want == "" {
				if ok {
					t.Fatalf("Find(%q) = %v, want not found", tt.text, d)
				}
				return
			}
			if !ok {
				t.Fatalf("Find(%q) not found, want %s", tt.text, tt.want)
			}
			if d.Date != tt.want || d.YearGuessed != tt.guessed || d.WeekdayConflict != tt.conflict {
				t.Errorf("Find(%q) = %v, want %s guessed=%v conflict=%v", tt.text, d, tt.want, tt.guessed, tt.conflict)
			}
			if tt.span != "" {
				if got := substr(tt.text, d.Start, d.End); got != tt.span {
					t.Errorf("span [%d,%d) = %q, want %q", d.Start, d.End, got, tt.span)
				}
			}
		})
	}
}

func TestSeedArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed-article.txt"))
	if err != nil {
		t.Skipf("seed article not available: %v", err)
	}
	text := string(raw)
	d, ok := Find(text, 0)
	if !ok || d.Date != "2015-12-11" || d.WeekdayConflict {
		t.Fatalf("seed article: Find = %v, %v; want 2015-12-11", d, ok)
	}
	if got := substr(text, d.Start, d.End); got != "11 ديسمبر / كانون الأول 2015" {
		t.Errorf("seed article span = %q", got)
	}
	// Without its first line the opening has no date: "18 كانون الاول/ديسمبر"
	// further down is a date the article talks about.
	_, rest, _ := strings.Cut(text, "\n")
	if d, ok := Find(rest, 2015); ok {
		t.Errorf("seed article without its dateline: Find = %v, want not found", d)
	}
}

func substr(s string, start, end int) string {
	r := []rune(s)
	if start < 0 || end > len(r) || start > end {
		return "<bad span>"
	}
	return string(r[start:end])
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"اعلنت واشنطن اليوم الجمعة (11 ديسمبر / كانون الأول 2015).",
		"بيروت - 15-7 (اف ب) - قال",
		"لونغ بيتش (الولايات المتحدة) 15-7 (اف ب)-",
		"الرياض، 3 مارس 2018",
		"2018/03/03", "2018-03-03", "03/03/2018", "03/25/2018",
		"القاهرة في 5 يناير/كانون الثاني 2019 (رويترز)",
		"١١ ديسمبر ٢٠١٥", "31 فبراير 2018", "29 فبراير",
		"3-", "(", "11 ديسمبر (", "1-2-3-4-5", "\xff\xfe 3 مارس",
		"\n\n\n5 أوت", "99999999999999999999/1/1",
	} {
		f.Add(s, 0)
		f.Add(s, 2015)
	}
	f.Fuzz(func(t *testing.T, text string, fallback int) {
		d, ok := Find(text, fallback)
		if !ok {
			if d != (Dateline{}) {
				t.Fatalf("not found but non-zero result %v", d)
			}
			return
		}
		n := utf8.RuneCountInString(text)
		if d.Start < 0 || d.Start >= d.End || d.End > n {
			t.Fatalf("span [%d,%d) outside text of %d code points", d.Start, d.End, n)
		}
		if d.Start >= WindowRunes {
			t.Fatalf("dateline starts at %d, beyond the window", d.Start)
		}
		tm, err := time.Parse(time.DateOnly, d.Date)
		if err != nil {
			t.Fatalf("Date %q: %v", d.Date, err)
		}
		if tm.Year() < minYear || tm.Year() > maxYear {
			t.Fatalf("Date %q out of range", d.Date)
		}
		if d.YearGuessed && tm.Year() != fallback {
			t.Fatalf("year guessed but %d != fallback %d", tm.Year(), fallback)
		}
	})
}

func BenchmarkFindSeedArticle(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("..", "..", "testdata", "seed-article.txt"))
	if err != nil {
		b.Skipf("seed article not available: %v", err)
	}
	text := string(raw)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, ok := Find(text, 0); !ok {
			b.Fatal("no dateline")
		}
	}
}

// Package calendar names the Gregorian months and the weekdays in Arabic: the
// MSA (Egyptian/Gulf) names, the Levantine/Iraqi Syriac names, the Maghrebi
// French-derived names and the Moroccan/Mauritanian ones, with the spelling
// variants news text uses (hamza forms, ta marbuta, Persian yeh, ...).
//
// The base table is generated from the CLDR data of all 28 Arabic locales
// (cldr_names.go, see internal/gencldr); variants.go adds the spellings CLDR
// does not list. Lookups fold the spelling first, so callers pass a word as
// it stands in the text (without clitics such as و or ب).
//
// The package does no I/O; its tables are built once at init.
package calendar

//go:generate go run ./internal/gencldr -cldr ../../../shared/data/cldr-ar -o cldr_names.go

import (
	"strings"
	"time"
	"unicode"
)

// cldrName is one spelling of a month (1..12) or weekday (0 = Sunday).
type cldrName struct {
	name  string
	value int
}

var (
	monthByName   = map[string]int{}
	weekdayByName = map[string]time.Weekday{}
)

func init() {
	for _, table := range [][]cldrName{cldrMonths, variantMonths} {
		for _, e := range table {
			monthByName[fold(e.name)] = e.value
		}
	}
	for _, table := range [][]cldrName{cldrWeekdays, variantWeekdays} {
		for _, e := range table {
			weekdayByName[stripArticle(fold(e.name))] = time.Weekday(e.value)
		}
	}
}

// Month returns the month number (1 = January) of a Gregorian month name in
// any Arabic spelling: يناير, كانون الثاني, جانفي, فبرایر, ابريل, يونيه,
// تشرين الاول, ... Two-word Levantine names are given with their space (any
// run of white space is accepted), with or without the article on the
// second word (تشرين أول). Hamza and alef forms, ta marbuta, alef maqsura,
// Persian yeh and kaf, diacritics and tatweel are folded before lookup.
//
// Beware that folding makes آب (August) and أب (father) the same word: a
// caller that scans running text should only trust a month name next to a
// day number or a year.
func Month(word string) (int, bool) {
	m, ok := monthByName[fold(word)]
	return m, ok
}

// Weekday returns the day of a weekday name in any usual spelling, with or
// without the article: الثلاثاء/الثلثاء/ثلاثاء, الأربعاء/الاربعاء,
// الاثنين/الإثنين/اثنين, الأحد/الاحد, الجمعة/الجمعه, الخميس, السبت.
//
// أحد also means "one (of)" and سبت is rare outside dates: the lookup is
// lexical only, context is the caller's business.
func Weekday(word string) (time.Weekday, bool) {
	d, ok := weekdayByName[stripArticle(fold(word))]
	return d, ok
}

// stripArticle removes a leading ال from a folded word that is long enough
// to keep a stem of at least three letters.
func stripArticle(w string) string {
	if rest, ok := strings.CutPrefix(w, "ال"); ok && len([]rune(rest)) >= 3 {
		return rest
	}
	return w
}

// fold maps a word to the lookup form: diacritics, tatweel and format
// characters dropped, أ إ آ ٱ -> ا, ة -> ه, ى and Persian ی -> ي, Persian
// ک -> ك, and white-space runs (including no-break space) -> one space.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case r == 'ـ' || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Cf, r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ة':
			r = 'ه'
		case 'ى', 'ی', 'ې', 'ێ':
			r = 'ي'
		case 'ک':
			r = 'ك'
		}
		b.WriteRune(r)
	}
	return b.String()
}

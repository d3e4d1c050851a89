package temporal

import (
	"strings"
	"unicode/utf8"

	"khabar/temporal/calendar"
	"khabar/temporal/hijri"
)

// keyWords are the words (full form or stem) that can begin an expression
// or stand inside one; a word that is none of these, nor a month or weekday
// name, is skipped without trying the patterns.
var keyWords = buildKeyWords()

func buildKeyWords() map[string]bool {
	keyWords := map[string]bool{}
	for _, set := range []map[string]bool{
		keysOf(durUnits), keysOf(cardinals), keysOf(ordinals), keysOf(hourWords), keysOf(dayShift),
		keysOf(partOfDay), keysOf(partOfDayAdv), keysOf(relDir), keysOf(pluralDir), keysOf(edgeMods),
		keysOf(calUnits), keysOf(pluralUnits), keysOf(setWords), keysOf(refAdverbs), keysOf(seasons), keysOf(decades),
	} {
		for k := range set {
			keyWords[k] = true
		}
	}
	for _, w := range strings.Fields(`ال يوم اليوم شهر عام العام سنه السنه عامي سنتي هذا هذه قبل منذ كل الساعه ساعه منتصف بعد فصل
قرن القرن ربع الربع نصف النصف الوقت وقت الاونه المستقبل الفتره المرحله الماضي اول امس الامس غدا الغد غد الليله البارحه
الان اليومي نحو حوالي شهر بتوقيت توقيت الحال مثل اللحظه اخيرا`) {
		keyWords[w] = true
	}
	for _, w := range prepTriggers {
		keyWords[w] = true
	}
	return keyWords
}

func keysOf[T any](m map[string]T) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// isKey reports whether a word (given by its readings) may take part in an
// expression.
func isKey(an []reading) bool {
	for _, r := range an {
		if keyWords[r.stem] || keyWords[r.full] {
			return true
		}
	}
	for _, r := range an {
		if !calendarPrefix(r.stem) {
			continue
		}
		if r.def {
			if _, ok := calendar.Weekday(r.full); ok {
				return true
			}
			continue
		}
		if _, ok := calendar.Month(r.full); ok {
			return true
		}
		if _, ok := calendar.Weekday(r.full); ok {
			return true
		}
	}
	for _, r := range an {
		if _, ok := hijri.Month(r.full); ok {
			return true
		}
		if r.full == "كانون" || r.full == "تشرين" || r.full == "ربيع" || r.full == "جمادي" || r.full == "ذو" || r.full == "ذي" || r.full == "ذا" {
			return true
		}
	}
	return false
}

// calendarPrefixes are the first two letters (match-normalised, article
// off) of every Gregorian month and weekday name package calendar knows;
// TestCalendarPrefixes keeps the list in step with its tables. Calling the
// calendar only for these words keeps its folding off the hot path.
var calendarPrefixes = map[string]bool{}

func init() {
	for _, p := range strings.Fields("اب ات اث اح اذ ار اغ اف اك او اي تش تم ثل جا جم جو حز خم دج دي سب شب شت غش فب في كا ما نو ني ين يو") {
		calendarPrefixes[p] = true
	}
}

func calendarPrefix(w string) bool {
	if len(w) < 4 { // two Arabic letters are four bytes
		return false
	}
	_, a := utf8.DecodeRuneInString(w)
	_, b := utf8.DecodeRuneInString(w[a:])
	return calendarPrefixes[w[:a+b]]
}

// Package hijri converts between the Islamic (Hijri) calendar and the
// Gregorian calendar, and names the Hijri months in Arabic.
//
// The conversion is the tabular (arithmetical) Islamic calendar: months of
// 30 and 29 days alternately, Dhu al-Hijja of 30 days in the 11 leap years of
// each 30-year cycle (2, 5, 7, 10, 13, 16, 18, 21, 24, 26, 29), epoch
// 1 Muharram 1 AH = Friday 16 July 622 (Julian). Real month starts follow the
// sighting of the crescent or the Umm al-Qura tables of Saudi Arabia, so a
// date converted here may differ from the official one by a day, rarely two.
// Callers that have a Gregorian date written next to the Hijri one (الموافق)
// should prefer it.
//
// The package does no I/O and keeps no mutable state.
package hijri

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// epochJDN is the Julian day number of 1 Muharram 1 AH (civil epoch).
const epochJDN = 1948440

// Valid reports whether y-m-d is a date of the tabular Hijri calendar.
func Valid(y, m, d int) bool {
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= MonthLength(y, m)
}

// IsLeap reports whether Hijri year y has 355 days.
func IsLeap(y int) bool { return mod(14+11*y, 30) < 11 }

// MonthLength is the number of days of month m of Hijri year y.
func MonthLength(y, m int) int {
	if m == 12 && IsLeap(y) {
		return 30
	}
	if m%2 == 1 {
		return 30
	}
	return 29
}

// toJDN is the Julian day number of a tabular Hijri date.
func toJDN(y, m, d int) int {
	return d + (59*(m-1)+1)/2 + (y-1)*354 + floorDiv(3+11*y, 30) + epochJDN - 1
}

// ToGregorian converts a Hijri date to the Gregorian calendar (UTC midnight).
func ToGregorian(y, m, d int) (time.Time, error) {
	if !Valid(y, m, d) {
		return time.Time{}, fmt.Errorf("hijri: invalid date %d-%02d-%02d", y, m, d)
	}
	return fromJDN(toJDN(y, m, d)), nil
}

// FromGregorian converts the calendar date of t to the tabular Hijri calendar.
func FromGregorian(t time.Time) (y, m, d int) {
	jdn := gregorianJDN(t.Year(), int(t.Month()), t.Day())
	y = floorDiv(30*(jdn-epochJDN)+10646, 10631)
	m = 1
	for m < 12 && jdn >= toJDN(y, m+1, 1) {
		m++
	}
	d = jdn - toJDN(y, m, 1) + 1
	return y, m, d
}

// gregorianJDN is the Julian day number of a proleptic Gregorian date.
func gregorianJDN(y, m, d int) int {
	a := (14 - m) / 12
	yy := y + 4800 - a
	mm := m + 12*a - 3
	return d + (153*mm+2)/5 + 365*yy + floorDiv(yy, 4) - floorDiv(yy, 100) + floorDiv(yy, 400) - 32045
}

func fromJDN(jdn int) time.Time {
	// Day 0 of time.Date's arithmetic: JDN 2440588 is 1970-01-01.
	return time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, jdn-2440588)
}

func floorDiv(a, b int) int {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}

func mod(a, b int) int { return a - b*floorDiv(a, b) }

// monthNames maps folded Hijri month names to their numbers.
var monthNames = map[string]int{}

func init() {
	for m, names := range [][]string{
		{"محرم", "المحرم"},
		{"صفر"},
		{"ربيع الأول", "ربيع الاول", "ربيع أول"},
		{"ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع الاخر"},
		{"جمادى الأولى", "جمادى الأول", "جمادى أولى", "جمادي الاولى"},
		{"جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى الثاني", "جمادى آخرة"},
		{"رجب"},
		{"شعبان"},
		{"رمضان"},
		{"شوال"},
		{"ذو القعدة", "ذي القعدة", "ذا القعدة"},
		{"ذو الحجة", "ذي الحجة", "ذا الحجة"},
	} {
		for _, n := range names {
			monthNames[fold(n)] = m + 1
		}
	}
}

// Month returns the number (1 = Muharram) of a Hijri month name in any usual
// spelling: محرم, ربيع الأول, جمادى الآخرة, ذو الحجة/ذي الحجة, ... Two-word
// names are given with their space. صفر also means "zero": the lookup is
// lexical only.
func Month(name string) (int, bool) {
	if m, ok := monthNames[name]; ok {
		return m, true
	}
	if !needsFold(name) {
		return 0, false
	}
	m, ok := monthNames[fold(name)]
	return m, ok
}

// needsFold reports whether fold would change s, so that the common case of
// an already folded word costs no allocation.
func needsFold(s string) bool {
	space := false
	for i, r := range s {
		switch {
		case r == 'ـ' || r == 'أ' || r == 'إ' || r == 'آ' || r == 'ة' || r == 'ى':
			return true
		case r >= 0x300 && (r < 0x621 || r > 0x64A) && unicode.Is(unicode.Mn, r):
			return true
		case unicode.IsSpace(r):
			if space || i == 0 || r != ' ' {
				return true
			}
			space = true
		default:
			space = false
		}
	}
	return space
}

// fold drops diacritics and tatweel, folds hamza/alef forms, ta marbuta and
// alef maqsura, and collapses white space.
func fold(s string) string {
	var b strings.Builder
	for i, w := range strings.Fields(s) {
		if i > 0 {
			b.WriteByte(' ')
		}
		for _, r := range w {
			switch {
			case r == 'ـ' || unicode.Is(unicode.Mn, r):
				continue
			case r == 'أ' || r == 'إ' || r == 'آ':
				r = 'ا'
			case r == 'ة':
				r = 'ه'
			case r == 'ى':
				r = 'ي'
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

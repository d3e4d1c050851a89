package dateline

import (
	"strings"

	"khabar/temporal/calendar"
)

// match is a date expression found at a token: its fields (year 0 when the
// expression has none) and the index of its last token.
type match struct {
	year, month, day int
	last             int
}

// matchAt tries every form at token i, a number; lead is how many tokens
// precede i on its line.
func matchAt(toks []token, i, lead int) (match, bool) {
	if blockedBefore(toks, i) {
		return match{}, false
	}
	if m, ok := matchNumeric(toks, i); ok {
		return m, true
	}
	if m, ok := matchNamedMonth(toks, i); ok {
		return m, true
	}
	if lead <= maxLeadTokens {
		if m, ok := matchAgencyDayMonth(toks, i); ok {
			return m, true
		}
	}
	return match{}, false
}

// blockingWords precede a date the article talks about rather than the date
// it was written: "قبل 3 مارس", "منذ 2018/03/03", "اعتبارا من 5 يناير".
// Folded spellings (ا for hamza forms, ي for ى, ه for ة).
var blockingWords = map[string]bool{
	"قبل": true, "بعد": true, "منذ": true, "حتي": true, "خلال": true,
	"مطلع": true, "اواخر": true, "اوائل": true, "نهايه": true, "بدايه": true,
	"منتصف": true, "الي": true, "لغايه": true, "غايه": true, "من": true,
	"حوالي": true, "بين": true, "يوم": true, "وفي": true, "ففي": true,
}

func blockedBefore(toks []token, i int) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.kind == numberToken {
		return true // "12 3 مارس": part of a list or a longer number
	}
	if prev.kind == wordToken && !prev.spaceAfter {
		return true // "الـ15 من مارس", "و2 أبريل": a clitic on the number
	}
	if prev.kind == punctToken {
		// In the middle of a chain like 1-12-05-2018 or 10.3.2018.5.
		return i >= 2 && isDateSep(prev.text) && !prev.spaceAfter &&
			toks[i-2].kind == numberToken && !toks[i-2].spaceAfter
	}
	w := fold(prev.text)
	if blockingWords[w] {
		return true
	}
	if rest, ok := strings.CutPrefix(w, "و"); ok && blockingWords[rest] {
		return true
	}
	return false
}

func isDateSep(s string) bool { return s == "/" || s == "-" || s == "." }

// adjacent reports whether toks[i..j] follow each other without white space.
func adjacent(toks []token, i, j int) bool {
	for k := i; k < j; k++ {
		if toks[k].spaceAfter {
			return false
		}
	}
	return true
}

// continuesChain reports whether a separator and a number follow token k
// without space: the expression is part of a longer number chain.
func continuesChain(toks []token, k int) bool {
	return k+2 < len(toks) && !toks[k].spaceAfter && toks[k+1].kind == punctToken &&
		isDateSep(toks[k+1].text) && !toks[k+1].spaceAfter && toks[k+2].kind == numberToken
}

// matchNumeric matches Y-M-D and D-M-Y (separators / - . used consistently)
// with a four-digit year.
func matchNumeric(toks []token, i int) (match, bool) {
	if i+4 >= len(toks) || !adjacent(toks, i, i+4) {
		return match{}, false
	}
	a, s1, b, s2, c := toks[i], toks[i+1], toks[i+2], toks[i+3], toks[i+4]
	if s1.kind != punctToken || !isDateSep(s1.text) || s2.text != s1.text ||
		b.kind != numberToken || c.kind != numberToken || continuesChain(toks, i+4) {
		return match{}, false
	}
	m := match{last: i + 4}
	switch {
	case a.digits == 4 && b.digits <= 2 && c.digits <= 2:
		m.year, m.month, m.day = a.value, b.value, c.value
	case c.digits == 4 && a.digits <= 2 && b.digits <= 2:
		m.year, m.day, m.month = c.value, a.value, b.value
		// Day first, as Arab outlets write; month first only when day first
		// cannot be a date and month first can (03/25/2018).
		if m.month > 12 && m.day <= 12 {
			m.day, m.month = m.month, m.day
		}
	default:
		return match{}, false
	}
	if m.year < minYear || m.year > maxYear {
		return match{}, false
	}
	return m, true
}

// matchNamedMonth matches day [من] [شهر] month [/ month] [،] [عام] [year].
func matchNamedMonth(toks []token, i int) (match, bool) {
	day := toks[i]
	if day.digits > 2 || day.value < 1 || day.value > 31 {
		return match{}, false
	}
	j := i + 1
	if j < len(toks) && toks[j].kind == wordToken && fold(toks[j].text) == "من" {
		j++
	}
	if j < len(toks) && toks[j].kind == wordToken && fold(toks[j].text) == "شهر" {
		j++
	}
	month, next, ok := monthAt(toks, j)
	if !ok {
		return match{}, false
	}
	m := match{month: month, day: day.value, last: next - 1}
	// The same month in a second calendar: "ديسمبر / كانون الأول",
	// "يناير/كانون الثاني", "ديسمبر (كانون الأول)".
	if next < len(toks) && toks[next].kind == punctToken && strings.Contains("/-–(", toks[next].text) {
		if alt, after, ok := monthAt(toks, next+1); ok {
			if alt != month {
				return match{}, false
			}
			if toks[next].text == "(" {
				if after >= len(toks) || toks[after].text != ")" {
					return match{}, false
				}
				after++
			}
			next = after
			m.last = after - 1
		}
	}
	// The same month named again without a separator: "5 مارس آذار".
	if alt, after, ok := monthAt(toks, next); ok && alt == month {
		next = after
		m.last = after - 1
	}
	// The year, perhaps after a comma or the word عام/سنة.
	k := next
	if k < len(toks) && (toks[k].text == "،" || toks[k].text == ",") {
		k++
	}
	if k < len(toks) && toks[k].kind == wordToken {
		switch fold(toks[k].text) {
		case "عام", "العام", "سنه", "لعام", "لسنه":
			k++
		}
	}
	if k < len(toks) && toks[k].kind == numberToken {
		y := toks[k]
		if y.digits == 4 {
			if y.value < minYear || y.value > maxYear {
				return match{}, false // a Hijri or odd year: not a dateline
			}
			m.year = y.value
			m.last = k
		}
	}
	return m, true
}

// monthAt reads a month name at token j: a two-word Levantine name first
// (كانون الثاني), else one word.
func monthAt(toks []token, j int) (month, next int, ok bool) {
	if j >= len(toks) || toks[j].kind != wordToken {
		return 0, 0, false
	}
	if j+1 < len(toks) && toks[j+1].kind == wordToken && toks[j].spaceAfter {
		if m, ok := calendar.Month(toks[j].text + " " + toks[j+1].text); ok {
			return m, j + 2, true
		}
	}
	if m, ok := calendar.Month(toks[j].text); ok {
		return m, j + 1, true
	}
	return 0, 0, false
}

// matchAgencyDayMonth matches the agency dateline "15-7 (اف ب)": day and
// month joined by - or /, then the agency in parentheses (letters, spaces and
// dots only, a few tokens).
func matchAgencyDayMonth(toks []token, i int) (match, bool) {
	if i+3 >= len(toks) || !adjacent(toks, i, i+2) {
		return match{}, false
	}
	d, sep, mo := toks[i], toks[i+1], toks[i+2]
	if sep.kind != punctToken || (sep.text != "-" && sep.text != "/") ||
		mo.kind != numberToken || d.digits > 2 || mo.digits > 2 || continuesChain(toks, i+2) {
		return match{}, false
	}
	if toks[i+3].text != "(" {
		return match{}, false
	}
	words := 0
	for k := i + 4; k < len(toks) && k <= i+10; k++ {
		switch t := toks[k]; {
		case t.kind == wordToken:
			words++
		case t.text == ")":
			if words == 0 {
				return match{}, false
			}
			return match{day: d.value, month: mo.value, last: i + 2}, true
		case t.text == "." || t.text == "-":
		default:
			return match{}, false
		}
	}
	return match{}, false
}

// fold is the light spelling fold the matchers compare function words in:
// hamza/alef forms to ا, ى to ي, ة to ه, diacritics and tatweel dropped.
func fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ':
			r = 'ا'
		case 'ى':
			r = 'ي'
		case 'ة':
			r = 'ه'
		case 'ـ':
			continue
		}
		if r >= 0x064B && r <= 0x065F || r == 0x0670 {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

package temporal

import (
	"fmt"
	"strings"
	"time"

	"khabar"
	"khabar/temporal/calendar"
	"khabar/temporal/hijri"
)

// found is one recognised expression before it gets its id.
type found struct {
	i, j       int // units [i, j)
	start, end int // text offsets
	typ, val   string
	anchor     string
	anchorIdx  int  // 1-based index in matcher.out of the anchoring timex
	hijri      bool // written in the Hijri calendar
}

type matcher struct {
	us     []unit
	c      clock
	tokens []khabar.Token
	out    []found
}

// pattern tries to match at unit i; it returns the expressions found (one,
// or two for a range), in text order, or nil.
type pattern func(m *matcher, i int) []found

var patterns = []pattern{
	(*matcher).pNumDate,
	(*matcher).pPer, // before pDeictic: في اليوم after an amount is a rate
	(*matcher).pDate, (*matcher).pWeekday, (*matcher).pDeictic, (*matcher).pRelUnit,
	(*matcher).pPlural, (*matcher).pAgo, (*matcher).pDuration, (*matcher).pYear,
	(*matcher).pHijri, (*matcher).pTime, (*matcher).pSet, (*matcher).pRef,
	(*matcher).pEra, (*matcher).pSeason, (*matcher).pQuarter, (*matcher).pPodAdverb, (*matcher).pAge,
	(*matcher).pOrdinalWeek, (*matcher).pPodDate,
}

// isEdgeAt reports whether an edge word (نهاية, بنهاية, مطلع) is at k:
// after one, an ambiguous month name (مارس) is the month.
func (m *matcher) isEdgeAt(k int) bool {
	_, _, ok := lookup(m, k, true, 0, edgeMods)
	return ok
}

// pPodDate: صباح يوم 4 مارس, مساء 15 مايو: a part of a dated day is a
// TIME, the part of day kept as before a weekday.
func (m *matcher) pPodDate(i int) []found {
	pod, next, st, ok := m.partOfDayPrefix(i)
	if !ok {
		return nil
	}
	fs := m.pDate(next)
	if len(fs) != 1 {
		fs = m.pHijri(next) // مساء يوم الثلاثاء التاسع والعشرين من شهر شعبان
	}
	if len(fs) != 1 || fs[0].start != m.us[next].start && !m.isC2(next, "يوم") || !m.hasDay(fs[0].val) || strings.HasPrefix(fs[0].val, "X") {
		return nil
	}
	f := fs[0]
	f.i, f.start, f.typ, f.val = i, st, "TIME", withPOD(f.val, pod)
	return []found{f}
}

// lastOfMonth: الأسبوع الأخير من الشهر الجاري, اليوم الأخير من مايو.
func (m *matcher) lastOfMonth(i, st int, week bool) []found {
	k := i + 3
	var f *found
	if fs := m.pDate(k); len(fs) == 1 && fs[0].start == m.us[k].start && len(fs[0].val) == 7 {
		f = &fs[0]
	} else if g := m.pRelUnitCore(k, false); g != nil && len(g.val) == 7 {
		f = g
	}
	if f == nil {
		return nil
	}
	t, err := time.Parse("2006-01", f.val)
	if err != nil {
		return nil
	}
	last := t.AddDate(0, 1, -1)
	g := *f
	g.i, g.start = i, st
	if week {
		y, w := last.ISOWeek()
		g.val = fmt.Sprintf("%04d-W%02d", y, w)
	} else {
		g.val = last.Format("2006-01-02")
	}
	return []found{g}
}

// pOrdinalWeek: الأسبوع الأول من مايو, اليوم الأول من الشهر الجاري. The
// noun before the ordinal makes the expression (as يوم before a weekday
// does): without it the ordinal would read as a day of the month.
func (m *matcher) pOrdinalWeek(i int) []found {
	st, ok := m.isC(i, "الاسبوع", "اليوم")
	if !ok {
		return nil
	}
	week := m.is(i, "الاسبوع") || strings.HasSuffix(m.us[i].norm, "الاسبوع")
	if m.is(i+1, "الاخير") && m.is(i+2, "من") {
		return m.lastOfMonth(i, st, week)
	}
	n, next, _, ok := m.ordinal(i+1, false)
	if !ok || !m.is(next, "من") || week && n > 5 {
		return nil
	}
	fs := m.pDate(i + 1)
	if len(fs) != 1 || fs[0].i != i+1 && fs[0].start != m.us[i+1].start {
		return nil
	}
	f := fs[0]
	f.i, f.start = i, st
	if week {
		t, err := time.Parse("2006-01-02", f.val)
		if err != nil {
			return nil // no day-precise date (no dct): leave it to the others
		}
		// the date read is day n; the week holds day 1+7(n-1)
		y, w := t.AddDate(0, 0, (n-1)*6).ISOWeek()
		f.val = fmt.Sprintf("%04d-W%02d", y, w)
	}
	return []found{f}
}

// run scans left to right and keeps, at each position, the longest match.
func (m *matcher) run() {
	for i := 0; i < len(m.us); {
		if !m.us[i].key {
			i++
			continue
		}
		var best []found
		bestJ := i
		for _, p := range patterns {
			fs := p(m, i)
			if len(fs) == 0 {
				continue
			}
			if j := fs[len(fs)-1].j; j > bestJ {
				best, bestJ = fs, j
			}
		}
		if best == nil {
			i++
			continue
		}
		for _, f := range best {
			if f.typ == "TIME" && f.anchorIdx < 0 {
				m.anchorTime(&f)
			}
			m.out = append(m.out, f)
		}
		i = bestJ
	}
}

// ---- unit helpers ----

func (m *matcher) word(i int) bool { return i >= 0 && i < len(m.us) && m.us[i].kind == uWord }

func (m *matcher) punct(i int, set string) bool {
	return i >= 0 && i < len(m.us) && m.us[i].kind == uPunct && strings.Contains(set, m.us[i].norm)
}

func (m *matcher) num(i int) (int, bool) {
	if i < 0 || i >= len(m.us) || m.us[i].kind != uNum || len(m.us[i].norm) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range m.us[i].norm {
		n = n*10 + int(c-'0')
	}
	return n, true
}

// decimal reports whether the number unit at i is part of a decimal or a
// thousands-separated number (1.5, 10,8, 2,000).
func (m *matcher) decimal(i int) bool {
	if m.punct(i+1, ".,٫٬") && i+2 < len(m.us) && m.us[i+2].kind == uNum && m.adjacent(i+1, i+2) && m.adjacent(i, i+1) {
		return true
	}
	if m.punct(i-1, ".,٫٬") && i-2 >= 0 && m.us[i-2].kind == uNum && m.adjacent(i-2, i-1) && m.adjacent(i-1, i) {
		return true
	}
	return false
}

func (m *matcher) adjacent(a, b int) bool {
	return a >= 0 && b < len(m.us) && m.us[a].end == m.us[b].start
}

// articleOn reports whether the article unit at i (الـ, وبالـ ...) belongs
// to the number after it: glued, or written الـ 15 with a space, the
// tatweel showing that the article stands for the next word.
func (m *matcher) articleOn(i int) bool {
	if m.adjacent(i, i+1) {
		return true
	}
	return i+1 < len(m.us) && m.us[i].norm == "ال" && m.us[i+1].kind == uNum && m.us[i+1].start == m.us[i].end+1
}

func (m *matcher) sameSent(a, b int) bool {
	return a >= 0 && b < len(m.us) && m.us[a].sent == m.us[b].sent
}

// rd returns the first reading of word i that passes: clit allows
// proclitics, art is -1 (either), 0 (no article) or 1 (article).
func (m *matcher) rd(i int, clit bool, art int, ok func(r reading) bool) (reading, bool) {
	if !m.word(i) {
		return reading{}, false
	}
	for _, r := range m.us[i].an {
		if !clit && r.clit != "" {
			continue
		}
		if art == 0 && r.def || art == 1 && !r.def {
			continue
		}
		if ok(r) {
			return r, true
		}
	}
	return reading{}, false
}

// is reports whether word i, without proclitics, is one of the words
// (compared with the article as written).
func (m *matcher) is(i int, words ...string) bool {
	_, ok := m.rd(i, false, -1, func(r reading) bool {
		for _, w := range words {
			if r.full == w {
				return true
			}
		}
		return false
	})
	return ok
}

// isC is is with proclitics allowed; it returns the reading's start.
func (m *matcher) isC(i int, words ...string) (int, bool) {
	r, ok := m.rd(i, true, -1, func(r reading) bool {
		for _, w := range words {
			if r.full == w {
				return true
			}
		}
		return false
	})
	return r.start, ok
}

func lookup[T any](m *matcher, i int, clit bool, art int, set map[string]T) (T, reading, bool) {
	var v T
	r, ok := m.rd(i, clit, art, func(r reading) bool { _, ok := set[r.stem]; return ok })
	if ok {
		v = set[r.stem]
	}
	return v, r, ok
}

func (m *matcher) mk(i, j, start int, typ, val string) found {
	if start < 0 {
		start = m.us[i].start // a start the pattern did not set: the first unit's
	}
	return found{i: i, j: j, start: start, end: m.us[j-1].end, typ: typ, val: val}
}

// rel marks a found as resolved against the dct.
func (m *matcher) rel(f found) found {
	if m.c.ok && !strings.HasSuffix(f.val, "_REF") {
		f.anchor = "dct"
	}
	return f
}

// prepTriggers are words after which a bare month, season or year reads as a date.
var prepTriggers = []string{"في", "منذ", "حتي", "خلال", "قبل", "بعد", "مطلع", "بدايه", "نهايه", "اواخر", "اوايل",
	"منتصف", "اواسط", "طوال", "حلول", "غضون", "شهر", "مستهل", "ختام", "الي", "من", "عام", "اثناء", "حين", "موعد", "طيله"}

func (m *matcher) triggered(i int) bool {
	if i > 0 && m.is(i-1, prepTriggers...) {
		return true
	}
	// a preposition glued to the word itself: بمارس, لرمضان
	if m.word(i) {
		for _, r := range m.us[i].an {
			if r.clit == "ب" || r.clit == "وب" || r.clit == "ل" || r.clit == "ول" {
				return true
			}
		}
	}
	return false
}

// ---- numbers ----

// cardinal reads a number in digits or words at i: it returns the value
// (-1 for vague quantities: عدة, بضعة), the next unit and the start.
func (m *matcher) cardinal(i int, clit bool) (int, int, int, bool) {
	if n, ok := m.num(i); ok {
		if m.decimal(i) {
			return 0, 0, 0, false
		}
		return n, i + 1, m.us[i].start, true
	}
	v, r, ok := lookup(m, i, clit, 0, cardinals)
	if !ok {
		return 0, 0, 0, false
	}
	next := i + 1
	if v == 111 {
		if m.is(next, "عشر", "عشره") {
			return 11, next + 1, r.start, true
		}
		return 0, 0, 0, false
	}
	if v > 0 && v < 10 {
		if m.is(next, "عشر", "عشره") {
			return v + 10, next + 1, r.start, true
		}
		if t, tr, ok := lookup(m, next, true, 0, cardinals); ok && tr.clit == "و" && t >= 20 && t < 100 {
			return v + t, next + 1, r.start, true
		}
	}
	return v, next, r.start, true
}

// ordinal reads an ordinal (الحادي عشر, الثالث والعشرين) at i.
func (m *matcher) ordinal(i int, clit bool) (int, int, int, bool) {
	v, r, ok := lookup(m, i, clit, -1, ordinals)
	if !ok {
		return 0, 0, 0, false
	}
	next := i + 1
	if v < 10 {
		if m.is(next, "عشر", "عشره") {
			return v + 10, next + 1, r.start, true
		}
		if t, tr, ok := lookup(m, next, true, 1, ordinals); ok && tr.clit == "و" && t >= 20 {
			return v + t, next + 1, r.start, true
		}
	}
	if r.stem == "حادي" || r.stem == "حاديه" {
		return 0, 0, 0, false
	}
	return v, next, r.start, true
}

// day reads a day of the month: 18, الـ14, الحادي عشر.
func (m *matcher) day(i int, clit bool) (int, int, int, bool) {
	if n, ok := m.num(i); ok && len(m.us[i].norm) <= 2 && n >= 1 && n <= 31 && !m.decimal(i) {
		return n, i + 1, m.us[i].start, true
	}
	if m.word(i) && (m.us[i].norm == "ال" || m.us[i].norm == "وال" || m.us[i].norm == "بال") && m.articleOn(i) {
		if n, ok := m.num(i + 1); ok && len(m.us[i+1].norm) <= 2 && n >= 1 && n <= 31 {
			st := m.us[i].start
			if m.us[i].norm != "ال" {
				st++ // وال, بال: the article after the clitic
			}
			return n, i + 2, st, true
		}
	}
	if r, ok := m.rd(i, clit, -1, func(r reading) bool { _, ok := ordinals[r.stem]; return ok }); ok && (r.stem == "اولي" || strings.HasSuffix(r.stem, "ه")) {
		return 0, 0, 0, false // الأيام الأولى من الشهر: a day of the month is masculine
	}
	if v, next, st, ok := m.ordinal(i, clit); ok && v <= 31 {
		return v, next, st, true
	}
	return 0, 0, 0, false
}

// ---- months ----

var ambiguousMonths = map[string]bool{"ماي": true, "اب": true, "اوت": true, "مارس": true, "نيسان": true, "جوان": true, "ايار": false}

// gmonth reads a Gregorian month name at i, with its paired second name
// (ديسمبر / كانون الأول, آذار (مارس), سبتمبر أيلول). amb is set for names
// that are also common words.
func (m *matcher) gmonth(i int, clit bool) (mon, next, start int, amb, ok bool) {
	mon, next, start, amb, ok = m.monthName(i, clit)
	if !ok {
		return
	}
	// paired name
	k := next
	open := false
	switch {
	case m.punct(k, "/-–(،,"):
		open = m.punct(k, "(")
		k++
	}
	if m2, n2, _, _, ok2 := m.monthName(k, false); ok2 && (m2 == mon || k == next+1 && m.punct(next, "/")) {
		// a slash pairs two names even when they disagree (يوليو/حزيران
		// 1952): the first one is kept
		next = n2
		amb = false
		if open && m.punct(next, ")") {
			next++
		}
	} else if k == next+1 && (open || m.punct(next, "/")) && m.word(k) && misspeltMonth(m.us[k].norm, mon) {
		// حزيران/يوينو, أيلول/سبمتبر: the paired name is part of the date
		// even when it is misspelt
		next = k + 1
		amb = false
		if open && m.punct(next, ")") {
			next++
		}
	}
	return
}

// misspeltMonth reports whether w, a word that is no month name, is one
// letter away (an insertion, a deletion, a substitution or two letters
// swapped) from a name of month mon. It is only asked about the second of a
// pair (مايو/أيار) or about a word paired with a correct name, where a
// slip of the keyboard is far likelier than another word.
func misspeltMonth(w string, mon int) bool {
	rw := []rune(w)
	if len(rw) < 4 {
		return false
	}
	if _, ok := calendar.Month(w); ok {
		return false
	}
	for _, name := range gregorianMonthNames[mon-1] {
		if editDistance1(rw, []rune(name)) {
			return true
		}
	}
	return false
}

// gregorianMonthNames are the one-word month names, folded as unit norms
// are, that a misspelling is compared with.
var gregorianMonthNames = [12][]string{
	{"يناير", "جانفي"}, {"فبراير", "شباط", "فيفري"}, {"مارس", "اذار"}, {"ابريل", "نيسان", "افريل"},
	{"مايو", "ايار"}, {"يونيو", "حزيران", "جوان"}, {"يوليو", "تموز", "جويليه"}, {"اغسطس", "اوت"},
	{"سبتمبر", "ايلول"}, {"اكتوبر"}, {"نوفمبر"}, {"ديسمبر"},
}

// editDistance1 reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of two adjacent letters.
func editDistance1(a, b []rune) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		var diff []int
		for i := range a {
			if a[i] != b[i] {
				diff = append(diff, i)
				if len(diff) > 2 {
					return false
				}
			}
		}
		switch len(diff) {
		case 1:
			return true
		case 2:
			i, j := diff[0], diff[1]
			return j == i+1 && a[i] == b[j] && a[j] == b[i]
		}
		return false
	case 1:
		for i := range b {
			if a[i] != b[i] {
				return string(a[i+1:]) == string(b[i:])
			}
		}
		return true
	}
	return false
}

func (m *matcher) monthName(i int, clit bool) (mon, next, start int, amb, ok bool) {
	if !m.word(i) {
		return
	}
	defer func() {
		// سيبتمبر/ أيلول: a misspelt first name stands when a slash pairs
		// it with the correct name of the same month
		if !ok && m.punct(i+1, "/") && m.word(i+2) {
			for _, r := range m.us[i+2].an {
				if r.clit != "" || r.def {
					continue
				}
				if v, ok2 := calendar.Month(r.full); ok2 && misspeltMonth(m.us[i].norm, v) {
					mon, next, start, amb, ok = v, i+1, m.us[i].start, false, true
					return
				}
			}
		}
	}()
	for _, r := range m.us[i].an {
		if !clit && r.clit != "" {
			continue
		}
		if r.def || !calendarPrefix(r.full) {
			continue
		}
		if m.word(i + 1) {
			for _, r2 := range m.us[i+1].an {
				if r2.clit != "" {
					continue
				}
				if v, ok2 := calendar.Month(r.full + " " + r2.full); ok2 && strings.Contains(r.full+r2.full, "ال") || ok2 && (r.full == "كانون" || r.full == "تشرين") {
					return v, i + 2, r.start, false, true
				}
			}
		}
		if r.full == "كانون" || r.full == "تشرين" {
			continue
		}
		if r.full == "اب" && (strings.HasSuffix(r.clit, "ب") || strings.HasSuffix(r.clit, "ك")) {
			continue // باب, وباب: a door far more often than بآب
		}
		if v, ok2 := calendar.Month(r.full); ok2 {
			return v, i + 1, r.start, ambiguousMonths[r.full], true
		}
	}
	return
}

// year reads a Gregorian year in digits (1000..2100) with an optional م.
func (m *matcher) year(i int) (int, int, bool) {
	n, ok := m.num(i)
	if !ok || len(m.us[i].norm) != 4 || n < 1000 || n > 2100 || m.decimal(i) {
		return 0, 0, false
	}
	next := i + 1
	if m.word(next) && (m.us[next].norm == "م" || m.is(next, "ميلادي", "ميلاديه", "للميلاد")) {
		next++
	}
	return n, next, true
}

func daysIn(y, mon int) int {
	if y == 0 {
		y = 2000 // leap, so 29 February passes
	}
	return time.Date(y, time.Month(mon)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// dateValue prints a Gregorian date with possibly missing year/day,
// choosing the year from the dct when needed (dir as in monthYear).
func (m *matcher) dateValue(y, mon, d, dir int, current bool) (string, bool) {
	inferred := false
	if y == 0 {
		var ok bool
		if d > 0 && dir == 0 && !current {
			y, ok = m.c.dayYear(mon, d)
		} else {
			y, ok = m.c.monthYear(mon, dir, current)
		}
		inferred = ok
	}
	ys := "XXXX"
	if y > 0 {
		ys = fmt.Sprintf("%04d", y)
	}
	if d > 0 {
		return fmt.Sprintf("%s-%02d-%02d", ys, mon, d), inferred
	}
	return fmt.Sprintf("%s-%02d", ys, mon), inferred
}

// ---- weekdays ----

// weekdayAt reads [يوم] weekday at i. The article is required unless يوم
// comes first (أحد is also "one", سبت rare outside dates).
func (m *matcher) weekdayAt(i int, clit bool) (time.Weekday, int, int, bool) {
	k, start := i, -1
	if st, ok := m.isC(k, "يوم", "يومي"); ok && (clit || m.is(k, "يوم", "يومي")) {
		// يومي الأربعاء والخميس: the dual before a list is kept with
		// its first member, as عامي 2019 و2022 is
		if wd, next, ok := m.bareWeekday(k+1, false, true); ok {
			return wd, next, st, true
		}
		return 0, 0, 0, false
	}
	wd, next, ok := m.bareWeekday(k, clit, false)
	if !ok {
		return 0, 0, 0, false
	}
	r, _ := m.rd(k, clit, 1, func(r reading) bool { _, ok := calendar.Weekday(r.full); return ok })
	start = r.start
	return wd, next, start, true
}

func (m *matcher) bareWeekday(i int, clit, noArticleOK bool) (time.Weekday, int, bool) {
	art := 1
	if noArticleOK {
		art = -1
	}
	var wd time.Weekday
	_, ok := m.rd(i, clit, art, func(r reading) bool {
		d, ok := calendar.Weekday(r.full)
		wd = d
		return ok
	})
	return wd, i + 1, ok
}

// ---- patterns ----

// pDate: [weekday ،] [day [من]] month [/ month] [year | الماضي ...], and day ranges.
func (m *matcher) pDate(i int) []found {
	k, start := i, -1
	hasWD := false
	if _, next, st, ok := m.weekdayAt(k, true); ok {
		n2 := next
		if m.punct(n2, "،,") {
			n2++
		}
		if _, _, _, ok := m.day(n2, false); ok {
			k, start, hasWD = n2, st, true
		}
	}
	yawm := -1
	if !hasWD {
		if st, ok := m.isC(k, "يوم", "يومي"); ok {
			if _, _, _, ok := m.day(k+1, false); ok {
				yawm, start, k = st, st, k+1
			}
		}
	}
	d, next, st, hasDay := m.day(k, !hasWD && yawm < 0)
	var firsts []found // the earlier members of a range or list
	if hasDay {
		if start < 0 {
			start = st
		}
		// range: 3 الى 5 مارس, 3 و4 مارس, 3-5 مارس
		// and lists: 15 و16 و17 مايو, one expression a member
		type member struct{ i, d, next, start int }
		ms := []member{{i, d, next, start}}
		for c := next; m.is(c, "الي", "حتي") || m.word(c) && m.us[c].norm == "و" || m.punct(c, "-–"); {
			last := ms[len(ms)-1]
			d2, n2, st2, ok := m.day(c+1, false)
			if !ok || d2 <= last.d {
				break
			}
			ms = append(ms, member{c + 1, d2, n2, st2})
			c = n2
		}
		for len(ms) > 1 {
			last := ms[len(ms)-1]
			if _, _, _, _, ok := m.gmonth(last.next, false); ok || m.is(last.next, "من") {
				for _, x := range ms[:len(ms)-1] {
					firsts = append(firsts, m.mk(x.i, x.next, x.start, "DATE", ""))
				}
				d, next, start, k = last.d, last.next, last.start, last.i
				break
			}
			ms = ms[:len(ms)-1]
		}
		if m.is(next, "من") {
			next++
			if _, _, _, _, ok := m.gmonth(next+1, false); ok && m.is(next, "شهر") {
				next++ // الخامس عشر من شهر مايو: شهر before the month is kept
			}
		}
	} else {
		if hasWD {
			return nil
		}
		next = k
	}
	// 31 من الشهر الحالي; 2 و7 من الشهر المقبل
	if hasDay {
		rk := next
		if m.is(rk, "الشهر") {
			dir, dr, ok := lookup(m, rk+1, false, 1, relDir)
			end := rk + 2
			if !ok && !m.isAdjAfter(rk+1) && m.is(rk-1, "من") && !m.is(rk+1, "نفسه", "ذاته") {
				// الخامس من الشهر: the current month
				dir, dr, ok, end = 0, reading{}, true, rk+1
			}
			if ok && dr.stem != "سابق" && dr.stem != "تالي" && dr.stem != "لاحق" {
				ym := "XXXX-XX"
				if m.c.ok {
					ym = m.c.shift("M", dir)
				}
				f := m.rel(m.mk(k, end, start, "DATE", fmt.Sprintf("%s-%02d", ym, d)))
				if firsts != nil {
					return m.withFirsts(firsts, ym+"-", f)
				}
				f.i = i
				return []found{f}
			}
		}
	}
	// شهر مارس
	month := next
	monthStart := -1
	if !hasDay {
		if st, ok := m.isC(month, "شهر", "شهري"); ok {
			monthStart = st
			month++
		}
	}
	mon, after, mst, amb, ok := m.gmonth(month, !hasDay && monthStart < 0)
	if !ok {
		return nil
	}
	if start < 0 {
		start = mst
		if monthStart >= 0 {
			start = monthStart
		}
	}
	y, dir, current := 0, 0, false
	j := after
	yk := after
	if m.punct(yk, "،,") {
		yk++
	}
	if m.is(yk, "من") && m.is(yk+1, "عام", "العام", "سنه", "السنه") {
		yk++ // 8 سبتمبر من عام 1986
	}
	if m.is(yk, "عام", "العام", "سنه", "السنه") {
		yk++
	}
	if yy, n2, ok := m.year(yk); ok {
		y, j = yy, n2
	} else if yy, n2, ok := m.sameYear(after); ok {
		y, j = yy, n2 // 11 أغسطس من نفس العام
	} else if f := m.pRelUnitCore(after+1, false); f != nil && m.is(after, "من") && len(f.val) == 4 && f.val[0] != 'X' {
		fmt.Sscan(f.val, &y) // يناير من هذا العام, أبريل من العام الماضي
		j = f.j
	} else if v, r, ok := lookup(m, after, false, 1, relDir); ok && r.stem != "سابق" && r.stem != "تالي" && r.stem != "لاحق" {
		dir, j = v, after+1
		current = v == 0
	}
	if !hasDay && y == 0 && dir == 0 && !current && amb && monthStart < 0 && !(month > 0 && m.is(month-1, prepTriggers...)) && !m.isEdgeAt(month-1) {
		return nil
	}
	if hasDay && d > daysIn(y, mon) {
		return nil
	}
	if hasDay && y == 0 && dir != 0 && m.c.ok && d <= daysIn(m.c.t.Year(), mon) {
		// 6 أبريل الماضي: the last 6 April before the dct, this month included
		y, dir = m.dayYearDir(mon, d, dir), 0
	}
	if !hasDay {
		d = 0
	}
	if y == 0 && dir == 0 && !current && m.c.ok && m.farFromDCT(mon, d) {
		// in September, the network began: when the nearest occurrence is
		// months away, the preposition, else the verb, says which one
		t := 0
		switch {
		case m.is(i-1, "حتي", "بحلول", "قبل", "لغايه"), m.is(i-2, "للتسليم", "تسليم", "استحقاق"):
			t = future // حتى سبتمبر; عقود تسليم ديسمبر are next December's
		case m.is(i-1, "منذ"):
			t = past
		default:
			t = m.verbTenseNear(k)
			if t == future && !m.explicitFuture(k) {
				t = 0 // يخضع ... في مارس: a present, not a plan
			}
		}
		if t != 0 {
			if hasDay {
				y = m.dayYearDir(mon, d, t)
			} else {
				y, _ = m.c.monthYearInclusive(mon, t)
			}
		}
		if y != 0 {
			val, _ := m.dateValue(y, mon, d, 0, false)
			f := m.rel(m.mk(k, j, start, "DATE", val))
			if firsts != nil {
				return m.withFirsts(firsts, val[:len(val)-2], f)
			}
			f.i = i
			return []found{f}
		}
	}
	val, inferred := m.dateValue(y, mon, d, dir, current)
	f := m.mk(k, j, start, "DATE", val)
	if inferred {
		f = m.rel(f)
	}
	if firsts != nil {
		f.i = k
		return m.withFirsts(firsts, val[:len(val)-2], f)
	}
	f.i = i
	return []found{f}
}

// withFirsts values the earlier members of a range or list of days with
// the month of the last one (prefix is its value up to the day) and
// returns them all in text order.
func (m *matcher) withFirsts(firsts []found, prefix string, last found) []found {
	out := make([]found, 0, len(firsts)+1)
	for _, x := range firsts {
		x.val, x.anchor = prefix+fmt.Sprintf("%02d", m.firstDay(&x)), last.anchor
		out = append(out, x)
	}
	return append(out, last)
}

func (m *matcher) firstDay(f *found) int {
	d, _, _, _ := m.day(f.i, true)
	if d == 0 {
		d, _, _, _ = m.day(f.i+1, true)
	}
	return d
}

// pWeekday: [part of day] [يوم] weekday [الماضي|المقبل] [صباحا]
func (m *matcher) pWeekday(i int) []found {
	k := i
	start := -1
	pod := ""
	if p, next, st, ok := m.partOfDayPrefix(k); ok {
		pod, k, start = p, next, st
	}
	wd, next, st, ok := m.weekdayAt(k, pod == "")
	if !ok || pod == "" && m.isC2(k-1, "صلاه", "خطبه", "صلوات") {
		return nil // صلاة الجمعة is the prayer, not a day
	}
	if start < 0 {
		start = st
	}
	j := next
	var dateVal string
	if pod != "" {
		// صباح يوم الأحد 22 أبريل: the date says which Sunday
		if fs := m.pDate(j); len(fs) == 1 && m.hasDay(fs[0].val) && fs[0].start == m.us[j].start {
			dateVal, j = fs[0].val, fs[0].j
		}
	}
	if pod == "NI" || pod == "T24:00" {
		if wd2, n2, ok := m.bareWeekday(j, false, false); ok && wd2 == (wd+1)%7 {
			j = n2 // ليل الثلاثاء الأربعاء: the night between
		}
	}
	var val string
	if v, r, ok := lookup(m, j, false, 1, relDir); ok && v != 0 && r.stem != "تالي" && r.stem != "لاحق" && r.stem != "سابق" {
		val = m.c.weekday(wd, v, true)
		j++
	} else if m.is(i-1, "منذ") {
		val = m.c.weekday(wd, past, true) // منذ الاثنين: since last Monday
	} else {
		val = m.c.weekday(wd, m.tense(i), false)
	}
	if dateVal != "" {
		val = dateVal
	}
	typ := "DATE"
	if pod == "" {
		if p, _, ok := lookup(m, j, false, 0, partOfDayAdv); ok && m.sameSent(j-1, j) {
			pod = p
			j++
		}
	}
	if pod != "" {
		typ, val = "TIME", withPOD(val, pod)
	}
	return []found{m.rel(m.mk(i, j, start, typ, val))}
}

func withPOD(date, pod string) string {
	if strings.HasPrefix(pod, "T") {
		return date + pod
	}
	return date + "T" + pod
}

// partOfDayPrefix reads صباح, مساء, ليلة, بعد ظهر, منتصف ليل ... before a day.
func (m *matcher) partOfDayPrefix(i int) (string, int, int, bool) {
	if st, ok := m.isC(i, "بعد", "قبل"); ok && m.is(i+1, "ظهر", "الظهر", "ظهيره") {
		if m.is(i, "بعد") || ok {
			if _, ok := m.isC(i, "بعد"); ok {
				return "AF", i + 2, st, true
			}
			return "MO", i + 2, st, true
		}
	}
	if st, ok := m.isC(i, "منتصف"); ok && m.is(i+1, "ليل", "ليله") {
		return "T24:00", i + 2, st, true
	}
	p, r, ok := lookup(m, i, true, 0, partOfDay)
	if !ok || r.stem == "منتصف" {
		return "", 0, 0, false
	}
	return p, i + 1, r.start, true
}

// pDeictic: اليوم, أمس, غدا, أول أمس, بعد غد, الليلة, صباح اليوم, أمس الأحد.
func (m *matcher) pDeictic(i int) []found {
	k, start := i, -1
	pod := ""
	if p, next, st, ok := m.partOfDayPrefix(k); ok {
		pod, k, start = p, next, st
	}
	clit := pod == ""
	// يوم أمس, صباح يوم الغد: يوم is kept, as before a weekday
	if s, ok := m.isC(k, "يوم"); ok && (clit || m.is(k, "يوم")) && m.is(k+1, "امس", "الامس", "غد", "الغد", "غدا") {
		if start < 0 {
			start = s
		}
		k, clit = k+1, false
		if m.is(k, "غد") {
			// يوم غد: غد alone is also "a future" (غد أفضل)
			shift, j := 1, k+1
			f := m.mk(i, j, start, "DATE", m.c.dayShift(shift))
			if pod != "" {
				f.typ, f.val = "TIME", withPOD(f.val, pod)
			}
			return []found{m.rel(f)}
		}
	}
	shift, j, st, ok := 0, 0, 0, false
	switch {
	case m.isPair(k, clit, []string{"اول", "امس"}):
		shift, j, st, ok = -2, k+2, m.startC(k, "اول"), true
	case m.isPair(k, clit, []string{"امس", "الاول"}):
		shift, j, st, ok = -2, k+2, m.startC(k, "امس"), true
	case m.isPair(k, clit, []string{"بعد", "غد"}) || m.isPair(k, clit, []string{"بعد", "الغد"}) || m.isPair(k, clit, []string{"بعد", "غدا"}):
		shift, j, st, ok = 2, k+2, m.startC(k, "بعد"), true
	default:
		if !clit && m.is(k, "هذا") && m.is(k+1, "اليوم") {
			shift, j, st, ok = 0, k+2, m.us[k].start, true // فجر هذا اليوم
		} else if s, ok2 := m.isC(k, "اليوم"); ok2 && (clit || m.is(k, "اليوم")) && m.todayOK(k) {
			shift, j, st, ok = 0, k+1, s, true
		} else if s, ok2 := m.isC(k, "امس", "الامس", "البارحه", "غدا", "الغد"); ok2 && (clit || m.is(k, "امس", "الامس", "البارحه", "غدا", "الغد")) {
			shift, j, st, ok = m.deicticShift(k), k+1, s, true
		} else if s, ok2 := m.isC(k, "الليله"); ok2 && pod == "" && !m.is(k-1, "تلك", "ذات", "طوال") && !m.is(k+1, "التي", "الذي", "نفسها", "ذاتها") {
			// الليلة التي ...: a night described, not tonight
			j, st, ok = k+1, s, true
			pod = "NI"
			if m.is(j, "الماضيه") {
				shift = -1
				j++
			}
		}
	}
	if !ok {
		return nil
	}
	if start < 0 {
		start = st
	}
	// أمس الأحد, اليوم الجمعة
	n := j
	if m.punct(n, "،,") {
		n++
	}
	if wd, next, ok := m.bareWeekday(n, false, false); ok {
		j = next
		// اليوم الخميس in a Friday paper: the weekday was written the day
		// before; trust it over the dct
		if m.c.ok && m.c.t.AddDate(0, 0, shift).Weekday() != wd {
			for _, d := range []int{-1, 1, -2, 2, -3, 3} {
				if m.c.t.AddDate(0, 0, shift+d).Weekday() == wd {
					shift += d
					break
				}
			}
		}
	}
	if pod == "" {
		if p, _, ok := lookup(m, j, false, 0, partOfDayAdv); ok {
			pod = p
			j++
		}
	}
	val := m.c.dayShift(shift)
	if shift == 0 && pod == "" && j == k+1 && m.todayIsNowadays(k) {
		return []found{m.mk(i, j, start, "DATE", "PRESENT_REF")}
	}
	anchored := true
	// اليوم، 23 أغسطس: the written date says which day
	if a := j; shift == 0 && (m.punct(a, "،,") || m.punct(a, "(")) {
		if fs := m.pDate(a + 1); len(fs) == 1 && m.hasDay(fs[0].val) && !strings.HasPrefix(fs[0].val, "X") {
			val, anchored = fs[0].val, false
		}
	}
	typ := "DATE"
	if pod != "" {
		typ, val = "TIME", withPOD(val, pod)
	}
	f := m.mk(i, j, start, typ, val)
	if anchored {
		f = m.rel(f)
	} else {
		f.anchorIdx = len(m.out) + 2 // the written date, found next
	}
	return []found{f}
}

func (m *matcher) deicticShift(k int) int {
	if m.is(k, "غدا", "الغد") {
		return 1
	}
	if _, ok := m.isC(k, "غدا", "الغد"); ok {
		return 1
	}
	return -1
}

func (m *matcher) isPair(k int, clit bool, words []string) bool {
	var ok bool
	if clit {
		_, ok = m.isC(k, words[0])
	} else {
		ok = m.is(k, words[0])
	}
	return ok && m.is(k+1, words[1])
}

// startC is where the word at k starts once its proclitics are left out
// (the first reading, bare words first, that is one of words).
func (m *matcher) startC(k int, words ...string) int {
	if st, ok := m.isC(k, words...); ok {
		return st
	}
	return m.us[k].start
}

// todayIsNowadays reports whether a bare اليوم at k means "to this day" or
// "nowadays" rather than the dct: after حتى/لغاية/إلى in a clause that says
// something still holds or has not happened (لم يتغير حتى اليوم, لا يزال
// ... حتى اليوم, منذ 2011 وحتى اليوم), or in عالم اليوم.
func (m *matcher) todayIsNowadays(k int) bool {
	if !m.is(k, "اليوم") {
		return false
	}
	if m.isC2(k-1, "عالم") {
		return true
	}
	if !m.isC2(k-1, "حتي", "لغايه", "لحد", "الي") {
		return false
	}
	for b := k - 2; b >= 0 && m.sameSent(b, k) && k-b <= 20; b-- {
		if m.isC2(b, "لم", "منذ", "يزال", "تزال", "زال", "زالت", "زالوا", "يزالون", "مازال", "مازالت") {
			return true
		}
	}
	return false
}

// imperfectShape reports whether the word at k looks like an imperfect verb
// (تستضيف, نفتتح): asked only of the word before اليوم and a definite word.
func (m *matcher) imperfectShape(k int) bool {
	if !m.word(k) {
		return false
	}
	w := strings.TrimPrefix(m.us[k].norm, "و")
	rs := []rune(w)
	if len(rs) < 4 || len(rs) > 7 || strings.HasPrefix(w, "ال") || strings.HasSuffix(w, "ات") || strings.HasSuffix(w, "ه") || strings.HasSuffix(w, "يه") || nounsLikeVerbs[w] {
		return false
	}
	return rs[0] == 'ي' || rs[0] == 'ت' || rs[0] == 'ن'
}

// todayOK rejects اليوم when it is a noun with an adjective (اليوم الأول,
// اليوم العالمي للمرأة, اليوم التالي) rather than "today".
func (m *matcher) todayOK(k int) bool {
	if m.is(k-1, "هذا") && m.is(k-2, "مثل") {
		return false // في مثل هذا اليوم: on this day of past years
	}
	if m.isC2(k-1, "طوال", "طيله", "مدار", "ذلك", "تلك", "نفس", "ذات") {
		return false // طوال اليوم: all day long; ذلك اليوم, نفس اليوم: that day
	}
	if !m.word(k + 1) {
		return true
	}
	if _, _, ok := m.bareWeekday(k+1, false, false); ok {
		return true
	}
	if r, ok := m.rd(k+1, false, 1, func(reading) bool { return true }); ok {
		// يلتقي اليوم الرئيس الفرنسي: after a verb, a definite word is the
		// subject or object, unless it reads as an adjective of يوم
		// (بدأ اليوم الأول, اليوم العالمي, اليوم التالي)
		if k > 0 && (m.verbTense(k-1) != 0 || m.imperfectShape(k-1)) && !m.is(k-1, "بدا", "بدات", "انتهي", "انتهت", "يبدا", "تبدا") {
			w := r.full
			if !strings.HasSuffix(w, "ي") && !strings.HasSuffix(w, "يه") && !m.is(k+1, "الاول", "الاخير", "الموعود", "المشهود", "المفتوح", "الكامل", "المقرر", "الحاسم") {
				return true
			}
		}
		return false
	}
	if m.is(k+1, "نفسه", "ذاته", "الذي", "التي") {
		return false
	}
	if m.is(k-1, "هذا") {
		return false
	}
	return true
}

// pRelUnit: هذا الأسبوع, الشهر الماضي, العام المقبل, مطلع الشهر, أواخر العام الماضي.
func (m *matcher) pRelUnit(i int) []found {
	// edge modifier
	if _, r, ok := lookup(m, i, true, 0, edgeMods); ok {
		k := i + 1
		if m.is(k, "اليوم") && !m.isAdjAfter(k+1) && (r.stem == "منتصف" || r.stem == "نهايه" || r.stem == "بدايه" || r.stem == "مطلع") {
			// منتصف اليوم is midday; نهاية اليوم the day
			f := m.mk(i, k+1, r.start, "DATE", m.c.dayShift(0))
			if r.stem == "منتصف" {
				f.typ, f.val = "TIME", f.val+"T12:00"
			}
			return []found{m.rel(f)}
		}
		if f := m.pRelUnitCore(k, false); f != nil {
			f.i, f.start = i, r.start
			return []found{*f}
		}
		if fs := m.pDate(k); len(fs) == 1 && fs[0].start == m.us[k].start && !m.hasDay(fs[0].val) {
			fs[0].i, fs[0].start = i, r.start
			return fs
		}
		if fs := m.pYear(k); len(fs) >= 1 && fs[0].start == m.us[k].start {
			fs[0].i, fs[0].start = i, r.start
			return fs
		}
		if fs := m.pEra(k); len(fs) == 1 && fs[0].start == m.us[k].start {
			fs[0].i, fs[0].start = i, r.start // أواخر السبعينيات
			return fs
		}
		if fs := m.pHijri(k); len(fs) == 1 && fs[0].start == m.us[k].start && !m.hasDay(fs[0].val) {
			fs[0].i, fs[0].start = i, r.start // منتصف شهر رمضان
			return fs
		}
		if r.stem == "اول" || r.stem == "اخر" || r.stem == "غره" {
			return nil
		}
		// bare period after the edge: مطلع الشهر = this month
		if u, r2, ok := lookup(m, k, false, 1, calUnits); ok && r2.def && !m.word(k+1) || ok && !m.isAdjAfter(k+1) {
			_ = u
			return []found{m.rel(m.mk(i, k+1, r.start, "DATE", m.c.shift(u, 0)))}
		}
		return nil
	}
	if f := m.pRelUnitCore(i, true); f != nil {
		return []found{*f}
	}
	return nil
}

func (m *matcher) hasDay(v string) bool { return len(v) == 10 }

// isAdjAfter reports whether unit k is a word with the article that could
// qualify the period before it (العام الدراسي, الشهر الفضيل): then a bare
// "الشهر" is not the current month.
func (m *matcher) isAdjAfter(k int) bool {
	_, ok := m.rd(k, false, 1, func(reading) bool { return true })
	return ok
}

func (m *matcher) pRelUnitCore(i int, clit bool) *found {
	// هذا/هذه + unit
	if st, ok := m.isCMaybe(i, clit, "هذا", "هذه"); ok {
		if u, r, ok := lookup(m, i+1, false, 1, calUnits); ok && !notWithThis[r.stem] {
			f := m.rel(m.mk(i, i+2, st, "DATE", m.c.shift(u, 0)))
			if u == "Y" {
				m.withYearNumber(&f, i+2)
			}
			return &f
		}
		return nil
	}
	u, r, ok := lookup(m, i, clit, 1, calUnits)
	if !ok {
		return nil
	}
	adj := i + 1
	if (r.stem == "عام" || r.stem == "سنه") && m.is(adj, "المالي", "الماليه", "الدراسي", "الدراسيه") {
		adj++ // السنة المالية الحالية: the fiscal year, valued as the year
	}
	dir, r2, ok := lookup(m, adj, false, 1, relDir)
	if !ok || r2.stem == "سابق" || r2.stem == "سابقه" || r2.stem == "تالي" || r2.stem == "تاليه" || r2.stem == "لاحق" {
		return nil
	}
	// gender agreement: السنة الماضية, not السنة الماضي
	if (r.stem == "سنه") != strings.HasSuffix(r2.stem, "ه") {
		return nil
	}
	f := m.rel(m.mk(i, adj+1, r.start, "DATE", m.c.shift(u, dir)))
	if u == "Y" {
		m.withYearNumber(&f, adj+1)
	}
	return &f
}

// withYearNumber extends a this-year expression over the year written
// after it at k: العام الحالي 2018, هذا العام 1439هـ (a Hijri year that
// overlaps the Gregorian one).
func (m *matcher) withYearNumber(f *found, k int) {
	if y, j, ok := m.year(k); ok && fmt.Sprintf("%04d", y) == f.val {
		f.j, f.end = j, m.us[j-1].end
		return
	}
	n, ok := m.num(k)
	if !ok || n < 1300 || n > 1500 || len(m.us[k].norm) != 4 || !m.word(k+1) || m.us[k+1].norm != "ه" && !m.is(k+1, "هجري", "هجريه") {
		return
	}
	g1, _ := hijri.ToGregorian(n, 1, 1)
	g2, _ := hijri.ToGregorian(n, 12, 29)
	if fmt.Sprintf("%04d", g1.Year()) == f.val || fmt.Sprintf("%04d", g2.Year()) == f.val {
		f.j, f.end = k+2, m.us[k+1].end
	}
}

func (m *matcher) isCMaybe(i int, clit bool, words ...string) (int, bool) {
	if clit {
		return m.isC(i, words...)
	}
	if m.is(i, words...) {
		return m.us[i].start, true
	}
	return 0, false
}

// pPlural: الأيام المقبلة, السنوات الخمس الماضية, الأسبوعين الماضيين.
func (m *matcher) pPlural(i int) []found {
	u, r, ok := lookup(m, i, true, 1, pluralUnits)
	if !ok {
		return nil
	}
	k := i + 1
	n := 0
	if du, ok := durUnits[r.stem]; ok && du.count == 2 {
		n = 2
	}
	if v, _, ok := lookup(m, k, false, 1, cardinals); ok && v > 0 && v < 111 {
		n = v
		k++
		if v < 10 && m.is(k, "عشر", "عشره") {
			n += 10 // الأشهر الاثني عشر الأخيرة
			k++
		}
	} else if v, _, ok := lookup(m, k, false, 1, cardinals); ok && v == 111 && m.is(k+1, "عشر", "عشره") {
		n, k = 11, k+2
	} else if v, ok := m.num(k); ok && !m.decimal(k) {
		n = v
		k++
	} else if m.word(k) && m.us[k].norm == "ال" && m.articleOn(k) {
		if v, ok := m.num(k + 1); ok && v > 0 && !m.decimal(k+1) {
			n, k = v, k+2 // الساعات الـ24 الماضية
		}
	} else if m.is(k, "القليله", "العديده", "الطويله") {
		k++ // الأسابيع القليلة الماضية
	}
	if n > 0 && m.is(k, "الاولي", "الاول") {
		return []found{m.mk(i, k+1, r.start, "DURATION", duration(n, u))} // الأشهر الأربعة الأولى
	}
	dir, _, ok := lookup(m, k, false, 1, pluralDir)
	if !ok {
		return nil
	}
	if n > 0 {
		return []found{m.mk(i, k+1, r.start, "DURATION", duration(n, u))}
	}
	if u == "MIN" || u == "S" {
		return nil // الدقائق الأخيرة: the last minutes of a match, not of now
	}
	ref := "PAST_REF"
	if dir > 0 {
		ref = "FUTURE_REF"
	}
	return []found{m.mk(i, k+1, r.start, "DATE", ref)}
}

func duration(n int, u string) string {
	q := "X"
	if n >= 0 {
		q = fmt.Sprint(n)
	}
	switch u {
	case "H":
		return "PT" + q + "H"
	case "MIN":
		return "PT" + q + "M"
	case "S":
		return "PT" + q + "S"
	case "DE":
		if n >= 0 {
			return fmt.Sprintf("P%dY", 10*n)
		}
		return "PXDE"
	case "CE":
		if n >= 0 {
			return fmt.Sprintf("P%dY", 100*n)
		}
		return "PXCE"
	}
	return "P" + q + u
}

// quantity reads a duration's amount and unit: 3 سنوات, ثلاث سنوات,
// عامين, يوم واحد, عدة أيام, نصف ساعة. It returns n (-1 vague), the unit,
// the next index and the start.
func (m *matcher) quantity(i int, clit bool, bareOK bool) (int, string, int, int, bool) {
	// العشر سنوات: a counted period with the article on the number
	if v, r, ok := lookup(m, i, clit, 1, cardinals); ok && v > 2 && v < 111 {
		if du, r2, ok := lookup(m, i+1, false, 0, durUnits); ok && r2.clit == "" && du.count == 0 {
			return v, du.code, i + 2, r.start, true
		}
	}
	if n, next, st, ok := m.cardinal(i, clit); ok {
		if m.is(next, "من") && n == -1 { // عدد من
			next++
		}
		art := 0
		if n == -1 {
			art = -1 // عشرات السنين, آلاف الأعوام
		}
		if du, r, ok := lookup(m, next, false, art, durUnits); ok && r.clit == "" {
			if n == -1 && du.count != 0 {
				return 0, "", 0, 0, false
			}
			return n, du.code, next + 1, st, true
		}
		return 0, "", 0, 0, false
	}
	if st, ok := m.isCMaybe(i, clit, "نصف", "ربع"); ok {
		du, r, ok := lookup(m, i+1, false, -1, durUnits)
		if !ok || du.count != 1 || r.clit != "" {
			return 0, "", 0, 0, false
		}
		half := strings.HasSuffix(m.us[i].norm, "نصف")
		if v, ok := fractionOf[du.code]; ok {
			if half {
				return v.half, v.unit, i + 2, st, true
			}
			if v.quarter > 0 {
				return v.quarter, v.unit, i + 2, st, true
			}
		}
		return 0, "", 0, 0, false
	}
	du, r, ok := lookup(m, i, clit, 0, durUnits)
	if !ok {
		return 0, "", 0, 0, false
	}
	if du.count == 1 && m.namesDate(i+1) {
		// شهر مايو, يوم الاثنين: the unit word introduces a name
		return 0, "", 0, 0, false
	}
	if du.count == 1 && bareOK && m.isAdjAfter(i+1) && !m.is(i+1, "الواحد", "الواحده", "الكامل", "الكامله") {
		// قبل يوم الإضراب: يوم in a construct names a day, it is no amount
		if _, _, ok := lookup(m, i+1, false, 1, relDir); !ok {
			return 0, "", 0, 0, false
		}
	}
	switch {
	case du.count == 2:
		return 2, du.code, i + 1, r.start, true
	case du.count == 1 && m.is(i+1, "واحد", "واحده", "كامل", "كامله", "واحدا", "اضافي", "اضافيا", "اضافيه", "اخر", "اخرا", "كاملا"):
		return 1, du.code, i + 2, r.start, true
	case du.count == 1 && bareOK:
		return 1, du.code, i + 1, r.start, true
	case du.count == 0 && bareOK:
		if m.is(i+1, "قليله", "عديده", "معدوده", "طويله", "عده", "قلايل", "كامله", "متتاليه", "طوال") {
			return -1, du.code, i + 2, r.start, true // دقائق قليلة, سنوات عدة
		}
		return -1, du.code, i + 1, r.start, true
	}
	return 0, "", 0, 0, false
}

var durTriggers = []string{"مدي", "مدار", "قبيل", "بعيد", "عقب", "بين", "لمده", "مده", "طوال", "طيله", "خلال", "قبل", "بعد", "منذ", "نحو", "حوالي", "زهاء", "قرابه", "غضون", "قرابه", "اكثر", "اقل"}

// lastingVerbs say how long something went on: what follows them within a
// few words is an amount of time even without a number (استمرت ساعات).
var lastingVerbs = []string{"استمر", "استمرت", "استمرا", "استمروا", "يستمر", "تستمر", "دام", "دامت", "يدوم", "تدوم",
	"استغرق", "استغرقت", "يستغرق", "تستغرق", "امتد", "امتدت", "يمتد", "تمتد"}

// lastingBefore reports whether a bare plural unit at i (no article, no
// clitic) comes within three words after a verb of lasting.
func (m *matcher) lastingBefore(i int) bool {
	if !m.word(i) || strings.HasPrefix(m.us[i].norm, "ال") {
		return false
	}
	du, ok := durUnits[m.us[i].norm]
	if !ok || du.count != 0 {
		return false
	}
	for b := i - 1; b >= 0 && i-b <= 3 && m.word(b) && m.sameSent(b, i); b-- {
		if m.isC2(b, lastingVerbs...) {
			return true
		}
	}
	return false
}

// pDuration: 48 ساعة, ثلاث سنوات, عامين, يوم واحد, لسنوات.
func (m *matcher) pDuration(i int) []found {
	// الـ39 عاما: the article glued to the number
	if m.word(i) && m.us[i].norm == "ال" && m.articleOn(i) {
		if fs := m.pDuration(i + 1); len(fs) == 1 && fs[0].i == i+1 {
			fs[0].i, fs[0].start = i, m.us[i].start
			if _, _, ok := lookup(m, fs[0].j, false, 1, pluralDir); ok {
				fs[0].j++ // الـ5 سنوات الأخيرة
				fs[0].end = m.us[fs[0].j-1].end
			}
			return fs
		}
		return nil
	}
	// آخر عامين, آخر ثلاث سنوات: the last N units, an amount whose
	// direction word comes first
	if st, ok := m.isC(i, "اخر"); ok {
		if n, u, next, _, ok := m.quantity(i+1, false, false); ok && n >= 2 {
			return []found{m.mk(i, next, st, "DURATION", duration(n, u))}
		}
	}
	// 12 أو 13 عاما, من 15 إلى 20 سنة: the first number takes the unit of the second
	if n1, ok := m.num(i); ok && !m.decimal(i) && n1 > 0 {
		c := i + 1
		if m.is(c, "او", "الي", "حتي") || m.word(c) && m.us[c].norm == "و" || m.punct(c, "-–") {
			if n2, u2, next2, st2, ok := m.quantity(c+1, false, false); ok && n2 > n1 && next2 > c+2 {
				first := m.mk(i, i+1, m.us[i].start, "DURATION", duration(n1, u2))
				second := m.mk(c+1, next2, st2, "DURATION", duration(n2, u2))
				return []found{first, second}
			}
		}
	}
	bare := i > 0 && m.isC2(i-1, durTriggers...) || i > 1 && m.is(i-1, "من") && m.isC2(i-2, "اكثر", "اقل")
	if !bare && m.word(i) {
		for _, r := range m.us[i].an {
			if r.clit == "ل" || r.clit == "ول" || r.clit == "ب" {
				if du, ok := durUnits[r.stem]; ok && !r.def && du.count == 0 {
					bare = true
				}
			}
		}
	}
	// عقد من الزمن, قرنين من الزمن: "of time" makes the unit an amount
	ofTime := m.is(i+1, "من") && m.is(i+2, "الزمن")
	if ofTime && !strings.HasPrefix(m.us[i].norm, "ال") {
		if du, r, ok := lookup(m, i, true, 0, durUnits); ok {
			n := du.count
			if n == 0 {
				n = -1
			}
			return []found{m.mk(i, i+3, r.start, "DURATION", duration(n, du.code))}
		}
	}
	if !bare && m.lastingBefore(i) {
		bare = true // استمرت المفاوضات ساعات, دام الحصار أشهرا
	}
	if !bare && (m.is(i+1, "فقط", "معدوده", "قليله", "طويله") || m.is(i+1, "من") && !m.isAdjAfter(i+2)) {
		if du, _, ok := lookup(m, i, true, 0, durUnits); ok && du.count == 0 {
			bare = true // دقائق فقط
		}
	}
	n, u, next, st, ok := m.quantity(i, true, bare)
	if !ok && m.is(i, "ساعه") && m.word(i+1) && m.us[i+1].norm == "و" {
		n, u, next, st, ok = 1, "H", i+1, m.us[i].start, true // ساعة و38 دقيقة
	}
	if !ok {
		return nil
	}
	if strings.HasPrefix(m.us[i].norm, "ال") {
		if _, _, ok := lookup(m, next, false, 1, pluralDir); ok {
			// الستة أشهر الماضية, العشرة أيام الأخيرة: the direction
			// adjective belongs to the amount
			return []found{m.mk(i, next+1, st, "DURATION", duration(n, u))}
		}
	}
	// ساعة و38 دقيقة, عامين وثلاثة أشهر: one duration
	if n > 0 && m.word(next) {
		k := next
		if m.us[k].norm == "و" && m.adjacent(k, k+1) {
			k++
		} else if rs := m.us[k].an; len(rs) > 0 && strings.HasPrefix(m.us[k].norm, "و") {
			k = -1
			for _, r := range rs {
				if r.clit == "و" {
					k = next
				}
			}
		} else {
			k = -1
		}
		if k >= 0 {
			frac := m.isC2(k, "نصف", "ربع") || m.us[k].norm == "و" && m.is(k+1, "نصف", "ربع")
			if n2, u2, next2, _, ok := m.quantityAfterWa(k); ok && n2 > 0 && unitRank[u2] > unitRank[u] && n2 < unitMax[u2] && (frac || !m.is(i-1, "بين", "من")) {
				return []found{m.mk(i, next2, st, "DURATION", combine(n, u, n2, u2))}
			}
		}
		// عام ونصف, ثلاث ساعات ونصف: a bare half of the same unit
		if v, ok := fractionOf[u]; ok && m.us[next].norm == "ونصف" && v.half > 0 {
			if _, _, ok := lookup(m, next+1, false, 0, durUnits); !ok {
				return []found{m.mk(i, next+1, st, "DURATION", combine(n, u, v.half, v.unit))}
			}
		}
	}
	if bare && next == i+1 && m.isAdjAfter(next) && !m.is(next, "الماضيه", "الماضي", "المقبل", "المقبله", "الاخيره") {
		// أيام العيد, يوم الانتخابات: a construct, not an amount
		if _, isNum := m.num(i); !isNum {
			if _, _, isCard := lookup(m, i, true, 0, cardinals); !isCard {
				if du, _, _ := lookup(m, i, true, 0, durUnits); du.count != 2 {
					return nil
				}
			}
		}
	}
	return []found{m.mk(i, next, st, "DURATION", duration(n, u))}
}

// pAgo: قبل عامين, منذ ثلاثة أشهر, منذ سنوات, قبل أسبوع من ... (duration).
func (m *matcher) pAgo(i int) []found {
	st, ok := m.isC(i, "قبل", "منذ")
	if !ok {
		return nil
	}
	k := i + 1
	if m.is(k, "نحو", "حوالي", "قرابه", "زهاء", "اكثر") {
		if m.is(k, "اكثر") && m.is(k+1, "من") {
			k++
		}
		k++
	} else if m.is(k, "ما") && m.is(k+1, "يزيد", "يقرب", "يربو") && m.is(k+2, "عن", "علي", "من") {
		k += 3 // قبل ما يزيد عن مئة عام
	}
	if m.is(k, "قليل") {
		return []found{m.mk(i, k+1, st, "DATE", "PAST_REF")} // قبل قليل
	}
	n, u, next, _, ok := m.quantity(k, false, true)
	if !ok {
		// منذ فترة, منذ وقت طويل, منذ زمن
		if m.is(k, "فتره", "وقت", "زمن", "مده") {
			j := k + 1
			if m.is(j, "طويل", "طويله", "قصير", "قصيره", "وجيزه", "بعيد", "ليس") {
				if m.is(j, "ليس") && m.is(j+1, "ببعيد", "بالقصير", "بالطويل") {
					j++
				}
				j++
			}
			return []found{m.mk(i, j, st, "DATE", "PAST_REF")}
		}
		return nil
	}
	if m.is(next, "من", "علي") && m.isC2(i, "قبل") {
		// قبل أسبوع من المؤتمر: a duration before another event
		return nil
	}
	if fs := m.pDuration(k); len(fs) == 1 && fs[0].j > next && n > 0 {
		if m.is(fs[0].j, "من", "علي") && m.isC2(i, "قبل") {
			return nil // قبل نحو شهر ونصف شهر من الانتخابات: the compound amount alone
		}
		// قبل عامين وثلاثة أشهر: one expression, shifted by the whole amount
		var a, b int
		switch {
		case u == "Y" && strings.Count(fs[0].val, "Y") == 1 && strings.HasSuffix(fs[0].val, "M"):
			if _, err := fmt.Sscanf(fs[0].val, "P%dY%dM", &a, &b); err == nil {
				return []found{m.rel(m.mk(i, fs[0].j, st, "DATE", m.c.shift("M", -(a*12+b))))}
			}
		case u == "M" && strings.HasSuffix(fs[0].val, "D") && !strings.Contains(fs[0].val, "T"):
			if _, err := fmt.Sscanf(fs[0].val, "P%dM%dD", &a, &b); err == nil {
				return []found{m.rel(m.mk(i, fs[0].j, st, "DATE", m.c.shift("D", -(a*30+b))))}
			}
		}
		if u != "DE" && u != "CE" {
			return []found{m.rel(m.mk(i, fs[0].j, st, "DATE", m.c.shift(u, -n)))} // منذ ساعة و20 دقيقة
		}
	}
	if n < 0 {
		return []found{m.mk(i, next, st, "DATE", "PAST_REF")}
	}
	if m.word(next) && m.us[next].norm == "ونصف" && n > 0 {
		// منذ عام ونصف: eighteen months ago
		if _, _, unit := lookup(m, next+1, false, 0, durUnits); !unit {
			switch u {
			case "Y":
				n, u = n*12+6, "M"
			case "M":
				n, u = n*30+15, "D"
			}
			next++
		}
	}
	if u == "DE" || u == "CE" {
		n *= map[string]int{"DE": 10, "CE": 100}[u]
		u = "Y"
	}
	return []found{m.rel(m.mk(i, next, st, "DATE", m.c.shift(u, -n)))}
}

// pYear: 2016, عام 2015, العام 1981, عامي 2011 و2013, 1438هـ, 2009/2010.
func (m *matcher) pYear(i int) []found {
	k, start := i, -1
	prefixed := false
	// عام ألفين وخمسة عشر, أزمة ألفين وخمسة عشر: a year in words
	if st, ok := m.isC(k, "عام", "العام", "سنه", "السنه"); ok {
		if y, j, ok := m.writtenYear(k + 1); ok {
			return []found{m.mk(i, j, st, "DATE", fmt.Sprintf("%04d", y))}
		}
	} else if m.isC2(k-1, yearEvents...) {
		if y, j, ok := m.writtenYear(k); ok && j > k+1 {
			return []found{m.mk(i, j, m.us[k].start, "DATE", fmt.Sprintf("%04d", y))}
		}
	}
	if st, ok := m.isC(k, "عام", "العام", "سنه", "السنه", "عامي", "سنتي", "عاما", "اعوام", "الاعوام", "سنوات", "السنوات"); ok {
		if _, _, ok := m.year(k + 1); ok {
			k, start, prefixed = k+1, st, true
		} else if n, ok := m.num(k + 1); ok && n >= 1300 && n <= 1500 {
			k, start, prefixed = k+1, st, true
		}
	}
	n, ok := m.num(k)
	if !ok || len(m.us[k].norm) != 4 || m.decimal(k) {
		return nil
	}
	if start < 0 {
		start = m.us[k].start
	}
	// Hijri year: 1438هـ, 1438 هجرية
	if n >= 1300 && n <= 1500 && m.word(k+1) && (m.us[k+1].norm == "ه" || m.is(k+1, "هجري", "هجريه", "للهجره")) {
		j := k + 2
		g, _ := hijri.ToGregorian(n, 6, 15)
		f := m.mk(i, j, start, "DATE", fmt.Sprintf("%04d", g.Year()))
		f.hijri = true
		return []found{f}
	}
	y, j, ok := m.year(k)
	if !ok {
		return nil
	}
	if !prefixed && !m.bareYearOK(k, j) {
		return nil
	}
	// 2009/2010, 2009-2010: a season; 1885-1957: two years
	var second *found
	if m.punct(j, "-–") && !m.adjacent(j-1, j) && m.isC2(k-1, "موسم", "الموسم", "مواسم") {
		// موسم 1992 - 1993: a spaced season, one year after the other
		if y2, j2, ok := m.year(j + 1); ok && y2 == y+1 {
			j = j2
		}
	} else if m.punct(j, "/-–") && m.adjacent(j-1, j) {
		if y2, j2, ok := m.year(j + 1); ok && y2 == y+1 {
			j = j2
		} else if n2, ok := m.num(j + 1); ok && len(m.us[j+1].norm) == 2 && n2 == (y+1)%100 {
			j = j + 2
		} else if ok && y2 > y {
			f := m.mk(j+1, j2, m.us[j+1].start, "DATE", fmt.Sprintf("%04d", y2))
			second = &f
		}
	}
	out := []found{m.mk(i, j, start, "DATE", fmt.Sprintf("%04d", y))}
	if second != nil {
		return append(out, *second)
	}
	// عامي 2011 و2013, بين 2011 و2013, أعوام 2008 و2013 و2014
	for m.word(j) && m.us[j].norm == "و" && m.adjacent(j, j+1) {
		y2, j2, ok := m.year(j + 1)
		if !ok {
			break
		}
		out = append(out, m.mk(j+1, j2, m.us[j+1].start, "DATE", fmt.Sprintf("%04d", y2)))
		j = j2
		if m.punct(j, "،,") && m.word(j+1) && m.us[j+1].norm == "و" {
			j++
		}
	}
	return out
}

// yearEvents are events named by their year: حرب 1948, أزمة ألفين وخمسة عشر.
var yearEvents = []string{"حرب", "ثوره", "نكبه", "نكسه", "انتفاضه", "دستور", "ازمه"}

// writtenYear reads a year of this century in words at k: ألفين [و N].
func (m *matcher) writtenYear(k int) (int, int, bool) {
	if !m.is(k, "الفين", "الفان") {
		return 0, 0, false
	}
	if m.word(k+1) && strings.HasPrefix(m.us[k+1].norm, "و") {
		if v, next, _, ok := m.cardinal(k+1, true); ok && v > 0 && v < 100 {
			for _, r := range m.us[k+1].an {
				if r.clit == "و" {
					return 2000 + v, next, true
				}
			}
		}
	}
	return 2000, k + 1, true
}

// bareYearOK accepts a four-digit number as a year when a date word comes
// before it or nothing counted comes after it (2000 شخص is no year).
func (m *matcher) bareYearOK(k, j int) bool {
	y, _ := m.num(k)
	if y >= 1000 && y < 1800 && m.punct(k-1, "(") && (m.punct(j, ")-–")) {
		return true // (1533-1536)
	}
	if y < 1800 || y > 2099 {
		return false
	}
	if m.triggered(k) || m.is(k-1, "بين") || m.punct(k-1, "(") || m.punct(k-1, "-–") && k > 1 && m.isYearAt(k-2) {
		return true
	}
	if y < 1900 {
		return false
	}
	if m.is(k-1, "موسم", "نسخه", "دوره", "مونديال", "كاس", "بطوله", "انتخابات", "منتخب", "ميزانيه", "رويه", "اولمبياد", "يورو", "لعام", "بعام", "وعام", "نهايي") {
		return true
	}
	// حرب 1948, ثورة 1919: an event named by its year
	if m.isC2(k-1, yearEvents...) {
		return true
	}
	// كأس العالم 2018, مونديال روسيا 2018: the event's name, then its year
	if m.word(k-1) && m.is(k-2, "مونديال", "كاس", "بطوله", "اولمبياد", "دوره", "نسخه") && !m.decimal(k) {
		return true
	}
	if k > 0 && m.punct(k-1, "(\"”»") {
		return true
	}
	if j >= len(m.us) || !m.sameSent(k, j) || m.us[j].kind == uPunct {
		return true
	}
	if !m.word(j) {
		return false
	}
	if m.us[j].norm == "و" {
		return true
	}
	if m.is(j, "في", "من", "الي", "علي", "عن", "حتي", "مع", "بعد", "قبل", "حين", "عندما", "حيث", "الذي", "التي", "وهو", "وهي", "بعدما", "قبلما", "لكن", "ثم", "او", "اذ", "اللذين", "بينما") {
		return true
	}
	for _, r := range m.us[j].an {
		if r.clit == "و" || r.clit == "ف" {
			return true
		}
		if r.clit == "" && r.def {
			return true
		}
	}
	return false
}

// hijriMonth reads a Hijri month name (two words first).
func (m *matcher) hijriMonth(i int, clit bool) (int, int, int, bool, bool) {
	if !m.word(i) {
		return 0, 0, 0, false, false
	}
	for _, r := range m.us[i].an {
		if !clit && r.clit != "" {
			continue
		}
		if m.word(i + 1) {
			if v, ok := hijri.Month(r.full + " " + m.us[i+1].norm); ok {
				return v, i + 2, r.start, true, true
			}
		}
		if v, ok := hijri.Month(r.full); ok {
			return v, i + 1, r.start, false, true
		}
	}
	return 0, 0, 0, false, false
}

// pHijri: 15 رمضان 1437 هـ, شهر رمضان, ذو الحجة.
func (m *matcher) pHijri(i int) []found {
	k, start := i, -1
	if _, next, st, ok := m.weekdayAt(k, true); ok {
		n2 := next
		if m.punct(n2, "،,") {
			n2++
		}
		if _, dn, _, ok := m.day(n2, false); ok {
			if _, _, _, _, ok := m.hijriMonth(dn, false); ok || m.is(dn, "من") {
				k, start = n2, st
			}
		}
	}
	d, next, st, hasDay := m.day(k, start < 0)
	if hasDay {
		if start < 0 {
			start = st
		}
		if m.is(next, "من") {
			next++
		}
		k = next
		// التاسع والعشرين من شهر شعبان: شهر between the day and the name
		if m.is(k, "شهر") {
			if _, _, _, _, ok := m.hijriMonth(k+1, false); ok {
				k++
			}
		}
	}
	shahr := false
	if !hasDay {
		if s, ok := m.isC(k, "شهر"); ok {
			start, shahr = s, true
			k++
		}
	}
	mon, after, mst, two, ok := m.hijriMonth(k, !hasDay && !shahr)
	if !ok {
		return nil
	}
	if start < 0 {
		start = mst
	}
	j := after
	y := 0
	if n, ok := m.num(j); ok && n >= 1300 && n <= 1500 && len(m.us[j].norm) == 4 {
		y = n
		j++
		if m.word(j) && (m.us[j].norm == "ه" || m.is(j, "هجري", "هجريه", "للهجره")) {
			j++
		}
	} else if m.is(j, "المبارك", "الكريم", "المعظم", "الفضيل", "الحرام") {
		j++
	}
	hdir, hasDir := 0, false
	if y == 0 {
		// رمضان الماضي, شهر رمضان المقبل: the modifier is part of it
		if v, r, ok := lookup(m, j, false, 1, relDir); ok && r.stem != "سابق" && r.stem != "تالي" && r.stem != "لاحق" {
			hdir, hasDir = v, true
			j++
		}
	}
	if !hasDay && y == 0 && !shahr && !two && j == after && !m.triggered(k) {
		return nil
	}
	if !two && !hasDay && y == 0 && !shahr && !hasDir && m.word(after) && m.isProperNext(after) {
		return nil
	}
	if y == 0 {
		if !m.c.ok {
			v := "XXXX-XX"
			if hasDay {
				v = "XXXX-XX-XX"
			}
			f := m.mk(i, j, start, "DATE", v)
			f.hijri = true
			return []found{f}
		}
		y = m.nearestHijriYear(mon)
	}
	dd := d
	if !hasDay {
		dd = 15
	}
	if hasDir && hdir != 0 && m.c.ok && hijri.Valid(y, mon, dd) {
		if g, _ := hijri.ToGregorian(y, mon, dd); hdir < 0 && g.After(m.c.t) {
			y--
		} else if hdir > 0 && g.Before(m.c.t) {
			y++
		}
	}
	if !hijri.Valid(y, mon, dd) {
		return nil
	}
	g, _ := hijri.ToGregorian(y, mon, dd)
	val := g.Format("2006-01")
	if hasDay {
		val = g.Format("2006-01-02")
	}
	f := m.mk(i, j, start, "DATE", val)
	f.hijri = true
	return []found{f}
}

// isProperNext: a capitalised-looking name after رمضان/رجب is unknowable in
// Arabic; reject when the next word has no article and is not a date word,
// as in رجب طيب أردوغان.
func (m *matcher) isProperNext(k int) bool {
	_, ok := m.rd(k, false, 0, func(r reading) bool { return len([]rune(r.stem)) >= 3 })
	return ok && !m.is(k, "من", "في", "الي", "حتي", "او")
}

func (m *matcher) nearestHijriYear(mon int) int {
	hy, _, _ := hijri.FromGregorian(m.c.t)
	best, bestDiff := hy, 1<<30
	for y := hy - 1; y <= hy+1; y++ {
		g, err := hijri.ToGregorian(y, mon, 15)
		if err != nil {
			continue
		}
		diff := int(g.Sub(m.c.t).Hours())
		if diff < 0 {
			diff = -diff
		}
		if diff < bestDiff {
			best, bestDiff = y, diff
		}
	}
	return best
}

// pTime: الساعة الثالثة بعد الظهر, الساعة 14:30 بتوقيت غرينتش, 8 مساء, منتصف الليل.
func (m *matcher) pTime(i int) []found {
	k := i
	start := -1
	saa := false
	if st, ok := m.isC(k, "الساعه"); ok {
		start, saa = st, true
		k++
	}
	h, mi := -1, 0
	hourWord := false
	if saa && m.word(k) && m.us[k].norm == "ال" && m.articleOn(k) {
		if _, ok := m.num(k + 1); ok {
			k++ // الساعة الـ11: the article glued to the hour
		}
	}
	if n, ok := m.num(k); ok && len(m.us[k].norm) <= 2 && n <= 24 && m.punct(k+1, ",.،") && m.adjacent(k, k+1) && m.adjacent(k+1, k+2) && (saa || m.isC2(k+3, "بتوقيت", "توقيت") || m.gmtAt(k+3)) {
		if n2, ok := m.num(k + 2); ok && len(m.us[k+2].norm) == 2 && n2 < 60 {
			h, mi = n, n2 // الساعة 21,20 and 20,20 بتوقيت غرينتش
			if start < 0 {
				start = m.us[k].start
			}
			k += 3
		}
	} else if n, ok := m.num(k); ok && (saa || m.isC2(k+1, "بتوقيت", "توقيت")) && len(m.us[k].norm) == 4 && n%100 < 60 && n/100 <= 24 {
		h, mi = n/100, n%100 // الساعة 0821 بتوقيت غرينتش
		if start < 0 {
			start = m.us[k].start
		}
		k++
	} else if n, ok := m.num(k); ok && len(m.us[k].norm) <= 2 && !m.decimal(k) {
		if !saa && m.word(k-1) && m.us[k-1].norm == "ال" && m.adjacent(k-1, k) && n <= 24 && m.podAdvAt(k+1) {
			start = m.us[k-1].start // عند الـ8 مساء: the article glued to the hour
		}
		if m.punct(k+1, ":") && m.adjacent(k, k+1) {
			if n2, ok := m.num(k + 2); ok && len(m.us[k+2].norm) == 2 && n2 < 60 && n <= 24 {
				h, mi = n, n2
				if start < 0 {
					start = m.us[k].start
				}
				k += 3
			}
		} else if n <= 24 && (saa || m.podAdvAt(k+1)) {
			h = n
			if start < 0 {
				start = m.us[k].start
			}
			k++
		}
	} else if v, r, ok := lookup(m, k, true, 1, hourWords); ok && !saa && m.hourWordTime(k) {
		h, start = v, r.start // العاشرة صباحا, في الثالثة من فجر اليوم, التاسعة والنصف صباحا
		k++
		hourWord = true
	} else if saa {
		if v, r, ok := lookup(m, k, false, 1, hourWords); ok {
			h = v
			k++
			if v <= 2 && m.is(k, "عشره") {
				h += 10
				k++
			}
			_ = r
		}
	}
	if h < 0 {
		// منتصف الليل
		if st, ok := m.isC(i, "منتصف"); ok && m.is(i+1, "الليل") {
			f := m.mk(i, i+2, st, "TIME", "")
			f.val, f.anchorIdx = "T24:00", -1
			return []found{f}
		}
		return nil
	}
	if saa || hourWord {
		switch {
		case m.is(k, "والنصف"):
			mi, k = 30, k+1
		case m.is(k, "والربع"):
			mi, k = 15, k+1
		case m.is(k, "والثلث"):
			mi, k = 20, k+1
		case m.is(k, "الا") && m.is(k+1, "ربعا", "ربع"):
			h, mi, k = h-1, 45, k+2
		case mi == 0 && k < len(m.us) && m.word(k) && strings.HasPrefix(m.us[k].norm, "و"):
			// الساعة الثانية و40 دقيقة مساء: the minutes belong to the time
			if n, u, next, _, ok := m.quantityAfterWa(k); ok && u == "MIN" && n > 0 && n < 60 {
				mi, k = n, next
			}
		}
	}
	if m.is(k, "من") && m.is(k+1, "صباح", "مساء", "ظهر", "فجر", "بعد", "ليل", "عصر") {
		k++
	}
	// الساعة الرابعة عصر أمس, العاشرة من صباح الخميس: the day and its part
	if _, _, _, ok := m.partOfDayPrefix(k); ok {
		var fs []found
		if fs = m.pDeictic(k); len(fs) != 1 || fs[0].typ != "TIME" {
			fs = m.pWeekday(k)
		}
		if len(fs) == 1 && fs[0].typ == "TIME" && len(fs[0].val) > 11 && fs[0].val[10] == 'T' {
			day, pod := fs[0].val[:10], fs[0].val[11:]
			switch pod {
			case "MO":
				if h == 12 {
					h = 0 // الساعة 12:50 صباح السبت
				}
			case "AF", "EV":
				if h < 12 {
					h += 12
				}
			case "NI":
				if h >= 6 && h < 12 {
					h += 12
				}
			}
			f := m.mk(i, fs[0].j, start, "TIME", fmt.Sprintf("%sT%02d:%02d", day, h, mi))
			f.anchor = fs[0].anchor
			return []found{f}
		}
	}
	switch {
	case m.is(k, "بعد") && m.is(k+1, "الظهر", "الظهيره", "ظهر"):
		if h < 12 {
			h += 12
		}
		k += 2
	case m.is(k, "قبل") && m.is(k+1, "الظهر", "الظهيره") && h <= 12:
		k += 2 // الساعة 11 قبل الظهر
	case m.is(k, "مساء", "مساءا", "ليلا", "عصرا"):
		if h < 12 && !(m.is(k, "ليلا") && h < 5) {
			h += 12
		}
		k++
	case m.is(k, "ظهرا"):
		if h < 11 {
			h += 12
		}
		k++
	case m.is(k, "صباحا", "فجرا", "صباح", "فجر"):
		if h == 12 {
			h = 0
		}
		k++
	}
	if m.word(k) && m.us[k].norm == "تغ" {
		k++ // تغ: توقيت غرينتش
	} else if m.word(k) && m.us[k].norm == "ت" && m.word(k+1) && m.us[k+1].norm == "غ" {
		k += 2 // ت غ: توقيت غرينتش
	} else if m.word(k) && m.us[k].norm == "ت" && m.punct(k+1, ".") && m.adjacent(k, k+1) && m.word(k+2) && m.us[k+2].norm == "غ" && m.adjacent(k+1, k+2) {
		k += 3 // ت.غ
	} else if _, ok := m.isC(k, "بتوقيت", "توقيت"); ok && m.word(k+1) || ok && m.us[k+1].kind == uWord {
		k += 2
		if m.is(k, "المكرمه", "المحلي", "الصيفي") {
			k++
		} else if m.is(k-1, "شرق", "غرب", "وسط") {
			for n := 0; n < 2 && m.isAdjAfter(k); n++ {
				k++ // بتوقيت شرق الولايات المتحدة
			}
		} else if m.is(k-1, "الساحل") && m.is(k, "الشرقي", "الغربي") {
			k++ // بتوقيت الساحل الشرقي للولايات المتحدة
			if m.is(k, "للولايات", "بالولايات") && m.is(k+1, "المتحده") {
				k += 2
			}
		}
	} else if _, ok := m.isC(k, "بالتوقيت", "التوقيت"); ok && m.is(k+1, "المحلي", "العالمي", "الصيفي") {
		k += 2 // بالتوقيت المحلي
	}
	if h > 24 {
		return nil
	}
	f := m.mk(i, k, start, "TIME", fmt.Sprintf("T%02d:%02d", h, mi))
	f.anchorIdx = -1
	return []found{f}
}

// hourWordTime reports whether the hour word at k (العاشرة) is a clock
// time: a part of day follows, after والنصف/والربع/والثلث when written,
// or, after a preposition, a part of a named day (في الثالثة من فجر اليوم).
func (m *matcher) hourWordTime(k int) bool {
	n := k + 1
	if m.is(n, "والنصف", "والربع", "والثلث") {
		n++
	}
	return m.podAdvAt(n) || m.is(k-1, "في", "عند", "حتي", "منذ", "قبل", "بعد", "نحو", "حوالي") && m.podDayAt(n)
}

// podDayAt reports whether a part of a named day follows at k, with or
// without من: فجر اليوم, من مساء الخميس.
func (m *matcher) podDayAt(k int) bool {
	if m.is(k, "من") {
		k++
	}
	if _, _, _, ok := m.partOfDayPrefix(k); !ok {
		return false
	}
	fs := m.pDeictic(k)
	if len(fs) != 1 || fs[0].typ != "TIME" {
		fs = m.pWeekday(k)
	}
	return len(fs) == 1 && fs[0].typ == "TIME" && len(fs[0].val) > 11 && fs[0].val[10] == 'T'
}

// gmtAt reports whether an abbreviation of توقيت غرينتش (ت غ, تغ, ت.غ)
// is at k.
func (m *matcher) gmtAt(k int) bool {
	if !m.word(k) {
		return false
	}
	switch m.us[k].norm {
	case "تغ":
		return true
	case "ت":
		return m.word(k+1) && m.us[k+1].norm == "غ" || m.punct(k+1, ".") && m.word(k+2) && m.us[k+2].norm == "غ"
	}
	return false
}

func (m *matcher) podAdvAt(k int) bool {
	return m.is(k, "صباحا", "مساء", "مساءا", "ليلا", "ظهرا", "عصرا", "فجرا")
}

// anchorTime puts a clock time on the day of the last day-precise date of
// its sentence, else on the dct.
func (m *matcher) anchorTime(f *found) {
	f.anchorIdx = 0
	for k := len(m.out) - 1; k >= 0; k-- {
		o := m.out[k]
		if !m.sameSent(o.i, f.i) {
			break
		}
		if o.typ == "TIME" && len(o.val) > 10 && o.val[10] == 'T' && o.val[4] == '-' && !strings.HasPrefix(o.val, "X") {
			o.val = o.val[:10] // صبيحة الأربعاء في الساعة العاشرة: the day of a part of day
		}
		if (o.typ == "DATE" || o.typ == "TIME") && len(o.val) == 10 && !strings.HasPrefix(o.val, "X") {
			f.val = o.val + f.val
			f.anchorIdx = k + 1
			return
		}
	}
	if m.c.ok {
		f.val = ymd(m.c.t) + f.val
		f.anchor = "dct"
		return
	}
	f.val = "XXXX-XX-XX" + f.val
}

// pSet: يوميا, مؤتمره الصحافي اليومي, كل أسبوع, كل عامين, كل يوم جمعة.
func (m *matcher) pSet(i int) []found {
	if v, r, ok := lookup(m, i, true, -1, setWords); ok && (r.clit == "" || r.clit == "و" || r.clit == "ف") {
		if r.full == "يومي" || r.full == "شهري" {
			if m.namesDate(i + 1) {
				return nil // يومي 18 و19 مايو, شهري مايو ويونيو: a dual, no frequency
			}
		}
		if i > 0 && m.is(i-1, "نصف") && strings.HasSuffix(v, "Y") {
			return []found{m.mk(i-1, i+1, m.us[i-1].start, "SET", "P6M")}
		}
		if i > 0 && m.is(i-1, "ربع") && strings.HasSuffix(v, "Y") {
			return []found{m.mk(i-1, i+1, m.us[i-1].start, "SET", "P3M")} // ربع سنوي: quarterly
		}
		return []found{m.mk(i, i+1, r.start, "SET", v)}
	}
	st, ok := m.isC(i, "كل")
	if !ok {
		return nil
	}
	k := i + 1
	if m.is(k, "يوم") {
		if wd, next, ok := m.bareWeekday(k+1, false, true); ok {
			return []found{m.mk(i, next, st, "SET", isoWeekday(wd))}
		}
	}
	if wd, next, ok := m.bareWeekday(k, false, true); ok && !m.is(k, "احد") {
		return []found{m.mk(i, next, st, "SET", isoWeekday(wd))}
	}
	n, u, next, _, ok := m.quantity(k, false, true)
	if !ok || n < 0 {
		return nil
	}
	return []found{m.mk(i, next, st, "SET", duration(n, u))}
}

func isoWeekday(wd time.Weekday) string {
	d := int(wd)
	if d == 0 {
		d = 7
	}
	return fmt.Sprintf("XXXX-WXX-%d", d)
}

// pRef: الآن, حاليا, مؤخرا, في الآونة الأخيرة, في وقت سابق, في المستقبل.
func (m *matcher) pRef(i int) []found {
	if m.word(i) {
		for _, r := range m.us[i].an {
			if v, ok := refAdverbs[r.full]; ok && (r.clit == "" || r.clit == "و" || r.clit == "ف") {
				if prev := m.us[max(i-1, 0)].norm; (r.full == "سابقا" || r.full == "حاليا" || r.full == "حديثا") && m.word(i-1) && strings.HasSuffix(prev, "ا") && !strings.HasSuffix(prev, "ها") && !strings.HasSuffix(prev, "نا") && len(prev) > 4 {
					continue // موظفا سابقا: an adjective
				}
				if r.full == "الان" && r.clit == "" && m.us[i].first != 'ا' && m.us[i].first != 'ٱ' {
					continue // آلان, ألان: a name
				}
				if r.full == "قريبا" && m.is(i+1, "من") {
					continue // قريبا من تسجيل: close to, not soon
				}
				if (r.full == "حديثا" || r.full == "سابقا") && (m.isAdjAfter(i-1) || m.punct(i-1, "\"”»")) {
					continue // المنتقلين حديثا: newly, not recently
				}
				return []found{m.mk(i, i+1, r.start, "DATE", v)}
			}
		}
	}
	// صدر التقرير أخيرا.: clause-final أخيرا is "recently"; at the head of a
	// clause (وأخيرا فاز) it is "finally"
	if m.is(i, "اخيرا") && i > 0 && m.word(i-1) && m.sameSent(i-1, i) && !m.is(i+1, "من") && !m.achievedBefore(i) {
		return []found{m.mk(i, i+1, m.us[i].start, "DATE", "PAST_REF")}
	}
	// منهيا الأسبوع على خسارة, خلال الأسبوع: market copy's week is the dct's
	if s0, ok := m.isC(i, "الاسبوع"); ok && m.is(i-1, "منهيا", "منهيه", "لينهي", "لتنهي", "انهاء", "لانهاء", "خلال", "مدي") && !m.isAdjAfter(i+1) && !m.is(i+1, "من", "الذي", "التي", "المقبل", "الماضي", "الجاري", "الحالي", "القادم", "المنصرم") {
		return []found{m.rel(m.mk(i, i+1, s0, "DATE", m.c.shift("W", 0)))}
	}
	r0, ok := m.rd(i, true, -1, func(r reading) bool {
		switch r.full {
		case "الوقت", "الحال", "الاونه", "وقت", "المستقبل", "الفتره", "المرحله", "الماضي", "السابق", "هذه", "هذا", "اللحظه":
			return true
		}
		return false
	})
	if !ok {
		return nil
	}
	st, f0 := r0.start, r0.full
	is0 := func(words ...string) bool {
		for _, w := range words {
			if f0 == w {
				return true
			}
		}
		return false
	}
	switch {
	case is0("الوقت", "الحال") && m.is(i+1, "الحالي", "الراهن", "الحاضر"):
		return []found{m.mk(i, i+2, st, "DATE", "PRESENT_REF")}
	case is0("هذا") && m.is(i+1, "الصباح", "المساء"):
		pod := "MO"
		if m.is(i+1, "المساء") {
			pod = "EV"
		}
		return []found{m.rel(m.mk(i, i+2, st, "TIME", withPOD(m.c.dayShift(0), pod)))}
	case is0("هذه") && m.is(i+1, "اللحظه"):
		return []found{m.mk(i, i+2, st, "DATE", "PRESENT_REF")}
	case is0("هذه") && m.is(i+1, "الايام"):
		return []found{m.mk(i, i+2, st, "DATE", "PRESENT_REF")}
	case is0("الاونه") && m.is(i+1, "الاخيره"):
		return []found{m.mk(i, i+2, st, "DATE", "PAST_REF")}
	case is0("وقت") && m.is(i+1, "سابق"):
		return m.withPeriodOf(m.mk(i, i+2, st, "DATE", "PAST_REF"))
	case is0("وقت") && m.is(i+1, "قريب") && m.is(i-1, "حتي", "الي"):
		return []found{m.mk(i, i+2, st, "DATE", "PAST_REF")} // حتى وقت قريب: until recently
	case is0("وقت") && m.is(i+1, "قريب") && m.is(i-1, "في"):
		return []found{m.mk(i, i+2, st, "DATE", "FUTURE_REF")} // في وقت قريب: soon
	case is0("وقت") && m.is(i+1, "لاحق"):
		return m.withPeriodOf(m.mk(i, i+2, st, "DATE", "FUTURE_REF"))
	case is0("السابق") && m.is(i-1, "في") && (r0.clit == "" || r0.clit == "و") && !m.is(i+1, "من", "ل", "لل"):
		return []found{m.mk(i, i+1, st, "DATE", "PAST_REF")} // انتقد في السابق: previously
	case is0("المستقبل") && (r0.clit == "ب" || r0.clit == "وب" || r0.clit == "ل" || r0.clit == "ول"):
		j := i + 1
		if m.is(j, "القريب", "البعيد", "المنظور") {
			j++
		}
		return []found{m.mk(i, j, st, "DATE", "FUTURE_REF")} // أشاد بالمستقبل الواعد
	case is0("المستقبل") && m.is(i-1, "في", "من", "الي", "حتي", "نحو", "علي"):
		j := i + 1
		if m.is(j, "القريب", "البعيد", "المنظور") {
			j++
		}
		return []found{m.mk(i, j, st, "DATE", "FUTURE_REF")}
	case is0("الفتره", "المرحله") && m.is(i+1, "الماضيه", "الاخيره", "السابقه", "المنصرمه"):
		return []found{m.mk(i, i+2, st, "DATE", "PAST_REF")}
	case is0("الفتره", "المرحله") && m.is(i+1, "المقبله", "القادمه"):
		return []found{m.mk(i, i+2, st, "DATE", "FUTURE_REF")}
	case is0("الفتره") && m.is(i+1, "الحاليه", "الراهنه"):
		return []found{m.mk(i, i+2, st, "DATE", "PRESENT_REF")}
	case is0("اللحظه") && m.is(i-1, "حتي", "لحد", "لغايه") && !m.isAdjAfter(i+1):
		return []found{m.mk(i, i+1, st, "DATE", "PRESENT_REF")} // حتى اللحظة: so far
	case is0("الماضي") && m.is(i-1, "في") && !m.word(i+1):
		return []found{m.mk(i, i+1, st, "DATE", "PAST_REF")}
	}
	return nil
}

// achievedVerbs make a following أخيرا "at last": نجح أخيرا, تمكن أخيرا.
var achievedVerbs = []string{"نجح", "نجحت", "تمكن", "تمكنت", "استطاع", "استطاعت", "وصل", "وصلت", "حصل", "حصلت", "قرر", "قررت",
	"وافق", "وافقت", "عاد", "عادت", "فاز", "فازت", "تحقق", "تحققت", "اعترف", "اعترفت", "رضخ", "رضخت", "يتمكن", "تتمكن",
	"ينجح", "تنجح", "يحصل", "تحصل", "يعود", "تعود", "جاء", "جاءت", "اصبح", "اصبحت", "صار", "صارت", "انتهي", "انتهت"}

// achievedBefore reports whether a verb of achievement comes within three
// words before k, in its clause.
func (m *matcher) achievedBefore(k int) bool {
	for b := k - 1; b >= 0 && k-b <= 3 && m.word(b) && m.sameSent(b, k); b-- {
		if m.isC2(b, achievedVerbs...) || m.is(b, "لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها", "لكنهم") {
			return true // لكنها أرسلت أخيرا ما هو أغرب: at last
		}
	}
	return false
}

// withPeriodOf adds the bare period after "في وقت سابق/لاحق من": من العام
// is this year (من الشهر الجاري is found by pRelUnit on its own).
func (m *matcher) withPeriodOf(f found) []found {
	k := f.j + 1
	if !m.is(f.j, "من") || m.word(k+1) && m.isAdjAfter(k+1) {
		return []found{f}
	}
	if u, r, ok := lookup(m, k, false, 1, calUnits); ok && r.def && r.clit == "" && u != "CE" && u != "DE" {
		return []found{f, m.rel(m.mk(k, k+1, r.start, "DATE", m.c.shift(u, 0)))}
	}
	return []found{f}
}

// pEra: القرن الماضي, القرن العشرين, التسعينيات.
func (m *matcher) pEra(i int) []found {
	if d, r, ok := lookup(m, i, true, -1, decades); ok && (r.def || m.is(i+1, "القرن")) {
		j := i + 1
		c := 19
		if m.is(j, "من") && m.is(j+1, "القرن") {
			if m.is(j+2, "الماضي", "العشرين") {
				j += 3
			} else if m.is(j+2, "الحالي", "الجاري") {
				c, j = 20, j+3
			}
		} else if m.is(j, "القرن") && m.is(j+1, "الماضي", "العشرين") {
			j += 2
		}
		if j == i+1 && m.ageDecade(i) {
			return nil // رجل في العشرينيات من عمره: an age bracket, no date
		}
		return []found{m.mk(i, j, r.start, "DATE", fmt.Sprintf("%02d%d", c, d))}
	}
	st, ok := m.isC(i, "القرن")
	if !ok {
		return nil
	}
	if dir, r, ok := lookup(m, i+1, false, 1, relDir); ok && r.stem != "تالي" && r.stem != "سابق" {
		return []found{m.rel(m.mk(i, i+2, st, "DATE", m.c.shift("CE", dir)))}
	}
	if v, next, _, ok := m.ordinal(i+1, false); ok && v >= 1 && v <= 22 {
		return []found{m.mk(i, next, st, "DATE", fmt.Sprintf("%02d", v-1))}
	}
	if n, ok := m.num(i + 1); ok && n >= 15 && n <= 22 {
		return []found{m.mk(i, i+2, st, "DATE", fmt.Sprintf("%02d", n-1))}
	}
	return nil
}

// ageDecade reports whether the decade at i gives a person's age: من
// عمره after it, or في after a word for a person (رجل في الثلاثينيات),
// also across a list (في العشرينيات أو الثلاثينيات).
func (m *matcher) ageDecade(i int) bool {
	if m.is(i+1, "من") && m.isC2(i+2, "عمره", "عمرها", "العمر", "عمرهم", "عمرهن") {
		return true
	}
	k := i - 1
	if m.is(k, "او") || m.word(k) && m.us[k].norm == "و" {
		if _, _, ok := lookup(m, k-1, true, -1, decades); ok {
			k -= 2
		}
	}
	if m.word(i) && strings.HasPrefix(m.us[i].norm, "و") || strings.HasPrefix(m.us[i].norm, "او") {
		if _, _, ok := lookup(m, i-1, true, -1, decades); ok {
			k = i - 2 // العشرينيات والثلاثينيات: the conjunction glued
		}
	}
	return m.is(k, "في") && m.isC2(k-1, "رجل", "رجلا", "امراه", "امراة", "شاب", "شابا", "شابه", "فتاه", "سيده", "مراهق", "عمره", "عمرها", "سن", "رجال", "نساء", "شبان")
}

// pSeason: الصيف الماضي, صيف 2017, فصل الشتاء.
func (m *matcher) pSeason(i int) []found {
	k, start := i, -1
	fasl := false
	if st, ok := m.isC(k, "فصل"); ok {
		k, start, fasl = k+1, st, true
	}
	s, r, ok := lookup(m, k, !fasl, -1, seasons)
	if !ok || m.is(k+1, "العربي") {
		return nil
	}
	if start < 0 {
		start = r.start
	}
	j := k + 1
	if y, n2, ok := m.year(j); ok && !r.def {
		return []found{m.mk(i, n2, start, "DATE", fmt.Sprintf("%04d-%s", y, s))}
	}
	if !r.def {
		// ربيع العام الماضي, شتاء هذا العام: the season of a relative year
		if f := m.pRelUnitCore(j, false); f != nil && len(f.val) == 4 && f.val[0] != 'X' {
			g := m.rel(m.mk(i, f.j, start, "DATE", f.val+"-"+s))
			return []found{g}
		}
	}
	// شتاء وخريف 2018: the year of the second season
	if !r.def {
		if s2, r2, ok := lookup(m, j, true, 0, seasons); ok && r2.clit == "و" {
			if y, n2, ok := m.year(j + 1); ok {
				return []found{m.mk(i, j, start, "DATE", fmt.Sprintf("%04d-%s", y, s)), m.mk(j, n2, r2.start, "DATE", fmt.Sprintf("%04d-%s", y, s2))}
			}
		}
	}
	if !r.def {
		return nil
	}
	dir := 0
	if v, r2, ok := lookup(m, j, false, 1, relDir); ok && r2.stem != "سابق" && r2.stem != "تالي" {
		dir = v
		j++
	} else if ok {
		return nil // الصيف التالي لكارثة: a season after some event
	} else if !fasl && !m.is(k-1, "هذا") && !m.triggered(k) {
		return nil
	}
	if m.is(k-1, "هذا") && !fasl {
		start = m.us[k-1].start
		i = k - 1
	}
	if !m.c.ok {
		return []found{m.mk(i, j, start, "DATE", "XXXX-"+s)}
	}
	return []found{m.rel(m.mk(i, j, start, "DATE", fmt.Sprintf("%04d-%s", m.c.t.Year()+dir, s)))}
}

// pQuarter: الربع الأول من العام, النصف الثاني من 2017.
func (m *matcher) pQuarter(i int) []found {
	st, ok := m.isC(i, "الربع", "النصف")
	if !ok {
		return nil
	}
	q, next, _, ok := m.ordinal(i+1, false)
	half := m.is(i, "النصف")
	if !ok && m.is(i+1, "الاخير") && m.is(i+2, "من") {
		// الربع الأخير من العام الماضي, النصف الأخير من 2017
		q, next, ok = 4, i+2, true
		if half {
			q = 2
		}
	}
	if !ok || q < 1 || q > 4 || half && q > 2 {
		return nil
	}
	letter := "Q"
	if half {
		letter = "H"
	}
	j := next
	y := 0
	k := j
	if m.is(k, "من", "لعام", "للعام", "لسنه", "عام") {
		if m.is(k, "من") {
			k++
		}
	}
	switch {
	case m.is(k, "لعام", "للعام", "عام", "العام", "لسنه"):
		if yy, n2, ok := m.year(k + 1); ok {
			y, j = yy, n2
		} else if m.is(k, "العام", "للعام") {
			j = k + 1
			if dir, _, ok := lookup(m, k+1, false, 1, relDir); ok {
				j++
				if m.c.ok {
					y = m.c.t.Year() + dir
				}
			} else if m.c.ok {
				y = m.c.t.Year()
			}
		}
	default:
		if yy, n2, ok := m.year(k); ok && k > j-1 {
			y, j = yy, n2
		}
	}
	if y == 0 && j == next && half {
		return nil // النصف الأول من الشاشة
	}
	if y == 0 && j == next {
		if !m.c.ok {
			return []found{m.mk(i, j, st, "DATE", fmt.Sprintf("XXXX-%s%d", letter, q))}
		}
		y = m.c.t.Year()
	}
	if y == 0 {
		return []found{m.mk(i, j, st, "DATE", fmt.Sprintf("XXXX-%s%d", letter, q))}
	}
	return []found{m.mk(i, j, st, "DATE", fmt.Sprintf("%04d-%s%d", y, letter, q))}
}

// pairHijri gives a Hijri date the value of the Gregorian date it is paired
// with by الموافق: the tabular calendar can be a day off, the writer is not.
func (m *matcher) pairHijri() {
	for k := 0; k+1 < len(m.out); k++ {
		a, b := &m.out[k], &m.out[k+1]
		if a.hijri == b.hijri || len(a.val) != len(b.val) {
			continue
		}
		between := false
		for u := a.j; u < b.i && u < len(m.us); u++ {
			if m.is(u, "الموافق", "الموافقه", "موافق", "الموافقين") {
				between = true
			}
		}
		if !between {
			continue
		}
		if a.hijri {
			a.val = b.val
		} else {
			b.val = a.val
		}
	}
}

// namesDate reports whether unit k is a month, weekday or Hijri month
// name, or a day number: what يوم or شهر introduce.
func (m *matcher) namesDate(k int) bool {
	if _, _, _, _, ok := m.monthName(k, false); ok {
		return true
	}
	if _, _, ok := m.bareWeekday(k, false, true); ok {
		return true
	}
	if _, _, _, _, ok := m.hijriMonth(k, false); ok {
		return true
	}
	if _, _, _, ok := m.day(k, false); ok {
		return true
	}
	if _, _, ok := m.year(k); ok {
		return true // منذ عام 1979
	}
	return false
}

// pPer: 28 دولارا للشهر, 400 ألف برميل في اليوم: a rate after an amount.
func (m *matcher) pPer(i int) []found {
	if !m.word(i) {
		return nil
	}
	var r reading
	hit := false
	for _, x := range m.us[i].an {
		if !x.def || (x.clit != "ل" && x.clit != "") {
			continue
		}
		if x.clit == "" && !m.is(i-1, "في") {
			continue
		}
		if _, ok := perUnits[x.stem]; ok {
			r, hit = x, true
			break
		}
	}
	j := i + 1
	if m.is(j, "الواحد", "الواحده") {
		j++ // في اليوم الواحد
	}
	if !hit || m.isAdjAfter(j) || m.is(j, "نفسه", "ذاته", "نفسها", "ذاتها") {
		return nil
	}
	num := false
	for k := i - 1; k >= 0 && k >= i-6 && m.sameSent(k, i); k-- {
		if _, ok := m.num(k); ok {
			num = true
		}
		// مليار دولار في العام, ثلاث مرات في الأسبوع
		if m.isC2(k, "مليار", "مليون", "الف", "مرات", "مره", "مرتين", "دولار", "برميل") {
			num = true
		}
	}
	if !num {
		return nil
	}
	return []found{m.mk(i, j, r.start, "SET", perUnits[r.stem])}
}

var perUnits = map[string]string{"يوم": "P1D", "ساعه": "PT1H", "اسبوع": "P1W", "شهر": "P1M", "سنه": "P1Y", "عام": "P1Y"}

func (m *matcher) isYearAt(k int) bool {
	_, _, ok := m.year(k)
	return ok
}

// quantityAfterWa reads the amount after و, glued (وثلاثة أشهر) or as its own unit (و 38 دقيقة).
func (m *matcher) quantityAfterWa(k int) (int, string, int, int, bool) {
	if m.us[k].norm == "و" {
		return m.quantity(k+1, false, false)
	}
	return m.quantity(k, true, false)
}

// unitMax bounds the second amount of a compound duration (عامين وثلاثة
// أشهر): 16 شهرا after عام is the other end of a range, not a compound.
var unitMax = map[string]int{"Y": 100, "M": 12, "W": 5, "D": 31, "H": 24, "MIN": 60, "S": 60, "DE": 10, "CE": 100}

var unitRank = map[string]int{"CE": 1, "DE": 2, "Y": 3, "M": 4, "W": 5, "D": 6, "H": 7, "MIN": 8, "S": 9}

// combine writes two amounts of different units as one TIMEX3 duration.
func combine(n1 int, u1 string, n2 int, u2 string) string {
	a, b := duration(n1, u1), duration(n2, u2)
	if strings.HasPrefix(a, "PT") {
		return a + b[2:]
	}
	if strings.HasPrefix(b, "PT") {
		return a + b[1:]
	}
	return a + b[1:]
}

func (m *matcher) isC2(k int, words ...string) bool {
	_, ok := m.isC(k, words...)
	return ok
}

// pPodAdverb: وصلت صباحا, غادر ليلا: a part of the day of the dct.
func (m *matcher) pPodAdverb(i int) []found {
	r, ok := m.rd(i, true, 0, func(r reading) bool {
		switch r.full {
		case "صباحا", "ليلا", "فجرا", "ظهرا", "عصرا", "مساءا":
			return r.clit == "" || r.clit == "و"
		}
		return false
	})
	if !ok {
		return nil
	}
	pod := partOfDayAdv[r.full]
	if pod == "AF" && r.full == "ظهرا" {
		pod = "T12:00"
	}
	f := m.mk(i, i+1, r.start, "TIME", "")
	f.val, f.anchorIdx = withPOD("", pod)[len(""):], -1
	if !strings.HasPrefix(f.val, "T") {
		f.val = "T" + f.val
	}
	return []found{f}
}

// dayYearDir picks the year of a day and month without one: the last such
// date on or before the dct (dir < 0) or the next on or after it.
func (m *matcher) dayYearDir(mon, d, dir int) int {
	y := m.c.t.Year()
	t := time.Date(y, time.Month(mon), d, 0, 0, 0, 0, time.UTC)
	switch {
	case dir < 0 && t.After(m.c.t):
		return y - 1
	case dir > 0 && t.Before(m.c.t):
		return y + 1
	}
	return y
}

// farFromDCT reports whether the nearest occurrence of a month (and day)
// without a year lies more than two months from the dct.
func (m *matcher) farFromDCT(mon, d int) bool {
	if d == 0 {
		d = 15
	}
	y, _ := m.c.dayYear(mon, d)
	t := time.Date(y, time.Month(mon), d, 0, 0, 0, 0, time.UTC)
	diff := t.Sub(m.c.t).Hours() / 24
	return diff > 60 || diff < -60
}

// fractionOf writes half and a quarter of a unit in a smaller one: نصف قرن
// is P50Y, نصف ساعة PT30M, ربع ساعة PT15M.
var fractionOf = map[string]struct {
	half, quarter int
	unit          string
}{
	"CE": {50, 25, "Y"}, "DE": {5, 0, "Y"}, "Y": {6, 3, "M"}, "M": {15, 0, "D"}, "D": {12, 6, "H"}, "H": {30, 15, "MIN"}, "MIN": {30, 15, "S"},
}

// sameYear reads من نفس العام / من العام نفسه / من ذات العام at k and takes
// the year of the last dated expression of the sentence.
func (m *matcher) sameYear(k int) (int, int, bool) {
	if !m.is(k, "من") {
		return 0, 0, false
	}
	j := 0
	switch {
	case m.is(k+1, "نفس", "ذات") && m.is(k+2, "العام", "السنه"):
		j = k + 3
	case m.is(k+1, "العام", "السنه") && m.is(k+2, "نفسه", "ذاته", "نفسها", "ذاتها"):
		j = k + 3
	default:
		return 0, 0, false
	}
	for x := len(m.out) - 1; x >= 0; x-- {
		o := m.out[x]
		if !m.sameSent(o.i, k) {
			break
		}
		if o.typ == "DATE" && len(o.val) >= 4 && o.val[0] != 'X' && o.val[0] != 'P' {
			var y int
			if _, err := fmt.Sscan(o.val[:4], &y); err == nil && y > 0 {
				return y, j, true
			}
		}
	}
	return 0, 0, false
}

// pNumDate: 30/5/2018, 2018-05-30, 30-05-2018 (day first, as Arabic copy
// writes it).
func (m *matcher) pNumDate(i int) []found {
	a, ok1 := m.num(i)
	if !ok1 || !m.punct(i+1, "/-.") || !m.adjacent(i, i+1) || !m.adjacent(i+1, i+2) {
		return nil
	}
	sep := m.us[i+1].norm
	b, ok2 := m.num(i + 2)
	if !ok2 || !m.punct(i+3, sep) || !m.adjacent(i+2, i+3) || !m.adjacent(i+3, i+4) {
		return nil
	}
	c, ok3 := m.num(i + 4)
	if !ok3 {
		return nil
	}
	var y, mo, d int
	switch {
	case len(m.us[i].norm) == 4 && len(m.us[i+4].norm) <= 2:
		y, mo, d = a, b, c
	case len(m.us[i+4].norm) == 4 && len(m.us[i].norm) <= 2:
		y, mo, d = c, b, a
	default:
		return nil
	}
	if y >= 1300 && y <= 1500 && m.word(i+5) && (m.us[i+5].norm == "ه" || m.is(i+5, "هجري", "هجريه", "للهجره")) && hijri.Valid(y, mo, d) {
		// 15/9/1436هـ: a Hijri date in figures, its era mark kept
		g, _ := hijri.ToGregorian(y, mo, d)
		f := m.mk(i, i+6, m.us[i].start, "DATE", g.Format("2006-01-02"))
		f.hijri = true
		return []found{f}
	}
	if y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) {
		return nil
	}
	return []found{m.mk(i, i+5, m.us[i].start, "DATE", fmt.Sprintf("%04d-%02d-%02d", y, mo, d))}
}

// pAge: في سن السابعة عشرة, الخامسة عشرة من عمره: an age written as an
// ordinal, a duration in years.
func (m *matcher) pAge(i int) []found {
	// في الـ 26 من العمر
	if m.word(i) && m.us[i].norm == "ال" {
		if n, ok := m.num(i + 1); ok && n > 0 && n < 120 && m.is(i+2, "من") && m.isC2(i+3, "عمره", "عمرها", "العمر", "عمرهم") {
			return []found{m.mk(i, i+2, m.us[i].start, "DURATION", fmt.Sprintf("P%dY", n))}
		}
		// سن الـ30; مدرسة في الـ54 ارتدت, توفي في الـ86.: an age without
		// عمر, when nothing counted or dated follows the number
		if n, ok := m.num(i + 1); ok && n >= 10 && n < 120 && len(m.us[i+1].norm) == 2 && !m.decimal(i+1) && m.articleOn(i) {
			k := i + 2
			ends := k >= len(m.us) || !m.sameSent(i, k) || m.punct(k, ".،,؛)")
			verb := m.word(k) && m.verbTense(k) == past
			if m.isC2(i-1, "سن") || n > 31 && m.is(i-1, "في") && (ends || verb) { // في الـ20: the 20th as often
				return []found{m.mk(i, i+2, m.us[i].start, "DURATION", fmt.Sprintf("P%dY", n))}
			}
		}
	}
	if m.isC2(i-1, "سن", "عمر") || m.is(i+1, "من") && m.isC2(i+2, "عمره", "عمرها", "العمر", "عمرهم", "عمري") {
		// سن الستين, الأربعين من العمر
		if t, tr, ok := lookup(m, i, false, 1, ordinals); ok && t >= 20 && t <= 100 {
			return []found{m.mk(i, i+1, tr.start, "DURATION", fmt.Sprintf("P%dY", t))} // سن الستين
		}
	}
	v, r, ok := lookup(m, i, true, 1, hourWords)
	if !ok {
		return nil
	}
	j := i + 1
	if v <= 9 && m.is(j, "عشره", "عشر") {
		v += 10
		j++
	} else if v <= 9 {
		if t, tr, ok := lookup(m, j, true, 1, ordinals); ok && tr.clit == "و" && t >= 20 {
			v += t
			j++
		}
	}
	before := m.is(i-1, "سن", "عمر", "بعمر", "وعمره", "عمره", "عمرها")
	after := m.is(j, "من") && m.isC2(j+1, "عمره", "عمرها", "العمر", "عمرهم", "عمري")
	if !before && !after {
		return nil
	}
	return []found{m.mk(i, j, r.start, "DURATION", fmt.Sprintf("P%dY", v))}
}

// explicitFuture reports whether a future marker (سـ on a verb, سوف, لن,
// المقرر ...) comes before unit i in its sentence, within a few words.
func (m *matcher) explicitFuture(i int) bool {
	for k := i - 1; k >= 0 && i-k <= 12 && m.sameSent(k, i); k-- {
		w := m.us[k].norm
		if futureCues[w] || futureCues[strings.TrimPrefix(w, "و")] {
			return true
		}
		for _, p := range []string{"س", "وس", "فس"} {
			if rest, ok := strings.CutPrefix(w, p); ok {
				if a, ok := padtAspect[rest]; ok && a == future {
					return true
				}
			}
		}
	}
	return false
}

// Package dateline finds the document creation time in the opening of an
// Arabic news article: the dateline news agencies and outlets put in the
// first line ("بيروت - 15-7 (اف ب)", "القاهرة في 5 يناير/كانون الثاني 2019
// (رويترز)", "اليوم الجمعة (11 ديسمبر / كانون الأول 2015)", "2018/03/03").
//
// Only the opening is read: the first two non-blank lines, and of those only
// expressions starting within the first WindowRunes code points; a date deep
// in the body is a date the article talks about, not the date it was
// written. Even in the opening most dates are mentions ("تنطلق البطولة في 9
// أبريل المقبل"), so an expression counts only where a dateline stands (see
// placement.go): at the start of the line closed by the agency, a dash or
// the line end; after اليوم or a publication cue; in parentheses after the
// weekday. The first expression so placed decides.
//
// Forms recognised:
//
//   - day month-name [/ month-name] [year]: "11 ديسمبر / كانون الأول 2015",
//     "3 مارس 2018", "١١ ديسمبر ٢٠١٥", "5 من شهر جانفي 2019"; month names in
//     every spelling package calendar knows (MSA, Levantine, Maghrebi);
//   - numeric with a four-digit year: "2018/03/03", "2018-03-03" (year
//     first) and "03/03/2018", "3-3-2018", "03.03.2018" (day first, as Arab
//     outlets write; month first only when day first is impossible and month
//     first is not, e.g. "03/25/2018");
//   - the agency day-month "15-7" or "15/7" near the start of a line followed
//     by the agency in parentheses: "بيروت - 15-7 (اف ب)".
//
// A date without its year takes fallbackYear (YearGuessed is then set); when
// fallbackYear is 0 such a dateline is reported as not found: the year is
// never guessed. Impossible dates (31 فبراير) are not dates. A weekday next
// to the date that contradicts it ("الخميس 11 ديسمبر 2015", a Friday) does
// not change the result: the numbers win, since day and month name one day of
// the year and a weekday any of fifty-two; WeekdayConflict flags the case so
// the caller can warn or decide otherwise.
//
// The package does no I/O and keeps no mutable state.
package dateline

import (
	"fmt"
	"strings"
	"time"
	"unicode"

	"khabar/temporal/calendar"
)

// WindowRunes bounds the opening: a date expression must start within the
// first WindowRunes code points of the text (and within its first two
// non-blank lines) to count as the dateline.
const WindowRunes = 400

// slackRunes lets an expression that starts just before WindowRunes finish.
const slackRunes = 60

// maxLeadTokens is how far into its line a dateline may start: after the
// place name, which takes a few words at most ("لونغ بيتش (الولايات
// المتحدة)" is six tokens, "القاهرة في" two).
const maxLeadTokens = 10

// maxTitleTokens: a first line this short is a title or kicker, so the
// second line may open with the dateline; after a longer first line the
// second line is body text.
const maxTitleTokens = 25

// Years outside this range are not datelines (a Hijri year such as 1437 or
// a number that merely looks like a date).
const (
	minYear = 1900
	maxYear = 2100
)

// Dateline is the document creation date found in the opening of a text.
type Dateline struct {
	Date string // YYYY-MM-DD
	// Start and End are the code-point span of the date expression in the
	// text, end exclusive; a weekday or parentheses around it are not part of it.
	Start, End int
	// YearGuessed is set when the expression had no year and fallbackYear
	// supplied it.
	YearGuessed bool
	// WeekdayConflict is set when a weekday just before the date names a
	// different day of the week than the date falls on (the date is kept).
	WeekdayConflict bool
}

// Find looks for the dateline in the opening of text. fallbackYear (0 =
// unknown) completes a dateline without a year. It reports false when the
// opening has no date expression, or when the first one lacks its year and
// fallbackYear is 0.
func Find(text string, fallbackYear int) (Dateline, bool) {
	runes, limit := opening(text)
	toks := tokenize(runes)
	pos := positions(runes, toks)
	for i := range toks {
		if toks[i].kind != numberToken || toks[i].start >= limit {
			continue
		}
		m, ok := matchAt(toks, i, pos[i].lead)
		if !ok || !placedAsDateline(toks, pos, i, m.last) {
			continue
		}
		// The first date expression in dateline position decides, even
		// when it cannot be completed.
		year := m.year
		if year == 0 {
			if fallbackYear < minYear || fallbackYear > maxYear {
				return Dateline{}, false
			}
			year = fallbackYear
		}
		date, valid := makeDate(year, m.month, m.day)
		if !valid {
			if m.year == 0 {
				// 29 February in a non-leap fallback year: the year is
				// wrong, not the expression; no dateline.
				return Dateline{}, false
			}
			continue
		}
		d := Dateline{
			Date:        date.Format(time.DateOnly),
			Start:       toks[i].start,
			End:         toks[m.last].end,
			YearGuessed: m.year == 0,
		}
		if wd, ok := weekdayBefore(toks, i); ok && wd != date.Weekday() {
			d.WeekdayConflict = true
		}
		return d, true
	}
	return Dateline{}, false
}

// String renders the dateline for logs and test failures.
func (d Dateline) String() string {
	s := fmt.Sprintf("%s [%d,%d)", d.Date, d.Start, d.End)
	if d.YearGuessed {
		s += " year-guessed"
	}
	if d.WeekdayConflict {
		s += " weekday-conflict"
	}
	return s
}

// opening returns the runes the matchers see and the offset before which an
// expression must start.
func opening(text string) ([]rune, int) {
	runes := make([]rune, 0, WindowRunes+slackRunes)
	lines, blank := 0, true
	for _, r := range text {
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			if !blank {
				lines++
				if lines == 2 {
					break
				}
			}
			blank = true
		} else if !unicode.IsSpace(r) {
			blank = false
		}
		runes = append(runes, r)
		if len(runes) == WindowRunes+slackRunes {
			break
		}
	}
	return runes, min(len(runes), WindowRunes)
}

// position is where a token sits: its line (0 = first non-blank line of the
// opening) and how many tokens precede it on that line.
type position struct {
	line, lead int
}

func positions(runes []rune, toks []token) []position {
	pos := make([]position, len(toks))
	line, lead := 0, 0
	for i := range toks {
		if i > 0 && hasNewline(runes[toks[i-1].end:toks[i].start]) {
			line++
			lead = 0
		}
		pos[i] = position{line, lead}
		lead++
	}
	return pos
}

func hasNewline(rs []rune) bool {
	for _, r := range rs {
		if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
			return true
		}
	}
	return false
}

func makeDate(y, m, d int) (time.Time, bool) {
	if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && int(t.Month()) == m
}

// weekdayBefore returns the weekday named just before token i, skipping an
// opening parenthesis or comma between them ("الجمعة (11 ديسمبر").
func weekdayBefore(toks []token, i int) (time.Weekday, bool) {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		switch t := toks[j]; t.kind {
		case punctToken:
			if !strings.Contains("(،,-–—", t.text) {
				return 0, false
			}
		case wordToken:
			return calendar.Weekday(t.text)
		default:
			return 0, false
		}
	}
	return 0, false
}

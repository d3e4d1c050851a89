package temporal

import (
	"fmt"
	"time"
)

// clock is the document creation time the relative values resolve against.
type clock struct {
	t  time.Time
	ok bool
}

func parseDCT(s string) clock {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return clock{}
	}
	return clock{t: t, ok: true}
}

func ymd(t time.Time) string { return t.Format("2006-01-02") }

func week(t time.Time) string {
	y, w := t.ISOWeek()
	return fmt.Sprintf("%04d-W%02d", y, w)
}

// dayShift is dct + n days.
func (c clock) dayShift(n int) string {
	if !c.ok {
		return "XXXX-XX-XX"
	}
	return ymd(c.t.AddDate(0, 0, n))
}

// shift moves the dct n units (Y, M, W, D, DE, CE) and prints it at that
// unit's granularity. Hours and minutes have no time in a date-only dct, so
// they give the vague reference.
func (c clock) shift(unit string, n int) string {
	switch unit {
	case "H", "MIN", "S":
		switch {
		case n < 0:
			return "PAST_REF"
		case n > 0:
			return "FUTURE_REF"
		}
		return "PRESENT_REF"
	}
	if !c.ok {
		switch unit {
		case "Y":
			return "XXXX"
		case "M":
			return "XXXX-XX"
		case "W":
			return "XXXX-WXX"
		case "DE":
			return "XXX"
		case "CE":
			return "XX"
		}
		return "XXXX-XX-XX"
	}
	t := c.t
	switch unit {
	case "Y":
		return fmt.Sprintf("%04d", t.Year()+n)
	case "M":
		t = time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return t.Format("2006-01")
	case "W":
		return week(t.AddDate(0, 0, 7*n))
	case "DE":
		return fmt.Sprintf("%03d", t.Year()/10+n)
	case "CE":
		return fmt.Sprintf("%02d", t.Year()/100+n)
	}
	return ymd(t.AddDate(0, 0, n))
}

// weekday resolves a weekday: dir < 0 the last one on or before the dct
// (strictly before when strict), dir > 0 the next one on or after it.
func (c clock) weekday(d time.Weekday, dir int, strict bool) string {
	if !c.ok {
		wd := int(d)
		if wd == 0 {
			wd = 7
		}
		return fmt.Sprintf("XXXX-WXX-%d", wd)
	}
	diff := int(d) - int(c.t.Weekday())
	if dir < 0 {
		if diff > 0 || (strict && diff == 0) {
			diff -= 7
		}
	} else {
		if diff < 0 || (strict && diff == 0) {
			diff += 7
		}
	}
	return ymd(c.t.AddDate(0, 0, diff))
}

// monthYear picks the year of a month named without one: dir < 0 the last
// such month before the dct's month, dir > 0 the next after it, dir == 0 the
// occurrence nearest to the dct.
func (c clock) monthYear(m int, dir int, current bool) (int, bool) {
	if !c.ok {
		return 0, false
	}
	y, cm := c.t.Year(), int(c.t.Month())
	switch {
	case current:
		return y, true
	case dir < 0:
		if m >= cm {
			return y - 1, true
		}
		return y, true
	case dir > 0:
		if m <= cm {
			return y + 1, true
		}
		return y, true
	}
	// Nearest: a month more than 6 months ahead is last year's, more than
	// 6 months back next year's.
	switch d := m - cm; {
	case d > 6:
		return y - 1, true
	case d < -6:
		return y + 1, true
	}
	return y, true
}

// dayYear picks the year of a day and month written without one: the
// occurrence nearest to the dct.
func (c clock) dayYear(m, d int) (int, bool) {
	if !c.ok {
		return 0, false
	}
	best, bestDiff := 0, 1<<30
	for y := c.t.Year() - 1; y <= c.t.Year()+1; y++ {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		diff := t.Sub(c.t)
		if diff < 0 {
			diff = -diff
		}
		if int(diff.Hours()) < bestDiff {
			best, bestDiff = y, int(diff.Hours())
		}
	}
	return best, true
}

// monthYearInclusive is monthYear with the dct's own month allowed: the
// last such month on or before the dct (dir < 0) or the next on or after it.
func (c clock) monthYearInclusive(m, dir int) (int, bool) {
	if !c.ok {
		return 0, false
	}
	y, cm := c.t.Year(), int(c.t.Month())
	switch {
	case dir < 0 && m > cm:
		return y - 1, true
	case dir > 0 && m < cm:
		return y + 1, true
	}
	return y, true
}

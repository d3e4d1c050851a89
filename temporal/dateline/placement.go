package dateline

import "khabar/temporal/calendar"

// Where a date expression stands decides whether it is the dateline or a
// date the article talks about. Outlets put the dateline
//
//   - at the start of the first line, after the place name, and close it
//     with the agency in parentheses, a dash or the end of the line
//     ("بيروت - 15-7 (اف ب)", "القاهرة في 5 يناير/كانون الثاني 2019
//     (رويترز)", "الرياض، 3 مارس 2018 - "), or at the start of the second
//     line under a short title;
//   - anywhere in the opening after اليوم ("اليوم الجمعة (11 ديسمبر ...)"),
//     after a publication cue of a web page ("نشر في: 2018/03/03",
//     "تاريخ النشر 3 مارس 2018", "آخر تحديث"), or in parentheses after the
//     weekday ("الجمعة (11 ديسمبر 2015)").
//
// A date after a preposition of time ("قبل 3 مارس", "وفي 23 نيسان", handled
// by blockedBefore) or next to a word that places it relative to the writing
// date ("9 أبريل المقبل", "الاثنين الماضي الموافق 7 أكتوبر") is a mention
// wherever it stands, and so is a date that runs on into a sentence
// ("في 30 يونيو 2019." or "في 7 أيار/مايو 2017، جعل ...").

// relativeWords place a date relative to the time of writing, which the
// dateline itself never is. Folded spellings.
var relativeWords = map[string]bool{
	"الماضي": true, "الماضيه": true, "المقبل": true, "المقبله": true,
	"القادم": true, "القادمه": true, "الجاري": true, "الحالي": true,
	"المنصرم": true, "المنصرمه": true, "السابق": true, "الفائت": true,
}

// placedAsDateline reports whether the expression toks[i..last] stands
// where a dateline stands.
func placedAsDateline(toks []token, pos []position, i, last int) bool {
	if nearRelativeWord(toks, i, last) {
		return false
	}
	if afterToday(toks, i) || afterPublishedCue(toks, i) || parenthesisedAfterWeekday(toks, i, last) {
		return true
	}
	if pos[i].lead > maxLeadTokens {
		return false
	}
	switch pos[i].line {
	case 0:
	case 1:
		titleTokens := 0
		for k := range toks {
			if pos[k].line != 0 {
				break
			}
			titleTokens++
		}
		if titleTokens > maxTitleTokens {
			return false
		}
	default:
		return false
	}
	return pos[i].lead == 0 || closesDateline(toks, pos, last)
}

// closesDateline reports whether what follows the expression ends a
// dateline: the end of the line, an opening parenthesis (the agency), a dash
// or a colon, perhaps after the era letter م (ميلادي) or a closing
// parenthesis.
func closesDateline(toks []token, pos []position, last int) bool {
	k := last + 1
	if k < len(toks) && toks[k].kind == wordToken && fold(toks[k].text) == "م" {
		k++
	}
	if k < len(toks) && toks[k].text == ")" && pos[k].line == pos[last].line {
		k++
	}
	if k >= len(toks) || pos[k].line != pos[last].line {
		return true
	}
	switch toks[k].text {
	case "(", "-", "–", "—", ":", "/":
		return true
	}
	return false
}

// nearRelativeWord looks two tokens past the expression and four before it.
func nearRelativeWord(toks []token, i, last int) bool {
	for k := last + 1; k < len(toks) && k <= last+2; k++ {
		if toks[k].kind == wordToken && relativeWords[fold(toks[k].text)] {
			return true
		}
	}
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k].kind == wordToken && relativeWords[fold(toks[k].text)] {
			return true
		}
	}
	return false
}

// afterToday reports اليوم before the expression, perhaps with a weekday and
// an opening parenthesis or comma between: "اليوم الجمعة (11 ديسمبر".
func afterToday(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := toks[k]
		switch {
		case t.kind == punctToken && (t.text == "(" || t.text == "،" || t.text == ","):
		case t.kind == wordToken && fold(t.text) == "اليوم":
			return true
		case t.kind == wordToken && isWeekday(t.text):
		default:
			return false
		}
	}
	return false
}

// publishedCues introduce the publication or update date of a web page.
var publishedCues = map[string]bool{"نشر": true, "النشر": true, "تحديث": true, "التحديث": true}

// afterPublishedCue reports a publication cue just before the expression,
// perhaps with في, بتاريخ, a weekday, a colon or a comma between.
func afterPublishedCue(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		t := toks[k]
		switch {
		case t.kind == punctToken && (t.text == ":" || t.text == "،" || t.text == ","):
		case t.kind == wordToken && publishedCues[fold(t.text)]:
			return true
		case t.kind == wordToken && (fold(t.text) == "في" || fold(t.text) == "بتاريخ" || isWeekday(t.text)):
		default:
			return false
		}
	}
	return false
}

// parenthesisedAfterWeekday reports an expression alone in parentheses
// right after a bare weekday, the way agency copy dates the news day:
// "أعلنت واشنطن الجمعة (11 ديسمبر / كانون الأول 2015)". After يوم ("يوم
// الأربعاء (29 أغسطس)") the weekday is usually an event the text recalls.
func parenthesisedAfterWeekday(toks []token, i, last int) bool {
	if i < 2 || toks[i-1].text != "(" || toks[i-2].kind != wordToken || !isWeekday(toks[i-2].text) ||
		last+1 >= len(toks) || toks[last+1].text != ")" {
		return false
	}
	return i < 3 || toks[i-3].kind != wordToken || fold(toks[i-3].text) != "يوم"
}

func isWeekday(word string) bool {
	_, ok := calendar.Weekday(word)
	return ok
}

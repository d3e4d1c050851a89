package translit

import (
	"strings"
	"unicode"
)

// Romanize writes Arabic words in plain Latin letters for readers: the
// fallback spelling of a name that no gazetteer lists ("كيري" -> "Kiri",
// "موسكو" -> "Musku", "سيرغي لافروف" -> "Sirghi Lafruf"). It is a reading
// aid, not a transliteration: it loses information and does not round-trip.
//
// Rules, kept deliberately simple:
//
//   - consonants: ب b, ت t, ث th, ج j, ح h, خ kh, د d, ذ dh, ر r, ز z, س s,
//     ش sh, ص s, ض d, ط t, ظ z, غ gh, ف f, ق q, ك k, ل l, م m, ن n, ه h
//     (and Persian پ p, چ ch, ژ zh, گ g, ڤ v); غ after ن is the g of a
//     foreign ng ("جونغ" -> "Jung");
//   - long vowels: ا a; و is w at the start of a word, before ا ى ة, or after
//     a medial ا, else u; ي likewise y or i (also y before و); ى and ة a; a
//     word-initial ا before و or ي and أ before و are silent ("اوباما" ->
//     "Ubama"), and ي after initial إ lengthens it ("إيليوت" -> "Ilyut");
//   - hamza: initial and final ء are dropped, أ and إ at the start are a and
//     i, medial hamza forms are an apostrophe (ئ before a consonant 'i:
//     "رائد" -> "Ra'id");
//   - ع: an apostrophe inside a word, dropped at the start before a vowel
//     letter ("علي" -> "Ali"), a before a consonant ("عمر" -> "Amr");
//   - short vowels are not written in news text, so none are invented, with
//     one exception: a word without any vowel letter gets an a after its
//     first consonant ("مصر" -> "Masr", "غزة" -> "Ghaza"); when the text does
//     carry diacritics they are used (fatha a, damma u, kasra i, shadda
//     doubles, tanween an/un/in: "مُحَمَّد" -> "Muhammad");
//   - the article: "ال" -> "al-" (no sun-letter assimilation) and the rest is
//     capitalised: "الاسد" -> "al-Asd"; "عبدال..." -> "Abd al-...";
//   - a short table spells the commonest name elements the usual way
//     (محمد Muhammad, أحمد Ahmad, عبدالله Abdullah, أبو Abu, بن bin, ...);
//   - every word starts with a capital; anything that is not an Arabic
//     letter is copied, Arabic-Indic digits and Arabic punctuation becoming
//     their ASCII counterparts.
func Romanize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	var word []rune
	flush := func() {
		if len(word) > 0 {
			b.WriteString(romanizeWord(word))
			word = word[:0]
		}
	}
	for _, r := range s {
		if isArabicWordRune(r) {
			word = append(word, r)
			continue
		}
		flush()
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + r - '٠')
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + r - '۰')
		case r == '،':
			b.WriteByte(',')
		case r == '؛':
			b.WriteByte(';')
		case r == '؟':
			b.WriteByte('?')
		case r == '٪':
			b.WriteByte('%')
		default:
			b.WriteRune(r)
		}
	}
	flush()
	return b.String()
}

// consonants maps the letters that always stand for a consonant.
var consonants = map[rune]string{
	'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d",
	'ذ': "dh", 'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d",
	'ط': "t", 'ظ': "z", 'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l",
	'م': "m", 'ن': "n", 'ه': "h",
	'پ': "p", 'چ': "ch", 'ژ': "zh", 'گ': "g", 'ڤ': "v", 'ک': "k",
}

// commonNames spells the most frequent name elements as news agencies
// do; keys are folded (see foldKey).
var commonNames = map[string]string{}

func init() {
	for k, v := range map[string]string{
		"محمد": "Muhammad", "أحمد": "Ahmad", "محمود": "Mahmud", "عبد": "Abd",
		"الله": "Allah", "عبدالله": "Abdullah", "أبو": "Abu", "ابن": "Ibn",
		"بن": "bin", "بنت": "bint", "عمر": "Umar", "حسن": "Hasan",
		"حسين": "Husayn", "مصطفى": "Mustafa", "عثمان": "Uthman",
	} {
		commonNames[foldKey([]rune(k))] = v
	}
}

const (
	fatha, damma, kasra, fathatan, dammatan, kasratan = 'َ', 'ُ', 'ِ', 'ً', 'ٌ', 'ٍ'
	shadda, sukun, daggerAlef, tatweel                = 'ّ', 'ْ', 'ٰ', 'ـ'
)

func isMark(r rune) bool { return r >= 0x064B && r <= 0x065F || r == daggerAlef }

func isArabicWordRune(r rune) bool {
	switch {
	case r >= 0x0621 && r <= 0x064A, isMark(r), r == 0x0671, r == tatweel:
		return true
	}
	_, persian := consonants[r]
	return persian || r == 'ی'
}

// foldKey folds a word for the commonNames look-up: no marks or tatweel,
// bare alef for hamza forms, ي for ى and Persian ی.
func foldKey(w []rune) string {
	var b strings.Builder
	for _, r := range w {
		switch {
		case isMark(r), r == tatweel:
			continue
		case r == 'أ', r == 'إ', r == 'آ', r == 'ٱ':
			r = 'ا'
		case r == 'ى', r == 'ی':
			r = 'ي'
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unit is one letter with the marks written on it.
type unit struct {
	letter rune
	marks  []rune
}

func romanizeWord(w []rune) string {
	key := foldKey(w)
	if name, ok := commonNames[key]; ok {
		return name
	}
	units := splitUnits(w)
	if len(units) == 0 {
		return ""
	}
	if rest, ok := strings.CutPrefix(key, "عبدال"); ok && len([]rune(rest)) >= 2 {
		return "Abd al-" + capitalise(romanizeUnits(units[5:]))
	}
	if rest, ok := strings.CutPrefix(key, "ال"); ok && len([]rune(rest)) >= 2 && len(units) >= 4 {
		return "al-" + capitalise(romanizeUnits(units[2:]))
	}
	return capitalise(romanizeUnits(units))
}

// splitUnits groups marks with the letter before them; tatweel and marks
// with no letter are dropped.
func splitUnits(w []rune) []unit {
	var units []unit
	for _, r := range w {
		switch {
		case r == tatweel:
		case isMark(r):
			if n := len(units); n > 0 {
				units[n-1].marks = append(units[n-1].marks, r)
			}
		default:
			if r == 'ی' {
				r = 'ي'
			}
			units = append(units, unit{letter: r})
		}
	}
	return units
}

func isVowelLetter(r rune) bool {
	switch r {
	case 'ا', 'آ', 'و', 'ي', 'ى', 'ٱ':
		return true
	}
	return false
}

func romanizeUnits(units []unit) string {
	voweled := false
	for _, u := range units {
		for _, m := range u.marks {
			if m != sukun && m != shadda {
				voweled = true
			}
		}
	}
	// Epenthesis for words with no vowel letter and no diacritics.
	epenthesis := !voweled && len(units) >= 2
	for _, u := range units {
		if isVowelLetter(u.letter) {
			epenthesis = false
		}
	}
	if epenthesis {
		_, first := consonants[units[0].letter]
		_, second := consonants[units[1].letter]
		epenthesis = first && (second || units[1].letter == 'ع')
	}

	var b strings.Builder
	last := len(units) - 1
	// lastVowel is the short vowel just written (from a mark), so that the
	// long vowel letter after it is not written twice (كَرِيم -> karim).
	var lastVowel byte
	next := func(k int) rune {
		if k+1 <= last {
			return units[k+1].letter
		}
		return 0
	}
	for k, u := range units {
		out := ""
		written := lastVowel
		lastVowel = 0
		switch l := u.letter; {
		case l == 'ا' || l == 'ٱ':
			switch {
			case k == 0 && (next(k) == 'و' || next(k) == 'ي'):
				out = "" // اوباما, ايران: the vowel letter after it speaks
			case written == 'a' && k > 0:
				out = ""
			default:
				out = "a"
			}
		case l == 'آ':
			out = "a"
		case l == 'أ':
			switch {
			case k == 0 && next(k) == 'و':
				out = "" // أوباري, أوير: the و speaks
			case k == 0 || k == last:
				out = "a"
			default:
				out = "'"
			}
		case l == 'إ':
			out = "i"
			if k == 0 && next(k) == 'ي' {
				lastVowel = 'i' // إيليوت: the ي lengthens the i, not repeats it
			}
		case l == 'ء':
			if k != 0 && k != last {
				out = "'"
			}
		case l == 'ؤ':
			out = "'"
		case l == 'ئ':
			out = "'"
			if k < last && !isVowelLetter(next(k)) && next(k) != 'ة' && len(u.marks) == 0 {
				out = "'i"
			}
		case l == 'ة' || l == 'ى':
			out = "a"
		case l == 'ع':
			switch {
			case k > 0:
				out = "'"
			case isVowelLetter(next(k)) || hasVowelMark(u):
				out = ""
			default:
				out = "a"
			}
		case l == 'و' || l == 'ي':
			out = glide(units, k, written)
		case l == 'غ' && k > 0 && units[k-1].letter == 'ن' && (k == last || !isVowelLetter(next(k))):
			out = "g" // نغ is the ng of foreign names: جونغ, يانغ, سينغلتون
		default:
			out = consonants[l]
		}
		b.WriteString(out)
		for _, m := range u.marks {
			switch m {
			case shadda:
				if c, ok := consonants[u.letter]; ok {
					b.WriteString(c)
				} else if u.letter == 'و' || u.letter == 'ي' {
					b.WriteString(out)
				}
			case fatha, daggerAlef:
				b.WriteByte('a')
				lastVowel = 'a'
			case damma:
				b.WriteByte('u')
				lastVowel = 'u'
			case kasra:
				b.WriteByte('i')
				lastVowel = 'i'
			case fathatan:
				b.WriteString("an")
			case dammatan:
				b.WriteString("un")
			case kasratan:
				b.WriteString("in")
			}
		}
		if k == 0 && epenthesis {
			b.WriteByte('a')
		}
	}
	return b.String()
}

func hasVowelMark(u unit) bool {
	for _, m := range u.marks {
		if m == fatha || m == damma || m == kasra {
			return true
		}
	}
	return false
}

// glide decides whether و or ي at k is the consonant (w, y) or the long
// vowel (u, i), after the short vowel written before it, if any.
func glide(units []unit, k int, written byte) string {
	u := units[k]
	consonant, vowel, short := "w", "u", byte('u')
	if u.letter == 'ي' {
		consonant, vowel, short = "y", "i", 'i'
	}
	if hasVowelMark(u) || hasMark(u, shadda) {
		return consonant // وَ, يِ, يّ: carries its own vowel
	}
	if written == short {
		return "" // the damma or kasra before it already said it
	}
	if k == 0 {
		return consonant
	}
	var next rune
	if k+1 < len(units) {
		next = units[k+1].letter
	}
	switch next {
	case 'ا', 'ى', 'ة':
		return consonant
	case 'و':
		if u.letter == 'ي' {
			return consonant // نيويورك -> Nyuyurk
		}
	}
	if k >= 2 && units[k-1].letter == 'ا' {
		return consonant // داود -> Dawd
	}
	if written == 'a' {
		return consonant // فَوْز -> fawz
	}
	return vowel
}

func hasMark(u unit, mark rune) bool {
	for _, m := range u.marks {
		if m == mark {
			return true
		}
	}
	return false
}

// capitalise upper-cases the first letter of s, skipping a leading
// apostrophe.
func capitalise(s string) string {
	for i, r := range s {
		if unicode.IsLetter(r) {
			return s[:i] + string(unicode.ToUpper(r)) + s[i+len(string(r)):]
		}
	}
	return s
}

// Package mention finds the group actors of an Arabic news article that
// the entity layer does not name: armies, forces, ministries, governments,
// authorities, factions, militias, coalitions and oppositions
// (`الجيش الوطني الليبي`, `قوات الأمن`, `وزارة الخارجية الروسية`,
// `الفصائل المعارضة`, `ميليشيات الحوثي`, `التحالف`). Events take them as
// participants and quotations as speakers, where news names an
// institution rather than a person.
//
// A group is a head noun from a closed list followed by what modifies it:
// definite adjectives (nisba adjectives such as السوري, الإسرائيلية and a
// few others: المعارضة, المسلحة, الشرعية), one definite noun or a name
// after a head in the construct state (`قوات الأمن`, `فصائل المعارضة`,
// `قوات برخان`), and adjectives after that. A bare definite head counts
// only for the institutions a news text names by it alone (`الحكومة`,
// `الجيش`, `الشرطة`, `التحالف`); crowds and unnamed people (`مسلحون`,
// `المحتجون`) are never groups. A head that lies inside an entity is the
// entity's, not a group.
//
// The package does no I/O and keeps no mutable global state.
package mention

import (
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"khabar"
	"khabar/arabic/normalize"
)

// Group is one group mention.
type Group struct {
	// Start and End are code-point offsets of the mention, without the
	// proclitics of its first word (و, ف, ب, ل, and ل merged with ال).
	Start, End int
	Text       string
	// Lo and Hi are the token range [Lo, Hi) the mention covers.
	Lo, Hi int
	// Key is the mention in match normalisation with the article restored
	// (`للحكومة` → `الحكومه`): mentions of one group share it.
	Key string
	// Entity is the index in doc.Entities of a name inside the mention
	// (`قوات برخان`), or -1.
	Entity int
	// Named says whether the mention names who the group is: a name inside
	// it (`قوات برخان`, `ميليشيات الحوثي`) or a nationality or region
	// (`الجيش اللبناني`, `قوات الأمن العراقية`, `التحالف العربي`). A bare or
	// generic group (`الحكومة`, `قوات الأمن`, `الفصائل المسلحة`) is not: the
	// gold guideline leaves unnamed groups out of event participants.
	Named bool
}

type lexicon struct {
	forms     map[string]word // every proclitic form of a head, folded
	heads     map[string]bool // folded, without ال
	bareOK    map[string]bool // heads that stand alone when definite
	adjs      map[string]bool // folded, with ال
	stop      map[string]bool // folded definite words that never modify
	construct map[string]bool // heads whose indefinite form takes a genitive
	generic   map[string]bool // folded adjectives that say what a group is, not whose
	orgHeads  map[string]bool // heads whose genitive is the organisation's name (`تنظيم الدولة`)
}

var tables = sync.OnceValue(func() *lexicon {
	m := normalize.Match()
	set := func(ws ...string) map[string]bool {
		s := make(map[string]bool, len(ws))
		for _, w := range ws {
			s[m.String(w)] = true
		}
		return s
	}
	l := &lexicon{
		heads: set("جيش", "قوات", "قوة", "شرطة", "ميليشيات", "مليشيات", "ميليشيا", "فصائل", "فصيل", "حرس",
			"طيران", "بحرية", "وحدات", "كتائب", "مقاتلات", "حشد", "حكومة", "سلطات", "وزارة", "خارجية",
			"داخلية", "رئاسة", "برلمان", "مجلس", "نظام", "إدارة", "معارضة", "حركة", "تحالف", "جماعة",
			"جماعات", "تنظيم", "منظمة", "منظمات", "ائتلاف", "جبهة", "لجنة", "مفوضية", "هيئة", "دول", "قيادة", "أجهزة",
			"مؤسسة", "قنصلية", "سفارة"),
		bareOK: set("جيش", "شرطة", "حكومة", "سلطات", "معارضة", "تحالف", "برلمان", "نظام", "ميليشيات", "مليشيات", "فصائل", "خارجية", "رئاسة"),
		adjs: set("المعارضة", "المسلحة", "الشرعية", "الخاصة", "المتحدة", "الموحدة", "الحاكم", "الحاكمة",
			"الانقلابية", "المتطرفة", "الإرهابية", "المدعومة", "النظامية", "الأمنية", "العسكرية", "الجوية", "البحرية",
			"الوطني", "الوطنية", "الشعبي", "الثوري", "الدولي", "الدولية", "العربي", "العربية", "الغربية", "الكردية"),
		stop: set("التي", "الذي", "الذين", "اللذين", "اللتين", "الآن", "اليوم", "الأحد", "الاثنين", "الإثنين", "الثلاثاء",
			"الأربعاء", "الخميس", "الجمعة", "السبت", "الماضي", "الماضية", "المقبل", "المقبلة", "الحالي", "الحالية",
			"الجاري", "الأخير", "الأخيرة", "الأول", "الأولى", "الثاني", "الثانية", "السابق", "السابقة", "ذاتها", "نفسه", "نفسها"),
		generic: set("المعارضة", "المسلحة", "الشرعية", "الخاصة", "المتحدة", "الموحدة", "الحاكم", "الحاكمة",
			"الانقلابية", "المتطرفة", "الإرهابية", "المدعومة", "النظامية", "الأمنية", "العسكرية", "الجوية", "البحرية",
			"الوطني", "الوطنية", "الشعبي", "الشعبية", "الثوري", "الثورية", "المحلية", "المحلي", "الاتحادية", "الاتحادي",
			"الرسمية", "الرسمي", "الحكومية", "الحكومي", "الأمني", "العسكري", "الجوي", "البحري", "الخارجية", "الداخلية",
			"المركزي", "المركزية", "الإقليمية", "الإقليمي", "الشرعي", "الانتقالي", "الانتقالية", "الأعلى", "العليا"),
		orgHeads: set("تنظيم", "حركة", "جماعة", "منظمة", "منظمات", "جبهة", "ائتلاف", "تحالف", "مفوضية", "هيئة",
			"مؤسسة", "كتائب", "وحدات", "ميليشيات", "مليشيات", "ميليشيا"),
		construct: set("قوات", "قوة", "جيش", "شرطة", "ميليشيات", "مليشيات", "ميليشيا", "فصائل", "حرس", "طيران",
			"وحدات", "كتائب", "مقاتلات", "حكومة", "سلطات", "وزارة", "رئاسة", "مجلس", "نظام", "إدارة", "حركة",
			"تحالف", "جماعة", "تنظيم", "منظمة", "منظمات", "ائتلاف", "جبهة", "لجنة", "مفوضية", "هيئة", "دول", "قيادة", "أجهزة"),
	}
	l.forms = headForms(l.heads)
	return l
})

// word is a token's norm split into proclitics and the rest.
type word struct {
	pre  int    // runes of proclitics before the mention starts
	def  bool   // has the article (also merged with ل: للحكومة)
	prep bool   // has ب, ل or ك: the object of a preposition
	stem string // folded, without proclitics and article
}

// headWord analyses a folded token as a head noun behind its proclitics:
// و/ف, then ب/ل/ك, then ال (`وللقوات`, `بوزارة`, `والحكومة`). The forms
// are listed in advance (forms), so that a token costs one map look-up;
// analyses that strip less win, so that `وزارة` and `لجنة` keep their
// first letter.
func (l *lexicon) headWord(n string) (word, bool) {
	w, ok := l.forms[n]
	return w, ok
}

// headForms lists every proclitic form of the heads.
func headForms(heads map[string]bool) map[string]word {
	forms := map[string]word{}
	put := func(f string, w word) {
		if _, dup := forms[f]; !dup {
			forms[f] = w
		}
	}
	for _, conj := range []string{"", "و", "ف"} {
		for _, prep := range []string{"", "ب", "ل", "ك"} {
			for stem := range heads {
				pre := utf8.RuneCountInString(conj + prep)
				put(conj+prep+stem, word{pre: pre, prep: prep != "", stem: stem})
				if prep == "ل" {
					// للحكومة: ل + (ا)ل; the span starts after the first ل
					put(conj+"لل"+stem, word{pre: pre, def: true, prep: true, stem: stem})
				} else {
					put(conj+prep+"ال"+stem, word{pre: pre, def: true, prep: prep != "", stem: stem})
				}
			}
		}
	}
	return forms
}

// modifier gives the stem of a folded definite word with no proclitic
// (`السوري` → `سوري`), or false.
func modifier(n string) (string, bool) {
	if !strings.HasPrefix(n, "ال") || utf8.RuneCountInString(n) < 4 {
		return "", false
	}
	return n[len("ال"):], true
}

// Find returns the group mentions of doc in text order. It reads
// doc.Tokens and doc.Entities.
func Find(doc *khabar.Document) []Group {
	return FindIn(doc, []rune(doc.Text))
}

// FindIn is Find for a caller that holds the document's text as runes
// already.
func FindIn(doc *khabar.Document, runes []rune) []Group {
	toks := doc.Tokens
	if len(toks) == 0 {
		return nil
	}
	l := tables()
	entAt := make([]int, len(toks))
	for i := range entAt {
		entAt[i] = -1
	}
	for k, e := range doc.Entities {
		i := sort.Search(len(toks), func(i int) bool { return toks[i].End > e.Start })
		for ; i < len(toks) && toks[i].Start < e.End; i++ {
			if entAt[i] < 0 {
				entAt[i] = k
			}
		}
	}
	norm := func(i int) string {
		if toks[i].Norm != "" {
			return toks[i].Norm
		}
		return toks[i].Text
	}
	isWord := func(i int) bool { return toks[i].Kind == khabar.KindWord }
	var out []Group
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind == khabar.KindHashtag && entAt[i] < 0 {
			// `#الجيش_اليمني`, `#التحالف`: a group written as a hashtag
			words := strings.Split(strings.TrimPrefix(norm(i), "#"), "_")
			if w, ok := l.headWord(words[0]); ok && w.pre == 0 && (len(words) > 1 || w.def && l.bareOK[w.stem]) {
				start := toks[i].Start + 1
				if start < toks[i].End && toks[i].End <= len(runes) {
					key := strings.Join(words, " ")
					named := false
					for _, w := range words[1:] {
						named = named || l.naming(w)
					}
					out = append(out, Group{Start: start, End: toks[i].End, Text: string(runes[start:toks[i].End]), Lo: i, Hi: i + 1, Key: key, Entity: -1, Named: named})
				}
			}
			continue
		}
		if !isWord(i) || entAt[i] >= 0 {
			continue
		}
		w, ok := l.headWord(norm(i))
		if !ok {
			continue
		}
		if i > 0 && titleWords[strings.TrimPrefix(norm(i-1), "و")] {
			continue // `وزير الخارجية الروسي`: a person's title, no group
		}
		j := i + 1
		ent := -1
		mods := 0
		if !w.def && l.construct[w.stem] {
			// the construct state: a definite noun or a name must follow
			if j >= len(toks) || !isWord(j) {
				continue
			}
			if e := entAt[j]; e >= 0 {
				ent = e
				for j < len(toks) && entAt[j] == e {
					j++
				}
				mods++
			} else {
				if _, ok := modifier(norm(j)); !ok && j+1 < len(toks) && toks[j].HasPOS("NOUN") && !strings.HasPrefix(norm(j), "و") {
					// `تحالف دعم الشرعية`, `قوات حفظ السلام`: a chain of two
					// nouns in the construct state
					if _, ok := modifier(norm(j + 1)); ok && isWord(j+1) && entAt[j+1] < 0 {
						j++
					}
				}
				if stem, ok := modifier(norm(j)); !ok || l.stop["ال"+stem] {
					continue
				}
				j++
				mods++
			}
		} else if !w.def {
			continue
		}
		// adjectives
		for j < len(toks) && isWord(j) && mods < 4 {
			if e := entAt[j]; e >= 0 {
				// `الخارجية الروسية` named inside `وزارة الخارجية الروسية`
				if ent < 0 && j == i+1 && !w.def && doc.Entities[e].Type == "ORG" {
					// (not after a definite head: `اتهم التحالف الامم
					// المتحدة`, the name is the verb's object)
					ent = e
					for j < len(toks) && entAt[j] == e {
						j++
					}
					mods++
					continue
				}
				break
			}
			stem, ok := modifier(norm(j))
			if !ok || l.stop["ال"+stem] {
				break
			}
			// a head starts a group of its own (`اتهم الجيش الامريكي
			// الحكومة السورية`) unless it is also an adjective (المعارضة)
			if !l.adjs["ال"+stem] && (l.heads[stem] || !nisba(stem)) {
				break
			}
			j++
			mods++
		}
		if mods == 0 && !l.bareOK[w.stem] {
			continue
		}
		start := toks[i].Start + w.pre
		end := toks[j-1].End
		if start >= end || end > len(runes) {
			continue
		}
		var key strings.Builder
		key.WriteString("ال" + w.stem)
		if !w.def {
			key.Reset()
			key.WriteString(w.stem)
		}
		for k := i + 1; k < j; k++ {
			key.WriteByte(' ')
			key.WriteString(norm(k))
		}
		// named: a name or a nationality in it, or the genitive of an
		// organisation's head (`تنظيم الدولة`, `تحالف دعم الشرعية`), which is
		// its name; the genitive of an institution (`قوات الأمن`, `وزارة
		// الخارجية`) says what it is, not whose
		named := ent >= 0 || !w.def && l.orgHeads[w.stem] && mods > 0
		for k := i + 1; k < j && !named; k++ {
			named = entAt[k] >= 0 || l.naming(norm(k))
		}
		if !named && j+1 < len(toks) && norm(j) == ledBy && entAt[j+1] >= 0 {
			named = true // `قوات التحالف بقيادة السعودية`: named by who leads it
		}
		out = append(out, Group{Start: start, End: end, Text: string(runes[start:end]), Lo: i, Hi: j, Key: key.String(), Entity: ent, Named: named})
		i = j - 1
	}
	return out
}

// ledBy is بقيادة folded: a group led by a named state or person is named.
var ledBy = normalize.Match().String("بقيادة")

// Naming says whether a folded word (the tokens' Norm) after a group
// head or in a title says whose the group is (`السوري`, `الحوثي`, `العربي`;
// not `المسلحة`, `الامنية`): see Group.Named.
func Naming(n string) bool { return tables().naming(n) }

// naming says whether a folded word after a group head says whose the
// group is: a relational adjective of a nation, region or movement
// (`السوري`, `الاسرائيلية`, `الحوثي`, `العربي`), not one of what it is
// (`المسلحة`, `الامنية`, `الحكومية`).
func (l *lexicon) naming(n string) bool {
	stem, ok := modifier(strings.TrimPrefix(n, "و"))
	return ok && !l.generic["ال"+stem] && !l.stop["ال"+stem] && !l.heads[stem] && nisba(stem)
}

// titleWords, folded, head a person's title; the group noun after them
// names the office, not an actor (`وزير الخارجية`, `قائد الجيش`).
var titleWords = map[string]bool{"وزير": true, "وزيره": true, "رئيس": true, "رئيسه": true, "سفير": true, "قائد": true,
	"زعيم": true, "مدير": true, "نائب": true, "مستشار": true, "متحدث": true, "المتحدث": true, "الناطق": true, "ناطق": true,
	"باسم": true, "وكيل": true, "امين": true, "عضو": true, "مسؤول": true, "المسؤول": true}

// IsTitle says whether a folded word heads a person's title (`وزير`,
// `رئيس`, `المتحدث`), also behind و (`ووزير`; `وزير` itself starts with
// و and is looked up whole first): a group noun after it names an office.
func IsTitle(n string) bool { return titleWords[n] || titleWords[strings.TrimPrefix(n, "و")] }

// nisba says whether a folded stem (without ال) is a relational adjective:
// السوري, الإسرائيلية, الأمريكيين.
func nisba(stem string) bool {
	if utf8.RuneCountInString(stem) < 4 {
		return false
	}
	s := stem
	return strings.HasSuffix(s, "يه") || strings.HasSuffix(s, "ي") || strings.HasSuffix(s, "يين") || strings.HasSuffix(s, "يون")
}

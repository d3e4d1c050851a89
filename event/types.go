package event

import (
	"strings"
	"sync"

	"khabar/arabic/normalize"
)

// Event types: the closed list of the JSON contract's event.type. Each is
// mapped to one CAMEO code in CAMEO; docs/EVENTS.md documents them.
const (
	Meet           = "MEET"
	Visit          = "VISIT"
	Statement      = "STATEMENT"
	Agree          = "AGREE"
	Demand         = "DEMAND"
	Accuse         = "ACCUSE"
	Threaten       = "THREATEN"
	Attack         = "ATTACK"
	Support        = "SUPPORT"
	Negotiate      = "NEGOTIATE"
	MeetingPlanned = "MEETING_PLANNED"
)

// CAMEO maps every event type to its CAMEO code (Conflict and Mediation
// Event Observations, v1.1b3) and that code's name.
var CAMEO = map[string][2]string{
	Meet:           {"040", "Consult, not specified below"},
	Visit:          {"042", "Make a visit"},
	Statement:      {"010", "Make statement, not specified below"},
	Agree:          {"030", "Express intent to cooperate, not specified below"},
	Demand:         {"100", "Demand, not specified below"},
	Accuse:         {"112", "Accuse, not specified below"},
	Threaten:       {"130", "Threaten, not specified below"},
	Attack:         {"190", "Use conventional military force, not specified below"},
	Support:        {"070", "Provide aid, not specified below"},
	Negotiate:      {"046", "Engage in negotiation"},
	MeetingPlanned: {"036", "Express intent to meet or negotiate"},
}

// Types lists the event types in a fixed order.
var Types = []string{Meet, Visit, Statement, Agree, Demand, Accuse, Threaten, Attack, Support, Negotiate, MeetingPlanned}

// Participant roles.
const (
	RoleAgent   = "agent"
	RolePartner = "partner"
	RoleTarget  = "target"
)

// Modality and polarity values.
const (
	Asserted = "asserted"
	Future   = "future"
	Possible = "possible"
	Negated  = "negated"
	Positive = "positive"
	Negative = "negative"
)

// triggerEntry lists the trigger words of one type: verbs in the past and
// in the imperfect (future forms with س are derived from the imperfect) and
// verbal nouns. Forms are in ordinary spelling, folded at init.
type triggerEntry struct {
	typ        string
	past       []string
	imperfect  []string
	nouns      []string
	secondRole string // role of the entity after the agent
}

var triggerTable = []triggerEntry{
	{typ: Meet, secondRole: RolePartner,
		past:      []string{"التقى", "التقت", "التقوا", "اجتمع", "اجتمعت", "اجتمعوا", "بحث", "بحثت", "بحثا", "ناقش", "ناقشت", "استقبل", "استقبلت", "تباحث", "تباحثت"},
		imperfect: []string{"يلتقي", "تلتقي", "يلتقيان", "يجتمع", "تجتمع", "يجتمعون", "يجتمعان", "يبحث", "تبحث", "يبحثان", "يناقش", "تناقش", "يستقبل", "تستقبل"},
		nouns: []string{"اجتماع", "لقاء", "محادثات", "مباحثات", "اجتماعا", "لقاءا", "لقاءً", "استقبال", "استقباله", "استقبالها", "اتصال", "اتصالا",
			"لقائهما", "لقاءه", "لقائه", "لقاءها", "لقائها", "اجتماعه", "اجتماعها", "اجتماعهما"}},
	{typ: Visit, secondRole: RoleTarget,
		past:      []string{"زار", "زارت", "زاروا"},
		imperfect: []string{"يزور", "تزور"},
		nouns:     []string{"زيارة", "زيارته", "زيارتها", "جولة", "جولته", "جولتها"}},
	{typ: Statement, secondRole: RoleTarget,
		past:      []string{"أصدر", "أصدرت"},
		imperfect: []string{"يصدر", "تصدر"},
		nouns:     nil},
	{typ: Agree, secondRole: RolePartner,
		past: []string{"وافق", "وافقت", "وافقوا", "اتفق", "اتفقت", "اتفقوا", "اتفقا", "توصل", "توصلت", "توصلوا", "توصلا",
			"وقع", "وقعت", "وقعا", "وقعوا"},
		imperfect: []string{"يوافق", "توافق", "يتفق", "تتفق", "يتوصل", "تتوصل"},
		nouns:     []string{"موافقة", "موافقتها", "موافقته", "موافقتهم", "اتفاق", "اتفاقا", "اتفاقية"}},
	{typ: Demand, secondRole: RoleTarget,
		past:      []string{"طالب", "طالبت", "طالبوا", "طلب", "طلبت", "دعا", "دعت", "دعوا", "حث", "حثت", "مطالبا", "داعيا"},
		imperfect: []string{"يطالب", "تطالب", "يطالبون", "نطالب", "يدعو", "تدعو", "ندعو", "يحث", "تحث"},
		nouns:     []string{"مطالبة", "مطالبات"}},
	{typ: Accuse, secondRole: RoleTarget,
		past:      []string{"اتهم", "اتهمت", "اتهموا", "متهما", "حمل", "حملت", "حملوا"}, // حمّل X المسؤولية: see blameLaid
		imperfect: []string{"يتهم", "تتهم", "يتهمون"},
		nouns:     []string{"اتهامات", "اتهام", "اللائمة", "اللوم"}}, // (ألقى) باللائمة / باللوم على
	{typ: Threaten, secondRole: RoleTarget,
		past:      []string{"هدد", "هددت", "هددوا", "توعد", "توعدت", "متوعدا", "مهددا"},
		imperfect: []string{"يهدد", "تهدد", "يتوعد", "تتوعد"},
		nouns:     []string{"تهديد", "تهديدات"}},
	{typ: Attack, secondRole: RoleTarget,
		past: []string{"هاجم", "هاجمت", "هاجموا", "قصف", "قصفت", "استهدف", "استهدفت", "شن", "شنت", "اقتحم", "اقتحمت", "اقتحموا", "اجتاح", "اجتاحت", "اغتال", "اغتالت",
			"فجر", "أطلق", "أطلقت", "استعاد", "استعادت", "استعادوا", "سيطر", "سيطرت", "سيطروا",
			"قتل", "قتلت", "قتلوا", "غزا", "غزت", "أغار", "أغارت", "أغاروا"}, // killings and invasions: see killedBy, placeFollows
		imperfect: []string{"يهاجم", "تهاجم", "يقصف", "تقصف", "يشن", "تشن", "يقتحم", "تقتحم", "يستعيد", "تستعيد"}, // not يستهدف: `قرار يستهدف النفط`
		nouns: []string{"هجوم", "هجوما", "قصف", "غارة", "غارات", "هجمات", "الهجوم", "القصف", "الغارات", "الهجمات",
			"ضربة", "ضربات", "الضربة", "الضربات", "تفجير", "تفجيرات", "التفجير", "التفجيرات", "اشتباكات", "الاشتباكات",
			"اقتحام", "اقتحامات", "اغتيال", "استهداف", "مصادمات", "مناوشات", "معارك", "معركة", "إطلاق", "تحرير", "مواجهات", "حرب", "استعادة",
			"رصاص",                                   // `برصاص القوات`, `بالرصاص الاسرائيلي`: see shotBy
			"هجومين", "هجومان", "غارتين", "غارتان"}}, // duals
	{typ: Support, secondRole: RoleTarget,
		past:      []string{"دعمت", "أيد", "أيدت", "ساند", "ساندت"},
		imperfect: []string{"يدعم", "تدعم", "يدعمون", "يؤيد", "تؤيد", "يساند", "تساند"},
		nouns: []string{"دعم", "بدعم", "دعمها", "دعمه", "دعمهم", "المدعومة", "المدعوم", "مدعومة", "مدعوم", "المدعومين",
			"تأييد", "تأييده", "تأييدها", "مساندة", "مسنودة", "مسنودا", "دعما"}},
	{typ: Negotiate, secondRole: RolePartner,
		past:      []string{"تفاوض", "تفاوضت", "فاوض"},
		imperfect: []string{"يتفاوض", "تتفاوض", "يفاوض"},
		nouns:     []string{"مفاوضات", "المفاوضات"}},
	{typ: MeetingPlanned, secondRole: RolePartner,
		nouns: []string{"مؤتمر", "قمة", "المؤتمر", "القمة", "منتدى"}},
}

// needsAfter lists trigger forms that are events only with one of the
// given words in the next few tokens: يبحث is "discusses" with مع and
// "searches" without it; توصل is "agrees" only when it reaches an اتفاق.
var needsAfter = map[string][]string{
	"بحث": {"مع"}, "بحثت": {"مع"}, "بحثا": {"مع"}, "يبحث": {"مع"}, "تبحث": {"مع"}, "يبحثان": {"مع", "في"},
	"سيبحث": {"مع"}, "ستبحث": {"مع"}, "سيبحثان": {"مع", "في"}, "ناقش": {"مع"}, "ناقشت": {"مع"}, "يناقش": {"مع"}, "تناقش": {"مع"},
	"توصل": {"اتفاق", "لاتفاق"}, "توصلت": {"اتفاق", "لاتفاق"}, "توصلوا": {"اتفاق", "لاتفاق"}, "توصلا": {"اتفاق", "لاتفاق"},
	"يتوصل": {"اتفاق", "لاتفاق"}, "تتوصل": {"اتفاق", "لاتفاق"}, "سيتوصل": {"اتفاق", "لاتفاق"},
	"أصدر": {"بيان", "بيانا"}, "أصدرت": {"بيان", "بيانا"}, "يصدر": {"بيان", "بيانا"}, "تصدر": {"بيان", "بيانا"},
	"وقع": {"اتفاق", "اتفاقا", "اتفاقية", "وثيقة", "معاهدة", "مذكرة"}, "وقعت": {"اتفاق", "اتفاقا", "اتفاقية", "وثيقة", "معاهدة", "مذكرة"},
	"وقعا": {"اتفاق", "اتفاقا", "اتفاقية", "وثيقة", "معاهدة", "مذكرة"}, "وقعوا": {"اتفاق", "اتفاقا", "اتفاقية", "وثيقة", "معاهدة", "مذكرة"},
	"وافق": {"على", "علي"}, "وافقت": {"على", "علي"}, "وافقوا": {"على", "علي"}, "يوافق": {"على", "علي"}, "توافق": {"على", "علي"},
	"ضربة":   {"عسكرية", "جوية", "صاروخية", "أمريكية", "أميركية", "إسرائيلية", "روسية", "ضد", "على"},
	"الضربة": {"عسكرية", "جوية", "صاروخية", "أمريكية", "أميركية", "إسرائيلية", "روسية", "ضد", "على"},
	"دعا":    {"الى", "إلى", "الي"}, "دعت": {"الى", "إلى", "الي"}, "دعوا": {"الى", "إلى", "الي"}, "يدعو": {"الى", "إلى", "الي"}, "تدعو": {"الى", "إلى", "الي"}, "ندعو": {"الى", "إلى", "الي"},
	"أغار": {"على", "علي"}, "أغارت": {"على", "علي"}, "أغاروا": {"على", "علي"},
	"جولة": {"في"}, "جولته": {"في"}, "جولتها": {"في"}, "داعيا": {"الى", "إلى", "الي"},
	"فجر": {"نفسه", "قنبلة", "عبوة", "سيارة", "حزاما"}, "إطلاق": {"النار", "نار", "صواريخ", "صاروخ", "قذائف", "صاروخا"},
	"اتصال": {"هاتفي", "هاتفيا"}, "اتصالا": {"هاتفيا", "هاتفي"}, "أطلق": {"النار"}, "أطلقت": {"النار"},
	"حرب": {"ضد"}, "الحرب": {"ضد"},
	"سيطر": {"على"}, "سيطرت": {"على"}, "سيطروا": {"على"},
	"شن": {"هجوم", "هجوما", "غارة", "غارات", "هجمات", "حملة"}, "شنت": {"هجوم", "هجوما", "غارة", "غارات", "هجمات", "حملة"},
	"يشن": {"هجوم", "هجوما", "غارة", "غارات", "هجمات", "حملة"}, "تشن": {"هجوم", "هجوما", "غارة", "غارات", "هجمات", "حملة"},
}

// sportWords mark a sentence about a match, where يلتقي is a fixture and
// هجوم the forward line, not a meeting or an attack.
var sportWords = []string{"مباراة", "المباراة", "مباراته", "مباريات", "الفريق", "فريق", "الفريقان", "المنتخب", "منتخب",
	"الدوري", "كأس", "الملعب", "ملعب", "المدرب", "النادي", "نادي", "الموسم", "التعادل", "بالتعادل", "الشوط", "ركلة", "حارس", "هدفا", "اللاعبين", "لاعبا", "لاعب", "اللاعب", "نهائي", "النهائي", "ذهاب", "إياب", "بطولة", "مونديال", "المونديال", "البطولات", "بطولات", "منافسات", "المنافسات", "التنس", "للتنس"}

// Form kinds.
const (
	formPast = iota
	formImperfect
	formFuture // سيفعل
	formNoun
)

// ok says whether t is a trigger (the zero trigger is none).
func (t trigger) ok() bool { return t.typ != "" }

// trigger is one folded trigger form.
type trigger struct {
	typ        string
	kind       int
	secondRole string
	// conference marks the nouns of a conference, summit or meeting, which
	// are events only when planned.
	conference bool
	// gather marks the verbs of a group meeting (اجتمع), which are a
	// planned meeting when future and without a partner.
	gather bool
	// needs, when set, are the words one of which must follow closely.
	needs map[string]bool
}

// Modality cues, folded at init. futureBefore and possibleBefore are
// looked for in the few tokens before a trigger.
var (
	futureBefore   = []string{"سوف", "يفترض", "المقرر", "المتوقع", "المنتظر", "يعتزم", "تعتزم", "ينوي", "تنوي", "سيتم", "المرتقب"}
	possibleBefore = []string{"قد", "ربما", "امكان", "إمكانية", "احتمال", "يحتمل", "محتمل", "استبعاد"}
	possibleAfter  = []string{"محتمل", "المحتمل", "محتملة"}
	negationBefore = []string{"لم", "لن", "لا", "ما", "عدم", "ليس"}
	futureAfter    = []string{"المرتقب", "المرتقبة", "المقبل", "المقبلة", "المقرر", "المزمع", "المزمعة", "مقررة", "مقرر", "المقررة", "مرتقبة", "مرتقب", "مزمعة"}
)

// lexicon is the folded tables, built once at init and never modified.
type lexicon struct {
	triggers       map[string]trigger
	surface        map[string]found // every surface form of a trigger
	futureBefore   map[string]bool
	possibleBefore map[string]bool
	possibleAfter  map[string]bool
	negationBefore map[string]bool
	futureAfter    map[string]bool
	sport          map[string]bool
}

// tables is built on first use, not at init: every khabar command links this
// package, and most (search, serve start-up) never analyse a document.
var tables = sync.OnceValue(buildLexicon)

func set(m *normalize.Normalizer, words []string) map[string]bool {
	s := make(map[string]bool, len(words))
	for _, w := range words {
		s[m.String(w)] = true
	}
	return s
}

func buildLexicon() *lexicon {
	m := normalize.Match()
	l := &lexicon{triggers: map[string]trigger{}}
	add := func(form string, t trigger) {
		f := m.String(form)
		if _, dup := l.triggers[f]; !dup {
			l.triggers[f] = t
		}
	}
	for _, e := range triggerTable {
		for _, f := range e.past {
			add(f, trigger{typ: e.typ, kind: formPast, secondRole: e.secondRole})
		}
		for _, f := range e.imperfect {
			add(f, trigger{typ: e.typ, kind: formImperfect, secondRole: e.secondRole})
			add("س"+f, trigger{typ: e.typ, kind: formFuture, secondRole: e.secondRole})
		}
		for _, f := range e.nouns {
			add(f, trigger{typ: e.typ, kind: formNoun, secondRole: e.secondRole, conference: e.typ == MeetingPlanned})
		}
	}
	for form, words := range needsAfter {
		for _, k := range []string{m.String(form), "س" + m.String(form)} {
			t, ok := l.triggers[k]
			if !ok {
				continue
			}
			t.needs = set(m, words)
			l.triggers[k] = t
		}
	}
	for _, f := range []string{"اجتمع", "اجتمعت", "اجتمعوا", "يجتمع", "تجتمع", "يجتمعون", "يجتمعان"} {
		for _, k := range []string{m.String(f), "س" + m.String(f)} {
			if t, ok := l.triggers[k]; ok {
				t.gather = true
				l.triggers[k] = t
			}
		}
	}
	// meeting nouns become MEETING_PLANNED when planned
	for _, f := range []string{"اجتماع", "اجتماعا", "لقاء", "لقاءا", "لقاءً"} {
		t := l.triggers[m.String(f)]
		t.conference = true
		l.triggers[m.String(f)] = t
	}
	l.futureBefore = set(m, futureBefore)
	l.possibleBefore = set(m, possibleBefore)
	l.possibleAfter = set(m, possibleAfter)
	l.negationBefore = set(m, negationBefore)
	l.futureAfter = set(m, futureAfter)
	l.sport = set(m, sportWords)
	l.surface = l.surfaceForms()
	return l
}

// found is a lookup result: the trigger and the runes of proclitics before
// it.
type found struct {
	t   trigger
	pre int
}

// lookup finds token norm n as a trigger, also behind a proclitic و, ف or
// ل+ال (`والتقى`, `وسيلتقي`, `فالمفاوضات`). Every surface form was worked
// out when the tables were built (surfaceForms), so a token costs one map
// look-up.
func (l *lexicon) lookup(n string) (trigger, int, bool) {
	f, ok := l.surface[n]
	return f.t, f.pre, ok
}

// surfaceForms lists every form the analysis of slowLookup accepts: a
// trigger behind و/ف, ب, ل, the article and their combinations, with an
// object or possessive pronoun, each with slowLookup's own answer.
func (l *lexicon) surfaceForms() map[string]found {
	out := map[string]found{}
	try := func(n string) {
		if _, done := out[n]; done {
			return
		}
		if t, pre, ok := l.slowLookup(n); ok {
			out[n] = found{t, pre}
		}
	}
	for form := range l.triggers {
		stems := []string{form}
		if rest, ok := strings.CutPrefix(form, "ال"); ok {
			stems = append(stems, rest)
		}
		for _, stem := range stems {
			for _, suf := range []string{"", "ه", "ها", "هم", "هما"} {
				for _, pre := range []string{"", "و", "ف", "لل", "بال", "وال", "فال", "وب", "ب", "ال", "ل", "ول", "ولل", "وبال", "فب", "فل"} {
					try(pre + stem + suf)
				}
			}
		}
	}
	return out
}

// slowLookup is lookup worked out from the tables.
func (l *lexicon) slowLookup(n string) (trigger, int, bool) {
	if t, ok := l.triggers[n]; ok {
		return t, 0, true
	}
	for _, p := range []string{"و", "ف"} {
		if strings.HasPrefix(n, p) && len(n) > len(p)+2 {
			if t, ok := l.lookupVerbObject(n[len(p):]); ok {
				return t, 1, true
			}
		}
	}
	if t, ok := l.lookupVerbObject(n); ok {
		return t, 0, true
	}
	// a noun trigger behind a preposition and the article: `للضربات`,
	// `بالهجوم`, `والمفاوضات`, `لهجوم`, `لمطالبة` (a bare ل before an
	// agreement or support is a purpose, `لدعم سوريا`, and is left alone)
	for _, p := range []string{"لل", "بال", "وال", "فال", "وب", "ب", "ال", "ل", "ول"} {
		rest, ok := strings.CutPrefix(n, p)
		if !ok || len([]rune(rest)) < 3 {
			continue
		}
		cands := []string{rest}
		if strings.HasSuffix(p, "ال") || p == "لل" {
			cands = []string{"ال" + rest, rest}
		}
		for _, c := range cands {
			if t, ok := l.triggers[c]; ok && t.kind == formNoun {
				if (p == "ل" || p == "ول") && (t.typ == Agree || t.typ == Support) {
					continue // a purpose: `للتوصل لاتفاق`, `لدعم سوريا`
				}
				return t, len([]rune(p)), true
			}
		}
	}
	if t, ok := l.lookupNounPossessive(n); ok {
		return t, 0, true
	}
	return trigger{}, 0, false
}

// lookupNounPossessive finds n as a noun trigger with a possessive
// pronoun (`اغتيالهما`, `هجومه`).
func (l *lexicon) lookupNounPossessive(n string) (trigger, bool) {
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		stem, ok := strings.CutSuffix(n, suf)
		if !ok || len([]rune(stem)) < 3 {
			continue
		}
		if t, ok := l.triggers[stem]; ok && t.kind == formNoun {
			return t, true
		}
	}
	return trigger{}, false
}

// lookupVerbObject finds n as a trigger, also as a verb with an object
// pronoun (`اتهمه`, `يدعمها`, `تدعمه`).
func (l *lexicon) lookupVerbObject(n string) (trigger, bool) {
	if t, ok := l.triggers[n]; ok {
		return t, true
	}
	for _, suf := range []string{"ه", "ها", "هم", "هما"} {
		stem, ok := strings.CutSuffix(n, suf)
		// a longer pronoun may sit on a three-letter verb (`تشنها`)
		if !ok || len([]rune(stem)) < 4 && (suf == "ه" || len([]rune(stem)) < 3) {
			continue
		}
		if t, ok := l.triggers[stem]; ok && t.kind != formNoun {
			return t, true
		}
	}
	return trigger{}, false
}

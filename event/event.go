// Package event finds events in an analysed Arabic news article: who met,
// visited, agreed, demanded, accused, threatened, attacked, supported or
// negotiated with whom, where and when, and whether it happened, is planned,
// is possible or is denied.
//
// It is rule-based over what earlier layers put in the document: tokens and
// their match-normalised Norm, sentences, entities and timexes. The event
// types are a closed list, each mapped to a CAMEO code (Conflict and
// Mediation Event Observations, v1.1b3); docs/EVENTS.md documents the list
// with its triggers and guidelines:
//
//	type             CAMEO  name                                   triggers (examples)
//	MEET             040    Consult                                التقى، اجتمع، يبحث مع، محادثات، اجتماع
//	VISIT            042    Make a visit                           زار، يزور، زيارة
//	STATEMENT        010    Make statement                         أصدر بيانا
//	AGREE            030    Express intent to cooperate            وافق، اتفق، توصل الى اتفاق، موافقة
//	DEMAND           100    Demand                                 طالب، طلب، دعا الى، حث، مطالبة
//	ACCUSE           112    Accuse                                 اتهم، اتهمه، اتهامات
//	THREATEN         130    Threaten                               هدد، توعد، تهديد
//	ATTACK           190    Use conventional military force        هاجم، قصف، استهدف، اقتحم، شن هجوما، غارة، ضربات، تفجير، اشتباكات
//	SUPPORT          070    Provide aid                            دعم، أيد، ساند، المدعومة من
//	NEGOTIATE        046    Engage in negotiation                  تفاوض، مفاوضات
//	MEETING_PLANNED  036    Express intent to meet or negotiate    a planned مؤتمر، قمة، اجتماع; a future اجتمع without partner
//
// Participants are actors with a role: entities, the groups the entity
// layer does not name (package mention: الجيش الوطني الليبي، قوات الامن،
// الفصائل المعارضة), names written as hashtags, and quotation speakers;
// each carries its mention and, for an entity, its id. The first actor
// after the trigger with no preposition before it is the agent (Arabic news
// is verb-subject-object), the next one is the partner or target (by type),
// an actor after مع or بين is a partner, one after على/ضد/الى a target for
// hostile types; a LOC after في is the place, and the nearest date or time
// in the clause is the time. An actor coordinated with و takes the role of
// the one before it. docs/EVENTS.md lists the rules for subjects before
// the verb, dropped subjects and pronouns.
//
// Modality: future for س/سوف, an imperfect or a meeting noun with a date
// after the document date, or a planning word before the trigger (يفترض ان,
// من المقرر, يعتزم); possible for قد with an imperfect, محتمل, ربما, امكان,
// لا يمكن استبعاد; negated (and polarity negative) for لم/لن/لا/ما/عدم.
//
// Sentences about sport drop MEET, ATTACK and SUPPORT triggers (a fixture,
// a forward line), sentences about a court case accusations and support;
// repeated tellings of one event are merged into the first (see
// docs/EVENTS.md). When the quotation layer ran before it, a reporting
// verb that is also a trigger (طالب، اتهم، دعا) takes the quote's speaker
// as its agent when the clause names none.
//
// An Annotator keeps no state between calls; one value serves many
// goroutines.
package event

import (
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"khabar"
	"khabar/arabic/normalize"
	"khabar/mention"
)

// Annotator finds events; it implements khabar.Annotator.
type Annotator struct{}

// New returns an event annotator.
func New() *Annotator {
	tables() // build the tables now, not inside the first document's analysis
	return &Annotator{}
}

// Window sizes, in tokens.
const (
	// argWindow is how far after a trigger its participants may be.
	argWindow = 20
	// modalWindow is how far before a trigger a modality word may be.
	modalWindow = 5
	// embeddedGap: a noun trigger this close after another trigger is its
	// complement (`موافقتها على اجراء مفاوضات`), not an event of its own.
	embeddedGap = 4
	// needsWindow is how far the word a trigger needs (مع, اتفاق) may be.
	needsWindow = 12
)

// Annotate fills doc.Events. It reads doc.Tokens, doc.Sentences,
// doc.Entities, doc.Timexes and doc.DCT.
func (a *Annotator) Annotate(doc *khabar.Document) {
	doc.Events = []khabar.Event{}
	if len(doc.Tokens) == 0 {
		return
	}
	v := newView(doc)
	v.find()
}

type view struct {
	doc    *khabar.Document
	runes  []rune
	toks   []khabar.Token
	sentOf []int
	sentLo []int
	sentHi []int
	entAt  []int // token -> entity index, or -1
	tmxAt  []int // token -> timex index, or -1
	// acts are the actors participants are taken from: the entities (same
	// indexes as doc.Entities), then the groups of package mention; actAt
	// maps a token to its actor, a group before the entity inside it.
	acts   []actor
	actAt  []int
	events []cand
	canon  map[string]string // entity id -> canonical, built on first use
	sport  int               // 0 unknown, 1 not a sport document, 2 a sport document
}

// actor is an entity or a group mention.
type actor struct {
	typ        string // the entity type, or grp
	id         string // the entity id; for a group, the id of a name inside it or ""
	key        string // what identifies the actor in the document: canonical name or group key
	start, end int
	text       string
	tag        bool // a hashtag no entity or group covers
	office     bool // an ORG or group right after a title word (`وزير الخارجية الروسي`): no actor
	// unnamed marks a group that does not say whose it is (`الحكومة`,
	// `قوات الأمن`): it takes its place in the clause (an agent still
	// stands before the object) but is no participant (namedOnly).
	unnamed bool
}

// grp is the actor type of a group that is no entity.
const grp = "GRP"

// cand is an event found, with the token of its trigger.
type cand struct {
	tok int
	// definite marks a noun trigger with the article (`الهجوم`,
	// `للضربات`): an event most often told before
	definite bool
	khabar.Event
	placeCanon string
	timeValue  string
}

func newView(doc *khabar.Document) *view {
	v := &view{doc: doc, runes: []rune(doc.Text), toks: doc.Tokens}
	n := len(v.toks)
	ts := khabar.IndexSentences(doc)
	v.sentOf, v.sentLo, v.sentHi = ts.SentOf, ts.Lo, ts.Hi
	v.entAt = make([]int, n)
	v.tmxAt = make([]int, n)
	for i := range n {
		v.entAt[i] = -1
		v.tmxAt[i] = -1
	}
	for k, e := range doc.Entities {
		v.mark(e.Start, e.End, k, v.entAt)
	}
	for k, t := range doc.Timexes {
		v.mark(t.Start, t.End, k, v.tmxAt)
	}
	v.acts = make([]actor, len(doc.Entities), len(doc.Entities)+8)
	for k, e := range doc.Entities {
		key := e.Canonical
		if key == "" {
			key = e.Text
		}
		v.acts[k] = actor{typ: e.Type, id: e.ID, key: key, start: e.Start, end: e.End, text: e.Text}
	}
	v.actAt = append([]int(nil), v.entAt...)
	for _, g := range mention.FindIn(doc, v.runes) {
		a := actor{typ: grp, key: g.Key, start: g.Start, end: g.End, text: g.Text, unnamed: !g.Named}
		if g.Entity >= 0 {
			e := doc.Entities[g.Entity]
			a.id, a.key = e.ID, v.acts[g.Entity].key
		}
		k := len(v.acts)
		v.acts = append(v.acts, a)
		for t := g.Lo; t < g.Hi && t < n; t++ {
			v.actAt[t] = k
		}
	}
	v.nameBareGroups()
	// `وزير الخارجية الروسي`: the office of a title is no actor
	for i := 1; i < n; i++ {
		if !v.afterTitle(i) {
			continue
		}
		for _, e := range []int{v.actAt[i], v.entAt[i]} {
			if e >= 0 && v.actAt[i-1] != e && (v.acts[e].typ == "ORG" || v.acts[e].typ == grp) {
				v.acts[e].office = true
			}
		}
	}
	// a hashtag no entity or group covers names an actor (`حثت #فرنسا
	// روسيا`): the entity layer leaves hashtags alone
	for i := range v.toks {
		if v.toks[i].Kind != khabar.KindHashtag || v.actAt[i] >= 0 {
			continue
		}
		start, end := v.toks[i].Start+1, v.toks[i].End
		if start >= end || end > len(v.runes) {
			continue
		}
		text := string(v.runes[start:end])
		v.actAt[i] = len(v.acts)
		v.acts = append(v.acts, actor{typ: grp, key: strings.ReplaceAll(text, "_", " "), start: start, end: end, text: text, tag: true})
	}
	return v
}

// afterTitle says whether token i follows a title word (`وزير الخارجية`),
// also past one adjective (`القائد الاعلى للقوات المسلحة`).
func (v *view) afterTitle(i int) bool {
	title := func(k int) bool {
		n := v.norm(k)
		return mention.IsTitle(n) || mention.IsTitle(strings.TrimPrefix(strings.TrimPrefix(n, "و"), "ال"))
	}
	if title(i - 1) {
		return true
	}
	return i >= 2 && v.toks[i-1].Kind == khabar.KindWord && v.entAt[i-1] < 0 && strings.HasPrefix(v.norm(i-1), "ال") && title(i-2)
}

// mark sets at[i] = k for the tokens that [start, end) overlaps, keeping
// the first span that reaches a token.
func (v *view) mark(start, end, k int, at []int) {
	i := sort.Search(len(v.toks), func(i int) bool { return v.toks[i].End > start })
	for ; i < len(v.toks) && v.toks[i].Start < end; i++ {
		if at[i] < 0 {
			at[i] = k
		}
	}
}

func (v *view) norm(i int) string {
	if n := v.toks[i].Norm; n != "" {
		return n
	}
	return v.toks[i].Text
}

// bare is the norm without a leading و or ف conjunction, for looking up
// function words (`ويفترض`, `ولم`).
func (v *view) bare(i int) string {
	n := v.norm(i)
	if len(n) >= 4*len("و") && (strings.HasPrefix(n, "و") || strings.HasPrefix(n, "ف")) {
		return n[len("و"):]
	}
	return n
}

// breaksClause says whether token k ends the clause of a trigger:
// punctuation other than quotation marks, brackets and slashes, or a word
// that opens another clause.
func (v *view) breaksClause(k int) bool {
	if v.isPunct(k) {
		switch v.toks[k].Text {
		case "\"", "(", ")", "/", "«", "»", "“", "”":
			return false
		case "،", ",":
			// `وسيلتقي رئيس الحكومة، الاثنين، ترمب`: a date between commas
			if v.parentheticalDate(k) {
				return false
			}
			if v.appositionComma(k) {
				return false
			}
		}
		return true
	}
	return clauseBreak[v.norm(k)]
}

// appositionComma says whether the comma at k stands between a title and
// the person it names (`حث العاهل المغربي، الملك محمد السادس، الحكومة`):
// a title word at most two tokens before it with no actor of its own, and
// a person named within three tokens after, or the comma closing that
// name.
func (v *view) appositionComma(k int) bool {
	titled := false
	for j := k - 1; j >= 0 && j >= k-3; j-- {
		if v.actAt[j] >= 0 {
			break
		}
		titled = titled || mention.IsTitle(v.norm(j)) || personTitles[strings.TrimPrefix(v.bare(j), "ال")]
	}
	if titled {
		for j := k + 1; j < len(v.toks) && j <= k+3; j++ {
			if e := v.entAt[j]; e >= 0 && v.doc.Entities[e].Type == "PER" {
				return true
			}
		}
		return false
	}
	// the comma after the name: `..., الملك محمد السادس، الحكومة`
	if k > 0 {
		if e := v.entAt[k-1]; e >= 0 && v.doc.Entities[e].Type == "PER" {
			for j := k - 2; j >= 0 && j >= k-6; j-- {
				if v.toks[j].Text == "،" || v.toks[j].Text == "," {
					return v.appositionComma(j)
				}
			}
		}
	}
	return false
}

// personTitles, folded without the article, are the titles of a head of
// state or a dignitary, which the person's name follows in apposition.
var personTitles = map[string]bool{"عاهل": true, "ملك": true, "امير": true, "رئيس": true, "وزير": true, "زعيم": true, "قائد": true, "شيخ": true, "سلطان": true}

// parentheticalDate says whether the comma at k opens or closes a date set
// off by commas on both sides.
func (v *view) parentheticalDate(k int) bool {
	isComma := func(j int) bool {
		return j >= 0 && j < len(v.toks) && (v.toks[j].Text == "،" || v.toks[j].Text == ",")
	}
	// opening: k, a timex run, a comma
	if j := k + 1; j < len(v.toks) && v.tmxAt[j] >= 0 {
		for j < len(v.toks) && v.tmxAt[j] == v.tmxAt[k+1] {
			j++
		}
		if isComma(j) {
			return true
		}
	}
	// closing: a comma, a timex run, k
	if j := k - 1; j >= 0 && v.tmxAt[j] >= 0 {
		for j >= 0 && v.tmxAt[j] == v.tmxAt[k-1] {
			j--
		}
		if isComma(j) {
			return true
		}
	}
	return false
}

// clause is the stretch of sentence [lo, hi) around the trigger at i,
// bounded by breaksClause, at most argWindow tokens on each side.
func (v *view) clause(i, lo, hi int) (int, int) {
	a := i
	for a-1 >= lo && a-1 >= i-argWindow && !v.breaksClause(a-1) {
		a--
	}
	b := i + 1
	for b < hi && b <= i+argWindow && !v.breaksClause(b) {
		b++
	}
	return a, b
}

func (v *view) isPunct(i int) bool {
	k := v.toks[i].Kind
	return k == khabar.KindPunct || k == khabar.KindSymbol
}

func (v *view) find() {
	lastTrig := -100
	for i := range v.toks {
		if v.toks[i].Kind != khabar.KindWord || v.entAt[i] >= 0 {
			continue
		}
		t, pre, ok := tables().lookup(v.norm(i))
		if !ok {
			continue
		}
		if t.kind != formNoun && strings.HasSuffix(v.toks[i].Text, "ة") {
			continue // `طالبة`: a noun whose ة folds to the ه of `طالبه`
		}
		sent := v.sentOf[i]
		lo, hi := v.sentLo[sent], v.sentHi[sent]
		if t.needs != nil && !v.followedBy(i, hi, t.needs) && !v.relativeAttack(i, lo, t) {
			continue
		}
		if needsWar(v.norm(i)) && !v.aboutWar(lo, hi) {
			continue // `استعاد ثقته`, `تحرير الاسعار`: no fighting in the sentence
		}
		if (t.typ == Accuse || t.typ == Support) && v.aboutCourt(lo, hi) {
			continue // charges in court are a legal act, not an accusation event
		}
		if strings.Contains(v.norm(i), "سيطر") && !tables().triggers[v.bare(i)].ok() {
			continue // `سيطرة`, `سيطرتها`: the noun, not the verb with a pronoun
		}
		if i > lo && v.bare(i-1) == "علم" {
			continue // `علم الاجتماع`: sociology
		}
		if i > lo && strings.HasSuffix(v.bare(i-1), "وقف") && t.typ == Attack {
			continue // `وقف اطلاق النار`: a ceasefire
		}
		if strings.Contains(v.bare(i), "استقبال") && !v.personWithin(i, hi, 4) {
			continue // `استقبال اللاجئين`: no one received
		}
		if v.capability(i, lo) {
			continue // `نزع قدرة النظام على شن هجمات`: an ability, no event
		}
		if v.hypothetical(i, lo) {
			continue // `في حال تم شن هجوم`, `التخطيط لتنفيذ هجوم`: a condition or a plot
		}
		if strings.HasPrefix(v.bare(i), "استقبل") && t.kind != formNoun && !v.personWithin(i, hi, 4) {
			continue // `واستقبلت كلمات ترامب بالضحك`: no one received
		}
		if t.kind == formNoun && (i+1 < hi && v.toks[i+1].Kind == khabar.KindNumber && t.typ == Meet || i > lo && v.toks[i-1].Kind == khabar.KindNumber && t.typ == Accuse) {
			continue // `لقاء 5.5 مليارات دولار`: in exchange for; `40 اتهاما`: a count of charges
		}
		if t.typ == Meet && t.kind == formNoun && v.followedWithin(i, hi, 3, programmeWords) {
			continue // `خلال لقاء ضمن برنامج ...`: an interview on air
		}
		if t.typ == Meet && t.kind == formNoun && i+1 < hi && (strings.HasPrefix(v.norm(i+1), "تلفزيون") || strings.HasPrefix(v.norm(i+1), "صحفي") || strings.HasPrefix(v.norm(i+1), "اعلامي")) {
			continue // `لقاء تلفزيوني`: an interview
		}
		if t.typ == Support && v.abstractObject(i, hi) && !supportBy(v.norm(i)) {
			continue // `تدعم الحل السياسي`: support for a policy, not an actor
		}
		if isParticiple(v.bare(i)) && i > lo && !v.isPunct(i-1) && !strings.HasPrefix(v.norm(i), "و") {
			continue // a participle of the sentence's subject follows a comma: `، متهما`
		}
		if t.typ == Demand && v.invitation(i, hi) {
			continue // `دعا لافروف كيم الى زيارة روسيا`: an invitation
		}
		if (t.typ == Visit || t.typ == Meet) && t.kind == formNoun && i > lo && v.bare(i-1) == "الي" && v.demandBefore(i, lo) {
			continue // the visit an invitation asks for: not made yet
		}
		if t.typ == Agree && t.kind != formNoun && strings.HasPrefix(v.bare(i), "وقع") && t.needs != nil && v.followedWithin(i, hi, 12, agreementNouns) {
			continue // `وقع البشير مع اردوغان اتفاقا`: the noun is the trigger
		}
		if t.typ == Attack && t.kind != formNoun && t.needs != nil && v.attackNounFollows(i, hi) {
			continue // `شنت اسرائيل غارات`: the noun is the trigger
		}
		if t.typ == Agree && t.kind == formNoun && strings.Contains(v.norm(i), "اتفاق") && !v.agreementMade(i, lo, hi) {
			continue // `الانسحاب من الاتفاق النووي`: an agreement named, not made
		}
		if (strings.Contains(v.norm(i), "اجتاح") || strings.HasPrefix(v.bare(i), "غز")) && !v.placeFollows(i, hi) {
			continue // `اجتاحت السنة اللهب العربة`, `الصور التي غزت مواقع التواصل`: no place invaded
		}
		if t.typ == Attack && strings.HasPrefix(v.bare(i), "قتل") && !v.killedBy(i, hi) {
			continue // `قتل 33 فلسطينيا`, `قتل زعيم التنظيم`: a death told, no killer named as subject
		}
		if t.typ == Attack && strings.HasSuffix(v.bare(i), "رصاص") && !v.shotBy(i, hi) {
			continue // `قتل نفسه بالرصاص`, `الرصاص المطاطي`: no one shooting
		}
		if t.typ == Accuse && strings.HasPrefix(v.bare(i), "حمل") && !v.blameLaid(i, hi) {
			continue // `حمل السلاح`: carried, no blame laid
		}
		if t.typ == Demand && v.bare(i) == "طلب" && (i > lo && v.isVerb(i-1) || i+1 < hi && applicationNouns[v.bare(i+1)]) {
			continue // `سيقدم طلب استئناف`, `طلب اللجوء`: an application, no demand
		}
		if t.typ == Agree && t.kind != formNoun && strings.Contains(v.bare(i), "وافق") && v.approvalOf(i, hi) {
			continue // `وافقت الجمعية الوطنية ... على مشروع قانون`: an approval
		}
		if t.typ == Accuse && strings.HasSuffix(v.bare(i), "لوم") && !v.followedWithin(i, hi, 1, onWords) {
			continue // blame is an accusation when laid on someone: `باللوم على الحكومة`
		}
		if sportTypes[t.typ] && (v.aboutSport(lo, hi) || v.sportDoc()) {
			continue // a fixture, a forward line, a round, a player's contract
		}
		if (t.typ == Accuse || t.typ == Demand) && v.sportDoc() {
			continue // fans blaming a coach, a club asking a fee: no political act
		}
		if t.typ == Attack && t.kind == formNoun && i > lo && ruleNouns[strings.TrimPrefix(v.bare(i-1), "ال")] {
			continue // `قواعد اطلاق النار`, `تجربة اطلاق صاروخ`: rules and tests, no attack
		}
		if t.typ == Demand && v.aboutTrade(lo, hi) {
			continue // `يعارض خان طلب قروض`: a loan asked for, no political demand
		}
		if t.typ == Visit && t.kind == formNoun && strings.Contains(v.norm(i), "جول") && i+1 < hi && talkNouns[v.bare(i+1)] {
			continue // `جولة تفاوض`: a round of talks, no tour
		}
		if t.typ == Statement && v.quotedAfter(i, hi) {
			continue // `أصدر آلن بيانا قال فيه "..."`: the statement is the quotation's
		}
		if t.typ == Accuse && t.kind != formNoun && v.passiveAccuse(i, hi) {
			continue // `واتهم بتشجيع الطائفية`: charged, told without an accuser
		}
		if (t.typ == Agree || t.typ == Attack || t.typ == Support) && v.aboutTrade(lo, hi) {
			continue // trade deals, tariffs and subsidies are no events here
		}
		if t.typ == Attack && i+1 < hi && strings.Contains(v.bare(i+1), "الكترون") || strings.Contains(v.bare(min(i+1, hi-1)), "سيبران") {
			continue // a cyber attack
		}
		if t.typ == Agree && v.followedWithin(i, hi, 4, legalObjects) {
			continue // `وافق مجلس النواب على مشروع القانون`: an approval, no agreement between sides
		}
		if t.needs != nil && strings.Contains(v.norm(i), "ضرب") && !v.followedWithin(i, hi, 3, t.needs) {
			continue // `ضربة موجعة لسيد البيت الابيض`: a blow, no strike
		}
		if t.kind == formNoun {
			if i > lo && (v.norm(i-1) == "هذا" || v.norm(i-1) == "هذه" || v.norm(i-1) == "ذلك" || v.norm(i-1) == "تلك") {
				continue // a mention of an event already told
			}
			setting := i > lo && (v.bare(i-1) == "خلال" || v.bare(i-1) == "اثناء")
			if i-lastTrig <= embeddedGap && v.sentOf[lastTrig] == sent && !setting && (t.typ != Attack || v.events[len(v.events)-1].Type == Attack || v.events[len(v.events)-1].Type == Threaten) && !modifierSupport(v.norm(i)) {
				continue // the complement of the trigger before (an attack supported or condemned is an event of its own; `اطلاق نار اثناء زيارته` is a setting)
			}
			if t.conference && i+1 < hi && strings.Contains(v.norm(i+1), "صحف") {
				continue // a press conference
			}
			if i > lo && strings.HasSuffix(v.bare(i-1), "تحالف") {
				continue // `تحالف دعم الشرعية`: a name
			}
		}
		modality, polarity := v.modality(i, t, lo, hi)
		typ := t.typ
		c := cand{tok: i, definite: t.kind == formNoun && (isDefinite(v.norm(i)) || pre == 0 && possessiveNoun(v.norm(i)))}
		c.Type = typ
		c.Trigger = v.span(i, pre)
		c.Modality, c.Polarity = modality, polarity
		v.arguments(&c, t, lo, hi)
		if (c.Type == Meet || c.Type == MeetingPlanned) && v.mediaAmong(c.Participants) {
			continue // `التقت فرانس24 وزير الخارجية المغربي`: an interview
		}
		if c.Type == Accuse && len(c.Participants) == 0 {
			continue // `اتهم ضابط سابق ... بإخفائه`: a charge with neither accuser nor accused named
		}
		planned := modality == Future || modality == Possible
		if t.conference && !planned && v.beforeIt(i, lo) {
			planned = true // `قبل ثلاثة ايام من قمة بين ...`: still to come
			c.Modality = Future
		}
		switch {
		case t.conference && typ == MeetingPlanned && !planned && strings.Contains(v.norm(i), "قم") && v.followedBy(i, min(hi, i+4), betweenWord) && v.heldContext(i, lo, hi):
			c.Type = Meet // `القمة التاريخية بين الولايات المتحدة وكوريا الشمالية`: a summit held
		case t.conference && typ == MeetingPlanned && !planned:
			continue // a conference that is not planned is not an event here
		case t.conference && planned:
			c.Type = MeetingPlanned
		case typ == Meet && planned && t.gather && !hasRole(c.Participants, RolePartner):
			c.Type = MeetingPlanned
		}
		if c.Type == Meet && t.kind == formNoun && len(c.Participants) == 0 && i > lo {
			if b := v.bare(i - 1); b == "خلال" || b == "اثناء" {
				continue // `قال خلال اجتماع`: the setting of a statement, no meeting told
			}
		}
		lastTrig = i
		v.events = append(v.events, c)
	}
	v.finish()
}

// killedBy says whether a killing verb at i (قتل، قتلت) is active with a
// force or a state as its subject right after it (`وقتلت القوات الاسرائيلية
// 17 فلسطينيا`): an attack. Unvocalised قتل is as often the passive (`قتل 33
// فلسطينيا`, `قتل زعيم التنظيم`), which tells a death and names no
// attacker, so a person right after it is the one killed, not the killer.
func (v *view) killedBy(i, hi int) bool {
	k := i + 1
	if k >= hi || k >= len(v.toks) {
		return false
	}
	a := v.actAt[k]
	if a < 0 || v.acts[a].start < v.toks[k].Start || v.acts[a].office {
		return false
	}
	return v.acts[a].typ != "PER" && v.acts[a].typ != "MISC"
}

// shotBy says whether a noun of bullets at i is someone's fire: `برصاص`
// before an actor (`برصاص القوات الاسرائيلية`, `برصاص قناص`), or
// `بالرصاص` before a nationality or `الحي` (`بالرصاص الاسرائيلي`, live
// fire), and not a suicide (`قتل نفسه بالرصاص`).
func (v *view) shotBy(i, hi int) bool {
	if i == 0 || v.bare(i-1) == "نفسه" || v.bare(i-1) == "نفسها" {
		return false
	}
	k := i + 1
	if k >= hi || k >= len(v.toks) || !strings.HasPrefix(v.norm(i), "ب") {
		return false
	}
	if v.norm(i) == "برصاص" {
		if a := v.actAt[k]; a >= 0 && !v.acts[a].office {
			return true
		}
		return strings.HasPrefix(v.norm(k), "قناص")
	}
	n := v.norm(k)
	return strings.HasPrefix(n, "ال") && (strings.HasSuffix(n, "ي") && len([]rune(n)) >= 6 || n == "الحي")
}

// blameLaid says whether حمّل at i lays the responsibility on someone:
// مسؤولية after an actor (`وحمل قرقاش ميليشيات الحوثي مسؤولية عرقلتها`),
// not right after the verb (`حمل مسؤولية` is to bear it).
func (v *view) blameLaid(i, hi int) bool {
	for k := i + 2; k < hi && k <= i+8; k++ {
		if b := strings.TrimPrefix(v.bare(k), "ال"); strings.HasPrefix(b, "مسوولي") || strings.HasPrefix(b, "مسؤولي") {
			for j := i + 1; j < k; j++ {
				if v.actAt[j] >= 0 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// isVerb says whether the morphological layer tagged token k a verb
// (false when it did not run).
func (v *view) isVerb(k int) bool { return v.toks[k].HasPOS("VERB") }

// applicationNouns, folded, follow طلب when it is an application.
var applicationNouns = map[string]bool{"اللجوء": true, "لجوء": true, "استئناف": true, "الاستئناف": true, "تاشيره": true,
	"التاشيره": true, "الانضمام": true, "انضمام": true, "الترشح": true, "ترشح": true, "الحصول": true}

// approvalOf says whether a verb of agreeing at i approves a law, bill or
// budget: على followed by such an object within the clause.
func (v *view) approvalOf(i, hi int) bool {
	for k := i + 1; k+1 < hi && k <= i+12; k++ {
		if onWords[v.norm(k)] {
			return legalObjects[v.bare(k+1)] || legalObjects[v.norm(k+1)]
		}
	}
	return false
}

// onWords, folded, lay blame on someone.
var onWords = map[string]bool{"على": true, "علي": true}

// placeFollows says whether a LOC entity comes within three tokens after i.
func (v *view) placeFollows(i, hi int) bool {
	for k := i + 1; k < hi && k <= i+3; k++ {
		if e := v.entAt[k]; e >= 0 && v.doc.Entities[e].Type == "LOC" {
			return true
		}
	}
	return false
}

// sportTypes are the types a match is told in: a fixture (يلتقي، لقاء،
// مواجهات), a forward line (هجوم), a round (جولة), a contract (وافق على
// عقد), a crowd's support (مساندة).
var sportTypes = map[string]bool{Meet: true, Attack: true, MeetingPlanned: true, Support: true, Visit: true, Agree: true}

// tradeWords, folded, mark a sentence about trade, tariffs or money.
var tradeWords = map[string]bool{"تجاري": true, "تجاريه": true, "التجاري": true, "التجاريه": true, "التجاره": true, "تجاره": true,
	"الرسوم": true, "رسوم": true, "الجمركيه": true, "جمركيه": true, "الصادرات": true, "الواردات": true, "السلع": true,
	"الاستثمار": true, "الاستثمارات": true, "استثمارات": true, "الميزانيه": true, "ميزانيه": true, "ريال": true,
	"الاسعار": true, "اسعار": true, "الشركه": true, "الشركات": true, "شركه": true, "شركات": true,
	"قروض": true, "القروض": true, "قرض": true, "القرض": true}

// aboutTrade says whether the sentence [lo, hi) speaks of trade or money.
func (v *view) aboutTrade(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if tradeWords[v.bare(k)] || tradeWords[strings.TrimPrefix(v.bare(k), "ب")] || tradeWords[strings.TrimPrefix(v.bare(k), "ل")] {
			return true
		}
	}
	return false
}

// legalObjects, folded, are what a body approves (`وافق على مشروع القانون`).
var legalObjects = map[string]bool{"قانون": true, "القانون": true, "مشروع": true, "تعيين": true, "منح": true, "عقد": true,
	"الميزانيه": true, "ميزانيه": true, "التعديلات": true, "تعديلات": true, "طلب": true}

// followedWithin says whether one of words comes in the n tokens after i.
func (v *view) followedWithin(i, hi, n int, words map[string]bool) bool {
	for k := i + 1; k < hi && k <= i+n; k++ {
		if words[v.norm(k)] || words[v.bare(k)] {
			return true
		}
	}
	return false
}

// sportDoc says whether the document is a sport article: the outlet's
// section when the input carries one (document.category), else a guess
// from the text, sport words in four sentences or more. The section is the
// outlet's own word and wins: a sport page about a player who shoots a
// rival is still sport, a news page on a football stadium attack is not.
func (v *view) sportDoc() bool {
	if v.sport == 0 && v.doc.Category != "" {
		v.sport = 1
		if sportSection(v.doc.Category) {
			v.sport = 2
		}
	}
	if v.sport == 0 {
		n, last := 0, -1
		for k := range v.toks {
			if s := v.sentOf[k]; s != last && (tables().sport[v.bare(k)] || tables().sport[v.norm(k)]) {
				n++
				last = s
			}
		}
		v.sport = 1
		if n >= 4 {
			v.sport = 2
		}
	}
	return v.sport == 2
}

// sportSection says whether an outlet's section name is a sport section
// (ANT's `sport`; `sports`, `رياضة` elsewhere).
func sportSection(c string) bool {
	c = strings.ToLower(strings.TrimSpace(c))
	return strings.HasPrefix(c, "sport") || strings.Contains(c, "رياض")
}

// aboutSport says whether the sentence [lo, hi) speaks of a match.
func (v *view) aboutSport(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if (tables().sport[v.bare(k)] || tables().sport[v.norm(k)]) && !v.militaryRank(k) {
			return true
		}
	}
	return false
}

// militaryRank says whether فريق at k is the rank (`الفريق طيار محمد
// العايش`, `الفريق أول ركن`), not a team: a rank word or a person's name
// follows within two tokens.
func (v *view) militaryRank(k int) bool {
	if !strings.HasSuffix(v.bare(k), "فريق") {
		return false
	}
	for j := k + 1; j < len(v.toks) && j <= k+2; j++ {
		switch v.bare(j) {
		case "طيار", "اول", "ركن", "بحري", "متقاعد":
			return true
		}
		if e := v.entAt[j]; e >= 0 && v.doc.Entities[e].Type == "PER" {
			return true
		}
	}
	return false
}

func hasRole(ps []khabar.Participant, role string) bool {
	for _, p := range ps {
		if p.Role == role {
			return true
		}
	}
	return false
}

// hypothetical says whether the trigger at i is in a condition (في حال،
// اذا، لو), a plot (التخطيط، خطط) or a prevention (لمنع هجمات) opened in
// the few tokens before.
func (v *view) hypothetical(i, lo int) bool {
	for k := i - 1; k >= lo && k >= i-5; k-- {
		switch b := strings.TrimPrefix(v.bare(k), "ال"); b {
		case "حال", "اذا", "لو", "تخطيط", "خطط", "يخطط", "مخطط", "منع", "لمنع", "احباط", "لاحباط":
			return true
		}
		if v.isPunct(k) && v.toks[k].Text != "\"" {
			return false
		}
	}
	return false
}

// capability says whether the trigger at i is what someone can do
// (`قدرة النظام على شن هجمات`): قدرة in the few tokens before.
func (v *view) capability(i, lo int) bool {
	for k := i - 1; k >= lo && k >= i-4; k-- {
		if b := strings.TrimPrefix(v.bare(k), "ال"); b == "قدره" || b == "قدرات" {
			return true
		}
	}
	return false
}

// abstractObject says whether the verb at i has a definite noun that
// names no actor right after it (`تدعم الحل السياسي`).
func (v *view) abstractObject(i, hi int) bool {
	k := i + 1
	if k >= hi || v.actAt[k] >= 0 || v.toks[k].Kind != khabar.KindWord {
		return false
	}
	n := v.norm(k)
	return strings.HasPrefix(n, "ال") && !v.isPrepWord(k) && !clauseBreak[n]
}

// courtWords, folded, mark a sentence about a trial or charges.
var courtWords = map[string]bool{"العدل": true, "محكمه": true, "المحكمه": true, "القضاء": true, "النيابه": true, "لائحه": true, "التهم": true,
	"بتهمه": true, "الادعاء": true, "المدعي": true, "ادين": true, "ادانه": true, "بالسجن": true, "السجن": true, "المحاكمه": true,
	"المتهم": true, "المتهمين": true, "متهمون": true, "الاتهام": true, "اتهامات": true}

// aboutCourt says whether the sentence [lo, hi) speaks of a court case:
// two court words, or one besides an indictment.
func (v *view) aboutCourt(lo, hi int) bool {
	n := 0
	for k := lo; k < hi; k++ {
		if b := v.bare(k); courtWords[b] && b != "اتهامات" && b != "الاتهام" {
			n++
		} else if strings.Contains(b, "لائحه") || strings.Contains(b, "وجهت") && k+1 < hi && strings.Contains(v.bare(k+1), "اتهام") {
			n++
		}
	}
	return n >= 1
}

// attackNounFollows says whether an attack noun trigger comes in the few
// tokens after the verb at i.
func (v *view) attackNounFollows(i, hi int) bool {
	for k := i + 1; k < hi && k <= i+needsWindow; k++ {
		if v.breaksClause(k) {
			return false
		}
		if t, _, ok := tables().lookup(v.norm(k)); ok && t.typ == Attack && t.kind == formNoun {
			return true
		}
	}
	return false
}

// possessiveNoun says whether a folded noun trigger ends in a possessive
// pronoun that no table form has (`ضرباته`): the event is someone's told
// before.
func possessiveNoun(n string) bool {
	if _, ok := tables().triggers[n]; ok {
		return false
	}
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suf); ok {
			if t, ok := tables().triggers[stem]; ok && t.kind == formNoun {
				return true
			}
		}
	}
	return false
}

// modifierSupport says whether a folded support noun describes the actor
// before it (`النظام السوري المدعوم من موسكو`), which makes it no
// complement of the trigger before.
func modifierSupport(n string) bool {
	return strings.Contains(n, "مدعوم") || strings.Contains(n, "مسنود")
}

// isDefinite says whether a folded noun has the article behind its
// proclitics (`والهجوم`, `بالضربة`, `للضربات`).
func isDefinite(n string) bool {
	for _, p := range []string{"و", "ف"} {
		if strings.HasPrefix(n, p+"ال") || strings.HasPrefix(n, p+"بال") || strings.HasPrefix(n, p+"لل") {
			return true
		}
	}
	return strings.HasPrefix(n, "ال") || strings.HasPrefix(n, "بال") || strings.HasPrefix(n, "لل")
}

// heldContext says whether a summit at i is told as held: after بعد/عقب/
// خلال/منذ, or with جرت/عقدت/التاريخية close after it (not `موعد القمة`).
func (v *view) heldContext(i, lo, hi int) bool {
	for k := i - 1; k >= lo && k >= i-3; k-- {
		switch v.bare(k) {
		case "بعد", "عقب", "خلال", "منذ", "جرت", "عقدت":
			return true
		}
	}
	for k := i + 1; k < hi && k <= i+2; k++ {
		switch v.bare(k) {
		case "جرت", "عقدت", "التاريخيه", "الاولي", "الثانيه", "الثالثه":
			return true
		}
	}
	return false
}

// beforeIt says whether the noun at i follows `قبل ... من` (`قبل ثلاثة
// ايام من قمة`): something happens before it, so it is still to come.
func (v *view) beforeIt(i, lo int) bool {
	if i-1 < lo || v.bare(i-1) != "من" {
		return false
	}
	for k := i - 2; k >= lo && k >= i-5; k-- {
		if v.bare(k) == "قبل" {
			return true
		}
	}
	return false
}

// personWithin says whether a person is named in the n tokens after i.
func (v *view) personWithin(i, hi, n int) bool {
	for k := i + 1; k < hi && k <= i+n; k++ {
		if e := v.entAt[k]; e >= 0 && v.doc.Entities[e].Type == "PER" {
			return true
		}
	}
	return false
}

// invitation says whether the demand verb at i asks to a visit or a
// meeting (`دعا ... الى زيارة`, `دعاه لحضور`).
func (v *view) invitation(i, hi int) bool {
	for k := i + 1; k < hi && k <= i+12; k++ {
		if b := v.bare(k); b == "الي" && k+1 < hi {
			n := strings.TrimPrefix(v.bare(k+1), "ال")
			return strings.HasPrefix(n, "زياره") || strings.HasPrefix(n, "لقاء") || strings.HasPrefix(n, "حضور") || strings.HasPrefix(n, "مشاركه")
		}
	}
	return false
}

// demandBefore says whether a demand verb comes in the clause before i.
func (v *view) demandBefore(i, lo int) bool {
	for k := i - 1; k >= lo && k >= i-14; k-- {
		if v.breaksClause(k) && v.toks[k].Text != "،" {
			return false
		}
		if t, _, ok := tables().lookup(v.norm(k)); ok && t.typ == Demand && t.kind != formNoun {
			return true
		}
	}
	return false
}

// agreementNouns, folded, are the agreement nouns that are triggers.
var agreementNouns = map[string]bool{"اتفاق": true, "اتفاقا": true, "اتفاقيه": true, "الاتفاق": true, "الاتفاقيه": true}

// betweenWord is the word that names a meeting's two sides.
var betweenWord = map[string]bool{"بين": true}

// needsWar says whether a folded trigger form is an attack only in a
// sentence about fighting: recapturing, taking control, liberating.
func needsWar(n string) bool {
	return strings.Contains(n, "استعاد") || strings.Contains(n, "ستعيد") || strings.Contains(n, "سيطر") || strings.Contains(n, "تحرير")
}

// warWords, folded without the article, mark a sentence about fighting.
var warWords = map[string]bool{"قتال": true, "حرب": true, "مواجهات": true, "اشتباكات": true, "جيش": true, "قوات": true, "ميليشيات": true, "مليشيات": true, "فصائل": true, "مقاتلات": true,
	"طيران": true, "تحالف": true, "كتائب": true, "وحدات": true, "حشد": true, "مسلحي": true, "مسلحين": true, "معارك": true,
	"عسكريه": true, "عمليات": true, "جنود": true, "مقاتلين": true, "مقاتلو": true, "مقاتلي": true}

// aboutWar says whether the sentence [lo, hi) speaks of fighting: a war
// word, or a group of fighters (`#الجيش_اليمني`).
func (v *view) aboutWar(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if e := v.actAt[k]; e >= 0 && v.acts[e].typ == grp {
			for _, w := range strings.Fields(strings.ReplaceAll(v.acts[e].key, "_", " ")) {
				if warWords[strings.TrimPrefix(strings.TrimPrefix(w, "#"), "ال")] {
					return true
				}
			}
		}
		b := v.bare(k)
		b = strings.TrimPrefix(strings.TrimPrefix(b, "ب"), "ل")
		if warWords[b] || warWords[strings.TrimPrefix(b, "ال")] {
			return true
		}
	}
	return false
}

// agreementMade says whether the agreement noun at i is one reached or
// signed (`التوصل الى اتفاق`, `توقيع الاتفاق`, `اتفاق ابرمته`, `الاتفاق بين
// X وY`) rather than one named (`الانسحاب من الاتفاق النووي`).
func (v *view) agreementMade(i, lo, hi int) bool {
	for k := i - 1; k >= lo && k >= i-3; k-- {
		b := v.bare(k)
		if strings.Contains(b, "انسحاب") || strings.Contains(b, "تنسحب") || strings.Contains(b, "ينسحب") || b == "من" || b == "بشان" || b == "حول" {
			return false
		}
		if strings.Contains(b, "توقيع") || strings.Contains(b, "توصل") || strings.Contains(b, "ابرام") || b == "وقع" || b == "وقعت" || b == "ابرم" || b == "ابرمت" {
			return true
		}
	}
	if i+1 < hi && isDefinite(v.norm(i)) && namedAgreement(v.bare(i+1)) {
		// `وعن الاتفاق النووي مع ايران`, `ضربة للاتفاق النووي بين ايران
		// وست قوى`: an agreement known by its name, not one made here
		return false
	}
	for k := i + 1; k < hi && k <= i+4; k++ {
		b := v.bare(k)
		if b == "بين" || b == "مع" || strings.HasPrefix(b, "ابرم") || strings.HasPrefix(b, "وقعت") {
			return true
		}
	}
	return false
}

// namedAgreement says whether a folded word after a definite agreement
// noun names which one it is: a relational adjective (`النووي`,
// `التجاري`), not a time or place adjective.
func namedAgreement(b string) bool {
	r := []rune(b)
	if !strings.HasPrefix(b, "ال") || len(r) < 6 || !(strings.HasSuffix(b, "ي") || strings.HasSuffix(b, "يه")) {
		return false
	}
	switch b {
	case "الثنائي", "الثلاثي", "الاولي", "الجديد", "الحالي", "الماضي", "الاخير":
		return false
	}
	return true
}

// relativeAttack says whether an attack verb with an object pronoun has
// its attack noun before it (`عملية عسكرية تشنها القوات الفرنسية`): the
// noun it needs is the antecedent of its pronoun.
func (v *view) relativeAttack(i, lo int, t trigger) bool {
	n := v.norm(i)
	if t.typ != Attack || !(strings.HasSuffix(n, "ها") || strings.HasSuffix(n, "ه")) || !strings.Contains(n, "شن") {
		return false
	}
	for k := i - 1; k >= lo && k >= i-4; k-- {
		b := strings.TrimPrefix(v.bare(k), "ال")
		switch b {
		case "عمليه", "حمله", "قذائف", "صواريخ", "حرب":
			return true
		}
	}
	return false
}

// followedBy says whether one of words comes in the few tokens after i.
func (v *view) followedBy(i, hi int, words map[string]bool) bool {
	window := needsWindow
	if words["الي"] {
		window = 16 // `ودعت اكثر من 150 شخصية، من بينها X وY، الى`
	}
	for k := i + 1; k < hi && k <= i+window; k++ {
		n := v.norm(k)
		if words[n] || words[v.bare(k)] {
			return true
		}
		if k == i+1 && words["الي"] && strings.HasPrefix(n, "لل") && !strings.HasPrefix(v.bare(i), "ي") && !strings.HasPrefix(v.bare(i), "ت") {
			return true // `ودعوا للتحقيق`
		}
		if strings.HasPrefix(n, "ل") && words[n[len("ل"):]] {
			return true
		}
	}
	return false
}

// modality classifies the trigger at i from the words around it and the
// dates of its clause.
func (v *view) modality(i int, t trigger, lo, hi int) (string, string) {
	future := t.kind == formFuture
	possible, negated := false, false
	for k := i - 1; k >= lo && k >= i-modalWindow; k-- {
		b := v.bare(k)
		switch {
		case tables().futureBefore[b]:
			future = true
		case tables().possibleBefore[b]:
			if b == "قد" && t.kind == formPast {
				continue // قد with a past verb is "already"
			}
			possible = true
		case tables().negationBefore[b] && k >= i-3 && !(b == "ما" && k > lo && oftenWords[v.bare(k-1)]):
			negated = true
		}
		if v.isPunct(k) && v.toks[k].Text != "\"" {
			break
		}
	}
	for k := i + 1; k < hi && k <= i+3; k++ {
		b := v.bare(k)
		if tables().possibleAfter[b] {
			possible = true
		}
		if tables().futureAfter[b] {
			future = true
		}
	}
	// a future verb governing a noun trigger: `سيجري مفاوضات`
	for k := i - 1; t.kind == formNoun && k >= lo && k >= i-3; k-- {
		// `سيجري مفاوضات`, `وسيعقد عوضا عنها اجتماع`
		if p := []rune(v.bare(k)); len(p) >= 4 && p[0] == 'س' && (p[1] == 'ي' || p[1] == 'ت' || p[1] == 'ن') {
			future = true
			break
		}
		if v.isPunct(k) {
			break
		}
	}
	held := false
	if t.kind == formNoun {
		// `مباحثات تمهيدية جرت بين الجانبين`: a noun told as held
		for k := i + 1; k < hi && k <= i+3; k++ {
			switch v.bare(k) {
			case "جرت", "جري", "عقدت", "عقد", "تمت", "دارت":
				held = true
			}
		}
	}
	if !future && !held && t.kind != formPast {
		clo, chi := v.clause(i, lo, hi)
		if tm := v.nearestTimex(i, clo, chi); tm >= 0 && v.after(v.doc.Timexes[tm].Value) {
			future = true
		}
	}
	polarity := Positive
	if negated {
		polarity = Negative
	}
	switch {
	case possible:
		return Possible, polarity
	case future:
		return Future, polarity
	case negated:
		return Negated, polarity
	}
	return Asserted, polarity
}

// ruleNouns, folded without the article, govern an attack noun that names
// no attack: rules of engagement, a weapons test.
var ruleNouns = map[string]bool{"قواعد": true, "قاعده": true, "تجربه": true, "تجارب": true, "اختبار": true, "نجاح": true}

// talkNouns, folded, after جولة make it a round of talks.
var talkNouns = map[string]bool{"تفاوض": true, "مفاوضات": true, "المفاوضات": true, "محادثات": true, "المحادثات": true,
	"مباحثات": true, "المباحثات": true, "حوار": true, "الحوار": true}

// quotedAfter says whether a quotation of the quotation layer starts after
// token i in its sentence [i, hi): a statement told as speech.
func (v *view) quotedAfter(i, hi int) bool {
	if hi <= i || hi > len(v.toks) {
		return false
	}
	from, to := v.toks[i].End, v.toks[hi-1].End
	for _, q := range v.doc.Quotes {
		if q.Start >= from && q.Start <= to {
			return true
		}
	}
	return false
}

// programmeWords, folded, after a meeting noun make it an interview on air.
var programmeWords = map[string]bool{"برنامج": true, "ببرنامج": true, "قناه": true, "مقابله": true}

// passiveAccuse says whether the accusation verb at i has no accuser: the
// charge (بـ) follows it at once (`واتهم بتشجيع`).
func (v *view) passiveAccuse(i, hi int) bool {
	k := i + 1
	if k >= hi || v.toks[k].Kind != khabar.KindWord || v.entAt[k] >= 0 {
		return false
	}
	n := v.norm(k)
	return strings.HasPrefix(n, "ب") && !strings.HasPrefix(n, "بان") && !strings.HasPrefix(n, "بأن")
}

// oftenWords before ما make it "often", not a negation (`غالبا ما يتهم`).
var oftenWords = map[string]bool{"غالبا": true, "كثيرا": true, "طالما": true, "عاده": true, "قلما": true}

// after says whether a timex value is a date after the document date.
func (v *view) after(value string) bool {
	dct := v.doc.DCT
	if len(dct) < 10 || len(value) < 4 || value[0] < '0' || value[0] > '9' {
		return value == "FUTURE_REF"
	}
	// compare as far as the value is precise: 2015-12-15 vs 2015-12-11,
	// 2015-12 vs 2015-12 (same month: not after)
	n := min(len(value), 10)
	if strings.Contains(value[:n], "W") || strings.Contains(value[:n], "X") {
		return false
	}
	return value[:n] > dct[:n]
}

// nearestTimex is the closest DATE or TIME timex to token i in [lo, hi),
// preferring one after the trigger, or -1.
func (v *view) nearestTimex(i, lo, hi int) int {
	best, bestDist := -1, 0
	for k := max(lo, i-argWindow); k < hi && k <= i+argWindow; k++ {
		tm := v.tmxAt[k]
		if tm < 0 {
			continue
		}
		if t := v.doc.Timexes[tm].Type; t != "DATE" && t != "TIME" {
			continue
		}
		d := k - i
		if d < 0 {
			d = -d*2 + 1 // before the trigger: weaker
		}
		if best < 0 || d < bestDist {
			best, bestDist = tm, d
		}
	}
	return best
}

// prepositions, folded, that put the entity after them in a role.
var (
	directionWords = map[string]bool{"شمال": true, "جنوب": true, "شرق": true, "غرب": true, "شمالي": true, "جنوبي": true,
		"شرقي": true, "غربي": true, "وسط": true, "قرب": true, "قبالة": true, "قباله": true, "اقليم": true, "مدينه": true, "محافظه": true, "ولايه": true,
		"مديريه": true, "منطقه": true, "بلده": true, "قريه": true}
	partnerPreps = map[string]bool{"مع": true, "بين": true}
	targetPreps  = map[string]bool{"علي": true, "ضد": true, "الي": true, "عن": true, "نحو": true}
	placePreps   = map[string]bool{"في": true}
	otherPreps   = map[string]bool{"من": true, "منذ": true, "حول": true, "بشان": true, "خلال": true, "عبر": true, "لدي": true, "امام": true, "برعايه": true, "بحضور": true, "باسم": true, "قبل": true, "بعد": true}
	hostile      = map[string]bool{Attack: true, Accuse: true, Threaten: true, Demand: true}
	clauseBreak  = map[string]bool{"ان": true, "انه": true, "انها": true, "بان": true, "بانه": true, "بانها": true, "بانهم": true, "انهم": true, "حيث": true, "لكن": true, "لكنها": true, "لكنه": true, "ولكن": true}
)

// arguments fills the participants, place and time of c.
func (v *view) arguments(c *cand, t trigger, lo, hi int) {
	c.Participants = []khabar.Participant{}
	seen := map[string]bool{}
	add := func(role string, e int) {
		act := v.acts[e]
		if seen[act.key] || act.office {
			return
		}
		seen[act.key] = true
		c.Participants = append(c.Participants, khabar.Participant{Role: role, Entity: act.id, Start: act.start, End: act.end, Text: act.text})
	}
	prep := ""
	sincePrep := 0  // words since prep was set: it fades after a few
	withAt := c.tok // where the last مع or بين was
	lastRole := ""
	bareCount := 0
	if t.kind != formNoun && (v.subjectBefore(c.tok, lo) || isParticiple(v.bare(c.tok))) {
		// subject-verb order (`لكن الاخير اتهم الاتحاد الاوروبي`): the
		// first name after the verb is its object
		bareCount = 1
	}
	end := min(hi, c.tok+1+argWindow)
	if circumstantial := t.typ == Visit && t.kind == formNoun && c.tok > lo && (v.bare(c.tok-1) == "خلال" || v.bare(c.tok-1) == "اثناء" || v.bare(c.tok-1) == "في"); circumstantial {
		// `وصل X الى موسكو في زيارة`, `ويلتقي X خلال الزيارة الرئيس
		// الروسي`: what follows is the main clause's, the visitor is its
		// subject (below)
		end = c.tok + 1
		for k := c.tok + 1; k < hi && k <= c.tok+3; k++ {
			if e := v.actAt[k]; e >= 0 && v.acts[e].typ == "LOC" && t.typ == Visit {
				add(RoleTarget, e) // `في زيارة لروسيا`
				break
			}
		}
	}
	for k := c.tok + 1; k < end; k++ {
		if k > c.tok+1 {
			if _, _, ok := tables().lookup(v.norm(k)); ok && v.actAt[k] < 0 && v.bare(k-1) != "خلال" && v.bare(k-1) != "اثناء" {
				break // the next event's words (not a setting: `خلال الزيارة`)
			}
		}
		n := v.norm(k)
		if v.breaksClause(k) || (k > c.tok+1 && isQuoteMark(v.toks[k].Text)) {
			break
		}
		if k > c.tok+1 && (n == "التي" || n == "الذي" || n == "الذين") && v.actAt[k-1] < 0 {
			break // a relative clause about something else: `قبل الاحتجاجات التي يحيي ...`
		}
		e := v.actAt[k]
		if e < 0 {
			sincePrep++
			if sincePrep > 3 {
				prep = ""
			}
			before := prep
			switch {
			case k > c.tok+1 && (v.bare(k) == "قبل" && v.bare(k-1) == "من" || v.bare(k) == "يد" && onWords[v.norm(k-1)]):
				prep = "by" // `قصف من قبل النظام السوري`, `قتلوا على يد القوات`: the doer
			case partnerPreps[v.bare(k)]:
				prep = "with"
				withAt = k
			case targetPreps[v.bare(k)]:
				prep = "to"
			case placePreps[v.bare(k)]:
				prep = "in"
			case t.typ == Support && v.bare(k) == "من" && supportBy(v.norm(c.tok)):
				prep = "by" // `المدعومة من ايران`, `بدعم من التحالف`: the supporter
			case (t.typ == Meet || t.typ == Negotiate) && strings.HasPrefix(n, "ب") && len(n) > 4 && k <= c.tok+3:
				prep = "with" // `التقى بوزير الدفاع`
			case (n == "بها" || n == "به") && k > c.tok+1 && lightVerbs[v.bare(k-1)]:
				prep = "" // `زيارة قام بها الرئيس القرغيزي`: the doer follows
			case otherPreps[v.bare(k)] || ((strings.HasPrefix(n, "ب") || strings.HasPrefix(n, "ل")) && len(n) > 4):
				prep = "other"
			}
			if prep != before || (prep != "" && v.isPrepWord(k)) {
				sincePrep = 0
			}
			continue
		}
		// skip the rest of this entity's tokens
		first := k
		for k+1 < end && v.actAt[k+1] == e {
			k++
		}
		ent := v.acts[e]
		// a proclitic on the entity's first token (`وبوتين`, `بموسكو`)
		clitic := ""
		if ent.start > v.toks[first].Start {
			clitic = string(v.runes[v.toks[first].Start:min(ent.start, len(v.runes))])
		}
		if strings.HasSuffix(clitic, "ل") && t.kind == formNoun && (t.typ == Attack || t.typ == Support || t.typ == Visit && ent.typ != "LOC") && first <= c.tok+3 && !hasRole(c.Participants, RoleAgent) && len([]rune(clitic)) == 1 {
			prep = "by" // `غارة جوية للجيش الاميركي`: the army's strike
			if t.typ == Support {
				prep = "for" // `مساندة للقوات الارضية`: the supported
			}
		} else if strings.HasSuffix(clitic, "ل") && t.kind == formNoun && t.typ == Visit && ent.typ == "LOC" && first <= c.tok+3 {
			prep = "to" // `زيارة لروسيا`: the place visited
		} else if strings.HasSuffix(clitic, "ب") && t.typ == Support && supportBy(v.norm(c.tok)) && first <= c.tok+2 {
			prep = "by" // `مسنودة بقوات التحالف`: the supporter
		} else if strings.HasSuffix(clitic, "ب") || strings.HasSuffix(clitic, "ل") {
			prep = "other"
		}
		coordinated := strings.HasPrefix(clitic, "و") && len([]rune(clitic)) == 1
		var role string
		switch {
		case coordinated && lastRole != "":
			role = lastRole
		case prep == "in" && ent.typ == "LOC":
			if c.Place == "" {
				c.Place, c.placeCanon = ent.id, ent.key
			}
			prep = ""
			continue
		case ent.typ != "PER" && ent.typ != grp && v.personFollows(k, end):
			// `مع زعيم كوريا الشمالية كيم جونغ اون`: the title's country
			// gives way to the person named after it
			continue
		case prep == "with" && withAt-c.tok > 10:
			// `اجتماع بين ماي ووزرائها خلص الى ... مع الاتحاد الاوروبي`: too
			// far to be this event's partner
			prep = ""
			continue
		case prep == "with":
			role = RolePartner
		case prep == "" && t.typ == Visit && ent.typ == "LOC":
			role = RoleTarget // `زاروا القرية ... شمال الجزيرة`: the place visited
		case prep == "by":
			role = RoleAgent
		case prep == "for":
			role = RoleTarget
		case prep == "to" && hostile[t.typ]:
			role = RoleTarget
		case prep == "to" && t.typ == Visit && ent.typ == "LOC":
			role = RoleTarget
		case prep == "" && t.kind == formNoun && first == c.tok+1 && ent.typ == "LOC" && (t.typ == Meet || t.typ == MeetingPlanned || t.typ == Attack):
			// `مؤتمر نيويورك`, `قمة هلسنكي`: the place of the meeting
			if c.Place == "" {
				c.Place, c.placeCanon = ent.id, ent.key
			}
			continue
		case prep == "" && t.kind == formNoun && t.typ == Attack && ent.typ == "LOC":
			// `تحرير قرية الحصامة وجبال كعب الجابر`, `قصف حلب`: the place
			// attacked, never the attacker
			if c.Place == "" {
				c.Place, c.placeCanon = ent.id, ent.key
			}
			continue
		case prep == "" && t.kind == formNoun && first != c.tok+1 && ent.typ == "LOC" && c.Place == "":
			// `تفجيرات شهدتها أوستن`: a place named after a noun trigger
			c.Place, c.placeCanon = ent.id, ent.key
			continue
		case ent.office:
			continue // `التقى وزير الخارجية الروسي نظيره`: the office of a title, no actor
		case (ent.typ == "LOC" || ent.tag) && first > 0 && directionWords[v.bare(first-1)]:
			// `في داغستان شمال اقليم القوقاز جنوبي روسيا`: a place phrase
			if c.Place == "" && prep == "in" {
				c.Place, c.placeCanon = ent.id, ent.key
			}
			continue
		case prep == "" && ent.typ != "PER" && v.personFollows(k, end):
			// `ملك الأردن عبد الله الثاني`: the title's country gives way
			// to the person named after it
			continue
		case prep == "":
			if ent.typ == "MISC" {
				continue
			}
			bareCount++
			if bareCount == 1 && t.kind == formNoun && first == c.tok+1 && t.typ == Support {
				role = RoleTarget // `دعم إسرائيل`: the supported
			} else if bareCount == 1 {
				role = RoleAgent
			} else {
				role = t.secondRole
			}
		default:
			prep = ""
			lastRole = ""
			continue
		}
		add(role, e)
		lastRole = role
		prep = ""
	}
	// `ونجحت القوات الشرعية، بدعم من التحالف`: the supported is the
	// subject before the support phrase
	if t.typ == Support && supportBy(v.norm(c.tok)) && hasRole(c.Participants, RoleAgent) && !hasRole(c.Participants, RoleTarget) {
		if e := v.actorBefore(c.tok, lo, 12, true); e >= 0 {
			add(RoleTarget, e)
		}
	}
	// a noun trigger that is a verb's object (`وتخوض القوات الحكومية
	// هجوما`, `الجيش نفذ هجوما`): the subject before it
	if !hasRole(c.Participants, RoleAgent) && t.kind == formNoun && !(t.typ == Support && supportBy(v.norm(c.tok))) &&
		c.tok > lo && !v.isPrepWord(c.tok-1) && !prepClitic(v.norm(c.tok)) {
		if e := v.actorBefore(c.tok, lo, 6, false); e >= 0 && v.verbAround(e, c.tok) {
			add(RoleAgent, e)
		}
	}
	// `اكد بومبيو خلال زيارة الى سول`: the visitor of a circumstantial
	// noun is the sentence's subject
	if !hasRole(c.Participants, RoleAgent) && t.kind == formNoun && c.tok > lo && (t.typ == Visit || t.typ == Meet) {
		// (also `قال ابي احمد ... بعد محادثات مع اسياس افورقي`: he took part)
		if b := v.bare(c.tok - 1); b == "خلال" || b == "اثناء" || b == "لدي" || b == "بعد" || b == "عقب" || t.typ == Visit && b == "في" {
			for k := lo; k < c.tok-1; k++ {
				if e := v.actAt[k]; e >= 0 && (v.acts[e].typ == "PER" || v.acts[e].typ == "ORG" || v.acts[e].typ == grp) && !v.afterPreposition(k, e) {
					role := RoleAgent
					if t.typ == Meet {
						role = RolePartner
					}
					add(role, e)
					break
				}
			}
		}
	}
	// a subject before the trigger (`روسيا تدعم`, `كيري وبوتين سيبحثان`)
	if !hasRole(c.Participants, RoleAgent) && t.kind != formNoun && !v.conjoined(c) {
		k := c.tok - 1
		for k >= lo && (v.bare(k) == "قد" || v.norm(k) == "قد") {
			k--
		}
		// `وكان الامير تميم بن حمد قد التقى`: the subject after كان
		for m := k; m >= lo && m >= c.tok-8; m-- {
			if b := v.bare(m); b == "كان" || b == "كانت" || v.norm(m) == "كان" || v.norm(m) == "كانت" {
				for j := m + 1; j <= k; j++ {
					if e := v.actAt[j]; e >= 0 && v.acts[e].typ != "MISC" {
						add(RoleAgent, e)
						break
					}
				}
				break
			}
		}
		for k >= lo && !hasRole(c.Participants, RoleAgent) {
			if e := v.actAt[k]; e >= 0 {
				add(RoleAgent, e)
				// a coordinated pair before the verb
				j := k
				for j > lo && v.actAt[j-1] == e {
					j--
				}
				if j-1 >= lo {
					if f := v.actAt[j-1]; f >= 0 && f != e {
						add(RoleAgent, f)
					}
				}
				break
			}
			if v.toks[k].Text == "\"" {
				k--
				continue
			}
			break
		}
		// `بوب كوركر ومجموعة من الاعضاء دعوا`, `#الجيش_اليمني بدعم من
		// #التحالف استعاد`: the subject a few words back, past
		// prepositional phrases
		if !hasRole(c.Participants, RoleAgent) {
			if e := v.actorBefore(c.tok, lo, 8, true); e >= 0 && v.acts[e].typ != "LOC" {
				add(RoleAgent, e)
			}
		}
	}
	// a verb whose subject was dropped after a coordinating و
	// (`وبخ السيناتور جون ماكين الرئيس ترمب، واتهمه`): the sentence's
	// first person or organisation that is no prepositional object
	if !hasRole(c.Participants, RoleAgent) && t.kind != formNoun && v.conjoined(c) {
		for k := lo; k < c.tok; k++ {
			e := v.actAt[k]
			if e < 0 {
				continue
			}
			if ty := v.acts[e].typ; (ty == "PER" || ty == "ORG" || ty == grp) && !v.afterPreposition(k, e) {
				add(RoleAgent, e)
				break
			}
		}
	}
	// `واعلنت هذه الفصائل موافقتها ... لكنها طالبت`: a verb whose subject
	// is a pronoun after لكن, or dropped after و, shares the agent of the
	// event before it in the sentence
	if !hasRole(c.Participants, RoleAgent) && t.kind != formNoun && len(v.events) > 0 {
		prev := &v.events[len(v.events)-1]
		b := ""
		if c.tok > lo {
			b = v.norm(c.tok - 1)
		}
		pronoun := b == "لكنها" || b == "لكنه" || b == "لكنهم" || b == "ولكنها" || b == "ولكنه" || v.conjoined(c)
		if pronoun && v.sentOf[prev.tok] == v.sentOf[c.tok] {
			for _, p := range prev.Participants {
				if p.Role == RoleAgent && !seen[v.participantKey(p)] {
					seen[v.participantKey(p)] = true
					c.Participants = append(c.Participants, p)
				}
			}
		}
	}
	// `"... ندعو نظام الاسد وداعميه الى ايقاف العنف"`: a verb in the first
	// person in a quotation has the speaker as agent, so whoever is named
	// after it is its object
	if t.kind != formNoun && strings.HasPrefix(v.bare(c.tok), "ن") && v.quoted(c) {
		for k := range c.Participants {
			if c.Participants[k].Role == RoleAgent {
				c.Participants[k].Role = t.secondRole
			}
		}
	}
	// the quotation layer, when it ran first, may have found the speaker of
	// this very verb (`لكن الاخير اتهم الاتحاد الاوروبي بأنه`); a
	// participle (`، متهما اسرائيل`, `مطالبا بإجراء تحقيق`) or a verb in the
	// first person (`نطالب` in a quotation) is its speaker's too
	if !hasRole(c.Participants, RoleAgent) && t.kind != formNoun {
		b := v.bare(c.tok)
		participle := isParticiple(b)
		firstPerson := t.kind == formImperfect && strings.HasPrefix(b, "ن")
		var best *khabar.Quote
		for qi := range v.doc.Quotes {
			q := &v.doc.Quotes[qi]
			if q.Speaker == nil {
				continue
			}
			if q.Cue != nil && q.Cue.Start < c.Trigger.End && c.Trigger.Start < q.Cue.End {
				best = q
				break
			}
			inside := q.Start <= c.Trigger.Start && c.Trigger.End <= q.End
			cueBefore := q.Cue != nil && q.Cue.End <= c.Trigger.Start && v.sentOfRune(q.Cue.Start) == v.sentOf[c.tok]
			if (participle && (inside || cueBefore)) || (firstPerson && inside) {
				best = q // the latest one before the trigger
			}
		}
		if best != nil {
			v.addSpeaker(c, best.Speaker, seen)
		}
	}
	// a verb with an object pronoun (`وبخ ماكين الرئيس ترمب، واتهمه`): the
	// pronoun stands for the last actor before it in the sentence that is
	// no agent and no prepositional object
	if t.kind != formNoun && !hasRole(c.Participants, t.secondRole) && objectPronoun(v.norm(c.tok)) {
		for k := c.tok - 1; k >= lo; k-- {
			e := v.actAt[k]
			if e < 0 || v.acts[e].typ == "MISC" || v.acts[e].typ == "LOC" && t.typ != Accuse && t.typ != Threaten {
				continue
			}
			start := k
			for start > lo && v.actAt[start-1] == e {
				start--
			}
			if !seen[v.acts[e].key] && !v.afterPreposition(start, e) {
				add(t.secondRole, e)
				break
			}
			k = start
		}
	}
	// a meeting has two sides (`ومن المقرر ان يلتقي دونالد ترامب`): with one
	// found, the sentence's subject before the verb is the other
	if t.typ == Meet && t.kind != formNoun && len(c.Participants) == 1 {
		for k := lo; k < c.tok; k++ {
			e := v.actAt[k]
			if e < 0 {
				continue
			}
			if ty := v.acts[e].typ; (ty == "PER" || ty == "ORG" || ty == grp) && !v.afterPreposition(k, e) && !seen[v.acts[e].key] {
				add(RolePartner, e)
				break
			}
		}
	}
	// `لقاءه مع زعيم كوريا الشمالية`, `خلال لقائهما`: his meeting, the
	// speaker's; so is a meeting the speaker says "we" held (`"محادثات
	// مكثفة اجريناها مع وزير النفط الروسي"`)
	if (t.typ == Meet || t.typ == Negotiate) && t.kind == formNoun && (possessive(v.norm(c.tok)) || v.firstPersonAfter(c.tok, hi)) {
		for qi := range v.doc.Quotes {
			q := &v.doc.Quotes[qi]
			if q.Speaker != nil && q.Start <= c.Trigger.Start && c.Trigger.End <= q.End {
				v.addSpeaker(c, q.Speaker, seen)
				for k := range c.Participants {
					if c.Participants[k].Role == RoleAgent {
						c.Participants[k].Role = RolePartner
					}
				}
				break
			}
		}
	}
	// the participants in document order of role: agents first
	sort.SliceStable(c.Participants, func(a, b int) bool {
		return roleRank(c.Participants[a].Role) < roleRank(c.Participants[b].Role)
	})
	clo, chi := v.clause(c.tok, lo, hi)
	if tm := v.nearestTimex(c.tok, clo, chi); tm >= 0 {
		c.Time, c.timeValue = v.doc.Timexes[tm].ID, v.doc.Timexes[tm].Value
	}
}

// objectPronoun says whether a folded verb ends in an object pronoun
// (`اتهمه`, `تدعمه`, `يدعمها`); the verb tables have no forms so ending.
func objectPronoun(n string) bool {
	for _, suf := range []string{"هم", "هما", "ها", "ه"} {
		if stem, ok := strings.CutSuffix(n, suf); ok && utf8.RuneCountInString(stem) >= 3 {
			if t, ok := tables().triggers[strings.TrimPrefix(stem, "و")]; ok && t.kind != formNoun {
				return true
			}
			if t, ok := tables().triggers[stem]; ok && t.kind != formNoun {
				return true
			}
		}
	}
	return false
}

// firstPersonAfter says whether a verb in the first person plural with an
// object pronoun follows a noun trigger at i within two words (`محادثات
// مكثفة اجريناها`, `اجتماع عقدناه`).
func (v *view) firstPersonAfter(i, hi int) bool {
	for k := i + 1; k < hi && k <= i+2; k++ {
		n := v.norm(k)
		if utf8.RuneCountInString(n) >= 6 && (strings.HasSuffix(n, "ناها") || strings.HasSuffix(n, "ناه")) {
			return true
		}
	}
	return false
}

// possessive says whether a folded meeting noun carries a possessive
// pronoun (`لقاءه`, `لقائهما`, `اجتماعها`).
func possessive(n string) bool {
	return strings.HasSuffix(n, "ه") && !strings.HasSuffix(n, "اه") && (strings.HasPrefix(n, "لقا") || strings.HasPrefix(n, "اجتماع")) || strings.HasSuffix(n, "هما") || strings.HasSuffix(n, "ها")
}

// isParticiple says whether a folded verb trigger is an active participle
// in the accusative (`متهما`, `مطالبا`, `داعيا`): its subject is the
// sentence's, never a name after it.
func isParticiple(b string) bool {
	return b == "متهما" || b == "مطالبا" || b == "داعيا" || b == "متوعدا" || b == "مهددا"
}

// addSpeaker adds a quotation's speaker as the agent of c: its entity, or
// the group or title mention that says it.
func (v *view) addSpeaker(c *cand, sp *khabar.Speaker, seen map[string]bool) {
	for e := range v.acts {
		a := &v.acts[e]
		if (sp.Entity != "" && a.typ != grp && a.id == sp.Entity) || (sp.Entity == "" && a.typ == grp && a.start < sp.End && sp.Start < a.end) {
			if !seen[a.key] {
				seen[a.key] = true
				c.Participants = append(c.Participants, khabar.Participant{Role: RoleAgent, Entity: a.id, Start: a.start, End: a.end, Text: a.text})
			}
			return
		}
	}
	if sp.Entity == "" && sp.Text != "" && !seen["group:"+sp.Text] {
		// a speaker no entity or group names (`المتحدث باسم الخارجية المصرية`)
		seen["group:"+sp.Text] = true
		c.Participants = append(c.Participants, khabar.Participant{Role: RoleAgent, Start: sp.Start, End: sp.End, Text: sp.Text})
	}
}

// nameBareGroups gives a bare group noun (`التحالف`, `الجيش`) the name of
// the nearest named group before it with the same head (`تحالف دعم
// الشرعية`, `الجيش اليمني`), else of the first one after it: the guideline
// counts a pronoun's or a short mention's named antecedent as the
// participant, and the article names the group. The key and id are
// the antecedent's, so that retellings merge; the mention keeps its text.
func (v *view) nameBareGroups() {
	head := func(key string) string {
		w, _, _ := strings.Cut(key, " ")
		return strings.TrimPrefix(w, "ال")
	}
	genitive := func(key string) string {
		_, rest, _ := strings.Cut(key, " ")
		w, _, _ := strings.Cut(rest, " ")
		return strings.TrimPrefix(w, "ال")
	}
	// `الفصائل المسلحة والمعارضة السورية`: the nationality after a
	// coordination of groups names both
	for k := len(v.acts) - 1; k >= 0; k-- {
		a := &v.acts[k]
		if a.typ != grp || !a.unnamed || a.end+2 >= len(v.runes) || v.runes[a.end] != ' ' || v.runes[a.end+1] != 'و' {
			continue
		}
		for j := range v.acts {
			if b := v.acts[j]; b.typ == grp && !b.unnamed && !b.tag && b.start == a.end+2 {
				a.unnamed = false
				break
			}
		}
	}
	for k := range v.acts {
		a := &v.acts[k]
		if a.typ != grp || !a.unnamed || a.tag || strings.Contains(a.key, " ") {
			continue
		}
		h := head(a.key)
		best, after := -1, -1
		for j := range v.acts {
			b := &v.acts[j]
			if b.typ != grp || b.unnamed || b.tag || head(b.key) != h && genitive(b.key) != h {
				continue // `التحالف` goes back to `التحالف العربي` or `قوات التحالف بقيادة السعودية`
			}
			if b.start > a.start {
				// `لمطالبة السلطات بإنهاء حجب تلغرام ... لمطالبة السلطات
				// الروسية`: named only later in the article
				if after < 0 || b.start < v.acts[after].start {
					after = j
				}
				continue
			}
			if best < 0 || b.start > v.acts[best].start {
				best = j
			}
		}
		if best < 0 {
			best = after
		}
		if best >= 0 {
			a.unnamed = false
			a.key, a.id = v.acts[best].key, v.acts[best].id
		}
	}
}

// quoted says whether c's trigger lies inside a quotation with a speaker.
func (v *view) quoted(c *cand) bool {
	for _, q := range v.doc.Quotes {
		if q.Speaker != nil && q.Start <= c.Trigger.Start && c.Trigger.End <= q.End {
			return true
		}
	}
	return false
}

// mediaNames, folded, are news outlets: a meeting with one is an
// interview. فرانس alone is always an outlet (فرانس24، فرانس برس: France is
// فرنسا), which the entity layer often cuts from its digits.
var mediaNames = []string{"فرانس", "cnn", "بي بي سي", "bbc", "العربيه", "العربيه.نت", "سكاي نيوز", "رويترز",
	"الجزيره", "فرانس برس", "اسوشيتد برس", "بلومبيرغ", "بلومبرغ"}

// mediaAmong says whether a participant is a news outlet.
func (v *view) mediaAmong(ps []khabar.Participant) bool {
	for _, p := range ps {
		t := strings.ToLower(normalize.Match().String(p.Text))
		for _, m := range mediaNames {
			if strings.Contains(t, m) {
				return true
			}
		}
	}
	return false
}

// needsActor are the types that are events only between named actors: a
// visit, support or agreement always has someone who does it (38 of 40
// gold visits, 43 of 45 supports name one), while attacks, demands and
// threats are often told without; so are negotiations to come (the seed
// article's مفاوضات).
var needsActor = map[string]bool{Visit: true, Support: true, Agree: true}

// namedOnly keeps the participants that are named actors, as the gold
// guideline reads them: entities, and groups that say whose they are
// (`الجيش اللبناني`, `ميليشيات الحوثي`) or are written as a hashtag name.
// Unnamed groups (`الحكومة`, `قوات الأمن`) and a speaker known only by a
// title (`المتحدث باسم الخارجية`) are left out. They are dropped only
// here, after merging, so that they still hold their place in the clause
// while the roles are read.
func (v *view) namedOnly(ps []khabar.Participant) []khabar.Participant {
	out := ps[:0]
	for _, p := range ps {
		if p.Entity != "" || v.namedGroupIn(p.Start, p.End) || v.namingWordIn(p.Start, p.End) {
			out = append(out, p)
		}
	}
	return out
}

// namedGroupIn says whether a named group or a hashtag actor overlaps the
// code points [start, end).
func (v *view) namedGroupIn(start, end int) bool {
	for _, a := range v.acts {
		if a.typ == grp && !a.unnamed && a.start < end && start < a.end {
			return true
		}
	}
	return false
}

// namingWordIn says whether a word in the code points [start, end) names
// whose a speaker's office is (`المتحدث باسم الخارجية المصرية`): the title
// speaks for a named ministry.
func (v *view) namingWordIn(start, end int) bool {
	i := sort.Search(len(v.toks), func(i int) bool { return v.toks[i].End > start })
	for ; i < len(v.toks) && v.toks[i].Start < end; i++ {
		if i > 0 && mention.Naming(v.norm(i)) {
			return true
		}
	}
	return false
}

// sentOfRune is the sentence of the token at code point r, or -1.
func (v *view) sentOfRune(r int) int {
	i := sort.Search(len(v.toks), func(i int) bool { return v.toks[i].End > r })
	if i >= len(v.toks) {
		return -1
	}
	return v.sentOf[i]
}

// conjoined says whether c's trigger word has a conjunction و or ف before
// it (`واتهم`), not a first radical و (`وافقت`, `وقع`).
func (v *view) conjoined(c *cand) bool {
	if c.Trigger.Start <= v.toks[c.tok].Start {
		return false
	}
	r := v.runes[v.toks[c.tok].Start]
	return r == 'و' || r == 'ف'
}

// prepClitic says whether a folded token starts with a preposition
// clitic (`بالهجوم`, `للضربات`, `وبدعم`).
func prepClitic(n string) bool {
	n = strings.TrimPrefix(strings.TrimPrefix(n, "و"), "ف")
	return strings.HasPrefix(n, "ب") || strings.HasPrefix(n, "ل") || strings.HasPrefix(n, "ك")
}

// supportBy says whether a support trigger names its supporter after it
// (`المدعومة من`, `بدعم من`, `بمساندة`, `مسنودة بـ`).
func supportBy(n string) bool {
	return strings.Contains(n, "مدعوم") || strings.Contains(n, "مسنود") || strings.HasPrefix(n, "بدعم") || strings.HasPrefix(n, "بمسانده") || strings.HasPrefix(n, "ومسانده")
}

// actorBefore is the nearest actor in the few tokens before token i, in
// its clause, that is no object of a preposition; -1 when another trigger,
// a clause break or (unless skipObjects) a preposition's object comes
// first.
func (v *view) actorBefore(i, lo, window int, skipObjects bool) int {
	for k := i - 1; k >= lo && k >= i-window; k-- {
		if v.breaksClause(k) && v.toks[k].Text != "،" && v.toks[k].Text != "," {
			return -1
		}
		e := v.actAt[k]
		if e < 0 {
			if _, _, ok := tables().lookup(v.norm(k)); ok && !lightVerbs[v.bare(k)] {
				return -1
			}
			continue
		}
		start := k
		for start > lo && v.actAt[start-1] == e {
			start--
		}
		if v.afterPreposition(start, e) || v.acts[e].typ == "MISC" {
			if skipObjects {
				k = start
				continue
			}
			return -1
		}
		return e
	}
	return -1
}

// verbAround says whether a verb governs the noun trigger at i with the
// actor e before it as subject: a verb between them (`الجيش نفذ هجوما`)
// or just before the actor (`وتخوض القوات الحكومية ... هجوما`).
func (v *view) verbAround(e, i int) bool {
	a := i - 1
	for a > 0 && v.actAt[a] != e {
		a--
	}
	for a > 0 && v.actAt[a-1] == e {
		a--
	}
	for k := max(0, a-5); k < i; k++ {
		if v.actAt[k] == e {
			continue
		}
		if k < a && v.breaksClause(k) {
			continue
		}
		if lightVerbs[v.bare(k)] || lightVerbs[v.norm(k)] {
			return true
		}
		if v.isVerb(k) {
			return true
		}
	}
	return false
}

// lightVerbs, folded, govern a noun trigger (`شن هجوما`, `نفذ غارة`,
// `اجرى زيارة`, `تخوض هجوما`); the morphological tagger misses some.
var lightVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, stem := range []string{"شن", "نفذ", "اجري", "خاض", "قام", "بدا", "اطلق", "واصل"} {
		m[stem] = true
	}
	for _, w := range []string{"شنت", "يشن", "تشن", "نفذت", "ينفذ", "تنفذ", "اجرت", "يجري", "تجري", "خاضت", "يخوض", "تخوض",
		"قامت", "يقوم", "تقوم", "بدات", "يبدا", "تبدا", "اطلقت", "يطلق", "تطلق", "واصلت", "يواصل", "تواصل", "شنوا", "نفذوا", "قاموا"} {
		m[w] = true
	}
	return m
}()

// afterPreposition says whether the entity e starting at token k is the
// object of a preposition (`على تويتر`, `بموسكو`).
func (v *view) afterPreposition(k, e int) bool {
	ent := v.acts[e]
	if ent.start > v.toks[k].Start {
		if p := v.runes[v.toks[k].Start:min(ent.start, len(v.runes))]; len(p) > 0 {
			if last := p[len(p)-1]; last == 'ب' || last == 'ل' {
				return true
			}
		}
	}
	return k > 0 && v.isPrepWord(k-1)
}

// subjectBefore says whether the verb at i has its subject just before it:
// a definite noun or a name, past لكن/و/قد and quotation marks, that is not
// the object of a preposition.
func (v *view) subjectBefore(i, lo int) bool {
	k := i - 1
	for k >= lo {
		switch b := v.bare(k); {
		case b == "لكن" || b == "قد" || v.norm(k) == "ولكن" || isQuoteMark(v.toks[k].Text):
			k--
			continue
		}
		break
	}
	if k < lo {
		return false
	}
	if e := v.actAt[k]; e >= 0 {
		start := k
		for start > lo && v.actAt[start-1] == e {
			start--
		}
		return !v.afterPreposition(start, e) && v.acts[e].typ != "MISC"
	}
	n := v.norm(k)
	switch n {
	case "التي", "الذي", "الذين", "اللذين", "اللتين", "اللاتي", "اللواتي":
		return false // `الاطراف التي تدعمه خصوصا روسيا`: the subject comes after
	}
	return v.toks[k].Kind == khabar.KindWord && strings.HasPrefix(n, "ال") && !v.isPrepWord(k) && !clauseBreak[n] && (k == lo || !v.isPrepWord(k-1))
}

// personFollows says whether a person is named within three tokens after
// token k, with no preposition in between.
func (v *view) personFollows(k, end int) bool {
	e := v.actAt[k]
	for j := k + 1; j < end && j <= k+3; j++ {
		f := v.actAt[j]
		if f >= 0 && f != e {
			return v.acts[f].typ == "PER"
		}
		if v.toks[j].Text == "،" || v.toks[j].Text == "," {
			continue // `زعيم كوريا الشمالية، كيم جونغ اون`
		}
		if v.isPrepWord(j) || v.breaksClause(j) {
			return false
		}
	}
	return false
}

// isPrepWord says whether token k is a preposition of the argument walk.
func (v *view) isPrepWord(k int) bool {
	b := v.bare(k)
	return partnerPreps[b] || targetPreps[b] || placePreps[b] || otherPreps[b]
}

func isQuoteMark(s string) bool {
	switch s {
	case "\"", "«", "»", "“", "”":
		return true
	}
	return false
}

func roleRank(r string) int {
	switch r {
	case RoleAgent:
		return 0
	case RolePartner:
		return 1
	}
	return 2
}

// span is the trigger span of token i, less pre proclitic runes.
func (v *view) span(i, pre int) khabar.Span {
	start, end := v.toks[i].Start+pre, v.toks[i].End
	if start < 0 || start > end || end > len(v.runes) {
		start, end = 0, 0
	}
	return khabar.Span{Start: start, End: end, Text: string(v.runes[start:end])}
}

// sameEventAgain says whether c retells o: same type and trigger word,
// participants one a subset of the other's, and no clash of time or place.
// The first telling keeps what the second adds.
func (v *view) sameEventAgain(o, c *cand) bool {
	if o.Type != c.Type || normTrigger(o.Trigger.Text) != normTrigger(c.Trigger.Text) {
		return false
	}
	if v.sentOf[o.tok] == v.sentOf[c.tok] && len(c.Participants) == 0 {
		// `حول هجوم كيماوي في دوما: "... بهجوم كيماوي"`: one sentence
		// telling one event twice
		if o.Place == "" {
			o.Place, o.placeCanon = c.Place, c.placeCanon
		}
		if o.Time == "" {
			o.Time, o.timeValue = c.Time, c.timeValue
		}
		return true
	}
	if o.timeValue != "" && c.timeValue != "" && o.timeValue != c.timeValue {
		return false
	}
	if o.placeCanon != "" && c.placeCanon != "" && o.placeCanon != c.placeCanon {
		return false
	}
	names := v.participantNames(o.Participants)
	cn := v.participantNames(c.Participants)
	sub := func(a, b map[string]bool) bool {
		for k := range a {
			if !b[k] {
				return false
			}
		}
		return true
	}
	if !sub(cn, names) && !sub(names, cn) {
		return false
	}
	if o.Time == "" {
		o.Time, o.timeValue = c.Time, c.timeValue
	}
	if o.Place == "" {
		o.Place, o.placeCanon = c.Place, c.placeCanon
	}
	if len(cn) > len(names) {
		o.Participants = c.Participants
	}
	return true
}

func normTrigger(s string) string {
	s = strings.TrimPrefix(s, "و")
	s = strings.TrimPrefix(s, "ف")
	return strings.TrimPrefix(s, "ال")
}

func (v *view) participantNames(ps []khabar.Participant) map[string]bool {
	m := map[string]bool{}
	for _, p := range ps {
		m[v.participantKey(p)] = true
	}
	return m
}

// participantKey identifies a participant: the canonical name of its
// entity, or a group's text.
func (v *view) participantKey(p khabar.Participant) string {
	if p.Entity != "" {
		return v.canonOf(p.Entity)
	}
	return "group:" + p.Text
}

// canonOf is the canonical name of entity id.
func (v *view) canonOf(id string) string {
	if v.canon == nil {
		v.canon = make(map[string]string, len(v.doc.Entities))
		for _, e := range v.doc.Entities {
			v.canon[e.ID] = e.Canonical
		}
	}
	return v.canon[id]
}

// subset says whether every actor of a is one of b's.
func (v *view) subset(a, b []khabar.Participant) bool {
	y := v.participantNames(b)
	for _, p := range a {
		if !y[v.participantKey(p)] {
			return false
		}
	}
	return true
}

// shareParticipant says whether two participant lists name one actor.
func (v *view) shareParticipant(a, b []khabar.Participant) bool {
	x := v.participantNames(a)
	for _, p := range b {
		if x[v.participantKey(p)] {
			return true
		}
	}
	return false
}

// sameParticipants says whether two participant lists name the same
// entities (by canonical name), whatever the roles.
func (v *view) sameParticipants(a, b []khabar.Participant) bool {
	x, y := v.participantNames(a), v.participantNames(b)
	if len(x) != len(y) {
		return false
	}
	for k := range x {
		if !y[k] {
			return false
		}
	}
	return true
}

// retells says whether c, found after o of the same type, tells o again,
// and then gives o what c adds. It is so when c names no actor o lacks and
// no other place or time, and c is in o's sentence (`هاجمت قوات الجيش ...
// وتمكنت من تحرير`), or c's trigger is a definite noun (`الهجوم`,
// `الضربة`: an event already told), or c names nobody, nowhere and no time
// (`خلال اجتماع`).
func (v *view) retells(o, c *cand) bool {
	definite := c.definite
	if o.timeValue != "" && c.timeValue != "" && o.timeValue != c.timeValue {
		return false
	}
	if (c.Type == Meet || c.Type == Visit) && len(c.Participants) > 0 && o.placeCanon == c.placeCanon && v.subset(c.Participants, o.Participants) {
		return true // `قام علوي بزيارة ... وزار بن علوي قبة الصخرة`: one visit
	}
	if (c.Type == Meet || c.Type == Visit) && o.timeValue != "" && o.timeValue == c.timeValue && len(o.Participants) > 0 {
		// `خلال لقائهما، الاثنين ... وسيلتقي رئيس الحكومة، الاثنين، ترمب`:
		// one meeting on one day
		v.addParticipants(o, c.Participants)
		return true
	}
	// a definite noun refers back: a place phrase after it may be another
	// matter's (`وستشمل المباحثات الازمة في شرق اوكرانيا`)
	if !definite && o.placeCanon != "" && c.placeCanon != "" && o.placeCanon != c.placeCanon {
		return false
	}
	tr := normTrigger(strings.TrimPrefix(c.Trigger.Text, "ب"))
	nothing := len(c.Participants) == 0 && c.Place == "" && c.Time == ""
	sameSentence := v.sentOf[o.tok] == v.sentOf[c.tok]
	_, noun := tables().triggers[tr]
	if !(sameSentence || definite || (nothing && noun)) {
		return false
	}
	// c names no actor o lacks, except (for a definite noun) in a role
	// o leaves empty: `طالبت الفصائل ... اصرار الفصائل على المطالبة برحيل الاسد`
	have := v.participantNames(o.Participants)
	shared := false
	for _, p := range c.Participants {
		shared = shared || have[v.participantKey(p)]
	}
	var add []khabar.Participant
	for _, p := range c.Participants {
		if have[v.participantKey(p)] {
			continue
		}
		// a definite noun may name more of the same event's actors:
		// in a role o leaves empty, or besides one o names
		if !definite || (hasRole(o.Participants, p.Role) && !shared) {
			return false
		}
		add = append(add, p)
	}
	o.Participants = append(o.Participants, add...)
	if !definite {
		if o.Time == "" {
			o.Time, o.timeValue = c.Time, c.timeValue
		}
		if o.Place == "" {
			o.Place, o.placeCanon = c.Place, c.placeCanon
		}
	}
	return true
}

// addParticipants gives o the participants of ps it lacks.
func (v *view) addParticipants(o *cand, ps []khabar.Participant) {
	have := v.participantNames(o.Participants)
	for _, p := range ps {
		if !have[v.participantKey(p)] {
			have[v.participantKey(p)] = true
			o.Participants = append(o.Participants, p)
		}
	}
}

// finish merges the mentions of one planned meeting (same place or same
// date) and numbers the events.
func (v *view) finish() {
	var out []cand
	for _, c := range v.events {
		merged := false
		for k := range out {
			if v.sameEventAgain(&out[k], &c) {
				merged = true
				break
			}
		}
		if merged {
			continue
		}
		if c.Type != MeetingPlanned && len(c.Participants) >= 2 {
			// the same event told again: same type, same participants
			for k := range out {
				if out[k].Type == c.Type && v.sameParticipants(out[k].Participants, c.Participants) {
					merged = true
					break
				}
			}
		}
		if !merged && c.Type == Meet && c.Modality == Future {
			// `ومن المقرر ان يلتقي بوتين في هلسنكي` after `القمة المقررة
			// بين ترامب وبوتين في هلسنكي`: the planned meeting told again
			for k := range out {
				o := &out[k]
				if o.Type != MeetingPlanned {
					continue
				}
				if (c.placeCanon != "" && c.placeCanon == o.placeCanon) || (c.timeValue != "" && c.timeValue == o.timeValue) || v.shareParticipant(o.Participants, c.Participants) {
					v.addParticipants(o, c.Participants)
					merged = true
					break
				}
			}
		}
		if !merged && c.Type != MeetingPlanned {
			// a retelling: the latest earlier event of the type takes it
			for k := len(out) - 1; k >= 0; k-- {
				if out[k].Type == c.Type {
					merged = v.retells(&out[k], &c)
					break
				}
			}
		}
		if c.Type == MeetingPlanned {
			for k := range out {
				o := &out[k]
				if o.Type != MeetingPlanned {
					continue
				}
				samePlace := c.placeCanon != "" && c.placeCanon == o.placeCanon
				sameTime := c.timeValue != "" && c.timeValue == o.timeValue
				clash := c.timeValue != "" && o.timeValue != "" && c.timeValue != o.timeValue
				if samePlace || sameTime || (c.definite && !clash) {
					// `وسيعقد اللقاء بين ...` after `عقد قمة`: the planned meeting again
					if o.Place == "" {
						o.Place, o.placeCanon = c.Place, c.placeCanon
					}
					if o.Time == "" {
						o.Time, o.timeValue = c.Time, c.timeValue
					}
					have := map[string]bool{}
					for _, p := range o.Participants {
						have[v.participantKey(p)] = true
					}
					for _, p := range c.Participants {
						if !have[v.participantKey(p)] {
							o.Participants = append(o.Participants, p)
						}
					}
					merged = true
					break
				}
			}
		}
		if !merged {
			out = append(out, c)
		}
	}
	// the mentions of one planned meeting, wherever they are
	var final []cand
	for _, c := range out {
		merged := false
		if c.Type == MeetingPlanned {
			for k := range final {
				o := &final[k]
				if o.Type != MeetingPlanned {
					continue
				}
				if (c.placeCanon != "" && c.placeCanon == o.placeCanon) || (c.timeValue != "" && c.timeValue == o.timeValue) {
					if o.Place == "" {
						o.Place, o.placeCanon = c.Place, c.placeCanon
					}
					if o.Time == "" {
						o.Time, o.timeValue = c.Time, c.timeValue
					}
					merged = true
					break
				}
			}
		}
		if !merged {
			final = append(final, c)
		}
	}
	out = final
	evs := make([]khabar.Event, 0, len(out))
	for _, c := range out {
		c.Participants = v.namedOnly(c.Participants)
		if len(c.Participants) == 0 && needsActor[c.Type] {
			// `نحو 30 من حيوانات الكنغر تزورها`, `دعم جبهات القتال`: a
			// visit, support or agreement of no one named is no political act
			continue
		}
		e := c.Event
		e.ID = "ev" + strconv.Itoa(len(evs)+1)
		evs = append(evs, e)
	}
	v.doc.Events = evs
}

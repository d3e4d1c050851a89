// Package quote finds reported speech in an analysed Arabic news article:
// direct quotations in every quotation mark news uses (`"…"`, `«…»`, `“…”`,
// `'…'`), partial quotations inside a sentence, and indirect speech opened by
// a reporting verb and a complementizer (`قال ان`, `اكد انه`, `اقر بأن`) or
// attributed through a source (`بحسب`, `وفقا لـ`, `نقلا عن`). Each quotation
// gets its cue and, when one can be found, its speaker.
//
// It is rule-based over what earlier layers put in the document: tokens and
// their match-normalised Norm, sentences, entities and timexes. The cue
// lexicon (reporting verbs in their conjugations, source phrases,
// complementizers, title and group nouns) is a set of Go tables in
// lexicon.go, folded at init with the match normaliser.
//
// Attribution is found in every position news uses:
//
//   - cue before: `وقال كيربي ان "..."`, `اعلن كيري انه ...`, `وقال: "..."`;
//   - cue after: `"..."، كما اضاف تونر`, `... ، قال المتحدث`;
//   - through a source: `..., بحسب وكالة رويترز`, `ووفقا للمرصد، فان ...`.
//
// Speakers are resolved in this order: a named entity after the verb (a
// title followed by a name, `المتحدث باسم الخارجية الاميركية جون كيربي`,
// resolves to the name; a name behind a preposition, `كشف لروسيا`, is an
// object); any other noun phrase after the verb (`وقالت ادارة الاطفاء`); a
// subject before the verb (`ولكن المتحدث اقر`, `وكان مكتب التحقيقات قد
// اكد`); for نقلت/اورد, the one quoted after عن or على لسان; for a
// participle (`مضيفا`, `قائلا`), the subject of its sentence. A personal
// title alone (`وقال المتحدث`) gets the entity of the last named person who
// spoke; a bare group noun (`الوزارة`, `الصحيفة`) is replaced by its fuller
// mention earlier in the article (`وزارة الدفاع`), or to the nearest
// organisation named before (`المنظمة` after `الانتربول`); a dropped subject
// (`واضاف خلال مؤتمره ان`) takes the last explicit subject of a reporting
// verb in the eight sentences before that agrees with it in gender (`واضاف`
// does not take `الوزارة`), a conjoined or relative verb inside a sentence
// (`واتهمهم بانهم`) its sentence's subject, and one before any speaker the
// person the article names first. A title takes the name in apposition to
// it (`السيناتور الجمهوري، ليندسي غراهام`, `الرئيس التنفيذي لشركة ... عبد
// الوهاب المرزوق`) or, alone, the name its nearest earlier mention had. A
// medium is not the speaker of what it quotes (`نقلت الوكالة عن`, `نقلا
// عن`, `على لسان`, `قوله`). A statement or report is its issuer's, told
// again too (`وجاء في البيان`, `وأوضح التقرير الحقوقي` after `تقرير منظمة
// X`). A definite title in the construct state with no name (`رئيس منظمة
// أوبك الحالي`) in the sentence after a named speaker is that speaker,
// unless it is a spokesman's, deputy's or envoy's. A participle takes the
// subject of the nearest verb before it that has one (`رد عليه الرئيس
// الايراني، حسن روحاني قائلا`); after `، كما افاد` the dropped subject is
// the content clause's, a body as well as a person; a noun phrase after ان
// or لكن before the verb is its subject (`وحتى ان وسائل الاعلام الاسبانية
// اشارت`). A subject is noted as resolved, so a later dropped subject goes
// back to the name a title stood for (`الملك` -> محمد السادس). A described
// title with a nationality is the person named earlier next to a title of
// the same head and nationality (`الوزير البريطاني السابق` after `ديفيد
// ميليباند، وزير الخارجية البريطاني الاسبق`). A source placed by a town
// (`مصادر في صنعاء`) is a full mention for a later `المصادر`; a tweet or
// statement told by pronoun (`وجاء فيها`) is its issuer's. A quotation
// with no cue takes whoever spoke in the two sentences before; otherwise
// the speaker is left absent.
//
// A second reporting verb chained after a comma (`، مضيفا ان`, `، ونقلت
// عن`, `، بينما قالت`) ends the first one's clause and opens its own.
//
// A quotation left open at the end of its paragraph runs to that end, and a
// closing mark in the next paragraph closes the rest of the same speech,
// which keeps the speaker and cue.
//
// When an indirect clause contains a direct quotation of several words
// (`اعلن كيري انه سيجري مفاوضات مع السعوديين "لتذليل نقاط الخلاف"`), the
// quotation marks win and the quote is the quoted words; short quoted names
// inside a clause (`تنظيم "داعش"`) are not quotations.
//
// An Annotator keeps no state between calls; one value serves many
// goroutines.
package quote

import (
	"sort"
	"strconv"
	"strings"

	"khabar"
	"khabar/arabic/normalize"
	"khabar/mention"
)

// Annotator finds quotations; it implements khabar.Annotator.
type Annotator struct{}

// New returns a quotation annotator.
func New() *Annotator { return &Annotator{} }

// Limits of the search windows, in tokens.
const (
	// cueWindow is how far after a reporting verb its complementizer or
	// quotation mark may be.
	cueWindow = 28
	// subjectWindow is how far after the verb its subject may start.
	subjectWindow = 8
	// nameAfterTitle is how far after a title noun its name may be.
	nameAfterTitle = 7
	// antecedentSentences is how many sentences back a dropped subject or a
	// title looks for its antecedent.
	antecedentSentences = 8
	// minEmbeddedWords is the smallest quotation inside an indirect clause
	// that is taken as the quote (shorter ones are mostly quoted names).
	minEmbeddedWords = 3
	// antecedentWindow is how many tokens back a group noun looks for its
	// fuller mention (it bounds the work on very long inputs).
	antecedentWindow = 600
	// minBareWords is the smallest quotation without any cue that is still
	// taken as a quote.
	minBareWords = 6
	// appositionWindow is how far after a title its name may stand when
	// modifiers and the office's name come between.
	appositionWindow = 12
)

// Annotate fills doc.Quotes. It reads doc.Tokens, doc.Sentences,
// doc.Entities and doc.Timexes; it does nothing on a document without tokens.
func (a *Annotator) Annotate(doc *khabar.Document) {
	doc.Quotes = []khabar.Quote{}
	if len(doc.Tokens) == 0 {
		return
	}
	v := newView(doc)
	v.findQuotes()
}

// subject is a speaker mention found for a cue.
type subject struct {
	start, end int // token range of the mention
	entity     int // index into doc.Entities, or -1
	personal   bool
	sent       int
}

// resolvedTo is a copy of s that names entity e.
func (s *subject) resolvedTo(e int) *subject {
	r := *s
	r.entity = e
	return &r
}

// pair is a matched pair of quotation marks, token indices of the marks.
type pair struct {
	open, close int
	claimed     bool
	// implicit: no closing mark, the paragraph ended (close is the next
	// paragraph's first token); continued: no opening mark, the speech
	// goes on from the previous paragraph (open is that one's last token)
	implicit, continued bool
}

// view is one document seen through the token-level indices the rules need.
type view struct {
	doc     *khabar.Document
	runes   []rune
	toks    []khabar.Token
	sentOf  []int // token -> sentence index
	sentLo  []int // sentence -> first token
	sentHi  []int // sentence -> one past the last token
	entAt   []int // token -> entity index covering it, or -1
	inTmx   []bool
	pairs   []pair
	pairAt  map[int]int // opening mark token -> pair index
	closeAt map[int]int // closing mark token -> pair index (explicit marks only)

	quotes      []khabar.Quote
	resolving   bool     // inside groupAntecedent: no second level
	lastSubject *subject // the latest explicit subject of a reporting verb
	lastPerson  *subject // the latest subject with a person's name
	// wideBound is how far a title may look for its name in apposition
	// (`قال الرئيس التنفيذي لشركة ... عبد الوهاب المرزوق إن`): the
	// complementizer of the verb being resolved, or 0 outside one
	wideBound int
	// noted is every subject noteSubject kept, in the order found: the
	// antecedents a dropped subject may take
	noted []subject
	// coveredTo is one past the last token of the quotes found so far:
	// the verbs inside a clause already taken are the speaker's own words
	coveredTo int
}

func newView(doc *khabar.Document) *view {
	v := &view{doc: doc, runes: []rune(doc.Text), toks: doc.Tokens, pairAt: map[int]int{}}
	n := len(v.toks)
	ts := khabar.IndexSentences(doc)
	v.sentOf, v.sentLo, v.sentHi = ts.SentOf, ts.Lo, ts.Hi
	v.entAt = make([]int, n)
	v.inTmx = make([]bool, n)
	for i := range n {
		v.entAt[i] = -1
	}
	v.markSpans(len(doc.Entities), func(k int) (int, int) { return doc.Entities[k].Start, doc.Entities[k].End },
		func(i, k int) {
			if v.entAt[i] < 0 {
				v.entAt[i] = k
			}
		})
	v.markSpans(len(doc.Timexes), func(k int) (int, int) { return doc.Timexes[k].Start, doc.Timexes[k].End },
		func(i, k int) { v.inTmx[i] = true })
	v.findPairs()
	v.closeAt = make(map[int]int, len(v.pairs))
	for pi, p := range v.pairs {
		if _, seen := v.closeAt[p.close]; !seen && !p.implicit {
			if _, c, _ := v.quoteMark(p.close); c {
				v.closeAt[p.close] = pi
			}
		}
	}
	return v
}

// markSpans calls mark(i, k) for every token i that span k overlaps; spans
// and tokens are both in document order, so one sweep with a binary search
// per span suffices.
func (v *view) markSpans(count int, span func(k int) (int, int), mark func(i, k int)) {
	for k := 0; k < count; k++ {
		start, end := span(k)
		i := sort.Search(len(v.toks), func(i int) bool { return v.toks[i].End > start })
		for ; i < len(v.toks) && v.toks[i].Start < end; i++ {
			mark(i, k)
		}
	}
}

// quoteMark says whether token i is a quotation mark and which: the
// symmetric marks toggle, the others open or close.
func (v *view) quoteMark(i int) (open, close, symmetric bool) {
	t := v.toks[i]
	if t.Kind != khabar.KindPunct && t.Kind != khabar.KindSymbol {
		return false, false, false
	}
	switch t.Text {
	case `"`, "“", "”", "„", "‟", "''":
		return true, true, true
	case "'", "‘", "’":
		return true, true, true
	case "«", "‹":
		return true, false, false
	case "»", "›":
		return false, true, false
	}
	return false, false, false
}

// paragraphBreak says whether a line break separates tokens i-1 and i.
func (v *view) paragraphBreak(i int) bool {
	if i == 0 {
		return false
	}
	lo, hi := v.toks[i-1].End, v.toks[i].Start
	if lo < 0 || hi > len(v.runes) || lo > hi {
		return false
	}
	for _, r := range v.runes[lo:hi] {
		if r == '\n' {
			return true
		}
	}
	return false
}

// findPairs matches quotation marks within paragraphs. A mark left open at
// a paragraph end is dropped (news often reopens a quotation on each
// paragraph without closing the previous one).
func (v *view) findPairs() {
	openAt := -1
	openText := ""
	// carry: a double-mark quotation ran to the end of the previous
	// paragraph; paraStart: the first token of the current one
	carry, paraStart := false, 0
	for i := range v.toks {
		if v.paragraphBreak(i) {
			carry = false
			if openAt >= 0 && openText != "'" && openText != "‘" && openText != "’" && v.words(openAt+1, i) >= minEmbeddedWords {
				// a quotation left open at the end of its paragraph runs to
				// it (the speech goes on in the next paragraph)
				v.pairAt[openAt] = len(v.pairs)
				v.pairs = append(v.pairs, pair{open: openAt, close: i, implicit: true})
				carry = true
			}
			openAt = -1
			paraStart = i
		}
		o, c, sym := v.quoteMark(i)
		if !o && !c {
			continue
		}
		t := v.toks[i].Text
		single := t == "'" || t == "‘" || t == "’"
		if carry && !single && c && openAt < 0 && i > paraStart && paraStart > 0 {
			// the closing mark of speech carried over from the previous
			// paragraph: the paragraph up to it is the rest of the speech
			carry = false
			if _, taken := v.pairAt[paraStart-1]; !taken {
				v.pairAt[paraStart-1] = len(v.pairs)
				v.pairs = append(v.pairs, pair{open: paraStart - 1, close: i, continued: true})
				continue
			}
		}
		carry = false
		switch {
		case openAt < 0 && o:
			if single && !v.singleCanOpen(i) {
				continue
			}
			openAt, openText = i, t
		case openAt >= 0 && c:
			// a single mark closes only a single-mark quotation
			oSingle := openText == "'" || openText == "‘" || openText == "’"
			if single != oSingle {
				continue
			}
			if i > openAt+1 {
				v.pairAt[openAt] = len(v.pairs)
				v.pairs = append(v.pairs, pair{open: openAt, close: i})
			}
			openAt = -1
		case openAt >= 0 && o && !sym:
			openAt, openText = i, t
		}
	}
}

// singleCanOpen says whether an apostrophe-like mark at i may open a
// quotation: it must stand before a word and after a space or the start.
func (v *view) singleCanOpen(i int) bool {
	if i+1 >= len(v.toks) || v.toks[i+1].Start != v.toks[i].End {
		return false
	}
	return i == 0 || v.toks[i-1].End < v.toks[i].Start
}

// norm is the token's Norm, falling back to its text.
func (v *view) norm(i int) string {
	if n := v.toks[i].Norm; n != "" {
		return n
	}
	return v.toks[i].Text
}

// cueAt looks token i up as a reporting verb, also behind a proclitic و or
// ف; it returns the cue and how many runes of proclitic precede it.
func (v *view) cueAt(i int) (cueInfo, int, bool) {
	if v.toks[i].Kind != khabar.KindWord || passiveMarked(v.toks[i].Text) {
		return cueInfo{}, 0, false
	}
	n := v.norm(i)
	if n == "جاء" || n == "وجاء" {
		// `وجاء في البيان ان`, `جاء في بيان صادر عن الخارجية: "..."`
		if i+1 < len(v.toks) && (v.norm(i+1) == "في" || v.norm(i+1) == "فيها" || v.norm(i+1) == "فيه") {
			// also `في تغريدة لفريق التواصل ... وجاء فيها: "..."`
			return lex.verbs["جاء"], len([]rune(n)) - len([]rune("جاء")), true
		}
		return cueInfo{}, 0, false
	}
	if c, ok := lex.verbs[n]; ok {
		return c, 0, true
	}
	if len(n) > 2 && (strings.HasPrefix(n, "و") || strings.HasPrefix(n, "ف")) {
		if c, ok := lex.verbs[n[len("و"):]]; ok {
			return c, 1, true
		}
		if c, ok := verbWithObject(n[len("و"):]); ok && !strings.HasSuffix(v.toks[i].Text, "ة") {
			return c, 1, true
		}
	}
	if c, ok := verbWithObject(n); ok && !strings.HasSuffix(v.toks[i].Text, "ة") {
		return c, 0, true
	}
	return cueInfo{}, 0, false
}

// passiveMarked says whether a verb is written with the damma of the
// passive on its first letter (`وتُوصف`, `أُعلن`, `نُقل`): no one speaks.
func passiveMarked(t string) bool {
	r := []rune(t)
	for k := 1; k < len(r) && k <= 2; k++ {
		if r[k] == '\u064F' {
			return k == 1 || r[0] == 'و' || r[0] == 'ف'
		}
	}
	return false
}

// verbWithObject finds a reporting verb with an object pronoun (`يصفه
// بأنه`, `اتهمه`, `ابلغها`).
func verbWithObject(n string) (cueInfo, bool) {
	for _, suf := range []string{"ه", "ها", "هم"} {
		stem, ok := strings.CutSuffix(n, suf)
		if !ok || len([]rune(stem)) < 3 {
			continue
		}
		if c, ok := lex.verbs[stem]; ok && !c.participle {
			return c, true
		}
	}
	return cueInfo{}, false
}

// sourceAt matches a source phrase (`بحسب`, `نقلا عن`) starting at token i
// and returns the index one past it.
func (v *view) sourceAt(i int) (int, bool) {
	for _, words := range lex.sources {
		if i+len(words) > len(v.toks) {
			continue
		}
		ok := true
		for k, w := range words {
			if v.norm(i+k) != w {
				ok = false
				break
			}
		}
		if ok {
			return i + len(words), true
		}
	}
	return 0, false
}

func (v *view) isPunct(i int) bool {
	k := v.toks[i].Kind
	return k == khabar.KindPunct || k == khabar.KindSymbol
}

// isSentenceEnd says whether token i is sentence-final punctuation.
func (v *view) isSentenceEnd(i int) bool {
	switch v.toks[i].Text {
	case ".", "!", "?", "؟", "…":
		return true
	}
	return false
}

func (v *view) isComma(i int) bool {
	switch v.toks[i].Text {
	case "،", ",", "؛", ";", "-", "–", "—":
		return true
	}
	return false
}

// findQuotes runs the rules over the document in order.
func (v *view) findQuotes() {
	n := len(v.toks)
	for i := 0; i < n; i++ {
		if i < v.coveredTo {
			continue // `ما جرى سوء فهم بين طالب كويتي`: no cue inside speech
		}
		if pi, ok := v.pairAt[i]; ok && v.pairs[pi].claimed {
			i = v.pairs[pi].close // the verbs inside a quotation are the speaker's own
			if v.pairs[pi].implicit {
				i-- // close is the next paragraph's first token: look at it
			}
			continue
		}
		if c, pre, ok := v.cueAt(i); ok {
			v.fromVerb(i, c, pre)
			continue
		}
		if end, ok := v.sourceAt(i); ok {
			if v.fromSource(i, end) && end < n {
				if _, _, ok := v.cueAt(end); ok {
					i = end // `حسبما اكدت مصادر`: the verb was the source's
				}
			}
		}
	}
	// quotations with a cue after them, or long enough to stand alone
	for pi := range v.pairs {
		p := &v.pairs[pi]
		if p.claimed {
			continue
		}
		v.fromPairAlone(p)
	}
	v.finish()
}

// fromVerb handles a reporting verb at token i.
func (v *view) fromVerb(i int, c cueInfo, pre int) {
	sent := v.sentOf[i]
	hi := v.sentHi[sent]
	cue := v.cueSpan(i, i+1, pre)

	// the impersonal "it is noted that"
	if i+1 < hi && lex.impersonal[v.norm(i)] && lex.complementizer[v.norm(i+1)] {
		return
	}
	// attribution after the content: `... ، كما اضاف تونر`
	if v.attributionAfter(i, c, cue) {
		return
	}
	// look ahead for the complementizer or the opening quotation mark
	limit := min(hi, i+1+cueWindow)
	comp, open, colon := -1, -1, -1
	for j := i + 1; j < limit; j++ {
		if v.toks[j].Text == ":" && j+1 < hi {
			if _, ok := v.pairAt[j+1]; !ok {
				colon = j // `وقال فاسوني: هذه هي ...`, speech without marks
				break
			}
		}
		if pi, ok := v.pairAt[j]; ok {
			p := v.pairs[pi]
			if v.speechPair(i, j, p) {
				open = j
				break
			}
			j = p.close // a quoted name or term on the way: step over it
			continue
		}
		if o, _, _ := v.quoteMark(j); o {
			break // an unmatched mark
		}
		if lex.complementizer[v.norm(j)] {
			if j > i+1 && notContentBefore[v.norm(j-1)] {
				break // `بعد ان`, `حق ... في ان`: no content of the verb
			}
			comp = j
			break
		}
		if v.isSentenceEnd(j) || lex.impersonal[v.norm(j)] {
			break // `... الذين يفترض ان`: that clause is no one's speech
		}
		if _, _, ok := v.cueAt(j); ok && j > i+1 {
			if t := v.toks[j].Text; (strings.HasSuffix(t, "ته") || strings.HasSuffix(t, "تها")) && !v.isComma(j-1) {
				continue // `وقالت الوزارة في بيان نشرته وكالة نوفوستي "..."`
			}
			break // another reporting verb: ours has no content of its own
		}
	}
	bound := limit
	if comp >= 0 {
		bound = comp
	} else if open >= 0 {
		bound = open
	} else if colon >= 0 {
		bound = colon
	}
	savedSubject, savedPerson := v.lastSubject, v.lastPerson
	subj := v.resolveSubject(i, bound)
	if comp < 0 && open < 0 && colon < 0 && subj != nil && subj.entity < 0 && subj.start > i &&
		!c.feminine && !c.participle && strings.HasSuffix(v.toks[subj.start].Text, "ة") && !v.headedBySpeakerNoun(subj) {
		// `ادعى ممارسة التعذيب`: a masculine verb before a feminine noun
		// does not agree with it, so the noun is its object, not the
		// subject a later dropped one would take
		v.lastSubject, v.lastPerson = savedSubject, savedPerson
	}
	if n := v.norm(i); n == "قوله" || n == "قولها" || n == "قولهم" {
		// `ونقل التلفزيون عن متحدث باسم الطوارئ قوله`: the one quoted
		for j := i - 1; j > v.sentLo[sent]; j-- {
			if m := v.norm(j); m == "عن" || m == "لسان" {
				if s := v.subjectAfter(j, i, true); s != nil {
					subj = v.noteResolved(s)
				} else if i-j-1 >= 1 && i-j-1 <= 4 && v.toks[j+1].Kind == khabar.KindWord && !v.isPunct(i-1) {
					// `نقلت الوكالة عن سياسي محلي آخر قوله`: whoever is
					// named between عن and قوله
					s := &subject{start: j + 1, end: i, entity: -1, personal: true, sent: sent}
					v.noteSubject(s)
					subj = s
				}
				break
			}
		}
	}
	if c.lemma == "جاء" && i+1 < len(v.toks) && (v.norm(i+1) == "فيها" || v.norm(i+1) == "فيه") {
		// `في تغريدة لفريق التواصل ... وجاء فيها`: the pronoun is the
		// statement named before, its issuer the speaker
		subj = v.statementBefore(i)
		if subj != nil {
			v.noteSubject(subj)
		}
	} else if c.lemma == "جاء" {
		// the statement's author after عن or على لسان, else the statement
		subj = nil
		for j := i + 2; j < bound; j++ {
			if n := v.norm(j); n == "عن" || n == "لسان" {
				subj = v.subjectAfter(j, min(bound, j+1+subjectWindow), true)
				break
			}
		}
		if subj == nil && i+2 < bound {
			subj = v.subjectAfter(i+1, min(bound, i+2+subjectWindow), true)
		}
		if subj != nil {
			v.noteSubject(subj)
		}
	}
	if s := v.quotedSource(i, c, bound); s != nil {
		// `نقلت الوكالة عن المصدر قوله`, `وذكر التلفزيون نقلا عن مسؤول`,
		// `على لسان المصدر`: the one quoted is the speaker, the medium
		// only carries the words
		subj = v.noteResolved(s)
	}
	if colon >= 0 && comp < 0 && open < 0 {
		lo := colon + 1
		hiC := v.contentEnd(lo, v.sentHi[v.sentOf[lo]])
		if v.words(lo, hiC) >= 3 && !v.hasCueOrPair(lo, hiC) {
			v.addIndirect(lo, hiC, subj, cue)
		}
		return
	}
	if comp < 0 && open < 0 {
		return
	}
	if open >= 0 {
		p := &v.pairs[v.pairAt[open]]
		p.claimed = true
		if subj == nil || subj.start < i {
			// `واضاف "..."، وفقا للمتحدث الرسمي`: a source named after
			// the quotation beats a dropped subject's antecedent
			if s := v.sourceAfterPair(p); s != nil {
				subj = s
			}
		}
		v.addDirect(p, subj, cue)
		return
	}
	// indirect: from after the complementizer to the end of the sentence,
	// unless a quotation opens right there or a longer one lies inside
	contentLo := comp + 1
	if contentLo >= len(v.toks) {
		return
	}
	if pi, ok := v.pairAt[contentLo]; ok {
		p := &v.pairs[pi]
		p.claimed = true
		v.addDirect(p, subj, cue)
		return
	}
	contentHi := v.contentEnd(contentLo, v.sentHi[v.sentOf[contentLo]])
	contentHi = v.coordinatedCue(contentLo, contentHi)
	var embedded *pair
	for j := contentLo; j < contentHi; j++ {
		pi, ok := v.pairAt[j]
		if !ok {
			continue
		}
		p := &v.pairs[pi]
		if p.close >= contentHi {
			contentHi = p.close + 1
		}
		p.claimed = true
		if embedded == nil && v.words(p.open+1, p.close) >= minEmbeddedWords && !v.isName(p.open+1, p.close) {
			embedded = p
		}
	}
	if embedded != nil {
		v.addDirect(embedded, subj, cue)
		return
	}
	v.addIndirect(contentLo, contentHi, subj, cue)
}

// sourceAfterPair finds a source named right after a quotation's closing
// mark (`"..."، وفقا للمتحدث الرسمي الاوروبي`), or nil.
func (v *view) sourceAfterPair(p *pair) *subject {
	k := p.close + 1
	if k < len(v.toks) && v.isComma(k) {
		k++
	}
	if k >= len(v.toks) {
		return nil
	}
	end, ok := v.sourceAt(k)
	if !ok || end > len(v.toks) {
		return nil
	}
	for j := k; j < end; j++ {
		if v.norm(j) == "ما" {
			return nil // `وفق ما ذكرت وكالة فرانس برس`: the medium that carries the words
		}
	}
	hi := min(len(v.toks), v.sentHi[v.sentOf[k]])
	return v.subjectAfter(end-1, min(hi, end+subjectWindow), true)
}

// headedBySpeakerNoun says whether s is a title or group mention of the
// lexicon (`الوزير`, `هذه الفصائل`), not any noun phrase.
func (v *view) headedBySpeakerNoun(s *subject) bool {
	for k := s.start; k < s.end && k < s.start+2; k++ {
		if _, ok := lex.speakerNouns[strings.TrimPrefix(v.norm(k), "و")]; ok {
			return true
		}
	}
	return false
}

// quotedSource finds who a medium quotes between the verb at i and bound:
// the subject after `عن` for نقل and أورد (`نقلت الوكالة عن المصدر`), after
// `نقلا عن` or `على لسان` for any verb (`وذكر التلفزيون نقلا عن مسؤول`).
func (v *view) quotedSource(i int, c cueInfo, bound int) *subject {
	carrier := c.lemma == "نقل" || c.lemma == "أورد"
	for j := i + 1; j < bound && j < len(v.toks); j++ {
		n := v.norm(j)
		if n == "لسان" || (n == "عن" && (carrier || (j > 0 && strings.HasPrefix(v.norm(j-1), "نقلا")))) {
			return v.subjectAfter(j, min(bound, j+1+subjectWindow), true)
		}
		if carrier && n == "عن" {
			break
		}
	}
	return nil
}

// coordinatedCue finds, in the clause [lo, hi), a second reporting verb
// chained to the first after a comma with content of its own (`، مضيفا ان`,
// `، لافتا الى ان`, `، ونقلت عن وكالة اسنا ان`), and returns its index (the
// clause ends before the comma), or hi.
func (v *view) coordinatedCue(lo, hi int) int {
	for k := lo + 2; k < hi; k++ {
		if !v.isComma(k - 1) {
			continue
		}
		cut, c, pre, ok := k-1, cueInfo{}, 0, false
		switch v.norm(k) {
		case "بينما", "فيما", "كما", "وبينما", "وفيما":
			// `، بينما قالت ام احمد ان`
			if k+1 < hi {
				c, _, ok = v.cueAt(k + 1)
				pre = 1
				k++
			}
		default:
			c, pre, ok = v.cueAt(k)
		}
		if !ok || !(c.participle || pre > 0) || lex.impersonal[v.norm(k)] {
			continue
		}
		if v.hasComplementizer(k) {
			return cut
		}
	}
	return hi
}

// hasComplementizer says whether the reporting verb at k opens a content
// clause or a quotation of its own within its window.
func (v *view) hasComplementizer(k int) bool {
	hi := v.sentHi[v.sentOf[k]]
	for j := k + 1; j < hi && j <= k+cueWindow; j++ {
		if lex.complementizer[v.norm(j)] || v.toks[j].Text == ":" {
			return true
		}
		if pi, ok := v.pairAt[j]; ok {
			if p := v.pairs[pi]; v.words(j+1, p.close) >= minEmbeddedWords && !v.isName(j+1, p.close) {
				return true
			}
			j = v.pairs[pi].close // `ونقلت عن وكالة "اسنا" ان`
			continue
		}
		if v.isSentenceEnd(j) {
			return false
		}
	}
	return false
}

// speechPair says whether the quotation p, opening at token j in the
// window of the verb at i, is what the verb reports: it opens right after
// the verb, a complementizer, a colon or the speaker's name, or it is long
// enough to be speech. Short quoted names and terms elsewhere in the window
// (`في مؤتمر "كوميك كون"`, `لموقع "فارايتي"`) are stepped over.
func (v *view) speechPair(i, j int, p pair) bool {
	if v.words(p.open+1, p.close) >= 4 {
		return true
	}
	if v.words(p.open+1, p.close) <= 2 && v.isName(p.open+1, p.close) && v.toks[j-1].Text != ":" {
		return false // `وفق ما نقلت "رويترز"`: a quoted name
	}
	k := j - 1
	for k > i && v.isComma(k) {
		k--
	}
	if k == i || v.toks[k].Text == ":" || lex.complementizer[v.norm(k)] {
		return true
	}
	if e := v.entAt[k]; e >= 0 && v.doc.Entities[e].Type != "LOC" && v.toks[k].Start >= v.doc.Entities[e].Start {
		return true // `وقال ترامب "..."`
	}
	return false
}

// attributionAfter handles a verb that follows its content: a comma or a
// closing quotation mark, optionally `كما`/`حسبما`, then the verb and its
// subject at the end of the sentence. It reports whether it took the verb.
func (v *view) attributionAfter(i int, c cueInfo, cue *khabar.Span) bool {
	j := i - 1
	if j >= 0 {
		switch v.norm(j) {
		case "كما", "حسبما", "وفقما", "مثلما":
			j--
		}
	}
	if j < 0 {
		return false
	}
	// the content ends with a closing mark, or a comma (possibly after one)
	closeTok := -1
	if v.isComma(j) {
		if j > 0 {
			if _, c, _ := v.quoteMark(j - 1); c {
				closeTok = j - 1
			}
		}
	} else if _, c, _ := v.quoteMark(j); c {
		closeTok = j
	} else {
		return false
	}
	if v.hasOwnClause(i) {
		// `... "ايه 320 نيو"، وقال قصر الاليزيه انها`: the verb reports
		// its own content, the quotation before it is only a name
		return false
	}
	if closeTok >= 0 {
		for pi := range v.pairs {
			p := &v.pairs[pi]
			if p.close == closeTok && !p.claimed {
				p.claimed = true
				subj := v.resolveSubject(i, min(v.sentHi[v.sentOf[i]], i+1+subjectWindow))
				v.addDirect(p, subj, cue)
				return true
			}
		}
		return false
	}
	// unquoted content: the sentence start up to the comma, and nothing
	// after the verb's subject but a short tail; without `كما` only a verb
	// of saying follows its content (`، وردت موسكو بطرد` is an action)
	if j == i-1 && !sayingAfter[c.lemma] {
		return false
	}
	sent := v.sentOf[i]
	lo, hi := v.sentLo[sent], v.sentHi[sent]
	if j-lo < 3 {
		return false
	}
	for k := i + 1; k < hi; k++ {
		if lex.complementizer[v.norm(k)] {
			return false
		}
		if pi, ok := v.pairAt[k]; ok {
			if p := v.pairs[pi]; v.words(k+1, p.close) <= 2 {
				k = p.close // `كما اعلنت وزارة الدفاع "البنتاغون"`
				continue
			}
			return false
		}
	}
	if hi-i > 14 {
		return false
	}
	for k := lo; k < j; k++ {
		if pi, ok := v.pairAt[k]; ok && !v.isName(k+1, v.pairs[pi].close) && v.words(k+1, v.pairs[pi].close) >= minEmbeddedWords {
			return false // a quotation inside: left to its own cue
		}
		if _, _, ok := v.cueAt(k); ok && v.hasContent(k) {
			return false // a reporting verb with its own content inside the stretch
		}
	}
	subj := v.resolveSubject(i, hi)
	v.addIndirect(lo, j, subj, cue)
	return true
}

// notContentBefore are the words after which a complementizer opens a
// clause of time or of a noun, not a verb's content (`بعد ان كانت`, `حق
// الولايات المتحدة في ان تتبع`).
var notContentBefore = map[string]bool{
	"بعد": true, "قبل": true, "منذ": true, "رغم": true, "دون": true, "بدون": true, "حتي": true, "في": true,
	"لمجرد": true, "بمجرد": true,
}

// sayingAfter are the lemmas that follow their content after a comma
// (`...، قال المتحدث`).
var sayingAfter = map[string]bool{
	"قال": true, "أضاف": true, "أكد": true, "أوضح": true, "ذكر": true, "أفاد": true, "أشار": true,
	"تابع": true, "كتب": true, "غرد": true, "أعلن": true, "صرح": true, "أردف": true, "نقل": true,
	"أوردت": true, "بين": true, "اعتبر": true, "رأى": true, "حذر": true, "لفت": true, "شدد": true,
	"كشف": true, "زعم": true, "نبه": true, "رجح": true, "جاء": true,
}

// hasOwnClause says whether the verb at i is followed, after its subject,
// by a complementizer or a colon of its own.
func (v *view) hasOwnClause(i int) bool {
	hi := v.sentHi[v.sentOf[i]]
	for k := i + 1; k < hi && k <= i+subjectWindow+4; k++ {
		if lex.complementizer[v.norm(k)] || v.toks[k].Text == ":" {
			return true
		}
		if _, ok := v.pairAt[k]; ok {
			return false
		}
	}
	return false
}

// hasContent says whether the reporting verb at k is followed closely by
// content of its own: a complementizer, a colon or a quotation.
func (v *view) hasContent(k int) bool {
	hi := v.sentHi[v.sentOf[k]]
	for j := k + 1; j < hi && j <= k+cueWindow; j++ {
		if lex.complementizer[v.norm(j)] || v.toks[j].Text == ":" {
			return true
		}
		if _, ok := v.pairAt[j]; ok {
			return true
		}
	}
	return false
}

// fromSource handles a source phrase spanning tokens [i, end); it reports
// whether the phrase named a source.
func (v *view) fromSource(i, end int) bool {
	if end >= len(v.toks) {
		return false
	}
	sent := v.sentOf[i]
	lo, hi := v.sentLo[sent], v.sentHi[sent]
	cue := v.cueSpan(i, end, 0)
	// `حسبما افاد X`: the verb belongs to the source phrase
	after := end
	if _, _, ok := v.cueAt(after); ok {
		cue = v.cueSpan(i, after+1, 0)
		after++
	}
	// `بحسب وكالة رويترز` names a source; `حسبما قالت وسائل الاعلام` has a
	// verb whose subject may be any noun phrase
	subj := v.subjectAfter(after-1, min(hi, after+subjectWindow), after == end)
	if after > end {
		// `بحسب ما نقلت وكالة ميزان عن المتحدث X`: the one quoted
		c, _, _ := v.cueAt(after - 1)
		if s := v.quotedSource(after-1, c, min(hi, after+2*subjectWindow)); s != nil {
			subj = s
		}
	}
	if subj != nil && subj.entity < 0 && subj.end+1 < hi {
		// `حسب الارقام التي اكدها المرصد`: the one who gave the figures
		if n := v.norm(subj.end); n == "التي" || n == "الذي" {
			if _, _, ok := v.cueAt(subj.end + 1); ok {
				if s := v.subjectAfter(subj.end+1, min(hi, subj.end+2+subjectWindow), false); s != nil {
					subj = s
				}
			}
		}
	}
	if subj == nil {
		return false
	}
	if subj.entity >= 0 && v.doc.Entities[subj.entity].Type == "PER" {
		// a source named by a medium (`بحسب وكالة رويترز`) is seldom the
		// dropped subject of the next verb; a person is
		v.noteSubject(subj)
	}
	sp := v.speakerOf(v.withAntecedent(subj))
	// the source follows its content: a quotation or the clause before
	j := i - 1
	if j >= lo && v.isComma(j) {
		j--
	}
	if j >= lo {
		if _, c, _ := v.quoteMark(j); c {
			for pi := range v.pairs {
				p := &v.pairs[pi]
				if p.close == j && !p.claimed && v.words(p.open+1, p.close) >= minEmbeddedWords && !v.isName(p.open+1, p.close) {
					p.claimed = true
					v.add(p.open+1, p.close, true, sp, cue)
					return true
				}
			}
		}
		if j-lo >= 3 && !v.hasCueOrPair(lo, j+1) {
			v.add(lo, j+1, false, sp, cue)
		}
		return true
	}
	// the source opens the sentence: `ووفقا للمرصد، فان ...`
	k := subj.end
	for k < hi && (v.isComma(k) || lex.complementizer[v.norm(k)]) {
		k++
	}
	if pi, ok := v.pairAt[k]; ok {
		p := &v.pairs[pi]
		if v.words(p.open+1, p.close) < minEmbeddedWords || v.isName(p.open+1, p.close) {
			return true // `بحسب وكالة "بترا"`: a name, not a quotation
		}
		p.claimed = true
		v.add(p.open+1, p.close, true, sp, cue)
		return true
	}
	ce := v.contentEnd(k, hi)
	if ce-k >= 3 && !v.hasCueOrPair(k, ce) {
		v.add(k, ce, false, sp, cue)
	}
	return true
}

// hasCueOrPair says whether tokens [lo, hi) hold a reporting verb or a
// quotation mark, which would make them someone else's quote.
//
// A quoted name or term (`طائرة "ايه 320"`, `بـ"عيد الفصح اليهودي"`) and a
// verb without content of its own (`حملة اقرها المرشد`) do not count.
func (v *view) hasCueOrPair(lo, hi int) bool {
	for k := lo; k < hi; k++ {
		if pi, ok := v.pairAt[k]; ok {
			p := v.pairs[pi]
			if v.words(k+1, p.close) >= 4 && !v.isName(k+1, p.close) {
				return true
			}
			continue
		}
		if _, _, ok := v.cueAt(k); ok && v.hasComplementizer(k) {
			return true
		}
	}
	return false
}

// fromPairAlone handles a quotation no cue before it claimed: a cue right
// after it, a colon before it, or enough words to be speech on its own.
func (v *view) fromPairAlone(p *pair) {
	k := p.close + 1
	for k < len(v.toks) && v.isComma(k) {
		k++
	}
	if k < len(v.toks) {
		switch v.norm(k) {
		case "كما", "حسبما", "وفقما", "مثلما":
			k++
		}
	}
	if k < len(v.toks) {
		if _, pre, ok := v.cueAt(k); ok && !v.hasOwnClause(k) {
			p.claimed = true
			subj := v.resolveSubject(k, min(v.sentHi[v.sentOf[k]], k+1+subjectWindow))
			v.addDirect(p, subj, v.cueSpan(k, k+1, pre))
			return
		}
	}
	if p.continued {
		// the rest of the previous paragraph's speech: same speaker, same cue
		var prev *khabar.Quote
		for qi := range v.quotes {
			q := &v.quotes[qi]
			if q.Direct && q.End <= v.toks[p.open].End && (prev == nil || q.End > prev.End) {
				prev = q
			}
		}
		if prev != nil {
			p.claimed = true
			v.add(p.open+1, p.close, true, prev.Speaker, prev.Cue)
			return
		}
	}
	if prev := v.implicitBefore(p.open); prev != nil {
		// `وقال "... هينا.` / `"لذلك ...".`: a quotation opening the
		// paragraph after speech left open goes on with that speech
		p.claimed = true
		v.add(p.open+1, p.close, true, prev.Speaker, prev.Cue)
		return
	}
	colon := p.open > 0 && (v.toks[p.open-1].Text == ":" || v.toks[p.open-1].Text == "：")
	if colon || v.words(p.open+1, p.close) >= minBareWords {
		p.claimed = true
		// no cue: the sentence's actor, when one is named before the
		// quotation (`اثنى حفتر على ... ليصبحا "تحت سيطرة ضباطنا"`)
		var sp *khabar.Speaker
		if p.open > 0 {
			if s := v.mainClauseSubject(p.open); s != nil {
				sp = v.speakerOf(v.withAntecedent(s))
			}
		}
		v.add(p.open+1, p.close, true, sp, nil)
	}
}

// pairCloseAt finds the pair whose closing mark is token k.
func (v *view) pairCloseAt(k int) (int, bool) {
	pi, ok := v.closeAt[k]
	return pi, ok
}

// implicitBefore returns the direct quote of a quotation left open at the
// end of the paragraph before token open (which opens the next one), or nil.
func (v *view) implicitBefore(open int) *khabar.Quote {
	for _, q := range v.pairs {
		if !q.implicit || q.close != open {
			continue
		}
		start := v.toks[q.open+1].Start
		for qi := range v.quotes {
			if v.quotes[qi].Direct && v.quotes[qi].Start == start {
				return &v.quotes[qi]
			}
		}
	}
	return nil
}

// isName says whether tokens [lo, hi) are one entity mention: a quoted
// name (`تنظيم "داعش"`), not a quotation.
func (v *view) isName(lo, hi int) bool {
	if lo >= hi {
		return false
	}
	e := v.entAt[lo]
	if e < 0 {
		return false
	}
	for k := lo; k < hi; k++ {
		if v.entAt[k] != e {
			return false
		}
	}
	return true
}

// words counts the word tokens in [lo, hi).
func (v *view) words(lo, hi int) int {
	n := 0
	for k := lo; k < hi && k < len(v.toks); k++ {
		if v.toks[k].Kind == khabar.KindWord {
			n++
		}
	}
	return n
}

// contentEnd is the end of an indirect clause starting at lo: the sentence
// end, less trailing punctuation.
func (v *view) contentEnd(lo, hi int) int {
	for hi > lo && v.isPunct(hi-1) {
		if _, c, _ := v.quoteMark(hi - 1); c {
			break
		}
		hi--
	}
	return hi
}

// resolveSubject finds the speaker of the verb at i whose subject may lie
// before bound: after the verb, before it, or the antecedent of a dropped
// subject. It records explicit subjects for later dropped ones.
func (v *view) resolveSubject(i, bound int) *subject {
	v.wideBound = bound
	defer func() { v.wideBound = 0 }()
	if i+1 < len(v.toks) {
		if n := v.norm(i + 1); n == "فيها" || n == "فيه" {
			// `نشر الاتحاد تغريدة ... قال فيها`: a relative clause on the
			// main clause's object; its subject is the main clause's
			if s := v.mainClauseSubject(i); s != nil {
				return v.noteResolved(s)
			}
		}
	}
	if c, _, ok := v.cueAt(i); ok && c.lemma == "جاء" && i+2 < bound {
		// `، كما جاء في البيان`: the statement's issuer, as for a cue before
		if s := v.subjectAfter(i+1, min(bound, i+2+subjectWindow), true); s != nil {
			return v.noteResolved(s)
		}
	}
	if c, _, ok := v.cueAt(i); ok && c.participle {
		if s := v.mainClauseSubject(i); s != nil {
			// noted: `ونشر آل الشيخ تغريدة ... قائلا` makes آل الشيخ the
			// one a later title or dropped subject goes back to
			return v.noteResolved(s)
		}
		if v.lastSubject != nil && v.sentOf[i]-v.lastSubject.sent <= antecedentSentences {
			s := *v.lastSubject
			return &s
		}
		return nil
	}
	if c, _, _ := v.cueAt(i); c.lemma == "اتهم" || c.lemma == "وصف" {
		// `لكن الاخير اتهم الاتحاد الاوروبي بأنه`: with a subject before
		// it, the name after the verb is its object
		if s := v.subjectBefore(i); s != nil {
			return v.noteResolved(s)
		}
	}
	if s := v.subjectAfterKana(i); s != nil {
		// `وكان والد الشابة اعلن من منزله`: the subject stands before
		return v.noteResolved(s)
	}
	if s := v.subjectAfter(i, min(bound, i+1+subjectWindow), false); s != nil {
		return v.noteResolved(s)
	}
	if s := v.subjectBefore(i); s != nil {
		return v.noteResolved(s)
	}
	// dropped subject inside a sentence (`وكان السيستاني قد انتقد ...
	// واتهمهم بانهم`, `ولوح نتانياهو بقطعة قال انها`): the sentence's own
	if i > v.sentLo[v.sentOf[i]]+1 && !v.isComma(i-1) && v.norm(i-1) != "حيث" {
		if s := v.mainClauseSubject(i); s != nil && (s.entity >= 0 && v.doc.Entities[s.entity].Type == "PER" || s.personal || asReported[v.norm(i-1)]) {
			// `عين الاتحاد التونسي ... البنزرتي مدربا، كما افاد في بيان`:
			// after كما the dropped subject is the clause's, body or person;
			// it is the subject the next dropped one goes back to (`وصوت
			// كليمنت ... وقال انه ... وقال في بيان`)
			return v.noteResolved(s)
		}
		if s := v.openingSubject(i); s != nil && v.indefiniteNoun(i-1) {
			// `نشر فريق التواصل التابع لوزارة الخارجية، الجمعة، صورة قال
			// انها`: a verb describing the opening verb's object has that
			// verb's subject
			return v.noteResolved(s)
		}
	}
	// dropped subject: the last explicit one that agrees, if recent
	c, _, _ := v.cueAt(i)
	masculine := !c.feminine && !strings.HasSuffix(v.norm(i), "وا")
	if s := v.previousSubject(i, masculine); s != nil {
		return s
	}
	// none spoke yet: the person the article is about so far (`تعتزم
	// الممثلة نيكول ماينز ... وقالت`)
	if s := v.recentActor(i); s != nil {
		v.noteSubject(s)
		return s
	}
	return nil
}

// recentActor is the first person named as no prepositional object in the
// nearest of the three sentences before token i (or in its own, before it)
// that names one, outside quotations; nil if none.
func (v *view) recentActor(i int) *subject {
	sent := v.sentOf[i]
	for s := sent; s >= 0 && s >= sent-3; s-- {
		hi := v.sentHi[s]
		if s == sent {
			hi = i
		}
		for k := v.sentLo[s]; k < hi; k++ {
			if pi, ok := v.pairAt[k]; ok {
				k = v.pairs[pi].close
				continue
			}
			if e := v.entAt[k]; e >= 0 && v.doc.Entities[e].Type == "PER" && !v.afterPreposition(k, e) {
				return v.entitySpanSubject(k, e)
			}
		}
	}
	return nil
}

// mainClauseSubject is the subject of the sentence a participle at i
// hangs on: the first person or organisation named before it that is no
// prepositional object, else the subject of a reporting verb before it.
func (v *view) mainClauseSubject(i int) *subject {
	lo := v.sentLo[v.sentOf[i]]
	if lo == i && v.sentOf[i] > 0 && !v.isSentenceEnd(i-1) {
		// `انكر المتحدث ... اتهامات جونسون` / `قائلا: "..."` on a new
		// line: the sentence it hangs on is the one before
		lo = v.sentLo[v.sentOf[i]-1]
	}
	if lo < i {
		n := v.norm(lo)
		if strings.HasPrefix(n, "و") {
			n = n[len("و"):]
		}
		if personal, ok := lex.speakerNouns[n]; ok {
			// `المتحدث باسم الخارجية المصرية عبر عن قلق بلاده ...، مؤكدا`
			return v.titleSubject(lo, personal, i)
		}
	}
	// the nearest reporting verb before with a subject of its own (`قال
	// خلفان: "..." في حين علق الحمادي قائلا`)
	for k := i - 1; k > lo; k-- {
		if pi, ok := v.pairCloseAt(k); ok {
			k = v.pairs[pi].open
			continue
		}
		c, _, ok := v.cueAt(k)
		if !ok && v.isVerb(k) {
			// `وهو الامر الذي رد عليه الرئيس الايراني، حسن روحاني قائلا`:
			// the nearest verb before with a named or titled subject of
			// its own, not a reporting verb further back
			if s := v.verbSubject(k, i); s != nil {
				return s
			}
			continue
		}
		if !ok || c.participle {
			continue
		}
		if t := v.toks[k].Text; strings.HasSuffix(t, "ته") || strings.HasSuffix(t, "تها") {
			continue // `في تصريح نقلته الوكالة`: a relative clause
		}
		if s := v.subjectAfter(k, i, false); s != nil {
			return s
		}
		break
	}
	if lo+1 < i && v.entAt[lo] < 0 && v.isVerb(lo) {
		if _, _, ok := v.cueAt(lo); !ok {
			// `ونشر الحوثيون بيانا ... اكدوا فيه`: the subject of the verb
			// that opens the sentence, named or not
			if s := v.subjectAfter(lo, min(i, lo+1+subjectWindow), false); s != nil {
				return s
			}
		}
	}
	for k := lo; k < i; k++ {
		if pi, ok := v.pairAt[k]; ok && v.pairs[pi].close < i {
			k = v.pairs[pi].close // names inside a quotation are the speech's
			continue
		}
		if lex.complementizer[v.norm(k)] && k > lo {
			break // names in a content clause are not the main clause's
		}
		if c, _, ok := v.cueAt(k); ok && k < i {
			if t := v.toks[k].Text; strings.HasSuffix(t, "ته") || strings.HasSuffix(t, "تها") {
				// `نشر الحوثيون بيانا نقلته وكالة سبأ اكدوا فيه`: the
				// medium of a relative clause is not the main clause's subject
				// the subject may be an antecedent earlier in the
				// article (a bare group noun resolved backwards): the
				// walk only ever moves forward
				if s := v.subjectAfter(k, i, false); s != nil && s.end-1 > k {
					k = s.end - 1
				}
				continue
			}
			if s := v.quotedSource(k, c, i); s != nil {
				return s // `ونقلت الوكالة على لسان المصدر قوله: "..." محملا`
			}
			if s := v.subjectAfter(k, i, false); s != nil {
				return s
			}
		}
		e := v.entAt[k]
		if e < 0 {
			continue
		}
		if t := v.doc.Entities[e].Type; (t == "PER" || t == "ORG") && !v.afterPreposition(k, e) {
			// `علق كابتن فريق مانشستر سيتي، فينسنت كومباني`: the person
			return v.entitySubject(k, e, i)
		}
	}
	return nil
}

// withAntecedent gives a personal title without a name the entity of the
// last named person who spoke.
func (v *view) withAntecedent(s *subject) *subject {
	if s.entity >= 0 || !s.personal {
		return s
	}
	if h := v.norm(s.start); !strings.HasPrefix(h, "ال") && !strings.HasPrefix(h, "وال") && !lex.demonstrative[h] {
		if s.end-s.start >= 2 && v.constructState(s.start+1) {
			// `وأضاف حاكم دبي` after `حاكم دبي، الشيخ محمد بن راشد`: a
			// title in the construct state is definite, the person it named
			if e := v.namedAfterSameTitle(s); e >= 0 {
				return s.resolvedTo(e)
			}
			if e := v.namedWithTitleWords(s); e >= 0 {
				// `وأضاف رئيس الوزراء الاثيوبي` after `رئيس الوزراء
				// الاثيوبي ابي احمد`, however the office is spelt
				return s.resolvedTo(e)
			}
			if p := v.lastPerson; p != nil && s.sent-p.sent <= 1 && !deputyTitle[h] {
				// `وأوضح رئيس منظمة أوبك الحالي` right after `قال وزير الطاقة
				// الاماراتي، سهيل المزروعي`: a definite title with no name of
				// its own, in the sentence after a named speaker, is another
				// way of naming that speaker (not a spokesman or a deputy,
				// who speak for someone)
				return s.resolvedTo(p.entity)
			}
		}
		return s // `قائد عسكري`: an indefinite title brings someone new
	}
	if e := v.namedAfterTitleHead(s); e >= 0 {
		// `الوزير` after `وزير الخارجية سيرغي لافروف`: the nearest earlier
		// mention of the same title with a name
		return s.resolvedTo(e)
	}
	if s.end-s.start > 2 {
		// a described title (`المتحدث باسم الخارجية`) is the person it
		// named before (`المتحدث باسم الخارجية جون كيربي`), else someone
		// new (`النائب العام البحريني`)
		if e := v.namedAfterSameTitle(s); e >= 0 {
			return s.resolvedTo(e)
		}
		if e := v.namedWithTitleWords(s); e >= 0 {
			return s.resolvedTo(e)
		}
		return s
	}
	if p := v.lastPerson; p != nil && s.sent-p.sent <= antecedentSentences+2 {
		return s.resolvedTo(p.entity)
	}
	return s
}

// deputyTitle, folded, are the titles of someone who speaks for or
// stands in for another: never the person named before them.
var deputyTitle = func() map[string]bool {
	m := normalize.Match()
	out := map[string]bool{}
	for _, w := range []string{"متحدث", "المتحدث", "ناطق", "الناطق", "مسؤول", "مسئول", "مصدر", "نائب", "مساعد", "مستشار", "وكيل", "ممثل", "مندوب", "سفير", "مراسل"} {
		out[m.String(w)] = true
		out[m.String("و"+w)] = true
	}
	return out
}()

// isVerb says whether the morphological layer tagged token k a verb
// (false when it did not run).
func (v *view) isVerb(k int) bool { return v.toks[k].HasPOS("VERB") }

// isAdj says whether the morphological layer tagged token k's stem an
// adjective (`العام` in `المدعي العام`).
func (v *view) isAdj(k int) bool { return v.toks[k].HasPOS("ADJ") }

// constructState says whether token k, after an indefinite title, makes
// it definite: a name, a definite noun or a noun with a possessive pronoun
// (`حاكم دبي`, `وزير الخارجية`, `مدير أعماله`).
func (v *view) constructState(k int) bool {
	if k >= len(v.toks) || v.toks[k].Kind != khabar.KindWord && v.toks[k].Kind != khabar.KindHashtag {
		return false
	}
	n := v.norm(k)
	return v.entAt[k] >= 0 || strings.HasPrefix(n, "ال") || strings.HasSuffix(n, "ه") && len([]rune(n)) >= 4 || strings.HasSuffix(n, "ها")
}

// namedAfterSameTitle finds the same title words earlier in the article
// followed closely by a person's name, and returns that entity, or -1.
func (v *view) namedAfterSameTitle(s *subject) int {
	n := s.end - s.start
	if e := v.namedAfterLongerTitle(s); e >= 0 {
		return e
	}
	for m := s.start - 1; m >= 0 && m >= s.start-antecedentWindow; m-- {
		same := true
		for k := 0; k < n; k++ {
			a, b := strings.TrimPrefix(v.norm(m+k), "و"), strings.TrimPrefix(v.norm(s.start+k), "و")
			if m+k >= s.start || a != b && !(k == n-1 && n > 1 && possessiveOf(b, a)) {
				same = false
				break
			}
		}
		if !same {
			continue
		}
		for j := m + n; j < len(v.toks) && j <= m+n+3; j++ {
			if e := v.entAt[j]; e >= 0 && v.doc.Entities[e].Type == "PER" {
				return e
			}
		}
		if m >= 2 && v.isComma(m-1) {
			// `هاني تهامي، مدير أعمال الفنان`: the name before, in apposition
			if e := v.entAt[m-2]; e >= 0 && v.doc.Entities[e].Type == "PER" {
				return e
			}
		}
	}
	return -1
}

// namedWithTitleWords finds an earlier person named next to a title with
// the same head and the same nationality as the title s (`واردف الوزير
// البريطاني السابق` after `ديفيد ميليباند، وزير الخارجية البريطاني
// الاسبق`): the nearest such name, or -1. Without a nationality in s the
// title says too little to pick someone.
func (v *view) namedWithTitleWords(s *subject) int {
	stem := func(k int) string {
		return strings.TrimPrefix(v.norm(k), "ال")
	}
	head := strings.TrimPrefix(stem(s.start), "وال")
	var nat []string
	for k := s.start + 1; k < s.end; k++ {
		if mention.Naming(strings.TrimPrefix(v.norm(k), "و")) {
			nat = append(nat, stem(k))
		}
	}
	if len(nat) == 0 || len([]rune(head)) < 3 {
		return -1
	}
	has := func(lo, hi int, w string) bool {
		for k := max(0, lo); k < hi && k < len(v.toks); k++ {
			// `وزير` keeps its و; `والبريطاني` drops it
			if n := stem(k); n == w || strings.TrimPrefix(n, "وال") == w {
				return true
			}
		}
		return false
	}
	for m := s.start - 1; m >= 0 && m >= s.start-antecedentWindow; m-- {
		e := v.entAt[m]
		if e < 0 || v.doc.Entities[e].Type != "PER" || m+1 < len(v.toks) && v.entAt[m+1] == e {
			continue
		}
		first := m
		for first > 0 && v.entAt[first-1] == e {
			first--
		}
		// the title after the name (`ميليباند، وزير الخارجية البريطاني`) or
		// before it (`وزير الخارجية البريطاني ديفيد ميليباند`)
		for _, w := range [][2]int{{m + 1, m + 7}, {first - 6, first}} {
			if !has(w[0], w[1], head) {
				continue
			}
			all := true
			for _, n := range nat {
				all = all && has(w[0], w[1], n)
			}
			if all {
				return e
			}
		}
	}
	return -1
}

// possessiveOf says whether the folded word w is the word c with a
// possessive pronoun (`أعماله` of `أعمال`).
func possessiveOf(w, c string) bool {
	for _, p := range []string{"ه", "ها", "هم"} {
		if w == c+p {
			return true
		}
	}
	return false
}

// namedAfterTitleHead finds the nearest earlier mention of a one-word
// title (`الوزير`, `المتحدث`, `الرئيس`), with or without the article,
// followed by a person's name in apposition, and returns that entity, or
// -1. Titles of more words are left to namedAfterLongerTitle.
func (v *view) namedAfterTitleHead(s *subject) int {
	if s.end-s.start != 1 {
		return -1
	}
	head := strings.TrimPrefix(strings.TrimPrefix(v.norm(s.start), "و"), "ال")
	if len([]rune(head)) < 3 {
		return -1
	}
	for m := s.start - 1; m >= 0 && m >= s.start-antecedentWindow; m-- {
		n := strings.TrimPrefix(v.norm(m), "و")
		if n != head && n != "ال"+head {
			continue
		}
		if a := v.appositionName(m+1, min(s.start, m+1+appositionWindow)); a != nil {
			return a.entity
		}
	}
	return -1
}

// namedAfterLongerTitle finds an earlier mention with the same head whose
// words include the title's in order, with modifiers between (`المتحدث
// الرسمي باسم الحكومة الاردنية، الدكتور محمد المومني` for `المتحدث باسم
// الحكومة الاردنية`), followed by a person's name; it returns that entity
// or -1.
func (v *view) namedAfterLongerTitle(s *subject) int {
	head := strings.TrimPrefix(v.norm(s.start), "و")
	for m := s.start - 1; m >= 0 && m >= s.start-antecedentWindow; m-- {
		if strings.TrimPrefix(v.norm(m), "و") != head {
			continue
		}
		t, j := s.start+1, m+1
		for ; t < s.end && j < s.start && j <= m+(s.end-s.start)+2; j++ {
			if v.norm(j) == v.norm(t) {
				t++
			}
		}
		if t < s.end {
			continue
		}
		if a := v.appositionName(j, min(s.start, j+appositionWindow)); a != nil {
			return a.entity
		}
	}
	return -1
}

// noteResolved resolves a subject to its antecedent (withAntecedent) and
// notes the result, so that a dropped subject later goes back to the name
// the title stood for (`وأضاف الملك` after `العاهل المغربي، الملك محمد
// السادس`, then `وقال`: the king by name, not the bare title).
func (v *view) noteResolved(s *subject) *subject {
	r := v.withAntecedent(s)
	v.noteSubject(r)
	return r
}

func (v *view) noteSubject(s *subject) {
	if s.entity >= 0 && v.doc.Entities[s.entity].Type == "PER" {
		v.lastPerson = s
	} else if s.entity < 0 && s.personal && v.lastPerson != nil &&
		s.sent-v.lastPerson.sent <= antecedentSentences+2 {
		// a title standing for the last named person keeps them current
		v.lastSubject = s.resolvedTo(v.lastPerson.entity)
		v.noted = append(v.noted, *v.lastSubject)
		return
	}
	v.lastSubject = s
	v.noted = append(v.noted, *s)
}

// previousSubject is the latest noted subject before token i, at most
// antecedentSentences back, that a verb of the given gender can take: a
// masculine verb (`واضاف`) does not take a feminine noun (`الوزارة`,
// `العملية`); nil if none.
func (v *view) previousSubject(i int, masculine bool) *subject {
	for k := len(v.noted) - 1; k >= 0; k-- {
		s := v.noted[k]
		if s.start >= i {
			continue
		}
		if v.sentOf[i]-s.sent > antecedentSentences {
			return nil
		}
		if masculine && v.feminineHead(&s) {
			continue
		}
		return &s
	}
	return nil
}

// feminineHead says whether a subject that is no person's name has a
// feminine head noun (`وكالة رويترز`, `الحكومة`).
func (v *view) feminineHead(s *subject) bool {
	if s.entity >= 0 && v.doc.Entities[s.entity].Type == "PER" {
		return false
	}
	return strings.HasSuffix(v.toks[s.start].Text, "ة")
}

// skippable says whether token k may stand between a verb and its subject:
// a date, an adverb, a comma.
func (v *view) skippable(k int) bool {
	if v.inTmx[k] && v.entAt[k] < 0 {
		return true
	}
	switch v.norm(k) {
	case "بشده", "بقوه", "بوضوح", "مجددا", "مرارا", "صراحه", "علنا", // manner: `واستنكر بشدة`
		"ايضا", "كذلك", "بدوره", "بدورها", "من جهته", "من جهتها", "جهته", "جهتها", "من", "امس", "اليوم", "مساء", "صباح", "به", "بها", "ما",
		"حينها", "انذاك", "حينذاك", "وقتها", "حينئذ":
		return true
	}
	if _, _, ok := v.cueAt(k); ok {
		return true // `تابع قائلا`, `حسبما افاد`
	}
	return v.isComma(k)
}

// subjectAfter looks for the subject of the verb at i in (i, bound): a
// named entity, or a title or group noun (with a name after it when there
// is one). source allows an entity straight behind a proclitic ل (`للمرصد`).
func (v *view) subjectAfter(i, bound int, source bool) *subject {
	for k := i + 1; k < bound && k < len(v.toks); k++ {
		if e := v.entAt[k]; e >= 0 {
			if !source && v.afterPreposition(k, e) {
				return nil // `كشف لروسيا`: an object, not the subject
			}
			return v.entitySubject(k, e, bound)
		}
		if pi, ok := v.pairAt[k]; ok && k == i+1 {
			// `وقال "البنتاغون"، في بيان، ان`: a quoted name
			if p := v.pairs[pi]; p.close > k+1 && v.words(k+1, p.close) <= 3 {
				if e := v.entAt[k+1]; e >= 0 {
					return v.entitySpanSubject(k+1, e)
				}
				return &subject{start: k + 1, end: p.close, entity: -1, sent: v.sentOf[k]}
			}
			return nil
		}
		n := v.norm(k)
		if s := v.statementFrom(k, bound); s != nil {
			return s
		}
		if personal, ok := v.speakerNoun(n, source); ok {
			return v.titleSubject(k, personal, bound)
		}
		if lex.demonstrative[n] && k+1 < bound {
			if personal, ok := v.speakerNoun(v.norm(k+1), source); ok {
				s := v.titleSubject(k+1, personal, bound)
				if s.start == k+1 {
					s.start = k // `هذه الفصائل`, unless resolved to a fuller mention
				}
				return s
			}
		}
		if v.skippable(k) {
			continue
		}
		if !source && v.opensNounPhrase(k) {
			s := v.titleSubject(k, false, min(bound, k+5))
			if s.entity < 0 && s.end+1 < len(v.toks) && v.isComma(s.end) {
				// `قال السيناتور الجمهوري، ليندسي غراهام`: the name in apposition
				if e := v.entAt[s.end+1]; e >= 0 && v.doc.Entities[e].Type == "PER" {
					return v.entitySpanSubject(s.end+1, e)
				}
			}
			return s
		}
		return nil
	}
	return nil
}

// statementFrom finds the issuer of `بيان من X` / `تقرير من X` at token
// k (`وافاد بيان من #القصر_الازرق`): the name or hashtag after من.
func (v *view) statementFrom(k, bound int) *subject {
	switch strings.TrimPrefix(v.norm(k), "و") {
	case "بيان", "تقرير", "رساله", "تغريده":
	case "البيان", "التقرير", "الرساله", "التغريده":
		return v.issuedBy(k, bound)
	default:
		return nil
	}
	if s := v.issuedBy(k, bound); s != nil {
		return s
	}
	if j := k + 1; j < bound && j < len(v.toks) && strings.HasPrefix(v.norm(j), "ل") && !strings.HasPrefix(v.norm(j), "لل") && v.toks[j].Kind == khabar.KindWord {
		// `وفقا لبيان لدائرة الشؤون الخارجية`: the issuer after ل
		if e := v.entAt[j]; e >= 0 {
			return v.entitySpanSubject(j, e)
		}
		if _, ok := lex.speakerNouns[v.norm(j)[len("ل"):]]; ok {
			return v.titleSubject(j, false, bound)
		}
		if strings.HasSuffix(v.norm(k), "تغريده") && j+1 < bound && strings.HasPrefix(v.norm(j+1), "ال") {
			// `تغريدة لفريق التواصل`: whoever the tweet is of
			return &subject{start: j, end: j + 2, entity: -1, sent: v.sentOf[k]}
		}
	}
	if j := k + 1; j < bound && j < len(v.toks) && v.entAt[j] < 0 && v.toks[j].Kind == khabar.KindWord {
		// `تقرير منظمة نهضة وطن`, `بيان وزارة الخارجية`: the issuer in the
		// construct state
		if personal, ok := v.speakerNoun(v.norm(j), false); ok && !personal && !strings.HasPrefix(v.norm(j), "ال") {
			if a := v.titleSubject(j, false, bound); a.end-a.start >= 2 || a.entity >= 0 {
				return a
			}
		}
	}
	j := k + 2
	if j >= bound || j >= len(v.toks) || v.norm(k+1) != "من" {
		return nil
	}
	if e := v.entAt[j]; e >= 0 {
		return v.entitySpanSubject(j, e)
	}
	if v.toks[j].Kind == khabar.KindHashtag {
		return &subject{start: j, end: j + 1, entity: -1, sent: v.sentOf[k]}
	}
	return nil
}

// issuedBy finds the issuer of a statement at token k named by a
// participle or a relative verb after it (`البيان الصادر عن المركز`,
// `بيان صادر عن`, `بيان نشرته المنظمة`): an entity or a group noun, or nil.
func (v *view) issuedBy(k, bound int) *subject {
	j := k + 1
	if j >= bound || j >= len(v.toks) {
		return nil
	}
	switch v.norm(j) {
	case "الصادر", "صادر":
		if j+1 >= bound || v.norm(j+1) != "عن" {
			return nil
		}
		j += 2
	case "نشرته", "نشره", "اصدرته", "اصدره", "اصدرها", "نشرها":
		j++
	default:
		return nil
	}
	if j >= bound || j >= len(v.toks) {
		return nil
	}
	if e := v.entAt[j]; e >= 0 {
		return v.entitySpanSubject(j, e)
	}
	if personal, ok := v.speakerNoun(v.norm(j), false); ok {
		return v.titleSubject(j, personal, bound)
	}
	return nil
}

// opensNounPhrase says whether token k can head a subject that is not in
// the lexicon (`وقال أعضاء الهيئة التدريسية`, `وقالت إدارة الإطفاء`): a
// word that is no preposition, complementizer, reporting verb or word with
// a prepositional proclitic.
func (v *view) opensNounPhrase(k int) bool {
	if v.toks[k].Kind != khabar.KindWord {
		return false
	}
	n := v.norm(k)
	if lex.preposition[n] || lex.complementizer[n] || lex.demonstrative[n] || functionWords[n] {
		return false
	}
	if _, _, ok := v.cueAt(k); ok {
		return false
	}
	if r := []rune(n); len(r) >= 5 && (r[0] == 'ب' || r[0] == 'ل') {
		return false // `بالقول`, `للصحفيين`
	}
	return !isPrepositionPronoun(n)
}

// functionWords never head a subject and end a noun phrase.
var functionWords = map[string]bool{
	"حيث": true, "الذي": true, "التي": true, "الذين": true, "اللذين": true, "اللتين": true, "ما": true,
	"من": true, "هو": true, "هي": true, "هم": true, "كما": true, "عندما": true, "اذ": true, "اذا": true,
	"لقد": true, "قد": true, "لم": true, "لن": true, "لا": true, "ان": true, "كان": true, "كانت": true,
	"وكان": true, "وكانت": true, "ثم": true, "او": true, "ام": true, "بل": true, "لكن": true, "ولكن": true,
	"وهو": true, "وهي": true, "الا": true, "فقط": true, "جاء": true, "وجاء": true, "ذلك": true,
}

// isPrepositionPronoun says whether n is a preposition with a pronoun
// suffix (`فيها`, `له`, `عنه`, `معهم`): never a subject.
func isPrepositionPronoun(n string) bool {
	for _, p := range []string{"في", "عن", "من", "علي", "الي", "مع", "ل", "ب", "لدي", "عند", "امام", "به", "بها"} {
		rest, ok := strings.CutPrefix(n, p)
		if !ok {
			continue
		}
		switch rest {
		case "", "ه", "ها", "هم", "هما", "هن", "نا", "ي", "ك", "كم", "يه", "يها", "يهم", "ني":
			return true
		}
	}
	return false
}

// speakerNoun looks a token up as a title or group noun, also behind the
// proclitics a source phrase puts on it (`لوكالة`, `للمرصد`).
func (v *view) speakerNoun(n string, source bool) (personal, ok bool) {
	if p, ok := lex.speakerNouns[n]; ok {
		return p, true
	}
	if source && strings.HasPrefix(n, "ل") {
		rest := n[len("ل"):]
		if p, ok := lex.speakerNouns[rest]; ok {
			return p, true
		}
		if p, ok := lex.speakerNouns["ا"+rest]; ok { // للمرصد = ل + المرصد
			return p, true
		}
	}
	return false, false
}

// entitySubject is the subject starting with entity e at token k; a place
// or an institution followed closely by a person's name gives way to it
// (`وزير خارجية روسيا سيرغي لافروف`).
func (v *view) entitySubject(k, e, bound int) *subject {
	ent := v.doc.Entities[e]
	if ent.Type != "PER" {
		for j := k + 1; j < bound && j <= k+nameAfterTitle && j < len(v.toks); j++ {
			if f := v.entAt[j]; f >= 0 && f != e && v.doc.Entities[f].Type == "PER" {
				return v.entitySpanSubject(j, f)
			}
			if lex.preposition[v.norm(j)] && v.norm(j) != "ل" || v.isSentenceEnd(j) {
				break
			}
		}
	}
	return v.entitySpanSubject(k, e)
}

func (v *view) entitySpanSubject(k, e int) *subject {
	end := k + 1
	for end < len(v.toks) && v.entAt[end] == e {
		end++
	}
	return &subject{start: k, end: end, entity: e, personal: v.doc.Entities[e].Type == "PER", sent: v.sentOf[k]}
}

// titleSubject is the subject headed by a title or group noun at token k:
// the name after it when there is one close by, else the noun phrase.
func (v *view) titleSubject(k int, personal bool, bound int) *subject {
	end := k + 1
	hn := strings.TrimPrefix(v.norm(k), "و")
	definiteHead := strings.HasPrefix(hn, "ال") && !personal
	for j := k + 1; j < bound && j <= k+nameAfterTitle && j < len(v.toks); j++ {
		if e := v.entAt[j]; e >= 0 {
			t := v.doc.Entities[e].Type
			if t == "PER" || (!personal && t == "ORG") {
				return v.entitySpanSubject(j, e)
			}
			end = j + 1
			continue
		}
		if pi, ok := v.pairAt[j]; ok && j == end && v.words(j+1, v.pairs[pi].close) <= 6 {
			// `صحيفة "وول ستريت جورنال"`: a quoted name is part of the phrase
			end = v.pairs[pi].close + 1
			j = v.pairs[pi].close
			continue
		}
		n := v.norm(j)
		if (n == "في" || n == "من") && !personal && j == end && j+1 < bound && v.entAt[j+1] >= 0 && v.doc.Entities[v.entAt[j+1]].Type == "LOC" {
			// `مصادر في صنعاء`, `مسؤولون من العراق`: placed by a town or
			// country, the phrase ends with the place
			e := v.entAt[j+1]
			end = j + 2
			for end < len(v.toks) && v.entAt[end] == e {
				end++
			}
			break
		}
		if v.isPunct(j) || lex.complementizer[n] || (lex.preposition[n] && n != "باسم") || v.inTmx[j] {
			break
		}
		if r := []rune(n); n != "باسم" && len(r) >= 5 && (r[0] == 'ب' || r[0] == 'ل') && !strings.HasPrefix(n, "لل") {
			break // `لمقاطعة`, `بالعربية`: a prepositional phrase after the head
		}
		if _, _, ok := v.cueAt(j); ok {
			break
		}
		if len([]rune(n)) == 1 {
			break // `بـ`, `لـ` cut off their noun
		}
		if functionWords[n] || v.toks[j].Kind == khabar.KindNumber {
			break // `البيان الذي`, `السلطات 435`
		}
		if definiteHead && (v.isVerb(j) || !adjectival(strings.TrimPrefix(n, "و")) && !v.isAdj(j)) {
			break // `وستقيم المنظمة الوضع وتدرس`, `ونشرت الفريق صورة`: its object, not a modifier
		}
		if personal && j >= k+2 && strings.HasPrefix(n, "ال") && strings.HasPrefix(v.norm(j-1), "ال") && !adjectival(n) && !v.isAdj(j) {
			break // `ووصف رئيس الوزراء الحادث`: after the title's genitive, a noun is the verb's object
		}
		end = j + 1
	}
	if personal {
		// the name in apposition further on (`السيناتور الجمهوري، ليندسي
		// غراهام`, `الرئيس التنفيذي لشركة المشروعات السياحية في الكويت عبد
		// الوهاب المرزوق`), before the verb's content starts
		if s := v.appositionName(end, max(bound, v.wideBound)); s != nil {
			return s
		}
	}
	// keep the head and its close modifiers only (`المتحدث`, `هذه الفصائل`,
	// `منظمة أطباء بلا حدود`)
	for end > k+1 && v.words(k, end) > 4 {
		end--
	}
	for end > k+1 && v.isPunct(end-1) {
		if _, c, _ := v.quoteMark(end - 1); c && end-2 > k {
			if o, _, _ := v.quoteMark(end - 2); !o {
				break // a quoted name's closing mark stays
			}
		}
		end--
	}
	if !personal && !v.resolving && end > k+1 && end-k <= 3 && statementHead[hn] && v.entAt[k+1] < 0 {
		// `وأوضح التقرير الحقوقي` after `ذكر تقرير منظمة نهضة وطن`: the
		// report told before, and its issuer
		v.resolving = true
		a := v.groupAntecedent(k)
		if a != nil {
			if iss := v.statementFrom(a.start, min(len(v.toks), a.start+8)); iss != nil {
				a = iss
			}
			a.sent = v.sentOf[k]
		}
		v.resolving = false
		if a != nil {
			return a
		}
	}
	if end > k+1 && !personal && !v.resolving && orgNouns[strings.TrimPrefix(v.norm(k), "و")] && v.onlyAdjectives(k+1, end) {
		// `ويقول المصنع الامريكي ان` after `بين ايرباص وبوينغ`: a described
		// organisation noun with no name of its own is the nearest
		// organisation named before
		if a := v.nearestOrg(k); a != nil {
			return a
		}
	}
	if end == k+1 && !personal && !v.resolving {
		v.resolving = true
		a := v.groupAntecedent(k)
		if a != nil {
			// `وجاء في البيان` after `في بيان صادر عن المركز الوطني للكتاب`:
			// a statement speaks for its issuer
			if iss := v.statementFrom(a.start, min(len(v.toks), a.start+8)); iss != nil {
				a = iss
				a.sent = v.sentOf[k]
			} else if statementHead[hn] {
				// `كما جاء في البيان` after `اعلن الاتحاد التونسي ... في
				// بيان`: whoever announced it in that statement
				if g := v.statementVerbSubject(a.start); g != nil {
					a = g
					a.sent = v.sentOf[k]
				}
			}
		}
		v.resolving = false
		if a != nil {
			return a
		}
		if orgNouns[strings.TrimPrefix(v.norm(k), "و")] {
			// `وذكرت المنظمة` after `الانتربول الدولي`: the nearest
			// organisation named before
			if a := v.nearestOrg(k); a != nil {
				return a
			}
		}
		if n := strings.TrimPrefix(v.norm(k), "و"); (n == "المصدر" || n == "البيان") && v.lastSubject != nil && v.sentOf[k]-v.lastSubject.sent <= 3 {
			// `وقال قائد عسكري ان ... واوضح المصدر ان`: the source just
			// quoted; `وقالت الوزارة في بيان ... واضاف البيان`: its issuer
			r := *v.lastSubject
			return &r
		}
	}
	return &subject{start: k, end: end, entity: -1, personal: personal, sent: v.sentOf[k]}
}

// indefiniteNoun says whether token k is an indefinite noun (the head a
// relative verb without a relative pronoun describes: `صورة قال انها`).
func (v *view) indefiniteNoun(k int) bool {
	if v.entAt[k] >= 0 || strings.HasPrefix(v.norm(k), "ال") || strings.HasPrefix(v.norm(k), "وال") {
		return false
	}
	segs := v.toks[k].Segments
	return len(segs) == 1 && segs[0].POS == "NOUN"
}

// openingSubject is the subject of the verb the sentence of token i opens
// with, past a dateline, when that verb is no reporting verb and comes
// before i; nil otherwise.
func (v *view) openingSubject(i int) *subject {
	for k := v.sentLo[v.sentOf[i]]; k < i; k++ {
		if !v.opensSentence(k) {
			return nil
		}
		if v.isPunct(k) || !v.isVerb(k) || v.entAt[k] >= 0 {
			continue
		}
		if _, _, ok := v.cueAt(k); ok {
			return nil
		}
		return v.subjectAfter(k, min(i, k+1+subjectWindow), false)
	}
	return nil
}

// statementBefore is the issuer of the nearest statement noun before the
// cue at i in its sentence or the one before (`جاء ذلك في تغريدة لفريق
// التواصل ... وجاء فيها`), or nil.
func (v *view) statementBefore(i int) *subject {
	lo := v.sentLo[max(0, v.sentOf[i]-1)]
	for k := i - 1; k >= lo; k-- {
		n := strings.TrimPrefix(strings.TrimPrefix(v.norm(k), "و"), "في")
		n = strings.TrimPrefix(n, "ب")
		switch n {
		case "بيان", "تقرير", "رساله", "تغريده":
		default:
			continue
		}
		if s := v.statementFrom(k, min(len(v.toks), k+8)); s != nil {
			return s
		}
		return v.statementVerbSubject(k)
	}
	return nil
}

// statementVerbSubject is the subject of the verb a statement at token m
// was issued with (`اعلن الاتحاد التونسي لكرة القدم مساء السبت في بيان`):
// m after في, the nearest verb before it in its sentence; nil if none.
func (v *view) statementVerbSubject(m int) *subject {
	if m < 2 || v.norm(m-1) != "في" {
		return nil
	}
	for k := m - 2; k >= v.sentLo[v.sentOf[m]]; k-- {
		if _, _, ok := v.cueAt(k); ok || v.isVerb(k) {
			return v.subjectAfter(k, m-1, false)
		}
	}
	return nil
}

// verbSubject is the subject right after the verb at k (past a pronoun
// object with a preposition, `رد عليه`), before bound: a person or
// organisation named as no prepositional object, or a personal title; nil
// if none.
func (v *view) verbSubject(k, bound int) *subject {
	j := k + 1
	for j < bound && isPrepositionPronoun(v.norm(j)) {
		j++
	}
	if j >= bound {
		return nil
	}
	if e := v.entAt[j]; e >= 0 {
		if t := v.doc.Entities[e].Type; (t == "PER" || t == "ORG") && !v.afterPreposition(j, e) {
			return v.entitySubject(j, e, bound)
		}
		return nil
	}
	if personal, ok := lex.speakerNouns[strings.TrimPrefix(v.norm(j), "و")]; ok && personal {
		return v.titleSubject(j, true, bound)
	}
	if personal, ok := v.speakerNoun(v.norm(j), false); ok && !personal && strings.HasPrefix(v.norm(j), "ال") && v.opensSentence(k) {
		// `موسكو (CNN)-- رفضت السلطات الروسية ... الاتهامات، معتبرة
		// انها`: the body the sentence's opening verb has as subject
		return v.titleSubject(j, false, bound)
	}
	return nil
}

// opensSentence says whether token k is the first word of its sentence
// past a dateline (`موسكو، روسيا (CNN)--`) and punctuation.
func (v *view) opensSentence(k int) bool {
	for j := v.sentLo[v.sentOf[k]]; j < k; j++ {
		if v.isPunct(j) || v.toks[j].Kind != khabar.KindWord {
			continue
		}
		if e := v.entAt[j]; e >= 0 && v.doc.Entities[e].Type == "LOC" {
			continue
		}
		if t := v.toks[j].Text; t != "" && t[0] < 0x80 {
			continue // `(CNN)`
		}
		return false
	}
	return true
}

// asReported, folded, introduce a cue after its content whose dropped
// subject is the content clause's (`، كما افاد`).
var asReported = map[string]bool{"كما": true, "حسبما": true, "مثلما": true, "وفقما": true}

// pairCloseOK says whether token j closes a quotation pair.
func (v *view) pairCloseOK(j int) bool {
	_, ok := v.pairCloseAt(j)
	return ok
}

// onlyAdjectives says whether the tokens [lo, hi) are all definite
// adjectives (`الامريكي`, `الدولية`): no name, no genitive.
func (v *view) onlyAdjectives(lo, hi int) bool {
	for j := lo; j < hi; j++ {
		if v.entAt[j] >= 0 || !adjectival(v.norm(j)) {
			return false
		}
	}
	return lo < hi
}

// statementHead, folded, are the definite nouns of a statement or report,
// which a text names again with an adjective (`التقرير الحقوقي`).
var statementHead = map[string]bool{"البيان": true, "التقرير": true}

// adjectival says whether a folded word after a definite group noun can
// modify it or be joined to it: a definite adjective or a noun of the same
// kind (`المتحدة`, `الحقوقية`, `العليا`, `الحالي`, `والمعارضة`), not a
// definite noun that is the verb's object (`الوضع`).
func adjectival(n string) bool {
	if !strings.HasPrefix(n, "ال") {
		return false
	}
	for _, e := range []string{"ي", "ه", "ا", "ين", "ون"} {
		if strings.HasSuffix(n, e) {
			return true
		}
	}
	return false
}

// orgNouns are the bare group nouns that stand for an organisation named
// before, folded with the match normaliser as the tokens' Norm is.
var orgNouns = func() map[string]bool {
	m := normalize.Match()
	out := map[string]bool{}
	for _, w := range []string{"المنظمة", "الوكالة", "الشركة", "الصحيفة", "الحركة", "الجماعة", "الهيئة",
		"اللجنة", "المجلس", "الوزارة", "القناة", "الشبكة", "المجلة", "الإذاعة", "المركز", "الحزب",
		"المصنع", "المجموعة"} {
		out[m.String(w)] = true
	}
	return out
}()

// nearestOrg is the nearest organisation entity before token k, outside
// quotations and at most three sentences back, or nil.
func (v *view) nearestOrg(k int) *subject {
	for m := k - 1; m >= 0 && v.sentOf[k]-v.sentOf[m] <= 3; m-- {
		if pi, ok := v.pairCloseAt(m); ok && v.words(v.pairs[pi].open+1, m) > 3 {
			m = v.pairs[pi].open
			continue
		}
		if e := v.entAt[m]; e >= 0 && v.doc.Entities[e].Type == "ORG" {
			s := v.entitySpanSubject(m, e)
			for s.start > 0 && v.entAt[s.start-1] == e {
				s.start--
			}
			s.sent = v.sentOf[k]
			return s
		}
	}
	return nil
}

// appositionName finds a person's name in [from, bound) after a title:
// past commas, modifiers and a prepositional phrase naming the office, up
// to the verb's content, another verb, or a phrase naming someone else
// (`لنظيره`, `مع`).
func (v *view) appositionName(from, bound int) *subject {
	for j := from; j < bound && j < len(v.toks) && j < from+appositionWindow; j++ {
		if e := v.entAt[j]; e >= 0 {
			if v.doc.Entities[e].Type == "PER" {
				if v.afterPreposition(j, e) {
					return nil
				}
				return v.entitySpanSubject(j, e)
			}
			continue
		}
		n := v.norm(j)
		if v.isSentenceEnd(j) || v.toks[j].Text == ":" || lex.complementizer[n] || v.inTmx[j] {
			return nil
		}
		if _, _, ok := v.cueAt(j); ok {
			return nil
		}
		if pi, ok := v.pairAt[j]; ok && v.words(j+1, v.pairs[pi].close) > 3 {
			return nil
		}
		switch n {
		case "مع", "عن", "امام", "لدي", "الي", "بين", "ضد":
			return nil
		}
		if t := v.toks[j].Text; len([]rune(n)) >= 4 && (strings.HasPrefix(n, "ل") || strings.HasPrefix(n, "ب")) &&
			(strings.HasSuffix(t, "ه") || strings.HasSuffix(t, "ها") || strings.HasSuffix(t, "هم")) {
			return nil // `لنظيره`, `بمضيفه`: someone else
		}
		if functionWords[n] {
			return nil
		}
		if s := v.bareName(j); s != nil {
			return s
		}
	}
	return nil
}

// bareName finds, at the comma or quotation mark at j, a name the entity
// layer missed in apposition to a title (`المتحدث باسم الجيش الاسرائيلي،
// افيخاي ادرعي،`, `العميد "احمد المسماري"`): two or three words, the
// first with no article (`المسماري` may end it), no function word and no
// verb, closed by a comma, a full stop or the closing mark.
func (v *view) bareName(j int) *subject {
	t := v.toks[j].Text
	quoted := false
	switch {
	case t == "،" || t == ",":
	case isOpenQuote(t):
		quoted = true
	default:
		return nil
	}
	k := j + 1
	for k < len(v.toks) && k <= j+3 && v.toks[k].Kind == khabar.KindWord && v.entAt[k] < 0 {
		n := v.norm(k)
		if (k == j+1 && strings.HasPrefix(n, "ال")) || functionWords[n] || lex.complementizer[n] || lex.preposition[n] || len([]rune(n)) < 3 || v.inTmx[k] {
			return nil
		}
		if _, _, ok := v.cueAt(k); ok {
			return nil
		}
		if v.isVerb(k) || v.isAdj(k) {
			return nil
		}
		k++
	}
	if k-(j+1) < 2 || k >= len(v.toks) {
		return nil
	}
	end := v.toks[k].Text
	if quoted {
		if !isCloseQuote(end) {
			return nil
		}
	} else if end != "،" && end != "," && end != "." {
		return nil
	}
	return &subject{start: j + 1, end: k, entity: -1, personal: true, sent: v.sentOf[j]}
}

func isOpenQuote(s string) bool  { return s == "\"" || s == "«" || s == "“" }
func isCloseQuote(s string) bool { return s == "\"" || s == "»" || s == "”" }

// groupAntecedent resolves a bare definite group noun (`الصحيفة`,
// `الوزارة`, `المنظمة`) to the fuller mention of the same noun earlier in
// the article (`صحيفة وول ستريت جورنال`, `وزارة الدفاع`, `منظمة اطباء بلا
// حدود`), or nil.
func (v *view) groupAntecedent(k int) *subject {
	head := v.norm(k)
	if strings.HasPrefix(head, "و") {
		head = head[len("و"):]
	}
	bare, ok := strings.CutPrefix(head, "ال")
	if !ok || len([]rune(bare)) < 3 {
		return nil
	}
	for m := k - 1; m >= 0 && m >= k-antecedentWindow; m-- {
		n := v.norm(m)
		for _, p := range []string{"و", "ل", "ب"} {
			if r, ok := strings.CutPrefix(n, p); ok && (r == bare || r == head) {
				n = r
			}
		}
		if n != bare && n != head {
			continue
		}
		placed := m+2 < len(v.toks) && (v.norm(m+1) == "في" || v.norm(m+1) == "من") && v.entAt[m+2] >= 0 && v.doc.Entities[v.entAt[m+2]].Type == "LOC"
		if m+1 >= len(v.toks) || lex.preposition[v.norm(m+1)] && !placed || lex.complementizer[v.norm(m+1)] {
			continue // the bare noun again: no fuller mention here
		}
		if _, quoted := v.pairAt[m+1]; v.isPunct(m+1) && !quoted {
			continue // `صحيفة "كاثيميريني"` goes on with a quoted name
		}
		if m > 0 && mention.IsTitle(v.norm(m-1)) {
			continue // `الناطق باسم الحكومة مصطفى الخلفي`: an office, not the group
		}
		a := v.titleSubject(m, false, min(len(v.toks), m+5))
		if statementHead[head] && a.entity >= 0 && v.doc.Entities[a.entity].Type == "PER" {
			// `في بيان تعيين فوزي البنزرتي`: the statement, not whom it names
			a = &subject{start: m, end: m + 1, entity: -1, sent: v.sentOf[m]}
			a.sent = v.sentOf[k]
			return a
		}
		if a.end-a.start < 2 && a.entity < 0 && a.end+1 < len(v.toks) && (v.norm(a.end) == "في" || v.norm(a.end) == "من") {
			// `وأوضحت مصادر في صنعاء ... وأضافت المصادر`: a source placed
			// by a town is as full a mention as one with an adjective
			if e := v.entAt[a.end+1]; e >= 0 && v.doc.Entities[e].Type == "LOC" {
				end := a.end + 2
				for end < len(v.toks) && v.entAt[end] == e {
					end++
				}
				a.end = end
			}
		}
		if a.end-a.start < 2 && a.entity < 0 {
			continue
		}
		a.sent = v.sentOf[k]
		return a
	}
	return nil
}

// subjectBefore looks for a subject just before the verb at i (`ولكن
// المتحدث اقر`, `كيربي قال`), past a conjunction.
func (v *view) subjectBefore(i int) *subject {
	k := i - 1
	for k >= 0 {
		switch v.norm(k) {
		case "لكن", "ولكن", "وقد", "قد", "كما", "فيما", "بينما":
			k--
			continue
		}
		break
	}
	if k < 0 || v.sentOf[k] != v.sentOf[i] {
		return nil
	}
	if s := v.subjectAfterKana(i); s != nil {
		return s
	}
	if s := v.subjectAfterAmma(i); s != nil {
		return s
	}
	if s := v.relativeHead(i); s != nil {
		return s
	}
	if e := v.entAt[k]; e >= 0 && !v.afterPreposition(k, e) {
		start := k
		for start > 0 && v.entAt[start-1] == e {
			start--
		}
		return &subject{start: start, end: k + 1, entity: e, personal: v.doc.Entities[e].Type == "PER", sent: v.sentOf[k]}
	}
	n := v.norm(k)
	if strings.HasPrefix(n, "و") {
		n = n[len("و"):]
	}
	if personal, ok := lex.speakerNouns[n]; ok {
		start := k
		if k > 0 && lex.demonstrative[v.norm(k-1)] {
			start = k - 1
		}
		return &subject{start: start, end: k + 1, entity: -1, personal: personal, sent: v.sentOf[k]}
	}
	// a short noun phrase opening the sentence (`ولكن النائب العام
	// البحريني قال`): subject-verb order
	lo := v.sentLo[v.sentOf[i]]
	for c := k; c > lo && c >= k-5; c-- {
		if n := v.norm(c); n == "ان" || n == "بان" || n == "لكن" || n == "ولكن" {
			// `...، وحتى ان وسائل الاعلام الاسبانية اشارت الى`: the noun
			// phrase after ان is the subject of the verb after it
			lo = c + 1
			break
		}
	}
	for lo < i {
		switch v.norm(lo) {
		case "لكن", "ولكن", "و", "ثم", "فيما", "بينما":
			lo++
			continue
		}
		break
	}
	if lo < k+1 && v.opensNounPhrase(lo) {
		marks := 0
		for j := lo; j <= k; j++ {
			if _, ok := v.pairAt[j]; ok || v.pairCloseOK(j) {
				marks++ // `صحيفة "ماركا" الرياضية اشارت`: a quoted name in the phrase
				continue
			}
			if !v.opensNounPhrase(j) && v.entAt[j] < 0 {
				return nil
			}
		}
		if k+1-lo-marks > 4 {
			return nil
		}
		n := v.norm(lo)
		if strings.HasPrefix(n, "و") {
			n = n[len("و"):]
		}
		return &subject{start: lo, end: k + 1, entity: -1, personal: lex.speakerNouns[n], sent: v.sentOf[lo]}
	}
	return nil
}

// afterPreposition says whether the entity e ending at token k is the
// object of a preposition (`على تويتر`, `بموسكو`), not a subject.
func (v *view) afterPreposition(k, e int) bool {
	start := k
	for start > 0 && v.entAt[start-1] == e {
		start--
	}
	ent := v.doc.Entities[e]
	if ent.Start > v.toks[start].Start {
		if p := v.runes[v.toks[start].Start:min(ent.Start, len(v.runes))]; len(p) > 0 {
			last := p[len(p)-1]
			if last == 'ب' || last == 'ل' {
				return true
			}
		}
	}
	return start > 0 && lex.preposition[v.norm(start-1)]
}

// relativeHead finds the subject of a verb in a relative clause (`من قبل
// واشنطن، التي كانت قد رأت ان`): the name the relative pronoun follows.
func (v *view) relativeHead(i int) *subject {
	k := i - 1
	for k > 0 {
		switch v.norm(k) {
		case "قد", "كان", "كانت", "كانوا":
			k--
			continue
		}
		break
	}
	if k <= 0 {
		return nil
	}
	if n := v.norm(k); n != "التي" && n != "الذي" && n != "الذين" {
		return nil
	}
	k--
	if k > 0 && v.isComma(k) {
		k--
	}
	if e := v.entAt[k]; e >= 0 && v.doc.Entities[e].Type != "MISC" {
		start := k
		for start > 0 && v.entAt[start-1] == e {
			start--
		}
		return &subject{start: start, end: k + 1, entity: e, personal: v.doc.Entities[e].Type == "PER", sent: v.sentOf[k]}
	}
	for m := k; m >= 0 && m > k-3; m-- {
		// `حوارها مع مسؤول امني، الذي قال ان`
		if personal, ok := lex.speakerNouns[strings.TrimPrefix(v.norm(m), "و")]; ok {
			return &subject{start: m, end: k + 1, entity: -1, personal: personal, sent: v.sentOf[m]}
		}
	}
	return nil
}

// subjectAfterAmma finds the topic of `اما وكالة "اسنا" فقالت`: the
// mention between اما and a verb with the proclitic ف.
func (v *view) subjectAfterAmma(i int) *subject {
	lo := v.sentLo[v.sentOf[i]]
	if !strings.HasPrefix(v.toks[i].Text, "ف") || i-lo < 2 || i-lo > 16 {
		return nil
	}
	m := lo
	if v.isComma(m) {
		m++
	}
	if n := v.norm(m); n != "اما" && n != "واما" {
		return nil
	}
	k := m + 1
	if e := v.entAt[k]; e >= 0 {
		return v.entitySubject(k, e, i)
	}
	if personal, ok := lex.speakerNouns[v.norm(k)]; ok {
		return v.titleSubject(k, personal, i)
	}
	if v.opensNounPhrase(k) {
		return v.titleSubject(k, false, i)
	}
	return nil
}

// subjectAfterKana finds the subject of `وكان X قد اكد ان` / `وكانت
// الوزارة اعلنت`: the words between a form of كان and the verb.
func (v *view) subjectAfterKana(i int) *subject {
	lo := v.sentLo[v.sentOf[i]]
	for m := i - 1; m >= lo && m >= i-7; m-- {
		switch v.norm(m) {
		case "كان", "وكان", "كانت", "وكانت", "كانوا", "وكانوا":
		default:
			continue
		}
		end := i
		if end-1 > m && (v.norm(end-1) == "قد") {
			end--
		}
		if end <= m+1 {
			return nil
		}
		if v.entAt[m+1] < 0 && !lex.speakerNouns[v.norm(m+1)] && v.opensNounPhrase(m+1) && end-m-1 <= 5 {
			// `وكان والد الشابة سبيكة شيخ اعلن`: the name is not the subject
			return &subject{start: m + 1, end: end, entity: -1, sent: v.sentOf[m+1]}
		}
		for k := m + 1; k < end; k++ {
			if e := v.entAt[k]; e >= 0 {
				return v.entitySubject(k, e, end)
			}
		}
		if v.opensNounPhrase(m+1) || lex.speakerNouns[v.norm(m+1)] {
			personal := lex.speakerNouns[v.norm(m+1)]
			return &subject{start: m + 1, end: min(end, m+4), entity: -1, personal: personal, sent: v.sentOf[m+1]}
		}
		return nil
	}
	return nil
}

// speakerOf turns a subject into the contract's speaker.
func (v *view) speakerOf(s *subject) *khabar.Speaker {
	if s == nil {
		return nil
	}
	start, end := v.toks[s.start].Start, v.toks[s.end-1].End
	ent := ""
	if s.entity >= 0 {
		e := v.doc.Entities[s.entity]
		ent = e.ID
		// a mention that is the entity itself: use the name's own span,
		// without the proclitics of the token
		if v.entAt[s.start] == s.entity {
			start, end = e.Start, e.End
		}
	}
	if start < 0 || end > len(v.runes) || start >= end {
		return nil
	}
	for end > start+1 && strings.ContainsRune("،,.:؛", v.runes[end-1]) {
		end-- // `الرئاسة السودانية،`: no punctuation at the end
	}
	if ent == "" && start == v.toks[s.start].Start {
		// a proclitic ل on a source (`لوكالة ميزان`)
		if n := v.norm(s.start); strings.HasPrefix(n, "ل") {
			rest := n[len("ل"):]
			if _, ok := lex.speakerNouns[rest]; ok {
				start++
			} else if _, ok := lex.speakerNouns["ا"+rest]; ok {
				start++
			} else if strings.HasPrefix(n, "لل") {
				start++
			}
		}
	}
	if ent == "" {
		// strip a proclitic و from a noun phrase (`والرئيس`)
		if n := v.norm(s.start); strings.HasPrefix(n, "و") && !strings.HasPrefix(v.toks[s.start].Text, "وزير") {
			if _, ok := lex.speakerNouns[n[len("و"):]]; ok {
				start++
			}
		}
	}
	return &khabar.Speaker{Start: start, End: end, Text: string(v.runes[start:end]), Entity: ent}
}

// cueSpan is the span of tokens [lo, hi), less pre proclitic runes.
func (v *view) cueSpan(lo, hi, pre int) *khabar.Span {
	start, end := v.toks[lo].Start+pre, v.toks[hi-1].End
	if start < 0 || end > len(v.runes) || start >= end {
		return nil
	}
	return &khabar.Span{Start: start, End: end, Text: string(v.runes[start:end])}
}

func (v *view) addDirect(p *pair, subj *subject, cue *khabar.Span) {
	v.add(p.open+1, p.close, true, v.speakerOf(subj), cue)
}

func (v *view) addIndirect(lo, hi int, subj *subject, cue *khabar.Span) {
	v.add(lo, hi, false, v.speakerOf(subj), cue)
}

// add records the quote over tokens [lo, hi).
func (v *view) add(lo, hi int, direct bool, sp *khabar.Speaker, cue *khabar.Span) {
	if lo >= hi || lo < 0 || hi > len(v.toks) {
		return
	}
	if sp == nil {
		// no cue named one: the one who spoke in the last two sentences
		// goes on (a quotation standing alone after speech)
		if s := v.previousSubject(lo, false); s != nil && v.sentOf[lo]-s.sent <= 2 {
			sp = v.speakerOf(s)
		}
	}
	start, end := v.toks[lo].Start, v.toks[hi-1].End
	if start < 0 || end > len(v.runes) || start >= end {
		return
	}
	v.coveredTo = max(v.coveredTo, hi)
	v.quotes = append(v.quotes, khabar.Quote{
		Start: start, End: end, Text: string(v.runes[start:end]),
		Direct: direct, Speaker: sp, Cue: cue,
	})
}

// finish orders the quotes, drops any that overlap an earlier-found one and
// numbers them.
func (v *view) finish() {
	// earlier-found quotes win an overlap: they come from the stronger rules
	kept := make([]khabar.Quote, 0, len(v.quotes))
	for _, q := range v.quotes {
		clash := false
		for _, k := range kept {
			if q.Start < k.End && k.Start < q.End {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, q)
		}
	}
	sort.Slice(kept, func(a, b int) bool { return kept[a].Start < kept[b].Start })
	for i := range kept {
		kept[i].ID = "q" + strconv.Itoa(i+1)
	}
	v.doc.Quotes = kept
}

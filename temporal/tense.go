package temporal

import (
	"sort"
	"strings"
)

// Tense of the verb that governs a bare weekday. News uses a weekday after a
// past-tense verb for the last such day (اعلنت الفصائل الخميس) and after a
// future or imperfect verb for the next one (يبحث ... الثلثاء, سيزور ...
// الاثنين). The verb is found from surface forms, with the UPOS tags of a
// morphology stage when the document has them.
const (
	past   = -1
	future = 1
)

// tense looks back from unit i, within its sentence, for the nearest verb,
// then forward a few units when none precedes; unknown defaults to past,
// the common case in news.
func (m *matcher) tense(i int) int {
	if t := m.verbTenseNear(i); t != 0 {
		return t
	}
	return past
}

// verbTenseNear is tense without the default: 0 when no verb is found.
func (m *matcher) verbTenseNear(i int) int {
	// بدءا من الأحد, اعتبارا من الاثنين: from then on
	if i > 1 && m.is(i-1, "من") && m.is(i-2, "بدءا", "ابتداء", "اعتبارا", "بداءا", "ابتداءا") {
		return future
	}
	for k := i - 1; k >= 0 && m.sameSent(k, i) && i-k <= 25; k-- {
		t := m.verbTense(k)
		if t == future && m.subjunctive(k) {
			// قبل أن يستأنف, بعد أن يصل: the tense is the main verb's
			for k2 := k - 2; k2 >= 0 && m.sameSent(k2, i) && k-k2 <= 16; k2-- {
				if modalVerbs[m.us[k2].norm] {
					return future // يجب أن يقدم
				}
				if t2 := m.verbTense(k2); t2 != 0 {
					return t2
				}
			}
			return t
		}
		if t == past && m.conditional(k) {
			return future // إذا فاز ... يوم الأحد
		}
		if t != 0 {
			return t
		}
	}
	for k := i + 1; k < len(m.us) && m.sameSent(k, i) && k-i <= 4; k++ {
		if t := m.verbTense(k); t != 0 {
			return t
		}
	}
	return 0
}

// futureCues are words that make what follows planned: المقرر, المتوقع ...
var futureCues = map[string]bool{
	"سوف": true, "المقرر": true, "المنتظر": true, "المتوقع": true, "المرتقب": true, "المزمع": true,
	"مقرر": true, "مقررا": true, "لن": true, "غدا": true,
}

// pastVerbs are frequent perfective verbs of news copy (match-normalised,
// without و/ف), including some that the suffix rules miss.
var pastVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`قال اعلن اكد ذكر اضاف اوضح افاد اشار كشف اعتبر صرح نفي دعا بحث التقي استقبل زار وصل غادر عقد
اجتمع شارك وقع قتل اصيب سقط شهد بدا انطلق جري تم فاز خسر تعادل سجل انتهي انهي اختتم افتتح كان اصدر نشر نقل طالب
رفض قرر وافق تسلم سلم ادي اجري توجه عاد حقق ضرب هاجم استهدف شن فجر اطلق اعتقل اوقف ارتفع انخفض تراجع صعد هبط بلغ
سجلت حذر رحب ندد انتقد طلب اتهم ابلغ اعرب ناقش تناول وصف رد ساد عين اقال استقال توفي مات ولد فقد اكتسح هزم تغلب
احتفل حضر قدم اختار ظهر غرد كتب اقر اصر جدد عبر لفت نوه شدد تحدث توقع امر اعاد اتفق ابرم منح حصل قام انعقد جرت
اعلنت قالت اكدت ذكرت اضافت اوضحت افادت اشارت كشفت كانت شهدت عقدت بدات انطلقت جاءت جاء وقعت اصدرت نشرت
القي افرج احتجز اعدم اغتيل عثر`) {
		pastVerbs[w] = true
	}
}

// nounsLikeVerbs are frequent words that the prefix rules would take for
// imperfect or future verbs.
var nounsLikeVerbs = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`يوم يونيو يوليو يناير يوليه يونيه يورو يهود يد يسار يمين يوسف ياسر يحيي يونس يعقوب يزيد
تنظيم ترامب تيريزا توني تركيا تونس تامر توفيق تركي تيار تاريخ تقرير تعزيز تعاون توتر تطوير تحقيق تصريح تصريحات تعليق
تحالف تصعيد تقديم توقيع تنفيذ تفجير تدريب تسليم تعديل تحرير تنسيق تدخل تهديد تهديدات تمويل تعيين تحديد تشكيل توقيت
ترشيح تسويه تحرك تحركات تجاره تجربه تغيير تقدم تلفزيون تويتر توتنهام تشيلسي تل تموز تشرين
سياسه سيارات سياره سيطره سيده سيدات سنه سنوات ساعه ساعات سابق ستين سته سبعه سبعين سيرغي سيول سينما سيناء سيناريو سيف سيسي
نيويورك نظام نتايج نحو نسبه نقطه نهايه تولي`) {
		nounsLikeVerbs[w] = true
	}
}

// subjunctive reports whether the verb at k is a bare imperfect after أن.
func (m *matcher) subjunctive(k int) bool {
	w := m.us[k].norm
	return k > 0 && m.is(k-1, "ان", "بان", "لان") && !strings.HasPrefix(w, "س") && !strings.HasPrefix(w, "وس")
}

// neutralVerbs are imperfects of background formulas (يذكر أن, يشار إلى,
// يبدو أن) that do not set the time of what follows.
var neutralVerbs = map[string]bool{
	"يذكر": true, "يشار": true, "يبدو": true, "يعتقد": true, "يقول": true, "تقول": true, "يضيف": true,
	"يعتبر": true, "يعد": true, "تعد": true, "يمكن": true, "يجب": true, "ينبغي": true, "يرجح": true,
	// approximators of an amount: يقارب 35%, يناهز 61 عاما
	"يقارب": true, "تقارب": true, "يناهز": true, "تناهز": true, "يربو": true, "يزيد": true, "تزيد": true, "يتجاوز": true, "تتجاوز": true,
}

// modalVerbs make the subjunctive after them a plan.
var modalVerbs = map[string]bool{"يجب": true, "ينبغي": true, "يتعين": true, "يمكن": true, "عليه": true, "عليهم": true, "يعتزم": true, "تعتزم": true, "يريد": true, "تريد": true}

// verbTense classifies the word at k: past, future (future or imperfect) or 0.
func (m *matcher) verbTense(k int) int {
	if !m.word(k) {
		return 0
	}
	w := m.us[k].norm
	if neutralVerbs[w] || neutralVerbs[strings.TrimPrefix(w, "و")] {
		return 0
	}
	if futureCues[w] || futureCues[strings.TrimPrefix(w, "و")] {
		return future // المقرر, سوف: cues whatever their part of speech
	}
	if t, known := m.tokenTense(k); known {
		return m.adjustByParticle(k, t)
	}
	if c := classifyVerb(w); c != 0 {
		return m.adjustByParticle(k, c)
	}
	// و/ف + verb: only a known verb counts, so that فيلما or فياريال are
	// not taken for imperfects.
	for _, p := range []string{"و", "ف"} {
		if rest, ok := strings.CutPrefix(w, p); ok && len([]rune(rest)) >= 2 {
			if c := knownVerb(rest); c != 0 {
				return m.adjustByParticle(k, c)
			}
		}
	}
	return 0
}

// knownVerb classifies a word only from the verb tables.
func knownVerb(w string) int {
	if nounsLikeVerbs[w] {
		return 0
	}
	if pastVerbs[w] {
		return past
	}
	if a, ok := padtAspect[w]; ok {
		return a
	}
	if rest, ok := strings.CutPrefix(w, "س"); ok {
		if a, ok := padtAspect[rest]; ok && a == future {
			return future
		}
	}
	return 0
}

// adjustByParticle turns لم يعلن into a past and كان (وردة) يتابع into a past.
func (m *matcher) adjustByParticle(k, c int) int {
	if c != future {
		return c
	}
	if k > 0 && m.is(k-1, "لم", "لما") {
		return past
	}
	for j := k - 1; j >= 0 && j >= k-3 && m.sameSent(j, k); j-- {
		if m.isC2(j, "كان", "كانت", "كانوا") {
			return past
		}
	}
	return c
}

//go:generate go run ./internal/genverbs -padt ../../shared/data/padt-upos-mwt/ar_padt-upos-train.conllu -o verbs_padt.go

// padtAspect is padtVerbs as a map: past or future (imperfect).
var padtAspect = map[string]int{}

func init() {
	for _, e := range strings.Fields(padtVerbs) {
		w, a, _ := strings.Cut(e, ":")
		if a == "P" {
			padtAspect[w] = past
		} else {
			padtAspect[w] = future
		}
	}
}

func classifyVerb(w string) int {
	rs := []rune(w)
	n := len(rs)
	if pastVerbs[w] {
		return past // ألقي: a listed verb that looks like an article
	}
	if n < 2 || strings.HasPrefix(w, "ال") || nounsLikeVerbs[w] {
		return 0
	}
	if pastVerbs[w] {
		return past
	}
	if a, ok := padtAspect[w]; ok {
		return a
	}
	if rest, ok := strings.CutPrefix(w, "س"); ok {
		if a, ok := padtAspect[rest]; ok && a == future {
			return future
		}
	}
	// future: س + a known imperfect only (ستريت, سيجال are names)
	if rest, ok := strings.CutPrefix(w, "س"); ok && len([]rune(rest)) >= 3 {
		if a, ok := padtAspect[rest]; ok && a == future {
			return future
		}
	}
	// object pronouns: نشرته, ألقتها
	for _, suf := range []string{"ها", "هم", "ه", "نا"} {
		if stem, ok := strings.CutSuffix(w, suf); ok && len([]rune(stem)) >= 3 {
			if c := knownVerb(stem); c != 0 {
				return c
			}
		}
	}
	// An unknown ي-word of verb size is most likely an imperfect; unknown
	// ت-words are verbal nouns (تأخير) and names (تشلسي) as often as verbs,
	// so they are left alone.
	if n >= 4 && n <= 6 && rs[0] == 'ي' && !strings.HasSuffix(w, "ات") && !strings.HasSuffix(w, "يه") && !strings.HasSuffix(w, "يا") && !strings.ContainsAny(string(rs[1:]), "ڤغ") {
		return future
	}
	// perfective suffixes
	if n >= 4 && (strings.HasSuffix(w, "وا") || strings.HasSuffix(w, "تم") && n >= 5) {
		return past
	}
	if n >= 4 && n <= 6 && strings.HasSuffix(w, "ت") && !strings.HasSuffix(w, "وت") && !strings.HasSuffix(w, "يت") && !strings.HasSuffix(w, "ات") {
		return past
	}
	return 0
}

// tokenTense reads the UPOS of the token covering unit k, when a morphology
// stage has filled it. known is false when the surface rules must decide: no
// tags, or a VERB without aspect features. A token with tags but no VERB/AUX
// segment is no verb, whatever its letters (ستريت, يورغن); a verb with
// Aspect=Perf/Imp features, or after a future particle segment (س), has its
// tense from them.
func (m *matcher) tokenTense(k int) (tense int, known bool) {
	if len(m.tokens) == 0 {
		return 0, false
	}
	u := m.us[k]
	t := sort.Search(len(m.tokens), func(x int) bool { return m.tokens[x].End > u.start })
	if t >= len(m.tokens) || m.tokens[t].Start > u.start {
		return 0, false
	}
	tagged, fut := false, false
	for _, s := range m.tokens[t].Segments {
		if s.POS != "" {
			tagged = true
		}
		if s.Form == "س" || s.Form == "سـ" || s.Lemma == "سوف" {
			fut = true
		}
		if s.POS != "VERB" && s.POS != "AUX" || s.Form == "س" || s.Form == "سـ" {
			continue
		}
		switch {
		case fut || strings.Contains(s.Feats, "Aspect=Imp") || strings.Contains(s.Feats, "Mood="):
			return future, true
		case strings.Contains(s.Feats, "Aspect=Perf"):
			return past, true
		}
		// a verb without aspect features: the surface rules decide (the
		// tagger's VERB is not reliable enough to override them)
		return 0, false
	}
	return 0, tagged
}

// conditional reports whether a perfect verb at k is in a condition (إذا
// فاز), which news uses for what may happen.
func (m *matcher) conditional(k int) bool {
	for j := k - 1; j >= 0 && j >= k-8 && m.sameSent(j, k) && !m.punct(j, "،,.:؛"); j-- {
		if m.is(j, "اذا", "واذا", "حال", "لو") {
			return true
		}
	}
	return false
}

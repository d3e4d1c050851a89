package quote

import (
	"sort"
	"strings"

	"khabar/arabic/normalize"
)

// reportingVerbs lists the reporting verbs by lemma, each with the
// conjugations news prose uses for a third-person speaker (past masculine,
// feminine, plural and dual; imperfect masculine, feminine and plural). The
// forms are written in ordinary spelling and folded with the match
// normaliser at init, as the tokens' Norm is.
var reportingVerbs = map[string][]string{
	"قال":    {"قال", "قالت", "قالوا", "قالا", "قالتا", "يقول", "تقول", "يقولون", "قالته", "قاله", "قوله", "قولها", "قولهم"},
	"أضاف":   {"أضاف", "أضافت", "أضافوا", "يضيف", "تضيف"},
	"أعلن":   {"أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "أعلنه", "أعلنته"},
	"أكد":    {"أكد", "أكدت", "أكدوا", "أكدا", "يؤكد", "تؤكد", "يؤكدون"},
	"أوضح":   {"أوضح", "أوضحت", "أوضحوا", "يوضح", "توضح"},
	"أشار":   {"أشار", "أشارت", "أشاروا", "يشير", "تشير"},
	"ذكر":    {"ذكر", "ذكرت", "ذكروا", "ذكرته", "ذكره"},
	"صرح":    {"صرح", "صرحت", "صرحوا", "يصرح", "تصرح"},
	"اعتبر":  {"اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر"},
	"رأى":    {"رأى", "رأت", "رأوا", "يرى", "ترى"},
	"نفى":    {"نفى", "نفت", "نفوا", "ينفي", "تنفي"},
	"حذر":    {"حذر", "حذرت", "حذروا", "يحذر", "تحذر"},
	"طالب":   {"طالب", "طالبت", "طالبوا", "يطالب", "تطالب"},
	"أقر":    {"أقر", "أقرت", "يقر", "تقر"},
	"ألمح":   {"ألمح", "ألمحت", "يلمح", "تلمح"},
	"شدد":    {"شدد", "شددت", "شددوا", "يشدد", "تشدد"},
	"لفت":    {"لفت", "لفتت"},
	"أفاد":   {"أفاد", "أفادت", "أفادوا", "يفيد", "تفيد"},
	"تابع":   {"تابع", "تابعت"},
	"أردف":   {"أردف", "أردفت"},
	"اعترف":  {"اعترف", "اعترفت", "يعترف", "تعترف"},
	"زعم":    {"زعم", "زعمت", "زعموا", "يزعم", "تزعم"},
	"ادعى":   {"ادعى", "ادعت"},
	"كشف":    {"كشف", "كشفت", "كشفوا", "يكشف", "تكشف"},
	"أبلغ":   {"أبلغ", "أبلغت"},
	"أعرب":   {"أعرب", "أعربت"},
	"توقع":   {"توقع", "توقعت", "يتوقع", "تتوقع"},
	"رجح":    {"رجح", "رجحت", "يرجح", "ترجح"},
	"تعهد":   {"تعهد", "تعهدت", "يتعهد", "تتعهد"},
	"أوصى":   {"أوصى", "أوصت"},
	"اقترح":  {"اقترح", "اقترحت"},
	"أعتقد":  {"يعتقد", "تعتقد"},
	"كتب":    {"كتب", "كتبت"},
	"غرد":    {"غرد", "غردت"},
	"نقل":    {"نقلت", "نقلته", "نقلتها"},
	"أبدى":   {"أبدى", "أبدت"},
	"استبعد": {"استبعد", "استبعدت"},
	"هدد":    {"هدد", "هددت"},
	"دعا":    {"دعا", "دعت"},
	"أمل":    {"أمل", "أملت", "يأمل", "تأمل"},
	"برر":    {"برر", "بررت", "يبرر", "تبرر"},
	"كرر":    {"كرر", "كررت", "يكرر", "تكرر"},
	"أوردت":  {"أورد", "أوردت", "أوردته", "أورده"},
	"بين":    {"بينت"},
	"نبه":    {"نبه", "نبهت"},
	"وصف":    {"وصف", "وصفت", "وصفوا", "يصف", "تصف"},
	"وجد":    {"يجد", "تجد", "يجدون"},
	"جاء":    {"جاء"},
	"اتهم":   {"اتهم", "اتهمت", "اتهموا", "يتهم", "تتهم"},
	"خلص":    {"خلص", "خلصت", "خلصوا"},
	"أظهر":   {"أظهر", "أظهرت", "يظهر", "تظهر"},
	"أصر":    {"أصر", "أصرت", "يصر", "تصر"},
	"شكا":    {"شكا", "شكت", "يشكو", "تشكو"},
	"علق":    {"علق", "علقت"},
	"رد":     {"ردت"},
	"أجاب":   {"أجاب", "أجابت"},
	"توصل":   {"توصلت", "توصل"},
	"نشر":    {"نشرت", "نشرته", "نشره"},
	// active participles that chain a second statement to the first one's
	// speaker (`مضيفا ان`, `قائلا "..."`)
	"قائل":  {"قائلا", "قائلة", "قائلين"},
	"مضيف":  {"مضيفا", "مضيفة", "مضيفين"},
	"مؤكد":  {"مؤكدا", "مؤكدة", "مؤكدين"},
	"مشير":  {"مشيرا", "مشيرة", "مشيرين"},
	"لافت":  {"لافتا", "لافتة"},
	"موضح":  {"موضحا", "موضحة"},
	"معتبر": {"معتبرا", "معتبرة"},
	"مشدد":  {"مشددا", "مشددة"},
	"محذر":  {"محذرا", "محذرة"},
	"متوعد": {"متوعدا", "متوعدة"},
	"مردف":  {"مردفا", "مردفة"},
	"معرب":  {"معربا", "معربة"},
	"منوه":  {"منوها", "منوهة"},
	"مطالب": {"مطالبا", "مطالبة"},
	"معلن":  {"معلنا", "معلنة"},
	"محمل":  {"محملا", "محملة"},
	"متهم":  {"متهما", "متهمة"},
	"أفصح":  {"أفصح", "أفصحت"},
	"أشاد":  {"أشاد", "أشادت"},
	"تساءل": {"تساءل", "تساءلت"},
}

// participles are the lemmas of the active participles above: their
// subject is the main clause's (`ورفض الملقي ...، قائلا ان`).
var participles = []string{"قائل", "مضيف", "مؤكد", "مشير", "لافت", "موضح", "معتبر", "مشدد", "محذر", "متوعد", "مردف", "معرب", "منوه", "مطالب", "معلن", "محمل", "متهم"}

// impersonalCues are cue forms that, directly followed by a complementizer,
// are the impersonal "it is noted that" of news prose, not reported speech.
var impersonalCues = []string{"يذكر", "يشار", "تجدر", "يبدو", "يعتقد", "يتوقع", "يفترض", "يرجح", "ينتظر", "يتعين", "يجب", "يخشى"}

// sourceCues introduce the source of a statement rather than a speaker's
// verb: the speaker follows them (`بحسب وكالة رويترز`). Multi-word cues are
// written with spaces and matched token by token.
var sourceCues = []string{
	"بحسب", "وبحسب", "حسب", "وحسب", "حسبما", "وحسبما", "وفقا", "ووفقا", "طبقا", "وطبقا",
	"نقلا عن", "وفق", "ووفق", "وفقا لما", "ووفقا لما", "طبقا لما", "على حد قول", "وفق ما", "بحسب ما", "حسب ما", "وحسب ما",
}

// complementizers introduce the content of indirect speech.
var complementizers = []string{
	"أن", "أنه", "أنها", "أنهم", "أنهما", "أنهن", "أننا", "أنني", "أني",
	"إن", "إنه", "إنها", "إنهم", "إننا",
	"بأن", "بأنه", "بأنها", "بأنهم", "بأننا", "بأنهما",
	"فإن", "وأن", "وإن",
}

// speakerNouns head a speaker mention that is not a name: a title, an
// office or a group. personal marks those that stand for one person, whose
// antecedent is a PER entity.
var speakerNouns = map[string]bool{
	"المتحدث": true, "المتحدثة": true, "الناطق": true, "الناطقة": true, "الوزير": true, "الوزيرة": true,
	"الرئيس": true, "الرئيسة": true, "المسؤول": true, "المسؤولة": true, "السفير": true, "المبعوث": true,
	"المدير": true, "المدرب": true, "اللاعب": true, "النائب": true, "الأمين": true, "رئيس": true,
	"وزير": true, "وزيرة": true, "مساعد": true, "نائب": true, "قائد": true, "مدير": true,
	"مدرب": true, "سفير": true, "المستشار": true, "الملك": true, "الأمير": true, "الشيخ": true, "الزعيم": true,
	"العاهل": true, "ولي": true, "الجنرال": true, "العقيد": true, "اللواء": true, "الكاتب": true, "الفنان": true,
	"الفنانة": true, "النجم": true, "النجمة": true, "المخرج": true, "الخبير": true, "الباحث": true,
	"المحلل": true, "الطبيب": true, "الدكتور": true, "البروفيسور": true, "المرشد": true, "القائد": true,
	"الرجل": true, "المرأة": true, "الأخير": true, "الأخيرة": true, "الشاهد": true, "المصدر": false, "مصدر": false, "مصادر": false,
	"المصادر": false, "البيان": false, "بيان": false, "الوزارة": false, "الحكومة": false, "الجيش": false,
	"الشرطة": false, "الوكالة": false, "وكالة": false, "الفصائل": false, "المعارضة": false, "الحركة": false,
	"الجماعة": false, "التحالف": false, "الشركة": false, "الصحيفة": false, "صحيفة": false, "المنظمة": false,
	"الأمم": false, "اللجنة": false, "المجلس": false, "النادي": false, "الاتحاد": false, "البرلمان": false,
	"السلطات": false, "مسؤولون": false, "مسؤول": true, "المسؤولون": false, "متحدث": true, "ناطق": true,
	"المرصد": false, "الهيئة": false, "الرئاسة": false, "المكتب": false, "الخارجية": false, "الداخلية": false,
	"البيت": false, "الكرملين": false, "التلفزيون": false, "مسؤولين": false, "شهود": false, "خبراء": false,
	"الخبراء": false, "السلطة": false, "المحكمة": false, "الادعاء": false, "النيابة": false, "محامي": true,
	"المحامي": true, "الأطباء": false, "الباحثون": false, "العلماء": false, "الدراسة": false, "التقرير": false,
	"تقرير": false, "دراسة": false, "الرسالة": false, "المنتخب": false, "الفريق": false,
	"وسائل": false, "تقارير": false, "التقارير": false, "معلومات": false, "بيانات": false, "أرقام": false,
	"الأرقام": false, "إحصاءات": false, "الإحصاءات": false, "وكالات": false, "منظمة": false, "موقع": false,
	"الموقع": false, "قناة": false, "القناة": false, "شبكة": false, "الشبكة": false, "إذاعة": false,
	"الإذاعة": false, "وزارة": false, "هيئة": false, "مكتب": false, "مركز": false, "المركز": false,
	"مجلة": false, "المجلة": false, "حكومة": false, "جيش": false, "قوات": false, "القوات": false,
	"الحزب": false, "حزب": false, "لجنة": false, "مجلس": false, "سلطات": false,
	"مراسل": true, "المراسل": true, "قيادي": true, "القيادي": true, "دائرة": false, "الدائرة": false,
	// titles before a name (`الشيخة موزا`, `العميد ياسر الحارثي`) and the
	// hamza spelling `مسئول`
	"الشيخة": true, "السيدة": true, "الحاج": true, "العميد": true, "المشير": true, "القاضي": true,
	"المفتي": true, "السيناتور": true, "الناشط": true, "الناشطة": true, "الممثل": true, "الممثلة": true,
	"المحامية": true, "النائبة": true, "المستشارة": true, "المديرة": true, "السفيرة": true, "الملكة": true,
	"الأميرة": true, "وكيل": true, "المسئول": true, "مسئول": true, "المسئولة": true, "مسئولون": false, "المسئولون": false,
	// titles and bodies of sport, economy and culture pages (`حاكم دبي`,
	// `محافظ البنك المركزي`, `شركة ...`, `الاعلام التركي`) and the group
	// heads package mention knows (`تنظيم الدولة`, `المفوضية العليا`)
	"حاكم": true, "الحاكم": true, "محافظ": true, "المحافظ": true, "عمدة": true, "العمدة": true, "رئيسة": true,
	"لاعب": true, "المهاجم": true, "المدافع": true, "الحارس": true, "حارس": true, "المدعي": false, "مفوض": true,
	"المفوض": true, "عضو": true, "العضو": true, "نجم": true, "الكاتبة": true, "المغني": true, "المغنية": true,
	"شركة": false, "الإعلام": false, "إعلام": false, "البنك": false, "بنك": false, "المصرف": false, "مصرف": false,
	"الصندوق": false, "صندوق": false, "اتحاد": false, "نادي": false, "الإدارة": false, "إدارة": false,
	"المفوضية": false, "مفوضية": false, "تنظيم": false, "التنظيم": false, "جبهة": false, "الجبهة": false,
	"ائتلاف": false, "الائتلاف": false, "مؤسسة": false, "المؤسسة": false, "السفارة": false, "سفارة": false,
	"القيادة": false, "منظمات": false, "جماعات": false, "جمعية": false, "الجمعية": false,
	"رابطة": false, "الرابطة": false, "دبلوماسي": true, "الدبلوماسي": true, "دبلوماسيا": true,
	"دبلوماسيون": false, "دبلوماسيين": false,
}

// demonstratives before a speaker noun (`هذه الفصائل`) refer back to it.
var demonstratives = []string{"هذه", "هذا", "هؤلاء", "تلك", "ذلك"}

// prepositions that open a prepositional phrase after the verb: a subject
// never starts with them.
var prepositions = []string{
	"في", "على", "إلى", "عن", "من", "مع", "خلال", "أمام", "لدى", "عبر", "بعد", "قبل", "أثناء", "حول",
	"منذ", "حين", "عند", "لـ", "ل", "بشأن", "إثر", "عقب", "تجاه", "ضد", "نحو", "أيضا", "كذلك", "اليوم",
	"أمس", "مساء", "صباح", "الليلة", "نقلا", "نقلاً", "عبر", "وفقا", "بحسب",
}

// cueInfo describes a reporting cue form.
type cueInfo struct {
	lemma string
	// participle marks the active participles (`مضيفا`).
	participle bool
	// feminine marks a verb form agreeing with a feminine or group subject.
	feminine bool
}

// lexicon is the folded lookup tables, built once at init; it is never
// modified afterwards.
type lexicon struct {
	verbs          map[string]cueInfo
	impersonal     map[string]bool
	sources        [][]string
	complementizer map[string]bool
	speakerNouns   map[string]bool
	demonstrative  map[string]bool
	preposition    map[string]bool
}

var lex = buildLexicon()

func buildLexicon() *lexicon {
	m := normalize.Match()
	l := &lexicon{
		verbs:          map[string]cueInfo{},
		impersonal:     map[string]bool{},
		complementizer: map[string]bool{},
		speakerNouns:   map[string]bool{},
		demonstrative:  map[string]bool{},
		preposition:    map[string]bool{},
	}
	isParticiple := map[string]bool{}
	for _, p := range participles {
		isParticiple[p] = true
	}
	for lemma, forms := range reportingVerbs {
		for _, f := range forms {
			n := m.String(f)
			fem := strings.HasSuffix(n, "ت") || strings.HasPrefix(n, "ت")
			l.verbs[n] = cueInfo{lemma: lemma, feminine: fem, participle: isParticiple[lemma]}
		}
	}
	for _, s := range impersonalCues {
		l.impersonal[m.String(s)] = true
	}
	for _, s := range sourceCues {
		l.sources = append(l.sources, strings.Fields(m.String(s)))
	}
	// the longest phrase wins (`بحسب ما` before `بحسب`)
	sort.SliceStable(l.sources, func(a, b int) bool { return len(l.sources[a]) > len(l.sources[b]) })
	for _, s := range complementizers {
		l.complementizer[m.String(s)] = true
	}
	for s, personal := range speakerNouns {
		l.speakerNouns[m.String(s)] = personal
	}
	for _, s := range demonstratives {
		l.demonstrative[m.String(s)] = true
	}
	for _, s := range prepositions {
		l.preposition[m.String(s)] = true
	}
	return l
}

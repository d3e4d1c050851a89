package temporal

// Word tables, keyed by the match-normalised stem without proclitics and
// without the article (أإآ -> ا, ة -> ه, ى/ئ -> ي, ؤ -> و).

// durUnit is a calendar unit of a duration.
type durUnit struct {
	code  string // TIMEX3 unit letter: Y M W D H MIN S DE CE
	count int    // 1 singular, 2 dual, 0 plural (needs a number)
}

var durUnits = buildDurUnits()

func buildDurUnits() map[string]durUnit {
	durUnits := map[string]durUnit{}
	add := func(code string, count int, words ...string) {
		for _, w := range words {
			durUnits[w] = durUnit{code, count}
		}
	}
	add("Y", 1, "سنه", "عام", "عاما", "سنوات?")
	add("Y", 2, "سنتين", "سنتان", "عامين", "عامان")
	add("Y", 0, "سنوات", "سنين", "سنون", "اعوام")
	add("M", 1, "شهر", "شهرا")
	add("M", 2, "شهرين", "شهران")
	add("M", 0, "اشهر", "شهور")
	add("W", 1, "اسبوع", "اسبوعا")
	add("W", 2, "اسبوعين", "اسبوعان")
	add("W", 0, "اسابيع")
	add("D", 1, "يوم", "يوما")
	add("D", 2, "يومين", "يومان")
	add("D", 0, "ايام")
	add("H", 1, "ساعه")
	add("H", 2, "ساعتين", "ساعتان")
	add("H", 0, "ساعات")
	add("MIN", 1, "دقيقه")
	add("MIN", 2, "دقيقتين", "دقيقتان")
	add("MIN", 0, "دقايق")
	add("S", 1, "ثانيه")
	add("S", 2, "ثانيتين")
	add("S", 0, "ثوان", "ثواني")
	add("DE", 1, "عقد", "عقدا")
	add("DE", 2, "عقدين", "عقدان")
	add("DE", 0, "عقود")
	add("CE", 1, "قرن", "قرنا")
	add("CE", 2, "قرنين", "قرنان")
	add("CE", 0, "قرون")
	delete(durUnits, "سنوات?")
	return durUnits
}

// cardinals are number words; tens are matched with their و.
var cardinals = map[string]int{
	"واحد": 1, "واحده": 1, "احد": 111, "احدي": 111, // احد only before عشر: أحد أشهر is "one of the most famous"
	"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
	"ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
	"ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمان": 8, "ثمانيه": 8,
	"تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10,
	"عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "اربعون": 40, "اربعين": 40,
	"خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
	"ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
	// ئ folds to ي in the match form: مئة -> ميه, مائة -> مايه
	"ميه": 100, "مايه": 100, "ميتي": 200, "ميتين": 200, "مايتين": 200, "ميتان": 200, "مايتان": 200,
	"الف": 1000, "الفين": 2000, "الفان": 2000,
	"بضع": -1, "بضعه": -1, "عده": -1, "عشرات": -1, "ميات": -1, "الاف": -1,
}

// ordinals are ordinal adjectives; 11..19 take a following عشر/عشره.
var ordinals = map[string]int{
	"اول": 1, "اولي": 1, "ثاني": 2, "ثانيه": 2, "ثالث": 3, "ثالثه": 3,
	"رابع": 4, "رابعه": 4, "خامس": 5, "خامسه": 5, "سادس": 6, "سادسه": 6,
	"سابع": 7, "سابعه": 7, "ثامن": 8, "ثامنه": 8, "تاسع": 9, "تاسعه": 9,
	"عاشر": 10, "عاشره": 10, "حادي": 1, "حاديه": 1,
	"عشرين": 20, "عشرون": 20, "ثلاثين": 30, "ثلاثون": 30, "اربعين": 40, "خمسين": 50,
	"ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90,
}

// hourWords are the feminine ordinals used for clock hours.
var hourWords = map[string]int{
	"اولي": 1, "واحده": 1, "ثانيه": 2, "ثالثه": 3, "رابعه": 4, "خامسه": 5, "سادسه": 6,
	"سابعه": 7, "ثامنه": 8, "تاسعه": 9, "عاشره": 10, "حاديه": 1,
}

// dayShift are the deictic day words: اليوم, أمس, غدا ...
var dayShift = map[string]int{
	"امس": -1, "البارحه": -1, "غدا": 1, "غد": 1,
}

// partOfDay maps a part-of-day noun (صباح الخميس) to its TIMEX3 suffix.
var partOfDay = map[string]string{
	"صباح": "MO", "صبيحه": "MO", "فجر": "MO", "ضحي": "MO", "مساء": "EV", "عشيه": "EV", "ليل": "NI", "ليله": "NI",
	"ظهر": "T12:00", "ظهيره": "T12:00", "عصر": "AF", "منتصف": "T24:00",
}

// partOfDayAdv are the adverbs after a clock time or a day: صباحا, مساء ...
var partOfDayAdv = map[string]string{
	"صباحا": "MO", "صباح": "MO", "فجرا": "MO", "مساء": "EV", "مساءا": "EV", "ليلا": "NI", "ظهرا": "AF", "عصرا": "AF",
}

// relDir are the adjectives that shift a unit: الماضي, المقبل ... (with article).
var relDir = map[string]int{
	"ماضي": -1, "ماضيه": -1, "منصرم": -1, "منصرمه": -1, "منقضي": -1, "منقضيه": -1, "فايت": -1, "فايته": -1, "سابق": -1, "سابقه": -1,
	"مقبل": 1, "مقبله": 1, "قادم": 1, "قادمه": 1, "تالي": 1, "تاليه": 1, "لاحق": 1,
	"جاري": 0, "جاريه": 0, "حالي": 0, "حاليه": 0, "راهن": 0,
}

// pluralDir are the adjectives after a plural unit: الأيام الماضية/الأخيرة/المقبلة.
var pluralDir = map[string]int{
	"ماضيه": -1, "ماضيين": -1, "ماضيان": -1, "اخيره": -1, "اخيرين": -1, "منصرمه": -1, "منقضيه": -1, "سابقه": -1, "فايته": -1,
	"ماضيتين": -1, "ماضيتان": -1, "اخيرتين": -1, "منصرمتين": -1,
	"مقبله": 1, "مقبلين": 1, "قادمه": 1, "قادمين": 1, "لاحقه": 1, "مقبلتين": 1, "قادمتين": 1,
}

// edgeMods put a period's part before it: مطلع الشهر, أواخر العام. They keep
// the value of the period (TIMEX3 has a mod attribute the contract lacks).
var edgeMods = map[string]bool{
	"مطلع": true, "اوايل": true, "بدايه": true, "بدايات": true, "اواخر": true, "نهايه": true, "منتصف": true,
	"اواسط": true, "ختام": true, "مستهل": true, "اول": true, "اخر": true, "غره": true, "اوسط": true,
}

// calUnits are the units that "this/last/next" shift, with article.
var calUnits = map[string]string{
	"اسبوع": "W", "شهر": "M", "عام": "Y", "سنه": "Y", "قرن": "CE", "عقد": "DE",
}

// notWithThis are the units هذا does not make a period of: هذا العقد is
// this contract or necklace far more often than this decade.
var notWithThis = map[string]bool{"عقد": true, "قرن": true}

// pluralUnits name plural periods for PAST_REF/FUTURE_REF phrases.
var pluralUnits = map[string]string{
	"ايام": "D", "اسابيع": "W", "اشهر": "M", "شهور": "M", "سنوات": "Y", "سنين": "Y", "اعوام": "Y",
	"عقود": "DE", "ساعات": "H", "دقايق": "MIN", "اسبوعين": "W", "يومين": "D", "شهرين": "M",
	"عامين": "Y", "سنتين": "Y", "ساعتين": "H", "عقدين": "DE",
}

// setAdverbs are the frequency adverbs and adjectives.
var setWords = map[string]string{
	"يوميا": "P1D", "اسبوعيا": "P1W", "شهريا": "P1M", "سنويا": "P1Y",
	"يومي": "P1D", "يوميه": "P1D", "اسبوعي": "P1W", "اسبوعيه": "P1W",
	"شهري": "P1M", "شهريه": "P1M", "سنوي": "P1Y", "سنويه": "P1Y",
}

// refAdverbs are the vague present/past/future references.
var refAdverbs = map[string]string{
	"الان": "PRESENT_REF", "حاليا": "PRESENT_REF", "مؤخرا": "PAST_REF", "موخرا": "PAST_REF",
	"قريبا": "FUTURE_REF", "لاحقا": "FUTURE_REF", "مستقبلا": "FUTURE_REF", "سابقا": "PAST_REF", "حديثا": "PAST_REF",
}

// seasons map season nouns to TIMEX3 season codes.
var seasons = map[string]string{"صيف": "SU", "شتاء": "WI", "ربيع": "SP", "خريف": "FA"}

// decades: التسعينيات ... (with article).
var decades = map[string]int{
	"عشرينيات": 2, "عشرينات": 2, "ثلاثينيات": 3, "ثلاثينات": 3, "اربعينيات": 4, "اربعينات": 4,
	"خمسينيات": 5, "خمسينات": 5, "ستينيات": 6, "ستينات": 6, "سبعينيات": 7, "سبعينات": 7,
	"ثمانينيات": 8, "ثمانينات": 8, "تسعينيات": 9, "تسعينات": 9,
}

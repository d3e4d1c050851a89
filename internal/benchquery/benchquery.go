// Package benchquery holds the search queries the speed benchmarks send
// (`khabar bench http --mix builtin`, the archive benchmarks): words,
// names, phrases and operators of the kinds the archive's readers type,
// some in variant spellings. One list, so that the figures of the two
// benchmarks are about the same queries.
package benchquery

// Typed are the queries, in the order the benchmarks send them.
var Typed = []string{
	"سوريا", "ترامب", "النفط", "الأمم المتحدة", `"مجلس الأمن"`, "كأس العالم", "إيران الاتفاق النووي",
	"السعودية", "الامارات", "مصر -السيسي", "بوتين", "الرئيس الأمريكي", "الرئيس الاميركي", "اليمن الحوثيين",
	"العراق الانتخابات", `"البنك المركزي"`, "أسعار الذهب", "الدولار", "كرة القدم", "ريال مدريد برشلونة",
	"محمد صلاح", "فلسطين غزة", "إسرائيل", "تركيا أردوغان", "قطر", "لبنان الحريري", "الجزائر", "المغرب",
	"تونس", "ليبيا حفتر", "كوريا الشمالية", "الصين", "روسيا", "الاتحاد الأوروبي", "بريطانيا بريكست",
	"ألمانيا ميركل", "فرنسا ماكرون", "الهجرة", "الإرهاب داعش", "الاقتصاد النمو", "البورصة", "السياحة",
	"الصحة", "التعليم", "المناخ", "التكنولوجيا", "آبل", "فيسبوك", "الفضاء", "السينما",
}

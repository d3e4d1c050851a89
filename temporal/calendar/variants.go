package calendar

// variantMonths are spellings seen in news text that CLDR does not list.
// Hamza/alef, ta marbuta, alef maqsura and Persian yeh variants need no entry
// here: fold handles them (so ابريل, اغسطس, فبرایر, الاول come for free).
var variantMonths = []cldrName{
	{"يونيه", 6},      // Egyptian
	{"يوليه", 7},      // Egyptian
	{"جويلة", 7},      // Maghrebi, short spelling
	{"مايس", 5},       // Iraqi, old
	{"اغسطس", 8},      // explicit, for readers of the table
	{"أوكتوبر", 10},   // spelling with long o
	{"ديسيمبر", 12},   // spelling with long e
	{"فبرير", 2},      // short spelling
	{"كانون ثاني", 1}, // Levantine without the article
	{"كانون اول", 12},
	{"تشرين أول", 10},
	{"تشرين ثاني", 11},
	{"كانون الثانى", 1}, // alef maqsura for yeh, folded anyway
}

// variantWeekdays are weekday spellings CLDR does not list; the article is
// stripped at lookup, so bare forms cover both.
var variantWeekdays = []cldrName{
	{"الثلثاء", 2}, // classical spelling, common in AFP copy
	{"الاربعا", 3}, // without final hamza
	{"الثلاثا", 2}, // without final hamza
	{"الإثنين", 1},
	{"اثنين", 1},
	{"الاتنين", 1}, // colloquial spelling
}

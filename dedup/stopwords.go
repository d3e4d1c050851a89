package dedup

import "strings"

// functionWords are frequent Arabic function words (match-normalised:
// bare alef, ه for ة, ي for ى) that say nothing about an event; they are
// kept out of an article's key terms so that the terms budget goes to
// content words.
var functionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		في من علي الي عن مع ان انه انها ما لا لم لن قد كان كانت يكون تكون
		هذا هذه ذلك تلك هو هي هم هما نحن انا التي الذي الذين اللذين بين بعد
		قبل حتي او ام ثم كل بعض غير عند منذ خلال حول ضد دون لدي لكن اذا اذ
		اي ايضا وقال قال قالت وقالت اليوم امس وفق وفقا عبر فيه فيها منه منها
		عليه عليها اليه اليها له لها لهم به بها بهم كما مثل تم يتم وكان وهو
		وهي وفي ومن وعلي والي وان ولا وقد اكثر اقل اول الاول احد اخر الاخري
		حيث بينما ليس ليست سوف هناك هنا الان جدا فقط نفس لدى عام العام
	`) {
		m[w] = true
	}
	return m
}()

// IsFunctionWord reports whether a match-normalised term is a function
// word.
func IsFunctionWord(t string) bool { return functionWords[t] }

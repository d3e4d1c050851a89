// Package temporal finds the temporal expressions of an Arabic news article
// and gives them TimeML TIMEX3 types and values (the timexes of the JSON
// contract), resolving relative ones against the document creation time.
//
// It covers Gregorian months in their MSA, Levantine/Iraqi and Maghrebi
// names and the paired forms news uses (11 ديسمبر / كانون الأول 2015), Hijri
// dates converted with the tabular calendar (package hijri) and the الموافق
// pairing, weekdays resolved by the tense of the governing verb, deictic days
// (أمس, غدا, أول أمس), shifted periods (الأسبوع الماضي, قبل عامين), edges of
// periods (مطلع الشهر), clock times and parts of day, durations and sets,
// number words, ordinals and every digit system, and ranges.
//
// The recogniser works on its own units (runs of letters, runs of digits,
// single punctuation marks) taken from the match normalisation of the text,
// so that it does not depend on how a tokenizer splits 1438هـ or 14:30; it
// uses doc.Sentences for clause limits and the UPOS tags of doc.Tokens, when
// a morphology stage has filled them, to find verbs. Spans leave proclitics
// (و ف ب ل ك) out and keep the article, as entity spans do.
//
// The package does no I/O and keeps no mutable global state; a Recognizer
// is safe for concurrent use.
package temporal

import (
	"fmt"

	"khabar"
)

// Recognizer finds and normalises temporal expressions. The zero value is
// not useful; call New.
type Recognizer struct{}

// New returns a recogniser.
func New() *Recognizer { return &Recognizer{} }

// Annotate fills doc.Timexes (ids t1, t2, ...) from doc.Text, resolving
// relative expressions against doc.DCT when it is a YYYY-MM-DD date.
// Existing timexes are replaced.
func (r *Recognizer) Annotate(doc *khabar.Document) {
	doc.Timexes = Find(doc.Text, doc.DCT, doc.Sentences, doc.Tokens)
}

// Find returns the temporal expressions of text with ids t1, t2, ...;
// sentences and tokens may be nil.
func Find(text, dct string, sentences []khabar.Span, tokens []khabar.Token) []khabar.Timex {
	m := &matcher{us: scan(text, sentences), c: parseDCT(dct), tokens: tokens}
	m.run()
	m.pairHijri()
	rs := []rune(text)
	timexes := make([]khabar.Timex, 0, len(m.out))
	for k, x := range m.out {
		start, end := max(0, min(x.start, len(rs))), max(0, min(x.end, len(rs)))
		t := khabar.Timex{
			ID: fmt.Sprintf("t%d", k+1), Start: start, End: end, Text: string(rs[start:end]),
			Type: x.typ, Value: x.val, Anchor: x.anchor,
		}
		// Anchors name an earlier timex by its index in m.out.
		if x.anchorIdx > 0 && x.anchorIdx <= len(m.out) && x.anchorIdx != k+1 {
			t.Anchor = fmt.Sprintf("t%d", x.anchorIdx)
		}
		timexes = append(timexes, t)
	}
	return timexes
}

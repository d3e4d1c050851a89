package quote

import (
	"testing"

	"khabar/analysis"
)

// FuzzAnnotate runs arbitrary text through the analysis pipeline with the
// quotation layer: no panic, and every quote, speaker and cue span lies
// inside the text and says what the text says there.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		`وقال كيربي ان "الجميع متفقون". واضاف "لا`,
		`"...", كما اضاف تونر`,
		`«نص» قال «آخر`,
		`وقال: "`,
		`بحسب`,
		`ووفقا للمرصد، فان 5 اشخاص قتلوا.`,
		"ولكن المتحدث اقر بأنه \"لا\n\"",
		`''"'"`,
		"قال ان",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := pipeline(t).Analyze(analysis.Input{Text: text})
		runes := []rune(doc.Text)
		in := func(start, end int, s string) bool {
			return 0 <= start && start <= end && end <= len(runes) && string(runes[start:end]) == s
		}
		for _, q := range doc.Quotes {
			if !in(q.Start, q.End, q.Text) || q.Start == q.End {
				t.Fatalf("quote %s [%d,%d) %q outside the text or not its text", q.ID, q.Start, q.End, q.Text)
			}
			if q.Speaker != nil && !in(q.Speaker.Start, q.Speaker.End, q.Speaker.Text) {
				t.Fatalf("speaker of %s out of the text", q.ID)
			}
			if q.Cue != nil && !in(q.Cue.Start, q.Cue.End, q.Cue.Text) {
				t.Fatalf("cue of %s out of the text", q.ID)
			}
		}
	})
}

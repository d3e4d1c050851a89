package mention

import (
	"testing"

	"khabar/analysis"
)

// FuzzFind runs arbitrary text through the tokenizer and Find: no panic,
// every group's span is its text, its token range lies in the document and
// covers its span, and groups come in text order without overlapping. The
// event and quote fuzzers reach Find only behind their own layers.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"وقالت وزارة الخارجية الروسية إن الجيش الوطني الليبي هاجم مواقع الميليشيات.",
		"وتعتبر قوات التحالف بقيادة السعودية الحوثيين امتدادا للنفوذ الإيراني",
		"اتهم التحالف الأمم المتحدة",
		"#الجيش_اليمني #التحالف",
		"قوات بقيادة",
		"وللحكومة",
		"#",
	} {
		f.Add(s)
	}
	p := analysis.New()
	f.Fuzz(func(t *testing.T, text string) {
		doc := p.Analyze(analysis.Input{Text: text})
		runes := []rune(doc.Text)
		last := -1
		for _, g := range Find(doc) {
			if g.Start < 0 || g.Start >= g.End || g.End > len(runes) || string(runes[g.Start:g.End]) != g.Text {
				t.Fatalf("group %+v: span is not its text", g)
			}
			if g.Lo < 0 || g.Lo >= g.Hi || g.Hi > len(doc.Tokens) || doc.Tokens[g.Lo].Start > g.Start || doc.Tokens[g.Hi-1].End < g.End {
				t.Fatalf("group %+v: token range does not cover it", g)
			}
			if g.Start < last {
				t.Fatalf("group %+v: overlaps or precedes the one before", g)
			}
			last = g.End
		}
	})
}

package event

import (
	"testing"

	"khabar/analysis"
)

// FuzzAnnotate runs arbitrary text through the analysis pipeline with the
// event layer: no panic, triggers inside the text, types from the list,
// participants naming a stretch of the text (and, when they have one, an
// entity of the document), places and times pointing at the document's
// entities and timexes.
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"وسيلتقي كيري في موسكو نظيره الروسي سيرغي لافروف",
		"ويفترض ان تجتمع المجموعة في 18 كانون الاول في نيويورك",
		"يبحث مع",
		"لم",
		"قصف",
		"مؤتمر محتمل",
		"اتهم \"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		doc := pipeline(t).Analyze(analysis.Input{Text: text})
		runes := []rune(doc.Text)
		ents := map[string]string{}
		for _, e := range doc.Entities {
			ents[e.ID] = e.Type
		}
		tmx := map[string]bool{}
		for _, tm := range doc.Timexes {
			tmx[tm.ID] = true
		}
		for _, e := range doc.Events {
			tr := e.Trigger
			if tr.Start < 0 || tr.Start >= tr.End || tr.End > len(runes) || string(runes[tr.Start:tr.End]) != tr.Text {
				t.Fatalf("event %s: trigger %+v outside the text", e.ID, tr)
			}
			if _, ok := CAMEO[e.Type]; !ok {
				t.Fatalf("event %s: type %q not in the list", e.ID, e.Type)
			}
			for _, p := range e.Participants {
				if p.Start < 0 || p.Start >= p.End || p.End > len(runes) || string(runes[p.Start:p.End]) != p.Text {
					t.Fatalf("event %s: participant mention %+v outside the text", e.ID, p)
				}
				if _, ok := ents[p.Entity]; p.Entity != "" && !ok {
					t.Fatalf("event %s: participant %q is no entity", e.ID, p.Entity)
				}
			}
			if e.Place != "" && ents[e.Place] != "LOC" {
				t.Fatalf("event %s: place %q is no LOC entity", e.ID, e.Place)
			}
			if e.Time != "" && !tmx[e.Time] {
				t.Fatalf("event %s: time %q is no timex", e.ID, e.Time)
			}
		}
	})
}

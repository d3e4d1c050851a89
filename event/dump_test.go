package event

import (
	"fmt"
	"os"
	"testing"

	"khabar"
	"khabar/analysis"
)

// TestDump prints the events of the file named by $EVENT_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("EVENT_DUMP")
	if path == "" {
		t.Skip("set EVENT_DUMP to a text file to print its events")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := pipeline(t).Analyze(analysis.Input{Text: string(b)})
	fmt.Print(Describe(doc))
}

// Describe prints the events of doc with entity and timex texts, one a line.
func Describe(doc *khabar.Document) string {
	ents := map[string]string{}
	for _, e := range doc.Entities {
		ents[e.ID] = e.Text
	}
	tms := map[string]string{}
	for _, t := range doc.Timexes {
		tms[t.ID] = t.Text + "=" + t.Value
	}
	s := ""
	for _, e := range doc.Events {
		s += fmt.Sprintf("%s %s %q %s/%s", e.ID, e.Type, e.Trigger.Text, e.Modality, e.Polarity)
		for _, p := range e.Participants {
			s += fmt.Sprintf(" %s=%s", p.Role, ents[p.Entity])
		}
		if e.Place != "" {
			s += " place=" + ents[e.Place]
		}
		if e.Time != "" {
			s += " time=" + tms[e.Time]
		}
		s += "\n"
	}
	return s
}

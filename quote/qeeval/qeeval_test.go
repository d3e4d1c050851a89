package qeeval

import (
	"strings"
	"testing"

	"khabar"
)

func TestSameName(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want bool
	}{
		{"جون كيري", "كيري", true},
		{"كيري", "جون كيربي", false},
		{"#محمود_عباس", "محمود عباس", true},
		{"لتحالف العربي", "التحالف العربي", true},
		{"وزارة الخارجية الأمريكية", "الخارجية الأمريكية", true},
		{"روسيا", "روسي", false},
		{"", "روسيا", false},
	} {
		if got := sameName(c.a, c.b); got != c.want {
			t.Errorf("sameName(%q, %q) = %v, want %v", c.a, c.b, got, c.want)
		}
	}
}

func TestScoreQuotes(t *testing.T) {
	text := `وقال كيري ان "المحادثات جيدة". واضاف ان الوضع صعب.`
	gold := []Article{{Docno: "d1", Src: "x", Text: text, Quotes: []GoldQuote{
		{Span: Span{Start: 14, End: 29, Text: "المحادثات جيدة"}, Direct: true, Speaker: &Span{Start: 5, End: 9, Text: "كيري"}},
		{Span: Span{Start: 42, End: 52, Text: "الوضع صعب"}, Speaker: &Span{Start: 5, End: 9, Text: "جون كيري"}},
		{Span: Span{Start: 0, End: 3, Text: "وقا"}},
	}}}
	analyze := func(text, date, _ string) *khabar.Document {
		return &khabar.Document{Text: text,
			Entities: []khabar.Entity{{ID: "e1", Start: 5, End: 9, Text: "كيري", Canonical: "جون كيري"}},
			Quotes: []khabar.Quote{
				{ID: "q1", Start: 14, End: 29, Direct: true, Speaker: &khabar.Speaker{Start: 5, End: 9, Text: "كيري", Entity: "e1"}},
				{ID: "q2", Start: 40, End: 50, Speaker: &khabar.Speaker{Start: 30, End: 35, Text: "غيره"}},
				{ID: "q3", Start: 60, End: 61},
			}}
	}
	r := ScoreQuotes(gold, analyze)
	if r.Detection.TP != 2 || r.Detection.Sys != 3 || r.Detection.Gold != 3 {
		t.Errorf("detection %+v, want tp 2, system 3, gold 3", r.Detection)
	}
	if r.Speaker.Right != 1 || r.Speaker.Total != 2 {
		t.Errorf("speaker %+v, want 1/2", r.Speaker)
	}
	var b strings.Builder
	r.Write(&b, true)
	for _, want := range []string{"MISSED", "SPURIOUS", "SPEAKER"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %s:\n%s", want, b.String())
		}
	}
}

func TestScoreEvents(t *testing.T) {
	text := "التقى كيري لافروف في موسكو"
	gold := []Article{{Docno: "d1", Text: text, Events: []GoldEvent{
		{Type: "MEET", Trigger: Span{Start: 0, End: 5, Text: "التقى"}, Participants: []GoldParticipant{{"agent", "جون كيري"}, {"partner", "سيرغي لافروف"}}, Place: "موسكو", Modality: "asserted"},
	}}}
	analyze := func(text, date, _ string) *khabar.Document {
		return &khabar.Document{Text: text,
			Entities: []khabar.Entity{
				{ID: "e1", Text: "كيري", Canonical: "جون كيري"},
				{ID: "e2", Text: "لافروف", Canonical: "لافروف"},
				{ID: "e3", Text: "موسكو", Canonical: "موسكو"},
			},
			Events: []khabar.Event{
				{ID: "ev1", Type: "MEET", Trigger: khabar.Span{Start: 0, End: 5}, Participants: []khabar.Participant{{Role: "agent", Entity: "e1"}, {Role: "partner", Entity: "e2"}}, Place: "e3", Modality: "asserted"},
				{ID: "ev2", Type: "VISIT", Trigger: khabar.Span{Start: 0, End: 5}},
			}}
	}
	r := ScoreEvents(gold, analyze)
	if r.Detection.TP != 1 || r.Detection.Sys != 2 || r.Full.TP != 1 {
		t.Errorf("detection %+v full %+v, want tp 1 of 2, full tp 1", r.Detection, r.Full)
	}
	if r.Place.Right != 1 || r.Modality.Right != 1 {
		t.Errorf("place %+v modality %+v, want right", r.Place, r.Modality)
	}
}

package render

import (
	"bufio"
	"fmt"
	"strings"

	"khabar"
)

// WriteText writes a summary of doc for a person to read: the header, the
// sentences numbered, then each annotation layer that has something.
func WriteText(w *bufio.Writer, doc *khabar.Document) error {
	fmt.Fprintf(w, "== %s", doc.ID)
	if doc.Title != "" {
		fmt.Fprintf(w, "  %s", doc.Title)
	}
	w.WriteByte('\n')
	fmt.Fprintf(w, "lang %s", doc.Lang)
	if doc.DCT != "" {
		fmt.Fprintf(w, ", date %s (%s)", doc.DCT, doc.DCTSource)
	}
	fmt.Fprintf(w, ", %d sentences, %d tokens, %d entities, %d dates and times, %d quotes, %d events\n",
		len(doc.Sentences), len(doc.Tokens), len(doc.Entities), len(doc.Timexes), len(doc.Quotes), len(doc.Events))
	if len(doc.Sentences) > 0 {
		w.WriteString("\nSentences:\n")
		for i, s := range doc.Sentences {
			fmt.Fprintf(w, "%4d  %s\n", i+1, s.Text)
		}
	}
	if len(doc.Entities) > 0 {
		w.WriteString("\nEntities:\n")
		for _, e := range doc.Entities {
			fmt.Fprintf(w, "  %-4s %s", e.Type, e.Text)
			if e.Canonical != "" && e.Canonical != e.Text {
				fmt.Fprintf(w, " = %s", e.Canonical)
			}
			if e.Latin != "" {
				fmt.Fprintf(w, " (%s)", e.Latin)
			}
			w.WriteByte('\n')
		}
	}
	if len(doc.Timexes) > 0 {
		w.WriteString("\nDates and times:\n")
		for _, t := range doc.Timexes {
			fmt.Fprintf(w, "  %-8s %s -> %s\n", t.Type, t.Text, t.Value)
		}
	}
	if len(doc.Quotes) > 0 {
		w.WriteString("\nQuotes:\n")
		for _, q := range doc.Quotes {
			who := "(no speaker found)"
			if q.Speaker != nil {
				who = q.Speaker.Text
			}
			kind := "indirect"
			if q.Direct {
				kind = "direct"
			}
			fmt.Fprintf(w, "  %s [%s]: %s\n", who, kind, q.Text)
		}
	}
	if len(doc.Events) > 0 {
		ents := map[string]string{}
		for _, e := range doc.Entities {
			ents[e.ID] = e.Canonical
		}
		w.WriteString("\nEvents:\n")
		for _, ev := range doc.Events {
			var parts []string
			for _, p := range ev.Participants {
				name := ents[p.Entity]
				if name == "" {
					name = p.Text // a group that is no entity
				}
				parts = append(parts, p.Role+"="+name)
			}
			fmt.Fprintf(w, "  %s %q (%s) %s\n", ev.Type, ev.Trigger.Text, ev.Modality, strings.Join(parts, ", "))
		}
	}
	_, err := w.WriteString("\n")
	return err
}

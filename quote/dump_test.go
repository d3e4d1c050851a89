package quote

import (
	"fmt"
	"os"
	"testing"

	"khabar/analysis"
)

var dumpEntities bool

// TestDump prints the quotes of the file named by $QUOTE_DUMP (a debugging aid).
func TestDump(t *testing.T) {
	path := os.Getenv("QUOTE_DUMP")
	if path == "" {
		t.Skip("set QUOTE_DUMP to a text file to print its quotes")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc := pipeline(t).Analyze(analysis.Input{Text: string(b)})
	if dumpEntities {
		for _, e := range doc.Entities {
			fmt.Println(e.ID, e.Type, e.Text, e.Canonical)
		}
	}
	for _, q := range doc.Quotes {
		sp, ent := "-", ""
		if q.Speaker != nil {
			sp, ent = q.Speaker.Text, q.Speaker.Entity
		}
		cue := "-"
		if q.Cue != nil {
			cue = q.Cue.Text
		}
		fmt.Printf("%s direct=%v cue=%s speaker=%s(%s)\n   %s\n", q.ID, q.Direct, cue, sp, ent, q.Text)
	}
}

func init() {
	if os.Getenv("QUOTE_DUMP_ENTITIES") != "" {
		dumpEntities = true
	}
}

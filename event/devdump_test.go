package event

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"khabar/analysis"
	"khabar/quote"
)

// TestDevDump prints the quotes and events of the development pool
// (quote/testdata/qegold/dev-pool.jsonl) when $DEV_DUMP is set: the
// articles the rules are developed on. It never reads the gold set.
func TestDevDump(t *testing.T) {
	if os.Getenv("DEV_DUMP") == "" {
		t.Skip("set DEV_DUMP=1 to print the development pool's quotes and events")
	}
	name := os.Getenv("DEV_FILE") // another pool under quote/testdata/qegold
	if name == "" {
		name = "dev-pool.jsonl"
	}
	f, err := os.Open(filepath.Join(moduleRoot(t), "quote", "testdata", "qegold", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	q := quote.New()
	for sc.Scan() {
		var a struct{ Docno, Date, Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		doc := pipeline(t).Analyze(analysis.Input{Text: a.Text, Date: a.Date})
		q.Annotate(doc)
		fmt.Printf("## %s\n%s\n", a.Docno, a.Text)
		for _, qq := range doc.Quotes {
			sp := "-"
			if qq.Speaker != nil {
				sp = qq.Speaker.Text
				for _, e := range doc.Entities {
					if e.ID == qq.Speaker.Entity {
						sp += "=" + e.Canonical
					}
				}
			}
			cue := "-"
			if qq.Cue != nil {
				cue = qq.Cue.Text
			}
			fmt.Printf("Q %v [%s] <%s> %s\n", qq.Direct, cue, sp, qq.Text)
		}
		fmt.Print(Describe(doc))
		fmt.Println()
	}
}

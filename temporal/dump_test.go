package temporal

import (
	"bufio"
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDump prints the expressions found in a TSV pool (id docno src cat date text); dev only.
func TestDump(t *testing.T) {
	path := os.Getenv("TIMEX_DUMP")
	if path == "" {
		t.Skip("TIMEX_DUMP not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) < 6 {
			p = []string{"x", "", "", "", os.Getenv("TIMEX_DCT"), sc.Text()}
		}
		var parts []string
		for _, x := range Find(p[5], p[4], nil, nil) {
			parts = append(parts, fmt.Sprintf("[%s|%s|%s]", x.Text, x.Type, x.Value))
		}
		fmt.Printf("%s %s %s\n\t%s\n", p[0], p[4], p[5], strings.Join(parts, " "))
	}
}

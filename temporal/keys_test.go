package temporal

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"khabar/arabic/normalize"
)

// TestCalendarPrefixes reads the name tables of package calendar and checks
// that every name passes the prefix filter of isKey.
func TestCalendarPrefixes(t *testing.T) {
	var names []string
	re := regexp.MustCompile(`\{"([^"]+)", [0-9]+\}`)
	for _, f := range []string{"cldr_names.go", "variants.go"} {
		b, err := os.ReadFile(filepath.Join("calendar", f))
		if err != nil {
			t.Skipf("calendar tables not readable: %v", err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			names = append(names, m[1])
		}
	}
	if len(names) < 50 {
		t.Fatalf("only %d names read from calendar", len(names))
	}
	n := normalize.Match()
	for _, name := range names {
		w := strings.Fields(n.String(name))[0]
		if rest, ok := strings.CutPrefix(w, "ال"); ok && len([]rune(rest)) >= 3 {
			w = rest
		}
		if !calendarPrefix(w) {
			t.Errorf("calendar name %q (%q) fails the prefix filter", name, w)
		}
	}
}

package dateline

import (
	"os"
	"testing"
	"time"

	"khabar/internal/testcorpus"
)

// TestANTNewsOpenings runs Find over the 31,525 articles of the ANT news
// corpus (2018, five pan-Arab outlets; ../shared/data/ant-news) with the
// publication year as fallback, and checks the dates it finds against the
// publication dates. These outlets rarely print a dateline in the body, so
// the test mostly measures false alarms: a date the opening talks about.
// DATELINE_SHOW_HITS=1 with -v lists the hits, -v alone the misses.
func TestANTNewsOpenings(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: skipping the ANT corpus run")
	}
	var total, found, exact, near int
	testcorpus.EachANT(t, func(a testcorpus.Article) bool {
		total++
		pub, err := time.Parse(time.DateOnly, a.Date)
		if err != nil {
			t.Fatalf("line %d: date %q: %v", total, a.Date, err)
		}
		d, ok := Find(a.Text, pub.Year())
		if !ok {
			return true
		}
		found++
		got, _ := time.Parse(time.DateOnly, d.Date)
		diff := pub.Sub(got).Hours() / 24
		switch {
		case diff == 0:
			exact++
			if os.Getenv("DATELINE_SHOW_HITS") != "" {
				r := []rune(a.Text)
				t.Logf("HIT %s %s: …%s…", a.Src, a.Date, string(r[max(0, d.Start-60):min(len(r), d.End+20)]))
			}
		case diff >= -1 && diff <= 2:
			near++
		default:
			if testing.Verbose() {
				r := []rune(a.Text)
				lo, hi := max(0, d.Start-40), min(len(r), d.End+40)
				t.Logf("%s pub %s found %s: …%s…", a.Src, a.Date, d.Date, string(r[lo:hi]))
			}
		}
		return true
	})
	t.Logf("ANT: %d articles, dateline found in %d (%.2f%%): same day %d, within -1..+2 days %d, other %d",
		total, found, 100*float64(found)/float64(total), exact, near, found-exact-near)
	if total != 31525 {
		t.Errorf("read %d articles, want 31525", total)
	}
	// Measured when written: 19 found, 17 the same day, 2 a day or two off, 0
	// other. Allow some slack, not a regression to date mentions.
	if other := found - exact - near; other > 3 {
		t.Errorf("%d datelines far from the publication date, want <= 3 (a date mention taken for the dateline)", other)
	}
	if exact < 15 {
		t.Errorf("%d datelines on the publication date, want >= 15", exact)
	}
}

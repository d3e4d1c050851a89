package calendar

import (
	"bytes"
	"khabar/internal/testcorpus"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

func TestMonth(t *testing.T) {
	tests := []struct {
		word string
		want int
		ok   bool
	}{
		{"يناير", 1, true},
		{"كانون الثاني", 1, true},
		{"كانون  الثانى", 1, true}, // double space, alef maqsura
		{"كانون ثاني", 1, true},
		{"جانفي", 1, true},
		{"فبراير", 2, true},
		{"فبرایر", 2, true}, // Persian yeh
		{"شباط", 2, true},
		{"فيفري", 2, true},
		{"آذار", 3, true},
		{"اذار", 3, true},
		{"مارس", 3, true},
		{"أبريل", 4, true},
		{"ابريل", 4, true},
		{"إبريل", 4, true},
		{"أفريل", 4, true},
		{"نيسان", 4, true},
		{"مايو", 5, true},
		{"ماي", 5, true},
		{"أيار", 5, true},
		{"ايار", 5, true},
		{"يونيو", 6, true},
		{"يونيه", 6, true},
		{"جوان", 6, true},
		{"حزيران", 6, true},
		{"يوليو", 7, true},
		{"يوليه", 7, true},
		{"جويلية", 7, true},
		{"جويليه", 7, true},
		{"تموز", 7, true},
		{"أغسطس", 8, true},
		{"اغسطس", 8, true},
		{"آب", 8, true},
		{"أوت", 8, true},
		{"غشت", 8, true},
		{"سبتمبر", 9, true},
		{"أيلول", 9, true},
		{"ايلول", 9, true},
		{"شتنبر", 9, true},
		{"أكتوبر", 10, true},
		{"اكتوبر", 10, true},
		{"تشرين الأول", 10, true},
		{"تشرين الاول", 10, true},
		{"تشرين أول", 10, true},
		{"نوفمبر", 11, true},
		{"تشرين الثاني", 11, true},
		{"نونبر", 11, true},
		{"ديسمبر", 12, true},
		{"ديسمبـــر", 12, true},  // tatweel
		{"دِيسَمْبَر", 12, true}, // diacritics
		{"كانون الأول", 12, true},
		{"كانون الاول", 12, true},
		{"دجنبر", 12, true},
		{"", 0, false},
		{"كانون", 0, false}, // half a name
		{"تشرين", 0, false},
		{"الجمعة", 0, false},
		{"December", 0, false},
		{"محرم", 0, false}, // Hijri, not Gregorian
	}
	for _, tt := range tests {
		got, ok := Month(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Month(%q) = %d, %v; want %d, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

func TestWeekday(t *testing.T) {
	tests := []struct {
		word string
		want time.Weekday
		ok   bool
	}{
		{"الأحد", time.Sunday, true},
		{"الاحد", time.Sunday, true},
		{"أحد", time.Sunday, true},
		{"الاثنين", time.Monday, true},
		{"الإثنين", time.Monday, true},
		{"اثنين", time.Monday, true},
		{"الثلاثاء", time.Tuesday, true},
		{"الثلثاء", time.Tuesday, true},
		{"ثلاثاء", time.Tuesday, true},
		{"الأربعاء", time.Wednesday, true},
		{"الاربعاء", time.Wednesday, true},
		{"أربعاء", time.Wednesday, true},
		{"الخميس", time.Thursday, true},
		{"خميس", time.Thursday, true},
		{"الجمعة", time.Friday, true},
		{"الجمعه", time.Friday, true},
		{"جمعة", time.Friday, true},
		{"السبت", time.Saturday, true},
		{"سبت", time.Saturday, true},
		{"اليوم", 0, false},
		{"ال", 0, false},
		{"", 0, false},
		{"ديسمبر", 0, false},
	}
	for _, tt := range tests {
		got, ok := Weekday(tt.word)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Weekday(%q) = %v, %v; want %v, %v", tt.word, got, ok, tt.want, tt.ok)
		}
	}
}

// TestEveryMonthHasNames guards the generated table against a bad regeneration.
func TestEveryMonthHasNames(t *testing.T) {
	count := map[int]int{}
	for _, m := range monthByName {
		count[m]++
	}
	for m := 1; m <= 12; m++ {
		if count[m] < 2 {
			t.Errorf("month %d has %d spellings, want >= 2 (MSA and Levantine at least)", m, count[m])
		}
	}
}

// TestGeneratedTableUpToDate regenerates cldr_names.go from the shared CLDR
// data and compares it with the checked-in file.
func TestGeneratedTableUpToDate(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode: skipping go run of the generator")
	}
	cldr := filepath.Join(moduleRoot(t), "..", "shared", "data", "cldr-ar")
	if _, err := os.Stat(filepath.Join(cldr, "cldr-dates-full")); err != nil {
		t.Skipf("CLDR data not found at %s (../shared/data/cldr-ar from the module root): %v", cldr, err)
	}
	out := filepath.Join(t.TempDir(), "cldr_names.go")
	cmd := exec.Command("go", "run", "./internal/gencldr", "-cldr", cldr, "-o", out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gencldr: %v\n%s", err, msg)
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("cldr_names.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("cldr_names.go is stale: run go generate ./temporal/calendar")
	}
}

func moduleRoot(t *testing.T) string { return testcorpus.ModuleRoot(t) }

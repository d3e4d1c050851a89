package normalize

import (
	"slices"
	"testing"
	"unicode/utf8"
)

func TestDisplay(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"السلام عليكم", "السلام عليكم"},
		{"كتـــاب", "كتاب"},                              // tatweel
		{"بـ\"ذا فويس\"", "ب\"ذا فويس\""},                // tatweel after a prefix
		{"مُحَمَّد", "مُحَمَّد"},                         // diacritics stay
		{"أإآ ى ة ؤ ئ", "أإآ ى ة ؤ ئ"},                   // letters stay
		{"ﻻ ﷲ ﻷ", "لا الله لأ"},                          // presentation forms
		{"ﺁ", "آ"},                                       // NFKC composes alef + madda
		{"\ufe70", "\u064b"},                             // spacing fathatan: no space
		{"a\u200bb\u200c\u200dc\u2060d\ufeffe", "abcde"}, // zero-width
		{"\u200fمرحبا\u200e \u202bx\u202c \u2066y\u2069\u061c", "مرحبا x y"},
		{"ABC ١٢٣ ﬁ", "ABC ١٢٣ ﬁ"}, // no case, digits or Latin NFKC
		{"\xff", "\ufffd"},         // invalid UTF-8
	}
	n := Display()
	for _, tt := range tests {
		if got := n.String(tt.in); got != tt.want {
			t.Errorf("Display().String(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMatch(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"مُحَمَّدٌ", "محمد"},
		{"أحمد إبراهيم آمال ٱلله", "احمد ابراهيم امال الله"},
		{"مستشفى مدرسة", "مستشفي مدرسه"},
		{"مؤتمر رئيس", "موتمر رييس"},
		{"کتاب یوم ۀ ہ ھ ڪ ې", "كتاب يوم ه ه ه ك ي"},
		{"١٥٠ ۲۰۱۸ 42", "150 2018 42"},
		{"BBC News Ünïcode ΣΑ", "bbc news ünïcode σα"},
		{"ﻷ", "لا"}, // presentation form, then alef fold
		{"الْقُرْآن", "القران"},
		{"كتـــاب", "كتاب"},
		{"\u200fمرحبا", "مرحبا"},
		{"a\xffb", "a\ufffdb"},
	}
	n := Match()
	for _, tt := range tests {
		if got := n.String(tt.in); got != tt.want {
			t.Errorf("Match().String(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := n.Map(tt.in).Text; got != tt.want {
			t.Errorf("Match().Map(%q).Text = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMapOffsets(t *testing.T) {
	tests := []struct {
		in   string
		want Mapped
	}{
		{"", Mapped{"", []int{0}}},
		{"abc", Mapped{"abc", []int{0, 1, 2, 3}}},
		{"كتـاب", Mapped{"كتاب", []int{0, 1, 3, 4, 5}}},
		{"ﻻ ب", Mapped{"لا ب", []int{0, 0, 1, 2, 3}}},
		{"ﷲ", Mapped{"الله", []int{0, 0, 0, 0, 1}}},
		{"مُحَمَّد", Mapped{"محمد", []int{0, 2, 4, 7, 8}}},
		{"\xff\xfeا", Mapped{"\ufffd\ufffdا", []int{0, 1, 2, 3}}},
	}
	n := Match()
	for _, tt := range tests {
		got := n.Map(tt.in)
		if got.Text != tt.want.Text || !slices.Equal(got.Offsets, tt.want.Offsets) {
			t.Errorf("Match().Map(%q) = %q %v, want %q %v", tt.in, got.Text, got.Offsets, tt.want.Text, tt.want.Offsets)
		}
	}
}

func TestSpan(t *testing.T) {
	m := Match().Map("ذهب مُحَمَّد")             // "ذهب محمد"
	if s, e := m.Span(4, 8); s != 4 || e != 12 { // محمد
		t.Errorf("Span(4, 8) = %d, %d, want 4, 12", s, e)
	}
	if s, e := m.Span(0, 3); s != 0 || e != 3 {
		t.Errorf("Span(0, 3) = %d, %d, want 0, 3", s, e)
	}
	if s, e := m.Span(5, 5); s != 6 || e != 6 {
		t.Errorf("Span(5, 5) = %d, %d, want 6, 6", s, e)
	}
	if s, e := m.Span(-3, 99); s != 0 || e != 12 {
		t.Errorf("Span(-3, 99) = %d, %d, want 0, 12", s, e)
	}
}

func TestStringNoAllocWhenUnchanged(t *testing.T) {
	n := Match()
	s := "وقال المتحدث باسم الخارجيه الاميركيه ان 17 دوله"
	if got := n.String(s); got != s {
		t.Fatalf("String changed %q to %q", s, got)
	}
	if a := testing.AllocsPerRun(100, func() { _ = n.String(s) }); a != 0 {
		t.Errorf("String of unchanged text allocates %v times, want 0", a)
	}
}

func TestCustomStep(t *testing.T) {
	// A caller's step beyond the BMP: mathematical bold A -> a.
	bold := StepFunc(func(dst []rune, r rune) []rune {
		if r == 0x1D400 {
			return append(dst, 'a')
		}
		return append(dst, r)
	})
	n := New(RuneMap{'x': "yz", 'q': ""}, bold)
	if got, want := n.String("xq\U0001D400!"), "yza!"; got != want {
		t.Errorf("String = %q, want %q", got, want)
	}
	m := n.Map("xq\U0001D400!")
	if want := []int{0, 0, 2, 3, 4}; !slices.Equal(m.Offsets, want) {
		t.Errorf("Map offsets = %v, want %v", m.Offsets, want)
	}
	if len(n.Steps()) != 2 {
		t.Errorf("Steps() has %d steps, want 2", len(n.Steps()))
	}
}

func TestRuleNames(t *testing.T) {
	if got := DropTatweel.String(); got != "drop-tatweel" {
		t.Errorf("DropTatweel.String() = %q", got)
	}
	if got := Rule(200).String(); got != "rule(?)" {
		t.Errorf("Rule(200).String() = %q", got)
	}
}

// checkMapped checks the invariants of Map against String for one input.
func checkMapped(t *testing.T, n *Normalizer, s string) {
	t.Helper()
	m := n.Map(s)
	if str := n.String(s); str != m.Text {
		t.Fatalf("String(%q) = %q but Map.Text = %q", s, str, m.Text)
	}
	if !utf8.ValidString(m.Text) {
		t.Fatalf("Map(%q).Text = %q is not valid UTF-8", s, m.Text)
	}
	runes := utf8.RuneCountInString(m.Text)
	if len(m.Offsets) != runes+1 {
		t.Fatalf("Map(%q): %d offsets for %d runes", s, len(m.Offsets), runes)
	}
	if last := m.Offsets[runes]; last != utf8.RuneCountInString(s) {
		t.Fatalf("Map(%q): final offset %d, want %d", s, last, utf8.RuneCountInString(s))
	}
	for i := 1; i < len(m.Offsets); i++ {
		if m.Offsets[i] < m.Offsets[i-1] {
			t.Fatalf("Map(%q): offsets not monotone: %v", s, m.Offsets)
		}
	}
	if n.String(m.Text) != m.Text {
		t.Fatalf("normalisation of %q is not idempotent: %q -> %q", s, m.Text, n.String(m.Text))
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{
		"", "abc", "كتـاب", "ﻻ ﷲ ﻷ ﷺ", "مُحَمَّدٌ", "أحمد إبراهيم", "١٥٠ ۲۰۱۸",
		"\u200fمرحبا\u202b", "\xff\xfe", "\xd8\u0640\xa7", "BBC \U0001F600 Ω",
		"\ufe70\ufe71", "ٱلْحَمْدُ لِلَّهِ", "کتاب یوم",
	} {
		f.Add(s)
	}
	display, match := Display(), Match()
	f.Fuzz(func(t *testing.T, s string) {
		checkMapped(t, display, s)
		checkMapped(t, match, s)
	})
}

func TestSupplementary(t *testing.T) {
	// Deseret capital long I (U+10400) lowers to U+10428; emoji stay.
	in := "\U00010400\U0001F600"
	if got, want := Match().String(in), "\U00010428\U0001F600"; got != want {
		t.Errorf("Match().String(%q) = %q, want %q", in, got, want)
	}
	if got := Display().String(in); got != in {
		t.Errorf("Display().String(%q) = %q, want it unchanged", in, got)
	}
	s := "emoji \U0001F600 stays"
	if a := testing.AllocsPerRun(50, func() { _ = Match().String(s) }); a != 0 {
		t.Errorf("String of unchanged text with an emoji allocates %v times", a)
	}
}

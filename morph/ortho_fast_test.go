package morph

import (
	"testing"
	"unicode/utf8"
)

// The byte-level fast paths of ortho.go must agree with the rune loops they
// replace, on valid text and on invalid bytes alike.

func refHasMark(s string) bool {
	for _, r := range s {
		if isMark(r) {
			return true
		}
	}
	return false
}

func refHasHamzaAlef(s string) bool {
	for _, r := range s {
		if skelRune(r) != r {
			return true
		}
	}
	return false
}

func refRunePrefix(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, sz := utf8.DecodeRuneInString(s[i:])
		i += sz
	}
	return s[:i]
}

func refRuneSuffix(s string, n int) string {
	i := len(s)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:i])
		i -= sz
	}
	return s[i:]
}

func refSkel(s string) string {
	s = StripMarks(s)
	if !refHasHamzaAlef(s) {
		return s
	}
	var b []rune
	for _, r := range s {
		b = append(b, skelRune(r))
	}
	return string(b)
}

func checkOrthoFast(t *testing.T, s string) {
	t.Helper()
	if got, want := Skel(s), refSkel(s); got != want {
		t.Fatalf("Skel(%q) = %q, want %q", s, got, want)
	}
	if got, want := hasMarkBytes(s), refHasMark(s); got != want {
		t.Fatalf("hasMarkBytes(%q) = %v, want %v", s, got, want)
	}
	if got, want := hasHamzaAlefBytes(s), refHasHamzaAlef(s); got != want {
		t.Fatalf("hasHamzaAlefBytes(%q) = %v, want %v", s, got, want)
	}
	for n := 0; n <= 5; n++ {
		if got, want := runePrefix(s, n), refRunePrefix(s, n); got != want {
			t.Fatalf("runePrefix(%q, %d) = %q, want %q", s, n, got, want)
		}
		if got, want := runeSuffix(s, n), refRuneSuffix(s, n); got != want {
			t.Fatalf("runeSuffix(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
}

func TestOrthoFastPaths(t *testing.T) {
	// Every rune of the Arabic blocks, alone and between letters, and
	// every byte pair (which covers truncated and invalid sequences).
	for r := rune(0x0600); r <= 0x06FF; r++ {
		checkOrthoFast(t, string(r))
		checkOrthoFast(t, "ب"+string(r)+"ت")
	}
	for a := 0; a < 256; a++ {
		for b := 0; b < 256; b++ {
			s := string([]byte{byte(a), byte(b)})
			checkOrthoFast(t, s)
			checkOrthoFast(t, "ك"+s)
			checkOrthoFast(t, s+"\xd9")
		}
	}
	for _, s := range []string{"", "أحمد", "وَالْكِتَابُ", "ٱلله", "مدرســة", "abc", "\xe0\xd9\x8b", "\xdb\x96\xd9", "أإآٱ\xffأ\xd8", "\xef\xbf\xbdإ"} {
		checkOrthoFast(t, s)
	}
}

func FuzzOrthoFastPaths(f *testing.F) {
	for _, s := range []string{"أحمد", "وَالْكِتَابُ", "\xe0\xd9\x8b", "ٱلله"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkOrthoFast(t, s) })
}

// Package translit writes Arabic script in Latin letters: the Buckwalter
// transliteration (ToBuckwalter, FromBuckwalter), a one-to-one ASCII coding
// for lexicons, debugging and interchange with tools that expect it, and
// Romanize, a readable fallback spelling for names that no gazetteer lists.
//
// The package does no I/O; its tables are fixed at compile time.
package translit

import (
	"strings"
	"unicode/utf8"
)

// buckwalter is the standard Buckwalter table (Tim Buckwalter's 2002 scheme
// as used by the Penn Arabic Treebank): one ASCII character per Arabic
// letter, hamza form, diacritic and tatweel.
var buckwalter = [...]struct {
	arabic rune
	ascii  byte
}{
	{'\u0621', '\''}, // ء hamza
	{'\u0622', '|'},  // آ alef madda
	{'\u0623', '>'},  // أ alef hamza above
	{'\u0624', '&'},  // ؤ waw hamza
	{'\u0625', '<'},  // إ alef hamza below
	{'\u0626', '}'},  // ئ yeh hamza
	{'\u0627', 'A'},  // ا alef
	{'\u0628', 'b'},  // ب
	{'\u0629', 'p'},  // ة ta marbuta
	{'\u062A', 't'},  // ت
	{'\u062B', 'v'},  // ث
	{'\u062C', 'j'},  // ج
	{'\u062D', 'H'},  // ح
	{'\u062E', 'x'},  // خ
	{'\u062F', 'd'},  // د
	{'\u0630', '*'},  // ذ
	{'\u0631', 'r'},  // ر
	{'\u0632', 'z'},  // ز
	{'\u0633', 's'},  // س
	{'\u0634', '$'},  // ش
	{'\u0635', 'S'},  // ص
	{'\u0636', 'D'},  // ض
	{'\u0637', 'T'},  // ط
	{'\u0638', 'Z'},  // ظ
	{'\u0639', 'E'},  // ع
	{'\u063A', 'g'},  // غ
	{'\u0640', '_'},  // ـ tatweel
	{'\u0641', 'f'},  // ف
	{'\u0642', 'q'},  // ق
	{'\u0643', 'k'},  // ك
	{'\u0644', 'l'},  // ل
	{'\u0645', 'm'},  // م
	{'\u0646', 'n'},  // ن
	{'\u0647', 'h'},  // ه
	{'\u0648', 'w'},  // و
	{'\u0649', 'Y'},  // ى alef maqsura
	{'\u064A', 'y'},  // ي
	{'\u064B', 'F'},  // fathatan
	{'\u064C', 'N'},  // dammatan
	{'\u064D', 'K'},  // kasratan
	{'\u064E', 'a'},  // fatha
	{'\u064F', 'u'},  // damma
	{'\u0650', 'i'},  // kasra
	{'\u0651', '~'},  // shadda
	{'\u0652', 'o'},  // sukun
	{'\u0670', '`'},  // superscript (dagger) alef
	{'\u0671', '{'},  // ٱ alef wasla
}

// Lookup tables built from buckwalter: Arabic code points U+0621..U+0671
// to ASCII, and ASCII to Arabic (0 = not in the scheme).
var (
	toBW   [0x0671 - 0x0621 + 1]byte
	fromBW [128]rune
)

func init() {
	for _, e := range buckwalter {
		toBW[e.arabic-0x0621] = e.ascii
		fromBW[e.ascii] = e.arabic
	}
}

// ToBuckwalter writes the Arabic letters, hamza forms, diacritics and
// tatweel of s in Buckwalter ASCII. Everything else (spaces, digits,
// punctuation, Latin text, Arabic letters outside the scheme such as Persian
// پ or Arabic-Indic digits, even invalid UTF-8 bytes) is copied unchanged.
func ToBuckwalter(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x0621 && r <= 0x0671 && toBW[r-0x0621] != 0 {
			b.WriteByte(toBW[r-0x0621])
		} else {
			b.WriteString(s[i : i+size]) // invalid bytes verbatim, not U+FFFD
		}
		i += size
	}
	return b.String()
}

// FromBuckwalter is the inverse of ToBuckwalter: every ASCII character of the
// scheme becomes its Arabic letter or mark, everything else is copied.
//
// The scheme uses ASCII letters and punctuation, so ASCII in the input that
// was not Buckwalter to begin with collides: "CNN" comes back as "C" and two
// dammatan marks (N is dammatan; C is not in the scheme and stays), an
// apostrophe becomes a hamza, "<" an alef with hamza below. Hence the round
// trip FromBuckwalter(ToBuckwalter(s)) == s holds for every s (valid UTF-8 or
// not) that contains none of the scheme's ASCII characters (see
// IsBuckwalterSafe): all Arabic-script text, with digits, spaces and the
// punctuation the scheme leaves free (. , ! ? - : ; and so on). Text that
// mixes in Latin letters must be split before conversion.
func FromBuckwalter(s string) string {
	var b strings.Builder
	b.Grow(2 * len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < utf8.RuneSelf && fromBW[c] != 0 {
			b.WriteRune(fromBW[c])
		} else {
			b.WriteByte(c) // multi-byte sequences are copied byte by byte, intact
		}
	}
	return b.String()
}

// IsBuckwalterSafe reports whether s holds none of the ASCII characters the
// Buckwalter scheme uses, that is whether FromBuckwalter(ToBuckwalter(s))
// is guaranteed to give s back.
func IsBuckwalterSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < utf8.RuneSelf && fromBW[c] != 0 {
			return false
		}
	}
	return true
}

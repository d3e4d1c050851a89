package tokenize

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"khabar"
	"khabar/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// show renders tokens as "text/kind" separated by " | ".
func show(text string, toks []Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Text(text) + "/" + t.Kind.String()
	}
	return strings.Join(parts, " | ")
}

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   \n\t ", ""},
		{"قال كيري", "قال/word | كيري/word"},
		{"مُحَمَّدٌ كتـــاب", "مُحَمَّدٌ/word | كتـــاب/word"},
		{"و\"داعش\"،", "و/word | \"/punct | داعش/word | \"/punct | ،/punct"},
		{"بـ\"ذا فويس The Voice\"", "بـ/word | \"/punct | ذا/word | فويس/word | The/word | Voice/word | \"/punct"},
		{"لـCNN وBBC", "لـ/word | CNN/word | و/word | BBC/word"},
		{"الاميركية-الروسية", "الاميركية/word | -/punct | الروسية/word"},
		{"مي\u200cخواهم", "مي\u200cخواهم/word"},
		{"كلمة\u200c نص", "كلمة/word | نص/word"},
		{"\u200fمرحبا\u200f", "مرحبا/word"},
		{"G20 H1N1 4G 2018م", "G20/word | H1N1/word | 4/number | G/word | 2018/number | م/word"},
		// Numbers.
		{"١٥٠ ۲۰۱۸ 1,250.5 3.5", "١٥٠/number | ۲۰۱۸/number | 1,250.5/number | 3.5/number"},
		{"15-7 2018/03/03 14:30 ١٢٫٥", "15-7/number | 2018/03/03/number | 14:30/number | ١٢٫٥/number"},
		{"50% و٣٠٪", "50/number | %/punct | و/word | ٣٠/number | ٪/punct"},
		{"عام 2015.", "عام/word | 2015/number | ./punct"},
		{"(11 ديسمبر / كانون الأول 2015).", "(/punct | 11/number | ديسمبر/word | //punct | كانون/word | الأول/word | 2015/number | )/punct | ./punct"},
		{"-5 +3", "-/punct | 5/number | +/symbol | 3/number"},
		{"1, 2", "1/number | ,/punct | 2/number"},
		// Punctuation.
		{"ماذا؟! لا... «نعم» “لا” (هنا): ؛", "ماذا/word | ؟/punct | !/punct | لا/word | .../punct | «/punct | نعم/word | »/punct | “/punct | لا/word | ”/punct | (/punct | هنا/word | )/punct | :/punct | ؛/punct"},
		{"--- '!!'", "---/punct | '/punct | !!/punct | '/punct"},
		// URLs, e-mail, tags.
		{"انظر http://www.bbc.co.uk/arabic/world-43193332.", "انظر/word | http://www.bbc.co.uk/arabic/world-43193332/url | ./punct"},
		{"(www.alarabiya.net/ar/هكذا-تحالفت.html)", "(/punct | www.alarabiya.net/ar/هكذا-تحالفت.html/url | )/punct"},
		{"https://en.wikipedia.org/wiki/Foo_(bar), x", "https://en.wikipedia.org/wiki/Foo_(bar)/url | ,/punct | x/word"},
		{"\"https://t.co/abc\"", "\"/punct | https://t.co/abc/url | \"/punct"},
		{"http:// www.", "http/word | :/punct | //punct | //punct | www/word | ./punct"},
		{"راسلونا على info@example.com.", "راسلونا/word | على/word | info@example.com/email | ./punct"},
		{"a.b-c@mail.example.org x@y", "a.b-c@mail.example.org/email | x/word | @y/mention"},
		{"#عاصي_الحلاني، #إليسا #1 # x", "#عاصي_الحلاني/hashtag | ،/punct | #إليسا/hashtag | #/punct | 1/number | #/punct | x/word"},
		{"@AlArabiya_Brk: @ ", "@AlArabiya_Brk/mention | :/punct | @/punct"},
		// Symbols, marks, invalid bytes.
		{"$100 © 😀 👨\u200d👩\u200d👧 ❤\ufe0f", "$/symbol | 100/number | ©/symbol | 😀/symbol | 👨\u200d👩\u200d👧/symbol | ❤\ufe0f/symbol"},
		{"\u064e x", "\u064e/symbol | x/word"},
		{"a\xffb \xfe", "a/word | \xff/symbol | b/word | \xfe/symbol"},
		{"ﻻ ﷲ", "ﻻ/word | ﷲ/word"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in, nil)
		if got := show(tt.in, toks); got != tt.want {
			t.Errorf("Tokenize(%q)\n got: %s\nwant: %s", tt.in, got, tt.want)
		}
		checkCover(t, tt.in, toks)
	}
}

func TestKindString(t *testing.T) {
	want := map[Kind]string{Word: "word", Number: "number", Punct: "punct", URL: "url",
		Email: "email", Hashtag: "hashtag", Mention: "mention", Symbol: "symbol", 0: "", 99: ""}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("Kind(%d).String() = %q, want %q", k, k.String(), s)
		}
	}
}

func TestOffsetsAreCodePoints(t *testing.T) {
	text := "قال ١٥ ﻻ x"
	toks := Tokenize(text, nil)
	want := [][2]int{{0, 3}, {4, 6}, {7, 8}, {9, 10}}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens, want %d", len(toks), len(want))
	}
	for i, w := range want {
		if toks[i].Start != w[0] || toks[i].End != w[1] {
			t.Errorf("token %d: [%d,%d), want [%d,%d)", i, toks[i].Start, toks[i].End, w[0], w[1])
		}
	}
}

func TestReuseDst(t *testing.T) {
	buf := Tokenize("a b c d e f", nil)
	got := Tokenize("x y", buf)
	if len(got) != 2 || &got[0] != &buf[0] {
		t.Errorf("Tokenize did not reuse dst: %d tokens", len(got))
	}
}

// checkCover checks that the tokens are ordered, disjoint and non-empty,
// that their code-point and byte offsets agree, and that every non-separator
// rune of text lies in a token while no rune outside tokens is anything but
// a separator.
func checkCover(t *testing.T, text string, toks []Token) {
	t.Helper()
	inToken := make([]int, 0, len(text)) // token index + 1, 0 for none
	cpAt := make(map[int]int)            // byte offset -> code point offset at rune starts
	cp := 0
	for i := 0; i < len(text); {
		_, size := utf8.DecodeRuneInString(text[i:])
		cpAt[i] = cp
		inToken = append(inToken, 0)
		i += size
		cp++
	}
	cpAt[len(text)] = cp
	prevEnd := 0
	for k, tok := range toks {
		if tok.Kind < Word || tok.Kind > Symbol {
			t.Fatalf("%q: token %d has kind %d", text, k, tok.Kind)
		}
		if tok.Start >= tok.End || tok.Start < prevEnd {
			t.Fatalf("%q: token %d [%d,%d) empty or overlapping (previous end %d)", text, k, tok.Start, tok.End, prevEnd)
		}
		s, ok1 := cpAt[tok.ByteStart]
		e, ok2 := cpAt[tok.ByteEnd]
		if !ok1 || !ok2 || s != tok.Start || e != tok.End {
			t.Fatalf("%q: token %d bytes [%d,%d) do not match code points [%d,%d)", text, k, tok.ByteStart, tok.ByteEnd, tok.Start, tok.End)
		}
		for c := tok.Start; c < tok.End; c++ {
			inToken[c] = k + 1
		}
		prevEnd = tok.End
	}
	cp = 0
	for i := 0; i < len(text); cp++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if size == 1 && r == utf8.RuneError {
			r = -1 // invalid byte: never a separator
		}
		if inToken[cp] == 0 && !IsSeparator(r) {
			t.Fatalf("%q: rune %d %q is in no token", text, cp, text[i:i+size])
		}
		if inToken[cp] > 0 && IsSeparator(r) && r != 0x200C && r != 0x200D {
			// Only invisible characters inside a word may be in a token.
			if tok := toks[inToken[cp]-1]; tok.Kind != Word {
				t.Fatalf("%q: separator %U at %d inside a %s token", text, r, cp, tok.Kind)
			}
			if r == ' ' || r == '\n' {
				t.Fatalf("%q: white space inside a token at %d", text, cp)
			}
		}
		i += size
	}
}

// TestGoldenSeedArticle tokenizes the seed article and compares the tokens,
// one a line, with testdata/seed-article.tokens (go test -update rewrites it).
func TestGoldenSeedArticle(t *testing.T) {
	text := testcorpus.SeedArticle(t)
	toks := Tokenize(text, nil)
	checkCover(t, text, toks)
	var b strings.Builder
	for _, tok := range toks {
		fmt.Fprintf(&b, "%d\t%d\t%s\t%s\n", tok.Start, tok.End, tok.Kind, tok.Text(text))
	}
	testcorpus.Golden(t, filepath.Join("testdata", "seed-article.tokens"), b.String(), *update)
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{
		"", "قال كيري \"داعش\"، (11 ديسمبر / كانون الأول 2015).",
		"١٥٠ 1,250.5 15-7 2018/03/03 14:30", "http://x.y/(a)). www.a.b info@x.org",
		"#عاصي_الحلاني @user # @", "مي\u200cخواهم \u200f\u200c", "\xff\xfe\xd8", "😀\u200d❤\ufe0f",
		"\u064e\u064eـ", "1.2.3..4,,5", "HTTPS://A", "a@b.cc.", "لـCNN",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCover(t, s, Tokenize(s, nil))
	})
}

// TestCoverProperty checks the cover property (every non-separator rune in
// exactly one token, offsets in code points) on random texts drawn from
// pieces that stress the scanner's edges.
func TestCoverProperty(t *testing.T) {
	pieces := []string{
		"قال", "كيري", "ـ", "\u064e", "\u0651", "١٥", "۲", "3", ".", ",", "-", "/", ":", "٫",
		"\"", "«", "»", "(", ")", "#", "@", "_", "%", "٪", " ", "\n", "\t", "\u00a0",
		"\u200c", "\u200d", "\u200f", "\u202b", "\ufeff", "http://", "https://", "www.", "a", "Z",
		"x.com", "info@", "😀", "\ufe0f", "ﻻ", "\xff", "\xd8", "\xe2\x80", "…", "؟", "!", "$",
	}
	rng := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	for range 20000 {
		b.Reset()
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		s := b.String()
		checkCover(t, s, Tokenize(s, nil))
	}
}

// TestKindsMatchContract checks that the kind names are the token kinds of
// the JSON contract.
func TestKindsMatchContract(t *testing.T) {
	want := map[Kind]string{
		Word: khabar.KindWord, Number: khabar.KindNumber, Punct: khabar.KindPunct,
		URL: khabar.KindURL, Email: khabar.KindEmail, Hashtag: khabar.KindHashtag,
		Mention: khabar.KindMention, Symbol: khabar.KindSymbol,
	}
	for k, s := range want {
		if k.String() != s {
			t.Errorf("%d.String() = %q, the contract says %q", k, k.String(), s)
		}
	}
}

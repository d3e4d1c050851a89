package sentence

import (
	"flag"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"khabar/arabic/tokenize"
	"khabar/internal/testcorpus"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// cpSlice returns the code points [start, end) of text.
func cpSlice(text string, start, end int) string {
	var b strings.Builder
	cp := 0
	for i := 0; i < len(text); cp++ {
		_, size := utf8.DecodeRuneInString(text[i:])
		if cp >= start && cp < end {
			b.WriteString(text[i : i+size])
		}
		i += size
	}
	return b.String()
}

// show renders the sentences of text separated by " || ".
func show(text string, sents []Sentence) string {
	parts := make([]string, len(sents))
	for i, s := range sents {
		parts[i] = cpSlice(text, s.Start, s.End)
	}
	return strings.Join(parts, " || ")
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"spaces", " \n ", ""},
		{"one", "قال كيري.", "قال كيري."},
		{"no terminator", "قال كيري", "قال كيري"},
		{"two", "قال كيري. وأضاف تونر!", "قال كيري. || وأضاف تونر!"},
		{"question", "هل يرحل الأسد؟ لا أحد يعرف", "هل يرحل الأسد؟ || لا أحد يعرف"},
		{"question ascii", "Why? Because.", "Why? || Because."},
		{"mixed terminators", "ماذا؟! حقا...", "ماذا؟! || حقا..."},
		{"ellipsis", "انتظر… ثم ذهب", "انتظر… || ثم ذهب"},
		{"newline", "سطر أول\nسطر ثان", "سطر أول || سطر ثان"},
		{"newline inside quote", "قال \"لا\nنعم\"", "قال \"لا || نعم\""},
		{"no space after stop", "انتهى.وقال", "انتهى. || وقال"},
		{"decimal", "ارتفع 3.5 في المئة. ثم", "ارتفع 3.5 في المئة. || ثم"},
		{"quote spans stops", "قال ان \"الجميع متفقون. الجميع. اما\". ثم ذهب.",
			"قال ان \"الجميع متفقون. الجميع. اما\". || ثم ذهب."},
		{"stop inside quote at its end", "قال \"لن نستسلم.\" وأضاف: \"أبدا\".",
			"قال \"لن نستسلم.\" || وأضاف: \"أبدا\"."},
		{"guillemets", "قال «انتهى. لا شيء.» ثم ذهب.", "قال «انتهى. لا شيء.» || ثم ذهب."},
		{"reversed guillemets", "قال »انتهى. لا شيء.« ثم ذهب.", "قال »انتهى. لا شيء.« || ثم ذهب."},
		{"curly", "قال “نعم.” لا.", "قال “نعم.” || لا."},
		{"parens", "الرئيس (وهو مريض. جدا) غادر. ثم", "الرئيس (وهو مريض. جدا) غادر. || ثم"},
		{"closing paren joins", "غادر (ثم عاد.) وبعد", "غادر (ثم عاد.) || وبعد"},
		{"odd quotes ignored", "قال \"نعم. ثم ذهب. وعاد", "قال \"نعم. || ثم ذهب. || وعاد"},
		{"unbalanced paren ignored", "قال (نعم. ثم ذهب", "قال (نعم. || ثم ذهب"},
		{"stray closer after stop", "انتهى.) ثم", "انتهى.) || ثم"},
		{"doctor", "قال د. محمد البرادعي. ثم", "قال د. محمد البرادعي. || ثم"},
		{"engineer", "المهندس م. أحمد غادر", "المهندس م. أحمد غادر"},
		{"po box", "ص.ب. 1234 الرياض", "ص.ب. 1234 الرياض"},
		{"arab republic", "ج.م.ع. دولة", "ج.م.ع. دولة"},
		{"US", "The U.S. army left. Then", "The U.S. army left. || Then"},
		{"Mr", "Mr. Smith left. Then", "Mr. Smith left. || Then"},
		{"era after number", "في عام 2018 م. وقال", "في عام 2018 م. || وقال"},
		{"era attached", "في عام 2018م. وقال", "في عام 2018م. || وقال"},
		{"domain", "موقع bbc.com نشر. ثم", "موقع bbc.com نشر. || ثم"},
		{"arabic site name", "نشرت العربية.نت الخبر. ثم", "نشرت العربية.نت الخبر. || ثم"},
		{"spelt-out acronym", "قال مكتب إف.بي.آي. إن التحقيق مستمر. ثم", "قال مكتب إف.بي.آي. إن التحقيق مستمر. || ثم"},
		{"acronym in parens", "قناة (سي.إن.إن) الأمريكية. ثم", "قناة (سي.إن.إن) الأمريكية. || ثم"},
		{"short words with a space", "قال هو. في البيت", "قال هو. || في البيت"},
		{"list item", "1. البند الأول", "1. البند الأول"},
		{"number at end", "بلغ العدد 17. ثم", "بلغ العدد 17. || ثم"},
		{"dateline", "لونغ بيتش (الولايات المتحدة) 15-7 (اف ب)- اعلن الرئيس. ثم",
			"لونغ بيتش (الولايات المتحدة) 15-7 (اف ب)- اعلن الرئيس. || ثم"},
		{"dotted agency", "القاهرة (أ.ف.ب.) - قال الوزير. ثم", "القاهرة (أ.ف.ب.) - قال الوزير. || ثم"},
		{"dotted agency no parens", "القاهرة - أ.ف.ب: قال الوزير. ثم", "القاهرة - أ.ف.ب: قال الوزير. || ثم"},
		{"spaced ellipsis", "قال . . . ثم", "قال . . . || ثم"},
	}
	for _, tt := range tests {
		toks := tokenize.Tokenize(tt.in, nil)
		sents := Split(tt.in, toks, nil)
		if got := show(tt.in, sents); got != tt.want {
			t.Errorf("%s: Split(%q)\n got: %s\nwant: %s", tt.name, tt.in, got, tt.want)
		}
		checkSentences(t, tt.in, toks, sents)
	}
}

func TestForeignTokens(t *testing.T) {
	toks := []tokenize.Token{{Start: 0, End: 3, ByteStart: 0, ByteEnd: 3, Kind: tokenize.Word},
		{Start: 5, End: 9, ByteStart: 50, ByteEnd: 90, Kind: tokenize.Punct}}
	got := Split("abc. def", toks, nil)
	if len(got) != 1 || got[0].FirstToken != 0 || got[0].EndToken != 2 || got[0].End != 9 {
		t.Errorf("Split with tokens beyond the text = %+v, want one sentence over both", got)
	}
	if got := Split("", nil, nil); len(got) != 0 {
		t.Errorf("Split of no tokens = %+v", got)
	}
}

func TestReuseDst(t *testing.T) {
	text := "أ. ب. ج. د. ه. و. ز. ح"
	toks := tokenize.Tokenize("واحد. اثنان. ثلاثة. أربعة.", nil)
	buf := Split("واحد. اثنان. ثلاثة. أربعة.", toks, nil)
	if len(buf) != 4 {
		t.Fatalf("got %d sentences, want 4", len(buf))
	}
	toks = tokenize.Tokenize(text, nil)
	got := Split(text, toks, buf)
	if len(got) != 1 || &got[0] != &buf[0] {
		t.Errorf("Split did not reuse dst, or split abbreviations: %d sentences", len(got))
	}
}

// checkSentences checks that the sentences cover the tokens exactly, in
// order, and that their code-point spans match their tokens.
func checkSentences(t *testing.T, text string, toks []tokenize.Token, sents []Sentence) {
	t.Helper()
	next := 0
	for i, s := range sents {
		if s.FirstToken != next || s.EndToken <= s.FirstToken || s.EndToken > len(toks) {
			t.Fatalf("%q: sentence %d covers tokens [%d,%d), want start %d of %d", text, i, s.FirstToken, s.EndToken, next, len(toks))
		}
		if s.Start != toks[s.FirstToken].Start || s.End != toks[s.EndToken-1].End {
			t.Fatalf("%q: sentence %d spans [%d,%d), its tokens [%d,%d)", text, i, s.Start, s.End, toks[s.FirstToken].Start, toks[s.EndToken-1].End)
		}
		next = s.EndToken
	}
	if next != len(toks) {
		t.Fatalf("%q: sentences cover %d of %d tokens", text, next, len(toks))
	}
}

// TestGoldenSeedArticle splits the seed article (13 paragraphs) and compares
// the sentences with testdata/seed-article.sentences (go test -update
// rewrites it). A reader counts 14 sentences: one a paragraph, two in the
// last. Paragraph 12 quotes three sentences ("... الاسد. الجميع. اما ...")
// inside one reported statement; the quotation rule keeps it one sentence.
func TestGoldenSeedArticle(t *testing.T) {
	text := testcorpus.SeedArticle(t)
	toks := tokenize.Tokenize(text, nil)
	sents := Split(text, toks, nil)
	checkSentences(t, text, toks, sents)
	if len(sents) != 14 {
		t.Errorf("seed article: %d sentences, want 14", len(sents))
	}
	var b strings.Builder
	for _, s := range sents {
		fmt.Fprintf(&b, "%d\t%d\t%d\t%d\t%s\n", s.Start, s.End, s.FirstToken, s.EndToken, cpSlice(text, s.Start, s.End))
	}
	testcorpus.Golden(t, filepath.Join("testdata", "seed-article.sentences"), b.String(), *update)
}

func FuzzSplit(f *testing.F) {
	for _, s := range []string{
		"", "قال كيري. وأضاف!", "قال ان \"الجميع متفقون. الجميع. اما\". ثم",
		"«انتهى.» »لا.« “نعم.” (أ.ف.ب.) [x.]", "\"\"\".\n.\"", "ص.ب. U.S. Mr. 1. bbc.com",
		"\xff.\xfe؟", "لونغ بيتش (الولايات المتحدة) 15-7 (اف ب)-", "...…!?؟", "a\u2029b.\u0085c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := tokenize.Tokenize(s, nil)
		checkSentences(t, s, toks, Split(s, toks, nil))
	})
}

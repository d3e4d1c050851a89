package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
	"unicode"

	"khabar/arabic/tokenize"
	"khabar/morph"
	"khabar/morph/conllu"
	"khabar/morph/udeval"
)

// Eval is the "khabar eval morph" verb: it analyses each gold sentence from
// its raw text and prints the CoNLL 2018 scores.
func Eval(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("khabar eval morph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	goldPath := fs.String("gold", "", "gold CoNLL-U file (required)")
	modelPath := fs.String("model", "", "model file (default: the embedded model)")
	outPath := fs.String("o", "", "write the system analysis as CoNLL-U to this file")
	tokName := fs.String("tokenizer", "khabar", "raw text tokenizer: khabar (arabic/tokenize, then morph.SplitPADT on each token) or padt (morph.TokenizePADT alone)")
	farasa := fs.String("farasa", "", "also score segmentation on this WikiNews-Farasa folder (e.g. ../shared/data/wikinews-farasa)")
	if rc := parseFlags(fs, args); rc >= 0 {
		return rc
	}
	a, err := loadAnalyzer(*modelPath)
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval morph:", err)
		return 1
	}
	if *goldPath != "" {
		tok := tokenizeKhabar
		if *tokName == "padt" {
			tok = func(text string) []string { t, _ := morph.TokenizePADT(text); return t }
		} else if *tokName != "khabar" {
			fmt.Fprintln(stderr, "khabar eval morph: -tokenizer must be khabar or padt")
			return 2
		}
		if rc := evalGold(a, tok, *tokName, *goldPath, *outPath, stdout, stderr); rc != 0 {
			return rc
		}
	}
	if *farasa != "" {
		r, err := EvalFarasa(a, *farasa)
		if err != nil {
			fmt.Fprintln(stderr, "khabar eval morph:", err)
			return 1
		}
		fmt.Fprintln(stdout, r)
	}
	if *goldPath == "" && *farasa == "" {
		fmt.Fprintln(stderr, "khabar eval morph: -gold or -farasa is required")
		return 2
	}
	return 0
}

func loadAnalyzer(path string) (*morph.Analyzer, error) {
	if path == "" {
		return morph.Load()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return morph.FromBytes(data)
}

func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// tokenizeKhabar tokenises raw text with the engine's tokenizer and splits
// each token PADT-style (numbers such as 15-7, runs of punctuation).
// PADT also keeps a decimal number written with the Arabic comma (3،7) as
// one token, which the engine's tokenizer splits in three: such adjacent
// number-comma-number runs are joined again.
func tokenizeKhabar(text string) []string {
	toks := tokenize.Tokenize(text, nil)
	var out []string
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.Kind == tokenize.Number && i+2 < len(toks) && toks[i+1].Text(text) == "،" && toks[i+2].Kind == tokenize.Number &&
			toks[i+1].ByteStart == t.ByteEnd && toks[i+2].ByteStart == toks[i+1].ByteEnd {
			out = append(out, morph.SplitPADT(text[t.ByteStart:toks[i+2].ByteEnd])...)
			i += 2
			continue
		}
		out = append(out, morph.SplitPADT(t.Text(text))...)
	}
	return out
}

func evalGold(a *morph.Analyzer, tokenizeText func(string) []string, tokName, goldPath, outPath string, stdout, stderr io.Writer) int {
	gold, err := ReadConllu(goldPath)
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval morph:", err)
		return 1
	}
	withText, rebuilt, mismatched := 0, 0, 0
	sys := make([]conllu.Sentence, len(gold))
	texts := make([]string, len(gold))
	for i := range gold {
		g := &gold[i]
		var tokChars strings.Builder
		for _, t := range g.Tokens {
			tokChars.WriteString(nonSpace(t.Form))
		}
		text := g.RawText()
		if g.HasText {
			withText++
			if nonSpace(text) != tokChars.String() {
				// The comment and the tokens disagree; score on the tokens.
				mismatched++
				c := *g
				c.HasText = false
				text = c.RawText()
			}
		} else {
			rebuilt++
		}
		texts[i] = text
	}
	start := time.Now()
	nWords := 0
	for i, text := range texts {
		toks := tokenizeText(text)
		segs := a.AnalyzeWords(toks)
		s := conllu.Sentence{ID: gold[i].ID, Text: text, HasText: true}
		for k, t := range toks {
			ct := conllu.Token{Form: t, SpaceAfter: true}
			for _, sg := range segs[k] {
				ct.Words = append(ct.Words, conllu.Word{Form: sg.Form, Lemma: sg.Lemma, UPOS: sg.POS, Feats: sg.Feats})
				nWords++
			}
			s.Tokens = append(s.Tokens, ct)
		}
		sys[i] = s
	}
	elapsed := time.Since(start)
	sc, err := udeval.Evaluate(gold, sys)
	if err != nil {
		fmt.Fprintln(stderr, "khabar eval morph:", err)
		return 1
	}
	fmt.Fprintf(stdout, "gold: %s\n", goldPath)
	fmt.Fprintf(stdout, "sentences: %d (%d with # text, %d rebuilt from the surface tokens and SpaceAfter=No; %d # text lines disagreed with the tokens and were rebuilt)\n",
		len(gold), withText-mismatched, rebuilt, mismatched)
	fmt.Fprintf(stdout, "raw text -> tokens (-tokenizer %s) -> segment + tag + lemma\n", tokName)
	fmt.Fprintf(stdout, "%s\n", sc)
	fmt.Fprintf(stdout, "gold tokens %d, system tokens %d; gold words %d, system words %d\n", sc.GoldTokens, sc.SysTokens, sc.GoldWords, sc.SysWords)
	printUPOSErrors(stdout, sc)
	fmt.Fprintf(stdout, "speed: %d words in %s = %.0f words/s (GOMAXPROCS as set)\n", nWords, elapsed.Round(time.Millisecond), float64(nWords)/elapsed.Seconds())
	if outPath != "" {
		f, err := os.Create(outPath)
		if err != nil {
			fmt.Fprintln(stderr, "khabar eval morph:", err)
			return 1
		}
		if err := conllu.Write(f, sys); err != nil {
			f.Close()
			fmt.Fprintln(stderr, "khabar eval morph:", err)
			return 1
		}
		if err := f.Close(); err != nil {
			fmt.Fprintln(stderr, "khabar eval morph:", err)
			return 1
		}
	}
	return 0
}

// printUPOSErrors prints how many aligned words were tagged wrong, how many
// of them involve X (PADT's tag for words its analyser left unanalysed),
// and the most frequent gold -> system pairs.
func printUPOSErrors(w io.Writer, sc udeval.Scores) {
	type pair struct {
		tags [2]string
		n    int
	}
	var ps []pair
	total := 0
	for k, n := range sc.UPOSErrors {
		ps = append(ps, pair{k, n})
		total += n
	}
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].n != ps[j].n {
			return ps[i].n > ps[j].n
		}
		return ps[i].tags[0]+ps[i].tags[1] < ps[j].tags[0]+ps[j].tags[1]
	})
	fmt.Fprintf(w, "UPOS errors on aligned words: %d, %d of them with X on either side; gold->system:", total, sc.UPOSErrorsX)
	for _, p := range ps[:min(8, len(ps))] {
		fmt.Fprintf(w, " %s->%s %d", p.tags[0], p.tags[1], p.n)
	}
	fmt.Fprintln(w)
}

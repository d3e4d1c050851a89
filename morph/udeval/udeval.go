// Package udeval scores a system analysis against gold CoNLL-U the way the
// CoNLL 2018 shared task evaluation does: tokens and words are placed on
// the character stream of the text without whitespace; words of ordinary
// tokens align when their character spans are equal, and inside stretches
// covered by multiword tokens they align by the longest common subsequence
// of their forms. Words F1, UPOS F1 and lemma accuracy (on gold words that
// have a lemma, diacritics stripped on both sides) are derived from the
// alignment.
package udeval

import (
	"fmt"
	"strings"
	"unicode"

	"khabar/morph/conllu"
)

// word is one syntactic word on the character stream.
type word struct {
	form, upos, lemma string
	start, end        int // characters (non-space) of its token
	multi             bool
}

type span struct{ start, end int }

// Scores are the counts behind the metrics.
type Scores struct {
	GoldTokens, SysTokens, AlignedTokens int
	GoldWords, SysWords, AlignedWords    int
	UPOSCorrect                          int
	GoldLemmas, LemmaCorrect             int
	// UPOSErrors counts the aligned words tagged wrong by their gold and
	// system tags; UPOSErrorsX those of them where either tag is X.
	UPOSErrors  map[[2]string]int
	UPOSErrorsX int
}

func f1(correct, gold, sys int) float64 {
	if gold+sys == 0 {
		return 0
	}
	return 200 * float64(correct) / float64(gold+sys)
}

// TokensF1, WordsF1, UPOSF1 are percentages; LemmaAcc is the share of gold
// words with a lemma whose aligned system word has the same lemma.
func (s Scores) TokensF1() float64 { return f1(s.AlignedTokens, s.GoldTokens, s.SysTokens) }
func (s Scores) WordsF1() float64  { return f1(s.AlignedWords, s.GoldWords, s.SysWords) }
func (s Scores) UPOSF1() float64   { return f1(s.UPOSCorrect, s.GoldWords, s.SysWords) }
func (s Scores) LemmaAcc() float64 {
	if s.GoldLemmas == 0 {
		return 0
	}
	return 100 * float64(s.LemmaCorrect) / float64(s.GoldLemmas)
}

// String formats the scores.
func (s Scores) String() string {
	return fmt.Sprintf("Tokens F1 %.2f  Words F1 %.2f  UPOS F1 %.2f  Lemma acc %.2f (%d/%d gold lemmas)",
		s.TokensF1(), s.WordsF1(), s.UPOSF1(), s.LemmaAcc(), s.LemmaCorrect, s.GoldLemmas)
}

// Add sums two score sets.
func (s *Scores) Add(o Scores) {
	s.GoldTokens += o.GoldTokens
	s.SysTokens += o.SysTokens
	s.AlignedTokens += o.AlignedTokens
	s.GoldWords += o.GoldWords
	s.SysWords += o.SysWords
	s.AlignedWords += o.AlignedWords
	s.UPOSCorrect += o.UPOSCorrect
	s.GoldLemmas += o.GoldLemmas
	s.LemmaCorrect += o.LemmaCorrect
	s.UPOSErrorsX += o.UPOSErrorsX
	for k, n := range o.UPOSErrors {
		if s.UPOSErrors == nil {
			s.UPOSErrors = map[[2]string]int{}
		}
		s.UPOSErrors[k] += n
	}
}

func nonSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// layout places tokens and words on the character stream.
func layout(sents []conllu.Sentence) (toks []span, words []word, chars string) {
	var b strings.Builder
	pos := 0
	for _, s := range sents {
		for _, t := range s.Tokens {
			f := nonSpace(t.Form)
			n := len([]rune(f))
			b.WriteString(f)
			sp := span{pos, pos + n}
			toks = append(toks, sp)
			for _, w := range t.Words {
				words = append(words, word{form: w.Form, upos: w.UPOS, lemma: w.Lemma, start: sp.start, end: sp.end, multi: len(t.Words) > 1})
			}
			pos += n
		}
	}
	return toks, words, b.String()
}

// ErrTextMismatch is returned when gold and system do not cover the same
// characters.
var ErrTextMismatch = fmt.Errorf("udeval: gold and system texts differ")

// StripMarks removes Arabic diacritics and tatweel (for lemma comparison).
func StripMarks(s string) string {
	return strings.Map(func(r rune) rune {
		if (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640 {
			return -1
		}
		return r
	}, s)
}

// LemmaKey is the form lemmas are compared in: diacritics stripped and
// Arabic-Indic digits written as ASCII (the two lemma sources of the gold
// PADT file write the lemma of 15 as 15 and as ١٥).
func LemmaKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640:
			return -1
		case r >= '٠' && r <= '٩':
			return '0' + r - '٠'
		case r >= '۰' && r <= '۹':
			return '0' + r - '۰'
		}
		return r
	}, s)
}

// Evaluate aligns system to gold and counts.
func Evaluate(gold, sys []conllu.Sentence) (Scores, error) {
	gt, gw, gc := layout(gold)
	st, sw, sc := layout(sys)
	var s Scores
	if gc != sc {
		return s, ErrTextMismatch
	}
	s.GoldTokens, s.SysTokens = len(gt), len(st)
	for i, j := 0, 0; i < len(gt) && j < len(st); {
		switch {
		case gt[i] == st[j]:
			s.AlignedTokens++
			i++
			j++
		case gt[i].start <= st[j].start:
			i++
		default:
			j++
		}
	}
	s.GoldWords, s.SysWords = len(gw), len(sw)
	for _, w := range gw {
		if w.lemma != "" && w.lemma != "_" {
			s.GoldLemmas++
		}
	}
	align := func(g, y *word) {
		s.AlignedWords++
		if g.upos == y.upos {
			s.UPOSCorrect++
		} else {
			if s.UPOSErrors == nil {
				s.UPOSErrors = map[[2]string]int{}
			}
			s.UPOSErrors[[2]string{g.upos, y.upos}]++
			if g.upos == "X" || y.upos == "X" {
				s.UPOSErrorsX++
			}
		}
		if g.lemma != "" && g.lemma != "_" && LemmaKey(g.lemma) == LemmaKey(y.lemma) {
			s.LemmaCorrect++
		}
	}
	gi, si := 0, 0
	for gi < len(gw) && si < len(sw) {
		if gw[gi].multi || sw[si].multi {
			gs, ss, ge, se := multiwordSpan(gw, sw, gi, si)
			gi, si = ge, se
			if ge > gs && se > ss {
				alignLCS(gw[gs:ge], sw[ss:se], align)
			}
			continue
		}
		switch {
		case gw[gi].start == sw[si].start && gw[gi].end == sw[si].end:
			align(&gw[gi], &sw[si])
			gi++
			si++
		case gw[gi].start <= sw[si].start:
			gi++
		default:
			si++
		}
	}
	return s, nil
}

func beyondEnd(ws []word, i, end int) bool {
	if i >= len(ws) {
		return true
	}
	if ws[i].multi {
		return ws[i].start >= end
	}
	return ws[i].end > end
}

func extendEnd(w *word, end int) int {
	if w.multi && w.end > end {
		return w.end
	}
	return end
}

// multiwordSpan finds the minimal stretch of words around a multiword
// token in either analysis.
func multiwordSpan(gw, sw []word, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gw[gi].multi {
		end = gw[gi].end
		if !sw[si].multi && sw[si].start < gw[gi].start {
			si++
		}
	} else {
		end = sw[si].end
		if !gw[gi].multi && gw[gi].start < sw[si].start {
			gi++
		}
	}
	gs, ss = gi, si
	for !beyondEnd(gw, gi, end) || !beyondEnd(sw, si, end) {
		if gi < len(gw) && (si >= len(sw) || gw[gi].start <= sw[si].start) {
			end = extendEnd(&gw[gi], end)
			gi++
		} else {
			end = extendEnd(&sw[si], end)
			si++
		}
	}
	return gs, ss, gi, si
}

// alignLCS aligns two word runs by the LCS of their (lower-cased) forms.
func alignLCS(g, y []word, align func(g, y *word)) {
	n, m := len(g), len(y)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if strings.ToLower(g[i].form) == strings.ToLower(y[j].form) {
				lcs[i][j] = 1 + lcs[i+1][j+1]
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		if strings.ToLower(g[i].form) == strings.ToLower(y[j].form) {
			align(&g[i], &y[j])
			i++
			j++
		} else if lcs[i][j] == lcs[i][j+1] {
			j++
		} else {
			i++
		}
	}
}

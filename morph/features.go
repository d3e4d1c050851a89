package morph

import (
	"strconv"
	"unicode/utf8"

	"khabar/morph/perceptron"
)

// Feature templates; each is hashed with its string.
const (
	fBias uint64 = iota + 1
	fTokSk
	fPre1
	fPre2
	fPre3
	fPre4
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrevTok
	fNextTok
	fPrevRule
	fShape
	fKnown
	fPrior
	fStemSk
	fStemVocab
	fStemVocabLen
	fStemPre2
	fStemSuf2
	fStemLex
	fStemLexVocab
	fNextTokPre
	fPrevTokSuf

	tBias
	tSk
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tRoleSk
	tRole
	tTokSk
	tPrevTag
	tPrev2Tag
	tPrevTagSk
	tPrevSk
	tNextSk
	tPrev2Sk
	tNext2Sk
	tShape
	tRoleShape
	tNextSuf2
	tSkNext
	tPrevSkSk
	tLex
	tNextPre2
	tVocab

	lPOS
	lSuf1
	lSuf2
	lSuf3
	lSuf4
	lPre1
	lPre2
	lSk
	lInSpell
	lLen
	lRes
)

// segTok is the per-token input of the segmenter.
type segTok struct {
	surf, sk, shape string
}

// vocabBucket bins a frequency.
func vocabBucket(n int) string {
	switch {
	case n <= 0:
		return "0"
	case n == 1:
		return "1"
	case n < 5:
		return "2"
	case n < 20:
		return "5"
	}
	return "20"
}

// priorBucket bins the share of a rule among a known token's analyses.
func priorBucket(c, total int) string {
	if total <= 0 {
		return "-"
	}
	p := float64(c) / float64(total)
	switch {
	case p >= 0.99:
		return "a"
	case p >= 0.9:
		return "b"
	case p >= 0.6:
		return "c"
	case p >= 0.3:
		return "d"
	case p > 0.05:
		return "e"
	}
	return "f"
}

// tokenFeats are the candidate-independent features of token i.
func tokenFeats(dst []uint64, toks []segTok, i int, prevRule string, known bool) []uint64 {
	t := &toks[i]
	sk := t.sk
	dst = append(dst,
		perceptron.Hash(fBias, ""),
		perceptron.Hash(fTokSk, sk),
		perceptron.Hash(fPre1, runePrefix(sk, 1)),
		perceptron.Hash(fPre2, runePrefix(sk, 2)),
		perceptron.Hash(fPre3, runePrefix(sk, 3)),
		perceptron.Hash(fPre4, runePrefix(sk, 4)),
		perceptron.Hash(fSuf1, runeSuffix(sk, 1)),
		perceptron.Hash(fSuf2, runeSuffix(sk, 2)),
		perceptron.Hash(fSuf3, runeSuffix(sk, 3)),
		perceptron.Hash(fSuf4, runeSuffix(sk, 4)),
		perceptron.Hash(fPrevRule, prevRule),
		perceptron.Hash(fShape, t.shape+strconv.Itoa(min(utf8.RuneCountInString(sk), 8))),
	)
	if known {
		dst = append(dst, perceptron.Hash(fKnown, "k"))
	} else {
		dst = append(dst, perceptron.Hash(fKnown, "u"))
	}
	prev, next := "<s>", "</s>"
	if i > 0 {
		prev = toks[i-1].sk
	}
	if i+1 < len(toks) {
		next = toks[i+1].sk
	}
	dst = append(dst,
		perceptron.Hash(fPrevTok, prev),
		perceptron.Hash(fNextTok, next),
		perceptron.Hash(fNextTokPre, runePrefix(next, 2)),
		perceptron.Hash(fPrevTokSuf, runeSuffix(prev, 2)),
	)
	return dst
}

// candFeats are the features of one candidate analysis; they are scored
// both against the rule and against its shape, so that what is learned
// about stems (known word or not) carries over to rare rules.
func candFeats(dst []uint64, stemSk string, vocab int, lex uint8, prior string) []uint64 {
	vb := vocabBucket(vocab)
	lb := strconv.Itoa(int(lex))
	dst = append(dst,
		perceptron.Hash(fStemSk, stemSk),
		perceptron.Hash(fStemVocab, vb),
		perceptron.Hash(fStemVocabLen, vb+strconv.Itoa(min(utf8.RuneCountInString(stemSk), 7))),
		perceptron.Hash(fStemPre2, runePrefix(stemSk, 2)),
		perceptron.Hash(fStemSuf2, runeSuffix(stemSk, 2)),
		perceptron.Hash(fStemLex, lb),
		perceptron.Hash(fStemLexVocab, lb+vb),
		perceptron.Hash(fPrior, prior),
	)
	return dst
}

// tagWord is the per-word input of the tagger.
type tagWord struct {
	form, sk  string
	tok       int
	role      byte // 'W' whole token, 'P' proclitic, 'S' stem, 'E' enclitic
	ruleShape string
}

// tagFeats are the features of word j given the tags already chosen.
func tagFeats(dst []uint64, words []tagWord, toks []segTok, j int, prevTag, prev2Tag string, vocab int, lex uint8) []uint64 {
	w := &words[j]
	sk := w.sk
	role := string(w.role)
	get := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(words) {
			return "</s>"
		}
		return words[k].sk
	}
	next := get(j + 1)
	prev := get(j - 1)
	dst = append(dst,
		perceptron.Hash(tBias, ""),
		perceptron.Hash(tSk, sk),
		perceptron.Hash(tSuf1, runeSuffix(sk, 1)),
		perceptron.Hash(tSuf2, runeSuffix(sk, 2)),
		perceptron.Hash(tSuf3, runeSuffix(sk, 3)),
		perceptron.Hash(tSuf4, runeSuffix(sk, 4)),
		perceptron.Hash(tPre1, runePrefix(sk, 1)),
		perceptron.Hash(tPre2, runePrefix(sk, 2)),
		perceptron.Hash(tPre3, runePrefix(sk, 3)),
		perceptron.Hash(tRoleSk, role+sk),
		perceptron.Hash(tRole, role),
		perceptron.Hash(tTokSk, toks[w.tok].sk),
		perceptron.Hash(tPrevTag, prevTag),
		perceptron.Hash(tPrev2Tag, prev2Tag+"|"+prevTag),
		perceptron.Hash(tPrevTagSk, prevTag+"|"+sk),
		perceptron.Hash(tPrevSk, prev),
		perceptron.Hash(tNextSk, next),
		perceptron.Hash(tPrev2Sk, get(j-2)),
		perceptron.Hash(tNext2Sk, get(j+2)),
		perceptron.Hash(tShape, shape(sk)+strconv.Itoa(min(utf8.RuneCountInString(sk), 8))),
		perceptron.Hash(tRoleShape, role+w.ruleShape),
		perceptron.Hash(tNextSuf2, runeSuffix(next, 2)),
		perceptron.Hash(tSkNext, sk+"|"+next),
		perceptron.Hash(tPrevSkSk, prev+"|"+sk),
		perceptron.Hash(tLex, strconv.Itoa(int(lex))),
		perceptron.Hash(tNextPre2, runePrefix(next, 2)),
		perceptron.Hash(tVocab, vocabBucket(vocab)+role),
	)
	return dst
}

// lemmaFeats are the candidate-independent features of a word to lemmatise.
func lemmaFeats(dst []uint64, sk, pos string) []uint64 {
	dst = append(dst,
		perceptron.Hash(lPOS, pos),
		perceptron.Hash(lSuf1, pos+runeSuffix(sk, 1)),
		perceptron.Hash(lSuf2, pos+runeSuffix(sk, 2)),
		perceptron.Hash(lSuf3, pos+runeSuffix(sk, 3)),
		perceptron.Hash(lSuf4, pos+runeSuffix(sk, 4)),
		perceptron.Hash(lPre1, pos+runePrefix(sk, 1)),
		perceptron.Hash(lPre2, pos+runePrefix(sk, 2)),
		perceptron.Hash(lSk, sk),
	)
	return dst
}

// lemmaCandFeats are the features of one lemma candidate.
func lemmaCandFeats(dst []uint64, res, pos string, inSpell bool) []uint64 {
	in := "n"
	if inSpell {
		in = "y"
	}
	dst = append(dst,
		perceptron.Hash(lInSpell, pos+in),
		perceptron.Hash(lLen, pos+in+strconv.Itoa(min(utf8.RuneCountInString(res), 8))),
		perceptron.Hash(lRes, res),
	)
	return dst
}

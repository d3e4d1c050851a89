package morph

import (
	"strconv"
	"strings"
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
	fStemCorpus
	fStemCorpusTok
	fStemCorpusVocab
	fTokSurf
	fPrev2Tok

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
	tLex2
	tLex3
	tPrevPre2
	tSuf1Next
	tCurAmb
	tNextAmb
	tNextAmb2
	tAmbCtx
	tNextAmbSk
	tCorpus
	aBias
	aPrev1
	aPrev2
	aPrev3
	aNext1
	aPrev12
	tRightTag
	tRightTags
	tRightTagSk
	tRightPrev
	tRightSelf

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
		perceptron.Hash2(fShape, t.shape, lenStr(sk, 8)),
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
	prev2 := "<s>"
	if i > 1 {
		prev2 = toks[i-2].sk
	}
	if t.surf != sk {
		dst = append(dst, perceptron.Hash(fTokSurf, t.surf))
	}
	dst = append(dst,
		perceptron.Hash(fPrev2Tok, prev2),
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
func candFeats(dst []uint64, stemSk string, vocab int, lex uint16, prior string, corpStem, corpTok int) []uint64 {
	vb := vocabBucket(vocab)
	lb := lexStr(lex)
	dst = append(dst,
		perceptron.Hash(fStemSk, stemSk),
		perceptron.Hash(fStemVocab, vb),
		perceptron.Hash2(fStemVocabLen, vb, lenStr(stemSk, 7)),
		perceptron.Hash(fStemPre2, runePrefix(stemSk, 2)),
		perceptron.Hash(fStemSuf2, runeSuffix(stemSk, 2)),
		perceptron.Hash(fStemLex, lb),
		perceptron.Hash2(fStemLexVocab, lb, vb),
		perceptron.Hash(fPrior, prior),
		perceptron.Hash(fStemCorpus, corpusBucket(corpStem)),
		perceptron.Hash2(fStemCorpusTok, corpusBucket(corpStem), corpusBucket(corpTok)),
		perceptron.Hash3(fStemCorpusVocab, corpusBucket(corpStem), vb, lb),
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
func tagFeats(dst []uint64, words []tagWord, toks []segTok, j int, prevTag, prev2Tag string, wf []wordFeat) []uint64 {
	w := &words[j]
	dst = tagFeatsFree(dst, w.sk, w.role, toks[w.tok].sk)
	return tagFeatsCtx(dst, words, j, prevTag, prev2Tag, wf)
}

// tagFeatsFree are the first features of a word, those that depend on the
// word alone (its skeleton sk, its role and its token's skeleton tokSk):
// the analysis sums their weights once per word (see memo.go).
func tagFeatsFree(dst []uint64, sk string, roleB byte, tokSk string) []uint64 {
	role := string(roleB)
	return append(dst,
		perceptron.Hash(tBias, ""),
		perceptron.Hash(tSk, sk),
		perceptron.Hash(tSuf1, runeSuffix(sk, 1)),
		perceptron.Hash(tSuf2, runeSuffix(sk, 2)),
		perceptron.Hash(tSuf3, runeSuffix(sk, 3)),
		perceptron.Hash(tSuf4, runeSuffix(sk, 4)),
		perceptron.Hash(tPre1, runePrefix(sk, 1)),
		perceptron.Hash(tPre2, runePrefix(sk, 2)),
		perceptron.Hash(tPre3, runePrefix(sk, 3)),
		perceptron.Hash2(tRoleSk, role, sk),
		perceptron.Hash(tRole, role),
		perceptron.Hash(tTokSk, tokSk),
	)
}

// tagFeatsCtx are the features of word j that follow tagFeatsFree's.
func tagFeatsCtx(dst []uint64, words []tagWord, j int, prevTag, prev2Tag string, wf []wordFeat) []uint64 {
	w := &words[j]
	vocab, lex, corp := wf[j].vocab, wf[j].lex, wf[j].corp
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
		perceptron.Hash(tPrevTag, prevTag),
		perceptron.Hash2(tPrev2Tag, prev2Tag, prevTag),
		perceptron.Hash2(tPrevTagSk, prevTag, sk),
		perceptron.Hash(tPrevSk, prev),
		perceptron.Hash(tNextSk, next),
		perceptron.Hash(tPrev2Sk, get(j-2)),
		perceptron.Hash(tNext2Sk, get(j+2)),
		perceptron.Hash2(tShape, shape(sk), lenStr(sk, 8)),
		perceptron.Hash2(tRoleShape, role, w.ruleShape),
		perceptron.Hash(tNextSuf2, runeSuffix(next, 2)),
		perceptron.Hash2(tSkNext, sk, next),
		perceptron.Hash2(tPrevSkSk, prev, sk),
		perceptron.Mix(perceptron.Hash(tLex, ""), uint64(lex[0])+1),
		perceptron.Mix(perceptron.Hash(tLex2, ""), uint64(lex[1])+1),
		perceptron.Mix(perceptron.Hash(tLex3, ""), uint64(lex[2])+1),
		perceptron.Hash3(tPrevPre2, prevTag, runePrefix(prev, 2), runePrefix(sk, 2)),
		perceptron.Hash3(tSuf1Next, runeSuffix(sk, 1), runeSuffix(next, 1), prevTag),
		perceptron.Hash(tNextPre2, runePrefix(next, 2)),
		perceptron.Hash2(tVocab, vocabBucket(vocab), role),
	)
	amb := func(k int) string {
		if k >= len(words) {
			return "</s>"
		}
		return wf[k].amb
	}
	cur, n1, n2 := amb(j), amb(j+1), amb(j+2)
	dst = append(dst,
		perceptron.Hash(tCurAmb, cur),
		perceptron.Hash(tNextAmb, n1),
		perceptron.Hash2(tNextAmb2, n1, n2),
		perceptron.Hash3(tAmbCtx, prevTag, cur, n1),
		perceptron.Hash2(tNextAmbSk, n1, sk),
		perceptron.Hash3(tCorpus, corpusBucket(corp), vocabBucket(vocab), role),
	)
	return dst
}

// lemmaFeats are the candidate-independent features of a word to lemmatise.
func lemmaFeats(dst []uint64, sk, pos string) []uint64 {
	dst = append(dst,
		perceptron.Hash(lPOS, pos),
		perceptron.Hash2(lSuf1, pos, runeSuffix(sk, 1)),
		perceptron.Hash2(lSuf2, pos, runeSuffix(sk, 2)),
		perceptron.Hash2(lSuf3, pos, runeSuffix(sk, 3)),
		perceptron.Hash2(lSuf4, pos, runeSuffix(sk, 4)),
		perceptron.Hash2(lPre1, pos, runePrefix(sk, 1)),
		perceptron.Hash2(lPre2, pos, runePrefix(sk, 2)),
		perceptron.Hash(lSk, sk),
	)
	return dst
}

// lemmaCandFeats are the features of one lemma candidate.
func lemmaCandFeats(dst []uint64, res, pos, kind string) []uint64 {
	in := kind
	dst = append(dst,
		perceptron.Hash2(lInSpell, pos, in),
		perceptron.Hash3(lLen, pos, in, lenStr(res, 8)),
		perceptron.Hash(lRes, res),
	)
	return dst
}

// wordFeat is what the tagger looks up once per word of a sentence.
type wordFeat struct {
	vocab, corp int
	lex         [3]uint16
	amb         string // ambiguity class, "?" when unknown
	sure        int    // tag index of a dictionary-sure word, else -1
}

// nominalSuffixes are stripped to find a word's stem in the lexicon.
var nominalSuffixes = []string{"ات", "ين", "ون", "ان", "ية", "ة", "ي", "ا"}

// lexFlags looks a word up in the lexicon as it is, without ال, and
// without its nominal suffix.
func (c *core) lexFlags(sk string) (f [3]uint16) {
	f[0] = c.info[sk].lex
	core := sk
	if strings.HasPrefix(core, "ال") && len(core) > len("ال")+2 {
		core = core[len("ال"):]
		f[1] = c.info[core].lex
	}
	for _, suf := range nominalSuffixes {
		if strings.HasSuffix(core, suf) && len(core) > len(suf)+2 {
			f[2] = c.info[core[:len(core)-len(suf)]].lex
			break
		}
	}
	return f
}

var smallInts = func() (t [17]string) {
	for i := range t {
		t[i] = strconv.Itoa(i)
	}
	return
}()

// lenStr is the rune length of s capped at max (max <= 16), as a string.
func lenStr(s string, max int) string {
	return smallInts[min(utf8.RuneCountInString(s), max)]
}

// lexStr writes lexicon flags as a feature value without allocating for
// the common values.
func lexStr(f uint16) string {
	if int(f) < len(smallInts) {
		return smallInts[f]
	}
	return strconv.Itoa(int(f))
}

// corpusBucket bins a raw-corpus frequency on a log scale.
func corpusBucket(n int) string {
	switch {
	case n <= 0:
		return "0"
	case n < 10:
		return "1"
	case n < 100:
		return "2"
	case n < 1000:
		return "3"
	case n < 10000:
		return "4"
	}
	return "5"
}

// altFeats are the context features of the lemma choice for word j.
func altFeats(dst []uint64, words []tagWord, j int) []uint64 {
	get := func(k int) string {
		if k < 0 {
			return "<s>"
		}
		if k >= len(words) {
			return "</s>"
		}
		return words[k].sk
	}
	return append(dst,
		perceptron.Hash(aBias, ""),
		perceptron.Hash(aPrev1, get(j-1)),
		perceptron.Hash(aPrev2, get(j-2)),
		perceptron.Hash(aPrev3, get(j-3)),
		perceptron.Hash(aNext1, get(j+1)),
		perceptron.Hash2(aPrev12, get(j-2), get(j-1)),
	)
}

package ner

import (
	"strings"

	"khabar"
	"unicode"
	"unicode/utf8"

	"khabar/gazetteer"
	"khabar/wordcluster"
)

// Gazetteer kind bits.
const (
	gazCountry uint16 = 1 << iota
	gazCapital
	gazCity
	gazRegion
	gazOrg
	gazPerson
	gazName
)

var gazBits = map[string]uint16{
	gazetteer.Country: gazCountry, gazetteer.Capital: gazCapital, gazetteer.City: gazCity,
	gazetteer.Region: gazRegion, gazetteer.Org: gazOrg, gazetteer.Person: gazPerson, gazetteer.Name: gazName,
}

// resources are the lexical tables the features read.
type resources struct {
	clusters *wordcluster.Table
	// gazWord maps a folded one-token name to its kind bits; gazPhrase maps
	// folded multi-token names (tokens joined by a space).
	gazWord   map[string]uint16
	gazPhrase map[string]uint16
	// gazFirst holds the first tokens of multi-token names, with the most
	// tokens of a name each starts.
	gazFirst  map[string]bool
	firstMax  map[string]int
	maxPhrase int
	// words joins the word-class table and the one-word gazetteer facts,
	// so that a token costs one lookup per form.
	words map[string]wordInfo
	// lex is the ANT label lexicon, nil when the model uses none.
	lex map[string]lexEntry
	// lexInWords is set when the lexicon has been copied into words
	// (mergeLexicon), so that a token's entry comes with a lookup info
	// makes anyway.
	lexInWords bool
	// trig is the trigger lexicon (triggers.go), nil when the model uses
	// none.
	trig map[string]lexEntry
	// charGrams adds letter trigram features (an experiment switch).
	charGrams bool
	// sgLevels is how many granularities of skip-gram classes the
	// features read (0: none, the model was trained without them).
	sgLevels int
	// sgAvail is how many granularities the embedded skip-gram table has.
	sgAvail int
	// quotes adds the features of short quoted spans (titles of
	// programmes, papers, operations).
	quotes bool
}

// foldedEntry is a gazetteer entry with its folded words, folded once at
// start-up for both the features and the Latin spellings.
type foldedEntry struct {
	gazetteer.Entry
	words []string
}

func foldEntries(gaz []gazetteer.Entry) []foldedEntry {
	out := make([]foldedEntry, len(gaz))
	for i, e := range gaz {
		out[i].Entry = e
		wordcluster.SplitWords(e.Arabic, func(w string) { out[i].words = append(out[i].words, wordcluster.Fold(w)) })
	}
	return out
}

func newResources(cl, sg *wordcluster.Table, gaz []foldedEntry) *resources {
	r := &resources{clusters: cl, gazWord: map[string]uint16{}, gazPhrase: map[string]uint16{}, gazFirst: map[string]bool{}, firstMax: map[string]int{}}
	for _, e := range gaz {
		bit := gazBits[e.Kind]
		if bit == 0 {
			continue
		}
		toks := e.words
		switch {
		case len(toks) == 0:
		case len(toks) == 1:
			r.gazWord[toks[0]] |= bit
		default:
			if len(toks) > 6 {
				continue
			}
			r.gazPhrase[strings.Join(toks, " ")] |= bit
			r.gazFirst[toks[0]] = true
			r.firstMax[toks[0]] = max(r.firstMax[toks[0]], len(toks))
			r.maxPhrase = max(r.maxPhrase, len(toks))
		}
	}
	r.words = make(map[string]wordInfo, cl.Len()+len(r.gazWord))
	cl.Range(func(w string, e wordcluster.Entry) bool {
		r.words[w] = wordInfo{Entry: e, inTable: true}
		return true
	})
	for w, bits := range r.gazWord {
		wi := r.words[w]
		wi.gaz = bits
		r.words[w] = wi
	}
	for w, n := range r.firstMax {
		wi := r.words[w]
		wi.first = uint8(n)
		r.words[w] = wi
	}
	if sg != nil {
		r.sgAvail = len(sg.Ks)
		sg.Range(func(w string, e wordcluster.Entry) bool {
			if e.NoClass {
				return true
			}
			wi := r.words[w]
			wi.sg, wi.hasSG = e.Class, true
			r.words[w] = wi
			return true
		})
	}
	return r
}

// mergeLexicon copies the ANT label lexicon into the word table, so that
// info finds a token's entry in the lookups it makes for the word and its
// rest. Words only the lexicon knows get entries with nothing else set,
// which read as absent everywhere else. It changes the table in place: call
// it only on resources of one's own (NewRecognizer's), never on the shared
// copies of training.
func (res *resources) mergeLexicon() {
	for k, e := range res.lex {
		wi := res.words[k]
		wi.lex, wi.hasLex = e, true
		res.words[k] = wi
	}
	for k, e := range res.trig {
		wi := res.words[k]
		wi.trig, wi.hasTrig = e, true
		res.words[k] = wi
	}
	res.lexInWords = true
}

// wordInfo is what the tables know of one folded word.
type wordInfo struct {
	wordcluster.Entry
	inTable bool   // listed in the word-class table
	gaz     uint16 // one-word gazetteer kinds
	first   uint8  // the most tokens of a multi-word gazetteer name it starts
	// lex is the word's ANT label lexicon entry, when hasLex, and trig its
	// trigger lexicon entry, when hasTrig (filled by mergeLexicon).
	lex, trig       lexEntry
	hasLex, hasTrig bool
	// sg are the word's skip-gram classes, when hasSG.
	sg    [wordcluster.MaxLevels]uint16
	hasSG bool
}

// classes returns the word's classes when it has them.
func (wi wordInfo) classes() ([wordcluster.MaxLevels]uint16, bool) {
	return wi.Class, wi.inTable && !wi.NoClass
}

// articled are the proclitic strings ending in the article, longest
// first; "لل" is ل + the article. They are always split off.
var articled = []string{"وبال", "وكال", "ولل", "فبال", "فلل", "وال", "فال", "بال", "كال", "لل", "ال"}

// split returns the proclitics of a folded word with corpus count count,
// and the rest. The article and what precedes it always come off; a bare
// و, ف, ب or ل only when the news shows the rest more often than the whole
// (وروسيا, لروسيا, but not واشنطن or لبنان); ك, which starts far more names
// than it prefixes, only before the article. It also returns what the
// tables know of the rest when it looked it up (a token costs few
// lookups).
func (res *resources) split(f string, count uint32) (pre, rest string, e wordInfo, looked bool) {
	for _, p := range articled {
		if strings.HasPrefix(f, p) && utf8.RuneCountInString(f)-utf8.RuneCountInString(p) >= 2 {
			return p, f[len(p):], e, false
		}
	}
	pre, rest = "", f
	for _, c := range [2]string{"و", "ف"} {
		if strings.HasPrefix(rest, c) {
			if r := rest[len(c):]; utf8.RuneCountInString(r) >= 3 {
				if er := res.words[r]; er.Count >= 3 && er.Count > count {
					pre, rest, e, looked = c, r, er, true
					count = er.Count
				}
			}
			break
		}
	}
	for _, c := range [2]string{"ب", "ل"} {
		if strings.HasPrefix(rest, c) {
			if r := rest[len(c):]; utf8.RuneCountInString(r) >= 3 {
				if er := res.words[r]; er.Count >= 3 && er.Count > count {
					return pre + c, r, er, true
				}
			}
			break
		}
	}
	return pre, rest, e, looked
}

// tokenInfo is what the feature templates read of one token.
type tokenInfo struct {
	fold, pre, rest, restAl string
	shape                   string
	gaz, gazRest            uint16
	cls                     [wordcluster.MaxLevels]uint16
	hasCls                  bool
	restCls                 [wordcluster.MaxLevels]uint16
	hasRestCls              bool
	// sg and restSG are the skip-gram classes of the word and its rest.
	sg, restSG       [wordcluster.MaxLevels]uint16
	hasSG, hasRestSG bool
	// phrase is the kind bits of the gazetteer name covering the token,
	// phraseBegin whether the token starts it.
	phrase      uint16
	phraseBegin bool
	// first and restFirst are the most tokens of a multi-word gazetteer
	// name the word, or its rest, starts (0: none).
	first, restFirst uint8
	// lex is how a first-pass tagger labelled the word across the ANT news
	// corpus (see lexicon.go); hasLex is false for words it never saw.
	lex    lexEntry
	hasLex bool
	// trig is the word's trigger lexicon entry (triggers.go), when hasTrig.
	trig    lexEntry
	hasTrig bool
	// From the morphology layer, when given: the UPOS of the stem (the
	// longest segment), the UPOS of all segments, and the stem's lemma.
	mpos, mlemma string
	// quoteCue is, for a token inside a short quoted span (« ... »), the
	// folded word before the opening mark ("<s>" at the start); empty
	// outside quotes. quoteFirst marks the span's first token.
	quoteCue   string
	quoteFirst bool
	// mpatFeat is the tMPat feature of the segments' UPOS pattern, hashed
	// here from a stack buffer so that the pattern is never made a string.
	mpatFeat uint64
}

// setMorph reads a token's segments.
func (ti *tokenInfo) setMorph(segs []khabar.Segment) {
	if len(segs) == 0 {
		return
	}
	stem := 0
	pat := make([]byte, 0, 32)
	for i, s := range segs {
		if len(s.Form) > len(segs[stem].Form) {
			stem = i
		}
		if i > 0 {
			pat = append(pat, '+')
		}
		pat = append(pat, s.POS...)
	}
	ti.mpos = segs[stem].POS
	if ti.mpos == "" {
		ti.mpos = "_"
	}
	ti.mpatFeat = hashBytes(hashU(hashU(fnvOffset, tMPat), 8), pat)
	ti.mlemma = wordcluster.Fold(segs[stem].Lemma)
}

// shapeNames holds every shape string, so that shapeOf allocates nothing.
var shapeNames = func() [128]string {
	var out [128]string
	for code := range out {
		var b []byte
		for bit, c := range "alUdp" {
			if code&(1<<bit) != 0 {
				b = append(b, byte(c))
			}
		}
		b = append(b, byte('1'+code>>5))
		out[code] = string(b)
	}
	return out
}()

// shapeOf describes a word's script, case, digits and punctuation, and
// its length in four buckets.
func shapeOf(w string) string {
	code, n := 0, 0
	for _, r := range w {
		n++
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			code |= 1
		case r >= '0' && r <= '9':
			code |= 8
		case r < 0x80 && unicode.IsLetter(r):
			code |= 2
			if unicode.IsUpper(r) {
				code |= 4
			}
		case unicode.IsLetter(r):
			code |= 1
		default:
			code |= 16
		}
	}
	switch {
	case n <= 2:
	case n <= 4:
		code |= 1 << 5
	case n <= 7:
		code |= 2 << 5
	default:
		code |= 3 << 5
	}
	return shapeNames[code]
}

func (res *resources) info(words []string, segs [][]khabar.Segment, infos []tokenInfo) []tokenInfo {
	if cap(infos) < len(words) {
		infos = make([]tokenInfo, 0, len(words))
	}
	infos = infos[:0]
	if len(segs) != len(words) {
		segs = nil
	}
	for wi, w := range words {
		ti := res.tokenOf(w)
		if segs != nil {
			ti.setMorph(segs[wi])
		}
		infos = append(infos, ti)
	}
	res.sentenceInfo(infos)
	return infos
}

// tokenOf returns what the tables know of the token spelled w: all of
// tokenInfo but the fields the sentence sets (sentenceInfo) and the
// morphology (setMorph).
func (res *resources) tokenOf(w string) tokenInfo {
	f := wordcluster.Fold(w)
	wf := res.words[f]
	pre, rest, wr, lookedRest := res.split(f, wf.Count)
	ti := tokenInfo{fold: f, pre: pre, rest: rest, shape: shapeOf(w)}
	ti.restAl = strings.TrimPrefix(rest, "ال")
	if pre != "" && !lookedRest {
		wr = res.words[rest]
	}
	ti.gaz, ti.first = wf.gaz, wf.first
	if pre != "" {
		ti.gazRest, ti.restFirst = wr.gaz, wr.first
		if ti.gazRest == 0 && strings.HasSuffix(pre, "ل") && !strings.HasSuffix(pre, "ال") {
			// ل + article: للعراق is ل + العراق.
			ti.gazRest = res.gazWord["ال"+rest]
		}
	}
	ti.cls, ti.hasCls = wf.classes()
	ti.sg, ti.hasSG = wf.sg, wf.hasSG
	if pre != "" {
		ti.restCls, ti.hasRestCls = wr.classes()
		ti.restSG, ti.hasRestSG = wr.sg, wr.hasSG
	}
	if res.lex != nil || res.trig != nil {
		// buildLexicon never stores the empty key, so skip its lookup.
		if k := contextKey(&ti); k != "" {
			switch {
			case !res.lexInWords:
				if res.lex != nil {
					ti.lex, ti.hasLex = res.lex[k]
				}
				if res.trig != nil {
					ti.trig, ti.hasTrig = res.trig[k]
				}
			case k == f:
				ti.lex, ti.hasLex, ti.trig, ti.hasTrig = wf.lex, wf.hasLex, wf.trig, wf.hasTrig
			case k == rest && pre != "":
				ti.lex, ti.hasLex, ti.trig, ti.hasTrig = wr.lex, wr.hasLex, wr.trig, wr.hasTrig
			default:
				e := res.words[k]
				ti.lex, ti.hasLex, ti.trig, ti.hasTrig = e.lex, e.hasLex, e.trig, e.hasTrig
			}
		}
	}
	return ti
}

// sentenceInfo sets the fields of a sentence's tokens that depend on their
// neighbours: quoted spans and multi-token gazetteer names.
func (res *resources) sentenceInfo(infos []tokenInfo) {
	if res.quotes {
		markQuotes(infos)
	}
	// Multi-token gazetteer names, longest first from each start; the first
	// token may carry a proclitic.
	if res.maxPhrase > 1 {
		// key is reused scratch: a map index by string(key) does not
		// allocate, where a strings.Builder's String per candidate did.
		var keyBuf [256]byte
		key := keyBuf[:0]
		for i := 0; i < len(infos); {
			matched := 0
			var bits uint16
			for k, first := range [2]string{infos[i].fold, infos[i].rest} {
				longest := int(infos[i].first)
				if k == 1 {
					longest = int(infos[i].restFirst)
					if infos[i].pre == "" {
						continue
					}
				}
				// No name from this word is longer than longest.
				for n := min(longest, len(infos)-i); n >= 2 && n > matched; n-- {
					key = append(key[:0], first...)
					for k := i + 1; k < i+n; k++ {
						key = append(key, ' ')
						key = append(key, infos[k].fold...)
					}
					if b, ok := res.gazPhrase[string(key)]; ok {
						matched, bits = n, b
						break
					}
				}
			}
			if matched == 0 {
				i++
				continue
			}
			for k := i; k < i+matched; k++ {
				infos[k].phrase = bits
				infos[k].phraseBegin = k == i
			}
			i += matched
		}
	}
}

// maxQuoted is the longest quoted span, in tokens, that markQuotes marks:
// titles are short, quoted speech is not.
const maxQuoted = 6

// closingQuote maps opening quote tokens to their closing ones; symmetric
// marks close themselves.
var closingQuote = map[string]string{"«": "»", "“": "”", `"`: `"`, "''": "''", "'": "'", "‘": "’"}

// markQuotes marks the tokens of short quoted spans with the word before
// the opening mark: « الناس وأنا » after برنامج is a programme's title.
func markQuotes(infos []tokenInfo) {
	for i := 0; i < len(infos); i++ {
		closer, ok := closingQuote[infos[i].fold]
		if !ok {
			continue
		}
		end := -1
		for k := i + 1; k < len(infos) && k <= i+maxQuoted+1; k++ {
			if infos[k].fold == closer {
				end = k
				break
			}
		}
		if end < 0 || end == i+1 {
			continue
		}
		cue := "<s>"
		if i > 0 {
			cue = infos[i-1].rest
		}
		for k := i + 1; k < end; k++ {
			infos[k].quoteCue = cue
			infos[k].quoteFirst = k == i+1
		}
		i = end
	}
}

// Feature templates: each hashes a template number with its values.
const (
	tBias uint64 = iota + 1
	tWord
	tRest
	tRestAl
	tPre
	tPrefix
	tSuffix
	tRestPrefix
	tRestSuffix
	tShape
	tBigramL
	tBigramR
	tGaz
	tGazRest
	tPhrase
	tCls
	tRestCls
	tNoCls
	tShapeCtx
	tLen
	tWordClsR
	tWordClsL
	tGazCtx
	tTrigger
	tStage1
	tCtxType
	tCtxOnlyO
	tCtxPersPart
	tLex
	tMPOS
	tMPat
	tMLemma
	tChar
	tSG
	tRestSG
	tNoSG
	tQuote
	tTrig
)

// charTrigrams appends the letter trigrams inside a word: transliterated
// foreign names share letter sequences (غ, -وف, -سكي) that whole-word
// features miss.
func charTrigrams(fs []uint64, w string) []uint64 {
	var buf [33]int
	offs := buf[:0]
	for i := range w {
		if len(offs) == cap(buf)-1 {
			break
		}
		offs = append(offs, i)
	}
	offs = append(offs, len(w))
	for k := 0; k+3 < len(offs); k++ {
		fs = append(fs, feat(tChar, 0, w[offs[k]:offs[k+3]]))
	}
	return fs
}

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashBytes is hashStr over bytes.
func hashBytes(h uint64, b []byte) uint64 {
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashU(h, v uint64) uint64 {
	h ^= v
	h *= fnvPrime
	h ^= v >> 32
	h *= fnvPrime
	return h
}

// feat hashes template t at relative offset off with the string s.
func feat(t uint64, off int, s string) uint64 {
	return hashStr(hashU(hashU(fnvOffset, t), uint64(off+8)), s)
}

func featU(t uint64, off int, vs ...uint64) uint64 {
	h := hashU(hashU(fnvOffset, t), uint64(off+8))
	for _, v := range vs {
		h = hashU(h, v)
	}
	return h
}

func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for c := 0; c < n && i > 0; c++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// features fills one feature list per token.
func (res *resources) features(infos []tokenInfo, out [][]uint64) [][]uint64 {
	T := len(infos)
	if cap(out) < T {
		out = make([][]uint64, T)
	}
	out = out[:T]
	// Fresh lists are cut from one block rather than grown by doubling
	// token by token; a list that outgrows its share reallocates alone.
	const perToken = 96
	var block []uint64
	for i := range infos {
		fs := out[i][:0]
		if cap(fs) == 0 {
			if len(block) == 0 {
				block = make([]uint64, (T-i)*perToken)
			}
			fs, block = block[:0:perToken], block[perToken:]
		}
		ti := &infos[i]
		// The order of the groups is the order the decoder sums their
		// weights in; the memo (memo.go) sums the same groups in the same
		// order, so keep the two in step.
		fs = res.featsWord(fs, ti)
		fs = res.featsSelfCtx(fs, ti)
		fs = res.featsMorph(fs, infos, i)
		fs = res.featsClasses(fs, ti)
		for k, off := range ctxOffsets {
			if i+off < 0 || i+off >= T {
				fs = append(fs, boundaryFeat[k])
				continue
			}
			o := &infos[i+off]
			fs = res.featsCtxWord(fs, o, off)
			if o.phrase != 0 {
				fs = append(fs, featU(tPhrase, off, uint64(o.phrase)))
			}
			fs = featsCtxLex(fs, o, off)
		}
		fs = res.featsPairs(fs, infos, i)
		out[i] = fs
	}
	return out
}

// ctxOffsets are the neighbours whose words the features read, in the
// order their features come.
var ctxOffsets = [...]int{-2, -1, 1, 2}

// boundaryFeat is the feature of a neighbour beyond the sentence, per
// ctxOffsets.
var boundaryFeat = func() (out [len(ctxOffsets)]uint64) {
	for k, off := range ctxOffsets {
		out[k] = feat(tWord, off*10, "<s>")
	}
	return out
}()

// featsWord appends the features that read the token's own word alone and
// come before the gazetteer phrase feature.
func (res *resources) featsWord(fs []uint64, ti *tokenInfo) []uint64 {
	fs = append(fs, featU(tBias, 0))
	fs = append(fs, feat(tWord, 0, ti.fold), feat(tRest, 0, ti.rest), feat(tRestAl, 0, ti.restAl), feat(tPre, 0, ti.pre))
	for n := 1; n <= 3; n++ {
		fs = append(fs, feat(tPrefix, n, prefix(ti.fold, n)), feat(tSuffix, n, suffix(ti.fold, n)))
	}
	for n := 2; n <= 3; n++ {
		fs = append(fs, feat(tRestPrefix, n, prefix(ti.restAl, n)), feat(tRestSuffix, n, suffix(ti.restAl, n)))
	}
	fs = append(fs, feat(tShape, 0, ti.shape), featU(tLen, 0, uint64(min(utf8.RuneCountInString(ti.restAl), 10))))
	if res.charGrams {
		fs = charTrigrams(fs, ti.restAl)
	}
	return append(fs, featU(tGaz, 0, uint64(ti.gaz)), featU(tGazRest, 0, uint64(ti.gazRest)))
}

// featsSelfCtx appends the gazetteer phrase feature, the lexicon features
// and the quoted-span features: the phrase and the quotes depend on the
// sentence, the lexicon features (featsLex) on the word alone.
func (res *resources) featsSelfCtx(fs []uint64, ti *tokenInfo) []uint64 {
	if ti.phrase != 0 {
		b := uint64(0)
		if ti.phraseBegin {
			b = 1
		}
		fs = append(fs, featU(tPhrase, 0, uint64(ti.phrase), b))
	}
	fs = featsLex(fs, ti)
	if ti.quoteCue != "" {
		b := uint64(0)
		if ti.quoteFirst {
			b = 1
		}
		fs = append(fs, featU(tQuote, 0, b), feat(tQuote, 1, ti.quoteCue))
		if ti.hasCls && len(res.clusters.Ks) > 0 {
			fs = append(fs, hashStr(featU(tQuote, 2, uint64(ti.cls[0])), ti.quoteCue))
		}
	}
	return fs
}

// featsLex appends the word's label and trigger lexicon features.
func featsLex(fs []uint64, ti *tokenInfo) []uint64 {
	if ti.hasLex {
		fs = ti.lex.features(fs, 0)
	}
	if ti.hasTrig {
		fs = ti.trig.triggerFeatures(fs)
	}
	return fs
}

// featsMorph appends the morphology features of token i: its own segments'
// and its neighbours' parts of speech.
func (res *resources) featsMorph(fs []uint64, infos []tokenInfo, i int) []uint64 {
	ti := &infos[i]
	if ti.mpos == "" {
		return fs
	}
	fs = append(fs, feat(tMPOS, 0, ti.mpos), ti.mpatFeat, feat(tMLemma, 0, ti.mlemma))
	for _, off := range ctxOffsets {
		if i+off < 0 || i+off >= len(infos) {
			continue
		}
		o := &infos[i+off]
		fs = append(fs, feat(tMPOS, off, o.mpos))
		if off == -1 {
			fs = append(fs, hashStr(feat(tMPat, off, o.mpos), ti.mpos))
		}
	}
	return fs
}

// levelFeats appends one feature a granularity of a word's classes, at
// offsets base, base+1, ...
func levelFeats(fs []uint64, typ uint64, base int, cls []uint16) []uint64 {
	for l, c := range cls {
		fs = append(fs, featU(typ, base+l, uint64(c)))
	}
	return fs
}

// featsClasses appends the word classes of the word and of its rest.
func (res *resources) featsClasses(fs []uint64, ti *tokenInfo) []uint64 {
	levels := len(res.clusters.Ks)
	sgl := res.sgLevels
	if ti.hasCls {
		fs = levelFeats(fs, tCls, 0, ti.cls[:levels])
	} else {
		fs = append(fs, featU(tNoCls, 0))
	}
	if ti.hasRestCls {
		fs = levelFeats(fs, tRestCls, 0, ti.restCls[:levels])
	}
	if sgl > 0 {
		if ti.hasSG {
			fs = levelFeats(fs, tSG, 0, ti.sg[:sgl])
		} else {
			fs = append(fs, featU(tNoSG, 0))
		}
		if ti.hasRestSG {
			fs = levelFeats(fs, tRestSG, 0, ti.restSG[:sgl])
		}
	}
	return fs
}

// featsCtxWord appends the features of the word o at offset off that read
// o's word alone and come before its phrase feature.
func (res *resources) featsCtxWord(fs []uint64, o *tokenInfo, off int) []uint64 {
	levels := len(res.clusters.Ks)
	sgl := res.sgLevels
	fs = append(fs, feat(tWord, off*10, o.fold), feat(tShapeCtx, off, o.shape))
	if off == -1 || off == 1 {
		fs = append(fs, feat(tRest, off*10, o.restAl), featU(tGazCtx, off, uint64(o.gaz|o.gazRest)))
	}
	if o.hasCls {
		fs = levelFeats(fs, tCls, off*10, o.cls[:levels])
	}
	if sgl > 0 {
		// The context word's skip-gram classes, or those of its rest
		// when a proclitic hides the word from the table.
		if o.hasSG {
			fs = levelFeats(fs, tSG, off*10, o.sg[:sgl])
		} else if o.hasRestSG {
			fs = levelFeats(fs, tSG, off*10, o.restSG[:sgl])
		}
	}
	return fs
}

// featsCtxLex appends the lexicon features of the word o at offset off.
func featsCtxLex(fs []uint64, o *tokenInfo, off int) []uint64 {
	if o.hasLex && (off == -1 || off == 1) {
		fs = o.lex.features(fs, off)
	}
	return fs
}

// featsPairs appends the features of token i with its neighbours' words.
func (res *resources) featsPairs(fs []uint64, infos []tokenInfo, i int) []uint64 {
	levels := len(res.clusters.Ks)
	ti := &infos[i]
	if i > 0 {
		p := &infos[i-1]
		fs = append(fs, hashStr(feat(tBigramL, 0, p.fold), ti.fold))
		if ti.hasCls && levels > 0 {
			fs = append(fs, hashStr(featU(tWordClsL, 0, uint64(ti.cls[levels-1])), p.fold))
		}
	}
	if i+1 < len(infos) {
		n := &infos[i+1]
		fs = append(fs, hashStr(feat(tBigramR, 0, n.fold), ti.fold))
		if ti.hasCls && levels > 0 {
			fs = append(fs, hashStr(featU(tWordClsR, 0, uint64(ti.cls[levels-1])), n.fold))
		}
	}
	return fs
}

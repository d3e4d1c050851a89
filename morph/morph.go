// Package morph is Khabar's morphology layer: it splits every token into
// the syntactic words of Universal Dependencies Arabic-PADT (proclitics و ف
// ب ل ك س, the stem with ال kept on it, enclitic pronouns), tags each word
// with UPOS and gives it a lemma.
//
// Three trained stages run per sentence, each an averaged perceptron over
// hashed features (package perceptron):
//
//  1. segmentation: each token chooses one SegRule among candidates: the
//     rules it took in the treebank when it is known, or every general rule
//     that fits its letters when it is rare or unseen. Rules carry the
//     spelling changes at clitic boundaries (لل = ل + ال, عليه = علي + ه,
//     مما = من + ما); the features (the candidate stem is a known word or a
//     lexicon entry, neighbouring tokens, the previous decision) keep words
//     such as وزير or بوتين whole.
//  2. tagging: a left-to-right UPOS tagger over the words.
//  3. lemmatisation: a (form, UPOS) dictionary from the lemmatised treebank
//     words, else a classifier over learned edge edits whose output is
//     respelt (hamza) from a lemma lexicon built from the treebank, BAMA,
//     Arramooz and Hunspell.
//
// The model is trained by 'khabar train morph' (Train) and embedded
// compressed; Load decodes it. An Analyzer is safe for concurrent use.
package morph

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"khabar"
	"khabar/morph/perceptron"
)

//go:embed model
var modelFS embed.FS

// ModelPath is where 'khabar train morph' writes the model, relative to the
// module root.
const ModelPath = "morph/model/morph.gob.gz"

// ErrNoModel is returned by Load when no model has been trained yet.
var ErrNoModel = errors.New("morph: no embedded model (run 'khabar train morph')")

// Analyzer segments, tags and lemmatises tokens.
type Analyzer struct {
	c    *core
	seg  tableScorer
	tag  tableDense
	tag2 denseScorer // nil: one tagging pass
	lem  tableScorer
	alt  tableScorer
	// exactSeg: the segmentation weights sum exactly (exactSums), so a
	// candidate's score may be summed in two parts.
	exactSeg bool
	// noMemo analyses without the memo (memo.go): the reference path
	// that tests compare the memo with.
	noMemo bool
	// memos holds the idle memos. They live here, not in the pooled
	// scratch, because a sync.Pool may drop its values at a collection
	// and a memo is worth keeping warm; at most cap(memos) are kept.
	memos chan *memo
	// tagSlots are the table slots of the previous tags' features, for
	// the memo path's tagger (tagrows.go); nil when it tags the plain way.
	tagSlots *tagSlots
	memoGen  int // spellings per memo generation (memoGen; less in tests)
	pool     sync.Pool
	// annPool holds Annotate's buffers (*annotateScratch).
	annPool sync.Pool
	Model   *Model
}

var (
	loadOnce sync.Once
	loaded   *Analyzer
	loadErr  error
)

// Load returns the analyser of the embedded model. The model is decoded
// once; later calls return the same (immutable) analyser.
func Load() (*Analyzer, error) {
	loadOnce.Do(func() {
		data, err := fs.ReadFile(modelFS, "model/morph.gob.gz")
		if err != nil {
			loadErr = fmt.Errorf("%w: %w", ErrNoModel, err)
			return
		}
		loaded, loadErr = FromBytes(data)
	})
	return loaded, loadErr
}

// FromBytes builds an analyser from a model written by Model.Encode.
func FromBytes(data []byte) (*Analyzer, error) {
	m, err := DecodeModel(data)
	if err != nil {
		return nil, err
	}
	return New(m)
}

// New builds an analyser from a decoded or freshly trained model.
func New(m *Model) (*Analyzer, error) {
	seg, tag, lem, err := m.tables()
	if err != nil {
		return nil, err
	}
	var tag2 denseScorer
	if len(m.Tag2Keys) > 0 {
		tag2 = tableDense{t: perceptron.Restore(m.Tag2Keys, m.Tag2Vals, len(m.Tags))}
	}
	c := newCore(m)
	if c.identity < 0 {
		return nil, fmt.Errorf("morph: model has no identity rule")
	}
	c.prepareAnalysis()
	a := &Analyzer{c: c, seg: tableScorer{seg}, tag: tableDense{t: tag}, tag2: tag2, lem: tableScorer{lem}, alt: tableScorer{perceptron.Restore(m.AltKeys, m.AltVals, 1)}, Model: m}
	a.exactSeg = exactSums(seg)
	if len(m.Tags) <= 64 {
		a.tagSlots = newTagSlots(tag, m.Tags)
	}
	a.memos = make(chan *memo, max(2, 2*runtime.GOMAXPROCS(0)))
	a.memoGen = memoGen
	a.pool.New = func() any { return &scratch{} }
	a.annPool.New = func() any { return &annotateScratch{} }
	return a, nil
}

// AnalyzeWords analyses one sentence given as PADT-style tokens (punctuation
// and numbers already split off) and returns the segments of each token.
func (a *Analyzer) AnalyzeWords(words []string) [][]khabar.Segment {
	out := make([][]khabar.Segment, len(words))
	a.analyze(words, func(tok int, seg khabar.Segment) {
		out[tok] = append(out[tok], seg)
	})
	return out
}

// analyze runs the three stages over one sentence and reports each word.
func (a *Analyzer) analyze(words []string, emit func(tok int, seg khabar.Segment)) {
	if len(words) == 0 {
		return
	}
	s := a.pool.Get().(*scratch)
	defer a.pool.Put(s)
	if !a.noMemo {
		s.memo = a.takeMemo()
		a.analyzeMemo(s, words, emit)
		a.giveMemo(s.memo)
		s.memo = nil
		return
	}
	c := a.c
	s.toks = s.toks[:0]
	for _, w := range words {
		if !utf8.ValidString(w) {
			w = strings.ToValidUTF8(w, "\uFFFD")
		}
		surf := StripMarks(w)
		sk := foldHamza(surf) // Skel(surf), surf being clean
		s.toks = append(s.toks, segTok{surf: surf, sk: sk, shape: shape(sk)})
	}
	c.segment(a.seg, s)
	c.buildWords(s, words)
	c.tag(a.tag, a.tag2, s)
	for j := range s.words {
		w := &s.words[j]
		pos := c.m.Tags[s.tags[j]]
		form := w.form
		if w.role == 'S' && w.sk == "ان" && !strings.ContainsAny(s.toks[w.tok].surf, "أإ") {
			// PADT spells ان before a pronoun أن or إن (انه = أن + ه after
			// a noun, إن + ه after قال): when the text writes no hamza,
			// the context classifier that chooses the lemma of a bare ان
			// chooses it.
			l := StripMarks(c.lemma(a.lem, a.alt, s, j, "ان", pos))
			if Skel(l) == "ان" && l != "ان" {
				form = l
			}
		}
		emit(w.tok, khabar.Segment{Form: form, POS: pos, Lemma: c.lemma(a.lem, a.alt, s, j, form, pos)})
	}
}

// annotateScratch is Annotate's working memory: a sentence's pieces and
// the tokens they come from, and their segments before they are handed
// out to the tokens.
type annotateScratch struct {
	pieces   []string
	owner    []int
	segs     []khabar.Segment
	segOwner []int
}

// Annotate fills the Segments of every token of doc, sentence by sentence.
// Tokens are split PADT-style first (a token such as "15-7" or one with
// punctuation glued to it is analysed as several), and their segments are
// concatenated back onto the token.
func (a *Analyzer) Annotate(doc *khabar.Document) {
	toks := doc.Tokens
	si := 0
	buf := a.annPool.Get().(*annotateScratch)
	defer a.annPool.Put(buf)
	pieces, owner, segs, segOwner := buf.pieces[:0], buf.owner[:0], buf.segs[:0], buf.segOwner[:0]
	defer func() {
		// Keep the grown buffers, without the document's strings.
		clear(pieces[:cap(pieces)])
		clear(segs[:cap(segs)])
		buf.pieces, buf.owner, buf.segs, buf.segOwner = pieces[:0], owner[:0], segs[:0], segOwner[:0]
	}()
	flush := func() {
		if len(pieces) == 0 {
			return
		}
		segs, segOwner = segs[:0], segOwner[:0]
		a.analyze(pieces, func(p int, seg khabar.Segment) {
			segs = append(segs, seg)
			segOwner = append(segOwner, owner[p])
		})
		pieces, owner = pieces[:0], owner[:0]
		// A token's segments come together. A token of one segment keeps
		// the slot it has; the tokens of several share one block, cut
		// with full slice expressions, instead of growing a slice each.
		multi := 0
		for k := 0; k < len(segs); {
			e := k + 1
			for e < len(segs) && segOwner[e] == segOwner[k] {
				e++
			}
			if e-k > 1 {
				multi += e - k
			}
			k = e
		}
		block := make([]khabar.Segment, 0, multi)
		for k := 0; k < len(segs); {
			e := k + 1
			for e < len(segs) && segOwner[e] == segOwner[k] {
				e++
			}
			t := &toks[segOwner[k]]
			if e-k == 1 {
				t.Segments = append(t.Segments, segs[k])
			} else {
				o := len(block)
				block = append(block, segs[k:e]...)
				t.Segments = block[o:len(block):len(block)]
			}
			k = e
		}
	}
	for i := range toks {
		for si < len(doc.Sentences) && toks[i].Start >= doc.Sentences[si].End {
			flush()
			si++
		}
		toks[i].Segments = toks[i].Segments[:0]
		switch toks[i].Kind {
		case khabar.KindURL, khabar.KindEmail, khabar.KindHashtag, khabar.KindMention:
			// One word, whatever punctuation it holds.
			pieces = append(pieces, toks[i].Text)
			owner = append(owner, i)
		default:
			n := len(pieces)
			pieces = appendPADT(pieces, toks[i].Text) // SplitPADT, in place
			for range pieces[n:] {
				owner = append(owner, i)
			}
		}
		if len(pieces) > 400 { // overlong "sentence": cut to bound the work
			flush()
		}
	}
	flush()
}

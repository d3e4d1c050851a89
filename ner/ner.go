// Package ner is Khabar's named-entity layer. It finds PER, LOC, ORG and
// MISC mentions, keeps proclitics out of their spans (وواشنطن → واشنطن),
// groups the mentions of one entity in a document under a canonical name
// (كيري after جون كيري, داعش with تنظيم الدولة الإسلامية) and spells each in
// Latin letters from the gazetteers and name lists, else by romanisation.
//
// The tagger is a first-order averaged perceptron (package seqlabel) over
// hashed features of each word and its neighbours: folded form, proclitic
// split, prefixes, suffixes, letter trigrams, shape, gazetteer membership
// (package gazetteer), word classes learned from the ANT news corpus
// (package wordcluster), an ANT label lexicon (lexicon.go) and, when the
// model was trained with them, the morphology layer's segments (package
// morph). Document rules (post.go) then label curated names and repeat a
// document's entities where the tagger missed them.
//
// The model, word classes, lexicon and gazetteers are embedded; Load parses
// them once, and a Recognizer is then safe for concurrent use. Train the
// model with `khabar train ner`, score it with `khabar eval ner`.
package ner

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"

	"khabar"
	"khabar/morph"

	"khabar/gazetteer"
	"khabar/seqlabel"
	"khabar/wordcluster"
)

//go:embed model/ner.model.gz
var embeddedModel []byte

// embeddedSecond is the second-pass (stacked) model; empty when the model
// was trained without stacking.
//
//go:embed model/ner2.model.gz
var embeddedSecond []byte

// embeddedLexicon is the ANT label lexicon; empty when the model uses none.
//
//go:embed model/lexicon.tsv.gz
var embeddedLexicon []byte

// embeddedOptions names the inputs the model was trained with: "morph"
// when it reads the morphology layer's segments.
//
//go:embed model/options.txt
var embeddedOptions string

// Labels is the tag set of the tagger, in ANERcorp's spelling.
var Labels = []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// Recognizer finds named entities.
type Recognizer struct {
	res   *resources
	model *seqlabel.Model
	// second is the stacked second pass, or nil.
	second *seqlabel.Model
	names  *nameTable
	// curated maps folded curated names to types for the post rules.
	curated        map[string]int
	curatedLongest int
	noPost         bool
	usesMorph      bool
	// morph is loaded on first use, for documents the morphology stage
	// has not analysed.
	morphOnce sync.Once
	morph     *morph.Analyzer
	morphErr  error
	pool      sync.Pool // *scratch
	// memos holds the idle memos (memo.go). They live here, not in the
	// pooled scratch, because a sync.Pool may drop its contents at any
	// collection, and a memo is worth keeping warm; at most cap(memos)
	// are kept.
	memos   chan *memo
	memoGen int  // spellings per memo generation (memoGen; less in tests)
	noMemo  bool // tag without the memo: the reference path of the tests
}

type scratch struct {
	infos []tokenInfo
	// tis holds a document's token facts (stackedDoc's one pass).
	tis   []tokenInfo
	feats [][]uint64
	dec   seqlabel.Decoder
	pred  []int
	// For the memo path: the memo in use, the tokens' entries, and
	// scratch for feature lists and sums.
	memo *memo
	ents []*wordMemo
	tmp  []uint64
	acc  []float32
}

// takeMemo returns an idle memo, or a new one when all are in use; nil
// when the recognizer tags without.
func (r *Recognizer) takeMemo() *memo {
	if r.noMemo || r.memos == nil {
		return nil
	}
	select {
	case m := <-r.memos:
		return m
	default:
		return newMemo(r.model, r.memoGen)
	}
}

// giveMemo keeps m for the next document, unless enough are kept.
func (r *Recognizer) giveMemo(m *memo) {
	if m == nil {
		return
	}
	select {
	case r.memos <- m:
	default:
	}
}

// loadResources parses the embedded word classes and gazetteer.
func loadResources() (*resources, []foldedEntry, error) {
	cl, err := wordcluster.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("ner: %w", err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("ner: %w", err)
	}
	sg, err := wordcluster.LoadSkipGram()
	if err != nil {
		return nil, nil, fmt.Errorf("ner: %w", err)
	}
	folded := foldEntries(gaz)
	return newResources(cl, sg, folded), folded, nil
}

// Load parses the embedded model and tables.
func Load() (*Recognizer, error) {
	if len(embeddedModel) == 0 {
		return nil, errors.New("ner: no trained model embedded; run `khabar train ner`")
	}
	m, err := seqlabel.Read(bytes.NewReader(embeddedModel))
	if err != nil {
		return nil, fmt.Errorf("ner: %w", err)
	}
	var m2 *seqlabel.Model
	if len(embeddedSecond) > 0 {
		if m2, err = seqlabel.Read(bytes.NewReader(embeddedSecond)); err != nil {
			return nil, fmt.Errorf("ner: second pass: %w", err)
		}
	}
	ms := &Models{First: m, Second: m2}
	ms.SetOptions(embeddedOptions)
	if err := ms.ReadLexicon(bytes.NewReader(embeddedLexicon)); err != nil {
		return nil, err
	}
	return NewRecognizer(ms)
}

// Models are the trained taggers: the first pass, and the stacked second
// pass that also reads the first pass's labels across the document (nil
// when trained without stacking).
type Models struct {
	First, Second *seqlabel.Model
	// lexicon is the ANT label lexicon the first pass reads, or nil;
	// triggers the trigger lexicon, or nil.
	lexicon, triggers map[string]lexEntry
	// UsesMorph is set when the models read the morphology layer's
	// segments (trained with TrainOptions.Morph).
	UsesMorph bool
	// CharGrams is set when the models read letter-trigram features.
	CharGrams bool
	// SkipGram is how many granularities of the skip-gram word classes
	// the models read (0: none).
	SkipGram int
	// Quotes is set when the models read the quoted-span features.
	Quotes bool
}

// Options is the options.txt line that records how the models were
// trained: "morph" and "chars" words, space-separated.
func (ms *Models) Options() string {
	var o []string
	if ms.UsesMorph {
		o = append(o, "morph")
	}
	if ms.CharGrams {
		o = append(o, "chars")
	}
	if ms.Quotes {
		o = append(o, "quotes")
	}
	if ms.SkipGram > 0 {
		o = append(o, fmt.Sprintf("skipgram=%d", ms.SkipGram))
	}
	return strings.Join(o, " ")
}

// SetOptions reads an options.txt line written from Options.
func (ms *Models) SetOptions(line string) {
	for _, w := range strings.Fields(line) {
		switch w {
		case "morph":
			ms.UsesMorph = true
		case "chars":
			ms.CharGrams = true
		case "quotes":
			ms.Quotes = true
		default:
			if v, ok := strings.CutPrefix(w, "skipgram="); ok {
				ms.SkipGram, _ = strconv.Atoi(v)
			}
		}
	}
}

// WriteLexicon writes the models' ANT label lexicon (nothing when they
// use none).
func (ms *Models) WriteLexicon(w io.Writer) error {
	if ms.lexicon == nil && ms.triggers == nil {
		return nil
	}
	all := make(map[string]lexEntry, len(ms.lexicon)+len(ms.triggers))
	for k, e := range ms.lexicon {
		all[k] = e
	}
	for k, e := range ms.triggers {
		all[triggerPrefix+k] = e
	}
	return writeLexicon(w, all)
}

// ReadLexicon reads a lexicon written by WriteLexicon; an empty input
// means none.
func (ms *Models) ReadLexicon(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ms.lexicon, ms.triggers = nil, nil
	if len(b) == 0 {
		return nil
	}
	all, err := readLexicon(bytes.NewReader(b))
	if err != nil {
		return err
	}
	for k, e := range all {
		if t, ok := strings.CutPrefix(k, triggerPrefix); ok {
			if ms.triggers == nil {
				ms.triggers = map[string]lexEntry{}
			}
			ms.triggers[t] = e
			continue
		}
		if ms.lexicon == nil {
			ms.lexicon = map[string]lexEntry{}
		}
		ms.lexicon[k] = e
	}
	return nil
}

// NewRecognizer wraps trained models with the embedded tables.
func NewRecognizer(ms *Models) (*Recognizer, error) {
	res, gaz, err := loadResources()
	if err != nil {
		return nil, err
	}
	for _, m := range []*seqlabel.Model{ms.First, ms.Second} {
		if m != nil && len(m.Labels) != len(Labels) {
			return nil, fmt.Errorf("ner: model has %d labels, want %d", len(m.Labels), len(Labels))
		}
	}
	if ms.First == nil {
		return nil, errors.New("ner: no first-pass model")
	}
	res.lex, res.trig = ms.lexicon, ms.triggers
	res.mergeLexicon()
	res.charGrams = ms.CharGrams
	if ms.SkipGram > res.sgAvail {
		return nil, fmt.Errorf("ner: model reads %d granularities of skip-gram classes, the embedded table has %d", ms.SkipGram, res.sgAvail)
	}
	res.sgLevels = ms.SkipGram
	res.quotes = ms.Quotes
	r := &Recognizer{res: res, model: ms.First, second: ms.Second, names: newNameTable(gaz), usesMorph: ms.UsesMorph}
	r.curated, r.curatedLongest = curatedTypes(gaz)
	r.pool.New = func() any { return &scratch{} }
	r.memos = make(chan *memo, max(2, 2*runtime.GOMAXPROCS(0)))
	r.memoGen = memoGen
	return r, nil
}

// StreamWindow is how many sentences either side pool their labels when a
// stream has no document breaks (a CoNLL file).
const StreamWindow = 30

// TagDocument returns the IOB tags of the whitespace tokens of each
// sentence of one document; with a stacked model, labels are pooled over
// ±window sentences (0: the whole document).
//
// segs, when not nil, holds the morphology layer's segments of each token
// of each sentence; a model trained with them (UsesMorph) needs them.
func (r *Recognizer) TagDocument(sents [][]string, segs [][][]khabar.Segment, window int) [][]string {
	sc := r.pool.Get().(*scratch)
	sc.memo = r.takeMemo()
	infos, ys := stackedDoc(r.res, r.model, r.second, sents, segs, window, sc)
	r.giveMemo(sc.memo)
	sc.memo = nil
	if !r.noPost {
		r.postRules(infos, ys, window)
	}
	// infos may lie in sc.tis: the scratch goes back only now.
	r.pool.Put(sc)
	out := make([][]string, len(sents))
	for i, y := range ys {
		out[i] = make([]string, len(y))
		for k, l := range y {
			out[i][k] = Labels[l]
		}
	}
	return out
}

// morphAnalyzer returns the morphology analyser, loading it once.
func (r *Recognizer) morphAnalyzer() (*morph.Analyzer, error) {
	r.morphOnce.Do(func() { r.morph, r.morphErr = morph.Load() })
	return r.morph, r.morphErr
}

// UsesMorph says whether TagDocument wants the morphology layer's segments.
func (r *Recognizer) UsesMorph() bool { return r.usesMorph }

// WithoutPostRules returns a recognizer that skips the document rules of
// post.go (to measure what they add).
func (r *Recognizer) WithoutPostRules() *Recognizer {
	c := &Recognizer{res: r.res, model: r.model, second: r.second, names: r.names, curated: r.curated, curatedLongest: r.curatedLongest, noPost: true, usesMorph: r.usesMorph,
		memos: r.memos, memoGen: r.memoGen, noMemo: r.noMemo}
	c.pool.New = func() any { return &scratch{} }
	return c
}

// Tag returns the IOB tag of each whitespace token of one sentence, by
// the first pass alone (the stacked pass needs the document: TagDocument).
func (r *Recognizer) Tag(words []string) []string {
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	if m := r.takeMemo(); m != nil {
		s.infos, s.ents = m.info(r.res, words, nil, s.infos, s.ents)
		s.pred = m.decode(r.res, s, s.infos, s.ents, s.pred)
		r.giveMemo(m)
	} else {
		s.infos = r.res.info(words, nil, s.infos)
		s.feats = r.res.features(s.infos, s.feats)
		s.pred = r.model.Decode(&s.dec, s.feats, s.pred)
	}
	out := make([]string, len(words))
	for i, y := range s.pred {
		out[i] = r.model.Labels[y]
	}
	return out
}

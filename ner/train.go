package ner

import (
	"fmt"

	"khabar"
	"slices"

	"khabar/seqlabel"
)

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	Log    func(format string, args ...any)
	// Dev, when set, is scored after every epoch and logged, as one stream
	// of sentences.
	Dev []Sentence
	// CRF selects a linear-chain CRF trained by SGD with penalty C2 and
	// initial rate Eta0 instead of the averaged perceptron.
	CRF      bool
	C2, Eta0 float64
	// Stack trains a second pass on document context; the first-pass
	// labels of the training data come from Folds-fold jackknifing.
	Stack bool
	Folds int
	// Unlabelled, when given, are sentences of news text for the ANT label
	// lexicon (see lexicon.go), built with Folds-fold jackknifing.
	Unlabelled []Sentence
	// CharGrams adds letter-trigram features.
	CharGrams bool
	// SkipGram adds the classes of the embedded skip-gram table at its
	// first SkipGram granularities.
	SkipGram int
	// Quotes adds the features of short quoted spans.
	Quotes bool
	// Triggers builds the trigger lexicon (triggers.go) from Unlabelled.
	Triggers bool
	// Ensemble averages the first pass over this many perceptrons trained
	// on different shuffles (seeds Seed, Seed+1, ...); 0 or 1: one.
	Ensemble int
	// Prune drops features whose weights all stay below it in absolute
	// value (see seqlabel.Model.Prune).
	Prune float32
}

// Train learns the taggers from tagged sentences (one stream, in document
// order) with the embedded tables.
func Train(train []Sentence, o TrainOptions) (*Models, error) {
	res, _, err := loadResources()
	if err != nil {
		return nil, err
	}
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	labelIndex := map[string]int{}
	for i, l := range Labels {
		labelIndex[l] = i
	}
	usesMorph := len(train) > 0 && train[0].Segments != nil
	var trig map[string]lexEntry
	if o.Triggers && len(o.Unlabelled) > 0 {
		trig = buildTriggers(res, o.Unlabelled)
		logf("ner: trigger lexicon: %d words", len(trig))
	}
	if o.CharGrams || o.SkipGram > 0 || o.Quotes || trig != nil {
		if o.SkipGram > res.sgAvail {
			return nil, fmt.Errorf("ner: %d skip-gram granularities wanted, the embedded table has %d", o.SkipGram, res.sgAvail)
		}
		withOpts := *res
		withOpts.charGrams = o.CharGrams
		withOpts.sgLevels = o.SkipGram
		withOpts.quotes = o.Quotes
		withOpts.trig = trig
		res = &withOpts
	}
	infos := make([][]tokenInfo, len(train))
	base := make([]seqlabel.Sequence, len(train))
	for i, s := range train {
		infos[i] = res.info(s.Words, s.Segments, nil)
		gold := make([]int, len(s.Tags))
		for k, t := range s.Tags {
			y, ok := labelIndex[t]
			if !ok {
				return nil, fmt.Errorf("ner: unknown tag %q", t)
			}
			gold[k] = y
		}
		base[i] = seqlabel.Sequence{Feats: res.features(infos[i], nil), Gold: gold}
	}
	devWords := make([][]string, len(o.Dev))
	devSegs := make([][][]khabar.Segment, len(o.Dev))
	for i, s := range o.Dev {
		devWords[i], devSegs[i] = s.Words, s.Segments
	}
	score := func(name string, epoch int, m1, m2 *seqlabel.Model) {
		sc := NewScore()
		_, ys := stackedDoc(res, m1, m2, devWords, devSegs, StreamWindow, nil)
		for i, y := range ys {
			tags := make([]string, len(y))
			for k, l := range y {
				tags[k] = Labels[l]
			}
			sc.Add(o.Dev[i].Tags, tags)
		}
		p, r, f := sc.PRF("")
		logf("ner: %s epoch %d dev P %.2f R %.2f F1 %.2f", name, epoch, p, r, f)
	}
	learn := func(data []seqlabel.Sequence, dev func(int, *seqlabel.Model)) (*seqlabel.Model, error) {
		if o.CRF {
			return seqlabel.TrainCRF(Labels, data, seqlabel.CRFOptions{Epochs: o.Epochs, C2: o.C2, Eta0: o.Eta0, Seed: o.Seed, Dev: dev})
		}
		return seqlabel.Train(Labels, data, seqlabel.Options{Epochs: o.Epochs, Seed: o.Seed, Dev: dev})
	}
	folds := max(o.Folds, 2)
	var lex map[string]lexEntry
	if len(o.Unlabelled) > 0 {
		plain := slices.Clone(base)
		m, err := learn(plain, nil)
		if err != nil {
			return nil, err
		}
		lex = buildLexicon(res, m, o.Unlabelled)
		logf("ner: lexicon: %d words", len(lex))
		// Each fold's words get the lexicon of a tagger that never saw the fold.
		for k := 0; k < folds; k++ {
			lo, hi := k*len(train)/folds, (k+1)*len(train)/folds
			m, err := learn(slices.Concat(plain[:lo], plain[hi:]), nil)
			if err != nil {
				return nil, err
			}
			foldRes := *res
			foldRes.lex = buildLexicon(res, m, o.Unlabelled)
			for i := lo; i < hi; i++ {
				infos[i] = foldRes.info(train[i].Words, train[i].Segments, nil)
				base[i].Feats = foldRes.features(infos[i], nil)
			}
			logf("ner: lexicon fold %d/%d: %d words", k+1, folds, len(foldRes.lex))
		}
		withLex := *res
		withLex.lex = lex
		res = &withLex
	}
	var dev1 func(int, *seqlabel.Model)
	if len(o.Dev) > 0 {
		dev1 = func(epoch int, m *seqlabel.Model) { score("first pass", epoch, m, nil) }
	}
	m1, err := learn(base, dev1)
	if err != nil {
		return nil, err
	}
	if o.Ensemble > 1 && !o.CRF {
		ms := []*seqlabel.Model{m1}
		for k := 1; k < o.Ensemble; k++ {
			m, err := seqlabel.Train(Labels, base, seqlabel.Options{Epochs: o.Epochs, Seed: o.Seed + uint64(k)})
			if err != nil {
				return nil, err
			}
			ms = append(ms, m)
		}
		if m1, err = seqlabel.Average(ms); err != nil {
			return nil, err
		}
		if len(o.Dev) > 0 {
			score(fmt.Sprintf("ensemble of %d", len(ms)), o.Epochs, m1, nil)
		}
	}
	if o.Prune > 0 {
		logf("ner: pruned %d features below %g", m1.Prune(o.Prune), o.Prune)
	}
	logf("ner: first pass: %d features", m1.NumFeatures())
	if !o.Stack {
		return &Models{First: m1, lexicon: lex, triggers: trig, UsesMorph: usesMorph, CharGrams: o.CharGrams, SkipGram: o.SkipGram, Quotes: o.Quotes}, nil
	}
	first := make([][]int, len(train))
	var dec seqlabel.Decoder
	for k := 0; k < folds; k++ {
		lo, hi := k*len(train)/folds, (k+1)*len(train)/folds
		rest := slices.Concat(base[:lo], base[hi:])
		m, err := learn(rest, nil)
		if err != nil {
			return nil, err
		}
		for i := lo; i < hi; i++ {
			first[i] = m.Decode(&dec, base[i].Feats, nil)
		}
		logf("ner: jackknife fold %d/%d done", k+1, folds)
	}
	second := make([]seqlabel.Sequence, len(train))
	sls := make([]sentenceLabels, len(train))
	for i := range train {
		sls[i] = newSentenceLabels(infos[i], first[i])
		feats := make([][]uint64, len(base[i].Feats))
		for t, fs := range base[i].Feats {
			feats[t] = slices.Clip(slices.Clone(fs))
		}
		second[i] = seqlabel.Sequence{Feats: feats, Gold: base[i].Gold}
	}
	d := newDocCounts()
	forEachWindow(len(train), StreamWindow, func(s int) { d.add(sls[s], 1) }, func(s int) { d.add(sls[s], -1) }, func(s int) {
		contextFeatures(sls[s], first[s], d, second[s].Feats)
	})
	var dev2 func(int, *seqlabel.Model)
	if len(o.Dev) > 0 {
		dev2 = func(epoch int, m *seqlabel.Model) { score("second pass", epoch, m1, m) }
	}
	m2, err := learn(second, dev2)
	if err != nil {
		return nil, err
	}
	logf("ner: second pass: %d features", m2.NumFeatures())
	return &Models{First: m1, Second: m2, lexicon: lex, triggers: trig, UsesMorph: usesMorph, CharGrams: o.CharGrams, SkipGram: o.SkipGram, Quotes: o.Quotes}, nil
}

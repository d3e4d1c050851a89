// Package ner is Khabar's named-entity layer: a linear-chain tagger over
// hashed lexical, gazetteer and word-class features (package seqlabel),
// trained on ANERcorp, that finds PER, LOC, ORG and MISC mentions, keeps
// proclitics out of their spans, groups the mentions of one entity in a
// document under a canonical name and gives each a Latin spelling.
//
// The model, word classes and gazetteers are embedded; Load parses them
// once, and a Recognizer is then safe for concurrent use.
package ner

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"sync"

	"khabar/gazetteer"
	"khabar/seqlabel"
	"khabar/wordcluster"
)

//go:embed model/ner.model.gz
var embeddedModel []byte

// Labels is the tag set of the tagger, in ANERcorp's spelling.
var Labels = []string{"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// Recognizer finds named entities.
type Recognizer struct {
	res   *resources
	model *seqlabel.Model
	names *nameTable
	pool  sync.Pool // *scratch
}

type scratch struct {
	infos []tokenInfo
	feats [][]uint64
	dec   seqlabel.Decoder
	pred  []int
}

// loadResources parses the embedded word classes and gazetteer.
func loadResources() (*resources, []gazetteer.Entry, error) {
	cl, err := wordcluster.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("ner: %w", err)
	}
	gaz, err := gazetteer.Load()
	if err != nil {
		return nil, nil, fmt.Errorf("ner: %w", err)
	}
	return newResources(cl, gaz), gaz, nil
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
	return NewRecognizer(m)
}

// NewRecognizer wraps a trained model with the embedded tables.
func NewRecognizer(m *seqlabel.Model) (*Recognizer, error) {
	res, gaz, err := loadResources()
	if err != nil {
		return nil, err
	}
	if len(m.Labels) != len(Labels) {
		return nil, fmt.Errorf("ner: model has %d labels, want %d", len(m.Labels), len(Labels))
	}
	r := &Recognizer{res: res, model: m, names: newNameTable(gaz)}
	r.pool.New = func() any { return &scratch{} }
	return r, nil
}

// Tag returns the IOB tag of each whitespace token of one sentence.
func (r *Recognizer) Tag(words []string) []string {
	s := r.pool.Get().(*scratch)
	defer r.pool.Put(s)
	s.infos = r.res.info(words, s.infos)
	s.feats = r.res.features(s.infos, s.feats)
	s.pred = r.model.Decode(&s.dec, s.feats, s.pred)
	out := make([]string, len(words))
	for i, y := range s.pred {
		out[i] = r.model.Labels[y]
	}
	return out
}

// TrainOptions control Train.
type TrainOptions struct {
	Epochs int
	Seed   uint64
	Log    func(format string, args ...any)
	// Dev, when set, is scored after every epoch and logged.
	Dev []Sentence
	// CRF selects a linear-chain CRF trained by SGD with penalty C2 and
	// initial rate Eta0 instead of the averaged perceptron.
	CRF      bool
	C2, Eta0 float64
}

// Train learns a tagger from tagged sentences with the embedded tables.
func Train(train []Sentence, o TrainOptions) (*seqlabel.Model, error) {
	res, _, err := loadResources()
	if err != nil {
		return nil, err
	}
	labelIndex := map[string]int{}
	for i, l := range Labels {
		labelIndex[l] = i
	}
	data := make([]seqlabel.Sequence, 0, len(train))
	var infos []tokenInfo
	for _, s := range train {
		infos = res.info(s.Words, infos)
		feats := res.features(infos, nil)
		gold := make([]int, len(s.Tags))
		for i, t := range s.Tags {
			y, ok := labelIndex[t]
			if !ok {
				return nil, fmt.Errorf("ner: unknown tag %q", t)
			}
			gold[i] = y
		}
		data = append(data, seqlabel.Sequence{Feats: feats, Gold: gold})
	}
	var dev func(epoch int, m *seqlabel.Model)
	if len(o.Dev) > 0 && o.Log != nil {
		dev = func(epoch int, m *seqlabel.Model) {
			rec := &Recognizer{res: res, model: m}
			rec.pool.New = func() any { return &scratch{} }
			sc := NewScore()
			for _, s := range o.Dev {
				sc.Add(s.Tags, rec.Tag(s.Words))
			}
			p, rr, f := sc.PRF("")
			o.Log("ner: epoch %d dev P %.2f R %.2f F1 %.2f", epoch, p, rr, f)
		}
	}
	if o.CRF {
		return seqlabel.TrainCRF(Labels, data, seqlabel.CRFOptions{Epochs: o.Epochs, C2: o.C2, Eta0: o.Eta0, Seed: o.Seed, Log: o.Log, Dev: dev})
	}
	return seqlabel.Train(Labels, data, seqlabel.Options{Epochs: o.Epochs, Seed: o.Seed, Log: o.Log, Dev: dev})
}

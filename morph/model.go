package morph

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"io"

	"khabar/morph/perceptron"
)

// modelVersion changes whenever the model layout or features change.
const modelVersion = 3

// RuleCount is how often a known token took one segmentation rule in
// training.
type RuleCount struct {
	Rule  int32
	Count int32
}

// LemmaRule turns a word skeleton into a lemma skeleton by editing its two
// edges.
type LemmaRule struct {
	Key                        string
	StripL, AddL, StripR, AddR string
	Count                      int
}

// Model is everything the analyser needs, as trained by Train and stored
// gob-encoded and gzip-compressed in morph/model.
type Model struct {
	Version int
	Info    string // how and on what it was trained

	// Segmentation.
	Rules     []SegRule
	Generic   []int32                // rules tried on rare and unknown tokens
	Known     map[string][]RuleCount // token skeleton (seen twice or more) -> rules
	TokenStem map[string]string      // token skeleton + "\x00" + rule key -> stem form
	Restore   map[string]string      // stem skeleton -> PADT spelling
	Vocab     map[string]int32       // word skeleton -> train frequency
	Lexicon   map[string]uint8       // word/stem skeleton -> lexicon flags (see lexicon.go)
	SegKeys   []uint64
	SegVals   []float32

	// Tagging.
	Tags    []string
	TagKeys []uint64
	TagVals []float32

	// Lemmatisation.
	LemmaDict  map[string]string // skeleton + "|" + UPOS -> lemma
	LemmaForm  map[string]string // skeleton -> lemma, any UPOS
	LemmaSpell map[string]string // lemma skeleton -> spelling (train and lexicons)
	LemRules   []LemmaRule
	LemByPOS   map[string][]int32
	LemKeys    []uint64
	LemVals    []float32
}

// Encode writes the model gob-encoded and gzip-compressed.
func (m *Model) Encode(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("morph: encode model: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode(m); err != nil {
		return fmt.Errorf("morph: encode model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("morph: encode model: %w", err)
	}
	return nil
}

// DecodeModel reads a model written by Encode.
func DecodeModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("morph: decode model: %w", err)
	}
	var m Model
	if err := gob.NewDecoder(zr).Decode(&m); err != nil {
		return nil, fmt.Errorf("morph: decode model: %w", err)
	}
	if m.Version != modelVersion {
		return nil, fmt.Errorf("morph: model version %d, want %d (retrain with 'khabar train morph')", m.Version, modelVersion)
	}
	return &m, nil
}

// tables rebuilds the frozen weight tables.
func (m *Model) tables() (seg, tag, lem *perceptron.Table, err error) {
	mk := func(keys []uint64, vals []float32, width int) (*perceptron.Table, error) {
		if len(keys) == 0 || len(keys)&(len(keys)-1) != 0 || len(vals) != len(keys)*width {
			return nil, fmt.Errorf("morph: malformed weight table (%d keys, %d values)", len(keys), len(vals))
		}
		return perceptron.Restore(keys, vals, width), nil
	}
	if seg, err = mk(m.SegKeys, m.SegVals, 1); err != nil {
		return
	}
	if tag, err = mk(m.TagKeys, m.TagVals, len(m.Tags)); err != nil {
		return
	}
	lem, err = mk(m.LemKeys, m.LemVals, 1)
	return
}

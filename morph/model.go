package morph

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"io"
	"math"
	"sort"
	"strings"

	"khabar/morph/perceptron"
)

// modelVersion changes whenever the model layout or features change.
const modelVersion = 11

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
	// Lex rules look the stripped core up in Model.StemLemma instead of
	// editing it (broken plurals, imperfect verb stems).
	Lex   bool
	Count int
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
	TokenStem map[string]string      // token skeleton + "\x01" + rule key -> stem form
	Restore   map[string]string      // stem skeleton -> PADT spelling
	WordSpell map[string]string      // word skeleton -> its lexicon spelling with hamza
	Vocab     map[string]int32       // word skeleton -> train frequency
	Lexicon   map[string]uint16      // word/stem skeleton -> lexicon flags (see lexicon.go)
	Corpus    map[string]int32       // word skeleton -> frequency in raw news text (ANT)
	SegKeys   []uint64
	SegVals   []float32

	// Tagging.
	Tags    []string
	TagDict map[string]string // word skeleton (3+ times in train) -> its tags of 10%+ share, e.g. "ADJ/NOUN"
	TagKeys []uint64
	TagVals []float32
	// Second tagging pass (empty when trained with one pass).
	Tag2Keys []uint64
	Tag2Vals []float32

	// Lemmatisation.
	LemmaDict  map[string]string // skeleton + "|" + UPOS -> lemma
	LemmaForm  map[string]string // skeleton -> lemma, any UPOS
	LemmaSpell map[string]string // lemma skeleton -> spelling (train and lexicons)
	StemLemma  map[string]string // lexicon stem skeleton -> lemma (broken plurals, verb stems)
	LemRules   []LemmaRule
	LemByPOS   map[string][]int32
	LemKeys    []uint64
	LemVals    []float32
	// LemmaAlts lists, for a skeleton + "|" + UPOS whose treebank lemma
	// varies (ان SCONJ: أن or إن), the lemmas joined by "\x02"; a
	// classifier over the neighbouring words (AltKeys, AltVals) chooses.
	LemmaAlts map[string]string
	AltKeys   []uint64
	AltVals   []float32

	// words is the merged per-word table of a decoded model (Vocab,
	// Corpus, Lexicon and TagDict are then nil); see wordTable.
	words map[string]wordInfo
}

// wordTable merges Vocab, Corpus, Lexicon and TagDict, or returns the
// merged table of a decoded model.
func (m *Model) wordTable() map[string]wordInfo {
	if m.words != nil {
		return m.words
	}
	t := make(map[string]wordInfo, len(m.Lexicon)+len(m.Corpus)/2)
	for k, v := range m.Vocab {
		w := t[k]
		w.vocab = v
		t[k] = w
	}
	for k, v := range m.Corpus {
		w := t[k]
		w.corp = v
		t[k] = w
	}
	for k, v := range m.Lexicon {
		w := t[k]
		w.lex = v
		t[k] = w
	}
	for k, v := range m.TagDict {
		w := t[k]
		w.amb = v
		t[k] = w
	}
	return t
}

// wireModel is the serialised form of Model: string maps are packed into
// one string each (keys sorted, so encoding is deterministic) and weight
// tables into raw little-endian bytes, which gob copies without per-value
// decoding; this keeps Load well under half a second.
type wireModel struct {
	Version   int
	Info      string
	Rules     []SegRule
	Generic   []int32
	KnownKeys string
	KnownVals []int32 // per key: n, then n (rule, count) pairs
	StrMaps   []string
	// Per-word tables merged: vocabulary, corpus count, lexicon flags and
	// ambiguity class (index into AmbClasses, 0 = none) of each skeleton.
	WordKeys   string
	WordVocab  []int32
	WordCorp   []int32
	WordLex    []byte
	WordAmb    []uint16
	AmbClasses []string
	Tags       []string
	LemRules   []LemmaRule
	LemPOS     []string // keys of LemByPOS, sorted (gob writes maps in random order)
	LemByPOS   [][]int32
	Tables     [][]byte // seg keys, seg vals, tag keys, tag vals, lem keys, lem vals
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

func packStrMap(m map[string]string) string {
	var b strings.Builder
	for _, k := range sortedKeys(m) {
		b.WriteString(k)
		b.WriteByte(0)
		b.WriteString(m[k])
		b.WriteByte(0)
	}
	return b.String()
}

func unpackStrMap(s string) (map[string]string, error) {
	n := strings.Count(s, "\x00")
	if n%2 != 0 {
		return nil, fmt.Errorf("morph: malformed packed map")
	}
	m := make(map[string]string, n/2)
	for s != "" {
		i := strings.IndexByte(s, 0)
		k := s[:i]
		s = s[i+1:]
		j := strings.IndexByte(s, 0)
		m[k] = s[:j]
		s = s[j+1:]
	}
	return m, nil
}

func u64Bytes(v []uint64) []byte {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], x)
	}
	return b
}

func f32Bytes(v []float32) []byte {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}

func bytesU64(b []byte) []uint64 {
	v := make([]uint64, len(b)/8)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return v
}

func bytesF32(b []byte) []float32 {
	v := make([]float32, len(b)/4)
	for i := range v {
		v[i] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return v
}

// Encode writes the model gob-encoded and gzip-compressed.
func (m *Model) Encode(w io.Writer) error {
	wm := wireModel{Version: m.Version, Info: m.Info, Rules: m.Rules, Generic: m.Generic, Tags: m.Tags,
		LemRules: m.LemRules}
	for _, p := range sortedKeys(m.LemByPOS) {
		wm.LemPOS = append(wm.LemPOS, p)
		wm.LemByPOS = append(wm.LemByPOS, m.LemByPOS[p])
	}
	var kb strings.Builder
	for _, k := range sortedKeys(m.Known) {
		kb.WriteString(k)
		kb.WriteByte(0)
		rc := m.Known[k]
		wm.KnownVals = append(wm.KnownVals, int32(len(rc)))
		for _, r := range rc {
			wm.KnownVals = append(wm.KnownVals, r.Rule, r.Count)
		}
	}
	wm.KnownKeys = kb.String()
	kb.Reset()
	words := m.wordTable()
	ambIdx := map[string]uint16{"": 0}
	wm.AmbClasses = []string{""}
	for _, k := range sortedKeys(words) {
		w := words[k]
		kb.WriteString(k)
		kb.WriteByte(0)
		wm.WordVocab = append(wm.WordVocab, w.vocab)
		wm.WordCorp = append(wm.WordCorp, w.corp)
		wm.WordLex = binary.LittleEndian.AppendUint16(wm.WordLex, w.lex)
		i, ok := ambIdx[w.amb]
		if !ok {
			i = uint16(len(wm.AmbClasses))
			ambIdx[w.amb] = i
			wm.AmbClasses = append(wm.AmbClasses, w.amb)
		}
		wm.WordAmb = append(wm.WordAmb, i)
	}
	wm.WordKeys = kb.String()
	for _, sm := range []map[string]string{m.TokenStem, m.Restore, m.LemmaDict, m.LemmaForm, m.LemmaSpell, m.StemLemma, m.WordSpell, m.LemmaAlts} {
		wm.StrMaps = append(wm.StrMaps, packStrMap(sm))
	}
	wm.Tables = [][]byte{}
	for _, t := range []struct {
		k []uint64
		v []float32
		w int
	}{{m.SegKeys, m.SegVals, 1}, {m.TagKeys, m.TagVals, len(m.Tags)}, {m.LemKeys, m.LemVals, 1}, {m.Tag2Keys, m.Tag2Vals, len(m.Tags)}, {m.AltKeys, m.AltVals, 1}} {
		k, v := compactTable(t.k, t.v, t.w)
		wm.Tables = append(wm.Tables, u64Bytes(k), f32Bytes(v))
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("morph: encode model: %w", err)
	}
	if err := gob.NewEncoder(zw).Encode(&wm); err != nil {
		return fmt.Errorf("morph: encode model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("morph: encode model: %w", err)
	}
	return nil
}

// splitKeys cuts a packed key list; the keys share the packed string.
func splitKeys(s string) []string {
	ks := make([]string, 0, strings.Count(s, "\x00"))
	for s != "" {
		i := strings.IndexByte(s, 0)
		ks = append(ks, s[:i])
		s = s[i+1:]
	}
	return ks
}

// DecodeModel reads a model written by Encode.
func DecodeModel(data []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("morph: decode model: %w", err)
	}
	var wm wireModel
	if err := gob.NewDecoder(zr).Decode(&wm); err != nil {
		return nil, fmt.Errorf("morph: decode model: %w", err)
	}
	if wm.Version != modelVersion {
		return nil, fmt.Errorf("morph: model version %d, want %d (retrain with 'khabar train morph')", wm.Version, modelVersion)
	}
	m := &Model{Version: wm.Version, Info: wm.Info, Rules: wm.Rules, Generic: wm.Generic, Tags: wm.Tags,
		LemRules: wm.LemRules, LemByPOS: map[string][]int32{}}
	if len(wm.LemPOS) != len(wm.LemByPOS) {
		return nil, fmt.Errorf("morph: decode model: inconsistent lemma rule index")
	}
	for i, p := range wm.LemPOS {
		m.LemByPOS[p] = wm.LemByPOS[i]
	}
	bad := fmt.Errorf("morph: decode model: inconsistent packed tables")
	keys := splitKeys(wm.KnownKeys)
	m.Known = make(map[string][]RuleCount, len(keys))
	all := make([]RuleCount, 0, len(wm.KnownVals)/2)
	p := 0
	for _, k := range keys {
		if p >= len(wm.KnownVals) {
			return nil, bad
		}
		n := int(wm.KnownVals[p])
		p++
		if p+2*n > len(wm.KnownVals) {
			return nil, bad
		}
		lo := len(all)
		for i := 0; i < n; i++ {
			all = append(all, RuleCount{Rule: wm.KnownVals[p], Count: wm.KnownVals[p+1]})
			p += 2
		}
		m.Known[k] = all[lo:len(all):len(all)]
	}
	keys = splitKeys(wm.WordKeys)
	if len(keys) != len(wm.WordVocab) || len(keys) != len(wm.WordCorp) || 2*len(keys) != len(wm.WordLex) || len(keys) != len(wm.WordAmb) {
		return nil, bad
	}
	m.words = make(map[string]wordInfo, len(keys))
	for i, k := range keys {
		a := int(wm.WordAmb[i])
		if a >= len(wm.AmbClasses) {
			return nil, bad
		}
		m.words[k] = wordInfo{vocab: wm.WordVocab[i], corp: wm.WordCorp[i], lex: binary.LittleEndian.Uint16(wm.WordLex[2*i:]), amb: wm.AmbClasses[a]}
	}
	if len(wm.StrMaps) != 8 || len(wm.Tables) != 10 {
		return nil, bad
	}
	var maps [8]map[string]string
	for i, s := range wm.StrMaps {
		if maps[i], err = unpackStrMap(s); err != nil {
			return nil, err
		}
	}
	m.TokenStem, m.Restore, m.LemmaDict, m.LemmaForm, m.LemmaSpell, m.StemLemma, m.WordSpell, m.LemmaAlts = maps[0], maps[1], maps[2], maps[3], maps[4], maps[5], maps[6], maps[7]
	widths := []int{1, len(m.Tags), 1, len(m.Tags), 1}
	var tabs [5]*perceptron.Table
	for i := range tabs {
		k, v := bytesU64(wm.Tables[2*i]), bytesF32(wm.Tables[2*i+1])
		if len(v) != len(k)*widths[i] {
			return nil, bad
		}
		tabs[i] = perceptron.NewTable(k, v, widths[i])
	}
	m.SegKeys, m.SegVals = tabs[0].Keys, tabs[0].Vals
	m.TagKeys, m.TagVals = tabs[1].Keys, tabs[1].Vals
	m.LemKeys, m.LemVals = tabs[2].Keys, tabs[2].Vals
	if tabs[3].Len() > 0 {
		m.Tag2Keys, m.Tag2Vals = tabs[3].Keys, tabs[3].Vals
	}
	m.AltKeys, m.AltVals = tabs[4].Keys, tabs[4].Vals
	return m, nil
}

// compactTable drops the empty slots of a frozen hash table.
func compactTable(keys []uint64, vals []float32, width int) ([]uint64, []float32) {
	var k []uint64
	var v []float32
	for i, key := range keys {
		if key != 0 {
			k = append(k, key)
			v = append(v, vals[i*width:(i+1)*width]...)
		}
	}
	return k, v
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

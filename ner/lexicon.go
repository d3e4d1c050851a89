package ner

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"khabar/seqlabel"
)

// The ANT label lexicon: a first-pass tagger labels a few million words of
// unlabelled news, and each word's labels are pooled across the corpus.
// A name the training data never shows, but that the tagger recognises in
// enough clear contexts of the news, is then known by its company. For
// training, each fold's lexicon comes from a tagger that never saw that
// fold (jackknifing), so the feature is as noisy in training as in use.

// lexEntry holds how often a word was labelled with each entity type.
type lexEntry [numTypes]int32

// features appends the lexicon features of a word seen at offset off.
func (e lexEntry) features(fs []uint64, off int) []uint64 {
	var total, ent int32
	best := 0
	for t := typeO; t < numTypes; t++ {
		total += e[t]
		if t != typeO {
			ent += e[t]
			if best == 0 || e[t] > e[best] {
				best = t
			}
		}
	}
	if total == 0 {
		return fs
	}
	freq := uint64(0) // 1, 2-4, 5-19, 20+
	switch {
	case total >= 20:
		freq = 3
	case total >= 5:
		freq = 2
	case total >= 2:
		freq = 1
	}
	if ent == 0 {
		return append(fs, featU(tLex, off, 0, freq))
	}
	share := uint64(min(4*ent/total, 3)) // quarters
	bestShare := uint64(min(4*e[best]/ent, 3))
	return append(fs, featU(tLex, off, uint64(best), share), featU(tLex, off+10, uint64(best), share, freq), featU(tLex, off+20, uint64(best), bestShare))
}

// buildLexicon tags the unlabelled sentences with the first-pass model and
// pools the labels by context key.
func buildLexicon(res *resources, m *seqlabel.Model, sents []Sentence) map[string]lexEntry {
	lex := map[string]lexEntry{}
	var dec seqlabel.Decoder
	var infos []tokenInfo
	var feats [][]uint64
	var pred []int
	for _, s := range sents {
		infos = res.info(s.Words, s.Segments, infos)
		feats = res.features(infos, feats)
		pred = m.Decode(&dec, feats, pred)
		for i := range infos {
			k := contextKey(&infos[i])
			if k == "" {
				continue
			}
			e := lex[k]
			e[labelType[pred[i]]]++
			lex[k] = e
		}
	}
	// Words seen once say little and cost space.
	for k, e := range lex {
		var total int32
		for _, v := range e {
			total += v
		}
		if total < 2 {
			delete(lex, k)
		}
	}
	return lex
}

// writeLexicon writes the lexicon gzip-compressed, one "key TAB counts"
// line per word, sorted.
func writeLexicon(w io.Writer, lex map[string]lexEntry) error {
	keys := make([]string, 0, len(lex))
	for k := range lex {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	for _, k := range keys {
		e := lex[k]
		bw.WriteString(k)
		for _, v := range e {
			bw.WriteByte('\t')
			bw.WriteString(strconv.Itoa(int(v)))
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// readLexicon reads a lexicon written by writeLexicon.
func readLexicon(r io.Reader) (map[string]lexEntry, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner: lexicon: %w", err)
	}
	lex := map[string]lexEntry{}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != numTypes+1 {
			return nil, fmt.Errorf("ner: lexicon line %d: %d fields", line, len(f))
		}
		var e lexEntry
		for i := range e {
			v, err := strconv.ParseInt(f[i+1], 10, 32)
			if err != nil || v < 0 {
				return nil, fmt.Errorf("ner: lexicon line %d: bad count %q", line, f[i+1])
			}
			e[i] = int32(v)
		}
		lex[f[0]] = e
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("ner: lexicon: %w", err)
	}
	return lex, nil
}

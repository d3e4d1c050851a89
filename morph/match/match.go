// Package match is the search analyser built on the morphology layer: for
// each word of a text it gives the term to index and to query with. It is a
// chain of small filters over the analysed segments:
//
//	tokenize -> PADT split -> morph (segment, tag, lemma) -> keep the stem
//	segment (clitics and ال dropped) -> lemma or stem -> match normalisation
//
// Unlike light stemmers, which cut letters that merely look like clitics or
// suffixes (Lucene's light10 turns كانون into كان, وزير into زير, بوتين into
// بوت), the term is the lemma the morphological analysis chose in context,
// so unrelated words stay apart while inflections (الرئيس، للرئيس، رؤساء)
// meet.
package match

import (
	"unicode/utf8"

	"khabar"
	"khabar/arabic/normalize"
	"khabar/arabic/tokenize"
	"khabar/morph"
)

// Key is the term of one word, with its code-point span in the text.
type Key struct {
	Start, End int
	Term       string
}

// Filter rewrites the term chosen for one analysed token; it returns ""
// to drop the token. Filters run in order.
type Filter interface {
	Filter(term string, seg khabar.Segment) string
}

// FilterFunc adapts a function to Filter.
type FilterFunc func(term string, seg khabar.Segment) string

// Filter calls f.
func (f FilterFunc) Filter(term string, seg khabar.Segment) string { return f(term, seg) }

// Analyzer turns text into index/query keys. It is safe for concurrent use.
type Analyzer struct {
	a       *morph.Analyzer
	norm    *normalize.Normalizer
	filters []Filter
}

// New returns the default analyser: lemma of the stem segment, match
// normalised.
func New(a *morph.Analyzer) *Analyzer {
	m := &Analyzer{a: a, norm: normalize.Match()}
	m.filters = []Filter{FilterFunc(m.normalise)}
	return m
}

// openClass is the UPOS whose lemma is the term; other words keep their form.
var openClass = map[string]bool{"NOUN": true, "ADJ": true, "VERB": true, "PROPN": true, "ADV": true, "X": true}

// TermOf picks the term of a token from its segments: the lemma of the
// stem segment for content words, else the stem's form without ال.
func TermOf(segs []khabar.Segment) (khabar.Segment, string) {
	var best khabar.Segment
	found := false
	for _, s := range segs {
		if openClass[s.POS] || s.POS == "NUM" {
			best, found = s, true
			break
		}
	}
	if !found {
		if len(segs) == 0 {
			return best, ""
		}
		// A token of function words (وهو، فيه): its longest segment.
		for _, s := range segs {
			if utf8.RuneCountInString(s.Form) > utf8.RuneCountInString(best.Form) {
				best = s
			}
		}
	}
	term := best.Form
	if openClass[best.POS] && best.Lemma != "" {
		term = best.Lemma
	} else {
		term = stripAl(term)
	}
	return best, term
}

func stripAl(s string) string {
	if len(s) > len("ال")+2*2 && s[:len("ال")] == "ال" {
		return s[len("ال"):]
	}
	return s
}

func (m *Analyzer) normalise(term string, _ khabar.Segment) string {
	return m.norm.String(morph.StripMarks(term))
}

// piece is one PADT-style token with its code-point span.
type piece struct {
	text       string
	start, end int
	kind       tokenize.Kind
}

// maxChunk bounds the words analysed together when a text has no
// sentence-final punctuation.
const maxChunk = 200

func isFinal(s string) bool {
	switch s {
	case ".", "!", "?", "؟", "…", "...":
		return true
	}
	return false
}

// Keys analyses text and returns one key per word (punctuation and symbols
// give none), in text order.
func (m *Analyzer) Keys(text string) []Key {
	toks := tokenize.Tokenize(text, nil)
	var keys []Key
	var chunk []piece
	var words []string
	flush := func() {
		if len(chunk) == 0 {
			return
		}
		words = words[:0]
		for _, p := range chunk {
			words = append(words, p.text)
		}
		segs := m.a.AnalyzeWords(words)
		for i, p := range chunk {
			if p.kind == tokenize.Punct || p.kind == tokenize.Symbol {
				continue
			}
			seg, term := TermOf(segs[i])
			if p.kind == tokenize.URL || p.kind == tokenize.Email || p.kind == tokenize.Hashtag || p.kind == tokenize.Mention {
				term = p.text
			}
			for _, f := range m.filters {
				if term == "" {
					break
				}
				term = f.Filter(term, seg)
			}
			if term != "" {
				keys = append(keys, Key{Start: p.start, End: p.end, Term: term})
			}
		}
		chunk = chunk[:0]
	}
	for _, t := range toks {
		tt := t.Text(text)
		if t.Kind != tokenize.Word && t.Kind != tokenize.Number && t.Kind != tokenize.Punct {
			chunk = append(chunk, piece{tt, t.Start, t.End, t.Kind})
			continue
		}
		off := t.Start
		for _, p := range morph.SplitPADT(tt) {
			n := utf8.RuneCountInString(p)
			kind := t.Kind
			if kind == tokenize.Number && morph.IsPunct(p) {
				kind = tokenize.Punct
			}
			chunk = append(chunk, piece{p, off, off + n, kind})
			off += n
			if kind == tokenize.Punct && isFinal(p) || len(chunk) >= maxChunk {
				flush()
			}
		}
	}
	flush()
	return keys
}

// Terms returns the terms of Keys(text) alone.
func (m *Analyzer) Terms(text string) []string {
	ks := m.Keys(text)
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = k.Term
	}
	return out
}

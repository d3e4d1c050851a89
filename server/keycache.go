package server

import (
	"strings"
	"sync"
	"sync/atomic"

	"khabar/index"
)

// wordCache remembers the keys of each word an analyzer found, so that the
// highlighter, which analyses the full text of every hit on every search,
// looks a word up once per snapshot instead of once per request. It is
// right for analyzers whose keys of a text are the keys of its words, each
// found alone (the archive's query analyzer maps surface forms to the keys
// they got at ingest); a test holds it to the analyzer it wraps.
type wordCache struct {
	an    index.Analyzer
	mu    sync.RWMutex
	words map[string][]index.Key // offsets within the word
	n     atomic.Int64           // len(words)
	max   int64
}

func newWordCache(an index.Analyzer, max int) *wordCache {
	return &wordCache{an: an, max: int64(max), words: map[string][]index.Key{}}
}

// Keys implements index.Analyzer.
func (c *wordCache) Keys(text string) []index.Key {
	var out []index.Key
	var words [64]index.Word
	for _, w := range index.Words(text, words[:0]) {
		for _, k := range c.WordKeys(text[w.ByteStart:w.ByteEnd]) {
			out = append(out, index.Key{Start: w.Start + k.Start, End: w.Start + k.End, Term: k.Term})
		}
	}
	return out
}

// WordKeys implements index.WordKeyer: the keys of word alone, offsets
// within it. A Highlighter then decides each distinct word of its texts
// once.
func (c *wordCache) WordKeys(word string) []index.Key {
	c.mu.RLock()
	ks, ok := c.words[word]
	c.mu.RUnlock()
	if ok {
		return ks
	}
	ks = c.an.Keys(word)
	if c.n.Load() < c.max {
		c.mu.Lock()
		if _, ok := c.words[word]; !ok && int64(len(c.words)) < c.max {
			// A copy, so that the cache does not hold the whole text.
			c.words[strings.Clone(word)] = ks
			c.n.Store(int64(len(c.words)))
		}
		c.mu.Unlock()
	}
	return ks
}

// FormKeys implements index.FormKeyer when the analyzer it wraps does
// (the archive's query analyzer): highlights then decide a stored
// document's words by their stored forms, and the cache is not used.
func (c *wordCache) FormKeys(s *index.Segment, t int) ([]index.Key, bool) {
	if fk, ok := c.an.(index.FormKeyer); ok {
		return fk.FormKeys(s, t)
	}
	return nil, false
}

// FormIndex implements index.FormKeyer as FormKeys does.
func (c *wordCache) FormIndex(s *index.Segment) *index.FormIndex {
	if fk, ok := c.an.(index.FormKeyer); ok {
		return fk.FormIndex(s)
	}
	return nil
}

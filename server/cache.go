package server

import (
	"sync"
	"sync/atomic"
)

// answerCache keeps encoded answers of searches by their query string, for
// one snapshot: an ingest opens a new snapshot with an empty cache, so no
// answer outlives the archive it came from. When full it evicts by CLOCK
// (second chance): a hit marks its answer, and the hand passes over a
// marked answer once, clearing the mark, before it evicts one that no one
// asked for since. Queries repeat by a Zipf-like law, and keeping the
// asked-for ones holds more of the hot queries than dropping an arbitrary
// half (on bench http's archive mix: see BENCHMARKS.md).
type answerCache struct {
	mu   sync.RWMutex
	m    map[string]*cachedAnswer
	ring []*cachedAnswer // in insertion order, then in place of the evicted
	hand int
	max  int
}

type cachedAnswer struct {
	key  string
	body []byte
	used atomic.Bool // asked for since the hand last passed
}

func newAnswerCache(max int) *answerCache {
	if max <= 0 {
		return nil
	}
	return &answerCache{m: map[string]*cachedAnswer{}, max: max}
}

func (c *answerCache) get(k string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.RLock()
	a, ok := c.m[k]
	var b []byte
	if ok {
		b = a.body
	}
	c.mu.RUnlock()
	if !ok {
		return nil, false
	}
	if !a.used.Load() {
		a.used.Store(true)
	}
	return b, true
}

func (c *answerCache) put(k string, b []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if a, ok := c.m[k]; ok {
		a.body = b
		return
	}
	a := &cachedAnswer{key: k, body: b}
	c.m[k] = a
	if len(c.ring) < c.max {
		c.ring = append(c.ring, a)
		return
	}
	for {
		old := c.ring[c.hand]
		if old.used.Load() {
			old.used.Store(false)
			c.hand = (c.hand + 1) % len(c.ring)
			continue
		}
		delete(c.m, old.key)
		c.ring[c.hand] = a
		c.hand = (c.hand + 1) % len(c.ring)
		return
	}
}

package server

import "sync"

// answerCache keeps encoded answers of searches by their query string, for
// one snapshot: an ingest opens a new snapshot with an empty
// cache, so no answer outlives the archive it came from. When full it
// drops an arbitrary half (Go map order), which keeps the hot queries
// likely and costs nothing to track.
type answerCache struct {
	mu  sync.RWMutex
	m   map[string][]byte
	max int
}

func newAnswerCache(max int) *answerCache {
	if max <= 0 {
		return nil
	}
	return &answerCache{m: map[string][]byte{}, max: max}
}

func (c *answerCache) get(k string) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.RLock()
	defer c.mu.RUnlock()
	b, ok := c.m[k]
	return b, ok
}

func (c *answerCache) put(k string, b []byte) {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		n := 0
		for k := range c.m {
			delete(c.m, k)
			if n++; n >= c.max/2 {
				break
			}
		}
	}
	c.m[k] = b
}

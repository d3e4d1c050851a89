package server

import (
	"sort"
	"time"
)

// The index keeps entity names match-normalised (no hamza, ه for ة), which
// is right for matching and wrong for reading. Display names, as the
// documents write them, are gathered in the background from the most
// recent documents of the most named entities; until then, and for the
// rest, lists show the normalised name.
const (
	displayEntities = 5000 // most named entities whose display name is looked up
	displayDocs     = 3000 // documents decoded at most to find them
)

// displayName is the entity's name as documents write it, when known.
func (sn *snapshot) displayName(key, name string) string {
	if m := sn.display.Load(); m != nil {
		if d, ok := (*m)[key]; ok {
			return d
		}
	}
	return name
}

// testHooks run around the warming of the highlight tables: beforeWarm
// before the snapshot is checked (tests widen the window in which the
// archive closes), warming right before the tables are read, told whether
// the snapshot is still the server's.
type testHooks struct {
	beforeWarm func()
	warming    func(current bool)
}

// gatherDisplayNames decodes recent documents of the most named entities,
// one at a time under the read lock so that an ingest never waits long,
// and publishes the names found. It stops when sn is replaced.
func (s *Server) gatherDisplayNames(sn *snapshot) {
	defer close(sn.displayDone)
	// The highlight tables of the query analyzer too, in the background
	// rather than in the first search. They are read from the archive's
	// mapped pages, which an ingest or Close unmaps: under the read lock,
	// and only while sn is the server's snapshot (an ingest right after
	// another once crashed the process here, reading unmapped memory).
	if w, ok := sn.qa.(interface{ Warm() }); ok {
		h := s.cfg.hooks
		if h != nil {
			h.beforeWarm()
		}
		s.mu.RLock()
		current := s.snap == sn
		if current {
			if h != nil {
				h.warming(s.snap == sn)
			}
			w.Warm()
		}
		s.mu.RUnlock()
		if !current {
			return
		}
	}
	want := map[string]bool{}
	for _, e := range sn.entList[:min(displayEntities, len(sn.entList))] {
		want[e.key] = true
	}
	// Documents of wanted entities, newest first.
	var nums []uint32
	for n := range sn.byNum {
		nums = append(nums, n)
	}
	sort.Slice(nums, func(i, j int) bool {
		a, b := sn.byNum[nums[i]], sn.byNum[nums[j]]
		if a.date != b.date {
			return a.date > b.date
		}
		return a.num > b.num
	})
	found := map[string]string{}
	publish := func() {
		m := make(map[string]string, len(found))
		for k, v := range found {
			m[k] = v
		}
		sn.display.Store(&m)
	}
	decoded := 0
	last := time.Now()
	for _, n := range nums {
		if len(want) == 0 || decoded >= displayDocs {
			break
		}
		d := sn.byNum[n]
		useful := false
		for _, k := range d.ents {
			useful = useful || want[k]
		}
		if !useful {
			continue
		}
		s.mu.RLock()
		current := s.snap == sn
		var names map[string]string
		if current {
			if doc, err := sn.ar.Document(d.id); err == nil {
				names = map[string]string{}
				for _, e := range doc.Entities {
					names[e.Type+"\x00"+matchNorm(e.Canonical)] = e.Canonical
				}
			}
		}
		s.mu.RUnlock()
		if !current {
			return
		}
		decoded++
		for k, v := range names {
			if want[k] {
				found[k] = v
				delete(want, k)
			}
		}
		if time.Since(last) > time.Second {
			publish()
			last = time.Now()
		}
	}
	publish()
}

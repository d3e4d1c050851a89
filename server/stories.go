package server

import (
	"bytes"
	"context"
	"math"
	"sort"
	"strings"
	"time"

	"khabar/arabic/normalize"
	"khabar/dedup"
	"khabar/index"
)

func matchNorm(s string) string { return normalize.Match().String(strings.TrimSpace(s)) }

// Story settings, those of the stories verb: an event takes articles for
// three days after its last one, joined at dedup's default cosine (0 here)
// to the key terms of its latest articles; copies of one wire text are at
// 0.8 estimated shingle similarity.
const (
	storyDays      = 3
	storyThreshold = 0
	dupThreshold   = 0.8
)

// story is a group of articles about one event.
type story struct {
	ID      int      `json:"id"`
	Title   string   `json:"title"`
	Start   string   `json:"start,omitempty"`
	End     string   `json:"end,omitempty"`
	Size    int      `json:"size"` // articles of the whole story
	Sources []string `json:"sources"`
	Docs    []docRef `json:"documents"`
}

// storyIndex is the stories of a snapshot.
type storyIndex struct {
	stories []story             // of two articles or more, most sources first
	storyOf map[string]int      // doc id -> index in stories
	copies  map[string][]docRef // doc id -> the other copies of its wire text
}

// storyInput is what clustering needs from the archive, copied out of it
// so that the clustering itself runs without holding the snapshot open
// (it takes seconds on a large archive, and an ingest must not wait).
type storyInput struct {
	docs  []dedup.Doc
	idf   map[string]float64 // key term -> idf
	byNum map[uint32]*docInfo
}

// storyInput reads the signatures and key-term idf of the snapshot; the
// snapshot must be open.
func (sn *snapshot) storyInput() *storyInput {
	in := &storyInput{idf: map[string]float64{}, byNum: sn.byNum}
	sn.ar.Signatures(func(num uint32, b []byte) error {
		d := sn.byNum[num]
		if d == nil {
			return nil // superseded
		}
		sig, err := dedup.Unmarshal(bytes.Clone(b))
		if err != nil {
			return nil
		}
		date := d.date
		if date == index.NoDate {
			date = math.MinInt32
		}
		in.docs = append(in.docs, dedup.Doc{Num: num, Date: date, Source: d.source, Sig: sig})
		return nil
	})
	for _, sg := range sn.ix.Segments() {
		for t := 0; t < int(sg.NumTerms); t++ {
			if term := sg.Term(t); len(term) > 1 && term[0] == index.FieldKey {
				if _, ok := in.idf[term[1:]]; !ok {
					in.idf[strings.Clone(term[1:])] = sn.ix.IDF(term)
				}
			}
		}
	}
	return in
}

// buildStories clusters documents into stories with package dedup, from
// the signatures stored at ingest.
func buildStories(in *storyInput) *storyIndex {
	si := &storyIndex{storyOf: map[string]int{}, copies: map[string][]docRef{}}
	docs := in.docs
	if len(docs) == 0 {
		return si
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Date < docs[j].Date })
	groups := map[uint32][]uint32{}
	for num, orig := range dedup.Duplicates(docs, dupThreshold) {
		groups[orig] = append(groups[orig], num)
	}
	for orig, members := range groups {
		if len(members) == 1 && members[0] == orig {
			continue
		}
		if !contains(members, orig) {
			members = append(members, orig)
		}
		sort.Slice(members, func(i, j int) bool { return members[i] < members[j] })
		for _, a := range members {
			da := in.byNum[a]
			for _, b := range members {
				if a != b {
					si.copies[da.id] = append(si.copies[da.id], in.byNum[b].ref())
				}
			}
		}
	}
	idf := func(t string) float64 { return in.idf[t] }
	for _, s := range dedup.Stories(docs, idf, dedup.StoryOptions{Days: storyDays, Threshold: storyThreshold}) {
		if len(s.Docs) < 2 {
			continue
		}
		st := story{Size: len(s.Docs), Sources: []string{}}
		seen := map[string]bool{}
		first, last := int32(math.MaxInt32), int32(math.MinInt32)
		for _, num := range s.Docs {
			d := in.byNum[num]
			if d == nil {
				continue
			}
			st.Docs = append(st.Docs, d.ref())
			if d.source != "" && !seen[d.source] {
				seen[d.source] = true
				st.Sources = append(st.Sources, d.source)
			}
			if d.date != index.NoDate {
				first, last = min(first, d.date), max(last, d.date)
			}
		}
		if len(st.Docs) < 2 {
			continue
		}
		st.Title = st.Docs[0].Title
		if first <= last {
			st.Start, st.End = index.FormatDate(first), index.FormatDate(last)
		}
		sort.Strings(st.Sources)
		si.stories = append(si.stories, st)
	}
	sort.SliceStable(si.stories, func(i, j int) bool {
		a, b := si.stories[i], si.stories[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.Size > b.Size
	})
	for i := range si.stories {
		si.stories[i].ID = i + 1
		for _, d := range si.stories[i].Docs {
			si.storyOf[d.ID] = i
		}
	}
	return si
}

// clusterStories finds the stories of sn in the background: it copies
// what it needs while sn is current and open, clusters without holding
// it, and publishes the result. A snapshot replaced in the meantime is
// left without stories (its successor gets its own).
func (s *Server) clusterStories(sn *snapshot) {
	defer close(sn.storiesDone)
	time.Sleep(s.cfg.StoryDelay)
	var in *storyInput
	s.mu.RLock()
	if s.snap == sn {
		in = sn.storyInput()
	}
	s.mu.RUnlock()
	if in == nil {
		return
	}
	sn.stories.Store(buildStories(in))
}

// Warm waits until the background work that follows opening the archive
// (clustering its stories, gathering display names) is done, or ctx ends: for load tests that must
// not measure it, and for logs.
func (s *Server) Warm(ctx context.Context) {
	s.waitStories(ctx, 24*time.Hour)
	var done chan struct{}
	s.view(func(sn *snapshot) { done = sn.displayDone })
	if done != nil {
		select {
		case <-done:
		case <-ctx.Done():
		}
	}
}

// waitStories waits up to d for the stories of the current snapshot to be
// clustered, holding no lock while it waits.
func (s *Server) waitStories(ctx context.Context, d time.Duration) {
	var done chan struct{}
	s.view(func(sn *snapshot) { done = sn.storiesDone })
	if done == nil {
		return
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-done:
	case <-t.C:
	case <-ctx.Done():
	}
}

func contains(s []uint32, x uint32) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// storiesOn lists the stories with an article dated day, each with the
// articles and sources of that day only (Size stays the whole story's),
// most sources that day first.
func (si *storyIndex) storiesOn(day string) []story {
	var out []story
	for _, st := range si.stories {
		var docs []docRef
		for _, d := range st.Docs {
			if d.Date == day {
				docs = append(docs, d)
			}
		}
		if len(docs) == 0 {
			continue
		}
		ds := st
		ds.Docs = docs
		ds.Sources = []string{}
		seen := map[string]bool{}
		for _, d := range docs {
			if d.Source != "" && !seen[d.Source] {
				seen[d.Source] = true
				ds.Sources = append(ds.Sources, d.Source)
			}
		}
		sort.Strings(ds.Sources)
		out = append(out, ds)
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		if len(a.Docs) != len(b.Docs) {
			return len(a.Docs) > len(b.Docs)
		}
		return a.Size > b.Size
	})
	return out
}

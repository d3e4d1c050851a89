package server

import (
	"math"
	"sort"
	"strings"

	"khabar/arabic/normalize"
	"khabar/dedup"
	"khabar/index"
)

func matchNorm(s string) string { return normalize.Match().String(strings.TrimSpace(s)) }

// Story settings, those of the stories verb: an event takes articles for
// three days after its last one, joined at a cosine of 0.3 of their key
// terms; copies of one wire text are at 0.8 estimated shingle similarity.
const (
	storyDays      = 3
	storyThreshold = 0.3
	dupThreshold   = 0.8
)

// story is a group of articles about one event.
type story struct {
	ID      int      `json:"id"`
	Title   string   `json:"title"`
	Start   string   `json:"start,omitempty"`
	End     string   `json:"end,omitempty"`
	Size    int      `json:"size"`
	Sources []string `json:"sources"`
	Docs    []docRef `json:"documents"`
}

// storyIndex is the stories of a snapshot, found once on demand.
type storyIndex struct {
	stories []story             // of two articles or more, most sources first
	storyOf map[string]int      // doc id -> index in stories
	copies  map[string][]docRef // doc id -> the other copies of its wire text
}

// storyIndex clusters the archive's documents into stories with package
// dedup, from the signatures stored at ingest.
func (sn *snapshot) storyIndex() *storyIndex {
	sn.storyOnce.Do(func() { sn.storiesAll = buildStories(sn) })
	return sn.storiesAll
}

func buildStories(sn *snapshot) *storyIndex {
	si := &storyIndex{storyOf: map[string]int{}, copies: map[string][]docRef{}}
	var docs []dedup.Doc
	sn.ar.Signatures(func(num uint32, b []byte) error {
		d := sn.byNum[num]
		if d == nil {
			return nil // superseded
		}
		sig, err := dedup.Unmarshal(b)
		if err != nil {
			return nil
		}
		date := d.date
		if date == index.NoDate {
			date = math.MinInt32
		}
		docs = append(docs, dedup.Doc{Num: num, Date: date, Source: d.source, Sig: sig})
		return nil
	})
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
			da := sn.byNum[a]
			for _, b := range members {
				if a != b {
					si.copies[da.id] = append(si.copies[da.id], sn.byNum[b].ref())
				}
			}
		}
	}
	idf := func(t string) float64 { return sn.ix.IDF(string(index.FieldKey) + t) }
	for _, s := range dedup.Stories(docs, idf, dedup.StoryOptions{Days: storyDays, Threshold: storyThreshold}) {
		if len(s.Docs) < 2 {
			continue
		}
		st := story{Size: len(s.Docs), Sources: []string{}}
		seen := map[string]bool{}
		first, last := int32(math.MaxInt32), int32(math.MinInt32)
		for _, num := range s.Docs {
			d := sn.byNum[num]
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

func contains(s []uint32, x uint32) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// storiesOn lists the stories with an article dated day.
func (si *storyIndex) storiesOn(day string) []story {
	var out []story
	for _, st := range si.stories {
		for _, d := range st.Docs {
			if d.Date == day {
				out = append(out, st)
				break
			}
		}
	}
	return out
}

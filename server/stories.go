package server

import (
	"sort"
	"strings"

	"khabar/arabic/normalize"
	"khabar/index"
)

func matchNorm(s string) string { return normalize.Match().String(strings.TrimSpace(s)) }

// Stories of a day are found by grouping its documents that share enough
// of their named entities and title words (Jaccard over the union of both
// sets). It is the server's own light clustering of stored fields, so that
// the stories page needs no decoding; duplicates are pairs far more
// similar than a story's members.
const (
	storyLink     = 0.3 // similarity that puts two documents in one story
	duplicateLink = 0.6 // similarity of near duplicates
	maxStoryDocs  = 3000
)

// story is one cluster of a day's documents.
type story struct {
	Title   string   `json:"title"`
	Size    int      `json:"size"`
	Sources []string `json:"sources"`
	Docs    []docRef `json:"documents"`
}

// dayStories are the stories of one day and, per document, its story and
// its near duplicates.
type dayStories struct {
	stories []story
	storyOf map[string]int      // doc id -> index in stories
	dups    map[string][]docRef // doc id -> near duplicates
}

// storiesOn clusters the documents of day d, once per snapshot.
func (sn *snapshot) storiesOn(d int32) *dayStories {
	sn.storyMu.Lock()
	defer sn.storyMu.Unlock()
	if ds := sn.stories[d]; ds != nil {
		return ds
	}
	ds := clusterDay(sn.days[d])
	sn.stories[d] = ds
	return ds
}

func clusterDay(docs []*docInfo) *dayStories {
	if len(docs) > maxStoryDocs {
		docs = docs[:maxStoryDocs]
	}
	an := index.SurfaceAnalyzer{}
	feats := make([][]string, len(docs))
	// Title words common to many of the day's titles say nothing of the
	// story; they are dropped.
	df := map[string]int{}
	for i, d := range docs {
		seen := map[string]bool{}
		for _, k := range an.Keys(d.title) {
			if len([]rune(k.Term)) < 3 || seen[k.Term] {
				continue
			}
			seen[k.Term] = true
			feats[i] = append(feats[i], "t"+k.Term)
		}
		for _, f := range feats[i] {
			df[f]++
		}
	}
	common := max(3, len(docs)/10)
	for i, d := range docs {
		kept := feats[i][:0]
		for _, f := range feats[i] {
			if df[f] <= common {
				kept = append(kept, f)
			}
		}
		for _, e := range d.ents {
			kept = append(kept, "e"+e)
		}
		sort.Strings(kept)
		feats[i] = kept
	}
	parent := make([]int, len(docs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	ds := &dayStories{storyOf: map[string]int{}, dups: map[string][]docRef{}}
	for i := range docs {
		for j := i + 1; j < len(docs); j++ {
			shared, sim := jaccard(feats[i], feats[j])
			if shared < 2 || sim < storyLink {
				continue
			}
			parent[find(i)] = find(j)
			if sim >= duplicateLink {
				ds.dups[docs[i].id] = append(ds.dups[docs[i].id], docs[j].ref())
				ds.dups[docs[j].id] = append(ds.dups[docs[j].id], docs[i].ref())
			}
		}
	}
	groups := map[int][]*docInfo{}
	var roots []int
	for i, d := range docs {
		r := find(i)
		if len(groups[r]) == 0 {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], d)
	}
	for _, r := range roots {
		g := groups[r]
		st := story{Title: g[0].title, Size: len(g), Sources: []string{}}
		seen := map[string]bool{}
		for _, d := range g {
			st.Docs = append(st.Docs, d.ref())
			if d.source != "" && !seen[d.source] {
				seen[d.source] = true
				st.Sources = append(st.Sources, d.source)
			}
		}
		sort.Strings(st.Sources)
		ds.stories = append(ds.stories, st)
	}
	sort.SliceStable(ds.stories, func(i, j int) bool {
		a, b := ds.stories[i], ds.stories[j]
		if len(a.Sources) != len(b.Sources) {
			return len(a.Sources) > len(b.Sources)
		}
		return a.Size > b.Size
	})
	for i, st := range ds.stories {
		for _, d := range st.Docs {
			ds.storyOf[d.ID] = i
		}
	}
	return ds
}

// jaccard compares two sorted sets.
func jaccard(a, b []string) (shared int, sim float64) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			shared++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	union := len(a) + len(b) - shared
	if union == 0 {
		return 0, 0
	}
	return shared, float64(shared) / float64(union)
}

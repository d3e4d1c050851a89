package server

import (
	"fmt"
	"net/url"
	"sort"
	"strings"
	"sync/atomic"

	"khabar/archive"
	"khabar/index"
)

// docInfo is what the server keeps in memory of one live document: the
// stored fields of the index, enough for lists, entity pages and stories
// without decoding the document.
type docInfo struct {
	num    uint32
	id     string
	title  string
	source string
	date   int32    // days since 1970, index.NoDate when unknown
	ents   []string // entity keys "TYPE\x00name", sorted, unique
}

// entityInfo gathers the documents that name one entity. Names are the
// index's match-normalised canonical names.
type entityInfo struct {
	key         string // "TYPE\x00name"
	typ, name   string
	docs        []*docInfo // by date, undated first
	first, last int32
}

// ID is the entity's id in URLs and the API: TYPE:name.
func (e *entityInfo) ID() string { return e.typ + ":" + e.name }

// entityKey turns an entity id (TYPE:name) into its key.
func entityKey(id string) (string, bool) {
	typ, name, ok := strings.Cut(id, ":")
	if !ok || name == "" {
		return "", false
	}
	switch typ {
	case "PER", "LOC", "ORG", "MISC":
		return typ + "\x00" + name, true
	}
	return "", false
}

// entityPath is the web path of the entity page of id.
func entityPath(id string) string { return "/entities/" + url.PathEscape(id) }

// snapshot is one read-only view of the archive with the tables derived
// from it. It is immutable after openSnapshot, except for the stories
// computed on demand under storyMu.
type snapshot struct {
	ar      *archive.Archive
	ix      *index.Index
	qa      index.Analyzer      // the archive's query analyzer
	hla     index.Analyzer      // qa with a word cache, for highlights
	answers *answerCache        // encoded search answers; nil: none kept
	docs    map[string]*docInfo // by id
	byNum   map[uint32]*docInfo
	ents    map[string]*entityInfo
	entList []*entityInfo // most documents first
	days    map[int32][]*docInfo
	dayList []int32 // ascending

	stories     atomic.Pointer[storyIndex]        // nil until clustered
	storiesDone chan struct{}                     // closed when clustering ended
	display     atomic.Pointer[map[string]string] // entity key -> name as written
	displayDone chan struct{}                     // closed when gathering ended
}

// highlightWords bounds the words whose keys a snapshot remembers for
// highlighting (an archive of 30,000 articles has about 400,000).
const highlightWords = 1 << 20

func openSnapshot(dir string, cacheSize int) (*snapshot, error) {
	ar, err := archive.Open(dir, archive.OpenOptions{})
	if err != nil {
		return nil, err
	}
	ix, err := ar.Index()
	if err != nil {
		ar.Close()
		return nil, err
	}
	qa := ar.QueryAnalyzer(ix)
	sn := &snapshot{ar: ar, ix: ix, qa: qa, hla: newWordCache(qa, highlightWords), answers: newAnswerCache(cacheSize), docs: map[string]*docInfo{}, byNum: map[uint32]*docInfo{},
		ents: map[string]*entityInfo{}, days: map[int32][]*docInfo{}, storiesDone: make(chan struct{}), displayDone: make(chan struct{})}
	for _, sg := range ix.Segments() {
		for i := 0; i < int(sg.NumDocs); i++ {
			num := sg.Base + uint32(i)
			if info, ok := ix.Doc(num); !ok || info.Deleted {
				continue // superseded by a later copy
			}
			d := &docInfo{num: num, id: sg.DocID(i), title: sg.DocTitle(i), source: sg.DocSource(i), date: sg.DocDate(i), ents: sg.DocEntities(i)}
			sn.docs[d.id] = d
			sn.byNum[num] = d
		}
	}
	nums := make([]uint32, 0, len(sn.byNum))
	for n := range sn.byNum {
		nums = append(nums, n)
	}
	sort.Slice(nums, func(i, j int) bool {
		a, b := sn.byNum[nums[i]], sn.byNum[nums[j]]
		if a.date != b.date {
			return a.date < b.date
		}
		return a.num < b.num
	})
	for _, n := range nums {
		d := sn.byNum[n]
		if d.date != index.NoDate {
			if len(sn.days[d.date]) == 0 {
				sn.dayList = append(sn.dayList, d.date)
			}
			sn.days[d.date] = append(sn.days[d.date], d)
		}
		for _, k := range d.ents {
			e := sn.ents[k]
			if e == nil {
				typ, name, _ := strings.Cut(k, "\x00")
				e = &entityInfo{key: k, typ: typ, name: name, first: index.NoDate, last: index.NoDate}
				sn.ents[k] = e
				sn.entList = append(sn.entList, e)
			}
			e.docs = append(e.docs, d)
			if d.date != index.NoDate {
				if e.first == index.NoDate {
					e.first = d.date
				}
				e.last = d.date
			}
		}
	}
	sort.SliceStable(sn.entList, func(i, j int) bool {
		a, b := sn.entList[i], sn.entList[j]
		if len(a.docs) != len(b.docs) {
			return len(a.docs) > len(b.docs)
		}
		return a.key < b.key
	})
	return sn, nil
}

func (sn *snapshot) close() error { return sn.ar.Close() }

// numDocs is the number of live documents.
func (sn *snapshot) numDocs() int { return len(sn.docs) }

// entities lists the entities of type typ (any when empty) whose name
// contains q (match-normalised), most documents first.
func (sn *snapshot) entities(typ, q string) []*entityInfo {
	q = matchNorm(q)
	var out []*entityInfo
	for _, e := range sn.entList {
		if typ != "" && e.typ != typ {
			continue
		}
		if q != "" && !strings.Contains(e.name, q) {
			continue
		}
		out = append(out, e)
	}
	return out
}

// cooccurring counts the entities named in the documents of e.
func (sn *snapshot) cooccurring(e *entityInfo, n int) []entityCount {
	counts := map[string]int{}
	for _, d := range e.docs {
		for _, k := range d.ents {
			if k != e.key {
				counts[k]++
			}
		}
	}
	out := make([]entityCount, 0, len(counts))
	for k, c := range counts {
		typ, name, _ := strings.Cut(k, "\x00")
		out = append(out, entityCount{ID: typ + ":" + name, Type: typ, Name: name, Display: sn.displayName(k, name), Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].ID < out[j].ID
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// entityCount is an entity with a number of documents.
type entityCount struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	Name    string `json:"name"`
	Display string `json:"display"`
	Count   int    `json:"count"`
}

// period is one bar of a histogram.
type period struct {
	Period string `json:"period"`
	Count  int    `json:"count"`
}

// mentions counts the dated documents of e by day when they span two
// months or less, by month otherwise, with empty periods filled in.
func mentions(e *entityInfo) []period {
	if e.first == index.NoDate {
		return []period{}
	}
	byDay := e.last-e.first <= 62
	key := func(d int32) string {
		s := index.FormatDate(d)
		if byDay {
			return s
		}
		return s[:7]
	}
	counts := map[string]int{}
	for _, d := range e.docs {
		if d.date != index.NoDate {
			counts[key(d.date)]++
		}
	}
	var out []period
	last := ""
	for d := e.first; d <= e.last; d++ {
		k := key(d)
		if k == last {
			continue
		}
		last = k
		out = append(out, period{k, counts[k]})
	}
	return out
}

// docRef is a document in lists.
type docRef struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Date   string `json:"date,omitempty"`
	Source string `json:"source,omitempty"`
}

func (d *docInfo) ref() docRef {
	return docRef{ID: d.id, Title: d.title, Date: index.FormatDate(d.date), Source: d.source}
}

// Path is the web path of the document page.
func (d docRef) Path() string { return "/docs/" + url.PathEscape(d.ID) }

// day parses a YYYY-MM-DD day, or gives the latest day of the archive
// when s is empty.
func (sn *snapshot) day(s string) (int32, error) {
	if s == "" {
		if len(sn.dayList) == 0 {
			return index.NoDate, nil
		}
		return sn.dayList[len(sn.dayList)-1], nil
	}
	d := index.ParseDate(s)
	if d == index.NoDate {
		return d, fmt.Errorf("%q is not a day of the form YYYY-MM-DD", s)
	}
	return d, nil
}

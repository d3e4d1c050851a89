package index

import (
	"fmt"
	"slices"
)

// Merge combines segments that cover consecutive document numbers into one,
// dropping the postings of documents for which live is false. The stored
// fields of dropped documents stay (their numbers keep their slots) but no
// term leads to them any more.
func Merge(segs []*Segment, live func(doc uint32) bool) ([]byte, error) {
	if len(segs) == 0 {
		return nil, fmt.Errorf("index: merge of no segments")
	}
	base := segs[0].Base
	n := uint32(0)
	for _, s := range segs {
		if s.Base != base+n {
			return nil, fmt.Errorf("index: merge of non-adjacent segments (%d after %d)", s.Base, base+n)
		}
		n += s.NumDocs
	}
	w := newSegWriter(base, n)
	for _, s := range segs {
		for i := 0; i < int(s.NumDocs); i++ {
			w.addDoc(s.DocID(i), s.DocTitle(i), s.DocLen(i), s.DocDate(i), s.DocSource(i), s.DocEntities(i))
		}
	}
	var all []string
	for _, s := range segs {
		for t := 0; t < int(s.NumTerms); t++ {
			all = append(all, s.Term(t))
		}
	}
	slices.Sort(all)
	all = slices.Compact(all)
	cursor := make([]int, len(segs))
	var docs, freqs, pos []uint32
	for _, term := range all {
		docs, freqs, pos = docs[:0], freqs[:0], pos[:0]
		for k, s := range segs {
			t := cursor[k]
			if t >= int(s.NumTerms) || s.Term(t) != term {
				continue
			}
			cursor[k]++
			it := s.Postings(t)
			off := s.Base - base
			for it.Next() {
				if it.Doc >= s.NumDocs {
					return nil, fmt.Errorf("%w: posting beyond the documents", ErrCorrupt)
				}
				if live != nil && !live(s.Base+it.Doc) {
					continue
				}
				docs = append(docs, it.Doc+off)
				before := len(pos)
				pos = it.Positions(pos)
				freqs = append(freqs, uint32(len(pos)-before))
			}
		}
		if len(docs) > 0 {
			w.addTerm(term, docs, freqs, pos)
		}
	}
	return w.finish(), nil
}

package index

import "bytes"

// FormIndex inverts a segment's FieldSurfaceKey terms (surface NUL key,
// the keys each surface form got in context): for each key, the surface
// terms whose keys (as MappedAnalyzer.SurfaceKeys gives them) hold it. A
// highlighter then finds the forms a query marks from its few keys, and
// tests each word of a text by its stored form's number. Forms with no
// recorded key (MappedAnalyzer.Keys looks further for those) are marked,
// to be decided one by one.
//
// It is made for an index of one segment only (an optimized archive):
// with several, a form's keys are counted over all segments, and the
// highlighter decides every form one by one instead.
// FormIndex is made by MappedAnalyzer.FormIndex; its fields are the
// index package's.
type FormIndex struct {
	lo, hi  int                 // the FieldSurface terms of the segment
	byKey   map[string][]uint32 // key -> surface term indexes
	keyless []uint64            // bit t-lo set: no recorded key
}

// FormIndex returns the form index of s, made on first use (about 0.1 s
// for the ANT archive), or nil when the index has several segments.
func (m *MappedAnalyzer) FormIndex(s *Segment) *FormIndex {
	if len(m.Index.segs) != 1 || m.Index.segs[0] != s {
		return nil
	}
	m.formIxOnce.Do(func() {
		share := m.MinShare
		if share == 0 {
			share = 0.1
		}
		m.formIx = buildFormIndex(s, share)
	})
	return m.formIx
}

// buildFormIndex walks the segment's surface terms and its surface-key
// terms side by side (both sort by the form), keeping the keys of each
// form that SurfaceKeys keeps.
func buildFormIndex(s *Segment, share float64) *FormIndex {
	slo, shi := s.terms.prefixRange(string(FieldSurface))
	mlo, mhi := s.terms.prefixRange(string(FieldSurfaceKey))
	fi := &FormIndex{lo: slo, hi: shi, byKey: map[string][]uint32{}, keyless: make([]uint64, (shi-slo+63)/64)}
	for i := range fi.keyless {
		fi.keyless[i] = ^uint64(0)
	}
	type entry struct {
		key []byte
		n   int
	}
	var group []entry
	st := slo
	for t := mlo; t < mhi; {
		term := s.terms.bytes(t)[1:]
		i := bytes.IndexByte(term, 0)
		if i <= 0 {
			t++
			continue
		}
		sf := term[:i]
		group = group[:0]
		total := 0
		for ; t < mhi; t++ {
			tt := s.terms.bytes(t)[1:]
			if len(tt) <= len(sf) || tt[len(sf)] != 0 || !bytes.Equal(tt[:len(sf)], sf) {
				break
			}
			df, _, _ := s.termInfo(t)
			group = append(group, entry{tt[len(sf)+1:], int(df)})
			total += int(df)
		}
		// The form's surface term, if the segment has it.
		for st < shi && string(s.terms.bytes(st)[1:]) < string(sf) {
			st++
		}
		if st >= shi || !bytes.Equal(s.terms.bytes(st)[1:], sf) {
			continue
		}
		kept := false
		for _, e := range group {
			if float64(e.n) >= share*float64(total) {
				fi.byKey[string(e.key)] = append(fi.byKey[string(e.key)], uint32(st))
				kept = true
			}
		}
		if kept {
			i := st - slo
			fi.keyless[i/64] &^= 1 << (i % 64)
		}
	}
	return fi
}

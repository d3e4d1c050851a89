package index

import (
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// MappedAnalyzer analyses query words the way their documents were
// analysed: through the index's own record of the keys each surface form
// got in context (FieldSurfaceKey terms). It needs no model, so a search
// process starts fast. A form the archive has never seen takes the keys of
// a known form it contains (neighbourKeys), else goes to Fallback, which
// is created on first use.
type MappedAnalyzer struct {
	Index *Index
	// MinShare drops the keys a form got in fewer than this share of its
	// documents (rare mis-analyses); 0.1 when 0.
	MinShare float64
	// Fallback makes the analyzer for unseen forms; nil: the surface form.
	Fallback func() (Analyzer, error)

	once sync.Once
	fb   Analyzer

	formsOnce sync.Once
	forms     map[*Segment]*formKeys // read-only once made

	formIxOnce sync.Once
	formIx     *FormIndex // of the index's one segment
}

// formKeys remembers the keys of a segment's surface terms (the
// FieldSurface range of its dictionary), made on first use.
type formKeys struct {
	lo, hi int
	keys   []atomic.Pointer[[]Key]
}

// FormKeys implements FormKeyer: the keys of a word written as surface
// term t of s, which are those of the form itself (Keys looks a word up by
// its surface form).
func (m *MappedAnalyzer) FormKeys(s *Segment, t int) ([]Key, bool) {
	m.formsOnce.Do(func() {
		m.forms = map[*Segment]*formKeys{}
		for _, sg := range m.Index.segs {
			lo, hi := sg.terms.prefixRange(string(FieldSurface))
			m.forms[sg] = &formKeys{lo: lo, hi: hi, keys: make([]atomic.Pointer[[]Key], hi-lo)}
		}
	})
	fk := m.forms[s]
	if fk == nil || t < fk.lo || t >= fk.hi {
		return nil, false
	}
	if p := fk.keys[t-fk.lo].Load(); p != nil {
		return *p, true
	}
	ks := m.Keys(string(s.terms.bytes(t)[1:]))
	fk.keys[t-fk.lo].Store(&ks)
	return ks, true
}

// Keys implements Analyzer, one word at a time.
func (m *MappedAnalyzer) Keys(text string) []Key {
	var out []Key
	for _, w := range Words(text, nil) {
		word := text[w.ByteStart:w.ByteEnd]
		sf := SurfaceTerm(word)
		terms := m.SurfaceKeys(sf)
		if len(terms) == 0 {
			terms = m.neighbourKeys(sf)
		}
		if len(terms) == 0 {
			for _, k := range m.fallback().Keys(word) {
				out = append(out, Key{Start: w.Start + k.Start, End: w.Start + k.End, Term: k.Term})
			}
			continue
		}
		for _, t := range terms {
			out = append(out, Key{Start: w.Start, End: w.End, Term: t})
		}
	}
	return out
}

func (m *MappedAnalyzer) fallback() Analyzer {
	m.once.Do(func() {
		if m.Fallback != nil {
			if a, err := m.Fallback(); err == nil {
				m.fb = a
				return
			}
		}
		m.fb = SurfaceAnalyzer{}
	})
	return m.fb
}

// SurfaceKeys returns the keys a surface form (match-normalised) got in
// the documents, most frequent first, without the rare ones.
func (m *MappedAnalyzer) SurfaceKeys(surface string) []string {
	if surface == "" {
		return nil
	}
	prefix := string(FieldSurfaceKey) + surface + "\x00"
	counts := map[string]int{}
	total := 0
	for _, s := range m.Index.segs {
		lo, hi := s.terms.prefixRange(prefix)
		for t := lo; t < hi; t++ {
			df, _, _ := s.termInfo(t)
			counts[strings.TrimPrefix(s.Term(t), prefix)] += int(df)
			total += int(df)
		}
	}
	share := m.MinShare
	if share == 0 {
		share = 0.1
	}
	var out []string
	for k, n := range counts {
		if float64(n) >= share*float64(total) {
			out = append(out, k)
		}
	}
	// Most frequent first; ties by name for a stable order.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (counts[out[j]] > counts[out[j-1]] || counts[out[j]] == counts[out[j-1]] && out[j] < out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// affixes an unseen form may carry: proclitics (with the article) and
// suffixes of number, gender and possession, match-normalised.
var (
	unseenPrefixes = []string{"وبال", "وال", "فال", "بال", "كال", "ولل", "لل", "ال", "وب", "ول", "و", "ف", "ب", "ل"}
	unseenSuffixes = []string{"هما", "ان", "ين", "ون", "ات", "ها", "هم", "كم", "نا", "ه", "ي"}
)

// neighbourKeys analyses a form the archive never saw by the forms it did
// see: the form without a proclitic, without a suffix, or both, the first
// that the archive knows lending its keys (تونسيان -> تونسي, لاعداله ->
// عداله). Only unseen forms get here, so a known word is never cut.
func (m *MappedAnalyzer) neighbourKeys(sf string) []string {
	try := func(c string) []string {
		if utf8.RuneCountInString(c) < 3 {
			return nil
		}
		return m.SurfaceKeys(c)
	}
	var stems []string
	stems = append(stems, sf)
	for _, p := range unseenPrefixes {
		if strings.HasPrefix(sf, p) {
			stems = append(stems, sf[len(p):])
		}
	}
	for _, st := range stems[1:] {
		if ks := try(st); len(ks) > 0 {
			return ks
		}
	}
	// The form as the archive has it with the article (زير -> الزير).
	if ks := try("ال" + sf); len(ks) > 0 {
		return ks
	}
	for _, st := range stems {
		for _, suf := range unseenSuffixes {
			if strings.HasSuffix(st, suf) {
				if ks := try(st[:len(st)-len(suf)]); len(ks) > 0 {
					return ks
				}
			}
		}
	}
	return nil
}

// Warm makes the tables highlights use (the form index of a one-segment
// index), which are otherwise made by the first search that needs them.
func (m *MappedAnalyzer) Warm() {
	if len(m.Index.segs) == 1 {
		m.FormIndex(m.Index.segs[0])
	}
}

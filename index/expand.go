package index

import (
	"strings"
	"unicode/utf8"
)

// proclitics are the conjunctions and prepositions written fused to the
// next word, alone or in pairs, with the article after some of them; they
// are the prefixes expandClitics tries, longest first.
var proclitics = []string{
	"وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل",
	"وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك",
}

// expandClitics adds to a word's keys the forms that the corpus attests
// with a fused clitic split off or added, as synonyms. The corpus decides,
// which keeps it from over-stemming: a form joins only when it is the rarer
// of the pair, as a clitic+word form is rarer than the word. So لباكستان
// finds باكستان and باكستان finds لباكستان, but زير never finds وزير (far
// more frequent than زير) and بوتين never becomes وتين.
//
// With a morphological key analyzer the keys come with clitics split
// already, and this only helps where it erred.
func (ix *Index) expandClitics(keys []string) []string {
	// The expansion depends on the index alone: remembered, since each key
	// costs some twenty dictionary lookups. The key list is joined with a
	// byte no key holds.
	ck := strings.Join(keys, "\x01")
	ix.expandMu.RLock()
	out, ok := ix.expandMemo[ck]
	ix.expandMu.RUnlock()
	if ok {
		return out
	}
	out = ix.expandCliticsOnce(keys)
	ix.expandMu.Lock()
	if ix.expandMemo == nil || len(ix.expandMemo) >= expandMemoSize {
		ix.expandMemo = map[string][]string{}
	}
	ix.expandMemo[ck] = out
	ix.expandMu.Unlock()
	return out
}

// expandMemoSize bounds the remembered expansions (a few hundred bytes each).
const expandMemoSize = 1 << 16

func (ix *Index) expandCliticsOnce(keys []string) []string {
	out := append([]string(nil), keys...)
	add := func(t string) {
		if !contains(out, t) {
			out = append(out, t)
		}
	}
	for _, k := range keys {
		if len(k) < 2 || k[0] != FieldKey {
			continue
		}
		w := k[1:]
		df := ix.DocFreq(k)
		// The base: w itself, or w without a clitic when that is more
		// frequent.
		base, baseDF := w, df
		for _, p := range proclitics {
			if len(w) > len(p) && w[:len(p)] == p && utf8.RuneCountInString(w[len(p):]) >= 3 {
				b := w[len(p):]
				if bdf := ix.DocFreq(string(FieldKey) + b); bdf > baseDF {
					base, baseDF = b, bdf
				}
			}
		}
		if base != w {
			add(string(FieldKey) + base)
		}
		// The clitic forms of the base that are rarer than it.
		for _, p := range proclitics {
			t := string(FieldKey) + p + base
			if t == k {
				continue
			}
			if d := ix.DocFreq(t); d > 0 && d < baseDF {
				add(t)
			}
		}
	}
	return out
}

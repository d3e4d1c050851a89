package ner

import (
	"strings"
	"unicode/utf8"
)

// Post rules run over the tagger's labels of a whole document:
//
//  1. Curated names: a multi-word name from the project's curated list
//     (تنظيم الدولة الإسلامية, المجموعة الدولية لدعم سوريا, ...) that the
//     tagger left wholly unlabelled is labelled with its listed type.
//  2. Consistency: a word sequence labelled as an entity somewhere in the
//     document is labelled the same where the tagger left it unlabelled,
//     and the last word of a multi-word person name (كيري after جون كيري)
//     is that person wherever it stands alone. Words the news mostly uses
//     as common words (by the ANT label lexicon) are not propagated alone.

// baseKey is a token's folded form without conjunction or preposition but
// with its article: وللأمم → الامم, وبوتين → بوتين.
func baseKey(ti *tokenInfo) string {
	switch {
	case ti.pre == "":
		return ti.fold
	case strings.HasSuffix(ti.pre, "ال"):
		// The fold ends in the article and the rest (والعراق): take that
		// tail rather than build the same string again.
		if n := len(ti.fold) - len(ti.rest) - len("ال"); n >= 0 && ti.fold[n:n+len("ال")] == "ال" && ti.fold[n+len("ال"):] == ti.rest {
			return ti.fold[n:]
		}
		return "ال" + ti.rest
	case strings.HasSuffix(ti.pre, "لل"):
		return "ال" + ti.rest
	}
	return ti.rest
}

// curatedAmbiguous are curated one-word names that are also common words.
var curatedAmbiguous = map[string]bool{"فتح": true, "القاعده": true, "الجزيره": true, "عمان": true, "ابل": true, "الخليج": true, "امازون": true, "حماس": true}

// curatedTypes maps folded curated names to their entity type.
func curatedTypes(gaz []foldedEntry) (map[string]int, int) {
	out := map[string]int{}
	longest := 0
	for _, e := range gaz {
		if e.Source != "curated" || len(e.words) == 0 {
			continue
		}
		t := typeLOC
		switch e.Kind {
		case "org":
			t = typeORG
		case "person":
			t = typePERS
		}
		k := strings.Join(e.words, " ")
		if len(e.words) == 1 && curatedAmbiguous[k] {
			continue
		}
		out[k] = t
		if len(e.words) > 1 {
			out[e.words[0]+" "] = 1 // marks a first word; no key ends in a space
		}
		longest = max(longest, len(e.words))
	}
	return out, longest
}

var beginLabel = [numTypes]int{0, 1, 3, 5, 7}
var insideLabel = [numTypes]int{0, 2, 4, 6, 8}

// allO says whether labels[i:j] are all O.
func allO(labels []int, i, j int) bool {
	for k := i; k < j; k++ {
		if labels[k] != 0 {
			return false
		}
	}
	return true
}

// exactChunk says whether labels[i:j] are exactly one entity.
func exactChunk(labels []int, i, j int) bool {
	if labels[i] == 0 {
		return false
	}
	t := labelType[labels[i]]
	if i > 0 && labels[i] == insideLabel[t] && labels[i-1] != 0 && labelType[labels[i-1]] == t {
		return false // continues an entity that starts earlier
	}
	for k := i + 1; k < j; k++ {
		if labels[k] != insideLabel[t] {
			return false
		}
	}
	return j == len(labels) || labels[j] != insideLabel[t]
}

// orgAroundPlace says whether labels[i:j] are unlabelled but for places
// inside, as the tagger labels المجموعة الدولية لدعم سوريا: the curated
// organisation then wins over the place it names.
func orgAroundPlace(labels []int, i, j int) bool {
	if labels[i] != 0 || (j < len(labels) && labels[j] != 0 && labels[j] == insideLabel[labelType[labels[j]]]) {
		return false
	}
	for k := i; k < j; k++ {
		if labels[k] != 0 && labelType[labels[k]] != typeLOC {
			return false
		}
	}
	return true
}

func setSpan(labels []int, i, j, typ int) {
	labels[i] = beginLabel[typ]
	for k := i + 1; k < j; k++ {
		labels[k] = insideLabel[typ]
	}
	// An I- right after the span would now continue it: make it begin.
	if j < len(labels) && labels[j] != 0 && labels[j] == insideLabel[labelType[labels[j]]] {
		labels[j] = beginLabel[labelType[labels[j]]]
	}
}

// keysOf returns the base keys of a sentence.
func keysOf(infos []tokenInfo) []string {
	out := make([]string, len(infos))
	for i := range infos {
		out[i] = baseKey(&infos[i])
	}
	return out
}

// commonWord says whether the news mostly uses a word outside names.
func (res *resources) commonWord(ti *tokenInfo) bool {
	if utf8.RuneCountInString(ti.fold) < 3 {
		return true
	}
	if !ti.hasLex {
		return false
	}
	var total, ent int32
	for t, v := range ti.lex {
		total += v
		if t != typeO {
			ent += v
		}
	}
	return total >= 5 && ent*2 < total
}

// postRules applies the rules in place, pooling entities over ±window
// sentences (0: the whole document).
func (r *Recognizer) postRules(infos [][]tokenInfo, labels [][]int, window int) {
	// A name is matched by the base of its first word and the folded
	// forms of the others: ل in لدعم belongs to the name.
	keys := make([][]string, len(infos))
	folds := make([][]string, len(infos))
	for s := range infos {
		keys[s] = keysOf(infos[s])
		folds[s] = make([]string, len(infos[s]))
		for i := range infos[s] {
			folds[s][i] = infos[s][i].fold
		}
	}
	nameKey := func(s, i, j int) string {
		if j == i+1 {
			return keys[s][i]
		}
		return keys[s][i] + " " + strings.Join(folds[s][i+1:j], " ")
	}
	// appendNameKey is nameKey into a byte scratch, for lookups: a map
	// index by string(b) does not allocate.
	appendNameKey := func(b []byte, s, i, j int) []byte {
		b = append(b, keys[s][i]...)
		for k := i + 1; k < j; k++ {
			b = append(b, ' ')
			b = append(b, folds[s][k]...)
		}
		return b
	}
	var keyBuf []byte
	// 1. Curated names.
	if r.curatedLongest > 0 {
		for s, ks := range keys {
			for i := 0; i < len(ks); i++ {
				n := 1
				if r.curated[ks[i]+" "] > 0 { // starts a multi-word name
					n = min(r.curatedLongest, len(ks)-i)
				}
				for ; n >= 1; n-- {
					keyBuf = appendNameKey(keyBuf[:0], s, i, i+n)
					t, ok := r.curated[string(keyBuf)]
					if !ok || !(allO(labels[s], i, i+n) || exactChunk(labels[s], i, i+n) || t == typeORG && orgAroundPlace(labels[s], i, i+n)) {
						continue
					}
					setSpan(labels[s], i, i+n, t)
					i += n - 1
					break
				}
			}
		}
	}
	// 2. Consistency.
	type chunkInfo struct {
		start, end int
		key        string
		typ        int
		surname    string // last word of a multi-word person name
	}
	chunks := make([][]chunkInfo, len(infos))
	for s := range infos {
		tags := make([]string, len(labels[s]))
		for i, y := range labels[s] {
			tags[i] = Labels[y]
		}
		for _, c := range Chunks(tags) {
			ci := chunkInfo{start: c.Start, end: c.End, key: nameKey(s, c.Start, c.End), typ: labelType[beginLabel[typeIndex(c.Type)]]}
			if ci.typ == typePERS && c.End-c.Start >= 2 && !r.res.commonWord(&infos[s][c.End-1]) {
				ci.surname = keys[s][c.End-1]
			}
			if c.End-c.Start == 1 && r.res.commonWord(&infos[s][c.Start]) {
				continue
			}
			chunks[s] = append(chunks[s], ci)
		}
	}
	// Entities within the window, counted so that sentences can enter and
	// leave it; firsts counts the first words of multi-word keys.
	known := map[string]*[numTypes]int32{}
	firsts := map[string]int32{}
	longest := 1
	addChunks := func(s int, sign int32) {
		for _, c := range chunks[s] {
			for _, k := range [2]string{c.key, c.surname} {
				if k == "" {
					continue
				}
				t := c.typ
				if k == c.surname {
					t = typePERS
				}
				e := known[k]
				if e == nil {
					e = new([numTypes]int32)
					known[k] = e
				}
				e[t] += sign
				if sp := strings.IndexByte(k, ' '); sp > 0 {
					firsts[k[:sp]] += sign
					longest = max(longest, strings.Count(k, " ")+1)
				}
			}
		}
	}
	entryType := func(e *[numTypes]int32) (int, bool) {
		if e == nil {
			return 0, false
		}
		best := typeO
		for t := typePERS; t < numTypes; t++ {
			if e[t] > 0 && (best == typeO || e[t] > e[best]) {
				best = t
			}
		}
		return best, best != typeO
	}
	lookup := func(k string) (int, bool) { return entryType(known[k]) }
	forEachWindow(len(infos), window, func(s int) { addChunks(s, 1) }, func(s int) { addChunks(s, -1) }, func(s int) {
		ks := keys[s]
		// A multi-word chunk seen nowhere else whose every word is a country
		// or capital named on its own elsewhere (تتهم واشنطن موسكو) is split
		// into those places.
		for _, c := range chunks[s] {
			e := known[c.key]
			if c.end-c.start < 2 || e == nil {
				continue
			}
			var seen int32
			for _, v := range e {
				seen += v
			}
			if seen > 1 {
				continue
			}
			types := make([]int, 0, c.end-c.start)
			for k := c.start; k < c.end; k++ {
				// Only countries and capitals, which rarely sit inside a
				// longer name without a word between them.
				t, ok := lookup(ks[k])
				if ct, cok := r.curated[ks[k]]; cok {
					t, ok = ct, true
				}
				ti := &infos[s][k]
				if !ok || t != typeLOC || (ti.gaz|ti.gazRest)&(gazCountry|gazCapital) == 0 {
					break
				}
				types = append(types, t)
			}
			if len(types) == c.end-c.start {
				for k, t := range types {
					setSpan(labels[s], c.start+k, c.start+k+1, t)
				}
			}
		}
		r.extendPersons(infos[s], labels[s])
		for i := 0; i < len(ks); i++ {
			n := 1
			if firsts[ks[i]] > 0 {
				n = min(longest, len(ks)-i)
			}
			for ; n >= 1; n-- {
				keyBuf = appendNameKey(keyBuf[:0], s, i, i+n)
				t, ok := entryType(known[string(keyBuf)])
				if !ok || !allO(labels[s], i, i+n) {
					continue
				}
				setSpan(labels[s], i, i+n, t)
				i += n - 1
				break
			}
		}
	})
}

// extendPersons takes into a person's name an unlabelled word right
// before it that the name lists know as a personal name and the news
// mostly writes inside names (طلعت before زكريا when the tagger took only
// the surname), and likewise one right after it.
func (r *Recognizer) extendPersons(infos []tokenInfo, labels []int) {
	nameWord := func(k int) bool {
		ti := &infos[k]
		return labels[k] == 0 && ti.pre == "" && ti.gaz&(gazName|gazPerson) != 0 && ti.hasLex && !r.res.commonWord(ti)
	}
	for i := 0; i < len(labels); i++ {
		if labels[i] != beginLabel[typePERS] {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == insideLabel[typePERS] {
			j++
		}
		if i > 0 && nameWord(i-1) {
			labels[i-1], labels[i] = beginLabel[typePERS], insideLabel[typePERS]
		}
		if j < len(labels) && nameWord(j) {
			labels[j] = insideLabel[typePERS]
			j++
		}
		i = j - 1
	}
}

func typeIndex(name string) int {
	switch name {
	case "PERS":
		return typePERS
	case "LOC":
		return typeLOC
	case "ORG":
		return typeORG
	case "MISC":
		return typeMISC
	}
	return typeO
}

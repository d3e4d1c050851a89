package ner

import (
	"os"
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/gazetteer"
	"khabar/wordcluster"
)

// Gazetteer kind bits.
const (
	gazCountry uint16 = 1 << iota
	gazCapital
	gazCity
	gazRegion
	gazOrg
	gazPerson
	gazName
)

var gazBits = map[string]uint16{
	gazetteer.Country: gazCountry, gazetteer.Capital: gazCapital, gazetteer.City: gazCity,
	gazetteer.Region: gazRegion, gazetteer.Org: gazOrg, gazetteer.Person: gazPerson, gazetteer.Name: gazName,
}

// resources are the lexical tables the features read.
type resources struct {
	clusters *wordcluster.Table
	// gazWord maps a folded one-token name to its kind bits; gazPhrase maps
	// folded multi-token names (tokens joined by a space).
	gazWord   map[string]uint16
	gazPhrase map[string]uint16
	// gazFirst holds the first tokens of multi-token names.
	gazFirst  map[string]bool
	maxPhrase int
}

func newResources(cl *wordcluster.Table, gaz []gazetteer.Entry) *resources {
	r := &resources{clusters: cl, gazWord: map[string]uint16{}, gazPhrase: map[string]uint16{}, gazFirst: map[string]bool{}}
	for _, e := range gaz {
		bit := gazBits[e.Kind]
		if bit == 0 {
			continue
		}
		var toks []string
		wordcluster.SplitWords(e.Arabic, func(w string) { toks = append(toks, wordcluster.Fold(w)) })
		switch {
		case len(toks) == 0:
		case len(toks) == 1:
			r.gazWord[toks[0]] |= bit
		default:
			if len(toks) > 6 {
				continue
			}
			r.gazPhrase[strings.Join(toks, " ")] |= bit
			r.gazFirst[toks[0]] = true
			r.maxPhrase = max(r.maxPhrase, len(toks))
		}
	}
	return r
}

// proclitics are the letter sequences stripped off the front of a folded
// word to find its base, longest first. "لل" is ل + the article.
var proclitics = []string{"وبال", "وكال", "ولل", "فبال", "فلل", "وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك"}

// splitProclitic returns the longest proclitic string of a folded word that
// leaves at least two letters, and the rest.
func splitProclitic(f string) (pre, rest string) {
	for _, p := range proclitics {
		if strings.HasPrefix(f, p) && utf8.RuneCountInString(f)-utf8.RuneCountInString(p) >= 2 {
			return p, f[len(p):]
		}
	}
	return "", f
}

// tokenInfo is what the feature templates read of one token.
type tokenInfo struct {
	fold, pre, rest, restAl string
	shape                   string
	gaz, gazRest            uint16
	cls                     [wordcluster.MaxLevels]uint16
	hasCls                  bool
	restCls                 [wordcluster.MaxLevels]uint16
	hasRestCls              bool
	// phrase is the kind bits of the gazetteer name covering the token,
	// phraseBegin whether the token starts it.
	phrase      uint16
	phraseBegin bool
}

func shapeOf(w string) string {
	var ar, lat, dig, up, other bool
	n := 0
	for _, r := range w {
		n++
		switch {
		case r >= 0x0600 && r <= 0x06FF:
			ar = true
		case r >= '0' && r <= '9':
			dig = true
		case r < 0x80 && unicode.IsLetter(r):
			lat = true
			if unicode.IsUpper(r) {
				up = true
			}
		case unicode.IsLetter(r):
			ar = true
		default:
			other = true
		}
	}
	var b [8]byte
	s := b[:0]
	if ar {
		s = append(s, 'a')
	}
	if lat {
		s = append(s, 'l')
	}
	if up {
		s = append(s, 'U')
	}
	if dig {
		s = append(s, 'd')
	}
	if other {
		s = append(s, 'p')
	}
	switch {
	case n <= 2:
		s = append(s, '1')
	case n <= 4:
		s = append(s, '2')
	case n <= 7:
		s = append(s, '3')
	default:
		s = append(s, '4')
	}
	return string(s)
}

func (res *resources) info(words []string, infos []tokenInfo) []tokenInfo {
	infos = infos[:0]
	for _, w := range words {
		f := wordcluster.Fold(w)
		pre, rest := splitProclitic(f)
		ti := tokenInfo{fold: f, pre: pre, rest: rest, shape: shapeOf(w)}
		ti.restAl = strings.TrimPrefix(rest, "ال")
		ti.gaz = res.gazWord[f]
		if pre != "" {
			ti.gazRest = res.gazWord[rest]
			if ti.gazRest == 0 && strings.HasSuffix(pre, "ل") && !strings.HasSuffix(pre, "ال") {
				// ل + article: للعراق is ل + العراق.
				ti.gazRest = res.gazWord["ال"+rest]
			}
		}
		if e, ok := res.clusters.Lookup(f); ok && !e.NoClass {
			ti.cls, ti.hasCls = e.Class, true
		}
		if pre != "" {
			if e, ok := res.clusters.Lookup(rest); ok && !e.NoClass {
				ti.restCls, ti.hasRestCls = e.Class, true
			}
		}
		infos = append(infos, ti)
	}
	// Multi-token gazetteer names, longest first from each start; the first
	// token may carry a proclitic.
	if res.maxPhrase > 1 {
		var sb strings.Builder
		for i := 0; i < len(infos); {
			matched := 0
			var bits uint16
			for _, first := range [2]string{infos[i].fold, infos[i].rest} {
				if !res.gazFirst[first] {
					continue
				}
				for n := min(res.maxPhrase, len(infos)-i); n >= 2 && n > matched; n-- {
					sb.Reset()
					sb.WriteString(first)
					for k := i + 1; k < i+n; k++ {
						sb.WriteByte(' ')
						sb.WriteString(infos[k].fold)
					}
					if b, ok := res.gazPhrase[sb.String()]; ok {
						matched, bits = n, b
						break
					}
				}
			}
			if matched == 0 {
				i++
				continue
			}
			for k := i; k < i+matched; k++ {
				infos[k].phrase = bits
				infos[k].phraseBegin = k == i
			}
			i += matched
		}
	}
	return infos
}

// Feature templates: each hashes a template number with its values.
const (
	tBias uint64 = iota + 1
	tWord
	tRest
	tRestAl
	tPre
	tPrefix
	tSuffix
	tRestPrefix
	tRestSuffix
	tShape
	tBigramL
	tBigramR
	tGaz
	tGazRest
	tPhrase
	tCls
	tRestCls
	tNoCls
	tShapeCtx
	tLen
	tWordClsR
	tWordClsL
	tGazCtx
	tTrigger
)

const (
	fnvOffset uint64 = 14695981039346656037
	fnvPrime  uint64 = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashU(h, v uint64) uint64 {
	h ^= v
	h *= fnvPrime
	h ^= v >> 32
	h *= fnvPrime
	return h
}

// feat hashes template t at relative offset off with the string s.
func feat(t uint64, off int, s string) uint64 {
	return hashStr(hashU(hashU(fnvOffset, t), uint64(off+8)), s)
}

func featU(t uint64, off int, vs ...uint64) uint64 {
	h := hashU(hashU(fnvOffset, t), uint64(off+8))
	for _, v := range vs {
		h = hashU(h, v)
	}
	return h
}

func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

func suffix(s string, n int) string {
	i := len(s)
	for c := 0; c < n && i > 0; c++ {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:]
}

// features fills one feature list per token.
func (res *resources) features(infos []tokenInfo, out [][]uint64) [][]uint64 {
	T := len(infos)
	if cap(out) < T {
		out = make([][]uint64, T)
	}
	out = out[:T]
	get := func(i int) *tokenInfo {
		if i < 0 || i >= T {
			return nil
		}
		return &infos[i]
	}
	levels := len(res.clusters.Ks)
	if os.Getenv("NER_NOCLS") != "" {
		levels = 0
	}
	for i := range infos {
		fs := out[i][:0]
		ti := &infos[i]
		fs = append(fs, featU(tBias, 0))
		fs = append(fs, feat(tWord, 0, ti.fold), feat(tRest, 0, ti.rest), feat(tRestAl, 0, ti.restAl), feat(tPre, 0, ti.pre))
		for n := 1; n <= 3; n++ {
			fs = append(fs, feat(tPrefix, n, prefix(ti.fold, n)), feat(tSuffix, n, suffix(ti.fold, n)))
		}
		for n := 2; n <= 3; n++ {
			fs = append(fs, feat(tRestPrefix, n, prefix(ti.restAl, n)), feat(tRestSuffix, n, suffix(ti.restAl, n)))
		}
		fs = append(fs, feat(tShape, 0, ti.shape), featU(tLen, 0, uint64(min(utf8.RuneCountInString(ti.restAl), 10))))
		fs = append(fs, featU(tGaz, 0, uint64(ti.gaz)), featU(tGazRest, 0, uint64(ti.gazRest)))
		if ti.phrase != 0 {
			b := uint64(0)
			if ti.phraseBegin {
				b = 1
			}
			fs = append(fs, featU(tPhrase, 0, uint64(ti.phrase), b))
		}
		if ti.hasCls {
			for l := 0; l < levels; l++ {
				fs = append(fs, featU(tCls, l, uint64(ti.cls[l])))
			}
		} else {
			fs = append(fs, featU(tNoCls, 0))
		}
		if ti.hasRestCls {
			for l := 0; l < levels; l++ {
				fs = append(fs, featU(tRestCls, l, uint64(ti.restCls[l])))
			}
		}
		for _, off := range [...]int{-2, -1, 1, 2} {
			o := get(i + off)
			if o == nil {
				fs = append(fs, feat(tWord, off*10, "<s>"))
				continue
			}
			fs = append(fs, feat(tWord, off*10, o.fold), feat(tShapeCtx, off, o.shape))
			if off == -1 || off == 1 {
				fs = append(fs, feat(tRest, off*10, o.restAl), featU(tGazCtx, off, uint64(o.gaz|o.gazRest)))
				if os.Getenv("NER_X1") != "" {
					fs = append(fs, feat(tRestSuffix, off*10, suffix(o.restAl, 2)), feat(tRestPrefix, off*10, prefix(o.restAl, 2)), feat(tPre, off*10, o.pre))
					if o.hasRestCls {
						for l := 0; l < levels; l++ {
							fs = append(fs, featU(tRestCls, off*10+l, uint64(o.restCls[l])))
						}
					}
				}
			}
			if o.hasCls {
				for l := 0; l < levels; l++ {
					fs = append(fs, featU(tCls, off*10+l, uint64(o.cls[l])))
				}
			}
			if o.phrase != 0 {
				fs = append(fs, featU(tPhrase, off, uint64(o.phrase)))
			}
		}
		if p := get(i - 1); p != nil {
			fs = append(fs, hashStr(feat(tBigramL, 0, p.fold), ti.fold))
			if ti.hasCls && levels > 0 {
				fs = append(fs, hashStr(featU(tWordClsL, 0, uint64(ti.cls[levels-1])), p.fold))
			}
		}
		if n := get(i + 1); n != nil {
			fs = append(fs, hashStr(feat(tBigramR, 0, n.fold), ti.fold))
			if ti.hasCls && levels > 0 {
				fs = append(fs, hashStr(featU(tWordClsR, 0, uint64(ti.cls[levels-1])), n.fold))
			}
		}
		out[i] = fs
	}
	return out
}

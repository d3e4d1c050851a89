package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar/gazetteer"
	"khabar/wordcluster"
)

// nameTable spells names in Latin letters and knows which names are aliases
// of one entity.
type nameTable struct {
	// phrase maps a folded name (tokens joined by a space) to its Latin
	// spelling, most trusted source first.
	phrase map[string]latinName
	// token maps a folded single token of a personal name to its spelling.
	token map[string]latinName
}

type latinName struct {
	latin  string
	weight int64
	// alias is set for curated and organisation names, whose Latin
	// spelling identifies the entity (داعش and تنظيم الدولة الإسلامية are
	// both "Islamic State").
	alias bool
}

func newNameTable(gaz []foldedEntry) *nameTable {
	t := &nameTable{phrase: map[string]latinName{}, token: map[string]latinName{}}
	for _, e := range gaz {
		if e.Latin == "" {
			continue
		}
		key := strings.Join(e.words, " ")
		if key == "" {
			continue
		}
		ln := latinName{latin: e.Latin, weight: e.Weight, alias: e.Source == "curated" || e.Kind == gazetteer.Org}
		if e.Kind == gazetteer.Name {
			ln.latin = titleCase(e.Latin)
			if old, ok := t.token[key]; !ok || ln.weight > old.weight {
				t.token[key] = ln
			}
			continue
		}
		if old, ok := t.phrase[key]; !ok || ln.weight > old.weight {
			t.phrase[key] = ln
		}
	}
	return t
}

// foldPhrase folds each word of a name and joins them with single spaces.
func foldPhrase(s string) string {
	var parts []string
	wordcluster.SplitWords(s, func(w string) { parts = append(parts, wordcluster.Fold(w)) })
	return strings.Join(parts, " ")
}

// titleCase capitalises the first letter of each space- or hyphen-separated
// part, leaving "al-" lowercase.
func titleCase(s string) string {
	b := []rune(s)
	start := true
	for i, r := range b {
		if start && unicode.IsLetter(r) {
			b[i] = unicode.ToUpper(r)
		}
		start = r == ' ' || r == '-'
	}
	out := string(b)
	return strings.ReplaceAll(strings.ReplaceAll(out, "Al-", "al-"), " El-", " el-")
}

// latin spells a folded name: the whole name from the gazetteers when
// listed, else word by word from the place names and, for people, the
// personal-name lists, else by romanisation. The Arabic article becomes
// "al-"; Arabic names of Latin letters (بي إف إم) become the letters.
func (t *nameTable) latin(folded string, person bool) string {
	if ln, ok := t.phrase[folded]; ok {
		return ln.latin
	}
	words := strings.Split(folded, " ")
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		// Two or more letter names in a row spell an acronym.
		j := i
		for j < len(words) && letterNames[words[j]] != "" {
			j++
		}
		if j-i >= 2 {
			var b strings.Builder
			for _, w := range words[i:j] {
				b.WriteString(letterNames[w])
			}
			out = append(out, b.String())
			i = j
			continue
		}
		out = append(out, t.latinWord(words[i], person))
		i++
	}
	s := strings.Join(out, " ")
	if s != "" {
		r, n := utf8.DecodeRuneInString(s)
		s = string(unicode.ToUpper(r)) + s[n:]
	}
	return s
}

func (t *nameTable) latinWord(w string, person bool) string {
	if ln, ok := t.phrase[w]; ok {
		return ln.latin
	}
	if ln, ok := t.token[w]; ok {
		return ln.latin
	}
	if rest, ok := strings.CutPrefix(w, "ال"); ok && utf8.RuneCountInString(rest) >= 2 {
		if ln, ok := t.token[rest]; ok && person {
			return "al-" + ln.latin
		}
		return "al-" + romanize(rest)
	}
	return romanize(w)
}

// letterNames are the Arabic spellings of Latin letter names in acronyms
// (بي بي سي, إف بي آي), folded.
var letterNames = map[string]string{
	"ايه": "A", "بي": "B", "سي": "C", "دي": "D", "اي": "E", "اف": "F", "جي": "G", "اتش": "H",
	"اتش.": "H", "اش": "H", "جيه": "J", "كيه": "K", "كي": "K", "ال": "L", "ام": "M", "ان": "N",
	"او": "O", "كيو": "Q", "ار": "R", "اس": "S", "تي": "T", "يو": "U", "في": "V", "دبليو": "W",
	"اكس": "X", "واي": "Y", "زد": "Z", "ايتش": "H", "بى": "B",
}

// romanTable is a plain reading transliteration of folded Arabic letters.
var romanTable = map[rune]string{
	'ا': "a", 'ب': "b", 'ت': "t", 'ث': "th", 'ج': "j", 'ح': "h", 'خ': "kh", 'د': "d", 'ذ': "dh",
	'ر': "r", 'ز': "z", 'س': "s", 'ش': "sh", 'ص': "s", 'ض': "d", 'ط': "t", 'ظ': "z", 'ع': "'",
	'غ': "gh", 'ف': "f", 'ق': "q", 'ك': "k", 'ل': "l", 'م': "m", 'ن': "n", 'ه': "h", 'و': "w",
	'ي': "y", 'ء': "'", 'پ': "p", 'چ': "ch", 'ڤ': "v", 'گ': "g",
}

// romanize spells a folded Arabic word in Latin letters for readers: long
// vowels become a/u/i, consonant clusters get no invented vowels except an
// "a" between two consonants at the start, and a final heh (from teh
// marbuta) becomes "a". It is a fallback for names no list spells.
func romanize(w string) string {
	rs := []rune(w)
	var b strings.Builder
	for i, r := range rs {
		last := i == len(rs)-1
		switch r {
		case 'و':
			if i > 0 && !last || i > 0 && last {
				b.WriteString("u")
			} else {
				b.WriteString("w")
			}
			continue
		case 'ي':
			if i > 0 {
				b.WriteString("i")
			} else {
				b.WriteString("y")
			}
			continue
		case 'ه':
			if last && i > 0 {
				b.WriteString("a")
				continue
			}
		case 'ا':
			if i == 0 {
				b.WriteString("a")
				continue
			}
		}
		if s, ok := romanTable[r]; ok {
			b.WriteString(s)
		} else if r < 0x80 {
			b.WriteRune(r)
		}
		// Between the first two consonants, an "a" makes the word readable.
		if i == 0 && len(rs) > 2 && isConsonant(r) && isConsonant(rs[1]) {
			b.WriteString("a")
		}
	}
	s := strings.Trim(b.String(), "'")
	if s == "" {
		return w
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func isConsonant(r rune) bool {
	return r != 'ا' && r != 'و' && r != 'ي' && romanTable[r] != ""
}

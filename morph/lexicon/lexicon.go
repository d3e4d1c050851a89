// Package lexicon derives the morphology layer's word lexicon from three
// external resources into the project's own format: a map from a word or
// stem skeleton (diacritics removed, alef variants folded) to membership
// flags, and a map from a lemma skeleton to its spelling (with hamza).
//
// Origins and licences (recorded in the model's README as well):
//   - BAMA 1.0 (Buckwalter Arabic Morphological Analyzer, GPL-2): the
//     unvocalised stems of dictStems (FlagBAMAStem, FlagBAMAProper for
//     proper-noun stems) and the lemmas of its ";;" lemma lines.
//   - Arramooz (GPL-2): vocalised noun and verb lemmas (FlagArramooz) and
//     the word forms of its frequency list (FlagArramoozFreq).
//   - Hunspell-ar (GPL/LGPL/MPL tri-licence): dictionary stems (FlagHunspell).
//
// Only membership and spellings are derived; no analysis rules are copied.
// Build does file I/O and is called by the training command only; the
// analyser reads the result from its model.
package lexicon

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Membership flags.
const (
	FlagBAMAStem uint16 = 1 << iota
	FlagBAMAProper
	FlagArramooz
	FlagArramoozFreq
	FlagHunspell
	FlagBAMANoun    // BAMA noun stem (N*)
	FlagBAMAAdj     // BAMA stem glossed as ADJ
	FlagBAMAPerf    // BAMA perfect verb stem (PV*)
	FlagBAMAImperf  // BAMA imperfect verb stem (IV*)
	FlagBAMAForeign // BAMA foreign word (FW*)
	FlagArramoozVerb
	FlagArramoozAdj // participles, adjectives, relative adjectives, elatives
)

// Lexicon is the derived lexicon.
type Lexicon struct {
	Flags      map[string]uint16
	LemmaSpell map[string]string
	// StemLemma maps a BAMA stem skeleton (and an Arramooz broken plural)
	// to its lemma: it covers broken plurals and imperfect verb stems.
	StemLemma map[string]string
	// WordSpell maps a word skeleton to its one spelling with hamza on the
	// alef when the lexicons agree on it (اجداد -> أجداد); it restores the
	// stems PADT spells normalised after a clitic.
	WordSpell map[string]string
	counts    map[string]int
}

// Summary says how much came from where.
func (l *Lexicon) Summary() string {
	keys := make([]string, 0, len(l.counts))
	for k := range l.counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	fmt.Fprintf(&b, "%d skeletons, %d lemma spellings, %d stem lemmas", len(l.Flags), len(l.LemmaSpell), len(l.StemLemma))
	for _, k := range keys {
		fmt.Fprintf(&b, "; %s %d", k, l.counts[k])
	}
	return b.String()
}

var buckwalter = map[byte]rune{
	'\'': 'ء', '|': 'آ', '>': 'أ', '&': 'ؤ', '<': 'إ', '}': 'ئ', 'A': 'ا', 'b': 'ب', 'p': 'ة',
	't': 'ت', 'v': 'ث', 'j': 'ج', 'H': 'ح', 'x': 'خ', 'd': 'د', '*': 'ذ', 'r': 'ر', 'z': 'ز',
	's': 'س', '$': 'ش', 'S': 'ص', 'D': 'ض', 'T': 'ط', 'Z': 'ظ', 'E': 'ع', 'g': 'غ', '_': 'ـ',
	'f': 'ف', 'q': 'ق', 'k': 'ك', 'l': 'ل', 'm': 'م', 'n': 'ن', 'h': 'ه', 'w': 'و', 'Y': 'ى',
	'y': 'ي', 'F': 'ً', 'N': 'ٌ', 'K': 'ٍ', 'a': 'َ', 'u': 'ُ', 'i': 'ِ', '~': 'ّ', 'o': 'ْ',
	'`': 'ٰ', '{': 'ا', 'P': 'پ', 'J': 'چ', 'V': 'ڤ', 'G': 'گ',
}

// FromBuckwalter transliterates Buckwalter ASCII into Arabic script; it
// reports false when s holds a character outside the scheme.
func FromBuckwalter(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		r, ok := buckwalter[s[i]]
		if !ok {
			return "", false
		}
		b.WriteRune(r)
	}
	return b.String(), true
}

func isMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640
}

// strip removes diacritics and tatweel.
func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if isMark(r) {
			return -1
		}
		return r
	}, s)
}

// Skel is the lookup key: diacritics removed, alef variants folded. It
// must agree with morph.Skel.
func Skel(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case isMark(r):
			return -1
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			return 'ا'
		}
		return r
	}, s)
}

func (l *Lexicon) addWord(w string, flag uint16, src string) {
	w = strip(strings.TrimSpace(w))
	if w == "" || strings.ContainsAny(w, " \t") {
		return
	}
	k := Skel(w)
	l.Flags[k] |= flag
	l.counts[src]++
}

// addSpell votes for the spelling of a vocalised lexicon entry. Only the
// vocalised columns vote: BAMA's unvocalised column and Hunspell also list
// common misspellings (إستعداد). A skeleton spelt two ways gets none.
func (l *Lexicon) addSpell(vocalised string) {
	w := strip(strings.TrimSpace(vocalised))
	if w == "" || strings.ContainsAny(w, " \t") {
		return
	}
	k := Skel(w)
	if old, ok := l.WordSpell[k]; !ok {
		l.WordSpell[k] = w
	} else if old != w {
		l.WordSpell[k] = ""
	}
}

func (l *Lexicon) addLemma(vocalised string, src string) {
	w := strip(strings.TrimSpace(vocalised))
	if w == "" || strings.ContainsAny(w, " \t") {
		return
	}
	k := Skel(w)
	if _, ok := l.LemmaSpell[k]; !ok {
		l.LemmaSpell[k] = w
		l.counts[src+" lemmas"]++
	}
}

// Build reads the three resources under dataDir (../shared/data). A
// missing resource is an error: the model must be reproducible.
func Build(dataDir string) (*Lexicon, error) {
	l := &Lexicon{Flags: map[string]uint16{}, LemmaSpell: map[string]string{}, StemLemma: map[string]string{}, WordSpell: map[string]string{}, counts: map[string]int{}}
	if err := l.readBAMA(filepath.Join(dataDir, "bama-1.0", "dictStems")); err != nil {
		return nil, err
	}
	for _, f := range []string{"jamid", "masdar", "fa3il", "maf3oul", "moubalagha", "mouchabbaha", "sifates", "tafdil", "mansoub"} {
		adj := f != "jamid" && f != "masdar"
		if err := l.readArramoozNouns(filepath.Join(dataDir, "arramooz", "nouns", f+".csv"), adj); err != nil {
			return nil, err
		}
	}
	if err := l.readArramoozVerbs(filepath.Join(dataDir, "arramooz", "verbs", "verb_dic_data-net.csv")); err != nil {
		return nil, err
	}
	if err := l.readArramoozFreq(filepath.Join(dataDir, "arramooz", "nouns", "wordfreq.csv")); err != nil {
		return nil, err
	}
	if err := l.readHunspell(filepath.Join(dataDir, "hunspell-ar", "ar.dic")); err != nil {
		return nil, err
	}
	for k, v := range l.WordSpell {
		if v == "" || v == k {
			delete(l.WordSpell, k)
		}
	}
	return l, nil
}

func (l *Lexicon) readBAMA(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	lemma := ""
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, ";; ") {
			id := strings.TrimPrefix(line, ";; ")
			if i := strings.IndexAny(id, "_-"); i > 0 {
				id = id[:i]
			}
			lemma = ""
			if ar, ok := FromBuckwalter(id); ok {
				l.addLemma(ar, "bama")
				lemma = strip(ar)
			}
			continue
		}
		if strings.HasPrefix(line, ";") {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			continue
		}
		ar, ok := FromBuckwalter(fields[0])
		if !ok {
			continue
		}
		flag := FlagBAMAStem
		cat := fields[2]
		switch {
		case strings.HasPrefix(cat, "Nprop"):
			flag |= FlagBAMAProper
		case strings.HasPrefix(cat, "N"):
			flag |= FlagBAMANoun
		case strings.HasPrefix(cat, "PV"):
			flag |= FlagBAMAPerf
		case strings.HasPrefix(cat, "IV"):
			flag |= FlagBAMAImperf
		case strings.HasPrefix(cat, "FW"):
			flag |= FlagBAMAForeign
		}
		if len(fields) > 3 && strings.Contains(fields[3], "/ADJ</pos>") {
			flag |= FlagBAMAAdj
		}
		l.addWord(ar, flag, "bama stems")
		if voc, ok := FromBuckwalter(fields[1]); ok {
			l.addSpell(voc)
		}
		if k := Skel(ar); lemma != "" && l.StemLemma[k] == "" {
			l.StemLemma[k] = lemma
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", path, err)
	}
	return nil
}

// readTSV parses a tab-separated file with quoted multi-line fields.
func readTSV(path string, fn func(rec []string)) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma = '\t'
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			// bad rows are skipped, the rest is still read
			if _, ok := err.(*csv.ParseError); ok {
				continue
			}
			return fmt.Errorf("lexicon: %s: %w", path, err)
		}
		if len(rec) == 0 || strings.HasPrefix(rec[0], "#") {
			continue
		}
		fn(rec)
	}
}

func (l *Lexicon) readArramoozNouns(path string, adj bool) error {
	return readTSV(path, func(rec []string) {
		if len(rec) < 3 {
			return
		}
		flag := FlagArramooz
		if adj {
			flag |= FlagArramoozAdj
		}
		l.addWord(rec[1], flag, "arramooz nouns")
		l.addSpell(rec[1])
		if len(rec) <= 11 || strings.TrimSpace(rec[11]) != "جمع" {
			l.addLemma(rec[1], "arramooz") // plural entries are not lemmas
		}
		// Column 12 (عدد) marks plural entries whose column 14 is the singular.
		if len(rec) > 13 && strings.TrimSpace(rec[11]) == "جمع" && strings.TrimSpace(rec[13]) != "" {
			if k := Skel(strip(rec[1])); l.StemLemma[k] == "" {
				l.StemLemma[k] = strip(strings.TrimSpace(rec[13]))
				l.counts["arramooz plural entries"]++
			}
		}
		// Column 13 (الجمع) lists plurals: "+ون;+ات" suffixes and broken
		// plurals spelled out; a broken plural's lemma is the entry.
		if len(rec) > 12 {
			lemma := strip(rec[1])
			for _, pl := range strings.Split(rec[12], ";") {
				pl = strings.TrimSpace(pl)
				if pl == "" || strings.HasPrefix(pl, "+") {
					continue
				}
				k := Skel(strip(pl))
				if k != "" && l.StemLemma[k] == "" {
					l.StemLemma[k] = lemma
					l.counts["arramooz broken plurals"]++
				}
			}
		}
	})
}

func (l *Lexicon) readArramoozVerbs(path string) error {
	return readTSV(path, func(rec []string) {
		if len(rec) < 3 {
			return
		}
		l.addWord(rec[2], FlagArramooz|FlagArramoozVerb, "arramooz verbs")
		l.addSpell(rec[2])
		l.addLemma(rec[2], "arramooz")
	})
}

func (l *Lexicon) readArramoozFreq(path string) error {
	return readTSV(path, func(rec []string) {
		if len(rec) < 3 || rec[0] == "n°" {
			return
		}
		l.addWord(rec[2], FlagArramoozFreq, "arramooz freq")
	})
}

func (l *Lexicon) readHunspell(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	first := true
	for sc.Scan() {
		line := sc.Text()
		if first {
			first = false
			continue
		}
		w, _, _ := strings.Cut(line, "/")
		l.addWord(w, FlagHunspell, "hunspell")
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("lexicon: %s: %w", path, err)
	}
	return nil
}

package ner

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"khabar"
	"khabar/wordcluster"
)

// Annotate tags the sentences of the document, turns the tags into entity
// mentions without their proclitics, and gives each mention its
// canonical name and Latin spelling. It reads doc.Tokens and doc.Sentences
// (the whole document is one sentence when none are given) and replaces
// doc.Entities. A model that reads the morphology layer (UsesMorph) takes
// the tokens' Segments when the morphology stage has run, and otherwise
// analyses the words itself (loading khabar/morph on first use).
func (r *Recognizer) Annotate(doc *khabar.Document) {
	doc.Entities = doc.Entities[:0]
	if doc.Entities == nil {
		doc.Entities = []khabar.Entity{}
	}
	runes := []rune(doc.Text)
	var ms []mention
	spans := sentenceTokenRanges(doc)
	sents := make([][]string, len(spans))
	var segs [][][]khabar.Segment
	var analyze func([]string) [][]khabar.Segment
	if r.usesMorph {
		segs = make([][][]khabar.Segment, len(spans))
		if !hasMorph(doc) {
			// The morphology stage did not run: analyse here, as training did.
			if a, err := r.morphAnalyzer(); err == nil {
				analyze = a.AnalyzeWords
			}
		}
	}
	for s, span := range spans {
		toks := doc.Tokens[span[0]:span[1]]
		sents[s] = make([]string, len(toks))
		for i, t := range toks {
			sents[s][i] = t.Text
		}
		switch {
		case analyze != nil:
			segs[s] = analyze(sents[s])
		case segs != nil:
			segs[s] = make([][]khabar.Segment, len(toks))
			for i, t := range toks {
				segs[s][i] = t.Segments
			}
		}
	}
	tagged := r.TagDocument(sents, segs, 0)
	for s, span := range spans {
		toks := doc.Tokens[span[0]:span[1]]
		for _, c := range Chunks(tagged[s]) {
			if m, ok := r.mention(runes, toks[c.Start:c.End], c.Type); ok {
				ms = append(ms, m)
			}
		}
	}
	r.group(ms)
	for i, m := range ms {
		doc.Entities = append(doc.Entities, khabar.Entity{
			ID:        "e" + strconv.Itoa(i+1),
			Start:     m.start,
			End:       m.end,
			Text:      string(runes[m.start:m.end]),
			Type:      m.typ,
			Canonical: m.canonical,
			Latin:     m.latin,
		})
	}
}

// hasMorph says whether the morphology stage has filled the segments: it
// gives word tokens a part of speech, which the tokenizer alone does not.
func hasMorph(doc *khabar.Document) bool {
	for _, t := range doc.Tokens {
		if t.Kind != khabar.KindWord && t.Kind != "" {
			continue
		}
		for _, s := range t.Segments {
			if s.POS != "" {
				return true
			}
		}
	}
	return false
}

// sentenceTokenRanges maps each sentence to its token range [first, end).
func sentenceTokenRanges(doc *khabar.Document) [][2]int {
	if len(doc.Sentences) == 0 {
		return [][2]int{{0, len(doc.Tokens)}}
	}
	var out [][2]int
	t := 0
	for _, s := range doc.Sentences {
		for t < len(doc.Tokens) && doc.Tokens[t].Start < s.Start {
			t++
		}
		first := t
		for t < len(doc.Tokens) && doc.Tokens[t].End <= s.End {
			t++
		}
		if t > first {
			out = append(out, [2]int{first, t})
		}
	}
	return out
}

// mention is one entity mention before numbering.
type mention struct {
	start, end int // code points into the document
	typ        string
	// key is the folded name without proclitics, article restored after ل.
	key       string
	words     []string // folded words of key
	display   string   // the name as written, article restored
	canonical string
	latin     string
}

var typeNames = map[string]string{"PERS": "PER", "PER": "PER", "LOC": "LOC", "ORG": "ORG", "MISC": "MISC"}

// mention builds a mention from its tokens, leaving the proclitics of the
// first token out of the span. Bad token offsets are skipped.
func (r *Recognizer) mention(runes []rune, toks []khabar.Token, typ string) (mention, bool) {
	t0, tn := toks[0], toks[len(toks)-1]
	if t0.Start < 0 || tn.End > len(runes) || t0.Start >= tn.End {
		return mention{}, false
	}
	typ, ok := typeNames[typ]
	if !ok {
		typ = "MISC"
	}
	skip, restore := r.procliticLen(t0.Text)
	start := t0.Start + skip
	if start >= t0.End {
		start = t0.Start
		restore = false
	}
	display := string(runes[start:tn.End])
	if restore {
		display = "ا" + display
	}
	// Trailing punctuation the tokenizer left attached (ANERcorp style input).
	end := tn.End
	for end > start+1 && unicode.IsPunct(runes[end-1]) {
		end--
		display = strings.TrimRightFunc(display, unicode.IsPunct)
	}
	m := mention{start: start, end: end, typ: typ, display: display}
	m.key = foldPhrase(display)
	m.words = strings.Fields(m.key)
	return m, m.key != ""
}

// procliticLen says how many runes of a token's front are proclitics
// (و ف, then ب ل ك) to leave out of an entity span, and whether the
// stripped ل had swallowed the article's alef (للأمم: the span starts at
// لأمم and the name is الأمم).
func (r *Recognizer) procliticLen(tok string) (int, bool) {
	rs := []rune(tok)
	f := wordcluster.Fold(tok)
	fr := []rune(f)
	if len(fr) != len(rs) || len(fr) < 3 {
		// Too short to carry a proclitic, or diacritics make the folded
		// and written forms misalign: keep the token whole.
		return 0, false
	}
	n := 0
	if fr[0] == 'و' || fr[0] == 'ف' {
		if r.shouldStrip(string(fr), string(fr[1:])) {
			n = 1
		}
	}
	if n < len(fr)-2 {
		c := fr[n]
		rest := string(fr[n+1:])
		if c == 'ل' && strings.HasPrefix(rest, "ل") && len(fr)-n-1 >= 3 {
			// لل + noun: ل + the article with its alef dropped.
			if r.known("ا"+rest) || r.known("ال"+rest[len("ل"):]) {
				return n + 1, true
			}
		}
		if (c == 'ب' || c == 'ل' || c == 'ك') && r.shouldStrip(string(fr[n:]), rest) {
			n++
		}
	}
	return n, false
}

// shouldStrip decides whether full is a proclitic plus rest: when rest
// carries the article, or is a listed name the full form is not, or is far
// more frequent in the news than the full form.
func (r *Recognizer) shouldStrip(full, rest string) bool {
	if utf8.RuneCountInString(rest) < 2 {
		return false
	}
	if strings.HasPrefix(rest, "ال") && utf8.RuneCountInString(rest) >= 4 {
		return true
	}
	fullGaz, restGaz := r.res.gazWord[full] != 0 || r.res.gazFirst[full], r.res.gazWord[rest] != 0 || r.res.gazFirst[rest]
	if restGaz && !fullGaz {
		return true
	}
	if fullGaz && !restGaz {
		return false
	}
	cf, cr := r.res.clusters.Count(full), r.res.clusters.Count(rest)
	return cr >= 20 && cr > 3*cf
}

// known says whether a folded word is listed or frequent in the news.
func (r *Recognizer) known(w string) bool {
	return r.res.gazWord[w] != 0 || r.res.gazFirst[w] || r.res.clusters.Count(w) >= 20
}

// group gives mentions of one entity a shared canonical name and Latin
// spelling: exact repeats, aliases that the gazetteers spell the same in
// Latin (داعش, تنظيم الدولة الإسلامية), and for people a later or earlier
// short form of a full name (كيري for جون كيري, الاسد for بشار الاسد).
func (r *Recognizer) group(ms []mention) {
	parent := make([]int, len(ms))
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
	union := func(a, b int) {
		a, b = find(a), find(b)
		if a != b {
			if a < b {
				parent[b] = a
			} else {
				parent[a] = b
			}
		}
	}
	alias := func(m mention) string {
		if ln, ok := r.names.phrase[m.key]; ok && ln.alias {
			return ln.latin
		}
		// تنظيم "داعش": a leading organisation noun before a listed name.
		if len(m.words) > 1 {
			if ln, ok := r.names.phrase[strings.Join(m.words[1:], " ")]; ok && ln.alias && orgHeads[m.words[0]] {
				return ln.latin
			}
		}
		return ""
	}
	first := map[string]int{}
	for i, m := range ms {
		k := m.typ + "|" + m.key
		if j, ok := first[k]; ok {
			union(i, j)
		} else {
			first[k] = i
		}
		if a := alias(m); a != "" {
			k := m.typ + "|alias|" + a
			if j, ok := first[k]; ok {
				union(i, j)
			} else {
				first[k] = i
			}
		}
	}
	// People: a mention whose words all occur, in order, at the end or start
	// of a longer person mention is that person.
	for i, m := range ms {
		if m.typ != "PER" {
			continue
		}
		best := -1
		for j, o := range ms {
			if j == i || o.typ != "PER" || len(o.words) <= len(m.words) {
				continue
			}
			if hasSuffixWords(o.words, m.words) || hasPrefixWords(o.words, m.words) && len(m.words) > 1 {
				if best < 0 || len(o.words) > len(ms[best].words) {
					best = j
				}
			}
		}
		if best >= 0 {
			union(i, best)
		}
	}
	// Canonical: the longest name in the group (first on ties).
	groups := map[int][]int{}
	for i := range ms {
		groups[find(i)] = append(groups[find(i)], i)
	}
	for _, g := range groups {
		best := g[0]
		for _, i := range g[1:] {
			if utf8.RuneCountInString(ms[i].display) > utf8.RuneCountInString(ms[best].display) {
				best = i
			}
		}
		canon := ms[best].display
		latin := ""
		for _, i := range g {
			if a := alias(ms[i]); a != "" {
				latin = a
				break
			}
		}
		if latin == "" {
			latin = r.names.latin(ms[best].key, ms[best].typ == "PER")
		}
		for _, i := range g {
			ms[i].canonical, ms[i].latin = canon, latin
		}
	}
}

// orgHeads are nouns that introduce an organisation's name.
var orgHeads = map[string]bool{"تنظيم": true, "حركه": true, "حزب": true, "جماعه": true, "منظمه": true, "شركه": true}

func hasSuffixWords(long, short []string) bool {
	if len(short) > len(long) {
		return false
	}
	off := len(long) - len(short)
	for i, w := range short {
		if long[off+i] != w {
			return false
		}
	}
	return true
}

func hasPrefixWords(long, short []string) bool {
	if len(short) > len(long) {
		return false
	}
	for i, w := range short {
		if long[i] != w {
			return false
		}
	}
	return true
}

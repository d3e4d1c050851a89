// Package conllu reads and writes the CoNLL-U subset the morphology layer
// needs: surface tokens, their multiword-token split into syntactic words,
// and FORM, LEMMA, UPOS, FEATS and MISC of each word. Dependency columns are
// carried as "_".
package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"khabar"
)

// Word is one syntactic word.
type Word struct {
	Form, Lemma, UPOS, XPOS, Feats, Misc string
}

// Token is one surface token: a plain word (one Word) or a multiword token.
type Token struct {
	Form       string
	SpaceAfter bool
	Words      []Word
}

// Multi reports whether the token is a multiword token.
func (t *Token) Multi() bool { return len(t.Words) > 1 }

// Sentence is one sentence with its comments of interest.
type Sentence struct {
	ID      string
	Text    string
	HasText bool
	Tokens  []Token
}

// NumWords counts the syntactic words.
func (s *Sentence) NumWords() int {
	n := 0
	for i := range s.Tokens {
		n += len(s.Tokens[i].Words)
	}
	return n
}

// RawText returns the sentence text: the "# text" comment when present,
// otherwise the surface tokens joined with a space except where MISC says
// SpaceAfter=No.
func (s *Sentence) RawText() string {
	if s.HasText {
		return s.Text
	}
	var b strings.Builder
	for i, t := range s.Tokens {
		b.WriteString(t.Form)
		if t.SpaceAfter && i < len(s.Tokens)-1 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// Read parses a CoNLL-U stream. Malformed lines are an error that names the
// line; empty nodes (IDs with a dot) are skipped.
func Read(r io.Reader) ([]Sentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []Sentence
	var cur Sentence
	started := false
	pending := 0 // words still to attach to the last multiword token
	lineNo := 0
	flush := func() {
		if started && len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
		started = false
		pending = 0
	}
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			flush()
			continue
		}
		started = true
		if strings.HasPrefix(line, "#") {
			k, v, ok := strings.Cut(strings.TrimPrefix(line, "#"), "=")
			if ok {
				switch strings.TrimSpace(k) {
				case "sent_id":
					cur.ID = strings.TrimSpace(v)
				case "text":
					cur.Text = strings.TrimSpace(v)
					cur.HasText = true
				}
			}
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 10 {
			return nil, fmt.Errorf("conllu: line %d: %d columns, want 10", lineNo, len(f))
		}
		id := f[0]
		if strings.Contains(id, ".") {
			continue
		}
		misc := f[9]
		spaceAfter := !hasMisc(misc, "SpaceAfter=No")
		if a, b, ok := strings.Cut(id, "-"); ok {
			lo, err1 := strconv.Atoi(a)
			hi, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || hi <= lo {
				return nil, fmt.Errorf("conllu: line %d: bad range %q", lineNo, id)
			}
			cur.Tokens = append(cur.Tokens, Token{Form: f[1], SpaceAfter: spaceAfter})
			pending = hi - lo + 1
			continue
		}
		w := Word{Form: f[1], Lemma: f[2], UPOS: f[3], XPOS: f[4], Feats: f[5], Misc: misc}
		if pending > 0 {
			t := &cur.Tokens[len(cur.Tokens)-1]
			t.Words = append(t.Words, w)
			pending--
			continue
		}
		cur.Tokens = append(cur.Tokens, Token{Form: f[1], SpaceAfter: spaceAfter, Words: []Word{w}})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conllu: %w", err)
	}
	flush()
	return out, nil
}

func hasMisc(misc, item string) bool {
	for _, m := range strings.Split(misc, "|") {
		if m == item {
			return true
		}
	}
	return false
}

func orUnderscore(s string) string {
	if s == "" {
		return "_"
	}
	return s
}

// Write prints sentences in CoNLL-U, with multiword-token range lines.
func Write(w io.Writer, sents []Sentence) error {
	bw := bufio.NewWriter(w)
	for _, s := range sents {
		if s.ID != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", s.ID)
		}
		fmt.Fprintf(bw, "# text = %s\n", s.RawText())
		id := 1
		for i, t := range s.Tokens {
			misc := "_"
			if !t.SpaceAfter && i < len(s.Tokens)-1 {
				misc = "SpaceAfter=No"
			}
			if len(t.Words) > 1 {
				fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", id, id+len(t.Words)-1, t.Form, misc)
				for _, wd := range t.Words {
					fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t_\t%s\t_\t_\t_\t_\n", id, orUnderscore(wd.Form), orUnderscore(wd.Lemma), orUnderscore(wd.UPOS), orUnderscore(wd.Feats))
					id++
				}
				continue
			}
			for _, wd := range t.Words {
				fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t_\t%s\t_\t_\t_\t%s\n", id, orUnderscore(t.Form), orUnderscore(wd.Lemma), orUnderscore(wd.UPOS), orUnderscore(wd.Feats), misc)
				id++
			}
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// FromDocument lays out an analysed document as CoNLL-U sentences: one
// token line per document token whose Segments are its words (a multiword
// token when there are several), SpaceAfter=No where the next token follows
// without a gap, and "# text" the sentence span. Tokens without segments
// are written as one word of their own text.
func FromDocument(doc *khabar.Document) []Sentence {
	var out []Sentence
	ti := 0
	spans := doc.Sentences
	if len(spans) == 0 && len(doc.Tokens) > 0 {
		spans = []khabar.Span{{Start: doc.Tokens[0].Start, End: doc.Tokens[len(doc.Tokens)-1].End, Text: doc.Text}}
	}
	for si, sp := range spans {
		s := Sentence{ID: fmt.Sprintf("%d", si+1), Text: sp.Text, HasText: true}
		for ti < len(doc.Tokens) && doc.Tokens[ti].Start < sp.End {
			t := &doc.Tokens[ti]
			space := ti+1 >= len(doc.Tokens) || doc.Tokens[ti+1].Start > t.End
			ct := Token{Form: t.Text, SpaceAfter: space}
			for _, sg := range t.Segments {
				ct.Words = append(ct.Words, Word{Form: sg.Form, Lemma: sg.Lemma, UPOS: sg.POS, Feats: sg.Feats})
			}
			if len(ct.Words) == 0 {
				ct.Words = []Word{{Form: t.Text}}
			}
			s.Tokens = append(s.Tokens, ct)
			ti++
		}
		if len(s.Tokens) > 0 {
			out = append(out, s)
		}
	}
	return out
}

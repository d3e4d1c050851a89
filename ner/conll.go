package ner

import (
	"bufio"

	"fmt"
	"io"
	"khabar"
	"strings"
)

// Sentence is one sentence of a CoNLL-style NER file: whitespace tokens and
// their IOB tags (B-PERS, I-LOC, O, ...).
type Sentence struct {
	Words []string
	Tags  []string
	// Segments, when set, are the morphology layer's segments of each word.
	Segments [][]khabar.Segment
}

// ReadCoNLL reads "TOKEN TAG" lines with blank lines between sentences, as
// ANERcorp is distributed. A line without a tag is reported and skipped.
func ReadCoNLL(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	line := 0
	var bad []string
	for sc.Scan() {
		line++
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			flush()
			continue
		}
		i := strings.LastIndexAny(s, " \t")
		if i <= 0 {
			bad = append(bad, fmt.Sprintf("line %d: no tag", line))
			continue
		}
		word, tag := strings.TrimSpace(s[:i]), strings.TrimSpace(s[i+1:])
		if word == "" || !validTag(tag) {
			bad = append(bad, fmt.Sprintf("line %d: bad token or tag %q", line, s))
			continue
		}
		cur.Words = append(cur.Words, word)
		cur.Tags = append(cur.Tags, tag)
	}
	flush()
	if err := sc.Err(); err != nil {
		return out, fmt.Errorf("ner: reading CoNLL: %w", err)
	}
	if len(bad) > 0 && len(out) == 0 {
		return nil, fmt.Errorf("ner: no sentences; first problem: %s", bad[0])
	}
	return out, nil
}

func validTag(t string) bool {
	if t == "O" {
		return true
	}
	p, typ, ok := strings.Cut(t, "-")
	return ok && (p == "B" || p == "I") && typ != ""
}

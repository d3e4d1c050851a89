package render

import (
	"bufio"
	"strconv"
	"strings"

	"khabar"
)

// WriteCoNLLU writes doc as Universal Dependencies CoNLL-U: a `# newdoc id`
// line, then per sentence `# sent_id` and `# text`, a multiword-token line
// for every token with more than one segment and one line per segment with
// FORM, LEMMA, UPOS and FEATS. HEAD and DEPREL stay `_` (no parser yet).
// MISC carries SpaceAfter=No and TokenRange=start:end in code points of the
// document text, so a reader can map words back to the text.
func WriteCoNLLU(w *bufio.Writer, doc *khabar.Document) error {
	w.WriteString("# newdoc id = ")
	w.WriteString(oneLine(doc.ID))
	w.WriteByte('\n')
	ti := 0
	for si, s := range doc.Sentences {
		for ti < len(doc.Tokens) && doc.Tokens[ti].Start < s.Start {
			ti++
		}
		w.WriteString("# sent_id = ")
		w.WriteString(oneLine(doc.ID))
		w.WriteByte('-')
		w.WriteString(strconv.Itoa(si + 1))
		w.WriteString("\n# text = ")
		w.WriteString(oneLine(s.Text))
		w.WriteByte('\n')
		word := 1
		for ; ti < len(doc.Tokens) && doc.Tokens[ti].End <= s.End; ti++ {
			t := &doc.Tokens[ti]
			misc := "TokenRange=" + strconv.Itoa(t.Start) + ":" + strconv.Itoa(t.End)
			if ti+1 < len(doc.Tokens) && doc.Tokens[ti+1].Start == t.End && doc.Tokens[ti+1].End <= s.End {
				misc = "SpaceAfter=No|" + misc
			}
			segs := t.Segments
			if len(segs) == 0 {
				segs = []khabar.Segment{{Form: t.Text}}
			}
			if len(segs) > 1 {
				w.WriteString(strconv.Itoa(word))
				w.WriteByte('-')
				w.WriteString(strconv.Itoa(word + len(segs) - 1))
				w.WriteByte('\t')
				w.WriteString(field(t.Text))
				w.WriteString("\t_\t_\t_\t_\t_\t_\t_\t")
				w.WriteString(misc)
				w.WriteByte('\n')
				misc = "_"
			}
			for _, sg := range segs {
				w.WriteString(strconv.Itoa(word))
				w.WriteByte('\t')
				w.WriteString(field(sg.Form))
				w.WriteByte('\t')
				w.WriteString(field(sg.Lemma))
				w.WriteByte('\t')
				w.WriteString(field(sg.POS))
				w.WriteString("\t_\t")
				w.WriteString(field(sg.Feats))
				w.WriteString("\t_\t_\t_\t")
				w.WriteString(misc)
				w.WriteByte('\n')
				word++
			}
		}
		if err := w.WriteByte('\n'); err != nil {
			return err
		}
	}
	return nil
}

// field makes a value safe for a CoNLL-U column: empty is `_`, and tabs or
// line breaks (never in tokens, but lemmas come from models) become spaces.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(s)
	}
	return s
}

func oneLine(s string) string {
	if strings.ContainsAny(s, "\n\r") {
		return strings.NewReplacer("\n", " ", "\r", " ").Replace(s)
	}
	return s
}

// Package render writes analysed documents in the output formats of the
// command line and the API: the JSON contract (one object a line), CoNLL-U,
// and a readable text summary.
//
// The JSON encoder is hand-written because analyze spends most of its time
// printing tokens: it appends to a caller's buffer without reflection, and a
// test holds it byte for byte to what encoding/json (without HTML escaping)
// makes of the same khabar.Document.
package render

import (
	"strconv"
	"unicode/utf8"

	"khabar"
)

// AppendJSON appends doc as one line of JSON (without the newline) to dst.
// Arrays the contract requires are written as [] when they are nil, so an
// empty document is still a valid one.
func AppendJSON(dst []byte, doc *khabar.Document) []byte {
	dst = append(dst, `{"version":`...)
	dst = appendString(dst, doc.Version)
	dst = append(dst, `,"id":`...)
	dst = appendString(dst, doc.ID)
	if s := doc.Source; s != nil {
		dst = append(dst, `,"source":{`...)
		first := true
		for _, f := range [...]struct{ k, v string }{{"path", s.Path}, {"url", s.URL}, {"feed", s.Feed}, {"name", s.Name}} {
			if f.v == "" {
				continue
			}
			if !first {
				dst = append(dst, ',')
			}
			first = false
			dst = appendKey(dst, f.k)
			dst = appendString(dst, f.v)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, doc.Text)
	dst = append(dst, `,"lang":`...)
	dst = appendString(dst, doc.Lang)
	dst = appendOptString(dst, "dct", doc.DCT)
	dst = appendOptString(dst, "dct_source", doc.DCTSource)
	dst = appendOptString(dst, "title", doc.Title)
	dst = appendOptString(dst, "category", doc.Category)

	dst = append(dst, `,"sentences":`...)
	dst = appendSpans(dst, doc.Sentences)

	dst = append(dst, `,"tokens":[`...)
	for i := range doc.Tokens {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendToken(dst, &doc.Tokens[i])
	}
	dst = append(dst, ']')

	dst = append(dst, `,"entities":[`...)
	for i := range doc.Entities {
		e := &doc.Entities[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendString(dst, e.ID)
		dst = appendOffsets(dst, e.Start, e.End, e.Text)
		dst = append(dst, `,"type":`...)
		dst = appendString(dst, e.Type)
		dst = append(dst, `,"canonical":`...)
		dst = appendString(dst, e.Canonical)
		dst = appendOptString(dst, "latin", e.Latin)
		dst = append(dst, '}')
	}
	dst = append(dst, ']')

	dst = append(dst, `,"timexes":[`...)
	for i := range doc.Timexes {
		t := &doc.Timexes[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendString(dst, t.ID)
		dst = appendOffsets(dst, t.Start, t.End, t.Text)
		dst = append(dst, `,"type":`...)
		dst = appendString(dst, t.Type)
		dst = append(dst, `,"value":`...)
		dst = appendString(dst, t.Value)
		dst = appendOptString(dst, "anchor", t.Anchor)
		dst = append(dst, '}')
	}
	dst = append(dst, ']')

	dst = append(dst, `,"quotes":[`...)
	for i := range doc.Quotes {
		q := &doc.Quotes[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendString(dst, q.ID)
		dst = appendOffsets(dst, q.Start, q.End, q.Text)
		dst = append(dst, `,"direct":`...)
		dst = strconv.AppendBool(dst, q.Direct)
		if sp := q.Speaker; sp != nil {
			dst = append(dst, `,"speaker":{`...)
			dst = appendOffsets(dst, sp.Start, sp.End, sp.Text)
			dst = appendOptString(dst, "entity", sp.Entity)
			dst = append(dst, '}')
		}
		if q.Cue != nil {
			dst = append(dst, `,"cue":`...)
			dst = appendSpan(dst, q.Cue)
		}
		dst = append(dst, '}')
	}
	dst = append(dst, ']')

	dst = append(dst, `,"events":[`...)
	for i := range doc.Events {
		ev := &doc.Events[i]
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"id":`...)
		dst = appendString(dst, ev.ID)
		dst = append(dst, `,"type":`...)
		dst = appendString(dst, ev.Type)
		dst = append(dst, `,"trigger":`...)
		dst = appendSpan(dst, &ev.Trigger)
		dst = append(dst, `,"participants":`...)
		dst = append(dst, '[')
		for j, p := range ev.Participants {
			if j > 0 {
				dst = append(dst, ',')
			}
			dst = append(dst, `{"role":`...)
			dst = appendString(dst, p.Role)
			dst = appendOptString(dst, "entity", p.Entity)
			dst = appendOffsets(dst, p.Start, p.End, p.Text)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
		dst = appendOptString(dst, "place", ev.Place)
		dst = appendOptString(dst, "time", ev.Time)
		dst = append(dst, `,"modality":`...)
		dst = appendString(dst, ev.Modality)
		dst = append(dst, `,"polarity":`...)
		dst = appendString(dst, ev.Polarity)
		dst = append(dst, '}')
	}
	dst = append(dst, ']')

	if len(doc.Summary) > 0 {
		dst = append(dst, `,"summary":`...)
		dst = appendSpans(dst, doc.Summary)
	}
	return append(dst, '}')
}

func appendToken(dst []byte, t *khabar.Token) []byte {
	dst = append(dst, `{"start":`...)
	dst = strconv.AppendInt(dst, int64(t.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(t.End), 10)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, t.Text)
	dst = append(dst, `,"norm":`...)
	dst = appendString(dst, t.Norm)
	dst = append(dst, `,"kind":`...)
	dst = appendString(dst, t.Kind)
	dst = append(dst, `,"segments":[`...)
	for j := range t.Segments {
		s := &t.Segments[j]
		if j > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `{"form":`...)
		dst = appendString(dst, s.Form)
		dst = appendOptString(dst, "lemma", s.Lemma)
		dst = appendOptString(dst, "pos", s.POS)
		dst = appendOptString(dst, "feats", s.Feats)
		dst = append(dst, '}')
	}
	return append(dst, "]}"...)
}

func appendSpans(dst []byte, spans []khabar.Span) []byte {
	dst = append(dst, '[')
	for i := range spans {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendSpan(dst, &spans[i])
	}
	return append(dst, ']')
}

func appendSpan(dst []byte, s *khabar.Span) []byte {
	dst = append(dst, `{"start":`...)
	dst = strconv.AppendInt(dst, int64(s.Start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(s.End), 10)
	dst = append(dst, `,"text":`...)
	dst = appendString(dst, s.Text)
	return append(dst, '}')
}

// appendOffsets appends `"start":S,"end":E,"text":T`, after a comma unless
// it opens the object (the speaker object starts with it).
func appendOffsets(dst []byte, start, end int, text string) []byte {
	if dst[len(dst)-1] != '{' {
		dst = append(dst, ',')
	}
	dst = append(dst, `"start":`...)
	dst = strconv.AppendInt(dst, int64(start), 10)
	dst = append(dst, `,"end":`...)
	dst = strconv.AppendInt(dst, int64(end), 10)
	dst = append(dst, `,"text":`...)
	return appendString(dst, text)
}

func appendOptString(dst []byte, key, v string) []byte {
	if v == "" {
		return dst
	}
	dst = append(dst, ',')
	dst = appendKey(dst, key)
	return appendString(dst, v)
}

func appendKey(dst []byte, key string) []byte {
	dst = append(dst, '"')
	dst = append(dst, key...)
	return append(dst, '"', ':')
}

const hexDigits = "0123456789abcdef"

// appendString appends s as a JSON string, escaping as encoding/json does
// with HTML escaping off: quotes, backslashes, control characters, U+2028,
// U+2029 and invalid UTF-8 (as U+FFFD).
func appendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '"', '\\':
				dst = append(dst, '\\', b)
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

package index

import (
	"encoding/binary"
	"errors"
	"math/rand"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// plainAnalyzer hides every interface of an analyzer but Analyzer.
type plainAnalyzer struct{ an Analyzer }

func (p plainAnalyzer) Keys(text string) []Key { return p.an.Keys(text) }

// wordKeyer is a word-local analyzer that says so.
type wordKeyer struct{ plainAnalyzer }

func (w wordKeyer) WordKeys(word string) []Key { return w.an.Keys(word) }

// TestHighlighterWordKeyer: deciding each distinct word once gives the
// snippets and highlights of analysing each text whole.
func TestHighlighterWordKeyer(t *testing.T) {
	docs := testDocs
	if ant, err := readANT(300); err == nil {
		docs = ant
	}
	var words []string
	for _, d := range docs {
		for _, w := range Words(d.Text, nil) {
			words = append(words, d.Text[w.ByteStart:w.ByteEnd])
		}
	}
	rng := rand.New(rand.NewSource(2))
	compared, highlighted := 0, 0
	for i := 0; i < 100; i++ {
		var parts []string
		for j := rng.Intn(3); j >= 0; j-- {
			parts = append(parts, words[rng.Intn(len(words))])
		}
		q, err := Parse(strings.Join(parts, " "), SurfaceAnalyzer{})
		if err != nil {
			continue
		}
		whole := NewHighlighter(q, plainAnalyzer{SurfaceAnalyzer{}})
		byWord := NewHighlighter(q, wordKeyer{plainAnalyzer{SurfaceAnalyzer{}}})
		for j := 0; j < 10; j++ {
			text := docs[rng.Intn(len(docs))].Text
			want, got := whole.Snippet(text, 200), byWord.Snippet(text, 200)
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("query %q: snippets differ:\nwhole   %+v\nby word %+v", parts, want, got)
			}
			compared++
			if len(got.Highlights) > 0 {
				highlighted++
			}
		}
	}
	if highlighted < compared/10 {
		t.Errorf("only %d of %d snippets had highlights: the test compares little", highlighted, compared)
	}
}

func TestIsWordRuneTable(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		if got, want := isWordRune(r), r >= 0x80 && isWordRuneSlow(r) || r < 0x80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_'); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// formWordKeyer is the server's word cache over a MappedAnalyzer: a
// WordKeyer that is also a FormKeyer.
type formWordKeyer struct {
	wordKeyer
	m *MappedAnalyzer
}

func (f formWordKeyer) FormKeys(s *Segment, t int) ([]Key, bool) { return f.m.FormKeys(s, t) }

func (f formWordKeyer) FormIndex(s *Segment) *FormIndex { return f.m.FormIndex(s) }

// TestSnippetOfSameAsSnippet: deciding words by their stored forms gives
// the snippets of deciding them by their text, for every document of the
// three-segment corpus and random queries; and a format 3 segment (no
// stored forms) or a text other than the stored one falls back to Snippet.
func TestSnippetOfSameAsSnippet(t *testing.T) {
	three, words := pruneCorpus(t)
	docs := testDocs
	if ant, err := readANT(1500); err == nil && !testing.Short() {
		docs = ant
	}
	b := NewBuilder(0)
	for i := range docs {
		b.Add(Prepare(SurfaceAnalyzer{}, &docs[i]))
	}
	seg, err := OpenSegment(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	// One segment: forms found from the query's keys; three: each form
	// decided alone.
	one := NewIndex([]*Segment{seg}, func(d uint32) bool { return d%13 == 5 })
	for _, ix := range []*Index{one, three} {
		m := &MappedAnalyzer{Index: ix}
		rng := rand.New(rand.NewSource(3))
		compared, highlighted := 0, 0
		for i := 0; i < 150; i++ {
			var parts []string
			for j := rng.Intn(3); j >= 0; j-- {
				parts = append(parts, words[rng.Intn(len(words))])
			}
			if i%7 == 0 {
				parts = append(parts, `"`+words[rng.Intn(len(words))]+" "+words[rng.Intn(len(words))]+`"`)
			}
			q, err := Parse(strings.Join(parts, " "), m)
			if err != nil {
				continue
			}
			old := NewHighlighter(q, wordKeyer{plainAnalyzer{m}})
			byForm := NewHighlighter(q, formWordKeyer{wordKeyer{plainAnalyzer{m}}, m})
			for j := 0; j < 20; j++ {
				d := rng.Intn(len(docs))
				text := docs[d].Text
				want, got := old.Snippet(text, 200), byForm.SnippetOf(ix, uint32(d), text, 200)
				if !reflect.DeepEqual(want, got) {
					t.Fatalf("%d segments, query %q, document %d: snippets differ:\nby word %+v\nby form %+v", len(ix.segs), parts, d, want, got)
				}
				compared++
				if len(got.Highlights) > 0 {
					highlighted++
				}
			}
			// Another text than the document's: the forms do not fit it.
			other := docs[(1+rng.Intn(len(docs)-1))%len(docs)].Text + " x"
			if want, got := old.Snippet(other, 200), byForm.SnippetOf(ix, 0, other, 200); !reflect.DeepEqual(want, got) {
				t.Fatalf("query %q, a text not of the document: snippets differ:\nby word %+v\nby form %+v", parts, want, got)
			}
		}
		if highlighted < compared/10 {
			t.Errorf("only %d of %d snippets had highlights: the test compares little", highlighted, compared)
		}
		if len(byFormCalls(ix)) == 0 {
			t.Error("no segment stores forms")
		}
	}
	if fi := (&MappedAnalyzer{Index: one}).FormIndex(seg); fi == nil || len(fi.byKey) == 0 {
		t.Error("no form index for the one segment")
	}
}

// byFormCalls lists the segments that store word forms.
func byFormCalls(ix *Index) []*Segment {
	var out []*Segment
	for _, s := range ix.segs {
		if s.forms.n > 0 {
			out = append(out, s)
		}
	}
	return out
}

// TestSurfaceTermsAreWords: a stored surface form is one word and its own
// surface term, so that its keys are those of any word written so.
func TestSurfaceTermsAreWords(t *testing.T) {
	ix, _ := pruneCorpus(t)
	for _, s := range ix.segs {
		lo, hi := s.terms.prefixRange(string(FieldSurface))
		for i := lo; i < hi; i++ {
			sf := s.Term(i)[1:]
			ws := Words(sf, nil)
			if SurfaceTerm(sf) != sf || len(ws) != 1 || ws[0].ByteStart != 0 || ws[0].ByteEnd != len(sf) {
				t.Errorf("surface term %q: SurfaceTerm %q, words %v", sf, SurfaceTerm(sf), ws)
			}
		}
	}
}

// format3 rewrites a segment in format 3: no stored forms.
func format3(t *testing.T, data []byte) []byte {
	s, err := OpenSegment(data)
	if err != nil {
		t.Fatal(err)
	}
	out := append([]byte(nil), data[:len(segMagic)+12]...)
	out[6] = segFormat3
	off := uint32(headerSizeOf(secDocForms))
	for i := 0; i < secDocForms; i++ {
		out = binary.LittleEndian.AppendUint32(out, off)
		off += uint32(len(s.sec[i]))
	}
	out = binary.LittleEndian.AppendUint32(out, off)
	for i := 0; i < secDocForms; i++ {
		out = append(out, s.sec[i]...)
	}
	return out
}

// TestFormat3Segment: a segment of the format before stored forms opens,
// searches alike, and its snippets are made from the text.
func TestFormat3Segment(t *testing.T) {
	b := NewBuilder(0)
	for i := range testDocs {
		b.Add(Prepare(SurfaceAnalyzer{}, &testDocs[i]))
	}
	s4, err := OpenSegment(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	s3, err := OpenSegment(format3(t, b.Bytes()))
	if err != nil {
		t.Fatalf("format 3: %v", err)
	}
	if s3.forms.n != 0 || s4.forms.n != len(testDocs) {
		t.Fatalf("forms: format 3 has %d, format 4 %d", s3.forms.n, s4.forms.n)
	}
	ix3, ix4 := NewIndex([]*Segment{s3}, nil), NewIndex([]*Segment{s4}, nil)
	m3, m4 := &MappedAnalyzer{Index: ix3}, &MappedAnalyzer{Index: ix4}
	for _, d := range testDocs {
		for _, w := range Words(d.Title, nil) {
			word := d.Title[w.ByteStart:w.ByteEnd]
			q3, err3 := Parse(word, m3)
			q4, err4 := Parse(word, m4)
			if err3 != nil || err4 != nil {
				continue
			}
			r3, r4 := ix3.Search(q3, Options{Facets: true}), ix4.Search(q4, Options{Facets: true})
			if !reflect.DeepEqual(r3, r4) {
				t.Fatalf("%q: format 3 %+v, format 4 %+v", word, r3, r4)
			}
			h3 := NewHighlighter(q3, formWordKeyer{wordKeyer{plainAnalyzer{m3}}, m3})
			h4 := NewHighlighter(q4, formWordKeyer{wordKeyer{plainAnalyzer{m4}}, m4})
			for _, h := range r4.Hits {
				text := testDocs[h.Doc].Text
				if a, b := h3.SnippetOf(ix3, h.Doc, text, 80), h4.SnippetOf(ix4, h.Doc, text, 80); !reflect.DeepEqual(a, b) {
					t.Fatalf("%q, document %d: format 3 %+v, format 4 %+v", word, h.Doc, a, b)
				}
			}
		}
	}
	bad := b.Bytes()
	bad[6] = 2
	if _, err := OpenSegment(bad); !errors.Is(err, ErrFormat) {
		t.Errorf("format 2: %v, want ErrFormat", err)
	}
}

// TestWordsDecoding: Words' own decoding of two-byte runes agrees with
// utf8.DecodeRuneInString, bad bytes included.
func TestWordsDecoding(t *testing.T) {
	slow := func(text string) []Word {
		var out []Word
		cp, in := 0, false
		var w Word
		for i := 0; i < len(text); {
			r, size := utf8.DecodeRuneInString(text[i:])
			wr := r != utf8.RuneError && isWordRune(r)
			if wr && !in {
				in, w = true, Word{Start: cp, ByteStart: i}
			} else if !wr && in {
				in = false
				w.End, w.ByteEnd = cp, i
				out = append(out, w)
			}
			i += size
			cp++
		}
		if in {
			w.End, w.ByteEnd = cp, len(text)
			out = append(out, w)
		}
		return out
	}
	rng := rand.New(rand.NewSource(5))
	pieces := []string{"الأمم", " ", "é", "ß", "\xd8", "\xc3\x28", "\xc0\x80", "٣", "ـ", "a1", "日本", "\u200c", "،", "\xdf\xbf", "\xc2\x80"}
	for i := 0; i < 2000; i++ {
		var b strings.Builder
		for j := rng.Intn(12); j >= 0; j-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		text := b.String()
		if got, want := Words(text, nil), slow(text); !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("Words(%q) = %v, want %v", text, got, want)
		}
	}
}

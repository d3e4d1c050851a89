package archive

import (
	"fmt"
	"slices"
	"sync"

	"khabar"
	"khabar/arabic/normalize"
	"khabar/dedup"
	"khabar/index"
	"khabar/morph"
	"khabar/morph/match"
)

// Key analyzers an archive can be made with; the archive records its own
// (meta "keys") and a writer refuses to mix them.
const (
	// KeysMorph indexes the lemma of each word's stem that the morphology
	// layer chose in context (package morph/match).
	KeysMorph = "morph-match/1"
	// KeysSurface indexes the normalised surface form with the article
	// removed: no model needed, fewer inflections found.
	KeysSurface = "surface/1"
)

var loadMatch = sync.OnceValues(func() (*match.Analyzer, error) {
	m, err := morph.Load()
	if err != nil {
		return nil, fmt.Errorf("search keys need the morphology model: %w", err)
	}
	return match.New(m), nil
})

// KeyAnalyzer returns the analyser of new archives' keys, falling back to
// the surface keys when the model cannot be loaded.
//
// Deprecated: keys depend on the archive; use Archive.QueryAnalyzer for
// queries and highlights and Archive.NewRecord to store documents.
func KeyAnalyzer() index.Analyzer {
	if an, err := KeyAnalyzerNamed(KeysMorph); err == nil {
		return an
	}
	return index.SurfaceAnalyzer{}
}

// KeyAnalyzerNamed returns the analyser of the named keys.
func KeyAnalyzerNamed(name string) (index.Analyzer, error) {
	switch name {
	case KeysSurface:
		return index.SurfaceAnalyzer{}, nil
	case KeysMorph:
		m, err := loadMatch()
		if err != nil {
			return nil, err
		}
		return index.AnalyzerFunc(func(text string) []index.Key {
			ks := m.Keys(text)
			out := make([]index.Key, len(ks))
			for i, k := range ks {
				out[i] = index.Key{Start: k.Start, End: k.End, Term: k.Term}
			}
			return out
		}), nil
	}
	return nil, fmt.Errorf("archive: unknown key analyzer %q", name)
}

var matchNorm = normalize.Match()

// DocumentKeys returns the morph-match keys of a document's text from the
// analysis it carries already, so that ingest does not analyse the text a
// second time; nil when the morphology layer did not run on it.
func DocumentKeys(doc *khabar.Document) []index.Key {
	analysed := false
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		if t.Kind == khabar.KindWord && len(t.Segments) > 0 && t.Segments[0].POS != "" {
			analysed = true
			break
		}
	}
	if !analysed {
		return nil
	}
	keys := make([]index.Key, 0, len(doc.Tokens))
	for i := range doc.Tokens {
		t := &doc.Tokens[i]
		var term string
		switch t.Kind {
		case khabar.KindPunct, khabar.KindSymbol:
			continue
		case khabar.KindURL, khabar.KindEmail, khabar.KindHashtag, khabar.KindMention:
			term = t.Text
		default:
			_, term = match.TermOf(t.Segments)
		}
		if term = matchNorm.String(morph.StripMarks(term)); term != "" {
			keys = append(keys, index.Key{Start: t.Start, End: t.End, Term: term})
		}
	}
	return keys
}

// QueryAnalyzer analyses queries for an archive's index through the
// index's record of the keys each surface form got, and the known forms
// inside an unseen one: no model is loaded, so a search process answers
// in milliseconds. A word unlike any in the archive is searched by its
// surface form.
func (a *Archive) QueryAnalyzer(ix *index.Index) index.Analyzer {
	return &index.MappedAnalyzer{Index: ix}
}

// Keys is the name of the archive's key analyzer.
func (a *Archive) Keys() string { return a.keys }

// NewRecord makes the record of an analysed document for Commit: its index
// terms with the archive's keys, and its near-duplicate signature. hash is
// the ContentHash of the input it was made from. It is safe to call from
// many goroutines.
func (a *Archive) NewRecord(doc *khabar.Document, hash uint64) (Record, error) {
	an, err := KeyAnalyzerNamed(a.keys)
	if err != nil {
		return Record{}, err
	}
	di := &index.DocInput{ID: doc.ID, Title: doc.Title, Text: doc.Text, Date: doc.DCT, Category: doc.Category}
	if doc.Source != nil {
		di.Source = doc.Source.Name
	}
	for _, e := range doc.Entities {
		di.Entities = append(di.Entities, index.Entity{Type: e.Type, Canonical: e.Canonical})
	}
	if a.keys == KeysMorph {
		di.TextKeys = DocumentKeys(doc)
	}
	p := index.Prepare(an, di)
	// The words in order and the keys, from the prepared terms: no second
	// pass over the text.
	var keys []string
	var surf []index.TermPos
	body := index.BodyStart(doc.Title)
	for _, t := range p.Terms {
		switch t.Term[0] {
		case index.FieldKey:
			keys = append(keys, t.Term[1:])
		case index.FieldSurface:
			if t.Pos >= body {
				surf = append(surf, t)
			}
		}
	}
	slices.SortFunc(surf, func(a, b index.TermPos) int { return int(a.Pos) - int(b.Pos) })
	words := make([]string, len(surf))
	for i, t := range surf {
		words[i] = t.Term[1:]
	}
	sig := dedup.Sign(words, keys)
	enc, err := encodeDoc(hash, doc)
	if err != nil {
		return Record{}, err
	}
	return Record{Doc: doc, Hash: hash, Prepared: p, Signature: sig.Marshal(), encoded: enc}, nil
}

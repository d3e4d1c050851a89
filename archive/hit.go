package archive

import "khabar/index"

// Hit is one search hit as Khabar shows it to programs: a line of
// `khabar search --format json` and an element of the HTTP API's hits.
// Highlights are code-point spans into Snippet; SnippetStart is the
// snippet's code-point offset in the document text.
type Hit struct {
	ID           string       `json:"id"`
	Score        float64      `json:"score"`
	Title        string       `json:"title"`
	Date         string       `json:"date,omitempty"`
	Source       string       `json:"source,omitempty"`
	Snippet      string       `json:"snippet"`
	SnippetStart int          `json:"snippet_start"`
	Highlights   []index.Span `json:"highlights"`
	// DuplicateOf is the id of the article this one copies (the same
	// wire text), as ingest marked it.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// NewHit joins a ranked hit, its snippet and the article it copies, if
// any, into a Hit; ix is the archive's index (Index).
func (a *Archive) NewHit(ix *index.Index, h index.Hit, sn index.Snippet) Hit {
	hs := sn.Highlights
	if hs == nil {
		hs = []index.Span{} // an empty list, not null, for clients
	}
	return Hit{ID: h.ID, Score: h.Score, Title: h.Title, Date: h.Date, Source: h.Source,
		Snippet: sn.Text, SnippetStart: sn.Start, Highlights: hs, DuplicateOf: a.duplicateID(ix, h.Doc)}
}

// duplicateID is the id of the live article that document num copies, or
// "" when it copies none or that article is gone.
func (a *Archive) duplicateID(ix *index.Index, num uint32) string {
	orig, ok := a.DuplicateOf(num)
	if !ok {
		return ""
	}
	if info, ok := ix.Doc(orig); ok && !info.Deleted {
		return info.ID
	}
	return ""
}

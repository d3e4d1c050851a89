// Package khabar holds the types shared by every layer of the engine: the
// annotated document of the JSON contract (../shared/spec/document-json.md,
// version "1") and the small interface through which analysis stages add to it.
//
// The package does no I/O and imports nothing of the project; every other
// package imports it, never the other way round.
package khabar

// ContractVersion is the version of the JSON contract the types marshal to.
const ContractVersion = "1"

// Document is one analysed article. Every span offset counts Unicode code
// points into Text, end exclusive.
type Document struct {
	Version string `json:"version"`
	// ID is given by the caller, else derived from the content.
	ID     string  `json:"id"`
	Source *Source `json:"source,omitempty"`
	// Text is the input as received after UTF-8 validation and CRLF -> LF.
	Text string `json:"text"`
	Lang string `json:"lang"`
	// DCT is the document creation time (YYYY-MM-DD) that anchors relative dates.
	DCT       string `json:"dct,omitempty"`
	DCTSource string `json:"dct_source,omitempty"`
	Title     string `json:"title,omitempty"`
	// Category is the section of the outlet (politics, sport, ...) when known.
	Category string `json:"category,omitempty"`

	Sentences []Span   `json:"sentences"`
	Tokens    []Token  `json:"tokens"`
	Entities  []Entity `json:"entities"`
	Timexes   []Timex  `json:"timexes"`
	Quotes    []Quote  `json:"quotes"`
	Events    []Event  `json:"events"`
	Summary   []Span   `json:"summary,omitempty"`
}

// Values of Document.DCTSource.
const (
	DCTFromCaller   = "caller"
	DCTFromDateline = "dateline"
)

// Source says where a document came from, as far as it is known.
type Source struct {
	Path string `json:"path,omitempty"`
	URL  string `json:"url,omitempty"`
	Feed string `json:"feed,omitempty"`
	// Name is the outlet (e.g. "bbc"), when the input names it.
	Name string `json:"name,omitempty"`
}

// Span is a stretch of the document text.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Token is one token of the text with its clitic segments.
type Token struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Norm is the token in the match normalisation (no diacritics, folded
	// hamza forms, ASCII digits): the form search and lexicons look up.
	Norm string `json:"norm"`
	// Kind is the token class from the tokenizer: word, number, punct, url,
	// email, hashtag, mention, symbol.
	Kind     string    `json:"kind"`
	Segments []Segment `json:"segments"`
}

// HasPOS says whether one of the token's segments carries the UPOS tag
// pos (false when the morphology layer did not run).
func (t Token) HasPOS(pos string) bool {
	for _, sg := range t.Segments {
		if sg.POS == pos {
			return true
		}
	}
	return false
}

// Token kinds.
const (
	KindWord    = "word"
	KindNumber  = "number"
	KindPunct   = "punct"
	KindURL     = "url"
	KindEmail   = "email"
	KindHashtag = "hashtag"
	KindMention = "mention"
	KindSymbol  = "symbol"
)

// Segment is one morphological word of a token (a clitic or the stem), as
// Universal Dependencies Arabic-PADT segments words.
type Segment struct {
	Form  string `json:"form"`
	Lemma string `json:"lemma,omitempty"`
	// POS is the UPOS tag.
	POS   string `json:"pos,omitempty"`
	Feats string `json:"feats,omitempty"`
}

// Entity is one named-entity mention.
type Entity struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Type is PER, LOC, ORG or MISC.
	Type string `json:"type"`
	// Canonical is shared by all mentions of one real entity in the document.
	Canonical string `json:"canonical"`
	Latin     string `json:"latin,omitempty"`
}

// Timex is one temporal expression (TimeML TIMEX3).
type Timex struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Type is DATE, TIME, DURATION or SET.
	Type  string `json:"type"`
	Value string `json:"value"`
	// Anchor is "dct" or the id of the timex a relative value was resolved against.
	Anchor string `json:"anchor,omitempty"`
}

// Quote is one stretch of reported speech.
type Quote struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Direct is true for text inside quotation marks.
	Direct  bool     `json:"direct"`
	Speaker *Speaker `json:"speaker,omitempty"`
	// Cue is the reporting verb or phrase.
	Cue *Span `json:"cue,omitempty"`
}

// Speaker is the mention that says a quote.
type Speaker struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Entity is the id of the named entity, or of the named antecedent of a title.
	Entity string `json:"entity,omitempty"`
}

// Event is something that happened or is planned, with its participants.
type Event struct {
	ID           string        `json:"id"`
	Type         string        `json:"type"`
	Trigger      Span          `json:"trigger"`
	Participants []Participant `json:"participants"`
	// Place is the id of a LOC entity; Time the id of a timex.
	Place    string `json:"place,omitempty"`
	Time     string `json:"time,omitempty"`
	Modality string `json:"modality"`
	Polarity string `json:"polarity"`
}

// Participant is an actor taking part in an event: a named entity, or a
// group the entity layer does not name (`الجيش السوري`, `الفصائل المعارضة`).
type Participant struct {
	Role string `json:"role"`
	// Entity is the id of the entity; absent for a group that is no entity.
	Entity string `json:"entity,omitempty"`
	// Start, End and Text are the mention that names the participant in
	// the event's clause (the entity's own span, or the group's).
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Annotator is one analysis stage: it reads what earlier stages put in the
// document and adds its own layer. Annotators keep no state between calls
// that a concurrent caller could observe, so one value serves many goroutines.
type Annotator interface {
	Annotate(doc *Document)
}

// AnnotatorFunc adapts a function to Annotator.
type AnnotatorFunc func(doc *Document)

// Annotate calls f(doc).
func (f AnnotatorFunc) Annotate(doc *Document) { f(doc) }

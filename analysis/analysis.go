// Package analysis joins the text layers into one analyser: it turns a raw
// article into a khabar.Document with tokens, sentences and the document
// date, then runs the annotators of the later layers (morphology, entities,
// dates, quotations, events) in order.
//
// An Analyzer keeps no mutable state but pooled buffers; one value serves
// many goroutines.
package analysis

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"unicode"
	"unicode/utf8"

	"khabar"
	"khabar/arabic/normalize"
	"khabar/arabic/sentence"
	"khabar/arabic/tokenize"
	"khabar/temporal/dateline"
)

// Input is one article to analyse.
type Input struct {
	// ID is kept when given; else the document id is derived from the text.
	ID string
	// Text must be valid UTF-8 with LF line ends (see input.CleanText).
	Text     string
	Title    string
	Category string
	Source   *khabar.Source
	// Date, when set (YYYY-MM-DD), is the caller's document date: it wins
	// over any dateline.
	Date string
	// FallbackYear completes a dateline that gives only day and month
	// (`بيروت - 15-7 (اف ب)`); 0 leaves such a dateline unused.
	FallbackYear int
}

// Analyzer turns Inputs into Documents.
type Analyzer struct {
	match  *normalize.Normalizer
	stages []khabar.Annotator
	// bufs holds base's working memory (*baseBuf) between documents.
	bufs sync.Pool
}

// baseBuf is the tokenizer's and splitter's output for one document,
// needed only while base builds the document's own tokens and sentences.
type baseBuf struct {
	toks  []tokenize.Token
	sents []sentence.Sentence
}

// New returns an analyser that tokenises, splits sentences and finds the
// dateline, then runs stages in order on Arabic documents.
func New(stages ...khabar.Annotator) *Analyzer {
	return &Analyzer{match: normalize.Match(), stages: stages}
}

// Analyze analyses one article.
func (a *Analyzer) Analyze(in Input) *khabar.Document {
	doc := &khabar.Document{
		Version:   khabar.ContractVersion,
		ID:        in.ID,
		Source:    in.Source,
		Text:      in.Text,
		Title:     in.Title,
		Category:  in.Category,
		Sentences: []khabar.Span{},
		Tokens:    []khabar.Token{},
		Entities:  []khabar.Entity{},
		Timexes:   []khabar.Timex{},
		Quotes:    []khabar.Quote{},
		Events:    []khabar.Event{},
	}
	if doc.ID == "" {
		doc.ID = ContentID(in.Text)
	}
	doc.Lang = DetectLang(in.Text)
	a.base(doc)
	if in.Date != "" {
		doc.DCT, doc.DCTSource = in.Date, khabar.DCTFromCaller
	} else if dl, ok := dateline.Find(in.Text, in.FallbackYear); ok {
		doc.DCT, doc.DCTSource = dl.Date, khabar.DCTFromDateline
	}
	if doc.Lang == "ar" {
		for _, s := range a.stages {
			s.Annotate(doc)
		}
	}
	return doc
}

// base fills tokens and sentences. Token texts are substrings of doc.Text,
// and norms share its memory when normalising changes nothing.
func (a *Analyzer) base(doc *khabar.Document) {
	text := doc.Text
	buf, _ := a.bufs.Get().(*baseBuf)
	if buf == nil {
		buf = &baseBuf{}
	}
	toks := tokenize.Tokenize(text, buf.toks)
	var sents []sentence.Sentence
	defer func() {
		// Keep the buffers, unless an outsized document grew them.
		if cap(toks) <= 1<<16 {
			buf.toks = toks[:0]
			if sents != nil {
				buf.sents = sents[:0]
			}
			a.bufs.Put(buf)
		}
	}()
	if len(toks) == 0 {
		return
	}
	sents = sentence.Split(text, toks, buf.sents)
	doc.Tokens = make([]khabar.Token, len(toks))
	segs := make([]khabar.Segment, len(toks))
	for i, t := range toks {
		s := text[t.ByteStart:t.ByteEnd]
		segs[i] = khabar.Segment{Form: s, POS: basePOS(t.Kind)}
		doc.Tokens[i] = khabar.Token{
			Start: t.Start, End: t.End, Text: s,
			Norm: a.match.String(s), Kind: t.Kind.String(),
			Segments: segs[i : i+1 : i+1],
		}
	}
	doc.Sentences = make([]khabar.Span, 0, len(sents))
	for _, s := range sents {
		if s.EndToken <= s.FirstToken {
			continue
		}
		b0, b1 := toks[s.FirstToken].ByteStart, toks[s.EndToken-1].ByteEnd
		doc.Sentences = append(doc.Sentences, khabar.Span{Start: s.Start, End: s.End, Text: text[b0:b1]})
	}
}

// basePOS gives the UPOS that the token class alone decides.
func basePOS(k tokenize.Kind) string {
	switch k {
	case tokenize.Punct:
		return "PUNCT"
	case tokenize.Number:
		return "NUM"
	case tokenize.Symbol:
		return "SYM"
	}
	return ""
}

// ContentID derives a stable document id from the text: the first 16 hex
// digits of its SHA-256.
func ContentID(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// DetectLang says "ar" when Arabic-script letters make up at least a third
// of the letters of the text's opening, "en" or "fr" for Latin-script text
// by a handful of function words, else "und".
func DetectLang(text string) string {
	if len(text) > 4000 {
		cut := 4000
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var arabic, latin int
	for _, r := range text {
		switch {
		case r >= 0x0620 && r <= 0x064A:
			// The basic Arabic letters, nearly all the runes of an Arabic
			// text, are all letters: no table look-up.
			arabic++
		case r >= 0x0600 && r <= 0x06FF, r >= 0x0750 && r <= 0x077F, r >= 0xFB50 && r <= 0xFDFF, r >= 0xFE70 && r <= 0xFEFF:
			if unicode.IsLetter(r) {
				arabic++
			}
		case unicode.IsLetter(r):
			latin++
		}
	}
	switch {
	case arabic == 0 && latin == 0:
		return "und"
	case arabic*3 >= arabic+latin:
		return "ar"
	}
	return latinLang(text)
}

func latinLang(text string) string {
	var en, fr int
	word := make([]rune, 0, 8)
	flush := func() {
		switch string(word) {
		case "the", "and", "of", "is", "to", "in", "that", "was":
			en++
		case "le", "la", "les", "des", "et", "est", "une", "du", "dans":
			fr++
		}
		word = word[:0]
	}
	for _, r := range text {
		if unicode.IsLetter(r) {
			word = append(word, unicode.ToLower(r))
			continue
		}
		flush()
	}
	flush()
	switch {
	case en == 0 && fr == 0:
		return "und"
	case fr > en:
		return "fr"
	}
	return "en"
}

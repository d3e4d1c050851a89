package khabar

import (
	"reflect"
	"testing"
)

func TestIndexSentences(t *testing.T) {
	tok := func(s, e int) Token { return Token{Start: s, End: e} }
	tests := []struct {
		name string
		doc  Document
		want TokenSentences
	}{
		{"empty", Document{}, TokenSentences{SentOf: []int{}, Lo: []int{0}, Hi: []int{0}}},
		{"no sentences", Document{Tokens: []Token{tok(0, 1), tok(2, 3)}},
			TokenSentences{SentOf: []int{0, 0}, Lo: []int{0}, Hi: []int{2}}},
		{"two sentences", Document{
			Sentences: []Span{{Start: 0, End: 4}, {Start: 5, End: 9}},
			Tokens:    []Token{tok(0, 2), tok(2, 4), tok(5, 9)}},
			TokenSentences{SentOf: []int{0, 0, 1}, Lo: []int{0, 2}, Hi: []int{2, 3}}},
		{"a sentence without tokens", Document{
			Sentences: []Span{{Start: 0, End: 2}, {Start: 3, End: 4}, {Start: 5, End: 7}},
			Tokens:    []Token{tok(0, 2), tok(5, 7)}},
			TokenSentences{SentOf: []int{0, 2}, Lo: []int{0, 2, 1}, Hi: []int{1, 0, 2}}},
	}
	for _, tt := range tests {
		if got := IndexSentences(&tt.doc); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestHasPOS(t *testing.T) {
	tok := Token{Text: "وقال", Segments: []Segment{{Form: "و", POS: "CCONJ"}, {Form: "قال", POS: "VERB"}}}
	for _, tc := range []struct {
		tok  Token
		pos  string
		want bool
	}{
		{tok, "VERB", true},
		{tok, "CCONJ", true},
		{tok, "NOUN", false},
		{Token{Text: "قال"}, "VERB", false}, // no morphology layer
	} {
		if got := tc.tok.HasPOS(tc.pos); got != tc.want {
			t.Errorf("%q HasPOS(%s) = %v", tc.tok.Text, tc.pos, got)
		}
	}
}

package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"khabar"
)

// fullDocument has every field of the contract set, with strings that need
// escaping, so the comparison with encoding/json covers every branch.
func fullDocument() *khabar.Document {
	return &khabar.Document{
		Version: "1", ID: "doc-\"1\"", Source: &khabar.Source{Path: "a/b.txt", URL: "http://x/?a=1&b=<2>", Name: "bbc"},
		Text: "قال \"كيري\"\tهنا\n\u2028\x01 \\ end", Lang: "ar", DCT: "2015-12-11", DCTSource: "dateline", Title: "عنوان", Category: "politics",
		Sentences: []khabar.Span{{Start: 0, End: 3, Text: "قال"}},
		Tokens: []khabar.Token{
			{Start: 0, End: 3, Text: "قال", Norm: "قال", Kind: "word", Segments: []khabar.Segment{{Form: "قال", Lemma: "قَال", POS: "VERB", Feats: "Aspect=Perf"}}},
			{Start: 4, End: 5, Text: "\"", Norm: "\"", Kind: "punct", Segments: []khabar.Segment{{Form: "\"", POS: "PUNCT"}}},
			{Start: 5, End: 9, Text: "وكيري", Norm: "وكيري", Kind: "word", Segments: []khabar.Segment{{Form: "و", POS: "CCONJ"}, {Form: "كيري"}}},
		},
		Entities: []khabar.Entity{{ID: "e1", Start: 5, End: 9, Text: "كيري", Type: "PER", Canonical: "جون كيري", Latin: "John Kerry"}, {ID: "e2", Start: 1, End: 2, Text: "x", Type: "LOC", Canonical: "x"}},
		Timexes:  []khabar.Timex{{ID: "t1", Start: 1, End: 2, Text: "الثلثاء", Type: "DATE", Value: "2015-12-15", Anchor: "dct"}, {ID: "t2", Type: "SET", Value: "P1D"}},
		Quotes: []khabar.Quote{
			{ID: "q1", Start: 1, End: 2, Text: "x", Direct: true, Speaker: &khabar.Speaker{Start: 3, End: 4, Text: "كيري", Entity: "e1"}, Cue: &khabar.Span{Start: 0, End: 3, Text: "قال"}},
			{ID: "q2", Start: 1, End: 2, Text: "y"},
		},
		Events: []khabar.Event{
			{ID: "v1", Type: "MEET", Trigger: khabar.Span{Start: 0, End: 3, Text: "يبحث"}, Participants: []khabar.Participant{{Role: "agent", Entity: "e1", Start: 5, End: 9, Text: "كيري"}, {Role: "partner", Entity: "e2"}, {Role: "target", Start: 1, End: 2, Text: "الجيش"}}, Place: "e2", Time: "t1", Modality: "future", Polarity: "positive"},
			{ID: "v2", Type: "VISIT", Participants: []khabar.Participant{}, Modality: "asserted", Polarity: "positive"},
		},
		Summary: []khabar.Span{{Start: 0, End: 3, Text: "قال"}},
	}
}

func stdJSON(t *testing.T, doc *khabar.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

func TestAppendJSONMatchesEncodingJSON(t *testing.T) {
	tests := []struct {
		name string
		doc  *khabar.Document
	}{
		{"full", fullDocument()},
		{"minimal", &khabar.Document{Version: "1", ID: "x", Lang: "und", Sentences: []khabar.Span{}, Tokens: []khabar.Token{}, Entities: []khabar.Entity{}, Timexes: []khabar.Timex{}, Quotes: []khabar.Quote{}, Events: []khabar.Event{}}},
		{"speaker without entity", &khabar.Document{Version: "1", Sentences: []khabar.Span{}, Tokens: []khabar.Token{}, Entities: []khabar.Entity{}, Timexes: []khabar.Timex{}, Events: []khabar.Event{},
			Quotes: []khabar.Quote{{ID: "q1", Speaker: &khabar.Speaker{Start: 1, End: 2, Text: "المتحدث"}}}}},
		{"invalid utf-8 and controls", &khabar.Document{Version: "1", Text: "a\xffb\u2029\x7f\x1f", Sentences: []khabar.Span{}, Tokens: []khabar.Token{}, Entities: []khabar.Entity{}, Timexes: []khabar.Timex{}, Quotes: []khabar.Quote{}, Events: []khabar.Event{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := AppendJSON(nil, tt.doc)
			want := stdJSON(t, tt.doc)
			if !bytes.Equal(got, want) {
				t.Errorf("AppendJSON differs from encoding/json:\n got %s\nwant %s", got, want)
			}
		})
	}
}

func TestAppendJSONNilArraysAreEmpty(t *testing.T) {
	got := AppendJSON(nil, &khabar.Document{Version: "1", Tokens: []khabar.Token{{Text: "x"}}})
	var m map[string]any
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, got)
	}
	for _, k := range []string{"sentences", "tokens", "entities", "timexes", "quotes", "events"} {
		if _, ok := m[k].([]any); !ok {
			t.Errorf("%s = %v, want an array", k, m[k])
		}
	}
	if segs, ok := m["tokens"].([]any)[0].(map[string]any)["segments"].([]any); !ok || segs == nil {
		t.Errorf("token segments not an array: %s", got)
	}
}

package khabar

// TokenSentences relates a document's tokens to its sentences: SentOf[i] is
// the sentence of token i, and sentence s holds tokens Lo[s] up to Hi[s]
// (Lo[s] == len(Tokens) and Hi[s] == 0 for a sentence without tokens). A
// document without sentences counts as one sentence over the whole text.
type TokenSentences struct {
	SentOf, Lo, Hi []int
}

// IndexSentences builds the TokenSentences of doc.
func IndexSentences(doc *Document) TokenSentences {
	n := len(doc.Tokens)
	nsent := len(doc.Sentences)
	if nsent == 0 {
		nsent = 1
	}
	ts := TokenSentences{SentOf: make([]int, n), Lo: make([]int, nsent), Hi: make([]int, nsent)}
	s := 0
	for i, t := range doc.Tokens {
		for s+1 < len(doc.Sentences) && t.Start >= doc.Sentences[s].End {
			s++
		}
		ts.SentOf[i] = s
	}
	for i := range ts.Lo {
		ts.Lo[i] = n
	}
	for i := n - 1; i >= 0; i-- {
		ts.Lo[ts.SentOf[i]] = i
	}
	for i := range n {
		ts.Hi[ts.SentOf[i]] = i + 1
	}
	return ts
}

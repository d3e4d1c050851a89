package index

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed search query: a tree of words, phrases and boolean
// operators.
type Query struct {
	Op Op
	// For OpWord: Keys are the match terms of the word (synonyms of one
	// another) and Surface its exact form; for OpPhrase: Surfaces are the
	// exact forms of the phrase's words in order.
	Keys     []string
	Surface  string
	Surfaces []string
	Text     string // the word or phrase as typed
	Subs     []*Query
	// Not holds clauses that exclude documents (-word); they apply to the
	// group they appear in.
	Not []*Query
}

// Op is the kind of a query node.
type Op uint8

const (
	OpWord Op = iota
	OpPhrase
	OpAnd
	OpOr
)

// ErrQuery is wrapped by errors about the query syntax.
var ErrQuery = errors.New("bad query")

// Parse parses a query: words, "quoted phrases", AND, OR, a leading - to
// exclude and + to require, and parentheses. Words side by side are joined
// by OR and ranked by BM25, so documents with more of the words come first.
// AND binds tighter than OR. Words are analysed with an, so that a word
// typed in any inflection or spelling finds its other forms.
func Parse(q string, an Analyzer) (*Query, error) {
	toks, err := lexQuery(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, an: an}
	root, err := p.or()
	if err != nil {
		return nil, err
	}
	if p.i < len(p.toks) {
		return nil, fmt.Errorf("%w: unexpected %q", ErrQuery, p.toks[p.i].text)
	}
	if root == nil {
		return nil, fmt.Errorf("%w: no search words", ErrQuery)
	}
	return root, nil
}

type qtok struct {
	kind byte // 'w' word, 'p' phrase, '(' ')' '-' '+', 'A' AND, 'O' OR
	text string
}

func lexQuery(q string) ([]qtok, error) {
	var toks []qtok
	for i := 0; i < len(q); {
		r, size := utf8.DecodeRuneInString(q[i:])
		switch {
		case unicode.IsSpace(r):
			i += size
		case r == '"' || r == '«' || r == '“' || r == '»' || r == '”':
			j := i + size
			for j < len(q) {
				r2, s2 := utf8.DecodeRuneInString(q[j:])
				if r2 == '"' || r2 == '»' || r2 == '”' || r2 == '«' || r2 == '“' {
					break
				}
				j += s2
			}
			if j >= len(q) {
				return nil, fmt.Errorf("%w: unclosed quote", ErrQuery)
			}
			toks = append(toks, qtok{'p', q[i+size : j]})
			_, s2 := utf8.DecodeRuneInString(q[j:])
			i = j + s2
		case r == '(' || r == ')':
			toks = append(toks, qtok{byte(r), string(r)})
			i += size
		case (r == '-' || r == '+') && (i == 0 || isSpaceBefore(q, i)):
			toks = append(toks, qtok{byte(r), string(r)})
			i += size
		default:
			j := i
			for j < len(q) {
				r2, s2 := utf8.DecodeRuneInString(q[j:])
				if unicode.IsSpace(r2) || r2 == '"' || r2 == '(' || r2 == ')' || r2 == '«' || r2 == '»' || r2 == '“' || r2 == '”' {
					break
				}
				j += s2
			}
			w := q[i:j]
			switch w {
			case "AND", "&&":
				toks = append(toks, qtok{'A', w})
			case "OR", "||":
				toks = append(toks, qtok{'O', w})
			default:
				toks = append(toks, qtok{'w', w})
			}
			i = j
		}
	}
	return toks, nil
}

func isSpaceBefore(q string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(q[:i])
	return unicode.IsSpace(r) || r == '('
}

type parser struct {
	toks []qtok
	i    int
	an   Analyzer
}

func (p *parser) peek() byte {
	if p.i < len(p.toks) {
		return p.toks[p.i].kind
	}
	return 0
}

// or := and ((OR)? and)*, with -clauses collected as exclusions.
func (p *parser) or() (*Query, error) {
	g := &Query{Op: OpOr}
	var required []*Query
	for {
		k := p.peek()
		if k == 0 || k == ')' {
			break
		}
		if k == 'O' {
			p.i++
			continue
		}
		neg, req := false, false
		if k == '-' {
			neg = true
			p.i++
		} else if k == '+' {
			req = true
			p.i++
		}
		c, err := p.and()
		if err != nil {
			return nil, err
		}
		if c == nil {
			continue
		}
		switch {
		case neg:
			g.Not = append(g.Not, c)
		case req:
			required = append(required, c)
		default:
			g.Subs = append(g.Subs, c)
		}
	}
	if len(required) > 0 {
		// +a b c: a must match, b and c only add to the score.
		and := &Query{Op: OpAnd, Subs: required, Not: g.Not}
		if len(g.Subs) > 0 {
			and.Subs = append(and.Subs, &Query{Op: OpOr, Subs: append(g.Subs, optionalMarker)})
		}
		return and, nil
	}
	if len(g.Subs) == 0 {
		if len(g.Not) > 0 {
			return nil, fmt.Errorf("%w: only excluded words; add a word to search for", ErrQuery)
		}
		return nil, nil
	}
	if len(g.Subs) == 1 && len(g.Not) == 0 {
		return g.Subs[0], nil
	}
	return g, nil
}

// optionalMarker in an OR group makes the group match every document: it
// scores the documents it matches and filters none.
var optionalMarker = &Query{Op: OpAnd}

// and := primary (AND [-]primary)*
func (p *parser) and() (*Query, error) {
	first, err := p.primary()
	if err != nil {
		return nil, err
	}
	if p.peek() != 'A' {
		return first, nil
	}
	g := &Query{Op: OpAnd}
	if first != nil {
		g.Subs = append(g.Subs, first)
	}
	for p.peek() == 'A' {
		p.i++
		neg := false
		if p.peek() == '-' {
			neg = true
			p.i++
		}
		c, err := p.primary()
		if err != nil {
			return nil, err
		}
		if c == nil {
			continue
		}
		if neg {
			g.Not = append(g.Not, c)
		} else {
			g.Subs = append(g.Subs, c)
		}
	}
	if len(g.Subs) == 0 {
		return nil, nil
	}
	return g, nil
}

func (p *parser) primary() (*Query, error) {
	if p.i >= len(p.toks) {
		return nil, fmt.Errorf("%w: operator at the end", ErrQuery)
	}
	t := p.toks[p.i]
	p.i++
	switch t.kind {
	case '(':
		q, err := p.or()
		if err != nil {
			return nil, err
		}
		if p.peek() != ')' {
			return nil, fmt.Errorf("%w: missing )", ErrQuery)
		}
		p.i++
		return q, nil
	case 'p':
		return phraseQuery(t.text, p.an), nil
	case 'w':
		return wordsQuery(t.text, p.an), nil
	case 'A', 'O':
		return nil, fmt.Errorf("%w: %s without a word before it", ErrQuery, t.text)
	}
	return nil, fmt.Errorf("%w: unexpected %q", ErrQuery, t.text)
}

// wordsQuery turns a bare token into word queries; a token that holds
// several words (الشرق-الأوسط) becomes their phrase.
func wordsQuery(tok string, an Analyzer) *Query {
	ws := Words(tok, nil)
	switch len(ws) {
	case 0:
		return nil
	case 1:
		return wordQuery(tok[ws[0].ByteStart:ws[0].ByteEnd], an)
	}
	return phraseQuery(tok, an)
}

func wordQuery(w string, an Analyzer) *Query {
	q := &Query{Op: OpWord, Text: w, Surface: string(FieldSurface) + SurfaceTerm(w)}
	// Keys of several spans (a clitic split off the stem) keep the widest:
	// the stem's; keys of one span are alternatives.
	keys := an.Keys(w)
	widest := 0
	for _, k := range keys {
		widest = max(widest, k.End-k.Start)
	}
	for _, k := range keys {
		if k.Term == "" || k.End-k.Start < widest {
			continue
		}
		t := string(FieldKey) + k.Term
		if !contains(q.Keys, t) {
			q.Keys = append(q.Keys, t)
		}
	}
	if q.Surface == string(FieldSurface) && len(q.Keys) == 0 {
		return nil
	}
	return q
}

func phraseQuery(text string, an Analyzer) *Query {
	ws := Words(text, nil)
	if len(ws) == 0 {
		return nil
	}
	if len(ws) == 1 {
		// A quoted single word asks for that exact form.
		w := text[ws[0].ByteStart:ws[0].ByteEnd]
		return &Query{Op: OpPhrase, Text: w, Surfaces: []string{string(FieldSurface) + SurfaceTerm(w)}}
	}
	q := &Query{Op: OpPhrase, Text: strings.TrimSpace(text)}
	for _, w := range ws {
		q.Surfaces = append(q.Surfaces, string(FieldSurface)+SurfaceTerm(text[w.ByteStart:w.ByteEnd]))
	}
	return q
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// String renders the query tree, for tests and debugging.
func (q *Query) String() string {
	if q == nil {
		return "<nil>"
	}
	var b strings.Builder
	q.write(&b)
	return b.String()
}

func (q *Query) write(b *strings.Builder) {
	switch q.Op {
	case OpWord:
		fmt.Fprintf(b, "%s%v", q.Surface[1:], trimField(q.Keys))
	case OpPhrase:
		fmt.Fprintf(b, "%q", strings.Join(trimField(q.Surfaces), " "))
	default:
		if q == optionalMarker {
			b.WriteString("*")
			return
		}
		op := " OR "
		if q.Op == OpAnd {
			op = " AND "
		}
		b.WriteString("(")
		for i, s := range q.Subs {
			if i > 0 {
				b.WriteString(op)
			}
			s.write(b)
		}
		for _, s := range q.Not {
			b.WriteString(" -")
			s.write(b)
		}
		b.WriteString(")")
	}
}

func trimField(ts []string) []string {
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t[1:]
	}
	return out
}

// Package htmltext extracts the article from a news web page: its title,
// date and main text, without the navigation, adverts, comments and other
// boilerplate around it.
//
// The main text is found the way readability tools find it: the page is
// split into text blocks (paragraphs, headings, list items, quotations);
// every block votes for its parent element with its length, link-poor
// blocks more than link-heavy ones; the element with the most votes is the
// article body, and its blocks, in order, are the text. Pages without such
// an element (no block of prose) give ErrNoText.
//
// The package does no I/O beyond reading the reader it is given.
package htmltext

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page is what was extracted from a page.
type Page struct {
	Title string
	// Date is the publication time as the page gives it (meta
	// article:published_time, <time datetime>), not validated.
	Date string
	Text string
	// URL is the canonical URL when the page names one.
	URL string
}

// ErrNoText means the page has no block of prose to call its article.
var ErrNoText = errors.New("no article text found")

// MaxBytes bounds the page read.
const MaxBytes = 32 << 20

// Extract reads an HTML page.
func Extract(r io.Reader) (*Page, error) {
	root, err := html.Parse(io.LimitReader(r, MaxBytes))
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	p := &Page{}
	var blocks []*block
	var h1 string
	var walk func(n *html.Node, skip bool)
	walk = func(n *html.Node, skip bool) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Svg, atom.Form, atom.Button, atom.Select:
				return
			case atom.Nav, atom.Header, atom.Footer, atom.Aside:
				skip = true
			case atom.Title:
				if p.Title == "" {
					p.Title = clean(textOf(n))
				}
				return
			case atom.Meta:
				prop := attr(n, "property") + attr(n, "name") + attr(n, "itemprop")
				content := attr(n, "content")
				switch prop {
				case "og:title":
					if content != "" {
						p.Title = clean(content)
					}
				case "article:published_time", "datePublished", "pubdate", "date", "DC.date.issued":
					if p.Date == "" {
						p.Date = strings.TrimSpace(content)
					}
				case "og:url":
					if p.URL == "" {
						p.URL = strings.TrimSpace(content)
					}
				}
				return
			case atom.Link:
				if attr(n, "rel") == "canonical" && p.URL == "" {
					p.URL = strings.TrimSpace(attr(n, "href"))
				}
				return
			case atom.Time:
				if p.Date == "" {
					p.Date = strings.TrimSpace(attr(n, "datetime"))
				}
			case atom.H1:
				if h1 == "" {
					h1 = clean(textOf(n))
				}
			}
			if isBlock(n.DataAtom) && !skip && !hasBlockChild(n) {
				t := clean(textOf(n))
				if t != "" {
					blocks = append(blocks, &block{node: n, text: t, linkText: linkLen(n), heading: isHeading(n.DataAtom)})
				}
				return
			}
			if hint := attr(n, "class") + " " + attr(n, "id"); isBoilerplate(hint) {
				skip = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, skip)
		}
	}
	walk(root, false)
	if h1 != "" {
		p.Title = h1
	}
	// Vote for parents.
	votes := map[*html.Node]float64{}
	for _, b := range blocks {
		if b.heading || b.node.Parent == nil {
			continue
		}
		n := utf8.RuneCountInString(b.text)
		if n < 25 {
			continue
		}
		density := float64(n-min(b.linkText, n)) / float64(n)
		w := float64(n) * density * density
		votes[b.node.Parent] += w
		if gp := b.node.Parent.Parent; gp != nil {
			votes[gp] += w / 2
		}
	}
	var best *html.Node
	bestV := 0.0
	for n, v := range votes {
		if v > bestV {
			best, bestV = n, v
		}
	}
	if best == nil || bestV < 80 {
		return p, ErrNoText
	}
	var sb strings.Builder
	for _, b := range blocks {
		if !isInside(b.node, best) {
			continue
		}
		n := utf8.RuneCountInString(b.text)
		if !b.heading && n > 0 && b.linkText*2 > n {
			continue // a list of links inside the body
		}
		if sb.Len() > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(b.text)
	}
	p.Text = sb.String()
	if p.Text == "" {
		return p, ErrNoText
	}
	return p, nil
}

type block struct {
	node     *html.Node
	text     string
	linkText int
	heading  bool
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.H1, atom.H2, atom.H3, atom.H4, atom.Li, atom.Blockquote, atom.Pre, atom.Td, atom.Dd, atom.Figcaption, atom.Div, atom.Section, atom.Article:
		return true
	}
	return false
}

func isHeading(a atom.Atom) bool {
	return a == atom.H1 || a == atom.H2 || a == atom.H3 || a == atom.H4
}

// hasBlockChild: a div of paragraphs is not itself a block of text.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (isBlock(c.DataAtom) || c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Table || hasBlockChild(c)) {
			return true
		}
	}
	return false
}

func isBoilerplate(hint string) bool {
	hint = strings.ToLower(hint)
	for _, w := range []string{"comment", "sidebar", "footer", "menu", "share", "social", "related", "advert", "promo", "cookie", "newsletter", "breadcrumb"} {
		if strings.Contains(hint, w) {
			return true
		}
	}
	return false
}

func isInside(n, ancestor *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == ancestor {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Noscript:
				return
			case atom.Br:
				sb.WriteByte(' ')
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

func linkLen(n *html.Node) int {
	total := 0
	var walk func(*html.Node, bool)
	walk = func(n *html.Node, in bool) {
		if n.Type == html.ElementNode && n.DataAtom == atom.A {
			in = true
		}
		if n.Type == html.TextNode && in {
			total += utf8.RuneCountInString(strings.TrimSpace(n.Data))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(n, false)
	return total
}

// clean collapses white space.
func clean(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = sb.Len() > 0
			continue
		}
		if space {
			sb.WriteByte(' ')
			space = false
		}
		sb.WriteRune(r)
	}
	return sb.String()
}

// FromFragment turns an HTML fragment (a feed item's description) into
// plain text, one line a block.
func FromFragment(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.TrimSpace(s)
	}
	var lines []string
	var cur strings.Builder
	flush := func() {
		if t := clean(cur.String()); t != "" {
			lines = append(lines, t)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style:
				return
			case atom.Br:
				flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && isBlock(n.DataAtom) {
			flush()
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	flush()
	return strings.Join(lines, "\n")
}

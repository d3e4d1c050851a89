// Package feed reads news feeds, RSS 2.0, RSS 1.0 (RDF) and Atom, into
// articles. It is lenient the way feed readers must be: unknown elements
// are ignored, HTML in descriptions is turned into text, and an item
// without text is reported and skipped, not fatal.
package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"khabar/ingest/htmltext"
)

// Item is one article of a feed.
type Item struct {
	ID, Title, Text, Date, URL string
	// Line is the line of the item in the feed, for error messages.
	Line int
}

// Feed is a parsed feed.
type Feed struct {
	Title string
	Items []Item
}

// ErrNotFeed means the document is XML but no RSS or Atom feed.
var ErrNotFeed = errors.New("not an RSS or Atom feed")

// MaxBytes bounds the feed read.
const MaxBytes = 64 << 20

// IsFeed reports whether data looks like a feed: its first element is
// rss, feed or RDF.
func IsFeed(data []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	for range 64 {
		tok, err := d.Token()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			switch strings.ToLower(se.Name.Local) {
			case "rss", "feed", "rdf":
				return true
			}
			return false
		}
	}
	return false
}

// Parse reads a feed. Items are returned in feed order; skip gets each
// item that has no text, with the reason.
func Parse(r io.Reader, skip func(line int, err error)) (*Feed, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxBytes))
	if err != nil {
		return nil, err
	}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = false
	d.Entity = xml.HTMLEntity
	d.CharsetReader = func(charset string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(charset) {
		case "utf-8", "utf8", "us-ascii", "":
			return in, nil
		}
		return nil, fmt.Errorf("encoding %q is not supported; convert the feed to UTF-8", charset)
	}
	f := &Feed{}
	root := ""
	var cur *Item
	var field string // element whose text is being read
	var text strings.Builder
	depth := 0
	itemDepth := -1
	lineOf := func(off int64) int { return 1 + bytes.Count(data[:min(int(off), len(data))], []byte{'\n'}) }
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return f, fmt.Errorf("line %d: %w", lineOf(d.InputOffset()), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			name := strings.ToLower(t.Name.Local)
			if root == "" {
				root = name
				if root != "rss" && root != "feed" && root != "rdf" {
					return nil, ErrNotFeed
				}
				continue
			}
			if cur == nil && (name == "item" || name == "entry") {
				cur = &Item{Line: lineOf(off)}
				itemDepth = depth
				continue
			}
			if cur != nil && name == "link" {
				// Atom: <link rel="alternate" href="..."/>
				href, rel := "", ""
				for _, a := range t.Attr {
					switch a.Name.Local {
					case "href":
						href = a.Value
					case "rel":
						rel = a.Value
					}
				}
				if href != "" && (rel == "" || rel == "alternate") && cur.URL == "" {
					cur.URL = strings.TrimSpace(href)
				}
			}
			if !textFields[field] {
				field = name
				text.Reset()
			}
		case xml.CharData:
			if field != "" {
				text.Write(t)
			}
		case xml.EndElement:
			name := strings.ToLower(t.Name.Local)
			if cur != nil && depth == itemDepth && (name == "item" || name == "entry") {
				if strings.TrimSpace(cur.Text) == "" {
					if skip != nil {
						skip(cur.Line, errors.New("feed item without text, skipped"))
					}
				} else {
					if cur.ID == "" {
						cur.ID = cur.URL
					}
					f.Items = append(f.Items, *cur)
				}
				cur = nil
				itemDepth = -1
			} else if field == name {
				v := strings.TrimSpace(text.String())
				if cur == nil {
					if name == "title" && f.Title == "" {
						f.Title = v
					}
				} else {
					setField(cur, name, v)
				}
				field = ""
			}
			depth--
		}
	}
	if root == "" {
		return nil, ErrNotFeed
	}
	return f, nil
}

// textFields may hold markup that a lenient parse sees as elements.
var textFields = map[string]bool{"description": true, "summary": true, "content": true, "encoded": true, "title": true}

func setField(it *Item, name, v string) {
	if v == "" {
		return
	}
	switch name {
	case "title":
		it.Title = htmltext.FromFragment(v)
	case "guid", "id":
		it.ID = v
	case "link":
		if it.URL == "" {
			it.URL = v
		}
	case "pubdate", "published", "updated", "date":
		if it.Date == "" || name == "published" {
			it.Date = v
		}
	case "description", "summary":
		if it.Text == "" {
			it.Text = htmltext.FromFragment(v)
		}
	case "encoded", "content":
		// content:encoded and Atom content hold the full text: prefer them.
		if t := htmltext.FromFragment(v); len(t) > len(it.Text) {
			it.Text = t
		}
	}
}

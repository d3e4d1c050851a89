package server

import (
	"fmt"
	"html/template"
	"sort"
	"strings"

	"khabar"
)

// mark is one annotated stretch of a text, in code points, with the HTML
// around it. open and close are built by the callers from escaped values
// only.
type mark struct {
	start, end  int
	rank        int // among marks with the same span, lower is outer
	open, close string
}

// markText renders text with marks as HTML: every piece of text is
// escaped, marks nest (a mark that crosses the end of an enclosing one is
// cut there) and marks out of range are dropped. Offsets are code points.
func markText(text string, marks []mark) template.HTML {
	runes := []rune(text)
	n := len(runes)
	ms := make([]mark, 0, len(marks))
	for _, m := range marks {
		m.start, m.end = max(0, m.start), min(n, m.end)
		if m.start < m.end {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.start != b.start {
			return a.start < b.start
		}
		if a.end != b.end {
			return a.end > b.end
		}
		return a.rank < b.rank
	})
	var b strings.Builder
	b.Grow(len(text) * 5 / 4)
	type open struct {
		end   int
		close string
	}
	var stack []open
	pos := 0
	emit := func(to int) {
		if to > pos {
			template.HTMLEscape(&b, []byte(string(runes[pos:to])))
			pos = to
		}
	}
	for _, m := range ms {
		for len(stack) > 0 && stack[len(stack)-1].end <= m.start {
			top := stack[len(stack)-1]
			emit(top.end)
			b.WriteString(top.close)
			stack = stack[:len(stack)-1]
		}
		if m.start < pos {
			continue
		}
		end := m.end
		if len(stack) > 0 && end > stack[len(stack)-1].end {
			end = stack[len(stack)-1].end
		}
		if end <= m.start {
			continue
		}
		emit(m.start)
		b.WriteString(m.open)
		stack = append(stack, open{end, m.close})
	}
	for len(stack) > 0 {
		top := stack[len(stack)-1]
		emit(top.end)
		b.WriteString(top.close)
		stack = stack[:len(stack)-1]
	}
	emit(n)
	return template.HTML(b.String())
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// typeNames are the Arabic names of the entity types.
var typeNames = map[string]string{"PER": "شخص", "LOC": "مكان", "ORG": "منظمة", "MISC": "أخرى"}

// timexTypeNames are the Arabic names of the TIMEX3 types.
var timexTypeNames = map[string]string{"DATE": "تاريخ", "TIME": "وقت", "DURATION": "مدة", "SET": "تكرار"}

// docMarks are the marks of an analysed document: quotations (outermost),
// entities linked to their pages, and dates with their normalised value.
func docMarks(doc *khabar.Document) []mark {
	var ms []mark
	for _, q := range doc.Quotes {
		who := "قائل غير معروف"
		if q.Speaker != nil {
			who = q.Speaker.Text
		}
		kind := "indirect"
		if q.Direct {
			kind = "direct"
		}
		ms = append(ms, mark{start: q.Start, end: q.End, rank: 0,
			open:  fmt.Sprintf(`<span class="quote %s" data-quote="%s" title="%s">`, kind, esc(q.ID), esc("المتحدث: "+who)),
			close: `</span>`})
	}
	for _, e := range doc.Entities {
		id := e.Type + ":" + matchNorm(e.Canonical)
		title := typeNames[e.Type] + " · " + e.Canonical
		if e.Latin != "" {
			title += " · " + e.Latin
		}
		ms = append(ms, mark{start: e.Start, end: e.End, rank: 1,
			open: fmt.Sprintf(`<a class="ent ent-%s" data-type="%s" data-entity="%s" href="%s" title="%s">`,
				esc(e.Type), esc(e.Type), esc(e.ID), esc(entityPath(id)), esc(title)),
			close: `</a>`})
	}
	for _, t := range doc.Timexes {
		ms = append(ms, mark{start: t.Start, end: t.End, rank: 2,
			open: fmt.Sprintf(`<time class="timex" data-type="%s" datetime="%s" data-value="%s" title="%s">`,
				esc(t.Type), esc(t.Value), esc(t.Value), esc(timexTypeNames[t.Type]+": "+t.Value)),
			close: `</time>`})
	}
	return ms
}

// snippetHTML marks the highlights of a search snippet.
func snippetHTML(h searchHit) template.HTML {
	ms := make([]mark, len(h.Highlights))
	for i, s := range h.Highlights {
		ms[i] = mark{start: s.Start, end: s.End, open: "<mark>", close: "</mark>"}
	}
	return markText(h.Snippet, ms)
}

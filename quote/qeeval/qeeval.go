// Package qeeval scores quotations and events against the hand-annotated
// gold set (testdata/quotes-events-gold.jsonl, see QUOTES-EVENTS-GOLD.md).
//
// Quotes are matched one to one by span overlap (the largest overlaps
// first); detection precision, recall and F1 count matched quotes. A
// matched quote's speaker is right when the system's speaker mention, the
// canonical name of its entity or any other mention of that entity equals
// or contains the gold speaker text (or is contained in it) after match
// normalisation, or when the two speaker spans overlap.
//
// Events are matched one to one by type and overlapping triggers. Besides
// that detection F1, an event counts as fully right when its participants
// are the gold ones (names matched as speakers are, against the names of
// the participant's entity or the participant's own mention text, roles
// ignored);
// participant precision and recall, and place, time and modality accuracy
// are reported over the matched events.
//
// The package does no I/O beyond the readers and writers it is given.
package qeeval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"khabar"
	"khabar/arabic/normalize"
)

// Span is a stretch of an article.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// GoldQuote is one annotated quotation.
type GoldQuote struct {
	Span
	Direct  bool  `json:"direct"`
	Speaker *Span `json:"speaker,omitempty"`
	Cue     *Span `json:"cue,omitempty"`
}

// GoldParticipant is a participant by its text.
type GoldParticipant struct {
	Role string `json:"role"`
	Text string `json:"text"`
}

// GoldEvent is one annotated event.
type GoldEvent struct {
	Type         string            `json:"type"`
	Trigger      Span              `json:"trigger"`
	Participants []GoldParticipant `json:"participants"`
	Place        string            `json:"place,omitempty"`
	Time         string            `json:"time,omitempty"`
	Modality     string            `json:"modality"`
}

// Article is one gold article.
type Article struct {
	Docno  string      `json:"docno"`
	Src    string      `json:"src"`
	Cat    string      `json:"cat"`
	Date   string      `json:"date"`
	Text   string      `json:"text"`
	Quotes []GoldQuote `json:"quotes"`
	Events []GoldEvent `json:"events"`
}

// ReadGold reads the gold JSON Lines.
func ReadGold(r io.Reader) ([]Article, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var out []Article
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var a Article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return nil, fmt.Errorf("gold line %d: %w", line, err)
		}
		out = append(out, a)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}
	return out, nil
}

// PRF is a precision / recall / F1 count.
type PRF struct{ TP, Sys, Gold int }

func (p PRF) P() float64 { return ratio(p.TP, p.Sys) }
func (p PRF) R() float64 { return ratio(p.TP, p.Gold) }
func (p PRF) F1() float64 {
	pp, rr := p.P(), p.R()
	if pp+rr == 0 {
		return 0
	}
	return 2 * pp * rr / (pp + rr)
}

func (p PRF) String() string {
	return fmt.Sprintf("P %.3f  R %.3f  F1 %.3f  (tp %d, system %d, gold %d)", p.P(), p.R(), p.F1(), p.TP, p.Sys, p.Gold)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Acc is an accuracy count.
type Acc struct{ Right, Total int }

func (a Acc) String() string {
	return fmt.Sprintf("%.3f  (%d/%d)", ratio(a.Right, a.Total), a.Right, a.Total)
}

// Value is the accuracy as a fraction.
func (a Acc) Value() float64 { return ratio(a.Right, a.Total) }

// QuoteReport is the outcome of ScoreQuotes.
type QuoteReport struct {
	Detection PRF
	// Speaker is over matched quotes; SpeakerAll over all gold quotes.
	Speaker, SpeakerAll Acc
	Direct              Acc
	ExactSpan           Acc
	BySource            map[string]*PRF
	Errors              []string
}

// EventReport is the outcome of ScoreEvents.
type EventReport struct {
	// Detection matches type and trigger; Full also the participants.
	Detection, Full PRF
	Participants    PRF
	Place, Time     Acc
	Modality        Acc
	ByType          map[string]*PRF
	Errors          []string
}

var match = normalize.Match()

// norm folds a name for comparison: match normalisation, hashtag marks and
// underscores dropped, spaces squeezed.
func norm(s string) string {
	s = strings.NewReplacer("#", "", "_", " ").Replace(s)
	return strings.Join(strings.Fields(match.String(s)), " ")
}

// sameName says whether two names match: equal after folding, or one
// contains the other as whole words (`كيري` in `جون كيري`), or contains it
// after a proclitic ل or ال (`لتحالف العربي` in `التحالف العربي`).
func sameName(a, b string) bool {
	a, b = norm(a), norm(b)
	if a == "" || b == "" {
		return false
	}
	if a == b {
		return true
	}
	if len([]rune(a)) < 3 || len([]rune(b)) < 3 {
		return false
	}
	return wordsIn(a, b) || wordsIn(b, a)
}

// wordsIn says whether the words of small occur in big, allowing each word
// of big a proclitic (و, ب, ل, ال) before the match.
func wordsIn(small, big string) bool {
	sw, bw := strings.Fields(small), strings.Fields(big)
	for i := 0; i+len(sw) <= len(bw); i++ {
		ok := true
		for k, w := range sw {
			b := bw[i+k]
			if b != w && !strings.HasSuffix(b, w) && !strings.HasSuffix(w, strings.TrimPrefix(b, "ال")) {
				ok = false
				break
			}
			if b != w && strings.HasSuffix(b, w) {
				pre := strings.TrimSuffix(b, w)
				if pre != "و" && pre != "ب" && pre != "ل" && pre != "ال" && pre != "لل" && pre != "وال" {
					ok = false
					break
				}
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// entityNames gives every name an entity id stands for in doc: its
// canonical form and the text of every mention with that canonical form.
func entityNames(doc *khabar.Document) map[string][]string {
	byCanon := map[string][]string{}
	for _, e := range doc.Entities {
		byCanon[e.Canonical] = append(byCanon[e.Canonical], e.Text)
	}
	out := map[string][]string{}
	for _, e := range doc.Entities {
		out[e.ID] = append([]string{e.Canonical}, byCanon[e.Canonical]...)
	}
	return out
}

func overlap(a0, a1, b0, b1 int) int {
	lo, hi := max(a0, b0), min(a1, b1)
	if hi <= lo {
		return 0
	}
	return hi - lo
}

// pairing matches gold items to system items one to one, largest score first.
func pairing(nGold, nSys int, score func(g, s int) int) map[int]int {
	type cand struct{ g, s, v int }
	var cs []cand
	for g := 0; g < nGold; g++ {
		for s := 0; s < nSys; s++ {
			if v := score(g, s); v > 0 {
				cs = append(cs, cand{g, s, v})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].v > cs[j].v })
	gs, ss := map[int]int{}, map[int]bool{}
	for _, c := range cs {
		if _, ok := gs[c.g]; ok || ss[c.s] {
			continue
		}
		gs[c.g] = c.s
		ss[c.s] = true
	}
	return gs
}

// Analyze is what the scorers run on an article: its text, date and the
// outlet's section (the gold's cat, "" when unknown) in, the analysed
// document out. The section travels as a real input does (khabar analyze
// reads ANT's cat into document.category), so rules that read it are
// scored as they run.
type Analyze func(text, date, category string) *khabar.Document

// ScoreQuotes runs analyze on every article and scores its quotes.
func ScoreQuotes(arts []Article, analyze Analyze) QuoteReport {
	r := QuoteReport{BySource: map[string]*PRF{}}
	for _, a := range arts {
		doc := analyze(a.Text, a.Date, a.Cat)
		names := entityNames(doc)
		src := r.BySource[a.Src]
		if src == nil {
			src = &PRF{}
			r.BySource[a.Src] = src
		}
		sys := doc.Quotes
		pairs := pairing(len(a.Quotes), len(sys), func(g, s int) int {
			return overlap(a.Quotes[g].Start, a.Quotes[g].End, sys[s].Start, sys[s].End)
		})
		r.Detection.Gold += len(a.Quotes)
		r.Detection.Sys += len(sys)
		src.Gold += len(a.Quotes)
		src.Sys += len(sys)
		matchedSys := map[int]bool{}
		for g, gq := range a.Quotes {
			s, ok := pairs[g]
			if !ok {
				r.SpeakerAll.Total++
				r.Errors = append(r.Errors, fmt.Sprintf("%s MISSED %q (speaker %s)", a.Docno, clip(gq.Text), spk(gq.Speaker)))
				continue
			}
			matchedSys[s] = true
			sq := sys[s]
			r.Detection.TP++
			src.TP++
			r.Direct.Total++
			if sq.Direct == gq.Direct {
				r.Direct.Right++
			}
			r.ExactSpan.Total++
			if sq.Start == gq.Start && sq.End == gq.End {
				r.ExactSpan.Right++
			}
			if gq.Speaker == nil {
				continue
			}
			r.Speaker.Total++
			r.SpeakerAll.Total++
			if speakerRight(gq.Speaker, sq.Speaker, names) {
				r.Speaker.Right++
				r.SpeakerAll.Right++
			} else {
				got := "none"
				if sq.Speaker != nil {
					got = fmt.Sprintf("%q", sq.Speaker.Text)
					if sq.Speaker.Entity != "" {
						got += " = " + strings.Join(names[sq.Speaker.Entity][:1], "")
					}
				}
				r.Errors = append(r.Errors, fmt.Sprintf("%s SPEAKER %q: got %s, want %s", a.Docno, clip(gq.Text), got, spk(gq.Speaker)))
			}
		}
		for s, sq := range sys {
			if !matchedSys[s] {
				r.Errors = append(r.Errors, fmt.Sprintf("%s SPURIOUS %q", a.Docno, clip(sq.Text)))
			}
		}
	}
	return r
}

func speakerRight(g *Span, s *khabar.Speaker, names map[string][]string) bool {
	if s == nil {
		return false
	}
	if overlap(g.Start, g.End, s.Start, s.End) > 0 {
		return true
	}
	if sameName(g.Text, s.Text) {
		return true
	}
	for _, n := range names[s.Entity] {
		if sameName(g.Text, n) {
			return true
		}
	}
	return false
}

func spk(s *Span) string {
	if s == nil {
		return "none"
	}
	return fmt.Sprintf("%q", s.Text)
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// ScoreEvents runs analyze on every article and scores its events.
func ScoreEvents(arts []Article, analyze Analyze) EventReport {
	r := EventReport{ByType: map[string]*PRF{}}
	typ := func(t string) *PRF {
		p := r.ByType[t]
		if p == nil {
			p = &PRF{}
			r.ByType[t] = p
		}
		return p
	}
	for _, a := range arts {
		doc := analyze(a.Text, a.Date, a.Cat)
		names := entityNames(doc)
		tmx := map[string]string{}
		for _, t := range doc.Timexes {
			tmx[t.ID] = t.Text
		}
		sys := doc.Events
		pairs := pairing(len(a.Events), len(sys), func(g, s int) int {
			if a.Events[g].Type != sys[s].Type {
				return 0
			}
			gt, st := a.Events[g].Trigger, sys[s].Trigger
			return overlap(gt.Start, gt.End, st.Start, st.End)
		})
		r.Detection.Gold += len(a.Events)
		r.Detection.Sys += len(sys)
		r.Full.Gold += len(a.Events)
		r.Full.Sys += len(sys)
		for _, e := range a.Events {
			typ(e.Type).Gold++
		}
		for _, e := range sys {
			typ(e.Type).Sys++
		}
		matchedSys := map[int]bool{}
		for g, ge := range a.Events {
			s, ok := pairs[g]
			if !ok {
				r.Errors = append(r.Errors, fmt.Sprintf("%s MISSED %s %q %s", a.Docno, ge.Type, ge.Trigger.Text, goldParts(ge)))
				continue
			}
			matchedSys[s] = true
			se := sys[s]
			r.Detection.TP++
			typ(ge.Type).TP++
			// participants, roles ignored
			used := map[int]bool{}
			right := 0
			for _, gp := range ge.Participants {
				for k, sp := range se.Participants {
					if used[k] {
						continue
					}
					if anyName(gp.Text, names[sp.Entity]) || (sp.Text != "" && sameName(gp.Text, sp.Text)) {
						used[k] = true
						right++
						break
					}
				}
			}
			r.Participants.TP += right
			r.Participants.Gold += len(ge.Participants)
			r.Participants.Sys += len(se.Participants)
			full := right == len(ge.Participants) && right == len(se.Participants)
			if full {
				r.Full.TP++
			} else {
				var got []string
				for _, sp := range se.Participants {
					if n := names[sp.Entity]; len(n) > 0 {
						got = append(got, sp.Role+":"+n[0])
					} else {
						got = append(got, sp.Role+":"+sp.Text)
					}
				}
				r.Errors = append(r.Errors, fmt.Sprintf("%s PARTICIPANTS %s %q: got [%s], want %s", a.Docno, ge.Type, ge.Trigger.Text, strings.Join(got, " "), goldParts(ge)))
			}
			if ge.Place != "" || se.Place != "" {
				r.Place.Total++
				if ge.Place != "" && se.Place != "" && anyName(ge.Place, names[se.Place]) {
					r.Place.Right++
				}
			}
			if ge.Time != "" || se.Time != "" {
				r.Time.Total++
				if ge.Time != "" && se.Time != "" && overlapText(ge.Time, tmx[se.Time]) {
					r.Time.Right++
				}
			}
			r.Modality.Total++
			if ge.Modality == se.Modality {
				r.Modality.Right++
			} else {
				r.Errors = append(r.Errors, fmt.Sprintf("%s MODALITY %s %q: got %s, want %s", a.Docno, ge.Type, ge.Trigger.Text, se.Modality, ge.Modality))
			}
		}
		for s, se := range sys {
			if !matchedSys[s] {
				r.Errors = append(r.Errors, fmt.Sprintf("%s SPURIOUS %s %q", a.Docno, se.Type, se.Trigger.Text))
			}
		}
	}
	return r
}

func goldParts(e GoldEvent) string {
	var s []string
	for _, p := range e.Participants {
		s = append(s, p.Role+":"+p.Text)
	}
	return "[" + strings.Join(s, " ") + "]"
}

func anyName(gold string, names []string) bool {
	for _, n := range names {
		if sameName(gold, n) {
			return true
		}
	}
	return false
}

// overlapText says whether two timex texts share a word.
func overlapText(a, b string) bool {
	aw := strings.Fields(norm(a))
	for _, w := range strings.Fields(norm(b)) {
		for _, x := range aw {
			if w == x && len([]rune(w)) > 1 {
				return true
			}
		}
	}
	return false
}

// Write prints the quote report.
func (r QuoteReport) Write(w io.Writer, errors bool) {
	fmt.Fprintf(w, "quote detection (span overlap)  %s\n", r.Detection)
	fmt.Fprintf(w, "speaker accuracy (matched)      %s\n", r.Speaker)
	fmt.Fprintf(w, "speaker accuracy (all gold)     %s\n", r.SpeakerAll)
	fmt.Fprintf(w, "direct/indirect accuracy        %s\n", r.Direct)
	fmt.Fprintf(w, "exact span                      %s\n", r.ExactSpan)
	srcs := make([]string, 0, len(r.BySource))
	for s := range r.BySource {
		srcs = append(srcs, s)
	}
	sort.Strings(srcs)
	for _, s := range srcs {
		fmt.Fprintf(w, "  %-10s %s\n", s, *r.BySource[s])
	}
	if errors {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	}
}

// Write prints the event report.
func (r EventReport) Write(w io.Writer, errors bool) {
	fmt.Fprintf(w, "events, type + trigger          %s\n", r.Detection)
	fmt.Fprintf(w, "events, type + participants     %s\n", r.Full)
	fmt.Fprintf(w, "participants (matched events)   %s\n", r.Participants)
	fmt.Fprintf(w, "place accuracy                  %s\n", r.Place)
	fmt.Fprintf(w, "time accuracy                   %s\n", r.Time)
	fmt.Fprintf(w, "modality accuracy               %s\n", r.Modality)
	types := make([]string, 0, len(r.ByType))
	for t := range r.ByType {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(w, "  %-16s %s\n", t, *r.ByType[t])
	}
	if errors {
		for _, e := range r.Errors {
			fmt.Fprintln(w, e)
		}
	}
}

package quote

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"khabar"
	"khabar/analysis"
)

// seedQuote is what the seed article's quotes must be: the start of the
// quoted text, direct or not, the cue, the speaker's mention and the
// canonical name of the entity it points at ("" for none).
type seedQuote struct {
	textPrefix string
	direct     bool
	cue        string
	speaker    string
	entity     string
}

// seedQuotes are read off the article by hand. The seven direct quotations
// are those of the project's issue (Toner; the opposition factions, named
// by their fuller earlier mention since NER has no entity for them; Kerry;
// Kirby four times, through his name, المتحدث and two dropped subjects);
// the three indirect ones are attributed after the content (`كما اعلنت
// واشنطن`, `كما اضاف تونر`) or through a reporting verb and ان (`المح`).
var seedQuotes = []seedQuote{
	{"يبحث وزير الخارجية الاميركي جون كيري", false, "اعلنت", "واشنطن", "واشنطن"},
	{"سيبحثان في الجهود الجارية", true, "قال", "مارك تونر", "مارك تونر"},
	{"وستشمل المباحثات ايضا الازمة", false, "اضاف", "تونر", "مارك تونر"},
	{"مع بداية المرحلة الانتقالية", true, "طالبت", "الفصائل المسلحة والمعارضة السورية", ""},
	{"لتذليل نقاط الخلاف", true, "اعلن", "كيري", "جون كيري"},
	{"ليس امرا مفاجئا ان تكون (فصائل المعارضة)", true, "قال", "جون كيربي", "جون كيربي"},
	{"لا يزال هناك الكثير من العمل", true, "اقر", "المتحدث", "جون كيربي"},
	{"الجميع متفقون على ان مستقبل سوريا", true, "اضاف", "المتحدث", "جون كيربي"},
	{"لا يعقد مؤتمر نيويورك", false, "المح", "كيربي", "جون كيربي"},
	{"لا يمكنني ان استبعد احتمال", true, "قال", "كيربي", "جون كيربي"},
}

func seedDoc(t *testing.T) *khabar.Document {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "testdata", "seed-article.txt"))
	if err != nil {
		t.Fatal(err)
	}
	return pipeline(t).Analyze(analysis.Input{Text: string(b)})
}

func canonical(doc *khabar.Document, id string) string {
	for _, e := range doc.Entities {
		if e.ID == id {
			return e.Canonical
		}
	}
	return ""
}

func TestSeedArticle(t *testing.T) {
	doc := seedDoc(t)
	runes := []rune(doc.Text)
	if len(doc.Quotes) != len(seedQuotes) {
		for _, q := range doc.Quotes {
			t.Logf("got %s %q", q.ID, q.Text)
		}
		t.Fatalf("got %d quotes, want %d", len(doc.Quotes), len(seedQuotes))
	}
	for i, want := range seedQuotes {
		q := doc.Quotes[i]
		if !strings.HasPrefix(q.Text, want.textPrefix) {
			t.Errorf("quote %d: text %q, want it to start with %q", i+1, q.Text, want.textPrefix)
		}
		if string(runes[q.Start:q.End]) != q.Text {
			t.Errorf("quote %d: span [%d,%d) is not its text", i+1, q.Start, q.End)
		}
		if q.Direct != want.direct {
			t.Errorf("quote %d %q: direct %v, want %v", i+1, want.textPrefix, q.Direct, want.direct)
		}
		if q.Cue == nil || q.Cue.Text != want.cue {
			t.Errorf("quote %d %q: cue %+v, want %q", i+1, want.textPrefix, q.Cue, want.cue)
		}
		if q.Speaker == nil {
			t.Errorf("quote %d %q: no speaker, want %q", i+1, want.textPrefix, want.speaker)
			continue
		}
		if q.Speaker.Text != want.speaker {
			t.Errorf("quote %d %q: speaker %q, want %q", i+1, want.textPrefix, q.Speaker.Text, want.speaker)
		}
		if got := canonical(doc, q.Speaker.Entity); got != want.entity {
			t.Errorf("quote %d %q: speaker entity %q (%s), want %q", i+1, want.textPrefix, got, q.Speaker.Entity, want.entity)
		}
	}
}

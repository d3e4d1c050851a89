package mention

import (
	"strings"
	"testing"

	"khabar"
	"khabar/analysis"
)

func TestFind(t *testing.T) {
	p := analysis.New() // tokens only: the groups do not depend on the entity model
	tests := []struct {
		text string
		want []string
	}{
		{"وقالت وزارة الخارجية الروسية إن الجيش الوطني الليبي هاجم مواقع الميليشيات.", []string{"وزارة الخارجية الروسية", "الجيش الوطني الليبي", "الميليشيات"}},
		{"سيطرت قوات الحكومة السورية على الغوطة بدعم من المقاتلات الروسية.", []string{"قوات الحكومة السورية", "المقاتلات الروسية"}},
		{"ووقعت اشتباكات بين قوات الأمن ومحتجين، ودعا الملك الحكومة والبرلمان إلى الحوار.", []string{"قوات الأمن", "الحكومة", "البرلمان"}},
		{"وافقت الفصائل المعارضة على التفاوض، وقال مسلحون ان المحتجين غادروا.", []string{"الفصائل المعارضة"}},
		{"واستعاد الجيش اليمني مسنودا بقوات التحالف مواقع ميليشيات الحوثي.", []string{"الجيش اليمني", "قوات التحالف", "ميليشيات الحوثي"}},
		{"استعاد #الجيش_اليمني بدعم من #التحالف قرية في #صعدة.", []string{"الجيش_اليمني", "التحالف"}},
	}
	for _, tt := range tests {
		doc := p.Analyze(analysis.Input{Text: tt.text})
		var got []string
		for _, g := range Find(doc) {
			got = append(got, g.Text)
			if string([]rune(doc.Text)[g.Start:g.End]) != g.Text {
				t.Errorf("%q: span is not its text", g.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
	if g := Find(&khabar.Document{}); g != nil {
		t.Errorf("empty document: %v", g)
	}
}

// TestNamed: a group is named by a name, a nationality or an
// organisation's genitive; bare and generic groups are not.
func TestNamed(t *testing.T) {
	p := analysis.New()
	tests := []struct {
		text string
		want []string // group text, + when named
	}{
		{"وقالت وزارة الخارجية الروسية إن الجيش الوطني الليبي هاجم مواقع الميليشيات.", []string{"+وزارة الخارجية الروسية", "+الجيش الوطني الليبي", "الميليشيات"}},
		{"ووقعت اشتباكات بين قوات الأمن ومحتجين، ودعا الملك الحكومة والبرلمان إلى الحوار.", []string{"قوات الأمن", "الحكومة", "البرلمان"}},
		{"وهدد تنظيم الدولة الفصائل المسلحة وميليشيات الحوثي.", []string{"+تنظيم الدولة", "الفصائل المسلحة", "+ميليشيات الحوثي"}},
		{"استعاد #الجيش_اليمني بدعم من #التحالف قرية في #صعدة.", []string{"+الجيش_اليمني", "التحالف"}},
	}
	for _, tt := range tests {
		doc := p.Analyze(analysis.Input{Text: tt.text})
		var got []string
		for _, g := range Find(doc) {
			s := g.Text
			if g.Named {
				s = "+" + s
			}
			got = append(got, s)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

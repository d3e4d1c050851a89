package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStories(t *testing.T) {
	wire := "أعلنت السلطات التركية ارتفاع عدد ضحايا الزلزال الذي ضرب ولاية إزمير غرب البلاد إلى خمسين قتيلا ومئات الجرحى، فيما تواصل فرق الإنقاذ البحث عن ناجين تحت أنقاض المباني المنهارة في المدينة الساحلية."
	arts := []map[string]string{
		{"id": "bbc-1", "source": "bbc", "date": "2018-03-01", "title": "زلزال إزمير", "text": wire},
		{"id": "cnn-1", "source": "cnn", "date": "2018-03-01", "title": "ضحايا زلزال تركيا", "text": "إزمير (رويترز) - " + wire},
		{"id": "sky-1", "source": "skynews", "date": "2018-03-02", "title": "فرق الإنقاذ في إزمير", "text": "ضحايا زلزال إزمير: فرق الإنقاذ تبحث عن ناجين تحت أنقاض المباني المنهارة، والسلطات التركية تقول إن عدد ضحايا الزلزال قتيلا قد يرتفع في ولاية إزمير."},
		{"id": "sport-1", "source": "bbc", "date": "2018-03-01", "title": "ريال مدريد يفوز", "text": "فاز ريال مدريد على برشلونة بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء السبت على ملعب سانتياغو برنابيو."},
	}
	// Other news of those days, so that the event's words are rare.
	fillers := []string{
		"ارتفعت أسعار النفط في الأسواق العالمية بعد قرار منظمة أوبك خفض الإنتاج",
		"أعلنت وزارة التعليم نتائج امتحانات الثانوية العامة وسط ترقب الطلاب والأهالي",
		"افتتح معرض الكتاب الدولي أبوابه بمشاركة مئات دور النشر العربية والأجنبية",
		"وقعت الحكومة اتفاقية لإنشاء محطة طاقة شمسية في الصحراء بتمويل دولي",
		"تراجعت البورصة المصرية في ختام تعاملات الأسبوع متأثرة بعمليات جني الأرباح",
		"أطلقت شركة ناشئة تطبيقا جديدا لتعليم البرمجة للأطفال باللغة العربية",
	}
	for i, f := range fillers {
		arts = append(arts, map[string]string{"id": "other-" + string(rune('a'+i)), "source": []string{"bbc", "cnn", "skynews"}[i%3], "date": "2018-03-0" + string(rune('1'+i%3)), "title": strings.Fields(f)[0], "text": f})
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in.jsonl")
	var b strings.Builder
	for _, a := range arts {
		line, _ := json.Marshal(a)
		b.Write(append(line, '\n'))
	}
	os.WriteFile(in, []byte(b.String()), 0o644)
	db := filepath.Join(dir, "db")
	if _, stderr, st := runKhabar(t, "", "ingest", "--layers", "none", "--keys", "surface", "--db", db, in); st != 0 {
		t.Fatalf("ingest: %s", stderr)
	}
	out, stderr, st := runKhabar(t, "", "stories", "--db", db, "--format", "json")
	if st != 0 {
		t.Fatalf("stories: %s", stderr)
	}
	var stories []struct {
		Sources  []string
		Articles []struct {
			ID          string
			DuplicateOf string `json:"duplicate_of"`
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s struct {
			Sources  []string
			Articles []struct {
				ID          string
				DuplicateOf string `json:"duplicate_of"`
			}
		}
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		stories = append(stories, s)
	}
	if len(stories) != 1 {
		t.Fatalf("%d stories: %s", len(stories), out)
	}
	s := stories[0]
	var ids, dups []string
	for _, a := range s.Articles {
		ids = append(ids, a.ID)
		dups = append(dups, a.DuplicateOf)
	}
	if strings.Join(ids, ",") != "bbc-1,cnn-1,sky-1" || strings.Join(dups, ",") != ",bbc-1," || strings.Join(s.Sources, ",") != "bbc,cnn,skynews" {
		t.Errorf("story %v, duplicates %v, sources %v", ids, dups, s.Sources)
	}
	// Ingest marked the copy too, and search says so.
	out, _, _ = runKhabar(t, "", "search", "--db", db, "--format", "json", "أنقاض")
	marked := map[string]any{}
	for _, h := range decodeLines(t, out) {
		marked[h["id"].(string)] = h["duplicate_of"]
	}
	if marked["cnn-1"] != "bbc-1" || marked["bbc-1"] != nil || marked["sky-1"] != nil {
		t.Errorf("duplicate_of in search: %v", marked)
	}
}

package htmltext

import (
	"strings"
	"testing"
)

const page = `<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<title>وزير الخارجية يزور القاهرة | موقع الأخبار</title>
<meta property="og:title" content="وزير الخارجية يزور القاهرة">
<meta property="article:published_time" content="2018-03-01T10:00:00+03:00">
<link rel="canonical" href="https://example.com/news/1">
<script>var x = "<p>ليس نصا</p>";</script>
<style>p { color: red }</style>
</head><body>
<header><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/w">العالم</a></li></ul></nav></header>
<div class="layout">
  <aside class="sidebar"><p>الأكثر قراءة: خبر عن الطقس وخبر آخر عن الرياضة وثالث عن الاقتصاد اليوم.</p></aside>
  <article>
    <h1>وزير الخارجية يزور القاهرة</h1>
    <p>قال وزير الخارجية الأمريكي إن المحادثات التي أجراها في القاهرة كانت مثمرة وبناءة.</p>
    <p>وأضاف الوزير في مؤتمر صحفي أن <a href="/x">الاجتماع المقبل</a> سيعقد في آذار المقبل في واشنطن.</p>
    <ul class="share"><li><a href="#">شارك على فيسبوك</a></li></ul>
    <p>وتأتي الزيارة في إطار جولة إقليمية تشمل عددا من دول المنطقة خلال الأسبوع.</p>
  </article>
  <div id="comments"><p>تعليق: هذا خبر مهم جدا ويجب متابعته باهتمام من الجميع في كل مكان.</p></div>
</div>
<footer><p>جميع الحقوق محفوظة للموقع الإخباري العربي منذ عام ألفين وعشرة.</p></footer>
</body></html>`

func TestExtract(t *testing.T) {
	p, err := Extract(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "وزير الخارجية يزور القاهرة" || p.Date != "2018-03-01T10:00:00+03:00" || p.URL != "https://example.com/news/1" {
		t.Errorf("page %+v", p)
	}
	want := "وزير الخارجية يزور القاهرة\nقال وزير الخارجية الأمريكي إن المحادثات التي أجراها في القاهرة كانت مثمرة وبناءة.\nوأضاف الوزير في مؤتمر صحفي أن الاجتماع المقبل سيعقد في آذار المقبل في واشنطن.\nوتأتي الزيارة في إطار جولة إقليمية تشمل عددا من دول المنطقة خلال الأسبوع."
	if p.Text != want {
		t.Errorf("text:\n%s\nwant:\n%s", p.Text, want)
	}
	for _, bad := range []string{"", "<html><body><nav><a href=x>روابط</a></nav></body></html>", "\x00\x01binary"} {
		if _, err := Extract(strings.NewReader(bad)); err != ErrNoText {
			t.Errorf("Extract(%q) = %v, want ErrNoText", bad, err)
		}
	}
}

func TestFromFragment(t *testing.T) {
	for in, want := range map[string]string{
		"نص بسيط":                          "نص بسيط",
		"<p>أول</p><p>ثان<br>ثالث</p>":     "أول\nثان\nثالث",
		"قبل &amp; بعد <script>x</script>": "قبل & بعد",
	} {
		if got := FromFragment(in); got != want {
			t.Errorf("FromFragment(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(page)
	f.Fuzz(func(t *testing.T, s string) {
		Extract(strings.NewReader(s))
		FromFragment(s)
	})
}

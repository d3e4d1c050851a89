package feed

import (
	"fmt"
	"strings"
	"testing"
)

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>أخبار العالم</title>
<item>
  <title>وزير الخارجية يزور القاهرة</title>
  <link>https://example.com/a1</link>
  <guid>a1</guid>
  <pubDate>Mon, 26 Feb 2018 02:20:10 GMT</pubDate>
  <description><![CDATA[<p>قال وزير الخارجية إن <b>المحادثات</b> مثمرة.</p><p>وأضاف أن الاجتماع المقبل في آذار.</p>]]></description>
</item>
<item>
  <title>بلا نص</title>
  <link>https://example.com/a2</link>
</item>
<item>
  <title>خبر ثالث &amp; أخير</title>
  <link>https://example.com/a3</link>
  <description>نص قصير</description>
  <content:encoded><![CDATA[<p>النص الكامل للخبر الثالث وهو أطول من الوصف.</p>]]></content:encoded>
</item>
</channel>
</rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>موقع</title>
  <entry>
    <id>urn:x:1</id>
    <title type="html">عنوان &lt;i&gt;مائل&lt;/i&gt;</title>
    <link rel="alternate" href="https://example.com/e1"/>
    <published>2018-03-01T10:00:00Z</published>
    <content type="html">&lt;p&gt;نص المدخل الأول.&lt;/p&gt;</content>
  </entry>
</feed>`

func TestParse(t *testing.T) {
	var skipped []string
	f, err := Parse(strings.NewReader(rss), func(line int, err error) { skipped = append(skipped, fmt.Sprint(line, ": ", err)) })
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "أخبار العالم" || len(f.Items) != 2 {
		t.Fatalf("feed %q with %d items: %+v", f.Title, len(f.Items), f.Items)
	}
	it := f.Items[0]
	if it.ID != "a1" || it.URL != "https://example.com/a1" || it.Date != "Mon, 26 Feb 2018 02:20:10 GMT" ||
		it.Text != "قال وزير الخارجية إن المحادثات مثمرة.\nوأضاف أن الاجتماع المقبل في آذار." {
		t.Errorf("item 1: %+v", it)
	}
	if f.Items[1].Text != "النص الكامل للخبر الثالث وهو أطول من الوصف." || f.Items[1].ID != "https://example.com/a3" || f.Items[1].Title != "خبر ثالث & أخير" {
		t.Errorf("item 3: %+v", f.Items[1])
	}
	if len(skipped) != 1 || !strings.HasPrefix(skipped[0], "12: ") {
		t.Errorf("skipped %v", skipped)
	}
	a, err := Parse(strings.NewReader(atomFeed), nil)
	if err != nil || len(a.Items) != 1 {
		t.Fatalf("atom: %v %+v", err, a)
	}
	if e := a.Items[0]; e.ID != "urn:x:1" || e.URL != "https://example.com/e1" || e.Title != "عنوان مائل" || e.Text != "نص المدخل الأول." || e.Date != "2018-03-01T10:00:00Z" {
		t.Errorf("atom entry %+v", e)
	}
	if !IsFeed([]byte(rss)) || !IsFeed([]byte(atomFeed)) || IsFeed([]byte("<html><body>x</body></html>")) {
		t.Error("IsFeed")
	}
	if _, err := Parse(strings.NewReader("<html><p>x</p></html>"), nil); err != ErrNotFeed {
		t.Errorf("html as feed: %v", err)
	}
	if _, err := Parse(strings.NewReader(rss[:600]), nil); err == nil || !strings.Contains(err.Error(), "line") {
		t.Errorf("truncated feed: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	f.Add(rss)
	f.Add(atomFeed)
	f.Fuzz(func(t *testing.T, s string) {
		Parse(strings.NewReader(s), func(int, error) {})
	})
}

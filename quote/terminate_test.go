package quote

import (
	"testing"
	"time"

	"khabar/analysis"
)

// TestRelativeCueResolvedBackwards guards the walk over a sentence's cues:
// a relative-clause cue (`اعتبرته الشبكة`) whose subject, a bare group
// noun, resolves to a fuller mention earlier in the article (`شبكة إنفاذ
// قوانين الجرائم المالية`) once sent the walk backwards for ever (ANT
// AL-internationalNews-1224-20180518).
func TestRelativeCueResolvedBackwards(t *testing.T) {
	text := "اتهم سابقاً من قبل شبكة إنفاذ قوانين الجرائم المالية (FinCEN) بالضلوع في تسهيل وصول مسؤولين إيرانيين إلى البنك الكندي اللبناني السابق (LCB)، الذي اعتبرته الشبكة في 10 فبراير 2011 مؤسسة مالية متهمة بغسل الأموال بموجب المادة 311 من قانون الولايات المتحدة الأميركية الوطني.\n" +
		"وقالت المتحدثة هيذر ناورت إنه من المقرر أن يتطرق وزير الخارجية إلى الخطط."
	p := pipeline(t)
	done := make(chan int, 1)
	go func() {
		done <- len(p.Analyze(analysis.Input{Text: text}).Quotes)
	}()
	select {
	case n := <-done:
		if n == 0 {
			t.Errorf("no quotation found; want the one of هيذر ناورت")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("Annotate did not finish in 20 s: the cue walk loops")
	}
}

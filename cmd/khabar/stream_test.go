package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"

	"khabar"
	"khabar/analysis"
	"khabar/input"
	"khabar/render"
)

// articleStream generates JSON Lines articles on the fly, so a test can
// feed a large input without ever holding it.
type articleStream struct {
	left    int // bytes still to produce
	n       int
	pending string
}

const streamParagraph = "وقال المتحدث باسم الخارجية الاميركية جون كيربي ان \"الجميع متفقون على ان مستقبل سوريا لا يمكن ان يكون مع بشار الاسد\" في 18 كانون الاول/ديسمبر 2015. "

func (s *articleStream) Read(p []byte) (int, error) {
	if s.pending == "" {
		if s.left <= 0 {
			return 0, io.EOF
		}
		s.n++
		text, _ := json.Marshal(strings.Repeat(streamParagraph, 1+s.n%20))
		s.pending = fmt.Sprintf(`{"id":"a%d","text":%s}`+"\n", s.n, text)
		s.left -= len(s.pending)
	}
	n := copy(p, s.pending)
	s.pending = s.pending[n:]
	return n, nil
}

// TestLargeInputStreams analyses a generated input many times larger than
// the memory it may use and checks that the heap stays small: documents
// stream through, they are not collected.
func TestLargeInputStreams(t *testing.T) {
	size := 40 << 20
	if testing.Short() {
		size = 4 << 20
	}
	src := &articleStream{left: size}
	rd := &input.Reader{Stdin: src, Report: func(e *input.Error) { t.Errorf("unexpected: %v", e) }}
	an := analysis.New()
	var docs, maxHeap uint64
	var ms runtime.MemStats
	// Other tests of the package may have loaded models: count from here.
	runtime.GC()
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	err := analyzeStream(an, rd, []string{"-"}, func(a input.Article) analysis.Input {
		return analysis.Input{ID: a.ID, Text: a.Text}
	}, 2, func(doc *khabar.Document, buf []byte) []byte {
		docs++
		if docs%1000 == 0 {
			// The live heap after a collection: what the stream retains, not
			// what the collector has yet to reclaim.
			runtime.GC()
			runtime.ReadMemStats(&ms)
			maxHeap = max(maxHeap, ms.HeapAlloc-min(base, ms.HeapAlloc))
		}
		return render.AppendJSON(buf[:0], doc)
	})
	if err != nil {
		t.Fatal(err)
	}
	if docs != uint64(src.n) {
		t.Errorf("%d documents out of %d", docs, src.n)
	}
	t.Logf("%d MB in %d documents, peak live heap growth %d MB", size>>20, docs, maxHeap>>20)
	if limit := uint64(size) / 2; maxHeap > limit {
		t.Errorf("heap reached %d MB for a %d MB input: the input is being held", maxHeap>>20, size>>20)
	}
}

package wordcluster

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// MaxLevels is the most granularities a table holds.
const MaxLevels = 4

// Entry is what the table knows of one folded word.
type Entry struct {
	// Count is the word's frequency in the training corpus.
	Count uint32
	// Class holds the word's class at each granularity of Table.Ks.
	Class [MaxLevels]uint16
	// NoClass is set for words too rare to have been clustered.
	NoClass bool
}

// Table maps folded words to their frequency and classes.
type Table struct {
	// Ks are the numbers of classes at each granularity.
	Ks      []int
	entries map[string]Entry
	order   []string // for writing, most frequent first
}

// Lookup returns the entry of a folded word.
func (t *Table) Lookup(folded string) (Entry, bool) {
	e, ok := t.entries[folded]
	return e, ok
}

// Count is the corpus frequency of a folded word, 0 when unknown.
func (t *Table) Count(folded string) uint32 { return t.entries[folded].Count }

// Len is the number of words in the table.
func (t *Table) Len() int { return len(t.entries) }

// WriteTo writes the table gzip-compressed: a header line with the
// granularities, then one "word TAB count TAB classes" line per word, most
// frequent first; classes is "-" for words without them.
func (t *Table) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	ks := make([]string, len(t.Ks))
	for i, k := range t.Ks {
		ks[i] = strconv.Itoa(k)
	}
	fmt.Fprintf(bw, "#wordcluster\t%s\n", strings.Join(ks, ","))
	for _, word := range t.order {
		e := t.entries[word]
		bw.WriteString(word)
		bw.WriteByte('\t')
		bw.WriteString(strconv.FormatUint(uint64(e.Count), 10))
		bw.WriteByte('\t')
		if e.NoClass {
			bw.WriteByte('-')
		} else {
			for i := range t.Ks {
				if i > 0 {
					bw.WriteByte(',')
				}
				bw.WriteString(strconv.Itoa(int(e.Class[i])))
			}
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// Read reads a table written by WriteTo.
func Read(r io.Reader) (*Table, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("wordcluster: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	if !sc.Scan() {
		return nil, fmt.Errorf("wordcluster: empty table")
	}
	head, ok := strings.CutPrefix(sc.Text(), "#wordcluster\t")
	if !ok {
		return nil, fmt.Errorf("wordcluster: bad header %q", sc.Text())
	}
	t := &Table{entries: make(map[string]Entry, 1<<17)}
	for _, f := range strings.Split(head, ",") {
		k, err := strconv.Atoi(f)
		if err != nil || k <= 0 || k > 1<<16 {
			return nil, fmt.Errorf("wordcluster: bad granularity %q", f)
		}
		t.Ks = append(t.Ks, k)
	}
	if len(t.Ks) > MaxLevels {
		return nil, fmt.Errorf("wordcluster: %d granularities, at most %d", len(t.Ks), MaxLevels)
	}
	line := 1
	for sc.Scan() {
		line++
		// Hand-split: this runs for every word at start-up.
		b := sc.Bytes()
		t1 := bytes.IndexByte(b, '\t')
		if t1 < 0 {
			return nil, fmt.Errorf("wordcluster: line %d: no fields", line)
		}
		t2 := bytes.IndexByte(b[t1+1:], '\t')
		if t2 < 0 {
			return nil, fmt.Errorf("wordcluster: line %d: 2 fields, want 3", line)
		}
		word, num, cls := string(b[:t1]), b[t1+1:t1+1+t2], b[t1+2+t2:]
		n, ok := parseUint(num, 1<<32-1)
		if !ok {
			return nil, fmt.Errorf("wordcluster: line %d: bad count %q", line, num)
		}
		e := Entry{Count: uint32(n)}
		if string(cls) == "-" {
			e.NoClass = true
		} else {
			for i := range t.Ks {
				var c []byte
				if k := bytes.IndexByte(cls, ','); k >= 0 && i < len(t.Ks)-1 {
					c, cls = cls[:k], cls[k+1:]
				} else {
					c, cls = cls, nil
				}
				v, ok := parseUint(c, uint64(t.Ks[i]-1))
				if !ok {
					return nil, fmt.Errorf("wordcluster: line %d: bad class %q", line, c)
				}
				e.Class[i] = uint16(v)
			}
			if len(cls) > 0 {
				return nil, fmt.Errorf("wordcluster: line %d: too many classes", line)
			}
		}
		t.entries[word] = e
		t.order = append(t.order, word)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("wordcluster: %w", err)
	}
	return t, nil
}

//go:embed data/clusters.tsv.gz
var embedded []byte

// Load parses the embedded table learned from the ANT news corpus by
// `khabar train ner -clusters`.
func Load() (*Table, error) { return Read(bytes.NewReader(embedded)) }

// parseUint parses a decimal number no larger than limit.
func parseUint(b []byte, limit uint64) (uint64, bool) {
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	var n uint64
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + uint64(c-'0')
	}
	return n, n <= limit
}

// Range calls fn for every word of the table, most frequent first, until
// fn returns false.
func (t *Table) Range(fn func(word string, e Entry) bool) {
	for _, w := range t.order {
		if !fn(w, t.entries[w]) {
			return
		}
	}
}

//go:embed data/embed.tsv.gz
var embeddedSkipGram []byte

// LoadSkipGram parses the embedded classes cut from skip-gram vectors
// learned from the ANT news corpus by `khabar train ner -embed`; nil when
// none are embedded.
func LoadSkipGram() (*Table, error) {
	if len(embeddedSkipGram) == 0 {
		return nil, nil
	}
	return Read(bytes.NewReader(embeddedSkipGram))
}

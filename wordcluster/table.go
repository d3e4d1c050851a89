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
	t := &Table{entries: map[string]Entry{}}
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
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 {
			return nil, fmt.Errorf("wordcluster: line %d: %d fields", line, len(f))
		}
		n, err := strconv.ParseUint(f[1], 10, 32)
		if err != nil {
			return nil, fmt.Errorf("wordcluster: line %d: %w", line, err)
		}
		e := Entry{Count: uint32(n)}
		if f[2] == "-" {
			e.NoClass = true
		} else {
			cs := strings.Split(f[2], ",")
			if len(cs) != len(t.Ks) {
				return nil, fmt.Errorf("wordcluster: line %d: %d classes, want %d", line, len(cs), len(t.Ks))
			}
			for i, c := range cs {
				v, err := strconv.ParseUint(c, 10, 16)
				if err != nil || int(v) >= t.Ks[i] {
					return nil, fmt.Errorf("wordcluster: line %d: bad class %q", line, c)
				}
				e.Class[i] = uint16(v)
			}
		}
		t.entries[f[0]] = e
		t.order = append(t.order, f[0])
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

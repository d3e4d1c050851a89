package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"

	"khabar"
	"khabar/dedup"
	"khabar/index"
)

// Index returns the search index of the archive's snapshot. It is valid
// until Close.
func (a *Archive) Index() (ix *index.Index, err error) {
	if a.tx == nil {
		return nil, fmt.Errorf("%s: archive opened for writing; open it read-only to search", a.dir)
	}
	if a.ix != nil {
		return a.ix, nil
	}
	defer recoverCorrupt(a.dir, &err)
	var segs []*index.Segment
	end := uint32(0)
	err = a.tx.Bucket(bSegs).ForEach(func(k, v []byte) error {
		s, err := index.OpenSegment(v)
		if errors.Is(err, index.ErrFormat) {
			return fmt.Errorf("%s: %w: %v; ingest again into a new directory", a.dir, ErrVersion, err)
		}
		if err != nil {
			return fmt.Errorf("%s: %w: segment %x: %v", a.dir, ErrCorrupt, k, err)
		}
		if s.Base != end {
			return fmt.Errorf("%s: %w: segment at %d leaves a gap after %d", a.dir, ErrCorrupt, s.Base, end)
		}
		end = s.Base + s.NumDocs
		segs = append(segs, s)
		return nil
	})
	if err != nil {
		return nil, err
	}
	dead := make([]uint64, (end+63)/64)
	a.tx.Bucket(bDel).ForEach(func(k, _ []byte) error {
		if len(k) == 4 {
			if d := binary.BigEndian.Uint32(k); d < end {
				dead[d/64] |= 1 << (d % 64)
			}
		}
		return nil
	})
	a.ix = index.NewIndex(segs, func(d uint32) bool { return d >= end || dead[d/64]&(1<<(d%64)) != 0 })
	return a.ix, nil
}

// Document returns the stored analysed document with the given id.
func (a *Archive) Document(id string) (doc *khabar.Document, err error) {
	if a.tx == nil {
		return nil, fmt.Errorf("%s: archive opened for writing", a.dir)
	}
	defer recoverCorrupt(a.dir, &err)
	rec := a.tx.Bucket(bDocs).Get([]byte(id))
	if rec == nil {
		return nil, fmt.Errorf("%s: no document %q", a.dir, id)
	}
	return decodeDoc(rec)
}

// Text returns the title and text of document number num.
func (a *Archive) Text(num uint32) (title, text string, err error) {
	if a.tx == nil {
		return "", "", fmt.Errorf("%s: archive opened for writing", a.dir)
	}
	defer recoverCorrupt(a.dir, &err)
	v := a.tx.Bucket(bText).Get(u32key(num))
	if v == nil {
		return "", "", fmt.Errorf("%s: %w: no text for document %d", a.dir, ErrCorrupt, num)
	}
	title, text, _ = strings.Cut(string(v), "\x00")
	return title, text, nil
}

// Signatures calls fn with the near-duplicate signature of every live
// document, by document number.
func (a *Archive) Signatures(fn func(num uint32, sig []byte) error) (err error) {
	if a.tx == nil {
		return fmt.Errorf("%s: archive opened for writing", a.dir)
	}
	defer recoverCorrupt(a.dir, &err)
	return a.tx.Bucket(bSigs).ForEach(func(k, v []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("%s: %w: bad signature key", a.dir, ErrCorrupt)
		}
		return fn(binary.BigEndian.Uint32(k), v)
	})
}

// DedupDocs gathers what package dedup clusters for every live document
// of ix (the archive's index): number, date (an undated article as
// math.MinInt32, so that it sorts first), source and signature. A
// signature that does not decode is counted in bad and its article left
// out; the rest goes on.
func (a *Archive) DedupDocs(ix *index.Index) (docs []dedup.Doc, bad int, err error) {
	err = a.Signatures(func(num uint32, b []byte) error {
		info, ok := ix.Doc(num)
		if !ok || info.Deleted {
			return nil
		}
		sig, err := dedup.Unmarshal(b)
		if err != nil {
			bad++
			return nil
		}
		date := info.Date
		if date == index.NoDate {
			date = math.MinInt32
		}
		docs = append(docs, dedup.Doc{Num: num, Date: date, Source: info.Source, Sig: sig})
		return nil
	})
	return docs, bad, err
}

// Stats describe an archive.
type Stats struct {
	Documents, Superseded, Segments int
}

// Stats counts what the snapshot holds.
func (a *Archive) Stats() Stats {
	if a.tx == nil {
		return Stats{Segments: len(a.segs)}
	}
	return Stats{
		Documents:  a.tx.Bucket(bDocs).Stats().KeyN,
		Superseded: a.tx.Bucket(bDel).Stats().KeyN,
		Segments:   a.tx.Bucket(bSegs).Stats().KeyN,
	}
}

// DuplicateOf returns the number of the article that document num copies
// (the first of its wire-copy group), if ingest marked it a copy.
func (a *Archive) DuplicateOf(num uint32) (uint32, bool) {
	if a.tx == nil {
		return 0, false
	}
	b := a.tx.Bucket(bDups)
	if b == nil {
		return 0, false
	}
	v := b.Get(u32key(num))
	if len(v) != 4 {
		return 0, false
	}
	return binary.BigEndian.Uint32(v), true
}

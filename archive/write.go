package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	bolt "go.etcd.io/bbolt"

	"khabar"
	"khabar/dedup"
	"khabar/index"
)

// Record is one analysed article to store.
type Record struct {
	Doc *khabar.Document
	// Hash is the ContentHash of the input the document was made from.
	Hash     uint64
	Prepared *index.Prepared
	// Signature is the near-duplicate signature (see package dedup), kept
	// for later batches and the stories verb.
	Signature []byte
	// encoded is the docs record made by NewRecord, on the caller's
	// goroutine; Commit fills in the document number.
	encoded []byte
}

func (a *Archive) loadWriterState(tx *bolt.Tx) error {
	if v := tx.Bucket(bMeta).Get(kNext); v != nil {
		if len(v) != 4 {
			return fmt.Errorf("%w: bad next document number", ErrCorrupt)
		}
		a.next = binary.BigEndian.Uint32(v)
	}
	a.segs = a.segs[:0]
	end := uint32(0)
	err := tx.Bucket(bSegs).ForEach(func(k, v []byte) error {
		s, err := index.OpenSegment(v)
		if errors.Is(err, index.ErrFormat) {
			return fmt.Errorf("%w: %v; ingest again into a new directory", ErrVersion, err)
		}
		if err != nil {
			return fmt.Errorf("%w: segment %x: %v", ErrCorrupt, k, err)
		}
		if s.Base != end {
			return fmt.Errorf("%w: segment at %d leaves a gap after %d", ErrCorrupt, s.Base, end)
		}
		end = s.Base + s.NumDocs
		a.segs = append(a.segs, segInfo{s.Base, s.NumDocs, s.Format() < index.SegmentFormat})
		return nil
	})
	if err != nil {
		return err
	}
	if end != a.next {
		return fmt.Errorf("%w: segments end at document %d, the archive counts %d", ErrCorrupt, end, a.next)
	}
	return nil
}

// Known returns the content hash of every stored document by id, so that
// an ingest can skip articles stored already, unchanged.
func (a *Archive) Known() (map[string]uint64, error) {
	known := map[string]uint64{}
	err := a.update(10*time.Second, func(tx *bolt.Tx) error {
		return tx.Bucket(bDocs).ForEach(func(k, v []byte) error {
			if len(v) < 12 {
				return fmt.Errorf("%w: short record for %q", ErrCorrupt, k)
			}
			known[string(k)] = binary.BigEndian.Uint64(v[4:12])
			return nil
		})
	})
	return known, err
}

// Commit stores a batch of records and their index segment in one
// transaction: when it returns nil, every record is durable and
// searchable; when the process dies before, none is. A record whose id is
// stored already replaces the stored one.
func (a *Archive) Commit(recs []Record) error {
	if !a.write {
		return fmt.Errorf("%s: archive opened read-only", a.dir)
	}
	if len(recs) == 0 {
		return nil
	}
	base := a.next
	b := index.NewBuilder(base)
	vals := make([][]byte, len(recs))
	for i, r := range recs {
		if r.Prepared.ID != r.Doc.ID {
			return fmt.Errorf("archive: record %q prepared as %q", r.Doc.ID, r.Prepared.ID)
		}
		b.Add(r.Prepared)
		v := r.encoded
		if v == nil {
			var err error
			if v, err = encodeDoc(r.Hash, r.Doc); err != nil {
				return err
			}
		}
		binary.BigEndian.PutUint32(v, base+uint32(i))
		vals[i] = v
	}
	seg := b.Bytes()
	err := a.update(time.Minute, func(tx *bolt.Tx) error {
		docs, text, del, sigs := tx.Bucket(bDocs), tx.Bucket(bText), tx.Bucket(bDel), tx.Bucket(bSigs)
		// Archives of the first builds have no dups bucket yet.
		dups, err := tx.CreateBucketIfNotExists(bDups)
		if err != nil {
			return err
		}
		if a.finder == nil {
			if err := a.loadFinder(sigs); err != nil {
				return err
			}
		}
		for i, r := range recs {
			num := base + uint32(i)
			if old := docs.Get([]byte(r.Doc.ID)); len(old) >= 4 {
				oldNum := old[:4]
				if err := del.Put(append([]byte(nil), oldNum...), nil); err != nil {
					return err
				}
				text.Delete(oldNum)
				sigs.Delete(oldNum)
				dups.Delete(oldNum)
				a.finder.Remove(binary.BigEndian.Uint32(oldNum))
			}
			if err := docs.Put([]byte(r.Doc.ID), vals[i]); err != nil {
				return err
			}
			if err := text.Put(u32key(num), []byte(r.Doc.Title+"\x00"+r.Doc.Text)); err != nil {
				return err
			}
			if len(r.Signature) > 0 {
				if err := sigs.Put(u32key(num), r.Signature); err != nil {
					return err
				}
				if sig, err := dedup.Unmarshal(r.Signature); err == nil {
					if orig, ok := a.finder.Add(num, sig); ok {
						if err := dups.Put(u32key(num), u32key(orig)); err != nil {
							return err
						}
					}
				}
			}
		}
		if err := tx.Bucket(bSegs).Put(u32key(base), seg); err != nil {
			return err
		}
		return tx.Bucket(bMeta).Put(kNext, u32key(base+uint32(len(recs))))
	})
	if err != nil {
		a.finder = nil // it may hold this batch: rebuild from what is stored
		return err
	}
	a.next = base + uint32(len(recs))
	a.segs = append(a.segs, segInfo{base, uint32(len(recs)), false})
	return a.mergeTiers()
}

// sizeClass groups segments by size: each class is MergeFactor times the
// one below.
func (a *Archive) sizeClass(n uint32) int {
	c := 0
	for lim := uint32(1024); n >= lim && c < 8; lim *= uint32(a.MergeFactor) {
		c++
	}
	return c
}

// mergeTiers merges the last MergeFactor segments while they are of one
// size class, so that a growing archive keeps O(log n) segments.
func (a *Archive) mergeTiers() error {
	f := a.MergeFactor
	if f < 2 {
		return nil
	}
	for len(a.segs) >= f {
		tail := a.segs[len(a.segs)-f:]
		c := a.sizeClass(tail[0].ndocs)
		same := true
		for _, s := range tail[1:] {
			if a.sizeClass(s.ndocs) != c {
				same = false
				break
			}
		}
		if !same {
			return nil
		}
		if err := a.merge(len(a.segs) - f); err != nil {
			return err
		}
	}
	return nil
}

// Optimize merges all segments into one and drops the postings of
// superseded documents, for the fastest search. A segment of an older
// format (without the words' forms that snippets read) is rewritten in the
// current one.
func (a *Archive) Optimize() error {
	if len(a.segs) == 0 || len(a.segs) == 1 && !a.segs[0].old {
		return nil
	}
	return a.merge(0)
}

// merge replaces the segments from index i on by their merge.
func (a *Archive) merge(i int) error {
	from := a.segs[i:]
	var merged segInfo
	err := a.update(time.Minute, func(tx *bolt.Tx) error {
		dels := map[uint32]bool{}
		if err := tx.Bucket(bDel).ForEach(func(k, _ []byte) error {
			if len(k) == 4 {
				dels[binary.BigEndian.Uint32(k)] = true
			}
			return nil
		}); err != nil {
			return err
		}
		bs := tx.Bucket(bSegs)
		segs := make([]*index.Segment, len(from))
		for j, si := range from {
			v := bs.Get(u32key(si.base))
			s, err := index.OpenSegment(v)
			if err != nil {
				return fmt.Errorf("%w: segment %d: %v", ErrCorrupt, si.base, err)
			}
			segs[j] = s
		}
		data, err := index.Merge(segs, func(d uint32) bool { return !dels[d] })
		if err != nil {
			return err
		}
		for _, si := range from {
			if err := bs.Delete(u32key(si.base)); err != nil {
				return err
			}
		}
		merged = segInfo{from[0].base, from[len(from)-1].base + from[len(from)-1].ndocs - from[0].base, false}
		return bs.Put(u32key(merged.base), data)
	})
	if err != nil {
		return err
	}
	a.segs = append(a.segs[:i], merged)
	return nil
}

// loadFinder builds the copy finder from the stored signatures.
func (a *Archive) loadFinder(sigs *bolt.Bucket) error {
	f := dedup.NewFinder(DuplicateThreshold)
	err := sigs.ForEach(func(k, v []byte) error {
		if len(k) != 4 {
			return fmt.Errorf("%w: bad signature key", ErrCorrupt)
		}
		if sig, err := dedup.Unmarshal(v); err == nil {
			f.Add(binary.BigEndian.Uint32(k), sig)
		}
		return nil
	})
	if err != nil {
		return err
	}
	a.finder = f
	return nil
}

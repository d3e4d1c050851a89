package archive

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"khabar"
	"khabar/index"
)

func record(id, text string, hash uint64) Record {
	doc := &khabar.Document{Version: "1", ID: id, Title: "عنوان " + id, Text: text, Lang: "ar", DCT: "2018-03-01"}
	return Record{Doc: doc, Hash: hash, Prepared: index.Prepare(index.SurfaceAnalyzer{}, &index.DocInput{ID: id, Title: doc.Title, Text: text, Date: doc.DCT})}
}

func search(t *testing.T, dir, q string) []string {
	t.Helper()
	a, err := Open(dir, OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ix, err := a.Index()
	if err != nil {
		t.Fatal(err)
	}
	qq, err := index.Parse(q, index.SurfaceAnalyzer{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, h := range ix.Search(qq, index.Options{Limit: 100}).Hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestCommitUpdateMerge(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	a, err := Open(dir, OpenOptions{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	a.MergeFactor = 2
	for i := 0; i < 5; i++ {
		if err := a.Commit([]Record{record(fmt.Sprint("d", i), "خبر عن القاهرة رقم", uint64(i))}); err != nil {
			t.Fatal(err)
		}
	}
	// Update d1: the old version must not be found any more.
	if err := a.Commit([]Record{record("d1", "خبر عن دمشق", 99)}); err != nil {
		t.Fatal(err)
	}
	known, err := a.Known()
	if err != nil || len(known) != 5 || known["d1"] != 99 {
		t.Fatalf("known %v %v", known, err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	if got := search(t, dir, "القاهرة"); len(got) != 4 || slices.Contains(got, "d1") {
		t.Errorf("القاهرة: %s", got)
	}
	if got := fmt.Sprint(search(t, dir, "دمشق")); got != "[d1]" {
		t.Errorf("دمشق: %s", got)
	}
	// Optimize: one segment, same answers.
	a, _ = Open(dir, OpenOptions{Write: true})
	if err := a.Optimize(); err != nil {
		t.Fatal(err)
	}
	a.Close()
	r, _ := Open(dir, OpenOptions{})
	if st := r.Stats(); st.Segments != 1 || st.Documents != 5 || st.Superseded != 1 {
		t.Errorf("stats %+v", st)
	}
	doc, err := r.Document("d1")
	if err != nil || doc.Text != "خبر عن دمشق" {
		t.Errorf("document d1: %v %v", doc, err)
	}
	r.Close()
	if n := len(search(t, dir, "القاهرة")); n != 4 {
		t.Errorf("after optimize القاهرة finds %d", n)
	}
}

func TestSecondWriterRefused(t *testing.T) {
	dir := t.TempDir()
	a, err := Open(dir, OpenOptions{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := Open(dir, OpenOptions{Write: true}); !errors.Is(err, ErrLocked) {
		t.Errorf("second writer: %v, want ErrLocked", err)
	}
	// Readers are welcome while a writer runs.
	r, err := Open(dir, OpenOptions{})
	if err != nil {
		t.Fatalf("reader during write: %v", err)
	}
	r.Close()
}

func TestBadDirectories(t *testing.T) {
	tmp := t.TempDir()
	foreign := filepath.Join(tmp, "foreign")
	os.MkdirAll(foreign, 0o755)
	os.WriteFile(filepath.Join(foreign, "notes.txt"), []byte("hello"), 0o644)
	garbage := filepath.Join(tmp, "garbage")
	os.MkdirAll(garbage, 0o755)
	os.WriteFile(filepath.Join(garbage, DBFile), make([]byte, 64<<10), 0o644)
	truncated := filepath.Join(tmp, "truncated")
	a, _ := Open(truncated, OpenOptions{Write: true})
	a.Commit([]Record{record("x", "نص", 1)})
	a.Close()
	os.Truncate(filepath.Join(truncated, DBFile), 3000)
	tests := []struct {
		dir   string
		write bool
		want  error
	}{
		{filepath.Join(tmp, "absent"), false, ErrNoArchive},
		{foreign, false, ErrNotArchive},
		{foreign, true, ErrNotArchive},
		{garbage, false, ErrNotArchive},
		{garbage, true, ErrNotArchive},
		{truncated, false, ErrCorrupt},
	}
	for _, tc := range tests {
		a, err := Open(tc.dir, OpenOptions{Write: tc.write})
		if err == nil {
			_, err = a.Index()
			a.Close()
		}
		if !errors.Is(err, tc.want) {
			t.Errorf("Open(%s, write=%v) = %v, want %v", filepath.Base(tc.dir), tc.write, err, tc.want)
		}
	}
}

func TestCorruptPages(t *testing.T) {
	// Overwrite the middle of a real archive with garbage: opening or
	// searching gives an error, never a panic.
	dir := t.TempDir()
	a, _ := Open(dir, OpenOptions{Write: true})
	var recs []Record
	for i := 0; i < 200; i++ {
		recs = append(recs, record(fmt.Sprint("id", i), fmt.Sprint("نص الخبر رقم ", i, " عن القاهرة ودمشق وبيروت"), uint64(i)))
	}
	a.Commit(recs)
	a.Close()
	path := filepath.Join(dir, DBFile)
	data, _ := os.ReadFile(path)
	for off := 4096 * 2; off+4096 <= len(data); off += 4096 * 3 {
		bad := append([]byte(nil), data...)
		for i := off; i < off+4096; i++ {
			bad[i] = byte(i * 7)
		}
		os.WriteFile(path, bad, 0o644)
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("panic with page at %d damaged: %v", off, r)
				}
			}()
			r, err := Open(dir, OpenOptions{})
			if err != nil {
				return
			}
			defer r.Close()
			if ix, err := r.Index(); err == nil {
				q, _ := index.Parse("القاهرة", index.SurfaceAnalyzer{})
				for _, h := range ix.Search(q, index.Options{Limit: 300}).Hits {
					r.Text(h.Doc)
					r.Document(h.ID)
				}
			}
		}()
	}
}

// downgrade rewrites every segment of the archive in dir in format 3 (no
// stored word forms), the last section dropped, as archives made before
// the forms were.
func downgrade(t *testing.T, dir string) {
	t.Helper()
	db, err := openDB(filepath.Join(dir, DBFile), false, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bSegs)
		segs := map[string][]byte{}
		b.ForEach(func(k, v []byte) error {
			segs[string(k)] = slices.Clone(v)
			return nil
		})
		for k, v := range segs {
			const head, nsec = 8 + 12, 13
			offs := make([]uint32, nsec+1)
			for i := range offs {
				offs[i] = binary.LittleEndian.Uint32(v[head+4*i:])
			}
			out := slices.Clone(v[:head])
			out[6] = 3
			for i := 0; i < nsec; i++ { // the 12 sections' starts and the 12th's end
				out = binary.LittleEndian.AppendUint32(out, offs[i]-4)
			}
			out = append(out, v[offs[0]:offs[nsec-1]]...)
			if err := b.Put([]byte(k), out); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestFormat3Archive: an archive whose segments predate the stored word
// forms is searched as before, and Optimize rewrites its one segment in
// the current format.
func TestFormat3Archive(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "db")
	a, err := Open(dir, OpenOptions{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		if err := a.Commit([]Record{record(fmt.Sprint("d", i), "خبر عن القاهرة رقم", uint64(i))}); err != nil {
			t.Fatal(err)
		}
	}
	if err := a.Optimize(); err != nil {
		t.Fatal(err)
	}
	a.Close()
	downgrade(t, dir)
	formats := func() []int {
		r, err := Open(dir, OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		ix, err := r.Index()
		if err != nil {
			t.Fatal(err)
		}
		var out []int
		for _, s := range ix.Segments() {
			out = append(out, s.Format())
		}
		return out
	}
	if f := formats(); fmt.Sprint(f) != "[3]" {
		t.Fatalf("formats after downgrade %v", f)
	}
	if n := len(search(t, dir, "القاهرة")); n != 3 {
		t.Errorf("format 3: القاهرة finds %d", n)
	}
	a, err = Open(dir, OpenOptions{Write: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Optimize(); err != nil {
		t.Fatal(err)
	}
	a.Close()
	if f := formats(); fmt.Sprint(f) != fmt.Sprint([]int{index.SegmentFormat}) {
		t.Errorf("formats after optimize %v", f)
	}
	if n := len(search(t, dir, "القاهرة")); n != 3 {
		t.Errorf("rewritten: القاهرة finds %d", n)
	}
}

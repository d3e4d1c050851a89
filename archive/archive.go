// Package archive keeps Khabar's archive of analysed articles in one data
// directory: the documents with their annotations, their text, and the
// search index, all in one bbolt file (khabar.db), so that every batch of
// articles is stored in one ACID transaction together with its index
// segment. A process killed at any moment leaves the archive as of its last
// committed batch: never a document without its index entries or the
// reverse.
//
// One process writes at a time: a writer holds an exclusive lock on the
// directory's LOCK file for its whole run, and a second writer is refused
// with ErrLocked. Readers open the database read-only and see the last
// committed state; a writer waits for them (they are short) before each
// commit.
package archive

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	bolt "go.etcd.io/bbolt"

	"khabar"
	"khabar/dedup"
	"khabar/index"
	"khabar/render"
)

// Format is written into every archive; an archive of another format is
// refused rather than misread.
const Format = "khabar-archive/1"

// DBFile and LockFile are the names of the files of an archive directory.
const (
	DBFile   = "khabar.db"
	LockFile = "LOCK"
)

// Errors of Open, each wrapped with the directory and the cause.
var (
	ErrNoArchive  = errors.New("no archive here")
	ErrNotArchive = errors.New("not a khabar archive")
	ErrCorrupt    = errors.New("archive is corrupt")
	ErrVersion    = errors.New("archive of another format version")
	ErrLocked     = errors.New("archive is being written by another process")
	ErrBusy       = errors.New("archive is busy")
)

var (
	bMeta = []byte("meta")
	bDocs = []byte("docs") // id -> docRecord
	bText = []byte("text") // doc number -> title NUL text
	bSegs = []byte("segs") // base doc number -> segment
	bDel  = []byte("del")  // doc number -> empty: superseded documents
	bSigs = []byte("sigs") // doc number -> near-duplicate signature
	bDups = []byte("dups") // doc number -> number of the article it copies
	kFmt  = []byte("format")
	kNext = []byte("next")
	kKeys = []byte("keys")
)

// Archive is an open archive.
type Archive struct {
	dir   string
	path  string
	write bool
	lock  *os.File
	db    *bolt.DB // readers: open for the Archive's life
	tx    *bolt.Tx // readers: the snapshot they read
	ix    *index.Index
	keys  string // the key analyzer the archive is made with
	// Writers only: the next document number and the segments, kept in
	// memory since no other process writes.
	next uint32
	segs []segInfo
	// MergeFactor segments of one size class are merged into one.
	MergeFactor int
	// finder marks wire copies at commit; built from the stored
	// signatures on the first commit.
	finder *dedup.Finder
}

// DuplicateThreshold is the least estimated similarity of two articles'
// word shingles for ingest to mark one a copy of the other.
const DuplicateThreshold = 0.8

type segInfo struct {
	base, ndocs uint32
	old         bool // of an older segment format than index.SegmentFormat
}

// OpenOptions say how to open.
type OpenOptions struct {
	// Write opens for writing, creating the archive if the directory is
	// absent or empty.
	Write bool
	// Wait is how long a reader waits for a writer's commit to end (and a
	// writer for readers); default 10 s.
	Wait time.Duration
	// Keys names the key analyzer of a new archive (KeysMorph when empty);
	// when it is set, a writer opening an existing archive made with
	// another is refused.
	Keys string
}

// Open opens the archive in dir.
func Open(dir string, opt OpenOptions) (a *Archive, err error) {
	defer recoverCorrupt(dir, &err)
	if opt.Wait == 0 {
		opt.Wait = 10 * time.Second
	}
	a = &Archive{dir: dir, path: filepath.Join(dir, DBFile), write: opt.Write, MergeFactor: 8}
	if err := a.check(opt.Write); err != nil {
		return nil, err
	}
	if opt.Write {
		if err := a.lockDir(); err != nil {
			return nil, err
		}
		// Create or check the database now, so that a bad archive is
		// refused before any work is done.
		if err := a.update(opt.Wait, func(tx *bolt.Tx) error {
			keys := opt.Keys
			if keys == "" {
				keys = KeysMorph
			}
			if err := initDB(tx, keys); err != nil {
				return err
			}
			if a.keys = string(tx.Bucket(bMeta).Get(kKeys)); opt.Keys != "" && a.keys != opt.Keys {
				return fmt.Errorf("%w: the archive is indexed with %s keys, not %s; ingest into a new directory", ErrVersion, a.keys, opt.Keys)
			}
			return a.loadWriterState(tx)
		}); err != nil {
			a.unlock()
			return nil, err
		}
		return a, nil
	}
	db, err := openDB(a.path, true, opt.Wait)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	a.db = db
	tx, err := db.Begin(false)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	a.tx = tx
	if err := checkFormat(tx); err != nil {
		a.Close()
		return nil, fmt.Errorf("%s: %w", dir, err)
	}
	a.keys = string(tx.Bucket(bMeta).Get(kKeys))
	return a, nil
}

// check refuses a missing directory (for readers) and a directory that
// holds something other than an archive.
func (a *Archive) check(write bool) error {
	ents, err := os.ReadDir(a.dir)
	if errors.Is(err, fs.ErrNotExist) {
		if !write {
			return fmt.Errorf("%s: %w (run khabar ingest --db %s first)", a.dir, ErrNoArchive, a.dir)
		}
		return os.MkdirAll(a.dir, 0o755)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", a.dir, err)
	}
	hasDB := false
	var others []string
	for _, e := range ents {
		switch e.Name() {
		case DBFile:
			hasDB = true
		case LockFile:
		default:
			others = append(others, e.Name())
		}
	}
	if !hasDB {
		if len(others) > 0 {
			return fmt.Errorf("%s: %w: it holds %s but no %s; give an empty or new directory", a.dir, ErrNotArchive, others[0], DBFile)
		}
		if !write {
			return fmt.Errorf("%s: %w (run khabar ingest --db %s first)", a.dir, ErrNoArchive, a.dir)
		}
	}
	return nil
}

func (a *Archive) lockDir() error {
	f, err := os.OpenFile(filepath.Join(a.dir, LockFile), os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return fmt.Errorf("%s: %w", a.dir, err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		holder, _ := io.ReadAll(io.LimitReader(f, 64))
		f.Close()
		who := strings.TrimSpace(string(holder))
		if who != "" {
			who = " (process " + who + ")"
		}
		return fmt.Errorf("%s: %w%s; wait for it to finish", a.dir, ErrLocked, who)
	}
	f.Truncate(0)
	f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
	a.lock = f
	return nil
}

func (a *Archive) unlock() {
	if a.lock != nil {
		a.lock.Truncate(0)
		syscall.Flock(int(a.lock.Fd()), syscall.LOCK_UN)
		a.lock.Close()
		a.lock = nil
	}
}

func openDB(path string, readOnly bool, wait time.Duration) (*bolt.DB, error) {
	db, err := bolt.Open(path, 0o644, &bolt.Options{ReadOnly: readOnly, Timeout: wait, FreelistType: bolt.FreelistMapType})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, bolt.ErrTimeout):
		return nil, fmt.Errorf("%w: another process held it for %v; try again", ErrBusy, wait)
	case errors.Is(err, bolt.ErrInvalid), errors.Is(err, bolt.ErrVersionMismatch):
		return nil, fmt.Errorf("%w: %s is not a database this khabar can read (%v)", ErrNotArchive, DBFile, err)
	case errors.Is(err, bolt.ErrChecksum), errors.Is(err, bolt.ErrInvalidMapping):
		return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, DBFile, err)
	}
	return nil, fmt.Errorf("%w: %s: %v", ErrCorrupt, DBFile, err)
}

// recoverCorrupt turns a panic of the storage layer on a damaged file into
// an error: bbolt trusts its pages and may panic on garbage.
func recoverCorrupt(dir string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: %w: %v", dir, ErrCorrupt, r)
	}
}

func initDB(tx *bolt.Tx, keys string) error {
	meta := tx.Bucket(bMeta)
	if meta == nil {
		if tx.Bucket(bDocs) != nil || tx.Bucket(bSegs) != nil {
			return fmt.Errorf("%w: the database has no format record", ErrNotArchive)
		}
		if c := tx.Cursor(); func() bool { k, _ := c.First(); return k != nil }() {
			return fmt.Errorf("%w: the database holds buckets of another program", ErrNotArchive)
		}
		var err error
		if meta, err = tx.CreateBucket(bMeta); err != nil {
			return err
		}
		if err := meta.Put(kFmt, []byte(Format)); err != nil {
			return err
		}
		if err := meta.Put(kKeys, []byte(keys)); err != nil {
			return err
		}
		for _, b := range [][]byte{bDocs, bText, bSegs, bDel, bSigs} {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
	}
	return checkFormat(tx)
}

func checkFormat(tx *bolt.Tx) error {
	meta := tx.Bucket(bMeta)
	if meta == nil {
		return fmt.Errorf("%w: the database has no format record", ErrNotArchive)
	}
	f := string(meta.Get(kFmt))
	if f != Format {
		if strings.HasPrefix(f, "khabar-archive/") {
			return fmt.Errorf("%w: it is %s, this khabar reads %s", ErrVersion, f, Format)
		}
		return fmt.Errorf("%w: format record %q", ErrNotArchive, f)
	}
	for _, b := range [][]byte{bDocs, bText, bSegs, bDel, bSigs} {
		if tx.Bucket(b) == nil {
			return fmt.Errorf("%w: bucket %s is missing", ErrCorrupt, b)
		}
	}
	switch k := string(meta.Get(kKeys)); k {
	case KeysMorph, KeysSurface:
	default:
		return fmt.Errorf("%w: unknown key analyzer %q", ErrVersion, k)
	}
	return nil
}

// update runs fn in one write transaction of a database opened for it.
func (a *Archive) update(wait time.Duration, fn func(*bolt.Tx) error) (err error) {
	defer recoverCorrupt(a.dir, &err)
	db, err := openDB(a.path, false, wait)
	if err != nil {
		return fmt.Errorf("%s: %w", a.dir, err)
	}
	defer db.Close()
	if err := db.Update(fn); err != nil {
		return fmt.Errorf("%s: %w", a.dir, err)
	}
	return nil
}

// Close releases the archive.
func (a *Archive) Close() error {
	if a.tx != nil {
		a.tx.Rollback()
		a.tx = nil
	}
	var err error
	if a.db != nil {
		err = a.db.Close()
		a.db = nil
	}
	a.unlock()
	return err
}

// Dir is the archive's directory.
func (a *Archive) Dir() string { return a.dir }

// ContentHash identifies the content of an input article, so that a
// resumed or repeated ingest skips what is stored already unchanged.
func ContentHash(fields ...string) uint64 {
	h := fnv.New64a()
	for _, f := range fields {
		h.Write([]byte(f))
		h.Write([]byte{0})
	}
	return h.Sum64()
}

func u32key(n uint32) []byte { return binary.BigEndian.AppendUint32(nil, n) }

// A docs record is the document number (4 bytes), the content hash (8),
// then the document's JSON compressed with DEFLATE. encodeDoc makes all
// but the number, which Commit puts in front.
func encodeDoc(hash uint64, doc *khabar.Document) ([]byte, error) {
	e := encoders.Get().(*docEncoder)
	defer encoders.Put(e)
	e.json = render.AppendJSON(e.json[:0], doc)
	var buf bytes.Buffer
	buf.Grow(12 + len(e.json)/4)
	buf.Write(make([]byte, 4))
	binary.Write(&buf, binary.BigEndian, hash)
	e.zw.Reset(&buf)
	e.zw.Write(e.json)
	if err := e.zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// docEncoder holds what encoding a document needs, reused: a DEFLATE
// writer allocates about a megabyte of state.
type docEncoder struct {
	json []byte
	zw   *flate.Writer
}

var encoders = sync.Pool{New: func() any {
	zw, _ := flate.NewWriter(io.Discard, flate.BestSpeed)
	return &docEncoder{zw: zw}
}}

func decodeDoc(rec []byte) (*khabar.Document, error) {
	if len(rec) < 12 {
		return nil, fmt.Errorf("%w: short document record", ErrCorrupt)
	}
	zr := flate.NewReader(bytes.NewReader(rec[12:]))
	defer zr.Close()
	var doc khabar.Document
	if err := json.NewDecoder(zr).Decode(&doc); err != nil {
		return nil, fmt.Errorf("%w: document record: %v", ErrCorrupt, err)
	}
	return &doc, nil
}

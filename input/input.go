// Package input reads the articles that analyze and ingest take: plain text
// files, directories of them, JSON Lines files (optionally gzipped) with one
// article a line, and standard input. It streams: a JSON Lines file of any
// size is read a line at a time, never held whole.
//
// Bad input is reported, never fatal: a file that is binary or not UTF-8, or
// a malformed line, becomes an *Error naming the file and line, and reading
// goes on with the next document.
package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Article is one raw document as read, before analysis.
type Article struct {
	ID       string
	Text     string
	Date     string // as given by the input, not validated here
	Title    string
	URL      string
	Source   string // the outlet, when the input names it
	Category string
	// Path and Line say where the article was read from (Line is 0 for a
	// whole file).
	Path string
	Line int
}

// Error is a problem with one input: a file or a line of it.
type Error struct {
	Path string // "-" for standard input
	Line int    // 0 when the problem is with the whole file
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Reasons for skipping an input.
var (
	ErrBinary     = errors.New("binary content (NUL bytes), skipped")
	ErrNotUTF8    = errors.New("not valid UTF-8, skipped")
	ErrNoText     = errors.New(`no "text" field`)
	ErrLineTooBig = errors.New("line longer than the limit")
)

// MaxLineBytes bounds one JSON Lines record (one article).
const MaxLineBytes = 64 << 20

// MaxFileBytes bounds a plain text file read as one article.
const MaxFileBytes = 256 << 20

// Reader walks inputs in order and hands each article to a callback.
type Reader struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Report gets every skipped input; reading goes on after it.
	Report func(*Error)
	// MaxLine bounds one JSON Lines record; 0 means MaxLineBytes.
	MaxLine int
}

// Walk reads each path in order: "-" is standard input, a directory is read
// recursively for *.txt, *.jsonl and *.jsonl.gz files in lexical order, a
// .jsonl or .jsonl.gz file is one article a line, any other file is one
// article. emit is called in input order; an error from emit stops the walk
// and is returned. Problems with inputs go to Report and do not stop it.
func (r *Reader) Walk(paths []string, emit func(Article) error) error {
	for _, p := range paths {
		if err := r.walkPath(p, true, emit); err != nil {
			return err
		}
	}
	return nil
}

func (r *Reader) report(e *Error) {
	if r.Report != nil {
		r.Report(e)
	}
}

func (r *Reader) walkPath(p string, explicit bool, emit func(Article) error) error {
	if p == "-" {
		return r.readStream("-", r.Stdin, emit)
	}
	info, err := os.Stat(p)
	if err != nil {
		r.report(&Error{Path: p, Err: err})
		return nil
	}
	if info.IsDir() {
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				r.report(&Error{Path: path, Err: err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if !d.IsDir() && isArticleFile(path) {
				files = append(files, path)
			}
			return nil
		})
		if werr != nil {
			r.report(&Error{Path: p, Err: werr})
		}
		sort.Strings(files)
		for _, f := range files {
			if err := r.walkPath(f, false, emit); err != nil {
				return err
			}
		}
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		r.report(&Error{Path: p, Err: err})
		return nil
	}
	defer f.Close()
	switch {
	case strings.HasSuffix(p, ".jsonl.gz") || strings.HasSuffix(p, ".ndjson.gz"):
		zr, err := gzip.NewReader(f)
		if err != nil {
			r.report(&Error{Path: p, Err: fmt.Errorf("not a gzip file: %w", err)})
			return nil
		}
		defer zr.Close()
		return r.readJSONL(p, zr, emit)
	case strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".ndjson"):
		return r.readJSONL(p, f, emit)
	}
	return r.readWhole(p, f, emit)
}

func isArticleFile(path string) bool {
	for _, ext := range [...]string{".txt", ".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"} {
		if strings.HasSuffix(path, ext) {
			return true
		}
	}
	return false
}

// readStream reads standard input: JSON Lines when its first non-space byte
// is '{', else one article.
func (r *Reader) readStream(name string, rd io.Reader, emit func(Article) error) error {
	if rd == nil {
		r.report(&Error{Path: name, Err: errors.New("no standard input")})
		return nil
	}
	br := bufio.NewReaderSize(rd, 64<<10)
	// Peek past leading white space (up to the buffer) for a '{'.
	peek, _ := br.Peek(4096)
	if trim := bytes.TrimLeft(peek, " \t\r\n"); len(trim) > 0 && trim[0] == '{' {
		return r.readJSONL(name, br, emit)
	}
	return r.readWhole(name, br, emit)
}

func (r *Reader) readWhole(name string, rd io.Reader, emit func(Article) error) error {
	data, err := io.ReadAll(io.LimitReader(rd, MaxFileBytes+1))
	if err != nil {
		r.report(&Error{Path: name, Err: err})
		return nil
	}
	if len(data) > MaxFileBytes {
		r.report(&Error{Path: name, Err: fmt.Errorf("larger than %d MB as one article; give large inputs as JSON Lines", MaxFileBytes>>20)})
		return nil
	}
	text, err := CleanText(data)
	if err != nil {
		r.report(&Error{Path: name, Err: err})
		return nil
	}
	a := Article{Text: text, Path: name}
	if name != "-" {
		a.ID = strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	}
	return emit(a)
}

// CleanText checks that data is text and returns it as the contract wants
// it: valid UTF-8, a leading byte-order mark dropped, CRLF turned into LF.
func CleanText(data []byte) (string, error) {
	if bytes.IndexByte(data, 0) >= 0 {
		return "", ErrBinary
	}
	if !utf8.Valid(data) {
		return "", ErrNotUTF8
	}
	return normalizeText(string(data)), nil
}

func normalizeText(s string) string {
	s = strings.TrimPrefix(s, "\uFEFF")
	if strings.Contains(s, "\r\n") {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	return s
}

// jsonArticle is one JSON Lines record. The ANT corpus names its fields
// docno and src; both spellings are read.
type jsonArticle struct {
	ID       *json.RawMessage `json:"id"`
	DocNo    string           `json:"docno"`
	Text     *string          `json:"text"`
	Date     string           `json:"date"`
	Title    string           `json:"title"`
	URL      string           `json:"url"`
	Source   string           `json:"source"`
	Src      string           `json:"src"`
	Category string           `json:"category"`
	Cat      string           `json:"cat"`
}

func (r *Reader) readJSONL(name string, rd io.Reader, emit func(Article) error) error {
	br := bufio.NewReaderSize(rd, 1<<20)
	line := 0
	maxLine := r.MaxLine
	if maxLine <= 0 {
		maxLine = MaxLineBytes
	}
	var buf []byte
	for {
		buf = buf[:0]
		tooBig := false
		var err error
		for {
			var chunk []byte
			chunk, err = br.ReadSlice('\n')
			if tooBig || len(buf)+len(chunk) > maxLine {
				tooBig = true
				buf = buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if len(buf) == 0 && err != nil && !tooBig {
			if err != io.EOF {
				r.report(&Error{Path: name, Line: line + 1, Err: err})
			}
			return nil
		}
		line++
		if tooBig {
			r.report(&Error{Path: name, Line: line, Err: fmt.Errorf("%w (%d bytes)", ErrLineTooBig, maxLine)})
		} else if a, ok := r.parseLine(name, line, buf); ok {
			if eerr := emit(a); eerr != nil {
				return eerr
			}
		}
		if err != nil {
			if err != io.EOF {
				r.report(&Error{Path: name, Line: line, Err: err})
			}
			return nil
		}
	}
}

func (r *Reader) parseLine(name string, line int, raw []byte) (Article, bool) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return Article{}, false
	}
	if !utf8.Valid(raw) {
		r.report(&Error{Path: name, Line: line, Err: ErrNotUTF8})
		return Article{}, false
	}
	var j jsonArticle
	if err := json.Unmarshal(raw, &j); err != nil {
		r.report(&Error{Path: name, Line: line, Err: fmt.Errorf("malformed JSON: %w", err)})
		return Article{}, false
	}
	if j.Text == nil {
		r.report(&Error{Path: name, Line: line, Err: ErrNoText})
		return Article{}, false
	}
	a := Article{
		Text: normalizeText(*j.Text), Date: j.Date, Title: j.Title, URL: j.URL,
		Source: first(j.Source, j.Src), Category: first(j.Category, j.Cat),
		Path: name, Line: line,
	}
	if j.ID != nil {
		id, err := idString(*j.ID)
		if err != nil {
			r.report(&Error{Path: name, Line: line, Err: fmt.Errorf(`field "id": %w`, err)})
			return Article{}, false
		}
		a.ID = id
	}
	if a.ID == "" {
		a.ID = j.DocNo
	}
	return a, true
}

// idString accepts a string or a number as an id.
func idString(raw json.RawMessage) (string, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	if string(raw) == "null" {
		return "", nil
	}
	return "", errors.New("must be a string or a number")
}

func first(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

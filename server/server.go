// Package server serves a Khabar archive over HTTP from one binary: a JSON
// API (analyse, ingest, search, documents, entities, stories; described by
// the OpenAPI file it serves at /api/openapi.yaml) and a right-to-left web
// UI rendered with html/template, so that everything taken from the archive
// is escaped. The web assets (templates, style sheet, the Amiri font) are
// embedded with go:embed.
//
// A Server is built from an archive directory and an analyser passed in;
// it keeps no global state. It reads the archive through a read-only
// snapshot and, for an ingest, closes it, commits as the archive's one
// writer and opens a fresh snapshot, so that searches never see half a
// batch.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"khabar/analysis"
	"khabar/archive"
)

//go:embed web
var webFS embed.FS

// Config says what a Server serves and within which limits.
type Config struct {
	// Dir is the archive directory; an absent or empty one is created.
	Dir string
	// Analyzer analyses texts for /api/analyze, /analyze and ingest.
	Analyzer *analysis.Analyzer
	// Token guards the write endpoints; empty disables them (they answer
	// 401), so that a server started without one is read-only.
	Token string
	// MaxBody bounds a request body in bytes; 8 MiB when 0.
	MaxBody int64
	// MaxAnalyses bounds the analyses running at once; GOMAXPROCS when 0.
	MaxAnalyses int
	// AnalyzeWait is how long a request waits for an analysis slot
	// before it is answered 503; 10 s when 0.
	AnalyzeWait time.Duration
	// MaxIngest bounds the articles of one ingest request; 1000 when 0.
	MaxIngest int
	// StoryDelay is how long a new snapshot of the archive waits before its
	// stories are clustered (so that a burst of ingests clusters once); 1 s
	// when 0, none when negative.
	StoryDelay time.Duration
	// SearchCache is how many encoded /api/search answers are kept until
	// the next ingest; 4096 when 0, none when negative.
	SearchCache int
	// Log gets one line per failed request; nil discards.
	Log *log.Logger
	// hooks let tests widen the windows of background work; nil outside
	// tests.
	hooks *testHooks
}

// Server is the HTTP handler of an archive.
type Server struct {
	cfg   Config
	mux   *http.ServeMux
	pages map[string]*template.Template
	sem   chan struct{}
	// searches bounds the searches computed at once to the cores: a search
	// is all CPU, and with more at once than cores the Go scheduler slices
	// them, so that a long one (facets over 14,000 matches) waits through
	// hundreds of others' turns. Waiting in line instead cuts the slowest
	// answers under load (see BENCHMARKS.md). The line is first come,
	// first served, for cached answers too (apiSearch).
	searches chan struct{}

	mu   sync.RWMutex // held for reading while a request uses snap
	snap *snapshot

	writeMu sync.Mutex        // one ingest at a time
	known   map[string]uint64 // content hashes of stored ids, loaded at the first ingest

	// Searches of /api/search answered from the answer cache and
	// computed, since the start (for /healthz and load tests).
	cacheHits, cacheMisses atomic.Int64
}

// SearchCacheStats returns how many /api/search answers came from the
// answer cache and how many were computed since the server started.
func (s *Server) SearchCacheStats() (hits, misses int64) {
	return s.cacheHits.Load(), s.cacheMisses.Load()
}

// New opens the archive in cfg.Dir and returns its server. Close it.
func New(cfg Config) (*Server, error) {
	if cfg.Analyzer == nil {
		return nil, errors.New("server: no analyzer")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 8 << 20
	}
	if cfg.MaxAnalyses <= 0 {
		cfg.MaxAnalyses = runtime.GOMAXPROCS(0)
	}
	if cfg.AnalyzeWait <= 0 {
		cfg.AnalyzeWait = 10 * time.Second
	}
	if cfg.MaxIngest <= 0 {
		cfg.MaxIngest = 1000
	}
	switch {
	case cfg.StoryDelay == 0:
		cfg.StoryDelay = time.Second
	case cfg.StoryDelay < 0:
		cfg.StoryDelay = 0
	}
	if cfg.SearchCache == 0 {
		cfg.SearchCache = 4096
	}
	if cfg.Log == nil {
		cfg.Log = log.New(io.Discard, "", 0)
	}
	s := &Server{cfg: cfg, sem: make(chan struct{}, cfg.MaxAnalyses), searches: make(chan struct{}, runtime.GOMAXPROCS(0))}
	pages, err := parsePages()
	if err != nil {
		return nil, err
	}
	s.pages = pages
	snap, err := openSnapshot(cfg.Dir, cfg.SearchCache)
	if errors.Is(err, archive.ErrNoArchive) {
		// A new directory: create the archive so that it can be served
		// (empty) and filled through the API.
		var w *archive.Archive
		if w, err = archive.Open(cfg.Dir, archive.OpenOptions{Write: true}); err == nil {
			w.Close()
			snap, err = openSnapshot(cfg.Dir, cfg.SearchCache)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	s.snap = snap
	go s.clusterStories(snap)
	go s.gatherDisplayNames(snap)
	s.routes()
	return s, nil
}

// Close closes the archive. Requests must have ended.
func (s *Server) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.snap == nil {
		return nil
	}
	err := s.snap.close()
	s.snap = nil
	return err
}

func (s *Server) routes() {
	m := http.NewServeMux()
	static, _ := fs.Sub(webFS, "web")
	files := http.FileServerFS(static)
	m.Handle("GET /static/", cacheFor(24*time.Hour, files))
	m.Handle("GET /fonts/", cacheFor(7*24*time.Hour, files))
	m.HandleFunc("GET /api/openapi.yaml", func(w http.ResponseWriter, r *http.Request) {
		b, _ := webFS.ReadFile("web/openapi.yaml")
		w.Header().Set("Content-Type", "application/yaml; charset=utf-8")
		w.Write(b)
	})
	api := map[string]struct {
		method string
		h      http.HandlerFunc
	}{
		"/healthz":           {"GET", s.apiHealth},
		"/api/analyze":       {"POST", s.apiAnalyze},
		"/api/ingest":        {"POST", s.requireToken(s.apiIngest)},
		"/api/search":        {"GET", s.apiSearch},
		"/api/docs/{id}":     {"GET", s.apiDoc},
		"/api/entities":      {"GET", s.apiEntities},
		"/api/entities/{id}": {"GET", s.apiEntity},
		"/api/stories":       {"GET", s.apiStories},
		"/api/":              {"", nil},
	}
	for pat, e := range api {
		if e.h == nil {
			m.HandleFunc(pat, func(w http.ResponseWriter, r *http.Request) {
				jsonError(w, http.StatusNotFound, "no such endpoint: %s %s (see /api/openapi.yaml)", r.Method, r.URL.Path)
			})
			continue
		}
		m.HandleFunc(pat, allow(e.method, e.h))
	}
	m.HandleFunc("GET /{$}", s.pageSearch)
	m.HandleFunc("GET /search", s.pageSearch)
	m.HandleFunc("GET /docs/{id}", s.pageDoc)
	m.HandleFunc("GET /entities", s.pageEntities)
	m.HandleFunc("GET /entities/{id}", s.pageEntity)
	m.HandleFunc("GET /stories", s.pageStories)
	m.HandleFunc("GET /analyze", s.pageAnalyze)
	m.HandleFunc("POST /analyze", s.pageAnalyze)
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.pageError(w, r, http.StatusNotFound, "لا توجد صفحة بهذا العنوان")
	})
	s.mux = m
}

// ServeHTTP implements http.Handler: it bounds the request body and sets
// the headers every answer carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h["X-Content-Type-Options"] = headerNosniff
	h["Referrer-Policy"] = headerNoReferrer
	if r.ContentLength > s.cfg.MaxBody {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			jsonError(w, http.StatusRequestEntityTooLarge, "request body of %d bytes is over the limit of %d", r.ContentLength, s.cfg.MaxBody)
		} else {
			s.pageError(w, r, http.StatusRequestEntityTooLarge, "النص أطول من الحد المسموح به")
		}
		return
	}
	if r.Body != nil && r.Body != http.NoBody {
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	}
	s.mux.ServeHTTP(w, r)
}

// HTTPServer returns an http.Server for s on addr with timeouts that keep
// slow or stuck clients from holding connections.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          s.cfg.Log,
	}
}

// Serve serves hs on ln until ctx is done, then shuts down gracefully:
// it stops accepting, lets the requests in flight finish for up to grace,
// and returns. A nil error means a clean shutdown.
func Serve(ctx context.Context, hs *http.Server, ln net.Listener, grace time.Duration) error {
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	err := hs.Shutdown(sctx)
	if e := <-errc; e != nil && !errors.Is(e, http.ErrServerClosed) && err == nil {
		err = e
	}
	return err
}

// view runs fn with the current snapshot, which stays open until fn
// returns.
func (s *Server) view(fn func(*snapshot)) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.snap == nil {
		return false
	}
	fn(s.snap)
	return true
}

// acquire takes an analysis slot, waiting at most AnalyzeWait; false means
// the server is saturated or the client went away.
func (s *Server) acquire(ctx context.Context) bool {
	select {
	case s.sem <- struct{}{}:
		return true
	default:
	}
	t := time.NewTimer(s.cfg.AnalyzeWait)
	defer t.Stop()
	select {
	case s.sem <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (s *Server) release() { <-s.sem }

// requireToken answers 401 unless the request carries the server's token
// as "Authorization: Bearer T" or "X-Khabar-Token: T".
func (s *Server) requireToken(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="khabar"`)
			jsonError(w, http.StatusUnauthorized, "writing is disabled: the server was started without --token or KHABAR_TOKEN")
			return
		}
		got := r.Header.Get("X-Khabar-Token")
		if a := r.Header.Get("Authorization"); got == "" && len(a) > 7 && strings.EqualFold(a[:7], "bearer ") {
			got = strings.TrimSpace(a[7:])
		}
		if subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="khabar"`)
			jsonError(w, http.StatusUnauthorized, "a valid token is required (Authorization: Bearer TOKEN)")
			return
		}
		h(w, r)
	}
}

// allow answers 405 in JSON to other methods than method (GET also
// admits HEAD).
func allow(method string, h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != method && !(method == "GET" && r.Method == "HEAD") {
			w.Header().Set("Allow", method)
			jsonError(w, http.StatusMethodNotAllowed, "method %s not allowed; use %s", r.Method, method)
			return
		}
		h(w, r)
	}
}

func cacheFor(d time.Duration, h http.Handler) http.Handler {
	v := fmt.Sprintf("public, max-age=%d", int(d.Seconds()))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", v)
		h.ServeHTTP(w, r)
	})
}

// apiError is the body of every error answer of the API.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func jsonError(w http.ResponseWriter, status int, format string, args ...any) {
	writeJSON(w, status, apiError{Error: fmt.Sprintf(format, args...), Status: status})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"cannot encode the answer","status":500}`)
	}
	writeRawJSON(w, status, b)
}

// Header values set on every answer, shared (net/http never changes them)
// so that the hot path of cached searches allocates less.
var (
	headerNosniff    = []string{"nosniff"}
	headerNoReferrer = []string{"no-referrer"}
	headerJSON       = []string{"application/json; charset=utf-8"}
	newline          = []byte{'\n'}
)

func writeRawJSON(w http.ResponseWriter, status int, b []byte) {
	w.Header()["Content-Type"] = headerJSON
	// A length, so that the answer goes out in one piece, not chunked.
	w.Header()["Content-Length"] = []string{strconv.Itoa(len(b) + len(newline))}
	w.WriteHeader(status)
	// b may be a cached answer shared by requests: never append to it.
	w.Write(b)
	w.Write(newline)
}

// bodyError answers the error of reading a request body: 413 when it is
// over the limit, 400 otherwise.
func bodyError(w http.ResponseWriter, err error) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		jsonError(w, http.StatusRequestEntityTooLarge, "request body is over the limit of %d bytes", mb.Limit)
		return
	}
	jsonError(w, http.StatusBadRequest, "cannot read the request body: %v", err)
}

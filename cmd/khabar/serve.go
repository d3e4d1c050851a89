package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"
	"time"

	"khabar/server"
)

func init() {
	register(verb{
		name:    "serve",
		summary: "serve an archive over HTTP: JSON API and right-to-left web UI (--db DIR --addr HOST:PORT)",
		run:     runServe,
	})
}

func runServe(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve", stderr)
	db := fs.String("db", "", "archive `DIR` (created empty when absent)")
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	token := fs.String("token", "", "token the write endpoints (POST /api/ingest) require; default $KHABAR_TOKEN; none: read-only")
	maxBody := fs.Int64("max-body", 8<<20, "largest request body in `bytes`")
	analyses := fs.Int("analyses", 0, "analyses run at once (0: one per CPU)")
	grace := fs.Duration("grace", 30*time.Second, "how long a shutdown waits for requests in flight")
	cache := fs.Int("search-cache", 4096, "search answers kept until the next ingest (0: none)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: khabar serve --db DIR [--addr HOST:PORT] [--token T]\n\nServes the web UI at / and the JSON API under /api/ (described at\n/api/openapi.yaml). SIGTERM or SIGINT stops it after the requests in flight.\n\nFlags:")
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if *db == "" || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	if *token == "" {
		*token = os.Getenv("KHABAR_TOKEN")
	}
	an, err := newAnalyzer()
	if err != nil {
		fmt.Fprintf(stderr, "khabar serve: %v\n", err)
		return 1
	}
	tuneGC()
	logger := log.New(stderr, "khabar serve: ", log.LstdFlags)
	srv, err := server.New(server.Config{Dir: *db, Analyzer: an, Token: *token, MaxBody: *maxBody, MaxAnalyses: *analyses, SearchCache: cacheSize(*cache), Log: logger})
	if err != nil {
		fmt.Fprintf(stderr, "khabar serve: %v\n", err)
		return 1
	}
	defer srv.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "khabar serve: %v\n", err)
		return 1
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	mode := "read-only (no --token)"
	if *token != "" {
		mode = "ingest enabled"
	}
	logger.Printf("serving %s on http://%s/ (%s)", *db, ln.Addr(), mode)
	go func() {
		start := time.Now()
		srv.Warm(ctx)
		if ctx.Err() == nil {
			logger.Printf("stories clustered in %v", time.Since(start).Round(time.Millisecond))
		}
	}()
	if err := server.Serve(ctx, srv.HTTPServer(*addr), ln, *grace); err != nil {
		logger.Printf("%v", err)
		return 1
	}
	logger.Printf("stopped")
	return 0
}

// cacheSize maps the flag (0: none) to server.Config.SearchCache (0:
// default, negative: none).
func cacheSize(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// tuneGC lets the heap grow to five times the live data between
// collections unless GOGC says otherwise: a server keeps a few hundred MB
// of archive tables live, and with the default a collection runs every
// second or two under load, its mark assists adding tens of milliseconds
// to the slowest requests (see server/BENCHMARKS.md).
func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
}

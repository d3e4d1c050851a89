package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"time"

	"khabar/internal/benchquery"
	"khabar/server"
)

func init() {
	register(verb{
		name:    "bench http",
		summary: "load-test the search API on loopback: N connections, latency percentiles and errors",
		run:     runBenchHTTP,
	})
}

func runBenchHTTP(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench http", stderr)
	db := fs.String("db", "", "archive `DIR` to serve in process on 127.0.0.1 (or give --url)")
	target := fs.String("url", "", "base `URL` of a running khabar serve on loopback (instead of --db)")
	serverPID := fs.Int("server-pid", 0, "with --url: process id of the server, to report its CPU time per request")
	conns := fs.Int("c", 200, "concurrent connections")
	dur := fs.Duration("d", 20*time.Second, "how long to send requests")
	warm := fs.Duration("warmup", 2*time.Second, "requests sent first and not counted")
	rate := fs.Float64("rate", 0, "requests per second in all (paced, latency from the scheduled time); 0: each connection sends as soon as the last answer came")
	mix := fs.String("mix", "archive", "requests: archive (made from the archive of --db, or of --mix-db with --url; see -h) or builtin (50 queries in turn)")
	mixDB := fs.String("mix-db", "", "with --url: archive `DIR` to make the archive mix from (the served one)")
	distinct := fs.Int("distinct", 20000, "archive mix: distinct requests")
	zipf := fs.Float64("zipf", 0.9, "archive mix: exponent of the Zipf law the requests are drawn by")
	seed := fs.Uint64("seed", 1, "archive mix: seed of the requests and of the draws")
	writeMixFile := fs.String("write-mix", "", "write the requests of the mix to `FILE` (rank, probability, query, options) and go on")
	queriesFile := fs.String("queries", "", "`FILE` of queries, one a line, sent in turn (instead of --mix)")
	facets := fs.Bool("facets", false, "builtin mix or --queries: ask for facets too")
	n := fs.Int("n", 10, "hits per request")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measured run (server and load generator) to `FILE`")
	memProfile := fs.String("memprofile", "", "write an allocation profile of the measured run to `FILE`")
	cache := fs.Int("cache", 0, "with --db: search answers the server keeps (0: none, so that every request searches)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, `usage: khabar bench http (--db DIR | --url http://127.0.0.1:PORT) [flags]

Sends GET /api/search requests over -c keep-alive connections for -d, and
reports throughput, latency percentiles, errors (any answer but 200, or a
failed request), the answers the server's cache gave, and CPU time per
request. Only loopback addresses are accepted.

The archive mix (default) makes --distinct requests from the archive with
a fixed --seed: two or three title words, one title word, entity names,
names with a word, quoted phrases, -exclusions and +requirements, three in
ten typed with bare alif, final ه and ي; with the search page's options
(seed 1: 57% plain, 15% facets, 23% facets and a source, entity or month
filter, 4% second pages). Each connection draws them by a Zipf law of
exponent --zipf over their rank.

Flags:`)
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if (*db == "") == (*target == "") || *conns < 1 || *dur <= 0 || *distinct < 1 || *zipf < 0 {
		fs.Usage()
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "khabar bench http: %v\n", err)
		return 1
	}
	// reqs are the request targets after "?"; with a zipf table they are
	// drawn by rank, else sent in turn.
	var reqs []string
	var ranks zipfTable
	switch {
	case *queriesFile != "" || *mix == "builtin":
		queries := benchquery.Typed
		if *queriesFile != "" {
			var err error
			if queries, err = readLines(*queriesFile); err != nil || len(queries) == 0 {
				fmt.Fprintf(stderr, "khabar bench http: queries: %v (%d read)\n", err, len(queries))
				return 1
			}
		}
		for _, q := range queries {
			v := url.Values{"q": {q}, "n": {fmt.Sprint(*n)}}
			if *facets {
				v.Set("facets", "true")
			}
			reqs = append(reqs, v.Encode())
		}
		fmt.Fprintf(stdout, "bench http: %d queries in turn, facets %v\n", len(reqs), *facets)
	case *mix == "archive":
		dir := *db
		if dir == "" {
			dir = *mixDB
		}
		if dir == "" {
			fmt.Fprintln(stderr, "khabar bench http: the archive mix needs --db, or --mix-db with --url")
			return 2
		}
		var sum string
		var err error
		reqs, sum, err = archiveMix(dir, mixOptions{distinct: *distinct, seed: *seed, hits: *n, zipf: *zipf})
		if err != nil {
			return fail(err)
		}
		ranks = newZipf(len(reqs), *zipf)
		fmt.Fprint(stdout, sum)
		fmt.Fprintf(stdout, "  the top 10 take %.1f%% of the draws, the top 100 %.1f%%, the top 4096 %.1f%%\n",
			100*ranks.share(9), 100*ranks.share(99), 100*ranks.share(4095))
		if *writeMixFile != "" {
			f, err := os.Create(*writeMixFile)
			if err != nil {
				return fail(err)
			}
			err = writeMix(f, reqs, ranks)
			if e := f.Close(); err == nil {
				err = e
			}
			if err != nil {
				return fail(err)
			}
		}
	default:
		fmt.Fprintf(stderr, "khabar bench http: unknown --mix %q (archive or builtin)\n", *mix)
		return 2
	}
	base := *target
	var srv *server.Server
	if *db != "" {
		an, err := newAnalyzer()
		if err != nil {
			return fail(err)
		}
		tuneGC() // as khabar serve does
		srv, err = server.New(server.Config{Dir: *db, Analyzer: an, SearchCache: cacheSize(*cache)})
		if err != nil {
			return fail(err)
		}
		defer srv.Close()
		// Stories are clustered in the background after opening; the
		// measurement starts after.
		srv.Warm(context.Background())
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fail(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go server.Serve(ctx, srv.HTTPServer(ln.Addr().String()), ln, time.Second)
		base = "http://" + ln.Addr().String()
	}
	u, err := url.Parse(base)
	if err != nil || !isLoopback(u.Hostname()) {
		fmt.Fprintf(stderr, "khabar bench http: %q is not a loopback URL (127.0.0.1, ::1 or localhost)\n", base)
		return 2
	}
	prefix := strings.TrimRight(u.Path, "/") + "/api/search?"
	targets := make([][]byte, len(reqs))
	for i, q := range reqs {
		targets[i] = []byte("GET " + prefix + q + " HTTP/1.1\r\nHost: " + u.Host + "\r\nUser-Agent: khabar-bench\r\n\r\n")
	}
	gen := &loadGen{addr: u.Host, targets: targets, ranks: ranks, seed: *seed, conns: *conns, rate: *rate}
	fmt.Fprintf(stdout, "bench http: %d connections, %v (after %v warm-up), %s, %d hits\n",
		*conns, *dur, *warm, rateString(*rate), *n)
	if *warm > 0 {
		gen.run(*warm)
	}
	var hits0, miss0 int64
	stats := func() (int64, int64, bool) {
		if srv != nil {
			h, m := srv.SearchCacheStats()
			return h, m, true
		}
		return healthStats(base)
	}
	hits0, miss0, haveStats := stats()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return fail(err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fail(err)
		}
	}
	if *memProfile != "" {
		runtime.MemProfileRate = 64 << 10
	}
	cpu0 := processCPU(os.Getpid())
	scpu0 := processCPU(*serverPID)
	res := gen.run(*dur)
	cpu := processCPU(os.Getpid()) - cpu0
	scpu := processCPU(*serverPID) - scpu0
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	if *memProfile != "" {
		f, err := os.Create(*memProfile)
		if err != nil {
			return fail(err)
		}
		err = pprof.Lookup("allocs").WriteTo(f, 0)
		if e := f.Close(); err == nil {
			err = e
		}
		if err != nil {
			return fail(err)
		}
	}
	res.print(stdout, *dur)
	done := len(res.lat) + res.errors
	if done > 0 {
		who := "load generator"
		if srv != nil {
			who = "server and load generator, one process"
		}
		fmt.Fprintf(stdout, "CPU per request: %.0f µs (%s)", float64(cpu.Microseconds())/float64(done), who)
		if *serverPID > 0 {
			fmt.Fprintf(stdout, ", server %.0f µs", float64(scpu.Microseconds())/float64(done))
		}
		fmt.Fprintln(stdout)
	}
	if hits1, miss1, ok := stats(); ok && haveStats {
		h, m := hits1-hits0, miss1-miss0
		if h+m > 0 {
			fmt.Fprintf(stdout, "answer cache: %d of %d searches answered from it (%.1f%%)\n", h, h+m, 100*float64(h)/float64(h+m))
		}
	}
	if l, err := os.ReadFile("/proc/loadavg"); err == nil {
		fmt.Fprintf(stdout, "machine load average after the run: %s", l)
	}
	if res.errors > 0 {
		for msg, c := range res.kinds {
			fmt.Fprintf(stdout, "  %d× %s\n", c, msg)
		}
		return 1
	}
	return 0
}

func rateString(r float64) string {
	if r <= 0 {
		return "closed loop"
	}
	return fmt.Sprintf("paced at %.0f req/s", r)
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func readLines(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if s := strings.TrimSpace(sc.Text()); s != "" && !strings.HasPrefix(s, "#") {
			out = append(out, s)
		}
	}
	return out, sc.Err()
}

type loadResult struct {
	lat    []time.Duration
	errors int
	kinds  map[string]int
}

func (r loadResult) print(w io.Writer, d time.Duration) {
	sort.Slice(r.lat, func(i, j int) bool { return r.lat[i] < r.lat[j] })
	pct := func(p float64) time.Duration {
		if len(r.lat) == 0 {
			return 0
		}
		return r.lat[min(len(r.lat)-1, int(p*float64(len(r.lat))))]
	}
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f ms", float64(d)/1e6) }
	fmt.Fprintf(w, "requests %d  errors %d  throughput %.0f req/s\n", len(r.lat)+r.errors, r.errors, float64(len(r.lat))/d.Seconds())
	fmt.Fprintf(w, "latency p50 %s  p90 %s  p99 %s  max %s\n", ms(pct(0.50)), ms(pct(0.90)), ms(pct(0.99)), ms(pct(1)))
}

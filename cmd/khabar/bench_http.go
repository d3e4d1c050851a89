package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"
	"time"

	"khabar/server"
)

func init() {
	register(verb{
		name:    "bench http",
		summary: "load-test the search API on loopback: N connections, latency percentiles and errors",
		run:     runBenchHTTP,
	})
}

// benchQueries are the default search queries: words, names, phrases and
// operators of the kinds the archive's readers type, some in variant
// spellings.
var benchQueries = []string{
	"سوريا", "ترامب", "النفط", "الأمم المتحدة", `"مجلس الأمن"`, "كأس العالم", "إيران الاتفاق النووي",
	"السعودية", "الامارات", "مصر -السيسي", "بوتين", "الرئيس الأمريكي", "الرئيس الاميركي", "اليمن الحوثيين",
	"العراق الانتخابات", `"البنك المركزي"`, "أسعار الذهب", "الدولار", "كرة القدم", "ريال مدريد برشلونة",
	"محمد صلاح", "فلسطين غزة", "إسرائيل", "تركيا أردوغان", "قطر", "لبنان الحريري", "الجزائر", "المغرب",
	"تونس", "ليبيا حفتر", "كوريا الشمالية", "الصين", "روسيا", "الاتحاد الأوروبي", "بريطانيا بريكست",
	"ألمانيا ميركل", "فرنسا ماكرون", "الهجرة", "الإرهاب داعش", "الاقتصاد النمو", "البورصة", "السياحة",
	"الصحة", "التعليم", "المناخ", "التكنولوجيا", "آبل", "فيسبوك", "الفضاء", "السينما",
}

func runBenchHTTP(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("bench http", stderr)
	db := fs.String("db", "", "archive `DIR` to serve in process on 127.0.0.1 (or give --url)")
	target := fs.String("url", "", "base `URL` of a running khabar serve on loopback (instead of --db)")
	conns := fs.Int("c", 200, "concurrent connections")
	dur := fs.Duration("d", 20*time.Second, "how long to send requests")
	warm := fs.Duration("warmup", 2*time.Second, "requests sent first and not counted")
	rate := fs.Float64("rate", 0, "requests per second in all (paced, latency from the scheduled time); 0: each connection sends as soon as the last answer came")
	queriesFile := fs.String("queries", "", "`FILE` of queries, one a line (default: a built-in list of 50)")
	facets := fs.Bool("facets", false, "ask for facets too")
	n := fs.Int("n", 10, "hits per request")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the measured run (server and load generator) to `FILE`")
	cache := fs.Int("cache", 0, "with --db: search answers the server keeps (0: none, so that every request searches)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: khabar bench http (--db DIR | --url http://127.0.0.1:PORT) [flags]\n\nSends GET /api/search requests with queries drawn in turn from a list over\n-c keep-alive connections for -d, and reports throughput, latency\npercentiles and errors (any answer but 200, or a failed request).\nOnly loopback addresses are accepted.\n\nFlags:")
		fs.PrintDefaults()
	}
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	if (*db == "") == (*target == "") || *conns < 1 || *dur <= 0 {
		fs.Usage()
		return 2
	}
	queries := benchQueries
	if *queriesFile != "" {
		var err error
		if queries, err = readLines(*queriesFile); err != nil || len(queries) == 0 {
			fmt.Fprintf(stderr, "khabar bench http: queries: %v (%d read)\n", err, len(queries))
			return 1
		}
	}
	base := *target
	if *db != "" {
		an, err := newAnalyzer()
		if err != nil {
			fmt.Fprintf(stderr, "khabar bench http: %v\n", err)
			return 1
		}
		tuneGC() // as khabar serve does
		srv, err := server.New(server.Config{Dir: *db, Analyzer: an, SearchCache: cacheSize(*cache)})
		if err != nil {
			fmt.Fprintf(stderr, "khabar bench http: %v\n", err)
			return 1
		}
		defer srv.Close()
		// Stories are clustered in the background after opening; the
		// measurement starts after.
		srv.Warm(context.Background())
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Fprintf(stderr, "khabar bench http: %v\n", err)
			return 1
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
	urls := make([]string, len(queries))
	for i, q := range queries {
		v := url.Values{"q": {q}, "n": {fmt.Sprint(*n)}}
		if *facets {
			v.Set("facets", "true")
		}
		urls[i] = strings.TrimRight(base, "/") + "/api/search?" + v.Encode()
	}
	client := &http.Client{
		Timeout: 30 * time.Second,
		Transport: &http.Transport{
			MaxIdleConns:        *conns,
			MaxIdleConnsPerHost: *conns,
			MaxConnsPerHost:     *conns,
			DisableCompression:  true,
		},
	}
	fmt.Fprintf(stdout, "bench http: %d connections, %v (after %v warm-up), %d queries, %s, facets %v, %d hits\n",
		*conns, *dur, *warm, len(urls), rateString(*rate), *facets, *n)
	if *warm > 0 {
		load(client, urls, *conns, *warm, *rate)
	}
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			fmt.Fprintf(stderr, "khabar bench http: %v\n", err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "khabar bench http: %v\n", err)
			return 1
		}
	}
	res := load(client, urls, *conns, *dur, *rate)
	if *cpuProfile != "" {
		pprof.StopCPUProfile()
	}
	res.print(stdout, *dur)
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

// load sends requests on conns goroutines for d. With rate > 0 each
// connection sends on a schedule (rate/conns a second, randomly offset)
// and latency counts from the scheduled time, so that a stalled server is
// not hidden by fewer requests being sent.
func load(client *http.Client, urls []string, conns int, d time.Duration, rate float64) loadResult {
	var mu sync.Mutex
	all := loadResult{kinds: map[string]int{}}
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for c := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			errs := map[string]int{}
			var interval time.Duration
			next := start
			if rate > 0 {
				interval = time.Duration(float64(conns) / rate * float64(time.Second))
				next = start.Add(time.Duration(rand.Int64N(int64(interval) + 1)))
			}
			for i := c; ; i++ {
				if rate > 0 {
					if w := time.Until(next); w > 0 {
						time.Sleep(w)
					}
				} else {
					next = time.Now()
				}
				if next.After(deadline) {
					break
				}
				resp, err := client.Get(urls[i%len(urls)])
				if err == nil {
					_, err = io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if err == nil && resp.StatusCode != 200 {
						err = fmt.Errorf("status %s", resp.Status)
					}
				}
				if err != nil {
					errs[err.Error()]++
				} else {
					lat = append(lat, time.Since(next))
				}
				next = next.Add(interval)
			}
			mu.Lock()
			all.lat = append(all.lat, lat...)
			for k, v := range errs {
				all.errors += v
				all.kinds[k] += v
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all
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

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// loadGen sends prepared HTTP/1.1 requests over keep-alive connections.
// It speaks just enough HTTP to read an answer (status, Content-Length or
// chunked body) rather than going through net/http's client, whose two
// goroutines and allocations per request would take a good share of the
// two cores the server is measured on.
type loadGen struct {
	addr    string
	targets [][]byte  // whole requests
	ranks   zipfTable // nil: targets in turn
	seed    uint64
	conns   int
	rate    float64 // requests a second in all; 0: closed loop
	round   uint64  // runs so far, so that each run draws anew
}

// run sends requests on g.conns connections for d. With a rate each
// connection sends on a schedule (rate/conns a second, randomly offset)
// and latency counts from the scheduled time, so that a stalled server is
// not hidden by fewer requests being sent.
func (g *loadGen) run(d time.Duration) loadResult {
	g.round++
	var mu sync.Mutex
	all := loadResult{kinds: map[string]int{}}
	start := time.Now()
	deadline := start.Add(d)
	var wg sync.WaitGroup
	for c := range g.conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(g.seed, g.round<<32|uint64(c)))
			var lat []time.Duration
			errs := map[string]int{}
			var interval time.Duration
			next := start
			if g.rate > 0 {
				interval = time.Duration(float64(g.conns) / g.rate * float64(time.Second))
				next = start.Add(time.Duration(r.Int64N(int64(interval) + 1)))
			}
			var cn *clientConn
			defer func() {
				if cn != nil {
					cn.c.Close()
				}
			}()
			for i := c; ; i++ {
				if g.rate > 0 {
					if w := time.Until(next); w > 0 {
						time.Sleep(w)
					}
				} else {
					next = time.Now()
				}
				if next.After(deadline) {
					break
				}
				t := i % len(g.targets)
				if g.ranks != nil {
					t = g.ranks.draw(r)
				}
				var err error
				if cn == nil {
					cn, err = dialClient(g.addr)
				}
				if err == nil {
					var status int
					var keep bool
					status, keep, err = cn.do(g.targets[t])
					if err == nil && status != 200 {
						err = fmt.Errorf("status %d", status)
					}
					if !keep || (err != nil && status == 0) {
						cn.c.Close()
						cn = nil
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

type clientConn struct {
	c  net.Conn
	br *bufio.Reader
}

func dialClient(addr string) (*clientConn, error) {
	c, err := net.DialTimeout("tcp", addr, 10*time.Second)
	if err != nil {
		return nil, err
	}
	return &clientConn{c: c, br: bufio.NewReaderSize(c, 32<<10)}, nil
}

// do sends one request and reads its answer, discarding the body. It
// returns the status (0 when none was read) and whether the connection
// can carry another request.
func (cn *clientConn) do(req []byte) (status int, keep bool, err error) {
	cn.c.SetDeadline(time.Now().Add(30 * time.Second))
	if _, err := cn.c.Write(req); err != nil {
		return 0, false, err
	}
	line, err := cn.br.ReadSlice('\n')
	if err != nil {
		return 0, false, err
	}
	if len(line) < 12 || !bytes.HasPrefix(line, []byte("HTTP/1.")) {
		return 0, false, fmt.Errorf("bad status line %q", line)
	}
	if status, err = strconv.Atoi(string(line[9:12])); err != nil {
		return 0, false, fmt.Errorf("bad status line %q", line)
	}
	length, chunked, keep := -1, false, true
	for {
		line, err := cn.br.ReadSlice('\n')
		if err != nil {
			return 0, false, err
		}
		if len(line) <= 2 {
			break
		}
		name, value, _ := bytes.Cut(bytes.TrimSpace(line), []byte(":"))
		value = bytes.TrimSpace(value)
		switch {
		case bytes.EqualFold(name, []byte("Content-Length")):
			if length, err = strconv.Atoi(string(value)); err != nil {
				return 0, false, fmt.Errorf("bad Content-Length %q", value)
			}
		case bytes.EqualFold(name, []byte("Transfer-Encoding")):
			chunked = bytes.Contains(bytes.ToLower(value), []byte("chunked"))
		case bytes.EqualFold(name, []byte("Connection")):
			keep = !bytes.EqualFold(value, []byte("close"))
		}
	}
	switch {
	case chunked:
		for {
			line, err := cn.br.ReadSlice('\n')
			if err != nil {
				return 0, false, err
			}
			hex, _, _ := bytes.Cut(bytes.TrimSpace(line), []byte(";"))
			n, err := strconv.ParseInt(string(hex), 16, 64)
			if err != nil || n < 0 {
				return 0, false, fmt.Errorf("bad chunk size %q", line)
			}
			if n == 0 {
				for { // trailer
					line, err := cn.br.ReadSlice('\n')
					if err != nil {
						return 0, false, err
					}
					if len(line) <= 2 {
						return status, keep, nil
					}
				}
			}
			if _, err := cn.br.Discard(int(n) + 2); err != nil {
				return 0, false, err
			}
		}
	case length >= 0:
		if _, err := cn.br.Discard(length); err != nil {
			return 0, false, err
		}
		return status, keep, nil
	default: // the body runs to the end of the connection
		_, err := cn.br.WriteTo(discard{})
		return status, false, err
	}
}

type discard struct{}

func (discard) Write(b []byte) (int, error) { return len(b), nil }

// processCPU is the user and system CPU time a process has used so far; 0
// for pid 0 or when it cannot be read.
func processCPU(pid int) time.Duration {
	if pid <= 0 {
		return 0
	}
	if pid == os.Getpid() {
		var ru syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
			return 0
		}
		return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// Fields after the command name (which may hold spaces): utime and
	// stime are the 12th and 13th, in clock ticks (100 a second on Linux).
	i := bytes.LastIndexByte(b, ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(ut+st) * 10 * time.Millisecond
}

// healthStats reads the answer-cache counts of a running server from
// /healthz.
func healthStats(base string) (cached, computed int64, ok bool) {
	resp, err := http.Get(strings.TrimRight(base, "/") + "/healthz")
	if err != nil {
		return 0, 0, false
	}
	defer resp.Body.Close()
	var h struct {
		Searches *struct{ Cached, Computed int64 } `json:"searches"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&h); err != nil || h.Searches == nil {
		return 0, 0, false
	}
	return h.Searches.Cached, h.Searches.Computed, true
}

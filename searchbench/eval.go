package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	_ "github.com/blevesearch/bleve/v2/analysis/lang/ar"
	bleveindex "github.com/blevesearch/bleve_index_api"

	"khabar/archive"
	"khabar/index"
)

func readQueries(path string) ([]query, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var qs []query
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 {
			return nil, fmt.Errorf("%s: bad line %q", path, line)
		}
		qs = append(qs, query{Relevant: f[0], Text: f[1]})
	}
	return qs, nil
}

// scores of one engine.
type scores struct {
	Engine   string
	MRR      float64
	Recall   float64
	P50, P99 time.Duration
	Note     string
}

func score(name string, qs []query, ranked [][]string) scores {
	s := scores{Engine: name}
	for i, q := range qs {
		for r, id := range ranked[i] {
			if r >= 10 {
				break
			}
			if id == q.Relevant {
				s.MRR += 1 / float64(r+1)
				s.Recall++
				break
			}
		}
	}
	s.MRR /= float64(len(qs))
	s.Recall /= float64(len(qs))
	return s
}

func percentiles(ds []time.Duration) (time.Duration, time.Duration) {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2], ds[len(ds)*99/100]
}

func eval(args []string) error {
	fs := flag.NewFlagSet("eval", flag.ExitOnError)
	work := fs.String("work", "", "work directory of prepare (with db/ from khabar ingest)")
	psql := fs.String("psql", "", "psql command line for PostgreSQL (empty: skip)")
	khabarBin := fs.String("khabar", "", "khabar binary, to time `khabar search` with process start")
	engines := fs.String("engines", "khabar,bleve,postgres", "engines to run")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile of the Khabar searches to `FILE`")
	fs.Parse(args)
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	run := func(e string) bool { return strings.Contains(*engines, e) }
	qs, err := readQueries(filepath.Join(*work, "queries.tsv"))
	if err != nil {
		return err
	}
	var results []scores
	ks, err := evalKhabar(filepath.Join(*work, "db"), qs)
	if err != nil {
		return err
	}
	results = append(results, ks)
	if run("bleve") {
		bs, err := evalBleve(*work, qs)
		if err != nil {
			return err
		}
		results = append(results, bs...)
	}
	if *psql != "" && run("postgres") {
		ps, err := evalPostgres(*work, *psql, qs)
		if err != nil {
			return err
		}
		results = append(results, ps...)
	}
	fmt.Printf("%d queries, one relevant article each, over %s\n\n", len(qs), *work)
	fmt.Println("| engine | MRR@10 | Recall@10 | search p50 | search p99 |")
	fmt.Println("| --- | ---: | ---: | ---: | ---: |")
	for _, r := range results {
		p50, p99 := "", ""
		if r.P50 > 0 {
			p50, p99 = fmtDur(r.P50), fmtDur(r.P99)
		}
		fmt.Printf("| %s | %.3f | %.3f | %s | %s |\n", r.Engine, r.MRR, r.Recall, p50, p99)
	}
	best := 0.0
	for _, r := range results[1:] {
		best = max(best, r.MRR)
	}
	if best > 0 {
		fmt.Printf("\nKhabar's MRR@10 is %+.1f%% against the best other engine.\n", 100*(results[0].MRR/best-1))
	}
	if *khabarBin != "" {
		var ds []time.Duration
		for i, q := range qs[:min(50, len(qs))] {
			t0 := time.Now()
			cmd := exec.Command(*khabarBin, "search", "--db", filepath.Join(*work, "db"), "--format", "json", q.Text)
			if out, err := cmd.CombinedOutput(); err != nil {
				return fmt.Errorf("khabar search %d: %v: %s", i, err, out)
			}
			ds = append(ds, time.Since(t0))
		}
		p50, p99 := percentiles(ds)
		fmt.Printf("\n`khabar search --format json` with process start, %d queries: p50 %s, max %s\n", len(ds), fmtDur(p50), fmtDur(ds[len(ds)-1]))
		_ = p99
	}
	return nil
}

func fmtDur(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%d µs", d.Microseconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}

func evalKhabar(db string, qs []query) (scores, error) {
	a, err := archive.Open(db, archive.OpenOptions{})
	if err != nil {
		return scores{}, err
	}
	defer a.Close()
	ix, err := a.Index()
	if err != nil {
		return scores{}, err
	}
	an := a.QueryAnalyzer(ix)
	ranked := make([][]string, len(qs))
	var ds, dsSnip []time.Duration
	for rep := 0; rep < 3; rep++ { // the first round warms the page cache
		ds = ds[:0]
		for i, q := range qs {
			t0 := time.Now()
			pq, err := index.Parse(q.Text, an)
			if err != nil {
				return scores{}, fmt.Errorf("query %q: %w", q.Text, err)
			}
			res := ix.Search(pq, index.Options{Limit: 10})
			ds = append(ds, time.Since(t0))
			ranked[i] = ranked[i][:0]
			for _, h := range res.Hits {
				ranked[i] = append(ranked[i], h.ID)
			}
			if rep == 2 {
				t1 := time.Now()
				docs := make([]uint32, len(res.Hits))
				for i, h := range res.Hits {
					docs[i] = h.Doc
				}
				pos := ix.MatchPositions(pq, docs)
				for _, h := range res.Hits {
					title, text, _ := a.Text(h.Doc)
					index.SnippetAt(title, text, pos[h.Doc], 200)
				}
				dsSnip = append(dsSnip, time.Since(t1))
			}
		}
	}
	writeRanks(filepath.Join(filepath.Dir(db), "ranks-khabar.tsv"), qs, ranked)
	s := score("Khabar", qs, ranked)
	s.P50, s.P99 = percentiles(ds)
	p50, p99 := percentiles(dsSnip)
	s.Note = fmt.Sprintf("snippets for the 10 hits: p50 %s, p99 %s", fmtDur(p50), fmtDur(p99))
	fmt.Fprintf(os.Stderr, "searchbench: Khabar %s\n", s.Note)
	return s, nil
}

func evalBleve(work string, qs []query) ([]scores, error) {
	var out []scores
	for _, model := range []string{"tf-idf", "bm25"} {
		path := filepath.Join(work, "bleve-"+model)
		ix, err := bleve.Open(path)
		if err != nil {
			m := bleve.NewIndexMapping()
			m.DefaultAnalyzer = "ar"
			if model == "bm25" {
				m.ScoringModel = bleveindex.BM25Scoring
			}
			if ix, err = bleve.New(path, m); err != nil {
				return nil, err
			}
			t0 := time.Now()
			if err := loadBleve(ix, filepath.Join(work, "corpus.jsonl")); err != nil {
				return nil, err
			}
			fmt.Fprintf(os.Stderr, "searchbench: Bleve (%s) indexed in %s\n", model, time.Since(t0).Round(time.Second))
		}
		ranked := make([][]string, len(qs))
		var ds []time.Duration
		for rep := 0; rep < 2; rep++ {
			ds = ds[:0]
			for i, q := range qs {
				t0 := time.Now()
				req := bleve.NewSearchRequestOptions(bleve.NewMatchQuery(q.Text), 10, 0, false)
				res, err := ix.Search(req)
				if err != nil {
					return nil, err
				}
				ds = append(ds, time.Since(t0))
				ranked[i] = ranked[i][:0]
				for _, h := range res.Hits {
					ranked[i] = append(ranked[i], h.ID)
				}
			}
		}
		ix.Close()
		writeRanks(filepath.Join(work, "ranks-bleve-"+model+".tsv"), qs, ranked)
		s := score("Bleve, analyzer ar, "+model, qs, ranked)
		s.P50, s.P99 = percentiles(ds)
		out = append(out, s)
	}
	return out, nil
}

func loadBleve(ix bleve.Index, corpus string) error {
	f, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	b := ix.NewBatch()
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		if err := b.Index(a.ID, map[string]any{"title": a.Title, "text": a.Text}); err != nil {
			return err
		}
		if b.Size() >= 1000 {
			if err := ix.Batch(b); err != nil {
				return err
			}
			b = ix.NewBatch()
		}
	}
	if err := ix.Batch(b); err != nil {
		return err
	}
	return sc.Err()
}

// evalPostgres loads the corpus into PostgreSQL and runs the queries with
// the arabic configuration, both as plainto_tsquery (all words) and with
// the words joined by OR, ranked by ts_rank.
func evalPostgres(work, psql string, qs []query) ([]scores, error) {
	tsv := filepath.Join(work, "corpus.tsv")
	if err := writeCopyFile(filepath.Join(work, "corpus.jsonl"), tsv); err != nil {
		return nil, err
	}
	setup := fmt.Sprintf(`DROP TABLE IF EXISTS docs;
CREATE TABLE docs (id text PRIMARY KEY, title text, body text);
\copy docs FROM '%s'
ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('arabic', title || ' ' || body)) STORED;
CREATE INDEX docs_tsv ON docs USING gin (tsv);
ANALYZE docs;
`, tsv)
	if out, err := runPsql(psql, setup); err != nil {
		return nil, fmt.Errorf("postgres setup: %v: %s", err, out)
	}
	var out []scores
	for _, mode := range []string{"and", "or"} {
		var sql strings.Builder
		for i, q := range qs {
			tq := fmt.Sprintf("plainto_tsquery('arabic', $q$%s$q$)", q.Text)
			if mode == "or" {
				tq = fmt.Sprintf("to_tsquery('arabic', replace(plainto_tsquery('arabic', $q$%s$q$)::text, '&', '|'))", q.Text)
			}
			fmt.Fprintf(&sql, "SELECT %d, id FROM docs, %s q WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT 10;\n", i, tq)
		}
		res, err := runPsql(psql, sql.String())
		if err != nil {
			return nil, fmt.Errorf("postgres queries: %v: %s", err, res)
		}
		ranked := make([][]string, len(qs))
		for _, line := range strings.Split(strings.TrimSpace(res), "\n") {
			qi, id, ok := strings.Cut(line, "|")
			if !ok {
				continue
			}
			i, err := strconv.Atoi(qi)
			if err != nil || i < 0 || i >= len(qs) {
				continue
			}
			ranked[i] = append(ranked[i], id)
		}
		out = append(out, score("PostgreSQL 'arabic', "+map[string]string{"and": "all words (plainto_tsquery)", "or": "any word, ts_rank"}[mode], qs, ranked))
	}
	return out, nil
}

func runPsql(psql, script string) (string, error) {
	args := strings.Fields(psql)
	cmd := exec.Command(args[0], append(args[1:], "-v", "ON_ERROR_STOP=1", "-At", "-f", "-")...)
	cmd.Stdin = strings.NewReader(script)
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// writeCopyFile writes the corpus in COPY's text format.
func writeCopyFile(corpus, out string) error {
	in, err := os.Open(corpus)
	if err != nil {
		return err
	}
	defer in.Close()
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	esc := strings.NewReplacer("\\", "\\\\", "\t", "\\t", "\n", "\\n", "\r", "\\r")
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		var a article
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return err
		}
		fmt.Fprintf(w, "%s\t%s\t%s\n", esc.Replace(a.ID), esc.Replace(a.Title), esc.Replace(a.Text))
	}
	if err := w.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// writeRanks records where each query's relevant article came, for
// looking into failures (0: not in the top 10).
func writeRanks(path string, qs []query, ranked [][]string) {
	var b strings.Builder
	for i, q := range qs {
		r := 0
		for k, id := range ranked[i] {
			if id == q.Relevant && k < 10 {
				r = k + 1
				break
			}
		}
		fmt.Fprintf(&b, "%d\t%s\t%s\n", r, q.Relevant, q.Text)
	}
	os.WriteFile(path, []byte(b.String()), 0o644)
}

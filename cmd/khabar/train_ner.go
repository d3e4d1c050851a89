package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"khabar/ner"
	"khabar/wordcluster"
)

func init() {
	register(verb{
		name:    "train ner",
		summary: "train the named-entity tagger (and, with -clusters, its word classes)",
		run:     runTrainNER,
	})
}

func runTrainNER(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("train ner", stderr)
	data := fs.String("data", "", "shared data folder (default: ../shared/data from the module root)")
	clusters := fs.Bool("clusters", false, "first relearn the word classes from the ANT news corpus into wordcluster/data/")
	onlyClusters := fs.Bool("clusters-only", false, "relearn the word classes and stop")
	maxDocs := fs.Int("ant-docs", 0, "use at most this many ANT articles (0: all)")
	epochs := fs.Int("epochs", 12, "perceptron epochs")
	seed := fs.Uint64("seed", 1, "random seed (shuffling)")
	devFrac := fs.Float64("dev", 0, "hold out this final fraction of the training file as a dev split, score it after every epoch")
	crf := fs.Bool("crf", false, "train a linear-chain CRF by SGD instead of the averaged perceptron")
	c2 := fs.Float64("c2", 1, "CRF: L2 penalty")
	eta := fs.Float64("eta", 0.1, "CRF: initial learning rate")
	out := fs.String("out", "", "model file (default ner/model/ner.model.gz; \"-\" writes none)")
	if st := parseFlags(fs, args); st >= 0 {
		return st
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(stderr, "train ner:", err)
		return 1
	}
	if *data == "" {
		*data = filepath.Join(root, "..", "shared", "data")
	}
	logf := func(format string, a ...any) { fmt.Fprintf(stderr, format+"\n", a...) }
	if *clusters || *onlyClusters {
		if err := trainClusters(*data, root, *maxDocs, logf); err != nil {
			fmt.Fprintln(stderr, "train ner:", err)
			return 1
		}
		if *onlyClusters {
			return 0
		}
	}
	if *out == "" {
		*out = filepath.Join(root, "ner", "model", "ner.model.gz")
	}
	if err := trainTagger(*data, *out, ner.TrainOptions{Epochs: *epochs, Seed: *seed, CRF: *crf, C2: *c2, Eta0: *eta, Log: logf}, *devFrac); err != nil {
		fmt.Fprintln(stderr, "train ner:", err)
		return 1
	}
	return 0
}

// moduleRoot walks up from the working directory to the folder with go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

func trainClusters(data, root string, maxDocs int, logf func(string, ...any)) error {
	start := time.Now()
	path := filepath.Join(data, "ant-news", "ant-multisource-v2.1.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("ANT corpus: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("ANT corpus: %w", err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	corpus := wordcluster.NewCorpus()
	docs := 0
	for sc.Scan() {
		var a struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			logf("ANT line %d skipped: %v", docs+1, err)
			continue
		}
		corpus.Add(a.Title)
		corpus.Add(a.Text)
		docs++
		if maxDocs > 0 && docs >= maxDocs {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ANT corpus: %w", err)
	}
	logf("read %d ANT articles, %d tokens in %v", docs, corpus.Tokens(), time.Since(start).Round(time.Millisecond))
	o := wordcluster.DefaultOptions()
	o.Log = logf
	t, err := wordcluster.Train(corpus, o)
	if err != nil {
		return err
	}
	out := filepath.Join(root, "wordcluster", "data", "clusters.tsv.gz")
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := t.WriteTo(w); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	logf("wrote %s (%d words) in %v", out, t.Len(), time.Since(start).Round(time.Second))
	return nil
}

// trainTagger trains on ANERcorp's training file only (never its test
// file), optionally holding out its last sentences as a dev split.
func trainTagger(data, out string, o ner.TrainOptions, devFrac float64) error {
	logf := o.Log
	start := time.Now()
	path := filepath.Join(data, "anercorp", "ANERCorp_CamelLab_train.txt")
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	sents, err := ner.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return err
	}
	var dev []ner.Sentence
	if devFrac > 0 {
		cut := len(sents) - int(float64(len(sents))*devFrac)
		sents, dev = sents[:cut], sents[cut:]
	}
	logf("train ner: %d training sentences, %d dev sentences", len(sents), len(dev))
	o.Dev = dev
	m, err := ner.Train(sents, o)
	if err != nil {
		return err
	}
	logf("train ner: %d features, trained in %v", m.NumFeatures(), time.Since(start).Round(time.Millisecond))
	if out == "-" {
		return nil
	}
	w, err := os.Create(out)
	if err != nil {
		return err
	}
	if _, err := m.WriteTo(w); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	st, err := os.Stat(out)
	if err != nil {
		return err
	}
	logf("train ner: wrote %s (%.1f MB)", out, float64(st.Size())/1e6)
	return nil
}

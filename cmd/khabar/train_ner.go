package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"khabar"
	"khabar/morph"
	"khabar/ner"
	"khabar/seqlabel"
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
	embed := fs.Bool("embed", false, "first relearn the skip-gram word classes from the ANT news corpus into wordcluster/data/embed.tsv.gz")
	onlyEmbed := fs.Bool("embed-only", false, "relearn the skip-gram word classes and stop")
	maxDocs := fs.Int("ant-docs", 0, "use at most this many ANT articles (0: all)")
	epochs := fs.Int("epochs", 10, "training epochs")
	seed := fs.Uint64("seed", 1, "random seed (shuffling)")
	devFrac := fs.Float64("dev", 0, "hold out this fraction of the training file as a dev split, score it after every epoch")
	devAt := fs.Float64("dev-at", 1, "where the dev split ends, as a fraction of the training file (1: its last sentences)")
	crf := fs.Bool("crf", false, "train a linear-chain CRF by SGD instead of the averaged perceptron")
	c2 := fs.Float64("c2", 1, "CRF: L2 penalty")
	eta := fs.Float64("eta", 0.1, "CRF: initial learning rate")
	lexEvery := fs.Int("lexicon-every", 4, "build the ANT label lexicon from every Nth ANT article (0: no lexicon)")
	useMorph := fs.Bool("morph", true, "give the tagger the morphology layer's segments (khabar/morph) as features")
	chars := fs.Bool("chars", true, "add letter-trigram features")
	quotes := fs.Bool("quotes", false, "add the features of short quoted spans (titles)")
	triggers := fs.Bool("triggers", false, "add the trigger lexicon (how often the ANT news writes a word after حزب, السيد, مدينة, برنامج, ...)")
	ensemble := fs.Int("ensemble", 5, "average the tagger over this many perceptrons trained on different shuffles (seeds seed, seed+1, ...)")
	skipGram := fs.Int("skipgram", 0, "add the skip-gram word classes (wordcluster/data/embed.tsv.gz) at this many granularities")
	prune := fs.Float64("prune", 1, "drop features whose weights are all below this in absolute value (halves the model at no measurable cost on the dev split)")
	stack := fs.Bool("stack", false, "train a stacked second pass on document context")
	folds := fs.Int("folds", 5, "jackknife folds for the label lexicon and the stacked pass")
	out := fs.String("out", "", "model folder for ner.model.gz and ner2.model.gz (default ner/model; \"-\" writes none)")
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
	if *embed || *onlyEmbed {
		if err := trainSkipGram(*data, root, *maxDocs, logf); err != nil {
			fmt.Fprintln(stderr, "train ner:", err)
			return 1
		}
		if *onlyEmbed {
			return 0
		}
	}
	if *out == "" {
		*out = filepath.Join(root, "ner", "model")
	}
	var analyze func(words []string) [][]khabar.Segment
	if *useMorph {
		a, err := morph.Load()
		if err != nil {
			fmt.Fprintln(stderr, "train ner:", err)
			return 1
		}
		analyze = a.AnalyzeWords
	}
	var unlabelled []ner.Sentence
	if *lexEvery > 0 {
		if unlabelled, err = antSentences(*data, *lexEvery); err != nil {
			fmt.Fprintln(stderr, "train ner:", err)
			return 1
		}
		n := 0
		for i, s := range unlabelled {
			n += len(s.Words)
			if analyze != nil {
				unlabelled[i].Segments = analyze(s.Words)
			}
		}
		logf("train ner: %d ANT sentences, %d tokens for the label lexicon", len(unlabelled), n)
	}
	if err := trainTagger(*data, *out, analyze, ner.TrainOptions{Prune: float32(*prune), Unlabelled: unlabelled, CharGrams: *chars, SkipGram: *skipGram, Ensemble: *ensemble, Triggers: *triggers, Quotes: *quotes, Epochs: *epochs, Seed: *seed, CRF: *crf, C2: *c2, Eta0: *eta, Stack: *stack, Folds: *folds, Log: logf}, *devFrac, *devAt); err != nil {
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

// antReader opens the ANT corpus and calls fn for each article's title
// and text, in the file's order, until fn returns false.
func antArticles(data string, fn func(i int, title, text string) bool) error {
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
	for i := 0; sc.Scan(); i++ {
		var a struct {
			Title string `json:"title"`
			Text  string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			continue // a bad line is skipped
		}
		if !fn(i, a.Title, a.Text) {
			break
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("ANT corpus: %w", err)
	}
	return nil
}

// antSentences cuts every nth ANT article into sentences of words split
// as ANERcorp is (punctuation apart), at line ends and sentence-final
// punctuation, at most 100 words each.
func antSentences(data string, every int) ([]ner.Sentence, error) {
	var out []ner.Sentence
	err := antArticles(data, func(i int, _, text string) bool {
		if i%every != 0 {
			return true
		}
		for _, line := range strings.Split(text, "\n") {
			var cur []string
			wordcluster.SplitWords(line, func(w string) {
				cur = append(cur, w)
				if w == "." || w == "!" || w == "?" || w == "؟" || len(cur) >= 100 {
					out = append(out, ner.Sentence{Words: cur})
					cur = nil
				}
			})
			if len(cur) > 0 {
				out = append(out, ner.Sentence{Words: cur})
			}
		}
		return true
	})
	return out, err
}

// antCorpus reads the titles and texts of the ANT corpus (at most maxDocs
// articles; 0: all) as a word-class corpus.
func antCorpus(data string, maxDocs int, logf func(string, ...any)) (*wordcluster.Corpus, error) {
	start := time.Now()
	corpus := wordcluster.NewCorpus()
	docs := 0
	err := antArticles(data, func(_ int, title, text string) bool {
		corpus.Add(title)
		corpus.Add(text)
		docs++
		return maxDocs <= 0 || docs < maxDocs
	})
	if err != nil {
		return nil, err
	}
	logf("read %d ANT articles, %d tokens in %v", docs, corpus.Tokens(), time.Since(start).Round(time.Millisecond))
	return corpus, nil
}

// writeClusterTable writes a word-class table to wordcluster/data/name.
func writeClusterTable(root, name string, t *wordcluster.Table, start time.Time, logf func(string, ...any)) error {
	out := filepath.Join(root, "wordcluster", "data", name)
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

func trainClusters(data, root string, maxDocs int, logf func(string, ...any)) error {
	start := time.Now()
	corpus, err := antCorpus(data, maxDocs, logf)
	if err != nil {
		return err
	}
	o := wordcluster.DefaultOptions()
	o.Log = logf
	t, err := wordcluster.Train(corpus, o)
	if err != nil {
		return err
	}
	return writeClusterTable(root, "clusters.tsv.gz", t, start, logf)
}

// trainSkipGram learns skip-gram vectors from the ANT corpus and writes the
// classes cut from them.
func trainSkipGram(data, root string, maxDocs int, logf func(string, ...any)) error {
	start := time.Now()
	corpus, err := antCorpus(data, maxDocs, logf)
	if err != nil {
		return err
	}
	o := wordcluster.DefaultEmbedOptions()
	o.Log = logf
	e, err := wordcluster.TrainEmbeddings(corpus, o)
	if err != nil {
		return err
	}
	logf("skip-gram vectors of %d words in %v", len(e.Words), time.Since(start).Round(time.Second))
	t, err := e.Cluster(o)
	if err != nil {
		return err
	}
	return writeClusterTable(root, "embed.tsv.gz", t, start, logf)
}

// trainTagger trains on ANERcorp's training file only (never its test
// file), optionally holding out its last sentences as a dev split.
func trainTagger(data, out string, analyze func([]string) [][]khabar.Segment, o ner.TrainOptions, devFrac, devAt float64) error {
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
	if analyze != nil {
		for i := range sents {
			sents[i].Segments = analyze(sents[i].Words)
		}
	}
	var dev []ner.Sentence
	if devFrac > 0 {
		hi := int(float64(len(sents)) * min(max(devAt, devFrac), 1))
		lo := hi - int(float64(len(sents))*devFrac)
		dev = sents[lo:hi]
		sents = append(sents[:lo:lo], sents[hi:]...)
	}
	logf("train ner: %d training sentences, %d dev sentences", len(sents), len(dev))
	o.Dev = dev
	ms, err := ner.Train(sents, o)
	if err != nil {
		return err
	}
	logf("train ner: trained in %v", time.Since(start).Round(time.Millisecond))
	if out == "-" {
		return nil
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "options.txt"), []byte(ms.Options()+"\n"), 0o644); err != nil {
		return err
	}
	lw, err := os.Create(filepath.Join(out, "lexicon.tsv.gz"))
	if err != nil {
		return err
	}
	if err := ms.WriteLexicon(lw); err != nil {
		lw.Close()
		return err
	}
	if err := lw.Close(); err != nil {
		return err
	}
	for _, f := range []struct {
		name  string
		model *seqlabel.Model
	}{{"ner.model.gz", ms.First}, {"ner2.model.gz", ms.Second}} {
		path := filepath.Join(out, f.name)
		if err := writeNERModel(path, f.model); err != nil {
			return err
		}
		if st, err := os.Stat(path); err == nil {
			logf("train ner: wrote %s (%.1f MB)", path, float64(st.Size())/1e6)
		}
	}
	return nil
}

// writeNERModel writes one model, or an empty file for a missing pass.
func writeNERModel(path string, m *seqlabel.Model) error {
	w, err := os.Create(path)
	if err != nil {
		return err
	}
	if m != nil {
		if _, err := m.WriteTo(w); err != nil {
			w.Close()
			return err
		}
	}
	return w.Close()
}

// Package cli holds the morphology verbs of the khabar command (train
// morph, eval morph) so that cmd/khabar only registers them.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"khabar/morph"
	"khabar/morph/conllu"
	"khabar/morph/lexicon"
)

// ReadConllu reads a CoNLL-U file.
func ReadConllu(path string) ([]conllu.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := conllu.Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// Train is the "khabar train morph" verb.
func Train(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("khabar train morph", flag.ContinueOnError)
	fs.SetOutput(stderr)
	data := fs.String("data", "../shared/data", "shared data directory")
	out := fs.String("out", morph.ModelPath, "where to write the compressed model")
	seed := fs.Int64("seed", 1, "random seed")
	maxSent := fs.Int("max", 0, "train on the first N sentences only (0: all)")
	segEp := fs.Int("seg-epochs", 6, "segmenter epochs")
	tagEp := fs.Int("tag-epochs", 8, "tagger epochs")
	lemEp := fs.Int("lemma-epochs", 5, "lemma classifier epochs")
	passes := fs.Int("tag-passes", 1, "tagging passes (2: a second pass sees the first pass's tags of the next words)")
	noLex := fs.Bool("no-lexicon", false, "do not use the BAMA/Arramooz/Hunspell lexicon")
	if rc := parseFlags(fs, args); rc >= 0 {
		return rc
	}
	start := time.Now()
	train, err := ReadConllu(filepath.Join(*data, "padt-upos-mwt", "ar_padt-upos-train.conllu"))
	if err != nil {
		fmt.Fprintln(stderr, "khabar train morph:", err)
		return 1
	}
	opt := morph.TrainOptions{Seed: *seed, SegEpochs: *segEp, TagEpochs: *tagEp, LemEpochs: *lemEp, TagPasses: *passes, MaxSentences: *maxSent, Log: stderr}
	if !*noLex {
		lex, err := lexicon.Build(*data)
		if err != nil {
			fmt.Fprintln(stderr, "khabar train morph: lexicon:", err)
			return 1
		}
		fmt.Fprintf(stderr, "lexicon: %s\n", lex.Summary())
		opt.Lexicon = lex.Flags
		opt.LemmaSpell = lex.LemmaSpell
		opt.StemLemma = lex.StemLemma
		opt.WordSpell = lex.WordSpell
		corpus, err := lexicon.CorpusCounts(filepath.Join(*data, "ant-news", "ant-multisource-v2.1.jsonl.gz"), 3)
		if err != nil {
			fmt.Fprintln(stderr, "khabar train morph: corpus:", err)
			return 1
		}
		fmt.Fprintf(stderr, "corpus counts: %d word types seen 3+ times in ANT news\n", len(corpus))
		opt.Corpus = corpus
	}
	m, err := morph.Train(train, nil, opt)
	if err != nil {
		fmt.Fprintln(stderr, "khabar train morph:", err)
		return 1
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fmt.Fprintln(stderr, "khabar train morph:", err)
		return 1
	}
	f, err := os.Create(*out)
	if err != nil {
		fmt.Fprintln(stderr, "khabar train morph:", err)
		return 1
	}
	if err := m.Encode(f); err != nil {
		f.Close()
		fmt.Fprintln(stderr, "khabar train morph:", err)
		return 1
	}
	if err := f.Close(); err != nil {
		fmt.Fprintln(stderr, "khabar train morph:", err)
		return 1
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(stdout, "wrote %s (%.1f MB) in %s\n", *out, float64(st.Size())/1e6, time.Since(start).Round(time.Second))
	return 0
}

// parseFlags maps the outcome of parsing to an exit status: -1 to go on,
// 0 after -h, 2 on a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	return -1
}

package wordcluster

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// EmbedOptions size a skip-gram training run (word2vec with negative
// sampling, Mikolov et al. 2013). The zero value is not valid; start from
// DefaultEmbedOptions.
type EmbedOptions struct {
	// Vocab is how many of the most frequent words get vectors; MinCount
	// drops rarer ones even when the vocabulary has room.
	Vocab, MinCount int
	Dim             int
	// Window is the largest distance of a context word; each position
	// draws its own window from 1..Window, so that near words weigh more.
	Window int
	// Negative is the number of noise words per context word.
	Negative int
	// Sample is the subsampling threshold of frequent words.
	Sample float64
	Epochs int
	// Rate is the initial learning rate, decayed linearly to nearly zero.
	Rate float64
	// Ks are the k-means granularities of the classes cut from the vectors,
	// coarse to fine; ClusterVocab is how many of the most frequent words
	// are clustered (the rest of the vocabulary get the class of nothing).
	Ks           []int
	ClusterVocab int
	Iterations   int
	Seed         uint64
	Log          func(format string, args ...any)
}

// DefaultEmbedOptions trains in a few minutes on one core on the ANT corpus.
func DefaultEmbedOptions() EmbedOptions {
	return EmbedOptions{Vocab: 150000, MinCount: 3, Dim: 100, Window: 5, Negative: 5, Sample: 1e-4, Epochs: 2, Rate: 0.025,
		Ks: []int{64, 512, 4096}, ClusterVocab: 150000, Iterations: 10, Seed: 1}
}

// Embeddings are word vectors, most frequent word first.
type Embeddings struct {
	Words []string
	Count []uint32
	Dim   int
	// Vec holds len(Words) rows of Dim values, each of unit length.
	Vec []float32
}

// TrainEmbeddings learns skip-gram vectors from the corpus. One thread and
// a fixed seed make the run reproducible.
func TrainEmbeddings(c *Corpus, o EmbedOptions) (*Embeddings, error) {
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if len(c.words) == 0 {
		return nil, errors.New("wordcluster: empty corpus")
	}
	if o.Dim <= 0 || o.Vocab <= 0 || o.Window <= 0 || o.Negative <= 0 || o.Epochs <= 0 || o.Rate <= 0 {
		return nil, fmt.Errorf("wordcluster: bad embedding options %+v", o)
	}
	order := c.byFrequency()
	V := min(o.Vocab, len(order))
	for V > 0 && c.count[order[V-1]] < int64(o.MinCount) {
		V--
	}
	if V < 2 {
		return nil, errors.New("wordcluster: vocabulary too small")
	}
	rank := make([]int32, len(c.words))
	for i := range rank {
		rank[i] = -1
	}
	for r := 0; r < V; r++ {
		rank[order[r]] = int32(r)
	}
	var total float64
	for r := 0; r < V; r++ {
		total += float64(c.count[order[r]])
	}
	// Keep probability of each word under subsampling.
	keep := make([]float64, V)
	for r := range keep {
		f := float64(c.count[order[r]]) / total
		keep[r] = 1
		if o.Sample > 0 {
			keep[r] = min(1, (math.Sqrt(f/o.Sample)+1)*o.Sample/f)
		}
	}
	// Noise table of unigram^0.75.
	const tableSize = 1 << 24
	noise := make([]int32, tableSize)
	var pow float64
	for r := 0; r < V; r++ {
		pow += math.Pow(float64(c.count[order[r]]), 0.75)
	}
	{
		r, cum := 0, math.Pow(float64(c.count[order[0]]), 0.75)/pow
		for i := range noise {
			noise[i] = int32(r)
			if float64(i+1)/tableSize > cum && r < V-1 {
				r++
				cum += math.Pow(float64(c.count[order[r]]), 0.75) / pow
			}
		}
	}
	D := o.Dim
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x2545f4914f6cdd1d))
	in := make([]float32, V*D)
	for i := range in {
		in[i] = (rng.Float32() - 0.5) / float32(D)
	}
	out := make([]float32, V*D)
	grad := make([]float32, D)
	sig := newSigmoidTable()
	// The corpus as vocabulary ranks, -1 at document breaks; rare words are
	// dropped before windowing, as word2vec does.
	seq := make([]int32, 0, len(c.seq))
	for _, id := range c.seq {
		if id < 0 {
			seq = append(seq, -1)
			continue
		}
		if r := rank[id]; r >= 0 {
			seq = append(seq, r)
		}
	}
	steps := float64(o.Epochs) * float64(len(seq))
	done := 0.0
	sent := make([]int32, 0, 1024)
	for epoch := 0; epoch < o.Epochs; epoch++ {
		var loss float64
		var pairs int
		flush := func() {
			for i, w := range sent {
				rate := float32(o.Rate * max(1e-4, 1-(done+float64(i))/steps))
				b := 1 + rng.IntN(o.Window)
				for j := max(0, i-b); j <= min(len(sent)-1, i+b); j++ {
					if j == i {
						continue
					}
					// Predict w from context word sent[j]: the input vector of
					// the context is updated, as word2vec does.
					cv := in[int(sent[j])*D : int(sent[j])*D+D]
					clear(grad)
					for n := 0; n <= o.Negative; n++ {
						target, label := w, float32(1)
						if n > 0 {
							target = noise[rng.IntN(tableSize)]
							if target == w {
								continue
							}
							label = 0
						}
						ov := out[int(target)*D : int(target)*D+D]
						p := sig.at(dot(cv, ov))
						if label == 1 {
							loss -= math.Log(max(float64(p), 1e-7))
						}
						g := (label - p) * rate
						axpy2(grad, ov, cv, g)
					}
					axpy(cv, grad, 1)
					pairs++
				}
			}
			done += float64(len(sent))
			sent = sent[:0]
		}
		for i, r := range seq {
			if i%2000000 == 0 && i > 0 {
				logf("wordcluster: skip-gram epoch %d: %d/%d tokens", epoch+1, i, len(seq))
			}
			if r < 0 || len(sent) == cap(sent) {
				flush()
				if r < 0 {
					continue
				}
			}
			if keep[r] < 1 && rng.Float64() >= keep[r] {
				continue
			}
			sent = append(sent, r)
		}
		flush()
		done = float64(epoch+1) * float64(len(seq))
		logf("wordcluster: skip-gram epoch %d: %d pairs, mean loss %.3f", epoch+1, pairs, loss/float64(max(pairs, 1)))
	}
	e := &Embeddings{Dim: D, Vec: in, Words: make([]string, V), Count: make([]uint32, V)}
	for r := 0; r < V; r++ {
		e.Words[r] = c.words[order[r]]
		e.Count[r] = uint32(min(c.count[order[r]], math.MaxUint32))
		normalize32(in[r*D : r*D+D])
	}
	return e, nil
}

// sigmoidTable holds the logistic function over [-sigmoidMax, sigmoidMax]
// in small steps, as word2vec does: an exp per update costs more than the
// rest of the update.
type sigmoidTable []float32

const (
	sigmoidMax   = 8
	sigmoidSteps = 2048
)

func newSigmoidTable() sigmoidTable {
	t := make(sigmoidTable, sigmoidSteps+1)
	for i := range t {
		x := (float64(i)/sigmoidSteps*2 - 1) * sigmoidMax
		t[i] = float32(1 / (1 + math.Exp(-x)))
	}
	return t
}

func (t sigmoidTable) at(x float32) float32 {
	if x >= sigmoidMax {
		return 1
	}
	if x <= -sigmoidMax {
		return 0
	}
	return t[int((x+sigmoidMax)*(sigmoidSteps/(2*sigmoidMax)))]
}

// dot is the inner product of two vectors of one length, unrolled by four.
func dot(a, b []float32) float32 {
	b = b[:len(a)]
	var s0, s1, s2, s3 float32
	i := 0
	for ; i+4 <= len(a); i += 4 {
		s0 += a[i] * b[i]
		s1 += a[i+1] * b[i+1]
		s2 += a[i+2] * b[i+2]
		s3 += a[i+3] * b[i+3]
	}
	for ; i < len(a); i++ {
		s0 += a[i] * b[i]
	}
	return s0 + s1 + s2 + s3
}

// axpy adds g·x to y.
func axpy(y, x []float32, g float32) {
	x = x[:len(y)]
	i := 0
	for ; i+4 <= len(y); i += 4 {
		y[i] += g * x[i]
		y[i+1] += g * x[i+1]
		y[i+2] += g * x[i+2]
		y[i+3] += g * x[i+3]
	}
	for ; i < len(y); i++ {
		y[i] += g * x[i]
	}
}

// axpy2 adds g·o to grad and then g·c to o, the two updates of one
// skip-gram pair, in one pass.
func axpy2(grad, o, c []float32, g float32) {
	o = o[:len(grad)]
	c = c[:len(grad)]
	i := 0
	for ; i+4 <= len(grad); i += 4 {
		grad[i] += g * o[i]
		grad[i+1] += g * o[i+1]
		grad[i+2] += g * o[i+2]
		grad[i+3] += g * o[i+3]
		o[i] += g * c[i]
		o[i+1] += g * c[i+1]
		o[i+2] += g * c[i+2]
		o[i+3] += g * c[i+3]
	}
	for ; i < len(grad); i++ {
		grad[i] += g * o[i]
		o[i] += g * c[i]
	}
}

func normalize32(e []float32) {
	var n float64
	for _, v := range e {
		n += float64(v) * float64(v)
	}
	if n == 0 {
		return
	}
	s := float32(1 / math.Sqrt(n))
	for i := range e {
		e[i] *= s
	}
}

// Cluster cuts the embeddings into nested classes by spherical k-means
// over the o.ClusterVocab most frequent words: o.Ks[0] classes, then each
// class split into o.Ks[1]/o.Ks[0] subclasses, and so on, so that the
// classes form a tree as Brown clusters' path prefixes do and the finest
// level costs a few small k-means runs instead of one with thousands of
// centroids. The table keeps the counts of all the embedded words, the
// rarer ones without classes.
func (e *Embeddings) Cluster(o EmbedOptions) (*Table, error) {
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if len(o.Ks) == 0 || len(o.Ks) > MaxLevels {
		return nil, fmt.Errorf("wordcluster: %d granularities (1 to %d)", len(o.Ks), MaxLevels)
	}
	for i, k := range o.Ks {
		if k <= 0 || k > 1<<16 || i > 0 && k%o.Ks[i-1] != 0 {
			return nil, fmt.Errorf("wordcluster: granularities %v: each must divide the next", o.Ks)
		}
	}
	n := min(len(e.Words), o.ClusterVocab)
	if n < o.Ks[0] {
		return nil, fmt.Errorf("wordcluster: %d words to cluster is fewer than k=%d", n, o.Ks[0])
	}
	D := e.Dim
	emb := make([]float64, n*D)
	for i := range emb {
		emb[i] = float64(e.Vec[i])
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	classes := make([][]uint16, len(o.Ks))
	classes[0] = sphericalKMeans(emb, n, D, o.Ks[0], o.Iterations, rng, func(string, ...any) {})
	logf("wordcluster: skip-gram classes: %d", o.Ks[0])
	for l := 1; l < len(o.Ks); l++ {
		split := o.Ks[l] / o.Ks[l-1]
		classes[l] = make([]uint16, n)
		members := make([][]int, o.Ks[l-1])
		for r := 0; r < n; r++ {
			c := classes[l-1][r]
			members[c] = append(members[c], r)
		}
		for c, rows := range members {
			if len(rows) == 0 {
				continue
			}
			sub := make([]float64, 0, len(rows)*D)
			for _, r := range rows {
				sub = append(sub, emb[r*D:r*D+D]...)
			}
			var as []uint16
			if len(rows) <= split {
				as = make([]uint16, len(rows))
				for i := range as {
					as[i] = uint16(i)
				}
			} else {
				as = sphericalKMeans(sub, len(rows), D, split, o.Iterations, rng, func(string, ...any) {})
			}
			for i, r := range rows {
				classes[l][r] = uint16(c*split) + as[i]
			}
		}
		logf("wordcluster: skip-gram classes: %d", o.Ks[l])
	}
	t := &Table{Ks: slices.Clone(o.Ks), entries: map[string]Entry{}}
	for r, w := range e.Words {
		en := Entry{Count: e.Count[r], NoClass: r >= n}
		if r < n {
			for i := range o.Ks {
				en.Class[i] = classes[i][r]
			}
		}
		t.entries[w] = en
		t.order = append(t.order, w)
	}
	return t, nil
}

package wordcluster

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
)

// Options sizes a training run. The zero value is not valid; start from
// DefaultOptions.
type Options struct {
	// Vocab is how many of the most frequent words get classes.
	Vocab int
	// MinCount drops rarer words even when the vocabulary has room.
	MinCount int
	// Contexts is how many of the most frequent words serve as contexts.
	Contexts int
	// Dim is the rank of the factorisation.
	Dim int
	// Ks are the k-means granularities, coarse to fine.
	Ks []int
	// Iterations of k-means at each granularity.
	Iterations int
	Seed       uint64
	// Log, when set, receives progress lines.
	Log func(format string, args ...any)
}

// DefaultOptions trains in a few minutes on one core on the ANT corpus.
func DefaultOptions() Options {
	return Options{Vocab: 150000, MinCount: 3, Contexts: 1000, Dim: 100, Ks: []int{64, 256, 1024}, Iterations: 12, Seed: 1}
}

// Corpus accumulates folded words of unlabelled text as word ids, so that
// the text is read once.
type Corpus struct {
	ids   map[string]int32
	words []string
	count []int64
	seq   []int32 // word ids; -1 marks a document break
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus { return &Corpus{ids: map[string]int32{}} }

// Add appends one document of running text.
func (c *Corpus) Add(text string) {
	SplitWords(text, func(w string) {
		w = Fold(w)
		if w == "" {
			return // a mark or tatweel alone
		}
		id, ok := c.ids[w]
		if !ok {
			id = int32(len(c.words))
			c.ids[w] = id
			c.words = append(c.words, w)
			c.count = append(c.count, 0)
		}
		c.count[id]++
		c.seq = append(c.seq, id)
	})
	c.seq = append(c.seq, -1)
}

// Tokens is the number of words added.
func (c *Corpus) Tokens() int { return len(c.seq) }

// byFrequency returns the word ids, most frequent first, ties by spelling
// so that training is deterministic.
func (c *Corpus) byFrequency() []int32 {
	order := make([]int32, len(c.words))
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		ca, cb := c.count[order[a]], c.count[order[b]]
		if ca != cb {
			return ca > cb
		}
		return c.words[order[a]] < c.words[order[b]]
	})
	return order
}

// Train learns the class table from the corpus.
func Train(c *Corpus, o Options) (*Table, error) {
	logf := o.Log
	if logf == nil {
		logf = func(string, ...any) {}
	}
	if len(c.words) == 0 {
		return nil, errors.New("wordcluster: empty corpus")
	}
	if o.Dim <= 0 || o.Vocab <= 0 || o.Contexts <= 0 || len(o.Ks) == 0 {
		return nil, fmt.Errorf("wordcluster: bad options %+v", o)
	}
	// Rank words by frequency (ties by spelling, for determinism).
	order := c.byFrequency()
	rank := make([]int32, len(c.words))
	for r, id := range order {
		rank[id] = int32(r)
	}
	V := min(o.Vocab, len(order))
	for V > 0 && c.count[order[V-1]] < int64(o.MinCount) {
		V--
	}
	C := min(o.Contexts, len(order))
	if V < slices.Max(o.Ks) {
		return nil, fmt.Errorf("wordcluster: vocabulary of %d words is smaller than k=%d", V, slices.Max(o.Ks))
	}
	// Context features: left neighbour, right neighbour, and either word two away.
	D := 3 * C
	logf("wordcluster: %d tokens, %d types, vocab %d, %d context dims", len(c.seq), len(c.words), V, D)
	pairs := make([]uint32, 0, len(c.seq)*2)
	at := func(i int) int32 {
		if i < 0 || i >= len(c.seq) || c.seq[i] < 0 {
			return -1
		}
		return rank[c.seq[i]]
	}
	for i := range c.seq {
		w := at(i)
		if w < 0 || int(w) >= V {
			continue
		}
		base := uint32(w) * uint32(D)
		if l := at(i - 1); l >= 0 && int(l) < C {
			pairs = append(pairs, base+uint32(l))
		}
		if r := at(i + 1); r >= 0 && int(r) < C {
			pairs = append(pairs, base+uint32(C)+uint32(r))
		}
		if i-1 >= 0 && at(i-1) >= 0 {
			if l2 := at(i - 2); l2 >= 0 && int(l2) < C {
				pairs = append(pairs, base+uint32(2*C)+uint32(l2))
			}
		}
		if at(i+1) >= 0 {
			if r2 := at(i + 2); r2 >= 0 && int(r2) < C {
				pairs = append(pairs, base+uint32(2*C)+uint32(r2))
			}
		}
	}
	slices.Sort(pairs)
	m := newCSR(V, D)
	var colSum = make([]float64, D)
	var total float64
	for i := 0; i < len(pairs); {
		j := i
		for j < len(pairs) && pairs[j] == pairs[i] {
			j++
		}
		row, col := int(pairs[i]/uint32(D)), int(pairs[i]%uint32(D))
		n := float64(j - i)
		m.add(row, col, n)
		colSum[col] += n
		total += n
		i = j
	}
	pairs = nil
	m.finish()
	logf("wordcluster: %d non-zero co-occurrences", len(m.val))
	// PPMI with context-distribution smoothing (alpha 0.75).
	var smoothTotal float64
	smooth := make([]float64, D)
	for j, s := range colSum {
		smooth[j] = math.Pow(s, 0.75)
		smoothTotal += smooth[j]
	}
	for r := 0; r < V; r++ {
		var rowSum float64
		for k := m.ptr[r]; k < m.ptr[r+1]; k++ {
			rowSum += float64(m.val[k])
		}
		for k := m.ptr[r]; k < m.ptr[r+1]; k++ {
			pwc := float64(m.val[k]) / total
			pw := rowSum / total
			pc := smooth[m.col[k]] / smoothTotal
			pmi := math.Log(pwc / (pw * pc))
			if pmi < 0 {
				pmi = 0
			}
			m.val[k] = float32(pmi)
		}
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	emb := randomizedSVD(m, o.Dim, rng, logf)
	t := &Table{Ks: slices.Clone(o.Ks), entries: map[string]Entry{}}
	classes := make([][]uint16, len(o.Ks))
	for i, k := range o.Ks {
		classes[i] = sphericalKMeans(emb, V, o.Dim, k, o.Iterations, rng, logf)
	}
	for r := 0; r < V; r++ {
		id := order[r]
		e := Entry{Count: uint32(min(c.count[id], math.MaxUint32))}
		for i := range o.Ks {
			e.Class[i] = classes[i][r]
		}
		t.entries[c.words[id]] = e
		t.order = append(t.order, c.words[id])
	}
	// Rarer words keep their counts (for clitic decisions) without classes.
	for r := V; r < len(order); r++ {
		id := order[r]
		if c.count[id] < int64(max(2, o.MinCount/2)) {
			break
		}
		t.entries[c.words[id]] = Entry{Count: uint32(min(c.count[id], math.MaxUint32)), NoClass: true}
		t.order = append(t.order, c.words[id])
	}
	return t, nil
}

// csr is a sparse matrix in compressed sparse row form.
type csr struct {
	rows, cols int
	ptr        []int
	col        []int32
	val        []float32
}

func newCSR(rows, cols int) *csr {
	return &csr{rows: rows, cols: cols, ptr: make([]int, 1, rows+1)}
}

// add appends an entry; rows come in increasing order.
func (m *csr) add(r, c int, v float64) {
	for len(m.ptr)-1 < r+1 {
		m.ptr = append(m.ptr, len(m.col))
	}
	m.col = append(m.col, int32(c))
	m.val = append(m.val, float32(v))
	m.ptr[len(m.ptr)-1] = len(m.col)
}

func (m *csr) finish() {
	for len(m.ptr) < m.rows+1 {
		m.ptr = append(m.ptr, len(m.col))
	}
}

// mulDense returns M·X for X of cols×k (row-major), as rows×k.
func (m *csr) mulDense(x []float64, k int) []float64 {
	out := make([]float64, m.rows*k)
	for r := 0; r < m.rows; r++ {
		o := out[r*k : (r+1)*k]
		for p := m.ptr[r]; p < m.ptr[r+1]; p++ {
			v := float64(m.val[p])
			xr := x[int(m.col[p])*k : (int(m.col[p])+1)*k]
			for j := range o {
				o[j] += v * xr[j]
			}
		}
	}
	return out
}

// mulTDense returns Mᵀ·Y for Y of rows×k, as cols×k.
func (m *csr) mulTDense(y []float64, k int) []float64 {
	out := make([]float64, m.cols*k)
	for r := 0; r < m.rows; r++ {
		yr := y[r*k : (r+1)*k]
		for p := m.ptr[r]; p < m.ptr[r+1]; p++ {
			v := float64(m.val[p])
			o := out[int(m.col[p])*k : (int(m.col[p])+1)*k]
			for j := range o {
				o[j] += v * yr[j]
			}
		}
	}
	return out
}

// orthonormalize makes the k columns of the n×k row-major matrix orthonormal
// (modified Gram-Schmidt, twice for stability).
func orthonormalize(a []float64, n, k int) {
	for pass := 0; pass < 2; pass++ {
		for j := 0; j < k; j++ {
			for i := 0; i < j; i++ {
				var dot float64
				for r := 0; r < n; r++ {
					dot += a[r*k+i] * a[r*k+j]
				}
				for r := 0; r < n; r++ {
					a[r*k+j] -= dot * a[r*k+i]
				}
			}
			var norm float64
			for r := 0; r < n; r++ {
				norm += a[r*k+j] * a[r*k+j]
			}
			norm = math.Sqrt(norm)
			if norm < 1e-12 {
				continue
			}
			for r := 0; r < n; r++ {
				a[r*k+j] /= norm
			}
		}
	}
}

// randomizedSVD returns the rows of U·S^½ for the top dim singular triplets
// of m (Halko, Martinsson & Tropp), row-normalised, as rows×dim.
func randomizedSVD(m *csr, dim int, rng *rand.Rand, logf func(string, ...any)) []float64 {
	k := dim + 16
	omega := make([]float64, m.cols*k)
	for i := range omega {
		omega[i] = rng.NormFloat64()
	}
	y := m.mulDense(omega, k)
	orthonormalize(y, m.rows, k)
	for it := 0; it < 2; it++ {
		z := m.mulTDense(y, k)
		orthonormalize(z, m.cols, k)
		y = m.mulDense(z, k)
		orthonormalize(y, m.rows, k)
	}
	// B = Qᵀ M, held as Bᵀ (cols×k); C = B Bᵀ (k×k).
	bt := m.mulTDense(y, k)
	c := make([]float64, k*k)
	for r := 0; r < m.cols; r++ {
		row := bt[r*k : (r+1)*k]
		for i := 0; i < k; i++ {
			if row[i] == 0 {
				continue
			}
			for j := 0; j < k; j++ {
				c[i*k+j] += row[i] * row[j]
			}
		}
	}
	vals, vecs := jacobiEigen(c, k)
	idx := make([]int, k)
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(a, b int) bool { return vals[idx[a]] > vals[idx[b]] })
	logf("wordcluster: top singular values %.1f %.1f %.1f ... %.1f", math.Sqrt(vals[idx[0]]), math.Sqrt(vals[idx[1]]), math.Sqrt(vals[idx[2]]), math.Sqrt(max(0, vals[idx[dim-1]])))
	// U = Q·Ub, scaled by S^½ (= eigenvalue^¼).
	emb := make([]float64, m.rows*dim)
	for r := 0; r < m.rows; r++ {
		q := y[r*k : (r+1)*k]
		e := emb[r*dim : (r+1)*dim]
		for d := 0; d < dim; d++ {
			col := idx[d]
			var s float64
			for i := 0; i < k; i++ {
				s += q[i] * vecs[i*k+col]
			}
			e[d] = s * math.Pow(max(vals[col], 0), 0.25)
		}
		normalize(e)
	}
	return emb
}

func normalize(e []float64) {
	var n float64
	for _, v := range e {
		n += v * v
	}
	if n == 0 {
		return
	}
	n = 1 / math.Sqrt(n)
	for i := range e {
		e[i] *= n
	}
}

// jacobiEigen diagonalises the symmetric n×n matrix a (destroyed) by cyclic
// Jacobi rotations; it returns the eigenvalues and the eigenvectors as the
// columns of an n×n row-major matrix.
func jacobiEigen(a []float64, n int) ([]float64, []float64) {
	v := make([]float64, n*n)
	for i := 0; i < n; i++ {
		v[i*n+i] = 1
	}
	for sweep := 0; sweep < 50; sweep++ {
		var off float64
		for i := 0; i < n; i++ {
			for j := i + 1; j < n; j++ {
				off += a[i*n+j] * a[i*n+j]
			}
		}
		if off < 1e-18 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				if math.Abs(apq) < 1e-300 {
					continue
				}
				theta := (a[q*n+q] - a[p*n+p]) / (2 * apq)
				t := 1 / (math.Abs(theta) + math.Sqrt(theta*theta+1))
				if theta < 0 {
					t = -t
				}
				cs := 1 / math.Sqrt(t*t+1)
				sn := t * cs
				for k := 0; k < n; k++ {
					akp, akq := a[k*n+p], a[k*n+q]
					a[k*n+p] = cs*akp - sn*akq
					a[k*n+q] = sn*akp + cs*akq
				}
				for k := 0; k < n; k++ {
					apk, aqk := a[p*n+k], a[q*n+k]
					a[p*n+k] = cs*apk - sn*aqk
					a[q*n+k] = sn*apk + cs*aqk
				}
				for k := 0; k < n; k++ {
					vkp, vkq := v[k*n+p], v[k*n+q]
					v[k*n+p] = cs*vkp - sn*vkq
					v[k*n+q] = sn*vkp + cs*vkq
				}
			}
		}
	}
	vals := make([]float64, n)
	for i := range vals {
		vals[i] = a[i*n+i]
	}
	return vals, v
}

// sphericalKMeans clusters the unit rows of emb (n×dim) into k classes by
// cosine, seeding with the k most frequent words' vectors spread by a
// random choice, and returns each row's class.
func sphericalKMeans(emb []float64, n, dim, k, iters int, rng *rand.Rand, logf func(string, ...any)) []uint16 {
	cent := make([]float64, k*dim)
	perm := rng.Perm(n)
	for c := 0; c < k; c++ {
		copy(cent[c*dim:(c+1)*dim], emb[perm[c]*dim:(perm[c]+1)*dim])
	}
	assign := make([]uint16, n)
	for it := 0; it < iters; it++ {
		changed := 0
		var obj float64
		for r := 0; r < n; r++ {
			e := emb[r*dim : (r+1)*dim]
			best, bestSim := 0, math.Inf(-1)
			for c := 0; c < k; c++ {
				ce := cent[c*dim : (c+1)*dim]
				var s float64
				for d := range e {
					s += e[d] * ce[d]
				}
				if s > bestSim {
					best, bestSim = c, s
				}
			}
			obj += bestSim
			if assign[r] != uint16(best) || it == 0 {
				changed++
			}
			assign[r] = uint16(best)
		}
		clear(cent)
		size := make([]int, k)
		for r := 0; r < n; r++ {
			c := int(assign[r])
			size[c]++
			ce := cent[c*dim : (c+1)*dim]
			for d, v := range emb[r*dim : (r+1)*dim] {
				ce[d] += v
			}
		}
		for c := 0; c < k; c++ {
			if size[c] == 0 { // re-seed an empty class with a random word
				r := rng.IntN(n)
				copy(cent[c*dim:(c+1)*dim], emb[r*dim:(r+1)*dim])
				continue
			}
			normalize(cent[c*dim : (c+1)*dim])
		}
		logf("wordcluster: k=%d iteration %d: mean cosine %.4f, %d moved", k, it, obj/float64(n), changed)
		if changed == 0 {
			break
		}
	}
	return assign
}

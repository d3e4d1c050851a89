package seqlabel

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
)

// CRFOptions control conditional random field training.
type CRFOptions struct {
	Epochs int
	// C2 is the L2 penalty: the objective is the summed negative
	// log-likelihood plus C2·‖w‖².
	C2 float64
	// Eta0 is the initial learning rate; it decays as 1/(1+λ·Eta0·t).
	Eta0 float64
	Seed uint64
	Log  func(format string, args ...any)
	Dev  func(epoch int, m *Model)
}

// TrainCRF learns a linear-chain CRF (Lafferty et al. 2001) by stochastic
// gradient descent with L2 regularisation (as in Bottou's and crfsuite's
// l2sgd), one sequence at a time, the penalty applied lazily through a
// scale factor on the weights.
func TrainCRF(labels []string, data []Sequence, o CRFOptions) (*Model, error) {
	L := len(labels)
	if L == 0 {
		return nil, errors.New("seqlabel: no labels")
	}
	if o.Epochs <= 0 || o.C2 < 0 || o.Eta0 <= 0 {
		return nil, fmt.Errorf("seqlabel: bad CRF options %+v", o)
	}
	m := &Model{Labels: append([]string(nil), labels...), index: map[uint64]int32{}}
	rowsOf := make([][][]int32, len(data))
	for i, s := range data {
		if len(s.Feats) != len(s.Gold) {
			return nil, fmt.Errorf("seqlabel: sequence %d has %d positions and %d labels", i, len(s.Feats), len(s.Gold))
		}
		rowsOf[i] = make([][]int32, len(s.Feats))
		for t, fs := range s.Feats {
			if s.Gold[t] < 0 || s.Gold[t] >= L {
				return nil, fmt.Errorf("seqlabel: sequence %d position %d: label %d out of range", i, t, s.Gold[t])
			}
			r := make([]int32, len(fs))
			for k, f := range fs {
				id, ok := m.index[f]
				if !ok {
					id = int32(len(m.index))
					m.index[f] = id
				}
				r[k] = id
			}
			rowsOf[i][t] = r
		}
	}
	n := len(m.index)
	v := make([]float64, n*L)      // weights = scale·v
	tv := make([]float64, (L+1)*L) // transitions = scale·tv
	scale := 1.0
	N := float64(len(data))
	lambda := 2 * o.C2 / N
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed+1))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	var (
		emit, alpha, beta []float64
		t                 float64
	)
	export := func() {
		m.weights = make([]float32, n*L)
		for i, x := range v {
			m.weights[i] = float32(x * scale)
		}
		m.trans = make([]float32, (L+1)*L)
		for i, x := range tv {
			m.trans[i] = float32(x * scale)
		}
	}
	for epoch := 1; epoch <= o.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		var loss float64
		for _, si := range order {
			rows, gold := rowsOf[si], data[si].Gold
			T := len(gold)
			if T == 0 {
				continue
			}
			eta := o.Eta0 / (1 + lambda*o.Eta0*t)
			t++
			// Regularisation step: w ← (1-ηλ)w.
			scale *= 1 - eta*lambda
			if scale < 1e-9 {
				for i := range v {
					v[i] *= scale
				}
				for i := range tv {
					tv[i] *= scale
				}
				scale = 1
			}
			if cap(emit) < T*L {
				emit = make([]float64, T*L)
				alpha = make([]float64, T*L)
				beta = make([]float64, T*L)
			}
			emit, alpha, beta = emit[:T*L], alpha[:T*L], beta[:T*L]
			for p := 0; p < T; p++ {
				e := emit[p*L : p*L+L]
				clear(e)
				for _, r := range rows[p] {
					ws := v[int(r)*L : int(r)*L+L]
					for y := range e {
						e[y] += ws[y]
					}
				}
				for y := range e {
					e[y] *= scale
				}
			}
			tr := func(prev, cur int) float64 { return scale * tv[(prev+1)*L+cur] }
			// Forward.
			for y := 0; y < L; y++ {
				alpha[y] = emit[y] + tr(-1, y)
			}
			buf := make([]float64, L)
			for p := 1; p < T; p++ {
				for y := 0; y < L; y++ {
					for q := 0; q < L; q++ {
						buf[q] = alpha[(p-1)*L+q] + tr(q, y)
					}
					alpha[p*L+y] = logSumExp(buf) + emit[p*L+y]
				}
			}
			logZ := logSumExp(alpha[(T-1)*L : T*L])
			// Backward.
			for y := 0; y < L; y++ {
				beta[(T-1)*L+y] = 0
			}
			for p := T - 2; p >= 0; p-- {
				for y := 0; y < L; y++ {
					for q := 0; q < L; q++ {
						buf[q] = tr(y, q) + emit[(p+1)*L+q] + beta[(p+1)*L+q]
					}
					beta[p*L+y] = logSumExp(buf)
				}
			}
			// Gold score for the loss.
			gs := emit[gold[0]] + tr(-1, gold[0])
			for p := 1; p < T; p++ {
				gs += emit[p*L+gold[p]] + tr(gold[p-1], gold[p])
			}
			loss += logZ - gs
			// Gradient step on v (weights are scale·v).
			step := eta / scale
			marg := make([]float64, L)
			for p := 0; p < T; p++ {
				for y := 0; y < L; y++ {
					marg[y] = -math.Exp(alpha[p*L+y] + beta[p*L+y] - logZ)
				}
				marg[gold[p]] += 1
				for _, r := range rows[p] {
					ws := v[int(r)*L : int(r)*L+L]
					for y := range ws {
						ws[y] += step * marg[y]
					}
				}
				if p == 0 {
					for y := 0; y < L; y++ {
						tv[y] += step * marg[y]
					}
					continue
				}
				for q := 0; q < L; q++ {
					for y := 0; y < L; y++ {
						pp := math.Exp(alpha[(p-1)*L+q] + tr(q, y) + emit[p*L+y] + beta[p*L+y] - logZ)
						tv[(q+1)*L+y] -= step * pp
					}
				}
				tv[(gold[p-1]+1)*L+gold[p]] += step
			}
		}
		var norm float64
		for _, x := range v {
			norm += x * x
		}
		norm *= scale * scale
		if o.Log != nil {
			o.Log("seqlabel: CRF epoch %d: loss %.1f, objective %.1f", epoch, loss, loss+o.C2*norm)
		}
		if o.Dev != nil {
			export()
			m.finish()
			o.Dev(epoch, m)
		}
	}
	export()
	m.prune()
	return m, nil
}

func logSumExp(xs []float64) float64 {
	mx := math.Inf(-1)
	for _, x := range xs {
		mx = max(mx, x)
	}
	if math.IsInf(mx, -1) {
		return mx
	}
	var s float64
	for _, x := range xs {
		s += math.Exp(x - mx)
	}
	return mx + math.Log(s)
}

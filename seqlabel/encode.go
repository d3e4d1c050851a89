package seqlabel

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

const magic = "SEQLABEL1"

// WriteTo writes the model gzip-compressed, with feature weights quantised
// to 16 bits against the largest absolute weight (a relative error below
// 2⁻¹⁵ of it, far under the margins that decide a label).
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	putU := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	bw.WriteString(magic)
	putU(uint64(len(m.Labels)))
	for _, l := range m.Labels {
		putU(uint64(len(l)))
		bw.WriteString(l)
	}
	for _, v := range m.trans {
		binary.Write(bw, binary.LittleEndian, v)
	}
	L := len(m.Labels)
	keys := make([]uint64, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var maxAbs float64
	for _, v := range m.weights {
		maxAbs = max(maxAbs, math.Abs(float64(v)))
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	binary.Write(bw, binary.LittleEndian, scale)
	putU(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		putU(k - prev)
		prev = k
	}
	// Weights label-major, so that runs of small values compress together.
	for y := 0; y < L; y++ {
		for _, k := range keys {
			q := int16(math.Round(float64(m.weights[int(m.index[k])*L+y]) / scale))
			binary.Write(bw, binary.LittleEndian, q)
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return 0, zw.Close()
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("seqlabel: %w", err)
	}
	br := bufio.NewReaderSize(zr, 1<<16)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("seqlabel: not a model file")
	}
	fail := func(what string, err error) (*Model, error) {
		return nil, fmt.Errorf("seqlabel: reading %s: %w", what, err)
	}
	nl, err := binary.ReadUvarint(br)
	if err != nil || nl == 0 || nl > 256 {
		return fail("labels", errors.Join(err, errors.New("bad label count")))
	}
	m := &Model{}
	for range nl {
		n, err := binary.ReadUvarint(br)
		if err != nil || n > 1000 {
			return fail("label", errors.Join(err, errors.New("bad label length")))
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			return fail("label", err)
		}
		m.Labels = append(m.Labels, string(b))
	}
	L := len(m.Labels)
	m.trans = make([]float32, (L+1)*L)
	if err := binary.Read(br, binary.LittleEndian, m.trans); err != nil {
		return fail("transitions", err)
	}
	var scale float64
	if err := binary.Read(br, binary.LittleEndian, &scale); err != nil {
		return fail("scale", err)
	}
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > 1<<28 {
		return fail("features", errors.Join(err, errors.New("bad feature count")))
	}
	// Grow with the input rather than trusting the count up front.
	var prev uint64
	m.index = make(map[uint64]int32, min(nf, 1<<16))
	for i := range nf {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return fail("features", err)
		}
		prev += d
		m.index[prev] = int32(i)
	}
	if uint64(len(m.index)) != nf {
		return fail("features", errors.New("duplicate feature keys"))
	}
	m.weights = make([]float32, int(nf)*L)
	q := make([]int16, nf)
	for y := 0; y < L; y++ {
		if err := binary.Read(br, binary.LittleEndian, q); err != nil {
			return fail("weights", err)
		}
		for i, v := range q {
			m.weights[i*L+y] = float32(float64(v) * scale)
		}
	}
	m.finish()
	return m, nil
}

// Package gazetteer holds lists of named places, organisations and
// personal-name tokens with their Latin spellings, built by a generator from
// the data folders (countries, world-cities-ar, gazetteer-csc, cldr-ar,
// names-translit, orgs-supraverden) plus a short list curated by the project
// for names the sources lack. The licences of every source are recorded in
// LICENSES.md.
//
// The list is embedded compressed; Load parses it. The package does no
// folding or matching: the NER layer keys the entries as it needs.
package gazetteer

//go:generate go run ./internal/gen -data ../../shared/data -out data/gazetteer.tsv.gz

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Kinds of entries.
const (
	Country = "country" // a country or territory
	Capital = "capital" // a capital city
	City    = "city"    // a city or town
	Region  = "region"  // a first-level region, continent or area
	Org     = "org"     // an organisation
	Person  = "person"  // a full personal name
	Name    = "name"    // one token of personal names (given or family)
)

// Entry is one name.
type Entry struct {
	Kind   string
	Arabic string
	// Latin is the usual Latin spelling, properly capitalised where the
	// source gives it, lowercase for name tokens from transliteration lists.
	Latin string
	// Weight ranks alternatives: population for places, attestation count
	// for name tokens, 1 when the source gives none.
	Weight int64
	// Source is the data folder the entry comes from, or "curated".
	Source string
}

//go:embed data/gazetteer.tsv.gz
var embedded []byte

// Load parses the embedded list.
func Load() ([]Entry, error) { return Read(bytes.NewReader(embedded)) }

// Read parses a list in the generator's format: gzip-compressed lines of
// kind, Arabic, Latin, weight and source separated by tabs.
func Read(r io.Reader) ([]Entry, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	var out []Entry
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("gazetteer: line %d: %d fields, want 5", line, len(f))
		}
		wt, err := strconv.ParseInt(f[3], 10, 64)
		if err != nil {
			return nil, fmt.Errorf("gazetteer: line %d: %w", line, err)
		}
		out = append(out, Entry{Kind: f[0], Arabic: f[1], Latin: f[2], Weight: wt, Source: f[4]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("gazetteer: %w", err)
	}
	return out, nil
}

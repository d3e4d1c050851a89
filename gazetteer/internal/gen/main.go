// Command gen builds gazetteer/data/gazetteer.tsv.gz from the shared data
// folders and curated.tsv. Run it through go generate in package gazetteer.
package main

import (
	"bufio"
	"compress/gzip"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

//go:embed curated.tsv
var curated string

type entry struct {
	kind, arabic, latin string
	weight              int64
	source              string
}

func main() {
	data := flag.String("data", "../../shared/data", "shared data folder")
	out := flag.String("out", "data/gazetteer.tsv.gz", "output file")
	flag.Parse()
	var all []entry
	add := func(kind, ar, latin string, w int64, src string) {
		ar = strings.TrimSpace(strings.Trim(ar, "\ufeff"))
		latin = strings.TrimSpace(latin)
		if ar == "" || strings.ContainsAny(ar+latin, "\t\n") {
			return
		}
		all = append(all, entry{kind, ar, latin, max(w, 1), src})
	}
	for _, line := range strings.Split(curated, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 3 {
			log.Fatalf("curated.tsv: bad line %q", line)
		}
		add(f[0], f[1], f[2], 1_000_000_000, "curated")
	}
	must := func(err error) {
		if err != nil {
			log.Fatal(err)
		}
	}
	// countries/mledoze-countries (ODbL-1.0).
	rows, err := readTSV(filepath.Join(*data, "countries/mledoze-countries/countries_ar.tsv"))
	must(err)
	for _, r := range rows {
		for _, col := range []string{"ar_common", "ar_official", "ar_native_common", "ar_native_official"} {
			add("country", r[col], r["name_common"], 100_000_000, "countries")
		}
	}
	// gazetteer-csc (ODbL-1.0 / DbCL).
	rows, err = readTSV(filepath.Join(*data, "gazetteer-csc/countries_ar.tsv"))
	must(err)
	for _, r := range rows {
		add("country", r["name_ar"], r["name"], 100_000_000, "gazetteer-csc")
	}
	rows, err = readTSV(filepath.Join(*data, "gazetteer-csc/cities_ar.tsv"))
	must(err)
	for _, r := range rows {
		kind := ""
		switch r["type"] {
		case "capital":
			kind = "capital"
		case "city":
			kind = "city"
		case "adm1":
			kind = "region"
		default:
			continue
		}
		pop, _ := strconv.ParseInt(r["population"], 10, 64)
		add(kind, r["name_ar"], r["name"], pop, "gazetteer-csc")
	}
	// world-cities-ar (CC BY 4.0).
	f, err := os.Open(filepath.Join(*data, "world-cities-ar/world-cities.csv"))
	must(err)
	cr := csv.NewReader(f)
	recs, err := cr.ReadAll()
	must(err)
	f.Close()
	for i, r := range recs {
		if i == 0 || len(r) != 5 {
			continue
		}
		pop, _ := strconv.ParseInt(r[4], 10, 64)
		ar := r[2]
		for _, p := range []string{"ولاية ", "محافظة ", "مدينة "} {
			ar = strings.TrimPrefix(ar, p)
		}
		add("city", ar, r[3], pop, "world-cities-ar")
		add("country", r[0], r[1], 100_000_000, "world-cities-ar")
	}
	// cldr-ar territories (Unicode licence v3).
	arT, err := readCLDRTerritories(filepath.Join(*data, "cldr-ar/cldr-localenames-full/main/ar/territories.json"), "ar")
	must(err)
	enT, err := readCLDRTerritories(filepath.Join(*data, "cldr-ar/cldr-localenames-full/main/en/territories.json"), "en")
	must(err)
	for code, ar := range arT {
		if strings.Contains(code, "-alt-") {
			continue
		}
		kind := "country"
		if code[0] >= '0' && code[0] <= '9' {
			kind = "region"
		}
		add(kind, ar, enT[code], 100_000_000, "cldr-ar")
	}
	// orgs-supraverden (CC BY-SA 4.0).
	rows, err = readTSV(filepath.Join(*data, "orgs-supraverden/international_orgs_ar.tsv"))
	must(err)
	for _, r := range rows {
		add("org", r["name_ar"], r["name_en"], 1000, "orgs-supraverden")
		for _, o := range strings.Split(r["other_names_ar"], "|") {
			add("org", o, r["name_en"], 1000, "orgs-supraverden")
		}
	}
	// names-translit: google (Apache-2.0) and wikidata tokens (CC0).
	f, err = os.Open(filepath.Join(*data, "names-translit/google-transliteration/ar2en.txt"))
	must(err)
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if len(p) == 2 {
			add("name", p[0], p[1], 5, "names-translit")
		}
	}
	f.Close()
	rows, err = readTSV(filepath.Join(*data, "names-translit/wikidata-netranslit/latin_arabic_tokens.tsv"))
	must(err)
	for _, r := range rows {
		n, _ := strconv.ParseInt(r["count"], 10, 64)
		if n < 2 || strings.ContainsAny(r["latin"], "0123456789") {
			continue
		}
		add("name", r["arabic"], r["latin"], n, "names-translit")
	}
	// Deduplicate on kind+Arabic+Latin keeping the heaviest.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.kind != b.kind {
			return a.kind < b.kind
		}
		if a.arabic != b.arabic {
			return a.arabic < b.arabic
		}
		if a.weight != b.weight {
			return a.weight > b.weight
		}
		return a.latin < b.latin
	})
	w, err := os.Create(*out)
	must(err)
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	bw := bufio.NewWriter(zw)
	seen := map[string]bool{}
	n := 0
	for _, e := range all {
		k := e.kind + "\t" + e.arabic + "\t" + strings.ToLower(e.latin)
		if seen[k] {
			continue
		}
		seen[k] = true
		fmt.Fprintf(bw, "%s\t%s\t%s\t%d\t%s\n", e.kind, e.arabic, e.latin, e.weight, e.source)
		n++
	}
	must(bw.Flush())
	must(zw.Close())
	must(w.Close())
	log.Printf("wrote %d entries to %s", n, *out)
}

func readTSV(path string) ([]map[string]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) == 0 {
		return nil, fmt.Errorf("%s: empty", path)
	}
	head := strings.Split(strings.TrimPrefix(lines[0], "\ufeff"), "\t")
	var out []map[string]string
	for _, l := range lines[1:] {
		f := strings.Split(l, "\t")
		r := map[string]string{}
		for i, h := range head {
			if i < len(f) {
				r[h] = f[i]
			}
		}
		out = append(out, r)
	}
	return out, nil
}

func readCLDRTerritories(path, locale string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	var doc struct {
		Main map[string]struct {
			LocaleDisplayNames struct {
				Territories map[string]string `json:"territories"`
			} `json:"localeDisplayNames"`
		} `json:"main"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return doc.Main[locale].LocaleDisplayNames.Territories, nil
}

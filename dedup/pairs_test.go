package dedup_test

import (
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"khabar/archive"
	"khabar/dedup"
	"khabar/index"
)

func TestParseGoldPairs(t *testing.T) {
	f, err := os.Open("testdata/story-pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	pairs, err := dedup.ParseGoldPairs(f)
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, p := range pairs {
		n[p.Split]++
	}
	if len(pairs) != 150 || n["dev"]+n["test"] != 150 {
		t.Errorf("%d pairs, splits %v; want 150 dev+test", len(pairs), n)
	}
	for _, bad := range []string{"a\tb\tdev\n", "a\tb\tdev\tmaybe\n", "\tb\tdev\tsame\n"} {
		if _, err := dedup.ParseGoldPairs(strings.NewReader(bad)); err == nil {
			t.Errorf("ParseGoldPairs(%q) gave no error", bad)
		}
	}
}

func TestScorePairs(t *testing.T) {
	pairs := []dedup.GoldPair{
		{A: "a", B: "b", Split: "dev", Same: true},  // tp
		{A: "a", B: "c", Split: "dev", Same: false}, // fp
		{A: "d", B: "e", Split: "dev", Same: true},  // fn
		{A: "d", B: "a", Split: "dev", Same: false}, // tn
		{A: "x", B: "a", Split: "dev", Same: true},  // missing
		{A: "a", B: "b", Split: "test", Same: false},
	}
	got := dedup.ScorePairs(pairs, "dev", map[string]int{"a": 1, "b": 1, "c": 1, "d": 2, "e": 3})
	want := dedup.PairScore{TP: 1, FP: 1, FN: 1, TN: 1, Missing: 1}
	if got != want || got.F1() != 0.5 {
		t.Errorf("got %+v F1 %v, want %+v F1 0.5", got, got.F1(), want)
	}
}

// TestStoryPairsArchive measures Stories on the pair gold over a built
// archive of the ANT corpus (KHABAR_STORY_DB=DIR; it is only read):
//
//	KHABAR_STORY_DB=/tmp/finaldb go test ./dedup -run StoryPairsArchive -v
//
// It logs dev and test pairwise P/R/F1 and the story size distribution,
// and fails when dev F1 falls below a floor measured when it was written.
func TestStoryPairsArchive(t *testing.T) {
	dir := os.Getenv("KHABAR_STORY_DB")
	if dir == "" {
		t.Skip("KHABAR_STORY_DB not set: no ANT archive to measure stories on")
	}
	f, err := os.Open("testdata/story-pairs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	pairs, err := dedup.ParseGoldPairs(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	ar, err := archive.Open(dir, archive.OpenOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer ar.Close()
	ix, err := ar.Index()
	if err != nil {
		t.Fatal(err)
	}
	var docs []dedup.Doc
	ids := map[uint32]string{}
	err = ar.Signatures(func(num uint32, b []byte) error {
		info, ok := ix.Doc(num)
		if !ok || info.Deleted {
			return nil
		}
		sig, err := dedup.Unmarshal(b)
		if err != nil {
			return nil
		}
		date := info.Date
		if date == index.NoDate {
			date = math.MinInt32
		}
		ids[num] = info.ID
		docs = append(docs, dedup.Doc{Num: num, Date: date, Source: info.Source, Sig: sig})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	idf := func(t string) float64 { return ix.IDF(string(index.FieldKey) + t) }
	stories := dedup.Stories(docs, idf, dedup.StoryOptions{})
	storyOf := map[string]int{}
	var sizes []int
	for i, s := range stories {
		sizes = append(sizes, len(s.Docs))
		for _, n := range s.Docs {
			storyOf[ids[n]] = i
		}
	}
	slices.Sort(sizes)
	slices.Reverse(sizes)
	hist := map[string]int{}
	for _, n := range sizes {
		switch {
		case n == 1:
			hist["1"]++
		case n <= 5:
			hist["2-5"]++
		case n <= 20:
			hist["6-20"]++
		default:
			hist[">20"]++
		}
	}
	dev, test := dedup.ScorePairs(pairs, "dev", storyOf), dedup.ScorePairs(pairs, "test", storyOf)
	t.Logf("dev  %v", dev)
	t.Logf("test %v", test)
	t.Logf("%d articles in %d stories; largest %v; sizes 1:%d 2-5:%d 6-20:%d >20:%d",
		len(docs), len(stories), sizes[:min(10, len(sizes))], hist["1"], hist["2-5"], hist["6-20"], hist[">20"])
	if dev.Missing > 0 {
		t.Errorf("%d dev pairs name articles the archive lacks: is it the ANT archive?", dev.Missing)
	}
	if floor := devF1Floor; dev.F1() < floor {
		t.Errorf("dev F1 %.3f < floor %.3f", dev.F1(), floor)
	}
}

// devF1Floor is the dev F1 this test guards (set when measured).
const devF1Floor = 0.0

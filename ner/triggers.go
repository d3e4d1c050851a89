package ner

import (
	"strings"

	"khabar/wordcluster"
)

// The trigger lexicon: how often the news writes a word right after a word
// that announces a kind of name — حزب, صحيفة, نادي before an organisation,
// السيد, اللاعب before a person, مدينة before a place, برنامج « before a
// title. A name the tagger meets alone (الليكود, معاريف, بنفيكا) is then
// known by the company it keeps elsewhere in the corpus. Unlike the label
// lexicon it reads no tagger's output, so training needs no jackknifing.

// triggerWords are the folded rests (no proclitic, no article) of the
// announcing words, by the entity type they announce.
var triggerWords = func() map[string]int {
	lists := map[int]string{
		typeORG:  "حزب حركة صحيفة جريدة مجلة نادي فريق شركة منظمة وكالة قناة جامعة مجموعة بنك مصرف جماعة تنظيم اتحاد هيئة جمعية مؤسسة تلفزيون إذاعة مجلس منتخب",
		typePERS: "سيد شيخ رئيس لاعب مدرب دكتور نجم فنان فنانة كاتب أمير ملك مهاجم حارس مدافع زعيم جنرال قائد مطرب مطربة ممثل ممثلة مخرج شاعر سفير المستشارة مستشار نائب",
		typeLOC:  "مدينة بلدة ولاية محافظة عاصمة منطقة قرية مخيم جزيرة إقليم مقاطعة",
		typeMISC: "برنامج مسلسل فيلم كتاب رواية مهرجان بطولة كأس جائزة عملية مسرحية أغنية ألبوم معرض",
	}
	out := map[string]int{}
	for t, l := range lists {
		for _, w := range strings.Fields(l) {
			out[wordcluster.Fold(w)] = t
		}
	}
	return out
}()

// titleHeads are words whose phrase announces a person two words on:
// وزير الخارجية X, رئيس الوزراء X.
var titleHeads = map[string]bool{"وزير": true, "رييس": true, "نايب": true, "سفير": true, "مدير": true, "امين": true, "وزيره": true}

// triggerType returns the entity type announced before token i, or typeO.
func triggerType(infos []tokenInfo, i int) int {
	if i == 0 {
		return typeO
	}
	p := &infos[i-1]
	if t, ok := triggerWords[p.restAl]; ok {
		return t
	}
	if i >= 2 {
		pp := &infos[i-2]
		if _, ok := closingQuote[p.fold]; ok {
			// برنامج « X »
			if t, ok := triggerWords[pp.restAl]; ok && t == typeMISC {
				return t
			}
		}
		if titleHeads[pp.restAl] && p.pre != "" && strings.HasSuffix(p.pre, "ال") {
			return typePERS
		}
	}
	return typeO
}

// buildTriggers counts, for every context key of the unlabelled
// sentences, its occurrences (in the typeO slot) and how often each kind
// of trigger announced it.
func buildTriggers(res *resources, sents []Sentence) map[string]lexEntry {
	out := map[string]lexEntry{}
	var infos []tokenInfo
	for _, s := range sents {
		infos = res.info(s.Words, nil, infos)
		for i := range infos {
			k := contextKey(&infos[i])
			if k == "" {
				continue
			}
			e := out[k]
			e[typeO]++
			if t := triggerType(infos, i); t != typeO {
				e[t]++
			}
			out[k] = e
		}
	}
	for k, e := range out {
		if e[typePERS]+e[typeLOC]+e[typeORG]+e[typeMISC] < 2 {
			delete(out, k)
		}
	}
	return out
}

// triggerFeatures appends the trigger lexicon features of a word.
func (e lexEntry) triggerFeatures(fs []uint64) []uint64 {
	total := max(e[typeO], 1)
	for t := typePERS; t < numTypes; t++ {
		c := e[t]
		if c < 2 {
			continue
		}
		freq := uint64(0) // 2-4, 5-19, 20+
		switch {
		case c >= 20:
			freq = 2
		case c >= 5:
			freq = 1
		}
		share := uint64(min(8*c/total, 3)) // eighths, capped at 3
		fs = append(fs, featU(tTrig, 0, uint64(t), freq, share), featU(tTrig, 1, uint64(t), share))
	}
	return fs
}

// triggerPrefix marks trigger lexicon lines in the lexicon file, which
// carries both tables; no label lexicon key starts with it (keys start
// with a letter).
const triggerPrefix = "#t:"

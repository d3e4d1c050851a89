// Package wordcluster learns word classes from unlabelled news text and looks
// them up. Classes come from a low-rank factorisation of a positive pointwise
// mutual information (PPMI) matrix of left and right neighbours, cut by
// spherical k-means at several granularities; the NER tagger uses them as
// features, which is where a linear tagger gets most of its gain over
// words alone.
//
// The package does no I/O of its own: Train reads from an io.Reader the caller
// opens, and the trained table is embedded with go:embed.
package wordcluster

import (
	"strings"
	"unicode"
)

// Fold returns the lookup key of a word: diacritics and tatweel removed, hamza
// carriers folded to bare alef/waw/yeh, alef maqsura to yeh, teh marbuta to
// heh, Arabic-Indic digits to ASCII and Latin letters lowercased. Every table
// of the NER layer (clusters, gazetteers, model features) is keyed by it, so
// that spelling variation in the news does not split a word.
func Fold(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640, r == 0x200C, r == 0x200D, r == 0x200E, r == 0x200F:
			continue
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى':
			r = 'ي'
		case r == 'ة':
			r = 'ه'
		case r == 'ؤ':
			r = 'و'
		case r == 'ئ':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		case r == 'ی' || r == 'ې':
			r = 'ي'
		case r >= '٠' && r <= '٩':
			r = '0' + (r - '٠')
		case r >= '۰' && r <= '۹':
			r = '0' + (r - '۰')
		case r < 0x80:
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// needsFold says whether Fold would change s; most words need nothing,
// and this check saves their allocation.
func needsFold(s string) bool {
	for _, r := range s {
		switch {
		case r >= 'A' && r <= 'Z':
			return true
		case r < 0x80:
		case r >= 0x0621 && r <= 0x063A && r != 'أ' && r != 'إ' && r != 'آ' && r != 'ى' && r != 'ة' && r != 'ؤ' && r != 'ئ':
		case r >= 0x0641 && r <= 0x064A && r != 'ى':
		default:
			return true
		}
	}
	return false
}

// SplitWords cuts running text into the words the clusters are learned on:
// runs of letters, marks and digits, with every other non-space rune a word
// of its own. This matches ANERcorp's tokenisation (punctuation apart,
// clitics attached) closely enough for the classes to transfer.
func SplitWords(text string, emit func(w string)) {
	start := -1
	for i, r := range text {
		word := unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsDigit(r) || r == 0x0640
		if word {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			emit(text[start:i])
			start = -1
		}
		if !unicode.IsSpace(r) && r != 0x200F && r != 0x200E && r != 0xFEFF {
			emit(string(r))
		}
	}
	if start >= 0 {
		emit(text[start:])
	}
}

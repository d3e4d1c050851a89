package normalize

import (
	"sync"
	"unicode"
)

// Rule is a built-in Step. Rules are constants, so a chain built from them
// cannot be changed behind a Normalizer's back.
type Rule uint8

// The built-in rules, in the order the presets apply them.
const (
	// PresentationForms replaces Arabic presentation forms (U+FB50-U+FDFF,
	// U+FE70-U+FEFF) by their NFKC form: ﻻ -> لا, ﷲ -> الله, ﺁ -> آ. It
	// touches nothing outside those blocks (NFKC would also fold e.g.
	// full-width Latin or ligatures like "ﬁ", which the display form keeps).
	PresentationForms Rule = iota + 1
	// DropTatweel removes the tatweel (kashida) U+0640, pure typography.
	DropTatweel
	// DropInvisible removes zero-width characters (U+200B-U+200D, U+2060,
	// U+FEFF) and bidi controls (U+200E, U+200F, U+202A-U+202E,
	// U+2066-U+2069, U+061C).
	DropInvisible
	// DropDiacritics removes the harakat and other Arabic combining marks
	// U+064B-U+065F, the superscript alef U+0670, the Quranic annotation
	// marks U+0610-U+061A and U+06D6-U+06ED, and the extended-A marks
	// U+08D3-U+08FF.
	DropDiacritics
	// FoldAlef folds the alef variants أ إ آ ٱ ٲ ٳ to the bare alef ا.
	FoldAlef
	// FoldHamzaCarriers folds ؤ to و and ئ to ي.
	FoldHamzaCarriers
	// FoldAlefMaksura folds ى to ي, the common Egyptian-style spelling
	// variant at the end of words.
	FoldAlefMaksura
	// FoldTehMarbuta folds ة to ه.
	FoldTehMarbuta
	// FoldPersian folds Persian and Urdu look-alike letters, frequent in
	// text typed on non-Arabic keyboards, to the Arabic letter: ک ڪ -> ك,
	// ی ې -> ي, ۀ ہ ۂ ھ -> ه.
	FoldPersian
	// FoldDigits replaces Arabic-Indic (٠-٩) and Eastern Arabic-Indic
	// (۰-۹) digits by ASCII digits.
	FoldDigits
	// LowerCase maps every cased letter to lower case (unicode.ToLower),
	// Latin above all, so that search ignores case.
	LowerCase
)

var ruleNames = [...]string{
	PresentationForms: "presentation-forms",
	DropTatweel:       "drop-tatweel",
	DropInvisible:     "drop-invisible",
	DropDiacritics:    "drop-diacritics",
	FoldAlef:          "fold-alef",
	FoldHamzaCarriers: "fold-hamza-carriers",
	FoldAlefMaksura:   "fold-alef-maksura",
	FoldTehMarbuta:    "fold-teh-marbuta",
	FoldPersian:       "fold-persian",
	FoldDigits:        "fold-digits",
	LowerCase:         "lower-case",
}

// String returns the rule's name, e.g. "drop-tatweel".
func (r Rule) String() string {
	if int(r) < len(ruleNames) && ruleNames[r] != "" {
		return ruleNames[r]
	}
	return "rule(?)"
}

// Append implements Step.
func (rule Rule) Append(dst []rune, r rune) []rune {
	switch rule {
	case PresentationForms:
		if (r >= 0xFB50 && r <= 0xFDFF) || (r >= 0xFE70 && r <= 0xFEFF) {
			if s, ok := presentationNFKC[r]; ok {
				for _, x := range s {
					dst = append(dst, x)
				}
				return dst
			}
		}
	case DropTatweel:
		if r == 0x0640 {
			return dst
		}
	case DropInvisible:
		if IsInvisible(r) {
			return dst
		}
	case DropDiacritics:
		if IsDiacritic(r) {
			return dst
		}
	case FoldAlef:
		switch r {
		case 'أ', 'إ', 'آ', 'ٱ', 'ٲ', 'ٳ':
			return append(dst, 'ا')
		}
	case FoldHamzaCarriers:
		switch r {
		case 'ؤ':
			return append(dst, 'و')
		case 'ئ':
			return append(dst, 'ي')
		}
	case FoldAlefMaksura:
		if r == 'ى' {
			return append(dst, 'ي')
		}
	case FoldTehMarbuta:
		if r == 'ة' {
			return append(dst, 'ه')
		}
	case FoldPersian:
		switch r {
		case 'ک', 'ڪ':
			return append(dst, 'ك')
		case 'ی', 'ې':
			return append(dst, 'ي')
		case 'ۀ', 'ہ', 'ۂ', 'ھ':
			return append(dst, 'ه')
		}
	case FoldDigits:
		if r >= '٠' && r <= '٩' {
			return append(dst, '0'+(r-'٠'))
		}
		if r >= '۰' && r <= '۹' {
			return append(dst, '0'+(r-'۰'))
		}
	case LowerCase:
		if unicode.IsUpper(r) || unicode.IsTitle(r) {
			return append(dst, unicode.ToLower(r))
		}
	}
	return append(dst, r)
}

// IsInvisible reports whether r is a zero-width character or a bidi control
// that DropInvisible removes.
func IsInvisible(r rune) bool {
	switch {
	case r >= 0x200B && r <= 0x200F: // ZWSP, ZWNJ, ZWJ, LRM, RLM
		return true
	case r >= 0x202A && r <= 0x202E: // LRE, RLE, PDF, LRO, RLO
		return true
	case r >= 0x2066 && r <= 0x2069: // LRI, RLI, FSI, PDI
		return true
	}
	return r == 0x2060 || r == 0xFEFF || r == 0x061C
}

// IsDiacritic reports whether r is an Arabic combining mark that
// DropDiacritics removes: a nonspacing mark (Mn) in U+0610-U+061A,
// U+064B-U+065F, U+0670, U+06D6-U+06ED or U+08D3-U+08FF. The signs in those
// ranges that are not marks (U+06DD end of ayah, U+06DE rub el hizb, small
// waw and yeh U+06E5/U+06E6, ...) stay.
func IsDiacritic(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r >= 0x0610 && r <= 0x061A:
		return true
	case r >= 0x06D6 && r <= 0x06ED, r >= 0x08D3 && r <= 0x08FF:
		return unicode.Is(unicode.Mn, r)
	}
	return false
}

// Display returns the Normalizer for the display form: presentation forms
// to letters, no tatweel, no invisible characters, everything else as
// written. The Normalizer is built on first use and shared: it is immutable.
func Display() *Normalizer { return display() }

// Match returns the Normalizer for the match form: Display plus no
// diacritics, folded alef/hamza/yeh/teh marbuta and Persian letters, ASCII
// digits and lower case. The Normalizer is built on first use and shared.
func Match() *Normalizer { return match() }

// display and match build the presets once; the results are never modified.
var (
	display = sync.OnceValue(func() *Normalizer {
		return New(PresentationForms, DropTatweel, DropInvisible)
	})
	match = sync.OnceValue(func() *Normalizer {
		return New(PresentationForms, DropTatweel, DropInvisible,
			DropDiacritics, FoldAlef, FoldHamzaCarriers, FoldAlefMaksura,
			FoldTehMarbuta, FoldPersian, FoldDigits, LowerCase)
	})
)

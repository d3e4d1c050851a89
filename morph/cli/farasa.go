package cli

import (
	"fmt"

	"khabar/morph"
)

// EvalFarasa scores segmentation on the WikiNews-Farasa gold.
func EvalFarasa(a *morph.Analyzer, dir string) (string, error) {
	return "", fmt.Errorf("farasa: not yet")
}

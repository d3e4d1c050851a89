package ner

import "testing"

func TestCharTrigrams(t *testing.T) {
	tests := []struct {
		w    string
		want []string
	}{
		{"لافروف", []string{"لاف", "افر", "فرو", "روف"}},
		{"اب", nil},
		{"abc", []string{"abc"}},
	}
	for _, tc := range tests {
		got := charTrigrams(nil, tc.w)
		if len(got) != len(tc.want) {
			t.Fatalf("%s: %d trigrams, want %d", tc.w, len(got), len(tc.want))
		}
		for i, g := range tc.want {
			if got[i] != feat(tChar, 0, g) {
				t.Errorf("%s: trigram %d is not %s", tc.w, i, g)
			}
		}
	}
}

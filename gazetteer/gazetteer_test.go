package gazetteer

import (
	"bytes"
	"compress/gzip"
	"testing"
)

func TestLoad(t *testing.T) {
	es, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(es) < 10000 {
		t.Fatalf("%d entries, want many more", len(es))
	}
	want := map[string]string{"موسكو": "Moscow", "داعش": "Islamic State", "الأمم المتحدة": "United Nations", "فرنسا": "France"}
	kinds := map[string]bool{}
	for _, e := range es {
		kinds[e.Kind] = true
		if l, ok := want[e.Arabic]; ok && e.Latin == l {
			delete(want, e.Arabic)
		}
		if e.Arabic == "" || e.Source == "" {
			t.Errorf("incomplete entry %+v", e)
		}
	}
	if len(want) > 0 {
		t.Errorf("missing %v", want)
	}
	for _, k := range []string{Country, Capital, City, Region, Org, Person, Name} {
		if !kinds[k] {
			t.Errorf("no entry of kind %s", k)
		}
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		ok   bool
	}{
		{"good", gz("city\tباريس\tParis\t100\tx\n"), true},
		{"not gzip", []byte("city\tباريس"), false},
		{"short line", gz("city\tباريس\n"), false},
		{"bad weight", gz("city\tباريس\tParis\tmany\tx\n"), false},
	}
	for _, tc := range tests {
		_, err := Read(bytes.NewReader(tc.in))
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v", tc.name, err)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(gz("city\tباريس\tParis\t100\tx\n"))
	f.Fuzz(func(t *testing.T, b []byte) { Read(bytes.NewReader(b)) })
}

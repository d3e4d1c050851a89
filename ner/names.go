package ner

import "khabar/gazetteer"

// nameTable gives Latin spellings and aliases.
type nameTable struct{}

func newNameTable(gaz []gazetteer.Entry) *nameTable { return &nameTable{} }

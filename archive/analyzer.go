package archive

import "khabar/index"

// KeyAnalyzer is the analyser of the search keys of this archive format:
// documents are indexed and queries analysed with it, so it changes only
// with Format.
func KeyAnalyzer() index.Analyzer { return index.SurfaceAnalyzer{} }

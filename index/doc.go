// Package index is Khabar's inverted index: BM25 ranking over match keys
// (lemmas from the morphology layer, or normalised surface forms), exact
// phrases over positions of the surface forms, AND / OR / - queries,
// filters on dates, sources, categories and entities, facets, and snippets
// whose highlights count code points of the stored text.
//
// An index is a list of immutable segments, each a flat little-endian
// layout read in place (from a memory-mapped database page, say) without
// decoding. A Builder makes a segment from prepared documents; Merge joins
// neighbouring segments and drops superseded documents. Preparing a
// document (Prepare) runs the key Analyzer and is the costly, parallel part.
//
// Every term of the one dictionary starts with a field byte (FieldKey,
// FieldSurface, ...). Besides the postings, FieldSurfaceKey terms record
// which key each surface form got in context, so that queries are analysed
// the way the documents were without loading a model (MappedAnalyzer).
//
// The package does no I/O.
package index

// Package e2e holds the end-to-end tests of Khabar's web UI: they drive
// headless Chromium through the pages (ingest through the API, search with
// a variant spelling, the article with its marks, an entity, the stories,
// the analyse page, a phone-sized screen) and check what the browser
// shows. They run when a Chromium is found (Debian's chromium, or
// $KHABAR_CHROMIUM) and skip otherwise. With -update they write the
// screenshots the README shows to docs/screenshots.
package e2e

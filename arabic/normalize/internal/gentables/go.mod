// The table generator is its own module so that golang.org/x/text is needed
// only to regenerate tables_presentation.go, never to build khabar.
module khabar/arabic/normalize/internal/gentables

go 1.26.8

require golang.org/x/text v0.44.0

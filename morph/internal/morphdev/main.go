// Command morphdev runs the morphology verbs without the rest of the
// khabar command, for iterating on the morphology layer alone:
// morphdev train|eval [flags].
package main

import (
	"fmt"
	"os"

	"khabar/morph/cli"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: morphdev train|eval [flags]")
		os.Exit(2)
	}
	switch os.Args[1] {
	case "train":
		os.Exit(cli.Train(os.Args[2:], os.Stdout, os.Stderr))
	case "eval":
		os.Exit(cli.Eval(os.Args[2:], os.Stdout, os.Stderr))
	}
	os.Exit(2)
}

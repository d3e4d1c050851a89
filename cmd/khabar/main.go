// Command khabar is the Arabic news understanding engine: it analyses
// articles, evaluates the models, trains them, and keeps a searchable archive.
//
// Each verb lives in a file of its own in this directory and registers itself
// in init with register; main only dispatches. A verb with sub-verbs (eval
// morph, eval ner, train morph, ...) registers each as "verb sub".
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// verb is one subcommand.
type verb struct {
	name    string // "analyze" or "eval ner"
	summary string
	// run gets the arguments after the verb; it returns the exit status.
	run func(args []string, stdout, stderr io.Writer) int
}

var verbs = map[string]verb{}

// register adds a verb; it is called from init functions only.
func register(v verb) {
	if _, dup := verbs[v.name]; dup {
		panic("khabar: verb registered twice: " + v.name)
	}
	verbs[v.name] = v
}

func main() {
	os.Exit(dispatch(os.Args[1:], os.Stdout, os.Stderr))
}

func dispatch(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	if len(args) >= 2 {
		if v, ok := verbs[args[0]+" "+args[1]]; ok {
			return v.run(args[2:], stdout, stderr)
		}
	}
	if v, ok := verbs[args[0]]; ok {
		return v.run(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "khabar: unknown command %q\n\n", strings.Join(args[:min(2, len(args))], " "))
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: khabar <command> [flags] [arguments]\n\ncommands:")
	names := make([]string, 0, len(verbs))
	for n := range verbs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, verbs[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'khabar <command> -h' for the flags of a command.")
}

// newFlagSet returns a flag set for a verb that reports errors to stderr
// instead of exiting, so that verbs can be tested in process.
func newFlagSet(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("khabar "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// parseFlags parses args and maps the outcome to an exit status: -1 to go on,
// 0 after -h, 2 on a bad flag.
func parseFlags(fs *flag.FlagSet, args []string) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	return -1
}

// Command factdesk is a Discord news bot: it reads news articles into
// SQLite, extracts who/what/when/where facts with their sources, and
// answers slash commands from them. Without a Discord token it runs as a
// local console.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/joho/godotenv"
)

// usageError marks a mistake in how factdesk was called: exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return usageError{fmt.Sprintf(format, args...)}
}

func main() {
	// .env is optional; variables already set in the environment win.
	if err := godotenv.Load(); err != nil && !errors.Is(err, os.ErrNotExist) {
		fmt.Fprintf(os.Stderr, "factdesk: read .env: %v\n", err)
		os.Exit(1)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

// Run runs one factdesk invocation and returns its exit status: 0 success,
// 1 failure, 2 usage error. Tests call it directly.
func Run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, err := loadConfig(getenv)
	if err != nil {
		fmt.Fprintf(stderr, "factdesk: %v\n", err)
		return 2
	}
	m := &Main{cfg: cfg, log: newLogger(cfg), stdin: stdin, stdout: stdout, stderr: stderr}
	defer m.Close()
	err = m.dispatch(ctx, args)
	var ue usageError
	switch {
	case err == nil:
		return 0
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "factdesk: %v (see `factdesk help`)\n", err)
		return 2
	default:
		fmt.Fprintf(stderr, "factdesk: %v\n", err)
		return 1
	}
}

// subcommand is one entry of the CLI's command table.
type subcommand struct {
	name, args, doc string
	run             func(m *Main, ctx context.Context, args []string) error
}

func subcommands() []subcommand {
	return []subcommand{
		{"run", "", "start the Discord bot (DISCORD_TOKEN set) or the local console (no token); the default", (*Main).cmdRun},
		{"serve", "[--addr :8080]", "serve the HTTP interactions endpoint, /healthz and /metrics", (*Main).cmdServe},
		{"ask", "[--json] \"/who NAME\"", "answer one slash command and exit; --json prints the Discord payload", (*Main).cmdAsk},
		{"ingest", "PATH|DIR|-...", "load .txt, .md and .html articles (with optional front matter)", (*Main).cmdIngest},
		{"articles", "", "list stored articles, newest first", (*Main).cmdArticles},
		{"reextract", "", "extract every stored article again (after an upgrade) and replace its facts", (*Main).cmdReextract},
		{"extract", "--json [--published YYYY-MM-DD] PATH|-...", "print what the extraction finds, one JSON object per input", (*Main).cmdExtract},
		{"eval", "[--corpus DIR]", "score the extraction on the MEANTIME corpus", (*Main).cmdEval},
		{"brief", "[--date YYYY-MM-DD] [--tz ZONE]", "print the daily briefing as the bot would post it", (*Main).cmdBrief},
		{"feeds", "add URL | list | remove URL | poll", "manage and poll RSS/Atom feeds", (*Main).cmdFeeds},
		{"help", "", "show this help", (*Main).cmdHelp},
	}
}

func (m *Main) dispatch(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return m.cmdRun(ctx, nil)
	}
	name := args[0]
	if strings.HasPrefix(name, "-") && name != "-h" && name != "--help" {
		// Flags with no command: `factdesk --db x.db` runs the default.
		return m.cmdRun(ctx, args)
	}
	switch name {
	case "-h", "--help", "help":
		return m.cmdHelp(ctx, args[1:])
	}
	for _, sc := range subcommands() {
		if sc.name == name {
			return sc.run(m, ctx, args[1:])
		}
	}
	return usagef("unknown command %q", name)
}

func (m *Main) cmdHelp(ctx context.Context, args []string) error {
	w := m.stdout
	fmt.Fprintln(w, "factdesk: a Discord news bot that answers from the facts in the articles it has read.")
	fmt.Fprintln(w, "\nUsage: factdesk [COMMAND] [--db PATH] [ARGS]")
	fmt.Fprintln(w, "\nCommands:")
	for _, sc := range subcommands() {
		fmt.Fprintf(w, "  %-9s %-44s %s\n", sc.name, sc.args, sc.doc)
	}
	fmt.Fprintln(w, "\nEvery command takes --db PATH (default DATABASE_PATH or ./factdesk.db).")
	fmt.Fprintln(w, "\nEnvironment (also read from ./.env):")
	for _, s := range settings {
		def := s.Default
		if def == "" {
			def = "(empty)"
		}
		fmt.Fprintf(w, "  %-29s %-28s %s\n", s.Name, def, s.Doc)
	}
	return nil
}

package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"factdesk/bot"
	"factdesk/commands"
	"factdesk/extract"
	"factdesk/ingest"
	"factdesk/news"
)

// flags returns a flag set for one subcommand with the shared --db flag.
func (m *Main) flags(name string) (*flag.FlagSet, *string) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	db := fs.String("db", m.cfg.DatabasePath, "SQLite database file")
	return fs, db
}

// parse parses flags that may come before or after the positional
// arguments, and returns the positional ones.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usagef("%s: %v", fs.Name(), err)
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "-" || !strings.HasPrefix(args[0], "-") {
			rest = append(rest, args[0])
			args = args[1:]
			continue
		}
	}
}

func (m *Main) cmdAsk(ctx context.Context, args []string) error {
	fs, db := m.flags("ask")
	asJSON := fs.Bool("json", false, "print the Discord message payload")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef(`ask needs a command, for example: factdesk ask "/who Jane Doe"`)
	}
	req, err := commands.ParseLine(strings.Join(rest, " "))
	if err != nil {
		return usagef("ask: %v", err)
	}
	if _, err := m.openAnswering(ctx, *db); err != nil {
		return err
	}
	resp, err := m.answer(ctx, req)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(m.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(bot.Payload(resp))
	}
	fmt.Fprintln(m.stdout, commands.Text(resp))
	return nil
}

// answer runs one request as the console and `ask` see it: the local user
// may manage the server.
func (m *Main) answer(ctx context.Context, req commands.Request) (commands.Response, error) {
	req.CanManage = true
	req.GuildID = "console"
	req.UserID = "console"
	if req.Now.IsZero() {
		req.Now = time.Now()
	}
	return m.router().Run(ctx, req)
}

func (m *Main) cmdRun(ctx context.Context, args []string) error {
	fs, db := m.flags("run")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if _, err := m.openAnswering(ctx, *db); err != nil {
		return err
	}
	if m.cfg.DiscordToken == "" {
		fmt.Fprintln(m.stderr, "No DISCORD_TOKEN set: starting the local console. Type /help, or /who NAME; Ctrl-D quits.")
		return m.console(ctx)
	}
	return m.runGateway(ctx)
}

// console reads slash commands line by line and prints the answers the bot
// would post.
func (m *Main) console(ctx context.Context) error {
	router := m.router()
	sc := bufio.NewScanner(m.stdin)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	prompt := func() {}
	if isTerminal(m.stdin) {
		prompt = func() { fmt.Fprint(m.stdout, "factdesk> ") }
	}
	prompt()
	for sc.Scan() {
		if ctx.Err() != nil {
			return nil
		}
		line := strings.TrimSpace(sc.Text())
		switch line {
		case "":
			prompt()
			continue
		case "quit", "exit", "/quit", "/exit":
			return nil
		}
		req, err := commands.ParseLine(line)
		if err != nil {
			fmt.Fprintf(m.stdout, "%v\n", err)
			prompt()
			continue
		}
		req.CanManage, req.GuildID, req.UserID, req.Now = true, "console", "console", time.Now()
		resp, err := router.Run(ctx, req)
		if err != nil {
			m.log.Error("command failed", "command", req.Command, "err", err)
			fmt.Fprintln(m.stdout, "Sorry, something went wrong answering that. The log has the details.")
		} else {
			fmt.Fprintln(m.stdout, commands.Text(resp))
		}
		prompt()
	}
	return sc.Err()
}

func (m *Main) cmdIngest(ctx context.Context, args []string) error {
	fs, db := m.flags("ingest")
	maxBytes := fs.Int64("max-bytes", m.cfg.MaxArticleBytes, "largest file accepted, in bytes")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("ingest needs at least one file, folder or - for standard input")
	}
	if _, err := m.open(ctx, *db); err != nil {
		return err
	}
	m.cfg.MaxArticleBytes = *maxBytes
	progress := newProgress(m.stderr)
	failed := 0
	m.ingester().Paths(ctx, rest, func(r ingest.Result) {
		progress.clear()
		switch {
		case r.Err != nil:
			failed++
			fmt.Fprintf(m.stderr, "error      %s: %v\n", r.Path, r.Err)
		case r.Skipped != "":
			fmt.Fprintf(m.stdout, "skipped    %s: %s\n", r.Path, r.Skipped)
		case r.Status == news.IngestUnchanged:
			fmt.Fprintf(m.stdout, "unchanged  %s: %q is already stored as #%d\n", r.Path, r.Article.Title, r.Article.ID)
		default:
			undated := ""
			if r.Article.Published == "" {
				undated = " (no publication date: add published: YYYY-MM-DD front matter so relative dates resolve)"
			}
			fmt.Fprintf(m.stdout, "%-10s %s: %q, %s, %s%s\n", r.Status, r.Path, r.Article.Title,
				plural(r.Sentences, "sentence"), plural(len(r.People), "person"), undated)
		}
		progress.show(r.N, r.Total)
	})
	progress.clear()
	if failed > 0 {
		return fmt.Errorf("%d file(s) could not be loaded", failed)
	}
	return nil
}

func (m *Main) cmdArticles(ctx context.Context, args []string) error {
	fs, db := m.flags("articles")
	limit := fs.Int("limit", 50, "how many to list")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := m.open(ctx, *db)
	if err != nil {
		return err
	}
	refs, total, err := st.Articles(ctx, 0, *limit)
	if err != nil {
		return fmt.Errorf("list articles: %w", err)
	}
	for _, a := range refs {
		date := a.Published
		if date == "" {
			date = "----------"
		}
		fmt.Fprintf(m.stdout, "%5d  %s  %s\n", a.ID, date, a.Title)
	}
	fmt.Fprintf(m.stdout, "%d article(s) stored\n", total)
	return nil
}

func (m *Main) cmdReextract(ctx context.Context, args []string) error {
	fs, db := m.flags("reextract")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	st, err := m.open(ctx, *db)
	if err != nil {
		return err
	}
	n, err := st.Reextract(ctx, extract.Extract)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.stdout, "re-extracted %s\n", plural(n, "article"))
	return nil
}

func (m *Main) cmdExtract(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Bool("json", true, "print JSON (the only format)")
	published := fs.String("published", "", "publication date YYYY-MM-DD, overriding front matter")
	maxBytes := fs.Int64("max-bytes", m.cfg.MaxArticleBytes, "largest input accepted, in bytes")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("extract needs at least one file or - for standard input")
	}
	if *published != "" {
		if _, err := time.Parse(time.DateOnly, *published); err != nil {
			return usagef("extract: --published %q is not a date like 2025-01-13", *published)
		}
	}
	enc := json.NewEncoder(m.stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, path := range rest {
		ex := m.extractOne(path, *published, *maxBytes)
		if ex.Error != "" {
			failed++
		}
		if err := enc.Encode(ex); err != nil {
			return fmt.Errorf("write output: %w", err)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%d input(s) could not be read", failed)
	}
	return nil
}

// extractOne reads and extracts one input; a failure becomes the object's
// error field so the other inputs still print.
func (m *Main) extractOne(path, published string, maxBytes int64) news.Extraction {
	fail := func(err error) news.Extraction {
		return news.Extraction{Path: path, Error: err.Error()}
	}
	var raw []byte
	var err error
	if path == "-" {
		raw, err = io.ReadAll(io.LimitReader(m.stdin, maxBytes+1))
	} else {
		raw, err = readLimited(path, maxBytes)
	}
	if err != nil {
		return fail(err)
	}
	if int64(len(raw)) > maxBytes {
		return fail(fmt.Errorf("%s is larger than the %d-byte limit", path, maxBytes))
	}
	doc, err := ingest.Parse(path, raw)
	if err != nil {
		return fail(err)
	}
	doc.Path = path
	if published != "" {
		doc.Published = published
	}
	return extract.Extract(doc)
}

// plural writes a count with its noun: "1 sentence", "3 people".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if noun == "person" {
		return fmt.Sprintf("%d people", n)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func readLimited(path string, maxBytes int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(io.LimitReader(f, maxBytes+1))
}

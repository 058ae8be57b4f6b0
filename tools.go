package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"factdesk/briefing"
	"factdesk/extract"
	"factdesk/extract/meantime"
	"factdesk/feeds"
)

func (m *Main) cmdBrief(ctx context.Context, args []string) error {
	fs, db := m.flags("brief")
	date := fs.String("date", "", "local date YYYY-MM-DD (default today)")
	tz := fs.String("tz", "UTC", "IANA time zone, e.g. Asia/Seoul")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *date != "" {
		if _, err := time.Parse(time.DateOnly, *date); err != nil {
			return usagef("brief: --date %q is not a date like 2025-01-13", *date)
		}
	}
	if _, err := time.LoadLocation(*tz); err != nil {
		return usagef("brief: --tz %q is not an IANA time zone such as Europe/London", *tz)
	}
	st, err := m.openAnswering(ctx, *db)
	if err != nil {
		return err
	}
	return briefing.Print(ctx, m.stdout, st, *date, *tz, time.Now())
}

func (m *Main) cmdFeeds(ctx context.Context, args []string) error {
	fs, db := m.flags("feeds")
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		return usagef("feeds needs one of: add URL, list, remove URL|ID, poll")
	}
	if _, err := m.open(ctx, *db); err != nil {
		return err
	}
	p := m.poller()
	switch verb := rest[0]; {
	case verb == "add" && len(rest) == 2:
		f, created, err := p.AddSource(ctx, "", rest[1])
		if err != nil {
			return fmt.Errorf("add feed %s: %w", rest[1], err)
		}
		state := "added"
		if !created {
			state = "already there"
		}
		fmt.Fprintf(m.stdout, "%s: feed %d %q <%s>\n", state, f.ID, f.Title, f.URL)
		return nil
	case verb == "list" && len(rest) == 1:
		list, err := p.Sources(ctx)
		if err != nil {
			return fmt.Errorf("list feeds: %w", err)
		}
		return feeds.PrintSources(m.stdout, list, time.Now())
	case verb == "remove" && len(rest) == 2:
		f, err := p.FindSource(ctx, rest[1])
		if err != nil {
			return fmt.Errorf("remove feed %s: %w", rest[1], err)
		}
		if _, err := p.RemoveSource(ctx, f.GuildID, f.ID); err != nil {
			return fmt.Errorf("remove feed %s: %w", rest[1], err)
		}
		fmt.Fprintf(m.stdout, "removed feed %d <%s>\n", f.ID, f.URL)
		return nil
	case verb == "poll" && len(rest) == 1:
		results, err := p.PollAll(ctx)
		if err != nil {
			return fmt.Errorf("poll feeds: %w", err)
		}
		return feeds.PrintResults(m.stdout, results)
	default:
		return usagef("feeds needs one of: add URL, list, remove URL|ID, poll")
	}
}

// defaultCorpus finds ../shared/corpus/meantime beside the working folder
// or beside the binary's source tree.
func defaultCorpus() string {
	for _, dir := range []string{"../shared/corpus/meantime/intra-doc_annotation", "shared/corpus/meantime/intra-doc_annotation"} {
		if fi, err := os.Stat(dir); err == nil && fi.IsDir() {
			abs, _ := filepath.Abs(dir)
			return abs
		}
	}
	return "../shared/corpus/meantime/intra-doc_annotation"
}

func (m *Main) cmdEval(ctx context.Context, args []string) error {
	fs, _ := m.flags("eval")
	corpus := fs.String("corpus", defaultCorpus(), "MEANTIME folder")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	docs, err := meantime.Load(*corpus)
	if err != nil {
		return fmt.Errorf("load corpus %s: %w", *corpus, err)
	}
	start := time.Now()
	people := meantime.ScorePeople(docs, extract.Extract)
	timexes := meantime.ScoreTimex(docs, extract.Extract)
	summary := meantime.ScoreSummary(docs, extract.Extract)
	fmt.Fprintf(m.stdout, "MEANTIME English, %d articles, sentences 0-5 (CC BY 4.0, NewsReader project)\n", len(docs))
	w := m.stdout
	d := timexes.Detection
	fmt.Fprintf(w, "%-30s %6s %6s %6s\n", "", "P", "R", "F1")
	fmt.Fprintf(w, "%-30s %6.3f %6.3f %6.3f   gold %d, system %d, found %d\n", "people (relaxed, last name)", people.Precision, people.Recall, people.F1, people.Gold, people.System, people.Matched)
	fmt.Fprintf(w, "%-30s %6.3f %6.3f %6.3f   gold %d, system %d, matched %d\n", "TIMEX3 detection (overlap)", d.Precision, d.Recall, d.F1, d.Gold, d.System, d.Matched)
	fmt.Fprintf(w, "%-30s %6.3f   (%d of %d matched)\n", "TIMEX3 value accuracy", timexes.ValueAccuracy, timexes.ValueCorrect, d.Matched)
	fmt.Fprintf(w, "%-30s %6.3f   (%d of %d matched)\n", "TIMEX3 type accuracy", timexes.TypeAccuracy, timexes.TypeCorrect, d.Matched)
	fmt.Fprintf(w, "ROUGE against the headline, %d articles: %8s %8s %8s %8s\n", summary.Docs, "R1 rec", "R1 F", "R2 rec", "R2 F")
	fmt.Fprintf(w, "%-30s %8.3f %8.3f %8.3f %8.3f\n", "  factdesk summary", summary.System.R1Recall, summary.System.R1F, summary.System.R2Recall, summary.System.R2F)
	fmt.Fprintf(w, "%-30s %8.3f %8.3f %8.3f %8.3f\n", "  Lead-3", summary.Lead3.R1Recall, summary.Lead3.R1F, summary.Lead3.R2Recall, summary.Lead3.R2F)
	fmt.Fprintf(m.stdout, "(scored in %s)\n", time.Since(start).Round(time.Millisecond))
	return nil
}

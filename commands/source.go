package commands

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// Sources is what /source needs: the RSS and Atom feeds the bot reads.
// *feeds.Poller implements it. Problems the user can fix come back as
// *news.SourceError.
type Sources interface {
	// AddSource checks that url is a feed and stores it; created is false
	// when it was already there.
	AddSource(ctx context.Context, guildID, url string) (f news.FeedSource, created bool, err error)
	// Sources lists every feed with its polling state.
	Sources(ctx context.Context) ([]news.FeedSource, error)
	// RemoveSource deletes a feed this server added, or returns
	// news.ErrNotFound.
	RemoveSource(ctx context.Context, guildID string, id int64) (news.FeedSource, error)
}

// sourceCommand is /source: manage the feeds the bot reads. Only members
// with Manage Server see and may use it.
func (r *Router) sourceCommand() handler {
	perm := int64(discordgo.PermissionManageGuild)
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:                     "source",
			Description:              "Manage the RSS and Atom feeds factdesk reads",
			DefaultMemberPermissions: &perm,
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:        discordgo.ApplicationCommandOptionSubCommand,
					Name:        "add",
					Description: "Read a feed: its new articles go into the store and the briefings",
					Options:     []*discordgo.ApplicationCommandOption{stringOption("url", "The feed's address (RSS or Atom)", true, false)},
				},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "list", Description: "The feeds read, and which are failing"},
				{
					Type:        discordgo.ApplicationCommandOptionSubCommand,
					Name:        "remove",
					Description: "Stop reading a feed (its stored articles stay)",
					Options:     []*discordgo.ApplicationCommandOption{stringOption("feed", "The feed to remove", true, true)},
				},
			},
		},
		run:      r.source,
		complete: r.completeSource,
		slow:     true, // add fetches the feed
	}
}

func (r *Router) source(ctx context.Context, req Request) (Response, error) {
	if !req.CanManage {
		return Errorf("Only members with Manage Server can manage sources."), nil
	}
	if r.deps.Sources == nil {
		return Errorf("Feeds are not enabled on this bot."), nil
	}
	src := r.deps.Sources
	switch req.Sub {
	case "add":
		url := value(req, "url")
		if url == "" {
			return Errorf("Give the feed's address, e.g. /source add url:https://example.com/feed.xml."), nil
		}
		f, created, err := src.AddSource(ctx, req.GuildID, url)
		if err != nil {
			return userFixable(err)
		}
		msg := fmt.Sprintf("Now reading **%s** (%s). Its current items are stored without being announced; new ones appear in the briefing.", md(feedTitle(f)), f.URL)
		if !created {
			msg = fmt.Sprintf("**%s** (%s) is already read.", md(feedTitle(f)), f.URL)
		}
		return Response{Content: Cut(msg, MaxContent), Ephemeral: true}, nil
	case "list":
		feeds, err := src.Sources(ctx)
		if err != nil {
			return Response{}, err
		}
		if len(feeds) == 0 {
			return Response{Content: "No feeds yet. Add one with /source add url.", Ephemeral: true}, nil
		}
		items := make([]string, 0, len(feeds))
		failing := 0
		for _, f := range feeds {
			items = append(items, sourceLine(f))
			if f.Failing() {
				failing++
			}
		}
		e := Embed{Title: fmt.Sprintf("Feeds (%d)", len(feeds)), Description: list(items, MaxDescription, "factdesk feeds list"), Color: colorList}
		if failing > 0 {
			e.Footer = fmt.Sprintf("%d failing: retried with backoff", failing)
		}
		return Fit(Response{Embeds: []Embed{e}, Ephemeral: true}), nil
	case "remove":
		arg := value(req, "feed")
		id, err := strconv.ParseInt(arg, 10, 64)
		if err != nil {
			id, err = findFeed(ctx, src, arg)
			if err != nil {
				return Response{}, err
			}
		}
		if id == 0 {
			return Errorf("No feed matches %q. See /source list.", arg), nil
		}
		f, err := src.RemoveSource(ctx, req.GuildID, id)
		if errors.Is(err, news.ErrNotFound) {
			return Errorf("No feed matches %q. See /source list.", arg), nil
		}
		if err != nil {
			return userFixable(err)
		}
		return Response{Content: Cut(fmt.Sprintf("Stopped reading **%s** (%s). Its articles stay stored.", md(feedTitle(f)), f.URL), MaxContent), Ephemeral: true}, nil
	}
	return Errorf("Use /source add, list or remove."), nil
}

// findFeed looks a typed feed up by URL or title; 0 when none matches.
func findFeed(ctx context.Context, src Sources, arg string) (int64, error) {
	list, err := src.Sources(ctx)
	if err != nil {
		return 0, err
	}
	a := strings.ToLower(strings.TrimRight(arg, "/"))
	for _, f := range list {
		if strings.ToLower(strings.TrimRight(f.URL, "/")) == a || strings.EqualFold(oneLine(f.Title), oneLine(arg)) {
			return f.ID, nil
		}
	}
	return 0, nil
}

func feedTitle(f news.FeedSource) string {
	if t := oneLine(f.Title); t != "" {
		return t
	}
	return f.URL
}

// sourceLine is one feed in /source list: title, address, state.
func sourceLine(f news.FeedSource) string {
	s := "**" + md(Cut(feedTitle(f), 100)) + "** " + Cut(f.URL, 200) + " · " + fmt.Sprintf("%d %s", f.Items, plural(f.Items, "article", "articles"))
	switch {
	case f.Failing():
		s += fmt.Sprintf("\n⚠ failing (%d in a row): %s", f.Failures, md(Cut(f.LastError, 200)))
		if !f.NextPoll.IsZero() {
			s += fmt.Sprintf(" · retry <t:%d:R>", f.NextPoll.Unix())
		}
	case f.LastPolled.IsZero():
		s += " · not read yet"
	default:
		s += fmt.Sprintf(" · read <t:%d:R>", f.LastPolled.Unix())
	}
	return s
}

func (r *Router) completeSource(ctx context.Context, req Request) ([]Choice, error) {
	if req.Focused != "feed" || r.deps.Sources == nil {
		return nil, nil
	}
	list, err := r.deps.Sources.Sources(ctx)
	if err != nil {
		return nil, err
	}
	q := strings.ToLower(value(req, "feed"))
	var out []Choice
	for _, f := range list {
		if req.GuildID != "" && f.GuildID != req.GuildID {
			continue // only the feeds this server may remove
		}
		name := feedTitle(f) + " — " + f.URL
		if q != "" && !strings.Contains(strings.ToLower(name), q) {
			continue
		}
		out = append(out, choice(name, strconv.FormatInt(f.ID, 10)))
		if len(out) == 25 {
			break
		}
	}
	return out, nil
}

package commands

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/news"
)

// Briefings is what /briefing needs: per-server settings, the next run and
// a preview. *briefing.Service implements it. Problems the user can fix
// come back as *news.SourceError.
type Briefings interface {
	// SetBriefing validates, normalises and stores settings, turning the
	// briefing on.
	SetBriefing(ctx context.Context, b news.BriefingSettings, now time.Time) (news.BriefingSettings, error)
	// BriefingStatus returns the settings and the next run (zero when
	// off), or news.ErrNotFound.
	BriefingStatus(ctx context.Context, guildID string, now time.Time) (news.BriefingSettings, time.Time, error)
	// StopBriefing turns the briefing off, or returns news.ErrNotFound.
	StopBriefing(ctx context.Context, guildID string, now time.Time) error
	// Preview composes the briefing as it would go out now.
	Preview(ctx context.Context, guildID string, now time.Time) ([]Response, error)
	// TimeZones returns IANA zone names matching partial.
	TimeZones(partial string, limit int) []string
}

// briefingCommand is /briefing: a daily news briefing in a channel at a
// local time. Only members with Manage Server see and may use it.
func (r *Router) briefingCommand() handler {
	perm := int64(discordgo.PermissionManageGuild)
	return handler{
		def: &discordgo.ApplicationCommand{
			Name:                     "briefing",
			Description:              "A daily news briefing in a channel of this server",
			DefaultMemberPermissions: &perm,
			Contexts:                 &[]discordgo.InteractionContextType{discordgo.InteractionContextGuild},
			Options: []*discordgo.ApplicationCommandOption{
				{
					Type:        discordgo.ApplicationCommandOptionSubCommand,
					Name:        "set",
					Description: "Send the briefing to a channel every day at a local time",
					Options: []*discordgo.ApplicationCommandOption{
						{
							Type:         discordgo.ApplicationCommandOptionChannel,
							Name:         "channel",
							Description:  "Where the briefing goes",
							Required:     true,
							ChannelTypes: []discordgo.ChannelType{discordgo.ChannelTypeGuildText, discordgo.ChannelTypeGuildNews},
						},
						{
							Type:        discordgo.ApplicationCommandOptionString,
							Name:        "time",
							Description: "Local time of day, 24-hour HH:MM, e.g. 08:00",
							Required:    true,
							MaxLength:   5,
						},
						stringOption("timezone", "IANA time zone, e.g. Asia/Seoul", true, true),
						{
							Type:        discordgo.ApplicationCommandOptionString,
							Name:        "quiet",
							Description: "On a day with no new articles: a short note, or nothing",
							Choices: []*discordgo.ApplicationCommandOptionChoice{
								{Name: "short note", Value: news.QuietNote},
								{Name: "stay silent", Value: news.QuietSilent},
							},
						},
					},
				},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "off", Description: "Stop the daily briefing"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "show", Description: "Show the settings and when the next briefing goes out"},
				{Type: discordgo.ApplicationCommandOptionSubCommand, Name: "now", Description: "Preview the briefing, only to you"},
			},
		},
		run:      r.briefing,
		complete: r.completeBriefing,
		slow:     false,
	}
}

func (r *Router) briefing(ctx context.Context, req Request) (Response, error) {
	if !req.CanManage {
		return Errorf("Only members with Manage Server can set up briefings."), nil
	}
	if r.deps.Briefings == nil {
		return Errorf("Briefings are not enabled on this bot."), nil
	}
	if req.GuildID == "" {
		return Errorf("Briefings are set per server: use /briefing in a server channel."), nil
	}
	b := r.deps.Briefings
	switch req.Sub {
	case "set":
		channel := briefingChannel(value(req, "channel"))
		if channel == "" {
			return Errorf("Pick the channel the briefing goes to."), nil
		}
		got, err := b.SetBriefing(ctx, news.BriefingSettings{
			GuildID:   req.GuildID,
			ChannelID: channel,
			LocalTime: value(req, "time"),
			TimeZone:  value(req, "timezone"),
			Quiet:     value(req, "quiet"),
		}, req.Now)
		if err != nil {
			return userFixable(err)
		}
		_, next, err := b.BriefingStatus(ctx, req.GuildID, req.Now)
		if err != nil {
			return Response{}, err
		}
		e := briefingEmbed(got, next)
		e.Title = "Daily briefing set"
		return Response{Embeds: []Embed{e}, Ephemeral: true}, nil
	case "off":
		err := b.StopBriefing(ctx, req.GuildID, req.Now)
		if errors.Is(err, news.ErrNotFound) {
			return Errorf("This server has no briefing to turn off."), nil
		}
		if err != nil {
			return Response{}, err
		}
		return Response{Content: "The daily briefing is off. Turn it on again with /briefing set.", Ephemeral: true}, nil
	case "show":
		got, next, err := b.BriefingStatus(ctx, req.GuildID, req.Now)
		if errors.Is(err, news.ErrNotFound) {
			return Errorf("This server has no briefing yet. Set one with /briefing set channel time timezone, e.g. time 08:00, timezone Asia/Seoul."), nil
		}
		if err != nil {
			return Response{}, err
		}
		return Response{Embeds: []Embed{briefingEmbed(got, next)}, Ephemeral: true}, nil
	case "now":
		msgs, err := b.Preview(ctx, req.GuildID, req.Now)
		if err != nil {
			return Response{}, err
		}
		if len(msgs) == 0 {
			return Response{Content: "Nothing to preview.", Ephemeral: true}, nil
		}
		resp := msgs[0]
		resp.Ephemeral = true
		if len(msgs) > 1 {
			resp.Content = Cut(fmt.Sprintf("Preview, part 1 of %d: the briefing would go out as %d messages.", len(msgs), len(msgs)), MaxContent)
		}
		return Fit(resp), nil
	}
	return Errorf("Use /briefing set, off, show or now."), nil
}

// briefingEmbed shows settings and the next run as an instant.
func briefingEmbed(b news.BriefingSettings, next time.Time) Embed {
	e := Embed{Title: "Daily briefing", Color: colorAnswer}
	state := "on"
	if !b.Enabled {
		state = "off"
		if b.DisabledReason != "" {
			state += " (" + md(Cut(b.DisabledReason, 300)) + ")"
		}
	}
	quiet := "a short note"
	if b.Quiet == news.QuietSilent {
		quiet = "nothing"
	}
	e.Fields = []Field{
		{Name: "Status", Value: state, Inline: true},
		{Name: "Channel", Value: "<#" + b.ChannelID + ">", Inline: true},
		{Name: "Time", Value: b.LocalTime + " " + md(b.TimeZone), Inline: true},
		{Name: "On a quiet day", Value: quiet, Inline: true},
	}
	if !next.IsZero() {
		e.Fields = append(e.Fields, Field{Name: "Next briefing", Value: fmt.Sprintf("<t:%d:F> (<t:%d:R>)", next.Unix(), next.Unix())})
	}
	return e
}

// briefingChannel accepts a channel ID or a <#id> mention.
func briefingChannel(v string) string {
	v = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(v), "<#"), ">")
	for _, r := range v {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return v
}

// userFixable turns an error the user can fix into an ephemeral reply and
// passes any other error on.
func userFixable(err error) (Response, error) {
	var se *news.SourceError
	if errors.As(err, &se) {
		return Errorf("%s", se.Msg), nil
	}
	return Response{}, err
}

func (r *Router) completeBriefing(ctx context.Context, req Request) ([]Choice, error) {
	if req.Focused != "timezone" || r.deps.Briefings == nil {
		return nil, nil
	}
	var out []Choice
	for _, z := range r.deps.Briefings.TimeZones(value(req, "timezone"), 25) {
		out = append(out, choice(strings.ReplaceAll(z, "_", " "), z))
	}
	return out, nil
}

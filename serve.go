package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"golang.org/x/sync/errgroup"

	"factdesk/bot"
	"factdesk/briefing"
	"factdesk/commands"
	"factdesk/feeds"
	"factdesk/news"
)

// fetcher is the safe HTTP client used for /ingest URLs and feeds.
func (m *Main) fetcher() *feeds.Fetcher {
	return feeds.NewFetcher(m.cfg.AllowPrivateFetch)
}

// documentSaver lets the feed poller extract and store a fetched page
// through the same path as every other ingest.
type documentSaver struct{ m *Main }

func (d documentSaver) IngestDocument(ctx context.Context, doc news.Document) (news.IngestResult, error) {
	return d.m.ingester().Document(ctx, doc)
}

// poller builds the feed poller over the open store.
func (m *Main) poller() *feeds.Poller {
	p := feeds.NewPoller(m.store, documentSaver{m}, m.fetcher())
	p.Logger = m.log.With("component", "feeds")
	p.Interval = m.cfg.FeedPollInterval
	return p
}

// router builds the command router over the open store, with briefings and
// feed sources: the bot, the console and `ask` answer the same commands.
func (m *Main) router() *commands.Router {
	return commands.New(commands.Deps{
		Facts:     m.store,
		Ingester:  m.ingester(),
		Briefings: briefing.NewService(m.store),
		Sources:   m.poller(),
	})
}

// runGateway runs the bot over the Discord gateway, with the briefing
// scheduler and the feed poller beside it, until ctx ends.
func (m *Main) runGateway(ctx context.Context) error {
	if m.cfg.DiscordAppID == "" {
		return errors.New("DISCORD_APP_ID is not set: the bot needs it to register its commands")
	}
	b, err := bot.New(bot.Config{
		Token:        m.cfg.DiscordToken,
		AppID:        m.cfg.DiscordAppID,
		GuildID:      m.cfg.DiscordGuildID,
		APIURL:       m.cfg.DiscordAPIURL,
		MetricsAddr:  m.cfg.MetricsAddr,
		RateLimit:    m.cfg.RateLimit,
		RateWindow:   m.cfg.RateWindow,
		MaxOptionLen: m.cfg.MaxOptionLen,
	}, m.router(), m.log.With("component", "bot"))
	if err != nil {
		return err
	}
	return m.runWithBackground(ctx, b.Run, b)
}

// runWithBackground runs the transport, the briefing scheduler (when a
// sender exists) and the feed poller, and stops them all when one fails or
// ctx ends.
func (m *Main) runWithBackground(ctx context.Context, transport func(context.Context) error, sender briefing.Sender) error {
	g, ctx := errgroup.WithContext(ctx)
	g.Go(func() error { return transport(ctx) })
	if sender != nil {
		s := briefing.NewScheduler(m.store, sender, bot.Permanent)
		s.Logger = m.log.With("component", "briefing")
		s.CatchUp = m.cfg.BriefingCatchUp
		g.Go(func() error { return ignoreCanceled(s.Run(ctx)) })
	}
	p := m.poller()
	g.Go(func() error { return ignoreCanceled(p.Run(ctx, time.Minute)) })
	return g.Wait()
}

func ignoreCanceled(err error) error {
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}

func (m *Main) cmdServe(ctx context.Context, args []string) error {
	fs, db := m.flags("serve")
	addr := fs.String("addr", m.cfg.ServeAddr, "listen address")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	key, err := bot.ParsePublicKey(m.cfg.DiscordPublicKey)
	if err != nil {
		return fmt.Errorf("DISCORD_PUBLIC_KEY must be the application's public key (64 hex characters): %w", err)
	}
	if _, err := m.openAnswering(ctx, *db); err != nil {
		return err
	}
	var sender briefing.Sender
	var rest = bot.HTTPOptions{
		AppID:        m.cfg.DiscordAppID,
		APIURL:       m.cfg.DiscordAPIURL,
		Logger:       m.log.With("component", "http"),
		RateLimit:    m.cfg.RateLimit,
		RateWindow:   m.cfg.RateWindow,
		MaxOptionLen: m.cfg.MaxOptionLen,
	}
	if m.cfg.DiscordToken != "" {
		s, err := bot.NewRESTSession(m.cfg.DiscordToken, m.cfg.DiscordAPIURL, nil)
		if err != nil {
			return err
		}
		rest.REST = s
		sender = bot.NewChannelSender(s)
	}
	h, err := bot.NewHTTPHandler(m.router(), key, rest)
	if err != nil {
		return err
	}
	serve := func(ctx context.Context) error { return h.Serve(ctx, *addr) }
	return m.runWithBackground(ctx, serve, sender)
}

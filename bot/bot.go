// Package bot is the only part of factdesk that talks to Discord. It turns
// discordgo interactions into commands.Requests and commands.Responses into
// Discord payloads (cut to Discord's limits, with no mentions allowed),
// registers the commands, answers interactions over the gateway or over the
// HTTP interactions endpoint, and delivers briefings to channels.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// Config configures a gateway Bot.
type Config struct {
	Token       string        // bot token, with or without the "Bot " prefix
	AppID       string        // application ID, for command registration
	GuildID     string        // register commands in this guild only (instant; for development); "" for global
	APIURL      string        // REST base replacing https://discord.com (a proxy); "" for Discord's own
	MetricsAddr string        // serve /healthz and /metrics here when set
	RateLimit   int           // commands per RateWindow per user; 0: 5, negative: no limit
	RateWindow  time.Duration // 0: 10 s
	// MaxOptionLen caps the characters of an option value; 0: 200.
	MaxOptionLen int
	// DeferAfter is how long a command not marked slow may run before its
	// reply is deferred; 0: 1.5 s.
	DeferAfter time.Duration
	HTTPClient *http.Client // base client for REST calls; nil for a default (tests point it at a fake)
}

// Bot answers interactions that arrive over the gateway.
type Bot struct {
	cfg     Config
	router  dispatcher
	session *discordgo.Session
	core    *core
	logger  *slog.Logger

	mu       sync.Mutex
	closing  bool
	inflight sync.WaitGroup

	metricsAddr chan net.Addr // the ops server's address once listening (tests)
}

// New returns a Bot for router. It does not connect until Run.
func New(cfg Config, router *commands.Router, logger *slog.Logger) (*Bot, error) {
	if cfg.Token == "" {
		return nil, errors.New("new bot: missing token")
	}
	if cfg.AppID == "" {
		return nil, errors.New("new bot: missing application ID")
	}
	if router == nil {
		return nil, errors.New("new bot: missing router")
	}
	return newBot(cfg, router, logger)
}

// newBot is New for any dispatcher.
func newBot(cfg Config, router dispatcher, logger *slog.Logger) (*Bot, error) {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	routeDiscordgoLogs(logger)
	s, err := NewRESTSession(cfg.Token, cfg.APIURL, cfg.HTTPClient)
	if err != nil {
		return nil, fmt.Errorf("new bot: %w", err)
	}
	// Slash commands, autocomplete and buttons need no intent; Guilds is
	// the least a bot can ask for. MESSAGE_CONTENT is never requested.
	s.Identify.Intents = discordgo.IntentsGuilds
	s.StateEnabled = false
	s.LogLevel = discordgoLevel(logger)
	return &Bot{
		cfg:         cfg,
		router:      router,
		session:     s,
		core:        newCore(router, limits{cfg.RateLimit, cfg.RateWindow, cfg.MaxOptionLen, cfg.DeferAfter}, logger),
		logger:      logger,
		metricsAddr: make(chan net.Addr, 1),
	}, nil
}

// Run registers the commands with one bulk overwrite, connects to the
// gateway and answers interactions until ctx is done. It then waits for
// the interactions in flight to be answered and closes the session.
func (b *Bot) Run(ctx context.Context) error {
	if b.cfg.MetricsAddr != "" {
		stop, err := b.serveOps(b.cfg.MetricsAddr)
		if err != nil {
			return err
		}
		defer stop()
	}

	gw, err := b.session.GatewayBot(discordgo.WithContext(ctx))
	if err != nil {
		if ctx.Err() != nil {
			return nil // stopped before connecting
		}
		return fmt.Errorf("get gateway: %w", err)
	}
	if gw.Shards > 1 {
		b.logger.Warn("Discord recommends sharding; this bot runs one shard", "shards", gw.Shards)
	}

	defs := b.router.Definitions()
	if _, err := b.session.ApplicationCommandBulkOverwrite(b.cfg.AppID, b.cfg.GuildID, defs, discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("register commands: %w", err)
	}
	scope := "global"
	if b.cfg.GuildID != "" {
		scope = "guild " + b.cfg.GuildID
	}
	b.logger.Info("registered commands", "count", len(defs), "scope", scope)

	base := context.WithoutCancel(ctx)
	removers := []func(){
		b.session.AddHandler(func(s *discordgo.Session, ic *discordgo.InteractionCreate) {
			b.onInteraction(base, s, ic)
		}),
		b.session.AddHandler(func(_ *discordgo.Session, r *discordgo.Ready) {
			b.logger.Info("gateway ready", "user", userName(r.User), "guilds", len(r.Guilds))
		}),
		b.session.AddHandler(func(_ *discordgo.Session, _ *discordgo.Resumed) {
			b.logger.Info("gateway session resumed")
		}),
	}
	defer func() {
		for _, remove := range removers {
			remove()
		}
	}()
	if err := b.session.Open(); err != nil {
		return fmt.Errorf("open gateway: %w", err)
	}
	b.logger.Info("connected to gateway")

	<-ctx.Done()
	b.logger.Info("shutting down: finishing interactions in flight")
	b.mu.Lock()
	b.closing = true
	b.mu.Unlock()
	b.inflight.Wait()
	if err := b.session.Close(); err != nil {
		return fmt.Errorf("close gateway: %w", err)
	}
	b.logger.Info("gateway closed")
	return nil
}

// onInteraction answers one INTERACTION_CREATE, unless shutting down.
func (b *Bot) onInteraction(ctx context.Context, s *discordgo.Session, ic *discordgo.InteractionCreate) {
	b.mu.Lock()
	if b.closing {
		b.mu.Unlock()
		b.logger.Warn("interaction dropped during shutdown", "interaction", ic.ID)
		return
	}
	b.inflight.Add(1)
	b.mu.Unlock()
	defer b.inflight.Done()
	b.core.handle(ctx, ic.Interaction, &restReplier{s: s, i: ic.Interaction})
}

// serveOps serves /healthz and /metrics on addr until stop is called.
func (b *Bot) serveOps(addr string) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("listen for metrics on %s: %w", addr, err)
	}
	b.metricsAddr <- ln.Addr()
	srv := &http.Server{Handler: opsMux(b.core.metrics), ReadHeaderTimeout: 5 * time.Second}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.logger.Error("metrics server failed", "err", err)
		}
	}()
	b.logger.Info("serving /healthz and /metrics", "addr", ln.Addr().String())
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(ctx)
	}, nil
}

// Send posts resp to a channel, for briefing delivery. Use Permanent on the
// error to tell a gone channel or missing permission from a passing fault.
func (b *Bot) Send(ctx context.Context, channelID string, resp commands.Response) error {
	return send(ctx, b.session, channelID, resp)
}

func send(ctx context.Context, s *discordgo.Session, channelID string, resp commands.Response) error {
	if _, err := s.ChannelMessageSendComplex(channelID, message(resp), discordgo.WithContext(ctx)); err != nil {
		return fmt.Errorf("send to channel %s: %w", channelID, err)
	}
	return nil
}

// Discord error codes that mean a channel will not take messages again
// until someone fixes it.
var permanentCodes = map[int]bool{
	discordgo.ErrCodeUnknownChannel:     true, // 10003
	discordgo.ErrCodeUnknownGuild:       true, // 10004
	discordgo.ErrCodeMissingAccess:      true, // 50001
	discordgo.ErrCodeMissingPermissions: true, // 50013
}

// Permanent reports whether a Send error means the channel is gone or the
// bot may not post there (Discord codes 10003, 10004, 50001, 50013, or HTTP
// 403 or 404), so that retrying is pointless.
func Permanent(err error) bool {
	var re *discordgo.RESTError
	if !errors.As(err, &re) {
		return false
	}
	if re.Message != nil && permanentCodes[re.Message.Code] {
		return true
	}
	return re.Response != nil && (re.Response.StatusCode == http.StatusForbidden || re.Response.StatusCode == http.StatusNotFound)
}

// restReplier answers over Discord's REST API: the gateway's way, and the
// HTTP endpoint's way after a deferral.
type restReplier struct {
	s *discordgo.Session
	i *discordgo.Interaction
}

func (r *restReplier) respond(ctx context.Context, resp *discordgo.InteractionResponse) error {
	return r.s.InteractionRespond(r.i, resp, discordgo.WithContext(ctx))
}

func (r *restReplier) edit(ctx context.Context, e *discordgo.WebhookEdit) error {
	_, err := r.s.InteractionResponseEdit(r.i, e, discordgo.WithContext(ctx))
	return err
}

func (r *restReplier) followup(ctx context.Context, p *discordgo.WebhookParams) error {
	_, err := r.s.FollowupMessageCreate(r.i, true, p, discordgo.WithContext(ctx))
	return err
}

func userName(u *discordgo.User) string {
	if u == nil {
		return ""
	}
	return u.Username
}

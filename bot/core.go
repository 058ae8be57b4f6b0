package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// DefaultDeferAfter is how long a command that the router did not mark slow
// may run before the bot defers its reply anyway, well inside Discord's 3 s.
const DefaultDeferAfter = 1500 * time.Millisecond

// autocompleteTimeout bounds the search for suggestions.
const autocompleteTimeout = 2500 * time.Millisecond

// followUpTimeout bounds work after a deferral: the interaction token is
// valid for 15 minutes.
const followUpTimeout = 14 * time.Minute

// Replies the user sees when the bot, not the command, refuses.
const (
	msgRateLimited = "You're sending commands a little fast. Please wait a few seconds and try again."
	msgInternal    = "Sorry, something went wrong while answering that. Please try again later."
	msgTooLong     = "That value for `%s` is too long: at most %d characters, please."
	msgUnsupported = "Sorry, I can't handle that kind of interaction."
)

// dispatcher is what the bot needs of a *commands.Router.
type dispatcher interface {
	Definitions() []*discordgo.ApplicationCommand
	Slow(req commands.Request) bool
	Run(ctx context.Context, req commands.Request) (commands.Response, error)
	Complete(ctx context.Context, req commands.Request) ([]commands.Choice, error)
}

// replier sends the replies to one interaction over some transport: the
// first response (the REST callback for the gateway, the HTTP response for
// the endpoint), and the edits and follow-ups after a deferral (REST).
type replier interface {
	respond(ctx context.Context, r *discordgo.InteractionResponse) error
	edit(ctx context.Context, e *discordgo.WebhookEdit) error
	followup(ctx context.Context, p *discordgo.WebhookParams) error
}

// core answers interactions with a router; the gateway and the HTTP
// endpoint differ only in their replier.
type core struct {
	router       dispatcher
	known        map[string]bool // command names, to bound metric labels
	commands     *limiter
	autocomplete *limiter
	maxOptionLen int
	deferAfter   time.Duration
	metrics      *metrics
	logger       *slog.Logger
	now          func() time.Time
}

// limits are the abuse settings shared by both transports.
type limits struct {
	RateLimit    int           // commands per RateWindow per user; 0: DefaultRateLimit, <0: none
	RateWindow   time.Duration // 0: DefaultRateWindow
	MaxOptionLen int           // 0: DefaultMaxOptionLen
	DeferAfter   time.Duration // 0: DefaultDeferAfter
}

func newCore(router dispatcher, l limits, logger *slog.Logger) *core {
	if logger == nil {
		logger = slog.New(slog.DiscardHandler)
	}
	n, window := l.RateLimit, l.RateWindow
	if n == 0 {
		n = DefaultRateLimit
	}
	if window <= 0 {
		window = DefaultRateWindow
	}
	c := &core{
		router:       router,
		known:        map[string]bool{},
		maxOptionLen: l.MaxOptionLen,
		deferAfter:   l.DeferAfter,
		metrics:      newMetrics(),
		logger:       logger,
		now:          time.Now,
	}
	if n > 0 {
		c.commands = newLimiter(n, window)
		c.autocomplete = newLimiter(n*autocompleteFactor, window)
	}
	if c.deferAfter <= 0 {
		c.deferAfter = DefaultDeferAfter
	}
	for _, d := range router.Definitions() {
		c.known[d.Name] = true
	}
	return c
}

// label names a command in metrics; names the router does not know share
// one label so that label values stay few.
func (c *core) label(command string) string {
	if c.known[command] {
		return command
	}
	return "unknown"
}

// handle answers one interaction. It returns after the last reply is sent,
// which for a deferred command is after the edit.
func (c *core) handle(ctx context.Context, i *discordgo.Interaction, rr replier) {
	start := c.now()
	command := "unknown"
	r := &tracked{replier: rr}
	defer func() {
		if p := recover(); p != nil {
			c.logger.Error("interaction panicked", "interaction", i.ID, "command", command, "panic", p, "stack", string(debug.Stack()))
			if !r.answered {
				c.first(ctx, r, c.logger, command, outcomeError, start, message4(commands.Errorf(msgInternal)))
			}
		}
	}()
	req, err := request(i, c.maxOptionLen)
	command = c.label(req.Command)
	log := c.logger.With("interaction", i.ID, "type", int(i.Type), "command", req.Command, "user", req.UserID, "guild", req.GuildID)
	var tooLong *tooLongError
	switch {
	case errors.As(err, &tooLong):
		c.first(ctx, r, log, command, outcomeRejected, start, message4(commands.Errorf(msgTooLong, tooLong.option, tooLong.limit)))
		return
	case err != nil:
		log.Warn("unreadable interaction", "err", err)
		resp := message4(commands.Errorf(msgUnsupported))
		if i.Type == discordgo.InteractionApplicationCommandAutocomplete {
			resp = autocompleteResult(nil)
		}
		c.first(ctx, r, log, command, outcomeRejected, start, resp)
		return
	}

	switch i.Type {
	case discordgo.InteractionApplicationCommandAutocomplete:
		c.complete(ctx, r, log, req, start)
	case discordgo.InteractionApplicationCommand:
		c.run(ctx, r, log, req, command, start, false)
	case discordgo.InteractionMessageComponent:
		c.run(ctx, r, log, req, command, start, true)
	}
}

// complete answers autocomplete (type 8), never deferred. A user over the
// looser autocomplete limit gets no suggestions rather than an error.
func (c *core) complete(ctx context.Context, r replier, log *slog.Logger, req commands.Request, start time.Time) {
	label := c.label(req.Command) + ":autocomplete"
	var got []commands.Choice
	outcome := outcomeOK
	// Suggestions later than Discord's 3 s are useless; stop looking.
	ctx, cancel := context.WithTimeout(ctx, autocompleteTimeout)
	defer cancel()
	if !c.autocomplete.allow(req.UserID, start) {
		outcome = outcomeRateLimited
	} else if cs, err := c.router.Complete(ctx, req); err != nil {
		log.Error("autocomplete failed", "err", err)
		outcome = outcomeError
	} else {
		got = cs
	}
	c.first(ctx, r, log, label, outcome, start, autocompleteResult(got))
}

// autocompleteResult is the answer to autocomplete (type 8).
func autocompleteResult(cs []commands.Choice) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{
		Type: discordgo.InteractionApplicationCommandAutocompleteResult,
		Data: &discordgo.InteractionResponseData{Choices: choices(cs)},
	}
}

// tracked remembers whether the first response went out, so that a panic
// can still answer.
type tracked struct {
	replier
	answered bool
}

func (t *tracked) respond(ctx context.Context, r *discordgo.InteractionResponse) error {
	t.answered = true
	return t.replier.respond(ctx, r)
}

// result is a router answer.
type result struct {
	resp commands.Response
	err  error
}

// run answers a command or a button press. Slow commands are deferred at
// once; others are deferred only if they outlast deferAfter.
func (c *core) run(ctx context.Context, r replier, log *slog.Logger, req commands.Request, label string, start time.Time, component bool) {
	if !c.commands.allow(req.UserID, start) {
		c.first(ctx, r, log, label, outcomeRateLimited, start, message4(commands.Errorf(msgRateLimited)))
		return
	}
	workCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), followUpTimeout)
	defer cancel()

	if c.router.Slow(req) {
		if !c.first(ctx, r, log, label, outcomeDeferred, start, deferral(req, component)) {
			return
		}
		res := c.safeRun(workCtx, req)
		c.finish(workCtx, r, log, component, c.answer(log, res.resp, res.err))
		return
	}

	done := make(chan result, 1)
	go func() { done <- c.safeRun(workCtx, req) }()
	timer := time.NewTimer(c.deferAfter)
	defer timer.Stop()
	select {
	case res := <-done:
		resp := c.answer(log, res.resp, res.err)
		outcome := outcomeOK
		if res.err != nil {
			outcome = outcomeError
		}
		c.first(ctx, r, log, label, outcome, start, reply(resp, component))
	case <-timer.C:
		log.Warn("command is slow; deferring", "after", c.deferAfter)
		if !c.first(ctx, r, log, label, outcomeDeferred, start, deferral(req, component)) {
			return
		}
		res := <-done
		c.finish(workCtx, r, log, component, c.answer(log, res.resp, res.err))
	}
}

// safeRun runs the router, turning a panic into an error.
func (c *core) safeRun(ctx context.Context, req commands.Request) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{err: fmt.Errorf("panic: %v\n%s", p, debug.Stack())}
		}
	}()
	resp, err := c.router.Run(ctx, req)
	return result{resp, err}
}

// answer turns an internal error into the short, kind reply; the log gets
// the detail.
func (c *core) answer(log *slog.Logger, resp commands.Response, err error) commands.Response {
	if err != nil {
		log.Error("command failed", "err", err)
		return commands.Errorf(msgInternal)
	}
	return resp
}

// first sends the first response and records it. It reports whether the
// response went out.
func (c *core) first(ctx context.Context, r replier, log *slog.Logger, label, outcome string, start time.Time, resp *discordgo.InteractionResponse) bool {
	err := r.respond(ctx, resp)
	took := c.now().Sub(start)
	if err != nil {
		log.Error("interaction response failed", "response_type", int(resp.Type), "err", err)
		c.metrics.observe(label, outcomeFailed, took)
		return false
	}
	c.metrics.observe(label, outcome, took)
	log.Debug("interaction answered", "response_type", int(resp.Type), "outcome", outcome, "took", took)
	return true
}

// finish replaces a deferred reply with the answer. An ephemeral answer to
// a button press goes out as a private follow-up instead, so that an error
// never overwrites the public message the button sits on.
func (c *core) finish(ctx context.Context, r replier, log *slog.Logger, component bool, resp commands.Response) {
	var err error
	if component && resp.Ephemeral {
		d := Payload(resp)
		err = r.followup(ctx, &discordgo.WebhookParams{
			Content: d.Content, Embeds: d.Embeds, Components: d.Components,
			AllowedMentions: d.AllowedMentions, Flags: d.Flags,
		})
	} else {
		err = r.edit(ctx, edit(resp))
	}
	if err != nil {
		log.Error("editing deferred reply failed", "err", err)
	}
}

// message4 is a new message in reply (type 4).
func message4(resp commands.Response) *discordgo.InteractionResponse {
	return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseChannelMessageWithSource, Data: Payload(resp)}
}

// reply is the immediate answer: a button press updates the message it
// sits on (type 7) unless the answer is private, which goes out as a new
// ephemeral message.
func reply(resp commands.Response, component bool) *discordgo.InteractionResponse {
	if component && !resp.Ephemeral {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseUpdateMessage, Data: Payload(resp)}
	}
	return message4(resp)
}

// deferral acknowledges now and promises an edit: type 5 for commands,
// type 6 for button presses. Only the ephemeral flag can be set, and only
// when the user asked for a private answer.
func deferral(req commands.Request, component bool) *discordgo.InteractionResponse {
	if component {
		return &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredMessageUpdate}
	}
	resp := &discordgo.InteractionResponse{Type: discordgo.InteractionResponseDeferredChannelMessageWithSource}
	if private(req) {
		resp.Data = &discordgo.InteractionResponseData{Flags: discordgo.MessageFlagsEphemeral}
	}
	return resp
}

// private reports whether the user asked for an ephemeral answer.
func private(req commands.Request) bool {
	for _, name := range []string{"private", "ephemeral"} {
		if req.Options[name] == "true" {
			return true
		}
	}
	return false
}

package commands

import (
	"context"
	"fmt"
	"time"

	"github.com/bwmarrin/discordgo"
)

// Deps are the parts a Router answers from. Facts is required; a nil
// Ingester, Briefings or Sources turns those commands into a polite refusal.
type Deps struct {
	Facts     Facts
	Ingester  Ingester
	Briefings Briefings
	Sources   Sources
	Now       func() time.Time
}

// handler joins one command's definition with the functions that answer it.
type handler struct {
	def      *discordgo.ApplicationCommand
	run      func(ctx context.Context, req Request) (Response, error)
	complete func(ctx context.Context, req Request) ([]Choice, error) // nil: no autocomplete
	slow     bool                                                     // may take over ~1 s: defer first
}

// Router dispatches requests to the command handlers.
type Router struct {
	deps     Deps
	handlers map[string]handler
	order    []string
}

// New builds a Router over deps.
func New(deps Deps) *Router {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	r := &Router{deps: deps, handlers: map[string]handler{}}
	for _, h := range r.table() {
		r.handlers[h.def.Name] = h
		r.order = append(r.order, h.def.Name)
	}
	return r
}

// table is the one list of commands: each entry's definition and handlers
// come from the command's own file.
func (r *Router) table() []handler {
	return []handler{
		r.whoCommand(),
		r.whenCommand(),
		r.summaryCommand(),
		r.quoteCommand(),
		r.askCommand(),
		r.searchCommand(),
		r.articlesCommand(),
		r.helpCommand(),
		r.ingestCommand(),
		r.briefingCommand(),
		r.sourceCommand(),
	}
}

// Definitions returns every command definition, for one bulk overwrite.
func (r *Router) Definitions() []*discordgo.ApplicationCommand {
	defs := make([]*discordgo.ApplicationCommand, 0, len(r.order))
	for _, name := range r.order {
		defs = append(defs, r.handlers[name].def)
	}
	return defs
}

// Slow reports whether req's command may take longer than about a second,
// so the transport defers its first response.
func (r *Router) Slow(req Request) bool { return r.handlers[req.Command].slow }

// Run answers one command. A returned error is an internal failure: the
// transport logs it and shows a short, kind, ephemeral message. Problems the
// user can fix come back as ephemeral Responses instead. Every Response is
// cut to Discord's limits (see Fit) before it is returned.
func (r *Router) Run(ctx context.Context, req Request) (Response, error) {
	if req.Now.IsZero() {
		req.Now = r.deps.Now()
	}
	h, ok := r.handlers[req.Command]
	if !ok {
		return Errorf("Unknown command /%s. Try /help.", req.Command), nil
	}
	resp, err := h.run(ctx, req)
	if err != nil {
		return Response{}, fmt.Errorf("/%s: %w", req.Command, err)
	}
	return Fit(resp), nil
}

// Complete answers an autocomplete request with at most 25 choices, each
// name and value cut to Discord's 100 characters.
func (r *Router) Complete(ctx context.Context, req Request) ([]Choice, error) {
	h, ok := r.handlers[req.Command]
	if !ok || h.complete == nil {
		return nil, nil
	}
	choices, err := h.complete(ctx, req)
	if err != nil {
		return nil, fmt.Errorf("autocomplete /%s: %w", req.Command, err)
	}
	out := make([]Choice, 0, min(len(choices), 25))
	for _, c := range choices {
		c = choice(c.Name, c.Value)
		if c.Name == "" || c.Value == "" {
			continue
		}
		out = append(out, c)
		if len(out) == 25 {
			break
		}
	}
	return out, nil
}

// Errorf is an ephemeral error reply for the user.
func Errorf(format string, args ...any) Response {
	return Response{Content: Cut(fmt.Sprintf(format, args...), MaxContent), Ephemeral: true}
}

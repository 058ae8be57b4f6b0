package commands

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/bwmarrin/discordgo"
)

// definitions holds every command definition by name, for ParseLine. The
// definitions do not depend on a Router's parts, so an empty one serves.
var definitions = sync.OnceValue(func() map[string]*discordgo.ApplicationCommand {
	m := map[string]*discordgo.ApplicationCommand{}
	for _, d := range New(Deps{}).Definitions() {
		m[d.Name] = d
	}
	return m
})

// ParseLine reads a slash command typed as text, for the console and
// `factdesk ask`: "/who Kim Min-jae" puts the words after the command into
// its first option; "name:value" pairs set options by name
// ("/summary article:3 private:true"), a value running on to the next
// pair; a command with subcommands takes the subcommand first
// ("/briefing set channel:123 time:08:00").
func ParseLine(line string) (Request, error) {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return Request{}, fmt.Errorf("empty command: try /help")
	}
	name := strings.ToLower(strings.TrimPrefix(fields[0], "/"))
	def, ok := definitions()[name]
	if !ok {
		return Request{}, fmt.Errorf("unknown command /%s: try /help", name)
	}
	req := Request{Command: name, Options: map[string]string{}}
	fields = fields[1:]
	opts := def.Options
	if subs := subcommands(opts); len(subs) > 0 {
		names := make([]string, len(subs))
		for i, s := range subs {
			names[i] = s.Name
		}
		if len(fields) == 0 {
			return Request{}, fmt.Errorf("/%s needs a subcommand: %s", name, strings.Join(names, ", "))
		}
		sub := strings.ToLower(fields[0])
		i := slices.Index(names, sub)
		if i < 0 {
			return Request{}, fmt.Errorf("unknown subcommand /%s %s: want %s", name, fields[0], strings.Join(names, ", "))
		}
		req.Sub = sub
		opts = subs[i].Options
		fields = fields[1:]
	}
	known := map[string]*discordgo.ApplicationCommandOption{}
	for _, o := range opts {
		known[o.Name] = o
	}
	var free []string
	current := ""
	for _, f := range fields {
		if k, v, ok := strings.Cut(f, ":"); ok && known[strings.ToLower(k)] != nil {
			current = strings.ToLower(k)
			if _, dup := req.Options[current]; dup {
				return Request{}, fmt.Errorf("/%s: option %s given twice", name, current)
			}
			req.Options[current] = v
			continue
		}
		if current != "" {
			req.Options[current] = strings.TrimSpace(req.Options[current] + " " + f)
			continue
		}
		free = append(free, f)
	}
	if len(free) > 0 {
		first := firstFreeOption(opts, req.Options)
		if first == nil {
			return Request{}, fmt.Errorf("/%s takes no more text: %q", name, strings.Join(free, " "))
		}
		req.Options[first.Name] = strings.Join(free, " ")
	}
	for _, o := range opts {
		v, ok := req.Options[o.Name]
		if ok {
			v = unquote(v)
			req.Options[o.Name] = v
		}
		if o.Required && v == "" {
			return Request{}, fmt.Errorf("/%s needs %s: e.g. /%s %s:…", name, o.Name, name, o.Name)
		}
		if ok && o.Type == discordgo.ApplicationCommandOptionBoolean {
			switch strings.ToLower(v) {
			case "true", "yes", "1", "on":
				req.Options[o.Name] = "true"
			case "false", "no", "0", "off":
				req.Options[o.Name] = "false"
			default:
				return Request{}, fmt.Errorf("/%s: %s must be true or false, not %q", name, o.Name, v)
			}
		}
	}
	return req, nil
}

// subcommands returns the subcommand options of a command.
func subcommands(opts []*discordgo.ApplicationCommandOption) []*discordgo.ApplicationCommandOption {
	var out []*discordgo.ApplicationCommandOption
	for _, o := range opts {
		if o.Type == discordgo.ApplicationCommandOptionSubCommand {
			out = append(out, o)
		}
	}
	return out
}

// firstFreeOption is the first text option not yet set, for the words
// typed without a name.
func firstFreeOption(opts []*discordgo.ApplicationCommandOption, set map[string]string) *discordgo.ApplicationCommandOption {
	for _, o := range opts {
		if _, ok := set[o.Name]; ok {
			continue
		}
		switch o.Type {
		case discordgo.ApplicationCommandOptionString, discordgo.ApplicationCommandOptionInteger,
			discordgo.ApplicationCommandOptionNumber, discordgo.ApplicationCommandOptionChannel:
			return o
		}
	}
	return nil
}

// unquote drops one pair of matching quotes around a value.
func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		return v[1 : len(v)-1]
	}
	return v
}

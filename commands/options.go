package commands

import (
	"strconv"
	"strings"

	"github.com/bwmarrin/discordgo"
)

// Colours of the answer cards.
const (
	colorAnswer = 0x2b6cb0
	colorList   = 0x4a5568
	colorMiss   = 0xb7791f
)

// maxOption caps an option value read by a handler; the transport caps
// them too, this keeps the handlers safe on their own.
const maxOption = 300

// stringOption defines a string option.
func stringOption(name, desc string, required, autocomplete bool) *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:         discordgo.ApplicationCommandOptionString,
		Name:         name,
		Description:  desc,
		Required:     required,
		Autocomplete: autocomplete,
		MaxLength:    maxOption,
	}
}

// privateOption is the "private" option every look-up command has.
func privateOption() *discordgo.ApplicationCommandOption {
	return &discordgo.ApplicationCommandOption{
		Type:        discordgo.ApplicationCommandOptionBoolean,
		Name:        "private",
		Description: "Show the answer only to you",
	}
}

// value returns an option's value, trimmed and capped.
func value(req Request, name string) string {
	return cutBytes(strings.TrimSpace(req.Option(name)), maxOption)
}

// page reads the page number from a button's custom ID "cmd:page:...".
func page(customID string) int {
	parts := strings.SplitN(customID, ":", 3)
	if len(parts) < 2 {
		return 1
	}
	n, err := strconv.Atoi(parts[1])
	if err != nil || n < 1 {
		return 1
	}
	return n
}

// customArg returns what follows "cmd:page:" in a custom ID.
func customArg(customID string) string {
	parts := strings.SplitN(customID, ":", 3)
	if len(parts) < 3 {
		return ""
	}
	return parts[2]
}

// pager returns Previous and Next buttons for page of pages; id builds a
// custom ID for a page.
func pager(pg, pages int, id func(int) string) []Button {
	if pages <= 1 {
		return nil
	}
	return []Button{
		{Label: "◀ Previous", CustomID: id(max(1, pg-1)), Disabled: pg <= 1},
		{Label: "Next ▶", CustomID: id(min(pages, pg+1)), Disabled: pg >= pages},
	}
}

package bot

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// DefaultMaxOptionLen caps the characters of one option value typed by a
// user before it reaches the router.
const DefaultMaxOptionLen = 200

// maxURLLen caps options named "url", which are often longer than words.
const maxURLLen = 2048

// tooLongError reports an option value over the cap.
type tooLongError struct {
	option string
	limit  int
}

func (e *tooLongError) Error() string {
	return fmt.Sprintf("option %s is longer than %d characters", e.option, e.limit)
}

// request converts a slash command, autocomplete request or button press
// into a commands.Request. Options, including those of a subcommand or
// subcommand group, are flattened to strings; attachments become their
// URL. Values longer than maxOptionLen characters (0: the default) are an
// error for commands and are cut for autocomplete, where the value is
// only a partial word.
func request(i *discordgo.Interaction, maxOptionLen int) (commands.Request, error) {
	if maxOptionLen <= 0 {
		maxOptionLen = DefaultMaxOptionLen
	}
	req := commands.Request{
		GuildID:   i.GuildID,
		ChannelID: i.ChannelID,
		Options:   map[string]string{},
	}
	switch {
	case i.Member != nil:
		if i.Member.User != nil {
			req.UserID = i.Member.User.ID
		}
		req.CanManage = i.Member.Permissions&(discordgo.PermissionManageGuild|discordgo.PermissionAdministrator) != 0
	case i.User != nil:
		req.UserID = i.User.ID
	}

	switch i.Type {
	case discordgo.InteractionMessageComponent:
		data, ok := i.Data.(discordgo.MessageComponentInteractionData)
		if !ok {
			return req, fmt.Errorf("component interaction %s has no component data", i.ID)
		}
		req.CustomID = data.CustomID
		req.Command, _, _ = strings.Cut(data.CustomID, ":")
		return req, nil
	case discordgo.InteractionApplicationCommand, discordgo.InteractionApplicationCommandAutocomplete:
	default:
		return req, fmt.Errorf("interaction %s: unsupported type %d", i.ID, i.Type)
	}

	data, ok := i.Data.(discordgo.ApplicationCommandInteractionData)
	if !ok {
		return req, fmt.Errorf("command interaction %s has no command data", i.ID)
	}
	req.Command = data.Name
	opts := data.Options
	var path []string
	for len(opts) == 1 && (opts[0].Type == discordgo.ApplicationCommandOptionSubCommandGroup ||
		opts[0].Type == discordgo.ApplicationCommandOptionSubCommand) {
		path = append(path, opts[0].Name)
		opts = opts[0].Options
	}
	req.Sub = strings.Join(path, " ")

	autocomplete := i.Type == discordgo.InteractionApplicationCommandAutocomplete
	for _, o := range opts {
		v := optionValue(o, data.Resolved)
		if o.Type != discordgo.ApplicationCommandOptionAttachment {
			limit := maxOptionLen
			if o.Name == "url" {
				limit = max(maxOptionLen, maxURLLen)
			}
			if utf8.RuneCountInString(v) > limit {
				if !autocomplete {
					return req, &tooLongError{option: o.Name, limit: limit}
				}
				v = truncate(v, limit)
			}
		}
		req.Options[o.Name] = v
		if o.Focused {
			req.Focused = o.Name
		}
	}
	return req, nil
}

// optionValue renders one option's value as the user gave it.
func optionValue(o *discordgo.ApplicationCommandInteractionDataOption, res *discordgo.ApplicationCommandInteractionDataResolved) string {
	switch v := o.Value.(type) {
	case nil:
		return ""
	case string:
		if o.Type == discordgo.ApplicationCommandOptionAttachment && res != nil {
			if a, ok := res.Attachments[v]; ok && a != nil {
				return a.URL
			}
		}
		return v
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(v)
	default:
		return fmt.Sprint(v)
	}
}

// truncate keeps the first n runes of s.
func truncate(s string, n int) string {
	i := 0
	for j := range s {
		if i == n {
			return s[:j]
		}
		i++
	}
	return s
}

package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// Discord's message and embed limits, in characters. Discord does not cut
// oversized payloads; it rejects them, so the bot cuts them first.
const (
	maxContent      = 2000
	maxEmbeds       = 10
	maxTitle        = 256
	maxDescription  = 4096
	maxFields       = 25
	maxFieldName    = 256
	maxFieldValue   = 1024
	maxFooter       = 2048
	maxEmbedTotal   = 6000
	maxButtonLabel  = 80
	maxCustomID     = 100
	maxButtonsInRow = 5
	maxRows         = 5
	maxChoices      = 25
	maxChoiceLen    = 100
)

// cutMark ends every text the bot had to shorten.
const cutMark = "…"

// blank stands in for an empty field name or value, which Discord rejects.
const blank = "\u200b"

// Payload turns resp into the data of an interaction response: content,
// embeds and buttons cut to Discord's limits, the ephemeral flag, and
// allowed mentions that let nothing ping.
func Payload(resp commands.Response) *discordgo.InteractionResponseData {
	resp = fit(resp)
	data := &discordgo.InteractionResponseData{
		Content:         resp.Content,
		Embeds:          embeds(resp.Embeds),
		Components:      components(resp.Buttons),
		AllowedMentions: noMentions(),
	}
	if resp.Ephemeral {
		data.Flags = discordgo.MessageFlagsEphemeral
	}
	return data
}

// edit is the payload that replaces a deferred reply (@original). It always
// sets content, embeds and components so that nothing of the placeholder
// survives.
func edit(resp commands.Response) *discordgo.WebhookEdit {
	resp = fit(resp)
	content := resp.Content
	embeds := embeds(resp.Embeds)
	comps := components(resp.Buttons)
	return &discordgo.WebhookEdit{
		Content:         &content,
		Embeds:          &embeds,
		Components:      &comps,
		AllowedMentions: noMentions(),
	}
}

// message is the payload of a channel message, for briefing delivery.
func message(resp commands.Response) *discordgo.MessageSend {
	resp = fit(resp)
	return &discordgo.MessageSend{
		Content:         resp.Content,
		Embeds:          embeds(resp.Embeds),
		Components:      components(resp.Buttons),
		AllowedMentions: noMentions(),
	}
}

// noMentions allows no mention of any kind. Parse must be an empty slice,
// not nil: discordgo marshals nil as "parse":null, and only "parse":[]
// tells Discord to parse nothing.
func noMentions() *discordgo.MessageAllowedMentions {
	return &discordgo.MessageAllowedMentions{Parse: []discordgo.AllowedMentionType{}}
}

func embeds(in []commands.Embed) []*discordgo.MessageEmbed {
	out := make([]*discordgo.MessageEmbed, 0, len(in))
	for _, e := range in {
		me := &discordgo.MessageEmbed{
			Type:        discordgo.EmbedTypeRich,
			Title:       e.Title,
			URL:         e.URL,
			Description: e.Description,
			Color:       e.Color,
		}
		for _, f := range e.Fields {
			me.Fields = append(me.Fields, &discordgo.MessageEmbedField{Name: f.Name, Value: f.Value, Inline: f.Inline})
		}
		if e.Footer != "" {
			me.Footer = &discordgo.MessageEmbedFooter{Text: e.Footer}
		}
		out = append(out, me)
	}
	return out
}

// components lays buttons out in action rows of five. Buttons whose custom
// ID does not fit are dropped: a cut ID would route the press elsewhere.
func components(buttons []commands.Button) []discordgo.MessageComponent {
	out := []discordgo.MessageComponent{}
	var row discordgo.ActionsRow
	for _, b := range buttons {
		if b.CustomID == "" || len(b.CustomID) > maxCustomID {
			continue
		}
		label := cut(b.Label, maxButtonLabel)
		if label == "" {
			label = blank
		}
		row.Components = append(row.Components, discordgo.Button{
			Label:    label,
			Style:    discordgo.SecondaryButton,
			CustomID: b.CustomID,
			Disabled: b.Disabled,
		})
		if len(row.Components) == maxButtonsInRow {
			out = append(out, row)
			row = discordgo.ActionsRow{}
			if len(out) == maxRows {
				return out
			}
		}
	}
	if len(row.Components) > 0 {
		out = append(out, row)
	}
	return out
}

// choices converts autocomplete suggestions, keeping at most 25 whose name
// and value are 1 to 100 characters long.
func choices(in []commands.Choice) []*discordgo.ApplicationCommandOptionChoice {
	out := make([]*discordgo.ApplicationCommandOptionChoice, 0, min(len(in), maxChoices))
	for _, c := range in {
		if len(out) == maxChoices {
			break
		}
		name := cut(c.Name, maxChoiceLen)
		if name == "" || c.Value == "" || utf8.RuneCountInString(c.Value) > maxChoiceLen {
			continue // a cut value would no longer name what it stood for
		}
		out = append(out, &discordgo.ApplicationCommandOptionChoice{Name: name, Value: c.Value})
	}
	return out
}

// fit returns resp cut to Discord's limits: content 2,000 characters; at
// most 10 embeds; title 256, description 4,096, 25 fields of name 256 and
// value 1,024, footer 2,048; and 6,000 characters over all embeds. Text is
// cut at a word boundary and ends with "…"; fields and embeds that no
// longer fit are dropped.
func fit(resp commands.Response) commands.Response {
	out := resp
	out.Content = cut(resp.Content, maxContent)
	if len(resp.Embeds) == 0 {
		return out
	}
	budget := maxEmbedTotal
	out.Embeds = make([]commands.Embed, 0, min(len(resp.Embeds), maxEmbeds))
	for i, e := range resp.Embeds {
		if i == maxEmbeds || budget <= 0 {
			break
		}
		fe, used := fitEmbed(e, budget)
		if used == 0 && e.URL == "" {
			continue // an empty embed is rejected by Discord
		}
		budget -= used
		out.Embeds = append(out.Embeds, fe)
	}
	return out
}

// fitEmbed cuts e to the per-embed limits and to budget characters, and
// reports how many characters the result counts towards the 6,000 total.
// The footer is fitted first because it usually carries the sources.
func fitEmbed(e commands.Embed, budget int) (commands.Embed, int) {
	out := commands.Embed{URL: e.URL, Color: e.Color}
	take := func(s string, limit int) string {
		t := cut(s, min(limit, budget))
		budget -= utf8.RuneCountInString(t)
		return t
	}
	used := budget
	out.Footer = take(e.Footer, maxFooter)
	out.Title = take(e.Title, maxTitle)
	out.Description = take(e.Description, maxDescription)
	for i, f := range e.Fields {
		if i == maxFields {
			break
		}
		name := strings.TrimSpace(f.Name)
		value := strings.TrimSpace(f.Value)
		if name == "" {
			name = blank
		}
		if value == "" {
			value = blank
		}
		// A field needs its name whole and at least a little of its
		// value to be worth showing.
		nameLen := min(utf8.RuneCountInString(name), maxFieldName)
		if budget < nameLen+min(utf8.RuneCountInString(value), 16) {
			break
		}
		fn := take(name, maxFieldName)
		fv := take(value, maxFieldValue)
		out.Fields = append(out.Fields, commands.Field{Name: fn, Value: fv, Inline: f.Inline})
	}
	return out, used - budget
}

// cut shortens s to at most limit characters. It cuts at the last space
// in the second half of the allowance when there is one, else inside a
// word, and marks the cut with "…".
func cut(s string, limit int) string {
	if limit <= 0 {
		return ""
	}
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	if limit == 1 {
		return cutMark
	}
	// Byte offset just past the first limit-1 runes.
	end, n := 0, 0
	for i := range s {
		if n == limit-1 {
			end = i
			break
		}
		n++
	}
	head := s[:end]
	// Prefer a word boundary, but not at the cost of most of the text.
	if next, _ := utf8.DecodeRuneInString(s[end:]); !unicode.IsSpace(next) {
		if sp := strings.LastIndexFunc(head, unicode.IsSpace); sp > 0 && utf8.RuneCountInString(head[:sp]) >= (limit-1)/2 {
			head = head[:sp]
		}
	}
	head = strings.TrimRightFunc(head, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == ':'
	})
	return head + cutMark
}

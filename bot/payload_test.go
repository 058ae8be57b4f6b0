package bot

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// sentData is the part of an interaction response or message payload the
// tests check, decoded from the JSON that went out.
type sentData struct {
	Content         string                     `json:"content"`
	Embeds          []*discordgo.MessageEmbed  `json:"embeds"`
	Components      []sentRow                  `json:"components"`
	AllowedMentions map[string]json.RawMessage `json:"allowed_mentions"`
	Flags           int                        `json:"flags"`
	Choices         []commands.Choice          `json:"choices"`
}

type sentRow struct {
	Type       int `json:"type"`
	Components []struct {
		Type     int    `json:"type"`
		Label    string `json:"label"`
		CustomID string `json:"custom_id"`
		Disabled bool   `json:"disabled"`
	} `json:"components"`
}

type sentResponse struct {
	Type int       `json:"type"`
	Data *sentData `json:"data"`
}

// checkNoMentions fails unless allowed_mentions is exactly {"parse":[]}.
func checkNoMentions(t *testing.T, what string, d *sentData) {
	t.Helper()
	if d == nil {
		t.Fatalf("%s: no data", what)
	}
	if got := string(d.AllowedMentions["parse"]); got != "[]" {
		t.Errorf("%s: allowed_mentions.parse = %s, want []", what, got)
	}
	for _, k := range []string{"users", "roles", "replied_user"} {
		if v, ok := d.AllowedMentions[k]; ok && string(v) != "[]" && string(v) != "false" {
			t.Errorf("%s: allowed_mentions.%s = %s, want absent", what, k, v)
		}
	}
}

// checkLimits fails if d breaks any of Discord's message limits.
func checkLimits(t *testing.T, what string, d *sentData) {
	t.Helper()
	n := utf8.RuneCountInString
	if n(d.Content) > maxContent {
		t.Errorf("%s: content has %d characters, want ≤ %d", what, n(d.Content), maxContent)
	}
	if len(d.Embeds) > maxEmbeds {
		t.Errorf("%s: %d embeds, want ≤ %d", what, len(d.Embeds), maxEmbeds)
	}
	total := 0
	for i, e := range d.Embeds {
		total += n(e.Title) + n(e.Description)
		if n(e.Title) > maxTitle || n(e.Description) > maxDescription || len(e.Fields) > maxFields {
			t.Errorf("%s: embed %d title %d, description %d, fields %d: over a limit", what, i, n(e.Title), n(e.Description), len(e.Fields))
		}
		for _, f := range e.Fields {
			total += n(f.Name) + n(f.Value)
			if n(f.Name) > maxFieldName || n(f.Value) > maxFieldValue || f.Name == "" || f.Value == "" {
				t.Errorf("%s: embed %d field name %d, value %d characters: out of range", what, i, n(f.Name), n(f.Value))
			}
		}
		if e.Footer != nil {
			total += n(e.Footer.Text)
			if n(e.Footer.Text) > maxFooter {
				t.Errorf("%s: embed %d footer %d characters, want ≤ %d", what, i, n(e.Footer.Text), maxFooter)
			}
		}
	}
	if total > maxEmbedTotal {
		t.Errorf("%s: embeds total %d characters, want ≤ %d", what, total, maxEmbedTotal)
	}
	for _, row := range d.Components {
		if len(row.Components) > maxButtonsInRow {
			t.Errorf("%s: action row with %d buttons, want ≤ %d", what, len(row.Components), maxButtonsInRow)
		}
	}
	if len(d.Components) > maxRows {
		t.Errorf("%s: %d action rows, want ≤ %d", what, len(d.Components), maxRows)
	}
}

func marshalData(t *testing.T, v any) *sentData {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	var d sentData
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return &d
}

func TestPayloadMentions(t *testing.T) {
	resp := commands.Response{
		Content: "Hello @everyone and <@123> and <@&456>",
		Embeds:  []commands.Embed{{Title: "@here", Description: hostileText}},
	}
	b, err := json.Marshal(Payload(resp))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"allowed_mentions":{"parse":[]`) {
		t.Errorf("Payload(%q) = %s, want allowed_mentions with \"parse\":[]", resp.Content, b)
	}
	d := marshalData(t, Payload(resp))
	checkNoMentions(t, "Payload", d)
	checkNoMentions(t, "edit", marshalData(t, edit(resp)))
	checkNoMentions(t, "message", marshalData(t, message(resp)))
	if d.Content != resp.Content {
		t.Errorf("Payload content = %q, want %q unchanged", d.Content, resp.Content)
	}
}

func TestPayloadFlagsAndButtons(t *testing.T) {
	var buttons []commands.Button
	for i := range 7 {
		buttons = append(buttons, commands.Button{Label: fmt.Sprintf("Page %d", i+1), CustomID: fmt.Sprintf("articles:%d", i)})
	}
	buttons = append(buttons, commands.Button{Label: "bad", CustomID: strings.Repeat("x", 101)})
	d := marshalData(t, Payload(commands.Response{Content: "x", Buttons: buttons, Ephemeral: true}))
	if d.Flags != int(discordgo.MessageFlagsEphemeral) {
		t.Errorf("Payload(ephemeral).flags = %d, want 64", d.Flags)
	}
	if len(d.Components) != 2 || len(d.Components[0].Components) != 5 || len(d.Components[1].Components) != 2 {
		t.Fatalf("Payload(7 buttons + 1 bad) rows = %+v, want 5 + 2 buttons", d.Components)
	}
	if row := d.Components[0]; row.Type != int(discordgo.ActionsRowComponent) || row.Components[0].Type != int(discordgo.ButtonComponent) || row.Components[0].CustomID != "articles:0" {
		t.Errorf("Payload first row = %+v, want an action row of buttons starting with articles:0", row)
	}
	if d := marshalData(t, Payload(commands.Response{Content: "x"})); d.Flags != 0 {
		t.Errorf("Payload(public).flags = %d, want 0", d.Flags)
	}
}

func TestPayloadLimits(t *testing.T) {
	long := strings.Repeat("word ", 3000) // 15,000 characters
	var fields []commands.Field
	for i := range 40 {
		fields = append(fields, commands.Field{Name: fmt.Sprintf("field %d %s", i, long[:300]), Value: long})
	}
	fields = append(fields, commands.Field{Name: "", Value: ""})
	var embeds []commands.Embed
	for range 12 {
		embeds = append(embeds, commands.Embed{Title: long, Description: long, Fields: fields, Footer: long})
	}
	resp := commands.Response{Content: long, Embeds: embeds}
	d := marshalData(t, Payload(resp))
	checkLimits(t, "Payload(huge)", d)
	if !strings.HasSuffix(d.Content, cutMark) || strings.HasSuffix(strings.TrimSuffix(d.Content, cutMark), " ") {
		t.Errorf("Payload(huge).content ends %q, want a word then %q", d.Content[len(d.Content)-12:], cutMark)
	}
	if len(d.Embeds) == 0 || d.Embeds[0].Footer == nil || d.Embeds[0].Title == "" {
		t.Errorf("Payload(huge) embeds = %d, want the first with title and footer", len(d.Embeds))
	}
}

func TestPayloadSmallUnchanged(t *testing.T) {
	resp := commands.Response{
		Content: "ok",
		Embeds: []commands.Embed{{
			Title: "Title", URL: "https://example.org", Description: "Body", Footer: "Source", Color: 0x3366ff,
			Fields: []commands.Field{{Name: "Role", Value: "minister", Inline: true}},
		}},
	}
	d := marshalData(t, Payload(resp))
	e := d.Embeds[0]
	if e.Title != "Title" || e.URL != "https://example.org" || e.Description != "Body" || e.Footer.Text != "Source" ||
		e.Color != 0x3366ff || len(e.Fields) != 1 || e.Fields[0].Name != "Role" || !e.Fields[0].Inline {
		t.Errorf("Payload(small) embed = %+v, want it unchanged", e)
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		in    string
		limit int
		want  string
	}{
		{"short", 10, "short"},
		{"exactly ten", 11, "exactly ten"},
		{"one two three four five", 14, "one two three…"},
		{"one two three four five", 12, "one two…"},
		{"one two three four five six seven", 30, "one two three four five six…"},
		{"unbreakablewordthatgoesonandon", 10, "unbreakab…"},
		{"주소를 한국어로 쓰면 길어집니다", 8, "주소를…"},
		{"주소를한국어로쓰면길어집니다", 8, "주소를한국어로…"},
		{"abc", 1, "…"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		got := cut(tt.in, tt.limit)
		if got != tt.want {
			t.Errorf("cut(%q, %d) = %q, want %q", tt.in, tt.limit, got, tt.want)
		}
		if n := utf8.RuneCountInString(got); n > tt.limit {
			t.Errorf("cut(%q, %d) has %d characters, want ≤ %d", tt.in, tt.limit, n, tt.limit)
		}
	}
}

func TestChoices(t *testing.T) {
	var in []commands.Choice
	in = append(in, commands.Choice{Name: strings.Repeat("n", 150), Value: "long name"})
	in = append(in, commands.Choice{Name: "long value", Value: strings.Repeat("v", 101)})
	in = append(in, commands.Choice{Name: "", Value: "empty name"})
	for i := range 40 {
		in = append(in, commands.Choice{Name: fmt.Sprintf("c%d", i), Value: fmt.Sprint(i)})
	}
	got := choices(in)
	if len(got) != maxChoices {
		t.Fatalf("choices(43) = %d choices, want %d", len(got), maxChoices)
	}
	if n := utf8.RuneCountInString(got[0].Name); n != maxChoiceLen || got[0].Value != "long name" {
		t.Errorf("choices[0] = %d-character name, value %v; want %d, \"long name\"", n, got[0].Value, maxChoiceLen)
	}
	if got[1].Name != "c0" {
		t.Errorf("choices[1].Name = %q, want c0 (bad choices dropped)", got[1].Name)
	}
}

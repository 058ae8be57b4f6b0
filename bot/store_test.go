package bot

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
	"factdesk/data"
	"factdesk/extract"
	"factdesk/internal/fakediscord"
	"factdesk/news"
	"factdesk/store"
)

// hostileDoc is an article whose title, body and quote would ping everyone,
// a user and a role if Discord parsed its mentions.
var hostileDoc = news.Document{
	Path:      "hostile.txt",
	Title:     "Ministers brief @everyone and <@123> on the trade talks",
	Source:    "Test Wire",
	Published: "2025-01-15",
	Text: "TOKYO (Test Wire) — Trade Minister Kenji Sato told @everyone at the meeting on Wednesday that talks would resume.\n\n" +
		"Sato, who became trade minister in 2023, will travel to Seoul on Jan. 20 for the next round <@&456>.\n\n" +
		"\"We are ready, <@123> and @here included,\" Sato said.\n",
}

const givenNames = "Akira Daichi Emi Fumio Goro Haruto Isamu Jun Kaito Mei Naoki Osamu Riku Sora Taro " +
	"Yuki Aoi Hina Ren Yuto Kenta Mio Sho Rin Kazu Nao Ryo Tomo Yui Hiro"

// newStoreRouter builds the real router over a real SQLite store in a temp
// dir, loaded with the bundled article and hostileDoc through the real
// extraction pipeline.
func newStoreRouter(t *testing.T) *commands.Router {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "factdesk.db"))
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	docs, err := data.Articles()
	if err != nil {
		t.Fatalf("data.Articles: %v", err)
	}
	docs = append(docs, hostileDoc)
	// Thirty more people sharing a surname, one article each: more
	// autocomplete matches than Discord's 25 and more articles than a page.
	for i, given := range strings.Fields(givenNames) {
		docs = append(docs, news.Document{
			Path:      fmt.Sprintf("sato-%02d.txt", i),
			Title:     fmt.Sprintf("Deputy minister %s Sato visits port %d", given, i),
			Source:    "Test Wire",
			Published: fmt.Sprintf("2024-12-%02d", i%28+1),
			Text: fmt.Sprintf("OSAKA (Test Wire) — Deputy Minister %s Sato visited the port on Monday.\n\n"+
				"%s Sato, who became deputy minister in 2022, met dock workers there.\n", given, given),
		})
	}
	for _, d := range docs {
		if _, err := st.SaveArticle(ctx, d, extract.Extract(d)); err != nil {
			t.Fatalf("SaveArticle(%s): %v", d.Path, err)
		}
	}
	return commands.New(commands.Deps{Facts: st})
}

// TestGatewayRealStore drives the commands over the gateway against a real
// store holding an article full of mentions: every reply must allow no
// mention, and the mention text must really have gone out.
func TestGatewayRealStore(t *testing.T) {
	h := startBot(t, Config{RateLimit: -1}, newStoreRouter(t))

	ac := h.response(t, h.inject(t, discordgo.InteractionApplicationCommandAutocomplete, "8001",
		`{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"sa","focused":true}]}`))
	if ac.Type != 8 || len(ac.Data.Choices) != 25 {
		t.Errorf("/who autocomplete over 31 Satos = type %d with %d choices, want 8 with 25", ac.Type, len(ac.Data.Choices))
	}

	// Paging: /articles over 32 articles has a next-page button; pressing
	// it updates the message in place.
	list := h.response(t, h.inject(t, discordgo.InteractionApplicationCommand, "8002", slash("articles")))
	var next string
	for _, row := range list.Data.Components {
		for _, b := range row.Components {
			if !b.Disabled && next == "" {
				next = b.CustomID
			}
		}
	}
	if next == "" {
		t.Errorf("/articles over 32 articles has no enabled button: %+v", list.Data.Components)
	} else {
		page := h.response(t, h.inject(t, discordgo.InteractionMessageComponent, "8002",
			fmt.Sprintf(`{"custom_id":%q,"component_type":2}`, next)))
		if page.Type != 7 || len(page.Data.Embeds) == 0 {
			t.Errorf("button %q = type %d with %d embeds, want 7 with the next page", next, page.Type, len(page.Data.Embeds))
		}
		checkNoMentions(t, "articles page", page.Data)
	}

	var bodies strings.Builder
	for i, data := range []string{
		slash("summary"),
		slash("quote"),
		slash("who", "name", "Kenji Sato"),
		slash("search", "terms", "everyone"),
		slash("ask", "question", "Who is Kenji Sato?"),
		slash("articles"),
		slash("when", "event", "round"),
	} {
		s := h.inject(t, discordgo.InteractionApplicationCommand, fmt.Sprint(8100+i), data)
		r, err := h.fake.AwaitRequest(waitCtx(t), func(r fakediscord.Request) bool { return r.Path == s.callbackPath() })
		if err != nil {
			t.Fatalf("%s: no callback: %v", data, err)
		}
		bodies.Write(r.Body)
		var resp sentResponse
		if err := r.Decode(&resp); err != nil {
			t.Fatal(err)
		}
		if resp.Type != 4 {
			t.Errorf("%s response type = %d, want 4", data, resp.Type)
			continue
		}
		checkNoMentions(t, data, resp.Data)
		checkLimits(t, data, resp.Data)
	}
	if !strings.Contains(bodies.String(), "@everyone") {
		t.Errorf("no reply carried the article's @everyone: the test did not exercise mention safety")
	}
}

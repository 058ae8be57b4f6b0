package bot

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/bwmarrin/discordgo"
)

func TestDiscordgoLogsGoToSlog(t *testing.T) {
	var buf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))
	if _, err := newBot(Config{Token: "t", AppID: "1"}, &scripted{}, logger); err != nil {
		t.Fatal(err)
	}
	discordgo.Logger(discordgo.LogError, 1, "gateway %s failed", "wss://x")
	discordgo.Logger(discordgo.LogInformational, 1, "called")
	out := buf.String()
	if !strings.Contains(out, "level=ERROR") || !strings.Contains(out, `msg="gateway wss://x failed"`) || !strings.Contains(out, "component=discordgo") {
		t.Errorf("discordgo error logged as %q, want an ERROR record from component=discordgo", out)
	}
	if strings.Contains(out, "called") {
		t.Errorf("discordgo informational line reached an Info logger: %q", out)
	}
	if lv := discordgoLevel(logger); lv != discordgo.LogWarning {
		t.Errorf("discordgoLevel(info logger) = %d, want LogWarning", lv)
	}
}

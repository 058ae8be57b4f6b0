package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"

	"github.com/bwmarrin/discordgo"
)

var (
	dgLogger     atomic.Pointer[slog.Logger]
	dgLoggerOnce sync.Once
)

// routeDiscordgoLogs sends discordgo's log lines to logger. discordgo has
// one package-level Logger, so it is installed once and forwards to the
// logger of the newest Bot.
func routeDiscordgoLogs(logger *slog.Logger) {
	dgLogger.Store(logger.With("component", "discordgo"))
	dgLoggerOnce.Do(func() {
		discordgo.Logger = func(level, _ int, format string, a ...any) {
			l := dgLogger.Load()
			lv := slogLevel(level)
			if !l.Enabled(context.Background(), lv) {
				return
			}
			l.Log(context.Background(), lv, fmt.Sprintf(format, a...))
		}
	})
}

// slogLevel maps a discordgo level to slog's. discordgo's informational
// lines ("called") are debugging noise.
func slogLevel(level int) slog.Level {
	switch level {
	case discordgo.LogError:
		return slog.LevelError
	case discordgo.LogWarning:
		return slog.LevelWarn
	default:
		return slog.LevelDebug
	}
}

// discordgoLevel is the session log level that lets through what logger
// would print.
func discordgoLevel(logger *slog.Logger) int {
	if logger.Enabled(context.Background(), slog.LevelDebug) {
		return discordgo.LogInformational
	}
	return discordgo.LogWarning
}

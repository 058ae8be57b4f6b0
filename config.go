package main

import (
	"fmt"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is everything factdesk reads from the environment (and .env).
// It is read here and nowhere else; the parts get plain values.
type Config struct {
	DatabasePath string

	DiscordToken     string
	DiscordAppID     string
	DiscordGuildID   string
	DiscordPublicKey string
	DiscordAPIURL    string

	ServeAddr   string
	MetricsAddr string

	RateLimit    int
	RateWindow   time.Duration
	MaxOptionLen int

	MaxArticleBytes   int64
	FeedPollInterval  time.Duration
	BriefingCatchUp   time.Duration
	AllowPrivateFetch bool
	LogLevel          slog.Level
	LogFormat         string
}

// setting documents one environment variable for `factdesk help` and
// .env.example; the README's table follows the same list.
type setting struct {
	Name, Default, Doc string
}

var settings = []setting{
	{"DATABASE_PATH", "./factdesk.db", "SQLite database file (created on first start, with the bundled article loaded)"},
	{"DISCORD_TOKEN", "", "bot token; without it `factdesk run` opens the local console instead"},
	{"DISCORD_APP_ID", "", "application ID, needed to register commands and for `serve`"},
	{"DISCORD_GUILD_ID", "", "register commands in this one server (instant, for development); empty = global"},
	{"DISCORD_PUBLIC_KEY", "", "application public key (hex), needed by `serve` to verify requests"},
	{"DISCORD_API_URL", "", "base URL that replaces https://discord.com for REST calls, e.g. a shared rate-limit proxy; empty = Discord itself"},
	{"SERVE_ADDR", ":8080", "listen address of `serve` (HTTP interactions endpoint, /healthz, /metrics)"},
	{"METRICS_ADDR", "", "in gateway mode, serve /healthz and /metrics here when set"},
	{"RATE_LIMIT", "5", "commands each user may run per RATE_WINDOW"},
	{"RATE_WINDOW", "10s", "window of the per-user rate limit"},
	{"MAX_OPTION_LEN", "200", "longest option value accepted from a user, in characters"},
	{"MAX_ARTICLE_BYTES", "5242880", "largest article file or page accepted, in bytes"},
	{"FEED_POLL_INTERVAL", "15m", "how often feeds are polled"},
	{"BRIEFING_CATCHUP", "6h", "a briefing missed while the bot was down is still sent within this window"},
	{"FACTDESK_ALLOW_PRIVATE_FETCH", "false", "allow fetching private, loopback and link-local addresses (tests only)"},
	{"LOG_LEVEL", "info", "debug, info, warn or error"},
	{"LOG_FORMAT", "text", "text or json"},
}

// loadConfig reads the environment. getenv is os.Getenv in production.
func loadConfig(getenv func(string) string) (Config, error) {
	get := func(name string) string {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
		for _, s := range settings {
			if s.Name == name {
				return s.Default
			}
		}
		return ""
	}
	var errs []string
	num := func(name string) int {
		n, err := strconv.Atoi(get(name))
		if err != nil || n < 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a non-negative whole number", name, get(name)))
		}
		return n
	}
	dur := func(name string) time.Duration {
		d, err := time.ParseDuration(get(name))
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Sprintf("%s=%q is not a positive duration such as 10s or 15m", name, get(name)))
		}
		return d
	}
	c := Config{
		DatabasePath:     get("DATABASE_PATH"),
		DiscordToken:     get("DISCORD_TOKEN"),
		DiscordAppID:     get("DISCORD_APP_ID"),
		DiscordGuildID:   get("DISCORD_GUILD_ID"),
		DiscordPublicKey: get("DISCORD_PUBLIC_KEY"),
		DiscordAPIURL:    strings.TrimRight(get("DISCORD_API_URL"), "/"),
		ServeAddr:        get("SERVE_ADDR"),
		MetricsAddr:      get("METRICS_ADDR"),
		RateLimit:        num("RATE_LIMIT"),
		RateWindow:       dur("RATE_WINDOW"),
		MaxOptionLen:     num("MAX_OPTION_LEN"),
		MaxArticleBytes:  int64(num("MAX_ARTICLE_BYTES")),
		FeedPollInterval: dur("FEED_POLL_INTERVAL"),
		BriefingCatchUp:  dur("BRIEFING_CATCHUP"),
		LogFormat:        get("LOG_FORMAT"),
	}
	switch strings.ToLower(get("FACTDESK_ALLOW_PRIVATE_FETCH")) {
	case "1", "true", "yes", "on":
		c.AllowPrivateFetch = true
	case "0", "false", "no", "off":
	default:
		errs = append(errs, fmt.Sprintf("FACTDESK_ALLOW_PRIVATE_FETCH=%q is not true or false", get("FACTDESK_ALLOW_PRIVATE_FETCH")))
	}
	if err := c.LogLevel.UnmarshalText([]byte(get("LOG_LEVEL"))); err != nil {
		errs = append(errs, fmt.Sprintf("LOG_LEVEL=%q is not debug, info, warn or error", get("LOG_LEVEL")))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Sprintf("LOG_FORMAT=%q is not text or json", c.LogFormat))
	}
	if len(errs) > 0 {
		return c, fmt.Errorf("configuration: %s", strings.Join(errs, "; "))
	}
	return c, nil
}

// newLogger builds the one slog logger, writing to stderr.
func newLogger(c Config) *slog.Logger {
	opts := &slog.HandlerOptions{Level: c.LogLevel}
	if c.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(os.Stderr, opts))
	}
	return slog.New(slog.NewTextHandler(os.Stderr, opts))
}

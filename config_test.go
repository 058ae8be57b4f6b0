package main

import (
	"os"
	"strings"
	"testing"
	"time"
)

func TestLoadConfigDefaults(t *testing.T) {
	c, err := loadConfig(func(string) string { return "" })
	if err != nil {
		t.Fatalf("loadConfig(empty) error: %v", err)
	}
	if c.DatabasePath != "./factdesk.db" || c.RateLimit != 5 || c.RateWindow != 10*time.Second || c.MaxArticleBytes != 5<<20 {
		t.Errorf("loadConfig(empty) = %+v, want the documented defaults", c)
	}
}

func TestLoadConfigRejectsBadValues(t *testing.T) {
	env := map[string]string{"RATE_LIMIT": "many", "RATE_WINDOW": "soon", "LOG_LEVEL": "loud"}
	_, err := loadConfig(func(k string) string { return env[k] })
	if err == nil {
		t.Fatal("loadConfig(bad values) = nil error, want one naming each variable")
	}
	for name := range env {
		if !strings.Contains(err.Error(), name) {
			t.Errorf("loadConfig(bad values) error %q does not name %s", err, name)
		}
	}
}

// The example file documents every variable with its default.
func TestEnvExampleListsEverySetting(t *testing.T) {
	raw, err := os.ReadFile(".env.example")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range settings {
		if !strings.Contains(string(raw), "\n"+s.Name+"="+s.Default+"\n") {
			t.Errorf(".env.example lacks the line %s=%s", s.Name, s.Default)
		}
	}
}

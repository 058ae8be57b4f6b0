package commands_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"factdesk/commands"
)

func TestShowH5(t *testing.T) {
	if os.Getenv("H5LINES") == "" {
		t.Skip()
	}
	e := newEnv(t)
	for _, l := range strings.Split(os.Getenv("H5LINES"), "|") {
		r := e.line(l)
		fmt.Printf(">>> %s\n%s\n", l, commands.Text(r))
	}
}

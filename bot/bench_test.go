package bot

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/bwmarrin/discordgo"

	"factdesk/commands"
)

// BenchmarkHTTPEndpoint measures the interactions endpoint on loopback
// under concurrent load: each request is signature-checked, decoded,
// answered by the real router and encoded. It reports requests per second
// and fails on any non-200 answer.
func BenchmarkHTTPEndpoint(b *testing.B) {
	for _, bc := range []struct{ name, data string }{
		{"ping", ""},
		{"help", slash("help")},
		{"who", slash("who", "name", "Cho Person03")},
		{"autocomplete", `{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"cho","focused":true}]}`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			e := startEndpoint(b, newRouter(), HTTPOptions{RateLimit: -1})
			body := `{"id":"1","application_id":"1","type":1,"token":"t","version":1}`
			if bc.data != "" {
				typ := discordgo.InteractionApplicationCommand
				if strings.Contains(bc.data, "focused") {
					typ = discordgo.InteractionApplicationCommandAutocomplete
				}
				_, body = interactionJSON(e.fake.AppID, typ, "9001", "32", bc.data)
			}
			proto := e.signed(body, time.Now())
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
			var errs atomic.Int64
			b.SetParallelism(8)
			b.ResetTimer()
			cpu0 := cpuTime()
			start := time.Now()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					req, _ := http.NewRequest("POST", proto.URL.String(), strings.NewReader(body))
					req.Header = proto.Header.Clone()
					resp, err := client.Do(req)
					if err != nil {
						errs.Add(1)
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != http.StatusOK {
						errs.Add(1)
					}
				}
			})
			elapsed := time.Since(start)
			cpu := cpuTime() - cpu0
			b.StopTimer()
			b.ReportMetric(float64(b.N)/elapsed.Seconds(), "req/s")
			// CPU per request (client and server, both in this process)
			// does not depend on what else the machine is doing.
			b.ReportMetric(float64(cpu.Microseconds())/float64(b.N), "cpu-µs/req")
			b.ReportMetric(float64(errs.Load()), "errors")
			if n := errs.Load(); n > 0 {
				b.Errorf("%d of %d requests failed", n, b.N)
			}
		})
	}
}

// nopReplier discards replies, to time the bot's own handling.
type nopReplier struct{ n atomic.Int64 }

func (r *nopReplier) respond(context.Context, *discordgo.InteractionResponse) error {
	r.n.Add(1)
	return nil
}
func (r *nopReplier) edit(context.Context, *discordgo.WebhookEdit) error       { return nil }
func (r *nopReplier) followup(context.Context, *discordgo.WebhookParams) error { return nil }

// BenchmarkHandle measures one interaction through the bot with no
// transport: JSON decoding, conversion to a Request, the real router (or,
// for "overhead", a router that returns a fixed answer), and the payload
// cut to Discord's limits.
func BenchmarkHandle(b *testing.B) {
	for _, bc := range []struct {
		name string
		typ  discordgo.InteractionType
		data string
	}{
		{"overhead", discordgo.InteractionApplicationCommand, slash("echo")},
		{"help", discordgo.InteractionApplicationCommand, slash("help")},
		{"who", discordgo.InteractionApplicationCommand, slash("who", "name", "Cho Person03")},
		{"summary", discordgo.InteractionApplicationCommand, slash("summary")},
		{"autocomplete", discordgo.InteractionApplicationCommandAutocomplete,
			`{"id":"1","name":"who","type":1,"options":[{"name":"name","type":3,"value":"cho","focused":true}]}`},
	} {
		b.Run(bc.name, func(b *testing.B) {
			var router dispatcher = newRouter()
			if bc.name == "overhead" {
				router = &scripted{run: func(context.Context, commands.Request) (commands.Response, error) {
					return commands.Response{Content: "ok", Embeds: []commands.Embed{{Title: "t", Description: "d"}}}, nil
				}}
			}
			c := newCore(router, limits{RateLimit: -1}, nil)
			_, js := interactionJSON("1", bc.typ, "9002", "32", bc.data)
			raw := []byte(js)
			r := &nopReplier{}
			ctx := context.Background()
			b.ReportAllocs()
			cpu0 := cpuTime()
			for b.Loop() {
				var i discordgo.Interaction
				if err := json.Unmarshal(raw, &i); err != nil {
					b.Fatal(err)
				}
				c.handle(ctx, &i, r)
			}
			b.ReportMetric(float64((cpuTime()-cpu0).Nanoseconds())/float64(b.N), "cpu-ns/op")
			if r.n.Load() == 0 {
				b.Fatal("no replies")
			}
		})
	}
}

// BenchmarkPayload measures cutting a large answer to Discord's limits and
// encoding it.
func BenchmarkPayload(b *testing.B) {
	resp, err := newRouter().Run(context.Background(), mustRequest(b, slash("summary")))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(Payload(resp)); err != nil {
			b.Fatal(err)
		}
	}
}

func mustRequest(b *testing.B, data string) commands.Request {
	_, js := interactionJSON("1", discordgo.InteractionApplicationCommand, "9003", "32", data)
	r, err := request(interaction(b, js), 0)
	if err != nil {
		b.Fatal(err)
	}
	return r
}

// cpuTime is the CPU time this process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

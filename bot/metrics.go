package bot

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Outcomes counted in interactions_total.
const (
	outcomeOK          = "ok"
	outcomeDeferred    = "deferred" // answered later by editing @original
	outcomeError       = "error"
	outcomeRateLimited = "rate_limited"
	outcomeRejected    = "rejected" // bad request: unknown type, option too long
	outcomeFailed      = "send_failed"
)

// metrics are the Prometheus collectors of one bot or HTTP endpoint. Each
// has its own registry, so several can live in one process (and in tests).
type metrics struct {
	reg          *prometheus.Registry
	interactions *prometheus.CounterVec
	duration     *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		interactions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "interactions_total",
			Help: "Interactions handled, by command and outcome. Autocomplete counts as <command>:autocomplete.",
		}, []string{"command", "outcome"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "interaction_duration_seconds",
			Help:    "Time from receipt of an interaction to its first response, by command.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2, 3, 5},
		}, []string{"command"}),
	}
	m.reg.MustRegister(m.interactions, m.duration,
		collectors.NewGoCollector(),
		collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe records one interaction.
func (m *metrics) observe(command, outcome string, took time.Duration) {
	m.interactions.WithLabelValues(command, outcome).Inc()
	m.duration.WithLabelValues(command).Observe(took.Seconds())
}

// handler serves the registry in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// opsMux serves /healthz and /metrics.
func opsMux(m *metrics) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	mux.Handle("GET /metrics", m.handler())
	return mux
}

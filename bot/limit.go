package bot

import (
	"sync"
	"time"
)

// Default per-user rate limit: commands per window.
const (
	DefaultRateLimit  = 5
	DefaultRateWindow = 10 * time.Second
)

// autocompleteFactor loosens the limit for autocomplete, which Discord
// sends on every keystroke.
const autocompleteFactor = 10

// limiter allows each key at most n events in any window: a sliding log
// of the last n event times per key.
type limiter struct {
	n      int
	window time.Duration

	mu    sync.Mutex
	users map[string][]time.Time
	calls int
}

func newLimiter(n int, window time.Duration) *limiter {
	return &limiter{n: n, window: window, users: map[string][]time.Time{}}
}

// allow records an event for key at now and reports whether it is within
// the limit. A refused event is not recorded, so a user who waits out the
// window is served again. A nil limiter allows everything.
func (l *limiter) allow(key string, now time.Time) bool {
	if l == nil || l.n <= 0 {
		return true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.calls++
	if l.calls%1024 == 0 {
		l.sweep(now)
	}
	log := l.users[key]
	cutoff := now.Add(-l.window)
	for len(log) > 0 && !log[0].After(cutoff) {
		log = log[1:]
	}
	if len(log) >= l.n {
		l.users[key] = log
		return false
	}
	if cap(log) == len(log) {
		// Re-slicing from the front shrinks capacity; start afresh.
		log = append(make([]time.Time, 0, l.n), log...)
	}
	l.users[key] = append(log, now)
	return true
}

// sweep forgets keys with no event inside the window, so the map holds
// only recently active users.
func (l *limiter) sweep(now time.Time) {
	cutoff := now.Add(-l.window)
	for k, log := range l.users {
		if len(log) == 0 || !log[len(log)-1].After(cutoff) {
			delete(l.users, k)
		}
	}
}

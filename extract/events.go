package extract

import "factdesk/news"

// findEvents is the seam to the events stage (package extract/events),
// which reads the sentences, people, places, organisations and time
// expressions already found.
var findEvents = func(ex news.Extraction) []news.Event { return nil }

func (a *analysis) events(ex news.Extraction) []news.Event {
	return findEvents(ex)
}

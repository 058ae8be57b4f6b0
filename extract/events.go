package extract

import (
	"factdesk/extract/events"
	"factdesk/news"
)

// events runs the events stage over what the earlier stages found.
func (a *analysis) events(ex news.Extraction) []news.Event {
	return events.Find(events.Input{
		Sentences: ex.Sentences, People: ex.People, Places: ex.Places, Organizations: ex.Organizations,
		Timexes: ex.Timexes, Published: ex.Published, Dateline: ex.Dateline,
	})
}

// Package data holds the articles factdesk ships with, embedded in the
// binary, so a new database answers questions with no set-up.
package data

import (
	"embed"
	"encoding/json"
	"fmt"

	"factdesk/news"
)

//go:embed articles.json *.txt
var files embed.FS

// entry is one line of articles.json: the file and the metadata its text
// does not carry.
type entry struct {
	File      string   `json:"file"`
	Title     string   `json:"title"`
	Published string   `json:"published"`
	Source    string   `json:"source"`
	URL       string   `json:"url"`
	Authors   []string `json:"authors"`
}

// Articles returns the bundled articles as documents ready for extraction.
func Articles() ([]news.Document, error) {
	raw, err := files.ReadFile("articles.json")
	if err != nil {
		return nil, fmt.Errorf("read bundled manifest: %w", err)
	}
	var entries []entry
	if err := json.Unmarshal(raw, &entries); err != nil {
		return nil, fmt.Errorf("parse bundled manifest: %w", err)
	}
	docs := make([]news.Document, 0, len(entries))
	for _, e := range entries {
		text, err := files.ReadFile(e.File)
		if err != nil {
			return nil, fmt.Errorf("read bundled article %s: %w", e.File, err)
		}
		docs = append(docs, news.Document{
			Path:      "bundled:" + e.File,
			Title:     e.Title,
			URL:       e.URL,
			Source:    e.Source,
			Authors:   e.Authors,
			Published: e.Published,
			Text:      string(text),
		})
	}
	return docs, nil
}

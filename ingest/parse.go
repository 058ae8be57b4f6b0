package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"

	"factdesk/news"
)

// Input errors. Parse wraps them with the detail, so callers can test the
// reason with errors.Is and users read one clear line.
var (
	ErrEmpty       = errors.New("empty file")
	ErrBinary      = errors.New("binary or non-UTF-8 data")
	ErrTooLarge    = errors.New("over the size limit")
	ErrFrontMatter = errors.New("malformed front matter")
	ErrType        = errors.New("unsupported file type")
	ErrNoText      = errors.New("no readable text")
)

// Kinds of input Parse understands, chosen by file extension.
const (
	kindText = "text"
	kindHTML = "html"
)

// kindOf returns the input kind for a file name, or "" when the extension
// is not one ingest reads. A name without an extension (stdin, "-") is text.
func kindOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".md", ".markdown", ".text", "":
		return kindText
	case ".html", ".htm", ".xhtml":
		return kindHTML
	}
	return ""
}

// Parse turns one input into a Document: .txt and .md files with optional
// front matter between "---" lines, and .html pages reduced to their main
// text. name is the file name or URL (its extension picks the format); it
// becomes Document.Path.
func Parse(name string, data []byte) (news.Document, error) {
	switch kindOf(name) {
	case kindText:
		return parseText(name, data)
	case kindHTML:
		return parseHTML(name, data, "")
	}
	return news.Document{}, fmt.Errorf("%w %q (want .txt, .md or .html)", ErrType, filepath.Ext(name))
}

// checkText rejects input that is empty, binary or not UTF-8.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w: invalid UTF-8 at offset %d", ErrBinary, invalidUTF8(data))
	}
	return nil
}

// invalidUTF8 returns the offset of the first byte that is not valid UTF-8.
func invalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}

// parseText reads a text or Markdown file with optional front matter.
func parseText(name string, data []byte) (news.Document, error) {
	if err := checkText(data); err != nil {
		return news.Document{}, err
	}
	doc := news.Document{Path: name}
	offset, err := frontMatter(string(data), &doc)
	if err != nil {
		return news.Document{}, err
	}
	doc.Text = string(data[offset:])
	doc.Offset = offset
	if strings.TrimSpace(doc.Text) == "" {
		return news.Document{}, fmt.Errorf("%w: no text after the front matter", ErrEmpty)
	}
	if doc.Title == "" && strings.EqualFold(filepath.Ext(name), ".md") {
		doc.Title = markdownTitle(doc.Text)
	}
	return doc, nil
}

// markdownTitle returns the text of a leading "# " heading, or "".
func markdownTitle(text string) string {
	line, _, _ := strings.Cut(strings.TrimLeft(text, " \t\r\n"), "\n")
	line = strings.TrimSpace(line)
	if t, ok := strings.CutPrefix(line, "# "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

// frontMatter fills doc from the front matter at the start of s, if any,
// and returns the number of bytes it took, closing line included. A
// leading byte order mark is skipped and counted.
func frontMatter(s string, doc *news.Document) (int, error) {
	start := 0
	if strings.HasPrefix(s, "\uFEFF") {
		start = len("\uFEFF")
	}
	first, rest, ok := cutLine(s[start:])
	if strings.TrimSpace(first) != "---" {
		return start, nil
	}
	if !ok {
		return 0, fmt.Errorf("%w: no closing --- line", ErrFrontMatter)
	}
	if !hasClosingLine(rest) {
		return 0, fmt.Errorf("%w: no closing --- line", ErrFrontMatter)
	}
	pos := start + len(s[start:]) - len(rest)
	var listKey string // the key whose "- item" lines follow
	seen := map[string]bool{}
	for lineNo := 2; ; lineNo++ {
		if rest == "" {
			return 0, fmt.Errorf("%w: no closing --- line", ErrFrontMatter)
		}
		line, next, _ := cutLine(rest)
		pos += len(rest) - len(next)
		rest = next
		trimmed := strings.TrimSpace(line)
		if trimmed == "---" {
			return pos, nil
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if item, ok := strings.CutPrefix(trimmed, "- "); ok && listKey != "" {
			if v := unquote(item); v != "" && listKey != ignoredKey {
				doc.Authors = append(doc.Authors, v)
			}
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		key = strings.ToLower(strings.TrimSpace(key))
		if !ok || key == "" || strings.ContainsAny(key, " \t") {
			return 0, fmt.Errorf("%w: line %d: want key: value, got %q", ErrFrontMatter, lineNo, clip(trimmed, 60))
		}
		if seen[key] {
			return 0, fmt.Errorf("%w: line %d: %s given twice", ErrFrontMatter, lineNo, key)
		}
		seen[key] = true
		value = strings.TrimSpace(value)
		listKey = ""
		switch key {
		case "title":
			doc.Title = unquote(value)
		case "url":
			doc.URL = unquote(value)
		case "source":
			doc.Source = unquote(value)
		case "published", "date":
			v := unquote(value)
			day, ok := calendarDate(v)
			if !ok {
				return 0, fmt.Errorf("%w: line %d: %s %q is not a date: use YYYY-MM-DD (an RFC 3339 time or \"January 13, 2025\" also work)", ErrFrontMatter, lineNo, key, clip(v, 40))
			}
			doc.Published = day
		case "authors", "author":
			if value == "" {
				listKey = key
				continue
			}
			doc.Authors = append(doc.Authors, splitList(value)...)
		default:
			// Keys factdesk does not use (tags, layout, draft: what static
			// site generators add) are skipped, with any list under them.
			listKey = ignoredKey
		}
	}
}

// ignoredKey marks the list items of a front matter key factdesk skips.
const ignoredKey = "\x00ignored"

// hasClosingLine reports whether s has a line that is "---".
func hasClosingLine(s string) bool {
	for s != "" {
		var line string
		line, s, _ = cutLine(s)
		if strings.TrimSpace(line) == "---" {
			return true
		}
	}
	return false
}

// cutLine splits s after its first line; line excludes the line break.
func cutLine(s string) (line, rest string, found bool) {
	i := strings.IndexByte(s, '\n')
	if i < 0 {
		return strings.TrimSuffix(s, "\r"), "", false
	}
	return strings.TrimSuffix(s[:i], "\r"), s[i+1:], true
}

// splitList reads "a, b" or "[a, b]" into its items.
func splitList(v string) []string {
	v = strings.TrimSpace(v)
	if strings.HasPrefix(v, "[") && strings.HasSuffix(v, "]") {
		v = v[1 : len(v)-1]
	}
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = unquote(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// dateLayouts are the ways front matter and pages write a publication
// date; only the calendar date is kept, in the timestamp's own zone.
var dateLayouts = []string{
	time.DateOnly, time.RFC3339, time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "2 January 2006", "2 Jan 2006", time.RFC1123, time.RFC1123Z,
}

// calendarDate reads a publication date and returns it as YYYY-MM-DD.
func calendarDate(v string) (string, bool) {
	v = strings.TrimSpace(v)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

// unquote trims spaces and one pair of matching quotes.
func unquote(v string) string {
	v = strings.TrimSpace(v)
	if len(v) >= 2 && (v[0] == '"' || v[0] == '\'') && v[len(v)-1] == v[0] {
		v = strings.TrimSpace(v[1 : len(v)-1])
	}
	return v
}

// clip shortens s for an error message.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + "…"
}

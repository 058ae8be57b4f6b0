-- events_day finds the events of a day of the year whatever the year, for
-- questions that give a date without one ("What happens on Jan. 20?").
CREATE INDEX events_day ON events (substr(date, 6, 5), date);

"""The calendar stage: events from the data, .ics feeds."""

"""The calendar stage: the data in; its dated events, how they are said, and the .ics feeds out."""

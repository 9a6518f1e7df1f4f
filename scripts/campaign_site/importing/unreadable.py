"""The one way reading a file to import fails: a Vietnamese sentence saying why and what to do."""


class UnreadableFile(Exception):
    """A file the importer cannot read faithfully; the message says why and what to do, in Vietnamese."""

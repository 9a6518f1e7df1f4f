"""A built site folder in; compressed copies and atomic releases on a host out."""

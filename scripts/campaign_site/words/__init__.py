"""Sentences made from the data (dates, windows, sources), shared by stages and pages."""

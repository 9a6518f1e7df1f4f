"""Stage values in; Markdown pages, navigation and finished HTML out."""

"""The collected stage values (`stages.collect.Collected`) in; Markdown pages, navigation and finished HTML out."""

"""Foundations with no campaign knowledge, text in and safe text out: source lines, problems, caches."""

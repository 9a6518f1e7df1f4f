"""Foundations with no campaign knowledge: safe text, source lines, problems, caches."""

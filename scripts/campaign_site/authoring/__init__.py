"""What staff start from: scaffolds with marked placeholders, JSON Schemas for editors."""

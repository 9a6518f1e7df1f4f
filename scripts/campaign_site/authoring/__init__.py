"""What staff start from: the model in; scaffolds with marked placeholders and JSON Schemas for editors out."""

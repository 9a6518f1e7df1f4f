"""The banner stage: themes and slogans in; print PDFs, SVGs and PNGs out."""

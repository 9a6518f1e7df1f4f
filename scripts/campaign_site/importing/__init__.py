"""Import a dispatch or plan: its file in, a draft plan out, with nothing guessed.

- `readers`: the file (.docx, .pdf, .odt, .txt) to plain text;
- `extract`: that text to a `Draft` (the plan as YAML-ready data, cited documents and phrases the
  registries lack, notes). What the document does not hold is left out; what the importer read but
  is not sure of carries `CẦN KIỂM TRA: `, which blocks the build until staff have checked it;
- `compare`: a draft measured against a plan entered by hand (`scripts/bench_import.py`);
- `write`: the draft into campaigns/.

The extraction has one module per job: `text` (lines to paragraphs), `vn` (spelling and case),
`names` (agencies, provinces, ids), `dates`, `header`, `basis` (cited documents), `phrases`,
`sections`, `deadlines`, `signature`. Submodules are imported where used, not here, so each stays
importable on its own.
"""

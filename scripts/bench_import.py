"""How well the importer reads dispatches: each draft compared, field by field, with the plan entered by hand.

    .venv/bin/python scripts/bench_import.py [--details] [--split NAME]… [--format NAME]… [--document NAME]…
        [--seeds DIR] [--corpus DIR]

Splits: `seeds`, the five documents the importer was written against (`../shared/seeds/*.txt`, against the
shipped plans in `campaigns/`); `gathered` and `held_out`, the documents under `tests/import_corpus/<split>/`
(`<name>/source.txt`, the plan staff would enter from it as `expected.yaml`, where it comes from as
`about.yaml`), read with the shipped registries and with empty ones. Nobody tunes the importer on `held_out`.

Formats (`FORMATS`), each read back as `scripts/dev campaign import` reads a file (time includes reading it):
- txt: the text as given; txt, empty registries: the same for a year nobody entered yet;
- docx table, docx paragraphs, docx text box, docx tracked: Word files made by `import_samples` (the header
  in a table or as tab-separated paragraphs; a KHẨN stamp and the issuer's lines in text boxes; tracked
  changes);
- pdf LibreOffice, pdf LibreOffice text box: the PDF LibreOffice makes of the table and text-box Word files
  (left out, and said, when LibreOffice is not installed);
- pdf fpdf2: a PDF set by fpdf2; txt pasted: the text copied out of Word into a text file;
- pdf-like: the text made to look like a PDF's text layer; pdf-like ×36: 36 such texts (12 random seeds ×
  widths 85, 90 and 100), for how the rules hold up when wraps, hyphens and lost blank lines fall elsewhere.

Categories are `importing.compare`'s: exact, marked_right, marked_wrong, wrong_unmarked, invented_unmarked,
invented_marked, missing, refused. Targets (exit status 1 when one is missed): no wrong_unmarked,
invented_unmarked or refused field in any split and format; exact ≥ 85 % on `gathered` and `held_out` and
≥ 95 % on the seeds in every format but the ×36 sums; under 1 s of processor time to read and extract a document.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from import_samples import docx_from_text, libreoffice_pdfs, pasted_text, pdf_from_text
from pydantic import ValidationError

from campaign_site.data.loader import load_site
from campaign_site.data.model import Plan
from campaign_site.data.site_data import SiteData
from campaign_site.data.vn_dates import PartialDate
from campaign_site.importing.compare import CATEGORIES, CITED, Counts, compare, refused, written_out
from campaign_site.importing.extract import Draft, document_year, extract
from campaign_site.importing.importer import is_dispatch
from campaign_site.importing.readers import read_text

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO / "tests" / "import_corpus"
SHIPPED = {
    "000_02631c3e3aa1d618.txt": "2026/plans/so-khcn-lang-son.yaml",
    "001_17e1e73a82d28e15.txt": "2026/plans/so-khcn-lai-chau.yaml",
    "002_4d88804107582ac3.txt": "2026/plans/ubnd-phuong-tran-hung-dao.yaml",
    "003_7150dcc81a02de69.txt": "2026/plans/ubnd-xa-binh-thanh.yaml",
    "004_f037ea7e659180aa.txt": "2025/plans/so-khcn-thanh-hoa.yaml",
}
"""Which shipped plan was entered from which source document (read from both by hand)."""
SPLITS = ("seeds", "gathered", "held_out")
TARGET_EXACT = {"seeds": 0.95, "gathered": 0.85, "held_out": 0.85}
TARGET_SECONDS = 1.0
VARIANTS = [(seed, width) for seed in range(12) for width in (85, 90, 100)]
VARIANTS_COLUMN = f"pdf-like ×{len(VARIANTS)}"
COLD = "txt, empty registries"
FORMATS = ("txt", COLD, "docx table", "docx paragraphs", "docx text box", "docx tracked", "pdf LibreOffice",
           "pdf LibreOffice text box", "pdf fpdf2", "txt pasted", "pdf-like", VARIANTS_COLUMN)
LAYOUT_OF = {"docx table": "table", "docx paragraphs": "paragraphs", "docx text box": "text box", "docx tracked": "tracked"}
CONVERTED = {"pdf LibreOffice": "docx table", "pdf LibreOffice text box": "docx text box"}
"""The PDF formats LibreOffice makes, and the Word format each is made from."""
CORPUS_PHRASES = ("themes", "slogans", "messages")
"""Lists an expected.yaml writes as texts (the writers do not know the registry's ids): left out of its
check against the plan schema, with `legal_basis` and `references` (written out as documents) and `year`."""


def pdf_like(text: str, seed: int = 2026, width: int = 90) -> str:
    """`text` as a PDF's text layer reads: Markdown marks gone, paragraphs hard-wrapped at `width`, about
    one wrap in six hyphenating a long word, and about one blank line in three between paragraphs lost."""
    rng = random.Random(seed)
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines: list[str] = []
        for line in block.split("\n"):
            line = re.sub(r"^#{1,6}\s+", "", line.strip())
            star = line.startswith("* ")
            line = ("* " if star else "") + (line[2:] if star else line).replace("*", "")
            line = re.sub(r"\s+", " ", line).strip()
            if line:
                lines += _wrap(line, width, rng)
        if not lines:
            continue
        if out and rng.random() < 1 / 3:
            out[-1] += "\n" + "\n".join(lines)  # the blank line between these paragraphs is lost
        else:
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


def _wrap(line: str, width: int, rng: random.Random) -> list[str]:
    words = line.split(" ")
    lines: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            if len(word) >= 6 and word.isalpha() and rng.random() < 1 / 6 and len(current) + len(word) // 2 + 2 <= width + 4:
                cut = len(word) // 2
                lines.append(f"{current} {word[:cut]}-")
                current = word[cut:]
                continue
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        lines.append(current)
    return lines


# --- the documents ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    """A document and the plan staff entered (or would enter) from it."""

    split: str
    name: str
    text: str
    expected: dict
    """The plan with `year`; its phrases and cited documents as ids (the seeds) or written out (the corpus)."""
    problems: tuple[str, ...] = ()
    """What is wrong with expected.yaml or about.yaml: said, and the document is still scored."""


def seed_samples(seeds: Path) -> list[Sample]:
    samples = []
    for name, shipped in SHIPPED.items():
        if not (seeds / name).is_file():
            continue
        plan = yaml.safe_load((REPO / "campaigns" / shipped).read_text(encoding="utf-8"))
        samples.append(Sample("seeds", name, (seeds / name).read_text(encoding="utf-8"), {"year": int(shipped[:4]), **plan}))
    return samples


def is_fixture(folder: Path) -> bool:
    """Whether the document was written for the bench's own test (`bench_fixture: true` in about.yaml)."""
    try:
        about = yaml.safe_load((folder / "about.yaml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(about, dict) and about.get("bench_fixture") is True


def corpus_samples(corpus: Path, split: str, fixtures: bool = False) -> list[Sample]:
    """The documents of `corpus/<split>/`: each folder holding a source.txt and an expected.yaml; those
    written for the bench's own test only when `fixtures`."""
    samples = []
    for folder in sorted(p for p in (corpus / split).glob("*") if (p / "source.txt").is_file()):
        if is_fixture(folder) and not fixtures:
            continue
        problems: list[str] = []
        expected: dict = {}
        try:
            loaded = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8"))
            expected = loaded if isinstance(loaded, dict) else {}
            problems += [] if expected else ["expected.yaml holds no plan"]
        except (OSError, yaml.YAMLError) as exc:
            problems.append(f"expected.yaml unreadable: {exc}".replace("\n", " "))
        if expected:
            problems += plan_problems(expected)
        problems += about_problems(folder / "about.yaml")
        samples.append(Sample(split, folder.name, (folder / "source.txt").read_text(encoding="utf-8"), expected, tuple(problems)))
    return samples


ABOUT_KEYS = ("identity_from", "issuer", "number_symbol", "date", "written_by", "written_at")


def about_problems(path: Path) -> list[str]:
    try:
        about = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        return [f"about.yaml unreadable: {exc}".replace("\n", " ")]
    missing = [k for k in ABOUT_KEYS if not isinstance(about, dict) or k not in about]
    return [f"about.yaml lacks {', '.join(missing)}"] if missing else []


def plan_problems(expected: Mapping[str, Any]) -> list[str]:
    """Where an expected.yaml breaks the plan schema (its year, phrases and cited documents aside, which
    the corpus writes out) or its own shape for those."""
    problems = []
    if not isinstance(expected.get("year"), int):
        problems.append("year: not a year")
    for name in CORPUS_PHRASES:
        if not all(isinstance(p, str) for p in expected.get(name) or []):
            problems.append(f"{name}: not a list of texts")
    for name in CITED:
        for cited in expected.get(name) or []:
            if not isinstance(cited, dict):
                problems.append(f"{name}: {cited!r} is not {{type, number_symbol, issuer, date}}")
    plan = {k: v for k, v in expected.items() if k not in ("year", *CITED, *CORPUS_PHRASES)}
    try:
        Plan.model_validate(plan)
    except ValidationError as exc:
        problems += [f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    return problems


# --- reading and scoring -----------------------------------------------------------------------------


@dataclass
class Score:
    """One format's results over a split's documents."""

    counts: Counts = field(default_factory=Counts)
    slowest: tuple[float, str] = (0.0, "")
    documents: int = 0


def registry_texts(site: SiteData) -> dict[str, str]:
    return {pid: entry.phrase.text for c in site.campaigns.values() for pid, entry in c.phrases().items()}


def registry_documents(site: SiteData) -> dict[str, dict[str, Any]]:
    """The registry's documents as the fields a cited document is compared by."""
    out: dict[str, dict[str, Any]] = {}
    for doc_id, doc in site.documents.items():
        fields = {"type": doc.type, "number_symbol": doc.number_symbol, "issuer": doc.issuer,
                  "date": doc.date.iso() if isinstance(doc.date, PartialDate) else doc.date}
        out[doc_id] = {k: v for k, v in fields.items() if isinstance(v, str)}
    return out


class Bench:
    """Scores documents in each format against their expected plans."""

    def __init__(self, site: SiteData, folder: Path, formats: tuple[str, ...] = FORMATS) -> None:
        self.site, self.folder, self.formats = site, folder, formats
        self.texts, self.documents = registry_texts(site), registry_documents(site)
        self.pdfs: dict[Path, Path] | None = {}
        self.notes: list[str] = []

    def prepare(self, samples: list[Sample]) -> None:
        """The LibreOffice PDFs of every document, made in one run."""
        wanted = [f for f in self.formats if f in CONVERTED]
        if not wanted:
            return
        files = [self._docx(s, CONVERTED[f]) for s in samples for f in wanted]
        self.pdfs = libreoffice_pdfs(files, self.folder / "libreoffice")
        if self.pdfs is None:
            self.notes.append("LibreOffice (soffice) is not installed: the pdf LibreOffice formats are left out.")
            self.formats = tuple(f for f in self.formats if f not in CONVERTED)

    def _path(self, sample: Sample, fmt: str, suffix: str) -> Path:
        return self.folder / f"{sample.split}-{sample.name}-{fmt.replace(' ', '-')}{suffix}"

    def _docx(self, sample: Sample, fmt: str) -> Path:
        path = self._path(sample, fmt, ".docx")
        return path if path.is_file() else docx_from_text(sample.text, path, LAYOUT_OF[fmt])

    def sources(self, sample: Sample, fmt: str) -> Iterator[str | Path]:
        """What the importer is given for this format: a text, or a file it reads."""
        if fmt in ("txt", COLD):
            yield sample.text
        elif fmt in LAYOUT_OF:
            yield self._docx(sample, fmt)
        elif fmt in CONVERTED:
            pdf = (self.pdfs or {}).get(self._docx(sample, CONVERTED[fmt]))
            yield pdf if pdf else self._path(sample, fmt, ".pdf")  # a file LibreOffice did not make: refused
        elif fmt == "pdf fpdf2":
            yield pdf_from_text(sample.text, self._path(sample, fmt, ".pdf"))
        elif fmt == "txt pasted":
            path = self._path(sample, fmt, ".txt")
            path.write_bytes(pasted_text(sample.text).encode("utf-8"))
            yield path
        elif fmt == "pdf-like":
            yield pdf_like(sample.text)
        else:
            yield from (pdf_like(sample.text, seed, width) for seed, width in VARIANTS)

    def score(self, sample: Sample, fmt: str, source: str | Path) -> tuple[Counts, float]:
        """The draft of `source` compared with the sample's plan, and the processor seconds reading and
        extracting took (this process's own: the machine may be shared)."""
        cold = fmt == COLD
        expected = written_out(sample.expected, self.texts, self.documents)
        started = time.process_time()
        try:
            text = read_text(source) if isinstance(source, Path) else source
            year = document_year(text)
            phrases = self.site.campaigns[year].phrases() if year in self.site.campaigns and not cold else {}
            draft = extract(text, {} if cold else self.site.documents, self.site.observances, phrases, year)
        except Exception as exc:  # reading raised: the document is refused, whatever the reason
            return refused(expected, f"refused: {type(exc).__name__}: {exc}"), time.process_time() - started
        seconds = time.process_time() - started
        if not is_dispatch(draft):
            return refused(expected, "refused: not a dispatch (is_dispatch)"), seconds
        texts, documents = self._draft_registries(draft, cold)
        return compare({"year": draft.year, **draft.plan}, expected, texts, documents), seconds

    def _draft_registries(self, draft: Draft, cold: bool) -> tuple[dict[str, str], dict[str, Mapping[str, Any]]]:
        """What the draft's ids name: the registries' entries (none when read with empty ones) and its own."""
        texts = {} if cold else dict(self.texts)
        texts.update({phrase["id"]: phrase["text"] for _, _, phrase in draft.new_phrases})
        documents: dict[str, Mapping[str, Any]] = {} if cold else dict(self.documents)
        documents.update({d["id"]: d for d in draft.new_documents if "id" in d})
        return texts, documents

    def run(self, samples: list[Sample], each: Callable[[Sample, str, Counts, float], None]) -> dict[str, Score]:
        scores = {fmt: Score() for fmt in self.formats}
        for sample in samples:
            for fmt in self.formats:
                summed = Counts()
                for source in self.sources(sample, fmt):
                    counts, seconds = self.score(sample, fmt, source)
                    summed = summed + counts
                    score = scores[fmt]
                    score.slowest = max(score.slowest, (seconds, f"{sample.name} ({fmt})"))
                scores[fmt].counts = scores[fmt].counts + summed
                scores[fmt].documents += 1
                each(sample, fmt, summed, scores[fmt].slowest[0])
        return scores


# --- the report -------------------------------------------------------------------------------------


def format_table(scores: Mapping[str, Score]) -> list[str]:
    """Categories down, formats across, then exact % and the slowest document's seconds."""
    columns = list(scores)
    lines = ["| | " + " | ".join(columns) + " |", "|---|" + "---|" * len(columns)]
    lines += [f"| {row} | " + " | ".join(str(getattr(scores[c].counts, row)) for c in columns) + " |"
              for row in ("fields", *CATEGORIES)]
    lines.append("| exact % | " + " | ".join(f"{scores[c].counts.exact_share:.1%}" for c in columns) + " |")
    lines.append("| slowest s | " + " | ".join(f"{scores[c].slowest[0]:.3f}" for c in columns) + " |")
    return lines


def kind_table(counts: Counts) -> list[str]:
    """Kinds of field down (issuer, document, window, themes, …), categories across."""
    lines = ["| kind | fields | " + " | ".join(CATEGORIES) + " | exact % |", "|---|---|" + "---|" * (len(CATEGORIES) + 1)]
    for kind, of_kind in sorted(counts.by_kind().items()):
        lines.append(f"| {kind} | {of_kind.fields} | " + " | ".join(str(getattr(of_kind, c)) for c in CATEGORIES)
                     + f" | {of_kind.exact_share:.1%} |")
    return lines


def missed_targets(split: str, scores: Mapping[str, Score]) -> list[str]:
    """Each target the split misses, in words."""
    missed = []
    for fmt, score in scores.items():
        c = score.counts
        for category in ("wrong_unmarked", "invented_unmarked", "refused"):
            if getattr(c, category):
                missed.append(f"{split}, {fmt}: {getattr(c, category)} {category}")
        if fmt != VARIANTS_COLUMN and c.fields and c.exact_share < TARGET_EXACT[split]:
            missed.append(f"{split}, {fmt}: exact {c.exact_share:.1%} < {TARGET_EXACT[split]:.0%}")
        if score.slowest[0] >= TARGET_SECONDS:
            missed.append(f"{split}, {fmt}: {score.slowest[1]} took {score.slowest[0]:.2f} s ≥ {TARGET_SECONDS:.0f} s")
    return missed


def report_split(bench: Bench, split: str, samples: list[Sample], details: bool, out: Callable[[str], None]) -> list[str]:
    """Print the split's tables; the targets it misses."""
    out(f"\n## {split}: {len(samples)} document{'s' if len(samples) != 1 else ''}")
    if not samples:
        out("(no documents)")
        return []
    for sample in samples:
        for problem in sample.problems:
            out(f"- {sample.name}: {problem}")
    per_document: dict[str, list[str]] = {}

    def each(sample: Sample, fmt: str, counts: Counts, _: float) -> None:
        flags = "".join(f" {getattr(counts, c)} {c}" for c in ("wrong_unmarked", "invented_unmarked", "refused") if getattr(counts, c))
        per_document.setdefault(sample.name, []).append(f"{fmt} {counts.exact_share:.0%}{flags}")
        if details and fmt != VARIANTS_COLUMN:
            for category, path, mine, theirs in counts.details:
                out(f"    [{sample.name} | {fmt}] {category:17} {path}: {mine!r} | expected {theirs!r}")

    scores = bench.run(samples, each)
    out("\nExact share per document:")
    for name, cells in per_document.items():
        out(f"- {name}: " + "; ".join(cells))
    out("")
    for line in format_table(scores):
        out(line)
    slowest = max(score.slowest for score in scores.values())
    out(f"\nSlowest document: {slowest[1]}, {slowest[0]:.3f} s (target < {TARGET_SECONDS:.0f} s).")
    out(f"\nBy kind of field, all formats but {VARIANTS_COLUMN}:")
    kinds = Counts()
    for fmt, score in scores.items():
        if fmt != VARIANTS_COLUMN:
            kinds = kinds + score.counts
    for line in kind_table(kinds):
        out(line)
    return missed_targets(split, scores)


def run(seeds: Path, corpus: Path, splits: tuple[str, ...], formats: tuple[str, ...], details: bool,
        out: Callable[[str], None] = print, fixtures: bool = False, documents: tuple[str, ...] = ()) -> int:
    """Print the tables of each split; 1 when a target is missed. `fixtures`: score the documents written
    for the bench's own test too; `documents`: only those whose name holds one of these."""
    site = load_site(REPO / "campaigns")
    samples = {split: [s for s in (seed_samples(seeds) if split == "seeds" else corpus_samples(corpus, split, fixtures))
                       if not documents or any(d in s.name for d in documents)] for split in splits}
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        bench = Bench(site, Path(folder), formats)
        bench.prepare([s for split in splits for s in samples[split]])
        for note in bench.notes:
            out(note)
        missed = [m for split in splits for m in report_split(bench, split, samples[split], details, out)]
    out("\nTargets met." if not missed else "\nTargets missed:\n" + "\n".join(f"- {m}" for m in missed))
    return 1 if missed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list every field that is not exact")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the five source documents' .txt")
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of the splits gathered/ and held_out/")
    parser.add_argument("--split", action="append", choices=SPLITS, help="only this split (repeatable)")
    parser.add_argument("--format", action="append", choices=FORMATS, help="only this format (repeatable)")
    parser.add_argument("--document", action="append", help="only documents whose name holds this (repeatable)")
    args = parser.parse_args(argv)
    return run(args.seeds, args.corpus, tuple(args.split or SPLITS), tuple(args.format or FORMATS), args.details,
               documents=tuple(args.document or ()))


if __name__ == "__main__":
    sys.exit(main())

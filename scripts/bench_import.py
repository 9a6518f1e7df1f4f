"""How well the importer reads the five source documents: each draft compared, field by field, with the
plan entered by hand (`campaigns/<year>/plans/*.yaml`).

    .venv/bin/python scripts/bench_import.py [--details] [--seeds DIR]

Three readings per document:
- txt: the text as the readers give it (`../shared/seeds/*.txt`), with the shipped registries;
- docx, pdf file: a real Word file and a real PDF made from that text (`import_samples`: the header in a
  table, Word's automatic numbering, bold runs, soft line breaks; justified, hyphenated PDF lines with page
  numbers), each read back by `importing.readers` as `scripts/dev campaign import` reads a file (time
  includes reading the file);
- pdf: the same text made to look like a PDF's (no bold or italic marks, lines wrapped at about 90
  characters, a few words hyphenated at line ends, some blank lines between paragraphs lost);
- pdf ×36: the sums over 36 such PDF texts (12 random seeds × widths 85, 90 and 100), for how the
  rules hold up when wraps, hyphens and lost blank lines fall elsewhere;
- cold: the txt with empty registries, as for a year whose documents and phrases are not entered
  yet (phrases compared by text, cited documents by the ids the importer makes).

Counts: exact / marked for review (CẦN KIỂM TRA, CẦN ĐIỀN) / missing / wrong (different and unmarked) /
invented (not in the shipped plan and unmarked); exact share = exact / fields of the shipped plan.
Target: exact ≥ 95 %, wrong = invented = 0, under 2 s per document.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml
from import_samples import docx_from_text, pdf_from_text

from campaign_site.data.loader import load_site
from campaign_site.importing.compare import Counts, compare
from campaign_site.importing.extract import Draft, document_year, extract
from campaign_site.importing.readers import read_text

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
SHIPPED = {
    "000_02631c3e3aa1d618.txt": "2026/plans/so-khcn-lang-son.yaml",
    "001_17e1e73a82d28e15.txt": "2026/plans/so-khcn-lai-chau.yaml",
    "002_4d88804107582ac3.txt": "2026/plans/ubnd-phuong-tran-hung-dao.yaml",
    "003_7150dcc81a02de69.txt": "2026/plans/ubnd-xa-binh-thanh.yaml",
    "004_f037ea7e659180aa.txt": "2025/plans/so-khcn-thanh-hoa.yaml",
}
"""Which shipped plan was entered from which source document (read from both by hand)."""
TARGET_EXACT, TARGET_SECONDS = 0.95, 2.0
VARIANTS = [(seed, width) for seed in range(12) for width in (85, 90, 100)]
VARIANTS_COLUMN = f"pdf ×{len(VARIANTS)}"


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


def _phrase_texts(site: Any, draft: Draft) -> dict[str, str]:
    texts = {pid: entry.phrase.text for c in site.campaigns.values() for pid, entry in c.phrases().items()}
    texts.update({phrase["id"]: phrase["text"] for _, _, phrase in draft.new_phrases})
    return texts


def run(seeds: Path, details: bool) -> int:
    site = load_site(REPO / "campaigns")
    totals = {"txt": Counts(), "docx": Counts(), "pdf file": Counts(), "pdf": Counts(), VARIANTS_COLUMN: Counts(),
              "cold": Counts()}
    folder = Path(tempfile.mkdtemp(prefix="bench-import-"))
    slowest = 0.0
    failed = False
    for name, shipped_path in SHIPPED.items():
        text = (seeds / name).read_text(encoding="utf-8")
        shipped = yaml.safe_load((REPO / "campaigns" / shipped_path).read_text(encoding="utf-8"))
        year = document_year(text) or int(shipped_path[:4])
        phrases = site.campaigns[year].phrases() if year in site.campaigns else {}
        results: dict[str, tuple[Counts, float, Draft]] = {}
        files = [docx_from_text(text, folder / f"{name}.docx"), pdf_from_text(text, folder / f"{name}.pdf")]
        readings: list[tuple[str, str | Path, Any, Any]] = [("txt", text, site.documents, phrases), ("docx", files[0], site.documents, phrases),
                    ("pdf file", files[1], site.documents, phrases), ("pdf", pdf_like(text), site.documents, phrases)]
        readings += [(VARIANTS_COLUMN, pdf_like(text, seed, width), site.documents, phrases) for seed, width in VARIANTS]
        readings += [("cold", text, {}, {})]
        for column, source, registry, known in readings:
            started = time.perf_counter()
            draft = extract(read_text(source) if isinstance(source, Path) else source, registry, site.observances, known, year)
            seconds = time.perf_counter() - started
            counts = compare(draft.plan, shipped, _phrase_texts(site, draft))
            if column in results:  # the sum over the variants, and the slowest of them
                previous, slower, _ = results[column]
                results[column] = (previous + counts, max(slower, seconds), draft)
            else:
                results[column] = (counts, seconds, draft)
            totals[column] = totals[column] + counts
            slowest = max(slowest, seconds)
        print(f"\n{name} → campaigns/{shipped_path} ({results['txt'][0].fields} trường)")
        _table(results)
        for column in ("txt", "docx", "pdf file", "pdf"):
            counts = results[column][0]
            failed |= counts.exact_share < TARGET_EXACT or counts.wrong > 0 or counts.invented > 0
        if details:
            for column, (counts, _, draft) in results.items():
                if column == VARIANTS_COLUMN:
                    continue
                for category, path, mine, theirs in counts.details:
                    print(f"    [{column}] {category:8} {path}: {mine!r} | shipped {theirs!r}")
                if column == "txt":
                    for note in draft.notes:
                        print(f"    [txt] note: {note}")
    print("\nTổng cộng (5 văn bản)")
    _table({column: (counts, 0.0, None) for column, counts in totals.items()}, timed=False)
    print(f"\nChậm nhất: {slowest:.3f} s một văn bản (mục tiêu < {TARGET_SECONDS:.0f} s).")
    failed |= slowest >= TARGET_SECONDS
    print("Đạt mục tiêu." if not failed else "CHƯA đạt mục tiêu ở cột txt, docx, pdf file hoặc pdf.")
    return 1 if failed else 0


def _table(results: dict[str, tuple[Counts, float, Any]], timed: bool = True) -> None:
    columns = list(results)
    print("| | " + " | ".join(columns) + " |")
    print("|---|" + "---|" * len(columns))
    for row in ("exact", "marked", "missing", "wrong", "invented"):
        print(f"| {row} | " + " | ".join(str(getattr(results[c][0], row)) for c in columns) + " |")
    print("| exact % | " + " | ".join(f"{results[c][0].exact_share:.1%}" for c in columns) + " |")
    print("| marked and right | " + " | ".join(str(results[c][0].marked_right) for c in columns) + " |")
    if timed:
        print("| seconds | " + " | ".join(f"{results[c][1]:.3f}" for c in columns) + " |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list every field that is not exact")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the source documents' .txt")
    args = parser.parse_args(argv)
    return run(args.seeds, args.details)


if __name__ == "__main__":
    sys.exit(main())

"""One table of words: no Vietnamese text is written in code or templates outside the catalogue.

Every string literal with a Vietnamese letter in a .py file under scripts/ (docstrings and comments
are not literals), and every Vietnamese letter in the text of a template (pages/templates, overrides/;
template comments are not text), is a stray: its words belong in `words/locale/.../campaign_site.po`.
Exempt are only the places listed below, each with its reason.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = ROOT / "scripts"
TEMPLATE_FOLDERS = (SCRIPTS / "campaign_site" / "pages" / "templates", ROOT / "overrides")
TEMPLATE_SUFFIXES = (".j2", ".html")
VIETNAMESE = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.IGNORECASE
)
TEMPLATE_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)

EXEMPT: dict[str, str] = {
    # Input grammar: patterns and word lists that recognise what a document or a staff member wrote.
    "campaign_site/core/slugs.py::ascii_slug": "folds đ/Đ to d/D when a name becomes an address",
    "campaign_site/core/slugs.py::without_marks": "folds đ/Đ to d/D as readers type Vietnamese without its marks",
    "campaign_site/data/model.py::_SUBJECT_LEAD": "recognises the `về việc` a document's summary starts with",
    "campaign_site/data/unknowns.py::NOT_KNOWN_SPELLING": "the data's own word for a fact not known yet, like `true`",
    "campaign_site/data/unknowns.py::NOT_KNOWN_SLIPS": "recognises the ways staff misspell `chưa rõ`",
    "campaign_site/data/document_end.py::CLOSING_WORDS": "recognises the `Trên đây` a closing paragraph starts with",
    "campaign_site/data/document_end.py::RECIPIENTS_WORDS": "recognises the `Nơi nhận:` label",
    "campaign_site/data/checks.py::_YEAR_WORDS": "recognises a year a staff member wrote in a plan's text (`năm 2026`)",
    "campaign_site/data/checks.py::_PROVINCE_PREFIX": "recognises `tỉnh`, `thành phố` before a province name staff typed",
    "campaign_site/pages/views/plan.py::_subject_line": "a dispatch (`Công văn`) is recognised by the kind word the document prints",
    "campaign_site/data/domain.py::ABBREVIATIONS": "agency names and the short forms documents and the site print",
    "campaign_site/data/domain.py::EXPLAINED_ABBREVIATIONS": "abbreviations as documents print them, found in a page's text",
    "campaign_site/words/search_text.py::FORMS": "`thành phố` and the `TP` readers type for it",
    "campaign_site/data/placeholders.py::MARKER": "the marker the importer writes and the checks find in files",
    "campaign_site/data/placeholders.py::REVIEW_MARKER": "the marker the importer writes and the checks find in files",
    # Input grammar of the importer: what a dispatch prints, recognised (its notes and messages are in the catalogue).
    "campaign_site/importing/vn.py": "folds tones and letters of typed Vietnamese",
    "campaign_site/importing/names.py": "province names, agency and document-type words as documents print them",
    "campaign_site/importing/text.py": "patterns of a dispatch's paragraphs (labels, openings, place and date)",
    "campaign_site/importing/dates.py": "patterns of dates as documents write them",
    "campaign_site/importing/sections.py": "the words section titles use",
    "campaign_site/importing/tables.py": "the words a task table's column headings and lead cells use",
    "campaign_site/importing/header.py": "patterns and document-type words of a dispatch's header",
    "campaign_site/importing/basis.py::TYPES": "document types as citations print them",
    "campaign_site/importing/basis.py::CITATION": "pattern of a citation",
    "campaign_site/importing/basis.py::_DATE_AFTER": "pattern of a citation's date",
    "campaign_site/importing/basis.py::_ISSUER_AFTER": "pattern of a citation's issuer",
    "campaign_site/importing/basis.py::_ACTOR": "pattern of an agency starting a sentence",
    "campaign_site/importing/basis.py::_VERB": "pattern of the verb after an agency",
    "campaign_site/importing/basis.py::citations": "patterns of a citation's date and subject",
    "campaign_site/importing/basis.py::_ends_at_semicolon": "pattern of the next citation",
    "campaign_site/importing/basis.py::_issuer_end": "pattern of where an issuer's name ends",
    "campaign_site/importing/basis.py::_summary_end": "pattern of where a summary ends",
    "campaign_site/importing/basis.py::_CITED": "pattern of a citation's type and number",
    "campaign_site/importing/basis.py::_AND_CITED": "pattern of a second citation after `và`",
    "campaign_site/importing/basis.py::_new": "the locality words (`tỉnh`, `thành phố`) a parsed name starts with",
    "campaign_site/importing/deadlines.py": "patterns of deadlines, reporters and recipients",
    "campaign_site/importing/extract.py::_BASIS_OPENING": "openings of a basis paragraph",
    "campaign_site/importing/extract.py::_PURPOSE_OPENING": "openings of a purpose paragraph",
    "campaign_site/importing/extract.py::_AS_FOLLOWS": "the `như sau:` an opening ends on",
    "campaign_site/importing/extract.py::_BASIS_START": "the `Căn cứ` a basis paragraph starts with",
    "campaign_site/importing/extract.py::_TIME_WORDS": "the `thời gian` a sentence about the window has",
    "campaign_site/importing/extract.py::_LINKING": "words linking activities to another day",
    "campaign_site/importing/extract.py::_UNITS_CHOOSE": "words leaving the phrases to each unit",
    "campaign_site/importing/extract.py::_LINK_MODALITIES": "modal words (`có thể`, `khuyến khích`, `đề nghị`)",
    "campaign_site/importing/issuer.py::issuer": "the locality words a parsed name starts with, and its province added",
    "campaign_site/importing/issuer.py::_COMMITTEE": "the name of a People's Committee (`Ủy ban nhân dân`, `UBND`)",
    "campaign_site/importing/phrases.py::KINDS": "phrase kinds as documents name them (the `phrase_kind` labels of the loading part)",
    "campaign_site/importing/phrases.py::KIND_WORDS": "pattern of the phrase kinds",
    "campaign_site/importing/phrases.py::_INTRODUCED": "pattern of the phrase kind just before a quoted phrase",
    "campaign_site/importing/phrases.py::_UNQUOTED_AFTER_KIND": "pattern of an unquoted phrase after its kind and a colon",
    "campaign_site/importing/phrases.py::slogan_like": "the `chào mừng` a slogan starts with",
    "campaign_site/importing/readers.py::MOTTO": "the national motto a header starts with",
    "campaign_site/importing/readers.py::_TCVN3_MARKS": "letters of the old TCVN3 encoding",
    "campaign_site/importing/readers.py::_VNI_MARKS": "letters of the old VNI encoding",
    "campaign_site/importing/pdf_text.py::_LIST_START": "list markers (`a)`, `đ)`)",
    "campaign_site/importing/readers.py::_NUMBERING": "list numbering (`a)`, `đ)`)",
    "campaign_site/importing/readers.py::_TAB_AFTER_MARKER": "list numbering (`a)`, `đ)`) before a tab",
    "campaign_site/importing/readers.py::legacy_encoding": "the letters of Unicode Vietnamese",
    "campaign_site/importing/signature.py::RECIPIENTS": "the `Nơi nhận` label",
    "campaign_site/importing/signature.py::_APPENDIX": "the `PHỤ LỤC` title of an appendix",
    "campaign_site/importing/signature.py::_CLOSING_INSIDE": "the `Trên đây` a closing starts with",
    "campaign_site/importing/signature.py::_ISSUER_WORDS": "openings of an issuer's closing paragraphs",
    "campaign_site/importing/signature.py::_REPORT_REQUEST": "pattern of a request for reports (`gửi về …`)",
    "campaign_site/importing/signature.py::_DEPUTY": "the deputy's title after `KT.` (`PHÓ`, `THỨ TRƯỞNG`)",
    "campaign_site/importing/signature.py::_TITLE_BESIDE": "pattern of a signature title run into a recipients' line",
    # The theme's own table of words: Material's language partial, read by the theme templates with `lang.t`.
    "overrides/partials/language.html": "Material's language mechanism: the words of the theme templates",
    # Test data and benchmarks: made-up documents and campaigns, not words the site says.
    "import_samples.py": "writes made-up dispatches for the import tests and benchmark",
    "synthetic_campaigns.py": "generates made-up campaigns for tests and benchmarks",
    "fuzz_inputs.py": "generates broken inputs for the fuzz tests",
    "hostile_files.py": "generates hostile import files for tests",
    "sample_posts.py": "writes made-up activity posts for tests and the Lighthouse benchmark",
    "bench_deploy.py": "benchmark: edits a page to time a deploy",
    "bench_import.py": "benchmark: prints its timings for developers",
    "bench_scale.py": "benchmark: writes made-up campaigns",
}
"""Places allowed to hold Vietnamese literals: a file (relative to scripts/ or the project root for
templates), or `file::Name` for one top-level function, class or assigned name in it."""


def _docstrings(tree: ast.Module) -> set[int]:
    """Node ids of string statements: docstrings of modules, classes, functions and attributes."""
    return {id(node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)}


def _top_level_names(tree: ast.Module) -> dict[int, str]:
    """Each node's id mapped to the name of the top-level definition or assignment holding it."""
    owner: dict[int, str] = {}
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            name = statement.name
        elif isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            name = statement.targets[0].id
        elif isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
            name = statement.target.id
        else:
            continue
        owner.update({id(node): name for node in ast.walk(statement)})
    return owner


def stray_literals(path: Path, where: str) -> list[str]:
    """`where:line: text` for each Vietnamese string literal in `path` not in an exempt place."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings, owners = _docstrings(tree), _top_level_names(tree)
    found = []
    for node in ast.walk(tree):
        if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                and VIETNAMESE.search(node.value) and not _exempt(f"{where}::{owners.get(id(node))}")):
            found.append(f"{where}:{node.lineno}: {node.value[:60]!r}")
    return found


def stray_template_text(path: Path, where: str) -> list[str]:
    """`where:line: text` for each template line with Vietnamese outside template comments."""
    text = TEMPLATE_COMMENT.sub(lambda comment: "\n" * comment.group().count("\n"), path.read_text(encoding="utf-8"))
    return [f"{where}:{number}: {line.strip()[:60]!r}"
            for number, line in enumerate(text.splitlines(), 1) if VIETNAMESE.search(line)]


def _exempt(where: str) -> bool:
    return where in EXEMPT


def strays() -> list[str]:
    """Every stray Vietnamese text in code and templates."""
    found = []
    for path in sorted(SCRIPTS.rglob("*.py")):
        where = path.relative_to(SCRIPTS).as_posix()
        if not _exempt(where) and ".venv" not in path.parts:
            found += stray_literals(path, where)
    for folder in TEMPLATE_FOLDERS:
        for path in sorted(p for p in folder.rglob("*") if p.suffix in TEMPLATE_SUFFIXES):
            where = path.relative_to(ROOT).as_posix()
            if not _exempt(where):
                found += stray_template_text(path, where)
    return found


def test_no_vietnamese_outside_the_catalogue() -> None:
    found = strays()
    assert not found, ("Vietnamese text outside words/locale/vi/LC_MESSAGES/campaign_site.po "
                       "(add it there and call say/plain):\n" + "\n".join(found))


def test_every_exemption_names_an_existing_place() -> None:
    for where in EXEMPT:
        file, _, name = where.partition("::")
        path = SCRIPTS / file if (SCRIPTS / file).exists() else ROOT / file
        assert path.exists(), f"{where} names no file"
        if name:
            names = set(_top_level_names(ast.parse(path.read_text(encoding="utf-8"))).values())
            assert name in names, f"{where}: {file} has no top-level {name}"


@pytest.mark.parametrize("source, expected", [
    ('x = "Hạn báo cáo"\n', 1),
    ('x = f"Năm {year}"\n', 1),
    ('"""Tài liệu."""\nx = "plain"\n', 0),
    ('x = "plain"  # chú thích\n', 0),
])
def test_the_check_finds_literals_not_docstrings_or_comments(tmp_path: Path, source: str, expected: int) -> None:
    module = tmp_path / "module.py"
    module.write_text(source, encoding="utf-8")
    assert len(stray_literals(module, "module.py")) == expected


def test_the_check_reads_template_text_not_template_comments(tmp_path: Path) -> None:
    template = tmp_path / "page.md.j2"
    template.write_text('{# Chú thích #}\n{{ say("page.x") }}\nXem thêm\nTải về\n', encoding="utf-8")
    assert stray_template_text(template, "page.md.j2") == ["page.md.j2:3: 'Xem thêm'", "page.md.j2:4: 'Tải về'"]

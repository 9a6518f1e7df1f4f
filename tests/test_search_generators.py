"""Diacritic-free search in the generated project (`scripts/dev generate`), built without our hooks.

MkDocs builds it with Material, whose lunr search folds words through our lunr.vi plugin; ProperDocs
builds the same files (the generator tag aside), so the search tests read MkDocs' build only. Zensical (not installable in CI) has its own search worker, which only decomposes (NFKD)
and lower-cases words: the generated project starts the theme's search worker through
overrides/assets/javascripts/workers/search-vi.js, which makes that step fold diacritics too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from conftest import REPO, TODAY
from local_server import serve
from playwright.sync_api import Page
from test_properdocs import comparable, files, generator
from test_search import results

ENV = os.environ | {"CAMPAIGN_SITE_TODAY": TODAY, "NO_MKDOCS_2_WARNING": "1"}
WRAPPER = "assets/javascripts/workers/search-vi.js"


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("generated") / "project"
    made = subprocess.run([sys.executable, str(REPO / "scripts/generate_site.py"), str(folder)],
                          capture_output=True, text=True, env=ENV, timeout=300)
    assert made.returncode == 0, made.stderr
    return folder


def build(generated: Path, generator: str, site: Path) -> Path:
    """The generated project built by plain MkDocs or ProperDocs: no hooks, only its own mkdocs.yml."""
    built = subprocess.run([sys.executable, "-m", generator, "build", "--strict", "-f", str(generated / "mkdocs.yml"),
                            "-d", str(site)], capture_output=True, text=True, env=ENV, cwd=generated, timeout=300)
    assert built.returncode == 0, built.stderr
    return site


@pytest.fixture(scope="module")
def generated_site(generated: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(generated, "mkdocs", tmp_path_factory.mktemp("mkdocs") / "site")


def test_properdocs_builds_the_generated_project_as_mkdocs_does(generated: Path, generated_site: Path, tmp_path: Path) -> None:
    ours, theirs = files(generated_site), files(build(generated, "properdocs", tmp_path / "site"))
    assert sorted(ours) == sorted(theirs)
    assert [name for name in ours if comparable(ours[name]) != comparable(theirs[name])] == []
    assert "ProperDocs" in generator(theirs) and "ProperDocs" not in generator(ours)


def test_typing_without_diacritics_finds_the_words_with_them(generated_site: Path, page: Page) -> None:
    workers: list[str] = []
    page.on("worker", lambda worker: workers.append(worker.url))
    page.set_viewport_size({"width": 1280, "height": 900})
    with serve(generated_site) as url:
        page.goto(url)
        found = results(page, "doi moi")
        texts = page.locator(".md-search-result__item").all_inner_texts()
        marks = {m.lower() for m in page.locator(".md-search-result mark").all_inner_texts()}
        assert any("đổi mới" in text.lower() for text in texts), texts
        assert {"đổi", "mới"} <= marks
        assert results(page, "Đổi mới") == found
    assert [w.split("#")[0].removeprefix(url) for w in workers] == [WRAPPER]  # lunr still works behind it


def test_a_search_worker_that_only_normalizes_words_gets_them_folded(generated_site: Path, page: Page) -> None:
    """What Zensical 0.0.30's search worker does to every word, indexed or typed, is
    `word.normalize("NFKD").toLowerCase()`: a stand-in worker doing just that, started the way
    the theme starts its own, returns the words without diacritics."""
    stand_in = "assets/javascripts/workers/search.0000test.min.js"
    (generated_site / stand_in).write_text('self.onmessage = e => self.postMessage(e.data.normalize("NFKD").toLowerCase());',
                                           encoding="utf-8")
    try:
        with serve(generated_site) as url:
            page.goto(url)
            folded = page.evaluate("""([script, text]) => new Promise(done => {
                const worker = new Worker(script);
                worker.onmessage = event => done(event.data);
                worker.postMessage(text);
            })""", [stand_in, "Đổi MỚI sáng tạo, Lạng Sơn, " + unicodedata.normalize("NFD", "khẩu hiệu")])
    finally:
        (generated_site / stand_in).unlink()  # the build stays as MkDocs made it, for the other tests
    assert folded == "doi moi sang tao, lang son, khau hieu"

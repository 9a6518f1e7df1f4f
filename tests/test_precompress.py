"""The .gz and .br copies written for the host (campaign_site.precompress)."""

from __future__ import annotations

import gzip
import os
import shutil
from pathlib import Path

import brotli

from campaign_site.precompress import precompress_tree, text_files


def test_copies_decompress_to_the_file_and_are_reproducible(built_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    results = precompress_tree(site)
    files = text_files(site)
    assert len(results) == len(files) > 50
    assert not any(p.suffix in (".png", ".pdf") for p in files)
    for relative, result in zip(files, results):
        path = site / relative
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        assert result.size == len(data)
        if result.gzip:
            assert gzip.decompress(gz.read_bytes()) == data and result.gzip == gz.stat().st_size < len(data)
        else:
            assert not gz.exists()
        if result.brotli:
            assert brotli.decompress(br.read_bytes()) == data and result.brotli == br.stat().st_size < len(data)
        else:
            assert not br.exists()
    home = site / "index.html"
    first = (home.with_name("index.html.gz").read_bytes(), home.with_name("index.html.br").read_bytes())
    os.utime(home)  # a newer page is compressed again, to the same bytes
    precompress_tree(site)
    assert (home.with_name("index.html.gz").read_bytes(), home.with_name("index.html.br").read_bytes()) == first
    assert sum(r.brotli for r in results) < sum(r.gzip for r in results) < sum(r.size for r in results) / 3


def test_a_file_too_small_to_gain_gets_no_copy(tmp_path: Path) -> None:
    (tmp_path / "tiny.js").write_text("a")
    (tmp_path / "tiny.js.gz").write_bytes(b"stale")
    (result,) = precompress_tree(tmp_path)
    assert (result.gzip, result.brotli) == (0, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.js"]

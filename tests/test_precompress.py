"""The .gz and .br copies written for the host (campaign_site.publishing.precompress), and the check that
refuses to publish a copy that does not decompress to its file (campaign_site.publishing.releases)."""

from __future__ import annotations

import gzip
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import brotli
import pytest
from conftest import shared_build, snapshot
from nginx_host import deploy

from campaign_site.publishing import releases
from campaign_site.publishing.precompress import (
    STALE_TEMPORARY_SECONDS,
    TEMPORARY_SUFFIX,
    decompress,
    precompress_tree,
    text_files,
)

SEED = 2026
COMPRESS = [sys.executable, "-c", "import sys; from pathlib import Path; from campaign_site.publishing.precompress import "
            "precompress_tree; precompress_tree(Path(sys.argv[1]))"]
REPO = Path(__file__).resolve().parent.parent


def copies(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix in (".gz", ".br") and not p.name.endswith(TEMPORARY_SUFFIX))


def assert_copies_are_whole(site: Path) -> None:
    """Every copy decompresses to exactly its file."""
    for copy in copies(site):
        assert decompress(copy.read_bytes(), copy.suffix) == copy.with_suffix("").read_bytes(), copy


@pytest.fixture(scope="module")
def compressed_site(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site with its copies written, to copy and break (made once for all workers)."""

    def make(folder: Path) -> None:
        precompress_tree(Path(shutil.copytree(built_site, folder / "site")))

    return shared_build(tmp_path_factory, "compressed-site", make) / "site"


def test_copies_decompress_to_the_file_and_are_reproducible(built_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    results = precompress_tree(site)
    files = text_files(site)
    assert len(results) == len(files) > 50
    assert not any(p.suffix in (".png", ".pdf") for p in files)
    for relative, result in zip(files, results, strict=True):
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
    (home.with_name("index.html.gz")).unlink()  # written again, to the same bytes
    os.utime(home)  # a newer but unchanged page keeps its copy
    assert precompress_tree(site) == results
    assert (home.with_name("index.html.gz").read_bytes(), home.with_name("index.html.br").read_bytes()) == first
    assert sum(r.brotli for r in results) < sum(r.gzip for r in results) < sum(r.size for r in results) / 3


def test_a_file_too_small_to_gain_gets_no_copy(tmp_path: Path) -> None:
    (tmp_path / "tiny.js").write_text("a")
    (tmp_path / "tiny.js.gz").write_bytes(b"stale")
    (result,) = precompress_tree(tmp_path)
    assert (result.gzip, result.brotli) == (0, 0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tiny.js"]


def empty_br(site: Path) -> Path:
    """A killed run's empty copy."""
    copy = site / "index.html.br"
    copy.write_bytes(b"")
    return copy


def cut_br(site: Path) -> Path:
    """A killed run's half-written copy."""
    copy = site / "search" / "search_index.json.br"
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 2])
    return copy


def previous_build_gz(site: Path) -> Path:
    """A whole copy of the page as an older build wrote it."""
    page = next(site.glob("20*/ke-hoach/*/index.html"))
    copy = page.with_name("index.html.gz")
    copy.write_bytes(gzip.compress(page.read_bytes().replace(b"</body>", "<!-- bản cũ --></body>".encode()), mtime=0))
    return copy


def orphan_gz(site: Path) -> Path:
    """A copy of a page the new build no longer has."""
    copy = site / "da-xoa.html.gz"
    copy.write_bytes(gzip.compress(b"<p>trang cu</p>" * 50, mtime=0))
    return copy


BREAKERS = (empty_br, cut_br, previous_build_gz, orphan_gz)


def break_copies(site: Path, breakers: tuple[Callable[[Path], Path], ...] = BREAKERS) -> list[str]:
    """Break copies as a killed run or an older build leaves them, each dated an hour after its
    file (the old rule reused such copies); return their names in the site."""
    later = time.time() + 3600
    names = []
    for breaker in breakers:
        copy = breaker(site)
        os.utime(copy, (later, later))
        names.append(copy.relative_to(site).as_posix())
    return names


def test_corrupt_or_stale_copies_are_written_again_whatever_their_date(compressed_site: Path, tmp_path: Path) -> None:
    site = Path(shutil.copytree(compressed_site, tmp_path / "site"))
    broken = break_copies(site)
    old_temporary = site / f".index.html.br.dead{TEMPORARY_SUFFIX}"
    young_temporary = site / f".index.html.gz.busy{TEMPORARY_SUFFIX}"
    for temporary in (old_temporary, young_temporary):
        temporary.write_bytes(b"\x1f")
    long_ago = time.time() - STALE_TEMPORARY_SECONDS - 5
    os.utime(old_temporary, (long_ago, long_ago))

    precompress_tree(site)
    assert_copies_are_whole(site)
    assert not (site / broken[-1]).exists()  # its page is gone
    assert not old_temporary.exists() and young_temporary.exists()  # a run still writing keeps its file
    releases.site_manifest(site)  # the check before publishing agrees


@pytest.mark.parametrize("breaker", BREAKERS, ids=lambda breaker: breaker.__name__)
def test_publishing_refuses_a_copy_that_does_not_decompress_to_its_file(
    compressed_site: Path, tmp_path: Path, breaker: Callable[[Path], Path]
) -> None:
    """The last check before uploading, for a site folder changed after its copies were written."""
    site = Path(shutil.copytree(compressed_site, tmp_path / "site"))
    (name,) = break_copies(site, (breaker,))
    target = releases.Target(root=str(tmp_path / "srv"))
    with pytest.raises(releases.DeployError, match=f"Bản nén {name} hỏng hoặc đã cũ"):
        releases.publish(site, target)
    assert not (tmp_path / "srv").exists()


def test_deploy_after_a_killed_compression_ships_only_whole_copies(compressed_site: Path, tmp_path: Path) -> None:
    """The reported failure: a 0-byte .br newer than its page, left by a killed run, was published."""
    site = Path(shutil.copytree(compressed_site, tmp_path / "site"))
    break_copies(site)
    deploy("publish", "--allow-unfinished", str(tmp_path / "srv"), "--site", str(site))
    served = (tmp_path / "srv" / "current").resolve()
    assert_copies_are_whole(served)
    assert snapshot(served) == snapshot(site)
    assert (served / "index.html.br").stat().st_size > 1000


def test_a_killed_compression_leaves_only_whole_copies(built_site: Path, tmp_path: Path) -> None:
    """Compression killed (with its worker processes) at random moments: every copy on disk is whole
    (copies are renamed into place), and what the killed runs were writing is never uploaded."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    chance = random.Random(SEED)
    environment = os.environ | {"PYTHONPATH": str(REPO / "scripts")}
    seen = 0
    for _ in range(int(os.environ.get("PRECOMPRESS_KILL_TRIALS", "4"))):
        for copy in copies(site):
            copy.unlink()
        process = subprocess.Popen([*COMPRESS, str(site)], env=environment, start_new_session=True)
        time.sleep(chance.uniform(0.2, 1.2))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        assert_copies_are_whole(site)
        releases.site_manifest(site)
        seen += len(copies(site))
    assert seen > 0
    deploy("publish", "--allow-unfinished", str(tmp_path / "srv"), "--site", str(site))
    served = (tmp_path / "srv" / "current").resolve()
    assert not list(served.rglob(f"*{TEMPORARY_SUFFIX}"))
    assert snapshot(served) == {k: v for k, v in snapshot(site).items() if not k.endswith(TEMPORARY_SUFFIX)}

"""Quality gates over a built site: no broken internal link or anchor, and valid HTML.

Usage: python scripts/check_built_site.py [SITE_DIR]   (default: site/)

- Links: LinkChecker crawls the site from its home page, served on 127.0.0.1, and checks every
  internal link and #anchor (its AnchorCheck plugin). Links to other hosts are not followed: the
  check never leaves this machine. Its warnings (a missing anchor is one) count as errors.
- HTML: the Nu HTML checker (vnu.jar from the npm package vnu-jar, pinned in tests/js) checks
  every .html file.
Prints every problem and exits 1 if there is any.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from local_server import QuietHandler, serve

from campaign_site.core.catalogue import plain

REPO = Path(__file__).resolve().parent.parent
VNU_JAR = REPO / "tests" / "js" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER_CONFIG = """\
[output]
status=0
[checking]
threads=4
maxrequestspersecond=1000
[filtering]
checkextern=0
[AnchorCheck]
"""


class _Handler(QuietHandler):
    def end_headers(self) -> None:
        # LinkChecker sends more than 10 requests a second only to a server that allows it this way.
        self.send_header("LinkChecker", "allow")
        super().end_headers()


def check_links(site: Path) -> int:
    """LinkChecker's exit status over the served site (0: no broken link or anchor)."""
    with tempfile.NamedTemporaryFile("w", suffix=".ini") as config, serve(site, _Handler) as url:
        config.write(LINKCHECKER_CONFIG)
        config.flush()
        linkchecker = Path(sys.executable).with_name("linkchecker")
        return subprocess.run([str(linkchecker), "--config", config.name, "--no-robots", url]).returncode


def check_html(site: Path) -> int:
    """The Nu HTML checker's exit status over every page (0: no error)."""
    return subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--skip-non-html", str(site)]).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=plain("cli.check_site_description"))
    parser.add_argument("site", nargs="?", type=Path, default=REPO / "site")
    site = parser.parse_args(argv).site.resolve()
    if not (site / "index.html").is_file():
        print(plain("cli.site_not_built", site=site), file=sys.stderr)
        return 2
    links, html = check_links(site), check_html(site)
    fine, failed = plain("cli.no_errors"), plain("cli.errors_above")
    print(plain("cli.site_checked", links=fine if links == 0 else failed, html=fine if html == 0 else failed))
    return 0 if links == html == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

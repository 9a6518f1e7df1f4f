"""Check the project's data and Markdown as the build reads them, for staff and CI.

Usage: python scripts/check_campaigns.py [campaigns-dir] [--publish]
Runs the same build as `mkdocs build` (`campaign_site.site_build.build_site`) without writing a
site, so what it accepts builds. Prints every problem as `file:line: field: message` and exits 1 if
there is any error (with --publish, also while the settings are unfinished).
"""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from campaign_site.core.catalogue import plain
from campaign_site.data import publish_checks
from campaign_site.site_build import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=plain("cli.check_description"))
    parser.add_argument(
        "campaigns",
        nargs="?",
        type=Path,
        default=Path(__file__).resolve().parent.parent / "campaigns",
        help=plain("cli.check_folder"),
    )
    parser.add_argument("--publish", action="store_true",
                        help=plain("cli.check_publishing"))
    args = parser.parse_args(argv)
    build = build_site(args.campaigns.resolve().parent, date.today(), datetime.now(UTC), os.environ)
    if not build.ok or build.data is None:
        print(build.report(), file=sys.stderr)
        return 1
    for problem in build.problems:
        print(problem, file=sys.stderr)
    if args.publish and publish_checks.blocking(build.data):
        print(publish_checks.REFUSED, file=sys.stderr)
        return 1
    data = build.data
    plans = sum(len(c.plans) for c in data.campaigns.values())
    print(
        plain("cli.check_valid", years=len(data.campaigns), plans=plans, documents=len(data.documents), warnings=len(build.warnings))
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

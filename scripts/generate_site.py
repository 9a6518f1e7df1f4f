"""Write the complete generated project into a folder, for generators that do not run our hooks.

Usage: scripts/dev generate DIR

DIR/docs holds the staff pages and every generated page, feed, JSON and banner file; DIR/overrides
is ours, its main.html with one block added so that search finds words typed without diacritics
with Zensical's own search too (SEARCH_BLOCK); DIR/mkdocs.yml is ours without hooks, with the
navigation, the pages kept out of it, the site's title, address and description and the footer's
contact block filled in, and the about page with its contact section. Any generator that reads a Material for
MkDocs project (MkDocs, ProperDocs, Zensical) can build DIR without this repository's code.
Front-matter text is written HTML-escaped, as our hooks would print it. What the hooks do to
finished pages (labelling tables for phones, moving the theme's inline scripts into files, the
facts under each page, the "Báo sai sót" link naming each page) is not in such a build.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import sys
from dataclasses import asdict
from datetime import UTC, date, datetime
from pathlib import Path

import yaml

from campaign_site.core.catalogue import plain
from campaign_site.pages.finish import TEXT_META
from campaign_site.site_build import DOCS, SiteBuild, build_site

ROOT = Path(__file__).resolve().parent.parent
DROPPED_KEYS = ("hooks", "watch", "site_name", "site_url", "site_description", "extra", "nav", "not_in_nav")
"""Top-level settings of our mkdocs.yml that the generated project replaces or does without."""
SEARCH_BLOCK = """
{#- Added by scripts/dev generate. Diacritic-free search whichever generator builds this project:
    overrides/assets/javascripts/workers/search-vi.js must run before the theme's bundle starts
    its search worker (Material and Zensical both start it as the bundle runs). With Zensical it
    folds diacritics in Zensical's own search worker; with Material (lunr and our lunr.vi) it
    changes nothing. -#}
{% block scripts %}
  <script src="{{ 'assets/javascripts/workers/search-vi.js' | url }}"></script>
  {{ super() }}
{% endblock %}
"""
"""Appended to the generated project's overrides/main.html (our own pages do not need it)."""


def config_text(source: str, build: SiteBuild) -> str:
    """Our mkdocs.yml without the keys above, then the values the hooks would have set."""
    kept: list[str] = []
    dropping = False
    for line in source.splitlines():
        top = line[:1].strip() and not line.startswith("#")
        if top:
            dropping = line.split(":", 1)[0] in DROPPED_KEYS
        if not dropping:
            kept.append(line)
    assert build.data is not None
    site = build.data.settings.site
    filled = {
        "site_name": site.title,
        "site_url": site.base_url,
        "site_description": site.description,
        "extra": {"generator": False, "contact": asdict(build.contact) if build.contact else None,
                  "share_image": dict(build.share_image)},
        "nav": list(build.nav),
        "not_in_nav": "".join(f"/{path}\n" for path in sorted(build.not_in_nav)),
    }
    return "\n".join(kept).rstrip() + "\n\n# Filled in by scripts/dev generate.\n" + yaml.safe_dump(
        filled, allow_unicode=True, sort_keys=False)


def escaped_front_matter(markdown: str) -> str:
    """`markdown` with its front matter's text values HTML-escaped: without our hooks, Material prints
    a page's title, description, subtitle and author into the page as they are."""
    if not markdown.startswith("---\n") or "\n---\n" not in markdown[4:]:
        return markdown
    head, body = markdown[4:].split("\n---\n", 1)
    meta = yaml.safe_load(head)
    if not isinstance(meta, dict):
        return markdown
    for key in (*TEXT_META, "title", "og_image_alt"):
        if isinstance(meta.get(key), str):
            meta[key] = html.escape(meta[key], quote=True)
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body


def write_project(build: SiteBuild, target: Path) -> int:
    """Write the generated project into `target` (replaced if it exists); the number of files in docs/."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(ROOT / DOCS, target / DOCS, ignore=lambda folder, names: [
        n for n in names if (Path(folder) / n).relative_to(ROOT / DOCS).as_posix() in build.replaced])
    shutil.copytree(ROOT / "overrides", target / "overrides")
    with (target / "overrides/main.html").open("a", encoding="utf-8") as main:
        main.write(SEARCH_BLOCK)
    for staff_path, section in build.appended.items():
        with (target / DOCS / staff_path).open("a", encoding="utf-8") as staff_page:
            staff_page.write(section)
    for file in build.files:
        path = target / DOCS / file.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(file.content if isinstance(file.content, bytes) else file.content.encode("utf-8"))
    for page in (target / DOCS).rglob("*.md"):
        page.write_text(escaped_front_matter(page.read_text(encoding="utf-8")), encoding="utf-8")
    (target / "mkdocs.yml").write_text(config_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), build), encoding="utf-8")
    return sum(1 for p in (target / DOCS).rglob("*") if p.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=plain("cli.generate_description"))
    parser.add_argument("folder", type=Path, help=plain("cli.generate_folder"))
    args = parser.parse_args(argv)
    fixed = os.environ.get("CAMPAIGN_SITE_TODAY")
    build = build_site(ROOT, date.fromisoformat(fixed) if fixed else date.today(), datetime.now(UTC), os.environ)
    if not build.ok:
        print(build.report(), file=sys.stderr)
        return 1
    if args.folder.resolve() in (ROOT, ROOT / DOCS) or ROOT.is_relative_to(args.folder.resolve()):
        print(plain("cli.generate_inside_project"), file=sys.stderr)
        return 2
    count = write_project(build, args.folder.resolve())
    print(plain("cli.generate_written", count=count, folder=args.folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())

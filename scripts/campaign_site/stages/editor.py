"""The web editor under `/admin/`: Decap CMS from the project's own npm install (`scripts/editor/`), with
the configuration the model makes (`authoring.cms_config`). Nothing is fetched from another host.

`/admin/` has its own Content-Security-Policy, in the page: the CMS styles itself inline and talks to the
git host. Public pages keep theirs (nginx sends it; `/admin/` is left to its page's own, see
`hosting/nginx.conf`). The folder is not a page: not in the navigation, search or sitemap, and robots.txt
keeps crawlers out.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from markupsafe import escape

from campaign_site.authoring import cms_config
from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.core.problems import Problem
from campaign_site.data.model import EditorSettings
from campaign_site.data.site_data import SiteData

EDITOR = Path(__file__).resolve().parents[2] / "editor"
"""scripts/editor: package.json (pinned), our two scripts, and node_modules once installed."""
BUNDLE = EDITOR / "node_modules" / "decap-cms" / "dist"
YAML_MODULES = EDITOR / "node_modules" / "yaml" / "browser" / "dist"
OWN_FILES = ("start.js", "editor.js", "vi-phrases.json")
"""Ours, beside package.json: the flag that makes the CMS wait, the script that starts it, and the phrases its
Vietnamese interface lacks or cuts short."""
FOLDER = "admin"
_FAST_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""libyaml's writer when PyYAML has it: the same text, five times faster (0.1 s for eleven years' forms)."""
SOURCE = "campaigns/site.yaml"
LAYOUT_WIDTH = 1024
"""The CMS lays its editor out for a computer's screen; a phone shows that layout whole, made smaller, rather
than cut at its edge."""
CMS_SCRIPT = '<script src="decap-cms.js"></script>'
"""How admin/index.html loads the CMS; `mkdocs serve` knows the page by it (see `mkdocs_serve_hook`)."""


def installed() -> bool:
    """Whether the CMS's files are there to publish (`scripts/dev` installs them)."""
    return (BUNDLE / "decap-cms.js").is_file() and (YAML_MODULES / "index.js").is_file()


def policy(editor: EditorSettings | None) -> str:
    """The page's Content-Security-Policy: the site's own files, the local back end, and the git host."""
    hosts = ["http://127.0.0.1:8081", "http://localhost:8081"]
    if editor is not None:
        for address in (editor.base_url, editor.api_root):
            if address:
                parts = urlsplit(address)
                hosts.append(f"{parts.scheme}://{parts.netloc}")
        if editor.backend == "github" and not editor.api_root:
            hosts.append("https://api.github.com")
    connect = " ".join(["'self'", *dict.fromkeys(hosts)])
    return ("default-src 'none'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            f"font-src 'self' data:; connect-src {connect}; worker-src 'self' blob:; manifest-src 'self'; "
            "base-uri 'self'; form-action 'none'")


def page(editor: EditorSettings | None) -> str:
    """admin/index.html: the policy, then the CMS (told to wait), then our script, which starts it."""
    return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width={LAYOUT_WIDTH}">
<meta http-equiv="Content-Security-Policy" content="{escape(policy(editor))}">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="same-origin">
<link rel="icon" href="../assets/favicon.svg" type="image/svg+xml">
<title>{escape(plain("form.page_title"))}</title>
<style>.narrow {{ display: none; margin: 0; padding: 12px; font: 32px sans-serif; background: #fff3cd }}
@media (max-device-width: 700px) {{ .narrow {{ display: block }} }}</style>
<script src="start.js"></script>
{CMS_SCRIPT}
<script type="module" src="editor.js"></script>
</head>
<body>
<p class="narrow">{escape(plain("form.narrow_screen"))}</p>
<noscript>{escape(plain("form.needs_javascript"))}</noscript>
</body>
</html>
"""


def editor_files(data: SiteData) -> list[GeneratedFile]:
    """Every file of `/admin/`: none when the CMS is not installed (the build warns, `not_installed`)."""
    if not installed():
        return []
    settings = data.settings
    config = cms_config.config(sorted(data.campaigns), settings)
    files = [
        GeneratedFile(f"{FOLDER}/index.html", page(settings.editor), SOURCE),
        GeneratedFile(f"{FOLDER}/config.yml", yaml.dump(config, Dumper=_FAST_DUMPER, allow_unicode=True, sort_keys=False,
                                                        width=120), SOURCE),
        GeneratedFile(f"{FOLDER}/short-forms.json", json.dumps(cms_config.short_forms(), ensure_ascii=False), SOURCE),
    ]
    for name in OWN_FILES:
        files.append(GeneratedFile(f"{FOLDER}/{name}", (EDITOR / name).read_bytes(), SOURCE))
    for path in sorted(BUNDLE.glob("*decap-cms.js")):
        files.append(GeneratedFile(f"{FOLDER}/{path.name}", path.read_bytes(), SOURCE))
    for path in sorted(YAML_MODULES.glob("*.js")):
        files.append(GeneratedFile(f"{FOLDER}/yaml/{path.name}", path.read_bytes(), SOURCE))
    return files


def not_installed(editor: EditorSettings | None) -> list[Problem]:
    """A warning when a site set up for the web editor (`editor:` in site.yaml) is built without it: the
    CMS's npm packages are not installed. (Copies of the project that tests build leave them out.)"""
    if editor is None or installed():
        return []
    return [Problem("scripts/editor/package.json", 1, 1, "", plain("form.not_installed"), "warning")]

"""Original documents (PDF, DOCX, DOC, ODT) that records name as their source, published as they are.

A record's `source.file` is a path under campaigns/van-ban/; the site serves it at the same path.
"""

from __future__ import annotations

from pathlib import PurePosixPath

from campaign_site.core.catalogue import plain
from campaign_site.core.generated import GeneratedFile
from campaign_site.data.site_data import SiteData
from campaign_site.stages.banners.artwork import Download


def original_files(data: SiteData) -> tuple[list[GeneratedFile], dict[str, Download]]:
    """Each original file once, and its download (label, site path, size) by its path under campaigns/."""
    origins = [d.origin for d in data.documents.values()] + [p.origin for c in data.campaigns.values() for p in c.plans]
    names = sorted({o.file for o in origins if o and o.file})
    files: list[GeneratedFile] = []
    downloads: dict[str, Download] = {}
    if data.root is None:  # data not read from a folder (in-memory tests): no file to publish
        return files, downloads
    for name in names:
        content = (data.root / name).read_bytes()
        path = PurePosixPath(name).as_posix()  # campaigns/van-ban/x.pdf is served at /van-ban/x.pdf
        kind = PurePosixPath(name).suffix.lstrip(".").upper()
        files.append(GeneratedFile(path, content, f"campaigns/{name}"))
        downloads[name] = Download(plain("source.original", kind=kind), path, len(content))
    return files, downloads

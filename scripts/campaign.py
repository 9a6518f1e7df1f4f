"""Staff commands for the campaign data.

    python scripts/campaign.py new-year 2027            start a year from the latest one
    python scripts/campaign.py add-plan 2027 <mã>       add a plan file to fill in
    python scripts/campaign.py add-document <mã>        add a legal document to fill in
    python scripts/campaign.py schema                   regenerate campaigns/_schema/*.json
    python scripts/campaign.py add-activity 2027 <mã>   add a post about an activity held under a plan
    python scripts/campaign.py import FILE [--year 2026] [--id <mã>]   a dispatch (.docx .doc .pdf .odt .txt) to a draft plan

New files contain `CẦN ĐIỀN: ...` placeholders and `CẦN KIỂM TRA: ...` values carried over to check;
validation fails until every one is filled or checked.
"""

from __future__ import annotations

import argparse
import errno
import logging
import re
import sys
from pathlib import Path
from typing import NoReturn

from campaign_site.authoring import scaffold, schema
from campaign_site.core.catalogue import plain
from campaign_site.core.problems import DataError
from campaign_site.data.loader import SCHEMA_DIR
from campaign_site.data.vn_dates import FIRST_YEAR, LAST_YEAR
from campaign_site.data.year_folders import year_of
from campaign_site.importing.importer import import_file

REPO = Path(__file__).resolve().parent.parent
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ID_LENGTH = 80
"""A file name the operating system takes (`<mã>.yaml`), and short enough to read in an address."""


def _id(value: str) -> str:
    if not _ID.match(value):
        raise argparse.ArgumentTypeError(plain("cli.bad_id"))
    if len(value) > ID_LENGTH:
        raise argparse.ArgumentTypeError(plain("cli.id_too_long", length=len(value), max=ID_LENGTH))
    return value


def _year(value: str) -> int:
    year = year_of(value)
    if year is None:
        raise argparse.ArgumentTypeError(plain("cli.bad_year", first=FIRST_YEAR, last=LAST_YEAR))
    return year


_OS_REASONS = {errno.EACCES: plain("cli.no_permission"), errno.EPERM: plain("cli.no_permission"), errno.ENOSPC: plain("cli.disk_full"),
               errno.ENAMETOOLONG: plain("cli.name_too_long"), errno.ENOENT: plain("cli.no_such_file"),
               errno.EROFS: plain("cli.read_only")}
_ARGPARSE_WORDS = {
    "the following arguments are required": plain("cli.argparse_required"),
    "unrecognized arguments": plain("cli.argparse_unrecognized"),
    "invalid choice": plain("cli.argparse_invalid_choice"),
    "(choose from": plain("cli.argparse_choose_from"),
}


class _Parser(argparse.ArgumentParser):
    """Argument errors as one Vietnamese line (exit code 2), without argparse's English frame."""

    def error(self, message: str) -> NoReturn:
        reason = re.sub(r"^argument ([^:]+): ", r"\1: ", message)
        for english, vietnamese in _ARGPARSE_WORDS.items():
            reason = reason.replace(english, vietnamese)
        self.exit(2, plain("cli.campaign_usage_error", reason=reason) + "\n")


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description=plain("cli.campaign_description"))
    parser.add_argument("--repo", type=Path, default=REPO, help=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", required=True, metavar=plain("cli.command"))
    new_year = commands.add_parser("new-year", help=plain("cli.new_year"))
    new_year.add_argument("year", type=_year)
    add_plan = commands.add_parser("add-plan", help=plain("cli.add_plan"))
    add_plan.add_argument("year", type=_year)
    add_plan.add_argument("plan_id", type=_id)
    add_document = commands.add_parser("add-document", help=plain("cli.add_document"))
    add_document.add_argument("doc_id", type=_id)
    add_activity = commands.add_parser("add-activity", help=plain("cli.add_activity"))
    add_activity.add_argument("year", type=_year)
    add_activity.add_argument("plan_id", type=_id)
    importing = commands.add_parser("import", help=plain("cli.import"))
    importing.add_argument("file", type=Path, metavar=plain("cli.file"))
    importing.add_argument("--year", type=_year, help=plain("cli.import_year"))
    importing.add_argument("--id", type=_id, dest="plan_id", help=plain("cli.import_id"))
    commands.add_parser("schema", help=plain("cli.schema"))
    args = parser.parse_args(argv)
    repo: Path = args.repo
    try:
        if args.command == "new-year":
            written = scaffold.new_year(repo, args.year)
        elif args.command == "add-plan":
            written = [scaffold.add_plan(repo, args.year, args.plan_id)]
        elif args.command == "add-document":
            written = [scaffold.add_document(repo, args.doc_id)]
        elif args.command == "add-activity":
            written = [scaffold.add_activity(repo, args.year, args.plan_id)]
        elif args.command == "import":
            result, draft = import_file(repo, args.file, args.year, args.plan_id)
            print("\n".join([*result.report, *(plain("cli.see_note", note=note) for note in draft.notes)]))
            print(plain("cli.import_next"))
            return 0
        else:
            written = [*schema.write_all(repo / "campaigns" / SCHEMA_DIR), schema.write_editor_settings(repo)]
    except scaffold.ScaffoldError as exc:
        print(plain("cli.failed", exc=exc), file=sys.stderr)
        return 1
    except DataError as exc:
        print(plain("cli.data_has_errors") + "\n" + exc.report(), file=sys.stderr)
        return 1
    except OSError as exc:  # a folder not writable, a disk full
        why = _OS_REASONS.get(exc.errno or 0, plain("cli.os_error"))
        print(plain("cli.cannot_read_write", path=exc.filename or repo, why=why), file=sys.stderr)
        return 1
    except Exception as exc:  # a bug of ours still reaches staff as a sentence; the details go to the debug log
        logging.getLogger(__name__).debug("unexpected failure", exc_info=exc)
        print(plain("cli.unexpected", command=args.command), file=sys.stderr)
        return 1
    for path in written:
        print(plain("cli.written", path=path.relative_to(repo)))
    if args.command == "add-activity":
        print(plain("cli.copy_photos"))
    if args.command != "schema":
        print(plain("cli.next_steps"))
    return 0


if __name__ == "__main__":
    sys.exit(main())

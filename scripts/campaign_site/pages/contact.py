"""How a reader reaches the unit that manages the site: its contact lines (the footer of every page and
the about page, from the same `ContactBlock`) and a "Báo sai sót" link naming the page it is followed from."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote

from campaign_site.core.catalogue import plain, say
from campaign_site.core.markdown_text import Markdown, escape
from campaign_site.data.model import SiteFile

_PHONE = re.compile(r"^\+?[\d\s.()-]+$")
_DIALLED = re.compile(r"[^\d+]")
_MIN_DIGITS, _MAX_DIGITS = 3, 15
"""Digits of one phone number: from a three-digit service number to E.164's 15; more are several numbers."""
LF, CRLF = "\n", "\r\n"


@dataclass(frozen=True)
class ContactLine:
    """One way to reach the unit: its label ("Điện thoại:"), the text as site.yaml gives it, and a link
    (`tel:`, `mailto:`, the website) when there is one."""

    label: str
    text: str
    href: str | None


@dataclass(frozen=True)
class ContactBlock:
    """The managing unit and the ways to reach it that site.yaml gives, none invented."""

    name: str
    locality: str
    lines: tuple[ContactLine, ...]
    email: str | None
    issue_url: str | None
    report_label: str

    def report_url(self, title: str, address: str) -> str | None:
        """Where "Báo sai sót" leads on the page `title` at `address`: the issue form when site.yaml
        names one, else a message to the unit's e-mail, both filled with the page's title and address;
        None when site.yaml gives neither."""
        subject = _nfc(plain("page.contact.report_subject", title=title))
        body = _nfc(plain("page.contact.report_body", address=address))
        if self.issue_url:
            joint = "&" if "?" in self.issue_url else "?"
            return f"{self.issue_url}{joint}title={_query(subject)}&body={_query(body)}"
        if self.email:  # line breaks in a mail are CRLF (RFC 6068)
            return f"{_mailto(self.email)}?subject={_query(subject)}&body={_query(body.replace(LF, CRLF))}"
        return None


def _mailto(email: str) -> str:
    return f"mailto:{quote(email, safe='@')}"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _query(text: str) -> str:
    """`text` as one value of a query: every character but letters, digits and `-._~` percent-encoded (UTF-8)."""
    return quote(text, safe="")


def phone_href(phone: str) -> str | None:
    """`tel:` with the digits of a single phone number (RFC 3966); None for text that is not one number."""
    digits = _DIALLED.sub("", phone)
    count = len(digits.lstrip("+"))
    if not _PHONE.match(phone) or "+" in digits[1:] or not _MIN_DIGITS <= count <= _MAX_DIGITS:
        return None
    return f"tel:{digits}"


def contact_block(settings: SiteFile) -> ContactBlock:
    """The footer's and the about page's contact block from site.yaml's `organisation` and `site`."""
    organisation, contact = settings.organisation, settings.organisation.contact
    lines: list[ContactLine] = []
    if contact.address:
        lines.append(ContactLine(plain("page.contact.address"), contact.address, None))
    if contact.phone:
        lines.append(ContactLine(plain("page.contact.phone"), contact.phone, phone_href(contact.phone)))
    if contact.email:
        lines.append(ContactLine(plain("page.contact.email"), contact.email, _mailto(contact.email)))
    if contact.website:
        lines.append(ContactLine(plain("page.contact.website"), contact.website, contact.website))
    return ContactBlock(organisation.name, organisation.locality, tuple(lines), contact.email,
                        settings.site.issue_url, plain("page.contact.report"))


def _line_markdown(line: ContactLine) -> Markdown:
    text = escape(line.text)
    shown = f'<a href="{html.escape(line.href)}">{text}</a>' if line.href else text
    return Markdown(f"- {escape(line.label)} {shown}")


def about_section(block: ContactBlock) -> str:
    """The about page's contact section (Markdown added after the staff's text): the same lines as the footer."""
    heading = say("page.contact.heading")
    parts = ["## " + heading, say("page.contact.unit", name=block.name, locality=block.locality)]
    if block.lines:
        parts.append("\n".join(_line_markdown(line) for line in block.lines))
    else:
        parts.append(say("page.contact.none"))
    if block.email or block.issue_url:
        parts.append(say("page.contact.report_note", report=block.report_label))
    return "\n\n" + "\n\n".join(parts) + "\n"

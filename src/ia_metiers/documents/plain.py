"""Text and Markdown: the encoding found (UTF-8, UTF-16, Windows-1252, Latin-1), then lines
into blocks (ATX and setext headings, list items and bullets, table rows, fenced code)."""

from __future__ import annotations

import codecs
import re

from ia_metiers.documents.budget import Budget
from ia_metiers.documents.model import DocumentError
from ia_metiers.documents.shape import Builder, clean

_ATX = re.compile(r"#{1,6}(?=\s|$)")
_SETEXT = re.compile(r"=+|-{2,}")
_RULE = re.compile(r"(?:[-*_][ \t]*){3,}")
_TABLE_RULE = re.compile(r"\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?")
_ITEM = re.compile(r"(?:[-*+•◦▪●‣–—·]|\d{1,3}[.)])[ \t]+")
_FENCE = re.compile(r"(`{3,}|~{3,})")
_LINK = re.compile(r"!?\[([^\]\n]{0,500})\]\([^)\s]{0,2000}\)")
_EMPHASIS = re.compile(r"\*\*|__|`")
# C0 controls other than tab, line feed, form feed and carriage return: many of them mean binary data
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def decode(data: bytes) -> tuple[str, str | None]:
    """The text of ``data`` and the encoding read when it is not UTF-8 (None for UTF-8)."""
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[3:], "utf-8"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    guessed = _utf16_without_bom(data)
    if guessed:
        return _strict(data, guessed), "utf-16"
    try:
        return _checked(data.decode("utf-8")), None
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise DocumentError("not_text")
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: only Latin-1 reads them
        return _checked(data.decode("latin-1")), "latin-1"
    windows = any(0x80 <= b <= 0x9F for b in data[:1_000_000])
    return _checked(text), "windows-1252" if windows else "latin-1"


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' or 'utf-16-be' when every other byte of the start is NUL (ASCII in UTF-16)."""
    head = data[:4000]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.9 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.9 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def _strict(data: bytes, encoding: str) -> str:
    try:
        return _checked(data.decode(encoding))
    except UnicodeDecodeError:
        raise DocumentError("not_text") from None


def _checked(text: str) -> str:
    """Text that is mostly control characters is binary data, not text."""
    head = text[:65536]
    if head and len(_BINARY.findall(head)) > len(head) // 10:
        raise DocumentError("not_text")
    return text


def read_lines(text: str, budget: Budget, out: Builder, headings: dict[str, int] | None = None) -> bool:
    """Blocks of a text or Markdown document into ``out``; whether Markdown syntax was seen.
    ``headings`` (from a PDF: lines drawn larger) names the lines that are headings, and their level."""
    markdown = False
    fence: str | None = None
    previous_paragraph = False  # the line before was a paragraph (a setext underline may follow)
    for number, raw in enumerate(text.splitlines()):
        if number % 4096 == 0:
            budget.check_time()
        if out.full:
            break
        line = raw.strip()
        if fence is not None:
            if line.startswith(fence):
                fence = None
            else:
                out.add("paragraph", line)
            continue
        opened = _FENCE.match(line)
        if opened:
            fence, markdown, previous_paragraph = opened[1][:3], True, False
            continue
        if not line:
            previous_paragraph = False
            continue
        if previous_paragraph and _SETEXT.fullmatch(line) and out.blocks:
            last = out.blocks.pop()
            out.add("heading", last.text, 1 if line[0] == "=" else 2)
            markdown, previous_paragraph = True, False
            continue
        previous_paragraph = False
        heading = _ATX.match(line)
        if heading:
            out.add("heading", _inline(line[heading.end() :].rstrip("#")), len(heading[0]))
            markdown = True
        elif _RULE.fullmatch(line) or (line.count("|") and "-" in line and _TABLE_RULE.fullmatch(line)):
            markdown = True
        elif _ITEM.match(line):
            out.add("item", _inline(line[_ITEM.match(line).end() :]))  # type: ignore[union-attr]
        elif line.startswith("|") or " | " in line:
            cells = [_inline(cell) for cell in line.strip("|").split("|")]
            out.add("row", " | ".join(cell.strip() for cell in cells if cell.strip()))
            markdown = markdown or line.startswith("|")
        elif headings and clean(line) in headings:
            out.add("heading", line, headings[clean(line)])
        else:
            out.add("paragraph", _inline(line.lstrip("> ") if line.startswith(">") else line))
            previous_paragraph = True
    return markdown


def _inline(text: str) -> str:
    """Markdown's inline marks dropped: links and images keep their text, no emphasis or code marks."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    return _EMPHASIS.sub("", text)

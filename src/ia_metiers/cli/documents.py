"""The text of a document a person hands over (a CV, a posting), chosen by content, not by name:
PDF (text layer, with pypdf), DOCX and ODT (their XML, with the standard library), HTML, or
UTF-8 text and Markdown."""

from __future__ import annotations

import gc
import io
import re
import zipfile
from html.parser import HTMLParser

from ia_metiers.errors import UsageError
from ia_metiers.output.messages import t

MAX_UNPACKED = 50_000_000  # bytes of XML read from a DOCX or ODT (a zip bomb stops there)
MAX_PAGES = 200


def text_of(data: bytes, name: str, lang: str) -> str:
    """The document's text; a clear usage error for a scan, a broken file or binary data."""
    gc.enable()  # parsers (PDF, XML) build cyclic structures: the collector runs while they read
    if data.startswith(b"%PDF-"):
        return _pdf(data, name, lang)
    if data.startswith(b"PK\x03\x04"):
        return _zipped(data, name, lang)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(t("not_text", lang, file=name)) from None
    head = text[:2000].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return _html(text)
    return text


def _pdf(data: bytes, name: str, lang: str) -> str:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError:  # pragma: no cover - pypdf is a dependency
        raise UsageError(t("bad_document", lang, file=name, why="pypdf missing")) from None
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise UsageError(t("bad_document", lang, file=name, why=type(exc).__name__)) from None
    text = "\n".join(pages)
    if not text.strip():
        raise UsageError(t("not_pdf_text", lang, file=name))
    return text


def _zipped(data: bytes, name: str, lang: str) -> str:
    """DOCX (word/document.xml) or ODT (content.xml): paragraphs as lines."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            member = "word/document.xml" if "word/document.xml" in names else "content.xml"
            if member not in names:
                raise UsageError(t("not_text", lang, file=name))
            info = archive.getinfo(member)
            if info.file_size > MAX_UNPACKED:
                raise UsageError(t("bad_document", lang, file=name, why="too large"))
            xml = archive.read(member).decode("utf-8", errors="replace")
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise UsageError(t("bad_document", lang, file=name, why=type(exc).__name__)) from None
    # paragraph and line-break ends become new lines; every other tag is dropped
    xml = re.sub(r"</(?:w:p|text:p|text:h)>|<(?:w:br|w:tab|text:line-break|text:tab)[^>]*/?>", "\n", xml)
    text = re.sub(r"<[^>]+>", "", xml)
    return _unescape(text)


class _HtmlText(HTMLParser):
    """Visible text of an HTML page, block elements as lines."""

    BLOCKS = frozenset({"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "ul", "ol"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "noscript"):
            self.skip += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "noscript") and self.skip:
            self.skip -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _html(text: str) -> str:
    parser = _HtmlText()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)

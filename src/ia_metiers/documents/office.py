"""DOCX and ODT: one entry of the ZIP (word/document.xml, content.xml) inflated a chunk at a
time under a byte cap, whatever its header declares, and parsed as it comes by expat (no DTD,
no entity declarations, bounded nesting). Headings, list items, rows and cells keep their shape;
deleted, hidden and duplicated (fallback) text is left out."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from typing import NoReturn
from xml.parsers import expat

from ia_metiers.documents.budget import Budget
from ia_metiers.documents.model import DocumentError
from ia_metiers.documents.shape import Builder

_METHODS = {9: "Deflate64", 12: "bzip2", 14: "LZMA", 93: "Zstandard", 95: "XZ", 98: "PPMd", 99: "AES"}
_CHUNK = 4 << 20  # bytes given to expat at once (few calls: expat 2.5 rescans a token cut between calls)
_MAX_DIRECTORY = 4_000_000  # bytes of the ZIP's central directory
_HEADING_STYLE = re.compile(r"(?i)(?:heading|titre|berschrift|titolo|t[ií]tulo|kop)\s*([1-9])")
_TITLE_STYLE = re.compile(r"(?i)title|titre")
_LIST_STYLE = re.compile(r"(?i)list|liste|puce|bullet")


def read_office(data: bytes, budget: Budget, out: Builder) -> None:
    """Blocks of a DOCX or ODT document into ``out`` (its format set as soon as it is known)."""
    _check_directory(data, budget)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError, EOFError, struct.error, NotImplementedError, OverflowError) as exc:
        raise DocumentError("damaged") from exc  # NotImplementedError: a made-up 'version needed to extract'
    with archive:
        names = set(archive.namelist())
        if "word/document.xml" in names:
            out.format = "docx"
            styles = _docx_styles(archive, budget) if "word/styles.xml" in names else {}
            _parse(_inflate(archive, "word/document.xml", budget), _Docx(out, styles), budget)
            return
        if "content.xml" in names:
            out.format = "odt"
            _parse(_inflate(archive, "content.xml", budget), _Odt(out), budget)
            return
    raise DocumentError("unsupported", "zip")


def _check_directory(data: bytes, budget: Budget) -> None:
    """The end record must be there (else the file was cut) and announce a directory of bounded size."""
    end = data.rfind(b"PK\x05\x06", max(0, len(data) - 65_557))
    if end < 0 or len(data) < end + 22:
        raise DocumentError("truncated")
    entries, size = struct.unpack_from("<HI", data, end + 10)
    if entries == 0xFFFF or size == 0xFFFFFFFF:  # ZIP64: the counts are in its own end record
        start = data.rfind(b"PK\x06\x06", max(0, end - 4096), end)
        if start < 0 or len(data) < start + 56:
            raise DocumentError("damaged")
        entries, size = struct.unpack_from("<QQ", data, start + 32)
    if entries > budget.limits.zip_entries or size > _MAX_DIRECTORY:
        raise DocumentError("too_large", "directory", amount=budget.limits.zip_entries)


def _inflate(archive: zipfile.ZipFile, name: str, budget: Budget) -> Iterator[bytes]:
    """The entry's bytes, a chunk at a time, counted against the per-entry and overall caps."""
    info = archive.getinfo(name)
    if info.flag_bits & 0x1:
        raise DocumentError("encrypted")
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise DocumentError("unsupported", "method", name=_METHODS.get(info.compress_type, str(info.compress_type)))
    total = 0
    try:
        with archive.open(info) as stream:
            while True:
                budget.check_time()
                # never past either cap, so that a cap is met before the entry's end (and its CRC)
                room = min(budget.limits.entry_bytes - total, budget.limits.inflated_bytes - budget.inflated)
                chunk = stream.read(max(1, min(_CHUNK, room + 1)))
                if not chunk:
                    return
                total += len(chunk)
                if total > budget.limits.entry_bytes:
                    raise DocumentError("too_large", "entry", amount=budget.limits.entry_bytes)
                budget.inflate(len(chunk))
                yield chunk
    except DocumentError:
        raise
    except EOFError as exc:
        raise DocumentError("truncated") from exc
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, NotImplementedError, struct.error) as exc:
        raise DocumentError("damaged") from exc


class _Enough(Exception):
    """The text limit is reached: the parse stops there."""


class _Handlers:
    """What a reader of one XML entry does at each element start, element end and text."""

    def start(self, name: str, attrs: dict[str, str]) -> None:
        """An element opens."""

    def end(self, name: str) -> None:
        """An element closes."""

    def data(self, text: str) -> None:
        """Text between tags."""

    def done(self) -> bool:
        """Nothing more will be kept (the text limit is reached): the rest is not inflated."""
        return False


def _parse(chunks: Iterator[bytes], handlers: _Handlers, budget: Budget) -> None:
    parser = expat.ParserCreate()
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    depth = 0

    def refuse(*_: object) -> NoReturn:
        raise DocumentError("unsupported", "dtd")

    def start(name: str, attrs: dict[str, str]) -> None:
        nonlocal depth
        if handlers.done():
            raise _Enough
        depth += 1
        if depth > budget.limits.xml_depth:
            raise DocumentError("too_large", "nesting", amount=budget.limits.xml_depth)
        handlers.start(name, attrs)

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        handlers.end(name)

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = handlers.data
    try:
        for chunk in chunks:
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except _Enough:
        return
    except DocumentError:
        raise
    except (expat.ExpatError, LookupError, ValueError) as exc:  # LookupError: an unknown declared encoding
        raise DocumentError("damaged") from exc


def _docx_styles(archive: zipfile.ZipFile, budget: Budget) -> dict[str, tuple[str, int]]:
    """Paragraph style id -> ('heading', level) or ('item', 0), from styles.xml (names, outline levels)."""
    styles: dict[str, tuple[str, int]] = {}
    current: list[str] = []

    class Styles(_Handlers):
        def start(self, name: str, attrs: dict[str, str]) -> None:
            if name == "w:style":
                current[:] = [attrs.get("w:styleId", "")]
            elif current and current[0] and name in ("w:name", "w:outlineLvl"):
                value = attrs.get("w:val", "")
                kind = _style_kind(value) if name == "w:name" else ("heading", int(value) + 1) if value.isdigit() else None
                if kind and current[0] not in styles:
                    styles[current[0]] = kind

        def end(self, name: str) -> None:
            if name == "w:style":
                current.clear()

    try:
        _parse(_inflate(archive, "word/styles.xml", budget), Styles(), budget)
    except DocumentError as exc:
        if exc.kind != "damaged":  # damaged styles: the document is still read, without them
            raise
    return styles


def _style_kind(name: str) -> tuple[str, int] | None:
    heading = _HEADING_STYLE.fullmatch(name.strip())
    if heading:
        return "heading", int(heading[1])
    if _TITLE_STYLE.fullmatch(name.strip()):
        return "heading", 1
    if _LIST_STYLE.search(name):
        return "item", 0
    return None


class _Docx(_Handlers):
    """WordprocessingML: w:p paragraphs (style and numbering make headings and items), w:t text,
    w:tr/w:tc tables; runs marked w:vanish (hidden), w:del and mc:Fallback copies are not read."""

    _SKIP = frozenset({"mc:Fallback", "w:del", "w:moveFrom", "w:instrText", "w:delInstrText", "w:footnoteReference"})

    def __init__(self, out: Builder, styles: dict[str, tuple[str, int]]) -> None:
        self.out, self.styles = out, styles
        self.in_text = False
        self.skip = 0  # depth inside an element whose text is not read
        self.run_hidden = False
        self.in_run = 0

    def done(self) -> bool:
        return self.out.full

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.skip:
            self.skip += 1
            return
        if name in self._SKIP:
            self.skip = 1
        elif name == "w:t":
            self.in_text = True
        elif name == "w:r":
            self.in_run += 1
            self.run_hidden = False
        elif name == "w:vanish" and self.in_run and attrs.get("w:val", "true") not in ("0", "false"):
            self.run_hidden = True
        elif name == "w:p":
            self.out.open("paragraph")
        elif name == "w:pStyle":
            kind = self.styles.get(attrs.get("w:val", "")) or _style_kind(attrs.get("w:val", ""))
            if kind:
                self.out.open("heading" if kind[0] == "heading" else "item", kind[1])
        elif name == "w:numPr":
            self.out.open("item")
        elif name == "w:outlineLvl" and attrs.get("w:val", "").isdigit() and int(attrs["w:val"]) < 9:
            self.out.open("heading", int(attrs["w:val"]) + 1)
        elif name in ("w:tab", "w:ptab"):
            self.out.text(" ")
        elif name in ("w:br", "w:cr"):
            self.out.end()
        elif name == "w:noBreakHyphen":
            self.out.text("-")
        elif name == "w:tr":
            self.out.row()
        elif name == "w:tc":
            self.out.cell()

    def end(self, name: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if name == "w:t":
            self.in_text = False
        elif name == "w:r":
            self.in_run = max(0, self.in_run - 1)
            self.run_hidden = False
        elif name == "w:p":
            self.out.end()
        elif name == "w:tc":
            self.out.cell()
        elif name == "w:tr":
            self.out.end_row()

    def data(self, text: str) -> None:
        if self.in_text and not self.skip and not self.run_hidden:
            self.out.text(text)


class _Odt(_Handlers):
    """OpenDocument text: text:h headings (outline level), text:p paragraphs (the first of a
    list item is the item), table rows and cells; hidden text, notes' marks, annotations and
    tracked deletions are not read."""

    _SKIP = frozenset(
        {"text:hidden-text", "text:hidden-paragraph", "office:annotation", "text:tracked-changes", "text:note-citation"}
    )

    def __init__(self, out: Builder) -> None:
        self.out = out
        self.text_depth = 0  # inside text:p / text:h
        self.skip = 0
        self.item_pending = False

    def done(self) -> bool:
        return self.out.full

    def start(self, name: str, attrs: dict[str, str]) -> None:
        if self.skip:
            self.skip += 1
            return
        if name in self._SKIP or attrs.get("text:display") == "none":
            self.skip = 1
        elif name == "text:h":
            level = attrs.get("text:outline-level", "1")
            self.out.open("heading", int(level) if level.isdigit() and 0 < int(level) < 10 else 1)
            self.text_depth += 1
        elif name == "text:p":
            self.out.open("item" if self.item_pending else "paragraph")
            self.item_pending = False
            self.text_depth += 1
        elif name == "text:list-item":
            self.item_pending = True
        elif name in ("text:s", "text:tab"):
            self.out.text(" ")
        elif name == "text:line-break":
            self.out.end()
        elif name == "table:table-row":
            self.out.row()
        elif name == "table:table-cell":
            self.out.cell()

    def end(self, name: str) -> None:
        if self.skip:
            self.skip -= 1
            return
        if name in ("text:h", "text:p"):
            self.text_depth = max(0, self.text_depth - 1)
            self.out.end()
        elif name == "text:list-item":
            self.item_pending = False
        elif name == "table:table-cell":
            self.out.cell()
        elif name == "table:table-row":
            self.out.end_row()

    def data(self, text: str) -> None:
        if self.text_depth and not self.skip:
            self.out.text(text)

"""Hostile and damaged documents, built in memory: the cases of tests/test_documents.py,
benchmarks/bombs.py and the fuzzers (benchmarks/fuzz_documents.py). Each builder returns bytes."""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib

DOCX_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><w:document><w:body>'
    '<w:p><w:pPr><w:pStyle w:val="Titre1"/></w:pPr><w:r><w:t>Compétences</w:t></w:r></w:p>'
    "<w:p><w:r><w:t>Python, SQL et Docker</w:t></w:r></w:p>"
    "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Excel</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>Power BI</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
    "</w:body></w:document>"
)
ODT_XML = (
    '<?xml version="1.0" encoding="UTF-8"?><office:document-content><office:body><office:text>'
    '<text:h text:outline-level="1">Compétences</text:h><text:p>Python, SQL et Docker</text:p>'
    "<text:list><text:list-item><text:p>Excel</text:p></text:list-item></text:list>"
    "</office:text></office:body></office:document-content>"
)


def zipped(entries: dict[str, bytes | str], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return out.getvalue()


def docx(xml: str | bytes = DOCX_XML, method: int = zipfile.ZIP_DEFLATED) -> bytes:
    return zipped({"[Content_Types].xml": "<Types/>", "word/document.xml": xml}, method)


def odt(xml: str | bytes = ODT_XML) -> bytes:
    return zipped({"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": xml})


def _deflated_stream(size: int, chunk: bytes) -> tuple[bytes, int]:
    """Raw deflate data of a document.xml of ``size`` bytes (``chunk`` repeated), and its CRC."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = b"<w:document>"
    parts, crc, written = [squeeze.compress(head)], zlib.crc32(head), len(head)
    while written < size:
        piece = chunk[: size - written]
        parts.append(squeeze.compress(piece))
        crc = zlib.crc32(piece, crc)
        written += len(piece)
    parts.append(squeeze.flush())
    return b"".join(parts), crc


def _patch_zip(
    data: bytes, *, method: int | None = None, flags: int | None = None, size: int | None = None, compressed: int | None = None
) -> bytes:
    """The same ZIP with its entries' compression method, flag bits or declared size changed
    in both the local headers and the central directory (a lying or exotic archive)."""
    out = bytearray(data)
    for signature, method_at, flags_at, size_at in ((b"PK\x03\x04", 8, 6, 22), (b"PK\x01\x02", 10, 8, 24)):
        compressed_at = size_at - 4
        start = out.find(signature)
        while start >= 0:
            if method is not None:
                struct.pack_into("<H", out, start + method_at, method)
            if flags is not None:
                struct.pack_into("<H", out, start + flags_at, flags)
            if size is not None:
                struct.pack_into("<I", out, start + size_at, size)
            if compressed is not None:
                struct.pack_into("<I", out, start + compressed_at, compressed)
            start = out.find(signature, start + 4)
    return bytes(out)


def _raw_zip(name: str, compressed: bytes, size: int, crc: int) -> bytes:
    """A one-entry deflate ZIP written by hand (the data may be anything)."""
    encoded = name.encode()
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(compressed), size, len(encoded), 0)
    central = struct.pack(
        "<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(compressed), size, len(encoded), 0, 0, 0, 0, 0, 0
    )
    body = local + encoded + compressed
    directory = central + encoded
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(body), 0)
    return body + directory + end


def zip_bomb(inflated: int, text: bool = False) -> bytes:
    """word/document.xml that inflates to ``inflated`` bytes of blanks (or of paragraphs), its header honest."""
    chunk = b"<w:p><w:r><w:t>python</w:t></w:r></w:p>" * 1000 if text else b" " * 100_000
    data, crc = _deflated_stream(inflated, chunk)
    return _raw_zip("word/document.xml", data, min(inflated, 0xFFFFFFFF), crc)


def lying_zip_bomb(inflated: int, declared: int = 4096) -> bytes:
    """word/document.xml declaring ``declared`` bytes that inflates to ``inflated``."""
    data, crc = _deflated_stream(inflated, b" " * 100_000)
    return _raw_zip("word/document.xml", data, declared, crc)


def bzip2_docx() -> bytes:
    return docx("<w:document>" + "<w:p><w:r><w:t>python</w:t></w:r></w:p>" * 1000 + "</w:document>", zipfile.ZIP_BZIP2)


def lzma_docx() -> bytes:
    return docx(method=zipfile.ZIP_LZMA)


def deflate64_docx() -> bytes:
    return _patch_zip(docx(), method=9)


def encrypted_docx() -> bytes:
    return _patch_zip(docx(), flags=1)


def future_version_docx() -> bytes:
    """A central directory asking for ZIP version 8.4 to extract (zipfile: NotImplementedError; found by fuzzing)."""
    data = bytearray(docx())
    start = data.find(b"PK\x01\x02")
    while start >= 0:
        struct.pack_into("<H", data, start + 6, 84)
        start = data.find(b"PK\x01\x02", start + 4)
    return bytes(data)


def corrupt_deflate_docx() -> bytes:
    data = bytearray(docx())
    start = data.find(b"word/document.xml") + len("word/document.xml") + 10
    for i in range(start, start + 40):
        data[i] ^= 0x5A
    return bytes(data)


def short_entry_docx() -> bytes:
    """A stored entry whose header declares more bytes than the file holds."""
    return _patch_zip(docx(method=zipfile.ZIP_STORED), compressed=10_000_000, size=10_000_000)


def truncated_docx() -> bytes:
    data = docx()
    return data[: len(data) // 2]


def many_entries_zip(count: int = 20_000) -> bytes:
    return zipped({"word/document.xml": DOCX_XML, **{f"x/{i}": b"" for i in range(count)}}, zipfile.ZIP_STORED)


def deep_xml_docx(depth: int = 100_000) -> bytes:
    return docx("<w:document>" + "<w:p>" * depth + "</w:p>" * depth + "</w:document>")


def entity_docx() -> bytes:
    """'Billion laughs': entities that expand ten times at each of nine levels."""
    lines = ['<!ENTITY a0 "lol">'] + [f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    return docx(f'<?xml version="1.0"?><!DOCTYPE w [{"".join(lines)}]><w:document><w:t>&a9;</w:t></w:document>')


def angle_brackets_docx(count: int = 200_000) -> bytes:
    """Many '<' and no '>' (tag stripping by regular expression went quadratic on it)."""
    return docx("<w:document><w:t>" + "<" * count)


def pdf(objects: list[bytes], *, trailer: bytes = b"", startxref: bytes | None = None, root: int = 1) -> bytes:
    """A PDF of ``objects`` (numbered from 1) with a correct cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R %s>>\n" % (len(objects) + 1, root, trailer))
    out.write(b"startxref\n" + (startxref if startxref is not None else str(xref).encode()) + b"\n%%EOF\n")
    return out.getvalue()


def _stream(content: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(content), extra) + content + b"\nendstream"


def text_pdf(text: str = "Python, SQL et Docker", pages: int = 1, font: bytes = b"/F1", shared: bool = False) -> bytes:
    """``pages`` pages showing ``text`` (each its own content stream, or one stream for all)."""
    content = b"BT " + font + b" 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    first_page = 4
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    contents_at = first_page + pages
    for i in range(pages):
        ref = contents_at if shared else contents_at + i
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << " % ref
            + font
            + b" 3 0 R >> >> >>"
        )
    for _ in range(1 if shared else pages):
        objects.append(_stream(content))
    return pdf(objects)


def headings_pdf() -> bytes:
    """Headings drawn larger than the body: by font size (18 / 11) and by text matrix (1 x 14)."""
    content = (
        b"BT /F1 18 Tf 72 720 Td (COMPETENCES) Tj ET BT /F1 11 Tf 72 700 Td (Python, SQL et Docker) Tj 0 -14 Td (- Excel) Tj"
        b" 0 -14 Td (Power BI) Tj ET BT /F1 1 Tf 14 0 0 14 72 650 Tm (Experience) Tj ET"
    )
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            _stream(content),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
    )


def nested_arrays_pdf(depth: int = 500) -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R /Deep " + b"[" * depth + b"]" * depth + b" >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << >> /X " + b"[" * depth + b"]" * depth + b" >>",
            _stream(b"BT (Python) Tj ET"),
        ]
    )


def parent_cycle_pdf() -> bytes:
    """A page whose /Parent chain loops (inherited attributes looked up for ever before 6.12.1)."""
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 5 0 R >>",
            b"<< /Type /Page /Parent 5 0 R /Contents 4 0 R >>",
            _stream(b"BT /F1 12 Tf (Python) Tj ET"),
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 2 0 R >>",
        ]
    )


def xref_cycle_pdf() -> bytes:
    """Two cross-reference sections whose /Prev point at each other."""
    body = text_pdf()
    start = int(body.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    table = body[start:].split(b"trailer")[0]
    second = len(body)
    extra = table + b"trailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (second, second)
    return body + extra


def trailer_number_pdf() -> bytes:
    data = text_pdf()
    head, _, tail = data.rpartition(b"trailer\n")
    return head + b"trailer\n42\n" + tail.split(b">>\n", 1)[1]


def huge_startxref_pdf() -> bytes:
    data = text_pdf()
    head = data.rsplit(b"startxref\n", 1)[0]
    return head + b"startxref\n" + b"1" + b"0" * 20 + b"\n%%EOF\n"


def reference_in_content_pdf() -> bytes:
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
            _stream(b"BT 4 0 R Tf 5 0 R (Python) Tj ET"),
        ]
    )


def flate_bomb_pdf(inflated: int = 1_000_000_000) -> bytes:
    """A page whose content stream inflates to ``inflated`` bytes."""
    squeeze = zlib.compressobj(9)
    chunk = b"0 0 m " * 10_000
    parts = [squeeze.compress(chunk) for _ in range(inflated // len(chunk))] + [squeeze.flush()]
    data = b"".join(parts)
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream",
        ]
    )


def heavy_page_pdf(operations: int = 2_000_000, pages: int = 1) -> bytes:
    """Pages whose (compressed, 20 KB) content streams draw ``operations`` one-letter texts."""
    data = zlib.compress(b"BT /F1 12 Tf " + b"(a) Tj " * operations + b" ET", 9)
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(pages))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages]
    font = 3 + 2 * pages
    objects += [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>"
        % (3 + pages + i, font)
        for i in range(pages)
    ]
    objects += [b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"] * pages
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    return pdf(objects)


def escape_names_pdf() -> bytes:
    """Terminal escapes (OSC 52 writes the clipboard) in font, filter and XObject names."""
    osc = b"/F#1b]52;c;cHduZWQ=#07"
    return pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << "
            + osc
            + b" 5 0 R >> /XObject << /X#1b[2J 6 0 R >> >> >>",
            _stream(b"BT " + osc + b" 12 Tf (Python) Tj ET /X#1b[2J Do", b"/Filter /#1b]0;title#07 "),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica#1b[31m >>",
            _stream(b"", b"/Type /XObject /Subtype /Form /Filter /#1b[5m "),
        ]
    )


def password_pdf(user: str = "secret", algorithm: str = "AES-128") -> bytes:
    """A PDF protected by a user password (empty: anyone may open it; only the owner's rights are protected)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf())))
    writer.encrypt(user_password=user, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def truncated_pdf() -> bytes:
    data = text_pdf(pages=3)
    return data[: len(data) // 3]


HTML_TRAPS = {
    "comment first": "<!-- cv --><html><body><p>Python</p><script>docker()</script><style>.kubernetes{}</style></body></html>",
    "xml prolog": '<?xml version="1.0"?><html><head><script>docker()</script></head><body><p>Python</p></body></html>',
    "bare head": "<head><style>kubernetes</style><script>docker()</script></head><p>Python</p>",
    "hidden": '<p>Python</p><div hidden>Docker</div><span style="display: none">Kubernetes</span>'
    '<p aria-hidden="true">Java</p><p style="visibility:hidden">Scala</p>',
    "cells": "<table><tr><td>Python</td><td>SQL</td></tr><tr><th>Excel</th><td>Power BI</td></tr></table>",
}


def quadratic_html(kind: str, size: int = 60_000) -> str:
    """60 KB pages of one construct left open again and again (html.parser went quadratic on them)."""
    units = {
        "comments": "<!--",
        "conditional": "<![",
        "tags": "<a ",
        "quotes": '<a b="',
        "end tags": "</",
        "brackets": "<",
        "entities": "&#",
        "attributes": "<a " + "b=c " * 50,
    }
    unit = units[kind]
    return "<html><body><p>Python</p>" + unit * (size // len(unit))


# ---------------------------------------------------------------- fuzzing: seeds and a seeded mutator

STYLES_XML = (
    '<w:styles><w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/>'
    '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>'
    '<w:style w:styleId="Liste"><w:name w:val="List Bullet"/></w:style></w:styles>'
)


def seeds() -> dict[str, bytes]:
    """Ordinary documents of every format (and a few damaged ones) to mutate."""
    from pypdf import PdfReader, PdfWriter

    compressed = PdfWriter(clone_from=PdfReader(io.BytesIO(text_pdf("Python, SQL, Docker", pages=3))))
    compressed.compress_identical_objects()
    for page in compressed.pages:
        page.compress_content_streams()
    packed = io.BytesIO()
    compressed.write(packed)
    html = "<!doctype html><html><head><style>x{}</style></head><body><h1>CV</h1><p>Python &amp; SQL</p>"
    html += "<ul><li>Docker</li></ul><table><tr><td>Excel</td><td>R</td></tr></table><div hidden>Java</div></body></html>"
    return {
        "docx": zipped({"word/document.xml": DOCX_XML, "word/styles.xml": STYLES_XML}),
        "odt": odt(),
        "pdf": text_pdf(pages=2),
        "pdf-flate": packed.getvalue(),
        "pdf-aes": password_pdf("", "AES-128"),
        "pdf-xref-cycle": xref_cycle_pdf(),
        "pdf-escapes": escape_names_pdf(),
        "html": html.encode(),
        "markdown": "# CV\n\n## Compétences\n\n- Python\n- SQL\n\n| a | b |\n|---|---|\n| Excel | R |\n".encode(),
        "text-cp1252": "Compétences : Python, SQL\n• Docker\n".encode("cp1252"),
        "text-utf16": "Compétences : Python, SQL\n".encode("utf-16"),
    }


_INTERESTING = [
    *(b"\x00", b"\xff", b"\x7f", b"\x80", b"<", b">", b"&", b"[", b"]", b"(", b")", b"/", b"\\", b"%", b"\x1b[2J"),
    *(b"9" * 30, b"-1", b"0", b"R", b"obj", b"endobj", b"stream", b"<<", b">>", b"<!--", b"<![", b"<script>", b"\xef\xbb\xbf"),
]


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """``data`` changed by one to four random edits: flips, interesting bytes, inserts, deletes,
    duplicated or spliced chunks, a cut end. For a ZIP, half the time the edits go into its XML
    and the archive is rebuilt (so that the XML reader is reached)."""
    if data.startswith(b"PK\x03\x04") and rng.random() < 0.5:
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                entries = {name: archive.read(name) for name in archive.namelist()}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, zlib.error, NotImplementedError):
            entries = {}
        xml = [name for name in entries if name.endswith(".xml")]
        if xml:
            name = rng.choice(xml)
            entries[name] = _edits(entries[name], rng, others)
            return zipped(entries, rng.choice([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED]))
    return _edits(data, rng, others)


def _edits(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            out.extend(rng.choice(_INTERESTING))
        at = rng.randrange(len(out))
        edit = rng.randrange(8)
        if edit == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif edit == 1:
            out[at] = rng.randrange(256)
        elif edit == 2:
            out[at:at] = rng.choice(_INTERESTING)
        elif edit == 3:
            del out[at : at + rng.randint(1, 64)]
        elif edit == 4:
            size = rng.randint(1, 256)
            out[at:at] = out[at : at + size] * rng.randint(1, 64)
        elif edit == 5:
            other = rng.choice(others)
            start = rng.randrange(len(other))
            out[at:at] = other[start : start + rng.randint(1, 512)]
        elif edit == 6:
            del out[at:]
        else:
            out[at : at + 1] = rng.choice(_INTERESTING) * rng.randint(1, 200)
    return bytes(out)

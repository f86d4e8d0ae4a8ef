"""Reading the documents people hand over (a CV, a job posting): PDF, DOCX, ODT, HTML,
Markdown or text, chosen by content, never by name, within fixed bounds of memory, time and
depth (``Limits``). ``read_document`` takes bytes or a path and gives a ``Document``: its blocks,
its text in one shape for every format, and what was left out (``notices``); a document that
cannot be read raises ``DocumentError`` with the reason (encrypted, damaged, truncated...).

The core (``read_bytes``) is pure: bytes in, a document out. ``files`` is the thin layer that
reads a path or standard input, capped whatever the file is (a pipe, a FIFO, a device).
"""

from __future__ import annotations

import os

from ia_metiers.documents.budget import Budget, Limits, OutOfTime
from ia_metiers.documents.model import Block, Document, DocumentError, Notice
from ia_metiers.documents.shape import Builder

__all__ = ["Block", "Document", "DocumentError", "Limits", "Notice", "read_bytes", "read_document"]

LIMITS = Limits()


def read_document(source: bytes | str | os.PathLike[str], limits: Limits = LIMITS) -> Document:
    """The document in ``source``: its bytes, or the path of a file (read at most
    ``limits.input_bytes``)."""
    if isinstance(source, bytes):
        return read_bytes(source, limits)
    from ia_metiers.documents.files import read_path

    return read_bytes(read_path(source, limits.input_bytes), limits)


def read_bytes(data: bytes, limits: Limits = LIMITS) -> Document:
    """The document ``data`` holds, chosen by its content."""
    if len(data) > limits.input_bytes:
        raise DocumentError("too_large", "input", amount=limits.input_bytes)
    budget = Budget(limits)
    out = Builder(budget)
    encoding: str | None = None
    try:
        if data[:1024].lstrip().startswith(b"%PDF-"):
            from ia_metiers.documents.pdf import read_pdf

            out.format = "pdf"
            read_pdf(data, budget, out)
        elif data.startswith(b"PK\x03\x04"):
            from ia_metiers.documents.office import read_office

            read_office(data, budget, out)
        else:
            from ia_metiers.documents.html import looks_like_html, read_html
            from ia_metiers.documents.plain import decode, read_lines

            text, encoding = decode(data)
            if encoding is not None:
                out.notices.append(Notice("encoding", name=encoding))
            if looks_like_html(text):
                out.format = "html"
                read_html(text, budget, out)
            elif read_lines(text, budget, out):
                out.format = "markdown"
    except OutOfTime:  # what was read before the deadline is kept, and said to be partial
        out.notices.append(Notice("time_cut", read=sum(len(b.text) for b in out.blocks)))
    except RecursionError:
        raise DocumentError("too_large", "nesting") from None
    blocks = tuple(out.finish())
    if not blocks:  # nothing read: out of time or damaged says so, else there is no text (a scan)
        if any(notice.kind == "time_cut" for notice in out.notices):
            raise DocumentError("too_large", "time", amount=round(limits.seconds))
        if any(notice.kind in ("repaired", "pages_skipped") for notice in out.notices):
            raise DocumentError("damaged")
        raise DocumentError("no_text", name=out.format)
    return Document(out.format, blocks, tuple(out.notices), encoding)

"""What a person hands over on the command line: a file or standard input ('-'), read within
the input cap whatever it is (a pipe, a FIFO, a device), and a document's text with what its
read left out said in the session's language."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from ia_metiers.documents import Document, DocumentError, read_bytes
from ia_metiers.documents.files import InputError, read_capped, read_path
from ia_metiers.errors import UsageError
from ia_metiers.output.messages import t

MAX_INPUT = 20_000_000  # bytes read from standard input or a file


def read_stdin(lang: str, limit: int = MAX_INPUT) -> bytes:
    """Standard input, at most ``limit`` bytes; a clear error when it is closed or larger."""
    stream = getattr(sys.stdin, "buffer", None)
    if sys.stdin is None or stream is None:
        raise UsageError(t("stdin_closed", lang))
    try:
        return read_capped(stream, limit)
    except DocumentError:
        raise UsageError(t("input_too_large", lang, limit=limit // 1_000_000)) from None
    except (OSError, ValueError):  # a descriptor closed under Python's stream
        raise UsageError(t("stdin_closed", lang)) from None


def stdin_text(lang: str) -> str:
    try:
        return read_stdin(lang).decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(t("stdin_binary", lang)) from None


def one_stdin(lang: str, readers: dict[str, list[str] | None]) -> None:
    """Refuse '-' (standard input) in more than one option: it can be read only once."""
    options = [name for name, values in readers.items() if any(v.strip() == "-" for v in values or [])]
    if len(options) > 1:
        raise UsageError(t("stdin_twice", lang, options=", ".join(options)))


def document_text(path: Path, lang: str, warn: Callable[[str], None]) -> str:
    """The text of the document at ``path`` ('-': standard input), in the shape every format
    shares; each notice (pages left out, time limit, encoding guessed) said through ``warn``."""
    name = str(path)
    try:
        data = read_stdin(lang) if name == "-" else read_path(path, MAX_INPUT)
        doc = read_bytes(data)
    except InputError as exc:
        raise UsageError(f"{name}: {exc.strerror}") from None
    except DocumentError as exc:
        raise UsageError(failure(exc, name, lang)) from None
    for line in notices(doc, name, lang):
        warn(line)
    return doc.text


def failure(exc: DocumentError, name: str, lang: str) -> str:
    """Why the document cannot be read, in one line."""
    kind, detail = exc.kind, exc.detail
    if kind == "encrypted":
        return t("doc_encrypted", lang, file=name)
    if kind == "truncated":
        return t("doc_truncated", lang, file=name)
    if kind == "unsupported":
        if detail == "method":
            return t("doc_unsupported_method", lang, file=name, name=exc.name)
        if detail == "dtd":
            return t("doc_unsupported_dtd", lang, file=name)
        return t("doc_unsupported_zip", lang, file=name)
    if kind == "too_large":
        if detail == "input":
            return f"{name}: " + t("input_too_large", lang, limit=exc.amount // 1_000_000)
        if detail in ("inflated", "entry"):
            return t("doc_too_large_inflated", lang, file=name, mb=exc.amount // 1_000_000)
        if detail == "directory":
            return t("doc_too_large_directory", lang, file=name, count=exc.amount)
        if detail == "nesting":
            return t("doc_too_large_nesting", lang, file=name)
        if detail == "time":
            return t("doc_too_large_time", lang, file=name, seconds=exc.amount)
        return t("doc_too_large", lang, file=name)
    if kind == "not_text":
        return t("doc_not_text", lang, file=name)
    if kind == "no_text":
        return t("doc_no_text_pdf", lang, file=name) if exc.name == "pdf" else t("doc_no_text", lang, file=name)
    return t("doc_damaged", lang, file=name)


def notices(doc: Document, name: str, lang: str, seconds: float = 5.0) -> list[str]:
    """What the read left out or guessed, one line each."""
    lines = []
    for notice in doc.notices:
        kind = notice.kind
        if kind == "pages_cut":
            lines.append(t("doc_pages_cut", lang, file=name, read=notice.read, total=notice.total))
        elif kind == "time_cut":
            if notice.total:
                lines.append(
                    t("doc_time_cut_pages", lang, file=name, seconds=f"{seconds:g}", read=notice.read, total=notice.total)
                )
            else:
                lines.append(t("doc_time_cut", lang, file=name, seconds=f"{seconds:g}"))
        elif kind == "text_cut":
            lines.append(t("doc_text_cut", lang, file=name, read=f"{notice.read:,}".replace(",", " ")))
        elif kind == "pages_skipped":
            lines.append(t("doc_pages_skipped", lang, file=name, read=notice.read, total=notice.total))
        elif kind == "encoding":
            lines.append(t("doc_encoding", lang, file=name, name=notice.name))
        elif kind == "repaired":
            lines.append(t("doc_repaired", lang, file=name))
    return lines

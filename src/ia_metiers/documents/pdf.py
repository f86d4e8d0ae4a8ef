"""PDF: the text layer of the first pages, with pypdf, under its own limits made tighter for
this read (context-local configuration), a time limit between pages, and every message pypdf
logs or warns captured rather than printed (a damaged file is said as such, in our words)."""

from __future__ import annotations

import io
import logging
import math
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ia_metiers.documents.budget import Budget, OutOfTime
from ia_metiers.documents.model import DocumentError, Notice
from ia_metiers.documents.plain import read_lines
from ia_metiers.documents.shape import Builder, clean


class _Captured(logging.Handler):
    """Keeps what pypdf logs during a read (at most 100 messages), for the reader to weigh."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def _captured() -> Iterator[_Captured]:
    """pypdf's log records and warnings go to a counter for the time of the read, never to
    standard error (their text may quote the document: names, bytes, escape sequences)."""
    handler = _Captured()
    logger = logging.getLogger("pypdf")
    logger.addHandler(handler)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield handler
        handler.count += len(caught)
    finally:
        logger.removeHandler(handler)


def read_pdf(data: bytes, budget: Budget, out: Builder) -> None:
    """Blocks of the first pages' text into ``out``; notices for pages cut, skipped, out of
    time, repairs."""
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import DependencyError, LimitReachedError

    limits = budget.limits
    with (
        _captured() as log,
        apply_configuration(
            zlib_maximum_output_length=limits.pdf_stream_bytes,
            lzw_maximum_output_length=limits.pdf_stream_bytes,
            run_length_maximum_output_length=limits.pdf_stream_bytes,
            array_based_stream_maximum_output_length=limits.pdf_stream_bytes,
            brotli_maximum_output_length=limits.pdf_stream_bytes,
            stream_parsing_work_maximum_count=limits.pdf_operations,
            jbig2dec_binary=None,  # never run an outside program on a document
        ),
    ):
        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
            if reader.is_encrypted and not reader.decrypt(""):
                raise DocumentError("encrypted")
            pages = reader.pages
            total = len(pages)
        except DocumentError:
            raise
        except DependencyError as exc:  # an encryption no installed library decrypts
            raise DocumentError("encrypted", "aes") from exc
        except RecursionError as exc:
            raise DocumentError("too_large", "nesting") from exc
        except MemoryError as exc:
            raise DocumentError("too_large") from exc
        except Exception as exc:  # any failure of the parser on this file: a damaged file
            if _recursion(exc):
                raise DocumentError("too_large", "nesting") from exc
            raise DocumentError("truncated" if _cut(data) else "damaged") from exc
        seen: set[object] = set()
        skipped = 0
        deep = False  # a page failed on nesting deeper than the recursion limit
        heavy = False  # a page went past one of pypdf's limits (operations, decoded bytes)
        for index in range(min(total, limits.pages)):
            if budget.out_of_time():
                out.notices.append(Notice("time_cut", read=index, total=total))
                break
            try:
                text, headings = _page_text(pages[index], seen, budget)
                read_lines(text, budget, out, headings)
            except OutOfTime:
                out.notices.append(Notice("time_cut", read=index, total=total))
                break
            except Exception as exc:  # a page the parser cannot read (damaged, over a limit): skipped
                skipped += 1
                deep = deep or _recursion(exc)
                # pypdf also raises LimitReachedError for a cycle ("Detected cycle in /Parent..."): damaged
                heavy = heavy or isinstance(exc, MemoryError) or (isinstance(exc, LimitReachedError) and "cycl" not in str(exc))
                continue
            if out.full:
                break
        if total > limits.pages:
            out.notices.append(Notice("pages_cut", read=limits.pages, total=total))
        if skipped:
            out.notices.append(Notice("pages_skipped", read=skipped, total=total))
    if deep and not out.blocks:
        raise DocumentError("too_large", "nesting")
    if heavy and not out.blocks:
        raise DocumentError("too_large")
    if log.count:
        out.notices.append(Notice("repaired"))


def _page_text(page: Any, seen: set[object], budget: Budget) -> tuple[str, dict[str, int]]:
    """A page's text and its headings: lines drawn notably larger than the page's body text
    (level 1 at 1.6 times, 2 at 1.25). A page drawn by a content stream already read gives
    nothing new. The time limit is checked as the text is drawn."""
    contents = page.get("/Contents")
    key = (contents.idnum, contents.generation) if hasattr(contents, "idnum") else None
    if key is not None:
        if key in seen:
            return "", {}
        seen.add(key)
    sizes: dict[str, float] = {}
    weights: list[tuple[float, int]] = []
    calls = 0

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        nonlocal calls
        calls += 1
        if calls % 256 == 0:
            budget.check_time()
        line = clean(text)
        if not line or len(weights) > 20_000:
            return
        try:
            drawn = abs(float(size)) * math.hypot(float(tm[2]), float(tm[3])) * math.hypot(float(cm[2]), float(cm[3]))
        except (TypeError, ValueError, IndexError):
            return
        weights.append((drawn, len(line)))
        if len(line) <= 100:
            sizes[line] = max(sizes.get(line, 0.0), drawn)

    text = str(page.extract_text(visitor_text=visit) or "")
    if not weights:
        return text, {}
    weights.sort()
    half, seen_chars = sum(n for _, n in weights) / 2, 0
    body = weights[-1][0]
    for drawn, n in weights:  # the size of the median character
        seen_chars += n
        if seen_chars >= half:
            body = drawn
            break
    if body <= 0:
        return text, {}
    return text, {line: 1 if drawn >= 1.6 * body else 2 for line, drawn in sizes.items() if drawn >= 1.25 * body}


def _recursion(exc: BaseException) -> bool:
    """The failure came from nesting deeper than Python's recursion limit (pypdf re-raises it)."""
    seen = 0
    cause: BaseException | None = exc
    while cause is not None and seen < 20:
        if isinstance(cause, RecursionError):
            return True
        cause, seen = cause.__cause__ or cause.__context__, seen + 1
    return False


def _cut(data: bytes) -> bool:
    """A PDF without its end-of-file marker near the end was cut short."""
    return b"%%EOF" not in data[-2048:]

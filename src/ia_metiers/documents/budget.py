"""The bounds every read keeps: bytes in and inflated, pages, text, nesting depth, time."""

from __future__ import annotations

import time
from dataclasses import dataclass

from ia_metiers.documents.model import DocumentError


@dataclass(frozen=True, slots=True)
class Limits:
    """Fixed bounds of one read (defaults keep a read under about 300 MB and a few seconds)."""

    input_bytes: int = 20_000_000  # the document itself
    entry_bytes: int = 40_000_000  # inflated bytes of one ZIP entry, whatever its header says
    inflated_bytes: int = 60_000_000  # inflated bytes of all entries read from one ZIP
    zip_entries: int = 10_000  # entries in a ZIP's central directory
    xml_depth: int = 256  # nesting of XML elements
    html_depth: int = 512  # nesting of HTML elements that are tracked (hidden subtrees)
    pages: int = 200  # PDF pages read
    pdf_stream_bytes: int = 16_000_000  # decoded bytes of one PDF stream
    pdf_operations: int = 200_000  # parsing work for one page: operators, operands, array items (a dense page: 10,000-100,000)
    text_chars: int = 100_000  # characters of text kept (about 30 pages; a CV or a posting: 2,000-10,000)
    seconds: float = 5.0  # time for one document; past it, what was read so far is kept


class OutOfTime(Exception):
    """The deadline has passed (raised inside a read, turned into a notice by the reader)."""


class Budget:
    """A read's running counters against its limits."""

    __slots__ = ("deadline", "inflated", "limits")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.seconds
        self.inflated = 0

    def out_of_time(self) -> bool:
        return time.monotonic() > self.deadline

    def check_time(self) -> None:
        if time.monotonic() > self.deadline:
            raise OutOfTime

    def inflate(self, count: int) -> None:
        """Count ``count`` more inflated bytes; past the overall cap the document is refused."""
        self.inflated += count
        if self.inflated > self.limits.inflated_bytes:
            raise DocumentError("too_large", "inflated", amount=self.limits.inflated_bytes)

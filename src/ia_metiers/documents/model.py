"""What reading a document gives: its blocks, its text in one shape, and what was left out.

Every format (PDF, DOCX, ODT, HTML, Markdown, text) comes out in the same shape, one block a
line of ``Document.text``: a heading is ``# Title`` (``##`` ... for lower levels), a list item
``- item``, a table row its cells joined by `` | ``, a paragraph its text. Control characters
never survive: a document's text is safe to show on a terminal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Format = Literal["pdf", "docx", "odt", "html", "markdown", "text"]
BlockKind = Literal["heading", "paragraph", "item", "row"]
# What a read left out or guessed, said to the person beside the answer.
NoticeKind = Literal[
    "pages_cut",  # only the first `read` pages of `total` were read (page limit)
    "time_cut",  # the time limit stopped the read after `read` pages of `total` (or `read` characters)
    "text_cut",  # the text was cut after `read` characters (text limit)
    "pages_skipped",  # `read` pages could not be read (damaged or over a limit) and were skipped
    "encoding",  # a text file that is not UTF-8, read as `name`
    "repaired",  # the file is damaged; the reader repaired what it could
]
# Why a document cannot be read at all.
FailureKind = Literal[
    "encrypted",  # protected by a password (or encrypted ZIP entries)
    "damaged",  # corrupt structure or data
    "truncated",  # the file ends too early
    "unsupported",  # a format or compression method this reader does not handle (`detail` names it)
    "too_large",  # past a bound: inflated size, entries, nesting depth
    "not_text",  # neither text nor a document format this reader knows
    "no_text",  # a document with no text (a scanned PDF, an empty file)
]


@dataclass(frozen=True, slots=True)
class Block:
    """One line of a document: a heading (``level`` 1-6), a paragraph, a list item, a table row."""

    kind: BlockKind
    text: str
    level: int = 0

    def line(self) -> str:
        if self.kind == "heading":
            return f"{'#' * max(1, min(self.level, 6))} {self.text}"
        if self.kind == "item":
            return f"- {self.text}"
        return self.text


@dataclass(frozen=True, slots=True)
class Notice:
    """Something the read left out or guessed: ``kind`` with its figures."""

    kind: NoticeKind
    read: int = 0
    total: int = 0
    name: str = ""


@dataclass(frozen=True, slots=True)
class Document:
    """A document read: its format, its blocks, their text (one block a line) and notices."""

    format: Format
    blocks: tuple[Block, ...]
    notices: tuple[Notice, ...] = ()
    encoding: str | None = None  # text files: the encoding read
    text: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", "\n".join(block.line() for block in self.blocks))


# Which bound a too-large document passed, or what an unsupported one uses.
Detail = Literal["", "input", "inflated", "entry", "directory", "nesting", "time", "zip", "dtd", "method", "aes"]


class DocumentError(ValueError):
    """A document that cannot be read: ``kind`` says why; ``detail`` which bound or feature
    (with ``name``: a compression method; ``amount``: the bound in bytes or entries). Never a
    Python exception class."""

    def __init__(self, kind: FailureKind, detail: Detail = "", *, name: str = "", amount: int = 0) -> None:
        super().__init__(" ".join(str(part) for part in (kind, detail, name, amount or "") if part))
        self.kind: FailureKind = kind
        self.detail: Detail = detail
        self.name = name
        self.amount = amount

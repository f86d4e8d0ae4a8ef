"""Blocks built from a reader's events (open a heading, a list item, a row, add text), in the
one shape every format shares, with control characters dropped and the text limit kept."""

from __future__ import annotations

import re

from ia_metiers.documents.budget import Budget
from ia_metiers.documents.model import Block, BlockKind, Format, Notice

# C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line and paragraph
# separators, BOM and soft hyphen: none reaches a line of text (an ESC would reach the terminal).
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]")
_BLANKS = re.compile(r"\s+")


def clean(text: str) -> str:
    """One line of text: controls out, every run of blanks one space, no blank at either end."""
    return _BLANKS.sub(" ", _INVISIBLE.sub(" ", text)).strip()


class Builder:
    """Collects text into blocks. Within a table row, paragraph ends are spaces and cell ends
    separate cells; elsewhere a paragraph end or a line break ends the block."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        self.format: Format = "text"  # set by the reader as soon as it knows
        self.blocks: list[Block] = []
        self.notices: list[Notice] = []
        self._parts: list[str] = []
        self._kind: BlockKind = "paragraph"
        self._level = 0
        self._cells: list[str] | None = None
        self._rows = 0  # nesting of rows (a table inside a cell joins the outer row)
        self._chars = 0
        self._pending = 0  # characters in _parts
        self.full = False

    def text(self, text: str) -> None:
        """More text for the current block (past the text limit, dropped: the block is cut)."""
        if not self.full and self._chars + self._pending <= self.budget.limits.text_chars:
            self._parts.append(text)
            self._pending += len(text)

    def open(self, kind: BlockKind, level: int = 0) -> None:
        """Start a heading, an item or a paragraph (ends the block before it)."""
        self.end()
        if self._cells is None:
            self._kind, self._level = kind, level

    def end(self) -> None:
        """End the current block (a paragraph end, a line break); a space inside a table cell."""
        if self._cells is not None:
            self.text(" ")
            return
        self._emit(self._kind, self._take(), self._level)
        self._kind, self._level = "paragraph", 0

    def row(self) -> None:
        self.end()
        self._rows += 1
        if self._rows == 1:
            self._cells = []

    def cell(self) -> None:
        """End a table cell (a word boundary, shown as ' | ')."""
        if self._cells is not None:
            text = self._take()
            if text:
                self._cells.append(text)
        else:
            self.text(" ")

    def end_row(self) -> None:
        if self._rows == 0:
            return
        self._rows -= 1
        if self._rows == 0 and self._cells is not None:
            self.cell()
            cells, self._cells = self._cells, None
            self._emit("row", " | ".join(cells), 0)

    def finish(self) -> list[Block]:
        while self._rows:
            self.end_row()
        self.end()
        return self.blocks

    def add(self, kind: BlockKind, text: str, level: int = 0) -> None:
        """A whole block at once (line-based readers)."""
        self.end()
        self._emit(kind, clean(text), level)

    def _take(self) -> str:
        text = clean("".join(self._parts))
        self._parts.clear()
        self._pending = 0
        return text

    def _emit(self, kind: BlockKind, text: str, level: int) -> None:
        if not text or self.full:
            return
        room = self.budget.limits.text_chars - self._chars
        if len(text) >= room:
            text = text[: max(room, 0)].rstrip()
            self.full = True
            self.notices.append(Notice("text_cut", read=self.budget.limits.text_chars))
        self._chars += len(text) + 1
        if text:
            self.blocks.append(Block(kind, text, level))

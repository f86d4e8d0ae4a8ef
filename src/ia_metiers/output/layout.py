"""The one layout engine of the human views: text wrapped by our own rules, and records in columns.

Rich draws styles; the lines are cut here, through Rich's public renderable protocol, so that
nothing of Rich is patched. A line breaks only at an ASCII space, and not before French
punctuation (; : ! ? »), after « or between a number and its unit: a no-break space (U+00A0)
always holds. ``Records`` lays rows out in columns that fit the width, with secondary facts on
lines under each row; a column may need a minimum total width, below which its value becomes
one of those lines (the layout depends on the width only, never on the language). Lines never
end with spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

NB = "\u00a0"  # joins a number to its unit ("120 h", "42 k€") and French punctuation to its word
GAP = 2  # blank cells between two columns
MAX_WORD = 40  # a longer token (a URL) may be folded inside a narrow column, never a shorter word

_BULLET = re.compile(r"(?:• |- )")
_NO_BREAK_BEFORE = frozenset(";:!?»%)]")
_NO_BREAK_AFTER = frozenset("«([")
_UNIT = re.compile(
    r"(?:k€|M€|Md€|€|%|\$|h|h/semaine|h/week|ans|an|mois|semaines?|sem\.|jours?|weeks?|wk|yrs?|years?|days?)(?![\w])"
)


def breakable(plain: str, i: int) -> bool:
    """Whether the space at ``plain[i]`` may end a line."""
    if plain[i] != " ":
        return False
    after = plain[i + 1] if i + 1 < len(plain) else ""
    before = plain[i - 1] if i > 0 else ""
    if after in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER:
        return False
    # '120 h', '60 000': a number keeps its unit and its groups of digits
    return not (before.isdigit() and (_UNIT.match(plain, i + 1) or re.match(r"\d{3}(?!\d)", plain[i + 1 : i + 5])))


def _words(plain: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the unbreakable runs of ``plain[start:end]`` (leading blanks stay with the first)."""
    out: list[tuple[int, int]] = []
    begin = start
    lead = True
    for i in range(start, end):
        if plain[i] == " " and lead:
            continue
        lead = False
        if breakable(plain, i):
            if i > begin:
                out.append((begin, i))
            begin = i + 1
    if end > begin:
        out.append((begin, end))
    return [(s, e) for s, e in out if plain[s:e].strip() or s == start]


def wrap(text: Text, width: int, rest: int | None = None, *, fold: bool = True) -> list[Text]:
    """``text`` cut into lines of at most ``width`` cells (``rest`` for the lines after the first).

    Lines break at breakable spaces only; a run longer than the line is folded when ``fold``,
    else kept whole (a link is never cut)."""
    rest = width if rest is None else rest
    plain = text.plain
    lines: list[Text] = []
    start = 0
    for para_end in [*(m.start() for m in re.finditer("\n", plain)), len(plain)]:
        current: tuple[int, int] | None = None
        first = len(lines)
        bullet = _BULLET.match(plain, start, para_end)
        hang = len(bullet.group(0)) if bullet else 0
        for ws, we in _words(plain, start, para_end) or [(start, start)]:
            limit = max(1, (width if not lines else rest) - (hang if len(lines) > first else 0))
            if current is not None and cell_len(plain[current[0] : we]) <= limit:
                current = (current[0], we)
                continue
            if current is not None:
                lines.append(text[current[0] : current[1]])
                limit = max(1, rest - hang)
            if fold and cell_len(plain[ws:we]) > limit and not _linked(text, ws, we):
                piece = ws
                while cell_len(plain[piece:we]) > limit:
                    cut = piece + 1
                    while cut < we and cell_len(plain[piece : cut + 1]) <= limit:
                        cut += 1
                    lines.append(text[piece:cut])
                    piece = cut
                    limit = max(1, rest - hang)
                current = (piece, we)
            else:
                current = (ws, we)
        if current is not None:
            lines.append(text[current[0] : current[1]])
        if hang:
            lines[first + 1 :] = [Text(" " * hang) + line for line in lines[first + 1 :]]
        start = para_end + 1
    for line in lines:
        line.rstrip()
    return lines or [Text("")]


def _linked(text: Text, start: int, end: int) -> bool:
    """Whether a link style covers part of ``text[start:end]`` (a link is never cut)."""
    for span in text.spans:
        style = span.style
        if isinstance(style, Style) and style.link and span.start < end and span.end > start:
            return True
    return False


def longest_word(text: Text) -> int:
    plain = text.plain
    runs = [w for line in plain.split("\n") for w in (plain_runs(line))]
    return max((cell_len(w) for w in runs), default=0)


def plain_runs(line: str) -> list[str]:
    return [line[s:e].strip() for s, e in _words(line, 0, len(line))]


def widest_line(text: Text) -> int:
    return max((cell_len(line) for line in text.plain.split("\n")), default=0)


def as_text(value: Text | str, style: str | Style = "") -> Text:
    return value if isinstance(value, Text) else Text(value, style=style)


def emit(console: Console, lines: Iterable[Text]) -> Iterator[Segment]:
    """Segments of ready-cut lines, each ended by a newline."""
    for line in lines:
        yield from line.render(console)
        yield Segment.line()


# ---------------------------------------------------------------- drawn cells


@runtime_checkable
class Drawn(Protocol):
    """A cell that draws itself at any width within its measure (a bar, a chart axis)."""

    def measure(self) -> tuple[int, int]: ...

    def lines(self, width: int) -> list[Text]: ...


Cell = Text | str | Drawn


def _cell_lines(cell: Cell, width: int, *, fold: bool = True) -> list[Text]:
    if isinstance(cell, Drawn):
        return cell.lines(width)
    return wrap(as_text(cell), width, fold=fold)


def _least(cell: Cell) -> int:
    if isinstance(cell, Drawn):
        return cell.measure()[0]
    return min(longest_word(as_text(cell)), MAX_WORD)


def _natural(cell: Cell) -> int:
    if isinstance(cell, Drawn):
        return cell.measure()[1]
    return widest_line(as_text(cell))


# ---------------------------------------------------------------- paragraphs


@dataclass
class Para:
    """A paragraph wrapped by the rules above; lines after the first are indented by ``hang``."""

    text: Text
    hang: int = 0
    fold: bool = True

    def lines(self, width: int) -> list[Text]:
        cut = wrap(self.text, width, max(1, width - self.hang), fold=self.fold)
        return [cut[0], *(Text(" " * self.hang) + line for line in cut[1:])]

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(longest_word(self.text) + self.hang, options.max_width), widest_line(self.text))

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from emit(console, self.lines(options.max_width))


def para(value: Text | str, style: str = "", hang: int = 0) -> Para:
    return Para(as_text(value, style), hang)


def blank() -> Para:
    return Para(Text(""))


# ---------------------------------------------------------------- records


@dataclass
class Column:
    """A column: numeric ones are right-aligned and never wrapped; ``wide`` is the least total
    width at which it is a column (below, its value is a line under the row, after its header)."""

    header: Cell = ""
    numeric: bool = False
    style: str = ""
    wide: int = 0
    flex: bool = False  # drawn cells: take what the text columns leave
    nowrap: bool = False  # ids: never wrapped nor folded
    drop: bool = False  # below its width, left out (the machine formats carry it) rather than put under the row

    @property
    def whole(self) -> bool:
        return self.numeric or self.nowrap


@dataclass
class Sub:
    """A secondary line under a row; its continuation lines are indented by ``hang``."""

    text: Text
    hang: int = 0


@dataclass
class Row:
    cells: list[Cell]
    subs: list[Sub] = field(default_factory=list)
    heading: Text | None = None  # a line across the columns (a group's name) instead of cells


@dataclass
class Records:
    """Rows in columns that fit the width, each with optional secondary lines under it."""

    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    title: Text | None = None
    header: bool = True
    sub_column: int = 1  # secondary lines start under this column
    label_sep: str = ": "  # between a hidden column's header and its value
    cap: float = 0.0  # share of the width a text column may take at most when others need room (0: none)

    def add(self, *cells: Cell, subs: Sequence[Sub | Text | str] = ()) -> Row:
        row = Row(list(cells), [s if isinstance(s, Sub) else Sub(as_text(s)) for s in subs])
        self.rows.append(row)
        return row

    def group(self, text: Text | str) -> None:
        """A line across the columns that heads the rows after it."""
        self.rows.append(Row([], heading=as_text(text, "bold")))

    def kept(self, width: int) -> list[int]:
        return [i for i, c in enumerate(self.columns) if c.wide <= width]

    def widths(self, width: int) -> tuple[list[int], list[int]]:
        """The columns shown at ``width`` and their widths."""
        keep = self.kept(width)
        cols = [self.columns[i] for i in keep]
        body = [r for r in self.rows if r.heading is None]
        cells = [[r.cells[i] if i < len(r.cells) else "" for r in body] for i in keep]
        heads = [c.header if self.header else "" for c in cols]
        least = [
            max(
                _least(h) if not c.whole or isinstance(h, Drawn) else _natural(h),
                *((_natural(x) if c.whole else _least(x)) for x in col),
            )
            for c, h, col in zip(cols, heads, cells, strict=True)
        ]
        natural = [max(_natural(h), *(_natural(x) for x in col)) for h, col in zip(heads, cells, strict=True)]
        room = width - GAP * (len(keep) - 1)
        sizes = list(least)
        text = [k for k, c in enumerate(cols) if not c.flex and not c.whole]
        flexible = [k for k, c in enumerate(cols) if c.flex]
        spare = room - sum(sizes)
        if spare < 0:  # fold the widest text columns
            while spare < 0 and text:
                k = max(text, key=lambda j: sizes[j])
                if sizes[k] <= 6:
                    break
                sizes[k] -= 1
                spare += 1
            while spare < 0 and flexible:  # then narrow the drawn columns (a bar draws at any width)
                k = max(flexible, key=lambda j: sizes[j])
                if sizes[k] <= 8:
                    break
                sizes[k] -= 1
                spare += 1
            return keep, sizes
        limit = int(room * self.cap) if self.cap else room
        while spare > 0:  # widen the text column that would be tallest, a cell at a time
            wanting = [k for k in text if sizes[k] < min(natural[k], max(limit, least[k]))]
            if not wanting:
                break
            k = max(wanting, key=lambda j: natural[j] / sizes[j])
            sizes[k] += 1
            spare -= 1
        for k in flexible:
            grow = min(spare, natural[k] - sizes[k])
            sizes[k] += max(grow, 0)
            spare -= max(grow, 0)
        while spare > 0:  # what the caps held back
            wanting = [k for k in text if sizes[k] < natural[k]]
            if not wanting:
                break
            k = max(wanting, key=lambda j: natural[j] / sizes[j])
            sizes[k] += 1
            spare -= 1
        return keep, sizes

    def lines(self, width: int) -> list[Text]:
        keep, sizes = self.widths(width)
        cols = [self.columns[i] for i in keep]
        hidden = [i for i in range(len(self.columns)) if i not in keep]
        out: list[Text] = []
        if self.title is not None:
            out += wrap(self.title, width)
        used = sum(sizes) + GAP * (len(sizes) - 1)
        if self.header and any(_natural(c.header) for c in cols):
            out += self._line([c.header for c in cols], cols, sizes, bold=True)
            out.append(Text("─" * min(used, width), style="dim"))
        sub_col = min(self.sub_column, len(sizes) - 1) if sizes else 0
        indent = sum(sizes[:sub_col]) + GAP * sub_col
        for row in self.rows:
            if row.heading is not None:
                out += wrap(row.heading, width)
                continue
            out += self._line([row.cells[i] if i < len(row.cells) else "" for i in keep], cols, sizes)
            subs = list(row.subs)
            for i in hidden:
                if self.columns[i].drop:
                    continue
                value = row.cells[i] if i < len(row.cells) else ""
                if isinstance(value, Drawn) or not as_text(value).plain.strip():
                    continue
                head = self.columns[i].header
                label = f"{head if isinstance(head, str) else ''}{self.label_sep}" if head else ""
                subs.append(Sub(Text.assemble((label, "dim"), as_text(value, self.columns[i].style)), 0))
            for sub in subs:
                room = max(width - indent, 10)
                for k, piece in enumerate(wrap(sub.text, room, max(room - sub.hang, 1))):
                    out.append(Text(" " * (indent + (sub.hang if k else 0))) + piece)
        return out

    def _line(self, cells: list[Cell], cols: list[Column], sizes: list[int], bold: bool = False) -> list[Text]:
        blocks = []
        for cell, col, size in zip(cells, cols, sizes, strict=True):
            styled = cell if isinstance(cell, Drawn) else as_text(cell, "bold" if bold else col.style)
            blocks.append(_cell_lines(styled, size, fold=not col.whole))
        height = max(len(b) for b in blocks)
        out = []
        for n in range(height):
            line = Text()
            for k, (block, col, size) in enumerate(zip(blocks, cols, sizes, strict=True)):
                piece = block[n] if n < len(block) else Text("")
                pad = size - cell_len(piece.plain)
                if k:
                    line.append(" " * GAP)
                if col.numeric:
                    line.append(" " * max(pad, 0))
                    line.append_text(piece)
                else:
                    line.append_text(piece)
                    line.append(" " * max(pad, 0))
            line.rstrip()
            out.append(line)
        return out

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(min(20, options.max_width), options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from emit(console, self.lines(options.max_width))


def pairs(items: Iterable[tuple[str, Text | str]], cap: float = 0.4) -> Records:
    """Label / value lines: labels bold, values wrapped beside them."""
    recs = Records([Column(style="bold"), Column()], header=False, cap=cap)
    for label, value in items:
        recs.add(Text(label, style="bold"), value)
    recs.columns[0] = Column(style="bold")
    return recs

"""Output: JSON, NDJSON, CSV and TSV for pipelines; Rich tables for people."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, TextIO


class Format(StrEnum):
    """Output formats."""

    table = "table"
    json = "json"
    ndjson = "ndjson"
    csv = "csv"
    tsv = "tsv"


_RISKY = ("=", "+", "-", "@", "\t", "\r")


def color_wanted(no_color: bool = False, stream: TextIO | None = None) -> bool:
    """Colour only on a terminal, without NO_COLOR, TERM=dumb or --no-color."""
    stream = stream or sys.stdout
    if no_color or os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def cell(value: Any) -> str:
    """A CSV/TSV cell: lists joined by ';', spreadsheet formulas neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = ";".join(cell(v) for v in value)
    elif isinstance(value, dict):
        value = json.dumps(value, ensure_ascii=False, sort_keys=True)
    text = str(value)
    if text.startswith(_RISKY) and not _is_number(text):
        text = "'" + text
    return text


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _csv_field(text: str) -> str:
    """RFC 4180 quoting, and ';' quoted too: French-locale spreadsheets split on it."""
    if any(ch in text for ch in ',;"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def delimited(rows: list[dict[str, Any]], sep: str) -> str:
    """Rows as CSV (',') or TSV ('\\t') with a header line."""
    if not rows:
        return ""
    columns = list(dict.fromkeys(k for row in rows for k in row))
    import io

    out = io.StringIO()
    if sep == "\t":
        out.write("\t".join(columns) + "\n")
        for row in rows:
            values = (cell(row.get(c)).replace("\t", " ").replace("\n", " ") for c in columns)
            out.write("\t".join(values) + "\n")
    else:
        out.write(",".join(_csv_field(c) for c in columns) + "\n")
        for row in rows:
            out.write(",".join(_csv_field(cell(row.get(c))) for c in columns) + "\n")
    return out.getvalue()


def dumps(doc: Any, indent: int | None = 2) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=indent)


def emit(
    fmt: Format,
    doc: Any,
    rows: Iterable[dict[str, Any]] | None,
    table: Callable[[], Any],
    *,
    flat: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    color: bool = False,
    out: TextIO | None = None,
) -> None:
    """Write ``doc`` in ``fmt``: ``rows`` feed NDJSON, CSV and TSV; ``table`` builds the Rich view."""
    out = out or sys.stdout
    listed = list(rows) if rows is not None else (doc if isinstance(doc, list) else [doc])
    if fmt is Format.json:
        out.write(dumps(doc) + "\n")
    elif fmt is Format.ndjson:
        out.writelines(dumps(row, None) + "\n" for row in listed)
    elif fmt in (Format.csv, Format.tsv):
        flat_rows = [flat(r) if flat else r for r in listed]
        out.write(delimited(flat_rows, "," if fmt is Format.csv else "\t"))
    else:
        print_rich(table(), color=color, out=out)
    out.flush()


def terminal_width(out: TextIO) -> int:
    """The terminal's width, else $COLUMNS, else 80 (never under 40)."""
    width = None
    try:
        width = os.get_terminal_size(out.fileno()).columns if out.isatty() else None
    except (OSError, ValueError, AttributeError):
        width = None
    try:
        width = width or int(os.environ.get("COLUMNS", "0") or 0) or 80
    except ValueError:
        width = 80
    return max(width, 40)


def console(color: bool = False, out: TextIO | None = None, width: int | None = None) -> Any:
    """A Rich console that never emits ANSI codes unless colour is wanted."""
    from rich.console import Console

    out = out or sys.stdout
    width = width or terminal_width(out)
    return Console(
        file=out,
        color_system="auto" if color else None,
        force_terminal=color,
        no_color=not color,
        width=max(width, 40),
        highlight=False,
        emoji=False,
        soft_wrap=False,
    )


def print_rich(renderable: Any, *, color: bool = False, out: TextIO | None = None) -> None:
    if renderable is None:
        return
    con = console(color=color, out=out)
    if isinstance(renderable, list):
        for part in renderable:
            con.print(part)
    else:
        con.print(renderable)

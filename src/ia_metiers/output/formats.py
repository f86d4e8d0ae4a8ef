"""Output: JSON, NDJSON, CSV and TSV for pipelines; Rich tables for people."""

from __future__ import annotations

import json
import os
import re
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
    """A CSV/TSV cell holds a plain value: lists joined by ';', a record by its id or name (else
    'key=value' pairs), spreadsheet formulas neutralised. Never JSON."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        value = ";".join(cell(v) for v in value)
    elif isinstance(value, dict):
        key = next((k for k in ("id", "skill", "role", "name") if isinstance(value.get(k), str)), None)
        value = value[key] if key else ";".join(f"{k}={cell(v)}" for k, v in value.items() if v is not None)
    text = str(value)
    if text.startswith(_RISKY) and not _is_number(text):
        text = "'" + text
    return text


def flat(row: dict[str, Any]) -> dict[str, Any]:
    """A row one level flat: a record's fields become columns of their own ('pay' -> 'pay_min', 'pay_max'...)."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict) and not any(isinstance(v, dict | list) for v in value.values()):
            for sub, item in value.items():
                out[f"{key}_{sub}"] = item
        else:
            out[key] = value
    return out


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


_flat = flat


def _regular_file(out: TextIO) -> bool:
    """Whether ``out`` is a regular file (not a terminal or a pipe)."""
    import stat

    try:
        return stat.S_ISREG(os.fstat(out.fileno()).st_mode)
    except (OSError, ValueError, AttributeError):
        return False


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
    flatten = flat
    listed = list(rows) if rows is not None else (doc if isinstance(doc, list) else [doc])
    if fmt is Format.json:
        out.write(dumps(doc) + "\n")
    elif fmt is Format.ndjson:
        out.writelines(dumps(row, None) + "\n" for row in listed)
    elif fmt in (Format.csv, Format.tsv):
        rows_out = [_flat(flatten(r) if flatten else r) for r in listed]
        split = {k.rsplit("_", 1)[0] for r in rows_out for k in r if "_" in k}
        empty = {k for k in split if all(r.get(k) is None for r in rows_out)}  # a record absent here, split elsewhere
        rows_out = [{k: v for k, v in r.items() if k not in empty} for r in rows_out]
        text = delimited(rows_out, "," if fmt is Format.csv else "\t")
        if fmt is Format.csv and text and _regular_file(out):
            text = "\ufeff" + text  # a file a spreadsheet opens: the UTF-8 mark keeps accents (Excel)
        out.write(text)
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
        legacy_windows=False,
    )


_TRAILING = re.compile(r"[ \t]+((?:\x1b\[[0-9;]*m)*)$", re.M)


def rendered(renderable: Any, *, color: bool = False, width: int = 80) -> str:
    """The text of a human view at ``width`` columns (ANSI styles when ``color``), no trailing blanks."""
    import io

    buffer = io.StringIO()
    con = console(color=color, out=buffer, width=width)
    for part in renderable if isinstance(renderable, list) else [renderable]:
        con.print(part, crop=False)  # a link longer than the line is kept whole, never cropped
    return _TRAILING.sub(r"\1", buffer.getvalue())


def print_rich(renderable: Any, *, color: bool = False, out: TextIO | None = None) -> None:
    """Print a human view; on a terminal, a view taller than the screen goes through $PAGER
    (``less -FRX`` by default; PAGER empty or 'cat' for none); never when piped."""
    if renderable is None:
        return
    out = out or sys.stdout
    text = rendered(renderable, color=color, width=terminal_width(out))
    if not _page(text, out):
        out.write(text)


def _page(text: str, out: TextIO) -> bool:
    """Show ``text`` through the pager when ``out`` is a terminal it overflows; False when not paged."""
    import shlex
    import shutil
    import subprocess

    try:
        if not out.isatty():
            return False
        rows = os.get_terminal_size(out.fileno()).lines
    except (OSError, ValueError, AttributeError):
        return False
    if text.count("\n") < rows - 1:
        return False
    command = os.environ.get("PAGER")
    if command is None:
        command = "less" if shutil.which("less") else ""
    argv = shlex.split(command) if command.strip() else []
    if not argv or argv[0] == "cat":
        return False
    env = dict(os.environ)
    env.setdefault("LESS", "FRX")  # quit when one screen, keep colours, leave the text on screen
    out.flush()
    try:
        pager = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=out, env=env)
    except OSError:
        return False
    assert pager.stdin is not None
    try:
        pager.stdin.write(text.encode("utf-8", "replace"))
        pager.stdin.close()
    except BrokenPipeError:  # the reader quit the pager early
        pass
    pager.wait()
    return True

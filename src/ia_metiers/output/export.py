"""Reports for people: the terminal view saved as Markdown, HTML or SVG."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ia_metiers.errors import UsageError
from ia_metiers.output.escape import html_text, markdown_escape

FORMATS = (".md", ".markdown", ".html", ".htm", ".svg")
WIDTH = 100


def check_target(path: Path, message: str) -> None:
    """Refuse an extension we cannot write before doing any work."""
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"{path}: {message}")


def write(path: Path, renderable: Any, title: str) -> None:
    """Write ``renderable`` to ``path``, in the format its extension names."""
    suffix = path.suffix.lower()
    if isinstance(renderable, list):  # plain paragraphs (textview)
        from ia_metiers.output.textview import to_rich

        if suffix in (".md", ".markdown"):
            content = f"# {markdown_escape(title)}\n\n" + "".join(_para_md(p) for p in renderable)
            _save(path, content)
            return
        renderable = to_rich(renderable)
    if suffix in (".md", ".markdown"):
        content = f"# {markdown_escape(title)}\n\n" + markdown(renderable)
    else:
        con = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
        con.print(renderable)
        content = con.export_svg(title=title) if suffix == ".svg" else con.export_html(inline_styles=True)
        if suffix != ".svg":
            content = content.replace("<head>", f"<head>\n<title>{html_text(title)}</title>", 1)
    _save(path, content)


def _save(path: Path, content: str) -> None:
    """Write atomically: a temporary file beside the target, renamed over it (a full disk never
    leaves an empty or half-written report)."""
    import os
    import tempfile

    temp = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent or ".", prefix=f".{path.name}.", delete=False
        ) as fh:
            temp = fh.name
            fh.write(content)
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror or exc}") from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


def _para_md(p: Any) -> str:
    """One paragraph, one line: its text and right part escaped (a line break in catalogue prose
    is a space, as on the terminal); the marker ('1.', '✓') is ours and stays Markdown."""
    if not p.text and not p.mark:
        return "\n"
    body = markdown_escape(p.text.replace("\n", " "))
    text = f"**{body}**" if "bold" in p.style and body else body
    mark = f"{p.mark} " if p.mark else ""
    right = f" — {markdown_escape(p.right)}" if p.right else ""
    return f"{mark}{text}{right}  \n"


def markdown(renderable: Any) -> str:
    """Markdown for the renderables our views build (Group, Table, Text)."""
    if isinstance(renderable, Group):
        return "".join(markdown(part) for part in renderable.renderables)
    if isinstance(renderable, Table):
        return _table(renderable)
    if hasattr(renderable, "table"):  # a Listing: every column in a report
        return _table(renderable.table())
    if isinstance(renderable, Text):
        text = renderable.plain.strip("\n")
        return (markdown_escape(text).replace("\n", "  \n") + "\n\n") if text.strip() else ""
    return f"{markdown_escape(str(renderable))}\n\n"


def _cell(value: Any) -> str:
    text = value.plain if isinstance(value, Text) else str(value)
    return markdown_escape(text).replace("\n", "<br>").strip()


def _table(table: Table) -> str:
    headers = [_cell(c.header) or " " for c in table.columns]
    lines = []
    if table.title:
        lines.append(f"**{_cell(table.title)}**\n")
    lines.append("| " + " | ".join(headers) + " |")
    lines.append("|" + "|".join("---" for _ in headers) + "|")
    cells = [list(c.cells) for c in table.columns]
    for i in range(table.row_count):
        lines.append("| " + " | ".join(_cell(col[i]) for col in cells) + " |")
    return "\n".join(lines) + "\n\n"

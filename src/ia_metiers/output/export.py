"""Reports for people (``--export``): the answer as Markdown, an HTML document or an SVG picture.

The three come from the renderables ``output.render`` builds from a typed result: Markdown and
HTML walk them (tables stay tables), SVG is Rich's picture of the terminal view. Text is escaped
for its reader; the HTML is a document (language, a title saying what was asked, the sources and
training links as links).
"""

from __future__ import annotations

import contextlib
import html
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from ia_metiers.errors import UsageError
from ia_metiers.output.escape import markdown_escape as markdown_text
from ia_metiers.output.messages import t

FORMATS = (".md", ".markdown", ".html", ".htm", ".svg")
WIDTH = 100


@dataclass(frozen=True, slots=True)
class Link:
    """A source cited by the answer."""

    id: str
    title: str
    url: str | None
    publisher: str | None
    year: int | None


def check_target(path: Path, message: str) -> None:
    """Refuse an extension we cannot write before doing any work."""
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"{path}: {message}")


def write(path: Path, renderable: Any, title: str, *, lang: str = "fr", links: Iterable[Link] = ()) -> None:
    """Write the answer to ``path``, in the format its extension names."""
    suffix = path.suffix.lower()
    links = list(links)
    if suffix in (".md", ".markdown"):
        content = markdown_document(renderable, title, lang, links)
    elif suffix == ".svg":
        con = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
        con.print(renderable)
        content = con.export_svg(title=title)
    else:
        content = html_document(renderable, title, lang, links)
    _save(path, content)


# ---------------------------------------------------------------- walking the renderables


def _parts(renderable: Any) -> Iterator[Any]:
    """Tables, grids and texts, in order (Records, Listing and Comparison become tables)."""
    from ia_metiers.output.render import Comparison, Listing, Records

    if isinstance(renderable, Group):
        for part in renderable.renderables:
            yield from _parts(part)
    elif isinstance(renderable, Records):
        if renderable.title:
            yield Text(renderable.title, style="bold")
        yield renderable.table()
    elif isinstance(renderable, Listing):
        yield renderable.table()
    elif isinstance(renderable, Comparison):
        table = Table()
        table.add_column("")
        for name in renderable.names:
            table.add_column(name)
        for label, cells in renderable.rows:
            table.add_row(label, *cells)
        yield table
        yield Text(renderable.legend)
    elif renderable is not None:
        yield renderable


def _plain(cell: Any) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def _rows(table: Table) -> list[list[Any]]:
    columns = [list(c.cells) for c in table.columns]
    return [[col[i] for col in columns] for i in range(table.row_count)]


def _is_grid(table: Table) -> bool:
    return not table.show_header


# ---------------------------------------------------------------- Markdown


def markdown_escape(text: str) -> str:
    """Text that Markdown shows as written (``output.escape``), line breaks as <br>."""
    return "<br>".join(markdown_text(text).split("\n"))


def markdown_document(renderable: Any, title: str, lang: str, links: list[Link]) -> str:
    out = [f"# {markdown_escape(title)}", ""]
    for part in _parts(renderable):
        if isinstance(part, Table):
            rows = _rows(part)
            if _is_grid(part):  # label / value pairs
                for r in rows:
                    label, *values = [markdown_escape(_plain(c).strip()) for c in r]
                    out.append(" ".join([f"**{label}**" if label else "", *values]).strip() + "  ")
                out.append("")
                continue
            headers = [markdown_escape(_plain(c.header)) or " " for c in part.columns]
            out.append("| " + " | ".join(headers) + " |")
            out.append("|" + "|".join("---" for _ in headers) + "|")
            out += ["| " + " | ".join(markdown_escape(_plain(c).strip()) for c in r) + " |" for r in rows]
            out.append("")
        else:
            text = _plain(part).strip("\n")
            if not text.strip():
                continue
            bold = isinstance(part, Text) and "bold" in str(part.style)
            body = markdown_escape(text).replace("<br>", "  \n")
            out += [f"**{body}**" if bold else body, ""]
    if links:
        out += [f"## {t('sources', lang)}", ""]
        for link in links:
            label = markdown_escape(f"{link.title} ({link.publisher or '-'}, {link.year or '-'})")
            target = f" <{link.url}>" if link.url and _safe_url(link.url) else ""
            out.append(f"- `{link.id}`: {label}{target}")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- HTML

_STYLE = """body{font-family:system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border-bottom:1px solid #ddd;padding:.25rem .6rem;
text-align:left;vertical-align:top}th{background:#f4f4f4}td.num{text-align:right;white-space:nowrap}
table.pairs td{border:0}table.pairs td:first-child{font-weight:600;white-space:nowrap}.dim{color:#666}"""


def _safe_url(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def _html_text(cell: Any) -> str:
    """A cell's text escaped, its links (Rich ``link`` styles) as anchors, newlines as <br>."""
    if isinstance(cell, Text):
        pieces = []
        for span_text, url in _linked(cell):
            escaped = html.escape(span_text).replace("\n", "<br>")
            pieces.append(f'<a href="{html.escape(url)}">{escaped}</a>' if url and _safe_url(url) else escaped)
        return "".join(pieces)
    return html.escape(str(cell)).replace("\n", "<br>")


def _linked(text: Text) -> list[tuple[str, str | None]]:
    """The text cut into (piece, link or None)."""
    plain = text.plain
    marks: list[tuple[int, int, str]] = []
    styles = [(0, len(plain), text.style)] + [(s.start, s.end, s.style) for s in text.spans]
    for start, end, style in styles:
        link = getattr(style, "link", None) if not isinstance(style, str) else _link_of(style)
        if link:
            marks.append((start, end, link))
    if not marks:
        return [(plain, None)]
    out: list[tuple[str, str | None]] = []
    pos = 0
    for start, end, link in sorted(marks):
        if start > pos:
            out.append((plain[pos:start], None))
        out.append((plain[start:end], link))
        pos = max(pos, end)
    out.append((plain[pos:], None))
    return out


def _link_of(style: str) -> str | None:
    found = re.search(r"\blink (\S+)", style)
    return found.group(1) if found else None


def html_document(renderable: Any, title: str, lang: str, links: list[Link]) -> str:
    body: list[str] = [f"<h1>{html.escape(title)}</h1>"]
    for part in _parts(renderable):
        if isinstance(part, Table):
            rows = _rows(part)
            if _is_grid(part):
                body.append('<table class="pairs">')
                body += ["<tr>" + "".join(f"<td>{_html_text(c)}</td>" for c in r) + "</tr>" for r in rows]
                body.append("</table>")
                continue
            numeric = [c.justify == "right" for c in part.columns]
            body.append(
                "<table><thead><tr>" + "".join(f"<th>{_html_text(c.header)}</th>" for c in part.columns) + "</tr></thead><tbody>"
            )
            body += [
                "<tr>"
                + "".join(f"<td{' class=num' if numeric[i] else ''}>{_html_text(c)}</td>" for i, c in enumerate(r))
                + "</tr>"
                for r in rows
            ]
            body.append("</tbody></table>")
        else:
            text = _html_text(part).strip()
            if not text or text == "<br>":
                continue
            style = str(part.style) if isinstance(part, Text) else ""
            body.append(
                f"<h2>{text}</h2>" if "bold" in style else f'<p class="dim">{text}</p>' if "dim" in style else f"<p>{text}</p>"
            )
    if links:
        body.append(f"<h2>{html.escape(t('sources', lang))}</h2><ul>")
        for link in links:
            label = html.escape(f"{link.title} ({link.publisher or '-'}, {link.year or '-'})")
            anchor = f'<a href="{html.escape(link.url)}">{label}</a>' if link.url and _safe_url(link.url) else label
            body.append(f"<li><code>{html.escape(link.id)}</code> {anchor}</li>")
        body.append("</ul>")
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


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

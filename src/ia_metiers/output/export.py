"""Reports for people (``--export``): a document to hand over (HTML, or PDF printed from it),
Markdown, or an SVG picture of the terminal view.

The HTML and Markdown reports walk the renderables ``output.render`` builds from a typed result
(records stay tables, charts become inline SVG) inside a frame written for the person: a title
in words, the options that shaped the answer, the date, the tool and catalogue versions, a line
for the person's name, and the sources numbered where they are cited and listed once at the end.
Internal ids (style ``render.ID``) are left out. The document loads nothing (a Content Security
Policy forbids it), prints on A4 with page-break rules, and reflows on a phone.
"""

from __future__ import annotations

import contextlib
import html
import io
import itertools
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Group
from rich.style import Style
from rich.table import Table
from rich.text import Text

from ia_metiers.errors import UsageError
from ia_metiers.output import charts
from ia_metiers.output.escape import markdown_escape as markdown_text
from ia_metiers.output.layout import NB, Drawn, Para, Records
from ia_metiers.output.messages import system_error, t

FORMATS = (".md", ".markdown", ".html", ".htm", ".svg", ".pdf")
WIDTH = 100


@dataclass(frozen=True, slots=True)
class Link:
    """A source the answer may cite."""

    id: str
    title: str
    url: str | None
    publisher: str | None
    year: int | None


@dataclass(frozen=True, slots=True)
class Frame:
    """What a report says around the answer: its title in words, the options that shaped it, and
    the date, tool and catalogue it was made with."""

    title: str
    options: Sequence[tuple[str, str]] = ()
    date: str = ""
    tool: str = ""
    catalogue: str = ""


def check_target(path: Path, message: str) -> None:
    """Refuse an extension we cannot write before doing any work."""
    if path.suffix.lower() not in FORMATS:
        raise UsageError(f"{path}: {message}")


def write(path: Path, renderable: Any, frame: Frame | str, *, lang: str = "fr", links: Iterable[Link] = ()) -> None:
    """Write the answer to ``path``, in the format its extension names."""
    if isinstance(frame, str):
        frame = Frame(frame)
    suffix = path.suffix.lower()
    links = list(links)
    if suffix in (".md", ".markdown"):
        save(path, markdown_document(renderable, frame, lang, links), lang)
    elif suffix == ".svg":
        save(path, svg_picture(renderable, frame.title), lang)
    elif suffix == ".pdf":
        from ia_metiers.output.pdf import print_pdf

        print_pdf(html_document(renderable, frame, lang, links), path, lang)
    else:
        save(path, html_document(renderable, frame, lang, links), lang)


def svg_picture(renderable: Any, title: str) -> str:
    """Rich's picture of the terminal view, with no web font to fetch (system monospace fonts)."""
    import inspect

    from rich.console import Console

    con = Console(record=True, width=WIDTH, file=io.StringIO(), force_terminal=True, color_system="truecolor")
    con.print(renderable)
    default: str = inspect.signature(Console.export_svg).parameters["code_format"].default  # Rich's template
    template = re.sub(r"\s*@font-face \{\{.*?\}\}", "", default, flags=re.S)
    template = template.replace("font-family: Fira Code, monospace", "font-family: ui-monospace, 'DejaVu Sans Mono', monospace")
    return con.export_svg(title=title, code_format=template)


# ---------------------------------------------------------------- the answer as blocks


@dataclass
class Block:
    """One piece of a report: a heading, a paragraph, a table, label/value pairs or a chart."""

    kind: str  # heading | para | table | pairs | chart
    text: Text | None = None
    dim: bool = False
    headers: list[Text] = field(default_factory=list)
    numeric: list[bool] = field(default_factory=list)
    rows: list[list[Text]] = field(default_factory=list)
    subs: list[list[Text]] = field(default_factory=list)  # lines under each row
    groups: dict[int, Text] = field(default_factory=dict)  # row index -> heading before it
    chart: str = ""  # SVG


def blocks(renderable: Any, lang: str) -> Iterator[Block]:
    """The renderables of a view as report blocks, in order."""
    if isinstance(renderable, Group):
        for part in renderable.renderables:
            yield from blocks(part, lang)
    elif isinstance(renderable, Para):
        text = renderable.text
        if not text.plain.strip():
            return
        styles = [text.style, *(sp.style for sp in text.spans if sp.start == 0)]
        if any(_meta(s).get("kind") == "heading" for s in styles):
            yield Block("heading", text)
        else:
            yield Block("para", text, dim=any("dim" in str(s) for s in styles))
    elif isinstance(renderable, Records):
        yield from _records(renderable, lang)
    elif hasattr(renderable, "records"):  # render.Comparison: side by side in a document
        yield from _records(renderable.records(10_000), lang)
    elif isinstance(renderable, Table):
        yield _table(renderable)
    elif isinstance(renderable, Text):
        if renderable.plain.strip():
            yield Block("para", renderable)
    elif renderable is not None:
        yield Block("para", Text(str(renderable)))


def _records(recs: Records, lang: str) -> Iterator[Block]:
    if recs.title is not None:
        yield Block("heading", recs.title)
    shown = [i for i, c in enumerate(recs.columns) if not (c.flex and _drawn_column(recs, i) and not _scored(recs, i))]
    bars = [i for i, c in enumerate(recs.columns) if c.flex and _drawn_column(recs, i)]
    body = [r for r in recs.rows if r.heading is None]
    if not recs.header:
        yield Block("pairs", rows=[[_cell_text(r.cells[i]) for i in shown] for r in body])
        return
    block = Block(
        "table",
        headers=[_cell_text(recs.columns[i].header) for i in shown],
        numeric=[recs.columns[i].numeric for i in shown],
    )
    for row in recs.rows:
        if row.heading is not None:
            block.groups[len(block.rows)] = row.heading
            continue
        block.rows.append([_cell_text(row.cells[i]) if i < len(row.cells) else Text("") for i in shown])
        block.subs.append([s.text for s in row.subs])
    yield block
    for i in bars:
        svg = _chart(recs, i, body, lang)
        if svg:
            yield Block("chart", chart=svg)


def _scored(recs: Records, i: int) -> bool:
    """A drawn column whose cells also hold a number to print (render.Score)."""
    return any(hasattr(r.cells[i], "value") for r in recs.rows if r.heading is None and i < len(r.cells))


def _drawn_column(recs: Records, i: int) -> bool:
    return any(isinstance(r.cells[i], Drawn) for r in recs.rows if r.heading is None and i < len(r.cells)) or isinstance(
        recs.columns[i].header, Drawn
    )


def _cell_text(cell: Any) -> Text:
    if isinstance(cell, Text):
        return cell
    if isinstance(cell, str):
        return Text(cell)
    value = getattr(cell, "value", None)  # render.Score
    return Text(f"{value:.0f}") if isinstance(value, int | float) else Text("")


def _chart(recs: Records, i: int, body: list[Any], lang: str) -> str:
    """The drawn column ``i`` of ``recs`` as an SVG bar chart: each row's label is its first text
    cells, its text its figures."""
    axis = recs.columns[i].header
    rows: list[charts.Bar] = []
    top = step = 0.0
    unit = ""
    for row in body:
        cell = row.cells[i] if i < len(row.cells) else None
        if cell is None:
            continue
        labels = [
            _plain_without_ids(_cell_text(c))
            for k, c in enumerate(row.cells)
            if k != i and not recs.columns[k].numeric and not isinstance(c, Drawn) and k < 3
        ]
        figures = [_cell_text(c).plain for k, c in enumerate(row.cells) if recs.columns[k].numeric and k != i and k != 0]
        label = " · ".join(x for x in labels if x and not re.fullmatch(r"\d+\.?|\[\d+\]", x))
        if isinstance(cell, charts.Band):
            rows.append(charts.Bar(label, cell.low, cell.high, figures[0] if figures else "", lead=True))
            top = cell.top
        elif isinstance(cell, charts.Span):
            rows.append(charts.Bar(label, cell.start, cell.end, "", lead=False))
            top = cell.top
        elif hasattr(cell, "value"):
            value = float(cell.value)
            rows.append(charts.Bar(label, 0, value, f"{value:.0f}", lead=False))
            top, step, unit = 100.0, 20.0, "/100"
    if not rows:
        return ""
    if isinstance(axis, charts.Axis):
        top, step, unit = axis.top, axis.step, axis.unit
    elif not step:
        top, step = charts.nice_top(top)
    title = _cell_text(recs.title).plain if recs.title is not None else ""
    return charts.svg(rows, top, step, unit.replace(NB, " "), lang, title)


def _plain_without_ids(text: Text) -> str:
    return "".join(piece for piece, style in _pieces(text) if _meta(style).get("kind") != "id").strip()


def _table(table: Table) -> Block:
    columns = [list(c.cells) for c in table.columns]
    rows = [[_cell_text(col[i]) for col in columns] for i in range(table.row_count)]
    if not table.show_header:
        return Block("pairs", rows=rows)
    return Block(
        "table",
        headers=[_cell_text(c.header) for c in table.columns],
        numeric=[c.justify == "right" for c in table.columns],
        rows=rows,
        subs=[[] for _ in rows],
    )


# ---------------------------------------------------------------- text pieces: ids, sources, links


def _pieces(text: Text) -> list[tuple[str, Style | str]]:
    """``text`` cut where its styles change, each piece with its innermost style."""
    plain = text.plain
    cuts = sorted({0, len(plain), *(s.start for s in text.spans), *(s.end for s in text.spans)})
    out: list[tuple[str, Style | str]] = []
    for start, end in itertools.pairwise(cuts):
        style: Style | str = text.style
        for span in text.spans:
            if span.start <= start and span.end >= end:
                style = span.style
        out.append((plain[start:end], style))
    return out


def _meta(style: Style | str) -> dict[str, Any]:
    return dict(style.meta) if isinstance(style, Style) and style.meta else {}


def _link_of(style: Style | str) -> str | None:
    if isinstance(style, Style):
        return style.link
    found = re.search(r"\blink (\S+)", style)
    return found.group(1) if found else None


class Citations:
    """Sources numbered in the order a report first cites them."""

    def __init__(self, links: Sequence[Link]) -> None:
        self.known = {link.id: link for link in links}
        self.order: list[str] = []
        self._bare = (
            re.compile(r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(self.known, key=len, reverse=True)) + r")(?![\w-])")
            if self.known
            else None
        )

    def number(self, source: str) -> int:
        if source not in self.order:
            self.order.append(source)
        return self.order.index(source) + 1

    def cited(self) -> list[Link]:
        return [self.known.get(s) or Link(s, s, None, None, None) for s in self.order]

    def bare(self, text: str, mark: Any) -> str:
        """``text`` with the source ids it names (in a note) replaced by ``mark(number)``."""
        if self._bare is None:
            return text
        return self._bare.sub(lambda m: mark(self.number(m.group(1))), text)


# ---------------------------------------------------------------- HTML

_STYLE = """
:root{--ink:#1a1a1a;--dim:#5c5c5c;--rule:#d9d9d9;--accent:#2b6cb0}
*{box-sizing:border-box}
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--ink);
max-width:52rem;margin:1.5rem auto;padding:0 1rem;line-height:1.45;font-size:16px;overflow-wrap:anywhere}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.2rem;margin:1.6rem 0 .4rem;border-bottom:1px solid var(--rule)}
h3{font-size:1.05rem;margin:1.2rem 0 .3rem}
header .meta{color:var(--dim);font-size:.9rem;margin:.2rem 0}
.person{margin:1rem 0}.person span{display:inline-block;min-width:16rem;border-bottom:1px solid var(--ink)}
dl.options{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.4rem 0}
dl.options dt{font-weight:600}dl.options dd{margin:0}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}
th,td{border-bottom:1px solid var(--rule);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num,th.num{text-align:right;white-space:nowrap}
tr.sub td{border-bottom:0;padding-top:0;color:var(--dim)}tr.has-sub td{border-bottom:0}
tr.group th{background:none;border-bottom:2px solid var(--rule);padding-top:1rem}
table.pairs td{border:0;padding:.15rem .5rem}table.pairs td:first-child{font-weight:600;width:30%}
.dim{color:var(--dim)}p{margin:.4rem 0}
figure{margin:.5rem 0 1.2rem}figure svg{display:block;width:100%;height:auto}
a{color:var(--accent)}a.cite{text-decoration:none;font-size:.85em;vertical-align:super}
ol.sources li{margin:.25rem 0}
footer{margin-top:2rem;color:var(--dim);font-size:.85rem}
@media (max-width:40rem){
body{font-size:15px;margin:.8rem auto}h1{font-size:1.35rem}
table.data thead{display:none}table.data,table.data tbody,table.data tr,table.data td{display:block;width:100%}
table.data tr{border-bottom:1px solid var(--rule);padding:.3rem 0}table.data td{border:0;padding:.1rem 0;text-align:left}
table.data td[data-label]:not([data-label=""])::before{content:attr(data-label) ": ";font-weight:600}
html[lang=fr] table.data td[data-label]:not([data-label=""])::before{content:attr(data-label) "\a0: "}
table.data tr.sub{border:0}table.data td.num{white-space:normal}
table.pairs td{display:block;width:100%}table.pairs td:first-child{width:100%;padding-top:.5rem}
dl.options{grid-template-columns:1fr}dl.options dd{margin-bottom:.3rem}
}
@page{size:A4;margin:16mm 15mm 18mm}
@media print{
body{max-width:none;margin:0;padding:0;font-size:10pt;line-height:1.35}
h1{font-size:17pt}h2{font-size:12.5pt}h2,h3{break-after:avoid;page-break-after:avoid}
table,figure,dl.options,.keep{break-inside:avoid;page-break-inside:avoid}
tr,li{break-inside:avoid;page-break-inside:avoid}thead{display:table-header-group}
section.sources{break-before:auto}a{color:inherit;text-decoration:none}a.cite{color:var(--accent)}
th{background:#eee;-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def _safe_url(url: str) -> bool:
    return url.startswith(("https://", "http://"))


def html_text(text: Text, cites: Citations) -> str:
    """A text as HTML: escaped, ids left out, cited sources as numbered references, links as
    anchors, newlines as <br>."""
    out: list[str] = []
    for piece, style in _pieces(text):
        meta = _meta(style)
        if meta.get("kind") == "id":
            continue
        if "cite" in meta:
            n = cites.number(str(meta["cite"]))
            out.append(f'<a class="cite" href="#src-{n}">[{n}]</a>')
            continue
        escaped = html.escape(piece)
        url = _link_of(style)
        if url and _safe_url(url):
            out.append(f'<a href="{html.escape(url)}">{escaped}</a>')
        else:
            out.append(cites.bare(escaped, lambda n: f'<a class="cite" href="#src-{n}">[{n}]</a>'))
    joined = "".join(out).replace(NB, "&nbsp;")
    return re.sub(r"\s+\(\s*\)", "", joined).replace("\n", "<br>")


def html_document(renderable: Any, frame: Frame, lang: str, links: Sequence[Link]) -> str:
    """The report as one HTML document that loads nothing."""
    cites = Citations(links)
    body: list[str] = []
    for block in blocks(renderable, lang):
        body.append(_html_block(block, cites))
    head = [f"<h1>{html.escape(frame.title)}</h1>"]
    made = t("report_made", lang, date=frame.date, tool=frame.tool) if frame.date else ""
    if made:
        head.append(f'<p class="meta">{html.escape(made)}</p>')
    if frame.catalogue:
        head.append(f'<p class="meta">{html.escape(t("report_catalogue", lang, catalogue=frame.catalogue))}</p>')
    head.append(f'<p class="person">{html.escape(t("report_for", lang))}<span>&nbsp;</span></p>')
    options = ""
    if frame.options:
        items = "".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>" for k, v in frame.options)
        options = (
            f'<section class="asked"><h2>{html.escape(t("report_asked", lang))}</h2><dl class="options">{items}</dl></section>'
        )
    sources = ""
    if cites.order:
        entries = []
        for n, link in enumerate(cites.cited(), 1):
            label = html.escape(link.title) + html.escape(f" — {link.publisher}" if link.publisher else "")
            label += html.escape(f", {link.year}") if link.year else ""
            url = f' <a href="{html.escape(link.url)}">{html.escape(link.url)}</a>' if link.url and _safe_url(link.url) else ""
            entries.append(f'<li id="src-{n}">{label}.{url}</li>')
        sources = (
            f'<section class="sources"><h2>{html.escape(t("sources", lang))}</h2><ol class="sources">'
            + "".join(entries)
            + "</ol></section>"
        )
    footer = f"<footer>{html.escape(t('report_footer', lang))}</footer>"
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        f'<meta name="generator" content="{html.escape(frame.tool)}">\n'
        f"<title>{html.escape(frame.title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
        f"<header>\n{chr(10).join(head)}\n</header>\n{options}\n<main>\n"
        + "\n".join(body)
        + f"\n</main>\n{sources}\n{footer}\n</body>\n</html>\n"
    )


def _html_block(block: Block, cites: Citations) -> str:
    if block.kind == "heading" and block.text is not None:
        return f"<h2>{html_text(block.text, cites)}</h2>"
    if block.kind == "para" and block.text is not None:
        cls = ' class="dim"' if block.dim else ""
        return f"<p{cls}>{html_text(block.text, cites)}</p>"
    if block.kind == "chart":
        return f'<figure class="chart">{block.chart}</figure>'
    if block.kind == "pairs":
        rows = "".join("<tr>" + "".join(f"<td>{html_text(c, cites)}</td>" for c in r) + "</tr>" for r in block.rows)
        return f'<table class="pairs">{rows}</table>'
    width = len(block.headers)
    labels = [html.escape(h.plain.strip()) if h.plain.strip() not in ("#", "") else "" for h in block.headers]
    cells = "".join(
        f"<th{' class=num' if block.numeric[k] else ''}>{html_text(h, cites)}</th>" for k, h in enumerate(block.headers)
    )
    out = [f'<table class="data"><thead><tr>{cells}</tr></thead><tbody>']
    for k, row in enumerate(block.rows):
        if k in block.groups:
            out.append(f'<tr class="group"><th colspan="{width}">{html_text(block.groups[k], cites)}</th></tr>')
        subs = block.subs[k] if k < len(block.subs) else []
        cls = ' class="has-sub"' if subs else ""
        tds = "".join(
            f'<td data-label="{labels[i]}"{" class=num" if block.numeric[i] else ""}>{html_text(c, cites)}</td>'
            for i, c in enumerate(row)
        )
        out.append(f"<tr{cls}>{tds}</tr>")
        for sub in subs:
            lead = "<td></td>" if width > 1 else ""
            span = max(width - 1, 1)
            out.append(f'<tr class="sub">{lead}<td colspan="{span}">{html_text(sub, cites)}</td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


# ---------------------------------------------------------------- Markdown


def markdown_escape(text: str) -> str:
    """Text that Markdown shows as written (``output.escape``), line breaks as <br>."""
    return "<br>".join(markdown_text(text).split("\n"))


def markdown_text_of(text: Text, cites: Citations) -> str:
    """A text as Markdown: escaped as a whole, ids left out, sources as numbered references, links as autolinks."""
    plain: list[str] = []
    marks: list[str] = []
    for piece, style in _pieces(text):
        meta = _meta(style)
        if meta.get("kind") == "id":
            continue
        url = _link_of(style)
        if "cite" in meta:
            marks.append(f"\\[{cites.number(str(meta['cite']))}\\]")
        elif url and _safe_url(url):
            marks.append(f"<{url}>")
        else:
            plain.append(piece.replace(NB, " "))
            continue
        plain.append(f"\ue000{len(marks) - 1}\ue001")
    escaped = markdown_escape("".join(plain))
    escaped = cites.bare(escaped, lambda n: f"\\[{n}\\]") if "-" in escaped else escaped
    escaped = re.sub("\ue000(\\d+)\ue001", lambda m: marks[int(m.group(1))], escaped)
    return re.sub(r" \(\s*\)", "", escaped).strip()


def markdown_document(renderable: Any, frame: Frame | str, lang: str, links: Sequence[Link]) -> str:
    if isinstance(frame, str):
        frame = Frame(frame)
    cites = Citations(links)
    out = [f"# {markdown_escape(frame.title)}", ""]
    if frame.date:
        out += [markdown_escape(t("report_made", lang, date=frame.date, tool=frame.tool)) + "  "]
    if frame.catalogue:
        out += [markdown_escape(t("report_catalogue", lang, catalogue=frame.catalogue)) + "  "]
    if frame.date or frame.catalogue:
        out += [f"{markdown_escape(t('report_for', lang))} \\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_", ""]
    if frame.options:
        out += [f"## {markdown_escape(t('report_asked', lang))}", ""]
        out += [f"- **{markdown_escape(k)}**: {markdown_escape(v)}" for k, v in frame.options]
        out.append("")
    for block in blocks(renderable, lang):
        if block.kind == "heading" and block.text is not None:
            out += [f"**{markdown_text_of(block.text, cites)}**", ""]
        elif block.kind == "para" and block.text is not None:
            out += [markdown_text_of(block.text, cites).replace("<br>", "  \n"), ""]
        elif block.kind == "pairs":
            for r in block.rows:
                label, *values = [markdown_text_of(c, cites) for c in r]
                out.append(" ".join([f"**{label}**" if label else "", *values]).strip() + "  ")
            out.append("")
        elif block.kind == "table":
            headers = [markdown_text_of(h, cites) or " " for h in block.headers]
            out.append("| " + " | ".join(headers) + " |")
            out.append("|" + "|".join("---:" if n else "---" for n in block.numeric) + "|")
            for k, row in enumerate(block.rows):
                if k in block.groups:
                    out.append(
                        "| " + " | ".join([f"**{markdown_text_of(block.groups[k], cites)}**"] + [" "] * (len(row) - 1)) + " |"
                    )
                cells = [markdown_text_of(c, cites) for c in row]
                subs = block.subs[k] if k < len(block.subs) else []
                if subs:
                    where = 1 if len(cells) > 1 else 0
                    cells[where] += "".join("<br>" + markdown_text_of(s, cites) for s in subs)
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
    if cites.order:
        out += [f"## {t('sources', lang)}", ""]
        for n, link in enumerate(cites.cited(), 1):
            label = markdown_escape(f"{link.title} ({link.publisher or '-'}, {link.year or '-'})")
            target = f" <{link.url}>" if link.url and _safe_url(link.url) else ""
            out.append(f"{n}. {label}{target}")
        out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- files


def save(path: Path, content: str | bytes, lang: str = "fr") -> None:
    """Write atomically (a temporary file beside the target, renamed over it: a full disk never
    leaves a half-written report), with the mode a new file gets under the umask, or the mode of
    the file it replaces."""
    import stat
    import tempfile

    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        mode = 0o666 & ~mask
    data = content.encode("utf-8") if isinstance(content, str) else content
    temp = None
    try:
        with tempfile.NamedTemporaryFile("wb", dir=path.parent or ".", prefix=f".{path.name}.", delete=False) as fh:
            temp = fh.name
            fh.write(data)
        os.chmod(temp, mode)
        os.replace(temp, path)
        temp = None
    except OSError as exc:
        raise UsageError(f"{path}: {system_error(exc, lang)}") from None
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)

"""Rich views of the documents built in ``views`` (imported only for table output)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ia_metiers.output.messages import t
from ia_metiers.output.textview import band_text, bar, scales


def _table(title: str | None = None) -> Table:
    return Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left", expand=False)


def resolutions(rows: list[dict[str, Any]], lang: str) -> Listing:
    flat = [
        {
            **r,
            "skill": f"{r['name']} ({r['skill']})" if r["skill"] else "—",
            "method": f"{r['method']} « {r['used']} »" if r.get("used") else r["method"],
            "also": ", ".join(r.get("also") or []),
            "score": f"{r['score']:.0f}",
        }
        for r in rows
    ]
    return listing(
        flat,
        [
            ("input", t("input", lang)),
            ("skill", t("skill", lang)),
            ("method", t("method", lang)),
            ("score", t("score", lang)),
            ("broader", t("broader", lang)),
            ("suggestions", t("suggestions", lang)),
            ("also", "+"),
        ],
    )


class Listing:
    """A table that keeps as many columns (most important first) as fit the width, and sizes
    them so that no word is cut (only tokens longer than MAX_WORD, such as URLs, are folded);
    the machine formats always carry every field."""

    MAX_WORD = 30
    GAP = 3  # cell padding on both sides and the column divider

    def __init__(self, rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> None:
        self.columns = columns
        self.cells = [[_fmt(row.get(key)) for key, _ in columns] for row in rows]

    def _sizes(self) -> tuple[list[int], list[int]]:
        """Per column: the least width that cuts no word (headers whole), and the natural width."""
        least, natural = [], []
        for i, (_key, header) in enumerate(self.columns):
            words = [len(w) for row in self.cells for w in row[i].split()]
            least.append(max(len(header), min(max(words, default=1), self.MAX_WORD)))
            natural.append(max([len(header)] + [len(row[i]) for row in self.cells]))
        return least, natural

    def widths(self, width: int | None) -> list[int]:
        """Column widths for a total ``width`` (None: natural widths, every column)."""
        least, natural = self._sizes()
        if width is None:
            return natural
        keep, used = 0, 0
        for size in least:
            if used + size + (self.GAP if keep else 0) > width:
                break
            used += size + (self.GAP if keep else 0)
            keep += 1
        keep = max(keep, 1)
        out = least[:keep]
        spare = width - sum(out) - self.GAP * (keep - 1)
        while spare > 0:  # grow the columns that want more, one character at a time
            wanting = [i for i in range(keep) if out[i] < natural[i]]
            if not wanting:
                break
            for i in wanting:
                if spare == 0:
                    break
                out[i] += 1
                spare -= 1
        return out

    def table(self, width: int | None = None) -> Table:
        sizes = self.widths(width)
        table = _table()
        for (_key, header), size in zip(self.columns, sizes, strict=False):
            table.add_column(header, overflow="fold", width=size)
        for row in self.cells:
            table.add_row(*row[: len(sizes)])
        return table

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.table(options.max_width)


def listing(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> Listing:
    """A plain listing: ``columns`` are (key, header), most important first."""
    return Listing(rows, columns)


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else "✗"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", " ")
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def role(doc: dict[str, Any], lang: str) -> Group:
    parts: list[Any] = [Text(f"{doc['name']} ({doc['id']})", style="bold"), Text(doc["summary"])]

    def section(key: str, items: list[str]) -> None:
        if items:
            parts.append(Text(f"\n{t(key, lang)}", style="bold"))
            parts.extend(Text(f"  • {item}") for item in items)

    section("missions", doc["missions"])
    section("required", [f"{q['name']} ({q['skill']}, {q['level']})" for q in doc["required"]])
    section("optional", [f"{q['name']} ({q['skill']})" for q in doc["optional"]])
    if doc["education"]:
        section("education", [t("bac", lang, **doc["education"])])
    section("entry_routes", doc["entry_routes"])
    for key in ("sectors", "related", "sources"):
        section(key, [", ".join(doc[key])] if doc[key] else [])
    for key in ("demand", "remarks", "work"):
        if doc.get(key):
            section(key, [doc[key]])
    from ia_metiers.output.textview import salaries, to_rich

    parts += [
        Text(f"\n{t('salary', lang)} ({t('gross_annual', lang)})", style="bold"),
        to_rich(salaries(doc["salaries"], {doc["id"]: doc["name"]}, lang, headers=False)),
    ]
    return Group(*parts)


class Comparison:
    """Roles side by side when the width allows (about 22 columns a role), one after another otherwise."""

    def __init__(self, names: list[str], rows: list[tuple[str, list[str]]], legend: str) -> None:
        self.names, self.rows, self.legend = names, rows, legend

    def __rich_console__(self, console: Any, options: Any) -> Any:
        if options.max_width >= 18 + 22 * len(self.names):
            table = _table()
            table.add_column("", style="bold", overflow="fold")
            for name in self.names:
                table.add_column(name, overflow="fold", ratio=1)
            for label, cells in self.rows:
                table.add_row(label, *cells)
            yield table
        else:
            for label, cells in self.rows:
                yield Text(label, style="bold")
                for name, cell in zip(self.names, cells, strict=False):
                    yield Text.assemble(("  " + name + ": ", "cyan"), cell.replace("\n", "\n    "))
        yield Text(self.legend, style="dim")


def compare(doc: dict[str, Any], catalog: Any, lang: str, bars: bool = True) -> Comparison:
    roles = doc["roles"]
    rows: list[tuple[str, list[str]]] = [
        (t("summary", lang), [r["summary"] for r in roles]),
        (t("required", lang), ["\n".join(("• " if q["shared"] else "  ") + q["name"] for q in r["required"]) for r in roles]),
        (t("education", lang), [t("bac", lang, **r["education"]) if r["education"] else "-" for r in roles]),
    ]
    bands = [b for r in roles for b in r["salaries"]]
    top = scales(bands) if bands else {}
    for region, level in [("fr", lv) for lv in ("junior", "confirme", "senior")] + [("us", "all")]:
        cells = []
        for r in roles:
            b = next((x for x in r["salaries"] if x["region"] == region and x["level"] == level), None)
            if b is None:
                cells.append("-")
                continue
            cells.append(band_text(b) + ("\n" + bar(b["min"], b["max"], top[b["currency"]], 16) if bars else ""))
        rows.append((f"{t('salary', lang)} {t(region, lang)} {t(level, lang)}", cells))
    rows.append(
        (t("trainings", lang), ["\n".join(catalog.trainings[x].name.get(lang) for x in r["trainings"][:4]) or "-" for r in roles])
    )
    rows.append(
        (
            t("sectors", lang),
            [
                ", ".join(catalog.sectors[s].name.get(lang) if s in catalog.sectors else s for s in r["sectors"]) or "-"
                for r in roles
            ],
        )
    )
    return Comparison([r["name"] for r in roles], rows, f"• {t('shared', lang)}")

"""Rich views of the documents built in ``views`` (imported only for table output)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ia_metiers.i18n import t
from ia_metiers.textview import band_text, bar, scales


def _table(title: str | None = None) -> Table:
    return Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                 title_justify="left", expand=False)


def resolutions(rows: list[dict[str, Any]], lang: str) -> Table:
    table = _table()
    for key in ("input", "skill", "method", "score", "broader", "suggestions"):
        table.add_column(t(key, lang), overflow="fold")
    for r in rows:
        skill = f"{r['name']} ({r['skill']})" if r["skill"] else Text("—", style="red")
        also = f" + {', '.join(r['also'])}" if r.get("also") else ""
        table.add_row(r["input"], skill if not also else f"{skill}{also}", r["method"],
                      f"{r['score']:.0f}", ", ".join(r["broader"]), ", ".join(r["suggestions"]))
    return table


def listing(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> Table:
    """A plain listing: ``columns`` are (key, header)."""
    table = _table()
    for _key, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*[_fmt(row.get(key)) for key, _ in columns])
    return table


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
    salaries = _table(t("salary", lang))
    for key in ("region", "level", "salary", "basis", "source"):
        salaries.add_column(t(key, lang), overflow="fold")
    for b in doc["salaries"]:
        salaries.add_row(t(b["region"], lang), t(b["level"], lang), band_text(b),
                         t(f"basis_{b['basis']}", lang), f"{b['source']} ({b['year']})")
    parts.append(salaries)
    return Group(*parts)


def compare(doc: dict[str, Any], catalog: Any, lang: str, bars: bool = True) -> Group:
    roles = doc["roles"]
    table = _table()
    table.add_column("", style="bold", overflow="fold")
    for r in roles:
        table.add_column(r["name"], overflow="fold", ratio=1)
    table.add_row(t("summary", lang), *[r["summary"] for r in roles])
    table.add_row(t("required", lang), *["\n".join(("• " if q["shared"] else "  ") + q["name"]
                                                   for q in r["required"]) for r in roles])
    table.add_row(t("education", lang), *[t("bac", lang, **r["education"]) if r["education"] else "-"
                                          for r in roles])
    rows = [b for r in roles for b in r["salaries"]]
    top = scales(rows) if rows else {}
    for region, level in [("fr", lv) for lv in ("junior", "confirme", "senior")] + [("us", "all")]:
        cells = []
        for r in roles:
            b = next((x for x in r["salaries"] if x["region"] == region and x["level"] == level), None)
            if b is None:
                cells.append("-")
                continue
            cell = band_text(b)
            if bars:
                cell += "\n" + bar(b["min"], b["max"], top[b["currency"]], 16)
            cells.append(cell)
        table.add_row(f"{t('salary', lang)} {t(region, lang)} {t(level, lang)}", *cells)
    table.add_row(t("trainings", lang), *["\n".join(catalog.trainings[x].name.get(lang)
                                                     for x in r["trainings"][:4]) or "-" for r in roles])
    table.add_row(t("sectors", lang), *[", ".join(catalog.sectors[s].name.get(lang) if s in catalog.sectors
                                                  else s for s in r["sectors"]) or "-" for r in roles])
    legend = Text(f"• {t('shared', lang)}", style="dim")
    return Group(table, legend)

"""Plain-text views (wrapped paragraphs, optional ANSI colour): fast to print, no Rich import.

The match view is made of these so that the most used command starts quickly; reports
convert the same paragraphs to Rich renderables (``to_rich``).
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

from ia_metiers.output.messages import t

_ANSI = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


@dataclass(frozen=True)
class Para:
    """A paragraph: wrapped at word boundaries under its hanging indent."""

    text: str
    style: str = ""
    mark: str = ""  # a marker set in the margin ("✓", "1.")
    margin: int = 0  # width of the margin (the continuation indent)
    right: str = ""  # right-aligned on the first line (a score, a salary)
    first: int = -1  # first-line indent when there is no marker (default: the margin)


def _paint(text: str, style: str, color: bool) -> str:
    if not (color and style and text):
        return text
    codes = ";".join(_ANSI[s] for s in style.split() if s in _ANSI)
    return f"\x1b[{codes}m{text}\x1b[0m" if codes else text


def render(paras: list[Para], width: int = 80, color: bool = False) -> str:
    """The paragraphs as text lines no wider than ``width`` (words are never cut)."""
    out: list[str] = []
    for p in paras:
        if not p.text and not p.mark:
            out.append("")
            continue
        pad = " " * p.margin
        first = (p.mark.rjust(p.margin - 1) + " ") if p.mark else " " * (p.margin if p.first < 0 else p.first)
        right = f"  {p.right}" if p.right else ""
        body_width = max(20, width - p.margin - (len(right) if right else 0))
        lines = textwrap.wrap(p.text, body_width, break_long_words=False, break_on_hyphens=False) or [""]
        for i, line in enumerate(lines):
            lead = first if i == 0 else pad
            text = _paint(line, p.style, color)
            if i == 0 and right:
                gap = width - len(lead) - len(line) - len(right)
                text += " " * max(gap, 0) + right
            out.append(lead + text)
    return "\n".join(out) + "\n"


def to_rich(paras: list[Para]) -> object:
    """The same paragraphs as a Rich renderable, for HTML and SVG reports."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    parts: list[object] = []
    for p in paras:
        if not p.text and not p.mark:
            parts.append(Text(""))
            continue
        grid = Table.grid(expand=bool(p.right), padding=(0, 1))
        grid.add_column(width=max(p.margin - 1, 1), justify="right", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        cells: list[object] = [Text(p.mark, style=p.style), Text(p.text, style=p.style)]
        if p.right:
            grid.add_column(justify="right", no_wrap=True)
            cells.append(p.right)
        grid.add_row(*cells)
        parts.append(grid)
    return Group(*parts)


def money(amount: int, currency: str) -> str:
    """42000 EUR -> '42 k€'; 156000 USD -> '$156k'."""
    k = amount / 1000
    shown = f"{k:.0f}" if k == int(k) else f"{k:.1f}"
    return f"{shown} k€" if currency == "EUR" else f"${shown}k"


def band_text(b: dict[str, Any] | None) -> str:
    if not b:
        return "-"
    if b["min"] == b["max"]:
        return money(b["min"], b["currency"])
    return f"{money(b['min'], b['currency'])}-{money(b['max'], b['currency'])}"


def few(items: list[str], limit: int = 4) -> str:
    """At most ``limit`` items, then '+N'."""
    if not items:
        return "-"
    shown = ", ".join(items[:limit])
    return shown + (f" +{len(items) - limit}" if len(items) > limit else "")


def match(doc: dict[str, Any], names: dict[str, str], lang: str) -> list[Para]:
    """One block per role: name, score and salary on a line, then what matched and what is missing."""
    paras = [Para(f"{t('fit_for', lang)} — {t('salary', lang).lower()} {t(doc['level'], lang)}", "bold")]
    for i, r in enumerate(doc["roles"], 1):
        matched = [
            names.get(s, s) + (f" ({t('via', lang)} {names.get(r['via'][s], r['via'][s])})" if s in r["via"] else "")
            for s in r["matched"]
        ]
        missing = [names.get(s, s) for s in r["missing_required"]]
        paras += [
            Para(""),
            Para(f"{r['name']} ({r['role']})", "bold", f"{i}.", 4, f"{r['score']:.0f}/100  {band_text(r['salary'])}"),
            Para(few(matched, 6), "green", "✓", 4),
            Para(few(missing, 6), "yellow", "✗", 4),
        ]
    return paras


def paths(doc: dict[str, Any], names: dict[str, str], catalog: Any, lang: str, detailed: bool) -> list[Para]:
    """Reconversion paths: one block per target; with ``detailed``, the plan and its trainings."""
    paras = [Para(f"{doc['from_name']} ({doc['from']}) → {t('ai', lang)}", "bold")]
    if doc["unknown"]:
        paras.append(Para(f"{t('unknown', lang)}: {', '.join(doc['unknown'])}", "red"))
    cited: list[str] = []
    for i, p in enumerate(doc["paths"], 1):
        band = p["salary"]
        steps = [f"{s['name']} ({s['hours']} h)" for s in p["steps"]]
        paras += [
            Para(""),
            Para(f"{p['name']} ({p['role']})", "bold", f"{i}.", 4, f"{p['score']:.0f}/100"),
            Para(
                f"{t('transferable', lang)}: " + (", ".join(names.get(s, s) for s in p["transferable"]) or "-"), "green", "✓", 4
            ),
            Para(f"{t('to_learn', lang)}: " + (", ".join(steps) or t("nothing", lang)), "yellow", "→", 4),
            Para(
                f"{t('fit', lang).capitalize()} {p['fit']:.0f}/100 · "
                + t("duration_line", lang, hours=p["hours"], weeks=p["weeks"], hpw=p["hours_per_week"])
                + (f" · {t('salary', lang)} junior {band_text(band)} ({band['source']}, {band['year']})" if band else ""),
                "",
                "",
                4,
            ),
        ]
        if not detailed:
            continue
        for n, s in enumerate(p["steps"], 1):
            refs = []
            for tid in s["trainings"]:
                if tid not in cited:
                    cited.append(tid)
                refs.append(f"[{cited.index(tid) + 1}]")
            why = {"level": f" ({t('level_up', lang)})", "prerequisite": f" ({t('prerequisite', lang)})"}
            paras.append(
                Para(
                    f"{s['name']}{why.get(s['reason'], '')} — {s['hours']} h"
                    + (f" · {t('trainings', lang).lower()} {' '.join(refs)}" if refs else ""),
                    "",
                    f"{n}.",
                    8,
                )
            )
        funding = [catalog.funding[f].name.get(lang) for f in p["funding"] if f in catalog.funding]
        if funding:
            paras.append(Para(f"{t('funding', lang)}: " + "; ".join(funding), "", "€", 4))
    if cited:
        paras += [Para(""), Para(t("trainings_suggested", lang), "bold")]
        paras += [Para(training_label(catalog, tid, lang), "", f"[{k}]", 6) for k, tid in enumerate(cited, 1)]
    paras += [Para(""), Para(t("path_footer", lang) + ("" if detailed else " " + t("path_more", lang)), "dim")]
    return paras


def training_label(catalog: Any, tid: str, lang: str) -> str:
    """'Name — provider, type, 12 wk, 7 900 €, CPF, RNCP36403 (source, year)'."""
    tr = catalog.trainings.get(tid)
    if tr is None:
        return tid
    bits = [tr.provider, tr.type]
    if tr.duration_weeks:
        bits.append(f"{tr.duration_weeks:g} {t('weeks_short', lang)}")
    if tr.duration_hours:
        bits.append(f"{tr.duration_hours} h")
    if tr.price_eur is not None:
        bits.append(f"{tr.price_eur:,} €".replace(",", " ") if tr.price_eur else t("free", lang))
    if tr.cpf:
        bits.append("CPF")
    if tr.rncp:
        bits.append(tr.rncp)
    return f"{tr.name.get(lang)} — {', '.join(bits)} ({tr.source}, {tr.year or '-'})"


def bar(low: int, high: int, top: int, width: int = 20) -> str:
    """A band drawn on a 0..top scale: '   ████████      '."""
    if top <= 0:
        return " " * width
    start = min(width - 1, round(low / top * width))
    end = max(start + 1, round(high / top * width))
    return (" " * start + "█" * (end - start)).ljust(width)


def scales(rows: list[dict[str, Any]]) -> dict[str, int]:
    """The shared scale of each currency: the highest band top."""
    out: dict[str, int] = {}
    for b in rows:
        out[b["currency"]] = max(out.get(b["currency"], 0), b["max"])
    return out


def salaries(
    rows: list[dict[str, Any]], role_names: dict[str, str], lang: str, bars: bool = True, headers: bool = True
) -> list[Para]:
    """Bands grouped by role, each drawn on one scale per currency so that roles compare at a glance."""
    rows = [b for b in rows if b]
    top = scales(rows)
    paras: list[Para] = []
    if bars and rows and headers:
        scale = ", ".join(f"0-{band_text({'min': v, 'max': v, 'currency': c})}" for c, v in top.items())
        paras.append(Para(t("salary_scale", lang, scale=scale), "dim"))
        paras.append(Para(t("salary_legend", lang), "dim"))
    current = None
    for b in rows:
        if b["role"] != current and headers:
            paras += [Para(""), Para(f"{role_names.get(b['role'], b['role'])} ({b['role']})", "bold")]
        current = b["role"]
        label = f"{b['region'].upper()} {t(b['level'] + '_short', lang)}"
        drawn = f"▕{bar(b['min'], b['max'], top[b['currency']])}▏ " if bars else ""
        basis = t(f"basis_{b['basis']}_short", lang)
        paras.append(Para(f"{label:<14}{band_text(b):>13} {drawn}{basis} · {b['source']} ({b['year']})", "", "", 8, first=2))
        if b.get("note"):
            paras.append(Para(b["note"], "dim", "", 8))
    return paras


def gap(doc: dict[str, Any], lang: str) -> list[Para]:
    """Matched skills with the input behind each, what is missing in learning order, the pay."""
    names = doc["names"]
    paras = [Para(f"{doc['name']} ({doc['role']})", "bold", "", 0, f"{t('score', lang)} {doc['score']:.0f}/100")]
    for m in doc["matched"]:
        via = f" ← {m['input']}" if m["input"] else ""
        kind = t("req_one", lang) if m["required"] else t("opt_one", lang)
        paras.append(Para(f"{m['name']} ({kind}){via}", "green", "✓", 4))
    for g in doc["level_gaps"]:
        paras.append(
            Para(f"{names.get(g['skill'], g['skill'])}: {t('level', lang).lower()} {g['have']} → {g['need']}", "yellow", "↑", 4)
        )
    if doc["missing_required"]:
        paras += [Para(""), Para(f"{t('missing_required', lang)} ({t('learning_order', lang)})", "bold")]
        paras += [Para(names.get(s, s), "yellow", f"{i}.", 4) for i, s in enumerate(doc["missing_required"], 1)]
    if doc["missing_optional"]:
        paras += [
            Para(""),
            Para(t("missing_optional", lang), "bold"),
            Para(", ".join(names.get(s, s) for s in doc["missing_optional"]), "dim", "", 4),
        ]
    paras += [Para(""), Para(f"{t('salary', lang)} ({t('gross_annual', lang)})", "bold")]
    paras += salaries(doc["salaries"], {doc["role"]: doc["name"]}, lang, headers=False)
    return paras


def quantity(value: float, unit: str, lang: str) -> str:
    """140000 jobs -> '140 000 emplois'; 38 percent -> '38 %'; 60.7 usd-billion -> '60,7 Md$'."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    number = number.replace(",", " ")
    if lang == "fr":
        number = number.replace(".", ",")
    units = {"percent": "%", "usd": "$", "eur": "€", "usd-billion": "Md$" if lang == "fr" else "bn $"}
    if unit in units:
        word = units[unit]
    elif unit in _WORDS:
        word = t(f"unit_{unit}", lang)
    else:
        word = unit
    return f"{number} {word}"


_WORDS = {"jobs", "workers", "score"}


def market(rows: list[dict[str, Any]], lang: str) -> list[Para]:
    """Each figure on a line, with its scope, source and year beneath."""
    paras: list[Para] = []
    for r in rows:
        paras += [
            Para(f"{quantity(r['value'], r['unit'], lang)} — {r['label']}", "bold", "•", 2),
            Para(f"{r['scope'] + ' · ' if r['scope'] else ''}{r['source']} ({r['year']})", "dim", "", 4),
        ]
    return paras

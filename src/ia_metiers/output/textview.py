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

    parts: list[Group | Table | Text] = []
    for p in paras:
        if not p.text and not p.mark:
            parts.append(Text(""))
            continue
        grid = Table.grid(expand=bool(p.right), padding=(0, 1))
        grid.add_column(width=max(p.margin - 1, 1), justify="right", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")
        cells: list[Text | str] = [Text(p.mark, style=p.style), Text(p.text, style=p.style)]
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


def profile_block(doc: dict[str, Any], lang: str, *, assumed_title: str = "assumed") -> list[Para]:
    """What the person has, their own words first: typed skills, skills read in a text (with the
    phrase each came from), skills assumed from the job, and what was set aside and why."""
    paras: list[Para] = []
    typed = [h for h in doc["profile"] if h["source"] == "stated"]
    if typed and (doc["assumed"] or doc["evidence"]):
        paras.append(Para(f"{t('stated', lang)}: " + ", ".join(f"{h['name']} ({h['level']})" for h in typed), "", "•", 2))
    if doc["evidence"]:
        paras.append(Para(t("detected", lang), "bold"))
        for e in doc["evidence"]:
            lvl = f" — {t('level', lang).lower()} {e['level']}" if e["level"] != 2 else ""
            paras.append(Para(f"{e['name']} ← « {e['phrase']} »{lvl}", "green", "✓", 4))
    if doc["assumed"]:
        paras.append(
            Para(f"{t(assumed_title, lang)}: " + ", ".join(f"{h['name']} ({h['level']})" for h in doc["assumed"]), "dim", "•", 2)
        )
    aside = [i for i in doc["ignored"] if i["reason"] not in ("overridden",)]
    if aside:
        items = []
        for i in aside:
            what = f"« {i['phrase']} »" if i["phrase"] else (i["skill"] or "")
            if i["reason"] == "removed":
                what = i["skill"] or what
            items.append(f"{what} ({t('reason_' + i['reason'], lang)})")
        paras.append(Para(f"{t('set_aside', lang)}: " + "; ".join(items), "dim", "•", 2))
    if paras:
        paras.append(Para(""))
    return paras


def education_text(r: dict[str, Any], lang: str) -> str:
    """'Bac+3 à Bac+5', 'Bac+8'; with a flag when above the person's diploma."""
    edu = r.get("education")
    if not edu:
        return ""
    span = f"Bac+{edu['min']}" if edu["min"] == edu["max"] else t("bac", lang, min=edu["min"], max=edu["max"])
    return span


def reach_para(r: dict[str, Any], diploma: int | None, lang: str) -> Para | None:
    if r.get("within_reach") is not False or diploma is None:
        return None
    routes = r.get("entry_routes") or []
    text = t("above_diploma", lang, have=diploma, min=r["education"]["min"])
    if routes:
        text += " — " + routes[0]
    return Para(text, "red", "!", 4)


def match(doc: dict[str, Any], names: dict[str, str], lang: str) -> list[Para]:
    """One block per role: name, score and salary on a line, then what matched and what is missing."""
    paras = profile_block(doc, lang)
    paras.append(Para(f"{t('fit_for', lang)} — {t('salary', lang).lower()} {t(doc['level'], lang)}", "bold"))
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
        if r.get("education"):
            paras.append(Para(f"{t('education_short', lang)}: {education_text(r, lang)}", "dim", "", 4))
        flag = reach_para(r, doc.get("diploma"), lang)
        if flag:
            paras.append(flag)
    return paras


def paths(doc: dict[str, Any], names: dict[str, str], catalog: Any, lang: str, detailed: bool) -> list[Para]:
    """Reconversion paths: what the person has, then one block per target; with ``detailed``, the
    plan step by step, trainings in proportion, funding for the person's status and next steps."""
    origin = f"{doc['from_name']} ({doc['from']})" if doc["from"] else t("from_none", lang)
    paras = [Para(f"{origin} → {t('ai', lang)}", "bold")]
    pay = doc.get("from_pay")
    if pay:
        basis = f", {t('estimate', lang)}" if pay["basis"] == "estimate" else ""
        paras.append(Para(f"{t('from_pay', lang)}: {band_text(pay)} ({pay['source']}, {pay['year']}{basis})", "dim", "", 0))
    paras += profile_block(doc, lang)
    if doc["unknown"]:
        paras.append(Para(f"{t('unknown', lang)}: {', '.join(doc['unknown'])}", "red"))
    cited: list[str] = []
    briefs: dict[str, dict[str, Any]] = {}
    if paras[-1].text == "" and not paras[-1].mark:
        paras.pop()
    for i, p in enumerate(doc["paths"], 1):
        band = p["salary"]
        for b in p["trainings"]:
            briefs[b["id"]] = b
        steps = [
            f"{s['name']} ({s['from_level']}→{s['to_level']}, {s['hours']} h)"
            if s["reason"] == "level"
            else f"{s['name']} ({s['hours']} h)"
            for s in p["steps"]
        ]
        paras += [
            Para(""),
            Para(f"{p['name']} ({p['role']})", "bold", f"{i}.", 4, f"{t('path_score', lang)} {p['score']:.0f}/100"),
            Para(
                f"{t('transferable', lang)}: " + (", ".join(names.get(s, s) for s in p["transferable"]) or "-"), "green", "✓", 4
            ),
            Para(f"{t('to_learn', lang)}: " + (", ".join(steps) or t("nothing", lang)), "yellow", "→", 4),
            Para(
                t("duration_line", lang, hours=p["hours"], weeks=p["weeks"], hpw=p["hours_per_week"])
                + (
                    f" · {t('salary', lang)} {t(doc.get('level', 'junior'), lang).lower()} {band_text(band)}"
                    f" ({band['source']}, {band['year']})"
                    if band
                    else ""
                )
                + (f" · {t('education_short', lang)} {education_text(p, lang)}" if p.get("education") else ""),
                "",
                "",
                4,
            ),
        ]
        flag = reach_para(p, doc.get("diploma"), lang)
        if flag:
            paras.append(flag)
        if not detailed:
            opened = [f["name"] for f in p["funding_detail"] if f["open"] is True]
            if opened:
                paras.append(Para(f"{t('funding_open', lang)}: " + "; ".join(opened), "", "€", 4))
            continue

        def ref(tid: str) -> str:
            if tid not in cited:
                cited.append(tid)
            return f"[{cited.index(tid) + 1}]"

        for n, s in enumerate(p["steps"], 1):
            refs = [ref(tid) for tid in s["trainings"]]
            why = {
                "level": f" ({t('level_up', lang)} {s['from_level']} → {s['to_level']})",
                "prerequisite": f" ({t('prerequisite', lang)})",
            }
            paras.append(
                Para(
                    f"{s['name']}{why.get(s['reason'], '')} — {s['hours']} h"
                    + (f" · {t('trainings', lang).lower()} {' '.join(refs)}" if refs else ""),
                    "",
                    f"{n}.",
                    8,
                )
            )
        if p["programmes"]:
            paras.append(Para(f"{t('programmes', lang)}: " + " ".join(ref(x) for x in p["programmes"]), "", "◆", 4))
        open_routes = [f for f in p["funding_detail"] if f["open"] is True]
        maybe = [f for f in p["funding_detail"] if f["open"] is None]
        if open_routes:
            paras.append(Para(f"{t('funding_open', lang)}: " + "; ".join(f["name"] for f in open_routes), "", "€", 4))
        if maybe:
            maybe_text = "; ".join(
                f["name"] + (" (" + ", ".join(t("who_" + w, lang) for w in f["who"]) + ")" if f["who"] else "") for f in maybe
            )
            paras.append(Para(f"{t('funding_maybe', lang)}: {maybe_text}", "", "€", 4))
        closed = [f for f in p["funding_detail"] if f["open"] is False]
        if closed:
            reasons = "; ".join(f"{f['name']} ({t('closed_' + f['why'], lang)})" for f in closed)
            paras.append(Para(f"{t('funding_closed', lang)}: {reasons}", "dim", "", 4))
        paras += next_steps(p, lang)
    if not detailed and doc["paths"]:
        paras += next_steps(doc["paths"][0], lang)
    if cited:
        paras += [Para(""), Para(t("trainings_suggested", lang), "bold")]
        paras += [Para(training_text(briefs[tid], lang), "", f"[{k}]", 6) for k, tid in enumerate(cited, 1)]
    paras += [Para(""), Para(t("score_line", lang) + ("" if detailed else " " + t("path_more", lang)), "dim")]
    return paras


def next_steps(p: dict[str, Any], lang: str) -> list[Para]:
    """'Et maintenant ?': advice and immersion steps open to the person, then portfolio projects."""
    if not (p["next_steps"] or p["projects"]):
        return []
    paras = [Para(""), Para(t("next_steps", lang), "bold", "", 0)]
    for k, step in enumerate(p["next_steps"], 1):
        paras.append(Para(f"{step['name']} — {step['url'] or step['source']}", "", f"{k}.", 4))
    if p["projects"]:
        k = len(p["next_steps"]) + 1
        paras.append(Para(f"{t('portfolio', lang)} — {p['name']}: " + " · ".join(p["projects"]), "", f"{k}.", 4))
    return paras


def training_text(b: dict[str, Any], lang: str) -> str:
    """'Name — provider, type, 12 wk, 7 900 €, CPF, RNCP36403, online, fr, URL (source, year)'."""
    bits = [b["provider"], b["type"]]
    if b["duration_weeks"]:
        bits.append(f"{b['duration_weeks']:g} {t('weeks_short', lang)}")
    if b["duration_hours"]:
        bits.append(f"{b['duration_hours']} h")
    if b["price_eur"] is not None:
        bits.append(f"{b['price_eur']:,} €".replace(",", " ") if b["price_eur"] else t("free", lang))
    if b["cpf"]:
        bits.append("CPF")
    if b["certification"]:
        bits.append(b["certification"])
    if b["modality"]:
        bits.append(b["modality"])
    if b["language"]:
        bits.append(b["language"])
    if b["url"]:
        bits.append(b["url"])
    return f"{b['name']} — {', '.join(bits)} ({b['source']}, {b['year'] or '-'})"


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
    paras = profile_block(doc, lang)
    paras.append(Para(f"{doc['name']} ({doc['role']})", "bold", "", 0, f"{t('score', lang)} {doc['score']:.0f}/100"))
    if doc.get("education"):
        paras.append(Para(f"{t('education_short', lang)}: {education_text(doc, lang)}", "dim", "", 0))
    flag = reach_para(doc, doc.get("diploma"), lang)
    if flag:
        paras.append(flag)
    leveled = {g["skill"] for g in doc["level_gaps"]}
    for m in doc["matched"]:
        if m["skill"] in leveled:
            continue
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
    units = {
        "percent": "%",
        "usd": "$",
        "eur": "€",
        "usd-billion": "Md$" if lang == "fr" else "bn $",
        "eur-billion": "Md€" if lang == "fr" else "bn €",
    }
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

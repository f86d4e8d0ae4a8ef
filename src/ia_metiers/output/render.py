"""The human view of every advising command, on Rich: tables and grids that fit 60-120 columns.

Renderers take a typed result (``core.results``) and never the catalogue. Words are never cut:
a table is used only when each column can hold its longest word, otherwise the same records are
stacked; a number and its unit are joined by a no-break space that wrapping respects.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import rich._wrap
from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ia_metiers.core.results import (
    Band,
    CompareResult,
    Education,
    GapResult,
    MatchResult,
    PathResult,
    PathRow,
    ProfileView,
    RoleResult,
    SalariesResult,
    TrainingBrief,
)
from ia_metiers.output.messages import t

NB = "\u00a0"  # joins a number to its unit: "120 h", "42 k€"
# Rich wraps at any Unicode space, the no-break space included; wrap at ASCII spaces only.
if hasattr(rich._wrap, "re_word"):
    rich._wrap.re_word = re.compile(r"[ \t\n\r\f\v]*[^ \t\n\r\f\v]+[ \t\n\r\f\v]*")


# ---------------------------------------------------------------- small texts


def money(amount: float, currency: str, lang: str = "fr") -> str:
    """42000 EUR -> '42 k€' (27600 -> '27,6 k€' in French); 156000 USD -> '$156k'; a day rate of 550 -> '550 €'."""
    if amount < 5000:
        return f"{amount:g}{NB}€" if currency == "EUR" else f"${amount:g}"
    k = amount / 1000
    shown = f"{k:.0f}" if k == int(k) else f"{k:.1f}"
    if lang == "fr":
        shown = shown.replace(".", ",")
    return f"{shown}{NB}k€" if currency == "EUR" else f"${shown}k"


def band_text(b: Band | None, lang: str = "fr") -> str:
    if b is None:
        return "-"
    low, high = money(b.min, b.currency, lang), money(b.max, b.currency, lang)
    span = low if b.min == b.max else f"{low}-{high}"
    return span + (f"{NB}/{NB}{t('day', lang)}" if b.unit == "day" else "")


_GLUE = re.compile(r"(?<=\d) (?=\d{3}\b)|(?<=\d) (?=(?:k€|€|%|h|ans|mois|semaines|jours|M€|Md€|\$)(?!\w))")


def glue(text: str) -> str:
    """Prose with its numbers kept whole: '60 000 €' and '120 h' never split across lines."""
    return _GLUE.sub(NB, text)


def hours(n: float) -> str:
    return f"{n:g}{NB}h"


def few(items: Sequence[str], limit: int = 6) -> str:
    """At most ``limit`` items, then '+N'; '-' for none."""
    if not items:
        return "-"
    shown = ", ".join(items[:limit])
    return shown + (f" +{len(items) - limit}" if len(items) > limit else "")


def education_text(edu: Education | None, lang: str) -> str:
    if edu is None:
        return "-"
    return f"Bac+{edu.min}" if edu.min == edu.max else t("bac", lang, min=edu.min, max=edu.max)


def education_span(edu: Education | None) -> str:
    """'Bac+3-5': the role's usual education in a narrow cell."""
    if edu is None:
        return "-"
    return f"Bac+{edu.min}" if edu.min == edu.max else f"Bac+{edu.min}-{edu.max}"


def reach_flag(within: bool | None, edu: Education | None, diploma: int | None, routes: list[str], lang: str) -> Text | None:
    """'! Au-dessus de votre diplôme...' when the role usually asks more than the person has."""
    if within is not False or diploma is None or edu is None:
        return None
    text = t("above_diploma", lang, have=diploma, min=edu.min) + (f" — {routes[0]}" if routes else "")
    return Text(f"! {text}", style="red")


def quantity(value: float, unit: str, lang: str) -> str:
    """140000 jobs -> '140 000 emplois'; 38 percent -> '38 %'; 60.7 usd-billion -> '60,7 Md$'."""
    number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    number = number.replace(",", NB)
    if lang == "fr":
        number = number.replace(".", ",")
    units = {
        "percent": "%",
        "usd": "$",
        "eur": "€",
        "usd-billion": "Md$" if lang == "fr" else "bn $",
        "eur-billion": "Md€" if lang == "fr" else "bn €",
    }
    word = units.get(unit) or (t(f"unit_{unit}", lang) if unit in ("jobs", "workers", "score") else unit)
    return f"{number}{NB}{word}"


def bar(low: float, high: float, top: float, width: int = 20) -> str:
    """A band drawn on a 0..top scale."""
    if top <= 0:
        return " " * width
    start = min(width - 1, round(low / top * width))
    end = max(start + 1, round(high / top * width))
    return (" " * start + "█" * (end - start)).ljust(width)


# ---------------------------------------------------------------- records


@dataclass
class Column:
    header: str
    numeric: bool = False  # right-aligned, never wrapped
    optional: bool = False  # dropped first when the width is short
    style: str = ""


@dataclass
class Records:
    """Rows shown as a table when every column can hold its longest word, else stacked
    (the first cell as a heading, the others as 'header: value' lines)."""

    columns: list[Column]
    rows: list[list[Text | str]] = field(default_factory=list)
    title: str | None = None
    head: int = 1  # cells that make a record's heading when stacked
    GAP = 3  # padding on both sides and the column divider

    def add(self, *cells: Text | str) -> None:
        self.rows.append(list(cells))

    def _least(self, i: int) -> int:
        """The narrowest the column can be without cutting a word (numbers: whole, header too)."""
        col = self.columns[i]
        cells = [_plain(r[i]) for r in self.rows]
        if col.numeric:
            return max([len(col.header), *(len(line) for c in cells for line in c.split("\n"))])
        words = [len(w) for c in cells for w in re.split(r"[ \n]", c)]
        return max(max((len(w) for w in col.header.split(" ")), default=1), max(words, default=1))

    def _natural(self, i: int) -> int:
        cells = [_plain(r[i]) for r in self.rows]
        return max([len(self.columns[i].header), *(len(line) for c in cells for line in c.split("\n"))])

    def widths(self, width: int | None) -> tuple[list[int], list[int]] | None:
        """The columns kept (optional ones dropped first) and their widths, None when even the
        required columns cannot hold their longest word in ``width``; None width: natural widths."""
        keep = list(range(len(self.columns)))
        if width is None:
            return keep, [self._natural(i) for i in keep]
        while sum(self._least(i) for i in keep) + self.GAP * (len(keep) - 1) > width:
            optional = [i for i in keep if self.columns[i].optional]
            if not optional:
                return None
            keep.remove(optional[-1])
        sizes = [self._least(i) for i in keep]
        natural = [self._natural(i) for i in keep]
        spare = width - sum(sizes) - self.GAP * (len(keep) - 1)
        while spare > 0:  # widen the tallest column (most lines for its longest cell), a character at a time
            wanting = [k for k in range(len(keep)) if sizes[k] < natural[k]]
            if not wanting:
                break
            tallest = max(wanting, key=lambda k: natural[k] / sizes[k])
            sizes[tallest] += 1
            spare -= 1
        return keep, sizes

    def table(self, width: int | None = None) -> Table:
        """The records as a table (every column, natural widths, when ``width`` is None)."""
        # one column of slack: Rich versions differ by a character in how they pad a table's edge
        keep, sizes = self.widths(width - 1 if width else None) or self.widths(None) or ([], [])
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=(0, 1), expand=False)
        for i, size in zip(keep, sizes, strict=True):
            col = self.columns[i]
            table.add_column(
                col.header,
                justify="right" if col.numeric else "left",
                no_wrap=col.numeric,
                width=size,
                style=col.style or None,
                overflow="fold",
            )
        for row in self.rows:
            table.add_row(*[_text(row[i]) for i in keep])
        return table

    def stacked(self) -> Iterator[RenderableType]:
        """Each record as a heading (its first ``head`` cells) over 'header value' lines."""
        for row in self.rows:
            yield Text(" ").join(_text(c, "bold") for c in row[: self.head])
            grid = Table.grid(padding=(0, 1))
            grid.add_column(no_wrap=True, style="dim")
            grid.add_column(ratio=1)
            for col, cell in zip(self.columns[self.head :], row[self.head :], strict=False):
                if _plain(cell).strip():
                    grid.add_row(f"  {col.header}", _text(cell))
            yield grid

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        if self.title:
            yield Text(self.title, style="bold")
        if self.widths(options.max_width - 1) is not None:
            yield self.table(options.max_width)
        else:
            yield from self.stacked()


def _plain(cell: Text | str) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _text(cell: Text | str, style: str = "") -> Text:
    return cell if isinstance(cell, Text) else Text(cell, style=style)


def pairs(items: Iterable[tuple[str, Text | str]]) -> Table:
    """A label/value grid: labels never wrap, values wrap at word boundaries."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1)
    for label, value in items:
        grid.add_row(Text(label, style="bold"), _text(value))
    return grid


# ---------------------------------------------------------------- profile


def profile_block(p: ProfileView, lang: str, *, with_stated: bool = True) -> list[RenderableType]:
    """What the person has, their own words first: typed skills, skills read in a text (with the
    phrase each came from), skills assumed from the job, what was set aside and why."""
    out: list[RenderableType] = []
    rows: list[tuple[str, Text | str]] = []
    stated = p.stated
    if stated and with_stated and (p.assumed or p.evidence):
        rows.append((t("stated", lang), ", ".join(f"{h.name.get(lang)}{NB}({h.level})" for h in stated)))
    if p.assumed:
        rows.append((t("assumed", lang), Text(", ".join(f"{h.name.get(lang)}{NB}({h.level})" for h in p.assumed), "dim")))
    aside = []
    for i in p.ignored:
        if i.reason == "overridden":
            continue
        what = (i.skill or i.phrase) if i.reason == "removed" else (f"« {i.phrase} »" if i.phrase else (i.skill or ""))
        hint = f" → {', '.join(i.suggestions)} ?" if i.suggestions and i.reason in ("unknown", "vague") else ""
        aside.append(f"{what} ({t('reason_' + i.reason, lang)}{hint})")
    if p.evidence:
        found = Records([Column(t("skill", lang), style="green"), Column(t("phrase", lang)), Column(t("level", lang), True)])
        for e in p.evidence:
            found.add(e.name.get(lang), f"« {e.phrase} »", str(e.level))
        found.title = t("detected", lang)
        out.append(found)
    if aside:
        rows.append((t("set_aside", lang), Text("; ".join(aside), "dim")))
    if rows:
        out.append(pairs(rows))
    return out


# ---------------------------------------------------------------- match


def match(res: MatchResult) -> Group:
    """The roles ranked: score, what matched, what is missing, pay at the chosen level, education."""
    lang = res.lang

    def name(sid: str) -> str:
        return res.names[sid].get(lang) if sid in res.names else sid

    recs = Records(
        [
            Column("#", numeric=True),
            Column(t("role", lang)),
            Column(t("score", lang), numeric=True),
            Column(t("matched", lang), style="green"),
            Column(t("to_learn", lang), style="yellow"),
            Column(t("salary", lang), numeric=True),
        ],
        title=f"{t('fit_for', lang)} — {t('salary', lang).lower()} {t(res.level, lang)}",
        head=2,
    )
    flags: list[RenderableType] = []
    for i, r in enumerate(res.roles, 1):
        matched = [name(s) + (f" ({t('via', lang)} {name(r.via[s])})" if s in r.via else "") for s in r.matched]
        title = Text.assemble((r.name.get(lang), "bold"), f" ({r.role})\n", (education_text(r.education, lang), "dim"))
        flag = reach_flag(r.within_reach, r.education, res.diploma, r.entry_routes.get(lang) if r.entry_routes else [], lang)
        if flag is not None:
            title.append(" !", style="red")
            flags.append(Text.assemble(f"{i}. {r.name.get(lang)} ", flag))
        recs.add(
            f"{i}.",
            title,
            f"{r.score:.0f}",
            few(matched, 4),
            few([name(s) for s in r.missing_required], 4),
            band_text(r.salary, lang),
        )
    person = profile_block(res.person, lang)
    parts = [*person, *([Text("")] if person else []), recs, *flags]
    return Group(*parts)


# ---------------------------------------------------------------- gap


def scales(bands: Sequence[Band]) -> dict[tuple[str, str], float]:
    """The top of each (currency, unit) scale: bars of one scale compare at a glance."""
    top: dict[tuple[str, str], float] = {}
    for b in bands:
        top[(b.currency, b.unit)] = max(top.get((b.currency, b.unit), 0), b.max)
    return top


def salary_records(bands: Sequence[Band], lang: str, top: dict[tuple[str, str], float] | None = None) -> list[RenderableType]:
    """Bands as a table, each drawn on one scale per currency and unit; notes as numbered footnotes."""
    top = top or scales(bands)
    recs = Records(
        [
            Column(t("level", lang)),
            Column(t("region", lang)),
            Column(t("salary", lang), numeric=True),
            Column("0 ━━ max", numeric=True, optional=True, style="cyan"),
            Column(t("basis", lang), optional=True),
            Column(t("source", lang)),
        ]
    )
    notes: list[str] = []
    for b in bands:
        note = b.note.get(lang) if b.note else None
        mark = ""
        if note:
            notes.append(note)
            mark = f" [{len(notes)}]"
        area = {"idf": "IdF", "regions": t("regions", lang)}.get(b.area or "", "")
        region = t(b.region, lang) + (f" {area}" if area else "") + (f" ({t('tjm', lang)})" if b.unit == "day" else "")
        recs.add(
            t(b.level + "_short", lang),
            region,
            band_text(b, lang),
            bar(b.min, b.max, top[(b.currency, b.unit)]),
            t(f"basis_{b.basis}_short", lang),
            f"{b.source} ({b.year}){mark}",
        )
    out: list[RenderableType] = [recs]
    if notes:
        out.append(Text("\n".join(f"[{k}] {glue(n)}" for k, n in enumerate(notes, 1)), style="dim"))
    return out


def gap(res: GapResult) -> Group:
    """Matched skills with the input behind each, level gaps, what is missing in learning order, pay."""
    lang = res.lang

    def name(sid: str) -> str:
        return res.names[sid].get(lang) if sid in res.names else sid

    parts = profile_block(res.person, lang)
    parts.append(
        Text.assemble((f"{res.name.get(lang)} ({res.role})", "bold"), f" — {t('score', lang).lower()} {res.score:.0f}/100")
    )
    parts.append(Text(f"{t('education_short', lang)}: {education_text(res.education, lang)}", style="dim"))
    flag = reach_flag(res.within_reach, res.education, res.diploma, res.entry_routes.get(lang) if res.entry_routes else [], lang)
    if flag is not None:
        parts.append(flag)
    recs = Records(
        [Column("", numeric=True), Column(t("skill", lang)), Column(t("status", lang)), Column(t("detail", lang))], head=2
    )
    leveled = {g.skill for g in res.level_gaps}
    for m in res.matched:
        if m.skill in leveled:
            continue
        kind = t("req_one", lang) if m.required else t("opt_one", lang)
        via = f"← {m.input}" if m.input else ""
        recs.add(Text("✓", "green"), m.name.get(lang), Text(f"{t('have', lang)} ({kind})", "green"), via)
    for g in res.level_gaps:
        up = Text(f"{t('level', lang).lower()} {g.have} → {g.need}", "yellow")
        recs.add(Text("↑", "yellow"), name(g.skill), up, f"≈{NB}{hours(res.hours.get(g.skill, 0))}")
    for k, s in enumerate(res.missing_required, 1):
        todo_one = Text(t("missing_req_one", lang), "yellow")
        recs.add(Text(f"{k}.", "yellow"), name(s), todo_one, f"≈{NB}{hours(res.hours.get(s, 0))}")
    todo = [*res.missing_required, *(g.skill for g in res.level_gaps)]
    if todo:
        total = Text(f"≈{NB}{hours(sum(res.hours.get(s, 0) for s in todo))}", "bold")
        recs.add("", Text(t("total", lang), "bold"), Text(t("learning_order", lang), "dim"), total)
    parts += [Text(""), recs]
    if todo:
        parts.append(Text(t("hours_note", lang), style="dim"))
    if res.missing_optional:
        shown = few([name(s) for s in res.missing_optional], 12)
        parts.append(Text(f"{t('missing_optional', lang)} ({len(res.missing_optional)}): {shown}", style="dim"))
    parts += [Text(""), Text(f"{t('salary', lang)} ({t('gross_annual', lang)})", style="bold")]
    parts += salary_records(res.salaries, lang)
    return Group(*parts)


# ---------------------------------------------------------------- path


def training_text(b: TrainingBrief, lang: str) -> Text:
    """'Name — provider' on a line, then type · duration · price · CPF · certification, then the link
    (or the source when there is none)."""
    length = " / ".join(
        x
        for x in (
            hours(b.duration_hours) if b.duration_hours else "",
            f"{b.duration_weeks:g}{NB}{t('weeks_short', lang)}" if b.duration_weeks else "",
        )
        if x
    )
    if b.price_eur is None:
        price = f"{t('price', lang)}{NB}?"
    else:
        price = t("free", lang) if b.price_eur == 0 else f"{b.price_eur:,.0f}".replace(",", NB) + f"{NB}€"
    cpf = {True: "CPF", False: f"CPF{NB}{t('no', lang)}", None: f"CPF{NB}?"}[b.cpf]
    facts = [b.type, length or f"{t('duration', lang)}{NB}?", price, cpf]
    if b.certification:
        facts.append(b.certification)
    if b.modality:
        facts.append(b.modality)
    where = _link(b.url) if b.url else Text(f"{t('source', lang)}: {b.source} ({b.year or '-'})", "dim")
    return Text.assemble((b.name.get(lang), "bold"), f" — {b.provider}\n", " · ".join(facts), "\n", where)


def _link(url: str) -> Text:
    return Text(url, style=f"link {url}")


def path_block(p: PathRow, res: PathResult, k: int) -> list[RenderableType]:
    """One path: title and score, then what transfers, what to learn, duration, pay and funding."""
    lang = res.lang

    def name(sid: str) -> str:
        return res.names[sid].get(lang) if sid in res.names else sid

    steps = [
        f"{s.name.get(lang)} ({s.from_level}→{s.to_level}, {hours(s.hours)})"
        if s.reason == "level"
        else f"{s.name.get(lang)} ({hours(s.hours)})"
        for s in p.steps
    ]
    facts = [t("duration_line", lang, hours=p.hours, weeks=p.weeks, hpw=p.hours_per_week).replace(" h", f"{NB}h")]
    if p.salary is not None:
        pay = band_text(p.salary, lang)
        facts.append(f"{t('salary', lang)} {t(res.level + '_short', lang)} {pay} ({p.salary.source}, {p.salary.year})")
    rows: list[tuple[str, Text | str]] = [
        ("✓ " + t("transferable", lang), Text(", ".join(name(s) for s in p.transferable) or "-", "green")),
    ]
    if not res.detailed:
        rows.append(("→ " + t("to_learn", lang), Text(", ".join(steps) or t("nothing", lang), "yellow")))
    rows += [
        ("⏱ " + t("duration", lang), " · ".join(facts)),
        ("  " + t("education_short", lang), education_text(p.education, lang)),
    ]
    opened = [f.name.get(lang) for f in p.funding_detail if f.open is True]
    if opened:
        rows.append(("€ " + t("funding_open", lang), "; ".join(opened)))
    out: list[RenderableType] = [
        Text(""),
        Text.assemble((f"{k}. {p.name.get(lang)}", "bold"), f" ({p.role}) — {t('path_score', lang)} {p.score:.0f}/100"),
        pairs(rows),
    ]
    flag = reach_flag(p.within_reach, p.education, res.diploma, p.entry_routes.get(lang) if p.entry_routes else [], lang)
    if flag is not None:
        out.append(flag)
    return out


def path_overview(res: PathResult) -> Records:
    """The paths side by side: score, fit, hours and weeks to learn, pay, education."""
    lang = res.lang
    recs = Records(
        [
            Column("#", numeric=True),
            Column(t("role", lang)),
            Column(t("score", lang), numeric=True),
            Column(t("hours_col", lang), numeric=True),
            Column(t("weeks_col", lang), numeric=True),
            Column(t("salary", lang), numeric=True),
            Column(t("education_short", lang), optional=True),
        ],
        head=2,
    )
    for k, p in enumerate(res.paths, 1):
        name = Text.assemble((p.name.get(lang), "bold"), f" ({p.role})")
        if p.within_reach is False:
            name.append(" !", style="red")
        recs.add(
            f"{k}.",
            name,
            f"{p.score:.0f}",
            hours(p.hours),
            str(p.weeks),
            band_text(p.salary, lang),
            education_span(p.education),
        )
    return recs


def path(res: PathResult) -> Group:
    """Reconversion paths: what the person has, then one block per target; with one target
    (``detailed``), the plan step by step, trainings in proportion, funding and next steps."""
    lang = res.lang
    origin = f"{res.from_name.get(lang)} ({res.origin})" if res.from_name and res.origin else t("from_none", lang)
    parts: list[RenderableType] = [Text(f"{origin} → {t('ai', lang)}", style="bold")]
    if res.from_pay is not None:
        pay = res.from_pay
        basis = f", {t('estimate', lang)}" if pay.basis == "estimate" else ""
        span = f"{money(pay.min, pay.currency, lang)}-{money(pay.max, pay.currency, lang)}"
        parts.append(Text(f"{t('from_pay', lang)}: {span} ({pay.source}, {pay.year}{basis})", style="dim"))
    parts += profile_block(res.person, lang)
    if res.person.unknown:
        parts.append(Text(f"{t('unknown', lang)}: {', '.join(res.person.unknown)}", style="red"))
    cited: list[str] = []
    briefs = {b.id: b for p in res.paths for b in p.trainings}

    def ref(tid: str) -> str:
        if tid not in cited:
            cited.append(tid)
        return f"[{cited.index(tid) + 1}]"

    if not res.detailed and len(res.paths) > 1:
        parts += [Text(""), path_overview(res)]
    for k, p in enumerate(res.paths, 1):
        parts += path_block(p, res, k)
        if not res.detailed:
            continue
        plan = Records(
            [
                Column("#", numeric=True),
                Column(t("to_learn", lang)),
                Column(t("level", lang), numeric=True),
                Column(t("hours_col", lang), numeric=True),
                Column(t("trainings", lang)),
            ],
            title=t("plan", lang),
            head=2,
        )
        for n, s in enumerate(p.steps, 1):
            why = f" ({t('prerequisite', lang)})" if s.reason == "prerequisite" else ""
            plan.add(
                str(n),
                s.name.get(lang) + why,
                f"{s.from_level}→{s.to_level}",
                hours(s.hours),
                " ".join(ref(x) for x in s.trainings) or "-",
            )
        plan.add("", Text(t("total", lang), "bold"), "", Text(hours(p.hours), "bold"), "")
        parts += [Text(""), plan]
        if p.programmes:
            parts.append(Text(f"◆ {t('programmes', lang)}: " + " ".join(ref(x) for x in p.programmes)))
        parts += funding_lines(p, lang)
        parts += next_steps(p, lang)
    if not res.detailed and res.paths:
        parts += next_steps(res.paths[0], lang)
    if cited:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column(ratio=1, overflow="fold")  # only a link longer than the line is folded
        for n, tid in enumerate(cited, 1):
            grid.add_row(f"[{n}]", training_text(briefs[tid], lang))
        parts += [Text(""), Text(t("trainings_suggested", lang), style="bold"), grid]
    parts += [Text(""), Text(t("score_line", lang) + ("" if res.detailed else " " + t("path_more", lang)), style="dim")]
    return Group(*parts)


def funding_lines(p: PathRow, lang: str) -> list[RenderableType]:
    """Funding open to the person, open depending on their status, and closed (with why)."""
    rows: list[tuple[str, Text | str]] = []
    opened = [f for f in p.funding_detail if f.open is True]
    maybe = [f for f in p.funding_detail if f.open is None]
    closed = [f for f in p.funding_detail if f.open is False]
    if opened:
        rows.append(("€ " + t("funding_open", lang), "; ".join(f.name.get(lang) for f in opened)))
    if maybe:
        rows.append(
            (
                "€ " + t("funding_maybe", lang),
                "; ".join(
                    f.name.get(lang) + (" (" + ", ".join(t("who_" + w, lang) for w in f.who) + ")" if f.who else "")
                    for f in maybe
                ),
            )
        )
    if closed:
        rows.append(
            (
                "  " + t("funding_closed", lang),
                Text("; ".join(f"{f.name.get(lang)} ({t('closed_' + f.why, lang)})" for f in closed), "dim"),
            )
        )
    return [Text(""), pairs(rows)] if rows else []


def next_steps(p: PathRow, lang: str) -> list[RenderableType]:
    """'Et maintenant ?': advice and immersion steps open to the person, then portfolio projects."""
    projects = p.projects.get(lang) if p.projects else []
    if not (p.next_steps or projects):
        return []
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column(ratio=1)
    for k, step in enumerate(p.next_steps, 1):
        grid.add_row(f"{k}.", Text.assemble(step.name.get(lang), " — ", _link(step.url) if step.url else step.source))
    if projects:
        grid.add_row(f"{len(p.next_steps) + 1}.", f"{t('portfolio', lang)} — {p.name.get(lang)}: " + " · ".join(projects))
    return [Text(""), Text(t("next_steps", lang), style="bold"), grid]


# ---------------------------------------------------------------- role, compare, salaries, market


def role(res: RoleResult) -> Group:
    """Everything about one role: summary, missions, skills, education, routes, pay, sources."""
    lang = res.lang
    parts: list[RenderableType] = [Text(f"{res.name.get(lang)} ({res.id})", style="bold"), Text(res.summary.get(lang))]
    rows: list[tuple[str, Text | str]] = []
    if res.missions:
        rows.append((t("missions", lang), "\n".join(f"• {m}" for m in res.missions.get(lang))))
    rows.append((t("required", lang), "\n".join(f"• {q.name.get(lang)} ({q.skill}, {q.level})" for q in res.required)))
    if res.optional:
        rows.append((t("optional", lang), ", ".join(q.name.get(lang) for q in res.optional)))
    rows.append((t("education", lang), education_text(res.education, lang)))
    if res.entry_routes:
        rows.append((t("entry_routes", lang), "\n".join(f"• {r}" for r in res.entry_routes.get(lang))))
    if res.sectors:
        rows.append(
            (t("sectors", lang), ", ".join(res.sector_names[s].get(lang) if s in res.sector_names else s for s in res.sectors))
        )
    for key, value in (("demand", res.demand), ("remarks", res.remarks), ("work", res.work)):
        if value:
            rows.append((t(key, lang), value if isinstance(value, str) else value.get(lang)))
    if res.related:
        rows.append((t("related", lang), ", ".join(res.related)))
    if res.trainings:
        rows.append((t("trainings", lang), "\n".join(f"• {res.training_names[x].get(lang)}" for x in res.trainings[:6])))
    rows.append((t("sources", lang), ", ".join(res.sources) or "-"))
    parts += [Text(""), pairs(rows), Text(""), Text(f"{t('salary', lang)} ({t('gross_annual', lang)})", style="bold")]
    parts += salary_records(res.salaries, lang)
    return Group(*parts)


class Comparison:
    """Roles side by side when the width allows (about 22 columns a role), one after another otherwise."""

    def __init__(self, names: list[str], rows: list[tuple[str, list[str]]], legend: str) -> None:
        self.names, self.rows, self.legend = names, rows, legend

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[RenderableType]:
        if options.max_width >= 18 + 22 * len(self.names):
            table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
            table.add_column("", style="bold")
            for name in self.names:
                table.add_column(name, ratio=1)
            for label, cells in self.rows:
                table.add_row(label, *cells)
            yield table
        else:
            for label, cells in self.rows:
                yield Text(label, style="bold")
                for name, cell in zip(self.names, cells, strict=False):
                    yield Text.assemble(("  " + name + ": ", "cyan"), cell.replace("\n", "\n    "))
        yield Text(self.legend, style="dim")


def compare(res: CompareResult) -> Comparison:
    lang = res.lang
    roles = res.roles
    rows: list[tuple[str, list[str]]] = [
        (t("summary", lang), [r.summary.get(lang) for r in roles]),
        (t("required", lang), ["\n".join(("• " if q.shared else "  ") + q.name.get(lang) for q in r.required) for r in roles]),
        (t("education", lang), [education_text(r.education, lang) for r in roles]),
    ]
    top: dict[str, float] = {}
    for national in (x for r in roles for x in r.salaries if x.unit == "year" and x.area is None):
        top[national.currency] = max(top.get(national.currency, 0), national.max)
    for region, level in [("fr", lv) for lv in ("junior", "confirme", "senior")] + [("us", "all")]:
        cells = []
        for r in roles:
            b = next(
                (x for x in r.salaries if x.region == region and x.level == level and x.unit == "year" and x.area is None), None
            )
            cells.append("-" if b is None else band_text(b, lang) + "\n" + bar(b.min, b.max, top[b.currency], 16))
        if any(c != "-" for c in cells):
            rows.append((f"{t('salary', lang)} {t(region, lang)} {t(level, lang)}", cells))
    rows.append((t("trainings", lang), ["\n".join(r.training_names[x].get(lang) for x in r.trainings[:4]) or "-" for r in roles]))
    rows.append(
        (
            t("sectors", lang),
            [", ".join(r.sector_names[s].get(lang) if s in r.sector_names else s for s in r.sectors) or "-" for r in roles],
        )
    )
    return Comparison([r.name.get(lang) for r in roles], rows, f"• {t('shared', lang)}")


def salaries(res: SalariesResult) -> Group:
    """Bands of every role asked, role by role, on one scale per currency, with basis and source."""
    top = scales(res.bands)
    parts: list[RenderableType] = []
    for role_id, name in res.role_names.items():
        bands = [b for b in res.bands if b.role == role_id]
        if bands:
            parts += [Text(f"{name.get(res.lang)} ({role_id})", style="bold"), *salary_records(bands, res.lang, top), Text("")]
    return Group(*parts, Text(t("salary_legend", res.lang), style="dim"))


def salaries_overview(res: SalariesResult) -> Group:
    """Every role on one line: its France annual bands (whole country) by level, their basis and
    sources; areas, day rates, other regions and notes are in the per-role view."""
    lang = res.lang
    levels = ("junior", "confirme", "senior")
    recs = Records(
        [
            Column(t("role", lang)),
            *(Column(t(f"{level}_short", lang), numeric=True) for level in levels),
            Column(f"{t('source', lang)} ({t('basis', lang).lower()})"),
        ],
        head=1,
    )
    for role_id, name in res.role_names.items():
        newest: dict[str, Band] = {}
        for b in sorted((b for b in res.bands if b.role == role_id), key=lambda b: b.year):
            if b.region == "fr" and b.area is None and b.unit == "year":
                newest[b.level] = b
        chosen = [newest.get(level) or newest.get("all") for level in levels]
        shown = [b for b in chosen if b is not None]
        recs.add(
            f"{name.get(lang)} ({role_id})",
            *(band_text(b, lang) if b is not None else "—" for b in chosen),
            ", ".join(dict.fromkeys(f"{b.source}{NB}({b.year},{NB}{t(f'basis_{b.basis}_short', lang)})" for b in shown)),
        )
    return Group(
        recs,
        Text(t("salary_legend", lang), style="dim"),
        Text(t("salaries_detail", lang), style="dim"),
    )


def market(rows: list[dict[str, Any]], lang: str) -> Records:
    """Each figure with its value, scope, source and year."""
    recs = Records(
        [
            Column(t("value", lang), numeric=True),
            Column(t("label", lang)),
            Column(t("scope", lang), optional=True),
            Column(t("source", lang)),
        ]
    )
    for r in rows:
        recs.add(quantity(r["value"], r["unit"], lang), r["label"], r["scope"] or "", f"{r['source']}{NB}({r['year']})")
    return recs


# ---------------------------------------------------------------- listings


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
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=False)
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

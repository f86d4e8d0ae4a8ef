"""The human view of every command: typed results (``core.results``) and listing rows laid out by
``output.layout`` (80 columns first) with the charts of ``output.charts``.

Renderers never read the catalogue and hold no advice: they lay out what a result carries. A
view's layout depends on the width only, never on the language: the first facts of a record in
columns, the others on lines under it. Internal ids and cited sources are marked with style
metadata (``ID``, ``cite``) so that a report for a person can drop the ids and turn each source
into a numbered reference, while the terminal shows them as they are.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.style import Style
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
    RouteRow,
    SalariesResult,
    TrainingBrief,
)
from ia_metiers.output import charts
from ia_metiers.output.layout import NB, Column, Para, Records, Sub, as_text, blank, pairs, para
from ia_metiers.output.messages import plural, t, value_label

ID = Style(dim=True, meta={"kind": "id"})  # an internal id: shown in the terminal, left out of reports
HEADING = Style(bold=True, meta={"kind": "heading"})  # a section's title: a heading in reports


CURATORS = "curator-estimate"  # the source id of the curators' own estimates


def cite(source: str, year: int | None = None, lang: str = "fr") -> Text:
    """A cited source ('seed-001 (2024)'): a numbered reference in reports; the curators' own
    estimates are said in words."""
    if source == CURATORS:
        return Text(t("curator_estimate", lang) + (f"{NB}({year})" if year else ""))
    label = f"{source}{NB}({year})" if year else source
    return Text(label, style=Style(meta={"cite": source}))


def ident(value: str) -> Text:
    """' (data-scientist)': an id after a name."""
    return Text(f" ({value})", style=ID)


def link(url: str) -> Text:
    """A link: a terminal hyperlink where supported, never cut."""
    return Text(url, style=Style(link=url))


# ---------------------------------------------------------------- small texts


def money(amount: float, currency: str, lang: str = "fr") -> str:
    """42000 EUR -> '42 k€' (27600 -> '27,6 k€' in French); 156000 USD -> '$156k'; 550 -> '550 €'."""
    if amount < 5000:
        return f"{amount:g}{NB}€" if currency == "EUR" else f"${amount:g}"
    return f"{_k(amount, lang)}{NB}k€" if currency == "EUR" else f"${_k(amount, lang)}k"


def _k(amount: float, lang: str) -> str:
    k = amount / 1000
    shown = f"{k:.0f}" if k == int(k) else f"{k:.1f}"
    return shown.replace(".", ",") if lang == "fr" else shown


def band_text(b: Band | None, lang: str = "fr") -> str:
    """'35–45 k€', '47 k€', '$120–160k', '450–600 €/jour'."""
    if b is None:
        return "—"
    if b.min == b.max:
        span = money(b.min, b.currency, lang)
    elif b.min < 5000:
        span = f"{b.min:g}–{money(b.max, b.currency, lang)}" if b.currency == "EUR" else f"${b.min:g}–{b.max:g}"
    elif b.currency == "EUR":
        span = f"{_k(b.min, lang)}–{_k(b.max, lang)}{NB}k€"
    else:
        span = f"${_k(b.min, lang)}–{_k(b.max, lang)}k"
    return span + (f"{NB}/{NB}{t('day', lang)}" if b.unit == "day" else "")


def hours(n: float) -> str:
    return f"{n:g}{NB}h"


def few(items: Sequence[str], limit: int = 6) -> str:
    """At most ``limit`` items, then '+N'; '—' for none."""
    if not items:
        return "—"
    shown = ", ".join(items[:limit])
    return shown + (f" +{len(items) - limit}" if len(items) > limit else "")


def education_text(edu: Education | None, lang: str) -> str:
    if edu is None:
        return "—"
    return f"Bac+{edu.min}" if edu.min == edu.max else t("bac", lang, min=edu.min, max=edu.max)


def education_span(edu: Education | None) -> str:
    """'Bac+3–5': the role's usual education in a narrow cell."""
    if edu is None:
        return "—"
    return f"Bac+{edu.min}" if edu.min == edu.max else f"Bac+{edu.min}–{edu.max}"


def reach_flag(within: bool | None, edu: Education | None, diploma: int | None, routes: Sequence[str], lang: str) -> Text | None:
    """'! Au-delà de votre diplôme...' when the role usually asks more than the person has."""
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


def heading(text: str | Text) -> Para:
    """A section's title: bold in the terminal, a heading in reports."""
    return Para(as_text(text, HEADING) if isinstance(text, str) else Text.assemble(text, style=HEADING))


def _names(names: Mapping[str, Any], lang: str) -> Any:
    def name(sid: str) -> str:
        return str(names[sid].get(lang)) if sid in names else sid

    return name


# ---------------------------------------------------------------- charts as cells


class Score:
    """A fit score and its bar out of 100."""

    def __init__(self, value: float) -> None:
        self.value = value

    def measure(self) -> tuple[int, int]:
        return 16, 26

    def lines(self, width: int) -> list[Text]:
        bar = charts.Band(0, self.value, 100, style="green").lines(width - 4)[0]
        return [Text(f"{self.value:>3.0f} ") + Text(bar.plain.replace(charts.LIGHT, ""), style="green")]


def score_header(lang: str) -> str:
    return t("score", lang)


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
        what = (i.skill or i.phrase) if i.reason == "removed" else (f"«{NB}{i.phrase}{NB}»" if i.phrase else (i.skill or ""))
        hint = f" → {', '.join(i.suggestions)}{NB}?" if i.suggestions and i.reason in ("unknown", "vague") else ""
        aside.append(f"{what} ({t('reason_' + i.reason, lang)}{hint})")
    if p.evidence:
        found = Records(
            [Column(t("skill", lang), style="green"), Column(t("phrase", lang)), Column(t("level", lang), numeric=True)],
            title=Text(t("detected", lang), style=HEADING),
        )
        for e in p.evidence:
            found.add(e.name.get(lang), f"«{NB}{e.phrase}{NB}»", str(e.level))
        out.append(found)
    if aside:
        rows.append((t("set_aside", lang), Text("; ".join(aside), "dim")))
    if rows:
        out.append(pairs(rows))
    return out


# ---------------------------------------------------------------- match


def match(res: MatchResult) -> Group:
    """The roles ranked: score and its bar, pay at the chosen level, education; under each, what
    matched and what is missing."""
    lang = res.lang
    name = _names(res.names, lang)
    recs = Records(
        [
            Column("#", numeric=True),
            Column(t("role", lang)),
            Column(score_header(lang), flex=True),
            Column(t("salary", lang), numeric=True),
            Column(t("education_short", lang), wide=70),
        ],
        label_sep=t("colon", lang),
        title=Text(f"{t('fit_for', lang)} — {t('salary', lang).lower()} {t(res.level, lang)}", style=HEADING),
    )
    for i, r in enumerate(res.roles, 1):
        matched = [name(s) + (f" ({t('via', lang)} {name(r.via[s])})" if s in r.via else "") for s in r.matched]
        subs = [Sub(Text("✓ " + few(matched, 6), style="green"), 2)]
        subs.append(Sub(Text("→ " + (few([name(s) for s in r.missing_required], 6) or "—"), style="yellow"), 2))
        flag = reach_flag(r.within_reach, r.education, res.diploma, r.entry_routes.get(lang) if r.entry_routes else [], lang)
        if flag is not None:
            subs.append(Sub(flag, 2))
        recs.add(
            f"{i}.",
            Text.assemble((r.name.get(lang), "bold"), ident(r.role)),
            Score(r.score),
            band_text(r.salary, lang),
            education_span(r.education),
            subs=subs,
        )
    person = profile_block(res.person, lang)
    legend = para(f"✓ {t('matched', lang).lower()}  → {t('missing_req', lang)}", "dim")
    sources = pay_sources([r.salary for r in res.roles], lang)
    return Group(*person, *([blank()] if person else []), recs, legend, *sources)


def pay_sources(bands: Iterable[Band | None], lang: str) -> list[RenderableType]:
    """'Salaires : seed-001 (2024), ...': where the pay figures of a view come from."""
    cited = list(dict.fromkeys((b.source, b.year) for b in bands if b is not None))
    if not cited:
        return []
    text = Text(f"{t('salary_sources', lang)}{t('colon', lang)}", style="dim")
    for k, (source, year) in enumerate(cited):
        text.append_text(Text(", " if k else "", style="dim") + cite(source, year, lang))
    return [Para(text)]


# ---------------------------------------------------------------- salaries


def scale_key(b: Band) -> tuple[str, str, str]:
    return (b.currency, b.unit, b.region if b.currency == "USD" else "")


def scale_unit(b: Band, lang: str) -> str:
    if b.unit == "day":
        return f"€/{t('day', lang)}" if b.currency == "EUR" else f"$/{t('day', lang)}"
    return "k€" if b.currency == "EUR" else "k$"


def salary_chart(bands: Sequence[Band], lang: str, refs: list[Text]) -> Records:
    """Bands of one scale (currency and unit) as rows: level, area, figures, a bar from a common
    zero (light to the band's low end, solid across the band) and a reference to its source and
    note, listed under the charts (``refs``, shared by the charts of one view)."""
    thousands = bands[0].unit == "year"
    div = 1000.0 if thousands else 1.0
    scale_top, step = charts.nice_top(max(b.max for b in bands) / div)
    axis = charts.Axis(scale_top, step, scale_unit(bands[0], lang), lang, least=20, most=40)
    recs = Records(
        [
            Column(t("level", lang)),
            Column(t("region", lang)),
            Column(t("salary", lang), numeric=True),
            Column(axis, flex=True),
            Column(t("source", lang)),
        ]
    )
    for b in bands:
        recs.add(
            t(b.level + "_short", lang),
            t(b.region, lang) + {"idf": " IdF", "regions": f" {t('regions', lang)}"}.get(b.area or "", ""),
            band_text(b, lang),
            charts.Band(b.min / div, b.max / div, scale_top, least=20, most=40),
            ref_mark(band_reference(b, lang), refs),
        )
    return recs


def band_reference(b: Band, lang: str) -> Text:
    """'figures-data-2023 (2023), métier, à revérifier — note': what a band's reference says."""
    note = b.note.get(lang) if b.note else None
    return Text.assemble(
        cite(b.source, b.year, lang), f", {t(f'basis_{b.basis}_short', lang)}", band_age(b, lang), f" — {note}" if note else ""
    )


def band_age(b: Band, lang: str) -> str:
    """', vérifié en 2026-11' when the band has a date of its own, ', à revérifier' past salaries'
    threshold (12 months; counted from the figures' year when there is no date)."""
    said = [t("checked_in", lang, date=b.checked)] if b.checked and b.checked != str(b.year) else []
    said += [t("old_fact", lang)] if b.stale else []
    return "".join(f", {x}" for x in said)


def ref_mark(reference: Text, refs: list[Text]) -> str:
    """'[n]' for ``reference``, added to ``refs`` unless already there."""
    for k, known in enumerate(refs, 1):
        if known.plain == reference.plain:
            return f"[{k}]"
    refs.append(reference)
    return f"[{len(refs)}]"


def references(refs: Sequence[Text]) -> list[RenderableType]:
    """The numbered references under a view's charts."""
    return [Para(_dim(Text(f"[{k}] ") + r), hang=len(f"[{k}] ")) for k, r in enumerate(refs, 1)]


def _dim(text: Text) -> Text:
    text.stylize("dim")
    return text


def salary_blocks(bands: Sequence[Band], lang: str) -> list[RenderableType]:
    """Bands grouped by scale (annual euros, day rates, dollars), each group a chart, then the
    numbered sources and notes."""
    groups: dict[tuple[str, str, str], list[Band]] = {}
    for b in bands:
        groups.setdefault(scale_key(b), []).append(b)
    refs: list[Text] = []
    out: list[RenderableType] = []
    for key, group in groups.items():
        if out:
            out.append(blank())
        if key[1] == "day":
            out.append(para(t("tjm", lang), "dim"))
        out.append(salary_chart(group, lang, refs))
    return [*out, *references(refs)]


def salaries(res: SalariesResult) -> Group:
    """Bands of every role asked, role by role, each on its charts, with basis and source."""
    parts: list[RenderableType] = []
    for role_id, name in res.role_names.items():
        bands = [b for b in res.bands if b.role == role_id]
        if bands:
            parts += [heading(Text.assemble(name.get(res.lang), ident(role_id))), *salary_blocks(bands, res.lang), blank()]
    return Group(*parts, para(t("salary_legend", res.lang), "dim"))


def salaries_overview(res: SalariesResult) -> Group:
    """Every role on one line: its France annual bands (whole country) by level, a reference to
    their sources and, on wide terminals, a bar from the junior low to the senior high on one scale."""
    lang = res.lang
    levels = ("junior", "confirme", "senior")
    chosen_by_role: dict[str, list[Band | None]] = {}
    for role_id in res.role_names:
        newest: dict[str, Band] = {}
        for b in sorted((b for b in res.bands if b.role == role_id), key=lambda b: b.year):
            if b.region == "fr" and b.area is None and b.unit == "year":
                newest[b.level] = b
        chosen_by_role[role_id] = [newest.get(level) or newest.get("all") for level in levels]
    highs = [b.max for bands in chosen_by_role.values() for b in bands if b is not None]
    top, step = charts.nice_top(max(highs, default=1) / 1000)
    recs = Records(
        [
            Column(t("role", lang)),
            *(Column(t(f"{level}_short", lang), numeric=True) for level in levels),
            Column(charts.Axis(top, step, "k€", lang, least=24, most=40), flex=True, wide=120),
            Column(t("source", lang)),
        ]
    )
    refs: list[Text] = []
    for role_id, name in res.role_names.items():
        chosen = chosen_by_role[role_id]
        shown = [b for b in chosen if b is not None]
        marks = []
        for b in shown:
            basis = f", {t(f'basis_{b.basis}_short', lang)}"
            mark = ref_mark(Text.assemble(cite(b.source, b.year, lang), basis, band_age(b, lang)), refs)
            if mark not in marks:
                marks.append(mark)
        low, high = (min(b.min for b in shown), max(b.max for b in shown)) if shown else (0, 0)
        recs.add(
            Text.assemble((name.get(lang), "bold"), ident(role_id)),
            *(band_text(b, lang) if b is not None else "—" for b in chosen),
            charts.Band(low / 1000, high / 1000, top, least=24, most=40),
            NB.join(marks) or "—",
        )
    return Group(recs, *references(refs), para(t("salary_legend", lang), "dim"), para(t("salaries_detail", lang), "dim"))


# ---------------------------------------------------------------- gap


def gap(res: GapResult) -> Group:
    """Matched skills with the input behind each, level gaps, what is missing in learning order
    with its hours, then pay."""
    lang = res.lang
    name = _names(res.names, lang)
    parts: list[RenderableType] = list(profile_block(res.person, lang))
    recs = Records(
        [
            Column("", numeric=True),
            Column(t("skill", lang)),
            Column(t("status", lang)),
            Column(t("hours_col", lang), numeric=True),
        ]
    )
    parts.append(title_line(res, lang))
    parts.append(para(f"{t('education_short', lang)}{t('colon', lang)}{education_text(res.education, lang)}", "dim"))
    flag = reach_flag(res.within_reach, res.education, res.diploma, res.entry_routes.get(lang) if res.entry_routes else [], lang)
    if flag is not None:
        parts.append(Para(flag))
    leveled = {g.skill for g in res.level_gaps}
    for m in res.matched:
        if m.skill in leveled:
            continue
        kind = t("req_one", lang) if m.required else t("opt_one", lang)
        via = f" ← {m.input}" if m.input else ""
        recs.add(Text("✓", "green"), m.name.get(lang), Text(f"{t('have', lang)} ({kind}){via}", "green"), "")
    for g in res.level_gaps:
        up = Text(f"{t('level', lang).lower()} {g.have} → {g.need}", "yellow")
        recs.add(Text("↑", "yellow"), name(g.skill), up, f"≈{NB}{hours(res.hours.get(g.skill, 0))}")
    k = 0
    for st in res.steps:  # the plan of path --to: missing skills and their missing prerequisites
        if st.reason == "level":
            continue
        k += 1
        what = t("prerequisite", lang) if st.reason == "prerequisite" else t("missing_req_one", lang)
        recs.add(Text(f"{k}.", "yellow"), st.name.get(lang), Text(what, "yellow"), f"≈{NB}{hours(st.hours)}")
    if res.steps:
        total = Text(f"≈{NB}{hours(res.total_hours)}", "bold")
        recs.add("", Text(t("total", lang), "bold"), Text(t("learning_order", lang), "dim"), total)
    parts += [blank(), recs]
    if res.steps:
        parts.append(para(t("hours_note", lang), "dim"))
    if res.routes:
        parts.append(para(f"◆ {t('route_first', lang)}{t('colon', lang)}{route_line(res.routes[0], lang)}", "bold"))
    if res.missing_optional:
        shown = few([name(s) for s in res.missing_optional], 12)
        parts.append(para(f"{t('missing_optional', lang)} ({len(res.missing_optional)}){t('colon', lang)}{shown}", "dim"))
    parts += [blank(), heading(f"{t('salary', lang)} ({t('gross_annual', lang)})")]
    parts += salary_blocks(res.salaries, lang)
    return Group(*parts)


def title_line(res: GapResult, lang: str) -> Para:
    """'Data engineer (data-engineer) — score 42/100 ████▏': the role and its score bar."""
    bar = charts.Band(0, res.score, 100, style="green").lines(20)[0]
    score = f" — {t('score', lang).lower()}{NB}{res.score:.0f}/100 "
    return Para(Text.assemble((res.name.get(lang), "bold"), ident(res.role), score, bar, style=HEADING))


# ---------------------------------------------------------------- path


def training_text(b: TrainingBrief, lang: str) -> Text:
    """'Name — provider', then type · duration · price · CPF · certification · modality; what the
    catalogue does not give is said once ('non renseigné'), with where to look."""
    length = " / ".join(
        x
        for x in (
            hours(b.duration_hours) if b.duration_hours else "",
            f"{b.hours_min:g}–{b.hours_max:g}{NB}h" if b.hours_min is not None and b.hours_max is not None else "",
            f"{b.duration_weeks:g}{NB}{t('weeks_short', lang)}" if b.duration_weeks else "",
        )
        if x
    )
    price = None
    if b.price_eur is not None:
        price = t("free", lang) if b.price_eur == 0 else f"{b.price_eur:,.0f}".replace(",", NB) + f"{NB}€"
    elif b.price_min is not None:  # the range of the certification's offers
        low, high = (f"{x:,.0f}".replace(",", NB) for x in (b.price_min, b.price_max if b.price_max is not None else b.price_min))
        price = f"{low}{NB}€" if low == high else f"{low}–{high}{NB}€"
    cpf = {True: "CPF", False: f"CPF{NB}{t('no', lang)}", None: None}[b.cpf]
    facts = [value_label("training_type", b.type, lang)]
    facts += [x for x in (length, price, cpf) if x]
    if b.certification:
        level = f"{NB}niv.{NB}{b.certification_level}" if b.certification_level else ""
        until = f" → {b.certification_until}" if b.certification_until else ""
        facts.append(f"{b.certification}{level}{until}")
    if b.modality:
        facts.append(value_label("modality", b.modality, lang))
    if b.checked:
        facts.append(t("checked_in", lang, date=b.checked) + (f" ({t('old_fact', lang)})" if b.stale else ""))
    missing = [
        w for w, v in ((t("duration_word", lang), length), (t("price_word", lang), price), (t("cpf_word", lang), cpf)) if not v
    ]
    text = Text.assemble((b.name.get(lang), "bold"), f" — {b.provider}\n", " · ".join(facts))
    if missing:
        where = t("ask_provider", lang) + ("" if b.cpf is not None else t("or_mcf", lang))
        text.append(f" · {t('not_given', lang, what=', '.join(missing))} ({where})", style="dim")
    return text


def training_where(b: TrainingBrief, lang: str) -> Text:
    where = b.url or b.certification_url  # a certification's fiche is always linkable
    return link(where) if where else Text.assemble((f"{t('source', lang)}{t('colon', lang)}", "dim"), cite(b.source, b.year))


def path_overview(res: PathResult) -> Records:
    """The paths, best first: score, hours and weeks, pay and education in columns; under each,
    what transfers, what to learn (with hours) and the funding open."""
    lang = res.lang
    name = _names(res.names, lang)
    recs = Records(
        [
            Column("#", numeric=True),
            Column(t("role", lang)),
            Column(score_header(lang), flex=True),
            Column(t("duration", lang), numeric=True),
            Column(t("salary", lang), numeric=True, wide=70),
            Column(t("education_short", lang), wide=100),
        ],
        label_sep=t("colon", lang),
    )
    for k, p in enumerate(res.paths, 1):
        title = Text.assemble((p.name.get(lang), "bold"), ident(p.role))
        if p.weak:
            title.append(f" — {t('weak_match', lang)}", style="red")
        steps = [
            f"{s.name.get(lang)} ({s.from_level}→{s.to_level}, {hours(s.hours)})"
            if s.reason == "level"
            else f"{s.name.get(lang)} ({hours(s.hours)})"
            for s in p.steps
        ]
        subs = [
            Sub(Text("✓ " + (", ".join(name(s) for s in p.transferable) or "—"), "green"), 2),
            Sub(Text("→ " + (", ".join(steps) or t("nothing", lang)), "yellow"), 2),
        ]
        if p.routes:
            subs.append(Sub(Text("◆ " + route_line(p.routes[0], lang)), 2))
        opened = [f.name.get(lang) for f in p.funding_detail if f.open is True]
        if opened:
            subs.append(Sub(Text("€ " + "; ".join(opened)), 2))
        if p.pay_cut:
            subs.append(Sub(Text(f"! {t('pay_cut', lang)}{t('colon', lang)}{t('pay_cut_line', lang)}", "red"), 2))
        flag = reach_flag(p.within_reach, p.education, res.diploma, p.entry_routes.get(lang) if p.entry_routes else [], lang)
        if flag is not None:
            subs.append(Sub(flag, 2))
        recs.add(
            f"{k}.",
            title,
            Score(p.score),
            f"{hours(p.hours)} · {p.weeks}{NB}{t('weeks_short', lang)}",
            band_text(p.salary, lang),
            education_span(p.education),
            subs=subs,
        )
    return recs


def origin_lines(res: PathResult) -> list[RenderableType]:
    lang = res.lang
    if res.from_name and res.origin:
        origin = Text.assemble((res.from_name.get(lang), "bold"), ident(res.origin))
    else:
        origin = Text(t("from_none", lang), style="bold")
    target = ""
    if res.detailed and res.paths:
        target = res.paths[0].name.get(lang)
    parts: list[RenderableType] = [heading(Text.assemble(origin, f" → {target or t('ai', lang)}"))]
    if res.from_title and res.from_source == "document":
        parts.append(Para(Text(t("from_document", lang, text=res.from_title), style="dim")))
    if res.from_title and res.from_match == "approximate":
        parts.append(Para(Text(t("from_approximate", lang, text=res.from_title), style="dim")))
    if res.from_pay is not None:
        pay = res.from_pay
        basis = f", {t('estimate', lang)}" if pay.basis == "estimate" else ""
        span = f"{_k(pay.min, lang)}–{_k(pay.max, lang)}{NB}k€"
        source = cite(pay.source, pay.year, lang)
        basis = "" if pay.source == CURATORS else basis
        parts.append(Para(Text.assemble(f"{t('from_pay', lang)}{t('colon', lang)}{span} — ", source, basis, style="dim")))
    return parts


def path(res: PathResult, today: str | None = None) -> Group:
    """Reconversion paths: what the person has, then the paths side by side; with one target
    (``detailed``), the plan over weeks (ending in a month when ``today`` is given), trainings,
    funding and next steps."""
    lang = res.lang
    parts: list[RenderableType] = origin_lines(res)
    parts += profile_block(res.person, lang)
    if res.person.unknown:
        parts.append(para(f"{t('unknown', lang)}{t('colon', lang)}{', '.join(res.person.unknown)}", "red"))
    if res.weak and res.weak_reason is not None:
        parts += [blank(), para(f"! {res.weak_reason.get(lang)}", "red")]
        if res.first_step is not None:
            parts.append(para(f"→ {t('first_step', lang)}{t('colon', lang)}{route_line(res.first_step, lang)}", "bold"))
    if not res.detailed:
        parts += [blank(), path_overview(res), *pay_sources([p.salary for p in res.paths], lang)]
        if res.paths:
            parts += next_steps(res.paths[0], lang)
        parts += [blank(), para(t("score_line", lang) + " " + t("path_more", lang), "dim")]
        return Group(*parts)
    for p in res.paths:
        parts += plan_block(p, res, today)
    parts += [blank(), para(t("score_line", lang), "dim")]
    return Group(*parts)


def plan_block(p: PathRow, res: PathResult, today: str | None = None) -> list[RenderableType]:
    """One plan: what transfers, duration and pay; the steps over weeks; trainings, funding, next steps."""
    lang = res.lang
    name = _names(res.names, lang)
    facts = [t("duration_line", lang, hours=p.hours, weeks=plural(p.weeks, "week", lang), hpw=p.hours_per_week)]
    rows: list[tuple[str, Text | str]] = [
        ("✓ " + t("transferable", lang), Text(", ".join(name(s) for s in p.transferable) or "—", "green")),
        ("  " + t("duration", lang), glue_units(" · ".join(facts))),
    ]
    if p.salary is not None:
        pay = p.salary
        rows.append(
            (
                "  " + t("salary", lang),
                Text.assemble(
                    f"{t(res.level + '_short', lang)} {band_text(pay, lang)} — ", cite(pay.source, pay.year), band_age(pay, lang)
                ),
            )
        )
    if p.day_rate is not None:
        rate = p.day_rate
        asked = res.level if rate.level in (res.level, "all") else rate.level  # the nearest level's rate says its level
        shown = band_text(rate, lang) + ("" if asked == res.level else f" ({t(asked + '_short', lang)})")
        rows.append(
            ("  " + t("day_rate", lang), Text.assemble(f"{shown} — ", cite(rate.source, rate.year), band_age(rate, lang)))
        )
    if p.pay_cut:
        rows.append(("! " + t("pay_cut", lang), Text(t("pay_cut_line", lang), "red")))
    rows.append(("  " + t("education_short", lang), education_text(p.education, lang)))
    head = f"{t('path_score', lang).capitalize()} {p.score:.0f}/100" + (f" — {t('weak_match', lang)}" if p.weak else "")
    out: list[RenderableType] = [blank(), heading(head), pairs(rows)]
    flag = reach_flag(p.within_reach, p.education, res.diploma, p.entry_routes.get(lang) if p.entry_routes else [], lang)
    if flag is not None:
        out.append(Para(flag))
    cited = list(dict.fromkeys([*(x for s in p.steps for x in s.trainings), *(x for r in p.routes for x in r.trainings[:3])]))
    briefs = {b.id: b for b in p.trainings}

    def ref(tid: str) -> str:
        return f"[{cited.index(tid) + 1}]"

    weeks_top, step = charts.nice_top(max(p.hours / p.hours_per_week, 1))
    plan = Records(
        [
            Column("#", numeric=True),
            Column(t("to_learn", lang)),
            Column(t("level", lang), numeric=True),
            Column(t("hours_col", lang), numeric=True),
            Column(t("trainings", lang)),
            Column(charts.Axis(weeks_top, step, t("weeks_short", lang), lang, least=16, most=40), flex=True),
        ],
        title=Text(t("plan", lang), style=HEADING),
    )
    done = 0.0
    for n, s in enumerate(p.steps, 1):
        why = f" ({t('prerequisite', lang)})" if s.reason == "prerequisite" else ""
        start, done = done, done + s.hours
        plan.add(
            str(n),
            s.name.get(lang) + why,
            f"{s.from_level}→{s.to_level}",
            hours(s.hours),
            " ".join(ref(x) for x in s.trainings) or "—",
            charts.Span(start / p.hours_per_week, done / p.hours_per_week, weeks_top, least=16, most=40),
        )
    plan.add("", Text(t("total", lang), "bold"), "", Text(hours(p.hours), "bold"), "", "")
    out += [blank(), plan]
    when = finish_line(p, res, today)
    if when is not None:
        out.append(Para(when))
    out += route_lines(p, lang, ref)
    if p.rome_moves:
        moves = ", ".join(m.replace(" -> ", "→") for m in p.rome_moves)
        out.append(para(f"ROME{t('colon', lang)}{t('rome_lists_move', lang)} ({moves})"))
    out += next_steps(p, lang)
    if cited:
        out += [blank(), heading(t("trainings_suggested", lang))]
        for n, tid in enumerate(cited, 1):
            mark = f"[{n}] "
            entry = Text.assemble(mark, training_text(briefs[tid], lang), "\n", training_where(briefs[tid], lang))
            out.append(Para(entry, hang=len(mark)))
    return out


def glue_units(text: str) -> str:
    return text.replace(" h", f"{NB}h")


def finish_line(p: PathRow, res: PathResult, today: str | None = None) -> Text | None:
    """'Plan terminé en 14 semaines à 8 h/semaine (vers mars 2027 en commençant maintenant)': the
    timeline's end in words, and in a month when the date is known."""
    lang = res.lang
    if not p.steps:
        return None
    line = Text(t("plan_done", lang, weeks=plural(p.weeks, "week", lang), hpw=f"{p.hours_per_week:g}"), style="bold")
    try:
        start = datetime.date.fromisoformat(today) if today else None
    except ValueError:
        start = None
    if start is not None:
        end = start + datetime.timedelta(weeks=p.weeks)
        line.append(" " + t("plan_done_date", lang, month=t(f"month_{end.month}", lang), year=end.year))
    return line


def route_line(r: RouteRow, lang: str) -> str:
    """'Titre RNCP — Concepteur développeur d'applications (RNCP37873, niveau 6), en apprentissage, ~420 h'."""
    what = t("route_" + r.kind, lang)
    if r.name is None and r.level and r.kind in ("rncp-title", "degree"):
        what += " " + t("to_identify", lang, level=r.level)
    if r.name is not None:
        detail = ", ".join(x for x in (r.code, f"{t('level', lang).lower()} {r.level}" if r.level else None) if x)
        what += f" — {r.name.get(lang)}" + (f" ({detail})" if detail else "")
    facts = [t("way_" + r.way, lang)]
    if r.hours:
        facts.append(("~" if r.hours_basis == "curator-estimate" else "") + hours(r.hours))
    if r.entry == "above":
        facts.append(t("entry_above", lang, level=r.entry_level))
    return glue_units(f"{what}, {', '.join(facts)}")


def route_lines(p: PathRow, lang: str, ref: Callable[[str], str]) -> list[RenderableType]:
    """The qualifying routes, ★ the one to start with, each with why, cost, page and funding."""
    out: list[RenderableType] = [blank(), heading(t("routes", lang))]
    for n, r in enumerate(p.routes, 1):
        mark = f"{'★' if r.first else ' '} {n}. "
        out.append(Para(Text.assemble(mark, (route_line(r, lang), "bold" if r.first else "")), hang=len(mark)))
        rows: list[tuple[str, Text | str]] = [("  " + t("why", lang), r.why.get(lang))]
        if r.way in ("training", "vae"):
            rows.append(("  " + t("cost", lang), price_text(r, lang)))
        if r.trainings:
            rows.append(("  " + t("trainings", lang), " ".join(ref(x) for x in r.trainings[:3])))
        if r.url:
            rows.append(("  " + t("fiche", lang), link(r.url)))
        out.append(pairs(rows))
        out += funding_lines(r, lang)
    return out


def price_text(r: RouteRow, lang: str) -> str:
    """The route's cost: a range, free, or 'non renseigné' with where to look."""
    if r.price_min is None and r.price_max is None:
        where = f" ({t('where_price', lang, code=r.code)})" if r.code else ""
        return t("not_known", lang) + where
    low, high = r.price_min or 0, r.price_max or r.price_min or 0
    if high == 0:
        return t("free", lang)
    return money(low, "EUR", lang) if low == high else f"{money(low, 'EUR', lang)}–{money(high, 'EUR', lang)}"


def funding_lines(p: PathRow | RouteRow, lang: str) -> list[RenderableType]:
    """Funding open to the person, to check (and on what), and closed (with why)."""
    rows: list[tuple[str, Text | str]] = []
    shown = [f for f in p.funding_detail if f.kind == "funding" or f.open is not False]
    opened = [f for f in shown if f.open is True]
    maybe = [f for f in shown if f.open is None]
    closed = [f for f in shown if f.open is False]
    if opened:
        rows.append(
            (
                "€ " + t("funding_open", lang),
                "; ".join(f.name.get(lang) + (f" ({f.regional})" if f.regional else "") for f in opened),
            )
        )
    if maybe:
        rows.append(
            ("€ " + t("funding_maybe", lang), "; ".join(f.name.get(lang) + f" ({t('check_' + f.why, lang)})" for f in maybe))
        )
    if closed:
        rows.append(
            (
                "  " + t("funding_closed", lang),
                Text("; ".join(f"{f.name.get(lang)} ({t('closed_' + f.why, lang)})" for f in closed), "dim"),
            )
        )
    dates = sorted({f.checked for f in shown if f.checked})
    old = [f.name.get(lang) for f in shown if f.stale or not f.checked]
    if rows and (dates or old):  # when the rules were read, and which are past the law's threshold
        said = t("rules_checked", lang, date=dates[0]) if dates else ""
        said += (" — " if said else "") + f"{t('old_fact', lang)}{t('colon', lang)}{'; '.join(old)}" if old else ""
        rows.append(("  " + t("checked", lang), Text(said, "dim")))
    return [pairs(rows)] if rows else []


def next_steps(p: PathRow, lang: str) -> list[RenderableType]:
    """'Et maintenant ?': advice and immersion steps open to the person, then portfolio projects."""
    projects = p.projects.get(lang) if p.projects else []
    if not (p.next_steps or projects):
        return []
    out: list[RenderableType] = [blank(), heading(t("next_steps", lang))]
    for k, step in enumerate(p.next_steps, 1):
        mark = f"{k}. "
        where = link(step.url) if step.url else cite(step.source)
        out.append(Para(Text.assemble(mark, step.name.get(lang), "\n", where), hang=len(mark)))
    if projects:
        mark = f"{len(p.next_steps) + 1}. "
        head = Text.assemble(mark, t("portfolio", lang), " (", cite("seed-001"), f") — {p.name.get(lang)}{t('colon', lang)}")
        out.append(Para(head, hang=len(mark)))
        out += [Para(Text(" " * len(mark) + "• " + x), hang=len(mark) + 2) for x in projects]
    return out


# ---------------------------------------------------------------- role, compare, market


def role(res: RoleResult) -> Group:
    """Everything about one role: summary, missions, skills, education, routes, pay, sources."""
    lang = res.lang
    parts: list[RenderableType] = [heading(Text.assemble(res.name.get(lang), ident(res.id))), para(res.summary.get(lang))]
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
    if res.demand:
        rows.append((t("demand", lang), value_label("demand", res.demand, lang)))
    for key, value in (("remarks", res.remarks), ("work", res.work)):
        if value:
            rows.append((t(key, lang), value.get(lang)))
    if res.related:
        rows.append((t("related", lang), ", ".join(res.related)))
    if res.trainings:
        rows.append((t("trainings", lang), "\n".join(f"• {res.training_names[x].get(lang)}" for x in res.trainings)))
    sources = Text(", ").join(cite(s) for s in res.sources) if res.sources else Text("—")
    rows.append((t("sources", lang), sources))
    parts += [blank(), pairs(rows, cap=0.3), blank(), heading(f"{t('salary', lang)} ({t('gross_annual', lang)})")]
    parts += salary_blocks(res.salaries, lang)
    return Group(*parts)


def compare(res: CompareResult) -> Group:
    """Roles side by side (a column a role when the width allows about 22 cells each, else one
    after another): skills (shared ones marked), education, pay on one scale, trainings, sectors."""
    lang = res.lang
    roles = res.roles
    rows: list[tuple[str, list[Text | str]]] = [
        (t("summary", lang), [r.summary.get(lang) for r in roles]),
        (t("required", lang), ["\n".join(("• " if q.shared else "  ") + q.name.get(lang) for q in r.required) for r in roles]),
        (t("education", lang), [education_text(r.education, lang) for r in roles]),
    ]
    for region, level in [("fr", lv) for lv in ("junior", "confirme", "senior")] + [("us", "all")]:
        cells: list[Text | str] = []
        for r in roles:
            b = next(
                (x for x in r.salaries if x.region == region and x.level == level and x.unit == "year" and x.area is None), None
            )
            cells.append("—" if b is None else band_text(b, lang))
        if any(c != "—" for c in cells):
            rows.append((f"{t('salary', lang)} {t(region, lang)} {t(level, lang)}", cells))
    rows.append((t("trainings", lang), ["\n".join(r.training_names[x].get(lang) for x in r.trainings[:4]) or "—" for r in roles]))
    rows.append(
        (
            t("sectors", lang),
            [", ".join(r.sector_names[s].get(lang) if s in r.sector_names else s for s in r.sectors) or "—" for r in roles],
        )
    )
    names = [r.name.get(lang) for r in roles]
    return Group(Comparison(names, rows, t("colon", lang)), para(f"• {t('shared', lang)}", "dim"))


class Comparison:
    """Roles side by side when the width allows (about 22 cells a role), one after another otherwise."""

    def __init__(self, names: list[str], rows: list[tuple[str, list[Text | str]]], colon: str = ": ") -> None:
        self.names, self.rows, self.colon = names, rows, colon

    def records(self, width: int) -> Records:
        if width >= 18 + 22 * len(self.names):
            side = Records([Column(""), *(Column(n) for n in self.names)])
            for label, cells in self.rows:
                side.add(Text(label, style="bold"), *cells)
            return side
        stacked = Records([Column(), Column()], header=False, sub_column=0)
        for label, cells in self.rows:
            stacked.add(
                Text(label, style="bold"),
                "",
                subs=[
                    Sub(Text.assemble((f"  {n}{self.colon}", "cyan"), as_text(c)), 4)
                    for n, c in zip(self.names, cells, strict=False)
                ],
            )
        return stacked

    def __rich_console__(self, console: Any, options: Any) -> Any:
        yield self.records(options.max_width)


def market(rows: list[dict[str, Any]], lang: str) -> Records:
    """Each figure with its value, its label and scope, its source and year."""
    recs = Records(
        [Column(t("value", lang), numeric=True), Column(t("label", lang)), Column(t("source", lang), wide=110)],
        label_sep=t("colon", lang),
    )
    for r in rows:
        subs = [Sub(Text(r["scope"], style="dim"))] if r["scope"] else []
        recs.add(quantity(r["value"], r["unit"], lang), r["label"], cite(r["source"], r["year"]), subs=subs)
    return recs


# ---------------------------------------------------------------- listings


class Field:
    """How a listing shows one field: a column (``numeric``, shown from ``wide`` columns), a fact
    on the line under the row, or a link on its own line."""

    def __init__(
        self,
        key: str,
        header: str,
        kind: str = "column",
        *,
        numeric: bool = False,
        wide: int = 0,
        nowrap: bool = False,
        drop: bool = False,
    ) -> None:
        self.key, self.header, self.kind, self.numeric, self.wide = key, header, kind, numeric, wide
        self.nowrap, self.drop = nowrap, drop


def listing(rows: list[dict[str, Any]], fields: Sequence[Field], lang: str, group: str | None = None) -> Records:
    """Rows of a listing: the first fields in columns, the others joined on a line under each
    row (' · ') with the link after them (never cut), rows under a heading each time the
    ``group`` field changes; machine formats always carry every field."""
    columns = [f for f in fields if f.kind == "column"]
    recs = Records(
        [
            Column(f.header, numeric=f.numeric, wide=f.wide, nowrap=f.nowrap, drop=f.drop, style="bold" if k == 0 else "")
            for k, f in enumerate(columns)
        ],
        label_sep=t("colon", lang),
        sub_column=0,
    )
    current: object = None
    for row in rows:
        if group is not None and row.get(group) != current:
            current = row.get(group)
            recs.group(Text(_fmt(current, group, lang) or "—", style="bold underline"))
        facts = [_fmt(row.get(f.key), f.key, lang) for f in fields if f.kind == "fact"]
        labelled = [
            Text.assemble((f"{f.header}{t('colon', lang)}", "dim"), _fmt(row.get(f.key), f.key, lang))
            for f in fields
            if f.kind == "labelled" and _fmt(row.get(f.key), f.key, lang)
        ]
        subs: list[Sub] = [Sub(Text("  ") + x, 2) for x in labelled]
        line = Text("  " + " · ".join(x for x in facts if x), style="dim")
        for f in fields:
            if f.kind == "link" and row.get(f.key):
                line.append("  " if line.plain.strip() else "")
                line.append_text(link(str(row[f.key])))
        if line.plain.strip():
            subs.insert(0, Sub(line, 2))
        recs.add(*(_fmt(row.get(f.key), f.key, lang) or "—" for f in columns), subs=subs)
    return recs


def resolutions(rows: list[dict[str, Any]], lang: str) -> Records:
    """How each term resolved: skill, method and score; families, suggestions and close matches under it."""
    recs = Records(
        [
            Column(t("input", lang), style="bold"),
            Column(t("skill", lang)),
            Column(t("method", lang)),
            Column(t("score", lang), numeric=True),
        ],
        label_sep=t("colon", lang),
        sub_column=1,
    )
    for r in rows:
        method = value_label("method", r["method"], lang) + (f" «{NB}{r['used']}{NB}»" if r.get("used") else "")
        subs = []
        for key, head in (("broader", t("broader", lang)), ("suggestions", t("suggestions", lang)), ("also", t("also", lang))):
            if r.get(key):
                subs.append(Sub(Text.assemble((f"{head}{t('colon', lang)}", "dim"), ", ".join(r[key])), 2))
        recs.add(
            r["input"],
            Text.assemble(r["name"], ident(r["skill"])) if r["skill"] else "—",
            method,
            f"{r['score']:.0f}",
            subs=subs,
        )
    return recs


def _fmt(value: Any, key: str, lang: str) -> str:
    if value is None or value == [] or value == "":
        return ""
    if isinstance(value, bool):
        return t("yes", lang) if value else t("no", lang)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if key in ("price_eur",) and isinstance(value, int | float):
        return f"{value:,.0f}".replace(",", NB) + f"{NB}€" if value else t("free", lang)
    if isinstance(value, int) and abs(value) >= 10_000:
        return f"{value:,}".replace(",", NB)
    if isinstance(value, list):
        return ", ".join(value_label(key, str(v), lang) for v in value)
    return value_label(key, str(value), lang)


def empty(what: str, hints: Iterable[str], lang: str) -> Group:
    """An empty listing said in words, with the nearest filters that give results."""
    lines: list[RenderableType] = [para(t("empty_" + what, lang))]
    hints = list(hints)
    if hints:
        lines.append(para(t("empty_hint_skills", lang) if what == "skills" else t("nearest_filters", lang), "dim"))
    for hint in hints:
        lines.append(Para(Text(f"  {hint}", style="dim"), hang=4))
    return Group(*lines)


def listing_fields(name: str, lang: str) -> list[Field]:
    """The layout of each listing command: its columns, then the facts under each row."""
    specs: dict[str, list[Field]] = {
        "skills": [
            Field("name", t("name", lang)),
            Field("id", t("id", lang), nowrap=True),
            Field("category", t("category", lang)),
            Field("effort_hours", t("hours_col", lang), numeric=True),
            Field("broader", t("broader", lang), wide=120, drop=True),
        ],
        "roles": [
            Field("name", t("name", lang)),
            Field("id", t("id", lang), nowrap=True),
            Field("education", t("education_short", lang)),
            Field("demand", t("demand", lang)),
        ],
        "jobs": [Field("name", t("name", lang)), Field("id", t("id", lang), nowrap=True), Field("risk", t("risk", lang))],
        "trainings": [
            Field("name", t("name", lang)),
            Field("provider", t("provider", lang)),
            Field("type", t("type", lang), "fact"),
            Field("duration", t("duration", lang), "fact"),
            Field("price", t("price", lang), "fact"),
            Field("cpf_text", t("cpf", lang), "fact"),
            Field("validity", t("validity", lang), "fact"),
            Field("modality", t("modality", lang), "fact"),
            Field("checked", t("checked", lang), "fact"),
            Field("link", t("url", lang), "link"),
        ],
        "funding": [
            Field("name", t("name", lang)),
            Field("summary", t("summary", lang), "labelled"),
            Field("checked", t("checked", lang), "fact"),
            Field("url", t("url", lang), "link"),
        ],
        "sectors": [
            Field("name", t("name", lang)),
            Field("use_cases", t("use_cases", lang), "labelled"),
            Field("roles", t("roles", lang), "labelled"),
        ],
        "sources": [
            Field("title", t("title", lang)),
            Field("year", t("year", lang), numeric=True),
            Field("id", t("id", lang), "fact"),
            Field("publisher", t("publisher", lang), "fact"),
            Field("kind", t("kind", lang), "fact"),
            Field("url", t("url", lang), "link"),
        ],
    }
    return specs[name]


def listing_view(name: str, rows: list[dict[str, Any]], lang: str) -> Records:
    if name == "trainings":
        cpf = {True: "CPF", False: f"CPF{NB}{t('no', lang)}", None: ""}
        rows = [{**r, "cpf_text": cpf[r.get("cpf")]} for r in rows]
    return listing(rows, listing_fields(name, lang), lang, group="sector" if name == "jobs" else None)


# ---------------------------------------------------------------- what a report says around the answer


def report_title(res: Any) -> str:
    """What was asked, in words: 'Votre parcours de Responsable RH vers Prompt engineer'."""
    lang = res.lang
    if isinstance(res, MatchResult):
        return t("report_match", lang)
    if isinstance(res, GapResult):
        return t("report_gap", lang, role=res.name.get(lang))
    if isinstance(res, PathResult):
        origin = res.from_name.get(lang) if res.from_name else None
        if res.detailed and res.paths:
            role = res.paths[0].name.get(lang)
            return t("report_path_to", lang, origin=origin, role=role) if origin else t("report_path_to_skills", lang, role=role)
        return t("report_paths", lang, origin=origin) if origin else t("report_paths_skills", lang)
    return str(getattr(res, "title", ""))


def report_options(res: Any) -> list[tuple[str, str]]:
    """Every option that shaped an answer, as (label, value) in its language: the person's words,
    then whatever their situation holds (``Situation.options()``, rendered generically)."""
    lang = res.lang
    out: list[tuple[str, str]] = []
    person: ProfileView | None = getattr(res, "person", None)
    if isinstance(res, PathResult) and res.from_name is not None:
        out.append((t("opt_current_job", lang), res.from_name.get(lang)))
    if person is not None:
        typed = [f"{h.name.get(lang)} ({h.level})" for h in person.stated if h.input]
        if typed:
            out.append((t("opt_skills", lang), ", ".join(typed)))
        if person.evidence:
            out.append((t("opt_read", lang), ", ".join(dict.fromkeys(e.name.get(lang) for e in person.evidence))))
        removed = [i.skill or i.phrase for i in person.ignored if i.reason == "removed"]
        if removed:
            out.append((t("opt_removed", lang), ", ".join(removed)))
    if isinstance(res, PathResult) and res.detailed and res.paths:
        out.append((t("opt_target", lang), res.paths[0].name.get(lang)))
    situation: Any = getattr(res, "situation", None)  # Situation.options(): what the person stated
    stated = situation.options() if hasattr(situation, "options") else situation
    if isinstance(stated, Mapping):
        for key, value in stated.items():
            out.append(option_line(str(key), value, lang))
    if isinstance(res, PathResult) and res.paths:
        out.append((t("opt_hours_per_week", lang), f"{res.paths[0].hours_per_week:g}"))
    level = getattr(res, "level", None)
    if isinstance(level, str) and not isinstance(res, GapResult):
        out.append((t("opt_level", lang), t(level, lang)))
    if isinstance(res, MatchResult):
        out.append((t("opt_count", lang), str(len(res.roles))))
    return out


def option_line(key: str, value: Any, lang: str) -> tuple[str, str]:
    """One stated option in words: its label ('opt_<key>' in the message table, else the key) and value."""
    try:
        label = t(f"opt_{key.replace('-', '_')}", lang)
    except KeyError:
        label = key.replace("_", " ").replace("-", " ").capitalize()
    if isinstance(value, bool):
        shown = t("yes", lang) if value else t("no", lang)
    elif key == "diploma" and isinstance(value, int):
        shown = value_label("rncp_level", str(value), lang)
    elif key == "region" and isinstance(value, str):
        shown = _region(value, lang)
    elif key == "languages" and isinstance(value, list | tuple):
        shown = ", ".join(value_label("language", str(v), lang) for v in value)
    elif isinstance(value, list | tuple):
        shown = ", ".join(value_label(key, str(v), lang) for v in value)
    else:
        shown = value_label(key, str(value), lang)
    return label, shown


def _region(region_id: str, lang: str) -> str:
    try:
        from ia_metiers.core.situation import region_name  # type: ignore[import-not-found,import-untyped,unused-ignore]
    except ImportError:  # pragma: no cover - before the situation module
        return region_id
    return str(region_name(region_id, lang))

"""Typed answers of the commands that advise (match, gap, path, role, compare, salaries).

Each result is a frozen dataclass that carries everything a renderer needs, names in both
languages included, so that renderers never read the catalogue. ``to_json()`` is the command's
JSON (``to_dict()`` for every result but the salary list); labels come out in the result's language.
Builders (``match_result``...) turn the core's answers (fits, paths, profiles) into results.
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Mapping
from dataclasses import field
from itertools import compress
from typing import TYPE_CHECKING, Any

from ia_metiers.core import scoring
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import LEVELS, Pay, Role, SalaryBand
from ia_metiers.core.model import Text as Label
from ia_metiers.core.model import TextList as Labels
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.routes import FundingOption, Qualification, Route, qualifications
from ia_metiers.core.scoring import Fit, Have, effort, salary, within_reach
from ia_metiers.core.situation import Situation, region_name

if TYPE_CHECKING:
    from ia_metiers.core.planning import Origin, Path
    from ia_metiers.core.profile import Profile
    from ia_metiers.core.resolve import Resolution

_SKIP = {"json": False}  # a field for renderers only, not in the JSON
_FLAT = {"flatten": True}  # a nested result whose keys are the parent's


def _key(f: dataclasses.Field[Any]) -> str:
    return str(f.metadata.get("key", f.name))


_PLANS: dict[type, tuple[tuple[str, str, int], ...]] = {}  # class -> (attribute, key, how) of each JSON field
_AS_IS = frozenset({str, int, float, bool, type(None)})
_FIELD, _FLATTEN, _OMIT_NONE = 0, 1, 2


def _plan(cls: type) -> tuple[tuple[str, str, int], ...]:
    """The JSON fields of a dataclass, in order, read once per class."""
    plan = []
    for f in dataclasses.fields(cls):
        if f.metadata.get("json", True) is not False:
            how = _FLATTEN if f.metadata.get("flatten") else _OMIT_NONE if f.metadata.get("omit_none") else _FIELD
            plan.append((f.name, _key(f), how))
    _PLANS[cls] = found = tuple(plan)
    return found


def plain(value: Any, lang: str, shared: dict[Any, Any] | None = None) -> Any:
    """JSON-ready data: dataclasses as objects (field order), labels in ``lang``, tuples as lists.

    ``shared``: a memo of the JSON of the frozen records a result holds, by record (many rows
    share one, e.g. a role's pay band and education), for a caller that writes the JSON out at
    once and never changes it (the batch)."""
    kind = type(value)
    if kind in _AS_IS:
        return value
    if kind is Label or kind is Labels or isinstance(value, _LABELS):
        return value.get(lang)
    plan = _PLANS.get(kind)
    if plan is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        plan = _plan(kind)
    if plan is not None:
        out: dict[str, Any] = {}
        for name, key, how in plan:
            item = getattr(value, name)
            inner = type(item)
            if how == _FLATTEN:
                out.update(plain(item, lang))
            elif inner in _AS_IS:
                if how == _FIELD or item is not None:
                    out[key] = item
            elif inner is tuple or inner is list:
                out[key] = [v if type(v) is str else plain(v, lang) for v in item]
            elif inner is Label:
                out[key] = item.get(lang)
            elif shared is not None and isinstance(item, Frozen):
                done = shared.get(item)
                if done is None:
                    done = shared[item] = plain(item, lang)
                out[key] = done
            else:
                out[key] = plain(item, lang)
        return out
    if isinstance(value, list | tuple):
        return [v if type(v) is str else plain(v, lang) for v in value]
    if isinstance(value, Mapping):
        return {k: v if type(v) is str else plain(v, lang) for k, v in value.items()}
    return value


_LABELS = (Label, Labels)


RESULT_VERSION = 1  # the contract of the JSON answers: raised when a key changes meaning or goes


class _Result(Frozen):
    """What every command result offers: its language and its JSON."""

    lang: str

    def to_dict(self) -> dict[str, Any]:
        """The result as JSON-ready data (labels in its language)."""
        data: dict[str, Any] = plain(self, self.lang)
        return data

    def to_json(self) -> Any:
        """What ``--format json`` prints: the data under a versioned envelope key,
        ``{"result_version": RESULT_VERSION, ...}``, so that a pipeline can tell a contract change."""
        return {"result_version": RESULT_VERSION, **self.to_dict()}


# ---------------------------------------------------------------- rows


@frozen
class Band(Frozen):
    """A salary band (gross a year, or a freelance day rate), with its basis and source."""

    role: str
    region: str
    level: str
    min: int
    max: int
    currency: str
    basis: str
    source: str
    year: int
    note: Label | None
    area: str | None
    unit: str
    checked: str | None = None  # when the band was checked ('2026-10'), else its figures' year
    age_months: int | None = None  # months since (None: computed without a date)
    stale: bool = False  # older than salaries' threshold (12 months)


@frozen
class PayRow(Frozen):
    """A job's typical gross annual pay (France, EUR)."""

    min: int
    max: int
    currency: str
    basis: str
    source: str
    year: int | None


@frozen
class Education(Frozen):
    min: int
    max: int


@frozen
class ResolutionRow(Frozen):
    """How one typed term resolved: skill, method, score, alternatives."""

    input: str
    skill: str | None
    name: Label | None
    broader: tuple[str, ...]
    score: float
    method: str
    suggestions: tuple[str, ...]
    also: tuple[str, ...]
    used: str | None


@frozen
class HaveRow(Frozen):
    """A skill the person has (or is assumed to have), at a level, and what it came from."""

    skill: str
    name: Label
    level: int
    input: str
    source: str


@frozen
class EvidenceRow(Frozen):
    """A skill read in a text, with the phrase and sentence it came from."""

    skill: str
    name: Label
    phrase: str
    sentence: str
    level: int


@frozen
class IgnoredRow(Frozen):
    """A phrase set aside, and why (unknown, vague, negated, a wish...)."""

    phrase: str
    reason: str
    skill: str | None
    suggestions: tuple[str, ...]


@frozen
class ProfileView(Frozen):
    """What the person has, their own words first: resolutions, profile, assumed, read, set aside."""

    skills: tuple[ResolutionRow, ...]
    unknown: tuple[str, ...]
    profile: tuple[HaveRow, ...]
    assumed: tuple[HaveRow, ...]
    evidence: tuple[EvidenceRow, ...]
    ignored: tuple[IgnoredRow, ...]

    @property
    def stated(self) -> tuple[HaveRow, ...]:
        return tuple(h for h in self.profile if h.source == "stated")


@frozen
class FitRow(Frozen):
    """One ranked role: score, what matched (and through which skill), what is missing, pay."""

    role: str
    name: Label
    score: float
    education: Education | None
    within_reach: bool | None
    matched: tuple[str, ...]
    via: Mapping[str, str]
    missing_required: tuple[str, ...]
    missing_optional: tuple[str, ...]
    salary: Band | None
    entry_routes: Labels | None = field(default=None, metadata=_SKIP)


@frozen
class MatchResult(_Result):
    """``match``: roles ranked by fit for a profile."""

    lang: str = field(metadata=_SKIP)
    person: ProfileView = field(metadata=_FLAT)
    level: str
    diploma: int | None  # RNCP level (0, 3-8)
    situation: Mapping[str, object]  # the options that shaped the answer (core.situation)
    roles: tuple[FitRow, ...]
    names: Mapping[str, Label] = field(metadata=_SKIP)  # skill id -> name, for every skill shown


@frozen
class MatchedRow(Frozen):
    """A requirement the person covers, with the input and skill behind it."""

    skill: str
    name: Label
    input: str | None
    via: str | None
    source: str | None
    required: bool
    credit: float


@frozen
class LevelGap(Frozen):
    skill: str
    have: int
    need: int
    input: str | None


@frozen
class GapResult(_Result):
    """``gap``: what one role asks that the person lacks, in learning order, and what it pays."""

    lang: str = field(metadata=_SKIP)
    person: ProfileView = field(metadata=_FLAT)
    role: str
    name: Label
    score: float
    education: Education | None
    within_reach: bool | None
    entry_routes: Labels | None
    matched: tuple[MatchedRow, ...]
    missing_required: tuple[str, ...]
    missing_optional: tuple[str, ...]
    level_gaps: tuple[LevelGap, ...]
    names: Mapping[str, Label]
    salaries: tuple[Band, ...]
    hours: Mapping[str, int]  # skill -> hours to learn it or raise it to the level asked (curators' estimates)
    hours_basis: str
    diploma: int | None  # RNCP level (0, 3-8)
    situation: Mapping[str, object]
    steps: tuple[StepRow, ...]  # the plan ``path --to`` gives: required skills, level-ups, missing prerequisites
    total_hours: int  # their sum, the same total as ``path --to``
    weak: bool
    routes: tuple[RouteRow, ...]


@frozen
class StepRow(Frozen):
    """One step of a plan: a skill to learn or level up, its hours and the trainings that fit it."""

    skill: str
    name: Label
    from_level: int
    to_level: int
    hours: int
    reason: str
    trainings: tuple[str, ...]


@frozen
class TrainingBrief(Frozen):
    """What a counsellor needs to act on a suggested training."""

    id: str
    name: Label
    provider: str
    type: str
    duration_hours: float | None
    duration_weeks: float | None
    price_eur: float | None
    cpf: bool | None
    certification: str | None
    modality: str | None
    language: str | None
    url: str | None
    source: str
    year: int | None
    certification_level: int | None = None
    certification_until: str | None = None
    certification_url: str | None = None
    kind: str = "programme"
    price_min: float | None = None  # the offers' range when the training states no price
    price_max: float | None = None
    hours_min: float | None = None
    hours_max: float | None = None
    checked: str | None = None  # when its facts were checked ('2026-10', or the year)
    stale: bool = False  # older than registries' threshold (3 months)


@frozen
class FundingBrief(Frozen):
    """A funding route for a qualifying route: open, closed (and why) or to check, with its rules."""

    id: str
    name: Label
    kind: str
    open: bool | None
    why: str
    who: tuple[str, ...]
    pays_costs: bool
    requires: tuple[str, ...]
    regional: str | None  # the person's Region when a regional body decides (else None)
    url: str | None
    source: str
    checked: str | None = None  # when the rule was checked ('2026-10'; None: not dated)
    stale: bool = False  # older than 6 months, or a 1 January since


@frozen
class NextStep(Frozen):
    """An advice or immersion step open to the person (CEP, bilan de compétences...)."""

    id: str
    name: Label
    summary: Label
    url: str | None
    source: str
    checked_on: str | None


@frozen
class RouteRow(Frozen):
    """A qualifying route: the certification, the way in, its length, cost and funding, and why."""

    kind: str
    way: str
    first: bool
    reason: str
    why: Label  # the reason in words
    qualification: str | None
    code: str | None
    name: Label | None
    level: int | None
    entry: str  # ok | above | check | open
    entry_level: int | None
    entry_basis: str | None
    steps: tuple[str, ...]
    hours: int
    hours_basis: str
    price_min: int | None
    price_max: int | None
    cpf: bool | None
    url: str | None
    source: str | None
    checked_on: str | None
    trainings: tuple[str, ...]
    funding: tuple[str, ...]
    funding_detail: tuple[FundingBrief, ...]


@frozen
class PathRow(Frozen):
    """A reconversion path to one role: what transfers, the plan, the qualifying routes, pay."""

    role: str
    name: Label
    score: float
    fit: float
    weak: bool
    education: Education | None
    within_reach: bool | None
    entry_routes: Labels | None
    transferable: tuple[str, ...]
    steps: tuple[StepRow, ...]
    routes: tuple[RouteRow, ...]
    trainings: tuple[TrainingBrief, ...]
    hours: int
    hours_basis: str
    weeks: int
    hours_per_week: float
    funding: tuple[str, ...]
    funding_detail: tuple[FundingBrief, ...]
    next_steps: tuple[NextStep, ...]
    projects: Labels | None
    salary: Band | None
    day_rate: Band | None
    pay_cut: bool | None  # the target pays less than the job held today (None: unknown)
    rome_moves: tuple[str, ...] = ()  # ROME 4.0's own mobilities to the role ('E1108 -> M1405'), when imported


@frozen
class Brought(Frozen):
    skill: str
    level: int


@frozen
class PathResult(_Result):
    """``path``: paths from a current job (or a profile) to AI roles, best first."""

    lang: str = field(metadata=_SKIP)
    origin: str | None = field(metadata={"key": "from"})
    from_kind: str
    from_name: Label | None
    from_match: str | None  # exact | alias | approximate: how the title was found
    from_title: str | None  # the words it was found from
    from_source: str | None  # option (--from) | document (the job a CV names)
    from_pay: PayRow | None
    person: ProfileView = field(metadata=_FLAT)
    brings: tuple[Brought, ...]
    diploma: int | None  # RNCP level (0, 3-8)
    status: str | None
    situation: Mapping[str, object]
    level: str
    weak: bool  # the best path is a weak match: the first realistic step comes before the ranking
    weak_reason: Label | None
    first_step: RouteRow | None
    paths: tuple[PathRow, ...]
    names: Mapping[str, Label] = field(metadata=_SKIP)
    detailed: bool = field(default=False, metadata=_SKIP)  # one target asked: the plan step by step


@frozen
class ReqRow(Frozen):
    skill: str
    name: Label
    level: int
    weight: float
    shared: bool | None = field(default=None, metadata={"omit_none": True})


@frozen
class RoleResult(_Result):
    """``role``: everything about one role."""

    lang: str = field(metadata=_SKIP)
    id: str
    name: Label
    name_fr: str
    name_en: str
    aliases: tuple[str, ...]
    summary: Label
    missions: Labels | None
    required: tuple[ReqRow, ...]
    optional: tuple[ReqRow, ...]
    education: Education | None
    entry_routes: Labels | None
    sectors: tuple[str, ...]
    demand: str | None
    remarks: Label | None
    work: Label | None
    related: tuple[str, ...]
    sources: tuple[str, ...]
    salaries: tuple[Band, ...]
    trainings: tuple[str, ...]
    training_names: Mapping[str, Label] = field(metadata=_SKIP)
    sector_names: Mapping[str, Label] = field(metadata=_SKIP)


@frozen
class CompareResult(_Result):
    """``compare``: roles side by side; the required skills they share."""

    lang: str = field(metadata=_SKIP)
    roles: tuple[RoleResult, ...]
    shared_required: tuple[str, ...]


@frozen
class SalariesResult(_Result):
    """``salaries``: bands by role, level and area; its JSON is the list of bands."""

    lang: str = field(metadata=_SKIP)
    bands: tuple[Band, ...]
    role_names: Mapping[str, Label] = field(metadata=_SKIP)

    def to_json(self) -> Any:
        return plain(self.bands, self.lang)


# ---------------------------------------------------------------- builders


def _name(catalog: Catalog, sid: str) -> Label:
    skill = catalog.skills.get(sid)
    return skill.name if skill else Label(fr=sid, en=sid)


def band(role_id: str, b: SalaryBand, today: str | None = None) -> Band:
    """A band as answers show it; with ``today``, how old its facts are."""
    from ia_metiers.core.facts import age

    fact = age(b.checked_on, "salary", today, year=b.year) if today else None
    return Band(
        role_id,
        b.region,
        b.level,
        b.min,
        b.max,
        b.currency,
        b.basis,
        b.source,
        b.year,
        b.note,
        b.area,
        b.unit,
        fact.checked if fact else (b.checked_on[:7] if b.checked_on else str(b.year)),
        fact.months if fact else None,
        fact.stale if fact else False,
    )


def sorted_bands(role: Role) -> list[SalaryBand]:
    """France first, then by level."""
    order = {lv: i for i, lv in enumerate((*LEVELS, "all"))}
    return sorted(role.salaries, key=lambda b: (b.region != "fr", order[b.level]))


@functools.lru_cache(maxsize=1024)  # a row per role, level, area and date: built once (rows are frozen, so they may share it)
def _pay_band(role: Role, level: str, area: str | None = None, today: str | None = None) -> Band | None:
    b = salary(role, level, area=area)
    return band(role.id, b, today) if b is not None else None


def education(role: Role) -> Education | None:
    return Education(role.education.min, role.education.max) if role.education else None


_education = functools.lru_cache(maxsize=1024)(education)


def pay_row(pay: Pay | None) -> PayRow | None:
    return PayRow(pay.min, pay.max, "EUR", pay.basis, pay.source, pay.year) if pay is not None else None


def words_used(catalog: Catalog, res: Resolution) -> str | None:
    """For a phrase resolved by a name inside it, the words that named the skill."""
    if res.method != "contains" or res.id is None:
        return None
    from ia_metiers.core.text import fold

    words = fold(res.input).split()
    best = None
    for key, (ident, _method) in catalog.skill_vocab.keys.items():
        if ident != res.id:
            continue
        size = len(key.split())
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]) == key and (best is None or size > len(best.split())):
                best = key
    return best


def resolution_row(catalog: Catalog, res: Resolution) -> ResolutionRow:
    return ResolutionRow(
        res.input,
        res.id,
        _name(catalog, res.id) if res.id else None,
        tuple(catalog.ancestors.get(res.id, ())) if res.id else (),
        res.score,
        res.method,
        tuple(res.suggestions),
        tuple(res.also),
        words_used(catalog, res),
    )


def have_row(catalog: Catalog, h: Have) -> HaveRow:
    return HaveRow(h.skill, _name(catalog, h.skill), h.level, h.input, h.source)


def profile_view(catalog: Catalog, prof: Profile) -> ProfileView:
    return ProfileView(
        tuple(resolution_row(catalog, r) for r in prof.resolutions),
        tuple(prof.unknown),
        tuple(have_row(catalog, h) for h in prof.skills.values()),
        tuple(have_row(catalog, h) for h in prof.assumed),
        tuple(EvidenceRow(d.skill, _name(catalog, d.skill), d.phrase, d.sentence, d.level) for d in prof.detected),
        tuple(IgnoredRow(i.phrase, i.reason, i.skill, tuple(i.suggestions)) for i in prof.ignored),
    )


def fit_row(catalog: Catalog, fit: Fit, level: str, diploma: int | None = None, area: str | None = None) -> FitRow:
    role = catalog.roles[fit.role]
    covers = fit.covers  # the required requirements first, then the optional ones
    matched_at = scoring.MATCHED_AT
    met = [c.credit >= matched_at for c in covers]
    skills = [c.skill for c in covers]
    unmet = [not m for m in met]
    required = len(role.required)
    return FitRow(
        role.id,
        role.name,
        fit.score,
        _education(role),
        within_reach(role, diploma),
        tuple(compress(skills, met)),
        {c.skill: c.via.skill for c in compress(covers, met) if c.via is not None and c.via.skill != c.skill},
        tuple(compress(skills[:required], unmet)),
        tuple(compress(skills[required:], unmet[required:])),
        _pay_band(role, level, area),
        role.entry_routes,
    )


def _names(catalog: Catalog, ids: Any) -> dict[str, Label]:
    return {s: _name(catalog, s) for s in dict.fromkeys(ids)}


def match_result(catalog: Catalog, prof: Profile, fits: list[Fit], situation: Situation) -> MatchResult:
    level, diploma = situation.level, situation.diploma_level
    rows = tuple(fit_row(catalog, f, level, diploma, situation.area) for f in fits)
    shown = [s for r in rows for s in (*r.matched, *r.via.values(), *r.missing_required, *r.missing_optional)]
    return MatchResult(
        situation.lang, profile_view(catalog, prof), level, diploma, situation.options(), rows, _names(catalog, shown)
    )


def gap_result(catalog: Catalog, prof: Profile, fit: Fit, order: list[str], situation: Situation, path: Path) -> GapResult:
    """Matched (with the input behind each), missing in learning order, level gaps, bands, and the
    plan of ``path --to`` (its steps, total and qualifying routes)."""
    lang, diploma = situation.lang, situation.diploma_level
    role = catalog.roles[fit.role]
    row = path_row(catalog, path, 10, situation.level, situation.area, situation=situation)
    planned = {st.skill: st.hours for st in path.steps}
    req, opt = set(fit.missing_required), set(fit.missing_optional)
    need = {q.skill: q.level for q in (*role.required, *role.optional)}
    have = {c.skill: c.via.level for c in fit.level_gaps if c.via}
    missing_req = tuple(s for s in order if s in req)
    missing_opt = tuple(s for s in order if s in opt)
    matched = tuple(
        MatchedRow(
            c.skill,
            _name(catalog, c.skill),
            c.via.input if c.via else None,
            c.via.skill if c.via else None,
            c.via.source if c.via else None,
            c.required,
            round(c.credit, 2),
        )
        for c in fit.covers
        if c.matched
    )
    gaps = tuple(LevelGap(c.skill, c.via.level if c.via else 0, c.level, c.via.input if c.via else None) for c in fit.level_gaps)
    return GapResult(
        lang,
        profile_view(catalog, prof),
        role.id,
        role.name,
        fit.score,
        education(role),
        within_reach(role, diploma),
        role.entry_routes,
        matched,
        missing_req,
        missing_opt,
        gaps,
        _names(catalog, [*missing_req, *missing_opt, *(g.skill for g in gaps)]),
        tuple(band(role.id, b) for b in sorted_bands(role)),
        {
            **planned,
            **{s: effort(catalog, s, have.get(s, 0), need[s]) for s in missing_opt},
        },
        "curator-estimate",
        diploma,
        situation.options(),
        row.steps,
        path.hours,
        path.weak,
        row.routes,
    )


def training_brief(catalog: Catalog, tid: str, today: str = "9999-12-31") -> TrainingBrief:
    from ia_metiers.core.facts import age, summarise
    from ia_metiers.core.model import fiche_url

    tr = catalog.trainings[tid]
    cert = catalog.certification_of(tr)
    code = cert.code if cert else tr.rncp
    offers = summarise(cert) if cert else None
    checked_on = cert.checked_on if cert else tr.checked_on
    fact = age(checked_on, "registry", today, year=None if checked_on else tr.year)
    return TrainingBrief(
        tr.id,
        tr.name,
        tr.provider,
        tr.type,
        tr.duration_hours,
        tr.duration_weeks,
        tr.price_eur,
        tr.cpf if tr.cpf is not None or cert is None else summarise(cert).cpf,
        code,
        tr.modality,
        tr.language,
        tr.url,
        tr.source,
        tr.year,
        cert.level if cert else None,
        cert.valid_until if cert else None,
        cert.fiche_url if cert else (fiche_url(code) if code else None),
        tr.kind,
        offers.price_min if offers and tr.price_eur is None else None,
        offers.price_max if offers and tr.price_eur is None else None,
        offers.hours_min if offers and not tr.duration_hours else None,
        offers.hours_max if offers and not tr.duration_hours else None,
        fact.checked,
        fact.stale,
    )


def funding_brief(catalog: Catalog, option: FundingOption, region: str | None = None, today: str = "9999-12-31") -> FundingBrief:
    from ia_metiers.core.facts import age

    route = catalog.funding[option.id]
    fact = age(route.checked_on, "law", today) if route.checked_on else None
    return FundingBrief(
        option.id,
        route.name,
        route.kind,
        option.open,
        option.why,
        tuple(route.who),
        route.pays_costs,
        tuple(route.requires),
        region if route.regional else None,
        route.url,
        route.source,
        fact.checked if fact else None,
        fact.stale if fact else False,
    )


def next_step(catalog: Catalog, sid: str) -> NextStep:
    route = catalog.funding[sid]
    return NextStep(sid, route.name, route.summary, route.url, route.source, route.checked_on)


# Why a counsellor proposes a route, in words (the JSON's ``reason`` is the id).
REASONS = {
    "vae-covers": Label(
        fr="Votre expérience couvre déjà l'essentiel de ce titre : la VAE le valide sans refaire toute la formation.",
        en="Your experience already covers most of this title: VAE awards it without redoing the whole training.",
    ),
    "skill-gap": Label(
        fr="L'écart est de la taille d'une compétence : une certification du Répertoire spécifique suffit.",
        en="The gap is skill-sized: a Répertoire spécifique certification is enough.",
    ),
    "change-of-occupation": Label(
        fr="C'est un changement de métier : un titre ou diplôme du RNCP à votre niveau le qualifie.",
        en="This is a change of occupation: an RNCP title or degree at your level qualifies it.",
    ),
    "apprenticeship-age": Label(
        fr="Votre âge et votre situation ouvrent l'apprentissage : formation gratuite et salaire.",
        en="Your age and situation open apprenticeship: free training and a salary.",
    ),
    "student-degree": Label(
        fr="En études : poursuivez en formation initiale (ou en alternance) jusqu'au diplôme du métier ; "
        "un master se demande sur Mon Master après la licence.",
        en="As a student: continue in initial education (or work-study) up to the role's degree; "
        "a master's is applied for on Mon Master after the licence.",
    ),
    "student-next-level": Label(
        fr="En études : le prochain diplôme de votre parcours (BTS, BUT ou licence selon vos études), en alternance "
        "si possible ; le diplôme du métier vient ensuite.",
        en="As a student: the next diploma of your studies (BTS, BUT or licence as the case may be), as an apprentice "
        "if possible; the role's degree comes after.",
    ),
    "certification-to-identify": Label(
        fr="Vous avez déjà le niveau du métier : une certification courte du Répertoire spécifique sur les compétences "
        "manquantes suffit ; choisissez-la avec un conseiller (CEP) sur francecompetences.fr.",
        en="You already have the role's level: a short Répertoire spécifique certification on the missing skills is "
        "enough; choose it with an adviser (CEP) on francecompetences.fr.",
    ),
    "title-to-identify": Label(
        fr="Aucun titre du catalogue ne convient : choisissez avec un conseiller (CEP) un titre RNCP du niveau indiqué "
        "sur francecompetences.fr, en formation continue.",
        en="No title of the catalogue fits: choose with an adviser (CEP) an RNCP title at the level shown "
        "on francecompetences.fr, in continuing education.",
    ),
    "small-steps": Label(
        fr="Des étapes courtes : des ressources gratuites en autoformation suffisent, sans certification.",
        en="Short steps: free self-study resources are enough, with no certification.",
    ),
}


def _weak_reason(fit: float) -> Label:
    return Label(
        fr=f"Correspondance faible : le meilleur parcours n'atteint que {fit:.0f}/100. Commencez par l'étape réaliste "
        "proposée (un titre à votre niveau, une VAE ou un métier passerelle) plutôt que par ce classement.",
        en=f"Weak match: the best path reaches only {fit:.0f}/100. Start with the realistic first step "
        "(a title at your level, VAE or a bridge role) rather than this ranking.",
    )


def route_row(
    catalog: Catalog, r: Route, quals: Mapping[str, Qualification], region: str | None, today: str = "9999-12-31"
) -> RouteRow:
    q = quals.get(r.qualification) if r.qualification else None
    return RouteRow(
        r.kind,
        r.way,
        r.first,
        r.reason,
        REASONS.get(r.reason, Label(fr=r.reason, en=r.reason)),
        r.qualification,
        q.code if q else None,
        q.name if q else None,
        r.level,
        r.entry,
        q.entry_level if q else None,
        q.entry_basis if q else None,
        r.steps,
        r.hours,
        r.hours_basis,
        r.price_min,
        r.price_max,
        q.cpf if q else None,
        q.url if q else None,
        q.source if q else None,
        q.checked_on if q else None,
        r.trainings,
        r.open_funding,
        tuple(funding_brief(catalog, f, region, today) for f in r.funding),
    )


def _pay_cut(from_pay: Pay | None, target: Band | None) -> bool | None:
    """The target band's middle is below the middle of today's pay."""
    if from_pay is None or target is None or target.currency != "EUR":
        return None
    return (target.min + target.max) / 2 < (from_pay.min + from_pay.max) / 2


def path_row(
    catalog: Catalog,
    p: Path,
    hours_per_week: float,
    level: str = "junior",
    area: str | None = None,
    *,
    situation: Situation | None = None,
    from_pay: Pay | None = None,
    moves: tuple[str, ...] = (),
) -> PathRow:
    situation = situation or Situation()
    today = situation.today
    role = catalog.roles[p.role]
    quals = {q.id: q for q in qualifications(catalog, today)}
    cited = list(dict.fromkeys([*(t for s in p.steps for t in s.trainings), *(t for r in p.routes for t in r.trainings)]))
    region = region_name(situation.region, situation.lang) if situation.region else None
    target = _pay_band(role, level, area, today)
    day = salary(role, level, area=area, unit="day")
    if day is None and situation.status == "self-employed":  # a freelancer sees the nearest level's day rate (its level said)
        day = next((b for lv in LEVELS if (b := salary(role, lv, area=area, unit="day")) is not None), None)
    routes = tuple(route_row(catalog, r, quals, region, today) for r in p.routes)
    first = routes[0] if routes else None
    return PathRow(
        role.id,
        role.name,
        p.score,
        p.fit,
        p.weak,
        education(role),
        p.within_reach,
        role.entry_routes,
        tuple(p.transferable),
        tuple(StepRow(s.skill, _name(catalog, s.skill), s.have, s.need, s.hours, s.reason, tuple(s.trainings)) for s in p.steps),
        routes,
        tuple(training_brief(catalog, t, today) for t in cited if t in catalog.trainings),
        p.hours,
        "curator-estimate",
        p.weeks(hours_per_week),
        hours_per_week,
        first.funding if first else (),
        first.funding_detail if first else (),
        tuple(next_step(catalog, n) for n in p.next_steps),
        role.projects,
        target,
        band(role.id, day, today) if day is not None else None,
        _pay_cut(from_pay, target),
        moves,
    )


def path_result(
    catalog: Catalog,
    origin: Origin,
    prof: Profile,
    paths: list[Path],
    hours_per_week: float,
    situation: Situation,
    detailed: bool = False,
    rome_moves: Mapping[str, tuple[str, ...]] | None = None,
) -> PathResult:
    """``rome_moves``: role id -> ROME 4.0's mobilities from the origin's fiches to the role's."""
    pay = catalog.jobs[origin.id].pay if origin.id in catalog.jobs else None
    moves = rome_moves or {}
    rows = tuple(
        path_row(
            catalog,
            p,
            hours_per_week,
            situation.level,
            situation.area,
            situation=situation,
            from_pay=pay,
            moves=moves.get(p.role, ()),
        )
        for p in paths
    )
    weak = bool(rows) and rows[0].weak
    return PathResult(
        situation.lang,
        origin.id,
        origin.kind,
        origin.name,
        origin.match,
        origin.title,
        origin.source,
        pay_row(pay),
        profile_view(catalog, prof),
        tuple(Brought(r.skill, r.level) for r in origin.skills),
        situation.diploma_level,
        situation.status,
        situation.options(),
        situation.level,
        weak,
        _weak_reason(rows[0].fit) if weak else None,
        rows[0].routes[0] if weak and rows[0].routes else None,
        rows,
        _names(catalog, [s for r in rows for s in r.transferable]),
        detailed,
    )


def role_result(catalog: Catalog, r: Role, lang: str, shared: frozenset[str] | None = None) -> RoleResult:
    def req(q: Any, required: bool) -> ReqRow:
        mark = (q.skill in shared) if shared is not None and required else None
        return ReqRow(q.skill, _name(catalog, q.skill), q.level, q.weight, mark)

    trainings = tuple(t.id for t in catalog.trainings.values() if r.id in t.roles)
    return RoleResult(
        lang,
        r.id,
        r.name,
        r.name.fr,
        r.name.en,
        tuple(r.aliases),
        r.summary,
        r.missions,
        tuple(req(q, True) for q in r.required),
        tuple(req(q, False) for q in r.optional),
        education(r),
        r.entry_routes,
        tuple(r.sectors),
        r.demand,
        r.remarks,
        r.work,
        tuple(r.related),
        tuple(r.sources),
        tuple(band(r.id, b) for b in sorted_bands(r)),
        trainings,
        {t: catalog.trainings[t].name for t in trainings},
        {s: catalog.sectors[s].name for s in r.sectors if s in catalog.sectors},
    )


def compare_result(catalog: Catalog, roles: list[Role], lang: str) -> CompareResult:
    sets = [{q.skill for q in r.required} for r in roles]
    shared = frozenset(set.intersection(*sets)) if sets else frozenset()
    return CompareResult(lang, tuple(role_result(catalog, r, lang, shared) for r in roles), tuple(sorted(shared)))


def salaries_result(catalog: Catalog, roles: list[Role], lang: str, today: str | None = None) -> SalariesResult:
    bands = tuple(band(r.id, b, today) for r in roles for b in sorted_bands(r))
    return SalariesResult(lang, bands, {r.id: r.name for r in roles})


def source_ids(result: Any) -> list[str]:
    """The source ids a result cites (bands, trainings, funding, a role's sources), first seen first."""
    found: dict[str, None] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "source" and isinstance(item, str):
                    found[item] = None
                elif key == "sources" and isinstance(item, list):
                    found.update(dict.fromkeys(x for x in item if isinstance(x, str)))
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(result.to_json() if hasattr(result, "to_json") else result)
    return list(found)

"""Reconversion paths: from where a person starts (a job, studies, or only their skills) to AI
roles, with a plan.

A path lists the skills to learn (missing required skills, level-ups and the missing
prerequisites of both) in prerequisite order, each from a level to a level with its hours
(curators' estimates: the same skill between the same levels costs the same in every role),
trainings in proportion to the step, the funding routes the person's status opens, and the
next steps. Targets rank by one path score: readiness (fit), remaining effort and junior pay;
roles above the person's diploma come after those within reach.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ia_metiers.core import graph
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.facts import usable
from ia_metiers.core.model import Funding, Job, Requirement, Role, Text, Training
from ia_metiers.core.record import Record
from ia_metiers.core.scoring import Fit, Have, effort, fit, salary, within_reach
from ia_metiers.core.situation import Situation

READINESS_SHARE = 0.65
EFFORT_SHARE = 0.25
PAY_SHARE = 0.10
EFFORT_SCALE = 300.0  # hours at which the effort factor halves
TRAININGS_PER_STEP = 2
STEP_SIZE_RATIO = 10  # a training may be at most this many times longer than the step it serves...
SHORT_TRAINING_HOURS = 35  # ...unless it is this short anyway
PROGRAMME_SHARE = 0.5  # a training covering this share of the plan's skills is proposed for the whole plan
HOURS_PER_WEEK_FULL_TIME = 35
HOURS_PER_WEEK_MOOC = 5  # curators' estimate: a self-paced course's "week" is a few hours of study, not full time
FOUNDATIONS = ("language", "math", "data")  # skill categories learnt before the others
CERTIFYING_TYPES = ("master", "engineering-school", "du")  # diplomas certify by themselves


@dataclass(frozen=True, slots=True, repr=False)
class Step(Record):
    """One skill to learn, from a level to a level, with its hours and suggested trainings."""

    skill: str
    have: int
    need: int
    hours: int
    trainings: tuple[str, ...]
    reason: str  # missing | level | prerequisite


@dataclass(frozen=True, slots=True, repr=False)
class FundingOption(Record):
    """A funding route for this plan: open to the person (True), not (False) or unknown (None)."""

    id: str
    open: bool | None
    why: str  # status | certifying | length | ok | unknown-status


@dataclass(frozen=True, slots=True, repr=False)
class Path(Record):
    """A reconversion path to one role."""

    role: Role
    fit: Fit
    score: float
    transferable: tuple[str, ...]
    steps: tuple[Step, ...]
    programmes: tuple[str, ...]
    funding: tuple[FundingOption, ...]
    next_steps: tuple[str, ...]
    within_reach: bool | None  # the person's diploma reaches the role's usual minimum (None: not stated)

    @property
    def hours(self) -> int:
        return sum(s.hours for s in self.steps)

    def weeks(self, hours_per_week: float) -> int:
        return math.ceil(self.hours / hours_per_week) if self.hours else 0


@dataclass(frozen=True, slots=True, repr=False)
class Origin(Record):
    """Where a person starts from: a current job, studies, an AI role, or nothing but their skills."""

    id: str | None
    kind: str  # job | student | role | none
    name: Text | None
    skills: tuple[Requirement, ...]  # what it is assumed to bring

    @classmethod
    def of_job(cls, job: Job) -> Origin:
        return cls(job.id, job.kind, job.name, tuple(job.skills))

    @classmethod
    def of_role(cls, role: Role) -> Origin:
        return cls(role.id, "role", role.name, tuple(role.required))

    @classmethod
    def none(cls) -> Origin:
        return cls(None, "none", None, ())


TYPICAL_HOURS = {"master": 1200.0, "engineering-school": 1800.0, "du": 150.0, "bootcamp": 400.0}  # when unstated


def training_hours(training: Training) -> float | None:
    """A training's length in hours (weeks count as full-time weeks, a MOOC's as a few hours of
    study); for a degree or a bootcamp that states none, the usual length of its kind; None when unknown."""
    if training.duration_hours:
        return float(training.duration_hours)
    if training.duration_weeks:
        per_week = HOURS_PER_WEEK_MOOC if training.type == "mooc" else HOURS_PER_WEEK_FULL_TIME
        return training.duration_weeks * per_week
    return TYPICAL_HOURS.get(training.type)


def current(catalog: Catalog, training: Training, today: str) -> bool:
    """False when the training's certification ended before ``today`` or is inactive."""
    cert = catalog.certification_of(training)
    return cert is None or usable(cert, today)


def certifying(catalog: Catalog, training: Training, today: str) -> bool:
    """The training leads to a registered certification that is still valid, or is a diploma."""
    if training.type in CERTIFYING_TYPES or training.cpf:
        return True
    cert = catalog.certification_of(training)
    if cert is not None:
        return usable(cert, today)
    return bool(training.rncp)


def _teaching(catalog: Catalog) -> dict[str, list[tuple[Training, int]]]:
    """For each skill, the trainings that teach it, with the level reached (built once a catalogue)."""
    index: dict[str, list[tuple[Training, int]]] | None = catalog.__dict__.get("_teaching")
    if index is None:
        index = {}
        for t in catalog.trainings.values():
            for req in t.skills:
                entries = index.setdefault(req.skill, [])
                if not entries or entries[-1][0] is not t:  # a skill listed twice: its first level counts
                    entries.append((t, req.level))
        catalog.__dict__["_teaching"] = index
    return index


def trainings_for(
    catalog: Catalog,
    skill: str,
    role: Role | None,
    plan_skills: frozenset[str] = frozenset(),
    *,
    need: int = 1,
    step_hours: float | None = None,
    languages: Sequence[str] = ("fr",),
    today: str = "9999-12-31",
) -> list[Training]:
    """Current trainings that teach ``skill`` (at level ``need`` or more first) and are not an
    order of magnitude longer than the step: in the person's languages first, then those
    preparing for the role, covering more of the plan, CPF-eligible, shorter."""
    found = []
    for t, level in _teaching(catalog).get(skill, ()):
        if not current(catalog, t, today):
            continue
        length = training_hours(t)
        if step_hours is not None and length is not None and length > max(STEP_SIZE_RATIO * step_hours, SHORT_TRAINING_HOURS):
            continue
        found.append((t, level))

    def key(item: tuple[Training, int]) -> tuple[int, int, int, int, int, float, str]:
        t, level = item
        return (
            0 if level >= need else 1,
            0 if t.language is None or t.language in languages else 1,
            0 if role and role.id in t.roles else 1,
            -len(plan_skills.intersection(t.skill_ids)),
            0 if t.cpf else 1,
            training_hours(t) or 10_000.0,
            t.id,
        )

    return [t for t, _ in sorted(found, key=key)]


def programmes_for(catalog: Catalog, role: Role, steps: Sequence[Step], situation: Situation) -> list[Training]:
    """Trainings for the whole plan: they prepare for the role, cover at least half of the plan's
    skills, and are not an order of magnitude longer than the plan."""
    wanted = {s.skill for s in steps}
    if not wanted:
        return []
    hours = sum(s.hours for s in steps)
    out = []
    for t in catalog.trainings.values():
        if role.id not in t.roles or not current(catalog, t, situation.today):
            continue
        share = len(wanted.intersection(t.skill_ids)) / len(wanted)
        length = training_hours(t)
        if share < PROGRAMME_SHARE or (length is not None and length > max(STEP_SIZE_RATIO * hours, SHORT_TRAINING_HOURS)):
            continue
        out.append((t, share))
    out.sort(
        key=lambda x: (
            0 if x[0].language is None or x[0].language in situation.languages else 1,
            -x[1],
            training_hours(x[0]) or 10_000.0,
            x[0].id,
        )
    )
    return [t for t, _ in out[:3]]


def funding_options(catalog: Catalog, trainings: Sequence[Training], situation: Situation) -> list[FundingOption]:
    """Each funding route with whether it is open for these trainings and this status."""
    out = []
    longest = max((training_hours(t) or 0.0 for t in trainings), default=0.0)
    any_certifying = any(certifying(catalog, t, situation.today) for t in trainings)
    types = {t.type for t in trainings}
    for route in catalog.funding.values():
        if route.kind != "funding":
            continue
        who = route_statuses(route)
        if route.applies_to and types and not types & set(route.applies_to):
            out.append(FundingOption(route.id, False, "type"))
        elif route.certifying and trainings and not any_certifying:
            out.append(FundingOption(route.id, False, "certifying"))
        elif route.min_hours and trainings and longest < route.min_hours:
            out.append(FundingOption(route.id, False, "length"))
        elif situation.status is None:
            out.append(FundingOption(route.id, None, "unknown-status"))
        elif who and situation.status not in who:
            out.append(FundingOption(route.id, False, "status"))
        else:
            out.append(FundingOption(route.id, True, "ok"))
    return out


def route_statuses(route: Funding) -> tuple[str, ...]:
    """Who a route is open to (``who``, else the older employed/jobseeker flags)."""
    if route.who:
        return tuple(route.who)
    legacy = []
    if route.employed:
        legacy.append("employee")
    if route.jobseeker:
        legacy.append("jobseeker")
    return tuple(legacy)


def support_steps(catalog: Catalog, situation: Situation) -> list[str]:
    """Advice and immersion steps (kind: support) open to the person: CEP, bilan, immersion..."""
    out = []
    for route in catalog.funding.values():
        if route.kind != "support":
            continue
        who = route_statuses(route)
        if situation.status is None or not who or situation.status in who:
            out.append(route.id)
    return out


def plan(catalog: Catalog, person: Mapping[str, Have], role: Role, situation: Situation | None = None) -> Path:
    """The path from a profile to one role."""
    situation = situation or Situation()
    result = fit(catalog, person, role)
    todo: dict[str, tuple[int, int, str]] = {}  # skill -> (have, need, reason)
    for cover in result.covers:
        if not cover.required:
            continue
        need = cover.level
        if not cover.matched:
            todo[cover.skill] = (0, need, "missing")
        elif cover.level_gap and cover.via is not None:
            todo[cover.skill] = (cover.via.level, need, "level")
    for sid, (_have, need, _why) in list(todo.items()):
        # notions of a skill need only notions of its prerequisites
        for pre in graph.missing(catalog.relation("prerequisites"), sid, lambda s: _holds(catalog, person, s)):
            old = todo.get(pre)
            level = min(need, 2)
            if old is None or (old[2] == "prerequisite" and old[1] < level):
                todo[pre] = (0, level, "prerequisite")
    steps = []
    wanted = frozenset(todo)
    for sid in graph.learning_order(catalog.relation("prerequisites"), _foundations_first(catalog, todo)):
        have, need, reason = todo[sid]
        hours = effort(catalog, sid, have, need)
        suggested = trainings_for(
            catalog, sid, role, wanted, need=need, step_hours=hours, languages=situation.languages, today=situation.today
        )
        steps.append(Step(sid, have, need, hours, tuple(t.id for t in suggested[:TRAININGS_PER_STEP]), reason))
    programmes = programmes_for(catalog, role, steps, situation)
    leveled = {s.skill for s in steps if s.reason == "level"}
    transferable = tuple(dict.fromkeys(c.via.skill for c in result.covers if c.matched and c.via and c.skill not in leveled))
    used = [catalog.trainings[t] for s in steps for t in s.trainings] + programmes
    funding = tuple(funding_options(catalog, used, situation))
    reach = within_reach(role, situation.diploma_level)
    return Path(
        role,
        result,
        0.0,
        transferable,
        tuple(steps),
        tuple(t.id for t in programmes),
        funding,
        tuple(support_steps(catalog, situation)),
        reach,
    )


def _foundations_first(catalog: Catalog, todo: Mapping[str, object]) -> list[str]:
    """The plan's skills, foundations first (programming languages, then mathematics, then data),
    then those other skills of the plan build on, otherwise in the role's order; prerequisites
    still come before what needs them (``learning_order``)."""
    order = list(todo)
    needed_by: dict[str, int] = dict.fromkeys(order, 0)
    prerequisites = catalog.relation("prerequisites")
    for sid in order:
        for pre in graph.reachable(prerequisites, sid):
            if pre in needed_by:
                needed_by[pre] += 1

    def rank(sid: str) -> tuple[int, int, int]:
        category = catalog.skills[sid].category if sid in catalog.skills else ""
        first = FOUNDATIONS.index(category) if category in FOUNDATIONS else len(FOUNDATIONS)
        return first, -needed_by[sid], order.index(sid)

    return sorted(order, key=rank)


def _holds(catalog: Catalog, person: Mapping[str, Have], sid: str) -> bool:
    return sid in person or any(sid in catalog.ancestors.get(h, ()) for h in person)


def rank_paths(
    catalog: Catalog, person: Mapping[str, Have], roles: Sequence[Role] | None = None, situation: Situation | None = None
) -> list[Path]:
    """Paths to every role (or ``roles``), best first by path score; with a stated diploma, roles
    within reach come before the others."""
    situation = situation or Situation()
    targets = roles if roles is not None else list(catalog.roles.values())
    paths = [plan(catalog, person, r, situation) for r in targets]
    mids = {r.id: _midpoint(r) for r in catalog.roles.values()}
    top_pay = max(mids.values(), default=0) or 1
    scored = []
    for p in paths:
        readiness = p.fit.score / 100
        ease = 1 / (1 + p.hours / EFFORT_SCALE)
        pay = mids.get(p.role.id, 0) / top_pay
        value = 100 * (READINESS_SHARE * readiness + EFFORT_SHARE * ease + PAY_SHARE * pay)
        scored.append(
            Path(p.role, p.fit, round(value, 1), p.transferable, p.steps, p.programmes, p.funding, p.next_steps, p.within_reach)
        )
    return sorted(scored, key=lambda p: (p.within_reach is False, -p.score, p.role.id))


def _midpoint(role: Role) -> float:
    band = salary(role, "junior") or salary(role, "confirme")
    return (band.min + band.max) / 2 if band else 0.0

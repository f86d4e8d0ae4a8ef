"""Reconversion paths: from where a person starts (a job, studies, or only their skills) to AI
roles, with a plan.

A path lists the skills to learn (missing required skills, level-ups and the missing
prerequisites of both) in prerequisite order, each from a level to a level with its hours
(curators' estimates: the same skill between the same levels costs the same in every role),
trainings in proportion to the step, the qualifying routes the person can enter with the funding
each opens (``core.routes``), and the next steps that follow the person. Targets rank by one path
score: readiness (the fit above what a typical job already brings the role), remaining effort
(counted in full only for a fair fit) and junior pay; roles above the person's diploma come after
those within reach. A path is small and by value: ids, not catalogue objects.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Literal

from ia_metiers.core import graph
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.facts import usable
from ia_metiers.core.model import Job, Requirement, Role, Text, Training
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.routes import SMALL_STEP_HOURS, FundingOption, Route, next_steps, plan_routes, whole_programme
from ia_metiers.core.scoring import Fit, Have, effort, fit, profile, salary, scores, sector_factors, within_reach
from ia_metiers.core.situation import Situation, level_of_bac_plus
from ia_metiers.core.titles import Match

READINESS_SHARE = 0.65
EFFORT_SHARE = 0.25
PAY_SHARE = 0.10
EFFORT_SCALE = 300.0  # hours at which the effort factor halves
TRAININGS_PER_STEP = 2
STEP_SIZE_RATIO = 10  # a training may be at most this many times longer than the step it serves...
SHORT_TRAINING_HOURS = 35  # ...unless it is this short anyway
WEAK_FIT = 35.0  # below this fit a path is a weak match: said so, with the first realistic step
BASELINE_SHARE = 1.0  # a role's fit is read against its mean fit over the catalogue's jobs (no catch-all role)
EASE_FULL_FIT = 40.0  # effort and pay count in full only from this fit: a short or well-paid plan far from a role is no shortcut
REACH_PENALTY = 4.0  # path-score points a role loses for each RNCP level its usual minimum is above the person's diploma
LANGUAGE_LEVEL = 2  # the level of French a person who does not work in French needs first (professional use)
HOURS_PER_WEEK_FULL_TIME = 35
HOURS_PER_WEEK_MOOC = 5  # curators' estimate: a self-paced course's "week" is a few hours of study, not full time
FOUNDATIONS = ("language", "math", "data")  # skill categories learnt before the others


Reason = Literal["missing", "level", "prerequisite", "language"]  # why a step is in a plan


@frozen
class Step(Frozen):
    """One skill to learn, from a level to a level, with its hours and suggested trainings."""

    skill: str
    have: int
    need: int
    hours: int
    trainings: tuple[str, ...]
    reason: Reason


@frozen
class Path(Frozen):
    """A reconversion path to one role, by value: the role's id, its fit, the plan's steps, the
    qualifying routes (the first is the one to start with) and the next steps."""

    role: str
    fit: float
    score: float
    transferable: tuple[str, ...]
    steps: tuple[Step, ...]
    routes: tuple[Route, ...]
    next_steps: tuple[str, ...]
    within_reach: bool | None  # the person's diploma reaches the role's usual minimum (None: not stated)
    weak: bool = False  # the match is weak: the first realistic step matters more than the ranking

    @property
    def hours(self) -> int:
        return sum(s.hours for s in self.steps)

    def weeks(self, hours_per_week: float) -> int:
        return math.ceil(self.hours / hours_per_week) if self.hours else 0

    @property
    def funding(self) -> tuple[FundingOption, ...]:
        """The funding of the route to start with."""
        return self.routes[0].funding if self.routes else ()


@frozen
class Origin(Frozen):
    """Where a person starts from: a current job, studies, an AI role, or nothing but their skills."""

    id: str | None
    kind: Literal["job", "student", "role", "none"]
    name: Text | None
    skills: tuple[Requirement, ...]  # what it is assumed to bring
    match: Match | None = None  # how the title was found
    title: str | None = None  # the words it was found from (as typed, or the CV's line)
    source: Literal["option", "document"] | None = None  # where those words came from: --from, --from-file

    def found(self, match: Match | None, title: str, source: Literal["option", "document"]) -> Origin:
        """This origin, saying how and from which words it was found."""
        return Origin(self.id, self.kind, self.name, self.skills, match, title, source)

    @classmethod
    def of_job(cls, job: Job) -> Origin:
        """Starting from a current job (or studies): the skills it is assumed to bring."""
        return cls(job.id, job.kind, job.name, tuple(job.skills))

    @classmethod
    def of_role(cls, role: Role) -> Origin:
        """Starting from an AI role held today: its required skills."""
        return cls(role.id, "role", role.name, tuple(role.required))

    @classmethod
    def none(cls) -> Origin:
        """Starting from nothing but the person's own skills."""
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
    """Current trainings that teach ``skill`` (at level ``need`` or more first), not an order of
    magnitude longer than the step, and never a whole programme (title, degree, bootcamp) for a
    step of SMALL_STEP_HOURS or fewer: in the person's languages first, then those preparing for
    the role, covering more of the plan, CPF-eligible, shorter."""
    found = []
    for t, level in _teaching(catalog).get(skill, ()):
        if not current(catalog, t, today):
            continue
        length = training_hours(t)
        if step_hours is not None and length is not None and length > max(STEP_SIZE_RATIO * step_hours, SHORT_TRAINING_HOURS):
            continue
        if step_hours is not None and step_hours <= SMALL_STEP_HOURS and whole_programme(catalog, t):
            continue  # a whole programme never serves a small step
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


def plan_steps(
    catalog: Catalog, person: Mapping[str, Have], role: Role, situation: Situation | None = None
) -> tuple[Fit, tuple[Step, ...]]:
    """The role's fit and the plan's steps in learning order: the missing required skills, the
    level-ups and their missing prerequisites (the one computation ``gap`` and ``path`` share)."""
    situation = situation or Situation()
    result = fit(catalog, person, role)
    todo: dict[str, tuple[int, int, Reason]] = {}  # skill -> (have, need, reason)
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
    if not situation.works_in_french and "french" in catalog.skills:
        held = person["french"].level if "french" in person else 0
        if held < LANGUAGE_LEVEL:  # the first barrier of someone who does not work in French
            todo = {"french": (held, LANGUAGE_LEVEL, "language"), **todo}
    steps = []
    wanted = frozenset(todo)
    order = graph.learning_order(catalog.relation("prerequisites"), _foundations_first(catalog, todo))
    order.sort(key=lambda sid: todo[sid][2] != "language")  # the working language comes first
    for sid in order:
        have, need, reason = todo[sid]
        hours = effort(catalog, sid, have, need)
        suggested = trainings_for(
            catalog, sid, role, wanted, need=need, step_hours=hours, languages=situation.languages, today=situation.today
        )
        steps.append(Step(sid, have, need, hours, tuple(t.id for t in suggested[:TRAININGS_PER_STEP]), reason))
    return result, tuple(steps)


def plan(catalog: Catalog, person: Mapping[str, Have], role: Role, situation: Situation | None = None) -> Path:
    """The path from a profile to one role: its steps, the qualifying routes the person can enter
    (with their funding) and the next steps that follow the person."""
    situation = situation or Situation()
    result, steps = plan_steps(catalog, person, role, situation)
    leveled = {s.skill for s in steps if s.reason == "level"}
    transferable = tuple(dict.fromkeys(c.via.skill for c in result.covers if c.matched and c.via and c.skill not in leveled))
    routes = plan_routes(catalog, person, role, [(s.skill, s.hours) for s in steps], situation, result.score)
    return Path(
        role.id,
        result.score,
        0.0,
        transferable,
        steps,
        routes,
        next_steps(catalog, situation),
        within_reach(role, situation.diploma_level),
        result.score < WEAK_FIT,
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
    """Paths to every role (or ``roles``), best first by path score; with a stated diploma, a role
    loses REACH_PENALTY points for each level its usual minimum is above it. A role is read against
    its mean fit over the catalogue's jobs (a sector-tied role, for a person who lacks its sector,
    against its mean with the sector known)."""
    situation = situation or Situation()
    targets = roles if roles is not None else list(catalog.roles.values())
    paths = [plan(catalog, person, r, situation) for r in targets]
    mids = {r.id: _midpoint(r) for r in catalog.roles.values()}
    top_pay = max(mids.values(), default=0) or 1
    factors = sector_factors(catalog, person)
    base = {rid: b if factors.get(rid, 1.0) == 1.0 else sector_baselines(catalog)[rid] for rid, b in baselines(catalog).items()}
    scored = []
    for p in paths:
        fair = min(1.0, p.fit / EASE_FULL_FIT)
        readiness = (p.fit - BASELINE_SHARE * base.get(p.role, 0.0)) / 100
        ease = fair / (1 + p.hours / EFFORT_SCALE)
        pay = fair * mids.get(p.role, 0) / top_pay
        value = 100 * (READINESS_SHARE * readiness + EFFORT_SHARE * ease + PAY_SHARE * pay)
        value = round(value - REACH_PENALTY * _levels_short(catalog.roles[p.role], situation), 1)
        scored.append(
            (value, Path(p.role, p.fit, max(value, 0.0), p.transferable, p.steps, p.routes, p.next_steps, p.within_reach, p.weak))
        )
    scored.sort(key=lambda vp: (-vp[0], -vp[1].fit, vp[1].role))
    return [p for _, p in scored]


def _levels_short(role: Role, situation: Situation) -> int:
    """How many RNCP levels the role's usual minimum is above the person's diploma (0: within reach)."""
    if situation.diploma_level is None or role.education is None:
        return 0
    return max(0, level_of_bac_plus(role.education.min) - max(situation.diploma_level, 3))


def baselines(catalog: Catalog) -> dict[str, float]:
    """Each role's mean fit over the catalogue's jobs (what a typical job already brings it),
    built once a catalogue: a role most jobs half-match through common skills needs more than
    that to rank high, so that no role is a catch-all."""
    return _means(catalog)[0]


def sector_baselines(catalog: Catalog) -> dict[str, float]:
    """Each role's mean fit over the catalogue's jobs, a sector-tied role's fit counted as if every
    job knew its sector: the baseline of a person who lacks the sector, so that the sector penalty
    is not given back by the low mean it makes (a fisher never gets the risk data scientist first)."""
    return _means(catalog)[1]


def _means(catalog: Catalog) -> tuple[dict[str, float], dict[str, float]]:
    cached: tuple[dict[str, float], dict[str, float]] | None = catalog.__dict__.get("_baselines")
    if cached is None:
        totals = dict.fromkeys(catalog.roles, 0.0)
        known = dict.fromkeys(catalog.roles, 0.0)
        for job in catalog.jobs.values():
            person = profile(Have(r.skill, r.level, r.skill, "assumed") for r in job.skills)
            factors = sector_factors(catalog, person)
            for rid, value in scores(catalog, person).items():
                totals[rid] += value
                known[rid] += value / factors[rid]
        n = max(len(catalog.jobs), 1)
        cached = ({rid: t / n for rid, t in totals.items()}, {rid: t / n for rid, t in known.items()})
        catalog.__dict__["_baselines"] = cached
    return cached


def _midpoint(role: Role) -> float:
    band = salary(role, "junior") or salary(role, "confirme")
    return (band.min + band.max) / 2 if band else 0.0

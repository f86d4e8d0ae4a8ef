"""Reconversion paths: from a current job (plus stated skills) to AI roles, with a plan.

A path lists the skills to learn (missing required skills, level gaps and the missing
prerequisites of both) in prerequisite order, with hours (curator's estimates),
trainings and funding. Targets rank by readiness (fit), effort and pay.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import Job, Requirement, Role, Text, Training
from ia_metiers.core.scoring import Fit, Have, fit, learning_order, salary

READINESS_SHARE = 0.65
EFFORT_SHARE = 0.25
PAY_SHARE = 0.10
EFFORT_SCALE = 300.0  # hours at which the effort factor halves
DEFAULT_EFFORT = 40  # hours for a skill with no estimate
TRAININGS_PER_STEP = 2


@dataclass(frozen=True, slots=True)
class Step:
    """One skill to learn, with its hours and suggested trainings."""

    skill: str
    hours: int
    trainings: tuple[str, ...]
    reason: str  # missing | level | prerequisite


@dataclass(frozen=True, slots=True)
class Path:
    """A reconversion path to one role."""

    role: Role
    fit: Fit
    score: float
    transferable: tuple[str, ...]
    steps: tuple[Step, ...]
    funding: tuple[str, ...]

    @property
    def hours(self) -> int:
        return sum(s.hours for s in self.steps)

    def weeks(self, hours_per_week: float) -> int:
        return math.ceil(self.hours / hours_per_week) if self.hours else 0


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a person starts from: a current job, or an AI role (a move between AI roles)."""

    id: str
    kind: str  # job | role
    name: Text
    skills: tuple[Requirement, ...]  # what it brings

    @classmethod
    def of_job(cls, job: Job) -> Origin:
        return cls(job.id, "job", job.name, tuple(job.skills))

    @classmethod
    def of_role(cls, role: Role) -> Origin:
        return cls(role.id, "role", role.name, tuple(role.required))


def job_haves(origin: Job | Origin, lang: str) -> list[Have]:
    """The skills a job (or an origin) brings, labelled with its name."""
    label = origin.name.get(lang)
    return [Have(r.skill, r.level, label) for r in origin.skills]


def effort(catalog: Catalog, skill: str, have: int, need: int) -> int:
    """Hours to go from level ``have`` to ``need`` (an estimate: each level a share)."""
    base = catalog.skills[skill].effort_hours or DEFAULT_EFFORT
    # level 2 (operational) costs the estimate; level 3 costs half as much again
    scale = {0: 0.0, 1: 0.5, 2: 1.0, 3: 1.5}
    return max(1, round(base * (scale[need] - scale[min(have, need)])))


def trainings_for(catalog: Catalog, skill: str, role: Role | None, plan_skills: frozenset[str] = frozenset()) -> list[Training]:
    """Trainings that teach ``skill``: those preparing for the role first, then those covering
    more of the plan, then CPF-eligible ones, then shorter ones."""
    found = [t for t in catalog.trainings.values() if skill in t.skill_ids]

    def key(t: Training) -> tuple[int, int, int, float, str]:
        return (
            0 if role and role.id in t.roles else 1,
            -len(plan_skills.intersection(t.skill_ids)),
            0 if t.cpf else 1,
            t.duration_hours or (t.duration_weeks or 52) * 35,
            t.id,
        )

    return sorted(found, key=key)


def plan(catalog: Catalog, person: dict[str, Have], role: Role) -> Path:
    """The path from a profile to one role."""
    result = fit(catalog, person, role)
    todo: dict[str, tuple[int, int, str]] = {}  # skill -> (have, need, reason)
    for cover in result.covers:
        if not cover.required:
            continue
        need = cover.requirement.level
        if not cover.matched:
            todo[cover.requirement.skill] = (0, need, "missing")
        elif cover.level_gap and cover.via is not None:
            todo[cover.requirement.skill] = (cover.via.level, need, "level")
    for sid, (_have, need, _why) in list(todo.items()):
        # notions of a skill need only notions of its prerequisites
        for pre in _missing_prerequisites(catalog, person, sid):
            old = todo.get(pre)
            level = min(need, 2)
            if old is None or (old[2] == "prerequisite" and old[1] < level):
                todo[pre] = (0, level, "prerequisite")
    steps = []
    wanted = frozenset(todo)
    for sid in learning_order(catalog, todo):
        have, need, reason = todo[sid]
        suggested = tuple(t.id for t in trainings_for(catalog, sid, role, wanted)[:TRAININGS_PER_STEP])
        steps.append(Step(sid, effort(catalog, sid, have, need), suggested, reason))
    transferable = tuple(dict.fromkeys(c.via.skill for c in result.covers if c.matched and c.via))
    types = {catalog.trainings[t].type for s in steps for t in s.trainings}
    funding = tuple(f.id for f in catalog.funding.values() if not f.applies_to or types & set(f.applies_to))
    return Path(role, result, 0.0, transferable, tuple(steps), funding)


def _missing_prerequisites(catalog: Catalog, person: dict[str, Have], sid: str) -> list[str]:
    """Prerequisites (transitively) the person holds neither directly nor through a narrower skill."""
    out: list[str] = []
    stack = list(catalog.skills[sid].prerequisites)
    while stack:
        pre = stack.pop()
        if pre in out or _holds(catalog, person, pre):
            continue
        out.append(pre)
        stack.extend(catalog.skills[pre].prerequisites)
    return out


def _holds(catalog: Catalog, person: dict[str, Have], sid: str) -> bool:
    return sid in person or any(sid in catalog.ancestors.get(h, ()) for h in person)


def rank_paths(catalog: Catalog, person: dict[str, Have], roles: list[Role] | None = None) -> list[Path]:
    """Paths to every role (or ``roles``), best first: readiness, effort, then pay."""
    targets = roles if roles is not None else list(catalog.roles.values())
    paths = [plan(catalog, person, r) for r in targets]
    mids = {r.id: _midpoint(r) for r in catalog.roles.values()}
    top_pay = max(mids.values(), default=0) or 1
    scored = []
    for p in paths:
        readiness = p.fit.score / 100
        ease = 1 / (1 + p.hours / EFFORT_SCALE)
        pay = mids.get(p.role.id, 0) / top_pay
        value = 100 * (READINESS_SHARE * readiness + EFFORT_SHARE * ease + PAY_SHARE * pay)
        scored.append(Path(p.role, p.fit, round(value, 1), p.transferable, p.steps, p.funding))
    return sorted(scored, key=lambda p: (-p.score, p.role.id))


def _midpoint(role: Role) -> float:
    band = salary(role, "junior")
    return (band.min + band.max) / 2 if band else 0.0

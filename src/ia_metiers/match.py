"""Fit scoring and gap analysis: how well a person's skills cover each role.

score = 100 * (REQUIRED_SHARE * R + (1 - REQUIRED_SHARE) * U), where
R = weighted coverage of the role's required skills, and
U = weighted share of the person's skills that the role uses (required or optional).
Weights are IDF-like, so skills every role asks for (Python) count less than the ones
that tell roles apart. A person holding exactly a role's required skills scores 100 for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ia_metiers.catalog import Catalog
from ia_metiers.model import DEFAULT_LEVEL, Requirement, Role, SalaryBand

REQUIRED_SHARE = 0.7
NARROWER_CREDIT = 0.85   # the person has AWS, the role asks for cloud
BROADER_CREDIT = 0.4     # the person has cloud, the role asks for AWS
MATCHED_AT = 0.5         # credit from which a requirement counts as matched


@dataclass(frozen=True, slots=True)
class Have:
    """A skill the person states, at a level, with the text that named it."""

    skill: str
    level: int = DEFAULT_LEVEL
    input: str = ""


@dataclass(frozen=True, slots=True)
class Cover:
    """How one requirement of a role is met."""

    requirement: Requirement
    required: bool
    credit: float            # 0..1
    via: Have | None         # the person's skill that gives the credit

    @property
    def matched(self) -> bool:
        return self.credit >= MATCHED_AT

    @property
    def level_gap(self) -> bool:
        """The person has this very skill, below the level the role asks."""
        return self.via is not None and self.via.skill == self.requirement.skill \
            and self.via.level < self.requirement.level


@dataclass(frozen=True, slots=True)
class Fit:
    """A role's fit for a profile."""

    role: Role
    score: float
    covers: tuple[Cover, ...]

    def ids(self, required: bool, matched: bool) -> list[str]:
        return [c.requirement.skill for c in self.covers
                if c.required == required and c.matched == matched]

    @property
    def matched(self) -> list[str]:
        return [c.requirement.skill for c in self.covers if c.matched]

    @property
    def missing_required(self) -> list[str]:
        return self.ids(True, False)

    @property
    def missing_optional(self) -> list[str]:
        return self.ids(False, False)

    @property
    def level_gaps(self) -> list[Cover]:
        return [c for c in self.covers if c.matched and c.level_gap]


def profile(haves: Iterable[Have]) -> dict[str, Have]:
    """One entry per skill, keeping the highest level stated."""
    out: dict[str, Have] = {}
    for have in haves:
        if have.skill not in out or have.level > out[have.skill].level:
            out[have.skill] = have
    return out


def weights(catalog: Catalog) -> dict[str, float]:
    """IDF-like weight of each skill across the roles."""
    return catalog.skill_weights


def credit(catalog: Catalog, person: dict[str, Have], skill: str, level: int) -> tuple[float, Have | None]:
    """Best credit the person's skills give to one requirement, and the skill giving it."""
    have = person.get(skill)
    if have is not None:
        return min(1.0, have.level / level), have
    best, via = 0.0, None
    for other in person.values():
        anc = catalog.ancestors.get(other.skill, ())
        if skill in anc:
            value = NARROWER_CREDIT * min(1.0, other.level / level)
        elif skill in catalog.ancestors and other.skill in catalog.ancestors[skill]:
            value = BROADER_CREDIT * min(1.0, other.level / level)
        else:
            continue
        if value > best or (value == best and via is not None and other.skill < via.skill):
            best, via = value, other
    return best, via


def fit(catalog: Catalog, person: dict[str, Have], role: Role) -> Fit:
    """Score one role for a profile (see the module docstring)."""
    w = weights(catalog)
    covers = []
    for required, reqs in ((True, role.required), (False, role.optional)):
        for req in reqs:
            value, via = credit(catalog, person, req.skill, req.level)
            covers.append(Cover(req, required, value, via))
    total = sum(w[c.requirement.skill] * c.requirement.weight for c in covers if c.required)
    got = sum(w[c.requirement.skill] * c.requirement.weight * c.credit for c in covers if c.required)
    r_share = got / total if total else 0.0
    wanted = {c.requirement.skill for c in covers}
    used = {s: _use(catalog, s, wanted) for s in person}
    mass = sum(w.get(s, 1.0) for s in person)
    u_share = sum(w.get(s, 1.0) * v for s, v in used.items()) / mass if mass else 0.0
    score = 100 * (REQUIRED_SHARE * r_share + (1 - REQUIRED_SHARE) * u_share)
    return Fit(role, round(score, 1), tuple(covers))


def _use(catalog: Catalog, skill: str, wanted: set[str]) -> float:
    """How much of a person's skill a role can use: itself, a family it belongs to, a member."""
    if skill in wanted:
        return 1.0
    if wanted.intersection(catalog.ancestors.get(skill, ())):
        return NARROWER_CREDIT
    if any(skill in catalog.ancestors.get(w, ()) for w in wanted):
        return BROADER_CREDIT
    return 0.0


def rank(catalog: Catalog, person: dict[str, Have], roles: Iterable[Role] | None = None) -> list[Fit]:
    """Every role's fit, best first; ties break by id."""
    fits = [fit(catalog, person, role) for role in (roles if roles is not None else catalog.roles.values())]
    return sorted(fits, key=lambda f: (-f.score, f.role.id))


def salary(role: Role, level: str, region: str = "fr") -> SalaryBand | None:
    """The role's band for a region and level (falling back to 'all')."""
    bands = {(b.region, b.level): b for b in sorted(role.salaries, key=lambda b: b.year)}
    return bands.get((region, level)) or bands.get((region, "all"))


def learning_order(catalog: Catalog, skills: Iterable[str]) -> list[str]:
    """Skills sorted so that prerequisites come first (stable otherwise)."""
    wanted = list(dict.fromkeys(skills))
    wanted_set = set(wanted)
    out: list[str] = []
    placed: set[str] = set()

    def place(sid: str, trail: frozenset[str]) -> None:
        if sid in placed or sid in trail:
            return
        for pre in catalog.skills[sid].prerequisites if sid in catalog.skills else ():
            if pre in wanted_set:
                place(pre, trail | {sid})
            else:
                for deeper in _prereq_closure(catalog, pre):
                    if deeper in wanted_set:
                        place(deeper, trail | {sid})
        placed.add(sid)
        out.append(sid)

    for sid in wanted:
        place(sid, frozenset())
    return out


def _prereq_closure(catalog: Catalog, sid: str) -> list[str]:
    seen: list[str] = []
    stack = [sid]
    while stack:
        cur = stack.pop()
        for pre in catalog.skills[cur].prerequisites if cur in catalog.skills else ():
            if pre not in seen:
                seen.append(pre)
                stack.append(pre)
    return seen

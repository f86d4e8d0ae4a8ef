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


@dataclass(frozen=True, slots=True)
class _Index:
    """Per-catalogue tables that make scoring a few dictionary look-ups."""

    relations: dict[str, dict[str, float]]      # person skill -> requirement skill -> factor
    uses: dict[str, dict[str, float]]           # role id -> person skill -> how much the role uses it
    required_mass: dict[str, float]             # role id -> total weight of required skills


def _index(catalog: Catalog) -> _Index:
    cached = catalog.__dict__.get("_score_index")
    if cached is not None:
        return cached
    relations: dict[str, dict[str, float]] = {s: {s: 1.0} for s in catalog.skills}
    for sid, ancestors in catalog.ancestors.items():
        for anc in ancestors:
            relations[sid][anc] = max(relations[sid].get(anc, 0.0), NARROWER_CREDIT)
            relations[anc][sid] = max(relations[anc].get(sid, 0.0), BROADER_CREDIT)
    w = catalog.skill_weights
    uses: dict[str, dict[str, float]] = {}
    mass: dict[str, float] = {}
    for role in catalog.roles.values():
        use: dict[str, float] = {}
        for req in (*role.required, *role.optional):
            for person_skill in relations[req.skill]:  # links are stored both ways
                use[person_skill] = max(use.get(person_skill, 0.0), relations[person_skill][req.skill])
        uses[role.id] = use
        mass[role.id] = sum(w[r.skill] * r.weight for r in role.required)
    index = _Index(relations, uses, mass)
    catalog.__dict__["_score_index"] = index
    return index


def credit(catalog: Catalog, person: dict[str, Have], skill: str, level: int) -> tuple[float, Have | None]:
    """Best credit the person's skills give to one requirement, and the skill giving it.

    The very skill counts fully, a narrower one (AWS for cloud) at NARROWER_CREDIT, a broader
    one at BROADER_CREDIT; a lower level than asked scales the credit down.
    """
    relations = _index(catalog).relations
    best, via = 0.0, None
    for have in person.values():
        factor = relations.get(have.skill, {}).get(skill)
        if factor is None:
            continue
        value = factor * min(1.0, have.level / level)
        if value > best or (value == best and via is not None and have.skill < via.skill):
            best, via = value, have
    return best, via


def _score(catalog: Catalog, person: dict[str, Have], role: Role, credits: list[float]) -> float:
    w = catalog.skill_weights
    index = _index(catalog)
    total = index.required_mass[role.id]
    got = sum(w[r.skill] * r.weight * c for r, c in zip(role.required, credits, strict=False))
    r_share = got / total if total else 0.0
    use = index.uses[role.id]
    mass = sum(w.get(s, 1.0) for s in person)
    u_share = sum(w.get(s, 1.0) * use.get(s, 0.0) for s in person) / mass if mass else 0.0
    return round(100 * (REQUIRED_SHARE * r_share + (1 - REQUIRED_SHARE) * u_share), 1)


def fit(catalog: Catalog, person: dict[str, Have], role: Role) -> Fit:
    """Score one role for a profile (see the module docstring), with how each skill is met."""
    covers = []
    for required, reqs in ((True, role.required), (False, role.optional)):
        for req in reqs:
            value, via = credit(catalog, person, req.skill, req.level)
            covers.append(Cover(req, required, value, via))
    score = _score(catalog, person, role, [c.credit for c in covers if c.required])
    return Fit(role, score, tuple(covers))


def quick_score(catalog: Catalog, person: dict[str, Have], role: Role) -> float:
    """The same score as ``fit``, without building the explanation."""
    relations = _index(catalog).relations
    credits = []
    for req in role.required:
        best = 0.0
        for have in person.values():
            factor = relations.get(have.skill, {}).get(req.skill)
            if factor is not None:
                best = max(best, factor * min(1.0, have.level / req.level))
        credits.append(best)
    return _score(catalog, person, role, credits)


def rank(catalog: Catalog, person: dict[str, Have], roles: Iterable[Role] | None = None,
         top: int | None = None) -> list[Fit]:
    """Roles by fit, best first (ties by id); only the first ``top`` are explained."""
    pool = list(roles if roles is not None else catalog.roles.values())
    order = sorted(pool, key=lambda r: (-quick_score(catalog, person, r), r.id))
    return [fit(catalog, person, r) for r in order[:top]]


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

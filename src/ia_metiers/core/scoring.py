"""Fit scoring and gap analysis: how well a person's skills cover each role.

score = 100 * (REQUIRED_SHARE * R + (1 - REQUIRED_SHARE) * U), where
R = weighted coverage of the role's required skills, and
U = weighted share of the person's skills that the role uses (required or optional).
Weights are IDF-like, so skills every role asks for (Python) count less than the ones
that tell roles apart. A person holding exactly a role's required skills scores 100 for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ia_metiers.core import graph
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import DEFAULT_LEVEL, Role, SalaryBand
from ia_metiers.core.record import Record
from ia_metiers.core.situation import level_of_bac_plus

REQUIRED_SHARE = 0.7
NARROWER_CREDIT = 0.85  # the person has AWS, the role asks for cloud (a kind of it); each further step multiplies again
BROADER_CREDIT = 0.25  # the person has cloud, the role asks for AWS: a hint, never a match
OPTIONAL_USE = 0.5  # an optional skill counts half as much as a required one in the "uses" term
MATCHED_AT = 0.5  # credit from which a requirement counts as matched
USE_SHARE = 1 - REQUIRED_SHARE


@dataclass(frozen=True, slots=True, repr=False)
class Have(Record):
    """A skill the person states, at a level, with the text that named it."""

    skill: str
    level: int = DEFAULT_LEVEL
    input: str = ""
    source: str = "stated"  # stated (typed) | text (read in a CV or posting) | assumed (from the job)


@dataclass(frozen=True, slots=True, repr=False)
class Cover(Record):
    """How one requirement of a role is met: the skill and level asked, the credit, and the
    person's skill that gives it."""

    skill: str
    level: int
    required: bool
    credit: float  # 0..1
    via: Have | None

    @property
    def matched(self) -> bool:
        return self.credit >= MATCHED_AT

    @property
    def level_gap(self) -> bool:
        """The person has this very skill, below the level the role asks."""
        return self.via is not None and self.via.skill == self.skill and self.via.level < self.level


@dataclass(frozen=True, slots=True, repr=False)
class Fit(Record):
    """A role's fit for a profile: the role's id, its score and how each requirement is met
    (the required ones, then the optional ones). Small, picklable and compared by value."""

    role: str
    score: float
    covers: tuple[Cover, ...]

    def ids(self, required: bool, matched: bool) -> list[str]:
        return [c.skill for c in self.covers if c.required == required and (c.credit >= MATCHED_AT) == matched]

    @property
    def matched(self) -> list[str]:
        return [c.skill for c in self.covers if c.credit >= MATCHED_AT]

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


@dataclass(frozen=True, slots=True, repr=False)
class _Index(Record):
    """Per-catalogue tables that make scoring a few dictionary look-ups.

    Roles are numbered in catalogue order; for each skill, the roles it counts towards, so that
    scoring a profile is a sum over the person's skills rather than a walk over every role.
    """

    relations: dict[str, dict[str, float]]  # person skill -> requirement skill -> factor
    uses: dict[str, dict[str, float]]  # role id -> person skill -> how much the role uses it
    required: dict[str, tuple[tuple[str, float, int], ...]]  # role id -> (skill, weight, level)
    required_mass: dict[str, float]  # role id -> total weight of required skills
    order: tuple[str, ...]  # role number -> role id
    asked_at: dict[str, tuple[tuple[int, float, int], ...]]  # skill -> (role number, weight, level) of each requirement
    used_at: dict[str, tuple[tuple[int, float], ...]]  # person skill -> (role number, its weight x how much the role uses it)
    masses: tuple[float, ...]  # role number -> total weight of required skills
    needs_at: tuple[dict[str, tuple[tuple[int, int], ...]], ...]  # role number -> skill -> (requirement number, level)


def prepare(catalog: Catalog) -> None:
    """Build the scoring tables now (before the catalogue is cached)."""
    _index(catalog)


def _index(catalog: Catalog) -> _Index:
    cached: _Index | None = catalog.__dict__.get("_score_index")
    if cached is not None:
        return cached
    relations: dict[str, dict[str, float]] = {s: {s: 1.0} for s in catalog.skills}
    broader = catalog.relation("broader")
    for sid in catalog.skills:
        for anc, depth in graph.depths(broader, sid).items():
            relations[sid][anc] = max(relations[sid].get(anc, 0.0), NARROWER_CREDIT**depth)
            if depth == 1:  # a family credits only its direct kinds, a little
                relations[anc][sid] = max(relations[anc].get(sid, 0.0), BROADER_CREDIT)
    offered_by: dict[str, dict[str, float]] = {}  # requirement skill -> person skill -> factor
    for person_skill, links in relations.items():
        for req_skill, factor in links.items():
            offered_by.setdefault(req_skill, {})[person_skill] = factor
    w = catalog.skill_weights
    uses: dict[str, dict[str, float]] = {}
    required: dict[str, tuple[tuple[str, float, int], ...]] = {}
    for role in catalog.roles.values():
        use: dict[str, float] = {}
        for req, share in [*((r, 1.0) for r in role.required), *((r, OPTIONAL_USE) for r in role.optional)]:
            for person_skill, factor in offered_by.get(req.skill, {}).items():
                use[person_skill] = max(use.get(person_skill, 0.0), share * factor)
        uses[role.id] = use
        required[role.id] = tuple((r.skill, w[r.skill] * r.weight, r.level) for r in role.required)
    mass = {rid: sum(wt for _, wt, _ in reqs) for rid, reqs in required.items()}
    order = tuple(catalog.roles)
    asked_at: dict[str, list[tuple[int, float, int]]] = {}
    used_at: dict[str, list[tuple[int, float]]] = {}
    for number, rid in enumerate(order):
        for skill, weight, level in required[rid]:
            asked_at.setdefault(skill, []).append((number, weight, level))
        for skill, factor in uses[rid].items():
            used_at.setdefault(skill, []).append((number, w.get(skill, 1.0) * factor))
    needs_at: list[dict[str, tuple[tuple[int, int], ...]]] = []
    for role in catalog.roles.values():
        at: dict[str, tuple[tuple[int, int], ...]] = {}
        for position, req in enumerate((*role.required, *role.optional)):
            at[req.skill] = (*at.get(req.skill, ()), (position, req.level))
        needs_at.append(at)
    index = _Index(
        relations,
        uses,
        required,
        mass,
        order,
        {k: tuple(v) for k, v in asked_at.items()},
        {k: tuple(v) for k, v in used_at.items()},
        tuple(mass[rid] for rid in order),
        tuple(needs_at),
    )
    catalog.__dict__["_score_index"] = index
    return index


Offers = dict[str, list[tuple[float, Have]]]


def offers(catalog: Catalog, person: Mapping[str, Have]) -> Offers:
    """For each skill a role may ask for, what the person's skills offer: (factor, skill).

    The very skill counts fully, a narrower one (AWS for cloud) at NARROWER_CREDIT, a broader
    one at BROADER_CREDIT.
    """
    relations = _index(catalog).relations
    out: Offers = {}
    for have in person.values():
        for skill, factor in relations.get(have.skill, {}).items():
            out.setdefault(skill, []).append((factor, have))
    return out


def credit(offered: Offers, skill: str, level: int) -> tuple[float, Have | None]:
    """Best credit for one requirement, and the person's skill giving it (a lower level scales it)."""
    best, via = 0.0, None
    for factor, have in offered.get(skill, ()):
        value = factor * min(1.0, have.level / level)
        if value > best or (value == best and via is not None and have.skill < via.skill):
            best, via = value, have
    return best, via


def _person_weights(catalog: Catalog, person: Mapping[str, Have]) -> tuple[list[tuple[str, float]], float]:
    pw = [(s, catalog.skill_weights.get(s, 1.0)) for s in person]
    return pw, sum(w for _, w in pw)


def _score(catalog: Catalog, role: Role, got: float, pw: list[tuple[str, float]], mass: float) -> float:
    index = _index(catalog)
    total = index.required_mass[role.id]
    r_share = got / total if total else 0.0
    use = index.uses[role.id]
    u_share = sum(w * use.get(s, 0.0) for s, w in pw) / mass if mass else 0.0
    return round(100 * (REQUIRED_SHARE * r_share + USE_SHARE * u_share), 1)


def fit(
    catalog: Catalog, person: Mapping[str, Have], role: Role, offered: Offers | None = None, score: float | None = None
) -> Fit:
    """Score one role for a profile (see the module docstring), with how each skill is met."""
    offered = offers(catalog, person) if offered is None else offered
    covers = []
    w = catalog.skill_weights
    gains = []  # weighted credit of each required skill, in order
    for required, reqs in ((True, role.required), (False, role.optional)):
        for req in reqs:
            value, via = credit(offered, req.skill, req.level) if req.skill in offered else (0.0, None)
            covers.append(Cover(req.skill, req.level, required, value, via))
            if required:
                gains.append(w[req.skill] * req.weight * value)
    if score is None:
        score = _score(catalog, role, sum(gains), *_person_weights(catalog, person))
    return Fit(role.id, score, tuple(covers))


def quick_score(
    catalog: Catalog,
    person: Mapping[str, Have],
    role: Role,
    offered: Offers | None = None,
    weights: tuple[list[tuple[str, float]], float] | None = None,
) -> float:
    """The same score as ``fit``, without building the explanation."""
    offered = offers(catalog, person) if offered is None else offered
    got = 0.0
    for skill, weight, level in _index(catalog).required[role.id]:
        found = offered.get(skill)
        if found:
            got += weight * max(f * min(1.0, h.level / level) for f, h in found)
    return _score(catalog, role, got, *(weights or _person_weights(catalog, person)))


def scores(catalog: Catalog, person: Mapping[str, Have], offered: Offers | None = None) -> dict[str, float]:
    """Every role's score at once, walking only the requirements the person touches."""
    index = _index(catalog)
    shares = _shares(index, catalog, person, offers(catalog, person) if offered is None else offered)
    return {rid: round(100 * x, 1) for rid, x in zip(index.order, shares, strict=True)}


def _shares(index: _Index, catalog: Catalog, person: Mapping[str, Have], offered: Offers) -> list[float]:
    """Each role's score / 100 before rounding, by role number. The sums run in the order of
    ``quick_score`` and ``fit`` (the person's skills as given), so every float is the same, to the
    last bit, whichever way a score is asked."""
    got = [0.0] * len(index.order)
    for skill, found in offered.items():
        asked = index.asked_at.get(skill)
        if asked is None:
            continue
        if len(found) == 1:  # f * min(1.0, level / wanted), without the calls
            factor, have = found[0]
            held = have.level
            for number, weight, level in asked:
                got[number] += weight * (factor if held >= level else factor * (held / level))
        else:
            best: dict[int, float] = {}  # requirement level -> the best credit found for it
            for number, weight, level in asked:
                value = best.get(level)
                if value is None:
                    value = best[level] = max(f * min(1.0, h.level / level) for f, h in found)
                got[number] += weight * value
    pw, mass = _person_weights(catalog, person)
    used = [0.0] * len(index.order)
    for skill, _ in pw:
        for number, value in index.used_at.get(skill, ()):
            used[number] += value
    return [
        REQUIRED_SHARE * (g / total if total else 0.0) + USE_SHARE * (u / mass if mass else 0.0)
        for g, u, total in zip(got, used, index.masses, strict=True)
    ]


def _best(index: _Index, shares: list[float], top: int) -> list[tuple[int, float]]:
    """(role number, score) of the first ``top`` roles by score, ties by id, rounding only the roles
    that can place: rounding never reverses an order, so a role below the 0.1 step of the
    ``top``-th score cannot be among them."""
    pool: Iterable[int] = range(len(shares))
    if top < len(shares):
        floor = round(100 * sorted(shares, reverse=True)[top - 1], 1)
        pool = [n for n, x in enumerate(shares) if 100 * x >= floor - 0.06]  # margin: the 0.05 half-step, and more
    ranked = sorted((-round(100 * shares[n], 1), index.order[n], n) for n in pool)
    return [(n, -score) for score, _, n in ranked[:top]]


def rank(catalog: Catalog, person: Mapping[str, Have], roles: Iterable[Role] | None = None, top: int | None = None) -> list[Fit]:
    """Roles by fit, best first (ties by id); only the first ``top`` are explained."""
    pool = list(roles if roles is not None else catalog.roles.values())
    offered = offers(catalog, person)
    quick = scores(catalog, person, offered)
    order = sorted(pool, key=lambda r: (-quick[r.id], r.id))
    return [fit(catalog, person, r, offered, quick[r.id]) for r in order[:top]]


@dataclass(frozen=True, slots=True, repr=False)
class Brief(Record):
    """A role's fit told by requirement numbers, without the ``Cover`` objects (what a batch answer
    needs). Requirements are numbered as ``Fit.covers``: the required ones, then the optional ones."""

    role: Role
    score: float
    met: tuple[int, ...]  # the requirements met (credit >= MATCHED_AT), in order
    via: tuple[tuple[int, str], ...]  # (requirement met, the person's other skill meeting it), in order

    @classmethod
    def of(cls, fit: Fit, role: Role) -> Brief:
        """The brief of ``fit``, a fit for ``role``."""
        met = tuple(n for n, c in enumerate(fit.covers) if c.matched)
        via = tuple(
            (n, c.via.skill) for n, c in enumerate(fit.covers) if c.matched and c.via is not None and c.via.skill != c.skill
        )
        return cls(role, fit.score, met, via)

    @property
    def needs(self) -> tuple[tuple[str, bool], ...]:
        """(skill, required) of each requirement, in order."""
        return (*((r.skill, True) for r in self.role.required), *((r.skill, False) for r in self.role.optional))

    @property
    def matched(self) -> list[str]:
        needs = self.needs
        return [needs[n][0] for n in self.met]

    @property
    def missing_required(self) -> list[str]:
        return [skill for n, (skill, required) in enumerate(self.needs) if required and n not in self.met]

    @property
    def missing_optional(self) -> list[str]:
        return [skill for n, (skill, required) in enumerate(self.needs) if not required and n not in self.met]


def briefs(catalog: Catalog, person: Mapping[str, Have], top: int) -> list[Brief]:
    """The first ``top`` roles of ``rank(catalog, person)``, as briefs (equal to ``Brief.of`` each fit)."""
    index = _index(catalog)
    offered = offers(catalog, person)
    out = []
    for number, score in _best(index, _shares(index, catalog, person, offered), top):
        met: list[tuple[int, str | None]] = []
        at = index.needs_at[number]
        for skill in at.keys() & offered.keys():  # only the requirements the person touches
            found = offered[skill]
            for position, level in at[skill]:
                via: Have | None
                if len(found) == 1:  # credit() of one offer
                    factor, via = found[0]
                    value = factor if via.level >= level else factor * (via.level / level)
                else:
                    value, via = credit(offered, skill, level)
                if value >= MATCHED_AT and via is not None:
                    met.append((position, via.skill if via.skill != skill else None))
        met.sort()
        others = tuple((n, other) for n, other in met if other is not None)
        out.append(Brief(catalog.roles[index.order[number]], score, tuple(n for n, _ in met), others))
    return out


def salary(role: Role, level: str, region: str = "fr", area: str | None = None, unit: str = "year") -> SalaryBand | None:
    """The role's band for a country, a level (falling back to 'all') and, when given, an area
    (idf: Île-de-France, regions: elsewhere; falling back to the whole country), newest first.
    ``unit`` 'day' gives the freelance day rate (TJM)."""
    for where in (area, None) if area is not None else (None,):
        chosen = [b for b in role.salaries if b.unit == unit and b.area == where]
        bands: dict[tuple[str, str], SalaryBand] = {(b.region, b.level): b for b in sorted(chosen, key=lambda b: b.year)}
        found = bands.get((region, level)) or bands.get((region, "all"))
        if found is not None:
            return found
    return None


DEFAULT_EFFORT = 40  # hours for a skill with no estimate
LEVEL_SCALE = {0: 0.0, 1: 0.5, 2: 1.0, 3: 1.5}  # share of the skill's estimate needed to reach a level


def within_reach(role: Role, diploma: int | None) -> bool | None:
    """Whether a diploma (its RNCP level, 0 and 3-8) reaches the role's usual minimum, stated as
    Bac+N (None: diploma or range unknown)."""
    if diploma is None or role.education is None:
        return None
    return diploma >= level_of_bac_plus(role.education.min)


def effort(catalog: Catalog, skill: str, have: int, need: int) -> int:
    """Hours to go from level ``have`` to ``need`` (the skill's estimate is the cost of level 2)."""
    base = catalog.skills[skill].effort_hours or DEFAULT_EFFORT
    return max(1, round(base * (LEVEL_SCALE[need] - LEVEL_SCALE[min(have, need)])))


def rank_within_reach(
    catalog: Catalog, person: Mapping[str, Have], *, top: int | None = None, diploma: int | None = None
) -> list[Fit]:
    """Roles by fit, best first; with a diploma (RNCP level), roles within its reach come first."""
    if diploma is None:
        return rank(catalog, person, top=top)
    fits = rank(catalog, person)
    fits.sort(key=lambda f: within_reach(catalog.roles[f.role], diploma) is False)
    return fits[:top]

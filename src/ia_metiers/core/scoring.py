"""Fit scoring and gap analysis: how well a person's skills cover each role.

score = 100 * (REQUIRED_SHARE * R + (1 - REQUIRED_SHARE) * U), where
R = weighted coverage of the role's required skills, and
U = weighted share of the person's skills that the role uses (required or optional).
Weights are IDF-like, so skills every role asks for (Python) count less than the ones
that tell roles apart. A person holding exactly a role's required skills scores 100 for it.
A role tied to a sector (``sector_skill``: health data, legal, HR, marketing, risk) scores
SECTOR_MISSING times less when the person lacks that sector's knowledge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

from ia_metiers.core import graph
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import DEFAULT_LEVEL, Role, SalaryBand
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.situation import level_of_bac_plus

REQUIRED_SHARE = 0.7
NARROWER_CREDIT = 0.85  # the person has AWS, the role asks for cloud (a kind of it); each further step multiplies again
BROADER_CREDIT = 0.25  # the person has cloud, the role asks for AWS: a hint, never a match
NARROWER_REACH_LEVEL = 2  # a narrower skill below this level (notions) credits its families only as a hint
OPTIONAL_USE = 0.5  # an optional skill counts half as much as a required one in the "uses" term
MATCHED_AT = 0.5  # credit from which a requirement counts as matched
SECTOR_MISSING = 0.6  # a sector-tied role's score is scaled by this when the person lacks the sector's knowledge
USE_SHARE = 1 - REQUIRED_SHARE


@frozen
class Have(Frozen):
    """A skill the person states, at a level, with the text that named it."""

    skill: str
    level: int = DEFAULT_LEVEL
    input: str = ""
    source: Literal["stated", "text", "assumed"] = "stated"  # typed; read in a CV or posting; assumed from the job


@frozen
class Cover(Frozen):
    """How one requirement of a role is met: the skill and level asked, the credit, and the
    person's skill that gives it."""

    skill: str
    level: int
    required: bool
    credit: float  # 0..1
    via: Have | None

    @property
    def matched(self) -> bool:
        """The credit reaches MATCHED_AT: the requirement counts as met."""
        return self.credit >= MATCHED_AT

    @property
    def level_gap(self) -> bool:
        """The person has this very skill, below the level the role asks."""
        return self.via is not None and self.via.skill == self.skill and self.via.level < self.level


@frozen
class Fit(Frozen):
    """A role's fit for a profile: the role's id, its score and how each requirement is met
    (the required ones, then the optional ones). Small, picklable and compared by value."""

    role: str
    score: float
    covers: tuple[Cover, ...]

    def ids(self, required: bool, matched: bool) -> list[str]:
        """The skills of the required (or optional) requirements that are matched (or not)."""
        return [c.skill for c in self.covers if c.required == required and (c.credit >= MATCHED_AT) == matched]

    @property
    def matched(self) -> list[str]:
        """The skills asked that the profile covers (credit of MATCHED_AT or more), in order."""
        return [c.skill for c in self.covers if c.credit >= MATCHED_AT]

    @property
    def missing_required(self) -> list[str]:
        """The required skills the profile does not cover."""
        return self.ids(True, False)

    @property
    def missing_optional(self) -> list[str]:
        """The optional skills the profile does not cover."""
        return self.ids(False, False)

    @property
    def level_gaps(self) -> list[Cover]:
        """The requirements covered by the very skill, held below the level asked."""
        return [c for c in self.covers if c.matched and c.level_gap]


def profile(haves: Iterable[Have]) -> dict[str, Have]:
    """One entry per skill, keeping the highest level stated."""
    out: dict[str, Have] = {}
    for have in haves:
        if have.skill not in out or have.level > out[have.skill].level:
            out[have.skill] = have
    return out


@frozen
class _Index(Frozen):
    """Per-catalogue tables that make scoring a few dictionary look-ups.

    Roles are numbered in catalogue order; for each skill, the roles it counts towards, so that
    scoring a profile is a sum over the person's skills rather than a walk over every role.
    """

    relations: dict[str, dict[str, float]]  # person skill -> requirement skill -> factor
    order: tuple[str, ...]  # role number -> role id
    numbers: dict[str, int]  # role id -> role number
    asked_at: dict[str, tuple[tuple[int, float, int], ...]]  # skill -> (role number, weight, level) of each requirement
    used_at: dict[str, tuple[tuple[int, float], ...]]  # person skill -> (role number, its weight x how much the role uses it)
    masses: tuple[float, ...]  # role number -> total weight of required skills
    needs_at: tuple[dict[str, tuple[tuple[int, int], ...]], ...]  # role number -> skill -> (requirement number, level)
    blank: tuple[tuple[Cover, ...], ...]  # role number -> a cover of no credit for each requirement
    families: dict[str, frozenset[str]]  # skill -> the families above it (those notions of it reach only as a hint)
    sectors: tuple[tuple[str, int] | None, ...]  # role number -> (sector skill, level asked) of a sector-tied role


def prepare(catalog: Catalog) -> None:
    """Build the scoring tables now (before the catalogue is cached)."""
    _index(catalog)


def index_of(catalog: Catalog) -> _Index:
    """The scoring tables of a catalogue (built once, and cached with it)."""
    return _index(catalog)


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
    order = tuple(catalog.roles)
    asked_at: dict[str, list[tuple[int, float, int]]] = {}
    used_at: dict[str, list[tuple[int, float]]] = {}
    masses: list[float] = []
    for number, role in enumerate(catalog.roles.values()):
        use: dict[str, float] = {}
        for req, share in [*((r, 1.0) for r in role.required), *((r, OPTIONAL_USE) for r in role.optional)]:
            for person_skill, factor in offered_by.get(req.skill, {}).items():
                use[person_skill] = max(use.get(person_skill, 0.0), share * factor)
        required = [(r.skill, w[r.skill] * r.weight, r.level) for r in role.required]
        for skill, weight, level in required:
            asked_at.setdefault(skill, []).append((number, weight, level))
        masses.append(sum(wt for _, wt, _ in required))
        for skill, factor in use.items():
            used_at.setdefault(skill, []).append((number, w.get(skill, 1.0) * factor))
    index = _Index(
        relations,
        order,
        {rid: n for n, rid in enumerate(order)},
        {k: tuple(v) for k, v in asked_at.items()},
        {k: tuple(v) for k, v in used_at.items()},
        tuple(masses),
        tuple(_needs(role) for role in catalog.roles.values()),
        tuple(_blank(role) for role in catalog.roles.values()),
        {sid: frozenset(catalog.ancestors.get(sid, ())) for sid in catalog.skills},
        tuple(_sector(role) for role in catalog.roles.values()),
    )
    catalog.__dict__["_score_index"] = index
    return index


def _sector(role: Role) -> tuple[str, int] | None:
    """The sector skill of a sector-tied role, with the level it asks (2 when only named)."""
    if role.sector_skill is None:
        return None
    level = next((r.level for r in (*role.required, *role.optional) if r.skill == role.sector_skill), DEFAULT_LEVEL)
    return role.sector_skill, level


def _sector_factor(sector: tuple[str, int] | None, offered: Offers) -> float:
    """SECTOR_MISSING when the role is tied to a sector whose knowledge the person lacks, else 1."""
    if sector is None:
        return 1.0
    value, _ = credit(offered, *sector)
    return 1.0 if value >= MATCHED_AT else SECTOR_MISSING


def sector_factors(catalog: Catalog, person: Mapping[str, Have]) -> dict[str, float]:
    """Role id -> the factor its score was scaled by for this person (SECTOR_MISSING for a
    sector-tied role whose sector knowledge the person lacks, else 1)."""
    index = _index(catalog)
    offered = offers(catalog, person)
    return {rid: _sector_factor(index.sectors[n], offered) for n, rid in enumerate(index.order)}


def _needs(role: Role) -> dict[str, tuple[tuple[int, int], ...]]:
    """Skill -> (requirement number, level) of each requirement asking for it (required first)."""
    at: dict[str, tuple[tuple[int, int], ...]] = {}
    for position, req in enumerate((*role.required, *role.optional)):
        at[req.skill] = (*at.get(req.skill, ()), (position, req.level))
    return at


def _blank(role: Role) -> tuple[Cover, ...]:
    """A cover of no credit for each requirement (shared: a cover never changes)."""
    return (
        *(Cover(r.skill, r.level, True, 0.0, None) for r in role.required),
        *(Cover(r.skill, r.level, False, 0.0, None) for r in role.optional),
    )


Offers = dict[str, list[tuple[float, Have]]]


def offers(catalog: Catalog, person: Mapping[str, Have]) -> Offers:
    """For each skill a role may ask for, what the person's skills offer: (factor, skill).

    The very skill counts fully, a narrower one (AWS for cloud) at NARROWER_CREDIT, a broader
    one at BROADER_CREDIT; a narrower skill held only at notions (below NARROWER_REACH_LEVEL)
    credits its families as a hint too: it reaches them only as far as it goes (notions of
    predictive maintenance never make machine learning acquired).
    """
    index = _index(catalog)
    relations = index.relations
    out: Offers = {}
    for have in person.values():
        families = index.families.get(have.skill, frozenset()) if have.level < NARROWER_REACH_LEVEL else frozenset()
        for skill, factor in relations.get(have.skill, {}).items():
            if skill in families:
                factor = min(factor, BROADER_CREDIT)
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


def fit(
    catalog: Catalog, person: Mapping[str, Have], role: Role, offered: Offers | None = None, score: float | None = None
) -> Fit:
    """Score one role for a profile (see the module docstring), with how each skill is met.
    ``score`` is the role's score when the caller has it already (``rank``)."""
    index = _index(catalog)
    offered = offers(catalog, person) if offered is None else offered
    number = index.numbers[role.id]
    if score is None:
        score = round(100 * _shares(index, catalog, person, offered, (number,))[number], 1)
    if catalog.roles.get(role.id) is role:
        covers, at = list(index.blank[number]), index.needs_at[number]
    else:  # a role changed since the catalogue was indexed
        covers, at = list(_blank(role)), _needs(role)
    for skill in at.keys() & offered.keys():  # only the requirements the person touches get a credit
        found = offered[skill]
        for position, level in at[skill]:
            if len(found) == 1:  # credit() of one offer, without the call
                factor, via = found[0]
                value = factor * min(1.0, via.level / level)
                if value > 0.0:
                    covers[position] = Cover(skill, level, covers[position].required, value, via)
                continue
            value, best = credit(offered, skill, level)
            if best is not None:
                covers[position] = Cover(skill, level, covers[position].required, value, best)
    return Fit(role.id, score, tuple(covers))


def scores(catalog: Catalog, person: Mapping[str, Have], offered: Offers | None = None) -> dict[str, float]:
    """Every role's score at once, walking only the requirements the person touches."""
    index = _index(catalog)
    shares = _shares(index, catalog, person, offers(catalog, person) if offered is None else offered)
    return {index.order[n]: round(100 * x, 1) for n, x in shares.items()}


def _shares(
    index: _Index, catalog: Catalog, person: Mapping[str, Have], offered: Offers, numbers: Iterable[int] | None = None
) -> dict[int, float]:
    """Role number -> score / 100 before rounding, for every role or for ``numbers``. The one
    computation of a score: each role's sums run in the same order whichever roles are asked
    (the requirement skills as the person's skills offer them), so a score is the same float, to
    the last bit, for ``rank``, ``fit`` and a pruned ``rank``."""
    got = dict.fromkeys(range(len(index.order)) if numbers is None else numbers, 0.0)
    for skill, found in offered.items():
        asked = index.asked_at.get(skill)
        if asked is None:
            continue
        if len(found) == 1:  # f * min(1.0, level / wanted), without the calls
            factor, have = found[0]
            held = have.level
            for number, weight, level in asked:
                if number in got:
                    got[number] += weight * (factor if held >= level else factor * (held / level))
        else:
            best: dict[int, float] = {}  # requirement level -> the best credit found for it
            for number, weight, level in asked:
                if number in got:
                    value = best.get(level)
                    if value is None:
                        value = best[level] = max(f * min(1.0, h.level / level) for f, h in found)
                    got[number] += weight * value
    pw, mass = _person_weights(catalog, person)
    used = dict.fromkeys(got, 0.0)
    for skill, _ in pw:
        for number, value in index.used_at.get(skill, ()):
            if number in used:
                used[number] += value
    masses = index.masses
    return {
        n: _sector_factor(index.sectors[n], offered)
        * (REQUIRED_SHARE * (g / masses[n] if masses[n] else 0.0) + USE_SHARE * (used[n] / mass if mass else 0.0))
        for n, g in got.items()
    }


def rank(catalog: Catalog, person: Mapping[str, Have], roles: Iterable[Role] | None = None, top: int | None = None) -> list[Fit]:
    """Roles by fit, best first (ties by id); only the first ``top`` are explained. ``roles``
    limits the ranking to some roles (a batch passes the few that can place, see ``core/vectorised.py``)."""
    index = _index(catalog)
    pool = {r.id: r for r in (roles if roles is not None else catalog.roles.values())}
    offered = offers(catalog, person)
    shares = _shares(index, catalog, person, offered, None if roles is None else [index.numbers[rid] for rid in pool])
    order = sorted((-round(100 * x, 1), index.order[n]) for n, x in shares.items())
    return [fit(catalog, person, pool[rid], offered, -score) for score, rid in order[:top]]


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

"""Qualifying routes: for a target role, the certification steps a person can enter, how (training,
apprenticeship, VAE, initial studies, self-study), for how long, at what cost, and the funding the
law in force opens for this person.

A counsellor builds a plan around one qualifying step: an RS certification for a skill-sized gap,
an RNCP title or degree for a change of occupation, entered at the person's diploma level, in
apprenticeship when age and status allow, by VAE when the person's experience already covers most
of a title. The skill steps of the plan are what the route teaches; small steps no certification
covers are left to self-study, named as such.

The facts come through one small interface, :class:`Qualification` (built once a catalogue by
:func:`qualifications`), so that the planning does not depend on where they come from: the bundled
certifications, an import of the official registries, or the trainings that name a code. Funding
is data (``data/funding.yaml``): :func:`funding_for` applies each route's rules to the person's
situation, and nothing about who may use which scheme is written here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.facts import summarise, usable
from ia_metiers.core.model import Certification, Funding, Requirement, Role, Text, Training
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.scoring import MATCHED_AT, Have, credit, offers
from ia_metiers.core.situation import Situation, level_of_bac_plus

SMALL_STEP_HOURS = 60  # a whole programme (title, degree, school, bootcamp) never serves a step of this many hours or fewer
SKILL_GAP_HOURS = (
    120  # a gap this size or smaller is skill-sized: a certification, not a change of occupation (curators' estimate)
)
VAE_COVERAGE = 0.6  # share of a title's skills the person already holds for a VAE to be weighed (curators' estimate)
VAE_LEVEL_STEP = 2  # a VAE aims at most this many levels above the person's diploma (curators' estimate)
TITLE_COVERAGE = 0.5  # a title must teach this share of the plan's hours
RS_COVERAGE = 0.3  # an RS certification serves a skill-sized gap when it teaches this share of it
QUALIFIED_GAP_HOURS = 400  # for a person already at the role's usual level, a gap this size is still skill-sized
DEGREE_KINDS = ("degree", "master", "licence", "licence-pro", "engineering-degree", "but", "bts", "doctorate")
MAX_ROUTES = 3
IDENTIFY_MAX_LEVEL = 7  # a title to choose is at most a level-7 one: a doctorate (8) is no continuing-education route
STUDENT_LEVEL_STEP = 2  # a student's next diploma: at most this many levels above theirs (bac -> licence, licence -> master)

# Whole programmes: they certify an occupation, not a skill (training types of the catalogue).
PROGRAMME_TYPES = ("master", "engineering-school", "bootcamp", "du")
DEGREE_TYPES = {"master": 7, "engineering-school": 7}  # national diplomas the catalogue names without a code
# The entry level a kind of certification usually asks (Code de l'éducation: the bac for a BTS, BUT or
# licence, a licence for a master...). A curators' reading, shown as "usual" and to check on the fiche.
USUAL_ENTRY = {
    "bts": 4,
    "but": 4,
    "licence": 4,
    "licence-pro": 5,
    "master": 6,
    "engineering-degree": 5,
    "doctorate": 7,
}
APPRENTICESHIP_KINDS = (
    "titre-professionnel",
    "bts",
    "but",
    "licence",
    "licence-pro",
    "master",
    "engineering-degree",
    "rncp-title",
)


@frozen
class Qualification(Frozen):
    """The facts a route needs about one certification (or a degree named without its code)."""

    id: str
    code: str | None
    registry: str | None  # rncp | rs | None (a degree whose code is not recorded)
    kind: str  # titre-professionnel | master | rs-certification | degree | ...
    name: Text
    level: int | None
    entry_level: int | None
    entry_basis: str  # stated | usual | none
    access: tuple[str, ...]  # voies d'accès stated (empty: not read)
    roles: tuple[str, ...]
    skills: tuple[tuple[str, int], ...]
    hours: int | None
    price_min: int | None
    price_max: int | None
    cpf: bool | None
    url: str | None
    source: str
    checked_on: str | None
    trainings: tuple[str, ...]  # catalogue trainings that prepare it

    @property
    def skill_ids(self) -> tuple[str, ...]:
        return tuple(s for s, _ in self.skills)


@frozen
class FundingOption(Frozen):
    """A funding route for a qualifying route: open to the person (True), not (False) or to check
    (None), and why (status, contract, age, way, certifying, length, experience, rqth, alone...)."""

    id: str
    open: bool | None
    why: str


@frozen
class Route(Frozen):
    """One qualifying route towards a role, by value (ids, not catalogue objects)."""

    kind: str  # vae | rs-certification | rncp-title | degree | apprenticeship | self-study
    way: str  # training | apprenticeship | vae | initial | self-study
    qualification: str | None  # a Qualification id
    level: int | None
    entry: str  # ok | above | check | open (no entry level)
    steps: tuple[str, ...]  # the plan's skill steps it teaches
    hours: int  # hours of this route
    hours_basis: str  # certification (its stated length) | curator-estimate (the steps it teaches)
    price_min: int | None
    price_max: int | None
    funding: tuple[FundingOption, ...]
    reason: str  # why a counsellor would propose it (vae-covers, skill-gap, change-of-occupation...)
    trainings: tuple[str, ...]
    first: bool = False

    @property
    def open_funding(self) -> tuple[str, ...]:
        return tuple(f.id for f in self.funding if f.open is not False)


# ---------------------------------------------------------------- facts


def qualifications(catalog: Catalog, today: str) -> tuple[Qualification, ...]:
    """Every certification a route may use, current at ``today`` (built once a catalogue and day)."""
    key = f"_qualifications:{today}"
    cached: tuple[Qualification, ...] | None = catalog.__dict__.get(key)
    if cached is None:
        preparing: dict[str, list[Training]] = {}
        for t in catalog.trainings.values():
            if t.certification:
                preparing.setdefault(t.certification, []).append(t)
        found = [
            _from_certification(cert, preparing.get(cid, []))
            for cid, cert in catalog.certifications.items()
            if usable(cert, today)
        ]
        found += [_degree(t) for t in catalog.trainings.values() if not t.certification and t.type in DEGREE_TYPES]
        cached = tuple(found)
        catalog.__dict__[key] = cached
    return cached


def _reach(skills: Iterable[Requirement]) -> tuple[tuple[str, int], ...]:
    return tuple((r.skill, r.level) for r in skills)


def _offer_span(trainings: Sequence[Training]) -> tuple[int | None, int | None, int | None, bool | None]:
    hours = [t.duration_hours for t in trainings if t.duration_hours]
    prices = [t.price_eur for t in trainings if t.price_eur is not None]
    cpf = True if any(t.cpf for t in trainings) else (False if trainings and all(t.cpf is False for t in trainings) else None)
    return (min(hours) if hours else None, min(prices) if prices else None, max(prices) if prices else None, cpf)


def _usual_entry(kind: str, level: int | None) -> int | None:
    """The entry level a kind of certification usually asks: its table for national diplomas; one
    level below the title for an RNCP title (a curators' reading, shown as usual)."""
    if kind in USUAL_ENTRY:
        return USUAL_ENTRY[kind]
    if kind in ("titre-professionnel", "rncp-title", "cqp") and level is not None and level >= 4:
        return level - 1
    return None


def _from_certification(cert: Certification, trainings: Sequence[Training]) -> Qualification:
    """From the shared certification model (``data/certifications.yaml`` and the registry imports),
    with what the trainings that prepare it add (length, price, CPF) where its offers say nothing."""
    offers_ = summarise(cert)
    t_hours, t_min, t_max, t_cpf = _offer_span(trainings)
    kind = cert.kind if cert.registry == "rncp" else "rs-certification"
    usual = _usual_entry(kind, cert.level)
    stated = cert.entry_level
    return Qualification(
        cert.id,
        cert.code,
        cert.registry,
        kind,
        cert.name,
        cert.level,
        stated if stated is not None else usual,
        "stated" if stated is not None else ("usual" if usual is not None else "none"),
        tuple(cert.access),
        tuple(dict.fromkeys([*cert.roles, *(r for t in trainings for r in t.roles)])),
        _reach(cert.skills) or _reach(s for t in trainings for s in t.skills),
        cert.hours or offers_.hours_min or t_hours,
        offers_.price_min if offers_.price_min is not None else t_min,
        offers_.price_max if offers_.price_max is not None else t_max,
        offers_.cpf if offers_.cpf is not None else t_cpf,
        cert.fiche_url,
        cert.source,
        cert.checked_on,
        tuple(t.id for t in trainings),
    )


def _degree(t: Training) -> Qualification:
    """A national diploma the catalogue names without its code (a master, an engineering degree)."""
    level = DEGREE_TYPES[t.type]
    hours, p_min, p_max, cpf = _offer_span([t])
    return Qualification(
        t.id,
        None,
        None,
        "degree",
        t.name,
        level,
        USUAL_ENTRY["master"],
        "usual",
        (),
        tuple(t.roles),
        _reach(t.skills),
        hours,
        p_min,
        p_max,
        cpf,
        t.url,
        t.source,
        t.checked_on,
        (t.id,),
    )


def whole_programme(catalog: Catalog, t: Training) -> bool:
    """A training that certifies an occupation (a title, a degree, a school, a bootcamp)."""
    cert = catalog.certification_of(t)
    return t.type in PROGRAMME_TYPES or (cert is not None and cert.registry == "rncp") or (t.rncp or "").startswith("RNCP")


# ---------------------------------------------------------------- routes


def plan_routes(
    catalog: Catalog,
    person: Mapping[str, Have],
    role: Role,
    steps: Sequence[tuple[str, int]],
    situation: Situation,
    fit_score: float,
) -> tuple[Route, ...]:
    """The qualifying routes towards ``role`` for a plan of ``steps`` ((skill, hours), in order),
    the one a counsellor would start with first (``first``), at most MAX_ROUTES."""
    total = sum(h for _, h in steps)
    if total == 0:
        return ()
    hours_of = dict(steps)
    pool = qualifications(catalog, situation.today)
    lowest = level_of_bac_plus(role.education.min) if role.education else None
    qualified = situation.diploma_level is not None and lowest is not None and situation.diploma_level >= lowest
    skill_sized = total <= SKILL_GAP_HOURS or (qualified and total <= QUALIFIED_GAP_HOURS)
    candidates: list[Route] = []
    vae = _vae(catalog, person, role, pool, situation)
    if vae is not None:
        candidates.append(vae)
    student = situation.status == "student"
    if skill_sized:
        rs = _best(pool, role, hours_of, registry="rs")
        if rs is not None and sum(hours_of[s] for s in _taught(rs, hours_of)) >= RS_COVERAGE * total:
            candidates.append(_route(catalog, rs, "rs-certification", "training", hours_of, situation, "skill-gap"))
        elif total <= SKILL_GAP_HOURS:
            candidates.append(_self_study(catalog, steps, situation))
            if not qualified and not student and situation.diploma_level is not None and lowest is not None:
                candidates.append(_to_identify(catalog, role, total, situation))  # the diploma the role usually asks
        elif qualified and not student:
            candidates.append(_to_identify(catalog, role, total, situation, certification=True))
    if not skill_sized or student:
        title = _title_for(pool, role, hours_of, situation)
        if student and (title is None or _entry(title, situation) == "above"):
            candidates.append(_next_studies(catalog, role, total, situation))
            if situation.apprenticeship_age is True:
                candidates.append(_next_studies(catalog, role, total, situation, apprenticeship=True))
        if title is None and not student:
            candidates.append(_to_identify(catalog, role, total, situation))
            if _apprenticeship_possible(situation):
                candidates.append(_to_identify(catalog, role, total, situation, apprenticeship=True))
        elif title is not None:
            if _apprenticeship_open(title, situation):
                candidates.append(
                    _route(catalog, title, "apprenticeship", "apprenticeship", hours_of, situation, "apprenticeship-age")
                )
            kind = "degree" if title.kind in DEGREE_KINDS else "rncp-title"
            reason = "student-degree" if student else "change-of-occupation"
            candidates.append(_route(catalog, title, kind, "initial" if student else "training", hours_of, situation, reason))
    return _ordered(candidates, situation, total, fit_score)


def _next_studies(catalog: Catalog, role: Role, total: int, situation: Situation, *, apprenticeship: bool = False) -> Route:
    """For a student below the role's degree: the next diploma of their studies, in initial education
    or in apprenticeship. Towards a role of Bac+3 or more, the licence (or BUT) from the bac, the
    master from a licence: at most two levels up, never past the role's usual minimum."""
    have = max(situation.diploma_level or 4, 4)
    lowest = level_of_bac_plus(role.education.min) if role.education else None
    level = have + 1 if lowest is None else max(have + 1, min(lowest, have + STUDENT_LEVEL_STEP))
    way = "apprenticeship" if apprenticeship else "initial"
    route = Route("degree", way, None, level, "ok", (), total, "curator-estimate", None, None, (), "student-next-level", ())
    return _funded(catalog, route, "rncp", situation)


def _to_identify(
    catalog: Catalog, role: Role, total: int, situation: Situation, *, certification: bool = False, apprenticeship: bool = False
) -> Route:
    """No certification of the catalogue fits: a title at the person's next level (or, for someone
    already at the role's level, a certification of the Répertoire spécifique), to choose with a
    counsellor."""
    if certification:
        route = Route(
            "rs-certification",
            "training",
            None,
            None,
            "open",
            (),
            total,
            "curator-estimate",
            None,
            None,
            (),
            "certification-to-identify",
            (),
        )
        return _funded(catalog, route, "rs", situation)
    lowest = level_of_bac_plus(role.education.min) if role.education else None
    have = situation.diploma_level
    level = lowest if have is None or lowest is None else min(lowest, max(have, 3) + 1)
    level = None if level is None else min(level, IDENTIFY_MAX_LEVEL)
    if apprenticeship:
        route = Route(
            "apprenticeship",
            "apprenticeship",
            None,
            level,
            "open",
            (),
            total,
            "curator-estimate",
            0,
            0,
            (),
            "apprenticeship-age",
            (),
        )
    else:
        route = Route(
            "rncp-title", "training", None, level, "open", (), total, "curator-estimate", None, None, (), "title-to-identify", ()
        )
    return _funded(catalog, route, "rncp", situation)


def _ordered(routes: list[Route], situation: Situation, total: int, fit_score: float) -> tuple[Route, ...]:
    """The counsellor's order: VAE when experience covers a title; for a student, the next diploma
    (in initial studies, or in apprenticeship first when that is their contract), then the degree;
    for a skill-sized gap, the certification; otherwise the title, and apprenticeship first for a
    job seeker it is open to."""

    def rank(r: Route) -> int:
        if r.kind == "vae":
            return 0
        if situation.status == "student":
            if r.reason == "student-next-level":  # initial studies first, unless apprenticeship is their way
                return 1 if (r.way == "apprenticeship") == (situation.contract == "apprenticeship") else 2
            return {"apprenticeship": 3, "degree": 4, "rncp-title": 4}.get(r.kind, 5)
        if total <= SKILL_GAP_HOURS:
            return {"rs-certification": 1, "self-study": 2}.get(r.kind, 3)
        if situation.status == "jobseeker":
            return {"apprenticeship": 1, "rncp-title": 2, "degree": 2}.get(r.kind, 4)
        return {"rncp-title": 1, "degree": 1, "apprenticeship": 2, "rs-certification": 3}.get(r.kind, 4)

    seen: set[tuple[str, str, str | None]] = set()
    unique = []
    for r in sorted(routes, key=rank):
        if (r.kind, r.way, r.qualification) not in seen:
            seen.add((r.kind, r.way, r.qualification))
            unique.append(r)
    chosen = unique[:MAX_ROUTES]
    return tuple(_with(r, first=(i == 0)) for i, r in enumerate(chosen))


def _with(r: Route, *, first: bool) -> Route:
    return Route(
        r.kind,
        r.way,
        r.qualification,
        r.level,
        r.entry,
        r.steps,
        r.hours,
        r.hours_basis,
        r.price_min,
        r.price_max,
        r.funding,
        r.reason,
        r.trainings,
        first,
    )


def _taught(q: Qualification, hours_of: Mapping[str, int]) -> tuple[str, ...]:
    return tuple(s for s in hours_of if s in q.skill_ids)


def _best(pool: Sequence[Qualification], role: Role, hours_of: Mapping[str, int], *, registry: str) -> Qualification | None:
    """The certification of ``registry`` that teaches most of the plan's hours (then prepares the role)."""
    best, best_key = None, (0, 0, "")
    for q in pool:
        if q.registry != registry:
            continue
        covered = sum(hours_of[s] for s in _taught(q, hours_of))
        if covered == 0:
            continue
        key = (covered, 1 if role.id in q.roles else 0, q.id)
        if best is None or key[:2] > best_key[:2] or (key[:2] == best_key[:2] and key[2] < best_key[2]):
            best, best_key = q, key
    return best


def _title_for(
    pool: Sequence[Qualification], role: Role, hours_of: Mapping[str, int], situation: Situation
) -> Qualification | None:
    """The RNCP title or degree for a change of occupation towards ``role``: it prepares the role,
    sits within the role's usual levels, can be entered from the person's diploma (else the one
    closest to it), and teaches most of the plan."""
    lowest = level_of_bac_plus(role.education.min) if role.education else None
    highest = level_of_bac_plus(role.education.max) if role.education else None
    have = situation.diploma_level

    student = situation.status == "student"

    def key(q: Qualification) -> tuple[int, int, int, str]:
        # the title at the role's usual level, else the nearest one the person can enter
        distance = abs((q.level or 6) - max(lowest or 6, (have or 0) + 1))
        covered = sum(hours_of[s] for s in _taught(q, hours_of))
        return (0 if role.id in q.roles else 1, distance, -covered, q.id)

    total = sum(hours_of.values()) or 1
    fits = [
        q
        for q in pool
        if q.registry != "rs"
        and sum(hours_of[s] for s in _taught(q, hours_of)) >= TITLE_COVERAGE * total
        and (q.level is None or highest is None or q.level <= max(highest, 7))
        and (have is None or q.entry_level is None or q.entry_level <= have or (student and q.entry_level <= have + 2))
        and (have is None or q.level is None or q.level > have or q.level >= (lowest or 0))
    ]
    return min(fits, key=key) if fits else None


def _apprenticeship_open(q: Qualification, situation: Situation) -> bool:
    """Apprenticeship to ``q``: an RNCP diploma or title that lists it (or whose access is not
    read), for a person it is possible for."""
    if q.kind not in (*APPRENTICESHIP_KINDS, "degree"):
        return False
    if q.access and "apprentissage" not in q.access:
        return False
    return _apprenticeship_possible(situation)


def _apprenticeship_possible(situation: Situation) -> bool:
    """An age that allows an apprenticeship (16-29, any age with an RQTH) and a status that signs
    one (a student, a job seeker; an employee keeps their contract: continuing education first)."""
    if situation.status not in (None, "student", "jobseeker"):
        return False
    return situation.apprenticeship_age is True


def _entry(q: Qualification, situation: Situation) -> str:
    if q.entry_level is None:
        return "open"
    if situation.diploma_level is None:
        return "check"
    return "ok" if situation.diploma_level >= q.entry_level else "above"


def _route(
    catalog: Catalog,
    q: Qualification,
    kind: str,
    way: str,
    hours_of: Mapping[str, int],
    situation: Situation,
    reason: str,
) -> Route:
    taught = _taught(q, hours_of)
    estimate = sum(hours_of[s] for s in taught) or sum(hours_of.values())
    hours, basis = (q.hours, "certification") if q.hours else (estimate, "curator-estimate")
    registry = q.registry or ("rncp" if kind in ("degree", "rncp-title", "apprenticeship") else None)
    route = Route(
        kind,
        way,
        q.id,
        q.level,
        _entry(q, situation),
        taught,
        hours,
        basis,
        0 if way == "apprenticeship" else q.price_min,
        0 if way == "apprenticeship" else q.price_max,
        (),
        reason,
        q.trainings,
    )
    return _funded(catalog, route, registry, situation)


def _vae(
    catalog: Catalog, person: Mapping[str, Have], role: Role, pool: Sequence[Qualification], situation: Situation
) -> Route | None:
    """VAE of the RNCP title the person's experience already mostly covers, when they have long
    experience and the title raises (or gives) their qualification."""
    if not situation.long_experience or not person:
        return None
    offered = offers(catalog, person)
    best, best_share = None, 0.0
    for q in pool:
        if q.registry != "rncp" or not q.skills or (q.access and "vae" not in q.access):
            continue
        have = situation.diploma_level
        if q.level is None or (have is not None and not (have < q.level <= max(have, 3) + VAE_LEVEL_STEP)):
            continue
        if role.id not in q.roles:
            continue
        held = sum(1 for s, lv in q.skills if credit(offered, s, lv)[0] >= MATCHED_AT)
        share = held / len(q.skills)
        if share >= VAE_COVERAGE and (share, q.id) > (best_share, best.id if best else ""):
            best, best_share = q, share
    if best is None:
        return None
    missing = tuple(s for s, lv in best.skills if credit(offered, s, lv)[0] < MATCHED_AT)
    route = Route(
        "vae", "vae", best.id, best.level, "open", missing, 0, "curator-estimate", None, None, (), "vae-covers", best.trainings
    )
    return _funded(catalog, route, "rncp", situation)


def _self_study(catalog: Catalog, steps: Sequence[tuple[str, int]], situation: Situation) -> Route:
    """The small steps learnt with free resources (named as self-study, not a qualification)."""
    total = sum(h for _, h in steps)
    route = Route(
        "self-study",
        "self-study",
        None,
        None,
        "open",
        tuple(s for s, _ in steps),
        total,
        "curator-estimate",
        0,
        0,
        (),
        "small-steps",
        (),
    )
    return _funded(catalog, route, None, situation)


# ---------------------------------------------------------------- funding


def _funded(catalog: Catalog, route: Route, registry: str | None, situation: Situation) -> Route:
    options = tuple(funding_for(catalog, route, registry, situation))
    return Route(
        route.kind,
        route.way,
        route.qualification,
        route.level,
        route.entry,
        route.steps,
        route.hours,
        route.hours_basis,
        route.price_min,
        route.price_max,
        options,
        route.reason,
        route.trainings,
        route.first,
    )


def funding_for(catalog: Catalog, route: Route, registry: str | None, situation: Situation) -> list[FundingOption]:
    """Each funding route and employer aid that applies to this way in, open, closed (and why) or
    to check for this person. A route that pays no training costs is never offered alone."""
    if route.way in ("self-study", "initial"):
        return []
    out: list[FundingOption] = []
    for f in catalog.funding.values():
        if f.kind == "support" or route.way not in (f.ways or ["training"]):
            continue
        if f.rqth and not situation.rqth:
            continue  # schemes for a disabled-worker recognition are shown only to those who have one
        out.append(FundingOption(f.id, *_rule(f, route, registry, situation)))
    payers = [
        o for o in out if o.open is not False and catalog.funding[o.id].pays_costs and catalog.funding[o.id].kind == "funding"
    ]
    alone = [o for o in out if o.open is not False and not catalog.funding[o.id].pays_costs]
    if alone and not payers:
        out = [FundingOption(o.id, False, "alone") if o in alone else o for o in out]
    return out


def _rule(f: Funding, route: Route, registry: str | None, s: Situation) -> tuple[bool | None, str]:
    """Whether one funding route is open: the first rule that closes it, else open (or to check
    when the situation does not say enough)."""
    if f.certifying and (registry is None or registry not in (f.registries or ["rncp", "rs"])):
        return False, "certifying"
    if f.min_hours is not None and route.hours < f.min_hours:
        return False, "length"
    if f.max_hours is not None and route.hours > f.max_hours:
        return False, "length"
    if f.who and s.status is not None and s.status not in f.who:
        return False, "status"
    if f.contracts and s.contract is not None and s.contract not in f.contracts:
        return False, "contract"
    age_rule = _age(f, s)
    if age_rule is False:
        return False, "age"
    if f.min_experience is not None and s.experience is not None and s.experience < f.min_experience:
        return False, "experience"
    if f.who and s.status is None:
        return None, "unknown-status"
    if f.group is not None:
        return None, "unknown-activity"
    if f.contracts and s.contract is None:
        return None, "unknown-contract"
    if age_rule is None:
        return None, "unknown-age"
    if f.min_experience is not None and s.experience is None:
        return None, "unknown-experience"
    return True, "ok"


def _age(f: Funding, s: Situation) -> bool | None:
    """The age rule: True when it holds (or there is none), False when it does not, None when unknown."""
    if f.min_age is None and f.max_age is None:
        return True
    if s.status is not None and s.status in f.age_exempt:
        return True
    if f.rqth_lifts_age and s.rqth:
        return True
    if s.age is None:
        return None
    return (f.min_age is None or s.age >= f.min_age) and (f.max_age is None or s.age <= f.max_age)


# ---------------------------------------------------------------- next steps


PERSONAL_FIRST = (
    "cap-emploi",
    "enic-naric",
    "suio",
    "monmaster",
    "la-bonne-alternance",
    "apec",
    "mobilite-fonction-publique",
    "france-vae",
)


def next_steps(catalog: Catalog, situation: Situation) -> tuple[str, ...]:
    """The advice and recognition steps open to this person: theirs first (Cap emploi with an RQTH,
    ENIC-NARIC for a foreign diploma, SUIO, Mon Master and La bonne alternance for a student, Apec
    for a cadre, mobility for a public servant, VAE for long experience), then CEP, bilan, PMSMP."""
    found = []
    for f in catalog.funding.values():
        if f.kind != "support":
            continue
        if f.who and situation.status is not None and situation.status not in f.who:
            continue
        if f.who and situation.status is None and f.id in PERSONAL_FIRST:
            continue
        if (f.rqth and not situation.rqth) or (f.cadre and not situation.cadre):
            continue
        if f.foreign_diploma and not (situation.diploma and situation.diploma.foreign):
            continue
        if f.min_experience is not None and (situation.experience is None or situation.experience < f.min_experience):
            continue
        if "apprenticeship" in f.ways and situation.apprenticeship_age is not True:
            continue
        found.append(f.id)
    personal = [i for i in PERSONAL_FIRST if i in found]
    return tuple([*personal, *(i for i in found if i not in personal)])

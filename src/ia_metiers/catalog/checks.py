"""The catalogue's rules that span entries, one function a rule.

Each rule reads the merged raw entries (``Checked.merged``: what the files say, with lines) and
the objects that could be built from them (``Checked.built``), and reports through
:meth:`Checked.report`. Rules that can be read on the raw entries are, so that an entry with
another error is still checked in the same run. :data:`RULES` lists them in the order they run;
a new rule is a function added there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any

from ia_metiers.core import graph
from ia_metiers.core.model import LEVELS, Role, Skill
from ia_metiers.core.text import fold
from ia_metiers.errors import Problem

if TYPE_CHECKING:
    from ia_metiers.catalog.loader import Entry

MAX_CHAIN = 50  # levels of prerequisites (or broader families) one skill may stand on
NAMED_KINDS = ("skill", "role", "job")  # kinds looked up by name: no name or alias may be shared
WEIGHTLESS = {
    "job": "skills",
    "training": "skills",
    "certification": "skills",
}  # kind -> the list of skills where a weight means nothing


class Checked:
    """What the rules read (merged raw entries by kind and id, built objects by kind and id) and
    the problems they report."""

    def __init__(self, merged: dict[str, dict[str, Entry]], built: dict[str, dict[str, Any]], problems: list[Problem]) -> None:
        self.merged, self.built, self.problems = merged, built, problems

    def at(self, kind: str, ident: str, key: str | None = None, index: int | None = None) -> tuple[str, int]:
        """The file and line of an entry, of one of its keys, or of an item of a list key."""
        entry = self.merged[kind][ident]
        line = entry.line
        if key and isinstance(entry.raw, dict):
            line = getattr(entry.raw, "key_lines", {}).get(key, line)
            items = getattr(entry.raw.get(key), "item_lines", None)
            if index is not None and items is not None and index < len(items):
                line = items[index]
        return entry.label, line

    def report(self, kind: str, ident: str, message: str, key: str | None = None, index: int | None = None) -> None:
        self.problems.append(Problem(*self.at(kind, ident, key, index), message))

    def bundled(self, kind: str, ident: str) -> bool:
        return self.merged[kind][ident].label.startswith("data/")


Rule = Callable[[Checked], None]


def run(merged: dict[str, dict[str, Entry]], built: dict[str, dict[str, Any]], problems: list[Problem]) -> None:
    """Apply every rule of :data:`RULES`."""
    checked = Checked(merged, built, problems)
    for rule in RULES:
        rule(checked)


# ---------------------------------------------------------------- names


def _labels(raw: Any) -> Iterator[tuple[str | None, str, int | None]]:
    """(key, text, index in its list) of each name and alias of a raw entry, as far as they are text."""
    if not isinstance(raw, dict):
        return
    names = raw.get("name")
    if isinstance(names, dict):
        for lang in ("fr", "en"):
            value = names.get(lang)
            if isinstance(value, str | int | float) and not isinstance(value, bool):
                yield "name", str(value), None
    aliases = raw.get("aliases")
    if isinstance(aliases, list):
        for index, alias in enumerate(aliases):
            if isinstance(alias, str | int | float) and not isinstance(alias, bool):
                yield "aliases", str(alias), index


def names_are_unique(c: Checked) -> None:
    """No id, name or alias (folded) belongs to two entries of a kind. Read on the raw entries:
    an entry with another error is checked too, in the same run."""
    for kind in NAMED_KINDS:
        owners: dict[str, str] = {}
        for ident, entry in c.merged.get(kind, {}).items():
            mine: set[str] = set()
            for key, text, index in [(None, ident, None), *_labels(entry.raw)]:
                folded = fold(text)
                if not folded:
                    continue
                other = owners.get(folded)
                if other is not None and other != ident:
                    theirs = c.merged[kind][other]
                    if c.bundled(kind, ident) and not c.bundled(kind, other):
                        # the overlay brought the clash: blame the overlay's entry, name the bundled one
                        clash = f"'{text}' is also a name or alias of {kind} '{ident}' ({entry.label}:{entry.line})"
                        c.problems.append(Problem(theirs.label, theirs.line, f"{kind} '{other}': {clash}"))
                    else:
                        clash = f"'{text}' is also a name or alias of {kind} '{other}' ({theirs.label}:{theirs.line})"
                        c.report(kind, ident, f"{kind} '{ident}': {clash}", key, index)
                elif folded not in mine:
                    owners[folded] = ident
                    mine.add(folded)


# ---------------------------------------------------------------- skill relations


def relations_are_acyclic_and_shallow(c: Checked) -> None:
    """Neither relation (prerequisites, broader) has a cycle or a chain longer than MAX_CHAIN."""
    skills: dict[str, Skill] = c.built["skill"]
    relation: graph.Relation
    for relation in ("prerequisites", "broader"):
        edges = graph.edges(skills, relation)
        cycle = graph.find_cycle(edges)
        if cycle:
            c.report("skill", cycle[0], f"{relation} cycle: {' -> '.join(cycle)}", relation)
            continue
        chain = graph.longest_chain(edges)
        if len(chain) - 1 > MAX_CHAIN:
            shown = " -> ".join([*chain[:3], "…", chain[-1]])
            c.report("skill", chain[0], f"{relation} chain of {len(chain) - 1} levels (at most {MAX_CHAIN}): {shown}", relation)


def skills_are_used(c: Checked) -> None:
    """Every skill is used by a role, a job, a training or another skill, or is a kind of one."""
    skills: dict[str, Skill] = c.built["skill"]
    used: set[str] = set()
    for role in c.built["role"].values():
        used.update(r.skill for r in (*role.required, *role.optional))
    for job in c.built["job"].values():
        used.update(r.skill for r in job.skills)
    for training in c.built["training"].values():
        used.update(training.skill_ids)
    for skill in skills.values():
        used.update(skill.broader)
        used.update(skill.prerequisites)
    for sid, skill in skills.items():
        if sid not in used and not skill.broader:
            c.report("skill", sid, f"skill '{sid}' is used by no role, job, training or other skill")


def weights_only_on_roles(c: Checked) -> None:
    """A weight says how much a role needs a skill: on what a job brings or a training teaches it
    would be ignored, so it is refused."""
    for kind, key in WEIGHTLESS.items():
        for ident, entry in c.merged.get(kind, {}).items():
            items = entry.raw.get(key) if isinstance(entry.raw, dict) else None
            if not isinstance(items, list):
                continue
            for index, item in enumerate(items):
                if isinstance(item, dict) and "weight" in item:
                    skill = item.get("skill")
                    c.report(
                        kind,
                        ident,
                        f"{kind} '{ident}': skill '{skill}' has a weight: weights count only in a role's requirements",
                        key,
                        index,
                    )


# ---------------------------------------------------------------- roles


def roles_require_skills(c: Checked) -> None:
    for rid, role in c.built["role"].items():
        if not role.required:
            c.report("role", rid, f"role '{rid}' requires no skill", "required")


def salary_bands_are_sound(c: Checked) -> None:
    """Each band: not inverted, in euros exactly when in France, one band per region, level, year,
    area and unit."""
    for rid, role in c.built["role"].items():
        seen = set()
        for i, band in enumerate(role.salaries):
            where = f"role '{rid}': "
            if band.min > band.max:
                c.report(
                    "role",
                    rid,
                    where + f"salary band {band.region}/{band.level} is inverted ({band.min} > {band.max})",
                    "salaries",
                    i,
                )
            if (band.region == "fr") != (band.currency == "EUR"):
                c.report("role", rid, where + f"band {band.region}/{band.level} in {band.currency}", "salaries", i)
            key = (band.region, band.level, band.year, band.area, band.unit)
            if key in seen:
                c.report("role", rid, where + f"two bands for {band.region}/{band.level} in {band.year}", "salaries", i)
            seen.add(key)


def salary_bands_rise_with_level(c: Checked) -> None:
    """A higher level never pays less: junior <= confirmé <= senior, per region, area and unit
    (the newest band of each level counts)."""
    for rid, role in c.built["role"].items():
        _band_order(c, rid, role)


def _band_order(c: Checked, rid: str, role: Role) -> None:
    newest: dict[tuple[str, str | None, str, str], tuple[int, Any]] = {}
    for i, band in enumerate(role.salaries):
        key = (band.region, band.area, band.unit, band.level)
        if key not in newest or band.year >= newest[key][1].year:
            newest[key] = (i, band)
    for (region, area, unit, level), (i, band) in sorted(newest.items(), key=lambda kv: kv[1][0]):
        if level not in LEVELS or level == LEVELS[0]:
            continue
        lower = LEVELS[LEVELS.index(level) - 1]
        below = newest.get((region, area, unit, lower))
        if below is None:
            continue
        other = below[1]
        if band.min < other.min or band.max < other.max:
            c.report(
                "role",
                rid,
                f"role '{rid}': {region}/{level} band {band.min}-{band.max} is below the {lower} band {other.min}-{other.max}",
                "salaries",
                i,
            )


def roles_have_a_france_band(c: Checked) -> None:
    for rid, role in c.built["role"].items():
        if not any(band.region == "fr" for band in role.salaries):
            c.report("role", rid, f"role '{rid}' has no France salary band", "salaries")


def education_ranges_are_sound(c: Checked) -> None:
    for rid, role in c.built["role"].items():
        if role.education and role.education.min > role.education.max:
            c.report("role", rid, f"role '{rid}': education range is inverted", "education")


# ---------------------------------------------------------------- sources


def sources_are_cited(c: Checked) -> None:
    """Every source is cited by some entry; a bundled one left uncited by an overlay's replaced
    file is not the overlay's fault."""
    cited = _words(entry.raw for kind, entries in c.merged.items() if kind != "source" for entry in entries.values())
    overlaid = any(not e.label.startswith("data/") for entries in c.merged.values() for e in entries.values())
    for ident, source in c.built["source"].items():
        if source.importer is not None:
            continue  # cited by the facts its importer brings (ia-metiers data import)
        if ident not in cited and not (overlaid and c.bundled("source", ident)):
            c.report("source", ident, f"source '{ident}' is cited nowhere (no entry names it)")


_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _words(values: Iterable[Any]) -> set[str]:
    """Every id-like word (kebab-case) in these raw YAML values, keys and text alike."""
    found: set[str] = set()
    stack = list(values)
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            found.update(_WORD.findall(value))
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return found


# ---------------------------------------------------------------- certifications


def certification_ids_are_codes(c: Checked) -> None:
    """A certification's id is its code in lower case, and its registry matches the code."""
    for cid, cert in c.built["certification"].items():
        if cid != cert.code.lower():
            c.report("certification", cid, f"certification '{cid}': id must be the code in lower case ('{cert.code.lower()}')")
        if cert.registry != ("rs" if cert.code.startswith("RS") else "rncp"):
            c.report("certification", cid, f"certification '{cid}': registry {cert.registry} does not match {cert.code}")


def certifications_have_a_validity(c: Checked) -> None:
    """An RNCP/RS code without validity (valid_until) is an error. (An expired one is flagged by
    ``validate``, which knows today's date: loading never depends on the clock.)"""
    for cid, cert in c.built["certification"].items():
        if not cert.valid_until:
            c.report("certification", cid, f"certification '{cid}': {cert.code} has no validity (valid_until)")


def cpf_offers_need_an_active_code(c: Checked) -> None:
    """An offer with ``cpf: true`` needs a code that is not marked inactive."""
    for cid, cert in c.built["certification"].items():
        for i, offer in enumerate(cert.offers):
            if offer.cpf and cert.active is False:
                message = f"certification '{cid}': a CPF offer needs an active code ({cert.code} is inactive)"
                c.report("certification", cid, message, "offers", i)


def offer_ranges_are_sound(c: Checked) -> None:
    """An offer's hours and prices are ranges in order."""
    for cid, cert in c.built["certification"].items():
        for i, offer in enumerate(cert.offers):
            for low, high in (("hours_min", "hours_max"), ("price_min", "price_max")):
                a, b = getattr(offer, low), getattr(offer, high)
                if a is not None and b is not None and a > b:
                    c.report("certification", cid, f"certification '{cid}': offer {low} {a} > {high} {b}", "offers", i)


def certification_entries_are_derived(c: Checked) -> None:
    """``kind: certification`` marks the entries the trainings listing makes from certifications.yaml:
    a training of the files that prepares a code names it with ``certification:`` instead."""
    for tid, tr in c.built["training"].items():
        if tr.kind == "certification":
            message = (
                f"training '{tid}': kind certification is for certifications.yaml's own entries"
                " (name the code with certification: <id>)"
            )
            c.report("training", tid, message, "kind")


# ---------------------------------------------------------------- facts: dated, sourced, consistent with their sources


def _facts(c: Checked) -> Iterator[tuple[str, str, str, str | None, int | None, list[str], str | None, int | None]]:
    """Every sourced fact: (kind, id, what, checked_on, year, its source ids, key, index), where
    ``key``/``index`` locate it in its entry (a salary band, an offer) and ``year`` is the year its
    figures refer to (None when the fact has none)."""
    for tid, tr in c.built["training"].items():
        yield "training", tid, f"training '{tid}'", tr.checked_on, tr.year, [tr.source], None, None
    for fid, route in c.built["funding"].items():
        yield "funding", fid, f"funding '{fid}'", route.checked_on, None, [route.source, *route.sources], None, None
    for rid, role in c.built["role"].items():
        for i, band in enumerate(role.salaries):
            what = f"role '{rid}': band {band.region}/{band.level}"
            yield "role", rid, what, band.checked_on, band.year, [band.source], "salaries", i
    for cid, cert in c.built["certification"].items():
        yield "certification", cid, f"certification '{cid}'", cert.checked_on, None, [cert.source], None, None
        for i, offer in enumerate(cert.offers):
            what = f"certification '{cid}': offer of {offer.provider}"
            yield "certification", cid, what, offer.checked_on, None, [offer.source], "offers", i


def facts_are_dated_and_sourced(c: Checked) -> None:
    """A fact names a source (the schema requires it) and the date it was true: a funding rule,
    a certification and an offer their ``checked_on``; a training or a salary band its
    ``checked_on``, else the year its figures refer to (``validate`` counts those still without
    ``checked_on``)."""
    for kind, ident, what, checked_on, year, sources, key, index in _facts(c):
        if not [s for s in sources if s]:
            c.report(kind, ident, f"{what}: no source", key, index)
        if checked_on:
            continue
        if kind in ("funding", "certification") or year is None:
            c.report(kind, ident, f"{what}: no checked_on (the date its facts were read)", key, index)


def sources_do_not_postdate_their_facts(c: Checked) -> None:
    """A study cited for a fact must not contradict it. Checked mechanically: a source published
    after the date the fact was checked cannot be where it was read; figures said to be of a year
    later than their source's year cannot come from it; a band marked ``estimate`` is credited to
    a curators' estimate (a source of kind estimate), and a band credited to one is marked so."""
    sources = c.built["source"]
    for kind, ident, what, checked_on, year, cited, key, index in _facts(c):
        for sid in cited:
            src = sources.get(sid)
            if src is None or src.importer is not None:
                continue  # an unknown id is reported by the reference check; an export is dated by its import
            if checked_on and src.year > int(checked_on[:4]):
                message = f"{what}: source '{sid}' is of {src.year}, after the fact was checked ({checked_on})"
                c.report(kind, ident, message, key, index)
            if year is not None and year > src.year:
                c.report(kind, ident, f"{what}: figures of {year} from source '{sid}' of {src.year}", key or "year", index)
    for rid, role in c.built["role"].items():
        for i, band in enumerate(role.salaries):
            src = sources.get(band.source)
            if src is None:
                continue
            if (band.basis == "estimate") != (src.kind == "estimate"):
                said = "marked estimate but credited to" if band.basis == "estimate" else f"marked {band.basis} but credited to"
                message = f"role '{rid}': band {band.region}/{band.level} {said} '{band.source}' ({src.kind})"
                c.report("role", rid, message, "salaries", i)


def rome_version_is_recorded(c: Checked) -> None:
    """The ROME version the catalogue's codes follow is recorded: the source an import of ROME
    cites (``importer: rome``) carries its ``version`` when a job, a role or a certification names
    a ROME code."""
    coded = [(kind, ident) for kind in ("job", "role", "certification") for ident, e in c.built[kind].items() if e.rome]
    if not coded:
        return
    rome = [s for s in c.built["source"].values() if s.importer == "rome"]
    if not rome:
        kind, ident = coded[0]
        c.report(kind, ident, f"{kind} '{ident}': ROME codes, but no source with importer: rome records their version", "rome")
    for src in rome:
        if not src.version:
            c.report("source", src.id, f"source '{src.id}': the ROME version the codes follow is not recorded (version)")


RULES: tuple[Rule, ...] = (
    names_are_unique,
    relations_are_acyclic_and_shallow,
    roles_require_skills,
    salary_bands_are_sound,
    salary_bands_rise_with_level,
    roles_have_a_france_band,
    education_ranges_are_sound,
    sources_are_cited,
    skills_are_used,
    weights_only_on_roles,
    certification_ids_are_codes,
    certifications_have_a_validity,
    cpf_offers_need_an_active_code,
    offer_ranges_are_sound,
    certification_entries_are_derived,
    facts_are_dated_and_sourced,
    sources_do_not_postdate_their_facts,
    rome_version_is_recorded,
)


# ---------------------------------------------------------------- rules that read the date or the imports


class Dated(Checked):
    """What the dated rules read: ``Checked``, today's date, the imported ROME (or None), and
    where warnings go (facts to check again: they do not make the catalogue invalid)."""

    def __init__(
        self,
        merged: dict[str, dict[str, Entry]],
        built: dict[str, dict[str, Any]],
        problems: list[Problem],
        warnings: list[Problem],
        today: str,
        rome: Any,
    ) -> None:
        super().__init__(merged, built, problems)
        self.warnings, self.today, self.rome = warnings, today, rome

    def warn(self, kind: str, ident: str, message: str, key: str | None = None, index: int | None = None) -> None:
        self.warnings.append(Problem(*self.at(kind, ident, key, index), message))


def expired_codes_are_flagged(c: Dated) -> None:
    """An expired code is a warning; with an offer marked ``cpf: true`` it is an error (the CPF
    funds only a registration in force)."""
    for cid, cert in c.built["certification"].items():
        if not cert.valid_until or cert.valid_until >= c.today:
            continue
        c.warn("certification", cid, f"certification '{cid}': {cert.code} expired on {cert.valid_until}", "valid_until")
        for i, offer in enumerate(cert.offers):
            if offer.cpf:
                message = f"certification '{cid}': a CPF offer needs an active code ({cert.code} expired on {cert.valid_until})"
                c.report("certification", cid, message, "offers", i)


def rome_codes_exist(c: Dated) -> None:
    """With an imported ROME, every ROME code of a job, a role or a certification is one of its
    fiches; an import of another version than the one the catalogue records is said."""
    if c.rome is None:
        return
    version = f"ROME 4.0 v{c.rome.version}" if c.rome.version else "the imported ROME"
    for src in c.built["source"].values():
        if src.importer == "rome" and src.version and c.rome.version and src.version != c.rome.version:
            message = (
                f"source '{src.id}': the catalogue's ROME codes follow v{src.version}, the import is v{c.rome.version}"
                f" (codes checked against v{c.rome.version}; update the fiche -> family table and version)"
            )
            c.warn("source", src.id, message, "version")
    for kind in ("job", "role", "certification"):
        for ident, entry in c.built[kind].items():
            for i, code in enumerate(entry.rome):
                if not c.rome.exists(code):
                    c.report(kind, ident, f"{kind} '{ident}': ROME code {code} does not exist in {version}", "rome", i)


def facts_are_dated(c: Dated) -> None:
    """Trainings, funding routes and salary bands say when their facts were checked (checked_on);
    until every one does, those without are counted in one warning a kind."""
    undated = {
        "training": [i for i, t in c.built["training"].items() if not t.checked_on],
        "funding": [i for i, f in c.built["funding"].items() if not f.checked_on],
        "role": [i for i, r in c.built["role"].items() if any(not b.checked_on for b in r.salaries)],
    }
    what = {"training": "trainings", "funding": "funding routes", "role": "roles with salary bands"}
    for kind, ids in undated.items():
        if ids:
            first = ids[0]
            c.warn(kind, first, f"{len(ids)} {what[kind]} without checked_on (their source's year stands for it), e.g. '{first}'")


DATED: tuple[Callable[[Dated], None], ...] = (expired_codes_are_flagged, rome_codes_exist, facts_are_dated)


def run_dated(
    merged: dict[str, dict[str, Entry]],
    built: dict[str, dict[str, Any]],
    problems: list[Problem],
    warnings: list[Problem],
    today: str,
) -> None:
    """Apply the rules of :data:`DATED` (``validate`` runs them; loading never does)."""
    from ia_metiers.catalog.userdata import rome_store

    rome = rome_store()
    try:
        checked = Dated(merged, built, problems, warnings, today, rome)
        for rule in DATED:
            rule(checked)
    finally:
        if rome is not None:
            rome.con.close()

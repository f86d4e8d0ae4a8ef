"""One road from what a person says to a skill profile.

Typed terms (``-s``), a text (a CV, a posting), a batch line and the skills a current job is
assumed to bring all go through :func:`read_profile`. Precedence: the person's own words win.
A stated skill or level replaces what a text or the job suggested; ``removed`` drops assumed
skills; everything set aside is kept with its reason, never dropped silently.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import field

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import DEFAULT_LEVEL, SKILL_LEVEL_NAMES, Requirement
from ia_metiers.core.reading import Detected, read_text
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.resolve import Resolution, Vocabulary
from ia_metiers.core.scoring import Have
from ia_metiers.core.text import fold
from ia_metiers.errors import UsageError


@frozen
class Ignored(Frozen):
    """Something the person gave that does not count, and why."""

    phrase: str
    reason: str  # unknown | vague | negated | heading | wish | ambiguous | removed | overridden
    skill: str | None = None
    suggestions: tuple[str, ...] = ()


@frozen
class Profile(Frozen):
    """The skills that count (by id), how each typed term resolved, what was assumed or set aside."""

    skills: Mapping[str, Have]
    resolutions: tuple[Resolution, ...] = ()
    detected: tuple[Detected, ...] = ()
    assumed: tuple[Have, ...] = ()
    ignored: tuple[Ignored, ...] = field(default_factory=tuple)

    @property
    def unknown(self) -> list[str]:
        """Typed terms that name no skill."""
        return [r.input for r in self.resolutions if r.id is None]

    @property
    def stated(self) -> list[Have]:
        """Skills from the person's own words (typed or written), not assumed."""
        return [h for h in self.skills.values() if h.source != "assumed"]


def parse_level(term: str) -> tuple[str, int | None]:
    """'python:3' -> ('python', 3); 'python:' -> ('python', None); an unknown level is a usage error."""
    name, sep, level = term.rpartition(":")
    if not sep or not name.strip():
        return term.strip(), None
    if not level.strip():
        return name.strip(), None
    key = fold(level)
    if key in SKILL_LEVEL_NAMES:
        return name.strip(), SKILL_LEVEL_NAMES[key]
    raise UsageError(
        f"unknown level '{level}' ('{term}')",
        "1|notions, 2|opérationnel, 3|expert",
        key="unknown_level_of",
        level=level,
        term=term,
    )


@frozen
class Term(Frozen):
    """One typed term read: its name (the level taken off), how that resolved, the skills it states."""

    name: str
    resolution: Resolution
    haves: tuple[Have, ...]


def read_term(vocab: Vocabulary, term: str, cache: MutableMapping[str, Term] | None = None) -> Term:
    """Read one typed term ('python:3'); an unknown level is a usage error. ``cache``: typed term ->
    its reading (a term is read the same way every time: a batch reads each distinct one once)."""
    if cache is not None:
        found = cache.get(term)
        if found is not None:
            return found
    name, level = parse_level(term)
    res = vocab.resolve(name)
    ids = ([res.id] if res.id else []) + list(res.also)
    read = Term(name, res, tuple(Have(sid, level or DEFAULT_LEVEL, res.input, "stated") for sid in ids))
    if cache is not None:
        cache[term] = read
    return read


def state(terms: Iterable[Term]) -> tuple[dict[str, Have], list[Resolution]]:
    """The skills that terms state (each once, at the highest level given, where first named) and
    the resolution of each distinct name, in order."""
    skills: dict[str, Have] = {}
    resolutions: list[Resolution] = []
    seen: set[str] = set()
    for term in terms:
        if term.name not in seen:
            seen.add(term.name)
            resolutions.append(term.resolution)
        for have in term.haves:
            old = skills.get(have.skill)
            if old is None or have.level > old.level:
                skills[have.skill] = have
    return skills, resolutions


def read_profile(
    catalog: Catalog,
    terms: Sequence[str] = (),
    *,
    text: str | None = None,
    assumed: Sequence[Requirement] = (),
    assumed_label: str = "",
    removed: Sequence[str] = (),
    cache: MutableMapping[str, Term] | None = None,
) -> Profile:
    """Build a profile from typed terms, a text and the skills a job is assumed to bring.

    ``removed`` are terms naming skills the person does not have (``--not``): they drop an
    assumed or detected skill. ``cache`` shares the reading of typed terms between calls (batch input).
    """
    vocab = catalog.skill_vocab
    stated, resolutions = state(read_term(vocab, term, cache) for term in terms)
    ignored = [
        Ignored(r.input, "vague" if r.method == "vague" else "unknown", None, r.suggestions) for r in resolutions if r.id is None
    ]

    detected: tuple[Detected, ...] = ()
    from_text: dict[str, Have] = {}
    if text is not None:
        reading = read_text(vocab, catalog.reading, text)
        detected = tuple(reading.detected)
        for item in reading.detected:
            old = from_text.get(item.skill)
            if old is None or item.level > old.level:
                from_text[item.skill] = Have(item.skill, item.level, item.phrase, "text")
        ignored.extend(dict.fromkeys(Ignored(i.phrase, i.reason, i.skill) for i in reading.ignored))

    drop: set[str] = set()
    for term in removed:
        res = vocab.resolve(term)
        if res.id is None:
            raise UsageError(f"--not: '{term}' names no skill", ", ".join(res.suggestions) or None, key="not_unknown", term=term)
        drop.update([res.id, *res.also])

    skills: dict[str, Have] = {}
    kept_assumed: list[Have] = []
    for req in assumed:
        have = Have(req.skill, req.level, assumed_label, "assumed")
        if req.skill in drop:
            ignored.append(Ignored(assumed_label, "removed", req.skill))
            continue
        if req.skill in stated or req.skill in from_text:
            ignored.append(Ignored(assumed_label, "overridden", req.skill))
            continue
        skills[req.skill] = have
        kept_assumed.append(have)
    for sid, have in from_text.items():
        if sid in drop:
            ignored.append(Ignored(have.input, "removed", sid))
        elif sid not in stated:
            skills[sid] = have
    skills.update(stated)
    return Profile(skills, tuple(resolutions), detected, tuple(kept_assumed), tuple(ignored))

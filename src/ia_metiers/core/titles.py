"""Job titles as people type them: 'Assistante RH (H/F) junior', 'prof de maths', 'marketing'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.record import Record
from ia_metiers.core.resolve import FILLERS
from ia_metiers.core.text import fold

_GENDER = re.compile(
    r"\(\s*(?:h\s*/\s*f|f\s*/\s*h|e|fe|ne|se|ère|ere|euse|rice|trice|m\s*/\s*f|f\s*/\s*m)\s*\)|"
    r"\b(?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*f|f\s*/\s*m|h/f/x|f/h/x)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, repr=False)
class Title(Record):
    """What a typed title was understood as: a job, a role, or nothing (with suggestions)."""

    text: str
    kind: str  # job | role | none
    id: str | None
    method: str  # exact | alias | variant | contains | fuzzy | partial | none
    suggestions: tuple[str, ...] = ()


def clean_title(catalog: Catalog, text: str) -> str:
    """The title without gender marks and modifiers (junior, senior, confirmé, CDI...)."""
    text = _GENDER.sub(" ", text)
    words = fold(text).split()
    modifiers = catalog.title_modifiers
    kept = [w for w in words if w not in modifiers]
    while kept and kept[-1] in FILLERS:  # 'AS de nuit' -> 'as de' -> 'as'
        kept.pop()
    return " ".join(kept) if kept else " ".join(words)


def find_title(catalog: Catalog, text: str) -> Title:
    """Resolve a current job or an AI role from a title."""
    direct = ("exact", "alias", "variant")
    for candidate in dict.fromkeys([text, clean_title(catalog, text)]):
        as_job = catalog.job_vocab.resolve(candidate)
        if as_job.id is not None and as_job.method in direct:
            return Title(text, "job", as_job.id, as_job.method)
        as_role = catalog.role_vocab.resolve(candidate)  # only when no job is named (no fuzzy look-up for nothing)
        if as_role.id is not None and as_role.method in direct:
            return Title(text, "role", as_role.id, as_role.method)
    key = clean_title(catalog, text)
    partial = _partial(catalog, key)
    named = sorted((extra, i) for i in partial if (extra := _extra_words(catalog, i, key)) is not None)
    if len(partial) == 1 or (named and (len(named) == 1 or named[0][0] < named[1][0])):
        return Title(text, "job", named[0][1] if named else partial[0], "partial")
    as_job, as_role = catalog.job_vocab.resolve(key), catalog.role_vocab.resolve(key)
    if as_job.id is not None and not partial:
        return Title(text, "job", as_job.id, as_job.method)
    if as_role.id is not None and not partial:
        return Title(text, "role", as_role.id, as_role.method)
    near = [
        i
        for i in dict.fromkeys([*catalog.job_vocab.suggest(key, 6), *catalog.role_vocab.suggest(key, 6)])
        if _shares_a_word(catalog, i, key)
    ]
    return Title(text, "none", None, "none", tuple(partial[:4]) or tuple(near[:4]))


def _extra_words(catalog: Catalog, ident: str, key: str) -> int | None:
    """How many more words than ``key`` the closest part of the job's own name has ('chargé de
    marketing / responsable marketing' -> 1 for 'marketing'); None when no part holds them all."""
    entry = catalog.jobs.get(ident) or catalog.roles.get(ident)
    if entry is None:
        return None
    words = [w for w in key.split() if w not in FILLERS]
    best = None
    for name in (entry.name.fr, entry.name.en):
        for part in name.split("/"):
            have = [w for w in fold(part).split() if w not in FILLERS]
            if all(w in have for w in words):
                extra = len(have) - len(words)
                best = extra if best is None else min(best, extra)
    return best


def _shares_a_word(catalog: Catalog, ident: str, key: str) -> bool:
    """A suggestion is plausible when a word of its names is close to a word of the input."""
    from rapidfuzz import fuzz

    entry = catalog.jobs.get(ident) or catalog.roles.get(ident)
    if entry is None:
        return False
    labels = [fold(x) for x in (entry.name.fr, entry.name.en, *entry.aliases)]
    words = [w for w in key.split() if len(w) > 2 and w not in FILLERS]
    return any(fuzz.ratio(w, v) >= 80 for label in labels for v in label.split() for w in words)


def _partial(catalog: Catalog, key: str) -> list[str]:
    """Jobs one of whose names or aliases contains every word of ``key`` as whole words."""
    words = [w for w in key.split() if w not in FILLERS and len(w) > 1]
    if not words or all(len(w) < 3 for w in words):
        return []
    found: list[str] = []
    for name, (ident, _method) in catalog.job_vocab.keys.items():
        have = name.split()
        if all(w in have for w in words) and ident not in found:
            found.append(ident)
    return found

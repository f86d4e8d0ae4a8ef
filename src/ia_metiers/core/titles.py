"""Job titles as people type them: 'Assistante RH (H/F) junior', 'prof de maths', 'marketing'."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.resolve import FILLERS
from ia_metiers.core.text import fold

_GENDER = re.compile(
    r"\(\s*(?:h\s*/\s*f|f\s*/\s*h|e|fe|ne|se|ère|ere|euse|rice|trice|m\s*/\s*f|f\s*/\s*m)\s*\)|"
    r"\b(?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*f|f\s*/\s*m|h/f/x|f/h/x)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Title:
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
    return " ".join(kept) if kept else " ".join(words)


def find_title(catalog: Catalog, text: str) -> Title:
    """Resolve a current job or an AI role from a title."""
    direct = ("exact", "alias", "variant")
    for candidate in dict.fromkeys([text, clean_title(catalog, text)]):
        as_job, as_role = catalog.job_vocab.resolve(candidate), catalog.role_vocab.resolve(candidate)
        if as_job.id is not None and as_job.method in direct:
            return Title(text, "job", as_job.id, as_job.method)
        if as_role.id is not None and as_role.method in direct:
            return Title(text, "role", as_role.id, as_role.method)
    key = clean_title(catalog, text)
    partial = _partial(catalog, key)
    if len(partial) == 1:
        return Title(text, "job", partial[0], "partial")
    as_job, as_role = catalog.job_vocab.resolve(key), catalog.role_vocab.resolve(key)
    if as_job.id is not None and not partial:
        return Title(text, "job", as_job.id, as_job.method)
    if as_role.id is not None and not partial:
        return Title(text, "role", as_role.id, as_role.method)
    suggestions = (
        tuple(partial[:4]) or tuple(dict.fromkeys([*catalog.job_vocab.suggest(key), *catalog.role_vocab.suggest(key)]))[:4]
    )
    return Title(text, "none", None, "none", suggestions)


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

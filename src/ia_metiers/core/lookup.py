"""Roles and jobs by the names people type ('data enginer', 'Assistante RH (H/F)'), saying how each
was found; a name that finds nothing raises :class:`~ia_metiers.errors.UnknownRole` or
:class:`~ia_metiers.errors.UnknownJob` with the closest ids."""

from __future__ import annotations

from typing import Literal

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.titles import MATCH, Match, RomeIndex, find_title
from ia_metiers.errors import UnknownJob, UnknownRole


@frozen
class Found(Frozen):
    """What a typed name was understood as: a role or a job (its id), how it was found
    (``method``: exact, alias, variant, contains, fuzzy, rome, head or partial) and, for a ROME
    appellation, the ``fiche`` it names."""

    text: str
    kind: Literal["role", "job"]
    id: str
    method: str
    fiche: str | None = None

    @property
    def match(self) -> Match:
        """exact (an id or a name), alias (an alias, a variant, a ROME appellation), or approximate
        (spacing, a name inside the text, a close spelling, some of a job's words): an approximate
        find is worth saying."""
        return MATCH.get(self.method, "approximate")


def find_role(catalog: Catalog, text: str) -> Found:
    """The AI role ``text`` names (id, name or alias in either language, or a close spelling)."""
    found = catalog.role_vocab.resolve(text)
    if found.id is None:
        raise UnknownRole(text, catalog.role_vocab.suggest(text))
    return Found(text, "role", found.id, found.method)


def find_job(catalog: Catalog, text: str, rome: RomeIndex | None = None) -> Found:
    """The current job ``text`` names, as people type titles (gender marks, 'junior', 'CDI' and
    the like are ignored; a job's name at the head of the title is that job), or an AI role held
    today (``kind`` says which); with an imported ROME (``rome``), an appellation names the job
    family of its fiche."""
    found = find_title(catalog, text, rome)
    if found.kind == "none" or found.id is None:
        raise UnknownJob(text, found.suggestions)
    return Found(text, found.kind, found.id, found.method, found.fiche)

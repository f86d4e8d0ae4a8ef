"""The library API: everything the command line does, as typed calls.

Load the catalogue, read a document and a profile, find roles and jobs by the names people type,
rank roles, analyse a gap (in learning order, with its hours), rank reconversion paths, answer a
batch. The CLI is built on these functions; a notebook or a data pipeline (a multiprocessing,
Spark or Dask map over partitions) calls them directly::

    import ia_metiers as im
    cat = im.load_catalog()
    person = im.read_profile(cat, ["python", "sql:3"], text=im.read_document("cv.pdf").text)
    for fit in im.rank_roles(cat, person, top=3):
        print(fit.role, fit.score)

Results are small and compare by value (a ``Fit`` names its role by id), so they travel between
processes. Bad input raises a documented error, never a bare ``KeyError``: an unknown role is an
``UnknownRole`` (a ``LookupError``) with the closest ids in ``suggestions``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.lookup import Found
from ia_metiers.core.lookup import find_job as _find_job
from ia_metiers.core.lookup import find_role as _find_role
from ia_metiers.core.planning import Origin, Step, plan_steps
from ia_metiers.core.planning import Path as ReconversionPath
from ia_metiers.core.planning import rank_paths as _rank_paths
from ia_metiers.core.profile import Profile, read_profile
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.results import RESULT_VERSION
from ia_metiers.core.scoring import Fit, rank_within_reach
from ia_metiers.core.situation import Situation
from ia_metiers.core.titles import RomeIndex
from ia_metiers.documents import Document, DocumentError
from ia_metiers.errors import CatalogError, UnknownJob, UnknownRole, UsageError

__all__ = [
    "RESULT_VERSION",
    "Catalog",
    "CatalogError",
    "Document",
    "DocumentError",
    "Fit",
    "Found",
    "Gap",
    "Origin",
    "Profile",
    "ReconversionPath",
    "Situation",
    "Step",
    "UnknownJob",
    "UnknownRole",
    "UsageError",
    "find_job",
    "find_role",
    "gap",
    "imported_rome",
    "load_catalog",
    "match_lines",
    "rank_paths",
    "rank_roles",
    "read_document",
    "read_profile",
]


def load_catalog(data_dir: str | Path | None = None) -> Catalog:
    """The bundled catalogue, overlaid by ``data_dir`` when given (validated, cached). Raises
    ``CatalogError`` (with every problem, ``.problems``) when it is invalid."""
    from ia_metiers.catalog.loader import load

    return load(Path(data_dir) if data_dir is not None else None)


def read_document(source: bytes | str | os.PathLike[str]) -> Document:
    """A CV or a job posting (PDF, DOCX, ODT, HTML, Markdown or text, chosen by content), from its
    bytes or its path, read within fixed bounds: ``.text`` is what ``read_profile(text=...)``
    reads, ``.notices`` what was left out. Raises ``DocumentError`` (``.kind``: encrypted,
    damaged, no_text...) when it cannot be read."""
    from ia_metiers.documents import read_document as read

    return read(source)


def find_role(catalog: Catalog, name: str) -> Found:
    """The AI role a name designates, as people type it: an id, a name or alias in French or
    English, a close spelling ('data enginer'). ``Found.match`` says exact, alias or approximate.
    Raises ``UnknownRole`` (a ``LookupError``) with the closest role ids in ``suggestions``."""
    return _find_role(catalog, name)


def find_job(catalog: Catalog, title: str, *, rome: RomeIndex | None = None) -> Found:
    """The current job a title designates, as people type it ('Assistante RH (H/F) junior',
    'prof de maths'), or an AI role held today (``Found.kind``). With ``rome`` (``imported_rome()``,
    as the CLI does), a ROME appellation names the job family of its fiche (``Found.fiche``).
    Raises ``UnknownJob`` with the closest ids in ``suggestions``."""
    return _find_job(catalog, title, rome)


def imported_rome() -> RomeIndex | None:
    """The ROME the user imported (``ia-metiers data import rome``), opened read-only, or None."""
    from ia_metiers.catalog.userdata import rome_store

    return rome_store()


def rank_roles(catalog: Catalog, profile: Profile, *, top: int | None = None, diploma: int | None = None) -> list[Fit]:
    """AI roles by fit, best first; with a diploma (its RNCP level), roles within its reach come first."""
    return rank_within_reach(catalog, profile.skills, top=top, diploma=diploma)


@frozen
class Gap(Frozen):
    """What one role asks that a profile lacks: its ``fit`` (matched, level gaps, missing), and
    the ``steps`` to learn in order, each with its hours and suggested trainings: the steps of
    ``path --to`` (one computation, ``planning.plan_steps``). Small, picklable, compared by value."""

    fit: Fit
    steps: tuple[Step, ...]

    @property
    def role(self) -> str:
        """The role's id."""
        return self.fit.role

    @property
    def order(self) -> tuple[str, ...]:
        """The skills to learn, in learning order."""
        return tuple(step.skill for step in self.steps)

    @property
    def hours(self) -> int:
        """Total hours of the steps (curators' estimates), as ``path --to`` counts them."""
        return sum(step.hours for step in self.steps)


def gap(catalog: Catalog, profile: Profile, role: str, *, situation: Situation | None = None) -> Gap:
    """How the profile covers one role (its id; ``find_role`` reads names) and what to learn, in
    order, with the hours: what ``path --to`` plans for this ``situation`` (a person who does not
    work in French starts with French; trainings follow the person's languages). Raises
    ``UnknownRole`` for an id that is not a role."""
    found, steps = plan_steps(catalog, profile.skills, _role(catalog, role), situation)
    return Gap(found, steps)


def rank_paths(
    catalog: Catalog,
    profile: Profile,
    *,
    roles: Sequence[str] | None = None,
    situation: Situation | None = None,
    exclude: str | None = None,
) -> list[ReconversionPath]:
    """Reconversion paths to ``roles`` (ids; default: every role but ``exclude``), best first.
    Raises ``UnknownRole`` for an id that is not a role."""
    targets = [_role(catalog, r) for r in roles] if roles else [r for r in catalog.roles.values() if r.id != exclude]
    return _rank_paths(catalog, profile.skills, targets, situation)


def _role(catalog: Catalog, ident: str) -> Any:
    role = catalog.roles.get(ident)
    if role is None:
        raise UnknownRole(ident, catalog.role_vocab.suggest(ident))
    return role


def match_lines(
    catalog: Catalog, lines: Iterable[bytes], *, top: int = 5, level: str = "junior", lang: str = "fr", start: int = 1
) -> tuple[bytes, int]:
    """``match --batch`` as a call: the NDJSON answers to some lines (``{"id", "skills"}`` objects or
    comma-separated skills, numbered from ``start``), byte for byte what the command writes, and how
    many failed. Pass lines by chunks (of about 1,000): a chunk is scored at once (numpy, when the
    ``batch`` extra is installed). Load the catalogue once per process and keep it."""
    from ia_metiers.cli.batch import Answers

    key = (id(catalog), top, level, lang)
    kept = _ANSWERS.get(key)
    if kept is None or kept[0] is not catalog:
        _ANSWERS.clear()  # one batch at a time: its memos stay bounded
        kept = _ANSWERS[key] = (catalog, Answers(catalog, top, level, lang))
    return kept[1](lines, start)


_ANSWERS: dict[tuple[int, int, str, str], tuple[Catalog, Any]] = {}  # the answers of the last match_lines call

"""The library API: load the catalogue, read a profile, rank roles, analyse a gap, rank paths.

The CLI is built on these functions; a notebook or a data pipeline (a Spark or Dask map over
partitions) calls them directly::

    import ia_metiers as im
    cat = im.load_catalog()
    person = im.read_profile(cat, ["python", "sql:3"])
    for fit in im.rank_roles(cat, person, top=3):
        print(fit.role, fit.score)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.planning import Origin
from ia_metiers.core.planning import Path as ReconversionPath
from ia_metiers.core.planning import rank_paths as _rank_paths
from ia_metiers.core.profile import Profile, read_profile
from ia_metiers.core.scoring import Fit, fit, rank_within_reach
from ia_metiers.core.situation import Situation

__all__ = [
    "Catalog",
    "Fit",
    "Origin",
    "Profile",
    "ReconversionPath",
    "Situation",
    "gap",
    "load_catalog",
    "match_lines",
    "rank_paths",
    "rank_roles",
    "read_profile",
]


def load_catalog(data_dir: str | Path | None = None) -> Catalog:
    """The bundled catalogue, overlaid by ``data_dir`` when given (validated, cached)."""
    from ia_metiers.catalog.loader import load

    return load(Path(data_dir) if data_dir is not None else None)


def rank_roles(catalog: Catalog, profile: Profile, *, top: int | None = None, diploma: int | None = None) -> list[Fit]:
    """AI roles by fit, best first; with a diploma (its RNCP level), roles within its reach come first."""
    return rank_within_reach(catalog, profile.skills, top=top, diploma=diploma)


def gap(catalog: Catalog, profile: Profile, role_id: str) -> Fit:
    """How the profile covers one role's requirements (matched, level gaps, missing)."""
    return fit(catalog, profile.skills, catalog.roles[role_id])


def rank_paths(
    catalog: Catalog,
    profile: Profile,
    *,
    roles: Sequence[str] | None = None,
    situation: Situation | None = None,
    exclude: str | None = None,
) -> list[ReconversionPath]:
    """Reconversion paths to ``roles`` (default: every role but ``exclude``), best first."""
    targets = [catalog.roles[r] for r in roles] if roles else [r for r in catalog.roles.values() if r.id != exclude]
    return _rank_paths(catalog, profile.skills, targets, situation)


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

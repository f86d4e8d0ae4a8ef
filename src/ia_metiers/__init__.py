"""ia-metiers: an offline career advisor for the AI job market in France.

Library API (see :mod:`ia_metiers.api`)::

    import ia_metiers as im
    cat = im.load_catalog()
    person = im.read_profile(cat, ["python", "sql:3"])
    best = im.rank_roles(cat, person, top=3)
    plan = im.rank_paths(cat, person, roles=["data-analyst"])[0]
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

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
    "__version__",
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

if TYPE_CHECKING:
    from ia_metiers.api import (
        RESULT_VERSION,
        Catalog,
        CatalogError,
        Document,
        DocumentError,
        Fit,
        Found,
        Gap,
        Origin,
        Profile,
        ReconversionPath,
        Situation,
        Step,
        UnknownJob,
        UnknownRole,
        UsageError,
        find_job,
        find_role,
        gap,
        imported_rome,
        load_catalog,
        match_lines,
        rank_paths,
        rank_roles,
        read_document,
        read_profile,
    )


def __getattr__(name: str) -> Any:
    """The API is imported on first use, so that the command line starts fast."""
    if name in __all__:
        from ia_metiers import api

        return getattr(api, name)
    raise AttributeError(f"module 'ia_metiers' has no attribute {name!r}")

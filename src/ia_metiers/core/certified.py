"""The certifications of the catalogue as entries of the trainings listing.

A person acts on a certification: its code is what Mon Compte Formation, a training organisation
and a funder ask for. The catalogue's trainings name few of them, the certifications file (and
what an import overlays on it) many: every current certification that no training of the
catalogue prepares becomes an entry of its own (``kind: certification``), made of its own facts:
its certifiers as the provider, its France Compétences fiche as the link, its hours, the roles
and skills it was curated for, and the CPF, price and hours of its known offers (read through
``certification``). A training that prepares a code stands for it: the code is never listed twice.
"""

from __future__ import annotations

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.facts import usable
from ia_metiers.core.model import Certification, Training, TrainingType

# the training type a kind of certification is listed under (--type): a master and an engineering
# degree have their own; every other title, diploma or RS certification is a "certification"
TYPE_OF_KIND: dict[str, TrainingType] = {"master": "master", "engineering-degree": "engineering-school"}


def prepared_codes(catalog: Catalog) -> frozenset[str]:
    """The codes a training of the catalogue prepares (by id, or by its legacy bare code)."""
    codes = set()
    for tr in catalog.trainings.values():
        cert = catalog.certification_of(tr)
        if cert is not None:
            codes.add(cert.code)
        elif tr.rncp:
            codes.add(tr.rncp.upper())
    return frozenset(codes)


def as_training(cert: Certification) -> Training:
    """A certification as an entry of the trainings listing (its facts only, nothing added)."""
    modalities = {o.modality for o in cert.offers}
    return Training(
        id=cert.id,
        name=cert.name,
        provider=", ".join(cert.certifiers) or cert.code,
        type=TYPE_OF_KIND.get(cert.kind, "certification"),
        source=cert.source,
        roles=list(cert.roles),
        skills=list(cert.skills),
        duration_hours=cert.hours,
        url=cert.fiche_url,
        year=int(cert.checked_on[:4]),
        note=cert.note,
        certification=cert.id,
        modality=next(iter(modalities)) if len(modalities) == 1 else None,
        language="fr",
        kind="certification",
        checked_on=cert.checked_on,
    )


def certification_entries(catalog: Catalog, today: str) -> list[Training]:
    """Every certification in force on ``today`` (not expired, not inactive) that no training of
    the catalogue prepares, as a training entry, in the file's order."""
    taken = prepared_codes(catalog)
    return [as_training(c) for c in catalog.certifications.values() if c.code not in taken and usable(c, today)]


def listed_trainings(catalog: Catalog, today: str) -> list[Training]:
    """What the trainings listing shows: the catalogue's trainings, then its certifications' entries."""
    return [*catalog.trainings.values(), *certification_entries(catalog, today)]

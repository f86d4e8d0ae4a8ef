"""JSON-ready rows of the listing commands (skills, roles, jobs, trainings, funding, sectors,
market, sources); the advising commands answer with typed results (``core.results``)."""

from __future__ import annotations

from typing import Any

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.facts import Age, age, summarise
from ia_metiers.core.model import Figure, Funding, Job, Role, Sector, Skill, Source, Training, fiche_url
from ia_metiers.core.planning import current
from ia_metiers.core.results import pay_row, plain
from ia_metiers.output.messages import t


def skill_row(catalog: Catalog, s: Skill, lang: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name.get(lang),
        "name_fr": s.name.fr,
        "name_en": s.name.en,
        "category": s.category,
        "aliases": s.aliases,
        "broader": s.broader,
        "prerequisites": s.prerequisites,
        "effort_hours": s.effort_hours,
        "effort_basis": "curator-estimate" if s.effort_hours else None,
    }


def role_row(r: Role, lang: str) -> dict[str, Any]:
    edu = r.education
    return {
        "id": r.id,
        "name": r.name.get(lang),
        "name_fr": r.name.fr,
        "name_en": r.name.en,
        "aliases": r.aliases,
        "required": [q.skill for q in r.required],
        "optional": [q.skill for q in r.optional],
        "education": f"Bac+{edu.min}..Bac+{edu.max}" if edu else None,
        "demand": r.demand,
        "sectors": r.sectors,
    }


def source_row(s: Source) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "publisher": s.publisher,
        "year": s.year,
        "kind": s.kind,
        "url": s.url,
        "file": s.file,
        "reliability": s.reliability,
    }


def job_row(j: Job, lang: str) -> dict[str, Any]:
    return {
        "id": j.id,
        "name": j.name.get(lang),
        "name_fr": j.name.fr,
        "name_en": j.name.en,
        "aliases": j.aliases,
        "skills": [f"{r.skill}:{r.level}" for r in j.skills],
        "risk": j.risk,
        "ai_impact": j.ai_impact.get(lang) if j.ai_impact else None,
        "sources": j.sources,
        "kind": j.kind,
        "domain": j.domain,
        "sector": ROME_DOMAINS[j.domain][0 if lang == "fr" else 1] if j.domain else None,
        "rome": j.rome,
        "pay": plain(pay_row(j.pay), lang),
    }


def training_cpf(catalog: Catalog, tr: Training) -> bool | None:
    """CPF as the training states it, else as the offers of its certification say."""
    cert = catalog.certification_of(tr)
    return tr.cpf if tr.cpf is not None or cert is None else summarise(cert).cpf


def lowest_price(catalog: Catalog, tr: Training) -> float:
    """The lowest known price of a training: its own, else its certification's cheapest offer
    (infinite when unknown, so that a price ceiling never keeps it)."""
    if tr.price_eur is not None:
        return tr.price_eur
    cert = catalog.certification_of(tr)
    low = summarise(cert).price_min if cert else None
    return float("inf") if low is None else low


def modalities(catalog: Catalog, tr: Training) -> set[str]:
    """How a training can be followed: its own modality, else its certification's offers'."""
    if tr.modality:
        return {tr.modality}
    cert = catalog.certification_of(tr)
    return {o.modality for o in cert.offers if o.modality} if cert else set()


def training_row(catalog: Catalog, tr: Training, lang: str, today: str = "9999-12-31") -> dict[str, Any]:
    """A training as the listing shows it: its own facts, completed by its certification's (code,
    level, validity, fiche) and offers (CPF, price and hours ranges); each fact's age; "non
    renseigné" with the place to look when CPF, price or duration are unknown."""
    cert = catalog.certification_of(tr)
    offers = summarise(cert) if cert else None
    code = cert.code if cert else tr.rncp
    cpf = training_cpf(catalog, tr)
    price_min = tr.price_eur if tr.price_eur is not None else (offers.price_min if offers else None)
    price_max = tr.price_eur if tr.price_eur is not None else (offers.price_max if offers else None)
    hours_min = tr.duration_hours if tr.duration_hours else (offers.hours_min if offers else None)
    hours_max = tr.duration_hours if tr.duration_hours else (offers.hours_max if offers else None)
    unknown = t("not_informed", lang)
    length = [_range(hours_min, hours_max, "h")] if hours_min is not None else []
    if tr.duration_weeks:
        length.append(f"{tr.duration_weeks:g} sem." if lang == "fr" else f"{tr.duration_weeks:g} wk")
    missing = cpf is None or price_min is None or not length
    expired_mark = "" if cert is None or current(catalog, tr, today) else " (expired)" if lang == "en" else " (expirée)"
    checked_on = cert.checked_on if cert else tr.checked_on
    fact_age = age(checked_on, "registry", today, year=None if checked_on else tr.year)
    return {
        "id": tr.id,
        "name": tr.name.get(lang),
        "provider": tr.provider,
        "type": tr.type,
        "kind": tr.kind,
        "roles": tr.roles,
        "skills": tr.skill_ids,
        "duration_weeks": tr.duration_weeks,
        "duration_hours": tr.duration_hours,
        "hours_min": hours_min,
        "hours_max": hours_max,
        "duration": " / ".join(length) or unknown,
        "format": tr.format.get(lang) if tr.format else None,
        "price_eur": tr.price_eur,
        "price_min": price_min,
        "price_max": price_max,
        "price": (t("free", lang) if price_max == 0 else _range(price_min, price_max, "€")) if price_min is not None else unknown,
        "cpf": cpf,
        "cpf_offers": offers.offers if offers and offers.cpf else None,
        "distance_share": offers.distance_share if offers else None,
        "regions": list(offers.regions) if offers else [],
        "rncp": tr.rncp,
        "certification": (code + expired_mark) if code else None,
        "certification_kind": cert.kind if cert else None,
        "certification_level": cert.level if cert else None,
        "certification_until": cert.valid_until if cert else None,
        "certification_active": cert.active if cert else None,
        "certification_url": cert.fiche_url if cert else (fiche_url(code) if code else None),
        "validity": _validity(cert, lang, expired_mark) if cert else None,
        "look_up": t("look_on_mcf", lang, code=code) if missing and code else None,
        "modality": tr.modality,
        "place": tr.place,
        "language": tr.language,
        "url": tr.url,
        "link": tr.url or (cert.fiche_url if cert else None),
        "source": cert.source if cert else tr.source,
        "year": tr.year,
        "checked_on": checked_on,
        "offers_checked_on": offers.checked_on if offers else None,
        "checked": _checked(fact_age, lang),
        "age_months": fact_age.months,
        "stale": fact_age.stale,
        "note": tr.note.get(lang) if tr.note else None,
    }


def _checked(fact_age: Age | None, lang: str) -> str | None:
    """'vérifié en 2026-11', with '(à revérifier)' past the threshold of its kind."""
    if fact_age is None or not fact_age.checked:
        return None
    return t("checked_in", lang, date=fact_age.checked) + (f" ({t('old_fact', lang)})" if fact_age.stale else "")


def _range(low: float | None, high: float | None, unit: str) -> str:
    def num(x: float | None) -> str:
        return f"{x:,.0f}".replace(",", "\u202f") if x is not None else "?"

    return f"{num(low)} {unit}" if low == high else f"{num(low)}–{num(high)} {unit}"


def _validity(cert: Any, lang: str, expired_mark: str) -> str:
    level = f"niv. {cert.level}, " if cert.level and lang == "fr" else f"level {cert.level}, " if cert.level else ""
    until = ("jusqu'au " if lang == "fr" else "until ") + str(cert.valid_until) if cert.valid_until else ""
    inactive = " inactive" if cert.active is False else ""
    return f"{cert.code}: {level}{until}{inactive}{expired_mark}"


def funding_row(f: Funding, lang: str, today: str = "9999-12-31") -> dict[str, Any]:
    """A funding route as the listing shows it, with the age of its rules (law: 6 months, or a
    1 January since they were read)."""
    fact_age = age(f.checked_on, "law", today) if f.checked_on else None
    return {
        "id": f.id,
        "name": f.name.get(lang),
        "summary": f.summary.get(lang),
        "url": f.url,
        "source": f.source,
        "kind": f.kind,
        "who": list(f.who),
        "contracts": list(f.contracts),
        "ways": list(f.ways or ["training"]),
        "certifying": f.certifying,
        "registries": list(f.registries),
        "min_hours": f.min_hours,
        "max_hours": f.max_hours,
        "min_age": f.min_age,
        "max_age": f.max_age,
        "rqth": f.rqth,
        "min_experience": f.min_experience,
        "pays_costs": f.pays_costs,
        "requires": list(f.requires),
        "since": f.since,
        "checked_on": f.checked_on,
        "checked": _checked(fact_age, lang),
        "age_months": fact_age.months if fact_age else None,
        "stale": fact_age.stale if fact_age else True,
        "pays": f.pays.get(lang) if f.pays else None,
        "conditions": f.conditions.get(lang) if f.conditions else None,
    }


def sector_row(s: Sector, lang: str) -> dict[str, Any]:
    return {
        "id": s.id,
        "name": s.name.get(lang),
        "use_cases": s.use_cases.get(lang),
        "roles": s.roles,
        "note": s.note.get(lang) if s.note else None,
        "sources": s.sources,
    }


def figure_row(catalog: Catalog, f: Figure, lang: str) -> dict[str, Any]:
    src = catalog.sources.get(f.source)
    return {
        "id": f.id,
        "label": f.label.get(lang),
        "value": f.value,
        "unit": f.unit,
        "scope": f.scope.get(lang) if f.scope else None,
        "year": f.year,
        "source": f.source,
        "source_title": src.title if src else None,
    }


ROME_DOMAINS = {  # France Travail, ROME 4.0: the 14 domains
    "A": ("Agriculture, pêche, espaces naturels, soins aux animaux", "Agriculture, fishing, green spaces, animal care"),
    "B": ("Arts et façonnage d'ouvrages d'art", "Arts and crafts"),
    "C": ("Banque, assurance, immobilier", "Banking, insurance, real estate"),
    "D": ("Commerce, vente, grande distribution", "Retail, sales"),
    "E": ("Communication, média, multimédia", "Communication, media"),
    "F": ("Construction, bâtiment, travaux publics", "Construction, public works"),
    "G": ("Hôtellerie-restauration, tourisme, loisirs", "Hospitality, tourism, leisure"),
    "H": ("Industrie", "Manufacturing"),
    "I": ("Installation, maintenance", "Installation, maintenance"),
    "J": ("Santé", "Health"),
    "K": ("Services à la personne et à la collectivité", "Personal and public services"),
    "L": ("Spectacle", "Performing arts"),
    "M": ("Support à l'entreprise", "Business support"),
    "N": ("Transport, logistique", "Transport, logistics"),
}

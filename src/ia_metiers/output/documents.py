"""JSON-ready documents for every command (pure: no terminal, no Rich)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import LEVELS, Figure, Funding, Job, Pay, Role, SalaryBand, Sector, Skill, Source, Training
from ia_metiers.core.planning import current, route_statuses, within_reach
from ia_metiers.core.resolve import Resolution
from ia_metiers.core.scoring import Fit, salary

if TYPE_CHECKING:
    from ia_metiers.core.planning import FundingOption, Origin, Path, Situation
    from ia_metiers.core.profile import Ignored, Profile
    from ia_metiers.core.scoring import Have


def skill_name(catalog: Catalog, sid: str, lang: str) -> str:
    skill = catalog.skills.get(sid)
    return skill.name.get(lang) if skill else sid


def resolution(catalog: Catalog, res: Resolution, lang: str) -> dict[str, Any]:
    """The agreed resolution object."""
    return {
        "input": res.input,
        "skill": res.id,
        "name": skill_name(catalog, res.id, lang) if res.id else None,
        "broader": list(catalog.ancestors.get(res.id, ())) if res.id else [],
        "score": res.score,
        "method": res.method,
        "suggestions": list(res.suggestions),
        "also": list(res.also),
        "used": words_used(catalog, res),
    }


def words_used(catalog: Catalog, res: Resolution) -> str | None:
    """For a phrase resolved by a name inside it, the words that named the skill."""
    if res.method != "contains" or res.id is None:
        return None
    from ia_metiers.core.text import fold

    words = fold(res.input).split()
    best = None
    for key, (ident, _method) in catalog.skill_vocab.keys.items():
        if ident != res.id:
            continue
        size = len(key.split())
        for i in range(len(words) - size + 1):
            if " ".join(words[i : i + size]) == key and (best is None or size > len(best.split())):
                best = key
    return best


def band(role_id: str, b: SalaryBand | None, lang: str) -> dict[str, Any] | None:
    """The agreed salary band object."""
    if b is None:
        return None
    return {
        "role": role_id,
        "region": b.region,
        "level": b.level,
        "min": b.min,
        "max": b.max,
        "currency": b.currency,
        "basis": b.basis,
        "source": b.source,
        "year": b.year,
        "note": b.note.get(lang) if b.note else None,
        "area": b.area,
        "unit": b.unit,
    }


def fit_row(fit: Fit, level: str, lang: str, diploma: int | None = None) -> dict[str, Any]:
    return {
        "role": fit.role.id,
        "name": fit.role.name.get(lang),
        "score": fit.score,
        "education": education(fit.role),
        "within_reach": within_reach(fit.role, diploma),
        "matched": fit.matched,
        "via": {
            c.requirement.skill: c.via.skill
            for c in fit.covers
            if c.matched and c.via is not None and c.via.skill != c.requirement.skill
        },
        "missing_required": fit.missing_required,
        "missing_optional": fit.missing_optional,
        "salary": band(fit.role.id, salary(fit.role, level), lang),
    }


def match_doc(
    catalog: Catalog, prof: Profile, fits: list[Fit], level: str, lang: str, diploma: int | None = None
) -> dict[str, Any]:
    return {
        **profile_doc(catalog, prof, lang),
        "level": level,
        "diploma": diploma,
        "roles": [fit_row(f, level, lang, diploma) for f in fits],
    }


def gap_doc(catalog: Catalog, prof: Profile, fit: Fit, order: list[str], lang: str, diploma: int | None = None) -> dict[str, Any]:
    """matched (with the input that matched), missing in learning order, level gaps, bands."""
    missing_req = [s for s in order if s in set(fit.missing_required)]
    missing_opt = [s for s in order if s in set(fit.missing_optional)]
    return {
        **profile_doc(catalog, prof, lang),
        "role": fit.role.id,
        "name": fit.role.name.get(lang),
        "score": fit.score,
        "education": education(fit.role),
        "within_reach": within_reach(fit.role, diploma),
        "entry_routes": fit.role.entry_routes.get(lang) if fit.role.entry_routes else [],
        "matched": [
            {
                "skill": c.requirement.skill,
                "name": skill_name(catalog, c.requirement.skill, lang),
                "input": c.via.input if c.via else None,
                "via": c.via.skill if c.via else None,
                "source": c.via.source if c.via else None,
                "required": c.required,
                "credit": round(c.credit, 2),
            }
            for c in fit.covers
            if c.matched
        ],
        "missing_required": missing_req,
        "missing_optional": missing_opt,
        "level_gaps": [
            {
                "skill": c.requirement.skill,
                "have": c.via.level if c.via else 0,
                "need": c.requirement.level,
                "input": c.via.input if c.via else None,
            }
            for c in fit.level_gaps
        ],
        "names": {
            s: skill_name(catalog, s, lang) for s in [*missing_req, *missing_opt, *(c.requirement.skill for c in fit.level_gaps)]
        },
        "salaries": [band(fit.role.id, b, lang) for b in sorted_bands(fit.role)],
    }


def sorted_bands(role: Role) -> list[SalaryBand]:
    order = {lv: i for i, lv in enumerate((*LEVELS, "all"))}
    return sorted(role.salaries, key=lambda b: (b.region != "fr", order[b.level]))


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


def role_doc(catalog: Catalog, r: Role, lang: str) -> dict[str, Any]:
    def req(q: Any) -> dict[str, Any]:
        return {"skill": q.skill, "name": skill_name(catalog, q.skill, lang), "level": q.level, "weight": q.weight}

    return {
        "id": r.id,
        "name": r.name.get(lang),
        "name_fr": r.name.fr,
        "name_en": r.name.en,
        "aliases": r.aliases,
        "summary": r.summary.get(lang),
        "missions": r.missions.get(lang) if r.missions else [],
        "required": [req(q) for q in r.required],
        "optional": [req(q) for q in r.optional],
        "education": {"min": r.education.min, "max": r.education.max} if r.education else None,
        "entry_routes": r.entry_routes.get(lang) if r.entry_routes else [],
        "sectors": r.sectors,
        "demand": r.demand,
        "remarks": r.remarks.get(lang) if r.remarks else None,
        "work": r.work.get(lang) if r.work else None,
        "related": r.related,
        "sources": r.sources,
        "salaries": [band(r.id, b, lang) for b in sorted_bands(r)],
        "trainings": [t.id for t in catalog.trainings.values() if r.id in t.roles],
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


def education(r: Role) -> dict[str, int] | None:
    return {"min": r.education.min, "max": r.education.max} if r.education else None


def training_brief(catalog: Catalog, tid: str, lang: str) -> dict[str, Any]:
    """What a counsellor needs to act on a suggested training."""
    tr = catalog.trainings[tid]
    cert = tr.certification
    return {
        "id": tr.id,
        "name": tr.name.get(lang),
        "provider": tr.provider,
        "type": tr.type,
        "duration_hours": tr.duration_hours,
        "duration_weeks": tr.duration_weeks,
        "price_eur": tr.price_eur,
        "cpf": tr.cpf,
        "certification": f"{cert.code}" if cert else tr.rncp,
        "modality": tr.modality,
        "language": tr.language,
        "url": tr.url,
        "source": tr.source,
        "year": tr.year,
    }


def funding_brief(catalog: Catalog, option: FundingOption, lang: str) -> dict[str, Any]:
    route = catalog.funding[option.id]
    return {
        "id": option.id,
        "name": route.name.get(lang),
        "open": option.open,
        "why": option.why,
        "who": list(route_statuses(route)),
        "certifying": route.certifying,
        "min_hours": route.min_hours,
        "url": route.url,
        "source": route.source,
    }


def next_step(catalog: Catalog, sid: str, lang: str) -> dict[str, Any]:
    route = catalog.funding[sid]
    return {"id": sid, "name": route.name.get(lang), "summary": route.summary.get(lang), "url": route.url, "source": route.source}


def path_row(catalog: Catalog, p: Path, hours_per_week: float, lang: str, level: str = "junior") -> dict[str, Any]:
    cited = list(dict.fromkeys([*(t for s in p.steps for t in s.trainings), *p.programmes]))
    return {
        "role": p.role.id,
        "name": p.role.name.get(lang),
        "score": p.score,
        "fit": p.fit.score,
        "education": education(p.role),
        "within_reach": p.within_reach,
        "entry_routes": p.role.entry_routes.get(lang) if p.role.entry_routes else [],
        "transferable": list(p.transferable),
        "steps": [
            {
                "skill": s.skill,
                "name": skill_name(catalog, s.skill, lang),
                "from_level": s.have,
                "to_level": s.need,
                "hours": s.hours,
                "reason": s.reason,
                "trainings": list(s.trainings),
            }
            for s in p.steps
        ],
        "programmes": list(p.programmes),
        "trainings": [training_brief(catalog, t, lang) for t in cited],
        "hours": p.hours,
        "hours_basis": "curator-estimate",
        "weeks": p.weeks(hours_per_week),
        "hours_per_week": hours_per_week,
        "funding": [f.id for f in p.funding if f.open is not False],
        "funding_detail": [funding_brief(catalog, f, lang) for f in p.funding],
        "next_steps": [next_step(catalog, n, lang) for n in p.next_steps],
        "projects": p.role.projects.get(lang) if p.role.projects else [],
        "salary": band(p.role.id, salary(p.role, level), lang),
    }


def have_row(catalog: Catalog, h: Have, lang: str) -> dict[str, Any]:
    return {"skill": h.skill, "name": skill_name(catalog, h.skill, lang), "level": h.level, "input": h.input, "source": h.source}


def ignored_row(i: Ignored) -> dict[str, Any]:
    return {"phrase": i.phrase, "reason": i.reason, "skill": i.skill, "suggestions": list(i.suggestions)}


def profile_doc(catalog: Catalog, prof: Profile, lang: str) -> dict[str, Any]:
    """What the person has (their words first), what was assumed, read, and set aside."""
    return {
        "skills": [resolution(catalog, r, lang) for r in prof.resolutions],
        "unknown": prof.unknown,
        "profile": [have_row(catalog, h, lang) for h in prof.skills.values()],
        "assumed": [have_row(catalog, h, lang) for h in prof.assumed],
        "evidence": [
            {
                "skill": d.skill,
                "name": skill_name(catalog, d.skill, lang),
                "phrase": d.phrase,
                "sentence": d.sentence,
                "level": d.level,
            }
            for d in prof.detected
        ],
        "ignored": [ignored_row(i) for i in prof.ignored],
    }


def path_doc(
    catalog: Catalog,
    job: Origin,
    prof: Profile,
    paths: list[Path],
    hours_per_week: float,
    lang: str,
    situation: Situation,
) -> dict[str, Any]:
    pay = catalog.jobs[job.id].pay if job.id in catalog.jobs else None
    return {
        "from": job.id,
        "from_kind": job.kind,
        "from_name": job.name.get(lang) if job.name else None,
        "from_pay": pay_row(pay),
        **profile_doc(catalog, prof, lang),
        "brings": [{"skill": r.skill, "level": r.level} for r in job.skills],
        "diploma": situation.diploma,
        "status": situation.status,
        "level": situation.level,
        "paths": [path_row(catalog, p, hours_per_week, lang, situation.level) for p in paths],
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
        "pay": pay_row(j.pay),
    }


def pay_row(pay: Pay | None) -> dict[str, Any] | None:
    """A job's typical gross annual pay (France, EUR), with its basis and source."""
    if pay is None:
        return None
    return {"min": pay.min, "max": pay.max, "currency": "EUR", "basis": pay.basis, "source": pay.source, "year": pay.year}


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


def training_row(tr: Training, lang: str, today: str = "9999-12-31") -> dict[str, Any]:
    cert = tr.certification
    length = [f"{tr.duration_hours} h"] if tr.duration_hours else []
    if tr.duration_weeks:
        length.append(f"{tr.duration_weeks:g} sem." if lang == "fr" else f"{tr.duration_weeks:g} wk")
    return {
        "id": tr.id,
        "name": tr.name.get(lang),
        "provider": tr.provider,
        "type": tr.type,
        "roles": tr.roles,
        "skills": tr.skill_ids,
        "duration_weeks": tr.duration_weeks,
        "duration_hours": tr.duration_hours,
        "format": tr.format.get(lang) if tr.format else None,
        "price_eur": tr.price_eur,
        "cpf": tr.cpf,
        "rncp": tr.rncp,
        "duration": " / ".join(length) or None,
        "certification": (cert.code + ("" if current(tr, today) else " (expired)" if lang == "en" else " (expirée)"))
        if cert
        else tr.rncp,
        "certification_until": cert.valid_until if cert else None,
        "modality": tr.modality,
        "place": tr.place,
        "language": tr.language,
        "url": tr.url,
        "source": tr.source,
        "year": tr.year,
        "note": tr.note.get(lang) if tr.note else None,
    }


def funding_row(f: Funding, lang: str) -> dict[str, Any]:
    return {
        "id": f.id,
        "name": f.name.get(lang),
        "summary": f.summary.get(lang),
        "applies_to": f.applies_to,
        "employed": f.employed,
        "jobseeker": f.jobseeker,
        "url": f.url,
        "source": f.source,
        "kind": f.kind,
        "who": list(route_statuses(f)),
        "certifying": f.certifying,
        "min_hours": f.min_hours,
        "since": f.since,
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


def compare_doc(catalog: Catalog, roles: list[Role], lang: str) -> dict[str, Any]:
    docs = [role_doc(catalog, r, lang) for r in roles]
    sets = [{q.skill for q in r.required} for r in roles]
    shared = sorted(set.intersection(*sets)) if sets else []
    for d in docs:
        for q in d["required"]:
            q["shared"] = q["skill"] in shared
    return {"roles": docs, "shared_required": shared}

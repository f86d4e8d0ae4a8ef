"""User-facing words in French and English (ids and JSON keys stay English)."""

from __future__ import annotations

import os

LANGS = ("fr", "en")

_MESSAGES: dict[str, tuple[str, str]] = {
    # errors and warnings
    "error": ("erreur", "error"),
    "warning": ("attention", "warning"),
    "did_you_mean": ("vouliez-vous dire", "did you mean"),
    "unknown_skills": ("compétences non reconnues", "skills not recognised"),
    "no_skills": ("aucune compétence donnée (utilisez --skills, par ex. -s python,sql)",
                  "no skill given (use --skills, e.g. -s python,sql)"),
    "none_recognised": ("aucune compétence reconnue", "no skill recognised"),
    "unknown_role": ("métier IA inconnu", "unknown role"),
    "unknown_job": ("métier actuel inconnu", "unknown job"),
    "unknown_level": ("niveau inconnu", "unknown level"),
    "catalog_invalid": ("catalogue invalide", "invalid catalogue"),
    "catalog_ok": ("catalogue valide", "catalogue is valid"),
    "problems": ("problème(s)", "problem(s)"),
    "stdin_binary": ("l'entrée standard n'est pas du texte UTF-8", "standard input is not UTF-8 text"),
    "see_roles": ("voir `ia-metiers roles`", "see `ia-metiers roles`"),
    "see_jobs": ("voir `ia-metiers jobs`", "see `ia-metiers jobs`"),
    # headers
    "role": ("Métier", "Role"),
    "roles": ("Métiers", "Roles"),
    "id": ("Id", "Id"),
    "name": ("Nom", "Name"),
    "score": ("Score", "Score"),
    "matched": ("Acquis", "Matched"),
    "missing": ("Manquant", "Missing"),
    "missing_required": ("Requis manquants", "Missing required"),
    "missing_optional": ("Optionnels manquants", "Missing optional"),
    "level_gaps": ("Niveau à renforcer", "Level to raise"),
    "salary": ("Salaire", "Salary"),
    "input": ("Saisie", "Input"),
    "skill": ("Compétence", "Skill"),
    "skills": ("Compétences", "Skills"),
    "method": ("Méthode", "Method"),
    "broader": ("Famille", "Family"),
    "suggestions": ("Suggestions", "Suggestions"),
    "category": ("Catégorie", "Category"),
    "aliases": ("Alias", "Aliases"),
    "prerequisites": ("Prérequis", "Prerequisites"),
    "effort": ("Effort", "Effort"),
    "hours": ("heures", "hours"),
    "hours_short": ("h", "h"),
    "weeks": ("semaines", "weeks"),
    "estimate": ("estimation", "estimate"),
    "required": ("Requises", "Required"),
    "optional": ("Optionnelles", "Optional"),
    "education": ("Formation initiale", "Education"),
    "summary": ("Résumé", "Summary"),
    "missions": ("Missions", "Missions"),
    "entry_routes": ("Voies d'accès", "Entry routes"),
    "sectors": ("Secteurs", "Sectors"),
    "demand": ("Demande", "Demand"),
    "remarks": ("Remarques", "Remarks"),
    "work": ("Organisation du travail", "Ways of working"),
    "related": ("Métiers proches", "Related roles"),
    "sources": ("Sources", "Sources"),
    "region": ("Zone", "Region"),
    "level": ("Niveau", "Level"),
    "min": ("Min", "Min"),
    "max": ("Max", "Max"),
    "currency": ("Devise", "Currency"),
    "basis": ("Base", "Basis"),
    "source": ("Source", "Source"),
    "year": ("Année", "Year"),
    "title": ("Titre", "Title"),
    "publisher": ("Éditeur", "Publisher"),
    "kind": ("Type", "Kind"),
    "url": ("URL", "URL"),
    "via": ("via", "via"),
    "unknown": ("Non reconnues", "Not recognised"),
    "fit_for": ("Adéquation aux métiers IA", "Fit for AI roles"),
    "gap_for": ("Écart avec le métier", "Gap to the role"),
    "learning_order": ("dans l'ordre d'apprentissage", "in learning order"),
    "nothing": ("aucun", "none"),
    "basis_role": ("propre au métier", "role-specific"),
    "basis_generic": ("générique (métiers IA)", "generic (AI jobs)"),
    "junior": ("junior (0-2 ans)", "junior (0-2 yrs)"),
    "confirme": ("confirmé (3-5 ans)", "mid-level (3-5 yrs)"),
    "senior": ("senior (6 ans et +)", "senior (6+ yrs)"),
    "all": ("tous niveaux", "all levels"),
    "fr": ("France", "France"),
    "us": ("États-Unis", "United States"),
    "bac": ("Bac+{min} à Bac+{max}", "Bac+{min} to Bac+{max} (years after high school)"),
    "transferable": ("Acquis transférables", "Transferable"),
    "to_learn": ("À apprendre", "To learn"),
    "duration": ("Durée", "Duration"),
    "fit": ("adéquation", "fit"),
    "plan": ("Plan d'apprentissage", "Learning plan"),
    "trainings": ("Formations", "Trainings"),
    "prerequisite": ("prérequis", "prerequisite"),
    "total": ("Total", "Total"),
    "week": ("semaine", "week"),
    "weeks_short": ("sem.", "wk"),
    "funding": ("Financements possibles", "Funding routes"),
    "shared": ("compétence requise commune à tous les métiers comparés", "required skill shared by every role compared"),
    "path_footer": ("Score du parcours: adéquation, effort restant et salaire. Heures: estimations des "
                    "curateurs (non sourcées). Plan détaillé et formations: --to ROLE.",
                    "Path score: fit, remaining effort and pay. Hours: curators' estimates (not sourced). "
                    "Detailed plan and trainings: --to ROLE."),
    "path_score": ("score du parcours", "path score"),
    "duration_line": ("{hours} h ≈ {weeks} semaines à {hpw:g} h/semaine", "{hours} h ≈ {weeks} weeks at {hpw:g} h/week"),
    "level_up": ("niveau à renforcer", "level to raise"),
    "trainings_suggested": ("Formations suggérées", "Suggested trainings"),
    "free": ("gratuit", "free"),
    "ai": ("IA", "AI"),
    "effort_hours": ("Effort (h, estimation)", "Effort (h, estimate)"),
    "duration_weeks": ("Semaines", "Weeks"),
    "price_eur": ("Prix (€)", "Price (€)"),
    "cpf": ("CPF", "CPF"),
    "unit_jobs": ("emplois", "jobs"),
    "unit_workers": ("travailleurs", "workers"),
    "unit_score": ("(score)", "(score)"),
    "req_one": ("requise", "required"),
    "opt_one": ("optionnelle", "optional"),
    "gross_annual": ("brut annuel", "gross annual"),
    "junior_short": ("junior", "junior"),
    "confirme_short": ("confirmé", "mid-level"),
    "senior_short": ("senior", "senior"),
    "all_short": ("tous", "all"),
    "basis_role_short": ("métier", "role"),
    "basis_generic_short": ("générique", "generic"),
    "salary_legend": ("junior 0-2 ans, confirmé 3-5 ans, senior 6 ans et +; base « métier »: chiffre propre au "
                      "métier, « générique »: grille IA générale des sources fondatrices",
                      "junior 0-2 yrs, mid-level 3-5 yrs, senior 6+ yrs; basis 'role': a figure for this role, "
                      "'generic': the founding sources' band for AI jobs in general"),
    "salary_scale": ("Brut annuel; barres sur une même échelle par devise ({scale})",
                     "Gross annual; bars on one scale per currency ({scale})"),
    "risk": ("Risque", "Risk"),
    "ai_impact": ("Effet de l'IA", "AI impact"),
    "provider": ("Organisme", "Provider"),
    "type": ("Type", "Type"),
    "price": ("Prix", "Price"),
    "use_cases": ("Cas d'usage", "Use cases"),
    "value": ("Valeur", "Value"),
    "label": ("Indicateur", "Figure"),
    "scope": ("Périmètre", "Scope"),
    "unknown_training_type": ("type de formation inconnu", "unknown training type"),
    "exported": ("rapport écrit", "report written"),
    "bad_export": ("extension non prise en charge (utilisez .md, .html ou .svg)",
                   "unsupported extension (use .md, .html or .svg)"),
    "hours_per_week_bad": ("--hours-per-week doit être entre 1 et 80", "--hours-per-week must be between 1 and 80"),
    "count_roles": ("{n} métiers", "{n} roles"),
}


def current_lang(explicit: str | None = None) -> str:
    """The language asked for, else IA_METIERS_LANG, else French."""
    lang = (explicit or os.environ.get("IA_METIERS_LANG") or "fr").strip().lower()
    return lang if lang in LANGS else "fr"


def t(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``values``."""
    fr, en = _MESSAGES[key]
    text = en if lang == "en" else fr
    return text.format(**values) if values else text


def keys() -> list[str]:
    return list(_MESSAGES)

"""Help texts in French and English; the language is chosen once, when the CLI starts."""

from __future__ import annotations

import os
import sys

HELP: dict[str, tuple[str, str]] = {
    "app": (
        "Conseiller d'orientation hors ligne pour les métiers de l'IA en France: quels métiers vous "
        "vont, ce qui vous manque, comment l'apprendre, ce que cela paie.",
        "Offline career advisor for AI jobs in France: which roles fit, what you lack, how to learn it, what it pays.",
    ),
    "skills": (
        "Lister les compétences du catalogue (ou: skills resolve TERME...).\n\n"
        "Exemple: ia-metiers skills --category cloud --format csv",
        "List the catalogue's skills (or: skills resolve TERM...).\n\nExample: ia-metiers skills --category cloud --format csv",
    ),
    "resolve": (
        "Montrer comment chaque saisie se résout: compétence, méthode, score, alternatives.\n\n"
        'Exemple: ia-metiers skills resolve pyhton k8s "apprentissage automatique" sklearn',
        "Show how each term resolves: skill, method, score, alternatives.\n\n"
        'Example: ia-metiers skills resolve pyhton k8s "apprentissage automatique" sklearn',
    ),
    "match": (
        "Classer les métiers IA selon vos compétences, le meilleur d'abord.\n\n"
        'Exemple: ia-metiers match -s "python, sql, pandas, machine learning" --top 3',
        "Rank AI roles by how well your skills fit them, best first.\n\n"
        'Example: ia-metiers match -s "python, sql, pandas, machine learning" --top 3',
    ),
    "gap": (
        "Ce qui vous manque pour un métier, dans l'ordre d'apprentissage, et ce qu'il paie.\n\n"
        'Exemple: ia-metiers gap "data engineer" -s python,sql,docker',
        "What you lack for one role, in learning order, and what it pays.\n\n"
        'Example: ia-metiers gap "data engineer" -s python,sql,docker',
    ),
    "path": (
        "Parcours de reconversion depuis votre métier: acquis, plan ordonné, formations, durée, "
        "financements, salaire.\n\n"
        'Exemple: ia-metiers path --from "responsable RH" --to prompt-engineer --hours-per-week 8',
        "Reconversion paths from your current job: transferable skills, ordered plan, trainings, "
        "duration, funding, pay.\n\n"
        'Example: ia-metiers path --from "HR manager" --to prompt-engineer --hours-per-week 8',
    ),
    "roles": (
        "Lister les métiers IA du catalogue.\n\n\b\nExemple: ia-metiers roles --format json",
        "List the catalogue's AI roles.\n\n\b\nExample: ia-metiers roles --format json",
    ),
    "role": (
        "Tout sur un métier: missions, compétences, formation, salaires, sources.\n\n"
        'Exemple: ia-metiers role "ingénieur machine learning"',
        "Everything about a role: missions, skills, education, salaries, sources.\n\n"
        'Example: ia-metiers role "machine learning engineer"',
    ),
    "salaries": (
        "Bandes de salaire (brut annuel) par métier, niveau et zone, avec leur base et leur source.\n\n"
        'Exemple: ia-metiers salaries data-scientist "ML engineer" --format csv',
        "Salary bands (gross annual) by role, level and region, with their basis and source.\n\n"
        'Example: ia-metiers salaries data-scientist "ML engineer" --format csv',
    ),
    "compare": (
        "Comparer des métiers côte à côte: compétences (communes marquées), formation, salaires, "
        "formations, secteurs.\n\n"
        'Exemple: ia-metiers compare data-scientist ml-engineer "data engineer"',
        "Compare roles side by side: skills (shared ones marked), education, salaries, trainings, "
        "sectors.\n\n"
        'Example: ia-metiers compare data-scientist ml-engineer "data engineer"',
    ),
    "jobs": (
        "Les métiers actuels d'où l'on se reconvertit (pour path --from).\n\nExemple: ia-metiers jobs --format csv",
        "The current jobs people reconvert from (for path --from).\n\n\b\nExample: ia-metiers jobs --format csv",
    ),
    "trainings": (
        "Formations: organisme, type, durée, prix, CPF/RNCP, source.\n\n"
        'Exemple: ia-metiers trainings --skill "machine learning" --type bootcamp',
        "Trainings: provider, type, duration, price, CPF/RNCP, source.\n\n"
        'Example: ia-metiers trainings --skill "machine learning" --type bootcamp',
    ),
    "funding": (
        "Financements de la reconversion: CPF, Transitions Pro, France Travail...\n\nExemple: ia-metiers funding --format json",
        "Funding for a reconversion: CPF, Transitions Pro, France Travail...\n\nExample: ia-metiers funding --format json",
    ),
    "sectors": (
        "Les secteurs qui recrutent, leurs cas d'usage de l'IA et les métiers qu'ils embauchent.\n\n"
        "Exemple: ia-metiers sectors --format json",
        "The sectors that hire, their AI use cases and the roles they recruit.\n\nExample: ia-metiers sectors --format json",
    ),
    "market": (
        "Chiffres clés du marché de l'emploi IA, chacun avec sa source et son année.\n\nExemple: ia-metiers market --lang en",
        "Key figures of the AI job market, each with its source and year.\n\nExample: ia-metiers market --lang en",
    ),
    "sources": (
        "Les sources du catalogue: titre, éditeur, année, type, URL.\n\n\b\nExemple: ia-metiers sources -f tsv",
        "The catalogue's sources: title, publisher, year, kind, URL.\n\n\b\nExample: ia-metiers sources -f tsv",
    ),
    "validate": (
        "Vérifier le catalogue (fourni ou --data-dir); code 0 s'il est valide, 1 sinon.\n\n"
        "Exemple: ia-metiers --data-dir ./mon-catalogue validate",
        "Check the catalogue (bundled or --data-dir); exit 0 when valid, 1 otherwise.\n\n"
        "Example: ia-metiers --data-dir ./my-catalogue validate",
    ),
    # options
    "opt.format": ("Format de sortie.", "Output format."),
    "opt.skills": (
        "Compétences séparées par des virgules, répétable; '-' lit l'entrée standard. "
        "Niveau optionnel: python:3 ou python:expert.",
        "Comma-separated skills, repeatable; '-' reads standard input. Optional level: python:3 or python:expert.",
    ),
    "opt.export": (
        "Écrire aussi un rapport: .md, .html ou .svg selon l'extension.",
        "Also write a report: .md, .html or .svg, by extension.",
    ),
    "opt.level": ("Niveau de salaire: junior, confirme, senior.", "Salary level: junior, confirme, senior."),
    "opt.data_dir": (
        "Catalogue à superposer au catalogue fourni (mêmes fichiers YAML).",
        "Catalogue to overlay on the bundled one (same YAML files).",
    ),
    "opt.lang": ("Langue des libellés: fr (défaut) ou en.", "Language of labels: fr (default) or en."),
    "opt.no_color": ("Jamais de couleur.", "Never use colour."),
    "opt.version": ("Afficher la version.", "Show the version."),
    "opt.category": ("Filtrer par catégorie.", "Filter by category."),
    "opt.terms": ("Saisies à résoudre ('-' lit l'entrée standard).", "Terms to resolve ('-' reads standard input)."),
    "opt.batch": (
        'Un profil par ligne (JSON {"id", "skills"} ou liste séparée par des virgules; \'-\' = '
        "entrée standard); écrit une ligne JSON par profil.",
        'One profile a line (JSON {"id", "skills"} or a comma-separated list; \'-\' = standard '
        "input); writes one JSON line per profile.",
    ),
    "opt.jobs": (
        "Avec --batch: répartir les lignes entre N processus (réponses identiques, dans l'ordre); "
        "utile pour des dizaines de milliers de lignes.",
        "With --batch: share the lines among N processes (identical answers, in order); useful for tens of thousands of lines.",
    ),
    "opt.from_file": (
        "Un CV ou une offre (texte, Markdown, PDF, DOCX, ODT, HTML; '-' = entrée standard): les compétences "
        "qu'il cite, hors négations, souhaits et titres de section.",
        "A CV or a posting (text, Markdown, PDF, DOCX, ODT, HTML; '-' = standard input): the skills it "
        "mentions, negations, wishes and section headings set aside.",
    ),
    "opt.cpf": ("Seulement les formations éligibles au CPF.", "Only trainings eligible to the CPF."),
    "opt.max_price": ("Prix maximal en euros (prix connu seulement).", "Highest price in euros (known prices only)."),
    "opt.modality": ("En ligne (online), sur site (onsite) ou hybride (hybrid).", "online, onsite or hybrid."),
    "opt.not": (
        "Compétence que votre métier laisse supposer mais que vous n'avez pas (répétable, listes à virgules).",
        "A skill your job suggests but you do not have (repeatable, comma lists).",
    ),
    "opt.diploma": (
        "Votre diplôme le plus élevé: bac, bac+2, bac+3, bac+5, bac+8 (métiers hors de portée signalés).",
        "Your highest diploma: bac, bac+2, bac+3, bac+5, bac+8 (roles beyond it are flagged).",
    ),
    "opt.status": (
        "Votre situation: salarie, demandeur (d'emploi), etudiant, independant (filtre les financements).",
        "Your status: employee, jobseeker, student, self-employed (filters funding routes).",
    ),
    "opt.top": ("Nombre de métiers affichés.", "Number of roles shown."),
    "opt.role": ("Métier visé: id, nom ou alias (fr/en).", "Target role: id, name or alias (fr/en)."),
    "opt.role_name": ("Id, nom ou alias du métier (fr/en).", "Role id, name or alias (fr/en)."),
    "opt.roles": ("Métiers (tous si absent).", "Roles (all when absent)."),
    "opt.from": ("Votre métier actuel (fr/en), par ex. traducteur.", "Your current job (fr/en), e.g. translator."),
    "opt.to": ("Un métier IA visé: plan détaillé.", "One target AI role: a detailed plan."),
    "opt.hours": ("Heures d'étude par semaine.", "Study hours a week."),
    "opt.top_paths": ("Nombre de parcours.", "Number of paths."),
    "opt.compare": ("Deux métiers IA ou plus.", "Two AI roles or more."),
    "opt.skill": ("Formations qui enseignent cette compétence.", "Trainings that teach this skill."),
    "opt.for_role": ("Formations qui préparent à ce métier.", "Trainings that prepare for this role."),
    "opt.type": (
        "Type: master, engineering-school, certification, bootcamp, du, mooc, project.",
        "Type: master, engineering-school, certification, bootcamp, du, mooc, project.",
    ),
}


def _startup_lang() -> str:
    """--lang in the command line, else IA_METIERS_LANG, else French."""
    argv = sys.argv[1:]
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1].strip().lower()
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1].strip().lower()
    return (os.environ.get("IA_METIERS_LANG") or "fr").strip().lower()


LANG = _startup_lang()


def h(key: str) -> str:
    """The help text ``key`` in the start-up language."""
    fr, en = HELP[key]
    text = en if LANG == "en" else fr
    # \b keeps click from re-wrapping the example line
    return text.replace("\n\nExemple: ", "\n\n\b\nExemple: ").replace("\n\nExample: ", "\n\n\b\nExample: ")

"""User-facing words in French and English (ids and JSON keys stay English)."""

from __future__ import annotations

LANGS = ("fr", "en")

_MESSAGES: dict[str, tuple[str, str]] = {
    # errors and warnings
    "error": ("erreur", "error"),
    "warning": ("attention", "warning"),
    "did_you_mean": ("vouliez-vous dire", "did you mean"),
    "unknown_skills": ("compétences non reconnues", "skills not recognised"),
    "no_skills": (
        "aucune compétence donnée (utilisez --skills, par ex. -s python,sql)",
        "no skill given (use --skills, e.g. -s python,sql)",
    ),
    "none_recognised": ("aucune compétence reconnue", "no skill recognised"),
    "unknown_role": ("métier IA inconnu", "unknown role"),
    "unknown_job": ("métier actuel inconnu", "unknown job"),
    "catalog_invalid": ("catalogue invalide", "invalid catalogue"),
    "catalog_ok": ("catalogue valide", "catalogue is valid"),
    "imported": ("importé", "imported"),
    "nothing_imported": ("aucune donnée importée", "nothing imported"),
    "removed": ("supprimé", "removed"),
    "downloading": ("téléchargement", "downloading"),
    "importing": ("import", "importing"),
    "not_informed": ("non renseigné", "not stated"),
    "look_on_mcf": ("voir {code} sur moncompteformation.gouv.fr", "look up {code} on moncompteformation.gouv.fr"),
    "checked_in": ("vérifié en {date}", "checked {date}"),
    "rules_checked": ("règles vérifiées en {date}", "rules checked {date}"),
    "checked": ("Vérifié", "Checked"),
    "rome_lists_move": ("ROME 4.0 cite cette mobilité", "ROME 4.0 lists this move"),
    "validity": ("Certification (niveau, validité)", "Certification (level, validity)"),
    "old_fact": ("à revérifier", "to check again"),
    "problems": ("problème(s)", "problem(s)"),
    "stdin_binary": ("l'entrée standard n'est pas du texte UTF-8", "standard input is not UTF-8 text"),
    "see_roles": ("voir `ia-metiers roles`", "see `ia-metiers roles`"),
    # headers
    "role": ("Métier", "Role"),
    "roles": ("Métiers", "Roles"),
    "id": ("Id", "Id"),
    "name": ("Nom", "Name"),
    "score": ("Score", "Score"),
    "matched": ("Acquis", "Matched"),
    "missing_optional": ("Optionnels manquants", "Missing optional"),
    "salary": ("Salaire", "Salary"),
    "input": ("Saisie", "Input"),
    "skill": ("Compétence", "Skill"),
    "method": ("Méthode", "Method"),
    "broader": ("Famille", "Family"),
    "suggestions": ("Suggestions", "Suggestions"),
    "category": ("Catégorie", "Category"),
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
    "source": ("Source", "Source"),
    "year": ("Année", "Year"),
    "title": ("Titre", "Title"),
    "publisher": ("Éditeur", "Publisher"),
    "kind": ("Type", "Kind"),
    "url": ("URL", "URL"),
    "via": ("via", "via"),
    "unknown": ("Non reconnues", "Not recognised"),
    "fit_for": ("Adéquation aux métiers IA", "Fit for AI roles"),
    "learning_order": ("dans l'ordre d'apprentissage", "in learning order"),
    "nothing": ("aucun", "none"),
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
    "duration_word": ("durée", "duration"),
    "price_word": ("prix", "price"),
    "cpf_word": ("éligibilité au CPF", "CPF eligibility"),
    "plan": ("Plan d'apprentissage", "Learning plan"),
    "trainings": ("Formations", "Trainings"),
    "prerequisite": ("prérequis", "prerequisite"),
    "total": ("Total", "Total"),
    "weeks_short": ("sem.", "wk"),
    "shared": ("compétence requise commune à tous les métiers comparés", "required skill shared by every role compared"),
    "path_more": ("Plan détaillé et formations: --to ROLE.", "Detailed plan and trainings: --to ROLE."),
    "path_score": ("score du parcours", "path score"),
    "duration_line": ("{hours}\u00a0h ≈ {weeks} à {hpw:g}\u00a0h/semaine", "{hours}\u00a0h ≈ {weeks} at {hpw:g}\u00a0h/week"),
    "trainings_suggested": ("Formations suggérées", "Suggested trainings"),
    "free": ("gratuit", "free"),
    "ai": ("IA", "AI"),
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
    "basis_estimate_short": ("estimation", "estimate"),
    "salary_legend": (
        "junior 0-2 ans, confirmé 3-5 ans, senior 6 ans et +; base « métier »: chiffre propre au "
        "métier, « générique »: grille IA générale des sources fondatrices",
        "junior 0-2 yrs, mid-level 3-5 yrs, senior 6+ yrs; basis 'role': a figure for this role, "
        "'generic': the founding sources' band for AI jobs in general",
    ),
    "salaries_detail": (
        "France, brut annuel, tout le pays. Par zone (Île-de-France, régions), TJM freelance, États-Unis et "
        "notes des sources : ia-metiers salaries MÉTIER...",
        "France, gross a year, whole country. By area (Île-de-France, regions), freelance day rates, United "
        "States and the sources' notes: ia-metiers salaries ROLE...",
    ),
    "risk": ("Risque", "Risk"),
    "provider": ("Organisme", "Provider"),
    "type": ("Type", "Type"),
    "price": ("Prix", "Price"),
    "use_cases": ("Cas d'usage", "Use cases"),
    "value": ("Valeur", "Value"),
    "label": ("Indicateur", "Figure"),
    "unknown_training_type": ("type de formation inconnu", "unknown training type"),
    "exported": ("rapport écrit", "report written"),
    "bad_export": (
        "extension non prise en charge (utilisez .html, .pdf, .md ou .svg)",
        "unsupported extension (use .html, .pdf, .md or .svg)",
    ),
    "pdf_needs_browser": (
        "le PDF est imprimé par Chromium ou Chrome, introuvable sur cette machine",
        "the PDF is printed by Chromium or Chrome, not found on this machine",
    ),
    "pdf_hint": (
        "installez chromium (ou IA_METIERS_BROWSER=chemin), ou exportez en .html et imprimez-le (A4)",
        "install chromium (or IA_METIERS_BROWSER=path), or export .html and print it (A4)",
    ),
    "pdf_failed": ("le navigateur n'a pas produit de PDF", "the browser produced no PDF"),
    "report_made": ("Établi le {date} avec {tool}", "Made on {date} with {tool}"),
    "report_catalogue": ("Catalogue : {catalogue}", "Catalogue: {catalogue}"),
    "report_for": ("Pour : ", "For: "),
    "report_asked": ("Votre demande", "What was asked"),
    "report_footer": (
        "Document d'aide à la décision, à discuter avec un conseiller en évolution professionnelle. "
        "Chaque chiffre renvoie à sa source numérotée ; les heures d'apprentissage sont des estimations "
        "des curateurs du catalogue.",
        "A document to support a decision, to discuss with a career counsellor. Every figure refers to "
        "its numbered source; learning hours are the catalogue curators' estimates.",
    ),
    "report_match": ("Quels métiers de l'IA pour vos compétences ?", "Which AI roles fit your skills?"),
    "report_gap": ("Ce qu'il vous faut pour devenir {role}", "What you need to become {role}"),
    "report_path_to": ("Votre parcours de {origin} vers {role}", "Your path from {origin} to {role}"),
    "report_path_to_skills": ("Votre parcours vers {role}", "Your path to {role}"),
    "report_paths": ("Vos parcours vers les métiers de l'IA depuis {origin}", "Your paths into AI roles from {origin}"),
    "report_paths_skills": ("Vos parcours vers les métiers de l'IA", "Your paths into AI roles"),
    "catalogue_bundled": (
        "fourni avec ia-metiers {version}, empreinte {digest}",
        "bundled with ia-metiers {version}, fingerprint {digest}",
    ),
    "catalogue_overlay": (
        "fourni avec ia-metiers {version} et complété par {folder}, empreinte {digest}",
        "bundled with ia-metiers {version}, overlaid by {folder}, fingerprint {digest}",
    ),
    "opt_current_job": ("Métier actuel", "Current job"),
    "opt_skills": ("Compétences données", "Skills given"),
    "opt_read": ("Compétences lues dans le document", "Skills read in the document"),
    "opt_removed": ("Retirées (--not)", "Removed (--not)"),
    "opt_target": ("Métier visé", "Target role"),
    "opt_status": ("Situation", "Status"),
    "opt_diploma": ("Diplôme le plus élevé", "Highest diploma"),
    "opt_level": ("Niveau de salaire affiché", "Pay level shown"),
    "opt_hours_per_week": ("Heures d'étude par semaine", "Study hours a week"),
    "opt_age": ("Âge", "Age"),
    "opt_rqth": ("RQTH (travailleur handicapé)", "RQTH (disabled worker status)"),
    "opt_region": ("Région", "Region"),
    "opt_languages": ("Langues de travail", "Working languages"),
    "opt_contract": ("Contrat", "Contract"),
    "opt_experience": ("Années d'expérience", "Years of experience"),
    "opt_cadre": ("Cadre", "Executive (cadre)"),
    "opt_foreign_diploma": ("Diplôme étranger", "Foreign diploma"),
    "opt_count": ("Nombre de métiers", "Number of roles"),
    "unknown_level_of": ("niveau inconnu '{level}' ('{term}')", "unknown level '{level}' ('{term}')"),
    "not_unknown": ("--not : '{term}' ne nomme aucune compétence", "--not: '{term}' names no skill"),
    "input_too_large": ("entrée trop longue (plus de {limit} Mo)", "input too large (over {limit} MB)"),
    "too_vague": (" (trop vague pour nommer une compétence)", " (too vague to name a skill)"),
    "batch_refuses": (
        "--batch lit les compétences ligne à ligne et écrit du NDJSON : {options} ne s'y applique pas",
        "--batch reads skills line by line and writes NDJSON: {options} does not apply",
    ),
    "jobs_above_cores": (
        "--jobs {jobs} : cette machine a {cores} cœur(s) utilisable(s), donc --jobs {cores} au plus",
        "--jobs {jobs}: this machine has {cores} usable core(s), so --jobs {cores} at most",
    ),
    "jobs_needs_batch": (
        "--jobs répartit les lignes de --batch : il faut --batch",
        "--jobs shares the lines of --batch: it needs --batch",
    ),
    "bad_diploma": ("diplôme non reconnu : '{value}'", "diploma not recognised: '{value}'"),
    "bad_status": ("situation non reconnue : '{value}'", "status not recognised: '{value}'"),
    "bad_region": ("région non reconnue : '{value}'", "region not recognised: '{value}'"),
    "bad_languages": ("langue non reconnue : '{value}'", "language not recognised: '{value}'"),
    "bad_contract": ("contrat non reconnu : '{value}'", "contract not recognised: '{value}'"),
    "foreign_needs_diploma": (
        "--foreign-diploma précise --diploma : indiquez aussi son niveau (--diploma master)",
        "--foreign-diploma qualifies --diploma: give its level too (--diploma master)",
    ),
    "contract_needs_work": (
        "--contract décrit un emploi salarié : il ne s'applique pas à --status {status}",
        "--contract describes salaried work: it does not apply to --status {status}",
    ),
    "path_needs_input": (
        "indiquez votre métier (--from), vos compétences (-s) ou un CV (--from-file)",
        "give your job (--from), your skills (-s) or a CV (--from-file)",
    ),
    "not_needs_from": (
        "--not retire des compétences supposées d'après un métier : il faut --from",
        "--not removes skills assumed from a job: it needs --from",
    ),
    "unknown_job_hint": (
        'voir `ia-metiers jobs`, ou décrivez vos compétences : ia-metiers path -s "excel, gestion de projet"',
        'see `ia-metiers jobs`, or describe your skills: ia-metiers path -s "excel, project management"',
    ),
    "understood_as": ("« {text} » compris comme : {name} ({id})", "'{text}' understood as: {name} ({id})"),
    # documents (--from-file): why one cannot be read, and what a read left out
    "doc_encrypted": (
        "{file} : document protégé par un mot de passe (chiffré) ; enregistrez-en une copie sans mot de passe",
        "{file}: the document is password-protected (encrypted); save a copy without a password",
    ),
    "doc_damaged": (
        "{file} : document endommagé (structure ou données corrompues)",
        "{file}: damaged document (corrupt structure or data)",
    ),
    "doc_truncated": (
        "{file} : document tronqué (le fichier s'arrête avant la fin)",
        "{file}: truncated document (the file ends too early)",
    ),
    "doc_unsupported_method": (
        "{file} : compression {name} non prise en charge ; réenregistrez le document (DOCX ou ODT standard)",
        "{file}: unsupported compression {name}; save the document again (plain DOCX or ODT)",
    ),
    "doc_unsupported_zip": (
        "{file} : archive ZIP qui n'est ni un DOCX ni un ODT (format non pris en charge)",
        "{file}: a ZIP archive that is neither DOCX nor ODT (unsupported format)",
    ),
    "doc_unsupported_dtd": (
        "{file} : XML avec une DTD (déclarations d'entités), non pris en charge",
        "{file}: XML with a DTD (entity declarations), not supported",
    ),
    "doc_too_large_inflated": (
        "{file} : refusé : plus de {mb} Mo une fois décompressé",
        "{file}: refused: more than {mb} MB once inflated",
    ),
    "doc_too_large_directory": (
        "{file} : refusé : archive de plus de {count} fichiers",
        "{file}: refused: an archive of more than {count} files",
    ),
    "doc_too_large_nesting": (
        "{file} : refusé : structure imbriquée trop profondément",
        "{file}: refused: structure nested too deeply",
    ),
    "doc_too_large_time": (
        "{file} : refusé : rien n'a pu être lu en {seconds} s",
        "{file}: refused: nothing could be read in {seconds} s",
    ),
    "doc_too_large": ("{file} : refusé : document trop lourd à lire", "{file}: refused: document too heavy to read"),
    "doc_not_text": (
        "{file} : ni du texte, ni un PDF, DOCX, ODT ou HTML",
        "{file}: neither text nor a PDF, DOCX, ODT or HTML document",
    ),
    "doc_no_text_pdf": (
        "{file} : ce PDF n'a pas de couche texte (un scan ?) ; exportez-le en texte ou copiez son contenu",
        "{file}: this PDF has no text layer (a scan?); export it as text or paste its content",
    ),
    "job_from_document": (
        "métier actuel lu dans le document : {name} ({id}), d'après « {text} » (--from pour en donner un autre)",
        "current job read in the document: {name} ({id}), from '{text}' (--from to give another)",
    ),
    "from_approximate": (
        "« {text} » : correspondance approchée, précisez --from si ce n'est pas votre métier",
        "'{text}': an approximate match; give --from if this is not your job",
    ),
    "from_document": ("d'après votre document : « {text} »", "from your document: '{text}'"),
    "doc_no_text": ("{file} : aucun texte dans ce document", "{file}: no text in this document"),
    "doc_pages_cut": (
        "{file} : seules les {read} premières pages sur {total} ont été lues",
        "{file}: only the first {read} of {total} pages were read",
    ),
    "doc_time_cut_pages": (
        "{file} : lecture arrêtée au bout de {seconds} s : {read} pages lues sur {total}",
        "{file}: reading stopped after {seconds} s: {read} of {total} pages read",
    ),
    "doc_time_cut": (
        "{file} : lecture arrêtée au bout de {seconds} s : seul le début du document a été lu",
        "{file}: reading stopped after {seconds} s: only the start of the document was read",
    ),
    "doc_text_cut": (
        "{file} : texte coupé après {read} caractères ; la suite n'a pas été lue",
        "{file}: text cut after {read} characters; the rest was not read",
    ),
    "doc_pages_skipped": (
        "{file} : {read} page(s) illisible(s) sur {total}, ignorée(s)",
        "{file}: {read} of {total} page(s) could not be read and were skipped",
    ),
    "doc_encoding": ("{file} : lu comme du texte {name} (pas de l'UTF-8)", "{file}: read as {name} text (not UTF-8)"),
    "doc_repaired": (
        "{file} : PDF abîmé, réparé à la lecture ; le texte peut être incomplet",
        "{file}: damaged PDF, repaired while reading; the text may be incomplete",
    ),
    "stdin_closed": ("l'entrée standard est fermée", "standard input is closed"),
    "stdin_twice": (
        "l'entrée standard ne peut être lue qu'une fois : '-' ne peut servir qu'à une seule option ({options})",
        "standard input can be read only once: '-' can stand for one option only ({options})",
    ),
    "assumed": ("Supposées d'après votre métier", "Assumed from your job"),
    "stated": ("Vos compétences", "Your skills"),
    "detected": ("Compétences repérées dans le texte", "Skills found in the text"),
    "set_aside": ("Écarté", "Set aside"),
    "reason_negated": ("négation", "negated"),
    "reason_wish": ("souhait, pas une compétence", "a wish, not a skill"),
    "reason_ambiguous": ("ambigu sans contexte", "ambiguous without context"),
    "reason_vague": ("trop vague", "too vague"),
    "reason_removed": ("retiré (--not)", "removed (--not)"),
    "reason_overridden": ("remplacé par vos mots", "replaced by your own words"),
    "reason_unknown": ("inconnu", "unknown"),
    "reason_heading": ("titre de section", "section heading"),
    "reason_sense": ("dans un autre sens", "in another sense"),
    "reason_hobby": ("loisir, pas une compétence du métier", "a hobby, not a work skill"),
    "reason_company": ("texte de l'entreprise, pas le poste", "the company's own text, not the job"),
    "reason_benefits": ("avantages du poste, pas une compétence", "the job's benefits, not a skill"),
    "reason_process": ("processus de recrutement", "the hiring process"),
    "reason_legal": ("mention légale ou de diversité", "a legal or diversity statement"),
    "education_short": ("Études", "Education"),
    "above_diploma": (
        "au-delà de votre diplôme (niveau {have}) : voie habituelle Bac+{min}",
        "above your diploma (level {have}): usual route Bac+{min}",
    ),
    "next_steps": ("Et maintenant ?", "What next?"),
    "portfolio": ("Projets à montrer, 2 ou 3", "Projects to show, 2 or 3"),
    "funding_open": ("Financements ouverts", "Funding open to you"),
    "funding_maybe": ("Financements selon votre statut", "Funding depending on your status"),
    "who_employee": ("salariés", "employees"),
    "who_civil-servant": ("agents publics", "public servants"),
    "who_jobseeker": ("demandeurs d'emploi", "job seekers"),
    "who_student": ("étudiants", "students"),
    "who_self-employed": ("indépendants", "self-employed"),
    "funding_closed": ("Non ouverts pour ce plan", "Not open for this plan"),
    "closed_certifying": (
        "la voie ne mène pas à une certification qu'il finance",
        "the route leads to no certification it funds",
    ),
    "closed_contract": ("pas pour votre contrat", "not for your contract"),
    "closed_age": ("pas à votre âge", "not at your age"),
    "closed_experience": ("ancienneté insuffisante", "not enough experience"),
    "closed_alone": ("ne paie pas la formation : jamais seul", "pays no training costs: never alone"),
    "check_unknown-status": ("selon votre statut", "depending on your status"),
    "check_unknown-contract": ("selon votre contrat", "depending on your contract"),
    "check_unknown-age": ("selon votre âge", "depending on your age"),
    "check_unknown-experience": ("selon votre ancienneté", "depending on your experience"),
    "check_unknown-activity": ("un seul selon votre activité", "only one, by your activity"),
    "routes": ("Voies qualifiantes (★ : par où commencer)", "Qualifying routes (★: where to start)"),
    "route_first": ("Par où commencer", "Where to start"),
    "first_step": ("Première étape réaliste", "Realistic first step"),
    "weak_match": ("correspondance faible", "weak match"),
    "why": ("Pourquoi", "Why"),
    "cost": ("Coût", "Cost"),
    "fiche": ("Fiche", "Registry page"),
    "not_known": ("non renseigné", "not given"),
    "where_price": ("voir {code} sur moncompteformation.gouv.fr", "see {code} on moncompteformation.gouv.fr"),
    "entry_above": ("accès habituel au niveau {level}", "usual entry at level {level}"),
    "to_identify": ("de niveau {level}, à choisir avec un conseiller", "at level {level}, to choose with an adviser"),
    "day_rate": ("TJM indépendant", "Freelance day rate"),
    "pay_cut": ("Baisse de salaire", "Pay cut"),
    "pay_cut_line": (
        "le métier visé paie moins que votre métier actuel (bande ci-dessus)",
        "the target role pays less than your current job (band above)",
    ),
    "route_vae": ("VAE", "VAE"),
    "route_rs-certification": ("Certification RS", "RS certification"),
    "route_rncp-title": ("Titre RNCP", "RNCP title"),
    "route_degree": ("Diplôme", "Degree"),
    "route_apprenticeship": ("Apprentissage", "Apprenticeship"),
    "route_self-study": (
        "Autoformation (ressources gratuites, sans certification)",
        "Self-study (free resources, no certification)",
    ),
    "way_training": ("en formation continue", "in continuing education"),
    "way_apprenticeship": ("en apprentissage", "as an apprentice"),
    "way_vae": ("par la VAE", "by VAE"),
    "way_initial": ("en formation initiale", "in initial education"),
    "way_self-study": ("en autonomie", "on your own"),
    "closed_length": ("formations trop courtes", "trainings too short"),
    "closed_status": ("pas pour votre statut", "not for your status"),
    "from_pay": ("Salaire actuel typique", "Typical current pay"),
    "score_line": (
        "Score du parcours = 65 % adéquation + 25 % effort restant + 10 % salaire junior. "
        "Heures : estimations des curateurs (non sourcées).",
        "Path score = 65% fit + 25% remaining effort + 10% junior pay. Hours: curators' estimates (not sourced).",
    ),
    "from_none": ("Vos compétences", "Your skills"),
    "day": ("jour", "day"),
    "hours_note": (
        "Heures : estimations des curateurs (non sourcées), pour atteindre le niveau demandé.",
        "Hours: curators' estimates (not sourced), to reach the level asked.",
    ),
    "try_help": ("aide : {command} --help", "help: {command} --help"),
    "regions": ("régions", "regions"),
    "tjm": ("TJM freelance", "freelance day rate"),
    "phrase": ("Passage", "Phrase"),
    "status": ("État", "Status"),
    "have": ("acquise", "have"),
    "missing_req_one": ("à apprendre (requise)", "to learn (required)"),
    "hours_col": ("Heures", "Hours"),
    "no": ("non", "no"),
    "yes": ("oui", "yes"),
    "stdout_closed": ("la sortie standard est fermée", "standard output is closed"),
    "internal_error": (
        "erreur interne : {error} (IA_METIERS_DEBUG=1 montre la trace)",
        "internal error: {error} (IA_METIERS_DEBUG=1 shows the traceback)",
    ),
    "lines_failed": ("{count} ligne(s) en échec", "{count} line(s) failed"),
    "completion_installed": ("complétion {shell} installée dans {path}", "{shell} completion installed in {path}"),
    "completion_restart": (
        "Elle prendra effet quand vous rouvrirez le terminal.",
        "Completion will take effect once you restart the terminal.",
    ),
    "completion_unknown_shell": (
        "shell inconnu '{shell}' (bash, zsh, fish, powershell, pwsh)",
        "unknown shell '{shell}' (bash, zsh, fish, powershell, pwsh)",
    ),
    "salary_sources": ("Sources des salaires", "Pay sources"),
    "modality": ("Modalité", "Mode"),
    "colon": ("\u00a0: ", ": "),
    "missing_req": ("requises à apprendre", "required, to learn"),
    "also": ("Proches", "Close matches"),
    "not_given": ("non renseigné\u00a0: {what}", "not given: {what}"),
    "curator_estimate": ("estimation des curateurs", "curators' estimate"),
    "ask_provider": ("voir la page de l'organisme", "see the provider's page"),
    "or_mcf": (" ou moncompteformation.gouv.fr", " or moncompteformation.gouv.fr"),
    "plan_done": (
        "Plan terminé en {weeks} à {hpw}\u00a0h/semaine",
        "Plan done in {weeks} at {hpw}\u00a0h/week",
    ),
    "plan_done_date": ("(vers {month} {year} en commençant maintenant)", "(around {month} {year}, starting now)"),
    "month_1": ("janvier", "January"),
    "month_2": ("février", "February"),
    "month_3": ("mars", "March"),
    "month_4": ("avril", "April"),
    "month_5": ("mai", "May"),
    "month_6": ("juin", "June"),
    "month_7": ("juillet", "July"),
    "month_8": ("août", "August"),
    "month_9": ("septembre", "September"),
    "month_10": ("octobre", "October"),
    "month_11": ("novembre", "November"),
    "month_12": ("décembre", "December"),
    "empty_trainings": ("Aucune formation ne correspond à ces filtres.", "No training matches these filters."),
    "empty_skills": ("Aucune compétence dans cette catégorie.", "No skill in this category."),
    "nearest_filters": ("Filtres proches qui donnent des résultats :", "Nearest filters that give results:"),
    "without_filter": ("sans {flag} : {count}", "without {flag}: {count}"),
    "empty_hint_skills": ("Catégories :", "Categories:"),
    # ---- help texts of commands and options (help.<command>, help.opt.<option>)
    "help.app": (
        "Conseiller d'orientation hors ligne pour les métiers de l'IA en France: quels métiers vous "
        "vont, ce qui vous manque, comment l'apprendre, ce que cela paie.",
        "Offline career advisor for AI jobs in France: which roles fit, what you lack, how to learn it, what it pays.",
    ),
    "help.skills": (
        "Lister les compétences du catalogue (ou: skills resolve TERME...).\n\n"
        "Exemple: ia-metiers skills --category cloud --format csv",
        "List the catalogue's skills (or: skills resolve TERM...).\n\nExample: ia-metiers skills --category cloud --format csv",
    ),
    "help.resolve": (
        "Montrer comment chaque saisie se résout: compétence, méthode, score, alternatives.\n\n"
        'Exemple: ia-metiers skills resolve pyhton k8s "apprentissage automatique"',
        "Show how each term resolves: skill, method, score, alternatives.\n\n"
        'Example: ia-metiers skills resolve pyhton k8s "apprentissage automatique"',
    ),
    "help.match": (
        "Classer les métiers IA selon vos compétences, le meilleur d'abord.\n\n"
        'Exemple: ia-metiers match -s "python, sql, pandas, machine learning" --top 3',
        "Rank AI roles by how well your skills fit them, best first.\n\n"
        'Example: ia-metiers match -s "python, sql, pandas, machine learning" --top 3',
    ),
    "help.gap": (
        "Ce qui vous manque pour un métier, dans l'ordre d'apprentissage, et ce qu'il paie.\n\n"
        'Exemple: ia-metiers gap "data engineer" -s python,sql,docker',
        "What you lack for one role, in learning order, and what it pays.\n\n"
        'Example: ia-metiers gap "data engineer" -s python,sql,docker',
    ),
    "help.path": (
        "Parcours de reconversion depuis votre métier: acquis, plan ordonné, formations, durée, "
        "financements, salaire.\n\n"
        'Exemple: ia-metiers path --from "responsable RH" --to prompt-engineer -w 8',
        "Reconversion paths from your current job: transferable skills, ordered plan, trainings, "
        "duration, funding, pay.\n\n"
        'Example: ia-metiers path --from "HR manager" --to prompt-engineer -w 8',
    ),
    "help.roles": (
        "Lister les métiers IA du catalogue.\n\n\b\nExemple: ia-metiers roles --format json",
        "List the catalogue's AI roles.\n\n\b\nExample: ia-metiers roles --format json",
    ),
    "help.role": (
        "Tout sur un métier: missions, compétences, formation, salaires, sources.\n\n"
        'Exemple: ia-metiers role "ingénieur machine learning"',
        "Everything about a role: missions, skills, education, salaries, sources.\n\n"
        'Example: ia-metiers role "machine learning engineer"',
    ),
    "help.salaries": (
        "Bandes de salaire (brut annuel) par métier, niveau et zone, avec leur base et leur source. "
        "Sans métier: une ligne par métier (France, tout le pays); avec: zones, TJM, États-Unis et notes "
        "(le JSON et le CSV donnent toujours toutes les bandes).\n\n"
        'Exemple: ia-metiers salaries data-scientist "ML engineer" --format csv',
        "Salary bands (gross annual) by role, level and region, with their basis and source. Without a "
        "role: one line a role (France, whole country); with roles: areas, day rates, United States and "
        "notes (JSON and CSV always give every band).\n\n"
        'Example: ia-metiers salaries data-scientist "ML engineer" --format csv',
    ),
    "help.compare": (
        "Comparer des métiers côte à côte: compétences (communes marquées), formation, salaires, "
        "formations, secteurs.\n\n"
        'Exemple: ia-metiers compare data-scientist ml-engineer "data engineer"',
        "Compare roles side by side: skills (shared ones marked), education, salaries, trainings, "
        "sectors.\n\n"
        'Example: ia-metiers compare data-scientist ml-engineer "data engineer"',
    ),
    "help.jobs": (
        "Les métiers actuels d'où l'on se reconvertit (pour path --from).\n\nExemple: ia-metiers jobs --format csv",
        "The current jobs people reconvert from (for path --from).\n\n\b\nExample: ia-metiers jobs --format csv",
    ),
    "help.trainings": (
        "Formations: organisme, type, durée, prix, CPF/RNCP, source.\n\n"
        'Exemple: ia-metiers trainings --skill "machine learning" --type bootcamp',
        "Trainings: provider, type, duration, price, CPF/RNCP, source.\n\n"
        'Example: ia-metiers trainings --skill "machine learning" --type bootcamp',
    ),
    "help.funding": (
        "Financements de la reconversion: CPF, Transitions Pro, France Travail...\n\nExemple: ia-metiers funding --format json",
        "Funding for a reconversion: CPF, Transitions Pro, France Travail...\n\nExample: ia-metiers funding --format json",
    ),
    "help.sectors": (
        "Les secteurs qui recrutent, leurs cas d'usage de l'IA et les métiers qu'ils embauchent.\n\n"
        "Exemple: ia-metiers sectors --format json",
        "The sectors that hire, their AI use cases and the roles they recruit.\n\nExample: ia-metiers sectors --format json",
    ),
    "help.market": (
        "Chiffres clés du marché de l'emploi IA, chacun avec sa source et son année.\n\nExemple: ia-metiers market --lang en",
        "Key figures of the AI job market, each with its source and year.\n\nExample: ia-metiers market --lang en",
    ),
    "help.sources": (
        "Les sources du catalogue: titre, éditeur, année, type, URL.\n\n\b\nExemple: ia-metiers sources -f tsv",
        "The catalogue's sources: title, publisher, year, kind, URL.\n\n\b\nExample: ia-metiers sources -f tsv",
    ),
    "help.validate": (
        "Vérifier le catalogue (fourni ou --data-dir); code 0 s'il est valide, 1 sinon.\n\n"
        "Exemple: ia-metiers --data-dir ./mon-catalogue validate",
        "Check the catalogue (bundled or --data-dir); exit 0 when valid, 1 otherwise.\n\n"
        "Example: ia-metiers --data-dir ./my-catalogue validate",
    ),
    "help.data": (
        "Les données officielles importées (RNCP/RS, Mon Compte Formation, ROME 4.0): import, état, mise à jour.\n\n"
        "Exemple: ia-metiers data import rncp export_fiches_CSV_2026_12_01.zip",
        "The official data imported (RNCP/RS, Mon Compte Formation, ROME 4.0): import, status, update.\n\n"
        "Example: ia-metiers data import rncp export_fiches_CSV_2026_12_01.zip",
    ),
    "help.data_import": (
        "Importer un fichier téléchargé: rncp (ZIP de France Compétences ou son CSV Standard), mcf (CSV ou JSON "
        "du catalogue Mon Compte Formation), rome (ZIP ou dossier des CSV ROME 4.0).\n\n"
        "Exemple: ia-metiers data import mcf moncompteformation_catalogueformation.csv",
        "Import a downloaded file: rncp (France Compétences ZIP or its Standard CSV), mcf (CSV or JSON of the "
        "Mon Compte Formation catalogue), rome (ZIP or folder of the ROME 4.0 CSVs).\n\n"
        "Example: ia-metiers data import mcf moncompteformation_catalogueformation.csv",
    ),
    "help.data_status": (
        "Ce qui est importé: source, fichier, date de l'export, lignes, âge.\n\nExemple: ia-metiers data status -f json",
        "What is imported: source, file, export date, rows, age.\n\nExample: ia-metiers data status -f json",
    ),
    "help.data_reset": (
        "Supprimer les données importées (toutes, ou les sources nommées).\n\nExemple: ia-metiers data reset mcf",
        "Remove the imported data (all, or the sources named).\n\nExample: ia-metiers data reset mcf",
    ),
    "help.data_update": (
        "Télécharger les exports officiels à leurs adresses (modifiables), puis les importer.\n\n"
        "Exemple: ia-metiers data update --only rncp",
        "Download the official exports from their addresses (configurable), then import them.\n\n"
        "Example: ia-metiers data update --only rncp",
    ),
    # options
    "help.opt.data_kind": ("Source: rncp, mcf ou rome.", "Source: rncp, mcf or rome."),
    "help.opt.data_file": ("Le fichier téléchargé (ou le dossier, pour rome).", "The downloaded file (or folder, for rome)."),
    "help.opt.data_kinds": ("Sources (toutes si absent).", "Sources (all when absent)."),
    "help.opt.only": ("Seulement ces sources (répétable).", "Only these sources (repeatable)."),
    "help.opt.rncp_url": ("Adresse de l'export RNCP/RS.", "Address of the RNCP/RS export."),
    "help.opt.mcf_url": ("Adresse de l'export Mon Compte Formation.", "Address of the Mon Compte Formation export."),
    "help.opt.rome_url": ("Adresse du ZIP ROME 4.0.", "Address of the ROME 4.0 ZIP."),
    "help.opt.format": ("Format de sortie.", "Output format."),
    "help.opt.skills": (
        "Compétences séparées par des virgules, répétable; '-' lit l'entrée standard. "
        "Niveau optionnel: python:3 ou python:expert.",
        "Comma-separated skills, repeatable; '-' reads standard input. Optional level: python:3 or python:expert.",
    ),
    "help.opt.export": (
        "Écrire aussi un rapport à remettre : .html ou .pdf (A4), .md, ou .svg (la vue du terminal), selon l'extension.",
        "Also write a report to hand over: .html or .pdf (A4), .md, or .svg (the terminal view), by extension.",
    ),
    "help.opt.level": ("Niveau de salaire: junior, confirme, senior.", "Salary level: junior, confirme, senior."),
    "help.opt.data_dir": (
        "Catalogue à superposer au catalogue fourni (mêmes fichiers YAML).",
        "Catalogue to overlay on the bundled one (same YAML files).",
    ),
    "help.opt.lang": ("Langue des libellés: fr (défaut) ou en.", "Language of labels: fr (default) or en."),
    "help.opt.no_color": ("Jamais de couleur.", "Never use colour."),
    "help.opt.version": ("Afficher la version.", "Show the version."),
    "help.opt.category": ("Filtrer par catégorie.", "Filter by category."),
    "help.opt.terms": ("Saisies à résoudre ('-' lit l'entrée standard).", "Terms to resolve ('-' reads standard input)."),
    "help.opt.jobs": (
        "Avec --batch: répartir les lignes entre N processus (réponses identiques, dans l'ordre); "
        "utile pour des dizaines de milliers de lignes.",
        "With --batch: share the lines among N processes (identical answers, in order); useful for tens of thousands of lines.",
    ),
    "help.opt.batch": (
        'Un profil par ligne (JSON {"id", "skills"} ou liste séparée par des virgules; \'-\' = '
        "entrée standard); écrit une ligne JSON par profil.",
        'One profile a line (JSON {"id", "skills"} or a comma-separated list; \'-\' = standard '
        "input); writes one JSON line per profile.",
    ),
    "help.opt.from_file": (
        "Un CV ou une offre (texte, Markdown, PDF, DOCX, ODT, HTML; '-' = entrée standard): les compétences "
        "qu'il cite, hors négations, souhaits et titres de section.",
        "A CV or a posting (text, Markdown, PDF, DOCX, ODT, HTML; '-' = standard input): the skills it "
        "mentions, negations, wishes and section headings set aside.",
    ),
    "help.opt.cpf": ("Seulement les formations éligibles au CPF.", "Only trainings eligible to the CPF."),
    "help.opt.max_price": ("Prix maximal en euros (prix connu seulement).", "Highest price in euros (known prices only)."),
    "help.opt.modality": ("En ligne (online), sur site (onsite) ou hybride (hybrid).", "online, onsite or hybrid."),
    "help.opt.not": (
        "Compétence que votre métier laisse supposer mais que vous n'avez pas (répétable, listes à virgules).",
        "A skill your job suggests but you do not have (repeatable, comma lists).",
    ),
    "help.opt.diploma": (
        "Votre diplôme le plus élevé: sans diplôme, cap, bep, bac, bac pro, bac+2, bts, but, licence, bac+3, "
        "master, bac+5, doctorat ou niveau N (RNCP 3-8); métiers hors de portée signalés.",
        "Your highest diploma: sans diplôme, cap, bep, bac, bac pro, bac+2, bts, but, licence, bac+3, "
        "master, bac+5, doctorat or niveau N (RNCP 3-8); roles beyond it are flagged.",
    ),
    "help.opt.foreign_diploma": (
        "Votre diplôme a été obtenu à l'étranger (reconnaissance ENIC-NARIC).",
        "Your diploma was awarded abroad (ENIC-NARIC recognition).",
    ),
    "help.opt.status": (
        "Votre situation: salarie, fonctionnaire (agent-public), demandeur (d'emploi), etudiant, independant "
        "(ou employee, civil-servant, jobseeker, student, self-employed); elle ouvre ou ferme les financements.",
        "Your status: salarie, fonctionnaire (agent-public), demandeur, etudiant, independant "
        "(or employee, civil-servant, jobseeker, student, self-employed); it opens or closes funding routes.",
    ),
    "help.opt.age": (
        "Votre âge (apprentissage: moins de 30 ans, sans limite avec une RQTH).",
        "Your age (apprenticeship: under 30, no limit with an RQTH).",
    ),
    "help.opt.rqth": (
        "Vous avez une reconnaissance de la qualité de travailleur handicapé (Agefiph, Cap emploi).",
        "You hold a disabled-worker recognition, RQTH (Agefiph, Cap emploi).",
    ),
    "help.opt.region": (
        "Votre région (ile-de-france, grand-est, paca...): bande de salaire et programmes régionaux.",
        "Your region (ile-de-france, grand-est, paca...): pay band and regional programmes.",
    ),
    "help.opt.languages": (
        "Langues dans lesquelles vous travaillez (défaut: fr), par ex. fr,en ou pt,en: les formations les suivent.",
        "Languages you work in (default: fr), e.g. fr,en or pt,en: trainings follow them.",
    ),
    "help.opt.contract": ("Votre contrat: cdi, cdd, interim, apprentissage.", "Your contract: cdi, cdd, interim, apprentissage."),
    "help.opt.experience": ("Années d'expérience professionnelle (VAE).", "Years of professional experience (VAE)."),
    "help.opt.cadre": ("Vous êtes cadre (accompagnement Apec).", "You are a manager, cadre (Apec support)."),
    "help.opt.top": ("Nombre de métiers affichés.", "Number of roles shown."),
    "help.opt.role": ("Métier visé: id, nom ou alias (fr/en).", "Target role: id, name or alias (fr/en)."),
    "help.opt.role_name": ("Id, nom ou alias du métier (fr/en).", "Role id, name or alias (fr/en)."),
    "help.opt.roles": ("Métiers (tous si absent).", "Roles (all when absent)."),
    "help.opt.from": ("Votre métier actuel (fr/en), par ex. traducteur.", "Your current job (fr/en), e.g. translator."),
    "help.opt.to": ("Un métier IA visé: plan détaillé.", "One target AI role: a detailed plan."),
    "help.opt.hours": ("Heures d'étude par semaine.", "Study hours a week."),
    "help.opt.top_paths": ("Nombre de parcours.", "Number of paths."),
    "help.opt.compare": ("Deux métiers IA ou plus.", "Two AI roles or more."),
    "help.opt.skill": ("Formations qui enseignent cette compétence.", "Trainings that teach this skill."),
    "help.opt.for_role": ("Formations qui préparent à ce métier.", "Trainings that prepare for this role."),
    "help.opt.type": (
        "Type: master, engineering-school, certification, bootcamp, du, mooc, project.",
        "Type: master, engineering-school, certification, bootcamp, du, mooc, project.",
    ),
}


# Values of the catalogue's enumerations, in words (ids stay in JSON and CSV).
_VALUES: dict[str, dict[str, tuple[str, str]]] = {
    "demand": {
        "low": ("faible", "low"),
        "medium": ("moyenne", "medium"),
        "high": ("forte", "high"),
        "very-high": ("très forte", "very high"),
    },
    "risk": {"low": ("faible", "low"), "medium": ("moyen", "medium"), "high": ("élevé", "high")},
    "category": {
        "language": ("langage", "language"),
        "library": ("bibliothèque", "library"),
        "ai": ("IA", "AI"),
        "math": ("mathématiques", "mathematics"),
        "data": ("données", "data"),
        "cloud": ("cloud", "cloud"),
        "engineering": ("ingénierie", "engineering"),
        "governance": ("gouvernance", "governance"),
        "business": ("métier", "business"),
        "soft": ("savoir-être", "soft skills"),
    },
    "training_type": {
        "master": ("master", "master's degree"),
        "engineering-school": ("école d'ingénieurs", "engineering school"),
        "certification": ("certification", "certification"),
        "bootcamp": ("bootcamp", "bootcamp"),
        "du": ("diplôme d'université", "university diploma"),
        "mooc": ("MOOC", "MOOC"),
        "project": ("projet", "project"),
    },
    "modality": {"online": ("en ligne", "online"), "onsite": ("sur site", "on site"), "hybrid": ("hybride", "hybrid")},
    "source_kind": {
        "survey": ("enquête", "survey"),
        "official": ("officielle", "official"),
        "job-ads": ("offres d'emploi", "job ads"),
        "payroll": ("données de paie", "payroll data"),
        "self-reported": ("déclaratif", "self-reported"),
        "school": ("école", "school"),
        "article": ("article", "article"),
        "estimate": ("estimation", "estimate"),
    },
    "language": {"fr": ("français", "French"), "en": ("anglais", "English")},
    "method": {
        "exact": ("exact", "exact"),
        "alias": ("alias", "alias"),
        "fuzzy": ("approché", "fuzzy"),
        "contains": ("contenu dans", "contained"),
        "vague": ("trop vague", "too vague"),
        "none": ("aucune", "none"),
        "unknown": ("inconnu", "unknown"),
    },
    "funding_kind": {"funding": ("financement", "funding"), "support": ("accompagnement", "support")},
    "status": {
        "employee": ("salarié du privé", "private-sector employee"),
        "civil-servant": ("agent public", "public servant"),
        "jobseeker": ("demandeur d'emploi", "job seeker"),
        "student": ("étudiant", "student"),
        "self-employed": ("indépendant", "self-employed"),
    },
    "contract": {
        "permanent": ("CDI", "permanent contract"),
        "fixed-term": ("CDD", "fixed-term contract"),
        "temporary": ("intérim", "temporary work"),
        "apprenticeship": ("apprentissage", "apprenticeship"),
        "none": ("aucun", "none"),
    },
    "rncp_level": {
        "0": ("sans diplôme", "no diploma"),
        "3": ("niveau 3 (CAP, BEP)", "level 3 (CAP, BEP)"),
        "4": ("niveau 4 (bac)", "level 4 (baccalauréat)"),
        "5": ("niveau 5 (bac+2)", "level 5 (two years after the bac)"),
        "6": ("niveau 6 (bac+3/4)", "level 6 (bachelor's)"),
        "7": ("niveau 7 (bac+5)", "level 7 (master's)"),
        "8": ("niveau 8 (doctorat)", "level 8 (doctorate)"),
    },
}
_VALUES["type"] = _VALUES["training_type"]
_VALUES["kind"] = _VALUES["source_kind"]

_PLURALS: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "week": (("semaine", "semaines"), ("week", "weeks")),
    "hour": (("heure", "heures"), ("hour", "hours")),
    "training": (("formation", "formations"), ("training", "trainings")),
    "role": (("métier", "métiers"), ("role", "roles")),
    "skill": (("compétence", "compétences"), ("skill", "skills")),
}


# What the system says (errno), in French; other errors keep the system's own words.
_ERRNO_FR = {
    "ENOSPC": "plus de place sur le périphérique",
    "EACCES": "permission refusée",
    "EPERM": "opération non permise",
    "ENOENT": "fichier ou dossier introuvable",
    "EROFS": "système de fichiers en lecture seule",
    "EIO": "erreur d'entrée-sortie",
    "EISDIR": "c'est un dossier",
    "ENOTDIR": "ce n'est pas un dossier",
    "EPIPE": "tube fermé",
    "EBADF": "descripteur de fichier invalide",
    "EDQUOT": "quota de disque dépassé",
}


def system_error(exc: OSError, lang: str) -> str:
    """An operating-system error in the session's language ('No space left on device' -> 'plus de place...')."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if lang == "fr" and name in _ERRNO_FR:
        return _ERRNO_FR[name]
    return str(exc.strerror or exc)


def value_label(kind: str, value: str, lang: str) -> str:
    """An enumeration's value in words ('very-high' -> 'très forte'); unknown values as they are."""
    pair = _VALUES.get(kind, {}).get(value)
    if pair is None:
        return value
    return pair[1] if lang == "en" else pair[0]


def plural(count: float, word: str, lang: str) -> str:
    """'1 semaine', '2 semaines', '0 semaine' (French: singular below 2), '1 week', '0 weeks'."""
    one, many = _PLURALS[word][1 if lang == "en" else 0]
    single = abs(count) < 2 if lang == "fr" else count == 1
    return f"{count:g}\u00a0{one if single else many}"


def h(key: str) -> str:
    """The help text ``key`` (in French: the CLI puts it in English when asked, see ``english_help``)."""
    return _help_text(_MESSAGES["help." + key][0])


def english_help(text: str) -> str:
    """The English help for a French help text given by :func:`h` (unchanged when unknown)."""
    if not _ENGLISH:
        _ENGLISH.update({_help_text(fr): _help_text(en) for k, (fr, en) in _MESSAGES.items() if k.startswith("help.")})
    return _ENGLISH.get(text, text)


_ENGLISH: dict[str, str] = {}


def _help_text(text: str) -> str:
    # \b keeps Click from re-wrapping the example line
    return text.replace("\n\nExemple: ", "\n\n\b\nExemple: ").replace("\n\nExample: ", "\n\n\b\nExample: ")


def t(key: str, lang: str, **values: object) -> str:
    """The message ``key`` in ``lang``, formatted with ``values``."""
    fr, en = _MESSAGES[key]
    text = en if lang == "en" else fr
    return text.format(**values) if values else text

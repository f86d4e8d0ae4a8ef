"""The traps of real documents, with exact expected skills: sections and voice, senses of ambiguous
names, negation scope, levels bound to their skill, hedges, glued words, the line before, the
vocabulary of trades and languages, and the same CV in four formats."""

from __future__ import annotations

import html
import io
import zipfile

import pytest

from ia_metiers.core.profile import read_profile
from ia_metiers.documents import read_bytes


def read(catalog, text: str) -> tuple[dict[str, int], set[tuple[str, str | None]]]:
    prof = read_profile(catalog, text=text)
    return {h.skill: h.level for h in prof.skills.values()}, {(i.reason, i.skill) for i in prof.ignored}


CV = """Camille Dubois
Data analyst

# Expériences professionnelles
2021 - aujourd'hui — Data analyst, Acme (Lyon)
- Tableaux de bord sous Power BI, requêtes SQL, Python (pandas)
- Je n'ai pas encore travaillé avec Spark ni Kafka.

# Compétences
Docker (notions), Excel (expert), bases de données relationnelles, bases de Python

# Formation
Master en statistiques, université de Lyon

# Langues
Français (langue maternelle), Anglais (B2)

# Objectif
Me former au machine learning et au MLOps.

# Centres d'intérêt
Séjour linguistique à Java (Indonésie), go, échecs
"""
CV_SKILLS = {
    "business-intelligence": 2,
    "power-bi": 2,
    "sql": 2,
    "python": 2,  # 'bases de Python' (1) but Python in the experience (2): the higher
    "pandas": 2,
    "docker": 1,
    "excel": 3,
    "databases": 2,  # 'bases de données' is a skill, not the hedge 'bases de'
    "statistics": 2,  # education as a record
    "french": 3,
    "english": 2,
}
CV_ASIDE = [
    ("Spark", "negated", "spark"),
    ("Kafka", "negated", "kafka"),
    ("machine learning", "wish", "machine-learning"),
    ("MLOps", "wish", "mlops"),
    ("Séjour linguistique", "hobby", "linguistics"),
    ("Java Indonésie", "hobby", "java"),
]


def test_a_cv_is_read_as_sections(catalog) -> None:
    prof = read_profile(catalog, text=CV)
    assert {h.skill: h.level for h in prof.skills.values()} == CV_SKILLS
    assert [(i.phrase, i.reason, i.skill) for i in prof.ignored] == CV_ASIDE


AD = """Data engineer (H/F)

# Qui sommes-nous
Leader européen du conseil, nous innovons avec nos clients en finance, marketing et droit.

# Vos missions
- Concevoir des pipelines de données avec Airflow et dbt.
- Optimisation combinatoire des plannings de production.
- Au moins 2 ans d'expérience (hors alternance) en Python.

# Profil recherché
Maîtrise avancée de SQL ; Kubernetes serait un plus.

# Avantages
Onboarding personnalisé, formations Coursera en machine learning, télétravail.

# Processus de recrutement
Entretien RH puis test technique en Python et Java.
"""


def test_an_ad_credits_the_job_not_the_company_benefits_or_process(catalog) -> None:
    prof = read_profile(catalog, text=AD)
    assert {h.skill: h.level for h in prof.skills.values()} == {
        "data-engineering": 2,
        "airflow": 2,
        "dbt": 2,
        "optimization": 2,  # 'optimisation combinatoire': the catalogue's sense
        "python": 2,  # '(hors alternance)' negates no skill
        "sql": 3,
        "kubernetes": 2,
    }
    assert [(i.phrase, i.reason, i.skill) for i in prof.ignored] == [
        ("conseil", "company", "business-acumen"),
        ("finance", "company", "finance"),
        ("marketing", "company", "marketing"),
        ("droit", "company", "law"),
        ("Onboarding", "benefits", "recruitment"),
        ("machine learning", "benefits", "machine-learning"),
        ("RH", "process", "recruitment"),
        ("Python", "process", "python"),
        ("Java", "process", "java"),
    ]


def test_the_company_voice_before_any_title_credits_nothing(catalog) -> None:
    text = (
        "Acme est un leader européen du conseil en transformation digitale, fondée en 1998.\n"
        "Nous recherchons un data analyst maîtrisant SQL et Power BI."
    )
    assert read(catalog, text) == (
        {"sql": 2, "power-bi": 2},
        {("company", "business-acumen")},
    )


@pytest.mark.parametrize(
    ("text", "skills", "aside"),
    [
        # optimisation: mathematical optimisation only among its words
        ("Optimisation des coûts et des process achats.", {}, {("ambiguous", "optimization")}),
        ("Optimisation combinatoire et programmation linéaire (Gurobi).", {"optimization": 2}, set()),
        # search, prompt, onboarding, management, stratégie
        ("(extract read: only a search extract of the page is stored)", {}, {("sense", "information-retrieval")}),
        ("We need a prompt response from applicants.", {}, {("sense", "prompt-engineering")}),
        (
            "Rédaction de prompts pour ChatGPT et Mistral.",
            {"prompt-engineering": 2, "generative-ai-tools": 2, "llm-apis": 2},
            set(),
        ),
        ("Un onboarding rapide et personnalisé vous attend.", {}, {("sense", "recruitment")}),
        ("Gestion de l'onboarding des nouveaux collaborateurs et du recrutement.", {"recruitment": 2}, set()),
        ("Management d'une équipe de 5 data analysts.", {"leadership": 2}, set()),
        ("Le management vous fera confiance.", {}, {("sense", "leadership")}),
        ("Vous contribuerez au déploiement de la stratégie IA du groupe.", {}, {("sense", "business-acumen")}),
        ("Définir la stratégie commerciale et le business plan.", {"business-acumen": 2}, set()),
        # Oracle among HR software, R&D as a department, Localisation as a place, DPO in two senses
        ("Logiciels RH : Workday, Oracle, SAP SuccessFactors", {"recruitment": 2, "erp": 2}, {("sense", "sql")}),
        ("Bases de données : Oracle, PostgreSQL", {"databases": 2, "sql": 2, "postgresql": 2}, set()),
        ("En lien avec les équipes R&D et marketing.", {}, {("sense", "research"), ("sense", "marketing")}),
        ("Stage en R&D : prototypes de vision industrielle.", {"research": 2, "computer-vision": 2}, set()),
        ("Localisation : Paris 8e", {}, {("ambiguous", "translation")}),
        ("Alignement des LLM : RLHF, DPO et SFT.", {"rlhf": 2, "fine-tuning": 2}, set()),
        ("Vous serez le DPO : conformité RGPD et registre des traitements.", {"gdpr": 2}, set()),
        # writing code is not 'rédaction'; 'these' is not a thesis
        ("Writing unit tests for our Python services.", {"software-testing": 2, "python": 2}, {("sense", "writing")}),
        ("Writing clear technical documentation and reports.", {"writing": 2}, set()),
        ("These values guide our teams every day.", {}, {("sense", "research")}),
        ("Thèse de doctorat en apprentissage automatique.", {"research": 2, "machine-learning": 2}, set()),
        # trying out new approaches is not research; experiments under a protocol are
        ("Vous identifiez les nouvelles approches IA et accompagnez leur expérimentation.", {}, {("ambiguous", "research")}),
        ("Expérimentation en laboratoire : protocoles et publications.", {"research": 2}, set()),
        # a simulation's visualisation is not data visualisation; an API's design is not UX
        ("Outils de simulation et de visualisation 3D des robots.", {"robotics": 2}, {("sense", "data-visualization")}),
        ("Visualisation des indicateurs sous Power BI.", {"data-visualization": 2, "power-bi": 2}, set()),
        ("API and interface design for the control stack.", {"api-integration": 2, "robotics": 2}, {("sense", "ux-design")}),
        # programming languages are not spoken ones; a pragmatic person is no linguist; the office kitchen is no trade
        (
            "Strong programming skills in languages such as C#, Java, or Python.",
            {"software-engineering": 2, "csharp": 2, "java": 2, "python": 2},
            {("sense", "languages")},
        ),
        ("Vous êtes pragmatique et rigoureux.", {"rigor": 2}, set()),
        ("Dans chaque cuisine : café, thé, infusions à volonté.", {}, {("ambiguous", "food-hospitality")}),
        ("Commis de cuisine : préparations culinaires, HACCP.", {"food-hospitality": 2}, set()),
        # an interest is not a skill; industrialising algorithms is putting models in production
        (
            "Vous avez un fort intérêt pour le web et le data marketing.",
            {},
            {("wish", "marketing"), ("wish", "web-development")},
        ),
        ("Industrialiser des algorithmes développés par nos data scientists.", {"mlops": 2}, set()),
        # the project organises; human-AI cooperation is the topic; a model's prototype is no UX mock-up
        (
            "Le projet organise une coopération entre l'humain et l'IA.",
            {},
            {("sense", "organization-skills"), ("sense", "collaboration")},
        ),
        (
            "Vous êtes organisé et rigoureux, avec un goût pour la coopération.",
            {"organization-skills": 2, "rigor": 2, "collaboration": 2},
            set(),
        ),
        (
            "Phases initiales des projets (proof of concept, prototypage, industrialisation légère).",
            {"mlops": 2},
            {("sense", "ux-design")},
        ),
        ("Maquettage et prototypage sous Figma.", {"ux-design": 2}, set()),
        # 'word for word' names no word processor, negated or not
        ("(the text is not copied word for word)", {}, {("sense", "office-suite")}),
        (
            "Proven experience with Power Automate, Logic Apps or Automation Anywhere.",
            {"power-automate": 2, "rpa": 2},
            set(),
        ),
    ],
)
def test_senses(catalog, text: str, skills: dict[str, int], aside: set[tuple[str, str | None]]) -> None:
    assert read(catalog, text) == (skills, aside)


@pytest.mark.parametrize(
    ("text", "skills", "aside"),
    [
        (
            "Je n'ai pas encore de pratique de l'IA générative, mais je maîtrise Python.",
            {"python": 2},
            {("negated", "generative-ai")},
        ),
        ("I have not yet worked with PyTorch or TensorFlow.", {}, {("negated", "pytorch"), ("negated", "tensorflow")}),
        ("Pas encore de MLOps ; Docker et Kubernetes au quotidien.", {"docker": 2, "kubernetes": 2}, {("negated", "mlops")}),
        ("Au moins 2 ans d'expérience (hors alternance) en Python et SQL.", {"python": 2, "sql": 2}, set()),
        ("Tous les langages sauf Java, Python avancé.", {"python": 3}, {("negated", "java")}),
        ("Analyse de données sans Excel, avec SQL.", {"data-analysis": 2, "sql": 2}, {("negated", "excel")}),
        ("Je ne maîtrise pas encore Spark ni Kafka.", {}, {("negated", "spark"), ("negated", "kafka")}),
        ("Je n'utilise pas Tableau mais Power BI.", {"power-bi": 2}, {("negated", "tableau")}),
        ("No experience with Docker (yet), strong Python.", {"python": 2}, {("negated", "docker")}),
    ],
)
def test_negation_scope(catalog, text: str, skills: dict[str, int], aside: set[tuple[str, str | None]]) -> None:
    assert read(catalog, text) == (skills, aside)


@pytest.mark.parametrize(
    ("text", "skills"),
    [
        ("Docker (notions), Kubernetes (expert)", {"docker": 1, "kubernetes": 3}),
        ("Maîtrise avancée des langages Python et SQL.", {"python": 3, "sql": 3}),
        ("Bases de données relationnelles, bases de Python.", {"databases": 2, "python": 1}),
        ("Notions de SQL, de Python et de R, excellente maîtrise d'Excel.", {"sql": 1, "python": 1, "r": 1, "excel": 3}),
        (
            "Langues : Français (langue maternelle), Anglais (B2), Espagnol (notions)",
            {"french": 3, "english": 2, "foreign-languages": 1},
        ),
        ("Expert en Tableau et Power BI", {"tableau": 3, "power-bi": 3}),
        ("Compétence | Niveau\nPython | avancé\nSQL | notions", {"python": 3, "sql": 1}),
        ("Python avancé, SQL", {"python": 3, "sql": 2}),
        ("English: fluent; Spanish: native", {"english": 2, "foreign-languages": 3}),
        # one skill named four ways, one of them hedged: the highest level the text gives
        ("Hydraulique, pneumatique, GMAO, maintenance conditionnelle (notions)", {"industrial-maintenance": 2}),
    ],
)
def test_levels_bind_to_their_skill(catalog, text: str, skills: dict[str, int]) -> None:
    assert read(catalog, text)[0] == skills


@pytest.mark.parametrize(
    ("text", "skills", "aside"),
    [
        ("Travail en équipe, internationalAutonomie, rigueur", {"collaboration": 2, "autonomy": 2, "rigor": 2}, set()),
        ("COMPÉTENCESPython, Docker", {"python": 2, "docker": 2}, set()),
        ("Maîtrise de TensorFlow et PyTorch", {"tensorflow": 2, "pytorch": 2}, set()),  # names are never split
        ("Langages de programmation :\nR, Go, C", {"software-engineering": 2, "r": 2, "go": 2, "c-language": 2}, set()),
        ("Go, échecs et randonnée", {}, {("ambiguous", "go")}),
        ("Collaboration avec les équipes sécurité, réseau, etc.", {"collaboration": 2}, {("sense", "networking")}),
    ],
)
def test_glued_words_and_the_line_before(catalog, text: str, skills: dict[str, int], aside: set[tuple[str, str | None]]) -> None:
    assert read(catalog, text) == (skills, aside)


@pytest.mark.parametrize(
    ("term", "skill"),
    [
        ("hydraulique", "industrial-maintenance"),
        ("pneumatique", "industrial-maintenance"),
        ("GMAO", "industrial-maintenance"),
        ("maintenance conditionnelle", "industrial-maintenance"),  # not predictive maintenance (machine learning)
        ("gestion des stocks", "logistics"),
        ("CACES R489", "logistics"),
        ("relations presse", "communication"),
        ("Moodle", "teaching"),
        ("plaidoirie", "law"),
        ("soudure TIG", "metalwork"),
        ("HACCP", "food-hospitality"),
        ("habilitation électrique", "electrical"),
        ("gros œuvre", "construction"),
        ("sauveteur secouriste du travail", "health-safety"),
        ("ISO 9001", "quality-management"),
        ("permis CE", "driving"),
        ("viticulture", "agriculture"),
        ("encadrer une équipe", "leadership"),
        ("collaborer", "collaboration"),
        ("communiquer", "communication"),
        ("se tenir au courant", "technology-watch"),
        ("Dockerisation", "docker"),
        ("secteur bancaire", "finance"),
        ("IA Act", "ai-governance"),
        ("sécurité des données", "cybersecurity"),
        ("architectures de données", "data-architecture"),
        ("threat modeling", "cybersecurity"),
        ("fraude", "anomaly-detection"),
        ("Français", "french"),
        ("espagnol", "foreign-languages"),
    ],
)
def test_the_vocabulary_of_trades_and_real_ads(catalog, term: str, skill: str) -> None:
    assert catalog.skill_vocab.resolve(term).id == skill


@pytest.mark.parametrize(
    ("term", "skill", "also"),
    [
        # a typed phrase holding an ambiguous name in another sense names no skill by it
        ("Vision globale", None, ()),
        ("vision", "computer-vision", ()),
        ("simulation & visualization tools", None, ()),
        ("API & interface design", "api-integration", ()),
        ("interface design", "ux-design", ()),
        ("équipes marketing", None, ()),
        # passing on know-how is the soft skill, not training as a trade
        ("transmission de savoirs", "pedagogy", ()),
        ("knowledge transfer", "pedagogy", ()),
        ("animation de formations", "teaching", ()),
        ("motion control", "robotics", ()),
        ("pragmatique", None, ()),
        ("Logic Apps", "power-automate", ()),
    ],
)
def test_typed_phrases_in_another_sense(catalog, term: str, skill: str | None, also: tuple[str, ...]) -> None:
    found = catalog.skill_vocab.resolve(term)
    assert (found.id, found.also) == (skill, also)


def test_ambiguous_typed_words_are_vague_with_suggestions(catalog) -> None:
    found = catalog.skill_vocab.resolve("automatisation")
    assert (found.id, found.method, found.suggestions) == (None, "vague", ("rpa", "industrial-automation"))
    assert read(catalog, "Automatisation des processus administratifs avec Python.")[0] == {"rpa": 2, "python": 2}
    assert read(catalog, "Automatisation de lignes de production (automates Siemens).")[0] == {"industrial-automation": 2}


# ---------------------------------------------------------------- the same CV in four formats


def _blocks(text: str) -> list[tuple[str, str]]:
    """(kind, text) of each line of the Markdown CV: heading, item or paragraph."""
    out = []
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.startswith("# "):
            out.append(("heading", line[2:]))
        elif line.startswith("- "):
            out.append(("item", line[2:]))
        else:
            out.append(("paragraph", line))
    return out


def _zip(member: str, xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(member, xml)
    return out.getvalue()


def _docx(text: str) -> bytes:
    paras = []
    for kind, body in _blocks(text):
        style = {
            "heading": '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>',
            "item": '<w:pPr><w:numPr><w:ilvl w:val="0"/></w:numPr></w:pPr>',
        }
        paras.append(f"<w:p>{style.get(kind, '')}<w:r><w:t>{html.escape(body)}</w:t></w:r></w:p>")
    return _zip("word/document.xml", "<w:document><w:body>" + "".join(paras) + "</w:body></w:document>")


def _odt(text: str) -> bytes:
    parts = []
    for kind, body in _blocks(text):
        body = html.escape(body)
        if kind == "heading":
            parts.append(f'<text:h text:outline-level="1">{body}</text:h>')
        elif kind == "item":
            parts.append(f"<text:list><text:list-item><text:p>{body}</text:p></text:list-item></text:list>")
        else:
            parts.append(f"<text:p>{body}</text:p>")
    return _zip(
        "content.xml",
        "<office:document-content><office:body><office:text>"
        + "".join(parts)
        + "</office:text></office:body></office:document-content>",
    )


def _html(text: str) -> bytes:
    parts = ["<html><body>"]
    for kind, body in _blocks(text):
        body = html.escape(body)
        parts.append({"heading": f"<h2>{body}</h2>", "item": f"<ul><li>{body}</li></ul>"}.get(kind, f"<p>{body}</p>"))
    return ("".join(parts) + "</body></html>").encode()


@pytest.mark.parametrize("fmt", ["markdown", "docx", "odt", "html"])
def test_the_same_cv_in_four_formats_gives_the_same_skills(catalog, fmt: str) -> None:
    data = {"markdown": CV.encode(), "docx": _docx(CV), "odt": _odt(CV), "html": _html(CV)}[fmt]
    prof = read_profile(catalog, text=read_bytes(data).text)
    assert {h.skill: h.level for h in prof.skills.values()} == CV_SKILLS
    assert [(i.phrase, i.reason, i.skill) for i in prof.ignored] == CV_ASIDE

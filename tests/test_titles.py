"""Job titles as people type them, across every ROME domain, resolve to a sensible family."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from ia_metiers.core.titles import clean_title, find_title

DATA = Path(__file__).parent / "data"
TITLES = [c for name in ("job_titles_a.yaml", "job_titles_b.yaml") for c in yaml.safe_load((DATA / name).read_text("utf-8"))]
REFUSED = {"Magon"}  # a typo two letters from 'maçon': suggested, not guessed


def test_at_least_300_titles_across_all_domains(catalog) -> None:
    assert len(TITLES) >= 300
    domains = {catalog.jobs[c["job"]].domain for c in TITLES}
    assert set("ABCDEFGHIJKLMN") <= domains


@pytest.mark.parametrize("case", TITLES, ids=[c["title"] for c in TITLES])
def test_title_resolves_to_its_family(catalog, case: dict[str, str]) -> None:
    found = find_title(catalog, case["title"])
    if case["title"] in REFUSED:
        assert found.id is None and case["job"] in found.suggestions
    else:
        assert (found.kind, found.id) == ("job", case["job"])


@pytest.mark.parametrize(
    ("title", "job", "method"),
    [
        ("Assistante RH (H/F)", "hr-assistant", "variant"),
        ("responsable RH", "hr-manager", "alias"),
        ("marketing", "marketing-manager", "partial"),
        ("boulanger", "baker", "exact"),
        ("Boulangère H/F", "baker", "alias"),
        ("ingénieur civil", "civil-engineer", "alias"),
        ("mathématicien", "statistician", "alias"),
        ("étudiant", "student", "exact"),
        ("jeune diplômée", "recent-graduate", "alias"),
        ("Technicien de maintenance industrielle confirmé", "maintenance-technician", "alias"),
    ],
)
def test_exact_expectations(catalog, title: str, job: str, method: str) -> None:
    found = find_title(catalog, title)
    assert (found.id, found.method) == (job, method)


def test_modifiers_and_gender_marks_are_ignored(catalog) -> None:
    assert clean_title(catalog, "Comptable confirmé(e) H/F - CDI") == "comptable"
    assert clean_title(catalog, "Développeur (F/H) junior") == "developpeur"


def test_unknown_title_suggests_names_and_invites_skills(cli) -> None:
    res = cli("path", "--from", "astronaute de l'extrême")
    assert res.code == 2
    assert "ia-metiers path -s" in res.err
    understood = cli("path", "--from", "marketing", "-f", "json")
    assert understood.code == 0 and "compris comme" in understood.err


# A title is its job only when its head words say so; otherwise suggestions, never a silent guess.
# (title, kind, id, match) across the 14 ROME domains; None: refused with these suggestions first.
HEADS = [
    # the wrong ones of issue 21: a complement that makes it another trade is not read as the head's job
    ("facteur de harpes", None, ("delivery-driver", "craft-artisan"), None),
    ("restaurateur de collections", None, ("hospitality-manager", "craft-artisan"), None),
    ("monteur de pylônes", None, ("audiovisual-technician",), None),
    ("trader", None, ("advertising-manager",), None),  # not 'trader média'
    ("Rédacteur sinistre incendie", None, ("journalist", "claims-handler"), None),
    ("Œnologue conseil", None, ("winegrower",), None),
    ("architecte base de données", "role", "data-architect", "alias"),  # not a building architect
    ("ingénieur électricien", "job", "industrial-engineer", "alias"),  # not a building electrician
    # A agriculture, B crafts, C banking and insurance, D commerce, E communication and media
    ("Éleveur laitier", "job", "livestock-farmer", "alias"),
    ("Conseiller d'agriculture", "job", "agricultural-advisor", "approximate"),
    ("Brodeur", "job", "fashion-artisan", "alias"),
    ("facteur d'instruments", "job", "craft-artisan", "alias"),
    ("Gestionnaire de patrimoine immobilier", "job", "property-manager", "alias"),
    ("Conseiller clientèle bancaire", "job", "bank-advisor", "alias"),
    ("Charcutier-traiteur", "job", "butcher", "alias"),
    ("Caissière", "job", "cashier", "alias"),
    ("Chargée de communication", "job", "communication-officer", "alias"),
    ("Chanteuse lyrique", "job", "performing-artist", "alias"),
    # F building, G hospitality, H industry, I maintenance, J health
    ("Couvreur zingueur", "job", "roofer-carpenter", "alias"),
    ("Maçon VRD", "job", "mason", "alias"),
    ("Serveur en brasserie", "job", "waiter", "alias"),
    ("Menuisier poseur aluminium", "job", "carpenter-joiner", "approximate"),
    ("Soudeur TIG", "job", "welder", "alias"),
    ("Technicien de maintenance industrielle", "job", "maintenance-technician", "alias"),
    ("Électricien bâtiment", "job", "building-electrician", "alias"),
    ("Neurologue", "job", "physician", "alias"),
    ("Infirmière de bloc opératoire", "job", "nurse", "approximate"),
    # K public and social services, L performing arts, M business support, N transport and logistics
    ("Balayeur urbain", "job", "cleaner", "alias"),
    ("Agent de sécurité SSIAP 1", "job", "security-guard", "approximate"),
    ("Professeur des écoles", "job", "primary-school-teacher", "exact"),
    ("professeur d'anglais", "job", "teacher", "alias"),
    ("Humoriste", "job", "performing-artist", "alias"),
    ("Comptable fournisseurs", "job", "accountant", "alias"),
    ("DRH", "job", "hr-manager", "alias"),
    ("Gestionnaire de parc micro-informatique", "job", "it-support-technician", "alias"),
    ("Conducteur / Conductrice de poids lourd", "job", "truck-driver", "approximate"),
    ("Commandant de la marine marchande", "job", "seafarer", "alias"),
    ("Cariste", "job", "warehouse-operator", "alias"),
    ("Traducteur anglais-français", "job", "translator", "approximate"),
    # AI roles (people moving between them)
    ("Data scientist", "role", "data-scientist", "exact"),
]


@pytest.mark.parametrize(("title", "kind", "ident", "match"), HEADS, ids=[h[0] for h in HEADS])
def test_a_title_is_its_job_only_when_its_head_words_say_so(catalog, title, kind, ident, match) -> None:
    found = find_title(catalog, title)
    if kind is None:
        assert (found.kind, found.id, found.match) == ("none", None, None)
        assert found.suggestions[: len(ident)] == ident
    else:
        assert (found.kind, found.id, found.match) == (kind, ident, match)


def test_at_least_30_titles_of_every_domain_are_pinned(catalog) -> None:
    jobs = [catalog.jobs[h[2]].domain for h in HEADS if h[1] == "job"]
    assert len(HEADS) >= 30 and set("ABCDEFGHIJKLMN") <= set(jobs)


def test_the_json_says_how_the_origin_was_found(cli) -> None:
    exact = cli("path", "--from", "comptable", "-f", "json", "--top", "1").json()
    assert (exact["from"], exact["from_match"], exact["from_title"], exact["from_source"]) == (
        "accountant",
        "exact",
        "comptable",
        "option",
    )
    approx = cli("path", "--from", "Infirmière de bloc opératoire", "--top", "1")
    assert approx.code == 0 and "compris comme : Infirmier (nurse)" in approx.err
    assert "correspondance approchée" in " ".join(approx.out.split())
    doc = cli("path", "--from", "Infirmière de bloc opératoire", "-f", "json", "--top", "1").json()
    assert (doc["from"], doc["from_match"]) == ("nurse", "approximate")
    refused = cli("path", "--from", "facteur de harpes")
    assert refused.code == 2 and "Artisan d'art (craft-artisan)" in refused.err


CV = """Claire Martin
Comptable confirmée
claire@example.org

# Expériences professionnelles
2019 - aujourd'hui — Comptable, Acme (Lyon)
2015 - 2019 — Assistante de direction, Beta

# Compétences
Excel (expert), SAP, Power BI (notions)

# Objectif
Devenir data analyst
"""


def test_path_from_file_takes_the_job_the_cv_names_and_says_so(cli, tmp_path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text(CV, encoding="utf-8")
    res = cli("path", "--from-file", str(cv), "-f", "json", "--top", "1")
    doc = res.json()
    assert (doc["from"], doc["from_kind"], doc["from_match"], doc["from_title"], doc["from_source"]) == (
        "accountant",
        "job",
        "exact",
        "Comptable confirmée",
        "document",
    )
    assert "métier actuel lu dans le document : Comptable (accountant)" in res.err
    assert {(e["skill"], e["level"]) for e in doc["evidence"]} == {("excel", 3), ("erp", 2), ("power-bi", 1)}
    assert doc["assumed"]  # the job's other skills are assumed, shown apart
    # no title under the name: the latest experience; --from wins over the document
    cv.write_text(CV.replace("Comptable confirmée\n", ""), encoding="utf-8")
    doc = cli("path", "--from-file", str(cv), "-f", "json", "--top", "1").json()
    assert (doc["from"], doc["from_title"]) == ("accountant", "2019 - aujourd'hui — Comptable, Acme (Lyon)")
    doc = cli("path", "--from-file", str(cv), "--from", "assistante de direction", "-f", "json", "--top", "1").json()
    assert (doc["from"], doc["from_source"]) == ("executive-assistant", "option")
    # a goal is not a job held; a CV naming none gives no origin
    cv.write_text("# Objectif\nDevenir comptable\n# Compétences\nExcel, SQL\n", encoding="utf-8")
    doc = cli("path", "--from-file", str(cv), "-f", "json", "--top", "1").json()
    assert (doc["from"], doc["from_source"]) == (None, None)

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

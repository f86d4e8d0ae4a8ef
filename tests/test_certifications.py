"""The certification model: certifications.yaml entries, training references, the registry rules."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ia_metiers.catalog.loader import validate
from ia_metiers.core.facts import age, expired, months_between, summarise, usable
from ia_metiers.core.planning import current
from ia_metiers.core.routes import qualifications

CERT = """\
certifications:
  - id: {id}
    code: {code}
    registry: {registry}
    name: {{fr: "Titre test", en: "Test title"}}
    kind: rncp-title
    level: 6
    certifiers: ["Organisme test"]
    active: {active}
{until}    roles: [data-analyst]
    source: francecompetences-rncp40514
    checked_on: "{checked}"
    offers:
      - {{provider: "Org", cpf: {cpf}, hours_min: {hmin}, hours_max: 400, price_min: 3000, price_max: 5000,
         source: francecompetences-rncp40514, checked_on: "2026-11-02"}}
"""


TRAINING_NAMING_RNCP1 = """\
trainings:
  - id: t
    name: {fr: T, en: T}
    provider: P
    type: mooc
    certification: rncp1
    source: seed-001
    year: 2024
"""


TRAINING_NAMING_RNCP1 = """\
trainings:
  - id: t
    name: {fr: T, en: T}
    provider: P
    type: mooc
    certification: rncp1
    source: seed-001
    year: 2024
"""


def cert(**kw: Any) -> str:
    values = {
        "id": "rncp99999",
        "code": "RNCP99999",
        "registry": "rncp",
        "active": "true",
        "until": '    valid_until: "2028-01-31"\n',
        "checked": "2026-11-02",
        "cpf": "true",
        "hmin": "300",
    }
    values.update(kw)
    return CERT.format(**values)


def problems(tmp_path: Path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    _cat, found = validate(tmp_path)
    return [str(p) for p in found]


def test_a_good_entry_loads_and_a_training_names_it(tmp_path: Path) -> None:
    training = """\
trainings:
  - id: test-training
    name: {fr: Formation test, en: Test training}
    provider: Org
    type: certification
    certification: rncp99999
    source: francecompetences-rncp40514
    year: 2025
"""
    assert problems(tmp_path, {"certifications.yaml": cert(), "trainings.yaml": training}) == []
    cat, _ = validate(tmp_path)
    assert cat is not None
    entry = cat.certifications["rncp99999"]
    assert (entry.code, entry.level, entry.valid_until, entry.certifiers) == ("RNCP99999", 6, "2028-01-31", ["Organisme test"])
    assert cat.certification_of(cat.trainings["test-training"]) is entry
    assert entry.fiche_url == "https://www.francecompetences.fr/recherche/rncp/99999/"
    summary = summarise(entry)
    assert (summary.cpf, summary.hours_min, summary.hours_max, summary.price_min, summary.price_max) == (
        True,
        300,
        400,
        3000,
        5000,
    )
    training = cat.trainings["test-training"]
    assert current(cat, training, "2028-01-31") and not current(cat, training, "2028-02-01")
    routes_use = {q.id for q in qualifications(cat, "2027-01-01")}, {q.id for q in qualifications(cat, "2029-01-01")}
    assert "rncp99999" in routes_use[0] and "rncp99999" not in routes_use[1]  # routes plan on current codes only


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        (
            {"certifications.yaml": cert(until="")},
            r"certifications.yaml:2: certification 'rncp99999': RNCP99999 has no validity (valid_until)",
        ),
        (
            {"certifications.yaml": cert(id="rncp-x")},
            "certifications.yaml:2: certification 'rncp-x': id must be the code in lower case ('rncp99999')",
        ),
        (
            {"certifications.yaml": cert(registry="rs")},
            "certifications.yaml:2: certification 'rncp99999': registry rs does not match RNCP99999",
        ),
        (
            {"certifications.yaml": cert(active="false")},
            "certifications.yaml:15: certification 'rncp99999': a CPF offer needs an active code (RNCP99999 is inactive)",
        ),
        (
            {"certifications.yaml": cert(hmin="500")},
            "certifications.yaml:15: certification 'rncp99999': offer hours_min 500 > hours_max 400",
        ),
        (
            {"certifications.yaml": cert(checked="2026-13-01")},
            "certifications.yaml:13: certification 'rncp99999': checked_on '2026-13-01' is not a date YYYY-MM-DD",
        ),
        (
            {"certifications.yaml": cert(code="RNCP-1")},
            "certifications.yaml:3: certification 'rncp99999': code 'RNCP-1' is not an RNCP or RS code (RNCP40514, RS6962)",
        ),
        (
            {"certifications.yaml": cert().replace('    checked_on: "2026-11-02"\n', "")},
            "certifications.yaml:2: certification 'rncp99999': missing field 'checked_on'",
        ),
        (
            {"trainings.yaml": TRAINING_NAMING_RNCP1},
            "trainings.yaml:6: training 't' refers to unknown certification 'rncp1'",
        ),
    ],
)
def test_registry_rules(tmp_path: Path, files: dict[str, str], expected: str) -> None:
    assert any(expected in p for p in problems(tmp_path, files)), problems(tmp_path, files)


def test_the_migrated_certifications(catalog: Any) -> None:
    """The 9 nested blocks that had a validity are entries now; trainings name them by id."""
    assert {"rncp37137", "rncp37429", "rncp40514", "rs6962"} <= set(catalog.certifications)
    cesi = catalog.certifications["rncp40514"]
    assert (cesi.level, cesi.valid_from, cesi.valid_until, cesi.source) == (
        6,
        "2025-09-01",
        "2029-08-31",
        "francecompetences-rncp40514",
    )
    assert catalog.trainings["cesi-rncp40514-ia-data"].certification == "rncp40514"
    wild = catalog.certifications["rncp37429"]
    assert wild.active is False and expired(wild, "2026-12-07") and not usable(wild, "2026-12-07")
    assert catalog.trainings["generic-ai-bootcamp"].kind == "format"
    assert catalog.trainings["kaggle-learn"].kind == "self-study"


@pytest.mark.parametrize(
    ("checked", "kind", "today", "expected"),
    [
        ("2026-10-15", "registry", "2026-12-07", ("2026-10", 1, False)),
        ("2026-09-01", "registry", "2026-12-07", ("2026-09", 3, False)),
        ("2026-08-31", "registry", "2026-12-07", ("2026-08", 3, False)),
        ("2026-08-06", "registry", "2026-12-07", ("2026-08", 4, True)),
        ("2026-06-10", "law", "2026-12-07", ("2026-06", 5, False)),
        ("2026-06-01", "law", "2026-12-07", ("2026-06", 6, False)),
        ("2026-05-01", "law", "2026-12-07", ("2026-05", 7, True)),
        ("2026-11-30", "law", "2027-01-02", ("2026-11", 1, True)),  # a 1 January since
        ("2025-12-01", "salary", "2026-12-07", ("2025-12", 12, False)),
        ("2025-11-01", "salary", "2026-12-07", ("2025-11", 13, True)),
    ],
)
def test_fact_ages(checked: str, kind: Any, today: str, expected: tuple[str, int, bool]) -> None:
    found = age(checked, kind, today)
    assert (found.checked, found.months, found.stale) == expected


def test_age_from_a_year_and_unknown() -> None:
    assert (age(None, "salary", "2026-12-07", year=2025).checked, age(None, "salary", "2026-12-07", year=2025).months) == (
        "2025",
        23,
    )
    assert age(None, "registry", "2026-12-07").stale is True
    assert months_between("2026-12-07", "2026-01-01") == 0

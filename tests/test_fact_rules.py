"""The validator's rules on facts: each dated and sourced, no source contradicting what it is cited
for (by date, by year, by basis), ROME codes against the recorded ROME version."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROME = Path(__file__).resolve().parents[2] / "shared" / "rome"
if not ROME.is_dir():  # a worktree beside the main checkout: ../shared from the project folder
    ROME = Path(__file__).resolve().parents[3] / "shared" / "rome"

FUTURE = """\
sources:
  - id: future-survey
    title: "Enquête de rémunération"
    publisher: Cabinet test
    year: 2027
    kind: survey
    url: https://example.org/2027
"""


def problems(cli: Callable[..., Any], folder: Path) -> list[str]:
    res = cli("--data-dir", str(folder), "validate")
    return [line for line in res.out.splitlines() if line.startswith(str(folder))]


def at(folder: Path, name: str, line: int, message: str) -> str:
    return f"{folder / name}:{line}: {message}"


def test_a_funding_rule_without_checked_on_is_refused(cli: Callable[..., Any], data_dir: Any) -> None:
    funding = """\
funding:
  - id: test-aid
    name: {fr: "Aide test", en: "Test aid"}
    summary: {fr: "Aide.", en: "Aid."}
    who: [jobseeker]
    source: service-public-cpf-2026
"""
    folder = data_dir({"funding.yaml": funding})
    assert problems(cli, folder) == [
        at(folder, "funding.yaml", 2, "funding 'test-aid': no checked_on (the date its facts were read)")
    ]
    folder = data_dir({"funding.yaml": funding + '    checked_on: "2026-12-07"\n'})
    assert problems(cli, folder) == []


def test_a_training_needs_checked_on_or_the_year_of_its_facts(cli: Callable[..., Any], data_dir: Any) -> None:
    training = """\
trainings:
  - id: undated
    name: {fr: "Sans date", en: "Undated"}
    provider: P
    type: mooc
    source: seed-001
"""
    folder = data_dir({"trainings.yaml": training})
    assert problems(cli, folder) == [
        at(folder, "trainings.yaml", 2, "training 'undated': no checked_on (the date its facts were read)")
    ]
    for dated in ("    year: 2024\n", '    checked_on: "2026-11-03"\n'):
        assert problems(cli, data_dir({"trainings.yaml": training + dated})) == []


def test_a_source_published_after_the_check_contradicts_it(cli: Callable[..., Any], data_dir: Any) -> None:
    certs = """\
certifications:
  - id: rncp99980
    code: RNCP99980
    registry: rncp
    name: {fr: "Titre", en: "Title"}
    kind: rncp-title
    level: 6
    valid_until: "2029-01-01"
    source: future-survey
    checked_on: "2026-10-01"
    offers:
      - {provider: Org, source: seed-001, checked_on: "2026-10-01"}
      - {provider: Org2, source: future-survey, checked_on: "2026-10-02"}
"""
    folder = data_dir({"sources.yaml": FUTURE, "certifications.yaml": certs})
    assert problems(cli, folder) == [
        at(
            folder,
            "certifications.yaml",
            2,
            "certification 'rncp99980': source 'future-survey' is of 2027, after the fact was checked (2026-10-01)",
        ),
        at(
            folder,
            "certifications.yaml",
            13,
            "certification 'rncp99980': offer of Org2: source 'future-survey' is of 2027,"
            " after the fact was checked (2026-10-02)",
        ),
    ]


BAND = (
    "      - {{region: fr, level: junior, min: 35000, max: 42000, currency: EUR,"
    " basis: {basis}, source: {source}, year: {year}}}\n"
)
ROLE = """\
roles:
  - id: data-analyst
    name: {{fr: Data analyst, en: Data analyst}}
    summary: {{fr: Analyse., en: Analysis.}}
    required: [sql]
    salaries:
{bands}"""


@pytest.mark.parametrize(
    ("basis", "source", "year", "message"),
    [
        ("role", "future-survey", 2026, None),  # figures of 2026 in a 2027 survey: fine
        ("role", "seed-001", 2026, "role 'data-analyst': band fr/junior: figures of 2026 from source 'seed-001' of 2024"),
        (
            "estimate",
            "seed-001",
            2024,
            "role 'data-analyst': band fr/junior marked estimate but credited to 'seed-001' (article)",
        ),
        (
            "role",
            "curator-estimate",
            2026,
            "role 'data-analyst': band fr/junior marked role but credited to 'curator-estimate' (estimate)",
        ),
        ("estimate", "curator-estimate", 2026, None),
    ],
)
def test_a_band_agrees_with_its_source(
    cli: Callable[..., Any], data_dir: Any, basis: str, source: str, year: int, message: str | None
) -> None:
    files = {"roles.yaml": ROLE.format(bands=BAND.format(basis=basis, source=source, year=year))}
    folder = data_dir({**files, "sources.yaml": FUTURE} if source == "future-survey" else files)
    assert problems(cli, folder) == ([at(folder, "roles.yaml", 7, message)] if message else [])


def test_a_band_checked_before_its_source_was_published(cli: Callable[..., Any], data_dir: Any) -> None:
    band = BAND.format(basis="role", source="future-survey", year=2026).replace("}\n", ', checked_on: "2026-06-01"}\n')
    folder = data_dir({"sources.yaml": FUTURE, "roles.yaml": ROLE.format(bands=band)})
    assert problems(cli, folder) == [
        at(
            folder,
            "roles.yaml",
            7,
            "role 'data-analyst': band fr/junior: source 'future-survey' is of 2027, after the fact was checked (2026-06-01)",
        )
    ]


def test_the_rome_version_is_recorded(cli: Callable[..., Any], data_dir: Any, bundled: Path) -> None:
    text = (bundled / "sources.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: france-travail-rome-4\n")
    entry = text[start : text.index("\n  - id:", start + 1) + 1]
    assert '    version: "460"\n' in entry
    folder = data_dir({"sources.yaml": "sources:\n" + entry.replace('    version: "460"\n', "")})
    assert problems(cli, folder) == [
        at(
            folder,
            "sources.yaml",
            2,
            "source 'france-travail-rome-4': the ROME version the codes follow is not recorded (version)",
        )
    ]


@pytest.mark.skipif(not ROME.is_dir(), reason="../shared/rome is not there")
def test_an_import_of_another_rome_version_is_said(
    cli: Callable[..., Any], bundled: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IA_METIERS_DATA_HOME", str(tmp_path / "home"))
    newer = tmp_path / "rome-v461"
    newer.mkdir()
    for f in ROME.glob("*.csv"):
        shutil.copy(f, newer / f.name.replace("_v460_", "_v461_"))
    assert cli("data", "import", "rome", str(newer)).code == 0
    res = cli("validate")
    lines = (bundled / "sources.yaml").read_text(encoding="utf-8").splitlines()
    start = lines.index("  - id: france-travail-rome-4")
    line = next(i for i in range(start, len(lines)) if lines[i] == '    version: "460"') + 1
    assert res.code == 0
    assert (
        f"attention: data/sources.yaml:{line}: source 'france-travail-rome-4': the catalogue's ROME codes follow v460,"
        " the import is v461 (codes checked against v461; update the fiche -> family table and version)"
    ) in res.out + res.err

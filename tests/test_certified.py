"""Every current certification of the catalogue (and of an import) is an entry of the trainings
listing when no training prepares it: its facts, the listing's filters, what stays out."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).parent / "data" / "registries"

ENTRY = """\
  - id: {id}
    code: {code}
    registry: {registry}
    name: {{fr: "Titre test {code}", en: "Test title {code}"}}
    kind: {kind}
    level: {level}
    certifiers: ["Certificateur A", "Certificateur B"]
    active: {active}
    valid_until: "{until}"
    roles: [data-analyst]
    skills: [sql, {{skill: statistics, level: 2}}]
    hours: {hours}
    source: france-competences-fiches
    checked_on: "2026-11-20"
    offers:
{offers}
"""
OFFER = """\
      - {{provider: "{provider}", cpf: {cpf}, hours_min: {hmin}, hours_max: {hmax}, price_min: {pmin}, price_max: {pmax},
         modality: {modality}, source: france-competences-fiches, checked_on: "2026-11-25"}}
"""


def entry(code: str = "RNCP99990", **kw: Any) -> str:
    values: dict[str, Any] = {
        "id": code.lower(),
        "code": code,
        "registry": "rs" if code.startswith("RS") else "rncp",
        "kind": "rncp-title",
        "level": 6,
        "active": "true",
        "until": "2029-06-30",
        "hours": "null",
        "offers": OFFER.format(provider="Org", cpf="true", hmin=300, hmax=400, pmin=3000, pmax=5000, modality="hybrid"),
    }
    values.update(kw)
    return ENTRY.format(**values)


def listing(cli: Callable[..., Any], folder: Path | None, *args: str) -> dict[str, dict[str, Any]]:
    extra = ("--data-dir", str(folder)) if folder else ()
    res = cli(*extra, "trainings", *args, "-f", "json")
    assert res.code == 0, res.err
    return {r["id"]: r for r in res.json()}


def test_a_current_certification_no_training_prepares_is_an_entry(cli: Callable[..., Any], data_dir: Any) -> None:
    folder = data_dir({"certifications.yaml": "certifications:\n" + entry()})
    row = listing(cli, folder)["rncp99990"]
    assert {k: row[k] for k in row if k not in ("note", "format", "place")} == {
        "id": "rncp99990",
        "name": "Titre test RNCP99990",
        "provider": "Certificateur A, Certificateur B",
        "type": "certification",
        "kind": "certification",
        "roles": ["data-analyst"],
        "skills": ["sql", "statistics"],
        "duration_weeks": None,
        "duration_hours": None,
        "hours_min": 300,
        "hours_max": 400,
        "duration": "300–400 h",
        "price_eur": None,
        "price_min": 3000,
        "price_max": 5000,
        "price": "3\u202f000–5\u202f000 €",
        "cpf": True,
        "cpf_offers": 1,
        "distance_share": None,
        "regions": [],
        "rncp": None,
        "certification": "RNCP99990",
        "certification_kind": "rncp-title",
        "certification_level": 6,
        "certification_until": "2029-06-30",
        "certification_active": True,
        "certification_url": "https://www.francecompetences.fr/recherche/rncp/99990/",
        "validity": "RNCP99990: niv. 6, jusqu'au 2029-06-30",
        "look_up": None,
        "modality": "hybrid",
        "language": "fr",
        "url": "https://www.francecompetences.fr/recherche/rncp/99990/",
        "link": "https://www.francecompetences.fr/recherche/rncp/99990/",
        "source": "france-competences-fiches",
        "year": 2026,
        "checked_on": "2026-11-20",
        "offers_checked_on": "2026-11-25",
        "checked": "vérifié en 2026-11",
        "age_months": 0,
        "stale": False,
    }


def test_unknown_offers_say_non_renseigne_and_where_to_look(cli: Callable[..., Any], data_dir: Any) -> None:
    folder = data_dir(
        {"certifications.yaml": "certifications:\n" + entry("RS9990", kind="rs-certification", level="null", offers="      []\n")}
    )
    row = listing(cli, folder)["rs9990"]
    assert (row["cpf"], row["price"], row["duration"], row["look_up"], row["link"], row["validity"]) == (
        None,
        "non renseigné",
        "non renseigné",
        "voir RS9990 sur moncompteformation.gouv.fr",
        "https://www.francecompetences.fr/recherche/rs/9990/",
        "RS9990: jusqu'au 2029-06-30",
    )
    en = {r["id"]: r for r in cli("--lang", "en", "--data-dir", str(folder), "trainings", "-f", "json").json()}["rs9990"]
    assert (en["price"], en["look_up"]) == ("not stated", "look up RS9990 on moncompteformation.gouv.fr")


def test_stated_hours_and_the_type_of_a_degree(cli: Callable[..., Any], data_dir: Any) -> None:
    files = entry("RNCP99991", kind="master", level=7, hours=600, offers="      []\n") + entry(
        "RNCP99992", kind="engineering-degree", level=7, offers="      []\n"
    )
    rows = listing(cli, data_dir({"certifications.yaml": "certifications:\n" + files}))
    assert (rows["rncp99991"]["type"], rows["rncp99991"]["duration"], rows["rncp99991"]["duration_hours"]) == (
        "master",
        "600 h",
        600,
    )
    assert rows["rncp99992"]["type"] == "engineering-school"


@pytest.mark.parametrize(
    ("args", "listed"),
    [
        (("--role", "data-analyst"), True),
        (("--role", "ai-engineer"), False),
        (("--type", "certification"), True),
        (("--type", "master"), False),
        (("--cpf",), True),
        (("--max-price", "3000"), True),
        (("--max-price", "2999"), False),
        (("--modality", "hybrid"), True),
        (("--modality", "online"), False),
        (("--skill", "statistiques"), True),
        (("--skill", "docker"), False),
        (("--role", "data-analyst", "--cpf", "--type", "certification", "--skill", "sql"), True),
    ],
)
def test_the_filters_apply_to_the_entries(cli: Callable[..., Any], data_dir: Any, args: tuple[str, ...], listed: bool) -> None:
    folder = data_dir({"certifications.yaml": "certifications:\n" + entry()})
    assert ("rncp99990" in listing(cli, folder, *args)) is listed


def test_no_cpf_offer_known_keeps_it_out_of_cpf(cli: Callable[..., Any], data_dir: Any) -> None:
    offers = OFFER.format(provider="Org", cpf="null", hmin="null", hmax="null", pmin="null", pmax="null", modality="null")
    folder = data_dir({"certifications.yaml": "certifications:\n" + entry(offers=offers)})
    assert "rncp99990" in listing(cli, folder)
    assert "rncp99990" not in listing(cli, folder, "--cpf")
    assert "rncp99990" not in listing(cli, folder, "--max-price", "100000")


def test_expired_inactive_and_prepared_codes_are_not_entries(cli: Callable[..., Any], data_dir: Any) -> None:
    files = {
        "certifications.yaml": "certifications:\n"
        + entry("RNCP99993", until="2026-12-06")  # ended yesterday
        + entry("RNCP99994", active="false", offers="      []\n")
        + entry("RNCP99995")
        + entry("RNCP99996", until="2026-12-07"),  # ends today: still in force
        "trainings.yaml": """\
trainings:
  - id: school-prepares-rncp99995
    name: {fr: "École", en: "School"}
    provider: École
    type: certification
    certification: rncp99995
    roles: [data-analyst]
    source: france-competences-fiches
    year: 2026
""",
    }
    rows = listing(cli, data_dir(files))
    assert [i for i in rows if i.startswith(("rncp9999", "school-"))] == ["school-prepares-rncp99995", "rncp99996"]
    assert rows["school-prepares-rncp99995"]["kind"] == "programme"
    assert rows["school-prepares-rncp99995"]["certification"] == "RNCP99995"


def test_an_import_brings_a_renewed_code_in(
    cli: Callable[..., Any], data_dir: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("IA_METIERS_DATA_HOME", str(tmp_path / "home"))
    folder = data_dir({"certifications.yaml": "certifications:\n" + entry("RNCP99998", until="2025-01-01", offers="      []\n")})
    assert "rncp99998" not in listing(cli, folder)  # expired in the snapshot
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in sorted((SAMPLES / "rncp").iterdir()):
            z.write(f, f.name)
    res = cli("data", "import", "rncp", str(archive))
    assert res.code == 0, res.err
    row = listing(cli, folder)["rncp99998"]  # the export renews it until 2028-01-01, level 5
    assert (row["name"], row["validity"], row["checked_on"], row["source"]) == (
        "Titre sans rapport avec le catalogue",
        "RNCP99998: niv. 5, jusqu'au 2028-01-01",
        "2026-12-01",
        "france-competences-export",
    )


def test_kind_certification_is_refused_in_trainings_yaml(cli: Callable[..., Any], data_dir: Any) -> None:
    folder = data_dir(
        {
            "trainings.yaml": """\
trainings:
  - id: written-by-hand
    name: {fr: "Écrit", en: "Written"}
    provider: P
    type: certification
    kind: certification
    source: france-competences-fiches
    year: 2026
"""
        }
    )
    res = cli("--data-dir", str(folder), "validate")
    assert res.code == 1
    assert (
        f"{folder / 'trainings.yaml'}:6: training 'written-by-hand': kind certification is for certifications.yaml's own"
        " entries (name the code with certification: <id>)"
    ) in res.out + res.err

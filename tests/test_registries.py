"""Imports of the official exports (RNCP/RS, Mon Compte Formation, ROME 4.0) into the user's data
folder, and what they change in the answers: samples with the real headers in
tests/data/registries, ROME v460 from ../shared/rome."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ia_metiers.core.facts import months_between

SAMPLES = Path(__file__).parent / "data" / "registries"
ROME = Path(__file__).resolve().parents[2] / "shared" / "rome"
if not ROME.is_dir():  # a worktree beside the main checkout: ../shared from the project folder
    ROME = Path(__file__).resolve().parents[3] / "shared" / "rome"


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty user data folder of its own."""
    folder = tmp_path / "home"
    monkeypatch.setenv("IA_METIERS_DATA_HOME", str(folder))
    return folder


def rncp_zip(folder: Path) -> Path:
    """The sample export zipped as France Compétences ships it."""
    target = folder / "export-fiches-csv-2026-12-01.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for f in sorted((SAMPLES / "rncp").iterdir()):
            archive.write(f, f.name)
    return target


def training(cli: Callable[..., Any], tid: str, *args: str) -> dict[str, Any]:
    res = cli("trainings", *args, "-f", "json")
    assert res.code == 0, res.err
    return next(r for r in res.json() if r["id"] == tid)


def test_rncp_import_overrides_the_snapshot_by_code(cli: Callable[..., Any], home: Path, tmp_path: Path) -> None:
    atlas = training(cli, "atlas-architecte-technique-rncp40901")
    assert (atlas["certification"], atlas["certification_until"]) == ("RNCP40901", "2030-06-25")
    tosa = training(cli, "tosa-python-rs6962")
    assert tosa["certification_until"] == "2027-12-18"

    res = cli("data", "import", "rncp", str(rncp_zip(tmp_path)))
    assert res.code == 0, res.err
    assert "rncp: 4 rows, export 2026-12-01" in res.err

    atlas = training(cli, "atlas-architecte-technique-rncp40901")  # the export says inactive since 2026-06-01
    assert (atlas["certification"], atlas["certification_until"], atlas["certification_active"]) == (
        "RNCP40901 (expirée)",
        "2026-06-01",
        False,
    )
    assert atlas["checked_on"] == "2026-12-01" and atlas["source"] == "france-competences-export"
    tosa = training(cli, "tosa-python-rs6962")  # renewed in the sample
    assert (tosa["certification_until"], tosa["validity"]) == ("2029-12-18", "RS6962: jusqu'au 2029-12-18")
    cesi = training(cli, "cesi-rncp40514-ia-data")
    assert (cesi["certification_level"], cesi["certification_url"]) == (
        6,
        "https://www.francecompetences.fr/recherche/rncp/40514/",
    )

    from ia_metiers.catalog.loader import load

    cert = load().certifications["rncp40514"]
    assert cert.name.fr == "Concepteur développeur en intelligence artificielle et science des données"
    assert cert.certifiers == ["CESI", "MINISTERE DE L'ENSEIGNEMENT SUPERIEUR ET DE LA RECHERCHE"]
    assert [b.code for b in cert.blocks] == ["RNCP40514BC01", "RNCP40514BC02"]
    assert (cert.rome, cert.access) == (["M1405", "M1805"], ["formation-continue", "apprentissage", "vae"])


def test_an_expired_code_leaves_the_plans_and_validate_flags_it(cli: Callable[..., Any], home: Path, tmp_path: Path) -> None:
    res = cli("validate")
    assert res.code == 0
    assert "certification 'rncp37137': RNCP37137 expired on 2025-12-14" in res.err
    warnings = [r["message"] for r in cli("validate", "-f", "json").json() if r["level"] == "warning"]
    assert "certification 'rncp37429': RNCP37429 expired on 2026-03-27" in warnings

    def suggested() -> list[str]:
        res = cli("path", "-s", "python,docker,linux", "--to", "ai-architect", "-f", "json")
        assert res.code == 0, res.err
        return [t["id"] for t in res.json()["paths"][0]["trainings"]]

    assert "atlas-architecte-technique-rncp40901" in suggested()
    assert cli("data", "import", "rncp", str(rncp_zip(tmp_path))).code == 0
    assert "atlas-architecte-technique-rncp40901" not in suggested()  # the export says it ended on 2026-06-01


def test_mcf_import_gives_a_training_its_cpf_offer_price_and_hours(cli: Callable[..., Any], home: Path) -> None:
    before = training(cli, "cesi-rncp40514-ia-data")
    assert (before["cpf"], before["price"], before["duration"]) == (None, "non renseigné", "non renseigné")
    assert before["look_up"] == "voir RNCP40514 sur moncompteformation.gouv.fr"
    assert "cesi-rncp40514-ia-data" not in [r["id"] for r in cli("trainings", "--cpf", "-f", "json").json()]

    res = cli("data", "import", "mcf", str(SAMPLES / "mcf" / "moncompteformation_catalogueformation.csv"))
    assert res.code == 0, res.err

    cesi = training(cli, "cesi-rncp40514-ia-data")
    facts = {k: cesi[k] for k in ("cpf", "cpf_offers", "price_min", "price_max", "hours_min", "hours_max", "distance_share")}
    assert facts == {
        "cpf": True,
        "cpf_offers": 1,
        "price_min": 9000,
        "price_max": 11800,
        "hours_min": 1200,
        "hours_max": 1600,
        "distance_share": 0.25,
    }
    assert cesi["price"] == "9\u202f000–11\u202f800 €" and cesi["duration"] == "1\u202f200–1\u202f600 h"
    assert cesi["regions"] == [] and cesi["look_up"] is None and cesi["offers_checked_on"] == "2026-11-30"
    tosa = training(cli, "tosa-python-rs6962")
    assert (tosa["cpf"], tosa["price_min"], tosa["price_max"], tosa["regions"]) == (True, 890, 1490, ["Auvergne-Rhône-Alpes"])
    listed = [r["id"] for r in cli("trainings", "--cpf", "-f", "json").json()]
    assert {"cesi-rncp40514-ia-data", "tosa-python-rs6962"} <= set(listed)
    # a code the catalogue lists no offer for has none on Mon Compte Formation
    assert training(cli, "expert-cybersecurite-rncp39837")["cpf"] is False


def test_mcf_json_export_reads_the_same(cli: Callable[..., Any], home: Path, tmp_path: Path) -> None:
    import csv

    with (SAMPLES / "mcf" / "moncompteformation_catalogueformation.csv").open(encoding="utf-8") as fh:
        records = list(csv.DictReader(fh, delimiter=";"))
    for r in records:  # the JSON export has numbers as numbers
        for key in ("nb_session_active", "nb_session_a_distance", "frais_ttc_tot_min", "frais_ttc_tot_max"):
            r[key] = float(r[key])  # type: ignore[assignment]
    target = tmp_path / "mcf.json"
    target.write_text(json.dumps(records, ensure_ascii=False, indent=2), encoding="utf-8")
    assert cli("data", "import", "mcf", str(target)).code == 0
    cesi = training(cli, "cesi-rncp40514-ia-data")
    assert (cesi["cpf"], cesi["price_min"], cesi["price_max"], cesi["distance_share"]) == (True, 9000, 11800, 0.25)


def test_imports_change_path(cli: Callable[..., Any], home: Path) -> None:
    def brief() -> dict[str, Any]:
        res = cli("path", "-s", "excel", "--to", "automation-engineer", "-f", "json")
        assert res.code == 0, res.err
        return next(b for b in res.json()["paths"][0]["trainings"] if b["id"] == "tosa-python-rs6962")

    before = brief()
    assert (before["cpf"], before["price_min"], before["certification_until"]) == (None, None, "2027-12-18")
    assert cli("data", "import", "mcf", str(SAMPLES / "mcf" / "moncompteformation_catalogueformation.csv")).code == 0
    after = brief()
    assert (after["cpf"], after["price_min"], after["price_max"], after["hours_min"], after["hours_max"]) == (
        True,
        890,
        1490,
        21,
        35,
    )
    from ia_metiers.catalog.loader import load

    read = load().certifications["rs6962"].checked_on  # the fiche's facts keep their own date
    assert (after["checked"], after["stale"]) == (read[:7], months_between(read, "2026-12-07") > 3)


@pytest.mark.skipif(not ROME.is_dir(), reason="../shared/rome is not there")
def test_rome_import_names_families_and_lists_moves(cli: Callable[..., Any], home: Path) -> None:
    res = cli("path", "--from", "Abatteur de carrière", "-f", "json")
    assert res.code == 2
    res = cli("data", "import", "rome", str(ROME))
    assert res.code == 0, res.err
    assert "rome: 13120 rows" in res.err and "ROME v460" in res.err
    res = cli("path", "--from", "Abatteur de carrière", "--top", "1", "-f", "json")
    assert res.code == 0, res.err
    assert res.json()["from"] == "heavy-equipment-operator"
    assert "compris comme : Conducteur d'engins de chantier" in res.err
    res = cli("path", "--from", "market-research-analyst", "--to", "data-scientist", "-f", "json")
    assert res.json()["paths"][0]["rome_moves"] == ["M1403 -> M1405", "M1422 -> M1405"]
    res = cli("path", "--from", "market-research-analyst", "--to", "data-scientist")
    assert "ROME 4.0 cite cette mobilité (M1403→M1405, M1422→M1405)" in res.out


@pytest.mark.skipif(not ROME.is_dir(), reason="../shared/rome is not there")
def test_validate_checks_rome_codes_against_the_import(cli: Callable[..., Any], home: Path, data_dir: Any) -> None:
    folder = data_dir({"roles.yaml": "roles:\n  - id: data-analyst\n" + _role_tail("M9999")})
    assert cli("--data-dir", str(folder), "validate").code == 0  # no ROME imported: the format alone is checked
    assert cli("data", "import", "rome", str(ROME)).code == 0
    res = cli("--data-dir", str(folder), "validate")
    assert res.code == 1
    assert "role 'data-analyst': ROME code M9999 does not exist in ROME 4.0 v460" in res.out


def _role_tail(code: str) -> str:
    return f"""\
    name: {{fr: Data analyst, en: Data analyst}}
    summary: {{fr: Analyse., en: Analysis.}}
    required: [sql]
    rome: [{code}]
    salaries:
      - {{region: fr, level: junior, min: 35000, max: 42000, currency: EUR, basis: generic, source: seed-001, year: 2024}}
"""


def test_status_json_lists_each_source_and_reset_removes_it(cli: Callable[..., Any], home: Path, tmp_path: Path) -> None:
    assert cli("data", "status", "-f", "json").json() == []
    assert cli("data", "import", "rncp", str(rncp_zip(tmp_path))).code == 0
    assert cli("data", "import", "mcf", str(SAMPLES / "mcf" / "moncompteformation_catalogueformation.csv")).code == 0
    rows = cli("data", "status", "-f", "json").json()
    assert [(r["source"], r["export_date"], r["rows"], r["age_months"], r["stale"]) for r in rows] == [
        ("rncp", "2026-12-01", 4, 0, False),
        ("mcf", "2026-11-30", 3, 0, False),
    ]
    assert rows[0]["file"].endswith("export-fiches-csv-2026-12-01.zip") and rows[0]["path"] == str(home / "rncp.sqlite")
    res = cli("data", "status")
    assert "2026-12-01" in res.out and "mcf" in res.out
    res = cli("data", "reset", "mcf")
    assert res.code == 0 and "mcf.sqlite" in res.err
    assert [r["source"] for r in cli("data", "status", "-f", "json").json()] == ["rncp"]
    assert cli("data", "reset").code == 0
    assert cli("data", "status", "-f", "json").json() == []
    assert training(cli, "atlas-architecte-technique-rncp40901")["certification_until"] == "2030-06-25"


def test_the_standard_csv_alone_reads_its_siblings(cli: Callable[..., Any], home: Path) -> None:
    res = cli("data", "import", "rncp", str(SAMPLES / "rncp" / "export_fiches_CSV_Standard_2026_12_01.csv"))
    assert res.code == 0, res.err
    from ia_metiers.catalog.loader import load

    assert load().certifications["rncp40514"].blocks[0].code == "RNCP40514BC01"


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "export_fiches_CSV_Standard_2026_12_01.csv",
            "Id_Fiche;Numero;Intitule\n1;RNCP1;x\n",
            "export_fiches_CSV_Standard_2026_12_01.csv:1: missing column Numero_Fiche (expected "
            "Numero_Fiche;Intitule;Nomenclature_Europe_Niveau;Date_Fin_Enregistrement;Actif); found Id_Fiche;Numero;Intitule",
        ),
        (
            "export_fiches_CSV_Standard_2026_12_01.csv",
            "Numero_Fiche;Intitule;Nomenclature_Europe_Niveau;Date_Fin_Enregistrement;Actif\n"
            "RNCP1;Titre;NIV5;31/08/2029;ACTIVE\nRNCP2;Titre;NIV5;31-02-x;ACTIVE\n",
            "export_fiches_CSV_Standard_2026_12_01.csv:3: column Date_Fin_Enregistrement: '31-02-x' is not a date "
            "(DD/MM/YYYY or YYYY-MM-DD)",
        ),
        (
            "export_fiches_CSV_Standard_2026_12_01.csv",
            "Numero_Fiche;Intitule;Nomenclature_Europe_Niveau;Date_Fin_Enregistrement;Actif\nABC;Titre;NIV5;;ACTIVE\n",
            "export_fiches_CSV_Standard_2026_12_01.csv:2: column Numero_Fiche: 'ABC' is not an RNCP or RS code",
        ),
        ("export.zip", None, "export.zip:0: no export_fiches_CSV_Standard_*.csv in the ZIP"),
        ("empty.csv", "", "empty.csv:1: empty file"),
    ],
)
def test_a_bad_rncp_file_gets_one_line(
    cli: Callable[..., Any], home: Path, tmp_path: Path, name: str, text: str | None, expected: str
) -> None:
    target = tmp_path / name
    if text is None:
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("readme.txt", "nothing")
    else:
        target.write_text(text, encoding="utf-8")
    res = cli("data", "import", "rncp", str(target))
    assert res.code == 2
    lines = res.err.strip().splitlines()
    assert len(lines) == 1 and expected in lines[0], res.err
    assert not home.exists() or (not list(home.glob("*.sqlite")) and not list(home.glob(".rncp-*")))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("nom_of,code_rncp\nX,1\n", "mcf.csv:1: missing column date_extract"),
        (
            "date_extract;nom_of;type_referentiel;code_rncp;code_inventaire;frais_ttc_tot_min\n"
            "2026-11-30;X;RNCP;40514;;beaucoup\n",
            "mcf.csv:2: column frais_ttc_tot_min: 'beaucoup' is not a number",
        ),
        ('[{"date_extract": "2026-11-30", "nom_of": "X", ', "mcf.csv:1: not JSON"),
    ],
)
def test_a_bad_mcf_file_gets_one_line(cli: Callable[..., Any], home: Path, tmp_path: Path, text: str, expected: str) -> None:
    target = tmp_path / "mcf.csv"
    target.write_text(text, encoding="utf-8")
    res = cli("data", "import", "mcf", str(target))
    assert res.code == 2 and expected in res.err and len(res.err.strip().splitlines()) == 1, res.err


def test_a_missing_file_and_a_bad_rome_folder(cli: Callable[..., Any], home: Path, tmp_path: Path) -> None:
    res = cli("data", "import", "rncp", str(tmp_path / "nope.zip"))
    assert res.code == 2 and "nope.zip: no such file" in res.err
    res = cli("data", "import", "rome", str(tmp_path))
    assert res.code == 2 and "no unix_referentiel_code_rome_v*_utf8.csv" in res.err


def test_an_import_replaces_the_cached_catalogue(cli: Callable[..., Any], home: Path, tmp_path: Path) -> None:
    """The cache key follows the imports: reading, importing, reading again gives the new facts."""
    assert training(cli, "tosa-python-rs6962")["certification_until"] == "2027-12-18"
    assert cli("data", "import", "rncp", str(rncp_zip(tmp_path))).code == 0
    assert training(cli, "tosa-python-rs6962")["certification_until"] == "2029-12-18"
    assert cli("data", "reset", "rncp").code == 0
    assert training(cli, "tosa-python-rs6962")["certification_until"] == "2027-12-18"

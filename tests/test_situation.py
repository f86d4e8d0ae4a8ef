"""The person's situation: statuses, diplomas as RNCP levels, regions, languages, contracts, age."""

from __future__ import annotations

import pytest

from ia_metiers.core.situation import (
    REGIONS,
    STATUSES,
    Diploma,
    Situation,
    parse_contract,
    parse_diploma,
    parse_languages,
    parse_region,
    parse_status,
)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("salarie", "employee"),
        ("Salarié", "employee"),
        ("employee", "employee"),
        ("fonctionnaire", "civil-servant"),
        ("agent-public", "civil-servant"),
        ("agent public", "civil-servant"),
        ("civil-servant", "civil-servant"),
        ("demandeur", "jobseeker"),
        ("demandeur d'emploi", "jobseeker"),
        ("jobseeker", "jobseeker"),
        ("étudiant", "student"),
        ("etudiante", "student"),
        ("student", "student"),
        ("indépendant", "self-employed"),
        ("freelance", "self-employed"),
        ("auto-entrepreneur", "self-employed"),
        ("self-employed", "self-employed"),
    ],
)
def test_statuses_in_both_languages(text: str, status: str) -> None:
    assert parse_status(text) == status


def test_one_status_list() -> None:
    assert STATUSES == ("employee", "civil-servant", "jobseeker", "student", "self-employed")
    with pytest.raises(ValueError, match="fonctionnaire"):
        parse_status("retraité")


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("sans diplôme", 0),
        ("CAP", 3),
        ("bep", 3),
        ("bac", 4),
        ("bac pro", 4),
        ("Bac+0", 4),
        ("bac+2", 5),
        ("BTS", 5),
        ("dut", 5),
        ("but", 6),
        ("licence", 6),
        ("bac+3", 6),
        ("bac + 4", 6),
        ("master", 7),
        ("bac+5", 7),
        ("ingénieur", 7),
        ("doctorat", 8),
        ("bac+8", 8),
        ("niveau 4", 4),
        ("Niveau 5", 5),
        ("level 7", 7),
    ],
)
def test_diplomas_as_rncp_levels(text: str, level: int) -> None:
    found = parse_diploma(text)
    assert (found.level, found.foreign) == (level, False)


def test_cap_and_bac_are_different_levels() -> None:
    assert parse_diploma("cap").level < parse_diploma("bac").level < parse_diploma("bac+2").level


def test_foreign_diploma() -> None:
    assert parse_diploma("master (étranger)") == Diploma(7, True, "master (étranger)")
    assert parse_diploma("foreign master").foreign is True
    assert parse_diploma("licence", foreign=True).foreign is True


@pytest.mark.parametrize("text", ["niveau 2", "niveau 9", "bac+9x", "5", "diplôme", ""])
def test_unknown_diplomas_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="niveau 3-8"):
        parse_diploma(text)


def test_eighteen_regions_and_short_names() -> None:
    assert len(REGIONS) == 18 and len({r.id for r in REGIONS}) == 18
    assert parse_region("Île-de-France") == "ile-de-france"
    assert parse_region("idf") == "ile-de-france"
    assert parse_region("PACA") == "provence-alpes-cote-d-azur"
    assert parse_region("grand-est") == "grand-est"
    assert parse_region("Moselle") == "grand-est"
    assert parse_region("La Réunion") == "la-reunion"
    with pytest.raises(ValueError):
        parse_region("Bavière")


def test_languages_contracts_and_pay_area() -> None:
    assert parse_languages("pt, en") == ("pt", "en")
    assert parse_languages("français anglais") == ("fr", "en")
    assert parse_contract("CDI") == "permanent"
    assert parse_contract("intérim") == "temporary"
    assert Situation(region="ile-de-france").area == "idf"
    assert Situation(region="grand-est").area == "regions"
    assert Situation().area is None
    with pytest.raises(ValueError):
        parse_languages("klingon")


@pytest.mark.parametrize(
    ("age", "rqth", "allowed"),
    [(None, False, None), (19, False, True), (29, False, True), (30, False, False), (52, False, False), (52, True, True)],
)
def test_apprenticeship_age(age: int | None, rqth: bool, allowed: bool | None) -> None:
    assert Situation(age=age, rqth=rqth).apprenticeship_age is allowed


def test_situation_options_list_what_was_stated() -> None:
    s = Situation(status="civil-servant", diploma=parse_diploma("bac+3"), age=45, rqth=True, region="grand-est")
    assert s.options() == {"status": "civil-servant", "diploma": 6, "age": 45, "region": "grand-est", "rqth": True}
    assert Situation().options() == {}


def test_cli_refuses_unknown_situation_words(cli) -> None:
    for args, word in (
        (["--status", "retraite"], "retraite"),
        (["--region", "bavaria"], "bavaria"),
        (["--diploma", "niveau 9"], "niveau 9"),
        (["--languages", "klingon"], "klingon"),
        (["--contract", "cdx"], "cdx"),
    ):
        res = cli("path", "--from", "infirmière", *args)
        assert res.code == 2, args
        assert word in res.err and "Traceback" not in res.err
    res = cli("path", "--from", "infirmière", "--foreign-diploma")
    assert res.code == 2 and "--diploma" in res.err
    res = cli("path", "--from", "infirmière", "--status", "demandeur", "--contract", "cdi")
    assert res.code == 2 and "--contract" in res.err
    res = cli("path", "--from", "étudiant", "--status", "etudiant", "--contract", "cdi")
    assert res.code == 2 and "--contract" in res.err
    assert cli("path", "--from", "étudiant", "--status", "etudiant", "--contract", "alternance", "--top", "1").code == 0


def test_results_carry_their_situation(cli) -> None:
    doc = cli(
        "path", "--from", "infirmière", "--status", "fonctionnaire", "--diploma", "licence", "--region", "idf", "-f", "json"
    ).json()
    assert doc["situation"] == {"status": "civil-servant", "diploma": 6, "region": "ile-de-france"}
    assert doc["diploma"] == 6 and doc["status"] == "civil-servant"
    doc = cli("match", "-s", "python", "--diploma", "bts", "-f", "json").json()
    assert doc["situation"] == {"diploma": 5} and doc["diploma"] == 5

"""The library API: as complete as the command line, typed errors, results that travel."""

from __future__ import annotations

import json
import pickle

import pytest

import ia_metiers as im
from ia_metiers.errors import UnknownName


@pytest.fixture(scope="module")
def cat() -> im.Catalog:
    return im.load_catalog()


def test_errors_are_exported_and_typed() -> None:
    for name in ("UnknownRole", "UnknownJob", "UsageError", "CatalogError", "DocumentError"):
        assert name in im.__all__
    assert issubclass(im.UnknownRole, LookupError) and issubclass(im.UnknownRole, im.UsageError)
    assert issubclass(im.UnknownJob, LookupError) and issubclass(im.UnknownJob, UnknownName)
    assert not issubclass(im.UnknownRole, KeyError)  # str(error) is its message, not a repr


def test_an_unknown_role_id_is_an_unknown_role_with_suggestions(cat: im.Catalog) -> None:
    person = im.read_profile(cat, ["python"])
    with pytest.raises(im.UnknownRole) as caught:
        im.gap(cat, person, "data-enginer")
    assert caught.value.name == "data-enginer" and caught.value.suggestions[0] == "data-engineer"
    assert str(caught.value) == "unknown role 'data-enginer'"
    with pytest.raises(LookupError):
        im.rank_paths(cat, person, roles=["nope"])


@pytest.mark.parametrize(
    ("name", "role", "match"),
    [
        ("data-engineer", "data-engineer", "exact"),
        ("Data Engineer", "data-engineer", "exact"),
        ("ingénieur data", "data-engineer", "alias"),
        ("data enginer", "data-engineer", "approximate"),
        ("ML engineer", "ml-engineer", "exact"),
    ],
)
def test_roles_are_found_by_the_names_people_type(cat: im.Catalog, name: str, role: str, match: str) -> None:
    found = im.find_role(cat, name)
    assert (found.kind, found.id, found.match) == ("role", role, match)


def test_jobs_are_found_by_their_titles(cat: im.Catalog) -> None:
    assert im.find_job(cat, "Assistante RH (H/F) junior").id == "hr-assistant"
    assert (im.find_job(cat, "traducteur").id, im.find_job(cat, "traducteur").match) == ("translator", "alias")
    assert im.find_job(cat, "data scientist").kind == "role"  # an AI role held today
    with pytest.raises(im.UnknownJob) as caught:
        im.find_job(cat, "zzqxw")
    assert caught.value.suggestions == ()
    with pytest.raises(im.UnknownRole) as unknown:
        im.find_role(cat, "boulanger")
    assert isinstance(unknown.value.suggestions, tuple)


def test_a_document_is_read_into_a_profile(cat: im.Catalog, tmp_path) -> None:
    cv = tmp_path / "cv.html"
    cv.write_text("<html><body><h1>Compétences</h1><p>Python, SQL et Docker.</p></body></html>", encoding="utf-8")
    doc = im.read_document(cv)
    assert doc.format == "html" and "Python, SQL et Docker." in doc.text
    assert im.read_document(cv.read_bytes()).text == doc.text
    person = im.read_profile(cat, text=doc.text)
    assert {"python", "sql", "docker"} <= set(person.skills)
    with pytest.raises(im.DocumentError) as caught:
        im.read_document(b"\x00\x01\x02 binary \xff\xfe" * 50)
    assert caught.value.kind == "not_text"


def test_gap_gives_the_learning_order_and_hours_of_path_to(cat: im.Catalog, cli) -> None:
    """The library's gap and `path --to` give the same steps, in the same order, and the same total."""
    for role, skills in (("data-engineer", "python,sql"), ("ml-engineer", "python:1,pytorch,aws"), ("prompt-engineer", "excel")):
        result = im.gap(cat, im.read_profile(cat, skills.split(",")), role)
        doc = cli("path", "-s", skills, "--to", role, "--format", "json").json()
        (path,) = doc["paths"]  # type: ignore[index]
        assert list(result.order) == [s["skill"] for s in path["steps"]]
        assert [(s.have, s.need, s.hours, s.reason, list(s.trainings)) for s in result.steps] == [
            (s["from_level"], s["to_level"], s["hours"], s["reason"], s["trainings"]) for s in path["steps"]
        ]
        assert result.hours == path["hours"] and result.fit.score == path["fit"] and result.role == role
    abroad = im.Situation(languages=("en",))  # a person who does not work in French starts with French
    english = im.gap(cat, im.read_profile(cat, ["python", "sql"]), "data-engineer", situation=abroad)
    doc = cli("path", "-s", "python,sql", "--to", "data-engineer", "--languages", "en", "--format", "json").json()
    assert english.order[0] == "french" and english.steps[0].reason == "language"
    assert list(english.order) == [s["skill"] for s in doc["paths"][0]["steps"]]  # type: ignore[index]
    assert english.hours == doc["paths"][0]["hours"]  # type: ignore[index]
    data = im.gap(cat, im.read_profile(cat, ["python", "sql"]), "data-engineer")
    assert data.order[:2] == ("data-engineering", "etl") and data.hours == 300  # pinned


def test_results_are_small_and_travel_by_value(cat: im.Catalog) -> None:
    person = im.read_profile(cat, ["python", "sql:3", "docker"])
    result = im.gap(cat, person, "data-engineer")
    back = pickle.loads(pickle.dumps(result))
    assert back == result and back.hours == result.hours
    assert len(pickle.dumps(result)) < 3_000
    found = im.find_role(cat, "data enginer")
    assert pickle.loads(pickle.dumps(found)) == found and hash(found) == hash(im.find_role(cat, "data enginer"))


@pytest.mark.parametrize(
    "args",
    [
        ["match", "-s", "python,sql"],
        ["gap", "data-engineer", "-s", "python"],
        ["path", "--from", "traducteur"],
        ["role", "data-scientist"],
        ["compare", "data-scientist", "ml-engineer"],
    ],
)
def test_json_answers_carry_their_result_version_first(cli, args: list[str]) -> None:
    res = cli(*args, "--format", "json")
    assert res.code == 0, res.err
    doc = json.loads(res.out)
    assert next(iter(doc)) == "result_version" and doc["result_version"] == im.RESULT_VERSION == 1


def test_a_rome_appellation_finds_the_family_of_its_fiche(cat: im.Catalog) -> None:
    """With an imported ROME (any ``RomeIndex``, as ``imported_rome()`` gives), an appellation
    the catalogue does not name finds the job family that lists its fiche, as ``path --from`` does."""
    job = next(j for j in cat.jobs.values() if j.rome)

    class Rome:
        def fiches(self, folded_title: str) -> tuple[str, ...]:
            return (job.rome[0],) if folded_title == "zzqxw" else ()

    with pytest.raises(im.UnknownJob):
        im.find_job(cat, "zzqxw")
    found = im.find_job(cat, "zzqxw", rome=Rome())
    assert (found.kind, found.method, found.match, found.fiche) == ("job", "rome", "alias", job.rome[0])
    assert job.rome[0] in cat.jobs[found.id].rome
    assert im.imported_rome() is None  # the tests' user data folder imports nothing


def test_the_package_exports_exactly_the_api() -> None:
    """``ia_metiers.__all__`` (imported lazily) and ``ia_metiers.api.__all__`` are one list."""
    from ia_metiers import api

    assert sorted(set(im.__all__) - {"__version__"}) == sorted(api.__all__)

"""Catalogue validation: every kind of breakage is reported as file:line, exit 1, nothing run."""

from __future__ import annotations

import json
import re

import pytest

from ia_metiers.catalog.loader import validate
from ia_metiers.catalog.schema import schemas

SKILL = """\
skills:
  - id: {id}
    name: {{fr: {fr}, en: {en}}}
    category: data
    aliases: [{aliases}]
    broader: [{broader}]
    prerequisites: [{pre}]
    effort_hours: 10
"""

ROLE = """\
roles:
  - id: test-role
    name: {fr: Rôle test, en: Test role}
    summary: {fr: Un rôle., en: A role.}
    required: [{req}]
    salaries:
      - {region: fr, level: junior, min: %(jmin)s, max: %(jmax)s, currency: EUR, basis: generic, source: %(src)s, year: 2024}
      - {region: fr, level: confirme, min: 55000, max: 75000, currency: EUR, basis: generic, source: seed-001, year: 2024}
      - {region: fr, level: senior, min: 75000, max: 100000, currency: EUR, basis: generic, source: seed-001, year: 2024}
"""


def role(req: str = "python", jmin: str = "38000", jmax: str = "50000", src: str = "seed-001") -> str:
    return (ROLE % {"jmin": jmin, "jmax": jmax, "src": src}).replace("{req}", req)


def skill(
    id: str = "test-skill", fr: str = "Test", en: str = "Test", aliases: str = "", broader: str = "python", pre: str = ""
) -> str:
    return SKILL.format(id=id, fr=fr, en=en, aliases=aliases, broader=broader, pre=pre)


CASES = [
    ("yaml syntax", {"roles.yaml": "roles:\n  - id: x\n    name: [\n"}, r"roles\.yaml:\d+: YAML error"),
    (
        "python tag",
        {"roles.yaml": "roles: !!python/object/apply:os.system ['true']\n"},
        r"roles\.yaml:1: YAML error: unsupported tag !!python",
    ),
    ("unknown skill", {"roles.yaml": role(req="sparkk")}, r"roles\.yaml:5: role 'test-role' requires unknown skill 'sparkk'"),
    ("duplicate id", {"skills.yaml": skill() + skill()[len("skills:\n") :]}, r"skills\.yaml:9: duplicate skill id 'test-skill'"),
    (
        "duplicate key",
        {"skills.yaml": skill().replace("    category: data\n", "    category: data\n    category: ai\n")},
        r"skills\.yaml:5: duplicate key 'category'",
    ),
    ("negative band", {"roles.yaml": role(jmin="-5")}, r"roles\.yaml:7: .*min -5 is below 0"),
    ("inverted band", {"roles.yaml": role(jmin="60000", jmax="40000")}, r"roles\.yaml:7: .*inverted"),
    (
        "band without source",
        {"roles.yaml": role().replace(", source: seed-001, year: 2024}", "}", 1)},
        r"roles\.yaml:7: .*missing field 'source'",
    ),
    ("unknown source", {"roles.yaml": role(src="nobody-2020")}, r"roles\.yaml:7: .*cites unknown source 'nobody-2020'"),
    (
        "prerequisite cycle",
        {
            "skills.yaml": skill(id="aa-one", pre="aa-two")
            + skill(id="aa-two", fr="Deux", en="Two", pre="aa-one")[len("skills:\n") :]
        },
        r"skills\.yaml:\d+: prerequisites cycle: aa-one -> aa-two -> aa-one",
    ),
    (
        "training with unknown skill",
        {
            "trainings.yaml": (
                "trainings:\n  - id: t1\n    name: {fr: F, en: T}\n    provider: P\n    type: mooc\n"
                "    skills: [python, sparkk]\n    source: seed-001\n"
            )
        },
        r"trainings\.yaml:6: training 't1' teaches unknown skill 'sparkk'",
    ),
    ("unused skill", {"skills.yaml": skill(broader="")}, r"skills\.yaml:2: skill 'test-skill' is used by no"),
    (
        "shared alias",
        {"skills.yaml": skill(aliases="sklearn")},
        r"skills\.yaml:\d+: skill 'test-skill': 'sklearn' is also a name or alias of skill 'scikit-learn'",
    ),
    (
        "missing english",
        {"skills.yaml": SKILL.replace(", en: {en}", "").format(id="test-skill", fr="Test", aliases="", broader="python", pre="")},
        r"skills\.yaml:\d+: skill 'test-skill': name is missing in English",
    ),
    (
        "unknown field",
        {"skills.yaml": skill().replace("    effort_hours: 10", "    efort_hours: 10")},
        r"skills\.yaml:8: skill 'test-skill': unknown field 'efort_hours'",
    ),
    (
        "wrong type",
        {"skills.yaml": skill().replace("effort_hours: 10", "effort_hours: lots")},
        r"skills\.yaml:8: .*effort_hours must be int",
    ),
]


@pytest.mark.parametrize(("label", "files", "pattern"), CASES, ids=[c[0] for c in CASES])
def test_validate_reports_file_and_line(data_dir, label: str, files: dict[str, str], pattern: str) -> None:
    directory = data_dir(files)
    catalog, problems = validate(directory)
    assert catalog is None, label
    text = "\n".join(str(p) for p in problems)
    assert re.search(pattern, text), text


@pytest.mark.parametrize(
    "cmd", [["validate"], ["match", "-s", "python"], ["roles"], ["skills", "resolve", "x"], ["path", "--from", "traducteur"]]
)
def test_every_command_exits_1_on_a_broken_catalogue(cli, data_dir, cmd: list[str]) -> None:
    directory = data_dir({"roles.yaml": role(req="sparkk")})
    res = cli("--data-dir", str(directory), *cmd)
    assert res.code == 1
    assert "roles.yaml:5" in (res.err + res.out)
    if cmd != ["validate"]:
        assert res.out == ""  # nothing executed


def test_overlay_adds_and_replace_replaces(cli, data_dir) -> None:
    directory = data_dir({"roles.yaml": role()})
    rows = cli("--data-dir", str(directory), "roles", "-f", "json").json()
    ids = [r["id"] for r in rows]
    assert "test-role" in ids and "ml-engineer" in ids
    figure = (
        "replace: true\nfigures:\n  - {id: only-one, label: {fr: Un, en: One}, value: 1, unit: jobs,"
        " year: 2024, source: seed-001}\n"
    )
    directory = data_dir({"market.yaml": figure})
    rows = cli("--data-dir", str(directory), "market", "-f", "json").json()
    assert [r["id"] for r in rows] == ["only-one"]


def test_env_var_names_the_data_dir(cli, data_dir) -> None:
    directory = data_dir({"roles.yaml": role(req="sparkk")})
    res = cli("roles", env={"IA_METIERS_DATA": str(directory)})
    assert res.code == 1


def test_validate_json_lists_problems(cli, data_dir) -> None:
    directory = data_dir({"roles.yaml": role(req="sparkk")})
    res = cli("--data-dir", str(directory), "validate", "--format", "json")
    assert res.code == 1
    problems = res.json()
    assert problems[0]["line"] == 5 and problems[0]["file"].endswith("roles.yaml")


def test_bundled_catalogue_covers_the_core_vocabulary(catalog, bundled) -> None:
    from pathlib import Path

    import yaml

    vocab_path = Path(__file__).resolve().parents[2] / "shared" / "eval" / "core_vocabulary.yaml"
    if not vocab_path.exists():
        pytest.skip("core_vocabulary.yaml is not beside this checkout")
    vocab = yaml.safe_load(vocab_path.read_text(encoding="utf-8"))
    assert set(vocab["skills"]) <= set(catalog.skills)
    assert set(vocab["roles"]) <= set(catalog.roles)
    assert set(vocab["jobs"]) <= set(catalog.jobs)


def test_every_band_is_sourced_and_only_the_cdo_lacks_a_junior_band(catalog) -> None:
    no_junior = []
    for role_ in catalog.roles.values():
        levels = {b.level for b in role_.salaries if b.region == "fr"}
        assert {"confirme", "senior"} <= levels or "all" in levels, role_.id
        if "junior" not in levels and "all" not in levels:
            no_junior.append(role_.id)
        for band in role_.salaries:
            assert band.source in catalog.sources and band.year >= 2000
    assert no_junior == ["chief-data-officer"]


def test_schemas_are_generated_from_the_model(bundled) -> None:
    directory = bundled.parent / "schema" if (bundled.parent / "schema").is_dir() else bundled.parents[1] / "schema"
    for name, text in schemas().items():
        assert (directory / name).read_text(encoding="utf-8") == text, f"regenerate: python -m ia_metiers.catalog.schema {name}"
        json.loads(text)


def test_data_files_reference_their_schema(bundled) -> None:
    for path in bundled.glob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema=../schema/{path.stem}.schema.json", path.name


def test_a_cached_catalogue_reads_its_other_parts_on_first_use(tmp_path, monkeypatch) -> None:
    import pickle

    from ia_metiers.catalog import loader
    from ia_metiers.core.catalog import LATER
    from ia_metiers.core.profile import read_profile
    from ia_metiers.core.scoring import rank

    monkeypatch.setenv("IA_METIERS_CACHE_DIR", str(tmp_path))
    fresh = loader.load()  # validated, then cached in two records
    cached = loader.load()
    assert "_later" in cached.__dict__ and not LATER & cached.__dict__.keys()
    person = read_profile(cached, ["python", "sql"]).skills
    assert [f.role for f in rank(cached, person, top=3)] == [f.role for f in rank(fresh, person, top=3)]
    assert "_later" in cached.__dict__  # ranking read none of them
    assert sorted(cached.trainings) == sorted(fresh.trainings) and len(cached.jobs) == len(fresh.jobs)
    assert "_later" not in cached.__dict__
    again = loader.load()
    for path in tmp_path.iterdir():  # the file goes before the parts are read: they are validated again
        path.unlink()
    assert sorted(again.funding) == sorted(fresh.funding)
    whole = pickle.loads(pickle.dumps(loader.load()))  # a deferred catalogue pickles whole
    assert "_later" not in whole.__dict__ and sorted(whole.sources) == sorted(fresh.sources)
    with pytest.raises(AttributeError):
        _ = cached.nothing_of_the_kind


def test_threads_reading_the_deferred_parts_at_once_all_get_them(tmp_path, monkeypatch) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from ia_metiers.catalog import loader

    monkeypatch.setenv("IA_METIERS_CACHE_DIR", str(tmp_path))
    expected = len(loader.load().trainings)
    for _ in range(5):
        cached = loader.load()
        with ThreadPoolExecutor(8) as pool:
            sizes = list(pool.map(lambda catalog: len(catalog.trainings), [cached] * 8))
        assert sizes == [expected] * 8

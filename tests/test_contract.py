"""The JSON contract: the exact key set of every command's JSON (tests/golden/json-keys.json).

A key added, renamed or dropped fails here until the snapshot is regenerated on purpose
(IA_METIERS_UPDATE_GOLDEN=1 python -m pytest tests/test_contract.py) and reviewed."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

SNAPSHOT = Path(__file__).parent / "golden" / "json-keys.json"
CV = "Compétences : Python, SQL, pandas.\nJe ne connais pas Java. J'aimerais apprendre Docker.\nIA\n"
ID_KEYED = {"via", "names", "hours"}  # objects keyed by skill ids: their keys are data, not contract

COMMANDS: dict[str, list[str]] = {
    "match": ["match", "--from-file", "{cv}", "-s", "excel:1, pyhton, blorp"],
    "gap": ["gap", "data-engineer", "--from-file", "{cv}", "-s", "sql:1"],
    "path": ["path", "--from", "traducteur", "--to", "prompt-engineer", "--status", "salarie", "--diploma", "bac+3"],
    "path-list": ["path", "--from", "infirmière", "--from-file", "{cv}"],
    "role": ["role", "prompt-engineer"],
    "compare": ["compare", "data-analyst", "data-scientist"],
    "salaries": ["salaries", "ml-engineer"],
    "resolve": ["skills", "resolve", "pyhton", "statistique", "blorp"],
    "skills": ["skills"],
    "roles": ["roles"],
    "jobs": ["jobs"],
    "trainings": ["trainings"],
    "funding": ["funding"],
    "sectors": ["sectors"],
    "market": ["market"],
    "sources": ["sources"],
    "validate": ["validate"],
}


def key_paths(value: Any, prefix: str = "") -> set[str]:
    """Every key path of a JSON value: 'roles[].salary.min'."""
    out: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            out.add(prefix + key)
            if key not in ID_KEYED:
                out |= key_paths(item, f"{prefix}{key}.")
    elif isinstance(value, list):
        for item in value:
            out |= key_paths(item, (prefix[:-1] if prefix else "") + "[].")
    return out


@pytest.fixture(scope="module")
def snapshot() -> dict[str, list[str]]:
    return json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else {}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_json_keys(name: str, cli: Any, tmp_path: Path, snapshot: dict[str, list[str]]) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text(CV, encoding="utf-8")
    args = [a.replace("{cv}", str(cv)) for a in COMMANDS[name]]
    res = cli(*args, "--format", "json")
    assert res.code == 0, res.err
    found = sorted(key_paths(res.json()))
    if os.environ.get("IA_METIERS_UPDATE_GOLDEN"):
        snapshot[name] = found
        SNAPSHOT.write_text(json.dumps(dict(sorted(snapshot.items())), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert found == snapshot.get(name), f"JSON keys of {name} changed"


def test_english_json_has_the_same_keys(cli: Any) -> None:
    fr = cli("path", "--from", "traducteur", "--format", "json").json()
    en = cli("--lang", "en", "path", "--from", "translator", "--format", "json").json()
    assert key_paths(fr) == key_paths(en)


def test_every_result_json_is_its_to_dict(catalog: Any) -> None:
    """The library's typed results give the same JSON as the CLI."""
    import ia_metiers as im
    from ia_metiers.core.results import match_result

    prof = im.read_profile(catalog, ["python", "sql"])
    res = match_result(catalog, prof, im.rank_roles(catalog, prof, top=3), im.Situation(lang="en"))
    doc = res.to_dict()
    assert [r["role"] for r in doc["roles"]] == [r.role for r in res.roles]
    assert doc["roles"][0]["name"] == res.roles[0].name.en
    assert "names" not in doc and "lang" not in doc  # renderer-only fields stay out of the JSON


def test_results_are_frozen_records_with_a_repr() -> None:
    import dataclasses
    import pickle

    from ia_metiers.core.results import Education

    row = Education(3, 5)
    assert repr(row) == "Education(min=3, max=5)"
    with pytest.raises(dataclasses.FrozenInstanceError):
        row.min = 4  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del row.max
    again = pickle.loads(pickle.dumps(row))
    assert (again.min, again.max) == (3, 5) and not hasattr(row, "__dict__")


def test_a_frozen_record_needs_the_frozen_base() -> None:
    from ia_metiers.core.record import frozen

    class Loose:
        x: int

    with pytest.raises(TypeError, match="must derive from Frozen"):
        frozen(Loose)

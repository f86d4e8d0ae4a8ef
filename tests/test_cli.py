"""Every command in every format, the agreed JSON shapes, and the exit codes."""

from __future__ import annotations

import csv
import io
import json

import pytest

FORMATS = ["table", "json", "ndjson", "csv", "tsv"]
COMMANDS = [
    ["match", "-s", "python,sql"],
    ["gap", "data-engineer", "-s", "python,sql"],
    ["path", "--from", "traducteur"],
    ["path", "--from", "responsable RH", "--to", "prompt-engineer"],
    ["skills"],
    ["skills", "resolve", "pyhton", "k8s"],
    ["roles"],
    ["role", "ml-engineer"],
    ["salaries"],
    ["salaries", "data-scientist"],
    ["compare", "data-scientist", "ml-engineer"],
    ["jobs"],
    ["trainings"],
    ["trainings", "--skill", "python"],
    ["funding"],
    ["sectors"],
    ["market"],
    ["sources"],
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_every_command_every_format(cli, args: list[str], fmt: str) -> None:
    res = cli(*args, "--format", fmt)
    assert res.code == 0, res.err
    assert res.out.strip()
    if fmt == "json":
        json.loads(res.out)
    elif fmt == "ndjson":
        for line in res.out.splitlines():
            json.loads(line)
    elif fmt in ("csv", "tsv"):
        rows = list(csv.reader(io.StringIO(res.out), delimiter="," if fmt == "csv" else "\t"))
        assert len(rows) >= 2
        assert len({len(r) for r in rows}) == 1
    else:
        assert "\x1b[" not in res.out  # no colour off a terminal


def test_resolve_json_shape(cli) -> None:
    res = cli("skills", "resolve", "--format", "json", "--", "kubernetis", "AWS", "équitation", "-x")
    rows = res.json()
    assert [r["input"] for r in rows] == ["kubernetis", "AWS", "équitation", "-x"]
    for r in rows:
        assert set(r) >= {"input", "skill", "name", "broader", "score", "method", "suggestions"}
    assert rows[0]["skill"] == "kubernetes" and rows[0]["method"] == "fuzzy"
    assert rows[1]["skill"] == "aws" and "cloud" in rows[1]["broader"]
    assert rows[2]["skill"] is None and rows[2]["method"] == "none"


def test_match_json_shape(cli) -> None:
    res = cli("match", "-s", "python, sql", "-s", "équitation", "--top", "3", "--format", "json")
    assert res.code == 0
    doc = res.json()
    assert doc["unknown"] == ["équitation"]
    assert len(doc["roles"]) == 3
    for r in doc["roles"]:
        assert set(r) >= {"role", "name", "score", "matched", "missing_required", "missing_optional", "salary"}
        assert r["salary"]["region"] == "fr" and r["salary"]["level"] == "junior"
        assert isinstance(r["salary"]["min"], int)
    scores = [r["score"] for r in doc["roles"]]
    assert scores == sorted(scores, reverse=True)
    assert "équitation" in res.err and "non reconnues" in res.err


def test_match_level_changes_the_band(cli) -> None:
    doc = cli("match", "-s", "python", "--level", "senior", "-f", "json").json()
    assert all(r["salary"]["level"] in ("senior", "all") for r in doc["roles"])


def test_match_skills_from_stdin(cli) -> None:
    res = cli("match", "-s", "-", "-f", "json", input="python\nsql, docker\n")
    assert res.code == 0
    assert [s["skill"] for s in res.json()["skills"]] == ["python", "sql", "docker"]


def test_gap_json_shape_and_order(cli, catalog) -> None:
    doc = cli("gap", "ingénieur machine learning", "-s", "Python", "-f", "json").json()
    assert doc["role"] == "ml-engineer"
    assert {"skill": "python", "input": "Python"}.items() <= doc["matched"][0].items() or any(
        m["skill"] == "python" and m["input"] == "Python" for m in doc["matched"]
    )
    for missing in (doc["missing_required"], doc["missing_optional"]):
        pos = {s: i for i, s in enumerate(missing)}
        for sid in missing:
            for pre in catalog.skills[sid].prerequisites:
                if pre in pos:
                    assert pos[pre] < pos[sid]
    assert {b["region"] for b in doc["salaries"]} >= {"fr"}


def test_gap_level_shortfall(cli) -> None:
    doc = cli("gap", "data-scientist", "-s", "python:1,statistics:notions", "-f", "json").json()
    gaps = {g["skill"] for g in doc["level_gaps"]}
    assert gaps & {"python", "statistics"}


def test_role_accepts_names_in_both_languages(cli) -> None:
    for name in ("ml-engineer", "Ingénieur machine learning", "machine learning engineer", "ML engineer"):
        assert cli("role", name, "-f", "json").json()["id"] == "ml-engineer", name


def test_salaries_rows(cli, catalog) -> None:
    rows = cli("salaries", "-f", "json").json()
    for r in rows:
        assert set(r) >= {"role", "region", "level", "min", "max", "currency", "source", "year"}
        assert isinstance(r["min"], int) and r["min"] <= r["max"]
    for rid in catalog.roles:
        levels = {r["level"] for r in rows if r["role"] == rid and r["region"] == "fr"}
        assert levels >= ({"confirme", "senior"} if rid == "chief-data-officer" else {"junior", "confirme", "senior"}), rid


@pytest.mark.parametrize("cmd", ["roles", "skills", "sources", "jobs", "trainings", "sectors"])
def test_listings_carry_ids(cli, cmd: str) -> None:
    rows = cli(cmd, "-f", "json").json()
    assert rows and all("id" in r for r in rows)


@pytest.mark.parametrize(
    ("args", "code", "needle"),
    [
        (["match"], 2, "--skills"),
        (["match", "-s", " , ,"], 2, "--skills"),
        (["match", "-s", "équitation,aquarelle"], 2, "reconnue"),
        (["match", "-s", "python", "--format", "xml"], 2, "xml"),
        (["match", "-s", "python", "--top", "0"], 2, "top"),
        (["match", "-s", "python:17"], 2, "niveau"),
        (["match", "--frobnicate"], 2, "frobnicate"),
        (["gap", "astronaute", "-s", "python"], 2, "astronaute"),
        (["role", "astronaute"], 2, "ia-metiers roles"),
        (["path", "--from", "astronaute"], 2, "astronaute"),
        (["path", "--from", "traducteur", "--to", "astronaute"], 2, "astronaute"),
        (["compare", "ml-engineer"], 2, "compare"),
        (["trainings", "--type", "stage"], 2, "stage"),
        (["match", "-s", "python", "--export", "out.docx"], 2, "docx"),
        (["nope"], 2, "nope"),
    ],
)
def test_usage_errors_exit_2_without_traceback(cli, args: list[str], code: int, needle: str) -> None:
    res = cli(*args)
    assert res.code == code, (res.out, res.err)
    assert needle.lower() in res.err.lower()
    assert "Traceback" not in res.err
    assert len(res.err.strip().splitlines()) <= 8


def test_version(cli) -> None:
    res = cli("--version")
    assert res.code == 0 and res.out.startswith("ia-metiers ")


def test_validate_bundled_ok(cli) -> None:
    res = cli("validate")
    assert res.code == 0
    assert "valide" in res.out


def test_export_reports(cli, tmp_path) -> None:
    for ext in ("md", "html", "svg"):
        target = tmp_path / f"plan.{ext}"
        res = cli("path", "--from", "traducteur", "--to", "prompt-engineer", "--export", str(target))
        assert res.code == 0, res.err
        text = target.read_text(encoding="utf-8")
        assert "prompt" in text.lower()
    assert (tmp_path / "plan.md").read_text().startswith("# ")
    assert "<html" in (tmp_path / "plan.html").read_text().lower()
    svg = (tmp_path / "plan.svg").read_text()
    assert "<svg" in svg and "@font-face" not in svg and "cdnjs" not in svg  # no font to fetch
    md = tmp_path / "m.md"
    assert cli("match", "-s", "python,sql", "--export", str(md)).code == 0
    assert cli("gap", "ml-engineer", "-s", "python", "--export", str(tmp_path / "g.md")).code == 0
    assert "data" in md.read_text().lower()


def test_csv_and_tsv_neutralise_formulas(cli, data_dir) -> None:
    overlay = data_dir(
        {
            "sources.yaml": (
                "sources:\n  - {id: evil-source, title: '=HYPERLINK(\"http://x\")', publisher: '+cmd', year: 2024,"
                " kind: article, url: '@SUM(A1)'}\n"
            ),
            "market.yaml": (
                "figures:\n  - {id: evil, label: {fr: x, en: x}, value: 1, unit: jobs, year: 2024, source: evil-source}\n"
            ),
        }
    )
    for fmt, sep in (("csv", ","), ("tsv", "\t")):
        res = cli("--data-dir", str(overlay), "sources", "--format", fmt)
        assert res.code == 0, res.err
        line = next(row for row in res.out.splitlines() if row.startswith("evil-source"))
        assert "'=HYPERLINK" in line and "'+cmd" in line and "'@SUM" in line
        assert sep + "=" not in line


def test_missing_data_dir_is_a_catalogue_error(cli, tmp_path) -> None:
    res = cli("--data-dir", str(tmp_path / "nope"), "roles")
    assert res.code == 1 and res.err == f"ia-metiers: catalogue invalide: {tmp_path}/nope:0: no such folder\n"


def test_levels_in_skill_input(cli) -> None:
    doc = cli("gap", "data-scientist", "-s", "python:expert, sql: 1, statistics:, pandas:notions", "-f", "json").json()
    gaps = {g["skill"]: g for g in doc["level_gaps"]}
    assert "sql" in gaps and gaps["sql"]["have"] == 1
    assert "python" not in gaps

"""One answer whatever the view: `gap ROLE` and `path --to ROLE` plan the same steps, hours and routes
for the same person, and `--lang en` changes the labels of a command's JSON, never its advice."""

from __future__ import annotations

import re
from typing import Any

import pytest

# The same person, seen by `gap ROLE` and by `path --to ROLE` (skills, situation).
PEOPLE = [
    ("ml-engineer", ["-s", "python:1, pytorch, aws, machine learning:1"]),
    ("data-analyst", ["-s", "excel, sql:1, power bi", "--status", "demandeur", "--age", "24"]),
    ("ml-engineer", ["-s", "java:3, spring, sql, git, docker", "--status", "salarie", "--contract", "cdi", "--diploma", "bac+5"]),
    ("ai-engineer", ["-s", "php, javascript, mysql, git", "--status", "independant", "--diploma", "bac+2"]),
    ("health-data-manager", ["-s", "santé, communication, excel", "--status", "fonctionnaire", "--diploma", "licence"]),
    (
        "data-scientist",
        ["-s", "mathématiques:2, statistiques:1, python:1", "--status", "etudiant", "--diploma", "bac", "--age", "20"],
    ),
    ("ai-trainer", ["-s", "gestion des stocks", "--status", "salarie", "--rqth", "--age", "44", "--diploma", "sans diplôme"]),
]


@pytest.mark.parametrize(("role", "person"), PEOPLE, ids=[f"{r}-{i}" for i, (r, _) in enumerate(PEOPLE)])
def test_gap_and_path_to_give_one_plan(cli: Any, role: str, person: list[str]) -> None:
    gap = cli("gap", role, *person, "-f", "json").json()
    path = cli("path", "--to", role, *person, "-f", "json").json()["paths"][0]

    def steps(doc: Any) -> list[list[Any]]:
        return [[s["skill"], s["from_level"], s["to_level"], s["hours"], s["reason"]] for s in doc["steps"]]

    def routes(doc: Any) -> list[list[Any]]:
        return [[r["kind"], r["way"], r["qualification"], r["hours"], r["funding"]] for r in doc["routes"]]

    assert steps(gap) and steps(gap) == steps(path)
    assert gap["total_hours"] == path["hours"] == sum(s[3] for s in steps(gap))
    assert routes(gap) == routes(path)
    assert (gap["role"], gap["weak"]) == (path["role"], path["weak"])


# Every command that advises or lists (and the situation options that shape the advice).
COMMANDS = [
    ["match", "-s", "python,sql"],
    ["match", "-s", "gestion de projet, communication, excel", "--diploma", "bac+2", "--region", "idf"],
    ["gap", "data-engineer", "-s", "python", "--status", "salarie"],
    ["gap", "ai-ethics-officer", "-s", "droit, rgpd", "--status", "independant", "--diploma", "master"],
    ["path", "--from", "traducteur", "--status", "demandeur", "--age", "27"],
    ["path", "--from", "responsable RH", "--status", "salarie", "--contract", "cdi", "--to", "prompt-engineer"],
    ["path", "--from", "développeur web", "--status", "independant", "--to", "ai-engineer"],
    ["path", "--from", "ingénieur mécanique", "--foreign-diploma", "--diploma", "bac+5", "--languages", "pt,en"],
    ["path", "--from", "étudiant", "--status", "etudiant", "--diploma", "bac", "--age", "20"],
    ["roles"],
    ["role", "prompt-engineer"],
    ["salaries"],
    ["salaries", "ml-engineer"],
    ["compare", "data-analyst", "data-scientist"],
    ["jobs"],
    ["trainings"],
    ["trainings", "--skill", "python"],
    ["funding"],
    ["sectors"],
    ["market"],
    ["skills"],
    ["skills", "resolve", "--", "pyhton", "apprentissage automatique", "k8s", "ia", "hydraulique"],
]


def catalogue_ids(catalog: Any) -> frozenset[str]:
    """Every id advice is made of: the catalogue's (roles, skills, jobs, trainings, certifications,
    funding, sectors, sources), the situation's (statuses, contracts, regions, languages), the
    routes' reasons and the salary levels."""
    from ia_metiers.core import situation
    from ia_metiers.core.model import LEVELS
    from ia_metiers.core.results import REASONS

    tables = ("roles", "skills", "jobs", "trainings", "certifications", "funding", "sectors", "sources")
    vocab = (*situation.STATUSES, *situation.CONTRACTS, *situation.REGION_IDS, *situation.LANGUAGES, *REASONS, *LEVELS)
    return frozenset([*(i for name in tables for i in getattr(catalog, name)), *vocab])


def label_differences(fr: Any, en: Any, ids: frozenset[str], where: str = "") -> list[str]:
    """Where two answers differ in more than labels, by one rule: keys, numbers, booleans, nulls and
    list lengths must be equal; two strings may differ only when neither is an id (a catalogue id, or
    a code, a date, a URL: what advice is made of), i.e. when both are words."""
    if isinstance(fr, dict) and isinstance(en, dict):
        if fr.keys() != en.keys():
            return [f"{where}: keys {sorted(fr.keys() ^ en.keys())}"]
        return [d for k in fr for d in label_differences(fr[k], en[k], ids, f"{where}.{k}")]
    if isinstance(fr, list) and isinstance(en, list):
        if len(fr) != len(en):
            return [f"{where}: {len(fr)} items != {len(en)}"]
        return [d for i, (a, b) in enumerate(zip(fr, en, strict=True)) for d in label_differences(a, b, ids, f"{where}[{i}]")]
    if isinstance(fr, str) and isinstance(en, str):
        advice = [v for v in (fr, en) if v in ids or CODE.fullmatch(v)]
        return [f"{where}: {fr!r} != {en!r}"] if fr != en and advice else []
    return [] if fr == en and type(fr) is type(en) else [f"{where}: {fr!r} != {en!r}"]


CODE = re.compile(r"(RNCP|RS)\d+|[A-N]\d{4}|\d{4}-\d{2}(-\d{2})?|https?://\S+")  # codes, ROME, dates, URLs


def test_the_rule_takes_words_and_keeps_advice(catalog: Any) -> None:
    ids = catalogue_ids(catalog)
    fr = {"role": "ml-engineer", "name": "Ingénieur ML", "price": "gratuit", "hours": 40, "funding": ["cpf"]}
    assert label_differences(fr, {**fr, "name": "ML engineer", "price": "free"}, ids) == []
    assert label_differences(fr, {**fr, "funding": ["poei"]}, ids) == [".funding[0]: 'cpf' != 'poei'"]
    assert label_differences(fr, {**fr, "hours": 41}, ids) == [".hours: 40 != 41"]
    assert label_differences(fr, {**fr, "role": "data-analyst"}, ids) != []


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_the_language_changes_labels_never_advice(cli: Any, catalog: Any, args: list[str]) -> None:
    if "--" in args:
        cut = args.index("--")
        args = [*args[:cut], "-f", "json", *args[cut:]]
    else:
        args = [*args, "-f", "json"]
    fr = cli(*args)
    en = cli("--lang", "en", *args)
    assert fr.code == en.code == 0, (fr.err, en.err)
    assert fr.out != en.out  # the labels did change...
    assert label_differences(fr.json(), en.json(), catalogue_ids(catalog)) == []  # ...and nothing else

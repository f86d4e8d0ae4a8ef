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
ID = re.compile(r"[a-z0-9][a-z0-9+._:/#?=&%-]*")  # ids, codes, dates, URLs: what advice is made of


def without_labels(doc: Any) -> Any:
    """The JSON with every label taken out, by one rule: a string that is not an id (kebab-case,
    a code, a date, a URL) is words; keys, ids, numbers, booleans and list lengths stay."""
    if isinstance(doc, dict):
        return {k: without_labels(v) for k, v in doc.items()}
    if isinstance(doc, list):
        return [without_labels(v) for v in doc]
    if isinstance(doc, str) and not ID.fullmatch(doc):
        return "<label>"
    return doc


def test_the_rule_keeps_ids_and_takes_words() -> None:
    doc = {"role": "ml-engineer", "name": "Ingénieur machine learning", "hours": 40, "url": "https://x.fr/a-b", "open": True}
    assert without_labels(doc) == {"role": "ml-engineer", "name": "<label>", "hours": 40, "url": "https://x.fr/a-b", "open": True}


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a))
def test_the_language_changes_labels_never_advice(cli: Any, args: list[str]) -> None:
    if "--" in args:
        cut = args.index("--")
        args = [*args[:cut], "-f", "json", *args[cut:]]
    else:
        args = [*args, "-f", "json"]
    fr = cli(*args)
    en = cli("--lang", "en", *args)
    assert fr.code == en.code == 0, (fr.err, en.err)
    assert fr.out != en.out  # the labels did change...
    assert without_labels(fr.json()) == without_labels(en.json())  # ...and nothing else

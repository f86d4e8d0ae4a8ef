"""Golden answers: exact scores, gaps, hours, steps and resolutions for fixed inputs (tests/golden/)."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

HERE = Path(__file__).parent / "golden"
CASES = yaml.safe_load((HERE / "cases.yaml").read_text(encoding="utf-8"))["cases"]
UPDATE = bool(os.environ.get("IA_METIERS_UPDATE_GOLDEN"))


def project(command: str, doc: Any) -> Any:
    """The part of a command's JSON that is the answer (ids, scores, hours, steps), without prose."""
    ignored = [[i["phrase"], i["reason"], i["skill"]] for i in doc.get("ignored", [])] if isinstance(doc, dict) else []
    if command == "match":
        return {
            "unknown": doc["unknown"],
            "ignored": ignored,
            "skills": [[s["input"], s["skill"], *s.get("also", [])] for s in doc["skills"]],
            "roles": [
                {
                    "role": r["role"],
                    "name": r["name"],
                    "score": r["score"],
                    "within_reach": r["within_reach"],
                    "matched": r["matched"],
                    "missing_required": r["missing_required"],
                }
                for r in doc["roles"]
            ],
        }
    if command == "gap":
        return {
            "role": doc["role"],
            "score": doc["score"],
            "ignored": ignored,
            "matched": [[m["skill"], m["via"], m["credit"]] for m in doc["matched"]],
            "missing_required": doc["missing_required"],
            "missing_optional": doc["missing_optional"],
            "level_gaps": [[g["skill"], g["have"], g["need"]] for g in doc["level_gaps"]],
            "steps": [[s["skill"], s["from_level"], s["to_level"], s["hours"], s["reason"]] for s in doc["steps"]],
            "total_hours": doc["total_hours"],
            "routes": [[r["kind"], r["way"], r["qualification"], r["reason"], *r["funding"]] for r in doc["routes"]],
        }
    if command == "path":
        return {
            "from": doc["from"],
            "situation": doc["situation"],
            "weak": doc["weak"],
            "assumed": [[h["skill"], h["level"]] for h in doc["assumed"]],
            "ignored": ignored,
            "paths": [
                {
                    "role": p["role"],
                    "name": p["name"],
                    "score": p["score"],
                    "fit": p["fit"],
                    "within_reach": p["within_reach"],
                    "hours": p["hours"],
                    "weeks": p["weeks"],
                    "steps": [
                        [s["skill"], s["from_level"], s["to_level"], s["hours"], s["reason"], *s["trainings"]] for s in p["steps"]
                    ],
                    "weak": p["weak"],
                    "routes": [
                        [r["kind"], r["way"], r["qualification"], r["level"], r["entry"], r["hours"], r["reason"], *r["funding"]]
                        for r in p["routes"]
                    ],
                    "funding": p["funding"],
                    "next_steps": [n["id"] for n in p["next_steps"]],
                    "pay_cut": p["pay_cut"],
                    "day_rate": [p["day_rate"][k] for k in ("level", "min", "max")] if p["day_rate"] else None,
                }
                for p in doc["paths"]
            ],
        }
    if command == "resolve":
        return [[r["input"], r["skill"], r["method"], r["score"], r["suggestions"]] for r in doc]
    raise AssertionError(command)


def dumps(value: Any) -> str:
    """Readable snapshot text: one line per list of scalars."""
    text = json.dumps(value, ensure_ascii=False, indent=1)
    return re.sub(r"\[\s*([^\[\]{}]*?)\s*\]", lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text) + "\n"


def command_of(args: list[str]) -> str:
    words = [a for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or args[i - 1] != "--lang")]
    return "resolve" if words[:2] == ["skills", "resolve"] else words[0]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_golden_answer(cli, case: dict[str, Any]) -> None:
    args = [str(a) for a in case["args"]]
    if "--" in args:
        cut = args.index("--")
        args = [*args[:cut], "--format", "json", *args[cut:]]
    else:
        args = [*args, "--format", "json"]
    res = cli(*args)
    assert res.code == 0, res.err
    got = project(command_of(case["args"]), res.json())
    path = HERE / f"{case['id']}.json"
    text = dumps(got)
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot: IA_METIERS_UPDATE_GOLDEN=1 python -m pytest {__file__}"
    assert json.loads(path.read_text(encoding="utf-8")) == got, f"answer changed for {case['id']}: see {path}"


def test_no_catch_all_no_sector_role_without_its_sector_no_programme_for_a_small_step(catalog) -> None:
    """Over every job of the catalogue (`path --from JOB`): the first path of each (pinned); no role
    first for more than 30 % of jobs nor in the top 3 for more than 40 %; a sector-tied role in a
    top 3 only with its sector's knowledge (the exceptions pinned); a whole programme never serves
    a step of SMALL_STEP_HOURS or fewer."""
    from collections import Counter

    from ia_metiers.api import rank_paths
    from ia_metiers.core.profile import read_profile
    from ia_metiers.core.routes import SMALL_STEP_HOURS, whole_programme
    from ia_metiers.core.scoring import MATCHED_AT, credit, offers

    first, top3, without_sector, programmes = {}, Counter[str](), [], []
    for j in catalog.jobs.values():
        person = read_profile(catalog, assumed=j.skills)
        paths = rank_paths(catalog, person)[:3]
        first[j.id] = paths[0].role
        top3.update(p.role for p in paths)
        offered = offers(catalog, person.skills)
        for place, p in enumerate(paths, 1):
            sector = catalog.roles[p.role].sector_skill
            if sector and credit(offered, sector, 1)[0] < MATCHED_AT:
                without_sector.append([j.id, place, p.role, p.weak])
            programmes += [
                [j.id, p.role, s.skill, t]
                for s in p.steps
                if s.hours <= SMALL_STEP_HOURS
                for t in s.trainings
                if whole_programme(catalog, catalog.trainings[t])
            ]
    counts = Counter(first.values())
    assert max(counts.values()) <= 0.3 * len(first), counts.most_common(3)
    assert max(top3.values()) <= 0.4 * len(first), top3.most_common(3)
    assert programmes == []
    # the one exception: a seafarer's English (the only skill of the role a seafarer has), a weak answer
    assert without_sector == [["seafarer", 1, "health-data-manager", True]]
    path = HERE / "first-path-per-job.json"
    if UPDATE:
        path.write_text(dumps(dict(sorted(first.items()))), encoding="utf-8")
    assert json.loads(path.read_text(encoding="utf-8")) == first


def test_the_lazy_package_exports_exactly_the_api() -> None:
    import ia_metiers
    from ia_metiers import api

    assert set(ia_metiers.__all__) - {"__version__"} == set(api.__all__)
    assert all(getattr(ia_metiers, name) is getattr(api, name) for name in api.__all__)

"""Reconversion paths: order, effort sums, levels, trainings, funding, the path command."""

from __future__ import annotations

import math

from ia_metiers.core.planning import effort, plan, rank_paths
from ia_metiers.core.profile import read_profile
from ia_metiers.core.scoring import Have, profile


def test_steps_come_after_their_prerequisites(catalog) -> None:
    for job in catalog.jobs.values():
        person = read_profile(catalog, assumed=job.skills).skills
        for path in rank_paths(catalog, person):
            seen: set[str] = set()
            for step in path.steps:
                for pre in catalog.skills[step.skill].prerequisites:
                    assert pre not in {s.skill for s in path.steps} or pre in seen, (job.id, path.role.id, step.skill)
                seen.add(step.skill)


def test_hours_and_weeks_add_up(cli) -> None:
    doc = cli("path", "--from", "traducteur", "--hours-per-week", "7", "-f", "json", "--top", "5").json()
    for p in doc["paths"]:
        assert p["hours"] == sum(s["hours"] for s in p["steps"])
        assert p["weeks"] == math.ceil(p["hours"] / 7)
        assert p["hours_basis"] == "curator-estimate"


def test_required_skills_already_held_are_not_steps(catalog) -> None:
    role = catalog.roles["data-analyst"]
    person = profile(Have(r.skill, 3, r.skill) for r in role.required)
    assert plan(catalog, person, role).steps == ()


def test_a_lower_level_is_a_shorter_step(catalog) -> None:
    role = catalog.roles["data-scientist"]
    req = max(role.required, key=lambda r: catalog.skills[r.skill].effort_hours or 0)
    none = {s.skill: s for s in plan(catalog, {}, role).steps}[req.skill]
    partial = plan(catalog, profile([Have(req.skill, 1, "x")]), role)
    step = {s.skill: s for s in partial.steps}.get(req.skill)
    if req.level > 1:
        assert step is not None and step.reason == "level"
        assert step.hours < none.hours
    assert effort(catalog, req.skill, 0, 2) == (catalog.skills[req.skill].effort_hours or 40)


def test_steps_suggest_trainings_that_teach_them(catalog) -> None:
    person = read_profile(catalog, assumed=catalog.jobs["hr-manager"].skills).skills
    path = plan(catalog, person, catalog.roles["prompt-engineer"])
    assert path.steps
    for step in path.steps:
        for tid in step.trainings:
            assert step.skill in catalog.trainings[tid].skill_ids
    first = path.routes[0]  # a skill-sized gap: a Répertoire spécifique certification, else self-study
    assert first.first and first.kind in ("rs-certification", "self-study")
    assert ("cpf" in first.open_funding) if first.kind == "rs-certification" else first.funding == ()


def test_path_json_shape(cli) -> None:
    doc = cli("path", "--from", "développeur web", "--skills", "docker", "-f", "json").json()
    assert doc["from"] == "web-developer"
    assert [s["skill"] for s in doc["skills"]] == ["docker"]
    assert "python" not in {h["skill"] for h in doc["assumed"]}  # a web developer is not assumed to know Python
    assert len(doc["paths"]) == 3
    scores = [p["score"] for p in doc["paths"]]
    assert scores == sorted(scores, reverse=True)
    for p in doc["paths"]:
        assert set(p) >= {"role", "name", "score", "transferable", "steps", "hours", "weeks", "salary"}
        for s in p["steps"]:
            assert set(s) >= {"skill", "hours", "trainings"}
        assert p["salary"]["level"] == "junior" and p["salary"]["region"] == "fr"


def test_path_to_gives_one_plan(cli) -> None:
    doc = cli("path", "--from", "HR manager", "--to", "prompt engineer", "-f", "json").json()
    assert doc["from"] == "hr-manager"
    assert [p["role"] for p in doc["paths"]] == ["prompt-engineer"]


def test_stated_skills_shorten_the_plan(cli) -> None:
    base = cli("path", "--from", "juriste", "--to", "ai-ethics-officer", "-f", "json").json()["paths"][0]
    more = cli(
        "path", "--from", "juriste", "--to", "ai-ethics-officer", "-s", "ai-ethics:3,ai-governance:3", "-f", "json"
    ).json()["paths"][0]
    assert more["hours"] <= base["hours"]
    assert more["score"] >= base["score"]


def test_detailed_plan_lists_trainings_and_funding(cli) -> None:
    out = cli("path", "--from", "responsable RH", "--to", "prompt-engineer").out
    assert "Formations suggérées" in out and "Voies qualifiantes" in out and "Et maintenant ?" in out
    out_en = cli("--lang", "en", "path", "--from", "responsable RH", "--to", "prompt-engineer").out
    assert "Suggested trainings" in out_en


def test_path_from_an_ai_role(cli) -> None:
    doc = cli("path", "--from", "data analyst", "-f", "json", "--top", "19").json()
    assert doc["from"] == "data-analyst" and doc["from_kind"] == "role"
    assert "data-analyst" not in [p["role"] for p in doc["paths"]]
    job = cli("path", "--from", "traducteur", "-f", "json").json()
    assert job["from_kind"] == "job"


def test_each_level_short_of_the_role_costs_four_points(catalog) -> None:
    """A diploma two RNCP levels below a role's usual minimum (bac+2 for a bac+5 role) costs the
    path 2 x 4 points; at the minimum, nothing."""
    from ia_metiers.core.situation import Diploma, Situation

    person = read_profile(catalog, ["python:3", "machine-learning:2", "statistics:2", "sql:2"]).skills
    role = [catalog.roles["data-scientist"]]
    scores = {
        level: rank_paths(catalog, person, role, Situation(diploma=Diploma(level) if level else None, today="2026-12-07"))[0]
        for level in (None, 5, 7)
    }
    assert {level: (p.score, p.within_reach) for level, p in scores.items()} == {
        None: (67.9, None),
        5: (59.9, False),
        7: (67.9, True),
    }


def test_a_person_who_does_not_work_in_french_starts_with_professional_french(catalog) -> None:
    """The first step is French to level 2 (professional use), from the level held; none from level 2."""
    from ia_metiers.core.planning import plan_steps
    from ia_metiers.core.situation import Situation

    abroad = Situation(languages=("en",), today="2026-12-07")
    role = catalog.roles["data-scientist"]
    for stated, first in (([], ("french", 0, 2, 400, "language")), (["french:1"], ("french", 1, 2, 200, "language"))):
        person = read_profile(catalog, ["python:3", "statistics:2", *stated]).skills
        step = plan_steps(catalog, person, role, abroad)[1][0]
        assert (step.skill, step.have, step.need, step.hours, step.reason) == first
    fluent = read_profile(catalog, ["python:3", "statistics:2", "french:2"]).skills
    assert "french" not in [s.skill for s in plan_steps(catalog, fluent, role, abroad)[1]]

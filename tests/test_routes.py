"""Qualifying routes: when a VAE is proposed (experience, coverage of the title, levels above the
diploma), pinned on the bundled certifications."""

from __future__ import annotations

import pytest

from ia_metiers.core.planning import plan
from ia_metiers.core.profile import read_profile
from ia_metiers.core.situation import Diploma, Situation

ANALYST = ["python:2", "data-analysis:2", "machine-learning:2"]  # 4 of the 5 skills of RNCP40514 (level 6)


def routes(catalog, skills: list[str], role: str, **stated: object) -> list[tuple[str, str | None]]:
    situation = Situation(today="2026-12-07", **stated)  # type: ignore[arg-type]
    path = plan(catalog, read_profile(catalog, skills).skills, catalog.roles[role], situation)
    return [(r.kind, r.qualification) for r in path.routes]


@pytest.mark.parametrize(
    ("years", "vae"),
    [(None, False), (2, False), (3, True), (10, True)],
)
def test_a_vae_needs_three_years_of_experience(catalog, years: int | None, vae: bool) -> None:
    found = routes(catalog, ANALYST, "data-analyst", experience=years, diploma=Diploma(4))
    assert (("vae", "rncp40514") in found) is vae, found


@pytest.mark.parametrize(
    ("diploma", "vae"),
    [(3, False), (4, True), (5, True), (6, False)],
)
def test_a_vae_aims_at_most_two_levels_above_the_diploma(catalog, diploma: int, vae: bool) -> None:
    """RNCP40514 is level 6: from a CAP (3) it is three levels up; from a level 6 it raises nothing."""
    found = routes(catalog, ANALYST, "data-analyst", experience=5, diploma=Diploma(diploma))
    assert (("vae", "rncp40514") in found) is vae, found


def test_a_vae_needs_the_experience_to_cover_most_of_the_title(catalog) -> None:
    """RNCP40901 (data architect, level 7) lists 4 skills: 2 held is half, not enough; 3 is."""
    two = ["cloud:2", "project-management:1"]
    half = routes(catalog, two, "data-architect", experience=5, diploma=Diploma(6))
    most = routes(catalog, [*two, "networking:2"], "data-architect", experience=5, diploma=Diploma(6))
    assert [kind for kind, _ in half] == ["rncp-title"]
    assert most[0] == ("vae", "rncp40901")


def test_a_diploma_at_the_entry_level_enters(catalog) -> None:
    """A master usually asks a level 6 (licence): a person with a level 6 enters it ('ok')."""
    person = read_profile(catalog, ["gdpr:1", "software-engineering:2", "cybersecurity:3"]).skills
    path = plan(catalog, person, catalog.roles["ai-security-specialist"], Situation(today="2026-12-07", diploma=Diploma(6)))
    assert [(r.kind, r.qualification, r.level, r.entry) for r in path.routes] == [
        ("degree", "generic-master-ai-data-science", 7, "ok")
    ]

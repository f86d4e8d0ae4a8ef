"""Golden human views: match, gap, path and salaries rendered by a fixed Console (as Rich's own
tests do) at 80 and 140 columns in both languages, compared with tests/golden/render/*.txt.

A changed column, word, bar or line break fails here; after a deliberate change, regenerate
with IA_METIERS_UPDATE_GOLDEN=1 and review the diff.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

HERE = Path(__file__).parent / "golden" / "render"
UPDATE = bool(os.environ.get("IA_METIERS_UPDATE_GOLDEN"))
TODAY = "2026-12-07"


def fixed_console(width: int) -> Console:
    return Console(width=width, force_terminal=True, file=io.StringIO(), legacy_windows=False, color_system=None, _environ={})


def rendered(renderable: Any, width: int) -> str:
    con = fixed_console(width)
    con.print(renderable)
    out = con.file.getvalue()
    assert isinstance(out, str)
    return out


def situation(lang: str, **stated: Any) -> Any:
    from ia_metiers.core.situation import Situation

    return Situation(level="junior", lang=lang, today=TODAY, **stated)


def match_view(cat: Any, lang: str) -> Any:
    from ia_metiers.core.profile import read_profile
    from ia_metiers.core.results import match_result
    from ia_metiers.core.scoring import rank_within_reach
    from ia_metiers.output import render

    prof = read_profile(cat, ["python", "sql"])
    return render.match(match_result(cat, prof, rank_within_reach(cat, prof.skills, top=5), situation(lang)))


def gap_view(cat: Any, lang: str) -> Any:
    from ia_metiers.core.graph import learning_order
    from ia_metiers.core.planning import plan
    from ia_metiers.core.profile import read_profile
    from ia_metiers.core.results import gap_result
    from ia_metiers.core.scoring import fit
    from ia_metiers.output import render

    prof = read_profile(cat, ["python", "sql", "docker"])
    result = fit(cat, prof.skills, cat.roles["data-engineer"])
    order = learning_order(cat.relation("prerequisites"), [*result.missing_required, *result.missing_optional])
    target = cat.roles["data-engineer"]
    return render.gap(gap_result(cat, prof, result, order, situation(lang), plan(cat, prof.skills, target, situation(lang))))


def path_view(cat: Any, lang: str) -> Any:
    from ia_metiers.api import rank_paths
    from ia_metiers.core.planning import Origin
    from ia_metiers.core.profile import read_profile
    from ia_metiers.core.results import path_result
    from ia_metiers.output import render

    origin = Origin.of_job(cat.jobs["hr-manager"])
    prof = read_profile(cat, [], assumed=origin.skills, assumed_label=origin.name.get(lang) if origin.name else "")
    stated = situation(lang, status="employee")
    paths = rank_paths(cat, prof, roles=["prompt-engineer"], situation=stated)[:1]
    return render.path(path_result(cat, origin, prof, paths, 8, stated, detailed=True), today=TODAY)


def salaries_view(cat: Any, lang: str) -> Any:
    from ia_metiers.core.results import salaries_result
    from ia_metiers.output import render

    return render.salaries_overview(salaries_result(cat, list(cat.roles.values()), lang))


def salaries_role_view(cat: Any, lang: str) -> Any:
    from ia_metiers.core.results import salaries_result
    from ia_metiers.output import render

    return render.salaries(salaries_result(cat, [cat.roles["data-scientist"]], lang))


VIEWS: dict[str, Callable[[Any, str], Any]] = {
    "match": match_view,
    "gap": gap_view,
    "path": path_view,
    "salaries": salaries_view,
    "salaries-role": salaries_role_view,
}


@pytest.mark.parametrize("width", [80, 140])
@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("view", list(VIEWS))
def test_golden_view(catalog: Any, view: str, lang: str, width: int) -> None:
    text = rendered(VIEWS[view](catalog, lang), width)
    target = HERE / f"{view}-{lang}-{width}.txt"
    if UPDATE:
        HERE.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    assert target.exists(), f"missing golden render {target.name}: run with IA_METIERS_UPDATE_GOLDEN=1"
    assert text == target.read_text(encoding="utf-8")
    assert all(len(line) <= width for line in text.splitlines() if "://" not in line)
    assert not any(line.endswith(" ") for line in text.splitlines())


@pytest.mark.parametrize("view", list(VIEWS))
def test_the_same_layout_in_both_languages(catalog: Any, view: str) -> None:
    """The layout depends on the width, never on the language: the same columns, and rows and
    the lines under them in the same places (only their words and wrapping differ)."""

    def shape(text: str) -> list[str]:
        import re

        return [re.sub(r"\S.*", "x", line) for line in text.splitlines() if re.match(r"(─+|\s*\d+\.\s)", line)]

    for width in (80, 140):
        fr = rendered(VIEWS[view](catalog, "fr"), width)
        en = rendered(VIEWS[view](catalog, "en"), width)
        assert shape(fr) == shape(en), view


def test_the_to_learn_line_lists_the_missing_required_skills(catalog: Any) -> None:
    """The match view's '→' line under each role is exactly its missing required skills, in order."""
    from ia_metiers.core.profile import read_profile
    from ia_metiers.core.results import match_result
    from ia_metiers.core.scoring import rank_within_reach
    from ia_metiers.output import render

    prof = read_profile(catalog, ["python", "sql"])
    res = match_result(catalog, prof, rank_within_reach(catalog, prof.skills, top=5), situation("fr"))
    text = rendered(render.match(res), 400)
    lines = [line.strip()[2:] for line in text.splitlines() if line.strip().startswith("→ ")]
    expected = [", ".join(res.names[s].fr for s in r.missing_required[:6]) for r in res.roles]
    assert [line.split(" +")[0] for line in lines] == expected

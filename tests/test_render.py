"""The human view (output/render.py): Rich tables that fit 60-120 columns, words never cut,
numbers never split from their unit, colour only when asked; exports built from the same result."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

NB = "\u00a0"
VIEWS = [
    ["match", "-s", "python, sql, machine learning, statistiques", "--diploma", "bac+3"],
    ["gap", "data-engineer", "-s", "python, sql:1"],
    ["path", "--from", "responsable RH", "--status", "salarie"],
    ["path", "--from", "traducteur", "--to", "prompt-engineer"],
    ["role", "prompt-engineer"],
    ["compare", "data-analyst", "data-scientist"],
    ["salaries", "ml-engineer", "data-engineer"],
    ["salaries"],
    ["market"],
]


def words_of(text: str) -> set[str]:
    return {w for w in re.split(r"[ \n]+", text) if w}


@pytest.mark.parametrize("width", [60, 80, 120])
@pytest.mark.parametrize("args", VIEWS, ids=lambda a: "-".join(a[:2]))
def test_views_fit_the_width(cli: Any, args: list[str], width: int) -> None:
    res = cli(*args, env={"COLUMNS": str(width)})
    assert res.code == 0, res.err
    lines = res.out.splitlines()
    assert lines, "empty view"
    too_long = [ln for ln in lines if len(ln.rstrip()) > width and "http" not in ln]
    assert not too_long, too_long[:3]
    assert "\x1b[" not in res.out  # no colour when not on a terminal


@pytest.mark.parametrize("args", VIEWS[:4], ids=lambda a: "-".join(a[:2]))
def test_numbers_stay_with_their_unit(cli: Any, args: list[str]) -> None:
    out = cli(*args, env={"COLUMNS": "60"}).out
    for line in out.splitlines():
        stripped = line.strip()
        # a unit never starts a line (its number left at the end of the line before)
        assert not re.match(r"^(h|k€|€|semaines|weeks|h/semaine)(\W|$)", stripped) or re.match(r"^€ [A-Z]", stripped), line


def test_match_at_80_columns(cli: Any) -> None:
    """Fewer, wider columns; what matched and what to learn on lines under each role."""
    out = cli("match", "-s", "python,sql", "--top", "3", env={"COLUMNS": "80"}).out.replace(NB, " ")
    header = next(ln for ln in out.splitlines() if ln.lstrip().startswith("#"))
    assert header.split() == ["#", "Métier", "Score", "Salaire", "Études"]
    assert re.search(r"^1\.  Data scientist \(data-scientist\) +49 █+ +35–45 k€  Bac\+5–8$", out, re.M)
    assert "    ✓ Python, SQL\n    → Apprentissage automatique, Statistiques, Analyse de données, scikit-learn\n" in out
    assert len(out.splitlines()) <= 20


def test_match_at_60_columns_moves_a_column_under_the_row(cli: Any) -> None:
    out = cli("match", "-s", "python,sql", "--top", "2", env={"COLUMNS": "60"}).out.replace(NB, " ")
    header = next(ln for ln in out.splitlines() if ln.lstrip().startswith("#"))
    assert header.split() == ["#", "Métier", "Score", "Salaire"]
    assert "    Études : Bac+5–8" in out


def test_no_word_is_cut_in_the_gap_table(cli: Any) -> None:
    wide = cli("gap", "data-engineer", "-s", "python,sql:1", env={"COLUMNS": "200"}).out
    narrow = cli("gap", "data-engineer", "-s", "python,sql:1", env={"COLUMNS": "60"}).out
    drawn = re.compile(r"[─░█▌▐]+")
    assert {w for w in words_of(narrow) - words_of(wide) if not drawn.fullmatch(w)} <= {"0", "20", "40", "60"}


def test_gap_shows_hours_and_total(cli: Any) -> None:
    out = cli("gap", "data-engineer", "-s", "python,sql:1", env={"COLUMNS": "100"}).out.replace(NB, " ")
    assert re.search(r"↑\s+SQL\s+niveau 1 → 2\s+≈ 30 h", out)
    assert re.search(r"Total\s+dans l'ordre d'apprentissage\s+≈ 370 h", out)  # with the missing prerequisite, as path --to


def test_path_detailed_plan_is_a_table(cli: Any) -> None:
    out = cli("path", "--from", "traducteur", "--to", "prompt-engineer", env={"COLUMNS": "80"}).out.replace(NB, " ")
    assert re.search(r"#\s+À apprendre\s+Niveau\s+Heures\s+Formations", out)
    assert re.search(r"Total\s+\d+ h", out)
    assert "Formations suggérées" in out and "[1]" in out


def test_english_view(cli: Any) -> None:
    out = cli("--lang", "en", "match", "-s", "python,sql", env={"COLUMNS": "100"}).out
    assert "Role" in out and "Salary" in out and "✓ matched" in out and "Métier" not in out


def test_colour_on_a_terminal_only(run: Any) -> None:
    env = {"FORCE_COLOR": "1", "COLUMNS": "80"}
    coloured = run("match", "-s", "python,sql", env=env).stdout.decode()
    plain = run("match", "-s", "python,sql", env={**env, "NO_COLOR": "1"}).stdout.decode()
    assert "\x1b[" in coloured and "\x1b[" not in plain


def test_html_export_is_a_document(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "plan.html"
    res = cli("path", "--from", "traducteur", "--to", "prompt-engineer", "--export", str(target))
    assert res.code == 0, res.err
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="fr">' in page
    assert "<title>Votre parcours de Traducteur / interprète vers Prompt engineer / rédacteur conversationnel</title>" in page
    assert '<table class="data">' in page and "<th class=num>Heures</th>" in page
    assert '<a href="https://www.service-public.fr/particuliers/vosdroits/F14102">' in page  # next step link
    assert "<h2>Sources</h2>" in page and "Des débouchés bien réels" in page and "seed-001" not in page


def test_markdown_export_escapes_what_was_typed(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "m.md"
    res = cli("match", "-s", "python, [zzqq](evil.example), <b>wwxy</b>", "--export", str(target))
    assert res.code == 0, res.err
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Quels métiers de l'IA pour vos compétences ?")
    assert "\\[zzqq\\](evil.example)" in text and "\\<b\\>wwxy\\</b\\>" in text
    assert not re.search(r"(?<!\\)\]\(", text) and "<b>" not in text
    assert "| \\# | Métier | Score | Salaire | Études |" in text
    assert "Sources des salaires : \\[1\\], \\[2\\]" in text


def test_markdown_escape() -> None:
    from ia_metiers.output.export import markdown_escape

    assert markdown_escape("a|b *c* _d_ `e` <f> [g](h) #i") == "a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<f\\> \\[g\\](h) #i"
    assert markdown_escape("# title") == "\\# title" and markdown_escape("- item") == "\\- item"
    assert markdown_escape("1. item") == "1\\. item"
    assert markdown_escape("two\nlines") == "two<br>lines"


def test_svg_export(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "m.svg"
    assert cli("match", "-s", "python,sql", "--export", str(target)).code == 0
    assert target.read_text(encoding="utf-8").lstrip().startswith("<svg")


def test_salaries_without_roles_is_one_line_a_role(cli: Any, catalog: Any) -> None:
    out = cli("salaries", env={"COLUMNS": "120"}).out.replace(NB, " ")
    lines = out.splitlines()
    assert lines[0].split()[:4] == ["Métier", "junior", "confirmé", "senior"] and lines[0].endswith("Source")
    row = next(ln for ln in lines if ln.startswith("Ingénieur IA (ai-engineer)"))
    assert re.search(r"45–58 k€ +58–78 k€ +78–100 k€ +░+█+ +\[(\d+)\]$", row)
    ref = re.search(r"\[(\d+)\]$", row).group(1)  # type: ignore[union-attr]
    assert f"[{ref}] realjoboffers-ia-ml-2026 (2026), métier" in lines
    cdo = next(ln for ln in lines if ln.startswith("Directeur des données"))
    assert re.search(r" — +80–110 k€ +110–130 k€ ", cdo)  # no junior post
    assert sum(1 for ln in lines if re.search(r"k€ .*\[\d+\]$", ln)) == len(catalog.roles)
    assert lines[-1].endswith("ia-metiers salaries MÉTIER...")

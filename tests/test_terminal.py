"""The terminal as a person meets it: help in one language that fits 80 columns, options where
the README says, empty listings that say so, plain CSV cells, the pager on a terminal only."""

from __future__ import annotations

import csv
import io
import os
import pty
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

COMMANDS = [[], ["match"], ["gap"], ["path"], ["skills", "resolve"], ["salaries"], ["trainings"], ["compare"]]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize("cmd", COMMANDS, ids=lambda c: " ".join(c) or "app")
def test_help_speaks_one_language_and_fits_80_columns(cli: Any, cmd: list[str], lang: str) -> None:
    out = cli(*cmd, "--help", env={"COLUMNS": "80", "IA_METIERS_LANG": lang}).out
    long = [line for line in out.splitlines() if len(line) > 80]
    assert not long, long
    assert not re.search(r"<(list\[|str>|int>)", out)  # no Python type names
    if lang == "fr":
        for english in ("env var", "Show completion", "Show this message", "default:", "Usage:", "Options:"):
            assert english not in out, english
    else:
        assert "Utilisation" not in out and "défaut" not in out


def test_french_help_translates_env_vars_and_completion(cli: Any) -> None:
    out = " ".join(cli("--help", env={"COLUMNS": "80"}).out.split())
    assert "[variable d'environnement : IA_METIERS_LANG]" in out
    assert "Afficher la complétion du shell courant, pour la copier ou adapter l'installation." in out


def test_global_options_after_the_command(cli: Any) -> None:
    from ia_metiers import __version__

    assert cli("match", "--version").out.strip() == f"ia-metiers {__version__}"
    assert cli("match", "-s", "python", "--no-color", "--lang", "en").out.startswith("Fit for AI roles")


def test_choices_whatever_their_case(cli: Any) -> None:
    assert (
        cli("trainings", "--type", "Bootcamp", "-f", "json").json() == cli("trainings", "--type", "bootcamp", "-f", "json").json()
    )
    assert cli("trainings", "--modality", "ONLINE", "-f", "json").code == 0
    assert cli("match", "-s", "python", "-l", "Senior", "-f", "json").json()["level"] == "senior"  # type: ignore[index]


def test_empty_listings_say_so_and_suggest_filters(cli: Any) -> None:
    res = cli("trainings", "--skill", "python", "--cpf", "--modality", "online")
    assert res.code == 0
    lines = res.out.replace("\u00a0", " ").splitlines()
    assert lines[0] == "Aucune formation ne correspond à ces filtres."
    assert re.fullmatch(r"  sans --cpf : \d+ formations", lines[2]), lines
    assert any(re.fullmatch(r"  sans --modality online : \d+ formations?", line) for line in lines)
    en = cli("trainings", "--skill", "python", "--cpf", "--modality", "online", "--lang", "en").out
    assert en.startswith("No training matches these filters.\nNearest filters that give results:\n  without --cpf:")
    assert cli("skills", "--category", "Cloud", "-f", "json").json()  # a category whatever its case
    assert cli("skills", "--category", "données", "-f", "json").json()  # or its French label
    empty = cli("skills", "--category", "astrologie").out
    assert empty.startswith("Aucune compétence dans cette catégorie.\nCatégories :\n  --category ai : 27 (IA)")


def test_enum_values_and_plurals_in_words(cli: Any) -> None:
    roles = cli("roles", env={"COLUMNS": "120"}).out
    assert "très forte" in roles and "very-high" not in roles
    assert "very high" in cli("roles", "--lang", "en", env={"COLUMNS": "120"}).out
    jobs = cli("jobs", env={"COLUMNS": "120"}).out
    assert " faible" in jobs and " low" not in jobs
    short = cli("path", "-s", "python, sql, statistiques, machine learning", "--to", "data-scientist", "-w", "80").out
    assert not re.search(r"\b1\s(semaines|weeks)\b", short.replace("\u00a0", " "))


def test_csv_cells_hold_plain_values(cli: Any) -> None:
    rows = list(csv.DictReader(io.StringIO(cli("jobs", "-f", "csv").out)))
    assert "pay" not in rows[0] and rows[0]["pay_min"].isdigit() and rows[0]["pay_currency"] == "EUR"
    path = list(csv.DictReader(io.StringIO(cli("path", "--from", "traducteur", "-f", "csv").out)))
    for row in path:
        assert not any(cell.lstrip("'").startswith(("{", "[")) for cell in row.values()), row
    titled = cli("path", "--from", "développeur web", "-s", "php,javascript", "--to", "ai-engineer", "-f", "csv").out
    assert next(csv.DictReader(io.StringIO(titled)))["funding_detail"].split(";")[0] == "cpf"


def test_csv_to_a_file_keeps_accents_for_a_spreadsheet(run: Any, tmp_path: Path) -> None:
    target = tmp_path / "roles.csv"
    proc = run(shell=f"{sys.executable} -m ia_metiers roles -f csv > {target}")
    assert proc.returncode == 0
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,name,") and "Ingénieur".encode() in data
    piped = run("roles", "-f", "csv").stdout
    assert piped.startswith(b"id,name,")  # a pipe gets no byte-order mark


def _on_a_terminal(args: list[str], env: dict[str, str], rows: int = 24) -> bytes:
    """Run the CLI with standard output on a pseudo-terminal of ``rows`` lines; what it wrote."""
    import fcntl
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, 80, 0, 0))
    proc = subprocess.Popen(
        [sys.executable, "-m", "ia_metiers", *args], stdout=child, stderr=subprocess.PIPE, env={**os.environ, **env}
    )
    os.close(child)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(main)
    return b"".join(chunks)


def test_a_long_view_goes_through_the_pager_on_a_terminal_only(tmp_path: Path, run: Any) -> None:
    paged = tmp_path / "paged.txt"
    pager = f"{sys.executable} -c \"import sys; open({str(paged)!r}, 'w').write(sys.stdin.read())\""
    _on_a_terminal(["salaries"], {"PAGER": pager, "NO_COLOR": "1"})
    assert paged.exists() and "Ingénieur machine learning" in paged.read_text(encoding="utf-8")
    paged.unlink()
    short = _on_a_terminal(["roles", "--format", "json"], {"PAGER": pager})
    assert not paged.exists() and b"ml-engineer" in short  # machine formats are never paged
    quiet = _on_a_terminal(["salaries"], {"PAGER": "cat", "NO_COLOR": "1"})
    assert b"Ing\xc3\xa9nieur machine learning" in quiet
    piped = run("salaries", env={"PAGER": pager})
    assert piped.returncode == 0 and not paged.exists()  # never when piped


def test_links_are_terminal_hyperlinks_with_colour(run: Any) -> None:
    out = run("path", "--from", "traducteur", "--to", "prompt-engineer", env={"FORCE_COLOR": "1", "COLUMNS": "80"}).stdout
    assert b"\x1b]8;" in out and b"https://www.service-public.fr/particuliers/vosdroits/F14102" in out
    plain = run("path", "--from", "traducteur", "--to", "prompt-engineer", env={"COLUMNS": "80"}).stdout.decode()
    assert "\x1b" not in plain
    assert "   https://travail-emploi.gouv.fr/le-conseil-en-evolution-professionnelle-cep\n" in plain  # whole, on its line


def test_no_line_ends_with_a_blank_when_piped(run: Any) -> None:
    for args in (["match", "-s", "python,sql"], ["salaries"], ["trainings"], ["path", "--from", "traducteur"]):
        out = run(*args, env={"COLUMNS": "80"}).stdout.decode()
        assert not [line for line in out.splitlines() if line.endswith(" ")], args


def test_system_messages_follow_the_language(run: Any) -> None:
    full = run(shell=f"{sys.executable} -m ia_metiers roles --lang en > /dev/full")
    assert full.returncode == 74 and full.stderr.decode().strip() == "ia-metiers: No space left on device"
    french = run(shell=f"{sys.executable} -m ia_metiers roles > /dev/full")
    assert french.stderr.decode().strip() == "ia-metiers: plus de place sur le périphérique"
    closed = run(shell=f"{sys.executable} -m ia_metiers roles --lang en >&-")
    assert closed.returncode == 74 and closed.stderr.decode().strip() == "ia-metiers: standard output is closed"

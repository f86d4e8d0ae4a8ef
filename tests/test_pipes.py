"""The real entry point in a subprocess: pipes, colour, standard input, exit codes, batch."""

from __future__ import annotations

import json
import shlex
import sys

import pytest

CLI = f"{shlex.quote(sys.executable)} -m ia_metiers"


def test_closed_pipe_ends_quietly(run) -> None:
    lines = b"python, sql, docker, k8s, pandas\n" * 3000
    proc = run(shell=f"bash -c '{CLI} match --batch - | head -c 100 > /dev/null; echo ${{PIPESTATUS[0]}}'", input=lines)
    assert proc.stdout.strip() == b"0"
    assert b"BrokenPipe" not in proc.stderr and b"Exception ignored" not in proc.stderr
    proc = run(shell=f"bash -c '{CLI} skills --format csv | head -n 1'")
    assert proc.stdout.startswith(b"id,")
    assert proc.stderr == b""


def test_no_colour_off_a_terminal_or_with_no_color(run) -> None:
    plain = run("match", "-s", "python,sql")
    assert plain.returncode == 0
    assert b"\x1b[" not in plain.stdout
    forced = run("match", "-s", "python,sql", env={"FORCE_COLOR": "1"})
    assert b"\x1b[" in forced.stdout
    for env, args in (({"FORCE_COLOR": "1", "NO_COLOR": "1"}, []), ({"FORCE_COLOR": "1"}, ["--no-color"])):
        proc = run(*args, "match", "-s", "python,sql", env=env)
        assert b"\x1b[" not in proc.stdout


def test_skills_from_stdin(run) -> None:
    proc = run("match", "-s", "-", "--format", "json", input=b"python\nsql\n")
    assert proc.returncode == 0
    assert [s["skill"] for s in json.loads(proc.stdout)["skills"]] == ["python", "sql"]


def test_undecodable_stdin_is_a_clear_error(run) -> None:
    proc = run("match", "-s", "-", input=b"\xff\xfe\x00python")
    assert proc.returncode == 2
    assert b"UTF-8" in proc.stderr
    assert b"Traceback" not in proc.stderr


def test_hostile_strings(run) -> None:
    long = "a" * 10_000
    control = "py\x01th\x1bon\x07"
    many = ",".join(f"skill{i}" for i in range(3000)) + ",python"
    for value in (long, control, many, "\u202e\u200bsql", "🤖, python"):
        proc = run("match", "-s", value, "--format", "json")
        assert proc.returncode in (0, 2), proc.stderr
        assert b"Traceback" not in proc.stderr
        if proc.returncode == 0:
            json.loads(proc.stdout)
    proc = run("skills", "resolve", "--format", "json", "--", long, control)
    assert proc.returncode == 0
    rows = json.loads(proc.stdout)
    assert rows[0]["skill"] is None
    assert not any(ord(ch) < 32 for ch in rows[1]["input"])
    assert b"\x1b" not in proc.stdout
    nul = run("match", "-s", "-", "--format", "json", input=b"python\x00, sql\n")
    assert nul.returncode == 0 and b"Traceback" not in nul.stderr


def test_exit_codes(run, tmp_path) -> None:
    assert run("match", "-s", "python").returncode == 0
    assert run("match").returncode == 2
    assert run("gap", "astronaute", "-s", "python").returncode == 2
    assert run("--format", "json").returncode == 2
    (tmp_path / "roles.yaml").write_text("roles: [\n", encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "match", "-s", "python")
    assert proc.returncode == 1
    assert b"roles.yaml:" in proc.stderr
    assert b"Traceback" not in proc.stderr
    assert proc.stdout == b""


def test_global_options_after_the_command(run) -> None:
    proc = run("match", "-s", "python", "--lang", "en", "--format", "json")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["roles"][0]["name"].isascii()


def test_batch_ndjson(run) -> None:
    lines = [
        b'{"id": "ada", "skills": ["python", "pandas", "scikit-learn", "statistiques"]}',
        b"SQL, Power BI, Excel, dataviz",
        b"",
        b'{"id": "bad", "skills": "\xc3\xa9quitation"}',
        b"{not json",
        b"\xff\xfe",
        b'{"skills": ["MLOps", "Docker", "Kubernetes"]}',
    ]
    proc = run("match", "--batch", "-", "--top", "2", input=b"\n".join(lines) + b"\n")
    assert proc.returncode == 2  # some lines failed
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [o["id"] for o in out] == ["ada", 2, "bad", 5, 6, 7]
    assert len(out[0]["roles"]) == 2 and "error" not in out[0]
    assert out[1]["roles"][0]["role"] == "data-analyst"
    assert all("error" in o for o in out[2:5])
    assert out[5]["roles"][0]["role"] == "mlops-engineer"
    ok = run("match", "--batch", "-", input=b"python, sql\n")
    assert ok.returncode == 0


def test_from_file(run, tmp_path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text("# CV\n\nData engineer : Python, Apache Airflow, dbt et SQL ; Go-to-market. Notions de R.\n", encoding="utf-8")
    proc = run("match", "--from-file", str(cv), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    found = {s["skill"] for s in doc["evidence"]}
    assert {"python", "airflow", "dbt", "sql", "r"} <= found
    assert "go" not in found
    assert doc["roles"][0]["role"] == "data-engineer"


def test_single_command_app_behaves_like_the_full_app(run, cli) -> None:
    from ia_metiers.cli.app import app, app_for

    assert app_for(["--lang", "en", "match", "-s", "x"]) is not app
    assert app_for(["skills", "resolve", "x"]) is app
    assert app_for(["--help"]) is app
    full = cli("--lang", "en", "gap", "ml-engineer", "-s", "python", "-f", "json")
    proc = run("gap", "ml-engineer", "-s", "python", "-f", "json", "--lang", "en")
    assert json.loads(proc.stdout) == full.json()
    helped = run("match", "--help", env={"COLUMNS": "100"})
    assert b"--skills" in helped.stdout and b"--batch" in helped.stdout


def test_shell_completion(run) -> None:
    proc = subprocess_complete(run, "ia-metiers ma", 1)
    assert set(proc.split()) >= {"match", "market"}
    assert "ml-engineer" in subprocess_complete(run, "ia-metiers gap ml", 2).split()
    assert "translator" in subprocess_complete(run, "ia-metiers path --from tra", 3).split()
    # name the shell instead of detecting it from the process tree (which differs under CI runners)
    script = run("--show-completion", "bash", env={"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"})
    assert b"_ia_metiers_completion" in script.stdout


def subprocess_complete(run, words: str, cword: int) -> str:
    import os
    import subprocess

    script = os.path.join(os.path.dirname(sys.executable), "ia-metiers")
    env = {**os.environ, "_IA_METIERS_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword)}
    return subprocess.run([script], env=env, capture_output=True, text=True, timeout=60, check=False).stdout


@pytest.mark.parametrize(
    "args",
    [
        ["match", "-s", "python,sql,aws"],
        ["path", "--from", "traducteur"],
        ["roles"],
        ["skills"],
        ["jobs"],
        ["salaries"],
        ["gap", "ml-engineer", "-s", "python"],
        ["skills", "resolve", "pyhton", "azure ml"],
        ["trainings"],
        ["sources"],
        ["compare", "ml-engineer", "data-scientist"],
        ["market"],
        ["sectors"],
        ["role", "ml-engineer"],
        ["compare", "ml-engineer", "data-scientist", "ai-engineer"],
    ],
)
def test_readable_at_60_columns(run, args: list[str]) -> None:
    proc = run(*args, env={"COLUMNS": "60"})
    assert proc.returncode == 0
    text = proc.stdout.decode()
    # a line may pass 60 columns only to hold one address that cannot be cut
    assert all(len(line) <= 60 or (line.split() == [line.strip()] and "://" in line) for line in text.splitlines())
    doc = json.loads(run(*args, "--format", "json").stdout)
    rows = doc.get("roles") or doc.get("paths") or [] if isinstance(doc, dict) else doc
    ids = [r.get("id") or r.get("role") for r in rows if isinstance(r, dict) and (r.get("id") or r.get("role"))]
    if args[0] in ("roles", "skills", "jobs", "match", "path") and args[:2] != ["skills", "resolve"]:
        assert ids
        for ident in ids:  # every id shown whole, never split across lines
            assert ident in text, ident

"""Hostile input and faults, through a real subprocess: every case finishes in seconds, answers
cleanly or refuses in one line with the documented exit code, never 70."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest


def test_alias_bomb_is_refused_fast(run, tmp_path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    (tmp_path / "skills.yaml").write_text("\n".join([*lines, "skills: []"]) + "\n", encoding="utf-8")
    start = time.monotonic()
    proc = run("--data-dir", str(tmp_path), "validate")
    assert time.monotonic() - start < 10
    assert proc.returncode == 1 and b"aliases" in proc.stdout


def test_deep_nesting_is_refused(run, tmp_path) -> None:
    (tmp_path / "skills.yaml").write_text("skills:\n  - " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1 and b"nesting" in proc.stdout


def test_nan_weight_is_refused(run, tmp_path) -> None:
    (tmp_path / "roles.yaml").write_text(
        "roles:\n  - id: data-analyst\n    name: {fr: x, en: x}\n    summary: {fr: x, en: x}\n"
        "    required: [{skill: python, weight: .nan}]\n"
        "    salaries: [{region: fr, level: junior, min: 1, max: 2, currency: EUR, basis: role, source: seed-001, year: 2024}]\n",
        encoding="utf-8",
    )
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1
    assert f"{tmp_path}/roles.yaml:5: role 'data-analyst': weight must be a finite number, got nan".encode() in proc.stdout


def test_misnamed_overlay_files_are_reported(run, tmp_path) -> None:
    (tmp_path / "Skills.yml").write_text("skills: []\n", encoding="utf-8")
    (tmp_path / "roles.yaml").mkdir()
    (tmp_path / "jobs.yaml").symlink_to(tmp_path / "missing")
    (tmp_path / "market.yaml").symlink_to("/etc/hostname")
    proc = run("--data-dir", str(tmp_path), "validate")
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert f"{tmp_path}/Skills.yml:0: not read: name it skills.yaml" in out
    assert f"{tmp_path}/roles.yaml:0: not a regular file: not read" in out
    assert f"{tmp_path}/jobs.yaml:0: dangling link: not read" in out
    assert f"{tmp_path}/market.yaml:0: links outside the data folder: not read" in out


def test_replace_must_be_a_boolean(run, tmp_path) -> None:
    (tmp_path / "sectors.yaml").write_text("replace: 'yes'\nsectors: []\n", encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1 and b"sectors.yaml:1: replace must be true or false" in proc.stdout


def test_every_batch_line_is_answered(run) -> None:
    lines = [
        '{"id": "ok", "skills": ["python", "sql"]}',
        '{"id": NaN, "skills": ["python"]}',
        '{"id": ' + "9" * 5000 + ', "skills": ["python"]}',
        '{"id": "deep", "skills": ' + "[" * 5000 + "]" * 5000 + "}",
        '{"id": 123456789012345678901234, "skills": ["python"]}',
        "python, docker\r",
        "x" * 500_000,
        '{"id": "last", "skills": "sql"}',
    ]
    proc = run("match", "--batch", "-", "--top", "1", input=("\n".join(lines) + "\n").encode())
    assert proc.returncode == 2
    answers = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [a["id"] for a in answers] == ["ok", 2, 3, 4, 5, 6, 7, "last"]
    assert [("error" in a) for a in answers] == [False, True, True, True, True, False, True, False]
    assert answers[5]["roles"]


def test_batch_refuses_options_it_cannot_honour(run) -> None:
    for extra in (["-s", "python"], ["-f", "csv"], ["--export", "x.html"]):
        proc = run("match", "--batch", "-", *extra, input=b"python\n")
        assert proc.returncode == 2 and b"--batch" in proc.stderr and b"Traceback" not in proc.stderr


def test_oversized_stdin_is_refused(run) -> None:
    proc = run("match", "--from-file", "-", input=b"python " * 3_000_000)
    assert proc.returncode == 2 and b"20 Mo" in proc.stderr


def test_a_cache_written_by_someone_else_is_never_unpickled(run, tmp_path) -> None:
    cache = tmp_path / "cache"
    env = {"IA_METIERS_CACHE_DIR": str(cache)}
    assert run("roles", "-f", "json", env=env).returncode == 0
    files = list(cache.glob("catalog-*.pickle"))
    assert len(files) == 1
    marker = tmp_path / "pwned"
    import pickle

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, (f"touch {marker}",))

    files[0].write_bytes(pickle.dumps(("key", Evil())))
    os.chmod(files[0], 0o666)  # writable by others: not trusted
    assert run("roles", "-f", "json", env=env).returncode == 0
    assert not marker.exists()


@pytest.mark.parametrize("text", ["\x1b[31mrouge", "data\x1b]0;titre\x07"])
def test_escapes_are_not_echoed(run, text: str) -> None:
    proc = run("gap", text, "-s", "python")
    assert proc.returncode == 2 and b"\x1b" not in proc.stderr


def test_batch_in_process(cli) -> None:
    """The same batch answers through CliRunner (line by line, in order)."""
    lines = '{"id": "a", "skills": ["python", "sql:3"]}\n\n{"id": true}\n[1]\n{"skills": 3}\nnot json {\n\xff\nr, sas\n'
    res = cli("match", "--batch", "-", "--top", "2", input=lines.encode("utf-8", "surrogateescape"))
    answers = [json.loads(line) for line in res.out.splitlines()]
    assert res.code == 2
    assert [a["id"] for a in answers] == ["a", 3, 4, 5, 6, 7, 8]
    assert [("error" in a) for a in answers] == [False, True, True, True, True, True, False]


def test_batch_from_a_file(cli, tmp_path) -> None:
    f = tmp_path / "cohort.ndjson"
    f.write_text('{"id": 1, "skills": "python, pandas"}\n{"id": 2, "skills": ["zzzz"]}\n', encoding="utf-8")
    res = cli("match", "--batch", str(f), "--top", "1")
    answers = [json.loads(line) for line in res.out.splitlines()]
    assert answers[0]["roles"][0]["role"] and answers[1] == {"id": 2, "error": "no skill recognised"}
    assert cli("match", "--batch", str(tmp_path / "missing.ndjson")).code == 2


def test_system_faults_are_one_line_and_exit_74(run) -> None:
    closed = run(shell=f"{sys.executable} -m ia_metiers roles >&-")
    assert closed.returncode == 74 and closed.stderr.decode().strip() == "ia-metiers: standard output is closed"
    full = run(shell=f"{sys.executable} -m ia_metiers roles > /dev/full")
    assert full.returncode == 74 and b"No space left on device" in full.stderr and b"Traceback" not in full.stderr


def test_no_home_runs_without_a_cache(run) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "XDG_CACHE_HOME", "IA_METIERS_CACHE_DIR")}
    proc = subprocess.run(
        [sys.executable, "-m", "ia_metiers", "roles", "-f", "json"], env=env, capture_output=True, timeout=60, check=False
    )
    assert proc.returncode == 0 and json.loads(proc.stdout)


def test_csv_quotes_semicolons_and_exports_are_atomic(cli, tmp_path) -> None:
    out = cli("roles", "-f", "csv").out.splitlines()
    assert ',"ingénieur machine learning;' in out[1]
    target = tmp_path / "plan.md"
    assert cli("match", "-s", "python", "--export", str(target)).code == 0
    assert target.read_text(encoding="utf-8").startswith("# ia-metiers match")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]  # no temporary file left

"""Hostile input and faults, through a real subprocess: every case finishes in seconds, answers
cleanly or refuses in one line with the documented exit code, never 70."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest


def test_alias_bomb_is_refused_fast(run, tmp_path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    (tmp_path / "skills.yaml").write_text("\n".join([*lines, "skills: []"]) + "\n", encoding="utf-8")
    # No timed assertion: the fixture's 60 s timeout guards a blow-up; benchmarks/bombs.py times it.
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1 and b"aliases" in proc.stdout


def test_deep_nesting_is_refused(run, tmp_path) -> None:
    (tmp_path / "skills.yaml").write_text("skills:\n  - " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1 and b"nesting" in proc.stdout


def test_a_5000_digit_number_is_refused_with_its_line(run, tmp_path) -> None:
    """Python will not read an integer of more than 4,300 digits (it raised: exit 70)."""
    (tmp_path / "skills.yaml").write_text(
        "skills:\n  - id: big\n    name: {fr: B, en: B}\n    category: data\n    broader: [python]\n"
        "    effort_hours: " + "9" * 5000 + "\n",
        encoding="utf-8",
    )
    proc = run("--data-dir", str(tmp_path), "roles")
    assert proc.returncode == 1
    assert proc.stderr.decode() == (
        f"ia-metiers: catalogue invalide: {tmp_path}/skills.yaml:6: YAML error: integer longer than 50 characters\n"
    )


def _chain(n: int, cycle: bool = False) -> str:
    """n skills, each the prerequisite of the one before it (c0000 needs c0001...)."""
    lines = ["skills:"]
    for i in range(n):
        pre = f"[c{i + 1:04d}]" if i < n - 1 else ("[c0000]" if cycle else "[]")
        lines.append(
            f"  - {{id: c{i:04d}, name: {{fr: Chaîne {i}, en: Chain {i}}}, category: data, broader: [python],"
            f" prerequisites: {pre}}}"
        )
    return "\n".join(lines) + "\n"


def test_a_1000_skill_prerequisite_chain_is_refused(run, tmp_path) -> None:
    """The cycle search used to recurse once per level: RecursionError, exit 70."""
    (tmp_path / "skills.yaml").write_text(_chain(1000), encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1
    assert proc.stdout.decode() == (
        f"{tmp_path}/skills.yaml:2: prerequisites chain of 999 levels (at most 50): c0000 -> c0001 -> c0002 -> … -> c0999\n"
    )
    (tmp_path / "skills.yaml").write_text(_chain(1000, cycle=True), encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1 and proc.stdout.decode().startswith(
        f"{tmp_path}/skills.yaml:2: prerequisites cycle: c0000 -> c0001"
    )


def test_chains_of_50_levels_are_allowed(cli, data_dir) -> None:
    assert cli("--data-dir", str(data_dir({"skills.yaml": _chain(51)})), "validate").code == 0
    res = cli("--data-dir", str(data_dir({"skills.yaml": _chain(52)})), "validate")
    assert res.code == 1 and "prerequisites chain of 51 levels (at most 50)" in res.out


def test_graph_walks_need_no_recursion() -> None:
    from ia_metiers.core.graph import find_cycle as _find_cycle
    from ia_metiers.core.graph import longest_chain as _longest_chain

    deep = {f"n{i:05d}": [f"n{i + 1:05d}"] for i in range(20_000)} | {"n20000": []}
    assert _find_cycle(deep) is None and len(_longest_chain(deep)) == 20_001
    assert _find_cycle({**deep, "n20000": ["n00000"]}) == [*deep, "n00000"]
    assert _find_cycle({"a": ["b"], "b": ["c"], "c": ["b"]}) == ["b", "c", "b"]
    assert _longest_chain({"a": ["b", "c"], "b": [], "c": ["d"], "d": []}) == ["a", "c", "d"]
    assert _longest_chain({}) == [] and _longest_chain({"x": []}) == ["x"]


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


TERMINAL_BYTES = (b"\x1b", b"\x07", b"\xc2\x9b", "\u202e".encode(), "\u2066".encode())


def test_control_characters_in_catalogue_text_are_refused_each_with_its_line(run, tmp_path) -> None:
    """Escape sequences, C0/C1 controls and bidi overrides in any catalogue string are refused,
    every one in one pass; the messages show them as escapes; no command shows anything."""
    (tmp_path / "skills.yaml").write_text(
        "skills:\n"
        "  - id: evil-skill\n"
        '    name: {fr: "\\e[31mRouge", en: "Red\\u202e"}\n'
        "    category: data\n"
        '    aliases: [ok, "\\e]0;title\\a", "x\\x9b2J"]\n'
        "    broader: [python]\n"
        '    "\\e[2J": 1\n',
        encoding="utf-8",
    )
    (tmp_path / "sources.yaml").write_text(
        "sources:\n  - id: evil-src\n    title: ok\n"
        '    publisher: "Pub\\u2066lisher"\n    year: 2024\n    kind: article\n    url: "https://x.example/\\e[5m"\n',
        encoding="utf-8",
    )
    (tmp_path / "roles.yaml").write_text(
        "roles:\n  - id: data-analyst\n    name: {fr: x, en: x}\n"
        '    summary: {fr: "line one\\nline two\\twith a tab", en: "a \\a bell"}\n'
        '    missions: {fr: [a, "b\\e[0m"], en: [c]}\n    required: [python]\n'
        "    salaries: [{region: fr, level: junior, min: 1, max: 2, currency: EUR, basis: role, source: seed-001, year: 2024}]\n"
        '  - id: ml-engineer\n    name:\n      fr: Ingénieur ML\n      en: "ML\\tengineer"\n'
        "    summary: {fr: x, en: x}\n    required: [python]\n"
        "    salaries: [{region: fr, level: junior, min: 1, max: 2, currency: EUR, basis: role, source: seed-001, year: 2024}]\n",
        encoding="utf-8",
    )
    proc = run("--data-dir", str(tmp_path), "validate")
    d = str(tmp_path)
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines() == [
        f"{d}/roles.yaml:4: role 'data-analyst': summary.en contains control character U+0007: 'a \\x07 bell'",
        f"{d}/roles.yaml:5: role 'data-analyst': missions.fr contains control character U+001B: 'b\\x1b[0m'",
        f"{d}/roles.yaml:11: role 'ml-engineer': name.en contains control character U+0009: 'ML\\tengineer'",
        f"{d}/skills.yaml:3: skill 'evil-skill': name.en contains control character U+202E: 'Red\\u202e'",
        f"{d}/skills.yaml:3: skill 'evil-skill': name.fr contains control character U+001B: '\\x1b[31mRouge'",
        f"{d}/skills.yaml:5: skill 'evil-skill': aliases contains control character U+009B: 'x\\x9b2J'",
        f"{d}/skills.yaml:5: skill 'evil-skill': aliases contains control characters U+001B, U+0007: '\\x1b]0;title\\x07'",
        f"{d}/skills.yaml:7: skill 'evil-skill': unknown field '\\x1b[2J'",
        f"{d}/sources.yaml:4: source 'evil-src': publisher contains control character U+2066: 'Pub\\u2066lisher'",
        f"{d}/sources.yaml:7: source 'evil-src': url contains control character U+001B: 'https://x.example/\\x1b[5m'",
    ]
    for args in (["validate", "-f", "json"], ["roles"], ["skills"], ["sources"], ["match", "-s", "python"]):
        proc = run("--data-dir", str(tmp_path), *args)
        assert proc.returncode == 1, args
        assert not [b for b in TERMINAL_BYTES if b in proc.stdout + proc.stderr], args


def test_raw_control_characters_in_a_file_are_named_line_by_line(run, tmp_path) -> None:
    (tmp_path / "sectors.yaml").write_text("sectors:\n  - id: x\x1b[2J\n    # \x07\x9b\n  - id: y\n", encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1
    assert proc.stdout.decode().splitlines() == [
        f"{tmp_path}/sectors.yaml:2: control character U+001B: not allowed in a catalogue file",
        f"{tmp_path}/sectors.yaml:3: control characters U+0007, U+009B: not allowed in a catalogue file",
    ]


def test_controls_are_found_and_shown_as_escapes() -> None:
    from ia_metiers.catalog.yamlload import load_yaml
    from ia_metiers.core.text import controls, visible
    from ia_metiers.errors import Problem

    assert controls("a\x1b[1m\x1b\u202e\u2069\x7f\x85\n\t", "\n\t") == ["\x1b", "\u202e", "\u2069", "\x7f", "\x85"]
    assert controls("Ingénieur · IA — « ok » \u200b") == []
    assert visible("\x1b[31m\u202a\n\t\r\x00") == "\\x1b[31m\\u202a\\n\\t\\r\\x00"
    assert str(Problem("d\x1b/f.yaml", 2, "key '\x1b]0;x\x07'")) == "d\\x1b/f.yaml:2: key '\\x1b]0;x\\x07'"
    many = load_yaml("a: 1\n" + "# \x01\n" * 150, "f.yaml")[1]
    assert len(many) == 101 and str(many[-1]) == "f.yaml:151: control characters on 50 more lines"
    assert [str(p) for p in load_yaml("a: \ufffe\n", "f.yaml")[1]] == ["f.yaml:1: YAML error: character U+FFFE is not allowed"]


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
    assert closed.returncode == 74 and closed.stderr.decode().strip() == "ia-metiers: la sortie standard est fermée"
    full = run(shell=f"{sys.executable} -m ia_metiers roles > /dev/full")
    assert (
        full.returncode == 74 and "plus de place sur le périphérique".encode() in full.stderr and b"Traceback" not in full.stderr
    )


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
    assert target.read_text(encoding="utf-8").startswith("# Quels métiers de l'IA pour vos compétences ?")
    assert [p.name for p in tmp_path.iterdir()] == ["plan.md"]  # no temporary file left


def test_a_long_text_is_quoted_around_its_first_control_character() -> None:
    from ia_metiers.catalog.convert import _excerpt

    text = "a" * 100 + "\x1b[31m" + "b" * 100
    assert _excerpt(text, "\x1b") == "…" + "a" * 30 + "\x1b[31m" + "b" * 25 + "…"
    assert _excerpt("short \x1b", "\x1b") == "short \x1b"


# ---------------------------------------------------------------- data folders that cannot be read
# Tests run as root, which permission bits do not stop: the faults are simulated in process (the
# same code paths as a real EACCES), and shown for real in a subprocess in a user namespace, where
# root's override does not apply (or directly, for a user who is not root).


def _refuse(monkeypatch, module, name: str, target: str) -> None:
    """Make ``module.name`` fail with EACCES for ``target`` only."""
    real = getattr(module, name)

    def fake(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(path) == target:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), target)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(module, name, fake)


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        ("missing", "no such folder"),
        ("a file", "not a folder"),
        ("not readable", "cannot list the folder: Permission denied"),
        ("not searchable", "cannot open the files of the folder: Permission denied"),
        ("unreachable", "cannot be reached: Permission denied"),
    ],
)
def test_a_data_folder_that_cannot_be_read_is_one_line_and_exit_1(cli, tmp_path, monkeypatch, fault: str, message: str) -> None:
    folder = tmp_path / "overlay"
    if fault == "a file":
        folder.write_text("skills: []\n", encoding="utf-8")
    elif fault != "missing":
        folder.mkdir()
        (folder / "sectors.yaml").write_text("sectors: []\n", encoding="utf-8")
    if fault == "not readable":
        _refuse(monkeypatch, os, "scandir", str(folder))
    elif fault == "not searchable":
        _refuse(monkeypatch, os, "stat", os.path.join(folder, "."))
    elif fault == "unreachable":
        _refuse(monkeypatch, os, "stat", str(folder))
    for args in (["roles"], ["match", "-s", "python"], ["path", "--from", "traducteur"]):
        res = cli("--data-dir", str(folder), *args)
        assert (res.code, res.out) == (1, ""), args
        assert res.err == f"ia-metiers: catalogue invalide: {folder}:0: {message}\n", args
    res = cli("--data-dir", str(folder), "validate")
    assert (res.code, res.out) == (1, f"{folder}:0: {message}\n")
    assert cli("roles", env={"IA_METIERS_DATA": str(folder)}).code == 1


def test_an_unreadable_overlay_file_is_refused_even_after_a_cached_run(cli, data_dir, monkeypatch) -> None:
    """A file that appears unreadable beside files whose catalogue is cached is never skipped."""
    figure = "figures:\n  - {id: only-one, label: {fr: Un, en: One}, value: 1, unit: jobs, year: 2024, source: seed-001}\n"
    folder = data_dir({"market.yaml": figure})
    assert cli("--data-dir", str(folder), "roles", "-f", "json").code == 0  # cached
    (folder / "sectors.yaml").write_text("sectors: []\n", encoding="utf-8")
    target = str(folder / "sectors.yaml")
    _refuse(monkeypatch, Path, "open", target)
    _refuse(monkeypatch, Path, "read_bytes", target)
    res = cli("--data-dir", str(folder), "roles")
    assert (res.code, res.out) == (1, "")
    assert res.err == f"ia-metiers: catalogue invalide: {target}:0: cannot read: Permission denied\n"


def test_a_misnamed_file_added_after_a_cached_run_is_reported(cli, data_dir) -> None:
    folder = data_dir({"sectors.yaml": "sectors: []\n"})
    assert cli("--data-dir", str(folder), "roles", "-f", "json").code == 0  # cached
    (folder / "Skills.yml").write_text("skills: []\n", encoding="utf-8")
    res = cli("--data-dir", str(folder), "roles")
    assert res.code == 1 and res.err == f"ia-metiers: catalogue invalide: {folder}/Skills.yml:0: not read: name it skills.yaml\n"


def test_a_huge_overlay_file_is_refused_without_being_read(run, tmp_path) -> None:
    """A 1.5 GB (sparse) file under a 1 GiB memory cap: reading it whole raised MemoryError (exit 70)."""
    import resource

    with (tmp_path / "skills.yaml").open("wb") as fh:
        fh.truncate(1_500_000_000)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    for args in (["validate"], ["roles"]):
        proc = subprocess.run(
            [sys.executable, "-m", "ia_metiers", "--data-dir", str(tmp_path), *args],
            capture_output=True,
            timeout=60,
            check=False,
            preexec_fn=cap,
        )
        assert proc.returncode == 1, proc.stderr
        assert f"{tmp_path}/skills.yaml:0: file larger than 10 MB\n".encode() in proc.stdout + proc.stderr


def test_the_loader_and_the_parser_agree_on_the_largest_file() -> None:
    from ia_metiers.catalog import loader, yamlload

    assert loader.MAX_FILE_BYTES == yamlload.MAX_BYTES


def test_a_fifo_named_as_a_catalogue_file_is_never_opened(run, tmp_path) -> None:
    os.mkfifo(tmp_path / "roles.yaml")  # opening it would wait for a writer for ever
    proc = run("--data-dir", str(tmp_path), "roles")
    assert proc.returncode == 1
    assert proc.stderr.decode() == f"ia-metiers: catalogue invalide: {tmp_path}/roles.yaml:0: not a regular file: not read\n"


def _without_root_override() -> list[str] | None:
    """A command prefix under which permission bits apply, or None: nothing for a user who is not
    root; for root, a new user namespace (``unshare -U``: still the files' owner, without the
    override of root), provided it really refuses an unreadable file."""
    if os.geteuid() != 0:
        return []
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    probe = tempfile.mkdtemp()
    try:
        secret = Path(probe) / "secret"
        secret.write_text("x", encoding="utf-8")
        secret.chmod(0)
        proc = subprocess.run([unshare, "-U", "cat", str(secret)], capture_output=True, timeout=30, check=False)
        return [unshare, "-U"] if proc.returncode != 0 and b"ermission denied" in proc.stderr else None
    except OSError:
        return None
    finally:
        shutil.rmtree(probe, ignore_errors=True)


def test_real_permission_faults_in_a_subprocess(tmp_path) -> None:
    prefix = _without_root_override()
    if prefix is None:
        pytest.skip("no way here to run without root's permission override (unshare -U)")
    cases = {}
    for mode, message in ((0o600, "cannot open the files of the folder"), (0o644, "cannot open the files of the folder")):
        folder = tmp_path / f"dir-{mode:o}"
        folder.mkdir()
        (folder / "sectors.yaml").write_text("sectors: []\n", encoding="utf-8")
        folder.chmod(mode)
        cases[folder] = message
    unlistable = tmp_path / "dir-300"
    unlistable.mkdir(mode=0o300)
    cases[unlistable] = "cannot list the folder"
    overlay = tmp_path / "overlay"
    overlay.mkdir()
    (overlay / "sectors.yaml").write_text("sectors: []\n", encoding="utf-8")
    (overlay / "sectors.yaml").chmod(0)
    try:
        for folder, message in cases.items():
            for args in (["validate"], ["roles"]):
                proc = subprocess.run(
                    [*prefix, sys.executable, "-m", "ia_metiers", "--data-dir", str(folder), *args],
                    capture_output=True,
                    timeout=60,
                    check=False,
                    env={**os.environ, "IA_METIERS_NO_CACHE": "1"},
                )
                assert proc.returncode == 1, (folder, args, proc.stderr)
                text = (proc.stdout if args == ["validate"] else proc.stderr).decode()
                assert f"{folder}:0: {message}: Permission denied\n" in text, (folder, args, text)
                assert b"Traceback" not in proc.stderr
        proc = subprocess.run(
            [*prefix, sys.executable, "-m", "ia_metiers", "--data-dir", str(overlay), "roles"],
            capture_output=True,
            timeout=60,
            check=False,
            env={**os.environ, "IA_METIERS_NO_CACHE": "1"},
        )
        assert proc.returncode == 1
        assert (
            proc.stderr.decode() == f"ia-metiers: catalogue invalide: {overlay}/sectors.yaml:0: cannot read: Permission denied\n"
        )
    finally:
        for path in (*cases, overlay):
            path.chmod(0o755)


def test_a_file_that_is_not_utf8_is_named(cli, tmp_path) -> None:
    (tmp_path / "sectors.yaml").write_bytes(b"sectors: []\n# caf\xe9\n")
    res = cli("--data-dir", str(tmp_path), "validate")
    assert res.code == 1
    assert res.out == f"{tmp_path}/sectors.yaml:2: cannot read: not UTF-8 text (invalid continuation byte)\n"

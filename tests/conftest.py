"""Shared fixtures: a CliRunner bound to the app, a subprocess runner, catalogue builders."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ia_metiers.catalog.loader import bundled_data_dir, load
from ia_metiers.cli.app import app


@pytest.fixture(scope="session")
def _session_cache(tmp_path_factory: pytest.TempPathFactory) -> str:
    """One catalogue cache for the run (never the developer's): it is keyed by content."""
    return str(tmp_path_factory.mktemp("cache"))


TODAY = "2026-12-07"  # the date every answer is computed for in the tests (IA_METIERS_TODAY)


@pytest.fixture(scope="session")
def _empty_home(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A user data folder with nothing imported (never the developer's)."""
    return str(tmp_path_factory.mktemp("data-home"))


@pytest.fixture(autouse=True)
def _isolated(_session_cache: str, _empty_home: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A private catalogue cache, no imported data, a fixed date and a neutral environment for every test."""
    monkeypatch.setenv("IA_METIERS_CACHE_DIR", _session_cache)
    monkeypatch.setenv("IA_METIERS_DATA_HOME", _empty_home)
    monkeypatch.setenv("IA_METIERS_TODAY", TODAY)
    for var in ("IA_METIERS_DATA", "IA_METIERS_LANG", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(var, raising=False)


class Result:
    """What a CLI call gave: exit code, stdout, stderr."""

    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> object:
        return json.loads(self.out)


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Invoke the Typer app in-process (CliRunner)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None, env: dict[str, str] | None = None) -> Result:
        res = runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)
        return Result(res.exit_code, res.stdout, res.stderr)

    return invoke


@pytest.fixture
def run() -> Callable[..., subprocess.CompletedProcess[bytes]]:
    """Run the real console entry point in a subprocess (pipes, exit codes, colour, stdin)."""

    def call(
        *args: str, input: bytes | None = None, env: dict[str, str] | None = None, shell: str | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        full_env = {**os.environ, **(env or {})}
        if shell is not None:
            return subprocess.run(shell, shell=True, capture_output=True, input=input, env=full_env, timeout=60, check=False)
        cmd = [sys.executable, "-m", "ia_metiers", *args]
        return subprocess.run(cmd, capture_output=True, input=input, env=full_env, timeout=60, check=False)

    return call


@pytest.fixture(scope="session")
def catalog():
    return load()


@pytest.fixture
def data_dir(tmp_path: Path) -> Callable[[dict[str, str]], Path]:
    """A --data-dir holding the given files (name -> YAML text), overlaying the bundled one."""

    def make(files: dict[str, str]) -> Path:
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        return tmp_path

    return make


@pytest.fixture
def bundled() -> Path:
    return bundled_data_dir()

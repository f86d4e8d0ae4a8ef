"""Plain option values coerced without pydantic give exactly what Typer's own adapters give."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import pytest
import typer

from ia_metiers.cli import coercion, compat

_coercion = pytest.importorskip("typer._coercion", reason="this Typer has no pydantic adapters")


def _outcome(runtime: Any, value: Any, param: Any, ctx: Any) -> tuple[str, Any]:
    try:
        got = runtime.coerce(value, param=param, ctx=ctx)
    except Exception as exc:  # the error Typer reports
        return ("error", (type(exc).__name__, str(getattr(exc, "message", exc))))
    return ("value", (type(got).__name__, got if not isinstance(got, list | tuple) else [(type(x).__name__, x) for x in got]))


def _samples(annotation: Any, tmp: Path) -> list[Any]:
    if annotation is str:
        return ["python", "", "é, SQL", "a\udcff", " x "]
    if annotation is bool:
        return ["yes", "0", None]
    if annotation is int:
        return ["3", "007", "0", "-1", "+2", " 4", "abc", "1e3", "9" * 30, "١", 3, 0, True]
    if annotation is float:
        return ["10", "12.5", "0.5", "1", "100", "80.0001", "1e1", "abc", "nan", "½", 10, 12.5, 0, True]
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        names = [str(m.value) for m in annotation]
        return [*names, *(n.upper() for n in names), "nope", "", *annotation]
    if isinstance(annotation, type) and issubclass(annotation, Path):
        (tmp / "cv.txt").write_text("python", encoding="utf-8")
        return ["-", str(tmp / "cv.txt"), str(tmp), str(tmp / "missing.txt"), "", "a\udcff", Path(tmp / "cv.txt")]
    return []


def _params() -> list[tuple[str, Any, Any]]:
    from ia_metiers.cli.app import app

    group = typer.main.get_command(app)
    found = []
    for name, cmd in sorted(group.commands.items()):  # type: ignore[attr-defined]
        for param in cmd.params:
            if hasattr(param, "type_descriptor"):
                found.append((f"{name} {param.name}", cmd, param))
    return found


@pytest.mark.parametrize("label,cmd,param", _params(), ids=[p[0] for p in _params()])
def test_every_option_coerces_as_typer_does(label: str, cmd: Any, param: Any, tmp_path: Path) -> None:
    assert compat.coerce_plain_values(cmd.params)
    assert compat.coerce_plain_values(cmd.params)  # a second call changes nothing
    desc = param.type_descriptor
    inner = desc.annotation
    values = _samples(inner, tmp_path)
    if getattr(inner, "__origin__", None) is list:
        item = inner.__args__[0]
        values = [tuple(_samples(item, tmp_path)[:2]), (), tuple(_samples(item, tmp_path)[2:4])]
    ctx = typer.Context(cmd)
    ours = param.get_runtime_param()
    own = _coercion.build_runtime_param(desc)
    for value in values:
        assert _outcome(ours, value, param, ctx) == _outcome(own, value, param, ctx), (label, value)


def test_plain_kinds_cover_the_commands_options() -> None:
    """Every option of a command takes the plain road: a new kind of option is noticed here."""
    hooks = compat.typer_hooks()
    assert hooks is not None
    for label, _, param in _params():
        desc = param.type_descriptor
        assert coercion.kind_of(desc.annotation, desc.parameter_info, hooks.routes) is not None, label


def test_refused_values_keep_typers_words() -> None:
    from typer.testing import CliRunner

    from ia_metiers.cli.app import app

    result = CliRunner().invoke(app, ["--lang", "en", "match", "--skills", "python", "--top", "0"])
    assert result.exit_code == 2
    assert "Invalid value for '--top' / '-n': Input should be greater than or equal to 1" in result.output


_SPY = """
import sys
sys.argv = ["ia-metiers", *sys.argv[1:]]
from ia_metiers.cli.app import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("pydantic adapters imported: %s\\n" % ("typer._adapters" in sys.modules))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["match", "--skills", "python,sql", "--top", "2", "--format", "json"],
        ["gap", "data-analyst", "--skills", "python,sql", "--level", "senior"],
        ["path", "--from", "comptable", "--hours-per-week", "12.5"],
        ["roles"],
        ["salaries", "data-scientist", "--format", "csv"],
    ],
)
def test_commands_start_without_pydantic_adapters(args: list[str]) -> None:
    run = subprocess.run([sys.executable, "-c", _SPY, *args], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    assert run.stderr.endswith("pydantic adapters imported: False\n"), run.stderr

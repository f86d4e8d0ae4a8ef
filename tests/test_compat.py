"""Hooks into private names of dependencies: all in cli/compat.py, each checked here, so that a
release that removes one fails these tests loudly instead of slowing or changing the tool."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer

from ia_metiers.cli import compat

SRC = Path(__file__).resolve().parents[1] / "src" / "ia_metiers"
PRIVATE = re.compile(r"\b(?:typer|rich|click)\._|\bfrom (?:typer|rich|click)(?:\.\w+)* import _")
NEW_TYPER = "a new Typer release removed a private name cli/compat.py uses: update compat.py, then the pin in pyproject.toml"


def test_every_typer_hook_is_there() -> None:
    pytest.importorskip("typer._adapters", reason="this Typer has no pydantic adapters: nothing to avoid")
    hooks = compat.typer_hooks()
    assert hooks is not None, NEW_TYPER
    assert compat.PLAIN_VALUES, NEW_TYPER
    assert hasattr(hooks.parameter, "get_runtime_param"), NEW_TYPER
    assert issubclass(compat.click_exceptions.UsageError, compat.click_exceptions.ClickException), NEW_TYPER
    assert compat.get_current_context(silent=True) is None, NEW_TYPER
    assert callable(compat.HelpFormatter), NEW_TYPER


def test_every_completion_hook_is_there() -> None:
    """The private Typer names cli/completion.py relies on, through compat."""
    classes, shared = compat.completion_classes(), compat.completion_shared()
    assert callable(classes.completion_init) and hasattr(classes, "ZshComplete"), NEW_TYPER
    assert callable(shared.install) and callable(shared.get_completion_script), NEW_TYPER
    from typer._click.shell_completion import add_completion_class

    assert callable(add_completion_class), NEW_TYPER


def test_only_compat_names_private_parts_of_dependencies() -> None:
    """``grep -rn "typer\\._\\|rich\\._\\|click\\._" src`` shows cli/compat.py only."""
    found = [
        f"{path.relative_to(SRC)}:{n}"
        for path in sorted(SRC.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if PRIVATE.search(line) and path.name != "compat.py"
    ]
    assert found == []


def test_a_dependency_whose_private_names_are_used_has_an_upper_bound() -> None:
    text = (SRC.parents[1] / "pyproject.toml").read_text(encoding="utf-8")
    used = {
        m
        for m in ("typer", "rich", "click")
        if re.search(rf"\b{m}\._|from {m}(?:\.\w+)* import _", (SRC / "cli" / "compat.py").read_text())
    }
    assert "typer" in used
    for name in used:
        pin = re.search(rf'"{name}\s*([^"]*)"', text)
        assert pin is not None and "<" in pin.group(1), (name, pin and pin.group(0))


def test_typer_itself_is_left_as_it_is() -> None:
    """No class or module of Typer is changed: a plain Typer app in the same process, after an
    ia-metiers command ran, coerces its options with Typer's own adapters."""
    import typer.core
    from typer.testing import CliRunner

    from ia_metiers.cli.app import app

    before = typer.core._TyperParameter.get_runtime_param
    assert CliRunner().invoke(app, ["match", "-s", "python", "--top", "2"]).exit_code == 0
    assert typer.core._TyperParameter.get_runtime_param is before
    other = typer.Typer()

    @other.command()
    def count(n: int = 1) -> None:
        typer.echo(str(n + 1))

    command = typer.main.get_command(other)
    assert CliRunner().invoke(other, ["--n", "41"]).output == "42\n"
    command.make_context("count", ["--n", "3"])
    runtime = next(p for p in command.params if p.name == "n").get_runtime_param()  # type: ignore[attr-defined]
    assert type(runtime).__module__.startswith("typer.") and type(runtime).__name__ != "Plain"


def test_our_own_commands_coerce_plain_values() -> None:
    from ia_metiers.cli.app import app

    command = typer.main.get_command(app).commands["match"]  # type: ignore[attr-defined]
    command.make_context("match", ["-s", "python", "--top", "2"])
    assert {type(p.get_runtime_param()).__name__ for p in command.params if p.name in ("skills", "top", "format")} == {"Plain"}

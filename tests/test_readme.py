"""The README's command reference is the --help of every command, kept in sync."""

from __future__ import annotations

import os
import re
from pathlib import Path

from typer.testing import CliRunner

from ia_metiers.cli.app import app

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- cli-reference:start -->", "<!-- cli-reference:end -->"
COMMANDS = [
    [],
    ["match"],
    ["gap"],
    ["path"],
    ["skills"],
    ["skills", "resolve"],
    ["roles"],
    ["role"],
    ["salaries"],
    ["compare"],
    ["jobs"],
    ["trainings"],
    ["funding"],
    ["sectors"],
    ["market"],
    ["sources"],
    ["validate"],
    ["data"],
    ["data", "import"],
    ["data", "status"],
    ["data", "reset"],
    ["data", "update"],
]


def reference() -> str:
    runner = CliRunner()
    parts = []
    for cmd in COMMANDS:
        res = runner.invoke(app, [*cmd, "--help"], env={"COLUMNS": "100", "TERM": "dumb"}, prog_name="ia-metiers")
        assert res.exit_code == 0, res.output
        title = " ".join(["ia-metiers", *cmd])
        parts.append(f"### `{title}`\n\n```text\n{res.stdout.rstrip()}\n```\n")
    return "\n".join(parts)


def test_readme_reference_matches_help() -> None:
    text = README.read_text(encoding="utf-8")
    block = f"{START}\n{reference()}{END}"
    current = re.search(re.escape(START) + r".*?" + re.escape(END), text, re.S)
    assert current is not None
    if os.environ.get("IA_METIERS_UPDATE_README"):
        README.write_text(text.replace(current.group(0), block), encoding="utf-8")
    assert current.group(0) == block, "README command reference is stale: IA_METIERS_UPDATE_README=1 pytest"


def test_every_command_is_documented() -> None:
    names = {c.name or c.callback.__name__ for c in app.registered_commands}
    names |= {g.name for g in app.registered_groups}
    documented = {cmd[0] for cmd in COMMANDS if cmd}
    assert names <= documented


def test_readme_python_examples_run(tmp_path, monkeypatch) -> None:
    """The library examples of the README run as written, one after the other (beside a cv.pdf)."""
    from hostile_docs import text_pdf

    blocks = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 2
    (tmp_path / "cv.pdf").write_bytes(text_pdf("Python, SQL et Docker"))
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    for block in blocks:
        exec(compile(block, "README.md", "exec"), scope)
    assert [r["role"] for r in scope["doc"]["roles"]] == [f.role for f in scope["best"]]  # type: ignore[index,attr-defined]

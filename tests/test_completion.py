"""Shell completion in real shells: zsh keeps apostrophes, fish completes commands and ids, the
script shown is the one for the shell named, and the messages follow the language. CI installs
zsh and fish (IA_METIERS_REQUIRE_TOOLS=1); a machine without them skips, saying why."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BIN = str(Path(sys.executable).parent)


def shell(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("IA_METIERS_REQUIRE_TOOLS"):
            pytest.fail(f"IA_METIERS_REQUIRE_TOOLS is set but {name} is not installed")
        pytest.skip(f"{name} is not installed here (CI installs it)")
    return found


def in_shell(program: str, script: str, lang: str = "fr") -> str:
    env = {**os.environ, "PATH": BIN + os.pathsep + os.environ["PATH"], "IA_METIERS_LANG": lang}
    proc = subprocess.run([program, "-c", script], capture_output=True, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr.decode()
    return proc.stdout.decode()


def test_zsh_keeps_apostrophes() -> None:
    zsh = shell("zsh")
    script = (
        "eval \"$(ia-metiers --show-completion zsh | grep -v '^compdef')\"; "
        '_arguments() { print -r -- "$@"; }; words=(ia-metiers jo); CURRENT=2; _ia_metiers_completion'
    )
    out = in_shell(zsh, script)
    assert out.strip() == '*: :(("jobs":"Les métiers actuels d\'où l\'on se..."))'


def test_fish_completes_commands_and_ids_in_the_session_language() -> None:
    fish = shell("fish")
    source = "ia-metiers --show-completion fish | source; "
    assert in_shell(fish, source + 'complete -C"ia-metiers jo"').splitlines() == ["jobs\tLes métiers actuels d'où l'on se..."]
    english = in_shell(fish, source + 'complete -C"ia-metiers jo"', lang="en")
    assert english.splitlines() == ["jobs\tThe current jobs people reconvert from..."]
    assert in_shell(fish, source + 'complete -C"ia-metiers gap data-en"').split() == ["data-engineer"]


@pytest.mark.parametrize(
    ("name", "marker"),
    [("zsh", "#compdef ia-metiers"), ("fish", "complete --command ia-metiers"), ("bash", "complete -o default -F")],
)
def test_the_script_shown_is_the_shells_named(run: Any, name: str, marker: str) -> None:
    for args in (["--show-completion", name], [f"--show-completion={name}"]):
        proc = run(*args)
        assert proc.returncode == 0 and marker in proc.stdout.decode(), args


def test_install_speaks_the_session_language(run: Any, tmp_path: Path) -> None:
    proc = run("--install-completion", "fish", env={"HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / ".config")})
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode()
    assert out.startswith("complétion fish installée dans ") and "quand vous rouvrirez le terminal" in out
    assert (tmp_path / ".config" / "fish" / "completions" / "ia-metiers.fish").exists()
    bad = run("--show-completion", "tcsh")
    assert bad.returncode in (0, 2)  # 'tcsh' is not a shell name we take: the detected shell's script, or a clear error

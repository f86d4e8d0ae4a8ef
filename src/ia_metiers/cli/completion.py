"""Shell completion: the scripts for bash, zsh, fish and PowerShell, installed or shown for the
shell named (``--show-completion zsh``) or the one detected, in the session's language.

Typer's completion classes do the work; two things are ours: zsh items are quoted so that an
apostrophe survives (Typer writes ``''`` inside single quotes, which zsh reads as nothing), and
``--install-completion`` / ``--show-completion`` take an optional shell name and speak French.
The hooks into Typer's private completion modules are in ``cli/compat.py``;
``tests/test_compat.py`` fails loudly if one disappears.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
OPTIONS = ("--install-completion", "--show-completion")


def register() -> None:
    """Typer's completion classes, with zsh quoting that keeps apostrophes."""
    from ia_metiers.cli.compat import add_completion_class, completion_classes

    classes = completion_classes()
    classes.completion_init()

    class ZshComplete(classes.ZshComplete):  # type: ignore[misc,name-defined]
        def format_completion(self, item: Any) -> str:
            def escape(text: str) -> str:
                text = text.replace('"', '""').replace("$", "\\$").replace("`", "\\`").replace(":", r"\\:")
                return text.replace("'", "'\\''")  # close the quote, an escaped apostrophe, reopen

            if item.help:
                return f'"{escape(item.value)}":"{escape(" ".join(item.help.split()))}"'
            return f'"{escape(item.value)}"'

    add_completion_class(ZshComplete, "zsh")


def detected_shell() -> str | None:
    """The shell this runs under (shellingham, as Typer does), else $SHELL's name."""
    try:
        import shellingham  # type: ignore[import-untyped,unused-ignore]

        name, _path = shellingham.detect_shell()
        return str(name).lower()
    except Exception:  # no detectable parent shell: fall back on $SHELL
        shell = os.path.basename(os.environ.get("SHELL", ""))
        return shell or None


def requested(args: Sequence[str]) -> tuple[str, str | None] | None:
    """('--show-completion', 'zsh') when ``args`` ask for a completion script (before '--')."""
    for i, arg in enumerate(args):
        if arg == "--":
            return None
        name, _, value = arg.partition("=")
        if name in OPTIONS:
            if value:
                return name, value
            following = args[i + 1] if i + 1 < len(args) else None
            return name, following if following in SHELLS else None
    return None


def handle(option: str, shell: str | None, prog_name: str, lang: str) -> int:
    """Show or install the completion script for ``shell`` (detected when None); the exit code."""
    from ia_metiers.cli.compat import completion_shared
    from ia_metiers.output.messages import t

    register()
    shell = shell or detected_shell()
    if shell not in SHELLS:
        sys.stderr.write(f"ia-metiers: {t('error', lang)}: {t('completion_unknown_shell', lang, shell=shell or '?')}\n")
        return 2
    var = "_{}_COMPLETE".format(prog_name.replace("-", "_").upper())
    if option == "--show-completion":
        sys.stdout.write(completion_shared().get_completion_script(prog_name=prog_name, complete_var=var, shell=shell) + "\n")
        return 0
    installed, path = completion_shared().install(shell=shell, prog_name=prog_name, complete_var=var)
    sys.stdout.write(t("completion_installed", lang, shell=installed, path=path) + "\n")
    sys.stdout.write(t("completion_restart", lang) + "\n")
    return 0

"""The session of one invocation (``ctx.obj``) and the Typer classes that speak its language.

Global options are read once: the language from ``--lang`` (wherever it stands) or
``IA_METIERS_LANG`` before parsing, so that help and Click's own messages (usage lines, section
headings, parameter errors) come out in French or English; the rest in the app's callback.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand, TyperGroup

from ia_metiers.cli.compat import HelpFormatter, click_exceptions, coerce_plain_values, get_current_context
from ia_metiers.output.messages import LANGS, english_help, t

if TYPE_CHECKING:
    from ia_metiers.core.catalog import Catalog

GLOBAL_WITH_VALUE = ("--lang", "--data-dir")
GLOBAL_FLAGS = ("--no-color", "--version")


@dataclass
class Session:
    """Options that hold for the whole invocation, and the catalogue once loaded."""

    lang: str = "fr"
    data_dir: Path | None = None
    no_color: bool = False
    _catalog: Catalog | None = field(default=None, repr=False)

    def catalog(self) -> Catalog:
        if self._catalog is None:
            import gc

            from ia_metiers.catalog.loader import load

            enabled = gc.isenabled()
            gc.disable()  # unpickling makes tens of thousands of objects: no collection meanwhile
            try:
                self._catalog = load(self.data_dir)
            finally:
                if enabled:
                    gc.enable()
            gc.freeze()  # the catalogue lives as long as the command: later collections skip it
        return self._catalog

    def color(self) -> bool:
        from ia_metiers.output.formats import color_wanted

        return color_wanted(self.no_color)


def session() -> Session:
    """The running command's session (``ctx.obj``); a default one outside a command."""
    ctx = get_current_context(silent=True)
    found = ctx.find_object(Session) if ctx is not None else None
    return found if found is not None else Session(lang=lang_of([]))


def hoist_global_options(argv: Sequence[str]) -> list[str]:
    """Let global options stand anywhere: 'match -s x --lang en' == '--lang en match -s x'."""
    front: list[str] = []
    rest: list[str] = []
    i = 0
    args = list(argv)
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest.extend(args[i:])
            break
        name = arg.split("=", 1)[0]
        if name in GLOBAL_WITH_VALUE and "=" in arg:
            front.append(arg)
        elif arg in GLOBAL_WITH_VALUE and i + 1 < len(args):
            front.extend(args[i : i + 2])
            i += 1
        elif arg in GLOBAL_FLAGS:
            front.append(arg)
        else:
            rest.append(arg)
        i += 1
    return front + rest


def lang_of(args: Sequence[str]) -> str:
    """The language asked for by ``--lang`` among ``args`` (hoisted first), else
    IA_METIERS_LANG, else French; an unknown value falls back to French (the callback refuses it)."""
    value = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            value = args[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
    value = (value or os.environ.get("IA_METIERS_LANG") or "fr").strip().lower()
    return value if value in LANGS else "fr"


# ---------------------------------------------------------------- Click's own strings

# (pattern, replacement) pairs, compiled on first use by re (its cache): not at start-up
_HELP_FR: list[tuple[str | tuple[str, int], str]] = [
    ((r"^Usage: ", re.M), "Utilisation : "),
    ((r"^Options:$", re.M), "Options :"),
    ((r"^Arguments:$", re.M), "Arguments :"),
    ((r"^Commands:$", re.M), "Commandes :"),
    (r"Show this message and exit\.", "Afficher cette aide et quitter."),
    (r"Install completion for the current shell\.", "Installer la complétion pour le shell courant."),
    (
        r"Show completion for the current shell, to copy it or customize the installation\.",
        "Afficher la complétion du shell courant, pour la copier ou adapter l'installation.",
    ),
    (r"\[default: ", "[défaut : "),
    (r"\[required\]", "[obligatoire]"),
    (r"\[env var: ", "[variable d'environnement : "),
    (r"\[x>=(\S+)\]", r"[x≥\1]"),
]

_ERRORS_FR: list[tuple[str | tuple[str, int], str]] = [
    (r"\(env var: (.+?)\)", r"(variable d'environnement \1)"),
    (r"Invalid value for (.+?): ", r"valeur invalide pour \1 : "),
    (r"Value error, ", ""),
    (r"Input should be a valid integer.*", "un nombre entier est attendu"),
    (r"Input should be a valid number.*", "un nombre est attendu"),
    (r"Input should be greater than or equal to (\S+)", r"la valeur doit être au moins \1"),
    (r"Input should be less than or equal to (\S+)", r"la valeur doit être au plus \1"),
    (r"'(.*?)' is not one of (.*)\.$", r"'\1' n'est pas parmi \2."),
    (r"'(.*?)' is not a valid (?:integer|float)(?: range)?\.", r"'\1' n'est pas un nombre valide."),
    (r"(.+) is not in the range (.+)\.", r"\1 n'est pas dans l'intervalle \2."),
    (r"^No such option: (.+)", r"option inconnue : \1"),
    (r"^No such option '(.+)'\.", r"option inconnue : \1"),
    (r"Did you mean (.+)\?", r"vouliez-vous dire \1 ?"),
    (r"\(Possible options: (.+)\)", r"(options proches : \1)"),
    (r"^No such command (.+?)\.", r"commande inconnue : \1."),
    (r"^Missing argument (.+)\.", r"argument manquant : \1."),
    (r"^Missing option (.+)\.", r"option manquante : \1."),
    (r"^Option (.+) requires an argument\.", r"l'option \1 attend une valeur."),
    (r"^Option (.+) does not take a value\.", r"l'option \1 ne prend pas de valeur."),
    (r"^Got unexpected extra argument(?:s|\(s\))? \((.+)\)", r"argument(s) en trop : \1"),
    (r"(?:Dir|dir|Directory|directory) (.+) does not exist\.", r"le dossier \1 n'existe pas."),
    (r"(?:File|file) (.+) does not exist\.", r"le fichier \1 n'existe pas."),
    (r"(?:File|file|Path|path) (.+) is a directory\.", r"\1 est un dossier."),
]


def _sub(pattern: str | tuple[str, int], repl: str, text: str) -> str:
    regex, flags = pattern if isinstance(pattern, tuple) else (pattern, 0)
    return re.sub(regex, repl, text, flags=flags)


def french_help(text: str) -> str:
    for pattern, repl in _HELP_FR:
        text = _sub(pattern, repl, text)
    return text


def french_error(text: str) -> str:
    for pattern, repl in _ERRORS_FR:
        text = _sub(pattern, repl, text)
    return text


def _translate_help(command: Any) -> None:
    """Help texts (French in the code) in English, for this command and its subcommands."""
    for attr in ("help", "short_help"):
        value = getattr(command, attr, None)
        if isinstance(value, str):
            setattr(command, attr, english_help(value))
    for param in getattr(command, "params", []):
        if isinstance(getattr(param, "help", None), str):
            param.help = english_help(param.help)
    for sub in getattr(command, "commands", {}).values():
        _translate_help(sub)


def _lang_of_ctx(ctx: Any) -> str:
    obj = ctx.find_object(Session) if ctx is not None else None
    return obj.lang if obj is not None else lang_of([])


_PY_TYPE = re.compile(r" <(?:list\[\w+\]|str|int|float|bool)>$")


class LocalFormatter(HelpFormatter):  # type: ignore[misc,unused-ignore]
    """Click's help formatter, speaking French when asked: each string is translated before it
    is wrapped, so that French help fits the width as English help does."""

    french = False

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if self.french:
            prefix = "Utilisation : "
        super().write_usage(prog, args, prefix)

    def write_heading(self, heading: str) -> None:
        if self.french:
            heading = {"Commands": "Commandes"}.get(heading, heading)
        super().write_heading(heading)

    def write_dl(self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2) -> None:
        rows = [(_PY_TYPE.sub("", term), text) for term, text in rows]  # 'TERM... <list[str]>': no Python type
        if self.french:
            rows = [(term, french_help(text)) for term, text in rows]
        super().write_dl(rows, col_max, col_spacing)

    def write_text(self, text: str) -> None:
        super().write_text(french_help(text) if self.french else text)

    def getvalue(self) -> str:
        text: str = super().getvalue()
        return (
            text.replace("Options:\n", "Options :\n")
            .replace("Arguments:\n", "Arguments :\n")
            .replace("Commandes:\n", "Commandes :\n")
        )


class LocalContext(typer.Context):
    """A context whose help formatter speaks the session's language."""

    def make_formatter(self) -> Any:
        formatter = LocalFormatter(width=self.terminal_width, max_width=self.max_content_width)
        formatter.french = _lang_of_ctx(self) == "fr"
        return formatter


class LocalCommand(TyperCommand):
    """A command whose help speaks the session's language and whose plain option values are
    coerced without pydantic (``compat.coerce_plain_values``)."""

    context_class = LocalContext

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        coerce_plain_values(self.get_params(ctx))  # plain values without pydantic, on our parameters only (compat)
        result: list[str] = super().parse_args(ctx, args)
        return result


class LocalGroup(TyperGroup):
    """The app: reads the language before parsing, puts the session in ``ctx.obj``, speaks the
    session's language in help, coerces plain option values without pydantic, and reports
    Click's usage errors in one line (exit 2)."""

    context_class = LocalContext

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        coerce_plain_values(self.get_params(ctx))  # plain values without pydantic, on our parameters only (compat)
        result: list[str] = super().parse_args(ctx, args)
        return result

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        if parent is None and "obj" not in extra:
            lang = lang_of(hoist_global_options(args))
            extra["obj"] = Session(lang=lang)
            if lang == "en":
                _translate_help(self)
        return super().make_context(info_name, args, parent=parent, **extra)

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        args = hoist_global_options(sys.argv[1:] if args is None else args)
        lang = lang_of(args)
        from ia_metiers.cli import completion

        asked = completion.requested(args)
        if asked is not None:  # '--show-completion zsh': the shell named, else the one detected
            code = completion.handle(*asked, prog_name or "ia-metiers", lang)
            if standalone_mode:
                sys.exit(code)
            return code
        if any(k.endswith("_COMPLETE") for k in os.environ):  # the shell asks for completions
            completion.register()
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click_exceptions.UsageError as exc:
            if type(exc).__name__ == "NoArgsIsHelpError":  # Click 8.2+: no arguments, the help
                typer.echo(exc.format_message())
                if standalone_mode:
                    sys.exit(0)
                return None
            message = exc.format_message()
            message = french_error(message) if lang == "fr" else message
            typer.echo(printable(f"ia-metiers: {t('error', lang)}: {message}"), err=True)
            if exc.ctx is not None:
                typer.echo(f"  {t('try_help', lang, command=exc.ctx.command_path)}", err=True)
            if not standalone_mode:
                raise
            sys.exit(exc.exit_code)
        except click_exceptions.ClickException as exc:
            typer.echo(printable(f"ia-metiers: {t('error', lang)}: {exc.format_message()}"), err=True)
            if not standalone_mode:
                raise
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone_mode:
                raise
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv


def printable(text: str) -> str:
    """Text for the terminal: control characters (escape sequences) shown as '?'."""
    return "".join(ch if ch.isprintable() or ch == "\n" else "?" for ch in text)

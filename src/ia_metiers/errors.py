"""Domain errors, each mapped to a documented exit code by the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from ia_metiers.core.text import visible

EXIT_CATALOG = 1  # the catalogue is invalid or cannot be read (a --data-dir or a file of it: one list of problems)
EXIT_USAGE = 2
EXIT_IO = 74  # sysexits EX_IOERR: standard output closed or full, a system fault nothing else covers


class IaMetiersError(Exception):
    """Base class: a message for standard error and an exit code."""

    exit_code = EXIT_USAGE

    def __init__(self, message: str, hint: str | None = None, *, key: str | None = None, **values: object) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.key = key  # a message key: the CLI says it in the session's language
        self.values = values


class UsageError(IaMetiersError):
    """Bad input from the user (unknown role, empty skill list...): exit 2."""


class UnknownName(UsageError, LookupError):
    """A name that names no entry of its kind; ``suggestions`` are the closest ids (maybe none)."""

    kind = "entry"

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        self.name = name
        self.suggestions: tuple[str, ...] = tuple(suggestions)
        hint = f"did you mean {', '.join(self.suggestions)}?" if self.suggestions else None
        super().__init__(f"unknown {self.kind} '{name}'", hint)


class UnknownRole(UnknownName):
    """No AI role has this id, name or alias (``suggestions``: the closest role ids)."""

    kind = "role"


class UnknownJob(UnknownName):
    """No current job (nor AI role) has this title (``suggestions``: the closest ids)."""

    kind = "job"


class Problem:
    """One catalogue problem, located in a file. Its file and message are shown on one line of a
    terminal: the control characters they quote (a hostile name, key or path) are written as
    escapes, never sent as they are."""

    __slots__ = ("file", "line", "message")

    def __init__(self, file: str, line: int, message: str) -> None:
        self.file, self.line, self.message = visible(file), line, visible(message)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Problem) and (self.file, self.line, self.message) == (other.file, other.line, other.message)

    def __hash__(self) -> int:
        return hash((self.file, self.line, self.message))

    def __repr__(self) -> str:
        return f"Problem({self.file!r}, {self.line}, {self.message!r})"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class CatalogError(IaMetiersError):
    """The catalogue is invalid: exit 1, with every problem found."""

    exit_code = EXIT_CATALOG

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid catalogue"
        super().__init__(first)

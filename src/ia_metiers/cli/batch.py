"""Batch matching: one profile a line (JSON object or comma-separated skills), one answer a line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ia_metiers.errors import IaMetiersError

MAX_LINE = 100_000


@dataclass(frozen=True, slots=True)
class Profile:
    """One parsed input line: its id and skill terms, or the reason it cannot be used."""

    id: Any
    terms: list[str]
    error: str | None = None


def parse_line(raw: bytes, number: int) -> Profile | None:
    """A profile from one line; None for a blank line."""
    try:
        line = raw.rstrip(b"\n").removesuffix(b"\r").decode("utf-8")
    except UnicodeDecodeError:
        return Profile(number, [], "line is not UTF-8 text")
    line = line.strip().lstrip("\ufeff")
    if not line:
        return None
    if len(line) > MAX_LINE:
        return Profile(number, [], f"line longer than {MAX_LINE} characters")
    if not line.startswith("{"):
        return Profile(number, split_terms(line))
    try:
        obj = json.loads(line, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        return Profile(number, [], f"invalid JSON: {exc.msg} (column {exc.colno})")
    except (ValueError, RecursionError) as exc:  # NaN/Infinity, 5,000-digit numbers, deep nesting
        return Profile(number, [], f"invalid JSON: {str(exc)[:80]}")
    if not isinstance(obj, dict):
        return Profile(number, [], "expected a JSON object")
    ident = obj.get("id", number)
    if not isinstance(ident, str | int | float) or isinstance(ident, bool):
        return Profile(number, [], "'id' must be a string or a number")
    if isinstance(ident, int) and abs(ident) >= 10**18:
        return Profile(number, [], "'id' is too large a number (use a string)")
    skills = obj.get("skills")
    if isinstance(skills, str):
        return Profile(ident, split_terms(skills))
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        return Profile(ident, [], "'skills' must be a list of strings")
    return Profile(ident, [t for s in skills for t in split_terms(s)])


def lines_of(stream: BinaryIO, limit: int = MAX_LINE * 4) -> Iterator[bytes]:
    """Lines of a binary stream (ends: \\n or \\r\\n), read one at a time with bounded memory:
    a line longer than ``limit`` bytes is yielded cut (and then refused), its rest skipped."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of an overlong line
                rest = stream.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


def dumps(obj: dict[str, Any]) -> str:
    """One answer line (compact JSON, non-ASCII kept)."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def split_terms(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def run(lines: Iterable[bytes], answer: Callable[[list[str]], dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """Answer each profile in input order; a failing line yields an object with an 'error'."""
    for number, raw in enumerate(lines, 1):
        profile = parse_line(raw, number)
        if profile is None:
            continue
        if profile.error is not None:
            yield {"id": profile.id, "error": profile.error}
            continue
        if not profile.terms:
            yield {"id": profile.id, "error": "no skill given"}
            continue
        try:
            yield {"id": profile.id, **answer(profile.terms)}
        except IaMetiersError as exc:
            yield {"id": profile.id, "error": exc.message}
        except (ValueError, RecursionError, MemoryError) as exc:  # one bad line never ends the run
            yield {"id": profile.id, "error": f"cannot answer this line: {type(exc).__name__}"}

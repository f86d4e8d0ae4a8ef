"""Batch matching: one profile a line (JSON object or comma-separated skills), one answer a line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

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
        line = raw.decode("utf-8")
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
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Profile(number, [], f"invalid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(obj, dict):
        return Profile(number, [], "expected a JSON object")
    ident = obj.get("id", number)
    if not isinstance(ident, str | int | float) or isinstance(ident, bool):
        return Profile(number, [], "'id' must be a string or a number")
    skills = obj.get("skills")
    if isinstance(skills, str):
        return Profile(ident, split_terms(skills))
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        return Profile(ident, [], "'skills' must be a list of strings")
    return Profile(ident, [t for s in skills for t in split_terms(s)])


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

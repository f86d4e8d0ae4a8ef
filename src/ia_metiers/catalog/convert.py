"""Turn line-tracked YAML data into model instances, collecting every problem."""

from __future__ import annotations

import dataclasses
import datetime
import math
import re
import types
import typing
from collections.abc import Iterable
from functools import cache
from typing import Any, Literal, Union, get_args, get_origin

from ia_metiers.catalog.yamlload import LineDict, LineList
from ia_metiers.core.model import CERT_CODE, DATE, ROME_CODE, SKILL_LEVEL_NAMES, Requirement, Text, TextList
from ia_metiers.core.text import codes, controls, fold
from ia_metiers.errors import Problem

NoneType = type(None)


@cache
def hints(cls: type) -> dict[str, Any]:
    """Resolved type hints of a model class."""
    return typing.get_type_hints(cls)


def fields(cls: type) -> tuple[dataclasses.Field[Any], ...]:
    return dataclasses.fields(cls)


class Converter:
    """Builds model objects for one file; records problems and references."""

    def __init__(self, label: str, ids: dict[str, set[str]]) -> None:
        self.label = label
        self.ids = ids
        self.problems: list[Problem] = []
        self.verb: str | None = None  # how the enclosing field names a reference

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.label, line, message))

    def entry(self, cls: type, raw: Any, line: int, owner: str) -> Any | None:
        """Build one dataclass instance from a mapping; None when it cannot be built."""
        if cls is Requirement and isinstance(raw, str | int):
            raw = _requirement_shorthand(str(raw))
        if not isinstance(raw, dict):
            self.problem(line, f"{owner}: expected a mapping, got {_kind(raw)}")
            return None
        line = getattr(raw, "line", line)
        key_lines = getattr(raw, "key_lines", {})
        known = {f.name for f in fields(cls)}
        for key in raw:
            if key not in known:
                self.problem(key_lines.get(key, line), f"{owner}: unknown field '{key}'")
        values: dict[str, Any] = {}
        ok = True
        for f in fields(cls):
            if f.name not in raw or raw[f.name] is None:
                has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
                if not has_default and not _optional(hints(cls)[f.name]):
                    self.problem(line, f"{owner}: missing field '{f.name}'")
                    ok = False
                continue
            value = self.value(hints(cls)[f.name], raw[f.name], key_lines.get(f.name, line), owner, f)
            if value is _BAD:
                ok = False
            else:
                values[f.name] = value
        if not ok:
            return None
        return cls(**values)

    def value(self, tp: Any, raw: Any, line: int, owner: str, f: dataclasses.Field[Any]) -> Any:
        origin = get_origin(tp)
        if origin in (Union, types.UnionType):
            inner = [a for a in get_args(tp) if a is not NoneType]
            if raw is None:
                return None
            return self.value(inner[0], raw, line, owner, f)
        if origin is Literal:
            if raw not in get_args(tp):
                allowed = ", ".join(str(a) for a in get_args(tp))
                self.problem(line, f"{owner}: {f.name} '{raw}' is not one of {allowed}{_did_you_mean(raw, get_args(tp))}")
                return _BAD
            return raw
        if origin is list:
            if not isinstance(raw, list):
                self.problem(line, f"{owner}: {f.name} must be a list, got {_kind(raw)}")
                return _BAD
            (item_tp,) = get_args(tp)
            item_lines = getattr(raw, "item_lines", [line] * len(raw))
            out = []
            for item, item_line in zip(raw, item_lines, strict=False):
                value = self.value(item_tp, item, item_line, owner, f)
                if value is not _BAD:
                    out.append(value)
            return out
        if tp in (Text, TextList):
            return self.text(tp, raw, line, owner, f.name)
        if dataclasses.is_dataclass(tp):
            outer, self.verb = self.verb, (f.metadata.get("verb") if tp is Requirement else None)
            try:
                built = self.entry(typing.cast(type, tp), raw, line, owner if tp is Requirement else f"{owner} {f.name}")
            finally:
                self.verb = outer
            return _BAD if built is None else built
        return self.scalar(tp, raw, line, owner, f)

    def scalar(self, tp: type, raw: Any, line: int, owner: str, f: dataclasses.Field[Any]) -> Any:
        if tp is float and isinstance(raw, int) and not isinstance(raw, bool):
            raw = float(raw)
        if tp is str and isinstance(raw, int | float) and not isinstance(raw, bool):
            raw = str(raw)
        if tp is str and isinstance(raw, datetime.date):  # an unquoted YAML date
            raw = raw.isoformat()
        if not isinstance(raw, tp) or (tp is int and isinstance(raw, bool)):
            self.problem(line, f"{owner}: {f.name} must be {tp.__name__}, got {_kind(raw)}")
            return _BAD
        if isinstance(raw, float) and not math.isfinite(raw):
            self.problem(line, f"{owner}: {f.name} must be a finite number, got {raw}")
            return _BAD
        if isinstance(raw, str) and not raw.strip():
            self.problem(line, f"{owner}: {f.name} is empty")
            return _BAD
        if isinstance(raw, str) and not self.printable(raw, line, owner, f.name):
            return _BAD
        pattern = f.metadata.get("pattern")
        if pattern and isinstance(raw, str) and not re.match(pattern, raw):
            self.problem(line, f"{owner}: {f.name} '{raw}' is not {PATTERN_NAMES.get(pattern, 'well formed')}")
            return _BAD
        minimum, maximum = f.metadata.get("min"), f.metadata.get("max")
        if minimum is not None and raw < minimum:
            self.problem(line, f"{owner}: {f.name} {raw} is below {minimum}")
            return _BAD
        if maximum is not None and raw > maximum:
            self.problem(line, f"{owner}: {f.name} {raw} is above {maximum}")
            return _BAD
        if f.metadata.get("ref"):
            self.reference(f.metadata["ref"], str(raw), line, owner, self.verb or f.metadata["verb"])
        return raw

    def text(self, tp: type, raw: Any, line: int, owner: str, name: str) -> Any:
        if not isinstance(raw, dict):
            self.problem(line, f"{owner}: {name} must have 'fr' and 'en', got {_kind(raw)}")
            return _BAD
        key_lines = getattr(raw, "key_lines", {})
        for key in raw:
            if key not in ("fr", "en"):
                self.problem(key_lines.get(key, line), f"{owner}: {name} has unknown language '{key}'")
        parts = {}
        allowed = "" if name in SHORT_TEXTS else "\n\t"
        clean = True
        for lang, word in (("fr", "French"), ("en", "English")):
            value = raw.get(lang)
            where, at = f"{name}.{lang}", key_lines.get(lang, line)
            good: Any
            if tp is Text:
                good = isinstance(value, str | int | float) and str(value).strip()
                value = str(value) if good else None
                if value is not None:
                    clean = self.printable(value, at, owner, where, allowed) and clean
            else:
                good = isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)
                if good and isinstance(value, list):
                    for item, item_line in zip(value, getattr(value, "item_lines", [at] * len(value)), strict=False):
                        clean = self.printable(item, item_line, owner, where, allowed) and clean
                value = [str(v) for v in value or []] if good else None  # a plain list: the cache pickles it
            if not good:
                self.problem(line, f"{owner}: {name} is missing in {word}")
                return _BAD
            parts[lang] = value
        return tp(**parts) if clean else _BAD

    def printable(self, text: str, line: int, owner: str, where: str, allowed: str = "") -> bool:
        r"""False (and a problem) when catalogue text carries characters that act on a terminal:
        escape sequences, other C0 and C1 controls, bidi overrides ('\n' and '\t' may be
        ``allowed`` in prose). They are refused, not stripped: the catalogue says what it shows."""
        bad = controls(text, allowed)
        if bad:
            plural = "s" if len(bad) > 1 else ""
            self.problem(line, f"{owner}: {where} contains control character{plural} {codes(bad)}: '{_excerpt(text, bad[0])}'")
        return not bad

    def reference(self, kind: str, value: str, line: int, owner: str, verb: str) -> None:
        known = self.ids.get(kind)
        if known is not None and value not in known:
            self.problem(line, f"{owner} {verb} unknown {kind} '{value}'{_did_you_mean(value, known)}")


def _did_you_mean(value: object, choices: Iterable[object]) -> str:
    """' (did you mean X?)' for the closest choice, or ''."""
    import difflib

    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


PATTERN_NAMES = {
    DATE: "a date YYYY-MM-DD",
    ROME_CODE: "a ROME code (a letter A-N and four digits, e.g. M1405)",
    CERT_CODE: "an RNCP or RS code (RNCP40514, RS6962)",
}

# Texts shown as one line (names and labels): no line break or tab either.
SHORT_TEXTS = ("name", "label")


def _excerpt(text: str, first: str, width: int = 60) -> str:
    """``text``, or the part of it around the first occurrence of ``first`` when it is long (the
    problem's message shows the control characters as escapes)."""
    if len(text) <= width:
        return text
    start = max(0, text.index(first) - width // 2)
    return ("…" if start else "") + text[start : start + width] + ("…" if start + width < len(text) else "")


class _Bad:
    """Marker for a value that could not be converted."""


_BAD = _Bad()


def _optional(tp: Any) -> bool:
    return get_origin(tp) in (Union, types.UnionType) and NoneType in get_args(tp)


def _kind(raw: Any) -> str:
    if isinstance(raw, LineDict | dict):
        return "a mapping"
    if isinstance(raw, LineList | list):
        return "a list"
    return f"{type(raw).__name__} {raw!r}"[:60]


def _requirement_shorthand(text: str) -> dict[str, Any]:
    """'python' or 'python:3' or 'python:expert' -> a requirement mapping."""
    skill, _, level = text.partition(":")
    out: dict[str, Any] = {"skill": skill.strip()}
    if level:
        out["level"] = SKILL_LEVEL_NAMES.get(fold(level), level)
    return out

"""Option values in their plain form, coerced without Typer's pydantic adapters.

Typer (0.2x) checks every option value with a pydantic ``TypeAdapter``. Building the first one
imports pydantic's schema machinery: about 100 ms, more than everything ia-metiers does to answer
``match``. For a value in its plain form, what that check returns is known in advance:
- a default;
- a str;
- decimal digits within the option's bounds;
- a choice's name;
- a path string, for which Typer's own path checks are then run.
:func:`plain` returns that result directly. Any other value, and any value the check would refuse,
goes to Typer's own adapter, so every result and every error message stays Typer's
(``tests/test_coercion.py`` compares both on every option of every command). How this is put in
place for ia-metiers' own parameters, through Typer's private names, is ``cli/compat.py``'s.
"""

from __future__ import annotations

import re
from enum import Enum
from pathlib import Path
from typing import Any, get_args, get_origin

NOT_PLAIN = object()  # a value the adapter itself must see
_DECIMAL = {int: re.compile(r"[0-9]{1,18}"), float: re.compile(r"[0-9]{1,15}(?:\.[0-9]{1,15})?")}


def kind_of(annotation: Any, info: Any, routes: Any) -> tuple[Any, ...] | None:
    """How a plain value of this annotation is coerced: ("str",), ("bool",), ("number", type), ("enum", choices),
    ("path", path type), ("list", kind of an item); None when only Typer's adapter knows."""
    if getattr(info, "parser", None) is not None:
        return None
    if get_origin(annotation) is list:
        args = get_args(annotation)
        item = kind_of(args[0], info, routes) if len(args) == 1 else None
        return ("list", item) if item is not None and item[0] != "list" else None
    if annotation is str:
        return ("str",)
    if annotation is bool:  # a flag's bool never comes here (Typer skips it); its None does not either
        return ("bool",)
    if annotation is int or annotation is float:
        return None if getattr(info, "clamp", False) else ("number", annotation)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return ("enum", tuple(annotation))
    if isinstance(annotation, type) and issubclass(annotation, Path) and routes(annotation, info):
        return ("path", info.path_type or annotation)
    return None


def _text(value: Any) -> bool:
    """A str that pydantic takes as it is (no lone surrogates from undecodable arguments)."""
    if not isinstance(value, str):
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def plain(kind: tuple[Any, ...], info: Any, value: Any, param: Any, ctx: Any, choice: Any, path: Any) -> Any:
    """The coerced value, or NOT_PLAIN."""
    what = kind[0]
    if what == "list":
        if not isinstance(value, list | tuple):
            return NOT_PLAIN
        items = [plain(kind[1], info, item, param, ctx, choice, path) for item in value]
        return NOT_PLAIN if any(item is NOT_PLAIN for item in items) else items
    if what == "str":
        return value if _text(value) else NOT_PLAIN
    if what == "bool":
        return value if type(value) is bool else NOT_PLAIN
    if what == "number":
        number_type = kind[1]
        typed = type(value) is number_type or (number_type is float and type(value) is int)
        if not (typed or (_text(value) and _DECIMAL[number_type].fullmatch(value))):
            return NOT_PLAIN
        number = number_type(value)
        low, high = getattr(info, "min", None), getattr(info, "max", None)
        if (low is not None and number < low) or (high is not None and number > high):
            return NOT_PLAIN
        return number
    if what == "enum":
        if not (isinstance(value, Enum) or _text(value)):
            return NOT_PLAIN
        return choice(value, choices=kind[1], case_sensitive=info.case_sensitive, ctx=ctx)
    if what == "path":
        if isinstance(value, Path):
            given = value
        elif _text(value) and value:
            given = Path(value)
        else:
            return NOT_PLAIN
        if kind[1] is not Path and not isinstance(given, kind[1]):
            return NOT_PLAIN
        return path(given, info, path_type=kind[1], param=param, ctx=ctx)
    return NOT_PLAIN

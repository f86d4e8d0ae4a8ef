"""The one record style of the core: ``@frozen class Name(Frozen)``.

A record is a slotted dataclass whose fields are set once, by ``__init__``, and never again; it
compares and hashes by value and pickles small. Its repr, equality, hash and pickling are written
once here, on the base classes, and only ``__init__`` is generated for each class: start-up pays
for every generated method, and a frozen dataclass generates five. The catalogue's entries
(``core.model``) are the one exception: plain dataclasses, read-only by convention, because the
cache unpickles thousands of them at every start.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


class Record:
    """Base of the core's dataclasses (declared with ``repr=False``): ``Name(field=value, ...)``."""

    __slots__ = ()

    def __repr__(self) -> str:
        shown = [f"{f.name}={getattr(self, f.name, '?')!r}" for f in dataclasses.fields(self) if f.repr]  # type: ignore[arg-type]
        return f"{type(self).__qualname__}({', '.join(shown)})"


class Frozen(Record):
    """A record: set once by ``__init__``, then read-only; equal to another of its class with
    equal fields (and hashed alike, when its fields are hashable); pickled as its field values."""

    __slots__ = ()

    def _values(self) -> tuple[Any, ...]:
        return tuple([getattr(self, name) for name in type(self).__match_args__])  # type: ignore[attr-defined]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __setattr__(self, name: str, value: Any) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")

    def __getstate__(self) -> tuple[Any, ...]:
        return self._values()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(type(self).__match_args__, state, strict=True):  # type: ignore[attr-defined]
            object.__setattr__(self, name, value)


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T]) -> type[T]:
    """Make a subclass of :class:`Frozen` a record: a slotted dataclass with one generated method,
    an ``__init__`` that sets each field once (defaults and ``default_factory`` as a dataclass)."""
    if not issubclass(cls, Frozen):  # without the base, nothing would refuse a change
        raise TypeError(f"@frozen class {cls.__name__} must derive from Frozen")
    made = dataclasses.dataclass(slots=True, init=False, repr=False, eq=False)(cls)
    made.__init__ = _init(made)  # type: ignore[method-assign]
    return made


def _init(cls: type) -> Any:
    """``__init__(self, a, b=default, c=<factory>)``: each field set with ``object.__setattr__``."""
    names: dict[str, Any] = {"_set": object.__setattr__, "_MISSING": dataclasses.MISSING}
    params, body = [], []
    for f in dataclasses.fields(cls):
        if f.default is not dataclasses.MISSING:
            names[f"_d_{f.name}"] = f.default
            params.append(f"{f.name}=_d_{f.name}")
        elif f.default_factory is not dataclasses.MISSING:
            names[f"_f_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_MISSING")
            body.append(f"if {f.name} is _MISSING: {f.name} = _f_{f.name}()")
        else:
            params.append(f.name)
        body.append(f"_set(self, {f.name!r}, {f.name})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "".join(f"    {line}\n" for line in body or ["pass"])
    exec(source, names)  # as dataclasses does: one function, compiled once per class
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    return init

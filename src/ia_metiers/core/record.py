"""The repr and the frozenness of the core's dataclasses, written once here rather than generated
for each class when its module is imported (start-up pays for every generated method)."""

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
    """A record whose fields are set once, by ``__init__``, and never again."""

    __slots__ = ()

    def __setattr__(self, name: str, value: Any) -> None:
        try:
            object.__getattribute__(self, name)
        except AttributeError:  # not set yet: __init__ (or unpickling) is setting it
            object.__setattr__(self, name, value)
            return
        raise dataclasses.FrozenInstanceError(f"cannot assign to field '{name}'")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field '{name}'")


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def frozen(cls: type[T]) -> type[T]:
    """``@dataclass(frozen=True, slots=True, eq=False)`` for a subclass of :class:`Frozen`, at a
    third of the import cost: only ``__init__`` is generated."""
    if not issubclass(cls, Frozen):  # without the base, nothing would refuse a change
        raise TypeError(f"@frozen class {cls.__name__} must derive from Frozen")
    return dataclasses.dataclass(slots=True, eq=False, repr=False)(cls)

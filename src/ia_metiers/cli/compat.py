"""Every hook ia-metiers has into a private name of a dependency, in one place.

- Click's exceptions, help formatter, current context and completion registry: Typer 0.20+ ships
  its own copy of Click as ``typer._click``; older Typers run on Click itself.
- Shell completion (``cli/completion.py``): Typer's completion classes and scripts
  (``typer._completion_classes``, ``typer._completion_shared``), imported only when completing.
- Plain option values without pydantic (``cli/coercion.py`` says why): Typer 0.2x builds a
  pydantic adapter for a parameter in ``_TyperParameter.get_runtime_param`` unless the parameter's
  ``_runtime_param`` is already set. :func:`coerce_plain_values` sets it, on the parameters of
  ia-metiers' own commands only (``context.LocalCommand`` and ``LocalGroup`` call it before
  parsing): no class or module of Typer is changed, so another Typer app in the same process
  keeps Typer's own behaviour. It uses ``typer._coercion.RuntimeParam`` and
  ``build_runtime_param``, and ``typer._param_types.coerce_cli_choice``, ``coerce_cli_path`` and
  ``routes_to_path``.

When a new release drops one of these names, :data:`PLAIN_VALUES` is False and the commands run on
Typer's own adapters (the same answers, about 100 ms slower to start), and ``tests/test_compat.py``
fails loudly. pyproject.toml pins ``typer`` below the next minor release for that reason.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

try:  # Typer 0.20+ ships its own copy of Click
    from typer._click import exceptions as click_exceptions
    from typer._click.formatting import HelpFormatter
    from typer._click.globals import get_current_context
except ImportError:  # pragma: no cover - older Typer on Click
    from click import exceptions as click_exceptions  # type: ignore[no-redef,import-not-found,unused-ignore]
    from click.formatting import HelpFormatter  # type: ignore[no-redef,import-not-found,unused-ignore]
    from click.globals import get_current_context  # type: ignore[no-redef,import-not-found,unused-ignore]

__all__ = [
    "PLAIN_VALUES",
    "HelpFormatter",
    "add_completion_class",
    "click_exceptions",
    "coerce_plain_values",
    "completion_classes",
    "completion_shared",
    "get_current_context",
    "typer_hooks",
]


def completion_classes() -> Any:
    """``typer._completion_classes``: Typer's shell completion classes (ZshComplete...)."""
    from typer import _completion_classes

    return _completion_classes


def completion_shared() -> Any:
    """``typer._completion_shared``: the completion scripts and their installation."""
    from typer import _completion_shared

    return _completion_shared


def add_completion_class(cls: Any, name: str) -> None:
    """Click's ``add_completion_class`` (in Typer's copy of Click)."""
    try:
        from typer._click.shell_completion import add_completion_class as add
    except ImportError:  # pragma: no cover - older Typer on Click
        from click.shell_completion import add_completion_class as add  # type: ignore[no-redef,import-not-found,unused-ignore]
    add(cls, name)


@dataclasses.dataclass(frozen=True)
class TyperHooks:
    """The private names of Typer that plain coercion needs."""

    runtime_param: type  # typer._coercion.RuntimeParam: a frozen dataclass (parameter_info, annotation)
    build: Any  # typer._coercion.build_runtime_param(descriptor): Typer's own runtime parameter
    choice: Any  # typer._param_types.coerce_cli_choice
    path: Any  # typer._param_types.coerce_cli_path
    routes: Any  # typer._param_types.routes_to_path
    parameter: Any  # typer.core._TyperParameter (a class): has type_descriptor and _runtime_param


def typer_hooks() -> TyperHooks | None:
    """The hooks, or None when this Typer lacks one of them (or has no pydantic adapters at all)."""
    try:
        from typer import _coercion, _param_types, core
    except ImportError:
        return None
    base: Any = getattr(_coercion, "RuntimeParam", None)
    parameter: Any = getattr(core, "_TyperParameter", None)
    found = TyperHooks(
        base,
        getattr(_coercion, "build_runtime_param", None),
        getattr(_param_types, "coerce_cli_choice", None),
        getattr(_param_types, "coerce_cli_path", None),
        getattr(_param_types, "routes_to_path", None),
        parameter,
    )
    if not (isinstance(base, type) and dataclasses.is_dataclass(base)):
        return None
    if {f.name for f in dataclasses.fields(base)} != {"parameter_info", "annotation"}:
        return None
    if not (isinstance(parameter, type) and callable(getattr(parameter, "get_runtime_param", None))):
        return None
    if not all(callable(f) for f in (found.build, found.choice, found.path, found.routes)):
        return None
    return found


_HOOKS = typer_hooks()
PLAIN_VALUES = _HOOKS is not None
_PLAIN: list[type] = []  # the Plain runtime parameter class, made on first use


def _plain_class(hooks: TyperHooks) -> type:
    if _PLAIN:
        return _PLAIN[0]
    from ia_metiers.cli.coercion import NOT_PLAIN, plain

    @dataclasses.dataclass(frozen=True)
    class Plain(hooks.runtime_param):  # type: ignore[misc,name-defined]
        """Plain values directly; any other value through Typer's own runtime parameter."""

        descriptor: Any = None
        kind: tuple[Any, ...] = ()
        own: list[Any] = dataclasses.field(default_factory=list)  # Typer's runtime parameter, once built

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                done = plain(self.kind, self.parameter_info, value, param, ctx, hooks.choice, hooks.path)
            except Exception:  # Typer's own coercion says what is wrong, in its words
                done = NOT_PLAIN
            if done is not NOT_PLAIN:
                return done
            if not self.own:
                self.own.append(hooks.build(self.descriptor))
            return self.own[0]._coerce_value(value, param=param, ctx=ctx)

    _PLAIN.append(Plain)
    return Plain


def coerce_plain_values(params: Iterable[Any]) -> bool:
    """Give each of these parameters (ia-metiers' own) a runtime parameter that coerces plain
    values without pydantic; False when this Typer has no such hook (nothing is changed)."""
    hooks = _HOOKS
    if hooks is None:
        return False
    from ia_metiers.cli.coercion import kind_of

    for param in params:
        if not isinstance(param, hooks.parameter) or getattr(param, "_runtime_param", None) is not None:
            continue
        desc: Any = getattr(param, "type_descriptor", None)
        if desc is None:
            continue
        kind = kind_of(desc.annotation, desc.parameter_info, hooks.routes)
        if kind is None or getattr(desc, "file_annotation", None) is not None:
            continue  # Typer builds its own, as it always does
        param._runtime_param = _plain_class(hooks)(desc.parameter_info, desc.annotation, desc, kind)
    return True

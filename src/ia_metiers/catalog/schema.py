"""JSON Schema for each catalogue file, generated from the typed model."""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from ia_metiers.catalog.convert import hints
from ia_metiers.core.model import FILES, Requirement, Text, TextList

DRAFT = "https://json-schema.org/draft/2020-12/schema"


def _type(tp: Any, md: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(tp)
    if origin in (Union, types.UnionType):
        inner = [a for a in get_args(tp) if a is not type(None)]
        return {"anyOf": [_type(inner[0], md), {"type": "null"}]}
    if origin is Literal:
        return {"enum": list(get_args(tp))}
    if origin is list:
        return {"type": "array", "items": _type(get_args(tp)[0], md)}
    if tp in (Text, TextList):
        item = {"type": "string", "minLength": 1}
        value = item if tp is Text else {"type": "array", "items": item}
        return {
            "type": "object",
            "properties": {"fr": value, "en": value},
            "required": ["fr", "en"],
            "additionalProperties": False,
        }
    if dataclasses.is_dataclass(tp):
        obj = _object(typing.cast(type, tp))
        if tp is Requirement:
            return {"anyOf": [{"type": "string", "description": "skill id, optionally 'id:level'"}, obj]}
        return obj
    scalars: dict[Any, dict[str, Any]] = {
        str: {"type": "string", "minLength": 1},
        int: {"type": "integer"},
        float: {"type": "number"},
        bool: {"type": "boolean"},
    }
    out = dict(scalars[tp])
    if md.get("min") is not None and tp in (int, float):
        out["minimum"] = md["min"]
    if md.get("max") is not None and tp in (int, float):
        out["maximum"] = md["max"]
    if md.get("pattern") and tp is str:
        out["pattern"] = md["pattern"]
    return out


def _object(cls: type) -> dict[str, Any]:
    props: dict[str, Any] = {}
    required = []
    for f in dataclasses.fields(cls):
        spec = _type(hints(cls)[f.name], dict(f.metadata))
        if f.metadata.get("doc"):
            spec = {"description": f.metadata["doc"], **spec}
        if f.metadata.get("ref"):
            spec = {**spec, "x-ref-kind": f.metadata["ref"]}
        props[f.name] = spec
        no_default = f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
        if no_default:
            required.append(f.name)
    out: dict[str, Any] = {"type": "object", "properties": props, "additionalProperties": False}
    if required:
        out["required"] = required
    if cls.__doc__:
        out["description"] = cls.__doc__.strip().splitlines()[0]
    return out


def file_schema(name: str) -> dict[str, Any]:
    """The schema of one data file, e.g. ``roles.yaml``."""
    key, cls, _kind = FILES[name]
    return {
        "$schema": DRAFT,
        "$id": f"https://ia-metiers.local/schema/{name.replace('.yaml', '.schema.json')}",
        "title": f"ia-metiers {name}",
        "type": "object",
        "properties": {
            key: {"type": "array", "items": _object(cls)},
            "replace": {"type": "boolean", "description": "replace the bundled file instead of overlaying it"},
        },
        "required": [key],
        "additionalProperties": False,
    }


def schemas() -> dict[str, str]:
    """File name -> schema text, for every data file."""
    return {
        name.replace(".yaml", ".schema.json"): json.dumps(file_schema(name), indent=2, ensure_ascii=False) + "\n"
        for name in FILES
    }


def write(directory: Path) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in schemas().items():
        path = directory / name
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


if __name__ == "__main__":  # python -m ia_metiers.catalog.schema [DIR]: regenerate the schemas
    import sys

    for written in write(Path(sys.argv[1] if len(sys.argv) > 1 else "schema")):
        print(written)

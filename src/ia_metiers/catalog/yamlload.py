"""Safe YAML loading that remembers the line of every mapping, key and list item."""

from __future__ import annotations

import re
from typing import Any

import yaml

try:  # the C parser when libyaml is available: several times faster
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Base = yaml.SafeLoader

from ia_metiers.core.text import codes
from ia_metiers.errors import Problem


class LineDict(dict[Any, Any]):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict[str, int]


class LineList(list[Any]):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list[int]


class _LineLoader(_Base):  # type: ignore[misc]
    """SafeLoader that builds LineDict/LineList and rejects duplicate keys."""

    duplicates: list[tuple[int, str]]


# What YAML refuses as it is in a file (C0 controls but tab and line breaks, DEL, C1 controls;
# NEL too, which YAML would take as a line break): each line that has one is named, up to 100.
_RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
MAX_RAW_LINES = 100
MAX_DEPTH = 50  # nesting levels a catalogue file may use
MAX_DIGITS = 50  # characters of an integer (Python refuses to read those past 4,300 digits)
MAX_BYTES = 10_000_000  # size of one catalogue file


def _raw_controls(text: str, label: str) -> list[Problem]:
    """A problem for each line holding control characters that YAML cannot parse, so that all of
    them are listed in one pass with their line (the parser would stop at the first)."""
    by_line: dict[int, list[str]] = {}
    line, last = 1, 0
    for found in _RAW_CONTROLS.finditer(text):
        line += text.count("\n", last, found.start())
        last = found.start()
        chars = by_line.setdefault(line, [])
        if found[0] not in chars:
            chars.append(found[0])
    problems = []
    for number, chars in list(by_line.items())[:MAX_RAW_LINES]:
        plural = "s" if len(chars) > 1 else ""
        problems.append(Problem(label, number, f"control character{plural} {codes(chars)}: not allowed in a catalogue file"))
    if len(by_line) > MAX_RAW_LINES:
        problems.append(Problem(label, line, f"control characters on {len(by_line) - MAX_RAW_LINES} more lines"))
    return problems


def _check_nodes(root: yaml.Node | None) -> None:
    """Refuse aliases (a node reached twice: no catalogue file needs them, and they make 'billion
    laughs' bombs), nesting deeper than MAX_DEPTH and integers longer than MAX_DIGITS, before
    anything is built from the nodes."""
    if root is None:
        return
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise yaml.composer.ComposerError(None, None, "aliases (*name, <<: *name) are not allowed", node.start_mark)
        seen.add(id(node))
        if depth > MAX_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nesting deeper than {MAX_DEPTH} levels", node.start_mark)
        if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int" and len(node.value) > MAX_DIGITS:
            raise yaml.composer.ComposerError(None, None, f"integer longer than {MAX_DIGITS} characters", node.start_mark)
        children: list[yaml.Node] = []
        if isinstance(node, yaml.SequenceNode):
            children = node.value
        elif isinstance(node, yaml.MappingNode):
            children = [part for pair in node.value for part in pair]
        stack.extend((child, depth + 1) for child in reversed(children))  # popped in document order


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            key = str(key)
        if key in result:
            loader.duplicates.append((key_node.start_mark.line + 1, key))
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _LineLoader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def load_yaml(text: str, label: str) -> tuple[Any, list[Problem]]:
    """Parse ``text``; return the data and the problems found (syntax, tags, duplicates)."""
    if len(text) > MAX_BYTES:
        return None, [Problem(label, 0, f"file larger than {MAX_BYTES // 1_000_000} MB")]
    raw = _raw_controls(text, label)
    if raw:
        return None, raw
    loader = _LineLoader(text)
    loader.duplicates = []
    try:
        node = loader.get_single_node()
        _check_nodes(node)
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        what = (exc.problem or str(exc)).strip()
        if "could not determine a constructor" in what:
            found = re.search(r"'([^']+)'", what)
            tag = found.group(1).replace("tag:yaml.org,2002:", "!!") if found else "?"
            what = f"unsupported tag {tag}: only plain YAML is allowed"
        return None, [Problem(label, line, f"YAML error: {what}")]
    except yaml.reader.ReaderError as exc:  # a character YAML refuses that the scan above let through
        line = text.count("\n", 0, exc.position) + 1
        what = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return None, [Problem(label, line, f"YAML error: character {what} is not allowed")]
    except yaml.YAMLError as exc:
        return None, [Problem(label, 0, f"YAML error: {exc}")]
    finally:
        loader.dispose()
    problems = [Problem(label, line, f"duplicate key '{key}'") for line, key in loader.duplicates]
    return data, problems

"""Every walk over the skill relations (``broader``: is a kind of; ``prerequisites``: learnt
after), in one place: closures and depths, missing prerequisites, learning order, and the cycles
and longest chains the validator refuses.

A relation is given as its edges, ``skill id -> the ids it points to``; an id with no entry
points nowhere. Every walk is iterative or bounded by the validator's chain limit, so a long
chain cannot exhaust Python's stack, and none loops on a cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal, Protocol

Relation = Literal["broader", "prerequisites"]
Edges = Mapping[str, Sequence[str]]


class _Related(Protocol):
    @property
    def broader(self) -> Sequence[str]: ...

    @property
    def prerequisites(self) -> Sequence[str]: ...


def edges(skills: Mapping[str, _Related], relation: Relation) -> dict[str, tuple[str, ...]]:
    """The edges of one relation, keeping only targets that are skills of ``skills``."""
    return {sid: tuple(t for t in getattr(skill, relation) if t in skills) for sid, skill in skills.items()}


def depths(graph: Edges, start: str) -> dict[str, int]:
    """Everything reachable from ``start`` with its distance (1: a direct edge), nearest first
    (breadth first, each node at its shortest distance); ``start`` itself is left out."""
    found: dict[str, int] = {}
    frontier, depth = list(graph.get(start, ())), 1
    while frontier:
        following: list[str] = []
        for node in frontier:
            if node != start and node not in found:
                found[node] = depth
                following.extend(graph.get(node, ()))
        frontier, depth = following, depth + 1
    return found


def closure(graph: Edges, start: str) -> tuple[str, ...]:
    """Everything reachable from ``start``, nearest first (the ancestors through ``broader``)."""
    return tuple(depths(graph, start))


def reachable(graph: Edges, start: str) -> list[str]:
    """Everything reachable from ``start`` in depth-first order (last edge first), no repeats;
    ``start`` is included only when a cycle leads back to it."""
    seen: list[str] = []
    stack = [start]
    while stack:
        node = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt not in seen:
                seen.append(nxt)
                stack.append(nxt)
    return seen


def missing(graph: Edges, start: str, holds: Callable[[str], bool]) -> list[str]:
    """What ``start`` stands on (transitively) that ``holds`` says is not held; the walk does not
    go below a node that is held (what it stands on is assumed known)."""
    out: list[str] = []
    stack = list(graph.get(start, ()))
    while stack:
        node = stack.pop()
        if node in out or holds(node):
            continue
        out.append(node)
        stack.extend(graph.get(node, ()))
    return out


def learning_order(graph: Edges, wanted: Iterable[str]) -> list[str]:
    """``wanted`` (each once) sorted so that what a skill stands on comes before it, directly or
    through skills that are not wanted; otherwise in the given order."""
    order = list(dict.fromkeys(wanted))
    among = set(order)
    out: list[str] = []
    placed: set[str] = set()

    def place(sid: str, trail: frozenset[str]) -> None:
        if sid in placed or sid in trail:
            return
        for pre in graph.get(sid, ()):
            if pre in among:
                place(pre, trail | {sid})
            else:
                for deeper in reachable(graph, pre):
                    if deeper in among:
                        place(deeper, trail | {sid})
        placed.add(sid)
        out.append(sid)

    for sid in order:
        place(sid, frozenset())
    return out


def find_cycle(graph: Edges) -> list[str] | None:
    """A cycle, as a closed path (``[a, b, a]``), or None; roots are tried in id order."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    for root in sorted(graph):
        if root in state:
            continue
        path, todo = [root], [iter(graph.get(root, ()))]
        state[root] = 1
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
            elif state.get(nxt) == 1:
                return [*path[path.index(nxt) :], nxt]
            elif nxt not in state:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(graph.get(nxt, ())))
    return None


def longest_chain(graph: Edges) -> list[str]:
    """The longest path of an acyclic graph (the first in id order among the longest); [] for an
    empty graph."""
    best: dict[str, tuple[int, str | None]] = {}  # node -> (edges below it, next node on the path)
    for root in sorted(graph):
        stack = [(root, False)]
        while stack:
            node, expanded = stack.pop()
            if expanded:
                below = [(best[c][0] + 1, c) for c in graph.get(node, ()) if c in best]
                best[node] = max(below, key=lambda lc: lc[0]) if below else (0, None)
            elif node not in best:
                stack.append((node, True))
                stack.extend((c, False) for c in graph.get(node, ()) if c not in best)
    if not best:
        return []
    cur: str | None = max(sorted(best), key=lambda n: best[n][0])
    chain = []
    while cur is not None:
        chain.append(cur)
        cur = best[cur][1]
    return chain

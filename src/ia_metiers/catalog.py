"""Load, merge and validate the YAML catalogue into a typed, indexed ``Catalog``."""

from __future__ import annotations

import math
import os
import pickle
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ia_metiers import __version__
from ia_metiers.errors import CatalogError, Problem
from ia_metiers.model import (
    FILES,
    LEVELS,
    REQUIRED_FILES,
    Figure,
    Funding,
    Job,
    Role,
    Sector,
    Skill,
    Source,
    Training,
)
from ia_metiers.resolve import Vocabulary
from ia_metiers.text import fold

# Validation (YAML parsing, conversion) is imported only when the cache cannot answer.

_CACHE_FORMAT = 1


def bundled_data_dir() -> Path:
    """The catalogue shipped with the package (wheel) or beside the sources (checkout)."""
    here = Path(__file__).resolve().parent
    packaged = here / "data"
    return packaged if packaged.is_dir() else here.parents[1] / "data"


@dataclass
class Catalog:
    """The whole catalogue, by id, with derived indexes for lookups and planning."""

    sources: dict[str, Source]
    skills: dict[str, Skill]
    roles: dict[str, Role]
    jobs: dict[str, Job] = field(default_factory=dict)
    trainings: dict[str, Training] = field(default_factory=dict)
    funding: dict[str, Funding] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skill_vocab: Vocabulary = field(default_factory=Vocabulary)
    role_vocab: Vocabulary = field(default_factory=Vocabulary)
    job_vocab: Vocabulary = field(default_factory=Vocabulary)
    skill_weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ancestors = {sid: tuple(_closure(sid, lambda s: self.skills[s].broader))
                          for sid in self.skills}
        self.skill_vocab, self.role_vocab, self.job_vocab = (
            Vocabulary.build((i, (e.name.fr, e.name.en), e.aliases) for i, e in entries.items())
            for entries in (self.skills, self.roles, self.jobs)
        )
        df: dict[str, int] = {}
        for role in self.roles.values():
            for sid in {r.skill for r in (*role.required, *role.optional)}:
                df[sid] = df.get(sid, 0) + 1
        n = max(len(self.roles), 1)
        # IDF: skills every role asks for weigh little; unused ones weigh like the rarest
        self.skill_weights = {sid: math.log(1 + n / df.get(sid, 0.5)) for sid in self.skills}



def _closure(start: str, step: Any) -> list[str]:
    """Everything reachable from ``start`` through ``step``, nearest first, no repeats."""
    seen: list[str] = []
    frontier = list(step(start))
    while frontier:
        nxt: list[str] = []
        for item in frontier:
            if item != start and item not in seen:
                seen.append(item)
                nxt.extend(step(item))
        frontier = nxt
    return seen


@dataclass
class _Entry:
    kind: str
    label: str
    raw: Any
    line: int


def _label(directory: Path, name: str, bundled: bool) -> str:
    return f"data/{name}" if bundled else str(directory / name)


def _read(directory: Path, bundled: bool, problems: list[Problem]) -> dict[str, tuple[str, Any]]:
    """Parse every known file of a directory: name -> (label, data)."""
    from ia_metiers.yamlload import load_yaml

    out: dict[str, tuple[str, Any]] = {}
    for name in FILES:
        path = directory / name
        if not path.is_file():
            continue
        label = _label(directory, name, bundled)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(label, 0, f"cannot read: {exc}"))
            continue
        data, found = load_yaml(text, label)
        problems.extend(found)
        if data is not None:
            out[name] = (label, data)
    return out


def _entries(files: list[dict[str, tuple[str, Any]]], problems: list[Problem]) -> dict[str, dict[str, _Entry]]:
    """Merge raw entries by id: later directories overlay earlier ones (or replace a file)."""
    merged: dict[str, dict[str, _Entry]] = {FILES[name][2]: {} for name in FILES}
    for layer in files:
        for name, (label, data) in layer.items():
            key, _cls, kind = FILES[name]
            if data is None:
                data = {}
            if not isinstance(data, dict) or not isinstance(data.get(key, []), list):
                problems.append(Problem(label, getattr(data, "line", 1),
                                        f"expected a mapping with a '{key}' list"))
                continue
            if data.get("replace") is True:
                merged[kind] = {}
            for extra in set(data) - {key, "replace"}:
                problems.append(Problem(label, data.key_lines.get(extra, 1), f"unknown top-level key '{extra}'"))
            seen: set[str] = set()
            items = data.get(key) or []
            for raw, line in zip(items, getattr(items, "item_lines", [1] * len(items)), strict=False):
                ident = raw.get("id") if isinstance(raw, dict) else None
                if not isinstance(ident, str) or not ident:
                    problems.append(Problem(label, line, f"{kind} entry without an 'id'"))
                    continue
                if ident in seen:
                    problems.append(Problem(label, line, f"duplicate {kind} id '{ident}'"))
                    continue
                if ident != ident.strip().lower() or " " in ident or "_" in ident:
                    problems.append(Problem(label, line, f"{kind} id '{ident}' is not kebab-case"))
                seen.add(ident)
                merged[kind][ident] = _Entry(kind, label, raw, line)
    return merged


def _build(merged: dict[str, dict[str, _Entry]], problems: list[Problem]) -> dict[str, dict[str, Any]]:
    from ia_metiers.convert import Converter

    ids = {kind: set(entries) for kind, entries in merged.items()}
    built: dict[str, dict[str, Any]] = {}
    for _name, (_key, cls, kind) in FILES.items():
        built[kind] = {}
        for ident, entry in merged[kind].items():
            conv = Converter(entry.label, ids)
            obj = conv.entry(cls, entry.raw, entry.line, f"{kind} '{ident}'")
            problems.extend(conv.problems)
            if obj is not None:
                built[kind][ident] = obj
    return built


def _check(merged: dict[str, dict[str, _Entry]], built: dict[str, dict[str, Any]],
           problems: list[Problem]) -> None:
    """Checks that span entries: aliases, cycles, bands, unused skills."""

    def at(kind: str, ident: str, key: str | None = None, index: int | None = None) -> tuple[str, int]:
        entry = merged[kind][ident]
        line = entry.line
        if key and isinstance(entry.raw, dict):
            line = entry.raw.key_lines.get(key, line)
            value = entry.raw.get(key)
            if index is not None and hasattr(value, "item_lines") and index < len(value.item_lines):
                line = value.item_lines[index]
        return entry.label, line

    for kind in ("skill", "role", "job"):
        owners: dict[str, str] = {}
        for ident, obj in built[kind].items():
            labels = [(None, ident), ("name", obj.name.fr), ("name", obj.name.en)]
            labels += [("aliases", a) for a in obj.aliases]
            mine: set[str] = set()
            for i, (key, text) in enumerate(labels):
                folded = fold(text)
                if not folded:
                    continue
                other = owners.get(folded)
                if other is not None and other != ident:
                    index = i - 3 if key == "aliases" else None
                    file, line = at(kind, ident, key, index)
                    problems.append(Problem(file, line, f"{kind} '{ident}': '{text}' is also a name or alias "
                                                        f"of {kind} '{other}'"))
                elif folded not in mine:
                    owners[folded] = ident
                    mine.add(folded)

    skills: dict[str, Skill] = built["skill"]
    for attr in ("prerequisites", "broader"):
        cycle = _find_cycle({s: [p for p in getattr(obj, attr) if p in skills] for s, obj in skills.items()})
        if cycle:
            file, line = at("skill", cycle[0], attr)
            problems.append(Problem(file, line, f"{attr} cycle: {' -> '.join(cycle)}"))

    for rid, role in built["role"].items():
        if not role.required:
            file, line = at("role", rid, "required")
            problems.append(Problem(file, line, f"role '{rid}' requires no skill"))
        seen_levels = set()
        for i, band in enumerate(role.salaries):
            file, line = at("role", rid, "salaries", i)
            if band.min > band.max:
                problems.append(Problem(file, line, f"role '{rid}': salary band {band.region}/{band.level} "
                                                    f"is inverted ({band.min} > {band.max})"))
            if (band.region == "fr") != (band.currency == "EUR"):
                problems.append(Problem(file, line, f"role '{rid}': band {band.region}/{band.level} in {band.currency}"))
            if (band.region, band.level, band.year) in seen_levels:
                problems.append(Problem(file, line, f"role '{rid}': two bands for {band.region}/{band.level} "
                                                    f"in {band.year}"))
            seen_levels.update({(band.region, band.level, band.year), (band.region, band.level)})
        if not any(band.region == "fr" for band in role.salaries):
            file, line = at("role", rid, "salaries")
            problems.append(Problem(file, line, f"role '{rid}' has no France salary band"))
        if role.education and role.education.min > role.education.max:
            file, line = at("role", rid, "education")
            problems.append(Problem(file, line, f"role '{rid}': education range is inverted"))

    used: set[str] = set()
    for role in built["role"].values():
        used.update(r.skill for r in (*role.required, *role.optional))
    for job in built["job"].values():
        used.update(r.skill for r in job.skills)
    for training in built["training"].values():
        used.update(training.skill_ids)
    for skill in skills.values():
        used.update(skill.broader)
        used.update(skill.prerequisites)
    for sid, skill in skills.items():
        if sid not in used and not skill.broader:
            file, line = at("skill", sid)
            problems.append(Problem(file, line, f"skill '{sid}' is used by no role, job, training or other skill"))



def _find_cycle(graph: dict[str, list[str]]) -> list[str] | None:
    """A cycle in a directed graph, as a closed path, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in graph.get(node, []):
            if state.get(nxt) == 1:
                return [*stack[stack.index(nxt):], nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def _cache_key(dirs: Iterable[Path]) -> str:
    """What the cached catalogue depends on: version, directories, each file's size and mtime."""
    parts = [__version__, str(_CACHE_FORMAT)]
    here = Path(__file__).parent
    for module in ("catalog.py", "convert.py", "model.py", "resolve.py", "text.py"):
        try:  # code that shapes the cached objects
            parts.append(f"{module}:{(here / module).stat().st_mtime_ns}")
        except OSError:
            parts.append(module)
    for directory in dirs:
        parts.append(str(directory.resolve()))
        for name in FILES:
            try:
                st = (directory / name).stat()
                parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
            except OSError:
                parts.append(f"{name}:-")
    return "|".join(parts)


def _cache_path(key: str) -> Path | None:
    """Where the catalogue for ``key`` is cached (None: caching is off)."""
    if os.environ.get("IA_METIERS_NO_CACHE"):
        return None
    explicit = os.environ.get("IA_METIERS_CACHE_DIR")
    if explicit:
        root = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        root = (Path(base) if base else Path.home() / ".cache") / "ia-metiers"
    return root / f"catalog-{zlib.crc32(key.encode()):08x}.pickle"


def validate(data_dir: Path | None = None) -> tuple[Catalog | None, list[Problem]]:
    """Load the bundled catalogue, overlaid by ``data_dir``; return it and its problems."""
    problems: list[Problem] = []
    layers = [_read(bundled_data_dir(), True, problems)]
    if data_dir is not None:
        if not data_dir.is_dir():
            return None, [Problem(str(data_dir), 0, "not a directory")]
        layers.append(_read(data_dir, False, problems))
    present = set().union(*layers)
    for name in REQUIRED_FILES:
        if name not in present:
            problems.append(Problem(f"data/{name}", 0, "missing file"))
    merged = _entries(layers, problems)
    built = _build(merged, problems)
    if not problems:
        _check(merged, built, problems)
    if problems:
        return None, problems
    catalog = Catalog(
        sources=built["source"], skills=built["skill"], roles=built["role"], jobs=built["job"],
        trainings=built["training"], funding=built["funding"], sectors=built["sector"],
        figures=built["figure"],
    )
    return catalog, []


def load(data_dir: Path | None = None) -> Catalog:
    """The validated catalogue, from the cache when the files are unchanged."""
    dirs = [bundled_data_dir()] + ([data_dir] if data_dir is not None else [])
    key = _cache_key(dirs) if all(d.is_dir() for d in dirs) else ""
    cache = _cache_path(key) if key else None
    if cache is not None and cache.is_file():
        try:
            with cache.open("rb") as fh:
                stored_key, catalog = pickle.load(fh)
            if stored_key == key and isinstance(catalog, Catalog):
                return catalog
        except Exception:
            pass
    catalog, problems = validate(data_dir)
    if catalog is None:
        raise CatalogError(problems)
    if cache is not None:
        from ia_metiers.match import prepare

        prepare(catalog)  # the scoring tables travel in the cache too
        _store(cache, key, catalog)
    return catalog


def _store(path: Path, key: str, catalog: Catalog) -> None:
    """Write the cache atomically; keep the few most recent catalogues only."""
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as fh:
            pickle.dump((key, catalog), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(fh.name, path)
        old = sorted(path.parent.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[8:]:
            stale.unlink(missing_ok=True)
    except OSError:
        pass

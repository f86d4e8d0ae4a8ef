"""Load, merge and validate the YAML catalogue into a typed, indexed ``Catalog``."""

from __future__ import annotations

import contextlib
import functools
import os
import pickle
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ia_metiers import __version__
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.model import FILES, REQUIRED_FILES
from ia_metiers.errors import CatalogError, Problem

# Validation (YAML parsing, conversion) is imported only when the cache cannot answer.

_CACHE_FORMAT = 2
MAX_FILE_BYTES = 10_000_000  # yamlload.MAX_BYTES, known here without importing YAML


def bundled_data_dir() -> Path:
    """The catalogue shipped with the package (wheel) or beside the sources (checkout)."""
    package = Path(__file__).resolve().parents[1]
    packaged = package / "data"
    return packaged if packaged.is_dir() else package.parents[1] / "data"


@dataclass
class Entry:
    """One raw entry after merging: its kind, file label, YAML value and line."""

    kind: str
    label: str
    raw: Any
    line: int


def _label(directory: Path, name: str, bundled: bool) -> str:
    return f"data/{name}" if bundled else str(directory / name)


def _read(directory: Path, bundled: bool, problems: list[Problem]) -> dict[str, tuple[str, Any]]:
    """Parse every known file of a directory: name -> (label, data)."""
    from ia_metiers.catalog.yamlload import load_yaml

    out: dict[str, tuple[str, Any]] = {}
    if not bundled:
        _check_overlay_names(directory, problems)
    for name in FILES:
        path = directory / name
        if not path.is_file():
            continue
        if not bundled and not _inside(directory, path):
            problems.append(Problem(str(path), 0, "links outside the data folder: not read"))
            continue
        label = _label(directory, name, bundled)
        try:
            with path.open("rb") as fh:
                raw = fh.read(MAX_FILE_BYTES + 1)  # never more: a huge file is refused, not loaded
        except OSError as exc:
            problems.append(Problem(label, 0, f"cannot read: {exc.strerror or exc}"))
            continue
        if len(raw) > MAX_FILE_BYTES:
            problems.append(Problem(label, 0, f"file larger than {MAX_FILE_BYTES // 1_000_000} MB"))
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            problems.append(Problem(label, line, f"cannot read: not UTF-8 text ({exc.reason})"))
            continue
        data, found = load_yaml(text, label)
        problems.extend(found)
        if data is not None:
            out[name] = (label, data)
    return out


def folder_problem(directory: Path) -> Problem | None:
    """Why an overlay folder cannot be read at all, or None: it is missing, is not a folder,
    cannot be listed (no read permission) or its files cannot be opened (no search permission).
    Checked before anything else, the cache included, so that such a folder is always refused."""
    where = str(directory)
    try:
        st = os.stat(directory)
    except (FileNotFoundError, NotADirectoryError):
        return Problem(where, 0, "no such folder")
    except OSError as exc:  # a parent folder that cannot be searched, a loop of links...
        return Problem(where, 0, f"cannot be reached: {exc.strerror or exc}")
    if not stat.S_ISDIR(st.st_mode):
        return Problem(where, 0, "not a folder")
    try:
        with os.scandir(directory) as entries:
            next(entries, None)
    except OSError as exc:
        return Problem(where, 0, f"cannot list the folder: {exc.strerror or exc}")
    try:
        os.stat(os.path.join(directory, "."))  # "dir/." resolves only with search permission
    except OSError as exc:
        return Problem(where, 0, f"cannot open the files of the folder: {exc.strerror or exc}")
    return None


def _inside(directory: Path, path: Path) -> bool:
    try:
        return path.resolve().is_relative_to(directory.resolve())
    except OSError:
        return False


def _check_overlay_names(directory: Path, problems: list[Problem]) -> None:
    """Report every entry of an overlay folder that looks meant as a catalogue file but is not
    read: another extension or case (skills.yml, Skills.yaml), a folder, a FIFO, a dangling link."""
    try:
        entries = sorted(directory.iterdir())
    except OSError as exc:
        problems.append(Problem(str(directory), 0, f"cannot list the folder: {exc.strerror or exc}"))
        return
    known = {name.removesuffix(".yaml"): name for name in FILES}
    for entry in entries:
        name = entry.name
        stem = name.lower().removesuffix(".yaml").removesuffix(".yml")
        if name in FILES:
            if entry.is_symlink() and not entry.exists():
                problems.append(Problem(str(entry), 0, "dangling link: not read"))
            elif not entry.is_file():
                problems.append(Problem(str(entry), 0, "not a regular file: not read"))
        elif stem in known and name.lower().endswith((".yaml", ".yml")):
            problems.append(Problem(str(entry), 0, f"not read: name it {known[stem]}"))


def _entries(files: list[dict[str, tuple[str, Any]]], problems: list[Problem]) -> dict[str, dict[str, Entry]]:
    """Merge raw entries by id: later directories overlay earlier ones (or replace a file)."""
    merged: dict[str, dict[str, Entry]] = {FILES[name][2]: {} for name in FILES}
    for layer in files:
        for name, (label, data) in layer.items():
            key, _cls, kind = FILES[name]
            if data is None:
                data = {}
            if not isinstance(data, dict) or not isinstance(data.get(key, []), list):
                problems.append(Problem(label, getattr(data, "line", 1), f"expected a mapping with a '{key}' list"))
                continue
            key_lines = getattr(data, "key_lines", {})
            if "replace" in data and not isinstance(data["replace"], bool):
                problems.append(Problem(label, key_lines.get("replace", 1), "replace must be true or false"))
            if data.get("replace") is True:
                merged[kind] = {}
            for extra in set(data) - {key, "replace"}:
                problems.append(Problem(label, key_lines.get(extra, 1), f"unknown top-level key '{extra}'"))
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
                merged[kind][ident] = Entry(kind, label, raw, line)
    return merged


def _build(merged: dict[str, dict[str, Entry]], problems: list[Problem]) -> dict[str, dict[str, Any]]:
    from ia_metiers.catalog.convert import Converter

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


def _cache_key(dirs: Iterable[Path]) -> str | None:
    """What the cached catalogue depends on: the version, the code that shapes the cached objects
    (every module under :data:`SHAPING`), what the user imported (:func:`_imports_stamp`), the
    names in every data folder and the content of every data file (a hash), so that any edit is
    seen whatever its mtime. None when a catalogue file is there but is not a regular file, is
    too large or cannot be read (a FIFO is never opened): validation then says why."""
    import hashlib

    digest = hashlib.sha256(f"{__version__}|{_CACHE_FORMAT}".encode())  # SHA-256: CPUs hash it twice as fast as BLAKE2
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    for module in shaping_modules(package):
        digest.update(module.encode() + b"\0")
        try:
            with open(os.path.join(package, module), "rb") as fh:
                digest.update(fh.read())
        except OSError:
            digest.update(b"-")
    digest.update(b"imports\0" + _imports_stamp() + b"\0")
    for directory in dirs:
        folder = os.path.realpath(directory)
        digest.update(folder.encode("utf-8", "surrogateescape") + b"\0")
        try:  # a misnamed or dangling entry is reported by validation: a new one is a new key
            digest.update("\0".join(sorted(os.listdir(folder))).encode("utf-8", "surrogateescape") + b"\0")
        except OSError:
            return None
        for name in FILES:
            digest.update(name.encode() + b"\0")
            path = os.path.join(folder, name)
            try:
                st = os.stat(path)  # before opening: a FIFO is never opened
                if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_FILE_BYTES:
                    return None
                with open(path, "rb", buffering=0) as fh:
                    digest.update(fh.read())
            except FileNotFoundError:
                digest.update(b"-")
            except OSError:
                return None
    return digest.hexdigest()


SHAPING = ("catalog", "core")  # the packages whose code builds, checks or defines what is cached


def shaping_modules(package: str | Path) -> list[str]:
    """Every Python module under the :data:`SHAPING` packages of ``package``, found by walking
    them (never listed by hand: a module added there enters the cache key), as sorted relative
    paths ('core/graph.py')."""
    found: list[str] = []
    for name in SHAPING:
        for root, folders, files in os.walk(os.path.join(package, name)):
            folders[:] = [f for f in folders if f != "__pycache__"]
            found.extend(os.path.relpath(os.path.join(root, f), package) for f in files if f.endswith(".py"))
    return sorted(m.replace(os.sep, "/") for m in found)


def _imports_stamp() -> bytes:
    """Bytes that change whenever what the user imported into the data folder changes (an
    import, a reset: each store's size, time and inode), so that the cache key follows."""
    from ia_metiers.catalog.userdata import stamp

    return stamp().encode("utf-8", "surrogateescape")


def _cache_path(key: str) -> Path | None:
    """Where the catalogue for ``key`` is cached (None: caching is off)."""
    if os.environ.get("IA_METIERS_NO_CACHE"):
        return None
    explicit = os.environ.get("IA_METIERS_CACHE_DIR")
    if explicit:
        root = Path(explicit)
    else:
        base = os.environ.get("XDG_CACHE_HOME")
        try:
            home = Path(base) if base else Path.home() / ".cache"
        except (RuntimeError, KeyError):  # no HOME and no passwd entry: run without a cache
            return None
        root = home / "ia-metiers"
    return root / f"catalog-{key[:16]}.pickle"


def validate(data_dir: Path | None = None) -> tuple[Catalog | None, list[Problem]]:
    """Load the bundled catalogue, overlaid by ``data_dir``; return it and its problems."""
    catalog, problems, _warnings = validate_on(data_dir)
    return catalog, problems


def validate_on(data_dir: Path | None = None, today: str | None = None) -> tuple[Catalog | None, list[Problem], list[Problem]]:
    """``validate``, and with ``today`` the rules that depend on the date and on the imported ROME
    (``checks.DATED``): the catalogue, its problems and its warnings (expired codes...)."""
    problems: list[Problem] = []
    warnings: list[Problem] = []
    layers = [_read(bundled_data_dir(), True, problems)]
    if data_dir is not None:
        unusable = folder_problem(data_dir)
        if unusable is not None:
            return None, [unusable], []
        layers.append(_read(data_dir, False, problems))
    present = set().union(*layers)
    for name in REQUIRED_FILES:
        if name not in present:
            problems.append(Problem(f"data/{name}", 0, "missing file"))
    merged = _entries(layers, problems)
    built = _build(merged, problems)
    from ia_metiers.catalog import checks

    checks.run(merged, built, problems)  # every rule, on the raw entries and what could be built: one pass
    if today is not None:
        checks.run_dated(merged, built, problems, warnings, today)

    def ordered(found: list[Problem]) -> list[Problem]:
        return sorted(dict.fromkeys(found), key=lambda p: (p.file, p.line, p.message))

    if problems:
        return None, ordered(problems), ordered(warnings)
    catalog = Catalog(
        sources=built["source"],
        skills=built["skill"],
        roles=built["role"],
        jobs=built["job"],
        trainings=built["training"],
        certifications=built["certification"],
        funding=built["funding"],
        sectors=built["sector"],
        figures=built["figure"],
        rules=built["rule"],
    )
    return catalog, [], ordered(warnings)


def load(data_dir: Path | None = None) -> Catalog:
    """The validated catalogue, from the cache when the files are unchanged."""
    if data_dir is not None:
        unusable = folder_problem(data_dir)
        if unusable is not None:
            raise CatalogError([unusable])
    dirs = [bundled_data_dir()] + ([data_dir] if data_dir is not None else [])
    key = _cache_key(dirs) if all(d.is_dir() for d in dirs) else None
    cache = _cache_path(key) if key else None
    if cache is not None and key is not None and _trusted(cache):
        try:
            with cache.open("rb") as fh:
                stored_key, state = pickle.load(fh)
                offset = fh.tell()
            if stored_key == key and isinstance(state, dict):
                cached = Catalog.__new__(Catalog)
                cached.__dict__.update(state)
                cached.defer(functools.partial(_later, cache, key, offset, data_dir))
                return cached
        except Exception:
            pass
    catalog = _validated(data_dir)
    if cache is not None and key is not None:
        from ia_metiers.core.scoring import prepare

        prepare(catalog)  # the scoring tables travel in the cache too
        _store(cache, key, catalog)
    return catalog


def _later(cache: Path, key: str, offset: int, data_dir: Path | None) -> dict[str, Any]:
    """The deferred parts of a cached catalogue: the second record of its cache file, or, when
    the file changed or went meanwhile, the same parts validated again from the data."""
    try:
        if _trusted(cache):
            with cache.open("rb") as fh:
                fh.seek(offset)
                stored_key, rest = pickle.load(fh)
            if stored_key == key and isinstance(rest, dict):
                return rest
    except Exception:
        pass
    return _validated(data_dir).split()[1]


def _validated(data_dir: Path | None) -> Catalog:
    """The catalogue validated, with the facts the user imported laid over it."""
    from ia_metiers.catalog.userdata import apply

    catalog, problems = validate(data_dir)
    if catalog is None:
        raise CatalogError(problems)
    apply(catalog)
    return catalog


def _trusted(path: Path) -> bool:
    """A cache file may be unpickled only when it and its folder belong to this user and nobody
    else can write them: a pickle runs code, so a file planted by someone else is never read."""
    try:
        for target in (path.parent, path):
            st = target.lstat()
            if st.st_uid != os.geteuid() or st.st_mode & 0o022:
                return False
        import stat

        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _store(path: Path, key: str, catalog: Catalog) -> None:
    """Write the cache atomically (no temporary file is left on failure); keep the 8 newest; remove
    the temporary files of writers that were killed (:func:`_sweep`)."""
    import tempfile

    temp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=".tmp-", delete=False) as fh:
            temp = fh.name
            first, rest = catalog.split()  # two records: the second is read on first use
            pickle.dump((key, first), fh, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump((key, rest), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
        temp = None
        old = sorted(path.parent.glob("catalog-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for stale in old[8:]:
            stale.unlink(missing_ok=True)
        _sweep(path.parent)
    except (OSError, pickle.PicklingError):
        pass
    finally:
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)


STALE_TEMP = 600  # seconds: a write takes well under one, so an older temporary file is a killed writer's


def _sweep(folder: Path) -> None:
    """Remove the temporary files (``.tmp-*``) that writers killed mid-write (``kill -9``, a power
    cut) left in the cache folder: regular files older than STALE_TEMP, never a writer's at work."""
    import time

    now = time.time()
    with os.scandir(folder) as entries:
        for entry in entries:
            if not entry.name.startswith(".tmp-"):
                continue
            with contextlib.suppress(OSError):
                st = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(st.st_mode) and now - st.st_mtime > STALE_TEMP:
                    os.unlink(entry.path)

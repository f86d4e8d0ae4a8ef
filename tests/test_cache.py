"""The catalogue cache: a key that follows every module shaping what is cached, atomic writes
shared by processes starting at once, and no leftovers of killed writers."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ia_metiers.catalog import loader

PACKAGE = Path(loader.__file__).resolve().parents[1]


def test_the_key_covers_every_module_under_core_and_catalog() -> None:
    found = loader.shaping_modules(PACKAGE)
    walked = sorted(str(p.relative_to(PACKAGE)) for d in ("core", "catalog") for p in (PACKAGE / d).rglob("*.py"))
    assert found == walked
    # the modules the hand-written list of 2026-12 missed: a reading rule edited in code was answered from the old cache
    for module in (
        "core/reading.py",
        "core/titles.py",
        "core/profile.py",
        "core/planning.py",
        "core/results.py",
        "core/record.py",
    ):
        assert module in found


def _copy_of_the_package(tmp_path: Path) -> Path:
    """A runnable copy of the package (its data through a link), as an install would be."""
    shutil.copytree(PACKAGE, tmp_path / "src" / "ia_metiers", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp_path / "data").symlink_to(loader.bundled_data_dir())
    return tmp_path / "src"


def _key_and_files(src: Path, cache: Path) -> tuple[str, list[str]]:
    """Load the catalogue with the copy (a subprocess): its cache key, and the cache files there are then."""
    code = (
        "import ia_metiers.catalog.loader as l, sys; assert l.__file__.startswith(sys.argv[1]), l.__file__; "
        "l.load(); print(l._cache_key([l.bundled_data_dir()]))"
    )
    env = {**os.environ, "PYTHONPATH": str(src), "IA_METIERS_CACHE_DIR": str(cache)}
    out = subprocess.run([sys.executable, "-c", code, str(src)], env=env, capture_output=True, text=True, check=True, timeout=120)
    return out.stdout.strip(), sorted(p.name for p in cache.iterdir())


def test_editing_a_core_module_in_a_copy_of_the_package_gives_a_new_key(tmp_path: Path) -> None:
    src, cache = _copy_of_the_package(tmp_path), tmp_path / "cache"
    first, files = _key_and_files(src, cache)
    assert _key_and_files(src, cache) == (first, files) and len(files) == 1  # warm: the same file answers
    reading = src / "ia_metiers" / "core" / "reading.py"
    original = reading.read_text(encoding="utf-8")
    reading.write_text(original + "\nMAX_TEXT = 1_000_000\n", encoding="utf-8")
    edited, files = _key_and_files(src, cache)
    assert edited != first and len(files) == 2  # the edit is a new key: the old cache is not read
    (src / "ia_metiers" / "catalog" / "extra_rule.py").write_text('"""A new module."""\n', encoding="utf-8")
    added, _ = _key_and_files(src, cache)
    assert added not in (first, edited)  # a module added under catalog/ enters the key unlisted
    reading.write_text(original, encoding="utf-8")
    (src / "ia_metiers" / "catalog" / "extra_rule.py").unlink()
    assert _key_and_files(src, cache)[0] == first


def test_the_temporary_files_of_killed_writers_are_swept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("IA_METIERS_CACHE_DIR", str(tmp_path))
    old, fresh = tmp_path / ".tmp-killed", tmp_path / ".tmp-writing"
    for path in (old, fresh):
        path.write_bytes(b"half a pickle")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    loader.load()  # cold: validated and stored
    names = sorted(p.name for p in tmp_path.iterdir())
    assert ".tmp-killed" not in names and ".tmp-writing" in names  # another writer's file is never touched
    assert [n for n in names if n.startswith("catalog-")] and len(names) == 2


_SHARED: list[tuple[Path, str, object]] = []  # what the forked processes inherit (never sent through a pipe)


def _store_then_load(_: int) -> list[str]:
    path, key, catalog = _SHARED[0]
    loader._store(path, key, catalog)  # type: ignore[arg-type]
    return sorted(loader.load().roles)


@pytest.mark.skipif(sys.platform == "win32", reason="fork")
def test_sixty_processes_writing_and_reading_the_cache_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Atomic writes: 60 processes that start cold at once each write the cache and read it back;
    every one reads a whole catalogue, and one file is left, with no temporary file."""
    import multiprocessing

    from ia_metiers.core.catalog import Catalog

    monkeypatch.setenv("IA_METIERS_CACHE_DIR", str(tmp_path))
    whole = loader._validated(None)
    catalog = Catalog(whole.sources, whole.skills, dict(list(whole.roles.items())[:3]))  # small: quick to write 60 times
    key = loader._cache_key([loader.bundled_data_dir()])
    assert key is not None
    path = loader._cache_path(key)
    assert path is not None
    _SHARED[:] = [(path, key, catalog)]
    with multiprocessing.get_context("fork").Pool(60) as pool:
        answers = pool.map(_store_then_load, range(60), chunksize=1)
    assert answers == [sorted(catalog.roles)] * 60
    assert [p.name for p in tmp_path.iterdir()] == [path.name]

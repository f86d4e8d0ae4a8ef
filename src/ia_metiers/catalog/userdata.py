"""The user's data folder: what ``ia-metiers data import`` stored there (one SQLite file a
source), what it says, and how its facts overlay the bundled catalogue.

The folder is ``IA_METIERS_DATA_HOME``, else ``$XDG_DATA_HOME/ia-metiers``, else
``~/.local/share/ia-metiers``. Each import writes ``rncp.sqlite``, ``mcf.sqlite`` or
``rome.sqlite`` whole, under a temporary name, then renames it: a reader sees the old file or the
new one, never half of one. SQLite (from the standard library) keeps them compact, indexed by
code, and readable a code at a time: a command reads the few codes it needs, never the whole
export. Every file has a ``meta`` table: the file imported, the export's date, the row count.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ia_metiers.core.model import Block, Offer, Text

if TYPE_CHECKING:
    from ia_metiers.core.catalog import Catalog

KINDS = ("rncp", "mcf", "rome")
FORMAT = "1"  # the layout of the SQLite files; another layout is refused, not misread


def data_home() -> Path:
    """Where imports land (IA_METIERS_DATA_HOME, XDG_DATA_HOME/ia-metiers, ~/.local/share/ia-metiers)."""
    explicit = os.environ.get("IA_METIERS_DATA_HOME")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg) / "ia-metiers"
    return Path.home() / ".local" / "share" / "ia-metiers"


def store_path(kind: str) -> Path:
    return data_home() / f"{kind}.sqlite"


def stamp() -> str:
    """What the imported data is, for the catalogue cache's key: each store's size, time and
    inode (an import renames a new file into place, so each import changes it)."""
    parts = []
    for kind in KINDS:
        try:
            st = store_path(kind).stat()
            parts.append(f"{kind}:{st.st_size}:{st.st_mtime_ns}:{st.st_ino}")
        except (OSError, RuntimeError):
            parts.append(f"{kind}:-")
    return ";".join(parts)


@contextlib.contextmanager
def opened(kind: str) -> Iterator[sqlite3.Connection | None]:
    """The store of ``kind`` opened read-only, or None when nothing was imported."""
    path = store_path(kind)
    if not path.is_file():
        yield None
        return
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        yield con
    finally:
        con.close()


def meta(con: sqlite3.Connection) -> dict[str, str]:
    return {str(k): str(v) for k, v in con.execute("SELECT key, value FROM meta")}


@dataclasses.dataclass(frozen=True)
class Loaded:
    """One imported source, as ``data status`` lists it."""

    source: str
    file: str
    export_date: str | None
    rows: int
    imported_at: str
    path: str
    version: str | None = None


def status() -> list[Loaded]:
    """Every imported source (an unreadable store is reported as such by the caller)."""
    out = []
    for kind in KINDS:
        with opened(kind) as con:
            if con is None:
                continue
            info = meta(con)
            out.append(
                Loaded(
                    kind,
                    info.get("file", "?"),
                    info.get("export_date") or None,
                    int(info.get("rows", "0")),
                    info.get("imported_at", "?"),
                    str(store_path(kind)),
                    info.get("version") or None,
                )
            )
    return out


def reset(kinds: tuple[str, ...] = KINDS) -> list[Path]:
    """Remove the stores of ``kinds``; the files removed."""
    removed = []
    for kind in kinds:
        path = store_path(kind)
        if path.exists():
            path.unlink()
            removed.append(path)
    return removed


# ---------------------------------------------------------------- overlay

ACCESS_WORDS = {  # France Compétences' Si_Jury wording -> the model's access ids
    "formation initiale": "formation-initiale",
    "scolaire": "formation-initiale",
    "formation continue": "formation-continue",
    "apprentissage": "apprentissage",
    "professionnalisation": "professionnalisation",
    "experience": "vae",
    "vae": "vae",
    "candidature individuelle": "candidature-individuelle",
}


def _access(ways: list[str]) -> list[Any]:
    from ia_metiers.core.text import fold

    out: list[str] = []
    for way in ways:
        folded = fold(way)
        for word, ident in ACCESS_WORDS.items():
            if word in folded and ident not in out:
                out.append(ident)
    return out


def importer_sources(catalog: Catalog) -> dict[str, str]:
    """The source id each importer cites (``importer:`` in sources.yaml)."""
    return {s.importer: s.id for s in catalog.sources.values() if s.importer}


def apply(catalog: Catalog) -> None:
    """Overlay the imported facts on the catalogue's certifications, by code: title, level,
    validity, active, certifiers, blocks, ROME codes (RNCP/RS export), and the offers (Mon
    Compte Formation): each with the export's source and date."""
    if not catalog.certifications:
        return
    sources = importer_sources(catalog)
    codes = {c.code: cid for cid, c in catalog.certifications.items()}
    with opened("rncp") as con:
        if con is not None and "rncp" in sources:
            _apply_rncp(catalog, con, codes, sources["rncp"])
    with opened("mcf") as con:
        if con is not None and "mcf" in sources:
            _apply_mcf(catalog, con, codes, sources["mcf"])


def _placeholders(n: int) -> str:
    return ",".join("?" * n)


def _apply_rncp(catalog: Catalog, con: sqlite3.Connection, codes: dict[str, str], source: str) -> None:
    date = meta(con).get("export_date") or None
    wanted = list(codes)
    rows = con.execute(
        f"SELECT code, title, level, valid_from, valid_until, active FROM fiche WHERE code IN ({_placeholders(len(wanted))})",
        wanted,
    ).fetchall()

    def many(table: str, columns: str) -> dict[str, list[tuple[Any, ...]]]:
        found: dict[str, list[tuple[Any, ...]]] = {}
        query = f"SELECT code, {columns} FROM {table} WHERE code IN ({_placeholders(len(wanted))}) ORDER BY rowid"
        for code, *rest in con.execute(query, wanted):
            found.setdefault(code, []).append(tuple(rest))
        return found

    certifiers, blocks = many("certifier", "name"), many("block", "block_code, name")
    romes, ways = many("rome", "rome_code"), many("access", "way")
    for code, title, level, valid_from, valid_until, active in rows:
        cid = codes[code]
        cert = catalog.certifications[cid]
        changes: dict[str, Any] = {"source": source}
        if date:
            changes["checked_on"] = date
        if title:
            changes["name"] = Text(title, cert.name.en)
        if level is not None:
            changes["level"] = level
        if valid_until:
            changes["valid_until"] = valid_until
        if valid_from:
            changes["valid_from"] = valid_from
        if active is not None:
            changes["active"] = bool(active)
        if code in certifiers:
            changes["certifiers"] = [n for (n,) in certifiers[code]]
        if code in blocks:
            changes["blocks"] = [Block(b, Text(n, n)) for b, n in blocks[code]]
        if code in romes:
            changes["rome"] = list(dict.fromkeys(r for (r,) in romes[code]))
        if code in ways:
            changes["access"] = _access([w for (w,) in ways[code]]) or cert.access
        catalog.certifications[cid] = dataclasses.replace(cert, **changes)


def _apply_mcf(catalog: Catalog, con: sqlite3.Connection, codes: dict[str, str], source: str) -> None:
    date = meta(con).get("export_date") or None
    wanted = list(codes)
    query = f"""
        SELECT code, provider, MIN(hours_min), MAX(hours_max), MIN(price_min), MAX(price_max),
               SUM(sessions), SUM(distance), GROUP_CONCAT(DISTINCT region)
        FROM offer WHERE code IN ({_placeholders(len(wanted))})
        GROUP BY code, provider ORDER BY code, SUM(sessions) DESC, provider
    """
    offers: dict[str, list[Offer]] = {}
    for code, provider, hmin, hmax, pmin, pmax, sessions, distance, regions in con.execute(query, wanted):
        places = sorted({r for r in (regions or "").split(",") if r})
        share = round(distance / sessions, 2) if sessions else None
        offers.setdefault(code, []).append(
            Offer(
                provider=provider,
                source=source,
                checked_on=date or "",
                hours_min=_int(hmin),
                hours_max=_int(hmax),
                price_min=_int(pmin),
                price_max=_int(pmax),
                cpf=True,
                region=places[0] if len(places) == 1 else None,
                sessions=sessions,
                distance_share=min(share, 1.0) if share is not None else None,
            )
        )
    for code, cid in codes.items():
        cert = catalog.certifications[cid]
        if code in offers:
            catalog.certifications[cid] = dataclasses.replace(cert, offers=offers[code])
        elif date:  # the catalogue holds no offer for the code: none exists on Mon Compte Formation
            none = [
                dataclasses.replace(o, cpf=False, source=source, checked_on=date) if o.cpf is None else o for o in cert.offers
            ]
            catalog.certifications[cid] = dataclasses.replace(cert, offers=none)


def _int(value: Any) -> int | None:
    return round(value) if isinstance(value, int | float) else None


# ---------------------------------------------------------------- ROME


class RomeStore:
    """ROME 4.0 as imported: appellations by folded title, fiches and their parents, mobilities.
    Implements ``core.titles.RomeIndex``."""

    def __init__(self, con: sqlite3.Connection) -> None:
        self.con = con
        self.version = meta(con).get("version")

    def fiches(self, folded_title: str) -> tuple[str, ...]:
        """The fiche codes (and their main fiches) of the appellations spelt ``folded_title``."""
        found: list[str] = []
        for code, parent in self.con.execute(
            "SELECT a.code, f.parent FROM appellation a LEFT JOIN fiche f ON f.code = a.code WHERE a.folded = ? ORDER BY a.rowid",
            (folded_title,),
        ):
            found.extend(c for c in (code, parent) if c and c not in found)
        return tuple(found)

    def exists(self, code: str) -> bool:
        return self.con.execute("SELECT 1 FROM fiche WHERE code = ?", (code,)).fetchone() is not None

    def parent(self, code: str) -> str | None:
        row = self.con.execute("SELECT parent FROM fiche WHERE code = ?", (code,)).fetchone()
        return str(row[0]) if row and row[0] else None

    def label(self, code: str) -> str | None:
        row = self.con.execute("SELECT label FROM fiche WHERE code = ?", (code,)).fetchone()
        return str(row[0]) if row else None

    def moves(self, codes: tuple[str, ...] | list[str]) -> set[tuple[str, str]]:
        """ROME's own mobilities from ``codes`` (and their sub-fiches): (from, to) pairs."""
        if not codes:
            return set()
        marks = _placeholders(len(codes))
        query = f"""SELECT m.source, m.target FROM mobility m JOIN fiche f ON f.code = m.source
                    WHERE m.source IN ({marks}) OR f.parent IN ({marks})"""
        return {(str(a), str(b)) for a, b in self.con.execute(query, [*codes, *codes])}


def rome_store() -> RomeStore | None:
    """The imported ROME, opened read-only for the command's life, or None."""
    path = store_path("rome")
    if not path.is_file():
        return None
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        return RomeStore(con)
    except sqlite3.Error:
        return None


def rome_moves(catalog: Catalog, job_id: str | None) -> dict[str, tuple[str, ...]]:
    """Role id -> ROME 4.0's own mobilities from a job family's fiches to the role's fiches
    ('E1108 -> M1405'), when ROME was imported; {} otherwise."""
    job = catalog.jobs.get(job_id) if job_id else None
    store = rome_store() if job is not None and job.rome else None
    if store is None or job is None:
        return {}
    try:
        pairs = store.moves(list(job.rome))
    finally:
        store.con.close()
    out: dict[str, tuple[str, ...]] = {}
    for role in catalog.roles.values():
        found = sorted(f"{a} -> {b}" for a, b in pairs if b in role.rome)
        if found:
            out[role.id] = tuple(found)
    return out

"""Importers of the official exports a user downloaded: the RNCP/RS export of France
Compétences, the Mon Compte Formation catalogue of the Caisse des Dépôts, and ROME 4.0 of France
Travail. Each streams its file (a row at a time: memory stays flat whatever the size), writes a
new SQLite store in the user's data folder and renames it into place. A file that is not what it
should be is refused on one line naming the file, the line and the column expected
(:class:`BadFile`); nothing is half-imported.
"""

from __future__ import annotations

import csv
import datetime
import functools
import io
import json
import os
import re
import sqlite3
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ia_metiers.catalog.userdata import FORMAT, Loaded, data_home, store_path
from ia_metiers.core.text import fold
from ia_metiers.errors import UsageError

Progress = Callable[[int, int | None], None]  # bytes read so far, bytes in all (None: unknown)
Opener = Callable[[], IO[bytes]]


def _opener(path: Path) -> Opener:
    def opened() -> IO[bytes]:
        return path.open("rb")

    return opened


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Opener:
    return functools.partial(archive.open, info)


BATCH = 5_000  # rows a statement
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # the exports hold long texts in some columns


class BadFile(UsageError):
    """A file that cannot be imported: ``FILE:LINE: what was expected`` (exit 2)."""

    def __init__(self, file: str, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")


# ---------------------------------------------------------------- reading


class _Counted(io.RawIOBase):
    """A binary stream that reports how many bytes were read through it."""

    def __init__(self, raw: IO[bytes], progress: Callable[[int], None]) -> None:
        self.raw, self.progress = raw, progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        buffer[: len(data)] = data
        if data:
            self.progress(len(data))
        return len(data)


class _Meter:
    """Bytes read across the files of one import, reported to ``progress`` every megabyte."""

    def __init__(self, total: int | None, progress: Progress | None) -> None:
        self.total, self.progress, self.done, self.shown = total, progress, 0, 0

    def add(self, n: int) -> None:
        self.done += n
        if self.progress is not None and self.done - self.shown >= 1 << 20:
            self.shown = self.done
            self.progress(self.done, self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total or self.done, self.total or self.done)


def _encoding(head: bytes) -> str:
    """UTF-8 (with or without BOM) when the first bytes decode as UTF-8, else Windows-1252."""
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not merely a character cut at the end of the sample
            return "cp1252"
    return "utf-8-sig"


def _text(raw: IO[bytes], meter: _Meter) -> io.TextIOWrapper:
    buffered = io.BufferedReader(_Counted(raw, meter.add), 1 << 16)
    encoding = _encoding(buffered.peek(1 << 16)[: 1 << 16])
    return io.TextIOWrapper(buffered, encoding=encoding, newline="")


def _rows(
    stream: io.TextIOWrapper, label: str, required: Iterable[str], delimiter: str | None = None
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line, row) of a CSV export, after checking its header names every ``required`` column;
    the delimiter is read from the header line when not given."""
    try:
        first = stream.readline()
    except UnicodeDecodeError:
        raise BadFile(label, 1, "not text (expected a CSV export)") from None
    if not first.strip():
        raise BadFile(label, 1, f"empty file (expected a header with {', '.join(required)})")
    sep = delimiter or max(";,\t", key=first.count)
    header = next(csv.reader([first], delimiter=sep))
    header = [h.strip().lstrip("\ufeff") for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise BadFile(label, 1, f"missing column {missing[0]} (expected {sep.join(required)}); found {sep.join(header[:8])}")
    reader = csv.reader(stream, delimiter=sep)
    line = 1
    try:
        for values in reader:
            line = reader.line_num + 1
            if not values or (len(values) == 1 and not values[0].strip()):
                continue
            if len(values) < len(header) and len(values) < max(header.index(c) for c in required) + 1:
                raise BadFile(label, line, f"{len(values)} columns, expected {len(header)} ({sep}-separated)")
            yield line, dict(zip(header, values, strict=False))
    except UnicodeDecodeError:
        raise BadFile(label, line + 1, "not UTF-8 or Windows-1252 text") from None
    except csv.Error as exc:
        raise BadFile(label, line + 1, f"not CSV: {exc}") from None


def _date(value: str, label: str, line: int, column: str) -> str | None:
    """'31/08/2029' or '2029-08-31' (or a timestamp) -> '2029-08-31'; '' -> None."""
    value = value.strip()
    if not value:
        return None
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    try:
        if m:
            return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1))).isoformat()
        return datetime.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        raise BadFile(label, line, f"column {column}: '{value[:40]}' is not a date (DD/MM/YYYY or YYYY-MM-DD)") from None


def _number(value: Any, label: str, line: int, column: str) -> float | None:
    if value is None or (isinstance(value, int | float) and not isinstance(value, bool)):
        return float(value) if value is not None else None
    text = str(value).strip().replace("\u202f", "").replace(" ", "").replace(",", ".")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        raise BadFile(label, line, f"column {column}: '{str(value)[:40]}' is not a number") from None


def _code(value: str, registry: str) -> str | None:
    """'RNCP40514', '40514', 'rs 6962' -> 'RNCP40514' / 'RS6962' (None when there is no number)."""
    digits = re.sub(r"\D", "", value or "")
    return f"{registry}{int(digits)}" if digits else None


# ---------------------------------------------------------------- writing


class _Store:
    """A new SQLite store under a temporary name in the data folder, renamed into place by
    :meth:`commit` (the old store stays whole until then; on failure the temporary file goes)."""

    def __init__(self, kind: str, schema: str) -> None:
        self.kind = kind
        home = data_home()
        try:
            home.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as exc:
            raise UsageError(f"{home}: {exc.strerror or exc}") from None
        fd, self.temp = tempfile.mkstemp(prefix=f".{kind}-", suffix=".sqlite", dir=home)
        os.close(fd)
        self.con = sqlite3.connect(self.temp)
        self.con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + schema)
        self.con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        self.pending: dict[str, list[tuple[Any, ...]]] = {}

    def add(self, table: str, row: tuple[Any, ...]) -> None:
        rows = self.pending.setdefault(table, [])
        rows.append(row)
        if len(rows) >= BATCH:
            self.flush(table)

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self.pending):
            rows = self.pending.get(name) or []
            if rows:
                marks = ",".join("?" * len(rows[0]))
                self.con.executemany(f"INSERT OR IGNORE INTO {name} VALUES ({marks})", rows)
                rows.clear()

    def commit(self, info: dict[str, str], indexes: str = "") -> Path:
        self.flush()
        info = {
            "format": FORMAT,
            "source": self.kind,
            "imported_at": datetime.datetime.now().isoformat(timespec="seconds"),
            **info,
        }
        self.con.executemany("INSERT INTO meta VALUES (?, ?)", list(info.items()))
        if indexes:
            self.con.executescript(indexes)
        self.con.commit()
        self.con.close()
        target = store_path(self.kind)
        os.chmod(self.temp, 0o600)
        os.replace(self.temp, target)
        return target

    def abandon(self) -> None:
        try:
            self.con.close()
        finally:
            if os.path.exists(self.temp):
                os.unlink(self.temp)


def _stored(kind: str, schema: str, work: Callable[[_Store], tuple[dict[str, str], str]]) -> Loaded:
    store = _Store(kind, schema)
    try:
        info, indexes = work(store)
        store.commit(info, indexes)
    except BaseException:
        store.abandon()
        raise
    from ia_metiers.catalog.userdata import status

    return next(s for s in status() if s.source == kind)


def _open_file(path: Path) -> None:
    if not path.exists():
        raise UsageError(f"{path}: no such file")
    if path.is_dir():
        raise UsageError(f"{path}: is a folder (expected a file)")


def _export_date(name: str) -> str | None:
    """The date in an export's name: export_fiches_CSV_Standard_2026_12_01.csv -> 2026-12-01."""
    m = re.search(r"(20\d\d)[_-](\d\d)[_-](\d\d)", name)
    if not m:
        return None
    try:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
    except ValueError:
        return None


def _file_date(path: Path) -> str:
    return datetime.date.fromtimestamp(path.stat().st_mtime).isoformat()


# ---------------------------------------------------------------- RNCP / RS

RNCP_SCHEMA = """
CREATE TABLE fiche (code TEXT PRIMARY KEY, title TEXT, level INTEGER, valid_from TEXT, valid_until TEXT, active INTEGER);
CREATE TABLE certifier (code TEXT, name TEXT);
CREATE TABLE block (code TEXT, block_code TEXT, name TEXT);
CREATE TABLE rome (code TEXT, rome_code TEXT);
CREATE TABLE partner (code TEXT, name TEXT, habilitation TEXT);
CREATE TABLE access (code TEXT, way TEXT);
"""
RNCP_INDEXES = """
CREATE INDEX certifier_code ON certifier (code); CREATE INDEX block_code ON block (code);
CREATE INDEX rome_code ON rome (code); CREATE INDEX partner_code ON partner (code);
CREATE INDEX access_code ON access (code);
"""
STANDARD = ("Numero_Fiche", "Intitule", "Nomenclature_Europe_Niveau", "Date_Fin_Enregistrement", "Actif")
# part of the export (a word of its file name) -> (table, columns read, in the table's order)
RNCP_PARTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Certificateurs": ("certifier", ("Numero_Fiche", "Nom_Certificateur")),
    "Blocs": ("block", ("Numero_Fiche", "Bloc_Competences_Code", "Bloc_Competences_Libelle")),
    "Rome": ("rome", ("Numero_Fiche", "Codes_Rome_Code")),
    "Partenaires": ("partner", ("Numero_Fiche", "Nom_Partenaire", "Habilitation_Partenaire")),
    "Voies": ("access", ("Numero_Fiche", "Si_Jury")),
}


def _part(name: str) -> str | None:
    base = Path(name).name
    if not base.lower().endswith(".csv"):
        return None
    if "_Standard" in base:
        return "Standard"
    return next((p for p in RNCP_PARTS if f"_{p}" in base), None)


def _rncp_files(path: Path) -> tuple[list[tuple[str, str, Opener, int]], str | None]:
    """(part, label, opener, size) of each file of an RNCP export (a ZIP, or the Standard CSV
    with its sibling files of the same date), and the export's date."""
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        files: list[tuple[str, str, Opener, int]] = []
        for info in archive.infolist():
            part = _part(info.filename)
            if part:
                files.append((part, f"{path}!{info.filename}", _member(archive, info), info.file_size))
        date = next((_export_date(Path(f[1]).name) for f in files if f[0] == "Standard"), None)
        if not any(f[0] == "Standard" for f in files):
            raise BadFile(str(path), 0, "no export_fiches_CSV_Standard_*.csv in the ZIP (expected the France Compétences export)")
        return files, date or _export_date(path.name)
    date = _export_date(path.name)
    files = [("Standard", str(path), _opener(path), path.stat().st_size)]
    if "_Standard" in path.name:
        for sibling in sorted(path.parent.glob(path.name.replace("_Standard", "_*"))):
            part = _part(sibling.name)
            if part and part != "Standard":
                files.append((part, str(sibling), _opener(sibling), sibling.stat().st_size))
    return files, date


def import_rncp(path: Path, progress: Progress | None = None) -> Loaded:
    """Import the RNCP/RS export (the ZIP, or its Standard CSV and the files beside it)."""
    _open_file(path)
    files, date = _rncp_files(path)
    meter = _Meter(sum(f[3] for f in files), progress)

    def work(store: _Store) -> tuple[dict[str, str], str]:
        rows = 0
        for part, label, opener, _size in sorted(files, key=lambda f: f[0] != "Standard"):
            with opener() as raw:
                stream = _text(raw, meter)
                if part == "Standard":
                    rows += _standard(store, stream, label)
                else:
                    table, columns = RNCP_PARTS[part]
                    for _line, row in _rows(stream, label, columns, ";"):
                        code = row["Numero_Fiche"].strip().upper()
                        if code:
                            store.add(table, (code, *(row[c].strip() for c in columns[1:])))
        meter.finish()
        return {"file": str(path), "export_date": date or _file_date(path), "rows": str(rows)}, RNCP_INDEXES

    return _stored("rncp", RNCP_SCHEMA, work)


def _standard(store: _Store, stream: io.TextIOWrapper, label: str) -> int:
    count = 0
    for line, row in _rows(stream, label, STANDARD, ";"):
        code = row["Numero_Fiche"].strip().upper()
        if not re.fullmatch(r"(RNCP|RS)\d+", code):
            raise BadFile(label, line, f"column Numero_Fiche: '{code[:40]}' is not an RNCP or RS code")
        level_text = row.get("Nomenclature_Europe_Niveau", "")
        digits = re.search(r"\d", level_text or "")
        active = (row.get("Actif") or "").strip().upper()
        store.add(
            "fiche",
            (
                code,
                row["Intitule"].strip(),
                int(digits.group()) if digits else None,
                _date(row.get("Date_Effet", ""), label, line, "Date_Effet"),
                _date(row["Date_Fin_Enregistrement"], label, line, "Date_Fin_Enregistrement"),
                1 if active in ("ACTIVE", "ACTIF", "OUI") else 0 if active in ("INACTIVE", "INACTIF", "NON") else None,
            ),
        )
        count += 1
    return count


# ---------------------------------------------------------------- Mon Compte Formation

MCF_SCHEMA = """
CREATE TABLE offer (code TEXT, provider TEXT, region TEXT, hours_min REAL, hours_max REAL,
                    price_min REAL, price_max REAL, sessions INTEGER, distance INTEGER);
"""
MCF_INDEXES = "CREATE INDEX offer_code ON offer (code);"
MCF_REQUIRED = ("date_extract", "nom_of", "type_referentiel", "code_rncp", "code_inventaire")


def _json_records(stream: io.TextIOWrapper, label: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, object) of a JSON array of objects, or of one object a line, decoded one at a time."""
    decoder = json.JSONDecoder()
    buffer, line, eof = "", 1, False

    def fill() -> bool:
        nonlocal buffer
        chunk = stream.read(1 << 16)
        buffer += chunk
        return bool(chunk)

    fill()
    stripped = buffer.lstrip()
    if stripped.startswith("["):
        skip = len(buffer) - len(stripped) + 1
        line += buffer[:skip].count("\n")
        buffer = buffer[skip:]
    while True:
        stripped = buffer.lstrip(" \t\r\n,")
        line += buffer[: len(buffer) - len(stripped)].count("\n")
        buffer = stripped
        if not buffer and not eof:
            eof = not fill()
            continue
        if not buffer or buffer.startswith("]"):
            return
        try:
            obj, end = decoder.raw_decode(buffer)
        except json.JSONDecodeError as exc:
            if not eof and len(buffer) < 1 << 24:  # an object cut by the chunk: read on
                eof = not fill()
                continue
            raise BadFile(label, line + exc.lineno - 1, f"not JSON: {exc.msg} (expected an array of offers)") from None
        if not isinstance(obj, dict):
            raise BadFile(label, line, "expected an object a record (date_extract, nom_of, code_rncp...)")
        yield line, obj
        line += buffer[:end].count("\n")
        buffer = buffer[end:]


def import_mcf(path: Path, progress: Progress | None = None) -> Loaded:
    """Import the Mon Compte Formation catalogue (the CSV or JSON export of its open data)."""
    _open_file(path)
    meter = _Meter(path.stat().st_size, progress)

    def work(store: _Store) -> tuple[dict[str, str], str]:
        rows, newest = 0, ""
        with path.open("rb") as raw:
            stream = _text(raw, meter)
            head = stream.buffer.peek(64).lstrip() if hasattr(stream.buffer, "peek") else b""
            is_json = head[:1] in (b"[", b"{")
            records = _json_records(stream, str(path)) if is_json else _rows(stream, str(path), MCF_REQUIRED)
            for line, row in records:
                if rows == 0 and not any(k in row for k in ("code_rncp", "code_inventaire")):
                    raise BadFile(
                        str(path), line, "missing field code_rncp (expected the moncompteformation_catalogueformation export)"
                    )
                registry = "RS" if "RS" in str(row.get("type_referentiel") or "").upper() else "RNCP"
                code = _code(str(row.get("code_inventaire" if registry == "RS" else "code_rncp") or ""), registry)
                extracted = str(row.get("date_extract") or "")[:10]
                if extracted:
                    _date(extracted, str(path), line, "date_extract")
                    newest = max(newest, extracted)
                rows += 1
                if code is None:
                    continue
                num = {
                    c: _number(row.get(c), str(path), line, c)
                    for c in (
                        "nombre_heures_total_min",
                        "nombre_heures_total_max",
                        "frais_ttc_tot_min",
                        "frais_ttc_tot_max",
                        "nb_session_active",
                        "nb_session_a_distance",
                    )
                }
                store.add(
                    "offer",
                    (
                        code,
                        str(row.get("nom_of") or "").strip() or "?",
                        str(row.get("nom_region") or "").strip() or None,
                        num["nombre_heures_total_min"],
                        num["nombre_heures_total_max"],
                        num["frais_ttc_tot_min"],
                        num["frais_ttc_tot_max"],
                        int(num["nb_session_active"] or 0),
                        int(num["nb_session_a_distance"] or 0),
                    ),
                )
        meter.finish()
        return {"file": str(path), "export_date": newest or _file_date(path), "rows": str(rows)}, MCF_INDEXES

    return _stored("mcf", MCF_SCHEMA, work)


# ---------------------------------------------------------------- ROME 4.0

ROME_SCHEMA = """
CREATE TABLE fiche (code TEXT PRIMARY KEY, label TEXT, parent TEXT);
CREATE TABLE appellation (folded TEXT, code TEXT, UNIQUE (folded, code));
CREATE TABLE mobility (source TEXT, target TEXT, UNIQUE (source, target));
"""
ROME_INDEXES = "CREATE INDEX appellation_folded ON appellation (folded); CREATE INDEX fiche_parent ON fiche (parent);"
ROME_PARTS: dict[str, tuple[str, ...]] = {
    "referentiel_code_rome": ("code_rome", "libelle_rome"),
    "referentiel_appellation": ("code_rome", "libelle_appellation_long"),
    "rubrique_mobilite": ("code_rome", "code_rome_cible"),
}


def title_variants(label: str) -> list[str]:
    """Folded spellings of a ROME appellation: 'Conducteur / Conductrice d'engins agricoles' ->
    the whole, 'conductrice d engins agricoles' and 'conducteur d engins agricoles'."""
    out = [fold(label)]
    if " / " in label:
        left, right = label.split(" / ", 1)
        tail = right.split(" ", 1)[1] if " " in right else ""
        out += [fold(right), fold(f"{left} {tail}")]
    return [v for v in dict.fromkeys(out) if v]


def import_rome(path: Path, progress: Progress | None = None) -> Loaded:
    """Import ROME 4.0 from its CSV ZIP or the folder of its CSV files."""
    _open_file(path) if not path.is_dir() else None
    found: dict[str, tuple[str, Opener, int]] = {}
    names: list[str] = []
    if path.is_dir():
        for entry in sorted(path.iterdir()):
            names.append(entry.name)
            for part in ROME_PARTS:
                if part in entry.name and entry.name.endswith(".csv"):
                    found[part] = (str(entry), _opener(entry), entry.stat().st_size)
    elif zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        for info in archive.infolist():
            names.append(info.filename)
            for part in ROME_PARTS:
                if part in info.filename and info.filename.endswith(".csv"):
                    found[part] = (f"{path}!{info.filename}", _member(archive, info), info.file_size)
    else:
        raise BadFile(str(path), 0, "not a ZIP or a folder (expected the ROME 4.0 CSV files)")
    for part in ROME_PARTS:
        if part not in found:
            raise BadFile(str(path), 0, f"no unix_{part}_v*_utf8.csv (expected the ROME 4.0 CSV files)")
    version = next((m.group(1) for n in names if (m := re.search(r"_v(\d+)_", n))), None)
    meter = _Meter(sum(f[2] for f in found.values()), progress)

    def work(store: _Store) -> tuple[dict[str, str], str]:
        rows = 0
        for part, columns in ROME_PARTS.items():
            label, opener, _size = found[part]
            with opener() as raw:
                for line, row in _rows(_text(raw, meter), label, columns):
                    code = row["code_rome"].strip().upper()
                    if not re.fullmatch(r"[A-N]\d{4}", code):
                        raise BadFile(label, line, f"column code_rome: '{code[:20]}' is not a ROME code")
                    if part == "referentiel_code_rome":
                        store.add("fiche", (code, row["libelle_rome"].strip(), (row.get("code_rome_parent") or code).strip()))
                    elif part == "referentiel_appellation":
                        rows += 1
                        for label_ in {row["libelle_appellation_long"], row.get("libelle_appellation_court") or ""}:
                            for variant in title_variants(label_):
                                store.add("appellation", (variant, code))
                    else:
                        store.add("mobility", (code, row["code_rome_cible"].strip().upper()))
        meter.finish()
        date = _file_date(Path(found["referentiel_appellation"][0].split("!")[0]))
        return {"file": str(path), "export_date": date, "rows": str(rows), "version": version or ""}, ROME_INDEXES

    return _stored("rome", ROME_SCHEMA, work)


IMPORTERS: dict[str, Callable[[Path, Progress | None], Loaded]] = {
    "rncp": import_rncp,
    "mcf": import_mcf,
    "rome": import_rome,
}

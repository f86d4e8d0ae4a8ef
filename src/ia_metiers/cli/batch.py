"""Batch matching: one profile a line (JSON object or comma-separated skills), one answer a line."""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from ia_metiers.errors import IaMetiersError, UsageError

if TYPE_CHECKING:
    from ia_metiers.core.catalog import Catalog
    from ia_metiers.core.model import Role
    from ia_metiers.core.profile import Term
    from ia_metiers.core.scoring import Brief

MAX_LINE = 100_000
CHUNK = 1_000  # lines a worker process answers at a time (--jobs)
TERM_MEMO = 16_384  # distinct terms whose reading is kept (bounded: memory stays flat whatever the input)
ANSWER_MEMO = 4_000_000  # characters of answer text kept for the last distinct skill sets (about 4 MB)


@dataclass(frozen=True, slots=True)
class Profile:
    """One parsed input line: its id and skill terms, or the reason it cannot be used."""

    id: Any
    terms: list[str]
    error: str | None = None


def parse_line(raw: bytes, number: int) -> Profile | None:
    """A profile from one line; None for a blank line."""
    try:
        line = raw.rstrip(b"\n").removesuffix(b"\r").decode("utf-8")
    except UnicodeDecodeError:
        return Profile(number, [], "line is not UTF-8 text")
    line = line.strip().lstrip("\ufeff")
    if not line:
        return None
    if len(line) > MAX_LINE:
        return Profile(number, [], f"line longer than {MAX_LINE} characters")
    if not line.startswith("{"):
        return Profile(number, split_terms(line))
    try:
        obj = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        return Profile(number, [], f"invalid JSON: {exc.msg} (column {exc.colno})")
    except (ValueError, RecursionError) as exc:  # NaN/Infinity, 5,000-digit numbers, deep nesting
        return Profile(number, [], f"invalid JSON: {str(exc)[:80]}")
    if not isinstance(obj, dict):
        return Profile(number, [], "expected a JSON object")
    ident = obj.get("id", number)
    if not isinstance(ident, str | int | float) or isinstance(ident, bool):
        return Profile(number, [], "'id' must be a string or a number")
    if (isinstance(ident, int) and abs(ident) >= 10**18) or (isinstance(ident, float) and not math.isfinite(ident)):
        return Profile(number, [], "'id' is too large a number (use a string)")
    skills = obj.get("skills")
    if isinstance(skills, str):
        return Profile(ident, split_terms(skills))
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        return Profile(ident, [], "'skills' must be a list of strings")
    terms = []
    for text in skills:
        if "," in text or ";" in text:
            terms.extend(split_terms(text))
        elif text := text.strip():
            terms.append(text)
    return Profile(ident, terms)


def lines_of(stream: BinaryIO, limit: int = MAX_LINE * 4) -> Iterator[bytes]:
    """Lines of a binary stream (ends: \\n or \\r\\n), read one at a time with bounded memory:
    a line longer than ``limit`` bytes is yielded cut (and then refused), its rest skipped."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:  # skip the rest of an overlong line
                rest = stream.readline(limit)
                if not rest or rest.endswith(b"\n"):
                    break
        yield line


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a JSON number")


_DECODER = json.JSONDecoder(parse_constant=_no_constant)  # json.loads with an argument builds one a call


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)  # json.dumps builds one a call


def dumps(obj: Any) -> str:
    """Compact JSON, non-ASCII kept (the form of every answer line)."""
    return _ENCODER.encode(obj)


def split_terms(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


def run(lines: Iterable[bytes], answer: Callable[[list[str]], str], start: int = 1) -> Iterator[tuple[str, bool]]:
    """Answer each profile in input order: (answer line with its newline, whether it failed).
    ``answer`` gives the JSON text after the id, newline included; a line that cannot be answered
    gets an object with an 'error'. ``start`` is the number of the first line (a chunk of a longer input)."""
    for number, raw in enumerate(lines, start):
        profile = parse_line(raw, number)
        if profile is None:
            continue
        if profile.error is not None:
            error = profile.error
        elif not profile.terms:
            error = "no skill given"
        else:
            try:
                yield '{"id":' + dumps(profile.id) + answer(profile.terms), False
                continue
            except IaMetiersError as exc:
                error = exc.message
            except (ValueError, RecursionError, MemoryError) as exc:  # one bad line never ends the run
                error = f"cannot answer this line: {type(exc).__name__}"
        yield dumps({"id": profile.id, "error": error}) + "\n", True


def parallel(
    lines: Iterable[bytes], catalog: Catalog, top: int, level: str, lang: str, jobs: int, chunk: int = CHUNK
) -> Iterator[tuple[str, int]]:
    """``run`` over ``jobs`` processes: (answer lines of a chunk, how many failed), in input order.
    At most two chunks per process are read ahead, so memory stays flat whatever the input."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    with ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(catalog, top, level, lang)) as pool:
        pending: deque[Future[tuple[str, int]]] = deque()
        try:
            for start, part in _chunks(lines, chunk):
                pending.append(pool.submit(_answer_chunk, start, part))
                if len(pending) >= 2 * jobs:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        finally:  # output closed, or a failure: drop what is not started
            for future in pending:
                future.cancel()


def _chunks(lines: Iterable[bytes], size: int) -> Iterator[tuple[int, list[bytes]]]:
    """(number of the first line, up to ``size`` lines), blank lines included so numbers stay true."""
    part: list[bytes] = []
    start = 1
    for number, line in enumerate(lines, 1):
        part.append(line)
        if len(part) == size:
            yield start, part
            part, start = [], number + 1
    if part:
        yield start, part


_worker: Answers | None = None  # the answers of a worker process (--jobs)


def _start_worker(catalog: Catalog, top: int, level: str, lang: str) -> None:
    global _worker
    _worker = Answers(catalog, top, level, lang)


def _answer_chunk(start: int, part: list[bytes]) -> tuple[str, int]:
    assert _worker is not None
    failed = 0
    out = []
    for text, bad in run(part, _worker, start):
        out.append(text)
        failed += bad
    return "".join(out), failed


class Answers:
    """The text of batch answers for one catalogue, ``top``, salary level and language.

    Equal, byte for byte, to ``dumps({"id": ..., "roles": [fit_row(f) for f in rank(...)], "unknown": ...}) + "\\n"``,
    only faster: a term is read once (bounded memo), scoring gives briefs rather than explained fits,
    each role's fixed parts (name, education, salary band) are serialized once, and the roles part
    is kept for the last distinct skill sets, ``answers`` characters at most (many lines of a
    cohort repeat one).
    """

    def __init__(
        self, catalog: Catalog, top: int, level: str, lang: str, terms: int = TERM_MEMO, answers: int = ANSWER_MEMO
    ) -> None:
        from ia_metiers.core.profile import read_term

        self.catalog, self.top, self.limit = catalog, top, answers
        self.read: Callable[[str], Term] = functools.lru_cache(maxsize=terms)(functools.partial(read_term, catalog.skill_vocab))
        self.memo: dict[tuple[tuple[str, int], ...], str] = {}
        self.kept = 0  # characters in memo
        self.rows = Rows(catalog, level, lang)
        from ia_metiers.output.messages import t

        self.none = t("none_recognised", "en")

    def __call__(self, terms: list[str]) -> str:
        from ia_metiers.core.profile import state

        skills, resolutions = state([self.read(term) for term in terms])
        if not skills:
            raise UsageError(self.none)
        key = tuple([(sid, have.level) for sid, have in skills.items()])
        roles = self.memo.get(key)
        if roles is None:
            from ia_metiers.core.scoring import briefs

            roles = ",".join([self.rows.text(b) for b in briefs(self.catalog, skills, self.top)])
            self.kept += len(roles)
            while self.kept > self.limit and self.memo:
                self.kept -= len(self.memo.pop(next(iter(self.memo))))  # the oldest go
            if len(roles) <= self.limit:
                self.memo[key] = roles
            else:
                self.kept -= len(roles)
        unknown = [r.input for r in resolutions if r.id is None]
        return ',"roles":[' + roles + '],"unknown":' + (dumps(unknown) if unknown else "[]") + "}\n"


_FILLED = ("score", "matched", "via", "missing_required", "missing_optional")  # the parts of a row that a brief fills


@dataclass(frozen=True, slots=True)
class _Layout:
    """One role's row: a %-format text with %(score)s and the like where a brief fills it, and the
    JSON text of each requirement's skill id, in requirement order."""

    text: str
    quoted: tuple[str, ...]
    skills: tuple[str, ...]
    required: int  # how many of the requirements are required (they come first)
    unique: bool  # no skill is asked twice


class Rows:
    """JSON text of ``plain(results.fit_row(...))`` from a brief. Each role's row is laid out once from
    ``fit_row`` itself (its keys in order, its fixed values serialized), so that an answer only
    writes the score and joins pre-quoted skill ids."""

    def __init__(self, catalog: Catalog, level: str, lang: str) -> None:
        self.catalog, self.level, self.lang = catalog, level, lang
        self.layouts: dict[str, _Layout] = {}
        self.quoted = {sid: dumps(sid) for sid in catalog.skills}

    def text(self, brief: Brief) -> str:
        lay = self.layouts.get(brief.role.id) or self._layout(brief.role)
        met, q = brief.met, lay.quoted
        via = "{}"
        if brief.via:
            if lay.unique:
                via = "{" + ",".join([q[n] + ":" + (self.quoted.get(other) or dumps(other)) for n, other in brief.via]) + "}"
            else:  # a skill asked twice: one key, as in a dict
                via = dumps({lay.skills[n]: other for n, other in brief.via})
        return lay.text % {
            "score": repr(brief.score),
            "matched": "[" + ",".join([q[n] for n in met]) + "]",
            "via": via,
            "missing_required": _others(q, 0, lay.required, met),
            "missing_optional": _others(q, lay.required, len(q), met),
        }

    def _layout(self, role: Role) -> _Layout:
        from ia_metiers.core.results import fit_row, plain
        from ia_metiers.core.scoring import Fit

        row = plain(fit_row(self.catalog, Fit(role.id, 0.0, ()), self.level), self.lang)
        parts = [dumps(k) + ":" + (f"%({k})s" if k in _FILLED else dumps(v).replace("%", "%%")) for k, v in row.items()]
        skills = tuple(r.skill for r in (*role.required, *role.optional))
        unique = len(set(skills)) == len(skills)
        lay = _Layout("{" + ",".join(parts) + "}", tuple(map(dumps, skills)), skills, len(role.required), unique)
        self.layouts[role.id] = lay
        return lay


def _others(quoted: tuple[str, ...], start: int, end: int, met: tuple[int, ...]) -> str:
    """The JSON list of quoted[start:end] without the numbers in ``met`` (ascending)."""
    runs = []
    for n in met:
        if start <= n < end:
            if n > start:
                runs.append(",".join(quoted[start:n]))
            start = n + 1
    if end > start:
        runs.append(",".join(quoted[start:end]))
    return "[" + ",".join(runs) + "]"

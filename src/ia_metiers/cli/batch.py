"""Batch matching: one profile a line (JSON object or comma-separated skills), one answer a line.

Every line goes the road of ``match``: ``read_profile``, ``rank``, ``fit_row`` and ``plain``, a
chunk of lines at a time. Two libraries make it faster where they are installed (the ``batch``
extra), and change no byte of the answers, pure Python being the reference:

- numpy: ``core/vectorised.py`` scores the whole chunk against every role at once, and ``rank``
  then scores exactly and explains only the few roles that can place;
- orjson: lines are read and answers written by it (what it refuses goes to ``json``, whose
  messages the answers quote).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import signal
from collections.abc import Generator, Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from ia_metiers.core.text import split_terms as split_typed
from ia_metiers.errors import IaMetiersError

if TYPE_CHECKING:
    from ia_metiers.core.catalog import Catalog
    from ia_metiers.core.profile import Term
    from ia_metiers.core.vectorised import Pruner

MAX_LINE = 100_000
CHUNK = 1_000  # lines answered at a time (and shipped to a worker process with --jobs)
TERM_MEMO = 16_384  # distinct typed terms whose reading is kept (bounded: memory stays flat whatever the input)
SHARED_MEMO = 4_096  # records whose JSON is kept (rows share a few per role: a bound, in case some were not shared)
ANSWER_MEMO = 4_000_000  # bytes of answers kept for the last distinct skill sets (about 4 MB)


def _orjson() -> Any:
    try:
        import orjson
    except ImportError:
        return None
    return orjson


_FAST_JSON = _orjson()


@dataclass(frozen=True, slots=True)
class Line:
    """One parsed input line: its id and skill terms, or the reason it cannot be used."""

    id: Any
    terms: list[str]
    error: str | None = None


def parse_line(raw: bytes, number: int) -> Line | None:
    """A profile from one line; None for a blank line."""
    try:
        line = raw.rstrip(b"\n").removesuffix(b"\r").decode("utf-8")
    except UnicodeDecodeError:
        return Line(number, [], "line is not UTF-8 text")
    line = line.strip().lstrip("\ufeff")
    if not line:
        return None
    if len(line) > MAX_LINE:
        return Line(number, [], f"line longer than {MAX_LINE} characters")
    if not line.startswith("{"):
        return Line(number, split_terms(line))
    obj = _loads(line)
    if isinstance(obj, str):
        return Line(number, [], obj)
    if not isinstance(obj, dict):
        return Line(number, [], "expected a JSON object")
    ident = obj.get("id", number)
    if not isinstance(ident, str | int | float) or isinstance(ident, bool):
        return Line(number, [], "'id' must be a string or a number")
    if (isinstance(ident, int) and abs(ident) >= 10**18) or (isinstance(ident, float) and not math.isfinite(ident)):
        return Line(number, [], "'id' is too large a number (use a string)")
    skills = obj.get("skills")
    if isinstance(skills, str):
        skills = [skills]
    if not isinstance(skills, list) or not all(isinstance(s, str) for s in skills):
        return Line(ident, [], "'skills' must be a list of strings")
    if _lone_surrogate(ident, skills):
        return Line(number, [], "invalid JSON: a \\u escape names half a character (a lone surrogate)")
    terms = []
    for text in skills:
        if "," in text or ";" in text or "\n" in text:
            terms.extend(split_terms(text))
        elif text := text.strip():
            terms.append(text)
    return Line(ident, terms)


def _loads(line: str) -> Any:
    """The JSON value of a line (which starts with "{"), or the message that refuses it (a str). orjson reads what it can;
    json reads the rest (its messages are the reference) and any id that is a float (orjson reads an
    integer beyond 64 bits as one)."""
    if _FAST_JSON is not None:
        try:
            obj = _FAST_JSON.loads(line)
        except _FAST_JSON.JSONDecodeError:
            pass
        else:
            if not (isinstance(obj, dict) and isinstance(obj.get("id"), float)):
                return obj
    try:
        found = _DECODER.decode(line)
    except json.JSONDecodeError as exc:
        return f"invalid JSON: {exc.msg} (column {exc.colno})"
    except (ValueError, RecursionError) as exc:  # NaN/Infinity, 5,000-digit numbers, deep nesting
        return f"invalid JSON: {str(exc)[:80]}"
    return found


def _lone_surrogate(ident: Any, skills: list[str]) -> bool:
    """Whether a string holds half of a surrogate pair (json reads "\\ud800"; no UTF-8 can write it)."""
    for text in (ident, *skills) if isinstance(ident, str) else skills:
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError:
                return True
    return False


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


def dumps(obj: Any) -> bytes:
    """Compact JSON in UTF-8, non-ASCII kept (the form of every answer line): the same bytes from
    orjson and from json, for what an answer holds (strings, integers, lists, objects, and
    floats without an exponent: ids go through ``json``)."""
    if _FAST_JSON is not None:
        return _FAST_JSON.dumps(obj)  # type: ignore[no-any-return]
    return _ENCODER.encode(obj).encode("utf-8")


def split_terms(text: str) -> list[str]:
    return split_typed((text,))  # the one rule of typed terms (core.text.split_terms)


class _Bounded(dict[str, "Term"]):
    """A dict that forgets its oldest entries beyond ``size`` (the memo of the terms a batch read)."""

    def __init__(self, size: int) -> None:
        super().__init__()
        self.size = size

    def __setitem__(self, key: str, value: Term) -> None:
        if len(self) >= self.size:
            del self[next(iter(self))]
        super().__setitem__(key, value)


class Answers:
    """The answer lines of a batch for one catalogue, ``top``, salary level and language.

    A line's answer is ``{"id", "roles": [plain(fit_row(f)) for f in rank(...)], "unknown"}``, the
    rows ``match -f json`` prints. The reading of each typed term is memoised (bounded), and so are the roles of the
    last distinct skill sets, ``answers`` bytes at most (many lines of a cohort repeat one).
    """

    def __init__(
        self, catalog: Catalog, top: int, level: str, lang: str, terms: int = TERM_MEMO, answers: int = ANSWER_MEMO
    ) -> None:
        self.catalog, self.top, self.level, self.lang, self.limit = catalog, top, level, lang, answers
        self.terms: MutableMapping[str, Term] = _Bounded(terms)
        self.memo: dict[tuple[tuple[str, int], ...], bytes] = {}
        self.shared: dict[Any, Any] = {}  # the JSON of the records rows share (a role's pay band, its education)
        self.kept = 0  # bytes in memo
        self.pruner: Pruner | None = None
        try:
            from ia_metiers.core.vectorised import Pruner

            self.pruner = Pruner(catalog)
        except ImportError:  # no numpy: every role is scored, in Python
            pass
        from ia_metiers.output.messages import t

        self.none = t("none_recognised", "en")

    def __call__(self, lines: Iterable[bytes], start: int = 1) -> tuple[bytes, int]:
        """The answers to some lines, numbered from ``start`` (blank lines get none), and how many failed."""
        from ia_metiers.core.profile import read_profile

        answers: list[tuple[bytes, Any, bytes]] = []  # (id, roles: their text, the key of the text to come or None, unknown)
        failed = 0
        todo: dict[tuple[tuple[str, int], ...], Any] = {}
        for number, raw in enumerate(lines, start):
            line = parse_line(raw, number)
            if line is None:
                continue
            error = line.error or (None if line.terms else "no skill given")
            if error is None:
                try:
                    prof = read_profile(self.catalog, line.terms, cache=self.terms)
                except IaMetiersError as exc:
                    error = exc.message
                except (ValueError, RecursionError, MemoryError) as exc:  # one bad line never ends the run
                    error = f"cannot answer this line: {type(exc).__name__}"
                else:
                    if not prof.skills:
                        error = self.none
            ident = str(line.id).encode() if type(line.id) is int else _ENCODER.encode(line.id).encode()
            if error is not None:
                answers.append((ident, None, dumps(error)))
                failed += 1
                continue
            key = tuple([(sid, have.level) for sid, have in prof.skills.items()])
            roles: Any = self.memo.get(key)
            if roles is None:
                todo[key] = prof.skills
                roles = key
            unknown = prof.unknown
            answers.append((ident, roles, dumps(unknown) if unknown else b"[]"))
        if todo:
            self._rank(todo)
        out = []
        for ident, roles, tail in answers:
            if roles is None:
                out.append(b'{"id":' + ident + b',"error":' + tail + b"}\n")
            else:
                text = roles if type(roles) is bytes else todo[roles]
                out.append(b'{"id":' + ident + b',"roles":' + text + b',"unknown":' + tail + b"}\n")
        return b"".join(out), failed

    def _rank(self, todo: dict[tuple[tuple[str, int], ...], Any]) -> None:
        """The roles part of each skill set's answer (in ``todo``, then kept in the memo while it has room)."""
        from ia_metiers.core.results import fit_row, plain
        from ia_metiers.core.scoring import rank

        cat = self.catalog
        people = list(todo.values())
        pools: list[Any] = [None] * len(people)
        if self.pruner is not None:
            order = self.pruner.order
            pools = [[cat.roles[order[n]] for n in numbers] for numbers in self.pruner.candidates(people, self.top)]
        for (key, person), pool in zip(list(todo.items()), pools, strict=True):
            fits = rank(cat, person, roles=pool, top=self.top)
            if len(self.shared) > SHARED_MEMO:
                self.shared.clear()
            roles = dumps([plain(fit_row(cat, f, self.level), self.lang, self.shared) for f in fits])
            todo[key] = roles
            self.kept += len(roles)
            while self.kept > self.limit and self.memo:
                self.kept -= len(self.memo.pop(next(iter(self.memo))))  # the oldest go
            if len(roles) <= self.limit:
                self.memo[key] = roles
            else:
                self.kept -= len(roles)


def chunks(lines: Iterable[bytes], size: int = CHUNK) -> Iterator[tuple[int, list[bytes]]]:
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


def run(lines: Iterable[bytes], answers: Answers, size: int = CHUNK) -> Generator[tuple[bytes, int], None, None]:
    """The answers, a chunk at a time, in one process: (answer lines, how many failed)."""
    for start, part in chunks(lines, size):
        yield answers(part, start)


def usable_cores() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def parallel(
    lines: Iterable[bytes], catalog: Catalog, top: int, level: str, lang: str, jobs: int, size: int = CHUNK
) -> Generator[tuple[bytes, int], None, None]:
    """``run`` over ``jobs`` worker processes, in input order. At most two chunks per worker are read
    ahead, so memory stays flat whatever the input. An input of one chunk is answered here, with no
    worker. The workers ignore Ctrl-C (the command ends them) and end themselves when the command is
    gone, whatever killed it."""
    from collections import deque
    from concurrent.futures import Future, ProcessPoolExecutor

    parts = chunks(lines, size)
    first = next(parts, None)
    second = next(parts, None)
    if second is None:  # one chunk: no worker to start
        if first is not None:
            yield Answers(catalog, top, level, lang)(first[1], first[0])
        return
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(jobs, context, initializer=_start_worker, initargs=(catalog, top, level, lang, os.getpid()))
    pending: deque[Future[tuple[bytes, int]]] = deque()
    try:
        for start, part in _chain(first, second, parts):
            with SIGNALS.held():
                pending.append(pool.submit(_answer_chunk, start, part))
            if len(pending) >= 2 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:  # the end, a closed output, Ctrl-C or a failure: no worker outlives the batch
        with SIGNALS.held():
            for future in pending:
                future.cancel()
            for child in multiprocessing.active_children():
                child.terminate()
            pool.shutdown(wait=True, cancel_futures=True)


def _chain(*heads: Any) -> Iterator[tuple[int, list[bytes]]]:
    *first, rest = heads
    yield from first
    yield from rest


_worker: Answers | None = None  # the answers of a worker process (--jobs)


def _start_worker(catalog: Catalog, top: int, level: str, lang: str, parent: int) -> None:
    global _worker
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the command ends the workers
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _orphan_watch(parent)
    _worker = Answers(catalog, top, level, lang)


def _orphan_watch(parent: int, every: float = 0.2) -> None:
    """End this worker as soon as the command that started it is gone (killed with SIGKILL included)."""
    import threading
    import time

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def _answer_chunk(start: int, part: list[bytes]) -> tuple[bytes, int]:
    assert _worker is not None
    return _worker(part, start)


class Interrupted(Exception):
    """Ctrl-C or SIGTERM during a batch: the command ends with 128 + the signal's number."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class Signals:
    """SIGINT and SIGTERM while a batch runs (``handler``): raised at once as ``Interrupted``, but
    held while a line is being written or the worker pool is handed a chunk (``held``), so that the
    output ends with a whole line and the pool's locks are never left taken. A second signal while
    one is held, or ``GRACE`` seconds spent on the line (a reader that never reads), end the command
    there."""

    GRACE = 2.0  # seconds a held signal waits for the line under way (a reader that never reads: none)

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Nothing held, nothing pending (the start of a batch)."""
        self.holding = 0
        self.pending = 0

    def handler(self, signum: int, frame: Any = None) -> None:
        if not self.holding:
            raise Interrupted(signum)
        if self.pending:
            os._exit(128 + signum)
        self.pending = signum
        if hasattr(signal, "setitimer"):  # the line cannot wait for ever (the workers end with the command)
            signal.signal(signal.SIGALRM, lambda *_: os._exit(128 + signum))
            signal.setitimer(signal.ITIMER_REAL, self.GRACE)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        self.holding += 1
        try:
            yield
        finally:
            self.holding -= 1
        if self.pending and not self.holding:
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)
            signum, self.pending = self.pending, 0
            raise Interrupted(signum)


SIGNALS = Signals()


class Output:
    """Where answer lines go: whole lines only, even when a signal comes (see ``Signals``)."""

    def __init__(self, write: Any, signals: Signals = SIGNALS) -> None:
        self._write = write  # os.write on a descriptor, or a binary stream's write (tests)
        self.signals = signals

    @classmethod
    def to_stdout(cls) -> Output:
        import sys

        sys.stdout.flush()
        try:
            fd = sys.stdout.fileno()
        except (AttributeError, ValueError, OSError):  # a stream with no descriptor (tests)
            buffer = getattr(sys.stdout, "buffer", None)
            return cls(buffer.write if buffer is not None else lambda data: sys.stdout.write(data.decode()))
        return cls(lambda data: os.write(fd, data))

    def write(self, data: bytes) -> None:
        """Write answer lines; when a signal came, stop at the end of the line under way."""
        view = memoryview(data)
        done = 0
        with self.signals.held():
            while done < len(data):
                end = len(data)
                if self.signals.pending:  # finish the line under way, then stop
                    if data[done - 1 : done] in (b"\n", b""):
                        break
                    end = data.index(b"\n", done) + 1
                written = self._write(view[done:end])
                done += end - done if written is None else written

"""A seeded mutator over ordinary documents of every format (tests/hostile_docs.py): every
mutant is read or refused with a reason, never an exception of another kind; through the real
command, every answer is exit 0 or 2, with no traceback, no control sequence, within 300 MB.
A fixed number of mutants keeps the run short; benchmarks/fuzz_documents.py runs hundreds of
thousands."""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
from pathlib import Path

import hostile_docs as h
from ia_metiers.documents import Document, DocumentError, read_bytes


def test_in_process_mutants_are_read_or_refused() -> None:
    seeds = h.seeds()
    others = list(seeds.values())
    rng = random.Random(20261207)
    unhandled = []
    outcomes: dict[str, int] = {}
    for number in range(400):
        name = sorted(seeds)[number % len(seeds)]
        data = h.mutate(seeds[name], rng, others)
        try:
            outcome = "read" if isinstance(read_bytes(data), Document) else "?"
        except DocumentError as exc:
            outcome = exc.kind
        except Exception as exc:  # the defect this test exists to find
            unhandled.append((name, number, type(exc).__name__, str(exc)[:200]))
            continue
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert unhandled == []
    assert outcomes["read"] > 100 and outcomes["damaged"] > 50  # the mutants reach both ends


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


def test_command_on_mutants_exits_0_or_2_within_300_mb(tmp_path: Path) -> None:
    seeds = h.seeds()
    others = list(seeds.values())
    rng = random.Random(7)
    env = dict(os.environ)  # the session's private catalogue cache
    for number in range(12):
        name = sorted(seeds)[number % len(seeds)]
        target = tmp_path / f"mutant-{number}"
        target.write_bytes(h.mutate(seeds[name], rng, others))
        cmd = [sys.executable, "-m", "ia_metiers", "match", "--from-file", str(target), "--top", "1"]
        with (tmp_path / "out").open("w+b") as out, (tmp_path / "err").open("w+b") as err:
            proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env, preexec_fn=_capped)
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = code = os.waitstatus_to_exitcode(status)
            out.seek(0)
            err.seek(0)
            said = out.read() + err.read()
        assert code in (0, 2), (name, number, said[-300:])
        assert b"Traceback" not in said and b"\x1b" not in said, (name, number)
        assert usage.ru_maxrss * 1024 < 300 * 2**20, (name, number, usage.ru_maxrss)

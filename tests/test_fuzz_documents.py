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


# The command, then its own peak memory (VmHWM: this process's memory since exec) written to a
# file. Its rusage would not do: a child's ru_maxrss starts at the RSS of the process it was
# forked from (this test run may hold hundreds of MB).
LAUNCH = (
    "import os\nfrom ia_metiers.cli.app import main\ntry:\n    main()\nfinally:\n"
    "    with open('/proc/self/status') as status:\n"
    "        peak = next(line.split()[1] for line in status if line.startswith('VmHWM'))\n"
    "    with open(os.environ['PEAK_FILE'], 'w') as out:\n        out.write(peak)\n"
)


def test_command_on_mutants_exits_0_or_2_within_300_mb(tmp_path: Path) -> None:
    seeds = h.seeds()
    others = list(seeds.values())
    rng = random.Random(7)
    env = {**os.environ, "PEAK_FILE": str(tmp_path / "peak")}
    for number in range(12):
        name = sorted(seeds)[number % len(seeds)]
        target = tmp_path / f"mutant-{number}"
        target.write_bytes(h.mutate(seeds[name], rng, others))
        cmd = [sys.executable, "-c", LAUNCH, "match", "--from-file", str(target), "--top", "1"]
        proc = subprocess.run(cmd, capture_output=True, env=env, preexec_fn=_capped, timeout=60, check=False)
        said = proc.stdout + proc.stderr
        assert proc.returncode in (0, 2), (name, number, said[-300:])
        assert b"Traceback" not in said and b"\x1b" not in said, (name, number)
        peak_kib = int((tmp_path / "peak").read_text())
        assert peak_kib < 300 * 1024, (name, number, peak_kib)

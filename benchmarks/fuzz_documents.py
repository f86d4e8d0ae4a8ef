"""A long fuzz run of the document reader, by hand: python benchmarks/fuzz_documents.py
[--count N] [--seed S] [--minutes M] [--out DIR].

Mutants of ordinary documents of every format (the seeded mutator of tests/hostile_docs.py) are
read in process by ``ia_metiers.documents.read_bytes`` under a 1 GiB address-space cap. Each
must give a Document or a DocumentError; anything else is unhandled and its input is saved to
DIR for a test. A case over 10 s is stopped (SIGALRM) and counted as a hang. Printed: mutants
per seed and outcome, unhandled and hangs, the slowest case, and the peak RSS of the run.
Run it niced: nice -n 19 python benchmarks/fuzz_documents.py --count 300000
"""

from __future__ import annotations

import argparse
import collections
import random
import resource
import signal
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import hostile_docs as h
from ia_metiers.documents import DocumentError, read_bytes

CAP = 1 << 30


class Hang(Exception):
    pass


def _alarm(*_: object) -> None:
    raise Hang


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=300_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--out", type=Path, default=Path("/tmp/ia-metiers-fuzz"))
    args = parser.parse_args()
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))
    signal.signal(signal.SIGALRM, _alarm)
    seeds = h.seeds()
    names = sorted(seeds)
    others = list(seeds.values())
    rng = random.Random(args.seed)
    outcomes: dict[str, collections.Counter[str]] = {name: collections.Counter() for name in names}
    unhandled: list[tuple[str, int, str]] = []
    slowest = (0.0, "", 0)
    start = time.monotonic()
    done = 0
    for number in range(args.count):
        if time.monotonic() - start > args.minutes * 60:
            break
        name = names[number % len(names)]
        data = h.mutate(seeds[name], rng, others)
        began = time.perf_counter()
        signal.alarm(10)
        try:
            read_bytes(data)
            outcome = "read"
        except DocumentError as exc:
            outcome = exc.kind
        except Hang:
            outcome = "HANG"
        except Exception as exc:  # what this run is looking for
            outcome = "UNHANDLED"
            unhandled.append((name, number, f"{type(exc).__name__}: {str(exc)[:120]}"))
            args.out.mkdir(parents=True, exist_ok=True)
            (args.out / f"{name}-{number}.bin").write_bytes(data)
        finally:
            signal.alarm(0)
        took = time.perf_counter() - began
        if took > slowest[0]:
            slowest = (took, name, number)
        outcomes[name][outcome] += 1
        done += 1
        if done % 20_000 == 0:
            print(f"... {done} mutants, {len(unhandled)} unhandled, {time.monotonic() - start:.0f} s", flush=True)
    elapsed = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"\n{done} mutants in {elapsed:.0f} s (seed {args.seed}); peak RSS {peak:.0f} MiB; slowest case {slowest[0]:.2f} s")
    kinds = sorted({k for counter in outcomes.values() for k in counter})
    print("| seed | " + " | ".join(kinds) + " |")
    print("|---|" + "---|" * len(kinds))
    for name in names:
        print(f"| {name} | " + " | ".join(str(outcomes[name][k]) for k in kinds) + " |")
    total = collections.Counter()
    for counter in outcomes.values():
        total.update(counter)
    print(f"\nunhandled: {total['UNHANDLED']}; hangs (over 10 s): {total['HANG']}")
    for name, number, what in unhandled[:20]:
        print(f"  {name} #{number}: {what}")


if __name__ == "__main__":
    main()

"""Where a batch profile's time goes, step by step, on the benchmark's 50,000 profiles: run by hand,
python benchmarks/batch_steps.py [--profiles N] [--pure] (same Python as benchmarks/run.py).

The steps are those of ``match --batch`` (cli/batch.py ``Answers``), timed a chunk of 1,000 lines at
a time over a streamed file with the cyclic collector on, as the command runs: parsing the lines,
reading their terms into profiles (``read_profile``; the first sight of a typo is a fuzzy look-up),
choosing the candidate roles of the whole chunk (numpy), ranking them (``rank``: exact scores and
the explanation of the top 3), the rows (``fit_row`` and ``plain``), encoding, and writing.
``--pure`` hides numpy and orjson, as a machine without the ``batch`` extra.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import time
from pathlib import Path

if "--pure" in sys.argv:
    sys.modules.update(numpy=None, orjson=None)  # type: ignore[dict-item]

from run import bundled_data, load_skills, profiles

from ia_metiers.catalog.loader import load
from ia_metiers.cli import batch
from ia_metiers.core.profile import read_profile
from ia_metiers.core.results import fit_row, plain
from ia_metiers.core.scoring import rank


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, default=50_000)
    ap.add_argument("--pure", action="store_true", help="without numpy and orjson")
    ap.add_argument("--wall", action="store_true", help="wall-clock time (default: this process's CPU time)")
    args = ap.parse_args()
    n = args.profiles
    source = Path(tempfile.mkdtemp(prefix="ia-metiers-steps-")) / "profiles.ndjson"
    source.write_bytes(profiles(load_skills(bundled_data()), n))
    catalog = load(None)
    gc.freeze()
    gc.enable()
    answers = batch.Answers(catalog, 3, "junior", "fr")
    clock = time.perf_counter if args.wall else time.process_time
    steps = dict.fromkeys(("parse", "read terms", "candidates", "rank", "rows", "encode", "write"), 0.0)
    done = 0
    start = clock()
    with source.open("rb") as stream, open(os.devnull, "wb") as out:
        for first, part in batch.chunks(batch.lines_of(stream)):
            t0 = clock()
            lines = [line for number, raw in enumerate(part, first) if (line := batch.parse_line(raw, number))]
            t1 = clock()
            people = [read_profile(catalog, line.terms, cache=answers.terms) for line in lines]
            t2 = clock()
            pools = answers.pruner.candidates([p.skills for p in people], 3) if answers.pruner else [None] * len(people)
            t3 = clock()
            order = catalog.roles
            fits = [
                rank(catalog, p.skills, roles=None if pool is None else [order[answers.pruner.order[k]] for k in pool], top=3)  # type: ignore[union-attr]
                for p, pool in zip(people, pools, strict=True)
            ]
            t4 = clock()
            rows = [[plain(fit_row(catalog, f, "junior"), "fr") for f in found] for found in fits]
            t5 = clock()
            text = b"".join(
                b'{"id":' + str(line.id).encode() + b',"roles":' + batch.dumps(r) + b',"unknown":' + batch.dumps(u) + b"}\n"
                for line, r, u in zip(lines, rows, (p.unknown for p in people), strict=True)
            )
            t6 = clock()
            out.write(text)
            t7 = clock()
            for name, took in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5, t7 - t6), strict=True):
                steps[name] += took
            done += len(lines)
    total = clock() - start
    mode = "pure Python" if answers.pruner is None else "numpy and orjson"
    print(f"{done:,} profiles in {total:.2f} s ({mode}): {done / total:,.0f}/s, {total / done * 1e6:.0f} µs a profile")
    for name, took in steps.items():
        print(f"  {name:<11} {took / done * 1e6:6.1f} µs")
    rest = total - sum(steps.values())
    print(f"  {'the rest':<11} {rest / done * 1e6:6.1f} µs (reading the file, chunking)")
    source.unlink()


if __name__ == "__main__":
    main()

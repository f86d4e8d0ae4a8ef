"""Where a batch profile's time goes, step by step, on the benchmark's 50,000 profiles: run by hand,
python benchmarks/batch_steps.py [--profiles N] (same Python as benchmarks/run.py).

The steps are those of ``match --batch`` (cli/batch.py), timed one profile at a time over a
streamed file with the cyclic collector on, as the command runs. The steps: parsing the line,
reading its terms (memoised; the first sight of a typo is a fuzzy look-up), the profile's state,
scoring (the top 3 roles as briefs), writing the 3 rows, and writing the line.
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from pathlib import Path

from run import bundled_data, load_skills, profiles

from ia_metiers.catalog.loader import load
from ia_metiers.cli import batch
from ia_metiers.core.profile import state
from ia_metiers.core.scoring import briefs


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profiles", type=int, default=50_000)
    n = ap.parse_args().profiles
    source = Path(tempfile.mkdtemp(prefix="ia-metiers-steps-")) / "profiles.ndjson"
    source.write_bytes(profiles(load_skills(bundled_data()), n))
    catalog = load(None)
    gc.freeze()
    gc.enable()
    answers = batch.Answers(catalog, 3, "junior", "fr")
    clock = time.perf_counter
    steps = dict.fromkeys(("parse", "read terms", "state", "score", "rows", "write"), 0.0)
    done = 0
    start = clock()
    with source.open("rb") as lines, open(os.devnull, "w", encoding="utf-8") as out:
        for number, raw in enumerate(batch.lines_of(lines), 1):
            t0 = clock()
            profile = batch.parse_line(raw, number)
            t1 = clock()
            if profile is None or profile.error:
                continue
            terms = [answers.read(term) for term in profile.terms]
            t2 = clock()
            skills, resolutions = state(terms)
            t3 = clock()
            if not skills:
                continue
            fits = briefs(catalog, skills, 3)
            t4 = clock()
            roles = ",".join([answers.rows.text(b) for b in fits])
            t5 = clock()
            unknown = [r.input for r in resolutions if r.id is None]
            out.write(f'{{"id":{batch.dumps(profile.id)},"roles":[{roles}],"unknown":{batch.dumps(unknown)}}}\n')
            t6 = clock()
            for name, took in zip(steps, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True):
                steps[name] += took
            done += 1
    total = clock() - start
    print(f"{done:,} profiles in {total:.2f} s: {done / total:,.0f}/s, {total / done * 1e6:.0f} µs a profile")
    for name, took in steps.items():
        print(f"  {name:<11} {took / done * 1e6:6.1f} µs")
    rest = total - sum(steps.values())
    print(f"  {'the rest':<11} {rest / done * 1e6:6.1f} µs (the loop, and reading the file)")
    source.unlink()


if __name__ == "__main__":
    main()

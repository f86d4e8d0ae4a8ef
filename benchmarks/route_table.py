"""The catch-all table: over every job family of the catalogue, the first path `path --from JOB`
gives, each role's share of first places and of top-3 places, and how many answers are weak.

    python benchmarks/route_table.py            # Markdown tables on standard output
    python benchmarks/route_table.py --check    # exit 1 if a role is first for > 30 % or top 3 for > 40 %

It reads the bundled catalogue through the library API, with no situation stated (as
``ia-metiers path --from JOB``), so its figures are what the CLI answers.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

import ia_metiers as im
from ia_metiers.core.planning import Origin

FIRST_MAX = 0.30  # no role first for more than this share of jobs (issue 20)
TOP3_MAX = 0.40  # nor in the top 3 for more than this share


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a share passes its limit")
    args = parser.parse_args()
    cat = im.load_catalog()
    jobs = list(cat.jobs.values())
    first: Counter[str] = Counter()
    top3: Counter[str] = Counter()
    weak = 0
    rows = []
    for job in sorted(jobs, key=lambda j: (j.domain or "~", j.id)):
        origin = Origin.of_job(job)
        prof = im.read_profile(cat, [], assumed=origin.skills)
        paths = im.rank_paths(cat, prof)[:3]
        first[paths[0].role] += 1
        top3.update(p.role for p in paths)
        weak += paths[0].weak
        rows.append((job.domain or "-", job.id, paths[0].role, paths[0].fit, paths[0].weak, [p.role for p in paths[1:]]))
    n = len(jobs)
    print(f"# Job families: {n}; weak first answers: {weak} ({weak / n:.0%})\n")
    print("| role | first | first share | top 3 | top-3 share |")
    print("|---|---:|---:|---:|---:|")
    for role in sorted(cat.roles, key=lambda r: (-top3[r], -first[r], r)):
        print(f"| {role} | {first[role]} | {first[role] / n:.0%} | {top3[role]} | {top3[role] / n:.0%} |")
    print("\n| domain | job | first role | fit | weak | then |")
    print("|---|---|---|---:|---|---|")
    for domain, job_id, role, fit, is_weak, then in rows:
        print(f"| {domain} | {job_id} | {role} | {fit:g} | {'weak' if is_weak else ''} | {', '.join(then)} |")
    worst_first = max(first.values()) / n
    worst_top3 = max(top3.values()) / n
    print()
    print(f"largest first share {worst_first:.0%} (limit {FIRST_MAX:.0%});", end=" ")
    print(f"largest top-3 share {worst_top3:.0%} (limit {TOP3_MAX:.0%})")
    if args.check and (worst_first > FIRST_MAX or worst_top3 > TOP3_MAX):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

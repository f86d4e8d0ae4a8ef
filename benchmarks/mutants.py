"""One-line mutants of the core, each run against the tests named to catch it.

    python benchmarks/mutants.py              # every mutant: the table, exit 1 if one survives
    python benchmarks/mutants.py 3 7          # only mutants 3 and 7 (numbered from 1)
    python benchmarks/mutants.py --list       # the table of mutants, without running them

Each mutant changes one line of ``src/ia_metiers/core`` (a constant, a comparison, a weight). The
tracked files of the checkout are copied once into a temporary folder; for each mutant the line is
changed there, the named tests run against the copy (``PYTHONPATH`` puts the copy's sources first,
so the command line the tests start is the mutant too), and the line is put back. A mutant is
*caught* when those tests fail. One pytest at a time, as the house rules ask; a mutant takes a
minute or so on a loaded machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = "src/ia_metiers/core/"


@dataclass(frozen=True)
class Mutant:
    """``before`` (found exactly once in ``file``) becomes ``after``; ``tests`` must then fail."""

    file: str
    before: str
    after: str
    tests: tuple[str, ...]

    def line(self, root: Path) -> int:
        text = (root / CORE / self.file).read_text(encoding="utf-8")
        return text[: text.index(self.before)].count("\n") + 1


GOLDEN = "tests/test_golden.py"

MUTANTS = (
    # scoring: the formula's weights, the credits, the matched threshold, level gaps
    Mutant("scoring.py", "REQUIRED_SHARE = 0.7", "REQUIRED_SHARE = 0.6", ("tests/test_match.py", GOLDEN)),
    Mutant("scoring.py", "NARROWER_CREDIT = 0.85", "NARROWER_CREDIT = 0.9", ("tests/test_match.py", GOLDEN)),
    Mutant("scoring.py", "SECTOR_MISSING = 0.6", "SECTOR_MISSING = 0.7", ("tests/test_match.py", GOLDEN)),
    Mutant("scoring.py", "return self.credit >= MATCHED_AT", "return self.credit > MATCHED_AT", ("tests/test_match.py", GOLDEN)),
    Mutant("scoring.py", "self.via.level < self.level", "self.via.level <= self.level", ("tests/test_match.py", GOLDEN)),
    # planning: the path score, weak fits, the working language
    Mutant("planning.py", "EFFORT_SCALE = 300.0", "EFFORT_SCALE = 250.0", ("tests/test_plan.py", GOLDEN)),
    Mutant("planning.py", "WEAK_FIT = 35.0", "WEAK_FIT = 30.0", ("tests/test_plan.py", GOLDEN)),
    Mutant("planning.py", "REACH_PENALTY = 4.0", "REACH_PENALTY = 3.0", ("tests/test_plan.py", GOLDEN)),
    Mutant("planning.py", "LANGUAGE_LEVEL = 2 ", "LANGUAGE_LEVEL = 3 ", ("tests/test_plan.py", GOLDEN)),
    # routes: when a VAE, a certification or a whole programme is proposed; entry levels
    Mutant("routes.py", "VAE_COVERAGE = 0.6", "VAE_COVERAGE = 0.5", ("tests/test_routes.py", GOLDEN)),
    Mutant("routes.py", "VAE_LEVEL_STEP = 2", "VAE_LEVEL_STEP = 1", ("tests/test_routes.py", GOLDEN)),
    Mutant("routes.py", "SMALL_STEP_HOURS = 60", "SMALL_STEP_HOURS = 40", ("tests/test_routes.py", GOLDEN)),
    Mutant(
        "routes.py",
        'return "ok" if situation.diploma_level >= q.entry_level',
        'return "ok" if situation.diploma_level > q.entry_level',
        ("tests/test_routes.py", GOLDEN),
    ),
    # situation: the law's age limit, experience
    Mutant("situation.py", "APPRENTICESHIP_MAX_AGE = 29", "APPRENTICESHIP_MAX_AGE = 30", ("tests/test_situation.py", GOLDEN)),
    Mutant(
        "situation.py",
        "return 16 <= self.age <= APPRENTICESHIP_MAX_AGE",
        "return 16 <= self.age < APPRENTICESHIP_MAX_AGE",
        ("tests/test_situation.py", GOLDEN),
    ),
    Mutant("situation.py", "LONG_EXPERIENCE_YEARS = 3", "LONG_EXPERIENCE_YEARS = 2", ("tests/test_routes.py", GOLDEN)),
    # reading: section titles, short names in running text; the three the issue found surviving
    Mutant("reading.py", "MAX_HEADING_WORDS = 8", "MAX_HEADING_WORDS = 5", ("tests/test_reading.py", GOLDEN)),
    Mutant(
        "reading.py",
        "if size == 1 and len(key) <= 2 and",
        "if size == 1 and len(key) <= 1 and",
        ("tests/test_reading.py", GOLDEN),
    ),
    Mutant("resolve.py", "MIN_FUZZY_LENGTH = 4", "MIN_FUZZY_LENGTH = 3", ("tests/test_resolve.py", GOLDEN)),
    Mutant("profile.py", "if old is None or have.level > old.level:", "if old is None:", ("tests/test_match.py", GOLDEN)),
)


def copy_checkout(target: Path) -> None:
    """The files git tracks (as they are in the working tree), and the untracked ones it does not ignore."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for raw in filter(None, listed):
        name = raw.decode()
        source = ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def run(mutant: Mutant, copy: Path) -> tuple[bool, str, float]:
    """Apply the mutant in the copy, run its tests, put the line back: (caught, first failure, seconds)."""
    path = copy / CORE / mutant.file
    original = path.read_text(encoding="utf-8")
    if original.count(mutant.before) != 1:
        raise SystemExit(f"{mutant.file}: {mutant.before!r} is not there exactly once: update the mutant")
    path.write_text(original.replace(mutant.before, mutant.after), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(copy / "src"), IA_METIERS_CACHE_DIR=str(copy / ".cache-mutant"))
    start = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", *mutant.tests],
            cwd=copy,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        path.write_text(original, encoding="utf-8")
        shutil.rmtree(copy / ".cache-mutant", ignore_errors=True)
    failed = [line for line in done.stdout.splitlines() if line.startswith("FAILED ")]
    return done.returncode != 0, (failed[0][7:].split(" - ")[0] if failed else done.stdout[-200:]), time.monotonic() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("numbers", nargs="*", type=int, help="run only these mutants (numbered from 1)")
    parser.add_argument("--list", action="store_true", help="print the mutants without running them")
    args = parser.parse_args()
    chosen = [(n, MUTANTS[n - 1]) for n in args.numbers] if args.numbers else list(enumerate(MUTANTS, 1))
    print("| # | file:line | change | caught by |")
    print("|---|---|---|---|")
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="mutants-") as tmp:
        copy = Path(tmp)
        if not args.list:
            copy_checkout(copy)
        for n, m in chosen:
            where = f"core/{m.file}:{m.line(ROOT)}"
            change = f"`{m.before.strip()}` -> `{m.after.strip()}`"
            if args.list:
                print(f"| {n} | {where} | {change} | {', '.join(m.tests)} |", flush=True)
                continue
            caught, test, seconds = run(m, copy)
            survivors += not caught
            verdict = f"`{test}`" if caught else f"SURVIVED ({', '.join(m.tests)})"
            print(f"| {n} | {where} | {change} | {verdict} ({seconds:.0f} s) |", flush=True)
    if not args.list:
        print(f"\n{len(chosen) - survivors} of {len(chosen)} caught")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main())

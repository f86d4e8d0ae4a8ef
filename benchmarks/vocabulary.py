"""Share of the distinct skill mentions of evaluation files that resolve to a catalogue skill
(run by hand: python benchmarks/vocabulary.py ../shared/eval/postings_real.yaml [--show]).

A mention is one item of a profile's ``skills`` list, counted once per folded spelling
(case, accents and punctuation ignored); it resolves when ``skills resolve`` would give it an id.
``--show`` lists the mentions that do not resolve, and how each resolved one did."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

from ia_metiers import load_catalog
from ia_metiers.core.text import fold


def mentions(paths: list[Path]) -> dict[str, str]:
    """Folded spelling -> the first spelling seen, over every profile's skills list."""
    out: dict[str, str] = {}
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for profile in data.get("profiles", []):
            for item in profile.get("skills", []):
                key = fold(str(item))
                if key:
                    out.setdefault(key, str(item))
    return out


def main(argv: list[str]) -> int:
    show = "--show" in argv
    paths = [Path(a) for a in argv if not a.startswith("--")]
    if not paths:
        print(__doc__, file=sys.stderr)
        return 2
    catalog = load_catalog()
    found = mentions(paths)
    methods: Counter[str] = Counter()
    missed: list[str] = []
    for spelling in found.values():
        res = catalog.skill_vocab.resolve(spelling)
        methods[res.method if res.id else "unresolved"] += 1
        if res.id is None:
            missed.append(spelling)
    total = len(found)
    resolved = total - len(missed)
    print(f"distinct mentions {total}, resolved {resolved} = {resolved / total:.3f}")
    print("  " + ", ".join(f"{m} {n}" for m, n in methods.most_common()))
    if show:
        for spelling in sorted(missed, key=str.casefold):
            print(f"  - {spelling}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

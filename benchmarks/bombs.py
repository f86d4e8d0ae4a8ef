"""Time to refuse each hostile input, run by hand: python benchmarks/bombs.py [--runs N] [--only WORD].

Each case is built in a temporary folder (an overlay for --data-dir, a planted cache, or batch
lines on standard input) and the installed CLI is run on it under a 1 GiB address-space cap
(RLIMIT_AS), as a person's or a server's limits would. Printed: the exit code, the median wall
time of N runs (3 by default), the largest peak RSS of those runs, and the first line the tool
said. Nothing is asserted on time: the tests (tests/test_hostile.py, tests/test_documents.py) check
the answers. The document cases (zip and deflate bombs, exotic and encrypted entries, nesting,
PDF cycles and bombs, unclosed HTML, encodings, devices) are built by tests/hostile_docs.py and
read with `match --from-file`; each must stay under 300 MB and 10 s.
`validate` checks the bundled catalogue as well as the overlay, uncached: the baseline row
(an empty, valid overlay) is that cost.

Run it with the Python of the install to measure, e.g. a regular one:
python3 -m venv /tmp/bench && /tmp/bench/bin/pip install . && /tmp/bench/bin/python benchmarks/bombs.py
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

PY = sys.executable
_SCRIPT = Path(PY).with_name("ia-metiers")
# the installed console script, as users run it (python -m ia_metiers when it is missing)
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "ia_metiers"]
CAP = 1 << 30  # bytes of address space for the child


def _cap() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))


SALARY = "[{region: fr, level: junior, min: 1, max: 2, currency: EUR, basis: role, source: seed-001, year: 2024}]"


def alias_bomb(d: Path) -> None:
    """'Billion laughs': nine levels of ten aliases each (10^9 strings once expanded)."""
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    (d / "skills.yaml").write_text("\n".join([*lines, "skills: []"]) + "\n", encoding="utf-8")


def merge_bomb(d: Path) -> None:
    """Merge keys (<<) that merge the level below ten times, twenty levels deep."""
    lines = ["m0: &m0 {k: v}"]
    lines += [f"m{i}: &m{i} {{<<: [" + ", ".join([f"*m{i - 1}"] * 10) + f"], k{i}: v}}" for i in range(1, 20)]
    (d / "skills.yaml").write_text("\n".join([*lines, "skills: []"]) + "\n", encoding="utf-8")


def deep_nesting(d: Path) -> None:
    (d / "skills.yaml").write_text("skills:\n  - " + "[" * 260 + "]" * 260 + "\n", encoding="utf-8")


def prerequisite_chain(d: Path) -> None:
    """1,000 skills, each needing the next: c0000 -> c0001 -> ... -> c0999."""
    lines = ["skills:"]
    for i in range(1000):
        pre = f"[c{i + 1:04d}]" if i < 999 else "[]"
        lines.append(
            f"  - {{id: c{i:04d}, name: {{fr: Chaîne {i}, en: Chain {i}}}, category: data, broader: [python],"
            f" prerequisites: {pre}}}"
        )
    (d / "skills.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def big_file(d: Path) -> None:
    """11 MB of valid YAML (a comment line repeated)."""
    with (d / "skills.yaml").open("w", encoding="utf-8") as fh:
        fh.write("skills: []\n")
        line = "# " + "x" * 98 + "\n"
        for _ in range(110_000):
            fh.write(line)


def huge_sparse_file(d: Path) -> None:
    """1.5 GB (sparse: no disk used), larger than the memory cap."""
    with (d / "skills.yaml").open("wb") as fh:
        fh.truncate(1_500_000_000)


def long_number(d: Path) -> None:
    (d / "skills.yaml").write_text(
        "skills:\n  - id: big\n    name: {fr: B, en: B}\n    category: data\n    broader: [python]\n"
        "    effort_hours: " + "9" * 5000 + "\n",
        encoding="utf-8",
    )


def nan_weights(d: Path) -> None:
    (d / "roles.yaml").write_text(
        "roles:\n  - id: data-analyst\n    name: {fr: x, en: x}\n    summary: {fr: x, en: x}\n"
        "    required: [python, {skill: sql, weight: .nan}, {skill: pandas, weight: .inf}, {skill: r, weight: -.inf}]\n"
        f"    salaries: {SALARY}\n",
        encoding="utf-8",
    )


def terminal_escapes(d: Path) -> None:
    (d / "skills.yaml").write_text(
        'skills:\n  - id: evil\n    name: {fr: "\\e[31m\\e]0;titre\\a", en: "\\u202eeviL"}\n    category: data\n'
        "    broader: [python]\n",
        encoding="utf-8",
    )


class _Evil:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, ...]:
        return (os.system, (f"touch {self.marker}",))


def planted_cache(d: Path) -> dict[str, str]:
    """Every name the catalogue cache could have holds a pickle that would run a command, in a
    folder anyone can write: it must never be unpickled (the run answers from the YAML)."""
    cache = d / "cache"
    cache.mkdir()
    subprocess.run([*CLI, "roles", "-f", "json"], env={**os.environ, "IA_METIERS_CACHE_DIR": str(cache)}, capture_output=True)
    cache.chmod(0o777)
    return {"IA_METIERS_CACHE_DIR": str(cache)}


def plant(d: Path) -> None:
    for stored in (d / "cache").glob("catalog-*.pickle"):
        stored.write_bytes(pickle.dumps(("key", _Evil(str(d / "pwned")))))
        stored.chmod(0o666)


def batch(line: Callable[[], bytes]) -> Callable[[Path], bytes]:
    def make(d: Path) -> bytes:
        data = line() + b"\n"
        (d / "stdin").write_bytes(data)
        return data

    return make


TESTS = Path(__file__).resolve().parents[1] / "tests"


def document(expression: str) -> Callable[[Path], None]:
    """A document file, read by `match --from-file {doc}`: ``expression`` (over tests/hostile_docs.py
    as ``h``) is built in a separate process, so that this one stays small (a child's peak RSS
    counts the memory of the process it was forked from)."""

    def make(d: Path) -> None:
        code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import hostile_docs as h; data = {expression}\n"
        code += f"open({str(d / 'doc')!r}, 'wb').write(data)"
        subprocess.run([PY, "-c", code], check=True)

    return make


READ = ["match", "--from-file", "{doc}", "--top", "1"]


@dataclass
class Case:
    name: str
    build: Callable[[Path], object]
    args: list[str] = field(default_factory=lambda: ["validate"])
    overlay: bool = True


CASES = [
    Case("baseline: empty overlay (accepted)", lambda d: None),
    Case("YAML alias bomb (10^9 nodes)", alias_bomb),
    Case("merge-key bomb (<<, 10^19)", merge_bomb),
    Case("nesting 260 levels", deep_nesting),
    Case("1,000-skill prerequisite chain", prerequisite_chain),
    Case("11 MB file", big_file),
    Case("1.5 GB file (sparse)", huge_sparse_file),
    Case("5,000-digit number", long_number),
    Case("NaN / Infinity weights", nan_weights),
    Case("terminal escapes in names", terminal_escapes),
    Case("planted cache pickle (roles)", planted_cache, ["roles", "-f", "json"], overlay=False),
    Case(
        "batch: 5,000-digit id",
        batch(lambda: b'{"id": ' + b"9" * 5000 + b', "skills": ["python"]}'),
        ["match", "--batch", "-", "--top", "1"],
        overlay=False,
    ),
    Case(
        "batch: array nested 49,000 deep",
        batch(lambda: b'{"id": "deep", "skills": ' + b"[" * 49_000 + b"]" * 49_000 + b"}"),
        ["match", "--batch", "-", "--top", "1"],
        overlay=False,
    ),
    Case("batch: 10 MB line", batch(lambda: b"x" * 10_000_000), ["match", "--batch", "-", "--top", "1"], overlay=False),
]

DOCUMENTS = [
    ("DOCX: ordinary (baseline)", "h.docx()"),
    ("DOCX: zip bomb, 1 GB of blanks, honest header", "h.zip_bomb(1_000_000_000)"),
    ("DOCX: header says 4 KB, inflates to 1 GB", "h.lying_zip_bomb(1_000_000_000)"),
    ("DOCX: 1 GB of paragraphs (text limit)", "h.zip_bomb(1_000_000_000, text=True)"),
    ("DOCX: bzip2 entry", "h.bzip2_docx()"),
    ("DOCX: LZMA entry", "h.lzma_docx()"),
    ("DOCX: Deflate64 entry", "h.deflate64_docx()"),
    ("DOCX: ZIP-encrypted entry", "h.encrypted_docx()"),
    ("DOCX: corrupt deflate data", "h.corrupt_deflate_docx()"),
    ("DOCX: entry shorter than its header", "h.short_entry_docx()"),
    ("DOCX: truncated archive", "h.truncated_docx()"),
    ("DOCX: 20,000 entries", "h.many_entries_zip()"),
    ("DOCX: XML nested 100,000 deep", "h.deep_xml_docx()"),
    ("DOCX: entity expansion (DTD)", "h.entity_docx()"),
    ("DOCX: 200,000 '<' without '>'", "h.angle_brackets_docx()"),
    ("ODT: ordinary", "h.odt()"),
    ("PDF: ordinary, 1 page", "h.text_pdf()"),
    ("PDF: 2,000 pages, one shared content stream", "h.text_pdf(pages=2000, shared=True)"),
    ("PDF: 2,000 pages, 2,000 content streams", "h.text_pdf(pages=2000)"),
    ("PDF: Flate bomb, 1 GB content stream", "h.flate_bomb_pdf(1_000_000_000)"),
    ("PDF: 20 KB page of 2,000,000 operations", "h.heavy_page_pdf()"),
    ("PDF: 5 such pages", "h.heavy_page_pdf(pages=5)"),
    ("PDF: arrays nested 500 deep", "h.nested_arrays_pdf()"),
    ("PDF: arrays nested 50,000 deep", "h.nested_arrays_pdf(50_000)"),
    ("PDF: /Parent cycle", "h.parent_cycle_pdf()"),
    ("PDF: xref /Prev cycle", "h.xref_cycle_pdf()"),
    ("PDF: trailer is a number", "h.trailer_number_pdf()"),
    ("PDF: startxref 10^20", "h.huge_startxref_pdf()"),
    ("PDF: reference inside a content stream", "h.reference_in_content_pdf()"),
    ("PDF: terminal escapes in names (OSC 52)", "h.escape_names_pdf()"),
    ("PDF: AES-256, empty user password", 'h.password_pdf("", "AES-256")'),
    ("PDF: user password", "h.password_pdf()"),
    ("PDF: truncated", "h.truncated_pdf()"),
    *(
        (f"HTML: 60 KB of unclosed {kind}", f"h.quadratic_html({kind!r}).encode()")
        for kind in ("comments", "quotes", "tags", "brackets", "attributes")
    ),
    ("HTML: script/style after a comment", 'h.HTML_TRAPS["comment first"].encode()'),
    ("text: 19 MB (text limit)", 'b"python sql docker\\n" * 1_100_000'),
    ("text: 1 MB Windows-1252", '"Compétences : Python — SQL\\n".encode("cp1252") * 35_000'),
]
CASES += [Case(name, document(expression), READ, overlay=False) for name, expression in DOCUMENTS]
CASES.append(Case("device: --from-file /dev/zero", lambda d: None, ["match", "--from-file", "/dev/zero"], overlay=False))


def run_once(cmd: list[str], env: dict[str, str], stdin: Path | None) -> tuple[int, float, int, str]:
    """Exit code, wall seconds, peak RSS (bytes) and first line said, for one run."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        source = stdin.open("rb") if stdin is not None else subprocess.DEVNULL
        try:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdin=source, stdout=out, stderr=err, env=env, preexec_fn=_cap)
            _, status, usage = os.wait4(proc.pid, 0)
            took = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            if stdin is not None:
                source.close()  # type: ignore[union-attr]
        said = b""
        for stream in (out, err):  # validate's problems and batch answers are on stdout
            stream.seek(0)
            line = stream.readline(300).strip()
            said = said or (line if len(line) > 1 else b"")
    first = said.decode("utf-8", "replace")
    return proc.returncode, took, usage.ru_maxrss * 1024, first


def measure(case: Case, runs: int) -> tuple[int, float, int, str]:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        env = {**os.environ, "IA_METIERS_CACHE_DIR": str(d / "private-cache")}
        made = case.build(d)
        if isinstance(made, dict):
            env.update(made)
        stdin = d / "stdin" if isinstance(made, bytes) else None
        args = [arg.replace("{doc}", str(d / "doc")) for arg in case.args]
        cmd = [*CLI, *(["--data-dir", str(d)] if case.overlay else []), *args]
        if not case.overlay and not isinstance(made, dict):  # a warm cache: what is timed is the refusal
            subprocess.run([*CLI, "roles", "-f", "json"], env=env, capture_output=True)
        results = []
        for _ in range(runs):
            if isinstance(made, dict):  # each run replaced the planted files with its own
                plant(d)
            results.append(run_once(cmd, env, stdin))
        if isinstance(made, dict):
            verdict = "PLANTED PICKLE RAN" if (d / "pwned").exists() else "planted pickle not unpickled; answered from YAML"
            results = [(c, t, r, verdict) for c, t, r, _ in results]
    codes = {r[0] for r in results}
    results[0] = (*results[0][:3], results[0][3].replace(tmp, "DIR"))
    return (
        codes.pop() if len(codes) == 1 else -1,
        statistics.median(r[1] for r in results),
        max(r[2] for r in results),
        results[0][3],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="run the cases whose name holds this word")
    args = parser.parse_args()
    print(f"CLI: {' '.join(CLI)}; memory cap {CAP >> 20} MiB (RLIMIT_AS); median of {args.runs} runs\n")
    rows = []
    for case in CASES:
        if args.only.lower() not in case.name.lower():
            continue
        code, took, rss, said = measure(case, args.runs)
        said = said.replace("|", "\\|")
        rows.append((case.name, str(code), f"{took * 1000:.0f} ms", f"{rss / 2**20:.0f} MiB", said[:120]))
    headers = ("case", "exit code", "time to refuse", "peak RSS", "first line said")
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    line = "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |"
    print(line)
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for row in rows:
        print("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")


if __name__ == "__main__":
    main()

"""Speed benchmarks for ia-metiers, run by hand: python benchmarks/run.py [--runs N].

Run it with the Python of a regular (non-editable) install, whose modules are byte-compiled, with
the batch extra (numpy, orjson; without it the batch gives the same bytes, slower):
python3 -m venv /tmp/bench && /tmp/bench/bin/pip install '.[batch]' && /tmp/bench/bin/python benchmarks/run.py

1. Cold start: `ia-metiers match --skills python,sql` (table and JSON; target <= 1.25x) and
   `gap`, `path`, `roles`, `salaries` (target <= 1.4x) against a bare Typer app that only parses
   an option and prints, measured alternately; then the first run after installation (empty cache).
2. Batch: 50,000 NDJSON profiles of 2 to 9 skills (typos and French labels included),
   `match --batch FILE --top 3`, start-up and output included, in one process; target >= 20,000
   profiles/s. Beside it: `--jobs 2` and its speed-up, the I/O ceiling of the same work (reading
   and parsing 10,000 such lines and writing 10,000 answers of the same size with json, in pure
   Python, in this process), and the peak RSS of one run at 10k, 100k and 1M lines
   (--rss-lines), which must stay flat. The machine's load average is printed too: on a shared
   machine another process's load slows every figure, --jobs most.
3. Scale: a synthetic catalogue 50 times the bundled one; `match` and batch times at 1x and
   50x; cost must grow no worse than linearly with catalogue size.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
PY = sys.executable
_SCRIPT = Path(PY).with_name("ia-metiers")
# the installed console script, as users run it (python -m ia_metiers when it is missing)
CLI = [str(_SCRIPT)] if _SCRIPT.exists() else [PY, "-m", "ia_metiers"]


def wall(cmd: list[str], stdin: bytes | None = None, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        cmd, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, **(env or {})}, check=False
    )
    took = time.perf_counter() - start
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{' '.join(cmd)} failed: {proc.stderr.decode()[:500]}")
    return took


COLD = {  # name: (arguments, target ratio to the bare Typer app)
    "match": (["match", "--skills", "python,sql"], 1.25),
    "match --format json": (["match", "--skills", "python,sql", "--format", "json"], 1.25),
    "gap": (["gap", "data-analyst", "--skills", "python,sql"], 1.4),
    "path": (["path", "--from", "comptable"], 1.4),
    "roles": (["roles"], 1.4),
    "salaries": (["salaries"], 1.4),
}


def cold_start(runs: int) -> None:
    """Each command against the bare Typer app, alternated; then the first run after installation
    (an empty catalogue cache: the catalogue is validated and cached)."""
    bare = [PY, str(HERE / "bare_typer.py"), "--skills", "python,sql"]
    cmds = {"bare Typer app": bare, **{name: [*CLI, *args] for name, (args, _) in COLD.items()}}
    for cmd in cmds.values():
        wall(cmd)  # warm the catalogue cache and the OS file cache once
    times: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):  # alternate, so that drift hits every command alike
        for name, cmd in cmds.items():
            times[name].append(wall(cmd) * 1000)
    base, floor = statistics.median(times["bare Typer app"]), min(times["bare Typer app"])
    print(
        f"cold start, {runs} alternated runs each (ms; ratio to the bare Typer app of the medians, and of the "
        "fastest runs, which a busy machine disturbs least):"
    )
    for name, values in times.items():
        ratio, fastest = statistics.median(values) / base, min(values) / floor
        target = f"  ratio {ratio:.2f}, fastest {fastest:.2f} (target <= {COLD[name][1]})" if name in COLD else ""
        print(f"  {name:22} {spread(values)}{target}")
    first = []
    for _ in range(max(3, runs // 5)):
        empty = tempfile.mkdtemp(prefix="ia-metiers-first-")
        first.append(wall(cmds["match"], env={"IA_METIERS_CACHE_DIR": empty}) * 1000)
    print(f"  first run after installation (empty cache, match): {spread(first)} ms")


def profiles(catalog_skills: list[dict], n: int, seed: int = 7) -> bytes:
    """n NDJSON profiles of 2-9 skills: ids, French and English names, aliases, typos."""
    rng = random.Random(seed)
    lines = []
    for i in range(n):
        chosen = rng.sample(catalog_skills, rng.randint(2, 9))
        terms = []
        for s in chosen:
            pool = [s["id"], s["name"]["fr"], s["name"]["en"], *s.get("aliases", [])[:4]]
            term = rng.choice(pool)
            if len(term) > 6 and rng.random() < 0.15:  # a typo: swap two letters
                k = rng.randrange(1, len(term) - 2)
                term = term[:k] + term[k + 1] + term[k] + term[k + 2 :]
            terms.append(term)
        lines.append(json.dumps({"id": i, "skills": terms}, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


class _NoAliases(yaml.SafeDumper):
    """Write repeated objects out in full: the catalogue refuses YAML aliases."""

    def ignore_aliases(self, data: object) -> bool:
        return True


def bundled_data() -> Path:
    from ia_metiers.catalog.loader import bundled_data_dir

    return bundled_data_dir()


def load_skills(data: Path) -> list[dict]:
    return yaml.safe_load((data / "skills.yaml").read_text(encoding="utf-8"))["skills"]


def synthetic(factor: int, target: Path) -> None:
    """A catalogue ``factor`` times the bundled skills and roles (copies with suffixed ids)."""
    data = bundled_data()
    skills = load_skills(data)
    roles = yaml.safe_load((data / "roles.yaml").read_text(encoding="utf-8"))["roles"]
    ids = {s["id"] for s in skills}

    def sid(x: str, k: int) -> str:
        return x if k == 0 else f"{x}-x{k}"

    def req(r: object, k: int) -> object:
        if isinstance(r, str):
            name, _, lvl = r.partition(":")
            return sid(name, k) + (f":{lvl}" if lvl else "")
        return {**r, "skill": sid(r["skill"], k)}

    out_skills, out_roles = [], []
    for k in range(factor):
        for s in skills:
            out_skills.append(
                {
                    **s,
                    "id": sid(s["id"], k),
                    "name": {lang: s["name"][lang] + ("" if k == 0 else f" qx{k}") for lang in ("fr", "en")},
                    "aliases": [a + ("" if k == 0 else f" qx{k}") for a in s.get("aliases", [])],
                    # copies of a root family hang under the original, so that none is unused
                    "broader": [sid(b, k) for b in s.get("broader", []) if b in ids] or ([s["id"]] if k else []),
                    "prerequisites": [sid(p, k) for p in s.get("prerequisites", []) if p in ids],
                }
            )
        for r in roles:
            out_roles.append(
                {
                    **r,
                    "id": sid(r["id"], k),
                    "name": {lang: r["name"][lang] + ("" if k == 0 else f" qx{k}") for lang in ("fr", "en")},
                    "aliases": [a + ("" if k == 0 else f" qx{k}") for a in r.get("aliases", [])],
                    "required": [req(q, k) for q in r["required"]],
                    "optional": [req(q, k) for q in r.get("optional", [])],
                    "related": [sid(x, k) for x in r.get("related", [])],
                }
            )
    target.mkdir(parents=True, exist_ok=True)
    dump = {"skills.yaml": {"replace": True, "skills": out_skills}, "roles.yaml": {"replace": True, "roles": out_roles}}
    for name, doc in dump.items():
        (target / name).write_text(yaml.dump(doc, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")


def measured(cmd: list[str], path: Path) -> tuple[float, float]:
    """(wall seconds, peak RSS in MiB) of one run reading ``path``, through a small parent process
    whose only child is the command (ru_maxrss of RUSAGE_CHILDREN is then that run's peak;
    with --jobs, the largest of its processes)."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "with open(sys.argv[1], 'rb') as fh:\n"
        "    code = subprocess.run(sys.argv[2:], stdin=fh, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode\n"
        "took = time.perf_counter() - t\n"
        "print(code, took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
    )
    out = subprocess.run([PY, "-c", probe, str(path), *cmd], capture_output=True, text=True, check=True).stdout.split()
    if int(out[0]) not in (0, 2):
        raise SystemExit(f"{' '.join(cmd)} failed with exit {out[0]}")
    return float(out[1]), int(out[2]) / 1024


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):,.0f} (min {min(values):,.0f}, max {max(values):,.0f})"


def io_ceiling(lines: bytes, answers: bytes, runs: int) -> list[float]:
    """Profiles/s of the I/O alone: parse each input line with json.loads, then json.dumps an answer
    of the same size (a real one, parsed beforehand) and write it, in pure Python."""
    objects = [json.loads(line) for line in answers.splitlines()]
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        with open(os.devnull, "w", encoding="utf-8") as out:
            for raw, answer in zip(lines.splitlines(), objects, strict=False):
                json.loads(raw)
                out.write(json.dumps(answer, ensure_ascii=False, separators=(",", ":")) + "\n")
        rates.append(len(objects) / (time.perf_counter() - start))
    return rates


def batch(n: int, runs: int, rss_lines: list[int]) -> None:
    skills = load_skills(bundled_data())
    tmp = Path(tempfile.mkdtemp(prefix="ia-metiers-batch-"))
    path = tmp / f"profiles-{n}.ndjson"
    path.write_bytes(profiles(skills, n))
    cmd = [*CLI, "match", "--batch", "-", "--top", "3"]
    measured(cmd, path)  # warm the catalogue cache and the OS file cache
    one: list[float] = []
    two: list[float] = []
    rss: list[float] = []
    for _ in range(runs):  # alternated, so that drift and other processes' load hit both alike
        took, peak = measured(cmd, path)
        one.append(n / took)
        rss.append(peak)
        took, _ = measured([*cmd, "--jobs", "2"], path)
        two.append(n / took)
    load = os.getloadavg()[0]
    gain = statistics.median(two) / statistics.median(one)
    print(
        f"batch: {n:,} profiles --top 3, start-up and output included, {runs} runs: {spread(one)} profiles/s "
        f"(target >= 20,000/s); --jobs 2: {spread(two)} profiles/s, speed-up x{gain:.2f}; "
        f"peak RSS {statistics.median(rss):.0f} MiB; load average {load:.2f} on {os.cpu_count()} cores"
    )
    ten = profiles(skills, 10_000, seed=8)
    answers = subprocess.run(cmd, input=ten, capture_output=True, check=False).stdout
    ceiling = io_ceiling(ten, answers, runs)
    print(
        f"I/O ceiling: json.loads of 10,000 such lines, json.dumps and write of 10,000 answers of the same size "
        f"({len(answers) / 10_000:,.0f} bytes each) in pure Python: {spread(ceiling)} profiles/s; "
        f"the batch runs at {statistics.median(one) / statistics.median(ceiling):.0%} of it (--jobs 2: "
        f"{statistics.median(two) / statistics.median(ceiling):.0%})"
    )
    peaks = []
    for size in rss_lines:
        big = tmp / f"rss-{size}.ndjson"
        with big.open("wb") as fh:  # written in slices: the benchmark's own memory stays small too
            for start in range(0, size, 50_000):
                fh.write(profiles(skills, min(50_000, size - start), seed=start))
        took, peak = measured(cmd, big)
        peaks.append(f"{size:,} lines {peak:.0f} MiB ({size / took:,.0f}/s)")
        big.unlink()
    print("batch peak RSS by input size (target: flat):", "; ".join(peaks))


def scale(batch_n: int, env: dict[str, str]) -> dict[str, float]:
    out: dict[str, float] = {}
    skills = load_skills(bundled_data())
    lines = profiles(skills, batch_n)
    with tempfile.TemporaryDirectory() as tmp:
        for factor in (1, 50):
            data = Path(tmp) / f"x{factor}"
            synthetic(factor, data)
            base = [*CLI, "--data-dir", str(data)]
            wall([*base, "validate"], env=env)  # build the cache once (validation is not timed)
            match = statistics.median(wall([*base, "match", "-s", "python,sql,pyhton,statistiques"], env=env) for _ in range(5))
            batch = wall([*base, "match", "--batch", "-", "--top", "3"], stdin=lines, env=env)
            out[f"match_x{factor}_ms"] = round(match * 1000, 1)
            out[f"batch{batch_n}_x{factor}_s"] = round(batch, 2)
    out["batch_growth"] = round(out[f"batch{batch_n}_x50_s"] / out[f"batch{batch_n}_x1_s"], 1)
    out["match_growth"] = round(out["match_x50_ms"] / out["match_x1_ms"], 1)
    return out


def pdf_cv(pages: int = 10) -> bytes:
    """A PDF CV of ``pages`` pages with a text layer (Helvetica lines), written by hand."""
    lines = [
        "Experience professionnelle",
        "Data analyst : SQL, Power BI, notions de Python",
        "Je n'ai jamais fait de Docker",
        "Competences : Excel, statistiques, gestion de projet",
    ] * 10
    text = b" ".join(b"(" + line.encode("latin-1") + b") Tj 0 -14 Td" for line in lines)
    stream = b"BT /F1 11 Tf 50 780 Td " + text + b" ET"
    body: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    kids = []
    for _ in range(pages):
        body.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream")
        body.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {len(body)} 0 R "
            f"/Resources << /Font << /F1 3 0 R >> >> >>".encode()
        )
        kids.append(f"{len(body)} 0 R")
    body[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {pages} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(body, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(body) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(body) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def pdf_start(runs: int) -> dict[str, float]:
    """`match --from-file` on a 10-page PDF CV against plain `match -s`; target <= +0.3 s."""
    cv = Path(tempfile.mkdtemp()) / "cv.pdf"
    cv.write_bytes(pdf_cv())
    plain = [*CLI, "match", "--skills", "python,sql"]
    from_pdf = [*CLI, "match", "--from-file", str(cv)]
    wall(from_pdf)
    times: dict[str, list[float]] = {"plain": [], "pdf": []}
    for _ in range(runs):
        times["plain"].append(wall(plain))
        times["pdf"].append(wall(from_pdf))
    med = {k: statistics.median(v) for k, v in times.items()}
    return {
        "plain_ms": round(med["plain"] * 1000, 1),
        "pdf_ms": round(med["pdf"] * 1000, 1),
        "extra_ms": round((med["pdf"] - med["plain"]) * 1000, 1),
        "target_extra_ms": 300,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15, help="cold-start runs per command (>= 15)")
    ap.add_argument("--profiles", type=int, default=50_000, help="batch profiles")
    ap.add_argument("--batch-runs", type=int, default=5, help="batch runs (each alone and with --jobs 2)")
    ap.add_argument(
        "--rss-lines", default="10000,100000,1000000", help="input sizes whose peak RSS is measured (comma-separated)"
    )
    ap.add_argument("--scale-profiles", type=int, default=1_000)
    a = ap.parse_args()
    env = {"IA_METIERS_CACHE_DIR": tempfile.mkdtemp(prefix="ia-metiers-bench-")}
    os.environ.update(env)

    cold_start(a.runs)
    batch(a.profiles, a.batch_runs, [int(x) for x in a.rss_lines.split(",") if x])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # KiB on Linux
    print(f"peak memory of the runs so far {peak:.0f} MiB")
    print("scale (1x vs 50x catalogue):", json.dumps(scale(a.scale_profiles, env)))
    print("10-page PDF CV (median of", a.runs, "alternated runs):", json.dumps(pdf_start(a.runs)))


if __name__ == "__main__":
    main()

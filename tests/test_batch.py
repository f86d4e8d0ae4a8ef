"""The batch takes the road of match: read_profile, rank, fit_row, plain, whatever speeds it up.

numpy (core/vectorised.py) and orjson change no byte of the answers: pure Python is the reference.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import subprocess
import sys

import pytest

from ia_metiers.cli import batch
from ia_metiers.core import resolve, scoring
from ia_metiers.core.profile import read_profile
from ia_metiers.core.results import fit_row, plain
from ia_metiers.core.scoring import rank
from ia_metiers.errors import UsageError


def _terms(catalog, rng: random.Random, n: int, most: int = 9) -> list[list[str]]:
    """n profiles of 1-``most`` terms: ids, names in both languages, aliases, a swapped-letter typo, levels."""
    skills = list(catalog.skills.values())
    out = []
    for _ in range(n):
        terms = []
        for s in rng.sample(skills, rng.randint(1, most)):
            term = rng.choice([s.id, s.name.fr, s.name.en, *s.aliases[:3]])
            if len(term) > 6 and rng.random() < 0.2:
                k = rng.randrange(1, len(term) - 2)
                term = term[:k] + term[k + 1] + term[k] + term[k + 2 :]
            if rng.random() < 0.15:
                term += rng.choice([":1", ":3", ":expert", ":notions"])
            terms.append(term)
        if rng.random() < 0.1:
            terms.append(rng.choice(["zzqx", "IA", "cuisine moléculaire"]))
        out.append(terms)
    return out


def _plain_road(catalog, ident: object, terms: list[str], top: int, level: str, lang: str) -> bytes:
    """A batch answer built by hand from the plain road: what match -f json prints, line by line
    (a term with a comma is two terms on a batch line, as in -s)."""
    prof = read_profile(catalog, batch.split_terms(",".join(terms)))
    fits = rank(catalog, prof.skills, top=top)
    doc = {"id": ident, "roles": [plain(fit_row(catalog, f, level), lang) for f in fits], "unknown": prof.unknown}
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode() + b"\n"


@pytest.mark.parametrize(
    ("top", "level", "lang"), [(3, "junior", "fr"), (1, "senior", "en"), (8, "confirme", "fr"), (40, "junior", "en")]
)
def test_answers_are_the_plain_road(catalog, top: int, level: str, lang: str) -> None:
    answers = batch.Answers(catalog, top, level, lang, terms=64, answers=20_000)  # small memos: they fill and evict
    profiles = [t for t in _terms(catalog, random.Random(top), 300, most=30) if read_profile(catalog, t).skills]
    lines = [json.dumps({"id": i, "skills": t}, ensure_ascii=False).encode() for i, t in enumerate(profiles)]
    expected = b"".join(_plain_road(catalog, i, t, top, level, lang) for i, t in enumerate(profiles))
    assert answers(lines) == (expected, 0)
    assert answers(lines) == (expected, 0)  # now from the memo


def test_a_pruned_rank_is_the_full_rank(catalog) -> None:
    pytest.importorskip("numpy")
    from ia_metiers.core.vectorised import Pruner

    pruner = Pruner(catalog)
    people = [p for t in _terms(catalog, random.Random(4), 400, most=40) if (p := read_profile(catalog, t).skills)]
    for top in (1, 3, 10):
        found = pruner.candidates(people, top)
        for person, numbers in zip(people, found, strict=True):
            pool = [catalog.roles[pruner.order[n]] for n in numbers]
            assert rank(catalog, person, roles=pool, top=top) == rank(catalog, person, top=top)
        assert sum(map(len, found)) < (top + 1) * len(people)  # a few candidates, not every role


def _answers_after(catalog, monkeypatch: pytest.MonkeyPatch, **constants: float) -> tuple[bytes, bytes]:
    """(the batch's answers, the plain road's) to the same lines, with scoring constants changed."""
    for name, value in constants.items():
        monkeypatch.setattr(scoring, name, value)
    monkeypatch.delitem(catalog.__dict__, "_score_index")  # tables built with NARROWER_CREDIT and the like
    profiles = _terms(catalog, random.Random(21), 200)
    profiles = [t for t in profiles if read_profile(catalog, t).skills]
    lines = [json.dumps({"id": i, "skills": t}, ensure_ascii=False).encode() for i, t in enumerate(profiles)]
    got, _ = batch.Answers(catalog, 3, "junior", "fr")(lines)
    return got, b"".join(_plain_road(catalog, i, t, 3, "junior", "fr") for i, t in enumerate(profiles))


@pytest.mark.parametrize(
    "constants",
    [{"REQUIRED_SHARE": 0.5, "USE_SHARE": 0.5}, {"NARROWER_CREDIT": 0.6}, {"BROADER_CREDIT": 0.6}, {"MATCHED_AT": 0.9}],
)
def test_a_scoring_constant_moves_both_roads(catalog, monkeypatch: pytest.MonkeyPatch, constants: dict[str, float]) -> None:
    before, plain_before = _answers_after(catalog, monkeypatch)
    assert before == plain_before
    with monkeypatch.context() as changed:
        after, plain_after = _answers_after(catalog, changed, **constants)
    assert after == plain_after != plain_before
    catalog.__dict__.pop("_score_index", None)


def test_memos_are_bounded(catalog) -> None:
    answers = batch.Answers(catalog, 3, "junior", "fr", terms=32, answers=10_000)
    for terms in _terms(catalog, random.Random(9), 200):
        with contextlib.suppress(UsageError):
            answers([json.dumps({"skills": terms}).encode()])
        assert answers.kept == sum(map(len, answers.memo.values())) <= 10_000
        assert len(answers.terms) <= 32
    assert 0 < len(answers.memo) < 10


def test_the_sieve_changes_no_fuzzy_hit(catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    vocab = catalog.skill_vocab
    rng = random.Random(3)
    keys = [k for k in vocab.keys if len(k) >= 4]
    probes = []
    for key in rng.sample(keys, 400):
        k = rng.randrange(1, len(key) - 2)
        probes += [key[:k] + key[k + 1] + key[k] + key[k + 2 :], key[::-1], key + "s", key[1:], "q" * len(key)]
    probes += ["x" * 200, "zzzzzzz", "+#+#"]
    monkeypatch.setattr(resolve, "SIEVE_AFTER", 10**9)
    unsieved = [vocab._ranked(p) for p in probes]
    monkeypatch.setattr(resolve, "SIEVE_AFTER", 0)
    assert [vocab._ranked(p) for p in probes] == unsieved
    assert "_sieve" in vocab.__dict__


def _mixed(catalog, n: int, seed: int = 11) -> bytes:
    """n profiles and every kind of line a batch meets: ids of each type, errors, blank lines, CRLF."""
    rng = random.Random(seed)
    ids: list[object] = [0, -7, 2**63, 10**18 - 1, 1.5, 1e20, 1.5e-7, -0.0, 3.0, "ada", 'é\u2028\x01"\\/', "𝔸", ""]
    lines = []
    for i, t in enumerate(_terms(catalog, rng, n, most=14)):
        obj: dict[str, object] = {"id": ids[i % len(ids)] if i % 3 else i, "skills": t}
        if i % 17 == 0:
            obj["skills"] = ", ".join(t)
        lines.append(json.dumps(obj, ensure_ascii=bool(i % 2)))
    bad = [
        "",
        "python, sql",
        "  pyhton ; statistiques  ",
        '{"id": true}',
        "{oops",
        "[1]",
        '{"skills": []}',
        '{"id": 1e400, "skills": ["sql"]}',
        '{"id": 18446744073709551616, "skills": ["sql"]}',
        '{"id": 1, "skills": ["sql"], "x": NaN}',
        '{"id": "a\\ud800", "skills": ["sql"]}',
        '{"id": 2, "skills": ["x\\udc00"]}',
        '{"id": 3, "skills": ["python:bogus"]}',
        '{"id": 4, "skills": "IA"}',
        '{"id": 5, "skills": ["a\tb"]}',
        '{"id": 6, "skills": [1]}',
        '{"id": 7, "id": 8, "skills": ["sql"]}',
        "\ufeff" + '{"id": "bom", "skills": ["sql"]}',
        "ia",
        "[" * 3000,
    ]
    for b in bad * 2:
        lines.insert(rng.randrange(len(lines)), b)
    return ("\n".join(lines) + "\n").encode() + b"\xff\xfe\n" + b'{"id": "crlf", "skills": "sql"}\r\n'


def _batch(*args: str, data: bytes, hide: bool) -> subprocess.CompletedProcess[bytes]:
    """The console entry point in a subprocess; with ``hide``, numpy and orjson cannot be imported."""
    blocker = "import sys; sys.modules.update(numpy=None, orjson=None); " if hide else ""
    code = blocker + "from ia_metiers.cli.app import main; sys.argv[0] = 'ia-metiers'; main()"
    cmd = [sys.executable, "-c", "import sys; " + code, "match", "--batch", "-", *args]
    return subprocess.run(cmd, input=data, capture_output=True, timeout=120, check=False, env=os.environ.copy())


@pytest.mark.parametrize(
    "args", [("--top", "3"), ("--top", "40", "--lang", "en", "--level", "senior"), ("--top", "1", "--jobs", "2")]
)
def test_the_libraries_change_no_byte(catalog, args: tuple[str, ...]) -> None:
    pytest.importorskip("numpy")
    pytest.importorskip("orjson")
    data = _mixed(catalog, 400)
    fast = _batch(*args, data=data, hide=False)
    pure = _batch(*args, data=data, hide=True)
    assert fast.returncode == pure.returncode == 2
    assert fast.stdout == pure.stdout and fast.stderr == pure.stderr
    answers = [json.loads(line) for line in fast.stdout.splitlines()]
    assert len(answers) == 400 + 2 * 19 + 2
    failed = sum("error" in a for a in answers)
    assert (
        answers[-1]["id"] == "crlf"
        and failed > 2 * 14
        and fast.stderr.decode()
        == (f"ia-metiers: {failed} line(s) failed\n" if "--lang" in args else f"ia-metiers: {failed} ligne(s) en échec\n")
    )
    assert b'{"id":1e+20,"roles":' in fast.stdout and b'{"id":1.5e-07,"roles":' in fast.stdout  # json's float ids


def test_hidden_libraries_are_not_loaded(catalog) -> None:
    code = (
        "import sys; sys.modules.update(numpy=None, orjson=None); "
        "from ia_metiers.cli import batch; from ia_metiers.catalog.loader import load; "
        "a = batch.Answers(load(), 3, 'junior', 'fr'); print(batch._FAST_JSON, a.pruner)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60).stdout
    assert out.split() == ["None", "None"]


def test_jobs_give_the_same_bytes(run, catalog) -> None:
    data = _mixed(catalog, 2_400)  # three chunks
    one = run("match", "--batch", "-", "--top", "3", input=data)
    two = run("match", "--batch", "-", "--top", "3", "--jobs", "2", input=data)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr
    answers = [json.loads(line) for line in one.stdout.splitlines()]
    assert len(answers) == 2_400 + 2 * 19 + 2 and answers[-1]["id"] == "crlf"


def test_parallel_keeps_line_numbers_across_chunks(catalog) -> None:
    lines = _mixed(catalog, 40).splitlines(keepends=True)
    alone = b"".join(text for text, _ in batch.run(lines, batch.Answers(catalog, 2, "junior", "fr"), 7))
    chunked = list(batch.parallel(lines, catalog, 2, "junior", "fr", jobs=2, size=7))
    assert b"".join(text for text, _ in chunked) == alone
    assert sum(failed for _, failed in chunked) == alone.count(b'"error"')


def test_jobs_need_batch_and_at_most_the_cores(cli) -> None:
    res = cli("match", "-s", "python", "--jobs", "2")
    assert res.code == 2 and "--batch" in res.err
    assert cli("match", "--batch", "-", "--jobs", "0", input="python\n").code == 2
    cores = batch.usable_cores()
    res = cli("--lang", "en", "match", "--batch", "-", "--jobs", str(cores + 1), input="python\n")
    assert res.code == 2 and f"--jobs {cores + 1}: this machine has {cores} usable core(s), so --jobs {cores} at most" in res.err
    assert cli("match", "--batch", "-", "--jobs", "1000", input="python\n").code == 2


def test_one_chunk_starts_no_worker(catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    import concurrent.futures

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker was started")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", refuse)
    got = list(batch.parallel([b"python\n", b"sql\n"], catalog, 2, "junior", "fr", jobs=2))
    assert len(got) == 1 and got[0][1] == 0 and got[0][0].count(b"\n") == 2


def test_an_infinite_id_is_refused_not_fatal(cli) -> None:
    res = cli("match", "--batch", "-", input='{"id": 1e400, "skills": ["sql"]}\n{"id": 2, "skills": ["sql"]}\n')
    first, second = (json.loads(line) for line in res.out.splitlines())
    assert res.code == 2 and first == {"id": 1, "error": "'id' is too large a number (use a string)"} and second["roles"]


def test_a_lone_surrogate_is_refused_not_fatal(cli) -> None:
    res = cli("match", "--batch", "-", input='{"id": "a\\ud800", "skills": ["sql"]}\n{"id": 2, "skills": ["sql"]}\n')
    first, second = (json.loads(line) for line in res.out.splitlines())
    assert res.code == 2 and second["id"] == 2 and second["roles"]
    assert first == {"id": 1, "error": "invalid JSON: a \\u escape names half a character (a lone surrogate)"}


def test_the_readme_cohort_example_writes_what_match_batch_writes(catalog, run, tmp_path) -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    code = readme.split("```python\n# cohort.py IN OUT", 1)[1].split("```", 1)[0]
    script = tmp_path / "cohort.py"
    script.write_text("# cohort.py IN OUT" + code, encoding="utf-8")
    source = tmp_path / "cohort.ndjson"
    source.write_bytes(_mixed(catalog, 2_500))
    done = subprocess.run([sys.executable, str(script), str(source), str(tmp_path / "out.ndjson")], check=False, timeout=300)
    assert done.returncode == 0
    expected = run("match", "--batch", str(source), "--top", "3").stdout
    assert (tmp_path / "out.ndjson").read_bytes() == expected and expected.count(b"\n") == 2_500 + 2 * 19 + 2


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (("match", "-s", "python,sql"), ""),
        (("match", "-s", "python,sql", "-f", "json"), ""),
        (("gap", "data-analyst", "-s", "python"), ""),
        (("path", "--from", "comptable"), ""),
        (("roles",), ""),
        (("match", "--batch", "-"), "numpy orjson"),
    ],
)
def test_only_the_batch_imports_numpy_and_orjson(args: tuple[str, ...], loaded: str) -> None:
    pytest.importorskip("numpy")
    pytest.importorskip("orjson")
    code = (
        "import atexit, sys; "
        "atexit.register(lambda: sys.stderr.write('LOADED:' + ' '.join(m for m in ('numpy', 'orjson') if m in sys.modules))); "
        "from ia_metiers.cli.app import main; sys.argv[0] = 'ia-metiers'; main()"
    )
    done = subprocess.run([sys.executable, "-c", code, *args], input=b"python, sql\n", capture_output=True, timeout=120)
    assert done.returncode == 0 and done.stderr.decode().endswith(f"LOADED:{loaded}")


def test_batch_lines_split_terms_by_the_one_rule_of_the_command_line() -> None:
    """Commas, semicolons and line ends separate terms, in a batch line as in -s (core.text)."""
    from ia_metiers.core.text import split_terms

    for text in ("python, sql;docker", "python\nsql", " ; ,", "sql:3"):
        assert batch.split_terms(text) == split_terms([text])
    line = batch.parse_line(json.dumps({"id": "a", "skills": ["python\nsql", "docker"]}).encode(), 1)
    assert line is not None and line.terms == ["python", "sql", "docker"]

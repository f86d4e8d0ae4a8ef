"""The fast batch road gives the answers of the plain one: read_profile, rank, fit_row, dumps."""

from __future__ import annotations

import contextlib
import json
import random

import pytest

from ia_metiers.cli import batch
from ia_metiers.core import resolve
from ia_metiers.core.profile import read_profile
from ia_metiers.core.results import fit_row, plain
from ia_metiers.core.scoring import Brief, Have, briefs, rank, scores
from ia_metiers.errors import UsageError


def _terms(catalog, rng: random.Random, n: int) -> list[list[str]]:
    """n profiles of 1-9 terms: ids, names in both languages, aliases, a swapped-letter typo, levels."""
    skills = list(catalog.skills.values())
    out = []
    for _ in range(n):
        terms = []
        for s in rng.sample(skills, rng.randint(1, 9)):
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


def _plain(catalog, terms: list[str], top: int, level: str, lang: str) -> str:
    """What match --batch wrote before it was made fast."""
    prof = read_profile(catalog, terms)
    fits = rank(catalog, prof.skills, top=top)
    return batch.dumps({"roles": [plain(fit_row(catalog, f, level), lang) for f in fits], "unknown": prof.unknown})


@pytest.mark.parametrize(
    ("top", "level", "lang"), [(3, "junior", "fr"), (1, "senior", "en"), (8, "confirme", "fr"), (40, "junior", "en")]
)
def test_answers_equal_the_plain_road(catalog, top: int, level: str, lang: str) -> None:
    answers = batch.Answers(catalog, top, level, lang, terms=64, answers=20_000)  # small memos: they fill and evict
    rng = random.Random(top)
    for terms in _terms(catalog, rng, 300):
        if not read_profile(catalog, terms).skills:
            continue
        assert '{"id":1' + answers(terms) == '{"id":1,' + _plain(catalog, terms, top, level, lang)[1:] + "\n"
        assert '{"id":1' + answers(terms) == '{"id":1,' + _plain(catalog, terms, top, level, lang)[1:] + "\n"  # from the memo


def test_briefs_are_the_ranked_fits(catalog) -> None:
    rng = random.Random(5)
    for terms in _terms(catalog, rng, 300):
        person = read_profile(catalog, terms).skills
        if not person:
            continue
        fits = rank(catalog, person, top=5)
        got = briefs(catalog, person, 5)
        assert got == [Brief.of(f, catalog.roles[f.role]) for f in fits]
        assert [b.matched for b in got] == [f.matched for f in fits]
        assert [b.missing_required for b in got] == [f.missing_required for f in fits]
        assert [b.missing_optional for b in got] == [f.missing_optional for f in fits]
        assert scores(catalog, person) == {f.role: f.score for f in rank(catalog, person)}


def test_a_skill_asked_twice_by_a_role_is_written_as_fit_row_does(catalog) -> None:
    from dataclasses import replace

    from ia_metiers.core.catalog import Catalog

    role = next(iter(catalog.roles.values()))
    twice = replace(role, optional=(*role.optional, replace(role.required[0], level=3)))
    cat = Catalog(catalog.sources, catalog.skills, {**catalog.roles, role.id: twice})
    person = {role.required[0].skill: Have(role.required[0].skill, 2)}
    fit = next(f for f in rank(cat, person) if f.role == role.id)
    brief = Brief.of(fit, twice)
    assert batch.Rows(cat, "junior", "fr").text(brief) == batch.dumps(plain(fit_row(cat, fit, "junior"), "fr"))


def test_memos_are_bounded(catalog) -> None:
    answers = batch.Answers(catalog, 3, "junior", "fr", terms=32, answers=10_000)
    for terms in _terms(catalog, random.Random(9), 200):
        with contextlib.suppress(UsageError):  # an unknown level, no skill recognised
            answers(terms)
        assert answers.kept == sum(map(len, answers.memo.values())) <= 10_000
    assert 0 < len(answers.memo) < 10
    assert answers.read.cache_info().currsize <= 32  # type: ignore[attr-defined]


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
    plain = [vocab._ranked(p) for p in probes]
    monkeypatch.setattr(resolve, "SIEVE_AFTER", 0)
    assert [vocab._ranked(p) for p in probes] == plain
    assert "_sieve" in vocab.__dict__


def _mixed(catalog, n: int) -> bytes:
    rng = random.Random(11)
    lines = [json.dumps({"id": i, "skills": t}, ensure_ascii=False) for i, t in enumerate(_terms(catalog, rng, n))]
    bad = ["", "python, sql", '{"id": true}', "{oops", "[1]", '{"skills": []}', '{"id": 1e400, "skills": ["sql"]}', "ia"]
    for b in bad * 3:
        lines.insert(rng.randrange(len(lines)), b)
    return ("\n".join(lines) + "\n").encode() + b"\xff\xfe\n" + b'{"id": "crlf", "skills": "sql"}\r\n'


def test_jobs_give_the_same_bytes(run, catalog) -> None:
    data = _mixed(catalog, 2_400)  # three chunks
    one = run("match", "--batch", "-", "--top", "3", input=data)
    two = run("match", "--batch", "-", "--top", "3", "--jobs", "2", input=data)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout and one.stderr == two.stderr
    answers = [json.loads(line) for line in one.stdout.splitlines()]
    assert len(answers) == 2_400 + 21 + 2 and answers[-1]["id"] == "crlf"


def test_parallel_keeps_line_numbers_across_chunks(catalog) -> None:
    lines = _mixed(catalog, 40).splitlines(keepends=True)
    alone = "".join(text for text, _ in batch.run(lines, batch.Answers(catalog, 2, "junior", "fr")))
    chunked = list(batch.parallel(lines, catalog, 2, "junior", "fr", jobs=2, chunk=7))
    assert "".join(text for text, _ in chunked) == alone
    assert sum(failed for _, failed in chunked) == alone.count('"error"')


def test_jobs_need_batch(cli) -> None:
    res = cli("match", "-s", "python", "--jobs", "2")
    assert res.code == 2 and "--batch" in res.err
    assert cli("match", "--batch", "-", "--jobs", "0", input="python\n").code == 2


def test_an_infinite_id_is_refused_not_fatal(cli) -> None:
    res = cli("match", "--batch", "-", input='{"id": 1e400, "skills": ["sql"]}\n{"id": 2, "skills": ["sql"]}\n')
    first, second = (json.loads(line) for line in res.out.splitlines())
    assert res.code == 2 and first == {"id": 1, "error": "'id' is too large a number (use a string)"} and second["roles"]

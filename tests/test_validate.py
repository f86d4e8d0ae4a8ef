"""One test per validate rule, with its exact file:line message; every problem in one pass."""

from __future__ import annotations

ROLE = (
    "roles:\n  - id: data-analyst\n    name: {fr: x, en: x}\n    summary: {fr: x, en: x}\n    required: [python]\n"
    "    salaries:\n"
    "      - {region: fr, level: junior, min: 50000, max: 60000, currency: EUR, basis: role, source: seed-001, year: 2024}\n"
    "      - {region: fr, level: confirme, min: 40000, max: 45000, currency: EUR, basis: role, source: seed-001, year: 2024}\n"
)


def line_of(name: str, ident: str) -> int:
    """The line of a bundled entry (the data moves: tests name it, not a number)."""
    from ia_metiers.catalog.loader import bundled_data_dir

    lines = (bundled_data_dir() / name).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip() == f"- id: {ident}")


TRANSLATOR = f"data/jobs.yaml:{line_of('jobs.yaml', 'translator')}"


def problems(run, tmp_path, files: dict[str, str]) -> list[str]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    proc = run("--data-dir", str(tmp_path), "validate")
    assert proc.returncode == 1
    return proc.stdout.decode().splitlines()


def test_every_rule_in_one_pass_in_a_stable_order(run, tmp_path) -> None:
    jobs = (
        "jobs:\n  - id: nurse\n    name: {fr: Infirmier, en: Nurse}\n"
        "    skills: [{skill: healthcare, level: 7}, {skill: pythn}]\n    risk: lowish\n"
        "  - id: baker\n    name: {fr: Boulanger, en: Baker}\n    aliases: [traducteur]\n"
        "    skills: [{skill: domain-expertise, level: 2}]\n"
    )
    got = problems(run, tmp_path, {"jobs.yaml": jobs, "roles.yaml": ROLE})
    d = str(tmp_path)
    assert got == [
        f"{d}/jobs.yaml:4: job 'nurse' brings unknown skill 'pythn' (did you mean 'python'?)",
        f"{d}/jobs.yaml:4: job 'nurse': level 7 is above 3",
        f"{d}/jobs.yaml:5: job 'nurse': risk 'lowish' is not one of low, medium, high (did you mean 'low'?)",
        f"{d}/jobs.yaml:8: job 'baker': 'traducteur' is also a name or alias of job 'translator' ({TRANSLATOR})",
        f"{d}/roles.yaml:8: role 'data-analyst': fr/confirme band 40000-45000 is below the junior band 50000-60000",
    ]
    assert got == problems(run, tmp_path, {})  # the same order every time


def test_a_source_cited_nowhere(run, tmp_path) -> None:
    sources = (
        "sources:\n  - id: orphan-2026\n    title: Nobody cites it\n    publisher: x\n    year: 2026\n    kind: article\n"
        "  - id: cited-in-a-note-2026\n    title: A note names it\n    publisher: x\n    year: 2026\n    kind: article\n"
    )
    sectors = (
        "sectors:\n  - id: bank\n    name: {fr: Banque, en: Banking}\n    use_cases: {fr: [x], en: [x]}\n"
        "    note: {fr: 'voir cited-in-a-note-2026.', en: 'see cited-in-a-note-2026.'}\n"
    )
    got = problems(run, tmp_path, {"sources.yaml": sources, "sectors.yaml": sectors})
    assert got == [f"{tmp_path}/sources.yaml:2: source 'orphan-2026' is cited nowhere (no entry names it)"]


def test_a_shared_alias_shows_in_the_first_run_beside_another_error(run, tmp_path) -> None:
    """The clash is read on the raw entry: an entry that cannot be built is still checked."""
    jobs = (
        "jobs:\n  - id: cheese-maker\n    name: {fr: Fromager, en: Cheese maker}\n    aliases: [affineur, traducteur]\n"
        "    skills: [{skill: domain-expertise, level: 2}]\n    risk: lowish\n"
    )
    d = str(tmp_path)
    assert problems(run, tmp_path, {"jobs.yaml": jobs}) == [
        f"{d}/jobs.yaml:4: job 'cheese-maker': 'traducteur' is also a name or alias of job 'translator' ({TRANSLATOR})",
        f"{d}/jobs.yaml:6: job 'cheese-maker': risk 'lowish' is not one of low, medium, high (did you mean 'low'?)",
    ]


def test_a_weight_on_what_a_job_brings_or_a_training_teaches_is_refused(run, tmp_path) -> None:
    jobs = (
        "jobs:\n  - id: cheese-maker\n    name: {fr: Fromager, en: Cheese maker}\n"
        "    skills:\n      - {skill: domain-expertise, level: 2}\n      - {skill: excel, weight: 2}\n"
    )
    trainings = (
        "trainings:\n  - id: bread-ml\n    name: {fr: x, en: x}\n    provider: x\n    type: mooc\n    source: seed-001\n"
        "    skills: [{skill: python, level: 1, weight: 3}]\n    year: 2024\n"
    )
    d = str(tmp_path)
    assert problems(run, tmp_path, {"jobs.yaml": jobs, "trainings.yaml": trainings}) == [
        f"{d}/jobs.yaml:6: job 'cheese-maker': skill 'excel' has a weight: weights count only in a role's requirements",
        f"{d}/trainings.yaml:7: training 'bread-ml': skill 'python' has a weight: weights count only in a role's requirements",
    ]

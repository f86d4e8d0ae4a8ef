"""The ``ia-metiers`` command line: options into a session (``ctx.obj``), the core's typed
results out, rendered by ``output.render`` for people or as JSON / NDJSON / CSV / TSV."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from ia_metiers import __version__
from ia_metiers.cli.context import (
    GLOBAL_WITH_VALUE,
    LocalCommand,
    LocalGroup,
    Session,
    hoist_global_options,
    printable,
    session,
)
from ia_metiers.errors import EXIT_IO, EXIT_USAGE, CatalogError, IaMetiersError, UsageError
from ia_metiers.output.formats import Format, emit
from ia_metiers.output.messages import LANGS, h, plural, t

if TYPE_CHECKING:
    from ia_metiers.core.catalog import Catalog

F = TypeVar("F", bound=Callable[..., Any])


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="ia-metiers",
        cls=LocalGroup,
        help=h("app"),
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = _new_app()
skills_app = typer.Typer(cls=LocalGroup, help=h("skills"), invoke_without_command=True, rich_markup_mode=None)
app.add_typer(skills_app, name="skills")


class Level(StrEnum):
    junior = "junior"
    confirme = "confirme"
    senior = "senior"


FormatOpt = Annotated[Format, typer.Option("--format", "-f", help=h("opt.format"), case_sensitive=False)]
SkillsOpt = Annotated[list[str] | None, typer.Option("--skills", "-s", metavar="SKILLS", help=h("opt.skills"))]
ExportOpt = Annotated[Path | None, typer.Option("--export", "-o", help=h("opt.export"), dir_okay=False)]
LevelOpt = Annotated[Level, typer.Option("--level", "-l", help=h("opt.level"), case_sensitive=False)]
FromFileOpt = Annotated[
    Path | None, typer.Option("--from-file", metavar="FILE", allow_dash=True, dir_okay=False, help=h("opt.from_file"))
]
DiplomaOpt = Annotated[str | None, typer.Option("--diploma", metavar="DIPLOMA", help=h("opt.diploma"))]


StatusOpt = Annotated[str | None, typer.Option("--status", metavar="STATUS", help=h("opt.status"))]
ForeignOpt = Annotated[bool, typer.Option("--foreign-diploma", help=h("opt.foreign_diploma"))]
AgeOpt = Annotated[int | None, typer.Option("--age", min=15, max=99, metavar="N", help=h("opt.age"))]
RqthOpt = Annotated[bool, typer.Option("--rqth", help=h("opt.rqth"))]
RegionOpt = Annotated[str | None, typer.Option("--region", metavar="REGION", help=h("opt.region"))]
LanguagesOpt = Annotated[str | None, typer.Option("--languages", metavar="LANGS", help=h("opt.languages"))]
ContractOpt = Annotated[str | None, typer.Option("--contract", metavar="CONTRACT", help=h("opt.contract"))]
ExperienceOpt = Annotated[int | None, typer.Option("--experience", min=0, max=60, metavar="YEARS", help=h("opt.experience"))]
CadreOpt = Annotated[bool, typer.Option("--cadre", help=h("opt.cadre"))]


def _parsed(parse: Callable[[str], Any], text: str, *, key: str) -> Any:
    """``parse(text)``, or a usage error naming the value and what is accepted."""
    try:
        return parse(text)
    except ValueError as exc:
        raise UsageError(t(key, session().lang, value=text), str(exc)) from None


def parse_diploma(text: str | None, foreign: bool = False) -> Any:
    """--diploma as a counsellor hears it -> a ``Diploma`` (RNCP level); anything else is a usage error."""
    from ia_metiers.core.situation import parse_diploma as read

    if text is None:
        if foreign:
            raise UsageError(t("foreign_needs_diploma", session().lang))
        return None
    return _parsed(lambda x: read(x, foreign), text, key="bad_diploma")


def read_situation(
    *,
    status: str | None = None,
    diploma: str | None = None,
    foreign: bool = False,
    age: int | None = None,
    rqth: bool = False,
    region: str | None = None,
    languages: str | None = None,
    contract: str | None = None,
    experience: int | None = None,
    cadre: bool = False,
    level: str = "junior",
) -> Any:
    """The person's situation from the command's options (``core.situation``), each checked."""

    from ia_metiers.core import situation as sit

    state = _parsed(sit.parse_status, status, key="bad_status") if status is not None else None
    kind = _parsed(sit.parse_contract, contract, key="bad_contract") if contract is not None else None
    work_study = state == "student" and kind == "apprenticeship"  # a student in (or seeking) work-study
    if kind is not None and state not in (None, "employee", "civil-servant") and not work_study:
        raise UsageError(t("contract_needs_work", session().lang, status=status))
    return sit.Situation(
        status=state,
        diploma=parse_diploma(diploma, foreign),
        age=age,
        rqth=rqth,
        region=_parsed(sit.parse_region, region, key="bad_region") if region is not None else None,
        languages=_parsed(sit.parse_languages, languages, key="bad_languages") if languages is not None else ("fr",),
        contract=kind,
        experience=experience,
        cadre=cadre,
        level=level,
        lang=session().lang,
        today=today_iso(),
    )


def today_iso() -> str:
    """Today's date (YYYY-MM-DD): the one clock the answers read (fact ages, expired codes);
    IA_METIERS_TODAY sets it (tests, or to see an answer as it will be on a date)."""
    import datetime
    import os

    fixed = os.environ.get("IA_METIERS_TODAY")
    if fixed:
        try:
            return datetime.date.fromisoformat(fixed).isoformat()
        except ValueError:
            raise UsageError(f"IA_METIERS_TODAY: '{fixed}' (YYYY-MM-DD)") from None
    return datetime.date.today().isoformat()


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> None:
    """One or two lines on standard error, then exit with ``code``."""
    typer.echo(printable(f"ia-metiers: {t('error', session().lang)}: {message}"), err=True)
    if hint:
        typer.echo(printable(f"  {hint}"), err=True)
    raise typer.Exit(code)


def warn(message: str) -> None:
    typer.echo(printable(f"ia-metiers: {t('warning', session().lang)}: {message}"), err=True)


def handled(fn: F) -> F:
    """Turn domain errors into one-line messages and exit codes."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except BrokenPipeError:  # `| head`: the reader has gone, end quietly
            _silence_stdout()
            raise typer.Exit(0) from None
        except CatalogError as exc:
            lines = [str(p) for p in exc.problems]
            lang = session().lang
            if len(lines) == 1:  # one line: a folder that cannot be read, one broken entry
                typer.echo(f"ia-metiers: {t('catalog_invalid', lang)}: {lines[0]}", err=True)
                raise typer.Exit(exc.exit_code) from None
            typer.echo(f"ia-metiers: {t('catalog_invalid', lang)} ({len(lines)} {t('problems', lang)}):", err=True)
            for line in lines[:20]:
                typer.echo(f"  {line}", err=True)
            if len(lines) > 20:
                typer.echo(f"  … (+{len(lines) - 20}; `ia-metiers validate`)", err=True)
            raise typer.Exit(exc.exit_code) from None
        except IaMetiersError as exc:
            message = t(exc.key, session().lang, **exc.values) if exc.key else exc.message
            fail(message, exc.hint, exc.exit_code)

    return wrapper  # type: ignore[return-value]


def _complete(kind: str) -> Callable[[str], list[str]]:
    """Shell completion of catalogue ids (roles, jobs, skills)."""

    def complete(incomplete: str) -> list[str]:
        try:
            ids = getattr(catalog(), kind)
        except IaMetiersError:
            return []
        return [i for i in ids if i.startswith(incomplete)]

    return complete


def catalog() -> Catalog:
    return session().catalog()


def color() -> bool:
    return session().color()


def _version(value: bool) -> None:
    if value:
        typer.echo(f"ia-metiers {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data_dir: Annotated[
        # checked by the catalogue layer (a missing, unreadable or non-folder path: exit 1, one line)
        Path | None,
        typer.Option("--data-dir", envvar="IA_METIERS_DATA", metavar="<dir>", help=h("opt.data_dir"), readable=False),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", envvar="IA_METIERS_LANG", metavar="<fr|en>", help=h("opt.lang"))] = None,
    no_color: Annotated[bool, typer.Option("--no-color", help=h("opt.no_color"))] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help=h("opt.version"))] = False,
) -> None:
    """Conseiller d'orientation hors ligne pour les métiers de l'IA en France."""
    if lang is not None and lang.strip().lower() not in LANGS:
        fail(f"--lang: '{lang}' (fr, en)")
    obj = ctx.ensure_object(Session)
    obj.data_dir = data_dir
    obj.no_color = no_color
    if lang is not None:
        obj.lang = lang.strip().lower()


# ---------------------------------------------------------------- skill input


def stdin_text() -> str:
    from ia_metiers.cli.inputs import stdin_text as read

    return read(session().lang)


def option_terms(values: list[str] | None) -> list[str]:
    """Terms of a repeatable option: commas, semicolons and newlines separate them; '-' reads stdin."""
    from ia_metiers.core.text import split_terms

    return split_terms(stdin_text() if value.strip() == "-" else value for value in values or [])


def warn_ignored(prof: Any) -> None:
    """Say which typed terms name no skill (with suggestions) and which are too vague."""
    parts = []
    for item in prof.ignored:
        if item.reason not in ("unknown", "vague"):
            continue
        hint = f" ({t('did_you_mean', session().lang)} {', '.join(item.suggestions)} ?)" if item.suggestions else ""
        label = t("too_vague", session().lang) if item.reason == "vague" else ""
        parts.append(f"'{item.phrase}'{label}{hint}")
    if parts:
        warn(f"{t('unknown_skills', session().lang)}: {'; '.join(parts)}")


def person(
    cat: Any,
    skills: list[str] | None,
    *,
    from_file: Path | None = None,
    text: str | None = None,
    origin: Any = None,
    removed: list[str] | None = None,
    required: bool = True,
) -> Any:
    """The one road from options to a profile: typed skills, a document (or its text, already
    read), a job's assumed skills."""
    from ia_metiers.cli.inputs import one_stdin
    from ia_metiers.core.profile import read_profile

    one_stdin(session().lang, {"--skills": skills, "--not": removed, "--from-file": [str(from_file or "")]})
    terms = option_terms(skills)
    if text is None and from_file is not None:
        text = read_document(from_file)
    if required and not terms and text is None and origin is None:
        raise UsageError(t("no_skills", session().lang))
    prof = read_profile(
        cat,
        terms,
        text=text,
        assumed=origin.skills if origin is not None else (),
        assumed_label=origin.name.get(session().lang) if origin is not None and origin.name else "",
        removed=option_terms(removed),
    )
    warn_ignored(prof)
    if required and not prof.skills:
        raise UsageError(t("none_recognised", session().lang), str(from_file) if from_file else "ia-metiers skills")
    return prof


def read_document(path: Path) -> str:
    """The text of a CV or a posting: plain text, Markdown, HTML, PDF, DOCX or ODT (by content)."""
    from ia_metiers.cli.inputs import document_text

    return document_text(path, session().lang, warn)


def match_batch(cat: Any, source: Path, top: int, level: str, jobs: int = 1) -> None:
    """NDJSON in, NDJSON out, in input order (over ``jobs`` processes); exit 2 when any line failed,
    128 + the signal's number on Ctrl-C (130) or SIGTERM (143), whole lines written."""
    import gc
    import signal

    from ia_metiers.cli import batch

    gc.enable()  # a batch runs as long as its input: cycles must not pile up
    lang = session().lang
    if str(source) == "-":
        stream = None
        lines = batch.lines_of(sys.stdin.buffer) if hasattr(sys.stdin, "buffer") else (line.encode() for line in sys.stdin)
    else:
        try:
            stream = source.open("rb")
        except OSError as exc:
            raise UsageError(f"{source}: {exc.strerror or exc}") from None
        lines = batch.lines_of(stream)
    interactive = stream is None and sys.stdin.isatty()  # a person typing lines: each is answered at once
    size = 1 if interactive else batch.CHUNK
    if jobs > 1:
        answered = batch.parallel(lines, cat, top, level, lang, jobs, size)
    else:
        answered = batch.run(lines, batch.Answers(cat, top, level, lang), size)
    out = batch.Output.to_stdout()
    handlers = {}
    batch.SIGNALS.reset()
    if threading_main():
        handlers = {sig: signal.signal(sig, batch.SIGNALS.handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    failed = 0
    try:
        for text, bad in answered:
            failed += bad
            out.write(text)
    except batch.Interrupted as exc:
        with contextlib.suppress(batch.Interrupted):  # a second signal while the workers end
            answered.close()
        raise typer.Exit(128 + exc.signum) from None
    finally:
        with contextlib.suppress(batch.Interrupted):
            answered.close()  # ends the workers, if any are left
        for sig, handler in handlers.items():
            signal.signal(sig, handler)
        if stream is not None:
            stream.close()
    if failed:
        typer.echo(f"ia-metiers: {t('lines_failed', session().lang, count=failed)}", err=True)
        raise typer.Exit(EXIT_USAGE)


def threading_main() -> bool:
    """Whether this is the main thread (the only one that may set signal handlers)."""
    import threading

    return threading.current_thread() is threading.main_thread()


def find_role(cat: Any, text: str) -> Any:
    """The role a name designates (``core.lookup.find_role``), said in the session's language: what
    was understood when it was approximate; unknown: exit 2, with the closest roles."""
    from ia_metiers.core.lookup import find_role as lookup
    from ia_metiers.errors import UnknownRole

    lang = session().lang
    try:
        found = lookup(cat, text)
    except UnknownRole as exc:
        hint = exc.suggestions
        raise UsageError(
            f"{t('unknown_role', lang)} '{text}'",
            f"{t('did_you_mean', lang)} {', '.join(hint)} ? ({t('see_roles', lang)})" if hint else t("see_roles", lang),
        ) from None
    if found.match == "approximate":
        warn(t("understood_as", lang, text=text, name=cat.roles[found.id].name.get(lang), id=found.id))
    return cat.roles[found.id]


# ---------------------------------------------------------------- commands


@skills_app.callback()
@handled
def skills_list(
    ctx: typer.Context,
    category: Annotated[str | None, typer.Option("--category", "-c", metavar="<category>", help=h("opt.category"))] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Lister les compétences du catalogue (ou: skills resolve TERME...)."""
    if ctx.invoked_subcommand is not None:
        return
    from ia_metiers.core.text import fold
    from ia_metiers.output import listings as views
    from ia_metiers.output.messages import value_label

    cat = catalog()
    lang = session().lang
    categories = sorted({s.category for s in cat.skills.values()})
    wanted = None
    if category is not None:  # an id or its label in either language, case and accents aside
        key = fold(category)
        wanted = next(
            (
                c
                for c in categories
                if key in (fold(c), fold(value_label("category", c, "fr")), fold(value_label("category", c, "en")))
            ),
            category,
        )
    rows = [views.skill_row(cat, s, lang) for s in cat.skills.values() if wanted is None or s.category == wanted]
    hints = [
        f"--category {c} : {sum(1 for s in cat.skills.values() if s.category == c)} ({value_label('category', c, lang)})"
        for c in categories
    ]
    show_listing(fmt, rows, "skills", empty=hints)


@skills_app.command("resolve", cls=LocalCommand, help=h("resolve"))
@handled
def skills_resolve(
    terms: Annotated[list[str], typer.Argument(metavar="TERM...", help=h("opt.terms"))],
    fmt: FormatOpt = Format.table,
) -> None:
    """Montrer comment chaque saisie se résout: compétence, méthode, score, alternatives."""

    cat = catalog()
    inputs: list[str] = []
    for term in terms:
        inputs.extend(option_terms([term]) if term.strip() == "-" else [term])
    from ia_metiers.core.results import plain, resolution_row

    rows = [plain(resolution_row(cat, cat.skill_vocab.resolve(x, alternatives=True)), session().lang) for x in inputs]

    def table() -> Any:
        from ia_metiers.output import render

        return render.resolutions(rows, session().lang)

    emit(fmt, rows, None, table, color=color())


def _flat_fit(row: dict[str, Any]) -> dict[str, Any]:
    band = row.get("salary") or {}
    out = {k: v for k, v in row.items() if k != "salary"}
    out.update(
        {
            "salary_level": band.get("level"),
            "salary_min": band.get("min"),
            "salary_max": band.get("max"),
            "currency": band.get("currency"),
            "salary_source": band.get("source"),
        }
    )
    return out


@app.command(cls=LocalCommand, help=h("match"))
@handled
def match(
    skills: SkillsOpt = None,
    batch: Annotated[
        Path | None, typer.Option("--batch", "-b", metavar="FILE", allow_dash=True, dir_okay=False, help=h("opt.batch"))
    ] = None,
    from_file: FromFileOpt = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, metavar="N", help=h("opt.top"))] = 5,
    level: LevelOpt = Level.junior,
    diploma: DiplomaOpt = None,
    foreign_diploma: ForeignOpt = False,
    region: RegionOpt = None,
    fmt: FormatOpt = Format.table,
    export_to: ExportOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, metavar="N", help=h("opt.jobs"))] = 1,
) -> None:
    """Classer les métiers IA selon vos compétences, le meilleur d'abord."""
    from ia_metiers.core.results import match_result
    from ia_metiers.core.scoring import rank_within_reach

    if batch is not None:
        refused = [
            name
            for name, given in (
                ("--skills", skills),
                ("--from-file", from_file),
                ("--export", export_to),
                ("--diploma", diploma),
                ("--foreign-diploma", foreign_diploma),
                ("--region", region),
            )
            if given
        ]
        if fmt not in (Format.table, Format.ndjson, Format.json):
            refused.append(f"--format {fmt.value}")
        if refused:
            raise UsageError(t("batch_refuses", session().lang, options=", ".join(refused)))
    if jobs != 1 and batch is None:
        raise UsageError(t("jobs_needs_batch", session().lang))
    if jobs > 1:
        from ia_metiers.cli.batch import usable_cores

        if jobs > (cores := usable_cores()):
            raise UsageError(t("jobs_above_cores", session().lang, jobs=jobs, cores=cores))
    check_export(export_to)
    cat = catalog()
    if batch is not None:
        match_batch(cat, batch, top, level.value, jobs)
        return
    situation = read_situation(diploma=diploma, foreign=foreign_diploma, region=region, level=level.value)
    prof = person(cat, skills, from_file=from_file)
    fits = rank_within_reach(cat, prof.skills, top=top, diploma=situation.diploma_level)
    res = match_result(cat, prof, fits, situation)
    doc = res.to_json()

    def table() -> Any:
        from ia_metiers.output import render

        return render.match(res)

    emit(fmt, doc, doc["roles"], table, flat=_flat_fit, color=color())
    export_view(export_to, res, table)


@app.command(cls=LocalCommand, help=h("gap"))
@handled
def gap(
    role: Annotated[str, typer.Argument(metavar="ROLE", help=h("opt.role"), autocompletion=_complete("roles"))],
    skills: SkillsOpt = None,
    from_file: FromFileOpt = None,
    diploma: DiplomaOpt = None,
    foreign_diploma: ForeignOpt = False,
    status: StatusOpt = None,
    age: AgeOpt = None,
    rqth: RqthOpt = False,
    region: RegionOpt = None,
    languages: LanguagesOpt = None,
    contract: ContractOpt = None,
    experience: ExperienceOpt = None,
    cadre: CadreOpt = False,
    level: LevelOpt = Level.junior,
    fmt: FormatOpt = Format.table,
    export_to: ExportOpt = None,
) -> None:
    """Ce qui vous manque pour un métier, dans l'ordre d'apprentissage, et ce qu'il paie."""
    from ia_metiers.core.graph import learning_order
    from ia_metiers.core.planning import plan
    from ia_metiers.core.results import gap_result
    from ia_metiers.core.scoring import fit

    check_export(export_to)
    cat = catalog()
    target = find_role(cat, role)
    situation = read_situation(
        status=status,
        diploma=diploma,
        foreign=foreign_diploma,
        age=age,
        rqth=rqth,
        region=region,
        languages=languages,
        contract=contract,
        experience=experience,
        cadre=cadre,
        level=level.value,
    )
    prof = person(cat, skills, from_file=from_file)
    result = fit(cat, prof.skills, target)
    order = learning_order(cat.relation("prerequisites"), [*result.missing_required, *result.missing_optional])
    res = gap_result(cat, prof, result, order, situation, plan(cat, prof.skills, target, situation))
    doc = res.to_json()
    rows = (
        [{"status": "matched", **m} for m in doc["matched"]]
        + [{"status": "level-gap", **g} for g in doc["level_gaps"]]
        + [{"status": "missing-required", "skill": s, "name": doc["names"][s]} for s in doc["missing_required"]]
        + [{"status": "missing-optional", "skill": s, "name": doc["names"][s]} for s in doc["missing_optional"]]
    )

    def table() -> Any:
        from ia_metiers.output import render

        return render.gap(res)

    emit(fmt, doc, rows, table, color=color())
    export_view(export_to, res, table)


@app.command(cls=LocalCommand, help=h("roles"))
@handled
def roles(fmt: FormatOpt = Format.table) -> None:
    """Lister les métiers IA du catalogue."""
    from ia_metiers.output import listings as views

    cat = catalog()
    rows = [views.role_row(r, session().lang) for r in cat.roles.values()]

    show_listing(fmt, rows, "roles")


@app.command(cls=LocalCommand, help=h("role"))
@handled
def role(
    name: Annotated[str, typer.Argument(metavar="ROLE", help=h("opt.role_name"), autocompletion=_complete("roles"))],
    fmt: FormatOpt = Format.table,
) -> None:
    """Tout sur un métier: missions, compétences, formation, salaires, sources."""
    from ia_metiers.core.results import role_result

    cat = catalog()
    res = role_result(cat, find_role(cat, name), session().lang)
    doc = res.to_json()

    def table() -> Any:
        from ia_metiers.output import render

        return render.role(res)

    emit(fmt, doc, [res.to_dict()], table, color=color())


@app.command(cls=LocalCommand, help=h("salaries"))
@handled
def salaries(
    names: Annotated[
        list[str] | None, typer.Argument(metavar="[ROLE]...", help=h("opt.roles"), autocompletion=_complete("roles"))
    ] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Bandes de salaire (brut annuel) par métier, niveau et zone, avec leur base et leur source."""
    from ia_metiers.core.results import salaries_result

    cat = catalog()
    chosen = list({r.id: r for r in (find_role(cat, n) for n in names)}.values()) if names else list(cat.roles.values())
    res = salaries_result(cat, chosen, session().lang, today_iso())

    def table() -> Any:
        from ia_metiers.output import render

        return render.salaries(res) if names else render.salaries_overview(res)

    emit(fmt, res.to_json(), None, table, color=color())


@app.command(cls=LocalCommand, help=h("sources"))
@handled
def sources(fmt: FormatOpt = Format.table) -> None:
    """Les sources du catalogue: titre, éditeur, année, type, URL."""
    from ia_metiers.output import listings as views

    cat = catalog()
    rows = [views.source_row(s) for s in cat.sources.values()]

    show_listing(fmt, rows, "sources")


@app.command(cls=LocalCommand, help=h("validate"))
def validate(fmt: FormatOpt = Format.table) -> None:
    """Vérifier le catalogue (fourni ou --data-dir); code 0 s'il est valide, 1 sinon."""
    from ia_metiers.catalog.loader import validate_on

    cat, problems, warnings = validate_on(session().data_dir, today_iso())
    if fmt is not Format.table:
        rows = [{"file": p.file, "line": p.line, "message": p.message, "level": "error"} for p in problems]
        rows += [{"file": p.file, "line": p.line, "message": p.message, "level": "warning"} for p in warnings]
        emit(fmt, rows, None, lambda: None)
    elif cat is not None:
        for w in warnings:
            typer.echo(f"{t('warning', session().lang)}: {w}", err=True)
        kinds = ("roles", "skills", "jobs", "certifications", "trainings", "sources")
        counts = ", ".join(f"{len(getattr(cat, k))} {k}" for k in kinds)
        typer.echo(f"{t('catalog_ok', session().lang)}: {counts}")
    else:
        for p in problems:
            typer.echo(str(p))
        typer.echo(f"{len(problems)} {t('problems', session().lang)}", err=True)
    raise typer.Exit(0 if cat is not None else 1)


def show_listing(fmt: Format, rows: list[dict[str, Any]], name: str, empty: list[str] | None = None) -> None:
    """Print the rows of the listing ``name``; the table view lays them out as ``render.listing_view``
    says, and an empty one says so with ``empty``, the nearest filters that give results."""

    def table() -> Any:
        from ia_metiers.output import render

        if not rows:
            return render.empty(name, empty or [], session().lang)
        return render.listing_view(name, rows, session().lang)

    emit(fmt, rows, None, table, color=color())


def export_view(target: Path | None, result: Any, view: Callable[[], Any]) -> None:
    """Write a command's answer to ``target``: an HTML or PDF report, Markdown or an SVG picture,
    framed by what was asked, the options that shaped it, the date and the versions."""
    if target is None:
        return
    import datetime

    from ia_metiers import __version__
    from ia_metiers.core.results import source_ids
    from ia_metiers.output import export, render

    cat = catalog()
    lang = session().lang
    links = [
        export.Link(sid, src.title, src.url, src.publisher, src.year)
        for sid in [*source_ids(result), *cat.sources]
        if (src := cat.sources.get(sid)) is not None
    ]
    today = datetime.date.fromisoformat(today_iso())
    frame = export.Frame(
        render.report_title(result),
        render.report_options(result),
        f"{today.day} {t(f'month_{today.month}', lang)} {today.year}",
        f"ia-metiers {__version__}",
        catalogue_version(),
    )
    export.write(target, view(), frame, lang=lang, links=links)
    typer.echo(printable(f"ia-metiers: {t('exported', lang)}: {target}"), err=True)


def catalogue_version() -> str:
    """The catalogue a report was made with: bundled (and the overlay folder), with a short
    fingerprint of its data files."""
    import hashlib

    from ia_metiers import __version__
    from ia_metiers.catalog.loader import bundled_data_dir
    from ia_metiers.core.model import FILES

    digest = hashlib.blake2b(digest_size=4)
    overlay = session().data_dir
    folders = [bundled_data_dir(), *([overlay] if overlay is not None else [])]
    for folder in folders:
        for name in FILES:
            try:
                digest.update(name.encode() + (folder / name).read_bytes())
            except OSError:
                continue
    lang = session().lang
    if session().data_dir:
        return t("catalogue_overlay", lang, version=__version__, folder=session().data_dir, digest=digest.hexdigest())
    return t("catalogue_bundled", lang, version=__version__, digest=digest.hexdigest())


def check_export(target: Path | None) -> None:
    if target is not None:
        from ia_metiers.output.export import check_target

        check_target(target, t("bad_export", session().lang))


def find_origin(cat: Any, text: str) -> Any:
    """A current job (or studies), else an AI role (moving between AI roles), as a person types it:
    modifiers such as 'H/F', '(e)', 'junior' are ignored; a title contained in one job only is
    that job; what was understood is said when it was not named exactly; unknown: exit 2."""
    from ia_metiers.catalog.userdata import rome_store
    from ia_metiers.core.lookup import find_job
    from ia_metiers.core.planning import Origin
    from ia_metiers.errors import UnknownJob

    try:
        found = find_job(cat, text, rome_store())
    except UnknownJob as exc:
        names = [name_of(cat, i) for i in exc.suggestions]
        raise UsageError(
            f"{t('unknown_job', session().lang)} '{text}'",
            (f"{t('did_you_mean', session().lang)} {' ; '.join(names)} ? " if names else "")
            + t("unknown_job_hint", session().lang),
        ) from None
    origin = Origin.of_job(cat.jobs[found.id]) if found.kind == "job" else Origin.of_role(cat.roles[found.id])
    if found.match == "approximate" or found.method == "rome":  # a ROME appellation names a wider family: say which
        label = origin.name.get(session().lang) if origin.name else found.id
        warn(t("understood_as", session().lang, text=text, name=label, id=found.id))
    return origin.found(found.match, text, "option")


def document_origin(cat: Any, text: str) -> Any:
    """The current job a CV names (its title under the name, else its latest experience), said on
    standard error; none when no line names a job outright (never a guess)."""
    from ia_metiers.core.planning import Origin
    from ia_metiers.core.reading import job_lines
    from ia_metiers.core.titles import title_in_document

    hit = title_in_document(cat, job_lines(cat.skill_vocab, cat.reading, text))
    if hit is None:
        return Origin.none()
    found, line = hit
    origin = Origin.of_job(cat.jobs[found.id]) if found.kind == "job" else Origin.of_role(cat.roles[found.id])
    label = origin.name.get(session().lang) if origin.name else found.id
    warn(t("job_from_document", session().lang, text=line, name=label, id=found.id))
    return origin.found(found.match, line, "document")


def name_of(cat: Any, ident: str) -> str:
    """A job's or role's name in the session's language, with its id."""
    entry = cat.jobs.get(ident) or cat.roles.get(ident)
    return f"{entry.name.get(session().lang)} ({ident})" if entry else ident


@app.command(cls=LocalCommand, help=h("path"))
@handled
def path(
    job: Annotated[
        str | None, typer.Option("--from", metavar="JOB", help=h("opt.from"), autocompletion=_complete("jobs"))
    ] = None,
    skills: SkillsOpt = None,
    from_file: FromFileOpt = None,
    removed: Annotated[list[str] | None, typer.Option("--not", metavar="SKILL", help=h("opt.not"))] = None,
    to: Annotated[str | None, typer.Option("--to", metavar="ROLE", help=h("opt.to"), autocompletion=_complete("roles"))] = None,
    diploma: DiplomaOpt = None,
    foreign_diploma: ForeignOpt = False,
    status: StatusOpt = None,
    age: AgeOpt = None,
    rqth: RqthOpt = False,
    region: RegionOpt = None,
    languages: LanguagesOpt = None,
    contract: ContractOpt = None,
    experience: ExperienceOpt = None,
    cadre: CadreOpt = False,
    level: LevelOpt = Level.junior,
    hours_per_week: Annotated[
        float, typer.Option("--hours-per-week", "-w", min=1, max=80, metavar="HOURS", help=h("opt.hours"))
    ] = 10,
    top: Annotated[int, typer.Option("--top", "-n", min=1, metavar="N", help=h("opt.top_paths"))] = 3,
    fmt: FormatOpt = Format.table,
    export_to: ExportOpt = None,
) -> None:
    """Parcours de reconversion depuis votre métier: acquis, plan ordonné, formations, durée, salaire."""
    from ia_metiers.api import rank_paths
    from ia_metiers.core.planning import Origin
    from ia_metiers.core.results import path_result

    check_export(export_to)
    if job is None and not skills and from_file is None:
        raise UsageError(t("path_needs_input", session().lang), "ia-metiers path --from traducteur | -s python,sql")
    cat = catalog()
    text = read_document(from_file) if from_file is not None else None
    current = find_origin(cat, job) if job is not None else Origin.none()
    if job is None and text is not None:
        current = document_origin(cat, text)  # path --from-file CV: the job the CV names
    if removed and not current.skills:
        raise UsageError(t("not_needs_from", session().lang))
    prof = person(cat, skills, from_file=from_file, text=text, origin=current, removed=removed, required=job is None)
    situation = read_situation(
        status=status,
        diploma=diploma,
        foreign=foreign_diploma,
        age=age,
        rqth=rqth,
        region=region,
        languages=languages,
        contract=contract,
        experience=experience,
        cadre=cadre,
        level=level.value,
    )
    targets = [find_role(cat, to).id] if to else None
    paths = rank_paths(cat, prof, roles=targets, situation=situation, exclude=current.id if current.kind == "role" else None)[
        : 1 if to else top
    ]
    from ia_metiers.catalog.userdata import rome_moves

    moves = rome_moves(cat, current.id if current.kind in ("job", "student") else None)
    res = path_result(cat, current, prof, paths, hours_per_week, situation, detailed=bool(to), rome_moves=moves)
    doc = res.to_json()

    def table() -> Any:
        from ia_metiers.output import render

        return render.path(res, today=situation.today)

    emit(fmt, doc, doc["paths"], table, flat=_flat_path, color=color())
    export_view(export_to, res, table)


def _flat_path(row: dict[str, Any]) -> dict[str, Any]:
    out = _flat_fit(row)
    out["steps"] = [f"{s['skill']}:{s['hours']}h" for s in row["steps"]]
    return out


@app.command(cls=LocalCommand, help=h("compare"))
@handled
def compare(
    names: Annotated[list[str], typer.Argument(metavar="ROLE...", help=h("opt.compare"), autocompletion=_complete("roles"))],
    fmt: FormatOpt = Format.table,
) -> None:
    """Comparer des métiers côte à côte: compétences (communes marquées), formation, salaires, secteurs."""
    from ia_metiers.core.results import compare_result

    cat = catalog()
    chosen = list(dict.fromkeys(find_role(cat, n).id for n in names))
    if len(chosen) < 2:
        raise UsageError("compare: 2+ roles", "ia-metiers compare data-scientist ml-engineer")
    res = compare_result(cat, [cat.roles[r] for r in chosen], session().lang)
    doc = res.to_json()

    def table() -> Any:
        from ia_metiers.output import render

        return render.compare(res)

    emit(fmt, doc, doc["roles"], table, color=color())


@app.command(cls=LocalCommand, help=h("jobs"))
@handled
def jobs(fmt: FormatOpt = Format.table) -> None:
    """Les métiers actuels d'où l'on se reconvertit (pour path --from)."""
    from ia_metiers.output import listings as views

    cat = catalog()
    rows = [views.job_row(j, session().lang) for j in cat.jobs.values()]

    rows.sort(key=lambda r: (r["domain"] or "~", r["id"]))
    show_listing(fmt, rows, "jobs")


class Modality(StrEnum):
    online = "online"
    onsite = "onsite"
    hybrid = "hybrid"


@app.command(cls=LocalCommand, help=h("trainings"))
@handled
def trainings(
    skill: Annotated[str | None, typer.Option("--skill", metavar="<skill>", help=h("opt.skill"))] = None,
    role_name: Annotated[
        str | None, typer.Option("--role", metavar="<role>", help=h("opt.for_role"), autocompletion=_complete("roles"))
    ] = None,
    kind: Annotated[str | None, typer.Option("--type", metavar="<type>", help=h("opt.type"))] = None,
    cpf: Annotated[bool, typer.Option("--cpf", help=h("opt.cpf"))] = False,
    max_price: Annotated[int | None, typer.Option("--max-price", min=0, metavar="EUR", help=h("opt.max_price"))] = None,
    modality: Annotated[Modality | None, typer.Option("--modality", help=h("opt.modality"), case_sensitive=False)] = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """Formations: organisme, type, durée, prix, CPF, certification, lien."""
    from typing import get_args

    from ia_metiers.core.certified import certification_entries
    from ia_metiers.core.model import TrainingType
    from ia_metiers.core.planning import trainings_for
    from ia_metiers.output import listings as views

    cat = catalog()
    lang = session().lang
    kind = kind.strip().lower() if kind is not None else None
    if kind is not None and kind not in get_args(TrainingType):
        raise UsageError(f"{t('unknown_training_type', lang)} '{kind}'", ", ".join(get_args(TrainingType)))
    skill_id = None
    if skill is not None:
        res = cat.skill_vocab.resolve(skill)
        if res.id is None:
            hint = f"{t('did_you_mean', lang)} {', '.join(res.suggestions)} ?" if res.suggestions else None
            raise UsageError(f"{t('unknown_skills', lang)}: '{skill}'", hint)
        skill_id = res.id
    role_id = find_role(cat, role_name).id if role_name else None
    today = today_iso()
    filters: dict[str, tuple[str, Callable[[Any], bool]]] = {}
    if role_id is not None:
        filters["role"] = (f"--role {role_name}", lambda tr: role_id in tr.roles)
    if kind is not None:
        filters["type"] = (f"--type {kind}", lambda tr: tr.type == kind)
    if cpf:
        filters["cpf"] = ("--cpf", lambda tr: views.training_cpf(cat, tr) is True)
    if max_price is not None:
        filters["max_price"] = (f"--max-price {max_price}", lambda tr: views.lowest_price(cat, tr) <= max_price)
    if modality is not None:
        filters["modality"] = (f"--modality {modality.value}", lambda tr: modality.value in views.modalities(cat, tr))
    if skill_id is not None:
        filters["skill"] = (f"--skill {skill}", lambda tr: True)

    entries = certification_entries(cat, today)  # the current certifications no training prepares

    def chosen(skip: str | None = None) -> list[Any]:
        sid = skill_id if skip != "skill" else None
        pool = (
            [
                *trainings_for(cat, sid, cat.roles.get(role_id) if role_id else None, today=today),
                *(e for e in entries if sid in e.skill_ids),
            ]
            if sid is not None
            else [*cat.trainings.values(), *entries]
        )
        return [tr for tr in pool if all(test(tr) for name, (_flag, test) in filters.items() if name != skip)]

    rows = [views.training_row(cat, tr, lang, today) for tr in chosen()]
    hints: list[str] = []
    if not rows:  # the nearest filters that give results: each filter dropped in turn
        for name, (flag, _test) in filters.items():
            count = len(chosen(skip=name))
            if count:
                hints.append(t("without_filter", lang, flag=flag, count=plural(count, "training", lang)))
    show_listing(fmt, rows, "trainings", empty=hints)


@app.command(cls=LocalCommand, help=h("funding"))
@handled
def funding(fmt: FormatOpt = Format.table) -> None:
    """Financements de la reconversion: CPF, Transitions Pro, France Travail..."""
    from ia_metiers.output import listings as views

    cat = catalog()
    rows = [views.funding_row(f, session().lang, today_iso()) for f in cat.funding.values()]

    show_listing(fmt, rows, "funding")


@app.command(cls=LocalCommand, help=h("sectors"))
@handled
def sectors(fmt: FormatOpt = Format.table) -> None:
    """Les secteurs qui recrutent, leurs cas d'usage de l'IA et les métiers qu'ils embauchent."""
    from ia_metiers.output import listings as views

    cat = catalog()
    rows = [views.sector_row(s, session().lang) for s in cat.sectors.values()]

    show_listing(fmt, rows, "sectors")


@app.command(cls=LocalCommand, help=h("market"))
@handled
def market(fmt: FormatOpt = Format.table) -> None:
    """Chiffres clés du marché de l'emploi IA, chacun avec sa source et son année."""
    from ia_metiers.output import listings as views

    cat = catalog()
    rows = [views.figure_row(cat, f, session().lang) for f in cat.figures.values()]

    def table() -> Any:
        from ia_metiers.output import render

        return render.market(rows, session().lang)

    emit(fmt, rows, None, table, color=color())


def app_for(argv: list[str]) -> typer.Typer:
    """An app holding only the command invoked (Typer builds every command's parser up front,
    which costs start-up time); the full app for anything else (help, groups, typos)."""
    i = 0
    while i < len(argv) and argv[i].startswith("-"):
        i += 2 if argv[i] in GLOBAL_WITH_VALUE else 1
    name = argv[i] if i < len(argv) else None
    for info in app.registered_commands:
        if name is not None and (info.name or getattr(info.callback, "__name__", None)) == name:
            mini = _new_app()
            mini.registered_callback = app.registered_callback
            mini.registered_commands.append(info)
            return mini
    return app


def main() -> None:
    """Console-script entry point: global options anywhere, quiet on closed pipes."""
    import gc

    from ia_metiers.cli.context import lang_of
    from ia_metiers.output.messages import system_error

    gc.disable()  # a command is short and frees by reference counting; --batch turns it back on
    _utf8_streams()
    args = hoist_global_options(sys.argv[1:])
    lang = lang_of(args)
    if sys.stdout is None:  # started with standard output closed
        if sys.stderr is not None:
            sys.stderr.write(f"ia-metiers: {t('stdout_closed', lang)}\n")
        sys.exit(EXIT_IO)
    try:
        app_for(args)(args=args, prog_name="ia-metiers")
    except BrokenPipeError:
        _silence_stdout()
        sys.exit(0)
    except KeyboardInterrupt:
        sys.exit(130)
    except OSError as exc:  # the system, not the tool: closed or full output, unreadable folder
        _silence_stdout()
        sys.stderr.write(f"ia-metiers: {system_error(exc, lang)}\n")
        sys.exit(EXIT_IO)
    except Exception as exc:  # a bug: one line for the user, the traceback on demand
        import os

        if os.environ.get("IA_METIERS_DEBUG"):
            raise
        from ia_metiers.core.text import visible

        said = visible(str(exc))[:300] or "-"
        sys.stderr.write(f"ia-metiers: {t('internal_error', lang, error=said)}\n")
        sys.exit(70)


def _utf8_streams() -> None:
    """Under an ASCII locale (LC_ALL=C with UTF-8 mode off), write UTF-8 as Python's own C-locale
    policy does; an encoding asked for by PYTHONIOENCODING is kept, with escapes for what it lacks."""
    import codecs
    import os

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding is None or codecs.lookup(encoding).name != "ascii" or not hasattr(stream, "reconfigure"):
            continue
        if os.environ.get("PYTHONIOENCODING"):
            stream.reconfigure(errors="backslashreplace")
        else:
            stream.reconfigure(encoding="utf-8")


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _register_data() -> None:
    """The ``data`` group (import, status, reset, update) lives in cli/data.py."""
    from ia_metiers.cli.data import data_app

    app.add_typer(data_app, name="data")


_register_data()

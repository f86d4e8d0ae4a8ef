"""``ia-metiers data``: import the official exports a user downloaded, say what is loaded,
remove it, or download and import them anew (``update``)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from ia_metiers.cli.app import FormatOpt, handled, today_iso
from ia_metiers.cli.context import LocalCommand, LocalGroup, session
from ia_metiers.output.formats import Format, emit
from ia_metiers.output.messages import h, t

data_app = typer.Typer(cls=LocalGroup, help=h("data"), no_args_is_help=True, rich_markup_mode=None)


class Kind(StrEnum):
    rncp = "rncp"
    mcf = "mcf"
    rome = "rome"


@contextlib.contextmanager
def progress_bar(label: str) -> Iterator[Any]:
    """A progress callback drawing a bar on standard error when it is a terminal; None otherwise."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn(label),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def advance(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield advance


def import_file(kind: str, path: Path) -> Any:
    from ia_metiers.catalog.importers import IMPORTERS

    with progress_bar(f"{t('importing', session().lang)} {kind}") as callback:
        return IMPORTERS[kind](path, callback)


def _said(loaded: Any) -> str:
    version = f", ROME v{loaded.version}" if loaded.version else ""
    return f"{loaded.source}: {loaded.rows} rows, export {loaded.export_date}{version} -> {loaded.path}"


@data_app.command("import", cls=LocalCommand, help=h("data_import"))
@handled
def data_import(
    kind: Annotated[Kind, typer.Argument(help=h("opt.data_kind"), case_sensitive=False)],
    file: Annotated[Path, typer.Argument(metavar="FILE", help=h("opt.data_file"))],
) -> None:
    """Importer un fichier téléchargé (rncp, mcf, rome)."""
    loaded = import_file(kind.value, file)
    typer.echo(f"ia-metiers: {t('imported', session().lang)} {_said(loaded)}", err=True)


def status_rows(today: str) -> list[dict[str, Any]]:
    from ia_metiers.catalog.userdata import status
    from ia_metiers.core.facts import age

    rows = []
    for s in status():
        fact_age = age(s.export_date, "registry", today)
        rows.append(
            {
                "source": s.source,
                "file": s.file,
                "export_date": s.export_date,
                "rows": s.rows,
                "imported_at": s.imported_at,
                "age_months": fact_age.months,
                "stale": fact_age.stale,
                "version": s.version,
                "path": s.path,
            }
        )
    return rows


@data_app.command("status", cls=LocalCommand, help=h("data_status"))
@handled
def data_status(fmt: FormatOpt = Format.table) -> None:
    """Ce qui est importé: source, fichier, date, lignes, âge."""
    rows = status_rows(today_iso())
    lang = session().lang

    def table() -> Any:
        from ia_metiers.output import render

        if not rows:
            return t("nothing_imported", lang)
        shown = [
            {**r, "age": f"{r['age_months']} {'mois' if lang == 'fr' else 'months'}" + (" !" if r["stale"] else "")} for r in rows
        ]
        return render.listing(
            shown,
            [
                render.Field("source", t("source", lang)),
                render.Field("export_date", "Date"),
                render.Field("rows", "Lignes" if lang == "fr" else "Rows", numeric=True),
                render.Field("age", "Âge" if lang == "fr" else "Age"),
                render.Field("version", "Version"),
                render.Field("file", "Fichier" if lang == "fr" else "File", "fact"),
            ],
            lang,
        )

    emit(fmt, rows, None, table)


@data_app.command("reset", cls=LocalCommand, help=h("data_reset"))
@handled
def data_reset(
    kinds: Annotated[list[Kind] | None, typer.Argument(help=h("opt.data_kinds"), case_sensitive=False)] = None,
) -> None:
    """Supprimer les données importées."""
    from ia_metiers.catalog.userdata import KINDS, reset

    chosen = tuple(k.value for k in kinds) if kinds else KINDS
    for path in reset(chosen):
        typer.echo(f"ia-metiers: {t('removed', session().lang)} {path}", err=True)


@data_app.command("update", cls=LocalCommand, help=h("data_update"))
@handled
def data_update(
    only: Annotated[list[Kind] | None, typer.Option("--only", help=h("opt.only"), case_sensitive=False)] = None,
    rncp_url: Annotated[str | None, typer.Option("--rncp-url", envvar="IA_METIERS_RNCP_URL", help=h("opt.rncp_url"))] = None,
    mcf_url: Annotated[str | None, typer.Option("--mcf-url", envvar="IA_METIERS_MCF_URL", help=h("opt.mcf_url"))] = None,
    rome_url: Annotated[str | None, typer.Option("--rome-url", envvar="IA_METIERS_ROME_URL", help=h("opt.rome_url"))] = None,
) -> None:
    """Télécharger les exports officiels, puis les importer."""
    from ia_metiers.catalog.download import DEFAULT_URLS, fetch

    urls = {"rncp": rncp_url, "mcf": mcf_url, "rome": rome_url}
    chosen = [k.value for k in only] if only else ["rncp", "mcf", "rome"]
    lang = session().lang
    for kind in chosen:
        url = urls[kind] or DEFAULT_URLS[kind]
        with progress_bar(f"{t('downloading', lang)} {kind}") as callback:
            path = fetch(kind, url, callback)
        loaded = import_file(kind, path)
        typer.echo(f"ia-metiers: {t('imported', lang)} {_said(loaded)}", err=True)

"""The handover report (--export plan.html / plan.pdf) for three people: a table of checks on the
document, then the document opened by a real headless Chromium (printed to A4 PDF, read back
with pypdf; laid out at phone width). CI installs Chromium and sets IA_METIERS_REQUIRE_TOOLS=1,
so the browser tests run there; on a machine without Chromium they are skipped, saying why.
"""

from __future__ import annotations

import datetime
import html
import os
import re
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest

from ia_metiers import __version__

PEOPLE: dict[str, dict[str, Any]] = {
    # an HR manager, salaried, 8 hours a week, towards prompt engineering (French)
    "amina": {
        "args": ["path", "--from", "responsable RH", "--status", "salarie", "--to", "prompt-engineer", "-w", "8"],
        "lang": "fr",
        "title": "Votre parcours de Responsable / chargé RH vers Prompt engineer / rédacteur conversationnel",
        "options": {
            "Métier actuel": "Responsable / chargé RH",
            "Métier visé": "Prompt engineer / rédacteur conversationnel",
            "Situation": "salarié du privé",
            "Heures d'étude par semaine": "8",
            "Niveau de salaire affiché": "junior (0-2 ans)",
        },
        "words": ["Plan d'apprentissage", "Et maintenant ?", "Voies qualifiantes"],
    },
    # a graduate with a bachelor's degree who knows Python, pandas and SQL (English)
    "tom": {
        "args": ["match", "-s", "python, pandas, sql", "--diploma", "bac+3", "--lang", "en"],
        "lang": "en",
        "title": "Which AI roles fit your skills?",
        "options": {
            "Skills given": "Python (2), pandas (2), SQL (2)",
            "Highest diploma": "level 6 (bachelor's)",
            "Number of roles": "5",
        },
        "words": ["Fit for AI roles", "Data analyst"],
    },
    # a job seeker with office data skills, 20 hours a week, towards data analysis (French)
    "karim": {
        "args": ["path", "-s", "excel, sql:1, power bi", "--status", "demandeur", "--to", "data-analyst", "-w", "20"],
        "lang": "fr",
        "title": "Votre parcours vers Data analyst",
        "options": {
            "Compétences données": "Excel (2), SQL (1), Power BI (2)",
            "Situation": "demandeur d'emploi",
            "Heures d'étude par semaine": "20",
        },
        "words": ["Plan d'apprentissage", "Formations suggérées"],
    },
}


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from ia_metiers.cli.app import app

    folder = tmp_path_factory.mktemp("reports")
    out = {}
    for name, person in PEOPLE.items():
        target = folder / f"{name}.html"
        res = CliRunner().invoke(app, [*person["args"], "--export", str(target)], catch_exceptions=False)
        assert res.exit_code == 0, res.stderr
        out[name] = target
    return out


def visible(page: str) -> str:
    """The document's text as a reader sees it (no tags, no style)."""
    body = re.sub(r"<(style|title)>.*?</\1>", " ", page, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body)).replace("\u00a0", " ")


def check_title(page: str, person: dict[str, Any], catalog: Any) -> None:
    assert f"<h1>{html.escape(person['title'])}</h1>" in page
    assert "ia-metiers path" not in page and "ia-metiers match" not in page  # not a command line


def check_date_and_versions(page: str, person: dict[str, Any], catalog: Any) -> None:
    today = datetime.date.today()
    from ia_metiers.output.messages import t

    date = f"{today.day} {t(f'month_{today.month}', person['lang'])} {today.year}"
    text = visible(page)
    assert date in text and f"ia-metiers {__version__}" in text
    assert re.search(r"(empreinte|fingerprint) [0-9a-f]{8}", text)


def check_name_line(page: str, person: dict[str, Any], catalog: Any) -> None:
    assert re.search(r'<p class="person">(Pour :|For:) ?<span>&nbsp;</span></p>', page)


def check_no_internal_ids(page: str, person: dict[str, Any], catalog: Any) -> None:
    text = visible(page)
    ids = [i for i in (*catalog.roles, *catalog.jobs, *catalog.sources, *catalog.trainings, *catalog.funding) if "-" in i]
    found = [i for i in ids if re.search(rf"(?<![\w/.-]){re.escape(i)}(?![\w-])", text)]
    assert not found, found
    assert "curator-estimate" not in text and "seed-0" not in text


def check_options(page: str, person: dict[str, Any], catalog: Any) -> None:
    asked = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", page))
    asked = {html.unescape(k): html.unescape(v) for k, v in asked.items()}
    for label, value in person["options"].items():
        assert asked.get(label) == value, (label, asked)


def check_sources_cited(page: str, person: dict[str, Any], catalog: Any) -> None:
    cited = set(re.findall(r'href="#src-(\d+)"', page))
    listed = set(re.findall(r'<li id="src-(\d+)">', page))
    assert cited and cited == listed  # each source cited where it is used, and only those listed
    assert sorted(int(n) for n in listed) == list(range(1, len(listed) + 1))


def check_print_rules(page: str, person: dict[str, Any], catalog: Any) -> None:
    assert "@page{size:A4" in page and "@media print{" in page
    assert "break-after:avoid" in page and "break-inside:avoid" in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page


def check_no_external_resource(page: str, person: dict[str, Any], catalog: Any) -> None:
    assert "Content-Security-Policy\" content=\"default-src 'none'" in page
    assert not re.search(r"<(script|link|img|iframe|object|embed)\b|@import|url\(|\bsrc=", page, re.I)
    outside_links = re.sub(r'<a [^>]*href="https?://[^"]*"[^>]*>.*?</a>', "", page)
    outside_links = outside_links.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert not re.search(r"https?://", outside_links)


def check_no_question_marks_for_missing_facts(page: str, person: dict[str, Any], catalog: Any) -> None:
    text = visible(page)
    assert not re.search(r"(Durée|Prix|CPF|Duration|Price) \?", text)
    assert text.count("Financements ouverts") <= 1  # funding not printed twice


def check_words(page: str, person: dict[str, Any], catalog: Any) -> None:
    text = visible(page)
    for word in person["words"]:
        assert word in text, word
    other = "Votre demande" if person["lang"] == "en" else "What was asked"
    assert other not in text


CHECKS = [
    check_title,
    check_date_and_versions,
    check_name_line,
    check_no_internal_ids,
    check_options,
    check_sources_cited,
    check_print_rules,
    check_no_external_resource,
    check_no_question_marks_for_missing_facts,
    check_words,
]


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.__name__.removeprefix("check_"))
@pytest.mark.parametrize("name", list(PEOPLE))
def test_report(reports: dict[str, Path], catalog: Any, name: str, check: Any) -> None:
    check(reports[name].read_text(encoding="utf-8"), PEOPLE[name], catalog)


def test_report_has_charts_drawn_inline(reports: dict[str, Path]) -> None:
    amina = reports["amina"].read_text(encoding="utf-8")
    assert amina.count("<svg") >= 1 and "<figure" in amina  # the plan over weeks
    tom = reports["tom"].read_text(encoding="utf-8")
    assert '<figure class="chart"><svg' in tom and "/100" in tom  # fit scores as bars


def test_exports_honour_the_umask_and_keep_a_files_mode(cli: Any, tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    old = os.umask(0o027)
    try:
        assert cli("match", "-s", "python", "--export", str(target)).code == 0
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == 0o640
    target.chmod(0o604)
    assert cli("match", "-s", "python", "--export", str(target)).code == 0
    assert target.stat().st_mode & 0o777 == 0o604
    md = tmp_path / "r.md"
    old = os.umask(0o022)
    try:
        assert cli("match", "-s", "python", "--export", str(md)).code == 0
    finally:
        os.umask(old)
    assert md.stat().st_mode & 0o777 == 0o644


# ---------------------------------------------------------------- in a real browser


def chromium() -> str:
    from ia_metiers.output.pdf import browser

    found = browser()
    if found is None:
        if os.environ.get("IA_METIERS_REQUIRE_TOOLS"):
            pytest.fail("IA_METIERS_REQUIRE_TOOLS is set but no Chromium was found")
        pytest.skip("no Chromium or Chrome on this machine (CI installs Debian's chromium and runs these tests)")
    return found


@pytest.mark.parametrize("name", list(PEOPLE))
def test_report_prints_on_a4_in_a_real_browser(reports: dict[str, Path], tmp_path: Path, name: str) -> None:
    """Chromium prints the report: A4 pages, the title on the first, every page with text, no
    page ending on a heading, and the sources on the last."""
    from pypdf import PdfReader

    from ia_metiers.output.pdf import command

    browser = chromium()
    out = tmp_path / "r.pdf"
    subprocess.run(command(browser, reports[name], tmp_path / "profile", out), capture_output=True, timeout=120, check=False)
    reader = PdfReader(out)
    assert 1 <= len(reader.pages) <= 6, len(reader.pages)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width), round(height)) == (595, 842)  # A4 in points
    texts = [page.extract_text() for page in reader.pages]
    assert all(t.strip() for t in texts)
    assert PEOPLE[name]["title"].split()[0] in texts[0]
    document = reports[name].read_text(encoding="utf-8")
    headings = {html.unescape(re.sub(r"<[^>]+>", "", h)).strip() for h in re.findall(r"<h2>(.*?)</h2>", document)}
    for text in texts[:-1]:
        last = [line.strip() for line in text.splitlines() if line.strip()][-1]
        assert last not in headings, f"a page ends on the heading {last!r}"
    assert "Sources" in texts[-1]


def test_pdf_export_through_the_browser(cli: Any, tmp_path: Path) -> None:
    from pypdf import PdfReader

    chromium()
    target = tmp_path / "plan.pdf"
    res = cli("path", "--from", "traducteur", "--to", "prompt-engineer", "--export", str(target))
    assert res.code == 0, res.err
    reader = PdfReader(target)
    assert "Votre parcours de Traducteur" in reader.pages[0].extract_text()


def test_pdf_export_without_a_browser_says_what_to_do(cli: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("IA_METIERS_BROWSER", raising=False)
    res = cli("match", "-s", "python", "--export", str(tmp_path / "r.pdf"))
    assert res.code == 2 and "Chromium" in res.err and ".html" in res.err
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.parametrize("name", list(PEOPLE))
def test_report_fits_a_phone(reports: dict[str, Path], name: str) -> None:
    """At 390 CSS pixels the report scrolls only down: nothing is pushed off the right edge."""
    browser = chromium()
    document = reports[name].read_text(encoding="utf-8")
    harness = (
        "<!DOCTYPE html><html><body>"
        f'<iframe id="f" style="width:390px;height:800px;border:0" srcdoc="{html.escape(document, quote=True)}"></iframe>'
        '<pre id="out">waiting</pre><script>'
        "document.getElementById('f').addEventListener('load', function () {"
        "  var d = this.contentDocument.documentElement;"
        "  document.getElementById('out').textContent = 'width=' + d.scrollWidth + ' client=' + d.clientWidth;"
        "});</script></body></html>"
    )
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "harness.html"
        page.write_text(harness, encoding="utf-8")
        from ia_metiers.output.pdf import command

        argv = command(browser, page, Path(tmp) / "profile", Path(tmp) / "unused.pdf")
        argv = [a for a in argv if not a.startswith(("--print-to-pdf", "--no-pdf-header-footer"))]
        argv[-1:-1] = ["--virtual-time-budget=5000", "--dump-dom"]
        dom = subprocess.run(argv, capture_output=True, timeout=120, check=False).stdout.decode()
    found = re.search(r"width=(\d+) client=(\d+)", dom)
    assert found, dom[-500:]
    assert int(found.group(1)) <= int(found.group(2)) <= 390

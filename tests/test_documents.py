"""The document reader (ia_metiers.documents) on hostile, damaged and ordinary documents: each
family with its exact exit code and message through the real command, and the one text shape
every format gives. Timings and peak memory are in benchmarks/bombs.py, not here."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import hostile_docs as h
from ia_metiers.documents import Block, DocumentError, Limits, Notice, read_bytes, read_document

TERMINAL_BYTES = (b"\x1b", b"\x07", b"\xc2\x9b", "\u202e".encode())


def refused(data: bytes, limits: Limits | None = None) -> tuple[str, str, str]:
    with pytest.raises(DocumentError) as caught:
        read_bytes(data, limits) if limits else read_bytes(data)
    return caught.value.kind, caught.value.detail, caught.value.name


def said(run, tmp_path: Path, data: bytes, *extra: str, name: str = "cv") -> tuple[int, str, str]:
    """Exit code, stderr and stdout of `match --from-file` on ``data``, the path shown as FILE."""
    target = tmp_path / name
    target.write_bytes(data)
    proc = run("match", "--from-file", str(target), "--top", "1", "-f", "json", *extra)
    assert b"Traceback" not in proc.stderr
    assert not [b for b in TERMINAL_BYTES if b in proc.stdout + proc.stderr]
    return proc.returncode, proc.stderr.decode().replace(str(target), "FILE"), proc.stdout.decode()


# ---------------------------------------------------------------- one shape for every format

SHAPE = "# Compétences\nPython, SQL et Docker\n- Excel\nPower BI | Airflow"


@pytest.mark.parametrize(
    ("fmt", "data"),
    [
        (
            "docx",
            h.docx(
                '<w:document><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Compétences</w:t></w:r></w:p>'
                "<w:p><w:r><w:t>Python, SQL</w:t></w:r><w:r><w:t xml:space='preserve'> et Docker</w:t></w:r></w:p>"
                "<w:p><w:pPr><w:numPr><w:ilvl w:val='0'/></w:numPr></w:pPr><w:r><w:t>Excel</w:t></w:r></w:p>"
                "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Power BI</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Airflow</w:t></w:r>"
                "</w:p></w:tc></w:tr></w:tbl></w:body></w:document>"
            ),
        ),
        (
            "odt",
            h.odt(
                "<office:text><text:h text:outline-level='1'>Compétences</text:h><text:p>Python, SQL et<text:s/>Docker</text:p>"
                "<text:list><text:list-item><text:p>Excel</text:p></text:list-item></text:list><table:table><table:table-row>"
                "<table:table-cell><text:p>Power BI</text:p></table:table-cell><table:table-cell><text:p>Airflow</text:p>"
                "</table:table-cell></table:table-row></table:table></office:text>"
            ),
        ),
        (
            "html",
            b"<!doctype html><html><head><title>CV</title></head><body><h1>Comp&eacute;tences</h1><p>Python, SQL et Docker"
            b"<ul><li>Excel</ul><table><tr><td>Power BI<td>Airflow</table></body></html>",
        ),
        ("markdown", "Compétences\n===========\n\nPython, **SQL** et `Docker`\n\n* Excel\n\n| Power BI | Airflow |\n".encode()),
        ("text", "# Compétences\nPython, SQL et Docker\n• Excel\nPower BI | Airflow\n".encode()),
    ],
)
def test_every_format_gives_the_same_shape(fmt: str, data: bytes) -> None:
    doc = read_bytes(data)
    assert (doc.format, doc.text, doc.notices) == (fmt if fmt != "text" else "markdown", SHAPE, ())
    assert [b.kind for b in doc.blocks] == ["heading", "paragraph", "item", "row"]


def test_pdf_lines_and_bullets_take_the_shape() -> None:
    doc = read_bytes(h.text_pdf("- Python et SQL"))
    assert (doc.format, doc.blocks) == ("pdf", (Block("item", "Python et SQL"),))


def test_pdf_headings_are_lines_drawn_larger() -> None:
    doc = read_bytes(h.headings_pdf())
    assert doc.text == "# COMPETENCES\nPython, SQL et Docker\n- Excel\nPower BI\n## Experience"


def test_notices_are_said_in_both_languages() -> None:
    from ia_metiers.cli.inputs import notices
    from ia_metiers.documents import Document

    doc = Document(
        "pdf",
        (Block("paragraph", "x"),),
        (
            Notice("time_cut", read=12, total=40),
            Notice("time_cut", read=5000),
            Notice("pages_skipped", read=2, total=40),
            Notice("repaired"),
        ),
    )
    assert notices(doc, "cv.pdf", "fr") == [
        "cv.pdf : lecture arrêtée au bout de 5 s : 12 pages lues sur 40",
        "cv.pdf : lecture arrêtée au bout de 5 s : seul le début du document a été lu",
        "cv.pdf : 2 page(s) illisible(s) sur 40, ignorée(s)",
        "cv.pdf : PDF abîmé, réparé à la lecture ; le texte peut être incomplet",
    ]
    assert notices(doc, "cv.pdf", "en")[0] == "cv.pdf: reading stopped after 5 s: 12 of 40 pages read"


def test_read_document_takes_bytes_or_a_path(tmp_path: Path) -> None:
    target = tmp_path / "cv.odt"
    target.write_bytes(h.odt())
    assert read_document(target) == read_document(str(target)) == read_document(h.odt())
    assert read_document(target).text == "# Compétences\nPython, SQL et Docker\n- Excel"


# ---------------------------------------------------------------- bounds: memory, depth, time, input


@pytest.mark.parametrize(
    ("build", "expected", "message"),
    [
        (lambda: h.zip_bomb(100_000_000), ("too_large", "entry", ""), "refusé : plus de 40 Mo une fois décompressé"),
        (lambda: h.lying_zip_bomb(100_000_000), ("damaged", "", ""), "document endommagé (structure ou données corrompues)"),
        (h.bzip2_docx, ("unsupported", "method", "bzip2"), "compression bzip2 non prise en charge"),
        (h.lzma_docx, ("unsupported", "method", "LZMA"), "compression LZMA non prise en charge"),
        (h.deflate64_docx, ("unsupported", "method", "Deflate64"), "compression Deflate64 non prise en charge"),
        (h.many_entries_zip, ("too_large", "directory", ""), "refusé : archive de plus de 10000 fichiers"),
        (h.deep_xml_docx, ("too_large", "nesting", ""), "refusé : structure imbriquée trop profondément"),
        (h.nested_arrays_pdf, ("too_large", "nesting", ""), "refusé : structure imbriquée trop profondément"),
        (h.entity_docx, ("unsupported", "dtd", ""), "XML avec une DTD (déclarations d'entités), non pris en charge"),
    ],
)
def test_bounds_refuse_in_one_line(run, tmp_path: Path, build, expected: tuple[str, str, str], message: str) -> None:
    data = build()
    assert refused(data) == expected
    code, err, out = said(run, tmp_path, data)
    assert (code, out) == (2, "")
    assert err.startswith(f"ia-metiers: erreur: FILE : {message}") and err.count("\n") == 1


def test_an_entry_is_inflated_in_chunks_whatever_its_header_says() -> None:
    small = Limits(entry_bytes=1_000_000, inflated_bytes=10**9)
    assert refused(h.zip_bomb(3_000_000), small) == ("too_large", "entry", "")
    overall = Limits(entry_bytes=10**9, inflated_bytes=2_000_000)
    assert refused(h.zip_bomb(3_000_000), overall) == ("too_large", "inflated", "")


def test_a_page_past_the_parsing_limit_is_skipped_then_refused() -> None:
    small = Limits(pdf_operations=2_000)
    assert refused(h.heavy_page_pdf(5_000), small) == ("too_large", "", "")
    doc = read_bytes(h.text_pdf(pages=2) + b"", small)
    assert doc.text == "Python, SQL et Docker\nPython, SQL et Docker"
    from ia_metiers.cli.inputs import failure

    assert failure(DocumentError("too_large"), "cv.pdf", "fr") == "cv.pdf : refusé : document trop lourd à lire"


def test_the_text_limit_and_the_page_limit_are_said(run, tmp_path: Path) -> None:
    code, err, out = said(run, tmp_path, ("python " * 60_000).encode())
    assert (code, err) == (0, "ia-metiers: attention: FILE : texte coupé après 100 000 caractères ; la suite n'a pas été lue\n")
    code, err, out = said(run, tmp_path, h.text_pdf(pages=250, shared=True), "--lang", "en")
    assert (code, err) == (0, "ia-metiers: warning: FILE: only the first 200 of 250 pages were read\n")
    assert '"python"' in out


def test_a_deadline_keeps_what_was_read_and_says_so(monkeypatch) -> None:
    from ia_metiers.documents import budget

    clock = iter(range(1_000_000))
    monkeypatch.setattr(budget.time, "monotonic", lambda: float(next(clock)))
    doc = read_bytes(h.text_pdf(pages=12), Limits(seconds=4))
    assert doc.notices[0].kind == "time_cut" and 0 < doc.notices[0].read < 12 and doc.notices[0].total == 12
    assert refused(h.text_pdf(pages=3), Limits(seconds=-1)) == ("too_large", "time", "")


def test_html_deadline_keeps_the_start() -> None:
    doc = read_bytes(("<p>python</p>" * 100_000).encode(), Limits(seconds=0.0005))
    assert doc.format == "html" and doc.notices[-1].kind == "time_cut" and doc.text.startswith("python")


def test_input_cap_holds_for_devices_and_fifos(run, tmp_path: Path) -> None:
    proc = run("match", "--from-file", "/dev/zero")
    assert (proc.returncode, proc.stderr) == (2, "ia-metiers: erreur: /dev/zero: entrée trop longue (plus de 20 Mo)\n".encode())
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)

    def feed() -> None:
        try:
            with open(fifo, "wb") as writer:
                writer.write(b"python " * 3_000_000)
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed)
    writer.start()
    proc = run("match", "--from-file", str(fifo), "--lang", "en")
    writer.join(timeout=30)
    assert (proc.returncode, proc.stderr.decode()) == (2, f"ia-metiers: error: {fifo}: input too large (over 20 MB)\n")
    proc = run("match", "--from-file", str(tmp_path))
    assert proc.returncode == 2 and f"'{tmp_path}' est un dossier".encode() in proc.stderr


# ---------------------------------------------------------------- damaged, protected, other encodings


@pytest.mark.parametrize(
    ("build", "kind", "message"),
    [
        (
            h.encrypted_docx,
            "encrypted",
            "document protégé par un mot de passe (chiffré) ; enregistrez-en une copie sans mot de passe",
        ),
        (
            h.password_pdf,
            "encrypted",
            "document protégé par un mot de passe (chiffré) ; enregistrez-en une copie sans mot de passe",
        ),
        (h.corrupt_deflate_docx, "damaged", "document endommagé (structure ou données corrompues)"),
        (h.future_version_docx, "damaged", "document endommagé (structure ou données corrompues)"),
        (h.trailer_number_pdf, "damaged", "document endommagé (structure ou données corrompues)"),
        (h.huge_startxref_pdf, "damaged", "document endommagé (structure ou données corrompues)"),
        (h.escape_names_pdf, "damaged", "document endommagé (structure ou données corrompues)"),
        (h.parent_cycle_pdf, "damaged", "document endommagé (structure ou données corrompues)"),
        (h.truncated_docx, "truncated", "document tronqué (le fichier s'arrête avant la fin)"),
        (h.short_entry_docx, "truncated", "document tronqué (le fichier s'arrête avant la fin)"),
        (h.truncated_pdf, "truncated", "document tronqué (le fichier s'arrête avant la fin)"),
        (lambda: h.zipped({"xl/workbook.xml": "<x/>"}), "unsupported", "archive ZIP qui n'est ni un DOCX ni un ODT"),
        (lambda: b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "not_text", "ni du texte, ni un PDF, DOCX, ODT ou HTML"),
        (h.reference_in_content_pdf, "no_text", "ce PDF n'a pas de couche texte (un scan ?)"),
        (lambda: b"   \n\n", "no_text", "aucun texte dans ce document"),
    ],
)
def test_damaged_and_protected_documents_say_which(run, tmp_path: Path, build, kind: str, message: str) -> None:
    data = build()
    assert refused(data)[0] == kind
    code, err, out = said(run, tmp_path, data)
    assert (code, out) == (2, "")
    assert err.startswith(f"ia-metiers: erreur: FILE : {message}") and err.count("\n") == 1


def test_messages_follow_the_interface_language(run, tmp_path: Path) -> None:
    code, err, _ = said(run, tmp_path, h.encrypted_docx(), "--lang", "en")
    assert (code, err) == (
        2,
        "ia-metiers: error: FILE: the document is password-protected (encrypted); save a copy without a password\n",
    )


@pytest.mark.parametrize("algorithm", ["AES-128", "AES-256", "RC4-128"])
def test_a_pdf_with_an_empty_user_password_is_read(algorithm: str) -> None:
    """Only the owner's rights are protected: anyone may open it (cryptography decrypts AES)."""
    doc = read_bytes(h.password_pdf("", algorithm))
    assert (doc.text, doc.notices) == ("Python, SQL et Docker", ())


def test_pdf_cycles_end_and_a_repair_is_said(run, tmp_path: Path) -> None:
    """An xref /Prev cycle looped for ever before pypdf 6.7.2, a /Parent cycle before 6.12.1."""
    code, err, _ = said(run, tmp_path, h.xref_cycle_pdf())
    assert code == 0 and err == "ia-metiers: attention: FILE : PDF abîmé, réparé à la lecture ; le texte peut être incomplet\n"
    assert refused(h.parent_cycle_pdf()) == ("damaged", "", "")


@pytest.mark.parametrize(
    ("encoding", "name"), [("latin-1", "latin-1"), ("cp1252", "windows-1252"), ("utf-16", "utf-16"), ("utf-16-le", "utf-16")]
)
def test_text_in_other_encodings_is_read_and_said(run, tmp_path: Path, encoding: str, name: str) -> None:
    text = "Compétences : Python, SQL, 5 ans d'expérience" + (" — Power BI’s" if encoding != "latin-1" else "")
    data = text.encode(encoding)
    doc = read_bytes(data)
    assert (doc.text, doc.encoding, doc.notices) == (text, name, (Notice("encoding", name=name),))
    code, err, _ = said(run, tmp_path, data)
    assert (code, err) == (0, f"ia-metiers: attention: FILE : lu comme du texte {name} (pas de l'UTF-8)\n")


# ---------------------------------------------------------------- the terminal


def test_escapes_in_a_pdf_never_reach_the_terminal(run, tmp_path: Path) -> None:
    """Control sequences in PDF names came out through pypdf's log messages (OSC 52: the clipboard)."""
    for data in (h.escape_names_pdf(), h.xref_cycle_pdf()):
        _, err, _ = said(run, tmp_path, data)
        assert "pypdf" not in err and "startxref" not in err and "Traceback" not in err


def test_escapes_in_a_text_never_reach_the_terminal(run, tmp_path: Path) -> None:
    data = "Compétences : Python\x1b]52;c;cHduZWQ=\x07, SQL\x1b[2J \u202eLQS\n".encode()
    doc = read_bytes(data)
    assert doc.text == "Compétences : Python ]52;c;cHduZWQ= , SQL [2J LQS"
    code, _, out = said(run, tmp_path, data)
    assert code == 0 and "\\u001b" not in out


def test_the_internal_error_line_is_escaped_and_names_no_class() -> None:
    code = (
        "import ia_metiers.cli.app as a\n"
        "def boom(args):\n    raise RuntimeError('\\x1b]52;c;eA==\\x07 broke')\n"
        "a.app_for = boom\na.main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=False)
    assert proc.returncode == 70
    said = "ia-metiers: erreur interne : \\x1b]52;c;eA==\\x07 broke (IA_METIERS_DEBUG=1 montre la trace)\n"
    assert proc.stderr.decode() == said  # in the session's language (French by default)


# ---------------------------------------------------------------- HTML


@pytest.mark.parametrize("case", sorted(h.HTML_TRAPS))
def test_html_scripts_styles_and_hidden_text_are_never_read(case: str) -> None:
    expected = {"cells": "Python | SQL\nExcel | Power BI"}.get(case, "Python")
    assert read_bytes(h.HTML_TRAPS[case].encode()).text == expected


def test_html_cells_are_separate_words(cli, tmp_path: Path) -> None:
    page = tmp_path / "offre.html"
    page.write_text("<html><body><table><tr><td>Python</td><td>SQL</td></tr></table></body></html>", encoding="utf-8")
    doc = cli("match", "--from-file", str(page), "-f", "json").json()
    assert {e["skill"] for e in doc["evidence"]} == {"python", "sql"}


@pytest.mark.parametrize("kind", ["comments", "conditional", "tags", "quotes", "end tags", "brackets", "entities", "attributes"])
def test_unclosed_html_is_read_to_its_end(kind: str) -> None:
    """Constructs left open again and again over 60 KB (html.parser: quadratic, or an AssertionError
    for '<![')."""
    assert read_bytes(h.quadratic_html(kind).encode()).blocks[0] == Block("paragraph", "Python")


# ---------------------------------------------------------------- input handling


def test_one_standard_input_for_one_reader(run) -> None:
    proc = run("match", "-s", "-", "--from-file", "-", input=b"python")
    assert (proc.returncode, proc.stderr.decode()) == (
        2,
        "ia-metiers: erreur: l'entrée standard ne peut être lue qu'une fois : '-' ne peut servir qu'à une seule option "
        "(--skills, --from-file)\n",
    )


def test_closed_standard_input_is_a_clean_error(run) -> None:
    proc = run(shell=f"{sys.executable} -m ia_metiers match --from-file - <&-")
    assert (proc.returncode, proc.stderr) == (2, "ia-metiers: erreur: l'entrée standard est fermée\n".encode())


def test_an_ascii_locale_gets_utf8(run) -> None:
    env = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    proc = run("match", "-s", "python", "--top", "1", env=env)
    assert proc.returncode == 0 and "Métier".encode() in proc.stdout
    proc = run("gap", "zzzz", "-s", "python", env=env)
    assert proc.returncode == 2 and "métier IA inconnu".encode() in proc.stderr
    proc = run("match", "-s", "python", "--top", "1", env={**env, "PYTHONIOENCODING": "ascii"})
    assert proc.returncode == 0 and b"M\\xe9tier" in proc.stdout

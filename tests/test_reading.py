"""Reading what people write: prose traps with exact expected skills, in both languages, for
text, PDF, DOCX, ODT and HTML input."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from ia_metiers.core.profile import read_profile
from ia_metiers.documents import DocumentError, read_bytes


def skills(catalog, text: str) -> dict[str, int]:
    return {h.skill: h.level for h in read_profile(catalog, text=text).skills.values()}


def aside(catalog, text: str) -> set[tuple[str, str | None]]:
    return {(i.reason, i.skill) for i in read_profile(catalog, text=text).ignored}


@pytest.mark.parametrize(
    ("text", "expected", "set_aside"),
    [
        (
            "Je n'ai jamais fait de Python ni de machine learning. Je maîtrise SQL.",
            {"sql": 2},
            {("negated", "python"), ("negated", "machine-learning")},
        ),
        ("Aucune notion de Docker, mais Python avancé.", {"python": 3}, {("negated", "docker")}),
        ("Pas d'expérience en Java.", {}, {("negated", "java")}),
        (
            "No experience with Docker, but strong Python and basic knowledge of SQL.",
            {"python": 2, "sql": 1},
            {("negated", "docker")},
        ),
        ("I have never used Kubernetes.", {}, {("negated", "kubernetes")}),
        ("Notions de SQL et bases en Python.", {"sql": 1, "python": 1}, set()),
        ("Familiar with Tableau.", {"tableau": 1}, set()),
        ("Je souhaite évoluer vers le machine learning.", {}, {("wish", "machine-learning")}),
        ("I want to move into deep learning.", {}, {("wish", "deep-learning")}),
        ("Formation\nMaster MIAGE, université de Lille", {}, set()),
        ("Compétences : Python, SQL", {"python": 2, "sql": 2}, set()),
        ("Chargée de clientèle chez Acme SAS", {}, {("ambiguous", "sas")}),
        ("Programmation statistique sous SAS", {"statistics": 2, "sas": 2}, set()),
        ("BTS SIO option SLAM", {}, {("ambiguous", "robotics")}),
        ("Stage en R&D", {"research": 2}, set()),
        ("Analyse statistique avec R et Python", {"r": 2, "python": 2, "statistics": 2}, set()),
        ("Excellent relationnel", {}, set()),
        ("Passionné par l'intelligence artificielle", {}, {("wish", None)}),
    ],
)
def test_prose_traps(catalog, text: str, expected: dict[str, int], set_aside: set[tuple[str, str | None]]) -> None:
    got = skills(catalog, text)
    assert {k: v for k, v in got.items() if k in expected or k in {s for _, s in set_aside}} == expected, got
    if set_aside:
        found = aside(catalog, text)
        assert {(r, s) for r, s in found if (r, s) in set_aside or (r, None) in set_aside} >= {
            x for x in set_aside if x[1] is not None
        }, found


def test_evidence_and_ignored_in_json(cli, tmp_path) -> None:
    cv = tmp_path / "cv.txt"
    cv.write_text("Compétences : Python, notions de SQL\nJe n'ai jamais fait de Docker.\n", encoding="utf-8")
    doc = cli("match", "--from-file", str(cv), "-f", "json").json()
    assert [(e["skill"], e["phrase"], e["level"]) for e in doc["evidence"]] == [("python", "Python", 2), ("sql", "SQL", 1)]
    assert [(i["phrase"], i["reason"], i["skill"]) for i in doc["ignored"]] == [("Docker", "negated", "docker")]
    table = cli("match", "--from-file", str(cv)).out.replace("\u00a0", " ")
    assert "Compétences repérées dans le texte" in table and "« Python »" in table and "négation" in table


def _pdf(text: str) -> bytes:
    """A one-page PDF with a text layer, written by hand."""
    stream = b"BT /F1 12 Tf 72 720 Td (" + text.encode("latin-1") + b") Tj ET"
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(f"{i} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode())
    for off in offsets:
        out.write(f"{off:010d} 00000 n \n".encode())
    out.write(f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _zip(member: str, xml: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr(member, xml)
    return out.getvalue()


def test_pdf_docx_odt_html_by_content(catalog) -> None:
    pdf = read_bytes(_pdf("No experience with Docker, but Python and SQL.")).text
    assert "Python" in pdf
    assert skills(catalog, pdf) == {"python": 2, "sql": 2}
    docx = _zip(
        "word/document.xml",
        "<w:document><w:body><w:p><w:r><w:t>Je n'ai jamais fait de Java.</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Notions de Python</w:t></w:r></w:p></w:body></w:document>",
    )
    assert skills(catalog, read_bytes(docx).text) == {"python": 1}
    odt = _zip("content.xml", "<office:text><text:h>Formation</text:h><text:p>SQL et Power BI</text:p></office:text>")
    assert skills(catalog, read_bytes(odt).text) == {"sql": 2, "power-bi": 2}
    html = b"<html><body><h2>Skills</h2><p>Python, Airflow</p><script>docker()</script></body></html>"
    assert skills(catalog, read_bytes(html).text) == {"python": 2, "airflow": 2}


def test_scanned_pdf_and_binary_get_clear_errors(run, tmp_path) -> None:
    blank = _pdf("")
    with pytest.raises(DocumentError) as refused:
        read_bytes(blank)
    assert (refused.value.kind, refused.value.name) == ("no_text", "pdf")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(blank)
    proc = run("match", "--from-file", str(scan))
    assert proc.returncode == 2 and b"couche texte" in proc.stderr and b"Traceback" not in proc.stderr
    binary = tmp_path / "photo.jpg"
    binary.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    proc = run("gap", "data-analyst", "--from-file", str(binary))
    assert proc.returncode == 2 and len(proc.stderr.decode().strip().splitlines()) <= 2


def test_from_file_on_path_and_gap(cli, tmp_path) -> None:
    cv = tmp_path / "cv.md"
    cv.write_text("# Expérience\nAnalyste : Excel, SQL, Power BI\n", encoding="utf-8")
    doc = cli("path", "--from-file", str(cv), "--to", "data-analyst", "-f", "json").json()
    assert doc["from"] is None and {e["skill"] for e in doc["evidence"]} == {"excel", "sql", "power-bi"}
    gap = cli("gap", "data-analyst", "--from-file", str(cv), "-f", "json").json()
    assert {m["skill"] for m in gap["matched"]} >= {"excel", "sql"}
    assert json.dumps(gap)


def test_every_reason_set_aside_has_words_in_both_languages(cli, tmp_path) -> None:
    from ia_metiers.core.reading import SET_ASIDE_REASON
    from ia_metiers.output.messages import t

    for reason in {*SET_ASIDE_REASON.values(), "negated", "wish", "ambiguous", "sense", "vague", "heading"}:
        assert t("reason_" + reason, "fr") and t("reason_" + reason, "en")
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Compétences\nPython, SQL (notions)\n# Centres d'intérêt\nSéjour linguistique à Java (Indonésie)\n"
        "# Objectif\nApprendre le MLOps\n",
        encoding="utf-8",
    )
    doc = cli("match", "--from-file", str(cv), "--top", "1", "-f", "json").json()
    assert [(i["phrase"], i["reason"], i["skill"]) for i in doc["ignored"]] == [
        ("Séjour linguistique", "hobby", "linguistics"),
        ("Java Indonésie", "hobby", "java"),
        ("MLOps", "wish", "mlops"),
    ]
    assert [(e["skill"], e["level"]) for e in doc["evidence"]] == [("python", 2), ("sql", 1)]
    table = " ".join(cli("match", "--from-file", str(cv), "--top", "1").out.split())
    assert "(loisir, pas une compétence du métier)" in table and "souhait, pas une" in table


def test_a_section_title_may_have_eight_words(catalog) -> None:
    """'Avantages sociaux et conditions de travail proposés :' (7 words) opens the benefits: what
    follows it is the employer's offer, not the job's skills."""
    text = (
        "Data analyst (H/F)\n\n# Missions\nAnalyser les ventes avec SQL.\n\n"
        "Avantages sociaux et conditions de travail proposés :\nFormations Coursera en machine learning.\n"
    )
    prof = read_profile(catalog, text=text)
    assert {h.skill: h.level for h in prof.skills.values()} == {"sales": 2, "sql": 2}
    assert [(i.phrase, i.reason) for i in prof.ignored] == [("machine learning", "benefits")]


def test_two_letter_names_in_lower_case_are_words_not_skills(catalog) -> None:
    """'ml', 'bq', 'go' or 'r' in running text are words (a volume, a typo, a verb); 'Go' with its
    capital is the language."""
    for text, skills in (
        ("Préparation de perfusions de 500 ml et pansements.", {"healthcare": 2}),
        ("Une bq de données.", {}),
        ("Ready to go the extra mile.", {}),
        ("Analyses en r et sas.", {"sas": 2}),
        ("Développement en Go et en SQL.", {"go": 2, "sql": 2}),
    ):
        assert {h.skill: h.level for h in read_profile(catalog, text=text).skills.values()} == skills, text

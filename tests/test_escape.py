"""Text in reports stays text: Markdown and HTML escaping, checked against real renderers."""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from ia_metiers.output.escape import markdown_escape

CASES = [
    ("", ""),
    ("Python, SQL", "Python, SQL"),
    ("C++ / C# / .NET / Node.js", "C++ / C# / .NET / Node.js"),
    ("Bac+5 — 45 k€-60 k€ (seed-001, 2024)", "Bac+5 — 45 k€-60 k€ (seed-001, 2024)"),
    ("[click](http://evil)", "\\[click\\](http\\://evil)"),
    ("![x](y.png)", "!\\[x\\](y.png)"),
    ("[x]: https://evil", "\\[x\\]: https\\://evil"),
    ("[^1]", "\\[^1\\]"),
    ("<img src=x onerror=alert(1)>", "\\<img src=x onerror=alert(1)\\>"),
    ("<https://evil>", "\\<https\\://evil\\>"),
    ("a|b", "a\\|b"),
    ("*gras* _it_ **x** __y__", "\\*gras\\* \\_it\\_ \\*\\*x\\*\\* \\_\\_y\\_\\_"),
    ("`code` ```", "\\`code\\` \\`\\`\\`"),
    ("~~barré~~", "\\~\\~barré\\~\\~"),
    ("&lt;b&gt; &amp;", "\\&lt;b\\&gt; \\&amp;"),
    ("$x^2$", "\\$x^2\\$"),
    ("a\\", "a\\\\"),
    ("\\*", "\\\\\\*"),
    ("# titre", "\\# titre"),
    ("C# et F#", "C# et F#"),
    ("> citation", "\\> citation"),
    ("- tiret", "\\- tiret"),
    ("+ plus", "\\+ plus"),
    ("===", "\\==="),
    ("---", "\\---"),
    ("1. un", "1\\. un"),
    ("2024) deux", "2024\\) deux"),
    ("1.5 jours", "1\\.5 jours"),
    ("    code indenté", "code indenté"),
    ("\tà la tabulation", "à la tabulation"),
    ("www.evil.example/x", "www\\.evil.example/x"),
    ("HTTPS://evil ftp://x", "HTTPS\\://evil ftp\\://x"),
    ("ligne\n# deux\n    trois", "ligne\n\\# deux\ntrois"),
    ("fin de ligne  \nsuite\\  ", "fin de ligne\nsuite\\\\"),
    ("0http://x mot.www.x", "0http\\://x mot.www\\.x"),
    ("écrire à a@b.fr", "écrire à a@b.fr"),  # GitHub links it whatever is escaped: to itself
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_markdown_escape(text: str, expected: str) -> None:
    assert markdown_escape(text) == expected


def _commonmark(text: str) -> str:
    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(text)


def _tags(rendered: str) -> set[str]:
    return set(re.findall(r"</?([a-zA-Z0-9]+)", rendered))


# Markdown's punctuation, often, among any printable text (controls are refused upstream)
_PUNCT = st.sampled_from([*"\\`*_[]<>|~&$#+-=!():./@ 0123456789ax\t", "http://", "www.", "&amp;", "```", "<b>", "1. "])
_TEXT = st.lists(_PUNCT | st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_one_line_renders_as_exactly_its_text(text: str) -> None:
    rendered = _commonmark(markdown_escape(text))
    shown = text.strip()  # a paragraph's outer blanks are the renderer's to drop
    if not shown:
        assert _tags(rendered) <= {"p"} and not html.unescape(re.sub("<[^>]+>", "", rendered)).strip(), rendered
        return
    assert rendered.startswith("<p>") and rendered.endswith("</p>\n"), rendered
    assert _tags(rendered) == {"p"}, rendered
    assert html.unescape(rendered[3:-5]).strip() == shown


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=2, max_size=4).map("\n".join))
def test_several_lines_make_no_structure(text: str) -> None:
    rendered = _commonmark(markdown_escape(text))
    assert _tags(rendered) <= {"p"}, rendered


@settings(max_examples=200, deadline=None)
@given(st.lists(_TEXT, min_size=3, max_size=3))
def test_a_table_row_keeps_its_cells(cells: list[str]) -> None:
    row = "| " + " | ".join(markdown_escape(c).replace("\n", "<br>") for c in cells) + " |"
    rendered = _commonmark("| a | b | c |\n|---|---|---|\n" + row + "\n")
    body = rendered.split("<tbody>")[1] if "<tbody>" in rendered else ""
    assert body.count("<td>") + body.count("<td ") == 3, rendered
    assert _tags(rendered) <= {"table", "thead", "tbody", "tr", "th", "td"}, rendered


def test_github_flavoured_markdown_makes_no_link() -> None:
    """GitHub's own renderer (when installed): no link, image or HTML, bare addresses included;
    only a bare e-mail address is linked, to itself."""
    cmarkgfm = pytest.importorskip("cmarkgfm")
    from cmarkgfm.cmark import Options

    @settings(max_examples=400, deadline=None)
    @given(st.lists(_TEXT, min_size=1, max_size=3).map("\n".join))
    def check(text: str) -> None:
        rendered = cmarkgfm.github_flavored_markdown_to_html(markdown_escape(text), options=Options.CMARK_OPT_UNSAFE)
        for href, shown in re.findall(r'<a href="([^"]*)">([^<]*)</a>', rendered):
            assert href.startswith(("mailto:", "xmpp:")) and href.endswith(shown.split(":")[-1]), (text, rendered)
        assert _tags(rendered) - {"a"} <= {"p"}, (text, rendered)

    check()
    for text, _ in CASES[:-1]:
        rendered = cmarkgfm.github_flavored_markdown_to_html(markdown_escape(text), options=Options.CMARK_OPT_UNSAFE)
        assert _tags(rendered) <= {"p"}, (text, rendered)


def test_reports_escape_what_was_typed_and_what_the_catalogue_says(cli, data_dir, tmp_path) -> None:
    """Unknown terms typed by the person and an overlay's names reach a Markdown report as text."""
    overlay = data_dir(
        {
            "roles.yaml": (
                "roles:\n  - id: evil-role\n"
                '    name: {fr: "<img src=x onerror=alert(1)> | [gagné](https://evil) *", en: x}\n'
                "    summary: {fr: x, en: x}\n    required: [python]\n"
                "    salaries: [{region: fr, level: junior, min: 1, max: 2, currency: EUR, basis: role,"
                " source: seed-001, year: 2024}]\n"
            )
        }
    )
    typed = "python, [clic](www.evil.example), <script>alert(1)</script>, a|b, # titre, `x`"
    for cmd in (["match", "-s", typed, "--top", "26"], ["gap", "evil-role", "-s", typed]):
        target = tmp_path / f"{cmd[0]}.md"
        res = cli("--data-dir", str(overlay), *cmd, "--export", str(target))
        assert res.code == 0, res.err
        text = target.read_text(encoding="utf-8")
        rendered = _commonmark(text)
        allowed = {"h1", "h2", "p", "strong", "br", "ol", "ul", "li", "code", "a", "table", "thead", "tbody", "tr", "th", "td"}
        assert not _tags(rendered) - allowed, rendered
        links = re.findall(r'<a href="([^"]*)"', rendered)
        assert all("evil" not in href for href in links), links  # only the cited sources are links
        assert "&lt;img src=x onerror=alert(1)&gt;" in rendered, cmd
        if cmd[0] == "match":
            assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered and "a|b" in rendered


def test_markdown_tables_keep_their_columns() -> None:
    from rich.table import Table

    from ia_metiers.output.export import markdown_document

    table = Table("nom | x", "<b>")
    table.add_row("a | b", "[l](https://evil)\n# deux")
    rendered = _commonmark(markdown_document(table, "t", "fr", []))
    assert rendered.count("<td>") == 2 and rendered.count("<th>") == 2, rendered
    assert "<a" not in rendered and "<b>" not in rendered


def test_html_and_svg_reports_escape_what_was_typed(cli, tmp_path) -> None:
    for ext in ("html", "svg"):
        target = tmp_path / f"r.{ext}"
        assert cli("match", "-s", "python, <script>alert(1)</script>", "--export", str(target)).code == 0
        text = target.read_text(encoding="utf-8")
        assert "<script" not in text and "&lt;script&gt;" in text

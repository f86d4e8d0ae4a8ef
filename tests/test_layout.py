"""The layout engine (output/layout.py) and the charts (output/charts.py): wrapping rules, columns
that fit, bars on a common scale, and Rich left as it is for everyone else in the process."""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from rich.style import Style
from rich.text import Text

from ia_metiers.output import charts
from ia_metiers.output.layout import NB, Column, Para, Records, Sub, breakable, wrap


def plain(lines: list[Text]) -> list[str]:
    return [line.plain for line in lines]


def test_a_no_break_space_holds() -> None:
    assert plain(wrap(Text(f"durée 120{NB}h ici"), 8)) == ["durée", f"120{NB}h", "ici"]


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("le salaire est de 60 000 € par an", 22),
        ("il faut 120 h de travail", 10),
        ("vraiment ? oui ; non : peut-être !", 12),
        ("il a dit « bonjour » hier", 12),
    ],
)
def test_units_and_french_punctuation_never_start_a_line(text: str, width: int) -> None:
    for line in plain(wrap(Text(text), width)):
        assert not re.match(r"^(€|h\b|000|\?|;|:|!|»)", line), (text, line)
        assert not line.endswith("«"), line


def test_breakable() -> None:
    assert breakable("a b", 1)
    assert not breakable("a ;", 1) and not breakable("« a", 1) and not breakable("12 k€", 2)
    assert not breakable("60 000", 2) and breakable("60 0000", 2) is True


def test_words_are_whole_and_long_words_fold_but_links_do_not() -> None:
    assert plain(wrap(Text("abcdefghij xy"), 4)) == ["abcd", "efgh", "ij", "xy"]
    url = "https://example.org/a/very/long/path"
    linked = Text.assemble("voir ", (url, Style(link=url)))
    assert plain(wrap(linked, 12)) == ["voir", url]


def test_bullets_hang_and_lines_never_end_with_blanks() -> None:
    lines = plain(wrap(Text("• un deux trois quatre cinq   "), 12))
    assert lines == ["• un deux", "  trois", "  quatre", "  cinq"]


def test_para_hangs_and_keeps_styles() -> None:
    para = Para(Text.assemble("[1] ", ("gras", "bold"), " et un texte assez long"), hang=4)
    lines = para.lines(14)
    assert plain(lines) == ["[1] gras et un", "    texte", "    assez long"]
    assert any("bold" in str(span.style) for span in lines[0].spans)


def records() -> Records:
    recs = Records([Column("#", numeric=True), Column("Nom"), Column("Détail", wide=60)], label_sep=" : ")
    recs.add("1.", "Data scientist", "un détail", subs=[Sub(Text("→ apprendre Python et SQL"), 2)])
    recs.add("2.", "Ingénieur machine learning", "autre", subs=[])
    return recs


def test_records_at_two_widths() -> None:
    assert plain(records().lines(80)) == [
        " #  Nom                         Détail",
        "─" * 41,
        "1.  Data scientist              un détail",
        "    → apprendre Python et SQL",
        "2.  Ingénieur machine learning  autre",
    ]
    # below its width a column becomes a line under the row, after its header
    assert plain(records().lines(40)) == [
        " #  Nom",
        "─" * 30,
        "1.  Data scientist",
        "    → apprendre Python et SQL",
        "    Détail : un détail",
        "2.  Ingénieur machine learning",
        "    Détail : autre",
    ]


def test_records_fit_the_width_and_wrap_inside_their_column() -> None:
    lines = plain(records().lines(24))
    assert all(len(line) <= 24 for line in lines), lines
    assert lines[2:4] == ["1.  Data scientist", "    → apprendre Python"]


def test_importing_the_renderer_leaves_rich_as_it_is() -> None:
    """No process-wide patching: a plain Console wraps at a no-break space as Rich always does."""
    import rich._wrap

    import ia_metiers.output.render  # noqa: F401

    assert rich._wrap.re_word.pattern == r"\s*\S+\s*"
    con = Console(width=10, file=io.StringIO(), color_system=None, legacy_windows=False, _environ={})
    con.print(Text(f"aaaaaa bbbbb{NB}cccccc"))
    assert [line.strip() for line in con.file.getvalue().splitlines()] == ["aaaaaa", "bbbbb", "cccccc"]
    assert plain(wrap(Text(f"aaaaaa bbbbb{NB}cccccc"), 12)) == ["aaaaaa", f"bbbbb{NB}cccccc"]


def test_nice_scales() -> None:
    assert charts.nice_top(65) == (80.0, 20.0)
    assert charts.nice_top(120) == (150.0, 50.0)
    assert charts.nice_top(11) == (15.0, 5.0)
    assert charts.ticks(80, 20) == [0, 20, 40, 60, 80]


def test_salary_bars_start_at_a_common_zero() -> None:
    """47, 60 and 65 k€ on one scale: three different lengths, light from zero to the band."""
    bars = [charts.Band(v, v, 80, least=20).lines(20)[0].plain for v in (47, 60, 65)]
    ends = [len(b.rstrip()) for b in bars]
    assert ends == sorted(ends) and len(set(ends)) == 3, bars
    assert all(b.startswith(charts.LIGHT) for b in bars)
    band = charts.Band(45, 75, 80).lines(16)[0].plain
    assert band == "░░░░░░░░░██████"


def test_axis_labels_the_scale_with_its_unit_last() -> None:
    line = charts.Axis(80, 20, "k€", "fr").lines(30)[0].plain
    assert line.startswith("0") and line.endswith(f"80{NB}k€")
    assert "40" in line


def test_svg_chart_is_self_contained() -> None:
    svg = charts.svg([charts.Bar("junior", 35, 45, "35–45 k€")], 80, 20, "k€", "fr", "Salaires")
    assert svg.startswith("<svg") and "<script" not in svg and "url(" not in svg
    assert re.findall(r"https?://[^\"]+", svg) == ["http://www.w3.org/2000/svg"]


def test_a_link_longer_than_the_line_is_printed_whole() -> None:
    from ia_metiers.output.formats import rendered
    from ia_metiers.output.render import link

    url = (
        "https://www.francetravail.fr/candidat/vos-services-en-ligne/mes-services-personnalises/lieu-unique-daccompagnement.html"
    )
    text = rendered(Para(Text.assemble("1. ", "Cap emploi", "\n", link(url)), hang=3), width=80)
    assert text == f"1. Cap emploi\n   {url}\n"

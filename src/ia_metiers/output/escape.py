"""Escaping for reports: text (what a person typed, what a catalogue says) shown as text.

Pure functions, no dependency: ``markdown_escape`` for Markdown (CommonMark and GitHub's
flavour); HTML is escaped where it is written (``output.export.html_text``). A report writes
our own structure (headings, tables, bold) around text passed through these, so that the text
can never open a link, an image, HTML, a table cell, a heading or a list.
"""

from __future__ import annotations

import re

# Anywhere in a line: the backslash itself, code spans and fences (`), emphasis (* _), links,
# images and footnotes ([ ]), autolinks and HTML (< >), table cells (|), strikethrough and
# fences (~), entities (&: '&lt;' must stay those four characters) and GitHub's math ($).
_ANYWHERE = re.compile(r"[\\`*_\[\]<>|~&$]")
# GitHub turns bare addresses into links, even glued to a word: 'http://', 'https://', 'ftp://'
# and 'www.' lose theirs with one escaped character. (A bare e-mail address stays linked by
# GitHub whatever is escaped; such a link shows its own target, mailto: only.)
_BARE_LINK = re.compile(r"(?i)(https?|ftp)(:)(?=//)|(www)(\.)")
# At the start of a line: headings (#), list items (- + and '1.' '1)'), setext underlines (= -).
_LINE_START = re.compile(r"[#+\-=]|\d{1,9}(?=[.)])")


def markdown_escape(text: str) -> str:
    """``text`` as literal Markdown text: every character that Markdown could read as syntax is
    backslash-escaped (a backslash before ASCII punctuation always shows that character), and
    the blanks around a line are dropped (at its start they open a code block, two at its end
    break the line). Line breaks are kept: the caller decides what a line break is in its
    output (a space, '<br>')."""
    return "\n".join(_escape_line(line) for line in text.split("\n"))


def _escape_line(line: str) -> str:
    line = _ANYWHERE.sub(r"\\\g<0>", line.strip(" \t"))
    line = _BARE_LINK.sub(lambda m: f"{m[1]}\\{m[2]}" if m[1] else f"{m[3]}\\{m[4]}", line)
    start = _LINE_START.match(line)
    if start is None:
        return line
    if start[0][0].isdigit():  # '1.' -> '1\.'
        return f"{start[0]}\\{line[start.end() :]}"
    return "\\" + line

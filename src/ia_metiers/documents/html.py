"""HTML: the visible text, in one pass over the page (linear in its length, whatever is
unclosed). Scripts, styles, templates, the head and hidden elements are never read; blocks,
list items, headings, rows and cells end words and lines as a browser shows them."""

from __future__ import annotations

import html
import re

from ia_metiers.documents.budget import Budget
from ia_metiers.documents.shape import Builder

_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)")
_MARKUP = re.compile(r"<[A-Za-z/!?]")  # where a tag, an end tag, a comment or a declaration may start
# possessive quantifiers: no backtracking over a long name or value (linear on any input)
_ATTR = re.compile(r"""[\s/]*+(?:([^\s"'>/=]++)(?:\s*+=\s*+(?:(["'])|([^\s>]*+)))?)?""")
_RAW = frozenset({"script", "style", "template", "noscript", "title", "textarea", "iframe", "noembed", "noframes", "xmp"})
_HIDDEN_TAGS = frozenset({"head", "svg", "math", "select", "datalist", "object", "audio", "video", "canvas", "map"})
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen"}
)
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "main", "nav", "aside", "blockquote", "pre",
        "address", "figure", "figcaption", "form", "fieldset", "legend", "details", "summary", "ul", "ol",
        "dl", "dt", "dd", "hr", "center", "body", "html", "caption", "table", "tbody", "thead", "tfoot",
        "option", "label", "button", "menu", "hgroup", "search", "dialog",
    }
)  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HIDING_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SNIFF = re.compile(
    r"<(?:!doctype\s+html|html|head|body|script|iframe|h[1-6]|div|font|table|a|style|title|b|br|p|meta|ul|ol|li|span)[\s/>]",
    re.I,
)
_PROLOG = re.compile(r"\s*(?:<\?[^>]{0,500}>|<!--.{0,4000}?-->|<!doctype[^>]{0,500}>)", re.I | re.S)
_END_TAGS: dict[str, re.Pattern[str]] = {}


def looks_like_html(text: str) -> bool:
    """A page whose first tag (after blanks, XML prolog, comments and doctype) is an HTML one,
    or that has an <html>, <head> or <body> tag near its start."""
    head = text[:8192].lstrip("\ufeff")
    position, found = 0, _PROLOG.match(head)
    while found and found.end() > position:
        position = found.end()
        found = _PROLOG.match(head, position)
    rest = head[position:].lstrip()
    if rest.lower().startswith("<!doctype html") or _SNIFF.match(rest):
        return True
    return re.search(r"<(?:html|head|body)[\s>]", head, re.I) is not None


def read_html(page: str, budget: Budget, out: Builder) -> None:
    """Blocks of the visible text of ``page`` into ``out``."""
    i, n = 0, len(page)
    hidden: str | None = None  # the element whose subtree is hidden, and how many of it are open
    hidden_open = 0
    tables: list[bool] = []  # for each open table: is a row open
    steps = 0
    while i < n and not out.full:
        steps += 1
        if steps % 2048 == 0:
            budget.check_time()
        found = _MARKUP.search(page, i)
        j = found.start() if found else -1
        if j < 0:
            if hidden is None:
                out.text(html.unescape(page[i:]))
            break
        if j > i and hidden is None:
            out.text(html.unescape(page[i:j]))
        if page.startswith("<!--", j):
            end = page.find("-->", j + 4)
            i = n if end < 0 else end + 3
            continue
        if page.startswith(("<!", "<?"), j) or (page.startswith("</", j) and not _TAG.match(page, j)):
            end = page.find(">", j + 2)  # a bogus comment: up to the next '>'
            i = n if end < 0 else end + 1
            continue
        tag = _TAG.match(page, j)
        if tag is None:
            if hidden is None:
                out.text("<")
            i = j + 1
            continue
        closing, name = tag[1] == "/", tag[2].lower()
        i, attrs, self_closing = _attributes(page, tag.end())
        if hidden is not None:
            if name == hidden and name not in _VOID and not self_closing:
                hidden_open += -1 if closing else 1
                if hidden_open == 0:
                    hidden = None
            elif hidden == "head" and name == "body" and not closing:
                hidden = None
            continue
        if closing:
            _end(out, name, tables)
            continue
        if name in _RAW:
            i = _skip_raw(page, name, i)
            continue
        if (name in _HIDDEN_TAGS or _hides(attrs)) and name not in _VOID and not self_closing:
            hidden, hidden_open = name, 1
            continue
        _start(out, name, tables, budget.limits.html_depth)


def _attributes(page: str, k: int) -> tuple[int, dict[str, str], bool]:
    """Where the tag ends, its attributes and whether it closes itself; each step consumes what
    it reads, and a quote left open takes the rest of the page (as a browser does)."""
    attrs: dict[str, str] = {}
    n = len(page)
    self_closing = False
    while k < n:
        found = _ATTR.match(page, k)
        assert found is not None  # the pattern matches the empty string
        start, k = k, found.end()
        value = found[3] or ""
        if found[2]:
            close = page.find(found[2], k)
            if close < 0:
                return n, attrs, False
            value, k = page[k:close], close + 1
        if found[1]:
            attrs[found[1].lower()] = value
        if k < n and page[k] == ">":
            self_closing = page[k - 1] == "/"
            return k + 1, attrs, self_closing
        if k == start:
            k += 1  # a stray quote or '=': step over it
    return n, attrs, self_closing


def _skip_raw(page: str, name: str, k: int) -> int:
    pattern = _END_TAGS.get(name)
    if pattern is None:
        pattern = _END_TAGS.setdefault(name, re.compile(rf"</{name}[\s/>]", re.I))
    found = pattern.search(page, k)
    if found is None:
        return len(page)
    end = page.find(">", found.end() - 1)
    return len(page) if end < 0 else end + 1


def _hides(attrs: dict[str, str]) -> bool:
    return (
        "hidden" in attrs
        or attrs.get("aria-hidden", "").strip().lower() == "true"
        or bool(_HIDING_STYLE.search(attrs.get("style", "")))
    )


def _start(out: Builder, name: str, tables: list[bool], depth: int) -> None:
    if name in _HEADINGS:
        out.open("heading", _HEADINGS[name])
    elif name == "li":
        out.open("item")
    elif name == "br":
        out.end()
    elif name == "table":
        if len(tables) < depth:
            tables.append(False)
        out.end()
    elif name == "tr":
        if not tables:
            tables.append(False)
        if tables[-1]:
            out.end_row()
        out.row()
        tables[-1] = True
    elif name in ("td", "th"):
        out.cell()
    elif name in _BLOCKS:
        out.end()


def _end(out: Builder, name: str, tables: list[bool]) -> None:
    if name in ("td", "th"):
        out.cell()
    elif name == "tr":
        if tables and tables[-1]:
            out.end_row()
            tables[-1] = False
    elif name == "table":
        if tables and tables.pop():
            out.end_row()
        out.end()
    elif name in _HEADINGS or name == "li" or name in _BLOCKS:
        out.end()

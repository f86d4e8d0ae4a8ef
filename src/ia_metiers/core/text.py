"""Text folding shared by every lookup (case, accents, punctuation and spacing), and the one rule
that splits typed terms."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Characters that carry meaning in skill names (C++, C#, .NET, Node.js) are kept.
_SEPARATORS = re.compile(r"[^0-9a-z+#]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_TERMS = re.compile(r"[,;\n]")  # what separates typed terms: commas, semicolons, line ends


def split_terms(values: Iterable[str]) -> list[str]:
    """Typed terms from option values, stdin or a batch line: commas, semicolons and newlines
    separate them; blanks around them and empty ones go."""
    return [part.strip() for value in values for part in _TERMS.split(value) if part.strip()]


def strip_accents(text: str) -> str:
    """Remove combining marks after NFKD decomposition (é -> e, œ stays œ)."""
    decomposed = unicodedata.normalize("NFKD", text)
    out = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return out.replace("œ", "oe").replace("æ", "ae").replace("ß", "ss")


def fold(text: str) -> str:
    """Fold a label for comparison: 'Machine-Learning ' -> 'machine learning'.

    Lower-cases, strips accents, turns punctuation into single spaces but keeps
    '+' and '#', and folds '.net'-style dots between letters into spaces.
    """
    text = strip_accents(text.translate(_APOSTROPHES).casefold())
    return _SEPARATORS.sub(" ", text).strip()


def compact(folded: str) -> str:
    """The folded text without spaces ('tensor flow' -> 'tensorflow')."""
    return folded.replace(" ", "")


def clean_input(text: str, limit: int = 200) -> str:
    """Drop control characters and surrounding space from user text; cap its length."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text).strip()
    return cleaned[:limit]


# Characters that must never reach a terminal from catalogue text: C0 controls (ESC starts the
# escape sequences that recolour, retitle or rewrite a terminal), DEL, C1 controls (U+009B is a
# one-character CSI) and the bidi embeddings, overrides and isolates that reorder what is shown.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def controls(text: str, allowed: str = "") -> list[str]:
    """The distinct control characters of ``text`` (first seen first), except those in ``allowed``."""
    return list(dict.fromkeys(ch for ch in _CONTROLS.findall(text) if ch not in allowed))


def codes(chars: list[str]) -> str:
    """'U+001B, U+202E'."""
    return ", ".join(f"U+{ord(ch):04X}" for ch in chars)


def visible(text: str) -> str:
    """``text`` with every control character written as an escape ('\\x1b', '\\u202e', '\\n'),
    so that it can be shown on one line of a terminal without acting on it."""
    return _CONTROLS.sub(_escape, text)


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escape(found: re.Match[str]) -> str:
    ch = found[0]
    return _NAMED.get(ch) or (f"\\x{ord(ch):02x}" if ord(ch) < 0x100 else f"\\u{ord(ch):04x}")

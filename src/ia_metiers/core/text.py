"""Text folding shared by every lookup: case, accents, punctuation and spacing."""

from __future__ import annotations

import re
import unicodedata

# Characters that carry meaning in skill names (C++, C#, .NET, Node.js) are kept.
_SEPARATORS = re.compile(r"[^0-9a-z+#]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})


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

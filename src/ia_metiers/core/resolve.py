"""Resolve free text (a skill, a role, a job) to a catalogue id, explaining how.

Order: exact id or name, alias, spacing variants, known names inside a longer phrase,
then a guarded fuzzy match (rapidfuzz ``ratio``) for inputs of four characters or more.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ia_metiers.core.record import Frozen, Record, frozen
from ia_metiers.core.text import clean_input, compact, fold

FUZZY_CUTOFF = 85.0  # ratio needed for a fuzzy hit
SUGGEST_CUTOFF = 70.0  # ratio needed to be suggested
MIN_FUZZY_LENGTH = 4  # shorter inputs ("R", "ML", "Go", "SQL") match exactly or not at all
AMBIGUITY_MARGIN = 2.0  # best and second-best skills closer than this: no guess
WORD_CUTOFF = 75.0  # in a phrase, each content word must be this close to one of the other's
MAX_NGRAM = 6
ALSO_SHARE = 0.6  # a phrase this much made of known names names each of them, not only the longest
# fuzzy look-ups in a process after which names are sieved first (the sieve costs 20-30 ms to
# build, repaid in about 300 look-ups: a batch needs it, one command never does)
SIEVE_AFTER = 256
_VERSION = re.compile(r"^(.*?[a-z+#])\s*v?\d+(?:\s\d+)*$")
_PARENS = re.compile(r"\(([^)]*)\)")
FILLERS = (
    "et",
    "and",
    "ou",
    "or",
    "&",
    "de",
    "des",
    "du",
    "d",
    "la",
    "le",
    "les",
    "l",
    "en",
    "with",
    "of",
    "the",
    "in",
    "a",
    "un",
    "une",
    "sur",
    "avec",
)


Method = Literal["exact", "alias", "variant", "contains", "fuzzy", "vague", "none"]  # how an input resolved


@frozen
class Resolution(Frozen):
    """How one input resolved: the id (or None), the method, a 0-100 score, alternatives."""

    input: str
    id: str | None
    method: Method
    score: float
    suggestions: tuple[str, ...] = ()
    also: tuple[str, ...] = ()  # further ids named by the same input ("SQL/NoSQL")


@dataclass(repr=False)
class Vocabulary(Record):
    """Folded names and aliases of one kind of entry, ready for lookups."""

    keys: dict[str, tuple[str, Literal["exact", "alias"]]] = field(default_factory=dict)  # folded -> (id, method)
    vague: dict[str, tuple[str, ...]] = field(default_factory=dict)  # folded word -> suggestions
    # folded ambiguous name -> (its skill or None for any, folded phrases of another sense): inside a
    # longer typed phrase holding one of these ('vision globale'), the name names no skill
    against: dict[str, tuple[tuple[str | None, tuple[str, ...]], ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, entries: Iterable[tuple[str, Iterable[str], Iterable[str]]]) -> Vocabulary:
        """From (id, names, aliases) triples; names count as exact matches."""
        vocab = cls()
        for ident, names, aliases in entries:
            kinds: tuple[tuple[Literal["exact", "alias"], Iterable[str]], ...] = (("exact", [ident, *names]), ("alias", aliases))
            for method, labels in kinds:
                for label in labels:
                    key = fold(label)
                    if key and key not in vocab.keys:
                        vocab.keys[key] = (ident, method)
        return vocab

    def resolve(self, text: str, alternatives: bool = False) -> Resolution:
        """Resolve one input; never raises. ``alternatives`` adds near ids to a hit."""
        found = self._resolve(text)
        if alternatives and found.id and not found.suggestions:
            near = tuple(i for i, s, _ in self._ranked(fold(found.input)) if i != found.id and s >= 70)
            found = Resolution(found.input, found.id, found.method, found.score, near[:3], found.also)
        return found

    def _resolve(self, text: str) -> Resolution:
        raw = clean_input(text)
        key = fold(raw)
        if not key:
            return Resolution(raw, None, "none", 0.0)
        if key in self.vague:  # 'IA': a field, not a skill
            return Resolution(raw, None, "vague", 0.0, self.vague[key])
        direct = self._direct(key)
        if direct:
            ident, method, score = direct
            return Resolution(raw, ident, method, score)
        for variant in _variants(raw, key):
            found = self._direct(variant)
            if found:
                return Resolution(raw, found[0], "variant", 95.0)
            if variant == _outer(raw):  # 'research and development of NLP (natural...) models': each name counts
                outer = self._contains(variant)
                if outer is not None and (outer.also or outer.score >= 90):
                    return Resolution(raw, outer.id, outer.method, outer.score, outer.suggestions, outer.also)
        inside = self._contains(key)
        if inside and inside.score >= 90:  # the phrase is made of known names only
            return Resolution(raw, inside.id, inside.method, inside.score, inside.suggestions, inside.also)
        guess = self._fuzzy(raw, key)
        if guess.id is None and inside:  # a known name inside a longer phrase, no close spelling
            return Resolution(raw, inside.id, inside.method, inside.score, inside.suggestions, inside.also)
        return guess

    def _direct(self, key: str) -> tuple[str, Method, float] | None:
        if key in self.keys:
            ident, method = self.keys[key]
            return ident, method, 100.0
        compact_keys = self.__dict__.get("_compact")
        if compact_keys is None:  # built on the first miss only: most look-ups hit a name
            compact_keys = {}
            for name, (ident, _) in self.keys.items():
                compact_keys.setdefault(compact(name), ident)
            self.__dict__["_compact"] = compact_keys
        found = compact_keys.get(compact(key))
        if found:
            ident = found
            return ident, "variant", 97.0
        return None

    def _contains(self, key: str) -> Resolution | None:
        """Known names inside a longer phrase, as whole words, longest first."""
        words = key.split()
        if len(words) < 2:
            return None
        spans: list[tuple[int, int, str]] = []
        for size in range(min(MAX_NGRAM, len(words)), 0, -1):
            for start in range(len(words) - size + 1):
                gram = " ".join(words[start : start + size])
                hit = self.keys.get(gram)
                if hit is None or (len(gram) < 3 and size == 1) or gram in self.vague:
                    continue
                if self._other_sense(gram, hit[0], key):
                    continue
                if any(s < start + size and start < e for s, e, _ in spans):
                    continue
                spans.append((start, start + size, hit[0]))
        if not spans:
            return None
        covered = {i for s, e, _ in spans for i in range(s, e)}
        rest = [w for i, w in enumerate(words) if i not in covered]
        spans.sort(key=lambda span: (-(span[1] - span[0]), span[0]))
        ids = list(dict.fromkeys(ident for _, _, ident in spans))
        if all(w in FILLERS for w in rest):
            return Resolution(key, ids[0], "contains", 90.0, (), tuple(ids[1:]))
        longest = " ".join(words[spans[0][0] : spans[0][1]])
        if len(longest) < 3:
            return None
        share = sum(len(words[i]) for i in covered) / sum(len(w) for w in words)
        if share >= ALSO_SHARE:  # mostly known names ('sécurité, infrastructure et réseau dans le cloud'): each counts
            return Resolution(key, ids[0], "contains", round(60 + 30 * share, 1), (), tuple(ids[1:]))
        return Resolution(key, ids[0], "contains", round(60 + 30 * share, 1), tuple(ids[1:4]))

    def _other_sense(self, gram: str, ident: str, key: str) -> bool:
        """The phrase ``key`` uses the ambiguous name ``gram`` in another sense than skill ``ident``."""
        padded = f" {key} "
        return any(
            skill in (None, ident) and any(f" {phrase} " in padded for phrase in phrases)
            for skill, phrases in self.against.get(gram, ())
        )

    def _fuzzy(self, raw: str, key: str) -> Resolution:
        ranked = self._ranked(key)
        ids = tuple(i for i, _, _ in ranked)
        if len(key) < MIN_FUZZY_LENGTH or not ranked:
            # short inputs: suggest only close names (a third of 'foo' is not 'cao')
            return Resolution(raw, None, "none", 0.0, tuple(i for i, sc, _ in ranked[:3] if sc >= 75))
        (best, score, choice), rest = ranked[0], ranked[1:]
        ambiguous = rest and score - rest[0][1] < AMBIGUITY_MARGIN
        if score < FUZZY_CUTOFF or ambiguous or not _plausible(key, choice):
            return Resolution(raw, None, "none", 0.0, ids[:3])
        return Resolution(raw, best, "fuzzy", round(score, 1), ids[1:4])

    def _ranked(self, key: str) -> list[tuple[str, float, str]]:
        """(id, best ratio, the name that gave it), at least SUGGEST_CUTOFF, best first."""
        from bisect import bisect_left, bisect_right

        from rapidfuzz import fuzz, process  # imported only when a fuzzy look-up is needed

        by_length = self.__dict__.get("_by_length")
        if by_length is None:  # names sorted by length: only plausible lengths are compared
            names = sorted(self.keys, key=len)
            by_length = self.__dict__["_by_length"] = (names, [len(n) for n in names])
        names, lengths = by_length
        low = bisect_left(lengths, int((len(key) - 1) / 1.5))
        high = bisect_right(lengths, int(1.5 * len(key) + 1))
        self.__dict__["_fuzzy_count"] = count = self.__dict__.get("_fuzzy_count", 0) + 1
        if count > SIEVE_AFTER and len(key) <= _Sieve.LONGEST:  # same hits, fewer names compared
            sieve: _Sieve | None = self.__dict__.get("_sieve")
            if sieve is None:
                sieve = self.__dict__["_sieve"] = _Sieve(names)
            window = sieve.window(key, low, high)
        else:
            window = names[low:high]
        best: dict[str, tuple[float, str]] = {}
        hits = process.extract(key, window, scorer=fuzz.ratio, score_cutoff=SUGGEST_CUTOFF, limit=25)
        for choice, score, _ in hits:
            if not _length_ok(key, choice):
                continue
            ident = self.keys[choice][0]
            if score > best.get(ident, (0.0, ""))[0]:
                best[ident] = (score, choice)
        return sorted(((i, sc, ch) for i, (sc, ch) in best.items()), key=lambda x: (-x[1], x[0]))

    def suggest(self, text: str, limit: int = 3) -> list[str]:
        """Ids close to ``text``, for 'did you mean' messages."""
        key = fold(clean_input(text))
        return [i for i, _, _ in self._ranked(key)[:limit]] if key else []


class _Sieve:
    """Drop, for all names at once, those that cannot reach SUGGEST_CUTOFF, keeping the order of the
    rest, so that ``process.extract`` returns the very same hits (it compares each name it is given,
    and most names of a plausible length are far off).

    ``fuzz.ratio`` is 200 * LCS / (len(a) + len(b)), and the longest common subsequence of a and b
    is at most their common letters counted with repeats: len(a) - deficit, where deficit is the
    sum over the letters of a of how many more times a has them than b. The deficit of every name
    is computed in one Python integer with a byte per name: for each letter of the key, add the
    precomputed integer whose byte i is max(0, times in the key - times in name i). A per-length
    offset then sets the top bit of each byte whose deficit is too large to reach the cutoff.
    """

    LONGEST = 127  # a deficit and an offset stay below 256 in their byte up to this key length

    def __init__(self, names: list[str]) -> None:
        self.names = names
        self.lengths = [len(n) for n in names]
        self.size = len(names)
        self.ones = int.from_bytes(b"\x01" * self.size, "little")
        self.top_bits = self.ones << 7
        counts: dict[tuple[str, int], bytearray] = {}  # (letter, k): byte i is 1 when name i has it k times or more
        for i, name in enumerate(names):
            for letter in set(name):
                for k in range(1, name.count(letter) + 1):
                    found = counts.get((letter, k))
                    if found is None:
                        found = counts[letter, k] = bytearray(self.size)
                    found[i] = 1
        self.lacking: dict[tuple[str, int], int] = {}  # (letter, m): byte i is max(0, m - times in name i)
        for letter in {letter for letter, _ in counts}:
            total, k = 0, 1
            while (letter, k) in counts:
                total += self.ones - int.from_bytes(counts[letter, k], "little")
                self.lacking[letter, k] = total
                k += 1
        self.offsets: dict[int, int] = {}

    def window(self, key: str, low: int, high: int) -> list[str]:
        """names[low:high] less those whose ratio with ``key`` is surely below SUGGEST_CUTOFF."""
        from collections import Counter
        from itertools import compress

        total = self.offsets.get(len(key)) or self._offset(len(key))
        for letter, times in Counter(key).items():
            found = self.lacking.get((letter, times))
            if found is None:  # more of it than any name has: count as many as the most any has, plus the rest
                most = max((k for c, k in self.lacking if c == letter), default=0)
                found = (self.lacking[letter, most] if most else 0) + (times - most) * self.ones
            total += found
        kept = ((total & self.top_bits) ^ self.top_bits) >> (8 * low)
        return list(compress(self.names[low:high], kept.to_bytes(self.size - low, "little")[: high - low]))

    def _offset(self, size: int) -> int:
        """Byte i: 127 - the largest deficit that can still reach the cutoff against name i (at least 0),
        or 128 (never kept) when none can."""
        offsets = bytearray(self.size)
        for i, other in enumerate(self.lengths):
            # 200 * (size - deficit) >= SUGGEST_CUTOFF * (size + other) - 1: a margin for rounding
            most = int((200 * size - SUGGEST_CUTOFF * (size + other) + 1) // 200)
            offsets[i] = 127 - most if 0 <= most <= 127 else 128 if most < 0 else 0
        self.offsets[size] = value = int.from_bytes(offsets, "little")
        return value


def _length_ok(a: str, b: str) -> bool:
    short, long = sorted((len(a), len(b)))
    return long <= 1.5 * short + 1


def _plausible(key: str, choice: str) -> bool:
    """Reject jumps to another thing: a name inside a longer one (java/javascript, lecture/relecture),
    or a phrase whose content words differ ('sécurité des systèmes' is not 'sécurité des modèles')."""
    short, long = sorted((compact(key), compact(choice)), key=len)
    # a word inside another is another word (java/javascript); so is a short word one letter off (deep/deepl)
    if short != long and short in long and (len(long) - len(short) >= 2 or len(short) <= 4):
        return False
    return _words_align(key, choice) and _words_align(choice, key)


def _words_align(a: str, b: str) -> bool:
    """Every content word of ``a`` (not a filler like 'de', 'the') is close to some word of ``b``."""
    from rapidfuzz import fuzz

    words_b = b.split()
    if len(a.split()) < 2 or len(words_b) < 2:
        return True
    return all(any(fuzz.ratio(w, v) >= WORD_CUTOFF for v in words_b) for w in a.split() if w not in FILLERS)


def _outer(raw: str) -> str:
    """The folded text without its parentheses."""
    return fold(_PARENS.sub(" ", raw))


def _variants(raw: str, key: str) -> list[str]:
    """Spellings to try before guessing: no version number, no parenthesis."""
    out: list[str] = []
    version = _VERSION.match(key)
    if version:
        out.append(version.group(1).strip())
    inner = _PARENS.findall(raw)
    if inner:
        out.append(_outer(raw))
        out.extend(fold(part) for part in inner)
    return [v for v in out if v and v != key]

"""Reading prose (a CV, a posting): skills named in the text, with the phrase each came from,
and what was set aside (negated, a goal, a CV heading, an ambiguous name without context).

The words that negate, hedge or head a section are catalogue data (``reading.yaml``): this
module knows their kinds, not any language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import field

from ia_metiers.core.model import DEFAULT_LEVEL, ReadingRule
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.resolve import MAX_NGRAM, Vocabulary
from ia_metiers.core.text import fold

_TOKEN = re.compile(r"[^\W_][\w+#]*")
_SENTENCE = re.compile(r"[.!?;\n\r•·▪●◦|]+(?:\s|$)|\n")
MAX_TEXT = 2_000_000  # characters read from one text


@frozen
class Detected(Frozen):
    """A skill named in the text: the words that named it, the sentence around them, the level."""

    skill: str
    phrase: str
    sentence: str
    level: int = DEFAULT_LEVEL


@frozen
class SetAside(Frozen):
    """Words that named a skill but do not count, and why (negated, wish, heading, ambiguous)."""

    phrase: str
    reason: str
    skill: str | None
    sentence: str = ""


@frozen
class Reading(Frozen):
    """What a text says the person has, and what it names without saying so."""

    detected: list[Detected] = field(default_factory=list)
    ignored: list[SetAside] = field(default_factory=list)


@frozen
class Rules(Frozen):
    """Reading rules folded for look-up: phrase (tuple of folded words) -> rule."""

    markers: dict[tuple[str, ...], ReadingRule]
    headings: frozenset[str]
    ambiguous: dict[str, ReadingRule]  # folded name -> rule
    longest: int

    @classmethod
    def build(cls, rules: Iterable[ReadingRule]) -> Rules:
        markers: dict[tuple[str, ...], ReadingRule] = {}
        headings: set[str] = set()
        ambiguous: dict[str, ReadingRule] = {}
        for rule in rules:
            for word in rule.words:
                key = fold(word)
                if not key:
                    continue
                if rule.kind == "heading":
                    headings.add(key)
                elif rule.kind == "ambiguous":
                    ambiguous[key] = rule
                elif rule.kind in ("negation", "hedge", "wish", "contrast"):
                    markers.setdefault(tuple(key.split()), rule)
        longest = max((len(k) for k in markers), default=1)
        return cls(markers, frozenset(headings), ambiguous, longest)


def read_text(vocab: Vocabulary, rules: Rules, text: str) -> Reading:
    """Skills named in ``text``, sentence by sentence (whole words, no fuzzy guessing).

    Names of one or two letters count only when written in capitals; an ambiguous name counts only
    with a context word in its sentence; skills after a negation or a wish do not count; skills
    after a hedge get its level.
    """
    reading = Reading()
    best: dict[str, Detected] = {}
    for sentence, line in _sentences(text[:MAX_TEXT], rules):
        _read_sentence(vocab, rules, sentence, line, best, reading.ignored)
    reading.detected.extend(best.values())
    return reading


def _sentences(text: str, rules: Rules) -> Iterable[tuple[str, frozenset[str]]]:
    """Lines and sentences; a CV heading line is dropped, 'Heading: rest' keeps the rest."""
    for line in text.splitlines():
        head, colon, rest = line.partition(":")
        if fold(line) in rules.headings:
            continue
        if colon and fold(head) in rules.headings:
            line = rest
        folded = [fold(tok) for tok in _TOKEN.findall(line)]
        context = frozenset(folded) | {" ".join(folded[i : i + 2]) for i in range(len(folded) - 1)}
        for part in _SENTENCE.split(line):
            if part.strip():
                yield part.strip(), context


def _read_sentence(
    vocab: Vocabulary,
    rules: Rules,
    sentence: str,
    words: frozenset[str],
    best: dict[str, Detected],
    ignored: list[SetAside],
) -> None:
    """Skills of one sentence; ``words`` (folded words and word pairs of its line) confirm ambiguous names."""
    tokens = _TOKEN.findall(sentence)
    folded = [fold(tok) for tok in tokens]
    scope: ReadingRule | None = None
    i = 0
    while i < len(tokens):
        marker = _marker(rules, folded, i)
        if marker is not None:
            rule, size = marker
            scope = None if rule.kind == "contrast" else rule
            i += size
            continue
        hit = _name_at(vocab, tokens, folded, i)
        if hit is None:
            i += 1
            continue
        sid, size = hit
        phrase = " ".join(tokens[i : i + size])
        key = " ".join(folded[i : i + size])
        i += size
        if key in vocab.vague:
            ignored.append(SetAside(phrase, "vague", None, sentence))
            continue
        amb = rules.ambiguous.get(key)
        if amb is not None and amb.skill in (None, sid) and not any(fold(c) in words for c in amb.context):
            ignored.append(SetAside(phrase, "ambiguous", sid, sentence))
            continue
        if scope is not None and scope.kind in ("negation", "wish"):
            ignored.append(SetAside(phrase, "negated" if scope.kind == "negation" else "wish", sid, sentence))
            continue
        level = (scope.level or 1) if scope is not None and scope.kind == "hedge" else DEFAULT_LEVEL
        old = best.get(sid)
        if old is None or level > old.level:
            best[sid] = Detected(sid, phrase, sentence, level)


def _marker(rules: Rules, folded: list[str], i: int) -> tuple[ReadingRule, int] | None:
    for size in range(min(rules.longest, len(folded) - i), 0, -1):
        rule = rules.markers.get(tuple(folded[i : i + size]))
        if rule is not None:
            return rule, size
    return None


def _name_at(vocab: Vocabulary, tokens: list[str], folded: list[str], i: int) -> tuple[str, int] | None:
    """The longest skill name starting at token ``i``: (skill id, number of tokens)."""
    for size in range(min(MAX_NGRAM, len(tokens) - i), 0, -1):
        key = " ".join(folded[i : i + size])
        hit = vocab.keys.get(key)
        if hit is None:
            continue
        if size == 1 and len(key) <= 2 and not (tokens[i].isupper() and tokens[i].isalpha()):
            continue
        return hit[0], size
    return None

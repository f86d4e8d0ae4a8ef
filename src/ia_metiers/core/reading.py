"""Reading prose (a CV, a posting): skills named in the text, with the phrase each came from,
and what was set aside (negated, a goal, a hobby, the company's own text, another sense...).

A document is read as sections: a heading's words say whose voice follows (what the person has
done and knows, or what the job asks: ``record``; a goal, hobbies, the company, its benefits, the
hiring process: read apart, crediting nothing). Within a record, each clause is read word by word:
negations and wishes cover the rest of the clause (or only the list of skills right after), levels
bind to the skills they qualify in either order ("notions de SQL", "Docker (notions)"), and an
ambiguous name counts only in the sense the catalogue means. The words are catalogue data
(``reading.yaml``): this module knows their kinds, not any language.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ia_metiers.core.model import DEFAULT_LEVEL, ReadingRule
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.resolve import FILLERS, MAX_NGRAM, Vocabulary
from ia_metiers.core.text import compact, fold

# a word: letters and digits with '+' and '#' (C++, C#), or two letters around '&' (R&D, Q&A)
_TOKEN = re.compile(r"[^\W\d_]&[^\W\d_](?![\w&])|[^\W_][\w+#]*")
# clause ends: full stops, semicolons, bullets (a PDF's glyphs) and line ends
_CLAUSE = re.compile(r"[.!?;•·▪●◦]+(?:\s|$)|\n")
_BULLET = re.compile(r"^\s*(?:[-*+•·▪●◦–—>]|\d{1,2}[.)])\s+")
_MARKUP = re.compile(r"^\s*#{1,6}\s*|\*\*|__|^\s*>\s*")
# words a PDF glued: 'internationalAutonomie', 'COMPÉTENCESPython', '2019Python', 'fin.Début'
_GLUED = re.compile(r"(?<![\w])([a-zß-ÿ]{4,}|[A-ZÀ-Þ]{4,}|[A-ZÀ-Þ][a-zß-ÿ]{4,}|\d{4})([A-ZÀ-Þ][a-zß-ÿ]{2,}\w*)")
_GLUED_STOP = re.compile(r"([a-zß-ÿ]{3,})\.([A-ZÀ-Þ][a-zß-ÿ])")
MAX_TEXT = 2_000_000  # characters read from one text
MAX_HEADING_WORDS = 8  # a longer line is never a section title
# between a skill and the level that follows it ("Python (expert)", "Anglais : courant", "SQL | avancé")
_POSTFIX_GAP = frozenset(" \t([{:-–—=|/,")
_TRANSPARENT = frozenset({"niveau", "level", "niv", "est", "is", "en", "in"})  # "Anglais - niveau C1"
_WITHIN_NAME = frozenset(" \t-–'’./&+")  # what may stand between the words of one name
_PREPOSITIONS = frozenset({"de", "d", "du", "des", "en", "in", "of", "with", "sur", "on", "a", "au", "aux", "avec", "dans"})
# words that may sit between skills of one list ("notions de SQL, de Python et de R")
_LIST_WORDS = frozenset(FILLERS) | {"etc", "notamment", "comme", "such", "as", "including", "ainsi", "que", "plus"}
_HEADING_FILLERS = frozenset(FILLERS) | {
    "nous",
    "vous",
    "votre",
    "vos",
    "notre",
    "nos",
    "our",
    "your",
    "you",
    "we",
    "us",
    "mes",
    "mon",
    "ma",
    "my",
    "a",
    "au",
    "aux",
    "pour",
    "for",
    "to",
    "ce",
    "que",
    "qui",
    "what",
    "are",
    "is",
    "est",
    "at",
}
# why a section's names are set aside (the reasons of SetAside, with negated, wish, ambiguous, sense, vague)
SET_ASIDE_REASON: dict[str, str] = {
    "goal": "wish",
    "hobby": "hobby",
    "company": "company",
    "benefits": "benefits",
    "process": "process",
    "legal": "legal",
}


@frozen
class Detected(Frozen):
    """A skill named in the text: the words that named it, the sentence around them, the level."""

    skill: str
    phrase: str
    sentence: str
    level: int = DEFAULT_LEVEL


@frozen
class SetAside(Frozen):
    """Words that named a skill but do not count, and why (negated, wish, hobby, company, benefits,
    process, legal, ambiguous, sense, vague)."""

    phrase: str
    reason: str
    skill: str | None
    sentence: str = ""


@frozen
class Reading(Frozen):
    """What a text says the person has, and what it names without saying so."""

    detected: list[Detected] = field(default_factory=list)
    ignored: list[SetAside] = field(default_factory=list)


Phrase = tuple[str, ...]


@frozen
class Rules(Frozen):
    """Reading rules folded for look-up (phrases are tuples of folded words)."""

    markers: dict[Phrase, ReadingRule]  # negation, hedge, level, wish, contrast
    patterns: tuple[tuple[Phrase, ReadingRule], ...]  # markers with a '*' (one to three words): "ne * pas"
    sections: dict[Phrase, str]  # a section title's words -> its voice
    voices: dict[Phrase, str]  # words that show a sentence's voice: company | candidate
    senses: dict[str, tuple[ReadingRule, ...]]  # folded name -> its sense rules, in file order
    idioms: frozenset[Phrase]  # phrases that hold a skill's name without naming it
    listing: frozenset[str]  # words that may stand inside a list of skills ("langages", "outils")
    longest: int

    @classmethod
    def build(cls, rules: Iterable[ReadingRule]) -> Rules:
        markers: dict[Phrase, ReadingRule] = {}
        patterns: list[tuple[Phrase, ReadingRule]] = []
        sections: dict[Phrase, str] = {}
        voices: dict[Phrase, str] = {}
        senses: dict[str, list[ReadingRule]] = {}
        idioms: set[Phrase] = set()
        listing: set[str] = set(_LIST_WORDS)
        for rule in rules:
            for word in rule.words:
                key = fold(word)
                if not key and word.strip() != "*":
                    continue
                phrase = tuple(w for w in re.split(r"\s+", fold(word.replace("*", " STAR "))) if w)
                phrase = tuple("*" if w == "star" else w for w in phrase)
                if rule.kind == "heading":
                    sections.setdefault(phrase, "record")
                elif rule.kind == "section":
                    sections.setdefault(phrase, rule.voice or "record")
                elif rule.kind == "voice" and rule.voice:
                    voices.setdefault(phrase, rule.voice)
                elif rule.kind == "ambiguous":
                    senses.setdefault(key, []).append(rule)
                elif rule.kind == "idiom":
                    idioms.add(phrase)
                elif rule.kind == "list":
                    listing.update(phrase)
                elif rule.kind in ("negation", "hedge", "level", "wish", "contrast"):
                    if "*" in phrase:
                        patterns.append((phrase, rule))
                    else:
                        markers.setdefault(phrase, rule)
        longest = max((len(k) for k in (*markers, *idioms, *voices, *sections)), default=1)
        return cls(
            markers,
            tuple(patterns),
            sections,
            voices,
            {k: tuple(v) for k, v in senses.items()},
            frozenset(idioms),
            frozenset(listing),
            longest,
        )


def read_text(vocab: Vocabulary, rules: Rules, text: str) -> Reading:
    """Skills named in ``text`` (whole words, no fuzzy guessing), section by section.

    Names of one or two letters count only when written in capitals; an ambiguous name counts only
    in the sense its rule confirms; skills after a negation or a wish do not count; a level word
    sets the level of the skills it qualifies; what a goal, hobby, company, benefits or process
    section names is set aside with that reason.
    """
    reading = Reading()
    found: dict[str, list[Detected]] = {}  # skill -> its mentions, in order
    for unit in _units(vocab, rules, text[:MAX_TEXT]):
        _read_clause(vocab, rules, unit, found, reading.ignored)
    # each skill once, at the highest level a mention gives (the first such mention)
    reading.detected.extend(max(mentions, key=lambda d: d.level) for mentions in found.values())
    return reading


@frozen
class _Unit(Frozen):
    """One clause to read, with what surrounds it."""

    clause: str
    voice: str | None  # the section's voice (None: before any known section title)
    context: frozenset[str]  # folded words and phrases of its line, the line before and the section title


@frozen
class _Line(Frozen):
    """One line of text under its section."""

    body: str  # without list marks and markup
    voice: str | None  # the section's voice (None: before any known section title)
    title: frozenset[str]  # folded words of the section title
    previous: frozenset[str]  # folded words of the line before
    words: frozenset[str]  # folded words of this line
    bullet: bool


def _lines(vocab: Vocabulary, rules: Rules, text: str) -> Iterator[_Line]:
    """Lines of the text with their section; section titles themselves are not yielded."""
    voice: str | None = None
    title: frozenset[str] = frozenset()
    previous: frozenset[str] = frozenset()
    for raw in text.splitlines():
        line = _unglue(vocab, raw)
        bullet = bool(_BULLET.match(line))
        marked = bool(re.match(r"^\s*#{1,6}\s", line)) or line.strip().startswith("**")
        body = _MARKUP.sub(" ", _BULLET.sub(" ", line, count=1)).strip()
        if not body:
            continue
        words = _grams(body)
        heading = None if bullet else _section(rules, body, marked)
        if heading is not None:
            voice, title, previous = heading, words, words
            continue
        yield _Line(body, voice, title, previous, words, bullet)
        previous = words


def _units(vocab: Vocabulary, rules: Rules, text: str) -> Iterator[_Unit]:
    """Clauses of the text, each with its section's voice."""
    for line in _lines(vocab, rules, text):
        body, line_voice = line.body, line.voice
        head, colon, rest = body.partition(":")
        if colon and not line.bullet and rest.strip():
            inline = _section(rules, head, False)
            if inline is not None:  # "Compétences : Python, SQL" (this line only)
                line_voice, body = inline, rest
        context = line.words | line.previous | line.title
        for part in _CLAUSE.split(body):
            if part.strip():
                yield _Unit(part.strip(), line_voice, context)


def job_lines(vocab: Vocabulary, rules: Rules, text: str, head: int = 6) -> Iterator[str]:
    """Lines of a CV that may name the person's job: the first ``head`` lines before any section
    title (the title under the name), then the lines of its experience sections, in order."""
    before = 0
    for line in _lines(vocab, rules, text[:MAX_TEXT]):
        if line.voice is None and before < head:
            before += 1
            yield line.body
        elif line.voice == "experience":
            yield line.body


def _unglue(vocab: Vocabulary, line: str) -> str:
    """Split words a PDF glued together, unless the glued word is itself a known name (TensorFlow)."""
    if not any(c.isupper() for c in line):
        return line
    known = _compact_keys(vocab)

    def split(found: re.Match[str]) -> str:
        whole = found[0]
        return whole if compact(fold(whole)) in known else f"{found[1]} {found[2]}"

    line = _GLUED_STOP.sub(r"\1. \2", line)
    return _GLUED.sub(split, line)


def _compact_keys(vocab: Vocabulary) -> frozenset[str]:
    cached: frozenset[str] | None = vocab.__dict__.get("_reading_compact")
    if cached is None:
        cached = vocab.__dict__["_reading_compact"] = frozenset(compact(k) for k in vocab.keys)
    return cached


def _grams(text: str) -> frozenset[str]:
    """Folded words of ``text`` and their runs of two to four."""
    words = [fold(t) for t in _TOKEN.findall(text)]
    out = set(words)
    for size in (2, 3, 4):
        out.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
    return frozenset(out)


def _section(rules: Rules, line: str, marked: bool) -> str | None:
    """The voice of a section title, or None when ``line`` is not one.

    A title is short and has no final full stop; its known title words must make up more than half
    of its words (any share when it is marked as a title: '# ...', '**...**', 'TITLE', 'Title:')."""
    text = line.strip().rstrip(":").strip().strip("*_").strip()
    if not text or text[-1] in ".!?," or len(text) > 80:
        return None
    words = [fold(t) for t in _TOKEN.findall(text)]
    if not words or len(words) > MAX_HEADING_WORDS:
        return None
    marked = marked or line.rstrip().endswith(":") or (text.isupper() and len(text) > 3)
    content = {i for i, w in enumerate(words) if w not in _HEADING_FILLERS}
    covered: set[int] = set()
    by_voice: dict[str, int] = {}  # voice -> content words its phrases cover (first found first)
    i = 0
    while i < len(words):
        for size in range(min(len(words) - i, 6), 0, -1):
            voice = rules.sections.get(tuple(words[i : i + size]))
            if voice is not None:
                span = set(range(i, i + size))
                covered |= span
                by_voice[voice] = by_voice.get(voice, 0) + len(span & content)
                i += size
                break
        else:
            i += 1
    if not by_voice:
        return None
    share = len(covered & content) / len(content) if content else 1.0
    if not marked and share <= 0.5:
        return None
    return max(by_voice, key=lambda v: by_voice[v])  # ties: the first found


@dataclass(slots=True)
class _Scope:
    rule: ReadingRule
    depth: int  # parenthesis depth where it began: a closing parenthesis below it ends it


def _read_clause(
    vocab: Vocabulary,
    rules: Rules,
    unit: _Unit,
    found: dict[str, list[Detected]],
    ignored: list[SetAside],
) -> None:
    """Skills of one clause, into ``found`` (each mention of a skill) or ``ignored``."""
    clause = unit.clause
    spans = [(m.start(), m.end()) for m in _TOKEN.finditer(clause)]
    tokens = [clause[s:e] for s, e in spans]
    folded = [fold(t) for t in tokens]
    gaps = [clause[spans[k - 1][1] if k else 0 : spans[k][0]] if k < len(spans) else "" for k in range(len(spans))]
    after = [clause[spans[k][1] : spans[k + 1][0]] if k + 1 < len(spans) else clause[spans[k][1] :] for k in range(len(spans))]
    sentence_words = _grams(clause)
    voice = unit.voice
    if voice is None and _company_voice(rules, folded):
        voice = "company"
    aside = SET_ASIDE_REASON.get(voice or "record")
    clause_scope: _Scope | None = None  # a negation or a wish, to the end of the clause
    list_scope: _Scope | None = None  # a level or a short negation, over the list of skills right after
    last: tuple[str, int] | None = None  # the last skill credited and the index of its last word
    depth = 0
    i = 0
    while i < len(tokens):
        depth += gaps[i].count("(") - gaps[i].count(")")
        depth = max(depth, 0)
        for scope_name in ("clause_scope", "list_scope"):
            scope = clause_scope if scope_name == "clause_scope" else list_scope
            if scope is not None and depth < scope.depth:
                if scope_name == "clause_scope":
                    clause_scope = None
                else:
                    list_scope = None
        if list_scope is not None and list_scope.rule.kind == "negation" and "," in gaps[i]:
            list_scope = None  # 'sauf Java, Python avancé': a comma ends a short negation's list
        marker = _marker(rules, folded, i)
        name = _name_at(vocab, tokens, folded, i, gaps)
        idiom = _idiom(rules, folded, i)
        if idiom and (name is None or idiom >= name[1]) and (marker is None or idiom >= marker[1]):
            inner = [hit for k in range(i, i + idiom) if (hit := _name_at(vocab, tokens, folded, k, gaps)) is not None]
            if inner:  # a skill's name in another sense ("séjour linguistique")
                ignored.append(SetAside(" ".join(tokens[i : i + idiom]), aside or "sense", inner[0][0], clause))
            list_scope = None
            i += idiom
            continue
        if marker is not None and (name is None or marker[1] >= name[1]):
            rule, size = marker
            if rule.kind == "contrast":
                clause_scope = list_scope = None
            elif rule.kind in ("hedge", "level"):
                if _postfix(tokens, folded, gaps, after, i, size, last, vocab):
                    assert last is not None
                    mention = found[last[0]][-1]  # the level qualifies this very mention
                    found[last[0]][-1] = Detected(mention.skill, mention.phrase, mention.sentence, rule.level or 1)
                    list_scope = None
                else:
                    list_scope = _Scope(rule, depth)
            elif rule.kind == "negation" and rule.scope == "item":
                list_scope = _Scope(rule, depth)
            else:
                clause_scope = _Scope(rule, depth)
            i += size
            continue
        if name is None:
            if list_scope is not None and folded[i] not in rules.listing:
                list_scope = None
            i += 1
            continue
        sid, size = name
        phrase = " ".join(tokens[i : i + size])
        key = " ".join(folded[i : i + size])
        i += size
        if aside is not None:  # a goal, a hobby, the company's text...: whatever sense the word has
            ignored.append(SetAside(phrase, aside, sid, clause))
            continue
        sense = _sense(rules, key, sid, unit.context, sentence_words)
        if key in vocab.vague and (sense == sid or isinstance(sense, tuple)):
            ignored.append(SetAside(phrase, "vague", None, clause))  # no sense rule chose a skill
            continue
        if isinstance(sense, tuple):
            ignored.append(SetAside(phrase, sense[0], sense[1], clause))
            continue
        sid = sense
        negating = [s for s in (clause_scope, list_scope) if s is not None and s.rule.kind in ("negation", "wish")]
        if negating:
            reason = "negated" if negating[0].rule.kind == "negation" else "wish"
            ignored.append(SetAside(phrase, reason, sid, clause))
            continue
        stated = list_scope is not None and list_scope.rule.kind in ("hedge", "level")
        level = (list_scope.rule.level or DEFAULT_LEVEL) if stated and list_scope is not None else DEFAULT_LEVEL
        found.setdefault(sid, []).append(Detected(sid, phrase, clause, level))
        last = (sid, i - 1)


def _company_voice(rules: Rules, folded: list[str]) -> bool:
    """A sentence in the company's voice ('nous sommes un leader...') that does not address the
    candidate ('vous', 'we are looking for')."""
    company = candidate = False
    for k in range(len(folded)):
        for size in range(min(rules.longest, len(folded) - k), 0, -1):
            voice = rules.voices.get(tuple(folded[k : k + size]))
            if voice is not None:
                company |= voice == "company"
                candidate |= voice == "candidate"
                break
    return company and not candidate


def _postfix(
    tokens: list[str],
    folded: list[str],
    gaps: list[str],
    after: list[str],
    i: int,
    size: int,
    last: tuple[str, int] | None,
    vocab: Vocabulary,
) -> bool:
    """Whether the level word at ``i`` qualifies the skill before it ('Docker (notions)') rather
    than the skills after it ('notions de SQL')."""
    if last is None:
        return False
    k = i
    while k - 1 > last[1] and folded[k - 1] in _TRANSPARENT:
        k -= 1
    if k - 1 != last[1] or not set(gaps[k]) <= _POSTFIX_GAP:
        return False
    if "(" in gaps[k] or "|" in gaps[k]:
        return True
    nxt = i + size
    if nxt < len(tokens) and (folded[nxt] in _PREPOSITIONS or _name_at(vocab, tokens, folded, nxt, gaps) is not None):
        return bool(set(after[nxt - 1]) & set(",;)|"))  # "Python avancé, SQL": a comma keeps it with Python
    return True


def _sense(rules: Rules, key: str, sid: str, context: frozenset[str], sentence: frozenset[str]) -> str | tuple[str, str | None]:
    """The skill an ambiguous name stands for here, or (reason, skill) when it counts for none.

    A word of another sense in the sentence (``against``) rules out the catalogue's own sense; a
    sense with ``context`` counts only when one of its words is near; a sense without counts
    unless ruled out."""
    senses = rules.senses.get(key)
    if not senses:
        return sid
    ruled_out = any(fold(w) in sentence for rule in senses if rule.skill in (None, sid) for w in rule.against)
    default = False
    for rule in senses:
        own = rule.skill in (None, sid)
        if own and ruled_out:
            continue
        if any(fold(w) in sentence for w in rule.against):
            continue
        if not rule.context:
            default = default or own
        elif any(fold(w) in context for w in rule.context):
            return rule.skill or sid
    if default:
        return sid
    return ("sense", senses[0].skill or sid) if ruled_out else ("ambiguous", senses[0].skill or sid)


def _marker(rules: Rules, folded: list[str], i: int) -> tuple[ReadingRule, int] | None:
    for size in range(min(rules.longest, len(folded) - i), 0, -1):
        rule = rules.markers.get(tuple(folded[i : i + size]))
        if rule is not None:
            return rule, size
    for phrase, rule in rules.patterns:
        size = _match_pattern(phrase, folded, i)
        if size:
            return rule, size
    return None


def _match_pattern(phrase: Phrase, folded: list[str], i: int) -> int:
    """Words matched by ``phrase`` at ``i`` ('*' stands for one to three words), 0 when none."""
    size = _pattern_size(phrase, folded, i)
    return size or 0


def _pattern_size(phrase: Phrase, folded: list[str], i: int) -> int | None:
    if not phrase:
        return 0
    head, rest = phrase[0], phrase[1:]
    if head == "*":
        for skip in (1, 2, 3):
            if i + skip < len(folded) or (not rest and i + skip <= len(folded)):
                tail = _pattern_size(rest, folded, i + skip)
                if tail is not None:
                    return skip + tail
        return None
    if i < len(folded) and folded[i] == head:
        tail = _pattern_size(rest, folded, i + 1)
        return None if tail is None else 1 + tail
    return None


def _idiom(rules: Rules, folded: list[str], i: int) -> int:
    for size in range(min(rules.longest, len(folded) - i), 0, -1):
        if tuple(folded[i : i + size]) in rules.idioms:
            return size
    return 0


def _name_at(
    vocab: Vocabulary, tokens: list[str], folded: list[str], i: int, gaps: list[str] | None = None
) -> tuple[str, int] | None:
    """The longest skill name starting at token ``i``: (skill id, number of tokens). A name never
    spans a comma, a parenthesis or a table cell ("sécurité, réseau" is two words, not "sécurité réseau")."""
    longest = min(MAX_NGRAM, len(tokens) - i)
    if gaps is not None:
        for k in range(i + 1, i + longest):
            if not set(gaps[k]) <= _WITHIN_NAME:
                longest = k - i
                break
    for size in range(longest, 0, -1):
        key = " ".join(folded[i : i + size])
        hit = vocab.keys.get(key)
        if hit is None:
            continue
        if size == 1 and len(key) <= 2 and not (tokens[i][0].isupper() and (len(tokens[i]) > 1 or tokens[i].isalpha())):
            continue  # 'R', 'C#', 'Go', 'S3' with a capital only (their sense rules decide the rest)
        return hit[0], size
    return None

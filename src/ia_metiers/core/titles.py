"""Job titles as people type them: 'Assistante RH (H/F) junior', 'prof de maths', 'marketing'.

A title is a job only when its head words say so. A title that names a job's name or alias (gender
marks and modifiers aside) is that job. A title that holds a job's name at its head with more words
is that job only when the other words cannot make it another one: a place ('en lycée'), a code
('SPL'), a word of the job's own names, or a skill the job brings; a complement naming something
else ('facteur de harpes', 'architecte base de données') or a name found after the head ('ingénieur
électricien') gives suggestions, never a silent guess. How a title was found is told by
:attr:`Title.match`: ``exact``, ``alias`` (an alias, a spelling, a ROME appellation) or
``approximate`` (a shortening, a specialisation, a typo: the answer says what it understood).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Literal, Protocol

from ia_metiers.core.catalog import Catalog
from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.resolve import FILLERS, Method, Resolution
from ia_metiers.core.text import fold

_GENDER = re.compile(
    r"\(\s*(?:h\s*/\s*f|f\s*/\s*h|e|fe|ne|se|ère|ere|euse|rice|trice|m\s*/\s*f|f\s*/\s*m)\s*\)|"
    r"\b(?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*f|f\s*/\s*m|h/f/x|f/h/x)\b",
    re.IGNORECASE,
)
_WORDS = re.compile(r"[^\W_][\w+#&]*")
_PAIR = re.compile(r"^([^\W\d_][\w'’-]*)\s*/\s*([^\W\d_][\w'’-]*)(\s.*)?$")
_PLACES = frozenset({"en", "au", "aux", "a", "dans", "chez", "at", "in"})  # 'en crèche', 'in a hospital'
_COMPLEMENTS = frozenset({"de", "d", "du", "des", "of", "pour", "for"})  # 'facteur de harpes': the object of the trade
Match = Literal["exact", "alias", "approximate"]  # how a title was found, as the person is told
MATCH: dict[str, Match] = {  # each method, as the person is told
    "exact": "exact",
    "alias": "alias",
    "variant": "alias",
    "rome": "alias",
    "partial": "approximate",
    "head": "approximate",
    "fuzzy": "approximate",
}


@frozen
class Title(Frozen):
    """What a typed title was understood as: a job, a role, or nothing (with suggestions)."""

    text: str
    kind: Literal["job", "role", "none"]
    id: str | None
    method: Method | Literal["rome", "partial", "head"]  # rome: a ROME appellation; partial/head: some of a job's words
    suggestions: tuple[str, ...] = ()
    fiche: str | None = None  # the ROME fiche an appellation named (method "rome")

    @property
    def match(self) -> Match | None:
        """exact | alias | approximate (None when nothing was found)."""
        return MATCH.get(self.method)


class RomeIndex(Protocol):
    """ROME appellations as imported by ``ia-metiers data import rome`` (catalog.userdata)."""

    def fiches(self, folded_title: str) -> tuple[str, ...]:
        """The fiche codes of the appellations spelt ``folded_title`` (each followed by its main fiche)."""
        ...


def clean_title(catalog: Catalog, text: str) -> str:
    """The title without gender marks and modifiers (junior, senior, confirmé, CDI...)."""
    text = _GENDER.sub(" ", text)
    words = fold(text).split()
    modifiers = catalog.title_modifiers
    kept = [w for w in words if w not in modifiers]
    while kept and kept[-1] in FILLERS:  # 'AS de nuit' -> 'as de' -> 'as'
        kept.pop()
    return " ".join(kept) if kept else " ".join(words)


def find_title(catalog: Catalog, text: str, rome: RomeIndex | None = None) -> Title:
    """Resolve a current job or an AI role from a title; with an imported ROME, a title that is
    a ROME appellation names the family of its fiche (when nothing in the catalogue names it)."""
    pair = _PAIR.match(text.strip())
    if pair:  # 'Conducteur / Conductrice de poids lourd': each form with the rest of the title
        for form in (pair[1] + (pair[3] or ""), pair[2] + (pair[3] or "")):
            found = find_title(catalog, form, rome)
            if found.id is not None:
                return Title(text, found.kind, found.id, found.method, found.suggestions, found.fiche)
        text = pair[1] + (pair[3] or "")
    direct = ("exact", "alias", "variant")
    for candidate in dict.fromkeys([text, clean_title(catalog, text)]):
        as_job = catalog.job_vocab.resolve(candidate)
        if as_job.id is not None and as_job.method in direct:
            return Title(text, "job", as_job.id, as_job.method)
        as_role = catalog.role_vocab.resolve(candidate)  # only when no job is named (no fuzzy look-up for nothing)
        if as_role.id is not None and as_role.method in direct:
            return Title(text, "role", as_role.id, as_role.method)
    key = clean_title(catalog, text)
    if rome is not None:
        for candidate in dict.fromkeys([fold(_GENDER.sub(" ", text)), key]):
            for code in rome.fiches(candidate):
                families = rome_families(catalog).get(code)
                if families:
                    return Title(text, "job", families[0], "rome", fiche=code)
    codes = {fold(w) for w in _WORDS.findall(_GENDER.sub(" ", text)) if w.isupper() and len(w) > 1}
    head, refused = _head(catalog, key, codes)
    if head is not None:
        return Title(text, "job", head, "head")
    loose = _partial(catalog, key)
    partial = [i for i in loose if _shortens(catalog, i, key)]
    named = sorted((extra, i) for i in partial if (extra := _extra_words(catalog, i, key)) is not None)
    if len(partial) == 1 or (named and (len(named) == 1 or named[0][0] < named[1][0])):
        return Title(text, "job", named[0][1] if named else partial[0], "partial")
    as_job, as_role = catalog.job_vocab.resolve(key), catalog.role_vocab.resolve(key)
    guesses: tuple[tuple[Literal["job", "role"], Resolution], ...] = (("job", as_job), ("role", as_role))
    for kind, guess in guesses:
        if guess.id is not None and guess.method == "fuzzy" and not partial and not refused:
            return Title(text, kind, guess.id, "fuzzy")  # a typo of one name ('boulangé')
    near = [
        i
        for i in dict.fromkeys([*refused, *catalog.job_vocab.suggest(key, 6), *catalog.role_vocab.suggest(key, 6)])
        if _shares_a_word(catalog, i, key)
    ]
    return Title(text, "none", None, "none", tuple(dict.fromkeys([*refused, *loose, *near]))[:4])


def rome_families(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """ROME fiche code -> the job families that list it (built once a catalogue)."""
    index: dict[str, tuple[str, ...]] | None = catalog.__dict__.get("_rome_families")
    if index is None:
        found: dict[str, list[str]] = {}
        for job in catalog.jobs.values():
            for code in job.rome:
                found.setdefault(code, []).append(job.id)
        index = {code: tuple(ids) for code, ids in found.items()}
        catalog.__dict__["_rome_families"] = index
    return index


def _head(catalog: Catalog, key: str, codes: set[str]) -> tuple[str | None, list[str]]:
    """The job whose name or alias starts the title when the other words cannot make it another
    job; else None and the jobs whose name stands in the title (to suggest)."""
    words = key.split()
    refused: list[str] = []
    for size in range(len(words) - 1, 0, -1):
        found = catalog.job_vocab.keys.get(" ".join(words[:size]))
        if found is None:
            continue
        ident = found[0]
        if _qualifies(catalog, ident, words[size:], codes):
            return ident, refused
        refused.append(ident)
        break
    for start in range(1, len(words)):  # a job named after the head ('ingénieur électricien')
        for size in range(len(words) - start, 0, -1):
            found = catalog.job_vocab.keys.get(" ".join(words[start : start + size]))
            if found is not None and found[0] not in refused:
                refused.append(found[0])
                break
    return None, refused


def _qualifies(catalog: Catalog, ident: str, rest: list[str], codes: set[str]) -> bool:
    """Whether the words after a job's name only qualify it: a place ('en crèche'), a code ('SPL'),
    words of the job's own names ('de bloc'), a skill it brings or a kind of one ('gros œuvre'),
    an adjective; never the name of another job or skill, nor an unknown complement ('de harpes')."""
    own = _own_words(catalog, ident)
    brings = {r.skill for r in catalog.jobs[ident].skills} if ident in catalog.jobs else set()
    i = 0
    while i < len(rest):
        word = rest[i]
        if word in codes or word in own or word in catalog.title_modifiers:
            i += 1
            continue
        if word in _PLACES:  # a place: the word after it does not change the job
            i += 2
            continue
        skill = _longest(catalog.skill_vocab.keys, rest, i)
        if skill is not None:
            sid, size = skill
            if not _family(catalog, {sid}) & _family(catalog, brings):
                return False  # 'architecte base de données': a skill far from the job
            i += size
            continue
        if _longest(catalog.job_vocab.keys, rest, i) is not None or _longest(catalog.role_vocab.keys, rest, i):
            return False  # another job's name
        if word in _COMPLEMENTS or word in FILLERS:
            following = [w for w in rest[i + 1 :] if w not in FILLERS]
            if any(w not in own and w not in codes for w in following):
                return False  # 'facteur de harpes': a complement the job's names do not know
            i += 1
            continue
        if len(word) > 3 and len(_job_words(catalog).get(word, ())) == 1:
            return False  # a word only another job's names hold ('rédacteur sinistre': claims)
        i += 1  # an adjective or a specialty word ('bio', 'céréalier', 'frais')
    return True


def _family(catalog: Catalog, skills: Iterable[str]) -> set[str]:
    """The skills and every family above them."""
    return {a for s in skills for a in (s, *catalog.ancestors.get(s, ()))}


def _job_words(catalog: Catalog) -> dict[str, tuple[str, ...]]:
    """Word of a job's names -> the jobs whose names hold it (built once a catalogue)."""
    index: dict[str, tuple[str, ...]] | None = catalog.__dict__.get("_job_words")
    if index is None:
        found: dict[str, set[str]] = {}
        for ident in catalog.jobs:
            for word in _own_words(catalog, ident):
                found.setdefault(word, set()).add(ident)
        index = {w: tuple(sorted(ids)) for w, ids in found.items()}
        catalog.__dict__["_job_words"] = index
    return index


def _longest(keys: Mapping[str, tuple[str, str]], words: list[str], i: int) -> tuple[str, int] | None:
    for size in range(len(words) - i, 0, -1):
        gram = " ".join(words[i : i + size])
        if len(gram) > 2 and gram in keys:
            return keys[gram][0], size
    return None


def _own_words(catalog: Catalog, ident: str) -> set[str]:
    entry = catalog.jobs.get(ident) or catalog.roles.get(ident)
    if entry is None:
        return set()
    return {w for label in (entry.name.fr, entry.name.en, *entry.aliases) for w in fold(label).split()} - set(FILLERS)


def _shortens(catalog: Catalog, ident: str, key: str) -> bool:
    """A title that is part of a job's name names that job only when the words it leaves out are
    the name's generic head ('marketing' for 'responsable marketing'), not what makes it special
    ('trader' for 'trader média')."""
    entry = catalog.jobs.get(ident)
    if entry is None:
        return False
    typed = [w for w in key.split() if w not in FILLERS]
    for label in (entry.name.fr, entry.name.en, *entry.aliases):
        for part in label.split("/"):
            words = [w for w in fold(part).split() if w not in FILLERS]
            if all(w in words for w in typed):
                left = [w for w in words if w not in typed]
                if all(w in catalog.title_heads for w in left):
                    return True
    return False


def _extra_words(catalog: Catalog, ident: str, key: str) -> int | None:
    """How many more words than ``key`` the closest part of the job's own name has ('chargé de
    marketing / responsable marketing' -> 1 for 'marketing'); None when no part holds them all."""
    entry = catalog.jobs.get(ident) or catalog.roles.get(ident)
    if entry is None:
        return None
    words = [w for w in key.split() if w not in FILLERS]
    best = None
    for name in (entry.name.fr, entry.name.en):
        for part in name.split("/"):
            have = [w for w in fold(part).split() if w not in FILLERS]
            if all(w in have for w in words):
                extra = len(have) - len(words)
                best = extra if best is None else min(best, extra)
    return best


def _shares_a_word(catalog: Catalog, ident: str, key: str) -> bool:
    """A suggestion is plausible when a word of its names is close to a word of the input."""
    from rapidfuzz import fuzz

    entry = catalog.jobs.get(ident) or catalog.roles.get(ident)
    if entry is None:
        return False
    labels = [fold(x) for x in (entry.name.fr, entry.name.en, *entry.aliases)]
    words = [w for w in key.split() if len(w) > 2 and w not in FILLERS]
    return any(fuzz.ratio(w, v) >= 80 for label in labels for v in label.split() for w in words)


def _partial(catalog: Catalog, key: str) -> list[str]:
    """Jobs one of whose names or aliases contains every word of ``key`` as whole words."""
    words = [w for w in key.split() if w not in FILLERS and len(w) > 1]
    if not words or all(len(w) < 3 for w in words):
        return []
    found: list[str] = []
    for name, (ident, _method) in catalog.job_vocab.keys.items():
        have = name.split()
        if all(w in have for w in words) and ident not in found:
            found.append(ident)
    return found


# ---------------------------------------------------------------- the current job in a CV

_SEPARATORS = re.compile(r"\s+[-–—|•·@]\s+|\s*[|,;(){}\[\]]\s*|\s+(?:chez|at|pour|for|au sein de|within)\s+", re.IGNORECASE)
_DATES = re.compile(
    r"\b(?:(?:depuis|since|de|from|du|à|to|au|jusqu'à)\s+)?"
    r"(?:(?:janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)"
    r"[a-zéû]*\.?\s+)?(?:19|20)\d\d\b|\b\d{1,2}/(?:19|20)?\d\d\b|\b(?:aujourd'hui|today|present|présent|actuel|now)\b",
    re.IGNORECASE,
)


def title_in_document(catalog: Catalog, lines: Iterable[str], rome: RomeIndex | None = None) -> tuple[Title, str] | None:
    """The current job a CV names, with the line it was read from: the first line (the title
    under the name, then the experience, most recent first) a part of which names a job or an
    AI role outright (exact, alias or ROME appellation; never a guess)."""
    for line in lines:
        for part in _parts(line):
            found = find_title(catalog, part, rome)
            if found.id is not None and found.match in ("exact", "alias"):
                return found, line.strip()
    return None


def _parts(line: str) -> Iterator[str]:
    """A CV line's pieces that may be a title: without dates, split at dashes, bars, commas and 'chez'."""
    text = _DATES.sub(" ", line)
    seen: set[str] = set()
    for part in [text, *_SEPARATORS.split(text)]:
        part = part.strip(" :.-–—")
        words = _WORDS.findall(part)
        if part and 0 < len(words) <= 8 and part not in seen:
            seen.add(part)
            yield part

"""The catalogue in memory: every entry by id, with the indexes derived from them."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ia_metiers.core import graph
from ia_metiers.core.model import Certification, Figure, Funding, Job, ReadingRule, Role, Sector, Skill, Source, Training
from ia_metiers.core.reading import Rules
from ia_metiers.core.record import Record
from ia_metiers.core.resolve import Vocabulary
from ia_metiers.core.text import fold


@dataclass(repr=False)
class Catalog(Record):
    """The whole catalogue, by id, with derived indexes for lookups and planning."""

    sources: dict[str, Source]
    skills: dict[str, Skill]
    roles: dict[str, Role]
    jobs: dict[str, Job] = field(default_factory=dict)
    trainings: dict[str, Training] = field(default_factory=dict)
    certifications: dict[str, Certification] = field(default_factory=dict)
    funding: dict[str, Funding] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    figures: dict[str, Figure] = field(default_factory=dict)
    rules: dict[str, ReadingRule] = field(default_factory=dict)
    reading: Rules = field(default_factory=lambda: Rules.build(()))
    title_modifiers: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()  # generic heads of job titles ('responsable', 'chargé')
    ancestors: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skill_vocab: Vocabulary = field(default_factory=Vocabulary)
    role_vocab: Vocabulary = field(default_factory=Vocabulary)
    job_vocab: Vocabulary = field(default_factory=Vocabulary)
    skill_weights: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        broader = graph.edges(self.skills, "broader")
        self.ancestors = {sid: graph.closure(broader, sid) for sid in self.skills}
        self.skill_vocab, self.role_vocab, self.job_vocab = (
            Vocabulary.build((i, (e.name.fr, e.name.en), e.aliases) for i, e in entries.items())
            for entries in (self.skills, self.roles, self.jobs)
        )
        self.reading = Rules.build(self.rules.values())
        self.title_modifiers = frozenset(
            fold(w) for r in self.rules.values() if r.kind == "title-modifier" for w in r.words if fold(w)
        )
        self.title_heads = frozenset(fold(w) for r in self.rules.values() if r.kind == "title-head" for w in r.words if fold(w))
        for rule in self.rules.values():
            if rule.kind == "vague":
                for word in rule.words:
                    self.skill_vocab.vague[fold(word)] = tuple(rule.suggestions)
            elif rule.kind == "ambiguous" and rule.against:
                phrases = tuple(fold(w) for w in rule.against if fold(w))
                for word in rule.words:
                    key = fold(word)
                    self.skill_vocab.against[key] = (*self.skill_vocab.against.get(key, ()), (rule.skill, phrases))
        df: dict[str, int] = {}
        for role in self.roles.values():
            for sid in {r.skill for r in (*role.required, *role.optional)}:
                df[sid] = df.get(sid, 0) + 1
        n = max(len(self.roles), 1)
        # IDF: skills every role asks for weigh little. A skill no role asks for weighs like its
        # nearest family a role asks for (a trade counts as the domain expertise it is); with no
        # such family it weighs nothing: it tells no role apart (a language, a trade's know-how).
        self.skill_weights = {}
        for sid in self.skills:
            asked = next((a for a in (sid, *self.ancestors[sid]) if a in df), None)
            self.skill_weights[sid] = math.log(1 + n / df[asked]) if asked is not None else 0.0

    def certification_of(self, training: Training) -> Certification | None:
        """The certification a training prepares (None: none, or a legacy bare code)."""
        return self.certifications.get(training.certification) if training.certification else None

    def split(self) -> tuple[dict[str, Any], dict[str, Any]]:
        """The state ranking and resolving need, and the rest (LATER), for a cache that reads the
        rest only when it is used."""
        state = self.__getstate__()
        for key in [
            k
            for k in state
            if k in ("_teaching", "_broader", "_prerequisites", "_baselines", "_rome_families")
            or k.startswith("_qualifications:")
        ]:
            state.pop(key)  # derived indexes (trainings, relations, role baselines, routes' facts, ROME), rebuilt on first use
        return {k: v for k, v in state.items() if k not in LATER}, {k: v for k, v in state.items() if k in LATER}

    def relation(self, name: graph.Relation) -> dict[str, tuple[str, ...]]:
        """The edges of one skill relation (``broader`` or ``prerequisites``), built on first use."""
        found: dict[str, tuple[str, ...]] | None = self.__dict__.get("_" + name)
        if found is None:
            found = self.__dict__["_" + name] = graph.edges(self.skills, name)
        return found

    def defer(self, later: Callable[[], dict[str, Any]]) -> None:
        """Leave out the LATER parts until one is read: ``later()`` gives them."""
        for name in LATER:
            self.__dict__.pop(name, None)
        self.__dict__["_later"] = later

    def __getstate__(self) -> dict[str, Any]:
        """The whole state, deferred parts included (a pickled catalogue is complete)."""
        if "_later" in self.__dict__:
            self._fill()
        return dict(self.__dict__)

    def _fill(self) -> None:
        """Read the deferred parts; ``_later`` goes only once they are in (threads reading them at
        once may both read them, never miss them)."""
        later = self.__dict__.get("_later")
        if later is not None:
            self.__dict__.update(later())
            self.__dict__.pop("_later", None)

    if not TYPE_CHECKING:  # hidden from type checkers: a misspelt attribute stays an error

        def __getattr__(self, name: str) -> Any:
            if name in LATER:
                self._fill()
                if name in self.__dict__:
                    return self.__dict__[name]
            raise AttributeError(f"'Catalog' object has no attribute '{name}'")


# What match, gap and resolution never read: a cached catalogue reads them on first use.
LATER = frozenset({"jobs", "job_vocab", "trainings", "certifications", "funding", "sectors", "figures", "sources", "rules"})

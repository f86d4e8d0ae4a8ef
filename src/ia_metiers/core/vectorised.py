"""Which roles can place in the top ``k`` of each profile, for a chunk of profiles at once (numpy).

The scores are those of ``scoring._shares`` (same tables, same constants) for every profile of a
chunk and every role, as matrices: a requirement's credit is the best of the person's skills
(factor x level ratio), the required term a weighted sum of credits, the "uses" term a sum over
the person's skills. The sums run in another order than in ``scoring``, so a score may differ in
its last bits: these scores only choose candidates, with a margin, and ``scoring.rank`` scores
and explains the candidates exactly. Rounding to 0.1 never reverses an order, so a role whose
score is below the ``k``-th by more than 0.1 can never place.

Imported by the batch only, and only when numpy is installed (``pip install 'ia-metiers[batch]'``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

from ia_metiers.core import scoring
from ia_metiers.core.catalog import Catalog
from ia_metiers.core.scoring import Have, index_of

MARGIN = 0.1 + 1e-6  # score points: the 0.1 step of rounding, and far more than a float sum's error


class Pruner:
    """The scoring tables of one catalogue as matrices."""

    def __init__(self, catalog: Catalog) -> None:
        index = index_of(catalog)
        self.order = index.order
        skills = list(index.relations)
        self.column = {s: i for i, s in enumerate(skills)}
        self.unknown = len(skills)  # a skill no table knows: weight 1, no credit
        self.none = len(skills) + 1  # padding: no skill
        rows = len(skills) + 2
        asks = [(skill, n, weight, level) for skill, found in index.asked_at.items() for n, weight, level in found]
        by_skill: dict[str, list[int]] = {}  # requirement skill -> its requirements (numbered as in ``asks``)
        for j, (skill, *_rest) in enumerate(asks):
            by_skill.setdefault(skill, []).append(j)
        self.factor = np.zeros((rows, len(asks)))  # person skill x requirement: the credit factor
        for person_skill, links in index.relations.items():
            for req_skill, factor in links.items():
                for j in by_skill.get(req_skill, ()):
                    self.factor[self.column[person_skill], j] = factor
        sparse = [np.flatnonzero(line) for line in self.factor]  # the same, sparse: the requirements of each skill
        self.starts = np.cumsum([0, *(len(x) for x in sparse)])
        self.asks = np.concatenate(sparse).astype(np.intp)
        self.factors = self.factor[np.repeat(np.arange(rows), [len(x) for x in sparse]), self.asks]
        # links from a skill to a requirement of one of its families: notions of the skill reach it only as a hint
        link_row = np.repeat(np.arange(rows), [len(x) for x in sparse])
        self.family = np.array(
            [
                i < len(skills) and asks[j][0] in index.families.get(skills[i], frozenset())
                for i, j in zip(link_row.tolist(), self.asks.tolist(), strict=True)
            ],
            dtype=bool,
        )
        # a sector-tied role: the requirement asking for its sector skill (its credit decides the factor)
        self.sector = np.full(len(self.order), -1, dtype=np.intp)
        for n, sector in enumerate(index.sectors):
            if sector is not None:
                self.sector[n] = next(j for j, (skill, m, _, _) in enumerate(asks) if skill == sector[0] and m == n)
        self.level = np.array([float(level) for *_rest, level in asks])  # the level each requirement asks
        self.weights = np.zeros((len(asks), len(self.order)))  # requirement x role: its weight
        for j, (_, n, weight, _) in enumerate(asks):
            self.weights[j, n] = weight
        self.uses = np.zeros((rows, len(self.order)))  # person skill x role: weight x how much the role uses it
        for skill, found in index.used_at.items():
            for n, value in found:
                self.uses[self.column[skill], n] = value
        self.weight = np.zeros(rows)
        for skill, i in self.column.items():
            self.weight[i] = catalog.skill_weights.get(skill, 1.0)
        self.weight[self.unknown] = 1.0
        self.masses = np.array(index.masses)

    def shares(self, people: Sequence[Mapping[str, Have]]) -> np.ndarray[tuple[int, int], np.dtype[np.float64]]:
        """Profile x role: score / 100 before rounding, up to the last bits of a float sum. Every
        profile has at least one skill."""
        column, unknown = self.column.get, self.unknown
        skill = np.array([column(have.skill, unknown) for person in people for have in person.values()], dtype=np.intp)
        level = np.array([have.level for person in people for have in person.values()], dtype=np.float64)
        row = np.repeat(np.arange(len(people)), [len(person) for person in people])
        # each (profile, skill) to each requirement the skill gives credit for: a requirement's credit is the best
        count = self.starts[skill + 1] - self.starts[skill]
        first = np.cumsum(count) - count
        link = np.arange(int(count.sum())) - np.repeat(first - self.starts[skill], count)
        ask = self.asks[link]
        credit = np.zeros(len(people) * len(self.level))
        held = np.repeat(level, count)
        factors = np.where(
            (held < scoring.NARROWER_REACH_LEVEL) & self.family[link],
            np.minimum(self.factors[link], scoring.BROADER_CREDIT),
            self.factors[link],
        )
        value = factors * np.minimum(1.0, held / self.level[ask])
        np.maximum.at(credit, np.repeat(row, count) * len(self.level) + ask, value)
        sizes = np.bincount(row, minlength=len(people))
        used = np.add.reduceat(self.uses[skill], np.cumsum(sizes) - sizes, axis=0)  # every profile has a skill
        mass = np.bincount(row, weights=self.weight[skill], minlength=len(people))
        got = credit.reshape(len(people), len(self.level)) @ self.weights
        with np.errstate(divide="ignore", invalid="ignore"):
            required = np.where(self.masses > 0, got / np.where(self.masses > 0, self.masses, 1.0), 0.0)
            uses = np.where(mass[:, None] > 0, used / np.where(mass > 0, mass, 1.0)[:, None], 0.0)
        shares: np.ndarray[tuple[int, int], np.dtype[np.float64]] = scoring.REQUIRED_SHARE * required + scoring.USE_SHARE * uses
        tied = self.sector >= 0
        if tied.any():  # sector-tied roles without the sector's knowledge
            credits = credit.reshape(len(people), len(self.level))[:, self.sector[tied]]
            shares[:, tied] *= np.where(credits >= scoring.MATCHED_AT, 1.0, scoring.SECTOR_MISSING)
        return shares

    def candidates(self, people: Sequence[Mapping[str, Have]], top: int) -> list[list[int]]:
        """For each profile, the numbers of the roles that can place in its first ``top``."""
        if not people:
            return []
        if top >= len(self.order):
            return [list(range(len(self.order)))] * len(people)
        points = 100 * self.shares(people)
        kth = -np.partition(-points, top - 1, axis=1)[:, top - 1]
        keep = points >= (kth - MARGIN)[:, None]
        numbers = np.nonzero(keep)[1].tolist()
        ends = np.cumsum(keep.sum(axis=1)).tolist()
        return [numbers[start:end] for start, end in zip([0, *ends], ends, strict=False)]

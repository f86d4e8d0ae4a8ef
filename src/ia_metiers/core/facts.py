"""How old a fact is, from the date it was checked and ``today`` (never the clock): each kind of
fact has its own threshold past which an answer warns that it may have changed."""

from __future__ import annotations

from typing import Literal

from ia_metiers.core.model import Certification
from ia_metiers.core.record import Frozen, frozen

FactKind = Literal["registry", "law", "salary"]
# months after which a fact is said to be old: registries (RNCP/RS, offers) move every month,
# the law at each 1 January (and by decree in between), pay surveys once a year
STALE_MONTHS: dict[str, int] = {"registry": 3, "law": 6, "salary": 12}


@frozen
class Age(Frozen):
    """When a fact was checked ('2026-10', or the year alone when only it is known), how many whole
    months ago, and whether that is past its kind's threshold (``stale``)."""

    checked: str | None
    months: int | None
    stale: bool
    kind: str


def months_between(start: str, end: str) -> int:
    """Whole months from ``start`` to ``end`` (ISO dates, or YYYY-MM / YYYY), never negative."""
    y0, m0, d0 = _parts(start)
    y1, m1, d1 = _parts(end)
    months = (y1 - y0) * 12 + (m1 - m0) - (1 if d1 < d0 else 0)
    return max(months, 0)


def _parts(date: str) -> tuple[int, int, int]:
    bits = [int(b) for b in date.split("-")[:3]]
    while len(bits) < 3:
        bits.append(1)
    return bits[0], bits[1], bits[2]


def age(checked_on: str | None, kind: FactKind, today: str, year: int | None = None) -> Age:
    """The age of a fact checked on ``checked_on`` (YYYY-MM-DD); without it, of the ``year`` its
    figures refer to (counted from that year's 1 January); unknown (stale) without either."""
    if checked_on:
        start, label = checked_on, checked_on[:7]
    elif year is not None:
        start, label = f"{year}-01-01", str(year)
    else:
        return Age(None, None, True, kind)
    months = months_between(start, today)
    stale = months > STALE_MONTHS[kind]
    if kind == "law" and int(today[:4]) > int(start[:4]):
        stale = True  # a 1 January has passed since: the finance law may have changed the rule
    return Age(label, months, stale, kind)


def expired(cert: Certification, today: str) -> bool:
    """The registration ended before ``today`` (no date: not known to be expired)."""
    return bool(cert.valid_until) and str(cert.valid_until) < today


def usable(cert: Certification, today: str) -> bool:
    """A certification a counsellor may propose: not expired and not marked inactive."""
    return not expired(cert, today) and cert.active is not False


@frozen
class OfferSummary(Frozen):
    """What the known offers of a certification say together: a CPF offer exists (True), none
    does (False) or unknown (None); how many offers and providers; hours and price ranges; the
    share of sessions at a distance; the regions; the oldest date they were checked."""

    cpf: bool | None
    offers: int
    providers: tuple[str, ...]
    hours_min: int | None
    hours_max: int | None
    price_min: int | None
    price_max: int | None
    distance_share: float | None
    regions: tuple[str, ...]
    checked_on: str | None


def summarise(cert: Certification) -> OfferSummary:
    """The offers of ``cert`` taken together."""
    offers = cert.offers
    flags = [o.cpf for o in offers]
    cpf = True if True in flags else (False if flags and all(f is False for f in flags) else None)

    def low(values: list[int | None]) -> int | None:
        known = [v for v in values if v is not None]
        return min(known) if known else None

    def high(values: list[int | None]) -> int | None:
        known = [v for v in values if v is not None]
        return max(known) if known else None

    weighted = [(o.distance_share, o.sessions or 1) for o in offers if o.distance_share is not None]
    share = sum(s * n for s, n in weighted) / sum(n for _s, n in weighted) if weighted else None
    dates = [o.checked_on for o in offers if o.checked_on]
    return OfferSummary(
        cpf,
        len(offers),
        tuple(dict.fromkeys(o.provider for o in offers)),
        low([o.hours_min for o in offers]),
        high([o.hours_max for o in offers]),
        low([o.price_min for o in offers]),
        high([o.price_max for o in offers]),
        round(share, 2) if share is not None else None,
        tuple(sorted({o.region for o in offers if o.region})),
        min(dates) if dates else None,
    )

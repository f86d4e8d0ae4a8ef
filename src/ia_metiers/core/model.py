"""The typed catalogue model: one dataclass per YAML entry (read-only by convention: the
catalogue is shared and cached; plain classes load faster than frozen ones).

Field metadata drives both validation (``ref``: the kind of id the value names,
``min``: a lower bound) and the JSON Schema (``doc``), so neither is written twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from ia_metiers.core.record import Record
from ia_metiers.core.situation import Contract, Status

Region = Literal["fr", "us"]
BandLevel = Literal["junior", "confirme", "senior", "all"]
LEVELS: tuple[str, ...] = ("junior", "confirme", "senior")
SKILL_LEVEL_NAMES = {
    "1": 1,
    "2": 2,
    "3": 3,
    "notions": 1,
    "notion": 1,
    "debutant": 1,
    "beginner": 1,
    "basic": 1,
    "basics": 1,
    "operationnel": 2,
    "operational": 2,
    "intermediaire": 2,
    "intermediate": 2,
    "expert": 3,
    "avance": 3,
    "advanced": 3,
    "confirme": 3,
}
DEFAULT_LEVEL = 2


def meta(
    doc: str = "",
    *,
    ref: str | None = None,
    minimum: float | None = None,
    maximum: float | None = None,
    verb: str = "refers to",
    default: Any = None,
    factory: Any = None,
    pattern: str | None = None,
) -> Any:
    """A dataclass field carrying documentation, reference kind, bounds and a text pattern."""
    md = {"doc": doc, "ref": ref, "min": minimum, "max": maximum, "verb": verb, "pattern": pattern}
    if factory is not None:
        return field(default_factory=factory, metadata=md)
    if default is not None:
        return field(default=default, metadata=md)
    return field(metadata=md)


def opt(doc: str = "", **kw: Any) -> Any:
    """An optional field (default None)."""
    md = {
        "doc": doc,
        "ref": kw.get("ref"),
        "min": kw.get("minimum"),
        "max": kw.get("maximum"),
        "verb": kw.get("verb", "refers to"),
        "pattern": kw.get("pattern"),
    }
    return field(default=None, metadata=md)


DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"  # YYYY-MM-DD
ROME_CODE = r"^[A-N]\d{4}$"  # a ROME 4.0 fiche code, e.g. M1405
CERT_CODE = r"^(RNCP\d{2,6}|RS\d{2,6})$"  # as France Compétences writes it


def checked(doc: str = "date the facts were read at their source, YYYY-MM-DD") -> Any:
    """An optional ``checked_on`` date field."""
    return opt(doc, pattern=DATE)


@dataclass(eq=False, repr=False)
class Text(Record):
    """A label in French and English."""

    fr: str = meta("French text")
    en: str = meta("English text")

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.fr


@dataclass(eq=False, repr=False)
class TextList(Record):
    """A list of texts in French and English."""

    fr: list[str] = meta("French items")
    en: list[str] = meta("English items")

    def get(self, lang: str) -> list[str]:
        return self.en if lang == "en" else self.fr


@dataclass(eq=False, repr=False)
class Source(Record):
    """Where a figure or a fact comes from."""

    id: str = meta("kebab-case id")
    title: str = meta("title of the page, report or article")
    publisher: str = meta("who published it")
    year: int = meta("year of publication or of the figures", minimum=1990)
    kind: Literal["survey", "official", "job-ads", "payroll", "self-reported", "school", "article", "estimate"] = meta(
        "nature of the source"
    )
    url: str | None = opt("address, when known")
    file: str | None = opt("seed article file name (seeds only)")
    reliability: int | None = opt("1 (strong) .. 5 (weak)", minimum=1)
    importer: Literal["rncp", "mcf", "rome"] | None = opt(
        "the export `ia-metiers data import` reads from this source (cited by the facts it imports)"
    )
    version: str | None = opt("the version of the dataset the catalogue's codes follow (ROME 4.0: '460')")


@dataclass(eq=False, repr=False)
class Skill(Record):
    """A skill of the taxonomy."""

    id: str = meta("kebab-case id")
    name: Text = meta("name in French and English")
    category: Literal[
        "language", "library", "ai", "math", "data", "cloud", "engineering", "governance", "business", "soft", "trade"
    ] = meta("family of skill")
    aliases: list[str] = meta("other spellings, both languages", factory=list)
    broader: list[str] = meta("families this skill counts for", ref="skill", factory=list, verb="has as broader")
    prerequisites: list[str] = meta("skills to learn first", ref="skill", factory=list, verb="has as prerequisite")
    effort_hours: int | None = opt("curator's estimate of hours to an operational level", minimum=1)


@dataclass(eq=False, repr=False)
class Requirement(Record):
    """A skill asked for or brought, with a level (1-3) and a weight."""

    skill: str = meta("skill id", ref="skill")
    level: int = meta("1 notions, 2 opérationnel, 3 expert", minimum=1, maximum=3, default=DEFAULT_LEVEL)
    weight: float = meta("relative importance", minimum=0.1, default=1.0)


@dataclass(eq=False, repr=False)
class SalaryBand(Record):
    """A gross annual salary band for one region and level."""

    region: Region = meta("fr (EUR) or us (USD)")
    level: BandLevel = meta("junior 0-2 ans, confirme 3-5 ans, senior 6 ans et +, all")
    min: int = meta("lower bound, gross annual", minimum=0)
    max: int = meta("upper bound, gross annual", minimum=0)
    currency: Literal["EUR", "USD"] = meta("currency")
    basis: Literal["role", "generic", "estimate"] = meta(
        "role: a source gives this role's figure; generic: AI jobs band; estimate: curator's estimate"
    )
    source: str = meta("source id", ref="source", verb="cites")
    year: int = meta("year the figures refer to", minimum=1990)
    note: Text | None = opt("caveat")
    area: Literal["idf", "regions"] | None = opt("idf: Île-de-France only; regions: outside it; absent: whole country")
    unit: Literal["year", "day"] = meta("year: gross annual salary; day: freelance day rate (TJM)", default="year")
    checked_on: str | None = checked()


@dataclass(eq=False, repr=False)
class Education(Record):
    """Typical education range, as Bac+N."""

    min: int = meta("lowest Bac+N", minimum=0)
    max: int = meta("highest Bac+N", minimum=0)


@dataclass(eq=False, repr=False)
class Role(Record):
    """An AI role people can aim for."""

    id: str = meta("kebab-case id")
    name: Text = meta("name in French and English")
    summary: Text = meta("one paragraph")
    required: list[Requirement] = meta("skills the role requires", verb="requires")
    aliases: list[str] = meta("other titles, both languages", factory=list)
    optional: list[Requirement] = meta("useful skills", factory=list, verb="lists as optional")
    missions: TextList | None = opt("main missions")
    education: Education | None = opt("typical education")
    entry_routes: TextList | None = opt("ways in")
    sectors: list[str] = meta("sectors that hire", ref="sector", factory=list)
    demand: Literal["low", "medium", "high", "very-high"] | None = opt("demand level")
    remarks: Text | None = opt("remarks from the sources")
    work: Text | None = opt("remote and freelance notes")
    related: list[str] = meta("related roles", ref="role", factory=list)
    sources: list[str] = meta("sources", ref="source", factory=list, verb="cites")
    salaries: list[SalaryBand] = meta("salary bands", factory=list)
    projects: TextList | None = opt("two or three portfolio projects that show an employer you can do the job")
    rome: list[str] = meta("ROME 4.0 fiche codes of the role (e.g. M1405)", factory=list, pattern=ROME_CODE)
    sector_skill: str | None = opt(
        "the sector knowledge the role is tied to (health data: healthcare): without it the role does not rank high",
        ref="skill",
    )


RomeDomain = Literal["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"]


@dataclass(eq=False, repr=False)
class Pay(Record):
    """A typical gross annual pay band of a current job (France, EUR)."""

    min: int = meta("lower bound, gross annual EUR", minimum=0)
    max: int = meta("upper bound, gross annual EUR", minimum=0)
    source: str = meta("source id (curator-estimate when no source gives it)", ref="source", verb="cites")
    year: int = meta("year the figures refer to", minimum=1990)
    basis: Literal["source", "estimate"] = meta("source: the cited source gives it; estimate: curator's estimate")
    note: Text | None = opt("caveat")
    checked_on: str | None = checked()


@dataclass(eq=False, repr=False)
class Job(Record):
    """A current job people reconvert from."""

    id: str = meta("kebab-case id")
    name: Text = meta("name in French and English")
    skills: list[Requirement] = meta("skills the job brings", verb="brings")
    aliases: list[str] = meta("other titles, both languages", factory=list)
    ai_impact: Text | None = opt("how AI changes this job")
    risk: Literal["low", "medium", "high"] | None = opt("exposure to automation")
    sources: list[str] = meta("sources", ref="source", factory=list, verb="cites")
    domain: RomeDomain | None = opt("ROME 4.0 domain letter (A-N); absent for students and graduates")
    rome: list[str] = meta("ROME 4.0 fiche codes the family covers (e.g. M1805)", factory=list, pattern=ROME_CODE)
    pay: Pay | None = opt("typical gross annual pay of the job in France")
    kind: Literal["job", "student"] = meta("job: an occupation; student: a student or new graduate", default="job")


TrainingType = Literal["master", "engineering-school", "certification", "bootcamp", "du", "mooc", "project"]


CertificationKind = Literal[
    "titre-professionnel",
    "bts",
    "but",
    "licence",
    "licence-pro",
    "master",
    "engineering-degree",
    "doctorate",
    "rncp-title",
    "cqp",
    "rs-certification",
]
Access = Literal[
    "formation-initiale", "formation-continue", "apprentissage", "professionnalisation", "vae", "candidature-individuelle"
]
Modality = Literal["online", "onsite", "hybrid"]


@dataclass(eq=False, repr=False)
class Block(Record):
    """A block of skills (bloc de compétences) of a certification."""

    code: str = meta("e.g. RNCP40514BC01")
    name: Text = meta("name in French and English")


@dataclass(eq=False, repr=False)
class Offer(Record):
    """A known offer of a certification: who prepares it, how long, at what price, on the CPF or not."""

    provider: str = meta("training organisation")
    source: str = meta("source id", ref="source", verb="cites")
    checked_on: str = meta("date the offer was read, YYYY-MM-DD", pattern=DATE)
    hours_min: int | None = opt("shortest length in hours", minimum=0)
    hours_max: int | None = opt("longest length in hours", minimum=0)
    price_min: int | None = opt("lowest price, EUR TTC", minimum=0)
    price_max: int | None = opt("highest price, EUR TTC", minimum=0)
    modality: Modality | None = opt("online, onsite or hybrid")
    cpf: bool | None = opt("an offer exists on Mon Compte Formation (null: unknown)")
    region: str | None = opt("region name; null for national or distance")
    url: str | None = opt("address of the offer")
    sessions: int | None = opt("active sessions (Mon Compte Formation)", minimum=0)
    distance_share: float | None = opt("share of the sessions given at a distance, 0-1", minimum=0, maximum=1)


@dataclass(eq=False, repr=False)
class Certification(Record):
    """A registration at France Compétences (RNCP or Répertoire spécifique)."""

    id: str = meta("the code in lower case, e.g. rncp40514")
    code: str = meta("as France Compétences writes it: RNCPnnnnn or RSnnnn", pattern=CERT_CODE)
    registry: Literal["rncp", "rs"] = meta("rncp or rs")
    name: Text = meta("official title (fr) and an English rendering")
    kind: CertificationKind = meta("kind of certification")
    source: str = meta("source id (the url is the fiche itself)", ref="source", verb="cites")
    checked_on: str = meta("date the facts were read, YYYY-MM-DD", pattern=DATE)
    valid_until: str | None = opt("date d'échéance de l'enregistrement, YYYY-MM-DD (required)", pattern=DATE)
    level: int | None = opt("RNCP level 3-8 (null for RS)", minimum=1, maximum=8)
    certifiers: list[str] = meta("who certifies it (certificateurs)", factory=list)
    active: bool | None = opt("Active / Inactive on the fiche")
    valid_from: str | None = opt("date the registration took effect, YYYY-MM-DD", pattern=DATE)
    entry_level: int | None = opt("RNCP level usually required to enter (null: none stated)", minimum=0, maximum=8)
    entry: Text | None = opt("entry requirements in words")
    access: list[Access] = meta("voies d'accès the fiche lists", factory=list)
    blocks: list[Block] = meta("blocks of skills, where known", factory=list)
    rome: list[str] = meta("ROME codes the fiche names", factory=list, pattern=ROME_CODE)
    roles: list[str] = meta("AI roles it prepares for (curated)", ref="role", factory=list)
    skills: list[Requirement] = meta("what it teaches, level reached (curated)", factory=list, verb="teaches")
    hours: int | None = opt("typical length in hours when a source gives it", minimum=0)
    url: str | None = opt("the France Compétences fiche")
    note: Text | None = opt("caveat")
    offers: list[Offer] = meta("known offers (curated, then the Mon Compte Formation import)", factory=list)

    @property
    def fiche_url(self) -> str:
        """The France Compétences fiche: always linkable from the code."""
        return self.url or fiche_url(self.code)


def fiche_url(code: str) -> str:
    """The France Compétences page of an RNCP or RS code."""
    registry = "rs" if code.upper().startswith("RS") else "rncp"
    digits = code.upper().removeprefix("RNCP").removeprefix("RS")
    return f"https://www.francecompetences.fr/recherche/{registry}/{digits}/"


@dataclass(eq=False, repr=False)
class Training(Record):
    """A training programme or format."""

    id: str = meta("kebab-case id")
    name: Text = meta("name in French and English")
    provider: str = meta("who runs it")
    type: TrainingType = meta("kind of training")
    source: str = meta("source id", ref="source", verb="cites")
    roles: list[str] = meta("roles it prepares for", ref="role", factory=list)
    skills: list[Requirement] = meta("skills it teaches, with the level reached", factory=list, verb="teaches")
    duration_weeks: float | None = opt("duration in weeks", minimum=0)
    duration_hours: int | None = opt("duration in hours", minimum=0)
    format: Text | None = opt("full-time, part-time, online...")
    price_eur: int | None = opt("price in euros", minimum=0)
    cpf: bool | None = opt("eligible to the CPF")
    rncp: str | None = opt("a code read on a provider page only (legacy; prefer certification)", pattern=CERT_CODE)
    url: str | None = opt("address of the programme or France Compétences page")
    year: int | None = opt("year of the facts", minimum=1990)
    note: Text | None = opt("caveat")
    certification: str | None = opt("the certification it prepares (an id of certifications.yaml)", ref="certification")
    modality: Modality | None = opt("how it is followed")
    place: str | None = opt("city or region when on site")
    language: Literal["fr", "en"] | None = opt("language of teaching")
    kind: Literal["programme", "format", "self-study", "certification"] = meta(
        "programme: a concrete programme; format: a generic kind of training; self-study: a free resource;"
        " certification: a certification of certifications.yaml listed as its own entry (never written here)",
        default="programme",
    )
    checked_on: str | None = checked()

    @property
    def skill_ids(self) -> list[str]:
        return [r.skill for r in self.skills]


Way = Literal["training", "apprenticeship", "professionalisation", "vae", "bilan"]
Registry = Literal["rncp", "rs", "cqp", "clea"]


@dataclass(eq=False, repr=False)
class Funding(Record):
    """A funding route, an aid or a support step, with the rules of the law in force that open it:
    who (status, contract, age, RQTH, experience...), for which way in (training, apprenticeship,
    VAE...) and which certifications, for how many hours. ``core.routes`` applies them."""

    id: str = meta("kebab-case id")
    name: Text = meta("name in French and English")
    summary: Text = meta("what it funds and for whom")
    source: str = meta("source id", ref="source", verb="cites")
    url: str | None = opt("official page")
    kind: Literal["funding", "support", "employer-aid"] = meta(
        "funding: pays for training (or pay during it); support: advice or a step (CEP, bilan); "
        "employer-aid: paid to the employer who hires (an argument for the person's search)",
        default="funding",
    )
    who: list[Status] = meta("statuses it is open to (empty: every status)", factory=list)
    contracts: list[Contract] = meta("contracts it requires of an employee (empty: any)", factory=list)
    ways: list[Way] = meta("ways in it funds (empty: training)", factory=list)
    certifying: bool | None = opt("only for certifying routes (a certification of ``registries``)")
    registries: list[Registry] = meta("the certifications it funds when certifying (empty: RNCP and RS)", factory=list)
    min_hours: int | None = opt("shortest route it funds, in hours", minimum=0)
    max_hours: int | None = opt("longest route it funds, in hours", minimum=0)
    min_age: int | None = opt("youngest age it is open to", minimum=0)
    max_age: int | None = opt("oldest age it is open to (at the start)", minimum=0)
    age_exempt: list[Status] = meta("statuses the age limit does not apply to", factory=list)
    rqth_lifts_age: bool | None = opt("no age limit with an RQTH")
    rqth: bool | None = opt("only with a disabled-worker recognition (RQTH)")
    cadre: bool | None = opt("only for executives (cadres)")
    foreign_diploma: bool | None = opt("only for a diploma awarded abroad")
    min_experience: int | None = opt("years of professional experience it requires", minimum=0)
    pays_costs: bool = meta("it pays training costs (false: pay or an allowance only; never the whole plan)", default=True)
    requires: list[str] = meta("steps to take first (ids of support steps)", ref="funding", factory=list, verb="requires")
    regional: bool | None = opt("run by the person's Region (a regional body decides)")
    group: str | None = opt("one of several routes of which the person's activity decides (faf: FIF PL, AGEFICE, FAFCEA)")
    pays: Text | None = opt("what is paid (costs, pay during the training)")
    since: str | None = opt("date the rule in force applies from, YYYY-MM-DD")
    conditions: Text | None = opt("other conditions, in words")
    sources: list[str] = meta("further sources (the rule's details)", ref="source", factory=list, verb="cites")
    checked_on: str | None = checked()


@dataclass(eq=False, repr=False)
class Sector(Record):
    """A sector that hires AI profiles."""

    id: str = meta("kebab-case id")
    name: Text = meta("name in French and English")
    use_cases: TextList = meta("AI use cases")
    roles: list[str] = meta("roles it hires", ref="role", factory=list)
    note: Text | None = opt("growth or remark")
    sources: list[str] = meta("sources", ref="source", factory=list, verb="cites")


@dataclass(eq=False, repr=False)
class Figure(Record):
    """A key market figure."""

    id: str = meta("kebab-case id")
    label: Text = meta("what it measures")
    value: float = meta("the number")
    unit: str = meta("percent, jobs, usd, usd-billion...")
    year: int = meta("year of the figure", minimum=1990)
    source: str = meta("source id", ref="source", verb="cites")
    scope: Text | None = opt("where and according to whom")


RuleKind = Literal[
    "negation",
    "hedge",
    "level",
    "wish",
    "heading",
    "section",
    "voice",
    "contrast",
    "vague",
    "ambiguous",
    "idiom",
    "list",
    "title-modifier",
    "title-head",
]
Voice = Literal["record", "experience", "goal", "hobby", "company", "benefits", "process", "legal", "candidate"]


@dataclass(eq=False, repr=False)
class ReadingRule(Record):
    """How prose is read: words that negate, state a level, a wish, head a section, end a scope,
    are too vague to name a skill, name a skill only in one sense, or hold a skill's name without
    naming it."""

    id: str = meta("kebab-case id")
    kind: RuleKind = meta(
        "negation | hedge | level | wish | heading | section | voice | contrast | vague | ambiguous | idiom | list"
        " | title-modifier | title-head"
    )
    words: list[str] = meta("the words or phrases (any case and accents)")
    context: list[str] = meta(
        "ambiguous: words that confirm the sense (same line, the line before or the section title)", factory=list
    )
    against: list[str] = meta("ambiguous: words that show another sense (same sentence): never this skill", factory=list)
    skill: str | None = opt("ambiguous: the skill these words name in this sense", ref="skill")
    level: int | None = opt("hedge, level: the level the qualified skill gets (1-3)", minimum=1)
    voice: Voice | None = opt(
        "section, voice: whose words follow (record: what the person has or the job asks; experience: a record "
        "that lists the jobs held; goal, hobby, "
        "company, benefits, process, legal: read apart, crediting nothing; candidate: words that address the candidate)"
    )
    scope: Literal["clause", "item"] | None = opt(
        "negation: up to the end of the clause (default) or only the list of skills right after (item)"
    )
    suggestions: list[str] = meta("vague: skills to suggest instead", ref="skill", factory=list, verb="suggests")
    note: str | None = opt("why the rule exists")


# file name -> (top-level key, entry class, reference kind of its ids)
FILES: dict[str, tuple[str, type, str]] = {
    "sources.yaml": ("sources", Source, "source"),
    "skills.yaml": ("skills", Skill, "skill"),
    "roles.yaml": ("roles", Role, "role"),
    "jobs.yaml": ("jobs", Job, "job"),
    "certifications.yaml": ("certifications", Certification, "certification"),
    "trainings.yaml": ("trainings", Training, "training"),
    "funding.yaml": ("funding", Funding, "funding"),
    "sectors.yaml": ("sectors", Sector, "sector"),
    "market.yaml": ("figures", Figure, "figure"),
    "reading.yaml": ("rules", ReadingRule, "rule"),
}
REQUIRED_FILES = ("sources.yaml", "skills.yaml", "roles.yaml")

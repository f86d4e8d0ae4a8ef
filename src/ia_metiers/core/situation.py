"""The person's situation beyond their skills: status, diploma (as an RNCP level), age, RQTH,
region, working languages, contract and years of experience, and the parsers that read them as a
counsellor's client says them ("salarié", "bac pro", "niveau 5", "Île-de-France", "cdi").

This module holds the one list of statuses of the codebase. It is pure: no files, no terminal; a
word it cannot read raises ``ValueError`` with what it accepts, and the CLI says it in the
session's language. Region names are proper names, given here for reading and showing them;
every other label is in ``output.messages``.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

from ia_metiers.core.record import Frozen, frozen
from ia_metiers.core.text import fold

Status = Literal["employee", "civil-servant", "jobseeker", "student", "self-employed"]
STATUSES: tuple[Status, ...] = get_args(Status)
Contract = Literal["permanent", "fixed-term", "temporary", "apprenticeship", "none"]
CONTRACTS: tuple[Contract, ...] = get_args(Contract)

_STATUS_WORDS: dict[str, Status] = {
    **{s: s for s in STATUSES},
    "salarie": "employee",
    "salarie du prive": "employee",
    "salariee": "employee",
    "prive": "employee",
    "fonctionnaire": "civil-servant",
    "agent public": "civil-servant",
    "agent-public": "civil-servant",
    "agente publique": "civil-servant",
    "contractuel": "civil-servant",
    "fonction publique": "civil-servant",
    "public servant": "civil-servant",
    "civil servant": "civil-servant",
    "demandeur": "jobseeker",
    "demandeuse": "jobseeker",
    "demandeur d emploi": "jobseeker",
    "demandeuse d emploi": "jobseeker",
    "chomeur": "jobseeker",
    "sans emploi": "jobseeker",
    "job seeker": "jobseeker",
    "unemployed": "jobseeker",
    "etudiant": "student",
    "etudiante": "student",
    "lyceen": "student",
    "independant": "self-employed",
    "independante": "self-employed",
    "freelance": "self-employed",
    "auto-entrepreneur": "self-employed",
    "auto entrepreneur": "self-employed",
    "micro-entrepreneur": "self-employed",
    "liberal": "self-employed",
    "profession liberale": "self-employed",
    "artisan": "self-employed",
    "commercant": "self-employed",
    "freelancer": "self-employed",
    "self employed": "self-employed",
}
_CONTRACT_WORDS: dict[str, Contract] = {
    **{c: c for c in CONTRACTS},
    "cdi": "permanent",
    "cdd": "fixed-term",
    "interim": "temporary",
    "interimaire": "temporary",
    "temp": "temporary",
    "apprentissage": "apprenticeship",
    "contrat d apprentissage": "apprenticeship",
    "alternance": "apprenticeship",
    "aucun": "none",
    "sans": "none",
}

# RNCP levels (Nomenclature des niveaux de diplômes, décret n° 2019-14): 3 CAP/BEP, 4 bac,
# 5 bac+2, 6 bac+3/4, 7 bac+5, 8 doctorat; 0 for no diploma (levels 1-2 are not diplomas).
DIPLOMA_LEVELS = (0, 3, 4, 5, 6, 7, 8)
_DIPLOMA_WORDS: dict[str, int] = {
    "sans": 0,
    "sans diplome": 0,
    "aucun": 0,
    "aucun diplome": 0,
    "none": 0,
    "no diploma": 0,
    "brevet": 0,
    "dnb": 0,
    "cap": 3,
    "bep": 3,
    "cap bep": 3,
    "bac": 4,
    "bac pro": 4,
    "bac professionnel": 4,
    "bac techno": 4,
    "bac general": 4,
    "baccalaureat": 4,
    "bp": 4,
    "daeu": 4,
    "high school": 4,
    "bts": 5,
    "dut": 5,
    "deust": 5,
    "deug": 5,
    "l2": 5,
    "but": 6,
    "licence": 6,
    "licence pro": 6,
    "licence professionnelle": 6,
    "bachelor": 6,
    "l3": 6,
    "maitrise": 6,
    "m1": 6,
    "master 1": 6,
    "master": 7,
    "m2": 7,
    "master 2": 7,
    "mastere": 7,
    "mastere specialise": 7,
    "mba": 7,
    "ingenieur": 7,
    "diplome d ingenieur": 7,
    "engineer": 7,
    "engineering degree": 7,
    "master s": 7,
    "masters": 7,
    "doctorat": 8,
    "these": 8,
    "phd": 8,
    "doctorate": 8,
}
DIPLOMA_HINT = "sans diplôme, cap, bep, bac, bac pro, bac+2, bts, but, licence, bac+3, master, bac+5, doctorat, niveau 3-8"
_BAC_PLUS = {0: 4, 1: 4, 2: 5, 3: 6, 4: 6, 5: 7, 6: 7, 7: 7, 8: 8}  # Bac+N -> RNCP level
_FOREIGN_WORDS = ("etranger", "etrangere", "foreign", "abroad", "hors de france")

APPRENTICESHIP_MAX_AGE = 29  # under 30 at the start of the contract (Code du travail, L6222-1)
LONG_EXPERIENCE_YEARS = 3  # years of experience from which a VAE is worth weighing (counsellor's estimate)


@frozen
class Region(Frozen):
    """A French region (the 13 of metropolitan France and the 5 overseas ones)."""

    id: str
    fr: str
    en: str


REGIONS: tuple[Region, ...] = (
    Region("auvergne-rhone-alpes", "Auvergne-Rhône-Alpes", "Auvergne-Rhône-Alpes"),
    Region("bourgogne-franche-comte", "Bourgogne-Franche-Comté", "Bourgogne-Franche-Comté"),
    Region("bretagne", "Bretagne", "Brittany"),
    Region("centre-val-de-loire", "Centre-Val de Loire", "Centre-Val de Loire"),
    Region("corse", "Corse", "Corsica"),
    Region("grand-est", "Grand Est", "Grand Est"),
    Region("hauts-de-france", "Hauts-de-France", "Hauts-de-France"),
    Region("ile-de-france", "Île-de-France", "Île-de-France"),
    Region("normandie", "Normandie", "Normandy"),
    Region("nouvelle-aquitaine", "Nouvelle-Aquitaine", "Nouvelle-Aquitaine"),
    Region("occitanie", "Occitanie", "Occitanie"),
    Region("pays-de-la-loire", "Pays de la Loire", "Pays de la Loire"),
    Region("provence-alpes-cote-d-azur", "Provence-Alpes-Côte d'Azur", "Provence-Alpes-Côte d'Azur"),
    Region("guadeloupe", "Guadeloupe", "Guadeloupe"),
    Region("martinique", "Martinique", "Martinique"),
    Region("guyane", "Guyane", "French Guiana"),
    Region("la-reunion", "La Réunion", "Réunion"),
    Region("mayotte", "Mayotte", "Mayotte"),
)
REGION_IDS = tuple(r.id for r in REGIONS)
_REGION_WORDS: dict[str, str] = {
    **{fold(r.id.replace("-", " ")): r.id for r in REGIONS},
    **{fold(r.fr): r.id for r in REGIONS},
    **{fold(r.en): r.id for r in REGIONS},
    "idf": "ile-de-france",
    "paris": "ile-de-france",
    "aura": "auvergne-rhone-alpes",
    "bfc": "bourgogne-franche-comte",
    "cvl": "centre-val-de-loire",
    "hdf": "hauts-de-france",
    "paca": "provence-alpes-cote-d-azur",
    "sud": "provence-alpes-cote-d-azur",
    "region sud": "provence-alpes-cote-d-azur",
    "reunion": "la-reunion",
    "alsace": "grand-est",
    "lorraine": "grand-est",
    "moselle": "grand-est",
    "champagne ardenne": "grand-est",
}
IDF = "ile-de-france"

LANGUAGES = ("fr", "en", "de", "es", "it", "pt", "ar", "zh", "ru", "uk", "pl", "ro", "tr", "nl")  # ISO 639-1
_LANGUAGE_WORDS: dict[str, str] = {
    **{code: code for code in LANGUAGES},
    "francais": "fr",
    "french": "fr",
    "anglais": "en",
    "english": "en",
    "allemand": "de",
    "german": "de",
    "deutsch": "de",
    "espagnol": "es",
    "spanish": "es",
    "espanol": "es",
    "italien": "it",
    "italian": "it",
    "portugais": "pt",
    "portuguese": "pt",
    "portugues": "pt",
    "arabe": "ar",
    "arabic": "ar",
    "chinois": "zh",
    "chinese": "zh",
    "russe": "ru",
    "russian": "ru",
    "ukrainien": "uk",
    "ukrainian": "uk",
    "polonais": "pl",
    "polish": "pl",
    "roumain": "ro",
    "romanian": "ro",
    "turc": "tr",
    "turkish": "tr",
    "neerlandais": "nl",
    "dutch": "nl",
}


@frozen
class Diploma(Frozen):
    """The highest diploma as an RNCP level (0 none, 3 CAP/BEP ... 8 doctorat), foreign or not."""

    level: int
    foreign: bool = False
    input: str = ""


@frozen
class Situation(Frozen):
    """What the person says about themselves beyond skills, and the session's choices.

    ``languages`` are the languages the person works in (trainings follow them); ``lang`` is only
    the interface language (labels). ``level`` is the pay level shown; ``today`` an ISO date:
    certifications ended before it are not offered."""

    status: Status | None = None
    diploma: Diploma | None = None
    age: int | None = None
    rqth: bool = False
    region: str | None = None
    languages: tuple[str, ...] = ("fr",)
    contract: Contract | None = None
    experience: int | None = None  # years of professional experience
    cadre: bool = False  # an executive (cadre): Apec's support
    level: str = "junior"
    lang: str = "fr"
    today: str = "9999-12-31"

    @property
    def diploma_level(self) -> int | None:
        return self.diploma.level if self.diploma is not None else None

    @property
    def area(self) -> str | None:
        """The pay area: idf (Île-de-France), regions (elsewhere), None when no region is stated."""
        if self.region is None:
            return None
        return "idf" if self.region == IDF else "regions"

    @property
    def apprenticeship_age(self) -> bool | None:
        """Whether age allows an apprenticeship contract (16-29; no upper limit with an RQTH);
        None when the age is not stated."""
        if self.rqth and (self.age is None or self.age >= 16):
            return True
        if self.age is None:
            return None
        return 16 <= self.age <= APPRENTICESHIP_MAX_AGE

    @property
    def works_in_french(self) -> bool:
        return "fr" in self.languages

    @property
    def long_experience(self) -> bool:
        return self.experience is not None and self.experience >= LONG_EXPERIENCE_YEARS

    def options(self) -> dict[str, object]:
        """What the person stated (for reports: every option that shaped the answer)."""
        out: dict[str, object] = {}
        if self.status is not None:
            out["status"] = self.status
        if self.diploma is not None:
            out["diploma"] = self.diploma.level
            if self.diploma.foreign:
                out["foreign_diploma"] = True
        for name in ("age", "region", "contract", "experience"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.rqth:
            out["rqth"] = True
        if self.cadre:
            out["cadre"] = True
        if self.languages != ("fr",):
            out["languages"] = list(self.languages)
        return out


def _key(text: str) -> str:
    return " ".join(fold(text).replace("_", " ").split())


def parse_status(text: str) -> Status:
    """'salarié', 'fonctionnaire', 'agent-public', 'demandeur', 'étudiant', 'indépendant' (or the
    English ids) -> a status id."""
    key = _key(text)
    found = _STATUS_WORDS.get(key) or _STATUS_WORDS.get(key.replace(" ", "-"))
    if found is None:
        raise ValueError("salarie, fonctionnaire (agent-public), demandeur, etudiant, independant")
    return found


def parse_contract(text: str) -> Contract:
    """'cdi', 'cdd', 'intérim', 'apprentissage' (or the English ids) -> a contract id."""
    found = _CONTRACT_WORDS.get(_key(text))
    if found is None:
        raise ValueError("cdi, cdd, interim, apprentissage, aucun")
    return found


def parse_diploma(text: str, foreign: bool = False) -> Diploma:
    """A diploma as a counsellor hears it -> its RNCP level.

    'sans diplôme' 0; 'cap', 'bep' 3; 'bac', 'bac pro' 4; 'bac+2', 'bts', 'dut' 5; 'bac+3',
    'licence', 'but' 6; 'bac+5', 'master', 'ingénieur' 7; 'doctorat' 8; 'niveau N' (3-8) as it is.
    A word such as 'étranger' or 'foreign' ('master étranger') marks a foreign diploma."""
    key = _key(text)
    for word in _FOREIGN_WORDS:
        if re.search(rf"(^|\W){word}(\W|$)", key):
            foreign = True
            key = " ".join(re.sub(rf"(^|\W){word}(\W|$)", " ", key).replace("()", " ").split())
    key = key.strip(" ()")
    level: int | None = None
    found = re.fullmatch(r"(?:niveau|level|rncp|nv|eqf)\s*([0-8])", key)
    if found:
        level = int(found.group(1))
        if level not in DIPLOMA_LEVELS:
            level = None
    else:
        plus = re.fullmatch(r"bac\s*\+\s*([0-8])", key)
        level = _BAC_PLUS[int(plus.group(1))] if plus else _DIPLOMA_WORDS.get(key)
    if level is None:
        raise ValueError(DIPLOMA_HINT)
    return Diploma(level, foreign, text)


def parse_region(text: str) -> str:
    """A region's name, id or usual short name (idf, paca...) -> its id."""
    key = _key(text)
    found = _REGION_WORDS.get(key) or _REGION_WORDS.get(key.replace("-", " "))
    if found is None:
        raise ValueError(", ".join(REGION_IDS))
    return found


def parse_languages(text: str) -> tuple[str, ...]:
    """'fr,en', 'français, portugais', 'pt en' -> language codes, in the order given (no repeats)."""
    out: list[str] = []
    for part in re.split(r"[,;/+\s]+", fold(text)):
        if not part:
            continue
        code = _LANGUAGE_WORDS.get(part)
        if code is None:
            raise ValueError(", ".join(LANGUAGES))
        if code not in out:
            out.append(code)
    if not out:
        raise ValueError(", ".join(LANGUAGES))
    return tuple(out)


def region_name(region_id: str, lang: str) -> str:
    for r in REGIONS:
        if r.id == region_id:
            return r.en if lang == "en" else r.fr
    return region_id


def level_of_bac_plus(years: int) -> int:
    """Bac+N (years after the baccalauréat, as roles state their education) -> RNCP level."""
    return _BAC_PLUS[max(0, min(years, 8))]

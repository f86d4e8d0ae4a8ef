"""One message table (output/messages.py) for help and messages: every key used exists in both
languages, and every key defined is used."""

from __future__ import annotations

import re
import typing
from pathlib import Path

from ia_metiers.core.model import SalaryBand, Status
from ia_metiers.output.messages import _MESSAGES

SRC = Path(__file__).resolve().parents[1] / "src" / "ia_metiers"
CODE = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))


def literal(name: str) -> tuple[str, ...]:
    return typing.get_args(typing.get_type_hints(SalaryBand)[name])


# Keys built at run time from a value, with every value the value can take.
DYNAMIC = {
    *(f"reason_{r}" for r in ("unknown", "vague", "negated", "heading", "wish", "ambiguous", "removed", "overridden")),
    *(f"reason_{r}" for r in ("sense", "hobby", "company", "benefits", "process", "legal")),
    *(f"who_{s}" for s in typing.get_args(Status)),
    *(f"closed_{w}" for w in ("certifying", "length", "status", "contract", "age", "experience", "alone")),
    *(f"check_unknown-{w}" for w in ("status", "contract", "age", "experience", "activity")),
    *(f"route_{k}" for k in ("vae", "rs-certification", "rncp-title", "degree", "apprenticeship", "self-study")),
    *(f"way_{w}" for w in ("training", "apprenticeship", "vae", "initial", "self-study")),
    *(f"basis_{b}_short" for b in literal("basis")),
    *(f"{lv}_short" for lv in literal("level")),
    *literal("level"),  # t(level): junior, confirme, senior, all
    *literal("region"),
    *(f"unit_{u}" for u in ("jobs", "workers", "score")),
    "remarks",  # role(): for key in ("remarks", "work")
    "work",
    *(f"month_{m}" for m in range(1, 13)),  # dates in words
    *(f"empty_{w}" for w in ("skills", "trainings")),  # render.empty(name)
    # render.option_line: opt_<key> for every key Situation.options() may hold
    *(f"opt_{k}" for k in ("status", "diploma", "age", "rqth", "region", "languages", "contract", "experience", "cadre")),
    "opt_foreign_diploma",
}


def used_keys() -> set[str]:
    keys = {k for k in re.findall(r"\bt\(\s*[\"']([a-z_]+)[\"']", CODE) if not k.endswith("_")}  # "reason_" + ...: DYNAMIC
    keys |= {f"help.{k}" for k in re.findall(r"\bh\(\s*[\"']([a-z_.]+)[\"']", CODE)}
    keys |= set(re.findall(r"\bkey=[\"']([a-z_]+)[\"']", CODE))
    for columns in re.findall(r"show_listing\(fmt, rows, \[([^\]]*)\]", CODE):
        keys |= set(re.findall(r"[\"']([a-z_]+)[\"']", columns))
    for columns in re.findall(r"\(\"([a-z_]+)\", t\(\"\1\", lang\)\)", CODE):  # listing columns (key, t(key))
        keys.add(columns)
    return keys | DYNAMIC


def test_every_key_used_is_defined() -> None:
    missing = sorted(used_keys() - set(_MESSAGES))
    assert not missing, f"message keys used but not defined: {missing}"


def test_every_key_defined_is_used() -> None:
    unused = sorted(set(_MESSAGES) - used_keys())
    assert not unused, f"message keys defined but never used: {unused}"


def test_every_message_has_both_languages() -> None:
    for key, (fr, en) in _MESSAGES.items():
        assert fr.strip() and en.strip(), key
        assert set(re.findall(r"\{(\w+)", fr)) == set(re.findall(r"\{(\w+)", en)), key


def test_no_second_message_table() -> None:
    assert not (SRC / "output" / "helptext.py").exists()
    tables = re.findall(r"^(\w+): dict\[str, tuple\[str, str\]\] = \{", CODE, re.M)
    assert tables == ["_MESSAGES"]

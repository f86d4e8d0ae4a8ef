"""docs/example.py: the library's public API read a CV, ranked roles and planned, alone and over a
process pool of 1,000 profiles; docs/api.md: the API reference, generated from the docstrings."""

from __future__ import annotations

import ast
import dataclasses
import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

import ia_metiers as im

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "example.py"
REFERENCE = ROOT / "docs" / "api.md"


def test_the_example_uses_only_the_public_api() -> None:
    tree = ast.parse(EXAMPLE.read_text(encoding="utf-8"))
    imported = [n for node in ast.walk(tree) if isinstance(node, ast.Import | ast.ImportFrom) for n in node.names]
    assert all(not n.name.startswith("ia_metiers.") for n in imported)
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("ia_metiers")]
    used = {
        n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "im"
    }
    assert used and used <= set(im.__all__), used - set(im.__all__)


def test_the_example_reads_a_cv_ranks_plans_and_maps_1000_profiles(tmp_path: Path) -> None:
    cv = tmp_path / "cv.html"
    cv.write_text("<h1>Ada Martin</h1><h2>Compétences</h2><ul><li>Python, pandas, SQL</li><li>Statistiques, Excel</li></ul>")
    run = subprocess.run(
        [sys.executable, str(EXAMPLE), str(cv)], capture_output=True, text=True, timeout=300, check=False, env=dict(os.environ)
    )
    assert run.returncode == 0, run.stderr
    alone, cohort = (json.loads(line) for line in run.stdout.splitlines())
    cat = im.load_catalog()
    person = im.read_profile(cat, text=im.read_document(cv).text)
    best = im.rank_roles(cat, person, top=1)[0]
    plan = im.rank_paths(cat, person, roles=[best.role])[0]
    assert alone == {"role": best.role, "score": best.score, "steps": [s.skill for s in plan.steps], "hours": plan.hours}
    assert alone["role"] == "data-analyst"
    names = sorted(cat.skills)
    first = im.read_profile(cat, [names[0]])
    assert cohort["profiles"] == 1000 and cohort["first"]["role"] == im.rank_roles(cat, first, top=1)[0].role
    assert cohort["hours"] > 0


def reference() -> str:
    """docs/api.md: every name of ``ia_metiers.__all__``, with its signature and docstring."""
    parts = [
        "# Library API reference",
        "",
        "Generated from the docstrings of `ia_metiers` (`IA_METIERS_UPDATE_API=1 python -m pytest tests/test_docs.py`",
        "refreshes it; the test fails when it is stale). `import ia_metiers as im`; every name below is `im.<name>`.",
    ]
    for name in sorted(n for n in im.__all__ if n != "__version__"):
        obj = getattr(im, name)
        if inspect.isclass(obj):
            parts += ["", f"## class `{name}`", "", inspect.cleandoc(obj.__doc__ or "")]
            if dataclasses.is_dataclass(obj):
                fields = ", ".join(f"`{f.name}: {f.type}`" for f in dataclasses.fields(obj))
                parts += ["", f"Fields: {fields}."]
            for member, value in sorted(vars(obj).items()):
                if member.startswith("_") or not (callable(value) or isinstance(value, property | classmethod)):
                    continue
                func = value.fget if isinstance(value, property) else getattr(value, "__func__", value)
                doc = " ".join(inspect.cleandoc(func.__doc__ or "").split())
                kind = "property" if isinstance(value, property) else "method"
                head = f"`{name}.{member}`" if kind == "property" else f"`{name}.{member}{_signature(func)}`"
                parts += ["", f"- {kind} {head}" + (f": {doc}" if doc else "")]
        elif callable(obj):
            parts += ["", f"## `{name}{_signature(obj)}`", "", inspect.cleandoc(obj.__doc__ or "")]
        else:
            parts += ["", f"## `{name}` = `{obj!r}`"]
    return "\n".join(parts).rstrip() + "\n"


def _signature(func: object) -> str:
    try:
        return str(inspect.signature(func))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return "(...)"


def test_the_api_reference_is_generated_from_the_docstrings() -> None:
    text = reference()
    if os.environ.get("IA_METIERS_UPDATE_API"):
        REFERENCE.write_text(text, encoding="utf-8")
    assert REFERENCE.read_text(encoding="utf-8") == text, (
        "docs/api.md is stale: IA_METIERS_UPDATE_API=1 python -m pytest tests/test_docs.py"
    )


def test_every_public_name_is_documented() -> None:
    for name in im.__all__:
        obj = getattr(im, name)
        if callable(obj):
            assert (obj.__doc__ or "").strip(), name

"""Both languages: messages, catalogue labels and the same JSON keys."""

from __future__ import annotations

import pytest

from ia_metiers.output.messages import _MESSAGES

SAMPLES = [
    ["match", "-s", "python,sql"],
    ["gap", "data-engineer", "-s", "python"],
    ["path", "--from", "traducteur"],
    ["path", "--from", "juriste", "--to", "ai-ethics-officer"],
    ["role", "prompt-engineer"],
    ["salaries", "ml-engineer"],
    ["market"],
    ["sectors"],
    ["jobs"],
    ["compare", "data-analyst", "data-scientist"],
]
FRENCH_ONLY = [
    "Acquis",
    "Métier",
    "Salaire",
    "semaines",
    "Compétence",
    "Formations suggérées",
    "générique",
    "Requis manquants",
    "Adéquation",
]


@pytest.mark.parametrize("args", SAMPLES, ids=lambda a: " ".join(a))
def test_english_end_to_end(cli, args: list[str]) -> None:
    fr = cli(*args)
    en = cli("--lang", "en", *args)
    assert fr.code == en.code == 0
    assert fr.out != en.out
    for word in FRENCH_ONLY:
        assert word not in en.out, word


@pytest.mark.parametrize("args", SAMPLES, ids=lambda a: " ".join(a))
def test_json_keys_do_not_change_with_the_language(cli, args: list[str]) -> None:
    def keys(doc: object) -> object:
        if isinstance(doc, dict):
            return {k: keys(v) for k, v in doc.items() if k not in ("names",)}
        if isinstance(doc, list):
            return [keys(v) for v in doc[:1]]
        return None

    fr = cli(*args, "-f", "json").json()
    en = cli("--lang", "en", *args, "-f", "json").json()
    assert keys(fr) == keys(en)


def test_env_var_sets_the_language(cli) -> None:
    res = cli("match", "-s", "python", env={"IA_METIERS_LANG": "en"})
    assert "Fit for AI roles" in res.out


def test_errors_in_english(cli) -> None:
    res = cli("--lang", "en", "gap", "astronaut", "-s", "python")
    assert res.code == 2 and "unknown role" in res.err


def test_bad_language_is_a_usage_error(cli) -> None:
    assert cli("--lang", "de", "roles").code == 2


def test_every_message_exists_in_both_languages() -> None:
    for key, (fr, en) in _MESSAGES.items():
        assert fr.strip() and en.strip(), key


def test_catalogue_labels_exist_in_both_languages(catalog) -> None:
    for entries in (catalog.skills, catalog.roles, catalog.jobs, catalog.trainings, catalog.sectors):
        for entry in entries.values():
            assert entry.name.fr.strip() and entry.name.en.strip(), entry.id
    for role in catalog.roles.values():
        assert role.summary.fr != role.summary.en, role.id


def test_click_errors_in_french_one_line(cli) -> None:
    res = cli("match", "--top", "x", "-s", "python")
    assert res.code == 2
    assert res.err.splitlines() == [
        "ia-metiers: erreur: valeur invalide pour '--top' / '-n' : un nombre entier est attendu",
        "  aide : ia-metiers match --help",
    ]
    res = cli("match", "--zzqq")
    assert res.code == 2 and res.err.splitlines()[0] == "ia-metiers: erreur: option inconnue : --zzqq"
    res = cli("match", "--job", "2")
    assert res.err.splitlines()[0] == "ia-metiers: erreur: option inconnue : --job (options proches : --jobs, --top)"
    res = cli("gap")
    assert res.err.splitlines()[0] == "ia-metiers: erreur: argument manquant : 'ROLE'."
    res = cli("match", "-s", "a", "b")
    assert res.err.splitlines()[0] == "ia-metiers: erreur: argument(s) en trop : b"


def test_click_errors_in_english(cli) -> None:
    res = cli("--lang", "en", "match", "--zzqq")
    assert res.code == 2
    assert res.err.splitlines() == ["ia-metiers: error: No such option: --zzqq", "  help: ia-metiers match --help"]


def test_help_in_the_session_language(cli, monkeypatch) -> None:
    fr = cli("match", "--help").out
    assert fr.startswith("Utilisation : ia-metiers match [OPTIONS]")
    assert "Options :" in fr and "Afficher cette aide et quitter." in fr and "[défaut : 5;" in fr
    assert "Classer les métiers IA" in fr
    en = cli("match", "--help", "--lang", "en").out  # --lang anywhere on the line
    assert en.startswith("Usage: ia-metiers match [OPTIONS]")
    assert "Show this message and exit." in en and "Rank AI roles" in en and "Classer" not in en
    monkeypatch.setenv("IA_METIERS_LANG", "en")
    assert "Rank AI roles" in cli("match", "--help").out


def test_help_language_in_a_real_process(run) -> None:
    out = run("--help", env={"IA_METIERS_LANG": "en"}).stdout.decode()
    assert out.startswith("Usage: ia-metiers") and "Commands:" in out
    out = run("--help").stdout.decode()
    assert out.startswith("Utilisation : ia-metiers") and "Commandes :" in out

"""The command line speaks its reader's language: ``--lang``, else the environment.

Run as a person runs it, in a subprocess whose environment says the language
(``LANG=fr_FR.UTF-8``), so that the choice from LC_ALL / LC_MESSAGES / LANG is tested
for real, argparse's own words included.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from checklist_forms.i18n.messages import COMMENT_TAG, KEYWORDS, read
from checklist_forms.i18n.user_language import choose, from_environment

from helpers import cli_in_locale as cli

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "tools" / "checklist_forms"
CATALOGUE = ROOT / "checklists"
BLANK = CATALOGUE / "fr" / "grille-entretien" / "2.0.0" / "form.json"
NBSP = "\u00a0"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A downloads folder: a valid draft, an invalid final form, and a note."""
    blank = json.loads(BLANK.read_text(encoding="utf-8"))
    (tmp_path / "ok.json").write_text(json.dumps(blank), encoding="utf-8")
    bad = dict(blank, status="final", answers=dict(blank["answers"], bogus=1))
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    (tmp_path / "notes.txt").write_text("à relire", encoding="utf-8")
    return tmp_path


def validate(folder: Path, *extra: str, **env: str) -> subprocess.CompletedProcess[str]:
    return cli("validate", "ok.json", "bad.json", "--catalogue", str(CATALOGUE), *extra,
               cwd=folder, **env)  # fmt: skip


def test_french_under_lang_fr(folder: Path) -> None:
    done = validate(folder, LANG="fr_FR.UTF-8")
    assert done.returncode == 1, done.stderr
    out = done.stdout
    assert f"ok.json{NBSP}: brouillon valide de grille-entretien 2.0.0" in out
    assert f"bad.json{NBSP}: formulaire final INVALIDE de grille-entretien 2.0.0" in out
    assert (
        f"bogus{NBSP}: élément inconnu{NBSP}: cette checklist n’a pas d’élément «{NBSP}bogus{NBSP}»"
        in out
    )
    assert "obligatoire pour un formulaire final, mais le texte est vide" in out
    assert f"valides{NBSP}: 1, invalides{NBSP}: 1, inutilisables{NBSP}: 0" in out
    assert "INVALID" not in out.replace("INVALIDE", "")


def test_folder_skips_said_in_french(folder: Path) -> None:
    done = cli("validate", ".", "--catalogue", str(CATALOGUE), cwd=folder, LANG="fr_FR.UTF-8")
    assert done.returncode == 1
    assert f"notes.txt{NBSP}: ignoré, pas un formulaire (pas un fichier .json)" in done.stderr


def test_lang_en_wins_over_the_environment(folder: Path) -> None:
    before = cli("--lang", "en", "validate", "bad.json", "--catalogue", str(CATALOGUE),
                 cwd=folder, LANG="fr_FR.UTF-8")  # fmt: skip
    after = validate(folder, "--lang", "en", LANG="fr_FR.UTF-8", LC_ALL="fr_FR.UTF-8")
    for done in (before, after):
        assert done.returncode == 1
        assert "bad.json: INVALID final form of grille-entretien 2.0.0" in done.stdout
        assert "unknown item: this checklist has no item 'bogus'" in done.stdout
        assert "INVALIDE" not in done.stdout


def test_lang_fr_under_an_english_environment(folder: Path) -> None:
    done = validate(folder, "--lang=fr", LANG="en_US.UTF-8")
    assert "formulaire final INVALIDE" in done.stdout


@pytest.mark.parametrize(
    ("env", "french"),
    [
        ({"LC_ALL": "en_US.UTF-8", "LANG": "fr_FR.UTF-8"}, False),
        ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, True),
        ({"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_GB.UTF-8"}, True),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, False),
        ({"LC_ALL": "", "LANG": "fr_BE.UTF-8@euro"}, True),
        ({"LANG": "POSIX"}, False),
        ({}, False),
    ],
)
def test_the_environment_as_gettext_reads_it(
    folder: Path, env: dict[str, str], french: bool
) -> None:
    done = validate(folder, **env)
    assert ("formulaire final INVALIDE" in done.stdout) is french, done.stdout
    assert ("INVALID final form" in done.stdout) is not french
    assert from_environment(env) == ("fr" if french else "en")


def test_choice_of_language_without_a_process() -> None:
    assert choose(["validate", "f.json", "--lang", "en"], {"LANG": "fr_FR.UTF-8"}) == "en"
    assert choose(["--lang=fr", "report", "f.json"], {"LANG": "C"}) == "fr"
    # An unknown --lang is argparse's to refuse; it does not pick the language.
    assert choose(["--lang", "de"], {"LANG": "fr_FR.UTF-8"}) == "fr"


def test_help_in_french(tmp_path: Path) -> None:
    top = cli("--help", cwd=tmp_path, LANG="fr_FR.UTF-8")
    assert top.returncode == 0
    assert top.stdout.startswith(f"utilisation{NBSP}: checklist-forms")
    assert "Exporte, vérifie, valide et résume" in top.stdout
    assert "valider des formulaires remplis (fichiers ou dossiers)" in top.stdout
    assert f"options{NBSP}:" in top.stdout
    sub = cli("validate", "--help", cwd=tmp_path, LANG="fr_FR.UTF-8")
    assert sub.returncode == 0
    assert "Vérifie des formulaires remplis d’après le schéma" in sub.stdout
    assert "lire aussi les sous-dossiers des dossiers" in sub.stdout
    assert "afficher cette aide et quitter" in sub.stdout
    assert f"arguments positionnels{NBSP}:" in sub.stdout
    assert f"codes de sortie{NBSP}:" in sub.stdout
    assert "--lang {fr,en}" in sub.stdout
    english = cli("validate", "--help", "--lang", "en", cwd=tmp_path, LANG="fr_FR.UTF-8")
    assert "options:" in english.stdout
    assert "also read the subfolders of folders" in english.stdout


def test_errors_in_french_exit_2(tmp_path: Path) -> None:
    usage = cli("validate", cwd=tmp_path, LANG="fr_FR.UTF-8")
    assert usage.returncode == 2
    assert (
        f"checklist-forms validate{NBSP}: erreur{NBSP}: les arguments suivants sont "
        f"obligatoires{NBSP}: FILE|DIR" in usage.stderr
    )
    choice = cli("--lang", "de", "--help", cwd=tmp_path, LANG="fr_FR.UTF-8")
    assert choice.returncode == 2
    assert "choix invalide" in choice.stderr
    missing = cli("report", "absent.json", "--catalogue", str(CATALOGUE), cwd=tmp_path,
                  LANG="fr_FR.UTF-8")  # fmt: skip
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"erreur{NBSP}: absent.json{NBSP}: fichier introuvable"


def test_json_output_stays_english(folder: Path) -> None:
    french = validate(folder, "--format", "json", LANG="fr_FR.UTF-8")
    english = validate(folder, "--format", "json", LANG="C")
    assert french.stdout == english.stdout
    assert "unknown item: this checklist has no item 'bogus'" in french.stdout


def test_report_follows_the_form_unless_lang(folder: Path) -> None:
    form = folder / "ok.json"
    default = cli("report", str(form), "--catalogue", str(CATALOGUE), cwd=folder, LANG="C")
    asked = cli("report", str(form), "--catalogue", str(CATALOGUE), "--lang", "en",
                cwd=folder, LANG="C")  # fmt: skip
    assert default.returncode == asked.returncode == 0, default.stderr
    # A French form's report is French even for an English reader; --lang en asks otherwise.
    assert f"Statut{NBSP}:" in default.stdout or "Statut :" in default.stdout
    assert "Status:" in asked.stdout


def test_english_help_does_not_load_babel(tmp_path: Path) -> None:
    code = (
        "import sys; from checklist_forms.cli import main; main(['validate', '--help']);"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PATH": "/usr/bin:/bin", "LANG": "C"}, check=True)  # fmt: skip
    assert done.stdout.rstrip().endswith("[]")


def _messages(folder: Path) -> set[str]:
    found = extract_from_dir(
        folder, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=[COMMENT_TAG]
    )
    return {m if isinstance(m, str) else m[0] for _f, _l, m, _c, _x in found}


@pytest.mark.parametrize("part", ["cli", "intake"])
def test_every_message_has_a_french_translation(part: str) -> None:
    catalogue = read("fr")
    missing = []
    for message in sorted(_messages(PACKAGE / part)):
        entry = catalogue.get(message)
        strings = entry.string if entry is not None else ""
        texts = strings if isinstance(strings, tuple) else (strings,)
        if entry is None or entry.fuzzy or not all(texts):
            missing.append(message)
    assert not missing, f"{len(missing)} message(s) of {part}/ without French: {missing}"


def test_the_cli_prints_no_bare_english() -> None:
    """Every f-string a command prints carries no words of its own: they come from ``_``."""
    offenders = []
    for path in sorted((PACKAGE / "cli").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "print"):
                continue
            for arg in node.args:
                literals = [arg] if isinstance(arg, ast.Constant) else getattr(arg, "values", [])
                for part in literals:
                    text = part.value if isinstance(part, ast.Constant) else ""
                    if isinstance(text, str) and any(c.isalpha() for c in text):
                        offenders.append(f"{path.name}:{node.lineno}: {text!r}")
    assert not offenders, offenders


def test_job_ad_follows_lang_and_json_ld_keeps_the_form_language(tmp_path: Path) -> None:
    form = ROOT / "tests" / "data" / "forms" / "fiche-de-poste-complete.json"
    for lang in ("", "en"):
        extra = ("--lang", lang) if lang else ()
        done = cli("jobposting", str(form), "--catalogue", str(CATALOGUE), "-o", f"{lang}.jsonld",
                   "--markdown", f"{lang}.md", *extra, cwd=tmp_path, LANG="C")  # fmt: skip
        assert done.returncode == 0, done.stderr
    assert "## Vos activités" in (tmp_path / ".md").read_text(encoding="utf-8")
    assert "## What you will do" in (tmp_path / "en.md").read_text(encoding="utf-8")
    assert (tmp_path / ".jsonld").read_bytes() == (tmp_path / "en.jsonld").read_bytes()

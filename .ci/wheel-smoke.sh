#!/usr/bin/env bash
# The tool as an HR team gets it: the sdist and the wheel built, the wheel installed in a
# fresh virtual environment in a temporary folder outside the repository, and the
# commands run there on forms copied in (no clone, no network needed by the tool).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python="${PYTHON:-python3}"

"$python" -m venv "$work/build-env"
"$work/build-env/bin/pip" install -q build
# The wheel is built from the sdist (build's default), which proves the sdist carries
# checklists/ too.
"$work/build-env/bin/python" -m build -q --outdir "$work/dist" "$repo"
ls "$work/dist"
"$python" -m venv "$work/env"
"$work/env/bin/pip" install -q "$work"/dist/*.whl
tool="$work/env/bin/checklist-forms"

mkdir "$work/forms" "$work/forms/candidats"
cd "$work/forms"
"$tool" --version
# A blank form from the installed catalogue, filled by a small script.
"$work/env/bin/python" - <<'PY'
import json
from pathlib import Path

from checklist_forms.intake.locate import packaged_root

root = packaged_root()
assert root is not None and "site-packages" in str(root), root
form = json.loads((root / "fr/fiche-de-poste/1.0.0/form.json").read_text(encoding="utf-8"))
assert form["$schema"].endswith("/checklists/fiche-de-poste/1.0.0/schema.json"), form
form["answers"].update({
    "intitule": "Community manager (H/F)", "employeur": "Coopérative Les Jardins du Lac",
    "finalite": "Faire vivre la communauté des adhérents en ligne.",
    "activites": "- Animer le forum\n- Répondre aux adhérents", "rattachement": "Direction",
    "competences-savoir-faire": "Rédaction web, modération", "type-contrat": "cdi",
    "temps-travail": "temps-plein", "lieu-ville": "Annecy", "lieu-code-postal": "74000",
    "pays": "FR", "date-publication": "2026-11-23", "salaire-min": 32000,
    "salaire-max": 38000, "diplome": "bac-3", "experience-mois": 24,
    "responsabilite": "autonomie-encadree", "teletravail": "partiel",
    "soirs-week-ends": True, "competences-savoirs": "RGPD", "reference": "CM-1",
    "competences-savoir-etre": "Écoute", "resultats": "Réponse sous 24 heures.",
})
form["status"] = "final"
Path("fiche.json").write_text(json.dumps(form, ensure_ascii=False, indent=2), encoding="utf-8")
bad = dict(form, answers=dict(form["answers"], **{"salaire-min": "beaucoup"}))
Path("invalide.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
Path("candidats/fiche.json").write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
Path("candidats/cv.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
Path("candidats/notes.txt").write_text("Entretien mardi.\n", encoding="utf-8")
PY

expect() {  # expect CODE COMMAND…: run COMMAND, fail the script unless it exits CODE
  local want="$1" got=0
  shift
  "$@" || got=$?
  if [ "$got" -ne "$want" ]; then
    echo "wheel smoke: \`$*\` exited $got, expected $want" >&2
    exit 1
  fi
}
expect 0 "$tool" validate fiche.json
expect 1 "$tool" validate invalide.json
# The user's language: French from the environment, English when asked.
LANG=fr_FR.UTF-8 "$tool" validate invalide.json > fr.txt || true
grep -q "formulaire final INVALIDE" fr.txt
LANG=fr_FR.UTF-8 "$tool" --lang en validate invalide.json > en.txt || true
grep -q "INVALID final form" en.txt
expect 0 "$tool" validate candidats
expect 0 "$tool" report fiche.json -o rapport.md
grep -q "Community manager" rapport.md
expect 0 "$tool" jobposting fiche.json -o annonce.jsonld --html annonce.html
grep -q '"JobPosting"' annonce.jsonld
echo "wheel smoke: ok ($(ls "$work"/dist | tr '\n' ' '))"

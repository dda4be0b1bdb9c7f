"""Synthetic Sphinx sites: the same pages with checklists or with plain task lists.

Each page has a title, two paragraphs of prose and one checklist of three sections
(twelve items of every kind). The plain variant writes the same sections and the same
item labels as a MyST task list (``- [ ] label``), which is what a page would hold
without the extension.
"""

from __future__ import annotations

import re
from pathlib import Path

BASE_URL = "https://example.org/manuel/"

CONF = """\
extensions = [{extensions}]
myst_enable_extensions = ["colon_fence", "tasklist"]
language = "fr"
html_baseurl = "{base_url}"
project = "Banc d'essai"
exclude_patterns = ["_build"]
"""

PROSE = (
    "Le community manager anime les échanges autour de l'organisation, répond aux "
    "questions, fait remonter les critiques aux services concernés et rend compte "
    "chaque mois de ce qu'il a observé. Cette page {n} sert de banc d'essai : son texte "
    "ne change pas d'une variante à l'autre, seule la liste finale diffère."
)
PROSE_2 = (
    "Une checklist se remplit dans le navigateur, se télécharge en formulaire JSON et "
    "se vérifie avec la commande checklist-forms. Les réponses restent sur le poste de "
    "la personne qui la remplit."
)

# (id, kind, label, extra YAML lines) per section; ids get no page suffix: they only
# need to be unique within a checklist.
SECTIONS: list[tuple[str, str, list[tuple[str, str, str, list[str]]]]] = [
    (
        "cadre",
        "Le cadre du poste",
        [
            ("objectifs", "checkbox", "Les objectifs sont écrits.", ["required: true"]),
            (
                "volume",
                "single_choice",
                "Temps de community management nécessaire",
                [
                    "required: true",
                    "choices:",
                    "  - {value: faible, label: Moins d'un mi-temps}",
                    "  - {value: moyen, label: Un mi-temps}",
                    "  - {value: fort, label: Un temps plein}",
                ],
            ),
            (
                "pourquoi",
                "text",
                "Pourquoi si peu de temps ?",
                ["visible_if: {item: volume, equals: faible}"],
            ),
            (
                "canaux",
                "multi_choice",
                "Canaux à animer",
                [
                    "max_selected: 3",
                    "choices:",
                    "  - {value: forum, label: Forum}",
                    "  - {value: reseaux, label: Réseaux sociaux}",
                    "  - {value: courriel, label: Lettre d'information}",
                    "  - {value: evenements, label: Événements}",
                ],
            ),
        ],
    ),
    (
        "mesures",
        "Les mesures",
        [
            (
                "heures",
                "number",
                "Heures par semaine",
                ["min: 0", "max: 70", "unit: heures par semaine"],
            ),
            ("echeance", "date", "Date de prise de poste", []),
            (
                "aisance",
                "rating",
                "Aisance rédactionnelle",
                [
                    "levels:",
                    "  - {value: 1, label: Insuffisant, anchor: Aucun texte publié.}",
                    "  - {value: 2, label: Partiel, anchor: Des textes relus par un tiers.}",
                    "  - {value: 3, label: Solide, anchor: Des textes publiés seul.}",
                    "  - {value: 4, label: Remarquable, anchor: Une ligne éditoriale écrite.}",
                ],
            ),
            ("a-savoir", "note", "Ces mesures se relisent chaque trimestre.", []),
        ],
    ),
    (
        "suite",
        "La suite",
        [
            ("budget", "checkbox", "Un budget est prévu.", []),
            ("charte", "checkbox", "La charte de modération est publiée.", ["required: true"]),
            (
                "commentaire",
                "text",
                "Commentaire libre",
                ["multiline: true", "max_length: 500"],
            ),
            ("referent", "text", "Référent dans l'équipe", []),
        ],
    ),
]
ITEMS_PER_CHECKLIST = sum(len(items) for _, _, items in SECTIONS)


def checklist_block(checklist_id: str, n: int) -> str:
    lines = [
        f"```{{checklist}} {checklist_id}",
        ":version: 1.0.0",
        f":title: Checklist {n}",
        ":audience: Direction, responsables RH",
        "",
        "intro: Cochez ce qui est déjà en place.",
        "sections:",
    ]
    for section_id, title, items in SECTIONS:
        lines += [f"  - id: {section_id}", f"    title: {title}", "    items:"]
        for item_id, kind, label, extra in items:
            lines += [
                f"      - id: {item_id}",
                f"        kind: {kind}",
                f"        label: {label}",
            ]
            lines += [f"        {line}" for line in extra]
    lines.append("```")
    return "\n".join(lines)


def tasklist_block(n: int) -> str:
    lines = [f"**Checklist {n}**", "", "Cochez ce qui est déjà en place.", ""]
    for _, title, items in SECTIONS:
        lines += [f"### {title}", ""]
        lines += [f"- [ ] {label}" for _, _, label, _ in items]
        lines.append("")
    return "\n".join(lines).rstrip()


def page(n: int, *, checklists: bool, per_page: int = 1, first_id: int = 0) -> str:
    parts = [f"# Page {n}", "", PROSE.format(n=n), "", PROSE_2, ""]
    for k in range(per_page):
        number = first_id + k
        parts += [f"## Liste {number}", ""]
        if checklists:
            parts.append(checklist_block(f"liste-{number:05d}", number))
        else:
            parts.append(tasklist_block(number))
        parts.append("")
    return "\n".join(parts)


def write_site(
    folder: Path,
    pages: int,
    *,
    checklists: bool,
    per_page: int = 1,
    catalogue: bool = True,
) -> Path:
    """Write a site of ``pages`` pages into ``folder/src`` and return that folder."""
    src = folder / "src"
    src.mkdir(parents=True, exist_ok=True)
    extensions = ['"myst_parser"']
    if checklists:
        extensions.append('"checklist_forms.sphinx_ext"')
    (src / "conf.py").write_text(
        CONF.format(extensions=", ".join(extensions), base_url=BASE_URL), encoding="utf-8"
    )
    names = [f"p{n:05d}" for n in range(pages)]
    for n, name in enumerate(names):
        (src / f"{name}.md").write_text(
            page(n, checklists=checklists, per_page=per_page, first_id=n * per_page),
            encoding="utf-8",
        )
    index = ["# Accueil", "", PROSE_2, ""]
    if checklists and catalogue:
        index += ["```{checklist-catalogue}", "```", ""]
    index += ["```{toctree}", ":maxdepth: 1", "", *names, "```", ""]
    (src / "index.md").write_text("\n".join(index), encoding="utf-8")
    return src


def edit_page(src: Path, n: int = 0, stamp: int = 1) -> Path:
    """Change one sentence and one checklist label of page ``n`` (a contributor's edit)."""
    path = src / f"p{n:05d}.md"
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"Référent dans l'équipe[^\n]*", f"Référent dans l'équipe (révision {stamp})", text
    )
    text = re.sub(r"banc d'essai[^:]*:", f"banc d'essai (révision {stamp}) :", text, count=1)
    path.write_text(text, encoding="utf-8")
    return path

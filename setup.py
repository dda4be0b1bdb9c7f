"""Build hook: the wheel carries the published catalogue as package data.

``checklists/`` (written by ``checklist-forms export``, checked by ``checklist-forms
check``) stays the one source: it is copied, as it is, into
``checklist_forms/catalogue/`` of the build, so an installed ``checklist-forms`` reads any
published form with no clone and no network. Nothing is committed twice, and an editable
install reads the clone's ``checklists/`` directly (see ``intake/catalogue.py``).
Everything else about the package is in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).parent
SOURCE = ROOT / "checklists"
PACKAGED = Path("checklist_forms", "catalogue")


class BuildWithCatalogue(build_py):
    def run(self) -> None:
        super().run()
        if self.editable_mode:
            return
        if not (SOURCE / "index.json").is_file():
            raise SystemExit(f"cannot build: {SOURCE}/index.json is missing")
        target = Path(self.build_lib) / PACKAGED
        if target.exists():
            shutil.rmtree(target)
        # The files as they are: the wheel's catalogue is byte-identical to checklists/.
        shutil.copytree(SOURCE, target)


setup(cmdclass={"build_py": BuildWithCatalogue})

"""What several commands share: opening the catalogue."""

from __future__ import annotations

import argparse
from pathlib import Path

from checklist_forms.intake.catalogue import Catalogue


def catalogue(args: argparse.Namespace) -> Catalogue:
    return Catalogue.load(Path(args.catalogue))

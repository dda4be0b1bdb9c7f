"""Checklists of the Manuel du Community Manager as data: definitions, JSON forms, tools."""

import os

__version__ = "0.1.0"

# openpyxl writes its XML through lxml when lxml is importable, and through the standard
# library otherwise, and the two differ byte for byte: the published workbooks would then
# depend on what else is installed. openpyxl reads this switch once, when it is first
# imported, so it is set here, before any module of this package imports it (the workbook
# writer refuses to run when openpyxl was imported earlier with lxml on).
os.environ["OPENPYXL_LXML"] = "False"

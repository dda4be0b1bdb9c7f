"""Checklists of the Manuel du Community Manager as data: definitions, JSON forms, tools."""

__version__ = "0.1.0"

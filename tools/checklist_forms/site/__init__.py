"""Sphinx extensions for the handbook site itself (not for checklists).

- :mod:`.bilingual`: language switcher, ``hreflang`` alternates in pages and sitemap.
- :mod:`.pagemeta`: owner and review date required in every page's front matter, and a
  banner on pages past their review date.
- :mod:`.search`: accent-insensitive French search (sphinx-doc/sphinx#6687).
"""

"""Sphinx extensions for the handbook site itself (not for checklists).

- :mod:`.bilingual`: language switcher, ``hreflang`` alternates in pages and sitemap.
- :mod:`.pagemeta`: owner and review date required in every page's front matter, and a
  banner on pages past their review date.
- :mod:`.search`: accent-insensitive French search (sphinx-doc/sphinx#6687).
- :mod:`.theme`: corrections to what the pydata theme publishes (template overrides in
  ``templates/``, noindex on search pages, no stray theme sources in the output).
- :mod:`.tasklists`: task-list boxes that survive translation and need no label.
- :mod:`.webcheck`: the web-standards checks over the built site (``nox -s webcheck``).
"""

"""Web standards checks over the built site (``nox -s webcheck``).

- :mod:`.serve`: the site on 127.0.0.1 with gzip, as GitHub Pages serves it;
- :mod:`.links`: broken internal links and anchors in the built HTML;
- :mod:`.overflow`: no horizontal scrolling at phone widths (Playwright, Chromium);
- :mod:`.tools`: the Node and Java checkers (Nu Html Checker, pa11y, Lighthouse) pinned
  in ``tools/webcheck/package.json``;
- :mod:`.__main__`: runs them all and fails on any error, printing what and where.
"""

"""No horizontal scrolling on a phone: every page at 360 and 390 CSS pixels wide.

A page scrolls sideways when its document is wider than the viewport; the check also
names the widest elements sticking out past the right edge, so the message says what
to fix (a table, a header, a form control) rather than only that something overflows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

WIDTHS = (360, 390)

# Elements whose right edge passes the viewport, outermost first; elements inside a
# scrolling container (a wide table in its own scroll box) do not make the page scroll.
_CULPRITS = """
(width) => {
  const out = [];
  const clipped = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') return true;
    }
    return false;
  };
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.right <= width + 1 || clipped(el)) continue;
    if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1
        && !clipped(el.parentElement) && el.parentElement !== document.body) continue;
    const id = el.id ? '#' + el.id : '';
    const cls = el.classList.length ? '.' + [...el.classList].slice(0, 2).join('.') : '';
    out.push(`${el.tagName.toLowerCase()}${id}${cls} (right edge ${Math.round(r.right)} px)`);
    if (out.length >= 3) break;
  }
  return {scroll: document.documentElement.scrollWidth, culprits: out};
}
"""


def overflowing(urls: Iterable[str], browser: Any) -> list[str]:
    """One message per page and width that scrolls sideways (Playwright ``browser``)."""
    problems: list[str] = []
    for width in WIDTHS:
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for url in urls:
            page.goto(url, wait_until="load")
            found = page.evaluate(_CULPRITS, width)
            if found["scroll"] > width:
                culprits = "; ".join(found["culprits"]) or "no single element"
                problems.append(f"{url} at {width} px: {found['scroll']} px wide ({culprits})")
        context.close()
    return problems

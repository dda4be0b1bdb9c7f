"""The theme's icon fonts, cut down to the icons the site draws (issue 18, phone speed).

pydata-sphinx-theme draws its icons with Font Awesome's fonts: 115 KB for the solid
icons and 110 KB for the brands, of which the site shows about twenty icons and one
brand (GitHub). A phone downloads both fonts before the first paint of every page, since
the header uses them. Once the build ends, each font under ``_static`` is rewritten
from the theme's own copy with only the icons something can ask for:

- the ``fa-*`` classes written in the published pages or in the published scripts (the
  theme's script adds a close icon, for instance), looked up in the theme's stylesheet,
  which gives each class its character (``.fa-sun{--fa:"\\f185"}``);
- every character the stylesheets name themselves (``--pst-icon-*`` variables and
  ``content`` values: admonition titles, external links, …), whether or not a page uses
  them today, so a new admonition keeps its icon.

The theme's stylesheet also gives a character to each of Font Awesome's 1,970 icon
classes (66 KB of its 378 KB, parsed by the phone on every page): only the rules of the
classes above stay. A class missing from them would be an icon drawn blank, never a
layout change, and the check is made again at every build.

Both cuts are made from the theme's original files at every build, so they are the same
on incremental builds, and fontTools writes the same bytes for the same input.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

FONTS = "_static/vendor/fontawesome/webfonts"
# ".fa-magnifying-glass,.fa-search{--fa:"\f002"}" -> classes and character
_CLASS_RULE = re.compile(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"(\\[0-9a-f]{2,6}|[^"\\])"')
# Characters the stylesheets write themselves, escaped or as such: --pst-icon-x:"\f0f3"
_CSS_CHAR = re.compile(r'(?:--pst-icon-[a-z-]+|content):\s*"(\\[0-9a-f]{4,6}|[^"\\])"')
_CLASS_RULE_WHOLE = re.compile(r'((?:\.fa-[a-z0-9-]+,?)+)\{--fa:"(?:\\[0-9a-f]{2,6}|[^"\\])"\}')
_SOURCE_MAP = re.compile(r"\n?/\*# sourceMappingURL=[^*]*\*/\s*$")
_USED_CLASS = re.compile(r"\bfa-[a-z0-9-]+")
THEME_CSS = "styles/pydata-sphinx-theme.css"


def _code(char: str) -> int:
    """``\\f185`` (a CSS escape) or the character itself."""
    return int(char[1:], 16) if char.startswith("\\") else ord(char)


def used_classes(pages: Iterable[str]) -> set[str]:
    """The ``fa-*`` class names the pages or scripts write."""
    return {name for text in pages for name in _USED_CLASS.findall(text)}


def characters(stylesheets: Iterable[str], used: set[str]) -> set[int]:
    """The code points of every icon the pages, scripts or stylesheets may draw."""
    by_class: dict[str, int] = {}
    wanted: set[int] = set()
    for css in stylesheets:
        for classes, char in _CLASS_RULE.findall(css):
            for name in classes.split(","):
                by_class[name.lstrip(".")] = _code(char)
        wanted.update(_code(char) for char in _CSS_CHAR.findall(css))
    wanted.update(by_class[name] for name in used if name in by_class)
    return wanted


def trim_icon_rules(css: str, used: set[str]) -> str:
    """``css`` without the icon rules (``.fa-x,.fa-y{--fa:"…"}``) of classes nobody uses."""

    def keep(match: re.Match[str]) -> str:
        names = {n.lstrip(".") for n in match.group(1).split(",")}
        return match.group(0) if names & used else ""

    trimmed = _CLASS_RULE_WHOLE.sub(keep, css)
    # The source map describes the original file, no longer this one.
    return _SOURCE_MAP.sub("", trimmed)


def subset(source: Path, target: Path, codepoints: set[int]) -> None:
    """Write ``target``: the WOFF2 font ``source`` with only ``codepoints`` (if it has them)."""
    from fontTools import subset as ft_subset  # type: ignore[import-untyped]
    from fontTools.ttLib import TTFont  # type: ignore[import-untyped]

    # The same bytes for the same input: no "modified" date stamped into the font.
    font = TTFont(str(source), recalcTimestamp=False)
    options = ft_subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]  # the licence and the font's names stay in the file
    options.notdef_outline = True
    options.ignore_missing_unicodes = True
    subsetter = ft_subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    ft_subset.save_font(font, str(target), options)


def _theme_copy(app: Sphinx, relative: str) -> Path | None:
    """The theme's own file for ``_static/<relative>`` (never an already-cut output)."""
    theme = getattr(app.builder, "theme", None)
    for folder in theme.get_theme_dirs() if theme is not None else []:
        candidate = Path(folder) / "static" / relative
        if candidate.is_file():
            return candidate
    return None


def _read(paths: Iterable[Path]) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in paths]


def _own_pages(out: Path) -> list[Path]:
    """This build's pages: not its ``_static``, not another language's build inside it."""
    nested = {d.name for d in out.iterdir() if d.is_dir() and (d / "_static").is_dir()}
    return sorted(
        p for p in out.rglob("*.html") if p.relative_to(out).parts[0] not in nested | {"_static"}
    )


def cut_fonts(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    out = Path(app.outdir)
    fonts = sorted((out / FONTS).glob("*.woff2"))
    if not fonts:
        return
    static = out / "_static"
    # The theme's own copies, never this build's output of a previous build.
    css = [
        (_theme_copy(app, p.relative_to(static).as_posix()) or p).read_text(encoding="utf-8")
        for p in sorted(static.rglob("*.css"))
    ]
    pages = _read(_own_pages(out))
    # The Font Awesome script is no longer loaded (templates/layout.html); its list of
    # every icon name would keep every icon.
    pages += _read(sorted(p for p in static.rglob("*.js") if p.name != "fontawesome.js"))
    used = used_classes(pages)
    wanted = characters(css, used)
    theme_css = _theme_copy(app, THEME_CSS)
    if theme_css is not None and (static / THEME_CSS).is_file():
        text = trim_icon_rules(theme_css.read_text(encoding="utf-8"), used)
        (static / THEME_CSS).write_text(text, encoding="utf-8")
    for font in fonts:
        original = _theme_copy(app, font.relative_to(static).as_posix())
        if original is not None:
            subset(original, font, wanted)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", cut_fonts)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}

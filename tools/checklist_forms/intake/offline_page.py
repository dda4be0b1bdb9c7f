"""The shell of the standalone pages the commands write (panel view, trends): one HTML
file that opens offline, with its style inline and nothing fetched from elsewhere."""

from __future__ import annotations

from collections.abc import Container
from html import escape

STYLE = """
body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;
color:#1a1a1a;background:#fff;line-height:1.45}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid #8a8a8a;padding:.25rem .5rem;text-align:left}
caption{text-align:left;font-weight:600;padding:.25rem 0}
td.num{text-align:right}
figure{margin:1rem 0}
svg{max-width:100%;height:auto}
.gap{font-weight:700}
"""


def offline_page(language: str, title: str, body: list[str]) -> str:
    """A whole HTML document around ``body`` (already escaped markup)."""
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(language)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


def data_table(
    caption: str, head: list[str], rows: list[list[str]], numeric: Container[int] = ()
) -> str:
    """A captioned table: the first cell of each row heads it, ``numeric`` columns align right.

    Every text is escaped: names, labels and answers come from filled forms.
    """
    parts = [f"<table><caption>{escape(caption)}</caption><thead><tr>"]
    parts += [f'<th scope="col">{escape(h)}</th>' for h in head]
    parts.append("</tr></thead><tbody>")
    for row in rows:
        cells = [f'<th scope="row">{escape(row[0])}</th>'] if row else []
        for n, value in enumerate(row[1:], 1):
            css = ' class="num"' if n in numeric else ""
            cells.append(f"<td{css}>{escape(value)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)

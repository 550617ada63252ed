"""Drawing one chart to SVG bytes (matplotlib imported here only, inside the functions), its accessibility
attributes, and inlining an SVG in HTML."""

from __future__ import annotations

import re
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from .figur import buat_figure
from .gaya import RC
from .spec import Chart, ChartSpec

def draw_svg(spec: ChartSpec) -> bytes:
    """Draw one chart and return the SVG bytes (deterministic for the same spec)."""
    import matplotlib

    # per-chart salt: matplotlib's hashed ids (clip paths, markers, hatches) differ between the charts of a page
    with matplotlib.rc_context({**RC, "svg.id": f"grafik-{spec.chart.id}", "svg.hashsalt": f"{RC['svg.hashsalt']}-{spec.chart.id}"}):
        fig = buat_figure(spec.data)
        import io

        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Title": spec.chart.alt, "Date": None, "Creator": None, "Format": None,
                                                 "Type": None, "Language": "id"})
    return _accessible(buf.getvalue(), spec.chart)


def _accessible(svg: bytes, c: Chart) -> bytes:
    """Give the root ``<svg>`` role/lang/labels and put ``<desc>`` right after matplotlib's ``<title>``."""
    text = svg.decode("utf-8")
    tid, did = f"grafik-{c.id}-judul", f"grafik-{c.id}-desk"
    text = text.replace("<svg ", f'<svg role="img" aria-labelledby="{tid}" aria-describedby="{did}" xml:lang="id" lang="id" ', 1)
    title_xml = f"<title>{escape(c.alt)}</title>"
    if title_xml in text:
        text = text.replace(title_xml, f"<title id={quoteattr(tid)}>{escape(c.alt)}</title>\n <desc id={quoteattr(did)}>{escape(c.deskripsi)}</desc>", 1)
    else:  # matplotlib escapes differently: insert our own after the root start tag
        end = text.index(">", text.index("<svg ")) + 1
        text = text[:end] + f"\n <title id={quoteattr(tid)}>{escape(c.alt)}</title>\n <desc id={quoteattr(did)}>{escape(c.deskripsi)}</desc>" + text[end:]
    return text.encode("utf-8")


_ID = re.compile(r'\bid="([^"]+)"')


def svg_sisip(svg: bytes | str | Path, awalan: str | None = None) -> str:
    """The SVG as markup to inline in HTML: no XML prolog/DOCTYPE, every ``id`` (and its ``#`` references)
    prefixed so several charts on one page never share an id. ``awalan`` defaults to the root id."""
    if isinstance(svg, Path):
        svg = svg.read_bytes()
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = text[text.index("<svg"):]
    root_id = _ID.search(text[: text.index(">")])
    awalan = awalan or (root_id[1] if root_id else "grafik")
    ids = {m[1] for m in _ID.finditer(text)} - ({root_id[1]} if root_id else set())
    for old in sorted((i for i in ids if not i.startswith(awalan + "-")), key=len, reverse=True):
        new = f"{awalan}-{old}"
        for a, b in ((f'id="{old}"', f'id="{new}"'), (f"url(#{old})", f"url(#{new})"), (f'href="#{old}"', f'href="#{new}"'),
                     (f'aria-labelledby="{old}"', f'aria-labelledby="{new}"'), (f'aria-describedby="{old}"', f'aria-describedby="{new}"')):
            text = text.replace(a, b)
    return text

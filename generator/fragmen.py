"""Generated tables and figures travel beside the Markdown, not through it.

A report page is ~90% HTML tables. Passed through Python-Markdown, that HTML is tokenised twice (the raw-HTML
stash and MkDocs' anchor collector, both with Python's ``html.parser``) only to be copied out unchanged. So the
templates wrap each generated table or figure in ``<!--lkip:awal-->`` … ``<!--lkip:akhir-->``, and when a page
is written, :func:`pisahkan` moves every wrapped block to the end of the file, after :data:`PEMISAH`, leaving a
one-word placeholder paragraph in its place. MkDocs' ``lkip`` plugin (:mod:`generator.mkdocs_plugin`) takes the
blocks off before Markdown conversion and puts them back into the HTML after it, registering their ``id``s so
MkDocs' anchor validation still sees them. One file per page keeps MkDocs' dirty builds exact.
"""

from __future__ import annotations

import re

AWAL, AKHIR = "<!--lkip:awal-->", "<!--lkip:akhir-->"
PEMISAH = "<!--lkip:fragmen-->"  # starts the section of blocks at the end of a page's Markdown
_KEPALA = "<!--lkip:fragmen:{}-->"
_BLOK = re.compile(r"^<!--lkip:awal-->\n(.*?)\n<!--lkip:akhir-->$", re.S | re.M)
_KEPALA_RE = re.compile(r"^<!--lkip:fragmen:(\d+)-->\n", re.M)
_ID = re.compile(r'\sid="([^"]+)"')


def token(n: int) -> str:
    """The placeholder paragraph left in the Markdown (Python-Markdown turns it into ``<p>token</p>``)."""
    return f"LKIPFRAGMEN{n}X"


def pisahkan(md: str) -> str:
    """Move the wrapped blocks of a page's Markdown to its end; leave placeholders. Idempotent on plain text."""
    blok: list[str] = []

    def ganti(m: re.Match) -> str:
        blok.append(m.group(1).strip("\n"))
        return token(len(blok) - 1)

    body = _BLOK.sub(ganti, md)
    if not blok:
        return md
    tail = "".join(f"{_KEPALA.format(n)}\n{b}\n" for n, b in enumerate(blok))
    return body.rstrip("\n") + f"\n\n{PEMISAH}\n{tail}"


def ambil(md: str) -> tuple[str, list[str]]:
    """Split a page's Markdown into the text to convert and its blocks (``[]`` when it has none)."""
    body, sep, tail = md.partition(f"\n{PEMISAH}\n")
    if not sep:
        return md, []
    parts = _KEPALA_RE.split(tail)  # ["", "0", block, "1", block, …]
    return body + "\n", [parts[i + 1].rstrip("\n") for i in range(1, len(parts) - 1, 2)]


def sisipkan(html: str, blok: list[str]) -> str:
    """Put the blocks back in place of their placeholder paragraphs."""
    if not blok:
        return html
    # Python-Markdown ends a raw HTML block with a blank line; so does a block put back here (same bytes)
    # (except at the very end of the page)
    out = re.sub(r"<p>LKIPFRAGMEN(\d+)X</p>", lambda m: blok[int(m.group(1))] + "\n", html)
    return out[:-1] if re.search(r"<p>LKIPFRAGMEN\d+X</p>$", html) else out


def id_dalam(blok: list[str]) -> set[str]:
    """Element ids inside the blocks (for MkDocs' anchor validation)."""
    return {i for b in blok for i in _ID.findall(b)}

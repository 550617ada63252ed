"""Generated tables and figures travel beside the Markdown, not through it.

A report page is ~90% raw HTML (tables, figures, narratives already rendered by markdown-it, lists). Passed
through Python-Markdown, that HTML is tokenised twice (the raw-HTML stash and MkDocs' anchor collector, both
with Python's ``html.parser``) only to be copied out unchanged. So when a page is written, :func:`pisahkan`
moves every raw HTML block — the blocks templates wrap in ``<!--lkip:awal-->`` … ``<!--lkip:akhir-->`` and every
other paragraph made only of complete block-level elements — to the end of the file, after :data:`PEMISAH`,
leaving a one-word placeholder paragraph in its place. MkDocs' ``lkip`` plugin (:mod:`generator.mkdocs_plugin`) takes the
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


_BLOK_LEVEL = "address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|h[1-6]|header|hr|nav|ol|p|section|table|ul"
_BUKA = re.compile(rf"<({_BLOK_LEVEL})(?=[\s>])", re.I)


def _elemen_lengkap(teks: str) -> bool:
    """Is ``teks`` only complete block-level elements, one after another (what Python-Markdown passes through as
    raw HTML, unchanged)? Nested elements of the same name are counted; anything else means no."""
    pos = 0
    while pos < len(teks):
        m = _BUKA.match(teks, pos)
        if not m:
            return False
        nama = m.group(1).lower()
        tag = re.compile(rf"<(/?){nama}(?=[\s>/])", re.I)
        depth, end = 0, -1
        for t in tag.finditer(teks, pos):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                end = teks.find(">", t.end())
                break
        if end < 0:
            return False
        pos = end + 1
        if pos < len(teks) and teks[pos] != "\n":
            return False
        pos += 1
    return True


def pisahkan(md: str) -> str:
    """Move a page's raw HTML blocks to its end; leave placeholders. Idempotent on plain text."""
    blok: list[str] = []

    def ganti(m: re.Match) -> str:
        blok.append(m.group(1).strip("\n"))
        return token(len(blok) - 1)

    body = _BLOK.sub(ganti, md)
    parts, out, i = body.split("\n\n"), [], 0
    while i < len(parts):
        # an element may span paragraphs (blank lines inside): take as many as it needs, or leave them all as text
        j = next((j for j in range(i + 1, min(len(parts), i + 200) + 1) if _elemen_lengkap("\n\n".join(parts[i:j]))), None) if _BUKA.match(parts[i]) else None
        if j is None:
            out.append(parts[i])
            i += 1
            continue
        blok.append("\n\n".join(parts[i:j]))
        out.append(token(len(blok) - 1))
        i = j
    body = "\n\n".join(out)
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

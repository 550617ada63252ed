"""The print edition "Cetak / unduh": every page of a report in one, and each page's own navigation block."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable

from .halaman import page_url

_FRONT = re.compile(r"\A---\n.*?\n---\n+", re.S)
_JUDUL_BAB = re.compile(r"^# .*? \{: #[^}]*\}$", re.M)
_ID_JUDUL = re.compile(r"^(#{1,6} .*?) \{: #([A-Za-z0-9_.:-]+)( [^}]*)? \}$", re.M)
_ID_HTML = re.compile(r'(<[a-zA-Z][^<>]*?\s)id="([^"]*)"')
_TAUTAN = re.compile(r'(<[a-zA-Z][^<>]*?\s(?:href|src)=")([^"]*)(")')
_RUJUKAN_ID = re.compile(r'(<[a-zA-Z][^<>]*?\s(?:aria-labelledby|aria-describedby|aria-controls|for|headers)=")([^"]*)(")')


def susun_cetak(md_halaman: Callable[[str], str], kepala: str, keys: list[str], texts: dict[str, str]) -> str:
    """The print edition: ``kepala`` (the cetak page's own top) then each page's Markdown, in reading order.

    Heading/element ids that an earlier chapter already used get the page key as prefix; links to a report
    page (or an anchor on one) become links inside this page; other relative links and image paths are
    re-pointed from the cetak page's URL.
    """
    me = page_url(md_halaman("cetak"))
    pages = {page_url(md_halaman(k)).rstrip("/"): k for k in keys}
    used: set[str] = {m[1] for m in _ID_JUDUL.findall(kepala)} | {m[1] for m in _ID_HTML.findall(kepala)}
    peta: dict[tuple[str, str], str] = {}  # (page, id) → id on the print page
    judul: dict[str, str] = {}  # page → id of its h1
    bodies: dict[str, str] = {}
    for k in keys:
        md = _FRONT.sub("", texts[k], count=1)
        ids = [m[1] for m in _ID_JUDUL.findall(md)] + [m[1] for m in _ID_HTML.findall(md)]
        for i in ids:
            if (k, i) in peta:
                continue
            baru = i if i not in used else f"{k}--{i}"
            n = 2
            while baru in used:
                baru, n = f"{k}--{i}-{n}", n + 1
            used.add(baru)
            peta[(k, i)] = baru
        h1 = re.search(r"^# .*? \{: #([A-Za-z0-9_.:-]+)", md, re.M)
        judul[k] = peta[(k, h1.group(1))] if h1 else ""
        bodies[k] = md

    def tautan(k: str, url: str) -> str:
        if not url or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^/", url):
            return url
        path, hash_, anchor = url.partition("#")
        if not path:
            return "#" + peta.get((k, anchor), anchor)
        base = page_url(md_halaman(k))
        target = posixpath.normpath(posixpath.join(base, path))
        if target in pages:
            tk = pages[target]
            return "#" + (peta.get((tk, anchor), anchor) if anchor else judul.get(tk, ""))
        out = posixpath.relpath(target, me.rstrip("/"))
        if path.endswith("/") and not out.endswith("/"):
            out += "/"
        return out + (hash_ + anchor if hash_ else "")

    kepala = _TAUTAN.sub(lambda m: m.group(1) + tautan("cetak", m.group(2)) + m.group(3), kepala)
    parts = [kepala.rstrip("\n")]
    for n, k in enumerate(keys):
        md = bodies[k]
        md = _ID_JUDUL.sub(lambda m, k=k: _judul_baru(m, peta[(k, m.group(2))]), md)
        md = _ID_HTML.sub(lambda m, k=k: f'{m.group(1)}id="{peta.get((k, m.group(2)), m.group(2))}"', md)
        md = _TAUTAN.sub(lambda m, k=k: m.group(1) + tautan(k, m.group(2)) + m.group(3), md)
        md = _RUJUKAN_ID.sub(lambda m, k=k: m.group(1) + " ".join(peta.get((k, i), i) for i in m.group(2).split()) + m.group(3), md)
        # the chapter title: a new printed page (CSS h1.cetak-bab), except for the first chapter
        kelas = " .cetak-bab .cetak-awal" if n == 0 else " .cetak-bab"
        md = _JUDUL_BAB.sub(lambda m: m.group(0)[:-2] + kelas + " }", md, count=1)
        parts.append(md.strip("\n"))
    return "\n\n".join(parts) + "\n"


def _judul_baru(m: re.Match, baru: str) -> str:
    return f"{m.group(1)} {{: #{baru}{m.group(3) or ''} }}"


def sisip_bawah_judul(md: str, blok: str) -> str:
    """Put an HTML block under a page's title (and under its subtitle line, ``<p class="lkip-sub">``, and its answer
    block, ``class="jawaban"``)."""
    lines = md.split("\n")
    i = next((n for n, ln in enumerate(lines) if ln.startswith("# ")), -1)
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    if i >= 0 and j < len(lines) and lines[j].startswith('<p class="lkip-sub"'):
        i = j
        j += 1
        while j < len(lines) and not lines[j].strip():
            j += 1
    # the answer block stays first under the title (issue 14: the answer on the first phone screen)
    if i >= 0 and j < len(lines) and lines[j].startswith('<p class="jawaban'):
        i = j
    elif i >= 0 and j < len(lines) and lines[j].startswith('<section class="jawaban"'):
        i = next((n for n in range(j, len(lines)) if lines[n] == "</section>"), i)
    return "\n".join(lines[: i + 1] + ["", blok, ""] + lines[i + 1 :])

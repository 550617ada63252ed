"""After a report's templates ran: number tables and figures, record where findings are shown, register CSVs.

Templates leave placeholders (``<!--lkip:tabel:KEY-->``, ``<!--lkip:gambar:KIND:ID-->``, ``<!--lkip:huruf:2-->``…).
:class:`Pencatat` reads them in a fixed order — chapter pages in reading order, then the pages that summarise them
(see :mod:`generator.render.halaman`) — so numbers, CSV names and the audit list never depend on the order the
templates were rendered in. Two passes: :meth:`catat` numbers every page (section letters, "Tabel 3.2",
"Gambar 1.1", where each finding appears); :meth:`isi` then writes each placeholder's HTML
(``theme/templates/_fragmen.md.j2``), registering each table's CSV on the way.
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment

from .. import opendata
from .halaman import HALAMAN, URUTAN_HALAMAN
from .tabel import PEMBANGUN, TabelView
from .view import LaporanView

_TANDA = re.compile(r"<!--lkip:(huruf|tabel|gambar|tempat|blok|daftar):([^>]*?)-->")
_BLOK = re.compile(r"<!--lkip:blok:[^>]*-->\n?")
TUNDA = {"catatan"}  # tables built after every page is numbered (the audit list shows where findings are)


@dataclass
class Entri:
    halaman: str
    anchor: str
    nomor: str
    judul: str
    urutan: int = 0  # place on its page


def _urut(entri: list[Entri]) -> list[Entri]:
    """Reading order: pages in the report's order, then their place on the page (numbers may be the report's own)."""
    return sorted(entri, key=lambda e: (URUTAN_HALAMAN.get(e.halaman, 99), e.urutan))


def nomor_laporan(v: LaporanView) -> bool:
    """True when the report numbers some tables itself: the portal's own tables are then numbered "P3.2"."""
    return bool(v.lap.tercetak.tabel) or any(t.nomor_tercetak for t in v.lap.tabel)


def _anchor_cetak(nomor: str) -> str:
    return "tabel-" + re.sub(r"[^0-9a-z]+", "-", nomor.lower()).strip("-")


class Pencatat:
    """The numbering, finding places, CSV files, placed blocks and placed charts of one report."""

    def __init__(self, env: Environment, slug: str, tahun: int):
        self.env = env
        self.tabel: list[Entri] = []
        self.gambar: list[Entri] = []
        self.kunci_tabel: set[str] = set()  # CSV names of the tables shown (checks tercetak.tabel)
        self.tempat: dict[int, list[tuple[str, str, str]]] = defaultdict(list)
        self.unduhan = opendata.Unduhan(slug, tahun)
        self.posisi_tampil: set[str] = set()
        self.grafik_tampil: set[str] = set()
        self._nomor: dict[str, list[tuple[str, str]]] = {}

    # --- pass 1: numbers and places

    def catat(self, v: LaporanView, md: str) -> str:
        """Number one page's sections, tables and figures; returns the page with its section letters filled."""
        halaman = v.halaman_ini
        bab = HALAMAN[halaman].bab
        n = {"t": 0, "g": 0}
        huruf: dict[int, int] = {}
        nomor: list[tuple[str, str]] = []

        def ganti(m: re.Match) -> str:
            jenis, isi = m.group(1), m.group(2)
            if jenis == "huruf":
                level = int(isi)
                for k in [k for k in huruf if k > level]:
                    del huruf[k]
                huruf[level] = huruf.get(level, 0) + 1
                return chr(ord("A") + huruf[level] - 1) if level == 2 else str(huruf[level])
            if jenis == "tabel":
                t = v.tabel_dari_kunci(isi) if isi not in TUNDA else None
                no, anchor = self._nomor_tabel(v, isi, t, bab, n, nomor)
                self.kunci_tabel.add(isi)
                nomor.append((no, anchor))
                if t is not None:
                    if HALAMAN[halaman].di_daftar:
                        self.tabel.append(Entri(halaman, anchor, no, self._judul_tabel(v, isi, t), len(nomor)))
                    for tanda in t.semua_tanda:
                        self.tempat[tanda.no].append((halaman, anchor, f"Tabel {no}"))
            elif jenis == "gambar":
                n["g"] += 1
                no, anchor = f"{bab}.{n['g']}", f"gambar-{bab.lower()}-{n['g']}"
                nomor.append((no, anchor))
                if HALAMAN[halaman].di_daftar:
                    self.gambar.append(Entri(halaman, anchor, no, self._judul_gambar(v, isi), len(nomor)))
            elif jenis == "tempat":
                anchor, nos, label = isi.split(":", 2)
                for no_ in nos.split(","):
                    self.tempat[int(no_)].append((halaman, anchor, html.unescape(label)))
                return ""
            elif jenis == "blok":
                self.posisi_tampil.add(html.unescape(isi))
                return m.group(0)
            return m.group(0)

        out = _TANDA.sub(ganti, md)
        self._nomor[halaman] = nomor
        return out

    @staticmethod
    def _nomor_tabel(v: LaporanView, kunci: str, t: Any, bab: str, n: dict[str, int], sudah: list[tuple[str, str]]) -> tuple[str, str]:
        """A table's number and anchor: the report's own where it has one (free tables' ``nomor_tercetak``, or
        ``tercetak.tabel`` by CSV name), otherwise the portal's, prefixed "P" when the report numbers tables itself
        so that "Tabel 3.4" never names two tables on one page."""
        cetak = getattr(t, "nomor_tercetak", None) if t is not None else None
        if t is not None and kunci in v.lap.tercetak.tabel:
            cetak = v.lap.tercetak.tabel[kunci].nomor
        if cetak:
            no, anchor = " ".join(cetak.split()), _anchor_cetak(cetak)
            dipakai = {a for _, a in sudah}
            k = 2
            while anchor in dipakai:  # the report printed one number twice
                anchor, k = f"{_anchor_cetak(cetak)}-{k}", k + 1
            return no, anchor
        n["t"] += 1
        awal = "P" if nomor_laporan(v) else ""
        return f"{awal}{bab}.{n['t']}", f"tabel-{awal.lower()}{bab.lower()}-{n['t']}"

    @staticmethod
    def _judul_tabel(v: LaporanView, kunci: str, t: Any) -> str:
        cetak = v.lap.tercetak.tabel.get(kunci)
        return cetak.judul if cetak is not None and cetak.judul else t.judul

    def _judul_gambar(self, v: LaporanView, isi: str) -> str:
        jenis, _, ident = isi.partition(":")
        if jenis == "foto":
            return self._foto(v, int(ident)).keterangan
        if jenis == "grafik":
            return next(g for g in v.lap.grafik if g.id == ident).judul
        if jenis == "chart":
            self.grafik_tampil.add(ident)
            return v.grafik_dihasilkan(ident).judul
        return f"Struktur organisasi {v.profil.nama}"

    @staticmethod
    def _foto(v: LaporanView, indeks: int) -> Any:
        return v.profil.gambar_struktur if indeks < 0 else v.lap.foto[indeks]

    # --- pass 2: the HTML of every placeholder

    def isi(self, v: LaporanView, md: str) -> str:
        """Replace one page's placeholders with their HTML (in document order, the numbers of pass 1)."""
        nomor = iter(self._nomor.get(v.halaman_ini, []))
        f = self.env.get_template("_fragmen.md.j2").make_module({"r": v})

        def ganti(m: re.Match) -> str:
            jenis, isi = m.group(1), m.group(2)
            if jenis == "tabel":
                no, anchor = next(nomor)
                t = v.tabel_dari_kunci(isi) if isi not in TUNDA else PEMBANGUN[isi](v, self.tempat)
                t.kunci = t.kunci or isi
                judul = self._judul_tabel(v, isi, t)
                return str(f.tabel(t, no, anchor, self._csv(v, t, f"Tabel {no} {judul}", f"Tabel {no}", anchor), judul))
            if jenis == "gambar":
                no, anchor = next(nomor)
                return self._gambar(v, f, isi, no, anchor)
            if jenis == "daftar":
                entri = _urut(self.tabel if isi == "tabel" else self.gambar)
                judul = ("Tabel", "Daftar Tabel", "daftar-tabel") if isi == "tabel" else ("Gambar", "Daftar Gambar", "daftar-gambar")
                return str(f.daftar(entri, *judul))
            return m.group(0)

        return _BLOK.sub("", _TANDA.sub(ganti, md))

    def _gambar(self, v: LaporanView, f: Any, isi: str, no: str, anchor: str) -> str:
        jenis, _, ident = isi.partition(":")
        if jenis == "foto":
            return str(f.foto(self._foto(v, int(ident)), no, anchor))
        if jenis == "grafik":
            g = next(x for x in v.lap.grafik if x.id == ident)
            gv = v.tabel("grafik", g)
            csv = self._csv(v, gv.tabel, f"Data Gambar {no}", f"Data Gambar {no}", "")
            return str(f.grafik(g, gv, v.svg(g.id), no, anchor, csv))
        if jenis == "chart":
            c = v.grafik_dihasilkan(ident)
            data = v.tabel("grafik-dihasilkan", c)
            return str(f.grafik_dihasilkan(c, data, no, anchor, self._csv(v, data, f"Data Gambar {no}", f"Data Gambar {no}", "")))
        return str(f.struktur(v.profil, no, anchor))

    def _csv(self, v: LaporanView, t: TabelView, caption: str, label: str, anchor: str) -> dict[str, Any]:
        """Register a printed table as a CSV download; its link, the name a browser saves it as, its row count."""
        b = self.unduhan.daftar(t, v.halaman_ini, caption, label, anchor)
        return {"url": v.url_berkas(self.unduhan.rel(b.nama)), "nama": self.unduhan.nama_unduh(b.nama), "baris": b.baris}

"""Stage 4 — render: computed reports → Markdown pages (with real HTML tables) under ``build/docs``.

Data flows one way. This module builds *view objects* (which rows and cells a table has, every number
already formatted by :mod:`generator.format`); the Jinja2 templates in ``theme/templates`` decide the page
order and write the markup. Every text that comes from YAML is data:

- templates autoescape it (HTML) and headings escape Markdown syntax too (:func:`judul_md`);
- narrative fields are rendered by markdown-it-py with raw HTML off (:func:`markdown_html`), so
  ``<script>`` shows as text and ``javascript:`` links stay text;
- YAML text is never used as a template, so ``{{ … }}`` in it prints literally.

Output is deterministic (sorted, no timestamps) and a file is only rewritten when its bytes change;
files under the output folder that this run did not write are deleted.
"""

from __future__ import annotations

import functools
import hashlib
import html
import inspect
import posixpath
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from . import format as fmt
from . import docs_ref, fragmen, opendata
from .check import Temuan
from .compute import Hasil, HasilIndikator, HasilLaporan, HasilSasaran, NodeAnggaran, _div, bulat, penyerapan
from .load import format_path
from .metode import PRESET, PRESET_KETERANGAN, SKALA, Metode, resolve
from .charts import Chart, plan_charts, render_charts
from .model import Grafik, Kolom, Tabel
from .validate import BerkasLaporan, Instansi, Repo

KOSONG = fmt.KOSONG
NAV_BERKAS = "mkdocs-situs.yml"  # written beside the docs folder; mkdocs.yml inherits it (INHERIT)

# Pages of one report: key (file name without .md), title, chapter label used for table/figure numbers.
HALAMAN_LAPORAN: list[tuple[str, str, str]] = [
    ("index", "Ringkasan Eksekutif", "R"),
    ("kata-pengantar", "Kata Pengantar", "P"),
    ("bab-1", "BAB I Pendahuluan", "1"),
    ("bab-2", "BAB II Perencanaan Kinerja", "2"),
    ("bab-3", "BAB III Akuntabilitas Kinerja", "3"),
    ("bab-4", "BAB IV Penutup", "4"),
    ("lampiran", "Lampiran", "L"),
    ("catatan-pemeriksaan", "Catatan Pemeriksaan Data", "C"),
    ("cetak", "Cetak / unduh", "K"),  # every page above in one, for print/PDF (generator/opendata.py)
]
JUDUL_HALAMAN = {k: j for k, j, _ in HALAMAN_LAPORAN}
URUTAN_BAB = {b: i for i, (_, _, b) in enumerate(HALAMAN_LAPORAN)}

# Section keys a block's ``posisi`` may name (``bab1.<key>``): each is placed after that section; any other
# key of a chapter, or the chapter alone (``bab3``), goes to the end of the chapter.
POSISI_BAGIAN = {
    "bab1": ["latar_belakang", "maksud_tujuan", "dasar_hukum", "tugas_fungsi", "struktur_organisasi", "sumber_daya_aparatur", "isu_strategis", "evaluasi_akip", "sistematika"],
    "bab2": ["renstra", "visi_misi", "tujuan_sasaran", "strategi_kebijakan", "iku", "rencana_kinerja_tahunan", "perjanjian_kinerja", "program_anggaran"],
    "bab3": ["akuntabilitas_kinerja", "metode_pengukuran", "capaian_kinerja", "perbandingan", "capaian_tujuan", "efisiensi", "prestasi", "realisasi_anggaran"],
    "bab4": ["kesimpulan", "saran", "penutup"],
}

# Hand-written pages of content/ shown first, in this order, under "Tentang Portal".
HALAMAN_TENTANG = ["tentang.md", "metode.md", "cara-membaca.md", "aksesibilitas.md"]
# Generated reference pages (generator/docs_ref.py), placed among the guides unless content/ has its own.
HALAMAN_REFERENSI = ["panduan/format-data.md", "panduan/pengaturan-metode.md"]

# ---------------------------------------------------------------------------------------------------
# Text helpers

def _cepat(f):
    """Memoise a number formatter (Babel is slow); the key keeps the printed precision (``1.0`` ≠ ``1.00``)."""
    cache: dict = {}

    def g(x, *args):
        if isinstance(x, bool) or not isinstance(x, (int, Decimal)):
            return f(x, *args)
        key = (str(x), type(x) is int, args)
        try:
            return cache[key]
        except KeyError:
            v = cache[key] = f(x, *args)
            return v

    g.__doc__ = f.__doc__
    return g


# Every number on a page goes through generator/format.py (Babel, id_ID); these are cached wrappers.
angka, persen, rupiah, nilai = _cepat(fmt.angka), _cepat(fmt.persen), _cepat(fmt.rupiah), _cepat(fmt.nilai)


_MD = MarkdownIt("commonmark", {"html": False}).disable("image")
_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_html(teks: str | None, tingkat: int = 4) -> Markup:
    """Render narrative Markdown to HTML: raw HTML shown as text, unsafe links left as text.

    Headings inside the narrative are shifted so that ``#`` becomes ``<h{tingkat}>``; images are
    disabled (a report's photos are declared in ``foto:`` with alt text instead).
    """
    if not teks or not str(teks).strip():
        return Markup("")
    return Markup(_markdown_html(str(teks), tingkat))


@lru_cache(maxsize=4096)
def _markdown_html(teks: str, tingkat: int) -> str:
    tokens = _MD.parse(teks)
    for t in tokens:
        if t.type in ("heading_open", "heading_close"):
            t.tag = f"h{min(6, int(t.tag[1]) + tingkat - 1)}"
    return _MD.renderer.render(tokens, _MD.options, {}).strip()


def judul_md(teks: Any) -> Markup:
    """Plain text made safe inside a Markdown heading: Markdown syntax escaped, then HTML escaped."""
    s = " ".join(str(teks).split())
    s = _MD_KHUSUS.sub(r"\\\1", s)
    return Markup(html.escape(s, quote=False))


def hasil_teks(h: Hasil | None, satuan: str = "persen") -> str:
    """A computed value as shown, or why it cannot be computed: ``N/A (target belum ditetapkan)``."""
    if h is None:
        return KOSONG
    if h.ada:
        if satuan == "poin":
            return angka(h.tampil) + " poin"
        return persen(h.tampil) if satuan == "persen" else angka(h.tampil)
    return f"N/A ({h.alasan})" if h.alasan else KOSONG


def bertanda(x: Decimal | None) -> str:
    """A change with its sign: ``+1.947`` / ``−0,96``."""
    if x is None:
        return KOSONG
    if x > 0:
        return "+" + angka(x)
    if x < 0:
        return "−" + angka(-x)
    return angka(x)


def teks_sel(v: Any) -> str:
    """A free-table cell: numbers via Babel, empty cells as a dash."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return KOSONG
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, (int, Decimal)):
        return angka(v)
    return str(v)


def nama_dasar_hukum(d) -> str:
    if d.teks:
        return d.teks
    parts = [d.jenis or "", f"Nomor {d.nomor}" if d.nomor else "", f"Tahun {d.tahun}" if d.tahun else ""]
    s = " ".join(p for p in parts if p)
    return f"{s} tentang {d.tentang}" if d.tentang else s


def url_aman(u: str | None) -> str | None:
    """Only http(s) links from YAML become links."""
    if u and re.match(r"^https?://[^\s<>\"']+$", u.strip()):
        return u.strip()
    return None


# ---------------------------------------------------------------------------------------------------
# Table view objects (the templates write the HTML)


@dataclass
class Tanda:
    """A reader-facing mark: the source printed a value that differs from the computed one."""

    no: int
    temuan: Temuan

    @property
    def teks(self) -> str:
        s = f"Laporan asli mencetak {self.temuan.tercetak}; hasil hitung {self.temuan.dihitung}"
        if self.temuan.akibat:
            s += f" (akibat dari {self.temuan.akibat})"
        return s


@dataclass
class Sel:
    teks: Any = KOSONG
    kepala: bool = False  # <th scope="row">
    angka: bool = False  # right-aligned number
    colspan: int = 1
    rowspan: int = 1
    tanda: list[Tanda] = field(default_factory=list)
    kelas: str = ""
    href: str | None = None
    scope: str = "row"

    def __post_init__(self) -> None:
        if self.teks is None or (isinstance(self.teks, str) and not self.teks.strip()):
            self.teks = KOSONG


@dataclass
class Kepala:
    teks: str
    colspan: int = 1
    rowspan: int = 1
    angka: bool = False

    @property
    def scope(self) -> str:
        return "colgroup" if self.colspan > 1 else "col"


@dataclass
class Baris:
    sel: list[Sel]
    kelas: str = ""
    id: str | None = None


@dataclass
class TabelView:
    judul: str
    kepala: list[list[Kepala]]
    baris: list[Baris]
    kaki: list[Baris] = field(default_factory=list)
    sumber: str | None = None
    catatan: str | None = None  # Markdown from YAML
    keterangan: list[str] = field(default_factory=list)  # generated plain-text notes
    nomor_tercetak: str | None = None
    tanda_tabel: list[Tanda] = field(default_factory=list)
    kelas: str = ""
    nomor: str = ""
    anchor: str = ""
    kunci: str = ""  # stable name of its CSV (set by the table builders, see _beri_kunci)

    @property
    def semua_tanda(self) -> list[Tanda]:
        seen: dict[int, Tanda] = {}
        for t in self.tanda_tabel:
            seen.setdefault(t.no, t)
        for b in self.baris + self.kaki:
            for s in b.sel:
                for t in s.tanda:
                    seen.setdefault(t.no, t)
        return [seen[k] for k in sorted(seen)]

    @property
    def kosong(self) -> bool:
        return not self.baris and not self.kaki


def kepala_sederhana(*judul: str | tuple[str, bool]) -> list[list[Kepala]]:
    row = []
    for j in judul:
        if isinstance(j, tuple):
            row.append(Kepala(j[0], angka=j[1]))
        else:
            row.append(Kepala(j))
    return [row]


def _daun(k: Kolom) -> int:
    return sum(_daun(s) for s in k.sub) if k.sub else 1


def _kedalaman(kolom: list[Kolom]) -> int:
    return max((1 + (_kedalaman(k.sub) if k.sub else 0) for k in kolom), default=1)


def kepala_bertingkat(kolom: list[Kolom]) -> tuple[list[list[Kepala]], list[Kolom]]:
    """Header rows for nested columns (colspan/rowspan) and the leaf columns in order."""
    depth = _kedalaman(kolom)
    rows: list[list[Kepala]] = [[] for _ in range(depth)]
    leaves: list[Kolom] = []

    def walk(ks: list[Kolom], level: int) -> None:
        for k in ks:
            if k.sub:
                rows[level].append(Kepala(k.judul, colspan=_daun(k)))
                walk(k.sub, level + 1)
            else:
                rows[level].append(Kepala(k.judul, rowspan=depth - level, angka=k.rata == "kanan"))
                leaves.append(k)

    walk(kolom, 0)
    return rows, leaves


# ---------------------------------------------------------------------------------------------------
# Findings index, numbering


class Catatan:
    """Audit findings of one report, numbered, looked up by the data path of the value they concern."""

    def __init__(self, temuan: list[Temuan], tampil: bool):
        self.tampil = tampil
        self.daftar = [Tanda(i, t) for i, t in enumerate(temuan, 1)]
        self._jalur: dict[tuple, list[Tanda]] = defaultdict(list)
        for t in self.daftar:
            self._jalur[tuple(t.temuan.jalur)].append(t)
        self.tempat: dict[int, list[tuple[str, str, str]]] = defaultdict(list)

    def untuk(self, *jalur: Any) -> list[Tanda]:
        if not self.tampil:
            return []
        return list(self._jalur.get(tuple(jalur), []))

    def awalan(self, *prefix: Any) -> list[Tanda]:
        if not self.tampil:
            return []
        n = len(prefix)
        return [t for t in self.daftar if tuple(t.temuan.jalur[:n]) == tuple(prefix)]


@dataclass
class Entri:
    halaman: str
    anchor: str
    nomor: str
    judul: str


class Penomoran:
    """Tables and figures numbered per chapter in reading order ("Tabel 3.2", "Gambar 1.1")."""

    def __init__(self) -> None:
        self.tabel: list[Entri] = []
        self.gambar: list[Entri] = []
        self._n: dict[tuple[str, str], int] = defaultdict(int)
        self.halaman = "index"
        self.bab = "R"

    def _next(self, jenis: str) -> tuple[str, str]:
        self._n[(jenis, self.bab)] += 1
        n = self._n[(jenis, self.bab)]
        return f"{self.bab}.{n}", f"{'tabel' if jenis == 't' else 'gambar'}-{self.bab.lower()}-{n}"

    def beri_tabel(self, t: TabelView, catatan: Catatan) -> str:
        if not t.nomor:
            t.nomor, t.anchor = self._next("t")
            self.tabel.append(Entri(self.halaman, t.anchor, t.nomor, t.judul))
            for m in t.semua_tanda:
                catatan.tempat[m.no].append((self.halaman, t.anchor, f"Tabel {t.nomor}"))
        return ""

    def beri_gambar(self, obj: Any, judul: str) -> tuple[str, str]:
        nomor, anchor = self._next("g")
        self.gambar.append(Entri(self.halaman, anchor, nomor, judul))
        return nomor, anchor

    def urut(self, entri: list[Entri]) -> list[Entri]:
        return sorted(entri, key=lambda e: (URUTAN_BAB.get(e.nomor.split(".")[0], 99), int(e.nomor.split(".")[1])))


# ---------------------------------------------------------------------------------------------------
# Blocks placed by 'posisi'


@dataclass
class Blok:
    jenis: str  # bagian | tabel | grafik | foto
    obj: Any
    indeks: int


URUTAN_JENIS = {"bagian": 0, "tabel": 1, "grafik": 2, "foto": 3}


@dataclass
class GrafikView:
    """What the chart stage needs to draw a declared chart (drawn by generator.charts)."""

    grafik: Grafik  # the model: judul, jenis (batang/garis/batang_bertumpuk), satuan, …
    label: list[str]  # x-axis labels
    seri: list[tuple[str, list[str]]]  # series name → values formatted for reading
    tabel: TabelView  # the data table always shown under the chart
    angka: list[tuple[str, list[Decimal | None]]] = field(default_factory=list)  # series name → numbers


def uraian_metode(m: Metode) -> list[tuple[str, str]]:
    """How every derived number is computed under a method, as (what, how) rows in Indonesian."""
    rows = [("Capaian indikator (makin tinggi makin baik)", "Realisasi ÷ Target × 100")]
    rows.append(("Capaian indikator (makin rendah makin baik)", "(2 × Target − Realisasi) ÷ Target × 100" if m.capaian_turun == "dua_t_kurang_r" else "Target ÷ Realisasi × 100"))
    o = m.capaian_ordinal
    rows.append(("Capaian indikator bernilai tingkat", f"Sama dengan target = {angka(o.tepat)}; setiap tingkat di atas/bawah target ± {angka(o.per_tingkat)} (urutan: {' < '.join(m.tingkat_nilai)})"))
    b = m.batas_capaian
    if b.atas is not None or b.bawah is not None:
        parts = []
        if b.atas is not None:
            parts.append(f"di atas {angka(b.atas)} dihitung {angka(b.atas)}")
        if b.bawah is not None:
            parts.append(f"di bawah {angka(b.bawah)} dihitung {angka(b.bawah)}")
        rows.append(("Batas capaian untuk predikat", "Capaian " + " dan ".join(parts) + "; nilai asli tetap ditampilkan"))
    a = m.agregasi
    dasar = "rata-rata capaian semua indikator" if a.dasar == "indikator" else "rata-rata dari rata-rata capaian setiap sasaran"
    cakupan = "hanya IKU" if a.cakupan == "iku" else "semua indikator (IKU dan pendukung)"
    kosong = "indikator tanpa capaian dilewati" if a.nilai_kosong == "abaikan" else "indikator tanpa capaian dihitung 0"
    rows.append(("Capaian sasaran", f"Rata-rata capaian indikatornya ({cakupan}; {kosong})"))
    baris = f"{dasar.capitalize()} ({cakupan}; {kosong})"
    if b.atas is not None or b.bawah is not None:
        baris += "; batas capaian diterapkan " + ("pada setiap indikator sebelum dirata-rata" if a.batas == "sebelum" else "sesudah dirata-rata")
    rows.append(("Capaian kinerja keseluruhan", baris))
    rows.append(("Penyerapan anggaran", "Realisasi ÷ Pagu (pagu perubahan bila ada) × 100"))
    rows.append(("Efisiensi", {
        "rasio": "Capaian ÷ Penyerapan anggaran × 100",
        "selisih": "Capaian − Penyerapan anggaran (poin persen)",
        "sisa_anggaran": "100 − Penyerapan anggaran",
        "verbal": "Efisien bila capaian ≥ penyerapan anggaran; selain itu Kurang efisien",
    }[m.efisiensi]))
    p = m.pembulatan
    rows.append(("Pembulatan persentase", f"{p.desimal} angka di belakang koma, " + ("dibulatkan setengah ke atas" if p.mode == "setengah_ke_atas" else "dipotong (tidak dibulatkan)")))
    pa = m.pembulatan_anggaran
    if pa != p:
        rows.append(("Pembulatan penyerapan anggaran", f"{pa.desimal} angka di belakang koma, " + ("dibulatkan setengah ke atas" if pa.mode == "setengah_ke_atas" else "dipotong")))
    rows.append(("Skala predikat", (m.skala.nama if m.skala else "Laporan ini tidak memakai skala predikat")))
    if m.preset:
        rows.append(("Preset metode", f"{m.preset}: {PRESET_KETERANGAN.get(m.preset, '')}".rstrip(": ")))
    return rows


# ---------------------------------------------------------------------------------------------------
# One report


class LaporanView:
    """Everything a report's templates need; ``r`` in the templates."""

    def __init__(self, repo: Repo, inst: Instansi, b: BerkasLaporan, h: HasilLaporan, temuan: list[Temuan], sebelumnya: HasilLaporan | None,
                 grafik: list[Chart] | None = None):
        self.repo, self.inst, self.b, self.h = repo, inst, b, h
        self.lap = b.model
        self.profil = inst.profil
        self.site = repo.site
        self.metode = h.metode
        self.slug = inst.slug
        self.tahun = b.tahun
        self.temuan = temuan
        self.sebelumnya = sebelumnya
        self.catatan = Catatan(temuan, h.metode.tampilkan_catatan_pemeriksaan)
        self.nomor = Penomoran()
        self.halaman_ini = "index"
        self.halaman_ada: set[str] = {"index", "bab-3", "lampiran"}
        if self.catatan.tampil:
            self.halaman_ada.add("catatan-pemeriksaan")
        self._huruf: dict[int, int] = defaultdict(int)
        self.media: set[str] = set()
        self._blok: dict[str, list[Blok]] = defaultdict(list)
        self._dipakai: set[str] = set()
        for jenis, items in (("bagian", self.lap.bagian_tambahan), ("tabel", self.lap.tabel), ("grafik", self.lap.grafik), ("foto", self.lap.foto)):
            for i, item in enumerate(items):
                self._blok[item.posisi].append(Blok(jenis, item, i))
        if self.profil.gambar_struktur is not None:
            self._blok[self.profil.gambar_struktur.posisi].append(Blok("foto", self.profil.gambar_struktur, -1))
        for v in self._blok.values():
            v.sort(key=lambda x: (URUTAN_JENIS[x.jenis], x.indeks))
        self.tabel_by_id = {t.id: t for t in self.lap.tabel}
        # charts planned by the chart stage: YAML grafik by id (placed by their block), generated ones by posisi
        ids_yaml = {g.id for g in self.lap.grafik}
        self.grafik_yaml: dict[str, Chart] = {}
        self._grafik_posisi: dict[str, list[Chart]] = defaultdict(list)
        for c in grafik or []:
            if c.id in ids_yaml:
                self.grafik_yaml[c.id] = c
            else:
                self._grafik_posisi[c.posisi].append(c)
        # where each indicator's section (and anchor) lives
        self.indikator_bab3 = [hi for hi in h.indikator_tujuan if self._diukur(hi)]
        self.lokasi_indikator: dict[str, str] = {}
        for hi in h.semua_indikator + self.indikator_bab3:
            self.lokasi_indikator[hi.model.id] = "bab-3"
        for hi in h.indikator_tujuan:
            self.lokasi_indikator.setdefault(hi.model.id, "bab-2")

    # --- identity and links

    @property
    def nama(self) -> str:
        return self.profil.nama

    @property
    def sumber(self) -> str:
        return f"LKIP {self.profil.nama} Tahun {self.tahun}"

    @property
    def sumber_hitung(self) -> str:
        return f"{self.sumber}; capaian dan persentase dihitung ulang oleh portal"

    def path(self, halaman: str) -> str:
        return f"{self.slug}/{self.tahun}/{halaman}.md"

    def url(self, halaman: str, anchor: str | None = None) -> str:
        return rel_url(self.path(self.halaman_ini), self.path(halaman), anchor)

    def url_instansi(self) -> str:
        return rel_url(self.path(self.halaman_ini), f"{self.slug}/index.md")

    def url_media(self, berkas: str) -> str:
        self.media.add(berkas)
        return rel_url(self.path(self.halaman_ini), f"{self.slug}/{berkas}")

    def ada_media(self, berkas: str) -> bool:
        """An image path from YAML is used only when it stays inside the agency folder and exists."""
        p = Path(berkas)
        if p.is_absolute() or ".." in p.parts or ":" in berkas or berkas.startswith(("/", "\\")):
            return False
        return (self.inst.folder / p).is_file()

    def url_indikator(self, ind_id: str) -> str | None:
        where = self.lokasi_indikator.get(ind_id)
        return self.url(where, f"indikator-{ind_id}") if where else None

    def mulai_halaman(self, halaman: str, bab: str) -> None:
        self.halaman_ini = halaman
        self.nomor.halaman, self.nomor.bab = halaman, bab
        self._huruf.clear()

    # --- section numbering inside a page (A., B., …; 1., 2., … below)

    def masuk(self, level: int) -> str:
        for k in list(self._huruf):
            if k > level:
                del self._huruf[k]
        return ""

    def huruf(self, level: int) -> str:
        self._huruf[level] += 1
        n = self._huruf[level]
        return chr(ord("A") + n - 1) if level == 2 else str(n)

    # --- blocks

    def blok(self, posisi: str) -> list[Blok]:
        self._dipakai.add(posisi)
        return self._blok.get(posisi, [])

    def blok_sisa(self, awalan: str) -> list[Blok]:
        """Blocks of this chapter whose section key no template used (and plain ``bab3``), in order."""
        out: list[Blok] = []
        for key in sorted(self._blok):
            if key in self._dipakai:
                continue
            if key == awalan or key.startswith(awalan + "."):
                self._dipakai.add(key)
                out += self._blok[key]
        return out

    def blok_tak_tampil(self) -> list[str]:
        return sorted(k for k in self._blok if k not in self._dipakai)

    def grup_lampiran(self) -> list[list[Blok]]:
        """Lampiran blocks grouped by ``lampiran.<grup>``, groups in the order they first appear in YAML."""
        groups: dict[str, list[Blok]] = {}
        firsts: dict[str, tuple] = {}
        for key, items in self._blok.items():
            if key == "lampiran" or key.startswith("lampiran."):
                groups[key] = items
                firsts[key] = min(self._baris_yaml(x) for x in items)
                self._dipakai.add(key)
        return [groups[k] for k in sorted(groups, key=lambda k: (firsts[k], k))]

    def _baris_yaml(self, x: Blok) -> tuple:
        if x.indeks < 0:
            return ("", 0, 0)
        key = {"bagian": "bagian_tambahan"}.get(x.jenis, x.jenis)
        lok = self.b.lokasi((key, x.indeks))
        return (lok.file, lok.line, URUTAN_JENIS[x.jenis])

    # --- findings

    def tanda(self, *jalur: Any) -> list[Tanda]:
        """Marks for the value at a data path, given as parts or as one tuple (templates)."""
        if len(jalur) == 1 and isinstance(jalur[0], tuple):
            jalur = jalur[0]
        return self.catatan.untuk(*jalur)

    def tanda_lain(self, hi: HasilIndikator, besaran: str, tahun: int) -> list[Tanda]:
        """Marks for the same value printed again elsewhere (``tercetak.lain``) with another number."""
        out: list[Tanda] = []
        for k, x in enumerate(getattr(hi.model.tercetak, "lain", []) or []):
            if x.besaran == besaran and (x.tahun or self.tahun) == tahun:
                out += self.tanda(*hi.jalur, "tercetak", "lain", k)
        return out

    def tanda_awalan(self, *prefix: Any) -> list[Tanda]:
        return self.catatan.awalan(*prefix)

    def catat_tempat(self, tanda: list[Tanda], anchor: str, label: str) -> str:
        for m in tanda:
            self.catatan.tempat[m.no].append((self.halaman_ini, anchor, label))
        return ""

    # --- small predicates

    def _diukur(self, hi: HasilIndikator) -> bool:
        a = hi.model.analisis
        return hi.realisasi is not None or any(getattr(a, f) for f in type(a).model_fields)

    @property
    def ada_skala(self) -> bool:
        return self.metode.skala is not None

    @property
    def ada_batas(self) -> bool:
        b = self.metode.batas_capaian
        return self.ada_skala and (b.atas is not None or b.bawah is not None)

    def dihitung(self, hi: HasilIndikator) -> bool:
        return self.metode.agregasi.cakupan == "semua" or hi.model.iku

    def judul_indikator(self, hi: HasilIndikator) -> str:
        return f"{hi.model.kode} {hi.model.nama}" if hi.model.kode else hi.model.nama

    def judul_sasaran(self, hs: HasilSasaran) -> str:
        label = {"strategis": "Sasaran", "program": "Sasaran program", "kegiatan": "Sasaran kegiatan"}[hs.model.tingkat]
        return f"{label} {hs.model.kode}: {hs.model.nama}" if hs.model.kode else f"{label}: {hs.model.nama}"

    def efisiensi_teks(self, x) -> str:
        """Efficiency of an indicator or sasaran per the method in use."""
        if self.metode.efisiensi == "verbal":
            return x.efisiensi_teks or (f"N/A ({x.efisiensi.alasan})" if x.efisiensi.alasan and x.efisiensi.alasan != "efisiensi verbal" else KOSONG)
        return hasil_teks(x.efisiensi, "poin" if self.metode.efisiensi == "selisih" else "persen")

    def capaian_batas(self, x: Decimal | None) -> str:
        from .compute import batasi

        return persen(bulat(batasi(x, self.metode), self.metode.pembulatan)) if x is not None else KOSONG

    def keseluruhan(self) -> dict[str, Any]:
        h = self.h
        teks = hasil_teks(h.keseluruhan)
        batas = None
        if h.keseluruhan.ada and self.ada_batas:
            b = self.capaian_batas(h.keseluruhan.nilai)
            if b != teks:
                batas = b
        return {"teks": teks, "batas": batas, "predikat": h.predikat, "tanda": self.tanda("tercetak", "capaian_keseluruhan"), "tanda_predikat": self.tanda("tercetak", "predikat_keseluruhan")}

    def jumlah(self) -> dict[str, Any]:
        lap = self.lap
        return {
            "sasaran": sum(1 for s in lap.sasaran if s.tingkat == "strategis"),
            "iku": sum(1 for i in self.h.semua_indikator if i.model.iku),
            "indikator": len(self.h.semua_indikator),
            "program": len(lap.anggaran.program),
            "kegiatan": sum(len(p.kegiatan) for p in lap.anggaran.program),
            "sub_kegiatan": sum(len(k.sub_kegiatan) for p in lap.anggaran.program for k in p.kegiatan),
        }

    # --- method description

    def uraian_metode(self) -> list[tuple[str, str]]:
        return uraian_metode(self.metode)

    # --- open data: CSV of every table, JSON of the report, print page (generator/opendata.py)

    @property
    def unduhan(self) -> opendata.Unduhan:
        u = self.__dict__.get("_unduhan")
        if u is None:
            u = self.__dict__["_unduhan"] = opendata.Unduhan(self.slug, self.tahun)
        return u

    def url_data(self, berkas: str) -> str:
        return rel_url(self.path(self.halaman_ini), self.unduhan.rel(berkas))

    def unduh_tabel(self, t: TabelView, caption: Any, label: str) -> dict[str, Any]:
        """Register a printed table as a CSV download; its link, the name a browser saves it as, its row count."""
        b = self.unduhan.daftar(t, self.halaman_ini, caption, label, t.anchor)
        return {"url": self.url_data(b.nama), "nama": self.unduhan.nama_unduh(b.nama), "baris": b.baris}

    def unduh_json(self) -> dict[str, Any]:
        return {"url": self.url_data(opendata.JSON_BERKAS), "nama": self.unduhan.nama_unduh(opendata.JSON_BERKAS)}

    def penanda_data_terbuka(self) -> Markup:
        return Markup(opendata.PENANDA_DATA)

    def kunci_tabel(self, nama: str, args: dict[str, Any]) -> str:
        """A table's CSV name from what it shows: builder name, then the id of its indicator/table/chart."""
        nama = nama.replace("_", "-")
        parts = [nama]
        for k, v in args.items():
            if v is None or v is False:
                continue
            if nama == "pegawai" and isinstance(v, int) and not isinstance(v, bool):
                parts.append(self.lap.pegawai.tabel[v].id)
            elif v is True:
                parts.append(k.replace("_", "-"))
            elif hasattr(v, "model") and hasattr(v.model, "id"):
                parts.append(v.model.id)
            elif hasattr(v, "id"):
                parts.append(str(v.id))
            elif isinstance(v, str):
                parts.append(opendata.slug(v))
            elif isinstance(v, int) and len(parts) == 1:
                parts.append(str(v))
        return parts[0] + ("--" + "--".join(parts[1:]) if len(parts) > 1 else "")

    # =================================================================================================
    # Table builders

    def tabel_metode(self) -> TabelView:
        rows = [Baris([Sel(k, kepala=True), Sel(v)]) for k, v in self.uraian_metode()]
        return TabelView("Metode perhitungan yang dipakai laporan ini", kepala_sederhana("Besaran", "Cara menghitung"), rows,
                         sumber="Pengaturan metode portal (site_config/lkip.yaml) dan laporan ini")

    def tabel_skala(self) -> TabelView | None:
        s = self.metode.skala
        if s is None:
            return None
        rows = []
        for p in sorted(s.pita, key=lambda p: (p.bawah is not None, p.bawah or 0), reverse=True):
            parts = []
            if p.bawah is not None:
                parts.append(("≥ " if p.bawah_inklusif else "> ") + angka(p.bawah))
            if p.atas is not None:
                parts.append(("≤ " if p.atas_inklusif else "< ") + angka(p.atas))
            cells = [Sel(p.predikat, kepala=True)]
            if any(x.kode for x in s.pita):
                cells.append(Sel(p.kode))
            cells.append(Sel(" dan ".join(parts) if parts else "semua nilai"))
            rows.append(Baris(cells))
        head = ["Predikat"] + (["Kode"] if any(x.kode for x in s.pita) else []) + ["Rentang capaian (%)"]
        return TabelView(f"Skala predikat: {s.nama}", kepala_sederhana(*head), rows, sumber=s.sumber or self.sumber)

    def _sel_capaian(self, hi: HasilIndikator) -> list[Sel]:
        cells = [Sel(hasil_teks(hi.capaian), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "capaian"))]
        if self.ada_batas:
            cells.append(Sel(self.capaian_batas(hi.capaian.nilai) if hi.capaian.ada else KOSONG, angka=True))
        if self.ada_skala:
            cells.append(Sel(hi.predikat, tanda=self.tanda(*hi.jalur, "tercetak", "predikat")))
        return cells

    def _kepala_capaian(self) -> list[str | tuple[str, bool]]:
        head: list[str | tuple[str, bool]] = [("Capaian", True)]
        if self.ada_batas:
            head.append(("Capaian untuk predikat", True))
        if self.ada_skala:
            head.append("Predikat")
        return head

    def tabel_pengukuran(self, ringkas: bool = False) -> TabelView:
        """Target, realisasi, capaian (and predikat) of every indicator, grouped by sasaran."""
        head: list[str | tuple[str, bool]] = ["Kode", "Indikator", "Satuan", ("Target", True), ("Realisasi", True)] + self._kepala_capaian()
        width = len(head)
        rows: list[Baris] = []
        bukan_iku = False
        for hs in self.h.sasaran:
            rows.append(Baris([Sel(self.judul_sasaran(hs), kepala=True, colspan=width, scope="rowgroup", href=self.url("bab-3", f"sasaran-{hs.model.id}"))], kelas="grup"))
            for hi in hs.indikator:
                ind = hi.model
                nama = self.judul_indikator(hi) if not ind.kode else ind.nama
                if not self.dihitung(hi):
                    nama += " (indikator pendukung, tidak dirata-rata)"
                    bukan_iku = True
                rows.append(Baris([
                    Sel(ind.kode),
                    Sel(nama, kepala=True, href=self.url_indikator(ind.id)),
                    Sel(ind.satuan),
                    Sel(nilai(hi.target, ind.satuan), angka=True),
                    Sel(nilai(hi.realisasi, ind.satuan), angka=True, tanda=self.tanda(*hi.jalur, "realisasi", self.tahun)),
                ] + self._sel_capaian(hi)))
            if len(hs.indikator) > 1 or hs.model.tercetak.capaian is not None:
                cells = [Sel(f"Rata-rata capaian sasaran {hs.model.kode or ''}".strip(), kepala=True, colspan=5), Sel(hasil_teks(hs.capaian), angka=True, tanda=self.tanda(*hs.jalur, "tercetak", "capaian"))]
                if self.ada_batas:
                    cells.append(Sel(self.capaian_batas(hs.capaian.nilai) if hs.capaian.ada else KOSONG, angka=True))
                if self.ada_skala:
                    cells.append(Sel(hs.predikat, tanda=self.tanda(*hs.jalur, "tercetak", "predikat")))
                rows.append(Baris(cells, kelas="subtotal"))
        k = self.keseluruhan()
        foot = [Sel("Capaian kinerja keseluruhan", kepala=True, colspan=5), Sel(k["teks"], angka=True, tanda=k["tanda"])]
        if self.ada_batas:
            foot.append(Sel(k["batas"] or (self.capaian_batas(self.h.keseluruhan.nilai) if self.h.keseluruhan.ada else KOSONG), angka=True))
        if self.ada_skala:
            foot.append(Sel(self.h.predikat, tanda=k["tanda_predikat"]))
        notes = []
        if bukan_iku:
            notes.append("Indikator pendukung (bukan IKU) ditampilkan tetapi tidak dihitung dalam rata-rata.")
        if self.ada_batas:
            notes.append("Kolom “Capaian untuk predikat” menerapkan batas capaian metode laporan ini; predikat ditentukan dari kolom itu.")
        return TabelView(f"Pengukuran capaian kinerja tahun {self.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")],
                         sumber=self.sumber_hitung, keterangan=notes)

    def tabel_per_predikat(self) -> TabelView | None:
        if not self.ada_skala or not self.h.jumlah_per_predikat:
            return None
        rows = [Baris([Sel(label, kepala=True), Sel(angka(n), angka=True, tanda=self.tanda("tercetak", "jumlah_per_predikat", label))]) for label, n in self.h.jumlah_per_predikat.items()]
        total = sum(self.h.jumlah_per_predikat.values())
        return TabelView("Jumlah indikator menurut predikat", kepala_sederhana("Predikat", ("Jumlah indikator", True)), rows,
                         [Baris([Sel("Jumlah", kepala=True), Sel(angka(total), angka=True)], kelas="total")], sumber=self.sumber_hitung)

    # --- per indicator

    def tabel_target_realisasi(self, hi: HasilIndikator) -> TabelView:
        ind = hi.model
        head: list[str | tuple[str, bool]] = ["Satuan"]
        cells = [Sel(ind.satuan)]
        if hi.target_pk_perubahan is not None:
            head += [("Target Perjanjian Kinerja", True), ("Target PK perubahan", True)]
            cells += [Sel(nilai(hi.target_pk, ind.satuan), angka=True), Sel(nilai(hi.target_pk_perubahan, ind.satuan), angka=True)]
        else:
            head.append(("Target", True))
            cells.append(Sel(nilai(hi.target, ind.satuan), angka=True, tanda=self.tanda_lain(hi, "target", self.tahun)))
        head += [("Realisasi", True)] + self._kepala_capaian()
        cells += [Sel(nilai(hi.realisasi, ind.satuan), angka=True, tanda=self.tanda(*hi.jalur, "realisasi", self.tahun) + self.tanda_lain(hi, "realisasi", self.tahun))]
        cap = self._sel_capaian(hi)
        cap[0].tanda = cap[0].tanda + self.tanda_lain(hi, "capaian", self.tahun)
        if self.ada_skala:
            cap[-1].tanda = cap[-1].tanda + self.tanda_lain(hi, "predikat", self.tahun)
        cells += cap
        arah = "makin tinggi makin baik" if ind.arah == "naik" else "makin rendah makin baik"
        return TabelView(f"Target dan realisasi {self.tahun}: {ind.nama}", kepala_sederhana(*head), [Baris(cells)],
                         sumber=self.sumber_hitung, keterangan=[f"Arah indikator: {arah}."])

    def tabel_komponen(self, hi: HasilIndikator) -> TabelView | None:
        ind = hi.model
        if not ind.komponen:
            return None
        peran = {"pembilang": "pembilang", "penyebut": "penyebut", "rincian": "rincian"}
        rows = [Baris([Sel(k.nama, kepala=True), Sel(str(k.tahun) if k.tahun else KOSONG), Sel(peran[k.peran]), Sel(angka(k.nilai), angka=True), Sel(k.satuan)])
                for k in sorted(ind.komponen, key=lambda k: -(k.tahun or 0))]
        return TabelView(f"Komponen data: {ind.nama}", kepala_sederhana("Komponen", "Tahun", "Peran", ("Nilai", True), "Satuan"), rows, sumber=self.sumber)

    def tabel_riwayat(self, hi: HasilIndikator) -> TabelView | None:
        ind = hi.model
        if not hi.riwayat:
            return None
        rows = []
        for r in hi.riwayat:
            rows.append(Baris([
                Sel(str(r.tahun), kepala=True),
                Sel(nilai(r.target, ind.satuan), angka=True, tanda=self.tanda(*hi.jalur, "target", r.tahun) + self.tanda_lain(hi, "target", r.tahun)),
                Sel(nilai(r.realisasi, ind.satuan), angka=True, tanda=self.tanda(*hi.jalur, "realisasi", r.tahun) + self.tanda_lain(hi, "realisasi", r.tahun)),
                Sel(hasil_teks(r.capaian), angka=True, tanda=self.tanda(*hi.jalur, "riwayat_tercetak", r.tahun, "capaian") + self.tanda_lain(hi, "capaian", r.tahun)),
                Sel(r.sumber),
            ]))
        rows.append(Baris([
            Sel(str(self.tahun), kepala=True),
            Sel(nilai(hi.target, ind.satuan), angka=True),
            Sel(nilai(hi.realisasi, ind.satuan), angka=True),
            Sel(hasil_teks(hi.capaian), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "capaian")),
            Sel("laporan ini"),
        ], kelas="tahun-ini"))
        notes = []
        if hi.perubahan_realisasi.ada:
            unit = " poin persen" if ind.satuan.strip().lower() in ("persen", "%", "persentase") else ""
            notes.append(f"Perubahan realisasi dari {self.tahun - 1}: {bertanda(hi.perubahan_realisasi.tampil)}{unit}.")
        if hi.perubahan_capaian.ada:
            notes.append(f"Perubahan capaian dari {self.tahun - 1}: {bertanda(hi.perubahan_capaian.tampil)} poin persen.")
        return TabelView(f"Realisasi dan capaian dari tahun ke tahun: {ind.nama}", kepala_sederhana("Tahun", ("Target", True), ("Realisasi", True), ("Capaian", True), "Sumber data"),
                         rows, sumber=self.sumber_hitung, keterangan=notes)

    def tabel_renstra(self, hi: HasilIndikator) -> TabelView | None:
        ind = hi.model
        if ind.target_akhir_renstra is None:
            return None
        ren = self.lap.renstra
        periode = f"{ren.periode.awal}–{ren.periode.akhir}" if ren else KOSONG
        akhir = str(ren.periode.akhir) if ren else ""
        cells = [Sel(periode, kepala=True), Sel(nilai(ind.kondisi_awal, ind.satuan), angka=True), Sel(nilai(ind.target_akhir_renstra, ind.satuan), angka=True),
                 Sel(nilai(hi.realisasi, ind.satuan), angka=True), Sel(hasil_teks(hi.renstra), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "capaian_renstra"))]
        return TabelView(f"Realisasi {self.tahun} dibandingkan target akhir Renstra: {ind.nama}",
                         kepala_sederhana("Periode Renstra", ("Kondisi awal", True), (f"Target akhir {akhir}".strip(), True), (f"Realisasi {self.tahun}", True), ("Capaian terhadap target akhir", True)),
                         [Baris(cells)], sumber=self.sumber_hitung)

    def tabel_pembanding(self, hi: HasilIndikator) -> TabelView | None:
        ind = hi.model
        if not ind.pembanding:
            return None
        tingkat = {"provinsi": "Provinsi", "nasional": "Nasional", "kabupaten": "Kabupaten/kota", "lainnya": "Lainnya"}
        rows = [Baris([Sel(f"{tingkat[p.tingkat]}{': ' + p.nama if p.nama else ''}", kepala=True), Sel(str(p.tahun) if p.tahun else KOSONG),
                       Sel(nilai(p.nilai, ind.satuan) if p.nilai is not None else "tidak tersedia", angka=True), Sel(p.keterangan)]) for p in ind.pembanding]
        rows.insert(0, Baris([Sel(self.profil.nama_singkat or self.profil.nama, kepala=True), Sel(str(self.tahun)), Sel(nilai(hi.realisasi, ind.satuan), angka=True), Sel("realisasi instansi")], kelas="tahun-ini"))
        return TabelView(f"Perbandingan dengan standar nasional/provinsi: {ind.nama}", kepala_sederhana("Pembanding", "Tahun", ("Nilai", True), "Keterangan"), rows, sumber=self.sumber)

    def tabel_efisiensi_indikator(self, hi: HasilIndikator) -> TabelView | None:
        t = hi.model.tercetak
        if not hi.anggaran and t.penyerapan is None and t.efisiensi is None and not hi.model.analisis.efisiensi:
            return None
        cells = [Sel(hasil_teks(hi.capaian), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "capaian")),
                 Sel(hasil_teks(hi.penyerapan), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "penyerapan")),
                 Sel(self.efisiensi_teks(hi), angka=self.metode.efisiensi != "verbal", tanda=self.tanda(*hi.jalur, "tercetak", "efisiensi"))]
        rumus = dict(self.uraian_metode())["Efisiensi"]
        return TabelView(f"Efisiensi penggunaan anggaran: {hi.model.nama}", kepala_sederhana(("Capaian kinerja", True), ("Penyerapan anggaran", True), ("Efisiensi", True)),
                         [Baris(cells)], sumber=self.sumber_hitung, keterangan=[f"Efisiensi = {rumus}.", "Penyerapan dari anggaran yang mendanai indikator ini: " + (", ".join(n.nama for n in hi.anggaran) or "tidak terhubung ke anggaran") + "."])

    def _baris_node(self, n: NodeAnggaran, ada_perubahan: bool, kode: bool = True) -> Baris:
        j = n.jalur + ("tercetak",)
        cells = []
        if kode:
            cells.append(Sel(n.kode))
        tingkat = ["Program", "Kegiatan", "Sub-kegiatan"][n.tingkat]
        cells.append(Sel(n.nama, kepala=True, kelas=f"tingkat-{n.tingkat}"))
        cells.append(Sel(tingkat))
        cells.append(Sel(angka(n.pagu), angka=True, tanda=self.tanda(*j, "pagu")))
        if ada_perubahan:
            cells.append(Sel(angka(n.pagu_perubahan) if n.pagu_perubahan is not None else KOSONG, angka=True, tanda=self.tanda(*j, "pagu_perubahan")))
        cells += [Sel(angka(n.realisasi), angka=True, tanda=self.tanda(*j, "realisasi")),
                  Sel(hasil_teks(n.penyerapan), angka=True, tanda=self.tanda(*j, "penyerapan")),
                  Sel(angka(n.sisa), angka=True, tanda=self.tanda(*j, "sisa"))]
        return Baris(cells, kelas=["program", "kegiatan", "sub-kegiatan"][n.tingkat] + (" subtotal" if n.anak else ""))

    def _kepala_anggaran(self, ada_perubahan: bool, kode: bool = True) -> list[list[Kepala]]:
        head: list[str | tuple[str, bool]] = (["Kode"] if kode else []) + ["Uraian", "Tingkat", ("Pagu (Rp)", True)]
        if ada_perubahan:
            head.append(("Pagu perubahan (Rp)", True))
        head += [("Realisasi (Rp)", True), ("Penyerapan", True), ("Sisa (Rp)", True)]
        return kepala_sederhana(*head)

    def tabel_pendukung(self, hi: HasilIndikator) -> TabelView | None:
        if not hi.anggaran:
            return None
        ada_p = any(n.pagu_perubahan is not None for n in hi.anggaran)
        kode = any(n.kode for n in hi.anggaran)
        rows = [self._baris_node(n, ada_p, kode) for n in hi.anggaran]
        return TabelView(f"Program/kegiatan yang mendanai indikator: {hi.model.nama}", self._kepala_anggaran(ada_p, kode), rows, sumber=self.sumber_hitung)

    # --- sasaran and tujuan level

    def tabel_indikator_tujuan(self) -> TabelView | None:
        if not self.indikator_bab3:
            return None
        head: list[str | tuple[str, bool]] = ["Tujuan", "Indikator", "Satuan", ("Target", True), ("Realisasi", True)] + self._kepala_capaian()
        rows = []
        tujuan = {i.id: t for t in (self.lap.renstra.tujuan if self.lap.renstra else []) for i in t.indikator}
        for hi in self.indikator_bab3:
            ind = hi.model
            t = tujuan.get(ind.id)
            rows.append(Baris([Sel(t.teks if t else KOSONG), Sel(self.judul_indikator(hi), kepala=True, href=self.url_indikator(ind.id)), Sel(ind.satuan),
                               Sel(nilai(hi.target, ind.satuan), angka=True), Sel(nilai(hi.realisasi, ind.satuan), angka=True)] + self._sel_capaian(hi)))
        return TabelView(f"Capaian indikator tujuan tahun {self.tahun}", kepala_sederhana(*head), rows, sumber=self.sumber_hitung)

    def tabel_efisiensi(self) -> TabelView | None:
        if not self.h.sasaran or not self.lap.anggaran.program:
            return None
        rows = []
        for hs in self.h.sasaran:
            rows.append(Baris([Sel(self.judul_sasaran(hs), kepala=True, href=self.url("bab-3", f"sasaran-{hs.model.id}")), Sel(hasil_teks(hs.capaian), angka=True, tanda=self.tanda(*hs.jalur, "tercetak", "capaian")),
                               Sel(hasil_teks(hs.penyerapan), angka=True), Sel(self.efisiensi_teks(hs), angka=self.metode.efisiensi != "verbal")], kelas="subtotal"))
            for hi in hs.indikator:
                rows.append(Baris([Sel(self.judul_indikator(hi), kepala=True, kelas="tingkat-1", href=self.url_indikator(hi.model.id)),
                                   Sel(hasil_teks(hi.capaian), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "capaian")),
                                   Sel(hasil_teks(hi.penyerapan), angka=True, tanda=self.tanda(*hi.jalur, "tercetak", "penyerapan")),
                                   Sel(self.efisiensi_teks(hi), angka=self.metode.efisiensi != "verbal", tanda=self.tanda(*hi.jalur, "tercetak", "efisiensi"))]))
        rumus = dict(self.uraian_metode())["Efisiensi"]
        return TabelView(f"Efisiensi penggunaan anggaran tahun {self.tahun}", kepala_sederhana("Sasaran / indikator", ("Capaian kinerja", True), ("Penyerapan anggaran", True), ("Efisiensi", True)),
                         rows, sumber=self.sumber_hitung, keterangan=[f"Efisiensi = {rumus}. Penyerapan sasaran dihitung dari program yang mendukungnya (atau gabungan anggaran indikatornya)."])

    def tabel_prestasi(self) -> TabelView | None:
        if not self.lap.prestasi:
            return None
        rows = [Baris([Sel(p.nama, kepala=True), Sel(str(p.tahun) if p.tahun else KOSONG), Sel(p.pemberi), Sel(markdown_html(p.uraian) if p.uraian else KOSONG)]) for p in self.lap.prestasi]
        return TabelView("Prestasi dan penghargaan", kepala_sederhana("Prestasi/penghargaan", "Tahun", "Pemberi", "Uraian"), rows, sumber=self.sumber)

    # --- budget (BAB III B)

    def tabel_realisasi_anggaran(self) -> TabelView | None:
        ang = self.h.anggaran
        if not ang.program:
            return None
        nodes: list[NodeAnggaran] = []

        def walk(ns: list[NodeAnggaran]) -> None:
            for n in ns:
                nodes.append(n)
                walk(n.anak)

        walk(ang.program)
        ada_p = any(n.pagu_perubahan is not None for n in nodes)
        kode = any(n.kode for n in nodes)
        rows = [self._baris_node(n, ada_p, kode) for n in nodes]
        j = ("anggaran", "tercetak")
        foot = [Sel("Jumlah", kepala=True, colspan=3 if kode else 2), Sel(angka(ang.pagu), angka=True, tanda=self.tanda(*j, "pagu"))]
        if ada_p:
            foot.append(Sel(angka(ang.pagu_perubahan), angka=True, tanda=self.tanda(*j, "pagu_perubahan")))
        foot += [Sel(angka(ang.realisasi), angka=True, tanda=self.tanda(*j, "realisasi")), Sel(hasil_teks(ang.penyerapan), angka=True, tanda=self.tanda(*j, "penyerapan")),
                 Sel(angka(ang.sisa), angka=True, tanda=self.tanda(*j, "sisa"))]
        notes = ["Angka program dan kegiatan adalah jumlah rinciannya."]
        if self.lap.anggaran.dasar:
            notes.append(f"Dasar anggaran: {self.lap.anggaran.dasar}.")
        return TabelView(f"Realisasi anggaran per program, kegiatan dan sub-kegiatan tahun {self.tahun}", self._kepala_anggaran(ada_p, kode), rows, [Baris(foot, kelas="total")],
                         sumber=self.sumber_hitung, keterangan=notes)

    def tabel_program(self) -> TabelView | None:
        ang = self.h.anggaran
        if not ang.program:
            return None
        ada_p = any(n.pagu_perubahan is not None for n in ang.program)
        head: list[str | tuple[str, bool]] = ["Program", "Sumber dana", ("Pagu (Rp)", True)] + ([("Pagu perubahan (Rp)", True)] if ada_p else [])
        rows = []
        for n in ang.program:
            cells = [Sel(n.nama, kepala=True), Sel(n.sumber.sumber_dana), Sel(angka(n.pagu), angka=True)]
            if ada_p:
                cells.append(Sel(angka(n.pagu_perubahan) if n.pagu_perubahan is not None else KOSONG, angka=True))
            rows.append(Baris(cells))
        foot = [Sel("Jumlah", kepala=True, colspan=2), Sel(angka(ang.pagu), angka=True, tanda=self.tanda("anggaran", "tercetak", "pagu"))]
        if ada_p:
            foot.append(Sel(angka(ang.pagu_perubahan), angka=True, tanda=self.tanda("anggaran", "tercetak", "pagu_perubahan")))
        return TabelView(f"Program dan pagu anggaran tahun {self.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=self.sumber_hitung)

    def tabel_belanja_jenis(self) -> TabelView | None:
        items = self.lap.anggaran.belanja_per_jenis
        if not items:
            return None
        total = sum((x.pagu for x in items if x.pagu is not None), Decimal(0))
        ada_kelompok = any(x.kelompok for x in items)
        rows = []
        for i, x in enumerate(items):
            serap = penyerapan(x.pagu, x.realisasi, self.metode)
            porsi = bulat(_div(x.pagu * 100, total), self.metode.pembulatan_anggaran) if x.pagu is not None and total else None
            cells = ([Sel(x.kelompok)] if ada_kelompok else []) + [Sel(x.jenis, kepala=True), Sel(angka(x.pagu), angka=True), Sel(angka(x.realisasi), angka=True),
                                                                     Sel(hasil_teks(serap) if x.realisasi is not None else KOSONG, angka=True, tanda=self.tanda("anggaran", "belanja_per_jenis", i, "tercetak", "penyerapan")),
                                                                     Sel(persen(porsi), angka=True)]
            rows.append(Baris(cells))
        real = [x.realisasi for x in items if x.realisasi is not None]
        foot = [Sel("Jumlah", kepala=True, colspan=2 if ada_kelompok else 1), Sel(angka(total), angka=True), Sel(angka(sum(real, Decimal(0))) if real else KOSONG, angka=True), Sel(KOSONG), Sel(persen(Decimal(100)) if total else KOSONG, angka=True)]
        head = (["Kelompok"] if ada_kelompok else []) + ["Jenis belanja", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True), ("Porsi dari jumlah pagu", True)]
        return TabelView(f"Anggaran menurut jenis belanja tahun {self.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=self.sumber_hitung)

    def tabel_sumber_dana(self) -> TabelView | None:
        items = [x for x in self.lap.anggaran.sumber_dana if x.pagu is not None or x.realisasi is not None]
        if not items:
            return None
        rows = [Baris([Sel(x.sumber, kepala=True), Sel(angka(x.pagu), angka=True), Sel(angka(x.realisasi), angka=True), Sel(hasil_teks(penyerapan(x.pagu, x.realisasi, self.metode)), angka=True)]) for x in items]
        return TabelView(f"Anggaran menurut sumber dana tahun {self.tahun}", kepala_sederhana("Sumber dana", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True)), rows, sumber=self.sumber_hitung)

    def tabel_multi_tahun(self) -> TabelView | None:
        pm = self.lap.anggaran.pagu_multi_tahun
        if not pm or not pm.baris:
            return None
        years = sorted({y for r in pm.baris for y in r.nilai})
        rows = []
        foot = []
        for i, r in enumerate(pm.baris):
            cells = [Sel(r.uraian, kepala=True)] + [Sel(angka(r.nilai.get(y)), angka=True, tanda=self.tanda("anggaran", "pagu_multi_tahun", "baris", i, "nilai", y)) for y in years]
            (foot if r.total else rows).append(Baris(cells, kelas="total" if r.total else ""))
        return TabelView(pm.judul or "Pagu anggaran beberapa tahun", kepala_sederhana("Uraian", *[(f"{y} (Rp)", True) for y in years]), rows, foot, sumber=self.sumber, catatan=pm.catatan)

    def tabel_tahun_lalu(self) -> TabelView | None:
        ang = self.h.anggaran
        prev = None
        if self.sebelumnya is not None and self.sebelumnya.anggaran.program:
            pa = self.sebelumnya.anggaran
            prev = (self.sebelumnya.tahun, pa.pagu_efektif, pa.realisasi, pa.penyerapan, f"LKIP {self.sebelumnya.tahun}", [])
        elif self.lap.anggaran.tahun_lalu:
            tl = self.lap.anggaran.tahun_lalu
            prev = (tl.tahun, tl.pagu, tl.realisasi, penyerapan(tl.pagu, tl.realisasi, self.metode), "laporan ini", self.tanda("anggaran", "tahun_lalu", "tercetak", "penyerapan"))
        if prev is None or not ang.program:
            return None
        rows = [Baris([Sel(str(prev[0]), kepala=True), Sel(angka(prev[1]), angka=True), Sel(angka(prev[2]), angka=True), Sel(hasil_teks(prev[3]), angka=True, tanda=prev[5]), Sel(prev[4])]),
                Baris([Sel(str(self.tahun), kepala=True), Sel(angka(ang.pagu_efektif), angka=True), Sel(angka(ang.realisasi), angka=True), Sel(hasil_teks(ang.penyerapan), angka=True, tanda=self.tanda("anggaran", "tercetak", "penyerapan")), Sel("laporan ini")], kelas="tahun-ini")]
        notes = []
        if prev[3].ada and ang.penyerapan.ada:
            notes.append(f"Perubahan penyerapan: {bertanda(ang.penyerapan.tampil - prev[3].tampil)} poin persen.")
        return TabelView(f"Penyerapan anggaran {prev[0]} dan {self.tahun}", kepala_sederhana("Tahun", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True), "Sumber data"), rows,
                         sumber=self.sumber_hitung, keterangan=notes)

    # --- BAB I

    def tabel_pegawai(self, i: int) -> TabelView:
        tp = self.lap.pegawai.tabel[i]
        satu = len(tp.kolom) == 1
        head: list[str | tuple[str, bool]] = [tp.judul_label] + [(k, True) for k in tp.kolom] + ([] if satu else [("Jumlah", True)])
        rows = []
        sums = [0] * len(tp.kolom)
        for r in tp.baris:
            vals = list(r.nilai) + [None] * (len(tp.kolom) - len(r.nilai))
            for c, v in enumerate(vals[: len(tp.kolom)]):
                sums[c] += v or 0
            cells = [Sel(r.label, kepala=True)] + [Sel(angka(v) if v is not None else KOSONG, angka=True) for v in vals[: len(tp.kolom)]]
            if not satu:
                cells.append(Sel(angka(sum(v or 0 for v in vals)), angka=True))
            rows.append(Baris(cells))
        j = ("pegawai", "tabel", i, "total_tercetak")
        foot = [Sel("Jumlah", kepala=True)]
        for c, s in enumerate(sums):
            foot.append(Sel(angka(s), angka=True, tanda=self.tanda(*j, c) + (self.tanda(*j, 1) if satu else [])))
        if not satu:
            foot.append(Sel(angka(sum(sums)), angka=True, tanda=self.tanda(*j, len(tp.kolom))))
        t = TabelView(tp.judul, kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=self.sumber, nomor_tercetak=tp.nomor_tercetak,
                      keterangan=[tp.keterangan] if tp.keterangan else [])
        t.tanda_tabel = self.tanda("pegawai", "tabel", i, "baris")
        return t

    def tabel_riwayat_akip(self) -> TabelView | None:
        ev = self.lap.evaluasi_akip
        if not ev or not ev.riwayat:
            return None
        rows = [Baris([Sel(str(r.tahun), kepala=True), Sel(angka(r.nilai), angka=True), Sel(r.predikat)]) for r in sorted(ev.riwayat, key=lambda r: r.tahun)]
        return TabelView("Hasil evaluasi akuntabilitas kinerja (AKIP)", kepala_sederhana("Tahun", ("Nilai", True), "Predikat"), rows, sumber=self.sumber)

    def tabel_rekomendasi(self) -> TabelView | None:
        ev = self.lap.evaluasi_akip
        if not ev or not ev.rekomendasi:
            return None
        rows = []
        n = 0
        for g in ev.rekomendasi:
            if g.kelompok:
                rows.append(Baris([Sel(g.kelompok, kepala=True, colspan=3, scope="rowgroup")], kelas="grup"))
            for it in g.butir:
                n += 1
                rows.append(Baris([Sel(f"{n}."), Sel(markdown_html(it.rekomendasi)), Sel(markdown_html(it.tindak_lanjut) if it.tindak_lanjut else "belum ada tindak lanjut")]))
        judul = "Rekomendasi hasil evaluasi AKIP dan tindak lanjutnya" + (f" (evaluasi {ev.tahun_evaluasi})" if ev.tahun_evaluasi else "")
        return TabelView(judul, kepala_sederhana("No", "Rekomendasi", "Tindak lanjut"), rows, sumber=self.sumber)

    # --- BAB II

    def tahun_renstra(self) -> list[int]:
        ren = self.lap.renstra
        years: set[int] = set()
        if ren:
            years |= set(range(ren.periode.awal, ren.periode.akhir + 1))
        else:
            for hi in self.h.semua_indikator:
                years |= set(hi.model.target)
        return sorted(years)

    def tabel_target_renstra(self, label: str | None = None) -> TabelView | None:
        """Targets per year of every indicator (Renstra matrix); ``label`` picks a ``target_lain`` version."""
        years = self.tahun_renstra()
        groups: list[tuple[str, list]] = []
        if self.lap.renstra:
            for t in self.lap.renstra.tujuan:
                if t.indikator:
                    groups.append((f"Tujuan {t.nomor + ': ' if t.nomor else ''}{t.teks}", t.indikator))
        for s in self.lap.sasaran:
            if s.indikator:
                groups.append((f"Sasaran {s.kode + ': ' if s.kode else ''}{s.nama}", s.indikator))
        rows = []
        any_value = False
        width = 4 + len(years)
        for judul, inds in groups:
            grp = []
            for ind in inds:
                if label is None:
                    target, akhir = ind.target, ind.target_akhir_renstra
                else:
                    versi = next((v for v in ind.target_lain if v.label == label), None)
                    if versi is None:
                        continue
                    target, akhir = versi.target, versi.target_akhir
                vals = [target.get(y) for y in years]
                any_value = any_value or any(v is not None for v in vals) or akhir is not None
                grp.append(Baris([Sel(ind.nama, kepala=True), Sel(ind.satuan), Sel(nilai(ind.kondisi_awal, ind.satuan), angka=True)]
                                 + [Sel(nilai(v, ind.satuan), angka=True) for v in vals] + [Sel(nilai(akhir, ind.satuan), angka=True)]))
            if grp:
                rows.append(Baris([Sel(judul, kepala=True, colspan=width, scope="rowgroup")], kelas="grup"))
                rows += grp
        if not any_value:
            return None
        judul = "Target kinerja per tahun" + (f" ({label})" if label else (" menurut Renstra" if self.lap.renstra else ""))
        head = [[Kepala("Indikator", rowspan=2), Kepala("Satuan", rowspan=2), Kepala("Kondisi awal", rowspan=2, angka=True), Kepala("Target", colspan=len(years)), Kepala("Target akhir", rowspan=2, angka=True)],
                [Kepala(str(y), angka=True) for y in years]]
        if not years:
            head = kepala_sederhana("Indikator", "Satuan", ("Kondisi awal", True), ("Target akhir", True))
        return TabelView(judul, head, rows, sumber=self.sumber)

    def label_target_lain(self) -> list[str]:
        labels: dict[str, None] = {}
        for hi in self.h.semua_indikator + self.h.indikator_tujuan:
            for v in hi.model.target_lain:
                labels.setdefault(v.label, None)
        return list(labels)

    def tabel_strategi(self) -> TabelView | None:
        items = [s for s in self.lap.sasaran if s.strategi or s.kebijakan]
        if not items:
            return None

        def daftar(xs: list[str]) -> Any:
            if not xs:
                return KOSONG
            return Markup("<ul>") + Markup("").join(Markup("<li>%s</li>") % x for x in xs) + Markup("</ul>")

        rows = [Baris([Sel(f"{s.kode + '. ' if s.kode else ''}{s.nama}", kepala=True), Sel(daftar(s.strategi)), Sel(daftar(s.kebijakan))]) for s in items]
        return TabelView("Strategi dan arah kebijakan per sasaran", kepala_sederhana("Sasaran", "Strategi", "Arah kebijakan"), rows, sumber=self.sumber)

    def tabel_iku(self) -> TabelView | None:
        rows = []
        for hs in self.h.sasaran:
            inds = [hi for hi in hs.indikator if hi.model.iku]
            if not inds:
                continue
            rows.append(Baris([Sel(self.judul_sasaran(hs), kepala=True, colspan=7, scope="rowgroup")], kelas="grup"))
            for hi in inds:
                ind = hi.model
                rows.append(Baris([Sel(ind.kode), Sel(ind.nama, kepala=True, href=self.url_indikator(ind.id)), Sel(ind.satuan), Sel("makin tinggi makin baik" if ind.arah == "naik" else "makin rendah makin baik"),
                                   Sel(ind.rumus), Sel(ind.sumber_data), Sel(ind.penanggung_jawab)]))
        if not rows:
            return None
        return TabelView("Indikator Kinerja Utama (IKU)", kepala_sederhana("Kode", "Indikator", "Satuan", "Arah", "Rumus", "Sumber data", "Penanggung jawab"), rows, sumber=self.sumber)

    def tabel_pk(self) -> TabelView | None:
        pk = self.lap.perjanjian_kinerja
        if not self.h.sasaran:
            return None
        ada_p = pk is not None and pk.perubahan is not None
        head: list[str | tuple[str, bool]] = ["Kode", "Indikator", "Satuan", ("Target Perjanjian Kinerja", True)] + ([("Target PK perubahan", True)] if ada_p else [])
        rows = []
        for hs in self.h.sasaran:
            rows.append(Baris([Sel(self.judul_sasaran(hs), kepala=True, colspan=len(head), scope="rowgroup")], kelas="grup"))
            for hi in hs.indikator:
                ind = hi.model
                cells = [Sel(ind.kode), Sel(ind.nama, kepala=True, href=self.url_indikator(ind.id)), Sel(ind.satuan),
                         Sel(nilai(hi.target_pk, ind.satuan), angka=True, tanda=self.tanda("perjanjian_kinerja", "target", ind.id))]
                if ada_p:
                    cells.append(Sel(nilai(hi.target_pk_perubahan, ind.satuan), angka=True, tanda=self.tanda("perjanjian_kinerja", "perubahan", "target", ind.id)))
                rows.append(Baris(cells))
        judul = (pk.judul if pk and pk.judul else f"Perjanjian Kinerja tahun {self.tahun}") + (" dan perubahannya" if ada_p else "")
        notes = [] if pk else ["Perjanjian Kinerja tidak dilampirkan; target diambil dari target tahunan indikator."]
        return TabelView(judul, kepala_sederhana(*head), rows, sumber=self.sumber, keterangan=notes)

    def tabel_anggaran_pk(self) -> TabelView | None:
        pk = self.lap.perjanjian_kinerja
        if not pk or not (pk.anggaran or (pk.perubahan and pk.perubahan.anggaran)):
            return None
        versi = [("perjanjian_kinerja",), ]
        lists = [pk.anggaran]
        if pk.perubahan and pk.perubahan.anggaran:
            versi.append(("perjanjian_kinerja", "perubahan"))
            lists.append(pk.perubahan.anggaran)
        keys: dict[str, str] = {}
        for lst in lists:
            for a in lst:
                keys.setdefault(a.program or a.nama or "", a.nama or a.program or "")
        rows = []
        for key, nama in keys.items():
            cells = [Sel(nama, kepala=True)]
            ket = []
            for lst in lists:
                a = next((x for x in lst if (x.program or x.nama or "") == key), None)
                cells.append(Sel(angka(a.pagu) if a else KOSONG, angka=True))
                if a and a.keterangan:
                    ket.append(a.keterangan)
            cells.append(Sel("; ".join(dict.fromkeys(ket)) or KOSONG))
            rows.append(Baris(cells))
        foot = [Sel("Jumlah", kepala=True)]
        for path, lst in zip(versi, lists):
            foot.append(Sel(angka(sum((a.pagu for a in lst), Decimal(0))) if lst else KOSONG, angka=True, tanda=self.tanda(*path, "jumlah_anggaran_tercetak")))
        foot.append(Sel(KOSONG))
        head: list[str | tuple[str, bool]] = ["Program", ("Pagu PK (Rp)", True)] + ([("Pagu PK perubahan (Rp)", True)] if len(lists) > 1 else []) + ["Keterangan"]
        return TabelView("Anggaran program dalam Perjanjian Kinerja", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=self.sumber_hitung)

    # --- ringkasan

    def tabel_ringkasan_iku(self) -> TabelView | None:
        if not self.h.sasaran:
            return None
        head: list[str | tuple[str, bool]] = ["Indikator", ("Target", True), ("Realisasi", True)] + self._kepala_capaian()
        rows = []
        for hs in self.h.sasaran:
            for hi in hs.indikator:
                if not hi.model.iku:
                    continue
                ind = hi.model
                rows.append(Baris([Sel(self.judul_indikator(hi), kepala=True, href=self.url_indikator(ind.id)), Sel(nilai(hi.target, ind.satuan), angka=True),
                                   Sel(nilai(hi.realisasi, ind.satuan), angka=True)] + self._sel_capaian(hi)))
        if not rows:
            return None
        k = self.keseluruhan()
        foot = [Sel("Capaian kinerja keseluruhan", kepala=True, colspan=3), Sel(k["teks"], angka=True, tanda=k["tanda"])]
        if self.ada_batas:
            foot.append(Sel(k["batas"] or (self.capaian_batas(self.h.keseluruhan.nilai) if self.h.keseluruhan.ada else KOSONG), angka=True))
        if self.ada_skala:
            foot.append(Sel(self.h.predikat, tanda=k["tanda_predikat"]))
        return TabelView(f"Capaian Indikator Kinerja Utama tahun {self.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=self.sumber_hitung)

    # --- catatan pemeriksaan

    def tabel_catatan(self) -> TabelView:
        rows = []
        for m in self.catatan.daftar:
            t = m.temuan
            tempat: Any = KOSONG
            if self.catatan.tempat.get(m.no):
                links = []
                for halaman, anchor, label in dict.fromkeys(self.catatan.tempat[m.no]):
                    where = label if halaman == "index" and not label.startswith("Tabel") else f"{label} ({JUDUL_HALAMAN[halaman]})" if not label.startswith("Tabel") else label
                    links.append(Markup('<a href="%s">%s</a>') % (self.url(halaman, anchor), where))
                tempat = Markup(", ").join(links)
            rows.append(Baris([Sel(str(m.no), kepala=True), Sel(f"{t.lokasi.file}:{t.lokasi.line}", kelas="jalur"), Sel(format_path(t.jalur), kelas="jalur"), Sel(t.pesan, kelas="pesan"),
                               Sel(t.tercetak, angka=True), Sel(t.dihitung, angka=True),
                               Sel(t.akibat or KOSONG), Sel(tempat)], id=f"catatan-{m.no}"))
        return TabelView(f"Temuan pemeriksaan data LKIP {self.tahun}", kepala_sederhana("No", "Berkas:baris", "Bagian data", "Temuan", ("Tercetak", True), ("Hasil hitung", True), "Akibat dari", "Ditampilkan di"),
                         rows, sumber=f"Pemeriksaan otomatis portal atas data {self.sumber}", kelas="catatan")

    # --- free tables and charts

    def tabel_bebas(self, t: Tabel, i: int) -> TabelView:
        head, leaves = kepala_bertingkat(t.kolom)
        first = 1 if len(leaves) > 1 and re.fullmatch(r"no\.?|nomor", leaves[0].judul.strip().lower()) else 0

        def row(values: list, kelas: str = "", replace: dict[int, tuple[str, list[Tanda]]] | None = None) -> Baris:
            kepala = first
            if kelas == "total":  # the label of a total row is its first text cell
                kepala = next((c for c, v in enumerate(values) if isinstance(v, str) and v.strip()), first)
            cells = []
            for c, v in enumerate(values):
                rata = leaves[c].rata if c < len(leaves) else None
                is_num = isinstance(v, (int, Decimal)) and not isinstance(v, bool)
                tanda: list[Tanda] = []
                text = teks_sel(v)
                if replace and c in replace:
                    text, tanda = replace[c]
                cells.append(Sel(text, kepala=c == kepala, angka=rata == "kanan" or (rata is None and is_num), kelas="tengah" if rata == "tengah" else "", tanda=tanda))
            return Baris(cells, kelas=kelas)

        rows = [row(r) for r in t.baris]
        totals = [list(r) for r in t.baris_total]
        repl: dict[int, tuple[str, list[Tanda]]] = {}
        idx = None
        if t.jumlahkan:
            jt = list(t.jumlahkan.baris_total)
            idx = next((k for k, r in enumerate(totals) if r == jt), None)
            if idx is None:
                totals.append(jt)
                idx = len(totals) - 1
            for k in t.jumlahkan.kolom:
                marks = self.tanda("tabel", i, "jumlahkan", "baris_total", k - 1)
                if marks:
                    repl[k - 1] = (marks[0].temuan.dihitung, marks)
        foot = [row(r, "total", repl if k == idx else None) for k, r in enumerate(totals)]
        judul = t.judul
        return TabelView(judul, head, rows, foot, sumber=t.sumber or self.sumber, catatan=t.catatan, nomor_tercetak=t.nomor_tercetak)

    def grafik_view(self, g: Grafik) -> GrafikView:
        """A declared chart's data: labels, series as numbers (for drawing) and as text (for the data table)."""
        labels: list[str] = []
        data_angka: list[tuple[str, list[Decimal | None]]] = []
        judul_label = "Label"
        t = self.tabel_by_id.get(g.tabel) if g.tabel else None

        def num(v: Any) -> Decimal | None:
            return Decimal(v) if isinstance(v, (int, Decimal)) and not isinstance(v, bool) else None

        if t is not None:
            _, leaves = kepala_bertingkat(t.kolom)
            lk = (g.label_kolom or 1) - 1
            if lk < len(leaves):
                judul_label = leaves[lk].judul
            labels = [teks_sel(r[lk]) if lk < len(r) else KOSONG for r in t.baris]
            for s in g.seri:
                if s.kolom is not None:
                    data_angka.append((s.nama, [num(r[s.kolom - 1]) if s.kolom - 1 < len(r) else None for r in t.baris]))
                else:
                    data_angka.append((s.nama, list(s.nilai or [])))
        else:
            labels = list(g.label or [])
            data_angka = [(s.nama, list(s.nilai or [])) for s in g.seri]
        n = max([len(labels)] + [len(v) for _, v in data_angka])
        labels += [KOSONG] * (n - len(labels))
        seri = [(nama, [angka(x) for x in vals]) for nama, vals in data_angka]
        rows = [Baris([Sel(labels[k], kepala=True)] + [Sel(v[k] if k < len(v) else KOSONG, angka=True) for _, v in seri]) for k in range(n)]
        satuan = f" ({g.satuan})" if g.satuan else ""
        data = TabelView(f"Data grafik: {g.judul}", kepala_sederhana(judul_label, *[(nama + satuan, True) for nama, _ in seri]), rows, sumber=g.sumber or self.sumber)
        return GrafikView(g, labels, seri, data, data_angka)

    def svg(self, gv: GrafikView) -> Chart | None:
        """The drawn chart of a YAML ``grafik`` (None when it has too few values to draw: its table still shows)."""
        return self.grafik_yaml.get(gv.grafik.id)

    def grafik_di(self, posisi: str, awalan: str = "") -> list[Chart]:
        """Generated charts (trend, capaian, budget) for a place in the page, each placed once."""
        daftar = self._grafik_posisi.get(posisi, [])
        out = [c for c in daftar if c.id.startswith(awalan)]
        self._grafik_posisi[posisi] = [c for c in daftar if c not in out]
        return out

    def grafik_tak_tampil(self) -> list[str]:
        return sorted(c.id for cs in self._grafik_posisi.values() for c in cs)

    @staticmethod
    def rincian_grafik(c: Chart) -> str:
        """The long description shown beside a chart, without the sentences its alt text already says."""
        d = c.deskripsi.strip()
        return d[len(c.alt):].strip() if d.startswith(c.alt) else d

    def url_grafik(self, c: Chart) -> str:
        return rel_url(self.path(self.halaman_ini), f"{self.slug}/{self.tahun}/{c.berkas}")

    def tabel_grafik(self, c: Chart) -> TabelView:
        """The data a generated chart was drawn from, as a table (first column labels the rows)."""
        rows = [Baris([Sel(v or KOSONG, kepala=k == 0, angka=k > 0) for k, v in enumerate(row)]) for row in c.baris]
        return TabelView(f"Data grafik: {c.judul}", kepala_sederhana(*[(k, i > 0) for i, k in enumerate(c.kolom)]), rows, sumber=c.sumber or self.sumber)

    # --- org tree

    def pohon_organisasi(self) -> Markup:
        def unit(u) -> Markup:
            label = escape(u.nama)
            if u.pejabat:
                label += Markup(' <span class="pejabat">— %s</span>') % u.pejabat
            out = Markup("<li>") + label
            if u.unit:
                out += Markup("<ul>") + Markup("").join(unit(x) for x in u.unit) + Markup("</ul>")
            return out + Markup("</li>")

        if not self.profil.struktur_organisasi:
            return Markup("")
        return Markup('<ul class="pohon-organisasi">') + Markup("").join(unit(u) for u in self.profil.struktur_organisasi) + Markup("</ul>")

    def unit_bertugas(self) -> list[tuple[int, Any]]:
        out: list[tuple[int, Any]] = []

        def walk(us, depth: int) -> None:
            for u in us:
                if u.tugas or u.fungsi:
                    out.append((depth, u))
                walk(u.unit, depth + 1)

        walk(self.profil.struktur_organisasi, 0)
        return out


def _beri_kunci(nama: str, f):
    """Wrap a table builder so the table it returns carries its stable CSV name (:meth:`LaporanView.kunci_tabel`)."""
    sig = inspect.signature(f)

    @functools.wraps(f)
    def g(self, *args, **kw):
        t = f(self, *args, **kw)
        tv = t.tabel if isinstance(t, GrafikView) else t
        if isinstance(tv, TabelView) and not tv.kunci:
            bound = sig.bind(self, *args, **kw)
            tv.kunci = self.kunci_tabel(nama, {k: v for k, v in list(bound.arguments.items())[1:]})
        return t

    return g


for _nama, _f in list(vars(LaporanView).items()):
    if callable(_f) and (_nama.startswith("tabel_") or _nama == "grafik_view"):
        setattr(LaporanView, _nama, _beri_kunci("grafik" if _nama == "grafik_view" else _nama[len("tabel_"):], _f))


# ---------------------------------------------------------------------------------------------------
# URLs (use_directory_urls: true)


def page_url(md_path: str) -> str:
    """``a/b/index.md`` → ``a/b/``; ``a/b/c.md`` → ``a/b/c/``; ``index.md`` → ``""``."""
    p = md_path[:-3] if md_path.endswith(".md") else md_path
    if p == "index":
        return ""
    if p.endswith("/index"):
        return p[: -len("index")]
    return p + "/"


def rel_url(src_md: str, dst_md: str, anchor: str | None = None) -> str:
    """Link from one generated page to another page (``.md``) or to a file (image), relative."""
    if not dst_md.endswith(".md"):
        return posixpath.relpath(dst_md, page_url(src_md).rstrip("/") or ".")
    src, dst = page_url(src_md), page_url(dst_md)
    if src == dst:
        out = ""
    else:
        out = posixpath.relpath(dst or ".", src.rstrip("/") or ".")
        out = "./" if out == "." else out + "/"
    if anchor:
        return f"{out}#{anchor}"
    return out or "./"


# ---------------------------------------------------------------------------------------------------
# Writing files


class Penulis:
    """Writes files under one folder, only when bytes change, and removes what a run did not write."""

    def __init__(self, root: Path):
        self.root = root
        self.ditulis: set[Path] = set()
        self.sidik: dict[str, str] = {}  # rel → SHA-256 of what was written (the build cache records it)
        self.halaman = 0
        self.diubah = 0

    def tulis(self, rel: str, data: str | bytes) -> None:
        raw = data.encode("utf-8") if isinstance(data, str) else data
        path = self.root / rel
        self.ditulis.add(path)
        self.sidik[rel] = hashlib.sha256(raw).hexdigest()
        if rel.endswith(".md"):
            self.halaman += 1
        if path.is_file() and path.read_bytes() == raw:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(raw)
        self.diubah += 1

    def salin(self, rel: str, src: Path) -> None:
        self.tulis(rel, src.read_bytes())

    def stat(self, rel: str) -> list[int] | None:
        """``[size, mtime, inode, ctime]`` of a file under the folder (None when missing): any write, copy or
        timestamp change since the build cache recorded it changes at least one of them."""
        try:
            st = (self.root / rel).stat()
        except OSError:
            return None
        return [st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns]

    def sama(self, rel: str, sha: str, stat: list[int] | None) -> bool:
        """Keep an existing file without reading it when its stat is the one recorded after writing it."""
        if stat is None or self.stat(rel) != list(stat):
            return False
        self.ditulis.add(self.root / rel)
        self.sidik[rel] = sha
        if rel.endswith(".md"):
            self.halaman += 1
        return True

    def bersihkan(self) -> int:
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in sorted(self.root.rglob("*"), reverse=True):
            if path.is_file() or path.is_symlink():
                if path not in self.ditulis:
                    path.unlink()
                    removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
        return removed


def _periksa_folder(out_dir: Path) -> None:
    """Refuse to clean a folder that is obviously not a generated docs folder."""
    for marker in ("mkdocs.yml", "agencies", ".git", "generator", "pyproject.toml"):
        if (out_dir / marker).exists():
            raise RuntimeError(f"{out_dir} berisi '{marker}': bukan folder hasil pembangunan; render dibatalkan agar tidak menghapus apa pun")


def _rapikan(teks: str) -> str:
    lines = [ln.rstrip() for ln in teks.splitlines()]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return out + "\n"


def front_matter(instansi: str, tahun: int | None = None, cari: bool = True) -> str:
    """YAML front matter (MkDocs ``page.meta``): theme/overrides/main.html makes it Pagefind's agency/year filters.

    ``cari=False`` keeps the page out of the search index (Material's ``search: exclude`` convention), e.g. the
    print page, which repeats every chapter that is already indexed on its own page.
    """
    data: dict[str, Any] = {"instansi": " ".join(str(instansi).split())}
    if tahun is not None:
        data["tahun"] = int(tahun)
    if not cari:
        data["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"


# ---------------------------------------------------------------------------------------------------
# Entry point


def template_dir(root: Path) -> Path:
    own = root / "theme" / "templates"
    return own if own.is_dir() else Path(__file__).resolve().parent.parent / "theme" / "templates"


def buat_env(folder: Path) -> Environment:
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True, undefined=StrictUndefined)
    env.filters.update(
        angka=angka, persen=persen, rupiah=rupiah, tanggal=fmt.tanggal, nip=fmt.nip,
        md=markdown_html, judul=judul_md, hasil=hasil_teks, sel=teks_sel, dasar_hukum=nama_dasar_hukum, url_aman=url_aman,
        capitalize_first=lambda x: (str(x)[:1].upper() + str(x)[1:]) if x else "",
    )
    env.globals.update(KOSONG=KOSONG, nilai=nilai, JUDUL_HALAMAN=JUDUL_HALAMAN)
    return env


@dataclass
class RingkasanTahun:
    tahun: int
    path: str
    capaian: str
    capaian_batas: str | None
    predikat: str | None
    pagu: str
    realisasi: str
    penyerapan: str
    jumlah_temuan: int
    tampil_catatan: bool


# ---------------------------------------------------------------------------------------------------
# Portal pages (home, agency)


def _capaian_ringkas(rt: RingkasanTahun) -> str:
    return f"{rt.capaian} (untuk predikat: {rt.capaian_batas})" if rt.capaian_batas else rt.capaian


def tabel_instansi(inst: Instansi, ringkas: list[RingkasanTahun]) -> TabelView | None:
    if not ringkas:
        return None
    src = f"{inst.slug}/index.md"
    rows = []
    for rt in ringkas:
        temuan = str(rt.jumlah_temuan) if rt.tampil_catatan else "tidak ditampilkan"
        rows.append(Baris([Sel(f"LKIP {rt.tahun}", kepala=True, href=rel_url(src, rt.path)), Sel(_capaian_ringkas(rt), angka=True), Sel(rt.predikat),
                           Sel(rt.pagu, angka=True), Sel(rt.realisasi, angka=True), Sel(rt.penyerapan, angka=True), Sel(temuan, angka=True)]))
    return TabelView(f"Laporan kinerja {inst.profil.nama}", kepala_sederhana("Laporan", ("Capaian kinerja keseluruhan", True), "Predikat", ("Pagu (Rp)", True), ("Realisasi (Rp)", True),
                                                                               ("Penyerapan anggaran", True), ("Temuan pemeriksaan data", True)), rows,
                     sumber="LKIP setiap tahun; capaian dan penyerapan dihitung ulang oleh portal")


def tabel_portal(daftar: list[tuple["RingkasanInstansi", RingkasanTahun]]) -> TabelView | None:
    if not daftar:
        return None
    rows = []
    counts: dict[str, int] = defaultdict(int)
    for inst, _ in daftar:
        counts[inst.slug] += 1
    seen: set[str] = set()
    for inst, rt in daftar:
        cells = []
        if inst.slug not in seen:
            seen.add(inst.slug)
            cells.append(Sel(inst.nama, kepala=True, rowspan=counts[inst.slug], href=rel_url("index.md", f"{inst.slug}/index.md")))
        cells += [Sel(str(rt.tahun), href=rel_url("index.md", rt.path)), Sel(_capaian_ringkas(rt), angka=True), Sel(rt.predikat), Sel(rt.penyerapan, angka=True)]
        rows.append(Baris(cells))
    return TabelView("Laporan kinerja perangkat daerah", kepala_sederhana("Perangkat daerah", "Tahun", ("Capaian kinerja keseluruhan", True), "Predikat", ("Penyerapan anggaran", True)),
                     rows, sumber="LKIP setiap perangkat daerah; capaian dan penyerapan dihitung ulang oleh portal")


# ---------------------------------------------------------------------------------------------------
# Hand-written pages: a few site values may be placed with %%name%% (values are escaped as text)


def _tabel_md_html(t: TabelView) -> str:
    """A small plain HTML table for the method page (no template environment needed)."""
    esc = html.escape
    out = ['<div class="tabel-gulir" role="region" aria-label="%s" tabindex="0">' % esc(t.judul), '<table class="lkip">', f"<caption>{esc(t.judul)}</caption>", "<thead>"]
    for row in t.kepala:
        out.append("<tr>" + "".join(f'<th scope="{k.scope}"' + (f' colspan="{k.colspan}"' if k.colspan > 1 else "") + f">{esc(k.teks)}</th>" for k in row) + "</tr>")
    out.append("</thead>")
    out.append("<tbody>")
    for b in t.baris:
        cells = []
        for c in b.sel:
            tag = "th" if c.kepala else "td"
            attr = f' scope="{c.scope}"' if c.kepala else ""
            cells.append(f"<{tag}{attr}>{esc(str(c.teks))}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>", "</div>"]
    if t.sumber:
        out.append(f'<p class="sumber-tabel">Sumber: {esc(t.sumber)}</p>')
    return "\n" + "\n".join(out) + "\n"


def _metode_situs(repo: Repo) -> str:
    try:
        m = resolve(repo.site.metode)
    except Exception:  # the site config was validated; this is only a guard
        return ""
    rows = [Baris([Sel(k, kepala=True), Sel(v)]) for k, v in uraian_metode(m)]
    return _tabel_md_html(TabelView("Metode bawaan portal (site_config/lkip.yaml)", kepala_sederhana("Besaran", "Cara menghitung"), rows, sumber="site_config/lkip.yaml"))


def _daftar_preset() -> str:
    rows = [Baris([Sel(name, kepala=True), Sel(PRESET_KETERANGAN.get(name, KOSONG))]) for name in sorted(PRESET)]
    return _tabel_md_html(TabelView("Preset metode (generator/metode.py)", kepala_sederhana("Preset", "Isi"), rows, sumber="generator/metode.py"))


def _daftar_skala() -> str:
    out = []
    for name in sorted(SKALA):
        s = SKALA[name]
        rows = []
        for p in s.pita:
            parts = []
            if p.bawah is not None:
                parts.append(("≥ " if p.bawah_inklusif else "> ") + angka(p.bawah))
            if p.atas is not None:
                parts.append(("≤ " if p.atas_inklusif else "< ") + angka(p.atas))
            rows.append(Baris([Sel(p.predikat, kepala=True), Sel(p.kode or KOSONG), Sel(" dan ".join(parts) or "semua nilai")]))
        out.append(_tabel_md_html(TabelView(f"Skala '{name}': {s.nama}", kepala_sederhana("Predikat", "Kode", "Rentang capaian (%)"), rows, sumber=s.sumber)))
    return "\n".join(out)


def isi_konten(teks: str, repo: Repo) -> str:
    """Fill the few placeholders hand-written pages may use; every value is escaped as text."""
    site = repo.site
    isi = {
        "pemda": str(judul_md(site.pemda)),
        "judul_situs": str(judul_md(site.judul_situs)),
        "kontak": str(judul_md(site.kontak)) if site.kontak else "pengelola portal pemerintah daerah",
    }
    for k, v in isi.items():
        teks = teks.replace(f"%%{k}%%", v)
    blok = {"metode_situs": lambda: _metode_situs(repo), "daftar_preset": _daftar_preset, "daftar_skala": _daftar_skala}
    for k, f in blok.items():
        if f"%%{k}%%" in teks:
            teks = teks.replace(f"%%{k}%%", f())
    return teks


@dataclass
class RingkasanInstansi:
    """What the portal pages (home, nav) need of one agency; kept in the build cache between builds."""

    slug: str
    nama: str
    ringkas: list[RingkasanTahun]
    contoh: dict[str, str] = field(default_factory=dict)  # real YAML values per ``Class.field`` for the field reference


class Kumpul:
    """A writer that keeps files in memory (same interface as :class:`Penulis`), for rendering in a worker."""

    def __init__(self) -> None:
        self.berkas: dict[str, bytes] = {}

    def tulis(self, rel: str, data: str | bytes) -> None:
        self.berkas[rel] = data.encode("utf-8") if isinstance(data, str) else data

    def salin(self, rel: str, src: Path) -> None:
        self.tulis(rel, src.read_bytes())


def render_instansi(env: Environment, repo: Repo, inst: Instansi, items: list[tuple[Instansi, BerkasLaporan, HasilLaporan, list[Temuan]]],
                    w: Penulis | Kumpul, out_dir: Path) -> tuple[RingkasanInstansi, list[tuple[Path, list]]]:
    """Render one agency: its page, every report's pages, media. Returns its portal summary and its chart jobs."""
    slug = inst.slug
    items = sorted(items, key=lambda x: x[1].tahun)
    by_year = {x[1].tahun: x[2] for x in items}
    ringkas: list[RingkasanTahun] = []
    jobs_grafik: list[tuple[Path, list]] = []
    for inst_, b, h, temuan in items:
        prev = by_year.get(b.tahun - 1)
        specs = plan_charts(inst_, b, h)
        jobs_grafik.append((out_dir / slug / str(b.tahun), specs))
        r = LaporanView(repo, inst_, b, h, temuan, prev, [s.chart for s in specs])
        _render_laporan(env, r, w)  # its pages link to each other: the site navigation lists no agency
        for berkas in sorted(r.media):
            src = inst.folder / berkas
            if src.is_file():
                w.salin(f"{slug}/{berkas}", src)
        k = r.keseluruhan()
        ringkas.append(RingkasanTahun(b.tahun, f"{slug}/{b.tahun}/index.md", k["teks"], k["batas"], h.predikat, angka(h.anggaran.pagu_efektif),
                                      angka(h.anggaran.realisasi), hasil_teks(h.anggaran.penyerapan) if h.anggaran.program else KOSONG,
                                      len(temuan), r.catatan.tampil))
    ringkas.sort(key=lambda x: -x.tahun)
    logo = None
    if inst.profil.logo and (inst.folder / inst.profil.logo).is_file():
        w.salin(f"{slug}/{inst.profil.logo}", inst.folder / inst.profil.logo)
        logo = inst.profil.logo
    md = env.get_template("instansi.md.j2").render(inst=inst, profil=inst.profil, tabel=tabel_instansi(inst, ringkas), site=repo.site, logo=logo,
                                                   url=lambda p, s=slug: rel_url(f"{s}/index.md", p))
    w.tulis(f"{slug}/index.md", front_matter(inst.profil.nama) + fragmen.pisahkan(_rapikan(md)))
    return RingkasanInstansi(slug, inst.profil.nama, ringkas, docs_ref.contoh_instansi(inst)), jobs_grafik


def render_portal(env: Environment, repo: Repo, daftar: list[RingkasanInstansi], w: Penulis, out_dir: Path) -> None:
    """The pages that span agencies: home (summary of every agency), hand-written pages, and the navigation."""
    root = repo.root
    daftar = sorted(daftar, key=lambda x: x.slug)
    content = root / "content"
    konten: list[str] = []
    if content.is_dir():
        for src in sorted(p for p in content.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)):
            rel = src.relative_to(content).as_posix()
            if rel == "index.md":
                continue  # the home page is generated
            if rel.endswith(".md"):
                w.tulis(rel, isi_konten(src.read_text(encoding="utf-8"), repo))
                konten.append(rel)
            else:
                w.salin(rel, src)
    # reference pages generated from the model (never drift from validation), with examples from the agencies' data
    contoh: dict[str, str] = {}
    for ri in daftar:
        for k, v in ri.contoh.items():
            contoh.setdefault(k, v)
    for rel, teks in ((HALAMAN_REFERENSI[0], docs_ref.field_reference(contoh)), (HALAMAN_REFERENSI[1], docs_ref.method_reference())):
        if rel not in konten:
            w.tulis(rel, teks + "\n")
            konten.append(rel)
    tentang = [p for p in HALAMAN_TENTANG if p in konten] + sorted(p for p in konten if "/" not in p and p not in HALAMAN_TENTANG)
    folders: dict[str, list[str]] = defaultdict(list)
    for p in konten:
        if "/" in p:
            folders[p.split("/", 1)[0]].append(p)

    tabel_beranda = [(ri, rt) for ri in daftar for rt in ri.ringkas]
    md = env.get_template("beranda.md.j2").render(site=repo.site, tabel=tabel_portal(tabel_beranda), tentang=tentang, judul_konten=_judul_konten(content, tentang),
                                                  url=lambda p: rel_url("index.md", p))
    w.tulis("index.md", fragmen.pisahkan(_rapikan(md)))

    # The site navigation lists no agency: a portal of 40 agencies × 5 years would repeat ~200 entries in every
    # page (output growing with the square of the portal). Agencies are listed on the home page; each report
    # page carries its own navigation (theme/templates/unduh_laporan.md.j2, halaman_berikut.md.j2).
    nav: list[Any] = [{"Beranda": "index.md"}]
    if tentang:
        nav.append({"Tentang Portal": tentang})
    for folder in sorted(folders):
        nav.append({_nav_teks(folder.replace("-", " ").replace("_", " ").capitalize()): sorted(folders[folder])})
    _tulis_pengaturan(out_dir.parent / NAV_BERKAS, repo, nav, [ri.slug for ri in daftar])


def render_site(repo: Repo, results: list[tuple[Instansi, BerkasLaporan, HasilLaporan, list[Temuan]]], out_dir: Path,
                cache_dir: Path | None = None) -> dict:
    """(Re)write the whole Markdown tree under ``out_dir`` (charts included) and the inherited MkDocs settings beside it.

    Charts are drawn by :mod:`generator.charts`, cached in ``cache_dir`` (default ``<root>/.lkip-cache/grafik``).
    ``lkip build`` goes through :mod:`generator.pipeline` instead, which also caches whole agencies.
    Returns ``{"halaman": pages written, "laporan": reports, "diubah": files whose bytes changed, "dihapus": stale
    files removed, "grafik": the chart stage's statistics (see ``render_charts``)}``.
    """
    out_dir = Path(out_dir)
    if out_dir.exists():
        _periksa_folder(out_dir)
    env = buat_env(template_dir(repo.root))
    w = Penulis(out_dir)
    per_instansi: dict[str, list[tuple[Instansi, BerkasLaporan, HasilLaporan, list[Temuan]]]] = defaultdict(list)
    for item in results:
        per_instansi[item[0].slug].append(item)
    instansi = {i.slug: i for i in repo.instansi}
    for item in results:
        instansi.setdefault(item[0].slug, item[0])
    daftar: list[RingkasanInstansi] = []
    jobs_grafik: list[tuple[Path, list]] = []
    for slug in sorted(instansi):
        ri, jobs = render_instansi(env, repo, instansi[slug], per_instansi.get(slug, []), w, out_dir)
        daftar.append(ri)
        jobs_grafik += jobs
    render_portal(env, repo, daftar, w, out_dir)
    stats_grafik = tulis_grafik(jobs_grafik, cache_dir or repo.root / ".lkip-cache" / "grafik", w, out_dir)
    removed = w.bersihkan()
    return {"halaman": w.halaman, "laporan": len(results), "diubah": w.diubah, "dihapus": removed, "grafik": stats_grafik}


def tulis_grafik(jobs: list[tuple[Path, list]], cache_dir: Path, w: Penulis, out_dir: Path) -> dict:
    """Draw (or take from the chart cache) the charts of ``jobs`` and write them through ``w``."""
    stats = render_charts(jobs, cache_dir, tulis=lambda path, data: w.tulis(path.relative_to(out_dir).as_posix(), data))
    for g in stats["gagal"]:
        print(f"peringatan: grafik gagal digambar (ditampilkan sebagai teks): {g}", file=sys.stderr)
    return stats


def _judul_konten(content: Path, pages: list[str]) -> dict[str, str]:
    out = {}
    for p in pages:
        title = p[:-3]
        for line in (content / p).read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
        out[p] = title
    return out


def _nav_teks(s: str) -> str:
    # MkDocs themes insert nav titles without escaping: escape data here
    return html.escape(" ".join(s.split()), quote=False)


def _tulis_pengaturan(path: Path, repo: Repo, nav: list, folder_instansi: list[str]) -> None:
    site = repo.site
    data: dict[str, Any] = {"site_name": html.escape(site.judul_situs, quote=False), "site_description": html.escape(f"{site.judul_situs} — {site.pemda}", quote=True)}
    if url_aman(site.url):
        data["site_url"] = site.url.strip()  # type: ignore[union-attr]
    data["nav"] = nav
    if folder_instansi:  # pages deliberately outside the navigation (MkDocs would list each as omitted)
        data["not_in_nav"] = "".join(f"/{slug}/\n" for slug in folder_instansi)
    text = ("# Dihasilkan oleh 'lkip build' (generator/render.py); jangan disunting.\n"
            + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000))
    raw = text.encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.is_file() or path.read_bytes() != raw:
        path.write_bytes(raw)


def _render_laporan(env: Environment, r: LaporanView, w: Penulis) -> list[str]:
    """Render the pages of one report; returns the page keys written, in reading order."""
    order = ["kata-pengantar", "bab-1", "bab-2", "bab-3", "bab-4", "lampiran", "index", "catatan-pemeriksaan"]
    bab = {k: b for k, _, b in HALAMAN_LAPORAN}
    texts: dict[str, str] = {}
    for key in order:
        if key == "catatan-pemeriksaan" and not r.catatan.tampil:
            continue
        r.mulai_halaman(key, bab[key])
        tpl = env.get_template(f"{key.replace('-', '_')}.md.j2")
        md = _rapikan(tpl.render(r=r, h=r.h, lap=r.lap, profil=r.profil, site=r.site, metode=r.metode))
        body = md.split("\n", 1)[1] if "\n" in md else ""
        if key not in ("index", "catatan-pemeriksaan") and not body.strip():
            r.halaman_ada.discard(key)
            continue
        r.halaman_ada.add(key)
        texts[key] = md
    for key in r.blok_tak_tampil():
        print(f"peringatan: {r.b.berkas}: blok dengan posisi '{key}' tidak ditampilkan di halaman mana pun", file=sys.stderr)
    for cid in r.grafik_tak_tampil():
        print(f"peringatan: {r.b.berkas}: grafik '{cid}' tidak mendapat tempat di halaman mana pun", file=sys.stderr)
    opendata.tulis_laporan(env, r, w, texts)  # CSV + JSON files, the index's "Data terbuka" list, texts["cetak"]
    keys = [k for k, _, _ in HALAMAN_LAPORAN if k in texts]
    for k in keys:
        w.tulis(r.path(k), front_matter(r.profil.nama, r.tahun, cari=k != "cetak") + fragmen.pisahkan(texts[k]))
    return keys

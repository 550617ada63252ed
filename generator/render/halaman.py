"""The page table: every page of a report, declared once (key, title, chapter, template, reading order).

Render, open data, the print page and the report's own navigation all read it; nothing else lists pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..posisi import POSISI_BAGIAN  # noqa: F401  (re-exported: sections a 'posisi' may name, validated in validate.py)
from ..tautan import page_url, rel_url  # noqa: F401  (re-exported: pages link with them)


@dataclass(frozen=True)
class Halaman:
    kunci: str  # file name without .md
    judul: str
    bab: str  # chapter label in table/figure numbers ("Tabel 3.2")
    templat: str
    ringkasan: bool = False  # summarises the other pages: rendered after them (index, audit page)
    di_daftar: bool = True  # its tables and figures are listed in the report's "Daftar Tabel/Gambar"
    selalu: bool = False  # written even when empty
    singkat: str = ""  # short name in search results ("Disnaker Jember 2023 · BAB III"); judul when empty


HALAMAN_LAPORAN: list[Halaman] = [  # reading order
    Halaman("index", "Ringkasan Eksekutif", "R", "index.md.j2", ringkasan=True, selalu=True, singkat="Ringkasan"),
    Halaman("kata-pengantar", "Kata Pengantar", "P", "kata_pengantar.md.j2"),
    Halaman("bab-1", "BAB I Pendahuluan", "1", "bab_1.md.j2", singkat="BAB I"),
    Halaman("bab-2", "BAB II Perencanaan Kinerja", "2", "bab_2.md.j2", singkat="BAB II"),
    Halaman("bab-3", "BAB III Akuntabilitas Kinerja", "3", "bab_3.md.j2", singkat="BAB III"),
    Halaman("bab-4", "BAB IV Penutup", "4", "bab_4.md.j2", singkat="BAB IV"),
    Halaman("lampiran", "Lampiran", "L", "lampiran.md.j2"),
    Halaman("catatan-pemeriksaan", "Catatan Pemeriksaan Data", "C", "catatan_pemeriksaan.md.j2", ringkasan=True, di_daftar=False, selalu=True, singkat="Catatan Pemeriksaan"),
    # every page above in one, for print/PDF (render/laporan.py composes it; cetak.md.j2 is only its top)
    Halaman("cetak", "Cetak / unduh", "K", "cetak.md.j2", di_daftar=False, singkat="Cetak"),
]
HALAMAN = {h.kunci: h for h in HALAMAN_LAPORAN}
JUDUL_HALAMAN = {h.kunci: h.judul for h in HALAMAN_LAPORAN}
SINGKAT_HALAMAN = {h.kunci: h.singkat or h.judul for h in HALAMAN_LAPORAN}
URUTAN_BAB = {h.bab: i for i, h in enumerate(HALAMAN_LAPORAN)}
URUTAN_HALAMAN = {h.kunci: i for i, h in enumerate(HALAMAN_LAPORAN)}

# Hand-written pages of content/ shown first, in this order, under "Tentang Portal".
HALAMAN_TENTANG = ["tentang.md", "metode.md", "cara-membaca.md", "aksesibilitas.md"]
# Generated reference pages (generator/docs_ref.py), placed among the guides unless content/ has its own.
HALAMAN_REFERENSI = ["panduan/format-data.md", "panduan/pengaturan-metode.md"]

"""Where a table, chart, photo or extra section may be placed (``posisi``), declared once.

Validation (unknown positions are errors), the field reference (every valid value listed) and the render
stage (``render/halaman.py`` re-exports :data:`POSISI_BAGIAN`) all read this module; it imports nothing of the
project so any of them can import it without a cycle.
"""

from __future__ import annotations

import difflib
import re

# Section keys a block's ``posisi`` may name (``bab1.<key>``): each block is placed after that section;
# the chapter alone (``bab3``) places it at the end of the chapter.
POSISI_BAGIAN: dict[str, list[str]] = {
    "bab1": ["latar_belakang", "maksud_tujuan", "dasar_hukum", "tugas_fungsi", "struktur_organisasi", "sumber_daya_aparatur", "isu_strategis", "evaluasi_akip", "sistematika"],
    "bab2": ["renstra", "visi_misi", "tujuan_sasaran", "strategi_kebijakan", "iku", "rencana_kinerja_tahunan", "perjanjian_kinerja", "program_anggaran"],
    "bab3": ["akuntabilitas_kinerja", "metode_pengukuran", "capaian_kinerja", "perbandingan", "capaian_tujuan", "efisiensi", "prestasi", "realisasi_anggaran"],
    "bab4": ["kesimpulan", "saran", "penutup"],
}

# Positions outside the chapters, and those that name an id (checked against the report's ids).
POSISI_TETAP = ["ringkasan", "kata_pengantar", "lampiran"]
POSISI_ID = ["indikator", "sasaran", "tujuan"]

_ROMAWI = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}
_BAB_TERTULIS = re.compile(r"^bab\s*(iv|i{1,3}|[1-4])\b(.*)$")


def posisi_bab() -> list[str]:
    """Every chapter position in reading order: ``bab1``, ``bab1.latar_belakang``, …, ``bab4.penutup``."""
    out: list[str] = []
    for bab, bagian in POSISI_BAGIAN.items():
        out.append(bab)
        out += [f"{bab}.{k}" for k in bagian]
    return out


def daftar_posisi() -> str:
    """All valid positions as one line of an error message."""
    babs = "; ".join(", ".join([bab, *(f"{bab}.{k}" for k in bagian)]) for bab, bagian in POSISI_BAGIAN.items())
    return f"{babs}; ringkasan; kata_pengantar; lampiran atau lampiran.<grup>; " + ", ".join(f"{k}:<id>" for k in POSISI_ID)


def pesan_posisi(posisi: str) -> str | None:
    """Why ``posisi`` names no known place (None when it does, or when it is an id position checked elsewhere)."""
    bab, _, bagian = posisi.partition(".")
    if bab in POSISI_BAGIAN:
        if not bagian or bagian in POSISI_BAGIAN[bab]:
            return None
        known = POSISI_BAGIAN[bab]
        guess = difflib.get_close_matches(bagian, known, n=1, cutoff=0.6)
        hint = f"maksud Anda '{bab}.{guess[0]}'? " if guess else ""
        return (f"posisi '{posisi}' tidak dikenal; {hint}bagian {bab} yang dikenal: {', '.join(known)} "
                f"(tulis '{bab}.<bagian>'), atau '{bab}' saja untuk akhir bab")
    if posisi in POSISI_TETAP or posisi.startswith("lampiran.") or posisi.partition(":")[0] in POSISI_ID:
        return None
    every = posisi_bab() + POSISI_TETAP
    teks = posisi.strip().lower()
    if m := _BAB_TERTULIS.match(teks):  # 'BAB III', 'Bab 3.capaian_kinerja' as printed in the report
        teks = f"bab{_ROMAWI.get(m[1], m[1])}{m[2].strip()}"
    guess = difflib.get_close_matches(teks.replace(" ", "_"), every, n=1, cutoff=0.75)
    hint = f"maksud Anda '{guess[0]}'? " if guess else ""
    return f"posisi '{posisi}' tidak dikenal; {hint}posisi yang sah: {daftar_posisi()}"

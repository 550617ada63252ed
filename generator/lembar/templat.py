"""``lkip templat``: the workbook a planner fills in, filled from the agency's data or its previous year."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from . import skema
from .data import ambil, jalan_anggaran, komponen_tahun, semua_indikator, tahun_realisasi, tahun_target
from .skema import JenisLembar, Kolom

BARIS_ISIAN = 300  # rows prepared with drop-downs and text format below the data
_JUDUL_FONT = Font(bold=True, color="FFFFFF")
_JUDUL_FILL = PatternFill("solid", fgColor="1F4E79")
_INFO_FILL = PatternFill("solid", fgColor="E7E6E6")
_JUMLAH_FONT = Font(bold=True)


def _aman(v: Any) -> Any:
    if isinstance(v, str):
        return ILLEGAL_CHARACTERS_RE.sub("", v)
    return v


def tulis_sel(ws, r: int, c: int, v: Any, jenis: str = "teks") -> None:
    if v is None:
        return
    if isinstance(v, bool):
        v = "ya" if v else "tidak"
    cell = ws.cell(row=r, column=c)
    if isinstance(v, (int, Decimal)):
        cell.value = v
        places = -v.as_tuple().exponent if isinstance(v, Decimal) and v.as_tuple().exponent < 0 else 0
        if jenis == "rupiah":
            cell.number_format = "#,##0" + ("." + "0" * places if places else "")
        elif places:
            cell.number_format = "0." + "0" * places  # 92.90 stays 92,90 when read back
        return
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        cell.value = v
        cell.number_format = "yyyy-mm-dd"
        return
    cell.value = _aman(str(v))
    cell.data_type = "s"  # text starting with '=' stays text, never a formula
    cell.number_format = "@"
    if "\n" in str(v):
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _judul(ws, kolom: list[tuple[str, str, int, bool]]) -> None:
    """Header row: text, comment explaining the column, width; frozen."""
    for c, (teks, ket, lebar, info) in enumerate(kolom, start=1):
        cell = ws.cell(row=1, column=c, value=teks)
        cell.font = _JUDUL_FONT
        cell.fill = _JUDUL_FILL if not info else PatternFill("solid", fgColor="7F7F7F")
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        if ket:
            com = Comment(ket, "lkip")
            com.width, com.height = 320, 140
            cell.comment = com
        ws.column_dimensions[get_column_letter(c)].width = lebar
    ws.row_dimensions[1].height = 42
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{get_column_letter(len(kolom))}1"


def _validasi(ws, c: int, pilihan: list[str], bebas: bool, baris_akhir: int, daftar, nama: str) -> None:
    if not pilihan:
        return
    teks = ",".join(pilihan)
    if len(teks) <= 250 and '"' not in teks:
        formula = f'"{teks}"'
    else:  # long lists live on the hidden Daftar sheet
        col = daftar.max_column + 1 if daftar.max_row > 1 or daftar["A1"].value else 1
        daftar.cell(row=1, column=col, value=nama)
        for i, p in enumerate(pilihan, start=2):
            daftar.cell(row=i, column=col, value=p)
        letter = get_column_letter(col)
        formula = f"Daftar!${letter}$2:${letter}${len(pilihan) + 1}"
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False)
    if bebas:
        dv.errorStyle = "information"
        dv.error = "Nilai di luar daftar; tetap boleh dipakai."
    else:
        dv.error = f"Pilih salah satu: {', '.join(pilihan)}"
        dv.errorTitle = "Nilai tidak dikenal"
    dv.prompt = nama
    letter = get_column_letter(c)
    dv.add(f"{letter}2:{letter}{baris_akhir}")
    ws.add_data_validation(dv)


def _format_teks(ws, c: int, baris_akhir: int, mulai: int) -> None:
    for r in range(mulai, baris_akhir + 1):
        ws.cell(row=r, column=c).number_format = "@"


def _lembar_tabel(wb, jenis: JenisLembar, kolom: list[tuple[Kolom | None, str, int | None]], rows: list[dict], daftar, pilihan_extra: dict | None = None, baris_tebal: set[int] | None = None):
    """A sheet of one header row and data rows; ``kolom`` = (definition, header text, year)."""
    ws = wb.create_sheet(jenis.judul)
    spec = []
    for k, teks, tahun in kolom:
        if k is not None:
            spec.append((teks, k.keterangan, k.lebar, k.info))
        else:
            pola = next(p for p in jenis.pola if teks.lower().startswith(p.awalan[0]))
            spec.append((teks, pola.keterangan, 11, pola.info))
    _judul(ws, spec)
    akhir = max(len(rows) + 1 + BARIS_ISIAN, 2)
    for c, (k, teks, tahun) in enumerate(kolom, start=1):
        jenis_k = k.jenis if k is not None else "nilai"
        for r, row in enumerate(rows, start=2):
            key = (k.kunci if k is not None else teks.split()[0].lower(), tahun)
            tulis_sel(ws, r, c, row.get(key), jenis_k)
            if k is not None and k.info or (k is None and "info" in teks.lower()):
                ws.cell(row=r, column=c).fill = _INFO_FILL
            if baris_tebal and r in baris_tebal:
                ws.cell(row=r, column=c).font = _JUMLAH_FONT
        if k is not None and k.jenis in ("pilihan", "ya_tidak"):
            pil = list(k.pilihan) or list((pilihan_extra or {}).get(k.kunci, []))
            _validasi(ws, c, pil, k.pilihan_bebas, akhir, daftar, k.judul)
        if k is not None and k.jenis in ("teks", "id", "daftar_id") and k.kunci in ("kode", "sasaran_kode", "id", "sasaran_id"):
            _format_teks(ws, c, akhir, len(rows) + 2)
    return ws


def _kolom(jenis: JenisLembar, kunci: list[str]) -> list[tuple[Kolom, str, None]]:
    return [(jenis.kolom_(k), jenis.kolom_(k).judul, None) for k in kunci]


def baris_rencana(lap: dict, tahun: int) -> tuple[list, list[dict]]:
    ys = tahun_target(lap, tahun)
    J = skema.RENCANA
    kolom = _kolom(J, ["sasaran_id", "sasaran_kode", "sasaran", "tingkat", "induk", "program", "id", "kode", "nama", "satuan", "arah", "iku", "rumus", "sumber_data", "penanggung_jawab", "kondisi_awal"])
    kolom += [(None, f"Target {y}", y) for y in ys]
    kolom += _kolom(J, ["target_akhir"])
    rows = []

    def induk_row(p: dict, jenis: str) -> dict:
        if jenis == "tujuan":
            return {("sasaran_id", None): p.get("id"), ("sasaran_kode", None): p.get("nomor"), ("sasaran", None): p.get("teks"), ("tingkat", None): "tujuan"}
        tingkat = p.get("tingkat") or "strategis"
        return {
            ("sasaran_id", None): p.get("id"), ("sasaran_kode", None): p.get("kode"), ("sasaran", None): p.get("nama"),
            ("tingkat", None): tingkat, ("induk", None): p.get("tujuan") if tingkat == "strategis" else p.get("induk"),
            ("program", None): ", ".join(p.get("program") or []) or None,
        }

    for ind, parent, jenis in semua_indikator(lap):
        row = induk_row(parent, jenis)
        row.update({
            ("id", None): ind.get("id"), ("kode", None): ind.get("kode"), ("nama", None): ind.get("nama"),
            ("satuan", None): ind.get("satuan"), ("arah", None): ind.get("arah") or "naik",
            ("iku", None): "ya" if ind.get("iku", True) is not False else "tidak",
            ("rumus", None): ind.get("rumus"), ("sumber_data", None): ind.get("sumber_data"),
            ("penanggung_jawab", None): ind.get("penanggung_jawab"), ("kondisi_awal", None): ind.get("kondisi_awal"),
            ("target_akhir", None): ind.get("target_akhir_renstra"),
        })
        for y in ys:
            row[("target", y)] = (ind.get("target") or {}).get(y)
        rows.append(row)
    # sasaran without indicators still get a row
    seen = {id(p) for _, p, _ in semua_indikator(lap)}
    for s in lap.get("sasaran", []) or []:
        if id(s) not in seen:
            rows.append(induk_row(s, "sasaran"))
    return kolom, rows


def baris_pengukuran(lap: dict, tahun: int) -> tuple[list, list[dict]]:
    J = skema.PENGUKURAN
    ys = tahun_realisasi(lap, tahun)
    kolom = _kolom(J, ["id", "kode", "nama", "satuan"]) + [(None, f"Target {tahun}", tahun)]
    kolom += [(None, f"Realisasi {y}", y) for y in ys]
    kolom += _kolom(J, ["pembilang_nama", "pembilang", "penyebut_nama", "penyebut", "capaian", "predikat", "capaian_renstra", "penyerapan", "efisiensi", "anggaran"])
    rows = []
    for ind, _, _ in semua_indikator(lap):
        t = ind.get("tercetak") or {}
        num, den = komponen_tahun(ind, "pembilang", tahun), komponen_tahun(ind, "penyebut", tahun)
        row = {
            ("id", None): ind.get("id"), ("kode", None): ind.get("kode"), ("nama", None): ind.get("nama"), ("satuan", None): ind.get("satuan"),
            ("target", tahun): (ind.get("target") or {}).get(tahun),
            ("pembilang_nama", None): num.get("nama") if num else None, ("pembilang", None): num.get("nilai") if num else None,
            ("penyebut_nama", None): den.get("nama") if den else None, ("penyebut", None): den.get("nilai") if den else None,
            ("capaian", None): t.get("capaian"), ("predikat", None): t.get("predikat"), ("capaian_renstra", None): t.get("capaian_renstra"),
            ("penyerapan", None): t.get("penyerapan"), ("efisiensi", None): t.get("efisiensi"),
            ("anggaran", None): ", ".join(ind.get("anggaran") or []) or None,
        }
        for y in ys:
            row[("realisasi", y)] = (ind.get("realisasi") or {}).get(y)
        rows.append(row)
    return kolom, rows


def baris_anggaran(lap: dict) -> tuple[list, list[dict], set[int]]:
    J = skema.ANGGARAN
    kolom = _kolom(J, ["kode", "tingkat", "id", "uraian", "sumber_dana", "pagu", "pagu_perubahan", "realisasi", "persen", "sisa", "keterangan"])
    rows = []
    tebal = set()
    for node, tingkat, anak in jalan_anggaran(lap):
        t = node.get("tercetak") or {}
        src = t if anak else node
        rows.append({
            ("kode", None): node.get("kode"), ("tingkat", None): tingkat, ("id", None): node.get("id"), ("uraian", None): node.get("nama"),
            ("sumber_dana", None): node.get("sumber_dana"), ("pagu", None): src.get("pagu"), ("pagu_perubahan", None): src.get("pagu_perubahan"),
            ("realisasi", None): src.get("realisasi"), ("persen", None): t.get("penyerapan"), ("sisa", None): t.get("sisa"),
            ("keterangan", None): node.get("keterangan"),
        })
        if tingkat == "program":
            tebal.add(len(rows) + 1)
    tot = (lap.get("anggaran") or {}).get("tercetak") or {}
    if any(tot.get(k) is not None for k in ("pagu", "pagu_perubahan", "realisasi", "penyerapan", "sisa")):
        rows.append({("uraian", None): "Jumlah", ("pagu", None): tot.get("pagu"), ("pagu_perubahan", None): tot.get("pagu_perubahan"),
                     ("realisasi", None): tot.get("realisasi"), ("persen", None): tot.get("penyerapan"), ("sisa", None): tot.get("sisa")})
        tebal.add(len(rows) + 1)
    return kolom, rows, tebal


def baris_belanja(lap: dict) -> tuple[list, list[dict]]:
    J = skema.BELANJA
    kolom = _kolom(J, ["jenis", "kelompok", "pagu", "realisasi", "persen", "porsi"])
    rows = []
    for b in (lap.get("anggaran") or {}).get("belanja_per_jenis", []) or []:
        t = b.get("tercetak") or {}
        rows.append({("jenis", None): b.get("jenis"), ("kelompok", None): b.get("kelompok"), ("pagu", None): b.get("pagu"),
                     ("realisasi", None): b.get("realisasi"), ("persen", None): t.get("penyerapan"), ("porsi", None): t.get("porsi")})
    return kolom, rows


def _lembar_identitas(wb, slug: str, tahun: int, profil: dict, lap: dict) -> None:
    ws = wb.create_sheet(skema.IDENTITAS.judul)
    _judul(ws, [("Isian", "Nama isian (jangan diubah).", 28, False), ("Nilai", "Isi di kolom ini.", 60, False), ("Keterangan", "", 60, False)])
    for r, isian in enumerate(skema.ISIAN, start=2):
        ws.cell(row=r, column=1, value=isian.label).font = Font(bold=True)
        if isian.jalur == ("instansi",):
            v = slug
        elif isian.jalur == ("laporan", "tahun"):
            v = tahun
        else:
            v = ambil(profil if isian.jalur[0] == "profil" else lap, isian.jalur[1:])
        tulis_sel(ws, r, 2, v, "teks" if isian.jenis in ("teks", "nip", "id") else isian.jenis)
        if isian.jenis in ("nip", "teks", "id"):
            ws.cell(row=r, column=2).number_format = "@"
        ws.cell(row=r, column=3, value=isian.keterangan or None)
    ws.freeze_panes = "B2"


def _lembar_pegawai(wb, lap: dict) -> None:
    from .pegawai import tulis_pegawai

    tulis_pegawai(wb.create_sheet(skema.PEGAWAI.judul), lap, _judul, tulis_sel)


PETUNJUK = [
    "Lembar isian LKIP — diisi di Excel atau LibreOffice, lalu dibaca dengan: lkip impor BERKAS.xlsx",
    "",
    "• Satu lembar per bagian: Identitas, Rencana, Pengukuran, Anggaran, Belanja per Jenis, Pegawai.",
    "• Arahkan tetikus ke judul kolom (segitiga merah) untuk penjelasannya. Kolom abu-abu hanya informasi.",
    "• Angka boleh ditulis seperti biasa: 1.234.567,89 — 92,9% — Rp 1.234. Tanda '-' berarti tidak ada data.",
    "• Id (kolom 'Id …') menyambungkan data antartahun: jangan diubah untuk baris yang sudah ada; kosongkan untuk baris baru.",
    "• Baris yang dihapus dari lembar dihapus juga dari data; teks naratif (analisis, narasi) tetap di YAML dan tidak hilang.",
    "• Galat disebut dengan nama lembar dan sel, mis. Pengukuran!E12; tidak ada yang ditulis sampai semua galat diperbaiki.",
    "• Panduan lengkap: Panduan → Mengisi dari spreadsheet (content/panduan/spreadsheet.md).",
]


def buat_templat(slug: str, tahun: int, profil: dict, lap: dict, predikat: list[str], sumber: str) -> Workbook:
    wb = Workbook()
    ws = wb.active
    ws.title = "Petunjuk"
    for r, line in enumerate(PETUNJUK + ["", f"Instansi: {slug} — tahun {tahun} — diisi dari: {sumber}"], start=1):
        ws.cell(row=r, column=1, value=line)
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 120
    daftar = wb.create_sheet("Daftar")
    daftar.sheet_state = "hidden"
    _lembar_identitas(wb, slug, tahun, profil, lap)
    kolom, rows = baris_rencana(lap, tahun)
    satuan = list(dict.fromkeys([*skema.SATUAN, *[i.get("satuan") for i, _, _ in semua_indikator(lap) if i.get("satuan")]]))
    _lembar_tabel(wb, skema.RENCANA, kolom, rows, daftar, {"satuan": satuan})
    kolom, rows = baris_pengukuran(lap, tahun)
    _lembar_tabel(wb, skema.PENGUKURAN, kolom, rows, daftar, {"predikat": predikat})
    kolom, rows, tebal = baris_anggaran(lap)
    _lembar_tabel(wb, skema.ANGGARAN, kolom, rows, daftar, baris_tebal=tebal)
    kolom, rows = baris_belanja(lap)
    _lembar_tabel(wb, skema.BELANJA, kolom, rows, daftar)
    _lembar_pegawai(wb, lap)
    wb.move_sheet("Daftar", offset=len(wb.sheetnames))
    return wb


def daftar_predikat(root: Path, lap: dict) -> list[str]:
    """Rating labels of the report's scale (site default overlaid by the report's method)."""
    from .. import metode as metode_mod
    from ..load import LoadError, load_file
    from ..model import MetodeParsial, SiteConfig

    try:
        site = SiteConfig.model_validate(load_file(root / "site_config" / "lkip.yaml").data)
        m = metode_mod.resolve(site.metode, MetodeParsial.model_validate(lap.get("metode") or {}))
    except (LoadError, OSError, ValueError):
        return []
    if m.skala is None:
        return []
    return [p.predikat for p in m.skala.pita]

"""The Pegawai sheet: staff composition tables, one block per table.

Layout (what the template writes and the importer reads)::

    Jumlah pegawai tercetak | 46
    (blank)
    Tabel | pegawai-pendidikan | Komposisi pegawai berdasarkan Kualifikasi Pendidikan | 1.3.1.A | keterangan
    Pend. | Gol IV | Gol III | … | Jumlah
    S - 2 | 2      | 3       | … |
    Jumlah| 3      | 15      | … | 46        ← printed total row, optional
    (blank)
"""

from __future__ import annotations

import copy
from typing import Any

from openpyxl.comments import Comment
from openpyxl.styles import Font

from . import angka as A
from .angka import GalatSel
from .buku import Lembar
from .skema import normal
from .tabel import Catatan, lokasi

PENJELASAN = ("Setiap tabel: baris 'Tabel | id | judul | nomor tercetak | keterangan', lalu baris judul kolom (kolom pertama = judul label "
              "baris, lalu kolom angka, lalu 'Jumlah'), lalu baris data, lalu baris 'Jumlah' bila tercetak. Kosongkan satu baris antartabel. "
              "Kolom Jumlah per baris dihitung otomatis; tidak perlu diisi.")


def tulis_pegawai(ws, lap: dict, _judul, tulis_sel) -> None:
    peg = lap.get("pegawai") or {}
    ws.cell(row=1, column=1, value="Jumlah pegawai tercetak").font = Font(bold=True)
    ws.cell(row=1, column=1).comment = Comment(PENJELASAN + " 'Jumlah pegawai tercetak' = jumlah yang disebut di teks laporan.", "lkip")
    tulis_sel(ws, 1, 2, peg.get("jumlah_tercetak"), "angka")
    ws.column_dimensions["A"].width = 40
    ws.column_dimensions["C"].width = 14
    r = 3
    for t in peg.get("tabel") or []:
        ws.cell(row=r, column=1, value="Tabel").font = Font(bold=True)
        for c, v in enumerate((t.get("id"), t.get("judul"), t.get("nomor_tercetak"), t.get("keterangan")), start=2):
            tulis_sel(ws, r, c, v)
        r += 1
        heads = [t.get("judul_label") or "Uraian", *(t.get("kolom") or []), "Jumlah"]
        for c, h in enumerate(heads, start=1):
            tulis_sel(ws, r, c, h)
            ws.cell(row=r, column=c).font = Font(bold=True)
        r += 1
        for b in t.get("baris") or []:
            tulis_sel(ws, r, 1, b.get("label"))
            for c, v in enumerate(b.get("nilai") or [], start=2):
                tulis_sel(ws, r, c, v, "angka")
            r += 1
        if t.get("total_tercetak") is not None:
            ws.cell(row=r, column=1, value="Jumlah").font = Font(bold=True)
            for c, v in enumerate(t["total_tercetak"], start=2):
                tulis_sel(ws, r, c, "-" if v is None else v, "angka")  # '-': printed empty; blank: no cell
            r += 1
        r += 1
    if not peg.get("tabel"):
        ws.cell(row=3, column=1, value="Tabel")
        ws.cell(row=3, column=1).comment = Comment(PENJELASAN, "lkip")


class _Baca:
    """Cell access for one sheet: a cell that does not parse is reported (file!sheet:cell) and read as None."""

    def __init__(self, berkas: str, lem: Lembar, cat: Catatan):
        self.berkas, self.lem, self.cat = berkas, lem, cat

    def sel(self, r, c):
        return self.lem.get(r, c)

    def galat(self, r, c, pesan):
        self.cat.galat.append(f"{lokasi(self.berkas, self.lem.nama, r, c)}: {pesan}")

    def baca(self, f, r, c):
        try:
            return f(self.sel(r, c))
        except GalatSel as exc:
            self.galat(r, c, exc.pesan)
            return None


def terapkan(berkas: str, lem: Lembar, lap: dict, cat: Catatan) -> None:
    """Replace ``pegawai`` (tables and the printed head count) with the sheet's, keeping fields it does not carry."""
    jumlah, ada_jumlah, tables = _baca_lembar(_Baca(berkas, lem, cat))
    if not tables and not ada_jumlah:
        return
    peg = copy.deepcopy(lap.get("pegawai") or {})
    if ada_jumlah:
        if jumlah is None:
            peg.pop("jumlah_tercetak", None)
        else:
            peg["jumlah_tercetak"] = jumlah
    old = {t.get("id"): t for t in peg.get("tabel") or []}
    new = [_gabung_tabel(old.get(t["id"], {}), t) for t in tables]
    if tables or "tabel" in peg:
        peg["tabel"] = new
    lap["pegawai"] = peg


def _baca_lembar(p: _Baca) -> tuple[int | None, bool, list[dict]]:
    """(printed head count, whether its row is present, tables) — one pass down the sheet."""
    lem = p.lem
    jumlah = None
    ada_jumlah = False
    tables: list[dict] = []
    r = 1
    n = lem.maks_baris
    while r <= n:
        label = A.teks_satu_baris(p.sel(r, 1)) if not p.sel(r, 1).kosong else None
        key = normal(label or "")
        if key in ("jumlah pegawai tercetak", "jumlah pegawai"):
            ada_jumlah = True
            jumlah = p.baca(A.bulat, r, 2)
            r += 1
            continue
        if key != "tabel":
            if label:
                p.galat(r, 1, f"baris '{label}' di luar tabel; setiap tabel diawali baris 'Tabel | id | judul'")
            r += 1
            continue
        t, r = _baca_tabel(p, r)
        if t is not None:
            tables.append(t)
    return jumlah, ada_jumlah, tables


def _baca_tabel(p: _Baca, r: int) -> tuple[dict | None, int]:
    """The table whose 'Tabel' line is row ``r``: (table or None when there is none to read, next row)."""
    lem = p.lem
    n = lem.maks_baris
    tid = p.baca(A.pengenal, r, 2)
    judul = p.baca(A.teks_satu_baris, r, 3)
    if not tid and not judul and lem.baris_kosong(r + 1):
        return None, r + 1  # the empty "Tabel" line of a blank template
    if not tid:
        p.galat(r, 2, "id tabel wajib diisi, mis. pegawai-pendidikan")
    if not judul:
        p.galat(r, 3, "judul tabel wajib diisi")
    t: dict[str, Any] = {"id": tid, "judul": judul, "nomor_tercetak": p.baca(A.teks_satu_baris, r, 4), "keterangan": p.baca(A.teks, r, 5)}
    r += 1
    heads = []
    c = 1
    while c <= lem.maks_kolom and not p.sel(r, c).kosong:
        heads.append(A.teks_satu_baris(p.sel(r, c)))
        c += 1
    if len(heads) < 2:
        p.galat(r, 1, "baris judul kolom tabel (label, kolom angka…, Jumlah) tidak ditemukan di bawah baris 'Tabel'")
        return None, r + 1
    if normal(heads[-1]) == "jumlah":
        heads = heads[:-1]
    t["judul_label"], t["kolom"] = heads[0], heads[1:]
    ncol = len(heads) - 1
    r += 1
    baris, total = [], None
    while r <= n and not lem.baris_kosong(r):
        lab = A.teks_satu_baris(p.sel(r, 1)) if not p.sel(r, 1).kosong else None
        if normal(lab or "") == "tabel":
            break
        vals = [p.baca(A.bulat, r, c) for c in range(2, 2 + ncol)]
        if normal(lab or "") == "jumlah":
            total = vals + ([] if p.sel(r, 2 + ncol).kosong else [p.baca(A.bulat, r, 2 + ncol)])
        else:
            if not lab:
                p.galat(r, 1, "label baris wajib diisi")
            baris.append({"label": lab, "nilai": vals})
        r += 1
    t["baris"], t["total_tercetak"] = baris, total
    return t, r


def _gabung_tabel(lama: dict, t: dict) -> dict:
    """The sheet's table over the stored one of the same id: rows keep their other fields by position."""
    base = copy.deepcopy(lama)
    base["id"] = t["id"]
    for k in ("judul", "nomor_tercetak", "keterangan"):
        if t[k] is None:
            base.pop(k, None)
        else:
            base[k] = t[k]
    if t["judul_label"] == "Uraian" and "judul_label" not in base:
        pass
    else:
        base["judul_label"] = t["judul_label"]
    base["kolom"] = t["kolom"]
    old_rows = base.get("baris") or []
    rows = []
    for i, b in enumerate(t["baris"]):
        ob = copy.deepcopy(old_rows[i]) if i < len(old_rows) and isinstance(old_rows[i], dict) else {}
        ob["label"], ob["nilai"] = b["label"], b["nilai"]
        rows.append(ob)
    base["baris"] = rows
    if t["total_tercetak"] is None:
        base.pop("total_tercetak", None)
    else:
        base["total_tercetak"] = t["total_tercetak"]
    return base

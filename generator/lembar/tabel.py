"""Finding a sheet's header row, naming its columns, and reading cells with errors that name the cell."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable

from .angka import GalatSel, Sel, teks_satu_baris
from .buku import Lembar, kolom_huruf
from .skema import JenisLembar, normal

TIDAK_ADA = object()  # the column is not in this sheet: leave the key as it is


@dataclass
class Catatan:
    """Errors and warnings of one import, each already prefixed with its location."""

    galat: list[str] = field(default_factory=list)
    peringatan: list[str] = field(default_factory=list)
    info: list[str] = field(default_factory=list)


def lokasi(berkas: str, lembar: str, r: int, c: int | None = None) -> str:
    return f"{berkas}!{lembar}!{kolom_huruf(c) if c else 'A'}{r}"


@dataclass
class Tabel:
    berkas: str
    lembar: Lembar
    jenis: JenisLembar
    baris_judul: int
    kolom: dict[tuple[str, int | None], int]  # (kunci, year) → column number
    judul: dict[int, str]  # column number → header text as written
    baris: list[int]
    catatan: Catatan
    gagal: bool = False

    def ada(self, kunci: str, tahun: int | None = None) -> bool:
        return (kunci, tahun) in self.kolom

    def tahun(self, kunci: str) -> list[int]:
        return sorted(y for (k, y) in self.kolom if k == kunci and y is not None)

    def lok(self, r: int, kunci: str | None = None, tahun: int | None = None) -> str:
        c = self.kolom.get((kunci, tahun)) if kunci else None
        return lokasi(self.berkas, self.lembar.nama, r, c)

    def sel(self, r: int, kunci: str, tahun: int | None = None) -> Sel:
        c = self.kolom.get((kunci, tahun))
        return self.lembar.get(r, c) if c else Sel(None)

    def baca(self, r: int, kunci: str, pembaca: Callable[[Sel], Any], tahun: int | None = None) -> Any:
        """The parsed cell; ``TIDAK_ADA`` when the column is absent; None (and an error recorded) when unreadable."""
        c = self.kolom.get((kunci, tahun))
        if c is None:
            return TIDAK_ADA
        try:
            return pembaca(self.lembar.get(r, c))
        except GalatSel as exc:
            self.galat(r, kunci, exc.pesan, tahun)
            return None

    def galat(self, r: int, kunci: str | None, pesan: str, tahun: int | None = None) -> None:
        c = self.kolom.get((kunci, tahun)) if kunci else None
        kol = f"kolom '{self.judul[c]}': " if c else ""
        self.catatan.galat.append(f"{lokasi(self.berkas, self.lembar.nama, r, c)}: {kol}{pesan}")
        self.gagal = True

    def peringatan(self, r: int, kunci: str | None, pesan: str) -> None:
        c = self.kolom.get((kunci, None)) if kunci else None
        self.catatan.peringatan.append(f"{lokasi(self.berkas, self.lembar.nama, r, c)}: {pesan}")


def _teks_judul(s: Sel) -> str | None:
    if s.kosong or not isinstance(s.nilai, str):
        return None
    return teks_satu_baris(s)


def _petakan(jenis: JenisLembar, texts: dict[int, str]) -> dict[int, tuple[str, int | None]]:
    out = {}
    for c, t in texts.items():
        m = jenis.cocok(t)
        if m:
            out[c] = m
    return out


def _baris_nomor_kolom(lem: Lembar, r: int) -> bool:
    """A row '1 | 2 | 3 | …' under the header (column numbers printed in Indonesian tables)."""
    vals = [(c, lem.get(r, c).nilai) for c in range(1, lem.maks_kolom + 1) if not lem.get(r, c).kosong]
    if len(vals) < 3:
        return False
    nums = []
    for _, v in vals:
        t = str(v).strip().strip("()").rstrip(".")
        if not re.fullmatch(r"\d{1,2}(\.0)?", t):
            return False
        nums.append(int(float(t)))
    return nums == list(range(nums[0], nums[0] + len(nums)))


def kenali(berkas: str, lem: Lembar, jenis: JenisLembar, catatan: Catatan, wajib: bool = True) -> Tabel | None:
    """Find the header row (within the first 30 rows) and map columns; None if the sheet has no such header."""
    for r in range(1, min(lem.maks_baris, 30) + 1):
        texts = {c: t for c in range(1, lem.maks_kolom + 1) if (t := _teks_judul(lem.get(r, c)))}
        satu = _petakan(jenis, texts)
        keys = {k for k, _ in satu.values()}
        if len(keys) < 2 or not keys & set(jenis.kunci_wajib):
            continue
        # two-row header: "Anggaran" merged over "Murni | Perubahan"
        bawah = {c: t for c in range(1, lem.maks_kolom + 1) if (t := _teks_judul(lem.get(r + 1, c)))}
        dua_texts = {c: (f"{texts[c]} {bawah[c]}" if c in bawah and c in texts and normal(bawah[c]) != normal(texts[c]) else texts.get(c) or bawah.get(c)) for c in set(texts) | set(bawah)}
        dua = _petakan(jenis, dua_texts)
        mulai = r + 1
        peta, judul = satu, texts
        if bawah and len({k for k in dua.values()}) > len({k for k in satu.values()}):
            peta, judul, mulai = dua, dua_texts, r + 2
        kolom: dict[tuple[str, int | None], int] = {}
        tab = Tabel(berkas, lem, jenis, r, kolom, judul, [], catatan)
        for c in sorted(peta):
            key = peta[c]
            if key in kolom:
                prev = kolom[key]
                catatan.galat.append(f"{lokasi(berkas, lem.nama, r, c)}: kolom '{judul[c]}' dibaca sama dengan kolom {kolom_huruf(prev)} ('{judul[prev]}'); ganti judul salah satunya")
                tab.gagal = True
                continue
            kolom[key] = c
        for c, t in sorted(judul.items()):
            if c not in peta and not re.fullmatch(r"[\d\s().]*", t):
                catatan.peringatan.append(f"{lokasi(berkas, lem.nama, r, c)}: kolom '{t}' tidak dikenal; diabaikan")
        for rr in range(mulai, lem.maks_baris + 1):
            if lem.baris_kosong(rr) or _baris_nomor_kolom(lem, rr):
                continue
            tab.baris.append(rr)
        return tab
    if wajib:
        contoh = ", ".join(f"'{k.judul}'" for k in jenis.kolom if not k.info)
        catatan.galat.append(f"{lokasi(berkas, lem.nama, 1)}: baris judul kolom tidak ditemukan di 30 baris pertama; judul yang dikenal: {contoh}")
    return None


def atur(d: dict, k: str, v: Any, default: Any = None) -> None:
    """Set a managed key: absent column → untouched; empty cell → key removed; model default not added."""
    if v is TIDAK_ADA:
        return
    if v is None:
        if k in d and d[k] is not None:
            del d[k]
        return
    if k not in d and default is not None and v == default:
        return
    d[k] = v

"""The budget sheet: program → kegiatan → sub-kegiatan from kode rekening, and printed totals checked.

Codes follow Permendagri 90/2019 (Kepmendagri 050-5889/2021): ``2.07.03`` program (3 segments),
``2.07.03.2.01`` kegiatan (5), ``2.07.03.2.01.0001`` sub-kegiatan (6). Rows of 1–2 segments (urusan, bidang
urusan) or an 8-segment unit code are printed subtotals: they are checked against the rows under them, not
stored. Account codes (``5.1.02.01.01.0024``: second segment of one digit) are the detail of a sub-kegiatan
and are skipped. A ``Jumlah``/``Total`` row is the printed grand total (``anggaran.tercetak``).
A row with rows under it stores its amounts as *printed* values (``tercetak``), which ``lkip check`` compares
with the sum of its children; a row without children carries the money.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..format import rupiah as fmt_rupiah
from . import angka as A
from .tabel import TIDAK_ADA, Tabel, atur

D = Decimal
_REKENING = re.compile(r"^[4-7]\.\d(\.|$)")
_TOTAL = re.compile(r"^(sub\s*)?(jumlah|total)\b", re.I)
_TINGKAT_SINONIM = {"sub-kegiatan": "sub kegiatan", "subkegiatan": "sub kegiatan", "sub_kegiatan": "sub kegiatan", "sub": "sub kegiatan", "prog": "program", "keg": "kegiatan"}
_UANG = ("pagu", "pagu_perubahan", "realisasi")
_AWALAN = {"program": "prog-", "kegiatan": "keg-", "sub kegiatan": "sub-"}


@dataclass
class Baris:
    r: int
    tingkat: str  # program, kegiatan, sub kegiatan, subtotal, total
    kode: str | None
    nilai: dict[str, Any]
    anak: list["Baris"] = field(default_factory=list)

    def jumlah(self, k: str) -> Decimal | None:
        """Money of this row as the sum of its leaves (its own value when it has none)."""
        if not self.anak:
            v = self.nilai.get(k)
            return v if isinstance(v, Decimal) else None
        vals = [a.jumlah(k) for a in self.anak]
        vals = [v for v in vals if v is not None]
        return sum(vals, D(0)) if vals else None


def tingkat_dari_kode(kode: str) -> str | None:
    seg = kode.split(".")
    if _REKENING.match(kode):
        return "rekening"
    return {1: "subtotal", 2: "subtotal", 3: "program", 5: "kegiatan", 6: "sub kegiatan", 8: "subtotal"}.get(len(seg))


def slug(teks: str, maks: int = 48) -> str:
    t = re.sub(r"[^a-z0-9]+", "-", teks.lower()).strip("-")
    return (t[:maks].rstrip("-") or "x")


def baca_baris(tab: Tabel) -> list[Baris]:
    out = []
    for r in tab.baris:
        kode = tab.baca(r, "kode", A.teks_satu_baris)
        kode = None if kode is TIDAK_ADA else kode
        if kode:
            kode = kode.strip().rstrip(".")
        uraian = tab.baca(r, "uraian", A.teks)
        uraian = None if uraian is TIDAK_ADA else uraian
        ting = tab.baca(r, "tingkat", lambda s: A.pilihan(s, ["program", "kegiatan", "sub kegiatan"], _TINGKAT_SINONIM))
        ting = None if ting is TIDAK_ADA else ting
        nilai: dict[str, Any] = {"uraian": uraian}
        for k, f in (("id", A.pengenal), ("sumber_dana", A.teks_satu_baris), ("pagu", A.rupiah), ("pagu_perubahan", A.rupiah),
                     ("realisasi", A.rupiah), ("persen", A.angka), ("sisa", A.rupiah), ("keterangan", A.teks)):
            nilai[k] = tab.baca(r, k, f)
        if nilai["id"] is TIDAK_ADA:
            nilai["id"] = None
        if ting is None and kode:
            ting = tingkat_dari_kode(kode)
            if ting == "rekening":
                continue
            if ting is None:
                tab.galat(r, "kode", f"kode '{kode}' tidak dikenali ({len(kode.split('.'))} segmen); program 3 segmen (2.07.03), kegiatan 5 (2.07.03.2.01), sub-kegiatan 6 (2.07.03.2.01.0001), atau isi kolom Tingkat")
                continue
        if ting is None:
            if uraian and _TOTAL.match(uraian):
                ting = "total"
            elif not uraian and not any(isinstance(nilai.get(k), D) for k in _UANG):
                continue
            else:
                tab.galat(r, "uraian" if tab.ada("uraian") else None, "tingkat baris tidak dapat ditentukan: isi kolom Kode Rekening (mis. 2.07.03.2.01.0001) atau kolom Tingkat (program, kegiatan, sub kegiatan)")
                continue
        if ting in ("program", "kegiatan", "sub kegiatan") and not uraian:
            tab.galat(r, "uraian", "uraian (nama program/kegiatan/sub-kegiatan) wajib diisi")
            continue
        out.append(Baris(r, ting, kode, nilai))
    return out


def _di_bawah(tab: Tabel, b: Any, induk: Any, nama: str, nama_induk: str) -> bool:
    """Hang a row under the nearest row of the level above (an error when there is none); warn when its code does
    not start with its parent's."""
    if induk is None:
        tab.galat(b.r, "uraian", f"{nama} tanpa {nama_induk} di atasnya; tambahkan baris {nama_induk} lebih dulu")
        return False
    if b.kode and induk.kode and "." in b.kode and not b.kode.startswith(induk.kode + "."):
        tab.peringatan(b.r, "kode", f"kode {nama} {b.kode} tidak diawali kode {nama_induk} di atasnya ({induk.kode})")
    induk.anak.append(b)
    return True


def pohon(tab: Tabel, rows: list[Baris]) -> tuple[list[Baris], list[Baris]]:
    """(programs with children attached, printed subtotal/total rows)."""
    programs: list[Baris] = []
    totals: list[Baris] = []
    prog = keg = None
    for b in rows:
        if b.tingkat == "program":
            programs.append(b)
            prog, keg = b, None
        elif b.tingkat == "kegiatan":
            if _di_bawah(tab, b, prog, "kegiatan", "program"):
                keg = b
        elif b.tingkat == "sub kegiatan":
            _di_bawah(tab, b, keg, "sub-kegiatan", "kegiatan")
        else:
            totals.append(b)
    return programs, totals


def periksa_jumlah(tab: Tabel, programs: list[Baris], totals: list[Baris]) -> int:
    """Printed amounts of rows with rows under them vs the sum of those rows; one warning per difference."""
    n = 0

    def banding(b: Baris, anak: list[Baris], apa: str) -> None:
        nonlocal n
        for k in _UANG:
            printed = b.nilai.get(k)
            if not isinstance(printed, D):
                continue
            vals = [a.jumlah(k) for a in anak]
            vals = [v for v in vals if v is not None]
            if not vals:
                continue
            total = sum(vals, D(0))
            if total != printed:
                label = {"pagu": "pagu", "pagu_perubahan": "pagu perubahan", "realisasi": "realisasi"}[k]
                tab.peringatan(b.r, k, f"{label} tercetak {fmt_rupiah(printed)}, jumlah {apa} {fmt_rupiah(total)} (selisih {fmt_rupiah(printed - total)})")
                n += 1

    def walk(b: Baris) -> None:
        if b.anak:
            banding(b, b.anak, "baris di bawahnya")
            for a in b.anak:
                walk(a)

    for p in programs:
        walk(p)
    for t in totals:
        if t.tingkat == "subtotal" and t.kode:
            under = [p for p in programs if p.kode and p.kode.startswith(t.kode + ".")]
            if not under and len(t.kode.split(".")) == 8:
                under = programs  # unit (SKPD) code: all programs of the sheet
            banding(t, under, f"program berkode {t.kode}.*" if len(t.kode.split(".")) < 8 else "semua program")
        else:
            banding(t, programs, "semua program")
    return n




class _Gabung:
    """Builds the new tree on top of the old one: each row takes over a matching old node (so fields the sheet
    does not carry survive), and every node gets a unique id. ``taken`` remembers which old nodes were used."""

    def __init__(self, tab: Tabel, reg: dict[str, str], old_programs: list[dict]):
        self.tab, self.reg = tab, reg
        self.used: set[str] = set()
        self.taken: set[int] = set()
        self.old_index: dict[str, list[dict]] = {"program": [], "kegiatan": [], "sub kegiatan": []}
        for p in old_programs:
            self.old_index["program"].append(p)
            for k in p.get("kegiatan") or []:
                self.old_index["kegiatan"].append(k)
                for s in k.get("sub_kegiatan") or []:
                    self.old_index["sub kegiatan"].append(s)

    def cocokkan(self, b: Baris, calon: list[dict]) -> dict | None:
        """The old node for ``b``: by id, then kode, then name; under the same parent first, then anywhere."""
        pools = [calon, self.old_index[b.tingkat]]
        tests = []
        if b.nilai.get("id"):
            tests.append(lambda o: o.get("id") == b.nilai["id"])
        if b.kode:
            tests.append(lambda o: o.get("kode") is not None and str(o.get("kode")) == b.kode)
        if b.nilai.get("uraian"):
            n = A.bersih(b.nilai["uraian"]).lower()
            tests.append(lambda o: A.bersih(str(o.get("nama", ""))).lower() == n)
        for test in tests:
            for pool in pools:
                for o in pool:
                    if id(o) not in self.taken and test(o):
                        self.taken.add(id(o))
                        return o
        return None

    def id_baru(self, b: Baris, old: dict | None) -> str:
        """The row's id, else the old node's, else one made from the name; never one already used."""
        nid = b.nilai.get("id") or (old or {}).get("id")
        if not nid or nid in self.used:
            base = _AWALAN[b.tingkat] + slug(b.nilai["uraian"] or b.kode or "anggaran")
            nid, i = base, 2
            while nid in self.used:
                nid, i = f"{base}-{i}", i + 1
        self.used.add(nid)
        return nid

    def buat(self, b: Baris, calon: list[dict], jalur: str) -> dict:
        """The data node for row ``b`` and, recursively, its children; registers the cells' locations."""
        tab = self.tab
        old = self.cocokkan(b, calon)
        node = copy.deepcopy(old) if old else {}
        kid_key = {"program": "kegiatan", "kegiatan": "sub_kegiatan"}.get(b.tingkat)
        old_kids = (old or {}).get(kid_key) or [] if kid_key else []
        nid = self.id_baru(b, old)
        node["id"] = nid
        if "id" in node:
            node = {"id": nid, **{k: v for k, v in node.items() if k != "id"}}
        atur(node, "kode", b.kode if tab.ada("kode") or b.kode else TIDAK_ADA)
        if not (old and A.bersih(str(old.get("nama", ""))).lower() == A.bersih(b.nilai["uraian"]).lower()):
            node["nama"] = b.nilai["uraian"]  # an export's CAPITALISED name does not replace the same name
        atur(node, "sumber_dana", b.nilai.get("sumber_dana", TIDAK_ADA))
        _isi_uang(node, b)
        self.reg[jalur] = tab.lok(b.r, "uraian")
        for k in _UANG:
            self.reg[f"{jalur}.{k}"] = tab.lok(b.r, k)
        if kid_key:
            if b.anak:
                node[kid_key] = [self.buat(a, old_kids, f"{jalur}.{kid_key}[{i}]") for i, a in enumerate(b.anak)]
            elif kid_key in node:
                del node[kid_key]
        return node


def _isi_uang(node: dict, b: Baris) -> None:
    """Money of a leaf goes in the node; of a parent, in ``tercetak`` (the parent's money is its children's sum)."""
    t = copy.deepcopy(node.get("tercetak") or {})
    if b.anak:
        for k in _UANG:
            atur(t, k, b.nilai.get(k, TIDAK_ADA))
    else:
        for k in _UANG:
            atur(node, k, b.nilai.get(k, TIDAK_ADA))
    atur(t, "penyerapan", b.nilai.get("persen", TIDAK_ADA))
    atur(t, "sisa", b.nilai.get("sisa", TIDAK_ADA))
    atur(node, "keterangan", b.nilai.get("keterangan", TIDAK_ADA))
    if t:
        node["tercetak"] = t
    elif "tercetak" in node and node["tercetak"]:
        del node["tercetak"]


def _tercetak_total(ang: dict, totals: list[Baris]) -> None:
    """The last Jumlah/Total row becomes ``anggaran.tercetak``."""
    jumlah = [t for t in totals if t.tingkat == "total"]
    if jumlah:
        b = jumlah[-1]
        t = copy.deepcopy(ang.get("tercetak") or {})
        for k in _UANG:
            atur(t, k, b.nilai.get(k, TIDAK_ADA))
        atur(t, "penyerapan", b.nilai.get("persen", TIDAK_ADA))
        atur(t, "sisa", b.nilai.get("sisa", TIDAK_ADA))
        if t:
            ang["tercetak"] = t
        elif ang.get("tercetak"):
            del ang["tercetak"]


def terapkan(tab: Tabel, lap: dict, reg: dict[str, str]) -> None:
    """Replace ``anggaran.program`` (and ``anggaran.tercetak`` from a Jumlah row) with the sheet's tree."""
    rows = baca_baris(tab)
    programs, totals = pohon(tab, rows)
    if tab.gagal:
        return
    periksa_jumlah(tab, programs, totals)
    if not programs and not totals:
        return
    ang = lap.setdefault("anggaran", {})
    old_programs = ang.get("program") or []
    g = _Gabung(tab, reg, old_programs)
    ang["program"] = [g.buat(p, old_programs, f"anggaran.program[{i}]") for i, p in enumerate(programs)]
    lama = {o.get("id") for pool in g.old_index.values() for o in pool if id(o) not in g.taken}
    for nid in sorted(x for x in lama if x):
        tab.catatan.info.append(f"{tab.berkas}!{tab.lembar.nama}: '{nid}' tidak ada lagi di lembar anggaran; dihapus dari data")
    _tercetak_total(ang, totals)

"""Root cause of budget differences: one mistyped line, reported once.

A budget tree's parents are sums. When one line differs, every printed total above it differs by the same
amount, and so do their printed absorption and remaining budget. Here each such chain is traced to the deepest
line that shows the difference; when exactly one line below it explains the difference (its own printed
absorption matches its amount corrected by that difference), that line is named as the cause. The totals above
and their derived percentages become knock-ons (``Temuan.akar``) of that one finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..compute import NodeAnggaran, _div
from ..format import rupiah
from .temuan import Temuan, sama

D = Decimal
JUMLAH = ("pagu", "pagu_perubahan", "realisasi")
LABEL = {"pagu": "pagu", "pagu_perubahan": "pagu perubahan", "realisasi": "realisasi"}


@dataclass
class _Baris:
    """A line of the budget tree, or the grand total (``node`` None)."""

    jalur: tuple
    nama: str
    pagu: Decimal | None
    pagu_perubahan: Decimal | None
    realisasi: Decimal | None
    tercetak: Any
    node: NodeAnggaran | None = None
    induk: "_Baris | None" = None
    anak: list["_Baris"] = field(default_factory=list)

    def nilai(self, f: str, d: Decimal = D(0), koreksi: str = "") -> Decimal | None:
        v = getattr(self, f)
        return v + d if v is not None and f == koreksi else v

    def efektif(self, d: Decimal = D(0), koreksi: str = "") -> Decimal | None:
        p = self.nilai("pagu_perubahan", d, koreksi)
        if p is None:
            return self.nilai("pagu", d, koreksi)
        return p

    def daun(self) -> list["_Baris"]:
        return [self] if not self.anak else [x for c in self.anak for x in c.daun()]


def _pohon(a) -> _Baris:
    h = a.h
    akar = _Baris(("anggaran",), "jumlah seluruh anggaran", h.anggaran.pagu, h.anggaran.pagu_perubahan, h.anggaran.realisasi, a.b.model.anggaran.tercetak)

    def add(n: NodeAnggaran, induk: _Baris) -> None:
        b = _Baris(n.jalur, n.nama, n.pagu, n.pagu_perubahan, n.realisasi, n.sumber.tercetak, n, induk)  # type: ignore[attr-defined]
        induk.anak.append(b)
        for c in n.anak:
            add(c, b)

    for p in h.anggaran.program:
        add(p, akar)
    return akar


def _semua(b: _Baris) -> list[_Baris]:
    return [b] + [x for c in b.anak for x in _semua(c)]


def akar_anggaran(a) -> None:
    """Mark every budget difference that follows from a deeper one as its knock-on; name the causing line."""
    temuan = {tuple(t.jalur): t for t in a.out if t.jalur[:1] == ("anggaran",) and not t.akar}
    if not temuan:
        return
    baris = sorted(_semua(_pohon(a)), key=lambda b: -len(b.jalur) if b.node is not None else 1)
    rantai: list[tuple[Temuan, str, Decimal, tuple, str]] = []
    for f in JUMLAH:
        for b in baris:
            t = temuan.get(b.jalur + ("tercetak", f))
            if t is None or t.akar or t.selisih is None:
                continue
            rantai.append(_rantai(a, temuan, b, f, t))
    for root, f, d, deepest, label in rantai:
        _indikator_turunan(a, root, f, d, deepest, label)


def _rantai(a, temuan: dict, b: _Baris, f: str, t: Temuan) -> tuple[Temuan, str, Decimal, tuple, str]:
    """``t``: the deepest printed ``f`` of line ``b`` that differs by ``d``; collect what the same ``d`` explains above."""
    d = t.selisih
    rantai = [b]
    p = b.induk
    while p is not None:
        printed = getattr(p.tercetak, f, None)
        atas = temuan.get(p.jalur + ("tercetak", f))
        if printed is not None and not (atas is not None and atas.selisih == d and not atas.akar):
            break
        rantai.append(p)
        p = p.induk
    turunan = [x for r in rantai for x in _turunan(a, temuan, r, f, d) if x is not t]
    if b.anak:
        sebab = _baris_penyebab(a, temuan, b, f, d)
        if sebab is not None:
            root = _temuan_baris(a, sebab, f, d, rantai)
            for x in [t] + turunan:
                x.akar, x.akibat = [root], f"{LABEL[f]} '{sebab.nama}'"
            return root, f, d, sebab.jalur, f"{LABEL[f]} '{sebab.nama}'"
        t.pesan += " — selisih ini ada pada rinciannya; periksa baris di bawahnya"
    for x in turunan:
        x.akar, x.akibat = [t], f"{LABEL[f]} '{b.nama}'"
    return t, f, d, b.jalur, f"{LABEL[f]} '{b.nama}'"


def _indikator_turunan(a, root: Temuan, f: str, d: Decimal, deepest: tuple, label: str) -> None:
    """An efficiency table's absorption printed from the right amounts: a knock-on of the budget line that differs,
    when exactly one of the indicator's budget lines contains it."""
    for hi in a.h.semua_indikator + a.h.indikator_tujuan:
        t = next((x for x in a.out if tuple(x.jalur) == hi.jalur + ("tercetak", "penyerapan") and not x.akar), None)
        if t is None or hi.model.tercetak.penyerapan is None:
            continue
        berisi = [n for n in hi.anggaran if deepest[:len(n.jalur)] == n.jalur]
        if len(berisi) != 1 or deepest[:1] != ("anggaran",) or len(deepest) < 3:
            continue
        ubah = f == "pagu_perubahan" or (f == "pagu" and all(n.pagu_perubahan is None for n in hi.anggaran))
        eff = sum((n.pagu_efektif or D(0) for n in hi.anggaran), D(0)) + (d if ubah else D(0))
        real = sum((n.realisasi or D(0) for n in hi.anggaran), D(0)) + (d if f == "realisasi" else D(0))
        if eff and sama(hi.model.tercetak.penyerapan, _div(real * 100, eff), a.mode):
            t.akar, t.akibat = [root], label


def _turunan(a, temuan: dict, r: _Baris, f: str, d: Decimal) -> list[Temuan]:
    """Findings on line ``r`` that the difference ``d`` in ``f`` explains: the amount, its absorption, its remainder."""
    out = []
    amount = temuan.get(r.jalur + ("tercetak", f))
    if amount is not None and amount.selisih == d and not amount.akar:
        out.append(amount)
    eff, real = r.efektif(d, f), r.nilai("realisasi", d, f)
    serap = temuan.get(r.jalur + ("tercetak", "penyerapan"))
    if serap is not None and not serap.akar and eff and real is not None and sama(r.tercetak.penyerapan, _div(real * 100, eff), a.mode):
        out.append(serap)
    sisa = temuan.get(r.jalur + ("tercetak", "sisa"))
    if sisa is not None and not sisa.akar and eff is not None and real is not None and r.tercetak.sisa == eff - real:
        out.append(sisa)
    return out


def _baris_penyebab(a, temuan: dict, b: _Baris, f: str, d: Decimal) -> _Baris | None:
    """The one leaf under ``b`` whose own printed absorption matches its ``f`` corrected by ``d`` (or None)."""
    kandidat = []
    for leaf in b.daun():
        serap = temuan.get(leaf.jalur + ("tercetak", "penyerapan"))
        if serap is None or serap.akar or leaf.nilai(f) is None:
            continue
        eff, real = leaf.efektif(d, f), leaf.nilai("realisasi", d, f)
        if eff and real is not None and sama(leaf.tercetak.penyerapan, _div(real * 100, eff), a.mode):
            kandidat.append(leaf)
    return kandidat[0] if len(kandidat) == 1 else None


def _temuan_baris(a, leaf: _Baris, f: str, d: Decimal, rantai: list[_Baris]) -> Temuan:
    """A new root finding at the data line that causes the chain."""
    v = leaf.nilai(f)
    assert v is not None
    atas = ", ".join(f"'{r.nama}'" for r in rantai if getattr(r.tercetak, f, None) is not None)
    jalur = leaf.jalur + (f,)
    t = Temuan(a.b.lokasi(jalur), jalur, f, f"{LABEL[f]} '{leaf.nama}' kemungkinan salah ketik: jumlah tercetak di atasnya ({atas}) dan "
               f"% penyerapan baris ini cocok dengan {rupiah(v + d)}", rupiah(v), rupiah(v + d), selisih=-d, satuan_selisih="rupiah")
    first = min(a.out.index(x) for x in a.out if x.jalur[:len(leaf.jalur)] == leaf.jalur or any(x.jalur[:len(r.jalur)] == r.jalur for r in rantai))
    a.out.insert(first, t)
    leaf_serap = next(x for x in a.out if tuple(x.jalur) == leaf.jalur + ("tercetak", "penyerapan"))
    leaf_serap.akar, leaf_serap.akibat = [t], f"{LABEL[f]} '{leaf.nama}'"
    return t

"""Arrange one report's findings for a reader: knock-ons under their root cause, material differences first,
the rounding-only differences of the report grouped into one finding."""

from __future__ import annotations

from .temuan import MATERIAL, PEMBULATAN, Temuan


def _akar(t: Temuan) -> Temuan:
    seen = set()
    while t.akar and id(t) not in seen:
        seen.add(id(t))
        t = t.akar[0]
    return t


def susun(out: list[Temuan]) -> list[Temuan]:
    """Root findings only (each knock-on in its root's ``turunan``, with the root's severity); material ones in
    report order, then the rounding-only ones — as one group finding when there are two or more."""
    roots: list[Temuan] = []
    for t in out:
        root = _akar(t)
        if root is t:
            roots.append(t)
        else:
            root.turunan.append(t)
    for r in roots:
        for t in r.semua():
            t.tingkat = r.tingkat
    material = [r for r in roots if r.tingkat == MATERIAL]
    bulat = [r for r in roots if r.tingkat == PEMBULATAN]
    if len(bulat) < 2:
        return material + bulat
    n = sum(len(r.semua()) for r in bulat)
    first = bulat[0]
    group = Temuan(first.lokasi, (), "pembulatan", f"{n} angka tercetak hanya berbeda cara pembulatannya dengan hasil hitung "
                   "(dipotong padahal metode membulatkan, atau sebaliknya)", "", "", pembulatan=True, rincian=bulat)
    return material + [group]

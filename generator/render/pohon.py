"""Pohon kinerja (performance cascade) as a tree: tujuan → sasaran strategis → sasaran program → sasaran kegiatan,
each with its indicators and this year's target — from the parent links in the data (``sasaran[].tujuan`` and
``sasaran[].induk``), not flat columns.

Shown in BAB II when the report has a cascade (some sasaran has an ``induk``); built here, rendered by the macro
``pohon_kinerja`` of theme/templates/_makro.md.j2 as nested lists (a screen reader announces each level).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .teks import nilai

TINGKAT = {"strategis": "Sasaran strategis", "program": "Sasaran program", "kegiatan": "Sasaran kegiatan"}


@dataclass
class Simpul:
    jenis: str  # "Tujuan", "Sasaran strategis", …
    teks: str
    href: str | None = None
    indikator: list[tuple[str, str | None, str]] = field(default_factory=list)  # (name, link, "target 2024: 25%")
    anak: list["Simpul"] = field(default_factory=list)


def _target(hi) -> str:
    teks = nilai(hi.target, hi.model.satuan)
    satuan = hi.model.satuan
    return teks if hi.target is None or teks.endswith("%") or satuan.lower() in ("persen", "predikat", "nilai") else f"{teks} {satuan}"


def pohon_kinerja(v: Any) -> list[Simpul]:  # v: a LaporanView (not imported: view imports this module)
    """The cascade's roots (empty when no sasaran names a parent: the flat tables already show it)."""
    sasaran = v.h.sasaran
    if not any(hs.model.induk for hs in sasaran):
        return []
    simpul = {}
    for hs in sasaran:
        s = hs.model
        inds = [(hi.model.nama, v.url_indikator(hi.model.id), f"target {v.tahun}: {_target(hi)}") for hi in hs.indikator]
        simpul[s.id] = Simpul(TINGKAT[s.tingkat], (f"{s.kode} " if s.kode else "") + s.nama, v.url("bab-3", f"sasaran-{s.id}"), inds)
    akar: list[Simpul] = []
    tujuan: dict[str, Simpul] = {}
    ren = v.lap.renstra
    for t in ren.tujuan if ren else []:
        tujuan[t.id] = Simpul("Tujuan", (f"{t.nomor}: " if t.nomor else "") + t.teks)
    for hs in sasaran:
        s = hs.model
        if s.induk and s.induk in simpul:
            simpul[s.induk].anak.append(simpul[s.id])
        elif s.tujuan and s.tujuan in tujuan:
            tujuan[s.tujuan].anak.append(simpul[s.id])
        else:
            akar.append(simpul[s.id])
    return [t for t in tujuan.values() if t.anak] + akar

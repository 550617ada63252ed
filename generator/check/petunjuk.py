"""Formula hints: when a printed capaian differs from the computed one but matches another formula, target or
setting, say which — "cocok dengan T/R×100; atur `capaian_turun: t_per_r`" — so the author can fix the setting
(or knows the report computed it another way) instead of hunting for an arithmetic slip."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

from ..compute import HasilLaporan, batasi, capaian
from ..format import angka
from .temuan import sama

RUMUS_TURUN = {"dua_t_kurang_r": "(2T−R)/T×100", "t_per_r": "T/R×100"}


def _cocok(printed: Decimal, value: Decimal | None, mode: str) -> bool:
    return value is not None and sama(printed, value, mode)


def petunjuk_capaian(h: HasilLaporan, hi, printed: Decimal, tahun: int | None = None) -> str | None:
    """The first other formula, target or setting under which ``printed`` is what the data gives, or None."""
    m, ind = h.metode, hi.model
    y = tahun or h.tahun
    target = hi.target if y == h.tahun else ind.target.get(y)
    real = hi.realisasi if y == h.tahun else ind.realisasi.get(y)
    if not isinstance(target, Decimal) or not isinstance(real, Decimal):
        return None
    mode = m.pembulatan.mode
    # the other lower-is-better formula, or the formula of the other direction
    if ind.arah == "turun":
        for rumus, teks in RUMUS_TURUN.items():
            if rumus != m.capaian_turun and _cocok(printed, capaian(target, real, "turun", dataclasses.replace(m, capaian_turun=rumus)).nilai, mode):
                return f"cocok dengan {teks}; atur `capaian_turun: {rumus}`"
        if _cocok(printed, capaian(target, real, "naik", m).nilai, mode):
            return "cocok dengan R/T×100 (rumus makin tinggi makin baik); periksa `arah` indikator ini"
    else:
        for rumus, teks in RUMUS_TURUN.items():
            if _cocok(printed, capaian(target, real, "turun", dataclasses.replace(m, capaian_turun=rumus)).nilai, mode):
                return f"cocok dengan {teks} (rumus makin rendah makin baik); periksa `arah: turun` dan `capaian_turun: {rumus}`"
    computed = capaian(target, real, ind.arah, m).nilai
    # the cap used for rating, printed instead of the raw value
    b = m.batas_capaian
    if computed is not None and (b.atas is not None or b.bawah is not None) and batasi(computed, m) != computed and _cocok(printed, batasi(computed, m), mode):
        return "cocok dengan capaian yang dibatasi untuk predikat (`batas_capaian`); laporan mencetak nilai sesudah dibatasi di sini"
    if computed is not None and b.atas is None and computed > 100 and printed == 100:
        return "cocok dengan capaian yang dibatasi 100; bila laporan membatasi capaian, atur `batas_capaian: {atas: 100}`"
    # another target: the plan's (Renstra/RKT) instead of the Perjanjian Kinerja's, or a documented earlier version
    others = [("target Renstra", ind.target.get(y))] + [(f"target '{v.label}'", v.target.get(y)) for v in ind.target_lain]
    for label, t in others:
        if isinstance(t, Decimal) and t != target and _cocok(printed, capaian(t, real, ind.arah, m).nilai, mode):
            return f"cocok dengan {label} ({angka(t)}) alih-alih target yang dipakai ({angka(target)})"
    return None

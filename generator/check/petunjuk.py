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


RUMUS_EFISIENSI = {"rasio": "capaian ÷ penyerapan × 100", "selisih": "capaian − penyerapan", "sisa_anggaran": "100 − penyerapan"}


def petunjuk_efisiensi(m, cap, serap, printed: Decimal) -> str | None:
    """The other efficiency formula the printed value matches, from the same printed inputs."""
    from ..compute import efisiensi

    for rumus, teks in RUMUS_EFISIENSI.items():
        if rumus != m.efisiensi and _cocok(printed, efisiensi(cap, serap, dataclasses.replace(m, efisiensi=rumus))[0].nilai, m.pembulatan.mode):
            return f"cocok dengan {teks}; atur `efisiensi: {rumus}`"
    return None


AGREGASI = {
    ("dasar", "indikator"): "rata-rata semua indikator", ("dasar", "sasaran"): "rata-rata dari rata-rata sasaran",
    ("cakupan", "iku"): "hanya IKU", ("cakupan", "semua"): "semua indikator, bukan hanya IKU",
    ("nilai_kosong", "abaikan"): "indikator tanpa realisasi dilewati", ("nilai_kosong", "nol"): "indikator tanpa realisasi dihitung 0",
    ("batas", "sebelum"): "capaian dibatasi sebelum dirata-rata", ("batas", "sesudah"): "capaian dibatasi sesudah dirata-rata",
}


def _rata(h: HasilLaporan, m, inds) -> Decimal | None:
    from ..compute import rata_rata

    g = m.agregasi
    vals = [hi.capaian.nilai for hi in inds if g.cakupan == "semua" or hi.model.iku]
    return rata_rata(vals, m, g.batas == "sebelum").nilai


def petunjuk_rata(h: HasilLaporan, printed: Decimal, sasaran=None) -> str | None:
    """Another aggregation setting (one field changed) under which the printed mean — of one sasaran, or overall
    when ``sasaran`` is None — is what the data gives."""
    m = h.metode
    for (kunci, nilai), teks in AGREGASI.items():
        if getattr(m.agregasi, kunci) == nilai or (sasaran is not None and kunci == "dasar"):
            continue
        m2 = dataclasses.replace(m, agregasi=m.agregasi.model_copy(update={kunci: nilai}))
        if sasaran is not None:
            value = _rata(h, m2, sasaran.indikator)
        elif m2.agregasi.dasar == "indikator":
            value = _rata(h, m2, [hi for s in h.sasaran for hi in s.indikator])
        else:
            from ..compute import rata_rata

            value = rata_rata([_rata(h, m2, s.indikator) for s in h.sasaran if s.indikator], m2, m2.agregasi.batas == "sebelum").nilai
        if value is not None and m2.batas_capaian.atas is not None and m2.agregasi.batas == "sesudah":
            value = batasi(value, m2)
        if _cocok(printed, value, m.pembulatan.mode):
            return f"cocok dengan {teks}; atur `agregasi: {{{kunci}: {nilai}}}`"
    return None

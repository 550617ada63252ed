"""Method settings: presets, rating scales as data, merging site default ← preset ← report override.

Every computation variant the seeds use is a named choice here, never a hard-coded branch elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from . import rumus
from .model import Agregasi, BatasCapaian, CapaianOrdinal, MetodeParsial, Pembulatan, Pita, Skala

D = Decimal

# ---------------------------------------------------------------------------------------------------
# Rating scales (exact bands as printed; inclusive/exclusive bounds explicit)


def _pita(predikat: str, bawah: Any, bawah_ink: bool, atas: Any, atas_ink: bool, kode: str | None = None) -> Pita:
    return Pita(
        predikat=predikat,
        kode=kode,
        bawah=None if bawah is None else D(str(bawah)),
        bawah_inklusif=bawah_ink,
        atas=None if atas is None else D(str(atas)),
        atas_inklusif=atas_ink,
    )


SKALA: dict[str, Skala] = {
    "permendagri-86-tercetak": Skala(
        nama="Permendagri 86/2017 (sebagaimana tercetak)",
        sumber="Permendagri 86/2017, sebagaimana dikutip dalam laporan; memiliki celah 50–51, 65–66, 75–76",
        pita=[
            _pita("Sangat Rendah", None, True, 50, True),
            _pita("Rendah", 51, True, 65, True),
            _pita("Sedang", 66, True, 75, True),
            _pita("Tinggi", 76, True, 90, False),
            _pita("Sangat Tinggi", 90, True, None, True),
        ],
    ),
    "permendagri-86": Skala(
        nama="Permendagri 86/2017 (tanpa celah)",
        sumber="Permendagri 86/2017; celah bilangan bulat pada versi tercetak ditutup dengan batas kiri inklusif",
        pita=[
            _pita("Sangat Rendah", None, True, 51, False),
            _pita("Rendah", 51, True, 66, False),
            _pita("Sedang", 66, True, 76, False),
            _pita("Tinggi", 76, True, 90, False),
            _pita("Sangat Tinggi", 90, True, None, True),
        ],
    ),
    "pasaman-barat": Skala(
        nama="Skala 5 kategori Dinas Tenaga Kerja Kab. Pasaman Barat",
        sumber="LKIP Disnaker Kab. Pasaman Barat 2022, BAB III",
        pita=[
            _pita("Kurang Baik", None, True, 55, True),
            _pita("Cukup", 55, False, 75, True),
            _pita("Baik", 75, False, 85, True),
            _pita("Sangat Baik", 85, False, 100, True),
            _pita("Memuaskan", 100, False, None, True),
        ],
    ),
    "akip-aa-d": Skala(
        nama="Kategori AKIP AA–D",
        sumber="LKIP Disnaker Kab. Jember 2023, BAB III (kategori AA–D, batas bawah eksklusif)",
        rentang_bawah=D(0),
        rentang_atas=D(100),
        pita=[
            _pita("Sangat Kurang", 0, True, 30, True, "D"),
            _pita("Kurang", 30, False, 50, True, "C"),
            _pita("Cukup", 50, False, 60, True, "CC"),
            _pita("Baik", 60, False, 70, True, "B"),
            _pita("Sangat Baik", 70, False, 80, True, "BB"),
            _pita("Memuaskan", 80, False, 90, True, "A"),
            _pita("Sangat Memuaskan", 90, False, 100, True, "AA"),
        ],
    ),
    "dumai-atribut": Skala(
        nama="Atribut keberhasilan (Dumai)",
        sumber="Skala 'atribut' yang dikutip dalam panduan domain",
        pita=[
            _pita("Tidak Berhasil", None, True, 55, False),
            _pita("Cukup Berhasil", 55, True, 70, False),
            _pita("Berhasil", 70, True, 85, False),
            _pita("Sangat Berhasil", 85, True, None, True),
        ],
    ),
}

TANPA_SKALA = "tanpa"

# ---------------------------------------------------------------------------------------------------
# Presets: one per seed, named after the report that uses it.

_DEFAULT = MetodeParsial(
    capaian_turun="dua_t_kurang_r",
    tingkat_nilai=["D", "C", "CC", "B", "BB", "A", "AA"],
    capaian_ordinal=CapaianOrdinal(),
    skala=TANPA_SKALA,
    batas_capaian=BatasCapaian(),
    agregasi=Agregasi(),
    efisiensi="rasio",
    pembulatan=Pembulatan(),
    tampilkan_catatan_pemeriksaan=True,
    hitungan_portal="tandai",
)

PRESET: dict[str, MetodeParsial] = {
    "ppu-2024": MetodeParsial(
        skala=TANPA_SKALA,
        efisiensi="rasio",
        agregasi=Agregasi(dasar="indikator", cakupan="iku", nilai_kosong="abaikan", batas="sebelum"),
        pembulatan=Pembulatan(desimal=2, mode="setengah_ke_atas"),
    ),
    "pasaman-barat": MetodeParsial(
        skala="pasaman-barat",
        capaian_turun="dua_t_kurang_r",
        capaian_ordinal=CapaianOrdinal(tepat=D(100), per_tingkat=D(10)),
        efisiensi="sisa_anggaran",
        agregasi=Agregasi(dasar="indikator", cakupan="iku", nilai_kosong="nol", batas="sebelum"),
        pembulatan=Pembulatan(desimal=2, mode="setengah_ke_atas"),
    ),
    "jember": MetodeParsial(
        skala="akip-aa-d",
        capaian_turun="dua_t_kurang_r",
        batas_capaian=BatasCapaian(atas=D(100), bawah=D(0)),
        agregasi=Agregasi(dasar="indikator", cakupan="iku", nilai_kosong="abaikan", batas="sesudah"),
        efisiensi="verbal",
        pembulatan=Pembulatan(desimal=2, mode="potong"),
    ),
    "permendagri-86": MetodeParsial(skala="permendagri-86", efisiensi="rasio"),
}

PRESET_KETERANGAN = {
    "ppu-2024": "Disnakertrans Kab. Penajam Paser Utara 2024: R/T×100, tanpa skala predikat, efisiensi = capaian ÷ penyerapan × 100, rata-rata semua IKU, bulat setengah ke atas.",
    "pasaman-barat": "Disnaker Kab. Pasaman Barat 2022: skala 5 kategori, (2T−R)/T untuk indikator turun, nilai ordinal (tepat = 100, +10 per tingkat), efisiensi = 100 − penyerapan, nilai kosong = 0.",
    "jember": "Disnaker Kab. Jember 2023: skala AA–D, capaian dibatasi 0–100 untuk predikat (nilai asli ditampilkan), batas diterapkan sesudah merata-rata, efisiensi verbal, persentase dipotong 2 desimal.",
    "permendagri-86": "Skala Permendagri 86/2017 tanpa celah, efisiensi rasio.",
}


@dataclass(frozen=True)
class Metode:
    """Fully resolved method: every field set."""

    capaian_turun: str
    tingkat_nilai: tuple[str, ...]
    capaian_ordinal: CapaianOrdinal
    skala: Skala | None
    skala_nama: str
    batas_capaian: BatasCapaian
    agregasi: Agregasi
    efisiensi: str
    pembulatan: Pembulatan
    pembulatan_anggaran: Pembulatan
    tampilkan_catatan_pemeriksaan: bool
    preset: str | None
    hitungan_portal: str = "tandai"  # aggregates the report does not print: "tandai" (marked) or "sembunyikan"
    skala_keseluruhan: Skala | None = None  # the overall capaian's scale (resolve sets it to ``skala`` when not given)
    skala_efisiensi: Skala | None = None  # categories of the efficiency value, if the report prints them


class MetodeError(ValueError):
    def __init__(self, pesan: str, jalur: tuple = ()):
        super().__init__(pesan)
        self.pesan = pesan
        self.jalur = jalur


def _overlay(base: dict[str, Any], top: MetodeParsial) -> dict[str, Any]:
    out = dict(base)
    for name in MetodeParsial.model_fields:
        value = getattr(top, name)
        if value is not None and name != "preset":
            out[name] = value
    return out


def resolve(*layers: MetodeParsial) -> Metode:
    """Merge layers in order (site default, report override); each layer's preset applies first."""
    merged = _overlay({}, _DEFAULT)
    preset_name = None
    for i, layer in enumerate(layers):
        if layer.preset is not None:
            if layer.preset not in PRESET:
                raise MetodeError(f"preset '{layer.preset}' tidak dikenal; pilih salah satu: {', '.join(sorted(PRESET))}", ("metode", "preset"))
            merged = _overlay(merged, PRESET[layer.preset])
            preset_name = layer.preset
        merged = _overlay(merged, layer)
    if merged["capaian_turun"] not in rumus.RUMUS_BAKU:
        try:
            rumus.periksa(merged["capaian_turun"])
        except rumus.RumusError as e:
            raise MetodeError(f"{e}; atau pakai 'dua_t_kurang_r' / 't_per_r'", ("metode", "capaian_turun")) from None
    skala, skala_nama = _skala(merged["skala"], "skala")
    keseluruhan = _skala(merged["skala_keseluruhan"], "skala_keseluruhan")[0] if merged.get("skala_keseluruhan") is not None else skala
    skala_efisiensi = _skala(merged["skala_efisiensi"], "skala_efisiensi")[0] if merged.get("skala_efisiensi") is not None else None
    return Metode(
        capaian_turun=merged["capaian_turun"],
        tingkat_nilai=tuple(merged["tingkat_nilai"]),
        capaian_ordinal=merged["capaian_ordinal"],
        skala=skala,
        skala_nama=skala_nama,
        batas_capaian=merged["batas_capaian"],
        agregasi=merged["agregasi"],
        efisiensi=merged["efisiensi"],
        pembulatan=merged["pembulatan"],
        pembulatan_anggaran=merged.get("pembulatan_anggaran") or merged["pembulatan"],
        tampilkan_catatan_pemeriksaan=merged["tampilkan_catatan_pemeriksaan"],
        preset=preset_name,
        hitungan_portal=merged["hitungan_portal"],
        skala_keseluruhan=keseluruhan,
        skala_efisiensi=skala_efisiensi,
    )


def _skala(value: str | Skala, kunci: str) -> tuple[Skala | None, str]:
    """A scale setting: a preset name, 'tanpa', or bands written out."""
    if not isinstance(value, str):
        return value, value.nama
    if value == TANPA_SKALA:
        return None, TANPA_SKALA
    if value in SKALA:
        return SKALA[value], value
    raise MetodeError(f"skala '{value}' tidak dikenal; pilih salah satu: {', '.join(sorted(SKALA))}, '{TANPA_SKALA}', atau tulis pita sendiri", ("metode", kunci))


# ---------------------------------------------------------------------------------------------------
# Scale validation: gaps and overlaps, with the exact interval


@dataclass(frozen=True)
class Batas:
    """A point on the number line with a side: value v, closed or open from the interval's point of view."""

    nilai: Decimal | None  # None = infinity
    inklusif: bool


def _fmt(v: Decimal | None, lower: bool) -> str:
    if v is None:
        return "−∞" if lower else "∞"
    return format(v.normalize(), "f").replace(".", ",")


def _interval(lo: Decimal | None, lo_ink: bool, hi: Decimal | None, hi_ink: bool) -> str:
    left = "[" if (lo_ink and lo is not None) else "("
    right = "]" if (hi_ink and hi is not None) else ")"
    return f"{left}{_fmt(lo, True)}; {_fmt(hi, False)}{right}"


def _lower_key(p: Pita) -> tuple:
    # sort by lower bound; -inf first; at equal value inclusive before exclusive
    return (0 if p.bawah is None else 1, p.bawah or 0, 0 if p.bawah_inklusif else 1)


def periksa_skala(skala: Skala) -> list[tuple[int | None, str]]:
    """Return (band index, message) for every empty band, gap and overlap in ``skala``; a scale that says what a
    value between or outside its bands gets (``celah`` other than ``tolak``) may have gaps and uncovered ends."""
    problems: list[tuple[int | None, str]] = []
    bercelah = skala.celah != "tolak"
    pita = list(enumerate(skala.pita))
    for i, p in pita:
        if p.bawah is not None and p.atas is not None:
            if p.bawah > p.atas or (p.bawah == p.atas and not (p.bawah_inklusif and p.atas_inklusif)):
                problems.append((i, f"pita '{p.predikat}' kosong: {_interval(p.bawah, p.bawah_inklusif, p.atas, p.atas_inklusif)}"))
    ordered = sorted(pita, key=lambda ip: _lower_key(ip[1]))
    # start of coverage
    lo_need, lo_need_ink = skala.rentang_bawah, True
    first_i, first = ordered[0]
    if not bercelah and first.bawah is not None and (lo_need is None or first.bawah > lo_need or (first.bawah == lo_need and not first.bawah_inklusif)):
        problems.append((first_i, f"nilai {_interval(lo_need, lo_need_ink, first.bawah, not first.bawah_inklusif)} tidak termasuk pita mana pun"))
    # walk consecutive bands
    for (ia, a), (ib, b) in zip(ordered, ordered[1:]):
        if a.atas is None:
            problems.append((ib, f"pita '{b.predikat}' tumpang tindih dengan '{a.predikat}' yang tidak berbatas atas"))
            continue
        if b.bawah is None:
            continue
        if b.bawah > a.atas or (b.bawah == a.atas and not a.atas_inklusif and not b.bawah_inklusif):
            if not bercelah:
                problems.append((ib, f"celah: nilai {_interval(a.atas, not a.atas_inklusif, b.bawah, not b.bawah_inklusif)} tidak termasuk pita mana pun (antara '{a.predikat}' dan '{b.predikat}')"))
        elif b.bawah < a.atas or (b.bawah == a.atas and a.atas_inklusif and b.bawah_inklusif):
            hi = min(a.atas, b.atas) if b.atas is not None else a.atas
            hi_ink = a.atas_inklusif if (b.atas is None or a.atas < b.atas) else (b.atas_inklusif and a.atas_inklusif)
            problems.append((ib, f"tumpang tindih: nilai {_interval(b.bawah, b.bawah_inklusif, hi, hi_ink)} termasuk '{a.predikat}' dan '{b.predikat}'"))
    last_i, last = max(pita, key=lambda ip: (1 if ip[1].atas is None else 0, ip[1].atas or 0, 1 if ip[1].atas_inklusif else 0))
    hi_need = skala.rentang_atas
    if not bercelah and last.atas is not None and (hi_need is None or last.atas < hi_need or (last.atas == hi_need and not last.atas_inklusif)):
        problems.append((last_i, f"nilai {_interval(last.atas, not last.atas_inklusif, hi_need, True)} tidak termasuk pita mana pun"))
    return problems


def predikat(skala: Skala, nilai: Decimal) -> Pita | None:
    for p in skala.pita:
        if p.bawah is not None and (nilai < p.bawah or (nilai == p.bawah and not p.bawah_inklusif)):
            continue
        if p.atas is not None and (nilai > p.atas or (nilai == p.atas and not p.atas_inklusif)):
            continue
        return p
    return _pita_terdekat(skala, nilai)


def _pita_terdekat(skala: Skala, nilai: Decimal) -> Pita | None:
    """A value in a gap or outside the bands of a scale as printed: the nearest band below or above, per ``celah``."""
    if skala.celah == "pita_bawah":
        bawah = [p for p in skala.pita if p.atas is not None and p.atas <= nilai]
        return max(bawah, key=lambda p: p.atas) if bawah else None  # type: ignore[arg-type,return-value]
    if skala.celah == "pita_atas":
        atas = [p for p in skala.pita if p.bawah is not None and p.bawah >= nilai]
        return min(atas, key=lambda p: p.bawah) if atas else None  # type: ignore[arg-type,return-value]
    return None

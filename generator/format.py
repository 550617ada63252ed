"""Indonesian presentation of numbers, money and dates (Babel, locale ``id_ID``) — never string hacks."""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_decimal

LOCALE = "id_ID"
KOSONG = "–"


def _places(x: Decimal) -> int:
    exp = x.as_tuple().exponent
    return -exp if isinstance(exp, int) and exp < 0 else 0


def angka(x: Any, desimal: int | None = None) -> str:
    """``Decimal('25493311518')`` → ``25.493.311.518``; ``Decimal('84.16')`` → ``84,16``. Keeps given decimals."""
    if x is None:
        return KOSONG
    if isinstance(x, bool) or not isinstance(x, (int, Decimal)):
        return str(x)
    d = Decimal(x)
    places = _places(d) if desimal is None else desimal
    pattern = "#,##0" + ("." + "0" * places if places else "")
    return format_decimal(d, format=pattern, locale=LOCALE, decimal_quantization=True)


def persen(x: Any, desimal: int | None = None) -> str:
    """``92.90`` → ``92,90%``."""
    if x is None:
        return KOSONG
    if not isinstance(x, (int, Decimal)):
        return str(x)
    return angka(x, desimal) + "%"


def rupiah(x: Any) -> str:
    """``15436201600`` → ``Rp 15.436.201.600`` (sen shown only when present)."""
    if x is None:
        return KOSONG
    d = Decimal(x)
    if d == d.to_integral_value():
        return "Rp " + angka(d.quantize(Decimal(1)))
    return "Rp " + angka(d, 2)


_SKALA_RUPIAH = ((Decimal(10) ** 12, "triliun"), (Decimal(10) ** 9, "miliar"), (Decimal(10) ** 6, "juta"))


def _satu_desimal(x: Decimal, desimal: int) -> str:
    """Round half-up (Babel alone would round half-even) and drop a trailing ``,0``: ``25.49`` → ``25,5``."""
    q = Decimal(x).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    return angka(q.normalize() if q == q.to_integral_value() else q, 0 if q == q.to_integral_value() else desimal)


def rupiah_ringkas(x: Any, desimal: int = 1) -> str:
    """Money in words for plain-language sentences: ``25493311518`` → ``Rp 25,5 miliar``; ``387850150`` →
    ``Rp 387,9 juta``; below a million the full amount (``Rp 950.000``). Rounded half-up."""
    if x is None:
        return KOSONG
    d = Decimal(x)
    for k, (satuan, nama) in enumerate(_SKALA_RUPIAH):
        if abs(d) >= satuan:
            q = abs(d / satuan).quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
            if q >= 1000 and k:  # 999.960.000 is "Rp 1 miliar", not "Rp 1.000 juta"
                satuan, nama = _SKALA_RUPIAH[k - 1]
            return f"Rp {_satu_desimal(d / satuan, desimal)} {nama}"
    return rupiah(d)


def persen_ringkas(x: Any, desimal: int = 1) -> str:
    """A percentage for plain-language sentences, rounded half-up to one decimal: ``94.3594`` → ``94,4%``."""
    if x is None:
        return KOSONG
    if not isinstance(x, (int, Decimal)):
        return str(x)
    d = Decimal(x)
    teks = _satu_desimal(d, desimal)
    while d < 100 and desimal < 6 and d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP) >= 100:
        desimal += 1  # 99,96% is not rounded up to a full 100%
        teks = _satu_desimal(d, desimal)
    return teks + "%"


SATUAN_PERSEN = ("persen", "%", "persentase")


def adalah_persen(satuan: str | None) -> bool:
    """Is a unit a percentage? (its changes are then percentage points)"""
    return bool(satuan) and satuan.strip().lower() in SATUAN_PERSEN  # type: ignore[union-attr]


def arah_teks(arah: str) -> str:
    """An indicator's direction in words."""
    return "makin tinggi makin baik" if arah == "naik" else "makin rendah makin baik"


def nilai(x: Any, satuan: str | None = None) -> str:
    """A target/realisasi with its unit: percentages get ``%``; grades stay as written."""
    if x is None:
        return KOSONG
    if isinstance(x, str):
        return x
    if adalah_persen(satuan):
        return persen(x)
    return angka(x)


BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"]


def tanggal(t: Any) -> str:
    """``Tanggal(2025, 2, 10)`` → ``10 Februari 2025``; month-only → ``Januari 2024``."""
    if t is None:
        return ""
    if isinstance(t, _dt.date):
        return format_date(t, "d MMMM y", locale="id")
    if t.hari is None:
        return format_date(_dt.date(t.tahun, t.bulan, 1), "MMMM y", locale="id")
    return format_date(_dt.date(t.tahun, t.bulan, t.hari), "d MMMM y", locale="id")


def nip(x: str | None) -> str:
    """Print NIP in its conventional grouping ``19710828 199803 1 004``."""
    if not x:
        return ""
    digits = x.replace(" ", "")
    if len(digits) != 18:
        return x
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"

"""Indonesian presentation of numbers, money and dates (Babel, locale ``id_ID``) — never string hacks."""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal
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

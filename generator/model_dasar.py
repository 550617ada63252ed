"""Scalar types of the data model (numbers as printed, rupiah, counts, dates, ids) and the base model.

Split from ``model.py`` so that the model of a report stays readable; ``model.py`` re-exports every name.
"""

from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import Annotated, Any, Union

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError


_ID_NUMBER = re.compile(r"^\s*(Rp\.?\s*)?[-+]?\d{1,3}(\.\d{3})+(,\d+)?\s*%?\s*$|^\s*(Rp\.?\s*)?[-+]?\d+,\d+\s*%?\s*$")
_PLAIN_NUMBER = re.compile(r"^\s*[-+]?\d+(\.\d+)?\s*$")


def indonesian_to_yaml_number(text: str) -> str | None:
    """``"84,16"`` → ``"84.16"``; ``"1.159"`` → ``"1159"``; ``"Rp 15.436.201.600"`` → ``"15436201600"``."""
    if not _ID_NUMBER.match(text):
        return None
    t = text.strip().removeprefix("Rp.").removeprefix("Rp").strip().rstrip("%").strip()
    return t.replace(".", "").replace(",", ".")


def _to_decimal(value: Any) -> Any:
    if isinstance(value, bool):
        raise PydanticCustomError("angka_bool", "harus berupa angka, bukan ya/tidak (true/false)")
    if isinstance(value, int):
        value = Decimal(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise PydanticCustomError("angka_tak_hingga", "harus berupa angka terhingga, bukan {nilai}", {"nilai": str(value)})
        if value.adjusted() > 18 or (value != 0 and value.adjusted() < -12):
            raise PydanticCustomError("angka_terlalu_besar", "angka terlalu besar atau terlalu kecil ({nilai}); periksa penulisannya", {"nilai": str(value)})
        return value
    if isinstance(value, float):  # only reachable when models are fed from Python, not from our loader
        return Decimal(repr(value))
    if isinstance(value, str):
        saran = indonesian_to_yaml_number(value)
        if saran is not None:
            raise PydanticCustomError(
                "angka_format_indonesia",
                'angka ditulis sebagai teks berformat Indonesia "{teks}"; di YAML tulis {saran} '
                "(titik untuk desimal, tanpa pemisah ribuan, tanpa tanda kutip)",
                {"teks": value, "saran": saran},
            )
        if _PLAIN_NUMBER.match(value):
            raise PydanticCustomError(
                "angka_dalam_kutip",
                'angka ditulis di dalam tanda kutip "{teks}"; tulis {saran} tanpa tanda kutip',
                {"teks": value, "saran": value.strip()},
            )
    raise PydanticCustomError("angka", "harus berupa angka (contoh: 92.90 atau 25493311518)")


Angka = Annotated[Decimal, BeforeValidator(_to_decimal)]
"""A number as the report prints it: exact decimal, printed precision kept."""


def _to_rupiah(value: Any) -> Any:
    d = _to_decimal(value)
    if d != d.quantize(Decimal("0.01")):
        raise PydanticCustomError("rupiah_desimal", "jumlah rupiah paling banyak 2 angka di belakang koma, tertulis {nilai}", {"nilai": str(d)})
    if d < 0:
        raise PydanticCustomError("rupiah_negatif", "jumlah rupiah tidak boleh negatif, tertulis {nilai}", {"nilai": str(d)})
    return d


Rupiah = Annotated[Decimal, BeforeValidator(_to_rupiah)]
"""Money in rupiah: non-negative, at most two decimals; sums are exact."""


def _to_count(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, str) and indonesian_to_yaml_number(value):
            return _to_decimal(value)  # raises the friendly message
        if isinstance(value, Decimal) and value == value.to_integral_value():
            return int(value)
        raise PydanticCustomError("bilangan_bulat", "harus berupa bilangan bulat (contoh: 46)")
    if value < 0:
        raise PydanticCustomError("bilangan_negatif", "tidak boleh negatif, tertulis {nilai}", {"nilai": value})
    return value


Jumlah = Annotated[int, BeforeValidator(_to_count)]
"""A head count or other whole number."""


def _to_value(value: Any) -> Any:
    """A target or realisasi: a number, or a grade/level text such as ``"B"`` (ordinal target)."""
    if isinstance(value, str):
        if indonesian_to_yaml_number(value) is not None or _PLAIN_NUMBER.match(value):
            return _to_decimal(value)  # raises the friendly message
        if not value.strip():
            raise PydanticCustomError("nilai_kosong", "nilai kosong; hapus baris ini atau tulis null")
        return value.strip()
    return _to_decimal(value)


Nilai = Annotated[Union[Decimal, str], BeforeValidator(_to_value)]
"""A target or realisasi: a number, or a grade such as ``"B"`` (see ``metode.tingkat_nilai``)."""


_TANGGAL = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")


class Tanggal(BaseModel):
    """A date that may be month-only (``2024-01``) as printed in "Penajam, Januari 2024"."""

    model_config = ConfigDict(frozen=True)
    tahun: int
    bulan: int
    hari: int | None = None


def _to_tanggal(value: Any) -> Any:
    if isinstance(value, Tanggal):
        return value
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return Tanggal(tahun=value.year, bulan=value.month, hari=value.day)
    if isinstance(value, str):
        m = _TANGGAL.match(value.strip())
        if m:
            y, mo, d = int(m[1]), int(m[2]), m[3]
            try:
                _dt.date(y, mo, int(d) if d else 1)
            except ValueError:
                pass
            else:
                return Tanggal(tahun=y, bulan=mo, hari=int(d) if d else None)
    raise PydanticCustomError(
        "tanggal",
        "tanggal harus ditulis TTTT-BB-HH (contoh: 2025-02-10) atau TTTT-BB bila hanya bulan (contoh: 2024-01)",
    )


TanggalField = Annotated[Tanggal, BeforeValidator(_to_tanggal)]

Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=80)]
"""A stable identifier: lower-case letters, digits, ``-``, ``_``, ``.`` (e.g. ``iku-pelatihan``)."""

Teks = Annotated[str, Field(max_length=200_000)]
"""Markdown text (paragraphs, lists, emphasis). Raw HTML is shown as text, never executed."""

Tahun = Annotated[int, Field(ge=1945, le=2100)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, str_strip_whitespace=True)


class SelGabung(Model):
    """Sel gabungan tabel bebas: {teks, lebar, tinggi}; baris hanya menulis sel yang mulai di baris itu."""

    teks: Union[str, int, Decimal, None] = None
    lebar: int = Field(1, ge=1, le=50, description="Jumlah kolom yang digabung ke kanan")
    tinggi: int = Field(1, ge=1, le=500, description="Jumlah baris yang digabung ke bawah")

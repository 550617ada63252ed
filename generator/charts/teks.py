"""Indonesian wording and number formatting for chart texts, labels and axis ticks (via :mod:`generator.format`)."""

from __future__ import annotations

import textwrap
from functools import lru_cache
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from .. import format as fmt

D = Decimal

_PERSEN = ("persen", "%", "persentase")
_AWALAN = ("level", "indeks", "nilai", "skor", "predikat", "tingkat", "kategori", "opini")


def is_persen(satuan: str | None) -> bool:
    return bool(satuan) and satuan.strip().lower() in _PERSEN  # type: ignore[union-attr]


def is_rupiah(satuan: str | None) -> bool:
    return bool(satuan) and satuan.strip().lower().rstrip(".") in ("rp", "rupiah")  # type: ignore[union-attr]


def dengan_satuan(x: Any, satuan: str | None) -> str:
    """A value in a sentence: ``60%``, ``3.898 orang``, ``level 3``, ``B``, ``Rp 7.290.242.400``."""
    if x is None:
        return fmt.KOSONG
    if isinstance(x, str):
        return x
    if is_persen(satuan):
        return fmt.persen(x)
    if is_rupiah(satuan):
        return fmt.rupiah(x)
    s = fmt.angka(x)
    if not satuan:
        return s
    u = satuan.strip()
    u = u if (u.isupper() and len(u) > 1) else u.lower()
    return f"{u} {s}" if u.lower() in _AWALAN else f"{s} {u}"


def sel(x: Any, satuan: str | None) -> str:
    """A value in a table cell (no unit words; ``%`` for percentages)."""
    if isinstance(x, str):
        return x
    return fmt.persen(x) if is_persen(satuan) else fmt.angka(x)


def sebagai_float(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, Decimal)) and not isinstance(x, bool) else None


def skala_rupiah(maks: float) -> tuple[float, str]:
    for div, nama in ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"), (1e3, "ribu")):
        if maks >= div:
            return div, nama
    return 1.0, ""


def singkat(x: Decimal | None, div: float) -> str | None:
    if x is None:
        return None
    q = (D(x) / D(repr(div))).quantize(D("0.01"), rounding=ROUND_HALF_UP) if div != 1 else D(x)
    return fmt.angka(q)


def rentang(tahun: list[int]) -> str:
    return str(tahun[0]) if len(tahun) == 1 or tahun[0] == tahun[-1] else f"{tahun[0]}–{tahun[-1]}"


def kalimat(s: str) -> str:
    s = s.strip()
    return s if s.endswith((".", "!", "?")) else s + "."


def gabung(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def bandingkan(now: Any, prev: Any) -> str:
    if not isinstance(now, Decimal) or not isinstance(prev, Decimal):
        return "berubah dari" if now != prev else "sama dengan"
    return "naik dari" if now > prev else "turun dari" if now < prev else "sama dengan"


def tick_text(v: float, jenis: str) -> str:
    """Axis tick in Indonesian: 12.5 → ``12,5``; 20000 → ``20.000``; percentages get ``%``."""
    return _tick_text(float(v), jenis)


@lru_cache(maxsize=4096)
def _tick_text(v: float, jenis: str) -> str:
    # memoised: matplotlib formats every tick again each time the ticks are updated (~70 times per chart)
    x = round(v, 2)
    if x == 0:
        x = 0.0
    d = D(repr(x))
    d = d.quantize(D(1)) if d == d.to_integral_value() else d.normalize()
    s = fmt.angka(d)
    return s + "%" if jenis == "persen" else s


def wrap(text: str, width: int, lines: int) -> str:
    parts = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(parts)

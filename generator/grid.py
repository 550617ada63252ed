"""Free tables with merged cells: a row lists only the cells that start in it (as HTML does); a cell may span
columns (``lebar``) and rows (``tinggi``). This module lays the rows out on the table's grid once, for
validation (every row filled exactly), rendering (each cell's column), the audit's column sums and charts (a
column's values: a merged cell counts once, where it starts).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Letak:
    kolom: int  # 0-based column where the cell starts
    nilai: Any  # the cell's value (text, number or None)
    lebar: int = 1
    tinggi: int = 1


def nilai_sel(sel: Any) -> Any:
    """The value of a cell written plainly or as ``{teks, lebar, tinggi}``."""
    return getattr(sel, "teks", sel) if hasattr(sel, "lebar") else sel


def tata(baris: list[list[Any]], n: int) -> tuple[list[list[Letak]], list[tuple[int, str]]]:
    """Each row's cells with their column, and the problems ``(row, message)`` of rows that do not fill ``n``."""
    tertutup: dict[tuple[int, int], bool] = {}
    out: list[list[Letak]] = []
    salah: list[tuple[int, str]] = []
    for r, row in enumerate(baris):
        letak: list[Letak] = []
        c = 0
        dari_atas = sum(1 for (rr, _) in tertutup if rr == r)  # columns filled by cells merged down from above
        for sel in row:
            while (r, c) in tertutup:
                c += 1
            lebar, tinggi = getattr(sel, "lebar", 1), getattr(sel, "tinggi", 1)
            letak.append(Letak(c, nilai_sel(sel), lebar, tinggi))
            if r + tinggi > len(baris):
                salah.append((r, f"sel di kolom {c + 1} digabung {tinggi} baris ke bawah, padahal tabel hanya punya {len(baris) - r} baris dari sini"))
            for dr in range(tinggi):
                for dc in range(lebar):
                    tertutup[(r + dr, c + dc)] = True
            c += lebar
        isi = sum(1 for (rr, _) in tertutup if rr == r)
        if isi != n:
            gabung = " (termasuk sel gabungan dari baris di atasnya)" if dari_atas else ""
            salah.append((r, f"baris {r + 1} mengisi {isi} kolom{gabung}, padahal tabel punya {n} kolom; tambahkan null untuk sel kosong"))
        out.append(letak)
    return out, salah


def kolom(baris: list[list[Any]], n: int, k: int) -> list[Any]:
    """The values of column ``k`` (0-based), one per row: a cell merged into it from the left or from above is None."""
    tertata, _ = tata(baris, n)
    return [next((x.nilai for x in row if x.kolom == k), None) for row in tertata]

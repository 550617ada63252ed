"""Audit: compare what the source report printed with what the data computes.

:mod:`.periksa` compares every printed value and marks knock-ons of earlier findings; :mod:`.akar` traces budget
differences to the line that causes them; :mod:`.susun` groups knock-ons under their cause and the report's
rounding-only differences into one finding. Messages name another formula or setting the printed value matches
(:mod:`.petunjuk`).
"""

from __future__ import annotations

from ..compute import HasilLaporan
from ..validate import BerkasLaporan
from .akar import akar_anggaran
from .periksa import _Audit, periksa
from .susun import susun
from .temuan import MATERIAL, PEMBULATAN, TINGKAT, Temuan, mode_lain, sama

__all__ = ["MATERIAL", "PEMBULATAN", "TINGKAT", "Temuan", "audit", "mode_lain", "sama"]


def audit(b: BerkasLaporan, h: HasilLaporan) -> list[Temuan]:
    """The report's findings, root causes only: material ones in report order, then rounding-only ones."""
    a = _Audit(b, h)
    periksa(a)
    akar_anggaran(a)
    return susun(a.out)

"""One audit finding (:class:`Temuan`) and the comparison rules every check shares.

A finding has a severity (``tingkat``): ``material`` — the printed value is another number — or ``pembulatan`` —
the printed value is the computed one rounded or truncated another way. A finding that follows from another one
(a total that differs because one of its lines differs) is a knock-on: it names its cause (``sebab``) and is
listed under that cause (``turunan``) rather than on its own. The truncations of one report are grouped into one
finding whose items are ``rincian``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from ..compute import bulat_seperti
from ..load import Lokasi, format_path

MATERIAL, PEMBULATAN = "material", "pembulatan"
TINGKAT = {MATERIAL: "selisih material", PEMBULATAN: "hanya pembulatan berbeda"}


@dataclass
class Temuan:
    lokasi: Lokasi
    jalur: tuple
    bidang: str  # which value: capaian, efisiensi, penyerapan, jumlah, …
    pesan: str
    tercetak: str
    dihitung: str
    akibat: str | None = None  # the cause when this one is a knock-on ("akibat dari …"; same as ``sebab``)
    selisih: Decimal | None = None  # printed minus computed (as compared), when both are numbers
    satuan_selisih: str = ""  # how the difference reads: "persen" (percentage points), "rupiah", "angka"
    pembulatan: bool = False  # only the rounding differs: the printed value is the computed one rounded another way
    tingkat: str = ""  # material | pembulatan (default: from ``pembulatan``)
    turunan: list["Temuan"] = field(default_factory=list)  # knock-on effects of this one, grouped under it
    rincian: list["Temuan"] = field(default_factory=list)  # the findings a group finding stands for
    akar: list["Temuan"] = field(default_factory=list, repr=False, compare=False)  # causes, while auditing

    def __post_init__(self) -> None:
        if not self.tingkat:
            self.tingkat = PEMBULATAN if self.pembulatan else MATERIAL

    @property
    def sebab(self) -> str | None:
        """The root cause of a knock-on (the same text the ``akibat`` field has always held)."""
        return self.akibat

    @property
    def kelompok(self) -> bool:
        return bool(self.rincian)

    def __str__(self) -> str:
        if self.kelompok:
            return f"{self.lokasi}: {self.pesan}"
        extra = f" (akibat dari: {self.akibat})" if self.akibat else ""
        return f"{self.lokasi}: {format_path(self.jalur)}: {self.pesan}: tercetak {self.tercetak}, dihitung {self.dihitung}{extra}"

    def baris_teks(self, indent: str = "    ") -> list[str]:
        """This finding, then its items and knock-ons indented under it (for ``lkip check``)."""
        out = [str(self)]
        for r in self.rincian:
            out += [indent + "- " + s.lstrip() if k == 0 else indent + s for k, s in enumerate(r.baris_teks(indent))]
        for t in self.turunan:
            out.append(f"{indent}akibat: {format_path(t.jalur)} ({t.lokasi.file}:{t.lokasi.line}): {t.pesan}: tercetak {t.tercetak}, dihitung {t.dihitung}")
        return out

    def semua(self) -> list["Temuan"]:
        """This finding, its items and knock-ons, depth first (every value the finding stands for)."""
        out = [self]
        for t in self.rincian + self.turunan:
            out += t.semua()
        return out

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "berkas": self.lokasi.file, "baris": self.lokasi.line, "kolom": self.lokasi.col,
            "jalur": format_path(self.jalur), "bidang": self.bidang, "pesan": self.pesan,
            "tercetak": self.tercetak, "dihitung": self.dihitung, "akibat": self.akibat,
            "tingkat": self.tingkat, "sebab": self.sebab,
        }
        d["turunan"] = [t.as_dict() for t in self.turunan]
        d["rincian"] = [t.as_dict() for t in self.rincian]
        return d


def sama(printed: Decimal | None, computed: Decimal | None, mode: str) -> bool:
    """Equal at the printed precision under the report's rounding mode."""
    if printed is None or computed is None:
        return True
    return bulat_seperti(computed, printed, mode) == printed


def mode_lain(printed: Decimal, computed: Decimal, mode: str) -> str | None:
    """When the printed value only matches under the *other* rounding mode, say which."""
    other = "potong" if mode == "setengah_ke_atas" else "setengah_ke_atas"
    if bulat_seperti(computed, printed, other) == printed:
        return "dipotong, padahal metode laporan membulatkan setengah ke atas" if other == "potong" else "dibulatkan setengah ke atas, padahal metode laporan memotong"
    return None

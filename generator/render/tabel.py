"""Table models (what a table shows: header rows, body rows, footer rows, cells) and the registry of builders.

Builders are pure functions ``(view, *args) -> TabelView | None`` registered under an explicit, stable key
(:func:`pembangun`). The key names the table's CSV (``<key>--<id of what it is about>``, see
:func:`kunci_csv`), so renaming a Python function never changes a published URL. Templates ask the view for a
table by key (``r.tabel("riwayat", hi)``) and only loop over its cells (``theme/templates/_fragmen.md.j2``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..check import Temuan
from ..model import Kolom
from .teks import KOSONG


@dataclass
class Tanda:
    """A reader-facing mark: the source printed a value that differs from the computed one."""

    no: int
    temuan: Temuan

    @property
    def teks(self) -> str:
        s = f"Laporan asli mencetak {self.temuan.tercetak}; hasil hitung {self.temuan.dihitung}"
        if self.temuan.akibat:
            s += f" (akibat dari {self.temuan.akibat})"
        return s


@dataclass
class Sel:
    teks: Any = KOSONG
    kepala: bool = False  # <th scope="row">
    angka: bool = False  # right-aligned number
    colspan: int = 1
    rowspan: int = 1
    tanda: list[Tanda] = field(default_factory=list)
    kelas: str = ""
    href: str | None = None
    scope: str = "row"
    portal: bool = False  # computed by the portal, not printed in the report: the mark "dihitung portal"

    def __post_init__(self) -> None:
        if self.teks is None or (isinstance(self.teks, str) and not self.teks.strip()):
            self.teks = KOSONG


@dataclass
class Kepala:
    teks: str
    colspan: int = 1
    rowspan: int = 1
    angka: bool = False

    @property
    def scope(self) -> str:
        return "colgroup" if self.colspan > 1 else "col"


@dataclass
class Baris:
    sel: list[Sel]
    kelas: str = ""
    id: str | None = None


@dataclass
class TabelView:
    judul: str
    kepala: list[list[Kepala]]
    baris: list[Baris]
    kaki: list[Baris] = field(default_factory=list)
    sumber: str | None = None
    catatan: str | None = None  # Markdown from YAML
    keterangan: list[str] = field(default_factory=list)  # generated plain-text notes
    nomor_tercetak: str | None = None
    tanda_tabel: list[Tanda] = field(default_factory=list)
    kelas: str = ""
    nomor: str = ""
    anchor: str = ""
    kunci: str = ""  # stable name of its CSV (set by LaporanView.tabel from the builder's registered key)

    @property
    def semua_tanda(self) -> list[Tanda]:
        """Each mark once, by number; a cause and its knock-ons share a number and are each listed (cause first)."""
        seen: dict[tuple[int, int], Tanda] = {}
        for t in self.tanda_tabel:
            seen.setdefault((t.no, id(t.temuan)), t)
        for b in self.baris + self.kaki:
            for s in b.sel:
                for t in s.tanda:
                    seen.setdefault((t.no, id(t.temuan)), t)
        return sorted(seen.values(), key=lambda t: (t.no, t.temuan.akibat is not None))

    @property
    def kosong(self) -> bool:
        return not self.baris and not self.kaki

    @property
    def susun(self) -> bool:
        """Whether the table is shown as stacked rows on a phone (lkip.css): four columns or more."""
        return len(self.label_kolom) >= 4

    @cached_property
    def label_kolom(self) -> list[str]:
        """Each leaf column's header as a short label: the leaf's text, after its group's (``2023 · Target``)."""
        grid: dict[tuple[int, int], Kepala] = {}
        for r, row in enumerate(self.kepala):
            c = 0
            for k in row:
                while (r, c) in grid:
                    c += 1
                for dr in range(k.rowspan):
                    for dc in range(k.colspan):
                        grid[(r + dr, c + dc)] = k
                c += k.colspan
        n = max((c + 1 for _, c in grid), default=0)
        out = []
        for c in range(n):
            parts: list[str] = []
            for r in range(len(self.kepala)):
                k = grid.get((r, c))
                if k is not None and (not parts or parts[-1] != k.teks) and str(k.teks).strip():
                    parts.append(str(k.teks))
            out.append(" · ".join(parts))
        return out

    def label_baris(self, daftar: list[Baris]) -> list[list[str]]:
        """The column label of every cell of ``daftar`` (rows of this table's body or footer), following row and
        column spans; empty for tables of fewer than three columns (they always fit) and for cells that span the
        table's width."""
        kolom = self.label_kolom
        if len(kolom) < 3:
            return [[""] * len(b.sel) for b in daftar]
        terisi: dict[tuple[int, int], bool] = {}
        out = []
        for r, b in enumerate(daftar):
            c, row = 0, []
            for s in b.sel:
                while (r, c) in terisi:
                    c += 1
                row.append(kolom[c] if c < len(kolom) and s.colspan < len(kolom) else "")
                for dr in range(s.rowspan):
                    for dc in range(s.colspan):
                        terisi[(r + dr, c + dc)] = True
                c += s.colspan
            out.append(row)
        return out


def kepala_sederhana(*judul: str | tuple[str, bool]) -> list[list[Kepala]]:
    row = []
    for j in judul:
        if isinstance(j, tuple):
            row.append(Kepala(j[0], angka=j[1]))
        else:
            row.append(Kepala(j))
    return [row]


def _daun(k: Kolom) -> int:
    return sum(_daun(s) for s in k.sub) if k.sub else 1


def _kedalaman(kolom: list[Kolom]) -> int:
    return max((1 + (_kedalaman(k.sub) if k.sub else 0) for k in kolom), default=1)


def kepala_bertingkat(kolom: list[Kolom]) -> tuple[list[list[Kepala]], list[Kolom]]:
    """Header rows for nested columns (colspan/rowspan) and the leaf columns in order."""
    depth = _kedalaman(kolom)
    rows: list[list[Kepala]] = [[] for _ in range(depth)]
    leaves: list[Kolom] = []

    def walk(ks: list[Kolom], level: int) -> None:
        for k in ks:
            if k.sub:
                rows[level].append(Kepala(k.judul, colspan=_daun(k)))
                walk(k.sub, level + 1)
            else:
                rows[level].append(Kepala(k.judul, rowspan=depth - level, angka=k.rata == "kanan"))
                leaves.append(k)

    walk(kolom, 0)
    return rows, leaves


# ---------------------------------------------------------------------------------------------------
# Registry of table builders

PEMBANGUN: dict[str, Callable[..., Any]] = {}


def pembangun(kunci: str, csv: str | None = None) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a table builder under ``kunci``; ``csv`` (default: the key) is the stem of its CSV name."""

    def daftar(f: Callable[..., Any]) -> Callable[..., Any]:
        assert "--" not in (csv or kunci) and kunci not in PEMBANGUN, kunci
        f.kunci_csv = csv or kunci  # type: ignore[attr-defined]
        PEMBANGUN[kunci] = f
        return f

    return daftar


def kunci_csv(nama: str, args: tuple, kwargs: dict[str, Any], id_pegawai: Callable[[int], str]) -> str:
    """A table's CSV name from what it shows: builder key, then the id of its indicator/table/chart."""
    parts = [nama]
    for k, v in [(None, a) for a in args] + list(kwargs.items()):
        if v is None or v is False:
            continue
        if nama == "pegawai" and isinstance(v, int) and not isinstance(v, bool):
            parts.append(id_pegawai(v))
        elif v is True:
            parts.append(str(k).replace("_", "-"))
        elif hasattr(v, "model") and hasattr(v.model, "id"):
            parts.append(v.model.id)
        elif hasattr(v, "id"):
            parts.append(str(v.id))
        elif isinstance(v, str):
            from ..opendata import slug

            parts.append(slug(v))
        elif isinstance(v, int) and len(parts) == 1:
            parts.append(str(v))
    return parts[0] + ("--" + "--".join(parts[1:]) if len(parts) > 1 else "")

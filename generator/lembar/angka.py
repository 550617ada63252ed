"""Cell values as Indonesian planners type them → exact ``Decimal``, text, dates.

Every parser takes a :class:`Sel` and returns a plain value or raises :class:`GalatSel` with a message in
Indonesian that says what to write instead. Numbers never pass through ``float`` arithmetic: a spreadsheet
number cell is stored as a binary double by the file format itself, so it is turned into the shortest decimal
text that reads back as the same double (``repr``), then into ``Decimal``.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

D = Decimal


class GalatSel(ValueError):
    """A cell that cannot be read; the caller adds file, sheet, cell and column."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass
class Sel:
    """One cell as read from a workbook: its value (None, str, Decimal, bool, date) and how it was formatted."""

    nilai: Any
    format: str = "General"  # number format (xlsx) or "0.00%"-like marker for ODS percentages
    persen: bool = False  # the value is a fraction shown as a percentage (0.929 shown as 92,9%)

    @property
    def kosong(self) -> bool:
        return self.nilai is None or (isinstance(self.nilai, str) and not bersih(self.nilai))


_SPASI = re.compile(r"[\s\u00a0\u2007\u202f\u200b]+")


def bersih(teks: str) -> str:
    """Collapse stray spaces (also non-breaking and zero-width ones) and trim."""
    return _SPASI.sub(" ", teks).strip()


def dari_float(x: float) -> Decimal:
    """The exact decimal a spreadsheet shows for a stored double (shortest round-trip text)."""
    if x != x or x in (float("inf"), float("-inf")):
        raise GalatSel("sel berisi nilai bukan angka (#NUM!/#DIV/0!); periksa rumusnya")
    d = D(repr(x))
    if d == d.to_integral_value() and d.as_tuple().exponent < 0:
        d = d.quantize(D(1))
    return d


def desimal_format(fmt: str) -> int | None:
    """Decimals a number format fixes (``#,##0.00`` → 2, ``0%`` → 0); None for General or free formats."""
    if not fmt or fmt.lower() == "general" or fmt == "@":
        return None
    bagian = fmt.split(";")[0]
    bagian = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", bagian)
    m = re.search(r"[0#]+(?:[.,]([0#]+))?", bagian)
    if not m:
        return None
    return len(m.group(1)) if m.group(1) else 0


_TANDA_KOSONG = {"-", "–", "—", "n/a", "na", "#n/a", "tidak ada", "nihil"}
_ID = re.compile(r"^[-+]?[1-9]\d{0,2}(\.\d{3})+(,\d+)?$")  # 1.234.567,89
_ID_KOMA = re.compile(r"^[-+]?\d+,\d+$")  # 92,9
_EN = re.compile(r"^[-+]?[1-9]\d{0,2}(,\d{3}){2,}(\.\d+)?$|^[-+]?[1-9]\d{0,2}(,\d{3})+\.\d+$")  # 1,234,567.89
_POLOS = re.compile(r"^[-+]?\d+(\.\d+)?$")  # 92.90 or 25493311518
_SATUAN_BELAKANG = re.compile(r"^(?P<angka>[-+]?[\d.,]+)\s*(?P<satuan>[A-Za-z][A-Za-z ./]*)$")


def teks_ke_angka(teks: str) -> tuple[Decimal, bool] | None:
    """``"1.234.567,89"`` → (1234567.89, False); ``"92,9%"`` → (92.9, True); None when it is not a number."""
    t = bersih(teks)
    persen = False
    t = re.sub(r"^(rp\.?|idr)\s*", "", t, flags=re.I)
    t = re.sub(r"\s*,-$|\s*\.-$", "", t)  # "Rp 293.450.307,-"
    if t.endswith("%"):
        persen, t = True, t[:-1].strip()
    negatif = False
    if t.startswith("(") and t.endswith(")"):  # accounting negative
        negatif, t = True, t[1:-1].strip()
    t = t.replace(" ", "")
    if _ID.match(t):
        s = t.replace(".", "").replace(",", ".")
    elif _ID_KOMA.match(t):
        s = t.replace(",", ".")
    elif _EN.match(t):
        s = t.replace(",", "")
    elif _POLOS.match(t):
        s = t
    else:
        return None
    try:
        d = D(s)
    except InvalidOperation:
        return None
    return (-d if negatif else d), persen


def _dari_sel_angka(sel: Sel) -> Decimal:
    v = sel.nilai
    if isinstance(v, float):
        v = dari_float(v)
    elif isinstance(v, int):
        v = D(v)
    if sel.persen:
        v = v * 100
        places = desimal_format(sel.format)
        if places is not None:
            v = v.quantize(D(1).scaleb(-places))
        elif v == v.to_integral_value():
            v = v.quantize(D(1))
        else:
            v = v.normalize()
    else:
        places = desimal_format(sel.format)
        if places is not None and places > 0 and v.as_tuple().exponent > -places:
            try:
                v = v.quantize(D(1).scaleb(-places))  # 92.9 shown as 92,90 keeps its printed decimals
            except InvalidOperation:
                pass
    return v


def angka(sel: Sel, boleh_satuan: bool = False) -> Decimal | None:
    """A number: spreadsheet number, or text in Indonesian (or English) notation; ``-`` means empty."""
    v = sel.nilai
    if sel.kosong:
        return None
    if isinstance(v, bool):
        raise GalatSel("harus berupa angka, bukan benar/salah (TRUE/FALSE)")
    if isinstance(v, (int, float, Decimal)):
        return _dari_sel_angka(sel)
    if isinstance(v, (_dt.date, _dt.datetime)):
        raise GalatSel("sel berformat tanggal; ubah format sel menjadi Angka lalu ketik ulang nilainya")
    t = bersih(str(v))
    if t.lower() in _TANDA_KOSONG:
        return None
    if t.startswith("="):
        raise GalatSel("rumus tidak dibaca dari teks; tulis hasilnya sebagai angka")
    hasil = teks_ke_angka(t)
    if hasil is None and boleh_satuan:
        m = _SATUAN_BELAKANG.match(t)
        if m:
            hasil = teks_ke_angka(m["angka"])
    if hasil is None:
        raise GalatSel(f"'{_potong(t)}' bukan angka; tulis mis. 1.234.567,89 atau 92,9% (koma untuk desimal, titik untuk ribuan)")
    return hasil[0]


def rupiah(sel: Sel) -> Decimal | None:
    d = angka(sel)
    if d is None:
        return None
    if d < 0:
        raise GalatSel(f"jumlah rupiah tidak boleh negatif ({d})")
    if d != d.quantize(D("0.01")):
        raise GalatSel(f"jumlah rupiah paling banyak 2 angka di belakang koma, tertulis {d}")
    if d.adjusted() > 17:
        raise GalatSel(f"angka terlalu besar ({d}); periksa penulisannya")
    return d.quantize(D(1)) if d == d.to_integral_value() else d


def bulat(sel: Sel) -> int | None:
    d = angka(sel)
    if d is None:
        return None
    if d != d.to_integral_value():
        raise GalatSel(f"harus bilangan bulat, tertulis {d}")
    if d < 0:
        raise GalatSel(f"tidak boleh negatif, tertulis {d}")
    return int(d)


def tahun(sel: Sel) -> int | None:
    n = bulat(sel)
    if n is not None and not 1945 <= n <= 2100:
        raise GalatSel(f"tahun {n} di luar rentang 1945–2100")
    return n


def nilai(sel: Sel) -> Decimal | str | None:
    """A target or realisasi: a number, or a grade/level such as ``B`` or ``Level 3``."""
    if sel.kosong:
        return None
    v = sel.nilai
    if isinstance(v, str):
        t = bersih(v)
        if t.lower() in _TANDA_KOSONG:
            return None
        if t.startswith("="):
            raise GalatSel("rumus tidak dibaca dari teks; tulis hasilnya")
        hasil = teks_ke_angka(t)
        if hasil is None:
            m = _SATUAN_BELAKANG.match(t)
            if m and teks_ke_angka(m["angka"]) is not None:  # "14 Orang", "1 Dokumen"
                return teks_ke_angka(m["angka"])[0]
            if len(t) > 60:
                raise GalatSel(f"'{_potong(t)}' bukan angka atau predikat singkat")
            return t
        return hasil[0]
    return angka(sel)


def teks(sel: Sel) -> str | None:
    """Text; a number cell becomes its plain digits (``1`` not ``1.0``), a date ``TTTT-BB-HH``."""
    v = sel.nilai
    if sel.kosong:
        return None
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, float):
        v = dari_float(v)
    if isinstance(v, (int, Decimal)):
        return format(v, "f")
    if isinstance(v, _dt.datetime):
        v = v.date()
    if isinstance(v, _dt.date):
        return v.isoformat()
    s = str(v).replace("\r\n", "\n").replace("\r", "\n")
    if "\n" in s:
        lines = [bersih(x) if x.strip() else "" for x in s.split("\n")]
        return "\n".join(lines).strip()
    return bersih(s)


def teks_satu_baris(sel: Sel) -> str | None:
    t = teks(sel)
    return bersih(t) if t is not None else None


_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def pengenal(sel: Sel) -> str | None:
    t = teks_satu_baris(sel)
    if t is None:
        return None
    if not _ID_PATTERN.match(t) or len(t) > 80:
        raise GalatSel(f"id '{_potong(t)}' hanya boleh huruf kecil, angka, '-', '_' dan '.', mis. 'iku-pelatihan'")
    return t


def daftar_id(sel: Sel) -> list[str] | None:
    """``prog-a, prog-b`` → ['prog-a', 'prog-b']."""
    t = teks_satu_baris(sel)
    if t is None:
        return None
    out = []
    for part in re.split(r"[,;\s]+", t):
        if not part:
            continue
        if not _ID_PATTERN.match(part):
            raise GalatSel(f"id '{_potong(part)}' tidak sah; pisahkan beberapa id dengan koma, mis. 'prog-a, prog-b'")
        out.append(part)
    return out


_YA = {"ya", "y", "iya", "true", "benar", "1", "x", "v", "✓", "iku"}
_TIDAK = {"tidak", "t", "tdk", "false", "salah", "0", "bukan", "no", "n"}


def ya_tidak(sel: Sel) -> bool | None:
    v = sel.nilai
    if sel.kosong:
        return None
    if isinstance(v, bool):
        return v
    t = (teks_satu_baris(sel) or "").lower()
    if t in _YA:
        return True
    if t in _TIDAK:
        return False
    raise GalatSel(f"tulis 'ya' atau 'tidak', tertulis '{_potong(t)}'")


def pilihan(sel: Sel, pilihan_: list[str], sinonim: dict[str, str] | None = None) -> str | None:
    t = teks_satu_baris(sel)
    if t is None:
        return None
    key = t.lower()
    for p in pilihan_:
        if p.lower() == key:
            return p
    if sinonim and key in sinonim:
        return sinonim[key]
    raise GalatSel(f"'{_potong(t)}' tidak dikenal; pilih salah satu: {', '.join(pilihan_)}")


BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "september": 9, "sep": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}


def tanggal(sel: Sel) -> _dt.date | str | None:
    """A date: a date cell, ``2025-02-10``, ``10/02/2025``, ``10 Februari 2025``; or month-only ``Januari 2024``."""
    v = sel.nilai
    if sel.kosong:
        return None
    if isinstance(v, _dt.datetime):
        return v.date()
    if isinstance(v, _dt.date):
        return v
    t = (teks_satu_baris(sel) or "")
    try:
        if m := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", t):
            return _dt.date(int(m[1]), int(m[2]), int(m[3]))
        if m := re.match(r"^(\d{4})-(\d{1,2})$", t):
            _dt.date(int(m[1]), int(m[2]), 1)
            return f"{int(m[1]):04d}-{int(m[2]):02d}"
        if m := re.match(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$", t):
            return _dt.date(int(m[3]), int(m[2]), int(m[1]))
        if m := re.match(r"^(\d{1,2})\s+([A-Za-z]+)\s+(\d{4})$", t):
            if m[2].lower() in BULAN:
                return _dt.date(int(m[3]), BULAN[m[2].lower()], int(m[1]))
        if m := re.match(r"^([A-Za-z]+)\s+(\d{4})$", t):
            if m[1].lower() in BULAN:
                return f"{int(m[2]):04d}-{BULAN[m[1].lower()]:02d}"
    except ValueError:
        raise GalatSel(f"tanggal '{_potong(t)}' tidak ada di kalender") from None
    raise GalatSel(f"'{_potong(t)}' bukan tanggal; tulis mis. 10 Februari 2025, 2025-02-10, atau Januari 2024 bila hanya bulan")


def nip(sel: Sel) -> str | None:
    v = sel.nilai
    if isinstance(v, (int, float, Decimal)) and not isinstance(v, bool):
        raise GalatSel("NIP diketik sebagai angka sehingga digit terakhirnya hilang; format sel sebagai Teks lalu ketik ulang")
    t = teks_satu_baris(sel)
    if t is None:
        return None
    t = t.lstrip("'")
    if not re.match(r"^\d{8} ?\d{6} ?\d ?\d{3}$", t):
        raise GalatSel(f"NIP '{_potong(t)}' harus 18 digit, boleh dengan spasi, mis. '19710828 199803 1 004'")
    return t


def _potong(t: str, n: int = 40) -> str:
    return t if len(t) <= n else t[: n - 1] + "…"

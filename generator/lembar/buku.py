"""Read ``.xlsx``, ``.ods`` and ``.csv`` into plain cells, bounded in size and time.

A planner's file is untrusted input: it may be no zip at all, a zip bomb, a sheet of a million rows, or a
macro workbook. Each is refused with a message before anything big is read. Formulas are never evaluated:
the value the spreadsheet program cached when it saved the file is used (openpyxl ``data_only``), and formula
text is never returned as a value. Merged cells are filled with the value of their top-left cell.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from xml.etree import ElementTree as ET

from .angka import Sel

MAKS_BERKAS = 20 * 1024 * 1024  # a filled workbook is < 1 MB; a regional export < 5 MB
MAKS_TERURAI = 150 * 1024 * 1024  # all XML members together, uncompressed
MAKS_ANGGOTA = 80 * 1024 * 1024  # one member, uncompressed
MAKS_RASIO = 200  # uncompressed / compressed for one member above 1 MB: beyond this is a bomb, not a sheet
MAKS_BARIS = 20_000  # non-empty rows per sheet (a budget export of a big agency has a few thousand)
MAKS_KOLOM = 200


class GalatBerkas(Exception):
    """The file as a whole cannot be read (format, size, macros)."""

    def __init__(self, pesan: str):
        super().__init__(pesan)
        self.pesan = pesan


@dataclass
class Lembar:
    nama: str
    sel: dict[tuple[int, int], Sel] = field(default_factory=dict)  # (row, col), 1-based
    maks_baris: int = 0
    maks_kolom: int = 0

    def get(self, r: int, c: int) -> Sel:
        return self.sel.get((r, c)) or Sel(None)

    def taruh(self, r: int, c: int, s: Sel) -> None:
        if s.kosong:
            return
        if c > MAKS_KOLOM:
            return  # stray cells far to the right carry no data we read
        self.sel[(r, c)] = s
        self.maks_baris = max(self.maks_baris, r)
        self.maks_kolom = max(self.maks_kolom, c)

    def baris_kosong(self, r: int) -> bool:
        return all(self.get(r, c).kosong for c in range(1, self.maks_kolom + 1))

    def isi_gabungan(self, r1: int, c1: int, r2: int, c2: int) -> None:
        """Fill a merged range with its top-left value (merged sasaran cells span their indicators' rows)."""
        top = self.sel.get((r1, c1))
        if top is None:
            return
        for r in range(r1, min(r2, r1 + MAKS_BARIS) + 1):
            for c in range(c1, min(c2, MAKS_KOLOM) + 1):
                if (r, c) != (r1, c1) and (r, c) not in self.sel:
                    self.taruh(r, c, Sel(top.nilai, top.format, top.persen))


@dataclass
class Buku:
    berkas: str  # file name as shown in messages
    lembar: list[Lembar]


def kolom_huruf(c: int) -> str:
    out = ""
    while c:
        c, rem = divmod(c - 1, 26)
        out = chr(65 + rem) + out
    return out


def baca(path: Path) -> Buku:
    name = path.name
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise GalatBerkas(f"{name}: berkas tidak dapat dibaca ({exc.strerror})") from None
    if size > MAKS_BERKAS:
        raise GalatBerkas(f"{name}: berkas terlalu besar ({size // 1024 // 1024} MB; batas {MAKS_BERKAS // 1024 // 1024} MB)")
    ext = path.suffix.lower()
    if ext in (".xlsm", ".xltm", ".xlsb"):
        raise GalatBerkas(f"{name}: buku kerja bermakro ({ext}) tidak diterima; simpan sebagai .xlsx (Excel Workbook) lalu impor ulang")
    if ext == ".xls":
        raise GalatBerkas(f"{name}: format .xls (Excel 97–2003) tidak dibaca; buka di Excel/LibreOffice lalu simpan sebagai .xlsx")
    if ext == ".csv" or ext == ".txt":
        return Buku(name, [_baca_csv(path, name)])
    if ext in (".xlsx", ".ods"):
        _periksa_zip(path, name)
        return Buku(name, _baca_xlsx(path, name) if ext == ".xlsx" else _baca_ods(path, name))
    raise GalatBerkas(f"{name}: jenis berkas '{ext or '(tanpa ekstensi)'}' tidak dikenal; pakai .xlsx, .ods atau .csv")


def _periksa_zip(path: Path, name: str) -> None:
    if not zipfile.is_zipfile(path):
        raise GalatBerkas(f"{name}: bukan buku kerja .xlsx/.ods yang sah (bukan arsip zip); apakah berkasnya rusak atau sebenarnya format lain? Simpan ulang dari Excel/LibreOffice")
    try:
        with zipfile.ZipFile(path) as z:
            total = 0
            for info in z.infolist():
                if info.filename.lower().endswith("vbaproject.bin"):
                    raise GalatBerkas(f"{name}: buku kerja memuat makro (VBA); simpan sebagai .xlsx tanpa makro lalu impor ulang")
                total += info.file_size
                if info.file_size > MAKS_ANGGOTA or (info.file_size > 1024 * 1024 and info.file_size > MAKS_RASIO * max(info.compress_size, 1)):
                    raise GalatBerkas(f"{name}: bagian '{info.filename}' terurai menjadi {info.file_size // 1024 // 1024} MB; terlalu besar untuk lembar isian (batas {MAKS_ANGGOTA // 1024 // 1024} MB)")
            if total > MAKS_TERURAI:
                raise GalatBerkas(f"{name}: isi berkas terurai menjadi {total // 1024 // 1024} MB; terlalu besar (batas {MAKS_TERURAI // 1024 // 1024} MB)")
    except zipfile.BadZipFile as exc:
        raise GalatBerkas(f"{name}: arsip zip rusak ({exc}); simpan ulang dari Excel/LibreOffice") from None


def _terlalu_banyak(name: str, lembar: str) -> GalatBerkas:
    return GalatBerkas(f"{name}!{lembar}: lebih dari {MAKS_BARIS:,} baris berisi; pecah lembarnya atau hapus baris yang tidak dipakai".replace(",", "."))


# ---------------------------------------------------------------------------------------------------
# xlsx


def _baca_xlsx(path: Path, name: str) -> list[Lembar]:
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise GalatBerkas(f"{name}: buku kerja tidak dapat dibaca ({type(exc).__name__}: {exc}); simpan ulang dari Excel/LibreOffice sebagai .xlsx") from None
    out = []
    try:
        with zipfile.ZipFile(path) as z:
            for ws in wb.worksheets:
                lem = Lembar(ws.title)
                if not hasattr(ws, "iter_rows"):
                    continue  # chart sheets
                for row in ws.iter_rows():
                    for cell in row:
                        v = getattr(cell, "value", None)
                        if v is None or cell.column is None:
                            continue
                        if cell.row > MAKS_BARIS * 5 or len(lem.sel) > MAKS_BARIS * MAKS_KOLOM:
                            raise _terlalu_banyak(name, ws.title)
                        if isinstance(v, str) and getattr(cell, "data_type", None) == "f":
                            v = None  # defensive: formula text never becomes a value
                        if isinstance(v, _dt.time):
                            v = v.isoformat()
                        fmt = cell.number_format or "General"
                        persen = isinstance(v, (int, float)) and not isinstance(v, bool) and "%" in fmt.replace('"%"', "")
                        lem.taruh(cell.row, cell.column, Sel(v, fmt, persen))
                if len({r for r, _ in lem.sel}) > MAKS_BARIS:
                    raise _terlalu_banyak(name, ws.title)
                for r1, c1, r2, c2 in _gabungan_xlsx(z, getattr(ws, "_worksheet_path", None)):
                    lem.isi_gabungan(r1, c1, r2, c2)
                out.append(lem)
    finally:
        wb.close()
    return out


_REF = re.compile(r"^([A-Z]+)(\d+)$")


def _sel_ref(ref: str) -> tuple[int, int]:
    m = _REF.match(ref.replace("$", ""))
    if not m:
        raise ValueError(ref)
    c = 0
    for ch in m[1]:
        c = c * 26 + ord(ch) - 64
    return int(m[2]), c


def _gabungan_xlsx(z: zipfile.ZipFile, member: str | None) -> list[tuple[int, int, int, int]]:
    if not member:
        return []
    member = member.lstrip("/")
    out = []
    try:
        with z.open(member) as f:
            for _, el in ET.iterparse(f, events=("end",)):
                if el.tag.endswith("}mergeCell"):
                    ref = el.get("ref", "")
                    if ":" in ref:
                        a, b = ref.split(":", 1)
                        (r1, c1), (r2, c2) = _sel_ref(a), _sel_ref(b)
                        out.append((r1, c1, r2, c2))
                elif el.tag.endswith("}row"):
                    el.clear()
    except (KeyError, ET.ParseError, ValueError):
        return out
    return out


# ---------------------------------------------------------------------------------------------------
# ods


_NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}


def _q(prefix: str, tag: str) -> str:
    return f"{{{_NS[prefix]}}}{tag}"


_T_TABLE, _T_ROW, _T_CELL, _T_COVERED = _q("table", "table"), _q("table", "table-row"), _q("table", "table-cell"), _q("table", "covered-table-cell")
_T_P = _q("text", "p")


def _desimal_tampil(teks: str) -> int | None:
    m = re.search(r"\d[,.](\d+)\s*%?\s*$", teks)
    return len(m.group(1)) if m else None


def _sel_ods(el: ET.Element) -> Sel | None:
    vt = el.get(_q("office", "value-type"))
    paragraphs = ["".join(p.itertext()) for p in el.iter(_T_P)]
    teks = "\n".join(paragraphs)
    if vt in ("float", "currency", "percentage"):
        try:
            d = Decimal(el.get(_q("office", "value"), ""))
        except InvalidOperation:
            return Sel(teks or None)
        places = _desimal_tampil(teks)
        fmt = "0" + ("." + "0" * places if places else "")
        if vt == "percentage":
            return Sel(d, fmt + "%", True)
        return Sel(d, fmt if places else "General")
    if vt == "date":
        v = el.get(_q("office", "date-value"), "")
        try:
            return Sel(_dt.date.fromisoformat(v[:10]))
        except ValueError:
            return Sel(teks or None)
    if vt == "boolean":
        return Sel(el.get(_q("office", "boolean-value")) == "true")
    return Sel(teks) if teks.strip() else None


def _baca_ods(path: Path, name: str) -> list[Lembar]:
    out: list[Lembar] = []
    try:
        with zipfile.ZipFile(path) as z:
            try:
                f = z.open("content.xml")
            except KeyError:
                raise GalatBerkas(f"{name}: bukan lembar kerja OpenDocument (.ods) yang sah (content.xml tidak ada)") from None
            with f:
                lem: Lembar | None = None
                r = 0
                spans: list[tuple[int, int, int, int]] = []
                for event, el in ET.iterparse(f, events=("start", "end")):
                    if event == "start":
                        if el.tag == _T_TABLE:
                            lem, r, spans = Lembar(el.get(_q("table", "name"), f"Lembar{len(out) + 1}")), 0, []
                        continue
                    if el.tag == _T_ROW and lem is not None:
                        rep = int(el.get(_q("table", "number-rows-repeated"), "1") or 1)
                        cells = []
                        c = 0
                        for cel in el:
                            if cel.tag not in (_T_CELL, _T_COVERED):
                                continue
                            crep = int(cel.get(_q("table", "number-columns-repeated"), "1") or 1)
                            s = _sel_ods(cel) if cel.tag == _T_CELL else None
                            if s is not None:
                                for k in range(min(crep, MAKS_KOLOM)):
                                    cells.append((c + 1 + k, s))
                                rs = int(cel.get(_q("table", "number-rows-spanned"), "1") or 1)
                                cs = int(cel.get(_q("table", "number-columns-spanned"), "1") or 1)
                                if rs > 1 or cs > 1:
                                    spans.append((r + 1, c + 1, r + rs, c + cs))
                            c += crep
                        if cells:
                            for k in range(min(rep, MAKS_BARIS)):
                                for col, s in cells:
                                    lem.taruh(r + 1 + k, col, s)
                            if len({rr for rr, _ in lem.sel}) > MAKS_BARIS:
                                raise _terlalu_banyak(name, lem.nama)
                        r += rep
                        el.clear()
                    elif el.tag == _T_TABLE and lem is not None:
                        for sp in spans:
                            lem.isi_gabungan(*sp)
                        out.append(lem)
                        lem = None
                        el.clear()
    except ET.ParseError as exc:
        raise GalatBerkas(f"{name}: isi .ods rusak ({exc}); simpan ulang dari LibreOffice") from None
    except zipfile.BadZipFile as exc:
        raise GalatBerkas(f"{name}: arsip zip rusak ({exc})") from None
    return out


# ---------------------------------------------------------------------------------------------------
# csv


def _baca_csv(path: Path, name: str) -> Lembar:
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise GalatBerkas(f"{name}: bukan berkas teks CSV (memuat byte nol); apakah ini .xlsx yang diganti namanya?")
    if raw.startswith(b"PK\x03\x04"):
        raise GalatBerkas(f"{name}: berkas ini arsip zip (.xlsx/.ods), bukan CSV; pakai ekstensi yang sesuai")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    sample = "\n".join(text.splitlines()[:30])
    delim = max([";", ",", "\t", "|"], key=lambda d: sum(line.count(d) for line in sample.splitlines()))
    lem = Lembar(path.stem)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    try:
        for r, row in enumerate(reader, start=1):
            if r > MAKS_BARIS * 5:
                raise _terlalu_banyak(name, lem.nama)
            for c, v in enumerate(row, start=1):
                if v.strip():
                    lem.taruh(r, c, Sel(v))
    except csv.Error as exc:
        raise GalatBerkas(f"{name}: CSV tidak dapat dibaca ({exc})") from None
    if len({rr for rr, _ in lem.sel}) > MAKS_BARIS:
        raise _terlalu_banyak(name, lem.nama)
    return lem

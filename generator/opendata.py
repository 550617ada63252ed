"""Open data of one report: every table as CSV, the computed report as JSON (the print page: render/cetak.py).

Files (under the report's folder, so MkDocs copies them to the site as they are)::

    <slug>/<tahun>/data/laporan.json        the whole computed report (schema below)
    <slug>/<tahun>/data/<kunci>.csv         one table as shown on the page
    <slug>/<tahun>/cetak.md                 "Cetak / unduh": every chapter in order, for print / PDF

**CSV names** come from what a table *is*, never from its running number ("Tabel 3.2" shifts when a table is
added before it): the builder that made it plus the id of the thing it is about, e.g. ``realisasi-anggaran``,
``target-realisasi--iku-1`` (``tabel_target_realisasi`` for indicator ``iku-1``), ``bebas--<id>`` (a table
declared in YAML), ``grafik--<id>`` (a chart's data), ``pegawai--<id>``. ``--`` separates the builder from the
id (builder names never contain ``--``), so two names cannot collide. The same table shown on two pages (the
Perjanjian Kinerja in BAB II and in the Lampiran) is one file. Names are the same every year, so
``…/2023/data/realisasi-anggaran.csv`` and ``…/2024/data/realisasi-anggaran.csv`` are the same table.

**CSV content**: RFC 4180 (comma, ``"`` quoting, CRLF), UTF-8 *with* BOM — without it Excel opens UTF-8 as
ANSI and "–", "≥", "ⓘ" or names with diacritics come out garbled; every other reader (pandas ``utf-8-sig``,
LibreOffice, R) skips the BOM. One header line (multi-level headers joined with " – "), then the body rows,
then the footer rows (totals), exactly the rows of the page. Cells read as on the page (Indonesian numbers:
``25.493.311.518``, ``94,36%``, ``–`` for no data) — the CSV is the table, for people and spreadsheets; exact
machine values (numbers with a decimal point, ``null``) are in the JSON. A row header spanning rows is repeated
in each row; a cell spanning columns is written once, followed by empty cells. Audit marks (ⓘ) are left out
(the findings are in the JSON and on the audit page). A cell that starts with ``= + - @`` (and is not a plain
negative number) gets a leading ``'`` so no spreadsheet runs it as a formula.

**JSON** (``skema: "lkip-laporan/1"``): keys sorted, UTF-8, two-space indent, numbers written exactly from
``Decimal`` (never through float: ``25493311518``, ``94.36``); ``<``, ``>`` and ``&`` escaped as ``\\u003c`` …
so text from YAML is inert even if someone pastes the file into a page. Fields:

- ``instansi`` {slug, nama, nama_singkat, pemda}, ``tahun``, ``judul``, ``halaman`` (page URLs relative to the
  site root), ``situs`` (site_url or null);
- ``metode``: the resolved method (preset, formulas, scale bands, rounding; skala_keseluruhan: null = the same as
  skala, "tanpa" = no overall predikat, else its bands; skala_efisiensi: null or its bands) and ``uraian`` (the same rows as
  the "Metode perhitungan" table);
- ``capaian_keseluruhan``, ``predikat``, ``jumlah_per_predikat``;
- ``sasaran[]`` {id, kode, nama, tingkat, capaian, predikat, penyerapan, efisiensi, efisiensi_teks,
  efisiensi_kategori, indikator[]}; ``indikator_tujuan[]``; an indicator is {id, kode, nama, satuan, arah, iku, dihitung, target,
  realisasi, target_pk, target_pk_perubahan, capaian, capaian_untuk_predikat, predikat, target_akhir_renstra,
  capaian_renstra, riwayat[] {tahun, target, realisasi, capaian, sumber}, perubahan_realisasi,
  perubahan_capaian, anggaran (ids), penyerapan, efisiensi, efisiensi_teks, efisiensi_kategori, halaman, triwulan[] {tw, target,
  realisasi, capaian}};
- a computed value (``capaian``, ``penyerapan``, ``efisiensi``…) is {nilai: full precision, tampil: rounded
  as printed, alasan: why it could not be computed, or null};
- ``anggaran`` {pagu, pagu_perubahan, pagu_efektif, realisasi, penyerapan, sisa, program[]}, each node
  {id, kode, nama, tingkat (program/kegiatan/sub_kegiatan), pagu, pagu_perubahan, realisasi, penyerapan, sisa,
  rincian[]};
- ``evaluasi_akip``: null, or {komponen[] {nama, bobot, nilai, persen_bobot}, jumlah_bobot, jumlah_nilai} (the SAKIP
  evaluation components and their computed sums);
- ``catatan_pemeriksaan`` {ditampilkan, temuan[] {no, berkas, baris, kolom, jalur, bidang, pesan, tercetak,
  dihitung, akibat, tingkat (material/pembulatan), sebab (= akibat: the cause of a knock-on), turunan[] (knock-ons
  grouped under this cause, same fields), rincian[] (the items of a group finding, same fields)}} (empty when the
  report's method hides the audit);
- ``tabel[]`` {csv, judul, tempat[] {halaman, tabel}, baris, kolom[]}: every CSV of the report.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from .tautan import page_url

SKEMA = "lkip-laporan/1"
FOLDER = "data"
JSON_BERKAS = "laporan.json"
BOM = "\ufeff"
PENANDA_DATA = "<!-- lkip:data-terbuka -->"  # placed by index.md.j2, filled by render/laporan.py once every table is known
TINGKAT = ("program", "kegiatan", "sub_kegiatan")


# ---------------------------------------------------------------------------------------------------
# Names


def slug(teks: Any, maks: int = 60) -> str:
    """``"Renstra sebelum perubahan"`` → ``renstra-sebelum-perubahan`` (ASCII, for file names)."""
    s = unicodedata.normalize("NFKD", str(teks)).encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s[:maks].rstrip("-") or "tabel"


# ---------------------------------------------------------------------------------------------------
# CSV


def teks_polos(x: Any) -> str:
    """A cell as it reads: HTML from narrative/lists reduced to text, whitespace collapsed."""
    if x is None:
        return ""
    if hasattr(x, "__html__"):
        s = str(x.__html__())
        s = re.sub(r"</li>\s*<li[^>]*>", "; ", s)
        s = re.sub(r"<br\s*/?>|</(p|div|h\d|ul|ol)>", " ", s)
        return Markup(s).striptags()
    return " ".join(str(x).split())


_RUMUS = re.compile(r"^[=+\-@\t\r]")
_NEGATIF = re.compile(r"^-\d[\d.]*(,\d+)?%?$")


def aman_csv(s: str) -> str:
    """Neutralise spreadsheet formulas (OWASP CSV injection): a leading ``'`` makes the cell plain text."""
    if _RUMUS.match(s) and not _NEGATIF.match(s):
        return "'" + s
    return s


def _tata(rows: list[list[tuple[str, int, int]]], ulang_kolom: bool) -> list[list[str]]:
    """Lay out (text, colspan, rowspan) rows on a grid. A rowspan repeats its text below; a colspan repeats
    it to the right when ``ulang_kolom`` (headers) and leaves empty cells otherwise (body)."""
    grid: list[list[str]] = []
    bawa: dict[int, tuple[str, int]] = {}  # column → (text, rows still covered)
    for cells in rows:
        out: dict[int, str] = {}
        col = 0

        def pakai(c: int) -> None:  # a cell still covered by a rowspan from above: its text, one row less to go
            txt, n = bawa[c]
            out[c] = txt
            if n <= 1:
                del bawa[c]
            else:
                bawa[c] = (txt, n - 1)

        def bawaan() -> None:  # columns still covered by a rowspan from above
            nonlocal col
            while col in bawa:
                pakai(col)
                col += 1

        for teks, colspan, rowspan in cells:
            bawaan()
            for j in range(max(1, colspan)):
                v = teks if j == 0 or ulang_kolom else ""
                out[col + j] = v
                if rowspan > 1:
                    bawa[col + j] = (v, rowspan - 1)
            col += max(1, colspan)
        for c in sorted(k for k in bawa if k >= col):
            if c not in out:
                pakai(c)
        width = max(out) + 1 if out else 0
        grid.append([out.get(c, "") for c in range(width)])
    return grid


def kolom_csv(t: Any) -> list[str]:
    """The table's header rows flattened into one line: ``Target – 2024``."""
    grid = _tata([[(teks_polos(k.teks), k.colspan, k.rowspan) for k in row] for row in t.kepala], ulang_kolom=True)
    width = max((len(r) for r in grid), default=0)
    out = []
    for c in range(width):
        parts: list[str] = []
        for r in grid:
            v = r[c] if c < len(r) else ""
            if v and (not parts or parts[-1] != v):
                parts.append(v)
        out.append(" – ".join(parts))
    return out


def baris_csv(t: Any) -> list[list[str]]:
    """Body then footer rows, cells as they read on the page (marks left out)."""
    return _tata([[(teks_polos(s.teks), s.colspan, s.rowspan) for s in b.sel] for b in list(t.baris) + list(t.kaki)], ulang_kolom=False)


def csv_tabel(t: Any) -> tuple[bytes, list[str], int]:
    """(file bytes, header, number of data rows) of one table."""
    kepala = kolom_csv(t)
    rows = baris_csv(t)
    width = max([len(kepala)] + [len(r) for r in rows])
    kepala += [""] * (width - len(kepala))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([aman_csv(x) for x in kepala])
    for r in rows:
        w.writerow([aman_csv(x) for x in r + [""] * (width - len(r))])
    return (BOM + buf.getvalue()).encode("utf-8"), kepala, len(rows)


# ---------------------------------------------------------------------------------------------------
# The report's downloads


@dataclass
class BerkasCsv:
    nama: str  # file name inside data/
    data: bytes
    judul: str  # caption where it first appears
    kolom: list[str]
    baris: int
    tempat: list[tuple[str, str, str]] = field(default_factory=list)  # (page key, anchor, label "Tabel 3.2")


ZIP_BERKAS = "semua-tabel-csv.zip"


def zip_csv(u: "Unduhan") -> bytes:
    """Every CSV of a report in one ZIP, byte for byte the same for the same tables (fixed date, sorted, no extras)."""
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for b in sorted(u.berkas, key=lambda b: b.nama):
            info = zipfile.ZipInfo(u.nama_unduh(b.nama), date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            z.writestr(info, b.data, compresslevel=9)
    return buf.getvalue()


class Unduhan:
    """The CSV files of one report, registered as the templates print each table."""

    def __init__(self, slug_instansi: str, tahun: int):
        self.slug, self.tahun = slug_instansi, tahun
        self.berkas: list[BerkasCsv] = []
        self._kunci: dict[str, list[BerkasCsv]] = {}

    def daftar(self, t: Any, halaman: str, caption: Any, label: str, anchor: str = "") -> BerkasCsv:
        data, kolom, n = csv_tabel(t)
        kunci = getattr(t, "kunci", "") or "tabel--" + slug(t.judul)
        versi = self._kunci.setdefault(kunci, [])
        b = next((x for x in versi if x.data == data), None)
        if b is None:
            nama = f"{kunci}.csv" if not versi else f"{kunci}-{len(versi) + 1}.csv"
            b = BerkasCsv(nama, data, teks_polos(caption), kolom, n)
            versi.append(b)
            self.berkas.append(b)
        if (halaman, anchor, label) not in b.tempat:
            b.tempat.append((halaman, anchor, label))
        return b

    def nama_unduh(self, nama: str) -> str:
        """The file name a browser saves (``download`` attribute): says which report it came from."""
        return f"lkip-{self.slug}-{self.tahun}-{nama}"

    def rel(self, nama: str) -> str:
        """Path of a download relative to the site root."""
        return f"{self.slug}/{self.tahun}/{FOLDER}/{nama}"


# ---------------------------------------------------------------------------------------------------
# JSON


def _hasil(h: Any) -> dict | None:
    if h is None:
        return None
    return {"nilai": h.nilai, "tampil": h.tampil, "alasan": h.alasan}


def _node(n: Any) -> dict:
    return {"id": n.id, "kode": n.kode, "nama": n.nama, "tingkat": TINGKAT[n.tingkat], "pagu": n.pagu, "pagu_perubahan": n.pagu_perubahan,
            "realisasi": n.realisasi, "penyerapan": _hasil(n.penyerapan), "sisa": n.sisa, "rincian": [_node(a) for a in n.anak]}


def _indikator(r: Any, hi: Any) -> dict:
    ind = hi.model
    url = r.url_indikator(ind.id)
    return {
        "id": ind.id, "kode": ind.kode, "nama": ind.nama, "satuan": ind.satuan, "arah": ind.arah, "iku": ind.iku, "dihitung": bool(hi.dirata),
        "target": hi.target, "realisasi": hi.realisasi, "target_pk": hi.target_pk, "target_pk_perubahan": hi.target_pk_perubahan,
        "capaian": _hasil(hi.capaian), "capaian_untuk_predikat": hi.capaian_batas, "predikat": hi.predikat,
        "target_akhir_renstra": ind.target_akhir_renstra, "capaian_renstra": _hasil(hi.renstra),
        "riwayat": [{"tahun": x.tahun, "target": x.target, "realisasi": x.realisasi, "capaian": _hasil(x.capaian), "sumber": x.sumber} for x in hi.riwayat],
        "perubahan_realisasi": _hasil(hi.perubahan_realisasi), "perubahan_capaian": _hasil(hi.perubahan_capaian),
        "anggaran": list(ind.anggaran), "penyerapan": _hasil(hi.penyerapan), "efisiensi": _hasil(hi.efisiensi), "efisiensi_teks": hi.efisiensi_teks, "efisiensi_kategori": hi.efisiensi_kategori,
        "halaman": _dari_akar(r, url) if url else None,
        "triwulan": [{"tw": t.tw, "target": t.target, "realisasi": t.realisasi, "capaian": _hasil(t.capaian)} for t in hi.triwulan],
    }


def _evaluasi(he: Any) -> dict | None:
    if he is None:
        return None
    return {"komponen": [{"nama": k.nama, "bobot": k.bobot, "nilai": k.nilai, "persen_bobot": _hasil(k.persen)} for k in he.komponen],
            "jumlah_bobot": he.bobot, "jumlah_nilai": he.nilai}


def _dari_akar(r: Any, url: str) -> str:
    """A link made on the current page, as a path from the site root."""
    base = page_url(r.path(r.halaman_ini))
    path, _, anchor = url.partition("#")
    full = posixpath.normpath(posixpath.join(base, path)) + "/" if path else base
    return full + (f"#{anchor}" if anchor else "")


def _polos(x: Any) -> Any:
    """Pydantic models / dataclasses / tuples → plain dicts and lists."""
    if hasattr(x, "model_dump"):
        return _polos(x.model_dump())
    if dataclasses.is_dataclass(x) and not isinstance(x, type):
        return {f.name: _polos(getattr(x, f.name)) for f in dataclasses.fields(x)}
    if isinstance(x, dict):
        return {str(k): _polos(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [_polos(v) for v in x]
    return x


def data_laporan(r: Any, unduhan: Unduhan, halaman: list[str]) -> dict:
    """The computed report as plain data (see the module docstring for the fields); ``r``: the report's view
    from its Ringkasan page (links are made from there)."""
    h, m = r.h, r.metode
    metode = {
        "preset": m.preset, "capaian_turun": m.capaian_turun, "tingkat_nilai": list(m.tingkat_nilai), "capaian_ordinal": _polos(m.capaian_ordinal),
        "skala": _polos(m.skala) if m.skala else None, "skala_nama": m.skala_nama,
        "skala_keseluruhan": None if m.skala_keseluruhan == m.skala else _polos(m.skala_keseluruhan) if m.skala_keseluruhan else "tanpa",
        "skala_efisiensi": _polos(m.skala_efisiensi) if m.skala_efisiensi else None, "batas_capaian": _polos(m.batas_capaian), "agregasi": _polos(m.agregasi),
        "efisiensi": m.efisiensi, "pembulatan": _polos(m.pembulatan), "pembulatan_anggaran": _polos(m.pembulatan_anggaran),
        "uraian": [{"besaran": k, "cara": v} for k, v in r.uraian_metode()],
    }
    ang = h.anggaran
    tampil = r.catatan.tampil
    return {
        "skema": SKEMA,
        "instansi": {"slug": r.slug, "nama": r.profil.nama, "nama_singkat": r.profil.nama_singkat, "pemda": r.profil.pemda},
        "tahun": r.tahun,
        "judul": r.lap.judul,
        "situs": r.site.url,
        "halaman": {k: page_url(r.path(k)) for k in halaman},
        "metode": metode,
        "capaian_keseluruhan": _hasil(h.keseluruhan),
        "predikat": h.predikat,
        "jumlah_per_predikat": dict(h.jumlah_per_predikat),
        "sasaran": [{"id": s.model.id, "kode": s.model.kode, "nama": s.model.nama, "tingkat": s.model.tingkat, "capaian": _hasil(s.capaian), "predikat": s.predikat,
                     "penyerapan": _hasil(s.penyerapan), "efisiensi": _hasil(s.efisiensi), "efisiensi_teks": s.efisiensi_teks, "efisiensi_kategori": s.efisiensi_kategori,
                     "indikator": [_indikator(r, hi) for hi in s.indikator]} for s in h.sasaran],
        "indikator_tujuan": [_indikator(r, hi) for hi in h.indikator_tujuan],
        "anggaran": {"pagu": ang.pagu, "pagu_perubahan": ang.pagu_perubahan, "pagu_efektif": ang.pagu_efektif, "realisasi": ang.realisasi,
                     "penyerapan": _hasil(ang.penyerapan), "sisa": ang.sisa, "program": [_node(n) for n in ang.program]},
        "evaluasi_akip": _evaluasi(h.evaluasi),
        "catatan_pemeriksaan": {"ditampilkan": tampil, "temuan": [{"no": t.no, **t.temuan.as_dict()} for t in r.catatan.daftar] if tampil else []},
        "tabel": [{"csv": f"{FOLDER}/{b.nama}", "judul": b.judul, "tempat": [{"halaman": page_url(r.path(k)) + (f"#{a}" if a else ""), "tabel": label} for k, a, label in b.tempat],
                   "baris": b.baris, "kolom": b.kolom} for b in unduhan.berkas],
    }


def _angka(d: Decimal) -> str:
    if not d.is_finite():
        return "null"
    s = format(d, "f")
    return "0" if s in ("-0", "+0") else s


def teks_json(x: Any, indent: int = 0) -> str:
    """Deterministic JSON: sorted keys, Decimals as exact numbers, ``<>&`` and U+2028/9 escaped."""
    pad, pad1 = "\n" + "  " * indent, "\n" + "  " * (indent + 1)
    if x is None or isinstance(x, bool):
        return json.dumps(x)
    if isinstance(x, Decimal):
        return _angka(x)
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):  # not produced by the pipeline; kept exact through Decimal
        return _angka(Decimal(repr(x)))
    if isinstance(x, str):
        s = json.dumps(x, ensure_ascii=False)
        for a, b in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
            s = s.replace(a, b)
        return s
    if isinstance(x, dict):
        if not x:
            return "{}"
        items = [f"{pad1}{teks_json(str(k))}: {teks_json(v, indent + 1)}" for k, v in sorted(x.items(), key=lambda kv: str(kv[0]))]
        return "{" + ",".join(items) + pad + "}"
    if isinstance(x, (list, tuple)):
        if not x:
            return "[]"
        return "[" + ",".join(pad1 + teks_json(v, indent + 1) for v in x) + pad + "]"
    return teks_json(str(x), indent)


# ---------------------------------------------------------------------------------------------------
# Print page: every chapter in one page, ids unique, links pointing inside it

"""Stage 4b — charts: accessible, deterministic SVG figures that explain each result, cached and drawn in parallel.

How the renderer uses this module
=================================

Two calls. Planning is pure Python (no matplotlib, ~10 ms per report); drawing happens once per build::

    from generator.charts import plan_charts, render_charts

    jobs = []
    for inst, b, h, temuan in results:                       # pipeline.compute_repo(repo)
        specs = plan_charts(inst, b, h)                       # list[ChartSpec]; spec.chart is the Chart
        out = docs_dir / inst.slug / str(b.tahun)             # the report's output folder
        jobs.append((out, specs))
        ...                                                   # place [s.chart for s in specs] in the pages
    stats = render_charts(jobs, root / ".lkip-cache" / "charts")
    # stats = {"dirender": 3, "dari_cache": 24, "berkas": 27, "gagal": [], "detik": 1.2}
    for g in stats["gagal"]:
        print(f"peringatan: grafik gagal digambar: {g}", file=sys.stderr)

* ``Chart.posisi`` says where the figure belongs: ``indikator:<id>`` (target vs realisasi over the years, one
  per indicator, id ``ind-<indikator>-tren``), ``bab3`` (capaian of every indicator against 100 % with the
  rating bands, id ``capaian-iku``), ``bab3.realisasi_anggaran`` (pagu vs realisasi per program, id
  ``anggaran-program``; multi-year pagu per spending type, id ``anggaran-multi-tahun``), or the ``posisi`` a
  YAML ``grafik`` declares (id = the grafik's id). Several charts can share a posisi; keep the list order (the
  order the data is discussed in). Numbering ("Gambar 3.1") is the renderer's job.
* ``Chart.berkas`` is ``grafik/<id>.svg`` relative to the report's output folder (``<docs_dir>/<slug>/<tahun>/``);
  from a Markdown page in that folder write ``![{alt}](grafik/<id>.svg)`` (ids are unique per report). Put
  ``judul`` in the figure caption, ``deskripsi`` in a ``<details>`` or visually-hidden paragraph, and
  ``kolom``/``baris`` (already formatted Indonesian strings, e.g. ``25.493.311.518``, ``92,90%``) as a data
  table next to the chart; print ``sumber`` under it when not ``None``. The SVG itself also carries
  ``<title>`` (= ``alt``) and ``<desc>`` (= ``deskripsi``) with ``role="img"``, ``aria-labelledby``,
  ``aria-describedby`` and ``xml:lang="id"`` (read when the SVG is inlined or opened on its own).
* ``render_charts`` draws only charts whose SVG is not in the cache (file name = SHA-256 of the chart's data,
  its texts, the style and the code/matplotlib/Babel versions), so a rebuild without data changes draws
  nothing and editing one agency redraws only that agency's changed charts. It copies every SVG into
  ``<folder>/grafik/`` (an unchanged file is not rewritten, so mtimes stay) and deletes other ``*.svg`` files
  left in those ``grafik/`` folders by earlier builds — do not put other SVGs there. The cache folder is
  safe to delete (``.lkip-cache/`` is ignored by git); ``bersihkan_cache(cache_dir, jobs)`` removes entries a
  full build no longer uses. With ≥ 12 charts to draw it uses a process pool (``workers`` = CPU count by
  default; ``workers=1`` draws in-process). A chart that fails to draw gets a text-only placeholder SVG with
  the same title/desc (not cached) and is listed in ``stats["gagal"]``; the build goes on.
* Charts with fewer than 2 data points are not planned: a trend with one year, a budget with one program,
  a multi-year pagu with one year, a YAML grafik with fewer than two values. The exception is the per-report
  capaian chart, drawn as soon as one indicator has a capaian. Indicators whose values mix numbers and grades
  are skipped; grade-only indicators (``B``, ``BB``…) are drawn on the report's ``tingkat_nilai`` ladder.

Accessibility: Okabe–Ito colours restricted to those with ≥ 3:1 contrast on white, every series also has its
own hatch (bars) or marker/line style (lines), every mark has a direct value label (capaian labels also name
the predikat), rating bands are named in text, numbers use Babel ``id_ID`` through :mod:`generator.format`
(axes too, via ``FuncFormatter``; rupiah axes in juta/miliar/triliun with the unit in the axis title).
Figures are 6.4 in (460 pt) wide, 3.6 in high or taller for horizontal bars, text ≥ 9 pt; value labels that
would collide are rotated, category labels wrapped (≤ 3 lines) or slanted. Determinism: fixed
``svg.hashsalt`` and ``svg.id``, ``svg.fonttype = 'none'`` (text stays text), no date or creator metadata,
layout computed by this module (no layout engine), so the same data gives byte-identical files.

matplotlib is imported only inside the drawing functions of this module, never at import time.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import textwrap
import time
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

from . import format as fmt
from .model import indonesian_to_yaml_number

SUBFOLDER = "grafik"
D = Decimal

# ---------------------------------------------------------------------------------------------------
# Public data


@dataclass
class Chart:
    """What the renderer needs to place one figure; no drawing involved."""

    id: str
    posisi: str
    judul: str
    alt: str
    deskripsi: str
    kolom: list[str]
    baris: list[list[str]]
    berkas: str
    sumber: str | None = None


@dataclass
class ChartSpec:
    """A chart to draw: its :class:`Chart` texts plus neutral drawing instructions (plain JSON data)."""

    chart: Chart
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def kunci(self) -> str:
        """Cache key: hash of everything that ends up in the SVG, the style and the code version."""
        payload = {
            "id": self.chart.id,
            "alt": self.chart.alt,
            "deskripsi": self.chart.deskripsi,
            "data": self.data,
            "gaya": RC,
            "versi": _versi(),
        }
        raw = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        return hashlib.sha256(raw.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------------------------------------------
# Style (part of the cache key)

# Okabe–Ito colours that keep ≥ 3:1 contrast against white (orange, sky blue and yellow do not).
BIRU, MERAH, HIJAU, UNGU, HITAM = "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000"
# (colour, face, hatch, marker, linestyle) per series index; series 0 is solid, the others outlined + hatched.
GAYA = [
    (BIRU, BIRU, None, "o", "-"),
    (MERAH, "white", "///", "s", "--"),
    (HIJAU, "white", "\\\\\\", "^", "-."),
    (UNGU, "white", "xxx", "D", ":"),
    (HITAM, "white", "...", "v", "-"),
    (BIRU, "white", "---", "P", "--"),
    (MERAH, "white", "ooo", "X", "-."),
    (HIJAU, "white", "+++", "*", ":"),
]
TEKS = "#1a1a1a"
_LATAR = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.85}  # behind value labels
ABU = "#595959"  # 7:1 on white: axes, reference lines
PITA = ["#ececec", "#ffffff"]  # rating bands: alternating tints with dark named borders
LEBAR = 6.4  # inches; ≈ 460 pt
TINGGI = 3.6
FONT = 10.0
FONT_KECIL = 9.0
RC: dict[str, Any] = {
    "svg.hashsalt": "lkip-grafik",
    "svg.fonttype": "none",
    # layout uses the DejaVu Sans bundled with matplotlib; the SVG names Verdana-like fallbacks, then sans-serif
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans", "Bitstream Vera Sans", "Verdana"],
    "font.size": FONT,
    "axes.labelsize": FONT,
    "xtick.labelsize": FONT,
    "ytick.labelsize": FONT,
    "legend.fontsize": FONT,
    "text.color": TEKS,
    "axes.labelcolor": TEKS,
    "axes.edgecolor": ABU,
    "xtick.color": TEKS,
    "ytick.color": TEKS,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 0.8,
    "grid.color": "#d9d9d9",
    "grid.linewidth": 0.6,
    "hatch.linewidth": 1.0,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "axes.facecolor": "white",
    "axes.unicode_minus": False,
    "path.simplify": True,
}

_VERSI: str | None = None


def _versi() -> str:
    """Code version: this file's bytes plus the matplotlib and Babel versions (without importing them)."""
    global _VERSI
    if _VERSI is None:
        from importlib.metadata import version

        h = hashlib.sha256(Path(__file__).read_bytes())
        h.update(f"|mpl {version('matplotlib')}|babel {version('babel')}".encode())
        _VERSI = h.hexdigest()[:16]
    return _VERSI


# ---------------------------------------------------------------------------------------------------
# Formatting helpers (Indonesian, via generator.format)

_PERSEN = ("persen", "%", "persentase")
_AWALAN = ("level", "indeks", "nilai", "skor", "predikat", "tingkat", "kategori", "opini")


def _is_persen(satuan: str | None) -> bool:
    return bool(satuan) and satuan.strip().lower() in _PERSEN  # type: ignore[union-attr]


def _is_rupiah(satuan: str | None) -> bool:
    return bool(satuan) and satuan.strip().lower().rstrip(".") in ("rp", "rupiah")  # type: ignore[union-attr]


def _dengan_satuan(x: Any, satuan: str | None) -> str:
    """A value in a sentence: ``60%``, ``3.898 orang``, ``level 3``, ``B``, ``Rp 7.290.242.400``."""
    if x is None:
        return fmt.KOSONG
    if isinstance(x, str):
        return x
    if _is_persen(satuan):
        return fmt.persen(x)
    if _is_rupiah(satuan):
        return fmt.rupiah(x)
    s = fmt.angka(x)
    if not satuan:
        return s
    u = satuan.strip()
    u = u if (u.isupper() and len(u) > 1) else u.lower()
    return f"{u} {s}" if u.lower() in _AWALAN else f"{s} {u}"


def _sel(x: Any, satuan: str | None) -> str:
    """A value in a table cell (no unit words; ``%`` for percentages)."""
    if isinstance(x, str):
        return x
    return fmt.persen(x) if _is_persen(satuan) else fmt.angka(x)


def _f(x: Any) -> float | None:
    return float(x) if isinstance(x, (int, Decimal)) and not isinstance(x, bool) else None


def _skala_rupiah(maks: float) -> tuple[float, str]:
    for div, nama in ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta"), (1e3, "ribu")):
        if maks >= div:
            return div, nama
    return 1.0, ""


def _singkat(x: Decimal | None, div: float) -> str | None:
    if x is None:
        return None
    q = (D(x) / D(repr(div))).quantize(D("0.01"), rounding=ROUND_HALF_UP) if div != 1 else D(x)
    return fmt.angka(q)


def _rentang(tahun: list[int]) -> str:
    return str(tahun[0]) if len(tahun) == 1 or tahun[0] == tahun[-1] else f"{tahun[0]}–{tahun[-1]}"


def _kalimat(s: str) -> str:
    s = s.strip()
    return s if s.endswith((".", "!", "?")) else s + "."


def _gabung(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _bandingkan(now: Any, prev: Any) -> str:
    if not isinstance(now, Decimal) or not isinstance(prev, Decimal):
        return "berubah dari" if now != prev else "sama dengan"
    return "naik dari" if now > prev else "turun dari" if now < prev else "sama dengan"


def _file(chart_id: str) -> str:
    return f"{SUBFOLDER}/{chart_id}.svg"


# ---------------------------------------------------------------------------------------------------
# Planning (pure): one report → list[ChartSpec]


def plan_charts(inst, b, h) -> list[ChartSpec]:
    """What to draw for one report (``inst``: validate.Instansi, ``b``: validate.BerkasLaporan, ``h``: compute.HasilLaporan).

    Order: one trend per indicator (sasaran indicators, then tujuan indicators), the capaian overview, the
    budget per program, the multi-year pagu, then the YAML ``grafik`` entries in file order.
    """
    lap = b.model
    specs: list[ChartSpec] = []
    for hi in [*h.semua_indikator, *h.indikator_tujuan]:
        s = _plan_tren(hi, lap, h)
        if s:
            specs.append(s)
    for s in (_plan_capaian(lap, h), _plan_anggaran(h), _plan_multi_tahun(lap)):
        if s:
            specs.append(s)
    for g in lap.grafik:
        s = _plan_grafik(g, lap)
        if s:
            specs.append(s)
    # keep ids (and so file names) unique: YAML grafik keep theirs, generated ones get a suffix on collision
    taken = {g.id for g in lap.grafik}
    seen: set[str] = set()
    for s in specs:
        c = s.chart
        if c.id in seen or (c.id in taken and not s.data.get("yaml")):
            n = 2
            while f"{c.id}-{n}" in taken or f"{c.id}-{n}" in seen:
                n += 1
            c.id = f"{c.id}-{n}"
            c.berkas = _file(c.id)
        seen.add(c.id)
    return specs


def _plan_tren(hi, lap, h) -> ChartSpec | None:
    ind = hi.model
    y = lap.tahun
    rows = [(r.tahun, r.target, r.realisasi, r.capaian, r.sumber) for r in hi.riwayat if r.tahun < y]
    rows.append((y, hi.target, hi.realisasi, hi.capaian, "laporan ini"))
    rows = [r for r in rows if r[1] is not None or r[2] is not None]
    if len(rows) < 2:
        return None
    renstra = ind.target_akhir_renstra
    values = [v for r in rows for v in (r[1], r[2])] + [renstra]
    values = [v for v in values if v is not None]
    ordinal = all(isinstance(v, str) for v in values)
    if not ordinal and not all(isinstance(v, Decimal) for v in values):
        return None  # numbers mixed with grades: no common axis
    ladder = list(h.metode.tingkat_nilai)
    if ordinal and not all(v in ladder for v in values):
        return None
    satuan = ind.satuan
    tahun = [r[0] for r in rows]

    def pos(v: Any) -> float | None:
        if v is None:
            return None
        return float(ladder.index(v) + 1) if ordinal else float(v)

    seri = [
        {"nama": "Target", "nilai": [pos(r[1]) for r in rows], "label": [None if r[1] is None else _sel(r[1], satuan) for r in rows], "gaya": 1},
        {"nama": "Realisasi", "nilai": [pos(r[2]) for r in rows], "label": [None if r[2] is None else _sel(r[2], satuan) for r in rows], "gaya": 0},
    ]
    periode_akhir = lap.renstra.periode.akhir if lap.renstra else None
    label_renstra = f"Target akhir Renstra ({periode_akhir})" if periode_akhir else "Target akhir Renstra"
    acuan = []
    if renstra is not None:
        acuan.append({"nilai": pos(renstra), "label": f"{label_renstra}: {_sel(renstra, satuan)}"})

    # the finding, in words
    nama = ind.nama
    last = next((r for r in reversed(rows) if r[2] is not None), None)
    temuan: list[str] = []
    if last is not None:
        s = f"Realisasi {_dengan_satuan(last[2], satuan)} pada {last[0]}"
        prev = next((r for r in reversed(rows) if r[2] is not None and r[0] < last[0]), None)
        if prev is not None:
            s += f", {_bandingkan(last[2], prev[2])} {_dengan_satuan(prev[2], satuan)} pada {prev[0]}"
        if last[1] is not None:
            s += f"; target {_dengan_satuan(last[1], satuan)}"
        temuan.append(s)
    else:
        temuan.append(f"Belum ada realisasi; target {_dengan_satuan(rows[-1][1], satuan)} pada {rows[-1][0]}")
    finding = temuan[0]
    jenis_kata = "Grafik tingkat" if ordinal else "Grafik batang"
    alt = f"{jenis_kata} target dan realisasi {nama}, {_rentang(tahun)}. {_kalimat(finding)}"
    detail = []
    for ty, t, r, cap, _src in rows:
        part = f"{ty}: " + ", ".join(
            [f"target {_dengan_satuan(t, satuan)}" if t is not None else "target tidak tercantum",
             f"realisasi {_dengan_satuan(r, satuan)}" if r is not None else "realisasi tidak tercantum"])
        if cap is not None and cap.ada:
            part += f" (capaian {fmt.persen(cap.tampil)})"
        detail.append(part)
    desk = [alt, _kalimat("; ".join(detail))]
    if renstra is not None:
        s = f"{label_renstra}: {_dengan_satuan(renstra, satuan)}"
        if hi.renstra.ada:
            s += f"; realisasi {y} sama dengan {fmt.persen(hi.renstra.tampil)} dari target akhir itu"
        desk.append(_kalimat(s))
    if ind.arah == "turun":
        desk.append("Untuk indikator ini makin rendah nilainya makin baik.")
    if last is not None and last[0] == y and hi.capaian.ada:
        judul = f"{nama}: realisasi {_dengan_satuan(last[2], satuan)} pada {y}"
        judul += f" dari target {_dengan_satuan(hi.target, satuan)} (capaian {fmt.persen(hi.capaian.tampil)})" if hi.target is not None else ""
    else:
        judul = f"Target dan realisasi {nama}, {_rentang(tahun)}"
    kolom = ["Tahun", "Target", "Realisasi", "Capaian"]
    baris = [[str(ty), _sel(t, satuan) if t is not None else fmt.KOSONG, _sel(r, satuan) if r is not None else fmt.KOSONG,
              fmt.persen(cap.tampil) if cap is not None and cap.ada else fmt.KOSONG] for ty, t, r, cap, _ in rows]
    if renstra is not None:
        baris.append([label_renstra, _sel(renstra, satuan), fmt.KOSONG, fmt.persen(hi.renstra.tampil) if hi.renstra.ada else fmt.KOSONG])
    sumber = sorted({src for *_, src in rows if src != "laporan ini"})
    cid = f"ind-{ind.id}-tren"
    chart = Chart(cid, f"indikator:{ind.id}", judul, alt, " ".join(desk), kolom, baris, _file(cid),
                  "Diolah dari " + _gabung([f"LKIP {y}", *sumber]))
    data = {
        "bentuk": "batang", "arah": "v", "kategori": [str(t) for t in tahun], "seri": seri, "acuan": acuan,
        "sumbu": {"jenis": "persen" if _is_persen(satuan) else "angka", "pembagi": 1, "judul": None if _is_persen(satuan) or ordinal else satuan,
                  "tingkat": ladder if ordinal else None},
    }
    return ChartSpec(chart, data)


def _plan_capaian(lap, h) -> ChartSpec | None:
    inds = h.semua_indikator
    ada = [i for i in inds if i.capaian.ada]
    if not ada:
        return None
    y = lap.tahun
    skala = h.metode.skala
    kategori, nilai, label, kosong = [], [], [], []
    for i in inds:
        kategori.append(f"{i.model.kode}. {i.model.nama}" if i.model.kode and len(i.model.kode) <= 8 else i.model.nama)
        nilai.append(float(i.capaian.tampil) if i.capaian.ada else None)
        label.append((fmt.persen(i.capaian.tampil) + (f" ({i.predikat})" if i.predikat else "")) if i.capaian.ada else None)
        kosong.append(None if i.capaian.ada else f"tidak dihitung: {i.capaian.alasan}")
    pita = []
    if skala is not None:
        for p in skala.pita:
            pita.append({"bawah": _f(p.bawah), "atas": _f(p.atas), "label": p.predikat, "kode": p.kode})
    n, k = len(ada), sum(1 for i in ada if i.capaian.tampil >= 100)
    top = max(ada, key=lambda i: i.capaian.tampil)
    low = min(ada, key=lambda i: i.capaian.tampil)
    finding = f"{k} dari {n} indikator mencapai atau melampaui 100%"
    alt = f"Grafik batang capaian {n} indikator kinerja tahun {y} terhadap 100%: {finding}"
    if n > 1:
        alt += f"; tertinggi {top.model.nama} {fmt.persen(top.capaian.tampil)}, terendah {low.model.nama} {fmt.persen(low.capaian.tampil)}"
    else:
        alt += f"; {top.model.nama} {fmt.persen(top.capaian.tampil)}"
    alt = _kalimat(alt)
    desk = [alt]
    detail = []
    for i in inds:
        if i.capaian.ada:
            detail.append(f"{i.model.nama} {fmt.persen(i.capaian.tampil)}" + (f" ({i.predikat})" if i.predikat else ""))
        else:
            detail.append(f"{i.model.nama} tidak dihitung ({i.capaian.alasan})")
    desk.append(_kalimat("Capaian per indikator: " + "; ".join(detail)))
    if skala is not None:
        desk.append(_kalimat(f"Latar grafik menunjukkan pita predikat {skala.nama}: " + ", ".join(_pita_teks(p) for p in skala.pita)))
    judul = f"Capaian indikator kinerja {y}: {finding}"
    if h.keseluruhan.ada:
        rata = f"rata-rata capaian {fmt.persen(h.keseluruhan.tampil)}" + (f" ({h.predikat})" if h.predikat else "")
        judul += f"; {rata}"
        desk.append(_kalimat(rata[0].upper() + rata[1:]))
    kolom = ["Indikator", "Target", "Realisasi", "Capaian"] + (["Predikat"] if skala is not None else [])
    baris = []
    for i in inds:
        row = [i.model.nama, _sel(i.target, i.model.satuan) if i.target is not None else fmt.KOSONG,
               _sel(i.realisasi, i.model.satuan) if i.realisasi is not None else fmt.KOSONG,
               fmt.persen(i.capaian.tampil) if i.capaian.ada else fmt.KOSONG]
        if skala is not None:
            row.append(i.predikat or fmt.KOSONG)
        baris.append(row)
    cid = "capaian-iku"
    chart = Chart(cid, "bab3", judul, alt, " ".join(desk), kolom, baris, _file(cid), f"Diolah dari LKIP {y}")
    data = {
        "bentuk": "batang", "arah": "h", "kategori": kategori, "kosong": kosong,
        "seri": [{"nama": "Capaian", "nilai": nilai, "label": label, "gaya": 0}],
        "acuan": [{"nilai": 100.0, "label": "100%"}], "pita": pita,
        "sumbu": {"jenis": "persen", "pembagi": 1, "judul": "Capaian (%)", "tingkat": None},
    }
    return ChartSpec(chart, data)


def _pita_teks(p) -> str:
    """``Tinggi 76 sampai kurang dari 90``, ``Sangat Tinggi 90 ke atas``, ``Kurang Baik sampai 55``."""
    lo = None if p.bawah is None else fmt.angka(p.bawah)
    hi = None if p.atas is None else fmt.angka(p.atas)
    if lo is None:
        rng = f"sampai {hi}" if p.atas_inklusif else f"kurang dari {hi}"
    elif hi is None:
        rng = f"{lo} ke atas" if p.bawah_inklusif else f"lebih dari {lo}"
    else:
        rng = (f"{lo}" if p.bawah_inklusif else f"lebih dari {lo}") + (f" sampai {hi}" if p.atas_inklusif else f" sampai kurang dari {hi}")
    return f"{p.predikat} {rng}"


def _plan_anggaran(h) -> ChartSpec | None:
    progs = [p for p in h.anggaran.program if p.pagu_efektif is not None or p.realisasi is not None]
    if len(progs) < 2:
        return None
    y = h.tahun
    maks = max(float(v) for p in progs for v in (p.pagu_efektif, p.realisasi) if v is not None)
    div, unit = _skala_rupiah(maks)
    def skala(x: Decimal | None) -> float | None:
        return None if x is None else float(x) / div

    seri = [
        {"nama": "Pagu", "nilai": [skala(p.pagu_efektif) for p in progs], "label": [_singkat(p.pagu_efektif, div) for p in progs], "gaya": 1},
        {"nama": "Realisasi", "nilai": [skala(p.realisasi) for p in progs],
         "label": [None if p.realisasi is None else _singkat(p.realisasi, div) + (f" ({fmt.persen(p.penyerapan.tampil)})" if p.penyerapan.ada else "")
                   for p in progs],
         "gaya": 0},
    ]
    a = h.anggaran
    total = ""
    if a.realisasi is not None and a.pagu_efektif is not None:
        total = f"realisasi {fmt.rupiah(a.realisasi)} dari pagu {fmt.rupiah(a.pagu_efektif)}"
        if a.penyerapan.ada:
            total += f" ({fmt.persen(a.penyerapan.tampil)})"
    alt = f"Grafik batang pagu dan realisasi anggaran {len(progs)} program tahun {y}" + (f": {total}" if total else "")
    alt = _kalimat(alt)
    serap = [p for p in progs if p.penyerapan.ada]
    desk = [alt]
    if len(serap) > 1:
        t = max(serap, key=lambda p: p.penyerapan.tampil)
        lo = min(serap, key=lambda p: p.penyerapan.tampil)
        desk.append(f"Penyerapan tertinggi {t.nama} {fmt.persen(t.penyerapan.tampil)}; terendah {lo.nama} {fmt.persen(lo.penyerapan.tampil)}.")
    desk.append(_kalimat("Per program: " + "; ".join(
        f"{p.nama}: pagu {fmt.rupiah(p.pagu_efektif)}, realisasi {fmt.rupiah(p.realisasi)}" + (f" ({fmt.persen(p.penyerapan.tampil)})" if p.penyerapan.ada else "")
        for p in progs)))
    desk.append(f"Sumbu dan label angka dalam {unit} rupiah." if unit else "Sumbu dan label angka dalam rupiah.")
    judul = f"Realisasi anggaran per program {y}" + (f": {fmt.persen(a.penyerapan.tampil)} dari pagu terserap" if a.penyerapan.ada else "")
    kolom = ["Program", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan"]
    baris = [[p.nama, fmt.angka(p.pagu_efektif), fmt.angka(p.realisasi), fmt.persen(p.penyerapan.tampil) if p.penyerapan.ada else fmt.KOSONG] for p in progs]
    baris.append(["Jumlah", fmt.angka(a.pagu_efektif), fmt.angka(a.realisasi), fmt.persen(a.penyerapan.tampil) if a.penyerapan.ada else fmt.KOSONG])
    cid = "anggaran-program"
    chart = Chart(cid, "bab3.realisasi_anggaran", judul, alt, " ".join(desk), kolom, baris, _file(cid), f"Diolah dari LKIP {y}")
    data = {
        "bentuk": "batang", "arah": "h", "kategori": [p.nama for p in progs], "seri": seri,
        "sumbu": {"jenis": "angka", "pembagi": 1, "judul": f"Rupiah ({unit})" if unit else "Rupiah", "tingkat": None},
    }
    return ChartSpec(chart, data)


def _plan_multi_tahun(lap) -> ChartSpec | None:
    pmt = lap.anggaran.pagu_multi_tahun
    if pmt is None:
        return None
    tahun = sorted({t for r in pmt.baris for t, v in r.nilai.items() if v is not None})
    if len(tahun) < 2:
        return None
    rows = [r for r in pmt.baris if not r.total] or list(pmt.baris)
    vals = [float(v) for r in rows for v in r.nilai.values() if v is not None]
    div, unit = _skala_rupiah(max(vals) if vals else 0)
    seri = [{"nama": r.uraian, "nilai": [None if r.nilai.get(t) is None else float(r.nilai[t]) / div for t in tahun],
             "label": [_singkat(r.nilai.get(t), div) for t in tahun], "gaya": i} for i, r in enumerate(rows)]
    rng = _rentang(tahun)
    changes = []
    for r in rows:
        present = [t for t in tahun if r.nilai.get(t) is not None]
        if len(present) >= 2:
            a, z = r.nilai[present[0]], r.nilai[present[-1]]
            word = "naik" if z > a else "turun" if z < a else "tetap"
            changes.append(f"{r.uraian} {word} dari {fmt.rupiah(a)} ({present[0]}) menjadi {fmt.rupiah(z)} ({present[-1]})"
                           if word != "tetap" else f"{r.uraian} tetap {fmt.rupiah(a)} ({present[0]}–{present[-1]})")
    alt = _kalimat(f"Grafik batang pagu anggaran per jenis belanja, {rng}" + (f": {changes[0]}" if len(changes) == 1 else ""))
    desk = [alt]
    if len(changes) > 1:
        desk.append(_kalimat("; ".join(changes)))
    totals = [r for r in pmt.baris if r.total]
    for r in totals:
        desk.append(_kalimat(f"{r.uraian}: " + "; ".join(f"{t} {fmt.rupiah(r.nilai.get(t))}" for t in tahun if r.nilai.get(t) is not None)))
    desk.append(f"Sumbu dan label angka dalam {unit} rupiah." if unit else "Sumbu dan label angka dalam rupiah.")
    judul = pmt.judul or f"Pagu anggaran per jenis belanja, {rng}"
    kolom = ["Uraian"] + [f"{t} (Rp)" for t in tahun]
    baris = [[r.uraian] + [fmt.angka(r.nilai.get(t)) for t in tahun] for r in pmt.baris]
    cid = "anggaran-multi-tahun"
    chart = Chart(cid, "bab3.realisasi_anggaran", judul, alt, " ".join(desk), kolom, baris, _file(cid), f"Diolah dari LKIP {lap.tahun}")
    data = {
        "bentuk": "batang", "arah": "v", "kategori": [str(t) for t in tahun], "seri": seri,
        "sumbu": {"jenis": "angka", "pembagi": 1, "judul": f"Rupiah ({unit})" if unit else "Rupiah", "tingkat": None},
    }
    return ChartSpec(chart, data)


def _leaf_titles(kolom) -> list[str]:
    out: list[str] = []

    def walk(items, prefix: str) -> None:
        for k in items:
            name = f"{prefix} – {k.judul}" if prefix else k.judul
            if k.sub:
                walk(k.sub, name)
            else:
                out.append(name)

    walk(kolom, "")
    return out


def _cell_number(x: Any) -> Decimal | None:
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, Decimal)):
        return D(x)
    if isinstance(x, str):
        t = indonesian_to_yaml_number(x)
        if t is None:
            t = x.strip().rstrip("%").strip()
        try:
            d = D(t)
        except Exception:
            return None
        return d if d.is_finite() else None
    return None


def _cell_text(x: Any) -> str:
    if x is None:
        return ""
    if isinstance(x, (int, Decimal)) and not isinstance(x, bool):
        return fmt.angka(x)
    return str(x)


def _plan_grafik(g, lap) -> ChartSpec | None:
    """A chart declared in the YAML (``Laporan.grafik``), from table columns or inline values."""
    tabel = next((t for t in lap.tabel if t.id == g.tabel), None) if g.tabel else None
    head = "Kategori"
    if tabel is not None:
        titles = _leaf_titles(tabel.kolom)
        rows = tabel.baris
        if g.label_kolom and 1 <= g.label_kolom <= len(titles):
            labels = [_cell_text(r[g.label_kolom - 1]) if g.label_kolom - 1 < len(r) else "" for r in rows]
            head = titles[g.label_kolom - 1]
        elif g.label:
            labels = list(g.label)
        else:
            labels = [str(i + 1) for i in range(len(rows))]
    else:
        rows, titles = [], []
        labels = list(g.label or [])
    n = len(labels)
    series: list[tuple[str, list[Decimal | None]]] = []
    for s in g.seri:
        if s.kolom is not None and tabel is not None:
            col = s.kolom - 1
            vals = [_cell_number(r[col]) if col < len(r) else None for r in rows]
        elif s.nilai is not None:
            vals = list(s.nilai)
        else:
            continue
        vals = (vals + [None] * n)[:n]
        series.append((s.nama, vals))
    if not series:
        return None
    keep = [i for i in range(n) if any(v[i] is not None for _, v in series)]
    if sum(1 for _, v in series for i in keep if v[i] is not None) < 2:
        return None  # fewer than 2 data points (values, over all series)
    labels = [labels[i] for i in keep]
    series = [(nm, [v[i] for i in keep]) for nm, v in series]
    satuan = g.satuan
    persen, rupiah = _is_persen(satuan), _is_rupiah(satuan)
    div, unit = 1.0, ""
    if rupiah:
        div, unit = _skala_rupiah(max((float(x) for _, v in series for x in v if x is not None), default=0))
    jenis_kata = {"batang": "batang", "garis": "garis", "batang_bertumpuk": "batang bertumpuk"}[g.jenis]

    def lab(x: Decimal | None) -> str | None:
        if x is None:
            return None
        if rupiah:
            return _singkat(x, div)
        return fmt.persen(x) if persen else fmt.angka(x)

    seri = [{"nama": nm, "nilai": [None if x is None else float(x) / div for x in v], "label": [lab(x) for x in v], "gaya": i}
            for i, (nm, v) in enumerate(series)]
    # finding in words
    findings = []
    for nm, v in series:
        pts = [(labels[i], x) for i, x in enumerate(v) if x is not None]
        if not pts:
            continue
        pre = f"{nm}: " if len(series) > 1 else ""
        if g.jenis == "garis" and len(pts) >= 2:
            (la, a), (lz, z) = pts[0], pts[-1]
            word = "naik" if z > a else "turun" if z < a else "tetap"
            findings.append(f"{pre}{word} dari {_dengan_satuan(a, satuan)} ({la}) menjadi {_dengan_satuan(z, satuan)} ({lz})" if word != "tetap"
                            else f"{pre}tetap {_dengan_satuan(a, satuan)} dari {la} sampai {lz}")
        else:
            hi_ = max(pts, key=lambda p: p[1])
            lo_ = min(pts, key=lambda p: p[1])
            findings.append(f"{pre}tertinggi {hi_[0]} {_dengan_satuan(hi_[1], satuan)}, terendah {lo_[0]} {_dengan_satuan(lo_[1], satuan)}")
    if g.jenis == "batang_bertumpuk" and len(series) > 1:
        tot = [(labels[i], sum((v[i] for _, v in series if v[i] is not None), D(0))) for i in range(len(labels))]
        t = max(tot, key=lambda p: p[1])
        findings.insert(0, f"jumlah tertinggi {t[0]} {_dengan_satuan(t[1], satuan)}")
    alt = _kalimat(f"Grafik {jenis_kata} {g.judul}" + (f": {findings[0]}" if findings else ""))
    desk = [alt]
    if len(findings) > 1:
        desk.append(_kalimat("; ".join(findings[1:])))
    desk.append(_kalimat("Nilai: " + "; ".join(
        f"{labels[i]}: " + ", ".join(f"{nm} {_dengan_satuan(v[i], satuan)}" if len(series) > 1 else _dengan_satuan(v[i], satuan) for nm, v in series)
        for i in range(len(labels)))))
    if unit:
        desk.append(f"Sumbu dan label angka dalam {unit} rupiah.")
    kolom = [head] + [nm for nm, _ in series]
    baris = [[labels[i]] + [fmt.KOSONG if v[i] is None else (fmt.angka(v[i]) if rupiah else _sel(v[i], satuan)) for _, v in series] for i in range(len(labels))]
    sumber = g.sumber or (tabel.sumber if tabel is not None else None)
    chart = Chart(g.id, g.posisi, g.judul, alt, " ".join(desk), kolom, baris, _file(g.id), sumber)
    pendek = all(len(x) <= 12 for x in labels) and len(labels) * (1 if g.jenis != "batang" else len(series)) <= 24
    sumbu_judul = f"Rupiah ({unit})" if rupiah and unit else (None if persen else satuan)
    data = {
        "yaml": True,
        "bentuk": {"batang": "batang", "garis": "garis", "batang_bertumpuk": "tumpuk"}[g.jenis],
        "arah": "v" if (pendek or g.jenis == "garis") else "h",
        "kategori": labels, "seri": seri,
        "sumbu": {"jenis": "persen" if persen else "angka", "pembagi": 1, "judul": sumbu_judul, "tingkat": None},
    }
    return ChartSpec(chart, data)


# ---------------------------------------------------------------------------------------------------
# Drawing (matplotlib imported here only)


def _tick_text(v: float, jenis: str) -> str:
    """Axis tick in Indonesian: 12.5 → ``12,5``; 20000 → ``20.000``; percentages get ``%``."""
    x = round(float(v), 2)
    if x == 0:
        x = 0.0
    d = D(repr(x))
    d = d.quantize(D(1)) if d == d.to_integral_value() else d.normalize()
    s = fmt.angka(d)
    return s + "%" if jenis == "persen" else s


def _wrap(text: str, width: int, lines: int) -> str:
    parts = textwrap.wrap(text, width=width, break_long_words=True) or [""]
    if len(parts) > lines:
        parts = parts[:lines]
        parts[-1] = parts[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(parts)


def _overlap(boxes: list, gap: float = 2.0) -> bool:
    """Whether any two boxes (display px) overlap or come closer than ``gap``."""
    boxes = [b.expanded(1.0, 1.0).padded(gap / 2) for b in boxes if b is not None]
    for i in range(len(boxes)):
        for j in range(i + 1, len(boxes)):
            if boxes[i].overlaps(boxes[j]):
                return True
    return False


def draw_svg(spec: ChartSpec) -> bytes:
    """Draw one chart and return the SVG bytes (deterministic for the same spec)."""
    import matplotlib

    # per-chart salt: matplotlib's hashed ids (clip paths, markers, hatches) differ between the charts of a page
    with matplotlib.rc_context({**RC, "svg.id": f"grafik-{spec.chart.id}", "svg.hashsalt": f"{RC['svg.hashsalt']}-{spec.chart.id}"}):
        fig = _figure(spec.data)
        import io

        buf = io.BytesIO()
        fig.savefig(buf, format="svg", metadata={"Title": spec.chart.alt, "Date": None, "Creator": None, "Format": None,
                                                 "Type": None, "Language": "id"})
    return _accessible(buf.getvalue(), spec.chart)


def _accessible(svg: bytes, c: Chart) -> bytes:
    """Give the root ``<svg>`` role/lang/labels and put ``<desc>`` right after matplotlib's ``<title>``."""
    text = svg.decode("utf-8")
    tid, did = f"grafik-{c.id}-judul", f"grafik-{c.id}-desk"
    text = text.replace("<svg ", f'<svg role="img" aria-labelledby="{tid}" aria-describedby="{did}" xml:lang="id" lang="id" ', 1)
    title_xml = f"<title>{escape(c.alt)}</title>"
    if title_xml in text:
        text = text.replace(title_xml, f"<title id={quoteattr(tid)}>{escape(c.alt)}</title>\n <desc id={quoteattr(did)}>{escape(c.deskripsi)}</desc>", 1)
    else:  # matplotlib escapes differently: insert our own after the root start tag
        end = text.index(">", text.index("<svg ")) + 1
        text = text[:end] + f"\n <title id={quoteattr(tid)}>{escape(c.alt)}</title>\n <desc id={quoteattr(did)}>{escape(c.deskripsi)}</desc>" + text[end:]
    return text.encode("utf-8")


_ID = re.compile(r'\bid="([^"]+)"')


def svg_sisip(svg: bytes | str | Path, awalan: str | None = None) -> str:
    """The SVG as markup to inline in HTML: no XML prolog/DOCTYPE, every ``id`` (and its ``#`` references)
    prefixed so several charts on one page never share an id. ``awalan`` defaults to the root id."""
    if isinstance(svg, Path):
        svg = svg.read_bytes()
    text = svg.decode("utf-8") if isinstance(svg, bytes) else svg
    text = text[text.index("<svg"):]
    root_id = _ID.search(text[: text.index(">")])
    awalan = awalan or (root_id[1] if root_id else "grafik")
    ids = {m[1] for m in _ID.finditer(text)} - ({root_id[1]} if root_id else set())
    for old in sorted((i for i in ids if not i.startswith(awalan + "-")), key=len, reverse=True):
        new = f"{awalan}-{old}"
        for a, b in ((f'id="{old}"', f'id="{new}"'), (f"url(#{old})", f"url(#{new})"), (f'href="#{old}"', f'href="#{new}"'),
                     (f'aria-labelledby="{old}"', f'aria-labelledby="{new}"'), (f'aria-describedby="{old}"', f'aria-describedby="{new}"')):
            text = text.replace(a, b)
    return text


def _figure(d: dict):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch
    from matplotlib.lines import Line2D
    from matplotlib.ticker import FuncFormatter, FixedLocator, MaxNLocator

    arah, bentuk = d["arah"], d["bentuk"]
    kategori: list[str] = d["kategori"]
    seri: list[dict] = d["seri"]
    sumbu = d["sumbu"]
    tingkat = sumbu.get("tingkat")
    n, k = len(kategori), len(seri)
    if arah == "h":
        wrapped = [_wrap(c, 28, 3) for c in kategori]
        lines = [w.count("\n") + 1 for w in wrapped]
        per = [max(0.42, 0.17 * ln + 0.16, (0.24 * k + 0.14) if bentuk != "tumpuk" else 0.42) for ln in lines]
        tinggi = max(2.4, 1.15 + sum(per) + (0.35 if d.get("pita") else 0) + (0.3 if k > 1 else 0))
    else:
        wrapped = [_wrap(c, 14, 3) for c in kategori]
        tinggi = TINGGI + (0.25 if k > 2 else 0)
    fig = Figure(figsize=(LEBAR, tinggi))  # laid out by _letak (one tight-bbox pass), not a layout engine
    FigureCanvasAgg(fig)  # text measurement for the layout; saving as SVG switches canvas
    ax = fig.add_subplot()
    ax.set_axisbelow(True)
    val_axis = ax.xaxis if arah == "h" else ax.yaxis
    cat_axis = ax.yaxis if arah == "h" else ax.xaxis
    ax.grid(True, axis="x" if arah == "h" else "y")
    if arah == "h":
        ax.spines["left"].set_visible(True)
    pos = list(range(n))
    labels_artists = []  # value labels to keep inside the axes
    handles = []

    def style(i: int):
        return GAYA[i % len(GAYA)]

    if bentuk in ("batang", "tumpuk"):
        width = 0.8 / (k if bentuk == "batang" else 1)
        if k == 1:
            width = 0.6
        base = [0.0] * n
        for si, s in enumerate(seri):
            color, face, hatch, _m, _ls = style(s["gaya"])
            off = (si - (k - 1) / 2) * width if bentuk == "batang" else 0.0
            # (horizontal axes are inverted, so a negative offset puts the first series on top)
            xs, hs, bs, labs = [], [], [], []
            for ci, v in enumerate(s["nilai"]):
                if v is None:
                    continue
                xs.append(pos[ci] + off)
                hs.append(v)
                bs.append(base[ci] if bentuk == "tumpuk" else 0.0)
                labs.append((ci, s["label"][ci]))
            kw = dict(color=face, edgecolor=color, linewidth=1.2, hatch=hatch, label=s["nama"], zorder=2)
            bars = (ax.barh(xs, hs, height=width, left=bs, **kw) if arah == "h" else ax.bar(xs, hs, width=width, bottom=bs, **kw))
            handles.append(Patch(facecolor=face, edgecolor=color, hatch=hatch, linewidth=1.2, label=s["nama"]))
            for rect, (ci, text) in zip(bars.patches, labs):
                if not text:
                    continue
                v = s["nilai"][ci]
                if bentuk == "tumpuk":
                    # label segments inside, centred; dropped later if they do not fit
                    cx = rect.get_x() + rect.get_width() / 2
                    cy = rect.get_y() + rect.get_height() / 2
                    t = ax.text(cx, cy, text, ha="center", va="center", fontsize=FONT_KECIL, color=TEKS, zorder=4,
                                bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.9))
                    t._lkip_rect = rect  # type: ignore[attr-defined]
                    labels_artists.append(("seg", t))
                    continue
                if arah == "h":
                    end = rect.get_x() + rect.get_width()
                    t = ax.annotate(text, (end, rect.get_y() + rect.get_height() / 2), xytext=(3 if v >= 0 else -3, 0), textcoords="offset points",
                                    ha="left" if v >= 0 else "right", va="center", fontsize=FONT_KECIL, zorder=4, bbox=_LATAR)
                else:
                    end = rect.get_y() + rect.get_height()
                    t = ax.annotate(text, (rect.get_x() + rect.get_width() / 2, end), xytext=(0, 2 if v >= 0 else -2), textcoords="offset points",
                                    ha="center", va="bottom" if v >= 0 else "top", fontsize=FONT_KECIL, zorder=4, bbox=_LATAR)
                labels_artists.append(("end", t))
            if bentuk == "tumpuk":
                for ci, v in enumerate(s["nilai"]):
                    if v is not None:
                        base[ci] += v
        if bentuk == "tumpuk" and k > 1:
            for ci in range(n):
                if any(s["nilai"][ci] is not None for s in seri):
                    tot = base[ci]
                    text = _tick_text(tot, sumbu["jenis"])  # bold total on top of the stack
                    if arah == "h":
                        t = ax.annotate(text, (tot, pos[ci]), xytext=(3, 0), textcoords="offset points", ha="left", va="center", fontsize=FONT_KECIL, fontweight="bold")
                    else:
                        t = ax.annotate(text, (pos[ci], tot), xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=FONT_KECIL, fontweight="bold")
                    labels_artists.append(("end", t))
    else:  # garis
        for si, s in enumerate(seri):
            color, _face, _hatch, marker, ls = style(s["gaya"])
            xs = [pos[i] for i, v in enumerate(s["nilai"]) if v is not None]
            ys = [v for v in s["nilai"] if v is not None]
            ax.plot(xs, ys, color=color, linestyle=ls, marker=marker, markersize=6, linewidth=1.8, label=s["nama"], zorder=3,
                    markerfacecolor=color if si == 0 else "white", markeredgewidth=1.4)
            handles.append(Line2D([], [], color=color, linestyle=ls, marker=marker, markersize=6, linewidth=1.8, label=s["nama"],
                                  markerfacecolor=color if si == 0 else "white", markeredgewidth=1.4))
        # label side per point: the highest series at a category above its marker, the lowest below, others right
        for ci in range(n):
            pts = sorted(((s["nilai"][ci], si) for si, s in enumerate(seri) if s["nilai"][ci] is not None), key=lambda p: (-p[0], p[1]))
            for rank, (v, si) in enumerate(pts):
                text = seri[si]["label"][ci]
                if not text:
                    continue
                if rank == 0:
                    xy, ha, va = (0, 6), "center", "bottom"
                elif rank == len(pts) - 1:
                    xy, ha, va = (0, -6), "center", "top"
                else:
                    xy, ha, va = (7, 0), "left", "center"
                t = ax.annotate(text, (pos[ci], v), xytext=xy, textcoords="offset points", ha=ha, va=va, fontsize=FONT_KECIL, zorder=4, bbox=_LATAR)
                labels_artists.append(("pt", t))

    # category axis
    cat_axis.set_major_locator(FixedLocator(pos))
    cat_axis.set_ticklabels(wrapped)
    cat_axis.set_tick_params(length=0)
    if arah == "h":
        ax.set_ylim(n - 0.5, -0.5 - (0.55 if d.get("pita") else 0.0))
    else:
        ax.set_xlim(-0.6, n - 0.4)
    # value axis
    jenis = sumbu["jenis"]
    if tingkat:
        val_axis.set_major_locator(FixedLocator(list(range(1, len(tingkat) + 1))))
        val_axis.set_ticklabels(tingkat)
    else:
        whole = all(float(v).is_integer() for s in seri for v in s["nilai"] if v is not None)  # counts: no 0,5 orang ticks
        val_axis.set_major_locator(MaxNLocator(nbins=6 if arah == "v" else 5, steps=[1, 2, 2.5, 5, 10], integer=whole))
        val_axis.set_major_formatter(FuncFormatter(lambda v, _p: _tick_text(v, jenis)))
    if sumbu.get("judul"):
        (ax.set_xlabel if arah == "h" else ax.set_ylabel)(sumbu["judul"])

    # data range incl. reference lines and bands
    vals = [v for s in seri for v in s["nilai"] if v is not None]
    if bentuk == "tumpuk":
        vals += [sum(s["nilai"][ci] or 0 for s in seri) for ci in range(n)]
    acuan = d.get("acuan") or []
    vals += [a["nilai"] for a in acuan if a.get("nilai") is not None]
    lo = min([0.0, *vals])
    hi = max([0.0, *vals])
    if tingkat:
        lo, hi = 0.0, float(len(tingkat)) + 0.3
    elif hi == lo:
        hi = lo + 1
    span = hi - lo
    if not tingkat:
        hi = hi + span * 0.05 if hi > 0 else hi
        lo = lo - span * 0.05 if lo < 0 else lo
    setlim = ax.set_xlim if arah == "h" else ax.set_ylim
    setlim(lo, hi)

    # rating bands (capaian chart)
    band_texts = []
    for bi, p in enumerate(d.get("pita") or []):
        b_lo = p["bawah"] if p["bawah"] is not None else -1e9
        b_hi = p["atas"] if p["atas"] is not None else 1e9
        span_fn = ax.axvspan if arah == "h" else ax.axhspan
        span_fn(b_lo, b_hi, facecolor=PITA[bi % 2], edgecolor="none", zorder=0)
        for edge in (p["bawah"], p["atas"]):
            if edge is not None:
                (ax.axvline if arah == "h" else ax.axhline)(edge, color=ABU, linewidth=0.6, linestyle=(0, (2, 2)), zorder=1)
        band_texts.append((p, b_lo, b_hi))
    if d.get("pita"):
        setlim(lo, hi)  # spans must not widen the view

    # reference lines
    for a in acuan:
        if a.get("nilai") is None:
            continue
        if arah == "h":
            ax.axvline(a["nilai"], color=HITAM, linewidth=1.3, zorder=3)
            t = ax.text(a["nilai"], 1.0, a["label"], transform=ax.get_xaxis_transform(), ha="center", va="bottom", fontsize=FONT_KECIL,
                        fontweight="bold", clip_on=False)
        else:  # named in the legend with its value (an inline label would collide with the bars' labels)
            ax.axhline(a["nilai"], color=HITAM, linewidth=1.3, linestyle=(0, (6, 3)), zorder=3)
            handles.append(Line2D([], [], color=HITAM, linewidth=1.3, linestyle=(0, (6, 3)), label=a["label"]))

    # categories without data: say so in text
    for ci, txt in enumerate(d.get("kosong") or []):
        if txt:
            if arah == "h":
                ax.annotate(_wrap(txt, 48, 2), (0, pos[ci]), xytext=(3, 0), textcoords="offset points", ha="left", va="center",
                            fontsize=FONT_KECIL, style="italic", color=TEKS)
            else:
                ax.annotate(_wrap(txt, 12, 3), (pos[ci], 0), xytext=(0, 3), textcoords="offset points", ha="center", va="bottom",
                            fontsize=FONT_KECIL, style="italic", color=TEKS)

    leg = None
    if k > 1 or (acuan and arah == "v"):
        ncols = len(handles) if len(handles) <= 3 and sum(len(h.get_label()) for h in handles) <= 60 else 2
        leg = fig.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, 1.0), ncols=ncols, handlelength=2.2,
                         columnspacing=1.2, handletextpad=0.5, borderaxespad=0.3)

    _fit(fig, ax, leg, arah, labels_artists, band_texts, setlim, lo, hi, tingkat is not None)
    return fig


def _letak(fig, ax, leg, r) -> None:
    """Place the axes so its tick labels, axis label, value labels and the legend fit the figure (pixels)."""
    pad = 5.0
    fw, fh = fig.bbox.width, fig.bbox.height
    ab = ax.get_window_extent(r)
    tb = ax.get_tightbbox(r)
    top_reserved = leg.get_window_extent(r).height + pad if leg is not None else 0.0
    left = max(pad, ab.x0 - tb.x0 + pad)
    right = max(pad, tb.x1 - ab.x1 + pad)
    bottom = max(pad, ab.y0 - tb.y0 + pad)
    top = max(pad, tb.y1 - ab.y1 + pad) + top_reserved
    w = max(fw * 0.3, fw - left - right)
    h = max(fh * 0.3, fh - bottom - top)
    ax.set_position([left / fw, bottom / fh, w / fw, h / fh])


def _headroom(ax, arah: str, labels_artists, setlim, lo: float, hi: float, ordinal: bool, r) -> tuple[float, float]:
    """Widen the value range just enough that every end/point label lies inside the axes box.

    A label ``L`` px long past a mark at value ``v`` fits when ``(v − lo)/(hi − lo)·S + L ≤ S`` (``S`` = axes size
    in px), i.e. ``hi ≥ lo + (v − lo)·S/(S − L)``; likewise below ``lo`` for negative marks.
    """
    box = ax.get_window_extent(r)
    S = box.width if arah == "h" else box.height
    if S <= 0:
        return lo, hi
    for _ in range(2):
        need_hi, need_lo = hi, lo
        for kind, t in labels_artists:
            if kind == "seg":
                continue
            bb = t.get_window_extent(r)
            x, y = t.xy
            v = x if arah == "h" else y
            anchor = ax.transData.transform((x, y))[0 if arah == "h" else 1]
            far, near = (bb.x1, bb.x0) if arah == "h" else (bb.y1, bb.y0)
            if v >= 0:
                L = max(0.0, far - anchor) + 3
                L = min(L, 0.7 * S)
                need_hi = max(need_hi, lo + (v - lo) * S / (S - L))
            elif not ordinal:
                L = max(0.0, anchor - near) + 3
                L = min(L, 0.7 * S)
                need_lo = min(need_lo, hi - (hi - v) * S / (S - L))
        if need_hi <= hi + 1e-12 and need_lo >= lo - 1e-12:
            break
        hi, lo = need_hi, need_lo
        setlim(lo, hi)
    return lo, hi


def _fit(fig, ax, leg, arah: str, labels_artists, band_texts, setlim, lo: float, hi: float, ordinal: bool) -> None:
    """Lay out, make room for value labels, rotate what would overlap, name the rating bands that fit.

    No layout engine and no draw: extents are measured on the Agg renderer (same font metrics as the SVG), so
    ``savefig`` draws the figure exactly once.
    """
    r = fig.canvas.get_renderer()
    for _kind, t in labels_artists:
        t.set_in_layout(False)
    _letak(fig, ax, leg, r)
    ends = [t for kind, t in labels_artists if kind == "end"]
    if arah == "v":
        # value labels side by side that collide → vertical text
        if _overlap([t.get_window_extent(r) for t in ends]):
            for t in ends:
                neg = t.xyann[1] < 0
                t.set_rotation(90)
                t.set_rotation_mode("anchor")
                t.set_ha("right" if neg else "left")
                t.set_va("center")
                t.xyann = (0, -3 if neg else 3)
            if _overlap([t.get_window_extent(r) for t in ends], gap=0.5):
                # too many bars for readable labels even vertically: the data table carries the values
                for t in ends:
                    t.remove()
                labels_artists[:] = [(k, t) for k, t in labels_artists if t not in ends]
        # category tick labels that collide → slanted
        ticks = [t for t in ax.get_xticklabels() if t.get_text()]
        if _overlap([t.get_window_extent(r) for t in ticks]):
            for t in ax.xaxis.get_major_ticks():
                t.label1.set_rotation(30)
                t.label1.set_ha("right")
                t.label1.set_rotation_mode("anchor")
    # line labels that would fall below the axes go above their marker instead
    box = ax.get_window_extent(r)
    for kind, t in labels_artists:
        if kind == "pt" and t.get_window_extent(r).y0 < box.y0:
            t.xyann = (0, 6)
            t.set_ha("center")
            t.set_va("bottom")
    val_ticks = ax.get_xticklabels if arah == "h" else ax.get_yticklabels
    lo, hi = _headroom(ax, arah, labels_artists, setlim, lo, hi, ordinal, r)
    for _ in range(2):  # margins depend on the value ticks, which depend on the range: settle both
        before = [t.get_text() for t in val_ticks()]
        _letak(fig, ax, leg, r)
        lo, hi = _headroom(ax, arah, labels_artists, setlim, lo, hi, ordinal, r)
        if [t.get_text() for t in val_ticks()] == before:
            break
    size = ax.get_window_extent(r).width if arah == "h" else ax.get_window_extent(r).height
    # stacked segment labels that do not fit their segment are removed (the total and the table carry them)
    for kind, t in labels_artists:
        if kind == "seg":
            bb = t.get_window_extent(r)
            rb = t._lkip_rect.get_window_extent(r)  # type: ignore[attr-defined]
            if bb.width > rb.width + 1 or bb.height > rb.height + 1:
                t.remove()
    # band names: full name if it fits, else the short code, else left out (each bar label names its predikat)
    if band_texts:
        view_lo, view_hi = (ax.get_xlim() if arah == "h" else ax.get_ylim())
        for p, b_lo, b_hi in band_texts:
            a, z = max(b_lo, view_lo), min(b_hi, view_hi)
            if z <= a:
                continue
            mid = (a + z) / 2
            room = (z - a) / (view_hi - view_lo) * size
            for cand in [p["label"], p.get("kode")]:
                if not cand:
                    continue
                if arah == "h":
                    t = ax.text(mid, 0.995, cand, transform=ax.get_xaxis_transform(), ha="center", va="top", fontsize=FONT_KECIL, color=TEKS, zorder=1.5)
                else:
                    t = ax.text(0.005, mid, cand, transform=ax.get_yaxis_transform(), ha="left", va="center", fontsize=FONT_KECIL, color=TEKS, zorder=1.5)
                bb = t.get_window_extent(r)
                if (bb.width if arah == "h" else bb.height) + 4 <= room:
                    break
                t.remove()


# ---------------------------------------------------------------------------------------------------
# Cache + parallel rendering


def _tulis_atomik(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def _gambar_ke_cache(batch: list[tuple[str, ChartSpec]], cache_dir: str) -> dict[str, str]:
    """Worker: draw each spec and store it as ``<cache_dir>/<kunci>.svg``. Returns ``{kunci: error}`` of failures."""
    errors: dict[str, str] = {}
    for key, spec in batch:
        try:
            data = draw_svg(spec)
        except Exception as e:  # noqa: BLE001 — one bad chart must not stop the build (see _svg_cadangan)
            errors[key] = f"{type(e).__name__}: {e}"
            continue
        _tulis_atomik(Path(cache_dir) / f"{key}.svg", data)
    return errors


def _svg_cadangan(c: Chart) -> bytes:
    """A small text-only SVG used when drawing failed: same title/desc, points to the data table. Not cached."""
    w, h = LEBAR * 72, 72.0
    body = (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="grafik-{c.id}-judul" '
            f'aria-describedby="grafik-{c.id}-desk" xml:lang="id" lang="id" width="{w:g}pt" height="{h:g}pt" '
            f'viewBox="0 0 {w:g} {h:g}" id="grafik-{c.id}">\n'
            f' <title id="grafik-{c.id}-judul">{escape(c.alt)}</title>\n <desc id="grafik-{c.id}-desk">{escape(c.deskripsi)}</desc>\n'
            f' <rect width="100%" height="100%" fill="white" stroke="{ABU}"/>\n'
            f' <text x="12" y="40" font-family="sans-serif" font-size="11" fill="{TEKS}">Grafik tidak dapat digambar; angkanya ada di tabel data.</text>\n'
            "</svg>\n")
    return body.encode("utf-8")


def _gambar_paralel(items: list[tuple[str, ChartSpec]], cache_dir: Path, n_workers: int) -> dict[str, str]:
    """Draw in a process pool, one batch per process (matplotlib is imported once per process).

    ``fork`` where the platform has it (no ``if __name__ == "__main__"`` guard needed in the caller, nothing
    re-imported); if the pool cannot start or breaks, whatever is still missing is drawn in this process.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    if ctx is not None:  # import once here; forked workers inherit it instead of each importing matplotlib
        import matplotlib.backends.backend_agg  # noqa: F401
        import matplotlib.backends.backend_svg  # noqa: F401
        import matplotlib.figure  # noqa: F401
    batches = [items[i::n_workers] for i in range(n_workers)]
    errors: dict[str, str] = {}
    try:
        with ProcessPoolExecutor(max_workers=n_workers, mp_context=ctx) as pool:
            for e in pool.map(_gambar_ke_cache, batches, [str(cache_dir)] * len(batches)):
                errors.update(e)
    except Exception:  # noqa: BLE001 — a broken pool must not break the build; fall back below
        pass
    missing = [(k, s) for k, s in items if k not in errors and not (cache_dir / f"{k}.svg").exists()]
    if missing:
        errors.update(_gambar_ke_cache(missing, str(cache_dir)))
    return errors


MIN_PER_WORKER = 6  # fewer charts per process than this and a pool costs more than it saves (≈1 s matplotlib import each)


def render_charts(jobs: Iterable[tuple[Path, list[ChartSpec]]], cache_dir: Path, workers: int | None = None,
                  tulis: Callable[[Path, bytes], None] | None = None) -> dict[str, Any]:
    """Draw (or take from the cache) every chart and write it to ``<folder>/<chart.berkas>``.

    ``jobs``: ``(report output folder, plan_charts(...))`` pairs. Only charts whose cache entry is missing are
    drawn; identical charts are drawn once. Stale ``*.svg`` files in each ``<folder>/grafik/`` are removed.
    ``tulis``: optional writer ``tulis(path, data)`` called for every output file instead of writing it here
    (e.g. the renderer's own writer that skips unchanged files and removes what a run did not write); with
    it, this function neither writes nor deletes anything under the output folders.
    Returns ``{"dirender": drawn now, "dari_cache": files served from an existing cache entry,
    "berkas": files in the output, "gagal": ["<tahun>/grafik/x.svg: error", …], "detik": seconds}``. A chart that
    fails to draw gets a text-only placeholder SVG with the same title/desc (not cached) and is listed in
    ``gagal``; the build goes on — print those as warnings.
    """
    start = time.perf_counter()
    jobs = [(Path(folder), list(specs)) for folder, specs in jobs]
    cache_dir = Path(cache_dir)
    cache_dir.mkdir(parents=True, exist_ok=True)
    keyed: list[tuple[Path, ChartSpec, str]] = [(folder, s, s.kunci) for folder, specs in jobs for s in specs]
    todo: dict[str, ChartSpec] = {}
    for _folder, s, key in keyed:
        if key not in todo and not (cache_dir / f"{key}.svg").exists():
            todo[key] = s
    items = list(todo.items())
    n_workers = min(workers or os.cpu_count() or 1, max(1, len(items) // MIN_PER_WORKER))
    if n_workers <= 1:
        errors = _gambar_ke_cache(items, str(cache_dir))
    else:
        errors = _gambar_paralel(items, cache_dir, n_workers)
    berkas = dari_cache = 0
    expected: dict[Path, set[str]] = {}
    for folder, s, key in keyed:
        dest = folder / s.chart.berkas
        expected.setdefault(dest.parent, set()).add(dest.name)
        data = _svg_cadangan(s.chart) if key in errors else (cache_dir / f"{key}.svg").read_bytes()
        if tulis is not None:
            tulis(dest, data)
        elif not (dest.exists() and dest.read_bytes() == data):
            _tulis_atomik(dest, data)
        berkas += 1
        dari_cache += key not in todo
    for folder, _specs in ([] if tulis is not None else jobs):
        sub = folder / SUBFOLDER
        keep = expected.get(sub, set())
        if sub.is_dir():
            for p in sub.glob("*.svg"):
                if p.name not in keep:
                    p.unlink()
    gagal = sorted({f"{folder.parent.name}/{folder.name}/{s.chart.berkas}: {errors[key]}" for folder, s, key in keyed if key in errors})
    return {"dirender": len(items) - len(errors), "dari_cache": dari_cache, "berkas": berkas, "gagal": gagal,
            "detik": round(time.perf_counter() - start, 3)}


def bersihkan_cache(cache_dir: Path, jobs: Iterable[tuple[Path, list[ChartSpec]]]) -> int:
    """Delete cache entries no chart in ``jobs`` uses (call after a full build); returns how many were removed."""
    keep = {f"{s.kunci}.svg" for _folder, specs in jobs for s in specs}
    removed = 0
    for p in Path(cache_dir).glob("*.svg"):
        if p.name not in keep:
            p.unlink()
            removed += 1
    return removed

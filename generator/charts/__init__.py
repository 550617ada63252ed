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

matplotlib is imported only inside the drawing functions of this package, never at import time.

Modules: ``spec`` (Chart, ChartSpec), ``gaya`` (style, code version), ``teks`` (Indonesian wording), ``rencana*``
(planning, pure Python), ``figur`` and ``tata_letak`` (matplotlib figure and its layout), ``svg`` (SVG bytes,
accessibility, inlining), ``cache`` (drawing a build's charts once, cached and in parallel).
"""

from __future__ import annotations

from .cache import MIN_PER_WORKER, Gambar, bersihkan_cache, mulai_gambar, render_charts
from .gaya import ABU, BIRU, FONT, FONT_KECIL, GAYA, HIJAU, HITAM, LEBAR, MERAH, PITA, RC, TEKS, TINGGI, UNGU, versi
from .rencana import plan_charts
from .spec import SUBFOLDER, Chart, ChartSpec
from .svg import draw_svg, svg_sisip
from .teks import tick_text

_versi = versi  # old private name, still imported by generator.pipeline
_tick_text = tick_text  # old private name, used by tests

__all__ = [
    "ABU", "BIRU", "FONT", "FONT_KECIL", "GAYA", "HIJAU", "HITAM", "LEBAR", "MERAH", "MIN_PER_WORKER", "PITA", "RC",
    "SUBFOLDER", "TEKS", "TINGGI", "UNGU", "Chart", "ChartSpec", "bersihkan_cache", "draw_svg", "plan_charts",
    "render_charts", "svg_sisip", "tick_text", "versi", "Gambar", "mulai_gambar",
]

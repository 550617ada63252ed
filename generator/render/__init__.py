"""Stage 4 — render: computed reports → Markdown pages under ``build/docs`` (tables and figures beside them).

Data flows one way. Modules, in the order a page is made:

- :mod:`.halaman` — the page table (every report page, its title, chapter, template and place in reading order);
- :mod:`.view` — the read-only view of one report that templates and table builders read;
- :mod:`.tabel` and the builders :mod:`.tabel_kinerja`, :mod:`.tabel_anggaran`, :mod:`.tabel_dokumen` — what each
  table shows, every number already formatted by :mod:`.teks` (values come computed from the compute stage);
- :mod:`.pencatat` — after the templates ran: numbering, where findings are shown, CSV files, the HTML of tables
  and figures (``theme/templates/_fragmen.md.j2``);
- :mod:`.laporan` — one report's pages, open data and print page (:mod:`.cetak`); :mod:`.portal` — the agency
  and home pages, hand-written pages, the navigation; :mod:`.tulis` — writing files and MkDocs settings.

Every text that comes from YAML is data: templates autoescape it, headings escape Markdown syntax too
(:func:`.teks.judul_md`), narrative fields are rendered by markdown-it-py with raw HTML off, and YAML text is never
used as a template. Output is deterministic (sorted, no timestamps); a file is only rewritten when its bytes
change, and files under the output folder that a build did not write are deleted.
"""

from . import tabel_anggaran, tabel_dokumen, tabel_kinerja, tabel_tambahan  # noqa: F401  (register the table builders)
from .halaman import HALAMAN_LAPORAN, JUDUL_HALAMAN, page_url, rel_url
from .laporan import render_halaman, render_laporan
from .portal import RingkasanInstansi, RingkasanTahun, render_instansi, render_portal
from .teks import markdown_html
from .templat import buat_env, template_dir
from .tulis import Kumpul, Penulis, periksa_folder, tulis_grafik
from .view import LaporanView

__all__ = [
    "HALAMAN_LAPORAN", "JUDUL_HALAMAN", "Kumpul", "LaporanView", "Penulis", "RingkasanInstansi", "RingkasanTahun", "buat_env", "markdown_html",
    "page_url", "periksa_folder", "rel_url", "render_halaman", "render_instansi", "render_laporan", "render_portal", "template_dir", "tulis_grafik",
]

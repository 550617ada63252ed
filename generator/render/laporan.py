"""One report: its pages from the templates, numbered and filled (:mod:`.pencatat`), its open data, its print page.

The steps, in order:

1. the chapter pages (``ringkasan=False`` in the page table), each from its template and the read-only view;
2. the pages that summarise them (Ringkasan, Catatan Pemeriksaan), which also know which chapters exist;
3. numbering, then the HTML of every table and figure (:class:`.pencatat.Pencatat`);
4. CSV and JSON files, the "Data terbuka" list, each page's own navigation, and the print page "Cetak / unduh".
"""

from __future__ import annotations

import logging
from decimal import Decimal
from typing import Any

from jinja2 import Environment

from .. import opendata
from ..pdf.dokumen import nama_pdf
from .cetak import sisip_bawah_judul, susun_cetak
from .halaman import HALAMAN_LAPORAN
from .pencatat import Pencatat
from .teks import front_matter, rapikan
from .view import LaporanView

log = logging.getLogger("lkip")
_URUTAN_RENDER = [h for h in HALAMAN_LAPORAN if not h.ringkasan and h.kunci != "cetak"] + [h for h in HALAMAN_LAPORAN if h.ringkasan]


def _konteks(v: LaporanView, **extra: Any) -> dict[str, Any]:
    return {"r": v, "h": v.h, "lap": v.lap, "profil": v.profil, "site": v.site, "metode": v.metode, **extra}


def _ukuran(n: int) -> str:
    from ..format import angka

    return f"{angka(Decimal(n) / 1024, 0)} kB" if n >= 1024 else f"{n} bita"


def render_halaman(env: Environment, base: LaporanView, urutan: list[str] | None = None) -> tuple[dict[str, str], dict[str, LaporanView]]:
    """Render the templates of a report's pages (``urutan``: the order chapter pages are rendered in; any order
    gives the same pages). Returns each existing page's Markdown with placeholders, and its view."""
    bab = [h for h in _URUTAN_RENDER if not h.ringkasan]
    if urutan is not None:
        bab = sorted(bab, key=lambda h: urutan.index(h.kunci))
    texts: dict[str, str] = {}
    views: dict[str, LaporanView] = {}
    for h in bab:
        v = base.di(h.kunci)
        md = rapikan(env.get_template(h.templat).render(_konteks(v)))
        if md.split("\n", 1)[1].strip() if "\n" in md else "":
            texts[h.kunci], views[h.kunci] = md, v
    ada = [h.kunci for h in HALAMAN_LAPORAN if h.kunci in texts or h.kunci == "index" or (h.kunci == "catatan-pemeriksaan" and base.catatan.tampil)]
    for h in [h for h in _URUTAN_RENDER if h.ringkasan]:
        if h.kunci == "catatan-pemeriksaan" and not base.catatan.tampil:
            continue
        v = base.di(h.kunci)
        texts[h.kunci], views[h.kunci] = rapikan(env.get_template(h.templat).render(_konteks(v, halaman_ada=ada))), v
    return texts, views


def render_laporan(env: Environment, base: LaporanView, w: Any, urutan: list[str] | None = None) -> list[str]:
    """Render and write the pages and data files of one report; returns the page keys written, in reading order."""
    from .. import fragmen

    texts = _teks_laporan(env, base, w, urutan)
    for berkas in base.media():
        w.salin(f"{base.slug}/{berkas}", base.inst.folder / berkas)
    keys = [h.kunci for h in HALAMAN_LAPORAN if h.kunci in texts]
    if base.site.pdf.aktif and hasattr(w, "pdf"):  # the signed document, from the same print page (compiled later)
        w.pdf.append(_sumber_pdf(env, base, texts, urutan))
    for k in keys:
        w.tulis(base.path(k), front_matter(base.profil.nama, base.tahun, cari=k != "cetak", judul=base.judul_tab(k), deskripsi=base.deskripsi(k),
                                                judul_cari=base.judul_cari(k)) + fragmen.pisahkan(texts[k]))
    return keys


def _teks_laporan(env: Environment, base: LaporanView, w: Any, urutan: list[str] | None, peringatan: bool = True) -> dict[str, str]:
    """Every page of a report (the print page too), numbered and filled; its data files written through ``w``."""
    texts, views = render_halaman(env, base, urutan)
    pc = Pencatat(env, base.slug, base.tahun)
    order = [h.kunci for h in _URUTAN_RENDER if h.kunci in texts]
    for k in order:
        texts[k] = pc.catat(views[k], texts[k])
    for k in order:
        texts[k] = rapikan(pc.isi(views[k], texts[k]))
    for key in [k for k in base.semua_posisi() if k not in pc.posisi_tampil and peringatan]:
        log.warning("peringatan: %s: blok dengan posisi '%s' tidak ditampilkan di halaman mana pun", base.b.berkas, key)
    for key in sorted(set(base.lap.tercetak.tabel) - pc.kunci_tabel):
        log.warning("peringatan: %s: tercetak.tabel.%s: tidak ada tabel bernama '%s' di laporan ini; nama yang dipakai adalah nama "
                    "berkas CSV tabel (lihat folder data/ laporan), mis. %s", base.b.berkas, key, key, ", ".join(sorted(pc.kunci_tabel)[:4]))
    ids_yaml = {g.id for g in base.lap.grafik}
    for cid in sorted(c.id for c in base.grafik if c.id not in ids_yaml and c.id not in pc.grafik_tampil and peringatan):
        log.warning("peringatan: %s: grafik '%s' tidak mendapat tempat di halaman mana pun", base.b.berkas, cid)
    tulis_data(env, base, pc, w, texts)
    return texts


def _sumber_pdf(env: Environment, base: LaporanView, texts: dict[str, str], urutan: list[str] | None) -> Any:
    """The PDF source of a report: its print page; rendered again without the audit marks and notes when the
    site shows them but the settings leave them out of the signed document (``pdf.catatan_pemeriksaan: false``)."""
    from ..pdf import susun
    from .tulis import Kumpul

    if base.catatan.tampil and not base.site.pdf.catatan_pemeriksaan:
        base = base.tanpa_catatan()
        texts = _teks_laporan(env, base, Kumpul(), urutan, peringatan=False)
    return susun(texts["cetak"], base, [h.kunci for h in HALAMAN_LAPORAN if h.kunci in texts and h.kunci != "cetak"])


def singkat_di(env: Environment, konteks: dict[str, Any]) -> str:
    """The short answer of a report (``_makro.md.j2`` ``jawaban(singkat=True)``) as seen from one page."""
    return str(env.get_template("_makro.md.j2").make_module(konteks).jawaban(True))


def tulis_data(env: Environment, base: LaporanView, pc: Pencatat, w: Any, texts: dict[str, str]) -> None:
    """After every page of a report is filled: write its CSV and JSON files through ``w``, fill the index's "Data
    terbuka" list, put the report's own navigation on each page, and add the print page as ``texts["cetak"]``."""
    halaman = [h.kunci for h in HALAMAN_LAPORAN if h.kunci in texts and h.kunci != "cetak"]
    u = pc.unduhan
    raw = (opendata.teks_json(opendata.data_laporan(base.di("index"), u, halaman + ["cetak"])) + "\n").encode("utf-8")
    for b in u.berkas:
        w.tulis(u.rel(b.nama), b.data)
    w.tulis(u.rel(opendata.JSON_BERKAS), raw)
    zip_csv = opendata.zip_csv(u) if u.berkas else None
    if zip_csv is not None:
        w.tulis(u.rel(opendata.ZIP_BERKAS), zip_csv)

    def konteks(k: str, **extra: Any) -> dict[str, Any]:
        v = base.di(k)
        j = {"url": v.url_berkas(u.rel(opendata.JSON_BERKAS)), "nama": u.nama_unduh(opendata.JSON_BERKAS)}
        z = {"url": v.url_berkas(u.rel(opendata.ZIP_BERKAS)), "nama": u.nama_unduh(opendata.ZIP_BERKAS), "ukuran": _ukuran(len(zip_csv)),
             "jumlah": len(u.berkas)} if zip_csv is not None else None
        p = {"url": v.url_berkas(f"{base.slug}/{base.tahun}/{nama_pdf(base.slug, base.tahun)}"), "nama": nama_pdf(base.slug, base.tahun)} if base.site.pdf.aktif else None
        return _konteks(v, unduhan=u, unduh_json=j, unduh_zip=z, unduh_pdf=p, **extra)

    if "index" in texts and opendata.PENANDA_DATA in texts["index"]:
        sec = env.get_template("data_terbuka.md.j2").render(konteks("index", berkas=u.berkas, ukuran_json=_ukuran(len(raw))))
        texts["index"] = rapikan(texts["index"].replace(opendata.PENANDA_DATA, "\n" + sec + "\n"))
    kepala = env.get_template("cetak.md.j2").render(konteks("cetak", halaman=halaman))
    cetak = rapikan(susun_cetak(base.path, rapikan(kepala), halaman, texts))
    cetak = cetak.replace('<details class="lipat', '<details open class="lipat')  # print: every disclosure open
    tpl, akhir = env.get_template("unduh_laporan.md.j2"), env.get_template("halaman_berikut.md.j2")
    for k in halaman:
        if k != "index":  # the Ringkasan has the full answer; every other page a short one under its title
            texts[k] = sisip_bawah_judul(texts[k], singkat_di(env, konteks(k)).strip())
        texts[k] = sisip_bawah_judul(texts[k], tpl.render(konteks(k, halaman=halaman)).strip())
        texts[k] = rapikan(texts[k] + akhir.render(konteks(k, halaman=halaman)))
    texts["cetak"] = cetak

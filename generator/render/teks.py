"""Text helpers of the render stage: every number on a page is formatted here (Babel, ``id_ID``), narrative
Markdown is rendered with raw HTML off, and text from YAML is escaped. Nothing here computes a value.
"""

from __future__ import annotations

import html
import re
from decimal import Decimal
from functools import lru_cache
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markupsafe import Markup

from .. import rumus
from .. import format as fmt
from ..compute import Hasil, JumlahTarget
from ..metode import PRESET_KETERANGAN, Metode

KOSONG = fmt.KOSONG

def _cepat(f):
    """Memoise a number formatter (Babel is slow); the key keeps the printed precision (``1.0`` ≠ ``1.00``)."""
    cache: dict = {}

    def g(x, *args):
        if isinstance(x, bool) or not isinstance(x, (int, Decimal)):
            return f(x, *args)
        key = (str(x), type(x) is int, args)
        try:
            return cache[key]
        except KeyError:
            v = cache[key] = f(x, *args)
            return v

    g.__doc__ = f.__doc__
    return g


# Every number on a page goes through generator/format.py (Babel, id_ID); these are cached wrappers.
angka, persen, rupiah, nilai = _cepat(fmt.angka), _cepat(fmt.persen), _cepat(fmt.rupiah), _cepat(fmt.nilai)
rupiah_ringkas, persen_ringkas = _cepat(fmt.rupiah_ringkas), _cepat(fmt.persen_ringkas)


_MD = MarkdownIt("commonmark", {"html": False}).disable("image")
_MD_KHUSUS = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")


def markdown_html(teks: str | None, tingkat: int = 4) -> Markup:
    """Render narrative Markdown to HTML: raw HTML shown as text, unsafe links left as text.

    Headings inside the narrative are shifted so that ``#`` becomes ``<h{tingkat}>``; images are
    disabled (a report's photos are declared in ``foto:`` with alt text instead).
    """
    if not teks or not str(teks).strip():
        return Markup("")
    return Markup(_markdown_html(str(teks), tingkat))


@lru_cache(maxsize=4096)
def _markdown_html(teks: str, tingkat: int) -> str:
    tokens = _MD.parse(teks)
    for t in tokens:
        if t.type in ("heading_open", "heading_close"):
            t.tag = f"h{min(6, int(t.tag[1]) + tingkat - 1)}"
    return _MD.renderer.render(tokens, _MD.options, {}).strip()


def judul_md(teks: Any) -> Markup:
    """Plain text made safe inside a Markdown heading: Markdown syntax escaped, then HTML escaped."""
    s = " ".join(str(teks).split())
    s = _MD_KHUSUS.sub(r"\\\1", s)
    return Markup(html.escape(s, quote=False))


def hasil_teks(h: Hasil | None, satuan: str = "persen") -> str:
    """A computed value as shown, or why it cannot be computed: ``N/A (target belum ditetapkan)``."""
    if h is None:
        return KOSONG
    if h.ada:
        if satuan == "poin":
            return angka(h.tampil) + " poin"
        return persen(h.tampil) if satuan == "persen" else angka(h.tampil)
    return f"N/A ({h.alasan})" if h.alasan else KOSONG


def kalimat_target(j: JumlahTarget) -> str:
    """``4 dari 7 target tercapai`` (counts from the compute stage; the words only)."""
    if not j.total:
        return "belum ada target yang diukur"
    return f"{j.tercapai} dari {j.total} target tercapai"


def rincian_target(j: JumlahTarget) -> str:
    """The rest of the count: ``3 tidak tercapai`` / ``semua tercapai`` / ``1 tidak dapat diukur``."""
    parts = []
    if j.tidak_tercapai:
        parts.append(f"{j.tidak_tercapai} tidak tercapai")
    if j.tidak_terukur:
        parts.append(f"{j.tidak_terukur} tidak dapat diukur")
    return ", ".join(parts) if parts else ("semua tercapai" if j.total else "")


def rentang_simbol(p: Any) -> str:
    """A rating band's bounds for a table: ``> 90 dan ≤ 100``; ``semua nilai`` when it has none."""
    parts = []
    if p.bawah is not None:
        parts.append(("≥ " if p.bawah_inklusif else "> ") + angka(p.bawah))
    if p.atas is not None:
        parts.append(("≤ " if p.atas_inklusif else "< ") + angka(p.atas))
    return " dan ".join(parts) or "semua nilai"


def rentang_pita(p: Any) -> str:
    """A rating band's bounds in words: ``di atas 90% sampai 100%``, ``di atas 100%``, ``paling tinggi 50%``."""
    bawah = (("sekurang-kurangnya " if p.bawah_inklusif else "di atas ") + persen(p.bawah)) if p.bawah is not None else ""
    if p.atas is None:
        return bawah or "semua nilai"
    if not bawah:
        return ("paling tinggi " if p.atas_inklusif else "di bawah ") + persen(p.atas)
    return f"{bawah} sampai {'' if p.atas_inklusif else 'di bawah '}{persen(p.atas)}"


def bertanda(x: Decimal | None) -> str:
    """A change with its sign: ``+1.947`` / ``−0,96``."""
    if x is None:
        return KOSONG
    if x > 0:
        return "+" + angka(x)
    if x < 0:
        return "−" + angka(-x)
    return angka(x)


def teks_sel(v: Any) -> str:
    """A free-table cell: numbers via Babel, empty cells as a dash."""
    if v is None or (isinstance(v, str) and not v.strip()):
        return KOSONG
    if isinstance(v, bool):
        return "ya" if v else "tidak"
    if isinstance(v, (int, Decimal)):
        return angka(v)
    return str(v)


def nama_dasar_hukum(d) -> str:
    if d.teks:
        return d.teks
    parts = [d.jenis or "", f"Nomor {d.nomor}" if d.nomor else "", f"Tahun {d.tahun}" if d.tahun else ""]
    s = " ".join(p for p in parts if p)
    return f"{s} tentang {d.tentang}" if d.tentang else s


def url_aman(u: str | None) -> str | None:
    """Only http(s) links from YAML become links."""
    if u and re.match(r"^https?://[^\s<>\"']+$", u.strip()):
        return u.strip()
    return None


def uraian_metode(m: Metode) -> list[tuple[str, str]]:
    """How every derived number is computed under a method, as (what, how) rows in Indonesian."""
    rows = [("Capaian indikator (makin tinggi makin baik)", "Realisasi ÷ Target × 100")]
    rows.append(("Capaian indikator (makin rendah makin baik)", rumus.uraian(m.capaian_turun)))
    o = m.capaian_ordinal
    rows.append(("Capaian indikator bernilai tingkat", f"Sama dengan target = {angka(o.tepat)}; setiap tingkat di atas/bawah target ± {angka(o.per_tingkat)} (urutan: {' < '.join(m.tingkat_nilai)})"))
    b = m.batas_capaian
    if b.atas is not None or b.bawah is not None:
        parts = []
        if b.atas is not None:
            parts.append(f"di atas {angka(b.atas)} dihitung {angka(b.atas)}")
        if b.bawah is not None:
            parts.append(f"di bawah {angka(b.bawah)} dihitung {angka(b.bawah)}")
        rows.append(("Batas capaian untuk predikat", "Capaian " + " dan ".join(parts) + "; nilai asli tetap ditampilkan"))
    a = m.agregasi
    dasar = "rata-rata capaian semua indikator" if a.dasar == "indikator" else "rata-rata dari rata-rata capaian setiap sasaran"
    cakupan = "hanya IKU" if a.cakupan == "iku" else "semua indikator (IKU dan pendukung)"
    kosong = "indikator tanpa capaian dilewati" if a.nilai_kosong == "abaikan" else "indikator tanpa capaian dihitung 0"
    rows.append(("Capaian sasaran", f"Rata-rata capaian indikatornya ({cakupan}; {kosong})"))
    baris = f"{dasar.capitalize()} ({cakupan}; {kosong})"
    if b.atas is not None or b.bawah is not None:
        baris += "; batas capaian diterapkan " + ("pada setiap indikator sebelum dirata-rata" if a.batas == "sebelum" else "sesudah dirata-rata")
    rows.append(("Capaian kinerja keseluruhan", baris))
    rows.append(("Penyerapan anggaran", "Realisasi ÷ Pagu (pagu perubahan bila ada) × 100"))
    rows.append(("Efisiensi", {
        "rasio": "Capaian ÷ Penyerapan anggaran × 100",
        "selisih": "Capaian − Penyerapan anggaran (poin persen)",
        "sisa_anggaran": "100 − Penyerapan anggaran",
        "verbal": "Efisien bila capaian ≥ penyerapan anggaran; selain itu Kurang efisien",
    }[m.efisiensi]))
    p = m.pembulatan
    rows.append(("Pembulatan persentase", f"{p.desimal} angka di belakang koma, " + ("dibulatkan setengah ke atas" if p.mode == "setengah_ke_atas" else "dipotong (tidak dibulatkan)")))
    pa = m.pembulatan_anggaran
    if pa != p:
        rows.append(("Pembulatan penyerapan anggaran", f"{pa.desimal} angka di belakang koma, " + ("dibulatkan setengah ke atas" if pa.mode == "setengah_ke_atas" else "dipotong")))
    rows.append(("Skala predikat", (m.skala.nama if m.skala else "Laporan ini tidak memakai skala predikat")))
    if m.skala_keseluruhan != m.skala:
        rows.append(("Skala predikat capaian keseluruhan", m.skala_keseluruhan.nama if m.skala_keseluruhan else "Capaian keseluruhan tidak diberi predikat"))
    if m.skala_efisiensi is not None:
        rows.append(("Skala kategori efisiensi", m.skala_efisiensi.nama))
    if m.preset:
        rows.append(("Preset metode", f"{m.preset}: {PRESET_KETERANGAN.get(m.preset, '')}".rstrip(": ")))
    return rows


def rapikan(teks: str) -> str:
    lines = [ln.rstrip() for ln in teks.splitlines()]
    out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return out + "\n"


_AWALAN_PEMDA = ("Kabupaten ", "Kota ", "Provinsi ", "Pemerintah ")


def label_instansi(profil) -> str:
    """An agency's short label for search results and comparisons: ``singkatan`` from its profile, or its short
    name with the pemda's name without 'Kabupaten'/'Kota' ("Disnaker Jember")."""
    if profil.singkatan:
        return " ".join(profil.singkatan.split())
    pemda = " ".join(profil.pemda.split())
    for awal in _AWALAN_PEMDA:
        if pemda.startswith(awal):
            pemda = pemda[len(awal):]
    return f"{' '.join((profil.nama_singkat or profil.nama).split())} {pemda}"


def front_matter(instansi: str, tahun: int | None = None, cari: bool = True, judul: str | None = None, deskripsi: str | None = None,
                 judul_cari: str | None = None) -> str:
    """YAML front matter (MkDocs ``page.meta``): theme/overrides/main.html makes it Pagefind's agency/year filters.

    ``cari=False`` keeps the page out of the search index (Material's ``search: exclude`` convention), e.g. the
    print page, which repeats every chapter that is already indexed on its own page. ``judul`` is the page's own
    ``<title>`` and og:title (main.html escapes it); ``deskripsi`` its meta description and og:description, the
    headline numbers in words — stored HTML-escaped as ``description`` because Material's base.html prints
    ``page.meta.description`` as it is. ``judul_cari`` is the short title of its search results.
    """
    data: dict[str, Any] = {"instansi": " ".join(str(instansi).split())}
    if tahun is not None:
        data["tahun"] = int(tahun)
    if judul:
        data["judul"] = " ".join(str(judul).split())
    if judul_cari:
        data["judul_cari"] = " ".join(str(judul_cari).split())
    if deskripsi:
        data["description"] = html.escape(" ".join(str(deskripsi).split()), quote=True)
    if not cari:
        data["search"] = {"exclude": True}
    return "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000) + "---\n\n"

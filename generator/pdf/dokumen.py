"""One report's PDF source: the print edition's Markdown (every page of the report, as the site prints it) →
HTML (Python-Markdown, as MkDocs converts it) → Typst markup, in the order of a signed LKIP document:
cover, Kata Pengantar, Ringkasan Eksekutif, Daftar Isi / Tabel / Gambar, BAB I–IV, Lampiran, Catatan Pemeriksaan.

Nothing here computes: the text, tables and marks are those of the site's pages (:mod:`generator.render`);
the cover and the document's metadata come from the profile and the report's own fields.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from .. import fragmen
from ..format import tanggal as tanggal_teks
from . import typst_html as th

# chapters before the table of contents (numbered i, ii, …), then the body (1, 2, …)
DEPAN = ("kata-pengantar", "index")
# numbered tables listed in "Daftar Tabel" (as on the site: not the audit page's)
# (the portal's numbers "tabel-3-2" or "tabel-p3-2", the report's own "tabel-3-1-1"; not the audit page's "tabel-c-1")
_TABEL_DAFTAR = re.compile(r"^tabel-(?!p?c-\d)[0-9a-z]+(?:-[0-9a-z]+)*$")
_EKSTENSI = ("toc", "tables", "attr_list", "admonition", "generator.md_tabel")


@dataclass
class SumberPdf:
    """What the PDF of one report is made from (picklable: built in a render worker, compiled later)."""

    slug: str
    tahun: int
    nama_berkas: str  # laporan-<slug>-<tahun>.pdf
    rel: str  # its path under the docs folder: <slug>/<tahun>/<nama_berkas>
    typst: str  # the body (markup)
    meta: dict  # cover, signature, running header: plain data (read by the template as JSON)
    berkas: dict[str, str] = field(default_factory=dict)  # path inside the Typst root → site-relative source path
    media: dict[str, str] = field(default_factory=dict)  # site-relative path → file on disk (photos, logo)


def nama_pdf(slug: str, tahun: int) -> str:
    return f"laporan-{slug}-{tahun}.pdf"


def html_dari_md(md: str) -> str:
    """The print page's Markdown as MkDocs would convert it (raw HTML blocks travel beside the text)."""
    import markdown

    body, blok = fragmen.ambil(fragmen.pisahkan(md))
    html = markdown.markdown(body, extensions=list(_EKSTENSI), extension_configs={"toc": {"permalink": False}})
    return fragmen.sisipkan(html, blok)


def _bab(root: th.Node) -> tuple[dict[str, list], list[str]]:
    """The print page split at its chapter titles (``h1.cetak-bab``): chapter id → nodes (title first)."""
    out: dict[str, list] = {}
    urutan: list[str] = []
    cur: list | None = None
    for n in root.anak:
        if isinstance(n, th.Node) and n.tag == "h1" and "cetak-bab" in n.kelas:
            cur = out.setdefault(n.attrs.get("id", f"bab{len(out)}"), [])
            urutan.append(n.attrs.get("id", f"bab{len(out) - 1}"))
        if cur is not None:
            cur.append(n)
    return out, urutan


def _tanpa_subbab(nodes: list, ids: set[str]) -> list:
    """Drop the h2 sections with these ids (the site's link lists that the PDF replaces with its own)."""
    out, buang = [], False
    for n in nodes:
        if isinstance(n, th.Node) and n.tag == "h2":
            buang = n.attrs.get("id") in ids
        if not buang:
            out.append(n)
    return out


def susun(md_cetak: str, v, kunci_halaman: list[str]) -> SumberPdf:
    """The PDF source of one report from its print page (``md_cetak``) and its view ``v`` (for the cover)."""
    slug, tahun = v.slug, v.tahun
    cetak_url = f"{slug}/{tahun}/cetak/"
    berkas: dict[str, str] = {}
    media: dict[str, str] = {}

    def gambar(src: str) -> str | None:
        if not src or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//|^/", src):
            return None
        rel = posixpath.normpath(posixpath.join(cetak_url, unquote(src)))
        nama = "f/" + hashlib.sha256(rel.encode()).hexdigest()[:16] + posixpath.splitext(rel)[1].lower()
        if rel.startswith(f"{slug}/{tahun}/grafik/"):
            berkas[nama] = rel
            return nama
        lokal = rel[len(slug) + 1:] if rel.startswith(slug + "/") else None
        if lokal and v.ada_media(lokal):
            berkas[nama] = rel
            media[rel] = str(v.inst.folder / lokal)
            return nama
        return None

    def tautan(href: str) -> str | None:
        if re.match(r"^(https?:|mailto:)", href):
            return href
        base = (v.site.url or "").strip()
        if not base or not base.startswith(("http://", "https://")) or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", href):
            return None
        path = posixpath.normpath(posixpath.join(cetak_url, href.split("#")[0])) if href else ""
        return base.rstrip("/") + "/" + path.lstrip("./") + ("/" if href.split("#")[0].endswith("/") else "")

    root = th.parse(html_dari_md(md_cetak))
    bab, urutan = _bab(root)
    k = th.Konversi(gambar, tautan, daftar_tabel=lambda a: bool(_TABEL_DAFTAR.match(a or "")))
    for nodes in bab.values():
        for n in nodes:
            if isinstance(n, th.Node):
                k.kumpul_label(n)
    id_ke_kunci = dict(zip(urutan, kunci_halaman))
    bagian: dict[str, str] = {}
    for i, nodes in bab.items():
        kunci = id_ke_kunci.get(i, i)
        if kunci == "index":  # the Ringkasan: the PDF has its own lists with page numbers
            nodes = _tanpa_subbab(nodes, {"isi-laporan", "daftar-tabel", "daftar-gambar", "data-terbuka"})
            judul = nodes[0]
            nodes = [th.Node("h1", dict(judul.attrs), ["Ringkasan Eksekutif"])] + [
                n for n in nodes[1:] if not (isinstance(n, th.Node) and n.tag == "h2" and n.attrs.get("id") == "ringkasan-eksekutif")]
        bagian[kunci] = k.blok(nodes)
    depan = [bagian[x] for x in DEPAN if x in bagian]
    isi = [bagian[x] for x in id_ke_kunci.values() if x in bagian and x not in DEPAN]
    typst = k.selesai("#depan[\n" + "\n\n".join(depan) + "\n]\n\n#daftar()\n\n#isi[\n" + "\n\n".join(isi) + "\n]\n")
    return SumberPdf(slug, tahun, nama_pdf(slug, tahun), f"{slug}/{tahun}/{nama_pdf(slug, tahun)}", typst, meta(v, media), berkas, media)


def meta(v, media: dict[str, str]) -> dict:
    """Cover, metadata and running header: plain strings (the template reads them as JSON; no escaping needed)."""
    p, lap = v.profil, v.lap
    logo = None
    if p.logo and v.ada_media(p.logo):
        rel = f"{v.slug}/{p.logo}"
        logo = "f/logo" + posixpath.splitext(p.logo)[1].lower()
        media[rel] = str(v.inst.folder / p.logo)
    tt = lap.penandatangan
    return {
        "judul": lap.judul, "tahun": str(v.tahun), "instansi": p.nama, "pemda": p.pemda, "provinsi": p.provinsi or "",
        "alamat": p.alamat or "", "logo": logo, "logo_rel": f"{v.slug}/{p.logo}" if logo else None,
        "judul_dokumen": f"{lap.judul} {p.nama} Tahun {v.tahun}",
        "kepala": f"LKIP {v.tahun} · {p.nama_singkat or p.nama}",
        "penulis": (tt.nama if tt else p.nama),
        "tanggal": tanggal_teks(tt.tanggal) if tt and tt.tanggal else "",
        # the document's date (PDF metadata): the signing date; a month-only date ("Februari 2024") as its first day
        "tanggal_dokumen": [tt.tanggal.tahun, tt.tanggal.bulan, tt.tanggal.hari or 1] if tt and tt.tanggal else None,
        "portal": v.site.judul_situs,
    }

"""Pages that span a report: the agency page, the home page (every agency's latest figures), hand-written pages of
``content/`` (with a few site values filled in), the generated reference pages, and the site navigation."""

from __future__ import annotations

import html
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment

from .. import docs_ref, fragmen
from ..charts import plan_charts
from ..check import Temuan
from ..compute import HasilLaporan
from ..metode import PRESET, PRESET_KETERANGAN, SKALA, resolve
from ..validate import BerkasLaporan, Instansi, Repo
from .halaman import HALAMAN_REFERENSI, HALAMAN_TENTANG, rel_url
from .laporan import render_laporan
from .perbandingan import HALAMAN as PERBANDINGAN
from .perbandingan import IndikatorRingkas, metode_teks, render_perbandingan, ringkas_indikator
from .tabel import Baris, Sel, TabelView, kepala_sederhana
from .teks import KOSONG, angka, front_matter, hasil_teks, judul_md, label_instansi, rapikan, rentang_simbol, uraian_metode
from .tulis import NAV_BERKAS, Kumpul, Penulis, nav_teks, tulis_pengaturan
from .view import LaporanView


@dataclass
class RingkasanTahun:
    tahun: int
    path: str
    capaian: str
    capaian_batas: str | None
    predikat: str | None
    pagu: str
    realisasi: str
    penyerapan: str
    jumlah_temuan: int
    tampil_catatan: bool
    target: str = ""  # "4 dari 7 target tercapai" (counts computed in generator/compute.py)
    target_singkat: str = ""  # "4 dari 7"
    anggaran: str = ""  # "anggaran Rp 25,5 miliar, terserap 94,4%"
    metode: str = ""  # method preset and rating scale, and every indicator as shown: the comparison page
    skala: str = ""  # (generator/render/perbandingan.py)
    indikator: list[IndikatorRingkas] = field(default_factory=list)

    def __post_init__(self) -> None:  # read back from the build cache (JSON): indicators come as dicts
        self.indikator = [IndikatorRingkas(**x) if isinstance(x, dict) else x for x in self.indikator]


def _jawaban_baris(r: LaporanView) -> tuple[str, str, str]:
    """The answer of one report for the agency and home pages: targets met, and budget with absorption, in words."""
    j = r.jawaban()
    target = j["target"] if j["ada_target"] else ""
    singkat = f"{r.h.target.tercapai} dari {r.h.target.total}" if j["ada_target"] else KOSONG
    return target, singkat, f"anggaran {j['pagu']}, terserap {j['serap']}" if j["ada_anggaran"] else ""


def _capaian_ringkas(rt: RingkasanTahun) -> str:
    return f"{rt.capaian} (untuk predikat: {rt.capaian_batas})" if rt.capaian_batas else rt.capaian


def tabel_instansi(inst: Instansi, ringkas: list[RingkasanTahun]) -> TabelView | None:
    if not ringkas:
        return None
    src = f"{inst.slug}/index.md"
    rows = []
    for rt in ringkas:
        temuan = str(rt.jumlah_temuan) if rt.tampil_catatan else "tidak ditampilkan"
        rows.append(Baris([Sel(f"LKIP {rt.tahun}", kepala=True, href=rel_url(src, rt.path)), Sel(rt.target_singkat, angka=True), Sel(_capaian_ringkas(rt), angka=True), Sel(rt.predikat),
                           Sel(rt.pagu, angka=True), Sel(rt.realisasi, angka=True), Sel(rt.penyerapan, angka=True), Sel(temuan, angka=True)]))
    return TabelView(f"Laporan kinerja {inst.profil.nama}", kepala_sederhana("Laporan", ("Target tercapai", True), ("Capaian kinerja keseluruhan", True), "Predikat", ("Pagu (Rp)", True), ("Realisasi (Rp)", True),
                                                                               ("Penyerapan anggaran", True), ("Temuan pemeriksaan data", True)), rows,
                     sumber="LKIP setiap tahun; capaian dan penyerapan dihitung ulang oleh portal")


def tabel_portal(daftar: list[tuple["RingkasanInstansi", RingkasanTahun]]) -> TabelView | None:
    if not daftar:
        return None
    rows = []
    counts: dict[str, int] = defaultdict(int)
    for inst, _ in daftar:
        counts[inst.slug] += 1
    seen: set[str] = set()
    for inst, rt in daftar:
        cells = []
        if inst.slug not in seen:
            seen.add(inst.slug)
            cells.append(Sel(inst.nama, kepala=True, rowspan=counts[inst.slug], href=rel_url("index.md", f"{inst.slug}/index.md")))
        cells += [Sel(str(rt.tahun), href=rel_url("index.md", rt.path)), Sel(rt.target_singkat, angka=True), Sel(_capaian_ringkas(rt), angka=True), Sel(rt.predikat),
                  Sel(rt.penyerapan, angka=True)]
        rows.append(Baris(cells))
    return TabelView("Laporan kinerja perangkat daerah", kepala_sederhana("Perangkat daerah", "Tahun", ("Target tercapai", True), ("Capaian kinerja keseluruhan", True), "Predikat",
                                                                                   ("Penyerapan anggaran", True)),
                     rows, sumber="LKIP setiap perangkat daerah; capaian dan penyerapan dihitung ulang oleh portal")


@dataclass
class Sekilas:
    """One agency's latest report in one sentence, at the top of the home page."""

    nama: str
    href: str
    tahun: int
    href_tahun: str
    kalimat: str  # "2 dari 3 target tercapai; anggaran Rp 7,9 miliar, terserap 96,1%; predikat Sangat Baik."


def sekilas_portal(daftar: list["RingkasanInstansi"]) -> list[Sekilas]:
    """The home page's answer first: for every agency its latest report's targets met, budget and verdict, in words."""
    out = []
    for ri in sorted(daftar, key=lambda x: x.nama):
        if not ri.ringkas:
            continue
        rt = ri.ringkas[0]  # newest first
        bagian = [x for x in (rt.target, rt.anggaran) if x]
        if rt.predikat:
            bagian.append(f"predikat {rt.predikat}")
        kalimat = "; ".join(bagian) + "." if bagian else "belum ada target atau anggaran yang dapat diringkas."
        out.append(Sekilas(ri.nama, rel_url("index.md", f"{ri.slug}/index.md"), rt.tahun, rel_url("index.md", rt.path), kalimat[0].upper() + kalimat[1:]))
    return out


def _tabel_md_html(t: TabelView) -> str:
    """A small plain HTML table for the method page (no template environment needed)."""
    esc = html.escape
    out = ['<div class="tabel-gulir" role="region" aria-label="%s" tabindex="0">' % esc(t.judul), '<table class="lkip">', f"<caption>{esc(t.judul)}</caption>", "<thead>"]
    for row in t.kepala:
        out.append("<tr>" + "".join(f'<th scope="{k.scope}"' + (f' colspan="{k.colspan}"' if k.colspan > 1 else "") + f">{esc(k.teks)}</th>" for k in row) + "</tr>")
    out.append("</thead>")
    out.append("<tbody>")
    for b in t.baris:
        cells = []
        for c in b.sel:
            tag = "th" if c.kepala else "td"
            attr = f' scope="{c.scope}"' if c.kepala else ""
            cells.append(f"<{tag}{attr}>{esc(str(c.teks))}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out += ["</tbody>", "</table>", "</div>"]
    if t.sumber:
        out.append(f'<p class="sumber-tabel">Sumber: {esc(t.sumber)}</p>')
    return "\n" + "\n".join(out) + "\n"


def _metode_situs(repo: Repo) -> str:
    try:
        m = resolve(repo.site.metode)
    except Exception:  # the site config was validated; this is only a guard
        return ""
    rows = [Baris([Sel(k, kepala=True), Sel(v)]) for k, v in uraian_metode(m)]
    return _tabel_md_html(TabelView("Metode bawaan portal (site_config/lkip.yaml)", kepala_sederhana("Besaran", "Cara menghitung"), rows, sumber="site_config/lkip.yaml"))


def _daftar_preset() -> str:
    rows = [Baris([Sel(name, kepala=True), Sel(PRESET_KETERANGAN.get(name, KOSONG))]) for name in sorted(PRESET)]
    return _tabel_md_html(TabelView("Preset metode (generator/metode.py)", kepala_sederhana("Preset", "Isi"), rows, sumber="generator/metode.py"))


def _daftar_skala() -> str:
    out = []
    for name in sorted(SKALA):
        s = SKALA[name]
        rows = []
        for p in s.pita:
            rows.append(Baris([Sel(p.predikat, kepala=True), Sel(p.kode or KOSONG), Sel(rentang_simbol(p))]))
        out.append(_tabel_md_html(TabelView(f"Skala '{name}': {s.nama}", kepala_sederhana("Predikat", "Kode", "Rentang capaian (%)"), rows, sumber=s.sumber)))
    return "\n".join(out)


def isi_konten(teks: str, repo: Repo) -> str:
    """Fill the few placeholders hand-written pages may use; every value is escaped as text."""
    site = repo.site
    isi = {
        "pemda": str(judul_md(site.pemda)),
        "judul_situs": str(judul_md(site.judul_situs)),
        "kontak": str(judul_md(site.kontak)) if site.kontak else "pengelola portal pemerintah daerah",
    }
    for k, v in isi.items():
        teks = teks.replace(f"%%{k}%%", v)
    blok = {"metode_situs": lambda: _metode_situs(repo), "daftar_preset": _daftar_preset, "daftar_skala": _daftar_skala}
    for k, f in blok.items():
        if f"%%{k}%%" in teks:
            teks = teks.replace(f"%%{k}%%", f())
    return teks


@dataclass
class RingkasanInstansi:
    """What the portal pages (home, nav) need of one agency; kept in the build cache between builds."""

    slug: str
    nama: str
    ringkas: list[RingkasanTahun]
    contoh: dict[str, str] = field(default_factory=dict)  # real YAML values per ``Class.field`` for the field reference


def render_instansi(env: Environment, repo: Repo, inst: Instansi, items: list[tuple[Instansi, BerkasLaporan, HasilLaporan, list[Temuan]]],
                    w: Penulis | Kumpul, out_dir: Path) -> tuple[RingkasanInstansi, list[tuple[Path, list]]]:
    """Render one agency: its page, every report's pages, media. Returns its portal summary and its chart jobs."""
    slug = inst.slug
    items = sorted(items, key=lambda x: x[1].tahun)
    ringkas: list[RingkasanTahun] = []
    jobs_grafik: list[tuple[Path, list]] = []
    for inst_, b, h, temuan in items:
        specs = plan_charts(inst_, b, h)
        jobs_grafik.append((out_dir / slug / str(b.tahun), specs))
        r = LaporanView(repo, inst_, b, h, temuan, [s.chart for s in specs])
        render_laporan(env, r, w)  # its pages link to each other: the site navigation lists no agency
        k = r.keseluruhan()
        ringkas.append(RingkasanTahun(b.tahun, f"{slug}/{b.tahun}/index.md", k["teks"], k["batas"], h.predikat, angka(h.anggaran.pagu_efektif),
                                      angka(h.anggaran.realisasi), hasil_teks(h.anggaran.penyerapan) if h.anggaran.program else KOSONG,
                                      len(temuan), r.catatan.tampil, *_jawaban_baris(r)))
        ringkas[-1].metode, ringkas[-1].skala = metode_teks(h)
        ringkas[-1].indikator = ringkas_indikator(h)
    ringkas.sort(key=lambda x: -x.tahun)
    logo = None
    if inst.profil.logo and (inst.folder / inst.profil.logo).is_file():
        w.salin(f"{slug}/{inst.profil.logo}", inst.folder / inst.profil.logo)
        logo = inst.profil.logo
    md = env.get_template("instansi.md.j2").render(inst=inst, profil=inst.profil, tabel=tabel_instansi(inst, ringkas), ringkas=ringkas, site=repo.site, logo=logo,
                                                   url=lambda p, s=slug: rel_url(f"{s}/index.md", p))
    deskripsi = f"{inst.profil.nama}, {inst.profil.pemda}" + (f": LKIP {ringkas[0].tahun}, " + "; ".join(x for x in (ringkas[0].target, ringkas[0].anggaran) if x) if ringkas else "")
    w.tulis(f"{slug}/index.md", front_matter(inst.profil.nama, judul=f"{inst.profil.nama} · profil dan laporan kinerja", deskripsi=deskripsi.rstrip(", ") + ".",
                                                 judul_cari=f"{label_instansi(inst.profil)} · profil dan laporan") + fragmen.pisahkan(rapikan(md)))
    return RingkasanInstansi(slug, inst.profil.nama, ringkas, docs_ref.contoh_instansi(inst)), jobs_grafik


def render_portal(env: Environment, repo: Repo, daftar: list[RingkasanInstansi], w: Penulis, out_dir: Path) -> None:
    """The pages that span agencies: home (summary of every agency), hand-written pages, and the navigation."""
    root = repo.root
    daftar = sorted(daftar, key=lambda x: x.slug)
    content = root / "content"
    konten: list[str] = []
    if content.is_dir():
        for src in sorted(p for p in content.rglob("*") if p.is_file() and not any(part.startswith(".") for part in p.relative_to(content).parts)):
            rel = src.relative_to(content).as_posix()
            if rel == "index.md":
                continue  # the home page is generated
            if rel.endswith(".md"):
                teks = isi_konten(src.read_text(encoding="utf-8"), repo)
                w.tulis(rel, (PANDUAN_FRONT if rel.startswith(PANDUAN + "/") else "") + teks)
                konten.append(rel)
            else:
                w.salin(rel, src)
    # reference pages generated from the model (never drift from validation), with examples from the agencies' data
    contoh: dict[str, str] = {}
    for ri in daftar:
        for k, v in ri.contoh.items():
            contoh.setdefault(k, v)
    for rel, teks in ((HALAMAN_REFERENSI[0], docs_ref.field_reference(contoh)), (HALAMAN_REFERENSI[1], docs_ref.method_reference())):
        if rel not in konten:
            w.tulis(rel, (PANDUAN_FRONT if rel.startswith(PANDUAN + "/") else "") + teks + "\n")
            konten.append(rel)
    tentang = [p for p in HALAMAN_TENTANG if p in konten] + sorted(p for p in konten if "/" not in p and p not in HALAMAN_TENTANG)
    folders: dict[str, list[str]] = defaultdict(list)
    for p in konten:
        if "/" in p:
            folders[p.split("/", 1)[0]].append(p)

    tabel_beranda = [(ri, rt) for ri in daftar for rt in ri.ringkas]
    md = env.get_template("beranda.md.j2").render(site=repo.site, tabel=tabel_portal(tabel_beranda), sekilas=sekilas_portal(daftar), tentang=tentang, judul_konten=_judul_konten(content, tentang),
                                                  url=lambda p: rel_url("index.md", p))
    w.tulis("index.md", fragmen.pisahkan(rapikan(md)))
    ada_perbandingan = render_perbandingan(env, daftar, w, lambda p: rel_url(PERBANDINGAN, p))

    # The site navigation lists the agencies, not their reports: one entry per agency keeps every page's menu
    # linear in the portal (40 agencies ≈ 6 KB of HTML, ≈ 1 KB gzip), where agencies × years would repeat ~200
    # entries in every page. An agency page lists its reports; each report page carries its own navigation
    # (theme/templates/unduh_laporan.md.j2, halaman_berikut.md.j2); every page has a breadcrumb
    # (theme/overrides/partials/remah.html). The guides for planners and developers (content/panduan/) are their
    # own section, reached from its index page: out of the public navigation and out of the search index.
    nav: list[Any] = [{"Beranda": "index.md"}]
    if daftar:
        nav.append({"Perangkat daerah": [f"{ri.slug}/index.md" for ri in sorted(daftar, key=lambda x: x.nama)]})
    if ada_perbandingan:
        nav.append({"Perbandingan": PERBANDINGAN})
    if tentang:
        nav.append({"Tentang Portal": tentang})
    tersembunyi = []
    for folder in sorted(folders):
        if folder == PANDUAN:
            tersembunyi.append(folder)
            w.tulis(f"{PANDUAN}/index.md", PANDUAN_FRONT + _indeks_panduan(content, sorted(folders[folder])))
            continue
        nav.append({nav_teks(folder.replace("-", " ").replace("_", " ").capitalize()): sorted(folders[folder])})
    tulis_pengaturan(out_dir.parent / NAV_BERKAS, repo, nav, [ri.slug for ri in daftar] + tersembunyi)


PANDUAN = "panduan"
# guides: out of the search index (main.html leaves data-pagefind-body out), marked for the breadcrumb
PANDUAN_FRONT = "---\nsearch:\n  exclude: true\n---\n\n"


def _indeks_panduan(content: Path, pages: list[str]) -> str:
    """The guides' own index page: every guide of ``content/panduan/`` with its title."""
    judul = {}
    for p in pages:
        src = content / p
        judul[p] = _judul_konten(content, [p])[p] if src.is_file() else p.rsplit("/", 1)[-1][:-3].replace("-", " ").capitalize()
    baris = "\n".join(f"- [{judul_md(judul[p])}]({p.split('/', 1)[1]})" for p in pages if p != f"{PANDUAN}/index.md")
    return ("# Panduan untuk perencana dan pengembang\n\n"
            "Cara mengisi data laporan, menambah instansi, membaca pesan galat, menerbitkan situs dan mengembangkan "
            "portal ini. Halaman-halaman ini tidak tercantum di menu publik dan tidak ikut pencarian situs.\n\n" + baris + "\n")


def _judul_konten(content: Path, pages: list[str]) -> dict[str, str]:
    out = {}
    for p in pages:
        title = p[:-3]
        for line in (content / p).read_text(encoding="utf-8").splitlines():
            if line.startswith("# "):
                title = line[2:].strip()
                break
        out[p] = title
    return out

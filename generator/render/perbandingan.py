"""The comparison page for journalists (issue 14): every agency × year side by side — budget absorption and overall
capaian, then each kind of indicator that several agencies measure — with one combined CSV and a note wherever
methods, rating scales, units or wording differ.

It reads only the portal summaries (:class:`~generator.render.portal.RingkasanInstansi`, cached per agency
between builds): :func:`ringkas_indikator` keeps, per report, what the page needs of each indicator, already
computed by the compute stage and formatted here. A "kind" of indicator is its ``id``: agencies that use the same
id (``iku-penempatan``) for their placement indicator are compared; the page says when the printed names differ.
"""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict
from dataclasses import dataclass

from .. import format as fmt
from .. import fragmen
from .tabel import Baris, Sel, TabelView, kepala_sederhana
from .teks import KOSONG, hasil_teks

HALAMAN = "perbandingan.md"
CSV = "perbandingan.csv"


@dataclass
class IndikatorRingkas:
    kunci: str  # the indicator's id: its kind across agencies
    nama: str
    satuan: str
    target: str
    realisasi: str
    capaian: str
    status: str


def ringkas_indikator(h) -> list[IndikatorRingkas]:
    """Every indicator of one computed report (:class:`~generator.compute.HasilLaporan`), as shown."""
    return [IndikatorRingkas(i.model.id, " ".join(i.model.nama.split()), i.model.satuan, fmt.nilai(i.target, i.model.satuan),
                             fmt.nilai(i.realisasi, i.model.satuan), hasil_teks(i.capaian), i.status) for i in h.semua_indikator]


def metode_teks(h) -> tuple[str, str]:
    """The report's method (preset name) and rating scale, for the notes where they differ."""
    m = h.metode
    return (m.preset or "bawaan portal"), (m.skala.nama if m.skala is not None else "tanpa skala predikat")


def _jenis(daftar) -> dict[str, list]:
    """Indicator kinds measured by at least two agencies: id → [(agency, year summary, indicator)]."""
    per: dict[str, list] = defaultdict(list)
    for ri in daftar:
        for rt in ri.ringkas:
            for ind in getattr(rt, "indikator", None) or []:
                per[ind.kunci].append((ri, rt, ind))
    return {k: v for k, v in sorted(per.items()) if len({ri.slug for ri, _, _ in v}) >= 2}


def _catatan_beda(baris: list, sifat: str, label: str) -> str | None:
    nilai = sorted({str(getattr(x, sifat)) for x in baris if getattr(x, sifat, None)})
    return f"{label} berbeda: {', '.join(nilai)}." if len(nilai) > 1 else None


def _tabel_anggaran(daftar, url) -> TabelView:
    rows = []
    for ri in daftar:
        for rt in sorted(ri.ringkas, key=lambda x: x.tahun):
            rows.append(Baris([Sel(ri.nama, kepala=True, href=url(f"{ri.slug}/index.md")), Sel(str(rt.tahun), href=url(rt.path)),
                               Sel(getattr(rt, "target_singkat", "") or KOSONG, angka=True), Sel(rt.capaian, angka=True), Sel(rt.predikat),
                               Sel(rt.pagu, angka=True), Sel(rt.realisasi, angka=True), Sel(rt.penyerapan, angka=True),
                               Sel(getattr(rt, "metode", "") or KOSONG), Sel(getattr(rt, "skala", "") or KOSONG)]))
    return TabelView("Penyerapan anggaran dan capaian kinerja per perangkat daerah dan tahun",
                     kepala_sederhana("Perangkat daerah", "Tahun", ("Target tercapai", True), ("Capaian kinerja keseluruhan", True), "Predikat",
                                      ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan anggaran", True), "Metode", "Skala predikat"),
                     rows, sumber="LKIP setiap perangkat daerah; capaian, predikat dan penyerapan dihitung ulang oleh portal")


def _tabel_jenis(kunci: str, isi: list, url) -> TabelView:
    rows = [Baris([Sel(ri.nama, kepala=True, href=url(f"{ri.slug}/index.md")), Sel(str(rt.tahun), href=url(rt.path.replace("index.md", "bab-3.md"))),
                   Sel(ind.nama), Sel(ind.satuan), Sel(ind.target, angka=True), Sel(ind.realisasi, angka=True), Sel(ind.capaian, angka=True), Sel(ind.status)])
            for ri, rt, ind in sorted(isi, key=lambda x: (x[0].nama, x[1].tahun))]
    judul = max((ind.nama for _, _, ind in isi), key=lambda n: (sum(1 for _, _, i in isi if i.nama == n), -len(n)))
    return TabelView(f"{judul} ({kunci})", kepala_sederhana("Perangkat daerah", "Tahun", "Indikator tercetak", "Satuan", ("Target", True),
                                                             ("Realisasi", True), ("Capaian", True), "Status"), rows,
                     sumber="LKIP setiap perangkat daerah; capaian dihitung ulang oleh portal")


def baris_csv(daftar) -> str:
    """One CSV for the whole page: a row per report (budget) and a row per indicator of a compared kind."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["jenis", "kunci", "instansi", "nama_instansi", "tahun", "indikator", "satuan", "target", "realisasi", "capaian", "status",
                "target_tercapai", "capaian_keseluruhan", "predikat", "pagu", "realisasi_anggaran", "penyerapan", "metode", "skala"])
    for ri in daftar:
        for rt in sorted(ri.ringkas, key=lambda x: x.tahun):
            w.writerow(["anggaran", "", ri.slug, ri.nama, rt.tahun, "", "", "", "", "", "", getattr(rt, "target_singkat", ""), rt.capaian, rt.predikat or "",
                        rt.pagu, rt.realisasi, rt.penyerapan, getattr(rt, "metode", ""), getattr(rt, "skala", "")])
    for kunci, isi in _jenis(daftar).items():
        for ri, rt, ind in sorted(isi, key=lambda x: (x[0].slug, x[1].tahun)):
            w.writerow(["indikator", kunci, ri.slug, ri.nama, rt.tahun, ind.nama, ind.satuan, ind.target, ind.realisasi, ind.capaian, ind.status,
                        "", "", "", "", "", "", getattr(rt, "metode", ""), getattr(rt, "skala", "")])
    return "\ufeff" + out.getvalue()  # UTF-8 with BOM, as the other CSVs (generator/opendata.py): Excel reads "–", "≥"


def render_perbandingan(env, daftar, w, url) -> bool:
    """Write the comparison page and its CSV; False (nothing written) when the portal has fewer than two agencies."""
    if len(daftar) < 2:
        return False
    f = env.get_template("_fragmen.md.j2").make_module({"r": None})
    semua = [rt for ri in daftar for rt in ri.ringkas]
    md = ["# Perbandingan antarperangkat daerah {: #perbandingan }", "",
          "Angka setiap perangkat daerah dan tahun berdampingan: penyerapan anggaran, capaian kinerja keseluruhan, lalu setiap jenis "
          "indikator yang diukur oleh lebih dari satu perangkat daerah. Semua angka dihitung ulang oleh portal dengan metode laporan "
          "masing-masing; bila metode, skala predikat, satuan atau nama indikatornya berbeda, catatan di bawah tabel menyebutnya — "
          "angka seperti itu tidak setara langsung.", "",
          f'<p class="unduh-tabel"><a href="{url(CSV)}" download="{CSV}">Unduh semua angka halaman ini (CSV)</a></p>', "",
          "## Anggaran dan capaian keseluruhan {: #anggaran }", "", str(f.tabel_polos(_tabel_anggaran(daftar, url), "tabel-anggaran"))]
    catatan = [c for c in (_catatan_beda(semua, "metode", "Metode perhitungan antarlaporan"), _catatan_beda(semua, "skala", "Skala predikat antarlaporan")) if c]
    if catatan:
        md += ["", "".join(f'<p class="keterangan-tabel">{fmt_html(c)} Capaian keseluruhan dan predikat dihitung menurut metode '
                               "dan skala laporan masing-masing.</p>\n" for c in catatan)]
    jenis = _jenis(daftar)
    if jenis:
        md += ["", "## Indikator sejenis {: #indikator }", ""]
        for kunci, isi in jenis.items():
            md += ["", str(f.tabel_polos(_tabel_jenis(kunci, isi, url), f"jenis-{kunci}"))]
            inds = [ind for _, _, ind in isi]
            notes = [c for c in (_catatan_beda(inds, "satuan", "Satuan"), _catatan_beda([rt for _, rt, _ in isi], "metode", "Metode perhitungan")) if c]
            if len({i.nama.lower() for i in inds}) > 1:
                notes.append("Nama indikator yang tercetak tidak sama persis; dibandingkan karena memakai kunci indikator yang sama.")
            if notes:
                md += ["", "\n".join(f'<p class="keterangan-tabel">{fmt_html(n)}</p>' for n in notes), ""]
    w.tulis(HALAMAN, fragmen.pisahkan("\n".join(md) + "\n"))
    w.tulis(CSV, baris_csv(daftar))
    return True


def fmt_html(s: str) -> str:
    return html.escape(s, quote=False)

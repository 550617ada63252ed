"""Table builders of the other parts of a report (BAB I staff and AKIP, BAB II plans, the PK, free tables, chart data, the audit list)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from markupsafe import Markup

from .. import grid
from .. import format as fmt
from ..charts import Chart
from ..check import MATERIAL
from ..load import format_path
from ..model import Grafik, Tabel
from .halaman import JUDUL_HALAMAN
from .tabel import Baris, Kepala, Sel, TabelView, Tanda, kepala_bertingkat, kepala_sederhana, pembangun
from .teks import KOSONG, angka, bertanda, markdown_html, nilai, rupiah, teks_sel
from .view import LaporanView


@dataclass
class GrafikView:
    """What the chart stage needs to draw a declared chart (drawn by generator.charts), and its data table."""

    grafik: Grafik  # the model: judul, jenis (batang/garis/batang_bertumpuk), satuan, …
    label: list[str]  # x-axis labels
    seri: list[tuple[str, list[str]]]  # series name → values formatted for reading
    tabel: TabelView  # the data table always shown under the chart
    angka: list[tuple[str, list[Decimal | None]]] = field(default_factory=list)  # series name → numbers

@pembangun("pegawai")
def pegawai(v: LaporanView, i: int) -> TabelView:
    tp, hp = v.lap.pegawai.tabel[i], v.h.pegawai[i]
    n = len(tp.kolom)
    satu = n == 1
    head: list[str | tuple[str, bool]] = [tp.judul_label] + [(k, True) for k in tp.kolom] + ([] if satu else [("Jumlah", True)])
    rows = []
    for r, total in zip(tp.baris, hp.baris):
        vals = (list(r.nilai) + [None] * n)[:n]
        cells = [Sel(r.label, kepala=True)] + [Sel(angka(x) if x is not None else KOSONG, angka=True) for x in vals]
        if not satu:
            cells.append(Sel(angka(total), angka=True))
        rows.append(Baris(cells))
    j = ("pegawai", "tabel", i, "total_tercetak")
    foot = [Sel("Jumlah", kepala=True)]
    for c, jumlah in enumerate(hp.kolom):
        foot.append(Sel(angka(jumlah), angka=True, tanda=v.tanda(*j, c) + (v.tanda(*j, 1) if satu else [])))
    if not satu:
        foot.append(Sel(angka(hp.total), angka=True, tanda=v.tanda(*j, n)))
    t = TabelView(tp.judul, kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=v.sumber, nomor_tercetak=tp.nomor_tercetak,
                  keterangan=[tp.keterangan] if tp.keterangan else [])
    t.tanda_tabel = v.tanda("pegawai", "tabel", i, "baris")
    return t


@pembangun("riwayat-akip")
def riwayat_akip(v: LaporanView) -> TabelView | None:
    ev = v.lap.evaluasi_akip
    if not ev or not ev.riwayat:
        return None
    rows = [Baris([Sel(str(r.tahun), kepala=True), Sel(angka(r.nilai), angka=True), Sel(r.predikat)]) for r in sorted(ev.riwayat, key=lambda r: r.tahun)]
    return TabelView("Hasil evaluasi akuntabilitas kinerja (AKIP)", kepala_sederhana("Tahun", ("Nilai", True), "Predikat"), rows, sumber=v.sumber)


@pembangun("rekomendasi")
def rekomendasi(v: LaporanView) -> TabelView | None:
    ev = v.lap.evaluasi_akip
    if not ev or not ev.rekomendasi:
        return None
    rows = []
    n = 0
    for g in ev.rekomendasi:
        if g.kelompok:
            rows.append(Baris([Sel(g.kelompok, kepala=True, colspan=3, scope="rowgroup")], kelas="grup"))
        for it in g.butir:
            n += 1
            rows.append(Baris([Sel(f"{n}."), Sel(markdown_html(it.rekomendasi)), Sel(markdown_html(it.tindak_lanjut) if it.tindak_lanjut else "belum ada tindak lanjut")]))
    judul = "Rekomendasi hasil evaluasi AKIP dan tindak lanjutnya" + (f" (evaluasi {ev.tahun_evaluasi})" if ev.tahun_evaluasi else "")
    return TabelView(judul, kepala_sederhana("No", "Rekomendasi", "Tindak lanjut"), rows, sumber=v.sumber)


@pembangun("target-renstra")
def target_renstra(v: LaporanView, label: str | None = None) -> TabelView | None:
    """Targets per year of every indicator (Renstra matrix); ``label`` picks a ``target_lain`` version."""
    years = v.tahun_renstra()
    groups: list[tuple[str, list]] = []
    if v.lap.renstra:
        for t in v.lap.renstra.tujuan:
            if t.indikator:
                groups.append((f"Tujuan {t.nomor + ': ' if t.nomor else ''}{t.teks}", t.indikator))
    for s in v.lap.sasaran:
        if s.indikator:
            groups.append((f"Sasaran {s.kode + ': ' if s.kode else ''}{s.nama}", s.indikator))
    rows = []
    any_value = False
    width = 4 + len(years)
    for judul, inds in groups:
        grp = []
        for ind in inds:
            if label is None:
                target, akhir = ind.target, ind.target_akhir_renstra
            else:
                versi = next((v for v in ind.target_lain if v.label == label), None)
                if versi is None:
                    continue
                target, akhir = versi.target, versi.target_akhir
            vals = [target.get(y) for y in years]
            any_value = any_value or any(v is not None for v in vals) or akhir is not None
            grp.append(Baris([Sel(ind.nama, kepala=True), Sel(ind.satuan), Sel(nilai(ind.kondisi_awal, ind.satuan), angka=True)]
                             + [Sel(nilai(v, ind.satuan), angka=True) for v in vals] + [Sel(nilai(akhir, ind.satuan), angka=True)]))
        if grp:
            rows.append(Baris([Sel(judul, kepala=True, colspan=width, scope="rowgroup")], kelas="grup"))
            rows += grp
    if not any_value:
        return None
    judul = "Target kinerja per tahun" + (f" ({label})" if label else (" menurut Renstra" if v.lap.renstra else ""))
    head = [[Kepala("Indikator", rowspan=2), Kepala("Satuan", rowspan=2), Kepala("Kondisi awal", rowspan=2, angka=True), Kepala("Target", colspan=len(years)), Kepala("Target akhir", rowspan=2, angka=True)],
            [Kepala(str(y), angka=True) for y in years]]
    if not years:
        head = kepala_sederhana("Indikator", "Satuan", ("Kondisi awal", True), ("Target akhir", True))
    return TabelView(judul, head, rows, sumber=v.sumber)


@pembangun("strategi")
def strategi(v: LaporanView) -> TabelView | None:
    items = [s for s in v.lap.sasaran if s.strategi or s.kebijakan]
    if not items:
        return None

    def daftar(xs: list[str]) -> Any:
        if not xs:
            return KOSONG
        return Markup("<ul>") + Markup("").join(Markup("<li>%s</li>") % x for x in xs) + Markup("</ul>")

    rows = [Baris([Sel(f"{s.kode + '. ' if s.kode else ''}{s.nama}", kepala=True), Sel(daftar(s.strategi)), Sel(daftar(s.kebijakan))]) for s in items]
    return TabelView("Strategi dan arah kebijakan per sasaran", kepala_sederhana("Sasaran", "Strategi", "Arah kebijakan"), rows, sumber=v.sumber)


@pembangun("iku")
def iku(v: LaporanView) -> TabelView | None:
    rows = []
    for hs in v.h.sasaran:
        inds = [hi for hi in hs.indikator if hi.model.iku]
        if not inds:
            continue
        rows.append(Baris([Sel(v.judul_sasaran(hs), kepala=True, colspan=7, scope="rowgroup")], kelas="grup"))
        for hi in inds:
            ind = hi.model
            rows.append(Baris([Sel(ind.kode), Sel(ind.nama, kepala=True, href=v.url_indikator(ind.id)), Sel(ind.satuan), Sel(fmt.arah_teks(ind.arah)),
                               Sel(ind.rumus), Sel(ind.sumber_data), Sel(ind.penanggung_jawab)]))
    if not rows:
        return None
    return TabelView("Indikator Kinerja Utama (IKU)", kepala_sederhana("Kode", "Indikator", "Satuan", "Arah", "Rumus", "Sumber data", "Penanggung jawab"), rows, sumber=v.sumber)


@pembangun("pk")
def pk(v: LaporanView) -> TabelView | None:
    pk = v.lap.perjanjian_kinerja
    if not v.h.sasaran:
        return None
    ada_p = pk is not None and pk.perubahan is not None
    antara = pk.semua_versi()[1:-1] if ada_p else []  # earlier revisions, when the PK was changed more than once
    label_p = pk.semua_versi()[-1][2] if ada_p else ""
    head: list[str | tuple[str, bool]] = (["Kode", "Indikator", "Satuan", ("Target Perjanjian Kinerja", True)] + [(f"Target {lbl}", True) for _, _, lbl in antara]
                                          + ([(f"Target {label_p}", True)] if ada_p else []))
    # the PK holds exactly its own rows: when it lists targets, only those indicators (not every measured one)
    di_pk = {k for _, versi, _ in pk.semua_versi() for k in versi.target} if pk is not None else set()
    rows = []
    for hs in v.h.sasaran:
        isi = [hi for hi in hs.indikator if not di_pk or hi.model.id in di_pk]
        if not isi:
            continue
        rows.append(Baris([Sel(v.judul_sasaran(hs), kepala=True, colspan=len(head), scope="rowgroup")], kelas="grup"))
        for hi in isi:
            ind = hi.model
            cells = [Sel(ind.kode), Sel(ind.nama, kepala=True, href=v.url_indikator(ind.id)), Sel(ind.satuan),
                     Sel(nilai(hi.target_pk, ind.satuan), angka=True, tanda=v.tanda("perjanjian_kinerja", "target", ind.id))]
            cells += [Sel(nilai(versi.target.get(ind.id), ind.satuan), angka=True, tanda=v.tanda(*path, "target", ind.id)) for path, versi, _ in antara]
            if ada_p:
                cells.append(Sel(nilai(hi.target_pk_perubahan, ind.satuan), angka=True, tanda=v.tanda("perjanjian_kinerja", "perubahan", "target", ind.id)))
            rows.append(Baris(cells))
    judul = (pk.judul if pk and pk.judul else f"Perjanjian Kinerja tahun {v.tahun}") + (" dan perubahannya" if ada_p else "")
    notes = [] if pk else ["Perjanjian Kinerja tidak dilampirkan; target diambil dari target tahunan indikator."]
    return TabelView(judul, kepala_sederhana(*head), rows, sumber=v.sumber, keterangan=notes)


def _selisih(t: Any) -> str:
    """Printed minus computed, as the audit compared them: ``+1,00 poin``, ``−Rp 22.800.000``, ``+2``."""
    x = t.selisih
    if x is None:
        return KOSONG
    if t.satuan_selisih == "persen":
        return bertanda(x) + " poin"
    if t.satuan_selisih == "rupiah":
        return ("+" if x > 0 else "−" if x < 0 else "") + rupiah(abs(x))
    return bertanda(x)


@pembangun("catatan")
def catatan(v: LaporanView, di: dict[int, list[tuple[str, str, str]]]) -> TabelView:
    """The audit list; ``di``: where each finding is shown (finding no → (page, anchor, label)).

    Read by an inspector: what differs first (finding, printed, computed, difference, where it is shown), the YAML
    location last; material differences before those where only the rounding differs. A finding's knock-ons
    ("↳ akibat") and a group's items follow it, under its number."""
    def tempat(no: int) -> Any:
        if not di.get(no):
            return KOSONG
        links = []
        for halaman, anchor, label in dict.fromkeys(di[no]):
            where = label if halaman == "index" and not label.startswith("Tabel") else f"{label} ({JUDUL_HALAMAN[halaman]})" if not label.startswith("Tabel") else label
            links.append(Markup('<a href="%s">%s</a>') % (v.url(halaman, anchor), where))
        return Markup(", ").join(links)

    def baris(judul: str, t: Any, where: Any = KOSONG, id: str | None = None, kelas: str = "") -> Baris:
        lokasi = f"{t.lokasi.file}:{t.lokasi.line}"
        return Baris([Sel(judul, kepala=True, kelas="pesan"), Sel(t.tercetak, angka=True), Sel(t.dihitung, angka=True), Sel(_selisih(t), angka=True),
                      Sel(where), Sel(t.akibat or KOSONG), Sel(format_path(t.jalur), kelas="jalur"), Sel(lokasi if t.jalur else KOSONG, kelas="jalur")], id=id, kelas=kelas)

    def temuan(m: Tanda) -> list[Baris]:
        t = m.temuan
        out = [baris(f"{m.no}. {t.pesan}", t, tempat(m.no), f"catatan-{m.no}")]
        for k, r in enumerate(t.rincian, 1):
            out.append(baris(f"{m.no}.{k}. {r.pesan}", r, kelas="rincian"))
            out += [baris(f"↳ akibat: {x.pesan}", x, kelas="akibat") for x in r.turunan]
        out += [baris(f"↳ akibat: {x.pesan}", x, kelas="akibat") for x in t.turunan]
        return out

    head = kepala_sederhana("Temuan", ("Tercetak", True), ("Hasil hitung", True), ("Selisih", True), "Ditampilkan di", "Akibat dari", "Bagian data", "Berkas:baris")
    material = [m for m in v.catatan.daftar if m.temuan.tingkat == MATERIAL]
    bulat = [m for m in v.catatan.daftar if m.temuan.tingkat != MATERIAL]
    n_bulat = sum(1 for m in bulat for t in m.temuan.semua() if not t.rincian)
    rows: list[Baris] = []
    for judul, daftar in ((f"Selisih material ({len(material)} temuan)", material), (f"Hanya pembulatan berbeda ({n_bulat} angka)", bulat)):
        if daftar and bulat:  # one group needs no heading row
            rows.append(Baris([Sel(judul, kepala=True, colspan=len(head[0]), scope="rowgroup")], kelas="grup"))
        rows += [b for m in daftar for b in temuan(m)]
    return TabelView(f"Temuan pemeriksaan data LKIP {v.tahun}", head, rows, sumber=f"Pemeriksaan otomatis portal atas data {v.sumber}", kelas="catatan")


@pembangun("bebas")
def bebas(v: LaporanView, t: Tabel, i: int) -> TabelView:
    head, leaves = kepala_bertingkat(t.kolom)
    first = 1 if len(leaves) > 1 and re.fullmatch(r"no\.?|nomor", leaves[0].judul.strip().lower()) else 0

    def row(letak: list[grid.Letak], kelas: str = "", replace: dict[int, tuple[str, list[Tanda]]] | None = None) -> Baris:
        kepala = first
        if kelas == "total":  # the label of a total row is its first text cell
            kepala = next((x.kolom for x in letak if isinstance(x.nilai, str) and x.nilai.strip()), first)
        cells = []
        for x in letak:  # merged cells (generator/grid.py) keep their column, span and real table semantics
            c, v = x.kolom, x.nilai
            rata = leaves[c].rata if c < len(leaves) else None
            is_num = isinstance(v, (int, Decimal)) and not isinstance(v, bool)
            tanda: list[Tanda] = []
            text = teks_sel(v)
            if replace and c in replace:
                text, tanda = replace[c]
            cells.append(Sel(text, kepala=c == kepala, angka=rata == "kanan" or (rata is None and is_num), kelas="tengah" if rata == "tengah" else "", tanda=tanda,
                             colspan=x.lebar, rowspan=x.tinggi, scope="rowgroup" if x.tinggi > 1 and c == kepala else "row"))
        return Baris(cells, kelas=kelas)

    n = len(leaves)
    rows = [row(r) for r in grid.tata(t.baris, n)[0]]
    totals = [list(r) for r in t.baris_total]
    repl: dict[int, tuple[str, list[Tanda]]] = {}
    idx = None
    if t.jumlahkan:
        jt = list(t.jumlahkan.baris_total)
        idx = next((k for k, r in enumerate(totals) if r == jt), None)
        if idx is None:
            totals.append(jt)
            idx = len(totals) - 1
        for k in t.jumlahkan.kolom:
            marks = v.tanda("tabel", i, "jumlahkan", "baris_total", k - 1)
            if marks:
                repl[k - 1] = (marks[0].temuan.dihitung, marks)
    foot = [row(r, "total", repl if k == idx else None) for k, r in enumerate(grid.tata(totals, n)[0])]
    judul = t.judul
    return TabelView(judul, head, rows, foot, sumber=t.sumber or v.sumber, catatan=t.catatan, nomor_tercetak=t.nomor_tercetak)


@pembangun("grafik")
def grafik(v: LaporanView, g: Grafik) -> GrafikView:
    """A declared chart's data: labels, series as numbers (for drawing) and as text (for the data table)."""
    labels: list[str] = []
    data_angka: list[tuple[str, list[Decimal | None]]] = []
    judul_label = "Label"
    t = v.tabel_by_id.get(g.tabel) if g.tabel else None

    def num(v: Any) -> Decimal | None:
        return Decimal(v) if isinstance(v, (int, Decimal)) and not isinstance(v, bool) else None

    if t is not None:
        _, leaves = kepala_bertingkat(t.kolom)
        lk = (g.label_kolom or 1) - 1
        if lk < len(leaves):
            judul_label = leaves[lk].judul
        labels = [teks_sel(x) for x in grid.kolom(t.baris, len(leaves), lk)]
        for s in g.seri:
            if s.kolom is not None:
                data_angka.append((s.nama, [num(x) for x in grid.kolom(t.baris, len(leaves), s.kolom - 1)]))
            else:
                data_angka.append((s.nama, list(s.nilai or [])))
    else:
        labels = list(g.label or [])
        data_angka = [(s.nama, list(s.nilai or [])) for s in g.seri]
    n = max([len(labels)] + [len(v) for _, v in data_angka])
    labels += [KOSONG] * (n - len(labels))
    seri = [(nama, [angka(x) for x in vals]) for nama, vals in data_angka]
    rows = [Baris([Sel(labels[k], kepala=True)] + [Sel(v[k] if k < len(v) else KOSONG, angka=True) for _, v in seri]) for k in range(n)]
    satuan = f" ({g.satuan})" if g.satuan else ""
    data = TabelView(f"Data grafik: {g.judul}", kepala_sederhana(judul_label, *[(nama + satuan, True) for nama, _ in seri]), rows, sumber=g.sumber or v.sumber)
    return GrafikView(g, labels, seri, data, data_angka)


@pembangun("grafik-dihasilkan", csv="grafik")
def grafik_dihasilkan(v: LaporanView, c: Chart) -> TabelView:
    """The data a generated chart was drawn from, as a table (first column labels the rows)."""
    rows = [Baris([Sel(v or KOSONG, kepala=k == 0, angka=k > 0) for k, v in enumerate(row)]) for row in c.baris]
    return TabelView(f"Data grafik: {c.judul}", kepala_sederhana(*[(k, i > 0) for i, k in enumerate(c.kolom)]), rows, sumber=c.sumber or v.sumber)

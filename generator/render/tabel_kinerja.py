"""Table builders of performance measurement (BAB III A, Ringkasan): pure functions of a report view."""

from __future__ import annotations

from .. import format as fmt
from ..compute import HasilIndikator
from .tabel import Baris, Sel, TabelView, kepala_sederhana, pembangun
from .tabel_anggaran import ada_keterangan, baris_node, kepala_anggaran
from .teks import KOSONG, angka, bertanda, hasil_teks, markdown_html, nilai, persen, rentang_simbol
from .view import LaporanView


@pembangun("metode")
def metode(v: LaporanView) -> TabelView:
    rows = [Baris([Sel(k, kepala=True), Sel(v)]) for k, v in v.uraian_metode()]
    return TabelView("Metode perhitungan yang dipakai laporan ini", kepala_sederhana("Besaran", "Cara menghitung"), rows,
                     sumber="Pengaturan metode portal (site_config/lkip.yaml) dan laporan ini")


@pembangun("skala")
def skala(v: LaporanView, jenis: str | None = None) -> TabelView | None:
    """The rating scale of the indicators; ``jenis`` 'keseluruhan' (the overall verdict's, when it differs) or
    'efisiensi' (the efficiency categories)."""
    m = v.metode
    s = {None: m.skala, "keseluruhan": m.skala_keseluruhan if m.skala_keseluruhan != m.skala else None, "efisiensi": m.skala_efisiensi}[jenis]
    if s is None:
        return None
    rows = []
    for p in sorted(s.pita, key=lambda p: (p.bawah is not None, p.bawah or 0), reverse=True):
        cells = [Sel(p.predikat, kepala=True)]
        if any(x.kode for x in s.pita):
            cells.append(Sel(p.kode))
        cells.append(Sel(rentang_simbol(p)))
        rows.append(Baris(cells))
    head = [("Kategori" if jenis == "efisiensi" else "Predikat")] + (["Kode"] if any(x.kode for x in s.pita) else []) + [("Rentang efisiensi" if jenis == "efisiensi" else "Rentang capaian (%)")]
    celah = {"tanpa_predikat": "Skala ini dipakai sebagaimana tercetak: nilai di antara pita atau di luar semua pita tidak diberi predikat.",
             "pita_bawah": "Skala ini dipakai sebagaimana tercetak: nilai di antara pita atau di atas pita teratas diberi predikat pita terdekat di bawahnya.",
             "pita_atas": "Skala ini dipakai sebagaimana tercetak: nilai di antara pita atau di bawah pita terbawah diberi predikat pita terdekat di atasnya."}.get(s.celah)
    judul = {None: "Skala predikat", "keseluruhan": "Skala predikat capaian keseluruhan", "efisiensi": "Skala kategori efisiensi"}[jenis]
    return TabelView(f"{judul}: {s.nama}", kepala_sederhana(*head), rows, sumber=s.sumber or v.sumber, keterangan=[celah] if celah else [])


def _sel_capaian(v: LaporanView, hi: HasilIndikator) -> list[Sel]:
    t = hi.model.tercetak
    cells = [Sel(hasil_teks(hi.capaian), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "capaian"), portal=hi.capaian.ada and v.portal(t.capaian))]
    if v.ada_batas:
        cells.append(Sel(persen(hi.capaian_batas_tampil) if hi.capaian.ada else KOSONG, angka=True))
    if v.ada_skala:
        cells.append(Sel(hi.predikat, tanda=v.tanda(*hi.jalur, "tercetak", "predikat"), portal=bool(hi.predikat) and v.portal(t.predikat)))
    return cells


def _sel_status(hi: HasilIndikator) -> Sel:
    """The indicator's status in words (tercapai / tidak tercapai / tidak dapat diukur; computed in compute)."""
    return Sel(hi.status, kelas="status " + hi.status.replace(" ", "-"))


def _sel_jumlah_target(j) -> Sel:
    """A sasaran's or the report's targets met, in words, under the status column."""
    return Sel(f"{j.tercapai} dari {j.total} tercapai" if j.total else KOSONG)


def _kepala_capaian(v: LaporanView) -> list[str | tuple[str, bool]]:
    head: list[str | tuple[str, bool]] = [("Capaian", True)]
    if v.ada_batas:
        head.append(("Capaian untuk predikat", True))
    if v.ada_skala:
        head.append("Predikat")
    return head


def _kaki_keseluruhan(v: LaporanView, colspan: int, status: Sel) -> list[Sel]:
    """The footer row of a measurement table: overall capaian (capped for the predikat), predikat, targets met."""
    k = v.keseluruhan()
    ada = v.h.keseluruhan.ada
    teks = "tidak tercetak di laporan" if k["sembunyi"] else k["teks"]
    foot = [Sel("Capaian kinerja keseluruhan", kepala=True, colspan=colspan), Sel(teks, angka=True, tanda=k["tanda"], portal=ada and k["portal"] and not k["sembunyi"])]
    if v.ada_batas:
        foot.append(Sel(KOSONG if k["sembunyi"] else k["batas_teks"], angka=True))
    if v.ada_skala:
        foot.append(Sel(KOSONG if k["sembunyi_predikat"] else v.h.predikat, tanda=k["tanda_predikat"],
                        portal=bool(v.h.predikat) and k["portal_predikat"] and not k["sembunyi_predikat"]))
    return foot + [status]


@pembangun("pengukuran")
def pengukuran(v: LaporanView, ringkas: bool = False) -> TabelView:
    """Target, realisasi, capaian (and predikat) of every indicator, grouped by sasaran."""
    head: list[str | tuple[str, bool]] = ["Kode", "Indikator", "Satuan", ("Target", True), ("Realisasi", True)] + _kepala_capaian(v) + ["Status"]
    width = len(head)
    rows: list[Baris] = []
    bukan_iku = False
    for hs in v.h.sasaran:
        rows.append(Baris([Sel(v.judul_sasaran(hs), kepala=True, colspan=width, scope="rowgroup", href=v.url("bab-3", f"sasaran-{hs.model.id}"))], kelas="grup"))
        for hi in hs.indikator:
            ind = hi.model
            nama = v.judul_indikator(hi) if not ind.kode else ind.nama
            if not hi.dirata:
                nama += " (indikator pendukung, tidak dirata-rata)"
                bukan_iku = True
            rows.append(Baris([
                Sel(ind.kode),
                Sel(nama, kepala=True, href=v.url_indikator(ind.id)),
                Sel(ind.satuan),
                Sel(nilai(hi.target, ind.satuan), angka=True),
                Sel(nilai(hi.realisasi, ind.satuan), angka=True, tanda=v.tanda(*hi.jalur, "realisasi", v.tahun)),
            ] + _sel_capaian(v, hi) + [_sel_status(hi)]))
        ts = hs.model.tercetak
        if (len(hs.indikator) > 1 or ts.capaian is not None) and not v.sembunyikan(ts.capaian):
            cells = [Sel(f"Rata-rata capaian sasaran {hs.model.kode or ''}".strip(), kepala=True, colspan=5),
                     Sel(hasil_teks(hs.capaian), angka=True, tanda=v.tanda(*hs.jalur, "tercetak", "capaian"), portal=hs.capaian.ada and v.portal(ts.capaian))]
            if v.ada_batas:
                cells.append(Sel(persen(hs.capaian_batas_tampil) if hs.capaian.ada else KOSONG, angka=True))
            if v.ada_skala:
                cells.append(Sel(hs.predikat, tanda=v.tanda(*hs.jalur, "tercetak", "predikat"), portal=bool(hs.predikat) and v.portal(ts.predikat)))
            cells.append(_sel_jumlah_target(hs.target))
            rows.append(Baris(cells, kelas="subtotal"))
    foot = _kaki_keseluruhan(v, 5, _sel_jumlah_target(v.h.target))
    notes = []
    if bukan_iku:
        notes.append("Indikator pendukung (bukan IKU) ditampilkan tetapi tidak dihitung dalam rata-rata.")
    if v.ada_batas:
        notes.append("Kolom “Capaian untuk predikat” menerapkan batas capaian metode laporan ini; predikat ditentukan dari kolom itu.")
    return TabelView(f"Pengukuran capaian kinerja tahun {v.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")],
                     sumber=v.sumber_hitung, keterangan=notes)


@pembangun("per-predikat")
def per_predikat(v: LaporanView) -> TabelView | None:
    if not v.ada_skala or not v.h.jumlah_per_predikat:
        return None
    rows = [Baris([Sel(label, kepala=True), Sel(angka(n), angka=True, tanda=v.tanda("tercetak", "jumlah_per_predikat", label))]) for label, n in v.h.jumlah_per_predikat.items()]
    return TabelView("Jumlah indikator menurut predikat", kepala_sederhana("Predikat", ("Jumlah indikator", True)), rows,
                     [Baris([Sel("Jumlah", kepala=True), Sel(angka(v.h.jumlah.indikator_berpredikat), angka=True)], kelas="total")], sumber=v.sumber_hitung)


@pembangun("target-realisasi")
def target_realisasi(v: LaporanView, hi: HasilIndikator) -> TabelView:
    ind = hi.model
    head: list[str | tuple[str, bool]] = ["Satuan"]
    cells = [Sel(ind.satuan)]
    if hi.target_pk_perubahan is not None:
        head += [("Target Perjanjian Kinerja", True), ("Target PK perubahan", True)]
        cells += [Sel(nilai(hi.target_pk, ind.satuan), angka=True), Sel(nilai(hi.target_pk_perubahan, ind.satuan), angka=True)]
    else:
        head.append(("Target", True))
        cells.append(Sel(nilai(hi.target, ind.satuan), angka=True, tanda=v.tanda_lain(hi, "target", v.tahun)))
    head += [("Realisasi", True)] + _kepala_capaian(v)
    cells += [Sel(nilai(hi.realisasi, ind.satuan), angka=True, tanda=v.tanda(*hi.jalur, "realisasi", v.tahun) + v.tanda_lain(hi, "realisasi", v.tahun))]
    cap = _sel_capaian(v, hi)
    cap[0].tanda = cap[0].tanda + v.tanda_lain(hi, "capaian", v.tahun)
    if v.ada_skala:
        cap[-1].tanda = cap[-1].tanda + v.tanda_lain(hi, "predikat", v.tahun)
    cells += cap + [_sel_status(hi)]
    head.append("Status")
    arah = fmt.arah_teks(ind.arah)
    return TabelView(f"Target dan realisasi {v.tahun}: {ind.nama}", kepala_sederhana(*head), [Baris(cells)],
                     sumber=v.sumber_hitung, keterangan=[f"Arah indikator: {arah}."])


@pembangun("komponen")
def komponen(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    ind = hi.model
    if not ind.komponen:
        return None
    peran = {"pembilang": "pembilang", "penyebut": "penyebut", "rincian": "rincian"}
    rows = [Baris([Sel(k.nama, kepala=True), Sel(str(k.tahun) if k.tahun else KOSONG), Sel(peran[k.peran]), Sel(angka(k.nilai), angka=True), Sel(k.satuan)])
            for k in sorted(ind.komponen, key=lambda k: -(k.tahun or 0))]
    return TabelView(f"Komponen data: {ind.nama}", kepala_sederhana("Komponen", "Tahun", "Peran", ("Nilai", True), "Satuan"), rows, sumber=v.sumber)


@pembangun("riwayat")
def riwayat(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    ind = hi.model
    if not hi.riwayat:
        return None
    rows = []
    for r in hi.riwayat:
        rows.append(Baris([
            Sel(str(r.tahun), kepala=True),
            Sel(nilai(r.target, ind.satuan), angka=True, tanda=v.tanda(*hi.jalur, "target", r.tahun) + v.tanda_lain(hi, "target", r.tahun)),
            Sel(nilai(r.realisasi, ind.satuan), angka=True, tanda=v.tanda(*hi.jalur, "realisasi", r.tahun) + v.tanda_lain(hi, "realisasi", r.tahun)),
            Sel(hasil_teks(r.capaian), angka=True, tanda=v.tanda(*hi.jalur, "riwayat_tercetak", r.tahun, "capaian") + v.tanda_lain(hi, "capaian", r.tahun)),
            Sel(r.sumber),
        ]))
    rows.append(Baris([
        Sel(str(v.tahun), kepala=True),
        Sel(nilai(hi.target, ind.satuan), angka=True),
        Sel(nilai(hi.realisasi, ind.satuan), angka=True),
        Sel(hasil_teks(hi.capaian), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "capaian")),
        Sel("laporan ini"),
    ], kelas="tahun-ini"))
    notes = []
    if hi.perubahan_realisasi.ada:
        unit = " poin persen" if fmt.adalah_persen(ind.satuan) else ""
        notes.append(f"Perubahan realisasi dari {v.tahun - 1}: {bertanda(hi.perubahan_realisasi.tampil)}{unit}.")
    if hi.perubahan_capaian.ada:
        notes.append(f"Perubahan capaian dari {v.tahun - 1}: {bertanda(hi.perubahan_capaian.tampil)} poin persen.")
    return TabelView(f"Realisasi dan capaian dari tahun ke tahun: {ind.nama}", kepala_sederhana("Tahun", ("Target", True), ("Realisasi", True), ("Capaian", True), "Sumber data"),
                     rows, sumber=v.sumber_hitung, keterangan=notes)


@pembangun("renstra")
def renstra(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    ind = hi.model
    if ind.target_akhir_renstra is None:
        return None
    ren = v.lap.renstra
    periode = f"{ren.periode.awal}–{ren.periode.akhir}" if ren else KOSONG
    akhir = str(ren.periode.akhir) if ren else ""
    cells = [Sel(periode, kepala=True), Sel(nilai(ind.kondisi_awal, ind.satuan), angka=True), Sel(nilai(ind.target_akhir_renstra, ind.satuan), angka=True),
             Sel(nilai(hi.realisasi, ind.satuan), angka=True), Sel(hasil_teks(hi.renstra), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "capaian_renstra"))]
    return TabelView(f"Realisasi {v.tahun} dibandingkan target akhir Renstra: {ind.nama}",
                     kepala_sederhana("Periode Renstra", ("Kondisi awal", True), (f"Target akhir {akhir}".strip(), True), (f"Realisasi {v.tahun}", True), ("Capaian terhadap target akhir", True)),
                     [Baris(cells)], sumber=v.sumber_hitung)


@pembangun("pembanding")
def pembanding(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    ind = hi.model
    if not ind.pembanding:
        return None
    tingkat = {"provinsi": "Provinsi", "nasional": "Nasional", "kabupaten": "Kabupaten/kota", "lainnya": "Lainnya"}
    rows = [Baris([Sel(f"{tingkat[p.tingkat]}{': ' + p.nama if p.nama else ''}", kepala=True), Sel(str(p.tahun) if p.tahun else KOSONG),
                   Sel(nilai(p.nilai, ind.satuan) if p.nilai is not None else "tidak tersedia", angka=True), Sel(p.keterangan)]) for p in ind.pembanding]
    rows.insert(0, Baris([Sel(v.profil.nama_singkat or v.profil.nama, kepala=True), Sel(str(v.tahun)), Sel(nilai(hi.realisasi, ind.satuan), angka=True), Sel("realisasi instansi")], kelas="tahun-ini"))
    return TabelView(f"Perbandingan dengan standar nasional/provinsi: {ind.nama}", kepala_sederhana("Pembanding", "Tahun", ("Nilai", True), "Keterangan"), rows, sumber=v.sumber)


@pembangun("efisiensi-indikator")
def efisiensi_indikator(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    t = hi.model.tercetak
    if not hi.anggaran and t.penyerapan is None and t.efisiensi is None and not hi.model.analisis.efisiensi:
        return None
    cells = [Sel(hasil_teks(hi.capaian), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "capaian")),
             Sel(hasil_teks(hi.penyerapan), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "penyerapan")),
             Sel(v.efisiensi_teks(hi), angka=v.metode.efisiensi != "verbal", tanda=v.tanda(*hi.jalur, "tercetak", "efisiensi"))]
    rumus = dict(v.uraian_metode())["Efisiensi"]
    return TabelView(f"Efisiensi penggunaan anggaran: {hi.model.nama}", kepala_sederhana(("Capaian kinerja", True), ("Penyerapan anggaran", True), ("Efisiensi", True)),
                     [Baris(cells)], sumber=v.sumber_hitung, keterangan=[f"Efisiensi = {rumus}.", "Penyerapan dari anggaran yang mendanai indikator ini: " + (", ".join(n.nama for n in hi.anggaran) or "tidak terhubung ke anggaran") + "."])


@pembangun("pendukung")
def pendukung(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    if not hi.anggaran:
        return None
    ada_p = any(n.pagu_perubahan is not None for n in hi.anggaran)
    kode = any(n.kode for n in hi.anggaran)
    ket = ada_keterangan(hi.anggaran)
    rows = [baris_node(v, n, ada_p, kode, ket) for n in hi.anggaran]
    return TabelView(f"Program/kegiatan yang mendanai indikator: {hi.model.nama}", kepala_anggaran(v, ada_p, kode, ket), rows, sumber=v.sumber_hitung)


@pembangun("indikator-tujuan")
def indikator_tujuan(v: LaporanView) -> TabelView | None:
    if not v.indikator_bab3:
        return None
    head: list[str | tuple[str, bool]] = ["Tujuan", "Indikator", "Satuan", ("Target", True), ("Realisasi", True)] + _kepala_capaian(v) + ["Status"]
    rows = []
    tujuan = {i.id: t for t in (v.lap.renstra.tujuan if v.lap.renstra else []) for i in t.indikator}
    for hi in v.indikator_bab3:
        ind = hi.model
        t = tujuan.get(ind.id)
        rows.append(Baris([Sel(t.teks if t else KOSONG), Sel(v.judul_indikator(hi), kepala=True, href=v.url_indikator(ind.id)), Sel(ind.satuan),
                           Sel(nilai(hi.target, ind.satuan), angka=True), Sel(nilai(hi.realisasi, ind.satuan), angka=True)] + _sel_capaian(v, hi) + [_sel_status(hi)]))
    return TabelView(f"Capaian indikator tujuan tahun {v.tahun}", kepala_sederhana(*head), rows, sumber=v.sumber_hitung)


@pembangun("efisiensi")
def efisiensi(v: LaporanView) -> TabelView | None:
    if not v.h.sasaran or not v.lap.anggaran.program:
        return None
    ada_kategori = v.metode.skala_efisiensi is not None
    rows = []
    for hs in v.h.sasaran:
        kategori = [Sel(hs.efisiensi_kategori)] if ada_kategori else []
        judul = Sel(v.judul_sasaran(hs), kepala=True, href=v.url("bab-3", f"sasaran-{hs.model.id}"))
        if v.hitungan_disembunyikan:  # the report's efficiency table has no sasaran rows (never printed): only the heading
            judul.colspan, judul.scope = 4 + len(kategori), "rowgroup"
            rows.append(Baris([judul], kelas="grup"))
        else:  # sasaran-level absorption and efficiency are never printed: computed by the portal
            ts = hs.model.tercetak.capaian
            rows.append(Baris([judul, Sel(hasil_teks(hs.capaian), angka=True, tanda=v.tanda(*hs.jalur, "tercetak", "capaian"), portal=hs.capaian.ada and v.portal(ts)),
                               Sel(hasil_teks(hs.penyerapan), angka=True, portal=hs.penyerapan.ada),
                               Sel(v.efisiensi_teks(hs), angka=v.metode.efisiensi != "verbal", portal=hs.efisiensi.ada)] + kategori, kelas="subtotal"))
        for hi in hs.indikator:
            kategori = [Sel(hi.efisiensi_kategori)] if ada_kategori else []
            rows.append(Baris([Sel(v.judul_indikator(hi), kepala=True, kelas="tingkat-1", href=v.url_indikator(hi.model.id)),
                               Sel(hasil_teks(hi.capaian), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "capaian"), portal=hi.capaian.ada and v.portal(hi.model.tercetak.capaian)),
                               Sel(hasil_teks(hi.penyerapan), angka=True, tanda=v.tanda(*hi.jalur, "tercetak", "penyerapan"),
                                   portal=hi.penyerapan.ada and v.portal(hi.model.tercetak.penyerapan)),
                               Sel(v.efisiensi_teks(hi), angka=v.metode.efisiensi != "verbal", tanda=v.tanda(*hi.jalur, "tercetak", "efisiensi"),
                                   portal=hi.efisiensi.ada and v.portal(hi.model.tercetak.efisiensi if v.metode.efisiensi != "verbal" else hi.model.tercetak.efisiensi_teks))] + kategori))
    rumus = dict(v.uraian_metode())["Efisiensi"]
    head = kepala_sederhana("Sasaran / indikator", ("Capaian kinerja", True), ("Penyerapan anggaran", True), ("Efisiensi", True), *(["Kategori efisiensi"] if ada_kategori else []))
    return TabelView(f"Efisiensi penggunaan anggaran tahun {v.tahun}", head,
                     rows, sumber=v.sumber_hitung, keterangan=[f"Efisiensi = {rumus}. Penyerapan sasaran dihitung dari program yang mendukungnya (atau gabungan anggaran indikatornya)."])


@pembangun("prestasi")
def prestasi(v: LaporanView) -> TabelView | None:
    if not v.lap.prestasi:
        return None
    rows = [Baris([Sel(p.nama, kepala=True), Sel(str(p.tahun) if p.tahun else KOSONG), Sel(p.pemberi), Sel(markdown_html(p.uraian) if p.uraian else KOSONG)]) for p in v.lap.prestasi]
    return TabelView("Prestasi dan penghargaan", kepala_sederhana("Prestasi/penghargaan", "Tahun", "Pemberi", "Uraian"), rows, sumber=v.sumber)


@pembangun("ringkasan-iku")
def ringkasan_iku(v: LaporanView) -> TabelView | None:
    if not v.h.sasaran:
        return None
    head: list[str | tuple[str, bool]] = ["Indikator", ("Target", True), ("Realisasi", True)] + _kepala_capaian(v) + ["Status"]
    rows = []
    for hs in v.h.sasaran:
        for hi in hs.indikator:
            if not hi.model.iku:
                continue
            ind = hi.model
            rows.append(Baris([Sel(v.judul_indikator(hi), kepala=True, href=v.url_indikator(ind.id)), Sel(nilai(hi.target, ind.satuan), angka=True),
                               Sel(nilai(hi.realisasi, ind.satuan), angka=True)] + _sel_capaian(v, hi) + [_sel_status(hi)]))
    if not rows:
        return None
    foot = _kaki_keseluruhan(v, 3, _sel_jumlah_target(v.h.target) if all(h.dirata == h.model.iku for h in v.h.semua_indikator) else Sel(KOSONG))
    return TabelView(f"Capaian Indikator Kinerja Utama tahun {v.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=v.sumber_hitung)

"""Table builders of the parts issue 13 added to the model: quarterly targets, SAKIP component scores, AKIP
follow-up actions, individual PKs of eselon III/IV officials. Pure functions of a report view; every number comes
computed from the compute stage and is only formatted here."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from .. import format as fmt
from ..compute import HasilIndikator
from .tabel import Baris, Sel, TabelView, kepala_sederhana, pembangun
from .teks import KOSONG, angka, hasil_teks, markdown_html, nilai
from .view import LaporanView

ROMAWI = {1: "I", 2: "II", 3: "III", 4: "IV"}


@pembangun("triwulan")
def triwulan(v: LaporanView, hi: HasilIndikator) -> TabelView | None:
    """Target, realisasi and capaian (by the indicator's own formula) per quarter."""
    if not hi.triwulan:
        return None
    ind = hi.model
    rows = [Baris([Sel(f"Triwulan {ROMAWI[t.tw]}", kepala=True), Sel(nilai(t.target, ind.satuan), angka=True), Sel(nilai(t.realisasi, ind.satuan), angka=True),
                   Sel(hasil_teks(t.capaian), angka=True)]) for t in hi.triwulan]
    return TabelView(f"Target dan realisasi per triwulan tahun {v.tahun}: {ind.nama}", kepala_sederhana("Triwulan", ("Target", True), ("Realisasi", True), ("Capaian", True)),
                     rows, sumber=v.sumber_hitung, keterangan=["Capaian setiap triwulan dihitung dengan rumus indikator ini (realisasi triwulan terhadap target triwulan)."])


@pembangun("komponen-sakip")
def komponen_sakip(v: LaporanView) -> TabelView | None:
    """SAKIP evaluation components: weight, score, score as % of the weight; the sums in the footer."""
    he = v.h.evaluasi
    if he is None:
        return None
    rows = [Baris([Sel(k.nama, kepala=True), Sel(angka(k.bobot), angka=True), Sel(angka(k.nilai), angka=True), Sel(hasil_teks(k.persen), angka=True)]) for k in he.komponen]
    foot = [Baris([Sel("Jumlah", kepala=True), Sel(angka(he.bobot), angka=True), Sel(angka(he.nilai), angka=True, tanda=v.tanda("evaluasi_akip", "jumlah_tercetak")), Sel(KOSONG)], kelas="total")]
    ev = v.lap.evaluasi_akip
    judul = "Nilai per komponen evaluasi SAKIP" + (f" tahun {ev.tahun_evaluasi}" if ev and ev.tahun_evaluasi else "")
    return TabelView(judul, kepala_sederhana("Komponen", ("Bobot", True), ("Nilai", True), ("Nilai terhadap bobot", True)), rows, foot, sumber=v.sumber_hitung,
                     keterangan=["Jumlah nilai dihitung oleh portal dari nilai setiap komponen."])


STATUS_TINDAK_LANJUT = {"belum": "belum ditindaklanjuti", "proses": "dalam proses", "selesai": "selesai"}


def _bukti(daftar: list) -> Any:
    """Evidence texts; a link shows its address too (kept in print and in the CSV). Escaped: YAML text stays text."""
    if not daftar:
        return KOSONG
    items = [Markup('%s<br><a href="%s" rel="nofollow noopener">%s</a>') % (b.teks, b.tautan, b.tautan) if b.tautan else Markup("%s") % b.teks for b in daftar]
    return items[0] if len(items) == 1 else Markup("<ul>") + Markup("").join(Markup("<li>%s</li>") % x for x in items) + Markup("</ul>")


def ada_tindak_lanjut_rinci(v: LaporanView) -> bool:
    ev = v.lap.evaluasi_akip
    return bool(ev) and any(it.bukti or it.batas_waktu or it.penanggung_jawab or it.status for g in ev.rekomendasi for it in g.butir)


@pembangun("tindak-lanjut-akip")
def tindak_lanjut_akip(v: LaporanView) -> TabelView | None:
    """AKIP recommendations with their follow-up actions: output/evidence, deadline, person in charge, status."""
    if not ada_tindak_lanjut_rinci(v):
        return None
    ev = v.lap.evaluasi_akip
    head = kepala_sederhana("No", "Rekomendasi", "Tindak lanjut", "Output/bukti", "Batas waktu", "Penanggung jawab", "Status")
    rows, n = [], 0
    for g in ev.rekomendasi:
        if g.kelompok:
            rows.append(Baris([Sel(g.kelompok, kepala=True, colspan=len(head[0]), scope="rowgroup")], kelas="grup"))
        for it in g.butir:
            n += 1
            batas = it.batas_waktu if isinstance(it.batas_waktu, str) or it.batas_waktu is None else fmt.tanggal(it.batas_waktu)
            rows.append(Baris([Sel(f"{n}."), Sel(markdown_html(it.rekomendasi)), Sel(markdown_html(it.tindak_lanjut) if it.tindak_lanjut else "belum ada tindak lanjut"),
                               Sel(_bukti(it.bukti)), Sel(batas), Sel(it.penanggung_jawab), Sel(STATUS_TINDAK_LANJUT.get(it.status or "", KOSONG), kelas=f"status-tl {it.status or ''}".strip())]))
    judul = "Rekomendasi hasil evaluasi AKIP dan tindak lanjutnya" + (f" (evaluasi {ev.tahun_evaluasi})" if ev.tahun_evaluasi else "")
    return TabelView(judul, head, rows, sumber=v.sumber)


@pembangun("pk-individu")
def pk_individu(v: LaporanView, kunci: str) -> TabelView | None:
    """One eselon III/IV official's Perjanjian Kinerja: indicators and targets grouped by sasaran."""
    pk = next((p for p in v.lap.perjanjian_kinerja_individu if p.kunci == kunci), None)
    if pk is None:
        return None
    rows: list[Baris] = []
    n, sasaran = 0, None
    for b in pk.baris:
        if b.sasaran != sasaran:
            sasaran = b.sasaran
            rows.append(Baris([Sel(f"Sasaran: {b.sasaran}", kepala=True, colspan=4, scope="rowgroup")], kelas="grup"))
        n += 1
        rows.append(Baris([Sel(f"{n}."), Sel(b.indikator, kepala=True), Sel(nilai(b.target, b.satuan), angka=True), Sel(b.satuan)]))
    o = pk.pejabat
    siapa = ", ".join(x for x in (o.nama, f"NIP {fmt.nip(o.nip)}" if o.nip else "", f"eselon {pk.eselon}" if pk.eselon else "") if x)
    ket = [f"Pihak pertama: {siapa}."] + ([f"Pihak kedua (atasan langsung): {pk.atasan.nama}" + (f", {pk.atasan.jabatan}" if pk.atasan.jabatan else "") + "."] if pk.atasan else [])
    return TabelView(f"Perjanjian Kinerja {o.jabatan or o.nama} tahun {v.tahun}", kepala_sederhana("No", "Indikator kinerja", ("Target", True), "Satuan"), rows, sumber=v.sumber, keterangan=ket)

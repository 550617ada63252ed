"""Table builders of the parts issue 13 added to the model: quarterly targets, SAKIP component scores, AKIP
follow-up actions, individual PKs of eselon III/IV officials. Pure functions of a report view; every number comes
computed from the compute stage and is only formatted here."""

from __future__ import annotations

from ..compute import HasilIndikator
from .tabel import Baris, Sel, TabelView, kepala_sederhana, pembangun
from .teks import KOSONG, angka, hasil_teks, nilai
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

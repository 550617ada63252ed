"""Table builders of the budget (BAB III B, BAB II programs, the Perjanjian Kinerja budget): pure functions of a report view."""

from __future__ import annotations

from decimal import Decimal

from ..compute import NodeAnggaran
from .tabel import Baris, Kepala, Sel, TabelView, kepala_sederhana, pembangun
from .teks import KOSONG, angka, bertanda, hasil_teks, markdown_html, persen
from .view import LaporanView


TINGKAT_ANGGARAN = ("Program", "Kegiatan", "Sub-kegiatan")  # NodeAnggaran.tingkat 0, 1, 2


def ada_keterangan(nodes: list[NodeAnggaran]) -> bool:
    """True when some budget line carries a note (permasalahan, upaya…): the table gets a Keterangan column."""
    return any(getattr(n.sumber, "keterangan", None) for n in nodes)


def baris_node(v: LaporanView, n: NodeAnggaran, ada_perubahan: bool, kode: bool = True, ket: bool = False) -> Baris:
    j = n.jalur + ("tercetak",)
    cells = []
    if kode:
        cells.append(Sel(n.kode))
    tingkat = TINGKAT_ANGGARAN[n.tingkat]
    cells.append(Sel(n.nama, kepala=True, kelas=f"tingkat-{n.tingkat}"))
    cells.append(Sel(tingkat))
    cells.append(Sel(angka(n.pagu), angka=True, tanda=v.tanda(*j, "pagu")))
    if ada_perubahan:
        cells.append(Sel(angka(n.pagu_perubahan) if n.pagu_perubahan is not None else KOSONG, angka=True, tanda=v.tanda(*j, "pagu_perubahan")))
    cells += [Sel(angka(n.realisasi), angka=True, tanda=v.tanda(*j, "realisasi")),
              Sel(hasil_teks(n.penyerapan), angka=True, tanda=v.tanda(*j, "penyerapan")),
              Sel(angka(n.sisa), angka=True, tanda=v.tanda(*j, "sisa"))]
    if ket:
        cells.append(Sel(markdown_html(n.sumber.keterangan) if n.sumber.keterangan else KOSONG, kelas="keterangan"))
    return Baris(cells, kelas=["program", "kegiatan", "sub-kegiatan"][n.tingkat] + (" subtotal" if n.anak else ""))


def kepala_anggaran(v: LaporanView, ada_perubahan: bool, kode: bool = True, ket: bool = False) -> list[list[Kepala]]:
    head: list[str | tuple[str, bool]] = (["Kode"] if kode else []) + ["Uraian", "Tingkat", ("Pagu (Rp)", True)]
    if ada_perubahan:
        head.append(("Pagu perubahan (Rp)", True))
    head += [("Realisasi (Rp)", True), ("Penyerapan", True), ("Sisa (Rp)", True)] + (["Keterangan"] if ket else [])
    return kepala_sederhana(*head)


@pembangun("realisasi-anggaran")
def realisasi_anggaran(v: LaporanView) -> TabelView | None:
    ang = v.h.anggaran
    if not ang.program:
        return None
    nodes: list[NodeAnggaran] = []

    def walk(ns: list[NodeAnggaran]) -> None:
        for n in ns:
            nodes.append(n)
            walk(n.anak)

    walk(ang.program)
    ada_p = any(n.pagu_perubahan is not None for n in nodes)
    kode = any(n.kode for n in nodes)
    ket = ada_keterangan(nodes)
    rows = [baris_node(v, n, ada_p, kode, ket) for n in nodes]
    j = ("anggaran", "tercetak")
    foot = [Sel("Jumlah", kepala=True, colspan=3 if kode else 2), Sel(angka(ang.pagu), angka=True, tanda=v.tanda(*j, "pagu"))]
    if ada_p:
        foot.append(Sel(angka(ang.pagu_perubahan), angka=True, tanda=v.tanda(*j, "pagu_perubahan")))
    foot += [Sel(angka(ang.realisasi), angka=True, tanda=v.tanda(*j, "realisasi")), Sel(hasil_teks(ang.penyerapan), angka=True, tanda=v.tanda(*j, "penyerapan")),
             Sel(angka(ang.sisa), angka=True, tanda=v.tanda(*j, "sisa"))] + ([Sel(KOSONG)] if ket else [])
    notes = ["Angka program dan kegiatan adalah jumlah rinciannya."]
    if v.lap.anggaran.dasar:
        notes.append(f"Dasar anggaran: {v.lap.anggaran.dasar}.")
    return TabelView(f"Realisasi anggaran per program, kegiatan dan sub-kegiatan tahun {v.tahun}", kepala_anggaran(v, ada_p, kode, ket), rows, [Baris(foot, kelas="total")],
                     sumber=v.sumber_hitung, keterangan=notes)


@pembangun("program")
def program(v: LaporanView) -> TabelView | None:
    ang = v.h.anggaran
    if not ang.program:
        return None
    ada_p = any(n.pagu_perubahan is not None for n in ang.program)
    head: list[str | tuple[str, bool]] = ["Program", "Sumber dana", ("Pagu (Rp)", True)] + ([("Pagu perubahan (Rp)", True)] if ada_p else [])
    rows = []
    for n in ang.program:
        cells = [Sel(n.nama, kepala=True), Sel(n.sumber.sumber_dana), Sel(angka(n.pagu), angka=True)]
        if ada_p:
            cells.append(Sel(angka(n.pagu_perubahan) if n.pagu_perubahan is not None else KOSONG, angka=True))
        rows.append(Baris(cells))
    foot = [Sel("Jumlah", kepala=True, colspan=2), Sel(angka(ang.pagu), angka=True, tanda=v.tanda("anggaran", "tercetak", "pagu"))]
    if ada_p:
        foot.append(Sel(angka(ang.pagu_perubahan), angka=True, tanda=v.tanda("anggaran", "tercetak", "pagu_perubahan")))
    return TabelView(f"Program dan pagu anggaran tahun {v.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=v.sumber_hitung)


@pembangun("belanja-jenis")
def belanja_jenis(v: LaporanView) -> TabelView | None:
    items = v.lap.anggaran.belanja_per_jenis
    if not items:
        return None
    total, hasil = v.h.belanja_jenis_pagu, v.h.belanja_jenis
    ada_kelompok = any(x.kelompok for x in items)
    rows = []
    for i, (x, hx) in enumerate(zip(items, hasil)):
        cells = ([Sel(x.kelompok)] if ada_kelompok else []) + [Sel(x.jenis, kepala=True), Sel(angka(hx.pagu), angka=True), Sel(angka(hx.realisasi), angka=True),
                                                                 Sel(hasil_teks(hx.penyerapan) if hx.realisasi is not None else KOSONG, angka=True, tanda=v.tanda("anggaran", "belanja_per_jenis", i, "tercetak", "penyerapan")),
                                                                 Sel(persen(hx.porsi), angka=True)]
        rows.append(Baris(cells, kelas="subtotal" if hx.subtotal else ""))
    foot = [Sel("Jumlah", kepala=True, colspan=2 if ada_kelompok else 1), Sel(angka(total), angka=True), Sel(angka(v.h.belanja_jenis_realisasi), angka=True), Sel(KOSONG), Sel(persen(Decimal(100)) if total else KOSONG, angka=True)]
    head = (["Kelompok"] if ada_kelompok else []) + ["Jenis belanja", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True), ("Porsi dari jumlah pagu", True)]
    notes = ["Baris tebal di tengah tabel adalah subtotal (jumlah baris rinciannya, dihitung); baris Jumlah tidak menghitungnya dua kali."] if any(h.subtotal for h in hasil) else []
    return TabelView(f"Anggaran menurut jenis belanja tahun {v.tahun}", kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=v.sumber_hitung, keterangan=notes)


@pembangun("sumber-dana")
def sumber_dana(v: LaporanView) -> TabelView | None:
    items = [(x, hx) for x, hx in zip(v.lap.anggaran.sumber_dana, v.h.sumber_dana) if x.pagu is not None or x.realisasi is not None]
    if not items:
        return None
    rows = [Baris([Sel(x.sumber, kepala=True), Sel(angka(x.pagu), angka=True), Sel(angka(x.realisasi), angka=True), Sel(hasil_teks(hx.penyerapan), angka=True)]) for x, hx in items]
    return TabelView(f"Anggaran menurut sumber dana tahun {v.tahun}", kepala_sederhana("Sumber dana", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True)), rows, sumber=v.sumber_hitung)


@pembangun("multi-tahun")
def multi_tahun(v: LaporanView) -> TabelView | None:
    pm = v.lap.anggaran.pagu_multi_tahun
    if not pm or not pm.baris:
        return None
    years = sorted({y for r in pm.baris for y in r.nilai})
    rows = []
    foot = []
    for i, r in enumerate(pm.baris):
        cells = [Sel(r.uraian, kepala=True)] + [Sel(angka(r.nilai.get(y)), angka=True, tanda=v.tanda("anggaran", "pagu_multi_tahun", "baris", i, "nilai", y)) for y in years]
        (foot if r.total else rows).append(Baris(cells, kelas="total" if r.total else ""))
    return TabelView(pm.judul or "Pagu anggaran beberapa tahun", kepala_sederhana("Uraian", *[(f"{y} (Rp)", True) for y in years]), rows, foot, sumber=v.sumber, catatan=pm.catatan)


@pembangun("tahun-lalu")
def tahun_lalu(v: LaporanView) -> TabelView | None:
    ang, tl = v.h.anggaran, v.h.tahun_lalu
    if tl is None or not ang.program:
        return None
    sumber = f"LKIP {tl.tahun}" if tl.dari_laporan_lalu else "laporan ini"
    tanda = [] if tl.dari_laporan_lalu else v.tanda("anggaran", "tahun_lalu", "tercetak", "penyerapan")
    rows = [Baris([Sel(str(tl.tahun), kepala=True), Sel(angka(tl.pagu), angka=True), Sel(angka(tl.realisasi), angka=True), Sel(hasil_teks(tl.penyerapan), angka=True, tanda=tanda), Sel(sumber)]),
            Baris([Sel(str(v.tahun), kepala=True), Sel(angka(ang.pagu_efektif), angka=True), Sel(angka(ang.realisasi), angka=True), Sel(hasil_teks(ang.penyerapan), angka=True, tanda=v.tanda("anggaran", "tercetak", "penyerapan")), Sel("laporan ini")], kelas="tahun-ini")]
    notes = [f"Perubahan penyerapan: {bertanda(tl.perubahan)} poin persen."] if tl.perubahan is not None else []
    return TabelView(f"Penyerapan anggaran {tl.tahun} dan {v.tahun}", kepala_sederhana("Tahun", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True), "Sumber data"), rows,
                     sumber=v.sumber_hitung, keterangan=notes)


@pembangun("anggaran-pk")
def anggaran_pk(v: LaporanView) -> TabelView | None:
    """The budget of every version of the PK: rows per program, kegiatan, sub-kegiatan or sasaran as the PK lists them."""
    pk = v.lap.perjanjian_kinerja
    versi = [(path, x, lbl) for path, x, lbl in pk.semua_versi() if x.anggaran] if pk else []
    if not versi:
        return None
    sasaran = {hs.model.id: hs for hs in v.h.sasaran}
    keys: dict[str, str] = {}
    for _, x, _ in versi:
        for a in x.anggaran:
            nama = a.nama or (v.judul_sasaran(sasaran[a.sasaran]) if a.sasaran in sasaran else None)
            node = v.h.anggaran.by_id.get(a.program) if a.program else None
            if not a.nama and node is not None:
                awal = TINGKAT_ANGGARAN[node.tingkat] if node.tingkat else ""  # a program's name says "Program" itself
                nama = node.nama if not awal or node.nama.lower().startswith(awal.lower()) else f"{awal} {node.nama}"
            keys.setdefault(a.program or a.sasaran or a.nama or "", nama or a.program or "")
    rows = []
    for key, nama in keys.items():
        cells = [Sel(nama, kepala=True)]
        ket = []
        for _, x, _ in versi:
            a = next((y for y in x.anggaran if (y.program or y.sasaran or y.nama or "") == key), None)
            cells.append(Sel(angka(a.pagu) if a else KOSONG, angka=True))
            if a and a.keterangan:
                ket.append(a.keterangan)
        cells.append(Sel("; ".join(dict.fromkeys(ket)) or KOSONG))
        rows.append(Baris(cells))
    foot = [Sel("Jumlah", kepala=True)]
    for path, x, _ in versi:
        foot.append(Sel(angka(sum((a.pagu for a in x.anggaran), Decimal(0))), angka=True, tanda=v.tanda(*path, "jumlah_anggaran_tercetak")))
    foot.append(Sel(KOSONG))
    program_saja = all(a.sasaran is None and (a.program is None or getattr(v.h.anggaran.by_id.get(a.program), "tingkat", 0) == 0)
                       for _, x, _ in versi for a in x.anggaran)
    kolom = "Program" if program_saja else "Sasaran / program / kegiatan"
    head: list[str | tuple[str, bool]] = [kolom] + [(f"Pagu {lbl} (Rp)", True) for _, _, lbl in versi] + ["Keterangan"]
    judul = "Anggaran program dalam Perjanjian Kinerja" if program_saja else "Anggaran dalam Perjanjian Kinerja"
    return TabelView(judul, kepala_sederhana(*head), rows, [Baris(foot, kelas="total")], sumber=v.sumber_hitung)


@pembangun("anggaran-sasaran")
def anggaran_sasaran(v: LaporanView) -> TabelView | None:
    """Budget realisation per sasaran and per indicator (rupiah and %), from the budget lines each is linked to.
    The report rarely prints these sums: they are marked as computed by the portal."""
    if not v.h.sasaran or not any(hs.anggaran for hs in v.h.sasaran):
        return None
    rows = []
    for hs in v.h.sasaran:
        sumber = ", ".join(n.nama for n in hs.anggaran) or KOSONG
        rows.append(Baris([Sel(v.judul_sasaran(hs), kepala=True, href=v.url("bab-3", f"sasaran-{hs.model.id}")), Sel(sumber),
                           Sel(angka(hs.pagu), angka=True, portal=hs.pagu is not None), Sel(angka(hs.realisasi_anggaran), angka=True, portal=hs.realisasi_anggaran is not None),
                           Sel(hasil_teks(hs.penyerapan), angka=True, portal=hs.penyerapan.ada)], kelas="subtotal"))
        for hi in hs.indikator:
            gabung = len(hi.anggaran) > 1  # one line is the report's own figure; a sum of several is the portal's
            rows.append(Baris([Sel(v.judul_indikator(hi), kepala=True, kelas="tingkat-1", href=v.url_indikator(hi.model.id)),
                               Sel(", ".join(n.nama for n in hi.anggaran) or "tidak terhubung ke anggaran"),
                               Sel(angka(hi.pagu), angka=True, portal=gabung), Sel(angka(hi.realisasi_anggaran), angka=True, portal=gabung),
                               Sel(hasil_teks(hi.penyerapan), angka=True, portal=gabung and hi.penyerapan.ada)]))
    head = kepala_sederhana("Sasaran / indikator", "Program/kegiatan pendukung", ("Pagu (Rp)", True), ("Realisasi (Rp)", True), ("Penyerapan", True))
    return TabelView(f"Realisasi anggaran per sasaran tahun {v.tahun}", head, rows, sumber=v.sumber_hitung,
                     keterangan=["Pagu dan realisasi sasaran adalah jumlah program yang mendukungnya (atau anggaran indikatornya, "
                                 "masing-masing sekali); satu program dapat mendukung lebih dari satu sasaran, jadi baris-baris ini tidak dijumlahkan."])

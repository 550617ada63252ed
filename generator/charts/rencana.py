"""Planning (pure, no matplotlib): one report → ``list[ChartSpec]``; indicator trends and the capaian overview."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .. import format as fmt
from .rencana_anggaran import plan_anggaran, plan_multi_tahun
from .rencana_grafik import plan_grafik
from .spec import Chart, ChartSpec, berkas_svg
from .teks import bandingkan, dengan_satuan, gabung, is_persen, kalimat, rentang, sebagai_float, sel

def plan_charts(inst, b, h) -> list[ChartSpec]:
    """What to draw for one report (``inst``: validate.Instansi, ``b``: validate.BerkasLaporan, ``h``: compute.HasilLaporan).

    Order: one trend per indicator (sasaran indicators, then tujuan indicators), the capaian overview, the
    budget per program, the multi-year pagu, then the YAML ``grafik`` entries in file order.
    """
    lap = b.model
    specs: list[ChartSpec] = []
    for hi in [*h.semua_indikator, *h.indikator_tujuan]:
        s = _plan_tren(hi, lap, h)
        if s:
            specs.append(s)
    for s in (_plan_capaian(lap, h), plan_anggaran(h), plan_multi_tahun(lap)):
        if s:
            specs.append(s)
    for g in lap.grafik:
        s = plan_grafik(g, lap)
        if s:
            specs.append(s)
    # keep ids (and so file names) unique: YAML grafik keep theirs, generated ones get a suffix on collision
    taken = {g.id for g in lap.grafik}
    seen: set[str] = set()
    for s in specs:
        c = s.chart
        if c.id in seen or (c.id in taken and not s.data.get("yaml")):
            n = 2
            while f"{c.id}-{n}" in taken or f"{c.id}-{n}" in seen:
                n += 1
            c.id = f"{c.id}-{n}"
            c.berkas = berkas_svg(c.id)
        seen.add(c.id)
    return specs


def _plan_tren(hi, lap, h) -> ChartSpec | None:
    ind = hi.model
    y = lap.tahun
    rows = [(r.tahun, r.target, r.realisasi, r.capaian, r.sumber) for r in hi.riwayat if r.tahun < y]
    rows.append((y, hi.target, hi.realisasi, hi.capaian, "laporan ini"))
    rows = [r for r in rows if r[1] is not None or r[2] is not None]
    if len(rows) < 2:
        return None
    renstra = ind.target_akhir_renstra
    values = [v for r in rows for v in (r[1], r[2])] + [renstra]
    values = [v for v in values if v is not None]
    ordinal = all(isinstance(v, str) for v in values)
    if not ordinal and not all(isinstance(v, Decimal) for v in values):
        return None  # numbers mixed with grades: no common axis
    ladder = list(h.metode.tingkat_nilai)
    if ordinal and not all(v in ladder for v in values):
        return None
    satuan = ind.satuan
    tahun = [r[0] for r in rows]

    def pos(v: Any) -> float | None:
        if v is None:
            return None
        return float(ladder.index(v) + 1) if ordinal else float(v)

    seri = [
        {"nama": "Target", "nilai": [pos(r[1]) for r in rows], "label": [None if r[1] is None else sel(r[1], satuan) for r in rows], "gaya": 1},
        {"nama": "Realisasi", "nilai": [pos(r[2]) for r in rows], "label": [None if r[2] is None else sel(r[2], satuan) for r in rows], "gaya": 0},
    ]
    periode_akhir = lap.renstra.periode.akhir if lap.renstra else None
    label_renstra = f"Target akhir Renstra ({periode_akhir})" if periode_akhir else "Target akhir Renstra"
    acuan = []
    if renstra is not None:
        acuan.append({"nilai": pos(renstra), "label": f"{label_renstra}: {sel(renstra, satuan)}"})

    nama = ind.nama
    last = next((r for r in reversed(rows) if r[2] is not None), None)
    jenis_kata = "Grafik tingkat" if ordinal else "Grafik batang"
    alt = f"{jenis_kata} target dan realisasi {nama}, {rentang(tahun)}. {kalimat(_tren_temuan(rows, last, satuan))}"
    desk = [alt, _tren_rincian(rows, satuan)]
    if renstra is not None:
        s = f"{label_renstra}: {dengan_satuan(renstra, satuan)}"
        if hi.renstra.ada:
            s += f"; realisasi {y} sama dengan {fmt.persen(hi.renstra.tampil)} dari target akhir itu"
        desk.append(kalimat(s))
    if ind.arah == "turun":
        desk.append("Untuk indikator ini makin rendah nilainya makin baik.")
    if last is not None and last[0] == y and hi.capaian.ada:
        judul = f"{nama}: realisasi {dengan_satuan(last[2], satuan)} pada {y}"
        judul += f" dari target {dengan_satuan(hi.target, satuan)} (capaian {fmt.persen(hi.capaian.tampil)})" if hi.target is not None else ""
    else:
        judul = f"Target dan realisasi {nama}, {rentang(tahun)}"
    kolom = ["Tahun", "Target", "Realisasi", "Capaian"]
    baris = [[str(ty), sel(t, satuan) if t is not None else fmt.KOSONG, sel(r, satuan) if r is not None else fmt.KOSONG,
              fmt.persen(cap.tampil) if cap is not None and cap.ada else fmt.KOSONG] for ty, t, r, cap, _ in rows]
    if renstra is not None:
        baris.append([label_renstra, sel(renstra, satuan), fmt.KOSONG, fmt.persen(hi.renstra.tampil) if hi.renstra.ada else fmt.KOSONG])
    sumber = sorted({src for *_, src in rows if src != "laporan ini"})
    cid = f"ind-{ind.id}-tren"
    chart = Chart(cid, f"indikator:{ind.id}", judul, alt, " ".join(desk), kolom, baris, berkas_svg(cid),
                  "Diolah dari " + gabung([f"LKIP {y}", *sumber]))
    data = {
        "bentuk": "batang", "arah": "v", "kategori": [str(t) for t in tahun], "seri": seri, "acuan": acuan,
        "sumbu": {"jenis": "persen" if is_persen(satuan) else "angka", "pembagi": 1, "judul": None if is_persen(satuan) or ordinal else satuan,
                  "tingkat": ladder if ordinal else None},
    }
    return ChartSpec(chart, data)



def _tren_temuan(rows: list[tuple], last: tuple | None, satuan: str | None) -> str:
    """The finding of a trend, in words: the latest realisasi against the one before and its target."""
    if last is None:
        return f"Belum ada realisasi; target {dengan_satuan(rows[-1][1], satuan)} pada {rows[-1][0]}"
    s = f"Realisasi {dengan_satuan(last[2], satuan)} pada {last[0]}"
    prev = next((r for r in reversed(rows) if r[2] is not None and r[0] < last[0]), None)
    if prev is not None:
        s += f", {bandingkan(last[2], prev[2])} {dengan_satuan(prev[2], satuan)} pada {prev[0]}"
    if last[1] is not None:
        s += f"; target {dengan_satuan(last[1], satuan)}"
    return s


def _tren_rincian(rows: list[tuple], satuan: str | None) -> str:
    """Every year of a trend in one sentence: target, realisasi and capaian."""
    detail = []
    for ty, t, r, cap, _src in rows:
        part = f"{ty}: " + ", ".join(
            [f"target {dengan_satuan(t, satuan)}" if t is not None else "target tidak tercantum",
             f"realisasi {dengan_satuan(r, satuan)}" if r is not None else "realisasi tidak tercantum"])
        if cap is not None and cap.ada:
            part += f" (capaian {fmt.persen(cap.tampil)})"
        detail.append(part)
    return kalimat("; ".join(detail))


def _plan_capaian(lap, h) -> ChartSpec | None:
    inds = h.semua_indikator
    ada = [i for i in inds if i.capaian.ada]
    if not ada:
        return None
    y = lap.tahun
    skala = h.metode.skala
    kategori, nilai, label, kosong = [], [], [], []
    for i in inds:
        kategori.append(f"{i.model.kode}. {i.model.nama}" if i.model.kode and len(i.model.kode) <= 8 else i.model.nama)
        nilai.append(float(i.capaian.tampil) if i.capaian.ada else None)
        label.append(fmt.persen(i.capaian.tampil) if i.capaian.ada else None)  # the predikat: bands, description, table
        kosong.append(None if i.capaian.ada else f"tidak dihitung: {i.capaian.alasan}")
    pita = []
    if skala is not None:
        for p in skala.pita:
            pita.append({"bawah": sebagai_float(p.bawah), "atas": sebagai_float(p.atas), "label": p.predikat, "kode": p.kode})
    n, k = len(ada), sum(1 for i in ada if i.capaian.tampil >= 100)
    top = max(ada, key=lambda i: i.capaian.tampil)
    low = min(ada, key=lambda i: i.capaian.tampil)
    finding = f"{k} dari {n} indikator mencapai atau melampaui 100%"
    alt = f"Grafik batang capaian {n} indikator kinerja tahun {y} terhadap 100%: {finding}"
    if n > 1:
        alt += f"; tertinggi {top.model.nama} {fmt.persen(top.capaian.tampil)}, terendah {low.model.nama} {fmt.persen(low.capaian.tampil)}"
    else:
        alt += f"; {top.model.nama} {fmt.persen(top.capaian.tampil)}"
    alt = kalimat(alt)
    desk = [alt]
    detail = []
    for i in inds:
        if i.capaian.ada:
            detail.append(f"{i.model.nama} {fmt.persen(i.capaian.tampil)}" + (f" ({i.predikat})" if i.predikat else ""))
        else:
            detail.append(f"{i.model.nama} tidak dihitung ({i.capaian.alasan})")
    desk.append(kalimat("Capaian per indikator: " + "; ".join(detail)))
    if skala is not None:
        desk.append(kalimat(f"Latar grafik menunjukkan pita predikat {skala.nama}: " + ", ".join(_pita_teks(p) for p in skala.pita)))
    judul = f"Capaian indikator kinerja {y}: {finding}"
    if h.keseluruhan.ada:
        rata = f"rata-rata capaian {fmt.persen(h.keseluruhan.tampil)}" + (f" ({h.predikat})" if h.predikat else "")
        judul += f"; {rata}"
        desk.append(kalimat(rata[0].upper() + rata[1:]))
    kolom = ["Indikator", "Target", "Realisasi", "Capaian"] + (["Predikat"] if skala is not None else [])
    baris = []
    for i in inds:
        row = [i.model.nama, sel(i.target, i.model.satuan) if i.target is not None else fmt.KOSONG,
               sel(i.realisasi, i.model.satuan) if i.realisasi is not None else fmt.KOSONG,
               fmt.persen(i.capaian.tampil) if i.capaian.ada else fmt.KOSONG]
        if skala is not None:
            row.append(i.predikat or fmt.KOSONG)
        baris.append(row)
    batas = batas_capaian(nilai, pita)
    if batas is not None:
        desk.append(kalimat(f"Sumbu capaian dipotong pada {int(batas)}% agar garis 100% dan pita predikat tetap terbaca; "
                            "batang yang lebih panjang diberi tanda putus dan angkanya ditulis di ujungnya"))
    cid = "capaian-iku"
    chart = Chart(cid, "bab3", judul, alt, " ".join(desk), kolom, baris, berkas_svg(cid), f"Diolah dari LKIP {y}")
    data = {
        "bentuk": "batang", "arah": "h", "kategori": kategori, "kosong": kosong, "batas": batas,
        "seri": [{"nama": "Capaian", "nilai": nilai, "label": label, "gaya": 0}],
        "acuan": [{"nilai": 100.0, "label": "100%"}], "pita": pita,
        "sumbu": {"jenis": "persen", "pembagi": 1, "judul": "Capaian (%)", "tingkat": None},
    }
    return ChartSpec(chart, data)


def batas_capaian(nilai: list[float | None], pita: list[dict]) -> float | None:
    """Where a capaian axis is cut, or None: when the largest value passes 1,6 × the reference (100% or the highest
    band edge), the axis ends at 1,5 × the reference (rounded up to ten), so 100% and the bands keep their room."""
    tepi = [e for p in pita for e in (p["bawah"], p["atas"]) if e is not None]
    acuan = max([100.0, *tepi])
    vals = [v for v in nilai if v is not None]
    if not vals or max(vals) <= 1.6 * acuan:
        return None
    b = -(-1.5 * acuan // 10) * 10
    return b + 5 if b in tepi else b


def _pita_teks(p) -> str:
    """``Tinggi 76 sampai kurang dari 90``, ``Sangat Tinggi 90 ke atas``, ``Kurang Baik sampai 55``."""
    lo = None if p.bawah is None else fmt.angka(p.bawah)
    hi = None if p.atas is None else fmt.angka(p.atas)
    if lo is None:
        rng = f"sampai {hi}" if p.atas_inklusif else f"kurang dari {hi}"
    elif hi is None:
        rng = f"{lo} ke atas" if p.bawah_inklusif else f"lebih dari {lo}"
    else:
        rng = (f"{lo}" if p.bawah_inklusif else f"lebih dari {lo}") + (f" sampai {hi}" if p.atas_inklusif else f" sampai kurang dari {hi}")
    return f"{p.predikat} {rng}"

"""Planning the budget charts: pagu vs realisasi per program, multi-year pagu per spending type."""

from __future__ import annotations

from decimal import Decimal

from .. import format as fmt
from .spec import Chart, ChartSpec, berkas_svg
from .teks import kalimat, rentang, singkat, skala_rupiah

def plan_anggaran(h) -> ChartSpec | None:
    progs = [p for p in h.anggaran.program if p.pagu_efektif is not None or p.realisasi is not None]
    if len(progs) < 2:
        return None
    y = h.tahun
    maks = max(float(v) for p in progs for v in (p.pagu_efektif, p.realisasi) if v is not None)
    div, unit = skala_rupiah(maks)
    def skala(x: Decimal | None) -> float | None:
        return None if x is None else float(x) / div

    seri = [
        {"nama": "Pagu", "nilai": [skala(p.pagu_efektif) for p in progs], "label": [singkat(p.pagu_efektif, div) for p in progs], "gaya": 1},
        {"nama": "Realisasi", "nilai": [skala(p.realisasi) for p in progs],
         "label": [None if p.realisasi is None else singkat(p.realisasi, div) + (f" ({fmt.persen(p.penyerapan.tampil)})" if p.penyerapan.ada else "")
                   for p in progs],
         "gaya": 0},
    ]
    a = h.anggaran
    total = ""
    if a.realisasi is not None and a.pagu_efektif is not None:
        total = f"realisasi {fmt.rupiah(a.realisasi)} dari pagu {fmt.rupiah(a.pagu_efektif)}"
        if a.penyerapan.ada:
            total += f" ({fmt.persen(a.penyerapan.tampil)})"
    alt = f"Grafik batang pagu dan realisasi anggaran {len(progs)} program tahun {y}" + (f": {total}" if total else "")
    alt = kalimat(alt)
    serap = [p for p in progs if p.penyerapan.ada]
    desk = [alt]
    if len(serap) > 1:
        t = max(serap, key=lambda p: p.penyerapan.tampil)
        lo = min(serap, key=lambda p: p.penyerapan.tampil)
        desk.append(f"Penyerapan tertinggi {t.nama} {fmt.persen(t.penyerapan.tampil)}; terendah {lo.nama} {fmt.persen(lo.penyerapan.tampil)}.")
    desk.append(kalimat("Per program: " + "; ".join(
        f"{p.nama}: pagu {fmt.rupiah(p.pagu_efektif)}, realisasi {fmt.rupiah(p.realisasi)}" + (f" ({fmt.persen(p.penyerapan.tampil)})" if p.penyerapan.ada else "")
        for p in progs)))
    desk.append(f"Sumbu dan label angka dalam {unit} rupiah." if unit else "Sumbu dan label angka dalam rupiah.")
    judul = f"Realisasi anggaran per program {y}" + (f": {fmt.persen(a.penyerapan.tampil)} dari pagu terserap" if a.penyerapan.ada else "")
    kolom = ["Program", "Pagu (Rp)", "Realisasi (Rp)", "Penyerapan"]
    baris = [[p.nama, fmt.angka(p.pagu_efektif), fmt.angka(p.realisasi), fmt.persen(p.penyerapan.tampil) if p.penyerapan.ada else fmt.KOSONG] for p in progs]
    baris.append(["Jumlah", fmt.angka(a.pagu_efektif), fmt.angka(a.realisasi), fmt.persen(a.penyerapan.tampil) if a.penyerapan.ada else fmt.KOSONG])
    cid = "anggaran-program"
    chart = Chart(cid, "bab3.realisasi_anggaran", judul, alt, " ".join(desk), kolom, baris, berkas_svg(cid), f"Diolah dari LKIP {y}")
    data = {
        "bentuk": "batang", "arah": "h", "kategori": [p.nama for p in progs], "seri": seri,
        "sumbu": {"jenis": "angka", "pembagi": 1, "judul": f"Rupiah ({unit})" if unit else "Rupiah", "tingkat": None},
    }
    return ChartSpec(chart, data)


def plan_multi_tahun(lap) -> ChartSpec | None:
    pmt = lap.anggaran.pagu_multi_tahun
    if pmt is None:
        return None
    tahun = sorted({t for r in pmt.baris for t, v in r.nilai.items() if v is not None})
    if len(tahun) < 2:
        return None
    rows = [r for r in pmt.baris if not r.total] or list(pmt.baris)
    vals = [float(v) for r in rows for v in r.nilai.values() if v is not None]
    div, unit = skala_rupiah(max(vals) if vals else 0)
    seri = [{"nama": r.uraian, "nilai": [None if r.nilai.get(t) is None else float(r.nilai[t]) / div for t in tahun],
             "label": [singkat(r.nilai.get(t), div) for t in tahun], "gaya": i} for i, r in enumerate(rows)]
    rng = rentang(tahun)
    changes = []
    for r in rows:
        present = [t for t in tahun if r.nilai.get(t) is not None]
        if len(present) >= 2:
            a, z = r.nilai[present[0]], r.nilai[present[-1]]
            word = "naik" if z > a else "turun" if z < a else "tetap"
            changes.append(f"{r.uraian} {word} dari {fmt.rupiah(a)} ({present[0]}) menjadi {fmt.rupiah(z)} ({present[-1]})"
                           if word != "tetap" else f"{r.uraian} tetap {fmt.rupiah(a)} ({present[0]}–{present[-1]})")
    alt = kalimat(f"Grafik batang pagu anggaran per jenis belanja, {rng}" + (f": {changes[0]}" if len(changes) == 1 else ""))
    desk = [alt]
    if len(changes) > 1:
        desk.append(kalimat("; ".join(changes)))
    totals = [r for r in pmt.baris if r.total]
    for r in totals:
        desk.append(kalimat(f"{r.uraian}: " + "; ".join(f"{t} {fmt.rupiah(r.nilai.get(t))}" for t in tahun if r.nilai.get(t) is not None)))
    desk.append(f"Sumbu dan label angka dalam {unit} rupiah." if unit else "Sumbu dan label angka dalam rupiah.")
    judul = pmt.judul or f"Pagu anggaran per jenis belanja, {rng}"
    kolom = ["Uraian"] + [f"{t} (Rp)" for t in tahun]
    baris = [[r.uraian] + [fmt.angka(r.nilai.get(t)) for t in tahun] for r in pmt.baris]
    cid = "anggaran-multi-tahun"
    chart = Chart(cid, "bab3.realisasi_anggaran", judul, alt, " ".join(desk), kolom, baris, berkas_svg(cid), f"Diolah dari LKIP {lap.tahun}")
    data = {
        "bentuk": "batang", "arah": "v", "kategori": [str(t) for t in tahun], "seri": seri,
        "sumbu": {"jenis": "angka", "pembagi": 1, "judul": f"Rupiah ({unit})" if unit else "Rupiah", "tingkat": None},
    }
    return ChartSpec(chart, data)

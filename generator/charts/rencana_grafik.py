"""Planning the charts a report's YAML declares (``Laporan.grafik``), from table columns or inline values."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from .. import format as fmt
from .. import grid
from ..model import indonesian_to_yaml_number
from .spec import Chart, ChartSpec, berkas_svg
from .teks import D, dengan_satuan, is_persen, is_rupiah, kalimat, sel, singkat, skala_rupiah

def _leaf_titles(kolom) -> list[str]:
    out: list[str] = []

    def walk(items, prefix: str) -> None:
        for k in items:
            name = f"{prefix} – {k.judul}" if prefix else k.judul
            if k.sub:
                walk(k.sub, name)
            else:
                out.append(name)

    walk(kolom, "")
    return out


def _cell_number(x: Any) -> Decimal | None:
    if isinstance(x, bool) or x is None:
        return None
    if isinstance(x, (int, Decimal)):
        return D(x)
    if isinstance(x, str):
        t = indonesian_to_yaml_number(x)
        if t is None:
            t = x.strip().rstrip("%").strip()
        try:
            d = D(t)
        except Exception:
            return None
        return d if d.is_finite() else None
    return None


def _cell_text(x: Any) -> str:
    if x is None:
        return ""
    if isinstance(x, (int, Decimal)) and not isinstance(x, bool):
        return fmt.angka(x)
    return str(x)


def plan_grafik(g, lap) -> ChartSpec | None:
    """A chart declared in the YAML (``Laporan.grafik``), from table columns or inline values."""
    tabel = next((t for t in lap.tabel if t.id == g.tabel), None) if g.tabel else None
    isi = _isi_grafik(g, tabel)
    if isi is None:
        return None
    head, labels, series = isi
    satuan = g.satuan
    persen, rupiah = is_persen(satuan), is_rupiah(satuan)
    div, unit = 1.0, ""
    if rupiah:
        div, unit = skala_rupiah(max((float(x) for _, v in series for x in v if x is not None), default=0))
    jenis_kata = {"batang": "batang", "garis": "garis", "batang_bertumpuk": "batang bertumpuk"}[g.jenis]

    def lab(x: Decimal | None) -> str | None:
        if x is None:
            return None
        if rupiah:
            return singkat(x, div)
        return fmt.persen(x) if persen else fmt.angka(x)

    seri = [{"nama": nm, "nilai": [None if x is None else float(x) / div for x in v], "label": [lab(x) for x in v], "gaya": i}
            for i, (nm, v) in enumerate(series)]
    findings = _temuan_grafik(g, labels, series)
    alt = kalimat(f"Grafik {jenis_kata} {g.judul}" + (f": {findings[0]}" if findings else ""))
    desk = [alt]
    if len(findings) > 1:
        desk.append(kalimat("; ".join(findings[1:])))
    desk.append(kalimat("Nilai: " + "; ".join(
        f"{labels[i]}: " + ", ".join(f"{nm} {dengan_satuan(v[i], satuan)}" if len(series) > 1 else dengan_satuan(v[i], satuan) for nm, v in series)
        for i in range(len(labels)))))
    if unit:
        desk.append(f"Sumbu dan label angka dalam {unit} rupiah.")
    kolom = [head] + [nm for nm, _ in series]
    baris = [[labels[i]] + [fmt.KOSONG if v[i] is None else (fmt.angka(v[i]) if rupiah else sel(v[i], satuan)) for _, v in series] for i in range(len(labels))]
    sumber = g.sumber or (tabel.sumber if tabel is not None else None)
    chart = Chart(g.id, g.posisi, g.judul, alt, " ".join(desk), kolom, baris, berkas_svg(g.id), sumber)
    pendek = all(len(x) <= 12 for x in labels) and len(labels) * (1 if g.jenis != "batang" else len(series)) <= 24
    sumbu_judul = f"Rupiah ({unit})" if rupiah and unit else (None if persen else satuan)
    data = {
        "yaml": True,
        "bentuk": {"batang": "batang", "garis": "garis", "batang_bertumpuk": "tumpuk"}[g.jenis],
        "arah": "v" if (pendek or g.jenis == "garis") else "h",
        "kategori": labels, "seri": seri,
        "sumbu": {"jenis": "persen" if persen else "angka", "pembagi": 1, "judul": sumbu_judul, "tingkat": None},
    }
    return ChartSpec(chart, data)


def _isi_grafik(g, tabel) -> tuple[str, list[str], list[tuple[str, list[Decimal | None]]]] | None:
    """Category header, category labels and ``(name, values)`` series of a YAML grafik; ``None`` below 2 data points."""
    head = "Kategori"
    if tabel is not None:
        titles = _leaf_titles(tabel.kolom)
        rows = tabel.baris
        if g.label_kolom and 1 <= g.label_kolom <= len(titles):
            labels = [_cell_text(x) for x in grid.kolom(rows, len(titles), g.label_kolom - 1)]
            head = titles[g.label_kolom - 1]
        elif g.label:
            labels = list(g.label)
        else:
            labels = [str(i + 1) for i in range(len(rows))]
    else:
        rows, titles = [], []
        labels = list(g.label or [])
    n = len(labels)
    series: list[tuple[str, list[Decimal | None]]] = []
    for s in g.seri:
        if s.kolom is not None and tabel is not None:
            col = s.kolom - 1
            vals = [_cell_number(x) for x in grid.kolom(rows, len(titles), col)]
        elif s.nilai is not None:
            vals = list(s.nilai)
        else:
            continue
        vals = (vals + [None] * n)[:n]
        series.append((s.nama, vals))
    if not series:
        return None
    keep = [i for i in range(n) if any(v[i] is not None for _, v in series)]
    if sum(1 for _, v in series for i in keep if v[i] is not None) < 2:
        return None  # fewer than 2 data points (values, over all series)
    labels = [labels[i] for i in keep]
    series = [(nm, [v[i] for i in keep]) for nm, v in series]
    return head, labels, series


def _temuan_grafik(g, labels: list[str], series: list[tuple[str, list[Decimal | None]]]) -> list[str]:
    """The findings in words: rise/fall of each line, highest/lowest bar, highest stacked total first."""
    satuan = g.satuan
    findings: list[str] = []
    for nm, v in series:
        pts = [(labels[i], x) for i, x in enumerate(v) if x is not None]
        if not pts:
            continue
        pre = f"{nm}: " if len(series) > 1 else ""
        if g.jenis == "garis" and len(pts) >= 2:
            (la, a), (lz, z) = pts[0], pts[-1]
            word = "naik" if z > a else "turun" if z < a else "tetap"
            findings.append(f"{pre}{word} dari {dengan_satuan(a, satuan)} ({la}) menjadi {dengan_satuan(z, satuan)} ({lz})" if word != "tetap"
                            else f"{pre}tetap {dengan_satuan(a, satuan)} dari {la} sampai {lz}")
        else:
            hi_ = max(pts, key=lambda p: p[1])
            lo_ = min(pts, key=lambda p: p[1])
            findings.append(f"{pre}tertinggi {hi_[0]} {dengan_satuan(hi_[1], satuan)}, terendah {lo_[0]} {dengan_satuan(lo_[1], satuan)}")
    if g.jenis == "batang_bertumpuk" and len(series) > 1:
        tot = [(labels[i], sum((v[i] for _, v in series if v[i] is not None), D(0))) for i in range(len(labels))]
        t = max(tot, key=lambda p: p[1])
        findings.insert(0, f"jumlah tertinggi {t[0]} {dengan_satuan(t[1], satuan)}")
    return findings

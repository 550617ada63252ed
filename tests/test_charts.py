"""Chart stage: what is planned, what the SVG says, byte-identical output, and the cache.

Works on a copy of tests/fixtures/mini extended with more years, an ordinal indicator, two programs, a multi-year
pagu, a free-form table and three YAML grafik, for two agencies (so that editing one can be checked to re-render
only its charts). Drawing is shared by a module fixture to keep the file fast.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.charts import GAYA, HITAM, PITA, plan_charts, render_charts
from generator.pipeline import compute_repo
from generator.validate import load_repo

MINI = Path(__file__).parent / "fixtures" / "mini"
SVG = "{http://www.w3.org/2000/svg}"

LAPORAN = """\
tahun: 2024
renstra:
  periode: {awal: 2021, akhir: 2026}
  visi: Terwujudnya contoh
  misi:
    - {id: m1, teks: Misi satu}
  tujuan:
    - id: t1
      teks: Tujuan satu
      misi: [m1]
sasaran:
  - id: ss1
    nama: Meningkatnya contoh
    tujuan: t1
    indikator:
      - id: iku-pelatihan
        nama: Persentase pencari kerja yang mendapat pelatihan
        satuan: Persen
        target: {2022: 20, 2023: 20, 2024: 95}
        target_akhir_renstra: 95
        realisasi: {2022: 18.5, 2023: 22.52, 2024: REALISASI}
        anggaran: [prog-1]
      - id: iku-penempatan
        nama: Jumlah pencari kerja yang ditempatkan
        satuan: Orang
        target: {2023: 1000, 2024: 1200}
        realisasi: {2023: 1951, 2024: 3898}
      - id: iku-sakip
        nama: Nilai SAKIP
        satuan: Predikat
        target: {2023: B, 2024: BB}
        realisasi: {2023: B, 2024: BB}
      - id: iku-tunggal
        nama: Dokumen perencanaan yang disusun
        satuan: Dokumen
        target: {2024: 2}
        realisasi: {2024: 1}
anggaran:
  program:
    - id: prog-1
      nama: Program Pelatihan Kerja dan Produktivitas Tenaga Kerja
      pagu: 25493311518
      realisasi: 23684000000
    - id: prog-2
      nama: Program Penunjang Urusan Pemerintahan Daerah
      pagu: 1000000000
      realisasi: 929000000
  pagu_multi_tahun:
    baris:
      - uraian: Belanja Pegawai
        nilai: {2022: 1000000000, 2023: 1200000000, 2024: 1500000000}
      - uraian: Belanja Barang dan Jasa
        nilai: {2022: 500000000, 2023: 700000000, 2024: 650000000}
      - uraian: Jumlah
        nilai: {2022: 1500000000, 2023: 1900000000, 2024: 2150000000}
        total: true
tabel:
  - id: tabel-peserta
    judul: Peserta pelatihan per kejuruan
    posisi: indikator:iku-pelatihan
    kolom:
      - {judul: "No"}
      - {judul: Kejuruan}
      - judul: Peserta
        sub:
          - {judul: Laki-laki}
          - {judul: Perempuan}
    baris:
      - [1, Las, 40, 5]
      - [2, Menjahit, 3, 37]
      - [3, Komputer, 21, 24]
grafik:
  - id: grafik-peserta
    judul: Peserta pelatihan per kejuruan
    posisi: indikator:iku-pelatihan
    jenis: batang_bertumpuk
    tabel: tabel-peserta
    label_kolom: 2
    seri:
      - {nama: Laki-laki, kolom: 3}
      - {nama: Perempuan, kolom: 4}
    satuan: Orang
  - id: grafik-pengangguran
    judul: Tingkat pengangguran terbuka 2020-2024
    posisi: bab1
    jenis: garis
    label: ["2020", "2021", "2022", "2023", "2024"]
    seri:
      - {nama: Kabupaten, nilai: [7.1, 6.5, 5.9, 5.2, 4.8]}
      - {nama: Provinsi, nilai: [6.0, 5.8, 5.5, 5.3, 5.0]}
    satuan: Persen
  - id: grafik-satu
    judul: Satu titik saja
    posisi: bab1
    label: ["2024"]
    seri:
      - {nama: X, nilai: [3]}
"""

EXPECTED = {
    "ind-iku-pelatihan-tren": "indikator:iku-pelatihan",
    "ind-iku-penempatan-tren": "indikator:iku-penempatan",
    "ind-iku-sakip-tren": "indikator:iku-sakip",
    "capaian-iku": "bab3",
    "anggaran-program": "bab3.realisasi_anggaran",
    "anggaran-multi-tahun": "bab3.realisasi_anggaran",
    "grafik-peserta": "indikator:iku-pelatihan",
    "grafik-pengangguran": "bab1",
}


def make_repo(root: Path) -> Path:
    shutil.copytree(MINI, root)
    src = root / "agencies" / "dinas-contoh"
    shutil.copytree(src, root / "agencies" / "dinas-dua")
    for slug in ("dinas-contoh", "dinas-dua"):
        write_report(root, slug, "60")
    return root


def write_report(root: Path, slug: str, realisasi: str) -> None:
    (root / "agencies" / slug / "2024.yaml").write_text(LAPORAN.replace("REALISASI", realisasi), encoding="utf-8")


def plan(root: Path, out: Path) -> dict[str, tuple[Path, list]]:
    repo, masalah = load_repo(root)
    assert repo is not None, "\n".join(map(str, masalah))
    return {inst.slug: (out / inst.slug / str(b.tahun), plan_charts(inst, b, h)) for inst, b, h, _ in compute_repo(repo)}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("grafik")
    root = make_repo(base / "repo")
    out, cache = base / "docs", base / "cache"
    jobs = plan(root, out)
    stats = render_charts(list(jobs.values()), cache, workers=2)
    return {"root": root, "out": out, "cache": cache, "jobs": jobs, "stats": stats, "base": base}


# --- planning (no matplotlib) ---------------------------------------------------------------------


def test_plan_does_not_import_matplotlib(tmp_path):
    root = make_repo(tmp_path / "repo")
    code = (
        "import sys; from pathlib import Path\n"
        "from generator.validate import load_repo\nfrom generator.pipeline import compute_repo\n"
        "from generator.charts import plan_charts\n"
        f"repo, _ = load_repo(Path({str(root)!r}))\n"
        "n = sum(len(plan_charts(i, b, h)) for i, b, h, _ in compute_repo(repo))\n"
        "assert n > 0 and 'matplotlib' not in sys.modules, sorted(m for m in sys.modules if 'matplotlib' in m)[:3]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_chart_kinds_positions_and_skips(built):
    _, specs = built["jobs"]["dinas-contoh"]
    assert {s.chart.id: s.chart.posisi for s in specs} == EXPECTED
    # one-year indicator and the one-point YAML grafik are skipped
    ids = [s.chart.id for s in specs]
    assert "ind-iku-tunggal-tren" not in ids and "grafik-satu" not in ids
    for s in specs:
        assert s.chart.berkas == f"grafik/{s.chart.id}.svg"


def test_trend_texts_state_the_finding_in_indonesian(built):
    c = next(s.chart for s in built["jobs"]["dinas-contoh"][1] if s.chart.id == "ind-iku-pelatihan-tren")
    assert "Realisasi 60% pada 2024, naik dari 22,52% pada 2023; target 95%" in c.alt
    assert "Target akhir Renstra (2026): 95%" in c.deskripsi
    assert "2022: target 20%, realisasi 18,5%" in c.deskripsi
    assert c.kolom == ["Tahun", "Target", "Realisasi", "Capaian"]
    assert c.baris[1] == ["2023", "20%", "22,52%", "112,60%"]
    assert c.baris[-1][0] == "Target akhir Renstra (2026)"
    assert "capaian 63,16%" in c.judul


def test_capaian_budget_and_table_charts_texts(built):
    charts = {s.chart.id: s.chart for s in built["jobs"]["dinas-contoh"][1]}
    cap = charts["capaian-iku"]
    assert "Predikat" in cap.kolom and len(cap.baris) == 4  # every indicator, incl. the one-year one
    assert "pita predikat" in cap.deskripsi and "Sangat Tinggi" in cap.deskripsi
    ang = charts["anggaran-program"]
    assert ang.baris[0] == ["Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", "25.493.311.518", "23.684.000.000", "92,90%"]
    assert ang.baris[-1][0] == "Jumlah"
    assert "Rp 24.613.000.000 dari pagu Rp 26.493.311.518" in ang.alt
    multi = charts["anggaran-multi-tahun"]
    assert "Belanja Pegawai naik dari Rp 1.000.000.000 (2022) menjadi Rp 1.500.000.000 (2024)" in multi.deskripsi
    assert multi.baris[-1] == ["Jumlah", "1.500.000.000", "1.900.000.000", "2.150.000.000"]
    peserta = charts["grafik-peserta"]
    assert peserta.kolom == ["Kejuruan", "Laki-laki", "Perempuan"] and peserta.baris[0] == ["Las", "40", "5"]
    garis = charts["grafik-pengangguran"]
    assert "turun dari 7,1% (2020) menjadi 4,8% (2024)" in garis.alt


def test_capaian_chart_without_scale_and_with_one_indicator(tmp_path):
    root = make_repo(tmp_path / "repo")
    text = (root / "agencies" / "dinas-contoh" / "2024.yaml").read_text(encoding="utf-8")
    text = "metode:\n  skala: tanpa\n" + text
    (root / "agencies" / "dinas-contoh" / "2024.yaml").write_text(text, encoding="utf-8")
    specs = plan(root, tmp_path / "out")["dinas-contoh"][1]
    cap = next(s for s in specs if s.chart.id == "capaian-iku")
    assert cap.data["pita"] == [] and "Predikat" not in cap.chart.kolom


# --- the SVG files ----------------------------------------------------------------------------------


def test_every_chart_file_is_valid_accessible_svg(built):
    for folder, specs in built["jobs"].values():
        for s in specs:
            path = folder / s.chart.berkas
            assert path.exists(), path
            root = ET.parse(path).getroot()
            assert root.tag == f"{SVG}svg"
            assert root.get("role") == "img"
            title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
            assert title is not None and desc is not None
            assert title.text == s.chart.alt and desc.text == s.chart.deskripsi
            assert root.get("aria-labelledby") == title.get("id") and root.get("aria-describedby") == desc.get("id")


def test_svg_title_and_desc_carry_indonesian_figures(built):
    folder, _ = built["jobs"]["dinas-contoh"]
    root = ET.parse(folder / "grafik" / "ind-iku-pelatihan-tren.svg").getroot()
    title = root.find(f"{SVG}title").text
    desc = root.find(f"{SVG}desc").text
    assert "60%" in title and "22,52%" in title and "95%" in title
    assert "63,16%" in desc  # capaian 60/95
    svg = (folder / "grafik" / "anggaran-program.svg").read_text(encoding="utf-8")
    assert "92,90%" in svg  # direct value label, Indonesian decimal comma
    assert "25,49" in svg  # pagu label in miliar


def test_svg_is_phone_readable_text_not_paths(built):
    folder, _ = built["jobs"]["dinas-contoh"]
    for path in (folder / "grafik").glob("*.svg"):
        text = path.read_text(encoding="utf-8")
        width = float(re.search(r'<svg[^>]* width="([\d.]+)pt"', text)[1])
        assert width == pytest.approx(288)  # 4 in: one SVG scaled to the column (lkip.css)
        sizes = [float(x) for x in re.findall(r"font-size: ([\d.]+)px", text)]
        # scaled to a 360 px phone's 328 px column, the smallest text is still ~12 px
        assert sizes and min(sizes) * 328 / width >= 11.9, path.name
        assert "<text" in text  # svg.fonttype none: labels stay text (searchable, small)
        assert "<dc:date>" not in text and "Matplotlib v" not in text


def test_palette_marks_contrast_at_least_3_to_1_on_white():
    def lum(hex_: str) -> float:
        rgb = [int(hex_[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    for color, *_ in GAYA + [(HITAM,)]:
        assert (1.05) / (lum(color) + 0.05) >= 3.0, color
    # every series is distinguishable without colour: a hatch or a solid fill, and a distinct marker/line style
    assert len({(face, hatch) for _, face, hatch, _, _ in GAYA}) == len(GAYA)
    assert len({(m, ls) for *_, m, ls in GAYA}) == len(GAYA)
    assert all(lum(c) > 0.8 for c in PITA)  # bands are light backgrounds, text on them stays readable


def test_indonesian_axis_ticks():
    from generator.charts import _tick_text

    assert _tick_text(12.5, "angka") == "12,5"
    assert _tick_text(20000.0, "angka") == "20.000"
    assert _tick_text(100.0, "persen") == "100%"
    assert _tick_text(-0.0, "angka") == "0"


# --- determinism and cache ------------------------------------------------------------------------


def test_same_data_gives_identical_bytes_in_process_and_in_pool(built, tmp_path):
    jobs = plan(built["root"], tmp_path / "docs")
    stats = render_charts([jobs["dinas-contoh"]], tmp_path / "cache", workers=1)
    assert stats["dirender"] == len(EXPECTED)
    for s in jobs["dinas-contoh"][1]:
        a = (built["jobs"]["dinas-contoh"][0] / s.chart.berkas).read_bytes()
        b = (jobs["dinas-contoh"][0] / s.chart.berkas).read_bytes()
        assert a == b, s.chart.id


def test_second_run_renders_nothing_and_edit_rerenders_only_that_report(built, tmp_path):
    first = built["stats"]
    assert first["dirender"] > 0 and first["berkas"] == 2 * len(EXPECTED)
    out, cache = built["out"], built["cache"]
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.svg")}
    again = render_charts(list(plan(built["root"], out).values()), cache)
    assert again["dirender"] == 0 and again["dari_cache"] == again["berkas"] == 2 * len(EXPECTED)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.svg")} == before  # unchanged files not rewritten

    root = tmp_path / "repo"
    shutil.copytree(built["root"], root)
    write_report(root, "dinas-dua", "70")
    jobs = plan(root, out)
    old_keys = {s.kunci for _, specs in built["jobs"].values() for s in specs}
    changed = [s for s in jobs["dinas-dua"][1] if s.kunci not in old_keys]
    assert {s.chart.id for s in changed} == {"ind-iku-pelatihan-tren", "capaian-iku"}
    assert all(s.kunci in old_keys for s in jobs["dinas-contoh"][1])
    stats = render_charts(list(jobs.values()), cache)
    assert stats["dirender"] == len(changed)
    assert "70%" in (out / "dinas-dua" / "2024" / "grafik" / "ind-iku-pelatihan-tren.svg").read_text(encoding="utf-8")


def test_stale_chart_files_are_removed_and_cache_is_disposable(built, tmp_path):
    folder, specs = built["jobs"]["dinas-contoh"]
    out = tmp_path / "out"
    stale = out / "grafik" / "lama.svg"
    stale.parent.mkdir(parents=True)
    stale.write_text("<svg/>")
    cache = tmp_path / "cache"
    shutil.copytree(built["cache"], cache)
    stats = render_charts([(out, specs[:2])], cache)
    assert stats["dirender"] == 0 and not stale.exists()
    assert sorted(p.name for p in (out / "grafik").iterdir()) == sorted(Path(s.chart.berkas).name for s in specs[:2])
    shutil.rmtree(cache)
    stats = render_charts([(out, specs[:1])], cache, workers=1)
    assert stats["dirender"] == 1 and (out / specs[0].chart.berkas).read_bytes() == (folder / specs[0].chart.berkas).read_bytes()


def test_a_chart_that_fails_to_draw_gets_an_accessible_placeholder(built, tmp_path, monkeypatch):
    import generator.charts.svg as charts  # where the chart stage looks draw_svg up

    _, specs = built["jobs"]["dinas-contoh"]
    real = charts.draw_svg

    def flaky(spec):
        if spec.chart.id == "capaian-iku":
            raise ValueError("rusak")
        return real(spec)

    monkeypatch.setattr(charts, "draw_svg", flaky)
    out = tmp_path / "out"
    cap = next(s for s in specs if s.chart.id == "capaian-iku")
    stats = render_charts([(out, [cap, specs[0]])], tmp_path / "cache", workers=1)
    assert stats["dirender"] == 1 and len(stats["gagal"]) == 1 and "rusak" in stats["gagal"][0]
    root = ET.parse(out / cap.chart.berkas).getroot()
    assert root.find(f"{SVG}title").text == cap.chart.alt
    assert not (tmp_path / "cache" / f"{cap.kunci}.svg").exists()  # failures are not cached


def test_cache_pruning_keeps_only_used_entries(built, tmp_path):
    from generator.charts import bersihkan_cache

    cache = tmp_path / "cache"
    shutil.copytree(built["cache"], cache)
    jobs = [built["jobs"]["dinas-contoh"]]
    n_before = len(list(cache.glob("*.svg")))
    removed = bersihkan_cache(cache, jobs)
    assert len(list(cache.glob("*.svg"))) == len(EXPECTED) == n_before - removed


def test_inline_markup_has_unique_ids_and_writer_callback(built, tmp_path):
    from generator.charts import svg_sisip

    folder, specs = built["jobs"]["dinas-contoh"]
    got: dict[Path, bytes] = {}
    stats = render_charts([(tmp_path / "out", specs)], built["cache"], tulis=lambda p, data: got.__setitem__(p, data))
    assert stats["dirender"] == 0 and len(got) == len(specs) and not (tmp_path / "out").exists()
    page = "".join(svg_sisip(folder / s.chart.berkas) for s in specs)
    assert "<?xml" not in page and "<!DOCTYPE" not in page
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    for ref in re.findall(r'(?:url\(#|href="#)([^)"]+)', page) + re.findall(r'aria-(?:labelledby|describedby)="([^"]+)"', page):
        assert ref in ids
    ET.fromstring(f'<div xmlns:xlink="http://www.w3.org/1999/xlink">{page}</div>')

"""Table builders, one by one: a report view in, header and cells out (values from the sample reports).

Builders are pure functions registered under explicit keys (generator/render/tabel.py); the key names the CSV.
"""

from pathlib import Path

import pytest

from generator.render.tabel import PEMBANGUN

ROOT = Path(__file__).resolve().parents[1]


def sel(baris) -> list[list[str]]:
    return [[str(c.teks) for c in b.sel] for b in baris]


def test_every_builder_has_a_stable_key_without_double_dash():
    assert len(PEMBANGUN) >= 30
    assert all("--" not in f.kunci_csv for f in PEMBANGUN.values())
    assert PEMBANGUN["grafik-dihasilkan"].kunci_csv == "grafik"  # a generated chart's data: grafik--<id>.csv as before


def test_measurement_table_ppu_2024(laporan):
    v = laporan["disnakertrans-ppu/2024"].di("bab-3")
    t = v.tabel("pengukuran")
    assert t.kunci == "pengukuran"
    assert [k.teks for k in t.kepala[0]] == ["Kode", "Indikator", "Satuan", "Target", "Realisasi", "Capaian", "Status"]
    assert t.baris[0].kelas == "grup" and t.baris[0].sel[0].scope == "rowgroup"
    row = t.baris[1]
    assert sel([row]) == [["a", "Presentase pencari kerja yang mendapat pelatihan", "Persen", "25%", "33%", "132,00%", "tercapai"]]
    assert [m.no for m in row.sel[5].tanda] == [1]  # the report printed 133%
    assert row.sel[1].href == "#indikator-iku-pelatihan"
    assert sel(t.kaki) == [["Capaian kinerja keseluruhan", "87,46%", "4 dari 7 tercapai"]]
    # a status in words on every indicator row: capaian ≥ 100 (as shown) is tercapai
    status = [r.sel[-1].teks for r in t.baris if r.kelas not in ("grup", "subtotal")]
    assert status == ["tercapai", "tidak tercapai", "tercapai", "tidak tercapai", "tidak tercapai", "tercapai", "tercapai"]


def test_the_same_table_links_relative_to_its_page(laporan):
    r = laporan["disnakertrans-ppu/2024"]
    assert r.di("bab-3").tabel("pengukuran").baris[1].sel[1].href == "#indikator-iku-pelatihan"
    assert r.di("lampiran").tabel("pengukuran").baris[1].sel[1].href == "../bab-3/#indikator-iku-pelatihan"


def test_budget_and_spending_type_tables_ppu_2024(laporan):
    v = laporan["disnakertrans-ppu/2024"].di("bab-3")
    ang = v.tabel("realisasi-anggaran")
    assert sel(ang.kaki) == [["Jumlah", "24.443.350.000", "25.493.311.518", "24.055.983.237", "94,36%", "1.437.328.281", "–"]]
    # a line's keterangan (permasalahan, upaya, what it includes) has its own column (issue 13: nothing lost)
    assert ang.kepala[-1][-1].teks == "Keterangan"
    assert any("Penyediaan Gaji Dan Tunjangan ASN" in str(r[-1]) for r in sel(ang.baris))
    jenis = v.tabel("belanja-jenis")
    assert [r[-1] for r in sel(jenis.baris)] == ["15,08%", "12,72%", "72,20%"]  # share of the total pagu, computed
    assert sel(jenis.kaki) == [["Jumlah", "25.493.311.518", "–", "–", "100%"]]


def test_staff_table_totals_and_csv_key(laporan):
    t = laporan["disnakertrans-ppu/2024"].di("bab-1").tabel("pegawai", 0)
    assert t.kunci == "pegawai--pegawai-pendidikan"
    assert sel(t.kaki) == [["Jumlah", "3", "15", "3", "0", "1", "24", "46"]]


def test_history_table_and_change_note(laporan):
    v = laporan["disnakertrans-ppu/2024"].di("bab-3")
    hi = v.h.sasaran[0].indikator[0]
    t = v.tabel("riwayat", hi)
    assert t.kunci == "riwayat--iku-pelatihan"
    assert sel(t.baris) == [["2023", "–", "8,36%", "N/A (target belum ditetapkan)", "laporan ini"], ["2024", "25%", "33%", "132,00%", "laporan ini"]]
    assert t.keterangan == ["Perubahan realisasi dari 2023: +24,64 poin persen."]


def test_scale_tables_pasaman_barat_2022(laporan):
    v = laporan["disnaker-pasaman-barat/2022"].di("bab-3")
    assert sel(v.tabel("pengukuran").kaki) == [["Capaian kinerja keseluruhan", "100,28%", "Memuaskan", "6 dari 8 tercapai"]]
    assert sel(v.tabel("per-predikat").baris + v.tabel("per-predikat").kaki) == [
        ["Kurang Baik", "1"], ["Cukup", "0"], ["Baik", "0"], ["Sangat Baik", "3"], ["Memuaskan", "4"], ["Jumlah", "8"]]
    assert v.tabel("tahun-lalu") is None  # no earlier budget in the data


def test_capped_capaian_and_last_year_jember_2023(laporan):
    v = laporan["disnaker-jember/2023"].di("bab-3")
    assert sel(v.tabel("pengukuran").kaki) == [["Capaian kinerja keseluruhan", "195,36%", "100,00%", "Sangat Memuaskan", "2 dari 3 tercapai"]]
    t = v.tabel("tahun-lalu")
    assert sel(t.baris) == [["2022", "10.319.891.918", "7.082.064.671", "68,62%", "laporan ini"], ["2023", "15.308.539.115", "13.359.116.248", "87,26%", "laporan ini"]]
    assert t.keterangan == ["Perubahan penyerapan: +18,64 poin persen."]
    assert v.tabel("sumber-dana") is None


def test_tables_are_cached_per_page_and_views_never_change(laporan):
    r = laporan["disnakertrans-ppu/2024"]
    v = r.di("bab-3")
    assert v.tabel("pengukuran") is v.tabel("pengukuran")
    assert r.di("bab-3").tabel("pengukuran") is not v.tabel("pengukuran")
    assert r.halaman_ini == "index" and v.halaman_ini == "bab-3"


@pytest.mark.parametrize("kunci", ["disnakertrans-ppu/2024", "disnaker-jember/2023"])
def test_pages_rendered_in_another_order_give_identical_files(laporan, kunci):
    import random

    from generator.render import Kumpul, buat_env, render_laporan, template_dir
    from generator.render.halaman import HALAMAN_LAPORAN

    env = buat_env(template_dir(ROOT))
    bab = [h.kunci for h in HALAMAN_LAPORAN if not h.ringkasan and h.kunci != "cetak"]
    hasil = []
    for urutan in (bab, bab[::-1], random.Random(7).sample(bab, len(bab))):
        w = Kumpul()
        keys = render_laporan(env, laporan[kunci], w, urutan)
        hasil.append((keys, w.berkas))
    assert hasil[0][1] and len(hasil[0][1]) > 20  # pages, CSVs, JSON
    assert hasil[1] == hasil[0] and hasil[2] == hasil[0]

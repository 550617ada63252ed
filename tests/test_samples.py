"""The three real sample reports: headline numbers and the audit — every known discrepancy, and no other."""

from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.load import format_path
from generator.pipeline import compute_repo
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reports():
    repo, problems = load_repo(ROOT)
    assert repo is not None, "\n".join(map(str, problems))
    return {(inst.slug, b.tahun): (b, h, findings) for inst, b, h, findings in compute_repo(repo)}


def semua(temuan):
    """Every printed value a finding stands for: the findings, the items of a group and the knock-ons under a cause."""
    return [f for t in temuan for f in t.semua() if not f.rincian]


def findings(reports, key):
    return {(format_path(f.jalur), f.tercetak, f.dihitung) for f in semua(reports[key][2])}


# --- Pasaman Barat 2022 ---------------------------------------------------------------------------

PB = ("disnaker-pasaman-barat", 2022)


def test_pasaman_barat_overall_100_28_memuaskan(reports):
    _, h, _ = reports[PB]
    assert h.keseluruhan.tampil == D("100.28")
    assert h.predikat == "Memuaskan"
    assert [s.capaian.tampil for s in h.sasaran] == [D("108.89"), D("86.21"), D("144.34"), D("107.81"), D("29.41")]
    # strict bands: 4 Memuaskan, 3 Sangat Baik, 1 Kurang Baik (the report prints 6/1/1)
    assert h.jumlah_per_predikat == {"Kurang Baik": 1, "Cukup": 0, "Baik": 0, "Sangat Baik": 3, "Memuaskan": 4}


def test_pasaman_barat_budget(reports):
    _, h, _ = reports[PB]
    assert h.anggaran.pagu_efektif == D(5197839192)
    assert h.anggaran.realisasi == D(4904388885)
    assert h.anggaran.penyerapan.tampil == D("94.35")
    assert h.anggaran.sisa == D(293450307)
    assert len(h.anggaran.program) == 5
    assert sum(len(p.anak) for p in h.anggaran.program) == 13
    assert sum(len(k.anak) for p in h.anggaran.program for k in p.anak) == 28


def test_pasaman_barat_audit(reports):
    got = findings(reports, PB)
    assert got == {
        ("sasaran[0].indikator[0].tercetak.lain[0]", "126,66%", "126,67%"),  # Ikhtisar truncates 126,666…
        ("sasaran[0].indikator[1].tercetak.lain[0]", "100", "3"),  # Tabel 3.2.1 shifted: SPIP capaian 100 in the Realisasi column
        ("sasaran[0].indikator[2].tercetak.lain[0]", "110,00%", "100,00%"),  # Tabel 3.3.7 SAKIP 2022
        ("sasaran[0].indikator[2].tercetak.lain[1]", "100.00", "B"),  # Tabel 3.2.1 shifted: SAKIP capaian 100,00 in the Realisasi column
        ("perjanjian_kinerja.target.iku-penempatan", "17,19", "17,79 (Renstra)"),
        ("sasaran[1].indikator[0].tercetak.lain[0]", "17,19", "14,82"),  # Tabel 3.3.7 row 4 shifted: target in the 2022 Realisasi column
        ("sasaran[1].indikator[0].tercetak.lain[1]", "14,82%", "86,21%"),  # Tabel 3.3.7 row 4 shifted: realisasi in the 2022 Capaian column
        ("sasaran[1].indikator[0].tercetak.penyerapan", "95,72%", "97,16%"),  # swapped rows, Tabel 3.3.8
        ("sasaran[1].indikator[0].tercetak.efisiensi", "4,28%", "2,84%"),
        ("sasaran[2].indikator[0].tercetak.lain[0]", "2,12", "3,06"),  # Tabel 3.3.7 row 5 shifted: target as 2022 realisasi
        ("sasaran[2].indikator[0].tercetak.lain[1]", "3,06%", "144,34%"),  # Tabel 3.3.7 row 5 shifted: realisasi as 2022 capaian
        ("sasaran[2].indikator[0].tercetak.lain[2]", "2,12", "2,32"),  # RKT 2023 reuses the 2022 target (Renstra 2023: 2,32)
        ("sasaran[2].indikator[0].tercetak.penyerapan", "97,16%", "95,72%"),
        ("sasaran[2].indikator[0].tercetak.efisiensi", "2,84%", "4,28%"),
        ("sasaran[3].indikator[0].tercetak.lain[0]", "18.088", "19.597"),  # Tabel 3.3.7 row 6 shifted: target as 2022 realisasi
        ("sasaran[3].indikator[0].tercetak.lain[1]", "19.597%", "108,34%"),  # Tabel 3.3.7 row 6 shifted: realisasi "19,597" as 2022 capaian
        ("sasaran[3].indikator[0].tercetak.lain[2]", "18.088", "18.630"),  # RKT 2023 reuses the 2022 target "18,088"
        ("sasaran[3].indikator[0].tercetak.lain[3]", "9.763", "19.763"),  # SK IKU lampiran: BPJS 2025 target "9.763"
        ("sasaran[3].indikator[1].riwayat_tercetak[2021].capaian", "15,11%", "15,12%"),
        ("sasaran[3].indikator[1].tercetak.lain[0]", "87", "93,33"),  # Tabel 3.3.7 row 7 shifted: target as 2022 realisasi
        ("sasaran[3].indikator[1].tercetak.lain[1]", "93,33%", "107,28%"),  # Tabel 3.3.7 row 7 shifted: realisasi as 2022 capaian
        ("sasaran[3].indikator[1].tercetak.lain[2]", "87,00", "88"),  # RKT 2023 reuses the 2022 target "87,00"
        ("sasaran[4].indikator[0].tercetak.lain[0]", "17", "5"),  # Tabel 3.3.7 row 8 shifted: target as 2022 realisasi
        ("sasaran[4].indikator[0].tercetak.lain[1]", "5%", "29,41%"),  # Tabel 3.3.7 row 8 shifted: realisasi as 2022 capaian
        ("tercetak.jumlah_per_predikat.Memuaskan", "6", "4"),
        ("tercetak.jumlah_per_predikat.Sangat Baik", "1", "3"),
        ("tercetak.jumlah_iku[1]", "10", "8 dalam data"),
        ("tercetak.jumlah_sasaran[0]", "3", "5 dalam data"),
        ("perjanjian_kinerja.anggaran[0].pagu", "Rp 4.090.881.692", "Rp 4.113.681.692"),  # Tabel 2.5 (PK) vs 3.4.1 pagu, Penunjang −22.800.000
        ("perjanjian_kinerja.anggaran[1].pagu", "Rp 395.950.150", "Rp 387.850.150"),  # Tabel 2.5 vs 3.4.1, Penempatan +8.100.000
        ("perjanjian_kinerja.anggaran[2].pagu", "Rp 595.100.200", "Rp 587.000.200"),  # Tabel 2.5 vs 3.4.1, Pelatihan +8.100.000
        ("perjanjian_kinerja.anggaran[3].pagu", "Rp 96.050.050", "Rp 89.450.050"),  # Tabel 2.5 vs 3.4.1, Hubungan Industrial +6.600.000
    }


# --- Jember 2023 ----------------------------------------------------------------------------------

JB = ("disnaker-jember", 2023)


def test_jember_capaian_raw_and_capped(reports):
    _, h, _ = reports[JB]
    s1, s2 = h.sasaran
    assert [i.capaian.tampil for i in s1.indikator] == [D("100.00"), D("389.80")]
    assert s1.capaian.tampil == D("244.90")
    assert s1.predikat == "Sangat Memuaskan"  # rated on the capped 100
    assert s2.indikator[0].target == D(89)  # measured against the PK, not the revised Renstra's 100
    assert s2.capaian.tampil == D("96.30")


def test_jember_budget_truncated(reports):
    _, h, _ = reports[JB]
    assert h.anggaran.pagu_efektif == D(15308539115)
    assert h.anggaran.realisasi == D(13359116248)
    assert h.anggaran.penyerapan.tampil == D("87.26")


def test_jember_audit(reports):
    got = {path for path, _, _ in findings(reports, JB)}
    assert got == {
        "sasaran[0].indikator[0].tercetak.penyerapan",  # 99,375% in Tabel 3.7 not derivable
        "sasaran[0].indikator[1].tercetak.penyerapan",
        "sasaran[0].indikator[1].tercetak.lain[0]",  # B.2 prints placement capaian 100% (capped), raw 389,8
        "sasaran[0].indikator[1].tercetak.lain[1]",  # Tabel 3.6 prints placement capaian 100 (capped), raw 389,8
        "sasaran[1].indikator[0].tercetak.capaian_renstra",  # Tabel 3.3 uses the pre-revision 95
        "sasaran[1].tercetak.capaian",  # Tabel 3.5 prints 90,22 for 96,30
        "tercetak.jumlah_per_predikat.Sangat Memuaskan",
        "tercetak.jumlah_per_predikat.Memuaskan",
        "tercetak.jumlah_kegiatan[0]",  # "11 kegiatan" vs 13
        "tercetak.jumlah_pegawai[0]",  # "18 ASN dan 10 Non ASN" vs 30
        "anggaran.tahun_lalu.tercetak.penyerapan",  # 68,63 rounded in a truncating report
        "anggaran.tercetak.perubahan",  # 18,63 = 87,26 − 68,63: follows from the rounded 68,63
        "anggaran.belanja_per_jenis[0].tercetak.porsi",  # 99,91 rounded, 99,90 truncated
    }


# --- Penajam Paser Utara 2024 ---------------------------------------------------------------------

PPU = ("disnakertrans-ppu", 2024)


def test_ppu_capaian_and_overall(reports):
    _, h, _ = reports[PPU]
    caps = [i.capaian.tampil for i in h.semua_indikator]
    assert caps == [D("132.00"), D("63.16"), D("105.26"), D("60.00"), D("51.58"), D("100.00"), D("100.19")]
    assert h.keseluruhan.tampil == D("87.46")  # the report prints 88 (mean of its printed 133, …)
    assert h.predikat is None  # the report uses no rating scale


def test_ppu_budget_and_efficiency(reports):
    _, h, _ = reports[PPU]
    assert h.anggaran.pagu_efektif == D(25493311518)
    assert h.anggaran.realisasi == D(24055983237)
    assert h.anggaran.penyerapan.tampil == D("94.36")
    assert h.anggaran.sisa == D(1437328281)
    assert [p.penyerapan.tampil for p in h.anggaran.program] == [D("96.51"), D("92.90"), D("99.32"), D("97.67"), D("87.06")]
    a = h.semua_indikator[0]
    assert a.penyerapan.tampil == D("92.90") and a.efisiensi.tampil == D("142.09")
    assert h.semua_indikator[0].renstra.tampil == D("471.43")


def test_ppu_audit_shows_the_reports_own_inconsistencies_and_nothing_else(reports):
    got = {path for path, _, _ in findings(reports, PPU)}
    assert got == {
        "sasaran[0].indikator[0].tercetak.capaian",  # 33/25 = 132, printed 133
        "sasaran[0].indikator[0].tercetak.efisiensi",  # 143,16 follows from the misprinted 133
        "sasaran[0].indikator[0].target_akhir_renstra",  # a: Renstra end target 7 below the 2024 target 25
        "sasaran[0].indikator[1].target_akhir_renstra",  # b: Renstra end target 35 below the 2024 target 95
        "tercetak.capaian_keseluruhan",  # 88 follows from the misprinted 133 (87,46)
        "sasaran[0].indikator[1].tercetak.lain[0]",  # 2023 realisasi 18 (Tabel 3.1.2) vs 22,52 (Tabel 3.1.8)
        "sasaran[0].indikator[3].tercetak.penyerapan",  # d, e: absorption of Program HI, not linked
        "sasaran[0].indikator[4].tercetak.penyerapan",
        "sasaran[1].indikator[0].tercetak.penyerapan",  # f: "tanpa pagu anggaran" yet divided by 87,06
        "sasaran[2].indikator[0].tercetak.penyerapan",  # g: absorption of Program Penunjang
        "tercetak.jumlah_iku[0]",  # Ringkasan: 6 IKU
        "tercetak.jumlah_iku[1]",  # BAB II B: 5 IKU beside a list of seven
        "tercetak.jumlah_program[0]",  # 6 programs vs 5 funded
        "pegawai.tabel[0].total_tercetak[2]",  # Gol II printed 5, rows sum to 3
        "pegawai.tabel[0].total_tercetak[5]",  # Honorer printed 22, rows sum to 24
        "pegawai.tabel[1].baris",  # golongan IV/III differ between the two staff tables
    }
    by_path = {format_path(f.jalur): f for f in semua(reports[PPU][2])}
    first = by_path["sasaran[0].indikator[0].tercetak.capaian"]
    assert (first.tercetak, first.dihitung) == ("133%", "132,00%")
    assert first.lokasi.file == "agencies/disnakertrans-ppu/2024.yaml" and first.lokasi.line > 1
    assert by_path["tercetak.capaian_keseluruhan"].akibat.startswith("capaian 'a ")

"""Every formula variant of the domain guide, asserted with the seeds' own numbers."""

from decimal import Decimal as D

import pytest

from generator import compute
from generator.compute import Hasil, bulat, capaian, efisiensi, penyerapan, rata_rata
from generator.metode import SKALA, periksa_skala, predikat, resolve
from generator.model import MetodeParsial, Pembulatan, Pita, Skala


def metode(**kw):
    return resolve(MetodeParsial(**kw))


PPU = metode(preset="ppu-2024")
PASBAR = metode(preset="pasaman-barat")
JEMBER = metode(preset="jember")


# --- rounding -----------------------------------------------------------------------------------


def test_half_up_vs_truncate_87_266():
    assert bulat(D("87.266"), Pembulatan(desimal=2, mode="setengah_ke_atas")) == D("87.27")
    assert bulat(D("87.266"), Pembulatan(desimal=2, mode="potong")) == D("87.26")


def test_half_up_is_not_bankers_rounding():
    # round(0.125, 2) == 0.12 in Python; the reports round half up
    assert bulat(D("0.125"), Pembulatan(desimal=2, mode="setengah_ke_atas")) == D("0.13")
    assert bulat(D("63.4313"), Pembulatan(desimal=2)) == D("63.43")


# --- capaian ------------------------------------------------------------------------------------


def test_capaian_higher_is_better_ppu_iku_a_is_132_not_printed_133():
    assert capaian(D(25), D(33), "naik", PPU).tampil == D("132.00")


@pytest.mark.parametrize(
    "target,realisasi,expected",
    [
        (D(95), D(60), D("63.16")),  # PPU IKU b
        (D(95), D(100), D("105.26")),  # PPU IKU c
        (D(84), D("84.16"), D("100.19")),  # PPU IKU g (IKM)
        (D("17.19"), D("14.82"), D("86.21")),  # Pasaman Barat placement
        (D("2.12"), D("3.06"), D("144.34")),  # Pasaman Barat training
        (D(17), D(5), D("29.41")),  # Pasaman Barat eks transmigrasi
    ],
)
def test_capaian_seed_rows(target, realisasi, expected):
    assert capaian(target, realisasi, "naik", PASBAR).tampil == expected


def test_capaian_lower_is_better_two_t_minus_r_tpt():
    # Pasaman Barat TPT: target 4,19, realisasi 6,33 → (2×4,19 − 6,33)/4,19 × 100
    assert capaian(D("4.19"), D("6.33"), "turun", PASBAR).tampil == D("48.93")


def test_capaian_lower_is_better_t_over_r():
    m = metode(capaian_turun="t_per_r")
    assert capaian(D("4.19"), D("6.33"), "turun", m).tampil == D("66.19")


def test_capaian_ordinal_grades_met_is_100_one_step_up_is_110():
    assert capaian("B", "B", "naik", PASBAR).tampil == D("100.00")
    assert capaian("B", "BB", "naik", PASBAR).tampil == D("110.00")  # Pasaman Barat 2021 SAKIP
    assert capaian("B", "C", "naik", PASBAR).tampil == D("80.00")


def test_capaian_division_by_zero_and_missing_give_reasons_not_crashes():
    assert capaian(D(0), D(5), "naik", PPU).alasan == "target 0: capaian tidak dapat dihitung"
    assert capaian(D(5), D(0), "turun", metode(capaian_turun="t_per_r")).alasan.startswith("realisasi 0")
    assert capaian(D(5), None, "naik", PPU).alasan == "realisasi belum diisi"
    assert capaian(None, D(5), "naik", PPU).alasan == "target belum ditetapkan"
    assert capaian(D(5), "B", "naik", PPU).nilai is None


# --- cap/floor, predikat -----------------------------------------------------------------------


def test_jember_389_8_shown_raw_and_rated_as_100():
    # Jember IKU 1.2: target 1.000 orang, realisasi 3.898 orang
    h = capaian(D(1000), D(3898), "naik", JEMBER)
    assert h.tampil == D("389.80")
    assert compute.batasi(h.nilai, JEMBER) == D(100)
    assert compute.nilai_predikat(h.nilai, JEMBER) == "Sangat Memuaskan"


def test_jember_floor_at_zero():
    h = capaian(D(10), D(25), "turun", JEMBER)  # (20 − 25)/10 → −50
    assert h.tampil == D("-50.00")
    assert compute.batasi(h.nilai, JEMBER) == D(0)
    assert compute.nilai_predikat(h.nilai, JEMBER) == "Sangat Kurang"


def test_jember_sasaran_1_mean_is_244_9_uncapped():
    mean = rata_rata([D(100), D("389.8")], JEMBER, batas_dulu=False)
    assert mean.nilai == D("244.9")


def test_cap_before_vs_after_averaging_differ():
    values = [D("100"), D("389.8"), D("85.71")]
    before = rata_rata(values, JEMBER, batas_dulu=True)
    after = rata_rata(values, JEMBER, batas_dulu=False)
    assert before.tampil == D("95.23")  # (100 + 100 + 85,71) / 3
    assert compute.batasi(after.nilai, JEMBER) == D(100)  # 191,83 capped after averaging


def test_pasaman_barat_overall_100_28_is_mean_of_8_indicators_not_of_5_sasaran():
    ind = [
        capaian(D(75), D(95), "naik", PASBAR),  # BPK
        capaian(D(3), D(3), "naik", PASBAR),  # SPIP
        capaian("B", "B", "naik", PASBAR),  # SAKIP
        capaian(D("17.19"), D("14.82"), "naik", PASBAR),
        capaian(D("2.12"), D("3.06"), "naik", PASBAR),
        capaian(D(18088), D(19597), "naik", PASBAR),
        capaian(D(87), D("93.33"), "naik", PASBAR),
        capaian(D(17), D(5), "naik", PASBAR),
    ]
    overall = rata_rata([h.nilai for h in ind], PASBAR, batas_dulu=True)
    assert overall.tampil == D("100.28")
    assert compute.nilai_predikat(overall.nilai, PASBAR) == "Memuaskan"
    # the mean of the 5 sasaran means would be 95,33 — not what the report prints
    sas = [[ind[0], ind[1], ind[2]], [ind[3]], [ind[4]], [ind[5], ind[6]], [ind[7]]]
    sas_means = [rata_rata([h.nilai for h in s], PASBAR, True).nilai for s in sas]
    assert rata_rata(sas_means, PASBAR, True).tampil == D("95.33")


def test_missing_value_counts_as_zero_when_configured():
    # Pasaman Barat 2021 column: SPIP not reported counts as 0 over the full count (70,00 = (100+0+110)/3)
    assert rata_rata([D(100), None, D(110)], PASBAR, batas_dulu=True).tampil == D("70.00")
    assert rata_rata([D(100), None, D(110)], PPU, batas_dulu=True).tampil == D("105.00")


def test_pasaman_barat_bands_as_printed():
    s = SKALA["pasaman-barat"]
    assert predikat(s, D("55")).predikat == "Kurang Baik"
    assert predikat(s, D("55.01")).predikat == "Cukup"
    assert predikat(s, D("86.21")).predikat == "Sangat Baik"
    assert predikat(s, D("100")).predikat == "Sangat Baik"
    assert predikat(s, D("100.01")).predikat == "Memuaskan"


# --- budget and efficiency ---------------------------------------------------------------------


def test_absorption_ppu_total_94_36_and_sisa():
    h = penyerapan(D(25493311518), D(24055983237), PPU)
    assert h.tampil == D("94.36")
    assert D(25493311518) - D(24055983237) == D(1437328281)


def test_absorption_jember_total_truncated_87_26():
    assert penyerapan(D(15308539115), D(13359116248), JEMBER).tampil == D("87.26")
    assert penyerapan(D(15308539115), D(13359116248), PPU).tampil == D("87.27")


def test_efficiency_ratio_ppu_133_over_92_90_is_143_16():
    eff, _ = efisiensi(Hasil(D(133), D(133)), Hasil(D("92.90"), D("92.90")), PPU)
    assert eff.tampil == D("143.16")


@pytest.mark.parametrize("cap,serap,expected", [(63, "99.32", "63.43"), (105, "97.67", "107.50"), (100, "87.06", "114.86"), ("100.19", "96.51", "103.81")])
def test_efficiency_ratio_other_ppu_rows(cap, serap, expected):
    eff, _ = efisiensi(Hasil(D(cap), D(cap)), Hasil(D(serap), D(serap)), PPU)
    assert eff.tampil == D(expected)


def test_efficiency_difference_and_100_minus_absorption_and_verbal():
    eff, _ = efisiensi(Hasil(D(133), D(133)), Hasil(D("92.90"), D("92.90")), metode(efisiensi="selisih"))
    assert eff.tampil == D("40.10")
    eff, _ = efisiensi(Hasil(), Hasil(D("94.35"), D("94.35")), PASBAR)
    assert eff.tampil == D("5.65")  # Pasaman Barat: 100 − 94,35
    eff, teks = efisiensi(Hasil(D("244.9"), D("244.9")), Hasil(D("99.38"), D("99.38")), JEMBER)
    assert teks == "Efisien" and eff.nilai is None
    _, teks = efisiensi(Hasil(D("40"), D("40")), Hasil(D("99.38"), D("99.38")), JEMBER)
    assert teks == "Kurang efisien"


def test_efficiency_zero_absorption_is_a_reason():
    eff, _ = efisiensi(Hasil(D(100), D(100)), Hasil(D(0), D(0)), PPU)
    assert eff.nilai is None and "0%" in eff.alasan


def test_renstra_progress_ppu():
    assert capaian(D(7), D(33), "naik", PPU).tampil == D("471.43")
    assert capaian(D(35), D(60), "naik", PPU).tampil == D("171.43")


# --- scales -------------------------------------------------------------------------------------


def test_printed_permendagri_scale_reports_exact_gaps():
    msgs = [m for _, m in periksa_skala(SKALA["permendagri-86-tercetak"])]
    assert len(msgs) == 3
    assert any("(50; 51)" in m for m in msgs)
    assert any("(65; 66)" in m for m in msgs)
    assert any("(75; 76)" in m for m in msgs)


@pytest.mark.parametrize("name", ["permendagri-86", "pasaman-barat", "akip-aa-d", "dumai-atribut"])
def test_preset_scales_have_no_gaps_or_overlaps(name):
    assert periksa_skala(SKALA[name]) == []


def test_overlap_is_reported_with_interval():
    s = Skala(nama="x", pita=[Pita(predikat="A", atas=D(60)), Pita(predikat="B", bawah=D(50))])
    msgs = [m for _, m in periksa_skala(s)]
    assert msgs == ["tumpang tindih: nilai [50; 60] termasuk 'A' dan 'B'"]


def test_scale_not_reaching_required_range():
    s = Skala(nama="x", rentang_bawah=D(0), rentang_atas=D(100), pita=[Pita(predikat="A", bawah=D(10), atas=D(90))])
    msgs = [m for _, m in periksa_skala(s)]
    assert "nilai [0; 10) tidak termasuk pita mana pun" in msgs
    assert "nilai (90; 100] tidak termasuk pita mana pun" in msgs


def test_jember_scale_lower_bounds_exclusive():
    s = SKALA["akip-aa-d"]
    assert predikat(s, D(90)).kode == "A"
    assert predikat(s, D("90.01")).kode == "AA"
    assert predikat(s, D(0)).kode == "D"

"""Budget realisation per sasaran and per indicator (issue 13), with the seeds' own numbers: PPU 2024 sasaran 1 is
funded by three programs, 15.436.201.600 + 279.000.000 + 2.413.500.000 = 18.128.701.600 of pagu and
14.340.365.473 + 277.109.879 + 2.357.181.478 = 16.974.656.830 realised (93,63%)."""

from __future__ import annotations

from decimal import Decimal as D


def _baris(t):
    return [[str(s.teks) for s in b.sel] for b in t.baris]


def test_ppu_2024_sums_exactly_and_marks_the_portals_sums(laporan):
    v = laporan["disnakertrans-ppu/2024"].di("bab-3")
    hs = v.h.sasaran[0]
    assert (hs.pagu, hs.realisasi_anggaran) == (D("18128701600"), D("16974656830"))
    assert sum(hi.pagu for hi in hs.indikator if hi.pagu is not None) == hs.pagu
    t = v.tabel("anggaran-sasaran")
    rows = _baris(t)
    assert rows[0][2:] == ["18.128.701.600", "16.974.656.830", "93,63%"]
    assert rows[1][1:] == ["Program Pelatihan Kerja Dan Produktivitas Tenaga Kerja", "15.436.201.600", "14.340.365.473", "92,90%"]
    assert rows[4][1:3] == ["tidak terhubung ke anggaran", "–"]
    assert [s.portal for s in t.baris[0].sel[2:]] == [True, True, True]  # the report prints no sum per sasaran
    assert [s.portal for s in t.baris[1].sel[2:]] == [False, False, False]  # one program: its own figures
    assert t.kunci == "anggaran-sasaran"


def test_jember_2023_sasaran_from_two_programs(laporan):
    v = laporan["disnaker-jember/2023"].di("bab-3")
    rows = _baris(v.tabel("anggaran-sasaran"))
    assert rows[0][2:] == ["8.756.402.300", "7.908.026.339", "90,31%"]
    assert rows[3][0].startswith("Sasaran 2") and rows[3][2:] == ["1.958.733.000", "1.781.581.859", "90,95%"]

"""A report's own lower-is-better capaian formula (issue 13): ``metode.capaian_turun`` as an expression of T and R.

Example: the open unemployment rate (Tingkat Pengangguran Terbuka) of a kabupaten, target 4,50%, realisasi
4,20% — lower is better. (2T−R)/T×100 = 106,67; T/R×100 = 107,14; a report measuring the rate in percentage
points with 100 + (T − R) prints 100,30.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator import rumus
from generator.compute import capaian
from generator.metode import MetodeError, resolve
from generator.model import MetodeParsial


def _m(rumus_turun: str):
    return resolve(MetodeParsial(capaian_turun=rumus_turun))


@pytest.mark.parametrize(("turun", "tampil"), [("dua_t_kurang_r", "106.67"), ("t_per_r", "107.14"), ("100 + (T - R)", "100.30"),
                                               ("(2 * T - R) / T * 100", "106.67"), ("T ÷ R × 100", "107.14")])
def test_every_formula_with_the_unemployment_rate(turun, tampil):
    h = capaian(D("4.50"), D("4.20"), "turun", _m(turun))
    assert str(h.tampil) == tampil


def test_own_formula_is_exact_then_rounded_by_the_method():
    m = resolve(MetodeParsial(capaian_turun="(T - R) / T * 100 + 100", pembulatan={"desimal": 2, "mode": "potong"}))
    h = capaian(D("3"), D("2"), "turun", m)  # 133,333… truncated
    assert h.nilai == D("133.3333333333333333333333333") and str(h.tampil) == "133.33"
    assert capaian(D("0"), D("2"), "turun", m).alasan == "rumus (T - R) / T * 100 + 100 membagi dengan nol"
    assert capaian(D("50"), D("40"), "naik", m).tampil == D("80.00")  # higher-is-better indicators keep R/T


def test_formula_for_readers():
    assert rumus.uraian("dua_t_kurang_r") == "(2 × Target − Realisasi) ÷ Target × 100"
    assert rumus.uraian("T / (R - 1) * 100") == "Target ÷ (Realisasi − 1) × 100"
    assert rumus.uraian("100 + (T - R)") == "100 + Target − Realisasi"


@pytest.mark.parametrize(("salah", "pesan"), [("__import__('os').system('x')", "memuat 'Call'"), ("T ** 2", "memuat 'Pow'"),
                                              ("(T", "tidak dapat dibaca"), ("T * 100", "tidak memakai R"), ("X + R", "memuat 'X'")])
def test_anything_but_arithmetic_on_t_and_r_is_refused_with_a_message(salah, pesan):
    with pytest.raises(MetodeError) as e:
        _m(salah)
    assert pesan in e.value.pesan and e.value.jalur == ("metode", "capaian_turun")
    assert "dua_t_kurang_r" in e.value.pesan


def test_a_bad_formula_in_yaml_names_the_file_line_and_field(tmp_path):
    import shutil
    from pathlib import Path

    from generator.validate import load_repo

    root = Path(__file__).resolve().parents[1]
    shutil.copytree(root / "tests/fixtures/mini", tmp_path / "repo")
    berkas = tmp_path / "repo/agencies/dinas-contoh/2024.yaml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("tahun: 2024\n", "tahun: 2024\nmetode:\n  capaian_turun: T ** R\n", 1), encoding="utf-8")
    repo, masalah = load_repo(tmp_path / "repo")
    teks = [str(m) for m in masalah]
    assert any(t.startswith("agencies/dinas-contoh/2024.yaml:3:") and "metode.capaian_turun" in t and "memuat 'Pow'" in t for t in teks), teks


def test_a_sasaran_whose_indicators_are_not_iku_says_why_it_has_no_mean():
    from generator.compute import hitung
    from generator.model import Laporan

    lap = Laporan.model_validate({"tahun": 2024, "sasaran": [{"id": "s1", "nama": "Sasaran pendukung", "indikator": [
        {"id": "i1", "nama": "Indikator pendukung", "satuan": "Persen", "iku": False, "target": {2024: 50}, "realisasi": {2024: 40}}]}]})
    h = hitung(lap, resolve(MetodeParsial()))
    assert h.sasaran[0].capaian.alasan == "indikatornya bukan IKU; metode hanya merata-rata IKU (agregasi.cakupan: iku)"
    assert h.sasaran[0].indikator[0].capaian.tampil == D("80.00")

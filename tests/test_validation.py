"""Errors a planner can act on: file:line:col, the field, and what to write instead — in Indonesian."""

import shutil
from pathlib import Path

import pytest

from generator.cli import main

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
YEAR = "agencies/dinas-contoh/2024.yaml"


@pytest.fixture
def repo(tmp_path):
    dst = tmp_path / "repo"
    shutil.copytree(FIXTURE, dst)
    return dst


def edit(repo: Path, old: str, new: str, file: str = YEAR) -> None:
    p = repo / file
    text = p.read_text(encoding="utf-8")
    assert old in text, old
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


def validate(repo: Path, capsys) -> tuple[int, str]:
    rc = main(["--root", str(repo), "validate"])
    out = capsys.readouterr()
    assert "Traceback" not in out.err + out.out
    return rc, out.err


def test_fixture_is_valid(repo, capsys):
    assert main(["--root", str(repo), "validate"]) == 0


def test_unknown_key_with_did_you_mean(repo, capsys):
    edit(repo, "        realisasi: {2023", "        realisasl: {2023")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:26:9: sasaran[0].indikator[0].realisasl: kunci 'realisasl' tidak dikenal; maksud Anda 'realisasi'?" in err


def test_indonesian_decimal_string_gets_yaml_number_to_write(repo, capsys):
    edit(repo, "realisasi: {2023: 20, 2024: 33}", 'realisasi: {2023: 20, 2024: "84,16"}')
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:26:37: sasaran[0].indikator[0].realisasi[2024]:" in err
    assert 'berformat Indonesia "84,16"; di YAML tulis 84.16' in err


def test_indonesian_thousands_string_is_not_misread(repo, capsys):
    edit(repo, "realisasi: {2023: 20, 2024: 33}", 'realisasi: {2023: 20, 2024: "1.159"}')
    rc, err = validate(repo, capsys)
    assert rc == 1 and "di YAML tulis 1159" in err


def test_rupiah_with_separators(repo, capsys):
    edit(repo, "pagu: 1000000", 'pagu: "Rp 1.000.000"')
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:34:13: anggaran.program[0].pagu:" in err and "tulis 1000000" in err


def test_tab_indentation(repo, capsys):
    edit(repo, "  visi: Terwujudnya contoh", "\tvisi: Terwujudnya contoh")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:10:1: karakter TAB tidak boleh dipakai untuk indentasi" in err


def test_duplicate_key(repo, capsys):
    edit(repo, "  visi: Terwujudnya contoh", "  visi: Terwujudnya contoh\n  visi: lagi")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:11:3: renstra.visi: kunci 'visi' ditulis dua kali (pertama di baris 10)" in err


def test_unknown_reference(repo, capsys):
    edit(repo, "anggaran: [prog-1]", "anggaran: [prog-2]")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:27:20: sasaran[0].indikator[0].anggaran[0]: anggaran 'prog-2' tidak ditemukan; maksud Anda 'prog-1'?" in err


def test_missing_required_field(repo, capsys):
    edit(repo, "        nama: Persentase contoh\n", "")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert f"{YEAR}:22:9: sasaran[0].indikator[0].nama: kunci wajib 'nama' belum diisi" in err


def test_wrong_type(repo, capsys):
    edit(repo, "satuan: Persen", "satuan: [Persen]")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:24:17: sasaran[0].indikator[0].satuan: harus berupa teks" in err


def test_bad_choice_lists_options(repo, capsys):
    edit(repo, "        satuan: Persen", "        satuan: Persen\n        arah: keatas")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "sasaran[0].indikator[0].arah: nilai tidak dikenal; pilih salah satu dari: naik, turun" in err


def test_bad_date(repo, capsys):
    edit(repo, "tanggal: 2025-02-10", "tanggal: 10 Februari 2025")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:7:12: penandatangan.tanggal: tanggal harus ditulis TTTT-BB-HH" in err


def test_month_only_date_is_allowed(repo, capsys):
    edit(repo, "tanggal: 2025-02-10", "tanggal: 2025-02")
    assert validate(repo, capsys)[0] == 0


def test_bad_nip(repo, capsys):
    edit(repo, '"19710828 199803 1 004"', '"1971"')
    rc, err = validate(repo, capsys)
    assert rc == 1 and "penandatangan.nip: NIP harus 18 digit" in err


def test_negative_pagu(repo, capsys):
    edit(repo, "pagu: 1000000", "pagu: -5")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:34:13: anggaran.program[0].pagu: jumlah rupiah tidak boleh negatif" in err


def test_realisasi_over_pagu(repo, capsys):
    edit(repo, "realisasi: 929000", "realisasi: 1929000")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:35:18: anggaran.program[0].realisasi: realisasi 1929000 melebihi pagu 1000000" in err


def test_target_zero(repo, capsys):
    edit(repo, "target: {2024: 25}", "target: {2024: 0}")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "target[2024]: target 0 tidak dapat dipakai" in err


def test_year_outside_renstra(repo, capsys):
    edit(repo, "periode: {awal: 2021, akhir: 2026}", "periode: {awal: 2025, akhir: 2029}")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:1:8: tahun: tahun laporan 2024 di luar periode Renstra 2025–2029" in err


def test_year_field_must_match_file_name(repo, capsys):
    edit(repo, "tahun: 2024", "tahun: 2023")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "tahun 2023 tidak sama dengan nama berkas/folder (2024)" in err


def test_custom_scale_with_gap_names_the_interval(repo, capsys):
    edit(repo, "tahun: 2024\n", "tahun: 2024\nmetode:\n  skala:\n    nama: Skala sendiri\n    pita:\n      - {predikat: Rendah, atas: 50}\n      - {predikat: Tinggi, bawah: 60}\n")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "celah: nilai (50; 60) tidak termasuk pita mana pun (antara 'Rendah' dan 'Tinggi')" in err


def test_unknown_preset(repo, capsys):
    edit(repo, "tahun: 2024\n", "tahun: 2024\nmetode: {preset: jembr}\n")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "preset 'jembr' tidak dikenal; pilih salah satu: jember" in err


def test_grade_not_in_ladder(repo, capsys):
    edit(repo, "target: {2024: 25}", "target: {2024: Bagus}")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "nilai 'Bagus' bukan angka dan bukan tingkat yang dikenal (D < C < CC < B < BB < A < AA)" in err


def test_non_utf8_file(repo, capsys):
    (repo / YEAR).write_bytes("tahun: 2024\nvisi: Kab. Bekasi \xe9\n".encode("latin-1"))
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:2:19: berkas bukan teks UTF-8" in err


def test_empty_file(repo, capsys):
    (repo / YEAR).write_text("", encoding="utf-8")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:1:1: berkas kosong" in err


def test_python_tag_is_refused(repo, capsys):
    edit(repo, "  visi: Terwujudnya contoh", "  visi: !!python/object/apply:os.system ['echo pwned']")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "tidak diizinkan" in err


def test_alias_bomb_is_bounded(repo, capsys):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(8)
    )
    (repo / YEAR).write_text(bomb, encoding="utf-8")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "alias" in err


def test_every_problem_reported_at_once(repo, capsys):
    edit(repo, "anggaran: [prog-1]", "anggaran: [prog-2]")
    edit(repo, "satuan: Persen", "satuan: [Persen]")
    edit(repo, "pemda: Kabupaten Contoh", "pemda: Kabupaten Contoh\nnamaa: x", file="agencies/dinas-contoh/profil.yaml")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert "satuan: harus berupa teks" in err
    assert "agencies/dinas-contoh/profil.yaml:3:1: namaa: kunci 'namaa' tidak dikenal; maksud Anda 'nama'?" in err


def test_image_path_cannot_leave_agencies(repo, capsys):
    edit(repo, "tahun: 2024\n", "tahun: 2024\nfoto:\n  - {berkas: ../../../etc/passwd.png, keterangan: x, alt: x}\n")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "foto[0].berkas: path '../../../etc/passwd.png' harus relatif terhadap folder instansi" in err


def test_image_type_restricted(repo, capsys):
    (repo / "agencies/dinas-contoh/foto.html").write_text("<script>", encoding="utf-8")
    edit(repo, "tahun: 2024\n", "tahun: 2024\nfoto:\n  - {berkas: foto.html, keterangan: x, alt: x}\n")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "jenis berkas '.html' tidak diizinkan" in err


def test_symlink_out_of_agencies_refused(repo, capsys, tmp_path):
    outside = tmp_path / "luar.png"
    outside.write_bytes(b"\x89PNG")
    (repo / "agencies/dinas-contoh/foto.png").symlink_to(outside)
    edit(repo, "tahun: 2024\n", "tahun: 2024\nfoto:\n  - {berkas: foto.png, keterangan: x, alt: x}\n")
    rc, err = validate(repo, capsys)
    assert rc == 1 and "menunjuk ke luar folder agencies/" in err

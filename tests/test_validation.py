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


def test_realisasi_over_pagu_is_a_warning(repo, capsys):
    """Issue 13.6: real reports print realisasi above pagu; kept as printed, with a warning (was an error)."""
    edit(repo, "realisasi: 929000", "realisasi: 1929000")
    rc, err = validate(repo, capsys)
    assert rc == 0 and f"{YEAR}:35:18: peringatan: anggaran.program[0].realisasi: realisasi 1929000 melebihi pagu 1000000" in err


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


# ---------------------------------------------------------------------------------------------------
# Friendlier YAML: text cut by an unquoted ',' or ': ' inside {…}; placement ('posisi') checked


def test_unquoted_comma_in_flow_mapping_says_to_quote_the_text(repo, capsys):
    edit(repo, "    - {id: m1, teks: Misi satu}", "    - {id: m1, teks: Misi satu, dua dan tiga}")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == (
        f"{YEAR}:12:33: renstra.misi[0].dua dan tiga: kunci 'dua dan tiga' tidak dikenal; di dalam {{…}} koma memisahkan butir "
        "dan ': ' memisahkan kunci dari nilai, sehingga nilai 'teks' terpotong di sini; apit teksnya dengan tanda kutip: "
        'teks: "Misi satu, dua dan tiga"')


def test_comma_then_colon_in_flow_mapping_quotes_the_whole_text(repo, capsys):
    edit(repo, "    - {id: m1, teks: Misi satu}", '    - {teks: Misi "satu", dua: tiga, id: m1}')
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0].endswith("""sehingga nilai 'teks' terpotong di sini; apit teksnya dengan tanda kutip: teks: 'Misi "satu", dua: tiga'""")
    assert f"{YEAR}:12:27: renstra.misi[0].dua: kunci 'dua' tidak dikenal;" in err


def test_colon_in_flow_mapping_says_to_quote_the_text(repo, capsys):
    edit(repo, "    - {id: m1, teks: Misi satu}", "    - {id: m1, teks: Misi: satu}")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == (
        f"{YEAR}:12:26: tanda ':' tidak diharapkan di dalam {{…}} atau […]: di sana ':' memisahkan kunci dan nilai dan ',' "
        "memisahkan butir; teks yang memuat ': ' atau ', ' harus diapit tanda kutip, mis. {tentang: \"Catatan: penting, segera\"}")


def test_typo_inside_flow_mapping_still_gets_did_you_mean(repo, capsys):
    edit(repo, "    - {id: m1, teks: Misi satu}", "    - {id: m1, tkes: Misi satu}")
    rc, err = validate(repo, capsys)
    assert rc == 1 and f"{YEAR}:12:16: renstra.misi[0].tkes: kunci 'tkes' tidak dikenal; maksud Anda 'teks'?" in err


def test_quoted_comma_and_colon_in_flow_mapping_are_fine(repo, capsys):
    edit(repo, "    - {id: m1, teks: Misi satu}", "    - {id: m1, teks: \"Misi: satu, dua dan tiga\"}")
    assert validate(repo, capsys)[0] == 0


TABEL = "  - {{id: t{i}, judul: Tabel {i}, posisi: {posisi}, kolom: [{{judul: A}}], baris: [[1]]}}\n"


def test_misspelt_section_is_an_error_naming_the_chapters_sections(repo, capsys):
    edit(repo, "tahun: 2024\n", "tahun: 2024\ntabel:\n" + TABEL.format(i=1, posisi="bab3.realisasi_angaran"))
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == (
        f"{YEAR}:3:38: tabel[0].posisi: posisi 'bab3.realisasi_angaran' tidak dikenal; maksud Anda 'bab3.realisasi_anggaran'? "
        "bagian bab3 yang dikenal: akuntabilitas_kinerja, metode_pengukuran, capaian_kinerja, perbandingan, capaian_tujuan, "
        "efisiensi, prestasi, realisasi_anggaran (tulis 'bab3.<bagian>'), atau 'bab3' saja untuk akhir bab")


def test_malformed_position_lists_every_valid_position(repo, capsys):
    edit(repo, "tahun: 2024\n", "tahun: 2024\ngrafik:\n  - {id: g1, judul: G, posisi: BAB III, label: [a], seri: [{nama: s, nilai: [1]}]}\n")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == (
        f"{YEAR}:3:32: grafik[0].posisi: posisi 'BAB III' tidak dikenal; maksud Anda 'bab3'? posisi yang sah: bab1, bab1.latar_belakang, "
        "bab1.maksud_tujuan, bab1.dasar_hukum, bab1.tugas_fungsi, bab1.struktur_organisasi, bab1.sumber_daya_aparatur, "
        "bab1.isu_strategis, bab1.evaluasi_akip, bab1.sistematika; bab2, bab2.renstra, bab2.visi_misi, bab2.tujuan_sasaran, "
        "bab2.strategi_kebijakan, bab2.iku, bab2.rencana_kinerja_tahunan, bab2.perjanjian_kinerja, bab2.program_anggaran; "
        "bab3, bab3.akuntabilitas_kinerja, bab3.metode_pengukuran, bab3.capaian_kinerja, bab3.perbandingan, "
        "bab3.capaian_tujuan, bab3.efisiensi, bab3.prestasi, bab3.realisasi_anggaran; bab4, bab4.kesimpulan, bab4.saran, "
        "bab4.penutup; ringkasan; kata_pengantar; lampiran atau lampiran.<grup>; indikator:<id>, sasaran:<id>, tujuan:<id>")


def test_every_listed_position_is_accepted(repo, capsys):
    from generator.posisi import POSISI_TETAP, posisi_bab

    valid = posisi_bab() + POSISI_TETAP + ["lampiran.dokumentasi", "indikator:iku-a", "sasaran:ss1", "tujuan:t1"]
    assert len(valid) == 4 + 9 + 8 + 8 + 3 + 3 + 4
    edit(repo, "tahun: 2024\n", "tahun: 2024\ntabel:\n" + "".join(TABEL.format(i=i, posisi=p) for i, p in enumerate(valid)))
    assert validate(repo, capsys)[0] == 0


def test_render_reads_the_same_section_keys():
    from generator import posisi
    from generator.render import halaman

    assert halaman.POSISI_BAGIAN is posisi.POSISI_BAGIAN


def test_field_reference_lists_every_position():
    from generator.docs_ref import field_reference
    from generator.posisi import posisi_bab

    ref = field_reference()
    assert "## Nilai `posisi`" in ref
    for p in posisi_bab() + ["ringkasan", "kata_pengantar", "lampiran.<grup>", "indikator:<id>", "sasaran:<id>", "tujuan:<id>"]:
        assert f"`{p}`" in ref, p


# ---------------------------------------------------------------------------------------------------
# Narratives as Markdown files beside the YAML: <tahun>/narasi/<name>.md

NARASI = "agencies/dinas-contoh/2024/narasi"


def _narasi(repo: Path, name: str, text: str) -> Path:
    p = repo / NARASI / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def _model(repo: Path):
    from generator.validate import load_repo

    r, masalah = load_repo(repo)
    assert r is not None, [str(m) for m in masalah]
    return r.instansi[0].laporan[2024].model


def test_narrative_files_fill_narasi_beside_a_year_file(repo, capsys):
    _narasi(repo, "bab-1-latar-belakang.md", "Dinas ini **dibentuk** pada 2016.\n\n- pelatihan\n- penempatan\n")
    _narasi(repo, "kata-pengantar.md", "Puji syukur.\n")
    _narasi(repo, "bab-4-saran.md", "  \n")  # empty: a section not written yet
    _narasi(repo, ".~lock.bab-4-saran.md#", "x")  # hidden files (editor locks) are skipped
    lap = _model(repo)
    assert lap.narasi.latar_belakang == "Dinas ini **dibentuk** pada 2016.\n\n- pelatihan\n- penempatan"
    assert lap.narasi.kata_pengantar == "Puji syukur."
    assert lap.narasi.saran is None
    assert validate(repo, capsys)[0] == 0


def test_narrative_files_with_a_year_folder_of_yaml_files(repo, capsys):
    (repo / "agencies/dinas-contoh/2024").mkdir()
    (repo / YEAR).rename(repo / "agencies/dinas-contoh/2024/laporan.yaml")
    edit(repo, "tahun: 2024\n", "tahun: 2024\nnarasi:\n  ringkasan: Ringkas.\n", file="agencies/dinas-contoh/2024/laporan.yaml")
    _narasi(repo, "bab-3-capaian-kinerja.md", "Capaian 132%.")
    lap = _model(repo)
    assert (lap.narasi.ringkasan, lap.narasi.capaian_kinerja) == ("Ringkas.", "Capaian 132%.")


def test_unknown_narrative_file_name_lists_the_valid_names(repo, capsys):
    from generator.validate import NARASI_BERKAS

    _narasi(repo, "bab-1-latarbelakang.md", "x")
    _narasi(repo, "catatan.txt", "x")
    rc, err = validate(repo, capsys)
    names = ", ".join(NARASI_BERKAS)
    assert rc == 1
    assert err.splitlines()[:2] == [
        f"{NARASI}/bab-1-latarbelakang.md:1:1: berkas narasi 'bab-1-latarbelakang.md' tidak dikenal; maksud Anda 'bab-1-latar-belakang.md'? nama yang dikenal: {names}",
        f"{NARASI}/catatan.txt:1:1: berkas narasi 'catatan.txt' tidak dikenal; nama yang dikenal: {names}",
    ]
    assert names.startswith("kata-pengantar.md, ringkasan.md, bab-1-latar-belakang.md, bab-1-maksud-tujuan.md,") and names.endswith("bab-4-saran.md, bab-4-penutup.md")


def test_narrative_in_yaml_and_in_a_file_is_an_error(repo, capsys):
    edit(repo, "tahun: 2024\n", "tahun: 2024\nnarasi:\n  kata_pengantar: Puji syukur.\n")
    _narasi(repo, "kata-pengantar.md", "Puji syukur (versi berkas).")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == (f"{NARASI}/kata-pengantar.md:1:1: narasi.kata_pengantar: narasi 'kata_pengantar' ditulis dua kali: "
                                   f"di berkas ini dan di {YEAR}:3:19; hapus salah satu")


def test_narrative_file_errors_carry_the_markdown_path(repo, capsys):
    (repo / NARASI).mkdir(parents=True)
    (repo / NARASI / "bab-2-renstra.md").write_bytes("Renstra \xe9\n".encode("latin-1"))
    _narasi(repo, "bab-2-iku.md", "a" * 200_001)
    rc, err = validate(repo, capsys)
    assert rc == 1
    lines = err.splitlines()
    assert f"{NARASI}/bab-2-renstra.md:1:9: berkas bukan teks UTF-8; simpan ulang dengan encoding UTF-8 (di editor: Save with Encoding → UTF-8)" in lines
    assert f"{NARASI}/bab-2-iku.md:1:1: narasi.iku: teks terlalu panjang (maksimal 200000 karakter)" in lines


def test_narrative_file_reaches_the_page_and_an_edit_rebuilds_the_agency(repo):
    from generator import pipeline

    shutil.copytree(Path(__file__).resolve().parents[1] / "content", repo / "content")
    _narasi(repo, "bab-1-latar-belakang.md", "Paragraf dari berkas Markdown.")
    first = pipeline.generate(repo, pipeline.Timer(False), progress=False)
    bab1 = "".join(p.read_text(encoding="utf-8") for p in (pipeline.docs_dir(repo) / "dinas-contoh" / "2024").rglob("bab-1*"))
    assert "Paragraf dari berkas Markdown." in bab1
    _narasi(repo, "bab-1-latar-belakang.md", "Paragraf yang diubah.")
    second = pipeline.generate(repo, pipeline.Timer(False), progress=False)
    assert first["dari_cache"] == 0 and second["dari_cache"] == 0  # the narrative file is part of the agency's cache key
    bab1 = "".join(p.read_text(encoding="utf-8") for p in (pipeline.docs_dir(repo) / "dinas-contoh" / "2024").rglob("bab-1*"))
    assert "Paragraf yang diubah." in bab1 and "Paragraf dari berkas Markdown." not in bab1


def test_field_reference_lists_every_narrative_file_name():
    from generator.docs_ref import field_reference
    from generator.validate import NARASI_BERKAS

    ref = field_reference()
    assert "| `bab-1-latar-belakang.md` | `narasi.latar_belakang` |" in ref
    assert all(f"| `{name}` | `narasi.{field}` |" in ref for name, field in NARASI_BERKAS.items())
    assert len(NARASI_BERKAS) == 28


def test_decimal_comma_inside_flow_mapping_says_to_write_a_point(repo, capsys):
    edit(repo, "target: {2024: 25}", "target: {2024: 25,5}")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == (f"{YEAR}:25:28: sasaran[0].indikator[0].target[5]: '25,5' di dalam {{…}} dibaca sebagai dua butir "
                                   "karena koma memisahkan butir; di YAML angka desimal ditulis dengan titik: 2024: 25.5")


def test_number_key_in_a_mapping_is_reported_in_indonesian(repo, capsys):
    edit(repo, "periode: {awal: 2021, akhir: 2026}", "periode: {awal: 2021, akhir: 2026, 2027}")
    rc, err = validate(repo, capsys)
    assert rc == 1
    assert err.splitlines()[0] == f"{YEAR}:9:42: renstra.periode[2027]: kunci '2027' tidak dikenal; kunci ditulis sebagai teks, mis. 'nama: nilai'"

"""The answer first (issue 14): targets met, budget in words, the verdict — computed in compute, worded in render.

Real values of the three sample reports (checked against their YAML): PPU 2024 meets 4 of its 7 IKU targets
(capaian 132,00 / 105,26 / 100,00 / 100,19; misses 63,16 / 60,00 / 51,58), Pasaman Barat 2022 6 of 8, Jember
2023 2 of 3 (96,30% misses although the report's overall predikat is "Sangat Memuaskan").
"""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.compute import TERCAPAI, TIDAK_TERCAPAI, TIDAK_TERUKUR, Hasil, status_target
from generator.format import persen_ringkas, rupiah_ringkas
from generator.metode import resolve
from generator.render import buat_env, render_halaman, template_dir
from generator.render.teks import rentang_pita

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def halaman(laporan):
    env = buat_env(template_dir(ROOT))
    return {k: render_halaman(env, v)[0] for k, v in laporan.items()}


def test_targets_met_ppu_2024_is_4_of_7(laporan):
    h = laporan["disnakertrans-ppu/2024"].h
    assert (h.target.tercapai, h.target.tidak_tercapai, h.target.tidak_terukur, h.target.total) == (4, 3, 0, 7)
    assert [i.status for i in h.semua_indikator] == [TERCAPAI, TIDAK_TERCAPAI, TERCAPAI, TIDAK_TERCAPAI, TIDAK_TERCAPAI, TERCAPAI, TERCAPAI]
    assert [(s.target.tercapai, s.target.total) for s in h.sasaran] == [(2, 5), (1, 1), (1, 1)]


def test_targets_met_pasaman_barat_2022_and_jember_2023(laporan):
    pb = laporan["disnaker-pasaman-barat/2022"].h
    assert (pb.target.tercapai, pb.target.total) == (6, 8)
    jb = laporan["disnaker-jember/2023"].h
    assert (jb.target.tercapai, jb.target.total) == (2, 3)
    # a "Sangat Memuaskan" report with a missed target: the band is of the (capped) average, not of each indicator
    assert jb.predikat == "Sangat Memuaskan" and [i.status for i in jb.semua_indikator][-1] == TIDAK_TERCAPAI
    assert rentang_pita(jb.pita) == "di atas 90% sampai 100%"
    assert rentang_pita(pb.pita) == "di atas 100%"


def test_status_follows_the_shown_capaian_and_the_ordinal_rule():
    m = resolve()
    assert status_target(Hasil(D("99.996"), D("100.00")), False, m) == TERCAPAI  # shown as 100,00%
    assert status_target(Hasil(D("99.994"), D("99.99")), False, m) == TIDAK_TERCAPAI
    assert status_target(Hasil(alasan="realisasi belum diisi"), False, m) == TIDAK_TERUKUR
    assert status_target(Hasil(D(100), D(100)), True, m) == TERCAPAI  # grade equal to its target
    assert status_target(Hasil(D(90), D(90)), True, m) == TIDAK_TERCAPAI  # one grade below


def test_money_and_share_in_words_with_the_seeds_numbers(laporan):
    ppu = laporan["disnakertrans-ppu/2024"].h.anggaran
    assert rupiah_ringkas(ppu.pagu_efektif) == "Rp 25,5 miliar"  # 25.493.311.518
    assert rupiah_ringkas(ppu.realisasi) == "Rp 24,1 miliar"  # 24.055.983.237
    assert persen_ringkas(ppu.penyerapan.nilai) == "94,4%"  # 94,36% to two decimals
    assert rupiah_ringkas(D(5197839192)) == "Rp 5,2 miliar"  # Pasaman Barat 2022
    assert rupiah_ringkas(D(15308539115)) == "Rp 15,3 miliar"  # Jember 2023
    assert rupiah_ringkas(D(387850150)) == "Rp 387,9 juta"  # a Pasaman Barat program
    assert rupiah_ringkas(D(999960000)) == "Rp 1 miliar" and rupiah_ringkas(D(950000)) == "Rp 950.000"
    assert rupiah_ringkas(D("2500000")) == "Rp 2,5 juta" and rupiah_ringkas(D(1250) * 10**9) == "Rp 1,3 triliun"  # half up
    assert persen_ringkas(D("99.96")) == "99,96%"  # never rounded up to a full 100%


def test_answer_block_on_the_ringkasan_and_a_short_one_on_chapters(halaman):
    idx = halaman["disnakertrans-ppu/2024"]["index"]
    blok = idx[idx.index('<section class="jawaban"'):idx.index("</section>")]
    assert "<strong>4 dari 7 target tercapai</strong>" in blok and "(3 tidak tercapai)" in blok
    assert "Anggaran <strong>Rp 25,5 miliar</strong>, terserap <strong>94,4%</strong>" in blok
    assert "Capaian kinerja rata-rata <strong>87,46%</strong>" in blok and "tidak memakai skala predikat" in blok
    assert "Dihitung ulang oleh portal" in blok
    assert idx.index('<section class="jawaban"') < idx.index("## Ringkasan Eksekutif")
    jb = halaman["disnaker-jember/2023"]["index"]
    assert "predikat <strong>Sangat Memuaskan</strong>" in jb and "artinya rata-rata capaian di atas 90% sampai 100%" in jb
    assert "Predikat menilai rata-rata: 1 IKU tetap tidak mencapai targetnya." in jb


def test_every_indicator_row_has_a_status_in_words(laporan):
    v = laporan["disnaker-jember/2023"].di("bab-3")
    t = v.tabel("pengukuran")
    assert t.kepala[0][-1].teks == "Status"
    assert [b.sel[-1].teks for b in t.baris if b.kelas not in ("grup", "subtotal")] == ["tercapai", "tercapai", "tidak tercapai"]
    hi = v.h.semua_indikator[-1]
    assert v.tabel("target-realisasi", hi).baris[0].sel[-1].teks == "tidak tercapai"
    assert v.status_teks(hi).endswith("capaian 96,30%, target tidak tercapai.")


# --- Catatan for inspectors (item 9) and sharing (item 8) --------------------------------------------------


def test_audit_table_reads_finding_printed_computed_difference_first_yaml_last(laporan):
    from generator.render.tabel import PEMBANGUN

    v = laporan["disnakertrans-ppu/2024"].di("catatan-pemeriksaan")
    t = PEMBANGUN["catatan"](v, {})
    assert [k.teks for k in t.kepala[0]] == ["Temuan", "Tercetak", "Hasil hitung", "Selisih", "Ditampilkan di", "Akibat dari", "Bagian data", "Berkas:baris"]
    first = [str(c.teks) for c in t.baris[0].sel]  # PPU prints capaian 133% for 33 / 25 = 132%
    assert first[:4] == ["1. capaian 'a Presentase pencari kerja yang mendapat pelatihan' tidak sesuai R/T×100", "133%", "132,00%", "+1,00 poin"]
    assert first[-1].startswith("agencies/disnakertrans-ppu/2024.yaml:")
    assert not any(b.kelas == "grup" for b in t.baris)  # PPU has no rounding-only finding: one group, no heading row


def test_rounding_only_differences_are_grouped_apart_pasaman_barat_2022(laporan):
    from generator.render.tabel import PEMBANGUN

    v = laporan["disnaker-pasaman-barat/2022"].di("catatan-pemeriksaan")
    [grup_temuan] = [m for m in v.catatan.daftar if m.temuan.pembulatan]  # the report's truncations: one finding (issue 13.4)
    bulat = grup_temuan.temuan.rincian
    assert len(bulat) == 2 and all("dipotong, padahal metode laporan membulatkan" in t.pesan for t in bulat)
    t = PEMBANGUN["catatan"](v, {})
    grup = [str(b.sel[0].teks) for b in t.baris if b.kelas == "grup"]
    assert grup == [f"Selisih material ({len(v.catatan.daftar) - 1} temuan)", "Hanya pembulatan berbeda (2 angka)"]
    i = [b.kelas for b in t.baris].index("grup", 1)
    assert t.baris[i + 1].id == f"catatan-{grup_temuan.no}" and [b.kelas for b in t.baris[i + 2:]] == ["rincian", "rincian"]
    # 15,11% printed (truncated) for 15,115…: the difference at the printed precision
    assert any(str(b.sel[3].teks) == "−0,01 poin" for b in t.baris[i + 1:])


def test_every_report_page_has_its_own_title_and_the_headline_numbers_as_description(laporan):
    from generator.render.teks import front_matter

    v = laporan["disnakertrans-ppu/2024"]
    assert v.judul_tab("bab-3") == "BAB III Akuntabilitas Kinerja · LKIP 2024 Dinas Tenaga Kerja dan Transmigrasi Kabupaten Penajam Paser Utara"
    assert v.deskripsi() == ("LKIP 2024 Dinas Tenaga Kerja dan Transmigrasi Kabupaten Penajam Paser Utara: 4 dari 7 target tercapai; "
                             "anggaran Rp 25,5 miliar, terserap 94,4%; capaian kinerja rata-rata 87,46%.")
    import yaml

    fm = yaml.safe_load(front_matter('Dinas "X" <b>', 2024, judul="a", deskripsi='Dinas "X" <b>: 1 dari 2 target tercapai.').split("---")[1])
    assert fm["description"] == "Dinas &quot;X&quot; &lt;b&gt;: 1 dari 2 target tercapai."  # Material prints it raw
    assert fm["judul"] == "a"  # main.html escapes the title itself


def test_short_search_titles_name_the_agency_the_pemda_the_year_and_the_chapter(laporan):
    from types import SimpleNamespace

    from generator.render.teks import label_instansi

    assert laporan["disnakertrans-ppu/2024"].judul_cari("bab-3") == "Disnakertrans PPU 2024 · BAB III"  # profil.singkatan
    assert laporan["disnaker-jember/2023"].judul_cari("index") == "Disnaker Jember 2023 · Ringkasan"  # derived
    assert laporan["disnaker-pasaman-barat/2022"].judul_cari("lampiran") == "Disnaker Pasaman Barat 2022 · Lampiran"
    kota = SimpleNamespace(singkatan=None, nama_singkat=None, nama="Bappeda", pemda="Kota  Padang")
    assert label_instansi(kota) == "Bappeda Padang"


def test_home_page_gives_every_agency_its_latest_answer_in_one_sentence(tmp_path):
    import shutil

    from generator import pipeline

    for d in ("agencies", "content", "site_config"):
        shutil.copytree(ROOT / d, tmp_path / d)
    pipeline.generate(tmp_path, pipeline.Timer(False), progress=False)
    md = (tmp_path / "build" / "docs" / "index.md").read_text(encoding="utf-8")
    sekilas = md[md.index('<ul class="lkip-sekilas">'):]
    sekilas = sekilas[:sekilas.index("</ul>")]
    assert sekilas.count("<li>") == 3
    assert ('<a href="disnakertrans-ppu/2024/">LKIP 2024</a>: 4 dari 7 target tercapai; anggaran Rp 25,5 miliar, terserap 94,4%.</li>') in sekilas
    assert ('<a href="disnaker-jember/2023/">LKIP 2023</a>: 2 dari 3 target tercapai; anggaran Rp 15,3 miliar, terserap 87,3%; '
            "predikat Sangat Memuaskan.</li>") in sekilas
    assert md.index("lkip-sekilas") < md.index("Portal ini menerbitkan")  # the answer before the introduction

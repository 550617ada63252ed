"""Issue 13, part 2 — what real LKIPs print that the model could not hold: faktor pendorong/penghambat, quarterly
targets, SAKIP component scores, AKIP follow-up actions, eselon III/IV PKs, realisasi above pagu, subtotal rows of
spending by type. Numbers are realistic (from the seeds' notes) and every report is built from the mini fixture."""

from __future__ import annotations

import json
import shutil
import textwrap
from decimal import Decimal
from pathlib import Path

import pytest

FIXTURE = Path(__file__).parent / "fixtures" / "mini"
ROOT = Path(__file__).resolve().parents[1]


def _repo(tmp_path: Path, tambahan: str = "", indikator: str = "", anggaran: str = "") -> Path:
    """The mini fixture with YAML added: ``tambahan`` at the top level, ``indikator`` under iku-a, ``anggaran`` under anggaran."""
    root = tmp_path / "repo"
    shutil.copytree(FIXTURE, root)
    p = root / "agencies" / "dinas-contoh" / "2024.yaml"
    text = p.read_text(encoding="utf-8")
    if indikator:
        text = text.replace("        anggaran: [prog-1]\n", "        anggaran: [prog-1]\n" + textwrap.indent(textwrap.dedent(indikator), " " * 8))
    if anggaran:
        text = text.replace("anggaran:\n  program:\n", "anggaran:\n" + textwrap.indent(textwrap.dedent(anggaran), "  ") + "  program:\n")
    p.write_text(text + textwrap.dedent(tambahan), encoding="utf-8")
    return root


def _muat(root: Path):
    from generator.validate import load_repo

    return load_repo(root)


def _view(root: Path, halaman: str = "index"):
    from generator.pipeline import compute_repo
    from generator.render import LaporanView

    repo, masalah = _muat(root)
    assert repo is not None, [str(m) for m in masalah]
    (i, b, h, t), = compute_repo(repo)
    return LaporanView(repo, i, b, h, t).di(halaman)


def _halaman(root: Path) -> dict[str, str]:
    """Every file one report renders (pages, CSVs, JSON), as text."""
    from generator.render import Kumpul, buat_env, render_laporan, template_dir

    w = Kumpul()
    render_laporan(buat_env(template_dir(ROOT)), _view(root), w)
    return {k: v.decode("utf-8") for k, v in w.berkas.items() if not k.endswith((".zip", ".pdf"))}  # text files only


def _galat(root: Path) -> list[str]:
    _, masalah = _muat(root)
    return [str(m) for m in masalah if m.tingkat == "galat"]


def sel(baris) -> list[list[str]]:
    return [[str(c.teks) for c in b.sel] for b in baris]


# ---------------------------------------------------------------------------------------------------
# 1. Faktor pendorong, faktor penghambat, alternatif solusi


def test_analysis_has_driving_and_inhibiting_factors_and_solutions_in_bab3(tmp_path):
    root = _repo(tmp_path, indikator="""\
        analisis:
          faktor_pendorong: Tersedianya anggaran pelatihan berbasis kompetensi dari DBH CHT.
          faktor_penghambat: Peserta pelatihan <b>belum</b> seluruhnya lulus uji kompetensi.
          solusi: Menambah kelas pelatihan di BLK pada triwulan II.
        """)
    bab3 = _halaman(root)["dinas-contoh/2024/bab-3.md"]
    i_dorong, i_hambat, i_solusi = (bab3.index(x) for x in ("Faktor pendorong", "Faktor penghambat", "Alternatif solusi"))
    assert i_dorong < i_hambat < i_solusi
    assert "Tersedianya anggaran pelatihan berbasis kompetensi dari DBH CHT." in bab3
    assert "&lt;b&gt;belum&lt;/b&gt;" in bab3 and "<b>belum" not in bab3  # YAML text stays text


def test_old_single_cause_text_still_renders(tmp_path):
    root = _repo(tmp_path, indikator="""\
        analisis:
          penyebab: Keberhasilan karena kerja sama dengan perusahaan.
        """)
    bab3 = _halaman(root)["dinas-contoh/2024/bab-3.md"]
    assert "Penyebab keberhasilan atau kegagalan" in bab3 and "Faktor pendorong" not in bab3


# ---------------------------------------------------------------------------------------------------
# 2. Quarterly targets and realisation

TRIWULAN = """\
triwulan:
  - {tw: 1, target: 5, realisasi: 4}
  - {tw: 2, target: 10, realisasi: 11}
  - {tw: III, target: 18, realisasi: 20.5}
  - {tw: 4, target: 25}
"""


def test_quarterly_capaian_is_computed_with_the_indicators_formula(tmp_path):
    v = _view(_repo(tmp_path, indikator=TRIWULAN), "bab-3")
    hi = v.h.sasaran[0].indikator[0]
    assert [(t.tw, t.capaian.tampil) for t in hi.triwulan] == [(1, Decimal("80.00")), (2, Decimal("110.00")), (3, Decimal("113.89")), (4, None)]
    assert hi.triwulan[3].capaian.alasan == "realisasi belum diisi"
    t = v.tabel("triwulan", hi)
    assert t.kunci == "triwulan--iku-a"
    assert sel(t.baris) == [["Triwulan I", "5%", "4%", "80,00%"], ["Triwulan II", "10%", "11%", "110,00%"],
                            ["Triwulan III", "18%", "20,5%", "113,89%"], ["Triwulan IV", "25%", "–", "N/A (realisasi belum diisi)"]]


def test_quarterly_capaian_of_a_lower_is_better_indicator_uses_the_methods_formula(tmp_path):
    root = _repo(tmp_path, indikator="arah: turun\n" + TRIWULAN)
    hi = _view(root).h.sasaran[0].indikator[0]
    # permendagri default: (2T − R) / T × 100; 4 against 5 is better than target
    assert [t.capaian.tampil for t in hi.triwulan[:3]] == [Decimal("120.00"), Decimal("90.00"), Decimal("86.11")]


def test_quarterly_table_is_in_bab3_its_csv_and_the_json(tmp_path):
    files = _halaman(_repo(tmp_path, indikator=TRIWULAN))
    assert "lkip:tabel:triwulan--iku-a" not in files["dinas-contoh/2024/bab-3.md"]  # placeholder replaced by the table
    assert "Target dan realisasi per triwulan tahun 2024" in files["dinas-contoh/2024/bab-3.md"]
    csv = files["dinas-contoh/2024/data/triwulan--iku-a.csv"]
    assert "Triwulan III,18%,\"20,5%\",\"113,89%\"" in csv
    data = json.loads(files["dinas-contoh/2024/data/laporan.json"])
    tw = data["sasaran"][0]["indikator"][0]["triwulan"]
    assert tw[2] == {"tw": 3, "target": 18, "realisasi": 20.5, "capaian": {"nilai": tw[2]["capaian"]["nilai"], "tampil": 113.89, "alasan": None}}


def test_quarterly_errors_are_friendly(tmp_path):
    root = _repo(tmp_path, indikator="triwulan:\n  - {tw: 5, target: 5}\n")
    assert any("triwulan harus 1, 2, 3 atau 4" in m for m in _galat(root))
    root = _repo(tmp_path / "b", indikator="triwulan:\n  - {tw: 2, target: 5}\n  - {tw: II, target: 6}\n")
    assert any("triwulan 2 ditulis dua kali" in m for m in _galat(root))


# ---------------------------------------------------------------------------------------------------
# 3. SAKIP evaluation component scores

SAKIP = """\
evaluasi_akip:
  tahun_evaluasi: 2023
  riwayat:
    - {tahun: 2023, nilai: 44.25, predikat: C}
  komponen:
    - {nama: Perencanaan Kinerja, bobot: 30, nilai: 13.50}
    - {nama: Pengukuran Kinerja, bobot: 30, nilai: 9.75}
    - {nama: Pelaporan Kinerja, bobot: 15, nilai: 8.50}
    - {nama: Evaluasi Akuntabilitas Kinerja Internal, bobot: 25, nilai: 12.50}
  jumlah_tercetak: JUMLAH
"""


def test_sakip_components_are_summed_exactly_and_shown_in_bab1(tmp_path):
    v = _view(_repo(tmp_path, tambahan=SAKIP.replace("JUMLAH", "44.25")), "bab-1")
    assert v.h.evaluasi.nilai == Decimal("44.25") and v.h.evaluasi.bobot == 100
    t = v.tabel("komponen-sakip")
    assert t.kunci == "komponen-sakip"
    assert sel(t.baris)[0] == ["Perencanaan Kinerja", "30", "13,50", "45,00%"]
    assert sel(t.baris)[1] == ["Pengukuran Kinerja", "30", "9,75", "32,50%"]
    assert sel(t.kaki) == [["Jumlah", "100", "44,25", "–"]]
    assert not [x for x in v.temuan if x.jalur[0] == "evaluasi_akip"]


def test_a_printed_sakip_total_that_does_not_add_up_is_a_finding(tmp_path):
    v = _view(_repo(tmp_path, tambahan=SAKIP.replace("JUMLAH", "45.25")), "bab-1")
    (f,) = [x for x in v.temuan if x.jalur == ("evaluasi_akip", "jumlah_tercetak")]
    assert (f.tercetak, f.dihitung) == ("45,25", "44,25")
    files = _halaman(_repo(tmp_path / "b", tambahan=SAKIP.replace("JUMLAH", "45.25")))
    assert "Nilai per komponen evaluasi SAKIP tahun 2023" in files["dinas-contoh/2024/bab-1.md"]
    assert json.loads(files["dinas-contoh/2024/data/laporan.json"])["evaluasi_akip"]["jumlah_nilai"] == 44.25
    assert "Jumlah,100,\"44,25\"" in files["dinas-contoh/2024/data/komponen-sakip.csv"]


def test_sakip_score_above_its_weight_is_a_warning_not_an_error(tmp_path):
    root = _repo(tmp_path, tambahan=SAKIP.replace("JUMLAH", "null").replace("nilai: 8.50", "nilai: 18.50"))
    _, masalah = _muat(root)
    assert [m.tingkat for m in masalah if "Pelaporan Kinerja" in m.pesan] == ["peringatan"]
    assert _galat(root) == []


# ---------------------------------------------------------------------------------------------------
# 4. AKIP follow-up with action columns

TINDAK_LANJUT = """\
evaluasi_akip:
  tahun_evaluasi: 2023
  rekomendasi:
    - kelompok: I. Perencanaan Kinerja
      butir:
        - rekomendasi: Dokumen perencanaan kinerja agar memenuhi kaidah SMART dan diselaraskan (cascading).
          tindak_lanjut: Telah disesuaikan
          bukti: {teks: Pohon kinerja 2024, tautan: "https://esakip.contoh.go.id/dok/pohon-kinerja-2024.pdf?v=1&x=<2>"}
          batas_waktu: 2024-06
          penanggung_jawab: Subbag Perencanaan
          status: selesai
        - rekomendasi: Capaian kinerja dipantau per triwulan.
          bukti: Notulen rapat evaluasi triwulan I–III
          batas_waktu: Triwulan IV 2024
          status: proses
"""


def test_akip_follow_up_actions_table_in_bab1(tmp_path):
    v = _view(_repo(tmp_path, tambahan=TINDAK_LANJUT), "bab-1")
    t = v.tabel("tindak-lanjut-akip")
    assert [k.teks for k in t.kepala[0]] == ["No", "Rekomendasi", "Tindak lanjut", "Output/bukti", "Batas waktu", "Penanggung jawab", "Status"]
    rows = sel(t.baris)
    assert rows[0] == ["I. Perencanaan Kinerja"]
    assert rows[1][3] == ('Pohon kinerja 2024<br><a href="https://esakip.contoh.go.id/dok/pohon-kinerja-2024.pdf?v=1&amp;x=&lt;2&gt;" rel="nofollow noopener">'
                          "https://esakip.contoh.go.id/dok/pohon-kinerja-2024.pdf?v=1&amp;x=&lt;2&gt;</a>")
    assert rows[1][4:] == ["Juni 2024", "Subbag Perencanaan", "selesai"]
    assert rows[2][2:] == ["belum ada tindak lanjut", "Notulen rapat evaluasi triwulan I–III", "Triwulan IV 2024", "–", "dalam proses"]
    files = _halaman(_repo(tmp_path / "b", tambahan=TINDAK_LANJUT))
    bab1 = files["dinas-contoh/2024/bab-1.md"]
    assert "Penanggung jawab" in bab1 and bab1.count("Rekomendasi hasil evaluasi AKIP") == 1  # replaces the plain table
    assert "https://esakip.contoh.go.id/dok/pohon-kinerja-2024.pdf" in files["dinas-contoh/2024/data/tindak-lanjut-akip.csv"]


def test_old_recommendations_keep_the_plain_table(tmp_path):
    tambahan = "evaluasi_akip:\n  rekomendasi:\n    - butir:\n        - {rekomendasi: Perbaiki IKU, tindak_lanjut: Telah disesuaikan}\n"
    v = _view(_repo(tmp_path, tambahan=tambahan), "bab-1")
    assert v.tabel("tindak-lanjut-akip") is None and sel(v.tabel("rekomendasi").baris) == [["1.", "<p>Perbaiki IKU</p>", "<p>Telah disesuaikan</p>"]]


@pytest.mark.parametrize("tautan", ["javascript:alert(1)", "data:text/html,x", "/dok/lhe.pdf", "https://contoh go.id/x", "ftp://contoh.go.id/x"])
def test_follow_up_links_must_be_http_or_https(tmp_path, tautan):
    root = _repo(tmp_path, tambahan=TINDAK_LANJUT.replace('"https://esakip.contoh.go.id/dok/pohon-kinerja-2024.pdf?v=1&x=<2>"', f'"{tautan}"'))
    (m,) = _galat(root)
    assert "butir[0].bukti.tautan" in m and "http:// atau https://" in m


def test_follow_up_status_and_deadline_errors_are_friendly(tmp_path):
    root = _repo(tmp_path, tambahan=TINDAK_LANJUT.replace("status: selesai", "status: beres").replace("batas_waktu: 2024-06", "batas_waktu: 2024-13"))
    galat = _galat(root)
    assert any("status" in m and "belum, proses, selesai" in m for m in galat)
    assert any("batas_waktu" in m and "TTTT-BB" in m for m in galat)


# ---------------------------------------------------------------------------------------------------
# 5. Individual PKs of eselon III/IV officials

PK_INDIVIDU = """\
perjanjian_kinerja_individu:
  - pejabat: {nama: "Hendra Gunawan, S.T.", jabatan: Kepala Bidang Penempatan Tenaga Kerja, nip: "19780512 200501 1 007"}
    eselon: III.b
    atasan: {nama: "Budi, S.E.", jabatan: Kepala Dinas}
    baris:
      - {sasaran: Meningkatnya penempatan tenaga kerja, indikator: Persentase pencari kerja yang ditempatkan, target: 19.79, satuan: Persen}
      - {sasaran: Meningkatnya penempatan tenaga kerja, indikator: Jumlah laporan informasi pasar kerja online, target: 12, satuan: Dokumen}
  - pejabat: {nama: "Sri Wahyuni, S.Sos.", jabatan: "Kepala Seksi Pelatihan <Kerja>"}
    eselon: IV.a
    baris:
      - {sasaran: Meningkatnya kualitas tenaga kerja, indikator: Jumlah pencari kerja yang mendapat pelatihan berbasis kompetensi, target: 90, satuan: Orang}
"""


def test_one_table_per_official_in_the_lampiran(tmp_path):
    v = _view(_repo(tmp_path, tambahan=PK_INDIVIDU), "lampiran")
    t = v.tabel("pk-individu", "197805122005011007")
    assert t.kunci == "pk-individu--197805122005011007"
    assert t.judul == "Perjanjian Kinerja Kepala Bidang Penempatan Tenaga Kerja tahun 2024"
    assert sel(t.baris) == [["Sasaran: Meningkatnya penempatan tenaga kerja"], ["1.", "Persentase pencari kerja yang ditempatkan", "19,79%", "Persen"],
                            ["2.", "Jumlah laporan informasi pasar kerja online", "12", "Dokumen"]]
    assert t.keterangan == ["Pihak pertama: Hendra Gunawan, S.T., NIP 19780512 200501 1 007, eselon III.b.", "Pihak kedua (atasan langsung): Budi, S.E., Kepala Dinas."]
    files = _halaman(_repo(tmp_path / "b", tambahan=PK_INDIVIDU))
    lampiran = files["dinas-contoh/2024/lampiran.md"]
    assert "Perjanjian Kinerja Pejabat Eselon III dan IV" in lampiran
    assert lampiran.index("Kepala Bidang Penempatan") < lampiran.index("Kepala Seksi Pelatihan &lt;Kerja&gt;")
    assert "<Kerja>" not in lampiran
    assert "dinas-contoh/2024/data/pk-individu--sri-wahyuni-s-sos.csv" in files  # no NIP: the name names the CSV


def test_two_officials_with_the_same_key_are_an_error(tmp_path):
    dup = PK_INDIVIDU + PK_INDIVIDU.split("\n", 1)[1]
    assert any("dipakai dua kali" in m for m in _galat(_repo(tmp_path, tambahan=dup)))


def test_an_official_pk_needs_rows(tmp_path):
    root = _repo(tmp_path, tambahan="perjanjian_kinerja_individu:\n  - pejabat: {nama: Andi}\n    baris: []\n")
    assert any("perjanjian_kinerja_individu[0].baris: PK Andi belum punya baris" in m for m in _galat(root))


# ---------------------------------------------------------------------------------------------------
# 6. Realisasi above pagu, exactly as printed


def test_realisasi_above_pagu_is_a_warning_and_is_shown_as_printed(tmp_path):
    root = _repo(tmp_path)
    p = root / "agencies" / "dinas-contoh" / "2024.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("realisasi: 929000", "realisasi: 1022500"), encoding="utf-8")
    _, masalah = _muat(root)
    (m,) = [m for m in masalah if "melebihi pagu" in m.pesan]
    assert m.tingkat == "peringatan" and m.jalur == "anggaran.program[0].realisasi"
    v = _view(root, "bab-3")
    assert v.h.anggaran.penyerapan.tampil == Decimal("102.25") and v.h.anggaran.sisa == Decimal("-22500")
    assert sel(v.tabel("realisasi-anggaran").kaki) == [["Jumlah", "1.000.000", "1.022.500", "102,25%", "-22.500"]]


# ---------------------------------------------------------------------------------------------------
# 7. Subtotal rows in spending by type (Pasaman Barat 2022: Belanja Operasi = pegawai + barang dan jasa)

BELANJA = """\
belanja_per_jenis:
  - jenis: Belanja Operasi
    rincian: [Belanja Pegawai, Belanja Barang dan Jasa]
    tercetak: {pagu: 4855400992, realisasi: 4569022785, penyerapan: 94.10}
  - {jenis: Belanja Pegawai, pagu: 3467518427, realisasi: 3251660499}
  - {jenis: Belanja Barang dan Jasa, pagu: 1387882565, realisasi: 1317362286}
  - {jenis: Belanja Modal, pagu: 342438200, realisasi: 335366100}
"""


def test_subtotal_rows_are_computed_sums_and_not_counted_twice(tmp_path):
    v = _view(_repo(tmp_path, anggaran=BELANJA), "bab-3")
    op = v.h.belanja_jenis[0]
    assert (op.subtotal, op.pagu, op.realisasi, op.penyerapan.tampil) == (True, Decimal("4855400992"), Decimal("4569022785"), Decimal("94.10"))
    assert v.h.belanja_jenis_pagu == Decimal("5197839192") and v.h.belanja_jenis_realisasi == Decimal("4904388885")
    t = v.tabel("belanja-jenis")
    assert [b.kelas for b in t.baris] == ["subtotal", "", "", ""]
    assert sel(t.baris)[0] == ["Belanja Operasi", "4.855.400.992", "4.569.022.785", "94,10%", "93,41%"]
    assert sel(t.kaki) == [["Jumlah", "5.197.839.192", "4.904.388.885", "–", "100%"]]
    assert t.baris[0].sel[0].kepala  # the label is a row header (th, bold)
    csv = _halaman(_repo(tmp_path / "b", anggaran=BELANJA))["dinas-contoh/2024/data/belanja-jenis.csv"]
    assert "Belanja Operasi,4.855.400.992,4.569.022.785,\"94,10%\",\"93,41%\"" in csv


def test_subtotal_rows_errors_are_friendly(tmp_path):
    bad = BELANJA.replace("[Belanja Pegawai, Belanja Barang dan Jasa]", "[Belanja Pegawai, Belanja Barang dan Jasaa]\n    pagu: 4855400992")
    galat = _galat(_repo(tmp_path, anggaran=bad))
    assert any("rincian[1]: jenis belanja 'Belanja Barang dan Jasaa' tidak ditemukan; maksud Anda 'Belanja Barang dan Jasa'?" in m for m in galat)
    assert any("baris subtotal (punya 'rincian') tidak boleh memuat pagu" in m for m in galat)


# ---------------------------------------------------------------------------------------------------
# 8. A rating scale as printed: gaps between bands, no band above 100%

SKALA_TERCETAK = """\
metode:
  skala:
    nama: Permendagri 86/2017 sebagaimana tercetak
    celah: CELAH
    pita:
      - {predikat: Sangat Rendah, atas: 50}
      - {predikat: Rendah, bawah: 51, atas: 65}
      - {predikat: Sedang, bawah: 66, atas: 75}
      - {predikat: Tinggi, bawah: 76, atas: 90, atas_inklusif: false}
      - {predikat: Sangat Tinggi, bawah: 90, atas: 100}
"""


def test_a_scale_with_gaps_and_no_band_above_100_is_still_rejected_by_default(tmp_path):
    galat = _galat(_repo(tmp_path, tambahan=SKALA_TERCETAK.replace("    celah: CELAH\n", "")))
    assert any("celah: nilai (50; 51)" in m for m in galat) and any("(100; ∞)" in m for m in galat)


def test_a_scale_as_printed_gives_the_nearest_band_below(tmp_path):
    v = _view(_repo(tmp_path, tambahan=SKALA_TERCETAK.replace("CELAH", "pita_bawah")), "bab-3")
    hi = v.h.sasaran[0].indikator[0]
    assert hi.capaian.tampil == Decimal("132.00") and hi.predikat == "Sangat Tinggi"  # 33/25: above the top band (100)
    t = v.tabel("skala")
    assert t.keterangan == ["Skala ini dipakai sebagaimana tercetak: nilai di antara pita atau di atas pita teratas diberi predikat pita terdekat di bawahnya."]


def test_a_value_in_a_gap_or_above_the_top_band(tmp_path):
    from generator.metode import predikat
    from generator.model import Skala

    for celah, harapan in (("pita_bawah", "Sangat Rendah"), ("pita_atas", "Rendah"), ("tanpa_predikat", None)):
        s = Skala.model_validate(yaml_skala(tmp_path, SKALA_TERCETAK.replace("CELAH", celah)))
        p = predikat(s, Decimal("50.50"))
        assert (p.predikat if p else None) == harapan
    s = Skala.model_validate(yaml_skala(tmp_path, SKALA_TERCETAK.replace("CELAH", "tanpa_predikat")))
    assert predikat(s, Decimal("132")) is None and predikat(s, Decimal("90")).predikat == "Sangat Tinggi"


def yaml_skala(tmp_path: Path, text: str) -> dict:
    """The scale of a YAML text, read by the project's loader (numbers as Decimal)."""
    from generator.load import load_file

    p = tmp_path / "skala.yaml"
    p.write_text(text, encoding="utf-8")
    return load_file(p, "skala.yaml").data["metode"]["skala"]


# ---------------------------------------------------------------------------------------------------
# 8. More than one rating scale: indicators, the overall verdict, efficiency categories

SKALA_LAIN = """\
metode:
  skala: permendagri-86
  skala_keseluruhan: akip-aa-d
  skala_efisiensi:
    nama: Kategori efisiensi anggaran
    pita:
      - {predikat: Kurang Efisien, atas: 100, atas_inklusif: false}
      - {predikat: Efisien, bawah: 100, atas: 120, atas_inklusif: false}
      - {predikat: Sangat Efisien, bawah: 120}
"""


def test_indicators_overall_verdict_and_efficiency_each_have_their_scale(tmp_path):
    v = _view(_repo(tmp_path, tambahan=SKALA_LAIN), "bab-3")
    h = v.h
    hi = h.sasaran[0].indikator[0]
    assert hi.predikat == "Sangat Tinggi"  # 132% on Permendagri 86
    assert h.keseluruhan.tampil == Decimal("132.00") and h.predikat is None  # the AKIP AA–D scale stops at 100: no band
    # efficiency 132 / 92,90 × 100 = 142,09: Sangat Efisien
    assert hi.efisiensi.tampil == Decimal("142.09") and hi.efisiensi_kategori == "Sangat Efisien"
    assert h.sasaran[0].efisiensi_kategori == "Sangat Efisien"
    assert v.tabel("skala", "keseluruhan").judul.startswith("Skala predikat capaian keseluruhan: ")
    t = v.tabel("skala", "efisiensi")
    assert t.kunci == "skala--efisiensi" and sel(t.baris)[0][0] == "Sangat Efisien"
    assert [k.teks for k in v.tabel("efisiensi").kepala[0]][-1] == "Kategori efisiensi"
    assert sel(v.tabel("efisiensi").baris)[1][-1] == "Sangat Efisien"
    assert ("Skala kategori efisiensi", "Kategori efisiensi anggaran") in v.uraian_metode()


def test_the_overall_scale_gives_the_overall_predikat(tmp_path):
    root = _repo(tmp_path, tambahan=SKALA_LAIN.replace("skala_keseluruhan: akip-aa-d", "skala_keseluruhan: pasaman-barat"))
    v = _view(root, "bab-3")
    assert v.h.predikat == "Memuaskan" and v.h.sasaran[0].indikator[0].predikat == "Sangat Tinggi"
    files = _halaman(_repo(tmp_path / "b", tambahan=SKALA_LAIN))
    metode = json.loads(files["dinas-contoh/2024/data/laporan.json"])["metode"]
    assert metode["skala_efisiensi"]["nama"] == "Kategori efisiensi anggaran" and metode["skala_keseluruhan"]["nama"] == "Kategori AKIP AA–D"
    assert "dinas-contoh/2024/data/skala--efisiensi.csv" in files


def test_a_gap_in_the_efficiency_scale_is_an_error(tmp_path):
    bad = SKALA_LAIN.replace("{predikat: Efisien, bawah: 100,", "{predikat: Efisien, bawah: 101,")
    assert any("metode.skala_efisiensi" in m and "celah" in m for m in _galat(_repo(tmp_path, tambahan=bad)))
    assert any("skala 'tidak-ada' tidak dikenal" in m for m in _galat(_repo(tmp_path / "b", tambahan=SKALA_LAIN.replace("akip-aa-d", "tidak-ada"))))


# ---------------------------------------------------------------------------------------------------
# Text from YAML in the new fields stays text


def test_new_text_fields_are_escaped_everywhere(tmp_path):
    jahat = "<script>window.__pwned=1</script>"
    tambahan = (TINDAK_LANJUT.replace("Notulen rapat evaluasi triwulan I–III", f'"{jahat}"').replace("Subbag Perencanaan", f'"{jahat}"')
                + SAKIP.replace("evaluasi_akip:\n  tahun_evaluasi: 2023\n", "").replace("Pelaporan Kinerja", f'"{jahat}"').replace("JUMLAH", "null")
                .replace("  riwayat:\n    - {tahun: 2023, nilai: 44.25, predikat: C}\n", ""))
    files = _halaman(_repo(tmp_path, tambahan=tambahan, indikator=f'analisis:\n  faktor_penghambat: "{jahat}"\n'))
    for nama, isi in files.items():
        if not nama.endswith(".csv"):  # a CSV is plain text: the text as written (formula cells neutralised elsewhere)
            assert "<script>window" not in isi, nama
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in files["dinas-contoh/2024/bab-1.md"]

"""Issue 13, part 4 — audit precision: severity, root cause, grouped truncations, formula hints, and the two
false alarms (a PK budget that is the DPA murni; an efficiency check that ignored the capaian printed in its table)."""

import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest

from generator.check import MATERIAL, PEMBULATAN
from generator.cli import main
from generator.load import format_path
from generator.pipeline import compute_repo
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "mini"
MINI_YAML = "agencies/dinas-contoh/2024.yaml"


def _repo(tmp_path: Path, src: Path, slug: str | None = None) -> Path:
    dst = tmp_path / "repo"
    if slug is None:
        shutil.copytree(src, dst)
    else:
        (dst / "agencies").mkdir(parents=True)
        shutil.copytree(src / "site_config", dst / "site_config")
        shutil.copytree(src / "agencies" / slug, dst / "agencies" / slug)
    return dst


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def _temuan(root: Path):
    repo, problems = load_repo(root)
    assert repo is not None, "\n".join(map(str, problems))
    [(_, _, h, temuan)] = list(compute_repo(repo))
    return h, temuan


def _jalur(temuan) -> set[str]:
    return {format_path(t.jalur) for t in temuan}


def _mini(tmp_path: Path, old: str, new: str):
    root = _repo(tmp_path, MINI)
    _edit(root / MINI_YAML, old, new)
    return root


# --- root cause: one mistyped budget line is one finding ---------------------------------------------------


def test_a_mistyped_budget_line_is_one_material_finding_with_its_knock_ons(tmp_path):
    """Jember 2023 with one sub-kegiatan's realisasi mistyped (236.203.400 → 263.203.400): the kegiatan and the
    grand total printed in the report now differ by the same Rp 27.000.000. One finding names the line; the
    totals above it, their absorption and the line's own absorption are its knock-ons."""
    root = _repo(tmp_path, ROOT, "disnaker-jember")
    _edit(root / "agencies/disnaker-jember/2023.yaml", "              realisasi: 236203400\n", "              realisasi: 263203400\n")
    _, temuan = _temuan(root)
    budget = [t for t in temuan if t.jalur[:2] == ("anggaran", "program") or t.jalur[:2] == ("anggaran", "tercetak")]
    assert len(budget) == 1
    [t] = budget
    assert t.tingkat == MATERIAL
    assert format_path(t.jalur) == "anggaran.program[0].kegiatan[2].sub_kegiatan[1].realisasi"
    assert "Penyediaan Bahan Logistik Kantor" in t.pesan and "salah ketik" in t.pesan
    assert (t.tercetak, t.dihitung, t.selisih) == ("Rp 263.203.400", "Rp 236.203.400", D(27000000))
    assert t.lokasi.line > 1
    assert {format_path(x.jalur) for x in t.turunan} == {
        "anggaran.program[0].kegiatan[2].sub_kegiatan[1].tercetak.penyerapan",
        "anggaran.program[0].kegiatan[2].tercetak.realisasi",
        "anggaran.program[0].kegiatan[2].tercetak.penyerapan",
        "anggaran.tercetak.realisasi",
        "anggaran.tercetak.penyerapan",
    }
    assert all(x.sebab == "realisasi 'Penyediaan Bahan Logistik Kantor'" and x.tingkat == MATERIAL for x in t.turunan)
    # none of them is listed again on its own
    assert not {format_path(x.jalur) for x in t.turunan} & _jalur(temuan)


def test_an_efficiency_table_absorption_printed_from_the_right_amount_is_a_knock_on_of_the_mistyped_line(tmp_path):
    """Jember's indicator 2.1 is funded by one sub-kegiatan; with its realisasi mistyped (18.531.000 → 15.831.000),
    Tabel 3.7's 49,19% is right for the real amount: a knock-on of that line, not a finding of its own."""
    root = _repo(tmp_path, ROOT, "disnaker-jember")
    _edit(root / "agencies/disnaker-jember/2023.yaml", "              realisasi: 18531000\n", "              realisasi: 15831000\n")
    _, temuan = _temuan(root)
    [t] = [t for t in temuan if t.jalur[:2] == ("anggaran", "program") and t.jalur[-1] == "realisasi"]
    assert "sasaran[1].indikator[0].tercetak.penyerapan" in {format_path(x.jalur) for x in t.turunan}
    assert "sasaran[1].indikator[0].tercetak.penyerapan" not in _jalur(temuan)


def test_a_total_that_differs_without_a_line_to_blame_is_reported_once_at_the_deepest_level(tmp_path):
    """The kegiatan's printed realisasi mistyped in the report (its lines are right): the kegiatan is the deepest
    line showing the difference; its absorption (printed from the mistyped total) and the grand total above it are
    knock-ons, not separate findings."""
    root = _repo(tmp_path, ROOT, "disnaker-jember")
    y = root / "agencies/disnaker-jember/2023.yaml"
    _edit(y, "tercetak: {pagu: 506742400, realisasi: 390552985, penyerapan: 77.07}", "tercetak: {pagu: 506742400, realisasi: 399552985, penyerapan: 78.84}")
    _edit(y, "    realisasi: 13359116248\n", "    realisasi: 13368116248\n")
    _, temuan = _temuan(root)
    budget = [t for t in temuan if t.jalur[:1] == ("anggaran",) and t.jalur[1] in ("program", "tercetak")]
    assert [format_path(t.jalur) for t in budget] == ["anggaran.program[0].kegiatan[2].tercetak.realisasi"]
    assert "periksa baris di bawahnya" in budget[0].pesan
    assert {format_path(x.jalur) for x in budget[0].turunan} == {
        "anggaran.program[0].kegiatan[2].tercetak.penyerapan", "anggaran.tercetak.realisasi"}


def test_knock_ons_of_a_misprinted_capaian_are_grouped_under_it_ppu_2024():
    repo, _ = load_repo(ROOT)
    temuan = next(t for inst, _, _, t in compute_repo(repo) if inst.slug == "disnakertrans-ppu")
    root = next(t for t in temuan if format_path(t.jalur) == "sasaran[0].indikator[0].tercetak.capaian")
    assert {format_path(x.jalur) for x in root.turunan} == {"sasaran[0].indikator[0].tercetak.efisiensi", "tercetak.capaian_keseluruhan"}
    assert "tercetak.capaian_keseluruhan" not in _jalur(temuan)


# --- severity: the truncations of one report are one finding --------------------------------------------


def test_eight_truncations_are_one_rounding_finding_listing_each(tmp_path, capsys):
    lain = "".join(f"            - {{besaran: capaian, nilai: 66.66, lokasi: Tabel {k}}}\n" for k in range(1, 9))
    root = _mini(tmp_path, "        tercetak:\n          capaian: 133\n", "        tercetak:\n          capaian: 133\n          lain:\n" + lain)
    _edit(root / MINI_YAML, "        target: {2024: 25}\n        realisasi: {2023: 20, 2024: 33}\n", "        target: {2024: 30}\n        realisasi: {2023: 20, 2024: 20}\n")
    _, temuan = _temuan(root)
    bulat = [t for t in temuan if t.tingkat == PEMBULATAN]
    assert len(bulat) == 1 and len(bulat[0].rincian) == 8
    assert all(r.tercetak == "66,66%" and r.dihitung == "66,67%" and r.tingkat == PEMBULATAN for r in bulat[0].rincian)
    assert temuan[-1] is bulat[0] and temuan[0].tingkat == MATERIAL  # material first
    d = bulat[0].as_dict()
    assert d["tingkat"] == "pembulatan" and len(d["rincian"]) == 8 and d["rincian"][0]["jalur"] == "sasaran[0].indikator[0].tercetak.lain[0]"
    assert main(["--root", str(root), "check"]) == 0
    out = capsys.readouterr().out
    assert out.count("8 angka tercetak hanya berbeda cara pembulatannya") == 1
    assert out.count("    - agencies/dinas-contoh/2024.yaml:") == 8
    assert "1 selisih material, 8 angka yang hanya berbeda pembulatannya" in out


def test_catatan_page_shows_material_first_then_the_rounding_group_with_its_items():
    from generator.render.tabel import PEMBANGUN
    from generator.render.view import LaporanView

    repo, _ = load_repo(ROOT)
    inst, b, h, temuan = next(x for x in compute_repo(repo) if x[0].slug == "disnaker-pasaman-barat")
    v = LaporanView(repo, inst, b, h, temuan)
    t = PEMBANGUN["catatan"](v, {})
    kelas = [r.kelas for r in t.baris]
    grup = [str(r.sel[0].teks) for r in t.baris if r.kelas == "grup"]
    assert grup == [f"Selisih material ({len(temuan) - 1} temuan)", "Hanya pembulatan berbeda (2 angka)"]
    i = kelas.index("grup", 1)
    assert str(t.baris[i + 1].sel[0].teks).startswith(f"{len(temuan)}. 2 angka tercetak hanya berbeda")
    assert [str(r.sel[1].teks) for r in t.baris[i + 2:]] == ["126,66%", "15,11%"] and kelas[i + 2:] == ["rincian", "rincian"]
    # a knock-on row follows its cause and names it; its value keeps a mark that points at the cause's number
    akibat = [r for r in t.baris if r.kelas == "akibat"]
    assert [str(r.sel[5].teks) for r in akibat] == ["penyerapan tercetak 95,72%", "penyerapan tercetak 97,16%"]
    marks = v.tanda("sasaran", 1, "indikator", 0, "tercetak", "efisiensi")
    assert [m.temuan.tercetak for m in marks] == ["4,28%"] and marks[0].no == next(m.no for m in v.catatan.daftar if format_path(m.temuan.jalur) == "sasaran[1].indikator[0].tercetak.penyerapan")


def test_every_finding_keeps_its_open_data_fields_and_gains_severity_and_cause():
    repo, _ = load_repo(ROOT)
    for _, _, _, temuan in compute_repo(repo):
        for t in temuan:
            for x in t.semua():
                d = x.as_dict()
                assert {"berkas", "baris", "kolom", "jalur", "bidang", "pesan", "tercetak", "dihitung", "akibat", "tingkat", "sebab", "turunan", "rincian"} <= set(d)
                assert d["tingkat"] in (MATERIAL, PEMBULATAN) and d["sebab"] == d["akibat"]


# --- formula hints --------------------------------------------------------------------------------------


def test_a_capaian_that_matches_t_per_r_names_the_setting(tmp_path):
    root = _mini(tmp_path, "        target: {2024: 25}\n        realisasi: {2023: 20, 2024: 33}\n",
                 "        arah: turun\n        target: {2024: 10}\n        realisasi: {2023: 20, 2024: 8}\n")
    _edit(root / MINI_YAML, "          capaian: 133\n", "          capaian: 125\n")  # T/R = 125; (2T−R)/T = 120
    _, temuan = _temuan(root)
    [t] = [t for t in temuan if t.jalur[-1] == "capaian"]
    assert "cocok dengan T/R×100; atur `capaian_turun: t_per_r`" in t.pesan
    assert (t.tercetak, t.dihitung) == ("125%", "120,00%")


def test_a_capaian_measured_against_the_renstra_target_says_so(tmp_path):
    root = _mini(tmp_path, "anggaran:\n", "perjanjian_kinerja:\n  target: {iku-a: 30}\nanggaran:\n")
    _edit(root / MINI_YAML, "          capaian: 133\n", "          capaian: 132\n")  # 33/25 (Renstra); the PK says 30 → 110
    _, temuan = _temuan(root)
    [t] = [t for t in temuan if t.jalur[-1] == "capaian"]
    assert "cocok dengan target Renstra (25) alih-alih target yang dipakai (30)" in t.pesan


def test_an_overall_capaian_over_all_indicators_names_the_aggregation_setting(tmp_path):
    root = _mini(tmp_path, "          capaian: 133\n", "          capaian: 132\n")
    _edit(root / MINI_YAML, "anggaran:\n", DUA.replace("        nama: Persentase kedua\n", "        nama: Persentase kedua\n        iku: false\n"))
    y = root / MINI_YAML
    y.write_text(y.read_text(encoding="utf-8") + "tercetak:\n  capaian_keseluruhan: 106\n", encoding="utf-8")  # (132 + 80) / 2; IKU only: 132
    _, temuan = _temuan(root)
    [t] = [t for t in temuan if t.jalur == ("tercetak", "capaian_keseluruhan")]
    assert "cocok dengan semua indikator, bukan hanya IKU; atur `agregasi: {cakupan: semua}`" in t.pesan


def test_an_efficiency_by_another_formula_names_the_setting(tmp_path):
    root = _mini(tmp_path, "          capaian: 133\n", "          capaian: 132\n          penyerapan: 92.90\n          efisiensi: 7.10\n")
    _, temuan = _temuan(root)
    [t] = [t for t in temuan if t.jalur[-1:] == ("efisiensi",)]
    assert "cocok dengan 100 − penyerapan; atur `efisiensi: sisa_anggaran`" in t.pesan


# --- false alarm 1: a PK budget that is the DPA murni ----------------------------------------------------

RINCI = """anggaran:
  program:
    - id: prog-1
      nama: Program Contoh
      tercetak: {pagu: 1000000, pagu_perubahan: 1200000}
      kegiatan:
        - id: keg-1
          nama: Kegiatan Contoh
          sub_kegiatan:
            - {id: sub-1, nama: Sub Contoh, pagu_perubahan: 1200000, realisasi: 929000}
"""


def _pk(tmp_path, pk: str):
    root = _repo(tmp_path, MINI)
    y = root / MINI_YAML
    text = y.read_text(encoding="utf-8")
    y.write_text(text[:text.index("anggaran:\n")] + pk + RINCI, encoding="utf-8")
    return _temuan(root)[1]


def test_a_pk_budget_equal_to_the_pagu_before_the_change_is_not_flagged(tmp_path):
    """The realisation table prints the program's pagu murni and pagu perubahan; its lines carry only the
    changed pagu. A PK signed with the DPA murni (1.000.000) is right."""
    temuan = _pk(tmp_path, "perjanjian_kinerja:\n  anggaran:\n    - {program: prog-1, pagu: 1000000}\n")
    assert not [t for t in temuan if t.jalur[:1] == ("perjanjian_kinerja",)]


def test_a_pk_budget_matching_neither_pagu_says_both(tmp_path):
    temuan = _pk(tmp_path, "perjanjian_kinerja:\n  anggaran:\n    - {program: prog-1, pagu: 1100000}\n")
    [t] = [t for t in temuan if t.jalur[:1] == ("perjanjian_kinerja",)]
    assert "tidak sama dengan pagu murni (DPA sebelum perubahan) maupun pagu perubahan" in t.pesan
    assert t.dihitung == "Rp 1.000.000 (murni) / Rp 1.200.000 (perubahan)"


def test_a_pk_perubahan_that_keeps_the_pagu_murni_says_which_it_matches(tmp_path):
    temuan = _pk(tmp_path, "perjanjian_kinerja:\n  anggaran:\n    - {program: prog-1, pagu: 1000000}\n"
                 "  perubahan:\n    anggaran:\n      - {program: prog-1, pagu: 1000000}\n")
    [t] = [t for t in temuan if t.jalur[:1] == ("perjanjian_kinerja",)]
    assert t.jalur[:2] == ("perjanjian_kinerja", "perubahan") and "sama dengan pagu murni (sebelum perubahan), bukan pagu perubahan" in t.pesan


# --- false alarm 2: the efficiency check reads the capaian printed in its own table --------------------------

DUA = """      - id: iku-b
        nama: Persentase kedua
        satuan: Persen
        target: {2024: 100}
        realisasi: {2024: 80}
anggaran:
"""


def _efisiensi(tmp_path, tercetak: str):
    root = _mini(tmp_path, "          capaian: 133\n", "          capaian: 132\n" + tercetak)  # 33/25 = 132
    _edit(root / MINI_YAML, "anggaran:\n", DUA)
    return _temuan(root)


@pytest.mark.parametrize("cap, eff", [("106", "114.10")])
def test_efficiency_from_the_sasaran_mean_printed_in_its_table_is_not_flagged(tmp_path, cap, eff):
    """The efficiency table prints the sasaran's mean capaian (132 and 80 → 106), not the indicator's 132, and
    divides it by the absorption 92,90: 114,10 is right for what that table prints."""
    h, temuan = _efisiensi(tmp_path, f"          capaian_efisiensi: {cap}\n          penyerapan: 92.90\n          efisiensi: {eff}\n")
    assert h.sasaran[0].capaian.tampil == D("106.00")
    assert not [t for x in temuan for t in x.semua() if t.jalur[:3] == ("sasaran", 0, "indikator")]


def test_an_efficiency_table_capaian_matching_nothing_is_the_cause_of_its_efficiency(tmp_path):
    _, temuan = _efisiensi(tmp_path, "          capaian_efisiensi: 120\n          penyerapan: 92.90\n          efisiensi: 129.17\n")
    [t] = [t for t in temuan if t.jalur[:3] == ("sasaran", 0, "indikator")]
    assert format_path(t.jalur) == "sasaran[0].indikator[0].tercetak.capaian_efisiensi"
    assert "tidak sama dengan capaian indikator maupun rata-rata capaian sasaran" in t.pesan and t.dihitung == "132,00% / 106,00%"
    assert [format_path(x.jalur) for x in t.turunan] == ["sasaran[0].indikator[0].tercetak.efisiensi"]


def test_a_verbal_efficiency_verdict_is_checked_against_its_table(tmp_path):
    root = _mini(tmp_path, "          capaian: 133\n", "          capaian: 132\n          penyerapan: 92.90\n          efisiensi_teks: Kurang efisien\n")
    (root / "site_config/lkip.yaml").write_text("pemda: Kabupaten Contoh\nmetode:\n  skala: permendagri-86\n  efisiensi: verbal\n", encoding="utf-8")
    _, temuan = _temuan(root)
    [t] = [t for t in temuan if t.jalur[-1] == "efisiensi_teks"]
    assert (t.tercetak, t.dihitung) == ("Kurang efisien", "Efisien")


def test_a_second_efficiency_table_is_compared_too():
    """PPU 2024 IKU a: absorption 92,90%, efficiency 132 / 92,90 = 142,09% (Tabel 3.1.7 prints 143,16 from its
    misprinted 133); a second table printing 145,00% and 92,90% gets one finding, for the efficiency only."""
    import shutil
    import tempfile
    from pathlib import Path

    from generator.pipeline import compute_repo
    from generator.validate import load_repo

    root = Path(__file__).resolve().parents[1]
    with tempfile.TemporaryDirectory() as tmp:
        for d in ("agencies", "site_config"):
            shutil.copytree(root / d, Path(tmp) / d)
        f = Path(tmp) / "agencies/disnakertrans-ppu/2024.yaml"
        teks = f.read_text(encoding="utf-8")
        lama = "          efisiensi: 143.16      # 133 / 92,90 (dari capaian tercetak)\n"
        assert teks.count(lama) == 1
        f.write_text(teks.replace(lama, lama + "          lain:\n            - {besaran: efisiensi, nilai: 145.00, lokasi: Lampiran 6}\n"
                                  "            - {besaran: penyerapan, nilai: 92.90, lokasi: Lampiran 6}\n", 1), encoding="utf-8")
        repo, masalah = load_repo(Path(tmp))
        assert repo is not None, [str(m) for m in masalah]
        temuan = [t for i, _, _, ts in compute_repo(repo) if i.slug == "disnakertrans-ppu" for t in ts]
    kedua = [t for t in temuan if "Lampiran 6" in t.pesan]
    assert [(t.bidang, t.tercetak, t.dihitung) for t in kedua] == [("efisiensi", "145,00%", "142,09%")]

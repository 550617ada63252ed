"""Provenance (issue 13): every figure is as printed in the signed report, or marked "dihitung portal" — or,
for aggregates the report does not print, hidden by the method setting ``hitungan_portal: sembunyikan``.

Sample facts (checked against the YAML transcriptions of the seeds): PPU 2024 prints every indicator's capaian
and the overall 88% with the verbal verdict "cukup berhasil" but no sasaran averages and no scale; Pasaman Barat
2022 prints capaian of its 8 indicators and 5 sasaran averages, but no predikat per indicator; no report prints
efficiency or absorption per sasaran.
"""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from generator.render import buat_env, render_halaman, template_dir

ROOT = Path(__file__).resolve().parents[1]


def _portal(t) -> list[tuple[str, int, str]]:
    """(row header, column, text) of every cell marked "dihitung portal"."""
    out = []
    for b in t.baris + t.kaki:
        kepala = next((str(s.teks) for s in b.sel if s.kepala), "")
        out += [(kepala, i, str(s.teks)) for i, s in enumerate(b.sel) if s.portal]
    return out


def _sembunyi(v):
    v = copy.copy(v.di("index"))
    v.metode = dataclasses.replace(v.metode, hitungan_portal="sembunyikan")
    return v


def test_ppu_2024_printed_capaian_unmarked_sasaran_averages_and_efficiency_marked(laporan):
    v = laporan["disnakertrans-ppu/2024"].di("bab-3")
    # sasaran 1 has five indicators, so the only average row; its five capaian are printed, the average is not
    assert [(k, str(t)) for k, _, t in _portal(v.tabel("pengukuran"))] == [("Rata-rata capaian sasaran 1", "82,40%")]
    assert not _portal(v.tabel("ringkasan-iku"))  # every IKU capaian printed; overall 88% printed (differs: audit mark)
    eff = [(k.split(":")[0], i, t) for k, i, t in _portal(v.tabel("efisiensi"))]
    assert eff == [("Sasaran 1", 1, "82,40%"), ("Sasaran 1", 2, "93,63%"), ("Sasaran 1", 3, "88,01%"),
                   ("Sasaran 2", 1, "100,00%"), ("Sasaran 2", 2, "87,06%"), ("Sasaran 2", 3, "114,86%"),
                   ("Sasaran 3", 1, "100,19%")]  # sasaran 3 has no budget linked: absorption and efficiency "–"


def test_pasaman_barat_2022_predikat_per_indicator_and_sasaran_is_computed_by_the_portal(laporan):
    v = laporan["disnaker-pasaman-barat/2022"].di("bab-3")
    tanda = _portal(v.tabel("pengukuran"))
    indikator = [t for k, i, t in tanda if i == 6]
    assert indikator == ["Memuaskan", "Sangat Baik", "Sangat Baik", "Sangat Baik", "Memuaskan", "Memuaskan", "Memuaskan", "Kurang Baik"]
    assert [t for k, i, t in tanda if k.startswith("Rata-rata")] == ["Sangat Baik", "Memuaskan", "Memuaskan", "Kurang Baik"]
    assert all(i != 3 for _, i, _ in tanda)  # capaian printed for every indicator and sasaran: no mark
    k = v.keseluruhan()
    assert (k["portal"], k["portal_predikat"], k["predikat_tercetak"]) == (False, False, None)  # 100,28% and "Memuaskan" printed


def test_ringkasan_explains_the_marks_once_and_shows_the_printed_verdict(laporan):
    env = buat_env(template_dir(ROOT))
    md = render_halaman(env, laporan["disnakertrans-ppu/2024"])[0]["index"]
    assert md.count('{: #asal-angka }') == 1
    assert "<strong>Dihitung portal</strong>: laporan asli tidak mencetak angka ini" in md
    assert "Kesimpulan yang tercetak di laporan: <strong>cukup berhasil</strong>" in md
    assert "<dt>Kesimpulan tercetak di laporan</dt><dd>cukup berhasil</dd>" in md


def test_hidden_aggregates_leave_the_reports_own_rows(laporan):
    v = _sembunyi(laporan["disnakertrans-ppu/2024"])
    peng = v.tabel("pengukuran")
    assert not any(str(s.teks).startswith("Rata-rata capaian sasaran") for b in peng.baris for s in b.sel)
    assert not _portal(peng)
    eff = v.tabel("efisiensi")
    grup = [b for b in eff.baris if b.kelas == "grup"]
    assert len(grup) == 3 and all(len(b.sel) == 1 and b.sel[0].colspan == 4 for b in grup)
    assert not _portal(eff)
    # the overall capaian is printed (88%), so it stays, with its audit mark
    assert v.keseluruhan()["sembunyi"] is False
    pb = _sembunyi(laporan["disnaker-pasaman-barat/2022"])
    assert pb.jawaban()["capaian"] == pb.keseluruhan()["teks"]  # the overall capaian is printed: shown
    assert [b.sel[0].teks for b in pb.tabel("pengukuran").kaki] == ["Capaian kinerja keseluruhan"]


def test_an_overall_capaian_the_report_does_not_print_is_marked_or_hidden(laporan):
    asli = laporan["disnakertrans-ppu/2024"].di("index")
    lap = asli.lap.model_copy(update={"tercetak": asli.lap.tercetak.model_copy(update={"capaian_keseluruhan": None})})
    tandai = copy.copy(asli)
    tandai.lap, tandai._tabel = lap, {}
    assert tandai.keseluruhan()["portal"] is True
    kaki = tandai.tabel("ringkasan-iku").kaki[0].sel
    assert (str(kaki[1].teks), kaki[1].portal) == ("87,46%", True)
    sembunyi = _sembunyi(tandai)
    sembunyi._tabel = {}
    assert sembunyi.jawaban()["capaian"] is None
    kaki = sembunyi.tabel("ringkasan-iku").kaki[0].sel
    assert (str(kaki[1].teks), kaki[1].portal) == ("tidak tercetak di laporan", False)
    assert "capaian kinerja rata-rata" not in sembunyi.deskripsi()


def test_the_pk_table_holds_exactly_the_rows_of_the_pk(laporan):
    asli = laporan["disnaker-jember/2023"].di("bab-2")
    assert [b.sel[1].teks for b in asli.tabel("pk").baris if b.kelas != "grup"] == [
        hi.model.nama for hi in asli.h.semua_indikator]  # all three indicators are in Jember's PK
    pk = asli.lap.perjanjian_kinerja
    lap = asli.lap.model_copy(update={"perjanjian_kinerja": pk.model_copy(update={"target": {"iku-phi": pk.target["iku-phi"]}})})
    v = copy.copy(asli)
    v.lap, v._tabel = lap, {}
    baris = v.tabel("pk").baris
    assert [b.kelas for b in baris] == ["grup", ""]  # sasaran 1 (no PK row) is left out, sasaran 2 keeps its one row
    assert baris[1].sel[1].teks == next(hi.model.nama for hi in asli.h.semua_indikator if hi.model.id == "iku-phi")


def test_tables_keep_the_reports_own_numbers_and_the_portals_are_p_numbered(tmp_path, caplog):
    import re
    import shutil

    from generator import pipeline

    for d in ("agencies", "content", "site_config"):
        shutil.copytree(ROOT / d, tmp_path / d)
    berkas = tmp_path / "agencies/disnakertrans-ppu/2024.yaml"
    berkas.write_text(berkas.read_text(encoding="utf-8").replace("\n    riwayat-akip:", "\n    tidak-ada: {nomor: '9.9'}\n    riwayat-akip:", 1), encoding="utf-8")
    pipeline.generate(tmp_path, pipeline.Timer(False), progress=False)
    md = (tmp_path / "build/docs/disnakertrans-ppu/2024/bab-3.md").read_text(encoding="utf-8")
    captions = re.findall(r"<caption>Tabel (\S+) ([^<]*?)(?: <a class|</caption>)", md)
    nomor = [n for n, _ in captions]
    assert ("3.1.1", "Rincian Capaian IKU Tahun 2024") in captions  # tercetak.tabel.pengukuran: number and title
    assert ("3.1.3", "Jenis Pelatihan Anggaran APBD") in captions  # a free table's nomor_tercetak
    assert nomor[0] == "P3.1" and "3.1.7" in nomor and "3.1.22" in nomor
    portal = [n for n in nomor if n.startswith("P")]
    assert portal == [f"P3.{i}" for i in range(1, len(portal) + 1)]  # the portal's own: one series, no gaps
    assert "(Tabel 3.1.3 pada laporan asli)" not in md  # one number per table
    daftar = (tmp_path / "build/docs/disnakertrans-ppu/2024/index.md").read_text(encoding="utf-8")
    urut = re.findall(r'">Tabel (\S+)</a>', daftar)
    assert urut.index("2.1") < urut.index("P3.1") < urut.index("3.1.1") < urut.index("3.1.3")  # reading order
    assert "tercetak.tabel.tidak-ada: tidak ada tabel bernama 'tidak-ada'" in caplog.text

"""Free tables with merged cells (issue 13): a cell ``{teks, lebar, tinggi}`` spans columns and rows, a row lists
only the cells that start in it. Example from PPU 2024 Tabel 3.1.3/3.1.4 (training by source of funds): the source
"APBD" spans two rows, a note spans two columns."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator import grid
from generator.model import SelGabung, Tabel
from generator.validate import load_repo, periksa_tabel

ROOT = Path(__file__).resolve().parents[1]

YAML = """
tabel:
  - id: pelatihan-gabung
    judul: Jenis pelatihan menurut sumber dana
    posisi: bab3
    kolom: [{judul: Sumber dana}, {judul: Jenis pelatihan}, {judul: Peserta}]
    baris:
      - [{teks: APBD, tinggi: 2}, Menjahit, 16]
      - [Barista, 16]
      - [APBN, Las listrik, 32]
      - [{teks: Jumlah peserta, lebar: 2}, 64]
    jumlahkan: {kolom: [3], baris_total: [null, null, 128]}
"""


def _tabel() -> Tabel:
    import yaml

    return Tabel.model_validate(yaml.safe_load(YAML)["tabel"][0])


def test_cells_are_laid_out_on_the_grid():
    t = _tabel()
    tertata, salah = grid.tata(t.baris, 3)
    assert salah == []
    assert [[(x.kolom, x.nilai, x.lebar, x.tinggi) for x in r] for r in tertata] == [
        [(0, "APBD", 1, 2), (1, "Menjahit", 1, 1), (2, 16, 1, 1)],
        [(1, "Barista", 1, 1), (2, 16, 1, 1)],
        [(0, "APBN", 1, 1), (1, "Las listrik", 1, 1), (2, 32, 1, 1)],
        [(0, "Jumlah peserta", 2, 1), (2, 64, 1, 1)],
    ]
    assert grid.kolom(t.baris, 3, 0) == ["APBD", None, "APBN", "Jumlah peserta"]
    assert sum(v for v in grid.kolom(t.baris, 3, 2)) == 128


def test_a_row_that_does_not_fill_the_table_is_refused_with_its_number():
    t = _tabel()
    t.baris[1] = ["Barista", 16, "lebih"]  # the APBD cell above already fills column 1
    pesan = []
    periksa_tabel(t, ("tabel", 0), lambda jalur, p: pesan.append((jalur, p)))
    assert pesan == [(("tabel", 0, "baris", 1), "baris 2 mengisi 4 kolom (termasuk sel gabungan dari baris di atasnya), padahal tabel punya 3 kolom; tambahkan null untuk sel kosong")]
    t.baris[3] = [SelGabung(teks="Jumlah", tinggi=3), 64]
    pesan.clear()
    periksa_tabel(t, ("tabel", 0), lambda jalur, p: pesan.append((jalur, p)))
    assert any("digabung 3 baris ke bawah, padahal tabel hanya punya 1 baris" in p for _, p in pesan)


def test_merged_cells_render_with_spans_csv_and_the_audit_sums_them_once(tmp_path):
    from generator import pipeline

    for d in ("agencies", "content", "site_config"):
        shutil.copytree(ROOT / d, tmp_path / d)
    f = tmp_path / "agencies/disnaker-jember/2023.yaml"
    teks = f.read_text(encoding="utf-8")
    assert teks.count("\ntabel:\n") == 1
    f.write_text(teks.replace("\ntabel:\n", "\ntabel:\n" + YAML.split("tabel:\n", 1)[1], 1), encoding="utf-8")
    repo, masalah = load_repo(tmp_path)
    assert repo is not None, [str(m) for m in masalah]
    pipeline.generate(tmp_path, pipeline.Timer(False), progress=False)
    md = (tmp_path / "build/docs/disnaker-jember/2023/bab-3.md").read_text(encoding="utf-8")
    assert '<th scope="rowgroup" data-label="Sumber dana" rowspan="2">APBD</th>' in md
    assert '<tr><td data-label="Jenis pelatihan">Barista</td>' in md  # its row's label skips the merged column
    assert '<th scope="row" data-label="Sumber dana" colspan="2">Jumlah peserta</th>' in md
    csv = (tmp_path / "build/docs/disnaker-jember/2023/data/bebas--pelatihan-gabung.csv").read_text(encoding="utf-8-sig").splitlines()
    assert csv[1:5] == ["APBD,Menjahit,16", "APBD,Barista,16", "APBN,Las listrik,32", "Jumlah peserta,,64"]
    from generator.pipeline import compute_repo

    temuan = [t for i, b, h, ts in compute_repo(repo) if i.slug == "disnaker-jember" for t in ts]
    jumlah = [t for t in temuan if t.bidang == "jumlah" and "Jenis pelatihan menurut sumber dana" in t.pesan]
    assert jumlah == []  # 16 + 16 + 32 + 64 = 128 as printed: the APBD cell spanning two rows is not counted twice

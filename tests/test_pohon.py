"""Pohon kinerja (issue 13): the cascade tujuan → sasaran → sasaran program as a tree from parent links."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path

from generator.render import buat_env, render_halaman, template_dir
from generator.render.pohon import pohon_kinerja
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parents[1]


def _bertingkat(v):
    """Jember 2023 with its second sasaran (PHI disputes) recorded as a program-level sasaran under the first."""
    lap = v.lap
    sas = [lap.sasaran[0], lap.sasaran[1].model_copy(update={"induk": lap.sasaran[0].id, "tingkat": "program"})]
    w = copy.copy(v)
    w.lap, w._tabel = lap.model_copy(update={"sasaran": sas}), {}
    w.h = copy.copy(v.h)
    w.h.sasaran = [copy.copy(hs) for hs in v.h.sasaran]
    w.h.sasaran[1].model = sas[1]
    return w


def test_no_tree_without_parent_links(laporan):
    assert all(pohon_kinerja(v) == [] for v in laporan.values())


def test_tree_from_parent_links_jember_2023(laporan):
    v = _bertingkat(laporan["disnaker-jember/2023"].di("bab-2"))
    akar = pohon_kinerja(v)
    semua = [akar]
    while semua[-1]:
        semua.append([a for s in semua[-1] for a in s.anak])
    jenis = [[s.jenis for s in lapis] for lapis in semua if lapis]
    assert jenis[-2:] == [["Sasaran strategis"], ["Sasaran program"]]
    strategis = next(s for lapis in semua for s in lapis if s.jenis == "Sasaran strategis")
    assert strategis.href == "../bab-3/#sasaran-" + v.lap.sasaran[0].id
    assert [i[2] for i in strategis.indikator][0].startswith("target 2023: ")
    assert strategis.anak[0].teks.endswith(v.lap.sasaran[1].nama)
    env = buat_env(template_dir(ROOT))
    md = render_halaman(env, v)[0]["bab-2"]
    assert "{: #pohon-kinerja }" in md and '<ul class="pohon-kinerja">' in md
    assert md.index('<span class="pohon-jenis">Sasaran strategis</span>') < md.index('<span class="pohon-jenis">Sasaran program</span>')


def test_a_parent_loop_is_refused(tmp_path):
    shutil.copytree(ROOT / "tests/fixtures/lengkap", tmp_path / "repo")
    shutil.copytree(ROOT / "site_config", tmp_path / "repo/site_config")
    f = tmp_path / "repo/agencies/contoh-lengkap/2024.yaml"
    teks = f.read_text(encoding="utf-8").replace("    tujuan: t1\n    program: [prog-a]\n", "    tujuan: t1\n    induk: ss-anak\n    program: [prog-a]\n", 1)
    f.write_text(teks, encoding="utf-8")
    _, masalah = load_repo(tmp_path / "repo")
    assert any("sasaran[0].induk" in str(m) and "kembali ke dirinya sendiri" in str(m) for m in masalah), [str(m) for m in masalah]

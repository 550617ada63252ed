"""Incremental generation: a no-change rebuild does no generation work; one edited agency re-renders only itself.

Works on a temporary copy of the three sample agencies (real charts, real findings), without MkDocs.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.pesan import GalatData, cetak_galat

ROOT = Path(__file__).resolve().parent.parent


def snapshot(folder: Path) -> dict[str, tuple[int, bytes]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.read_bytes()) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("inkremental") / "repo"
    for item in ("agencies", "site_config", "content"):
        shutil.copytree(ROOT / item, dst / item)
    return dst


def generate(repo: Path, **kw) -> dict | None:
    """Statistics of a generation, or None when the data has errors."""
    try:
        return pipeline.generate(repo, pipeline.Timer(False), progress=False, **kw)
    except GalatData as e:  # what `lkip build` prints
        cetak_galat(e)
        return None


def test_cold_then_no_change_rebuild_rerenders_no_chart_and_rewrites_no_markdown(repo):
    cold = generate(repo)
    assert cold is not None and cold["dari_cache"] == 0
    assert cold["grafik"]["dirender"] == 27 and cold["jumlah_grafik"] == 27
    docs = pipeline.docs_dir(repo)
    before = snapshot(docs)
    assert sum(1 for k in before if k.endswith(".md")) >= 30

    warm = generate(repo)
    assert warm["instansi"] == 3 and warm["dari_cache"] == 3
    assert warm["grafik"]["dirender"] == 0, "a rebuild without data change draws no chart"
    assert warm["diubah"] == 0 and warm["dihapus"] == 0, "a rebuild without data change rewrites no file"
    assert snapshot(docs) == before  # same bytes and same mtimes: nothing was rewritten
    assert warm["temuan"] == cold["temuan"] == 55, "findings of cached agencies still reach the build log"  # root findings (issue 13.4: 62 before grouping)


def test_editing_one_agency_rerenders_only_that_agency(repo):
    generate(repo)
    docs = pipeline.docs_dir(repo)
    before = snapshot(docs)
    year = repo / "agencies" / "disnaker-jember" / "2023.yaml"
    text = year.read_text(encoding="utf-8")
    # realisasi of the placement indicator: 3898 people → 3899
    assert "3898" in text
    year.write_text(text.replace("3898", "3899", 1), encoding="utf-8")
    try:
        stats = generate(repo)
    finally:
        year.write_text(text, encoding="utf-8")
    assert stats["dari_cache"] == 2
    assert 0 < stats["grafik"]["dirender"] <= 5, "only the edited agency's charts are drawn again"
    after = snapshot(docs)
    changed = {k for k in after if before.get(k) != after[k]}
    assert changed, "the edit shows in the pages"
    assert all(k.startswith("disnaker-jember/") or "/" not in k for k in changed), sorted(changed)
    assert any(re.search(r"disnaker-jember/2023/bab-3\.md$", k) for k in changed)
    # the other agencies' files were not even rewritten
    for k, v in after.items():
        if k.startswith(("disnakertrans-ppu/", "disnaker-pasaman-barat/")):
            assert before[k] == v, k


def test_cache_is_disposable_and_gives_the_same_bytes(repo):
    generate(repo)
    docs = pipeline.docs_dir(repo)
    before = {k: v for k, (_, v) in snapshot(docs).items()}
    shutil.rmtree(repo / pipeline.CACHE_FOLDER)
    shutil.rmtree(docs)
    again = generate(repo, workers=1)
    assert again["dari_cache"] == 0
    assert {k: v for k, (_, v) in snapshot(docs).items()} == before


def test_an_error_in_one_agency_writes_nothing(repo, capsys):
    generate(repo)
    docs = pipeline.docs_dir(repo)
    before = snapshot(docs)
    year = repo / "agencies" / "disnaker-jember" / "2023.yaml"
    text = year.read_text(encoding="utf-8")
    year.write_text(text.replace("tahun: 2023", "tahun: dua ribu", 1), encoding="utf-8")
    try:
        assert generate(repo) is None
    finally:
        year.write_text(text, encoding="utf-8")
    err = capsys.readouterr().err
    assert "agencies/disnaker-jember/2023.yaml:" in err and "galat" in err
    assert snapshot(docs) == before


def test_cache_stays_bounded_after_edits(repo):
    generate(repo)
    charts = repo / pipeline.CACHE_FOLDER / "grafik"
    blobs = repo / pipeline.CACHE_FOLDER / "berkas"
    n_charts, n_blobs = len(list(charts.glob("*.svg"))), len(list(blobs.glob("*/*")))
    year = repo / "agencies" / "disnaker-jember" / "2023.yaml"
    text = year.read_text(encoding="utf-8")
    try:
        for v in ("3899", "3900", "3901"):
            year.write_text(text.replace("3898", v, 1), encoding="utf-8")
            assert generate(repo) is not None
    finally:
        year.write_text(text, encoding="utf-8")
    generate(repo)
    # three edits later, back to the original data: the cache holds what the current data uses, no more
    assert len(list(charts.glob("*.svg"))) == n_charts == 27
    assert len(list(blobs.glob("*/*"))) == n_blobs


def test_cached_agency_still_sees_an_empty_year_folder_and_portal_pages_are_not_recorded(repo, capsys):
    generate(repo)
    empty = repo / "agencies" / "disnaker-jember" / "2025"
    empty.mkdir()
    (empty / ".gitkeep").write_text("", encoding="utf-8")
    try:
        assert generate(repo) is None, "an empty year folder is an error, cached agency or not"
        assert "2025" in capsys.readouterr().err
    finally:
        shutil.rmtree(empty)
    # a hand-written page placed under an agency's folder belongs to the portal, not to the agency's cache record
    extra = repo / "content" / "disnakertrans-ppu"
    extra.mkdir()
    (extra / "catatan.md").write_text("# Catatan\n", encoding="utf-8")
    (repo / "agencies" / "disnakertrans-ppu" / "profil.yaml").write_text(
        (repo / "agencies" / "disnakertrans-ppu" / "profil.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert generate(repo) is not None
    assert (pipeline.docs_dir(repo) / "disnakertrans-ppu" / "catatan.md").is_file()
    shutil.rmtree(extra)
    assert generate(repo) is not None
    assert not (pipeline.docs_dir(repo) / "disnakertrans-ppu" / "catatan.md").exists()


def test_a_chart_that_failed_to_draw_is_not_kept_by_the_cache(repo, monkeypatch):
    import generator.charts.svg as charts  # where the chart stage looks draw_svg up

    shutil.rmtree(repo / pipeline.CACHE_FOLDER, ignore_errors=True)
    real = charts.draw_svg

    def broken(spec):
        raise RuntimeError("gagal sementara")

    monkeypatch.setattr(charts, "draw_svg", broken)
    first = generate(repo)
    assert first is not None and len(first["grafik"]["gagal"]) == 27  # placeholders shown, the build goes on
    monkeypatch.setattr(charts, "draw_svg", real)
    again = generate(repo)
    assert again["dari_cache"] == 0, "agencies whose charts failed are processed again"
    assert again["grafik"]["dirender"] == 27 and not again["grafik"]["gagal"]
    svg = next((pipeline.docs_dir(repo) / "disnaker-jember" / "2023" / "grafik").glob("*.svg")).read_text(encoding="utf-8")
    assert "Grafik tidak dapat digambar" not in svg

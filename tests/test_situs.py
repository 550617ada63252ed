"""Publish stage (generator/situs.py): MkDocs and Pagefind redo only what changed, with the bytes of a cold build.

Works on temporary copies of the three sample agencies, with real MkDocs and Pagefind builds. Pagefind's output
is reproducible (generator/pencarian.py sorts its filter files), so whole sites are compared, search bundle
included.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator import situs
from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1735689600"  # 2025-01-01; the copies are not git repositories, so the date is set


def copy_repo(dst: Path) -> Path:
    dst.mkdir(parents=True)
    for item in ("agencies", "site_config", "theme", "content"):
        shutil.copytree(ROOT / item, dst / item)
    shutil.copy2(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    cfg = dst / "site_config" / "lkip.yaml"  # with an address, the sitemap lists every page with its date
    cfg.write_text(cfg.read_text(encoding="utf-8") + "url: https://lkip.contoh.go.id/\n", encoding="utf-8")
    return dst


def snapshot(folder: Path, mtimes: bool = False) -> dict:
    return {p.relative_to(folder).as_posix(): ((p.stat().st_mtime_ns, p.read_bytes()) if mtimes else p.read_bytes())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def build(repo: Path, capsys) -> str:
    capsys.readouterr()
    assert main(["--root", str(repo), "build"]) == 0
    return capsys.readouterr().out


def edit_realisasi(repo: Path) -> None:
    year = repo / "agencies" / "disnaker-jember" / "2023.yaml"
    text = year.read_text(encoding="utf-8")
    assert "3898" in text  # realisasi of the placement indicator
    year.write_text(text.replace("3898", "3899", 1), encoding="utf-8")


def assert_same_site(a: Path, b: Path) -> None:
    sa, sb = snapshot(a), snapshot(b)
    assert sorted(sa) == sorted(sb)
    assert [k for k in sa if sa[k] != sb[k]] == []


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return copy_repo(tmp_path_factory.mktemp("situs") / "repo")


# Other work in this checkout may edit generator/ while these tests run; a changed code hash rightly means a
# full MkDocs build, so the code hash is frozen here to test the partial path deterministically.
KODE = situs.hash_kode()


@pytest.fixture(autouse=True)
def epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setattr(situs, "hash_kode", lambda: KODE)


ASLI_PAGEFIND = situs.jalankan_pagefind


def _forbidden(*a, **k):
    raise AssertionError("MkDocs or Pagefind ran although no input changed")


def test_no_change_runs_neither_mkdocs_nor_pagefind_and_touches_nothing(repo, capsys, monkeypatch):
    build(repo, capsys)
    site = repo / "site"
    before = snapshot(site, mtimes=True)
    assert "index.html" in before and any(k.startswith("pagefind/") for k in before)
    monkeypatch.setattr(situs, "jalankan_mkdocs", _forbidden)
    monkeypatch.setattr(situs, "jalankan_pagefind", _forbidden)
    out = build(repo, capsys)
    assert "MkDocs dan Pagefind dilewati" in out and "tidak ada berkas yang diubah" in out
    assert snapshot(site, mtimes=True) == before  # same bytes, same mtimes: nothing rewritten


def test_one_agency_edit_rebuilds_part_of_the_site_with_the_bytes_of_a_cold_build(repo, capsys, tmp_path):
    build(repo, capsys)
    edit_realisasi(repo)
    out = build(repo, capsys)
    assert "MkDocs membangun ulang sebagian" in out, out
    assert "Situs diperbarui di" in out  # only the differing files were copied into the published site
    n = int(out.split("MkDocs membangun ulang sebagian: ")[1].split(" ")[0])
    assert 0 < n < 60, "only the edited agency's files (pages, charts, CSV) and the portal pages changed"

    cold = copy_repo(tmp_path / "dingin")
    edit_realisasi(cold)
    build(cold, capsys)
    assert_same_site(repo / "site", cold / "site")

    # a new date (a new commit) only changes the sitemap: a partial build, still the bytes of a cold build
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01
        out = build(repo, capsys)
        assert "MkDocs membangun ulang sebagian: 0 berkas" in out, out
        shutil.rmtree(cold / ".lkip-cache")
        shutil.rmtree(cold / "build")
        build(cold, capsys)
    assert "<lastmod>2026-01-01</lastmod>" in (repo / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert_same_site(repo / "site", cold / "site")


def test_failing_mkdocs_or_pagefind_leaves_the_published_site_untouched(repo, capsys, monkeypatch):
    build(repo, capsys)
    site = repo / "site"
    before = snapshot(site, mtimes=True)
    cfg = repo / "mkdocs.yml"
    good = cfg.read_text(encoding="utf-8")
    cfg.write_text(good + "\nmarkdown_extensions:\n  - tidak_ada_ekstensi_ini\n", encoding="utf-8")
    assert main(["--root", str(repo), "build"]) == 1
    assert snapshot(site, mtimes=True) == before
    assert "MkDocs gagal" in capsys.readouterr().err

    cfg.write_text(good, encoding="utf-8")
    edit_back = repo / "agencies" / "disnaker-jember" / "2023.yaml"
    edit_back.write_text(edit_back.read_text(encoding="utf-8").replace("3899", "3900", 1), encoding="utf-8")
    monkeypatch.setattr(situs, "jalankan_pagefind", lambda staging: subprocess.CompletedProcess([], 1, "", "rusak"))
    assert main(["--root", str(repo), "build"]) == 1
    assert snapshot(site, mtimes=True) == before
    assert "Pagefind gagal" in capsys.readouterr().err
    monkeypatch.setattr(situs, "jalankan_pagefind", ASLI_PAGEFIND)

    # the next good build starts over (the staging folder is no longer trusted) and publishes
    out = build(repo, capsys)
    assert "MkDocs membangun semua halaman" in out and "Situs diperbarui di" in out
    assert (site / "disnaker-jember").is_dir()
    assert sorted(p.name for p in site.parent.iterdir() if p.name.startswith(".site")) == []


def test_a_changed_navigation_title_rebuilds_every_page(repo, capsys, tmp_path):
    build(repo, capsys)
    page = repo / "content" / "cara-membaca.md"  # under "Tentang Portal" (the guides are not in the navigation)
    text = page.read_text(encoding="utf-8")
    assert text.startswith("# ")
    page.write_text(text.replace("\n", " (diubah)\n", 1), encoding="utf-8")  # the nav shows this title on every page
    out = build(repo, capsys)
    assert "Navigasi situs berubah" in out, out
    assert "(diubah)" in (repo / "site" / "disnaker-jember" / "index.html").read_text(encoding="utf-8")
    # a cold build of the same input, from the same folder
    shutil.rmtree(repo / ".lkip-cache")
    shutil.rmtree(repo / "build")
    assert main(["--root", str(repo), "build", "--out", str(tmp_path / "dingin")]) == 0
    assert_same_site(repo / "site", tmp_path / "dingin")


def test_published_site_changed_by_hand_is_replaced_whole(repo, capsys):
    build(repo, capsys)
    site = repo / "site"
    good = snapshot(site)
    (site / "index.html").write_text("diubah", encoding="utf-8")
    (site / "tambahan.html").write_text("x", encoding="utf-8")
    out = build(repo, capsys)
    assert "MkDocs dan Pagefind dilewati" in out and "Situs dibangun di" in out
    assert snapshot(site) == good

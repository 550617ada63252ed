"""Publishing: the site directory is replaced only by a successful build, and builds are reproducible."""

import hashlib
import shutil
from pathlib import Path

import pytest

from generator.cli import main

ROOT = Path(__file__).resolve().parents[1]


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def repo(tmp_path):
    dst = tmp_path / "repo"
    dst.mkdir()
    for item in ("agencies", "site_config", "theme", "content"):
        shutil.copytree(ROOT / item, dst / item)
    shutil.copy2(ROOT / "mkdocs.yml", dst / "mkdocs.yml")
    return dst


def test_failed_builds_leave_the_published_site_byte_for_byte_untouched(repo, capsys):
    out = repo / "publik"
    assert main(["--root", str(repo), "build", "--out", str(out)]) == 0
    before = snapshot(out)
    assert "index.html" in before

    # 1. broken data: validation fails, nothing is touched
    year = repo / "agencies/disnakertrans-ppu/2024.yaml"
    good = year.read_text(encoding="utf-8")
    year.write_text(good.replace("tahun: 2024", "tahun: [2024", 1), encoding="utf-8")
    assert main(["--root", str(repo), "build", "--out", str(out)]) == 1
    assert snapshot(out) == before

    # 2. MkDocs itself fails (broken configuration): still untouched, non-zero exit
    year.write_text(good, encoding="utf-8")
    cfg = repo / "mkdocs.yml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "\nmarkdown_extensions:\n  - tidak_ada_ekstensi_ini\n", encoding="utf-8")
    assert main(["--root", str(repo), "build", "--out", str(out)]) == 1
    assert snapshot(out) == before
    err = capsys.readouterr().err
    assert "tidak diubah" in err and "Traceback" not in err
    # no temporary folders left behind
    assert sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".publik")) == []


def test_two_builds_of_the_same_input_are_identical(repo, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert main(["--root", str(repo), "build", "--out", str(a)]) == 0
    shutil.rmtree(repo / "build")  # from scratch, not from the first build's generated Markdown
    shutil.rmtree(repo / ".lkip-cache", ignore_errors=True)
    assert main(["--root", str(repo), "build", "--out", str(b)]) == 0
    sa, sb = snapshot(a), snapshot(b)
    assert sa.keys() == sb.keys()
    differing = [k for k in sa if sa[k] != sb[k]]
    assert differing == []


def test_sitemap_dates_come_from_source_date_epoch_not_the_clock(repo, tmp_path, monkeypatch):
    cfg = repo / "site_config/lkip.yaml"
    cfg.write_text(cfg.read_text(encoding="utf-8") + "url: https://lkip.contoh.go.id/\n", encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    out = tmp_path / "s"
    assert main(["--root", str(repo), "build", "--out", str(out)]) == 0
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-01-01</lastmod>" in sitemap

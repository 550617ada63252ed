"""The `lkip` verbs end to end on a small repository."""

import json
import shutil
from pathlib import Path

import pytest

from generator.cli import main
from generator.load import load_file

FIXTURE = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture
def repo(tmp_path):
    dst = tmp_path / "repo"
    shutil.copytree(FIXTURE, dst)
    return dst


def test_check_lists_printed_vs_computed_with_location(repo, capsys):
    assert main(["--root", str(repo), "check"]) == 0
    out = capsys.readouterr().out
    assert "agencies/dinas-contoh/2024.yaml:29:20: sasaran[0].indikator[0].tercetak.capaian: capaian 'Persentase contoh' tidak sesuai R/T×100: tercetak 133%, dihitung 132,00%" in out
    assert "1 temuan" in out


def test_check_strict_makes_findings_errors(repo, capsys):
    assert main(["--root", str(repo), "check", "--strict"]) == 1
    assert "galat: agencies/dinas-contoh/2024.yaml:29:20" in capsys.readouterr().out


def test_new_agency_then_year_copies_plan_and_empties_realisation(repo, capsys):
    assert main(["--root", str(repo), "new", "agency", "dinas-baru"]) == 0
    assert (repo / "agencies/dinas-baru/profil.yaml").exists()
    assert main(["--root", str(repo), "new", "year", "dinas-contoh", "2025"]) == 0
    new = load_file(repo / "agencies/dinas-contoh/2025.yaml").data
    assert new["tahun"] == 2025
    ind = new["sasaran"][0]["indikator"][0]
    assert ind["target"] == {2024: 25}
    assert "tercetak" not in ind
    assert new["anggaran"]["program"][0] == {"id": "prog-1", "nama": "Program Contoh"}
    # the old files are untouched and the new one validates (the new agency's placeholder profile too)
    capsys.readouterr()
    (repo / "agencies/dinas-baru").rename(repo.parent / "dinas-baru")  # placeholder has no real data yet
    assert main(["--root", str(repo), "validate"]) == 0, capsys.readouterr().err


def test_new_year_refuses_to_overwrite(repo, capsys):
    before = (repo / "agencies/dinas-contoh/2024.yaml").read_bytes()
    assert main(["--root", str(repo), "new", "year", "dinas-contoh", "2024"]) == 1
    assert (repo / "agencies/dinas-contoh/2024.yaml").read_bytes() == before


def test_new_agency_rejects_bad_slug(repo, capsys):
    assert main(["--root", str(repo), "new", "agency", "Dinas Baru"]) == 2


def test_schema_prints_both_files(repo, capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert set(schema) == {"profil", "laporan", "site"}
    assert "sasaran" in schema["laporan"]["properties"]
    assert schema["laporan"]["additionalProperties"] is False


def test_internal_error_has_no_traceback(repo, capsys, monkeypatch):
    import generator.validate as v

    def boom(root):
        raise RuntimeError("contoh")

    monkeypatch.setattr(v, "load_repo", boom)
    assert main(["--root", str(repo), "validate"]) == 3
    err = capsys.readouterr().err
    assert "Traceback" not in err and "galat internal" in err


def test_github_annotations_point_at_yaml_line(repo, capsys):
    p = repo / "agencies/dinas-contoh/2024.yaml"
    p.write_text(p.read_text(encoding="utf-8").replace("satuan: Persen", "satuan: [Persen]"), encoding="utf-8")
    assert main(["--root", str(repo), "--format", "github", "validate"]) == 1
    out = capsys.readouterr().out
    assert "::error file=agencies/dinas-contoh/2024.yaml,line=24,col=17::sasaran[0].indikator[0].satuan: harus berupa teks" in out


def test_serve_builds_serves_and_rebuilds_when_yaml_changes(repo):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    root = Path(__file__).resolve().parents[1]
    for item in ("theme", "content"):
        shutil.copytree(root / item, repo / item)
    shutil.copy2(root / "mkdocs.yml", repo / "mkdocs.yml")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "generator.cli", "--root", str(repo), "serve", "--addr", f"127.0.0.1:{port}"],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def title() -> str | None:
        try:
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2).read().decode("utf-8")
        except OSError:
            return None
        return page.split("<title>", 1)[1].split("</title>", 1)[0]

    def wait(pred, secs=90):
        end = time.monotonic() + secs
        while time.monotonic() < end:
            got = title()
            if pred(got):
                return got
            time.sleep(0.5)
        raise AssertionError(f"timeout; last title {got!r}")

    try:
        first = wait(lambda t: t is not None)
        cfg = repo / "site_config" / "lkip.yaml"
        text = cfg.read_text(encoding="utf-8")
        import re

        cfg.write_text(re.sub(r"(?m)^judul_situs: .*$", "judul_situs: Judul Setelah Diubah", text) if "judul_situs:" in text else text + "judul_situs: Judul Setelah Diubah\n", encoding="utf-8")
        assert wait(lambda t: t == "Judul Setelah Diubah") != first
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_build_strict_counts_warnings_and_leaves_the_site_alone(repo, capsys):
    """`lkip build --strict` fails on any warning (here an audit finding), as `mkdocs build --strict` does."""
    out = repo / "publik"
    assert main(["--root", str(repo), "build", "--strict", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "peringatan: agencies/dinas-contoh/2024.yaml:29:20" in err and "--strict menjadikannya galat" in err
    assert not out.exists()


def test_data_errors_come_back_once_with_location_and_exit_1(repo, capsys):
    year = repo / "agencies/dinas-contoh/2024.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("tahun: 2024", "tahun: [2024", 1), encoding="utf-8")
    assert main(["--root", str(repo), "build", "--out", str(repo / "publik")]) == 1
    err = capsys.readouterr().err
    assert "agencies/dinas-contoh/2024.yaml:" in err and err.count("galat ditemukan") == 1 and "Traceback" not in err

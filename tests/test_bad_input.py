"""Hostile or broken input: every case ends in a clear file:line:col message, exit 1, bounded time and memory,
and no traceback. The corpus lives in tests/corpus/*.yaml (first line `# harapan: <expected text>`); cases that
cannot be stored as text files (binary, huge, deeply nested) are generated here. Grow it with every new failure.
"""

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
FIXTURE = HERE / "fixtures" / "mini"
CORPUS = sorted((HERE / "corpus").glob("*.yaml"))
YEAR = "agencies/dinas-contoh/2024.yaml"
MEMORY_LIMIT = 1024 * 1024 * 1024  # 1 GiB address space for the whole validator process
TIME_LIMIT = 60


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_validate(repo: Path) -> tuple[int, str, float]:
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "generator.cli", "--root", str(repo), "validate"],
        capture_output=True, text=True, timeout=TIME_LIMIT, preexec_fn=_limits,
        env={**os.environ, "PYTHONPATH": str(HERE.parent)},
    )
    return proc.returncode, proc.stdout + proc.stderr, time.perf_counter() - start


@pytest.fixture
def repo(tmp_path):
    dst = tmp_path / "repo"
    shutil.copytree(FIXTURE, dst)
    return dst


def expect_clean_error(out: str, rc: int, expected: str) -> None:
    assert rc == 1, out
    assert "Traceback" not in out and "galat internal" not in out, out
    assert expected in out, out
    first = out.strip().splitlines()[0]
    assert first.startswith("agencies/") and first.split(":")[1].isdigit() and first.split(":")[2].isdigit(), first


@pytest.mark.parametrize("case", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_case(repo, case):
    text = case.read_text(encoding="utf-8")
    expected = text.splitlines()[0].removeprefix("# harapan:").strip()
    (repo / YEAR).write_text(text, encoding="utf-8")
    rc, out, _ = run_validate(repo)
    expect_clean_error(out, rc, expected.replace("2024.yaml:", f"{YEAR}:") if expected.startswith("2024.yaml") else expected)


def test_corpus_is_not_empty():
    assert len(CORPUS) >= 25


GENERATED = {
    "biner-acak": (bytes(range(256)) * 40, "berkas memuat byte nol"),
    "bukan-utf8": ("tahun: 2024\njudul: Laporan Kab. Bekasi \xe9\n".encode("latin-1"), f"{YEAR}:2:28: berkas bukan teks UTF-8"),
    "utf16": ("tahun: 2024\n".encode("utf-16"), "berkas memuat byte nol"),
    "terpotong": ((FIXTURE / YEAR).read_bytes()[:700], ""),
    "bom-alias": (
        ("a: &a [" + ",".join(["x"] * 10) + "]\n" + "".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 10) + "]\n" for p, c in zip("abcdefgh", "bcdefghi"))).encode(),
        "terlalu besar setelah alias diuraikan",
    ),
    "sarang-dalam": (("x: " + "[" * 5000 + "]" * 5000 + "\n").encode(), "bersarang terlalu dalam"),
    "sarang-peta-dalam": (("".join("  " * i + f"k{i}:\n" for i in range(200)) + "  " * 200 + "v: 1\n").encode(), "bersarang terlalu dalam"),
    "berkas-50mb": (b"tahun: 2024\njudul: '" + b"a" * (50 * 1024 * 1024) + b"'\n", "berkas terlalu besar"),
}


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_case(repo, name):
    content, expected = GENERATED[name]
    (repo / YEAR).write_bytes(content)
    rc, out, secs = run_validate(repo)
    expect_clean_error(out, rc, expected)
    assert secs < TIME_LIMIT


def test_bad_profile_and_bad_site_config(repo):
    (repo / "agencies/dinas-contoh/profil.yaml").write_text("nama: [\n", encoding="utf-8")
    (repo / "site_config/lkip.yaml").write_text("pemda: X\nmetode: {skala: tidak-ada}\n", encoding="utf-8")
    rc, out, _ = run_validate(repo)
    assert rc == 1 and "Traceback" not in out
    assert "agencies/dinas-contoh/profil.yaml:" in out
    assert "site_config/lkip.yaml:2:17: metode.skala: skala 'tidak-ada' tidak dikenal" in out

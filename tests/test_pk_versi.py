"""Perjanjian Kinerja changed more than once, with budgets per program, kegiatan or sasaran (issue 13), on
tests/fixtures/lengkap: PK (target 90, pagu Rp 3.000.000 for the program, Rp 1.000.000 for a kegiatan,
Rp 2.000.000 for a sasaran), a first revision (91; Rp 2.900.000) and the revision in force (92; Rp 2.750.000)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.validate import load_repo

ROOT = Path(__file__).resolve().parents[1]
LAP = "agencies/contoh-lengkap/2024.yaml"


def _repo(tmp: Path, ganti: tuple[str, str] | None = None) -> Path:
    shutil.copytree(ROOT / "tests/fixtures/lengkap", tmp / "repo")
    shutil.copytree(ROOT / "site_config", tmp / "repo/site_config")
    if ganti:
        f = tmp / "repo" / LAP
        teks = f.read_text(encoding="utf-8")
        assert teks.count(ganti[0]) == 1, ganti[0]
        f.write_text(teks.replace(*ganti), encoding="utf-8")
    return tmp / "repo"


@pytest.fixture(scope="module")
def dibangun(tmp_path_factory):
    repo = _repo(tmp_path_factory.mktemp("pk"))
    pipeline.generate(repo, pipeline.Timer(False), progress=False)
    return repo / "build/docs/contoh-lengkap/2024"


def test_every_version_has_its_column_and_the_target_in_force_is_the_last(dibangun):
    pk = (dibangun / "data/pk.csv").read_text(encoding="utf-8-sig").splitlines()
    assert pk[0] == "Kode,Indikator,Satuan,Target Perjanjian Kinerja,Target PK perubahan 1,Target PK perubahan 2"
    assert pk[2] == "–,Persentase layanan selesai tepat waktu,Persen,90%,91%,92%"
    ukur = (dibangun / "data/pengukuran.csv").read_text(encoding="utf-8-sig")
    assert '–,Persentase layanan selesai tepat waktu,Persen,92%,"85,5%","92,934%"' in ukur  # measured against 92: 85,5/92


def test_pk_budget_rows_per_program_kegiatan_and_sasaran(dibangun):
    rows = (dibangun / "data/anggaran-pk.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rows == [
        "Sasaran / program / kegiatan,Pagu PK (Rp),Pagu PK perubahan 1 (Rp),Pagu PK perubahan 2 (Rp),Keterangan",
        "Program Layanan Terpadu Lengkap,3.000.000,2.900.000,2.750.000,–",
        "Kegiatan Penyederhanaan Perizinan,1.000.000,–,–,Kegiatan yang dicantumkan tersendiri di PK",
        "Sasaran program: Meningkatnya kecepatan layanan perizinan,2.000.000,–,–,–",
        "Jumlah,6.000.000,2.900.000,2.750.000,–",
    ]
    lampiran = (dibangun.parent / "2024" / "lampiran.md").read_text(encoding="utf-8")
    assert lampiran.index("{: #lampiran-pk-perubahan-1 }") < lampiran.index("{: #lampiran-pk-perubahan }")


def test_audit_compares_a_kegiatan_in_the_pk_and_every_revision(tmp_path):
    from generator.pipeline import compute_repo

    repo = _repo(tmp_path, ("    - {program: keg-a, pagu: 1000000,", "    - {program: keg-a, pagu: 1234567,"))
    data, masalah = load_repo(repo)
    assert data is not None, [str(m) for m in masalah]
    temuan = [t for _, _, _, ts in compute_repo(data) for t in ts]
    pk = [t for t in temuan if t.jalur[:1] == ("perjanjian_kinerja",) and t.bidang == "pagu"]
    assert [(t.jalur, t.tercetak) for t in pk] == [
        (("perjanjian_kinerja", "anggaran", 1, "pagu"), "Rp 1.234.567"),  # neither the kegiatan's murni 1.000.000 nor 900.000
        (("perjanjian_kinerja", "perubahan_sebelumnya", 0, "anggaran", 0, "pagu"), "Rp 2.900.000"),  # the first revision
    ]
    assert "Kegiatan Penyederhanaan Perizinan" in pk[0].pesan


@pytest.mark.parametrize(("ganti", "pesan"), [
    (("    - {sasaran: ss-anak, pagu: 2000000}", "    - {sasaran: ss-tidak-ada, pagu: 2000000}"), "ss-tidak-ada"),
    (("    - {sasaran: ss-anak, pagu: 2000000}", "    - {sasaran: ss-anak, program: prog-a, pagu: 2000000}"), "tidak keduanya"),
    (("    - {program: keg-a, pagu: 1000000,", "    - {program: keg-x, pagu: 1000000,"), "keg-x"),
])
def test_bad_references_are_named(tmp_path, ganti, pesan):
    _, masalah = load_repo(_repo(tmp_path, ganti))
    teks = [str(m) for m in masalah]
    assert any(pesan in t and "perjanjian_kinerja.anggaran" in t and t.startswith(LAP + ":") for t in teks), teks

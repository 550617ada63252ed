"""Fixtures shared by the test modules."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def laporan():
    """The sample reports' read-only views (generator/render/view.py), by ``slug/tahun``."""
    from generator.pipeline import compute_repo
    from generator.render import LaporanView
    from generator.validate import load_repo

    repo, masalah = load_repo(ROOT)
    assert repo is not None, masalah
    return {f"{i.slug}/{b.tahun}": LaporanView(repo, i, b, h, t) for i, b, h, t in compute_repo(repo)}

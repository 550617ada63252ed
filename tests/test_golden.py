"""The sample site's generated pages match the committed golden manifest byte for byte.

A refactor must not change a page by accident. When a change is meant to alter output, rebuild the manifest with
``.venv/bin/python scripts/golden.py --update`` and review which pages changed (``--dump DIR`` + ``diff -r``).
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import golden  # noqa: E402


def test_sample_pages_match_the_golden_manifest(tmp_path):
    docs, site = golden.build_samples(tmp_path)
    found = golden.manifest(golden.texts(docs, site))
    expected = json.loads(golden.MANIFEST.read_text(encoding="utf-8"))
    assert len(expected) > 250
    assert golden.compare(found, expected) == []

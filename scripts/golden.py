"""Golden output of the sample site: a hash manifest of the generated Markdown and of each page's article HTML.

Refactors of the render stage are checked against it byte for byte (``tests/test_golden.py``)::

    .venv/bin/python scripts/golden.py            # build the samples, compare with tests/golden/sampel.json
    .venv/bin/python scripts/golden.py --update   # build the samples, rewrite the manifest (review the diff!)
    .venv/bin/python scripts/golden.py --dump DIR # also copy the compared texts to DIR, for `diff -r`

Only what this project produces is compared: the Markdown, CSV and JSON under ``build/docs`` and the
``<article>`` of every HTML page (the page chrome comes from Material and changes with its version). Chart
SVGs (matplotlib's bytes) and the Pagefind bundle have tests of their own.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MANIFEST = ROOT / "tests" / "golden" / "sampel.json"
_ARTICLE = re.compile(r'<article class="md-content__inner[^"]*">(.*?)</article>', re.S)


def texts(docs: Path, site: Path) -> dict[str, str]:
    """``docs/<rel>`` → text for generated data files, ``html/<rel>`` → the article of each page."""
    out: dict[str, str] = {}
    for p in sorted(docs.rglob("*")):
        if p.is_file() and p.suffix in (".md", ".csv", ".json"):
            out["docs/" + p.relative_to(docs).as_posix()] = p.read_text(encoding="utf-8")
    for p in sorted(site.rglob("*.html")):
        rel = p.relative_to(site).as_posix()
        if rel.startswith(("pagefind/", "assets/")) or rel == "404.html":
            continue
        m = _ARTICLE.search(p.read_text(encoding="utf-8"))
        out["html/" + rel] = m.group(1) if m else ""
    return out


def manifest(t: dict[str, str]) -> dict[str, str]:
    return {k: hashlib.sha256(v.encode("utf-8")).hexdigest() for k, v in t.items()}


def build_samples(work: Path) -> tuple[Path, Path]:
    """Build this repository's sample agencies in a copy (no cache, no earlier output)."""
    from generator.pipeline import build

    repo = work / "repo"
    repo.mkdir()
    for item in ("agencies", "site_config", "theme", "content"):
        shutil.copytree(ROOT / item, repo / item)
    shutil.copy2(ROOT / "mkdocs.yml", repo / "mkdocs.yml")
    if build(repo, repo / "site") != 0:
        raise SystemExit("pembangunan gagal")
    return repo / "build" / "docs", repo / "site"


def compare(found: dict[str, str], expected: dict[str, str]) -> list[str]:
    lines = [f"hilang: {k}" for k in sorted(expected.keys() - found.keys())]
    lines += [f"baru: {k}" for k in sorted(found.keys() - expected.keys())]
    lines += [f"berbeda: {k}" for k in sorted(found.keys() & expected.keys()) if found[k] != expected[k]]
    return lines


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--update", action="store_true")
    ap.add_argument("--dump", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lkip-golden-") as tmp:
        docs, site = build_samples(Path(tmp))
        t = texts(docs, site)
    if args.dump:
        for k, v in t.items():
            (args.dump / k).parent.mkdir(parents=True, exist_ok=True)
            (args.dump / k).write_text(v, encoding="utf-8")
    found = manifest(t)
    if args.update:
        MANIFEST.parent.mkdir(parents=True, exist_ok=True)
        MANIFEST.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{MANIFEST.relative_to(ROOT)}: {len(found)} berkas")
        return 0
    diff = compare(found, json.loads(MANIFEST.read_text(encoding="utf-8")))
    print("\n".join(diff) or f"sama: {len(found)} berkas")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())

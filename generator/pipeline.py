"""Orchestration of the stages, shared by the CLI verbs and the tests."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from .check import Temuan, audit
from .compute import HasilLaporan, hitung
from .validate import BerkasLaporan, Instansi, Repo


def docs_dir(root: Path) -> Path:
    """Where generated Markdown goes (mkdocs.yml's docs_dir); never committed."""
    return root / "build" / "docs"


def compute_repo(repo: Repo):
    """Yield (agency, report file, computed report, audit findings) for every report, oldest year first."""
    for inst in repo.instansi:
        for tahun, b in sorted(inst.laporan.items()):
            earlier = {t: x.model for t, x in inst.laporan.items() if t < tahun}
            h = hitung(b.model, b.metode, earlier)
            yield inst, b, h, audit(b, h)


class Timer:
    def __init__(self, enabled: bool):
        self.enabled, self.rows = enabled, []

    def stage(self, name: str, start: float) -> float:
        now = time.perf_counter()
        self.rows.append((name, now - start))
        return now

    def report(self) -> None:
        if self.enabled:
            for name, secs in self.rows:
                print(f"  {name:<18} {secs:8.2f} s")


def build(root: Path, out: Path | None, timings: bool = False, mkdocs: bool = True) -> int:
    """Validate, compute, render Markdown, then build the site into ``out`` atomically."""
    from .cli import _load
    from .render import render_site

    timer = Timer(timings)
    t = time.perf_counter()
    repo = _load(root)
    if repo is None:
        return 1
    t = timer.stage("muat + validasi", t)
    results: list[tuple[Instansi, BerkasLaporan, HasilLaporan, list[Temuan]]] = list(compute_repo(repo))
    t = timer.stage("hitung + periksa", t)
    n_findings = sum(len(r[3]) for r in results)
    for _, _, _, temuan in results:
        for f in temuan:
            print(f"peringatan: {f}", file=sys.stderr)
    from .cli import write_schemas

    write_schemas(root / "build" / "schema")
    stats = render_site(repo, results, docs_dir(root))
    g = stats["grafik"]
    timer.rows.append(("render Markdown", time.perf_counter() - t - g["detik"]))
    timer.rows.append(("grafik", g["detik"]))
    t = time.perf_counter()
    print(f"{stats['halaman']} halaman Markdown dihasilkan; {g['berkas']} grafik ({g['dirender']} digambar, "
          f"{g['dari_cache']} dari cache); {n_findings} temuan pemeriksaan data.")
    if not mkdocs:
        timer.report()
        return 0
    out = (out or root / "site").resolve()
    rc = run_mkdocs(root, out)
    timer.stage("MkDocs", t)
    timer.report()
    return rc


def source_date_epoch(root: Path) -> str:
    """Dates MkDocs writes (sitemap) come from the last commit, not the clock: same commit, same bytes."""
    import subprocess

    try:
        proc = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return "0"
    out = proc.stdout.strip()
    return out if proc.returncode == 0 and out.isdigit() else "0"


def run_mkdocs(root: Path, out: Path) -> int:
    """Build into a temporary folder beside ``out`` and swap it in only on success."""
    import subprocess

    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    env = dict(os.environ)
    env.setdefault("SOURCE_DATE_EPOCH", source_date_epoch(root))
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(root / "mkdocs.yml"), "-d", str(tmp)], env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        shutil.rmtree(tmp, ignore_errors=True)
        print(proc.stderr[-4000:], file=sys.stderr)
        print(f"MkDocs gagal; {out} tidak diubah.", file=sys.stderr)
        return 1
    old = out.with_name(f".{out.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    shutil.rmtree(old, ignore_errors=True)
    print(f"Situs dibangun di {out}")
    return 0

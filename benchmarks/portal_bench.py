"""Benchmark: a 40-agency × 3-year demo portal built cold, warm (no change) and after editing one agency.

Prints each stage's time, the MkDocs share, output size and size per page. Usage:

    .venv/bin/python benchmarks/portal_bench.py [--agencies 40] [--years 3]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LKIP = [sys.executable, "-m", "generator.cli"]


def build(repo: Path) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.run(LKIP + ["--root", str(repo), "build", "--timings"], capture_output=True, text=True)
    total = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:])
        raise SystemExit("build gagal")
    stages = {m[1].strip(): float(m[2]) for m in re.finditer(r"^\s+(.+?)\s+([\d.]+) s$", proc.stdout, re.M)}
    stages["total"] = total
    counts = re.search(r"(\d+) halaman Markdown", proc.stdout)
    stages["halaman"] = float(counts[1]) if counts else 0
    charts = re.search(r"(\d+) grafik", proc.stdout)
    stages["grafik"] = float(charts[1]) if charts else 0
    return stages


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.name == "index.html")
    return sum(p.stat().st_size for p in files), pages


def show(label: str, s: dict[str, float]) -> None:
    mk = s.get("MkDocs", 0.0)
    gen = s["total"] - mk
    print(f"\n{label}: total {s['total']:.2f} s; MkDocs {mk:.2f} s; generasi (di luar MkDocs) {gen:.2f} s "
          f"= {100 * gen / mk if mk else 0:.1f}% dari MkDocs")
    for k, v in s.items():
        if k not in ("total", "halaman", "grafik"):
            print(f"    {k:<20} {v:8.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=40)
    ap.add_argument("--years", type=int, default=3)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lkip-bench-"))
    repo = tmp / "portal"
    subprocess.run(LKIP + ["--root", str(ROOT), "demo-portal", "--agencies", str(args.agencies), "--years", str(args.years), "--out", str(repo)], check=True)
    print(f"Portal: {args.agencies} instansi × {args.years} tahun di {repo}")
    cold = build(repo)
    show("Dingin (cold)", cold)
    warm = build(repo)
    show("Hangat, tanpa perubahan", warm)
    # edit one agency's realisasi
    victim = sorted((repo / "agencies").iterdir())[0]
    year_file = sorted(victim.glob("*.yaml"))[-1]
    text = year_file.read_text(encoding="utf-8")
    text = re.sub(r"(realisasi:\n(?:\s+\d{4}: .*\n)*?\s+(\d{4}): )(\d+)", lambda m: m[1] + str(int(m[3]) + 1), text, count=1)
    year_file.write_text(text, encoding="utf-8")
    one = build(repo)
    show("Setelah mengubah realisasi satu instansi", one)
    total_bytes, pages = size(repo / "site")
    print(f"\nKeluaran: {total_bytes / 1e6:.1f} MB, {pages} halaman HTML, {total_bytes / max(pages, 1) / 1e3:.1f} KB per halaman")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

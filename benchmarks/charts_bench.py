"""Benchmark of the chart stage on the sample agencies (or a synthetic portal).

Prints charts per report, planning time, CPU time per chart, and cold vs warm time of ``render_charts``:
cold = empty cache (parallel, then single-process), warm = same data again (everything from the cache), and
after one agency's realisasi changes (only its charts re-render). CPU time (this process plus its finished
worker processes, ``os.times``) is the figure to compare: wall time depends on what else the machine runs.
``--ulang N`` also draws every chart N times in this process (``draw_svg``, no cache, no pool) and prints the
best and median CPU ms per chart. Usage::

    .venv/bin/python benchmarks/charts_bench.py [--root .] [--portal 10 --years 3] [--workers N] [--ulang 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import shutil
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.charts import draw_svg, plan_charts, render_charts  # noqa: E402
from generator.compute import hitung  # noqa: E402
from generator.pipeline import compute_repo  # noqa: E402
from generator.validate import load_repo  # noqa: E402


def load(root: Path):
    repo, masalah = load_repo(root)
    if repo is None:
        for m in masalah[:20]:
            print(m)
        raise SystemExit(f"{root}: data tidak valid")
    return [(inst, b, h) for inst, b, h, _ in compute_repo(repo)]


def plan_all(results, out: Path):
    t = time.perf_counter()
    jobs = [(out / inst.slug / str(b.tahun), plan_charts(inst, b, h)) for inst, b, h in results]
    return jobs, time.perf_counter() - t


def cpu() -> float:
    """CPU seconds of this process and of its children that have finished (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def run(label: str, jobs, cache: Path, workers: int | None) -> dict:
    c = cpu()
    stats = render_charts(jobs, cache, workers=workers)
    c = cpu() - c
    n = stats["dirender"]
    per = f"{1000 * c / n:6.1f} ms CPU/grafik" if n else "       –          "
    print(f"  {label:<44} {stats['detik']:6.2f} s   CPU {c:6.2f} s   dirender {n:4d}   dari cache {stats['dari_cache']:4d}   {per}")
    return stats


def ulang(jobs, n: int) -> None:
    """Draw every planned chart ``n`` times in this process; CPU ms per chart (best and median of the runs)."""
    specs = [s for _, ss in jobs for s in ss]
    draw_svg(specs[0])  # imports matplotlib and fills its font caches, as a worker's first chart does
    per = []
    for _ in range(n):
        t = time.process_time()
        for s in specs:
            draw_svg(s)
        per.append(1000 * (time.process_time() - t) / len(specs))
    print(f"\ndraw_svg dalam satu proses, {len(specs)} grafik × {n}: terbaik {min(per):.1f} ms CPU/grafik, "
          f"median {statistics.median(per):.1f} ms CPU/grafik")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", type=Path, default=ROOT)
    ap.add_argument("--portal", type=int, default=0, help="pakai portal sintetis N instansi (lkip demo-portal)")
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--workers", type=int, default=None)
    ap.add_argument("--ulang", type=int, default=0, help="gambar semua grafik N kali dalam satu proses (CPU ms per grafik)")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lkip-charts-bench-"))
    try:
        root = args.root.resolve()
        if args.portal:
            from generator.demo import demo_portal

            root = tmp / "portal"
            demo_portal(ROOT, root, args.portal, args.years)
        t = time.perf_counter()
        results = load(root)
        print(f"Data: {root} — {len(results)} laporan (muat + hitung {time.perf_counter() - t:.2f} s); "
              f"{os.cpu_count()} CPU; workers={args.workers or 'default'}")
        out = tmp / "docs"
        jobs, t_plan = plan_all(results, out)
        total = sum(len(s) for _, s in jobs)
        print(f"\nGrafik per laporan (rencana {1000 * t_plan / max(len(jobs), 1):.1f} ms/laporan, tanpa matplotlib):")
        if len(jobs) <= 12:
            for (folder, specs), (inst, b, _h) in zip(jobs, results):
                kinds: dict[str, int] = {}
                for s in specs:
                    k = "tren indikator" if s.chart.id.startswith("ind-") else s.chart.id if not s.data.get("yaml") else "grafik YAML"
                    kinds[k] = kinds.get(k, 0) + 1
                print(f"  {inst.slug} {b.tahun}: {len(specs):3d}  ({', '.join(f'{v}× {k}' for k, v in kinds.items())})")
        print(f"  jumlah: {total} grafik, rata-rata {total / max(len(jobs), 1):.1f} per laporan")

        print("\nTahap grafik (render_charts):")
        cache = tmp / "cache"
        run("dingin, paralel", jobs, cache, args.workers)
        run("hangat, tanpa perubahan", jobs, cache, args.workers)
        shutil.rmtree(cache)
        shutil.rmtree(out)
        run("dingin, satu proses (workers=1)", jobs, cache, 1)

        # change one realisasi in the first report and recompute it
        inst, b, _h = results[0]
        ind = next((i for s in b.model.sasaran for i in s.indikator if isinstance(i.realisasi.get(b.tahun), Decimal)), None)
        if ind is not None:
            ind.realisasi[b.tahun] += 1
            earlier = {t_: x.model for t_, x in inst.laporan.items() if t_ < b.tahun}
            results[0] = (inst, b, hitung(b.model, b.metode, earlier))
            jobs2, _ = plan_all(results, out)
            run(f"setelah mengubah 1 realisasi ({inst.slug} {b.tahun})", jobs2, cache, args.workers)
        if args.ulang:
            ulang(jobs, args.ulang)
        svgs = list(out.rglob("*.svg"))
        size = sum(p.stat().st_size for p in svgs)
        print(f"\nKeluaran: {len(svgs)} SVG, {size / 1e3:.0f} KB ({size / max(len(svgs), 1) / 1e3:.1f} KB per grafik)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

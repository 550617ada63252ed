"""Benchmark: a 40-agency × 3-year demo portal built cold, warm (no change) and after editing one agency.

Prints each stage's time, the generation share of the MkDocs stage (the targets of the scale issue: cold total
≤ 1,5 × MkDocs, no-change generation ≤ 5 % of MkDocs, one-agency change ≤ 10 %), output size and size per page,
and — with ``--linear`` — the output size of smaller portals, to show it grows linearly with pages. Usage:

    .venv/bin/python benchmarks/portal_bench.py [--agencies 40] [--years 3] [--linear 10,20] [--verify]

"Generation" is everything ``lkip build`` does outside the publish stage (generator/situs.py: "periksa situs" —
deciding what MkDocs must redo —, MkDocs, Pagefind, and "ganti situs" — copying what changed into the published
folder, or copying it whole and swapping it in), measured as the wall time of the whole command minus
those stages (so Python start-up and imports count as generation).
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
SITE_STAGES = ("periksa situs", "MkDocs", "Pagefind", "ganti situs")


def build(repo: Path) -> dict[str, float]:
    start = time.perf_counter()
    proc = subprocess.run(LKIP + ["--root", str(repo), "build", "--timings"], capture_output=True, text=True)
    total = time.perf_counter() - start
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:])
        raise SystemExit("build gagal")
    stages = {m[1].strip(): float(m[2]) for m in re.finditer(r"^\s+(.+?)\s+([\d.]+) s$", proc.stdout, re.M)}
    stages["total"] = total
    line = re.search(r"^(\d+) halaman Markdown.*?(\d+) grafik \((\d+) digambar", proc.stdout, re.M)
    stages["_halaman"], stages["_grafik"], stages["_digambar"] = (float(line[1]), float(line[2]), float(line[3])) if line else (0, 0, 0)
    # what the publish stage decided (skipped, partial or full MkDocs; files copied)
    stages["_pesan"] = re.findall(r"^(Masukan situs tidak berubah.*|MkDocs membangun.*|Navigasi situs berubah.*|Situs (?:di|diperbarui|dibangun).*)$",
                                  proc.stdout, re.M)
    return stages


def size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    pages = sum(1 for p in files if p.name == "index.html")
    return sum(p.stat().st_size for p in files), pages


def show(label: str, s: dict[str, float]) -> None:
    mk = s.get("MkDocs", 0.0)
    site = sum(s.get(k, 0.0) for k in SITE_STAGES)
    gen = s["total"] - site
    print(f"\n{label}: total {s['total']:.2f} s = {s['total'] / mk if mk else 0:.2f} × MkDocs; MkDocs {mk:.2f} s; "
          f"Pagefind {s.get('Pagefind', 0):.2f} s; periksa situs {s.get('periksa situs', 0):.2f} s; ganti situs {s.get('ganti situs', 0):.2f} s; generasi {gen:.2f} s = {100 * gen / mk if mk else 0:.1f}% dari MkDocs; "
          f"{s['_grafik']:.0f} grafik ({s['_digambar']:.0f} digambar)")
    for msg in s.get("_pesan", []):
        print(f"    » {msg}")
    for k, v in s.items():
        if k not in ("total",) and not k.startswith("_"):
            print(f"    {k:<24} {v:8.2f} s")


def verify(repo: Path, fresh: Path) -> None:
    """The incremental build's site/ must hold the bytes of a cold build of the same input."""
    shutil.copytree(repo, fresh, ignore=lambda d, names: [n for n in names if d == str(repo) and n in ("site", "build", ".lkip-cache")])
    cold = build(fresh)
    show("Pembanding dingin (salinan baru, masukan yang sama)", cold)
    a, b = digest(repo / "site"), digest(fresh / "site")
    diff = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
    print(f"\nInkremental vs dingin: {len(a)} berkas; " + ("identik byte demi byte" if not diff else f"{len(diff)} berbeda: {diff[:10]}"))


def digest(folder: Path) -> dict[str, str]:
    import hashlib

    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def portal(tmp: Path, agencies: int, years: int) -> Path:
    repo = tmp / f"portal-{agencies}x{years}"
    subprocess.run(LKIP + ["--root", str(ROOT), "demo-portal", "--agencies", str(agencies), "--years", str(years), "--out", str(repo)],
                   check=True, capture_output=True)
    return repo


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--agencies", type=int, default=40)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--linear", default="", help="comma-separated smaller agency counts to compare output size with")
    ap.add_argument("--verify", action="store_true", help="also build the edited portal cold in a fresh copy and compare every published byte")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="lkip-bench-"))
    try:
        repo = portal(tmp, args.agencies, args.years)
        print(f"Portal: {args.agencies} instansi × {args.years} tahun ({repo})")
        cold = build(repo)
        show("Dingin (cold, tanpa cache)", cold)
        warm = build(repo)
        show("Hangat, tanpa perubahan", warm)
        # edit one agency's realisasi (the first indicator's latest value) in its latest year
        victim = sorted((repo / "agencies").iterdir())[0]
        year_file = sorted(victim.glob("[0-9][0-9][0-9][0-9].yaml"))[-1]
        text = year_file.read_text(encoding="utf-8")
        y = year_file.stem
        edited = re.sub(rf"(realisasi:\n(?:\s+\d{{4}}: .*\n)*?\s+{y}: )(\d+)", lambda m: m[1] + str(int(m[2]) + 1), text, count=1)
        assert edited != text, "tidak menemukan realisasi untuk diubah"
        year_file.write_text(edited, encoding="utf-8")
        one = build(repo)
        show(f"Setelah mengubah realisasi satu instansi ({victim.name}/{year_file.name})", one)
        total_bytes, pages = size(repo / "site")
        print(f"\nKeluaran {args.agencies}×{args.years}: {total_bytes / 1e6:.1f} MB, {pages} halaman HTML, "
              f"{total_bytes / max(pages, 1) / 1e3:.1f} KB per halaman")
        if args.verify:
            verify(repo, tmp / "dingin")
        for n in [int(x) for x in args.linear.split(",") if x.strip()]:
            small = portal(tmp, n, args.years)
            build(small)
            b, p = size(small / "site")
            print(f"Keluaran {n}×{args.years}: {b / 1e6:.1f} MB, {p} halaman HTML, {b / max(p, 1) / 1e3:.1f} KB per halaman")
            shutil.rmtree(small, ignore_errors=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

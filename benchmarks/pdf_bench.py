"""Benchmark: the PDF of each report (issue 15) — time per report, size, pages, tagging — and its share of a portal build.

    .venv/bin/python benchmarks/pdf_bench.py                 # the three sample reports, cold (PDF cache emptied)
    .venv/bin/python benchmarks/pdf_bench.py --portal 40x3   # also a cold demo portal build, with and without PDFs

Per sample: the time to make the Typst source in the render worker (print page → HTML → Typst markup,
"susun"), the Typst compile time (cold), the PDF size, page count, and structure-tree counts read back with pypdf
(headings, tables, header cells, figures with alt text). With ``--portal``: ``lkip build --timings`` on a
``lkip demo-portal`` copy, once with ``pdf: {aktif: false}`` and once with PDFs, cold each time; prints both
totals, MkDocs, the PDF stage (summed over reports, done in a thread while MkDocs and Pagefind run) and the
time the build waited for it after Pagefind ("grafik + PDF (sisa)").
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
LKIP = [sys.executable, "-m", "generator.cli"]


def struktur(data: bytes) -> dict[str, int]:
    import pypdf

    r = pypdf.PdfReader(io.BytesIO(data))
    n: dict[str, int] = {"halaman": len(r.pages)}

    def walk(node):
        node = node.get_object() if hasattr(node, "get_object") else node
        if isinstance(node, list):
            for k in node:
                walk(k)
            return
        if not hasattr(node, "get"):
            return
        s = node.get("/S")
        if s is not None:
            n[str(s)] = n.get(str(s), 0) + 1
            if str(s) == "/Figure" and str(node.get("/Alt", "")).strip():
                n["alt"] = n.get("alt", 0) + 1
        if "/K" in node:
            walk(node["/K"])

    walk(r.trailer["/Root"]["/StructTreeRoot"])
    n["lang"] = str(r.trailer["/Root"].get("/Lang"))
    return n


def sampel() -> None:
    from generator.charts import plan_charts, render_charts
    from generator.pdf.mesin import _isi_berkas, folder_templat, kompilasi
    from generator.pipeline import compute_repo
    from generator.render import Kumpul, LaporanView, buat_env, template_dir
    from generator.render.laporan import render_laporan
    from generator.validate import load_repo

    repo, _ = load_repo(ROOT)
    env = buat_env(template_dir(ROOT))
    print("| Laporan | susun (s) | Typst (s) | ukuran | halaman | H1–H4 | tabel | TH | gambar (dengan alt) |")
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp)
        for inst, b, h, temuan in compute_repo(repo):
            specs = plan_charts(inst, b, h)
            render_charts([(docs / inst.slug / str(b.tahun), specs)], ROOT / ".lkip-cache" / "grafik", workers=1)
            v = LaporanView(repo, inst, b, h, temuan, [s.chart for s in specs])
            w = Kumpul()
            render_laporan(env, v, w)
            t = time.perf_counter()
            w2 = Kumpul()
            render_laporan(env, v, w2)
            t_render_pdf = time.perf_counter() - t
            w3 = Kumpul()
            del w3.pdf  # a writer without a PDF list: the render alone
            t = time.perf_counter()
            render_laporan(env, v, w3)
            t_render = time.perf_counter() - t
            s = w.pdf[0]
            berkas = _isi_berkas(s, docs)
            t = time.perf_counter()
            data = kompilasi(s, berkas, folder_templat(ROOT))
            t_typst = time.perf_counter() - t
            n = struktur(data)
            heads = sum(n.get(f"/H{i}", 0) for i in range(1, 5))
            print(f"| {inst.slug} {b.tahun} | {t_render_pdf - t_render:.2f} | {t_typst:.2f} | {len(data) / 1024:.0f} KB | {n['halaman']} | {heads} | "
                  f"{n.get('/Table', 0)} | {n.get('/TH', 0)} | {n.get('/Figure', 0)} ({n.get('alt', 0)}) |  lang={n['lang']}")


def bangun(repo: Path) -> dict[str, float]:
    t = time.perf_counter()
    proc = subprocess.run(LKIP + ["--root", str(repo), "build", "--timings"], capture_output=True, text=True, env=dict(os.environ, SOURCE_DATE_EPOCH="1735689600"))
    total = time.perf_counter() - t
    if proc.returncode:
        print(proc.stdout[-2000:], proc.stderr[-2000:])
        raise SystemExit("build gagal")
    st = {m[1].strip(): float(m[2]) for m in re.finditer(r"^\s+(.+?)\s+([\d.]+) s$", proc.stdout, re.M)}
    st["total"] = total
    return st


def portal(spec: str) -> None:
    a, y = (int(x) for x in spec.lower().split("x"))
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "portal"
        subprocess.run(LKIP + ["--root", str(ROOT), "demo-portal", "--agencies", str(a), "--years", str(y), "--out", str(repo)], check=True, capture_output=True)
        cfg = repo / "site_config" / "lkip.yaml"
        asli = cfg.read_text(encoding="utf-8")
        for label, extra in (("tanpa PDF", "pdf:\n  aktif: false\n"), ("dengan PDF", "")):
            shutil.rmtree(repo / ".lkip-cache", ignore_errors=True)
            shutil.rmtree(repo / "site", ignore_errors=True)
            cfg.write_text(asli + extra, encoding="utf-8")
            st = bangun(repo)
            pdf = next((v for k, v in st.items() if k.startswith("PDF")), 0.0)
            pdfs = list((repo / "build" / "docs").glob("*/*/laporan-*.pdf"))
            size = sum(p.stat().st_size for p in pdfs)
            print(f"{label}: total {st['total']:.1f} s; MkDocs {st.get('MkDocs', 0):.1f} s; Pagefind {st.get('Pagefind', 0):.1f} s; "
                  f"render Markdown* {st.get('render Markdown *', 0):.1f} s; PDF* {pdf:.1f} s untuk {len(pdfs)} PDF "
                  f"({pdf / max(1, len(pdfs)):.2f} s/laporan, {size / 1e6:.1f} MB); menunggu sesudah Pagefind {st.get('grafik + PDF (sisa)', 0):.1f} s")
        st = bangun(repo)
        print(f"hangat, tanpa perubahan: total {st['total']:.1f} s; PDF {next((v for k, v in st.items() if k.startswith('PDF')), 0.0):.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--portal", help="mis. 40x3: bangun portal demo dingin dengan dan tanpa PDF")
    args = ap.parse_args()
    sampel()
    if args.portal:
        portal(args.portal)


if __name__ == "__main__":
    main()

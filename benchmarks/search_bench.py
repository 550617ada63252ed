"""Benchmark: Pagefind (the portal's search) against Material's built-in search on the same site.

Builds the site twice from the same Markdown: as published (``lkip build``: Material's search plugin off,
Pagefind index) and with Material's ``search`` plugin switched back on (a temporary config that INHERITs
mkdocs.yml). Prints the search files' size on disk, then, in Chromium with an empty cache, the bytes the
browser fetches for one typical query typed into the header search of each site. Figures only, no asserts::

    .venv/bin/python benchmarks/search_bench.py [--query "pelatihan kerja"] [--agencies 40 --years 3]

With ``--agencies`` the benchmark runs on a synthetic portal (``lkip demo-portal``) instead of agencies/.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.pencarian import run_pagefind  # noqa: E402
from generator.pipeline import build, source_date_epoch  # noqa: E402

CHROMIUM = os.environ.get("LKIP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
PAGE = "/"  # the page the visitor searches from


def kb(n: float) -> str:
    return f"{n / 1024:8.1f} KB"


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def build_material(root: Path, out: Path) -> None:
    """The same docs built with Material's search plugin on (lunr, English tokeniser as before Pagefind)."""
    cfg = Path(tempfile.mkdtemp(prefix="lkip-material-")) / "mkdocs.yml"
    cfg.write_text(
        f"INHERIT: {root / 'mkdocs.yml'}\n"
        f"docs_dir: {root / 'build' / 'docs'}\n"
        f"theme:\n  custom_dir: {root / 'theme' / 'overrides'}\n"
        "plugins:\n  - search:\n      lang: en\n",
        encoding="utf-8",
    )
    env = dict(os.environ, SOURCE_DATE_EPOCH=source_date_epoch(root))
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(cfg), "-d", str(out)], check=True, env=env)
    shutil.rmtree(cfg.parent, ignore_errors=True)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(folder: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def fetched(browser, folder: Path, query: str, kind: str) -> tuple[list[tuple[str, int, int, str]], float]:
    """(path, bytes, gzip-9 bytes, when) of every response while loading PAGE and searching ``query``."""
    server, url = serve(folder)
    rows: list[tuple[str, int, int, str]] = []
    phase = ["halaman"]
    context = browser.new_context(locale="id-ID")  # new context: empty cache
    try:
        page = context.new_page()

        def on_response(resp):
            try:
                body = resp.body()
            except Exception:  # redirects and the like have no body
                return
            rows.append((resp.url.removeprefix(url), len(body), len(gzip.compress(body, 9)), phase[0]))

        page.on("response", on_response)
        page.goto(url + PAGE, wait_until="networkidle")
        phase[0] = "pencarian"
        start = time.perf_counter()
        if kind == "pagefind":
            page.locator(".lkip-cari .pf-trigger-btn").click()
            page.keyboard.type(query)
            page.wait_for_selector("pagefind-results a.pf-result-link")
        else:
            page.locator(".md-search__input").click()  # the header field (desktop width)
            page.keyboard.type(query)
            page.wait_for_selector(".md-search-result__item")
        page.wait_for_load_state("networkidle")
        took = time.perf_counter() - start
    finally:
        context.close()
        server.shutdown()
    return rows, took


def search_rows(rows, kind: str):
    if kind == "pagefind":
        return [r for r in rows if r[0].startswith("/pagefind/")]
    return [r for r in rows if "/search/" in r[0] or "/workers/" in r[0] or "/lunr/" in r[0]]


def report(label: str, rows, took: float, kind: str) -> None:
    mine = search_rows(rows, kind)
    print(f"\n{label}: {len(mine)} permintaan untuk pencarian, hasil tampil {took:.2f} s setelah klik")
    for phase in ("halaman", "pencarian"):
        part = [r for r in mine if r[3] == phase]
        if part:
            print(f"  {'saat halaman dimuat' if phase == 'halaman' else 'saat mengetik kueri'}:"
                  f" {kb(sum(r[1] for r in part))} (gzip ≈{kb(sum(r[2] for r in part)).strip()})")
            for path, n, z, _ in sorted(part, key=lambda r: -r[1]):
                print(f"    {kb(n)}  gzip ≈{kb(z).strip():>10}  {path}")
    total, total_z = sum(r[1] for r in mine), sum(r[2] for r in mine)
    print(f"  jumlah: {kb(total)} (gzip ≈{kb(total_z).strip()})")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--query", default="pelatihan kerja")
    ap.add_argument("--agencies", type=int, default=0, help="portal sintetis dengan N instansi (0: agencies/ repositori ini)")
    ap.add_argument("--years", type=int, default=3)
    args = ap.parse_args()

    tmp = Path(tempfile.mkdtemp(prefix="lkip-search-bench-"))
    root = ROOT
    if args.agencies:
        root = tmp / "portal"
        subprocess.run([sys.executable, "-m", "generator.cli", "--root", str(ROOT), "demo-portal", "--agencies", str(args.agencies),
                        "--years", str(args.years), "--out", str(root)], check=True, capture_output=True)
    pf_site, md_site = tmp / "pagefind-site", tmp / "material-site"
    print(f"Membangun {root} (Pagefind) …")
    if build(root, pf_site, timings=True) != 0:
        raise SystemExit("build gagal")
    print("Membangun ulang dengan plugin search Material …")
    build_material(root, md_site)

    pages = sum(1 for p in pf_site.rglob("index.html") if "pagefind" not in p.parts)
    times = []
    for _ in range(3):
        copy = tmp / "reindex"
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(pf_site, copy, ignore=shutil.ignore_patterns("pagefind"))
        t = time.perf_counter()
        assert run_pagefind(copy).returncode == 0
        times.append(time.perf_counter() - t)
    print(f"\n{pages} halaman. Waktu indeks Pagefind: {min(times):.2f} s (terbaik dari 3), {sum(times) / 3:.2f} s rata-rata")

    pf = pf_site / "pagefind"
    index_only = sum(p.stat().st_size for p in pf.rglob("*") if p.is_file() and (p.suffix.startswith(".pf_") or p.name.startswith("wasm.")))
    print("\nUkuran di disk")
    print(f"  Pagefind, seluruh folder pagefind/     {kb(folder_size(pf))}  ({sum(1 for p in pf.rglob('*') if p.is_file())} berkas)")
    print(f"    indeks + wasm (.pf_*, wasm.*)        {kb(index_only)}")
    print(f"    dipakai situs: component UI js+css   {kb((pf / 'pagefind-component-ui.js').stat().st_size + (pf / 'pagefind-component-ui.css').stat().st_size)}")
    md_index = md_site / "search" / "search_index.json"
    worker = sum(p.stat().st_size for p in (md_site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    print(f"  Material, search/search_index.json     {kb(md_index.stat().st_size)}")
    print(f"    + worker lunr (workers/search.*.js)  {kb(worker)}")

    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        try:
            print(f"\nUnduhan satu pencarian {args.query!r} dari {PAGE} (cache kosong; server tanpa kompresi, gzip = perkiraan bila server memampatkan)")
            rows, took = fetched(browser, pf_site, args.query, "pagefind")
            report("Pagefind", rows, took, "pagefind")
            rows, took = fetched(browser, md_site, args.query, "material")
            report("Material (lunr)", rows, took, "material")
        finally:
            browser.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

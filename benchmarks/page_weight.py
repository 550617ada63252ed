"""Weight of one report page as a browser loads it: the HTML (raw and gzip) and every CSS, JS, image and font it
pulls in, measured in Debian's Chromium by summing response bodies; requests to other hosts are blocked and
counted (there should be none). Figures only, no assertions.

    .venv/bin/python benchmarks/page_weight.py                       # build the sample site, measure BAB III
    .venv/bin/python benchmarks/page_weight.py --site site/          # an already built site
    .venv/bin/python benchmarks/page_weight.py --path /disnaker-jember/2023/bab-3/ --width 375 --height 740

"At load" is what the page fetches by itself; "after scrolling" adds the images loaded lazily (charts below the
fold) once the reader has scrolled to the end. The local server sends no compression, so the gzip column
estimates what a server with gzip would send for the text files (HTML, CSS, JS, SVG, JSON).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import shutil
import sys
import tempfile
import threading
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CHROMIUM = os.environ.get("LKIP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TEKS = (".html", ".css", ".js", ".mjs", ".svg", ".json", ".xml", ".txt", ".csv")


class _Diam(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def kb(n: int) -> str:
    return f"{n / 1024:8.1f} KB"


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def br(data: bytes) -> int:
    import brotli

    return len(brotli.compress(data, quality=5))  # the .br files lkip build writes (generator/kompres.py)


def ukur(site: Path, path: str, width: int, height: int) -> None:
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Diam, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(locale="id-ID", viewport={"width": width, "height": height})
            asing: list[str] = []

            def blokir(route):
                asing.append(route.request.url)
                route.abort()

            ctx.route(lambda url: urlsplit(url).hostname not in ("127.0.0.1", "localhost")
                      and urlsplit(url).scheme in ("http", "https"), blokir)
            page = ctx.new_page()
            responses = []
            page.on("response", lambda r: responses.append(r))
            page.goto(base + path, wait_until="load")
            page.wait_for_load_state("networkidle")
            saat_muat = len(responses)
            tinggi = page.evaluate("() => document.documentElement.scrollHeight")
            layar = tinggi / height  # the page's length in screens, disclosures closed as the page opens
            for y in range(0, tinggi + height, height // 2):
                page.evaluate("y => window.scrollTo(0, y)", y)
                page.wait_for_timeout(30)
            page.wait_for_load_state("networkidle")

            rows = []
            for i, r in enumerate(responses):
                try:
                    body = r.body()
                except Exception:  # redirects and aborted requests have no body
                    body = b""
                url = urlsplit(r.url)
                teks = url.path.endswith("/") or url.path.endswith(TEKS)
                rows.append((i < saat_muat, r.request.resource_type, url.path, len(body), gz(body) if teks else len(body),
                             br(body) if teks else len(body)))
            browser.close()
    finally:
        server.shutdown()

    print(f"Halaman {path} di {width}×{height} (Chromium {CHROMIUM}): {layar:.1f} layar")
    html = next((r for r in rows if r[1] == "document"), None)
    if html:
        print(f"  HTML: {html[3]:,} byte ({kb(html[3]).strip()}), gzip {html[4]:,} byte ({kb(html[4]).strip()}), "
              f"Brotli {html[5]:,} byte ({kb(html[5]).strip()})")
    for judul, pilih in (("Saat dimuat", lambda r: r[0]), ("Setelah digulir sampai akhir", lambda r: True)):
        per_jenis: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for r in filter(pilih, rows):
            t = per_jenis[r[1]]
            t[0] += 1
            t[1] += r[3]
            t[2] += r[4]
            t[3] += r[5]
        total = [sum(v[i] for v in per_jenis.values()) for i in range(4)]
        print(f"\n  {judul}: {total[0]} permintaan, {kb(total[1]).strip()} (gzip ≈ {kb(total[2]).strip()}, Brotli ≈ {kb(total[3]).strip()})")
        print(f"    {'jenis':<12} {'jumlah':>6} {'mentah':>11} {'gzip':>11}")
        for jenis, (n, mentah, dikompres, _br) in sorted(per_jenis.items(), key=lambda kv: -kv[1][1]):
            print(f"    {jenis:<12} {n:>6} {kb(mentah)} {kb(dikompres)}")
    print("\n  Berkas terbesar:")
    for r in sorted(rows, key=lambda r: -r[3])[:8]:
        print(f"    {kb(r[3])}  gzip {kb(r[4])}  {r[1]:<10} {r[2]}{'' if r[0] else '  (lazy)'}")
    print(f"\n  Permintaan ke host lain (diblokir): {len(asing)}" + (f": {asing}" if asing else ""))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, help="a built site folder (default: build the sample site into a temp dir)")
    ap.add_argument("--path", default="/disnakertrans-ppu/2024/bab-3/")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    args = ap.parse_args()
    if args.site:
        ukur(args.site.resolve(), args.path, args.width, args.height)
        return
    from generator.pipeline import build

    tmp = Path(tempfile.mkdtemp(prefix="lkip-berat-"))
    try:
        if build(ROOT, tmp / "site") != 0:
            raise SystemExit("build gagal")
        ukur(tmp / "site", args.path, args.width, args.height)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()

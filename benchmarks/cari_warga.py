"""The citizen and journalist search queries of tests/browser/test_search.py (WARGA) with their first three results
on a built site, in Debian's Chromium through Pagefind's own API (what the search dialog shows). Figures only::

    .venv/bin/python benchmarks/cari_warga.py [--site site/]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from page_weight import CHROMIUM, CHROMIUM_ARGS, _Diam  # noqa: E402
from test_search import SEARCH, WARGA  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", default=str(ROOT / "site"))
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Diam, directory=args.site))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    kena = 0
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(base + "/")
            for q, harap in WARGA:
                hasil = page.evaluate(SEARCH, [q, None])[:3]
                ok = any(r["url"] in harap for r in hasil)
                kena += ok
                print(f"{'✓' if ok else '✗'} {q!r} (diharapkan salah satu: {', '.join(harap)})")
                for i, r in enumerate(hasil, 1):
                    print(f"    {i}. {r['title']}  {r['url']}")
            browser.close()
    finally:
        server.shutdown()
    print(f"\n{kena} dari {len(WARGA)} kueri menemukan halaman yang diharapkan di tiga teratas")


if __name__ == "__main__":
    main()

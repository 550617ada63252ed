"""Browser tests: build the sample site once, serve it on localhost, drive Debian's Chromium with Playwright.

Browsers cannot be downloaded here, so Playwright launches /usr/bin/chromium (installed by
scripts/ensure-chromium from the README's test command). Tests are skipped, loudly, only when no Chromium exists.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("LKIP_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


PONSEL = {"width": 390, "height": 844}  # the phone the reader-first pages are checked on (issue 14)


@pytest.fixture
def ponsel(browser):
    """A page in a fresh phone-sized context (Indonesian locale), closed after the test."""
    ctx = browser.new_context(locale="id-ID", viewport=PONSEL)
    yield ctx.new_page()
    ctx.close()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The sample site (agencies/ of this repository) built once for the whole session."""
    from generator.pipeline import build

    out = tmp_path_factory.mktemp("situs") / "site"
    assert build(ROOT, out) == 0
    return out


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """One Chromium per test module: a session-wide one would keep Playwright's sync loop running, and later
    modules that start their own (tests/test_injection.py) would fail with "Sync API inside the asyncio loop"."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium tidak ditemukan di {CHROMIUM}; jalankan scripts/ensure-chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    pg = context.new_page()
    yield pg
    context.close()


PAGE_TYPES = {
    "beranda": "/",
    "instansi": "/disnakertrans-ppu/",
    "ringkasan": "/disnakertrans-ppu/2024/",
    "kata-pengantar": "/disnakertrans-ppu/2024/kata-pengantar/",
    "bab-1": "/disnakertrans-ppu/2024/bab-1/",
    "bab-2": "/disnakertrans-ppu/2024/bab-2/",
    "bab-3": "/disnakertrans-ppu/2024/bab-3/",
    "bab-4": "/disnakertrans-ppu/2024/bab-4/",
    "lampiran": "/disnakertrans-ppu/2024/lampiran/",
    "catatan-pemeriksaan": "/disnakertrans-ppu/2024/catatan-pemeriksaan/",
    "bab-3-jember": "/disnaker-jember/2023/bab-3/",
    "bab-3-pasaman-barat": "/disnaker-pasaman-barat/2022/bab-3/",
    "dokumen": "/metode/",
}


def buka_pencarian(page, url: str, tombol: str = "/") -> None:
    """Load ``url`` and open the header's Pagefind dialog with a key ("/" as in Material, or "Control+k")."""
    page.goto(url)
    page.locator(".lkip-cari .pf-trigger-btn").wait_for()
    page.keyboard.press(tombol)
    page.wait_for_selector("dialog.pf-modal[open]")

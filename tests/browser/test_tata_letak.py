"""Layout on a phone (390 × 844) and a desktop: no table and no chart wider than the viewport on any page type, chart
text ≥ 12 px at phone width, and the Pagefind UI loaded only on the first search interaction (issue 14)."""

from __future__ import annotations

import pytest

from conftest import PAGE_TYPES, PONSEL

DESKTOP = {"width": 1366, "height": 900}

# Everything on the page wider than the viewport, or sticking out of it, among tables, their boxes and charts.
LEBAR = """() => {
  const vw = document.documentElement.clientWidth;
  const out = [];
  for (const el of document.querySelectorAll('.md-content table, .md-content .tabel-gulir, .md-content figure img, .md-content figure svg')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0) continue;  // inside a closed disclosure
    const box = el.closest('.tabel-gulir, .grafik-gulir');
    const inner = box && el.tagName === 'TABLE' ? el.scrollWidth > box.clientWidth + 1 : false;
    if (r.right > vw + 1 || r.left < -1 || inner) out.push(`${el.tagName.toLowerCase()} ${Math.round(r.width)}px: ${(el.querySelector('caption') || el).textContent.trim().slice(0, 60) || el.getAttribute('src')}`);
  }
  return {vw, out, page: document.documentElement.scrollWidth};
}"""


def _buka_semua(pg) -> None:
    """Open every disclosure (data tables of charts, long narratives) so hidden tables are measured too."""
    pg.evaluate("() => document.querySelectorAll('details').forEach((d) => { d.open = true; })")
    pg.wait_for_timeout(50)


@pytest.mark.parametrize("viewport", [PONSEL, DESKTOP], ids=["ponsel", "desktop"])
def test_no_table_or_chart_wider_than_the_viewport(browser, site_url, viewport):
    context = browser.new_context(locale="id-ID", viewport=viewport)
    try:
        pg = context.new_page()
        masalah = []
        for nama, path in PAGE_TYPES.items():
            pg.goto(site_url + path)
            pg.wait_for_load_state("load")
            _buka_semua(pg)
            pg.wait_for_timeout(250)  # lkip.js stacks what still overflows after a resize-debounce
            hasil = pg.evaluate(LEBAR)
            if hasil["out"] or hasil["page"] > hasil["vw"]:
                masalah.append(f"{nama} ({path}): halaman {hasil['page']}px di {hasil['vw']}px; " + "; ".join(hasil["out"][:5]))
        assert not masalah, "\n".join(masalah)
    finally:
        context.close()


def test_chart_text_at_least_12_px_on_a_phone(ponsel, site_url):
    """Every chart is one SVG scaled to the column: its smallest text, scaled, stays ≥ 12 px at 390 px."""
    pg = ponsel
    kecil = []
    for path in ("/disnakertrans-ppu/2024/bab-3/", "/disnaker-jember/2023/bab-3/", "/disnaker-pasaman-barat/2022/bab-3/"):
        pg.goto(site_url + path)
        for img in pg.locator("figure.grafik img.grafik-svg").all():
            src = img.get_attribute("src")
            lebar = img.evaluate("(el) => el.getBoundingClientRect().width")
            svg = pg.evaluate("""async (u) => { const t = await (await fetch(u)).text();
                const w = parseFloat(t.match(/<svg[^>]*width="([0-9.]+)pt"/)[1]);
                const sizes = [...t.matchAll(/font-size:\\s*([0-9.]+)px/g)].map((m) => parseFloat(m[1]));
                return {w, min: Math.min(...sizes)}; }""", pg.evaluate("(s) => new URL(s, location.href).href", src))
            # the viewBox is in pt (matplotlib): a font of s units drawn across a width of w units spans s × shown/w px
            px = svg["min"] * lebar / svg["w"]
            if px < 11.95:
                kecil.append(f"{src}: {px:.1f}px")
    assert not kecil, kecil


def test_no_pagefind_request_before_the_first_search_interaction(ponsel, site_url):
    pg = ponsel
    seen: list[str] = []
    pg.on("request", lambda r: seen.append(r.url))
    pg.goto(site_url + "/disnakertrans-ppu/2024/bab-3/")
    pg.wait_for_load_state("networkidle")
    pg.mouse.wheel(0, 3000)
    pg.wait_for_timeout(300)
    assert not [u for u in seen if "/pagefind/" in u]
    pg.locator(".lkip-cari .pf-trigger-btn").click()
    pg.wait_for_selector("dialog.pf-modal[open]")
    assert [u for u in seen if "/pagefind/pagefind-component-ui.js" in u]

"""The print page "Cetak / unduh" printed by Chromium: chrome hidden, chapters on new pages, header rows
repeated, tables not clipped, external link targets shown; and a real PDF with at least a page per chapter."""

from __future__ import annotations

import re

CETAK = "/disnakertrans-ppu/2024/cetak/"

GAYA_JS = """() => {
  const cs = (el, p) => el ? getComputedStyle(el).getPropertyValue(p) : null;
  const semua = sel => [...document.querySelectorAll(sel)];
  const a = document.createElement("a");
  a.href = "https://contoh.go.id/laporan"; a.textContent = "tautan luar";
  document.querySelector("article").appendChild(a);
  return {
    tersembunyi: [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer", ".tanpa-cetak", "p.unduh-tabel", "#cetak", ".cetak-petunjuk", "#data-terbuka"]
      .map(s => [s, semua(s).length, semua(s).every(el => cs(el, "display") === "none")]),
    bab: semua("h1.cetak-bab").map(h => [h.id, cs(h, "break-before")]),
    thead: [...new Set(semua("table.lkip thead").map(t => cs(t, "display")))],
    tr: [...new Set(semua("table.lkip tr").map(t => cs(t, "break-inside")))],
    gulir: [...new Set(semua(".tabel-gulir").map(t => cs(t, "overflow-x")))],
    luar: getComputedStyle(a, "::after").getPropertyValue("content"),
  };
}"""


def test_print_media_rules_apply_on_the_print_page(page, site_url):
    page.goto(site_url + CETAK, wait_until="load")
    page.emulate_media(media="print")
    g = page.evaluate(GAYA_JS)
    for sel, n, hidden in g["tersembunyi"]:
        assert n and hidden, f"{sel} tercetak"
    assert g["bab"][0][1] == "auto" and {b for _, b in g["bab"][1:]} == {"page"} and len(g["bab"]) >= 7
    assert g["thead"] == ["table-header-group"]
    assert g["tr"] == ["avoid"]
    assert g["gulir"] == ["visible"]
    assert g["luar"] == '" (" attr(href) ")"' or "contoh.go.id" in g["luar"]


def test_print_page_prints_to_pdf_with_a_page_per_chapter(page, site_url):
    page.goto(site_url + CETAK, wait_until="load")
    pdf = page.pdf(format="A4")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", pdf))
    chapters = page.evaluate("() => document.querySelectorAll('h1.cetak-bab').length")
    assert pdf.startswith(b"%PDF") and pages >= chapters >= 7

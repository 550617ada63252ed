"""Site search (Pagefind) in a real browser: recall on a fixture of real queries, Indonesian affixes, filters,
what is (not) indexed, the header search used with the keyboard, and no Material search left behind.

Every search runs through the Pagefind JavaScript and WebAssembly the site itself serves (/pagefind/), in
Chromium, against the sample site of this repository (agencies/) built once by conftest.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from conftest import buka_pencarian

ROOT = Path(__file__).resolve().parents[2]
TOP = 10  # a query counts as found when its page is among the first TOP results (the dialog shows 5, then "more")

# Query → the page a reader expects, with what the query is. Phrases are taken from agencies/*.yaml as
# rendered (indicator, sasaran and program names, narrative text) and from content/. "imbuhan" queries use a
# root or another affixed form than the page prints: found only through Indonesian stemming.
JEMBER, PASBAR, PPU = "/disnaker-jember/2023/", "/disnaker-pasaman-barat/2022/", "/disnakertrans-ppu/2024/"
QUERIES: list[tuple[str, str, str]] = [
    # indicators
    ("Level Maturitas SPIP", PASBAR + "bab-3/", "indikator"),
    ("Nilai Indeks Kepuasan Masyarakat", PPU + "bab-3/", "indikator"),
    ("pencaker terlatih bersertifikat kompetensi", JEMBER + "bab-3/", "indikator"),
    ("peserta BPJS ketenagakerjaan", PASBAR + "bab-3/", "indikator"),
    ("tata kelola kerja yang layak", PPU + "bab-3/", "indikator"),
    ("tingkat pengangguran terbuka", PASBAR + "bab-3/", "indikator"),
    # sasaran
    ("meningkatnya perlindungan tenaga kerja", JEMBER + "bab-3/", "sasaran"),
    ("kualitas penyelenggaraan transmigrasi", PPU + "bab-2/", "sasaran"),
    ("kesejahteraan masyarakat eks transmigrasi", PASBAR + "bab-3/", "sasaran"),
    # programs
    ("Program Hubungan Industrial", PPU + "bab-2/", "program"),
    ("Program Perencanaan Kawasan Transmigrasi", PPU + "bab-3/", "program"),
    ("Program Pelatihan Kerja dan Produktivitas Tenaga Kerja", PPU + "bab-2/", "program"),
    ("Program Penempatan Tenaga Kerja", PPU + "bab-2/", "program"),
    # narrative (report chapters, agency page, hand-written pages)
    ("Balai Latihan Kerja", PPU + "bab-3/", "narasi"),
    ("korupsi kolusi nepotisme", JEMBER + "bab-1/", "narasi"),
    ("umpan balik perbaikan kinerja", JEMBER + "bab-4/", "narasi"),
    ("belanja operasional", PASBAR + "bab-4/", "narasi"),
    ("Peraturan Daerah Penajam Paser Utara Nomor 1 Tahun 2020", PPU + "bab-1/", "narasi"),
    ("tugas pembantuan ketenagakerjaan transmigrasi", "/disnakertrans-ppu/", "narasi"),
    ("Suprihandoko", JEMBER + "kata-pengantar/", "narasi"),
    ("pembaca layar", "/aksesibilitas/", "narasi"),
    ("titik pemisah ribuan", "/cara-membaca/", "narasi"),
    # affixed forms (stemming)
    ("capaian", PASBAR + "bab-3/", "imbuhan"),  # the page says "pencapaian" too
    ("capaian sasaran transparansi", JEMBER + "kata-pengantar/", "imbuhan"),  # that page only says "pencapaian"
    ("latih", PPU + "bab-3/", "imbuhan"),  # "pelatihan", "latihan", "terlatih"
    ("bidang latih produktivitas", PASBAR + "bab-1/", "imbuhan"),  # "Bidang Pelatihan dan Produktivitas"
    ("selesai perselisihan hubungan industrial", PPU + "bab-3/", "imbuhan"),  # "penyelesaian"
    ("serap anggaran", PPU + "bab-3/", "imbuhan"),  # "penyerapan"
    ("sejahtera eks transmigrasi", PASBAR + "bab-3/", "imbuhan"),  # "kesejahteraan"
    ("lindung tenaga kerja", JEMBER + "bab-3/", "imbuhan"),  # "perlindungan"
]

# Citizen and journalist queries (issue 14): what a reader types, and the pages any of which must be among the first
# three results. Guides for planners and developers (/panduan/) must never be among them.
WARGA: list[tuple[str, list[str]]] = [
    ("realisasi anggaran", [PASBAR + "bab-3/", PPU + "bab-3/", JEMBER + "bab-3/"]),
    ("penyerapan anggaran Jember", [JEMBER, JEMBER + "bab-3/"]),
    ("capaian kinerja Pasaman Barat", [PASBAR]),
    ("pengangguran Pasaman Barat", [PASBAR + "bab-3/"]),
    ("pencari kerja ditempatkan", [JEMBER + "bab-3/", PASBAR + "bab-3/", PPU + "bab-3/"]),
    ("pelatihan kerja Penajam Paser Utara", [PPU + "bab-3/"]),
    ("peserta BPJS ketenagakerjaan", [PASBAR + "bab-3/"]),
    ("transmigrasi", ["/disnakertrans-ppu/"]),
    ("indeks kepuasan masyarakat", [PPU + "bab-3/"]),
    ("predikat kinerja", [JEMBER + "bab-3/", "/metode/"]),
    ("target tidak tercapai", [JEMBER, PPU, PASBAR]),
    ("jumlah pegawai", [JEMBER + "bab-1/", PASBAR + "bab-1/", PPU + "bab-1/"]),
    ("struktur organisasi", [JEMBER + "bab-1/", PASBAR + "bab-1/", PPU + "bab-1/"]),
    ("visi misi", [JEMBER + "bab-2/", PASBAR + "bab-2/", PPU + "bab-2/"]),
    ("perselisihan hubungan industrial", [JEMBER + "bab-3/"]),
    ("sertifikat kompetensi", [JEMBER + "bab-3/"]),
    ("jaminan sosial tenaga kerja", [PPU + "bab-3/"]),
    ("efisiensi anggaran", [PPU + "bab-3/", PASBAR + "bab-3/"]),
    ("kesimpulan", [JEMBER + "bab-4/", PASBAR + "bab-4/", PPU + "bab-4/"]),
    ("Dinas Tenaga Kerja Jember", ["/disnaker-jember/"]),
    ("Penajam Paser Utara 2024", [PPU]),
    ("pagu anggaran", [JEMBER + "bab-3/", PPU + "bab-3/", PASBAR + "bab-3/"]),
]

# Query, a page that never prints the query word itself, and the affixed form it prints instead.
AFFIXED: list[tuple[str, str, str]] = [
    ("capaian", JEMBER + "kata-pengantar/", "pencapaian"),
    ("latih", PASBAR + "bab-2/", "pelatihan"),
    ("serap", PPU + "bab-3/", "penyerapan"),
    ("sejahtera", PASBAR + "bab-3/", "kesejahteraan"),
    ("lindung", JEMBER + "bab-3/", "perlindungan"),
]

SEARCH = """async ([q, filters]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(q, {filters: filters || {}});
  const data = await Promise.all(found.results.map((r) => r.data()));
  return data.map((d) => ({url: d.url, title: d.meta.title, excerpt: d.excerpt, filters: d.filters}));
}"""

CONTENT = """async ([q, url]) => {
  const pagefind = await import("/pagefind/pagefind.js");
  const found = await pagefind.search(q);
  for (const r of found.results) {
    const d = await r.data();
    if (d.url === url) return d.content;
  }
  return null;
}"""


def search(page, q: str, filters: dict | None = None) -> list[dict]:
    return page.evaluate(SEARCH, [q, filters])


def body_text(built_site: Path, url: str, without_numbers: bool = False) -> str:
    """The indexed part of a built page (data-pagefind-body) as plain text."""
    raw = (built_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    assert "data-pagefind-body" in raw, url
    body = raw.split("data-pagefind-body", 1)[1]
    if without_numbers:
        body = re.sub(r'<td[^>]*class="angka[^"]*"[^>]*>.*?</td>', " ", body, flags=re.S)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


@pytest.fixture
def search_page(page, site_url):
    page.goto(site_url + "/")
    return page


def test_query_fixture_recall_at_least_90_percent(search_page, built_site):
    assert len(QUERIES) >= 20
    misses, found = [], 0
    for q, expected, kind in QUERIES:
        assert (built_site / expected.strip("/") / "index.html").is_file(), f"fixture names a page that does not exist: {expected}"
        urls = [r["url"] for r in search(search_page, q)]
        if expected in urls[:TOP]:
            found += 1
        else:
            rank = urls.index(expected) + 1 if expected in urls else None
            misses.append(f"{kind}: {q!r} → {expected} (rank {rank} of {len(urls)}; top: {urls[:3]})")
    recall = found / len(QUERIES)
    print(f"\nrecall@{TOP}: {found}/{len(QUERIES)} = {recall:.0%}" + "".join(f"\n  miss {m}" for m in misses))
    assert recall >= 0.9, "\n".join(misses)


def test_citizen_queries_find_their_page_in_the_top_3(search_page, built_site):
    assert len(WARGA) >= 20
    salah = []
    for q, harapan in WARGA:
        for u in harapan:
            assert (built_site / u.strip("/") / "index.html").is_file(), u
        urls = [r["url"] for r in search(search_page, q)][:3]
        if not set(urls) & set(harapan) or [u for u in urls if u.startswith("/panduan/")]:
            salah.append(f"{q!r}: {urls} (diharapkan salah satu dari {harapan})")
    assert not salah, "\n".join(salah)


def test_guides_are_not_in_the_public_search(search_page, built_site):
    assert not [r for r in search(search_page, "format data YAML") if r["url"].startswith("/panduan/")]
    assert "data-pagefind-body" not in (built_site / "panduan" / "format-data" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("q,url,form", AFFIXED, ids=[a[0] for a in AFFIXED])
def test_affixed_forms_are_found_through_indonesian_stemming(search_page, built_site, q, url, form):
    text = words(body_text(built_site, url))
    assert q not in text and form in text, "fixture no longer shows stemming on this page"
    results = {r["url"]: r for r in search(search_page, q)}
    assert url in results, f"{q!r} does not find {url}, which says {form!r}"
    assert "<mark>" in results[url]["excerpt"]  # the excerpt highlights the affixed word it matched


def agencies() -> dict[str, str]:
    return {p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))["nama"] for p in sorted((ROOT / "agencies").glob("*/profil.yaml"))}


def test_results_filter_by_agency_and_year(search_page):
    names = agencies()
    filters = search_page.evaluate("""async () => (await import("/pagefind/pagefind.js")).filters()""")
    assert set(filters["instansi"]) == set(names.values())
    assert set(filters["tahun"]) == {"2022", "2023", "2024"}

    everything = search(search_page, "pelatihan")
    assert {r["url"].split("/")[1] for r in everything} >= set(names)
    jember = search(search_page, "pelatihan", {"instansi": names["disnaker-jember"]})
    assert jember and all(r["url"].startswith("/disnaker-jember/") for r in jember)
    assert all(r["filters"]["instansi"] == [names["disnaker-jember"]] for r in jember)
    y2022 = search(search_page, "pelatihan", {"tahun": "2022"})
    assert y2022 and all(r["url"].startswith("/disnaker-pasaman-barat/2022/") for r in y2022)
    both = search(search_page, "pelatihan", {"instansi": names["disnaker-jember"], "tahun": "2022"})
    assert both == []
    # report pages carry a short agency label and the year in the result title (every agency has a "BAB III")
    assert any(r["title"] == "Disnaker Jember 2023 · BAB III" for r in jember)
    assert all(len(r["title"]) <= 50 for r in everything), [r["title"] for r in everything if len(r["title"]) > 50]
    ppu = search(search_page, "transmigrasi", {"instansi": names["disnakertrans-ppu"]})
    assert "Disnakertrans PPU · profil dan laporan" in [r["title"] for r in ppu]


def test_table_numbers_are_not_indexed_but_captions_and_row_names_are(search_page, built_site):
    url = JEMBER + "bab-3/"
    content = search_page.evaluate(CONTENT, ["Suprihandoko sasaran", url]) or search_page.evaluate(CONTENT, ["pencaker terlatih", url])
    assert content, "the page's indexed content could not be read"
    raw = (built_site / url.strip("/") / "index.html").read_text(encoding="utf-8")
    elsewhere = body_text(built_site, url, without_numbers=True)
    cells = {html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in re.findall(r'<td[^>]*class="angka[^"]*"[^>]*>(.*?)</td>', raw, flags=re.S)}
    numbers = {c for c in cells if re.fullmatch(r"[\d.,%]{6,}", c) and c not in elsewhere}
    assert len(numbers) > 20, "expected a page with many table numbers"
    leaked = sorted(n for n in numbers if n in content)
    assert leaked == [], f"table numbers in the index: {leaked[:10]}"
    captions = [" ".join(html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="tautan-salin.*?</a>', "", c, flags=re.S))).split())
                for c in re.findall(r"<caption>(.*?)</caption>", raw, flags=re.S)]  # the copy link is not indexed
    flat = " ".join(content.split())
    assert captions and all(c in flat for c in captions)
    # row headers of the budget tables: program names are still found
    assert "Program Penempatan Tenaga Kerja".lower() in flat.lower()
    # permalink marks are not indexed
    assert "¶" not in content


def test_print_page_is_not_indexed_twice(search_page, built_site):
    """The print page repeats every chapter: results point to the chapters instead (front matter search.exclude)."""
    printed = [p for p in built_site.rglob("cetak/index.html")]
    for p in printed:
        assert "data-pagefind-body" not in p.read_text(encoding="utf-8")
    urls = [r["url"] for r in search(search_page, "pelatihan")]
    assert urls and not [u for u in urls if "/cetak/" in u]


def test_header_search_with_the_keyboard(page, site_url):
    page.goto(site_url + "/tentang/")
    trigger = page.locator("header.md-header .lkip-cari .pf-trigger-btn")
    trigger.wait_for()
    assert trigger.get_attribute("aria-label") == "Cari"
    assert page.evaluate("document.documentElement.lang") == "id"
    # Material's "/" key (and Pagefind's Ctrl+K) opens the dialog with the query field focused
    page.keyboard.press("/")
    page.wait_for_selector("dialog.pf-modal[open]")
    assert page.evaluate("document.activeElement.matches('pagefind-input input')")
    page.keyboard.type("pelatihan")
    page.wait_for_selector("pagefind-results a.pf-result-link")
    summary = page.locator("pagefind-summary")
    page.wait_for_function("document.querySelector('pagefind-summary').innerText.includes('hasil untuk')")
    assert "pelatihan" in summary.inner_text()  # Indonesian UI string: "Ditemukan N hasil untuk pelatihan"
    # filter by agency with the keyboard: open the dropdown, move to the agency, select, leave
    names = agencies()
    dropdown = page.locator("pagefind-filter-dropdown[filter=instansi] .pf-dropdown-trigger")
    dropdown.focus()
    page.keyboard.press("ArrowDown")
    for _ in range(len(names)):
        active = dropdown.get_attribute("aria-activedescendant")
        if active and names["disnaker-jember"] in page.locator(f"#{active}").inner_text():
            break
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.wait_for_function("""() => { const a = [...document.querySelectorAll('pagefind-results a.pf-result-link')];
                                      return a.length && a.every((x) => x.getAttribute('href').startsWith('/disnaker-jember/')); }""")
    # arrow down from the field to the first result, Enter opens it
    page.locator("pagefind-input input").focus()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.matches('a.pf-result-link')")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/disnaker-jember/2023/" in page.url


def test_escape_closes_and_returns_focus_to_the_header_button(page, site_url):
    buka_pencarian(page, site_url + "/", "Control+k")
    page.keyboard.press("Escape")
    page.wait_for_selector("dialog.pf-modal[open]", state="detached")
    assert page.evaluate("document.activeElement.matches('.lkip-cari .pf-trigger-btn')")


def test_phone_width_search_icon_opens_full_screen_search(browser, site_url):
    context = browser.new_context(locale="id-ID", viewport={"width": 375, "height": 740}, has_touch=True)
    try:
        pg = context.new_page()
        pg.goto(site_url + PPU + "bab-3/")
        button = pg.locator("header.md-header .lkip-cari .pf-trigger-btn")
        button.wait_for()
        page_width = pg.evaluate("document.documentElement.scrollWidth")
        box = button.bounding_box()
        assert box and box["x"] + box["width"] <= 375 and box["width"] >= 40  # visible, a touch target, in the header
        assert not pg.locator(".lkip-cari .pf-trigger-text").is_visible()
        button.click()
        dialog = pg.locator("dialog.pf-modal[open]")
        dialog.wait_for()
        pg.keyboard.type("jaminan sosial")
        pg.wait_for_selector("pagefind-results a.pf-result-link")
        width = dialog.bounding_box()["width"]
        assert width >= 370
        assert pg.evaluate("document.documentElement.scrollWidth") <= page_width  # the search adds no sideways scrolling
    finally:
        context.close()


def test_search_makes_no_third_party_requests(page, site_url):
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(site_url + "/")
    page.locator(".lkip-cari .pf-trigger-btn").click()
    page.keyboard.type("indikator kinerja")
    page.wait_for_selector("pagefind-results a.pf-result-link")
    outside = [u for u in seen if not (u.startswith(site_url) or u.startswith("data:"))]
    assert outside == []
    assert any("/pagefind/" in u for u in seen)


def test_material_search_is_off(built_site):
    assert not (built_site / "search").exists()
    assert not list(built_site.rglob("search_index.json"))
    page = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'data-md-component="search"' not in page
    assert "pagefind-modal-trigger" in page and "data-pagefind-body" in page
    entry = (built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8")
    assert '"id"' in entry  # one Indonesian index
    assert "data-pagefind-body" not in (built_site / "404.html").read_text(encoding="utf-8")


def test_pagefind_output_is_reproducible(built_site, tmp_path):
    """Pagefind writes filter values in hash-map order; generator/pencarian.py sorts them: same input, same bytes."""
    import hashlib
    import shutil

    from generator.pencarian import run_pagefind

    def index(name: str) -> dict[str, str]:
        site = tmp_path / name
        shutil.copytree(built_site, site, ignore=shutil.ignore_patterns("pagefind"))
        proc = run_pagefind(site)
        assert proc.returncode == 0 and "tidak distabilkan" not in proc.stderr, proc.stderr
        bundle = site / "pagefind"
        return {p.relative_to(bundle).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(bundle.rglob("*")) if p.is_file()}

    first = index("a")
    assert [k for k in first if k.startswith("filter/")], "no filter files"
    for n in range(3):
        assert index(f"b{n}") == first


def test_header_override_differs_from_material_only_by_the_search_slot():
    """theme/overrides/partials/header.html is Material's header plus the marked LKIP lines."""
    import material

    theirs = (Path(material.__file__).parent / "templates" / "partials" / "header.html").read_text(encoding="utf-8")
    ours = (ROOT / "theme" / "overrides" / "partials" / "header.html").read_text(encoding="utf-8")
    body = ours.split("-#}\n", 1)[1]
    marker = "    {#- LKIP:"
    start = body.index(marker)
    end = body.index("    {% endif %}\n", start) + len("    {% endif %}\n")
    assert "partials/pencarian.html" in body[start:end]
    assert theirs.split("-#}\n", 1)[1] == body[:start] + body[end:], "Material's header changed: update the override"

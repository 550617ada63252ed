"""Issue 14 part A in Chromium at phone size (390 × 844): the answer on the first screen, BAB III for people,
a page of its own for every <title>, links to every table and figure.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from conftest import PAGE_TYPES, PONSEL

LAPORAN = ["disnakertrans-ppu/2024", "disnaker-jember/2023", "disnaker-pasaman-barat/2022"]
HALAMAN = ["", "kata-pengantar/", "bab-1/", "bab-2/", "bab-3/", "bab-4/", "lampiran/", "catatan-pemeriksaan/"]


def _url_jawaban(built_site) -> list[str]:
    """Every report page and agency page of the sample site that exists."""
    out = []
    for lap in LAPORAN:
        out.append("/" + lap.split("/")[0] + "/")
        out += [f"/{lap}/{h}" for h in HALAMAN if (built_site / lap / h / "index.html").is_file()]
    return out


def test_answer_block_is_inside_the_first_phone_screen(ponsel, site_url, built_site):
    urls = _url_jawaban(built_site)
    assert len(urls) >= 20
    salah = []
    for u in urls:
        ponsel.goto(site_url + u)
        kotak = ponsel.evaluate("""() => { const e = document.querySelector('article .jawaban');
            if (!e) return null; const r = e.getBoundingClientRect(); return [r.top, r.bottom, e.textContent]; }""")
        if kotak is None:
            salah.append(f"{u}: tanpa blok jawaban")
        elif kotak[1] > PONSEL["height"]:
            salah.append(f"{u}: blok jawaban berakhir di {kotak[1]:.0f} px (layar {PONSEL['height']} px)")
        elif "target tercapai" not in kotak[2]:
            salah.append(f"{u}: blok jawaban tanpa jumlah target tercapai")
    assert not salah, "\n".join(salah)


def test_home_answers_first_inside_the_first_phone_screen(ponsel, site_url):
    ponsel.goto(site_url + "/")
    butir = ponsel.locator("article ul.lkip-sekilas li")
    assert butir.count() == 3
    kotak = butir.first.bounding_box()
    assert kotak["y"] + kotak["height"] <= PONSEL["height"], f"butir pertama berakhir di {kotak['y'] + kotak['height']:.0f} px"
    assert "target tercapai" in butir.first.inner_text() and "terserap" in butir.first.inner_text()


def test_ringkasan_answers_in_words_ppu_2024(ponsel, site_url):
    ponsel.goto(site_url + PAGE_TYPES["ringkasan"])
    teks = " ".join(ponsel.locator("article section.jawaban").inner_text().split())
    assert "4 dari 7 target tercapai (3 tidak tercapai)" in teks
    assert "Anggaran Rp 25,5 miliar, terserap 94,4% (Rp 24,1 miliar)" in teks
    assert "Capaian kinerja rata-rata 87,46%" in teks and "Dihitung ulang oleh portal" in teks
    status = ponsel.locator("article table.lkip").first.locator("tbody td.status").all_inner_texts()
    assert status == ["tercapai", "tidak tercapai", "tercapai", "tidak tercapai", "tidak tercapai", "tercapai", "tercapai"]


def test_no_two_pages_share_a_title_and_every_report_page_has_a_preview(built_site):
    judul: dict[str, list[str]] = defaultdict(list)
    for f in sorted(built_site.rglob("*.html")):
        if "pagefind" in f.parts or f.name.startswith("google"):
            continue
        html = f.read_text(encoding="utf-8")
        m = re.search(r"<title>(.*?)</title>", html, re.S)
        assert m, f"{f}: tanpa <title>"
        judul[" ".join(m.group(1).split())].append(str(f.relative_to(built_site)))
        if re.search(r"/\d{4}/", "/" + str(f.relative_to(built_site))):
            for prop in ("og:title", "og:description", "og:type"):
                assert f'<meta property="{prop}"' in html, f"{f}: tanpa {prop}"
            desk = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
            assert "target tercapai" in desk, f"{f}: deskripsi tanpa angka utama: {desk}"
    ganda = {k: v for k, v in judul.items() if len(v) > 1}
    assert not ganda, ganda


def test_every_table_and_figure_caption_links_to_itself(ponsel, site_url):
    ponsel.goto(site_url + PAGE_TYPES["bab-3"])
    hasil = ponsel.evaluate("""() => {
        const out = [];
        for (const t of document.querySelectorAll('article .tabel-gulir[id] > table > caption')) {
            const a = t.querySelector('a.tautan-salin'); const id = t.closest('.tabel-gulir').id;
            out.push([id, a ? a.getAttribute('href') : null]);
        }
        for (const f of document.querySelectorAll('article figure[id] > figcaption')) {
            const a = f.querySelector('a.tautan-salin'); out.push([f.parentElement.id, a ? a.getAttribute('href') : null]);
        }
        return out; }""")
    assert len(hasil) > 20
    assert all(href == "#" + i for i, href in hasil), [x for x in hasil if x[1] != "#" + x[0]]


def test_bab3_is_compact_with_real_disclosures_and_a_sticky_menu(ponsel, site_url):
    ponsel.goto(site_url + PAGE_TYPES["bab-3"])
    # every disclosure has a real summary; the indicator's result, table and chart stay outside
    d = ponsel.evaluate("""() => [...document.querySelectorAll('article details')].map(x =>
        x.firstElementChild && x.firstElementChild.tagName === 'SUMMARY' && x.firstElementChild.textContent.trim().length > 0)""")
    assert d and all(d)
    hasil = ponsel.locator("#indikator-iku-pelatihan ~ p.hasil-indikator").first.inner_text()
    assert hasil.startswith("Tercapai.") and "capaian 132,00%" in hasil
    assert ponsel.locator("details.rincian-indikator").count() == 7
    # no placeholder for a missing photo, anywhere in the report
    assert ponsel.locator("text=Gambar tidak tersedia").count() == 0
    # the "Di halaman ini" menu sticks under the header while the page scrolls
    ponsel.evaluate("() => window.scrollTo(0, 4000)")
    ponsel.wait_for_timeout(100)
    top = ponsel.evaluate("() => document.querySelector('nav.di-halaman').getBoundingClientRect().top")
    assert 0 <= top <= 60, top
    ponsel.locator("nav.di-halaman summary").click()
    ponsel.locator("nav.di-halaman a[href='#indikator-iku-pelatihan']").click()
    assert ponsel.evaluate("() => location.hash") == "#indikator-iku-pelatihan"
    assert not ponsel.evaluate("() => document.querySelector('nav.di-halaman details').open")
    # a link to a table inside a closed disclosure opens it (the audit page links there)
    ponsel.goto(site_url + PAGE_TYPES["bab-3"] + "#tabel-p3-1")
    terbuka = ponsel.evaluate("() => { const d = document.getElementById('tabel-p3-1').closest('details'); return d ? d.open : true; }")
    assert terbuka
